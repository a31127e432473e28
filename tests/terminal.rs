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

const HIGHLIGHTED: &str = "table data/coppa-italia-2003-04.toml --group 8 --team Catania";

#[test]
fn a_terminal_shows_a_highlighted_team_in_reverse_video() {
    if let Some(out) = on_a_terminal(&[("TERM", "xterm")], HIGHLIGHTED) {
        // The margin's mark, then the row's cells in reverse video (ESC [7m ... ESC [0m).
        let row = "> \x1b[7m  2  Catania   3  2  1  0   7   1   6    0    7\x1b[0m\r\n";
        assert!(out.contains(row), "{out:?}");
    }
}

#[test]
fn without_colour_a_highlighted_team_has_the_mark_alone() {
    for env in [
        &[("TERM", "dumb")][..],
        &[("TERM", "xterm"), ("NO_COLOR", "1")],
    ] {
        if let Some(out) = on_a_terminal(env, HIGHLIGHTED) {
            let row = ">   2  Catania   3  2  1  0   7   1   6    0    7\r\n";
            assert!(out.contains(row), "{out:?}");
            assert!(!out.contains('\x1b'), "{out:?}");
        }
    }
}

/// Runs `standings ARGS` through `sh` with standard output closed (`>&-`): the exit code and
/// standard error.
fn with_stdout_closed(args: &str) -> (Option<i32>, String) {
    let out = Command::new("sh")
        .args(["-c", &format!("{BIN} {args} >&-")])
        .output()
        .expect("sh runs");
    (
        out.status.code(),
        String::from_utf8(out.stderr).expect("UTF-8 errors"),
    )
}

const CLOSED: &str = "error[E805]: cannot write the output: standard output is closed; expected it open (`> /dev/null` discards the output)\n";

#[test]
fn table_fails_when_standard_output_is_closed() {
    let (code, stderr) = with_stdout_closed(TABLE);
    assert_eq!((code, stderr.as_str()), (Some(2), CLOSED));
}

#[test]
fn import_fails_when_standard_output_is_closed() {
    let (code, stderr) = with_stdout_closed(
        "import ../shared/seeds/coppa-italia-2003-04.txt --rules rules/coppa-italia-2003-04.toml --record none",
    );
    assert_eq!((code, stderr.as_str()), (Some(2), CLOSED));
}

#[test]
fn discarding_the_output_is_not_closing_it() {
    let out = Command::new("sh")
        .args(["-c", &format!("{BIN} {TABLE} > /dev/null")])
        .output()
        .expect("sh runs");
    assert_eq!(out.status.code(), Some(0), "{out:?}");
}
