//! `standings import`: turn a season summary, a football-data CSV or a football.json file into a
//! data file.

use std::path::{Path, PathBuf};

use super::CliError;
use ::standings::diagnostic::{Code, Source};
use ::standings::read::{self, InputFormat, RecordChoice, data, record};
use ::standings::resolve::{RulesFrom, league_default, rule_set};
use ::standings::rules::library::Fit;

/// The file being written: `--output`, else the file standard output is redirected to.
fn output_file(output: Option<&Path>) -> Option<PathBuf> {
    output.map(Path::to_path_buf).or_else(|| {
        // On Linux, `> data/x.toml` makes standard output that very file.
        std::fs::read_link("/proc/self/fd/1")
            .ok()
            .filter(|p| p.is_file())
    })
}

/// Where the written file will live, so that its `rules` path can be relative to it: beside
/// [`output_file`], else in the current folder.
fn output_dir(output: Option<&Path>) -> PathBuf {
    let cwd = std::env::current_dir().unwrap_or_default();
    let dir = output_file(output)
        .and_then(|t| t.parent().map(Path::to_path_buf))
        .unwrap_or_default();
    let dir = cwd.join(dir);
    dir.canonicalize().unwrap_or(dir)
}

/// What the written data file's `rules` says: a bundled set's name, or the rule file's path as
/// seen from `dir`.
fn rules_written(dir: &Path, rules: &RulesFrom) -> String {
    let rules = match rules {
        RulesFrom::Bundled(bundled) => return bundled.name.to_string(),
        RulesFrom::File(path) => path,
    };
    let cwd = std::env::current_dir().unwrap_or_default();
    let absolute = cwd.join(rules);
    let absolute = absolute.canonicalize().unwrap_or(absolute);
    let relative = pathdiff::diff_paths(&absolute, dir).unwrap_or(absolute);
    relative.to_string_lossy().replace('\\', "/")
}

/// Reads the document, writes the data file, and proves that the file reads back the same.
pub fn run(
    document_path: &Path,
    rules: Option<&Path>,
    output: Option<&Path>,
    record: &RecordChoice,
) -> Result<u8, CliError> {
    let source = read::input(document_path)?;
    let format = InputFormat::detect_file(&source.path, &source.text).format;
    read::refuse_too_large(&source, format)?;
    if format == InputFormat::Data {
        return Err(CliError::Usage(format!(
            "{}: already a data file, which needs no import; import reads season summaries, football-data CSV and football.json",
            source.path.display()
        )));
    }
    // Dates are written when every one reads; a CSV Date column that does not (a file that
    // imported before dates were written) is left out with a note, not an error.
    let (read, undated) = match read::read_scheduled(&source, format) {
        Err(e) if format == InputFormat::Csv && e.iter().all(|d| d.code == Code::CsvDate) => {
            (read::read_as(&source, format)?, e.iter().next().cloned())
        }
        other => (other?, None),
    };
    // Fixtures still to play are written (`Home v Away`), not left out: no note for them.
    let mut notes = read.notes_keeping_fixtures(&source.path);
    if let Some(d) = undated {
        let place = d
            .location()
            .map(|l| format!("{}:{}:{}", l.path.display(), l.line, l.column))
            .unwrap_or_else(|| source.path.display().to_string());
        notes.push(format!(
            "note: {place}: the matches are written without dates: {}",
            d.message
        ));
    }
    let mut competition = read.competition;
    let fit = Fit::input(format, &competition);
    let rules = match rules {
        Some(value) => Some(rule_set(value, fit)?),
        // A league read from results gets the league default, as `table` reads it.
        None if format != InputFormat::Document && fit == Fit::League => {
            let default = league_default(&source)?;
            notes.extend(default.note);
            Some((default.rules, default.from))
        }
        None => None,
    };
    // The file being written may be the very record (`> data/NAME.toml`); it is never read.
    let applied = record::apply_choice(
        &mut competition,
        record,
        rules
            .as_ref()
            .and_then(|(_, from)| from.data_folder())
            .as_deref(),
        output_file(output).as_deref(),
        &mut notes,
    )?;
    match &rules {
        Some((rules, _)) => ::standings::validate::competition(&competition, rules),
        None => ::standings::validate::structure(&competition),
    }
    .result(())?;
    let applied_note = applied.as_ref().and_then(|a| a.note(&source.path));
    for note in notes.iter().chain(&applied_note) {
        eprintln!("{note}");
    }
    let rules_text = rules
        .as_ref()
        .map(|(_, from)| rules_written(&output_dir(output), from));
    let mut header = format!(
        "Imported by `standings import` from {}.",
        source.path.display()
    );
    match applied.filter(|a| !a.changes.is_empty()) {
        Some(a) => {
            header += &format!("\nNames and decisions from {}:", a.path.display());
            for change in &a.changes {
                header += &format!("\n  {change}");
            }
            header += "\nAdd what else fuller records state (group winners, published orders) by hand: see\ndocs/data.md.";
        }
        None => {
            header += "\nAdd what fuller records state (group winners, published orders, aliases, decisions by\nlots) by hand: see docs/data.md."
        }
    }
    let text = data::write(&competition, &header, rules_text.as_deref());

    // Never write a file that would read back as something else.
    let written = Source::new(output.unwrap_or(Path::new("<output>")), text.clone());
    let cannot_hold = |why: &str| {
        CliError::diagnostic(
            Code::CannotHold,
            format!(
                "{}: a data file cannot hold this summary as it is ({why}); expected team names that the match notation can hold (no score or `v` inside a name)",
                source.path.display()
            ),
        )
    };
    let back = data::parse(&written).map_err(|d| {
        let first = d.into_iter().next().map_or(String::new(), |d| d.message);
        cannot_hold(&format!("the written file does not read back: {first}"))
    })?;
    if back != competition {
        return Err(cannot_hold("the written file reads back differently"));
    }
    super::output_to(output, &text)?;
    Ok(0)
}
