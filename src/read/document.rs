//! The plain-text season summaries that football records are published as.
//!
//! ```text
//! = 2003–04 Coppa Italia =             the title: the competition's name
//! Infobox                              facts, one `- Key: Value` line each, up to a blank line
//! - Num Teams: 48
//! ===Group 1===                        a group section (any heading `Group X`)
//! | Team #1 | Team #2 | Results |      its match table: header, then one row per match
//! | Como | Pro Patria | 0–3 to forfeit |
//! ==Final==                            `X won 4–2 on aggregate.` is the final's result
//! ```
//! Result cells are a score (en dash or hyphen) with an optional note: `to forfeit` (the side
//! with fewer goals did not play) or `to both from forfeit` (neither side played). Everything
//! else (prose, other tables, other infobox keys) is not part of the data model and is not read;
//! `docs/documents.md` lists exactly what is. Every malformed line that is read is an error at
//! its line and column.

use std::ops::Range;

use super::match_text::parse_score;
use super::name::{Spellings, normalise};
use crate::diagnostic::{Code, Diagnostic, Source, closest, excerpt};
use crate::model::{
    Competition, CompetitionRecord, FinalResult, Forfeit, Group, GroupRecord, GroupSpans, Line,
    Match, Outcome, Recorded, TeamId,
};

const HEADER: [&str; 3] = ["Team #1", "Team #2", "Results"];
const HEADER_TEXT: &str = "| Team #1 | Team #2 | Results |";

/// Whether text looks like a season summary: its first line of content is a `= Title =`.
pub fn looks_like_document(text: &str) -> bool {
    text.lines()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .is_some_and(|l| l.starts_with('=') && l.ends_with('=') && l.len() > 2)
}

/// One row of a group's match table, before the group is complete.
struct Row {
    home: TeamId,
    away: TeamId,
    outcome: Outcome,
    /// For a forfeit, the score the document wrote (validation compares it with the rules).
    written: Option<([u32; 2], Range<usize>)>,
    at: Range<usize>,
}

/// A group section being read.
struct GroupBuilder {
    name: String,
    heading_at: Range<usize>,
    teams: Vec<String>,
    /// Each team's index into `teams`, by name.
    index: rustc_hash::FxHashMap<String, usize>,
    /// Per team: rows it appears in, and where it first appears.
    seen: Vec<(usize, Range<usize>)>,
    rows: Vec<Row>,
    header_seen: bool,
    spellings: Spellings,
}

impl GroupBuilder {
    /// The team `name` (normalised) is, added at its first appearance.
    fn team(
        &mut self,
        source: &Source,
        name: &str,
        at: Range<usize>,
    ) -> Result<TeamId, Diagnostic> {
        let name = normalise(name);
        Ok(match self.index.get(name.as_ref()) {
            Some(&i) => {
                self.seen[i].0 += 1;
                TeamId::new(i)
            }
            None => {
                // A tab is whitespace in a summary's line, never part of a name.
                super::control::check(source, &name, at.clone(), "the team name")?;
                self.spellings.add(source, &self.name, &name, at.clone())?;
                self.index.insert(name.to_string(), self.teams.len());
                self.teams.push(name.into_owned());
                self.seen.push((1, at));
                TeamId::new(self.teams.len() - 1)
            }
        })
    }
}

#[derive(PartialEq)]
enum Section {
    Other,
    Infobox,
    Final(usize),
}

struct Reader<'a> {
    source: &'a Source,
    title: Option<String>,
    record: CompetitionRecord,
    groups: Vec<Group>,
    group: Option<GroupBuilder>,
    section: Section,
    /// The last heading below the title, and where: a match table under it that is not a
    /// group section is named by it.
    heading: Option<(String, Range<usize>)>,
}

/// Reads a season summary. Forfeit scores as written and pairings are kept for validation,
/// which compares them with the rule file's `forfeit.score` and `group.meetings`.
pub fn parse(source: &Source) -> Result<Competition, Diagnostic> {
    let mut reader = Reader {
        source,
        title: None,
        record: CompetitionRecord::default(),
        groups: Vec::new(),
        group: None,
        section: Section::Other,
        heading: None,
    };
    let mut offset = 0;
    for raw in source.text.split_inclusive('\n') {
        let line = raw.trim_end_matches(['\n', '\r']);
        // A tab is whitespace in a summary's line (between `===` and `Group`); any other
        // control character is refused.
        let control = line
            .char_indices()
            .find(|&(_, c)| c.is_control() && c != '\t');
        if let Some((at, c)) = control {
            let at = offset + at;
            return Err(super::control::error(
                source,
                c,
                at..at + c.len_utf8(),
                "the line",
            ));
        }
        reader.line(line, offset)?;
        offset += raw.len();
    }
    reader.finish_group()?;
    let Some(name) = reader.title else {
        return Err(source.error_whole(
            Code::NoTitle,
            "no title line; expected the document to begin with `= Competition name =`",
        ));
    };
    if reader.groups.is_empty() {
        return Err(source.error_whole(Code::NoGroups, format!(
            "no group sections; expected at least one `===Group N===` heading followed by a match table `{HEADER_TEXT}` (the reader reads a group stage's matches; a knockout competition's facts are written as a data file, docs/data.md)"
        )));
    }
    Ok(Competition {
        name,
        path: source.path.clone(),
        groups: reader.groups,
        record: reader.record,
        aliases: Vec::new(),
        ties: Vec::new(),
        ranking: None,
        entrants: Vec::new(),
        origin: crate::model::Origin(Some(source.clone())),
        as_of: None,
    })
}

/// Splits a `| a | b | c |` row into trimmed cells with their byte ranges in the file.
fn cells(line: &str, offset: usize) -> Option<Vec<(&str, Range<usize>)>> {
    let body = line.trim_end();
    if !body.starts_with('|') || !body.ends_with('|') || body.len() < 2 {
        return None;
    }
    let pipes: Vec<usize> = body.match_indices('|').map(|(i, _)| i).collect();
    Some(
        pipes
            .windows(2)
            .map(|w| {
                let raw = &body[w[0] + 1..w[1]];
                let lead = raw.len() - raw.trim_start().len();
                let text = raw.trim();
                let start = offset + w[0] + 1 + lead;
                (text, start..start + text.len())
            })
            .collect(),
    )
}

/// A `Group X` heading names a group (X: up to 3 letters or digits); `Group stage` does not.
/// Whitespace is liberal (`Group  2`, `group 2` read as `Group 2`); the name is `Group X`.
fn group_name(heading: &str) -> Option<String> {
    let mut words = heading.split_whitespace();
    let (Some(word), Some(id), None) = (words.next(), words.next(), words.next()) else {
        return None;
    };
    let is_id = id.len() <= 3 && id.chars().all(|c| c.is_ascii_alphanumeric());
    (word.eq_ignore_ascii_case("Group") && is_id).then(|| format!("Group {id}"))
}

/// Whether a line is a match row written without its outer `|`s: `Home | Away | 1–0`.
fn is_row_without_pipes(line: &str) -> bool {
    let parts: Vec<&str> = line
        .split('|')
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    matches!(parts.as_slice(), [_, _, result]
        if parse_score(result.split_whitespace().next().unwrap_or("")).is_some())
}

/// Whether a table row belongs to a match table: its header, or three cells ending in a score.
fn is_match_row(line: &str) -> bool {
    cells(line, 0).is_some_and(|cells| {
        cells.iter().map(|(t, _)| *t).eq(HEADER)
            || matches!(cells.as_slice(), [_, _, (result, _)]
                if parse_score(result.split_whitespace().next().unwrap_or("")).is_some())
    })
}

impl Reader<'_> {
    fn error(&self, code: Code, at: Range<usize>, message: impl Into<String>) -> Diagnostic {
        self.source.error(code, at, message)
    }

    fn line(&mut self, line: &str, offset: usize) -> Result<(), Diagnostic> {
        let trimmed = line.trim();
        let at = offset..offset + line.len();
        if trimmed.starts_with('=') {
            return self.heading(trimmed, at);
        }
        if trimmed == "Infobox" {
            self.section = Section::Infobox;
            return Ok(());
        }
        match self.section {
            Section::Infobox if trimmed.is_empty() => self.section = Section::Other,
            Section::Infobox => {
                if let Some(item) = line.strip_prefix("- ") {
                    self.infobox(item, offset + 2)?;
                }
            }
            Section::Final(_) => self.final_line(line, offset)?,
            Section::Other => {}
        }
        if trimmed.starts_with('|') {
            if self.group.is_some() {
                self.row(line, offset)?;
            } else if is_match_row(line) {
                return Err(self.outside_group(offset..offset + line.trim_end().len()));
            }
        } else if self.group.is_some() && is_row_without_pipes(trimmed) {
            // `Home | Away | 1–0`: a match that would be lost; `row` says what a row is.
            self.row(line, offset)?;
        }
        Ok(())
    }

    /// A match table where no group section is: its matches would be lost.
    fn outside_group(&self, row: Range<usize>) -> Diagnostic {
        let expected = "expected match tables only under a group heading `===Group X===` (X: up to 3 letters or digits)";
        match &self.heading {
            Some((heading, at)) => self
                .error(
                    Code::TableOutsideGroup,
                    at.clone(),
                    format!(
                        "a match table under `{}`, which is not a group section; {expected}",
                        excerpt(heading)
                    ),
                )
                .with_label(self.source.label(row, "the match table")),
            None => self.error(
                Code::TableOutsideGroup,
                row,
                format!("a match table before any group heading; {expected}"),
            ),
        }
    }

    fn heading(&mut self, trimmed: &str, at: Range<usize>) -> Result<(), Diagnostic> {
        let level = trimmed.chars().take_while(|&c| c == '=').count();
        let closing = trimmed.chars().rev().take_while(|&c| c == '=').count();
        if closing == 0 || trimmed.len() <= level {
            return Err(self.error(
                Code::UnclosedHeading,
                at,
                format!(
                    "unclosed heading; expected `{0} Title {0}`",
                    "=".repeat(level)
                ),
            ));
        }
        let text = trimmed[level..trimmed.len() - closing].trim();
        if level == 1 {
            if self.title.is_none() {
                self.title = Some(text.to_string());
            }
            return Ok(());
        }
        self.finish_group()?;
        self.heading = Some((trimmed.to_string(), at.clone()));
        self.section = match self.section {
            Section::Final(final_level) if level > final_level => Section::Final(final_level),
            _ if text == "Final" => Section::Final(level),
            _ => Section::Other,
        };
        if let Some(name) = group_name(text) {
            if self.groups.iter().any(|g| g.name == name) {
                return Err(self.error(
                    Code::GroupTwice,
                    at,
                    format!("a second section for {name}; expected each group once"),
                ));
            }
            self.group = Some(GroupBuilder {
                name,
                heading_at: at,
                teams: Vec::new(),
                index: Default::default(),
                seen: Vec::new(),
                rows: Vec::new(),
                header_seen: false,
                spellings: Spellings::new(),
            });
        }
        Ok(())
    }

    fn infobox(&mut self, item: &str, offset: usize) -> Result<(), Diagnostic> {
        let Some((key, value)) = item.split_once(':') else {
            return Ok(());
        };
        let value_start = offset + key.len() + 1;
        let value_at = value_start + (value.len() - value.trim_start().len());
        let value = value.trim();
        let line = self.source.line_of(offset);
        let number = |this: &Self| -> Result<Recorded<u32>, Diagnostic> {
            value
                .parse::<u32>()
                .map(|v| Recorded::new(v, Line(line)))
                .map_err(|_| {
                    this.error(
                        Code::Infobox,
                        value_at..value_at + value.len(),
                        format!(
                            "\"{value}\" after `{key}:` is not a count; expected a whole number"
                        ),
                    )
                })
        };
        let text = || Recorded::new(value.to_string(), Line(line));
        match key.trim() {
            "Num Teams" => self.record.teams = Some(number(self)?),
            "Matches" => self.record.matches = Some(number(self)?),
            "Goals" => self.record.goals = Some(number(self)?),
            "Champions" | "Champion Other" => self.record.champions = Some(text()),
            "Second Other" => self.record.runner_up = Some(text()),
            _ => {
                // `Count: 4 | runner-up = Juventus`: the runner-up rides on another key.
                for part in value.split('|') {
                    if let Some(name) = part.trim().strip_prefix("runner-up =") {
                        self.record.runner_up =
                            Some(Recorded::new(name.trim().to_string(), Line(line)));
                    }
                }
            }
        }
        Ok(())
    }

    /// `Lazio won 4–2 on aggregate.`
    fn final_line(&mut self, line: &str, offset: usize) -> Result<(), Diagnostic> {
        let (Some(won), Some(_)) = (line.find(" won "), line.find(" on aggregate")) else {
            return Ok(());
        };
        let winner = line[..won].trim();
        let score_start = won + " won ".len();
        let score = line[score_start..].split_whitespace().next().unwrap_or("");
        let at = offset + score_start..offset + score_start + score.len();
        match parse_score(score) {
            Some((w, l)) if w >= l && !winner.is_empty() => {
                let result = FinalResult::new(winner.to_string(), [w, l]);
                let line = Line(self.source.line_of(offset));
                self.record.final_result = Some(Recorded::new(result, line));
                Ok(())
            }
            _ => Err(self.error(Code::Aggregate,
                at,
                format!(
                    "cannot read the final's aggregate `{score}`; expected `Winner won 4–2 on aggregate.`"
                ),
            )),
        }
    }

    fn row(&mut self, line: &str, offset: usize) -> Result<(), Diagnostic> {
        let line_at = offset..offset + line.trim_end().len();
        let Some(cells) = cells(line, offset) else {
            return Err(self.error(Code::BadRow,
                line_at,
                "a table row must begin and end with `|`; expected a row like `| Home | Away | 2–1 |`",
            ));
        };
        let group = self
            .group
            .as_mut()
            .expect("rows are read only inside a group");
        if cells.iter().map(|(t, _)| *t).eq(HEADER) {
            group.header_seen = true;
            return Ok(());
        }
        if !group.header_seen {
            return Err(self.source.error(Code::RowBeforeHeader,
                line_at,
                format!("a table row before the table's header; expected the header `{HEADER_TEXT}` first"),
            ));
        }
        let [(home, home_at), (away, away_at), (result, result_at)] = cells.as_slice() else {
            return Err(self.source.error(
                Code::BadRow,
                line_at,
                format!(
                    "a match row with {} cell(s); expected 3: `| Home | Away | 2–1 |`",
                    cells.len()
                ),
            ));
        };
        for (name, at) in [(home, home_at), (away, away_at)] {
            if name.is_empty() {
                return Err(self.source.error(
                    Code::BadRow,
                    at.clone(),
                    "an empty team cell; expected a team name",
                ));
            }
        }
        let (outcome, written) = self.result(result, result_at.clone())?;
        let written = written.map(|w| (w, result_at.clone()));
        let group = self.group.as_mut().expect("inside a group");
        let home_id = group.team(self.source, home, home_at.clone())?;
        let away_id = group.team(self.source, away, away_at.clone())?;
        group.rows.push(Row {
            home: home_id,
            away: away_id,
            outcome,
            written,
            at: line_at,
        });
        Ok(())
    }

    /// `2–1`, `0–3 to forfeit`, `3–0 to forfeit`, `0–3 to both from forfeit`.
    /// The outcome, and for a forfeit the score as written.
    fn result(
        &self,
        cell: &str,
        at: Range<usize>,
    ) -> Result<(Outcome, Option<[u32; 2]>), Diagnostic> {
        let score = cell.split_whitespace().next().unwrap_or("");
        let note = cell[score.len()..].trim();
        let note_at = at.end - note.len()..at.end;
        let Some((home, away)) = parse_score(score) else {
            return Err(self.error(Code::MatchNotation,
                at.start..at.start + score.len().max(1),
                format!(
                    "malformed score `{score}`; expected two whole numbers of goals (at most 999) joined by a dash, like 2–1"
                ),
            ));
        };
        let forfeit = match note {
            "" => return Ok((Outcome::Played { home, away }, None)),
            "to both from forfeit" => Forfeit::Both,
            "to forfeit" if home < away => Forfeit::Home,
            "to forfeit" if home > away => Forfeit::Away,
            "to forfeit" => {
                return Err(self.error(Code::MatchNotation,
                    at,
                    format!("a forfeit scored {home}–{away} does not say which side did not play; expected the side that did not play to have fewer goals, as in 0–3"),
                ));
            }
            _ => {
                return Err(self.error(
                    Code::MatchNotation,
                    note_at,
                    format!(
                        "unknown note `{note}`; expected `to forfeit` or `to both from forfeit`"
                    ),
                ));
            }
        };
        Ok((Outcome::Forfeit(forfeit), Some([home, away])))
    }

    fn finish_group(&mut self) -> Result<(), Diagnostic> {
        let Some(g) = self.group.take() else {
            return Ok(());
        };
        if g.rows.is_empty() {
            return Err(self.error(
                Code::GroupWithoutTable,
                g.heading_at,
                format!(
                    "{} has no matches; expected a match table `{HEADER_TEXT}` under its heading",
                    g.name
                ),
            ));
        }
        let most = g.seen.iter().map(|(n, _)| *n).max().unwrap_or(0);
        if most >= 2
            && let Some((i, (_, at))) = g.seen.iter().enumerate().find(|(_, (n, _))| *n == 1)
        {
            let others = g
                .teams
                .iter()
                .enumerate()
                .filter(|(j, _)| *j != i)
                .map(|(_, t)| t.as_str());
            let hint = closest(&g.teams[i], others)
                .map(|t| format!("; is it a misspelling of \"{t}\"?"))
                .unwrap_or_default();
            return Err(self.error(Code::UnevenGroup,
                at.clone(),
                format!(
                    "\"{}\" plays only one match of {}, while other teams play up to {most}: expected every team of the group in as many matches{hint}",
                    g.teams[i], g.name
                ),
            ));
        }
        let n = g.teams.len();
        let line = self.source.line_of(g.heading_at.start);
        self.groups.push(Group {
            name: g.name,
            teams: g.teams,
            aliases: Vec::new(),
            matches: g
                .rows
                .iter()
                .map(|r| Match::new(r.home, r.away, r.outcome))
                .collect(),
            fixtures: Vec::new(),
            decisions: Vec::new(),
            record: GroupRecord::default(),
            cards: vec![None; n],
            coefficients: vec![None; n],
            values: Default::default(),
            rulings: Default::default(),
            line: Line(line),
            schedule: Default::default(),
            spans: GroupSpans {
                matches: g.rows.iter().map(|r| r.at.clone()).collect(),
                written_forfeits: g
                    .rows
                    .iter()
                    .enumerate()
                    .filter_map(|(i, r)| r.written.clone().map(|(w, at)| (i, w, at)))
                    .collect(),
                ..GroupSpans::default()
            },
        });
        Ok(())
    }
}
