//! A group's history: every team's place after each step of the competition (a round, else a
//! date), read from the table the ordinary engine ([`compute_group`](crate::compute::standings::compute_group)) computes over the matches
//! played by then. Nothing here knows how steps are found: the caller hands over the group as
//! it stood after each step.
//!
//! Two choices the places follow (documented in docs/output.md, `history`):
//!
//! - a team that has played no match yet has no place ([`None`]): the table would list it, but
//!   at a place it holds only by default;
//! - teams level after the whole chain share a place, as in `table`: each has the place of the
//!   first of them, marked [`Place::shared`]. A criterion that needs data the input does not
//!   record (cards, a coefficient, a declared value) ends the chain where it stands at that
//!   step, and the teams it would have separated share a place: such data is recorded for
//!   the season's end, not for every step.

use rustc_hash::FxHashMap;

use crate::compute::standings::{Row, rows_as_far_as_data_goes};
use crate::model::Group;
use crate::rules::GroupRules;

/// A team's place after one step.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Place {
    /// 1-based place; teams level on every criterion have the place of the first of them.
    pub position: usize,
    /// Whether another team shares this place.
    pub shared: bool,
}

/// One team's line through the steps.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TeamLine {
    /// The team's name.
    pub team: String,
    /// Its place after each step, parallel to [`History::steps`]; `None` before it has played.
    pub places: Vec<Option<Place>>,
}

/// One group's history: every team's place after each step.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct History {
    /// Which input it comes from (0 for the first given): two inputs may name the same
    /// competition, and each is its own in every output.
    pub input: usize,
    /// The competition's name.
    pub competition: String,
    /// The group's name.
    pub group: String,
    /// The steps' labels, in order ("Matchday 1", or a date).
    pub steps: Vec<String>,
    /// The teams in their order after the last step (the order of the group's table when every
    /// match has a step), each with its places.
    pub teams: Vec<TeamLine>,
}

/// The history of a group from the group as it stood after each step, in order: a label and
/// the group holding only the matches played by then (the same teams in each). Each step's
/// table is computed by [`compute_group`](crate::compute::standings::compute_group) under `rules`.
pub fn compute(
    competition: &str,
    group: &str,
    rules: &GroupRules,
    steps: impl IntoIterator<Item = (String, Group)>,
) -> History {
    let mut labels = Vec::new();
    // Each team's places so far, by name, in the order the first step's group lists them.
    let mut index: FxHashMap<String, usize> = FxHashMap::default();
    let mut lines: Vec<TeamLine> = Vec::new();
    let mut last_order: Vec<usize> = Vec::new();
    for (step, (label, as_of)) in steps.into_iter().enumerate() {
        labels.push(label);
        for team in &as_of.teams {
            if !index.contains_key(team) {
                index.insert(team.clone(), lines.len());
                lines.push(TeamLine {
                    team: team.clone(),
                    places: vec![None; step],
                });
            }
        }
        for line in &mut lines {
            line.places.push(None);
        }
        last_order.clear();
        if let Some(rows) = rows(&as_of, rules) {
            for row in &rows {
                let at = index[as_of.team_name(row.team)];
                last_order.push(at);
                if row.record.played > 0 {
                    lines[at].places[step] = Some(Place {
                        position: row.position,
                        shared: row.shared,
                    });
                }
            }
        }
    }
    // The last step's order, then any team it did not place, in the order they were listed.
    let mut taken: Vec<Option<TeamLine>> = lines.into_iter().map(Some).collect();
    let mut teams: Vec<TeamLine> = last_order
        .into_iter()
        .filter_map(|at| taken[at].take())
        .collect();
    teams.extend(taken.into_iter().flatten());
    History {
        input: 0,
        competition: competition.to_string(),
        group: group.to_string(),
        steps: labels,
        teams,
    }
}

/// The rows of the group's table under `rules` as far as its data goes
/// ([`rows_as_far_as_data_goes`]): the teams a criterion without data would have separated
/// share a place. `None` only when no chain is left to cut.
fn rows(group: &Group, rules: &GroupRules) -> Option<Vec<Row>> {
    rows_as_far_as_data_goes(group, rules).map(|(rows, _)| rows)
}
