//! The `validate` stage: every check of a competition against the rules it is computed under,
//! in one place, collecting all problems of a run.
//!
//! Readers turn bytes into a [`Competition`] without knowing the rules (a data file lent as
//! `--record` to a CSV season is read the same way as on its own); resolution picks the rule
//! file; this module then compares the two. A problem names the data file's place and, where
//! the rules say otherwise, the rule file's place too (`group.meetings = 1`, the `[[round]]`).

use std::collections::HashMap;

use crate::diagnostic::{Code, Diagnostic, Diagnostics, Label, closest};
use crate::model::{Competition, Forfeit, Group, Outcome};
use crate::rules::RuleSet;
use crate::rules::structure::Format;

/// Checks `competition` against `rules`: groups need a group stage; no team plays itself; no
/// pair meets more often than `group.meetings`; a forfeit a source scored itself matches
/// `forfeit.score`; ties, entrants and the access list name rounds the rules have, ties with
/// the round's number of legs. Returns every problem found (up to the cap).
pub fn competition(competition: &Competition, rules: &RuleSet) -> Diagnostics {
    let mut found = Diagnostics::new();
    let here = Here { competition, rules };
    if let Some(first) = competition.groups.first() {
        match &rules.groups {
            None => found.push(here.both(
                here.line(
                    Code::NoGroupStage,
                    first.line,
                    "the data has groups, but the rule file has no group stage; expected [points], [tiebreak] and [qualification] in it",
                ),
                None,
                "these rules have no group stage",
            )),
            Some(group_rules) => {
                for group in &competition.groups {
                    plays_itself(&here, group, &mut found);
                    meetings(&here, group, group_rules.meetings, &mut found);
                    written_forfeits(&here, group, group_rules.forfeit.score, &mut found);
                }
            }
        }
    }
    for tie in &competition.ties {
        if tie.teams[0] == tie.teams[1] {
            let message = format!(
                "{} plays itself; expected two different teams",
                tie.teams[0]
            );
            found.push(match &competition.origin.0 {
                Some(source) if !tie.spans.legs.is_empty() => {
                    source.error(Code::PlaysItself, tie.spans.legs.clone(), message)
                }
                _ => competition.error_at_line(Code::PlaysItself, tie.line, message),
            });
        }
    }
    rounds(&here, &mut found);
    found
}

/// The competition and its rules, for locating problems in both files.
struct Here<'a> {
    competition: &'a Competition,
    rules: &'a RuleSet,
}

impl Here<'_> {
    /// A diagnostic at `span` of the data file, or at the group's line when the span is unknown.
    fn at(
        &self,
        code: Code,
        group: &Group,
        span: Option<std::ops::Range<usize>>,
        message: String,
    ) -> Diagnostic {
        match (span, &self.competition.origin.0) {
            (Some(span), Some(source)) => source.error(code, span, message),
            _ => self.line(code, group.line, message),
        }
    }

    /// A diagnostic at line `line` of the data file.
    fn line(&self, code: Code, line: usize, message: impl Into<String>) -> Diagnostic {
        self.competition.error_at_line(code, line, message)
    }

    /// Adds the rule file's place (`span`, or its first line for a default) to `diagnostic`.
    fn both(
        &self,
        diagnostic: Diagnostic,
        span: Option<std::ops::Range<usize>>,
        message: &str,
    ) -> Diagnostic {
        match self.rules.origin.label(span, message) {
            Some(label) => diagnostic.with_label(label),
            None => diagnostic,
        }
    }
}

/// A match between a team and itself (after aliases are resolved).
fn plays_itself(here: &Here<'_>, group: &Group, found: &mut Diagnostics) {
    for (i, m) in group.matches.iter().enumerate() {
        if m.home == m.away {
            found.push(here.at(
                Code::PlaysItself,
                group,
                group.spans.of_match(i),
                format!(
                    "{} plays itself; expected two different teams",
                    group.team_name(m.home)
                ),
            ));
        }
    }
}

/// Pairs meeting more often than `group.meetings`: one problem per match beyond the limit.
fn meetings(here: &Here<'_>, group: &Group, meetings: u32, found: &mut Diagnostics) {
    let mut met: HashMap<(usize, usize), u32> = HashMap::new();
    for (i, m) in group.matches.iter().enumerate() {
        let pair = (m.home.min(m.away), m.home.max(m.away));
        let count = met.entry(pair).or_default();
        *count += 1;
        if *count > meetings {
            let stated = here.rules.origin.meetings.clone();
            let why = if stated.is_some() {
                format!("each pair meets {meetings} time(s) here")
            } else {
                format!(
                    "no `group.meetings` in the rule file: each pair meets {meetings} time(s) by default"
                )
            };
            found.push(here.both(
                here.at(
                    Code::TooManyMeetings,
                    group,
                    group.spans.of_match(i),
                    format!(
                        "{} and {} meet {count} times in {}; the rules say each pair meets {meetings} time(s) (`group.meetings`)",
                        group.team_name(pair.0),
                        group.team_name(pair.1),
                        group.name
                    ),
                ),
                stated,
                &why,
            ));
        }
    }
}

/// Forfeits a source scored itself (a season summary's `0–3`) that the rules award otherwise.
fn written_forfeits(here: &Here<'_>, group: &Group, award: [u32; 2], found: &mut Diagnostics) {
    let [awarded, conceded] = award;
    for (i, [home, away], at) in &group.spans.written_forfeits {
        let (i, home, away) = (*i, *home, *away);
        let Some(Outcome::Forfeit(side)) = group.matches.get(i).map(|m| m.outcome) else {
            continue;
        };
        let expected = match side {
            Forfeit::Home => vec![(conceded, awarded)],
            Forfeit::Away => vec![(awarded, conceded)],
            Forfeit::Both => vec![(conceded, awarded), (awarded, conceded)],
        };
        if !expected.contains(&(home, away)) {
            found.push(here.both(
                here.at(
                    Code::ForfeitDisagrees,
                    group,
                    Some(at.clone()),
                    format!(
                        "the source scores this forfeit {home}–{away}; the rules award {awarded}–{conceded} (forfeit.score): expected the source and the rules to agree"
                    ),
                ),
                here.rules.origin.forfeit_score.clone(),
                &format!("the rules award {awarded}–{conceded}"),
            ));
        }
    }
}

/// Ties, entrants and the access list against the rules' rounds.
fn rounds(here: &Here<'_>, found: &mut Diagnostics) {
    let rounds = here
        .rules
        .structure
        .as_ref()
        .map_or(&[][..], |s| s.rounds.as_slice());
    if rounds.is_empty() {
        // Without rounds in the rules, any round name is accepted.
        return;
    }
    let names: Vec<&str> = rounds.iter().map(|r| r.name.as_str()).collect();
    let unknown = |name: &str| {
        let hint = closest(name, names.iter().copied())
            .map(|k| format!("; did you mean \"{k}\"?"))
            .unwrap_or_default();
        format!(
            "no round named \"{name}\" in the rules; expected one of {}{hint}",
            names.join(", ")
        )
    };
    let round_label = |i: usize, message: String| -> Option<Label> {
        here.rules
            .origin
            .label(here.rules.origin.rounds.get(i).cloned(), message)
    };
    let competition = here.competition;
    for tie in &competition.ties {
        let at =
            |code: Code, span: std::ops::Range<usize>, message: String| match &competition.origin.0
            {
                Some(source) if !span.is_empty() => source.error(code, span, message),
                _ => competition.error_at_line(code, tie.line, message),
            };
        let Some(index) = names.iter().position(|n| *n == tie.round) else {
            found.push(at(
                Code::UnknownRound,
                tie.spans.round.clone(),
                unknown(&tie.round),
            ));
            continue;
        };
        let round = &rounds[index];
        let diagnostic = match round.format {
            Format::Groups { .. } => Some(at(
                Code::TieInGroupRound,
                tie.spans.round.clone(),
                format!(
                    "{} is a group round; expected a knockout round for a tie",
                    tie.round
                ),
            )),
            Format::Knockout { legs } if legs as usize != tie.legs.len() => Some(at(
                Code::LegsDisagree,
                tie.spans.legs.clone(),
                format!(
                    "{} leg(s); expected {legs}, as the rules' {} has",
                    tie.legs.len(),
                    tie.round
                ),
            )),
            Format::Knockout { .. } => None,
        };
        if let Some(d) = diagnostic {
            let label = round_label(index, format!("{} is defined here", round.name));
            found.push(match label {
                Some(l) => d.with_label(l),
                None => d,
            });
        }
    }
    let mut named: Vec<(&str, usize)> = competition
        .entrants
        .iter()
        .map(|e| (e.round.as_str(), e.line))
        .collect();
    named.extend(
        competition
            .record
            .round_sizes
            .iter()
            .map(|r| (r.value.0.as_str(), r.line)),
    );
    for (name, line) in named {
        if !names.contains(&name) {
            found.push(competition.error_at_line(Code::UnknownRound, line, unknown(name)));
        }
    }
}
