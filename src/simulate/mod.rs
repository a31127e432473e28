//! The format lab: play many random round-robin groups and rank each under one or two rule
//! sets, to see how often each criterion decides a place, how often a tie reaches the
//! recorded-decision step, and how often two rule sets send different teams through.
//!
//! Goals are Poisson-distributed from random team strengths with a home advantage; a match may
//! be forfeited ([`draw`]). Group `i` draws everything from its own ChaCha8 stream (`seed`,
//! stream `i`), so the report depends on the seed alone, never on how many threads play the
//! groups.
//!
//! Groups of up to 8 teams are ranked on the stack (module `fast`), under every rule set whose
//! criteria it covers; any other group or rule set by the engine ([`compute_group`]). Each
//! thread plays its share of the groups with its own group and counters (module `tally`),
//! allocating nothing per group, and the counts are added up at the end.

pub mod draw;
mod fast;
mod tally;

use std::collections::BTreeMap;

use rayon::prelude::*;

use crate::compute::standings::compute_group;
use crate::model::Group;
use crate::rules::{Criterion, GroupRules};

pub use draw::{Draw, STRENGTH_LEVELS, template};
use fast::{Plan, Ranker};

/// The most teams a simulated group may have.
pub const MAX_TEAMS: usize = 64;

/// How groups are generated.
#[derive(Debug, Clone)]
pub struct Options {
    /// Teams per group, at most [`MAX_TEAMS`].
    pub teams: usize,
    /// How many groups to play.
    pub groups: u64,
    /// The seed: the same seed gives the same report.
    pub seed: u64,
    /// Home advantage: the home side's expected goals are multiplied by `1 + home_advantage`.
    pub home_advantage: f64,
    /// Spread of team strengths: each is drawn uniformly from `1 ± spread` (at least 0.05),
    /// then rounded to one of [`STRENGTH_LEVELS`] levels ([`draw`]).
    pub strength_spread: f64,
    /// Probability that a match is forfeited (by the home side, the away side or both).
    pub forfeit_probability: f64,
}

/// What one rule set did over all groups. Keys are criterion names (`goal_difference`), or
/// `level` when no criterion separated the two places.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Tally {
    /// For each qualifying place `p` (1-based), what separated place `p` from place `p + 1`.
    pub places: Vec<BTreeMap<String, u64>>,
    /// Groups where some tie reached a criterion reading recorded decisions (`decision`,
    /// `playoff`).
    pub decision_reached: u64,
    /// Groups with teams level on every criterion (anywhere in the table).
    pub level_at_end: u64,
    /// Groups where a tie left the qualifiers undecided.
    pub qualification_undecided: u64,
}

impl Tally {
    fn add(&mut self, other: &Tally) {
        if self.places.len() < other.places.len() {
            self.places.resize(other.places.len(), BTreeMap::new());
        }
        for (mine, theirs) in self.places.iter_mut().zip(&other.places) {
            for (k, v) in theirs {
                *mine.entry(k.clone()).or_default() += v;
            }
        }
        self.decision_reached += other.decision_reached;
        self.level_at_end += other.level_at_end;
        self.qualification_undecided += other.qualification_undecided;
    }
}

/// The report: one tally per rule set, and how often the two rule sets' qualifiers differ.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Report {
    /// Groups played.
    pub groups: u64,
    /// One tally per rule set.
    pub tallies: Vec<Tally>,
    /// With two rule sets: groups whose advancing teams differ (or are decided under one only).
    pub qualifiers_differ: u64,
}

impl Report {
    fn add(mut self, other: Report) -> Report {
        self.groups += other.groups;
        if self.tallies.len() < other.tallies.len() {
            self.tallies.resize(other.tallies.len(), Tally::default());
        }
        for (a, b) in self.tallies.iter_mut().zip(&other.tallies) {
            a.add(b);
        }
        self.qualifiers_differ += other.qualifiers_differ;
        self
    }
}

/// One rule set, ready to rank simulated groups.
struct Prepared<'r> {
    rules: &'r GroupRules,
    /// Its criteria, each once, numbered for the counters.
    criteria: Vec<Criterion>,
    /// The stack ranker's plan, when it covers the rule set.
    plan: Option<Plan>,
}

impl<'r> Prepared<'r> {
    fn new(rules: &'r GroupRules) -> Prepared<'r> {
        let criteria = tally::criteria(rules);
        let plan = Plan::new(rules, &criteria);
        Prepared {
            rules,
            criteria,
            plan,
        }
    }
}

/// One thread's share: its own group to play into and its own counters, so that threads share
/// nothing they write.
struct Worker<'a> {
    draw: &'a Draw,
    rng: rand_chacha::ChaCha8Rng,
    ranker: Ranker,
    sets: &'a [Prepared<'a>],
    group: Group,
    counters: Vec<tally::Counter>,
    groups: u64,
    qualifiers_differ: u64,
}

impl<'a> Worker<'a> {
    fn new(draw: &'a Draw, sets: &'a [Prepared<'a>], teams: usize) -> Worker<'a> {
        let meetings = sets.iter().map(|s| s.rules.meetings).max().unwrap_or(1);
        Worker {
            draw,
            rng: draw.generator(),
            ranker: Ranker::default(),
            sets,
            group: template(teams, meetings),
            counters: sets
                .iter()
                .map(|s| tally::Counter::new(s.criteria.clone(), teams, s.rules.advance))
                .collect(),
            groups: 0,
            qualifiers_differ: 0,
        }
    }

    /// Plays and ranks groups `range` under every rule set.
    fn play(&mut self, range: std::ops::Range<u64>) {
        let teams = self.group.teams.len();
        for index in range {
            self.draw.play_on(&mut self.rng, &mut self.group, index);
            self.groups += 1;
            let mut advancing = [None; 2];
            // The plan whose overall records the ranker holds for this group.
            let mut folded: Option<&Plan> = None;
            for (i, (set, counter)) in self.sets.iter().zip(&mut self.counters).enumerate() {
                let advance = match &set.plan {
                    Some(plan) if teams <= fast::MAX_TEAMS => {
                        let matches = &self.group.matches;
                        let tiers = match folded {
                            Some(f) if f.folds_like(plan) => {
                                plan.rank_folded(&mut self.ranker, teams, matches)
                            }
                            _ => plan.rank(&mut self.ranker, teams, matches),
                        };
                        folded = Some(plan);
                        counter.record(tiers)
                    }
                    _ => {
                        // Random groups carry no cards or coefficients: rules that need them
                        // are refused before simulating, so ranking cannot fail here.
                        let table = compute_group(&self.group, set.rules)
                            .expect("simulated rules need no recorded data");
                        counter.record(&tally::Engine {
                            table: &table,
                            criteria: &set.criteria,
                        })
                    }
                };
                if let Some(slot) = advancing.get_mut(i) {
                    *slot = advance;
                }
            }
            if self.sets.len() == 2 && advancing[0] != advancing[1] {
                self.qualifiers_differ += 1;
            }
        }
    }

    fn into_report(self) -> Report {
        Report {
            groups: self.groups,
            tallies: self
                .counters
                .into_iter()
                .map(tally::Counter::into_tally)
                .collect(),
            qualifiers_differ: self.qualifiers_differ,
        }
    }
}

/// Groups per unit of work for `threads` threads: at least 64 units a thread, so that a thread
/// slowed by other work leaves little for the others to wait on, and at most 4,096 groups each
/// (at least 64).
fn chunk(groups: u64, threads: usize) -> u64 {
    (groups / (64 * threads.max(1) as u64)).clamp(64, 4096)
}

/// Plays `options.groups` groups (of at most [`MAX_TEAMS`] teams) on the current rayon pool,
/// calling `progress` with the number of groups finished after each unit of work.
pub fn run(options: &Options, rules: &[&GroupRules], progress: &(dyn Fn(u64) + Sync)) -> Report {
    assert!(options.teams <= MAX_TEAMS, "at most {MAX_TEAMS} teams");
    let draw = Draw::new(options);
    let sets: Vec<Prepared> = rules.iter().map(|r| Prepared::new(r)).collect();
    let chunk = chunk(options.groups, rayon::current_num_threads());
    (0..options.groups.div_ceil(chunk))
        .into_par_iter()
        .fold(
            || Worker::new(&draw, &sets, options.teams),
            |mut worker, c| {
                let start = c * chunk;
                let end = (start + chunk).min(options.groups);
                worker.play(start..end);
                progress(end - start);
                worker
            },
        )
        .map(Worker::into_report)
        .reduce(Report::default, Report::add)
}

/// The first criterion a simulation cannot use: one reading per-team data (cards,
/// coefficients) that random groups do not have.
pub fn unusable(rules: &GroupRules) -> Option<Criterion> {
    rules
        .tiebreak
        .iter()
        .chain(rules.qualifying_tiebreak.iter().flatten())
        .find(|c| c.data_key().is_some())
        .cloned()
}
