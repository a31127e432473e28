//! Alternative formats through the binary: `compare` on the bundled seasons, `--explain` on
//! every group, every bundled rule set usable.

mod common;

use common::*;

use std::fs;

use pretty_assertions::assert_eq;

fn bundled(folder: &str) -> Vec<String> {
    let mut files: Vec<String> = fs::read_dir(folder)
        .unwrap()
        .map(|e| e.unwrap().path().to_str().unwrap().to_string())
        .filter(|p| p.ends_with(".toml"))
        .collect();
    files.sort();
    files
}

#[test]
fn compare_2002_03_under_its_rule_and_head_to_head_first() {
    // Worked out by hand (see the 2002–03 rule file): only Groups 3 and 4 change, and in
    // neither does the winner.
    let run = compare(
        "data/coppa-italia-2002-03.toml",
        "rules/coppa-italia-2002-03.toml",
        "rules/coppa-italia-2003-04.toml",
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let group = |name: &str| -> String {
        let start = run.stdout.find(&format!("· {name}\n")).unwrap();
        let rest = &run.stdout[start..];
        rest[..rest.find("\n\n").unwrap()].to_string()
    };
    assert_eq!(
        group("Group 3"),
        "· Group 3
  A: coppa-italia-2002-03      B: coppa-italia-2003-04
    1  Triestina                 1  Triestina
    2  Cittadella                2  Hellas Verona
    3  Hellas Verona             3  Cittadella
    4  Treviso                   4  Treviso
  moved: Cittadella 2 → 3, Hellas Verona 3 → 2
  qualifiers unchanged: Triestina"
    );
    assert!(group("Group 4").contains("  moved: Pistoiese 3 → 4, Cagliari 4 → 3\n"));
    assert!(group("Group 1").ends_with("  same order\n  qualifiers unchanged: Sampdoria"));
    assert!(
        run.stdout
            .ends_with("\n0 of 8 groups change a qualifier; 2 change their order\n"),
        "{}",
        run.stdout
    );
}

#[test]
fn two_points_for_a_win_changes_no_2003_04_order() {
    // Two points for a win: by hand, every 2003–04 group keeps its order (Group 2: Cesena 4,
    // Genoa 3, Torino 0, Livorno −1; Group 5: Sambenedettese 5, Pisa 2, Ancona 1, Ternana −2; ...).
    let run = compare(
        "data/coppa-italia-2003-04.toml",
        "rules/coppa-italia-2003-04.toml",
        "rules/coppa-italia-2003-04-two-points-for-a-win.toml",
    );
    assert_eq!(run.code, 0);
    assert!(
        run.stdout
            .ends_with("\n0 of 8 groups change a qualifier; 0 change their order\n")
    );
}

#[test]
fn the_1958_world_cup_under_later_editions_rules() {
    // Worked by hand in docs/formats.md: the play-offs of Groups 1 and 3 went against goal
    // difference; in Group 4 the Soviet Union and England are level on goal difference too,
    // and no lots are recorded, so under 1970's rules they share second place.
    let run = compare(
        "data/fifa-world-cup-1958.toml",
        "rules/fifa-world-cup-1958.toml",
        "rules/fifa-world-cup-1970.toml",
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout.contains(
            "1958 FIFA World Cup · Group 4
  A: fifa-world-cup-1958      B: fifa-world-cup-1970
    1  Brazil                   1  Brazil
    2  Soviet Union            2=  Soviet Union
    3  England                 2=  England
    4  Austria                  4  Austria
  moved: Soviet Union 2 → 2, England 3 → 2
  qualifiers change: Brazil and Soviet Union → undecided
"
        ),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout
            .ends_with("\n3 of 4 groups change a qualifier; 3 change their order\n")
    );
    // Three points for a win: the draws count for less, and only Groups 1 and 3 change.
    let run = compare(
        "data/fifa-world-cup-1958.toml",
        "rules/fifa-world-cup-1958.toml",
        "rules/fifa-world-cup-1994.toml",
    );
    assert!(
        run.stdout
            .ends_with("\n2 of 4 groups change a qualifier; 2 change their order\n")
    );
    assert!(run.stdout.contains(
        "qualifiers change: West Germany and Northern Ireland → West Germany and Czechoslovakia"
    ));
    assert!(
        run.stdout
            .contains("qualifiers change: Sweden and Wales → Sweden and Hungary")
    );
}

#[test]
fn compare_reports_a_rule_set_that_needs_data_the_season_lacks() {
    // FIFA's chain reaches fair play for Brindisi and Catania; the data records no cards.
    let run = compare(
        "data/coppa-italia-2003-04.toml",
        "rules/coppa-italia-2003-04.toml",
        "rules/fifa-world-cup-2018.toml",
    );
    assert_eq!(run.code, 0);
    assert!(run.stdout.contains("note: A advances 1 per group and B 2"));
    assert!(run.stdout.contains(
        "  B cannot rank this group: Group 8: the tiebreak reaches \"fair_play\" for Brindisi, Catania, but the data records no cards for them"
    ));
    assert!(
        run.stdout
            .ends_with("; 3 could not be computed under both rule sets\n")
    );
}

#[test]
fn compare_works_on_every_bundled_season_with_every_bundled_rule_set() {
    // Every rule set as A and as B, against the first: linear in the rule sets, so the library
    // can grow (with 30 rule sets, every pair on every season would be thousands of runs).
    let rules = bundled("rules");
    let first = &rules[0];
    for data in bundled("data") {
        for other in &rules {
            for (a, b) in [(first, other), (other, first)] {
                let run = compare(&data, a, b);
                assert_eq!(run.code, 0, "{data} {a} {b}: {}", run.stderr);
                assert!(
                    run.stdout.contains("groups change a qualifier"),
                    "{data} {a} {b}"
                );
            }
        }
    }
}

#[test]
fn the_same_data_under_itself_changes_nothing() {
    for (data, rules) in [
        (
            "data/coppa-italia-2003-04.toml",
            "rules/coppa-italia-2003-04.toml",
        ),
        (
            "data/coppa-italia-2002-03.toml",
            "rules/coppa-italia-2002-03.toml",
        ),
    ] {
        let run = compare(data, rules, rules);
        assert!(
            run.stdout
                .ends_with("\n0 of 8 groups change a qualifier; 0 change their order\n")
        );
    }
}

#[test]
fn explain_names_the_deciding_criterion_for_every_adjacent_pair() {
    let run = standings(&["table", "data/", "--explain"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let pairs: Vec<&str> = run
        .stdout
        .lines()
        .filter(|l| l.starts_with("    ") && (l.contains(" above ") || l.contains(" level with ")))
        .collect();
    // 16 Coppa Italia groups of 4, leagues of 24, 23 and 20, 8 Champions League, 6 EURO and 4
    // World Cup 1958 groups of 4, and EURO's six third-placed teams:
    // 48 + 23 + 22 + 19 + 24 + 18 + 12 + 5 pairs.
    assert_eq!(pairs.len(), 171);
    for expected in [
        // EURO 2024's third-placed teams: Georgia and Slovakia both 4 points, goal difference 0;
        // Georgia scored 4 (2–0 Portugal, 1–1 Czechia, 1–3 Turkey), Slovakia 3.
        "    Georgia above Slovakia: points level at 4; goal difference level at 0; goals scored 4 against 3",
        "    Palermo above Hellas Verona: points level at 1; head-to-head goal difference level at -3; goal difference -4 against -5",
        "    Brindisi above Catania: points level at 7; head-to-head goal difference level at 0; goal difference level at 6; drawing of lots (recorded decision)",
        "    Cagliari level with Piacenza on every criterion: points level at 1; head-to-head goal difference level at -3; goal difference level at -4; no recorded decision",
        "    Cittadella above Hellas Verona: points level at 4; goal difference 1 against -1",
        "    Sampdoria above Genoa: points 7 against 4",
        // Wigan Athletic's 59 points on the pitch would have put them 10th, 2019–20.
        "    Charlton Athletic above Wigan Athletic: points 48 against 47, decided by Wigan Athletic's deduction of 12 points (entered administration): 48 against 59 without it",
        // League One 2019–20 on points per game: Bolton 14 from 34 (26 before the deduction),
        // Southend 19 from 35; Oxford and Portsmouth both 60 from 35.
        "    Southend United above Bolton Wanderers: points per game 0.543 against 0.412, decided by Bolton Wanderers' deduction of 12 points (entered administration): 0.543 against 0.765 without it",
        "    Oxford United above Portsmouth FC: points per game level at 1.714; goal difference 24 against 17",
        // Champions League 2019–20, Group H: Valencia 1–0 and 2–2 against Chelsea.
        "    Valencia CF above Chelsea FC: points level at 11; head-to-head points 4 against 1",
        // EURO 2024, Group C: Denmark and Slovenia drew 1–1 and each finished 2–2 over three
        // draws; 6 yellow cards against 7.
        "    Denmark above Slovenia: points level at 3; head-to-head points level at 1; head-to-head goal difference level at 0; head-to-head goals scored level at 1; goal difference level at 0; goals scored level at 2; no shoot-out recorded; fair-play points -6 against -7",
        // 1958: a play-off for second place, before goal average (Czechoslovakia's 8/4 was
        // far better than Northern Ireland's 4/5); goal average for the top two, both through.
        "    Northern Ireland above Czechoslovakia: points level at 3; play-off Northern Ireland 2–1 Czechoslovakia (aet)",
        "    France above Yugoslavia: points level at 4; goal average 1.571 against 1.167",
    ] {
        assert!(pairs.contains(&expected), "{expected}");
    }
}

#[test]
fn json_carries_the_explanations() {
    let run = standings(&[
        "table",
        "data/coppa-italia-2003-04.toml",
        "--group",
        "Group 3",
        "--format",
        "json",
    ]);
    let json: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let first = &json["competitions"][0]["groups"][0]["explanations"][0];
    assert_eq!(first["upper"], "Palermo");
    assert_eq!(first["lower"], "Hellas Verona");
    assert_eq!(first["decided_by"], "goal_difference");
    // The deciding step, found by index: Palermo (row 1) -4, Hellas Verona (row 2) -5.
    let group = &json["competitions"][0]["groups"][0];
    let tiebreaks = &group["tiebreaks"];
    let step = &tiebreaks[first["step"].as_u64().unwrap() as usize];
    assert_eq!(step["criterion"], "goal_difference");
    assert_eq!(group["rows"][0]["team"], "Palermo");
    assert_eq!(group["rows"][1]["team"], "Hellas Verona");
    assert_eq!(
        step["tiers"][0],
        serde_json::json!({ "rows": [1, 1], "value": -4 })
    );
    assert_eq!(
        step["tiers"][1],
        serde_json::json!({ "rows": [2, 2], "value": -5 })
    );
    // The steps before it, by `parent`: head-to-head goal difference left them level at -3
    // (their points, the primary sort, are in `rows`).
    let before = &tiebreaks[step["parent"].as_u64().unwrap() as usize];
    assert_eq!(before["criterion"], "head_to_head.goal_difference");
    assert_eq!(before["parent"], serde_json::Value::Null);
    assert_eq!(before["tiers"][0]["value"], -3);
}

#[test]
fn table_under_a_rule_needing_cards_is_an_error_at_the_group() {
    let run = standings(&[
        "table",
        "data/coppa-italia-2003-04.toml",
        "--rules",
        "rules/fifa-world-cup-2018.toml",
    ]);
    assert_eq!(run.code, 2);
    let line = fs::read_to_string("data/coppa-italia-2003-04.toml")
        .unwrap()
        .lines()
        .position(|l| l == "name = \"Group 1\"")
        .unwrap()
        + 1;
    assert!(
        first_error(&run.stderr).starts_with(&format!(
            "error: data/coppa-italia-2003-04.toml:{line}:1: Group 1: the tiebreak reaches \"fair_play\" for Cagliari, Piacenza"
        )),
        "{}",
        run.stderr
    );
}
