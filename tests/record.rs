//! The project's record applied to a season summary: the team names and recorded decisions a
//! data file keeps for the competition a document describes (`--record`, found by default in
//! the project's `data/` folder). Small projects written here; the bundled seasons are in
//! tests/documents.rs.

mod common;

use common::{edit, first_error, line_of, path_str, standings};

use std::fs;
use std::path::{Path, PathBuf};

use pretty_assertions::assert_eq;
use standings::diagnostic::Source;
use standings::read::{data, document, record};
use tempfile::TempDir;

/// The document prints Beta as "Betta". Alpha and Beta are level on everything: each drew with
/// the other 1–1 and won 2–0 against Gamma and Delta; Gamma beat Delta 1–0.
const DOCUMENT: &str = "= Test Cup =

===Group 1===
| Team #1 | Team #2 | Results |
| Alpha | Betta | 1–1 |
| Gamma | Delta | 1–0 |
| Gamma | Alpha | 0–2 |
| Delta | Betta | 0–2 |
| Alpha | Delta | 2–0 |
| Betta | Gamma | 2–0 |
";

/// The group stage of the 2003–04 Coppa Italia rules: 3/1/0, head-to-head goal difference,
/// goal difference, then a recorded decision; the winner advances.
const RULES: &str = r#"name = "Test Cup"
[points]
win = 3
draw = 1
loss = 0
[forfeit]
score = [3, 0]
deduction = 1
[head_to_head]
reapply = false
[tiebreak]
order = ["points", "head_to_head.goal_difference", "goal_difference", "decision"]
[qualification]
advance = 1
"#;

/// The project's record: the club's name, and the drawing of lots that put Beta first.
const RECORD: &str = r#"competition = "Test Cup"
rules = "../rules/cup.toml"

[[group]]
name = "Group 1"
teams = ["Alpha", "Beta", "Gamma", "Delta"]
aliases = { Betta = { is = "Beta", why = "a misprint" } }
matches = [
  "Alpha 1–1 Beta",
  "Gamma 1–0 Delta",
  "Gamma 0–2 Alpha",
  "Delta 0–2 Beta",
  "Alpha 2–0 Delta",
  "Beta 2–0 Gamma",
]
decisions = [{ by = "drawing of lots", order = ["Beta", "Alpha"] }]
record = { winner = "Beta" }
"#;

/// Worked out by hand: Alpha and Beta 7 points, goals 5–1; Gamma 3 points, 1–4; Delta 0, 0–5.
/// The lots put Beta first.
const TABLE: &str = "competition,group,position,team,played,won,drawn,lost,goals_for,goals_against,goal_difference,deducted,points
Test Cup,Group 1,1,Beta,3,2,1,0,5,1,4,0,7
Test Cup,Group 1,2,Alpha,3,2,1,0,5,1,4,0,7
Test Cup,Group 1,3,Gamma,3,1,0,2,1,4,-3,0,3
Test Cup,Group 1,4,Delta,3,0,0,3,0,5,-5,0,0
";

/// A project (rules/, data/) with the document beside it in `sources/`.
struct Project {
    dir: TempDir,
}

impl Project {
    fn new() -> Project {
        let dir = TempDir::new().unwrap();
        for sub in ["rules", "data", "sources"] {
            fs::create_dir(dir.path().join(sub)).unwrap();
        }
        fs::write(dir.path().join("rules/cup.toml"), RULES).unwrap();
        fs::write(dir.path().join("data/test-cup.toml"), RECORD).unwrap();
        fs::write(dir.path().join("sources/test-cup.txt"), DOCUMENT).unwrap();
        Project { dir }
    }

    fn path(&self, relative: &str) -> PathBuf {
        self.dir.path().join(relative)
    }

    /// `standings COMMAND DOCUMENT --rules rules/cup.toml ARGS...`
    fn run(&self, command: &str, args: &[&str]) -> common::Run {
        let (doc, rules) = (
            self.path("sources/test-cup.txt"),
            self.path("rules/cup.toml"),
        );
        let mut all = vec![command, path_str(&doc), "--rules", path_str(&rules)];
        all.extend_from_slice(args);
        standings(&all)
    }
}

#[test]
fn the_record_in_the_project_is_found_and_applied() {
    let project = Project::new();
    let run = project.run("table", &["--format", "csv"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(run.stdout, TABLE);
    assert_eq!(
        run.stderr,
        format!(
            "note: {}: names and decisions from {} (the project's data file for this competition; --record none reads the source alone):
  Group 1: \"Betta\" is Beta: a misprint
  Group 1: Beta, Alpha in that order by drawing of lots
",
            project.path("sources/test-cup.txt").display(),
            project.path("data/test-cup.toml").display()
        )
    );
    // check: the tie is decided, so nothing fails.
    assert_eq!(project.run("check", &[]).code, 0);
}

#[test]
fn record_none_reads_the_document_alone() {
    let project = Project::new();
    let run = project.run("check", &["--record", "none"]);
    assert_eq!(run.code, 1, "{}", run.stdout);
    assert_eq!(run.stderr, "");
    assert!(
        run.stdout
            .contains("UNRESOLVED   Test Cup · Group 1 · qualification: Alpha and Betta are level"),
        "{}",
        run.stdout
    );
}

#[test]
fn a_named_record_is_applied_wherever_it_is() {
    let project = Project::new();
    let elsewhere = TempDir::new().unwrap();
    let copy = elsewhere.path().join("record.toml");
    fs::write(&copy, RECORD.replace("../rules/cup.toml", "x.toml")).unwrap();
    // The project's own record is removed, so only the named one can be at work.
    fs::remove_file(project.path("data/test-cup.toml")).unwrap();
    let run = project.run("table", &["--format", "csv", "--record", path_str(&copy)]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(run.stdout, TABLE);
    assert!(
        run.stderr.starts_with(&format!(
            "note: {}: names and decisions from {}:\n",
            project.path("sources/test-cup.txt").display(),
            copy.display()
        )),
        "{}",
        run.stderr
    );
}

#[test]
fn without_a_record_in_the_project_the_document_is_read_alone() {
    let project = Project::new();
    edit(
        &project.path("data/test-cup.toml"),
        "competition = \"Test Cup\"",
        "competition = \"Another Cup\"",
    );
    let run = project.run("table", &["--format", "csv"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(run.stderr, "");
    assert!(run.stdout.contains(",Betta,"), "{}", run.stdout);
}

#[test]
fn a_record_that_does_not_match_the_document_is_exit_2_at_its_group() {
    let project = Project::new();
    let record = project.path("data/test-cup.toml");
    edit(
        &record,
        "teams = [\"Alpha\", \"Beta\", \"Gamma\", \"Delta\"]",
        "teams = [\"Alpha\", \"Beta\", \"Gamma\", \"Epsilon\"]",
    );
    let text = fs::read_to_string(&record)
        .unwrap()
        .replace("Delta", "Epsilon");
    fs::write(&record, text).unwrap();
    let run = project.run("table", &[]);
    assert_eq!(run.code, 2);
    assert_eq!(
        first_error(&run.stderr),
        format!(
            "error: {}:{}:1: Group 1: the source's team \"Delta\" is not in the record's group; expected one of: Alpha, Beta, Gamma, Epsilon, Betta (alias of Beta)",
            project.path("data/test-cup.toml").display(),
            line_of(&record, "name = \"Group 1\"")
        )
    );
}

#[test]
fn a_record_group_the_document_lacks_is_exit_2_at_its_line() {
    let project = Project::new();
    let record = project.path("data/test-cup.toml");
    edit(&record, "name = \"Group 1\"", "name = \"Group 9\"");
    let run = project.run("table", &[]);
    assert_eq!(run.code, 2);
    assert_eq!(
        first_error(&run.stderr),
        format!(
            "error: {}:{}:1: the record has names or decisions for \"Group 9\", but {} has no group of that name; expected one of: Group 1",
            record.display(),
            line_of(&record, "name = \"Group 9\""),
            project.path("sources/test-cup.txt").display()
        )
    );
}

#[test]
fn two_records_of_one_competition_are_exit_2() {
    let project = Project::new();
    fs::copy(
        project.path("data/test-cup.toml"),
        project.path("data/test-cup-copy.toml"),
    )
    .unwrap();
    let run = project.run("table", &[]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("2 data files record \"Test Cup\"")
            && run.stderr.contains("test-cup-copy.toml")
            && run
                .stderr
                .contains("choose with --record FILE, or --record none"),
        "{}",
        run.stderr
    );
    // Naming one settles it.
    let chosen = project.path("data/test-cup.toml");
    let run = project.run("table", &["--format", "csv", "--record", path_str(&chosen)]);
    assert_eq!(
        (run.code, run.stdout.as_str()),
        (0, TABLE),
        "{}",
        run.stderr
    );
}

#[test]
fn a_data_file_that_is_not_toml_is_passed_over_with_a_note() {
    let project = Project::new();
    let broken = project.path("data/broken.toml");
    fs::write(&broken, "competition = \n").unwrap();
    let run = project.run("table", &["--format", "csv"]);
    assert_eq!(
        (run.code, run.stdout.as_str()),
        (0, TABLE),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.starts_with(&format!(
            "note: {}: passed over while looking for the record of \"Test Cup\": ",
            project.path("data/broken.toml").display()
        )),
        "{}",
        run.stderr
    );
}

#[test]
fn record_is_refused_where_it_cannot_apply() {
    let project = Project::new();
    // A data file is its own record.
    let run = standings(&[
        "table",
        path_str(&project.path("data/test-cup.toml")),
        "--record",
        path_str(&project.path("data/test-cup.toml")),
    ]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("a data file is its own record"),
        "{}",
        run.stderr
    );
    // The record must be a data file.
    let doc = project.path("sources/test-cup.txt");
    let run = project.run("table", &["--record", path_str(&doc)]);
    assert_eq!(run.code, 2);
    assert!(
        first_error(&run.stderr).starts_with(&format!(
            "error: {}:1:1: not a data file; expected the project's TOML data file",
            doc.display()
        )),
        "{}",
        run.stderr
    );
}

#[test]
fn import_writes_the_record_in_and_round_trips() {
    let project = Project::new();
    let out = project.path("imported.toml");
    let run = project.run("import", &["--output", path_str(&out)]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let written = fs::read_to_string(&out).unwrap();
    assert!(
        written
            .contains("decisions = [{ by = \"drawing of lots\", order = [\"Beta\", \"Alpha\"] }]"),
        "{written}"
    );
    let table = standings(&["table", path_str(&out), "--format", "csv"]);
    assert_eq!(
        (table.code, table.stdout.as_str()),
        (0, TABLE),
        "{}",
        table.stderr
    );
}

#[test]
fn compare_reads_a_document_under_the_first_rules_with_its_record() {
    let project = Project::new();
    let rules = project.path("rules/cup.toml");
    let doc = project.path("sources/test-cup.txt");
    let from_doc = common::compare(path_str(&doc), path_str(&rules), path_str(&rules));
    // The data file names `../rules/cup.toml`: read where it lies, in its project.
    let from_data = common::standings_in(
        project.dir.path(),
        &[
            "compare",
            path_str(&project.path("data/test-cup.toml")),
            "--rules",
            path_str(&rules),
            "--rules",
            path_str(&rules),
        ],
    );
    assert_eq!(from_doc.code, 0, "{}", from_doc.stderr);
    assert_eq!(from_doc.stdout, from_data.stdout);
}

#[test]
fn cards_and_coefficients_come_over_and_are_written() {
    // The library: the record's cards and coefficients are carried to the source's teams (by
    // name or alias), and a written data file keeps them.
    let project = Project::new();
    let with_cards = RECORD.replace(
        "record = { winner = \"Beta\" }",
        "cards = { Beta = { yellow = 2, direct_red = 1 } }\ncoefficients = { Alpha = \"12.500\" }",
    );
    let record_source = Source::new(project.path("data/test-cup.toml"), with_cards);
    let record_competition = data::parse(&record_source).unwrap();
    let doc = Source::new(Path::new("test-cup.txt"), DOCUMENT);
    let mut competition = document::parse(&doc).unwrap();
    let changes = record::apply(&mut competition, &record_competition).unwrap();
    assert_eq!(
        changes,
        [
            "Group 1: \"Betta\" is Beta: a misprint",
            "Group 1: Beta, Alpha in that order by drawing of lots",
            "Group 1: cards of 1 team(s)",
            "Group 1: coefficients of 1 team(s)",
        ]
    );
    let group = &competition.groups[0];
    let beta = group.teams.iter().position(|t| t == "Beta").unwrap();
    let alpha = group.teams.iter().position(|t| t == "Alpha").unwrap();
    let cards = group.cards[beta].unwrap();
    assert_eq!((cards.yellow, cards.direct_red), (2, 1));
    assert_eq!(group.coefficients[alpha], Some("12.500".parse().unwrap()));
    assert_eq!(group.cards.iter().filter(|c| c.is_some()).count(), 1);

    let written = data::write(&competition, "test", None);
    let back = data::parse(&Source::new("back.toml", written.clone())).unwrap();
    assert_eq!(back, competition, "{written}");
}

#[test]
fn play_offs_and_declared_values_come_over_and_are_written() {
    // A play-off (written with the document's misprint, an alias) and a declared criterion's
    // values are carried to the source's teams, and a written data file keeps them.
    let project = Project::new();
    let with_playoff = RECORD.replace(
        "decisions = [{ by = \"drawing of lots\", order = [\"Beta\", \"Alpha\"] }]",
        "playoffs = [\"Betta 1–0 Alpha (aet)\"]\nvalues.club_coefficient = { Alpha = \"12.500\" }",
    );
    let record_source = Source::new(project.path("data/test-cup.toml"), with_playoff);
    let record_competition = data::parse(&record_source).unwrap();
    let doc = Source::new(Path::new("test-cup.txt"), DOCUMENT);
    let mut competition = document::parse(&doc).unwrap();
    let changes = record::apply(&mut competition, &record_competition).unwrap();
    assert_eq!(
        changes,
        [
            "Group 1: \"Betta\" is Beta: a misprint",
            "Group 1: Beta, Alpha in that order by play-off Beta 1–0 Alpha (aet)",
            "Group 1: values.club_coefficient of 1 team(s)",
        ]
    );
    let group = &competition.groups[0];
    let alpha = group.team_named("Alpha").unwrap();
    let beta = group.team_named("Beta").unwrap();
    let playoff = group.decisions[0].playoff.unwrap();
    assert_eq!((playoff.home, playoff.away), (beta, alpha));
    assert_eq!(
        group.team_value("club_coefficient", alpha),
        Some("12.500".parse().unwrap())
    );
    assert_eq!(group.team_value("club_coefficient", beta), None);

    let written = data::write(&competition, "test", None);
    assert!(
        written.contains("playoffs = [\"Beta 1–0 Alpha (aet)\"]"),
        "{written}"
    );
    let back = data::parse(&Source::new("back.toml", written.clone())).unwrap();
    assert_eq!(back, competition, "{written}");
}

#[test]
fn a_named_record_renames_teams_of_a_csv_season() {
    // football-data's short name "Hull" is the record's "Hull City". A CSV has no title to find
    // a record by, so only a named one applies.
    let dir = TempDir::new().unwrap();
    let record = dir.path().join("e1.toml");
    fs::write(
        &record,
        r#"competition = "E1 season"
[[group]]
name = "E1"
teams = ["Leeds", "Hull City", "Stoke", "Derby"]
aliases = { Hull = { is = "Hull City", why = "football-data's short name" } }
matches = ["Leeds 2–1 Hull"]
"#,
    )
    .unwrap();
    let args = [
        "table",
        "tests/fixtures/league.csv",
        "--rules",
        "rules/premier-league.toml",
        "--format",
        "csv",
    ];
    let plain = standings(&args);
    assert!(plain.stdout.contains(",Hull,"), "{}", plain.stdout);
    assert!(
        !plain.stderr.contains("names and decisions"),
        "{}",
        plain.stderr
    );

    let mut named = args.to_vec();
    named.extend(["--record", path_str(&record)]);
    let run = standings(&named);
    assert_eq!(run.code, 0, "{}", run.stderr);
    // The same rows as without the record (tests/io_formats.rs), Hull renamed.
    assert_eq!(
        run.stdout.replace(",Hull City,", ",Hull,"),
        plain.stdout,
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains(",Hull City,"));
    assert!(
        run.stderr.contains(&format!(
            "names and decisions from {}:\n  E1: \"Hull\" is Hull City: football-data's short name",
            record.display()
        )),
        "{}",
        run.stderr
    );
}
