//! Group histories ([`History`]: every team's place after each step), in every output format.
//! Each module turns histories into one format and names it with a [`Format`]; [`FORMATS`]
//! lists them all, and `standings history --format` offers exactly these.

pub mod csv;
pub mod json;
pub mod svg;
pub mod text;

use crate::compute::history::{History, Place};

/// A history format: its name on the command line, a line of help, and its writer.
#[derive(Debug)]
pub struct Format {
    /// The name `--format` takes.
    pub name: &'static str,
    /// What it prints, in a line.
    pub help: &'static str,
    /// Renders histories, one group after another.
    pub render: fn(&[History]) -> String,
}

/// Every history format, the default first.
pub static FORMATS: [Format; 4] = [text::FORMAT, csv::FORMAT, json::FORMAT, svg::FORMAT];

/// The format named `name`.
pub fn format(name: &str) -> Option<&'static Format> {
    FORMATS.iter().find(|f| f.name == name)
}

/// A place as printed: `2`, or `2=` for a shared one.
pub fn place(place: Place) -> String {
    if place.shared {
        format!("{}=", place.position)
    } else {
        place.position.to_string()
    }
}
