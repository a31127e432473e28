//! `standings simulate` as text: the settings, then for each rule set what decided each pair of
//! places and how often ties went the distance. Identical for the same seed whatever the thread
//! count.

use std::fmt::Write;
use std::path::Path;

use crate::rules::RuleSet;
use crate::simulate::{Options, Report};

fn percent(n: u64, of: u64) -> String {
    format!("{:.2}%", 100.0 * n as f64 / of.max(1) as f64)
}

/// Each rule set's label: `A: rules/x.toml (name)`.
pub fn labels(rules: &[(&Path, &RuleSet)]) -> Vec<String> {
    ["A", "B"]
        .iter()
        .zip(rules)
        .map(|(l, (p, s))| format!("{l}: {} ({})", p.display(), s.name))
        .collect()
}

/// The report: a line of settings, then [`describe`].
pub fn render(options: &Options, report: &Report, labels: &[String]) -> String {
    let mut out = format!(
        "{} groups of {} teams, seed {}, home advantage {}, strength spread {}, forfeit probability {}\n",
        options.groups,
        options.teams,
        options.seed,
        options.home_advantage,
        options.strength_spread,
        options.forfeit_probability
    );
    out += &describe(report, labels);
    out
}

/// What decided each pair of places under each rule set, and how often ties went the distance.
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

/// The timing line for standard error: `100000 groups in 1.234 s on 2 thread(s): ... groups/s`.
pub fn timing(groups: u64, seconds: f64, threads: usize) -> String {
    format!(
        "{groups} groups in {seconds:.3} s on {threads} thread(s): {:.0} groups/s",
        groups as f64 / seconds.max(1e-9)
    )
}
