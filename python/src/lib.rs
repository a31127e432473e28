//! The Python bindings' native half, `standings._standings`: the engine behind
//! `standings.table` and `standings.check` (the Python package in `python/standings/` wraps
//! these functions, turns their JSON into DataFrames and their errors into
//! `standings.StandingsError`).
//!
//! Every function reads, validates and computes exactly as the command line does; errors are
//! raised as `_standings.InputError` whose one argument is the diagnostics as a JSON list
//! (`docs/errors.md`'s `--message-format json` objects), so the file, line and column reach
//! Python intact.

use std::path::{Path, PathBuf};

use pyo3::create_exception;
use pyo3::exceptions::{PyException, PyValueError};
use pyo3::prelude::*;
use pyo3::types::PyDict;

use standings::as_of::Step;
use standings::check::Verdict;
use standings::compute::standings as compute;
use standings::diagnostic::Diagnostics;
use standings::read::{self, InputFormat, LoadOptions, Loaded, RecordChoice};
use standings::report::check::facts;

create_exception!(
    _standings,
    InputError,
    PyException,
    "Bad input: the one argument is the diagnostics as a JSON list."
);

/// The diagnostics as the Python exception the package turns into `StandingsError`.
fn input_error(diagnostics: Diagnostics) -> PyErr {
    let list: Vec<serde_json::Value> = diagnostics.iter().map(|d| d.to_json()).collect();
    InputError::new_err(serde_json::Value::Array(list).to_string())
}

/// `data`, `document`, `csv` or `json` (as `--input-format` names them) as the reader's
/// format; `None` recognises it from the content.
fn input_format(name: Option<&str>) -> PyResult<Option<InputFormat>> {
    let Some(name) = name else { return Ok(None) };
    InputFormat::ALL
        .into_iter()
        .find(|f| f.name() == name)
        .map(Some)
        .ok_or_else(|| {
            let names: Vec<&str> = InputFormat::ALL.iter().map(|f| f.name()).collect();
            PyValueError::new_err(format!(
                "input_format must be one of {}; got {name:?}",
                names.join(", ")
            ))
        })
}

/// Loads one input from disk or from text, with the rules given (a rule file's path or a
/// bundled rule set's name) or those a data file names; also returns the notes the command
/// line prints on standard error (the league default used, fixtures left out).
fn load(input: Input, choice: &Choice) -> Result<(Loaded, Vec<String>), Diagnostics> {
    let options = LoadOptions {
        format: choice.format,
        rules: choice.rules.as_deref().map(Path::new),
        record: choice.record.clone(),
        rules_anywhere: choice.rules_anywhere,
        as_of: choice.as_of,
        ..LoadOptions::default()
    };
    match input {
        Input::Path(path) => read::load_with(&path, &options),
        Input::Text { name, text } => read::load_text(Path::new(&name), text, &options),
    }
}

/// What the caller chose, as the command line's options: `--rules`, `--input-format`,
/// `--allow-rules-anywhere`, `--record`, and `--until` or `--matchday`.
struct Choice {
    rules: Option<String>,
    format: Option<InputFormat>,
    rules_anywhere: bool,
    record: RecordChoice,
    as_of: Option<Step>,
}

impl Choice {
    /// The choice from the Python arguments; `record` is `None` for the command line's
    /// default (the project's data file for the competition, if any), `"none"`, or a path.
    fn new(
        rules: Option<String>,
        input_format: Option<&str>,
        rules_anywhere: bool,
        record: Option<String>,
        as_of: Option<Step>,
    ) -> PyResult<Choice> {
        Ok(Choice {
            rules,
            format: self::input_format(input_format)?,
            rules_anywhere,
            record: record.map_or(RecordChoice::Discover, |r| match r.parse() {
                Ok(choice) => choice,
                Err(never) => match never {},
            }),
            as_of,
        })
    }
}

/// `until` (a day, `YYYY-MM-DD`) or `matchday` (1 or more) as the step to cut at.
fn step(until: Option<&str>, matchday: Option<i64>) -> PyResult<Option<Step>> {
    match (until, matchday) {
        (Some(_), Some(_)) => Err(PyValueError::new_err("give until or matchday, not both")),
        (Some(day), None) => standings::as_of::parse_day(day)
            .map(|d| Some(Step::Date(d)))
            .ok_or_else(|| {
                PyValueError::new_err(format!(
                    "until must be a day written YYYY-MM-DD, such as 2019-08-10; got {day:?}"
                ))
            }),
        (None, Some(n)) => match u32::try_from(n) {
            Ok(n) if n >= 1 => Ok(Some(Step::Round(n))),
            _ => Err(PyValueError::new_err(format!(
                "matchday must be a round number, 1 or more; got {n}"
            ))),
        },
        (None, None) => Ok(None),
    }
}

/// Where the results come from.
enum Input {
    Path(PathBuf),
    Text { name: String, text: String },
}

/// The tables of the file at `path`, or of `text` (a DataFrame written as CSV) called `path`
/// in messages, as the command line's `--format json` document, with the notes.
#[pyfunction]
#[pyo3(signature = (path, text=None, rules=None, input_format=None, rules_anywhere=false, record=None, until=None, matchday=None))]
#[allow(clippy::too_many_arguments)] // Python's keyword arguments, one for each option
fn table(
    py: Python<'_>,
    path: PathBuf,
    text: Option<String>,
    rules: Option<String>,
    input_format: Option<String>,
    rules_anywhere: bool,
    record: Option<String>,
    until: Option<String>,
    matchday: Option<i64>,
) -> PyResult<(String, Vec<String>)> {
    let as_of = step(until.as_deref(), matchday)?;
    let choice = Choice::new(
        rules,
        input_format.as_deref(),
        rules_anywhere,
        record,
        as_of,
    )?;
    let input = match text {
        None => Input::Path(path),
        Some(text) => Input::Text {
            name: path.display().to_string(),
            text,
        },
    };
    py.detach(|| -> Result<(String, Vec<String>), Diagnostics> {
        let (loaded, notes) = load(input, &choice)?;
        let computed = compute::compute(&loaded.competition, &loaded.rules)?;
        Ok((standings::report::table::json::render(&[computed]), notes))
    })
    .map_err(input_error)
}

/// One checked fact, in the words `standings check` prints.
struct FactOut {
    verdict: &'static str,
    competition: String,
    part: String,
    fact: String,
    recorded: Option<String>,
    computed: Option<String>,
    sentence: String,
    file: String,
    line: Option<usize>,
}

/// Every recorded fact of the file at `path`, checked.
#[pyfunction]
#[pyo3(signature = (path, rules=None, rules_anywhere=false, record=None))]
fn check<'py>(
    py: Python<'py>,
    path: PathBuf,
    rules: Option<String>,
    rules_anywhere: bool,
    record: Option<String>,
) -> PyResult<Vec<Bound<'py, PyDict>>> {
    let choice = Choice::new(rules, None, rules_anywhere, record, None)?;
    let facts = py
        .detach(|| -> Result<Vec<FactOut>, Diagnostics> {
            let (loaded, _notes) = load(Input::Path(path), &choice)?;
            let computed = compute::compute(&loaded.competition, &loaded.rules)?;
            Ok(standings::check::check(&computed)
                .iter()
                .map(|f| FactOut {
                    verdict: match f.verdict {
                        Verdict::Confirmed => "confirmed",
                        Verdict::Mismatch => "mismatch",
                        Verdict::Unresolved => "unresolved",
                        Verdict::NotChecked => "not checked",
                        Verdict::Note => "note",
                    },
                    competition: f.subject.competition.clone(),
                    part: facts::subject(f),
                    fact: facts::detail(f),
                    recorded: f.recorded.as_ref().map(|v| facts::value(Some(v))),
                    computed: f.computed.as_ref().map(|v| facts::value(Some(v))),
                    sentence: facts::sentence(f),
                    file: f.path.display().to_string(),
                    line: f.line,
                })
                .collect())
        })
        .map_err(input_error)?;
    facts
        .into_iter()
        .map(|f| {
            let d = PyDict::new(py);
            d.set_item("verdict", f.verdict)?;
            d.set_item("competition", f.competition)?;
            d.set_item("subject", f.part)?;
            d.set_item("fact", f.fact)?;
            d.set_item("recorded", f.recorded)?;
            d.set_item("computed", f.computed)?;
            d.set_item("sentence", f.sentence)?;
            d.set_item("file", f.file)?;
            d.set_item("line", f.line)?;
            Ok(d)
        })
        .collect()
}

/// The engine's version (the Rust crate's).
#[pyfunction]
fn version() -> &'static str {
    env!("CARGO_PKG_VERSION")
}

#[pymodule]
fn _standings(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("InputError", m.py().get_type::<InputError>())?;
    m.add_function(wrap_pyfunction!(table, m)?)?;
    m.add_function(wrap_pyfunction!(check, m)?)?;
    m.add_function(wrap_pyfunction!(version, m)?)?;
    Ok(())
}
