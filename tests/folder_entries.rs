//! What `check FOLDER` reads and what it skips: a data file linked from outside the folder and
//! the current directory is skipped with a note (a pull request could link `data/x.toml` to
//! `/proc/self/environ` and have its text quoted), and so is an entry whose name holds a control
//! character (it could forge a line of a CI log); the notes show such names escaped.

mod common;

use std::fs;

use common::*;
use pretty_assertions::assert_eq;
use tempfile::TempDir;

const DATA: &str = "competition = \"test\"\nrules = \"../rules/rules.toml\"\n[[group]]\nname = \"G\"\nteams = [\"Alpha\", \"Beta\"]\nmatches = [\"Alpha 1–0 Beta\"]\nrecord = { winner = \"Alpha\" }\n";

const RULES: &str = "name = \"test\"\n[points]\nwin = 3\ndraw = 1\nloss = 0\n[tiebreak]\norder = [\"points\"]\n[qualification]\nadvance = 1\n";

/// A project to run in, `cwd/`: `data/good.toml` and `rules/rules.toml`.
fn project() -> TempDir {
    let dir = TempDir::new().unwrap();
    fs::create_dir_all(dir.path().join("cwd/data")).unwrap();
    fs::create_dir_all(dir.path().join("cwd/rules")).unwrap();
    fs::write(dir.path().join("cwd/data/good.toml"), DATA).unwrap();
    fs::write(dir.path().join("cwd/rules/rules.toml"), RULES).unwrap();
    dir
}

#[test]
fn a_data_file_linked_from_outside_is_skipped_and_never_quoted() {
    let dir = project();
    let secret = dir.path().join("secret.env");
    fs::write(&secret, "API_KEY = \"hunter2\"\n").unwrap();
    std::os::unix::fs::symlink(&secret, dir.path().join("cwd/data/evil.toml")).unwrap();
    let run = standings_in(&dir.path().join("cwd"), &["check", "data"]);
    assert_eq!(
        run.stderr,
        "note: data/evil.toml: a symbolic link out of the folder and the current directory, skipped\n"
    );
    assert!(!run.stdout.contains("hunter2"), "{}", run.stdout);
    assert_eq!(run.code, 0, "{}", run.stdout);
}

#[test]
fn a_data_file_linked_from_inside_the_current_directory_is_read() {
    let dir = project();
    fs::create_dir(dir.path().join("cwd/elsewhere")).unwrap();
    fs::write(dir.path().join("cwd/elsewhere/real.toml"), DATA).unwrap();
    std::os::unix::fs::symlink(
        "../elsewhere/real.toml",
        dir.path().join("cwd/data/link.toml"),
    )
    .unwrap();
    let run = standings_in(&dir.path().join("cwd"), &["check", "data"]);
    assert_eq!(run.stderr, "");
    assert_eq!(run.code, 0);
    assert_eq!(
        run.stdout.matches("winner Alpha").count(),
        2,
        "{}",
        run.stdout
    );
}

#[test]
fn an_entry_whose_name_holds_a_control_character_is_skipped_with_its_name_escaped() {
    let dir = project();
    let name = "bad\n::error title=PWNED::x\u{1b}[31m.toml";
    fs::write(dir.path().join("cwd/data").join(name), DATA).unwrap();
    let run = standings_in(
        &dir.path().join("cwd"),
        &["check", "data", "--format", "github"],
    );
    assert_eq!(
        run.stderr,
        "note: data/bad\\n::error title=PWNED::x\\u{1b}[31m.toml: a name with a control or invisible character, skipped\n"
    );
    assert!(!run.stdout.contains('\u{1b}') && !run.stdout.contains("\n::error title=PWNED"));
    assert_eq!(run.code, 0, "{}", run.stdout);
}
