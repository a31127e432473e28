//! The command line: argument definitions and one module per subcommand.
//!
//! Exit codes: 0 all checks hold · 1 a computed fact differs from the record · 2 bad input or
//! usage.

mod check;
mod compare;
mod formats;
mod history;
mod import;
mod inputs;
mod knockout;
mod rules;
mod runin;
mod scenarios;
mod simulate;
mod table;

use std::path::PathBuf;

use clap::{Parser, Subcommand};

use ::standings::diagnostic::{Code, Diagnostic, Diagnostics};
use ::standings::read::{InputFormat, RecordChoice};

/// Recompute football group tables from match results under rules written in TOML, and check
/// them against the published record.
#[derive(Debug, Parser)]
#[command(name = "standings", version, about)]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
    /// How errors are printed on standard error: for people, or one JSON object per line
    /// (documented in docs/errors.md).
    #[arg(long, value_enum, global = true, default_value_t = MessageFormat::Human)]
    pub message_format: MessageFormat,
}

/// How `standings` prints diagnostics.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum MessageFormat {
    /// `error[E206]: …` with the file, line and column and the line underlined.
    Human,
    /// One JSON object per diagnostic, one per line.
    Json,
}

/// The inputs every reading command takes.
#[derive(Debug, clap::Args)]
pub struct Inputs {
    /// Data files or season summaries (`-` for standard input), or folders of data files.
    #[arg(required = true)]
    pub data: Vec<PathBuf>,
    /// The kind of input; recognised from the content when left out.
    #[arg(long, value_parser = formats::input())]
    pub input_format: Option<InputFormat>,
    /// Use this rule file, or the bundled rule set of this name (`standings rules` lists them;
    /// an existing file wins), instead of the one each data file names. Required for a season
    /// summary; a CSV or football.json league without it is read under the bundled league
    /// default, `league`.
    #[arg(long, value_name = "NAME|FILE")]
    pub rules: Option<PathBuf>,
    /// For a season summary (or CSV, JSON): the data file whose team names and recorded
    /// decisions to apply, or `none` for the source alone. By default, the data file in the
    /// project's `data/` folder that records the same competition, if any.
    #[arg(long, value_name = "DATA_FILE|none")]
    pub record: Option<RecordChoice>,
    /// Follow a data file's `rules = "..."` wherever it points. By default it must point
    /// inside the data file's folder or the current directory, so that a data file cannot make
    /// standings read other files.
    #[arg(long)]
    pub allow_rules_anywhere: bool,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Print group tables, with a line for every tiebreak applied.
    Table {
        #[command(flatten)]
        inputs: Inputs,
        /// Print only this group: its name, in any case, or its letter or number (`H`, `8`).
        #[arg(long)]
        group: Option<String>,
        /// Output format.
        #[arg(long, default_value = "text", value_parser = formats::table())]
        format: &'static ::standings::report::table::Format,
        /// For every pair of adjacent teams, name the criterion that separated them, with both
        /// values, and every criterion before it.
        #[arg(long)]
        explain: bool,
        /// Highlight this team's row wherever it appears (text: `>` in a margin, and reverse
        /// video on a terminal; Markdown: bold; wikitext: `showteam`): its name or an alias, in
        /// any case.
        #[arg(long)]
        team: Option<String>,
        #[command(flatten)]
        as_of: table::AsOf,
    },
    /// Compare computed tables with the recorded facts; exit 1 when any differs.
    Check {
        #[command(flatten)]
        inputs: Inputs,
        /// Also exit 1 when a recorded fact cannot be computed from the data ("not checked"), or
        /// when no recorded fact was checked at all.
        #[arg(long)]
        strict: bool,
        /// How to report: text, GitHub Actions annotations, or a JUnit XML report.
        #[arg(long, default_value = "text", value_parser = formats::check())]
        format: &'static ::standings::report::check::Format,
    },
    /// Every group's order under two rule sets, side by side, and what changes; exit 0 either way.
    Compare {
        /// Data files or season summaries, or folders of data files.
        #[arg(required = true)]
        data: Vec<PathBuf>,
        /// The kind of input; recognised from the content when left out.
        #[arg(long, value_parser = formats::input())]
        input_format: Option<InputFormat>,
        /// The two rule sets, each a rule file or a bundled rule set's name: `--rules A
        /// --rules B`. A season summary is read under A.
        #[arg(long, required = true, num_args = 1, value_name = "NAME|FILE")]
        rules: Vec<PathBuf>,
        /// For a season summary: the data file whose names and decisions to apply, or `none`.
        #[arg(long, value_name = "DATA_FILE|none")]
        record: Option<RecordChoice>,
        /// Follow a data file's `rules = "..."` wherever it points. By default it must point
        /// inside the data file's folder or the current directory, so that a data file cannot make
        /// standings read other files.
        #[arg(long)]
        allow_rules_anywhere: bool,
    },
    /// What each team needs from the fixtures still to play: every combination of results,
    /// who goes through under each, and where the score decides, the exact condition.
    Scenarios {
        #[command(flatten)]
        inputs: Inputs,
        /// Only this group: its name, in any case, or its letter or number (`H`, `8`).
        #[arg(long)]
        group: Option<String>,
        /// Only this team's outlook and verdicts: its name or an alias, in any case.
        #[arg(long)]
        team: Option<String>,
        /// Output format.
        #[arg(long, value_enum, default_value = "text")]
        format: scenarios::ScenarioFormat,
    },
    /// Play many random groups under one or two rule sets and report what decided them.
    Simulate(simulate::SimulateArgs),
    /// Show knockout ties: the legs, who went through, and why.
    Tie {
        #[command(flatten)]
        inputs: Inputs,
    },
    /// Show the rounds the rules describe (teams and matches per round) and ranking places.
    Rounds {
        #[command(flatten)]
        inputs: Inputs,
    },
    /// List the rule sets built in (name, kind, description, regulation), or print one with
    /// `rules show NAME`.
    Rules(rules::RulesArgs),
    /// Show every team's place after each round (or day), as a grid, CSV, JSON or an SVG bump
    /// chart.
    History {
        #[command(flatten)]
        inputs: Inputs,
        /// Follow only this group: its name, in any case, or its letter or number (`H`, `8`).
        #[arg(long)]
        group: Option<String>,
        /// Output format.
        #[arg(long, default_value = "text", value_parser = formats::history())]
        format: &'static ::standings::report::history::Format,
        /// Write here instead of standard output (an SVG is meant for a file).
        #[arg(long, short)]
        output: Option<PathBuf>,
    },
    /// For a league with fixtures left: each team's best and worst possible place, and what it
    /// has clinched (the title, a qualifying place, safety).
    RunIn {
        #[command(flatten)]
        inputs: Inputs,
        /// Only this group: its name, in any case, or its letter or number.
        #[arg(long)]
        group: Option<String>,
        /// Relegation places at the bottom, instead of the rule file's
        /// `qualification.relegated`.
        #[arg(long, value_name = "N")]
        relegated: Option<usize>,
        /// Output format.
        #[arg(long, value_enum, default_value = "text")]
        format: runin::RunInFormat,
    },
    /// Print a shell completion script (bash, zsh, fish, elvish, powershell).
    Completions {
        /// The shell.
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff), for `man -l -`.
    Man,
    /// Print the JSON Schema of rule files, data files, or the JSON `table`, `history`,
    /// `scenarios` or `run-in` prints (as in `schemas/`).
    Schema {
        /// Which files.
        #[arg(value_enum)]
        kind: SchemaKind,
    },
    /// Turn a season summary, football-data CSV or football.json file into a data file
    /// (written to standard output or --output).
    Import {
        /// The season summary, football-data CSV or football.json file (`-` for standard input).
        document: PathBuf,
        /// The rule file (or bundled rule set's name) the data file will name; forfeit scores
        /// are checked against it. A CSV or football.json league without it gets the bundled
        /// league default, `league`.
        #[arg(long, value_name = "NAME|FILE")]
        rules: Option<PathBuf>,
        /// Write here instead of standard output.
        #[arg(long, short)]
        output: Option<PathBuf>,
        /// The data file whose team names and recorded decisions to write in too, or `none`.
        /// By default, the data file in the rule file's project that records the same
        /// competition (never the file being written).
        #[arg(long, value_name = "DATA_FILE|none")]
        record: Option<RecordChoice>,
    },
}

/// Whether standard output was closed when the program started (set before `main`, see
/// `note_closed_stdout` in main.rs).
pub(crate) static STDOUT_CLOSED: std::sync::atomic::AtomicBool =
    std::sync::atomic::AtomicBool::new(false);

/// Writes a command's output to standard output. A reader that stops early (`| head`) is not
/// an error: the rest is simply not written. A standard output that was closed (`>&-`) is.
pub(crate) fn output(text: &str) -> Result<(), CliError> {
    use std::io::Write;
    if STDOUT_CLOSED.load(std::sync::atomic::Ordering::Relaxed) {
        return Err(CliError::diagnostic(
            Code::CannotWrite,
            "cannot write the output: standard output is closed; expected it open \
             (`> /dev/null` discards the output)",
        ));
    }
    let mut stdout = std::io::stdout().lock();
    match stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
    {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(CliError::diagnostic(
            Code::CannotWrite,
            format!("cannot write the output: {e}"),
        )),
        _ => Ok(()),
    }
}

/// Writes a command's output to the file `--output` names, else to standard output
/// ([`output`]).
pub(crate) fn output_to(path: Option<&std::path::Path>, text: &str) -> Result<(), CliError> {
    match path {
        Some(path) => std::fs::write(path, text).map_err(|e| {
            CliError::diagnostic(
                Code::CannotWrite,
                format!("{}: cannot write: {e}", path.display()),
            )
        }),
        None => output(text),
    }
}

/// The files a JSON Schema describes.
#[derive(Debug, Clone, Copy, clap::ValueEnum)]
enum SchemaKind {
    /// Rule files (`rules/*.toml`).
    Rules,
    /// Data files (`data/*.toml`).
    Data,
    /// The output of `table --format json`.
    Table,
    /// The output of `history --format json`.
    History,
    /// The output of `scenarios --format json`.
    Scenarios,
    /// The output of `run-in --format json`.
    Runin,
}

/// Why a command could not run: always exit code 2.
#[derive(Debug, thiserror::Error)]
pub enum CliError {
    /// Files with mistakes in them: every mistake found.
    #[error("{0}")]
    Input(#[from] Diagnostics),
    /// Arguments that name nothing usable.
    #[error("{0}")]
    Usage(String),
}

impl From<Diagnostic> for CliError {
    fn from(diagnostic: Diagnostic) -> CliError {
        CliError::Input(diagnostic.into())
    }
}

impl CliError {
    /// A mistake of the command line's own, with its code.
    pub fn diagnostic(code: Code, message: impl Into<String>) -> CliError {
        CliError::Input(Diagnostic::new(code, message).into())
    }

    /// The error as diagnostics, for printing.
    pub fn into_diagnostics(self) -> Diagnostics {
        match self {
            CliError::Input(d) => d,
            CliError::Usage(message) => Diagnostic::new(Code::Arguments, message).into(),
        }
    }
}

/// Prints diagnostics on standard error in the chosen format.
pub fn report_errors(diagnostics: &Diagnostics, format: MessageFormat) {
    match format {
        MessageFormat::Human => eprintln!("{diagnostics}"),
        MessageFormat::Json => {
            for d in diagnostics.iter() {
                eprintln!("{}", d.to_json());
            }
            if diagnostics.omitted() > 0 {
                eprintln!(
                    "{}",
                    serde_json::json!({
                        "severity": "note",
                        "code": null,
                        "message": format!("{} more error(s) not shown", diagnostics.omitted()),
                        "labels": [],
                    })
                );
            }
        }
    }
}

/// Runs the parsed command line; returns the exit code for a completed run.
pub fn run(cli: Cli) -> Result<u8, CliError> {
    match cli.command {
        Command::Table {
            inputs,
            group,
            format,
            explain,
            team,
            as_of,
        } => table::run(
            &inputs,
            group.as_deref(),
            format,
            explain,
            team.as_deref(),
            as_of.step(),
        ),
        Command::Check {
            inputs,
            strict,
            format,
        } => check::run(&inputs, strict, format),
        Command::Compare {
            data,
            input_format,
            rules,
            record,
            allow_rules_anywhere,
        } => compare::run(
            &data,
            input_format,
            &rules,
            record.unwrap_or_default(),
            allow_rules_anywhere,
        ),
        Command::Scenarios {
            inputs,
            group,
            team,
            format,
        } => scenarios::run(&inputs, group.as_deref(), team.as_deref(), format),
        Command::Simulate(args) => simulate::run(&args),
        Command::RunIn {
            inputs,
            group,
            relegated,
            format,
        } => runin::run(&inputs, group.as_deref(), relegated, format),
        Command::Rules(args) => rules::run(&args),
        Command::Tie { inputs } => knockout::ties(&inputs),
        Command::Rounds { inputs } => knockout::rounds(&inputs),
        Command::History {
            inputs,
            group,
            format,
            output,
        } => history::run(&inputs, group.as_deref(), format, output.as_deref()),
        Command::Completions { shell } => {
            let mut command = <Cli as clap::CommandFactory>::command();
            let mut script = Vec::new();
            clap_complete::generate(shell, &mut command, "standings", &mut script);
            output(&String::from_utf8_lossy(&script))?;
            Ok(0)
        }
        Command::Schema { kind } => {
            let schema = match kind {
                SchemaKind::Rules => ::standings::rules::json_schema(),
                SchemaKind::Data => ::standings::read::data::json_schema(),
                SchemaKind::Table => ::standings::report::table::json::json_schema(),
                SchemaKind::History => ::standings::report::history::json::json_schema(),
                SchemaKind::Scenarios => ::standings::report::scenarios::json::json_schema(),
                SchemaKind::Runin => ::standings::report::runin::json::json_schema(),
            };
            let text = serde_json::to_string_pretty(&schema).expect("a schema is JSON");
            output(&(text + "\n"))?;
            Ok(0)
        }
        Command::Man => {
            let command = <Cli as clap::CommandFactory>::command();
            let mut page = Vec::new();
            clap_mangen::Man::new(command)
                .render(&mut page)
                .map_err(|e| CliError::Usage(format!("cannot write the manual page: {e}")))?;
            output(&String::from_utf8_lossy(&page))?;
            Ok(0)
        }
        Command::Import {
            document,
            rules,
            output,
            record,
        } => import::run(
            &document,
            rules.as_deref(),
            output.as_deref(),
            &record.unwrap_or_default(),
        ),
    }
}
