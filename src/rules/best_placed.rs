//! `[best_placed]`: teams of the same place across groups ranked together, the best of them
//! advancing ("the four best third-placed teams", UEFA EURO 2016–2024; FIFA World Cup 1986–1994;
//! "eight of twelve", FIFA World Cup 2026), with a chain of criteria of their own and, where
//! groups differ in size, the results against each group's last-placed team left out.

use schemars::JsonSchema;
use serde::Deserialize;
use toml::Spanned;

use crate::criteria::Criterion;
use crate::diagnostic::{Code, Diagnostic, Source, closest};

/// Which results a best-placed team's record leaves out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Discard {
    /// `"never"` (the default): every group match counts.
    #[default]
    Never,
    /// `"against_last"`: results against the last-placed team of each group are left out, in
    /// every group.
    AgainstLast,
    /// `"against_last_when_sizes_differ"`: as `against_last`, but only when the groups are not
    /// all of one size (so that every team is ranked on as many matches).
    AgainstLastWhenSizesDiffer,
}

impl Discard {
    /// Every value a rule file may write, with its meaning, for messages and the schema.
    const KEYS: [(&'static str, Discard, &'static str); 3] = [
        ("never", Discard::Never, "every group match counts"),
        (
            "against_last",
            Discard::AgainstLast,
            "results against each group's last-placed team are left out",
        ),
        (
            "against_last_when_sizes_differ",
            Discard::AgainstLastWhenSizesDiffer,
            "the same, only when the groups differ in size",
        ),
    ];
}

/// How teams of one place across groups are ranked, and how many of them advance.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BestPlaced {
    /// The place in each group whose teams are ranked (3: the third-placed teams).
    pub place: usize,
    /// How many of them advance.
    pub advance: usize,
    /// Their chain of criteria, first criterion first: overall criteria only (they never met).
    pub order: Vec<Criterion>,
    /// Which results their records leave out.
    pub discard: Discard,
}

#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(super) struct BestPlacedFile {
    /// The place in each group whose teams are ranked together (3 for the third-placed teams).
    #[schemars(with = "u32", range(min = 1, max = 1_000_000))]
    place: Spanned<usize>,
    /// How many of them advance.
    #[schemars(with = "u32", range(max = 1_000_000))]
    advance: Spanned<usize>,
    /// Their chain of criteria: overall criteria only, as the teams never met.
    #[schemars(schema_with = "super::tiebreak_order_schema")]
    order: Spanned<Vec<Spanned<String>>>,
    /// Which results their records leave out: "never" (the default), "against_last" or
    /// "against_last_when_sizes_differ".
    #[serde(default)]
    #[schemars(schema_with = "discard_schema")]
    discard: Option<Spanned<String>>,
}

impl BestPlacedFile {
    /// The chain as written.
    pub(super) fn order(&self) -> &Spanned<Vec<Spanned<String>>> {
        &self.order
    }
}

fn discard_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
    let keys: Vec<&str> = Discard::KEYS.iter().map(|(k, _, _)| *k).collect();
    schemars::json_schema!({ "type": "string", "enum": keys, "default": "never" })
}

/// Reads `[best_placed]`: its chain parsed as `tiebreak.order` is, with no head-to-head
/// criterion (teams from different groups never met); `place` at least 1.
pub(super) fn parse(
    source: &Source,
    file: &BestPlacedFile,
    parse_chain: impl Fn(&Spanned<Vec<Spanned<String>>>) -> Result<Vec<Criterion>, Diagnostic>,
) -> Result<BestPlaced, Diagnostic> {
    let place = *file.place.get_ref();
    if place == 0 {
        return Err(source.error(
            Code::WrongValue,
            file.place.span(),
            "place 0; expected the place in each group whose teams are ranked together, 1 or more (3 for the third-placed teams)",
        ));
    }
    for (value, what) in [(&file.place, "place"), (&file.advance, "advance")] {
        let max = super::structure::MAX_TEAMS as usize;
        if *value.get_ref() > max {
            return Err(source.error(
                Code::WrongValue,
                value.span(),
                format!(
                    "{} is too large for `best_placed.{what}`; expected at most {max}, the most teams a competition may have",
                    value.get_ref()
                ),
            ));
        }
    }
    let order = parse_chain(&file.order)?;
    if let Some((name, c)) = file
        .order
        .get_ref()
        .iter()
        .zip(&order)
        .find(|(_, c)| c.is_head_to_head())
    {
        return Err(source.error(
            Code::UnknownCriterion,
            name.span(),
            format!(
                "\"{}\" compares matches among the tied teams, but teams from different groups never met; expected overall criteria in `best_placed.order`",
                c.key()
            ),
        ));
    }
    let discard = match &file.discard {
        None => Discard::Never,
        Some(written) => {
            let value = written.get_ref();
            match Discard::KEYS.iter().find(|(k, _, _)| k == value) {
                Some((_, d, _)) => *d,
                None => {
                    let keys = Discard::KEYS.iter().map(|(k, _, _)| *k);
                    let hint = closest(value, keys)
                        .map(|k| format!("; did you mean \"{k}\"?"))
                        .unwrap_or_default();
                    let expected: Vec<String> = Discard::KEYS
                        .iter()
                        .map(|(k, _, why)| format!("\"{k}\" ({why})"))
                        .collect();
                    return Err(source.error(
                        Code::WrongValue,
                        written.span(),
                        format!(
                            "unknown `discard` value \"{}\"; expected {}{hint}",
                            crate::diagnostic::excerpt(value),
                            expected.join(", ")
                        ),
                    ));
                }
            }
        }
    };
    Ok(BestPlaced {
        place,
        advance: *file.advance.get_ref(),
        order,
        discard,
    })
}
