//! Names and labels are text on one line. A control character in one (a line break, a tab, an
//! escape sequence) is refused where it is read, at its place, so that no name can forge a line
//! of output (`Team\n::error file=...` in a GitHub Actions log) or drive a terminal. Every
//! reader applies [`check`]; the writers escape as well (`crate::report::escape`).

use std::ops::Range;

use crate::diagnostic::{Code, Diagnostic, Source};

/// The first control character in `text`, with its byte offset.
pub fn find(text: &str) -> Option<(usize, char)> {
    text.char_indices().find(|(_, c)| c.is_control())
}

/// An error when `text` (a name or label, `what`, written at `at` in `source`) holds a control
/// character. The text itself is not quoted: only the character's code.
pub fn check(source: &Source, text: &str, at: Range<usize>, what: &str) -> Result<(), Diagnostic> {
    match find(text) {
        None => Ok(()),
        Some((_, c)) => Err(error(source, c, at, what)),
    }
}

/// The error for control character `c` found at `at`.
pub fn error(source: &Source, c: char, at: Range<usize>, what: &str) -> Diagnostic {
    source.error(
        Code::ControlCharacter,
        at,
        format!(
            "{what} holds a control character (U+{:04X}); expected printable text on one line",
            u32::from(c)
        ),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_line_breaks_escapes_and_tabs_but_not_other_text() {
        assert_eq!(find("Hellas Verona"), None);
        assert_eq!(find("Ünïcødé – 2–1 · ok"), None);
        assert_eq!(find("A\n::error"), Some((1, '\n')));
        assert_eq!(find("A\u{1b}[31m"), Some((1, '\u{1b}')));
        assert_eq!(find("A\tB"), Some((1, '\t')));
    }
}
