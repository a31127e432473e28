//! Facts about groups: recorded winners and orders, and ties that decide who advances.

use super::{Finding, Verdict};
use crate::explain;
use crate::model::TeamId;
use crate::standings::{GroupTable, Qualification, Standings};

/// Checks each group's recorded winner and order, and that no unbroken tie decides who advances.
pub fn check(standings: &Standings<'_>) -> Vec<Finding> {
    let mut findings = Vec::new();
    for table in &standings.groups {
        let subject = format!("{} · {}", standings.competition.name, table.group.name);
        let mut finding = |verdict, line, detail: String| {
            findings.push(Finding {
                verdict,
                path: standings.competition.path.clone(),
                line,
                subject: subject.clone(),
                detail,
            });
        };
        let record = &table.group.record;
        if let Some(winner) = &record.winner {
            let (verdict, detail) = check_winner(table, winner.value);
            finding(verdict, Some(winner.line), detail);
        }
        if let Some(order) = &record.order {
            let (verdict, detail) = check_order(table, &order.value);
            finding(verdict, Some(order.line), detail);
        }
        if let Qualification::Undecided { tied, places, .. } = &table.qualification {
            finding(
                Verdict::Unresolved,
                Some(table.group.line),
                format!(
                    "qualification: {} are level on every criterion for {places} qualifying place(s); record the decision (drawing of lots, play-off) in the data",
                    explain::and_list(table, tied)
                ),
            );
        }
        for (i, decision) in table.group.decisions.iter().enumerate() {
            let used = table.ordering.steps.iter().any(|s| s.decision == Some(i));
            if !used {
                finding(
                    Verdict::Note,
                    Some(table.group.line),
                    format!(
                        "recorded decision ({}: {}) was not needed under these rules",
                        decision.by,
                        explain::names(table, &decision.order)
                    ),
                );
            }
        }
    }
    findings
}

fn check_winner(table: &GroupTable<'_>, expected: TeamId) -> (Verdict, String) {
    let first = &table.ordering.tiers[0];
    let name = table.name(expected);
    if first.teams.len() > 1 {
        return (
            Verdict::Unresolved,
            format!(
                "winner: expected {name}; computed {} level on every criterion",
                explain::and_list(table, &first.teams)
            ),
        );
    }
    let computed = first.teams[0];
    if computed != expected {
        return (
            Verdict::Mismatch,
            format!("winner: expected {name}; computed {}", table.name(computed)),
        );
    }
    let how = match (&first.above_next, table.ordering.tiers.get(1)) {
        (Some(sep), Some(next)) => format!(
            " (ahead of {} {})",
            explain::and_list(table, &next.teams),
            explain::separation(table, sep)
        ),
        _ => String::new(),
    };
    (Verdict::Confirmed, format!("winner {name}{how}"))
}

fn check_order(table: &GroupTable<'_>, expected: &[TeamId]) -> (Verdict, String) {
    let computed: Vec<TeamId> = table.rows.iter().map(|r| r.team).collect();
    let expected_names = explain::names(table, expected);
    // A recorded order lists every team, so any unbroken tie leaves part of it unconfirmed.
    if let Some(tied) = table.unresolved().next() {
        return (
            Verdict::Unresolved,
            format!(
                "order: expected {expected_names}; computed {} level on every criterion",
                explain::and_list(table, tied)
            ),
        );
    }
    if computed == expected {
        (Verdict::Confirmed, format!("order {expected_names}"))
    } else {
        (
            Verdict::Mismatch,
            format!(
                "order: expected {expected_names}; computed {}",
                explain::names(table, &computed)
            ),
        )
    }
}
