//! Exact conditions on scores within one combination of results: the scorelines (up to the
//! bound) where something holds, covered by boxes of margins and goals per fixture, each box
//! holding only such scorelines. A box reaching the bound is stated as "or more".

use serde::Serialize;

use super::place::Tri;
use super::scoreline::{Point, Res};

/// A range of whole numbers: `from` to `to`, or upwards when `to` is `None` (the box reached
/// the bound searched).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct Range {
    /// The least value.
    pub from: u32,
    /// The greatest value; `None`: no greatest (as far as the bound searched).
    pub to: Option<u32>,
}

impl Range {
    /// Whether `value` is in it.
    pub fn holds(&self, value: u32) -> bool {
        value >= self.from && self.to.is_none_or(|to| value <= to)
    }
}

/// What one fixture's score must be: its margin and its losing side's goals (each drawing
/// side's for a draw), each unconstrained when `None`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct Constraint {
    /// The fixture, by index into the group's fixtures.
    pub fixture: usize,
    /// Goals between the sides.
    pub margin: Option<Range>,
    /// The losing side's goals (a draw: each side's).
    pub low: Option<Range>,
    /// The most goals either side scores: set where the condition was seen to hold only as far
    /// as the bound searched (two or more fixtures left; docs/scenarios.md).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub most: Option<u32>,
}

/// Constraints that hold together (an empty clause always holds).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[serde(transparent)]
pub struct Clause(pub Vec<Constraint>);

impl Constraint {
    /// Its margin and losing side's goals as words state them: an open end closed at
    /// [`Constraint::most`] where the condition holds only that far ("by 6 to 7", not "by 6 or
    /// more" beside "at scores up to 7 goals a side").
    pub fn stated(&self) -> (Option<Range>, Option<Range>) {
        let close = |r: Option<Range>| {
            r.map(|r| Range {
                from: r.from,
                to: r.to.or(self.most),
            })
        };
        (close(self.margin), close(self.low))
    }
}

impl Clause {
    /// Whether the fixtures' scores (by fixture) satisfy it.
    pub fn holds(&self, scores: &[(u32, u32)]) -> bool {
        self.0.iter().all(|c| {
            let (h, a) = scores[c.fixture];
            let p = Point::of(h, a);
            c.margin.is_none_or(|r| r.holds(p.margin))
                && c.low.is_none_or(|r| r.holds(p.low))
                && c.most.is_none_or(|most| h.max(a) <= most)
        })
    }
}

/// Whether something (first place, a qualifying place) holds in a combination of results.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case", tag = "verdict")]
pub enum Verdict {
    /// Whatever the scores.
    Always,
    /// Whatever the scores.
    Never,
    /// Whatever the scores, it rests on data nobody has yet (cards, lots).
    Unknown,
    /// It depends on the scores: it holds where one of `yes` holds, rests on data nobody has
    /// where one of `open` holds, and fails elsewhere.
    Depends {
        /// Where it holds.
        yes: Vec<Clause>,
        /// Where it rests on cards, lots or a shoot-out.
        open: Vec<Clause>,
    },
}

impl Verdict {
    /// What it says for these scores (of a scoreline of its combination).
    pub fn at(&self, scores: &[(u32, u32)]) -> Tri {
        match self {
            Verdict::Always => Tri::Yes,
            Verdict::Never => Tri::No,
            Verdict::Unknown => Tri::Open,
            Verdict::Depends { yes, open } => {
                if yes.iter().any(|c| c.holds(scores)) {
                    Tri::Yes
                } else if open.iter().any(|c| c.holds(scores)) {
                    Tri::Open
                } else {
                    Tri::No
                }
            }
        }
    }
}

/// The scorelines of one combination within the bound, as a grid: per fixture a margin (from
/// the result's least) and the losing side's goals, each fixture two coordinates.
pub struct Grid {
    /// Per coordinate: its length.
    lengths: Vec<u32>,
    /// Per coordinate: its least value.
    starts: Vec<u32>,
    bound: u32,
}

impl Grid {
    /// The grid of `results` within `bound` goals a side.
    pub fn new(results: &[Res], bound: u32) -> Grid {
        let (mut lengths, mut starts) = (Vec::new(), Vec::new());
        for r in results {
            starts.extend([r.min_margin(), 0]);
            lengths.extend([r.max_margin(bound) - r.min_margin() + 1, bound + 1]);
        }
        Grid {
            lengths,
            starts,
            bound,
        }
    }

    /// How many cells.
    pub fn len(&self) -> usize {
        self.lengths.iter().map(|&l| l as usize).product()
    }

    /// Whether it has no cells (never: every result has a scoreline).
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The coordinates (margin, low per fixture) of cell `index`.
    pub fn coordinates(&self, mut index: usize) -> Vec<u32> {
        let mut c = Vec::with_capacity(self.lengths.len());
        for (&len, &start) in self.lengths.iter().zip(&self.starts) {
            c.push(start + (index % len as usize) as u32);
            index /= len as usize;
        }
        c
    }

    fn index(&self, c: &[u32]) -> usize {
        let mut index = 0;
        for ((&v, &len), &start) in c.iter().zip(&self.lengths).zip(&self.starts).rev() {
            index = index * len as usize + (v - start) as usize;
        }
        index
    }

    /// The scores of the cell at these coordinates, `None` beyond the bound.
    pub fn scores(&self, c: &[u32], results: &[Res]) -> Option<Vec<(u32, u32)>> {
        c.chunks(2)
            .zip(results)
            .map(|(mc, &r)| {
                let p = Point {
                    margin: mc[0],
                    low: mc[1],
                };
                (p.margin + p.low <= self.bound).then(|| p.score(r))
            })
            .collect()
    }

    /// The verdict on cells whose value (`None` beyond the bound) is `cells`.
    pub fn verdict(&self, cells: &[Option<Tri>]) -> Verdict {
        let seen = |t: Tri| cells.contains(&Some(t));
        match (seen(Tri::Yes), seen(Tri::No), seen(Tri::Open)) {
            (true, false, false) => Verdict::Always,
            (false, true, false) => Verdict::Never,
            (false, false, true) => Verdict::Unknown,
            _ => Verdict::Depends {
                yes: self.cover(cells, Tri::Yes),
                open: self.cover(cells, Tri::Open),
            },
        }
    }

    /// Boxes holding every cell of value `want` and no cell of another value (cells beyond the
    /// bound may fall in a box): each grown from a cell not yet covered, one coordinate at a
    /// time, goals before margins, as far as it stays true.
    fn cover(&self, cells: &[Option<Tri>], want: Tri) -> Vec<Clause> {
        let dims = self.lengths.len();
        let mut covered = vec![false; cells.len()];
        let mut clauses = Vec::new();
        let order: Vec<usize> = (0..dims)
            .filter(|d| d % 2 == 1)
            .chain((0..dims).filter(|d| d % 2 == 0))
            .collect();
        for seed in 0..cells.len() {
            if cells[seed] != Some(want) || covered[seed] {
                continue;
            }
            let c = self.coordinates(seed);
            let mut lo = c.clone();
            let mut hi = c;
            let fits =
                |lo: &[u32], hi: &[u32]| self.each(lo, hi, |i| cells[i].is_none_or(|t| t == want));
            for &d in &order {
                let top = self.starts[d] + self.lengths[d] - 1;
                while hi[d] < top {
                    let (mut l, mut h) = (lo.clone(), hi.clone());
                    l[d] = hi[d] + 1;
                    h[d] = hi[d] + 1;
                    if !fits(&l, &h) {
                        break;
                    }
                    hi[d] += 1;
                }
                while lo[d] > self.starts[d] {
                    let (mut l, mut h) = (lo.clone(), hi.clone());
                    l[d] = lo[d] - 1;
                    h[d] = lo[d] - 1;
                    if !fits(&l, &h) {
                        break;
                    }
                    lo[d] -= 1;
                }
            }
            self.each(&lo, &hi, |i| {
                covered[i] = true;
                true
            });
            clauses.push(self.clause(&lo, &hi));
        }
        clauses
    }

    /// Calls `f` on every cell of the box `lo..=hi` while it returns true; whether it always did.
    fn each(&self, lo: &[u32], hi: &[u32], mut f: impl FnMut(usize) -> bool) -> bool {
        let mut c = lo.to_vec();
        loop {
            if !f(self.index(&c)) {
                return false;
            }
            let mut d = 0;
            loop {
                if d == c.len() {
                    return true;
                }
                if c[d] < hi[d] {
                    c[d] += 1;
                    break;
                }
                c[d] = lo[d];
                d += 1;
            }
        }
    }

    /// The box `lo..=hi` in words of constraints, leaving out what it does not constrain.
    fn clause(&self, lo: &[u32], hi: &[u32]) -> Clause {
        let range = |d: usize| {
            let (start, top) = (self.starts[d], self.starts[d] + self.lengths[d] - 1);
            if lo[d] == start && hi[d] == top {
                return None;
            }
            Some(Range {
                from: lo[d],
                to: (hi[d] < top).then_some(hi[d]),
            })
        };
        Clause(
            (0..lo.len() / 2)
                .map(|f| Constraint {
                    fixture: f,
                    margin: range(2 * f),
                    low: range(2 * f + 1),
                    most: None,
                })
                .filter(|c| c.margin.is_some() || c.low.is_some())
                .collect(),
        )
    }
}
