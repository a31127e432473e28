//! football-data.co.uk-style CSV: one row per match, a whole league season as one group.
//!
//! Required columns: `HomeTeam`, `AwayTeam`, `FTHG`, `FTAG` (full-time goals). `Div` (the
//! division code) names the group when present; a file holding several divisions gives a
//! group per division. `Season`, when present, splits the rows by season as well: a group per
//! division and season, named `"{Div} {Season}"` (`E0 2019-20`; the season alone without a
//! `Div`). Every other column (dates, odds, statistics)
//! is ignored. A row whose full-time goals are empty is a fixture not yet played and is left
//! out (and counted on standard error); a malformed row is an error at its line and column.

use std::ops::Range;

use crate::diagnostic::{Code, Diagnostic, Source, excerpt};
use crate::model::Competition;

use super::results::{GroupResults, competition};

const REQUIRED: [&str; 4] = ["HomeTeam", "AwayTeam", "FTHG", "FTAG"];

/// Why a pair may meet too often in a file without a `Season` column.
const SEVERAL_SEASONS: &str = "these rows look like several seasons; add a Season column";

/// The separator a header line uses: `;` when its columns are found only that way (a
/// spreadsheet's export in many locales), else `,`.
fn delimiter(first_line: &str) -> Option<u8> {
    [b',', b';'].into_iter().find(|&d| {
        first_line
            .split(d as char)
            .any(|c| c.trim().trim_matches('"').eq_ignore_ascii_case("HomeTeam"))
    })
}

/// Whether the text's first line looks like a football-data header (a `HomeTeam` column, in
/// any case, separated by commas or semicolons).
pub fn looks_like_csv(text: &str) -> bool {
    let first = text
        .lines()
        .next()
        .unwrap_or("")
        .trim_start_matches('\u{feff}');
    delimiter(first).is_some()
}

/// Where each field of one line lies (byte ranges in the line), quotes respected: a quoted
/// field's range includes its quotes.
fn field_spans(line: &str, delimiter: u8) -> Vec<Range<usize>> {
    let bytes = line.as_bytes();
    let mut spans = Vec::new();
    let mut start = 0;
    let mut quoted = false;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if quoted {
            if b == b'"' {
                if bytes.get(i + 1) == Some(&b'"') {
                    i += 1;
                } else {
                    quoted = false;
                }
            }
        } else if b == b'"' && i == start {
            quoted = true;
        } else if b == delimiter {
            spans.push(start..i);
            start = i + 1;
        }
        i += 1;
    }
    spans.push(start..bytes.len());
    spans
}

/// The byte offset of a quote that opens a field and is never closed, if any: without this
/// check the rest of the file would be read as one field.
fn unterminated_quote(text: &str, delimiter: u8) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut field_start = true;
    let mut open: Option<usize> = None;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        match open {
            Some(_) if b == b'"' && bytes.get(i + 1) == Some(&b'"') => i += 1,
            Some(_) if b == b'"' => {
                open = None;
                field_start = false;
            }
            Some(_) => {}
            None if b == b'"' && field_start => open = Some(i),
            None => field_start = b == delimiter || b == b'\n' || b == b'\r',
        }
        i += 1;
    }
    open
}

/// Reads a season. Returns the competition and how many unplayed fixtures were left out.
pub fn parse(source: &Source) -> Result<(Competition, usize), Diagnostic> {
    let text = source.text.trim_start_matches('\u{feff}');
    let bom = source.text.len() - text.len();
    let header_end = text.find('\n').unwrap_or(text.len());
    let header_line = text[..header_end].trim_end_matches('\r');
    let delimiter = delimiter(header_line).unwrap_or(b',');
    if let Some(at) = unterminated_quote(text, delimiter) {
        let at = bom + at;
        return Err(source.error(
            Code::CsvRow,
            at..at + 1,
            "a quote that is never closed; expected a closing `\"` before the end of the field (otherwise the rest of the file would be one field)",
        ));
    }
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
    let headers = reader
        .headers()
        .map_err(|e| {
            source.error(
                Code::CsvHeader,
                bom..bom,
                format!("cannot read the CSV header: {e}"),
            )
        })?
        .clone();
    let header_spans = field_spans(header_line, delimiter);
    let header_at = |i: usize| {
        let span = header_spans
            .get(i)
            .cloned()
            .unwrap_or(header_line.len()..header_line.len());
        bom + span.start..bom + span.end
    };
    let matching = |name: &str| -> Vec<usize> {
        headers
            .iter()
            .enumerate()
            .filter(|(_, h)| h.trim().eq_ignore_ascii_case(name))
            .map(|(i, _)| i)
            .collect()
    };
    for name in REQUIRED.iter().chain(&["Div", "Season"]) {
        if let [first, second, ..] = matching(name)[..] {
            return Err(source
                .error(
                    Code::CsvColumnTwice,
                    header_at(second),
                    format!(
                        "a second {name} column (column {}); expected each column once, as it is not clear which to read",
                        second + 1
                    ),
                )
                .with_label(source.label(header_at(first), format!("the first {name} column"))));
        }
    }
    let column = |name: &str| matching(name).first().copied();
    let missing: Vec<&str> = REQUIRED
        .iter()
        .copied()
        .filter(|c| column(c).is_none())
        .collect();
    if !missing.is_empty() {
        return Err(source.error(
            Code::CsvHeader,
            bom..bom + header_line.len(),
            format!(
                "the header has no {} column; expected at least {}",
                missing.join(", "),
                REQUIRED.join(", ")
            ),
        ));
    }
    let [home, away, hg, ag] = REQUIRED.map(|c| column(c).expect("checked above"));
    let div = column("Div");
    let season = column("Season");
    let last_needed = [home, away, hg, ag]
        .into_iter()
        .chain(div)
        .chain(season)
        .max()
        .expect("four columns");

    let mut groups: Vec<GroupResults> = Vec::new();
    // The season of each group, by index into `groups`, when the file has a Season column.
    let mut seasons: Vec<Option<String>> = Vec::new();
    let mut by_div = rustc_hash::FxHashMap::<String, usize>::default();
    let mut unplayed = 0;
    // One record, reused for every row: a million rows need no million allocations.
    let mut row = csv::StringRecord::new();
    // A group's name of division and season, rebuilt in place for each row.
    let mut joined = String::new();
    loop {
        let more = reader.read_record(&mut row).map_err(|e| {
            let at = e.position().map_or(0, |p| p.byte() as usize) + bom;
            source.error(
                Code::CsvRow,
                at..at,
                format!("cannot read the CSV row: {e}"),
            )
        })?;
        if !more {
            break;
        }
        let position = row
            .position()
            .expect("records read from text have positions");
        let start = bom + position.byte() as usize;
        let line_end = source.text[start..]
            .find('\n')
            .map_or(source.text.len(), |i| start + i);
        let line = source.text[start..line_end].trim_end_matches('\r');
        let line_end = start + line.len();
        if row.iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        let spans = field_spans(line, delimiter);
        let field_at = |i: usize| -> Range<usize> {
            spans
                .get(i)
                .map_or(line_end..line_end, |s| start + s.start..start + s.end)
        };
        if row.len() <= last_needed {
            return Err(source.error(
                Code::CsvRow,
                line_end..line_end,
                format!(
                    "a row with missing fields: it ends after {} field(s), before its {} column (column {}); expected a field for every column up to {}",
                    row.len(),
                    &headers[row.len()],
                    row.len() + 1,
                    &headers[last_needed]
                ),
            ));
        }
        let get = |i: usize| row.get(i).unwrap_or("").trim();
        for (i, what) in [
            (Some(home), "HomeTeam"),
            (Some(away), "AwayTeam"),
            (div, "Div"),
            (season, "Season"),
        ] {
            if let Some(i) = i {
                super::control::check(source, get(i), field_at(i), what)?;
            }
        }
        let row_season = match season {
            Some(i) if get(i).is_empty() => {
                return Err(source.error(
                    Code::CsvSeason,
                    field_at(i),
                    "an empty Season; expected the season this row belongs to, such as 2019-20, as the file has a Season column",
                ));
            }
            Some(i) => Some(get(i)),
            None => None,
        };
        let division = div.map(get).filter(|d| !d.is_empty());
        let name = match (division, row_season) {
            (Some(d), Some(s)) => {
                joined.clear();
                joined.extend([d, " ", s]);
                joined.as_str()
            }
            (None, Some(s)) => s,
            (Some(d), None) => d,
            (None, None) => "League",
        };
        let index = match by_div.get(name) {
            // The same name from another division and season (Div `E0 A`, Season `B` and Div
            // `E0`, Season `A B`) would pool two groups' matches.
            Some(&i) if seasons[i].as_deref() != row_season => {
                let at = season.map_or(start..line_end, field_at);
                return Err(source.error(
                    Code::CsvRow,
                    at,
                    format!(
                        "this row's Div and Season name the group \"{}\", as rows of another division and season (from line {}) do; expected divisions and seasons that name their groups apart",
                        crate::diagnostic::excerpt(name),
                        groups[i].line()
                    ),
                ));
            }
            Some(&i) => i,
            None => {
                by_div.insert(name.to_string(), groups.len());
                groups.push(GroupResults::new(name, position.line() as usize));
                seasons.push(row_season.map(str::to_string));
                groups.len() - 1
            }
        };
        let g = &mut groups[index];
        let sides = ((get(home), field_at(home)), (get(away), field_at(away)));
        if get(hg).is_empty() && get(ag).is_empty() {
            unplayed += 1;
            g.fixture(source, sides.0, sides.1, start..line_end)?;
            continue;
        }
        let goals = |i: usize| -> Result<u32, Diagnostic> {
            get(i).parse::<u32>().map_err(|_| {
                source.error(
                    Code::Goals,
                    field_at(i),
                    format!(
                        "\"{}\" in {} is not a number of goals; expected a whole number",
                        excerpt(get(i)),
                        &headers[i]
                    ),
                )
            })
        };
        let (h, a) = (goals(hg)?, goals(ag)?);
        g.add(source, sides, (h, a), start..line_end)?;
    }
    if groups.is_empty() {
        return Err(source.error_whole(
            Code::NoResults,
            "no results in the file; expected one row per match after the header",
        ));
    }
    let groups: Vec<_> = groups
        .into_iter()
        .zip(seasons)
        .map(|(g, season)| {
            let mut group = g.finish();
            group.spans.meetings_hint = season.is_none().then_some(SEVERAL_SEASONS);
            group.spans.season = season;
            group
        })
        .collect();
    let name = match groups.as_slice() {
        [one] => format!("{} season", one.name),
        _ => source
            .path
            .file_stem()
            .map_or("football-data results".to_string(), |s| {
                s.to_string_lossy().into_owned()
            }),
    };
    Ok((competition(name, source, groups), unplayed))
}
