//! Per team, across the combinations of results: clinched, eliminated, or the results that
//! settle it (each a set of results per fixture, found by growing boxes over the combinations
//! as [`super::condition`] does over scorelines).

use serde::Serialize;

use super::condition::Verdict;
use super::scoreline::Res;

/// Results that hold together: per fixture named, the results allowed (a fixture left out
/// allows any).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct Results(pub Vec<(usize, Vec<Res>)>);

/// A team's standing on one question (first place, a qualifying place) before the fixtures.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case", tag = "status")]
pub enum Status {
    /// Whatever happens.
    Clinched,
    /// Whatever happens, not.
    Eliminated,
    /// It depends.
    Open {
        /// Results that settle it whatever the scores (any one of them).
        sure: Vec<Results>,
        /// The combinations (by index) where it depends on the scores or on data nobody has.
        maybe: Vec<usize>,
    },
}

/// The status of a question whose verdict in combination `i` is `verdicts[i]`, the
/// combinations listed in `combinations` (results per fixture).
pub fn status(verdicts: &[&Verdict], combinations: &[Vec<Res>]) -> Status {
    if verdicts.iter().all(|v| **v == Verdict::Always) {
        return Status::Clinched;
    }
    if verdicts.iter().all(|v| **v == Verdict::Never) {
        return Status::Eliminated;
    }
    let always: Vec<bool> = verdicts.iter().map(|v| **v == Verdict::Always).collect();
    let maybe = verdicts
        .iter()
        .enumerate()
        .filter(|(_, v)| !matches!(v, Verdict::Always | Verdict::Never))
        .map(|(i, _)| i)
        .collect();
    Status::Open {
        sure: cover(&always, combinations),
        maybe,
    }
}

/// Boxes of results holding every combination marked in `yes` and no other.
fn cover(yes: &[bool], combinations: &[Vec<Res>]) -> Vec<Results> {
    let k = combinations.first().map_or(0, Vec::len);
    let index = |results: &[Res]| {
        results.iter().rev().fold(0, |i, r| {
            i * 3 + Res::ALL.iter().position(|x| x == r).unwrap_or(0)
        })
    };
    let mut covered = vec![false; yes.len()];
    let mut found = Vec::new();
    for seed in 0..yes.len() {
        if !yes[seed] || covered[seed] {
            continue;
        }
        let mut sets: Vec<Vec<Res>> = combinations[seed].iter().map(|&r| vec![r]).collect();
        let all_yes = |sets: &[Vec<Res>]| product(sets).iter().all(|c| yes[index(c)]);
        for f in 0..k {
            for r in Res::ALL {
                if sets[f].contains(&r) {
                    continue;
                }
                let mut wider = sets.clone();
                wider[f].push(r);
                wider[f].sort();
                if all_yes(&wider) {
                    sets = wider;
                }
            }
        }
        for c in product(&sets) {
            covered[index(&c)] = true;
        }
        found.push(Results(
            sets.into_iter()
                .enumerate()
                .filter(|(_, s)| s.len() < 3)
                .collect(),
        ));
    }
    found
}

/// Every combination of one result per fixture from `sets`.
fn product(sets: &[Vec<Res>]) -> Vec<Vec<Res>> {
    sets.iter().fold(vec![Vec::new()], |acc, set| {
        acc.iter()
            .flat_map(|c| {
                set.iter().map(move |&r| {
                    let mut c = c.clone();
                    c.push(r);
                    c
                })
            })
            .collect()
    })
}
