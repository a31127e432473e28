//! A competition's computed tables: records folded, teams ordered, qualifiers named.

use crate::compute::best_placed::{Ranking, ranking};
use crate::compute::records::{FoldOptions, Record, fold};
use crate::compute::tiebreak::{self, MissingData, Ordering};
use crate::diagnostic::{Code, Diagnostic, Diagnostics};
use crate::model::{Competition, Group, Line, TeamId};
use crate::rules::{GroupRules, RuleSet};

/// One line of a table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// 1-based place; teams level on every criterion share the place of the first of them.
    pub position: usize,
    /// The team.
    pub team: TeamId,
    /// Whether another team shares this place.
    pub shared: bool,
    /// The team's record over all its group matches.
    pub record: Record,
}

/// Who advances from a group.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Qualification {
    /// The advancing teams, best first.
    Decided(Vec<TeamId>),
    /// A tie that no criterion breaks straddles the last qualifying place.
    Undecided {
        /// The teams certain to advance.
        certain: Vec<TeamId>,
        /// The level teams competing for the remaining places.
        tied: Vec<TeamId>,
        /// How many of `tied` advance.
        places: usize,
    },
}

/// One group's computed table.
#[derive(Debug, Clone)]
pub struct GroupTable<'a> {
    /// The group as read from the data.
    pub group: &'a Group,
    /// Rows, best first.
    pub rows: Vec<Row>,
    /// The order and every tiebreak step behind it.
    pub ordering: Ordering,
    /// Who advances.
    pub qualification: Qualification,
    /// The rules it was computed under.
    pub rules: &'a GroupRules,
}

impl GroupTable<'_> {
    /// Sets of teams that no criterion separated.
    pub fn unresolved(&self) -> impl Iterator<Item = &[TeamId]> {
        self.ordering
            .tiers
            .iter()
            .filter(|t| t.teams.len() > 1)
            .map(|t| t.teams.as_slice())
    }

    /// A team's name.
    pub fn name(&self, team: TeamId) -> &str {
        self.group.team_name(team)
    }
}

/// All of a competition's computed tables.
#[derive(Debug, Clone)]
pub struct Standings<'a> {
    /// The competition.
    pub competition: &'a Competition,
    /// The rules they were computed under.
    pub rules: &'a RuleSet,
    /// One table per group, in file order.
    pub groups: Vec<GroupTable<'a>>,
    /// Teams of one place ranked across the groups, when the rules ask for it (`[best_placed]`)
    /// and every group was computed.
    pub best_placed: Option<Ranking>,
}

/// Computes every group's table. A tiebreak that needs data a group lacks (cards,
/// coefficients, declared values) is an error at the group's line, one per such group.
pub fn compute<'a>(
    competition: &'a Competition,
    rules: &'a RuleSet,
) -> Result<Standings<'a>, Diagnostics> {
    let (standings, problems) = compute_groups(competition, rules, |_| true);
    problems.result(standings)
}

/// Computes the table of each group `wanted` selects, and says why each it could not compute
/// (a tiebreak that needs data the group lacks): the others are computed all the same, so a
/// problem in one group never hides the tables of the rest.
pub fn compute_groups<'a>(
    competition: &'a Competition,
    rules: &'a RuleSet,
    wanted: impl Fn(&Group) -> bool,
) -> (Standings<'a>, Diagnostics) {
    let mut problems = Diagnostics::new();
    // Loading refuses groups under rules without group rules, so this is never empty when
    // there are groups to compute.
    let groups = match &rules.groups {
        Some(group_rules) => competition
            .groups
            .iter()
            .filter(|g| wanted(g))
            .filter_map(|g| {
                compute_group(g, group_rules)
                    .map_err(|missing| problems.push(missing_data(competition, g, &missing)))
                    .ok()
            })
            .collect(),
        None => Vec::new(),
    };
    let mut standings = Standings {
        competition,
        rules,
        groups,
        best_placed: None,
    };
    if problems.is_empty() && standings.groups.len() == competition.groups.len() {
        let ranking = ranking(&standings);
        if let Some(Err(missing)) = ranking.as_ref().map(Ranking::table) {
            let at = competition.groups.first().map_or(Line(0), |g| g.line);
            let names: Vec<&str> = missing
                .teams
                .iter()
                .filter_map(|&t| ranking.as_ref().map(|r| r.group.team_name(t)))
                .collect();
            let key = missing.criterion.needs().data_key().unwrap_or("data");
            problems.push(competition.error_at_line(
                Code::CriterionWithoutData,
                at,
                format!(
                    "the ranking of teams across groups (`best_placed`) reaches \"{}\" for {}, but the data records no {key} for them; expected `{key}` in their groups (a missing value is not taken as zero)",
                    missing.criterion.key(),
                    names.join(", ")
                ),
            ));
        } else {
            standings.best_placed = ranking;
        }
    }
    (standings, problems)
}

/// The message for a criterion that reached a tie without its data.
pub fn missing_data(competition: &Competition, group: &Group, missing: &MissingData) -> Diagnostic {
    let names: Vec<&str> = missing.teams.iter().map(|&t| group.team_name(t)).collect();
    let key = missing
        .criterion
        .data_key()
        .unwrap_or_else(|| "data".to_string());
    competition.error_at_line(
        Code::CriterionWithoutData,
        group.line,
        format!(
            "{}: the tiebreak reaches \"{}\" for {}, but the data records no {key} for them; expected `{key}` in the group (a missing value is not taken as zero)",
            group.name,
            missing.criterion.key(),
            names.join(", ")
        ),
    )
}

/// Computes one group's table.
pub fn compute_group<'a>(
    group: &'a Group,
    rules: &'a GroupRules,
) -> Result<GroupTable<'a>, MissingData> {
    rank(group, rules, records(group, rules))
}

/// Every team's record over the group's matches (indexed by [`TeamId`]): forfeit deductions
/// taken, and the points deductions made off the pitch joined to them in `deducted`. What a
/// table ranks, and what a league's run-in ([`crate::runin`]) starts from.
pub fn records(group: &Group, rules: &GroupRules) -> Vec<Record> {
    let mut records = fold(
        group.teams.len(),
        &group.matches,
        rules,
        FoldOptions { deductions: true },
    );
    for d in &group.rulings.deductions {
        records[d.team].deduct_off_pitch(d.points);
    }
    records
}

/// The rows of the group's table under `rules` as far as its data goes: a criterion whose data
/// the group lacks (cards not recorded, say) ends the chain before it (and every criterion
/// after it), so the teams it would have separated share a place. With the rows, what each cut
/// was ([`MissingData`]: the criterion and the teams level without its data), empty when the
/// whole chain was applied. `None` only when no chain is left to cut.
pub fn rows_as_far_as_data_goes(
    group: &Group,
    rules: &GroupRules,
) -> Option<(Vec<Row>, Vec<MissingData>)> {
    let mut rules = rules.clone();
    let mut cuts = Vec::new();
    loop {
        let missing = match compute_group(group, &rules) {
            Ok(table) => return Some((table.rows, cuts)),
            Err(missing) => missing,
        };
        let mut cut = false;
        for chain in std::iter::once(&mut rules.tiebreak).chain(rules.qualifying_tiebreak.as_mut())
        {
            if let Some(at) = chain.iter().position(|c| *c == missing.criterion) {
                chain.truncate(at);
                cut = true;
            }
        }
        if !cut {
            return None;
        }
        cuts.push(missing);
    }
}

/// Orders a group whose records (indexed by [`TeamId`]) are already folded: the table, who
/// advances, and every tiebreak step. [`compute_group`] folds the group's own matches first; a
/// ranking of teams from several groups (`[best_placed]`) brings records of its own.
pub fn rank<'a>(
    group: &'a Group,
    rules: &'a GroupRules,
    records: Vec<Record>,
) -> Result<GroupTable<'a>, MissingData> {
    let ordering = tiebreak::order(group, rules, &records)?;
    let mut rows = Vec::with_capacity(group.teams.len());
    for tier in &ordering.tiers {
        let position = rows.len() + 1;
        for &team in &tier.teams {
            rows.push(Row {
                position,
                team,
                shared: tier.teams.len() > 1,
                record: records[team].clone(),
            });
        }
    }
    let qualification = qualify(&ordering, rules.advance);
    Ok(GroupTable {
        group,
        rows,
        ordering,
        qualification,
        rules,
    })
}

fn qualify(ordering: &Ordering, advance: usize) -> Qualification {
    let mut certain = Vec::new();
    for tier in &ordering.tiers {
        let remaining = advance - certain.len();
        if remaining == 0 {
            break;
        }
        if tier.teams.len() <= remaining {
            certain.extend(&tier.teams);
        } else {
            return Qualification::Undecided {
                certain,
                tied: tier.teams.clone(),
                places: remaining,
            };
        }
    }
    Qualification::Decided(certain)
}
