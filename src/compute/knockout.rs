//! Deciding knockout ties: aggregate score, then away goals, then a penalty shoot-out, each step
//! as the rule file's `[knockout]` options allow. Extra time is part of a leg's score.

use crate::model::{Side, Tie};
use crate::rules::KnockoutRule;

/// What decided a tie.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DecidedBy {
    /// More goals over the legs (or in the one match).
    Aggregate,
    /// Level on aggregate; more goals away from home. Goals scored away, team 0 then team 1.
    AwayGoals([u32; 2]),
    /// Level after extra time; the shoot-out, team 0's kicks then team 1's.
    Penalties([u32; 2]),
}

/// The result of a tie.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TieOutcome {
    /// A winner, the aggregate (team 0, team 1), and what decided it.
    Decided {
        /// The winning side.
        winner: Side,
        /// Goals over all legs, team 0 then team 1.
        aggregate: [u32; 2],
        /// What decided it.
        by: DecidedBy,
    },
    /// Level on everything the rules allow; the reason in words.
    Undecided {
        /// Goals over all legs, team 0 then team 1.
        aggregate: [u32; 2],
        /// Why no winner follows.
        reason: String,
    },
}

/// Goals over all legs, and goals away from home, each as (team 0, team 1). A tie has at most
/// two legs of at most 999 goals a side (readers and rules refuse more), so these sums are far
/// from a `u32`'s limit; they saturate rather than wrap whatever the legs.
fn totals(tie: &Tie) -> ([u32; 2], [u32; 2]) {
    let mut aggregate = [0u32, 0];
    let mut away = [0u32, 0];
    for leg in &tie.legs {
        let (home, visitor) = (leg.home.index(), leg.home.other().index());
        aggregate[home] = aggregate[home].saturating_add(leg.score[0]);
        aggregate[visitor] = aggregate[visitor].saturating_add(leg.score[1]);
        away[visitor] = away[visitor].saturating_add(leg.score[1]);
    }
    (aggregate, away)
}

/// The side with more in `pair` (given first side first); the first when level.
fn ahead(pair: [u32; 2]) -> Side {
    if pair[1] > pair[0] {
        Side::Second
    } else {
        Side::First
    }
}

/// Decides a tie under the rules' knockout options.
pub fn decide(tie: &Tie, rule: &KnockoutRule) -> TieOutcome {
    let (aggregate, away) = totals(tie);
    if aggregate[0] != aggregate[1] {
        return TieOutcome::Decided {
            winner: ahead(aggregate),
            aggregate,
            by: DecidedBy::Aggregate,
        };
    }
    let last = tie.legs.last().expect("a tie has at least one leg");
    let away_goals_apply = tie.legs.len() == 2
        && rule.away_goals
        && (!last.extra_time || rule.away_goals_after_extra_time);
    if away_goals_apply && away[0] != away[1] {
        return TieOutcome::Decided {
            winner: ahead(away),
            aggregate,
            by: DecidedBy::AwayGoals(away),
        };
    }
    match last.penalties {
        Some(kicks) if rule.penalties => {
            // The shoot-out is recorded home side first; turn it into team 0, team 1.
            let by_team = match last.home {
                Side::First => kicks,
                Side::Second => [kicks[1], kicks[0]],
            };
            TieOutcome::Decided {
                winner: ahead(by_team),
                aggregate,
                by: DecidedBy::Penalties(by_team),
            }
        }
        Some(_) => TieOutcome::Undecided {
            aggregate,
            reason: "a shoot-out is recorded, but the rules do not decide ties by penalties".into(),
        },
        None => TieOutcome::Undecided {
            aggregate,
            reason: if away_goals_apply {
                "level on aggregate and on away goals, and no shoot-out is recorded".into()
            } else {
                "level on aggregate, and no shoot-out is recorded".into()
            },
        },
    }
}

/// The outcome in words: `Lazio through, 4–2 on aggregate`.
pub fn describe(tie: &Tie, outcome: &TieOutcome) -> String {
    let t = &tie.teams;
    match outcome {
        TieOutcome::Decided {
            winner,
            aggregate,
            by,
        } => {
            let (w, l) = (winner.index(), winner.other().index());
            let score = format!("{}–{}", aggregate[w], aggregate[l]);
            let how = match by {
                DecidedBy::Aggregate if tie.legs.len() == 1 => score,
                DecidedBy::Aggregate => format!("{score} on aggregate"),
                DecidedBy::AwayGoals(a) => {
                    format!(
                        "{score} on aggregate, on away goals {} against {}",
                        a[w], a[l]
                    )
                }
                DecidedBy::Penalties(p) => format!("{score}, {}–{} on penalties", p[w], p[l]),
            };
            format!("{} through, {how}", tie.team(*winner))
        }
        TieOutcome::Undecided { aggregate, reason } => format!(
            "undecided: {} {}–{} {}; {reason}",
            t[0], aggregate[0], aggregate[1], t[1]
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Leg;
    use pretty_assertions::assert_eq;
    use rstest::rstest;

    const UEFA: KnockoutRule = KnockoutRule {
        away_goals: true,
        away_goals_after_extra_time: true,
        penalties: true,
    };

    /// A two-legged tie between A (home first) and B.
    fn tie(first: [u32; 2], second: [u32; 2], aet: bool, pens: Option<[u32; 2]>) -> Tie {
        Tie {
            round: "Final".into(),
            teams: ["A".into(), "B".into()],
            legs: vec![
                Leg {
                    home: Side::First,
                    score: first,
                    extra_time: false,
                    penalties: None,
                },
                Leg {
                    home: Side::Second,
                    score: second,
                    extra_time: aet,
                    penalties: pens,
                },
            ],
            line: crate::model::Line(1),
            spans: Default::default(),
        }
    }

    #[rstest]
    // Lazio 2–0 Juventus, Juventus 2–2 Lazio: 4–2 on aggregate.
    #[case::aggregate(tie([2, 0], [2, 2], false, None), UEFA, "A through, 4–2 on aggregate")]
    // 1–1 away, 0–0 at home: level 1–1, B scored 1 away, A none.
    #[case::away_goals(tie([1, 1], [0, 0], false, None), UEFA, "B through, 1–1 on aggregate, on away goals 1 against 0")]
    // 2–1, then 2–1 to B after extra time: 3–3, away goals A 1, B 1: level; B wins the shoot-out.
    #[case::penalties(tie([2, 1], [2, 1], true, Some([4, 2])), UEFA, "B through, 3–3, 4–2 on penalties")]
    // 0–1, then B 1–2 A after extra time: 2–2; away goals A 2 (both legs... A scored 0 at home,
    // 2 away), B 1: A through on away goals in extra time.
    #[case::away_goals_in_extra_time(tie([0, 1], [1, 2], true, Some([5, 4])), UEFA, "A through, 2–2 on aggregate, on away goals 2 against 1")]
    // The same tie where away goals no longer count after extra time: the shoot-out decides.
    #[case::no_away_goals_after_extra_time(tie([0, 1], [1, 2], true, Some([5, 4])), KnockoutRule { away_goals_after_extra_time: false, ..UEFA }, "B through, 2–2, 5–4 on penalties")]
    // Away goals switched off: straight to penalties.
    #[case::no_away_goals(tie([1, 1], [0, 0], true, Some([3, 4])), KnockoutRule { away_goals: false, ..UEFA }, "A through, 1–1, 4–3 on penalties")]
    // Level on everything with no shoot-out recorded.
    #[case::undecided(tie([1, 1], [1, 1], true, None), UEFA, "undecided: A 2–2 B; level on aggregate and on away goals, and no shoot-out is recorded")]
    fn two_legged_ties(#[case] tie: Tie, #[case] rule: KnockoutRule, #[case] expected: &str) {
        assert_eq!(describe(&tie, &decide(&tie, &rule)), expected);
    }

    #[test]
    fn one_match_final() {
        let mut t = tie([1, 1], [0, 0], false, None);
        t.legs = vec![Leg {
            home: Side::First,
            score: [1, 1],
            extra_time: true,
            penalties: Some([3, 5]),
        }];
        // No away goals in a single match, even with the option on.
        assert_eq!(
            describe(&t, &decide(&t, &UEFA)),
            "B through, 1–1, 5–3 on penalties"
        );
        t.legs[0].score = [2, 0];
        assert_eq!(describe(&t, &decide(&t, &UEFA)), "A through, 2–0");
    }
}
