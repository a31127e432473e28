//! One completed group ranked by the ordinary engine ([`crate::compute::standings::compute_group`]),
//! and what the table says for each team: first or not, through or not, or unknown where the
//! order rests on data nobody has before the matches are played (cards, lots, a shoot-out).

use serde::Serialize;

use crate::compute::standings::compute_group;
use crate::criteria::Needs;
use crate::model::{Cards, Group, Match, Outcome, TeamId};
use crate::rules::GroupRules;

/// Yes, no, or not known from the scores alone.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Tri {
    /// Certainly.
    Yes,
    /// Certainly not.
    No,
    /// Decided by data the scores do not give (see [`Unknown`]).
    Open,
}

/// What an order may rest on beyond the scores.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Unknown {
    /// Cards in the matches still to play (a fair-play criterion).
    FairPlay,
    /// A drawing of lots, a recorded decision or a play-off, or teams the rules leave level.
    Lots,
    /// A shoot-out after a drawn match still to play.
    ShootOut,
    /// A coefficient or declared value the data does not record.
    Data,
}

/// A team's fate in one completed group.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Fate {
    /// Whether it finishes first.
    pub first: Tri,
    /// Whether it finishes in a qualifying place (`qualification.advance`).
    pub advances: Tri,
    /// Its best and worst 0-based place.
    pub places: (usize, usize),
}

/// A group with its fixtures appended as matches, to be given scores and ranked again and
/// again: decisions recorded for the real outcome are dropped (they decided another table), and
/// cards are zero for everyone when the chain uses them (what the matches to come add is
/// unknown, so a fair-play step leaves its teams' order open).
pub struct Workbench<'a> {
    group: Group,
    rules: &'a GroupRules,
    played: usize,
}

impl<'a> Workbench<'a> {
    /// The bench for `group` under `rules`.
    pub fn new(group: &Group, rules: &'a GroupRules) -> Workbench<'a> {
        let mut work = group.clone();
        let played = work.matches.len();
        work.decisions.clear();
        let uses_cards = rules
            .tiebreak
            .iter()
            .chain(rules.qualifying_tiebreak.iter().flatten())
            .any(|c| c.needs() == Needs::Cards);
        if uses_cards {
            work.cards = vec![Some(Cards::default()); work.teams.len()];
        }
        for f in &group.fixtures {
            work.matches.push(Match::new(
                f.home,
                f.away,
                Outcome::Played { home: 0, away: 0 },
            ));
        }
        work.fixtures.clear();
        work.spans = Default::default();
        Workbench {
            group: work,
            rules,
            played,
        }
    }

    /// Ranks the group with fixture `i` ending `scores[i]`: each team's fate (by [`TeamId`]) and
    /// what the order rested on beyond the scores.
    pub fn rank(&mut self, scores: &[(u32, u32)], unknown: &mut Vec<Unknown>) -> Vec<Fate> {
        for (i, &(home, away)) in scores.iter().enumerate() {
            let m = &mut self.group.matches[self.played + i];
            *m = Match::new(m.home, m.away, Outcome::Played { home, away });
        }
        let n = self.group.teams.len();
        let advance = self.rules.advance;
        let table = match compute_group(&self.group, self.rules) {
            Ok(table) => table,
            Err(_) => {
                unknown.push(Unknown::Data);
                let open = Fate {
                    first: Tri::Open,
                    advances: Tri::Open,
                    places: (0, n.saturating_sub(1)),
                };
                return vec![open; n];
            }
        };
        // Each row's reach: the widest span of rows whose order rests on unknown data.
        let mut reach: Vec<(usize, usize)> = (0..n).map(|r| (r, r)).collect();
        let mut widen = |rows: std::ops::Range<usize>, why: Unknown, unknown: &mut Vec<Unknown>| {
            if rows.len() < 2 {
                return;
            }
            if !unknown.contains(&why) {
                unknown.push(why);
            }
            for r in rows.clone() {
                reach[r] = (reach[r].0.min(rows.start), reach[r].1.max(rows.end - 1));
            }
        };
        // A shoot-out is unknown only after a drawn fixture between two of the step's teams:
        // after a match already played, the data says whether there was one.
        let fixtures = &self.group.matches[self.played..];
        let drawn_fixture_among = |teams: &[(TeamId, crate::quantity::Quantity)]| {
            let among = |t: TeamId| teams.iter().any(|(x, _)| *x == t);
            fixtures
                .iter()
                .zip(scores)
                .any(|(m, &(h, a))| h == a && among(m.home) && among(m.away))
        };
        for step in &table.ordering.steps {
            let why = match step.criterion.needs() {
                Needs::Cards => Unknown::FairPlay,
                Needs::Decision | Needs::PlayOff => Unknown::Lots,
                Needs::ShootOut if drawn_fixture_among(&step.values) => Unknown::ShootOut,
                _ => continue,
            };
            widen(step.rows(), why, unknown);
        }
        let mut row = 0;
        for tier in &table.ordering.tiers {
            widen(row..row + tier.teams.len(), Unknown::Lots, unknown);
            row += tier.teams.len();
        }
        let mut fates = vec![
            Fate {
                first: Tri::No,
                advances: Tri::No,
                places: (0, 0),
            };
            n
        ];
        for (r, row) in table.rows.iter().enumerate() {
            let (best, worst) = reach[r];
            let tri = |places: usize| match (worst < places, best < places) {
                (true, _) => Tri::Yes,
                (false, true) => Tri::Open,
                (false, false) => Tri::No,
            };
            fates[row.team.index()] = Fate {
                first: tri(1),
                advances: tri(advance),
                places: (best, worst),
            };
        }
        fates
    }

    /// The team named first in fixture `i`.
    pub fn home(&self, i: usize) -> TeamId {
        self.group.matches[self.played + i].home
    }
}
