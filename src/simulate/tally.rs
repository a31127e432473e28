//! Counting what decided each group: by criterion, in flat arrays of counts while groups are
//! played (nothing allocated per group), turned into a [`Tally`] of names once per thread.

use std::collections::BTreeMap;

use crate::compute::standings::{GroupTable, Qualification};
use crate::rules::Criterion;

use super::Tally;

/// What the counter reads from a ranked group, whichever ranker ranked it. Criteria are
/// numbered by their place in the rule set's list of criteria ([`Counter::new`]).
pub trait Ranked {
    /// The criterion that separated place `place + 1` from the one below (0-based `place`);
    /// `None` when they are level on every criterion.
    fn separation(&self, place: usize) -> Option<usize>;
    /// Whether a tie reached a criterion reading recorded decisions.
    fn decision_reached(&self) -> bool;
    /// Whether some teams are level on every criterion.
    fn level_at_end(&self) -> bool;
    /// The advancing teams, a bit per team; `None` when a tie leaves them undecided.
    fn advancing(&self) -> Option<u64>;
}

/// An engine's table, with the rule set's list of criteria to number them.
pub struct Engine<'t, 'g> {
    /// The table.
    pub table: &'t GroupTable<'g>,
    /// The rule set's criteria, as given to [`Counter::new`].
    pub criteria: &'t [Criterion],
}

impl Ranked for Engine<'_, '_> {
    fn separation(&self, place: usize) -> Option<usize> {
        let mut seen = 0;
        for tier in &self.table.ordering.tiers {
            seen += tier.teams.len();
            if seen == place + 1 {
                let criterion = &tier.above_next.as_ref()?.criterion;
                return self.criteria.iter().position(|c| c == criterion);
            }
            if seen > place + 1 {
                return None;
            }
        }
        None
    }

    fn decision_reached(&self) -> bool {
        self.table
            .ordering
            .steps
            .iter()
            .any(|s| s.criterion.needs().reads_decisions())
    }

    fn level_at_end(&self) -> bool {
        self.table.unresolved().next().is_some()
    }

    fn advancing(&self) -> Option<u64> {
        match &self.table.qualification {
            Qualification::Decided(teams) => {
                Some(teams.iter().fold(0, |mask, t| mask | 1 << t.index()))
            }
            Qualification::Undecided { .. } => None,
        }
    }
}

/// A [`Tally`] while groups are being played.
#[derive(Debug, Clone)]
pub struct Counter {
    /// The rule set's criteria; index `criteria.len()` in a place's counts is "level".
    criteria: Vec<Criterion>,
    /// How many places are counted.
    places: usize,
    /// Groups counted.
    groups: u64,
    /// `counts[p * (criteria.len() + 1) + c]`: how often criterion `c` separated place `p + 1`
    /// from the next.
    counts: Vec<u64>,
    decision_reached: u64,
    level_at_end: u64,
    qualification_undecided: u64,
}

impl Counter {
    /// A counter for groups of `teams` teams of which `advance` advance, under a rule set whose
    /// chains' criteria are `criteria`.
    pub fn new(criteria: Vec<Criterion>, teams: usize, advance: usize) -> Counter {
        let places = advance.clamp(1, teams.saturating_sub(1).max(1));
        Counter {
            counts: vec![0; places * (criteria.len() + 1)],
            criteria,
            places,
            groups: 0,
            decision_reached: 0,
            level_at_end: 0,
            qualification_undecided: 0,
        }
    }

    /// Counts one ranked group; returns who advances (as [`Ranked::advancing`]).
    pub fn record(&mut self, ranked: &impl Ranked) -> Option<u64> {
        let width = self.criteria.len() + 1;
        self.groups += 1;
        for p in 0..self.places {
            let c = ranked.separation(p).unwrap_or(self.criteria.len());
            self.counts[p * width + c] += 1;
        }
        self.decision_reached += u64::from(ranked.decision_reached());
        self.level_at_end += u64::from(ranked.level_at_end());
        let advancing = ranked.advancing();
        self.qualification_undecided += u64::from(advancing.is_none());
        advancing
    }

    /// The tally, with criteria by name (`level` for none); a place no group was counted for
    /// is left out.
    pub fn into_tally(self) -> Tally {
        let width = self.criteria.len() + 1;
        let name = |c: usize| self.criteria.get(c).map_or("level", Criterion::key);
        Tally {
            places: self
                .counts
                .chunks(width)
                .take(if self.groups > 0 { self.places } else { 0 })
                .map(|counts| {
                    counts
                        .iter()
                        .enumerate()
                        .filter(|&(_, &n)| n > 0)
                        .map(|(c, &n)| (name(c).to_string(), n))
                        .collect::<BTreeMap<_, _>>()
                })
                .collect(),
            decision_reached: self.decision_reached,
            level_at_end: self.level_at_end,
            qualification_undecided: self.qualification_undecided,
        }
    }
}

/// A rule set's criteria, each once: `order`'s, then those only `qualifying_order` names.
pub fn criteria(rules: &crate::rules::GroupRules) -> Vec<Criterion> {
    let mut out: Vec<Criterion> = Vec::new();
    for c in rules
        .tiebreak
        .iter()
        .chain(rules.qualifying_tiebreak.iter().flatten())
    {
        if !out.contains(c) {
            out.push(c.clone());
        }
    }
    out
}
