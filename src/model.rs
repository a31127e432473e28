//! The competition as the engine sees it: groups of teams, matches between them, the decisions
//! recorded outside the pitch, and the facts the published record states.
//!
//! Teams are interned: inside a [`Group`] a team is its index ([`TeamId`]) into `Group::teams`,
//! so the engine never compares or clones names on its hot paths.

use std::path::PathBuf;

/// A team's index into its group's `teams`.
pub type TeamId = usize;

/// Which side of a match did not play it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Forfeit {
    /// The home side did not play; the away side is awarded the match.
    Home,
    /// The away side did not play; the home side is awarded the match.
    Away,
    /// Neither side played: both take the awarded defeat and the deduction.
    Both,
}

/// How a match ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Played to a result.
    Played {
        /// Goals scored by the home side.
        home: u32,
        /// Goals scored by the away side.
        away: u32,
    },
    /// Not played; the score and the deduction come from the rule file.
    Forfeit(Forfeit),
}

/// One match of a group.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Match {
    /// The first-named (home) team.
    pub home: TeamId,
    /// The second-named (away) team.
    pub away: TeamId,
    /// The result.
    pub outcome: Outcome,
}

impl Match {
    /// Whether `team` took part in this match.
    pub fn involves(&self, team: TeamId) -> bool {
        self.home == team || self.away == team
    }
}

/// A name used by a source document for a team that the record knows under another name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Alias {
    /// The name as the document prints it.
    pub name: String,
    /// The team it really is.
    pub team: TeamId,
    /// Why the record corrects it.
    pub why: String,
}

/// An order decided off the pitch (drawing of lots, a ruling, a play-off), recorded in the data.
/// The `decision` tiebreak criterion uses it; the engine never invents one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decision {
    /// How it was decided, in words ("drawing of lots").
    pub by: String,
    /// The teams in the decided order, best first.
    pub order: Vec<TeamId>,
}

/// A fact the published record states, with the line of the data file that states it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recorded<T> {
    /// The stated value.
    pub value: T,
    /// 1-based line in the data file.
    pub line: usize,
}

/// The facts the published record states about one group.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct GroupRecord {
    /// The group winner.
    pub winner: Option<Recorded<TeamId>>,
    /// The published final order, best first.
    pub order: Option<Recorded<Vec<TeamId>>>,
}

/// A group: its teams, its matches, and what the record says about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Group {
    /// The group's name ("Group 8").
    pub name: String,
    /// The teams, in the order the data file lists them.
    pub teams: Vec<String>,
    /// Names that documents use for these teams.
    pub aliases: Vec<Alias>,
    /// Every match, in file order (which never changes a table).
    pub matches: Vec<Match>,
    /// Orders decided off the pitch.
    pub decisions: Vec<Decision>,
    /// The facts the published record states.
    pub record: GroupRecord,
}

impl Group {
    /// The team's display name.
    pub fn team_name(&self, team: TeamId) -> &str {
        &self.teams[team]
    }
}

/// A competition as read from a data file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Competition {
    /// The competition's name ("2003–04 Coppa Italia").
    pub name: String,
    /// The data file it was read from.
    pub path: PathBuf,
    /// The rule file the data file names, resolved relative to the data file.
    pub rules: Option<PathBuf>,
    /// The groups, in file order.
    pub groups: Vec<Group>,
}
