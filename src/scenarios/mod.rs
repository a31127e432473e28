//! What each team of a group needs from the fixtures still to play: every combination of
//! results (win, draw, loss), and within each every scoreline up to a bound, each completed
//! group ranked by the ordinary engine under the rule file's full chain. Where a combination's
//! outcome varies with the scores, the exact condition on margins and goals is derived
//! ([`condition`]); where it rests on data nobody has before the matches (cards, lots), it says
//! so ([`place::Unknown`]). See `docs/scenarios.md`.

pub mod beyond;
pub mod condition;
pub mod place;
pub mod reach;
pub mod scoreline;
pub mod summary;
pub mod threshold;

use serde::Serialize;

use crate::model::{Group, TeamId};
use crate::rules::GroupRules;
use condition::{Grid, Verdict};
use place::{Fate, Tri, Unknown, Workbench};
use reach::Reach;
use scoreline::{Res, within_budget};
use summary::Status;

/// The most fixtures a group may have left: 3^6 = 729 combinations of results, each searched
/// to a bound of 2 goals a side (531,441 completed groups).
pub const MAX_FIXTURES: usize = 6;

/// Why a group's scenarios are not worked out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// No fixture left to play.
    NoFixtures,
    /// More fixtures left than [`MAX_FIXTURES`].
    TooMany(usize),
}

/// One combination of results of the fixtures still to play.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct Combination {
    /// The result of each fixture, by index into the fixtures.
    pub results: Vec<Res>,
    /// The most goals a side searched in each fixture of this combination.
    pub bound: u32,
    /// Whether the search went past every gap in goals between teams this combination leaves
    /// level on points ([`reach::needed`]), so that what it says holds at any score, not only
    /// at the scores searched.
    pub past_gaps: bool,
    /// Per team (by [`TeamId`]): whether it finishes first.
    pub first: Vec<Verdict>,
    /// Per team: whether it finishes in a qualifying place.
    pub advances: Vec<Verdict>,
    /// Per team: its best and worst place (1 for first) over the scorelines searched.
    pub places: Vec<(usize, usize)>,
    /// What some order of this combination rests on beyond the scores.
    pub unknown: Vec<Unknown>,
}

/// A team's standing before the fixtures.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct TeamOutlook {
    /// First place.
    pub first: Status,
    /// A qualifying place.
    pub advances: Status,
    /// Its best and worst place (1 for first) over every combination.
    pub places: (usize, usize),
}

/// A group's scenarios.
#[derive(Debug, Clone)]
pub struct Scenarios {
    /// The fixtures still to play: home, away.
    pub fixtures: Vec<(TeamId, TeamId)>,
    /// The most goals a side searched in any fixture of any combination.
    pub bound: u32,
    /// Whether every combination was searched past its gaps in goals
    /// ([`Combination::past_gaps`]).
    pub past_gaps: bool,
    /// How many teams advance.
    pub advance: usize,
    /// Every combination of results: fixture 0's result varies fastest (home win, draw, away
    /// win), then fixture 1's, and so on.
    pub combinations: Vec<Combination>,
    /// Per team (by [`TeamId`]).
    pub teams: Vec<TeamOutlook>,
}

/// Works out `group`'s scenarios under `rules`, each combination of results searched past its
/// gaps in goals ([`reach::needed`]) as far as [`scoreline::BUDGET`] allows.
pub fn analyse(group: &Group, rules: &GroupRules) -> Result<Scenarios, Refusal> {
    analyse_with(group, rules, |all, needed| {
        let goals: Vec<u32> = needed.iter().map(|r| r.goals).collect();
        within_budget(all, &goals, group.teams.len())
    })
}

/// [`analyse`], searching scores up to `bound` goals a side in every combination.
pub fn analyse_to(group: &Group, rules: &GroupRules, bound: u32) -> Result<Scenarios, Refusal> {
    analyse_with(group, rules, |all, _| vec![bound; all.len()])
}

/// Every combination searched to the bound `bounds` gives it, from the combinations and how
/// far each needs to go.
fn analyse_with(
    group: &Group,
    rules: &GroupRules,
    bounds: impl FnOnce(&[Vec<Res>], &[Reach]) -> Vec<u32>,
) -> Result<Scenarios, Refusal> {
    let all = check(group)?;
    let needed: Vec<Reach> = all
        .iter()
        .map(|results| reach::needed(group, rules, results))
        .collect();
    let bounds = bounds(&all, &needed);
    search(group, rules, all, &bounds, &needed)
}

/// Every combination of results of `group`'s fixtures (fixture 0's result varying fastest),
/// or why there are none to search.
fn check(group: &Group) -> Result<Vec<Vec<Res>>, Refusal> {
    let k = group.fixtures.len();
    if k == 0 {
        return Err(Refusal::NoFixtures);
    }
    if k > MAX_FIXTURES {
        return Err(Refusal::TooMany(k));
    }
    Ok((0..3usize.pow(k as u32))
        .map(|c| {
            (0..k)
                .map(|i| Res::ALL[(c / 3usize.pow(i as u32)) % 3])
                .collect()
        })
        .collect())
}

/// Plays every scoreline of each combination `all[c]` up to `bounds[c]` goals a side.
fn search(
    group: &Group,
    rules: &GroupRules,
    all: Vec<Vec<Res>>,
    bounds: &[u32],
    needed: &[Reach],
) -> Result<Scenarios, Refusal> {
    let n = group.teams.len();
    // A ratio of goals (goal average) can turn at any size of score: no gap bounds it.
    let ratio = rules
        .tiebreak
        .iter()
        .chain(rules.qualifying_tiebreak.iter().flatten())
        .any(|c| c.key().ends_with("goal_average"));
    let mut bench = Workbench::new(group, rules);
    let mut combinations = Vec::with_capacity(all.len());
    for ((results, &bound), &needed) in all.into_iter().zip(bounds).zip(needed) {
        let grid = Grid::new(&results, bound);
        let mut first = vec![vec![None; grid.len()]; n];
        let mut advances = vec![vec![None; grid.len()]; n];
        let mut places = vec![(usize::MAX, 0); n];
        let mut unknown = Vec::new();
        for cell in 0..grid.len() {
            let Some(scores) = grid.scores(&grid.coordinates(cell), &results) else {
                continue;
            };
            let fates: Vec<Fate> = bench.rank(&scores, &mut unknown);
            for (t, fate) in fates.iter().enumerate() {
                first[t][cell] = Some(fate.first);
                advances[t][cell] = Some(fate.advances);
                places[t] = (
                    places[t].0.min(fate.places.0 + 1),
                    places[t].1.max(fate.places.1 + 1),
                );
            }
        }
        unknown.sort();
        let mut first: Vec<Verdict> = first.iter().map(|cells| grid.verdict(cells)).collect();
        let mut advances: Vec<Verdict> = advances.iter().map(|cells| grid.verdict(cells)).collect();
        for verdict in first.iter_mut().chain(advances.iter_mut()) {
            beyond::limit(verdict, results.len(), bound);
        }
        combinations.push(Combination {
            results,
            bound,
            past_gaps: bound >= needed.goals && needed.measured && !(ratio && needed.level),
            first,
            advances,
            places,
            unknown,
        });
    }
    let teams = (0..n)
        .map(|t| TeamOutlook {
            first: summary::status(
                &combinations.iter().map(|c| &c.first[t]).collect::<Vec<_>>(),
                &combinations,
            ),
            advances: summary::status(
                &combinations
                    .iter()
                    .map(|c| &c.advances[t])
                    .collect::<Vec<_>>(),
                &combinations,
            ),
            places: combinations.iter().fold((usize::MAX, 0), |(b, w), c| {
                (b.min(c.places[t].0), w.max(c.places[t].1))
            }),
        })
        .collect();
    Ok(Scenarios {
        fixtures: group.fixtures.iter().map(|f| (f.home, f.away)).collect(),
        bound: combinations.iter().map(|c| c.bound).max().unwrap_or(0),
        past_gaps: combinations.iter().all(|c| c.past_gaps),
        advance: rules.advance,
        combinations,
        teams,
    })
}

impl Scenarios {
    /// The combination of results of these scores (one per fixture).
    pub fn combination(&self, scores: &[(u32, u32)]) -> &Combination {
        let index = scores.iter().rev().fold(0, |i, &(h, a)| {
            i * 3
                + Res::ALL
                    .iter()
                    .position(|r| *r == Res::of(h, a))
                    .unwrap_or(0)
        });
        &self.combinations[index]
    }

    /// What the scenarios say for `team` at these scores: first place, then a qualifying place.
    pub fn at(&self, team: TeamId, scores: &[(u32, u32)]) -> (Tri, Tri) {
        let c = self.combination(scores);
        (
            c.first[team.index()].at(scores),
            c.advances[team.index()].at(scores),
        )
    }
}
