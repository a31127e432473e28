//! `standings history`: every team's place after each step of the season (its rounds, else
//! the days it was played on), as a grid, CSV, JSON or an SVG bump chart.

use std::path::Path;

use super::{CliError, Inputs, inputs, table::chosen_groups};
use ::standings::as_of::{self, Step};
use ::standings::compute::history::{self, History};
use ::standings::diagnostic::{Code, Diagnostic, Diagnostics, excerpt};
use ::standings::model::{Competition, Group};
use ::standings::report::history::Format;

/// Prints (or writes to `output`) the history of each chosen group; exit 0, or an error for
/// bad input, a group without rounds or dates among them.
pub fn run(
    inputs: &Inputs,
    group: Option<&str>,
    format: &Format,
    output: Option<&Path>,
) -> Result<u8, CliError> {
    let loaded = inputs::load_scheduled(inputs, group)?;
    let chosen: Option<Vec<String>> = match group {
        None => None,
        Some(wanted) => Some(chosen_groups(&loaded, wanted)?),
    };
    let mut problems = Diagnostics::new();
    let mut histories: Vec<History> = Vec::new();
    for (input, l) in loaded.iter().enumerate() {
        // Loading refuses groups under rules without group rules.
        let Some(rules) = &l.rules.groups else {
            continue;
        };
        for (at, g) in l.competition.groups.iter().enumerate() {
            if chosen
                .as_ref()
                .is_some_and(|names| !names.contains(&g.name))
            {
                continue;
            }
            match group_steps(&l.competition, at) {
                Ok(steps) => histories.push(History {
                    input,
                    ..history::compute(&l.competition.name, &g.name, rules, steps)
                }),
                Err(d) => problems.push(d),
            }
        }
    }
    if histories.is_empty() && problems.is_empty() {
        problems.push(Diagnostic::new(
            Code::NoSchedule,
            "no group to follow: the inputs have no group stage; expected groups of matches with rounds or dates",
        ));
    }
    if !histories.is_empty() {
        let text = (format.render)(&histories);
        super::output_to(output, &text)?;
    }
    problems.result(0).map_err(CliError::from)
}

/// The group `at` of `competition` as it stood after each of its steps, each with its label;
/// an error when its matches have neither a round each nor a date each.
fn group_steps(competition: &Competition, at: usize) -> Result<Vec<(String, Group)>, Diagnostic> {
    let group = &competition.groups[at];
    let steps = as_of::steps(group);
    if steps.is_empty() {
        let why = if group.matches.is_empty() {
            "it has no matches"
        } else {
            "its matches have neither a round each nor a date each"
        };
        return Err(competition.error_at_line(
            Code::NoSchedule,
            group.line,
            format!(
                "{}: `history` needs the group's matches by round or by day, and {why}; expected football.json's `round` (\"Matchday 1\") or `date`, a data file's `round` or `date` per match, or a football-data CSV file's Date column",
                excerpt(&group.name)
            ),
        ));
    }
    // The competition of this group alone, so that only its own matches need a round or date.
    let alone = Competition {
        groups: vec![group.clone()],
        ..competition.clone()
    };
    steps
        .into_iter()
        .map(|step| {
            let cut = as_of::as_of(&alone, step)?;
            let group = cut
                .groups
                .into_iter()
                .next()
                .expect("a cut keeps every group");
            Ok((label(step), group))
        })
        .collect()
}

/// A step's label: `Matchday 3`, or the day (`2019-08-10`).
fn label(step: Step) -> String {
    match step {
        Step::Round(n) => format!("Matchday {n}"),
        Step::Date(d) => d.to_string(),
    }
}
