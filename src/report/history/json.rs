//! JSON: the stable contract for scripts (documented field by field in docs/output.md,
//! `history`; described by `schemas/history.schema.json`, which [`json_schema`] generates from
//! the types written here). One object whatever the number of inputs, with the contract's
//! [`VERSION`], as `table --format json` prints. Field names never change; new fields may be
//! added.

use schemars::JsonSchema;
use serde::Serialize;

use super::Format;
use crate::compute::history::{History, Place};

/// `--format json`.
pub const FORMAT: Format = Format {
    name: "json",
    help: "The stable JSON contract documented in docs/output.md",
    render,
};

/// The contract's version, the document's `version`: raised on any change a script written
/// for the last one could trip over (a field removed, renamed, or changing its type or
/// meaning), never for a field added.
pub const VERSION: u32 = 1;

/// The whole document.
#[derive(Serialize, JsonSchema)]
#[schemars(
    title = "standings history JSON output",
    description = "What `standings history --format json` prints (docs/output.md). Fields may be added without changing `version`; a reader ignores those it does not know."
)]
struct Document<'a> {
    /// The contract's version: raised on any incompatible change (a field removed, renamed, or
    /// changing its type or meaning), never for a field added.
    #[schemars(extend("const" = VERSION))]
    version: u32,
    /// One per input followed, in the order given (a folder's files in name order).
    competitions: Vec<CompetitionOut<'a>>,
}

/// One competition: its groups' histories.
#[derive(Serialize, JsonSchema)]
struct CompetitionOut<'a> {
    /// The competition's name, from the data.
    competition: &'a str,
    /// Each group followed, in the data's order.
    groups: Vec<GroupOut<'a>>,
}

/// One group's history.
#[derive(Serialize, JsonSchema)]
struct GroupOut<'a> {
    /// The group's name.
    name: &'a str,
    /// The steps' labels, in order: `Matchday N` for rounds, `YYYY-MM-DD` for days.
    steps: &'a [String],
    /// The teams in their order after the last step.
    teams: Vec<TeamOut<'a>>,
}

/// One team's places.
#[derive(Serialize, JsonSchema)]
struct TeamOut<'a> {
    /// The team's name.
    team: &'a str,
    /// One per step, parallel to `steps`: null before the team has played.
    places: Vec<Option<PlaceOut>>,
}

/// A place after one step.
#[derive(Serialize, JsonSchema)]
struct PlaceOut {
    /// 1-based; a shared place is that of the first team sharing it.
    #[schemars(range(min = 1))]
    position: usize,
    /// Whether another team shares the place.
    shared: bool,
}

impl From<Place> for PlaceOut {
    fn from(p: Place) -> PlaceOut {
        PlaceOut {
            position: p.position,
            shared: p.shared,
        }
    }
}

/// Renders every history, grouped by input in the order given, pretty-printed, with a
/// final line break.
pub fn render(histories: &[History]) -> String {
    // Each competition with the input it comes from: one per input, whatever its name.
    let mut competitions: Vec<(usize, CompetitionOut<'_>)> = Vec::new();
    for h in histories {
        let group = GroupOut {
            name: &h.group,
            steps: &h.steps,
            teams: h
                .teams
                .iter()
                .map(|t| TeamOut {
                    team: &t.team,
                    places: t.places.iter().map(|p| p.map(PlaceOut::from)).collect(),
                })
                .collect(),
        };
        match competitions.last_mut() {
            Some((input, c)) if *input == h.input => c.groups.push(group),
            _ => competitions.push((
                h.input,
                CompetitionOut {
                    competition: &h.competition,
                    groups: vec![group],
                },
            )),
        }
    }
    let document = Document {
        version: VERSION,
        competitions: competitions.into_iter().map(|(_, c)| c).collect(),
    };
    serde_json::to_string_pretty(&document).expect("histories serialize") + "\n"
}

/// The JSON Schema (draft 2020-12) of what [`render`] prints, generated from its output types
/// (`standings schema history`, committed as `schemas/history.schema.json`).
pub fn json_schema() -> serde_json::Value {
    crate::report::json_schema_of::<Document<'_>>()
}
