//! Wikitext in the style of encyclopedia group tables (`Module:Sports table`, style WDL): the
//! editors' format, ready to paste. Deductions become `adjust_points`, with each deduction's
//! reason as the team's note; the tiebreaks applied become notes on the teams they placed.

use std::collections::HashSet;
use std::fmt::Write;

use super::{Format, Options, advances};
use crate::compute::standings::{GroupTable, Standings};
use crate::explain;
use crate::model::TeamId;
use crate::report::escape::wikitext as escape;
use crate::rules::GroupRules;

/// `--format wikitext`.
pub const FORMAT: Format = Format {
    name: "wikitext",
    help: "Wikitext for encyclopedia editors (`Module:Sports table`, style WDL)",
    render,
};

/// A short code per team (`PRO`, `CAG`), unique within the group, as the module's parameters use.
fn codes(table: &GroupTable<'_>) -> Vec<String> {
    let mut used = HashSet::new();
    table
        .group
        .teams
        .iter()
        .map(|name| {
            let letters: String = name
                .chars()
                .filter(|c| c.is_alphanumeric())
                .flat_map(char::to_uppercase)
                .collect();
            let base: String = letters.chars().take(3).collect();
            let base = if base.is_empty() {
                "T".to_string()
            } else {
                base
            };
            let mut code = base.clone();
            let mut n = 2;
            while !used.insert(code.clone()) {
                code = format!("{base}{n}");
                n += 1;
            }
            code
        })
        .collect()
}

fn group(
    out: &mut String,
    competition: &str,
    table: &GroupTable<'_>,
    rules: &GroupRules,
    options: &Options<'_>,
) {
    let codes = codes(table);
    let code = |t: TeamId| codes[t.index()].as_str();
    let _ = writeln!(out, "=== {} ===", escape(&table.group.name));
    out.push_str("{{#invoke:Sports table|main|style=WDL\n");
    let _ = writeln!(out, "|source={}", escape(competition));
    let p = &rules.points;
    let _ = writeln!(
        out,
        "|winpoints={} |drawpoints={} |losspoints={}",
        explain::number(p.win),
        explain::number(p.draw),
        explain::number(p.loss)
    );
    for (i, row) in table.rows.iter().enumerate() {
        let _ = writeln!(out, "|team{}={}", i + 1, code(row.team));
    }
    // The module highlights one team: the first highlighted (`--team`) in the table.
    if let Some(row) = table
        .rows
        .iter()
        .find(|r| options.highlights(table.name(r.team)))
    {
        let _ = writeln!(out, "|showteam={}", code(row.team));
    }
    for row in &table.rows {
        let (c, r) = (code(row.team), &row.record);
        let _ = writeln!(
            out,
            "|name_{c}={} |win_{c}={} |draw_{c}={} |loss_{c}={} |gf_{c}={} |ga_{c}={}",
            escape(table.name(row.team)),
            r.won,
            r.drawn,
            r.lost,
            r.goals_for,
            r.goals_against
        );
        if !r.deducted.is_zero() {
            let _ = writeln!(out, "|adjust_points_{c}={}", explain::number(-r.deducted));
        }
    }
    for (i, row) in table.rows.iter().enumerate() {
        if advances(table, row.team) {
            let _ = writeln!(out, "|result{}=Q", i + 1);
        }
    }
    out.push_str("|col_Q=green1 |text_Q=Advance to the next round\n");
    // A note on each team with a deduction, a record taken over, or a tiebreak that placed it
    // above the next one; several join into one note, as the module takes one per team.
    let mut notes: Vec<Vec<String>> = vec![Vec::new(); table.group.teams.len()];
    for d in &table.group.rulings.deductions {
        let mut note = explain::deduction(d);
        // "Deduction of …": a sentence of its own.
        note.replace_range(..1, &note[..1].to_uppercase());
        notes[d.team.index()].push(format!("{note}."));
    }
    for t in &table.group.rulings.takeovers {
        if let Some(team) = table.group.team_named(&t.team) {
            notes[team.index()].push(format!(
                "Took over the fixtures and record of {} ({} results): {}.",
                t.from, t.results, t.reason
            ));
        }
    }
    for (row, upper, _) in super::adjacent(table) {
        if explain::deciding(table, row).is_some_and(|c| c.key() != "points") {
            notes[upper.index()].push(format!("{}.", explain::pair(table, row)));
        }
    }
    for row in &table.rows {
        let team_notes = &notes[row.team.index()];
        if !team_notes.is_empty() {
            let _ = writeln!(
                out,
                "|note_{}={}",
                code(row.team),
                escape(&team_notes.join(" "))
            );
        }
    }
    out.push_str("}}\n");
}

/// Renders every group of every competition (explanations are not part of the format: the
/// tiebreaks that placed a team are its note either way).
pub fn render(standings: &[Standings<'_>], options: &Options<'_>) -> String {
    let mut out = String::new();
    for s in standings {
        let Some(rules) = &s.rules.groups else {
            continue;
        };
        for table in &s.groups {
            if !out.is_empty() {
                out.push('\n');
            }
            group(&mut out, &s.competition.title(), table, rules, options);
        }
    }
    out
}
