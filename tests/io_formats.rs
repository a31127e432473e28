//! Readers and writers for the formats people already use: football-data CSV and football.json
//! in; CSV, Markdown, JSON, wikitext, GitHub annotations, JUnit XML and shell completions out.

mod common;

use std::fs;

use common::*;
use pretty_assertions::assert_eq;
use rstest::rstest;
use tempfile::TempDir;

const LEAGUE: &str = "rules/premier-league.toml";

/// `table --format csv` rows without the competition and group columns.
fn csv_rows(stdout: &str) -> Vec<String> {
    stdout
        .lines()
        .skip(1)
        .map(|l| l.splitn(3, ',').nth(2).unwrap().to_string())
        .collect()
}

#[test]
fn a_football_data_csv_season() {
    // By hand: Leeds W 2–1, D 2–2, W 1–0 (7); Stoke D 0–0, W 3–1, L 0–1 (4); Derby D 0–0,
    // D 2–2 (2); Hull L 1–2, L 1–3 (0). Derby–Hull has no score yet: listed, not counted.
    let run = standings(&[
        "table",
        "tests/fixtures/league.csv",
        "--rules",
        LEAGUE,
        "--format",
        "csv",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        csv_rows(&run.stdout),
        [
            "1,Leeds,3,2,1,0,5,3,2,0,7",
            "2,Stoke,3,1,1,1,3,2,1,0,4",
            "3,Derby,2,0,2,0,2,2,0,0,2",
            "4,Hull,2,0,0,2,2,5,-3,0,0",
        ]
    );
    assert!(
        run.stdout
            .lines()
            .nth(1)
            .unwrap()
            .starts_with("E1 season,E1,")
    );
    assert_eq!(
        run.stderr,
        "note: tests/fixtures/league.csv: 1 fixture(s) without a full-time score left out (not yet played)\n"
    );
}

#[test]
fn a_whole_20_team_season_matches_an_independent_computation() {
    // scripts/generate_season.py 2003 wrote the season (380 matches, seeded Poisson goals)
    // and, separately, its table by points, goal difference and goals (no ties beyond them).
    let run = standings(&[
        "table",
        "tests/fixtures/season.csv",
        "--rules",
        LEAGUE,
        "--format",
        "csv",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let ours: Vec<String> = csv_rows(&run.stdout)
        .iter()
        .map(|r| {
            let f: Vec<&str> = r.split(',').collect();
            // position, team, P, W, D, L, GF, GA, points
            [f[0], f[1], f[2], f[3], f[4], f[5], f[6], f[7], f[10]].join(",")
        })
        .collect();
    let expected: Vec<String> = fs::read_to_string("tests/fixtures/season.expected.csv")
        .unwrap()
        .lines()
        .skip(1)
        .map(str::to_string)
        .collect();
    assert_eq!(ours.len(), 20);
    assert_eq!(ours, expected);
}

#[rstest]
#[case::missing_column(
    "Div,Date,HomeTeam,AwayTeam,FTHG\nE0,x,A,B,1\n",
    1,
    1,
    "the header has no FTAG column"
)]
#[case::bad_goals(
    "Div,HomeTeam,AwayTeam,FTHG,FTAG\nE0,A,B,two,1\n",
    2,
    8,
    "\"two\" in FTHG is not a number of goals"
)]
#[case::plays_itself(
    "Div,HomeTeam,AwayTeam,FTHG,FTAG\nE0,A,A,1,1\n",
    2,
    1,
    "A plays itself"
)]
#[case::third_meeting(
    "HomeTeam,AwayTeam,FTHG,FTAG\nA,B,1,0\nB,A,1,0\nA,B,2,2\n",
    4,
    1,
    "A and B meet 3 times in League"
)]
#[case::third_meeting_without_a_season_column(
    "Div,Date,HomeTeam,AwayTeam,FTHG,FTAG\nE0,12/08/2018,A,B,1,0\nE0,12/01/2019,B,A,1,0\nE0,10/08/2019,A,B,2,2\n",
    4,
    1,
    "the rules say each pair meets 2 time(s) (`group.meetings`): these rows look like several seasons; add a Season column"
)]
#[case::empty_season(
    "Div,Season,HomeTeam,AwayTeam,FTHG,FTAG\nE0,2019-20,A,B,1,0\nE0, ,B,A,1,0\n",
    3,
    4,
    "an empty Season; expected the season this row belongs to"
)]
#[case::control_character_in_a_season(
    "Div,Season,HomeTeam,AwayTeam,FTHG,FTAG\nE0,2019\u{1b}[2J,A,B,1,0\n",
    2,
    4,
    "Season holds a control character (U+001B)"
)]
#[case::season_column_twice(
    "Season,HomeTeam,AwayTeam,FTHG,FTAG,season\n2019-20,A,B,1,0,2019-20\n",
    1,
    36,
    "a second Season column (column 6)"
)]
#[case::team_in_two_divisions_of_one_season(
    "Div,Season,HomeTeam,AwayTeam,FTHG,FTAG\nE0,2019-20,A,B,1,0\nE1,2019-20,A,C,1,0\n",
    3,
    1,
    "\"A\" is in E0 2019-20 and in E1 2019-20"
)]
fn malformed_csv(
    #[case] text: &str,
    #[case] line: usize,
    #[case] column: usize,
    #[case] message: &str,
) {
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("bad.csv");
    fs::write(&path, text).unwrap();
    let run = standings(&["table", path_str(&path), "--rules", LEAGUE]);
    assert_eq!(run.code, 2, "{}", run.stdout);
    let first = first_error(&run.stderr);
    assert!(
        first.starts_with(&format!("error: {}:{line}:{column}: ", path.display())),
        "{first}"
    );
    assert!(first.contains(message), "{first}");
}

#[test]
fn a_third_meeting_in_one_season_is_no_sign_of_several_seasons() {
    // With a Season column each group is one season: a pair meeting too often in it is a
    // mistake in the rows, not a missing column (the group is named by the season alone, as
    // the file has no Div column).
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("bad.csv");
    let text =
        "Season,HomeTeam,AwayTeam,FTHG,FTAG\n2019-20,A,B,1,0\n2019-20,B,A,1,0\n2019-20,A,B,2,2\n";
    fs::write(&path, text).unwrap();
    let run = standings(&["table", path_str(&path), "--rules", LEAGUE]);
    assert_eq!(run.code, 2, "{}", run.stdout);
    assert_eq!(
        first_error(&run.stderr),
        format!(
            "error: {}:4:1: A and B meet 3 times in 2019-20; the rules say each pair meets 2 time(s) (`group.meetings`)",
            path.display()
        )
    );
}

#[test]
fn a_football_json_tournament() {
    // By hand, Group A: Spain W 1–0, W 3–0 (6); Albania D 2–2 (1, goal difference 0); Croatia
    // D 2–2, L 0–3 (1, −3); Italy L 0–1 (0). Group B: England 3; Denmark, whose only match is
    // still to be played, 0 with goal difference 0; Serbia 0 with −1.
    let run = standings(&[
        "table",
        "tests/fixtures/cup.json",
        "--rules",
        LEAGUE,
        "--format",
        "csv",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        run.stdout,
        "competition,group,position,team,played,won,drawn,lost,goals_for,goals_against,goal_difference,deducted,points
Test Cup 2024,Group A,1,Spain,2,2,0,0,4,0,4,0,6
Test Cup 2024,Group A,2,Albania,1,0,1,0,2,2,0,0,1
Test Cup 2024,Group A,3,Croatia,2,0,1,1,2,5,-3,0,1
Test Cup 2024,Group A,4,Italy,1,0,0,1,0,1,-1,0,0
Test Cup 2024,Group B,1,England,1,1,0,0,1,0,1,0,3
Test Cup 2024,Group B,2,Denmark,0,0,0,0,0,0,0,0,0
Test Cup 2024,Group B,3,Serbia,1,0,0,1,0,1,-1,0,0
"
    );
}

#[test]
fn malformed_json_is_located() {
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("bad.json");
    fs::write(
        &path,
        "{\n  \"name\": \"x\",\n  \"matches\": [ { \"team1\": 1 } ]\n}\n",
    )
    .unwrap();
    let run = standings(&["table", path_str(&path), "--rules", LEAGUE]);
    assert_eq!(run.code, 2);
    assert!(
        first_error(&run.stderr).starts_with(&format!(
            "error: {}:3:27: invalid type: integer `1`, expected a string; expected football.json",
            path.display()
        )),
        "{}",
        run.stderr
    );
}

#[test]
fn wikitext_reproduces_points_and_deductions() {
    let run = standings(&[
        "table",
        "data/coppa-italia-2003-04.toml",
        "--group",
        "Group 1",
        "--format",
        "wikitext",
    ]);
    assert_eq!(run.code, 0);
    let text = run.stdout;
    assert!(text.starts_with("=== Group 1 ===\n{{#invoke:Sports table|main|style=WDL\n"));
    let value = |key: &str| -> i64 {
        let start = text.find(&format!("|{key}=")).map(|i| i + key.len() + 2);
        start.map_or(0, |s| {
            text[s..]
                .split([' ', '\n'])
                .next()
                .unwrap()
                .parse()
                .unwrap()
        })
    };
    // The module computes points as 3 × wins + draws + adjust_points.
    let points = |code: &str| {
        3 * value(&format!("win_{code}"))
            + value(&format!("draw_{code}"))
            + value(&format!("adjust_points_{code}"))
    };
    // Worked out by hand from the document: Pro Patria 6; Cagliari and Piacenza 1 (3 − 2);
    // Como −2 (0 − 2).
    assert_eq!(
        [points("PRO"), points("CAG"), points("PIA"), points("COM")],
        [6, 1, 1, -2]
    );
    assert_eq!(value("adjust_points_CAG"), -2);
    assert_eq!(value("adjust_points_PRO"), 0);
    assert!(text.contains("|team1=PRO\n|team2=CAG\n|team3=PIA\n|team4=COM\n"));
    assert!(text.contains("|result1=Q\n"));
}

#[test]
fn github_annotations_point_at_the_changed_fact() {
    let (dir, data) = project_with_a_changed_winner();
    let line = line_of(&data, "winner = \"Genoa\"");
    let run = standings_in(
        dir.path(),
        &["check", path_str(&data), "--format", "github"],
    );
    assert_eq!(run.code, 1);
    let annotations: Vec<&str> = run.stdout.lines().filter(|l| l.starts_with("::")).collect();
    assert_eq!(
        annotations,
        [format!(
            "::error file={},line={line},col=1,title=MISMATCH::2003–04 Coppa Italia · Group 2 · winner: expected Genoa; computed Cesena",
            data.display()
        )]
    );
}

#[test]
fn junit_reports_each_fact() {
    let (dir, data) = project_with_a_changed_winner();
    let run = standings_in(dir.path(), &["check", path_str(&data), "--format", "junit"]);
    assert_eq!(run.code, 1);
    let xml = run.stdout;
    assert!(xml.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"standings check\" tests=\"15\" skipped=\"1\" failures=\"1\" errors=\"0\">"));
    assert!(xml.contains(
        "<failure message=\"winner: expected Genoa; computed Cesena\" type=\"MISMATCH\"/>"
    ));
    assert_eq!(xml.matches("<skipped message=\"not checked\"/>").count(), 1);
    assert_eq!(xml.matches("<testcase ").count(), 15);
    assert!(xml.ends_with("</testsuites>\n"));
}

#[test]
fn completions_and_man_page() {
    let bash = standings(&["completions", "bash"]);
    assert_eq!(bash.code, 0);
    assert!(bash.stdout.contains("_standings()"));
    assert!(bash.stdout.contains("compare"));
    let man = standings(&["man"]);
    assert_eq!(man.code, 0);
    assert!(man.stdout.contains(".TH standings 1"));
}

#[test]
fn markdown_table() {
    let run = standings(&[
        "table",
        "data/coppa-italia-2003-04.toml",
        "--group",
        "Group 2",
        "--format",
        "markdown",
    ]);
    assert_eq!(run.code, 0);
    // By hand from the document (see tests/seasons.rs): Cesena 5, Genoa 4, Torino 1 (−2),
    // Livorno −1 (−2).
    assert_eq!(
        run.stdout,
        "### 2003–04 Coppa Italia · Group 2

| Pos | Team | P | W | D | L | GF | GA | GD | Ded | Pts |
|---:|:---|---:|---:|---:|---:|---:|---:|---:|---:|---:|
| 1 | **Cesena** | 3 | 1 | 2 | 0 | 5 | 2 | 3 | 0 | 5 |
| 2 | Genoa | 3 | 1 | 1 | 1 | 4 | 2 | 2 | 0 | 4 |
| 3 | Torino | 3 | 1 | 0 | 2 | 1 | 6 | -5 | 2 | 1 |
| 4 | Livorno | 3 | 0 | 1 | 2 | 1 | 7 | -6 | 2 | -1 |

"
    );
}
