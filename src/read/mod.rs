//! The `read` stage: each reader turns one input format into a [`Competition`], never looking
//! at a rule file; [`read_as`] is the one list of readers by format, and [`InputFormat::detect`]
//! recognises a format from the content. [`load_with`] runs the whole path from a file to a
//! competition ready to compute: read, resolve ([`crate::resolve`]), validate
//! ([`crate::validate`]).
//!
//! - [`data`]: the project's own TOML data files (`docs/data.md`), and [`data::write`], which
//!   writes what a season summary holds as one (`standings import`);
//! - [`document`]: the plain-text season summaries the records are published as
//!   (`docs/documents.md`);
//! - [`record`]: the project's data file applied to such a source (team names, decisions).

pub mod control;
pub mod data;
pub mod document;
pub mod football_data;
pub mod match_text;
pub mod name;
pub mod openfootball;
pub mod record;
pub mod results;

use std::path::Path;

use std::ops::Range;

use crate::diagnostic::{Code, Diagnostic, Diagnostics, ReadError, Source};
use crate::model::Competition;
use crate::rules::RuleSet;
pub use record::RecordChoice;

/// The kinds of input `table`, `check` and `import` read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputFormat {
    /// The project's TOML data file.
    Data,
    /// A plain-text season summary (`= Title =`, infobox, group match tables).
    Document,
    /// football-data.co.uk-style CSV (`Div,Date,HomeTeam,AwayTeam,FTHG,FTAG,...`).
    Csv,
    /// openfootball football.json.
    Json,
}

impl InputFormat {
    /// Every format, in the order `--input-format` lists them.
    pub const ALL: [InputFormat; 4] = [
        InputFormat::Data,
        InputFormat::Document,
        InputFormat::Csv,
        InputFormat::Json,
    ];

    /// The format's name on the command line (`--input-format csv`).
    pub fn name(self) -> &'static str {
        match self {
            InputFormat::Data => "data",
            InputFormat::Document => "document",
            InputFormat::Csv => "csv",
            InputFormat::Json => "json",
        }
    }

    /// What the format is, in a line of help.
    pub fn help(self) -> &'static str {
        match self {
            InputFormat::Data => "The project's TOML data file",
            InputFormat::Document => {
                "A plain-text season summary (`= Title =`, infobox, group match tables)"
            }
            InputFormat::Csv => {
                "football-data.co.uk-style CSV (`Div,Date,HomeTeam,AwayTeam,FTHG,FTAG,...`)"
            }
            InputFormat::Json => "openfootball football.json",
        }
    }

    /// Recognises the format from the text: a document starts with a `= Title =` line.
    pub fn detect(text: &str) -> InputFormat {
        if document::looks_like_document(text) {
            InputFormat::Document
        } else if football_data::looks_like_csv(text) {
            InputFormat::Csv
        } else if openfootball::looks_like_json(text) {
            InputFormat::Json
        } else {
            InputFormat::Data
        }
    }

    /// Recognises the format of the file at `path`: from the content when it says (a
    /// `= Title =` line, a CSV header, a JSON object), else from the name's extension (`.csv`,
    /// `.json`, `.toml`), else a data file. Says why, for messages.
    pub fn detect_file(path: &Path, text: &str) -> Detected {
        let extension = path
            .extension()
            .and_then(|x| x.to_str())
            .map(str::to_ascii_lowercase);
        let by_extension = match extension.as_deref() {
            Some("csv") => Some(InputFormat::Csv),
            Some("json") => Some(InputFormat::Json),
            Some("toml") => Some(InputFormat::Data),
            _ => None,
        };
        let (format, why) = match InputFormat::detect(text) {
            InputFormat::Document => (
                InputFormat::Document,
                "its first line of content is a `= Title =` heading",
            ),
            InputFormat::Csv => (
                InputFormat::Csv,
                "its first line is a CSV header with a HomeTeam column",
            ),
            _ if by_extension == Some(InputFormat::Csv) => {
                (InputFormat::Csv, "its name ends in .csv")
            }
            _ if by_extension == Some(InputFormat::Json) => {
                (InputFormat::Json, "its name ends in .json")
            }
            // A `.toml` file's TOML errors need no note.
            _ if by_extension == Some(InputFormat::Data) => {
                return Detected {
                    format: InputFormat::Data,
                    why: None,
                };
            }
            InputFormat::Json => (InputFormat::Json, "it begins with `{` or `[{`"),
            InputFormat::Data => (
                InputFormat::Data,
                "it is no other format: its first line is not a `= Title =` heading or a CSV header with a HomeTeam column, it does not begin with `{` or `[{`, and its name does not end in .csv or .json",
            ),
        };
        Detected {
            format,
            why: Some(why),
        }
    }

    /// The format's name in messages.
    pub fn describe(self) -> &'static str {
        match self {
            InputFormat::Data => "a data file",
            InputFormat::Document => "a season summary",
            InputFormat::Csv => "a football-data CSV file",
            InputFormat::Json => "a football.json file",
        }
    }
}

/// A format recognised by [`InputFormat::detect_file`], and why.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Detected {
    /// The format the file is read as.
    pub format: InputFormat,
    /// What chose it; `None` when it was forced, or for a `.toml` file read as one.
    pub why: Option<&'static str>,
}

impl Detected {
    /// The note a reading error gets: which format was assumed and why.
    pub fn note(&self) -> Option<String> {
        self.why.map(|why| {
            format!(
                "note: read as {} because {why}; --input-format chooses the format",
                self.format.describe()
            )
        })
    }
}

/// Reads an input file of any size (a large one is mapped, see [`crate::diagnostic::Text`]),
/// or standard input (at most [`crate::diagnostic::MAX_INPUT`]) when the path is `-`. Only
/// results files (CSV, football.json) may be larger than that: [`refuse_too_large`] says so
/// for the rest once the format is known.
pub fn input(path: &Path) -> Result<Source, Diagnostic> {
    input_as(path, None)
}

/// [`input`] of a file to be read as `format` (recognised from its start when `None`): a file
/// over [`crate::diagnostic::MAX_INPUT`] that is not a results file is refused before it is
/// read, from its first 64 KiB.
pub fn input_as(path: &Path, format: Option<InputFormat>) -> Result<Source, Diagnostic> {
    if path.as_os_str() != "-" {
        let large = std::fs::metadata(path).is_ok_and(|m| m.len() > crate::diagnostic::MAX_INPUT);
        if large {
            let format = match format {
                Some(format) => format,
                None => {
                    let mut head = Vec::with_capacity(64 << 10);
                    if let Ok(file) = std::fs::File::open(path) {
                        use std::io::Read;
                        let _ = file.take(64 << 10).read_to_end(&mut head);
                    }
                    let text = match std::str::from_utf8(&head) {
                        Ok(text) => text,
                        Err(e) => std::str::from_utf8(&head[..e.valid_up_to()]).unwrap_or(""),
                    };
                    InputFormat::detect_file(path, text.trim_start_matches('\u{feff}')).format
                }
            };
            refuse_large_file(path, format)?;
        }
        return Source::read_any_size(path);
    }
    let stdin = Path::new("<stdin>");
    Source::from_reader(stdin, std::io::stdin().lock(), 0).map_err(|e| match e {
        ReadError::Io(e) => {
            Diagnostic::new(Code::CannotRead, format!("cannot read standard input: {e}"))
        }
        ReadError::Diagnostic(d) if d.code == Code::TooLarge => Diagnostic::new(
            Code::TooLarge,
            format!(
                "<stdin>: standard input is read whole, and this is larger than {} MiB; give a larger results file (CSV, football.json) by its path, which is read at any size",
                crate::diagnostic::MAX_INPUT >> 20
            ),
        ),
        ReadError::Diagnostic(d) => d,
    })
}

/// Refuses an input larger than [`crate::diagnostic::MAX_INPUT`] unless it is a results file
/// (CSV, football.json), which may be of any size: data files and season summaries are
/// written by hand and read whole.
pub fn refuse_too_large(source: &Source, format: InputFormat) -> Result<(), Diagnostic> {
    match format {
        InputFormat::Csv | InputFormat::Json => Ok(()),
        _ if source.text.len() as u64 <= crate::diagnostic::MAX_INPUT => Ok(()),
        _ => refuse_large_file(&source.path, format),
    }
}

/// [`refuse_too_large`] before reading: the file at `path` is larger than the limit.
fn refuse_large_file(path: &Path, format: InputFormat) -> Result<(), Diagnostic> {
    match format {
        InputFormat::Csv | InputFormat::Json => Ok(()),
        InputFormat::Data | InputFormat::Document => Err(crate::diagnostic::too_large(path)),
    }
}

/// What a reader gives: the competition, the rule file it names (a data file's `rules`, as
/// written, with its span), and how many fixtures without a result it left out.
#[derive(Debug, Clone)]
pub struct Read {
    /// The competition, not yet checked against any rules.
    pub competition: Competition,
    /// `rules = "..."` as a data file writes it, and where.
    pub rules: Option<(String, Range<usize>)>,
    /// Fixtures listed without a result (not yet played), left out of the tables.
    pub unplayed: usize,
    /// Knockout ties with a leg still to play, left out whole (football.json).
    pub partial_ties: usize,
}

impl Read {
    /// The notes for standard error about what was left out of the file at `path`.
    pub fn notes(&self, path: &Path) -> Vec<String> {
        self.notes_of(path, false)
    }

    /// [`Read::notes`] for a command that keeps the fixtures still to play (`import` writes
    /// them): only what it leaves out.
    pub fn notes_keeping_fixtures(&self, path: &Path) -> Vec<String> {
        self.notes_of(path, true)
    }

    fn notes_of(&self, path: &Path, keeping_fixtures: bool) -> Vec<String> {
        let mut notes = Vec::new();
        if self.unplayed > 0 && !keeping_fixtures {
            notes.push(format!(
                "note: {}: {} fixture(s) without a full-time score left out (not yet played)",
                path.display(),
                self.unplayed
            ));
        }
        if self.partial_ties > 0 {
            notes.push(format!(
                "note: {}: {} knockout tie(s) with a leg still to play left out, their played legs too",
                path.display(),
                self.partial_ties
            ));
        }
        notes
    }
}

/// The errors that say a file may not be the format it was read as: a note then says why it
/// was read so.
const NOT_THIS_FORMAT: [Code; 3] = [Code::TomlSyntax, Code::JsonShape, Code::CsvHeader];

/// Reads `source` as `format`: the `read` stage, one reader per format, none of which looks
/// at a rule file.
pub fn read_as(source: &Source, format: InputFormat) -> Result<Read, Diagnostics> {
    read_keeping(source, format, results::Spans::Skip, false)
}

/// [`read_as`], with a CSV file's dates as well (`standings import`: every format's dates and
/// rounds reach the data file it writes).
pub fn read_scheduled(source: &Source, format: InputFormat) -> Result<Read, Diagnostics> {
    read_keeping(source, format, results::Spans::Skip, true)
}

/// [`read_as`], keeping where each match of a CSV file is written when `spans` says so (other
/// readers always keep them), and reading a CSV file's dates when `dates` says so (other
/// readers always read theirs).
fn read_keeping(
    source: &Source,
    format: InputFormat,
    spans: results::Spans,
    dates: bool,
) -> Result<Read, Diagnostics> {
    let plain = |(competition, unplayed)| Read {
        competition,
        rules: None,
        unplayed,
        partial_ties: 0,
    };
    Ok(match format {
        InputFormat::Data => data::read(source)?,
        InputFormat::Document => plain((document::parse(source)?, 0)),
        InputFormat::Csv => plain(football_data::parse_with(source, spans, dates)?),
        InputFormat::Json => {
            let parsed = openfootball::parse(source)?;
            Read {
                competition: parsed.competition,
                rules: None,
                unplayed: parsed.unplayed,
                partial_ties: parsed.partial_ties,
            }
        }
    })
}

/// Reads a competition in any format with the rules that apply: `rules` if given (a rule
/// file, or a bundled rule set's name: [`crate::resolve::rule_set`]), else the rule file a data
/// file names, else for a CSV or football.json league the bundled league default. A document
/// names none, so it needs `rules`. The source is read
/// alone; [`load_with`] also applies the project's record to it.
pub fn load(
    path: &Path,
    format: Option<InputFormat>,
    rules: Option<&Path>,
) -> Result<Loaded, Diagnostics> {
    let options = LoadOptions {
        format,
        rules,
        ..LoadOptions::default()
    };
    load_with(path, &options).map(|(loaded, _)| loaded)
}

/// How [`load_with`] reads an input.
#[derive(Debug, Clone, Default)]
pub struct LoadOptions<'a> {
    /// The input's kind; recognised from the content when `None`.
    pub format: Option<InputFormat>,
    /// Rules for every input, in place of those a data file names: a rule file, or a bundled
    /// rule set's name (an existing path wins).
    pub rules: Option<&'a Path>,
    /// Rules for an input that names none (a season summary, CSV, JSON) when `rules` is `None`
    /// (a path or a name too); without them a CSV or football.json league gets the league
    /// default.
    pub rules_for_sources: Option<&'a Path>,
    /// The record to apply to an input that is not a data file.
    pub record: RecordChoice,
    /// Follow a data file's `rules` outside its folder (see [`crate::resolve::confinement`]).
    pub rules_anywhere: bool,
    /// Only this group is wanted (`table --group`): when the input has a group of that name,
    /// the others are left out before validation, so their problems do not count.
    pub only_group: Option<&'a str>,
    /// Keep each match's date and round (`Group::schedule`): a CSV file's `Date` column is
    /// read only then, so that a large file read for its final tables never parses a date.
    /// Other formats give theirs always. Implied by `as_of`.
    pub schedule: bool,
    /// The table as it stood at this step (`table --until`, `--matchday`): the competition is
    /// cut ([`crate::as_of::as_of`]) before validation, so that everything after it sees the
    /// season as it was then, and its name says when. An input that cannot say is an error.
    pub as_of: Option<crate::as_of::Step>,
}

/// The whole path from a file to a competition ready to compute: read (any format), resolve
/// (the rule file; for a source that is not a data file, the record it borrows, [`record`]),
/// validate (every check of the data against the rules, all problems collected). Returns the
/// competition and the notes for standard error (what the record changed, fixtures left out as
/// unplayed).
pub fn load_with(
    path: &Path,
    options: &LoadOptions<'_>,
) -> Result<(Loaded, Vec<String>), Diagnostics> {
    let source = input_as(path, options.format)?;
    let detected = match options.format {
        Some(format) => Detected { format, why: None },
        None => InputFormat::detect_file(&source.path, &source.text),
    };
    refuse_too_large(&source, detected.format)?;
    // A CSV file is read without each match's place; a problem found afterwards that needs
    // one (a pair meeting too often) has the file read again with them, to point at the row.
    load_source(&source, detected, options, results::Spans::Skip).or_else(|e| {
        if detected.format == InputFormat::Csv {
            load_source(&source, detected, options, results::Spans::Keep)
        } else {
            Err(e)
        }
    })
}

/// [`load_with`] for text already in memory (a DataFrame written as CSV by the Python
/// bindings): `name` is what messages call it, and the format is recognised from `name`'s
/// extension and the text unless `options.format` says.
pub fn load_text(
    name: &Path,
    text: String,
    options: &LoadOptions<'_>,
) -> Result<(Loaded, Vec<String>), Diagnostics> {
    let source = Source::new(name, text);
    let detected = match options.format {
        Some(format) => Detected { format, why: None },
        None => InputFormat::detect_file(&source.path, &source.text),
    };
    refuse_too_large(&source, detected.format)?;
    load_source(&source, detected, options, results::Spans::Keep)
}

/// [`load_with`] once the input is read and its format known.
fn load_source(
    source: &Source,
    detected: Detected,
    options: &LoadOptions<'_>,
    spans: results::Spans,
) -> Result<(Loaded, Vec<String>), Diagnostics> {
    let format = detected.format;
    if format == InputFormat::Data
        && let RecordChoice::File(record) = &options.record
    {
        return Err(source
            .error_whole(
                Code::RecordOnData,
                format!(
                    "--record {} applies to season summaries and other sources; a data file is its own record",
                    record.display()
                ),
            )
            .into());
    }
    let dates = options.schedule || options.as_of.is_some();
    let read = read_keeping(source, format, spans, dates).map_err(|e| match detected.note() {
        Some(note)
            if e.iter()
                .next()
                .is_some_and(|d| NOT_THIS_FORMAT.contains(&d.code)) =>
        {
            e.with_note(&note)
        }
        _ => e,
    })?;
    let mut notes = read.notes(&source.path);
    let Read {
        mut competition,
        rules: named,
        ..
    } = read;
    let choice = crate::resolve::RulesChoice {
        given: options.rules,
        for_sources: options.rules_for_sources,
        anywhere: options.rules_anywhere,
    };
    let resolved = crate::resolve::rules(source, format, named.as_ref(), choice, &competition)?;
    notes.extend(resolved.note);
    let (rules, rules_from) = (resolved.rules, resolved.from);
    if format != InputFormat::Data {
        // Only a season summary has a title to find its record by; other sources name theirs.
        let record = match (format, &options.record) {
            (InputFormat::Document, choice) | (_, choice @ RecordChoice::File(_)) => choice,
            _ => &RecordChoice::None,
        };
        if let Some(applied) = record::apply_choice(
            &mut competition,
            record,
            rules_from.data_folder().as_deref(),
            None,
            &mut notes,
        )? {
            notes.extend(applied.note(&source.path));
        }
    }
    // Clubs that left mid-season leave the table now, after a lent record has named them.
    for group in &mut competition.groups {
        group.strike_out();
    }
    if let Some(wanted) = options.only_group
        && let [group] = crate::model::groups_named(&competition.groups, wanted)[..]
    {
        let name = group.name.clone();
        competition.groups.retain(|g| g.name == name);
    }
    if let Some(step) = options.as_of {
        if let crate::as_of::Step::Date(_) = step {
            notes.extend(crate::as_of::doubtful_dates(&competition));
        }
        competition = crate::as_of::as_of(&competition, step)?;
        competition.as_of = Some(step);
    }
    crate::validate::competition(&competition, &rules).result(())?;
    Ok((
        Loaded {
            competition,
            rules,
            rules_from,
        },
        notes,
    ))
}

/// A competition together with the rules it is computed under.
#[derive(Debug, Clone)]
pub struct Loaded {
    /// The competition, read from a data file, a season summary, CSV or football.json.
    pub competition: Competition,
    /// The rules: those the data file names, or the ones given instead.
    pub rules: RuleSet,
    /// Where the rules came from: a rule file, or a bundled rule set.
    pub rules_from: crate::resolve::RulesFrom,
}
