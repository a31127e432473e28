//! Groups built from plain lists of results (CSV rows, JSON matches): teams in order of first
//! appearance, each match's place kept for validation (which checks pairings against the
//! rules' `group.meetings`). Names are interned with
//! FxHash rather than SipHash: a million-row CSV looks up three names per row, the keys come
//! from the user's own file, and no adversary gains anything by colliding them.

use rustc_hash::FxHashMap;
use std::borrow::Cow;
use std::ops::Range;

use crate::diagnostic::{Code, Diagnostic, Source, excerpt};
use crate::model::{Group, GroupRecord, Line, Match, Outcome, TeamId};
use crate::read::name::{Spellings, normalise};

/// One side of a match as read: the team's name and where it is written.
pub type Side<'a> = (&'a str, Range<usize>);

/// Collects one group's results.
pub struct GroupResults {
    name: String,
    line: usize,
    teams: Vec<String>,
    ids: FxHashMap<String, TeamId>,
    spellings: Spellings,
    matches: Vec<Match>,
    spans: Vec<Range<usize>>,
}

impl GroupResults {
    /// A group named `name`, first seen at `line`.
    /// The 1-based line where the group first appears.
    pub fn line(&self) -> usize {
        self.line
    }

    pub fn new(name: impl Into<String>, line: usize) -> GroupResults {
        GroupResults {
            name: name.into(),
            line,
            teams: Vec::new(),
            ids: FxHashMap::default(),
            spellings: Spellings::new(),
            matches: Vec::new(),
            spans: Vec::new(),
        }
    }

    /// The group's name.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// Lists a fixture's teams without a result (a match not yet played), so that a team whose
    /// matches are all still to come appears in the table with none played. The fixture is
    /// checked as a played match is: both teams named, two different teams.
    pub fn fixture(
        &mut self,
        source: &Source,
        home: Side<'_>,
        away: Side<'_>,
        at: Range<usize>,
    ) -> Result<(), Diagnostic> {
        let (home, away) = (named(source, &home)?, named(source, &away)?);
        if home.0 == away.0 {
            return Err(source.error(
                Code::PlaysItself,
                at,
                format!(
                    "{} plays itself; expected two different teams",
                    excerpt(&home.0)
                ),
            ));
        }
        self.team(source, home)?;
        self.team(source, away)?;
        Ok(())
    }

    fn team(
        &mut self,
        source: &Source,
        (name, at): (Cow<'_, str>, Range<usize>),
    ) -> Result<TeamId, Diagnostic> {
        if let Some(&id) = self.ids.get(name.as_ref()) {
            return Ok(id);
        }
        self.spellings.add(source, &self.name, &name, at)?;
        let id = TeamId::new(self.teams.len());
        self.teams.push(name.to_string());
        self.ids.insert(name.into_owned(), id);
        Ok(id)
    }

    /// Adds a played match; `at` locates it in `source` for errors, each side's span its team.
    pub fn add(
        &mut self,
        source: &Source,
        (home, away): (Side<'_>, Side<'_>),
        (home_goals, away_goals): (u32, u32),
        at: Range<usize>,
    ) -> Result<(), Diagnostic> {
        let (home, away) = (named(source, &home)?, named(source, &away)?);
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
        let (h, a) = (self.team(source, home)?, self.team(source, away)?);
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
            values: Default::default(),
            rulings: Default::default(),
            line: Line(self.line),
            spans: crate::model::GroupSpans {
                matches: self.spans,
                ..Default::default()
            },
        }
    }
}

/// A side's team name, normalised; an empty one is an error at its place.
pub fn named<'a>(
    source: &Source,
    (name, at): &Side<'a>,
) -> Result<(Cow<'a, str>, Range<usize>), Diagnostic> {
    let name = normalise(name);
    if name.is_empty() {
        return Err(source.error(
            Code::MissingTeam,
            at.clone(),
            "a match without a team name; expected both teams",
        ));
    }
    Ok((name, at.clone()))
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
