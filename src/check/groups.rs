//! Facts about groups: recorded winners and orders, and ties that decide who advances.

use super::{Fact, FactKind, Part, Value, Verdict, Why};
use crate::compute::standings::{GroupTable, Qualification, Standings};
use crate::explain;
use crate::model::TeamId;

/// Checks each group's recorded winner and order, that no unbroken tie decides who advances,
/// and notes recorded decisions the rules did not need.
pub fn check(standings: &Standings<'_>) -> Vec<Fact> {
    let mut facts = Vec::new();
    for table in &standings.groups {
        let fact = |kind, verdict, line| {
            Fact::new(
                standings.competition,
                kind,
                Some(Part::Group(table.group.name.clone())),
                verdict,
                Some(line),
            )
        };
        let record = &table.group.record;
        if let Some(winner) = &record.winner {
            facts.push(winner_fact(
                table,
                winner.value,
                fact(FactKind::GroupWinner, Verdict::Confirmed, winner.line),
            ));
        }
        if let Some(order) = &record.order {
            facts.push(order_fact(
                table,
                &order.value,
                fact(FactKind::GroupOrder, Verdict::Confirmed, order.line),
            ));
        }
        if let Qualification::Undecided { tied, places, .. } = &table.qualification {
            facts.push(
                fact(
                    FactKind::QualificationTie,
                    Verdict::Unresolved,
                    table.group.line,
                )
                .computed(Value::Level(names(table, tied)))
                .why(Why::QualifyingPlaces(*places)),
            );
        }
        for (i, decision) in table.group.decisions.iter().enumerate() {
            let used = table.ordering.steps.iter().any(|s| s.decision == Some(i));
            if !used {
                facts.push(
                    fact(FactKind::UnusedDecision, Verdict::Note, table.group.line).recorded(
                        Value::Decision {
                            by: decision.by.clone(),
                            order: names(table, &decision.order),
                        },
                    ),
                );
            }
        }
    }
    facts
}

/// Team names, in the given order.
fn names(table: &GroupTable<'_>, teams: &[TeamId]) -> Vec<String> {
    teams.iter().map(|&t| table.name(t).to_string()).collect()
}

fn winner_fact(table: &GroupTable<'_>, expected: TeamId, fact: Fact) -> Fact {
    let mut fact = fact.recorded(Value::Team(table.name(expected).to_string()));
    let first = &table.ordering.tiers[0];
    if first.teams.len() > 1 {
        fact.verdict = Verdict::Unresolved;
        return fact.computed(Value::Level(names(table, &first.teams)));
    }
    let computed = first.teams[0];
    fact.verdict = super::verdict(computed == expected);
    let fact = fact.computed(Value::Team(table.name(computed).to_string()));
    match (&first.above_next, table.ordering.tiers.get(1)) {
        (Some(sep), Some(next)) if computed == expected => fact.why(Why::Ahead {
            of: names(table, &next.teams),
            separation: explain::separation(table, sep),
        }),
        _ => fact,
    }
}

fn order_fact(table: &GroupTable<'_>, expected: &[TeamId], fact: Fact) -> Fact {
    let fact = fact.recorded(Value::Order(names(table, expected)));
    // A recorded order lists every team, so any unbroken tie leaves part of it unconfirmed.
    if let Some(tied) = table.unresolved().next() {
        let mut fact = fact.computed(Value::Level(names(table, tied)));
        fact.verdict = Verdict::Unresolved;
        return fact;
    }
    let computed: Vec<TeamId> = table.rows.iter().map(|r| r.team).collect();
    let mut fact = fact.computed(Value::Order(names(table, &computed)));
    fact.verdict = super::verdict(computed == expected);
    fact
}
