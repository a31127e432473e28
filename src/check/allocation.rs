//! Facts about the coefficient ranking that allocates places: its published order, the places
//! per rank under the rules' `[allocation]`, fair-play places, and the sum of places and
//! transfers against the rounds and the recorded teams.
//!
//! Sums are taken in `u64` (see `rounds::sum`), so no ranking or rule can overflow them; verdicts
//! compare the whole sums. A sum beyond `u32` (a ranking of thousands of associations each
//! sending a million teams) is shown as `u32::MAX`, the largest count a [`Value`] holds.

use super::rounds::sum;
use super::{Fact, FactKind, Reason, Term, Value, Verdict, Why, verdict};
use crate::compute::ranking;
use crate::compute::standings::Standings;
use crate::model::Recorded;

/// Checks the ranking's order and the places it allocates.
pub fn check(standings: &Standings<'_>) -> Vec<Fact> {
    let c = standings.competition;
    let rules = standings.rules;
    let Some(ranking) = &c.ranking else {
        return Vec::new();
    };
    let line = Some(ranking.line);
    let fact = |kind, verdict| Fact::new(c, kind, None, verdict, line);
    let mut facts = Vec::new();

    let tiers = ranking::order(ranking);
    let mut published: Vec<u32> = ranking.entries.iter().map(|e| e.rank).collect();
    published.sort_unstable();
    let order = if tiers.iter().any(|t| t.len() > 1) {
        Verdict::Unresolved
    } else {
        let computed = tiers.iter().flatten();
        verdict(computed.eq(published.iter()))
    };
    facts.push(
        fact(FactKind::RankingOrder, order)
            .recorded(Value::Ranks(published))
            .computed(Value::RankTiers(tiers))
            .why(Why::Ranking {
                name: ranking.name.clone(),
                ordered: ranking.ties.clone(),
            }),
    );

    let published = Value::Places(ranking.entries.iter().map(|e| (e.rank, e.places)).collect());
    let Some(allocation) = &rules.allocation else {
        facts.push(
            fact(FactKind::PlacesPerRank, Verdict::NotChecked)
                .recorded(published)
                .why(Why::NotChecked(Reason::NoAllocation)),
        );
        return facts;
    };
    let allocated = ranking::allocate(ranking, allocation);
    let covered = allocated.iter().all(|(_, p)| p.is_some());
    let same = allocated
        .iter()
        .zip(&ranking.entries)
        .all(|((_, computed), e)| match (e.places, computed) {
            (Some(p), Some(q)) => p == *q,
            _ => true,
        });
    facts.push(
        fact(FactKind::PlacesPerRank, verdict(covered && same))
            .recorded(published)
            .computed(Value::Places(allocated.clone()))
            .why(Why::Exceptions(allocation.exceptions.len())),
    );
    let by_rank = sum(allocated.iter().filter_map(|(_, p)| *p));
    let fair_play = allocation.fair_play;
    if let Some(fp) = &c.record.fair_play {
        facts.push(
            Fact::new(
                c,
                FactKind::FairPlay,
                None,
                verdict(fp.value == fair_play),
                Some(fp.line),
            )
            .recorded(Value::Count(u64::from(fp.value)))
            .computed(Value::Count(u64::from(fair_play)))
            .why(Why::Rule("allocation.fair_play")),
        );
    }
    let Some(s) = &rules.structure else {
        return facts;
    };
    let fresh = sum(s.rounds.iter().map(|r| r.fresh));
    let transferred = sum(s
        .rounds
        .iter()
        .flat_map(|r| r.transferred.values().copied()));
    let from_associations = by_rank.saturating_add(u64::from(fair_play));
    facts.push(
        fact(
            FactKind::PlacesFromAssociations,
            verdict(from_associations == fresh),
        )
        .recorded(Value::Count(fresh))
        .computed(Value::Count(from_associations))
        .why(Why::Sum(vec![
            Term::ByRanking(by_rank),
            Term::FairPlay(u64::from(fair_play)),
        ])),
    );
    if let Some(teams) = &c.record.teams {
        let Recorded { value, line, .. } = teams;
        let computed = from_associations.saturating_add(transferred);
        facts.push(
            Fact::new(
                c,
                FactKind::PlacesPlusTransfers,
                None,
                verdict(u64::from(*value) == computed),
                Some(*line),
            )
            .recorded(Value::Count(u64::from(*value)))
            .computed(Value::Count(computed))
            .why(Why::Sum(vec![
                Term::ByRanking(by_rank),
                Term::FairPlay(u64::from(fair_play)),
                Term::Transferred(transferred),
            ])),
        );
    }
    facts
}
