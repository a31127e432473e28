//! Rounds: how each is played ([`Format`]), who enters it ([`Round`]), and what [`derive()`]
//! works out from them in order ([`RoundFlow`]: the teams arriving and playing, the matches, the
//! teams going on), with the errors of a structure that cannot be played.

use std::collections::BTreeMap;
use std::ops::Range;

use schemars::JsonSchema;
use serde::Deserialize;
use toml::Spanned;

use super::MAX_TEAMS;
use crate::diagnostic::{Code, Diagnostic, Source, closest};

/// How a round is played.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Format {
    /// Round-robin groups; the rule file's `qualification.advance` teams go through from each.
    Groups {
        /// Number of groups.
        groups: u32,
        /// Teams per group.
        size: u32,
    },
    /// Pairs of teams, each tie over `legs` matches (1 or 2).
    Knockout {
        /// Matches per tie.
        legs: u32,
    },
}

/// One round of a competition.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Round {
    /// The round's name ("First round"); ties and facts in data files refer to it.
    pub name: String,
    /// How it is played.
    pub format: Format,
    /// Teams entering here, from their associations or leagues.
    pub fresh: u32,
    /// Teams arriving from other competitions, by competition.
    pub transferred: BTreeMap<String, u32>,
}

impl Round {
    /// All teams entering here (fresh and transferred), not counting those from the round before.
    pub fn entering(&self) -> u32 {
        self.transferred
            .values()
            .fold(self.fresh, |sum, n| sum.saturating_add(*n))
    }
}

/// What [`derive()`] works out for one round.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RoundFlow {
    /// Teams arriving from the previous round.
    pub arriving: u32,
    /// Teams playing the round.
    pub teams: u32,
    /// Matches played in the round.
    pub matches: u32,
    /// Teams going on to the next round.
    pub advancing: u32,
}

/// Works out each round's teams and matches. `advance_per_group` and `meetings` are the group
/// rules' (`None` when the rules have no group stage), and `best_placed` the teams that go
/// through besides, as the best of one place across groups (`[best_placed]`, 0 without). Errors
/// name the round (by index).
///
/// The competition's teams are at most [`MAX_TEAMS`] and its matches, all rounds together, fit
/// a `u32`, so sums of a structure's counts in `u32` cannot overflow; nothing here can either,
/// whatever the rounds.
pub fn derive(
    rounds: &[Round],
    advance_per_group: Option<u32>,
    best_placed: u32,
    meetings: u32,
) -> Result<Vec<RoundFlow>, (usize, String)> {
    let mut flows = Vec::with_capacity(rounds.len());
    let mut arriving = 0;
    let mut total: u32 = 0;
    let mut all_matches: u32 = 0;
    for (i, round) in rounds.iter().enumerate() {
        let name = &round.name;
        total = total.saturating_add(round.entering());
        if total > MAX_TEAMS {
            return Err((
                i,
                format!(
                    "{name} brings the competition to more than {MAX_TEAMS} teams; expected a real competition's numbers"
                ),
            ));
        }
        let teams = arriving + round.entering();
        if teams == 0 {
            return Err((
                i,
                format!("{name} has no teams: none enter it and none arrive from a round before"),
            ));
        }
        let (matches, advancing) = match round.format {
            Format::Groups { groups, size } => {
                let Some(advance) = advance_per_group else {
                    return Err((
                        i,
                        format!(
                            "{name} is a group stage, but the rule file has no [points], [tiebreak] and [qualification] for groups"
                        ),
                    ));
                };
                let held = u64::from(groups) * u64::from(size);
                if held != u64::from(teams) {
                    return Err((
                        i,
                        format!(
                            "{name} has {teams} teams ({arriving} arriving, {} entering), but {groups} groups of {size} hold {held}; expected the two to agree",
                            round.entering(),
                        ),
                    ));
                }
                if advance > size {
                    return Err((
                        i,
                        format!(
                            "{advance} teams advance from each group of {size}: more teams advancing than play"
                        ),
                    ));
                }
                // `held` is `teams`, at most MAX_TEAMS, so only `meetings` can overflow this.
                let matches = (held * u64::from(size - 1) / 2).checked_mul(u64::from(meetings));
                if best_placed > groups {
                    return Err((
                        i,
                        format!(
                            "{best_placed} best-placed teams advance from {groups} groups: more than one from each group"
                        ),
                    ));
                }
                (matches, groups * advance + best_placed)
            }
            Format::Knockout { legs } => {
                if teams % 2 == 1 {
                    return Err((
                        i,
                        format!(
                            "{name} has an odd number of teams ({teams}: {arriving} arriving, {} entering); expected pairs for a knockout round",
                            round.entering()
                        ),
                    ));
                }
                (u64::from(teams / 2).checked_mul(u64::from(legs)), teams / 2)
            }
        };
        let Some(matches) = matches.and_then(|m| u32::try_from(m).ok()) else {
            return Err((
                i,
                format!(
                    "{name} has more matches than can be counted; expected a real competition's numbers"
                ),
            ));
        };
        let Some(sum) = all_matches.checked_add(matches) else {
            return Err((
                i,
                format!(
                    "{name} brings the competition to more matches than can be counted; expected a real competition's numbers"
                ),
            ));
        };
        all_matches = sum;
        flows.push(RoundFlow {
            arriving,
            teams,
            matches,
            advancing,
        });
        arriving = advancing;
    }
    if let (Some(last), Some(flow)) = (rounds.last(), flows.last())
        && matches!(last.format, Format::Knockout { .. })
        && flow.teams != 2
    {
        return Err((
            rounds.len() - 1,
            format!(
                "the last round, {}, has {} teams; expected a final between 2",
                last.name, flow.teams
            ),
        ));
    }
    Ok(flows)
}

// A `[[round]]` as written. (Comments here, not doc comments: those would become descriptions
// in the published schema.)
#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(in crate::rules) struct RoundFile {
    #[schemars(with = "String")]
    pub(super) name: Spanned<String>,
    #[schemars(with = "String")]
    format: Spanned<String>,
    #[schemars(with = "Option<u32>", range(min = 1, max = 2))]
    legs: Option<Spanned<u32>>,
    #[schemars(range(max = MAX_TEAMS))]
    groups: Option<u32>,
    #[schemars(range(max = MAX_TEAMS))]
    group_size: Option<u32>,
    #[serde(default)]
    #[schemars(range(max = MAX_TEAMS))]
    fresh: u32,
    #[serde(default)]
    #[schemars(schema_with = "transferred_schema")]
    transferred: BTreeMap<String, u32>,
}

/// `transferred`: teams by competition, each number at most [`MAX_TEAMS`].
fn transferred_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
    schemars::json_schema!({
        "type": "object",
        "additionalProperties": { "type": "integer", "format": "uint32", "minimum": 0, "maximum": MAX_TEAMS },
        "default": {},
    })
}

impl RoundFile {
    /// The round as written, its format checked; errors point at the key at fault, or at the
    /// round (`at`) when the fault is a key left out.
    pub(super) fn build(&self, source: &Source, at: Range<usize>) -> Result<Round, Diagnostic> {
        // `fresh` and `transferred` are bounded by the competition's teams, in `derive()`.
        for (key, n) in [("groups", self.groups), ("group_size", self.group_size)] {
            if let Some(n) = n.filter(|n| *n > MAX_TEAMS) {
                return Err(source.error(
                    Code::WrongValue,
                    at,
                    format!(
                        "`{key}` is {n}, too large for a number of teams; expected at most {MAX_TEAMS}, the most teams a competition may have"
                    ),
                ));
            }
        }
        let format = match self.format.get_ref().as_str() {
            "knockout" => {
                let legs = self.legs.as_ref().map_or(2, |l| *l.get_ref());
                if !(1..=2).contains(&legs) {
                    let at = self.legs.as_ref().map_or(at.clone(), |l| l.span());
                    return Err(source.error(
                        Code::ImpossibleRounds,
                        at,
                        format!("{legs} legs; expected 1 (one match) or 2 (home and away)"),
                    ));
                }
                if self.groups.is_some() || self.group_size.is_some() {
                    return Err(source.error(
                        Code::ImpossibleRounds,
                        at,
                        "a knockout round has no `groups` or `group_size`; expected `legs`",
                    ));
                }
                Format::Knockout { legs }
            }
            "groups" => {
                let (Some(groups), Some(size)) = (self.groups, self.group_size) else {
                    return Err(source.error(
                        Code::ImpossibleRounds,
                        at,
                        "a group round needs `groups` and `group_size`",
                    ));
                };
                if groups == 0 || size < 2 {
                    return Err(source.error(
                        Code::ImpossibleRounds,
                        at,
                        format!(
                            "{groups} groups of {size}; expected at least one group of two or more"
                        ),
                    ));
                }
                if let Some(l) = &self.legs {
                    return Err(source.error(
                        Code::ImpossibleRounds,
                        l.span(),
                        "a group round has no `legs`; how often teams meet is `group.meetings`",
                    ));
                }
                Format::Groups { groups, size }
            }
            other => {
                let hint = closest(other, ["knockout", "groups"])
                    .map(|k| format!("; did you mean \"{k}\"?"))
                    .unwrap_or_default();
                return Err(source.error(Code::ImpossibleRounds, self.format.span(), format!("unknown round format \"{other}\"; expected \"knockout\" or \"groups\"{hint}")));
            }
        };
        Ok(Round {
            name: self.name.get_ref().clone(),
            format,
            fresh: self.fresh,
            transferred: self.transferred.clone(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use pretty_assertions::assert_eq;
    use rstest::rstest;

    fn knockout(name: &str, legs: u32, fresh: u32, transferred: u32) -> Round {
        let mut t = BTreeMap::new();
        if transferred > 0 {
            t.insert("elsewhere".to_string(), transferred);
        }
        Round {
            name: name.to_string(),
            format: Format::Knockout { legs },
            fresh,
            transferred: t,
        }
    }

    #[test]
    fn coppa_italia_flow() {
        // 32 in 8 groups of 4, winners meet 8 newcomers, then 8 more; two legs to the final.
        let rounds = vec![
            Round {
                name: "Group stage".into(),
                format: Format::Groups { groups: 8, size: 4 },
                fresh: 32,
                transferred: BTreeMap::new(),
            },
            knockout("Second round", 2, 8, 0),
            knockout("Round of 16", 2, 8, 0),
            knockout("Quarter-finals", 2, 0, 0),
            knockout("Semi-finals", 2, 0, 0),
            knockout("Final", 2, 0, 0),
        ];
        let flows = derive(&rounds, Some(1), 0, 1).unwrap();
        let teams: Vec<u32> = flows.iter().map(|f| f.teams).collect();
        let matches: Vec<u32> = flows.iter().map(|f| f.matches).collect();
        assert_eq!(teams, [32, 16, 16, 8, 4, 2]);
        assert_eq!(matches, [48, 16, 16, 8, 4, 2]);
    }

    #[rstest]
    #[case::odd_knockout(vec![knockout("A", 2, 7, 0), knockout("F", 1, 0, 0)], 0, "odd number of teams (7")]
    #[case::no_teams(vec![knockout("A", 2, 0, 0)], 0, "has no teams")]
    #[case::final_not_two(vec![knockout("A", 2, 8, 0)], 0, "expected a final between 2")]
    #[case::groups_do_not_hold(vec![Round { name: "G".into(), format: Format::Groups { groups: 2, size: 4 }, fresh: 6, transferred: BTreeMap::new() }], 0, "2 groups of 4 hold 8")]
    #[case::more_advance_than_play(vec![Round { name: "G".into(), format: Format::Groups { groups: 1, size: 2 }, fresh: 2, transferred: BTreeMap::new() }], 0, "more teams advancing than play")]
    fn impossible_structures(#[case] rounds: Vec<Round>, #[case] at: usize, #[case] message: &str) {
        let advance = if message.contains("advancing") { 3 } else { 1 };
        let (i, m) = derive(&rounds, Some(advance), 0, 1).unwrap_err();
        assert_eq!(i, at);
        assert!(m.contains(message), "{m}");
    }

    fn groups(name: &str, groups: u32, size: u32, fresh: u32) -> Round {
        Round {
            name: name.to_string(),
            format: Format::Groups { groups, size },
            fresh,
            transferred: BTreeMap::new(),
        }
    }

    #[test]
    fn the_largest_competition_derives_without_overflow() {
        // 951,424 fresh, then 48,576 transferred: 2^19 in the second round, halving to a final.
        let mut rounds = vec![knockout("R1", 2, 951_424, 0), knockout("R2", 2, 0, 48_576)];
        rounds.extend((3..=20).map(|n| knockout(&format!("R{n}"), 2, 0, 0)));
        let flows = derive(&rounds, None, 0, 1).unwrap();
        let entering: u32 = rounds.iter().map(Round::entering).sum();
        assert_eq!(entering, MAX_TEAMS);
        assert_eq!(flows[1].teams, 1 << 19);
        assert_eq!(flows.last().unwrap().teams, 2);
        let matches: u32 = flows.iter().map(|f| f.matches).sum();
        assert_eq!(matches, 951_424 + 2 * ((1 << 19) - 1));
    }

    #[rstest]
    // One group of a million, each pair meeting four thousand million times: past even a u64.
    #[case::meetings(vec![groups("G", 1, MAX_TEAMS, MAX_TEAMS)], MAX_TEAMS, u32::MAX, 0, "G has more matches than can be counted")]
    #[case::legs(vec![knockout("F", u32::MAX, 4, 0)], 1, 1, 0, "F has more matches than can be counted")]
    // Two groups of 92,000, each of 4,231,954,000 matches: each fits a u32, the two do not.
    #[case::all_rounds(vec![groups("G1", 1, 92_000, 92_000), groups("G2", 1, 92_000, 0)], 92_000, 1, 1, "G2 brings the competition to more matches than can be counted")]
    fn more_matches_than_a_u32_holds_are_an_error_not_an_overflow(
        #[case] rounds: Vec<Round>,
        #[case] advance: u32,
        #[case] meetings: u32,
        #[case] at: usize,
        #[case] message: &str,
    ) {
        let (i, m) = derive(&rounds, Some(advance), 0, meetings).unwrap_err();
        assert_eq!(i, at);
        assert!(m.starts_with(message), "{m}");
    }
}
