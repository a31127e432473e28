//! Colour for people at a terminal, and never for anyone else: only when standard output is a
//! terminal, `NO_COLOR` is unset or empty (<https://no-color.org>) and `TERM` is not `dumb` (a
//! terminal that understands no escape sequences, such as Emacs' shell buffers).

use std::ffi::OsStr;
use std::io::IsTerminal;

/// Whether to colour what goes to standard output.
pub fn enabled() -> bool {
    wanted(
        std::env::var_os("NO_COLOR").as_deref(),
        std::env::var_os("TERM").as_deref(),
        std::io::stdout().is_terminal(),
    )
}

/// Whether to colour, given `NO_COLOR`, `TERM` and whether standard output is a terminal.
fn wanted(no_color: Option<&OsStr>, term: Option<&OsStr>, terminal: bool) -> bool {
    no_color.is_none_or(OsStr::is_empty) && term.is_none_or(|t| t != "dumb") && terminal
}

/// The colours the text output uses.
#[derive(Debug, Clone, Copy)]
pub enum Colour {
    /// Confirmed, advancing.
    Green,
    /// Failed.
    Red,
    /// Not checked.
    Yellow,
}

/// `text` in `colour` when `on`, as it is otherwise.
pub fn paint(text: &str, colour: Colour, on: bool) -> String {
    if !on {
        return text.to_string();
    }
    let code = match colour {
        Colour::Green => 32,
        Colour::Red => 31,
        Colour::Yellow => 33,
    };
    format!("\x1b[{code}m{text}\x1b[0m")
}

/// `text` standing out (reverse video) when `on`, as it is otherwise.
pub fn highlight(text: &str, on: bool) -> String {
    if on {
        format!("\x1b[7m{text}\x1b[0m")
    } else {
        text.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rstest::rstest;

    #[rstest]
    #[case(None, Some("xterm-256color"), true, true)]
    #[case(None, None, true, true)]
    #[case(None, Some("xterm"), false, false)]
    #[case(Some("1"), Some("xterm"), true, false)]
    #[case(Some(""), Some("xterm"), true, true)]
    #[case(None, Some("dumb"), true, false)]
    fn colour_only_for_a_capable_terminal(
        #[case] no_color: Option<&str>,
        #[case] term: Option<&str>,
        #[case] terminal: bool,
        #[case] expected: bool,
    ) {
        assert_eq!(
            wanted(no_color.map(OsStr::new), term.map(OsStr::new), terminal),
            expected
        );
    }
}
