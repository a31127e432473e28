//! JSON: the stable contract for scripts (documented field by field in docs/output.md).
//!
//! Field names never change; new fields may be added. Decimals (points, deductions) are JSON
//! numbers: integers when whole, otherwise the shortest decimal text of the value.

use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;
use serde::Serialize;
use serde_json::Value;

use super::Format;
use crate::compute::standings::{GroupTable, Qualification, Standings};
use crate::criteria::Show;
use crate::explain;
use crate::model::TeamId;

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
}

#[derive(Serialize)]
struct PairOut<'a> {
    upper: &'a str,
    lower: &'a str,
    decided_by: Option<&'a str>,
    steps: Vec<PairStepOut<'a>>,
}

#[derive(Serialize)]
struct PairStepOut<'a> {
    criterion: &'a str,
    among: Vec<&'a str>,
    upper_value: Option<Value>,
    lower_value: Option<Value>,
    decision: Option<&'a str>,
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
    deducted: Value,
    points: Value,
}

#[derive(Serialize)]
struct StepOut<'a> {
    criterion: &'a str,
    teams: Vec<&'a str>,
    among: Vec<&'a str>,
    values: Vec<TeamValue<'a>>,
    order: Vec<Vec<&'a str>>,
    decision: Option<&'a str>,
}

#[derive(Serialize)]
struct TeamValue<'a> {
    team: &'a str,
    value: Value,
}

/// A decimal as a JSON number: an integer when whole, else its shortest float text.
pub fn decimal(value: Decimal) -> Value {
    let value = value.normalize();
    if value.fract().is_zero()
        && let Some(i) = value.to_i64()
    {
        return Value::from(i);
    }
    match value.to_f64().and_then(serde_json::Number::from_f64) {
        Some(n) => Value::Number(n),
        None => Value::String(value.to_string()),
    }
}

fn group<'a>(table: &GroupTable<'a>) -> GroupOut<'a> {
    let name = |t: TeamId| table.group.team_name(t);
    let names = |ts: &[TeamId]| ts.iter().map(|&t| name(t)).collect::<Vec<_>>();
    let (advancing, decided) = match &table.qualification {
        Qualification::Decided(teams) => (names(teams), true),
        Qualification::Undecided { certain, .. } => (names(certain), false),
    };
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
                points: decimal(r.record.points()),
            })
            .collect(),
        unresolved: table.unresolved().map(names).collect(),
        advancing,
        qualification_decided: decided,
        tiebreaks: table
            .ordering
            .tiebreaks()
            .map(|s| StepOut {
                criterion: s.criterion.key(),
                teams: s.values.iter().map(|(t, _)| name(*t)).collect(),
                among: names(&s.among),
                values: if s.criterion.show() == Show::Decision {
                    Vec::new()
                } else {
                    s.values
                        .iter()
                        .map(|(t, v)| TeamValue {
                            team: name(*t),
                            value: decimal(*v),
                        })
                        .collect()
                },
                order: s
                    .tiers()
                    .map(|t| t.iter().map(|(x, _)| name(*x)).collect())
                    .collect(),
                decision: s.decision.map(|i| table.group.decisions[i].by.as_str()),
            })
            .collect(),
        explanations: super::adjacent(table)
            .map(|(upper, lower)| PairOut {
                upper: name(upper),
                lower: name(lower),
                decided_by: explain::deciding(table, upper, lower).map(|c| c.key()),
                steps: table
                    .ordering
                    .between(upper, lower)
                    .into_iter()
                    .map(|s| {
                        let value = |t: TeamId| {
                            (s.criterion.show() != Show::Decision)
                                .then(|| s.values.iter().find(|(x, _)| *x == t))
                                .flatten()
                                .map(|(_, v)| decimal(*v))
                        };
                        PairStepOut {
                            criterion: s.criterion.key(),
                            among: names(&s.among),
                            upper_value: value(upper),
                            lower_value: value(lower),
                            decision: s.decision.map(|i| table.group.decisions[i].by.as_str()),
                        }
                    })
                    .collect(),
            })
            .collect(),
    }
}

/// Renders one JSON document per competition; several competitions make a JSON array.
pub fn render(standings: &[Standings<'_>]) -> String {
    let out: Vec<CompetitionOut<'_>> = standings
        .iter()
        .map(|s| CompetitionOut {
            competition: &s.competition.name,
            rules: &s.rules.name,
            groups: s.groups.iter().map(group).collect(),
        })
        .collect();
    let text = if out.len() == 1 {
        serde_json::to_string_pretty(&out[0])
    } else {
        serde_json::to_string_pretty(&out)
    };
    text.expect("serialising plain structs cannot fail") + "\n"
}
