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
//!
//! One file per concept: `rounds` (formats, rounds and what [`derive()`] works out from them),
//! `knockout` (deciding a level tie) and `allocation` (places by rank); each holds the rule-file
//! types it is read from. This module puts the rounds together into a [`Structure`].

use std::ops::Range;

use schemars::JsonSchema;
use serde::Deserialize;
use toml::Spanned;

use crate::diagnostic::{Code, Diagnostic, Source, closest};

mod allocation;
mod knockout;
mod rounds;

pub use allocation::{Allocation, Exception, RankRange};
pub use knockout::KnockoutRule;
pub use rounds::{Format, Round, RoundFlow, derive};

pub(super) use allocation::AllocationFile;
pub(super) use knockout::KnockoutFile;
pub(super) use rounds::RoundFile;

/// The most teams a competition may have: far beyond any real one, and small enough that no
/// count derived from it can overflow.
pub const MAX_TEAMS: u32 = 1_000_000;

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

// `[structure]` as written. (Comments here, not doc comments: those would become descriptions
// in the published schema.)
#[derive(Deserialize, JsonSchema, Default)]
#[serde(deny_unknown_fields)]
pub(super) struct StructureFile {
    #[schemars(with = "Option<String>")]
    count_matches_from: Option<Spanned<String>>,
}

/// Builds and checks the rounds; errors point at the offending round.
pub(super) fn build(
    source: &Source,
    rounds: &[Spanned<RoundFile>],
    options: &StructureFile,
    advance_per_group: Option<u32>,
    best_placed: u32,
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
        built.push(f.build(source, r.span())?);
        spans.push(r.span());
    }
    let flows = derive(&built, advance_per_group, best_placed, meetings)
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
