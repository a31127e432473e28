//! Teams of one place ranked across groups (`[best_placed]`), through the engine: which team
//! each group gives, what their records leave out, and who advances. Every expected order is
//! worked out by hand in the comments.

mod common;

use pretty_assertions::assert_eq;
use rstest::rstest;
use standings::compute::standings::{Qualification, compute};
use standings::diagnostic::Source;
use standings::read::data;
use standings::rules::RuleSet;

fn rules(discard: &str) -> RuleSet {
    let text = format!(
        "name = \"t\"\n[points]\nwin = 3\ndraw = 1\nloss = 0\n[tiebreak]\norder = [\"points\", \"goal_difference\", \"goals_for\"]\n[qualification]\nadvance = 2\n[best_placed]\nplace = 3\nadvance = 2\norder = [\"points\", \"goal_difference\", \"goals_for\"]\n{discard}\n"
    );
    RuleSet::parse(&Source::new("rules.toml", text)).unwrap()
}

// Group A: A3 beat only A4 (2–1): 3 points, goals 2–4. Without its match against A4 (last):
// 0 points, goals 0–3.
const GROUP_A: &str = r#"[[group]]
name = "A"
teams = ["A1", "A2", "A3", "A4"]
matches = ["A1 1–0 A2", "A1 2–0 A3", "A1 3–0 A4", "A2 1–0 A3", "A2 2–0 A4", "A3 2–1 A4"]
"#;

// Group B: B3 beat only B4 (4–3): 3 points, goals 4–5. Without it: 0 points, goals 0–2.
const GROUP_B: &str = r#"[[group]]
name = "B"
teams = ["B1", "B2", "B3", "B4"]
matches = ["B1 1–0 B2", "B1 1–0 B3", "B1 1–0 B4", "B2 1–0 B3", "B2 1–0 B4", "B3 4–3 B4"]
"#;

// Group C, of three: C1 6 points; C3 and C2 1 point each, C3 ahead on goal difference (-1
// against -2). C2 is third and last: it keeps its whole record, 1 point, goals 1–3.
const GROUP_C: &str = r#"[[group]]
name = "C"
teams = ["C1", "C2", "C3"]
matches = ["C1 2–0 C2", "C1 1–0 C3", "C2 1–1 C3"]
"#;

// Group D, of four like A and B: D3 drew D4 1–1 and lost the rest 0–1: 1 point, goals 1–3;
// without the draw against D4 (last on goal difference, 0–2 and 0–3 defeats): 0 points, 0–2.
const GROUP_D: &str = r#"[[group]]
name = "D"
teams = ["D1", "D2", "D3", "D4"]
matches = ["D1 1–0 D2", "D1 1–0 D3", "D1 2–0 D4", "D2 1–0 D3", "D2 3–0 D4", "D3 1–1 D4"]
"#;

#[rstest]
// Every match counts: B3 (3, -1) and A3 (3, -2) above C2 (1).
#[case::never(GROUP_C, "", &["B3", "A3", "C2"])]
// Results against the last-placed teams left out: C2 keeps its point and goes first; B3
// (0, -2) above A3 (0, -3).
#[case::against_last(GROUP_C, r#"discard = "against_last""#, &["C2", "B3", "A3"])]
// The same when the groups differ in size (4, 4, 3).
#[case::sizes_differ(GROUP_C, r#"discard = "against_last_when_sizes_differ""#, &["C2", "B3", "A3"])]
// Groups all of four: nothing is left out. B3 (3, -1), A3 (3, -2), D3 (1, -2).
#[case::sizes_equal(GROUP_D, r#"discard = "against_last_when_sizes_differ""#, &["B3", "A3", "D3"])]
// Left out although the groups are of one size: B3 and D3 both 0 points, goals 0–2, level on
// every criterion (in data order, B before D; both advance, two places for two teams); A3
// (0, -3) last.
#[case::always(GROUP_D, r#"discard = "against_last""#, &["B3=D3", "A3"])]
fn the_best_third_placed_teams(
    #[case] third_group: &str,
    #[case] discard: &str,
    #[case] expected: &[&str],
) {
    let rules = rules(discard);
    let text = format!("competition = \"t\"\n{GROUP_A}{GROUP_B}{third_group}");
    let competition = data::parse(&Source::new("data.toml", text)).unwrap();
    let standings = compute(&competition, &rules).unwrap();
    let ranking = standings.best_placed.as_ref().expect("a ranking");
    let table = ranking.table().unwrap();
    let order = common::order(&table);
    assert_eq!(order, expected);
    // The first two advance.
    let advancing: Vec<&str> = match &table.qualification {
        Qualification::Decided(teams) => teams.iter().map(|&t| table.name(t)).collect(),
        Qualification::Undecided { certain, .. } => {
            certain.iter().map(|&t| table.name(t)).collect()
        }
    };
    let expected_advancing: Vec<&str> =
        expected.iter().flat_map(|t| t.split('=')).take(2).collect();
    assert_eq!(advancing, expected_advancing);
}
