//! What a condition says past the bound searched. A box of scorelines that reaches the bound
//! in some coordinate is written "or more" there; that holds when the outcome no longer turns
//! on that coordinate, as with "Germany beat Switzerland by 6 or more", and fails when it does,
//! as with a tie on goals between two fixtures ("both losing sides score 1 or more" is open
//! only while they score the same). Each open-ended box is played at scores well past the
//! bound, at its corners; where one disagrees with what the box says, its open ends are closed
//! at the bound, so that a condition claims nothing it was not seen to hold.

use super::condition::{Clause, Constraint, Range, Verdict};
use super::place::Tri;
use super::scoreline::{Point, Res};

/// Closes the open ends of every box of `verdict` that scores past the bound contradict:
/// `outcome` says what the team's question is at a scoreline (by fixture) past it.
pub fn settle(
    verdict: &mut Verdict,
    results: &[Res],
    bound: u32,
    mut outcome: impl FnMut(&[(u32, u32)]) -> Tri,
) {
    let Verdict::Depends { yes, open } = verdict else {
        return;
    };
    for (clauses, want) in [(yes, Tri::Yes), (open, Tri::Open)] {
        for clause in clauses.iter_mut() {
            let holds = corners(clause, results, bound)
                .iter()
                .all(|scores| outcome(scores) == want);
            if !holds {
                close(clause, results, bound);
            }
        }
    }
}

/// How far past the bound the corners are played: the bound again, and 3 more.
fn far(bound: u32) -> u32 {
    2 * bound + 3
}

/// One fixture's coordinates in a clause: (least margin, greatest or open), the same for the
/// losing side's goals.
type Span = ((u32, Option<u32>), (u32, Option<u32>));

fn spans(clause: &Clause, results: &[Res]) -> Vec<Span> {
    results
        .iter()
        .enumerate()
        .map(|(f, r)| {
            let c = clause.0.iter().find(|c| c.fixture == f);
            // A box already limited to the scores searched claims nothing past them.
            let capped = c.is_some_and(|c| c.most.is_some());
            let margin = c.and_then(|c| c.margin).unwrap_or(Range {
                from: r.min_margin(),
                to: (*r == Res::Draw).then_some(0),
            });
            let low = c.and_then(|c| c.low).unwrap_or(Range { from: 0, to: None });
            if capped {
                return ((margin.from, Some(margin.from)), (low.from, Some(low.from)));
            }
            // A draw's margin is 0 whatever the bound.
            let margin_to = if *r == Res::Draw { Some(0) } else { margin.to };
            ((margin.from, margin_to), (low.from, low.to))
        })
        .collect()
}

/// The scorelines a box is tried at past the bound: its least corner with every open
/// coordinate far out, its greatest closed corner likewise, and its least corner with each
/// open coordinate far out alone.
fn corners(clause: &Clause, results: &[Res], bound: u32) -> Vec<Vec<(u32, u32)>> {
    let spans = spans(clause, results);
    let coordinates: Vec<(u32, Option<u32>)> = spans.iter().flat_map(|&(m, l)| [m, l]).collect();
    let opened: Vec<usize> = (0..coordinates.len())
        .filter(|&d| coordinates[d].1.is_none())
        .collect();
    if opened.is_empty() {
        return Vec::new();
    }
    let least: Vec<u32> = coordinates.iter().map(|c| c.0).collect();
    let greatest: Vec<u32> = coordinates.iter().map(|c| c.1.unwrap_or(c.0)).collect();
    let push = |base: &[u32], which: &[usize]| {
        let mut c = base.to_vec();
        for &d in which {
            c[d] = far(bound);
        }
        c
    };
    let mut points = vec![push(&least, &opened), push(&greatest, &opened)];
    if opened.len() > 1 {
        points.extend(opened.iter().map(|&d| push(&least, &[d])));
    }
    points
        .into_iter()
        .map(|c| {
            c.chunks(2)
                .zip(results)
                .map(|(mc, &r)| {
                    Point {
                        margin: mc[0],
                        low: mc[1],
                    }
                    .score(r)
                })
                .collect()
        })
        .collect()
}

/// Limits `clause` to the scores searched: every fixture's sides scoring at most `bound` goals.
fn close(clause: &mut Clause, results: &[Res], bound: u32) {
    for f in 0..results.len() {
        match clause.0.iter_mut().find(|c| c.fixture == f) {
            Some(c) => c.most = Some(bound),
            None => clause.0.push(Constraint {
                fixture: f,
                margin: None,
                low: None,
                most: Some(bound),
            }),
        }
    }
    clause.0.sort_by_key(|c| c.fixture);
}
