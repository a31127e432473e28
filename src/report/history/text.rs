//! Plain text for people: a grid per group, one line per team in its final order and one
//! column per step, numbered; the steps' labels follow the grid.

use std::fmt::Write;

use super::{Format, place};
use crate::compute::history::History;
use crate::report::escape::plain;

/// `--format text`.
pub const FORMAT: Format = Format {
    name: "text",
    help: "A grid per group: a line per team, a column per step (`-` before a team has played)",
    render,
};

/// How wide the list of step labels may run before it wraps.
const LABELS_WIDTH: usize = 100;

/// Renders every history, a blank line between groups.
pub fn render(histories: &[History]) -> String {
    let mut out = String::new();
    for h in histories {
        if !out.is_empty() {
            out.push('\n');
        }
        let _ = writeln!(out, "{} · {}", plain(&h.competition), plain(&h.group));
        out += &grid(h);
    }
    out
}

/// One group's grid and the labels of its steps.
fn grid(h: &History) -> String {
    let names: Vec<String> = h.teams.iter().map(|t| plain(&t.team)).collect();
    let name_width = names
        .iter()
        .map(|n| n.chars().count())
        .chain(["Team".len()])
        .max()
        .unwrap_or(0);
    let cells: Vec<Vec<String>> = h
        .teams
        .iter()
        .map(|t| {
            t.places
                .iter()
                .map(|p| p.map_or_else(|| "-".to_string(), place))
                .collect()
        })
        .collect();
    // Every step's column is as wide as its widest cell or its number.
    let widths: Vec<usize> = (0..h.steps.len())
        .map(|step| {
            cells
                .iter()
                .map(|row| row[step].len())
                .chain([(step + 1).to_string().len()])
                .max()
                .unwrap_or(1)
        })
        .collect();
    let mut out = String::new();
    let mut line = format!("{:<name_width$}", "Team");
    for (step, w) in widths.iter().enumerate() {
        let _ = write!(line, "  {:>w$}", step + 1);
    }
    out += line.trim_end();
    out.push('\n');
    for (name, row) in names.iter().zip(&cells) {
        let mut line = format!("{name:<name_width$}");
        for (cell, w) in row.iter().zip(&widths) {
            let _ = write!(line, "  {cell:>w$}");
        }
        out += line.trim_end();
        out.push('\n');
    }
    // The labels, wrapped: `steps: 1 Matchday 1 · 2 Matchday 2 · …`.
    let mut line = String::from("  steps:");
    for (step, label) in h.steps.iter().enumerate() {
        let item = format!(" {} {}", step + 1, plain(label));
        let separator = if step == 0 { "" } else { " ·" };
        if step > 0 && line.chars().count() + separator.len() + item.chars().count() > LABELS_WIDTH
        {
            out += &line;
            out += " ·\n";
            line = format!("         {}", item.trim_start());
        } else {
            line += separator;
            line += &item;
        }
    }
    out += &line;
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compute::history::{Place, TeamLine};

    #[test]
    fn many_steps_wrap_their_labels_and_keep_every_one() {
        let h = History {
            input: 0,
            competition: "League".into(),
            group: "Division".into(),
            steps: (1..=38).map(|i| format!("Matchday {i}")).collect(),
            teams: vec![TeamLine {
                team: "Alpha".into(),
                places: vec![
                    Some(Place {
                        position: 1,
                        shared: false
                    });
                    38
                ],
            }],
        };
        let out = render(&[h]);
        let legend: Vec<&str> = out.lines().skip(3).collect();
        assert!(legend.len() > 1, "{out}");
        assert!(
            legend.iter().all(|l| l.chars().count() <= LABELS_WIDTH + 2),
            "{out}"
        );
        assert!(legend[0].starts_with("  steps: 1 Matchday 1 · 2 Matchday 2"));
        assert!(
            legend[1..].iter().all(|l| l.starts_with("         ")),
            "{out}"
        );
        // Every label once, in order, whichever line it fell on.
        let items: Vec<String> = legend
            .join(" ")
            .trim_start()
            .trim_start_matches("steps:")
            .split('·')
            .map(|item| item.trim().to_string())
            .collect();
        let expected: Vec<String> = (1..=38).map(|i| format!("{i} Matchday {i}")).collect();
        assert_eq!(items, expected);
    }
}
