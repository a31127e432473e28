//! The path from file to verdict: read, resolve, validate. Readers never look at the rules, so
//! a data file reads the same on its own and as another source's record; validation reports
//! every problem of a run, and a contradiction between data and rules names both files.

mod common;

use std::fs;
use std::path::{Path, PathBuf};

use common::*;
use pretty_assertions::assert_eq;
use tempfile::TempDir;

const RULES: &str = r#"name = "test"
[points]
win = 3
draw = 1
loss = 0
[tiebreak]
order = ["points", "goal_difference"]
[qualification]
advance = 1
[group]
meetings = 1
"#;

/// The `error[E...]` heads of every diagnostic on standard error, in order.
fn codes(stderr: &str) -> Vec<String> {
    stderr
        .lines()
        .filter_map(|l| l.strip_prefix("error["))
        .map(|l| l[..4].to_string())
        .collect()
}

#[test]
fn five_independent_mistakes_are_five_located_diagnostics() {
    let dir = TempDir::new().unwrap();
    fs::write(dir.path().join("rules.toml"), RULES).unwrap();
    // Line 6: an unknown team; line 7: a malformed score; line 8: an alias that is a team;
    // line 9: a decision of one team; line 10: a recorded order that leaves two teams out.
    let data = r#"competition = "test"
rules = "rules.toml"
[[group]]
name = "G"
teams = ["Alpha", "Beta", "Gamma"]
matches = ["Alpa 1–0 Beta",
  "Beta 2– Gamma"]
aliases = { "Beta" = { is = "Alpha", why = "no" } }
decisions = [{ by = "lots", order = ["Alpha"] }]
record = { order = ["Alpha"] }
"#;
    let path = dir.path().join("data.toml");
    fs::write(&path, data).unwrap();
    let run = standings(&["check", path_str(&path)]);
    assert_eq!(run.code, 2, "{}", run.stdout);
    assert!(run.stdout.is_empty());
    assert_eq!(
        codes(&run.stderr),
        ["E209", "E206", "E208", "E211", "E210"],
        "{}",
        run.stderr
    );
    let places: Vec<&str> = run
        .stderr
        .lines()
        .filter_map(|l| l.trim_start().strip_prefix("--> "))
        .collect();
    let at = |line: usize, column: usize| format!("{}:{line}:{column}", path.display());
    assert_eq!(
        places,
        [at(8, 13), at(6, 13), at(7, 9), at(9, 37), at(10, 20)],
        "{}",
        run.stderr
    );
    // The same, for machines: one JSON object per line.
    let json = standings(&["check", path_str(&path), "--message-format", "json"]);
    assert_eq!(json.code, 2);
    let objects: Vec<serde_json::Value> = json
        .stderr
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(objects.len(), 5, "{}", json.stderr);
    assert_eq!(objects[1]["code"], "E206");
    assert_eq!(objects[1]["labels"][0]["line"], 6);
    assert_eq!(objects[1]["labels"][0]["column"], 13);
}

/// A rule file of `rules` and a data file in which A and B meet twice, in a fresh folder.
fn a_pair_meeting_twice(rules: &str) -> (TempDir, PathBuf, PathBuf) {
    let dir = TempDir::new().unwrap();
    let rules_path = dir.path().join("rules.toml");
    fs::write(&rules_path, rules).unwrap();
    let data = dir.path().join("data.toml");
    fs::write(
        &data,
        "competition = \"test\"\nrules = \"rules.toml\"\n[[group]]\nname = \"G\"\nteams = [\"A\", \"B\"]\nmatches = [\"A 1–0 B\", \"B 0–0 A\"]\n",
    )
    .unwrap();
    (dir, rules_path, data)
}

#[test]
fn a_pair_meeting_too_often_names_the_data_line_and_the_rule_line() {
    let (_dir, rules, data) = a_pair_meeting_twice(RULES);
    let run = standings(&["check", path_str(&data)]);
    assert_eq!(run.code, 2);
    assert_eq!(codes(&run.stderr), ["E601"]);
    // The second meeting (line 6, column 23) and `meetings = 1` (line 11, column 12).
    assert!(
        run.stderr.contains(&format!("--> {}:6:23", data.display())),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains(&format!("{}:11:12", rules.display())),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("each pair meets 1 time(s) here"));
}

#[test]
fn a_play_off_between_teams_that_met_in_the_group_is_not_a_second_meeting() {
    // A and B met once, as the rules allow, then played off: the play-off is not a meeting.
    let dir = TempDir::new().unwrap();
    let rules = RULES.replace(
        r#"["points", "goal_difference"]"#,
        r#"["points", "playoff"]"#,
    );
    fs::write(dir.path().join("rules.toml"), rules).unwrap();
    let data = dir.path().join("data.toml");
    fs::write(
        &data,
        "competition = \"test\"\nrules = \"rules.toml\"\n[[group]]\nname = \"G\"\nteams = [\"A\", \"B\"]\nmatches = [\"A 1–1 B\"]\nplayoffs = [\"B 2–0 A\"]\nrecord = { winner = \"B\" }\n",
    )
    .unwrap();
    let run = standings(&["check", path_str(&data)]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    assert!(run.stdout.contains("ok"), "{}", run.stdout);
}

#[test]
fn a_default_the_rules_apply_is_named_as_such() {
    let (_dir, rules, data) = a_pair_meeting_twice(&RULES.replace("[group]\nmeetings = 1\n", ""));
    let run = standings(&["check", path_str(&data)]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .contains("no `group.meetings` in the rule file: each pair meets 1 time(s) by default"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains(&format!("{}:1:1", rules.display())));
}

/// A data file for the league fixture's division, under rules where each pair meets twice:
/// Leeds and Hull meet twice in it, and it calls Leeds "Leeds United".
fn league_record(dir: &Path) -> std::path::PathBuf {
    let path = dir.join("record.toml");
    fs::write(
        &path,
        format!(
            r#"competition = "E1 season"
rules = "{}"
[[group]]
name = "E1"
teams = ["Leeds United", "Hull", "Stoke", "Derby"]
aliases = {{ "Leeds" = {{ is = "Leeds United", why = "the CSV's short name" }} }}
matches = ["Leeds United 2–1 Hull", "Hull 0–0 Leeds United"]
"#,
            std::env::current_dir()
                .unwrap()
                .join("rules/premier-league.toml")
                .display()
        ),
    )
    .unwrap();
    path
}

#[test]
fn a_data_file_that_checks_is_accepted_as_the_record_of_a_csv_season() {
    let dir = TempDir::new().unwrap();
    let record = league_record(dir.path());
    // On its own, under its rules (each pair twice), the record reads and checks.
    assert_eq!(standings(&["check", path_str(&record)]).code, 0);
    // Lent to the CSV of the same division, it is read as on its own, without its rules:
    // before the pipeline it was read with a default of one meeting per pair and refused.
    let run = standings(&[
        "table",
        "tests/fixtures/league.csv",
        "--rules",
        "rules/premier-league.toml",
        "--record",
        path_str(&record),
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    // The record applied: the CSV's "Leeds" is shown under the record's name.
    assert!(run.stdout.contains("Leeds United"), "{}", run.stdout);
    assert!(
        run.stderr
            .contains("E1: \"Leeds\" is Leeds United: the CSV's short name"),
        "{}",
        run.stderr
    );
}

#[test]
fn import_without_rules_still_refuses_a_team_playing_itself() {
    // The checks that need no rules run whatever rules there are (here none).
    let dir = TempDir::new().unwrap();
    let doc = dir.path().join("doc.txt");
    fs::write(
        &doc,
        "= Test Cup =\n\n===Group 1===\n| Team #1 | Team #2 | Results |\n| Alpha | Beta | 1–0 |\n| Beta | Beta | 2–2 |\n| Alpha | Beta | 0–0 |\n",
    )
    .unwrap();
    let run = standings(&["import", path_str(&doc), "--record", "none"]);
    assert_eq!(run.code, 2, "{}", run.stdout);
    assert_eq!(codes(&run.stderr), ["E207"], "{}", run.stderr);
    assert!(
        run.stderr.contains(&format!("--> {}:6:1", doc.display())),
        "{}",
        run.stderr
    );
}

#[test]
fn a_team_playing_itself_is_one_problem_not_also_a_pair() {
    let (_dir, _, data) = a_pair_meeting_twice(RULES);
    // B plays itself twice: two E207, and no pair (B, B) meeting "2 times".
    edit(&data, "\"A 1–0 B\"", "\"B 1–0 B\"");
    edit(&data, "\"B 0–0 A\"", "\"B 0–0 B\"");
    let run = standings(&["check", path_str(&data)]);
    assert_eq!(run.code, 2);
    assert_eq!(codes(&run.stderr), ["E207", "E207"], "{}", run.stderr);
}

#[test]
fn a_data_file_naming_no_rules_is_not_read_under_compares_rules() {
    // `compare` reads a season summary under its first rule set; a data file is not a summary.
    let (dir, _, data) = a_pair_meeting_twice(RULES);
    edit(&data, "rules = \"rules.toml\"\n", "");
    let rules = dir.path().join("rules.toml");
    let run = standings(&[
        "compare",
        path_str(&data),
        "--rules",
        path_str(&rules),
        "--rules",
        path_str(&rules),
    ]);
    assert_eq!(run.code, 2, "{}", run.stdout);
    assert_eq!(codes(&run.stderr), ["E202"], "{}", run.stderr);
}

#[test]
fn an_entrants_round_the_rules_lack_is_reported_at_its_name() {
    let dir = copy_project();
    let data = dir.path().join("data/uefa-cup-2003-04.toml");
    edit(
        &data,
        "round = \"First round\"\nteams",
        "round = \"First rnd\"\nteams",
    );
    let line = line_of(&data, "round = \"First rnd\"");
    let run = standings_in(dir.path(), &["check", path_str(&data)]);
    assert_eq!(run.code, 2, "{}", run.stdout);
    assert_eq!(codes(&run.stderr), ["E603"], "{}", run.stderr);
    // `round = "First rnd"`: the value starts in column 9.
    assert!(
        run.stderr
            .contains(&format!("--> {}:{line}:9", data.display())),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("did you mean \"First round\"?"));
}

#[test]
fn penalties_in_a_first_leg_are_one_mistake() {
    let dir = TempDir::new().unwrap();
    fs::write(dir.path().join("rules.toml"), RULES).unwrap();
    let data = dir.path().join("data.toml");
    fs::write(
        &data,
        "competition = \"test\"\nrules = \"rules.toml\"\n[[tie]]\nround = \"Final\"\nlegs = [\"A 1–1 B (pens 4–3)\", \"B 0–1 A\"]\n",
    )
    .unwrap();
    let run = standings(&["check", path_str(&data)]);
    assert_eq!(run.code, 2, "{}", run.stdout);
    assert_eq!(codes(&run.stderr), ["E212"], "{}", run.stderr);
    assert!(
        run.stderr.contains("belong to a tie's last leg"),
        "{}",
        run.stderr
    );
}
