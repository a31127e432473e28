//! The run-in analysis (`standings::runin`) against an independent oracle: random small leagues
//! (4–5 teams, a few results played, 2–4 fixtures left), every result of the fixtures left
//! enumerated with a set of scorelines, each completed league ranked by the ordinary engine
//! (`compute_group`), and each team's best and worst place compared with the solver's.
//!
//! Why the scoreline sets make the oracle exact:
//! - points alone (`["points"]`): places depend on results only, so 1–0, 0–0, 0–1 cover all.
//! - points then goal difference: the solver claims a team with a match left can be put above
//!   (below) every team level on points with it by winning (losing) by enough. The big margin
//!   `m` ([`witness_margin`]) is more than the spread of goal differences so far plus two goals
//!   for every match a team has left, so a team winning (losing) all its matches by `m`, the
//!   others winning or losing by one, is past every team level with it. So {0–0, 1–0, 0–1,
//!   m–0, 0–m} reaches every claimed place; and no scoreline reaches past it, since the claim is
//!   a bound on points alone (fewest teams with more points; most teams with at least as many).
//! - where the solver gives a range (a team without a match left, or head-to-head after
//!   points), the oracle's place must lie in it, and equal it when it is a single place. A
//!   range is narrowed (made exact where it meets the bound) by a completed season scored with
//!   0–0, 1–0 and `m`–0 (`src/runin/witness.rs`), which those scorelines include, so the oracle
//!   reaches its place: an exact place claimed that way is checked against the oracle too.

use rand::{RngExt, SeedableRng};
use rand_chacha::ChaCha8Rng;
use standings::compute::standings::compute_group;
use standings::diagnostic::Source;
use standings::model::Fixture;
use standings::model::{Group, Match, Outcome, TeamId};
use standings::read::data;
use standings::rules::RuleSet;
use standings::runin::{League, Outlook, TiesOnPoints, analyse, of_group, witness_margin};

const NAMES: [&str; 5] = ["A", "B", "C", "D", "E"];

fn rules(points: &str, chain: &str) -> RuleSet {
    let text = format!(
        "name = \"test\"\n[points]\n{points}\n[tiebreak]\norder = [{chain}]\n[qualification]\nadvance = 1\nrelegated = 1\n[group]\nmeetings = 9\n"
    );
    RuleSet::parse(&Source::new("test-rules.toml", text)).unwrap()
}

/// A random league: its group (played matches, perhaps a deduction) and fixtures left.
fn league(rng: &mut ChaCha8Rng) -> (Group, Vec<(TeamId, TeamId)>) {
    let n = rng.random_range(4..=5);
    let teams: Vec<&str> = NAMES[..n].to_vec();
    let mut played_per_team = vec![0; n];
    let mut matches = Vec::new();
    for _ in 0..rng.random_range(0..=6) {
        let h = rng.random_range(0..n);
        let a = rng.random_range(0..n);
        if h == a || played_per_team[h] >= 4 || played_per_team[a] >= 4 {
            continue;
        }
        played_per_team[h] += 1;
        played_per_team[a] += 1;
        let (x, y) = (rng.random_range(0..=2), rng.random_range(0..=2));
        matches.push(format!("\"{} {x}–{y} {}\"", teams[h], teams[a]));
    }
    let deduction = if rng.random_bool(0.3) {
        let points = ["1", "0.5", "2", "-1"][rng.random_range(0..4)];
        format!(
            "deductions = [{{ team = \"{}\", points = {points}, reason = \"test\" }}]\n",
            teams[rng.random_range(0..n)]
        )
    } else {
        String::new()
    };
    let text = format!(
        "competition = \"t\"\n[[group]]\nname = \"G\"\nteams = [{}]\nmatches = [{}]\n{deduction}",
        teams
            .iter()
            .map(|t| format!("\"{t}\""))
            .collect::<Vec<_>>()
            .join(", "),
        matches.join(", ")
    );
    let competition = data::parse(&Source::new("t.toml", text)).unwrap();
    let mut fixtures = Vec::new();
    while fixtures.len() < rng.random_range(2..=4) {
        let h = rng.random_range(0..n);
        let a = rng.random_range(0..n);
        if h != a {
            fixtures.push((TeamId::new(h), TeamId::new(a)));
        }
    }
    (competition.groups[0].clone(), fixtures)
}

/// Each team's (best, worst) place over every completion with scores from `scores`.
fn oracle(
    group: &Group,
    rules: &RuleSet,
    fixtures: &[(TeamId, TeamId)],
    scores: &[(u32, u32)],
) -> Vec<(usize, usize)> {
    let n = group.teams.len();
    let mut places = vec![(usize::MAX, 0); n];
    let mut choice = vec![0; fixtures.len()];
    loop {
        let mut completed = group.clone();
        for (&(home, away), &c) in fixtures.iter().zip(&choice) {
            let (h, a) = scores[c];
            completed
                .matches
                .push(Match::new(home, away, Outcome::Played { home: h, away: a }));
        }
        let table = compute_group(&completed, rules.groups.as_ref().unwrap()).unwrap();
        for row in &table.rows {
            let p = &mut places[row.team.index()];
            p.0 = p.0.min(row.position);
            p.1 = p.1.max(row.position);
        }
        // Next combination, like an odometer.
        let mut i = 0;
        loop {
            if i == choice.len() {
                return places;
            }
            choice[i] += 1;
            if choice[i] < scores.len() {
                break;
            }
            choice[i] = 0;
            i += 1;
        }
    }
}

fn describe(group: &Group, fixtures: &[(TeamId, TeamId)], outlooks: &[Outlook]) -> String {
    format!(
        "teams {:?}\nplayed {:?}\ndeductions {:?}\nfixtures {fixtures:?}\nsolver {outlooks:#?}",
        group.teams, group.matches, group.rulings.deductions
    )
}

/// Checks `cases` random leagues; the number of places exact, and of those the witnesses made
/// exact where the solver alone gave a range.
fn run(seed: u64, cases: usize, points: &str, chain: &str, ties: TiesOnPoints) -> (usize, usize) {
    let mut narrowed = 0;
    let rules = rules(points, chain);
    let group_rules = rules.groups.as_ref().unwrap();
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let mut exact = 0;
    for _ in 0..cases {
        let (mut group, fixtures) = league(&mut rng);
        group.fixtures = fixtures.iter().map(|&(h, a)| Fixture::new(h, a)).collect();
        // The big margin of the completed seasons behind a range (see the top of the file).
        let m = witness_margin(&group, group_rules);
        let scores: &[(u32, u32)] = match ties {
            TiesOnPoints::Shared => &[(1, 0), (0, 0), (0, 1)],
            _ => &[(0, 0), (1, 0), (0, 1), (m, 0), (0, m)],
        };
        let run_in = of_group(&group, group_rules).unwrap();
        let (league, outlooks) = (run_in.league, run_in.outlooks);
        assert_eq!(league.ties, ties);
        // The solver alone: the witnesses only narrow its ranges.
        let bounds = analyse(&league).unwrap();
        for (o, b) in outlooks.iter().zip(&bounds) {
            assert!(b.best.low <= o.best.low && o.best.high <= b.best.high);
            assert!(b.worst.low <= o.worst.low && o.worst.high <= b.worst.high);
            narrowed += usize::from(o.best.is_exact() && !b.best.is_exact())
                + usize::from(o.worst.is_exact() && !b.worst.is_exact());
        }
        let truth = oracle(&group, &rules, &fixtures, scores);
        for (o, &(best, worst)) in outlooks.iter().zip(&truth) {
            let context = || describe(&group, &fixtures, &outlooks);
            assert!(
                o.best.low <= best && best <= o.best.high,
                "best of {} is {best}\n{}",
                group.teams[o.team],
                context()
            );
            assert!(
                o.worst.low <= worst && worst <= o.worst.high,
                "worst of {} is {worst}\n{}",
                group.teams[o.team],
                context()
            );
            if ties == TiesOnPoints::Margins && o.left > 0 {
                assert!(o.best.is_exact() && o.worst.is_exact(), "{}", context());
            }
            // On points alone a shared place is that place: the best is exact, and so is the
            // worst's low end; its high end reaches past every team that can end level, as a
            // shared place is not a place clinched alone.
            if ties == TiesOnPoints::Shared {
                assert!(o.best.is_exact(), "{}", context());
                assert_eq!(o.worst.low, worst, "{}", context());
            }
            exact += usize::from(o.best.is_exact()) + usize::from(o.worst.is_exact());
            // What is clinched follows from the oracle's places, where the solver's are exact.
            if o.worst.is_exact() {
                assert_eq!(o.clinched_title(), worst == 1, "{}", context());
            }
            if o.best.is_exact() {
                let n = group.teams.len();
                assert_eq!(o.relegated(&league), best == n, "{}", context());
            }
        }
    }
    (exact, narrowed)
}

#[test]
fn points_alone_three_one_zero() {
    run(
        1,
        1200,
        "win = 3\ndraw = 1\nloss = 0",
        "\"points\"",
        TiesOnPoints::Shared,
    );
}

#[test]
fn points_alone_decimal_points() {
    // Exact decimals: 2.5 for a win, 1.5 a draw, 0.5 a defeat, with half-point deductions.
    run(
        2,
        800,
        "win = 2.5\ndraw = 1.5\nloss = 0.5",
        "\"points\"",
        TiesOnPoints::Shared,
    );
}

#[test]
fn points_then_goal_difference() {
    let (exact, narrowed) = run(
        3,
        500,
        "win = 3\ndraw = 1\nloss = 0",
        "\"points\", \"goal_difference\", \"goals_for\"",
        TiesOnPoints::Margins,
    );
    assert!(exact > 0);
    // Teams without a match left: some of their ranges made exact by a completed season.
    eprintln!("points then goal difference: {exact} exact, {narrowed} by a witness");
    assert!(narrowed > 0);
}

#[test]
fn points_then_head_to_head_is_a_range() {
    let (exact, narrowed) = run(
        4,
        300,
        "win = 2\ndraw = 1\nloss = 0",
        "\"points\", \"head_to_head.points\", \"goal_difference\"",
        TiesOnPoints::Open,
    );
    eprintln!("points then head-to-head: {exact} exact, {narrowed} by a witness");
    assert!(narrowed > 0);
}

/// A hand-worked run-in on the abstract input: A 10 points, B 6, C 5, D 0; A v B and C v D
/// left, 3-1-0, one relegation place.
/// - A: beaten by B it has 10 to B's 9 and C's at most 8: first whatever happens.
/// - B: beating A gives 9, A keeps 10: best 2nd; losing leaves 6, C can reach 8: worst 3rd.
/// - C: winning gives 8, A has at least 10, B at most 6 if A wins: best 2nd; losing leaves 5,
///   A and B each have at least 6: worst 3rd (D at most 3).
/// - D: at most 3 points, C has at least 5: 4th whatever happens, relegated.
#[test]
fn hand_worked_run_in() {
    use rust_decimal::Decimal;
    use standings::runin::{Fixture, PointsPerResult, Standing};
    let team = |name: &str, points: i64| Standing {
        name: name.to_string(),
        points: Decimal::from(points),
    };
    let league = League {
        teams: vec![team("A", 10), team("B", 6), team("C", 5), team("D", 0)],
        fixtures: vec![Fixture { home: 0, away: 1 }, Fixture { home: 2, away: 3 }],
        points: PointsPerResult {
            win: Decimal::from(3),
            draw: Decimal::from(1),
            loss: Decimal::from(0),
        },
        ties: TiesOnPoints::Margins,
        advance: 2,
        relegated: 1,
    };
    let outlooks = analyse(&league).unwrap();
    let places: Vec<(usize, usize)> = outlooks
        .iter()
        .map(|o| (o.best.low, o.worst.high))
        .collect();
    pretty_assertions::assert_eq!(places, vec![(1, 1), (2, 3), (2, 3), (4, 4)]);
    assert!(
        outlooks
            .iter()
            .all(|o| o.best.is_exact() && o.worst.is_exact())
    );
    assert!(outlooks[0].clinched_title());
    assert!(outlooks[0].clinched_qualification(&league));
    assert!(!outlooks[1].clinched_qualification(&league));
    assert!(outlooks[1].clinched_safety(&league) && outlooks[2].clinched_safety(&league));
    assert!(outlooks[3].relegated(&league) && !outlooks[3].can_win_title());
}

/// `../shared/real/NAME`, or `None` (with the reason printed) when the published files are not
/// beside the checkout.
fn real(name: &str) -> Option<std::path::PathBuf> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/real")
        .join(name);
    if path.is_file() {
        Some(path)
    } else {
        eprintln!(
            "skipped: {} not found (the published files live in ../shared/real beside the checkout)",
            path.display()
        );
        None
    }
}

/// A real league at suspension, played on under `rules`: its group and each team's outlook.
fn played_on(name: &str, rules: &str) -> Option<(Group, League, Vec<Outlook>)> {
    let path = real(name)?;
    let loaded = standings::read::load(&path, None, Some(std::path::Path::new(rules))).unwrap();
    let group = loaded.competition.groups[0].clone();
    let group_rules = loaded.rules.groups.unwrap();
    let fixtures: Vec<_> = group.fixtures.iter().map(|f| (f.home, f.away)).collect();
    let league = League::from_group(&group, &group_rules, &fixtures).unwrap();
    let outlooks = analyse(&league).unwrap();
    Some((group, league, outlooks))
}

fn outlook_of<'a>(group: &Group, outlooks: &'a [Outlook], name: &str) -> &'a Outlook {
    &outlooks[group.team_named(name).unwrap().index()]
}

#[test]
fn league_one_at_suspension_played_on() {
    let Some((group, league, outlooks)) = played_on("2019-20-en.3.json", "efl-2019-20") else {
        return;
    };
    // 23 clubs, 35 or 36 matches of 44 played in March 2020: 106 fixtures left (the file's
    // matches without `score.ft`); the EFL's 2019/20 rules name 3 relegation places.
    assert_eq!(league.fixtures.len(), 106);
    assert_eq!(league.relegated, 3);
    assert_eq!(league.ties, TiesOnPoints::Margins);
    // Southend United: 19 points, 9 matches left, so at most 46; the twelve clubs from
    // Coventry City (67) down to Burton Albion (48) already have more: 13th at best, and
    // exactly that (every club has a match left, so the answer is exact).
    let southend = outlook_of(&group, &outlooks, "Southend United");
    assert_eq!(southend.left, 9);
    assert_eq!(southend.best.low, 13);
    assert!(!southend.clinched_safety(&league) && !southend.relegated(&league));
    // Bolton Wanderers: 26 points (after the 12 deducted), 10 left, at most 56; eight clubs
    // already have more (Coventry 67, Rotherham 62, Oxford, Portsmouth, Fleetwood 60,
    // Peterborough, Sunderland, Wycombe 59): 9th at best.
    assert_eq!(
        outlook_of(&group, &outlooks, "Bolton Wanderers").best.low,
        9
    );
    // Coventry City, 67 points, wins its 10 left for 97, more than anyone can reach
    // (Rotherham 62 + 27 = 89): can still win the title, not yet clinched (Rotherham can pass
    // 67).
    let coventry = outlook_of(&group, &outlooks, "Coventry City");
    assert!(coventry.can_win_title() && !coventry.clinched_title());
    // Coventry losing all ten stays on 67; only the 16 clubs from 2nd (Rotherham, 62) to 17th
    // (Accrington Stanley, 40 + 9 × 3 = 67) can reach 67, Milton Keynes Dons (37 + 27 = 64)
    // and those below cannot: 17th at worst, or better.
    assert!(coventry.worst.low <= 17);
    for o in &outlooks {
        assert!(o.best.is_exact() && o.worst.is_exact());
        assert!(o.best.low <= o.worst.low);
    }
}

#[test]
fn ligue_1_at_suspension_played_on() {
    let Some((group, league, outlooks)) = played_on("2019-20-fr.1.json", "league") else {
        return;
    };
    // 20 clubs, 38 rounds, stopped after 28 (Paris Saint-Germain v Strasbourg of the 28th
    // never played): 380 − 279 = 101 fixtures left.
    assert_eq!(league.fixtures.len(), 101);
    // Amiens: 23 points, 10 left, at most 53: Paris Saint-Germain (68) and Marseille (56)
    // already have more, so 3rd at best; Toulouse (13, at most 43) have Paris, Marseille,
    // Rennes (50) and Lille (49) above whatever happens: 5th at best or lower.
    assert!(outlook_of(&group, &outlooks, "Amiens SC").best.low >= 3);
    assert!(outlook_of(&group, &outlooks, "Toulouse FC").best.low >= 5);
    // Paris Saint-Germain, 68 with 11 left: Marseille (56, 10 left) can reach 86, so no title
    // yet; nobody can stop Paris winning out to 101.
    let paris = outlook_of(&group, &outlooks, "Paris Saint-Germain");
    assert!(paris.can_win_title() && !paris.clinched_title());
    assert_eq!(paris.left, 11);
}
