//! The `resolve` stage: which rule file applies to an input, in one place.
//!
//! In order: `--rules` for every input; else the rule file a data file names (relative to the
//! data file, and confined, see [`confinement`]); else, for a source that names none (a season summary, CSV, football.json), the
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
    /// Follow a data file's `rules` wherever it points (`--allow-rules-anywhere`), instead of
    /// only inside the folder [`confinement`] gives.
    pub anywhere: bool,
}

/// The folders a data file's `rules` may point inside (symbolic links resolved): the data
/// file's own folder, and the current directory (the tree the user chose to work in, so that
/// `data/x.toml` may name `../rules/x.toml`). A data file cannot make `standings` read a file
/// outside both (`/proc/self/environ`, `~/.ssh/id_ed25519`).
pub fn confinement(data_file: &Path) -> std::io::Result<[PathBuf; 2]> {
    let folder = data_file.parent().unwrap_or(Path::new(""));
    let folder = if folder.as_os_str().is_empty() {
        Path::new(".")
    } else {
        folder
    };
    Ok([
        folder.canonicalize()?,
        std::env::current_dir()?.canonicalize()?,
    ])
}

/// The rule file a data file names (`written`, at `span`), checked: a regular file, inside
/// [`confinement`] unless `anywhere`.
fn named_file(
    source: &Source,
    written: &str,
    span: &Range<usize>,
    anywhere: bool,
) -> Result<PathBuf, Diagnostic> {
    let error = |code, message: String| source.error(code, span.clone(), message);
    if written.trim().is_empty() {
        return Err(error(
            Code::RuleFileNotAFile,
            "`rules` is empty; expected the path of a rule file relative to this data file, like \"../rules/NAME.toml\"".into(),
        ));
    }
    let dir = source.path.parent().unwrap_or(Path::new(""));
    let path = dir.join(written);
    let real = match path.canonicalize() {
        Ok(real) => real,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Err(error(
                Code::RuleFileMissing,
                format!(
                    "the rule file {} does not exist; expected a path relative to this data file",
                    path.display()
                ),
            ));
        }
        Err(e) => {
            return Err(error(
                Code::CannotRead,
                format!("the rule file {}: cannot read it: {e}", path.display()),
            ));
        }
    };
    if !anywhere {
        let [folder, current] = confinement(&source.path).map_err(|e| {
            error(
                Code::CannotRead,
                format!("cannot find the folder this data file is in: {e}"),
            )
        })?;
        if !real.starts_with(&folder) && !real.starts_with(&current) {
            let places = if folder == current {
                format!(
                    "this data file's folder, the current directory ({})",
                    folder.display()
                )
            } else {
                format!(
                    "this data file's folder ({}) and the current directory ({})",
                    folder.display(),
                    current.display()
                )
            };
            return Err(error(
                Code::RuleFileOutside,
                format!(
                    "the rule file {} is outside {places}; expected a rule file inside, or --rules FILE, or --allow-rules-anywhere to follow it",
                    path.display(),
                ),
            ));
        }
    }
    let what = match std::fs::metadata(&real) {
        Ok(m) if m.is_file() => return Ok(path),
        Ok(m) if m.is_dir() => "is a directory",
        Ok(_) => "is not a regular file (a device, a FIFO or a socket)",
        Err(e) => {
            return Err(error(
                Code::CannotRead,
                format!("the rule file {}: cannot read it: {e}", path.display()),
            ));
        }
    };
    Err(error(
        Code::RuleFileNotAFile,
        format!(
            "the rule file {} {what}; expected a rule file (a TOML file) relative to this data file",
            path.display()
        ),
    ))
}

/// What a file is when its mistake (`code`) shows it is not a rule file at all: not text, not
/// TOML, or holding a key no rule file has (a wrong value or a missing key comes only once
/// every key read is a rule file's). Such a file's text is withheld.
fn not_a_rule_file(code: Code) -> Option<&'static str> {
    match code {
        Code::NotUtf8 => Some("it is not UTF-8 text"),
        Code::TomlSyntax => Some("it is not valid TOML"),
        Code::UnknownKey => Some("it has a key no rule file has"),
        _ => None,
    }
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
        let path = named_file(source, written, span, choice.anywhere)?;
        // The data file chose this path, not the user: a file that is not a rule file (a
        // secret, say) is never quoted back.
        let rules = RuleSet::load(&path).map_err(|d| match not_a_rule_file(d.code) {
            Some(what) => {
                // What was expected comes from the format, never from the file.
                let expected = d
                    .message
                    .split_once("expected ")
                    .map(|(_, e)| e.split("; did you mean").next().unwrap_or(e))
                    .map(|e| format!("; expected {e}"))
                    .unwrap_or_default();
                let message = format!(
                    "the rule file {} does not read as a rule file: {what}{expected}",
                    path.display()
                );
                d.withhold_text(message)
            }
            None => d,
        })?;
        return Ok((rules, path));
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
