//! One line per fact (its verdict, subject and words), then the summary.

use std::fmt::Write;

use super::Format;
use crate::check::{Fact, Outcome, Verdict};
use crate::report::escape::plain;
use crate::report::style::{Colour, paint};

/// `--format text`.
pub const FORMAT: Format = Format {
    name: "text",
    help: "One line per fact, then a summary",
    render,
    errors: None,
};

/// The fact's line: `ok           2003–04 Coppa Italia · Group 3 · winner Palermo (...)`, its
/// verdict coloured when `colour`. Control characters in names are shown escaped.
pub fn line(fact: &Fact, colour: bool) -> String {
    let label = format!("{:<11}", super::label(fact.verdict));
    let label = match fact.verdict {
        Verdict::Confirmed => paint(&label, Colour::Green, colour),
        Verdict::Mismatch | Verdict::Unresolved => paint(&label, Colour::Red, colour),
        Verdict::NotChecked => paint(&label, Colour::Yellow, colour),
        Verdict::Note => label,
    };
    format!("{label}  {}", plain(&super::sentence(fact)))
}

/// Every fact's line, then the summary.
pub fn render(outcome: &Outcome, colour: bool) -> String {
    let mut out = String::new();
    for fact in &outcome.facts {
        let _ = writeln!(out, "{}", line(fact, colour));
    }
    let _ = writeln!(out, "{}", super::summary(outcome));
    out
}
