//! Helpers shared by the integration tests: run the real binary, copy the bundled files to a
//! place a test may edit, find lines in files.
#![allow(dead_code)] // each test file uses a different subset

use std::fs;
use std::path::Path;

use assert_cmd::Command;
use tempfile::TempDir;

/// What a run of the binary printed, and its exit code.
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

/// Runs `standings` with `args`.
pub fn standings(args: &[&str]) -> Run {
    standings_with_input(args, None)
}

/// Runs `standings` with `args` in the folder `dir` (a copied project: a data file's `rules`
/// may point anywhere in the current directory, as in `data/x.toml` naming `../rules/x.toml`).
pub fn standings_in(dir: &Path, args: &[&str]) -> Run {
    run(args, None, Some(dir))
}

/// Runs `standings` with `args`, feeding `stdin` when given.
pub fn standings_with_input(args: &[&str], stdin: Option<&[u8]>) -> Run {
    run(args, stdin, None)
}

fn run(args: &[&str], stdin: Option<&[u8]>, dir: Option<&Path>) -> Run {
    let mut cmd = Command::cargo_bin("standings").unwrap();
    cmd.args(args);
    if let Some(dir) = dir {
        cmd.current_dir(dir);
    }
    if let Some(input) = stdin {
        cmd.write_stdin(input.to_vec());
    }
    let out = cmd.output().unwrap();
    Run {
        code: out.status.code().unwrap(),
        stdout: String::from_utf8(out.stdout).unwrap(),
        stderr: String::from_utf8(out.stderr).unwrap(),
    }
}

/// A copy of the bundled `data/` and `rules/` in a temporary folder, so a test can edit them.
pub fn copy_project() -> TempDir {
    let dir = TempDir::new().unwrap();
    for sub in ["data", "rules"] {
        fs::create_dir(dir.path().join(sub)).unwrap();
        for entry in fs::read_dir(sub).unwrap() {
            let path = entry.unwrap().path();
            fs::copy(&path, dir.path().join(sub).join(path.file_name().unwrap())).unwrap();
        }
    }
    dir
}

/// Replaces the first `from` in a file with `to`; the file must hold `from`.
pub fn edit(path: &Path, from: &str, to: &str) {
    let text = fs::read_to_string(path).unwrap();
    assert!(text.contains(from), "{from:?} not in {}", path.display());
    fs::write(path, text.replacen(from, to, 1)).unwrap();
}

/// The 1-based line of the first occurrence of `needle` in a file.
pub fn line_of(path: &Path, needle: &str) -> usize {
    let text = fs::read_to_string(path).unwrap();
    text.lines().position(|l| l.contains(needle)).unwrap() + 1
}

/// A path as `&str`, for argument lists.
pub fn path_str(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// A copy of the bundled files in which 2003–04 Group 2's recorded winner is changed from
/// Cesena (the computed winner) to Genoa; returns the folder and the edited data file.
pub fn project_with_a_changed_winner() -> (TempDir, std::path::PathBuf) {
    let dir = copy_project();
    let data = dir.path().join("data/coppa-italia-2003-04.toml");
    edit(
        &data,
        "record = { winner = \"Cesena\" }",
        "record = { winner = \"Genoa\" }",
    );
    (dir, data)
}

/// `standings compare DATA --rules A --rules B`.
pub fn compare(data: &str, a: &str, b: &str) -> Run {
    standings(&["compare", data, "--rules", a, "--rules", b])
}

/// The first diagnostic on standard error as one line, `error: PATH:LINE:COLUMN: message`
/// (`error: message` when it points at no file), whatever its code: from the rendered
/// `error[E206]: message` and the `--> PATH:LINE:COLUMN` line under it.
#[allow(dead_code)]
pub fn first_error(stderr: &str) -> String {
    let mut lines = stderr.lines();
    let head = lines.next().unwrap_or_default();
    let message = head
        .strip_prefix("error[")
        .and_then(|rest| rest.split_once("]: "))
        .map_or(head, |(_, m)| m);
    match lines.next().map(str::trim_start) {
        Some(place) if place.starts_with("--> ") => {
            format!("error: {}: {message}", &place[4..])
        }
        _ => format!("error: {message}"),
    }
}

/// A computed table's order as names, teams level on every criterion joined with `=`.
pub fn order(table: &standings::compute::standings::GroupTable<'_>) -> Vec<String> {
    table
        .ordering
        .tiers
        .iter()
        .map(|t| {
            t.teams
                .iter()
                .map(|&x| table.name(x))
                .collect::<Vec<_>>()
                .join("=")
        })
        .collect()
}
