//! Output formats for computed tables. Each module turns [`Standings`] into one format.

pub mod csv;
pub mod json;
pub mod markdown;
pub mod style;
pub mod text;
pub mod wikitext;

use crate::standings::{GroupTable, Qualification, Standings};

/// The formats `standings table` can print.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// An aligned table per group, with a line for every tiebreak applied.
    Text,
    /// The stable JSON contract documented in docs/output.md.
    Json,
    /// One row per team, with the competition and group in each row.
    Csv,
    /// A Markdown table per group.
    Markdown,
    /// Wikitext for encyclopedia editors (`Module:Sports table`, style WDL).
    Wikitext,
}

/// Renders standings in the chosen format; `explain` adds, for every pair of adjacent teams,
/// the criteria that compared them (JSON always carries it).
pub fn render(format: Format, standings: &[Standings<'_>], explain: bool) -> String {
    match format {
        Format::Text => text::render(standings, explain),
        Format::Json => json::render(standings),
        Format::Csv => csv::render(standings),
        Format::Markdown => markdown::render(standings, explain),
        Format::Wikitext => wikitext::render(standings),
    }
}

/// Adjacent pairs of rows, upper first.
pub(crate) fn adjacent<'t>(table: &'t GroupTable<'_>) -> impl Iterator<Item = (usize, usize)> + 't {
    table.rows.windows(2).map(|w| (w[0].team, w[1].team))
}

/// Whether `team` is certain to advance from the group.
pub(crate) fn advances(table: &GroupTable<'_>, team: usize) -> bool {
    match &table.qualification {
        Qualification::Decided(teams) => teams.contains(&team),
        Qualification::Undecided { certain, .. } => certain.contains(&team),
    }
}

/// A record's numbers as printed, in table order: P, W, D, L, GF, GA, GD, Ded, Pts.
pub(crate) fn record_cells(rec: &crate::records::Record) -> [String; 9] {
    [
        rec.played.to_string(),
        rec.won.to_string(),
        rec.drawn.to_string(),
        rec.lost.to_string(),
        rec.goals_for.to_string(),
        rec.goals_against.to_string(),
        rec.goal_difference().to_string(),
        crate::explain::number(rec.deducted),
        crate::explain::number(rec.points()),
    ]
}

/// The place as printed: `2` or, for a shared place, `2=`.
pub fn place(row: &crate::standings::Row) -> String {
    if row.shared {
        format!("{}=", row.position)
    } else {
        row.position.to_string()
    }
}
