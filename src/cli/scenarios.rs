//! `standings scenarios`: what each team needs from the fixtures still to play.

use super::{CliError, Inputs, inputs};
use ::standings::diagnostic::{Code, Diagnostics, excerpt};
use ::standings::model::teams_named;
use ::standings::report::runin::{CompetitionRunIn, Format as RunInFormat};
use ::standings::report::scenarios::{Format, GroupScenarios, render};
use ::standings::scenarios::{MAX_FIXTURES, Refusal, analyse};

/// `--format` of `scenarios`.
#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum ScenarioFormat {
    /// Plain text, for a person.
    Text,
    /// JSON, versioned (`standings schema scenarios`).
    Json,
    /// Markdown.
    Markdown,
}

/// Prints the scenarios of each group with fixtures to play (of `group` alone when given), for
/// `team` alone when given; exit 0, or 2 for bad input or a group it cannot work out.
pub fn run(
    inputs: &Inputs,
    group: Option<&str>,
    team: Option<&str>,
    format: ScenarioFormat,
) -> Result<u8, CliError> {
    let loaded = inputs::load_at(inputs, group, None)?;
    let chosen: Option<Vec<String>> = match group {
        None => None,
        Some(wanted) => Some(super::table::chosen_groups(&loaded, wanted)?),
    };
    let mut problems = Diagnostics::new();
    let mut out = Vec::new();
    let mut leagues: Vec<CompetitionRunIn<'_>> = Vec::new();
    for l in &loaded {
        let Some(rules) = &l.rules.groups else {
            continue;
        };
        for g in &l.competition.groups {
            let selected = chosen.as_ref().is_none_or(|names| names.contains(&g.name));
            // Without `--group`, the groups with nothing to play are passed over.
            if !selected || (chosen.is_none() && g.fixtures.is_empty()) {
                continue;
            }
            match analyse(g, rules) {
                Ok(scenarios) => out.push(GroupScenarios {
                    group: g,
                    scenarios,
                }),
                Err(Refusal::NoFixtures) => problems.push(l.competition.error_at_line(
                    Code::NoScenarios,
                    g.line,
                    format!(
                        "{} has no fixture still to play; expected a fixture listed without a score (`Home v Away` in a data file, a CSV row without goals)",
                        excerpt(&g.name)
                    ),
                )),
                // A league with many matches left: each team's best and worst place instead
                // (`run-in`), in any format.
                Err(Refusal::TooMany(_)) if team.is_none() => match super::runin::group(g, rules) {
                    Ok(run_in) => match leagues.last_mut() {
                        Some(last) if std::ptr::eq(last.competition, l.competition.name.as_str()) => {
                            last.groups.push(run_in)
                        }
                        _ => leagues.push(CompetitionRunIn {
                            competition: &l.competition.name,
                            rules: &l.rules.name,
                            groups: vec![run_in],
                        }),
                    },
                    Err(message) => problems.push(l.competition.error_at_line(
                        Code::NoScenarios,
                        g.line,
                        format!("{}: {message}", excerpt(&g.name)),
                    )),
                },
                Err(Refusal::TooMany(k)) => problems.push(l.competition.error_at_line(
                    Code::NoScenarios,
                    g.line,
                    format!(
                        "{} has {k} fixtures still to play; expected at most {MAX_FIXTURES} (3^{MAX_FIXTURES} combinations of results): `scenarios` works out a group's last round or last few matches (without --team, a league's run-in: `standings run-in`)",
                        excerpt(&g.name)
                    ),
                )),
            }
        }
    }
    if out.is_empty() && leagues.is_empty() && problems.is_empty() {
        problems.push(::standings::diagnostic::Diagnostic::new(
            Code::NoScenarios,
            "no group has a fixture still to play; expected a fixture listed without a score (`Home v Away` in a data file, a CSV row without goals)",
        ));
    }
    // One JSON document cannot hold both kinds of answer.
    if matches!(format, ScenarioFormat::Json) && !out.is_empty() && !leagues.is_empty() {
        problems.push(::standings::diagnostic::Diagnostic::new(
            Code::NoScenarios,
            "in JSON, groups with a last round to play and leagues with many fixtures left (a run-in) cannot share one document; expected --group to choose one group, or `standings run-in` for the leagues",
        ));
    }
    problems.result(())?;
    let teams: Vec<String> = match team {
        None => Vec::new(),
        Some(wanted) => {
            let found = teams_named(out.iter().map(|g| (g.group, &[][..])), wanted);
            if found.is_empty() {
                let names: Vec<String> = out
                    .iter()
                    .flat_map(|g| g.group.teams.iter().map(|t| excerpt(t).to_string()))
                    .collect();
                return Err(CliError::diagnostic(
                    Code::TeamNotShown,
                    format!(
                        "no team named \"{}\" in the groups worked out; expected one of {}",
                        excerpt(wanted),
                        names.join(", ")
                    ),
                ));
            }
            found.into_iter().map(String::from).collect()
        }
    };
    let format = match format {
        ScenarioFormat::Text => Format::Text,
        ScenarioFormat::Json => Format::Json,
        ScenarioFormat::Markdown => Format::Markdown,
    };
    let mut text = if out.is_empty() {
        String::new()
    } else {
        render(&out, format, &teams)
    };
    if !leagues.is_empty() {
        if !text.is_empty() {
            text.push('\n');
        }
        let format = match format {
            Format::Text => RunInFormat::Text,
            Format::Json => RunInFormat::Json,
            Format::Markdown => RunInFormat::Markdown,
        };
        text.push_str(&::standings::report::runin::render(&leagues, format));
    }
    super::output(&text)?;
    Ok(0)
}
