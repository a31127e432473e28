//! Turning command-line paths (files or folders) into loaded competitions.

use std::path::{Path, PathBuf};

use super::CliError;
use ::standings::diagnostic::Code;
use ::standings::diagnostic::printable_message;
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
            let mut found: Vec<PathBuf> = Vec::new();
            let mut skipped: Vec<String> = Vec::new();
            for entry in entries {
                let entry = match entry {
                    Ok(entry) => entry.path(),
                    Err(e) => {
                        skipped.push(printable_message(format!(
                            "note: {}: an entry that cannot be read, skipped: {e}",
                            path.display()
                        )));
                        continue;
                    }
                };
                if let Some(why) = skipped_because(path, &entry) {
                    let shown = printable_message(entry.display().to_string());
                    skipped.push(format!("note: {shown}: {why}, skipped"));
                } else if entry.extension().is_some_and(|x| x == "toml") {
                    found.push(entry);
                }
            }
            skipped.sort();
            for note in &skipped {
                eprintln!("{note}");
            }
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

/// Why a folder's entry is not read, when it could have been a data file: a subfolder
/// (folders are not searched), a link to nothing, something that is not a file, a name with a
/// control or invisible character (it could forge a line of a CI log), or a symbolic link out of
/// the folder and the current directory (a pull request could link `data/x.toml` to
/// `/proc/self/environ` and have its text quoted). Other files that are not `.toml` are passed
/// over without a note.
fn skipped_because(folder: &Path, entry: &Path) -> Option<&'static str> {
    let name = entry.file_name().map(|n| n.to_string_lossy());
    if name.is_some_and(|n| n.chars().any(::standings::read::control::forbidden)) {
        return Some("a name with a control or invisible character");
    }
    match std::fs::metadata(entry) {
        Ok(m) if m.is_dir() => Some("a folder (folders inside folders are not read)"),
        Ok(m) if m.is_file() && entry.is_symlink() && !links_inside(folder, entry) => {
            Some("a symbolic link out of the folder and the current directory")
        }
        Ok(m) if m.is_file() => None,
        Ok(_) => Some("not a regular file"),
        Err(_) if entry.is_symlink() => Some("a symbolic link to nothing"),
        Err(_) => Some("cannot be read"),
    }
}

/// Whether the link `entry` leads to a file inside `folder` or the current directory.
fn links_inside(folder: &Path, entry: &Path) -> bool {
    let Ok(target) = entry.canonicalize() else {
        return false;
    };
    let roots = [
        folder.canonicalize().ok(),
        std::env::current_dir().and_then(|d| d.canonicalize()).ok(),
    ];
    roots
        .into_iter()
        .flatten()
        .any(|root| target.starts_with(root))
}

/// Loads every input the command line names.
pub fn load(inputs: &super::Inputs) -> Result<Vec<Loaded>, CliError> {
    load_only(inputs, None)
}

/// Loads every input the command line names, keeping only the group named `group` of an input
/// that has it (`table --group`: the other groups' problems do not count).
pub fn load_only(inputs: &super::Inputs, group: Option<&str>) -> Result<Vec<Loaded>, CliError> {
    load_at(inputs, group, None)
}

/// [`load_only`], each input cut at `as_of` when given (`table --until`, `--matchday`).
pub fn load_at(
    inputs: &super::Inputs,
    group: Option<&str>,
    as_of: Option<::standings::as_of::Step>,
) -> Result<Vec<Loaded>, CliError> {
    let options = LoadOptions {
        as_of,
        ..options(inputs, group)
    };
    load_all(&inputs.data, &options)
}

/// [`load_only`], keeping every match's date and round (`history`; a CSV file's dates are read
/// only when asked for).
pub fn load_scheduled(
    inputs: &super::Inputs,
    group: Option<&str>,
) -> Result<Vec<Loaded>, CliError> {
    let options = LoadOptions {
        schedule: true,
        ..options(inputs, group)
    };
    load_all(&inputs.data, &options)
}

/// How the command line's inputs are read: `group` alone when an input has it.
fn options<'a>(inputs: &'a super::Inputs, group: Option<&'a str>) -> LoadOptions<'a> {
    LoadOptions {
        only_group: group,
        format: inputs.input_format,
        rules: inputs.rules.as_deref(),
        rules_for_sources: None,
        record: inputs.record.clone().unwrap_or_default(),
        rules_anywhere: inputs.allow_rules_anywhere,
        ..LoadOptions::default()
    }
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
