//! Readers: each turns one input format into a [`Competition`](crate::model::Competition).
//!
//! - [`data`]: the project's own TOML data files (`docs/data.md`), and [`data::write`], which
//!   writes any competition back as one (`standings import`);
//! - [`document`]: the plain-text season summaries the records are published as
//!   (`docs/documents.md`).
//!
//! [`load`] recognises the kind of input from its content.

pub mod data;
pub mod document;
pub mod match_text;

use std::path::Path;

use crate::diagnostic::{Diagnostic, ReadError, Source};
use crate::rules::RuleSet;
pub use data::Loaded;

/// The kinds of input `table`, `check` and `import` read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum InputFormat {
    /// The project's TOML data file.
    Data,
    /// A plain-text season summary (`= Title =`, infobox, group match tables).
    Document,
}

impl InputFormat {
    /// Recognises the format from the text: a document starts with a `= Title =` line.
    pub fn detect(text: &str) -> InputFormat {
        if document::looks_like_document(text) {
            InputFormat::Document
        } else {
            InputFormat::Data
        }
    }
}

/// Reads a file, or standard input when the path is `-`.
pub fn read(path: &Path) -> Result<Source, Diagnostic> {
    if path.as_os_str() != "-" {
        return Source::read(path);
    }
    let stdin = Path::new("<stdin>");
    Source::from_reader(stdin, std::io::stdin().lock()).map_err(|e| match e {
        ReadError::Io(e) => Diagnostic {
            path: stdin.to_path_buf(),
            location: None,
            message: format!("cannot read standard input: {e}"),
        },
        ReadError::Diagnostic(d) => d,
    })
}

/// Reads a competition in any format with the rules that apply: `rules` if given, else the
/// rule file a data file names. A document names none, so it needs `rules`.
pub fn load(
    path: &Path,
    format: Option<InputFormat>,
    rules: Option<&Path>,
) -> Result<Loaded, Diagnostic> {
    let source = read(path)?;
    match format.unwrap_or_else(|| InputFormat::detect(&source.text)) {
        InputFormat::Data => data::load_source(&source, rules),
        InputFormat::Document => {
            let Some(rules_path) = rules else {
                return Err(source.error_whole(
                    "a season summary names no rule file; expected --rules FILE (for example rules/coppa-italia-2003-04.toml)",
                ));
            };
            let rules = RuleSet::load(rules_path)?;
            let competition = document::parse(&source, Some(&rules))?;
            Ok(Loaded {
                competition,
                rules,
                rules_path: rules_path.to_path_buf(),
            })
        }
    }
}
