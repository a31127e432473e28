//! Facts about the final: the champions, the runners-up, and the final's winner and aggregate
//! score, decided from the data's tie in the rules' last round under the rules' `[knockout]`.

use super::{Fact, FactKind, Reason, Value, Verdict, Why, verdict};
use crate::compute::knockout::{self, TieOutcome};
use crate::compute::standings::Standings;
use crate::model::{Competition, Recorded, Side, Tie};

/// The final as far as the data decides it.
enum Final<'a> {
    /// A winner and the aggregate (team 0, team 1); the outcome in words.
    Decided(&'a Tie, Side, [u32; 2], String),
    /// No winner follows from the rules; the outcome in words.
    Undecided(String),
    /// The data has no result for the final: why.
    Missing(Reason),
}

/// Checks the recorded champions, runners-up and final against the data's final.
pub fn check(standings: &Standings<'_>) -> Vec<Fact> {
    let c = standings.competition;
    let rules = standings.rules;
    let last_round = rules
        .structure
        .as_ref()
        .and_then(|s| s.rounds.last())
        .map(|r| r.name.as_str());
    let final_tie = last_round.and_then(|name| c.ties.iter().find(|t| t.round == name));
    let the_final = match final_tie {
        Some(tie) => match knockout::decide(tie, &rules.knockout) {
            o @ TieOutcome::Decided {
                winner, aggregate, ..
            } => Final::Decided(tie, winner, aggregate, knockout::describe(tie, &o)),
            o @ TieOutcome::Undecided { .. } => Final::Undecided(knockout::describe(tie, &o)),
        },
        None => Final::Missing(Reason::NoFinal(last_round.map(str::to_string))),
    };
    let mut facts = Vec::new();
    facts.extend(team(
        c,
        FactKind::Champions,
        &c.record.champions,
        &the_final,
        false,
    ));
    facts.extend(team(
        c,
        FactKind::RunnerUp,
        &c.record.runner_up,
        &the_final,
        true,
    ));
    if let Some(f) = &c.record.final_result {
        let recorded = Value::Final {
            winner: f.value.winner.clone(),
            score: f.value.aggregate,
        };
        let fact =
            |v| Fact::new(c, FactKind::Final, None, v, Some(f.line)).recorded(recorded.clone());
        facts.push(match &the_final {
            Final::Decided(tie, winner, aggregate, how) => {
                let team = tie.team(*winner);
                let score = [aggregate[winner.index()], aggregate[winner.other().index()]];
                let ok = c.canonical(&f.value.winner) == team && f.value.aggregate == score;
                fact(verdict(ok))
                    .computed(Value::Final {
                        winner: team.to_string(),
                        score,
                    })
                    .why(Why::Tie(how.clone()))
            }
            Final::Undecided(how) => fact(Verdict::Unresolved).why(Why::Tie(how.clone())),
            Final::Missing(reason) => {
                fact(Verdict::NotChecked).why(Why::NotChecked(reason.clone()))
            }
        });
    }
    facts
}

/// The champions (the final's winner) or the runners-up (its loser, when `loser`).
fn team(
    c: &Competition,
    kind: FactKind,
    recorded: &Option<Recorded<String>>,
    the_final: &Final<'_>,
    loser: bool,
) -> Option<Fact> {
    let r = recorded.as_ref()?;
    let fact = |v| Fact::new(c, kind, None, v, Some(r.line)).recorded(Value::Team(r.value.clone()));
    Some(match the_final {
        Final::Decided(tie, winner, _, how) => {
            let team = tie.team(if loser { winner.other() } else { *winner });
            fact(verdict(c.canonical(&r.value) == team))
                .computed(Value::Team(team.to_string()))
                .why(Why::Tie(how.clone()))
        }
        Final::Undecided(how) => fact(Verdict::Unresolved).why(Why::Tie(how.clone())),
        Final::Missing(reason) => fact(Verdict::NotChecked).why(Why::NotChecked(reason.clone())),
    })
}
