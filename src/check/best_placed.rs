//! The teams that went through as the best of one place across groups (`[record]
//! best_placed`), against the ranking the rules' `[best_placed]` computes.

use super::{Fact, FactKind, Reason, Value, Verdict, Why, verdict};
use crate::compute::standings::{Qualification, Standings};

/// Checks the recorded best-placed teams, as a set: confirmed when the ranking advances exactly
/// them; unresolved when a tie nothing broke straddles its last place; not checked when the
/// rules rank no teams across groups or a group is not over.
pub fn check(standings: &Standings<'_>) -> Vec<Fact> {
    let competition = standings.competition;
    let Some(recorded) = &competition.record.best_placed else {
        return Vec::new();
    };
    // A name the record uses for a team the data names otherwise (competition or group alias).
    let team_name = |name: &str| -> String {
        let name = competition.canonical(name);
        competition
            .groups
            .iter()
            .flat_map(|g| g.aliases.iter().map(move |a| (a, g)))
            .find(|(a, _)| a.name == name)
            .map_or(name.to_string(), |(a, g)| g.team_name(a.team).to_string())
    };
    let names: Vec<String> = recorded.value.iter().map(|n| team_name(n)).collect();
    let fact = |verdict| {
        Fact::new(
            competition,
            FactKind::BestPlaced,
            None,
            verdict,
            Some(recorded.line),
        )
        .recorded(Value::Order(recorded.value.clone()))
    };
    let not_checked = |reason| vec![fact(Verdict::NotChecked).why(Why::NotChecked(reason))];
    let meetings = standings.rules.groups.as_ref().map_or(1, |g| g.meetings);
    if let Some(table) = standings.groups.iter().find(|t| {
        let teams = t.group.teams.len() as u64;
        let expected = u64::from(meetings) * teams * teams.saturating_sub(1) / 2;
        (t.group.matches.len() as u64) < expected && t.group.rulings.curtailed.is_none()
    }) {
        let teams = table.group.teams.len() as u64;
        return not_checked(Reason::IncompleteGroup {
            played: table.group.matches.len() as u64,
            expected: u64::from(meetings) * teams * teams.saturating_sub(1) / 2,
        });
    }
    let Some(ranking) = &standings.best_placed else {
        return not_checked(Reason::NoBestPlaced);
    };
    // A shared place the ranking takes a team from, or a shared last place whose results it
    // leaves out: which team it is, nothing decided.
    if let Some((_, teams)) = ranking.shared.iter().chain(&ranking.last_shared).next() {
        return vec![fact(Verdict::Unresolved).computed(Value::Level(teams.clone()))];
    }
    let Ok(table) = ranking.table() else {
        // Computing the standings reports a criterion reached without its data.
        return not_checked(Reason::NoBestPlaced);
    };
    let team_names = |teams: &[crate::model::TeamId]| -> Vec<String> {
        teams.iter().map(|&t| table.name(t).to_string()).collect()
    };
    match &table.qualification {
        Qualification::Decided(teams) => {
            let computed = team_names(teams);
            let mut a = names.clone();
            let mut b = computed.clone();
            a.sort_unstable();
            b.sort_unstable();
            vec![fact(verdict(a == b)).computed(Value::Order(computed))]
        }
        Qualification::Undecided { tied, .. } => {
            vec![fact(Verdict::Unresolved).computed(Value::Level(team_names(tied)))]
        }
    }
}
