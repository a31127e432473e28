//! How far each combination of results must be searched: past every gap in goals between two
//! teams the combination can leave level on points, so that a team needing a 7–0 win is not
//! reported out of reach because the search stopped at 5 goals.
//!
//! Within one combination the points are fixed; the scores only order teams level on points
//! (on goal difference, goals, away goals, in the whole group or among the level teams). A
//! comparison between two such teams turns on a gap in goals the played matches left between
//! them, closed by margins and goals in the fixtures; the search goes far enough for every
//! chain of such comparisons to be closed and passed by one ([`needed`]). `tests/scenarios.rs`
//! checks, on random groups, that no claim fails at scores far beyond this reach. See
//! `docs/scenarios.md`.

use rust_decimal::Decimal;

use crate::compute::records::{FoldOptions, Record, add_side, among, fold};
use crate::criteria::Scope;
use crate::model::{Group, Match, Outcome, TeamId};
use crate::rules::GroupRules;

use super::scoreline::Res;

/// Head-to-head mini-tables are measured over every subset of the level teams up to this many
/// teams; past it, over the whole level set and each pair, which can miss a wider gap in a
/// subset of three, so such a combination is not claimed past its gaps ([`Reach::measured`]).
const MOST_SUBSETS: usize = 6;

/// The least bound searched: enough for "win by 2 or more" to be told from "by exactly 1".
pub const LEAST: u32 = 2;

/// How far one combination of results must be searched.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Reach {
    /// The goals a side that go past every gap ([`needed`]).
    pub goals: u32,
    /// Whether the combination leaves two teams level on points (then the scores order them).
    pub level: bool,
    /// Whether every head-to-head subset of the level teams was measured (not past
    /// six teams level): a reach measured on some subsets only is not claimed to
    /// go past every gap.
    pub measured: bool,
}

/// How far combination `results` must be searched under `rules`. For each set of teams the
/// combination leaves level on points, its gap: the largest difference in goal difference,
/// goals scored, goals conceded or away goals (those the chain compares), overall or in a
/// head-to-head mini-table of the played matches, between two of them. Its reach is `c × (gap + 1) + 1` goals a side, where
/// `c`, the comparisons that can chain, is one less than the teams level, and at most the
/// fixtures: two level teams need `gap + 2` (one fixture closes the gap and passes it by one);
/// three may need one team to win by more than another wins by plus a gap, and that one by a
/// gap. With one fixture left, `2 × (gap + 1)`: its margin and goals both past the gap at once
/// ([`super::beyond`]). [`LEAST`] when nobody is level. When the chain does not rank by points first, every
/// team counts as level.
pub fn needed(group: &Group, rules: &GroupRules, results: &[Res]) -> Reach {
    let n = group.teams.len();
    let classes = level_sets(group, rules, results);
    let level = classes.iter().any(|c| c.len() > 1);
    let (reads_overall, reads_mini) = reads(rules);
    let heads = reads_mini.contains(&true);
    let measured = !heads || classes.iter().all(|c| c.len() <= MOST_SUBSETS);
    let options = FoldOptions { deductions: false };
    let overall = fold(n, &group.matches, rules, options);
    // Per set of level teams: its widest gap, times how many comparisons can chain through
    // the fixtures (one team above another by more than a third is above, ...).
    let mut goals = u64::from(LEAST);
    for class in classes.iter().filter(|c| c.len() > 1) {
        let mut gap = widest(class, &overall, reads_overall);
        let subsets: Vec<Vec<TeamId>> = if !heads {
            Vec::new()
        } else if class.len() <= MOST_SUBSETS {
            (3u32..1 << class.len())
                .filter(|bits| bits.count_ones() >= 2)
                .map(|bits| {
                    (0..class.len())
                        .filter(|i| bits & (1 << i) != 0)
                        .map(|i| class[i])
                        .collect()
                })
                .collect()
        } else {
            let pairs = class
                .iter()
                .enumerate()
                .flat_map(|(i, &a)| class[i + 1..].iter().map(move |&b| vec![a, b]));
            std::iter::once(class.clone()).chain(pairs).collect()
        };
        for subset in subsets {
            let mini = fold(n, among(&group.matches, &subset), rules, options);
            gap = gap.max(widest(&subset, &mini, reads_mini));
        }
        let chain = (class.len() - 1).min(results.len()) as u64;
        goals = goals.max(
            chain
                .saturating_mul(gap.saturating_add(1))
                .saturating_add(1),
        );
        if results.len() == 1 {
            // One fixture: its margin and goals each past the gap at once, so that a box
            // reaching the bound holds past it (scenarios::beyond).
            goals = goals.max(gap.saturating_add(1).saturating_mul(2));
        }
    }
    Reach {
        goals: u32::try_from(goals).unwrap_or(u32::MAX),
        level,
        measured,
    }
}

/// The sets of teams level on points after `results` (each fixture won by one goal or drawn
/// 0–0), deductions made: every team in one set when the chain does not start with points.
fn level_sets(group: &Group, rules: &GroupRules, results: &[Res]) -> Vec<Vec<TeamId>> {
    let n = group.teams.len();
    let everyone = || vec![(0..n).map(TeamId::new).collect()];
    if rules.tiebreak.first().is_none_or(|c| c.key() != "points") {
        return everyone();
    }
    let fixtures = group.fixtures.iter().zip(results).map(|(f, r)| {
        let (home, away) = match r {
            Res::Home => (1, 0),
            Res::Draw => (0, 0),
            Res::Away => (0, 1),
        };
        Match::new(f.home, f.away, Outcome::Played { home, away })
    });
    let mut records = crate::compute::standings::records(group, rules);
    let options = FoldOptions { deductions: true };
    for m in fixtures {
        add_side(&mut records[m.home], &m, true, rules, options);
        add_side(&mut records[m.away], &m, false, rules, options);
    }
    let mut by_points: Vec<(Decimal, TeamId)> = records
        .iter()
        .enumerate()
        .map(|(t, r)| (r.points(), TeamId::new(t)))
        .collect();
    by_points.sort();
    by_points
        .chunk_by(|a, b| a.0 == b.0)
        .map(|run| run.iter().map(|&(_, t)| t).collect())
        .collect()
}

/// Which counts of goals a chain compares: goal difference, goals scored, goals conceded,
/// away goals, in that order.
type Counts = [bool; 4];

/// The counts of goals `rules`' chains compare, over the whole group and in head-to-head
/// mini-tables. A criterion not known to read no goals counts as reading every count.
fn reads(rules: &GroupRules) -> (Counts, Counts) {
    let (mut overall, mut mini) = ([false; 4], [false; 4]);
    for c in rules
        .tiebreak
        .iter()
        .chain(rules.qualifying_tiebreak.iter().flatten())
    {
        let key = c.key();
        if key.starts_with("recorded.") {
            continue;
        }
        let scope = match c.scope() {
            Scope::HeadToHead => &mut mini,
            Scope::Overall => &mut overall,
        };
        match key.strip_prefix("head_to_head.").unwrap_or(key) {
            "points" | "points_per_game" | "wins" | "losses" | "away_wins" | "fair_play"
            | "coefficient" | "shoot_out" | "playoff" | "decision" => {}
            "goal_difference" => scope[0] = true,
            "goals_for" => scope[1] = true,
            "goals_against" => scope[2] = true,
            "away_goals_for" => scope[3] = true,
            _ => *scope = [true; 4],
        }
    }
    (overall, mini)
}

/// The largest gap between two of `teams` in the counts of goals of `records` that `counts`
/// marks.
fn widest(teams: &[TeamId], records: &[Record], counts: Counts) -> u64 {
    let values = |r: &Record| {
        [
            r.goal_difference(),
            i64::try_from(r.goals_for).unwrap_or(i64::MAX),
            i64::try_from(r.goals_against).unwrap_or(i64::MAX),
            i64::try_from(r.away_goals_for).unwrap_or(i64::MAX),
        ]
    };
    let mut gap = 0;
    for (i, &a) in teams.iter().enumerate() {
        for &b in &teams[i + 1..] {
            let (va, vb) = (values(&records[a]), values(&records[b]));
            for k in (0..4).filter(|&k| counts[k]) {
                gap = gap.max(va[k].abs_diff(vb[k]));
            }
        }
    }
    gap
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::library;
    use rstest::rstest;

    /// The counts of goals each chain compares, read off the rule files by hand.
    #[rstest]
    // points, goal difference, goals, then head-to-head points, goal difference, goals.
    #[case("fifa-world-cup-2018", [true, true, false, false], [true, true, false, false])]
    // points, goal average (a ratio of goals scored to conceded: every count), then lots.
    #[case("fifa-world-cup-1958", [true; 4], [false; 4])]
    fn chains_read_these_counts(#[case] name: &str, #[case] overall: Counts, #[case] mini: Counts) {
        let rules = library::find(name)
            .expect("a bundled rule set")
            .load()
            .expect("it loads")
            .groups
            .expect("group rules");
        assert_eq!(reads(&rules), (overall, mini));
    }
}
