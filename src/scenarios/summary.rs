//! Per team, across the combinations of results: clinched, eliminated, or the results that
//! settle it (each a set of results per fixture, found by growing boxes over the combinations
//! as [`super::condition`] does over scorelines).

use serde::Serialize;

use super::Combination;
use super::condition::Verdict;
use super::place::Unknown;
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
        /// The combinations (by index) where the scores decide it (their verdict is
        /// [`Verdict::Depends`]); at some of their scores it may also rest on data nobody has
        /// yet, and those combinations are in `unknown` as well.
        score: Vec<usize>,
        /// The combinations where, at some scores or at all, it rests on data nobody has yet
        /// (cards, lots, a shoot-out): the verdict is [`Verdict::Unknown`], or
        /// [`Verdict::Depends`] with `open` clauses.
        unknown: Vec<Pending>,
    },
}

/// A combination where a question rests, at some scores or at all, on data nobody has yet.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct Pending {
    /// The combination, by index.
    pub combination: usize,
    /// What some order of that combination rests on beyond the scores
    /// ([`Combination::unknown`]: the combination's, not this team's alone).
    pub on: Vec<Unknown>,
}

/// The status of a question whose verdict in combination `i` is `verdicts[i]`, the
/// combinations being `combinations` (their results, and what their orders rest on).
pub fn status(verdicts: &[&Verdict], combinations: &[Combination]) -> Status {
    if verdicts.iter().all(|v| **v == Verdict::Always) {
        return Status::Clinched;
    }
    if verdicts.iter().all(|v| **v == Verdict::Never) {
        return Status::Eliminated;
    }
    let always: Vec<bool> = verdicts.iter().map(|v| **v == Verdict::Always).collect();
    let score = verdicts
        .iter()
        .enumerate()
        .filter(|(_, v)| matches!(v, Verdict::Depends { .. }))
        .map(|(i, _)| i)
        .collect();
    let unknown = verdicts
        .iter()
        .enumerate()
        .filter(|(_, v)| match v {
            Verdict::Unknown => true,
            Verdict::Depends { open, .. } => !open.is_empty(),
            _ => false,
        })
        .map(|(i, _)| Pending {
            combination: i,
            on: combinations[i].unknown.clone(),
        })
        .collect();
    let results: Vec<Vec<Res>> = combinations.iter().map(|c| c.results.clone()).collect();
    Status::Open {
        sure: cover(&always, &results),
        score,
        unknown,
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
