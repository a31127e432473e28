//! Turning command-line paths (files or folders) into loaded competitions.

use std::path::PathBuf;

use super::CliError;
use ::standings::diagnostic::Code;
use ::standings::read::{self, LoadOptions, Loaded};

/// Expands folders into the `.toml` files they hold (sorted, so output order is stable).
pub fn expand(paths: &[PathBuf]) -> Result<Vec<PathBuf>, CliError> {
    let mut files = Vec::new();
    for path in paths {
        if path.is_dir() {
            let entries = std::fs::read_dir(path).map_err(|e| {
                CliError::diagnostic(
                    Code::CannotRead,
                    format!("{}: cannot read the folder: {e}", path.display()),
                )
            })?;
            let mut found: Vec<PathBuf> = entries
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.is_file() && p.extension().is_some_and(|x| x == "toml"))
                .collect();
            if found.is_empty() {
                return Err(CliError::diagnostic(
                    Code::EmptyFolder,
                    format!("{}: the folder holds no .toml data files", path.display()),
                ));
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
    let options = LoadOptions {
        format: inputs.input_format,
        rules: inputs.rules.as_deref(),
        rules_for_sources: None,
        record: inputs.record.clone().unwrap_or_default(),
        rules_anywhere: inputs.allow_rules_anywhere,
    };
    load_all(&inputs.data, &options)
}

/// Loads every input named by `paths`, printing the notes loading gives (what a record changed)
/// on standard error.
pub fn load_all(paths: &[PathBuf], options: &LoadOptions<'_>) -> Result<Vec<Loaded>, CliError> {
    let mut all = Vec::new();
    for path in expand(paths)? {
        let (loaded, notes) = read::load_with(&path, options)?;
        for note in notes {
            eprintln!("{note}");
        }
        all.push(loaded);
    }
    Ok(all)
}
