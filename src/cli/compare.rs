//! `standings compare`: every group's order under two rule sets, side by side.

use std::path::PathBuf;

use super::{CliError, inputs};
use ::standings::compare;
use ::standings::read::{InputFormat, LoadOptions, RecordChoice};
use ::standings::report;
use ::standings::resolve::rule_set;
use ::standings::rules::library::Fit;

/// Prints the comparison and a summary; exit 0 whatever changes.
pub fn run(
    data: &[PathBuf],
    input_format: Option<InputFormat>,
    rules: &[PathBuf],
    record: RecordChoice,
    rules_anywhere: bool,
) -> Result<u8, CliError> {
    let [a_path, b_path] = rules else {
        return Err(CliError::Usage(format!(
            "compare takes exactly two rule files (--rules A.toml --rules B.toml); got {}",
            rules.len()
        )));
    };
    let sets = [
        rule_set(a_path, Fit::GroupStage)?.0,
        rule_set(b_path, Fit::GroupStage)?.0,
    ];
    // Each data file is read under its own rules, so that it is validated as written; a
    // source that names none is read under A.
    let options = LoadOptions {
        format: input_format,
        rules: None,
        rules_for_sources: Some(a_path),
        record,
        rules_anywhere,
        ..LoadOptions::default()
    };
    let loaded = inputs::load_all(data, &options)?;
    let group_rules = [sets[0].groups.as_ref(), sets[1].groups.as_ref()];
    let comparisons: Vec<_> = loaded
        .iter()
        .map(|l| {
            let c = &l.competition;
            (c, compare::competition(c, group_rules))
        })
        .collect();
    let rules = [(a_path.as_path(), &sets[0]), (b_path.as_path(), &sets[1])];
    super::output(&report::compare::render(rules, &comparisons))?;
    Ok(0)
}
