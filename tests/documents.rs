//! Season summaries as input: `table`, `check` and `import` on the documents in
//! `../shared/seeds/` (skipped, with the reason printed, when that folder is absent), and one
//! test per kind of malformed line, on small documents written here.

mod common;

use common::{first_error, standings_with_input};

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Stdio;

use pretty_assertions::assert_eq;
use rstest::rstest;
use standings::diagnostic::Source;
use standings::model::Competition;
use standings::read::{document, record};
use tempfile::TempDir;

/// The source document of a season, or `None` (with the reason printed) when the seeds are
/// not beside the checkout.
fn seed(season: &str) -> Option<String> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/seeds")
        .join(format!("coppa-italia-{season}.txt"));
    if path.is_file() {
        Some(path.to_str().unwrap().to_string())
    } else {
        eprintln!(
            "skipped: {} not found (the source documents live in ../shared/seeds beside the checkout)",
            path.display()
        );
        None
    }
}

fn rules(season: &str) -> String {
    format!("rules/coppa-italia-{season}.toml")
}

/// `standings COMMAND DOC --rules RULES-OF-SEASON EXTRA...`
fn on_document(command: &str, doc: &str, season: &str, extra: &[&str]) -> common::Run {
    let rules = rules(season);
    let mut args = vec![command, doc, "--rules", &rules];
    args.extend_from_slice(extra);
    standings_with_input(&args, None)
}

#[rstest]
#[case("2002-03")]
#[case("2003-04")]
fn the_document_prints_the_same_tables_as_the_data_file(#[case] season: &str) {
    let Some(doc) = seed(season) else { return };
    let from_doc = on_document("table", &doc, season, &[]);
    let from_data = standings_with_input(
        &["table", &format!("data/coppa-italia-{season}.toml")],
        None,
    );
    assert_eq!(from_doc.code, 0, "{}", from_doc.stderr);
    assert_eq!(from_doc.stdout, from_data.stdout);
}

#[test]
fn the_2003_04_document_takes_brindisi_and_the_lots_from_the_project_record() {
    // The document calls Brindisi "Fiorentina" and does not record the drawing of lots; the
    // project's data file for the same competition does, and says so on standard error.
    let Some(doc) = seed("2003-04") else { return };
    let run = on_document("table", &doc, "2003-04", &[]);
    assert_eq!(
        run.stderr.lines().collect::<Vec<_>>(),
        [
            format!(
                "note: {doc}: names and decisions from data/coppa-italia-2003-04.toml (the project's data file for this competition; --record none reads the source alone):"
            )
            .as_str(),
            "  Group 8: \"Fiorentina\" is Brindisi: the club was Brindisi (Serie C2, holder of the Serie C cup); the same document says Fiorentina did not take part",
            "  Group 8: Brindisi, Catania in that order by drawing of lots",
        ]
    );
    // The 2002–03 record corrects nothing in its document, so nothing is said.
    let Some(doc) = seed("2002-03") else { return };
    let run = on_document("table", &doc, "2002-03", &[]);
    assert_eq!(run.stderr, "");
}

#[test]
fn the_2003_04_document_alone_leaves_group_8_undecided() {
    // `--record none`: Group 8 shows the same numbers under the document's name, with the tie
    // left undecided. Groups 1–7 print exactly as from the data file.
    let Some(doc) = seed("2003-04") else { return };
    let from_doc = on_document("table", &doc, "2003-04", &["--record", "none"]);
    assert_eq!(from_doc.stderr, "");
    let from_data = standings_with_input(&["table", "data/coppa-italia-2003-04.toml"], None);
    let split = |s: &str| s.split("\n\n").map(str::to_string).collect::<Vec<_>>();
    let (doc_groups, data_groups) = (split(&from_doc.stdout), split(&from_data.stdout));
    assert_eq!(doc_groups.len(), 8);
    assert_eq!(doc_groups[..7], data_groups[..7]);

    // Each row without its place and mark, in single spaces (the name changes the widths).
    let rows = |s: &str| -> Vec<String> {
        s.lines()
            .skip(2)
            .take(4)
            .map(|l| {
                let words: Vec<&str> = l.split_whitespace().skip(1).collect();
                words
                    .iter()
                    .filter(|w| **w != "advances")
                    .map(|w| if *w == "Fiorentina" { "Brindisi" } else { w })
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .collect()
    };
    assert_eq!(rows(&doc_groups[7]), rows(&data_groups[7]));
    assert!(doc_groups[7].contains(
        "undecided: Fiorentina and Catania level for 1 qualifying place(s); no recorded decision breaks the tie"
    ));
}

#[test]
fn check_on_a_document_says_what_it_cannot_compute() {
    let Some(doc) = seed("2002-03") else { return };
    let run = on_document("check", &doc, "2002-03", &[]);
    assert_eq!(run.code, 0, "{}", run.stdout);
    let competition: Vec<&str> = run
        .stdout
        .lines()
        .filter(|l| !l.contains(" · Group ") || l.contains("Group stage"))
        .collect();
    // The rules' rounds give the counts; the document has no result for the final or the
    // knockout rounds, so the rest cannot be computed and says so.
    assert_eq!(
        competition,
        [
            "ok           2002–03 Coppa Italia · Group stage: 8 groups of 4 (32 teams), as the rules say",
            "ok           2002–03 Coppa Italia · teams 48 (32 in Group stage + 8 in Second round + 8 in Round of 16)",
            "ok           2002–03 Coppa Italia · matches 94 (every round)",
            "not checked  2002–03 Coppa Italia · goals 185: the data has the results of 48 matches, not all of them",
            "not checked  2002–03 Coppa Italia · champions A.C. Milan: the data has no result for the Final",
            "not checked  2002–03 Coppa Italia · runner-up Roma: the data has no result for the Final",
            "not checked  2002–03 Coppa Italia · final Milan 6–3 on aggregate: the data has no result for the Final",
            "1 file(s), 8 group(s), 20 fact(s): 16 confirmed, 0 mismatched, 0 unresolved, 4 not checked",
        ]
    );
}

#[test]
fn check_on_the_2003_04_document_alone_reports_the_undecided_group() {
    let Some(doc) = seed("2003-04") else { return };
    let alone = on_document("check", &doc, "2003-04", &["--record", "none"]);
    assert_eq!(alone.code, 1);
    assert!(alone.stdout.contains(
        "UNRESOLVED   2003–04 Coppa Italia · Group 8 · qualification: Fiorentina and Catania are level"
    ));
    // With the project's record (the default), the drawing of lots decides it.
    let with_record = on_document("check", &doc, "2003-04", &[]);
    assert_eq!(with_record.code, 0, "{}", with_record.stdout);
    assert!(!with_record.stdout.contains("UNRESOLVED"));
}

#[rstest]
#[case("2002-03")]
#[case("2003-04")]
fn import_round_trips(#[case] season: &str) {
    let Some(doc) = seed(season) else { return };
    let dir = TempDir::new().unwrap();
    let out = dir.path().join("imported.toml");
    let import = standings_with_input(
        &[
            "import",
            &doc,
            "--rules",
            &rules(season),
            "--output",
            out.to_str().unwrap(),
        ],
        None,
    );
    assert_eq!(import.code, 0, "{}", import.stderr);
    let from_file = standings_with_input(&["table", out.to_str().unwrap()], None);
    let from_doc = on_document("table", &doc, season, &[]);
    assert_eq!(from_file.code, 0, "{}", from_file.stderr);
    assert_eq!(from_file.stdout, from_doc.stdout);
}

#[test]
fn import_redirected_to_a_file_names_the_rules_relative_to_it() {
    let Some(doc) = seed("2003-04") else { return };
    let dir = TempDir::new().unwrap();
    fs::create_dir(dir.path().join("data")).unwrap();
    let out = dir.path().join("data/x.toml");
    let file = fs::File::create(&out).unwrap();
    let status = std::process::Command::new(assert_cmd::cargo::cargo_bin("standings"))
        .args(["import", &doc, "--rules"])
        .arg(fs::canonicalize(rules("2003-04")).unwrap())
        .stdout(Stdio::from(file))
        .status()
        .unwrap();
    assert!(status.success());
    let run = standings_with_input(&["check", out.to_str().unwrap()], None);
    assert_eq!(run.stderr, "");
    // The bundled record's drawing of lots was written in, so nothing is undecided.
    assert_eq!(run.code, 0, "{}", run.stdout);
}

#[test]
fn import_over_the_record_itself_reads_the_document_alone() {
    // `import DOC > data/NAME.toml` where NAME.toml is the record: the shell empties the file
    // before standings runs, and import never reads the file it writes.
    let Some(doc) = seed("2003-04") else { return };
    let project = common::copy_project();
    let out = project.path().join("data/coppa-italia-2003-04.toml");
    let file = fs::File::create(&out).unwrap();
    let run = std::process::Command::new(assert_cmd::cargo::cargo_bin("standings"))
        .args(["import", &doc, "--rules"])
        .arg(project.path().join("rules/coppa-italia-2003-04.toml"))
        .stdout(Stdio::from(file))
        .output()
        .unwrap();
    assert!(run.status.success());
    assert_eq!(String::from_utf8_lossy(&run.stderr), "");
    let written = fs::read_to_string(&out).unwrap();
    assert!(written.contains("\"Fiorentina 1–1 Catania\""), "{written}");
    assert!(!written.contains("decisions = "), "{written}");
}

/// What a document holds, in terms of the bundled data file's names: the document's names
/// are mapped through the data file's aliases.
fn as_named_by(doc: &Competition, data: &Competition) -> Competition {
    let mut doc = doc.clone();
    for (g, bundled) in doc.groups.iter_mut().zip(&data.groups) {
        for team in &mut g.teams {
            if let Some(a) = bundled.aliases.iter().find(|a| a.name == *team) {
                *team = bundled.team_name(a.team).to_string();
            }
        }
    }
    doc
}

/// A season's bundled data file (with its rules) and its document read alone under them, or
/// `None` when the seeds are absent.
fn bundled_and_document(season: &str) -> Option<(standings::read::Loaded, Competition)> {
    let doc = seed(season)?;
    let loaded = standings::read::load(
        &PathBuf::from(format!("data/coppa-italia-{season}.toml")),
        None,
        None,
    )
    .unwrap();
    let source = Source::read(Path::new(&doc)).unwrap();
    let competition = document::parse(&source).unwrap();
    Some((loaded, competition))
}

#[rstest]
#[case("2002-03")]
#[case("2003-04")]
fn importing_the_document_alone_gives_the_bundled_competition(#[case] season: &str) {
    let Some((loaded, imported)) = bundled_and_document(season) else {
        return;
    };

    // The bundled file adds what fuller records state: aliases, decisions, winners, orders,
    // and the final's legs.
    let mut bundled = loaded.competition.clone();
    bundled.aliases.clear();
    bundled.ties.clear();
    for g in &mut bundled.groups {
        g.aliases.clear();
        g.decisions.clear();
        g.record = Default::default();
    }
    assert_eq!(as_named_by(&imported, &loaded.competition), bundled);
}

#[rstest]
#[case("2002-03")]
#[case("2003-04")]
fn the_document_with_the_record_applied_is_the_bundled_competition(#[case] season: &str) {
    // Names, aliases, decisions and each group's recorded winner and order come over; the
    // competition's facts (the final's legs, the names the record uses for champions) stay in
    // the data file.
    let Some((loaded, mut applied)) = bundled_and_document(season) else {
        return;
    };
    record::apply(&mut applied, &loaded.competition).unwrap();

    let mut bundled = loaded.competition;
    bundled.aliases.clear();
    bundled.ties.clear();
    assert_eq!(applied, bundled);
}

#[test]
fn standard_input_and_forced_formats() {
    let Some(doc) = seed("2002-03") else { return };
    let text = fs::read(&doc).unwrap();
    let piped = standings_with_input(&["table", "-", "--rules", &rules("2002-03")], Some(&text));
    let direct = on_document("table", &doc, "2002-03", &[]);
    assert_eq!(piped.code, 0, "{}", piped.stderr);
    assert_eq!(piped.stdout, direct.stdout);

    let forced = standings_with_input(
        &[
            "table",
            &doc,
            "--rules",
            &rules("2002-03"),
            "--input-format",
            "data",
        ],
        None,
    );
    assert_eq!(forced.code, 2);
    assert!(
        first_error(&forced.stderr).starts_with(&format!("error: {doc}:1:")),
        "{}",
        forced.stderr
    );
}

#[test]
fn a_document_needs_rules() {
    let Some(doc) = seed("2002-03") else { return };
    let run = standings_with_input(&["table", &doc], None);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .contains("expected --rules NAME (a bundled rule set) or --rules FILE"),
        "{}",
        run.stderr
    );
    // The suggestions fit a season summary of groups, the closest to its title first.
    assert!(
        run.stderr
            .contains("the closest bundled rule sets for groups are coppa-italia-2002-03,"),
        "{}",
        run.stderr
    );
}

const GOOD: &str = "= Test Cup =

===Group 1===
| Team #1 | Team #2 | Results |
| Alpha | Beta | 1–0 |
| Gamma | Delta | 2-2 |
| Beta | Gamma | 0–3 to forfeit |
| Delta | Alpha | 0–3 to both from forfeit |
| Alpha | Gamma | 1–1 |
| Delta | Beta | 3–0 to forfeit |
";

#[test]
fn a_small_document_reads() {
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("good.txt");
    fs::write(&path, GOOD).unwrap();
    let run = standings_with_input(
        &[
            "table",
            path.to_str().unwrap(),
            "--rules",
            &rules("2003-04"),
            "--format",
            "csv",
        ],
        None,
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    // By hand: Alpha W(1–0) L(0–3, both) D(1–1): 4 points, 1 deducted → 3, goals 2–4.
    // Gamma W(3–0) D(2–2) D(1–1): 5. Delta D(2–2) L(0–3) W(3–0): 4 − 1 = 3, goals 5–5.
    // Beta L(0–1) L(0–3, forfeit) L(0–3, forfeit): 0 − 2 = −2, goals 0–7.
    // Delta and Alpha: their match was forfeited by both (level); Delta's goal difference 0
    // beats Alpha's −2.
    assert_eq!(
        run.stdout,
        "competition,group,position,team,played,won,drawn,lost,goals_for,goals_against,goal_difference,deducted,points
Test Cup,Group 1,1,Gamma,3,1,2,0,6,3,3,0,5
Test Cup,Group 1,2,Delta,3,1,1,1,5,5,0,1,3
Test Cup,Group 1,3,Alpha,3,1,1,1,2,4,-2,1,3
Test Cup,Group 1,4,Beta,3,0,0,3,0,7,-7,2,-2
"
    );
}

#[rstest]
// A row with two cells.
#[case(
    "| Alpha | Beta | 1–0 |",
    "| Alpha | 1–0 |",
    5,
    1,
    "a match row with 2 cell(s); expected 3"
)]
// A score with no second number.
#[case(
    "| Gamma | Delta | 2-2 |",
    "| Gamma | Delta | 3– |",
    6,
    19,
    "malformed score `3–`"
)]
// An unknown note.
#[case(
    "| Alpha | Gamma | 1–1 |",
    "| Alpha | Gamma | 1–1 after extra time |",
    9,
    23,
    "unknown note `after extra time`"
)]
// A team that appears in only one row: a misspelling.
#[case(
    "| Alpha | Gamma | 1–1 |",
    "| Alpa | Gamma | 1–1 |",
    9,
    3,
    "\"Alpa\" plays only one match of Group 1"
)]
// The same pairing twice in a single round-robin.
#[case(
    "| Alpha | Gamma | 1–1 |",
    "| Alpha | Beta | 1–1 |",
    9,
    1,
    "Alpha and Beta meet 2 times in Group 1; the rules say each pair meets 1 time(s)"
)]
// A forfeit whose score disagrees with the rules.
#[case(
    "| Beta | Gamma | 0–3 to forfeit |",
    "| Beta | Gamma | 0–2 to forfeit |",
    7,
    18,
    "the rules award 3–0"
)]
fn malformed_lines_are_exit_2_at_their_place(
    #[case] good: &str,
    #[case] bad: &str,
    #[case] line: usize,
    #[case] column: usize,
    #[case] message: &str,
) {
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("bad.txt");
    assert!(GOOD.contains(good));
    fs::write(&path, GOOD.replacen(good, bad, 1)).unwrap();
    let run = standings_with_input(
        &[
            "table",
            path.to_str().unwrap(),
            "--rules",
            &rules("2003-04"),
        ],
        None,
    );
    assert_eq!(run.code, 2, "{}", run.stdout);
    let first = first_error(&run.stderr);
    let place = format!("error: {}:{line}:{column}: ", path.display());
    assert!(first.starts_with(&place), "{first}");
    assert!(first.contains(message), "{first}");
}
