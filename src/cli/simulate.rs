//! `standings simulate`: many random groups under one or two rule sets, and what decided them.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::time::Instant;

use super::CliError;
use ::standings::report;
use ::standings::resolve::rule_set;
use ::standings::rules::library::Fit;
use ::standings::rules::{GroupRules, RuleSet};
use ::standings::simulate::{self, Options};

/// The most worker threads `--threads` may ask for: more than any machine it runs on has
/// cores, and few enough that starting them is quick (each is a real thread with its stack).
const MAX_THREADS: i64 = 256;

/// Arguments of `simulate`.
#[derive(Debug, clap::Args)]
pub struct SimulateArgs {
    /// One or two rule sets, each a rule file or a bundled rule set's name (`standings
    /// rules` lists them): `--rules A [--rules B]`.
    #[arg(long, required = true, num_args = 1, value_name = "NAME|FILE")]
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
    /// Worker threads, 1 to 256 (default: one per core).
    #[arg(long, value_parser = clap::value_parser!(u16).range(1..=MAX_THREADS))]
    threads: Option<u16>,
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
        .map(|p| rule_set(p, Fit::GroupStage).map(|(rules, _)| rules))
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
        pool = pool.num_threads(usize::from(t));
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
    let result = pool.install(|| {
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
    let rules: Vec<_> = args.rules.iter().map(PathBuf::as_path).zip(&sets).collect();
    let labels = report::simulate::labels(&rules);
    super::output(&report::simulate::render(&options, &result, &labels))?;
    eprintln!(
        "{}",
        report::simulate::timing(args.groups, elapsed, pool.current_num_threads())
    );
    Ok(0)
}
