//! Colour for people at a terminal, and never for anyone else: only when standard output is a
//! terminal and `NO_COLOR` is unset (<https://no-color.org>).

use std::io::IsTerminal;

/// Whether to colour what goes to standard output.
pub fn enabled() -> bool {
    std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()) && std::io::stdout().is_terminal()
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
