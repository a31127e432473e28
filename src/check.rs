//! Checking computed standings against the facts the published record states.
//!
//! Every recorded fact gives one [`Finding`]: confirmed, different, or unresolved (the engine
//! computed a tie that no criterion breaks where the record states an order). A tie that decides
//! who advances is reported even when the record states nothing about it.

use std::path::PathBuf;

use crate::explain;
use crate::model::TeamId;
use crate::standings::{GroupTable, Qualification, Standings};

/// The verdict on one fact.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// The computed fact equals the recorded one.
    Confirmed,
    /// The computed fact differs from the recorded one.
    Mismatch,
    /// The engine computed a tie that no criterion breaks where an order is needed.
    Unresolved,
    /// A recorded fact the engine cannot compute from the data it has (yet); never confirmed.
    NotChecked,
    /// Worth knowing, never a failure (a recorded decision these rules did not need).
    Note,
}

impl Verdict {
    /// The word printed at the start of the line.
    pub fn label(self) -> &'static str {
        match self {
            Verdict::Confirmed => "ok",
            Verdict::Mismatch => "MISMATCH",
            Verdict::Unresolved => "UNRESOLVED",
            Verdict::NotChecked => "not checked",
            Verdict::Note => "note",
        }
    }

    /// Whether the verdict makes `check` fail.
    pub fn fails(self) -> bool {
        matches!(self, Verdict::Mismatch | Verdict::Unresolved)
    }
}

/// One checked fact.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// The verdict.
    pub verdict: Verdict,
    /// The data file that records the fact.
    pub path: PathBuf,
    /// The line of the data file that states it, when it is a recorded fact.
    pub line: Option<usize>,
    /// Competition and group: `2003–04 Coppa Italia · Group 8`.
    pub subject: String,
    /// What was found, in words.
    pub detail: String,
}

impl std::fmt::Display for Finding {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{:<11}  {} · {}",
            self.verdict.label(),
            self.subject,
            self.detail
        )
    }
}

/// Checks every recorded fact of one competition's standings.
pub fn check(standings: &Standings<'_>) -> Vec<Finding> {
    let mut findings = competition_facts(standings);
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
                None,
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
                    None,
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

/// The facts about the whole competition. The data describes only the group stage, so each is
/// reported as not checked, with what the group stage does hold for comparison.
fn competition_facts(standings: &Standings<'_>) -> Vec<Finding> {
    let competition = standings.competition;
    let record = &competition.record;
    let groups = competition.groups.len();
    let teams: usize = competition.groups.iter().map(|g| g.teams.len()).sum();
    let matches: usize = competition.groups.iter().map(|g| g.matches.len()).sum();
    let goals: u32 = standings
        .groups
        .iter()
        .flat_map(|t| &t.rows)
        .map(|r| r.record.goals_for)
        .sum();
    let later = "the rounds after the group stage are not in the data";
    let no_final = "the final is not in the data";
    let mut facts: Vec<(usize, String)> = Vec::new();
    if let Some(f) = &record.teams {
        facts.push((
            f.line,
            format!(
                "teams {}: the {groups} groups hold {teams} teams; {later}",
                f.value
            ),
        ));
    }
    if let Some(f) = &record.matches {
        facts.push((
            f.line,
            format!(
                "matches {}: the group stage has {matches} matches; {later}",
                f.value
            ),
        ));
    }
    if let Some(f) = &record.goals {
        facts.push((f.line, format!("goals {}: the group stage has {goals} goals (awarded goals counted as the rules say); {later}", f.value)));
    }
    if let Some(f) = &record.champions {
        facts.push((f.line, format!("champions {}: {no_final}", f.value)));
    }
    if let Some(f) = &record.runner_up {
        facts.push((f.line, format!("runner-up {}: {no_final}", f.value)));
    }
    if let Some(f) = &record.final_result {
        let [w, l] = f.value.aggregate;
        facts.push((
            f.line,
            format!("final {} {w}–{l} on aggregate: {no_final}", f.value.winner),
        ));
    }
    facts
        .into_iter()
        .map(|(line, detail)| Finding {
            verdict: Verdict::NotChecked,
            path: competition.path.clone(),
            line: Some(line),
            subject: competition.name.clone(),
            detail,
        })
        .collect()
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
