//! `standings tie` and `standings rounds`: knockout ties and the competition's rounds.

use std::fmt::Write;

use super::{CliError, Inputs, inputs};
use crate::knockout;
use crate::ranking;
use crate::rules::structure::Format;

/// Prints every tie with its legs and who went through, and why.
pub fn ties(inputs: &Inputs) -> Result<u8, CliError> {
    let mut out = String::new();
    for l in inputs::load(inputs)? {
        let c = &l.competition;
        if c.ties.is_empty() {
            let _ = writeln!(out, "{}: no knockout ties in the data", c.name);
            continue;
        }
        for tie in &c.ties {
            let legs: Vec<String> = tie
                .legs
                .iter()
                .map(|leg| {
                    let (home, away) = (&tie.teams[leg.home], &tie.teams[1 - leg.home]);
                    let mut text = format!("{home} {}–{} {away}", leg.score[0], leg.score[1]);
                    match (leg.extra_time, leg.penalties) {
                        (true, Some(p)) => text += &format!(" (aet, pens {}–{})", p[0], p[1]),
                        (true, None) => text += " (aet)",
                        (false, Some(p)) => text += &format!(" (pens {}–{})", p[0], p[1]),
                        (false, None) => {}
                    }
                    text
                })
                .collect();
            let outcome = knockout::decide(tie, &l.rules.knockout);
            let _ = writeln!(
                out,
                "{} · {}: {}\n  {}",
                c.name,
                tie.round,
                legs.join(", "),
                knockout::describe(tie, &outcome)
            );
        }
    }
    super::output(&out)?;
    Ok(0)
}

/// Prints each round's teams and matches as the rules derive them, and the places a ranking
/// allocates.
pub fn rounds(inputs: &Inputs) -> Result<u8, CliError> {
    let mut out = String::new();
    for l in inputs::load(inputs)? {
        let c = &l.competition;
        let _ = writeln!(out, "{} ({})", c.name, l.rules.name);
        match &l.rules.structure {
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
        if let (Some(r), Some(a)) = (&c.ranking, &l.rules.allocation) {
            let order: Vec<u32> = ranking::order(r).into_iter().flatten().collect();
            let _ = writeln!(out, "  {}: rank, coefficient, places", r.name);
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
                    .map(|n| format!("  {n}"))
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
    super::output(&out)?;
    Ok(0)
}
