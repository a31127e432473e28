//! The command line: argument definitions and one module per subcommand.
//!
//! Exit codes: 0 all checks hold · 1 a computed fact differs from the record · 2 bad input or
//! usage.

mod check;
mod inputs;
mod table;

use std::path::PathBuf;

use clap::{Parser, Subcommand};

use crate::diagnostic::Diagnostic;
use crate::render::Format;

/// Recompute football group tables from match results under rules written in TOML, and check
/// them against the published record.
#[derive(Debug, Parser)]
#[command(name = "standings", version, about)]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Print group tables, with a line for every tiebreak applied.
    Table {
        /// Data files, or folders of them.
        #[arg(required = true)]
        data: Vec<PathBuf>,
        /// Print only this group.
        #[arg(long)]
        group: Option<String>,
        /// Use this rule file instead of the one the data names.
        #[arg(long)]
        rules: Option<PathBuf>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Compare computed tables with the recorded facts; exit 1 when any differs.
    Check {
        /// Data files, or folders of them.
        #[arg(required = true)]
        data: Vec<PathBuf>,
        /// Use this rule file instead of the one each data file names.
        #[arg(long)]
        rules: Option<PathBuf>,
    },
}

/// Why a command could not run: always exit code 2.
#[derive(Debug, thiserror::Error)]
pub enum CliError {
    /// A file with a mistake in it.
    #[error("{0}")]
    Input(#[from] Diagnostic),
    /// Arguments that name nothing usable.
    #[error("{0}")]
    Usage(String),
}

/// Runs the parsed command line; returns the exit code for a completed run.
pub fn run(cli: Cli) -> Result<u8, CliError> {
    match cli.command {
        Command::Table {
            data,
            group,
            rules,
            format,
        } => table::run(&data, group.as_deref(), rules.as_deref(), format),
        Command::Check { data, rules } => check::run(&data, rules.as_deref()),
    }
}
