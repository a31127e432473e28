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

use super::results::{GroupResults, Spans, competition};

mod fast;
mod rows;

use fast::{
    AWAY, AWAY_GOALS, DATE, DIV, FAST_COLUMNS, Fields, HOME, HOME_GOALS, Recent, SEASON, UNUSED,
    fast_row,
};
use rows::{Next, Rows};

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
fn field_spans(line: &str, delimiter: u8, limit: usize) -> Vec<Range<usize>> {
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
            if spans.len() == limit {
                return spans;
            }
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

/// How many rows are read between telling a mapped file's text which part is done with
/// ([`crate::diagnostic::Text::done_with`]).
const RELEASE_EVERY: usize = 1 << 12;

/// Where the columns a reader needs are, by index.
#[derive(Clone, Copy)]
struct Columns {
    home: usize,
    away: usize,
    home_goals: usize,
    away_goals: usize,
    div: Option<usize>,
    season: Option<usize>,
    /// The `Date` column, when dates are read.
    date: Option<usize>,
    /// The last of them: a row needs at least this many fields, plus one.
    last_needed: usize,
    /// The role ([`HOME`] … [`SEASON`]) each of the first [`FAST_COLUMNS`] columns is read
    /// for, or [`UNUSED`].
    slot_of: [u8; FAST_COLUMNS],
}

impl Columns {
    /// The columns read, with the role of each.
    fn new(
        [home, away, home_goals, away_goals]: [usize; 4],
        div: Option<usize>,
        season: Option<usize>,
        date: Option<usize>,
    ) -> Columns {
        let mut slot_of = [UNUSED; FAST_COLUMNS];
        let roles = [
            (Some(home), HOME),
            (Some(away), AWAY),
            (Some(home_goals), HOME_GOALS),
            (Some(away_goals), AWAY_GOALS),
            (div, DIV),
            (season, SEASON),
            (date, DATE),
        ];
        for (column, role) in roles {
            if let Some(slot) = column.and_then(|c| slot_of.get_mut(c)) {
                *slot = role as u8;
            }
        }
        let last_needed = [home, away, home_goals, away_goals]
            .into_iter()
            .chain(div)
            .chain(season)
            .chain(date)
            .max()
            .unwrap_or(0);
        Columns {
            home,
            away,
            home_goals,
            away_goals,
            div,
            season,
            date,
            last_needed,
            slot_of,
        }
    }
}

/// What [`read_rows`] needs besides the rows: the file, its header and how to read it.
struct Context<'a> {
    source: &'a Source,
    /// Bytes of a byte-order mark before the text the rows are read from.
    bom: usize,
    headers: &'a csv::StringRecord,
    columns: Columns,
    delimiter: u8,
    spans: Spans,
}

/// The groups read from some rows of a file, in order of first appearance.
struct Part {
    groups: Vec<GroupResults>,
    /// The season of each group, by index into `groups`, when the file has a Season column.
    seasons: Vec<Option<String>>,
    /// Each group's index by name.
    by_div: rustc_hash::FxHashMap<String, usize>,
    /// Fixtures without a score.
    unplayed: usize,
    /// Lines read (the next part's lines count on from here).
    lines: u64,
}

/// The smallest file (in bytes) read in parts on several threads.
const PARALLEL_FROM: usize = 4 << 20;

/// Reads a plain file's rows from byte `at` (line `line`) in as many parts as there are
/// threads, each from a line break to a line break, and joins them as one reading in order
/// would: a group found in several parts keeps its first part's place, and its teams in order
/// of first appearance. A part that finds a problem, or a join that does (two spellings of a
/// team across parts), fails the whole fast reading, which is then done again in full.
fn read_in_parts(
    context: &Context<'_>,
    text: &[u8],
    at: usize,
    line: u64,
) -> Result<Part, Diagnostic> {
    use rayon::prelude::*;
    let threads = rayon::current_num_threads().min((text.len() - at) / (PARALLEL_FROM / 2));
    let mut bounds = vec![at];
    for k in 1..threads {
        let guess = at + (text.len() - at) * k / threads;
        let from = (*bounds.last().unwrap_or(&at)).max(guess);
        if let Some(i) = memchr::memchr(b'\n', &text[from..]) {
            bounds.push(from + i + 1);
        }
    }
    bounds.push(text.len());
    bounds.dedup();
    let parts: Vec<Part> = bounds
        .windows(2)
        .enumerate()
        .collect::<Vec<_>>()
        .into_par_iter()
        .map(|(k, range)| {
            let rows = Rows::Plain {
                text: &text[..range[1]],
                at: range[0],
                // Later parts count lines from 1; the join moves them on.
                line: if k == 0 { line } else { 1 },
                delimiter: context.delimiter,
            };
            read_rows(context, rows)
        })
        .collect::<Result<_, _>>()?;
    let mut parts = parts.into_iter();
    let mut joined = parts.next().expect("at least one part");
    let mut next_line = line + joined.lines;
    for part in parts {
        for (mut group, season) in part.groups.into_iter().zip(part.seasons) {
            group.move_lines(next_line - 1);
            match joined.by_div.get(group.name()) {
                Some(&i) if joined.seasons[i] != season => {
                    return Err(context.source.error_whole(
                        Code::CsvRow,
                        "a group's name from two divisions and seasons",
                    ));
                }
                Some(&i) => joined.groups[i].absorb(context.source, group)?,
                None => {
                    joined
                        .by_div
                        .insert(group.name().to_string(), joined.groups.len());
                    joined.groups.push(group);
                    joined.seasons.push(season);
                }
            }
        }
        joined.unplayed += part.unplayed;
        next_line += part.lines;
    }
    Ok(joined)
}

/// Reads `rows` into groups: the rows of a whole file, or of one part of it.
fn read_rows(context: &Context<'_>, mut rows: Rows<'_>) -> Result<Part, Diagnostic> {
    let Context {
        source,
        bom,
        headers,
        columns,
        delimiter,
        spans,
    } = *context;
    let Columns {
        home,
        away,
        home_goals: hg,
        away_goals: ag,
        div,
        season,
        date,
        last_needed,
        ..
    } = columns;
    let first_line = rows.line();
    // Where the rows begin: the text before is another part's to release.
    let mut released = rows.offset();
    let mut groups: Vec<GroupResults> = Vec::new();
    // The season of each group, by index into `groups`, when the file has a Season column.
    let mut seasons: Vec<Option<String>> = Vec::new();
    let mut by_div = rustc_hash::FxHashMap::<String, usize>::default();
    let mut unplayed = 0;
    // One record, reused for every row: a million rows need no million allocations.
    let mut row = csv::ByteRecord::new();
    // A group's name of division and season, rebuilt in place for each row.
    let mut joined = String::new();
    // The group of the last row read in full, and its Div and Season as written (trimmed).
    let mut recent = Recent::default();
    // How far the text has been read since the reader last said it was done with it.
    let mut since_release = 0usize;
    loop {
        let next = rows.next(&mut row).map_err(|e| {
            let at = e.position().map_or(0, |p| p.byte() as usize) + bom;
            source.error(
                Code::CsvRow,
                at..at,
                format!("cannot read the CSV row: {e}"),
            )
        })?;
        let Some(next) = next else {
            break;
        };
        since_release += 1;
        if since_release == RELEASE_EVERY {
            since_release = 0;
            let at = rows.offset();
            source.text.done_with(bom + released..bom + at);
            released = at;
        }
        if spans == Spans::Skip {
            let fields = match &next {
                Next::Record => Fields::of_record(&row, &columns),
                Next::Line { content, .. } => Fields::of_line(content, rows.delimiter(), &columns),
            };
            if let Some(fields) = fields
                && let Some(index) = recent.find(&fields, &columns)
                && fast_row(&fields, &columns, &mut groups[index])
            {
                continue;
            }
        }
        rows.split_into(&next, &mut row, last_needed + 1);
        let position = row
            .position()
            .expect("records read from text have positions");
        // The `csv` crate places a record that follows empty lines at the first of them.
        let (mut start, mut line_no) = (bom + position.byte() as usize, position.line() as usize);
        while let Some(&b) = source.text.as_bytes().get(start)
            && (b == b'\n' || b == b'\r')
        {
            line_no += usize::from(b == b'\n');
            start += 1;
        }
        let line_end = source.text[start..]
            .find('\n')
            .map_or(source.text.len(), |i| start + i);
        let line = source.text[start..line_end].trim_end_matches('\r');
        let line_end = start + line.len();
        // Spans of the fields read, not of every field of a line of millions.
        let spans_of_fields = field_spans(line, delimiter, last_needed + 1);
        let field_at = |i: usize| -> Range<usize> {
            spans_of_fields
                .get(i)
                .map_or(line_end..line_end, |s| start + s.start..start + s.end)
        };
        // The bytes of a field are text: the file is UTF-8, and a field is part of it.
        let field = |i: usize| -> Result<&str, Diagnostic> {
            std::str::from_utf8(row.get(i).unwrap_or(b"")).map_err(|_| {
                source.error(
                    Code::CsvRow,
                    field_at(i),
                    "a field that is not UTF-8 text; expected text",
                )
            })
        };
        let mut all_empty = true;
        for i in 0..row.len() {
            all_empty &= field(i)?.trim().is_empty();
        }
        if all_empty {
            continue;
        }
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
        let get = |i: usize| field(i).map(str::trim);
        for (i, what) in [
            (Some(home), "HomeTeam"),
            (Some(away), "AwayTeam"),
            (div, "Div"),
            (season, "Season"),
            (date, "Date"),
        ] {
            if let Some(i) = i {
                super::control::check(source, get(i)?, field_at(i), what)?;
            }
        }
        let row_season = match season {
            Some(i) if get(i)?.is_empty() => {
                return Err(source.error(
                    Code::CsvSeason,
                    field_at(i),
                    "an empty Season; expected the season this row belongs to, such as 2019-20, as the file has a Season column",
                ));
            }
            Some(i) => Some(get(i)?),
            None => None,
        };
        let division = div.map(get).transpose()?.filter(|d| !d.is_empty());
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
            Some(&i) => {
                groups[i].reopen(source);
                i
            }
            None => {
                // A new group: the last one read may be complete (a season of a file of
                // seasons in order), and need not keep its index of names.
                if spans == Spans::Skip
                    && let Some(latest) = recent.latest()
                {
                    groups[latest].compact();
                }
                by_div.insert(name.to_string(), groups.len());
                // Seasons are alike: the last group's size is the next one's best guess.
                let expected = groups.last().map_or(0, GroupResults::len);
                groups.push(GroupResults::new(name, line_no, spans, expected));
                seasons.push(row_season.map(str::to_string));
                groups.len() - 1
            }
        };
        recent.set(
            index,
            div.map(get).transpose()?.unwrap_or(""),
            row_season.unwrap_or(""),
        );
        let g = &mut groups[index];
        let sides = ((get(home)?, field_at(home)), (get(away)?, field_at(away)));
        let day = || -> Result<_, Diagnostic> {
            Ok(match date {
            Some(i) => Some(self::date(get(i)?.as_bytes()).ok_or_else(|| {
                source.error(
                    Code::CsvDate,
                    field_at(i),
                    format!(
                        "\"{}\" in Date is not a date; expected the day the match was played as football-data writes it, dd/mm/yy or dd/mm/yyyy (\"10/08/2019\")",
                        excerpt(get(i).unwrap_or_default())
                    ),
                )
            })?),
            None => None,
        })
        };
        if get(hg)?.is_empty() && get(ag)?.is_empty() {
            unplayed += 1;
            // A fixture's date is kept when it reads; one that does not is no error (a fixture
            // never was), the fixture is kept without it.
            let day = day().ok().flatten();
            g.fixture(source, sides.0, sides.1, start..line_end, (day, None))?;
            continue;
        }
        let goals = |i: usize| -> Result<u32, Diagnostic> {
            let written = get(i)?;
            written.parse::<u32>().map_err(|_| {
                source.error(
                    Code::Goals,
                    field_at(i),
                    format!(
                        "\"{}\" in {} is not a number of goals; expected a whole number",
                        excerpt(written),
                        &headers[i]
                    ),
                )
            })
        };
        let (h, a) = (goals(hg)?, goals(ag)?);
        let day = day()?;
        g.add(source, sides, (h, a), start..line_end)?;
        g.when(day, None);
    }
    Ok(Part {
        groups,
        seasons,
        by_div,
        unplayed,
        lines: rows.line() - first_line,
    })
}

/// A date as football-data writes it: `dd/mm/yyyy`, or `dd/mm/yy` in older files (a year
/// from 1969 to 2068, as `jiff`'s `%y` reads it), day and month of one or two digits.
pub fn date(written: &[u8]) -> Option<jiff::civil::Date> {
    let text = std::str::from_utf8(written).ok()?.trim();
    let year = text.rsplit('/').next()?;
    let format = match year.len() {
        4 => "%d/%m/%Y",
        2 => "%d/%m/%y",
        _ => return None,
    };
    if text.split('/').count() != 3 || !text.bytes().all(|b| b.is_ascii_digit() || b == b'/') {
        return None;
    }
    jiff::civil::Date::strptime(format, text).ok()
}

/// Reads a season without its dates: [`parse_with`].
pub fn parse(source: &Source, spans: Spans) -> Result<(Competition, usize), Diagnostic> {
    parse_with(source, spans, false)
}

/// Reads a season. Returns the competition and how many unplayed fixtures were left out.
///
/// Rows of the usual kind (a group read recently, two teams it has, plain numbers of goals,
/// printable ASCII) go through a fast path (`fast_row`); any other row, and every row when
/// `spans` is [`Spans::Keep`], through the full reading that checks and locates everything.
/// Both give the same match; a problem found by the fast reading has the file read in full.
/// Each match's date is read from the `Date` column when `dates` says so (an error when the
/// file has none is the caller's: the groups then have no dates).
pub fn parse_with(
    source: &Source,
    spans: Spans,
    dates: bool,
) -> Result<(Competition, usize), Diagnostic> {
    match parse_once(source, spans, dates) {
        // The fast reading finds a problem; the full one says exactly what and where.
        Err(_) if spans == Spans::Skip => parse_once(source, Spans::Keep, dates),
        read => read,
    }
}

/// [`parse_with`] in one pass, without reading again when the fast reading finds a problem:
/// the two readings compared in tests.
pub fn parse_once(
    source: &Source,
    spans: Spans,
    dates: bool,
) -> Result<(Competition, usize), Diagnostic> {
    let text = source.text.trim_start_matches('\u{feff}');
    let bom = source.text.len() - text.len();
    // Empty lines before the header are skipped, as the `csv` crate skips them.
    let lead = text.len() - text.trim_start_matches(['\n', '\r']).len();
    let header_end = text[lead..].find('\n').map_or(text.len(), |i| lead + i);
    let header_line = text[lead..header_end].trim_end_matches('\r');
    let delimiter = delimiter(header_line).unwrap_or(b',');
    // Only a file with a quote can hold one never closed: most have none.
    let quoted = source
        .text
        .any_stretch(|bytes, _| memchr::memchr(b'"', bytes).is_some());
    if quoted && let Some(at) = unterminated_quote(text, delimiter) {
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
                bom + lead..bom + lead,
                format!("cannot read the CSV header: {e}"),
            )
        })?
        .clone();
    // A carriage return not before a line break ends a record for the `csv` crate.
    let lone_return = source.text.any_stretch(|bytes, after| {
        memchr::memchr_iter(b'\r', bytes)
            .any(|i| bytes.get(i + 1).or(after.first()) != Some(&b'\n'))
    });
    let plain = !quoted && !lone_return;
    let rows = Rows::new(reader, text, delimiter, plain);
    let header_spans = field_spans(header_line, delimiter, usize::MAX);
    let header_at = |i: usize| {
        let span = header_spans
            .get(i)
            .cloned()
            .unwrap_or(header_line.len()..header_line.len());
        bom + lead + span.start..bom + lead + span.end
    };
    let matching = |name: &str| -> Vec<usize> {
        headers
            .iter()
            .enumerate()
            .filter(|(_, h)| h.trim().eq_ignore_ascii_case(name))
            .map(|(i, _)| i)
            .collect()
    };
    let read_date: &[&str] = if dates { &["Date"] } else { &[] };
    for name in REQUIRED.iter().chain(&["Div", "Season"]).chain(read_date) {
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
            bom + lead..bom + lead + header_line.len(),
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
    let date = column("Date").filter(|_| dates);
    let columns = Columns::new([home, away, hg, ag], div, season, date);
    let context = Context {
        source,
        bom,
        headers: &headers,
        columns,
        delimiter,
        spans,
    };
    let Part {
        groups,
        seasons,
        unplayed,
        ..
    } = match rows {
        Rows::Plain { text, at, line, .. }
            if text.len() - at >= PARALLEL_FROM && rayon::current_num_threads() > 1 =>
        {
            read_in_parts(&context, text, at, line)?
        }
        rows => read_rows(&context, rows)?,
    };
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

#[cfg(test)]
mod tests {
    use super::*;
    use pretty_assertions::assert_eq;
    use rstest::rstest;

    #[rstest]
    #[case::four_digit_year("10/08/2019", Some("2019-08-10"))]
    #[case::two_digit_year("10/08/19", Some("2019-08-10"))]
    // `%y`: 69 to 99 are 1969 to 1999, 00 to 68 are 2000 to 2068 (football-data's oldest
    // seasons, 1993–94 on, wrote two digits).
    #[case::nineties("13/08/93", Some("1993-08-13"))]
    #[case::sixty_eight("01/01/68", Some("2068-01-01"))]
    #[case::sixty_nine("01/01/69", Some("1969-01-01"))]
    #[case::one_digit_day_and_month("1/8/2020", Some("2020-08-01"))]
    #[case::spaces_around(" 10/08/2019 ", Some("2019-08-10"))]
    #[case::leap_day("29/02/2020", Some("2020-02-29"))]
    #[case::not_a_leap_year("29/02/2019", None)]
    #[case::month_first("08/31/2019", None)]
    #[case::iso("2019-08-10", None)]
    #[case::three_digit_year("10/08/201", None)]
    #[case::no_year("10/08", None)]
    #[case::four_parts("10/08/20/19", None)]
    #[case::sign("+1/08/2019", None)]
    #[case::time_after("10/08/2019 15:00", None)]
    #[case::empty("", None)]
    #[case::words("Saturday", None)]
    fn football_data_dates(#[case] written: &str, #[case] expected: Option<&str>) {
        let parsed = date(written.as_bytes()).map(|d| d.to_string());
        assert_eq!(parsed.as_deref(), expected);
    }
}
