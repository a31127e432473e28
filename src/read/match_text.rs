//! The one-line match notation of data files.
//!
//! ```text
//! Pro Patria 0–2 Cagliari            a played match: home, score, away (en dash or hyphen)
//! Como v Pro Patria (forfeit: Como)  not played: Como did not turn up
//! Cagliari v Piacenza (forfeit: both)  neither side played
//! Juventus 2–2 Lazio (aet)           a knockout match that went to extra time
//! Milan 1–1 Roma (aet, pens 4–3)     ... and to penalties (home side's kicks first)
//! Greece v Russia                    a fixture still to play (a group's matches only)
//! ```
//! A forfeited match carries no score of its own: the rule file's `forfeit.score` applies, so
//! that editing the rule changes every forfeit consistently.

use std::ops::Range;

use crate::model::{Forfeit, Outcome, TeamId};

/// A match line split into its parts, with byte ranges into the line for error messages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MatchText<'a> {
    /// The home team's name and where it stands in the line.
    pub home: (&'a str, Range<usize>),
    /// The away team's name and where it stands in the line.
    pub away: (&'a str, Range<usize>),
    /// The score, when the match was played.
    pub score: Option<(u32, u32)>,
    /// The `forfeit:` note's side (a team name or `both`), when the match was not played.
    pub forfeit: Option<(&'a str, Range<usize>)>,
    /// Where an `aet` note stands, when the match went to extra time.
    pub extra_time: Option<Range<usize>>,
    /// A `pens 4–3` note: the shoot-out score (home first) and where it stands.
    pub penalties: Option<((u32, u32), Range<usize>)>,
}

/// A problem in a match line: what is wrong, and where in the line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextError {
    /// Byte range into the line.
    pub at: Range<usize>,
    /// What is wrong and what was expected.
    pub message: String,
}

const FORMS: &str = "`Home 2–1 Away` or `Home v Away (forfeit: Home|Away|both)`";

fn err<T>(at: Range<usize>, message: impl Into<String>) -> Result<T, TextError> {
    Err(TextError {
        at,
        message: message.into(),
    })
}

fn is_dash(c: char) -> bool {
    matches!(c, '–' | '-' | '—' | '−')
}

/// Whitespace-separated tokens with their byte ranges.
fn tokens(line: &str) -> Vec<(Range<usize>, &str)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in line.char_indices() {
        match (c.is_whitespace(), start) {
            (true, Some(s)) => {
                out.push((s..i, &line[s..i]));
                start = None;
            }
            (false, None) => start = Some(i),
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push((s..line.len(), &line[s..]));
    }
    out
}

/// Trims a sub-slice of `line` and returns it with its range.
fn trimmed(line: &str, range: Range<usize>) -> (&str, Range<usize>) {
    let part = &line[range.clone()];
    let lead = part.len() - part.trim_start().len();
    let body = part.trim();
    let start = range.start + lead;
    (body, start..start + body.len())
}

/// The most goals one side may score in a match: anything above is a typo, and the bound keeps
/// every sum over a season far from overflowing.
pub const MAX_GOALS: u32 = 999;

/// Parses a score token such as `2–1`; `None` when the token is not a well-formed score (or a
/// side has more than [`MAX_GOALS`]).
pub fn parse_score(token: &str) -> Option<(u32, u32)> {
    let (home, away) = token.split_once(is_dash)?;
    let digits = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_digit());
    if !digits(home) || !digits(away) {
        return None;
    }
    let (home, away): (u32, u32) = (home.parse().ok()?, away.parse().ok()?);
    (home <= MAX_GOALS && away <= MAX_GOALS).then_some((home, away))
}

/// Splits a match line into teams, score and forfeit note: a match played or forfeited (a
/// fixture still to play, `Home v Away`, is an error here: see [`parse_entry`]).
pub fn parse(line: &str) -> Result<MatchText<'_>, TextError> {
    let text = parse_entry(line)?;
    if text.is_fixture() {
        let between = text.home.1.end..text.away.1.start;
        let v = between.start + line[between].find('v').unwrap_or(0);
        return err(
            v..v + 1,
            "a match written with `v` and no note is a fixture still to play, which only a group's `matches` may list; expected a score or `(forfeit: TEAM)`",
        );
    }
    Ok(text)
}

/// [`parse`], also taking a fixture still to play: `Home v Away` with no note (a group's
/// `matches`, where [`MatchText::is_fixture`] tells it apart).
pub fn parse_entry(line: &str) -> Result<MatchText<'_>, TextError> {
    let mut forfeit = None;
    let mut extra_time = None;
    let mut penalties = None;
    let body_end = match line.find('(') {
        None => line.len(),
        Some(open) => {
            let trimmed_end = line.trim_end().len();
            if !line[..trimmed_end].ends_with(')') {
                return err(
                    open..line.len(),
                    format!(
                        "unclosed note; expected a note like `(forfeit: Home)` at the end of {FORMS}"
                    ),
                );
            }
            let mut start = open + 1;
            for part in line[open + 1..trimmed_end - 1].split(',') {
                let (note, note_at) = trimmed(line, start..start + part.len());
                start += part.len() + 1;
                if note.starts_with("forfeit:") {
                    let side_start = note_at.start + "forfeit:".len();
                    forfeit = Some(trimmed(line, side_start..note_at.end));
                } else if note == "aet" {
                    extra_time = Some(note_at);
                } else if let Some(score) = note.strip_prefix("pens ") {
                    let Some(p) = parse_score(score.trim()) else {
                        return err(
                            note_at,
                            format!("malformed shoot-out `{note}`; expected `pens 4–3`"),
                        );
                    };
                    if p.0 == p.1 {
                        return err(
                            note_at,
                            format!(
                                "a shoot-out cannot end level (`{note}`); expected a winner, as in `pens 4–3`"
                            ),
                        );
                    }
                    penalties = Some((p, note_at));
                } else {
                    return err(
                        note_at,
                        format!(
                            "unknown note `{note}`; expected `forfeit: TEAM`, `forfeit: both`, `aet` or `pens 4–3`"
                        ),
                    );
                }
            }
            open
        }
    };

    let toks = tokens(&line[..body_end]);
    let separators: Vec<&(Range<usize>, &str)> = toks
        .iter()
        .filter(|(_, t)| {
            *t == "v"
                || (t.chars().any(|c| c.is_ascii_digit())
                    && t.chars().any(is_dash)
                    && t.chars()
                        .all(|c| c.is_ascii_digit() || is_dash(c) || c == '.'))
        })
        .collect();
    let (sep_at, sep) = match separators.as_slice() {
        [] => {
            return err(
                0..body_end,
                format!("no score or `v` between the teams; expected {FORMS}"),
            );
        }
        [one] => (one.0.clone(), one.1),
        [_, second, ..] => {
            return err(
                second.0.clone(),
                format!("a second score or `v` in one match; expected {FORMS}"),
            );
        }
    };

    let score = if sep == "v" {
        None
    } else {
        match parse_score(sep) {
            Some(s) => Some(s),
            None => {
                return err(
                    sep_at,
                    format!(
                        "malformed score `{sep}`; expected two whole numbers of goals (at most {MAX_GOALS}) joined by a dash, like 2–1"
                    ),
                );
            }
        }
    };
    let home = trimmed(line, 0..sep_at.start);
    let away = trimmed(line, sep_at.end..body_end);
    if home.0.is_empty() {
        return err(
            sep_at,
            format!("no home team before `{sep}`; expected {FORMS}"),
        );
    }
    if away.0.is_empty() {
        return err(
            sep_at,
            format!("no away team after `{sep}`; expected {FORMS}"),
        );
    }
    if let (Some(_), Some(at)) = (
        &forfeit,
        extra_time.clone().or(penalties.clone().map(|p| p.1)),
    ) {
        return err(
            at,
            "a forfeited match has no extra time or penalties; expected only `(forfeit: ...)`",
        );
    }
    match (score, &forfeit) {
        (None, None) if extra_time.is_some() || penalties.is_some() => err(
            extra_time.or(penalties.map(|p| p.1)).unwrap_or(sep_at),
            "a fixture still to play (`Home v Away`) has no extra time or penalties; expected a score, as in `Home 1–1 Away (aet)`",
        ),
        (Some(_), Some((_, at))) => err(
            at.clone(),
            "a forfeited match has no score of its own (the rule file's forfeit.score applies); expected `Home v Away (forfeit: ...)`",
        ),
        _ => Ok(MatchText {
            home,
            away,
            score,
            forfeit,
            extra_time,
            penalties,
        }),
    }
}

impl MatchText<'_> {
    /// Whether it is a fixture still to play: `Home v Away` with neither score nor note.
    pub fn is_fixture(&self) -> bool {
        self.score.is_none() && self.forfeit.is_none()
    }

    /// The outcome, once the team names are resolved; `forfeit_side` is the resolved side
    /// (`None` for `both`).
    pub fn outcome(
        &self,
        home: TeamId,
        away: TeamId,
        forfeit_side: Option<TeamId>,
    ) -> Result<Outcome, TextError> {
        if let Some((h, a)) = self.score {
            return Ok(Outcome::Played { home: h, away: a });
        }
        let (name, at) = self
            .forfeit
            .clone()
            .expect("parse guarantees a note without a score");
        match forfeit_side {
            None => Ok(Outcome::Forfeit(Forfeit::Both)),
            Some(t) if t == home => Ok(Outcome::Forfeit(Forfeit::Home)),
            Some(t) if t == away => Ok(Outcome::Forfeit(Forfeit::Away)),
            Some(_) => err(
                at,
                format!(
                    "`{name}` did not play in this match; expected `{}`, `{}` or `both`",
                    self.home.0, self.away.0
                ),
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use pretty_assertions::assert_eq;
    use rstest::rstest;

    #[test]
    fn played_match_with_spaces_in_names() {
        let m = parse("Hellas Verona 1–0 Treviso").unwrap();
        assert_eq!(m.home, ("Hellas Verona", 0..13));
        assert_eq!(m.away.0, "Treviso");
        assert_eq!(m.score, Some((1, 0)));
        assert_eq!(m.forfeit, None);
    }

    #[test]
    fn hyphen_works_like_en_dash() {
        assert_eq!(parse("A 10-2 B").unwrap().score, Some((10, 2)));
    }

    #[test]
    fn digits_inside_a_name_are_not_a_score() {
        let m = parse("Schalke 04 2–1 Hannover 96").unwrap();
        assert_eq!(
            (m.home.0, m.away.0, m.score),
            ("Schalke 04", "Hannover 96", Some((2, 1)))
        );
    }

    #[test]
    fn forfeit_note() {
        let m = parse("Como v Pro Patria (forfeit: Como)").unwrap();
        assert_eq!(m.score, None);
        assert_eq!(m.forfeit, Some(("Como", 28..32)));
        assert_eq!(m.away.0, "Pro Patria");
    }

    #[rstest]
    #[case("A 3– B", "malformed score `3–`", 2..6)]
    #[case("A 1.5-2 B", "malformed score", 2..7)]
    #[case("A B", "no score or `v`", 0..3)]
    #[case("A v B", "fixture still to play", 2..3)]
    #[case("A 1–0 B (forfeit: A)", "no score of its own", 20..21)]
    #[case("A v B (postponed)", "unknown note `postponed`", 7..16)]
    #[case("A v B (forfeit: A", "unclosed note", 6..17)]
    #[case("1–0 B", "no home team", 0..5)]
    #[case("A 1–0 2–1 B", "a second score", 8..13)]
    // Ranges are in bytes: an en dash takes three.
    fn malformed_lines_are_located(
        #[case] line: &str,
        #[case] message: &str,
        #[case] at: Range<usize>,
    ) {
        let e = parse(line).unwrap_err();
        assert!(e.message.contains(message), "{}", e.message);
        assert_eq!(e.at, at);
    }
}
