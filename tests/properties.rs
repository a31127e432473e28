//! Properties of the engine on random groups (proptest): what must hold for any results.

use std::path::Path;

use proptest::prelude::*;
use rust_decimal::Decimal;
use standings::compute::standings::{GroupTable, compute_group};
use standings::model::{Forfeit, Group, GroupRecord, Match, Outcome, TeamId};
use standings::rules::{GroupRules, RuleSet};

/// The 2003–04 Coppa Italia rules: forfeits with deductions, head-to-head, a decision step.
fn rules() -> GroupRules {
    RuleSet::load(Path::new("rules/coppa-italia-2003-04.toml"))
        .unwrap()
        .groups
        .unwrap()
}

fn outcome() -> impl Strategy<Value = Outcome> {
    prop_oneof![
        8 => (0u32..6, 0u32..6).prop_map(|(home, away)| Outcome::Played { home, away }),
        1 => Just(Outcome::Forfeit(Forfeit::Home)),
        1 => Just(Outcome::Forfeit(Forfeit::Away)),
        1 => Just(Outcome::Forfeit(Forfeit::Both)),
    ]
}

/// A group of 2 to 6 teams where each pair met at most once, in random order.
fn group() -> impl Strategy<Value = Group> {
    (2usize..=6).prop_flat_map(|n| {
        let pairs: Vec<(usize, usize)> = (0..n)
            .flat_map(|a| (a + 1..n).map(move |b| (a, b)))
            .collect();
        let count = pairs.len();
        (
            Just(n),
            proptest::collection::vec((any::<bool>(), any::<bool>(), outcome()), count),
            Just(pairs),
        )
            .prop_map(|(n, choices, pairs)| {
                let matches = pairs
                    .iter()
                    .zip(choices)
                    .filter(|(_, (played, _, _))| *played)
                    .map(|(&(a, b), (_, swap, outcome))| {
                        let (home, away) = if swap { (b, a) } else { (a, b) };
                        Match::new(TeamId::new(home), TeamId::new(away), outcome)
                    })
                    .collect();
                Group {
                    name: "G".into(),
                    teams: (0..n).map(|i| format!("Team {i}")).collect(),
                    aliases: Vec::new(),
                    matches,
                    fixtures: Vec::new(),
                    decisions: Vec::new(),
                    record: GroupRecord::default(),
                    cards: vec![None; n],
                    coefficients: vec![None; n],
                    values: Default::default(),
                    rulings: Default::default(),
                    line: standings::model::Line(1),
                    schedule: Default::default(),
                    spans: Default::default(),
                }
            })
    })
}

/// Each team's place, whether it is shared, and its record, by team name.
fn by_name(table: &GroupTable<'_>) -> Vec<(String, usize, bool, String)> {
    let mut rows: Vec<_> = table
        .rows
        .iter()
        .map(|r| {
            (
                table.name(r.team).to_string(),
                r.position,
                r.shared,
                format!("{:?}", r.record),
            )
        })
        .collect();
    rows.sort();
    rows
}

proptest! {
    #[test]
    fn shuffling_matches_never_changes_the_table(g in group(), seed in any::<u64>()) {
        let rules = rules();
        let mut shuffled = g.clone();
        // A deterministic shuffle from the seed.
        let n = shuffled.matches.len();
        let mut s = seed;
        for i in (1..n).rev() {
            s = s.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            shuffled.matches.swap(i, (s >> 33) as usize % (i + 1));
        }
        let a = compute_group(&g, &rules).unwrap();
        let b = compute_group(&shuffled, &rules).unwrap();
        prop_assert_eq!(&a.rows, &b.rows);
        prop_assert_eq!(&a.ordering.tiers, &b.ordering.tiers);
    }

    #[test]
    fn renaming_or_reordering_teams_changes_only_the_names(g in group(), rotate in 0usize..6) {
        let rules = rules();
        let n = g.teams.len();
        let k = rotate % n;
        // Team i is listed at (i + k) % n and renamed.
        let mut moved = g.clone();
        let new_id = |t: usize| (t + k) % n;
        moved.teams = vec![String::new(); n];
        for (t, name) in g.teams.iter().enumerate() {
            moved.teams[new_id(t)] = format!("Renamed {name}");
        }
        for m in &mut moved.matches {
            m.home = TeamId::new(new_id(m.home.index()));
            m.away = TeamId::new(new_id(m.away.index()));
        }
        let a = compute_group(&g, &rules).unwrap();
        let b = compute_group(&moved, &rules).unwrap();
        let renamed: Vec<_> = by_name(&a)
            .into_iter()
            .map(|(name, p, s, r)| (format!("Renamed {name}"), p, s, r))
            .collect();
        prop_assert_eq!(renamed, by_name(&b));
    }

    #[test]
    fn goals_balance_except_where_both_sides_forfeited(g in group()) {
        // Each match gives as many goals as it concedes, except a match neither side played:
        // both are recorded as losing 0–3, so 3 + 3 goals are conceded and none scored.
        let rules = rules();
        let table = compute_group(&g, &rules).unwrap();
        let scored: u64 = table.rows.iter().map(|r| r.record.goals_for).sum();
        let conceded: u64 = table.rows.iter().map(|r| r.record.goals_against).sum();
        let both = g.matches.iter().filter(|m| m.outcome() == Outcome::Forfeit(Forfeit::Both)).count() as u64;
        prop_assert_eq!(conceded - scored, 2 * u64::from(rules.forfeit.score[0]) * both);
    }

    #[test]
    fn points_are_the_weights_times_results_minus_deductions(g in group()) {
        let rules = rules();
        let table = compute_group(&g, &rules).unwrap();
        for row in &table.rows {
            let r = &row.record;
            let forfeits = g.matches.iter().filter(|m| match m.outcome() {
                Outcome::Forfeit(Forfeit::Home) => m.home == row.team,
                Outcome::Forfeit(Forfeit::Away) => m.away == row.team,
                Outcome::Forfeit(Forfeit::Both) => m.involves(row.team),
                Outcome::Played { .. } => false,
            }).count();
            let p = &rules.points;
            let expected = p.win * Decimal::from(r.won) + p.draw * Decimal::from(r.drawn)
                + p.loss * Decimal::from(r.lost)
                - rules.forfeit.deduction * Decimal::from(forfeits);
            prop_assert_eq!(r.points(), expected);
            prop_assert_eq!(r.played, r.won + r.drawn + r.lost);
        }
    }

    #[test]
    fn the_order_is_total_and_respects_the_first_criterion(g in group()) {
        let rules = rules();
        let table = compute_group(&g, &rules).unwrap();
        let mut teams: Vec<TeamId> = table.rows.iter().map(|r| r.team).collect();
        teams.sort_unstable();
        prop_assert_eq!(teams, g.team_ids().collect::<Vec<_>>());
        for w in table.rows.windows(2) {
            prop_assert!(w[0].record.points() >= w[1].record.points());
            prop_assert!(w[0].position <= w[1].position);
            if w[0].position == w[1].position {
                prop_assert!(w[0].shared && w[1].shared);
                prop_assert_eq!(w[0].record.points(), w[1].record.points());
            }
        }
    }

    #[test]
    fn a_win_never_lowers_a_teams_points(g in group(), pick in any::<prop::sample::Index>()) {
        let rules = rules();
        let team = TeamId::new(pick.index(g.teams.len()));
        let other = TeamId::new((team.index() + 1) % g.teams.len());
        let before = compute_group(&g, &rules).unwrap();
        let mut more = g.clone();
        more.matches.push(Match::new(team, other, Outcome::Played { home: 2, away: 1 }));
        let after = compute_group(&more, &rules).unwrap();
        let points = |t: &GroupTable<'_>| t.rows.iter().find(|r| r.team == team).unwrap().record.points();
        prop_assert!(points(&after) >= points(&before));
        prop_assert_eq!(points(&after) - points(&before), rules.points.win);
    }
}
