//! Aligned plain-text tables, one per group, with the tiebreaks applied listed underneath.

use std::fmt::Write;

use super::{Format, Options, advances, place, record_cells};
use crate::compute::standings::{GroupTable, Qualification, Standings};
use crate::explain;
use crate::report::escape::plain;
use crate::report::style::{self, Colour};

/// `--format text`.
pub const FORMAT: Format = Format {
    name: "text",
    help: "An aligned table per group, with a line for every tiebreak applied",
    render,
};

const HEADERS: [&str; 11] = [
    "Pos", "Team", "P", "W", "D", "L", "GF", "GA", "GD", "Ded", "Pts",
];

/// Renders every group of every competition.
pub fn render(standings: &[Standings<'_>], options: &Options<'_>) -> String {
    let colour = style::enabled();
    let mut out = String::new();
    for s in standings {
        if s.groups.is_empty() {
            if !out.is_empty() {
                out.push('\n');
            }
            let _ = writeln!(
                out,
                "{}: no group stage; `standings rounds` and `standings tie` show its rounds and ties",
                plain(&s.competition.title())
            );
        }
        for table in &s.groups {
            section(&mut out, s, table, &[], options, colour);
        }
        if let Some(ranking) = &s.best_placed
            && let Ok(table) = ranking.table()
        {
            let notes = explain::best_placed(ranking);
            section(&mut out, s, &table, &notes, options, colour);
        }
    }
    out
}

/// One table under its heading, with `notes` after the group's own and, with `explain`, every
/// adjacent pair explained.
fn section(
    out: &mut String,
    s: &Standings<'_>,
    table: &GroupTable<'_>,
    notes: &[String],
    options: &Options<'_>,
    colour: bool,
) {
    if !out.is_empty() {
        out.push('\n');
    }
    let _ = writeln!(
        out,
        "{} · {}",
        plain(&s.competition.title()),
        plain(&table.group.name)
    );
    *out += &group(table, options.highlight, colour);
    for note in notes {
        let _ = writeln!(out, "  note: {}", plain(note));
    }
    if options.explain {
        *out += "  explain:\n";
        for (row, _, _) in super::adjacent(table) {
            let _ = writeln!(out, "    {}", plain(&explain::pair(table, row)));
        }
    }
}

/// Renders one group's table and notes; `colour` marks the advancing teams for a terminal.
///
/// With teams to `highlight` (`--team`), every line of the table starts with a margin of two
/// columns, `> ` on a highlighted team's row (a mark that survives pipes and keeps the columns
/// aligned), and with `colour` that row is also in reverse video.
pub fn group(table: &GroupTable<'_>, highlight: &[String], colour: bool) -> String {
    let rows: Vec<[String; 11]> = table
        .rows
        .iter()
        .map(|r| {
            let rec = &r.record;
            let [p, w, d, l, gf, ga, gd, ded, pts] = record_cells(rec);
            [
                place(r),
                plain(table.name(r.team)),
                p,
                w,
                d,
                l,
                gf,
                ga,
                gd,
                ded,
                pts,
            ]
        })
        .collect();
    let mut widths = HEADERS.map(|h| h.chars().count());
    for row in &rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.chars().count());
        }
    }
    // The Ded column only when some team of the group has points deducted.
    let deductions = table.rows.iter().any(|r| !r.record.deducted.is_zero());
    let line = |cells: &[String; 11]| {
        let mut l = String::new();
        for (i, (cell, w)) in cells.iter().zip(widths).enumerate() {
            if HEADERS[i] == "Ded" && !deductions {
                continue;
            }
            if i > 0 {
                l.push_str("  ");
            }
            // The team name is left-aligned; numbers are right-aligned.
            if i == 1 {
                let _ = write!(l, "{cell:<w$}");
            } else {
                let _ = write!(l, "{cell:>w$}");
            }
        }
        l
    };
    let margin = if highlight.is_empty() { "" } else { "  " };
    let mut out = String::from(margin);
    out += line(&HEADERS.map(String::from)).trim_end();
    out.push('\n');
    for (row, cells) in table.rows.iter().zip(&rows) {
        let mut l = line(cells);
        if highlight.iter().any(|h| h == table.name(row.team)) {
            l = format!("> {}", style::highlight(&l, colour));
        } else {
            l.insert_str(0, margin);
        }
        if advances(table, row.team) {
            l += &format!("  {}", style::paint("advances", Colour::Green, colour));
        }
        out += l.trim_end();
        out.push('\n');
    }
    for step in table.ordering.tiebreaks() {
        let _ = writeln!(out, "  tiebreak: {}", plain(&explain::step(table, step)));
    }
    for tied in table.unresolved() {
        let _ = writeln!(
            out,
            "  level on every criterion: {} (they share a place)",
            plain(&explain::and_list(table, tied))
        );
    }
    if let Qualification::Undecided { tied, places, .. } = &table.qualification {
        let _ = writeln!(
            out,
            "  undecided: {} level for {places} qualifying place(s); no recorded decision breaks the tie",
            plain(&explain::and_list(table, tied))
        );
    }
    for ruling in explain::rulings(table) {
        let _ = writeln!(out, "  note: {}", plain(&ruling));
    }
    for alias in &table.group.aliases {
        let _ = writeln!(
            out,
            "  note: the source document calls {} \"{}\": {}",
            plain(table.name(alias.team)),
            plain(&alias.name),
            plain(&alias.why)
        );
    }
    out
}
