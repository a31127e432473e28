//! Facts about groups: recorded winners, orders and published tables, and ties that decide who
//! advances.

use rust_decimal::Decimal;

use super::{Fact, FactKind, Figure, Part, Reason, Value, Verdict, Why};
use crate::compute::standings::{GroupTable, Qualification, Row, Standings};
use crate::explain;
use crate::model::{Line, Recorded, TableRow, TeamId};

/// Checks each group's recorded winner, order and published table, that no unbroken tie
/// decides who advances, and notes recorded decisions the rules did not need. A group missing
/// some of the matches the rules give it (`group.meetings` per pair) decides nothing yet: its
/// winner, order and table are not checked, and a tie in it is no failure, unless the data
/// says it ended early (`curtailed`): then its table as played is final.
pub fn check(standings: &Standings<'_>) -> Vec<Fact> {
    let mut facts = Vec::new();
    let meetings = standings.rules.groups.as_ref().map_or(1, |g| g.meetings);
    for table in &standings.groups {
        let teams = table.group.teams.len() as u64;
        let expected = u64::from(meetings) * teams * teams.saturating_sub(1) / 2;
        let played = table.group.matches.len() as u64;
        // A group that ended early (`curtailed`) is final as played.
        let incomplete = (played < expected && table.group.rulings.curtailed.is_none())
            .then_some(Reason::IncompleteGroup { played, expected });
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
            if let Some(published) = &record.table {
                let rows = Value::Count(published.value.len() as u64);
                facts.push(not_checked(FactKind::PublishedTable, rows, published.line));
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
        if let Some(published) = &record.table {
            facts.extend(table_facts(table, published, |verdict, line| {
                recorded(FactKind::PublishedTable, verdict, line)
            }));
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

/// The places between which a tie decides something: after the last team to advance, and
/// around the place the rules rank across groups (`[best_placed]`), as 0-based row boundaries.
fn boundaries(table: &GroupTable<'_>) -> Vec<usize> {
    let mut at = vec![table.rules.advance];
    if let Some(best) = &table.rules.best_placed {
        at.extend([best.place - 1, best.place]);
    }
    at
}

/// A recorded order against the computed one, tier by tier: each tier's places must hold its
/// teams, in any order when they are level on every criterion. Level teams whose shared place
/// decides nothing are consistent with any order of them (the record had to list them somehow),
/// and the fact says they share it; level teams across a place that decides who advances leave
/// the order unresolved.
fn order_fact(table: &GroupTable<'_>, expected: &[TeamId], fact: Fact) -> Fact {
    let fact = fact.recorded(Value::Order(names(table, expected)));
    let boundaries = boundaries(table);
    let (mut start, mut shared, mut deciding) = (0, Vec::new(), None);
    let mut same = expected.len() == table.rows.len();
    for tier in &table.ordering.tiers {
        let end = start + tier.teams.len();
        if let Some(slice) = expected.get(start..end) {
            same &= slice.iter().all(|t| tier.teams.contains(t));
        }
        if tier.teams.len() > 1 {
            if boundaries.iter().any(|&b| start < b && b < end) {
                deciding.get_or_insert(&tier.teams);
            } else {
                shared.push(names(table, &tier.teams));
            }
        }
        start = end;
    }
    if let Some(tied) = deciding {
        let mut fact = fact.computed(Value::Level(names(table, tied)));
        fact.verdict = Verdict::Unresolved;
        return fact;
    }
    let computed: Vec<TeamId> = table.rows.iter().map(|r| r.team).collect();
    let mut fact = fact.computed(Value::Order(names(table, &computed)));
    fact.verdict = super::verdict(same);
    if same && !shared.is_empty() {
        fact = fact.why(Why::SharedPlaces(shared));
    }
    fact
}

/// A figure of a published row, where the row states it.
fn published_figure(row: &TableRow, figure: Figure) -> Option<Decimal> {
    let whole = |n: Option<u32>| n.map(Decimal::from);
    match figure {
        Figure::Position => whole(row.position),
        Figure::Played => whole(row.played),
        Figure::Won => whole(row.won),
        Figure::Drawn => whole(row.drawn),
        Figure::Lost => whole(row.lost),
        Figure::GoalsFor => whole(row.goals_for),
        Figure::GoalsAgainst => whole(row.goals_against),
        Figure::Points => row.points,
    }
}

/// The same figure of a computed row; points after every deduction.
fn computed_figure(row: &Row, figure: Figure) -> Decimal {
    let r = &row.record;
    match figure {
        Figure::Position => Decimal::from(row.position as u64),
        Figure::Played => Decimal::from(r.played),
        Figure::Won => Decimal::from(r.won),
        Figure::Drawn => Decimal::from(r.drawn),
        Figure::Lost => Decimal::from(r.lost),
        Figure::GoalsFor => Decimal::from(r.goals_for),
        Figure::GoalsAgainst => Decimal::from(r.goals_against),
        Figure::Points => r.points(),
    }
}

/// The published table against the computed one: a fact per figure that differs, at its row's
/// line (a position within a tie nothing broke is unresolved, not different); or, when every
/// published figure agrees, one confirmed fact at the table's line naming the figures the table
/// leaves out, which are not checked.
fn table_facts(
    table: &GroupTable<'_>,
    published: &Recorded<Vec<Recorded<TableRow>>>,
    fact: impl Fn(Verdict, Line) -> Fact,
) -> Vec<Fact> {
    let mut computed: Vec<Option<&Row>> = vec![None; table.group.teams.len()];
    for row in &table.rows {
        if let Some(slot) = computed.get_mut(row.team.index()) {
            *slot = Some(row);
        }
    }
    let mut facts = Vec::new();
    let mut not_published: Vec<(Figure, Vec<String>)> = Vec::new();
    for row in &published.value {
        let team = row.value.team;
        let Some(Some(ours)) = computed.get(team.index()) else {
            continue;
        };
        let name = table.name(team).to_string();
        for figure in Figure::ALL {
            let Some(stated) = published_figure(&row.value, figure) else {
                match not_published.iter_mut().find(|(f, _)| *f == figure) {
                    Some((_, teams)) => teams.push(name.clone()),
                    None => not_published.push((figure, vec![name.clone()])),
                }
                continue;
            };
            let value = computed_figure(ours, figure);
            if stated == value {
                continue;
            }
            let recorded = Value::Figure {
                team: name.clone(),
                figure,
                value: stated,
            };
            let tied = (figure == Figure::Position && ours.shared)
                .then(|| table.unresolved().find(|tied| tied.contains(&team)))
                .flatten()
                .filter(|tied| {
                    let last = value + Decimal::from(tied.len().saturating_sub(1) as u64);
                    value <= stated && stated <= last
                });
            facts.push(match tied {
                Some(tied) => fact(Verdict::Unresolved, row.line)
                    .recorded(recorded)
                    .computed(Value::Level(names(table, tied))),
                None => fact(Verdict::Mismatch, row.line)
                    .recorded(recorded)
                    .computed(Value::Figure {
                        team: name.clone(),
                        figure,
                        value,
                    }),
            });
        }
    }
    if facts.is_empty() {
        not_published.sort_by_key(|(figure, _)| Figure::ALL.iter().position(|f| f == figure));
        let why = match not_published.is_empty() {
            true => Why::Nothing,
            false => Why::NotPublished(not_published),
        };
        facts.push(
            fact(Verdict::Confirmed, published.line)
                .recorded(Value::Count(published.value.len() as u64))
                .why(why),
        );
    }
    facts
}
