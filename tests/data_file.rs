//! The data-file module on its own: the reader reports every mistake in each section, not only
//! the first, and keeps the spans validation points at; the writer's file reads back the same.

use pretty_assertions::assert_eq;

use standings::diagnostic::Source;
use standings::read::data;

const HEAD: &str = "competition = \"test\"\n";

/// Every diagnostic reading `text` gives: its code, line and column.
fn mistakes(text: &str) -> Vec<(&'static str, usize, usize)> {
    let found = data::parse(&Source::new("test.toml", text)).expect_err("the file has mistakes");
    found
        .iter()
        .map(|d| {
            let at = d.location().expect("located");
            (d.code.as_str(), at.line, at.column)
        })
        .collect()
}

#[test]
fn a_tie_reports_each_mistake_in_its_legs() {
    // Line 5: extra time in the first of two legs; line 6: a second leg that does not reverse
    // the first.
    let text = format!(
        r#"{HEAD}[[tie]]
round = "Final"
legs = [
  "Alpha 1–0 Beta (aet)",
  "Alpha 0–2 Beta",
]
"#
    );
    assert_eq!(mistakes(&text), [("E212", 5, 20), ("E212", 6, 3)], "{text}");
}

#[test]
fn a_tie_of_three_legs_still_has_each_leg_read() {
    // The count, and the second leg's malformed score.
    let text = format!(
        r#"{HEAD}[[tie]]
round = "Final"
legs = ["Alpha 1–0 Beta", "Beta 2– Alpha", "Alpha 1–1 Beta"]
"#
    );
    assert_eq!(mistakes(&text), [("E212", 4, 8), ("E208", 4, 33)], "{text}");
}

#[test]
fn a_ranking_reports_each_mistake() {
    // Line 6: rank 1 a second time. Line 9: a recorded order naming ranks 9 and 8, neither an
    // entry (one diagnostic each), and an order of one rank.
    let text = format!(
        r#"{HEAD}[ranking]
name = "coefficients"
entries = [
  {{ rank = 1, coefficient = "10.5" }},
  {{ rank = 1, coefficient = "9.5" }},
  {{ rank = 2, coefficient = "9.5" }},
]
ties = [{{ ranks = [2, 9, 8], by = "lots" }}, {{ ranks = [2], by = "lots" }}]
"#
    );
    assert_eq!(
        mistakes(&text),
        [
            ("E205", 6, 3),
            ("E214", 9, 9),
            ("E214", 9, 9),
            ("E214", 9, 45)
        ],
        "{text}"
    );
}

#[test]
fn entrants_report_each_team_listed_twice() {
    let text = format!(
        r#"{HEAD}[[entrants]]
round = "First round"
teams = ["Alpha", "Beta", "Gamma"]

[[entrants]]
round = "Second round"
teams = ["Beta", "Delta", "Alpha"]
"#
    );
    assert_eq!(
        mistakes(&text),
        [("E205", 8, 10), ("E205", 8, 27)],
        "{text}"
    );
}

#[test]
fn mistakes_in_every_section_are_all_reported() {
    // The final's aggregate; a forfeited first leg (whose teams the second leg is still
    // compared with); a rank listed twice; a team entering twice.
    let text = format!(
        r#"{HEAD}[record]
final = {{ winner = "Alpha", aggregate = "1–3" }}

[[tie]]
round = "Final"
legs = ["Alpha v Beta (forfeit: Alpha)", "Alpha 1–0 Beta"]

[ranking]
name = "coefficients"
entries = [{{ rank = 1, coefficient = "1" }}, {{ rank = 1, coefficient = "1" }}]

[[entrants]]
round = "First round"
teams = ["Alpha", "Alpha"]
"#
    );
    assert_eq!(
        mistakes(&text),
        [
            ("E213", 3, 41),
            ("E212", 7, 9),
            ("E212", 7, 42),
            ("E205", 11, 45),
            ("E205", 15, 19),
        ],
        "{text}"
    );
}

#[test]
fn the_model_keeps_where_a_ties_first_leg_and_an_entrant_rounds_name_are_written() {
    // A tie whose first leg has one team twice reads (validation rejects it, pointing at the
    // first leg); an entrant list's round is checked against the rules there too, at its name.
    let text = format!(
        r#"{HEAD}[[tie]]
round = "Final"
legs = ["Alpha 1–0 Alpha", "Alpha 0–0 Alpha"]

[[entrants]]
round = "First round"
teams = ["Alpha", "Beta"]
"#
    );
    let competition = data::parse(&Source::new("test.toml", text.as_str())).unwrap();
    let tie = &competition.ties[0];
    assert_eq!(tie.teams, ["Alpha", "Alpha"]);
    assert_eq!(&text[tie.spans.first_leg.clone()], "\"Alpha 1–0 Alpha\"");
    let entrants = &competition.entrants[0];
    assert_eq!(&text[entrants.spans.round.clone()], "\"First round\"");
}

#[test]
fn names_with_both_quotes_or_a_backslash_are_written_as_keys_that_read_back() {
    // (A name with a line break is refused on reading: `a_line_break_in_a_name_is_refused`.)
    let text = r#"competition = "test"
[[group]]
name = "G"
teams = ["O'Neil \"Q\"", "Back\\slash", "Gamma"]
aliases = { "Al'ias \"x\"" = { is = "Gamma", why = "a misprint" } }
matches = ["O'Neil \"Q\" 1–0 Gamma", "Al'ias \"x\" 2–2 O'Neil \"Q\""]
cards = { "O'Neil \"Q\"" = { yellow = 1 } }
coefficients = { "Back\\slash" = "1.5" }
"#;
    let competition = data::parse(&Source::new("test.toml", text)).unwrap();
    let written = data::write(&competition, "a header\n\nover three lines", None);
    let back = data::parse(&Source::new("back.toml", written.as_str()))
        .unwrap_or_else(|d| panic!("{d}\n{written}"));
    assert_eq!(back, competition, "{written}");
    assert!(
        written.starts_with("# a header\n#\n# over three lines\ncompetition = \"test\"\n"),
        "{written}"
    );
    // One match per line, whatever quoting a name needs.
    assert!(
        written.contains(
            "matches = [\n  \"\"\"O'Neil \"Q\" 1–0 Gamma\"\"\",\n  \"\"\"Gamma 2–2 O'Neil \"Q\"\"\"\",\n]\n"
        ),
        "{written}"
    );
}

#[test]
fn a_line_break_in_a_name_is_refused() {
    // A key is a name too (cards, coefficients, aliases): refused at the key.
    let text = "competition = \"test\"\n[[group]]\nname = \"G\"\nteams = [\"A\", \"B\"]\ncoefficients = { \"A\\n::error x\" = \"1.5\" }\n";
    let diagnostics = data::parse(&Source::new("test.toml", text)).unwrap_err();
    let d = diagnostics.iter().next().expect("one diagnostic");
    assert_eq!(d.code.as_str(), "E218");
    assert_eq!(&text[d.labels[0].span.clone()], "\"A\\n::error x\"");
}
