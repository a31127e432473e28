//! A completed season behind a run-in's range: the solver's results for an extreme, given
//! scores and ranked by the ordinary engine (`compute_group`), under the whole chain.
//!
//! Its place is one the team really reaches, so it can only narrow a range: the best place is
//! at most it, the worst at least it. When it meets the bound the range is exact.
//!
//! The scores make the tie on points go the team's way (best) or against it (worst), as far as
//! margins can: the team wins (loses) its own matches by [`margin`] goals; a team that ends
//! level with it on points loses (wins) by [`margin`] against a team not level, and every other
//! result is 1–0 or 0–0. Nothing depends on these being the best choice: they are one season.

use crate::compute::standings::{compute_group, records};
use crate::model::{Group, Match, Outcome, TeamId};
use crate::rules::GroupRules;

use super::League;
use super::solver::Res;

/// Which extreme a witness is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    /// The best place: the team wins its matches left.
    Best,
    /// The worst place: the team loses them.
    Worst,
}

/// The big margin a witness wins or loses by: more than the spread of goal differences so far
/// plus two goals for every match a team has left, so that one such margin outweighs any
/// difference the other results (by one goal) can make. At most 999 (the most goals a score
/// may have).
pub fn margin(group: &Group, rules: &GroupRules) -> u32 {
    let differences: Vec<i64> = records(group, rules)
        .iter()
        .map(|r| r.goal_difference())
        .collect();
    let spread = differences.iter().max().unwrap_or(&0) - differences.iter().min().unwrap_or(&0);
    let mut left = vec![0i64; group.teams.len()];
    for f in &group.fixtures {
        left[f.home.index()] += 1;
        left[f.away.index()] += 1;
    }
    let most_left = left.into_iter().max().unwrap_or(0);
    let m = spread
        .saturating_add(most_left.saturating_mul(2))
        .saturating_add(1);
    u32::try_from(m.clamp(1, 999)).unwrap_or(999)
}

/// `team`'s place in `group` completed with `results` (one per [`League::fixtures`], whose
/// fixtures are `group`'s), scored for `side`; `None` when the engine cannot rank the completed
/// group (a criterion without its data, such as cards in matches not yet played).
pub fn place(
    group: &Group,
    rules: &GroupRules,
    league: &League,
    team: usize,
    side: Side,
    results: &[Res],
) -> Option<usize> {
    let m = margin(group, rules);
    // Final points, in the league's exact decimals.
    let mut points: Vec<_> = league.teams.iter().map(|t| t.points).collect();
    let p = league.points;
    for (f, r) in league.fixtures.iter().zip(results) {
        let (home, away) = match r {
            Res::Home => (p.win, p.loss),
            Res::Draw => (p.draw, p.draw),
            Res::Away => (p.loss, p.win),
        };
        points[f.home] += home;
        points[f.away] += away;
    }
    let level = |t: usize| t != team && points[t] == points[team];
    let mut completed = group.clone();
    for (f, r) in league.fixtures.iter().zip(results) {
        let (winner, loser) = match r {
            Res::Home => (f.home, f.away),
            Res::Away => (f.away, f.home),
            Res::Draw => {
                completed.matches.push(played(f.home, f.away, 0, 0));
                continue;
            }
        };
        let big = match side {
            Side::Best => winner == team || (level(loser) && !level(winner)),
            Side::Worst => loser == team || (level(winner) && !level(loser)),
        };
        let goals = if big { m } else { 1 };
        completed.matches.push(if winner == f.home {
            played(f.home, f.away, goals, 0)
        } else {
            played(f.home, f.away, 0, goals)
        });
    }
    completed.fixtures.clear();
    let table = compute_group(&completed, rules).ok()?;
    table
        .rows
        .iter()
        .find(|row| row.team.index() == team)
        .map(|row| row.position)
}

fn played(home: usize, away: usize, h: u32, a: u32) -> Match {
    Match::new(
        TeamId::new(home),
        TeamId::new(away),
        Outcome::Played { home: h, away: a },
    )
}
