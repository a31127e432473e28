//! Facts about the whole competition: counts over all rounds, the final, the access list, and
//! the ranking that allocates places. Each is computed from the rule file's rounds and the data;
//! a fact the data gives no way to compute is reported as not checked, never as confirmed.

use std::fmt::Display;

use super::{Finding, Verdict};
use crate::knockout::{self, TieOutcome};
use crate::model::{Competition, Recorded, Tie};
use crate::ranking;
use crate::rules::structure::{Format, RoundFlow};
use crate::rules::{RuleSet, Structure};
use crate::standings::Standings;

/// Collects findings about one competition.
struct Facts<'a> {
    competition: &'a Competition,
    findings: Vec<Finding>,
}

impl Facts<'_> {
    fn push(&mut self, verdict: Verdict, line: Option<usize>, detail: String) {
        self.findings.push(Finding {
            verdict,
            path: self.competition.path.clone(),
            line,
            subject: self.competition.name.clone(),
            detail,
        });
    }

    /// Compares a recorded value with a computed one; `how` says how it was computed.
    fn compare<T: PartialEq + Display>(
        &mut self,
        label: &str,
        recorded: &Recorded<T>,
        computed: T,
        how: &str,
    ) {
        if recorded.value == computed {
            self.push(
                Verdict::Confirmed,
                Some(recorded.line),
                format!("{label} {computed} ({how})"),
            );
        } else {
            self.push(
                Verdict::Mismatch,
                Some(recorded.line),
                format!(
                    "{label}: expected {}; computed {computed} ({how})",
                    recorded.value
                ),
            );
        }
    }

    /// A computed consistency between two sources (data against rules), not a recorded fact.
    fn consistent(&mut self, ok: bool, line: Option<usize>, confirmed: String, differs: String) {
        if ok {
            self.push(Verdict::Confirmed, line, confirmed);
        } else {
            self.push(Verdict::Mismatch, line, differs);
        }
    }
}

/// Checks every competition-level fact.
pub fn check(standings: &Standings<'_>) -> Vec<Finding> {
    let competition = standings.competition;
    let rules = standings.rules;
    let mut facts = Facts {
        competition,
        findings: Vec::new(),
    };
    let structure = rules.structure.as_ref();
    if let Some(s) = structure {
        let flows = &s.flows;
        group_stage(&mut facts, s);
        counts(&mut facts, s, flows);
        access(&mut facts, s, flows);
    } else {
        without_rounds(&mut facts);
    }
    results(&mut facts, standings, structure);
    allocation(&mut facts, rules, structure);
    facts.findings
}

/// The data's groups against the rules' group round.
fn group_stage(facts: &mut Facts<'_>, s: &Structure) {
    let groups = &facts.competition.groups;
    if groups.is_empty() {
        return;
    }
    let Some((round, n, size)) = s.rounds.iter().find_map(|r| match r.format {
        Format::Groups { groups, size } => Some((r, groups, size)),
        Format::Knockout { .. } => None,
    }) else {
        facts.push(
            Verdict::Mismatch,
            None,
            format!(
                "group stage: the data has {} groups, but the rules' rounds have no group stage",
                groups.len()
            ),
        );
        return;
    };
    let sizes: Vec<usize> = groups.iter().map(|g| g.teams.len()).collect();
    let ok = groups.len() == n as usize && sizes.iter().all(|&k| k == size as usize);
    facts.consistent(
        ok,
        None,
        format!(
            "{}: {n} groups of {size} ({} teams), as the rules say",
            round.name,
            n * size
        ),
        format!(
            "{}: the rules say {n} groups of {size}; the data has {} groups of {}",
            round.name,
            groups.len(),
            sizes
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join(", ")
        ),
    );
}

/// Teams and matches over all rounds.
fn counts(facts: &mut Facts<'_>, s: &Structure, flows: &[RoundFlow]) {
    let record = &facts.competition.record;
    if let Some(teams) = &record.teams {
        let entering: Vec<String> = s
            .rounds
            .iter()
            .filter(|r| r.entering() > 0)
            .map(|r| format!("{} in {}", r.entering(), r.name))
            .collect();
        let total = s.rounds.iter().map(|r| r.entering()).sum::<u32>();
        facts.compare("teams", teams, total, &entering.join(" + "));
    }
    if let Some(matches) = &record.matches {
        let from = s.count_matches_from;
        let counted: u32 = flows[from..].iter().map(|f| f.matches).sum();
        let how = if from == 0 {
            "every round".to_string()
        } else {
            format!("from {} on, as the rules count", s.rounds[from].name)
        };
        facts.compare("matches", matches, counted, &how);
    }
}

/// Without rounds in the rules, counts over the whole competition cannot be computed.
fn without_rounds(facts: &mut Facts<'_>) {
    let c = facts.competition;
    let teams: usize = c.groups.iter().map(|g| g.teams.len()).sum();
    let matches: usize = c.groups.iter().map(|g| g.matches.len()).sum();
    let missing = "the rule file describes no rounds";
    if let Some(f) = &c.record.teams {
        facts.push(
            Verdict::NotChecked,
            Some(f.line),
            format!(
                "teams {}: the {} groups hold {teams} teams; {missing}",
                f.value,
                c.groups.len()
            ),
        );
    }
    if let Some(f) = &c.record.matches {
        facts.push(
            Verdict::NotChecked,
            Some(f.line),
            format!(
                "matches {}: the groups have {matches} matches; {missing}",
                f.value
            ),
        );
    }
}

/// The access list's round sizes, the schedule's rounds, transfers, and the teams listed per
/// entry round.
fn access(facts: &mut Facts<'_>, s: &Structure, flows: &[RoundFlow]) {
    let c = facts.competition;
    let index = |name: &str| s.rounds.iter().position(|r| r.name == name);
    for size in &c.record.round_sizes {
        let (round, _) = &size.value;
        let Some(i) = index(round) else { continue };
        let flow = &flows[i];
        let how = format!(
            "{} arriving + {} entering",
            flow.arriving,
            s.rounds[i].entering()
        );
        let recorded = Recorded {
            value: size.value.1,
            line: size.line,
        };
        facts.compare(&format!("{round} teams"), &recorded, flow.teams, &how);
    }
    if let Some(schedule) = &c.record.schedule {
        let names: Vec<&str> = s.rounds.iter().map(|r| r.name.as_str()).collect();
        let ok = schedule
            .value
            .iter()
            .map(String::as_str)
            .eq(names.iter().copied());
        facts.consistent(
            ok,
            Some(schedule.line),
            format!("schedule: {} rounds, as the rules' rounds", names.len()),
            format!(
                "schedule: expected {}; the rules' rounds are {}",
                schedule.value.join(", "),
                names.join(", ")
            ),
        );
    }
    for transfer in &c.record.transfers {
        let (from, _) = &transfer.value;
        let by_round: Vec<String> = s
            .rounds
            .iter()
            .filter_map(|r| {
                r.transferred
                    .get(from)
                    .map(|n| format!("{n} in {}", r.name))
            })
            .collect();
        let total: u32 = s
            .rounds
            .iter()
            .filter_map(|r| r.transferred.get(from))
            .sum();
        let recorded = Recorded {
            value: transfer.value.1,
            line: transfer.line,
        };
        let how = if by_round.is_empty() {
            "no round takes teams from it".to_string()
        } else {
            by_round.join(" + ")
        };
        facts.compare(&format!("transferred from {from}"), &recorded, total, &how);
    }
    for list in &c.entrants {
        let Some(i) = index(&list.round) else {
            continue;
        };
        let round = &s.rounds[i];
        let mut parts = vec![format!("{} entering fresh", round.fresh)];
        parts.extend(
            round
                .transferred
                .iter()
                .map(|(from, n)| format!("{n} from {from}")),
        );
        let listed = list.teams.len() as u32;
        facts.consistent(
            listed == round.entering(),
            Some(list.line),
            format!(
                "{} entrants: {listed} listed, as the rules' {}",
                round.name,
                parts.join(" + ")
            ),
            format!(
                "{} entrants: {listed} listed; the rules have {} ({})",
                round.name,
                round.entering(),
                parts.join(" + ")
            ),
        );
    }
}

/// The final and the counts that need every result.
fn results(facts: &mut Facts<'_>, standings: &Standings<'_>, s: Option<&Structure>) {
    let c = facts.competition;
    let rules = standings.rules;
    let last_round = s.and_then(|s| s.rounds.last()).map(|r| r.name.as_str());
    let final_tie: Option<&Tie> =
        last_round.and_then(|name| c.ties.iter().find(|t| t.round == name));
    let outcome = final_tie.map(|t| (t, knockout::decide(t, &rules.knockout)));
    let no_final = match last_round {
        Some(name) => format!("the data has no result for the {name}"),
        None => "the rule file describes no rounds, so no final".to_string(),
    };

    if let Some(goals) = &c.record.goals {
        let known: usize = c.groups.iter().map(|g| g.matches.len()).sum::<usize>()
            + c.ties.iter().map(|t| t.legs.len()).sum::<usize>();
        facts.push(
            Verdict::NotChecked,
            Some(goals.line),
            format!(
                "goals {}: the data has the results of {known} matches, not all of them",
                goals.value
            ),
        );
    }

    let decided = match &outcome {
        Some((
            tie,
            o @ TieOutcome::Decided {
                winner, aggregate, ..
            },
        )) => Some((*tie, *winner, *aggregate, knockout::describe(tie, o))),
        _ => None,
    };
    let undecided = match &outcome {
        Some((tie, o @ TieOutcome::Undecided { .. })) => Some(knockout::describe(tie, o)),
        _ => None,
    };
    let mut name_fact = |label: &str, recorded: &Option<Recorded<String>>, loser: bool| {
        let Some(r) = recorded else { return };
        match (&decided, &undecided) {
            (Some((tie, winner, _, how)), _) => {
                let team = &tie.teams[if loser { 1 - winner } else { *winner }];
                let ok = c.canonical(&r.value) == team;
                facts.consistent(
                    ok,
                    Some(r.line),
                    format!("{label} {} ({how})", r.value),
                    format!("{label}: expected {}; computed {team} ({how})", r.value),
                );
            }
            (None, Some(how)) => facts.push(
                Verdict::Unresolved,
                Some(r.line),
                format!("{label}: expected {}; the final is {how}", r.value),
            ),
            (None, None) => facts.push(
                Verdict::NotChecked,
                Some(r.line),
                format!("{label} {}: {no_final}", r.value),
            ),
        }
    };
    name_fact("champions", &c.record.champions, false);
    name_fact("runner-up", &c.record.runner_up, true);

    if let Some(f) = &c.record.final_result {
        let [w, l] = f.value.aggregate;
        let stated = format!("{} {w}–{l}", f.value.winner);
        match (&decided, &undecided) {
            (Some((tie, winner, aggregate, how)), _) => {
                let team = &tie.teams[*winner];
                let computed = format!("{team} {}–{}", aggregate[*winner], aggregate[1 - winner]);
                let ok = c.canonical(&f.value.winner) == team
                    && [w, l] == [aggregate[*winner], aggregate[1 - winner]];
                facts.consistent(
                    ok,
                    Some(f.line),
                    format!("final {stated} ({how})"),
                    format!("final: expected {stated}; computed {computed} ({how})"),
                );
            }
            (None, Some(how)) => facts.push(
                Verdict::Unresolved,
                Some(f.line),
                format!("final: expected {stated}; the final is {how}"),
            ),
            (None, None) => facts.push(
                Verdict::NotChecked,
                Some(f.line),
                format!("final {stated} on aggregate: {no_final}"),
            ),
        }
    }
}

/// The ranking's order, the places it allocates, and the sum of places and transfers.
fn allocation(facts: &mut Facts<'_>, rules: &RuleSet, s: Option<&Structure>) {
    let c = facts.competition;
    let Some(ranking) = &c.ranking else { return };
    let line = Some(ranking.line);

    let tiers = ranking::order(ranking);
    let unresolved: Vec<String> = tiers
        .iter()
        .filter(|t| t.len() > 1)
        .map(|t| {
            t.iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join(", ")
        })
        .collect();
    let computed: Vec<u32> = tiers.iter().flatten().copied().collect();
    let mut published: Vec<u32> = ranking.entries.iter().map(|e| e.rank).collect();
    published.sort_unstable();
    let broken: Vec<String> = ranking
        .ties
        .iter()
        .map(|(ranks, by)| {
            let ranks: Vec<String> = ranks.iter().map(ToString::to_string).collect();
            format!("{} by {by}", ranks.join(", "))
        })
        .collect();
    if !unresolved.is_empty() {
        facts.push(
            Verdict::Unresolved,
            line,
            format!(
                "ranking: equal coefficients at ranks {} and no recorded order covering them",
                unresolved.join("; ")
            ),
        );
    } else {
        let first_wrong = computed.iter().zip(&published).position(|(a, b)| a != b);
        facts.consistent(
            first_wrong.is_none(),
            line,
            format!(
                "ranking: {} entries in coefficient order{}",
                computed.len(),
                if broken.is_empty() {
                    String::new()
                } else {
                    format!(" (equal coefficients ordered {})", broken.join("; "))
                }
            ),
            match first_wrong {
                Some(i) => format!(
                    "ranking: rank {} should be rank {} by coefficient ({})",
                    computed[i], published[i], ranking.name
                ),
                None => String::new(),
            },
        );
    }

    let Some(allocation) = &rules.allocation else {
        facts.push(
            Verdict::NotChecked,
            line,
            "places per rank: the rule file has no [allocation]".to_string(),
        );
        return;
    };
    let allocated = ranking::allocate(ranking, allocation);
    let uncovered: Vec<String> = allocated
        .iter()
        .filter(|(_, p)| p.is_none())
        .map(|(r, _)| r.to_string())
        .collect();
    let differs: Vec<String> = allocated
        .iter()
        .zip(&ranking.entries)
        .filter_map(|((rank, computed), e)| match (e.places, computed) {
            (Some(p), Some(q)) if p != *q => Some(format!("rank {rank}: published {p}, rule {q}")),
            _ => None,
        })
        .collect();
    if !uncovered.is_empty() {
        facts.push(
            Verdict::Mismatch,
            line,
            format!(
                "places per rank: no allocation range covers ranks {}",
                uncovered.join(", ")
            ),
        );
    } else {
        facts.consistent(
            differs.is_empty(),
            line,
            format!(
                "places per rank: all {} ranks as the allocation rule gives them ({} exception(s))",
                allocated.len(),
                allocation.exceptions.len()
            ),
            format!("places per rank differ: {}", differs.join("; ")),
        );
    }
    let by_rank: u32 = allocated.iter().filter_map(|(_, p)| *p).sum();
    if let Some(fp) = &c.record.fair_play {
        facts.compare(
            "fair-play places",
            fp,
            allocation.fair_play,
            "the rules' allocation.fair_play",
        );
    }
    let Some(s) = s else { return };
    let fresh: u32 = s.rounds.iter().map(|r| r.fresh).sum();
    let transferred: u32 = s.rounds.iter().flat_map(|r| r.transferred.values()).sum();
    let from_associations = by_rank + allocation.fair_play;
    facts.consistent(
        from_associations == fresh,
        line,
        format!(
            "places: {by_rank} by ranking + {} fair play = {from_associations}, the teams the rounds take fresh",
            allocation.fair_play
        ),
        format!(
            "places: {by_rank} by ranking + {} fair play = {from_associations}, but the rounds take {fresh} teams fresh",
            allocation.fair_play
        ),
    );
    if let Some(teams) = &c.record.teams {
        facts.compare(
            "places plus transfers",
            teams,
            from_associations + transferred,
            &format!(
                "{by_rank} by ranking + {} fair play + {transferred} transferred",
                allocation.fair_play
            ),
        );
    }
}
