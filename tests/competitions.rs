//! Whole competitions through the binary: every recorded count, the finals, the UEFA Cup's
//! ranking, allocation and access list; a changed number fails naming its fact; an impossible
//! structure in a rule file is exit 2 at its line.

mod common;

use common::*;

use std::fs;
use std::path::PathBuf;

use pretty_assertions::assert_eq;
use rstest::rstest;
use tempfile::TempDir;

/// The competition-level lines `check` prints for one data file.
fn competition_lines(data: &str) -> Vec<String> {
    let run = standings(&["check", data]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    run.stdout
        .lines()
        .filter(|l| !l.contains(" · Group ") || l.contains("Group stage"))
        .map(str::to_string)
        .collect()
}

#[test]
fn uefa_cup_2003_04() {
    // By hand from the document: ranks 1–6 and 16–21 send 3 (36), 7–8 send 4 (8), 9–15 send 2
    // (14), 22–52 send 2 except 47 (0) and 48, 50, 51 (1 each): 27 × 2 + 3 = 57. That is 115,
    // plus 3 fair play = 118 fresh entrants (82 qualifying + 36 first round), plus 24 + 3
    // transferred = 145. Rounds: 82 → 41 winners + 55 entering = 96 → 48 → 24 + 8 = 32 → 16 →
    // 8 → 4 → 2. Matches from the first round: 96 + 48 + 32 + 16 + 8 + 4 + 1 = 205.
    assert_eq!(
        competition_lines("data/uefa-cup-2003-04.toml"),
        [
            "ok           2003–04 UEFA Cup · teams 145 (82 in Qualifying round + 55 in First round + 8 in Third round)",
            "ok           2003–04 UEFA Cup · matches 205 (from First round on, as the rules count)",
            "ok           2003–04 UEFA Cup · Qualifying round teams 82 (0 arriving + 82 entering)",
            "ok           2003–04 UEFA Cup · First round teams 96 (41 arriving + 55 entering)",
            "ok           2003–04 UEFA Cup · Second round teams 48 (48 arriving + 0 entering)",
            "ok           2003–04 UEFA Cup · Third round teams 32 (24 arriving + 8 entering)",
            "ok           2003–04 UEFA Cup · schedule: 8 rounds, as the rules' rounds",
            "ok           2003–04 UEFA Cup · transferred from UEFA Champions League 24 (16 in First round + 8 in Third round)",
            "ok           2003–04 UEFA Cup · transferred from UEFA Intertoto Cup 3 (3 in First round)",
            "ok           2003–04 UEFA Cup · Qualifying round entrants: 82 listed, as the rules' 82 entering fresh",
            "ok           2003–04 UEFA Cup · First round entrants: 55 listed, as the rules' 36 entering fresh + 16 from UEFA Champions League + 3 from UEFA Intertoto Cup",
            "ok           2003–04 UEFA Cup · Third round entrants: 8 listed, as the rules' 0 entering fresh + 8 from UEFA Champions League",
            "not checked  2003–04 UEFA Cup · goals 464: the data has the results of 0 matches, not all of them",
            "not checked  2003–04 UEFA Cup · champions Valencia: the data has no result for the Final",
            "not checked  2003–04 UEFA Cup · runner-up Marseille: the data has no result for the Final",
            "ok           2003–04 UEFA Cup · ranking: 52 entries in coefficient order (equal coefficients ordered 45, 46, 47 by the published order; 50, 51, 52 by the published order)",
            "ok           2003–04 UEFA Cup · places per rank: all 52 ranks as the allocation rule gives them (4 exception(s))",
            "ok           2003–04 UEFA Cup · fair-play places 3 (the rules' allocation.fair_play)",
            "ok           2003–04 UEFA Cup · places: 115 by ranking + 3 fair play = 118, the teams the rounds take fresh",
            "ok           2003–04 UEFA Cup · places plus transfers 145 (115 by ranking + 3 fair play + 27 transferred)",
            "1 file(s), 0 group(s), 20 fact(s): 17 confirmed, 0 mismatched, 0 unresolved, 3 not checked",
        ]
    );
}

#[rstest]
// 32 + 8 + 8 teams; 48 group matches + 8 + 8 + 4 + 2 + 1 ties of two legs = 94 matches.
// Finals: Lazio 2–0 and 2–2 (4–2); Milan 4–1 in Rome and 2–2 (6–3).
#[case("2003-04", "Lazio", "Juventus", "4–2")]
#[case("2002-03", "Milan", "Roma", "6–3")]
fn coppa_italia_counts_and_final(
    #[case] season: &str,
    #[case] winner: &str,
    #[case] loser: &str,
    #[case] aggregate: &str,
) {
    let lines = competition_lines(&format!("data/coppa-italia-{season}.toml"));
    let name = format!("{}–{} Coppa Italia", &season[..4], &season[5..]);
    let through = format!("({winner} through, {aggregate} on aggregate)");
    let champions = if winner == "Milan" {
        "A.C. Milan"
    } else {
        winner
    };
    for expected in [
        format!("ok           {name} · Group stage: 8 groups of 4 (32 teams), as the rules say"),
        format!(
            "ok           {name} · teams 48 (32 in Group stage + 8 in Second round + 8 in Round of 16)"
        ),
        format!("ok           {name} · matches 94 (every round)"),
        format!("ok           {name} · champions {champions} {through}"),
        format!("ok           {name} · runner-up {loser} {through}"),
        format!("ok           {name} · final {winner} {aggregate} {through}"),
    ] {
        assert!(
            lines.contains(&expected),
            "{expected}\nnot in\n{}",
            lines.join("\n")
        );
    }
}

#[rstest]
#[case::teams(
    "uefa-cup-2003-04",
    "teams = 145",
    "teams = 146",
    "MISMATCH     2003–04 UEFA Cup · teams: expected 146; computed 145"
)]
#[case::matches(
    "uefa-cup-2003-04",
    "matches = 205",
    "matches = 204",
    "MISMATCH     2003–04 UEFA Cup · matches: expected 204; computed 205"
)]
#[case::access(
    "uefa-cup-2003-04",
    "teams = 96 }",
    "teams = 98 }",
    "MISMATCH     2003–04 UEFA Cup · First round teams: expected 98; computed 96"
)]
#[case::transfers(
    "uefa-cup-2003-04",
    "\"UEFA Champions League\" = 24",
    "\"UEFA Champions League\" = 23",
    "MISMATCH     2003–04 UEFA Cup · transferred from UEFA Champions League: expected 23; computed 24"
)]
#[case::fair_play(
    "uefa-cup-2003-04",
    "fair_play = 3",
    "fair_play = 2",
    "MISMATCH     2003–04 UEFA Cup · fair-play places: expected 2; computed 3"
)]
#[case::places(
    "uefa-cup-2003-04",
    "{ rank = 8, coefficient = \"28.725\", places = 4 }",
    "{ rank = 8, coefficient = \"28.725\", places = 3 }",
    "MISMATCH     2003–04 UEFA Cup · places per rank differ: rank 8: published 3, rule 4"
)]
#[case::coefficient(
    "uefa-cup-2003-04",
    "coefficient = \"28.249\"",
    "coefficient = \"28.925\"",
    "MISMATCH     2003–04 UEFA Cup · ranking: rank 9 should be rank 8 by coefficient"
)]
#[case::coppa_teams(
    "coppa-italia-2003-04",
    "teams = 48",
    "teams = 47",
    "MISMATCH     2003–04 Coppa Italia · teams: expected 47; computed 48"
)]
#[case::coppa_matches(
    "coppa-italia-2002-03",
    "matches = 94",
    "matches = 95",
    "MISMATCH     2002–03 Coppa Italia · matches: expected 95; computed 94"
)]
#[case::final_aggregate(
    "coppa-italia-2003-04",
    "aggregate = \"4–2\"",
    "aggregate = \"4–1\"",
    "MISMATCH     2003–04 Coppa Italia · final: expected Lazio 4–1; computed Lazio 4–2"
)]
fn a_changed_number_fails_naming_its_fact(
    #[case] file: &str,
    #[case] from: &str,
    #[case] to: &str,
    #[case] expected: &str,
) {
    let dir = copy_project();
    let data = dir.path().join(format!("data/{file}.toml"));
    edit(&data, from, to);
    let run = standings_in(dir.path(), &["check", data.to_str().unwrap()]);
    assert_eq!(run.code, 1, "{}", run.stdout);
    let failing: Vec<&str> = run
        .stdout
        .lines()
        .filter(|l| l.starts_with("MISMATCH") || l.starts_with("UNRESOLVED"))
        .collect();
    assert!(
        failing.iter().any(|l| l.starts_with(expected)),
        "{expected}\nnot among\n{}",
        failing.join("\n")
    );
}

#[test]
fn without_the_recorded_order_equal_coefficients_are_unresolved() {
    let dir = copy_project();
    let data = dir.path().join("data/uefa-cup-2003-04.toml");
    edit(
        &data,
        "  { ranks = [45, 46, 47], by = \"the published order\" },\n",
        "",
    );
    let run = standings_in(dir.path(), &["check", data.to_str().unwrap()]);
    assert_eq!(run.code, 1);
    assert!(run.stdout.contains(
        "UNRESOLVED   2003–04 UEFA Cup · ranking: equal coefficients at ranks 45, 46, 47 and no recorded order covering them"
    ), "{}", run.stdout);
}

/// A rule file holding only `rounds`, written to a temporary folder. Each case names the text
/// its error points at: a round's `[[round]]` header (the first round's, where the error is
/// about the rounds together), or the key at fault.
fn rules_file(dir: &TempDir, rounds: &str) -> PathBuf {
    let path = dir.path().join("rules.toml");
    fs::write(&path, format!("name = \"test\"\n{rounds}")).unwrap();
    path
}

const KNOCKOUT: &str = "format = \"knockout\"\nlegs = 2";

#[rstest]
#[case::odd_number(
    format!("[[round]]\nname = \"R1\"\n{KNOCKOUT}\nfresh = 7\n[[round]]\nname = \"Final\"\n{KNOCKOUT}"),
    "[[round]]", "R1 has an odd number of teams (7: 0 arriving, 7 entering)")]
#[case::final_not_two(
    format!("[[round]]\nname = \"R1\"\n{KNOCKOUT}\nfresh = 8"),
    "[[round]]", "the last round, R1, has 8 teams; expected a final between 2")]
#[case::no_teams(
    format!("[[round]]\nname = \"R1\"\n{KNOCKOUT}"),
    "[[round]]", "R1 has no teams")]
#[case::more_advancing_than_play(
    "[points]\nwin = 3\ndraw = 1\nloss = 0\n[tiebreak]\norder = [\"points\"]\n[qualification]\nadvance = 3\n[[round]]\nname = \"Groups\"\nformat = \"groups\"\ngroups = 2\ngroup_size = 2\nfresh = 4".to_string(),
    "[[round]]", "3 teams advance from each group of 2: more teams advancing than play")]
#[case::groups_do_not_hold_the_teams(
    "[points]\nwin = 3\ndraw = 1\nloss = 0\n[tiebreak]\norder = [\"points\"]\n[qualification]\nadvance = 1\n[[round]]\nname = \"Groups\"\nformat = \"groups\"\ngroups = 8\ngroup_size = 4\nfresh = 30".to_string(),
    "[[round]]", "Groups has 30 teams (0 arriving, 30 entering), but 8 groups of 4 hold 32")]
#[case::unknown_format(
    "[[round]]\nname = \"R1\"\nformat = \"knock-out\"\nfresh = 2".to_string(),
    "knock-out", "unknown round format \"knock-out\"; expected \"knockout\" or \"groups\"; did you mean \"knockout\"?")]
#[case::three_legs(
    "[[round]]\nname = \"R1\"\nformat = \"knockout\"\nlegs = 3\nfresh = 2".to_string(),
    "legs = 3", "3 legs; expected 1 (one match) or 2 (home and away)")]
#[case::more_matches_than_can_be_counted(
    "[points]\nwin = 3\ndraw = 1\nloss = 0\n[tiebreak]\norder = [\"points\"]\n[qualification]\nadvance = 92000\n[[round]]\nname = \"G1\"\nformat = \"groups\"\ngroups = 1\ngroup_size = 92000\nfresh = 92000\n[[round]] # the second\nname = \"G2\"\nformat = \"groups\"\ngroups = 1\ngroup_size = 92000".to_string(),
    "[[round]] # the second", "G2 brings the competition to more matches than can be counted")]
#[case::count_from_unknown_round(
    format!("[structure]\ncount_matches_from = \"First\"\n[[round]]\nname = \"First round\"\n{KNOCKOUT}\nfresh = 2"),
    "count_matches_from", "no round named \"First\"; expected one of the [[round]] names; did you mean \"First round\"?")]
fn impossible_structures_are_located(
    #[case] rounds: String,
    #[case] at: &str,
    #[case] message: &str,
) {
    let dir = TempDir::new().unwrap();
    let rules = rules_file(&dir, &rounds);
    let line = line_of(&rules, at);
    let run = standings(&[
        "check",
        "data/coppa-italia-2003-04.toml",
        "--rules",
        rules.to_str().unwrap(),
    ]);
    assert_eq!(run.code, 2, "{}", run.stdout);
    let first = first_error(&run.stderr);
    let place = format!("error: {}:{line}:", rules.display());
    assert!(first.starts_with(&place), "{first}\nexpected at {place}");
    assert!(first.contains(message), "{first}");
}

#[test]
fn tie_shows_who_went_through_and_why() {
    let run = standings(&[
        "tie",
        "data/coppa-italia-2003-04.toml",
        "data/coppa-italia-2002-03.toml",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        run.stdout,
        "2003–04 Coppa Italia · Final: Lazio 2–0 Juventus, Juventus 2–2 Lazio
  Lazio through, 4–2 on aggregate
2002–03 Coppa Italia · Final: Roma 1–4 Milan, Milan 2–2 Roma
  Milan through, 6–3 on aggregate
"
    );
}

#[rstest]
#[case::one_leg_for_two(
    "legs = [\"Lazio 2–0 Juventus\", \"Juventus 2–2 Lazio\"]",
    "legs = [\"Lazio 2–0 Juventus\"]",
    "1 leg(s); expected 2, as the rules' Final has"
)]
#[case::second_leg_not_the_return(
    "\"Juventus 2–2 Lazio\"",
    "\"Juventus 2–2 Roma\"",
    "the second leg must be Juventus at home to Lazio; found Juventus v Roma"
)]
#[case::unknown_round(
    "round = \"Final\"",
    "round = \"Finale\"",
    "no round named \"Finale\" in the rules"
)]
#[case::penalties_in_the_first_leg(
    "\"Lazio 2–0 Juventus\"",
    "\"Lazio 0–0 Juventus (aet, pens 4–3)\"",
    "extra time and penalties belong to a tie's last leg"
)]
// Lazio 2–0, then 1–1 after extra time: Lazio lead 3–1, so there was no shoot-out to have.
#[case::penalties_after_a_lead(
    "\"Juventus 2–2 Lazio\"",
    "\"Juventus 1–1 Lazio (aet, pens 4–3)\"",
    "penalties after a 3–1 aggregate; expected a shoot-out only after a level score"
)]
fn malformed_ties_are_located(#[case] from: &str, #[case] to: &str, #[case] message: &str) {
    let dir = copy_project();
    let data = dir.path().join("data/coppa-italia-2003-04.toml");
    edit(&data, from, to);
    let line = line_of(&data, to);
    let run = standings_in(dir.path(), &["tie", data.to_str().unwrap()]);
    assert_eq!(run.code, 2, "{}", run.stdout);
    let first = first_error(&run.stderr);
    assert!(
        first.starts_with(&format!("error: {}:{line}:", data.display())),
        "{first}"
    );
    assert!(first.contains(message), "{first}");
}

#[test]
fn a_shoot_out_follows_a_level_aggregate_not_a_level_second_leg() {
    // Lazio 2–0 Juventus, then Juventus 2–0 Lazio after extra time: 2–2 on aggregate, and the
    // shoot-out (Juventus, at home, kick first: 4–3) decides, though the second leg was not level.
    let dir = copy_project();
    let data = dir.path().join("data/coppa-italia-2003-04.toml");
    edit(
        &data,
        "\"Juventus 2–2 Lazio\"",
        "\"Juventus 2–0 Lazio (aet, pens 4–3)\"",
    );
    let run = standings_in(dir.path(), &["tie", data.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        run.stdout,
        "2003–04 Coppa Italia · Final: Lazio 2–0 Juventus, Juventus 2–0 Lazio (aet, pens 4–3)\n  Juventus through, 2–2, 4–3 on penalties\n"
    );
}

/// Rounds for the most teams a competition may have, 1,000,000: 951,424 fresh in the first
/// round, 48,576 transferred in the second (2^19 teams there), then halving to a final.
fn the_largest_rounds() -> String {
    let mut rounds = String::from(
        "[[round]]\nname = \"R1\"\nformat = \"knockout\"\nfresh = 951424\n[[round]]\nname = \"R2\"\nformat = \"knockout\"\ntransferred = { \"Elsewhere\" = 48576 }\n",
    );
    for n in 3..=20 {
        rounds.push_str(&format!(
            "[[round]]\nname = \"R{n}\"\nformat = \"knockout\"\n"
        ));
    }
    rounds
}

#[rstest]
#[case::range(
    "ranges = [\n  { from = 1, to = 6, places = 4000000000 },\n]\n",
    "4000000000"
)]
#[case::exception(
    "ranges = [{ from = 1, to = 6, places = 3 }]\nexceptions = [{ rank = 2, places = 1000001, why = \"w\" }]\n",
    "1000001"
)]
#[case::fair_play(
    "ranges = [{ from = 1, to = 6, places = 3 }]\nfair_play = 4294967295\n",
    "4294967295"
)]
fn places_beyond_the_most_teams_are_an_error_at_the_number(
    #[case] allocation: &str,
    #[case] places: &str,
) {
    let dir = TempDir::new().unwrap();
    let rules = rules_file(
        &dir,
        &format!("{}[allocation]\n{allocation}", the_largest_rounds()),
    );
    let text = fs::read_to_string(&rules).unwrap();
    let line = line_of(&rules, places);
    let column = text.lines().nth(line - 1).unwrap().find(places).unwrap() + 1;
    let run = standings(&[
        "check",
        "data/uefa-cup-2003-04.toml",
        "--rules",
        rules.to_str().unwrap(),
    ]);
    assert_eq!(run.code, 2, "{}", run.stdout);
    assert_eq!(
        first_error(&run.stderr),
        format!(
            "error: {}:{line}:{column}: {places} is too large for a number of places; expected at most 1000000, the most teams a competition may have",
            rules.display()
        )
    );
}

#[test]
fn the_largest_counts_sum_without_overflow() {
    // Every count at its limit: 1,000,000 teams in the rounds, 1,000,000 fair-play places, and
    // 1,000,000 places for each of 5,000 ranks, whose 5,000,000,000 places are more than a u32
    // holds. A binary built with overflow checks (as tests are) would exit 101 on an overflow.
    let dir = TempDir::new().unwrap();
    rules_file(
        &dir,
        &format!(
            "{}[allocation]\nranges = [{{ from = 1, to = 5000, places = 1000000 }}]\nexceptions = [{{ rank = 5000, places = 1000000, why = \"the last\" }}]\nfair_play = 1000000\n",
            the_largest_rounds()
        ),
    );
    let entries: String = (1..=5000)
        .map(|rank| {
            format!(
                "  {{ rank = {rank}, coefficient = \"{}\", places = 1000000 }},\n",
                5001 - rank
            )
        })
        .collect();
    let data = dir.path().join("data.toml");
    fs::write(
        &data,
        format!(
            "competition = \"test\"\nrules = \"rules.toml\"\n[record]\nteams = 1000000\nmatches = 1999998\nfair_play = 1000000\ntransfers = {{ \"Elsewhere\" = 48576 }}\n[ranking]\nname = \"r\"\nentries = [\n{entries}]\n"
        ),
    )
    .unwrap();

    let run = standings(&["rounds", data.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout.contains("  1000000 teams, 1999998 matches\n"),
        "{}",
        run.stdout
    );

    let run = standings_in(dir.path(), &["check", data.to_str().unwrap()]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let lines: Vec<&str> = run.stdout.lines().collect();
    for expected in [
        "ok           test · teams 1000000 (951424 in R1 + 48576 in R2)",
        "ok           test · matches 1999998 (every round)",
        "ok           test · transferred from Elsewhere 48576 (48576 in R2)",
        "ok           test · fair-play places 1000000 (the rules' allocation.fair_play)",
    ] {
        assert!(
            lines.contains(&expected),
            "{expected}\nnot in\n{}",
            run.stdout
        );
    }
    // The sums beyond a u32 are mismatches, shown exactly: 5,000 ranks × 1,000,000 places =
    // 5,000,000,000, + 1,000,000 fair play = 5,001,000,000, + 48,576 transferred =
    // 5,001,048,576.
    let mismatches: Vec<&str> = lines
        .iter()
        .copied()
        .filter(|l| l.starts_with("MISMATCH"))
        .collect();
    assert_eq!(
        mismatches,
        [
            "MISMATCH     test · places: 5000000000 by ranking + 1000000 fair play = 5001000000, but the rounds take 951424 teams fresh",
            "MISMATCH     test · places plus transfers: expected 1000000; computed 5001048576 (5000000000 by ranking + 1000000 fair play + 48576 transferred)",
        ],
        "{}",
        run.stdout
    );
}
