//! Comparing a competition's group tables under two rule sets: what a format designer asks
//! ("what if 2003–04 had used overall goal difference first?").

use crate::compute::standings::{GroupTable, Qualification, compute_group, missing_data};
use crate::model::{Competition, Group, TeamId};
use crate::rules::GroupRules;

/// One group under two rule sets.
#[derive(Debug)]
pub struct GroupComparison<'a> {
    /// The group.
    pub group: &'a Group,
    /// The table under each rule set, or why it could not be computed.
    pub tables: [Result<GroupTable<'a>, String>; 2],
}

impl GroupComparison<'_> {
    /// Teams whose place differs: (team, place under the first, place under the second).
    pub fn moved(&self) -> Vec<(TeamId, usize, usize)> {
        let [Ok(a), Ok(b)] = &self.tables else {
            return Vec::new();
        };
        a.rows
            .iter()
            .filter_map(|ra| {
                let rb = b.rows.iter().find(|r| r.team == ra.team)?;
                (ra.position != rb.position || ra.shared != rb.shared).then_some((
                    ra.team,
                    ra.position,
                    rb.position,
                ))
            })
            .collect()
    }

    /// Whether the advancing teams (or whether they are decided at all) differ.
    pub fn qualifiers_change(&self) -> bool {
        match &self.tables {
            [Ok(a), Ok(b)] => advancing(a) != advancing(b),
            _ => false,
        }
    }

    /// Whether both tables could be computed.
    pub fn comparable(&self) -> bool {
        self.tables.iter().all(Result::is_ok)
    }
}

/// The advancing teams, sorted, or `None` when a tie leaves them undecided.
pub fn advancing(table: &GroupTable<'_>) -> Option<Vec<TeamId>> {
    match &table.qualification {
        Qualification::Decided(teams) => {
            let mut t = teams.clone();
            t.sort_unstable();
            Some(t)
        }
        Qualification::Undecided { .. } => None,
    }
}

/// Who goes through as the best of one place across groups under one rule set.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BestPlaced {
    /// These teams, sorted.
    Teams(Vec<String>),
    /// The rule set ranks no teams across groups (no `[best_placed]`).
    NotRanked,
    /// A tie nothing broke leaves them undecided.
    Undecided,
    /// A criterion of the ranking lacks its data.
    NotComputed,
}

/// [`BestPlaced`] under each rule set; `None` when neither ranks across groups or a group could
/// not be computed under both.
pub fn best_placed(comparisons: &[GroupComparison<'_>]) -> Option<[BestPlaced; 2]> {
    if comparisons.is_empty() || !comparisons.iter().all(GroupComparison::comparable) {
        return None;
    }
    let side = |i: usize| -> BestPlaced {
        let tables: Vec<GroupTable<'_>> = comparisons
            .iter()
            .filter_map(|c| c.tables[i].as_ref().ok().cloned())
            .collect();
        let Some(ranking) = tables
            .first()
            .and_then(|t| crate::compute::best_placed::from_tables(&tables, t.rules))
        else {
            return BestPlaced::NotRanked;
        };
        if !ranking.shared.is_empty() || !ranking.last_shared.is_empty() {
            return BestPlaced::Undecided;
        }
        let Ok(table) = ranking.table() else {
            return BestPlaced::NotComputed;
        };
        match advancing(&table) {
            Some(teams) => {
                let mut names: Vec<String> =
                    teams.iter().map(|&t| table.name(t).to_string()).collect();
                names.sort_unstable();
                BestPlaced::Teams(names)
            }
            None => BestPlaced::Undecided,
        }
    };
    let sides = [side(0), side(1)];
    if sides.iter().all(|s| *s == BestPlaced::NotRanked) {
        return None;
    }
    Some(sides)
}

/// Computes every group under both rule sets.
pub fn compare<'a>(
    competition: &'a Competition,
    rules: [&'a GroupRules; 2],
) -> Vec<GroupComparison<'a>> {
    competition
        .groups
        .iter()
        .map(|g| GroupComparison {
            group: g,
            tables: rules
                .map(|r| compute_group(g, r).map_err(|m| missing_data(competition, g, &m).message)),
        })
        .collect()
}

/// One competition under two rule sets.
#[derive(Debug)]
pub enum CompetitionComparison<'a> {
    /// The competition has no groups to compare.
    NoGroups,
    /// Rule set 0 (A) or 1 (B) has no group stage.
    NoGroupStage(usize),
    /// Every group under both rule sets.
    Groups(Vec<GroupComparison<'a>>),
}

/// Compares a competition under two rule sets, each of which may lack a group stage.
pub fn competition<'a>(
    competition: &'a Competition,
    rules: [Option<&'a GroupRules>; 2],
) -> CompetitionComparison<'a> {
    if competition.groups.is_empty() {
        return CompetitionComparison::NoGroups;
    }
    match rules {
        [Some(a), Some(b)] => CompetitionComparison::Groups(compare(competition, [a, b])),
        [None, _] => CompetitionComparison::NoGroupStage(0),
        [_, None] => CompetitionComparison::NoGroupStage(1),
    }
}
