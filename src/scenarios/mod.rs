//! What each team of a group needs from the fixtures still to play: every combination of
//! results (win, draw, loss), and within each every scoreline up to a bound, each completed
//! group ranked by the ordinary engine under the rule file's full chain. Where a combination's
//! outcome varies with the scores, the exact condition on margins and goals is derived
//! ([`condition`]); where it rests on data nobody has before the matches (cards, lots), it says
//! so ([`place::Unknown`]). See `docs/scenarios.md`.

pub mod condition;
pub mod place;
pub mod scoreline;
pub mod summary;

use serde::Serialize;

use crate::model::{Group, TeamId};
use crate::rules::GroupRules;
use condition::{Grid, Verdict};
use place::{Fate, Tri, Unknown, Workbench};
use scoreline::{Res, bound_for};
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
    /// The most goals a side searched in each fixture.
    pub bound: u32,
    /// How many teams advance.
    pub advance: usize,
    /// Every combination of results: fixture 0's result varies fastest (home win, draw, away
    /// win), then fixture 1's, and so on.
    pub combinations: Vec<Combination>,
    /// Per team (by [`TeamId`]).
    pub teams: Vec<TeamOutlook>,
}

/// Works out `group`'s scenarios under `rules`, searching scores up to [`scoreline::bound_for`]
/// goals a side.
pub fn analyse(group: &Group, rules: &GroupRules) -> Result<Scenarios, Refusal> {
    analyse_to(
        group,
        rules,
        bound_for(group.fixtures.len(), group.teams.len()),
    )
}

/// [`analyse`], searching scores up to `bound` goals a side.
pub fn analyse_to(group: &Group, rules: &GroupRules, bound: u32) -> Result<Scenarios, Refusal> {
    let k = group.fixtures.len();
    if k == 0 {
        return Err(Refusal::NoFixtures);
    }
    if k > MAX_FIXTURES {
        return Err(Refusal::TooMany(k));
    }
    let n = group.teams.len();
    let mut bench = Workbench::new(group, rules);
    let mut combinations = Vec::with_capacity(3usize.pow(k as u32));
    for c in 0..3usize.pow(k as u32) {
        let results: Vec<Res> = (0..k)
            .map(|i| Res::ALL[(c / 3usize.pow(i as u32)) % 3])
            .collect();
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
        combinations.push(Combination {
            results,
            first: first.iter().map(|cells| grid.verdict(cells)).collect(),
            advances: advances.iter().map(|cells| grid.verdict(cells)).collect(),
            places,
            unknown,
        });
    }
    let results: Vec<Vec<Res>> = combinations.iter().map(|c| c.results.clone()).collect();
    let teams = (0..n)
        .map(|t| TeamOutlook {
            first: summary::status(
                &combinations.iter().map(|c| &c.first[t]).collect::<Vec<_>>(),
                &results,
            ),
            advances: summary::status(
                &combinations
                    .iter()
                    .map(|c| &c.advances[t])
                    .collect::<Vec<_>>(),
                &results,
            ),
            places: combinations.iter().fold((usize::MAX, 0), |(b, w), c| {
                (b.min(c.places[t].0), w.max(c.places[t].1))
            }),
        })
        .collect();
    Ok(Scenarios {
        fixtures: group.fixtures.iter().map(|f| (f.home, f.away)).collect(),
        bound,
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
