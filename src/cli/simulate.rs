//! `standings simulate`: many random groups under one or two rule sets, and what decided them.

use std::fmt::Write;
use std::io::IsTerminal;
use std::path::PathBuf;
use std::time::Instant;

use super::CliError;
use crate::rules::{GroupRules, RuleSet};
use crate::simulate::{self, Options, Report};

/// Arguments of `simulate`.
#[derive(Debug, clap::Args)]
pub struct SimulateArgs {
    /// One or two rule files: `--rules A.toml [--rules B.toml]`.
    #[arg(long, required = true, num_args = 1)]
    rules: Vec<PathBuf>,
    /// Teams per group.
    #[arg(long, default_value_t = 4, value_parser = clap::value_parser!(u32).range(2..=64))]
    teams: u32,
    /// How many groups to play.
    #[arg(long, default_value_t = 100_000, value_parser = clap::value_parser!(u64).range(1..))]
    groups: u64,
    /// The seed: the same seed gives the same report, on any number of threads.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Worker threads (default: one per core).
    #[arg(long)]
    threads: Option<usize>,
    /// The home side's expected goals are multiplied by 1 + this.
    #[arg(long, default_value_t = 0.25)]
    home_advantage: f64,
    /// Team strengths are drawn uniformly from 1 ± this (0 to 0.95).
    #[arg(long, default_value_t = 0.5)]
    strength_spread: f64,
    /// Probability that a match is forfeited (home, away or both sides, equally likely).
    #[arg(long, default_value_t = 0.0)]
    forfeit_probability: f64,
}

fn percent(n: u64, of: u64) -> String {
    format!("{:.2}%", 100.0 * n as f64 / of.max(1) as f64)
}

/// The report as text: identical for the same seed whatever the thread count.
pub fn describe(report: &Report, labels: &[String]) -> String {
    let mut out = String::new();
    let n = report.groups;
    for (tally, label) in report.tallies.iter().zip(labels) {
        let _ = writeln!(out, "{label}");
        for (p, place) in tally.places.iter().enumerate() {
            let mut entries: Vec<(&String, &u64)> = place.iter().collect();
            entries.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
            let parts: Vec<String> = entries
                .iter()
                .map(|(k, v)| format!("{k} {}", percent(**v, n)))
                .collect();
            let _ = writeln!(
                out,
                "  place {} above place {} decided by: {}",
                p + 1,
                p + 2,
                parts.join(", ")
            );
        }
        let _ = writeln!(
            out,
            "  a tie reached the recorded-decision step: {}",
            percent(tally.decision_reached, n)
        );
        let _ = writeln!(
            out,
            "  teams level on every criterion: {}; qualifiers undecided: {}",
            percent(tally.level_at_end, n),
            percent(tally.qualification_undecided, n)
        );
    }
    if report.tallies.len() == 2 {
        let _ = writeln!(
            out,
            "advancing teams differ between A and B: {} of groups",
            percent(report.qualifiers_differ, n)
        );
    }
    out
}

/// Runs the simulation and prints the report (timing on standard error).
pub fn run(args: &SimulateArgs) -> Result<u8, CliError> {
    if args.rules.len() > 2 {
        return Err(CliError::Usage(format!(
            "simulate takes one or two rule files; got {}",
            args.rules.len()
        )));
    }
    if !(0.0..=0.95).contains(&args.strength_spread)
        || !(0.0..=1.0).contains(&args.forfeit_probability)
        || !(0.0..=5.0).contains(&args.home_advantage)
    {
        return Err(CliError::Usage(
            "expected --strength-spread in 0..=0.95, --forfeit-probability in 0..=1 and --home-advantage in 0..=5".into(),
        ));
    }
    let sets: Vec<RuleSet> = args
        .rules
        .iter()
        .map(|p| RuleSet::load(p))
        .collect::<Result<_, _>>()?;
    let mut group_rules: Vec<&GroupRules> = Vec::new();
    for (set, path) in sets.iter().zip(&args.rules) {
        let Some(g) = &set.groups else {
            return Err(CliError::Usage(format!(
                "{} has no group stage to simulate",
                path.display()
            )));
        };
        if let Some(c) = simulate::unusable(g) {
            return Err(CliError::Usage(format!(
                "{} uses \"{}\", which needs data (cards, coefficients) that random groups do not have",
                path.display(),
                c.key()
            )));
        }
        group_rules.push(g);
    }
    let options = Options {
        teams: args.teams as usize,
        groups: args.groups,
        seed: args.seed,
        home_advantage: args.home_advantage,
        strength_spread: args.strength_spread,
        forfeit_probability: args.forfeit_probability,
    };
    let mut pool = rayon::ThreadPoolBuilder::new();
    if let Some(t) = args.threads {
        pool = pool.num_threads(t.max(1));
    }
    let pool = pool
        .build()
        .map_err(|e| CliError::Usage(format!("cannot start the worker threads: {e}")))?;
    let bar = (std::io::stderr().is_terminal() && args.groups >= 200_000).then(|| {
        let bar = indicatif::ProgressBar::new(args.groups);
        bar.set_style(
            indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} groups, {eta} left")
                .expect("a valid template"),
        );
        bar
    });
    let started = Instant::now();
    let report = pool.install(|| {
        simulate::run(&options, &group_rules, &|done| {
            if let Some(bar) = &bar {
                bar.inc(done);
            }
        })
    });
    let elapsed = started.elapsed().as_secs_f64();
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }
    let labels: Vec<String> = ["A", "B"]
        .iter()
        .zip(args.rules.iter().zip(&sets))
        .map(|(l, (p, s))| format!("{l}: {} ({})", p.display(), s.name))
        .collect();
    let mut out = format!(
        "{} groups of {} teams, seed {}, home advantage {}, strength spread {}, forfeit probability {}\n",
        args.groups,
        args.teams,
        args.seed,
        args.home_advantage,
        args.strength_spread,
        args.forfeit_probability
    );
    out += &describe(&report, &labels);
    super::output(&out)?;
    eprintln!(
        "{} groups in {elapsed:.3} s on {} thread(s): {:.0} groups/s",
        args.groups,
        pool.current_num_threads(),
        args.groups as f64 / elapsed.max(1e-9)
    );
    Ok(0)
}
