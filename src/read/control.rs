//! Names and labels are text on one line. A control character in one (a line break, a tab, an
//! escape sequence) is refused where it is read, at its place, so that no name can forge a line
//! of output (`Team\n::error file=...` in a GitHub Actions log) or drive a terminal. Every
//! reader applies [`check`]; the writers escape as well (`crate::report::escape`).

use std::ops::Range;

use crate::diagnostic::{Code, Diagnostic, Source};

/// The first control character in `text`, with its byte offset.
pub fn find(text: &str) -> Option<(usize, char)> {
    text.char_indices().find(|&(_, c)| forbidden(c))
}

/// A character no name may hold: a control character, or an invisible one that changes how
/// text around it reads (a bidirectional override or isolate, a zero-width space or joiner, a
/// byte-order mark inside text), which would let two names look the same or reorder a line, or
/// a line or paragraph separator (U+2028, U+2029), which readers that split on every Unicode
/// line break would take for a new line of output.
pub fn forbidden(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{061C}'
                | '\u{200B}'..='\u{200F}'
                | '\u{2028}'..='\u{202E}'
                | '\u{2066}'..='\u{2069}'
                | '\u{FEFF}'
        )
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

/// Every string and key of a data or rule file is a name, a label or a match: the first holding
/// a control character (an escape such as `\n` or `\u001b`, a tab, a multi-line string's line
/// break) is an error at its place ([`super::control`]).
pub fn toml_strings(source: &Source) -> Result<(), Diagnostic> {
    use toml_edit::{Item, Value};
    fn value(source: &Source, v: &Value) -> Result<(), Diagnostic> {
        match v {
            Value::String(s) => check(source, s.value(), s.span().unwrap_or(0..0), "the string"),
            Value::Array(a) => a.iter().try_for_each(|v| value(source, v)),
            Value::InlineTable(t) => t.iter().try_for_each(|(k, v)| {
                let span = t.key(k).and_then(|k| k.span()).unwrap_or(0..0);
                check(source, k, span, "the key")?;
                value(source, v)
            }),
            _ => Ok(()),
        }
    }
    fn table(source: &Source, t: &toml_edit::Table) -> Result<(), Diagnostic> {
        t.iter().try_for_each(|(k, item)| {
            let span = t.key(k).and_then(|k| k.span()).unwrap_or(0..0);
            check(source, k, span, "the key")?;
            match item {
                Item::Value(v) => value(source, v),
                Item::Table(t) => table(source, t),
                Item::ArrayOfTables(a) => a.iter().try_for_each(|t| table(source, t)),
                Item::None => Ok(()),
            }
        })
    }
    if !may_hold_control_characters(source.text.as_bytes()) {
        return Ok(());
    }
    // The text parsed as TOML above; should this parser disagree, serde's reading stands.
    match toml_edit::Document::parse(&*source.text) {
        Ok(document) => table(source, document.as_table()),
        Err(_) => Ok(()),
    }
}

/// Whether any string or key of TOML `text` can hold a control character: only through a raw
/// control character other than a line break (a tab, an escape byte, U+007F, a C1 character),
/// an escape sequence (`\n`, `\t`, `\u001b`, ...) or a multi-line string. A file with none of
/// them (nearly every data file) needs no second, located reading.
fn may_hold_control_characters(text: &[u8]) -> bool {
    text.windows(2).any(|w| {
        matches!(
            w,
            [b'\\', _] | [b'"', b'"'] | [b'\'', b'\''] | [0xC2, 0x80..=0x9F]
        )
    }) || String::from_utf8_lossy(text)
        .chars()
        .any(|c| c != '\n' && c != '\r' && forbidden(c))
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
        // Line and paragraph separators: a new line to a reader that splits on them.
        assert_eq!(find("A\u{2028}note: forged"), Some((1, '\u{2028}')));
        assert_eq!(find("A\u{2029}B"), Some((1, '\u{2029}')));
    }
}

#[cfg(test)]
mod toml_tests {
    use super::may_hold_control_characters;

    #[rstest::rstest]
    #[case::plain("name = \"Group A\"\nteams = [\"Alpha\", \"Beşiktaş\"]\r\n", false)]
    #[case::escape("name = \"A\\n::error\"", true)]
    #[case::unicode_escape("name = \"A\\u001b[31m\"", true)]
    #[case::raw_tab("name = \"A\tB\"", true)]
    #[case::multi_line_string("name = \"\"\"A\nB\"\"\"", true)]
    #[case::multi_line_literal("name = '''A\nB'''", true)]
    #[case::c1_control("name = \"A\u{85}B\"", true)]
    #[case::delete("name = \"A\u{7f}B\"", true)]
    #[case::bidi_override("name = \"A\u{202e}B\"", true)]
    #[case::zero_width_space("name = \"A\u{200b}\"", true)]
    #[case::line_separator("name = \"A\u{2028}B\"", true)]
    fn a_second_reading_only_where_a_control_character_can_be(
        #[case] text: &str,
        #[case] may: bool,
    ) {
        assert_eq!(may_hold_control_characters(text.as_bytes()), may);
    }
}
