//! What the binary does with its standard output: colour only for a terminal that shows it
//! (`TERM=dumb` and `NO_COLOR` turn it off), and a loud failure, never a silent exit 0, when
//! standard output is closed (`standings table ... >&-`).

use std::path::Path;
use std::process::Command;

const BIN: &str = env!("CARGO_BIN_EXE_standings");

/// Runs `standings ARGS` on a pseudo-terminal (util-linux `script`) with `env` set, and returns
/// what it printed; `None` where `script` is not installed.
fn on_a_terminal(env: &[(&str, &str)], args: &str) -> Option<String> {
    if !Path::new("/usr/bin/script").exists() {
        eprintln!("skipped: /usr/bin/script is not installed");
        return None;
    }
    let mut command = Command::new("/usr/bin/script");
    command
        .args(["-qec", &format!("{BIN} {args}"), "/dev/null"])
        .env_remove("NO_COLOR")
        .env_remove("TERM");
    for (key, value) in env {
        command.env(key, value);
    }
    let out = command.output().expect("script runs");
    assert!(out.status.success(), "{out:?}");
    Some(String::from_utf8(out.stdout).expect("UTF-8 output"))
}

const TABLE: &str = "table data/coppa-italia-2003-04.toml --group 'Group 1'";

#[test]
fn a_terminal_gets_colour() {
    if let Some(out) = on_a_terminal(&[("TERM", "xterm")], TABLE) {
        assert!(out.contains("\x1b[32madvances\x1b[0m"), "{out:?}");
    }
}

#[test]
fn a_dumb_terminal_gets_no_colour() {
    if let Some(out) = on_a_terminal(&[("TERM", "dumb")], TABLE) {
        assert!(out.contains("advances"), "{out:?}");
        assert!(!out.contains('\x1b'), "{out:?}");
    }
}

#[test]
fn no_color_turns_colour_off() {
    if let Some(out) = on_a_terminal(&[("TERM", "xterm"), ("NO_COLOR", "1")], TABLE) {
        assert!(out.contains("advances"), "{out:?}");
        assert!(!out.contains('\x1b'), "{out:?}");
    }
}
