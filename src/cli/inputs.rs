//! Turning command-line paths (files or folders) into loaded competitions.

use std::path::{Path, PathBuf};

use super::CliError;
use crate::sources::{self, InputFormat, Loaded};

/// Expands folders into the `.toml` files they hold (sorted, so output order is stable).
pub fn expand(paths: &[PathBuf]) -> Result<Vec<PathBuf>, CliError> {
    let mut files = Vec::new();
    for path in paths {
        if path.is_dir() {
            let entries = std::fs::read_dir(path).map_err(|e| {
                CliError::Usage(format!("{}: cannot read the folder: {e}", path.display()))
            })?;
            let mut found: Vec<PathBuf> = entries
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.is_file() && p.extension().is_some_and(|x| x == "toml"))
                .collect();
            if found.is_empty() {
                return Err(CliError::Usage(format!(
                    "{}: the folder holds no .toml data files",
                    path.display()
                )));
            }
            found.sort();
            files.extend(found);
        } else {
            files.push(path.clone());
        }
    }
    Ok(files)
}

/// Loads every input the command line names.
pub fn load(inputs: &super::Inputs) -> Result<Vec<Loaded>, CliError> {
    load_all(&inputs.data, inputs.input_format, inputs.rules.as_deref())
}

/// Loads every input named by `paths`, each under its own rules or under `rules`.
pub fn load_all(
    paths: &[PathBuf],
    format: Option<InputFormat>,
    rules: Option<&Path>,
) -> Result<Vec<Loaded>, CliError> {
    expand(paths)?
        .iter()
        .map(|p| sources::load(p, format, rules).map_err(CliError::from))
        .collect()
}
