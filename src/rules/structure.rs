//! The shape of a whole competition in a rule file: its rounds in order, how ties are decided,
//! and how places are allocated by an association ranking.
//!
//! ```toml
//! [[round]]
//! name = "Qualifying round"
//! format = "knockout"        # or "groups"
//! legs = 2
//! fresh = 82                 # teams entering here from their associations
//! transferred = { "UEFA Champions League" = 16 }   # teams arriving from other competitions
//! ```
//! [`derive()`] walks the rounds and works out how many teams play each one; a structure that
//! cannot be played (an odd number of teams in a knockout round, groups that do not hold the
//! teams arriving, a final that is not between two teams) is an error at the round's line.

use std::collections::BTreeMap;
use std::ops::Range;

use schemars::JsonSchema;
use serde::Deserialize;
use toml::Spanned;

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

/// The most teams a competition may have: far beyond any real one, and small enough that no
/// count derived from it can overflow.
pub const MAX_TEAMS: u32 = 1_000_000;

impl Round {
    /// All teams entering here (fresh and transferred), not counting those from the round before.
    pub fn entering(&self) -> u32 {
        self.transferred
            .values()
            .fold(self.fresh, |sum, n| sum.saturating_add(*n))
    }
}

/// How a two-legged or one-match tie is decided when the score is level.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KnockoutRule {
    /// After a level aggregate, the side with more away goals goes through.
    pub away_goals: bool,
    /// Whether away goals still decide after extra time in the second leg.
    pub away_goals_after_extra_time: bool,
    /// A tie still level after extra time is decided by a penalty shoot-out.
    pub penalties: bool,
}

/// Places per association, by rank in a coefficient ranking.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Allocation {
    /// Rank ranges and the places each rank in them gets.
    pub ranges: Vec<RankRange>,
    /// Ranks that get another number of places, with the reason.
    pub exceptions: Vec<Exception>,
    /// Associations given one extra place each through the fair-play ranking.
    pub fair_play: u32,
}

/// Ranks `from..=to` get `places` places each.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RankRange {
    /// First rank of the range.
    pub from: u32,
    /// Last rank of the range.
    pub to: u32,
    /// Places per rank.
    pub places: u32,
}

/// One rank's places set by a named exception (a suspension, no full league).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Exception {
    /// The rank.
    pub rank: u32,
    /// Its places.
    pub places: u32,
    /// Why, in words.
    pub why: String,
}

impl Allocation {
    /// The places a rank gets, exceptions first; `None` when no range covers the rank.
    pub fn places(&self, rank: u32) -> Option<u32> {
        if let Some(e) = self.exceptions.iter().find(|e| e.rank == rank) {
            return Some(e.places);
        }
        self.ranges
            .iter()
            .find(|r| (r.from..=r.to).contains(&rank))
            .map(|r| r.places)
    }
}

/// A competition's rounds and the options that go with them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Structure {
    /// The rounds, first to last.
    pub rounds: Vec<Round>,
    /// Each round's teams and matches, derived from the rounds when the rules were loaded.
    pub flows: Vec<RoundFlow>,
    /// The round from which matches are counted (an infobox may leave out qualifying).
    pub count_matches_from: usize,
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
/// rules' (`None` when the rules have no group stage). Errors name the round (by index).
pub fn derive(
    rounds: &[Round],
    advance_per_group: Option<u32>,
    meetings: u32,
) -> Result<Vec<RoundFlow>, (usize, String)> {
    let mut flows = Vec::with_capacity(rounds.len());
    let mut arriving = 0;
    let mut total: u32 = 0;
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
                if u64::from(groups) * u64::from(size) != u64::from(teams) {
                    return Err((
                        i,
                        format!(
                            "{name} has {teams} teams ({arriving} arriving, {} entering), but {groups} groups of {size} hold {}; expected the two to agree",
                            round.entering(),
                            groups * size
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
                let matches = u64::from(groups) * u64::from(size) * u64::from(size - 1) / 2
                    * u64::from(meetings);
                let Ok(matches) = u32::try_from(matches) else {
                    return Err((
                        i,
                        format!(
                            "{name} has more matches than can be counted; expected a real competition's numbers"
                        ),
                    ));
                };
                (matches, groups * advance)
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
                (teams / 2 * legs, teams / 2)
            }
        };
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

#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(super) struct RoundFile {
    #[schemars(with = "String")]
    name: Spanned<String>,
    #[schemars(with = "String")]
    format: Spanned<String>,
    #[schemars(with = "Option<u32>")]
    legs: Option<Spanned<u32>>,
    groups: Option<u32>,
    group_size: Option<u32>,
    #[serde(default)]
    fresh: u32,
    #[serde(default)]
    transferred: BTreeMap<String, u32>,
}

#[derive(Deserialize, JsonSchema, Default)]
#[serde(deny_unknown_fields)]
pub(super) struct StructureFile {
    #[schemars(with = "Option<String>")]
    count_matches_from: Option<Spanned<String>>,
}

#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(super) struct KnockoutFile {
    #[serde(default = "yes")]
    away_goals: bool,
    #[serde(default = "yes")]
    away_goals_after_extra_time: bool,
    #[serde(default = "yes")]
    penalties: bool,
}

fn yes() -> bool {
    true
}

impl Default for KnockoutFile {
    fn default() -> Self {
        KnockoutFile {
            away_goals: true,
            away_goals_after_extra_time: true,
            penalties: true,
        }
    }
}

#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(super) struct AllocationFile {
    #[schemars(with = "Vec<RangeFile>")]
    ranges: Vec<Spanned<RangeFile>>,
    #[serde(default)]
    exceptions: Vec<ExceptionFile>,
    #[serde(default)]
    fair_play: u32,
}

#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
struct RangeFile {
    from: u32,
    to: u32,
    places: u32,
}

#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
struct ExceptionFile {
    rank: u32,
    places: u32,
    why: String,
}

impl KnockoutFile {
    pub(super) fn build(&self) -> KnockoutRule {
        KnockoutRule {
            away_goals: self.away_goals,
            away_goals_after_extra_time: self.away_goals_after_extra_time,
            penalties: self.penalties,
        }
    }
}

impl AllocationFile {
    pub(super) fn build(&self, source: &Source) -> Result<Allocation, Diagnostic> {
        let mut ranges: Vec<RankRange> = Vec::new();
        for r in &self.ranges {
            let v = r.get_ref();
            if v.from == 0 || v.from > v.to {
                return Err(source.error(
                    Code::RankRanges,
                    r.span(),
                    format!(
                        "rank range {}–{} is empty; expected `from` between 1 and `to`",
                        v.from, v.to
                    ),
                ));
            }
            if let Some(o) = ranges.iter().find(|o| v.from <= o.to && o.from <= v.to) {
                return Err(source.error(
                    Code::RankRanges,
                    r.span(),
                    format!(
                        "ranks {}–{} overlap ranks {}–{}; expected each rank in one range",
                        v.from, v.to, o.from, o.to
                    ),
                ));
            }
            ranges.push(RankRange {
                from: v.from,
                to: v.to,
                places: v.places,
            });
        }
        Ok(Allocation {
            ranges,
            exceptions: self
                .exceptions
                .iter()
                .map(|e| Exception {
                    rank: e.rank,
                    places: e.places,
                    why: e.why.clone(),
                })
                .collect(),
            fair_play: self.fair_play,
        })
    }
}

/// Builds and checks the rounds; errors point at the offending round.
pub(super) fn build(
    source: &Source,
    rounds: &[Spanned<RoundFile>],
    options: &StructureFile,
    advance_per_group: Option<u32>,
    meetings: u32,
) -> Result<Option<Structure>, Diagnostic> {
    if rounds.is_empty() {
        if let Some(from) = &options.count_matches_from {
            return Err(source.error(Code::UnknownRuleRound, from.span(), "`count_matches_from` names a round, but the rule file has no [[round]]; expected rounds first"));
        }
        return Ok(None);
    }
    let mut built: Vec<Round> = Vec::new();
    let mut spans: Vec<Range<usize>> = Vec::new();
    for r in rounds {
        let f = r.get_ref();
        if built.iter().any(|b| b.name == *f.name.get_ref()) {
            return Err(source.error(
                Code::ListedTwice,
                f.name.span(),
                format!(
                    "a second round named \"{}\"; expected each round once",
                    f.name.get_ref()
                ),
            ));
        }
        let format = match f.format.get_ref().as_str() {
            "knockout" => {
                let legs = f.legs.as_ref().map_or(2, |l| *l.get_ref());
                if !(1..=2).contains(&legs) {
                    let at = f.legs.as_ref().map_or(r.span(), |l| l.span());
                    return Err(source.error(
                        Code::ImpossibleRounds,
                        at,
                        format!("{legs} legs; expected 1 (one match) or 2 (home and away)"),
                    ));
                }
                if f.groups.is_some() || f.group_size.is_some() {
                    return Err(source.error(
                        Code::ImpossibleRounds,
                        r.span(),
                        "a knockout round has no `groups` or `group_size`; expected `legs`",
                    ));
                }
                Format::Knockout { legs }
            }
            "groups" => {
                let (Some(groups), Some(size)) = (f.groups, f.group_size) else {
                    return Err(source.error(
                        Code::ImpossibleRounds,
                        r.span(),
                        "a group round needs `groups` and `group_size`",
                    ));
                };
                if groups == 0 || size < 2 {
                    return Err(source.error(
                        Code::ImpossibleRounds,
                        r.span(),
                        format!(
                            "{groups} groups of {size}; expected at least one group of two or more"
                        ),
                    ));
                }
                if let Some(l) = &f.legs {
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
                return Err(source.error(Code::ImpossibleRounds, f.format.span(), format!("unknown round format \"{other}\"; expected \"knockout\" or \"groups\"{hint}")));
            }
        };
        built.push(Round {
            name: f.name.get_ref().clone(),
            format,
            fresh: f.fresh,
            transferred: f.transferred.clone(),
        });
        spans.push(r.span());
    }
    let flows = derive(&built, advance_per_group, meetings)
        .map_err(|(i, m)| source.error(Code::ImpossibleRounds, spans[i].clone(), m))?;
    let count_matches_from = match &options.count_matches_from {
        None => 0,
        Some(name) => built
            .iter()
            .position(|r| r.name == *name.get_ref())
            .ok_or_else(|| {
                let hint = closest(name.get_ref(), built.iter().map(|r| r.name.as_str()))
                    .map(|k| format!("; did you mean \"{k}\"?"))
                    .unwrap_or_default();
                source.error(
                    Code::UnknownRuleRound,
                    name.span(),
                    format!(
                        "no round named \"{}\"; expected one of the [[round]] names{hint}",
                        name.get_ref()
                    ),
                )
            })?,
    };
    Ok(Some(Structure {
        rounds: built,
        flows,
        count_matches_from,
    }))
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
        let flows = derive(&rounds, Some(1), 1).unwrap();
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
        let (i, m) = derive(&rounds, Some(advance), 1).unwrap_err();
        assert_eq!(i, at);
        assert!(m.contains(message), "{m}");
    }
}
