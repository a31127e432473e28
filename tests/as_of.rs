//! Tables as they stood (`table --until DATE`, `--matchday N`, `standings::as_of`): a small
//! league worked out by hand at each cut, a real season's first matchday checked against the
//! matches in its file, the steps an input has, and dates kept beside their matches when clubs
//! leave the table.

mod common;

use std::path::Path;

use pretty_assertions::assert_eq;
use rstest::rstest;
use standings::as_of::{self, Step};
use standings::compute::standings::compute;
use standings::read::{self, LoadOptions, RecordChoice};

const LEAGUE: &str = "tests/fixtures/as_of/league.toml";

/// A row as the table prints it: team, position, played, won, drawn, lost, goals for and
/// against, points.
type Row = (String, usize, u64, u64, u64, u64, u64, u64, String);

/// The first group's table of `path` at `step`, read with `rules` when given.
fn table_at(path: &str, rules: Option<&str>, step: Option<Step>) -> Vec<Row> {
    group_at(path, rules, None, step)
}

/// The table of the group `only` (else the first) of `path` at `step`.
fn group_at(path: &str, rules: Option<&str>, only: Option<&str>, step: Option<Step>) -> Vec<Row> {
    let options = LoadOptions {
        rules: rules.map(Path::new),
        record: RecordChoice::None,
        as_of: step,
        only_group: only,
        ..LoadOptions::default()
    };
    let (loaded, _) =
        read::load_with(Path::new(path), &options).unwrap_or_else(|d| panic!("{path}: {d}"));
    let standings =
        compute(&loaded.competition, &loaded.rules).unwrap_or_else(|d| panic!("{path}: {d}"));
    let group = &standings.groups[0];
    group
        .rows
        .iter()
        .map(|r| {
            let x = &r.record;
            (
                group.name(r.team).to_string(),
                r.position,
                x.played,
                x.won,
                x.drawn,
                x.lost,
                x.goals_for,
                x.goals_against,
                x.points().to_string(),
            )
        })
        .collect()
}

/// A row: team, position, [played, won, drawn, lost, goals for, goals against], points.
fn row(team: &str, position: usize, figures: [u64; 6], points: &str) -> Row {
    let [p, w, d, l, gf, ga] = figures;
    (team.into(), position, p, w, d, l, gf, ga, points.into())
}

fn date(text: &str) -> Step {
    Step::Date(text.parse().unwrap())
}

// tests/fixtures/as_of/league.toml, under rules/premier-league.toml (3 points a win; points,
// goal difference, goals, head-to-head points, head-to-head away goals):
//   round 1, 3 Aug:  North 2–0 South, East 1–1 West
//   round 2, 10 Aug: South 3–1 East; West 0–2 North, put off to 24 Aug
//   round 3, 17 Aug: North 1–1 East, South 2–2 West
//   South: 1 point deducted, dated 12 Aug.
#[rstest]
// Rounds 1–2, West v North included though played on 24 Aug. The last day of the matches kept
// is 24 Aug, after the deduction (12 Aug), so it counts.
//   North: 2–0 South, 2–0 at West: P2 W2, 4–0, 6 pts
//   South: 0–2, 3–1 East: P2 W1 L1, 3–3, 3 − 1 = 2 pts
//   East: 1–1 West, 1–3 at South: P2 D1 L1, 2–4 (−2), 1 pt
//   West: 1–1 at East, 0–2 North: P2 D1 L1, 1–3 (−2), 1 pt
//   East above West: level on points and goal difference, more goals (2 to 1).
#[case::matchday_2(Step::Round(2), vec![
    row("North", 1, [2, 2, 0, 0, 4, 0], "6"),
    row("South", 2, [2, 1, 0, 1, 3, 3], "2"),
    row("East", 3, [2, 0, 1, 1, 2, 4], "1"),
    row("West", 4, [2, 0, 1, 1, 1, 3], "1"),
])]
// Round 1 alone, 3 Aug.
//   North 2–0 South: North P1 W1 2–0, 3 pts; South P1 L1 0–2, 0 pts
//   East 1–1 West: each P1 D1 1–1, 1 pt; level on goal difference, goals and head-to-head
//   points; West scored 1 away goal at East, East none at West: West above East.
#[case::matchday_1(Step::Round(1), vec![
    row("North", 1, [1, 1, 0, 0, 2, 0], "3"),
    row("West", 2, [1, 0, 1, 0, 1, 1], "1"),
    row("East", 3, [1, 0, 1, 0, 1, 1], "1"),
    row("South", 4, [1, 0, 0, 1, 0, 2], "0"),
])]
// Up to 10 Aug: rounds 1 and South 3–1 East (West v North not yet played), no deduction yet.
//   North: P1 W1, 2–0 (+2), 3 pts
//   South: 0–2, 3–1: P2 W1 L1, 3–3 (0), 3 pts: below North on goal difference
//   West: 1–1: P1 D1, 1–1 (0), 1 pt
//   East: 1–1, 1–3: P2 D1 L1, 2–4 (−2), 1 pt: below West on goal difference
#[case::until_10_august(date("2024-08-10"), vec![
    row("North", 1, [1, 1, 0, 0, 2, 0], "3"),
    row("South", 2, [2, 1, 0, 1, 3, 3], "3"),
    row("West", 3, [1, 0, 1, 0, 1, 1], "1"),
    row("East", 4, [2, 0, 1, 1, 2, 4], "1"),
])]
// Up to 17 Aug: the above, round 3, and the deduction (12 Aug).
//   North: 2–0, 1–1 East: P2 W1 D1, 3–1, 4 pts
//   South: 0–2, 3–1, 2–2 West: P3 W1 D1 L1, 5–5, 4 − 1 = 3 pts
//   West: 1–1, 2–2: P2 D2, 3–3 (0), 2 pts
//   East: 1–1, 1–3, 1–1: P3 D2 L1, 3–5 (−2), 2 pts: below West on goal difference
#[case::until_17_august(date("2024-08-17"), vec![
    row("North", 1, [2, 1, 1, 0, 3, 1], "4"),
    row("South", 2, [3, 1, 1, 1, 5, 5], "3"),
    row("West", 3, [2, 0, 2, 0, 3, 3], "2"),
    row("East", 4, [3, 0, 2, 1, 3, 5], "2"),
])]
// Before the first day: nothing played, all level; the order falls to the listed order.
#[case::before_the_season(date("2024-08-02"), vec![
    row("North", 1, [0, 0, 0, 0, 0, 0], "0"),
    row("South", 1, [0, 0, 0, 0, 0, 0], "0"),
    row("East", 1, [0, 0, 0, 0, 0, 0], "0"),
    row("West", 1, [0, 0, 0, 0, 0, 0], "0"),
])]
fn a_small_league_as_it_stood(#[case] step: Step, #[case] expected: Vec<Row>) {
    assert_eq!(table_at(LEAGUE, None, Some(step)), expected);
}

#[test]
fn a_cut_past_the_last_match_is_the_whole_season() {
    // Every match by 24 Aug, or by round 3: the table is the season's.
    let whole = table_at(LEAGUE, None, None);
    assert_eq!(table_at(LEAGUE, None, Some(date("2024-08-24"))), whole);
    assert_eq!(table_at(LEAGUE, None, Some(Step::Round(3))), whole);
    assert_eq!(table_at(LEAGUE, None, Some(Step::Round(9))), whole);
}

#[test]
fn the_steps_of_an_input_are_its_rounds_else_its_days() {
    let loaded = read::load(Path::new(LEAGUE), None, None).unwrap();
    let group = &loaded.competition.groups[0];
    assert_eq!(
        as_of::steps(group),
        [Step::Round(1), Step::Round(2), Step::Round(3)]
    );
    assert_eq!(
        as_of::competition_steps(&loaded.competition),
        as_of::steps(group)
    );
    // Without rounds, the days played on, in order, each once.
    let mut dated = group.clone();
    dated.schedule.rounds.clear();
    assert_eq!(
        as_of::steps(&dated),
        ["2024-08-03", "2024-08-10", "2024-08-17", "2024-08-24"].map(date)
    );
    // Neither: no steps.
    dated.schedule.dates.clear();
    assert_eq!(as_of::steps(&dated), []);
}

#[test]
fn a_cut_group_keeps_each_match_s_date_and_round_and_drops_end_of_season_facts() {
    let loaded = read::load(Path::new(LEAGUE), None, None).unwrap();
    let cut = as_of::as_of(&loaded.competition, Step::Round(2)).unwrap();
    let group = &cut.groups[0];
    let texts: Vec<String> = group
        .matches
        .iter()
        .map(|m| read::data::match_line(group, m))
        .collect();
    assert_eq!(
        texts,
        [
            "North 2–0 South",
            "East 1–1 West",
            "South 3–1 East",
            "West 0–2 North"
        ]
    );
    assert_eq!(group.schedule.rounds, [Some(1), Some(1), Some(2), Some(2)]);
    let days: Vec<String> = group
        .schedule
        .dates
        .iter()
        .map(|d| d.unwrap().to_string())
        .collect();
    assert_eq!(
        days,
        ["2024-08-03", "2024-08-03", "2024-08-10", "2024-08-24"]
    );
    assert_eq!(group.spans.matches.len(), 4);
    // The drawing of lots and the recorded winner describe the season's end.
    assert!(group.decisions.is_empty());
    assert!(group.record.winner.is_none());
    // The uncut competition still has them.
    assert_eq!(loaded.competition.groups[0].decisions.len(), 1);
}

#[test]
fn dates_stay_with_their_matches_when_a_club_is_struck_out() {
    // East expunged: its three matches go, and every other match keeps its own date.
    let dir = tempfile::TempDir::new().unwrap();
    let text = std::fs::read_to_string(LEAGUE)
        .unwrap()
        .replace(
            "../../../rules/",
            &format!("{}/rules/", env!("CARGO_MANIFEST_DIR")),
        )
        .replace(
            "decisions = [{ by = \"drawing of lots\", order = [\"West\", \"East\"] }]",
            "expunged = [{ team = \"East\", reason = \"withdrew\" }]",
        );
    let path = dir.path().join("league.toml");
    std::fs::write(&path, text).unwrap();
    let options = LoadOptions {
        rules_anywhere: true,
        as_of: Some(date("2024-08-17")),
        ..LoadOptions::default()
    };
    let (loaded, _) = read::load_with(&path, &options).unwrap();
    let group = &loaded.competition.groups[0];
    let kept: Vec<(String, String)> = group
        .matches
        .iter()
        .enumerate()
        .map(|(i, m)| {
            (
                read::data::match_line(group, m),
                group.schedule.date(i).unwrap().to_string(),
            )
        })
        .collect();
    assert_eq!(
        kept,
        [
            ("North 2–0 South".to_string(), "2024-08-03".to_string()),
            ("South 2–2 West".to_string(), "2024-08-17".to_string()),
        ]
    );
}

/// `../shared/real/2019-20-en.2.json`, or `None` (with the reason printed) when the published
/// files are not beside the checkout.
fn championship() -> Option<String> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/real/2019-20-en.2.json");
    if path.is_file() {
        Some(path.to_str().unwrap().to_string())
    } else {
        eprintln!(
            "skipped: {} not found (the published files live in ../shared/real beside the checkout)",
            path.display()
        );
        None
    }
}

#[test]
fn the_championship_after_its_first_matchday() {
    let Some(path) = championship() else {
        return;
    };
    // "Matchday 1" in the file, twelve matches:
    //   Luton Town 3–3 Middlesbrough FC, Barnsley FC 1–0 Fulham FC, Blackburn Rovers 1–2
    //   Charlton Athletic, Brentford FC 0–1 Birmingham City, Millwall FC 1–0 Preston North End,
    //   Reading FC 1–3 Sheffield Wednesday, Stoke City 1–2 Queens Park Rangers, Swansea City
    //   2–1 Hull City, Wigan Athletic 3–2 Cardiff City, Nottingham Forest 1–2 West Bromwich
    //   Albion, Bristol City 1–3 Leeds United, Huddersfield Town 1–2 Derby County.
    // Under the EFL's rules (points, goal difference, goals scored, head-to-head points,
    // head-to-head away goals, a recorded decision):
    //   Sheffield Wednesday and Leeds United won 3–1 away: 3 pts, +2, 3 goals; they have not
    //   met, so nothing separates them: 1st, shared.
    //   Wigan Athletic won 3–2: 3 pts, +1, 3 goals: 3rd, above the eight other winners by one
    //   goal (+1 with 2 goals, or 1–0).
    //   Middlesbrough and Luton Town drew 3–3 with each other, the only draw of the twelve
    //   matches, so below the eleven winners: 1 pt, 0, 3 goals each; head-to-head points level
    //   (1 each); away goals: Middlesbrough 3 at Luton, Luton none: Middlesbrough 12th, Luton
    //   13th.
    //   Reading FC and Bristol City lost 1–3 at home: 0 pts, −2, 1 goal, no meeting: 23rd,
    //   shared, last.
    let rows = table_at(&path, Some("rules/efl-2019-20.toml"), Some(Step::Round(1)));
    assert_eq!(rows.len(), 24);
    assert!(rows.iter().all(|r| r.2 == 1), "every club played once");
    let find = |team: &str| rows.iter().find(|r| r.0 == team).unwrap().clone();
    assert_eq!(
        find("Sheffield Wednesday"),
        row("Sheffield Wednesday", 1, [1, 1, 0, 0, 3, 1], "3")
    );
    assert_eq!(
        find("Leeds United"),
        row("Leeds United", 1, [1, 1, 0, 0, 3, 1], "3")
    );
    assert_eq!(
        find("Wigan Athletic"),
        row("Wigan Athletic", 3, [1, 1, 0, 0, 3, 2], "3")
    );
    assert_eq!(
        find("Middlesbrough FC"),
        row("Middlesbrough FC", 12, [1, 0, 1, 0, 3, 3], "1")
    );
    assert_eq!(
        find("Luton Town"),
        row("Luton Town", 13, [1, 0, 1, 0, 3, 3], "1")
    );
    assert_eq!(
        find("Reading FC"),
        row("Reading FC", 23, [1, 0, 0, 1, 1, 3], "0")
    );
    assert_eq!(
        find("Bristol City"),
        row("Bristol City", 23, [1, 0, 0, 1, 1, 3], "0")
    );
}

#[test]
fn a_csv_file_answers_until_from_its_dates_and_not_matchday() {
    // tests/fixtures/league.csv: 1 Aug Leeds 2–1 Hull, Stoke 0–0 Derby; 8 Aug Hull 1–3 Stoke,
    // Derby 2–2 Leeds; 15 Aug Leeds 1–0 Stoke (and Derby v Hull unplayed). Up to 1 Aug: Leeds
    // 3 pts (2–1), Stoke and Derby 1 pt (0–0: level on goals, on head-to-head points and away
    // goals, no decision recorded: 2nd, shared), Hull 0 (1–2).
    let rows = table_at(
        "tests/fixtures/league.csv",
        Some("rules/premier-league.toml"),
        Some(date("2023-08-01")),
    );
    assert_eq!(
        rows,
        [
            row("Leeds", 1, [1, 1, 0, 0, 2, 1], "3"),
            row("Stoke", 2, [1, 0, 1, 0, 0, 0], "1"),
            row("Derby", 2, [1, 0, 1, 0, 0, 0], "1"),
            row("Hull", 4, [1, 0, 0, 1, 1, 2], "0"),
        ]
    );
    let run = common::standings(&[
        "table",
        "tests/fixtures/league.csv",
        "--rules",
        "rules/premier-league.toml",
        "--matchday",
        "1",
    ]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("error[E808]"), "{}", run.stderr);
    assert!(
        run.stderr
            .contains("dates but no rounds, so --until DATE works"),
        "{}",
        run.stderr
    );
}

#[test]
fn dates_that_cannot_be_right_are_noted() {
    let Some(path) = championship() else {
        return;
    };
    // The file dates the 77 matches of matchdays 40 to 46 (played in June and July 2020) in
    // July 2019, before matchday 1 began on 2 August 2019 (counted from the file: every match
    // dated before 2019-08-02 is of "Matchday 40" to "Matchday 46", the first on 2019-07-01).
    let run = common::standings(&[
        "table",
        &path,
        "--rules",
        "rules/efl-2019-20.toml",
        "--until",
        "2019-08-03",
        "--format",
        "csv",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr.contains(
            "League: 77 match(es) of later rounds dated before matchday 1 began (2019-08-02), the first of matchday 40 on 2019-07-01"
        ),
        "{}",
        run.stderr
    );
    // --matchday reads rounds, and says nothing of dates.
    let run = common::standings(&[
        "table",
        &path,
        "--rules",
        "rules/efl-2019-20.toml",
        "--matchday",
        "1",
    ]);
    assert_eq!(run.stderr, "");
}

#[test]
fn a_tournament_s_matchdays_are_its_rounds_names() {
    // euro-2024.json's `rounds` shape: group matches in rounds named "Matchday 1" to "Matchday
    // 3". Group A's matchday 1: Germany 5–1 Scotland, Hungary 1–3 Switzerland.
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/real/euro-2024.json");
    if !path.is_file() {
        eprintln!("skipped: {} not found", path.display());
        return;
    }
    let rows = group_at(
        path.to_str().unwrap(),
        Some("rules/uefa-euro-2024.toml"),
        Some("Group A"),
        Some(Step::Round(1)),
    );
    assert_eq!(
        rows,
        [
            row("Germany", 1, [1, 1, 0, 0, 5, 1], "3"),
            row("Switzerland", 2, [1, 1, 0, 0, 3, 1], "3"),
            row("Hungary", 3, [1, 0, 0, 1, 1, 3], "0"),
            row("Scotland", 4, [1, 0, 0, 1, 1, 5], "0"),
        ]
    );
}

#[test]
fn a_csv_file_s_dates_are_read_only_when_asked_for() {
    // Row 3's Date is "2019-08-17", not football-data's form: an error with --until (E408,
    // tests/cmd/as_of/bad_csv_date.toml), never looked at without it.
    let path = "tests/cmd/as_of/bad_csv_date.in/season.csv";
    let run = common::standings(&["table", path, "--rules", "rules/premier-league.toml"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let options = LoadOptions {
        rules: Some(Path::new("rules/premier-league.toml")),
        ..LoadOptions::default()
    };
    let (loaded, _) = read::load_with(Path::new(path), &options).unwrap();
    assert!(loaded.competition.groups[0].schedule.is_empty());
    // Asked for (`LoadOptions::schedule`, as the history of a season asks), it is read.
    let options = LoadOptions {
        schedule: true,
        ..options
    };
    let error = read::load_with(Path::new(path), &options).unwrap_err();
    assert!(
        error.to_string().contains("in Date is not a date"),
        "{error}"
    );
}

/// The league of tests/fixtures/as_of/league.toml with South's deduction dated 1 September,
/// after the last match (24 August), read under the bundled Premier League rules.
fn league_deducted_after_the_season(dir: &Path) -> std::path::PathBuf {
    let text = std::fs::read_to_string(LEAGUE)
        .unwrap()
        .replace(
            "rules = \"../../../rules/premier-league.toml\"",
            "rules = \"premier-league\"",
        )
        .replace("date = \"2024-08-12\"", "date = \"2024-09-01\"");
    assert!(text.contains("2024-09-01") && text.contains("rules = \"premier-league\""));
    let path = dir.join("league.toml");
    std::fs::write(&path, text).unwrap();
    path
}

#[test]
fn a_deduction_after_the_last_match_counts_after_the_last_round() {
    let dir = tempfile::tempdir().unwrap();
    let path = league_deducted_after_the_season(dir.path());
    let path = path.to_str().unwrap();
    // South: lost 0–2 to North, beat East 3–1, drew 2–2 with West: 4 points, 1 deducted.
    let south = |rows: Vec<Row>| rows.into_iter().find(|r| r.0 == "South").unwrap().8;
    assert_eq!(south(table_at(path, None, None)), "3");
    // After the last round, or any later one, the season is whole, its deduction too.
    assert_eq!(south(table_at(path, None, Some(Step::Round(3)))), "3");
    assert_eq!(south(table_at(path, None, Some(Step::Round(9)))), "3");
    // On 24 August, the last day played, the deduction of 1 September was not yet made.
    assert_eq!(south(table_at(path, None, Some(date("2024-08-24")))), "4");
    // After round 2 (its last match on 24 August): lost to North, beat East, not yet deducted.
    assert_eq!(south(table_at(path, None, Some(Step::Round(2)))), "3");
}

#[test]
fn cards_of_the_whole_season_do_not_order_a_table_part_way() {
    let load = |step| {
        let options = LoadOptions {
            record: RecordChoice::None,
            as_of: Some(step),
            ..LoadOptions::default()
        };
        read::load_with(Path::new("tests/fixtures/as_of/fair_play.toml"), &options)
            .unwrap()
            .0
    };
    // After matchday 1 all four have a 1–1 draw: level on points, goals and head-to-head, so
    // the chain reaches fair play, and the cards (of both matchdays) are not there to use.
    let part_way = load(Step::Round(1));
    assert!(
        part_way.competition.groups[0]
            .cards
            .iter()
            .all(Option::is_none)
    );
    let error = compute(&part_way.competition, &part_way.rules).unwrap_err();
    let first = error.iter().next().unwrap();
    assert_eq!(first.code.as_str(), "E607");
    // After matchday 2, the whole group stage: the cards stay, and none is needed:
    // Japan 4 points (+2), Colombia 4 (+1), Senegal 1 (-1), Poland 1 (-2).
    let whole = load(Step::Round(2));
    assert!(
        whole.competition.groups[0]
            .cards
            .iter()
            .all(Option::is_some)
    );
    let standings = compute(&whole.competition, &whole.rules).unwrap();
    let group = &standings.groups[0];
    let order: Vec<&str> = group.rows.iter().map(|r| group.name(r.team)).collect();
    assert_eq!(order, ["Japan", "Colombia", "Senegal", "Poland"]);
}

#[test]
fn json_keeps_the_competition_s_name_and_says_the_cut_in_as_of() {
    let json = |args: &[&str]| -> serde_json::Value {
        let run = common::standings(args);
        assert_eq!(run.code, 0, "{}", run.stderr);
        serde_json::from_str(&run.stdout).unwrap()
    };
    let at = |v: &serde_json::Value| {
        let c = &v["competitions"][0];
        (c["competition"].clone(), c["as_of"].clone())
    };
    let table = ["table", LEAGUE, "--format", "json"];
    assert_eq!(
        at(&json(&table)),
        ("Compass League".into(), serde_json::Value::Null)
    );
    assert_eq!(
        at(&json(&[&table[..], &["--matchday", "2"]].concat())),
        ("Compass League".into(), "matchday 2".into())
    );
    assert_eq!(
        at(&json(&[&table[..], &["--until", "2024-08-10"]].concat())),
        ("Compass League".into(), "2024-08-10".into())
    );
}
