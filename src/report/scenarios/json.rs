//! `scenarios --format json`: one object, versioned like the table JSON ([`VERSION`]). Field
//! names never change; new fields may be added. Teams are named; a condition names its fixture
//! by index into the group's `fixtures` (0 for the first).

use schemars::JsonSchema;
use serde::Serialize;

use super::GroupScenarios;
use crate::scenarios::condition::Verdict;
use crate::scenarios::place::Unknown;
use crate::scenarios::scoreline::Res;
use crate::scenarios::summary::Status;

/// The contract's version: raised only for a change a reader must know about.
pub const VERSION: u32 = 1;

/// The whole document.
#[derive(Serialize, JsonSchema)]
#[schemars(
    title = "standings scenarios JSON output",
    description = "What `standings scenarios --format json` prints (docs/scenarios.md). Fields may be added without changing `version`; a reader ignores those it does not know."
)]
struct Document<'a> {
    /// The contract's version.
    #[schemars(extend("const" = VERSION))]
    version: u32,
    /// One per group worked out.
    groups: Vec<GroupOut<'a>>,
}

/// One group.
#[derive(Serialize, JsonSchema)]
struct GroupOut<'a> {
    /// The group's name.
    group: &'a str,
    /// How many teams advance (`qualification.advance`).
    advance: usize,
    /// The most goals a side searched in any fixture: conditions are exact up to each
    /// combination's own `bound`, and a range with no `to` reached it.
    bound: u32,
    /// Whether every combination was searched past every gap in goals between teams it
    /// leaves level on points: then what the document says holds at any score.
    past_gaps: bool,
    /// The fixtures still to play.
    fixtures: Vec<FixtureOut<'a>>,
    /// Each team's outlook (the teams `--team` chose, or all).
    teams: Vec<TeamOut<'a>>,
    /// Every combination of results: fixture 0's result varies fastest.
    combinations: Vec<CombinationOut<'a>>,
}

/// A fixture still to play.
#[derive(Serialize, JsonSchema)]
struct FixtureOut<'a> {
    home: &'a str,
    away: &'a str,
    /// Its date (YYYY-MM-DD), if the data gives one.
    date: Option<String>,
    /// Its round, if the data gives one.
    round: Option<u32>,
}

/// A team's outlook.
#[derive(Serialize, JsonSchema)]
struct TeamOut<'a> {
    team: &'a str,
    /// A qualifying place: clinched, eliminated, or open (`sure`: results that settle it
    /// whatever the scores, each a list of [fixture, allowed results]; `score`: indices of
    /// combinations where the scores decide it; `unknown`: combinations where, at some scores
    /// or at all, it rests on data nobody has yet, each with what (`on`: fair play, lots,
    /// shoot-out, data), a combination where the scores decide being in both lists).
    advances: &'a Status,
    /// First place, in the same terms.
    first: &'a Status,
    /// Best and worst place (1 for first).
    places: (usize, usize),
}

/// One combination of results.
#[derive(Serialize, JsonSchema)]
struct CombinationOut<'a> {
    /// Each fixture's result: home, draw or away (a win for that side).
    results: &'a [Res],
    /// The most goals a side searched in each fixture of this combination.
    bound: u32,
    /// Whether that went past every gap in goals between teams this combination leaves level
    /// on points (when false, its verdicts hold at the scores searched only).
    past_gaps: bool,
    /// Per team (the teams shown): its verdicts.
    teams: Vec<VerdictsOut<'a>>,
    /// What some order in this combination rests on beyond the scores.
    unknown: &'a [Unknown],
}

/// One team's verdicts in a combination.
#[derive(Serialize, JsonSchema)]
struct VerdictsOut<'a> {
    team: &'a str,
    /// A qualifying place: always, never, unknown, or depends (with `yes` and `open`, lists of
    /// clauses, each a list of constraints on a fixture's `margin` and `low`, the losing side's
    /// goals, as `{from, to}` ranges, `to` null for "or more").
    advances: &'a Verdict,
    /// First place, in the same terms.
    first: &'a Verdict,
    /// Best and worst place (1 for first) over the scorelines searched.
    places: (usize, usize),
}

/// The document for `groups`, the teams `teams` names (all when empty).
pub fn render(groups: &[GroupScenarios<'_>], teams: &[String]) -> String {
    let out = groups
        .iter()
        .map(|g| {
            let names = &g.group.teams;
            let shown = |t: &usize| teams.is_empty() || teams.contains(&names[*t]);
            let s = &g.scenarios;
            GroupOut {
                group: &g.group.name,
                advance: s.advance,
                bound: s.bound,
                past_gaps: s.past_gaps,
                fixtures: g
                    .group
                    .fixtures
                    .iter()
                    .map(|f| FixtureOut {
                        home: &names[f.home.index()],
                        away: &names[f.away.index()],
                        date: f.date.map(|d| d.to_string()),
                        round: f.round,
                    })
                    .collect(),
                teams: (0..names.len())
                    .filter(shown)
                    .map(|t| TeamOut {
                        team: &names[t],
                        advances: &s.teams[t].advances,
                        first: &s.teams[t].first,
                        places: s.teams[t].places,
                    })
                    .collect(),
                combinations: s
                    .combinations
                    .iter()
                    .map(|c| CombinationOut {
                        results: &c.results,
                        bound: c.bound,
                        past_gaps: c.past_gaps,
                        teams: (0..names.len())
                            .filter(shown)
                            .map(|t| VerdictsOut {
                                team: &names[t],
                                advances: &c.advances[t],
                                first: &c.first[t],
                                places: c.places[t],
                            })
                            .collect(),
                        unknown: &c.unknown,
                    })
                    .collect(),
            }
        })
        .collect();
    let document = Document {
        version: VERSION,
        groups: out,
    };
    serde_json::to_string_pretty(&document).expect("serialising plain structs cannot fail") + "\n"
}

/// The JSON Schema of the document (`standings schema scenarios`).
pub fn json_schema() -> serde_json::Value {
    crate::report::json_schema_of::<Document<'_>>()
}
