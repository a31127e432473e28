//! The criteria whose values are quotients or counts (goal average, head-to-head goal average,
//! points per game, defeats) through the engine: each deciding a place on small groups written
//! here, both readings of `[goal_average] zero_conceded`, and values that three decimals would
//! tie but exact values do not. Every expected order, value and line is worked out by hand in
//! the comments beside each case (3 points for a win, 1 for a draw).

mod common;

use common::order;
use pretty_assertions::assert_eq;
use rstest::rstest;
use standings::compute::standings::{GroupTable, compute_group};
use standings::diagnostic::Source;
use standings::read::data;
use standings::rules::RuleSet;

fn rules(chain: &str, extra: &str) -> RuleSet {
    let text = format!(
        "name = \"test\"\n[points]\nwin = 3\ndraw = 1\nloss = 0\n[tiebreak]\norder = [{chain}]\n[qualification]\nadvance = 1\n{extra}\n"
    );
    RuleSet::parse(&Source::new("test-rules.toml", text)).unwrap()
}

/// Runs one group through the engine; `body` is the group's TOML (teams, matches, ...).
fn with_group<T>(rules: &RuleSet, body: &str, f: impl FnOnce(&GroupTable<'_>) -> T) -> T {
    let text = format!("competition = \"test\"\n[[group]]\nname = \"G\"\n{body}");
    let competition = data::parse(&Source::new("test-data.toml", text)).unwrap();
    let table = compute_group(&competition.groups[0], rules.groups.as_ref().unwrap()).unwrap();
    f(&table)
}

/// Every tiebreak step in words, in the order applied.
fn steps(table: &GroupTable<'_>) -> Vec<String> {
    table
        .ordering
        .tiebreaks()
        .map(|s| standings::explain::step(table, s))
        .collect()
}

/// Every team 3 points: A beat B 3–0 and lost 0–1 to C, B beat C 6–0. Goals for:against are
/// A 3:1, B 6:3, C 1:6, so goal average is A 3, B 2, C 1/6 = 0.1666… and goal difference is
/// A +2, B +3, C −5: the two criteria put A and B the other way round.
const RATIO_OR_DIFFERENCE: &str = r#"teams = ["A", "B", "C"]
matches = ["A 3–0 B", "B 6–0 C", "A 0–1 C"]"#;

/// A (W 1–0 C, L 0–1 D, L 0–1 E) 3 points, 2 defeats; B (0–0 with C, D and E) 3 points, none;
/// D and E (a win over A, a draw with B) 4 points, no defeat each; C (L, D) 1 point.
const DEFEATS: &str = r#"teams = ["B", "A", "C", "D", "E"]
matches = ["A 1–0 C", "D 1–0 A", "E 1–0 A", "B 0–0 C", "B 0–0 D", "B 0–0 E"]"#;

/// A season cut short: A played 2 (D 1–1 B, W 2–0 D), 4 points, 2 a game, goals 3:1;
/// B played 3 (W 1–0 D, D 1–1 A, D 0–0 C), 5 points, 5/3 a game; C played 2 (W 1–0 D, D 0–0 B),
/// 4 points, 2 a game, goals 1:0; D played 3 and lost them all, 0 points, goals 0:4; E has
/// played nothing: 0 points, undivided.
const CUT_SHORT: &str = r#"teams = ["A", "B", "C", "D", "E"]
matches = ["C 1–0 D", "B 1–0 D", "B 1–1 A", "B 0–0 C", "A 2–0 D"]"#;

/// A forfeited at B (lost 0–3, one point deducted): −1 point in 1 match, −1 a game; B 3 in 1;
/// C beat D 1–0: C 3 in 1, D 0 in 1. B and C are level at 3 a game, B's goal difference +3,
/// C's +1.
const DEDUCTED: &str = r#"teams = ["A", "B", "C", "D"]
matches = ["A v B (forfeit: A)", "C 1–0 D"]"#;

/// A (W 1–0 C, W 2–0 D, D 0–0 B): 7 points, goals 3:0. B (D 0–0 A, W 4–1 C, W 3–0 D): 7 points,
/// goals 7:1, average 7. C (L 0–1 A, L 1–4 B, D 0–0 D): 1 point, 1:5, average 0.2. D (L, L, D):
/// 1 point, 0:5, average 0.
const NOTHING_CONCEDED: &str = r#"teams = ["A", "B", "C", "D"]
matches = ["A 1–0 C", "A 2–0 D", "A 0–0 B", "B 4–1 C", "B 3–0 D", "C 0–0 D"]"#;

/// A (W 1–0 C, D 0–0 B) and B (W 5–0 D, D 0–0 A) both 4 points and conceded nothing; C (0:1)
/// and D (0:5) both 0 points and average 0; goal difference A +1, B +5, C −1, D −5.
const BOTH_CONCEDED_NOTHING: &str = r#"teams = ["A", "B", "C", "D"]
matches = ["A 1–0 C", "B 5–0 D", "A 0–0 B"]"#;

/// G (D 0–0 E, W 3–1 H) 4 points. E (0–0 with G) 1 point, no goal either way; F (2–2 with H)
/// 1 point, 2:2; H (D 2–2 F, L 1–3 G) 1 point, 3:5, average 0.6.
const NO_GOALS_AT_ALL: &str = r#"teams = ["E", "F", "G", "H"]
matches = ["E 0–0 G", "F 2–2 H", "G 3–1 H"]"#;

/// Meeting twice: A won 999–1 and lost 2–999 against C, B won 999–0 and lost 1–999, and A and B
/// drew 0–0 twice. A and B have 5 points and goal difference +1 each; A's goals are 1001:1000,
/// a goal average of 1.001, B's 1000:999, 1.001001…: both 1.001 to three decimals, but B's is
/// higher. C won twice: 6 points.
const THREE_DECIMALS_TIE: &str = r#"teams = ["A", "B", "C"]
matches = ["A 999–1 C", "C 999–2 A", "B 999–0 C", "C 999–1 B", "A 0–0 B", "B 0–0 A"]"#;

/// A, B and C beat each other in a cycle: A 2–0 B, B 6–2 C, C 1–0 A, so each has 3 points
/// among themselves and 6 overall (all beat D). Among themselves goals are A 2:1 (average 2),
/// B 6:4 (1.5), C 3:6 (0.5). Overall, with D (lost 0–1 to A, 0–1 to B, 0–9 to C): A 3:1 (3),
/// B 7:4 (1.75), C 12:6 (2).
const CYCLE: &str = r#"teams = ["A", "B", "C", "D"]
matches = ["A 2–0 B", "B 6–2 C", "C 1–0 A", "D 0–1 A", "D 0–1 B", "D 0–9 C"]"#;

const AS_ONE: &str = "[goal_average]\nzero_conceded = \"as_one\"";

#[rstest]
#[case::goal_average(r#""points", "goal_average""#, "", RATIO_OR_DIFFERENCE,
    &["A", "B", "C"],
    &["A, B, C: goal average: A 3, B 2, C 0.167 → A > B > C"])]
// The same group by goal difference, for contrast.
#[case::goal_difference_instead(r#""points", "goal_difference""#, "", RATIO_OR_DIFFERENCE,
    &["B", "A", "C"],
    &["B, A, C: goal difference: B 3, A 2, C -5 → B > A > C"])]
#[case::head_to_head_goal_average(r#""points", "head_to_head.goal_average""#, "", CYCLE,
    &["A", "B", "C", "D"],
    &["A, B, C: head-to-head goal average: A 2, B 1.5, C 0.5 → A > B > C"])]
// The same teams by their overall goal average: C's nine goals against D lift it above B.
#[case::overall_goal_average_instead(r#""points", "goal_average""#, "", CYCLE,
    &["A", "C", "B", "D"],
    &["A, C, B: goal average: A 3, C 2, B 1.75 → A > C > B"])]
#[case::losses(r#""points", "losses""#, "", DEFEATS,
    &["D=E", "B", "A", "C"],
    &["D, E: defeats: D 0, E 0 → level", "B, A: defeats: B 0, A 2 → B > A"])]
// Points per game sorts the whole group (no tiebreak step): A and C 2, B 5/3, D and E 0.
#[case::points_per_game(r#""points_per_game", "goal_difference""#, "", CUT_SHORT,
    &["A", "C", "B", "E", "D"],
    &["A, C: goal difference: A 2, C 1 → A > C", "E, D: goal difference: E 0, D -4 → E > D"])]
// By points, for contrast: B 5, A and C 4.
#[case::points_instead(r#""points", "goal_difference""#, "", CUT_SHORT,
    &["B", "A", "C", "E", "D"],
    &["A, C: goal difference: A 2, C 1 → A > C", "E, D: goal difference: E 0, D -4 → E > D"])]
// The deduction counts: A (−1 a game) is below D (0).
#[case::points_per_game_after_a_deduction(r#""points_per_game", "goal_difference""#,
    "[forfeit]\ndeduction = 1", DEDUCTED,
    &["B", "C", "D", "A"],
    &["B, C: goal difference: B 3, C 1 → B > C"])]
// Conceding nothing ranks above any finite average: A (∞) above B (7).
#[case::nothing_conceded_above_all(r#""points", "goal_average""#, "", NOTHING_CONCEDED,
    &["A", "B", "C", "D"],
    &["A, B: goal average: A ∞, B 7 → A > B", "C, D: goal average: C 0.2, D 0 → C > D"])]
// Counted as one goal conceded, A's average is its 3 goals: below B's 7.
#[case::nothing_conceded_as_one(r#""points", "goal_average""#, AS_ONE, NOTHING_CONCEDED,
    &["B", "A", "C", "D"],
    &["B, A: goal average: B 7, A 3 → B > A", "C, D: goal average: C 0.2, D 0 → C > D"])]
// Two teams that conceded nothing are level on goal average; goal difference separates them.
#[case::both_conceded_nothing(r#""points", "goal_average", "goal_difference""#, "",
    BOTH_CONCEDED_NOTHING,
    &["B", "A", "C", "D"],
    &["A, B: goal average: A ∞, B ∞ → level", "B, A: goal difference: B 5, A 1 → B > A",
      "C, D: goal average: C 0, D 0 → level", "C, D: goal difference: C -1, D -5 → C > D"])]
// No goal either way is 1, as many scored as conceded: E level with F (2:2), above H (0.6).
#[case::no_goals_at_all_above_all(r#""points", "goal_average""#, "", NO_GOALS_AT_ALL,
    &["G", "E=F", "H"],
    &["E, F, H: goal average: E 1, F 1, H 0.6 → E = F > H"])]
// Counted as one conceded, no goal either way is 0 ÷ 1: E last.
#[case::no_goals_at_all_as_one(r#""points", "goal_average""#, AS_ONE, NO_GOALS_AT_ALL,
    &["G", "F", "H", "E"],
    &["F, H, E: goal average: F 1, H 0.6, E 0 → F > H > E"])]
// Exactly, not to three decimals: B's 1000/999 is above A's 1001/1000, and the line says why
// two values that read 1.001 are not level.
#[case::three_decimals_would_tie(r#""points", "goal_difference", "goal_average""#,
    "[group]\nmeetings = 2", THREE_DECIMALS_TIE,
    &["C", "B", "A"],
    &["A, B: goal difference: A 1, B 1 → level",
      "B, A: goal average: B 1.001 (1000/999), A 1.001 → B > A"])]
fn each_criterion_decides_a_place(
    #[case] chain: &str,
    #[case] extra: &str,
    #[case] group: &str,
    #[case] expected: &[&str],
    #[case] explained: &[&str],
) {
    let rules = rules(chain, extra);
    with_group(&rules, group, |t| {
        assert_eq!(order(t), expected);
        assert_eq!(steps(t), explained);
    });
}

#[rstest]
// C (2 a game) above B (5/3 = 1.666…), written to three decimals.
#[case::points_per_game(
    r#""points_per_game", "goal_difference""#,
    "",
    CUT_SHORT,
    1,
    "C above B: points per game 2 against 1.667",
    "on points per game, 2 against 1.667"
)]
// E (no match played: 0, undivided) level with D (0 in 3) on points per game.
#[case::points_per_game_none_played(
    r#""points_per_game", "goal_difference""#,
    "",
    CUT_SHORT,
    3,
    "E above D: points per game level at 0; goal difference 0 against -4",
    "on goal difference, 0 against -4"
)]
#[case::infinity(
    r#""points", "goal_average""#,
    "",
    NOTHING_CONCEDED,
    0,
    "A above B: points level at 7; goal average ∞ against 7",
    "on goal average, ∞ against 7"
)]
#[case::three_decimals_would_tie(
    r#""points", "goal_difference", "goal_average""#,
    "[group]\nmeetings = 2",
    THREE_DECIMALS_TIE,
    1,
    "B above A: points level at 5; goal difference level at 1; goal average 1.001 (1000/999) against 1.001",
    "on goal average, 1.001 (1000/999) against 1.001"
)]
fn a_pair_is_explained_with_both_values(
    #[case] chain: &str,
    #[case] extra: &str,
    #[case] group: &str,
    #[case] row: usize,
    #[case] pair: &str,
    #[case] separation: &str,
) {
    let rules = rules(chain, extra);
    with_group(&rules, group, |t| {
        assert_eq!(standings::explain::pair(t, row), pair);
        let mut seen = 0;
        let tier = t
            .ordering
            .tiers
            .iter()
            .find(|tier| {
                seen += tier.teams.len();
                seen == row + 1
            })
            .unwrap();
        let above = tier.above_next.as_ref().unwrap();
        assert_eq!(standings::explain::separation(t, above), separation);
    });
}
