//! Where a data file's `rules = "..."` may point: inside the data file's folder or the current
//! directory (symbolic links resolved), unless `--allow-rules-anywhere`; what it names must be a
//! regular file; and a named file that is not a rule file is never quoted back.

mod common;

use std::fs;
use std::path::Path;

use common::*;
use pretty_assertions::assert_eq;
use tempfile::TempDir;

const DATA: &str = "competition = \"test\"\nrules = \"RULES\"\n[[group]]\nname = \"G\"\nteams = [\"Alpha\", \"Beta\"]\nmatches = [\"Alpha 1–0 Beta\"]\n";

const RULES: &str = "name = \"test\"\n[points]\nwin = 3\ndraw = 1\nloss = 0\n[tiebreak]\norder = [\"points\"]\n[qualification]\nadvance = 1\n";

/// A folder holding `data.toml`, whose `rules` is `rules`.
fn data_naming(rules: &str) -> (TempDir, std::path::PathBuf) {
    let dir = TempDir::new().unwrap();
    let data = dir.path().join("data.toml");
    fs::write(&data, DATA.replace("RULES", rules)).unwrap();
    (dir, data)
}

/// The code of the first diagnostic.
fn code(stderr: &str) -> &str {
    stderr
        .strip_prefix("error[")
        .and_then(|s| s.split(']').next())
        .unwrap_or(stderr)
}

#[test]
fn a_symbolic_link_out_of_the_folder_is_refused() {
    let outside = TempDir::new().unwrap();
    fs::write(outside.path().join("rules.toml"), RULES).unwrap();
    let (dir, _) = data_naming("link.toml");
    std::os::unix::fs::symlink(
        outside.path().join("rules.toml"),
        dir.path().join("link.toml"),
    )
    .unwrap();
    // Run in the data file's folder: the link is inside it, its target is not.
    let run = standings_in(dir.path(), &["check", "data.toml"]);
    assert_eq!(run.code, 2);
    assert_eq!(code(&run.stderr), "E217", "{}", run.stderr);
    let allowed = standings_in(
        dir.path(),
        &["check", "data.toml", "--allow-rules-anywhere"],
    );
    assert_eq!(allowed.code, 0, "{}", allowed.stderr);
}

#[test]
fn a_link_inside_the_folder_is_followed() {
    let (dir, data) = data_naming("link.toml");
    fs::create_dir(dir.path().join("rules")).unwrap();
    fs::write(dir.path().join("rules/real.toml"), RULES).unwrap();
    std::os::unix::fs::symlink("rules/real.toml", dir.path().join("link.toml")).unwrap();
    let run = standings_in(Path::new("/"), &["check", path_str(&data)]);
    assert_eq!(run.code, 0, "{}", run.stderr);
}

#[test]
fn a_fifo_is_not_a_regular_file_and_is_not_opened() {
    let (dir, _) = data_naming("pipe.toml");
    let made = std::process::Command::new("mkfifo")
        .arg(dir.path().join("pipe.toml"))
        .status();
    if !made.is_ok_and(|s| s.success()) {
        eprintln!("skipped: mkfifo is not available");
        return;
    }
    // Opening a FIFO with no writer would block: refused before it is opened.
    let run = standings_in(dir.path(), &["check", "data.toml"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.starts_with(
            "error[E216]: the rule file pipe.toml is not a regular file (a device, a FIFO or a socket)"
        ),
        "{}",
        run.stderr
    );
}

#[test]
fn the_environment_followed_with_the_flag_is_never_quoted() {
    let (dir, _) = data_naming("/proc/self/environ");
    if !Path::new("/proc/self/environ").exists() {
        eprintln!("skipped: no /proc/self/environ");
        return;
    }
    let refused = standings_in(dir.path(), &["check", "data.toml"]);
    assert_eq!(code(&refused.stderr), "E217", "{}", refused.stderr);
    // /proc files are regular files of size 0 whose reading gives text: followed with the
    // flag, it is read, does not parse, and is located but not shown.
    let mut cmd = assert_cmd::Command::cargo_bin("standings").unwrap();
    let out = cmd
        .current_dir(dir.path())
        .env("STANDINGS_TEST_SECRET", "hunter2-do-not-print")
        .args(["check", "data.toml", "--allow-rules-anywhere"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(!stderr.contains("hunter2"), "{stderr}");
    assert!(
        stderr.contains("the rule file /proc/self/environ does not read as a rule file"),
        "{stderr}"
    );
    assert!(
        stderr.contains("= note: the text of /proc/self/environ is not shown"),
        "{stderr}"
    );
}
