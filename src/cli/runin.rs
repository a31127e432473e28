//! `standings run-in`: for a league with fixtures left, each team's best and worst possible
//! final place and what it has clinched ([`standings::runin`]), in text, JSON or Markdown
//! ([`standings::report::runin`]).
//!
//! `standings scenarios` calls [`group`] for a group with more fixtures left than it
//! enumerates: the same answer, in the same formats.

use super::{CliError, Inputs, inputs, table::chosen_groups};
use ::standings::diagnostic::{Code, Diagnostics};
use ::standings::model::Group;
use ::standings::report::runin::{CompetitionRunIn, Format, render};
use ::standings::rules::GroupRules;
use ::standings::runin::{GroupRunIn, RunInError, of_group};

/// `--format` of `run-in`.
#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum RunInFormat {
    /// Plain text, for a person.
    Text,
    /// JSON, versioned (`standings schema runin`).
    Json,
    /// Markdown.
    Markdown,
}

impl From<RunInFormat> for Format {
    fn from(format: RunInFormat) -> Format {
        match format {
            RunInFormat::Text => Format::Text,
            RunInFormat::Json => Format::Json,
            RunInFormat::Markdown => Format::Markdown,
        }
    }
}

/// Prints every chosen group's run-in; exit 0, or an error for bad input (the groups that
/// could be worked out are printed all the same).
pub fn run(
    inputs: &Inputs,
    group: Option<&str>,
    relegated: Option<usize>,
    format: RunInFormat,
) -> Result<u8, CliError> {
    let loaded = inputs::load_at(inputs, group, None)?;
    let chosen = match group {
        None => None,
        Some(wanted) => Some(chosen_groups(&loaded, wanted)?),
    };
    let mut problems = Diagnostics::new();
    let mut out = Vec::new();
    for l in &loaded {
        let Some(rules) = &l.rules.groups else {
            continue;
        };
        let mut rules = rules.clone();
        if let Some(r) = relegated {
            rules.relegated = r;
        }
        let mut groups = Vec::new();
        for g in &l.competition.groups {
            if chosen
                .as_ref()
                .is_some_and(|names| !names.contains(&g.name))
            {
                continue;
            }
            match self::group(g, &rules) {
                Ok(run_in) => groups.push(run_in),
                Err(message) => problems.push(l.competition.error_at_line(
                    Code::Arguments,
                    g.line,
                    format!("{}: {message}", g.name),
                )),
            }
        }
        if !groups.is_empty() {
            out.push(CompetitionRunIn {
                competition: &l.competition.name,
                rules: &l.rules.name,
                groups,
            });
        }
    }
    let text = render(&out, format.into());
    // No group worked out: nothing to print in text, an empty list of competitions in JSON.
    if !out.is_empty() || matches!(format, RunInFormat::Json) {
        super::output(&text)?;
    }
    problems.result(0).map_err(CliError::from)
}

/// One group's run-in, or why it cannot be worked out, in words.
pub fn group<'a>(group: &'a Group, rules: &GroupRules) -> Result<GroupRunIn<'a>, String> {
    of_group(group, rules).map_err(|e| match e {
        RunInError::NotOnPoints => format!(
            "the rule set ranks by \"{}\" first, and playing on needs one ranking by points; expected --rules with one (efl-2019-20, say)",
            rules.tiebreak.first().map_or("", |c| c.key())
        ),
        e => e.to_string(),
    })
}
