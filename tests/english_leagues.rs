//! The bundled rule files for the eras of English league football, each on a small group where
//! its rule and the next era's disagree. Orders worked out by hand in the comments.

use std::path::Path;

use pretty_assertions::assert_eq;
use rstest::rstest;
use standings::compute::standings::compute_group;
use standings::diagnostic::Source;
use standings::read::data;
use standings::rules::RuleSet;

/// Everyone won once and lost once: A beat B 3–0 and lost 0–1 to C, B beat C 6–0. Goal average
/// A 3:1 = 3, B 6:3 = 2, C 1:6; goal difference A +2, B +3, C −5.
const RATIO_OR_DIFFERENCE: &str = r#"teams = ["A", "B", "C"]
matches = ["A 3–0 B", "B 6–0 C", "A 0–1 C"]"#;

/// X beat Z 1–0 and lost 0–3 to W; Y drew 0–0 with Z and W. Two points for a win: W 3, X 2,
/// Y 2, Z 1, and Y's goal difference (0) beats X's (−2). Three: W 4, X 3, Y 2, Z 1.
const TWO_OR_THREE: &str = r#"teams = ["X", "Y", "Z", "W"]
matches = ["X 1–0 Z", "W 3–0 X", "Y 0–0 Z", "Y 0–0 W"]"#;

/// A cycle, one win each: P 4–3 Q, Q 1–0 R, R 2–0 P. Goals P 4:5 (−1), Q 4:4 (0), R 2:1 (+1).
/// By goal difference R, Q, P; by goals scored P and Q (4) above R (2), then Q conceded fewer.
const GOALS_FIRST: &str = r#"teams = ["P", "Q", "R"]
matches = ["P 4–3 Q", "Q 1–0 R", "R 2–0 P"]"#;

#[rstest]
#[case::goal_average("english-league-1888-goal-average", RATIO_OR_DIFFERENCE, &["A", "B", "C"])]
#[case::goal_difference("english-league-1976-goal-difference", RATIO_OR_DIFFERENCE, &["B", "A", "C"])]
#[case::two_points("english-league-1976-goal-difference", TWO_OR_THREE, &["W", "Y", "X", "Z"])]
#[case::three_points("english-league-1981-three-points", TWO_OR_THREE, &["W", "X", "Y", "Z"])]
#[case::goal_difference_first("english-league-1981-three-points", GOALS_FIRST, &["R", "Q", "P"])]
#[case::goals_scored_first("english-league-1992-goals-scored", GOALS_FIRST, &["Q", "P", "R"])]
fn each_era_orders_by_its_rule(#[case] file: &str, #[case] group: &str, #[case] expected: &[&str]) {
    let rules = RuleSet::load(Path::new(&format!("rules/{file}.toml"))).unwrap();
    let text = format!("competition = \"test\"\n[[group]]\nname = \"G\"\n{group}");
    let competition = data::parse(&Source::new("test-data.toml", text)).unwrap();
    let table = compute_group(&competition.groups[0], rules.groups.as_ref().unwrap()).unwrap();
    let order: Vec<&str> = table.rows.iter().map(|r| table.name(r.team)).collect();
    assert_eq!(order, expected);
}
