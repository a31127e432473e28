//! The format lab: play many random round-robin groups and rank each under one or two rule
//! sets, to see how often each criterion decides a place, how often a tie reaches the
//! recorded-decision step, and how often two rule sets send different teams through.
//!
//! Goals are Poisson-distributed from random team strengths with a home advantage; a match may
//! be forfeited. Group `i` draws everything from its own ChaCha8 stream (`seed`, stream `i`),
//! so the report depends on the seed alone, never on how many threads play the groups.

use std::collections::BTreeMap;

use rand::{RngExt, SeedableRng};
use rand_chacha::ChaCha8Rng;
use rand_distr::{Distribution, Poisson};
use rayon::prelude::*;

use crate::compute::standings::{GroupTable, compute_group};
use crate::compute::tiebreak::Ordering;
use crate::model::{Forfeit, Group, GroupRecord, Line, Match, Outcome, TeamId};
use crate::rules::{Criterion, GroupRules};

/// How groups are generated.
#[derive(Debug, Clone)]
pub struct Options {
    /// Teams per group.
    pub teams: usize,
    /// How many groups to play.
    pub groups: u64,
    /// The seed: the same seed gives the same report.
    pub seed: u64,
    /// Home advantage: the home side's expected goals are multiplied by `1 + home_advantage`.
    pub home_advantage: f64,
    /// Spread of team strengths: each is drawn uniformly from `1 ± spread`.
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

/// A [`Tally`] while groups are being played: separations counted by criterion (`None`: level
/// on every criterion) in a short list, so that recording a group allocates nothing. Turned
/// into a [`Tally`] once per chunk of groups.
#[derive(Debug, Clone, Default)]
struct Counter {
    places: Vec<Vec<(Option<Criterion>, u64)>>,
    decision_reached: u64,
    level_at_end: u64,
    qualification_undecided: u64,
}

impl Counter {
    fn record(&mut self, table: &GroupTable<'_>, advance: usize) {
        let places = advance.clamp(1, table.rows.len().saturating_sub(1).max(1));
        if self.places.len() < places {
            self.places.resize(places, Vec::new());
        }
        for (p, counts) in self.places.iter_mut().enumerate().take(places) {
            let key = separation(&table.ordering, p);
            match counts.iter_mut().find(|(k, _)| *k == key) {
                Some((_, n)) => *n += 1,
                None => counts.push((key, 1)),
            }
        }
        if table
            .ordering
            .steps
            .iter()
            .any(|s| s.criterion.needs().reads_decisions())
        {
            self.decision_reached += 1;
        }
        if table.unresolved().next().is_some() {
            self.level_at_end += 1;
        }
        if matches!(
            table.qualification,
            crate::compute::standings::Qualification::Undecided { .. }
        ) {
            self.qualification_undecided += 1;
        }
    }

    fn into_tally(self) -> Tally {
        Tally {
            places: self
                .places
                .into_iter()
                .map(|counts| {
                    counts
                        .into_iter()
                        .map(|(k, n)| (k.as_ref().map_or("level", Criterion::key).to_string(), n))
                        .collect()
                })
                .collect(),
            decision_reached: self.decision_reached,
            level_at_end: self.level_at_end,
            qualification_undecided: self.qualification_undecided,
        }
    }
}

/// What separated the team in place `p + 1` from the one below (0-based `p`): a criterion, or
/// `None` when they are level on every criterion.
fn separation(ordering: &Ordering, p: usize) -> Option<Criterion> {
    let mut seen = 0;
    for tier in &ordering.tiers {
        seen += tier.teams.len();
        if seen == p + 1 {
            return tier.above_next.as_ref().map(|s| s.criterion.clone());
        }
        if seen > p + 1 {
            return None;
        }
    }
    None
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

/// A group of `teams` with every pairing `meetings` times (home and away alternating), whose
/// results `play` fills in.
pub fn template(teams: usize, meetings: u32) -> Group {
    let mut matches = Vec::new();
    for m in 0..meetings {
        for a in 0..teams {
            for b in a + 1..teams {
                let (home, away) = if m % 2 == 0 { (a, b) } else { (b, a) };
                matches.push(Match::new(
                    TeamId::new(home),
                    TeamId::new(away),
                    Outcome::Played { home: 0, away: 0 },
                ));
            }
        }
    }
    Group {
        name: "Simulated".into(),
        teams: (1..=teams).map(|i| format!("Team {i}")).collect(),
        aliases: Vec::new(),
        matches,
        decisions: Vec::new(),
        record: GroupRecord::default(),
        cards: vec![None; teams],
        coefficients: vec![None; teams],
        values: Default::default(),
        rulings: Default::default(),
        line: Line(0),
        spans: Default::default(),
    }
}

/// Plays group number `index` into `group` (its matches are overwritten).
pub fn play(group: &mut Group, options: &Options, index: u64) {
    let mut rng = ChaCha8Rng::seed_from_u64(options.seed);
    rng.set_stream(index);
    let spread = options.strength_spread;
    let strength: Vec<f64> = (0..group.teams.len())
        .map(|_| 1.0 + spread * (2.0 * rng.random::<f64>() - 1.0))
        .collect();
    for m in &mut group.matches {
        if options.forfeit_probability > 0.0 && rng.random::<f64>() < options.forfeit_probability {
            *m = m.with_outcome(Outcome::Forfeit(match rng.random_range(0..3) {
                0 => Forfeit::Home,
                1 => Forfeit::Away,
                _ => Forfeit::Both,
            }));
            continue;
        }
        let (sh, sa) = (
            strength[m.home.index()].max(0.05),
            strength[m.away.index()].max(0.05),
        );
        let home_mean = 1.35 * sh / sa * (1.0 + options.home_advantage);
        let away_mean = 1.1 * sa / sh;
        *m = m.with_outcome(Outcome::Played {
            home: poisson(&mut rng, home_mean),
            away: poisson(&mut rng, away_mean),
        });
    }
}

/// Above this mean, [`poisson`] hands over to `rand_distr`'s sampler, whose cost does not grow
/// with the mean (and `exp(-mean)` stays far from underflow below it).
const INVERSION_LIMIT: f64 = 30.0;

/// A goal count drawn from a Poisson distribution with the given (positive) mean, capped at
/// the notation's maximum. Football means are about 1–3, where inversion (one uniform draw, a
/// walk up the cumulative distribution) costs a few multiplications, against several uniform
/// draws and an `exp` per sample for the general-purpose sampler.
fn poisson(rng: &mut ChaCha8Rng, mean: f64) -> u32 {
    let max = crate::read::match_text::MAX_GOALS;
    if mean > INVERSION_LIMIT {
        let g: f64 = Poisson::new(mean).expect("a positive mean").sample(rng);
        return (g as u32).min(max);
    }
    let u: f64 = rng.random();
    let mut p = (-mean).exp();
    let mut cumulative = p;
    let mut k = 0;
    // Rounding can leave the sum a hair below 1: stop where the terms no longer add anything.
    while u > cumulative && k < max {
        k += 1;
        p *= mean / f64::from(k);
        if cumulative + p == cumulative {
            break;
        }
        cumulative += p;
    }
    k
}

/// Plays and ranks groups `range` under every rule set.
fn run_range(range: std::ops::Range<u64>, options: &Options, rules: &[&GroupRules]) -> Report {
    let meetings = rules.iter().map(|r| r.meetings).max().unwrap_or(1);
    let mut group = template(options.teams, meetings);
    let mut counters = vec![Counter::default(); rules.len()];
    let (mut groups, mut qualifiers_differ) = (0, 0);
    let mut qualifiers = Vec::with_capacity(rules.len());
    for index in range {
        play(&mut group, options, index);
        groups += 1;
        qualifiers.clear();
        for (counter, r) in counters.iter_mut().zip(rules) {
            // Random groups carry no cards or coefficients: rules that need them are refused
            // before simulating, so ranking cannot fail here.
            let table = compute_group(&group, r).expect("simulated rules need no recorded data");
            counter.record(&table, r.advance);
            if rules.len() == 2 {
                qualifiers.push(crate::compare::advancing(&table));
            }
        }
        if qualifiers.len() == 2 && qualifiers[0] != qualifiers[1] {
            qualifiers_differ += 1;
        }
    }
    Report {
        groups,
        tallies: counters.into_iter().map(Counter::into_tally).collect(),
        qualifiers_differ,
    }
}

/// Groups per unit of work: large enough to amortise scheduling, small enough to balance.
const CHUNK: u64 = 4096;

/// Plays `options.groups` groups on the current rayon pool, calling `progress` with the number
/// of groups finished after each chunk.
pub fn run(options: &Options, rules: &[&GroupRules], progress: &(dyn Fn(u64) + Sync)) -> Report {
    let chunks = options.groups.div_ceil(CHUNK);
    (0..chunks)
        .into_par_iter()
        .map(|c| {
            let start = c * CHUNK;
            let end = (start + CHUNK).min(options.groups);
            let report = run_range(start..end, options, rules);
            progress(end - start);
            report
        })
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn goal_counts_have_the_poisson_mean_and_variance() {
        // Both samplers: inversion below the limit, rand_distr above it. With n draws the
        // sample mean is within 5 standard errors of the mean, and the variance (equal to the
        // mean for a Poisson distribution) within 3 %.
        let mut rng = ChaCha8Rng::seed_from_u64(11);
        for mean in [0.3, 1.35, 2.9, 12.0, 45.0] {
            let n = 200_000;
            let draws: Vec<f64> = (0..n).map(|_| f64::from(poisson(&mut rng, mean))).collect();
            let m = draws.iter().sum::<f64>() / f64::from(n);
            let var = draws.iter().map(|d| (d - m).powi(2)).sum::<f64>() / f64::from(n - 1);
            let standard_error = (mean / f64::from(n)).sqrt();
            assert!(
                (m - mean).abs() < 5.0 * standard_error,
                "mean {mean}: sample mean {m}"
            );
            assert!(
                (var / mean - 1.0).abs() < 0.03,
                "mean {mean}: variance {var}"
            );
        }
        // P(0) = e^-mean: for mean 1.35, 25.9 % of draws are 0.
        let zeros = (0..100_000)
            .filter(|_| poisson(&mut rng, 1.35) == 0)
            .count();
        assert!(
            (zeros as f64 / 100_000.0 - (-1.35f64).exp()).abs() < 0.007,
            "{zeros}"
        );
    }

    #[test]
    fn a_group_is_the_same_whatever_played_before_it() {
        let options = Options {
            teams: 4,
            groups: 10,
            seed: 7,
            home_advantage: 0.2,
            strength_spread: 0.5,
            forfeit_probability: 0.1,
        };
        let mut a = template(4, 1);
        let mut b = template(4, 1);
        play(&mut a, &options, 5);
        play(&mut b, &options, 3);
        play(&mut b, &options, 5);
        assert_eq!(a.matches, b.matches);
        play(&mut b, &options, 6);
        assert_ne!(a.matches, b.matches);
    }
}
