//! Sections of the docs generated from the code are the generated ones. When one is stale, the
//! test says so; `UPDATE_GENERATED=1 cargo test --test generated` rewrites it.

use std::fs;

use pretty_assertions::assert_eq;

/// Replaces the text between the line `begin` and the line `end` of the file at `path` with
/// `generated`, or (unless `UPDATE_GENERATED` is set) fails when it differs.
fn check_section(path: &str, begin: &str, end: &str, generated: &str) {
    let text = fs::read_to_string(path).unwrap();
    let start = text
        .find(&format!("{begin}\n"))
        .unwrap_or_else(|| panic!("{path} has no line `{begin}`"))
        + begin.len()
        + 1;
    let stop = start
        + text[start..]
            .find(&format!("{end}\n"))
            .unwrap_or_else(|| panic!("{path} has no line `{end}` after `{begin}`"));
    if text[start..stop] == *generated {
        return;
    }
    if std::env::var_os("UPDATE_GENERATED").is_some() {
        let updated = format!("{}{generated}{}", &text[..start], &text[stop..]);
        fs::write(path, updated).unwrap();
        return;
    }
    assert_eq!(
        &text[start..stop],
        generated,
        "{path} is stale between `{begin}` and `{end}`: run `UPDATE_GENERATED=1 cargo test --test generated`"
    );
}

#[test]
fn the_criteria_table_in_the_rules_docs_is_the_registrys() {
    check_section(
        "docs/rules.md",
        "<!-- criteria table: generated from src/criteria, do not edit -->",
        "<!-- end criteria table -->",
        &standings::criteria::markdown_table(),
    );
}

#[test]
fn the_error_codes_in_the_errors_docs_are_the_codes_the_program_gives() {
    check_section(
        "docs/errors.md",
        "<!-- error codes: generated from src/diagnostic/code.rs, do not edit -->",
        "<!-- end error codes -->",
        &standings::diagnostic::code::markdown_table(),
    );
}

#[test]
fn the_bundled_rule_sets_in_the_rules_docs_are_the_library_s() {
    check_section(
        "docs/rules.md",
        "<!-- bundled rule sets: generated from rules/, do not edit -->",
        "<!-- end bundled rule sets -->",
        &standings::rules::library::markdown_table(),
    );
}
