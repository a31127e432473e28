//! The three 2019–20 league seasons in `data/`, against the openfootball files they were
//! imported from (`../shared/real/`): each data file holds exactly the source's played matches,
//! and the source with the data file lent as its record (`--record`) prints the same table as
//! the data file, deductions included.

mod common;

use std::path::Path;

use pretty_assertions::assert_eq;
use rstest::rstest;
use standings::read::{self, InputFormat};

#[rstest]
#[case::championship("efl-championship-2019-20", "2019-20-en.2", "efl-2019-20")]
#[case::league_one(
    "efl-league-one-2019-20",
    "2019-20-en.3",
    "efl-2019-20-points-per-game"
)]
#[case::ligue_1("ligue-1-2019-20", "2019-20-fr.1", "ligue-1-2019-20-points-per-game")]
fn a_real_season_holds_its_source_s_matches_and_lends_it_its_record(
    #[case] data: &str,
    #[case] real: &str,
    #[case] rules: &str,
) {
    let data_path = format!("data/{data}.toml");
    let real_path = format!("../shared/real/{real}.json");
    let rules_path = format!("rules/{rules}.toml");
    let bundled = read::load(Path::new(&data_path), None, None).expect("the data file reads");
    let source = read::load(
        Path::new(&real_path),
        Some(InputFormat::Json),
        Some(Path::new(&rules_path)),
    )
    .expect("the openfootball file reads");
    // The data file names the rule file the source is read under here.
    assert_eq!(
        bundled
            .rules_from
            .file()
            .expect("a rule file")
            .canonicalize()
            .unwrap(),
        Path::new(&rules_path).canonicalize().unwrap()
    );
    let (ours, theirs) = (
        &bundled.competition.groups[0],
        &source.competition.groups[0],
    );
    assert_eq!(ours.teams, theirs.teams);
    assert_eq!(ours.matches, theirs.matches);

    let table = |args: &[&str]| {
        let run = common::standings(args);
        assert_eq!(run.code, 0, "{}", run.stderr);
        run.stdout
    };
    assert_eq!(
        table(&[
            "table",
            &real_path,
            "--rules",
            &rules_path,
            "--record",
            &data_path
        ]),
        table(&["table", &data_path])
    );
}
