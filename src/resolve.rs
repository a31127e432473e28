//! The `resolve` stage: which rule file applies to an input, in one place.
//!
//! In order: `--rules` for every input; else the rule file a data file names (relative to the
//! data file); else, for a source that names none (a season summary, CSV, football.json), the
//! rules the caller supplies for sources (`compare` reads a summary under its first rule set).
//! The record a source borrows (`--record`) is resolved by [`crate::read::record`].

use std::ops::Range;
use std::path::{Path, PathBuf};

use crate::diagnostic::{Code, Diagnostic, Source};
use crate::read::InputFormat;
use crate::rules::RuleSet;

/// Where the rules for one input come from.
#[derive(Debug, Clone, Copy, Default)]
pub struct RulesChoice<'a> {
    /// `--rules`: for every input, in place of the one a data file names.
    pub given: Option<&'a Path>,
    /// For an input that names no rule file, when `given` is `None`.
    pub for_sources: Option<&'a Path>,
}

/// The rule set for an input read from `source` as `format`: `named` is the `rules = "..."` a
/// data file states (with its span).
pub fn rules(
    source: &Source,
    format: InputFormat,
    named: Option<&(String, Range<usize>)>,
    choice: RulesChoice<'_>,
) -> Result<(RuleSet, PathBuf), Diagnostic> {
    if let Some(path) = choice.given {
        return Ok((RuleSet::load(path)?, path.to_path_buf()));
    }
    if let Some((written, span)) = named {
        let dir = source.path.parent().unwrap_or(Path::new(""));
        let path = dir.join(written);
        if !path.is_file() {
            return Err(source.error(
                Code::RuleFileMissing,
                span.clone(),
                format!(
                    "the rule file {} does not exist; expected a path relative to this data file",
                    path.display()
                ),
            ));
        }
        return Ok((RuleSet::load(&path)?, path));
    }
    if let Some(path) = choice.for_sources.filter(|_| format != InputFormat::Data) {
        return Ok((RuleSet::load(path)?, path.to_path_buf()));
    }
    Err(if format == InputFormat::Data {
        source.error_whole(
            Code::NoRuleFile,
            "the data file names no rule file; add `rules = \"../rules/NAME.toml\"` or pass --rules",
        )
    } else {
        source.error_whole(
            Code::RulesNeeded,
            format!(
                "{} names no rule file; expected --rules FILE (for example rules/coppa-italia-2003-04.toml)",
                format.describe()
            ),
        )
    })
}
