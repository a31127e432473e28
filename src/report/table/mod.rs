//! Computed group tables, in every output format. Each module turns [`Standings`] into one
//! format and names it with a [`Format`]; [`FORMATS`] lists them all, and the command line offers
//! exactly these.

pub mod csv;
pub mod json;
pub mod markdown;
pub mod text;
pub mod wikitext;

use crate::compute::standings::{GroupTable, Qualification, Standings};
use crate::model::TeamId;

/// A table format: its name on the command line, a line of help, and its writer.
#[derive(Debug)]
pub struct Format {
    /// The name `--format` takes.
    pub name: &'static str,
    /// What it prints, in a line.
    pub help: &'static str,
    /// Renders standings as the options ask.
    pub render: fn(&[Standings<'_>], &Options<'_>) -> String,
}

/// What a table is printed with besides the standings.
#[derive(Debug, Clone, Copy, Default)]
pub struct Options<'a> {
    /// For every pair of adjacent teams, the criteria that compared them (where the format
    /// shows explanations at all).
    pub explain: bool,
    /// The teams whose rows stand out (`--team`), by their names in the data; none when empty.
    /// Text marks their rows, Markdown writes them in bold, wikitext names them in `showteam`;
    /// CSV and JSON, for scripts, are unchanged.
    pub highlight: &'a [String],
}

impl Options<'_> {
    /// Whether the row of the team named `name` stands out.
    pub fn highlights(&self, name: &str) -> bool {
        self.highlight.iter().any(|h| h == name)
    }
}

/// Every table format, the default first.
pub static FORMATS: [Format; 5] = [
    text::FORMAT,
    json::FORMAT,
    csv::FORMAT,
    markdown::FORMAT,
    wikitext::FORMAT,
];

/// The format named `name`.
pub fn format(name: &str) -> Option<&'static Format> {
    FORMATS.iter().find(|f| f.name == name)
}

/// Adjacent pairs of rows: the upper one's 0-based row, then both teams, upper first.
pub(crate) fn adjacent<'t>(
    table: &'t GroupTable<'_>,
) -> impl Iterator<Item = (usize, TeamId, TeamId)> + 't {
    table
        .rows
        .windows(2)
        .enumerate()
        .map(|(i, w)| (i, w[0].team, w[1].team))
}

/// Whether `team` is certain to advance from the group.
pub(crate) fn advances(table: &GroupTable<'_>, team: TeamId) -> bool {
    match &table.qualification {
        Qualification::Decided(teams) => teams.contains(&team),
        Qualification::Undecided { certain, .. } => certain.contains(&team),
    }
}

/// A record's numbers as printed, in table order: P, W, D, L, GF, GA, GD, Ded, Pts.
pub(crate) fn record_cells(rec: &crate::compute::records::Record) -> [String; 9] {
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
pub fn place(row: &crate::compute::standings::Row) -> String {
    if row.shared {
        format!("{}=", row.position)
    } else {
        row.position.to_string()
    }
}
