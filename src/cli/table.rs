//! `standings table`: print computed tables.

use super::{CliError, Inputs, inputs};
use ::standings::compute::standings::{self, Standings};
use ::standings::diagnostic::{Code, closest};
use ::standings::report::table::Format;

/// Prints the tables; exit 0, or an error for bad input.
pub fn run(
    inputs: &Inputs,
    group: Option<&str>,
    format: &Format,
    explain: bool,
) -> Result<u8, CliError> {
    let loaded = inputs::load(inputs)?;
    let mut all: Vec<Standings<'_>> = loaded
        .iter()
        .map(|l| standings::compute(&l.competition, &l.rules))
        .collect::<Result<_, _>>()?;
    if let Some(wanted) = group {
        for s in &mut all {
            s.groups.retain(|t| t.group.name == wanted);
        }
        if all.iter().all(|s| s.groups.is_empty()) {
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
        all.retain(|s| !s.groups.is_empty());
    }
    super::output(&(format.render)(&all, explain))?;
    Ok(0)
}
