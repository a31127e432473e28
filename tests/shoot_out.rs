//! UEFA's last-round penalty shoot-out (`shoot_out`): a shoot-out after two level teams' drawn
//! group match, recorded on the match (`A 1–1 B (pens 3–4)`), decides their places; the match
//! stays a draw in the table. The group is worked out by hand below.

mod common;

use pretty_assertions::assert_eq;
use rstest::rstest;
use standings::compute::standings::compute_group;
use standings::diagnostic::Source;
use standings::read::data;
use standings::rules::RuleSet;

// All four on 4 points. A: beat C 2–0, lost to D 0–1, drew B 1–1 (goals 3–2). B: beat D 2–0,
// lost to C 0–1, drew A 1–1 (goals 3–2). C and D: a win, a defeat and a 0–0 draw with each
// other (goals 1–2 each). So A and B are level on goal difference (+1) and goals (3), C and D
// on -1 and 1.
fn group(a_v_b: &str) -> String {
    format!(
        r#"competition = "t"
[[group]]
name = "G"
teams = ["A", "B", "C", "D"]
matches = ["A 2–0 C", "B 2–0 D", "D 1–0 A", "C 1–0 B", "C 0–0 D", "{a_v_b}"]
"#
    )
}

#[rstest]
// B won the shoot-out after the 1–1: B above A. No shoot-out between C and D: level.
#[case::decides("A 1–1 B (pens 3–4)", r#""points", "goal_difference", "goals_for", "shoot_out""#, &["B", "A", "C=D"])]
// Extra time before the kicks is allowed; A won them.
#[case::after_extra_time("A 1–1 B (aet, pens 5–4)", r#""points", "goal_difference", "goals_for", "shoot_out""#, &["A", "B", "C=D"])]
// None recorded: A and B stay level on it, and the chain moves on (to nothing here).
#[case::none_recorded("A 1–1 B", r#""points", "goal_difference", "goals_for", "shoot_out""#, &["A=B", "C=D"])]
// A chain without the criterion never reads it.
#[case::not_in_the_chain("A 1–1 B (pens 3–4)", r#""points", "goal_difference", "goals_for""#, &["A=B", "C=D"])]
// A shoot-out decides a tie of exactly its two teams: with wins instead of goals, all four
// are level (one win each), and the A–B shoot-out leaves the four of them level.
#[case::more_than_two_level("A 1–1 B (pens 3–4)", r#""points", "wins", "shoot_out""#, &["A=B=C=D"])]
fn the_last_round_shoot_out(#[case] a_v_b: &str, #[case] chain: &str, #[case] expected: &[&str]) {
    let rules = RuleSet::parse(&Source::new(
        "rules.toml",
        format!(
            "name = \"r\"\n[points]\nwin = 3\ndraw = 1\nloss = 0\n[tiebreak]\norder = [{chain}]\n[qualification]\nadvance = 2\n"
        ),
    ))
    .unwrap();
    let competition = data::parse(&Source::new("data.toml", group(a_v_b))).unwrap();
    let table = compute_group(&competition.groups[0], rules.groups.as_ref().unwrap()).unwrap();
    let order = common::order(&table);
    assert_eq!(order, expected);
    // The match is a draw in the table whatever the shoot-out: A and B 4 points each.
    let points: Vec<String> = table
        .rows
        .iter()
        .map(|r| r.record.points().to_string())
        .collect();
    assert_eq!(points, ["4", "4", "4", "4"]);
}

#[test]
fn a_shoot_out_is_written_back_on_its_match() {
    let read = data::parse(&Source::new("t.toml", group("A 1–1 B (pens 3–4)"))).unwrap();
    let written = data::write(&read, "a test", None);
    assert!(written.contains("\"A 1–1 B (pens 3–4)\""), "{written}");
    let again = data::parse(&Source::new("w.toml", written.as_str())).unwrap();
    assert_eq!(again, read);
}
