//! `run-in --format json`: one object whatever the number of inputs, versioned like the table
//! JSON ([`VERSION`], independent of it). Field names never change; new fields may be added.
//! Points are exact decimals as JSON numbers, as the table JSON writes them.

use schemars::JsonSchema;
use serde::Serialize;

use super::CompetitionRunIn;
use crate::report::table::json::{Number, decimal};
use crate::runin::{GroupRunIn, Outlook, Place};

/// The contract's version: raised on any change a script written for the last one could trip
/// over (a field removed, renamed, or changing its type or meaning), never for a field added.
pub const VERSION: u32 = 1;

/// The whole document.
#[derive(Serialize, JsonSchema)]
#[schemars(
    title = "standings run-in JSON output",
    description = "What `standings run-in --format json` prints (docs/output.md, docs/scenarios.md). Fields may be added without changing `version`; a reader ignores those it does not know."
)]
struct Document<'a> {
    /// The contract's version.
    #[schemars(extend("const" = VERSION))]
    version: u32,
    /// One per input with a group worked out, in the order given.
    competitions: Vec<CompetitionOut<'a>>,
}

/// One competition.
#[derive(Serialize, JsonSchema)]
struct CompetitionOut<'a> {
    /// The competition's name, from the data.
    competition: &'a str,
    /// The rule file's `name`.
    rules: &'a str,
    /// Each group worked out, in the data's order.
    groups: Vec<GroupOut<'a>>,
}

/// One group.
#[derive(Serialize, JsonSchema)]
struct GroupOut<'a> {
    /// The group's name.
    name: &'a str,
    /// How many fixtures are left to play.
    fixtures_left: usize,
    /// Qualifying places at the top (`qualification.advance`).
    advance: usize,
    /// Relegation places at the bottom (`qualification.relegated`, or `--relegated`).
    relegated: usize,
    /// The criteria the table as it stands stops before, which the data does not record (the
    /// teams they would separate share a place); empty when the whole chain applies.
    cut: &'a [String],
    /// The teams in the table's order as it stands.
    teams: Vec<TeamOut<'a>>,
}

/// One team.
#[derive(Serialize, JsonSchema)]
struct TeamOut<'a> {
    /// Its place in the table as it stands (1-based; a shared place is that of the first team
    /// sharing it).
    position: usize,
    /// Whether another team shares that place.
    shared: bool,
    /// The team's name.
    team: &'a str,
    /// Matches played.
    played: u64,
    /// Points so far, deductions included.
    points: Number,
    /// Matches left to play.
    left: usize,
    /// Its best possible final place: `low` ≤ the true place ≤ `high`, equal when exact.
    best: PlaceOut,
    /// Its worst possible final place, in the same terms.
    worst: PlaceOut,
    /// First whatever happens (worst place exactly 1).
    champions: bool,
    /// In the qualifying places whatever happens.
    qualified: bool,
    /// Above the relegation places whatever happens (false when there are none).
    safe: bool,
    /// In the relegation places whatever happens.
    relegated: bool,
    /// Whether it can finish first: `clinched` (champions), `possible` (its best place is
    /// exactly 1), `not_settled` (its best place is a range reaching 1), `out`.
    title: Title,
}

/// A place known exactly (`low` = `high`) or within bounds.
#[derive(Serialize, JsonSchema)]
struct PlaceOut {
    /// The best (smallest) the place can be.
    low: usize,
    /// The worst (largest) the place can be.
    high: usize,
}

impl From<Place> for PlaceOut {
    fn from(p: Place) -> PlaceOut {
        PlaceOut {
            low: p.low,
            high: p.high,
        }
    }
}

/// Whether a team can finish first.
#[derive(Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
enum Title {
    /// It finishes first whatever happens.
    Clinched,
    /// Some results put it first.
    Possible,
    /// Its best place is a range reaching first: not settled.
    NotSettled,
    /// No result puts it first.
    Out,
}

fn title(o: &Outlook) -> Title {
    if o.clinched_title() {
        Title::Clinched
    } else if o.can_win_title() {
        Title::Possible
    } else if o.may_win_title() {
        Title::NotSettled
    } else {
        Title::Out
    }
}

fn group<'a>(g: &'a GroupRunIn<'a>) -> GroupOut<'a> {
    let league = &g.league;
    GroupOut {
        name: &g.group.name,
        fixtures_left: league.fixtures.len(),
        advance: league.advance,
        relegated: league.relegated,
        cut: &g.cut,
        teams: g
            .rows
            .iter()
            .map(|row| {
                let o = &g.outlooks[row.team.index()];
                TeamOut {
                    position: row.position,
                    shared: row.shared,
                    team: g.group.team_name(row.team),
                    played: row.record.played,
                    points: decimal(row.record.points()),
                    left: o.left,
                    best: o.best.into(),
                    worst: o.worst.into(),
                    champions: o.clinched_title(),
                    qualified: o.clinched_qualification(league),
                    safe: o.clinched_safety(league),
                    relegated: o.relegated(league),
                    title: title(o),
                }
            })
            .collect(),
    }
}

/// The document for `competitions`.
pub fn render(competitions: &[CompetitionRunIn<'_>]) -> String {
    let document = Document {
        version: VERSION,
        competitions: competitions
            .iter()
            .map(|c| CompetitionOut {
                competition: c.competition,
                rules: c.rules,
                groups: c.groups.iter().map(group).collect(),
            })
            .collect(),
    };
    serde_json::to_string_pretty(&document).expect("serialising plain structs cannot fail") + "\n"
}

/// The JSON Schema of the document (`standings schema runin`, `schemas/runin.schema.json`),
/// generated from the types it serializes.
pub fn json_schema() -> serde_json::Value {
    crate::report::json_schema_of::<Document<'_>>()
}
