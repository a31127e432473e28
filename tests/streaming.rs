//! Reading a results file fast changes no table: a CSV file read mapped from disk and read
//! whole from memory, and rows read by the fast path and by the full reading, give the same
//! competition; a file over the 32 MiB limit of hand-written inputs is read when it is CSV.

use std::io::Write;

use pretty_assertions::assert_eq;
use proptest::prelude::*;
use standings::diagnostic::Source;
use standings::read::football_data;
use standings::read::results::Spans;

/// One row as a generator writes it.
#[derive(Debug, Clone)]
enum Row {
    /// A played match between two of the season's clubs (by index), with goals.
    Played(usize, usize, u32, u32),
    /// A fixture not yet played.
    Unplayed(usize, usize),
    /// A row with nothing in it.
    Blank,
}

/// Names that take each path of the reader: plain ASCII (fast once known), quoted, padded
/// with spaces, non-ASCII, and a decomposed accent that normalises to a precomposed one.
const CLUBS: [&str; 8] = [
    "Arsenal",
    "Nott'm Forest",
    "\"Brighton, Hove\"",
    "  Leeds  ",
    "Beşiktaş",
    "Be\u{0073}\u{0327}iktas\u{0327} B",
    "Köln",
    "Man City",
];

/// The file's text: with a `Season` column or not, with quoted names or not (a file without
/// quotes is split plainly), with `\r\n` line breaks or `\n`.
fn csv(seasons: &[Vec<Row>], season_column: bool, quotes: bool, crlf: bool) -> String {
    let club = |i: usize| match CLUBS[i] {
        quoted if !quotes && quoted.starts_with('"') => "Brighton",
        name => name,
    };
    let mut text = String::from(if season_column {
        "Div,Season,Date,HomeTeam,AwayTeam,FTHG,FTAG,FTR\n"
    } else {
        "Div,Date,HomeTeam,AwayTeam,FTHG,FTAG,FTR\n"
    });
    for (s, rows) in seasons.iter().enumerate() {
        let group = if season_column {
            format!("E0,{}-{:02}", 2000 + s, (s + 1) % 100)
        } else {
            format!("D{s}")
        };
        for (i, row) in rows.iter().enumerate() {
            // A date of its own for each row (two-digit years in every other season), so that
            // dates out of step with their matches would show.
            let date = match s % 2 {
                0 => format!("{:02}/{:02}/2020", 1 + i % 28, 1 + i / 28 % 12),
                _ => format!("{}/{}/19", 1 + i % 28, 1 + i / 28 % 12),
            };
            let line = match *row {
                Row::Played(h, a, hg, ag) => {
                    format!("{group},{date},{},{},{hg},{ag},X", club(h), club(a))
                }
                Row::Unplayed(h, a) => format!("{group},01/08/2020,{},{},,,", club(h), club(a)),
                Row::Blank => ",,,,,,".to_string() + if season_column { "," } else { "" },
            };
            text.push_str(&line);
            text.push_str(if crlf { "\r\n" } else { "\n" });
        }
    }
    text
}

fn row() -> impl Strategy<Value = Row> {
    let team = 0..CLUBS.len();
    prop_oneof![
        8 => (team.clone(), team.clone(), 0u32..12, 0u32..12)
            .prop_filter("two clubs", |(h, a, _, _)| h != a)
            .prop_map(|(h, a, hg, ag)| Row::Played(h, a, hg, ag)),
        1 => (team.clone(), team).prop_filter("two clubs", |(h, a)| h != a)
            .prop_map(|(h, a)| Row::Unplayed(h, a)),
        1 => Just(Row::Blank),
    ]
}

proptest! {
    /// The fast reading (a plain split when the file allows, the fast path for rows) and the
    /// full reading by the `csv` crate agree on every file they both read, and on which files
    /// they refuse.
    #[test]
    fn rows_read_fast_give_the_same_competition(
        seasons in proptest::collection::vec(proptest::collection::vec(row(), 1..40), 1..4),
        season_column in any::<bool>(),
        quotes in any::<bool>(),
        crlf in any::<bool>(),
        dates in any::<bool>(),
    ) {
        let text = csv(&seasons, season_column, quotes, crlf);
        // The same file with a quoted header column: read by the `csv` crate, never split
        // plainly, whichever reading.
        let by_crate = Source::new("s.csv", text.replacen("Div", "\"Div\"", 1));
        let source = Source::new("s.csv", text);
        let fast = football_data::parse_once(&source, Spans::Skip, dates);
        let full = football_data::parse_once(&by_crate, Spans::Keep, dates);
        match (fast, full) {
            (Ok(fast), Ok(full)) => {
                prop_assert_eq!(fast.1, full.1);
                prop_assert_eq!(&fast.0.groups, &full.0.groups);
                // The full reading knows each match's place; the fast one none.
                for g in &full.0.groups {
                    prop_assert_eq!(g.spans.matches.len(), g.matches.len());
                    // A date for every match when dates are read, none otherwise.
                    let dated = if dates { g.matches.len() } else { 0 };
                    prop_assert_eq!(g.schedule.dates.len(), dated);
                }
            }
            // The fast reading may find a problem less precisely: `parse` then reads in full.
            (Err(_), Err(_)) => {}
            (fast, full) => prop_assert!(false, "fast {:?}, full {:?}", fast.is_ok(), full.is_ok()),
        }
    }
}

/// Many seasons of 20 clubs, each a double round robin, as one CSV text of about `bytes`,
/// each row with `notes` bytes of a column no reader needs.
fn history(bytes: usize, notes: usize) -> String {
    let clubs: Vec<String> = (0..20).map(|i| format!("Club {i:02}")).collect();
    let note = "n".repeat(notes);
    let mut text = String::from("Div,Season,HomeTeam,AwayTeam,FTHG,FTAG,Notes\n");
    let mut season = 0;
    while text.len() < bytes {
        for (h, home) in clubs.iter().enumerate() {
            for (a, away) in clubs.iter().enumerate() {
                if h != a {
                    let (hg, ag) = ((h * 7 + a * 3 + season) % 5, (h + a * 5 + season) % 4);
                    text.push_str(&format!("E0,{season},{home},{away},{hg},{ag},{note}\n"));
                }
            }
        }
        season += 1;
    }
    text
}

#[test]
fn a_mapped_file_reads_as_the_same_text_in_memory() {
    // Over the size at which a results file is mapped rather than read (1 MiB).
    let text = history(3 << 20, 0);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("history.csv");
    std::fs::write(&path, &text).unwrap();
    let mapped = Source::read_any_size(&path).unwrap();
    assert!(mapped.text.is_mapped(), "a 3 MiB results file is mapped");
    let whole = Source::new(&path, text);
    let (from_disk, unplayed) = football_data::parse(&mapped, Spans::Skip).unwrap();
    let (from_memory, unplayed_too) = football_data::parse(&whole, Spans::Skip).unwrap();
    assert_eq!(unplayed, unplayed_too);
    assert!(from_disk.groups.len() > 20, "{}", from_disk.groups.len());
    assert_eq!(from_disk.groups, from_memory.groups);
}

#[test]
fn a_results_file_over_the_limit_of_hand_written_files_is_read() {
    // 33 MiB: over the 32 MiB limit, which stays for data files and season summaries (long
    // rows keep the number of matches, and the test's time, small).
    let text = history(33 << 20, 4000);
    let seasons = text
        .lines()
        .skip(1)
        .filter_map(|l| l.split(',').nth(1))
        .last();
    let seasons: usize = seasons.unwrap().parse::<usize>().unwrap() + 1;
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("history.csv");
    std::fs::write(&csv, &text).unwrap();
    let rules = concat!(env!("CARGO_MANIFEST_DIR"), "/rules/premier-league.toml");
    let out = assert_cmd::Command::cargo_bin("standings")
        .unwrap()
        .args([
            "table",
            csv.to_str().unwrap(),
            "--rules",
            rules,
            "--format",
            "csv",
        ])
        .output()
        .unwrap();
    assert_eq!(String::from_utf8_lossy(&out.stderr), "");
    assert!(out.status.success());
    let stdout = String::from_utf8(out.stdout).unwrap();
    // A header, then 20 rows a season.
    assert_eq!(stdout.lines().count(), 1 + 20 * seasons);
    // The same bytes as a data file are refused: hand-written files stay under the limit.
    let data = dir.path().join("history.toml");
    let mut file = std::fs::File::create(&data).unwrap();
    file.write_all(b"# not a results file\n").unwrap();
    file.write_all(text.as_bytes()).unwrap();
    drop(file);
    let out = assert_cmd::Command::cargo_bin("standings")
        .unwrap()
        .args(["table", data.to_str().unwrap(), "--rules", rules])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("larger than 32 MiB"), "{stderr}");
}

/// Two divisions' seasons with their rows interleaved, a club that first plays late in each
/// season, and blank lines: a file read in parts on several threads has groups that span the
/// parts, and teams that first appear in a later part.
fn interleaved(bytes: usize) -> String {
    let mut text = String::from("Div,Season,Date,HomeTeam,AwayTeam,FTHG,FTAG\n");
    let mut season = 0;
    while text.len() < bytes {
        for (h, a) in (0..18).flat_map(|h| (0..18).map(move |a| (h, a))) {
            if h == a {
                continue;
            }
            for div in ["E0", "E1"] {
                // Club 17 plays only its home matches, the last of the season.
                let (hg, ag) = ((h * 3 + a + season) % 4, (h + a * 7 + season) % 3);
                // A date of the pair's own, so that dates out of step with matches would show.
                let date = format!("{:02}/{:02}/{}", 1 + h, 1 + a % 12, 2000 + season);
                text.push_str(&format!(
                    "{div},{season},{date},{div} club {h},{div} club {a},{hg},{ag}\n"
                ));
            }
            if (h + a) % 50 == 0 {
                text.push('\n');
            }
        }
        season += 1;
    }
    text
}

#[test]
fn a_file_read_in_parts_gives_what_one_reading_gives() {
    // Over the 4 MiB from which a plain file is read in parts, one a thread.
    let source = Source::new("parts.csv", interleaved(5 << 20));
    let (parts, unplayed) = football_data::parse_with(&source, Spans::Skip, true).unwrap();
    let (whole, unplayed_too) = football_data::parse_once(&source, Spans::Keep, true).unwrap();
    assert!(
        parts
            .groups
            .iter()
            .all(|g| g.schedule.dates.len() == g.matches.len()),
        "every match of every part dated"
    );
    assert_eq!(unplayed, unplayed_too);
    assert!(whole.groups.len() > 100, "{}", whole.groups.len());
    assert_eq!(parts.groups, whole.groups);
    let lines: Vec<_> = parts.groups.iter().map(|g| g.line).collect();
    let lines_too: Vec<_> = whole.groups.iter().map(|g| g.line).collect();
    assert_eq!(lines, lines_too);
}

/// A row after empty lines is placed at its own line, whichever reading finds its problem (the
/// `csv` crate places such a record at the first empty line before it).
#[rstest::rstest]
#[case::plain("Div,HomeTeam,AwayTeam,FTHG,FTAG\nX,A,B,1,0\n\nX,B,A,1,x\n")]
#[case::crlf("Div,HomeTeam,AwayTeam,FTHG,FTAG\r\nX,A,B,1,0\r\n\r\nX,B,A,1,x\r\n")]
#[case::quoted("Div,HomeTeam,AwayTeam,FTHG,\"FTAG\"\nX,A,B,1,0\n\n\nX,B,A,1,x\n")]
fn an_error_after_empty_lines_is_at_its_row(#[case] text: &str) {
    let source = Source::new("blank.csv", text);
    let error = football_data::parse(&source, Spans::Skip).unwrap_err();
    let at = error.location().unwrap();
    let row = text
        .lines()
        .position(|l| l.ends_with(",x") || l.ends_with(",x\r"));
    assert_eq!((at.line, at.column), (row.unwrap() + 1, 9), "{error}");
}

/// A bad byte's column is counted without a byte-order mark, whether the file is read whole
/// or mapped.
#[test]
fn a_bad_byte_after_a_byte_order_mark_is_at_the_same_column_either_way() {
    let mut bytes = b"\xef\xbb\xbfDiv,Ho\xffmeTeam".to_vec();
    let whole = Source::from_bytes(std::path::Path::new("bom.csv"), bytes.clone()).unwrap_err();
    bytes.extend(std::iter::repeat_n(b'\n', 2 << 20));
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bom.csv");
    std::fs::write(&path, &bytes).unwrap();
    let mapped = Source::read_any_size(&path).unwrap_err();
    let place = |d: &standings::diagnostic::Diagnostic| {
        let at = d.location().unwrap();
        (at.line, at.column)
    };
    assert_eq!(place(&whole), (1, 7));
    assert_eq!(place(&mapped), (1, 7));
}

/// Empty lines before the header are skipped, as the `csv` crate skips them: the delimiter is
/// the header's, and a problem in the header is placed on its line.
#[test]
fn empty_lines_before_the_header_are_skipped() {
    let twice = Source::new(
        "twice.csv",
        "\n\nDiv,HomeTeam,AwayTeam,FTHG,FTHG\nX,A,B,1,0\n",
    );
    let error = football_data::parse(&twice, Spans::Skip).unwrap_err();
    let at = error.location().unwrap();
    assert_eq!((at.line, at.column), (3, 28), "{error}");
    let semicolons = Source::new(
        "semi.csv",
        "\r\nDiv;HomeTeam;AwayTeam;FTHG;FTAG\r\nX;A;B;1;0\r\n",
    );
    let (competition, _) = football_data::parse(&semicolons, Spans::Skip).unwrap();
    assert_eq!(competition.groups[0].teams, ["A", "B"]);
}
