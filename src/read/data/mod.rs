//! Data files: a competition's groups, matches, recorded decisions and published facts.
//!
//! [`read`] turns a data file's text into a competition and the rule file it names, reporting
//! every mistake within the file at its line and column (all of them, not the first). It never
//! looks at the rule file: resolution ([`crate::resolve`]) finds it and validation
//! ([`crate::validate`]) checks the data against it. `docs/data.md` documents the format.
//!
//! - `file`: the file's serde types and [`json_schema`];
//! - `build`: the file's types into the model's, collecting every mistake;
//! - `names`: team names (and aliases) inside a group;
//! - `write`: [`write()`], a competition back as a data file, and [`match_line`].

mod build;
mod file;
mod names;
mod write;

pub use file::json_schema;
pub use write::{leg_line, match_line, write};

use crate::diagnostic::{Code, Diagnostic, Diagnostics, Source};
use crate::model::Competition;
use file::DataFile;

/// Reads data-file text: every mistake within the file is reported, all of them (up to the
/// cap). Nothing is checked against a rule file here; that is [`crate::validate`]'s job. The
/// rule file it names is returned as written, with its span, for resolution to follow.
pub fn read(source: &Source) -> Result<super::Read, Diagnostics> {
    let file = parse_file(source)?;
    let rules = file.rules.as_ref().map(|r| (r.get_ref().clone(), r.span()));
    let competition = build::build(source, file)?;
    let unplayed = competition.groups.iter().map(|g| g.fixtures.len()).sum();
    Ok(super::Read {
        competition,
        rules,
        unplayed,
        partial_ties: 0,
    })
}

/// Parses data-file text into a competition, ignoring the rule file it names (see [`read`]).
pub fn parse(source: &Source) -> Result<Competition, Diagnostics> {
    read(source).map(|r| r.competition)
}

/// The file's text into its serde types; an empty file or a TOML mistake is one diagnostic.
fn parse_file(source: &Source) -> Result<DataFile, Diagnostic> {
    if source.text.trim().is_empty() {
        return Err(source.error_whole(
            Code::Empty,
            "the data file is empty; expected `competition`, `rules` and at least one [[group]]",
        ));
    }
    let file = toml::from_str(&source.text).map_err(|e| source.toml_error(&e))?;
    super::control::toml_strings(source)?;
    Ok(file)
}
