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
fn a_published_table_reports_each_mistake() {
    // Group A: a row of its team alone (line 6), position 0 (line 7), a team not in the group
    // (line 8, at the name). Group B: a table without Beta, which is no mistake (a record may
    // state some places only). Group C: Alpha twice (at the second).
    let text = format!(
        r#"{HEAD}[[group]]
name = "A"
teams = ["Alpha", "Beta", "Gamma"]
record = {{ table = [
  {{ team = "Alpha" }},
  {{ team = "Beta", position = 0 }},
  {{ team = "Gamme", points = 1 }},
] }}
[[group]]
name = "B"
teams = ["Alpha", "Beta"]
record = {{ table = [{{ team = "Alpha", points = 3 }}] }}
[[group]]
name = "C"
teams = ["Alpha", "Beta"]
record = {{ table = [{{ team = "Alpha", points = 3 }}, {{ team = "Alpha", points = 0 }}] }}
"#
    );
    assert_eq!(
        mistakes(&text),
        [
            ("E008", 6, 3),
            ("E007", 7, 3),
            ("E206", 8, 12),
            ("E205", 17, 62),
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
fn every_fact_of_the_record_is_read_at_its_line_and_written_back() {
    let text = format!(
        r#"{HEAD}[record]
teams = 48
matches = 47
goals = 130
champions = "Alpha"
runner_up = "Beta"
final = {{ winner = "Alpha", aggregate = "4–2" }}
fair_play = 1
schedule = ["First round", "Final"]
access = [{{ round = "Final", teams = 2 }}]

[record.transfers]
"Cup B" = 8

[[group]]
name = "Group A"
teams = ["Alpha", "Beta"]
matches = ["Alpha 1–0 Beta"]
record = {{ winner = "Alpha",
  order = ["Alpha", "Beta"],
  table = [
    {{ team = "Alpha", position = 1, played = 1, won = 1, drawn = 0, lost = 0, goals_for = 1, goals_against = 0, points = 3 }},
    {{ team = "Beta", position = 2, played = 1, points = "-0.5" }},
  ] }}
"#
    );
    let read = data::parse(&Source::new("test.toml", text.as_str())).expect("a valid data file");
    let group = &read.groups[0].record;
    let winner = group.winner.as_ref().expect("a winner");
    let order = group.order.as_ref().expect("an order");
    assert_eq!((winner.value.index(), winner.line.0), (0, 20));
    assert_eq!(
        (
            order.value.iter().map(|t| t.index()).collect(),
            order.line.0
        ),
        (vec![0, 1], 21)
    );
    // The table at its line, each row at its own, every figure as written (points exact).
    let table = group.table.as_ref().expect("a published table");
    assert_eq!(table.line.0, 22);
    let rows: Vec<(usize, usize)> = table
        .value
        .iter()
        .map(|r| (r.value.team.index(), r.line.0))
        .collect();
    assert_eq!(rows, [(0, 23), (1, 24)]);
    let beta = &table.value[1].value;
    assert_eq!(
        (beta.position, beta.played, beta.won, beta.goals_for),
        (Some(2), Some(1), None, None)
    );
    assert_eq!(beta.points, Some(rust_decimal::Decimal::new(-5, 1)));
    assert_eq!(
        table.value[0].value.points,
        Some(rust_decimal::Decimal::from(3))
    );
    let r = &read.record;
    // Each fact at the line that states it (line 1 is `competition`, line 2 `[record]`).
    let lines = [
        r.teams.as_ref().map(|f| f.line.0),
        r.matches.as_ref().map(|f| f.line.0),
        r.goals.as_ref().map(|f| f.line.0),
        r.champions.as_ref().map(|f| f.line.0),
        r.runner_up.as_ref().map(|f| f.line.0),
        r.final_result.as_ref().map(|f| f.line.0),
        r.fair_play.as_ref().map(|f| f.line.0),
        r.schedule.as_ref().map(|f| f.line.0),
        r.round_sizes.first().map(|f| f.line.0),
        r.transfers.get("Cup B").map(|f| f.line.0),
    ];
    assert_eq!(lines, [3, 4, 5, 6, 7, 8, 9, 10, 11, 14].map(Some));
    assert_eq!(r.final_result.as_ref().unwrap().value.aggregate, [4, 2]);
    assert_eq!(r.transfers["Cup B"].value, 8);

    let written = data::write(&read, "a test", None);
    let again = data::parse(&Source::new("written.toml", written.as_str()))
        .unwrap_or_else(|e| panic!("{e}\n{written}"));
    assert_eq!(again, read, "{written}");
    // A published table is written a row per line, whole points as integers, others exact.
    assert!(
        written.contains(
            "table = [\n  { team = \"Alpha\", position = 1, played = 1, won = 1, drawn = 0, lost = 0, goals_for = 1, goals_against = 0, points = 3 },\n  { team = \"Beta\", position = 2, played = 1, points = \"-0.5\" },\n] }"
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

#[test]
fn play_offs_report_each_mistake() {
    // Line 6: a team not in the group; line 7: a shoot-out nobody won (at `pens`); line 8: a
    // forfeit; line
    // 9: a team against itself; line 10: extra time and a shoot-out, read; line 11: a second
    // play-off of that pair; line 12: a play-off contradicting the recorded decision on line 14.
    let text = format!(
        r#"{HEAD}[[group]]
name = "G"
teams = ["Alpha", "Beta", "Gamma", "Delta"]
playoffs = [
  "Alpha 2–1 Gamm",
  "Alpha 1–1 Beta (aet, pens 3–3)",
  "Alpha v Beta (forfeit: Beta)",
  "Beta 1–0 Beta",
  "Gamma 0–0 Delta (aet, pens 5–4)",
  "Delta 1–0 Gamma",
  "Alpha 0–1 Beta",
]
decisions = [{{ by = "drawing of lots", order = ["Alpha", "Beta"] }}]
"#
    );
    assert_eq!(
        mistakes(&text),
        [
            ("E206", 6, 14),
            ("E208", 7, 25),
            ("E230", 8, 3),
            ("E207", 9, 3),
            ("E230", 11, 3),
            ("E220", 12, 3),
        ],
        "{text}"
    );
}

#[test]
fn play_offs_and_decisions_are_written_back_each_under_its_key() {
    let text = format!(
        r#"{HEAD}[[group]]
name = "G"
teams = ["Alpha", "Beta", "Gamma", "Delta"]
matches = ["Alpha 1–0 Beta", "Gamma 0–0 Delta"]
decisions = [{{ by = "drawing of lots", order = ["Gamma", "Delta"] }}]
playoffs = ["Beta 2–1 Alpha (aet)", "Gamma 1–1 Delta (aet, pens 4–2)"]
"#
    );
    let competition = data::parse(&Source::new("test.toml", text.as_str())).unwrap();
    let written = data::write(&competition, "header", None);
    let back = data::parse(&Source::new("back.toml", written.as_str()))
        .unwrap_or_else(|d| panic!("{d}\n{written}"));
    assert_eq!(back, competition, "{written}");
    assert!(
        written.contains(
            "decisions = [{ by = \"drawing of lots\", order = [\"Gamma\", \"Delta\"] }]\nplayoffs = [\"Beta 2–1 Alpha (aet)\", \"Gamma 1–1 Delta (aet, pens 4–2)\"]\n"
        ),
        "{written}"
    );
    // Each play-off is a decision: its winner first, in words with its score.
    let g = &competition.groups[0];
    let by: Vec<&str> = g.decisions.iter().map(|d| d.by.as_str()).collect();
    assert_eq!(
        by,
        [
            "drawing of lots",
            "play-off Beta 2–1 Alpha (aet)",
            "play-off Gamma 1–1 Delta (aet, pens 4–2)"
        ]
    );
    let winners: Vec<&str> = g
        .decisions
        .iter()
        .map(|d| g.team_name(d.order[0]))
        .collect();
    assert_eq!(winners, ["Gamma", "Beta", "Gamma"]);
}

#[test]
fn declared_criteria_values_are_read_checked_and_written_back() {
    // Line 7: a name no criterion can be declared with; line 6: a team not in the group (in
    // the order of the names, which a space puts before an underscore).
    let bad = format!(
        r#"{HEAD}[[group]]
name = "G"
teams = ["Alpha", "Beta"]
matches = ["Alpha 1–0 Beta"]
values.club_coefficient = {{ Alpha = "70.5", Gamma = "1" }}
values."club coefficient" = {{ Alpha = "70.5" }}
"#
    );
    assert_eq!(mistakes(&bad), [("E231", 7, 8), ("E206", 6, 45)], "{bad}");

    let text = format!(
        r#"{HEAD}[[group]]
name = "G"
teams = ["Alpha", "Beta"]
matches = ["Alpha 1–0 Beta"]
values.club_coefficient = {{ Alpha = "70.500", Beta = 12 }}
values.lots_number = {{ Beta = 1 }}
"#
    );
    let competition = data::parse(&Source::new("test.toml", text.as_str())).unwrap();
    let g = &competition.groups[0];
    let alpha = g.team_named("Alpha").unwrap();
    let beta = g.team_named("Beta").unwrap();
    // Exactly as written: 70.500 keeps its scale; Alpha has no lots number, which is not zero.
    assert_eq!(
        g.team_value("club_coefficient", alpha)
            .map(|d| d.to_string()),
        Some("70.500".to_string())
    );
    assert_eq!(g.team_value("lots_number", alpha), None);
    assert_eq!(g.team_value("lots_number", beta), Some(1.into()));
    let written = data::write(&competition, "header", None);
    assert!(
        written.contains(
            "values = { club_coefficient = { Alpha = \"70.500\", Beta = \"12\" }, lots_number = { Beta = \"1\" } }\n"
        ),
        "{written}"
    );
    let back = data::parse(&Source::new("back.toml", written.as_str()))
        .unwrap_or_else(|d| panic!("{d}\n{written}"));
    assert_eq!(back, competition, "{written}");
}

#[test]
fn fixtures_still_to_play_are_kept_apart_from_the_matches_and_written_back() {
    let text = format!(
        r#"{HEAD}[[group]]
name = "G"
teams = ["Alpha", "Beta", "Gamma"]
matches = [
  "Alpha 1–0 Beta",
  "Gamma v Alpha",
  {{ match = "Beta v Gamma", date = 2024-06-26, round = 3 }},
]
"#
    );
    let competition = data::parse(&Source::new("test.toml", text.as_str())).unwrap();
    let g = &competition.groups[0];
    // One match played; two to play, in file order, the second with its date and round.
    assert_eq!(g.matches.len(), 1);
    let fixtures: Vec<_> = g
        .fixtures
        .iter()
        .map(|f| (g.team_name(f.home), g.team_name(f.away), f.date, f.round))
        .collect();
    let day = jiff::civil::date(2024, 6, 26);
    assert_eq!(
        fixtures,
        [
            ("Gamma", "Alpha", None, None),
            ("Beta", "Gamma", Some(day), Some(3)),
        ]
    );
    let written = data::write(&competition, "", None);
    assert!(written.contains(r#"{ match = "Beta v Gamma", date = 2024-06-26, round = 3 }"#));
    let back = data::parse(&Source::new("back.toml", written.as_str())).unwrap();
    assert_eq!(back.groups[0].fixtures, g.fixtures);
}

#[test]
fn a_fixture_is_checked_like_a_match() {
    // Line 4: a team playing itself; line 5: extra time on a match not played; line 6: a team
    // not in the group.
    let text = format!(
        r#"{HEAD}[[group]]
name = "G"
teams = ["Alpha", "Beta"]
matches = ["Alpha v Alpha",
  "Alpha v Beta (aet)",
  "Alpha v Gamma"]
"#
    );
    assert_eq!(
        mistakes(&text),
        [("E207", 5, 12), ("E208", 6, 18), ("E206", 7, 12)],
        "{text}"
    );
}
