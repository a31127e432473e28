//! `standings table`: print computed tables.

use super::{CliError, Inputs, inputs};
use ::standings::compute::standings::{self, Standings};
use ::standings::diagnostic::{Code, Diagnostics, closest, excerpt, list};
use ::standings::model::{Group, groups_named};
use ::standings::read::Loaded;
use ::standings::report::table::Format;

/// Prints the tables; exit 0, or an error for bad input.
pub fn run(
    inputs: &Inputs,
    group: Option<&str>,
    format: &Format,
    explain: bool,
) -> Result<u8, CliError> {
    let loaded = inputs::load_only(inputs, group)?;
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
        let (mut computed, found) = standings::compute_groups(&l.competition, &l.rules, selected);
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
    super::output(&(format.render)(&all, explain))?;
    problems.result(0).map_err(CliError::from)
}

/// The names of the groups `wanted` chooses in the inputs ([`groups_named`]): an error naming
/// the groups there are when it chooses none, or those it could mean when it chooses several.
fn chosen_groups(loaded: &[Loaded], wanted: &str) -> Result<Vec<String>, CliError> {
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
