//! `standings simulate`: the same report for the same seed on any number of threads.

mod common;

use common::*;
use pretty_assertions::assert_eq;

fn simulate(threads: &str, seed: &str) -> Run {
    standings(&[
        "simulate",
        "--rules",
        "rules/coppa-italia-2003-04.toml",
        "--rules",
        "rules/coppa-italia-2002-03.toml",
        "--groups",
        "20000",
        "--seed",
        seed,
        "--forfeit-probability",
        "0.1",
        "--threads",
        threads,
    ])
}

#[test]
fn one_and_two_threads_give_the_same_report() {
    let one = simulate("1", "42");
    let two = simulate("2", "42");
    assert_eq!(one.code, 0, "{}", one.stderr);
    assert_eq!(one.stdout, two.stdout);
    assert_ne!(one.stdout, simulate("1", "43").stdout);
}

#[test]
fn each_place_is_decided_by_something_every_time() {
    let run = simulate("2", "7");
    for line in run.stdout.lines().filter(|l| l.contains("decided by:")) {
        let total: f64 = line
            .split("decided by: ")
            .nth(1)
            .unwrap()
            .split(", ")
            .map(|part| {
                part.rsplit(' ')
                    .next()
                    .unwrap()
                    .trim_end_matches('%')
                    .parse::<f64>()
                    .unwrap()
            })
            .sum();
        assert!((total - 100.0).abs() < 0.05, "{line}");
    }
    assert!(
        run.stdout
            .contains("advancing teams differ between A and B: ")
    );
}

#[test]
fn rules_that_need_recorded_data_are_refused() {
    let run = standings(&[
        "simulate",
        "--rules",
        "rules/fifa-world-cup-2018.toml",
        "--groups",
        "10",
    ]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("uses \"fair_play\", which needs data"),
        "{}",
        run.stderr
    );
}
