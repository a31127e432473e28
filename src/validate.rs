//! The `validate` stage: every check of a competition against the rules it is computed under,
//! in one place, collecting every problem it finds (up to the cap).
//!
//! Readers turn bytes into a [`Competition`] without knowing the rules (a data file lent as
//! `--record` to a CSV season is read the same way as on its own); resolution picks the rule
//! file; this module then compares the two. A problem names the data file's place and, where
//! the rules say otherwise, the rule file's place too (`group.meetings = 1`, the `[[round]]`).
//! [`structure`] holds the checks that need no rules, for callers without any (`import`).

use std::ops::Range;

use rustc_hash::FxHashMap;

use crate::diagnostic::{Code, Diagnostic, Diagnostics, closest, excerpt, list};
use crate::model::{Competition, Forfeit, Group, Line, Outcome, TeamId};
use crate::rules::RuleSet;
use crate::rules::structure::{Format, Round};

/// Checks that need no rules: no team plays itself, in a group or in a knockout tie.
pub fn structure(competition: &Competition) -> Diagnostics {
    let mut found = Diagnostics::new();
    let plays_itself = |name: &str| format!("{name} plays itself; expected two different teams");
    for group in &competition.groups {
        for (i, m) in group.matches.iter().enumerate() {
            if m.home == m.away {
                found.push(at(
                    competition,
                    Code::PlaysItself,
                    group.spans.of_match(i),
                    group.line,
                    plays_itself(group.team_name(m.home)),
                ));
            }
        }
    }
    for tie in &competition.ties {
        if tie.teams[0] == tie.teams[1] {
            found.push(at(
                competition,
                Code::PlaysItself,
                Some(tie.spans.first_leg.clone()),
                tie.line,
                plays_itself(&tie.teams[0]),
            ));
        }
    }
    found
}

/// Checks `competition` against `rules`: the checks of [`structure`]; groups need a group
/// stage; no pair meets more often than `group.meetings`; a forfeit a source scored itself
/// matches `forfeit.score`; ties, entrants and the access list name rounds the rules have, ties
/// with the round's number of legs.
pub fn competition(competition: &Competition, rules: &RuleSet) -> Diagnostics {
    let mut found = structure(competition);
    if let Some(first) = competition.groups.first() {
        match &rules.groups {
            None => found.push(with_rule(
                rules,
                competition.error_at_line(
                    Code::NoGroupStage,
                    first.line,
                    "the data has groups, but the rule file has no group stage; expected [points], [tiebreak] and [qualification] in it",
                ),
                None,
                "these rules have no group stage",
            )),
            Some(group_rules) => {
                for group in &competition.groups {
                    meetings(competition, rules, group, group_rules.meetings, &mut found);
                    written_forfeits(competition, rules, group, group_rules.forfeit.score, &mut found);
                }
                one_group_each(competition, rules, &mut found);
            }
        }
    }
    rounds(competition, rules, &mut found);
    found
}

/// A team in two groups of one season, where the rules have at most one group round (a
/// competition with a second group stage has its teams in two groups by design; a file of
/// several seasons has a team in a group of each): one problem per team, at the later group.
fn one_group_each(competition: &Competition, rules: &RuleSet, found: &mut Diagnostics) {
    let group_rounds = rules.structure.as_ref().map_or(1, |s| {
        let groups = |r: &&Round| matches!(r.format, Format::Groups { .. });
        s.rounds.iter().filter(groups).count()
    });
    if group_rounds > 1 {
        return;
    }
    // Names are compared as spellings of one team are: case aside (see `Code::TwoSpellings`).
    let mut first_group: FxHashMap<(Option<&str>, String), &str> = FxHashMap::default();
    for group in &competition.groups {
        let season = group.spans.season.as_deref();
        for team in &group.teams {
            match first_group.get(&(season, team.to_lowercase())) {
                Some(&earlier) if earlier != group.name => found.push(competition.error_at_line(
                    Code::TeamInTwoGroups,
                    group.line,
                    format!(
                        "\"{}\" is in {earlier} and in {}; expected each team in one group (the rules have one group round)",
                        excerpt(team),
                        group.name
                    ),
                )),
                Some(_) => {}
                None => {
                    first_group.insert((season, team.to_lowercase()), &group.name);
                }
            }
        }
    }
}

/// A diagnostic at `span` of the competition's file when the reader kept it, else at `line`.
fn at(
    competition: &Competition,
    code: Code,
    span: Option<Range<usize>>,
    line: Line,
    message: String,
) -> Diagnostic {
    match (&competition.origin.0, span.filter(|s| !s.is_empty())) {
        (Some(source), Some(span)) => source.error(code, span, message),
        _ => competition.error_at_line(code, line, message),
    }
}

/// Adds the rule file's place (`span`, or its first line for a default) to `diagnostic`.
fn with_rule(
    rules: &RuleSet,
    diagnostic: Diagnostic,
    span: Option<Range<usize>>,
    message: &str,
) -> Diagnostic {
    match rules.origin.label(span, message) {
        Some(label) => diagnostic.with_label(label),
        None => diagnostic,
    }
}

/// Pairs meeting more often than `group.meetings`: one problem per match beyond the limit, with
/// what the source says such a pair suggests (`GroupSpans::meetings_hint`). A team playing
/// itself is [`structure`]'s problem, not a pair.
fn meetings(
    competition: &Competition,
    rules: &RuleSet,
    group: &Group,
    meetings: u32,
    found: &mut Diagnostics,
) {
    let mut met = PairCounts::new(group.teams.len(), group.matches.len());
    // Fixtures still to play count too: a pair's meetings are the ones played and to play.
    let played = group.matches.iter().map(|m| (m.home, m.away));
    let to_play = group.fixtures.iter().map(|f| (f.home, f.away));
    let spans = |i: usize| match i.checked_sub(group.matches.len()) {
        None => group.spans.of_match(i),
        Some(f) => group.spans.fixtures.get(f).cloned(),
    };
    for (i, (home, away)) in played.chain(to_play).enumerate() {
        if home == away {
            continue;
        }
        let pair = (home.min(away), home.max(away));
        let count = met.add(pair);
        if count <= meetings {
            continue;
        }
        if found.is_full() {
            found.omit();
            continue;
        }
        let stated = rules.origin.meetings.clone();
        let why = if stated.is_some() {
            format!("each pair meets {meetings} time(s) here")
        } else {
            format!(
                "no `group.meetings` in the rule file: each pair meets {meetings} time(s) by default"
            )
        };
        let hint = group
            .spans
            .meetings_hint
            .map(|hint| format!(": {hint}"))
            .unwrap_or_default();
        let problem = at(
            competition,
            Code::TooManyMeetings,
            spans(i),
            group.line,
            format!(
                "{} and {} meet {count} times in {}; the rules say each pair meets {meetings} time(s) (`group.meetings`){hint}",
                group.team_name(pair.0),
                group.team_name(pair.1),
                group.name
            ),
        );
        found.push(with_rule(rules, problem, stated, &why));
    }
}

/// How often each pair of a group's teams has met so far: a triangular matrix of counts when
/// the group's teams are few enough for one (a league, even a 2,000-team group: 2 million
/// pairs, 8 MB), else a map of the pairs that met.
enum PairCounts {
    Matrix { teams: usize, counts: Vec<u32> },
    Map(FxHashMap<(TeamId, TeamId), u32>),
}

impl PairCounts {
    /// Counts for a group of `teams` teams and `matches` matches.
    fn new(teams: usize, matches: usize) -> PairCounts {
        let pairs = teams * teams.saturating_sub(1) / 2;
        // The matrix when it is no larger than four counts a match (or small anyway).
        if pairs <= matches.saturating_mul(4).max(1 << 16) {
            PairCounts::Matrix {
                teams,
                counts: vec![0; pairs],
            }
        } else {
            PairCounts::Map(FxHashMap::default())
        }
    }

    /// Counts one more meeting of `(low, high)` (`low` < `high`) and gives the count.
    fn add(&mut self, (low, high): (TeamId, TeamId)) -> u32 {
        let count = match self {
            PairCounts::Matrix { teams, counts } => {
                let (i, j) = (low.index(), high.index());
                // Row i of the upper triangle starts after rows 0..i: i·n − i(i+1)/2 cells.
                &mut counts[i * *teams - i * (i + 1) / 2 + (j - i - 1)]
            }
            PairCounts::Map(map) => map.entry((low, high)).or_default(),
        };
        *count += 1;
        *count
    }
}

/// Forfeits a source scored itself (a season summary's `0–3`) that the rules award otherwise.
fn written_forfeits(
    competition: &Competition,
    rules: &RuleSet,
    group: &Group,
    [awarded, conceded]: [u32; 2],
    found: &mut Diagnostics,
) {
    for (i, [home, away], span) in &group.spans.written_forfeits {
        let Some(Outcome::Forfeit(side)) = group.matches.get(*i).map(|m| m.outcome()) else {
            // Only a reader that read a forfeit writes its score here.
            continue;
        };
        let written = (*home, *away);
        let agrees = match side {
            Forfeit::Home => written == (conceded, awarded),
            Forfeit::Away => written == (awarded, conceded),
            Forfeit::Both => written == (conceded, awarded) || written == (awarded, conceded),
        };
        if agrees {
            continue;
        }
        let problem = at(
            competition,
            Code::ForfeitDisagrees,
            Some(span.clone()),
            group.line,
            format!(
                "the source scores this forfeit {home}–{away}; the rules award {awarded}–{conceded} (forfeit.score): expected the source and the rules to agree"
            ),
        );
        found.push(with_rule(
            rules,
            problem,
            rules.origin.forfeit_score.clone(),
            &format!("the rules award {awarded}–{conceded}"),
        ));
    }
}

/// Ties, entrants and the access list against the rules' rounds.
fn rounds(competition: &Competition, rules: &RuleSet, found: &mut Diagnostics) {
    let rounds = rules
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
            "no round named \"{}\" in the rules; expected one of {}{hint}",
            excerpt(name),
            list(&names, ", ")
        )
    };
    for tie in &competition.ties {
        let Some(index) = names.iter().position(|n| *n == tie.round) else {
            found.push(at(
                competition,
                Code::UnknownRound,
                Some(tie.spans.round.clone()),
                tie.line,
                unknown(&tie.round),
            ));
            continue;
        };
        let round = &rounds[index];
        let problem = match round.format {
            Format::Groups { .. } => at(
                competition,
                Code::TieInGroupRound,
                Some(tie.spans.round.clone()),
                tie.line,
                format!(
                    "{} is a group round; expected a knockout round for a tie",
                    tie.round
                ),
            ),
            Format::Knockout { legs } if legs as usize != tie.legs.len() => at(
                competition,
                Code::LegsDisagree,
                Some(tie.spans.legs.clone()),
                tie.line,
                format!(
                    "{} leg(s); expected {legs}, as the rules' {} has",
                    tie.legs.len(),
                    tie.round
                ),
            ),
            Format::Knockout { .. } => continue,
        };
        found.push(with_rule(
            rules,
            problem,
            rules.origin.rounds.get(index).cloned(),
            &format!("{} is defined here", round.name),
        ));
    }
    let entrants = competition
        .entrants
        .iter()
        .map(|e| (e.round.as_str(), Some(e.spans.round.clone()), e.line));
    let access = competition
        .record
        .round_sizes
        .iter()
        .map(|r| (r.value.round.as_str(), None, r.line));
    for (name, span, line) in entrants.chain(access) {
        if !names.contains(&name) {
            found.push(at(
                competition,
                Code::UnknownRound,
                span,
                line,
                unknown(name),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The matrix gives every pair of a group its own count, as the map does: counting each
    /// pair `k` times for `k` from 1 gives the same counts both ways.
    #[test]
    fn the_pair_matrix_counts_as_the_map_does() {
        for teams in 2..12 {
            let mut matrix = PairCounts::new(teams, 0);
            let mut map = PairCounts::Map(FxHashMap::default());
            assert!(matches!(matrix, PairCounts::Matrix { .. }));
            let t = TeamId::new;
            let pairs = (0..teams).flat_map(|i| (i + 1..teams).map(move |j| (t(i), t(j))));
            for (k, pair) in pairs.clone().enumerate() {
                for _ in 0..k {
                    matrix.add(pair);
                    map.add(pair);
                }
            }
            for (k, pair) in pairs.enumerate() {
                let k = u32::try_from(k).unwrap();
                assert_eq!((matrix.add(pair), map.add(pair)), (k + 1, k + 1));
            }
        }
        // A group of many teams and few matches counts in a map.
        assert!(matches!(PairCounts::new(100_000, 10), PairCounts::Map(_)));
    }
}
