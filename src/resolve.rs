//! The `resolve` stage: which rule file applies to an input, in one place.
//!
//! In order: `--rules` for every input (a path, or the name of a bundled rule set: see
//! [`rule_set`]); else the rule file a data file names (relative to the data file, and
//! confined, see [`confinement`]; or a bundled rule set's name when no such file exists); else,
//! for a source that names none (a season summary, CSV, football.json), the rules the caller
//! supplies for sources (`compare` reads a summary under its first rule set); else, for a
//! league read from CSV or football.json, the bundled league default
//! ([`crate::rules::library::DEFAULT`]). The record a source borrows (`--record`) is resolved
//! by [`crate::read::record`].

use std::ops::Range;
use std::path::{Path, PathBuf};

use crate::diagnostic::{Code, Diagnostic, Source, printable_message};
use crate::model::Competition;
use crate::read::InputFormat;
use crate::rules::RuleSet;
use crate::rules::library::{self, Bundled, Fit};

/// Where a rule set was found: a file, or the library compiled into the binary.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RulesFrom {
    /// A rule file, at this path (as given, or relative to the data file that names it).
    File(PathBuf),
    /// A bundled rule set ([`crate::rules::library`]).
    Bundled(&'static Bundled),
}

impl RulesFrom {
    /// The rule file's path, or `None` for a bundled set.
    pub fn file(&self) -> Option<&Path> {
        match self {
            RulesFrom::File(path) => Some(path),
            RulesFrom::Bundled(_) => None,
        }
    }

    /// How the rules are named where they are shown: the path, or the bundled set's name.
    pub fn label(&self) -> String {
        match self {
            RulesFrom::File(path) => path.display().to_string(),
            RulesFrom::Bundled(b) => b.name.to_string(),
        }
    }

    /// The project's `data/` folder, where the record of a season summary is looked for: beside
    /// the rule file's folder (`rules/x.toml` → `data/`); for a bundled set, `data/` in the
    /// current directory, so that `--rules NAME` run from the repository finds what
    /// `--rules rules/NAME.toml` finds. `None` when there is no such folder.
    pub fn data_folder(&self) -> Option<PathBuf> {
        let folder = match self {
            RulesFrom::File(path) => path.parent()?.parent()?.join("data"),
            RulesFrom::Bundled(_) => PathBuf::from("data"),
        };
        folder.is_dir().then_some(folder)
    }
}

/// The rules resolved for one input.
#[derive(Debug, Clone)]
pub struct Resolved {
    /// The rule set.
    pub rules: RuleSet,
    /// Where it came from.
    pub from: RulesFrom,
    /// A note for standard error when the rules were chosen for the user (the league default).
    pub note: Option<String>,
}

/// The rule set a user's `--rules` value names: an existing path wins (a rule file read as
/// it is); else the bundled rule set of that name ([`library::find`]); else an error naming
/// the value with the closest bundled names that `fit` the input and `standings rules`.
pub fn rule_set(value: &Path, fit: Fit) -> Result<(RuleSet, RulesFrom), Diagnostic> {
    let missing = matches!(value.try_exists(), Ok(false)) && !value.is_symlink();
    if missing && let Some(bundled) = value.to_str().and_then(library::find) {
        return Ok((bundled.load()?, RulesFrom::Bundled(bundled)));
    }
    if missing {
        let wanted = value.to_string_lossy();
        return Err(Diagnostic::new(
            Code::UnknownRules,
            format!(
                "--rules {}: no such file, and no bundled rule set of that name; expected a rule file's path or a bundled rule set's name{}",
                value.display(),
                library::suggestion(&wanted, fit)
            ),
        ));
    }
    Ok((RuleSet::load(value)?, RulesFrom::File(value.to_path_buf())))
}

/// Where the rules for one input come from.
#[derive(Debug, Clone, Copy, Default)]
pub struct RulesChoice<'a> {
    /// `--rules`: for every input, in place of the one a data file names (a path, or a bundled
    /// rule set's name: [`rule_set`]).
    pub given: Option<&'a Path>,
    /// For an input that names no rule file, when `given` is `None` (a path or a name too).
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
/// [`confinement`] unless `anywhere`; or, when no such file exists, the bundled rule set of
/// that name (a name is never a path, so confinement is not in question).
fn named_file(
    source: &Source,
    written: &str,
    span: &Range<usize>,
    anywhere: bool,
    fit: Fit,
) -> Result<RulesFrom, Diagnostic> {
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
            if let Some(bundled) = library::find(written) {
                return Ok(RulesFrom::Bundled(bundled));
            }
            return Err(error(
                Code::RuleFileMissing,
                format!(
                    "the rule file {} does not exist; expected a path relative to this data file, or a bundled rule set's name{}",
                    path.display(),
                    library::suggestion(written, fit)
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
        Ok(m) if m.is_file() => return Ok(RulesFrom::File(path)),
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

/// The bundled league default for a league read from `source` (a CSV file or football.json
/// given without `--rules`), with the one-line note that says so.
pub fn league_default(source: &Source) -> Result<Resolved, Diagnostic> {
    let bundled = library::default_league();
    let note = printable_message(format!(
        "note: {}: no --rules given; read under the bundled league default \"{}\" ({}); --rules NAME chooses another (`standings rules` lists them)",
        source.path.display(),
        bundled.name,
        library::DEFAULT_SUMMARY,
    ));
    Ok(Resolved {
        rules: bundled.load()?,
        from: RulesFrom::Bundled(bundled),
        note: Some(note),
    })
}

/// The rule set for an input read from `source` as `format`: `named` is the `rules = "..."` a
/// data file states (with its span); `competition` is what was read, which says which bundled
/// rule sets suit the input ([`Fit::input`]), for suggestions and for the league default
/// (given to a CSV file or football.json when it fits a league).
pub fn rules(
    source: &Source,
    format: InputFormat,
    named: Option<&(String, Range<usize>)>,
    choice: RulesChoice<'_>,
    competition: &Competition,
) -> Result<Resolved, Diagnostic> {
    let fit = Fit::input(format, competition);
    let resolved = |(rules, from)| Resolved {
        rules,
        from,
        note: None,
    };
    if let Some(value) = choice.given {
        return rule_set(value, fit).map(resolved);
    }
    if let Some((written, span)) = named {
        let from = named_file(source, written, span, choice.anywhere, fit)?;
        let path = match &from {
            RulesFrom::Bundled(bundled) => return Ok(resolved((bundled.load()?, from))),
            RulesFrom::File(path) => path,
        };
        // The data file chose this path, not the user: a file that is not a rule file (a
        // secret, say) is never quoted back.
        let rules = RuleSet::load(path).map_err(|d| match not_a_rule_file(d.code) {
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
        return Ok(resolved((rules, from)));
    }
    if let Some(value) = choice.for_sources.filter(|_| format != InputFormat::Data) {
        return rule_set(value, fit).map(resolved);
    }
    if matches!(format, InputFormat::Csv | InputFormat::Json) && fit == Fit::League {
        return league_default(source);
    }
    Err(if format == InputFormat::Data {
        source.error_whole(
            Code::NoRuleFile,
            "the data file names no rule file; add `rules = \"../rules/NAME.toml\"` (or a bundled rule set's name, `rules = \"NAME\"`) or pass --rules",
        )
    } else {
        source.error_whole(
            Code::RulesNeeded,
            format!(
                "{} names no rule file{}; expected --rules NAME (a bundled rule set) or --rules FILE{}",
                format.describe(),
                if format == InputFormat::Document {
                    ""
                } else {
                    ", and the league default is for a league only (one group, no knockout ties)"
                },
                library::suggestion(&competition.name, fit)
            ),
        )
    })
}
