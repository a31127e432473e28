//! A verdict's region within one combination of results, said as a journalist says it: a
//! threshold on a sum of margins ("Germany beat Switzerland and Scotland beat Hungary by 7 or
//! more goals between them"), each fixture's margin counted for, against or not at all, the
//! equality case settled, where it is, by the goals two teams score in the matches to play.
//!
//! Found by trying every way of counting the margins against every scoreline of the
//! combination within the bound searched, and kept only where it holds at exactly the
//! scorelines where the verdict says so; elsewhere the boxes ([`super::condition`]) stay.

use serde::Serialize;

use super::scoreline::{Point, Res, points};

/// A comparison of a whole number with a fixed one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Cmp {
    /// At least this.
    AtLeast(i64),
    /// Exactly this.
    Exactly(i64),
}

impl Cmp {
    /// Whether `value` passes.
    pub fn holds(self, value: i64) -> bool {
        match self {
            Cmp::AtLeast(t) => value >= t,
            Cmp::Exactly(t) => value == t,
        }
    }
}

/// Goals in the matches to play: `team`'s less `rival`'s (none: 0), compared.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct Goals {
    /// The team whose goals count for (an index into the group's teams).
    pub team: usize,
    /// The team whose goals count against, if any.
    pub rival: Option<usize>,
    /// The comparison.
    pub cmp: Cmp,
}

impl Goals {
    fn value(&self, scores: &[(u32, u32)], fixtures: &[(usize, usize)]) -> i64 {
        let of = |t: usize| -> i64 {
            fixtures
                .iter()
                .zip(scores)
                .map(|(&(h, a), &(gh, ga))| {
                    i64::from(if h == t { gh } else { 0 }) + i64::from(if a == t { ga } else { 0 })
                })
                .sum()
        };
        of(self.team) - self.rival.map_or(0, of)
    }
}

/// A threshold on a sum of margins: per fixture its margin (goals between the sides, whoever
/// won) counted `+1`, `-1` or not at all (`0`), the sum compared by `sum`; for
/// [`Cmp::AtLeast`] `t`, a sum of `t - 1` (the equality case) holds too where `goals` does;
/// for [`Cmp::Exactly`], `goals` must hold as well.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct Threshold {
    /// Per fixture: how its margin counts.
    pub signs: Vec<i8>,
    /// The comparison of the sum.
    pub sum: Cmp,
    /// The goals that settle the equality case (or narrow an exact sum).
    pub goals: Option<Goals>,
}

impl Threshold {
    /// Whether it holds at these scores of the fixtures (home, away), each fixture's teams
    /// given by `fixtures`.
    pub fn holds(&self, scores: &[(u32, u32)], fixtures: &[(usize, usize)]) -> bool {
        let sum: i64 = self
            .signs
            .iter()
            .zip(scores)
            .map(|(&s, &(h, a))| i64::from(s) * i64::from(h.abs_diff(a)))
            .sum();
        let goals = |g: &Goals| g.cmp.holds(g.value(scores, fixtures));
        match self.sum {
            Cmp::AtLeast(t) => sum >= t || (sum == t - 1 && self.goals.as_ref().is_some_and(goals)),
            Cmp::Exactly(t) => sum == t && self.goals.as_ref().is_none_or(goals),
        }
    }
}

/// Steps (scorelines × ways of counting × what each costs) one group's output may spend
/// looking for thresholds: past it, no more are looked for and the boxes stay (a few tenths of
/// a second at most). A group's last round (two fixtures) takes tens of thousands of steps a
/// region; six fixtures left can take it all.
pub const BUDGET: usize = 5_000_000;

/// The threshold holding at exactly the scorelines of the combination `results` (the fixtures'
/// teams `fixtures`) within `bound` goals a side where `wanted` holds, if there is one and it
/// takes at least one margin: the fewest margins counted first, a plain threshold before one
/// whose equality case goals settle, `team`'s goals tried first. Only fixtures in `counted`
/// have their margin counted. `cost` is what one call of `wanted` costs, in steps (the
/// clauses it tries); the search's steps are taken from `budget` (see [`BUDGET`]), and none
/// is made when they do not fit in it.
#[allow(clippy::too_many_arguments)]
pub fn find(
    results: &[Res],
    fixtures: &[(usize, usize)],
    bound: u32,
    counted: &[bool],
    team: usize,
    cost: usize,
    budget: &mut usize,
    wanted: impl Fn(&[(u32, u32)]) -> bool,
) -> Option<Threshold> {
    let k = results.len();
    let per_fixture: Vec<Vec<(u32, u32)>> = results
        .iter()
        .map(|&r| points(r, bound).map(|p: Point| p.score(r)).collect())
        .collect();
    // Only a decisive margin can be counted: a draw's is always 0.
    let free: Vec<usize> = (0..k)
        .filter(|&f| counted[f] && results[f] != Res::Draw)
        .collect();
    let ways = 3usize.checked_pow(free.len() as u32)?;
    let size = per_fixture
        .iter()
        .try_fold(1usize, |n, scores| n.checked_mul(scores.len()))?;
    let players: Vec<usize> = {
        let mut p: Vec<usize> = fixtures.iter().flat_map(|&(h, a)| [h, a]).collect();
        p.sort_unstable();
        p.dedup();
        p.sort_by_key(|&t| t != team);
        p
    };
    let per_way = k + 4 + players.len() * (players.len() + 1);
    let steps = ways
        .saturating_mul(per_way)
        .saturating_add(cost)
        .saturating_add(players.len())
        .saturating_mul(size);
    if steps > *budget {
        return None;
    }
    *budget -= steps;
    let cells: Vec<Vec<(u32, u32)>> = per_fixture.iter().fold(vec![Vec::new()], |acc, scores| {
        acc.iter()
            .flat_map(|c| {
                scores.iter().map(move |&s| {
                    let mut c = c.clone();
                    c.push(s);
                    c
                })
            })
            .collect()
    });
    let target: Vec<bool> = cells.iter().map(|c| wanted(c)).collect();
    if target.iter().all(|&t| t) || !target.iter().any(|&t| t) {
        return None;
    }
    let mut signings: Vec<Vec<i8>> = (1..ways)
        .map(|mut w| {
            let mut signs = vec![0i8; k];
            for &f in &free {
                signs[f] = [0, 1, -1][w % 3];
                w /= 3;
            }
            signs
        })
        .collect();
    signings.sort_by_key(|s| s.iter().filter(|&&x| x != 0).count());
    // Each player's goals in each cell.
    let scored: Vec<Vec<i64>> = cells
        .iter()
        .map(|c| {
            players
                .iter()
                .map(|&t| {
                    fixtures
                        .iter()
                        .zip(c)
                        .map(|(&(h, a), &(gh, ga))| {
                            i64::from(if h == t { gh } else { 0 })
                                + i64::from(if a == t { ga } else { 0 })
                        })
                        .sum()
                })
                .collect()
        })
        .collect();
    let margins: Vec<Vec<i64>> = cells
        .iter()
        .map(|c| c.iter().map(|&(h, a)| i64::from(h.abs_diff(a))).collect())
        .collect();
    for signs in signings {
        let sums: Vec<i64> = margins
            .iter()
            .map(|m| m.iter().zip(&signs).map(|(&m, &s)| m * i64::from(s)).sum())
            .collect();
        let extreme = |want: bool, max: bool| {
            let it = sums
                .iter()
                .zip(&target)
                .filter(move |(_, t)| **t == want)
                .map(|(s, _)| *s);
            if max { it.max() } else { it.min() }
        };
        let (Some(min_yes), Some(max_yes), Some(max_no)) = (
            extreme(true, false),
            extreme(true, true),
            extreme(false, true),
        ) else {
            continue;
        };
        if max_no < min_yes {
            return Some(Threshold {
                signs,
                sum: Cmp::AtLeast(min_yes),
                goals: None,
            });
        }
        let line: Vec<usize> = (0..cells.len()).filter(|&c| sums[c] == max_no).collect();
        if max_no == min_yes
            && let Some(goals) = settle(&line, &scored, &target, &players, false)
        {
            return Some(Threshold {
                signs,
                sum: Cmp::AtLeast(min_yes + 1),
                goals: Some(goals),
            });
        }
        if min_yes == max_yes {
            let line: Vec<usize> = (0..cells.len()).filter(|&c| sums[c] == min_yes).collect();
            if line.iter().all(|&c| target[c]) {
                return Some(Threshold {
                    signs,
                    sum: Cmp::Exactly(min_yes),
                    goals: None,
                });
            }
            if let Some(goals) = settle(&line, &scored, &target, &players, true) {
                return Some(Threshold {
                    signs,
                    sum: Cmp::Exactly(min_yes),
                    goals: Some(goals),
                });
            }
        }
    }
    None
}

/// Goals (one team's less another's, or one team's alone) that part the wanted cells of
/// `line` from the others: a threshold, or with `exact` also one exact difference. `scored`
/// gives each cell's goals per player (`players`, in that order).
fn settle(
    line: &[usize],
    scored: &[Vec<i64>],
    target: &[bool],
    players: &[usize],
    exact: bool,
) -> Option<Goals> {
    for (i, &team) in players.iter().enumerate() {
        let rivals = std::iter::once(None).chain((0..players.len()).filter(|&j| j != i).map(Some));
        for rival in rivals {
            let value = |c: usize| scored[c][i] - rival.map_or(0, |j| scored[c][j]);
            let (mut min_yes, mut max_yes, mut no) = (i64::MAX, i64::MIN, Vec::new());
            for &c in line {
                let v = value(c);
                if target[c] {
                    min_yes = min_yes.min(v);
                    max_yes = max_yes.max(v);
                } else {
                    no.push(v);
                }
            }
            if min_yes > max_yes {
                continue;
            }
            let cmp = if no.iter().all(|&v| v < min_yes) {
                Cmp::AtLeast(min_yes)
            } else if exact && min_yes == max_yes && !no.contains(&min_yes) {
                Cmp::Exactly(min_yes)
            } else {
                continue;
            };
            return Some(Goals {
                team,
                rival: rival.map(|j| players[j]),
                cmp,
            });
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use pretty_assertions::assert_eq;
    use rstest::rstest;

    use super::*;
    use crate::scenarios::scoreline::Res::Home;

    /// Team 0 v team 1 and team 2 v team 3, both won at home, up to 3 goals a side: margins 1
    /// to 3, and for margin m the loser's goals 0 to 3 − m.
    const FIXTURES: [(usize, usize); 2] = [(0, 1), (2, 3)];

    fn margins(s: &[(u32, u32)]) -> (i64, i64) {
        let m = |(h, a): (u32, u32)| i64::from(h) - i64::from(a);
        (m(s[0]), m(s[1]))
    }

    /// Goals of team 0 less team 2's: fixture 0's home goals less fixture 1's.
    fn zero_less_two(s: &[(u32, u32)]) -> i64 {
        i64::from(s[0].0) - i64::from(s[1].0)
    }

    #[rstest]
    // The margins' sum reaches 4.
    #[case(|s: &[(u32, u32)]| { let (a, b) = margins(s); a + b >= 4 },
           Some(Threshold { signs: vec![1, 1], sum: Cmp::AtLeast(4), goals: None }))]
    // The sum stays at 3 or less: counted against, at least −3.
    #[case(|s: &[(u32, u32)]| { let (a, b) = margins(s); a + b <= 3 },
           Some(Threshold { signs: vec![-1, -1], sum: Cmp::AtLeast(-3), goals: None }))]
    // Fixture 0's margin beats fixture 1's.
    #[case(|s: &[(u32, u32)]| { let (a, b) = margins(s); a - b >= 1 },
           Some(Threshold { signs: vec![1, -1], sum: Cmp::AtLeast(1), goals: None }))]
    // 4 or more between them, or exactly 3 with team 0 scoring more than team 2.
    #[case(|s: &[(u32, u32)]| { let (a, b) = margins(s); a + b >= 4 || (a + b == 3 && zero_less_two(s) >= 1) },
           Some(Threshold { signs: vec![1, 1], sum: Cmp::AtLeast(4),
                            goals: Some(Goals { team: 0, rival: Some(2), cmp: Cmp::AtLeast(1) }) }))]
    // Exactly 3 between them.
    #[case(|s: &[(u32, u32)]| { let (a, b) = margins(s); a + b == 3 },
           Some(Threshold { signs: vec![1, 1], sum: Cmp::Exactly(3), goals: None }))]
    // The loser of fixture 0 scoring nothing: no margin says that.
    #[case(|s: &[(u32, u32)]| s[0].1 == 0, None)]
    // Either margin exactly 1: a union no one sum parts from the rest.
    #[case(|s: &[(u32, u32)]| { let (a, b) = margins(s); (a == 1) != (b == 1) }, None)]
    fn thresholds_found(
        #[case] wanted: fn(&[(u32, u32)]) -> bool,
        #[case] expected: Option<Threshold>,
    ) {
        let found = find(
            &[Home, Home],
            &FIXTURES,
            3,
            &[true, true],
            0,
            1,
            &mut { BUDGET },
            wanted,
        );
        assert_eq!(found, expected);
        if let Some(t) = found {
            for a in points(Home, 3) {
                for b in points(Home, 3) {
                    let s = [a.score(Home), b.score(Home)];
                    assert_eq!(t.holds(&s, &FIXTURES), wanted(&s), "{s:?}");
                }
            }
        }
    }

    /// A fixture whose margin the boxes do not constrain is not counted.
    #[test]
    fn only_the_margins_counted() {
        let wanted = |s: &[(u32, u32)]| {
            let (a, b) = margins(s);
            a + b >= 4
        };
        assert_eq!(
            find(
                &[Home, Home],
                &FIXTURES,
                3,
                &[true, false],
                0,
                1,
                &mut { BUDGET },
                wanted
            ),
            None
        );
    }
}
