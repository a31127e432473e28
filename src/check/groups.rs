//! Facts about groups: recorded winners and orders, and ties that decide who advances.

use super::{Fact, FactKind, Part, Reason, Value, Verdict, Why};
use crate::compute::standings::{GroupTable, Qualification, Standings};
use crate::explain;
use crate::model::TeamId;

/// Checks each group's recorded winner and order, that no unbroken tie decides who advances,
/// and notes recorded decisions the rules did not need. A group missing some of the matches the
/// rules give it (`group.meetings` per pair) decides nothing yet: its winner and order are not
/// checked, and a tie in it is no failure.
pub fn check(standings: &Standings<'_>) -> Vec<Fact> {
    let mut facts = Vec::new();
    let meetings = standings.rules.groups.as_ref().map_or(1, |g| g.meetings);
    for table in &standings.groups {
        let teams = table.group.teams.len() as u64;
        let expected = u64::from(meetings) * teams * teams.saturating_sub(1) / 2;
        let played = table.group.matches.len() as u64;
        let incomplete =
            (played < expected).then_some(Reason::IncompleteGroup { played, expected });
        let fact = |kind, verdict, line| {
            Fact::new(
                standings.competition,
                kind,
                Some(Part::Group(table.group.name.clone())),
                verdict,
                Some(line),
            )
        };
        // A recorded fact lent by another file (`--record`) is at that file's line.
        let recorded = |kind, verdict, line| {
            let mut fact = fact(kind, verdict, line);
            if let Some(path) = &table.group.spans.record_file {
                fact.path = path.clone();
            }
            fact
        };
        let record = &table.group.record;
        if let Some(reason) = incomplete {
            let not_checked = |kind, value: Value, line| {
                recorded(kind, Verdict::NotChecked, line)
                    .recorded(value)
                    .why(Why::NotChecked(reason.clone()))
            };
            if let Some(winner) = &record.winner {
                let name = table.name(winner.value).to_string();
                facts.push(not_checked(
                    FactKind::GroupWinner,
                    Value::Team(name),
                    winner.line,
                ));
            }
            if let Some(order) = &record.order {
                let order_names = Value::Order(names(table, &order.value));
                facts.push(not_checked(FactKind::GroupOrder, order_names, order.line));
            }
            continue;
        }
        if let Some(winner) = &record.winner {
            facts.push(winner_fact(
                table,
                winner.value,
                recorded(FactKind::GroupWinner, Verdict::Confirmed, winner.line),
            ));
        }
        if let Some(order) = &record.order {
            facts.push(order_fact(
                table,
                &order.value,
                recorded(FactKind::GroupOrder, Verdict::Confirmed, order.line),
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
                // A tie the decision covers only in part: which of its teams it leaves out.
                let partial = table.unresolved().find_map(|tied| {
                    let left_out: Vec<TeamId> = tied
                        .iter()
                        .copied()
                        .filter(|t| !decision.order.contains(t))
                        .collect();
                    (left_out.len() < tied.len()).then(|| Why::LeavesOut(names(table, &left_out)))
                });
                facts.push(
                    fact(FactKind::UnusedDecision, Verdict::Note, table.group.line)
                        .recorded(Value::Decision {
                            by: decision.by.clone(),
                            order: names(table, &decision.order),
                        })
                        .why(partial.unwrap_or(Why::Nothing)),
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
