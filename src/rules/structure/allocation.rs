//! Places per association by rank in a coefficient ranking (`[allocation]` in a rule file):
//! ranges of ranks, named exceptions, fair-play places, and the checks on them: ranges neither
//! empty nor overlapping, and no number of places above [`MAX_TEAMS`], so that places summed
//! over a whole ranking cannot overflow a `u64`.

use schemars::JsonSchema;
use serde::Deserialize;
use toml::Spanned;

use super::MAX_TEAMS;
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
    #[serde(default = "no_places")]
    #[schemars(with = "u32", range(max = 1_000_000))]
    fair_play: Spanned<u32>,
}

fn no_places() -> Spanned<u32> {
    Spanned::new(0..0, 0)
}

#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
struct RangeFile {
    from: u32,
    to: u32,
    #[schemars(with = "u32", range(max = 1_000_000))]
    places: Spanned<u32>,
}

#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
struct ExceptionFile {
    rank: u32,
    #[schemars(with = "u32", range(max = 1_000_000))]
    places: Spanned<u32>,
    why: String,
}

/// A number of places as written, at most [`MAX_TEAMS`]; an error at the number otherwise.
fn places(source: &Source, places: &Spanned<u32>) -> Result<u32, Diagnostic> {
    let n = *places.get_ref();
    if n > MAX_TEAMS {
        return Err(source.error(
            Code::WrongValue,
            places.span(),
            format!(
                "{n} is too large for a number of places; expected at most {MAX_TEAMS}, the most teams a competition may have"
            ),
        ));
    }
    Ok(n)
}

impl AllocationFile {
    /// The allocation, checked: no range empty or overlapping another, no number of places
    /// above [`MAX_TEAMS`].
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
                places: places(source, &v.places)?,
            });
        }
        let exceptions = self
            .exceptions
            .iter()
            .map(|e| {
                Ok(Exception {
                    rank: e.rank,
                    places: places(source, &e.places)?,
                    why: e.why.clone(),
                })
            })
            .collect::<Result<_, Diagnostic>>()?;
        Ok(Allocation {
            ranges,
            exceptions,
            fair_play: places(source, &self.fair_play)?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use pretty_assertions::assert_eq;
    use rstest::rstest;

    /// Builds `[allocation]` from the text of its keys; an error as (line, column, message).
    fn build(keys: &str) -> Result<Allocation, (usize, usize, String)> {
        let source = Source::new("rules.toml", keys);
        let file: AllocationFile = toml::from_str(keys).unwrap();
        file.build(&source).map_err(|e| {
            let at = e.location().unwrap();
            (at.line, at.column, e.message)
        })
    }

    #[test]
    fn the_largest_numbers_of_places_load() {
        let a = build(&format!(
            "ranges = [{{ from = 1, to = 4294967295, places = {MAX_TEAMS} }}]\nexceptions = [{{ rank = 7, places = {MAX_TEAMS}, why = \"w\" }}]\nfair_play = {MAX_TEAMS}"
        ))
        .unwrap();
        assert_eq!(a.places(1), Some(MAX_TEAMS));
        assert_eq!(a.places(7), Some(MAX_TEAMS));
        assert_eq!(a.fair_play, MAX_TEAMS);
    }

    #[rstest]
    #[case::range(
        "ranges = [\n  { from = 1, to = 6, places = 4000000000 },\n]",
        2,
        32,
        4_000_000_000
    )]
    #[case::exception(
        "ranges = []\nexceptions = [{ rank = 1, places = 1000001, why = \"w\" }]",
        2,
        36,
        1_000_001
    )]
    #[case::fair_play("ranges = []\nfair_play = 4294967295", 2, 13, u32::MAX)]
    fn places_above_the_most_teams_are_an_error_at_the_number(
        #[case] keys: &str,
        #[case] line: usize,
        #[case] column: usize,
        #[case] places: u32,
    ) {
        let (l, c, message) = build(keys).unwrap_err();
        assert_eq!((l, c), (line, column), "{message}");
        assert_eq!(
            message,
            format!(
                "{places} is too large for a number of places; expected at most 1000000, the most teams a competition may have"
            )
        );
    }
}
