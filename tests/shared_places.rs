//! A recorded order against teams the rules leave level: consistent in any order where the
//! place they share decides nothing, unresolved where it decides who advances. The group is
//! worked out by hand below.

use pretty_assertions::assert_eq;
use rstest::rstest;
use standings::check::{self, FactKind, Verdict, Why};
use standings::compute::standings::compute;
use standings::diagnostic::Source;
use standings::read::data;
use standings::rules::RuleSet;

// A beat everyone 1–0 (9 points); B beat C and D 1–0 (6); C and D drew 0–0 and lost their
// other matches 0–1: 1 point each, goals 0–2, level on every criterion, sharing third place.
const GROUP: &str = r#"competition = "t"
[[group]]
name = "G"
teams = ["A", "B", "C", "D"]
matches = ["A 1–0 B", "A 1–0 C", "A 1–0 D", "B 1–0 C", "B 1–0 D", "C 0–0 D"]
"#;

#[rstest]
// Two advance: the shared third place decides nothing, so either order of C and D holds.
#[case::listed_as_computed(2, r#"["A", "B", "C", "D"]"#, Verdict::Confirmed, true)]
#[case::listed_the_other_way(2, r#"["A", "B", "D", "C"]"#, Verdict::Confirmed, true)]
// A team out of its place is a mismatch all the same.
#[case::out_of_place(2, r#"["A", "C", "B", "D"]"#, Verdict::Mismatch, false)]
// Three advance: the third place decides who goes through, and nothing decided it.
#[case::deciding(3, r#"["A", "B", "C", "D"]"#, Verdict::Unresolved, false)]
fn a_recorded_order_of_level_teams(
    #[case] advance: usize,
    #[case] order: &str,
    #[case] verdict: Verdict,
    #[case] shared: bool,
) {
    let rules = RuleSet::parse(&Source::new(
        "rules.toml",
        format!(
            "name = \"r\"\n[points]\nwin = 3\ndraw = 1\nloss = 0\n[tiebreak]\norder = [\"points\", \"goal_difference\", \"goals_for\"]\n[qualification]\nadvance = {advance}\n"
        ),
    ))
    .unwrap();
    let text = format!("{GROUP}record = {{ order = {order} }}\n");
    let competition = data::parse(&Source::new("data.toml", text)).unwrap();
    let standings = compute(&competition, &rules).unwrap();
    let facts = check::check(&standings);
    let fact = facts
        .iter()
        .find(|f| f.kind == FactKind::GroupOrder)
        .expect("the order is checked");
    assert_eq!(fact.verdict, verdict);
    assert_eq!(
        matches!(&fact.why, Why::SharedPlaces(sets) if sets == &[vec!["C".to_string(), "D".to_string()]]),
        shared,
        "{:?}",
        fact.why
    );
}
