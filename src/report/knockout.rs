//! `standings tie` and `standings rounds` as text: knockout ties with their legs and outcomes,
//! and the rounds the rules derive with a ranking's places per rank.

use std::fmt::Write;

use crate::compute::knockout::{self, TieOutcome};
use crate::compute::ranking;
use crate::model::Competition;
use crate::read::data::leg_line;
use crate::report::escape::plain;
use crate::rules::RuleSet;
use crate::rules::structure::Format;

/// Every competition's ties, each with its legs and its outcome (one per tie, in order).
pub fn ties(competitions: &[(&Competition, Vec<TieOutcome>)]) -> String {
    let mut out = String::new();
    for (c, outcomes) in competitions {
        if c.ties.is_empty() {
            let _ = writeln!(out, "{}: no knockout ties in the data", plain(&c.name));
            continue;
        }
        for (tie, outcome) in c.ties.iter().zip(outcomes) {
            let legs: Vec<String> = tie.legs.iter().map(|l| leg_line(tie, l)).collect();
            let _ = writeln!(
                out,
                "{} · {}: {}\n  {}",
                plain(&c.name),
                plain(&tie.round),
                plain(&legs.join(", ")),
                plain(&knockout::describe(tie, outcome))
            );
        }
    }
    out
}

/// Each competition's rounds as its rules derive them (teams, entering, matches, format), the
/// totals, and the places its ranking allocates per rank.
pub fn rounds(competitions: &[(&Competition, &RuleSet)]) -> String {
    let mut out = String::new();
    for (c, rules) in competitions {
        let _ = writeln!(out, "{} ({})", plain(&c.name), rules.name);
        match &rules.structure {
            None => {
                let _ = writeln!(out, "  the rule file describes no rounds");
            }
            Some(s) => {
                let flows = &s.flows;
                let width = s
                    .rounds
                    .iter()
                    .map(|r| r.name.chars().count())
                    .max()
                    .unwrap_or(5);
                let _ = writeln!(
                    out,
                    "  {:<width$}  Teams  Entering  Matches  Format",
                    "Round"
                );
                for (i, (round, flow)) in s.rounds.iter().zip(flows).enumerate() {
                    let format = match round.format {
                        Format::Groups { groups, size } => format!("{groups} groups of {size}"),
                        Format::Knockout { legs: 1 } => "one match".to_string(),
                        Format::Knockout { .. } => "two legs".to_string(),
                    };
                    let counted = if i < s.count_matches_from {
                        " (not counted)"
                    } else {
                        ""
                    };
                    let _ = writeln!(
                        out,
                        "  {:<width$}  {:>5}  {:>8}  {:>7}  {format}{counted}",
                        round.name,
                        flow.teams,
                        round.entering(),
                        flow.matches
                    );
                }
                let teams: u32 = s.rounds.iter().map(|r| r.entering()).sum();
                let matches: u32 = flows[s.count_matches_from..]
                    .iter()
                    .map(|f| f.matches)
                    .sum();
                let _ = writeln!(out, "  {teams} teams, {matches} matches");
            }
        }
        if let (Some(r), Some(a)) = (&c.ranking, &rules.allocation) {
            let order: Vec<u32> = ranking::order(r).into_iter().flatten().collect();
            let _ = writeln!(out, "  {}: rank, coefficient, places", plain(&r.name));
            for rank in order {
                let e = r
                    .entries
                    .iter()
                    .find(|e| e.rank == rank)
                    .expect("ranked entries exist");
                let places = a.places(rank).map_or("-".to_string(), |p| p.to_string());
                let name = e
                    .name
                    .as_deref()
                    .map(|n| format!("  {}", plain(n)))
                    .unwrap_or_default();
                let _ = writeln!(
                    out,
                    "  {:>4}  {:>7}  {places}{name}",
                    rank,
                    e.coefficient.to_string()
                );
            }
        }
    }
    out
}
