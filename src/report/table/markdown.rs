//! Markdown tables, one per group, with tiebreak notes as a list.

use std::fmt::Write;

use super::{Format, Options, advances, place};
use crate::compute::standings::{GroupTable, Standings};
use crate::explain;
use crate::report::escape::markdown as escape;

/// `--format markdown`.
pub const FORMAT: Format = Format {
    name: "markdown",
    help: "A Markdown table per group",
    render,
};

/// Renders every group of every competition as Markdown: advancing teams in bold, and a
/// highlighted team's whole row.
pub fn render(standings: &[Standings<'_>], options: &Options<'_>) -> String {
    let mut out = String::new();
    for s in standings {
        for table in &s.groups {
            section(&mut out, &s.competition.title(), table, &[], options);
        }
        if let Some(ranking) = &s.best_placed
            && let Ok(table) = ranking.table()
        {
            let notes = explain::best_placed(ranking);
            section(&mut out, &s.competition.title(), &table, &notes, options);
        }
    }
    out
}

/// One group's table as Markdown, its notes (the group's own, then `notes`) and tiebreaks as
/// a list, and with `explain` every adjacent pair.
fn section(
    out: &mut String,
    competition: &str,
    table: &GroupTable<'_>,
    notes: &[String],
    options: &Options<'_>,
) {
    let explain = options.explain;
    let _ = writeln!(
        out,
        "### {} · {}\n",
        escape(competition),
        escape(&table.group.name)
    );
    // The Ded column only when some team of the group has points deducted.
    let deductions = table.rows.iter().any(|r| !r.record.deducted.is_zero());
    if deductions {
        *out += "| Pos | Team | P | W | D | L | GF | GA | GD | Ded | Pts |\n";
        *out += "|---:|:---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n";
    } else {
        *out += "| Pos | Team | P | W | D | L | GF | GA | GD | Pts |\n";
        *out += "|---:|:---|---:|---:|---:|---:|---:|---:|---:|---:|\n";
    }
    for r in &table.rows {
        let rec = &r.record;
        let name = escape(table.name(r.team));
        let mut cells = vec![place(r), name];
        cells.extend(super::record_cells(rec));
        if !deductions {
            // Ded is the eighth of the record's cells, after the place and the name.
            cells.remove(9);
        }
        if options.highlights(table.name(r.team)) {
            // The whole row in bold.
            cells.iter_mut().for_each(|c| *c = format!("**{c}**"));
        } else if advances(table, r.team) {
            cells[1] = format!("**{}**", cells[1]);
        }
        let _ = writeln!(out, "| {} |", cells.join(" | "));
    }
    out.push('\n');
    for step in table.ordering.tiebreaks() {
        let _ = writeln!(out, "- Tiebreak: {}", escape(&explain::step(table, step)));
    }
    let mut rulings = explain::rulings(table);
    rulings.extend(notes.iter().cloned());
    for ruling in &rulings {
        let _ = writeln!(out, "- Note: {}", escape(ruling));
    }
    if explain {
        for (row, _, _) in super::adjacent(table) {
            let _ = writeln!(out, "- {}", escape(&explain::pair(table, row)));
        }
    }
    if explain || !rulings.is_empty() || table.ordering.tiebreaks().next().is_some() {
        out.push('\n');
    }
}
