//! `--format` for `table` and `check`, and `--input-format`: the choices are the library's
//! registered formats, each with its name and help, so a format added to the library is offered
//! here unchanged and the library needs no command-line parser.

use clap::builder::{PossibleValue, PossibleValuesParser, TypedValueParser};

use ::standings::read::InputFormat;
use ::standings::report::{check, table};

/// Parses `--input-format`.
pub fn input() -> impl TypedValueParser<Value = InputFormat> {
    let choices = InputFormat::ALL
        .iter()
        .map(|f| PossibleValue::new(f.name()).help(f.help()));
    PossibleValuesParser::new(choices).map(|name| {
        *InputFormat::ALL
            .iter()
            .find(|f| f.name() == name)
            .expect("clap accepts only listed formats")
    })
}

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
