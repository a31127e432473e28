//! JSON: the stable contract for scripts (documented field by field in docs/output.md).
//!
//! Field names never change; new fields may be added. Decimals (points, deductions) are JSON
//! numbers: integers when whole, otherwise the shortest decimal text of the value. A tiebreak
//! value no decimal holds (goal average 5/3) is its number to three decimals with the exact
//! fraction beside it (`"exact": "5/3"`); an infinite one is `null` with `"exact": "inf"`.

use rust_decimal::Decimal;
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

#[derive(Serialize)]
struct CompetitionOut<'a> {
    competition: &'a str,
    rules: &'a str,
    groups: Vec<GroupOut<'a>>,
    best_placed: Option<BestPlacedOut<'a>>,
}

/// Teams of one place ranked across groups: their table, as a group's, and where each is from.
#[derive(Serialize)]
struct BestPlacedOut<'a> {
    #[serde(flatten)]
    table: GroupOut<'a>,
    from: Vec<FromOut<'a>>,
    discarded_against_last: bool,
}

#[derive(Serialize)]
struct FromOut<'a> {
    team: &'a str,
    group: &'a str,
}

#[derive(Serialize)]
struct GroupOut<'a> {
    name: &'a str,
    rows: Vec<RowOut<'a>>,
    unresolved: Vec<Vec<&'a str>>,
    advancing: Vec<&'a str>,
    qualification_decided: bool,
    tiebreaks: Vec<StepOut<'a>>,
    explanations: Vec<PairOut<'a>>,
    curtailed: Option<&'a str>,
    expunged: Vec<ExpungedOut<'a>>,
    takeovers: Vec<TakeoverOut<'a>>,
}

#[derive(Serialize)]
struct AdjustmentOut<'a> {
    points: Number,
    reason: &'a str,
    date: Option<String>,
}

#[derive(Serialize)]
struct ExpungedOut<'a> {
    team: &'a str,
    reason: &'a str,
    results: usize,
}

#[derive(Serialize)]
struct TakeoverOut<'a> {
    team: &'a str,
    from: &'a str,
    reason: &'a str,
    results: usize,
}

#[derive(Serialize)]
struct PairOut<'a> {
    upper: &'a str,
    lower: &'a str,
    decided_by: Option<&'a str>,
    step: Option<usize>,
}

#[derive(Serialize)]
struct RowOut<'a> {
    position: usize,
    team: &'a str,
    played: u64,
    won: u64,
    drawn: u64,
    lost: u64,
    goals_for: u64,
    goals_against: u64,
    goal_difference: i64,
    deducted: Number,
    adjustments: Vec<AdjustmentOut<'a>>,
    points: Number,
}

#[derive(Serialize)]
struct StepOut<'a> {
    criterion: &'a str,
    rows: [usize; 2],
    parent: Option<usize>,
    among: Option<[usize; 2]>,
    tiers: Vec<TierOut>,
    decision: Option<&'a str>,
}

#[derive(Serialize)]
struct TierOut {
    rows: [usize; 2],
    value: Option<Number>,
    /// Only for a value no decimal holds: `"5/3"`, or `"inf"`.
    #[serde(skip_serializing_if = "Option::is_none")]
    exact: Option<String>,
}

/// 0-based rows as the JSON's 1-based first and last row.
fn rows(range: std::ops::Range<usize>) -> [usize; 2] {
    [range.start + 1, range.end]
}

/// A JSON number written digit for digit, never through a binary float.
#[derive(Debug, Serialize)]
#[serde(transparent)]
pub struct Number(Box<serde_json::value::RawValue>);

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

/// Renders one JSON document per competition; several competitions make a JSON array.
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
    let text = if out.len() == 1 {
        serde_json::to_string_pretty(&out[0])
    } else {
        serde_json::to_string_pretty(&out)
    };
    text.expect("serialising plain structs cannot fail") + "\n"
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
