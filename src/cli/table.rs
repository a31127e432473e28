//! `standings table`: print computed tables.

use super::{CliError, Inputs, inputs};
use ::standings::as_of::Step;
use ::standings::compute::standings::{self, Standings};
use ::standings::diagnostic::{Code, Diagnostics, MAX_SHOWN_ITEMS, closest, excerpt, list};
use ::standings::model::{Group, groups_named, teams_named};
use ::standings::read::Loaded;
use ::standings::report::table::{Format, Options};

/// `--until DATE` and `--matchday N`: the table as it stood then.
#[derive(Debug, clap::Args)]
pub struct AsOf {
    /// The table as it stood at the end of DATE (YYYY-MM-DD): the matches played on or before
    /// it. Needs each match's date (a CSV file's Date column, football.json's `date`, a data
    /// file's `date`).
    #[arg(
        long,
        value_name = "DATE",
        value_parser = date,
        value_hint = clap::ValueHint::Other,
        conflicts_with = "matchday"
    )]
    until: Option<jiff::civil::Date>,
    /// The table as it stood after matchday N: the matches of rounds 1 to N. Needs each
    /// match's round (football.json's "Matchday N", a data file's `round`; a CSV file has
    /// none).
    #[arg(
        long,
        value_name = "N",
        value_parser = clap::value_parser!(u32).range(1..),
        value_hint = clap::ValueHint::Other
    )]
    matchday: Option<u32>,
}

impl AsOf {
    /// The step asked for, if any.
    pub fn step(&self) -> Option<Step> {
        match (self.until, self.matchday) {
            (Some(day), _) => Some(Step::Date(day)),
            (None, Some(n)) => Some(Step::Round(n)),
            (None, None) => None,
        }
    }
}

/// `--until`'s day: `YYYY-MM-DD`.
fn date(text: &str) -> Result<jiff::civil::Date, String> {
    ::standings::as_of::parse_day(text)
        .ok_or_else(|| "expected a day written YYYY-MM-DD, such as 2019-08-10".to_string())
}

/// Why a table part-way lacks data its file has: cards count over the whole season.
const PART_WAY: &str = "cards are recorded for the whole season, so a table part-way (--until, --matchday) has none to break a tie with";

/// Prints the tables, the rows of `team` highlighted; exit 0, or an error for bad input.
pub fn run(
    inputs: &Inputs,
    group: Option<&str>,
    format: &Format,
    explain: bool,
    team: Option<&str>,
    as_of: Option<Step>,
) -> Result<u8, CliError> {
    let loaded = inputs::load_at(inputs, group, as_of)?;
    // The groups `--group` chooses (the same name in each input), by name, case or letter.
    let chosen: Option<Vec<String>> = match group {
        None => None,
        Some(wanted) => Some(chosen_groups(&loaded, wanted)?),
    };
    // Only the selected groups are computed, so only their problems count; each group that
    // cannot be computed is reported, and every other table still prints.
    let mut problems = Diagnostics::new();
    let mut all: Vec<Standings<'_>> = Vec::new();
    for l in &loaded {
        let selected = |g: &Group| chosen.as_ref().is_none_or(|names| names.contains(&g.name));
        let (mut computed, mut found) =
            standings::compute_groups(&l.competition, &l.rules, selected);
        let needs_cards = found.iter().any(|d| d.code == Code::CriterionWithoutData);
        if as_of.is_some() && needs_cards {
            found = found.with_note(PART_WAY);
        }
        problems.extend(found);
        // A ranking across groups needs every group: none for a selected one (the input may
        // already hold that group alone).
        if group.is_some() {
            computed.best_placed = None;
        }
        let knockout_only = l.competition.groups.is_empty();
        if !computed.groups.is_empty() || (group.is_none() && knockout_only) {
            all.push(computed);
        }
    }
    let highlight = match team {
        None => Vec::new(),
        Some(wanted) => chosen_teams(&all, wanted)?,
    };
    let options = Options {
        explain,
        highlight: &highlight,
    };
    super::output(&(format.render)(&all, &options))?;
    problems.result(0).map_err(CliError::from)
}

/// The names of the teams `wanted` chooses in the tables shown ([`teams_named`]): an error
/// when it chooses none, suggesting the closest name and listing the teams closest to it.
fn chosen_teams(shown: &[Standings<'_>], wanted: &str) -> Result<Vec<String>, CliError> {
    let groups = shown.iter().flat_map(|s| {
        s.groups
            .iter()
            .map(|t| (t.group, s.competition.aliases.as_slice()))
    });
    let found = teams_named(groups.clone(), wanted);
    if !found.is_empty() {
        return Ok(found.into_iter().map(String::from).collect());
    }
    let mut seen = std::collections::HashSet::new();
    let teams: Vec<&str> = groups
        .flat_map(|(group, _)| group.teams.iter().map(String::as_str))
        .filter(|team| seen.insert(*team))
        .collect();
    if teams.is_empty() {
        return Err(CliError::diagnostic(
            Code::TeamNotShown,
            format!(
                "no team named \"{}\": the tables shown have no teams (no group stage); expected a team of a group",
                excerpt(wanted)
            ),
        ));
    }
    // Up to ten teams: every one, in the data's order; more: the ten closest to the name
    // (holding it, then sharing its longest beginning, then fewest edits away).
    let (which, names) = if teams.len() <= MAX_SHOWN_ITEMS {
        ("teams are".to_string(), list(&teams, ", "))
    } else {
        let lower = wanted.trim().to_lowercase();
        let mut near = teams.clone();
        near.sort_by_cached_key(|t| {
            let t = t.to_lowercase();
            let prefix = t
                .chars()
                .zip(lower.chars())
                .take_while(|(a, b)| a == b)
                .count();
            let edits = strsim::damerau_levenshtein(&lower, &t);
            (!t.contains(&lower), std::cmp::Reverse(prefix), edits, t)
        });
        near.truncate(MAX_SHOWN_ITEMS);
        (
            format!("closest of the {} teams are", teams.len()),
            list(&near, ", "),
        )
    };
    let hint = match closest(wanted, teams.iter().copied()) {
        Some(n) => format!("did you mean \"{}\"? The {which} {names}", excerpt(n)),
        None => format!("the {which} {names}"),
    };
    Err(CliError::diagnostic(
        Code::TeamNotShown,
        format!(
            "no team named \"{}\" in the tables shown; {hint}",
            excerpt(wanted)
        ),
    ))
}

/// The names of the groups `wanted` chooses in the inputs ([`groups_named`]): an error naming
/// the groups there are when it chooses none, or those it could mean when it chooses several.
pub(super) fn chosen_groups(loaded: &[Loaded], wanted: &str) -> Result<Vec<String>, CliError> {
    let mut names: Vec<String> = Vec::new();
    for l in loaded {
        for g in groups_named(&l.competition.groups, wanted) {
            if !names.contains(&g.name) {
                names.push(g.name.clone());
            }
        }
    }
    let all: Vec<&str> = loaded
        .iter()
        .flat_map(|l| l.competition.groups.iter().map(|g| g.name.as_str()))
        .collect();
    match names.len() {
        0 => {
            let groups = list(all.iter().map(|n| excerpt(n)), ", ");
            let hint = match closest(wanted, all.iter().copied()) {
                Some(n) => format!("; did you mean \"{n}\"? The groups are {groups}"),
                None => format!("; the groups are {groups}"),
            };
            Err(CliError::diagnostic(
                Code::UnknownGroup,
                format!("no group named \"{}\"{hint}", excerpt(wanted)),
            ))
        }
        1 => Ok(names),
        _ => Err(CliError::diagnostic(
            Code::UnknownGroup,
            format!(
                "\"{}\" could be any of {}; expected one group's name",
                excerpt(wanted),
                list(names.iter().map(|n| excerpt(n)), ", ")
            ),
        )),
    }
}
