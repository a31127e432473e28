//! Places per association by rank in a coefficient ranking (`[allocation]` in a rule file):
//! ranges of ranks, named exceptions, fair-play places, and the checks on ranges.

use schemars::JsonSchema;
use serde::Deserialize;
use toml::Spanned;

use crate::diagnostic::{Code, Diagnostic, Source};

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

// `[allocation]` as written. (Comments here, not doc comments: those would become descriptions
// in the published schema.)
#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(in crate::rules) struct AllocationFile {
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

impl AllocationFile {
    /// The allocation, its ranges checked: none empty, none overlapping another.
    pub(in crate::rules) fn build(&self, source: &Source) -> Result<Allocation, Diagnostic> {
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
