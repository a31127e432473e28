//! The rule library compiled into the binary: every file of `rules/` bundled under its stem,
//! each with a description and a regulation; `--rules NAME` (an existing path winning); a data
//! file's `rules = "NAME"`; the league default and its note; and a binary copied out of the
//! repository working from any directory.

mod common;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use common::*;
use pretty_assertions::assert_eq;
use rstest::rstest;
use standings::resolve::{RulesFrom, rule_set};
use standings::rules::library::{self, Fit, Kind};
use tempfile::TempDir;

/// Every `rules/*.toml`, by stem.
fn rule_files() -> Vec<(String, PathBuf)> {
    let mut files: Vec<(String, PathBuf)> = fs::read_dir("rules")
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .map(|p| (p.file_stem().unwrap().to_string_lossy().into_owned(), p))
        .collect();
    files.sort();
    files
}

#[test]
fn every_rule_file_is_bundled_byte_for_byte_with_a_description_and_a_regulation() {
    let files = rule_files();
    let names: Vec<&str> = library::all().iter().map(|b| b.name).collect();
    let stems: Vec<&str> = files.iter().map(|(s, _)| s.as_str()).collect();
    assert_eq!(names, stems);
    for (stem, path) in &files {
        let bundled = library::find(stem).unwrap();
        assert_eq!(bundled.text, fs::read_to_string(path).unwrap(), "{stem}");
        let rules = bundled.load().unwrap_or_else(|e| panic!("{stem}: {e}"));
        for (key, value) in [
            ("description", &rules.description),
            ("regulation", &rules.regulation),
        ] {
            let value = value
                .as_deref()
                .unwrap_or_else(|| panic!("{stem} has no {key}"));
            assert!(
                !value.trim().is_empty() && !value.contains('\n'),
                "{stem}: {key} is one line"
            );
        }
    }
}

#[test]
fn standings_rules_lists_every_rule_file() {
    let run = standings(&["rules"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let listed: Vec<&str> = run
        .stdout
        .lines()
        .filter(|l| !l.starts_with(' ') && !l.is_empty() && !l.contains("rule sets."))
        .map(|l| l.split_whitespace().next().unwrap())
        .collect();
    let stems: Vec<String> = rule_files().into_iter().map(|(s, _)| s).collect();
    assert_eq!(listed, stems);
    // The JSON listing too, with the default marked.
    let run = standings(&["rules", "--format", "json"]);
    let list: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let list = list.as_array().unwrap();
    assert_eq!(list.len(), stems.len());
    let defaults: Vec<&str> = list
        .iter()
        .filter(|s| s["default"] == true)
        .map(|s| s["name"].as_str().unwrap())
        .collect();
    assert_eq!(defaults, ["league"]);
}

#[rstest]
#[case::premier_league("premier-league")]
#[case::league("league")]
#[case::a_tournament("uefa-euro-2024")]
fn rules_show_prints_the_file_byte_for_byte(#[case] name: &str) {
    let run = standings(&["rules", "show", name]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        run.stdout,
        fs::read_to_string(format!("rules/{name}.toml")).unwrap()
    );
}

#[test]
fn the_league_default_is_three_one_nought_goal_difference_goals_head_to_head() {
    let bundled = library::default_league();
    assert_eq!(bundled.name, "league");
    let rules = bundled.load().unwrap();
    let groups = rules.groups.as_ref().unwrap();
    let points = [groups.points.win, groups.points.draw, groups.points.loss];
    assert_eq!(points, [3.into(), 1.into(), 0.into()]);
    let chain: Vec<&str> = groups.tiebreak.iter().map(|c| c.key()).collect();
    assert_eq!(
        chain,
        [
            "points",
            "goal_difference",
            "goals_for",
            "head_to_head.points",
            "head_to_head.away_goals_for",
            "decision"
        ]
    );
    assert_eq!((groups.advance, groups.meetings), (1, 2));
    assert_eq!(Kind::of(&rules), Kind::League);
    // The note names it in the words of its description.
    assert!(
        rules
            .description
            .unwrap()
            .ends_with(library::DEFAULT_SUMMARY)
    );
}

#[rstest]
#[case::league("premier-league", Kind::League)]
#[case::groups("fifa-world-cup-2018", Kind::Groups)]
#[case::tournament("coppa-italia-2003-04", Kind::Tournament)]
#[case::knockout("uefa-cup-2003-04", Kind::Knockout)]
fn a_rule_set_s_kind_comes_from_its_file(#[case] name: &str, #[case] kind: Kind) {
    let rules = library::find(name).unwrap().load().unwrap();
    assert_eq!(Kind::of(&rules), kind);
}

#[test]
fn suggestions_fit_the_input_and_are_closest_to_the_value() {
    let names = |wanted, fit| -> Vec<&str> {
        library::closest(wanted, fit, 3)
            .iter()
            .map(|b| b.name)
            .collect()
    };
    // The words of a set's `name` count: "FIFA World Cup 2018 group rule".
    assert_eq!(
        names("fifa-world-cup-2018", Fit::GroupStage)[0],
        "fifa-world-cup-2018"
    );
    // A league is offered leagues only, whatever the value.
    for name in names("fifa-world-cup-2018", Fit::League) {
        let rules = library::find(name).unwrap().load().unwrap();
        assert_eq!(Kind::of(&rules), Kind::League, "{name}");
    }
    assert_eq!(names("premier", Fit::League)[0], "premier-league");
    // Knockout ties alone: a knockout competition or a tournament.
    for name in names("cup", Fit::Knockout) {
        let kind = Kind::of(&library::find(name).unwrap().load().unwrap());
        assert!(matches!(kind, Kind::Knockout | Kind::Tournament), "{name}");
    }
}

#[test]
fn an_existing_path_wins_over_a_bundled_name() {
    let dir = TempDir::new().unwrap();
    // A file named like a bundled set, with two points for a win.
    let path = dir.path().join("premier-league");
    let text = fs::read_to_string("rules/premier-league.toml")
        .unwrap()
        .replace("win = 3", "win = 2");
    fs::write(&path, text).unwrap();
    let (rules, from) = rule_set(&path, Fit::Any).unwrap();
    assert_eq!(from, RulesFrom::File(path.clone()));
    assert_eq!(rules.groups.unwrap().points.win, 2.into());
    // Without the file, the name is the bundled set's.
    let (rules, from) = rule_set(Path::new("premier-league"), Fit::Any).unwrap();
    assert_eq!(
        from,
        RulesFrom::Bundled(library::find("premier-league").unwrap())
    );
    assert_eq!(rules.groups.unwrap().points.win, 3.into());
    assert_eq!(from.file(), None);
    assert_eq!(from.label(), "premier-league");
}

#[test]
fn a_value_that_is_neither_a_file_nor_a_name_is_an_error_naming_it_with_suggestions() {
    let error = rule_set(Path::new("premier"), Fit::League).unwrap_err();
    assert_eq!(error.code.as_str(), "E807");
    assert_eq!(
        error.message,
        "--rules premier: no such file, and no bundled rule set of that name; expected a rule \
         file's path or a bundled rule set's name; the closest bundled rule sets for a league are \
         premier-league, league, efl-2019-20 (`standings rules` lists them all)"
    );
}

/// A league of three clubs, each meeting the others twice. Worked out by hand:
/// Alpha: W 1–0 Beta, L 0–2 at Beta, D 0–0 at Gamma, W 3–0 Gamma: 2 W, 1 D, 1 L, 4–2, 7 points.
/// Gamma: D 0–0 Alpha, L 0–3 at Alpha, W 1–0 at Beta, D 0–0 Beta: 1 W, 2 D, 1 L, 1–3, 5 points.
/// Beta: L 0–1 at Alpha, W 2–0 Alpha, L 0–1 Gamma, D 0–0 at Gamma: 1 W, 1 D, 2 L, 2–2, 4 points.
const LEAGUE_CSV: &str = "Div,Date,HomeTeam,AwayTeam,FTHG,FTAG
X,01/08/2023,Alpha,Beta,1,0
X,02/08/2023,Beta,Alpha,2,0
X,03/08/2023,Gamma,Alpha,0,0
X,04/08/2023,Alpha,Gamma,3,0
X,05/08/2023,Beta,Gamma,0,1
X,06/08/2023,Gamma,Beta,0,0
";

/// Alpha's row in `table --format csv`: first, 4 played, 2–1–1, 4–2, +2, no deduction, 7 points.
const ALPHA_ROW: &str = "X season,X,1,Alpha,4,2,1,1,4,2,2,0,7";

#[test]
fn a_binary_copied_out_of_the_repository_works_from_any_directory() {
    // The binary alone, in a folder of its own, as `cargo install --root` leaves it.
    let install = TempDir::new().unwrap();
    let binary = install.path().join("standings");
    fs::copy(env!("CARGO_BIN_EXE_standings"), &binary).unwrap();
    // Run from another folder holding only the CSV file.
    let work = TempDir::new().unwrap();
    fs::write(work.path().join("x.csv"), LEAGUE_CSV).unwrap();
    let run = |args: &[&str]| {
        let out = Command::new(&binary)
            .args(args)
            .current_dir(work.path())
            .output()
            .unwrap();
        (
            out.status.code(),
            String::from_utf8(out.stdout).unwrap(),
            String::from_utf8(out.stderr).unwrap(),
        )
    };

    let (code, stdout, stderr) = run(&["table", "x.csv", "--format", "csv"]);
    assert_eq!(code, Some(0), "{stderr}");
    assert_eq!(stdout.lines().nth(1), Some(ALPHA_ROW), "{stdout}");
    assert_eq!(
        stderr,
        "note: x.csv: no --rules given; read under the bundled league default \"league\" \
         (3-1-0, goal difference, goals scored, head-to-head); --rules NAME chooses another \
         (`standings rules` lists them)\n"
    );

    let (code, stdout, stderr) = run(&["table", "x.csv", "--rules", "premier-league"]);
    assert_eq!(code, Some(0), "{stderr}");
    assert_eq!(stderr, "", "a rule set given: no note");
    let alpha = stdout.lines().find(|l| l.contains("Alpha")).unwrap();
    assert_eq!(
        alpha.split_whitespace().collect::<Vec<_>>(),
        [
            "1", "Alpha", "4", "2", "1", "1", "4", "2", "2", "7", "advances"
        ]
    );

    let (code, stdout, _) = run(&["rules", "show", "premier-league"]);
    assert_eq!(code, Some(0));
    assert_eq!(
        stdout,
        fs::read_to_string("rules/premier-league.toml").unwrap()
    );
    let (code, stdout, _) = run(&["rules"]);
    assert_eq!(code, Some(0));
    assert!(stdout.contains("premier-league"), "{stdout}");
}

#[test]
fn a_data_file_may_name_a_bundled_set_when_no_such_file_is_beside_it() {
    let dir = TempDir::new().unwrap();
    let data = "competition = \"test\"\nrules = \"premier-league\"\n[[group]]\nname = \"G\"\nteams = [\"Alpha\", \"Beta\"]\nmatches = [\"Alpha 1–0 Beta\", \"Beta 0–0 Alpha\"]\n";
    fs::write(dir.path().join("data.toml"), data).unwrap();
    let loaded = standings::read::load(&dir.path().join("data.toml"), None, None).unwrap();
    assert_eq!(
        loaded.rules_from,
        RulesFrom::Bundled(library::find("premier-league").unwrap())
    );
    // Alpha: a win and a draw, 3 + 1 points.
    let run = standings_in(dir.path(), &["table", "data.toml", "--format", "csv"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        run.stdout.lines().nth(1),
        Some("test,G,1,Alpha,2,1,1,0,1,0,1,0,4")
    );
    // A file of that name beside the data file wins: two points for a win there.
    let text = fs::read_to_string("rules/premier-league.toml")
        .unwrap()
        .replace("win = 3", "win = 2");
    fs::write(dir.path().join("premier-league"), text).unwrap();
    let run = standings_in(dir.path(), &["table", "data.toml", "--format", "csv"]);
    assert_eq!(
        run.stdout.lines().nth(1),
        Some("test,G,1,Alpha,2,1,1,0,1,0,1,0,3")
    );
}

#[test]
fn only_a_league_gets_the_default() {
    // A CSV file always; football.json with knockout ties needs --rules, and is offered sets
    // that fit it.
    let run = standings(&["table", "tests/fixtures/league.csv"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr.contains("league default \"league\""),
        "{}",
        run.stderr
    );
    let run = standings(&["tie", "../shared/real/2019-20-uefa.cl.json"]);
    if Path::new("../shared/real/2019-20-uefa.cl.json").exists() {
        assert_eq!(run.code, 2);
        assert!(run.stderr.starts_with("error[E801]"), "{}", run.stderr);
        assert!(
            run.stderr.contains(
                "the closest bundled rule sets for groups and knockout ties are uefa-champions-league-2019-20,"
            ),
            "{}",
            run.stderr
        );
    }
}
