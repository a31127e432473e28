//! The outcomes a fixture can have: its result (win, draw, loss from the home side) and its
//! scorelines up to a bound, written as a margin and the losing side's goals so that a condition
//! on goal margins ("win by 2 or more") is a range of one coordinate.

use serde::Serialize;

/// A fixture's result from the home side's point of view.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Res {
    /// The home team (named first) wins.
    Home,
    /// A draw.
    Draw,
    /// The away team wins.
    Away,
}

impl Res {
    /// The three results, in the order combinations are listed.
    pub const ALL: [Res; 3] = [Res::Home, Res::Draw, Res::Away];

    /// The result of a score.
    pub fn of(home: u32, away: u32) -> Res {
        match home.cmp(&away) {
            std::cmp::Ordering::Greater => Res::Home,
            std::cmp::Ordering::Equal => Res::Draw,
            std::cmp::Ordering::Less => Res::Away,
        }
    }

    /// The smallest margin the result allows (0 for a draw, 1 for a win).
    pub fn min_margin(self) -> u32 {
        match self {
            Res::Draw => 0,
            _ => 1,
        }
    }

    /// The largest margin within `bound` goals a side.
    pub fn max_margin(self, bound: u32) -> u32 {
        match self {
            Res::Draw => 0,
            _ => bound,
        }
    }
}

/// A scoreline as a margin and the losing (or each drawing) side's goals.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Point {
    /// Goals between the sides (0 for a draw).
    pub margin: u32,
    /// The losing side's goals (a draw: each side's).
    pub low: u32,
}

impl Point {
    /// The point of a score.
    pub fn of(home: u32, away: u32) -> Point {
        Point {
            margin: home.abs_diff(away),
            low: home.min(away),
        }
    }

    /// The score (home, away) of this point under result `res`.
    pub fn score(self, res: Res) -> (u32, u32) {
        match res {
            Res::Home | Res::Draw => (self.low + self.margin, self.low),
            Res::Away => (self.low, self.low + self.margin),
        }
    }
}

/// How many completed groups of four teams one analysis may rank at most: the bounds shrink
/// with the number of fixtures, and with the group's size past four teams, to keep within it.
pub const BUDGET: u64 = 600_000;

/// How many scorelines combination `results` has within `bound` goals a side: per fixture,
/// `bound + 1` draws or `bound × (bound + 1) / 2` wins (saturating).
pub fn cells(results: &[Res], bound: u32) -> u64 {
    let b = u64::from(bound);
    results.iter().fold(1u64, |n, r| {
        let per = match r {
            Res::Draw => b + 1,
            _ => b * (b + 1) / 2,
        };
        n.saturating_mul(per)
    })
}

/// The bound searched in each combination `all[c]`: as far as it needs (`needed[c]`), lowered
/// to a common ceiling, the highest whose scorelines, each a ranking of `teams` teams, cost no
/// more than [`BUDGET`] rankings of four (at least 1 goal a side).
pub fn within_budget(all: &[Vec<Res>], needed: &[u32], teams: usize) -> Vec<u32> {
    let budget = BUDGET * 4 / teams.max(4) as u64;
    let cost = |ceiling: u32| {
        all.iter()
            .zip(needed)
            .map(|(results, &n)| cells(results, n.min(ceiling)))
            .fold(0u64, u64::saturating_add)
    };
    // The highest ceiling within the budget, by bisection: cost grows with the ceiling.
    let (mut low, mut high) = (1u32, needed.iter().copied().max().unwrap_or(1).max(1));
    while low < high {
        let mid = low + (high - low).div_ceil(2);
        if cost(mid) <= budget {
            low = mid;
        } else {
            high = mid - 1;
        }
    }
    needed.iter().map(|&n| n.min(low).max(1)).collect()
}

/// The scorelines of result `res` within `bound` goals a side, as points.
pub fn points(res: Res, bound: u32) -> impl Iterator<Item = Point> {
    (res.min_margin()..=res.max_margin(bound))
        .flat_map(move |margin| (0..=bound - margin).map(move |low| Point { margin, low }))
}
