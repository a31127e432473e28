//! Checked facts as `check` prints them: each fact in words ([`facts`]), and the formats —
//! one line per fact ([`text`]), the lines plus GitHub Actions annotations ([`github`]), a JUnit
//! XML report ([`junit`]). [`FORMATS`] lists them; the command line offers exactly these.

pub mod facts;
pub mod github;
pub mod junit;
pub mod text;

use crate::check::Outcome;
use crate::diagnostic::Diagnostics;

pub use facts::{detail, label, sentence, subject, summary};

/// A `check` output format: its name on the command line, a line of help, and its writer.
#[derive(Debug)]
pub struct Format {
    /// The name `--format` takes.
    pub name: &'static str,
    /// What it prints, in a line.
    pub help: &'static str,
    /// Renders the outcome; the flag colours verdicts for a terminal (where the format has
    /// colour at all).
    pub render: fn(&Outcome, bool) -> String,
    /// Renders bad input (the run stops, exit 2) for standard output, in a format a machine
    /// reads there (annotations, a JUnit report); `None` where standard error says it all.
    pub errors: Option<fn(&Diagnostics) -> String>,
}

/// Every `check` format, the default first.
pub static FORMATS: [Format; 3] = [text::FORMAT, github::FORMAT, junit::FORMAT];

/// The format named `name`.
pub fn format(name: &str) -> Option<&'static Format> {
    FORMATS.iter().find(|f| f.name == name)
}
