//! What a condition says past the bound searched. A box of scorelines that reaches the bound
//! would read "or more" there. With one fixture left that is sound: every comparison of two
//! teams level on points is a played gap plus the fixture's margin and goals, each counted one
//! way only, so once margin and goals pass the gap nothing turns, and the search reaches twice
//! the gap ([`super::reach::needed`]). With two or more fixtures it is not: a tie on goals
//! between two fixtures is open only while both sides score the same, a diagonal no box
//! describes past the bound. There every box that reaches the bound is limited to the scores
//! searched ([`Constraint::most`]): a condition claims nothing it was not seen to hold.

use super::condition::{Clause, Constraint, Verdict};

/// Limits every box of `verdict` that reaches the bound (an open range, or a fixture left
/// free) to the scores searched, when more than one fixture is left.
pub fn limit(verdict: &mut Verdict, fixtures: usize, bound: u32) {
    let Verdict::Depends { yes, open } = verdict else {
        return;
    };
    if fixtures < 2 {
        return;
    }
    for clause in yes.iter_mut().chain(open.iter_mut()) {
        if reaches_bound(clause, fixtures) {
            close(clause, fixtures, bound);
        }
    }
}

/// Whether `clause` is not a closed box in every fixture: a fixture not named, or a margin or
/// goals left free or without an upper end (a draw, whose margin is always free, counts: it is
/// limited too, which changes nothing it says within the bound).
fn reaches_bound(clause: &Clause, fixtures: usize) -> bool {
    let closed = |r: Option<super::condition::Range>| r.is_some_and(|r| r.to.is_some());
    clause.0.len() < fixtures || clause.0.iter().any(|c| !closed(c.margin) || !closed(c.low))
}

/// Limits `clause` to the scores searched: every fixture's sides scoring at most `bound` goals.
fn close(clause: &mut Clause, fixtures: usize, bound: u32) {
    for f in 0..fixtures {
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
