//! JSON: the stable contract for scripts (documented field by field in docs/output.md, described
//! by `schemas/table.schema.json`, which [`json_schema`] generates from the types written here).
//!
//! One object whatever the number of inputs: the contract's [`VERSION`] and the competitions.
//! Field names never change; new fields may be added. Decimals (points, deductions) are JSON
//! numbers: integers when whole, otherwise the shortest decimal text of the value. A tiebreak
//! value no decimal holds (goal average 5/3) is its number to three decimals with the exact
//! fraction beside it (`"exact": "5/3"`); an infinite one is `null` with `"exact": "inf"`.

use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::Serialize;

use super::Format;
use crate::compute::standings::{GroupTable, Qualification, Standings};
use crate::criteria::Show;
use crate::explain;
use crate::model::TeamId;
use crate::quantity::Quantity;

/// `--format json`.
pub const FORMAT: Format = Format {
    name: "json",
    help: "The stable JSON contract documented in docs/output.md",
    render: |standings, _| render(standings),
};

/// The contract's version, the document's `version`: raised on any change a script written for
/// the last one could trip over (a field removed, renamed, or changing its type or meaning),
/// never for a field added. 1 is the first document to carry it (issue #17: one object whatever
/// the number of inputs); output without `version` is older.
pub const VERSION: u32 = 1;

/// The whole document.
#[derive(Serialize, JsonSchema)]
#[schemars(
    title = "standings table JSON output",
    description = "What `standings table --format json` prints (docs/output.md). Fields may be added without changing `version`; a reader ignores those it does not know."
)]
struct Document<'a> {
    /// The contract's version: raised on any incompatible change (a field removed, renamed, or
    /// changing its type or meaning), never for a field added.
    #[schemars(extend("const" = VERSION))]
    version: u32,
    /// One per input shown, in the order given (a folder's files in name order).
    competitions: Vec<CompetitionOut<'a>>,
}

/// One competition: its groups' tables.
#[derive(Serialize, JsonSchema)]
struct CompetitionOut<'a> {
    /// The competition's name, from the data.
    competition: &'a str,
    /// The point of the season the tables stand at (`--matchday 3`: `"matchday 3"`;
    /// `--until 2024-08-10`: `"2024-08-10"`), or null for the whole season as read.
    as_of: Option<String>,
    /// The rule file's `name`.
    rules: &'a str,
    /// Each group computed, in the data's order (empty for a competition without a group stage).
    groups: Vec<GroupOut<'a>>,
    /// Teams of one place ranked across groups, when the rules have `[best_placed]` and every
    /// group was computed; null otherwise.
    best_placed: Option<BestPlacedOut<'a>>,
}

/// Teams of one place ranked across groups: their table, as a group's, and where each is from.
#[derive(Serialize, JsonSchema)]
struct BestPlacedOut<'a> {
    #[serde(flatten)]
    table: GroupOut<'a>,
    /// Where each team comes from.
    from: Vec<FromOut<'a>>,
    /// Whether results against each group's last-placed team were left out.
    discarded_against_last: bool,
}

/// A team of a ranking across groups and its group.
#[derive(Serialize, JsonSchema)]
struct FromOut<'a> {
    /// The team.
    team: &'a str,
    /// Its group.
    group: &'a str,
}

/// A group's table, its tiebreaks and what the record says about it.
#[derive(Serialize, JsonSchema)]
struct GroupOut<'a> {
    /// The group's name.
    name: &'a str,
    /// One per team, best first.
    rows: Vec<RowOut<'a>>,
    /// Sets of teams no criterion separated.
    unresolved: Vec<Vec<&'a str>>,
    /// Teams certain to advance.
    advancing: Vec<&'a str>,
    /// False when an unbroken tie straddles the last qualifying place.
    qualification_decided: bool,
    /// Each criterion applied to level teams, in order (the primary sort left out).
    tiebreaks: Vec<StepOut<'a>>,
    /// One per pair of adjacent rows, best first.
    explanations: Vec<PairOut<'a>>,
    /// Why the group ended before every match was played, or null.
    curtailed: Option<&'a str>,
    /// Clubs whose results were struck from everyone's record (they have no row).
    expunged: Vec<ExpungedOut<'a>>,
    /// Clubs that took over another's fixtures and record.
    takeovers: Vec<TakeoverOut<'a>>,
}

/// A points deduction made off the pitch, as the data records it.
#[derive(Serialize, JsonSchema)]
struct AdjustmentOut<'a> {
    /// Points taken away (negative: restored).
    points: Number,
    /// Why, in the record's words.
    reason: &'a str,
    /// When (`2020-02-01`), or null.
    #[schemars(extend("format" = "date"))]
    date: Option<String>,
}

/// A club whose results were struck out.
#[derive(Serialize, JsonSchema)]
struct ExpungedOut<'a> {
    /// The club.
    team: &'a str,
    /// Why.
    reason: &'a str,
    /// How many results were struck out.
    results: usize,
}

/// A club that took over another's fixtures and record.
#[derive(Serialize, JsonSchema)]
struct TakeoverOut<'a> {
    /// The club (its row carries both records).
    team: &'a str,
    /// The club it took over from.
    from: &'a str,
    /// Why.
    reason: &'a str,
    /// How many of `from`'s results it took over.
    results: usize,
}

/// Two adjacent rows and what separated them.
#[derive(Serialize, JsonSchema)]
struct PairOut<'a> {
    /// The team above.
    upper: &'a str,
    /// The team below.
    lower: &'a str,
    /// The criterion that separated them; null when level on every criterion.
    decided_by: Option<&'a str>,
    /// The index in `tiebreaks` of the last step that compared them; null when only the
    /// primary sort did.
    step: Option<usize>,
}

/// A team's row.
#[derive(Serialize, JsonSchema)]
struct RowOut<'a> {
    /// 1-based; teams level on every criterion share a position.
    #[schemars(range(min = 1))]
    position: usize,
    /// The team.
    team: &'a str,
    /// Matches played (forfeits included).
    played: u64,
    /// Won.
    won: u64,
    /// Drawn.
    drawn: u64,
    /// Lost.
    lost: u64,
    /// Goals scored.
    goals_for: u64,
    /// Goals conceded.
    goals_against: u64,
    /// Goals for less goals against.
    goal_difference: i64,
    /// Every point deducted: for forfeits, and off the pitch.
    deducted: Number,
    /// The team's deductions made off the pitch, in the data's order.
    adjustments: Vec<AdjustmentOut<'a>>,
    /// Points after deductions.
    points: Number,
}

/// A tiebreak step: one criterion applied to teams that were level.
#[derive(Serialize, JsonSchema)]
struct StepOut<'a> {
    /// The rule-file name (`head_to_head.goal_difference`).
    criterion: &'a str,
    /// The level teams it was applied to: the first and last of their 1-based rows.
    rows: Rows,
    /// The index in `tiebreaks` of the step that left these teams level; null when that was
    /// the primary sort.
    parent: Option<usize>,
    /// For head-to-head, the rows of the teams whose matches form the mini-table; null for
    /// other criteria.
    among: Option<Rows>,
    /// The teams grouped by equal value, best first.
    tiers: Vec<TierOut>,
    /// For `decision`, how it was decided; for `playoff`, the match; null otherwise.
    decision: Option<&'a str>,
}

/// Teams of a step sharing a value.
#[derive(Serialize, JsonSchema)]
struct TierOut {
    /// Their first and last 1-based rows.
    rows: Rows,
    /// The value they share (to three decimals for a value no decimal holds); null for
    /// `decision` and `playoff`, and for an infinite value.
    value: Option<Number>,
    /// Only for a value no decimal holds: the fraction in lowest terms (`"5/3"`), or `"inf"`.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(with = "String", pattern(r"^(-?[0-9]+/[0-9]+|inf)$"))]
    exact: Option<String>,
}

/// The first and last of consecutive 1-based rows.
type Rows = [usize; 2];

/// 0-based rows as the JSON's 1-based first and last row.
fn rows(range: std::ops::Range<usize>) -> Rows {
    [range.start + 1, range.end]
}

/// A JSON number written digit for digit, never through a binary float.
#[derive(Debug, Serialize)]
#[serde(transparent)]
pub struct Number(Box<serde_json::value::RawValue>);

impl JsonSchema for Number {
    fn inline_schema() -> bool {
        true
    }

    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Number".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({ "type": "number" })
    }
}

impl Number {
    /// `text`, which must be a JSON number.
    fn from_text(text: String) -> Number {
        Number(
            serde_json::value::RawValue::from_string(text)
                .expect("a decimal's text is a JSON number"),
        )
    }
}

/// A decimal as a JSON number: its exact text (`3`, `1.5`, `-0.3333333333333333333333333333`),
/// never rounded through a binary float.
pub fn decimal(value: Decimal) -> Number {
    Number::from_text(value.normalize().to_string())
}

/// A criterion's value as JSON: a decimal as [`decimal`] writes it, with no exact form; a
/// quotient no decimal holds as its number to three decimals (`1.667`) and its fraction
/// (`"5/3"`); infinity as `null` and `"inf"`.
pub fn quantity(value: &Quantity) -> (Option<Number>, Option<String>) {
    if let Some(d) = value.as_decimal() {
        return (Some(decimal(d)), None);
    }
    match value.fraction() {
        // The rounded text is what text output shows; as a number it is only for reading, the
        // fraction is the value.
        Some(fraction) => (Some(Number::from_text(value.to_string())), Some(fraction)),
        None => (None, Some("inf".to_string())),
    }
}

fn group<'a>(table: &'a GroupTable<'_>) -> GroupOut<'a> {
    let name = |t: TeamId| table.group.team_name(t);
    let names = |ts: &[TeamId]| ts.iter().map(|&t| name(t)).collect::<Vec<_>>();
    let (advancing, decided) = match &table.qualification {
        Qualification::Decided(teams) => (names(teams), true),
        Qualification::Undecided { certain, .. } => (names(certain), false),
    };
    // Each team's deductions, in the data's order: one pass over them.
    let mut adjustments: Vec<Vec<AdjustmentOut<'a>>> = Vec::new();
    adjustments.resize_with(table.group.teams.len(), Vec::new);
    for d in &table.group.rulings.deductions {
        adjustments[d.team.index()].push(AdjustmentOut {
            points: decimal(d.points),
            reason: &d.reason,
            date: d.date.map(|d| d.to_string()),
        });
    }
    GroupOut {
        name: &table.group.name,
        rows: table
            .rows
            .iter()
            .map(|r| RowOut {
                position: r.position,
                team: name(r.team),
                played: r.record.played,
                won: r.record.won,
                drawn: r.record.drawn,
                lost: r.record.lost,
                goals_for: r.record.goals_for,
                goals_against: r.record.goals_against,
                goal_difference: r.record.goal_difference(),
                deducted: decimal(r.record.deducted),
                adjustments: std::mem::take(&mut adjustments[r.team.index()]),
                points: decimal(r.record.points()),
            })
            .collect(),
        unresolved: table.unresolved().map(names).collect(),
        advancing,
        qualification_decided: decided,
        tiebreaks: {
            let steps = &table.ordering.steps;
            // `tiebreaks` leaves out the primary sort, always the first step when there is one.
            let skip = usize::from(steps.first().is_some_and(|s| s.primary));
            let index = |i: usize| i.checked_sub(skip);
            table
                .ordering
                .tiebreaks()
                .map(|s| {
                    let mut first = s.first_row;
                    StepOut {
                        criterion: s.criterion.key(),
                        rows: rows(s.rows()),
                        parent: s.parent.and_then(index),
                        among: s
                            .criterion
                            .is_head_to_head()
                            .then(|| rows(s.among_rows.clone())),
                        tiers: s
                            .tiers()
                            .map(|t| {
                                let (value, exact) = match s.criterion.show() {
                                    Show::Decision => (None, None),
                                    Show::Number => quantity(&t[0].1),
                                };
                                let out = TierOut {
                                    rows: rows(first..first + t.len()),
                                    value,
                                    exact,
                                };
                                first += t.len();
                                out
                            })
                            .collect(),
                        decision: s.decision.map(|i| table.group.decisions[i].by.as_str()),
                    }
                })
                .collect()
        },
        explanations: {
            let skip = usize::from(table.ordering.steps.first().is_some_and(|s| s.primary));
            super::adjacent(table)
                .map(|(row, upper, lower)| PairOut {
                    upper: name(upper),
                    lower: name(lower),
                    decided_by: explain::deciding(table, row).map(|c| c.key()),
                    step: table
                        .ordering
                        .last_between(row)
                        .and_then(|i| i.checked_sub(skip)),
                })
                .collect()
        },
        curtailed: table.group.rulings.curtailed.as_deref(),
        expunged: table
            .group
            .rulings
            .expunged
            .iter()
            .map(|e| ExpungedOut {
                team: &e.team,
                reason: &e.reason,
                results: e.results,
            })
            .collect(),
        takeovers: table
            .group
            .rulings
            .takeovers
            .iter()
            .map(|t| TakeoverOut {
                team: &t.team,
                from: &t.from,
                reason: &t.reason,
                results: t.results,
            })
            .collect(),
    }
}

/// Renders one JSON document, the competitions in an array whatever their number.
pub fn render(standings: &[Standings<'_>]) -> String {
    let ranked: Vec<_> = standings
        .iter()
        .map(|s| {
            s.best_placed
                .as_ref()
                .and_then(|r| Some((r, r.table().ok()?)))
        })
        .collect();
    let out: Vec<CompetitionOut<'_>> = standings
        .iter()
        .zip(&ranked)
        .map(|(s, ranked)| CompetitionOut {
            competition: &s.competition.name,
            as_of: s.competition.as_of.map(|step| step.to_string()),
            rules: &s.rules.name,
            groups: s.groups.iter().map(group).collect(),
            best_placed: ranked.as_ref().map(|(ranking, table)| BestPlacedOut {
                table: group(table),
                from: ranking
                    .group
                    .teams
                    .iter()
                    .zip(&ranking.from)
                    .map(|(team, group)| FromOut { team, group })
                    .collect(),
                discarded_against_last: ranking.discarded,
            }),
        })
        .collect();
    let document = Document {
        version: VERSION,
        competitions: out,
    };
    serde_json::to_string_pretty(&document).expect("serialising plain structs cannot fail") + "\n"
}

/// The JSON Schema of what [`render`] writes (`standings schema table`, `schemas/table.schema.json`),
/// generated from the types it serializes, so it cannot drift from the output.
pub fn json_schema() -> serde_json::Value {
    crate::report::json_schema_of::<Document<'_>>()
}

#[cfg(test)]
mod tests {
    use std::str::FromStr;

    use super::*;

    #[test]
    fn decimals_are_written_digit_for_digit() {
        for (value, text) in [
            ("3", "3"),
            ("-4.50", "-4.5"),
            ("0.333333", "0.333333"),
            ("123456789.123456", "123456789.123456"),
            (
                "0.9999999999999999999999999999",
                "0.9999999999999999999999999999",
            ),
        ] {
            let json = serde_json::to_string(&decimal(Decimal::from_str(value).unwrap())).unwrap();
            assert_eq!(json, text);
        }
    }
}
