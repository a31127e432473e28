//! openfootball football.json, as the project publishes it, in either of its two shapes:
//!
//! ```text
//! {"name": ..., "matches": [{"round", "group", "team1", "team2", "score": {"ft", "et", "p"}}]}
//! {"name": ..., "rounds": [{"name", "matches": [{"group", "team1", "team2", "score"}]}]}
//! ```
//!
//! A team is a name (`"Spain"`) or an object (`{"name": "Spain", "code": "ESP"}`); a club
//! written with its country's code (`"Bayern München (GER)"`, as the club competitions are) is
//! read as its name alone, as the object form is. A match belongs to a group when it has a
//! `group` field or its round is named like one (`"Group A"`: the 2019–20 Champions League file
//! has no `group` field). In a file with groups, every other match is a knockout match: the
//! matches of one pair in one round are a tie, one leg or two (the second the return), with
//! extra time (`score.et`, the score after it) and a shoot-out (`score.p`) in its last leg; ties
//! are never folded into a table. A file without groups is one league. A match without a
//! full-time score is a fixture not yet played: left out, and counted; a tie with a leg still to
//! play is left out whole, and counted apart.
//!
//! serde_json keeps no positions, so every value whose place a message needs is read as a
//! [`RawValue`] borrowed from the file's text, whose place in the text is where it was written;
//! each is then read on its own, and its errors moved to that place.

use std::ops::Range;

use rustc_hash::FxHashMap;
use serde::Deserialize;
use serde::de::DeserializeOwned;
use serde_json::value::RawValue;

use crate::diagnostic::{Code, Diagnostic, Source, excerpt};
use crate::model::{Competition, Leg, Line, Side, Tie, TieSpans};

use super::match_text::MAX_GOALS;
use super::results::{GroupResults, Spans, competition};

/// What every structural error ends with: the two shapes a football.json file has.
const SHAPES: &str = r#"football.json: {"name": ..., "matches": [...]} or {"name": ..., "rounds": [{"name": ..., "matches": [...]}]}"#;

/// What a team is, in messages.
const TEAM: &str = r#"a team: a name ("Spain") or an object ({"name": "Spain", "code": "ESP"})"#;

/// The file as written: the values whose places messages need are kept raw.
#[derive(Deserialize)]
#[serde(expecting = "a football.json object")]
struct FileJson<'a> {
    #[serde(borrow)]
    name: &'a RawValue,
    #[serde(borrow, default)]
    matches: Option<&'a RawValue>,
    #[serde(borrow, default)]
    rounds: Option<&'a RawValue>,
}

/// One round of the `rounds` shape.
#[derive(Deserialize)]
#[serde(expecting = r#"a round: {"name": ..., "matches": [...]}"#)]
struct RoundJson<'a> {
    #[serde(borrow)]
    name: &'a RawValue,
    #[serde(borrow)]
    matches: Vec<MatchJson<'a>>,
}

/// One match as written (every other field, `time`, `goals1`, `score.ht`, ..., is ignored).
#[derive(Deserialize)]
#[serde(expecting = r#"a match: {"team1": ..., "team2": ..., "score": {"ft": [1, 0]}}"#)]
struct MatchJson<'a> {
    #[serde(borrow, default)]
    round: Option<&'a RawValue>,
    #[serde(borrow, default)]
    date: Option<&'a RawValue>,
    #[serde(borrow, default)]
    group: Option<&'a RawValue>,
    #[serde(borrow)]
    team1: &'a RawValue,
    #[serde(borrow)]
    team2: &'a RawValue,
    #[serde(borrow, default)]
    score: Option<&'a RawValue>,
}

/// A team written as an object.
#[derive(Deserialize)]
#[serde(expecting = r#"a team object: {"name": ..., "code": ...}"#)]
struct TeamObject<'a> {
    #[serde(borrow)]
    name: &'a RawValue,
}

/// A score as written.
#[derive(Deserialize)]
#[serde(expecting = r#"a score: {"ft": [1, 0]}, with "et" and "p" after extra time and penalties"#)]
struct ScoreJson<'a> {
    #[serde(borrow, default)]
    ft: Option<&'a RawValue>,
    #[serde(borrow, default)]
    et: Option<&'a RawValue>,
    #[serde(borrow, default)]
    p: Option<&'a RawValue>,
}

/// A score as football.json writes it: two numbers of goals, home side first.
struct Goals([u32; 2]);

impl<'de> Deserialize<'de> for Goals {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Goals, D::Error> {
        struct Pair;
        impl<'de> serde::de::Visitor<'de> for Pair {
            type Value = Goals;

            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("two numbers of goals, [home, away]")
            }

            fn visit_seq<A: serde::de::SeqAccess<'de>>(
                self,
                mut seq: A,
            ) -> Result<Goals, A::Error> {
                let mut goals = [0; 2];
                let mut n = 0;
                while let Some(g) = seq.next_element::<u32>()? {
                    if let Some(slot) = goals.get_mut(n) {
                        *slot = g;
                    }
                    n += 1;
                }
                if n == 2 {
                    Ok(Goals(goals))
                } else {
                    Err(serde::de::Error::invalid_length(n, &self))
                }
            }
        }
        deserializer.deserialize_seq(Pair)
    }
}

/// A text value read, and where its value is written.
type Located = (String, Range<usize>);

/// A score read: full time, and extra time and the shoot-out with where each is written.
#[derive(Clone, Copy, Default)]
struct Score {
    ft: Option<[u32; 2]>,
    et: Option<([u32; 2], Start)>,
    p: Option<([u32; 2], Start)>,
}

/// Where a value starts: its first byte, enough to point at (a score may span lines).
type Start = usize;

/// One match read, before it is placed in a group or a tie.
struct MatchRead {
    /// The round: the match's `round`, or the enclosing round's name.
    round: Option<Located>,
    /// The group: the `group` field, else a round named like a group.
    group: Option<Located>,
    /// The home team (name, code left out) and where its name is written.
    home: Located,
    /// The away team.
    away: Located,
    /// The score, when there is one.
    score: Score,
    /// The day it was played, when the file says.
    date: Option<jiff::civil::Date>,
}

/// What a football.json file gives: the competition, and what was left out as not yet played.
#[derive(Debug, Clone)]
pub struct Parsed {
    /// The groups, or the league, and the knockout ties.
    pub competition: Competition,
    /// Fixtures without a full-time score, left out.
    pub unplayed: usize,
    /// Ties with a leg still to play, left out whole (their played legs too).
    pub partial_ties: usize,
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

/// Where `part`, a slice of the source's text, is written in it (empty at 0 if it is not one).
fn span_of(source: &Source, part: &str) -> Range<usize> {
    let start = (part.as_ptr() as usize).checked_sub(source.text.as_ptr() as usize);
    match start {
        Some(start) if start + part.len() <= source.text.len() => start..start + part.len(),
        _ => 0..0,
    }
}

/// The span cut at the end of its first line: a value written over several lines (a score, a
/// team object) is pointed at where it starts.
fn first_line(source: &Source, span: Range<usize>) -> Range<usize> {
    let text = source.text.get(span.clone()).unwrap_or("");
    match text.find('\n') {
        Some(i) => span.start..span.start + text[..i].trim_end().len(),
        None => span,
    }
}

/// serde_json's message without its own "at line L column C" (the location is ours), and
/// without a string it quotes: the value is named by its type, never echoed.
fn message(e: &serde_json::Error) -> String {
    let message = e.to_string();
    let message = message
        .rfind(" at line ")
        .map_or(message.as_str(), |i| &message[..i]);
    for kind in ["invalid type: ", "invalid value: "] {
        if let Some(rest) = message
            .strip_prefix(kind)
            .and_then(|r| r.strip_prefix("string \""))
            && let Some(end) = rest.rfind("\", expected")
        {
            return format!("{kind}a string{}", &rest[end + 1..]);
        }
    }
    message.to_string()
}

/// Reads `raw` as a `T`; an error is at its place in the file, prefixed with `what`.
fn value<T: DeserializeOwned>(
    source: &Source,
    raw: &RawValue,
    what: &str,
) -> Result<T, Diagnostic> {
    serde_json::from_str(raw.get()).map_err(|e| located(source, raw.get(), &e, what))
}

/// Reads `raw` as a `T` that borrows raw values from the file.
fn shape<'a, T: Deserialize<'a>>(
    source: &Source,
    raw: &'a RawValue,
    what: &str,
) -> Result<T, Diagnostic> {
    serde_json::from_str(raw.get()).map_err(|e| located(source, raw.get(), &e, what))
}

/// serde_json's error `e`, met reading `part` of the source, at its place in the whole file.
fn located(source: &Source, part: &str, e: &serde_json::Error, what: &str) -> Diagnostic {
    let at = span_of(source, part).start + offset(part, e.line(), e.column());
    source.error(Code::JsonShape, at..at, format!("{what}: {}", message(e)))
}

/// A string value (a name, a round, a group), checked for control characters.
fn text(source: &Source, raw: &RawValue, what: &str) -> Result<Located, Diagnostic> {
    let span = span_of(source, raw.get());
    let value: String = value(source, raw, what)?;
    super::control::check(source, &value, span.clone(), what)?;
    Ok((value, span))
}

/// What a JSON value is, in words, from its first character.
fn kind(raw: &RawValue) -> &'static str {
    match raw.get().trim_start().bytes().next() {
        Some(b'[') => "a list",
        Some(b'{') => "an object",
        Some(b'"') => "a string",
        Some(b't' | b'f') => "true or false",
        Some(b'n') => "null",
        _ => "a number",
    }
}

/// A team: its name, the country's code left out, and where the name is written.
fn team(source: &Source, raw: &RawValue, what: &str) -> Result<Located, Diagnostic> {
    let name = match raw.get().trim_start().bytes().next() {
        Some(b'"') => raw,
        Some(b'{') => shape::<TeamObject<'_>>(source, raw, what)?.name,
        _ => {
            let span = first_line(source, span_of(source, raw.get()));
            return Err(source.error(
                Code::JsonShape,
                span,
                format!("{what} is {}; expected {TEAM}", kind(raw)),
            ));
        }
    };
    let (name, span) = text(source, name, what)?;
    Ok((without_code(&name).to_string(), span))
}

/// A name without the country's code openfootball's club competitions add
/// (`"Bayern München (GER)"`): three capital letters in brackets, after a space.
fn without_code(name: &str) -> &str {
    let trimmed = name.trim_end();
    let Some(body) = trimmed.strip_suffix(')') else {
        return name;
    };
    match body.rsplit_once(" (") {
        Some((club, code))
            if code.len() == 3
                && code.bytes().all(|b| b.is_ascii_uppercase())
                && !club.trim().is_empty() =>
        {
            club
        }
        _ => name,
    }
}

/// Whether a round's name names a group: `Group`, a space, and a letter or number of up to
/// three characters (`Group A`, `Group 12`), as the Champions League files name their groups.
fn is_group_round(round: &str) -> bool {
    round.trim().strip_prefix("Group ").is_some_and(|rest| {
        let rest = rest.trim();
        (1..=3).contains(&rest.len()) && rest.bytes().all(|b| b.is_ascii_alphanumeric())
    })
}

/// Reads a score, each part checked against the others: extra time (`et`, the score after it)
/// at least the full-time score on both sides, a shoot-out that does not end level, neither
/// without a full-time score.
fn score(source: &Source, raw: &RawValue) -> Result<Score, Diagnostic> {
    let written: ScoreJson<'_> = shape(source, raw, "`score`")?;
    let pair =
        |raw: Option<&RawValue>, what: &str| -> Result<Option<([u32; 2], Start)>, Diagnostic> {
            raw.map(|raw| {
                let at = span_of(source, raw.get()).start;
                Ok((value::<Goals>(source, raw, what)?.0, at))
            })
            .transpose()
        };
    let ft = pair(written.ft, "`score.ft`")?;
    let et = pair(written.et, "`score.et`")?;
    let p = pair(written.p, "`score.p`")?;
    let err = |at: Start, message: String| Err(source.error(Code::JsonScore, at..at + 1, message));
    for (part, what) in [(ft, "ft"), (et, "et"), (p, "p")] {
        if let Some(([h, a], at)) = part
            && (h > MAX_GOALS || a > MAX_GOALS)
        {
            return Err(source.error(
                Code::Goals,
                at..at + 1,
                format!(
                    "`score.{what}` {h}–{a}: more than {MAX_GOALS} goals; expected a real score"
                ),
            ));
        }
    }
    let Some((ft, _)) = ft else {
        if let Some((_, at)) = et.or(p) {
            return err(
                at,
                "extra time or a shoot-out without a full-time score; expected `score.ft` as well"
                    .into(),
            );
        }
        return Ok(Score::default());
    };
    if let Some((e, at)) = et
        && (e[0] < ft[0] || e[1] < ft[1])
    {
        return err(
            at,
            format!(
                "extra time {}–{} after {}–{} at full time; expected the score after extra time, full-time goals included",
                e[0], e[1], ft[0], ft[1]
            ),
        );
    }
    if let Some((p, at)) = p
        && p[0] == p[1]
    {
        return err(
            at,
            format!(
                "a shoot-out cannot end level ({}–{}); expected a winner",
                p[0], p[1]
            ),
        );
    }
    Ok(Score {
        ft: Some(ft),
        et,
        p,
    })
}

/// Reads one match; `round` is the enclosing round's name in the `rounds` shape.
fn read_match(
    source: &Source,
    m: &MatchJson<'_>,
    round: Option<&Located>,
) -> Result<MatchRead, Diagnostic> {
    let home = team(source, m.team1, "`team1`")?;
    let away = team(source, m.team2, "`team2`")?;
    let round = match (round, m.round) {
        (Some(round), _) => Some(round.clone()),
        (None, Some(raw)) => Some(text(source, raw, "`round`")?),
        (None, None) => None,
    };
    let group = match m.group {
        Some(raw) => Some(text(source, raw, "`group`")?),
        None => round.clone().filter(|(r, _)| is_group_round(r)),
    };
    let score = match m.score {
        Some(raw) => score(source, raw)?,
        None => Score::default(),
    };
    let date = m.date.map(|raw| date(source, raw)).transpose()?;
    Ok(MatchRead {
        round,
        group,
        home,
        away,
        score,
        date,
    })
}

/// A match's `date`: `"2019-08-02"`.
fn date(source: &Source, raw: &RawValue) -> Result<jiff::civil::Date, Diagnostic> {
    let (text, span) = self::text(source, raw, "`date`")?;
    let shaped = text.len() == 10
        && text.bytes().enumerate().all(|(i, b)| match i {
            4 | 7 => b == b'-',
            _ => b.is_ascii_digit(),
        });
    text.parse::<jiff::civil::Date>()
        .ok()
        .filter(|_| shaped)
        .ok_or_else(|| {
            source.error(
                Code::WrongValue,
                span,
                format!(
                    "\"{}\" in `date` is not a date; expected the day the match was played, YYYY-MM-DD (\"2019-08-02\")",
                    excerpt(&text)
                ),
            )
        })
}

/// The number of a round named `Matchday N` or `Round N` (any case), as openfootball names a
/// league's rounds; `None` for any other name (`Group A`, `Round of 16`, `Final`).
pub fn round_number(round: &str) -> Option<u32> {
    let (word, number) = round.trim().rsplit_once(' ')?;
    let numbered = ["matchday", "round"].contains(&word.trim().to_lowercase().as_str());
    let digits = !number.is_empty() && number.bytes().all(|b| b.is_ascii_digit());
    numbered
        .then(|| number.parse::<u32>().ok())
        .flatten()
        .filter(|&n| digits && n >= 1)
}

/// Reads a season or a tournament.
pub fn parse(source: &Source) -> Result<Parsed, Diagnostic> {
    let start = source.text.len() - source.text.trim_start().len();
    if source.text[start..].starts_with('[') {
        return Err(source.error(
            Code::JsonShape,
            start..start + 1,
            format!("the file is a JSON array; expected {SHAPES}"),
        ));
    }
    let file: FileJson<'_> = serde_json::from_str(&source.text).map_err(|e| {
        let at = offset(&source.text, e.line(), e.column());
        source.error(
            Code::JsonShape,
            at..at,
            format!("{}; expected {SHAPES}", message(&e)),
        )
    })?;
    let (name, _) = text(source, file.name, "`name`")?;
    let mut matches = Vec::new();
    match (file.matches, file.rounds) {
        (Some(_), Some(rounds)) => {
            let at = span_of(source, rounds.get()).start;
            return Err(source.error(
                Code::JsonShape,
                at..at + 1,
                format!("both `matches` and `rounds`; expected one of them, {SHAPES}"),
            ));
        }
        (None, None) => {
            return Err(source.error_whole(
                Code::NoResults,
                format!("no `matches` and no `rounds`; expected {SHAPES}"),
            ));
        }
        (Some(list), None) => {
            let list: Vec<MatchJson<'_>> = shape(source, list, "`matches`")?;
            for m in &list {
                matches.push(read_match(source, m, None)?);
            }
        }
        (None, Some(list)) => {
            let rounds: Vec<RoundJson<'_>> = shape(source, list, "`rounds`")?;
            for round in &rounds {
                let name = text(source, round.name, "the round's `name`")?;
                for m in &round.matches {
                    matches.push(read_match(source, m, Some(&name))?);
                }
            }
        }
    }
    if matches.is_empty() {
        return Err(source.error_whole(
            Code::NoResults,
            format!("no matches; expected {SHAPES}, with `team1`, `team2` and `score.ft`"),
        ));
    }
    let has_groups = matches.iter().any(|m| m.group.is_some());
    let mut groups: Vec<GroupResults> = Vec::new();
    let mut group_index: FxHashMap<String, usize> = FxHashMap::default();
    let mut ties = Ties::default();
    let mut unplayed = 0;
    for m in matches {
        let at = m.home.1.clone();
        let name = match &m.group {
            Some((group, _)) => group.as_str(),
            None if has_groups => {
                ties.add(source, m)?;
                continue;
            }
            None => "League",
        };
        if let Some((_, extra)) = m.score.et.or(m.score.p) {
            return Err(source.error(
                Code::JsonScore,
                extra..extra + 1,
                format!(
                    "extra time or a shoot-out in a match of {}; expected them only in knockout matches",
                    excerpt(name)
                ),
            ));
        }
        let index = match group_index.get(name) {
            Some(&i) => i,
            None => {
                group_index.insert(name.to_string(), groups.len());
                groups.push(GroupResults::new(
                    name.to_string(),
                    source.line_of(at.start),
                    Spans::Keep,
                    0,
                ));
                groups.len() - 1
            }
        };
        let sides = (
            (m.home.0.as_str(), m.home.1.clone()),
            (m.away.0.as_str(), m.away.1.clone()),
        );
        match m.score.ft {
            Some([h, a]) => {
                groups[index].add(source, sides, (h, a), at)?;
                let round = m.round.as_ref().and_then(|(r, _)| round_number(r));
                groups[index].when(m.date, round);
            }
            None => {
                unplayed += 1;
                let round = m.round.as_ref().and_then(|(r, _)| round_number(r));
                groups[index].fixture(source, sides.0, sides.1, at, (m.date, round))?;
            }
        }
    }
    let (ties, tie_unplayed, partial_ties) = ties.finish(source)?;
    let mut competition = competition(
        name,
        source,
        groups.into_iter().map(GroupResults::finish).collect(),
    );
    competition.ties = ties;
    Ok(Parsed {
        competition,
        unplayed: unplayed + tie_unplayed,
        partial_ties,
    })
}

/// One meeting of a pair in a knockout round.
struct Meeting {
    /// The home team.
    home: String,
    /// Where the home team's name is written: the meeting's place in messages.
    at: Range<usize>,
    /// The score.
    score: Score,
}

/// The meetings of one pair in one round, in file order.
struct Pending {
    round: String,
    round_at: Range<usize>,
    /// The first meeting's home team, then its away team.
    teams: [String; 2],
    meetings: Vec<Meeting>,
}

/// The knockout matches, paired into ties as they are read.
#[derive(Default)]
struct Ties {
    pending: Vec<Pending>,
    /// Each pair's tie in each round: (round, one team, the other, in name order).
    by_pair: FxHashMap<(String, String, String), usize>,
    /// Each team's tie in each round.
    by_team: FxHashMap<(String, String), usize>,
}

impl Ties {
    /// Adds a knockout match to its pair's tie in its round.
    fn add(&mut self, source: &Source, m: MatchRead) -> Result<(), Diagnostic> {
        let at = m.home.1.clone();
        let Some((round, round_at)) = m.round else {
            return Err(source.error(
                Code::JsonShape,
                at,
                "a knockout match without `round`; expected the round's name (\"Final\"), or `group` for a group match",
            ));
        };
        let [home, away] = [&m.home, &m.away].map(|(name, at)| {
            super::results::named(source, &(name.as_str(), at.clone()))
                .map(|(name, _)| name.into_owned())
        });
        let (home, away) = (home?, away?);
        if home == away {
            return Err(source.error(
                Code::PlaysItself,
                at,
                format!(
                    "{} plays itself; expected two different teams",
                    excerpt(&home)
                ),
            ));
        }
        let pair = if home < away {
            (round.clone(), home.clone(), away.clone())
        } else {
            (round.clone(), away.clone(), home.clone())
        };
        let index = match self.by_pair.get(&pair) {
            Some(&i) => i,
            None => {
                let i = self.pending.len();
                for team in [&home, &away] {
                    if let Some(&other) = self.by_team.get(&(round.clone(), team.clone())) {
                        let t = &self.pending[other].teams;
                        return Err(source.error(
                            Code::TieTwice,
                            at,
                            format!(
                                "{} plays two ties in {}: against {} and against {}; expected one tie per team in a knockout round",
                                excerpt(team),
                                excerpt(&round),
                                excerpt(if t[0] == *team { &t[1] } else { &t[0] }),
                                excerpt(if home == *team { &away } else { &home }),
                            ),
                        ));
                    }
                }
                for team in [&home, &away] {
                    self.by_team.insert((round.clone(), team.clone()), i);
                }
                self.by_pair.insert(pair, i);
                self.pending.push(Pending {
                    round,
                    round_at,
                    teams: [home.clone(), away.clone()],
                    meetings: Vec::new(),
                });
                i
            }
        };
        let tie = &mut self.pending[index];
        match tie.meetings.as_slice() {
            [first] if first.home == home => {
                return Err(source.error(
                    Code::TieLegs,
                    at,
                    format!(
                        "{} at home to {} a second time in {}; expected the return leg, {} at home",
                        excerpt(&home),
                        excerpt(&away),
                        excerpt(&tie.round),
                        excerpt(&away)
                    ),
                ));
            }
            [_, _, ..] => {
                return Err(source.error(
                    Code::TieLegs,
                    at,
                    format!(
                        "{} and {} meet a third time in {}; expected a tie of one or two legs",
                        excerpt(&tie.teams[0]),
                        excerpt(&tie.teams[1]),
                        excerpt(&tie.round)
                    ),
                ));
            }
            _ => {}
        }
        tie.meetings.push(Meeting {
            home,
            at,
            score: m.score,
        });
        Ok(())
    }

    /// The ties whose every leg was played, how many fixtures without a score were left out,
    /// and how many ties with a leg still to play.
    fn finish(self, source: &Source) -> Result<(Vec<Tie>, usize, usize), Diagnostic> {
        let (mut ties, mut unplayed, mut partial) = (Vec::new(), 0, 0);
        for tie in self.pending {
            let missing = tie.meetings.iter().filter(|m| m.score.ft.is_none()).count();
            if missing > 0 {
                unplayed += missing;
                partial += usize::from(missing < tie.meetings.len());
                continue;
            }
            ties.push(tie.build(source)?);
        }
        Ok((ties, unplayed, partial))
    }
}

impl Pending {
    /// The tie, every leg played: extra time and a shoot-out only in the last leg, and only
    /// when the tie was level before them.
    fn build(self, source: &Source) -> Result<Tie, Diagnostic> {
        let legs = self.meetings.len();
        let mut aggregate = [0u32; 2];
        let mut built = Vec::with_capacity(legs);
        for (i, m) in self.meetings.iter().enumerate() {
            let home = if m.home == self.teams[0] {
                Side::First
            } else {
                Side::Second
            };
            let ft = m.score.ft.unwrap_or_default();
            let last = i + 1 == legs;
            if let Some((_, at)) = m.score.et.or(m.score.p).filter(|_| !last) {
                return Err(source.error(
                    Code::TieLegs,
                    at..at + 1,
                    "extra time or a shoot-out in a first leg; expected them only in a tie's last leg",
                ));
            }
            // Goals by side: the tie's first team, then the other.
            let by_side = |s: [u32; 2]| match home {
                Side::First => s,
                Side::Second => [s[1], s[0]],
            };
            let full_time = by_side(ft);
            let level = |extra: [u32; 2]| aggregate[0] + extra[0] == aggregate[1] + extra[1];
            if let Some((_, at)) = m.score.et
                && !level(full_time)
            {
                return Err(self.not_level(source, at, "extra time", aggregate, full_time));
            }
            let score = m.score.et.map_or(ft, |(e, _)| e);
            if let Some((_, at)) = m.score.p
                && !level(by_side(score))
            {
                return Err(self.not_level(source, at, "a shoot-out", aggregate, by_side(score)));
            }
            let with = by_side(score);
            aggregate = [aggregate[0] + with[0], aggregate[1] + with[1]];
            built.push(Leg {
                home,
                score,
                extra_time: m.score.et.is_some(),
                penalties: m.score.p.map(|(p, _)| p),
            });
        }
        let first = self
            .meetings
            .first()
            .map(|m| m.at.clone())
            .unwrap_or_default();
        let last = self
            .meetings
            .last()
            .map(|m| m.at.clone())
            .unwrap_or_default();
        Ok(Tie {
            round: self.round,
            teams: self.teams,
            legs: built,
            line: Line(source.line_of(first.start)),
            spans: TieSpans {
                round: self.round_at,
                legs: last,
                first_leg: first,
            },
        })
    }

    /// Extra time or a shoot-out (`what`, at `at`) in a tie that was not level before it.
    fn not_level(
        &self,
        source: &Source,
        at: Start,
        what: &str,
        before: [u32; 2],
        leg: [u32; 2],
    ) -> Diagnostic {
        let total = [before[0] + leg[0], before[1] + leg[1]];
        source.error(
            Code::TieLegs,
            at..at + 1,
            format!(
                "{what} in a tie that was not level ({} {}–{} {}); expected {what} only when the tie is level",
                excerpt(&self.teams[0]),
                total[0],
                total[1],
                excerpt(&self.teams[1])
            ),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use pretty_assertions::assert_eq;
    use rstest::rstest;

    #[rstest]
    #[case::club("Bayern München (GER)", "Bayern München")]
    #[case::club_with_spaces("Club Brugge KV (BEL)", "Club Brugge KV")]
    #[case::no_code("Spain", "Spain")]
    #[case::not_three_letters("Inter (Milano)", "Inter (Milano)")]
    #[case::lower_case("Inter (ita)", "Inter (ita)")]
    #[case::code_alone("(GER)", "(GER)")]
    #[case::no_space("Inter(ITA)", "Inter(ITA)")]
    fn codes_are_left_out(#[case] name: &str, #[case] expected: &str) {
        assert_eq!(without_code(name), expected);
    }

    #[rstest]
    #[case::matchday("Matchday 1", Some(1))]
    #[case::two_digits("Matchday 46", Some(46))]
    #[case::round("Round 3", Some(3))]
    #[case::any_case("matchday 7", Some(7))]
    #[case::spaces(" Matchday 2 ", Some(2))]
    #[case::zero("Matchday 0", None)]
    #[case::signed("Matchday +2", None)]
    #[case::group("Group A", None)]
    #[case::knockout("Round of 16", None)]
    #[case::final_("Final", None)]
    #[case::alone("Matchday", None)]
    #[case::other_word("Week 3", None)]
    fn round_numbers(#[case] round: &str, #[case] number: Option<u32>) {
        assert_eq!(round_number(round), number);
    }

    #[rstest]
    #[case("Group A", true)]
    #[case("Group 12", true)]
    #[case("Group Stage", false)]
    #[case("Group", false)]
    #[case("Matchday 1", false)]
    #[case("Round of 16", false)]
    #[case("Group A - Matchday 1", false)]
    fn rounds_named_like_groups(#[case] round: &str, #[case] group: bool) {
        assert_eq!(is_group_round(round), group);
    }
}
