//! The catalogue of bad inputs (docs/errors.md), one case each, through the binary: exit code 2,
//! and a first line naming the file, line and column, with what was expected.

mod common;

use std::fs;
use std::path::PathBuf;

use common::*;
use pretty_assertions::assert_eq;
use rstest::rstest;
use tempfile::TempDir;

const RULES: &str = r#"name = "test"
[points]
win = 3
draw = 1
loss = 0
[forfeit]
deduction = 1
[tiebreak]
order = ["points", "goal_difference"]
[qualification]
advance = 1
"#;

const DATA: &str = r#"competition = "test"
rules = "rules.toml"
[[group]]
name = "G"
teams = ["Alpha", "Beta", "Gamma"]
matches = ["Alpha 1–0 Beta", "Beta 2–2 Gamma", "Gamma v Alpha (forfeit: Gamma)"]
"#;

/// Writes a rule file and a data file into a fresh folder.
fn project(rules: &str, data: &[u8]) -> (TempDir, PathBuf, PathBuf) {
    let dir = TempDir::new().unwrap();
    let rules_path = dir.path().join("rules.toml");
    let data_path = dir.path().join("data.toml");
    fs::write(&rules_path, rules).unwrap();
    fs::write(&data_path, data).unwrap();
    (dir, rules_path, data_path)
}

#[test]
fn the_good_files_check() {
    let (_dir, _, data) = project(RULES, DATA.as_bytes());
    assert_eq!(standings(&["check", path_str(&data)]).code, 0);
}

/// Which file a case spoils.
#[derive(Clone, Copy, Debug)]
enum In {
    Rules,
    Data,
}

#[rstest]
// The parser finds the unclosed list where the next line begins.
#[case::not_toml(
    In::Data,
    "teams = [\"Alpha\", \"Beta\", \"Gamma\"]",
    "teams = [\"Alpha\", \"Beta\"",
    6,
    1,
    "missing comma between array elements"
)]
#[case::unknown_key_with_suggestion(In::Data, "teams =", "team =", 5, 1, "unknown field `team`")]
#[case::suggestion_text(In::Data, "teams =", "tems =", 5, 1, "did you mean `teams`?")]
#[case::wrong_type(
    In::Data,
    "teams = [\"Alpha\", \"Beta\", \"Gamma\"]",
    "teams = \"Alpha\"",
    5,
    9,
    "invalid type: string \"Alpha\", expected a sequence"
)]
#[case::negative_score(
    In::Data,
    "Alpha 1–0 Beta",
    "Alpha -1–0 Beta",
    6,
    19,
    "malformed score `-1–0`"
)]
#[case::non_integer_score(
    In::Data,
    "Alpha 1–0 Beta",
    "Alpha 1.5–0 Beta",
    6,
    19,
    "malformed score `1.5–0`"
)]
#[case::decimal_that_does_not_parse(
    In::Rules,
    "draw = 1",
    "draw = \"1,5\"",
    4,
    8,
    "\"1,5\" is not a decimal number"
)]
#[case::team_not_in_group(
    In::Data,
    "Beta 2–2 Gamma",
    "Beta 2–2 Delta",
    6,
    40,
    "\"Delta\" is not a team of G"
)]
#[case::team_plays_itself(
    In::Data,
    "Beta 2–2 Gamma",
    "Beta 2–2 Beta",
    6,
    30,
    "Beta plays itself"
)]
#[case::same_match_twice(
    In::Data,
    "\"Gamma v Alpha (forfeit: Gamma)\"",
    "\"Beta 0–1 Alpha\"",
    6,
    48,
    "Alpha and Beta meet 2 times in G"
)]
#[case::forfeit_by_a_side_not_in_the_match(
    In::Data,
    "(forfeit: Gamma)",
    "(forfeit: Beta)",
    6,
    73,
    "`Beta` did not play in this match"
)]
#[case::unknown_criterion(
    In::Rules,
    "\"goal_difference\"",
    "\"goal_diff\"",
    9,
    20,
    "unknown tiebreak criterion \"goal_diff\""
)]
#[case::empty_group(
    In::Data,
    "teams = [\"Alpha\", \"Beta\", \"Gamma\"]\nmatches = [\"Alpha 1–0 Beta\", \"Beta 2–2 Gamma\", \"Gamma v Alpha (forfeit: Gamma)\"]",
    "teams = []",
    5,
    9,
    "G has no teams"
)]
#[case::no_points(
    In::Rules,
    "[points]\nwin = 3\ndraw = 1\nloss = 0\n",
    "",
    1,
    1,
    "no [points] section"
)]
#[case::rule_file_missing(
    In::Data,
    "rules = \"rules.toml\"",
    "rules = \"no-such-rules.toml\"",
    2,
    9,
    "no-such-rules.toml does not exist"
)]
#[case::empty_data_file(In::Data, DATA, "", 1, 1, "the data file is empty")]
#[case::empty_rule_file(In::Rules, RULES, "  \n", 1, 1, "the rule file is empty")]
fn catalogue(
    #[case] file: In,
    #[case] from: &str,
    #[case] to: &str,
    #[case] line: usize,
    #[case] column: usize,
    #[case] message: &str,
) {
    let (rules_text, data_text) = match file {
        In::Rules => (RULES.replacen(from, to, 1), DATA.to_string()),
        In::Data => (RULES.to_string(), DATA.replacen(from, to, 1)),
    };
    assert!(
        match file {
            In::Rules => RULES.contains(from),
            In::Data => DATA.contains(from),
        },
        "{from:?}"
    );
    let (_dir, rules, data) = project(&rules_text, data_text.as_bytes());
    let run = standings(&["check", path_str(&data)]);
    assert_eq!(run.code, 2, "{}{}", run.stdout, run.stderr);
    assert!(run.stdout.is_empty());
    let spoiled = match file {
        In::Rules => rules,
        In::Data => data,
    };
    let first = first_error(&run.stderr);
    let place = format!("error: {}:{line}:{column}: ", spoiled.display());
    assert!(first.starts_with(&place), "{first}\nexpected {place}");
    assert!(first.contains(message), "{first}");
}

#[rstest]
#[case::fair_play_without_cards("fair_play", "cards")]
#[case::coefficient_without_values("coefficient", "coefficients")]
fn a_criterion_without_its_data_is_an_error_at_the_group(
    #[case] criterion: &str,
    #[case] key: &str,
) {
    // Three draws: all three teams level on points and goal difference, so the next criterion
    // is reached for all of them.
    let rules = RULES.replace(
        "\"goal_difference\"]",
        &format!(
            "\"goal_difference\", \"{criterion}\"]\n[fair_play]\nyellow = -1\nindirect_red = -3\ndirect_red = -4\nyellow_direct_red = -5"
        ),
    );
    let data = DATA
        .replace("Alpha 1–0 Beta", "Alpha 0–0 Beta")
        .replace("Beta 2–2 Gamma", "Beta 0–0 Gamma")
        .replace("Gamma v Alpha (forfeit: Gamma)", "Gamma 0–0 Alpha");
    let (_dir, _, path) = project(&rules, data.as_bytes());
    let run = standings(&["check", path_str(&path)]);
    assert_eq!(run.code, 2, "{}", run.stdout);
    // The group's name is on line 4.
    assert!(
        first_error(&run.stderr).starts_with(&format!(
            "error: {}:4:1: G: the tiebreak reaches \"{criterion}\" for Alpha, Beta, Gamma, but the data records no {key} for them",
            path.display()
        )),
        "{}",
        run.stderr
    );
}

#[test]
fn not_utf8() {
    let mut bytes = DATA.as_bytes().to_vec();
    // Replace the "p" of "competition" on line 1 with a byte that is never UTF-8.
    bytes[3] = 0xff;
    let (_dir, _, data) = project(RULES, &bytes);
    let run = standings(&["check", path_str(&data)]);
    assert_eq!(run.code, 2);
    assert!(
        first_error(&run.stderr).starts_with(&format!(
            "error: {}:1:4: the file is not valid UTF-8 (byte 0xff); expected UTF-8 text",
            data.display()
        )),
        "{}",
        run.stderr
    );
}

#[test]
fn a_missing_recorded_decision_is_an_unresolved_tie_not_bad_input() {
    // The drawing of lots is data the record may lack: without it the tie is reported as
    // unresolved (exit 1, as `check` promises), not as a malformed file.
    let data = DATA.replace("\"Gamma v Alpha (forfeit: Gamma)\"", "\"Gamma 0–0 Alpha\"")
        + "record = { winner = \"Alpha\" }\n";
    let rules = RULES.replace("\"goal_difference\"]", "\"goal_difference\", \"decision\"]");
    let (_dir, _, path) = project(&rules, data.as_bytes());
    // Alpha 4 points (+1), Beta 1 (−1), Gamma 2 (0): no tie at the top; make one.
    let run = standings(&["check", path_str(&path)]);
    assert_eq!(run.code, 0, "{}", run.stdout);
    let tied = data.replace("\"Alpha 1–0 Beta\"", "\"Alpha 0–0 Beta\"");
    let tied = tied.replace("\"Beta 2–2 Gamma\"", "\"Beta 0–0 Gamma\"");
    fs::write(&path, tied).unwrap();
    let run = standings(&["check", path_str(&path)]);
    assert_eq!(run.code, 1, "{}", run.stdout);
    assert!(run.stdout.contains("UNRESOLVED"));
}

#[test]
fn a_100_megabyte_file_is_refused_without_reading_it_whole() {
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("huge.toml");
    let file = fs::File::create(&path).unwrap();
    file.set_len(100 << 20).unwrap();
    let run = standings(&["check", path_str(&path)]);
    assert_eq!(run.code, 2);
    assert_eq!(
        run.stderr,
        format!(
            "error[E002]: {}: the input is larger than 32 MiB; expected a rule file, data file or season summary, which are far smaller\n",
            path.display()
        )
    );
}

#[test]
fn a_bug_is_an_internal_error_with_exit_101() {
    let out = assert_cmd::Command::cargo_bin("standings")
        .unwrap()
        .env("STANDINGS_TEST_INTERNAL_ERROR", "1")
        .args(["check", "data/"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(101));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.starts_with("internal error: "), "{stderr}");
    assert!(stderr.contains("please report it"));
    assert!(!stderr.contains("panicked at"), "{stderr}");
    assert!(!stderr.contains("RUST_BACKTRACE"), "{stderr}");
}

#[test]
fn strict_check_fails_on_facts_it_cannot_compute() {
    // The bundled seasons record goal totals the data cannot compute.
    assert_eq!(standings(&["check", "data/"]).code, 0);
    let run = standings(&["check", "--strict", "data/"]);
    assert_eq!(run.code, 1);
    assert!(
        run.stdout
            .contains("not checked  2003–04 Coppa Italia · goals 209")
    );
}
