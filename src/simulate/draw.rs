//! Drawing a random group's results: team strengths, forfeits and Poisson goals.
//!
//! A team's strength is drawn uniformly from `1 ± spread` (at least 0.05; one uniform 32-bit
//! draw) and rounded to the nearest of [`STRENGTH_LEVELS`] levels spaced evenly on a log scale
//! between the lowest and the highest possible strength: two neighbouring levels differ by at
//! most 0.7 % (at the widest spread the command line allows, 0.95; 0.2 % at the default 0.5).
//! The level is found from the draw itself, through a guide table and the draws where one
//! level gives way to the next, with no logarithm. The expected goals of a match depend on the
//! ratio of its teams' strengths, so on the difference of their levels only, and every mean a
//! simulation can meet has its cumulative distribution worked out once ([`Draw::new`]). A goal
//! count is then one uniform 32-bit draw and a count of the thresholds at or below it, eight at
//! a time, with no `exp` and no division per draw.

use rand::{Rng, RngExt, SeedableRng};
use rand_chacha::ChaCha8Rng;
use rand_distr::{Distribution, Poisson};

use super::Options;
use crate::model::{Forfeit, Group, GroupRecord, Line, Match, Outcome, TeamId};

/// How many strength levels a team may have (see the module documentation).
pub const STRENGTH_LEVELS: usize = 512;

/// Above this mean, goals come from `rand_distr`'s sampler, whose cost does not grow with the
/// mean, rather than from a table (which would need some `mean + 10·√mean` thresholds).
const TABLE_LIMIT: f64 = 30.0;

/// Thresholds are compared in blocks of this many; a table is padded to a whole number of blocks.
const BLOCK: usize = 8;

/// The lowest strength a team may have, whatever the spread.
const MIN_STRENGTH: f64 = 0.05;

/// A strength is drawn as a 32-bit number; its top bits index [`Draw::guide`].
const GUIDE_SHIFT: u32 = 20;

/// Where one mean's thresholds are in [`Draw::cdf`].
#[derive(Debug, Clone, Copy)]
struct Slice {
    /// The first threshold.
    start: u32,
    /// How many thresholds there are before the padding; 0 for a mean above [`TABLE_LIMIT`].
    len: u32,
    /// The mean, for a mean above [`TABLE_LIMIT`].
    mean: f64,
}

/// The goal tables of one difference of strength levels: the home side's and the away side's.
#[derive(Debug, Clone, Copy)]
struct Pair {
    home: Slice,
    away: Slice,
}

/// The first [`BLOCK`] thresholds of a [`Pair`]'s two tables, in one cache line: almost every
/// goal count is found there (eight goals or more are rare). A table of a mean above
/// [`TABLE_LIMIT`] has zeros here, so that its draws always go on to [`Draw::goals_beyond`].
#[derive(Debug, Clone, Copy)]
#[repr(align(64))]
struct FirstBlocks {
    home: [u32; BLOCK],
    away: [u32; BLOCK],
}

/// Everything needed to play group number `i` of a simulation: the options, the seed's
/// generator and the goal tables of every mean the options allow. Built once per simulation and
/// shared, read-only, by every thread.
#[derive(Debug, Clone)]
pub struct Draw {
    /// The seed's generator, on stream 0 and untouched: group `i` plays on a copy set to stream
    /// `i`.
    seeded: ChaCha8Rng,
    forfeit_probability: f64,
    /// How many levels there are: [`STRENGTH_LEVELS`], or 1 when every team is as strong.
    levels: usize,
    /// `bounds[k]`: the least 32-bit draw whose strength is nearer level `k + 1` than level `k`
    /// (2³² when none is).
    bounds: Vec<u64>,
    /// `guide[g]`: the level of the draw `g << GUIDE_SHIFT`, where the search for a draw with
    /// those top bits starts.
    guide: Vec<u16>,
    /// Indexed by the home level minus the away level plus `levels - 1`.
    pairs: Vec<Pair>,
    /// The first thresholds of each of `pairs`, indexed alike.
    lines: Vec<FirstBlocks>,
    /// Every table's thresholds, each padded with `u32::MAX` to a multiple of [`BLOCK`].
    cdf: Vec<u32>,
}

impl Draw {
    /// Works out the goal tables for `options`: `2 × (2 · levels − 1)` cumulative
    /// distributions.
    pub fn new(options: &Options) -> Draw {
        let spread = options.strength_spread;
        let (log_min, step, levels) = log_scale(spread);
        let mut cdf = Vec::new();
        let pairs: Vec<Pair> = (0..2 * levels - 1)
            .map(|d| {
                // The home side's strength over the away side's.
                let ratio = ((d as f64 - (levels - 1) as f64) * step).exp();
                Pair {
                    home: push_table(&mut cdf, 1.35 * ratio * (1.0 + options.home_advantage)),
                    away: push_table(&mut cdf, 1.1 / ratio),
                }
            })
            .collect();
        let first = |slice: Slice| -> [u32; BLOCK] {
            if slice.len == 0 {
                return [0; BLOCK];
            }
            let start = slice.start as usize;
            cdf[start..start + BLOCK]
                .try_into()
                .expect("a table is padded to a block")
        };
        let lines = pairs
            .iter()
            .map(|p| FirstBlocks {
                home: first(p.home),
                away: first(p.away),
            })
            .collect();
        // A draw `r` is the strength `1 + spread · (2 · r / 2³² − 1)`: the boundary between
        // two levels, at the geometric middle of their strengths, as a draw.
        let bounds: Vec<u64> = (0..levels - 1)
            .map(|k| {
                let strength = (log_min + (k as f64 + 0.5) * step).exp();
                let u = (strength - (1.0 - spread)) / (2.0 * spread);
                (u * 4_294_967_296.0).ceil().clamp(0.0, 4_294_967_296.0) as u64
            })
            .collect();
        let guide = (0..1u64 << (32 - GUIDE_SHIFT))
            .map(|g| bounds.partition_point(|&b| b <= g << GUIDE_SHIFT) as u16)
            .collect();
        let mut seeded = ChaCha8Rng::seed_from_u64(options.seed);
        seeded.set_stream(0);
        Draw {
            seeded,
            forfeit_probability: options.forfeit_probability,
            levels,
            bounds,
            guide,
            pairs,
            lines,
            cdf,
        }
    }

    /// A generator for [`Draw::play_on`]: the seed's, on stream 0.
    pub fn generator(&self) -> ChaCha8Rng {
        self.seeded.clone()
    }

    /// Plays group number `index` into `group` (its matches are overwritten): the same results
    /// for the same options and index, whatever was played before. The group has at most
    /// [`super::MAX_TEAMS`] teams.
    pub fn play(&self, group: &mut Group, index: u64) {
        self.play_on(&mut self.generator(), group, index);
    }

    /// [`Draw::play`] on `rng`, a [`Draw::generator`] reused from group to group (whatever
    /// state it was left in, it is set to the start of stream `index`).
    pub fn play_on(&self, rng: &mut ChaCha8Rng, group: &mut Group, index: u64) {
        // The word position first: moving the stream with words left would refill the buffer.
        rng.set_word_pos(0);
        rng.set_stream(index);
        let mut level = [0usize; super::MAX_TEAMS];
        let teams = group.teams.len();
        assert!(
            teams <= super::MAX_TEAMS,
            "at most {} teams",
            super::MAX_TEAMS
        );
        for l in &mut level[..teams] {
            *l = self.level(rng.next_u32());
        }
        let offset = self.levels - 1;
        for m in &mut group.matches {
            if self.forfeit_probability > 0.0 && rng.random::<f64>() < self.forfeit_probability {
                *m = m.with_outcome(Outcome::Forfeit(match rng.random_range(0..3) {
                    0 => Forfeit::Home,
                    1 => Forfeit::Away,
                    _ => Forfeit::Both,
                }));
                continue;
            }
            let d = level[m.home.index()] + offset - level[m.away.index()];
            let line = &self.lines[d];
            let r = draw_u32(rng);
            let home = match count_at_or_below(&line.home, r) {
                BLOCK_U32 => self.goals_beyond(self.pairs[d].home, r, rng),
                goals => goals,
            };
            let r = draw_u32(rng);
            let away = match count_at_or_below(&line.away, r) {
                BLOCK_U32 => self.goals_beyond(self.pairs[d].away, r, rng),
                goals => goals,
            };
            *m = m.with_outcome(Outcome::Played { home, away });
        }
    }

    /// The level of the strength drawn as `r`: the level nearest to it on the log scale.
    fn level(&self, r: u32) -> usize {
        let mut level = usize::from(self.guide[(r >> GUIDE_SHIFT) as usize]);
        while self.bounds.get(level).is_some_and(|&b| b <= u64::from(r)) {
            level += 1;
        }
        level
    }

    /// A goal count from the table at `slice`, whose draw `r` was at or above every threshold
    /// of its first block; or from `rand_distr` for a mean above [`TABLE_LIMIT`].
    #[cold]
    fn goals_beyond(&self, slice: Slice, r: u32, rng: &mut ChaCha8Rng) -> u32 {
        if slice.len == 0 {
            let g: f64 = Poisson::new(slice.mean)
                .expect("a positive mean")
                .sample(rng);
            return (g as u32).min(crate::read::match_text::MAX_GOALS);
        }
        let start = slice.start as usize;
        let padded = (slice.len as usize).next_multiple_of(BLOCK);
        BLOCK_U32 + count_at_or_below(&self.cdf[start + BLOCK..start + padded], r)
    }

    /// A goal count from the table at `slice` (as [`Draw::play_on`] draws one).
    #[cfg(test)]
    fn goals(&self, slice: Slice, rng: &mut ChaCha8Rng) -> u32 {
        let r = draw_u32(rng);
        if slice.len == 0 {
            return self.goals_beyond(slice, r, rng);
        }
        let start = slice.start as usize;
        match count_at_or_below(&self.cdf[start..start + BLOCK], r) {
            BLOCK_U32 => self.goals_beyond(slice, r, rng),
            goals => goals,
        }
    }
}

/// [`BLOCK`] as a count.
const BLOCK_U32: u32 = BLOCK as u32;

/// A uniform 32-bit draw for a goal table, below 2³² − 1 (a draw of 2³² − 1 counts as 2³² − 2,
/// a bias of 2⁻³²), so that the padding, `u32::MAX`, is never at or below it.
fn draw_u32(rng: &mut ChaCha8Rng) -> u32 {
    rng.next_u32().min(u32::MAX - 1)
}

/// The strength levels for `spread`: `ln` of the lowest, the log-scale distance between two
/// neighbours (0 with one level) and how many there are ([`STRENGTH_LEVELS`], or 1 when every
/// team is as strong).
fn log_scale(spread: f64) -> (f64, f64, usize) {
    let low = (1.0 - spread).max(MIN_STRENGTH);
    let high = (1.0 + spread).max(MIN_STRENGTH);
    let levels = if high > low { STRENGTH_LEVELS } else { 1 };
    let step = if levels > 1 {
        (high.ln() - low.ln()) / (levels - 1) as f64
    } else {
        0.0
    };
    (low.ln(), step, levels)
}

/// How many of `thresholds` (ascending, a whole number of [`BLOCK`]s, padded with `u32::MAX`)
/// are at or below `r` (below `u32::MAX`): block by block, each block compared at once,
/// stopping at the first block not wholly below.
fn count_at_or_below(thresholds: &[u32], r: u32) -> u32 {
    let mut count = 0;
    for block in thresholds.chunks_exact(BLOCK) {
        let below: u32 = block.iter().map(|&t| u32::from(t <= r)).sum();
        count += below;
        if below < BLOCK as u32 {
            break;
        }
    }
    count
}

/// Appends the goal table of a Poisson distribution with the given (positive) mean to `cdf`:
/// threshold `k` is `P(goals ≤ k)` scaled to 2³², so that a uniform 32-bit `r` gives `k` goals
/// with `k` the number of thresholds at or below `r`. The table stops where the distribution
/// reaches 2³² (the goals beyond it, less likely than 2⁻³², are counted as its last class) or
/// at the notation's maximum of goals.
fn push_table(cdf: &mut Vec<u32>, mean: f64) -> Slice {
    let start = u32::try_from(cdf.len()).expect("the goal tables hold fewer than 2^32 thresholds");
    if mean > TABLE_LIMIT {
        return Slice {
            start,
            len: 0,
            mean,
        };
    }
    const SCALE: f64 = 4_294_967_296.0;
    let max = crate::read::match_text::MAX_GOALS;
    let mut p = (-mean).exp();
    let mut cumulative = p;
    let mut k = 0;
    loop {
        let threshold = (cumulative * SCALE).floor();
        if threshold >= SCALE - 1.0 || k >= max {
            break;
        }
        cdf.push(threshold as u32);
        k += 1;
        p *= mean / f64::from(k);
        // Rounding can leave the sum a hair below 1: stop where the terms add nothing.
        if cumulative + p == cumulative {
            break;
        }
        cumulative += p;
    }
    let len = cdf.len() as u32 - start;
    cdf.resize(
        (start + len) as usize + (len as usize).next_multiple_of(BLOCK) - len as usize,
        u32::MAX,
    );
    Slice { start, len, mean }
}

/// A group of `teams` with every pairing `meetings` times (home and away alternating), whose
/// results [`Draw::play`] fills in.
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
        fixtures: Vec::new(),
        decisions: Vec::new(),
        record: GroupRecord::default(),
        cards: vec![None; teams],
        coefficients: vec![None; teams],
        values: Default::default(),
        rulings: Default::default(),
        line: Line(0),
        schedule: Default::default(),
        spans: Default::default(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use pretty_assertions::assert_eq;
    use rstest::rstest;

    fn options(spread: f64, forfeit_probability: f64) -> Options {
        Options {
            teams: 4,
            groups: 10,
            seed: 7,
            home_advantage: 0.2,
            strength_spread: spread,
            forfeit_probability,
        }
    }

    /// `n` goal counts drawn from a table of the given mean (or `rand_distr` above the limit).
    fn sample(mean: f64, n: u32, seed: u64) -> Vec<u32> {
        let mut cdf = Vec::new();
        let slice = push_table(&mut cdf, mean);
        let draw = Draw {
            cdf,
            ..Draw::new(&options(0.5, 0.0))
        };
        let mut rng = ChaCha8Rng::seed_from_u64(seed);
        (0..n).map(|_| draw.goals(slice, &mut rng)).collect()
    }

    #[rstest]
    #[case::low(0.3)]
    #[case::away_side(1.1)]
    #[case::home_side(1.35)]
    #[case::strong_home_side(2.9)]
    #[case::lopsided(12.0)]
    #[case::above_the_table_limit(45.0)]
    fn goal_counts_have_the_poisson_mean_and_variance(#[case] mean: f64) {
        // With n draws the sample mean is within 5 standard errors of the mean, and the
        // variance (equal to the mean for a Poisson distribution) within 3 %.
        let n = 200_000;
        let draws: Vec<f64> = sample(mean, n, 11).into_iter().map(f64::from).collect();
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

    #[rstest]
    #[case::none(1.35, 0)]
    #[case::one(1.35, 1)]
    #[case::four(1.35, 4)]
    #[case::none_low(0.3, 0)]
    #[case::six_lopsided(12.0, 6)]
    fn each_goal_count_is_as_likely_as_the_poisson_distribution_says(
        #[case] mean: f64,
        #[case] k: u32,
    ) {
        // P(k) = e^-mean mean^k / k!, within 5 standard errors of a proportion over n draws
        // (for mean 1.35, 25.9 % of draws are 0).
        let n = 100_000;
        let p = (1..=k).fold((-mean).exp(), |p, j| p * mean / f64::from(j));
        let hits = sample(mean, n, 5).into_iter().filter(|&g| g == k).count();
        let observed = hits as f64 / f64::from(n);
        let standard_error = (p * (1.0 - p) / f64::from(n)).sqrt();
        assert!(
            (observed - p).abs() < 5.0 * standard_error,
            "P({k}) for mean {mean}: {observed}, expected {p}"
        );
    }

    #[test]
    fn a_table_covers_all_but_the_last_two_to_the_minus_32() {
        let mut cdf = Vec::new();
        let slice = push_table(&mut cdf, 1.35);
        let thresholds = &cdf[..slice.len as usize];
        assert!(thresholds.is_sorted());
        // P(0) = e^-1.35, scaled to 2^32.
        assert_eq!(
            thresholds[0],
            ((-1.35f64).exp() * 4_294_967_296.0).floor() as u32
        );
        // The last class holds less than a millionth.
        assert!(u32::MAX - thresholds[thresholds.len() - 1] < 4_295);
        assert_eq!(cdf.len() % BLOCK, 0);
        assert!(cdf[slice.len as usize..].iter().all(|&t| t == u32::MAX));
        // The highest draw is the last class, never a count of the padding; the lowest, 0.
        assert_eq!(count_at_or_below(&cdf, u32::MAX - 1), slice.len);
        assert_eq!(count_at_or_below(&cdf, 0), 0);
        // A table of more than a block: 12 goals or more are likely at a mean of 12.
        let mut cdf = Vec::new();
        let slice = push_table(&mut cdf, 12.0);
        assert!(slice.len > 2 * BLOCK as u32);
        assert_eq!(count_at_or_below(&cdf, u32::MAX - 1), slice.len);
        assert_eq!(count_at_or_below(&cdf, cdf[11]), 12);
        assert_eq!(count_at_or_below(&cdf, cdf[11] - 1), 11);
    }

    #[rstest]
    #[case::default_spread(0.5)]
    #[case::widest_spread(0.95)]
    #[case::narrow_spread(0.05)]
    fn a_strength_drawn_goes_to_the_nearest_level(#[case] spread: f64) {
        // Over draws spread evenly across the 32-bit range, the level found is the one whose
        // strength is nearest on the log scale, and every level is reached.
        let draw = Draw::new(&options(spread, 0.0));
        let (log_min, step, _) = log_scale(spread);
        let mut seen = vec![false; draw.levels];
        for i in 0..400_000u64 {
            let r = (i * 10_737 + i / 3) as u32;
            let strength =
                (1.0 + spread * (2.0 * f64::from(r) / 4_294_967_296.0 - 1.0)).max(MIN_STRENGTH);
            let exact = (strength.ln() - log_min) / step;
            let level = draw.level(r);
            seen[level] = true;
            // Away from a boundary (where the float sums may round either way), the nearest.
            if (exact - exact.floor() - 0.5).abs() > 1e-6 {
                assert_eq!(level, exact.round() as usize, "draw {r}: {exact}");
            }
        }
        assert!(seen.iter().all(|&s| s));
        assert_eq!(draw.level(0), 0);
        assert_eq!(draw.level(u32::MAX), draw.levels - 1);
    }

    #[test]
    fn without_spread_every_team_is_as_strong() {
        let draw = Draw::new(&options(0.0, 0.0));
        assert_eq!((draw.levels, draw.pairs.len()), (1, 1));
        assert_eq!((draw.level(0), draw.level(u32::MAX)), (0, 0));
    }

    #[test]
    fn a_group_is_the_same_whatever_played_before_it() {
        // On a fresh generator, or one reused after groups of more draws (forfeits, teams).
        let draw = Draw::new(&options(0.5, 0.1));
        let mut a = template(4, 1);
        let mut b = template(4, 1);
        let mut bigger = template(8, 2);
        draw.play(&mut a, 5);
        let mut rng = draw.generator();
        draw.play_on(&mut rng, &mut b, 3);
        draw.play_on(&mut rng, &mut bigger, 9);
        draw.play_on(&mut rng, &mut b, 5);
        assert_eq!(a.matches, b.matches);
        draw.play_on(&mut rng, &mut b, 6);
        assert_ne!(a.matches, b.matches);
    }

    #[test]
    fn forfeits_come_at_the_asked_rate() {
        let draw = Draw::new(&options(0.5, 0.1));
        let mut group = template(4, 1);
        let mut forfeits = 0;
        for i in 0..10_000 {
            draw.play(&mut group, i);
            forfeits += group
                .matches
                .iter()
                .filter(|m| matches!(m.outcome(), Outcome::Forfeit(_)))
                .count();
        }
        // 60,000 matches at 10 %: 6,000, within 5 standard errors (5 × 73).
        assert!((forfeits as i64 - 6_000).abs() < 365, "{forfeits}");
    }
}
