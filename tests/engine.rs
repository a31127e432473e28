//! The engine on small groups written here: each tiebreak criterion deciding on its own, the
//! forfeit variants, re-application of head-to-head, and recorded decisions. Expected orders
//! and records are worked out by hand in the comments beside each case.

mod common;

use common::order;
use pretty_assertions::assert_eq;
use rstest::rstest;
use rust_decimal::Decimal;
use standings::compute::standings::{GroupTable, Qualification, compute_group};
use standings::diagnostic::Source;
use standings::model::TeamId;
use standings::read::data;
use standings::rules::RuleSet;

fn rules(chain: &str, extra: &str) -> RuleSet {
    rules_with_points("win = 3\ndraw = 1\nloss = 0", chain, extra)
}

fn rules_with_points(points: &str, chain: &str, extra: &str) -> RuleSet {
    let text = format!(
        r#"
name = "test"
[points]
{points}
[tiebreak]
order = [{chain}]
[qualification]
advance = 1
{extra}
"#
    );
    RuleSet::parse(&Source::new("test-rules.toml", text)).unwrap()
}

/// Runs one group through the engine; `body` is the group's TOML (teams, matches, ...).
fn with_group<T>(rules: &RuleSet, body: &str, f: impl FnOnce(&GroupTable<'_>) -> T) -> T {
    let text = format!("competition = \"test\"\n[[group]]\nname = \"G\"\n{body}");
    let competition = data::parse(&Source::new("test-data.toml", text)).unwrap();
    let table = compute_group(&competition.groups[0], rules.groups.as_ref().unwrap()).unwrap();
    f(&table)
}

#[rstest]
// Points: A 2 wins (6), B 1 win (3), C 0.
#[case::points(r#""points""#, r#"teams = ["C", "B", "A"]
matches = ["A 1–0 B", "A 1–0 C", "B 1–0 C"]"#, &["A", "B", "C"])]
// Head-to-head points: A and B on 4; A beat B 1–0, but B has the better goal difference
// (+4 against +1). C and D (1 point each) never met, so goal difference puts D (0) above C (−5).
#[case::head_to_head_points(r#""points", "head_to_head.points", "goal_difference""#,
r#"teams = ["B", "A", "C", "D"]
matches = ["A 1–0 B", "B 5–0 C", "A 0–0 C", "B 1–1 D"]"#, &["A", "B", "D", "C"])]
// Head-to-head goal difference: a three-way cycle, all 3 points; among themselves
// B +2 (lost 0–1, won 3–0), A 0 (won 1–0, lost 0–1), C −2.
#[case::head_to_head_goal_difference(r#""points", "head_to_head.goal_difference""#,
r#"teams = ["A", "B", "C"]
matches = ["A 1–0 B", "B 3–0 C", "C 1–0 A"]"#, &["B", "A", "C"])]
// Head-to-head goals: a cycle with every difference 0; goals B 4, A 3, C 2.
#[case::head_to_head_goals_for(r#""points", "head_to_head.goal_difference", "head_to_head.goals_for""#,
r#"teams = ["A", "B", "C"]
matches = ["A 3–2 B", "B 2–1 C", "C 1–0 A"]"#, &["B", "A", "C"])]
// Extra time in a group match counts by the final score: A beat B 3–2 after extra time (2–2 at
// 90 minutes would have been a draw), so A has 6 points to B's 3 (B beat C).
#[case::extra_time(r#""points""#,
r#"teams = ["B", "A", "C"]
matches = ["A 3–2 B (aet)", "A 1–0 C", "B 1–0 C"]"#, &["A", "B", "C"])]
// Goal difference: A and B drew each other and both beat C, A by more.
#[case::goal_difference(r#""points", "goal_difference""#,
r#"teams = ["B", "A", "C"]
matches = ["A 1–1 B", "A 4–0 C", "B 1–0 C"]"#, &["A", "B", "C"])]
// Goals scored: A and B drew 2–2, both beat C by one, A scoring more.
#[case::goals_for(r#""points", "goal_difference", "goals_for""#,
r#"teams = ["B", "A", "C"]
matches = ["A 2–2 B", "A 3–2 C", "B 1–0 C"]"#, &["A", "B", "C"])]
// Goals conceded, fewer first: A and B both 4 points, +1; A conceded 2, B none.
#[case::goals_against(r#""points", "goal_difference", "goals_against""#,
r#"teams = ["A", "B", "C"]
matches = ["A 3–2 C", "B 1–0 C", "A 0–0 B"]"#, &["B", "A", "C"])]
// Wins: A won once and lost twice (3 points), B drew three times (3 points); D and E (4 points,
// one win each) stay level.
#[case::wins(r#""points", "wins""#,
r#"teams = ["B", "A", "C", "D", "E"]
matches = ["A 1–0 C", "D 1–0 A", "E 1–0 A", "B 0–0 C", "B 0–0 D", "B 0–0 E"]"#, &["D=E", "A", "B", "C"])]
// Away goals: A and B both 4 points, +2, 3 goals; A scored 2 away (at C), B 1 (at A).
#[case::away_goals_for(r#""points", "goal_difference", "goals_for", "away_goals_for""#,
r#"teams = ["B", "A", "C"]
matches = ["A 1–1 B", "C 0–2 A", "B 2–0 C"]"#, &["A", "B", "C"])]
// Away wins: A and B both 4 points; A won at C, B won at home.
#[case::away_wins(r#""points", "away_wins""#,
r#"teams = ["B", "A", "C"]
matches = ["C 0–1 A", "A 0–0 B", "B 1–0 C"]"#, &["A", "B", "C"])]
// Fair play: A and B level on everything else; A has two yellows (−2), B one (−1).
#[case::fair_play(r#""points", "goal_difference", "goals_for", "head_to_head.points", "fair_play""#,
r#"teams = ["A", "B", "C"]
matches = ["A 1–1 B", "A 1–0 C", "B 1–0 C"]
cards = { A = { yellow = 2 }, B = { yellow = 1 }, C = {} }"#, &["B", "A", "C"])]
// Coefficient: A and B level; A's recorded coefficient is higher.
#[case::coefficient(r#""points", "goal_difference", "coefficient""#,
r#"teams = ["B", "A", "C"]
matches = ["A 1–1 B", "A 1–0 C", "B 1–0 C"]
coefficients = { A = "1.500", B = "1.250", C = "0.5" }"#, &["A", "B", "C"])]
// Decision: A and B level on everything; the drawing of lots put B first.
#[case::decision(r#""points", "goal_difference", "decision""#,
r#"teams = ["A", "B", "C"]
matches = ["A 1–1 B", "A 1–0 C", "B 1–0 C"]
decisions = [{ by = "drawing of lots", order = ["B", "A"] }]"#, &["B", "A", "C"])]
fn each_criterion_decides_on_its_own(
    #[case] chain: &str,
    #[case] group: &str,
    #[case] expected: &[&str],
) {
    let fair_play =
        "[fair_play]\nyellow = -1\nindirect_red = -3\ndirect_red = -4\nyellow_direct_red = -5";
    let rules = rules(chain, fair_play);
    with_group(&rules, group, |t| assert_eq!(order(t), expected));
}

/// A and B both 4 points and +1: A scored 3 and conceded 2, B scored 1 and conceded none.
const SCORED_OR_CONCEDED: &str = r#"teams = ["A", "B", "C"]
matches = ["A 3–2 C", "B 1–0 C", "A 0–0 B"]"#;

#[rstest]
// More goals scored is better: A (3) above B (1).
#[case::goals_for("goals_for", &["A", "B", "C"], "A, B: goals scored: A 3, B 1 → A > B")]
// Fewer goals conceded is better: B (0) above A (2), the lower value listed first.
#[case::goals_against("goals_against", &["B", "A", "C"], "B, A: goals conceded: B 0, A 2 → B > A")]
fn a_lower_is_better_criterion_ranks_the_lower_value_first(
    #[case] criterion: &str,
    #[case] expected: &[&str],
    #[case] explained: &str,
) {
    let rules = rules(
        &format!(r#""points", "goal_difference", "{criterion}""#),
        "",
    );
    with_group(&rules, SCORED_OR_CONCEDED, |t| {
        assert_eq!(order(t), expected);
        let steps: Vec<String> = t
            .ordering
            .tiebreaks()
            .map(|s| standings::explain::step(t, s))
            .collect();
        assert_eq!(steps.last().unwrap(), explained);
        let separation = t.ordering.tiers[0].above_next.as_ref().unwrap();
        assert_eq!(separation.criterion.key(), criterion);
        assert_eq!(
            standings::explain::separation(t, separation),
            match criterion {
                "goals_for" => "on goals scored, 3 against 1",
                _ => "on goals conceded, 0 against 2",
            }
        );
    });
}

#[test]
fn without_its_criterion_the_same_tie_stays_level() {
    // The head-to-head points case with only points in the chain: A and B share first.
    let rules = rules(r#""points""#, "");
    with_group(
        &rules,
        r#"teams = ["B", "A", "C", "D"]
matches = ["A 1–0 B", "B 5–0 C", "A 0–0 C", "B 1–1 D"]"#,
        |t| {
            assert_eq!(order(t), ["B=A", "C=D"]);
            assert!(matches!(
                t.qualification,
                Qualification::Undecided { places: 1, .. }
            ));
        },
    );
}

/// One forfeit between A and B: (P, W, D, L, GF, GA, deducted, points) for A, then for B.
type Pair = [(u64, u64, u64, u64, u64, u64, &'static str, &'static str); 2];

#[rstest]
// A did not play: 0–3 defeat and 1 point off for A; B wins 3–0.
#[case::home_forfeits("A v B (forfeit: A)", "deduction = 1",
    [(1, 0, 0, 1, 0, 3, "1", "-1"), (1, 1, 0, 0, 3, 0, "0", "3")])]
#[case::away_forfeits("A v B (forfeit: B)", "deduction = 1",
    [(1, 1, 0, 0, 3, 0, "0", "3"), (1, 0, 0, 1, 0, 3, "1", "-1")])]
// Neither played: both lose 0–3, both lose a point, nobody wins.
#[case::both_forfeit("A v B (forfeit: both)", "deduction = 1",
    [(1, 0, 0, 1, 0, 3, "1", "-1"), (1, 0, 0, 1, 0, 3, "1", "-1")])]
// Awarded goals left out of goal difference when the rule says so.
#[case::goals_not_counted("A v B (forfeit: A)", "deduction = 1\ngoals_count = false",
    [(1, 0, 0, 1, 0, 0, "1", "-1"), (1, 1, 0, 0, 0, 0, "0", "3")])]
// A different awarded score and a decimal deduction.
#[case::other_score_and_decimal_deduction("A v B (forfeit: B)", "score = [2, 0]\ndeduction = 0.5",
    [(1, 1, 0, 0, 2, 0, "0", "3"), (1, 0, 0, 1, 0, 2, "0.5", "-0.5")])]
// No deduction at all.
#[case::no_deduction("A v B (forfeit: both)", "deduction = 0",
    [(1, 0, 0, 1, 0, 3, "0", "0"), (1, 0, 0, 1, 0, 3, "0", "0")])]
fn forfeits(#[case] line: &str, #[case] forfeit_rule: &str, #[case] expected: Pair) {
    let rules = rules(r#""points""#, &format!("[forfeit]\n{forfeit_rule}"));
    let body = format!("teams = [\"A\", \"B\"]\nmatches = [\"{line}\"]");
    with_group(&rules, &body, |t| {
        let mut rows: Vec<_> = t.rows.iter().collect();
        rows.sort_by_key(|r| r.team);
        let got: Vec<_> = rows
            .iter()
            .map(|r| {
                let rec = &r.record;
                (
                    rec.played,
                    rec.won,
                    rec.drawn,
                    rec.lost,
                    rec.goals_for,
                    rec.goals_against,
                    rec.deducted.to_string(),
                    rec.points().to_string(),
                )
            })
            .collect();
        let want: Vec<_> = expected
            .iter()
            .map(|&(p, w, d, l, gf, ga, ded, pts)| {
                (p, w, d, l, gf, ga, ded.to_string(), pts.to_string())
            })
            .collect();
        assert_eq!(got, want);
    });
}

#[test]
fn decimal_points_per_result() {
    // A win 2.5, a draw 0.5 (written as a string): A won once and drew once, 3.
    let r = rules_with_points("win = 2.5\ndraw = \"0.5\"\nloss = 0", r#""points""#, "");
    with_group(
        &r,
        "teams = [\"A\", \"B\", \"C\"]\nmatches = [\"A 1–0 B\", \"A 0–0 C\"]",
        |t| {
            assert_eq!(t.rows[0].record.points(), Decimal::new(30, 1));
        },
    );
}

/// Four teams on 4 points each. Goal difference over all six matches: A +2, B 0, C 0, D −2;
/// B and C also level on goals (1 each), but B beat C 1–0.
const FOUR_LEVEL: &str = r#"teams = ["A", "B", "C", "D"]
matches = ["A 0–0 B", "C 1–0 A", "A 3–0 D", "B 1–0 C", "D 1–0 B", "C 0–0 D"]"#;

#[rstest]
// UEFA style (EURO 2016, Art. 18.01): the head-to-head block re-applied to B and C alone: B won
// their match.
#[case::reapply(r#"mode = "reapply""#, &["A", "B", "C", "D"])]
#[case::reapply_as_before("reapply = true", &["A", "B", "C", "D"])]
// Once (FIFA 2018, Art. 32.5): B and C go on to overall criteria, which cannot separate them.
#[case::once(r#"mode = "once""#, &["A", "B=C", "D"])]
#[case::once_as_before("reapply = false", &["A", "B=C", "D"])]
#[case::once_by_default("", &["A", "B=C", "D"])]
fn head_to_head_modes(#[case] mode: &str, #[case] expected: &[&str]) {
    let chain = r#""points", "head_to_head.points", "head_to_head.goal_difference", "head_to_head.goals_for", "goal_difference", "goals_for", "decision""#;
    let rules = rules(chain, &format!("[head_to_head]\n{mode}"));
    with_group(&rules, FOUR_LEVEL, |t| assert_eq!(order(t), expected));
}

#[test]
fn never_applying_head_to_head_is_a_chain_without_it() {
    // No mode means "never": `mode = "never"` is refused, saying what to write instead.
    let text = "name = \"r\"\n[points]\nwin = 3\ndraw = 1\nloss = 0\n[head_to_head]\nmode = \"never\"\n[tiebreak]\norder = [\"points\", \"head_to_head.points\"]\n[qualification]\nadvance = 1\n";
    let e = RuleSet::parse(&Source::new("rules.toml", text)).unwrap_err();
    assert!(
        e.message.ends_with(
            "; to never compare the tied teams' own matches, leave the head-to-head criteria out of `tiebreak.order` (a mode does not undo what the chain names)"
        ),
        "{e}"
    );
    // The chain without head-to-head: overall goal difference (A +2, B 0, C 0, D −2), then
    // goals (B 1, C 1): B and C level, as under "once" here.
    let rules = rules(r#""points", "goal_difference", "goals_for""#, "");
    with_group(&rules, FOUR_LEVEL, |t| {
        assert_eq!(order(t), ["A", "B=C", "D"]);
        assert!(
            t.ordering
                .steps
                .iter()
                .all(|s| !s.criterion.is_head_to_head())
        );
    });
}

#[test]
fn reapplication_is_explained_step_by_step() {
    let chain = r#""points", "head_to_head.points", "head_to_head.goal_difference""#;
    let rules = rules(chain, "[head_to_head]\nreapply = true");
    with_group(&rules, FOUR_LEVEL, |t| {
        let steps: Vec<String> = t
            .ordering
            .tiebreaks()
            .map(|s| standings::explain::step(t, s))
            .collect();
        assert_eq!(
            steps,
            [
                "A, B, C, D: head-to-head points: A 4, B 4, C 4, D 4 → level",
                "A, B, C, D: head-to-head goal difference: A 2, B 0, C 0, D -2 → A > B = C > D",
                "B, C: head-to-head points: B 3, C 0 → B > C",
            ]
        );
    });
}

#[test]
fn match_order_never_changes_a_table() {
    let rules = rules(
        r#""points", "head_to_head.goal_difference", "goal_difference""#,
        "",
    );
    let forward = r#"teams = ["A", "B", "C", "D"]
matches = ["A 0–0 B", "C 1–0 A", "A 3–0 D", "B 1–0 C", "D v B (forfeit: D)", "C v D (forfeit: both)"]"#;
    let reversed = r#"teams = ["A", "B", "C", "D"]
matches = ["C v D (forfeit: both)", "D v B (forfeit: D)", "B 1–0 C", "A 3–0 D", "C 1–0 A", "A 0–0 B"]"#;
    let a = with_group(&rules, forward, |t| (order(t), t.rows.clone()));
    let b = with_group(&rules, reversed, |t| (order(t), t.rows.clone()));
    assert_eq!(a, b);
}

#[test]
fn a_decision_that_does_not_cover_the_tie_is_not_used() {
    // A, B and C all level; the recorded decision only orders two of them.
    let rules = rules(r#""points", "decision""#, "");
    let body = r#"teams = ["A", "B", "C"]
matches = ["A 1–0 B", "B 1–0 C", "C 1–0 A"]
decisions = [{ by = "drawing of lots", order = ["B", "A"] }]"#;
    with_group(&rules, body, |t| assert_eq!(order(t), ["A=B=C"]));
}

/// A and B on 4 points (a draw between them, a win each over C): B beat C 3–0, A only 1–0, so
/// goal difference puts B first (+3 against +1).
const LEVEL_ON_POINTS: &str = r#"teams = ["A", "B", "C"]
matches = ["A 1–1 B", "A 1–0 C", "B 3–0 C"]"#;

#[rstest]
// The lots stand before goal difference: they put A first, and goal difference is never reached.
#[case::decides_before_goal_difference(r#"decisions = [{ by = "drawing of lots", order = ["A", "B"] }]"#, &["A", "B", "C"], &["decision"])]
// Nothing recorded: A and B stay level on it, and the chain moves on to goal difference.
#[case::nothing_recorded_moves_on("", &["B", "A", "C"], &["decision", "goal_difference"])]
// A decision that does not cover the tie (it orders A and C) is not used: it moves on too.
#[case::not_covering_moves_on(r#"decisions = [{ by = "drawing of lots", order = ["C", "A"] }]"#, &["B", "A", "C"], &["decision", "goal_difference"])]
fn a_decision_in_the_middle_of_the_chain(
    #[case] recorded: &str,
    #[case] expected: &[&str],
    #[case] applied: &[&str],
) {
    let rules = rules(r#""points", "decision", "goal_difference""#, "");
    with_group(&rules, &format!("{LEVEL_ON_POINTS}\n{recorded}"), |t| {
        assert_eq!(order(t), expected);
        let steps: Vec<&str> = t.ordering.tiebreaks().map(|s| s.criterion.key()).collect();
        assert_eq!(steps, applied);
    });
}

/// Two points for a win. Sweden 5 points; Hungary and Wales 3 each, Hungary with goals 6:3
/// (average 2), Wales 2:2 (average 1); Mexico 1. (The 1958 World Cup's Group 3, whose play-off
/// Wales won 2–1.)
const PLAYOFF_GROUP: &str = r#"teams = ["Sweden", "Hungary", "Wales", "Mexico"]
matches = ["Sweden 3–0 Mexico", "Hungary 1–1 Wales", "Wales 1–1 Mexico", "Sweden 2–1 Hungary",
           "Sweden 0–0 Wales", "Hungary 4–0 Mexico"]"#;

#[rstest]
// The play-off stands before goal average: Wales won it, so Wales is second though its goal
// average (1) is below Hungary's (2).
#[case::play_off_before_goal_average(r#""points", "playoff", "goal_average""#,
    r#"playoffs = ["Wales 2–1 Hungary"]"#, &["Sweden", "Wales", "Hungary", "Mexico"],
    &["playoff"])]
// Extra time and penalties count: Hungary won the shoot-out.
#[case::play_off_on_penalties(r#""points", "playoff", "goal_average""#,
    r#"playoffs = ["Wales 1–1 Hungary (aet, pens 3–4)"]"#, &["Sweden", "Hungary", "Wales", "Mexico"],
    &["playoff"])]
// A drawn play-off (level after extra time, no shoot-out) leaves them level: goal average decides
// (1958's rule for a drawn play-off).
#[case::drawn_play_off_moves_on(r#""points", "playoff", "goal_average""#,
    r#"playoffs = ["Wales 1–1 Hungary (aet)"]"#, &["Sweden", "Hungary", "Wales", "Mexico"],
    &["playoff", "goal_average"])]
// No play-off recorded: they stay level on it, and goal average decides.
#[case::no_play_off_moves_on(r#""points", "playoff", "goal_average""#, "",
    &["Sweden", "Hungary", "Wales", "Mexico"], &["playoff", "goal_average"])]
// `decision` reads recorded orders, not play-offs: goal average decides.
#[case::decision_does_not_read_play_offs(r#""points", "decision", "goal_average""#,
    r#"playoffs = ["Wales 2–1 Hungary"]"#, &["Sweden", "Hungary", "Wales", "Mexico"],
    &["decision", "goal_average"])]
// `playoff` reads play-offs, not recorded orders: goal average decides.
#[case::play_off_does_not_read_decisions(r#""points", "playoff", "goal_average""#,
    r#"decisions = [{ by = "drawing of lots", order = ["Wales", "Hungary"] }]"#,
    &["Sweden", "Hungary", "Wales", "Mexico"], &["playoff", "goal_average"])]
// A play-off of a pair that is not the tie (Wales and Mexico) decides nothing here.
#[case::play_off_of_another_pair(r#""points", "playoff", "goal_average""#,
    r#"playoffs = ["Mexico 1–0 Wales"]"#, &["Sweden", "Hungary", "Wales", "Mexico"],
    &["playoff", "goal_average"])]
fn a_play_off_decides_its_two_teams(
    #[case] chain: &str,
    #[case] recorded: &str,
    #[case] expected: &[&str],
    #[case] applied: &[&str],
) {
    let rules = rules_with_points("win = 2\ndraw = 1\nloss = 0", chain, "");
    with_group(&rules, &format!("{PLAYOFF_GROUP}\n{recorded}"), |t| {
        assert_eq!(order(t), expected);
        let steps: Vec<&str> = t.ordering.tiebreaks().map(|s| s.criterion.key()).collect();
        assert_eq!(steps, applied);
        // The play-off enters neither table: Wales and Hungary played 3 matches each.
        assert!(t.rows.iter().all(|r| r.record.played == 3));
    });
}

#[test]
fn a_play_off_is_explained_with_its_score() {
    let rules = rules_with_points(
        "win = 2\ndraw = 1\nloss = 0",
        r#""points", "playoff", "goal_average""#,
        "",
    );
    let body = format!("{PLAYOFF_GROUP}\nplayoffs = [\"Wales 2–1 Hungary\"]");
    with_group(&rules, &body, |t| {
        let steps: Vec<String> = t
            .ordering
            .tiebreaks()
            .map(|s| standings::explain::step(t, s))
            .collect();
        assert_eq!(
            steps,
            ["Wales, Hungary: play-off Wales 2–1 Hungary → Wales > Hungary"]
        );
        assert_eq!(
            standings::explain::pair(t, 1),
            "Wales above Hungary: points level at 3; play-off Wales 2–1 Hungary"
        );
        let separation = t.ordering.tiers[1].above_next.as_ref().unwrap();
        assert_eq!(
            standings::explain::separation(t, separation),
            "by the play-off Wales 2–1 Hungary, recorded in the data"
        );
    });
}

#[test]
fn a_drawn_play_off_is_explained_and_the_chain_moves_on() {
    let rules = rules_with_points(
        "win = 2\ndraw = 1\nloss = 0",
        r#""points", "playoff", "goal_average""#,
        "",
    );
    let body = format!("{PLAYOFF_GROUP}\nplayoffs = [\"Wales 1–1 Hungary (aet)\"]");
    with_group(&rules, &body, |t| {
        let steps: Vec<String> = t
            .ordering
            .tiebreaks()
            .map(|s| standings::explain::step(t, s))
            .collect();
        assert_eq!(
            steps,
            [
                "Hungary, Wales: play-off Wales 1–1 Hungary (aet) → level",
                "Hungary, Wales: goal average: Hungary 2, Wales 1 → Hungary > Wales"
            ]
        );
        assert_eq!(
            standings::explain::pair(t, 1),
            "Hungary above Wales: points level at 3; play-off Wales 1–1 Hungary (aet), drawn; goal average 2 against 1"
        );
    });
}

/// Two points for a win. A beat everyone (6 points); B and C drew and both beat D (3 each): level
/// for second place, the last that advances, so their tie decides who advances.
const LEVEL_AT_THE_BOUNDARY: &str = r#"teams = ["A", "B", "C", "D"]
matches = ["A 1–0 B", "A 1–0 C", "A 1–0 D", "B 0–0 C", "B 1–0 D", "C 1–0 D"]"#;

/// Two points for a win. A and B drew and both beat C and D (5 each): level for first place,
/// both advance. C and D drew (1 each): level for third place, neither advances.
const LEVEL_ABOVE_AND_BELOW: &str = r#"teams = ["A", "B", "C", "D"]
matches = ["A 1–1 B", "A 1–0 C", "A 1–0 D", "B 1–0 C", "B 1–0 D", "C 0–0 D"]"#;

#[rstest]
// B and C straddle the boundary: `qualifying_order`, whose play-off puts C second.
#[case::boundary_play_off(LEVEL_AT_THE_BOUNDARY, r#"playoffs = ["C 2–0 B"]"#,
    &["A", "C", "B", "D"], &[("playoff", true)])]
// No play-off: level on it, the qualifying chain moves on to the lots.
#[case::boundary_lots_after_no_play_off(LEVEL_AT_THE_BOUNDARY,
    r#"decisions = [{ by = "drawing of lots", order = ["B", "C"] }]"#,
    &["A", "B", "C", "D"], &[("playoff", true), ("decision", true)])]
// A and B (first place) and C and D (third) decide nothing: `order`, which has no play-off, so
// the play-off A and B recorded is not read and they share first place; lots order C and D.
#[case::above_and_below_lots_only(LEVEL_ABOVE_AND_BELOW,
    "playoffs = [\"B 1–0 A\"]\ndecisions = [{ by = \"drawing of lots\", order = [\"D\", \"C\"] }]",
    &["A=B", "D", "C"], &[("decision", false), ("decision", false)])]
#[case::above_lots(LEVEL_ABOVE_AND_BELOW,
    r#"decisions = [{ by = "drawing of lots", order = ["B", "A"] }]"#,
    &["B", "A", "C=D"], &[("decision", false), ("decision", false)])]
fn a_tie_deciding_who_advances_follows_the_qualifying_order(
    #[case] group: &str,
    #[case] recorded: &str,
    #[case] expected: &[&str],
    #[case] applied: &[(&str, bool)],
) {
    // 1954: a play-off for a qualifying place, lots otherwise (two advance).
    let text = r#"
name = "1954"
[points]
win = 2
draw = 1
loss = 0
[tiebreak]
order = ["points", "decision"]
qualifying_order = ["points", "playoff", "decision"]
[qualification]
advance = 2
"#;
    let rules = RuleSet::parse(&Source::new("rules.toml", text)).unwrap();
    with_group(&rules, &format!("{group}\n{recorded}"), |t| {
        assert_eq!(order(t), expected);
        let steps: Vec<(&str, bool)> = t
            .ordering
            .tiebreaks()
            .map(|s| (s.criterion.key(), s.qualifying))
            .collect();
        assert_eq!(steps, applied);
    });
}

#[test]
fn a_qualifying_step_says_so() {
    let text = "name = \"r\"\n[points]\nwin = 2\ndraw = 1\nloss = 0\n[tiebreak]\norder = [\"points\"]\nqualifying_order = [\"points\", \"playoff\"]\n[qualification]\nadvance = 2\n";
    let rules = RuleSet::parse(&Source::new("rules.toml", text)).unwrap();
    let body = format!("{LEVEL_AT_THE_BOUNDARY}\nplayoffs = [\"C 2–0 B\"]");
    with_group(&rules, &body, |t| {
        let steps: Vec<String> = t
            .ordering
            .tiebreaks()
            .map(|s| standings::explain::step(t, s))
            .collect();
        assert_eq!(
            steps,
            ["C, B (for a qualifying place): play-off C 2–0 B → C > B"]
        );
    });
}

/// A rule file declaring two criteria of its own, after points and goal difference.
const DECLARED: &str = r#"
[recorded.club_coefficient]
label = "UEFA club coefficient"
better = "higher"

[recorded.lots_number]
label = "drawing-of-lots number"
better = "lower"
"#;

#[rstest]
// Higher is better: A's coefficient 70.5 above B's 70.25 (exact decimals, as written).
#[case::higher_is_better(r#""points", "goal_difference", "recorded.club_coefficient", "recorded.lots_number""#,
    r#"values.club_coefficient = { A = "70.5", B = "70.25", C = "1" }"#, &["A", "B", "C"])]
// Lower is better: B drew number 1, A number 2.
#[case::lower_is_better(r#""points", "goal_difference", "recorded.lots_number", "recorded.club_coefficient""#,
    r#"values.lots_number = { A = 2, B = 1 }"#, &["B", "A", "C"])]
// Equal values: the next declared criterion decides.
#[case::equal_then_the_next(r#""points", "goal_difference", "recorded.club_coefficient", "recorded.lots_number""#,
    "values.club_coefficient = { A = \"70.500\", B = \"70.5\" }\nvalues.lots_number = { A = 2, B = 1 }",
    &["B", "A", "C"])]
fn a_declared_criterion_decides(
    #[case] chain: &str,
    #[case] recorded: &str,
    #[case] expected: &[&str],
) {
    // A and B drew and both beat C 1–0: 4 points and +1 each.
    let rules = rules(chain, DECLARED);
    let body = format!(
        "teams = [\"A\", \"B\", \"C\"]\nmatches = [\"A 1–1 B\", \"A 1–0 C\", \"B 1–0 C\"]\n{recorded}"
    );
    with_group(&rules, &body, |t| assert_eq!(order(t), expected));
}

#[test]
fn a_declared_criterion_without_a_teams_value_is_an_error_naming_it() {
    let rules = rules(
        r#""points", "goal_difference", "recorded.club_coefficient", "recorded.lots_number""#,
        DECLARED,
    );
    // B has no coefficient recorded: never taken as zero.
    let text = "competition = \"test\"\n[[group]]\nname = \"G\"\nteams = [\"A\", \"B\", \"C\"]\nmatches = [\"A 1–1 B\", \"A 1–0 C\", \"B 1–0 C\"]\nvalues.club_coefficient = { A = \"70.5\" }\n";
    let competition = data::parse(&Source::new("test-data.toml", text)).unwrap();
    let group = &competition.groups[0];
    let missing = compute_group(group, rules.groups.as_ref().unwrap()).unwrap_err();
    assert_eq!(missing.criterion.key(), "recorded.club_coefficient");
    assert_eq!(missing.teams, [TeamId::new(1)]);
    let message = standings::compute::standings::missing_data(&competition, group, &missing);
    assert_eq!(
        message.message,
        "G: the tiebreak reaches \"recorded.club_coefficient\" for B, but the data records no values.club_coefficient for them; expected `values.club_coefficient` in the group (a missing value is not taken as zero)"
    );
}

#[test]
fn a_declared_criterion_is_explained_by_its_label() {
    let rules = rules(
        r#""points", "recorded.club_coefficient""#,
        &DECLARED.replace(
            "\n[recorded.lots_number]\nlabel = \"drawing-of-lots number\"\nbetter = \"lower\"\n",
            "",
        ),
    );
    let body = "teams = [\"A\", \"B\"]\nmatches = [\"A 0–0 B\"]\nvalues.club_coefficient = { A = \"70.25\", B = \"134\" }";
    with_group(&rules, body, |t| {
        let steps: Vec<String> = t
            .ordering
            .tiebreaks()
            .map(|s| standings::explain::step(t, s))
            .collect();
        assert_eq!(
            steps,
            ["B, A: UEFA club coefficient: B 134, A 70.25 → B > A"]
        );
        assert_eq!(
            standings::explain::pair(t, 0),
            "B above A: points level at 1; UEFA club coefficient 134 against 70.25"
        );
    });
}

#[test]
fn head_to_head_away_goals_over_two_meetings() {
    // A and B met twice: 1–2 at A, 0–1 at B. Both 3 points, goal difference 0, 2 goals among
    // themselves; B scored 2 away, A 1.
    let chain = r#""points", "head_to_head.points", "head_to_head.goal_difference", "head_to_head.goals_for", "head_to_head.away_goals_for""#;
    let rules = rules(chain, "[group]\nmeetings = 2");
    let body = r#"teams = ["A", "B"]
matches = ["A 1–2 B", "B 0–1 A"]"#;
    with_group(&rules, body, |t| assert_eq!(order(t), ["B", "A"]));
}

/// Three teams on 6 points, D on 0. Among A, B, C: all 3 points; goal difference B +1, C +1,
/// A −2; goals B 3, C 3. So head-to-head splits them into the pair B, C and A; B beat C 2–0.
/// Overall B and C are also level: +2 and 4 goals each.
const THREE_LEVEL: &str = r#"teams = ["A", "B", "C", "D"]
matches = ["A 2–1 B", "B 2–0 C", "C 3–0 A", "A 1–0 D", "B 1–0 D", "C 1–0 D"]"#;

#[rstest]
#[case::reapplied("true", &["B", "C", "A", "D"])]
#[case::not_reapplied("false", &["B=C", "A", "D"])]
fn three_way_tie_split_into_one_and_a_pair(#[case] reapply: &str, #[case] expected: &[&str]) {
    let chain = r#""points", "head_to_head.points", "head_to_head.goal_difference", "head_to_head.goals_for", "goal_difference", "goals_for""#;
    let rules = rules(chain, &format!("[head_to_head]\nreapply = {reapply}"));
    with_group(&rules, THREE_LEVEL, |t| assert_eq!(order(t), expected));
}

#[test]
fn the_three_way_split_is_explained_step_by_step() {
    let chain = r#""points", "head_to_head.points", "head_to_head.goal_difference", "head_to_head.goals_for""#;
    let rules = rules(chain, "[head_to_head]\nreapply = true");
    with_group(&rules, THREE_LEVEL, |t| {
        let steps: Vec<String> = t
            .ordering
            .tiebreaks()
            .map(|s| standings::explain::step(t, s))
            .collect();
        assert_eq!(
            steps,
            [
                "A, B, C: head-to-head points: A 3, B 3, C 3 → level",
                "B, C, A: head-to-head goal difference: B 1, C 1, A -2 → B = C > A",
                "B, C: head-to-head goals scored (mini-table of A, B, C): B 3, C 3 → level",
                "B, C: head-to-head points: B 3, C 0 → B > C",
            ]
        );
        // Adjacent pairs name every criterion that compared them, the last one deciding.
        assert_eq!(t.rows[0].team, TeamId::new(1));
        assert_eq!(t.rows[1].team, TeamId::new(2));
        assert_eq!(
            standings::explain::pair(t, 0),
            "B above C: points level at 6; head-to-head points (mini-table of A, B, C) level at 3; \
             head-to-head goal difference (mini-table of A, B, C) level at 1; \
             head-to-head goals scored (mini-table of A, B, C) level at 3; head-to-head points 3 against 0"
        );
    });
}

#[test]
fn a_criterion_without_its_data_is_an_error_not_a_zero() {
    let fair_play =
        "[fair_play]\nyellow = -1\nindirect_red = -3\ndirect_red = -4\nyellow_direct_red = -5";
    let rules = rules(r#""points", "fair_play""#, fair_play);
    let text = "competition = \"test\"\n[[group]]\nname = \"G\"\nteams = [\"A\", \"B\", \"C\"]\nmatches = [\"A 1–1 B\", \"C 0–0 A\"]\ncards = { A = { yellow = 1 } }";
    let competition = data::parse(&Source::new("test-data.toml", text)).unwrap();
    let missing =
        compute_group(&competition.groups[0], rules.groups.as_ref().unwrap()).unwrap_err();
    // A (2 points) is alone; B and C (1 point each) reach fair play, and neither has cards.
    assert_eq!(missing.teams, [TeamId::new(1), TeamId::new(2)]);
}
