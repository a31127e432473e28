//! Checking computed standings against the facts the published record states.
//!
//! Every recorded fact gives one [`Finding`]: confirmed, different, or unresolved (the engine
//! computed a tie that no criterion breaks where the record states an order). A tie that decides
//! who advances is reported even when the record states nothing about it.

use std::path::PathBuf;

mod competition;
mod groups;

use crate::standings::Standings;

/// The verdict on one fact.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// The computed fact equals the recorded one.
    Confirmed,
    /// The computed fact differs from the recorded one.
    Mismatch,
    /// The engine computed a tie that no criterion breaks where an order is needed.
    Unresolved,
    /// A recorded fact the engine cannot compute from the data it has (yet); never confirmed.
    NotChecked,
    /// Worth knowing, never a failure (a recorded decision these rules did not need).
    Note,
}

impl Verdict {
    /// The word printed at the start of the line.
    pub fn label(self) -> &'static str {
        match self {
            Verdict::Confirmed => "ok",
            Verdict::Mismatch => "MISMATCH",
            Verdict::Unresolved => "UNRESOLVED",
            Verdict::NotChecked => "not checked",
            Verdict::Note => "note",
        }
    }

    /// Whether the verdict makes `check` fail.
    pub fn fails(self) -> bool {
        matches!(self, Verdict::Mismatch | Verdict::Unresolved)
    }
}

/// One checked fact.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// The verdict.
    pub verdict: Verdict,
    /// The data file that records the fact.
    pub path: PathBuf,
    /// The line of the data file that states it, when it is a recorded fact.
    pub line: Option<usize>,
    /// Competition and group: `2003–04 Coppa Italia · Group 8`.
    pub subject: String,
    /// What was found, in words.
    pub detail: String,
}

impl std::fmt::Display for Finding {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{:<11}  {} · {}",
            self.verdict.label(),
            self.subject,
            self.detail
        )
    }
}

impl Finding {
    /// The line as [`Display`](std::fmt::Display) prints it, its verdict coloured when `colour`.
    pub fn line(&self, colour: bool) -> String {
        use crate::render::style::{Colour, paint};
        let label = format!("{:<11}", self.verdict.label());
        let label = match self.verdict {
            Verdict::Confirmed => paint(&label, Colour::Green, colour),
            Verdict::Mismatch | Verdict::Unresolved => paint(&label, Colour::Red, colour),
            Verdict::NotChecked => paint(&label, Colour::Yellow, colour),
            Verdict::Note => label,
        };
        format!("{label}  {} · {}", self.subject, self.detail)
    }
}

/// Checks every recorded fact of one competition: the whole competition's first, then each
/// group's.
pub fn check(standings: &Standings<'_>) -> Vec<Finding> {
    let mut findings = competition::check(standings);
    findings.extend(groups::check(standings));
    findings
}
