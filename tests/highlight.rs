//! `table --team`: which rows a name chooses (a team's name or an alias, as written or in any
//! case), and which formats show it (text, Markdown, wikitext) or are left as they are (CSV and
//! JSON, for scripts).

mod common;

use std::fs;

use common::*;
use pretty_assertions::assert_eq;
use rstest::rstest;

const RULES: &str = r#"name = "test"
[points]
win = 3
draw = 1
loss = 0
[tiebreak]
order = ["points", "goal_difference"]
[qualification]
advance = 1
"#;

/// Two groups; the record calls Alpha "A.C. Alpha" (a competition's alias) and a source
/// document calls Delta "Deltas" (a group's alias).
const DATA: &str = r#"competition = "Cup"
rules = "rules.toml"
aliases = { "A.C. Alpha" = { is = "Alpha", why = "the record's full name" } }

[[group]]
name = "Group 1"
teams = ["Alpha", "Beta"]
matches = ["Alpha 1–0 Beta"]

[[group]]
name = "Group 2"
teams = ["Gamma", "Delta"]
aliases = { Deltas = { is = "Delta", why = "a misprint" } }
matches = ["Gamma 0–2 Delta"]
"#;

/// The teams on rows marked `>` in the text output of `--team wanted`.
fn marked(wanted: &str) -> Vec<String> {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("rules.toml"), RULES).unwrap();
    fs::write(dir.path().join("data.toml"), DATA).unwrap();
    let run = standings_in(dir.path(), &["table", "data.toml", "--team", wanted]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    run.stdout
        .lines()
        .filter_map(|l| l.strip_prefix("> "))
        .map(|row| row.split_whitespace().nth(1).unwrap().to_string())
        .collect()
}

#[rstest]
#[case::name("Alpha", "Alpha")]
#[case::name_in_another_case("aLPHA", "Alpha")]
#[case::spaces_around("  Beta ", "Beta")]
#[case::competition_alias("A.C. Alpha", "Alpha")]
#[case::competition_alias_in_another_case("a.c. alpha", "Alpha")]
#[case::group_alias("Deltas", "Delta")]
#[case::group_alias_in_another_case("DELTAS", "Delta")]
fn a_name_or_alias_in_any_case_marks_the_teams_row(#[case] wanted: &str, #[case] team: &str) {
    assert_eq!(marked(wanted), [team]);
}

#[test]
fn every_table_gets_the_margin_and_only_the_teams_row_the_mark() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("rules.toml"), RULES).unwrap();
    fs::write(dir.path().join("data.toml"), DATA).unwrap();
    let run = standings_in(dir.path(), &["table", "data.toml", "--team", "Gamma"]);
    // Group 1: Alpha won 1–0: 3 points, Beta 0; Group 2: Delta won 2–0, so Gamma is second,
    // -2 and 0 points.
    assert_eq!(
        run.stdout,
        "\
Cup · Group 1
  Pos  Team   P  W  D  L  GF  GA  GD  Pts
    1  Alpha  1  1  0  0   1   0   1    3  advances
    2  Beta   1  0  0  1   0   1  -1    0

Cup · Group 2
  Pos  Team   P  W  D  L  GF  GA  GD  Pts
    1  Delta  1  1  0  0   2   0   2    3  advances
>   2  Gamma  1  0  0  1   0   2  -2    0
  note: the source document calls Delta \"Deltas\": a misprint
"
    );
}

#[rstest]
#[case::json("json")]
#[case::csv("csv")]
fn scripts_formats_are_unchanged_by_team(#[case] format: &str) {
    let data = "data/uefa-euro-2024.toml";
    let plain = standings(&["table", data, "--format", format]);
    let highlighted = standings(&["table", data, "--format", format, "--team", "Georgia"]);
    assert_eq!(highlighted.code, 0, "{}", highlighted.stderr);
    assert_eq!(highlighted.stdout, plain.stdout);
}

#[test]
fn an_unknown_team_fails_even_where_nothing_is_highlighted() {
    let run = standings(&[
        "table",
        "data/uefa-euro-2024.toml",
        "--format",
        "json",
        "--team",
        "Georgie",
    ]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.starts_with(
            "error[E806]: no team named \"Georgie\" in the tables shown; did you mean \"Georgia\"?"
        ),
        "{}",
        run.stderr
    );
}
