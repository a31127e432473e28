//! football-data.co.uk-style CSV: one row per match, a whole league season as one group.
//!
//! Required columns: `HomeTeam`, `AwayTeam`, `FTHG`, `FTAG` (full-time goals). `Div` (the
//! division code) names the group when present; a file holding several divisions gives a
//! group per division. Every other column (dates, odds, statistics)
//! is ignored. A row whose full-time goals are empty is a fixture not yet played and is left
//! out (and counted on standard error); a malformed row is an error at its line and column.

use crate::diagnostic::{Code, Diagnostic, Source};
use crate::model::Competition;

use super::results::{GroupResults, competition};

const REQUIRED: [&str; 4] = ["HomeTeam", "AwayTeam", "FTHG", "FTAG"];

/// Whether the text's first line looks like a football-data header.
pub fn looks_like_csv(text: &str) -> bool {
    let first = text
        .lines()
        .next()
        .unwrap_or("")
        .trim_start_matches('\u{feff}');
    first.contains(',') && first.split(',').any(|c| c.trim() == "HomeTeam")
}

/// Reads a season. Returns the competition and how many unplayed fixtures were left out.
pub fn parse(source: &Source) -> Result<(Competition, usize), Diagnostic> {
    let text = source.text.trim_start_matches('\u{feff}');
    let bom = source.text.len() - text.len();
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
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
    let column = |name: &str| headers.iter().position(|h| h.trim() == name);
    let missing: Vec<&str> = REQUIRED
        .iter()
        .copied()
        .filter(|c| column(c).is_none())
        .collect();
    if !missing.is_empty() {
        let line_end = text.find('\n').unwrap_or(text.len());
        return Err(source.error(
            Code::CsvHeader,
            bom..bom + line_end,
            format!(
                "the header has no {} column; expected at least {}",
                missing.join(", "),
                REQUIRED.join(", ")
            ),
        ));
    }
    let [home, away, hg, ag] = REQUIRED.map(|c| column(c).expect("checked above"));
    let div = column("Div");

    let mut groups: Vec<GroupResults> = Vec::new();
    let mut by_div = rustc_hash::FxHashMap::<String, usize>::default();
    let mut unplayed = 0;
    // One record, reused for every row: a million rows need no million allocations.
    let mut row = csv::StringRecord::new();
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
        let field_at = |i: usize| -> std::ops::Range<usize> {
            // The field's place in the line, for messages (unquoted fields are exact).
            let line = &source.text[start..line_end];
            let offset: usize = line.split(',').take(i).map(|f| f.len() + 1).sum();
            let len = line.split(',').nth(i).map_or(0, str::len);
            (start + offset).min(line_end)..(start + offset + len).min(line_end)
        };
        if row.iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        let get = |i: usize| row.get(i).unwrap_or("").trim();
        for (i, what) in [
            (Some(home), "HomeTeam"),
            (Some(away), "AwayTeam"),
            (div, "Div"),
        ] {
            if let Some(i) = i {
                super::control::check(source, get(i), field_at(i), what)?;
            }
        }
        let name = div.map(get).filter(|d| !d.is_empty()).unwrap_or("League");
        let index = match by_div.get(name) {
            Some(&i) => i,
            None => {
                by_div.insert(name.to_string(), groups.len());
                groups.push(GroupResults::new(name, position.line() as usize));
                groups.len() - 1
            }
        };
        let g = &mut groups[index];
        if get(hg).is_empty() && get(ag).is_empty() {
            unplayed += 1;
            g.fixture(get(home), get(away));
            continue;
        }
        let goals = |i: usize| -> Result<u32, Diagnostic> {
            get(i).parse::<u32>().map_err(|_| {
                source.error(
                    Code::Goals,
                    field_at(i),
                    format!(
                        "\"{}\" in {} is not a number of goals; expected a whole number",
                        get(i),
                        &headers[i]
                    ),
                )
            })
        };
        let (h, a) = (goals(hg)?, goals(ag)?);
        g.add(source, (get(home), get(away)), (h, a), start..line_end)?;
    }
    if groups.is_empty() {
        return Err(source.error_whole(
            Code::NoResults,
            "no results in the file; expected one row per match after the header",
        ));
    }
    let groups: Vec<_> = groups.into_iter().map(GroupResults::finish).collect();
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
