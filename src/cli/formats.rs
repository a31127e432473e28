//! `--format` for `table` and `check`: the choices are the report's registered formats, each
//! with its name and help, so a format added to `crate::report` is offered here unchanged.

use clap::builder::{PossibleValue, PossibleValuesParser, TypedValueParser};

use crate::report::{check, table};

/// Parses `table --format`.
pub fn table() -> impl TypedValueParser<Value = &'static table::Format> {
    let choices = table::FORMATS
        .iter()
        .map(|f| PossibleValue::new(f.name).help(f.help));
    PossibleValuesParser::new(choices)
        .map(|name| table::format(&name).expect("clap accepts only registered formats"))
}

/// Parses `check --format`.
pub fn check() -> impl TypedValueParser<Value = &'static check::Format> {
    let choices = check::FORMATS
        .iter()
        .map(|f| PossibleValue::new(f.name).help(f.help));
    PossibleValuesParser::new(choices)
        .map(|name| check::format(&name).expect("clap accepts only registered formats"))
}
