//! What the organisers ruled off the pitch, through the engine: points deductions (and
//! restorations) deciding places, counted in head-to-head mini-tables only when the rules say
//! so; clubs expunged mid-season; a record taken over. Every expected table is worked out by
//! hand in the comments beside it.

use pretty_assertions::assert_eq;
use rstest::rstest;
use standings::compute::standings::{GroupTable, compute_group};
use standings::diagnostic::Source;
use standings::explain;
use standings::model::Competition;
use standings::read::data;
use standings::rules::RuleSet;

fn rules(chain: &str, head_to_head: &str) -> RuleSet {
    let text = format!(
        "name = \"test\"\n[points]\nwin = 3\ndraw = 1\nloss = 0\n[head_to_head]\n{head_to_head}\n[tiebreak]\norder = [{chain}]\n[qualification]\nadvance = 1\n"
    );
    RuleSet::parse(&Source::new("test-rules.toml", text)).unwrap()
}

/// The group `body` describes, read as `check` and `table` read it: its rulings applied.
fn competition(body: &str) -> Competition {
    let text = format!("competition = \"test\"\n[[group]]\nname = \"G\"\n{body}");
    let mut competition = data::parse(&Source::new("test-data.toml", text)).unwrap();
    competition.groups[0].strike_out();
    competition
}

/// Each row as `(team, played, won, drawn, lost, goals for, goals against, deducted, points)`.
type Line = (String, u64, u64, u64, u64, u64, u64, String, String);

fn lines(table: &GroupTable<'_>) -> Vec<Line> {
    table
        .rows
        .iter()
        .map(|r| {
            let c = &r.record;
            (
                table.name(r.team).to_string(),
                c.played,
                c.won,
                c.drawn,
                c.lost,
                c.goals_for,
                c.goals_against,
                c.deducted.normalize().to_string(),
                c.points().normalize().to_string(),
            )
        })
        .collect()
}

fn line(team: &str, counts: [u64; 6], deducted: &str, points: &str) -> Line {
    let [p, w, d, l, gf, ga] = counts;
    (
        team.to_string(),
        p,
        w,
        d,
        l,
        gf,
        ga,
        deducted.to_string(),
        points.to_string(),
    )
}

// A beat B and C (6 points, goals 2–0, goal difference +2); B beat C 5–0 (3 points, goals
// 5–1, +4); C lost both (0, goals 0–6).
const THREE: &str = r#"teams = ["A", "B", "C"]
matches = ["A 1–0 B", "A 1–0 C", "B 5–0 C"]
"#;

#[rstest]
// No deduction: A first on points, 6 against 3.
#[case::none("", "", &["A", "B", "C"])]
// 4 taken from A: 2 against B's 3; the deduction decides.
#[case::deciding(r#"deductions = [{ team = "A", points = 4, reason = "sanction" }]"#, "", &["B", "A", "C"])]
// 3 taken from A: level with B on 3. Head-to-head leaves the deduction out by default: A won
// their match, 3 points to 0, so A is above.
#[case::not_in_head_to_head(r#"deductions = [{ team = "A", points = 3, reason = "sanction" }]"#, "", &["A", "B", "C"])]
// The same with the rules counting it: A's mini-table points are 3 − 3 = 0, level with B's 0;
// goal difference then puts B (+4) above A (+2).
#[case::in_head_to_head(r#"deductions = [{ team = "A", points = 3, reason = "sanction" }]"#, "point_deductions_count = true", &["B", "A", "C"])]
// 2 taken from B and 2 restored (a won appeal): no change, A first.
#[case::restored(
    r#"deductions = [{ team = "B", points = 2, reason = "sanction" }, { team = "B", points = -2, reason = "appeal upheld" }]"#,
    "",
    &["A", "B", "C"]
)]
// 3.5 taken from C, which goes below zero.
#[case::decimal(r#"deductions = [{ team = "C", points = "3.5", reason = "sanction" }]"#, "", &["A", "B", "C"])]
fn a_deduction_counts_in_points_and_in_head_to_head_only_when_the_rules_say(
    #[case] deductions: &str,
    #[case] head_to_head: &str,
    #[case] expected: &[&str],
) {
    let rules = rules(
        r#""points", "head_to_head.points", "goal_difference""#,
        head_to_head,
    );
    let competition = competition(&format!("{THREE}{deductions}\n"));
    let table = compute_group(&competition.groups[0], rules.groups.as_ref().unwrap()).unwrap();
    let order: Vec<&str> = table.rows.iter().map(|r| table.name(r.team)).collect();
    assert_eq!(order, expected);
}

#[test]
fn a_deduction_shows_in_the_row_and_the_explanation_says_it_decided() {
    let rules = rules(r#""points", "goal_difference""#, "");
    let competition = competition(&format!(
        "{THREE}deductions = [{{ team = \"A\", points = 4, reason = \"entered administration\", date = \"2020-02-01\" }}]\n"
    ));
    let table = compute_group(&competition.groups[0], rules.groups.as_ref().unwrap()).unwrap();
    assert_eq!(
        lines(&table),
        vec![
            line("B", [2, 1, 0, 1, 5, 1], "0", "3"),
            line("A", [2, 2, 0, 0, 2, 0], "4", "2"),
            line("C", [2, 0, 0, 2, 0, 6], "0", "0"),
        ]
    );
    // Without the 4 points A would have 6, above B's 3: the deduction decided the place.
    assert_eq!(
        explain::pair(&table, 0),
        "B above A: points 3 against 2, decided by A's deduction of 4 points (entered administration): 3 against 6 without it"
    );
    // A is above C whatever was deducted: nothing to add.
    assert_eq!(explain::pair(&table, 1), "A above C: points 2 against 0");
    assert_eq!(
        explain::rulings(&table),
        ["4 points deducted from A: entered administration (2020-02-01)"]
    );
}

#[test]
fn an_expunged_club_takes_no_other_team_s_declared_value_with_it() {
    // B, between A and C, leaves: A keeps 1 and C keeps 3 (the values were once retained twice,
    // and C's was lost with the second pass).
    let competition = competition(
        r#"teams = ["A", "B", "C"]
matches = ["A 1–0 B", "B 0–1 C", "A 2–2 C"]
expunged = [{ team = "B", reason = "resigned" }]
values.x = { A = 1, C = 3 }
"#,
    );
    let group = &competition.groups[0];
    assert_eq!(group.teams, ["A", "C"]);
    let value = |team: &str| group.team_value("x", group.team_named(team).unwrap());
    assert_eq!(value("A"), Some(1.into()));
    assert_eq!(value("C"), Some(3.into()));
}

#[test]
fn an_expunged_club_leaves_no_result_in_anyone_s_record() {
    // D beat A and drew with B before it was expunged: those two results go. What is left is
    // the three matches of THREE.
    let competition = competition(
        r#"teams = ["A", "B", "C", "D"]
matches = ["A 1–0 B", "D 3–0 A", "A 1–0 C", "B 1–1 D", "B 5–0 C"]
expunged = [{ team = "D", reason = "resigned" }]
"#,
    );
    let group = &competition.groups[0];
    assert_eq!(group.teams, ["A", "B", "C"]);
    assert_eq!(group.rulings.expunged[0].results, 2);
    let rules = rules(r#""points""#, "");
    let table = compute_group(group, rules.groups.as_ref().unwrap()).unwrap();
    assert_eq!(
        lines(&table),
        vec![
            line("A", [2, 2, 0, 0, 2, 0], "0", "6"),
            line("B", [2, 1, 0, 1, 5, 1], "0", "3"),
            line("C", [2, 0, 0, 2, 0, 6], "0", "0"),
        ]
    );
    assert_eq!(
        explain::rulings(&table),
        ["D expunged: resigned; its 2 results are struck from everyone's record"]
    );
}

#[test]
fn a_club_that_took_over_a_record_plays_on_as_one_line() {
    // Old beat A 2–0 and lost 0–1 to B before New took over its fixtures: New beat C 3–1.
    // New: 3 played, 2 won, 1 lost, goals 5–2, 6 points, listed under New only.
    let competition = competition(
        r#"teams = ["A", "B", "C", "Old", "New"]
matches = ["Old 2–0 A", "B 1–0 Old", "New 3–1 C", "A 1–1 B"]
takeovers = [{ team = "New", from = "Old", reason = "Old expelled; New took its place" }]
"#,
    );
    let group = &competition.groups[0];
    assert_eq!(group.teams, ["A", "B", "C", "New"]);
    let rules = rules(r#""points", "goal_difference""#, "");
    let table = compute_group(group, rules.groups.as_ref().unwrap()).unwrap();
    assert_eq!(
        lines(&table),
        vec![
            line("New", [3, 2, 0, 1, 5, 2], "0", "6"),
            line("B", [2, 1, 1, 0, 2, 1], "0", "4"),
            line("A", [2, 0, 1, 1, 1, 3], "0", "1"),
            line("C", [1, 0, 0, 1, 1, 3], "0", "0"),
        ]
    );
    assert_eq!(
        explain::rulings(&table),
        [
            "New took over the fixtures and record of Old (2 results counted as New's): Old expelled; New took its place"
        ]
    );
}

#[test]
fn rulings_are_written_back_and_read_the_same() {
    let text = format!(
        "competition = \"test\"\n[[group]]\nname = \"G\"\n{THREE}deductions = [{{ team = \"A\", points = \"1.5\", reason = \"sanction\", date = \"1999-12-31\" }}, {{ team = \"B\", points = -2, reason = \"appeal\" }}]\nexpunged = [{{ team = \"C\", reason = \"resigned\" }}]\n"
    );
    let read = data::parse(&Source::new("test.toml", text)).unwrap();
    let written = data::write(&read, "a test", None);
    let again = data::parse(&Source::new("written.toml", written.as_str()))
        .unwrap_or_else(|e| panic!("{e}\n{written}"));
    assert_eq!(again, read, "{written}");
    assert_eq!(again.groups[0].rulings.deductions.len(), 2);
}

#[test]
fn a_recorded_order_lists_the_clubs_that_stay() {
    // D is expunged; the published order of the three that stay is A (6), B (3), C (0).
    let competition = competition(
        r#"teams = ["A", "B", "C", "D"]
matches = ["A 1–0 B", "D 3–0 A", "A 1–0 C", "B 1–1 D", "B 5–0 C"]
expunged = [{ team = "D", reason = "resigned" }]
record = { order = ["A", "B", "C"] }
"#,
    );
    let rules = rules(r#""points""#, "");
    let standings = standings::compute::standings::compute(&competition, &rules).unwrap();
    let facts = standings::check::check(&standings);
    assert_eq!(
        facts
            .iter()
            .map(|f| (f.kind, f.verdict))
            .collect::<Vec<_>>(),
        [(
            standings::check::FactKind::GroupOrder,
            standings::check::Verdict::Confirmed
        )]
    );
    // Listing the expunged club as well is a mistake in the file.
    let text = "competition = \"test\"\n[[group]]\nname = \"G\"\nteams = [\"A\", \"B\", \"D\"]\nmatches = [\"A 1–0 B\"]\nexpunged = [{ team = \"D\", reason = \"resigned\" }]\nrecord = { order = [\"A\", \"B\", \"D\"] }\n";
    assert!(data::parse(&Source::new("t.toml", text)).is_err());
}
