//! Groups built from plain lists of results (CSV rows, JSON matches): teams in order of first
//! appearance, each match's place kept for validation (which checks pairings against the
//! rules' `group.meetings`). Names are interned with
//! FxHash rather than SipHash: a million-row CSV looks up three names per row, the keys come
//! from the user's own file, and no adversary gains anything by colliding them.

use rustc_hash::FxHashMap;
use std::ops::Range;

use crate::diagnostic::{Code, Diagnostic, Source};
use crate::model::{Group, GroupRecord, Line, Match, Outcome, TeamId};

/// Collects one group's results.
pub struct GroupResults {
    name: String,
    line: usize,
    teams: Vec<String>,
    ids: FxHashMap<String, TeamId>,
    matches: Vec<Match>,
    spans: Vec<Range<usize>>,
}

impl GroupResults {
    /// A group named `name`, first seen at `line`.
    pub fn new(name: impl Into<String>, line: usize) -> GroupResults {
        GroupResults {
            name: name.into(),
            line,
            teams: Vec::new(),
            ids: FxHashMap::default(),
            matches: Vec::new(),
            spans: Vec::new(),
        }
    }

    /// The group's name.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// Lists a fixture's teams without a result (a match not yet played), so that a team whose
    /// matches are all still to come appears in the table with none played.
    pub fn fixture(&mut self, home: &str, away: &str) {
        for name in [home, away] {
            if !name.trim().is_empty() {
                self.team(name);
            }
        }
    }

    fn team(&mut self, name: &str) -> TeamId {
        if let Some(&id) = self.ids.get(name) {
            return id;
        }
        let id = TeamId::new(self.teams.len());
        self.teams.push(name.to_string());
        self.ids.insert(name.to_string(), id);
        id
    }

    /// Adds a played match; `at` locates it in `source` for errors.
    pub fn add(
        &mut self,
        source: &Source,
        (home, away): (&str, &str),
        (home_goals, away_goals): (u32, u32),
        at: Range<usize>,
    ) -> Result<(), Diagnostic> {
        if home.trim().is_empty() || away.trim().is_empty() {
            return Err(source.error(
                Code::MissingTeam,
                at,
                "a match without a team name; expected both teams",
            ));
        }
        let limit = crate::read::match_text::MAX_GOALS;
        if home_goals > limit || away_goals > limit {
            return Err(source.error(
                Code::Goals,
                at,
                format!(
                    "{home_goals}–{away_goals}: more than {limit} goals; expected a real score"
                ),
            ));
        }
        let (h, a) = (self.team(home), self.team(away));
        self.spans.push(at);
        self.matches.push(Match {
            home: h,
            away: a,
            outcome: Outcome::Played {
                home: home_goals,
                away: away_goals,
            },
        });
        Ok(())
    }

    /// The finished group.
    pub fn finish(self) -> Group {
        let n = self.teams.len();
        Group {
            name: self.name,
            teams: self.teams,
            aliases: Vec::new(),
            matches: self.matches,
            decisions: Vec::new(),
            record: GroupRecord::default(),
            cards: vec![None; n],
            coefficients: vec![None; n],
            line: Line(self.line),
            spans: crate::model::GroupSpans {
                matches: self.spans,
                ..Default::default()
            },
        }
    }
}

/// A competition of the given groups and nothing else.
pub fn competition(name: String, source: &Source, groups: Vec<Group>) -> crate::model::Competition {
    crate::model::Competition {
        name,
        path: source.path.clone(),
        groups,
        record: Default::default(),
        aliases: Vec::new(),
        ties: Vec::new(),
        ranking: None,
        entrants: Vec::new(),
        origin: crate::model::Origin(Some(source.clone())),
    }
}
