//! Engine benchmarks (criterion): folding results, ranking groups, simulating groups, a
//! league's run-in and a group's last-round scenarios. `scripts/bench.sh` runs them and prints
//! the figures as a table.

use std::hint::black_box;
use std::path::Path;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};

/// The same allocator as the binary.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;
use rand::{RngExt, SeedableRng};
use rand_chacha::ChaCha8Rng;
use rust_decimal::Decimal;
use standings::compute::records::{FoldOptions, fold};
use standings::compute::standings::compute_group;
use standings::model::{Forfeit, Match, Outcome, TeamId};
use standings::read::{LoadOptions, Loaded};
use standings::rules::{GroupRules, RuleSet};
use standings::runin::{Fixture, League, PointsPerResult, Standing, TiesOnPoints, analyse};
use standings::simulate::{self, Options};

fn rules(path: &str) -> GroupRules {
    RuleSet::load(Path::new(path)).unwrap().groups.unwrap()
}

/// 1,000,000 results of 20-team leagues (a double round-robin is 380 matches), with a simple
/// deterministic pattern of scores.
fn league_matches(n: usize) -> Vec<Match> {
    let mut out = Vec::with_capacity(n);
    let mut x: u64 = 1;
    while out.len() < n {
        for home in 0..20 {
            for away in 0..20 {
                if home == away || out.len() == n {
                    continue;
                }
                x = x
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                out.push(Match::new(
                    TeamId::new(home),
                    TeamId::new(away),
                    Outcome::Played {
                        home: ((x >> 33) % 4) as u32,
                        away: ((x >> 40) % 3) as u32,
                    },
                ));
            }
        }
    }
    out
}

fn folding(c: &mut Criterion) {
    let rules = rules("rules/premier-league.toml");
    let matches = league_matches(1_000_000);
    let mut g = c.benchmark_group("fold");
    g.throughput(Throughput::Elements(matches.len() as u64));
    g.sample_size(20);
    g.bench_function("1M matches, 20-team leagues", |b| {
        b.iter(|| {
            fold(
                20,
                black_box(&matches),
                &rules,
                FoldOptions { deductions: true },
            )
        })
    });
    g.finish();
}

fn ranking(c: &mut Criterion) {
    let rules = rules("rules/coppa-italia-2003-04.toml");
    // 1,000 groups of 4 with forfeits and ties decided by head-to-head, from the simulator.
    let options = Options {
        teams: 4,
        groups: 1000,
        seed: 11,
        home_advantage: 0.25,
        strength_spread: 0.3,
        forfeit_probability: 0.15,
    };
    let draw = simulate::Draw::new(&options);
    let groups: Vec<_> = (0..options.groups)
        .map(|i| {
            let mut g = simulate::template(4, 1);
            draw.play(&mut g, i);
            g
        })
        .collect();
    let forfeits = groups
        .iter()
        .flat_map(|g| &g.matches)
        .filter(|m| {
            matches!(
                m.outcome(),
                Outcome::Forfeit(Forfeit::Both | Forfeit::Home | Forfeit::Away)
            )
        })
        .count();
    assert!(forfeits > 0);
    let mut g = c.benchmark_group("rank");
    g.throughput(Throughput::Elements(groups.len() as u64));
    g.bench_function("4-team groups with forfeits and head-to-head ties", |b| {
        b.iter(|| {
            for group in &groups {
                black_box(compute_group(group, &rules).unwrap());
            }
        })
    });
    g.finish();
}

/// Issue #13's pathological group (`scripts/generate_level_group.py`): `n` teams, a single
/// round robin of 0–0 draws except neighbours' 1–1, so that re-applying head-to-head peels two
/// teams off at a time: ranking alone, without reading or printing.
fn level_group(c: &mut Criterion) {
    let path = std::env::temp_dir().join("standings-bench-level-rules.toml");
    std::fs::write(
        &path,
        "name = \"level\"\n[points]\nwin = 3\ndraw = 1\nloss = 0\n[forfeit]\nscore = [3, 0]\ndeduction = 0\ngoals_count = true\n[head_to_head]\nreapply = true\ndeductions_count = true\n[tiebreak]\norder = [\"points\", \"head_to_head.points\", \"head_to_head.goal_difference\", \"head_to_head.goals_for\", \"goal_difference\", \"goals_for\"]\n[qualification]\nadvance = 2\n",
    )
    .unwrap();
    let rules = RuleSet::load(&path).unwrap().groups.unwrap();
    let mut g = c.benchmark_group("level group");
    g.sample_size(10);
    for n in [600, 2000] {
        let mut group = simulate::template(n, 1);
        for m in &mut group.matches {
            if m.away.index() == m.home.index() + 1 {
                *m = m.with_outcome(Outcome::Played { home: 1, away: 1 });
            }
        }
        g.bench_function(format!("rank {n} teams"), |b| {
            b.iter(|| black_box(compute_group(&group, &rules).unwrap()))
        });
    }
    g.finish();
}

fn simulating(c: &mut Criterion) {
    let rules = rules("rules/coppa-italia-2003-04.toml");
    let options = Options {
        teams: 4,
        groups: 20_000,
        seed: 3,
        home_advantage: 0.25,
        strength_spread: 0.5,
        forfeit_probability: 0.05,
    };
    let mut g = c.benchmark_group("simulate");
    g.throughput(Throughput::Elements(options.groups));
    g.sample_size(10);
    let one = rayon::ThreadPoolBuilder::new()
        .num_threads(1)
        .build()
        .unwrap();
    g.bench_function("1 thread", |b| {
        b.iter(|| one.install(|| simulate::run(&options, &[&rules], &|_| {})))
    });
    let all = rayon::ThreadPoolBuilder::new().build().unwrap();
    g.bench_function("all threads", |b| {
        b.iter(|| all.install(|| simulate::run(&options, &[&rules], &|_| {})))
    });
    g.finish();
}

/// A realistic 20-team league with 5 matchdays (50 matches) left: a double round-robin by the
/// circle method, 33 of its 38 matchdays played, each result drawn (a fixed generator) from the
/// teams' strengths (0 to 19) with a home advantage, so the table spreads as real ones do.
fn run_in_league() -> League {
    let n = 20;
    let mut order: Vec<usize> = (0..n).collect();
    let mut matchdays = Vec::new();
    for round in 0..n - 1 {
        let day: Vec<(usize, usize)> = (0..n / 2)
            .map(|i| {
                let (a, b) = (order[i], order[n - 1 - i]);
                if round % 2 == 0 { (a, b) } else { (b, a) }
            })
            .collect();
        matchdays.push(day);
        let last = order.pop().unwrap();
        order.insert(1, last);
    }
    let second: Vec<Vec<(usize, usize)>> = matchdays
        .iter()
        .map(|d| d.iter().map(|&(h, a)| (a, h)).collect())
        .collect();
    matchdays.extend(second);
    let mut points = vec![0i64; n];
    let mut x: u64 = 7;
    for day in &matchdays[..33] {
        for &(h, a) in day {
            x = x
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            let u = ((x >> 33) % 1000) as i64;
            let home_win = (450 + 25 * (h as i64 - a as i64)).clamp(50, 900);
            if u < home_win {
                points[h] += 3;
            } else if u < home_win + 260 {
                points[h] += 1;
                points[a] += 1;
            } else {
                points[a] += 3;
            }
        }
    }
    League {
        teams: points
            .iter()
            .enumerate()
            .map(|(i, &p)| Standing {
                name: format!("Team {i}"),
                points: Decimal::from(p),
            })
            .collect(),
        fixtures: matchdays[33..]
            .iter()
            .flatten()
            .map(|&(home, away)| Fixture { home, away })
            .collect(),
        points: PointsPerResult {
            win: Decimal::from(3),
            draw: Decimal::from(1),
            loss: Decimal::from(0),
        },
        ties: TiesOnPoints::Margins,
        advance: 4,
        relegated: 3,
    }
}

fn run_in(c: &mut Criterion) {
    let league = run_in_league();
    assert_eq!(league.fixtures.len(), 50);
    let mut g = c.benchmark_group("run-in");
    g.sample_size(10);
    g.bench_function("20 teams, 50 matches left", |b| {
        b.iter(|| black_box(analyse(&league).unwrap()))
    });
    g.finish();
}

/// The goal-difference gap between two teams level on points in [`gap_group`].
const GAP: i64 = 8;

/// A 4-team group before its last round, as a data file's text: the first two rounds' scores
/// drawn (seeded, 0 to 6 goals a side) until two teams are level on points with goal
/// differences [`GAP`] apart, under a chain that compares goal difference straight after points
/// (FIFA World Cup 2018), so the scores searched must reach far enough to close the gap.
fn gap_group() -> String {
    let teams = ["North", "South", "East", "West"];
    let played = [(0, 1), (2, 3), (0, 2), (1, 3)];
    let mut rng = ChaCha8Rng::seed_from_u64(18);
    loop {
        let scores: Vec<(i64, i64)> = played
            .iter()
            .map(|_| (rng.random_range(0..=6), rng.random_range(0..=6)))
            .collect();
        let (mut points, mut difference) = ([0i64; 4], [0i64; 4]);
        for (&(home, away), &(h, a)) in played.iter().zip(&scores) {
            difference[home] += h - a;
            difference[away] += a - h;
            let (ph, pa) = match h.cmp(&a) {
                std::cmp::Ordering::Greater => (3, 0),
                std::cmp::Ordering::Equal => (1, 1),
                std::cmp::Ordering::Less => (0, 3),
            };
            points[home] += ph;
            points[away] += pa;
        }
        let gap = (0..4).any(|a| {
            (0..4).any(|b| points[a] == points[b] && difference[a] - difference[b] == GAP)
        });
        if !gap {
            continue;
        }
        let mut text = String::from(
            "competition = \"A group with a goal-difference gap\"\nrules = \"fifa-world-cup-2018\"\n\n[[group]]\nname = \"Group G\"\nteams = [\"North\", \"South\", \"East\", \"West\"]\nmatches = [\n",
        );
        for (&(home, away), &(h, a)) in played.iter().zip(&scores) {
            text += &format!("  \"{} {h}–{a} {}\",\n", teams[home], teams[away]);
        }
        // The last round: the two pairs that have not met.
        text += "  \"North v West\",\n  \"South v East\",\n]\n";
        return text;
    }
}

/// A data file read through the library as `standings scenarios` reads it (resolved against
/// its rules, validated).
fn load(name: &str, text: Option<String>) -> Loaded {
    let path = Path::new(name);
    let loaded = match text {
        None => standings::read::load(path, None, None),
        Some(text) => standings::read::load_text(path, text, &LoadOptions::default())
            .map(|(loaded, _notes)| loaded),
    };
    loaded.unwrap_or_else(|e| panic!("{name} does not load: {e}"))
}

/// A 4-team group's last round (issue #18: under 10 ms): EURO 2024 Group A as it stood before
/// its last round, and [`gap_group`].
fn scenarios(c: &mut Criterion) {
    let euro = load("tests/fixtures/euro-2024-group-a-last-round.toml", None);
    let gap = load("gap-group.toml", Some(gap_group()));
    let mut g = c.benchmark_group("scenarios");
    for (name, loaded) in [
        ("EURO 2024 Group A, last round", &euro),
        ("4-team group, goal-difference gap of 8, last round", &gap),
    ] {
        let group = &loaded.competition.groups[0];
        let rules = loaded.rules.groups.as_ref().expect("group rules");
        assert_eq!((group.teams.len(), group.fixtures.len()), (4, 2));
        g.bench_function(name, |b| {
            b.iter(|| black_box(standings::scenarios::analyse(black_box(group), rules).unwrap()))
        });
    }
    g.finish();
}

criterion_group!(
    benches,
    folding,
    ranking,
    level_group,
    simulating,
    run_in,
    scenarios
);
criterion_main!(benches);
