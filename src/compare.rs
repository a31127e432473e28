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
