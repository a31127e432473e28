//! openfootball football.json: `{"name": ..., "matches": [{"round", "group", "team1", "team2",
//! "score": {"ft": [h, a]}}]}`. Matches are grouped by their `group` field when present (a
//! tournament's group stage), otherwise the whole file is one league. A match with no
//! full-time score is a fixture not yet played and is left out (and counted).

use serde::Deserialize;

use crate::diagnostic::{Code, Diagnostic, Source};
use crate::model::Competition;

use super::results::{GroupResults, competition};

#[derive(Deserialize)]
struct File {
    name: String,
    matches: Vec<MatchJson>,
}

#[derive(Deserialize)]
struct MatchJson {
    group: Option<String>,
    team1: String,
    team2: String,
    score: Option<Score>,
}

#[derive(Deserialize)]
struct Score {
    ft: Option<[u32; 2]>,
}

/// Whether the text is JSON: an object (the only JSON input there is) or an array of objects
/// (a mistake worth its own message; `[{` never begins TOML).
pub fn looks_like_json(text: &str) -> bool {
    let text = text.trim_start_matches('\u{feff}').trim_start();
    text.starts_with('{')
        || text
            .strip_prefix('[')
            .is_some_and(|rest| rest.trim_start().starts_with('{'))
}

/// The byte offset of a 1-based line and column.
fn offset(text: &str, line: usize, column: usize) -> usize {
    let start: usize = text
        .split_inclusive('\n')
        .take(line.saturating_sub(1))
        .map(str::len)
        .sum();
    (start + column.saturating_sub(1)).min(text.len())
}

/// Reads a season. Returns the competition and how many unplayed fixtures were left out.
pub fn parse(source: &Source) -> Result<(Competition, usize), Diagnostic> {
    let start = source.text.len() - source.text.trim_start().len();
    if source.text[start..].starts_with('[') {
        return Err(source.error(
            Code::JsonShape,
            start..start + 1,
            "the file is a JSON array; expected football.json, an object: {\"name\": ..., \"matches\": [...]}",
        ));
    }
    let file: File = serde_json::from_str(&source.text).map_err(|e| {
        let at = offset(&source.text, e.line(), e.column());
        // serde_json's message ends with its own "at line L column C"; the location is ours.
        let message = e.to_string();
        let message = message
            .rfind(" at line ")
            .map_or(message.as_str(), |i| &message[..i]);
        source.error(
            Code::JsonShape,
            at..at,
            format!("{message}; expected football.json: {{\"name\": ..., \"matches\": [...]}}"),
        )
    })?;
    // serde_json does not keep positions per value; point at each match's `"team1"` key.
    let mut team1_at = source.text.match_indices("\"team1\"").map(|(i, _)| i);
    super::control::check(source, &file.name, 0..0, "`name`")?;
    let mut team2_at = source.text.match_indices("\"team2\"").map(|(i, _)| i);
    let mut groups: Vec<GroupResults> = Vec::new();
    let mut group_index: rustc_hash::FxHashMap<String, usize> = rustc_hash::FxHashMap::default();
    let mut unplayed = 0;
    for m in &file.matches {
        let at = team1_at.next().unwrap_or(0);
        let at2 = team2_at.next().unwrap_or(at);
        for (text, what, span) in [
            (Some(&m.team1), "`team1`", at..at + 7),
            (Some(&m.team2), "`team2`", at2..at2 + 7),
            (m.group.as_ref(), "`group`", at..at + 7),
        ] {
            if let Some(text) = text {
                super::control::check(source, text, span, what)?;
            }
        }
        let sides = (
            (m.team1.as_str(), at..at + 7),
            (m.team2.as_str(), at2..at2 + 7),
        );
        let name = m.group.as_deref().unwrap_or("League");
        let index = match group_index.get(name) {
            Some(&i) => i,
            None => {
                group_index.insert(name.to_string(), groups.len());
                groups.push(GroupResults::new(name.to_string(), source.line_of(at)));
                groups.len() - 1
            }
        };
        let Some([h, a]) = m.score.as_ref().and_then(|s| s.ft) else {
            unplayed += 1;
            groups[index].fixture(source, sides.0, sides.1, at..at + 7)?;
            continue;
        };
        groups[index].add(source, sides, (h, a), at..at + 7)?;
    }
    if groups.is_empty() {
        return Err(source.error_whole(
            Code::NoResults,
            "no matches; expected `matches` with `team1`, `team2` and `score.ft`",
        ));
    }
    Ok((
        competition(
            file.name,
            source,
            groups.into_iter().map(GroupResults::finish).collect(),
        ),
        unplayed,
    ))
}
