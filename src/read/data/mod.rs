//! Data files: a competition's groups, matches, recorded decisions and published facts.
//!
//! [`read`] turns a data file's text into a competition and the rule file it names, reporting
//! every mistake within the file at its line and column (all of them, not the first). It never
//! looks at the rule file: resolution ([`crate::resolve`]) finds it and validation
//! ([`crate::validate`]) checks the data against it. `docs/data.md` documents the format.
//!
//! - `file`: the file's serde types and [`json_schema`];
//! - `build`: the file's types into the model's, collecting every mistake;
//! - `names`: team names (and aliases) inside a group;
//! - `write`: [`write()`], a competition back as a data file, and [`match_line`].

mod build;
mod file;
mod names;
mod write;

pub use file::json_schema;
pub use write::{match_line, write};

use crate::diagnostic::{Code, Diagnostic, Diagnostics, Source};
use crate::model::Competition;
use file::DataFile;

/// Reads data-file text: every mistake within the file is reported, all of them (up to the
/// cap). Nothing is checked against a rule file here; that is [`crate::validate`]'s job. The
/// rule file it names is returned as written, with its span, for resolution to follow.
pub fn read(source: &Source) -> Result<super::Read, Diagnostics> {
    let file = parse_file(source)?;
    let rules = file.rules.as_ref().map(|r| (r.get_ref().clone(), r.span()));
    let competition = build::build(source, file)?;
    Ok(super::Read {
        competition,
        rules,
        unplayed: 0,
    })
}

/// Parses data-file text into a competition, ignoring the rule file it names (see [`read`]).
pub fn parse(source: &Source) -> Result<Competition, Diagnostics> {
    read(source).map(|r| r.competition)
}

/// The file's text into its serde types; an empty file or a TOML mistake is one diagnostic.
fn parse_file(source: &Source) -> Result<DataFile, Diagnostic> {
    if source.text.trim().is_empty() {
        return Err(source.error_whole(
            Code::Empty,
            "the data file is empty; expected `competition`, `rules` and at least one [[group]]",
        ));
    }
    let file = toml::from_str(&source.text).map_err(|e| source.toml_error(&e))?;
    control_characters(source)?;
    Ok(file)
}

/// Every string and key of a data file is a name, a label or a match: the first holding a
/// control character (an escape such as `\n` or `\u001b`, a tab, a multi-line string's line
/// break) is an error at its place ([`super::control`]).
fn control_characters(source: &Source) -> Result<(), Diagnostic> {
    use toml_edit::{Item, Value};
    fn value(source: &Source, v: &Value) -> Result<(), Diagnostic> {
        match v {
            Value::String(s) => {
                super::control::check(source, s.value(), s.span().unwrap_or(0..0), "the string")
            }
            Value::Array(a) => a.iter().try_for_each(|v| value(source, v)),
            Value::InlineTable(t) => t.iter().try_for_each(|(k, v)| {
                let span = t.key(k).and_then(|k| k.span()).unwrap_or(0..0);
                super::control::check(source, k, span, "the key")?;
                value(source, v)
            }),
            _ => Ok(()),
        }
    }
    fn table(source: &Source, t: &toml_edit::Table) -> Result<(), Diagnostic> {
        t.iter().try_for_each(|(k, item)| {
            let span = t.key(k).and_then(|k| k.span()).unwrap_or(0..0);
            super::control::check(source, k, span, "the key")?;
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
    }) || text
        .iter()
        .any(|&b| (b < 0x20 && b != b'\n' && b != b'\r') || b == 0x7F)
}

#[cfg(test)]
mod tests {
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
    fn a_second_reading_only_where_a_control_character_can_be(
        #[case] text: &str,
        #[case] may: bool,
    ) {
        assert_eq!(may_hold_control_characters(text.as_bytes()), may);
    }
}
