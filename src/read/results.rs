//! Groups built from plain lists of results (CSV rows, JSON matches): teams in order of first
//! appearance, each match's place kept for validation (which checks pairings against the
//! rules' `group.meetings`). Names are interned with
//! FxHash rather than SipHash: a million-row CSV looks up three names per row, the keys come
//! from the user's own file, and no adversary gains anything by colliding them.

use rustc_hash::FxHashMap;
use std::borrow::Cow;
use std::ops::Range;

use crate::diagnostic::{Code, Diagnostic, Source, excerpt};
use crate::model::{Fixture, Group, GroupRecord, Line, Match, Outcome, Schedule, TeamId};
use crate::read::name::{Spellings, normalise};

/// One side of a match as read: the team's name and where it is written.
pub type Side<'a> = (&'a str, Range<usize>);

/// Whether a reader keeps where each match is written: needed only to point at a match in a
/// message after reading (a pair meeting too often), so a file is read without them and read
/// again with them when validation finds a problem ([`crate::read::load_with`]). The CSV reader reads rows without them fast.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Spans {
    /// Keep each match's place.
    Keep,
    /// Keep none: each row is read as fast as it can be.
    Skip,
}

/// Collects one group's results.
pub struct GroupResults {
    name: String,
    line: usize,
    teams: Vec<String>,
    /// Each team by its name's bytes (a fast reading's fields are bytes).
    ids: FxHashMap<Box<[u8]>, TeamId>,
    spellings: Spellings,
    matches: Vec<Match>,
    /// Matches listed without a result (rare rows: kept apart so played ones stay small).
    fixtures: Vec<Fixture>,
    /// Where each match is written, when asked to keep them.
    spans: Vec<Range<usize>>,
    /// Where each fixture is written, when asked to keep them.
    fixture_spans: Vec<Range<usize>>,
    /// The date of each match up to the last one given one (see [`GroupResults::when`]).
    dates: Vec<Option<jiff::civil::Date>>,
    /// The round of each match up to the last one given one.
    rounds: Vec<Option<u32>>,
    keep_spans: bool,
    /// Whether the group was compacted and then read again.
    reopened: bool,
}

impl GroupResults {
    /// The 1-based line where the group first appears.
    pub fn line(&self) -> usize {
        self.line
    }

    /// A group named `name`, first seen at `line`, keeping where each match is written or
    /// not (`spans`), with room for `expected` matches.
    pub fn new(
        name: impl Into<String>,
        line: usize,
        spans: Spans,
        expected: usize,
    ) -> GroupResults {
        GroupResults {
            name: name.into(),
            line,
            teams: Vec::new(),
            ids: FxHashMap::default(),
            spellings: Spellings::new(),
            matches: Vec::with_capacity(expected),
            fixtures: Vec::new(),
            spans: Vec::new(),
            fixture_spans: Vec::new(),
            dates: Vec::new(),
            rounds: Vec::new(),
            keep_spans: spans == Spans::Keep,
            reopened: false,
        }
    }

    /// Drops what finds the group's teams by name, as a group that may be complete (the
    /// reader has moved on to another group): a whole history's groups need not all keep it
    /// to the end. [`GroupResults::reopen`] rebuilds it. Only a group that keeps no places is
    /// compacted: a problem it then finds is found again by a reading that keeps them.
    pub fn compact(&mut self) {
        // A group reopened once has rows among other groups' (divisions interleaved): it
        // keeps its index, so that no file makes it be rebuilt again and again.
        if !self.keep_spans && !self.reopened {
            self.ids = FxHashMap::default();
            self.spellings = Spellings::new();
        }
    }

    /// Rebuilds what [`GroupResults::compact`] dropped, if it was, for more of the group's rows.
    pub fn reopen(&mut self, source: &Source) {
        if self.ids.len() == self.teams.len() {
            return;
        }
        self.reopened = true;
        for (i, name) in self.teams.iter().enumerate() {
            self.ids.insert(name.as_bytes().into(), TeamId::new(i));
            // Names were checked when first added: two spellings cannot meet here.
            let _ = self.spellings.add(source, &self.name, name, 0..0);
        }
    }

    /// Moves the group's first line on by `lines`: a group read from a later part of a file,
    /// whose lines were counted from the part's start.
    pub fn move_lines(&mut self, lines: u64) {
        self.line += lines as usize;
    }

    /// Adds `other`, the same group read from a later part of the file: its new teams after
    /// this group's, in their order, and its matches after these. Two spellings of one team
    /// are an error, as in one reading.
    pub fn absorb(&mut self, source: &Source, other: GroupResults) -> Result<(), Diagnostic> {
        self.reopen(source);
        let mut ids = Vec::with_capacity(other.teams.len());
        for name in &other.teams {
            ids.push(self.team(source, (Cow::Borrowed(name.as_str()), 0..0))?);
        }
        let id = |t: TeamId| ids[t.index()];
        let before = self.matches.len();
        self.matches.reserve_exact(other.matches.len());
        self.matches.extend(
            other
                .matches
                .iter()
                .map(|m| Match::new(id(m.home), id(m.away), m.outcome())),
        );
        self.spans.extend(other.spans);
        self.fixtures
            .extend(other.fixtures.into_iter().map(|f| Fixture {
                home: id(f.home),
                away: id(f.away),
                ..f
            }));
        self.fixture_spans.extend(other.fixture_spans);
        join(&mut self.dates, other.dates, before);
        join(&mut self.rounds, other.rounds, before);
        Ok(())
    }

    /// Gives the match added last its date and round, where the input has them: a group's
    /// matches without any (a file read without dates) cost nothing.
    pub fn when(&mut self, date: Option<jiff::civil::Date>, round: Option<u32>) {
        let last = self.matches.len().saturating_sub(1);
        if date.is_some() {
            self.dates.resize(last, None);
            self.dates.push(date);
        }
        if round.is_some() {
            self.rounds.resize(last, None);
            self.rounds.push(round);
        }
    }

    /// How many matches the group has so far.
    pub fn len(&self) -> usize {
        self.matches.len()
    }

    /// Whether the group has no match yet.
    pub fn is_empty(&self) -> bool {
        self.matches.is_empty()
    }

    /// The team already named `name`, given as bytes (a name the fast reading found to be
    /// printable ASCII), if any.
    pub fn lookup_bytes(&self, name: &[u8]) -> Option<TeamId> {
        self.ids.get(name).copied()
    }

    /// Adds a played match between two teams the group has, `goals` already checked (at most
    /// [`crate::read::match_text::MAX_GOALS`] each): the path of a row read fast, which keeps
    /// no place.
    pub fn push_played(&mut self, home: TeamId, away: TeamId, home_goals: u32, away_goals: u32) {
        debug_assert!(
            !self.keep_spans,
            "a group that keeps places is read in full"
        );
        self.matches.push(Match::new(
            home,
            away,
            Outcome::Played {
                home: home_goals,
                away: away_goals,
            },
        ));
    }

    /// The group's name.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// Keeps a fixture without a result (a match not yet played), on its date and in its round
    /// where the input gives them; its teams appear in the table with none played. The fixture
    /// is checked as a played match is: both teams named, two different teams.
    pub fn fixture(
        &mut self,
        source: &Source,
        home: Side<'_>,
        away: Side<'_>,
        at: Range<usize>,
        (date, round): (Option<jiff::civil::Date>, Option<u32>),
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
        let (home, away) = (self.team(source, home)?, self.team(source, away)?);
        self.fixtures.push(Fixture {
            home,
            away,
            date,
            round,
        });
        if self.keep_spans {
            self.fixture_spans.push(at);
        }
        Ok(())
    }

    fn team(
        &mut self,
        source: &Source,
        (name, at): (Cow<'_, str>, Range<usize>),
    ) -> Result<TeamId, Diagnostic> {
        if let Some(&id) = self.ids.get(name.as_bytes()) {
            return Ok(id);
        }
        self.spellings.add(source, &self.name, &name, at)?;
        let id = TeamId::new(self.teams.len());
        self.teams.push(name.to_string());
        self.ids.insert(name.as_bytes().into(), id);
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
        if self.keep_spans {
            self.spans.push(at);
        }
        self.matches.push(Match::new(
            h,
            a,
            Outcome::Played {
                home: home_goals,
                away: away_goals,
            },
        ));
        Ok(())
    }

    /// The finished group.
    pub fn finish(mut self) -> Group {
        let n = self.teams.len();
        self.matches.shrink_to_fit();
        let len = self.matches.len();
        fill(&mut self.dates, len);
        fill(&mut self.rounds, len);
        let schedule = Schedule::new(self.dates, self.rounds);
        Group {
            name: self.name,
            teams: self.teams,
            aliases: Vec::new(),
            matches: self.matches,
            fixtures: self.fixtures,
            decisions: Vec::new(),
            record: GroupRecord::default(),
            cards: vec![None; n],
            coefficients: vec![None; n],
            values: Default::default(),
            rulings: Default::default(),
            line: Line(self.line),
            schedule,
            spans: crate::model::GroupSpans {
                matches: self.spans,
                fixtures: self.fixture_spans,
                ..Default::default()
            },
        }
    }
}

/// Appends `theirs`, the entries of a later part's matches, to `mine`, the entries of the
/// first `before` matches (each list holds entries only up to the last match given one).
fn join<T: Clone>(mine: &mut Vec<Option<T>>, theirs: Vec<Option<T>>, before: usize) {
    if !theirs.is_empty() {
        mine.resize(before, None);
        mine.extend(theirs);
    }
}

/// Pads a list of entries to one per match, `len` in all: only a list some match has an entry
/// in is ever started.
fn fill<T: Clone>(list: &mut Vec<Option<T>>, len: usize) {
    if !list.is_empty() {
        list.resize(len, None);
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
        as_of: None,
    }
}
