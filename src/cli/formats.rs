//! `--format` for `table`, `check` and `history`, and `--input-format`: the choices are the library's
//! registered formats, each with its name and help, so a format added to the library is offered
//! here unchanged and the library needs no command-line parser.

use clap::builder::{PossibleValue, PossibleValuesParser, TypedValueParser};

use ::standings::read::InputFormat;
use ::standings::report::{check, history, table};

/// A parser offering `choices` by name, each with its help, and giving the one named.
fn one_of<T: Sync + 'static>(
    choices: &'static [T],
    name: fn(&T) -> &'static str,
    help: fn(&T) -> &'static str,
) -> impl TypedValueParser<Value = &'static T> {
    let values = choices
        .iter()
        .map(move |c| PossibleValue::new(name(c)).help(help(c)));
    PossibleValuesParser::new(values).map(move |given| {
        choices
            .iter()
            .find(|c| name(c) == given)
            .expect("clap accepts only the listed names")
    })
}

/// Parses `--input-format`.
pub fn input() -> impl TypedValueParser<Value = InputFormat> {
    one_of(&InputFormat::ALL, |f| f.name(), |f| f.help()).map(|f| *f)
}

/// Parses `table --format`.
pub fn table() -> impl TypedValueParser<Value = &'static table::Format> {
    one_of(&table::FORMATS, |f: &table::Format| f.name, |f| f.help)
}

/// Parses `check --format`.
pub fn check() -> impl TypedValueParser<Value = &'static check::Format> {
    one_of(&check::FORMATS, |f: &check::Format| f.name, |f| f.help)
}

/// Parses `history --format`.
pub fn history() -> impl TypedValueParser<Value = &'static history::Format> {
    one_of(&history::FORMATS, |f: &history::Format| f.name, |f| f.help)
}
