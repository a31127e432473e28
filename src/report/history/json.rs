//! JSON: the stable contract for scripts (documented field by field in docs/output.md,
//! `history`). One object whatever the number of inputs, with the contract's [`VERSION`], as
//! `table --format json` prints. Field names never change; new fields may be added.

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

#[derive(Serialize)]
struct Document<'a> {
    version: u32,
    competitions: Vec<CompetitionOut<'a>>,
}

#[derive(Serialize)]
struct CompetitionOut<'a> {
    competition: &'a str,
    groups: Vec<GroupOut<'a>>,
}

#[derive(Serialize)]
struct GroupOut<'a> {
    name: &'a str,
    steps: &'a [String],
    teams: Vec<TeamOut<'a>>,
}

#[derive(Serialize)]
struct TeamOut<'a> {
    team: &'a str,
    places: Vec<Option<PlaceOut>>,
}

#[derive(Serialize)]
struct PlaceOut {
    position: usize,
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

/// Renders every history, grouped by competition in the order given, pretty-printed, with a
/// final line break.
pub fn render(histories: &[History]) -> String {
    let mut competitions: Vec<CompetitionOut<'_>> = Vec::new();
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
            Some(c) if c.competition == h.competition => c.groups.push(group),
            _ => competitions.push(CompetitionOut {
                competition: &h.competition,
                groups: vec![group],
            }),
        }
    }
    let document = Document {
        version: VERSION,
        competitions,
    };
    serde_json::to_string_pretty(&document).expect("histories serialize") + "\n"
}
