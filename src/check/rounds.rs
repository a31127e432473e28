//! Facts about the competition's rounds: the data's groups against the rules' group round,
//! teams, matches and goals over all rounds, and the access list (round sizes, the schedule,
//! transfers, the teams listed per entry round). Counts are computed from the rule file's
//! rounds; without rounds, or without every result, they are not checked. Sums are taken in
//! `u64` and compared whole, so no rule file or data file can overflow them.

use super::{Fact, FactKind, Part, Reason, Term, Value, Verdict, Why, verdict};
use crate::compute::standings::Standings;
use crate::model::{Competition, Recorded, RoundSize};
use crate::rules::Structure;
use crate::rules::structure::Format;

/// Checks the group stage, the counts and the access list against the rules' rounds.
pub fn check(standings: &Standings<'_>) -> Vec<Fact> {
    let c = standings.competition;
    let mut facts = Vec::new();
    match standings.rules.structure.as_ref() {
        Some(s) => {
            facts.extend(group_stage(c, s));
            facts.extend(counts(c, s));
            facts.extend(access(c, s));
        }
        None => facts.extend(without_rounds(c)),
    }
    facts
}

/// The sum of counts, in `u64` and saturating: it cannot overflow, whatever the counts.
pub(super) fn sum(counts: impl IntoIterator<Item = u32>) -> u64 {
    counts
        .into_iter()
        .fold(0, |total, n| total.saturating_add(u64::from(n)))
}

/// A recorded count against a computed one.
fn compare(
    c: &Competition,
    kind: FactKind,
    part: Option<Part>,
    recorded: &Recorded<u32>,
    computed: u64,
    why: Why,
) -> Fact {
    Fact::new(
        c,
        kind,
        part,
        verdict(u64::from(recorded.value) == computed),
        Some(recorded.line),
    )
    .recorded(Value::Count(u64::from(recorded.value)))
    .computed(Value::Count(computed))
    .why(why)
}

/// The data's groups against the rules' group round.
fn group_stage(c: &Competition, s: &Structure) -> Option<Fact> {
    if c.groups.is_empty() {
        return None;
    }
    let sizes = Value::GroupSizes(c.groups.iter().map(|g| g.teams.len() as u32).collect());
    let Some((round, n, size)) = s.rounds.iter().find_map(|r| match r.format {
        Format::Groups { groups, size } => Some((r, groups, size)),
        Format::Knockout { .. } => None,
    }) else {
        return Some(
            Fact::new(c, FactKind::GroupStage, None, Verdict::Mismatch, None).recorded(sizes),
        );
    };
    let ok =
        c.groups.len() == n as usize && c.groups.iter().all(|g| g.teams.len() == size as usize);
    Some(
        Fact::new(
            c,
            FactKind::GroupStage,
            Some(Part::Round(round.name.clone())),
            verdict(ok),
            None,
        )
        .recorded(sizes)
        .computed(Value::Groups { groups: n, size }),
    )
}

/// Teams and matches over all rounds.
fn counts(c: &Competition, s: &Structure) -> Vec<Fact> {
    let mut facts = Vec::new();
    if let Some(teams) = &c.record.teams {
        let entering = s
            .rounds
            .iter()
            .filter(|r| r.entering() > 0)
            .map(|r| Term::InRound(u64::from(r.entering()), r.name.clone()))
            .collect();
        let total = sum(s.rounds.iter().map(|r| r.entering()));
        facts.push(compare(
            c,
            FactKind::Teams,
            None,
            teams,
            total,
            Why::Sum(entering),
        ));
    }
    if let Some(matches) = &c.record.matches {
        let from = s.count_matches_from;
        let counted = sum(s.flows[from..].iter().map(|f| f.matches));
        let why = Why::CountedFrom((from != 0).then(|| s.rounds[from].name.clone()));
        facts.push(compare(c, FactKind::Matches, None, matches, counted, why));
    }
    facts
}

/// Without rounds in the rules, counts over the whole competition cannot be computed.
fn without_rounds(c: &Competition) -> Vec<Fact> {
    let groups = c.groups.len();
    let mut facts = Vec::new();
    let mut not_checked = |kind, recorded: &Recorded<u32>, count| {
        facts.push(
            Fact::new(c, kind, None, Verdict::NotChecked, Some(recorded.line))
                .recorded(Value::Count(u64::from(recorded.value)))
                .why(Why::NotChecked(Reason::NoRounds { groups, count })),
        );
    };
    if let Some(f) = &c.record.teams {
        not_checked(
            FactKind::Teams,
            f,
            c.groups.iter().map(|g| g.teams.len()).sum(),
        );
    }
    if let Some(f) = &c.record.matches {
        not_checked(
            FactKind::Matches,
            f,
            c.groups.iter().map(|g| g.matches.len()).sum(),
        );
    }
    facts
}

/// The access list's round sizes, the schedule's rounds, transfers, and the teams listed per
/// entry round.
fn access(c: &Competition, s: &Structure) -> Vec<Fact> {
    let mut facts = Vec::new();
    let index = |name: &str| s.rounds.iter().position(|r| r.name == name);
    for size in &c.record.round_sizes {
        let RoundSize { round, teams } = &size.value;
        let Some(i) = index(round) else { continue };
        let flow = &s.flows[i];
        let why = Why::Sum(vec![
            Term::Arriving(u64::from(flow.arriving)),
            Term::Entering(u64::from(s.rounds[i].entering())),
        ]);
        let recorded = Recorded::new(*teams, size.line);
        let part = Some(Part::Round(round.clone()));
        facts.push(compare(
            c,
            FactKind::RoundSize,
            part,
            &recorded,
            u64::from(flow.teams),
            why,
        ));
    }
    if let Some(schedule) = &c.record.schedule {
        let names: Vec<String> = s.rounds.iter().map(|r| r.name.clone()).collect();
        facts.push(
            Fact::new(
                c,
                FactKind::Schedule,
                None,
                verdict(schedule.value == names),
                Some(schedule.line),
            )
            .recorded(Value::Rounds(schedule.value.clone()))
            .computed(Value::Rounds(names)),
        );
    }
    for (from, recorded) in &c.record.transfers {
        let by_round: Vec<Term> = s
            .rounds
            .iter()
            .filter_map(|r| {
                r.transferred
                    .get(from)
                    .map(|&n| Term::InRound(u64::from(n), r.name.clone()))
            })
            .collect();
        let total = sum(s
            .rounds
            .iter()
            .filter_map(|r| r.transferred.get(from).copied()));
        let part = Some(Part::From(from.clone()));
        facts.push(compare(
            c,
            FactKind::Transfers,
            part,
            recorded,
            total,
            Why::Sum(by_round),
        ));
    }
    for list in &c.entrants {
        let Some(i) = index(&list.round) else {
            continue;
        };
        let round = &s.rounds[i];
        let mut parts = vec![Term::Fresh(u64::from(round.fresh))];
        parts.extend(
            round
                .transferred
                .iter()
                .map(|(from, &n)| Term::From(u64::from(n), from.clone())),
        );
        let listed = list.teams.len() as u32;
        facts.push(
            Fact::new(
                c,
                FactKind::Entrants,
                Some(Part::Round(round.name.clone())),
                verdict(listed == round.entering()),
                Some(list.line),
            )
            .recorded(Value::Count(u64::from(listed)))
            .computed(Value::Count(u64::from(round.entering())))
            .why(Why::Sum(parts)),
        );
    }
    facts
}

/// Goals over all rounds: never computed, as the data never has every result.
pub fn goals(c: &Competition) -> Option<Fact> {
    let goals = c.record.goals.as_ref()?;
    let known: usize = c.groups.iter().map(|g| g.matches.len()).sum::<usize>()
        + c.ties.iter().map(|t| t.legs.len()).sum::<usize>();
    Some(
        Fact::new(
            c,
            FactKind::Goals,
            None,
            Verdict::NotChecked,
            Some(goals.line),
        )
        .recorded(Value::Count(u64::from(goals.value)))
        .why(Why::NotChecked(Reason::PartialResults(known))),
    )
}
