//! `standings table`: print computed tables.

use super::{CliError, Inputs, inputs};
use ::standings::compute::standings::{self, Standings};
use ::standings::diagnostic::{Code, Diagnostics, closest};
use ::standings::model::Group;
use ::standings::report::table::Format;

/// Prints the tables; exit 0, or an error for bad input.
pub fn run(
    inputs: &Inputs,
    group: Option<&str>,
    format: &Format,
    explain: bool,
) -> Result<u8, CliError> {
    let loaded = inputs::load_only(inputs, group)?;
    if let Some(wanted) = group
        && !loaded
            .iter()
            .any(|l| l.competition.groups.iter().any(|g| g.name == wanted))
    {
        let names: Vec<&str> = loaded
            .iter()
            .flat_map(|l| l.competition.groups.iter().map(|g| g.name.as_str()))
            .collect();
        let hint = closest(wanted, names.iter().copied())
            .map(|n| format!("; did you mean \"{n}\"?"))
            .unwrap_or_default();
        return Err(CliError::diagnostic(
            Code::UnknownGroup,
            format!("no group named \"{wanted}\"{hint}"),
        ));
    }
    // Only the selected groups are computed, so only their problems count; each group that
    // cannot be computed is reported, and every other table still prints.
    let mut problems = Diagnostics::new();
    let mut all: Vec<Standings<'_>> = Vec::new();
    for l in &loaded {
        let selected = |g: &Group| group.is_none_or(|wanted| g.name == wanted);
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
