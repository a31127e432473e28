//! Issue #13: a large group where re-applying head-to-head peels two teams off at a time
//! (the construction of `scripts/generate_level_group.py`). The output of every format stays
//! linear in the number of teams: each tiebreak step is written by its tiers, a large set by
//! its rows, JSON steps refer to rows and to the step before them.

mod common;

use common::*;

use std::fs;

use pretty_assertions::assert_eq;
use tempfile::TempDir;

const RULES: &str = r#"name = "level group, head-to-head re-applied"
[points]
win = 3
draw = 1
loss = 0
[forfeit]
score = [3, 0]
deduction = 0
goals_count = true
[head_to_head]
reapply = true
deductions_count = true
[tiebreak]
order = ["points", "head_to_head.points", "head_to_head.goal_difference", "head_to_head.goals_for", "goal_difference", "goals_for"]
[qualification]
advance = 2
[group]
meetings = 1
"#;

/// `n` teams T1..Tn, a single round robin of 0–0 draws except Ti 1–1 Ti+1: in the mini-table
/// of a run of neighbours the two ends scored one goal and everyone inside two.
fn level_group(n: usize) -> (TempDir, String) {
    let dir = TempDir::new().unwrap();
    let mut data = format!(
        "competition = \"Level group of {n}\"\nrules = \"rules.toml\"\n[[group]]\nname = \"Level\"\nteams = ["
    );
    for i in 1..=n {
        data += &format!("\"T{i}\",");
    }
    data += "]\nmatches = [\n";
    for i in 1..=n {
        for j in i + 1..=n {
            let score = if j == i + 1 { "1-1" } else { "0-0" };
            data += &format!("\"T{i} {score} T{j}\",");
        }
        data += "\n";
    }
    data += "]\n";
    fs::write(dir.path().join("rules.toml"), RULES).unwrap();
    let path = dir.path().join(format!("level-{n}.toml"));
    fs::write(&path, data).unwrap();
    let path = path.to_str().unwrap().to_string();
    (dir, path)
}

/// Bytes printed by `standings table` in each format (and text with `--explain`).
fn sizes(path: &str) -> Vec<(&'static str, usize)> {
    let mut out = Vec::new();
    for (name, extra) in [
        ("text", &["--format", "text"][..]),
        ("text --explain", &["--explain"][..]),
        ("json", &["--format", "json"][..]),
        ("csv", &["--format", "csv"][..]),
        (
            "markdown --explain",
            &["--format", "markdown", "--explain"][..],
        ),
        ("wikitext", &["--format", "wikitext"][..]),
    ] {
        let mut args = vec!["table", path];
        args.extend_from_slice(extra);
        let run = standings(&args);
        assert_eq!(run.code, 0, "{name}: {}", run.stderr);
        out.push((name, run.stdout.len()));
    }
    out
}

#[test]
fn every_format_stays_linear_in_the_teams_of_a_group_peeled_two_at_a_time() {
    let (_small_dir, small) = level_group(150);
    let (_large_dir, large) = level_group(300);
    let (small, large) = (sizes(&small), sizes(&large));
    for ((name, s), (_, l)) in small.iter().zip(&large) {
        // Before issue #13 the JSON for 200 teams was 112 MB: quadratic steps, cubic
        // explanations. Twice the teams now prints about twice as much, and at most 2,750
        // bytes a team (2,500 until issue #17 put the JSON's competitions in a list under
        // `competitions`, four more spaces of indentation on each of its lines).
        assert!(*l <= 300 * 2_750, "{name}: {l} bytes for 300 teams");
        assert!(
            *l * 10 <= *s * 22,
            "{name}: {s} bytes for 150 teams, {l} for 300"
        );
    }
}

#[test]
fn the_peeling_is_written_by_tiers_and_rows() {
    let (_dir, path) = level_group(300);
    let run = standings(&["table", &path]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let lines: Vec<&str> = run.stdout.lines().collect();
    // The two middle teams drew 1–1 with each other and are level on everything; the two
    // ends of the chain are last.
    let place = |i: usize| lines[i].split_whitespace().take(2).collect::<Vec<_>>();
    assert_eq!(place(2), ["1=", "T150"]);
    assert_eq!(place(3), ["1=", "T151"]);
    assert_eq!(place(300), ["299=", "T1"]);
    assert_eq!(place(301), ["299=", "T300"]);
    let tiebreaks: Vec<&str> = lines
        .iter()
        .filter_map(|l| l.strip_prefix("  tiebreak: "))
        .collect();
    // 149 re-applications to runs of 300, 298, ..., 4 teams (three criteria each), then five
    // criteria for each of the 150 pairs left level.
    assert_eq!(tiebreaks.len(), 149 * 3 + 150 * 5);
    assert_eq!(
        tiebreaks[..6],
        [
            "the 300 teams in rows 1–300: head-to-head points: 299 each → level",
            "the 300 teams in rows 1–300: head-to-head goal difference: 0 each → level",
            "the 300 teams in rows 1–300: head-to-head goals scored → the 298 teams in rows 1–298 (2) > T1 = T300 (1)",
            "the 298 teams in rows 1–298: head-to-head points: 297 each → level",
            "the 298 teams in rows 1–298: head-to-head goal difference: 0 each → level",
            "the 298 teams in rows 1–298: head-to-head goals scored → the 296 teams in rows 1–296 (2) > T2 = T299 (1)",
        ]
    );

    let run = standings(&["table", &path, "--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let tiebreaks = &json["competitions"][0]["groups"][0]["tiebreaks"];
    assert_eq!(
        tiebreaks[2],
        serde_json::json!({
            "criterion": "head_to_head.goals_for",
            "rows": [1, 300],
            "parent": 1,
            "among": [1, 300],
            "tiers": [{ "rows": [1, 298], "value": 2 }, { "rows": [299, 300], "value": 1 }],
            "decision": null
        })
    );
    // The re-application to the 298 inner teams follows it.
    assert_eq!(tiebreaks[3]["parent"], 2);
    assert_eq!(tiebreaks[3]["among"], serde_json::json!([1, 298]));
}
