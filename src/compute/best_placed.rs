//! Teams of one place across groups, ranked together (`[best_placed]`): "the four best
//! third-placed teams advance".
//!
//! Each group's team at the rules' place is taken from its computed table, with its record
//! over the group (or, when the rules discard them, without its results against the group's
//! last-placed team). Those teams form a group of their own, with no matches among them, ranked
//! by the rules' own chain of overall criteria; the best `advance` of them go through. The
//! ranking is a [`GroupTable`] like any other, so every output prints and explains it the same.

use crate::compute::records::{FoldOptions, Record, fold};
use crate::compute::standings::{GroupTable, Standings, rank};
use crate::compute::tiebreak::MissingData;
use crate::model::{Group, GroupSpans, Line, TeamId};
use crate::rules::GroupRules;
use crate::rules::best_placed::{BestPlaced, Discard};

/// The teams of one place across groups, ready to be ranked.
#[derive(Debug, Clone)]
pub struct Ranking {
    /// The teams as one group with no matches (`Third-placed teams`), their cards and
    /// coefficients as their own groups record them.
    pub group: Group,
    /// The group rules with the ranking's chain and how many advance.
    pub rules: GroupRules,
    /// Each team's record, by [`TeamId`] of `group`.
    pub records: Vec<Record>,
    /// The group each team comes from, by [`TeamId`] of `group`.
    pub from: Vec<String>,
    /// Whether the results against each group's last-placed team were left out.
    pub discarded: bool,
    /// Groups with no team at the place (too few teams), by name.
    pub short: Vec<String>,
    /// Groups whose team at the place shares it with another (a tie nothing broke), by name,
    /// with the teams sharing it: which of them is ranked is not decided.
    pub shared: Vec<(String, Vec<String>)>,
    /// Groups whose last place is shared while results against the last-placed team are left
    /// out, by name, with the teams sharing it: whose results go is not decided.
    pub last_shared: Vec<(String, Vec<String>)>,
}

impl Ranking {
    /// The ranking's table.
    pub fn table(&self) -> Result<GroupTable<'_>, MissingData> {
        rank(&self.group, &self.rules, self.records.clone())
    }
}

/// `third`, `fourth`: the place as a word, for the ranking's name.
fn ordinal(place: usize) -> String {
    const WORDS: [&str; 10] = [
        "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
        "tenth",
    ];
    match WORDS.get(place.wrapping_sub(1)) {
        Some(word) => word.to_string(),
        None => {
            let suffix = match (place % 10, place % 100) {
                (1, r) if r != 11 => "st",
                (2, r) if r != 12 => "nd",
                (3, r) if r != 13 => "rd",
                _ => "th",
            };
            format!("{place}{suffix}")
        }
    }
}

/// The ranking `standings`' rules ask for, or `None` when they ask for none (or the
/// competition has no groups).
pub fn ranking(standings: &Standings<'_>) -> Option<Ranking> {
    from_tables(&standings.groups, standings.rules.groups.as_ref()?)
}

/// The ranking `rules` ask for over every group's computed table (`tables`), or `None` when
/// they ask for none or there are no tables.
pub fn from_tables(tables: &[GroupTable<'_>], rules: &GroupRules) -> Option<Ranking> {
    let best = rules.best_placed.as_ref()?;
    if tables.is_empty() {
        return None;
    }
    Some(build(tables, rules, best))
}

fn build(tables: &[GroupTable<'_>], rules: &GroupRules, best: &BestPlaced) -> Ranking {
    let sizes_differ = tables
        .windows(2)
        .any(|w| w[0].group.teams.len() != w[1].group.teams.len());
    let discarded = match best.discard {
        Discard::Never => false,
        Discard::AgainstLast => true,
        Discard::AgainstLastWhenSizesDiffer => sizes_differ,
    };
    let mut group = Group {
        name: format!("{}-placed teams", capitalised(&ordinal(best.place))),
        teams: Vec::new(),
        aliases: Vec::new(),
        matches: Vec::new(),
        fixtures: Vec::new(),
        decisions: Vec::new(),
        record: Default::default(),
        cards: Vec::new(),
        coefficients: Vec::new(),
        values: Default::default(),
        rulings: Default::default(),
        line: Line::default(),
        schedule: Default::default(),
        spans: GroupSpans::default(),
    };
    let (mut records, mut from, mut short) = (Vec::new(), Vec::new(), Vec::new());
    // Each ranked team's group and id there, for the values declared criteria read.
    let mut origins: Vec<(&Group, TeamId)> = Vec::new();
    let (mut shared, mut last_shared) = (Vec::new(), Vec::new());
    // The teams sharing `row`'s place in `table`.
    let sharing = |table: &GroupTable<'_>, row: &crate::compute::standings::Row| -> Vec<String> {
        table
            .rows
            .iter()
            .filter(|r| r.position == row.position)
            .map(|r| table.name(r.team).to_string())
            .collect()
    };
    for table in tables {
        let Some(row) = table.rows.get(best.place.saturating_sub(1)) else {
            short.push(table.group.name.clone());
            continue;
        };
        if row.shared {
            shared.push((table.group.name.clone(), sharing(table, row)));
        }
        if let Some(last) = table.rows.last().filter(|l| discarded && l.shared) {
            last_shared.push((table.group.name.clone(), sharing(table, last)));
        }
        let team = row.team;
        let record = match table.rows.last().map(|r| r.team) {
            Some(last) if discarded && last != team => {
                against_all_but(table.group, table.rules, team, last, &row.record)
            }
            _ => row.record.clone(),
        };
        group.teams.push(table.group.team_name(team).to_string());
        group.cards.push(table.group.team_cards(team));
        group.coefficients.push(table.group.team_coefficient(team));
        records.push(record);
        from.push(table.group.name.clone());
        origins.push((table.group, team));
    }
    let names: std::collections::BTreeSet<&String> =
        origins.iter().flat_map(|(g, _)| g.values.keys()).collect();
    for name in names {
        let values = origins
            .iter()
            .map(|(g, t)| g.team_value(name, *t))
            .collect();
        group.values.insert(name.clone(), values);
    }
    let mut ranked_rules = rules.clone();
    ranked_rules.tiebreak = best.order.clone();
    ranked_rules.advance = best.advance;
    ranked_rules.best_placed = None;
    Ranking {
        group,
        rules: ranked_rules,
        records,
        from,
        discarded,
        short,
        shared,
        last_shared,
    }
}

/// `team`'s record over its group's matches except those against `last`, its deductions off
/// the pitch kept.
fn against_all_but(
    group: &Group,
    rules: &GroupRules,
    team: TeamId,
    last: TeamId,
    whole: &Record,
) -> Record {
    let kept = group
        .matches
        .iter()
        .filter(|m| m.involves(team) && !m.involves(last));
    let mut records = fold(
        group.teams.len(),
        kept,
        rules,
        FoldOptions { deductions: true },
    );
    let mut record = std::mem::take(&mut records[team]);
    record.deduct_off_pitch(whole.off_pitch);
    record
}

/// `Third` from `third`.
fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn places_read_as_words() {
        assert_eq!(ordinal(3), "third");
        assert_eq!(ordinal(11), "11th");
        assert_eq!(ordinal(22), "22nd");
        assert_eq!(capitalised("third"), "Third");
    }
}
