//! The competition as the engine sees it: groups of teams, matches between them, the decisions
//! recorded outside the pitch, and the facts the published record states.
//!
//! Teams are interned: inside a [`Group`] a team is its index ([`TeamId`]) into `Group::teams`,
//! so the engine never compares or clones names on its hot paths.

use std::collections::BTreeMap;
use std::path::PathBuf;

use schemars::JsonSchema;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::diagnostic::{Code, Diagnostic, Diagnostics, Source};

/// Makes a type of source locations equal to any other value of its type, so that where
/// something was read from never decides whether two competitions (or rule sets) are the same.
#[macro_export]
macro_rules! not_part_of_equality {
    ($t:ty) => {
        impl PartialEq for $t {
            fn eq(&self, _: &$t) -> bool {
                true
            }
        }

        impl Eq for $t {}
    };
}

/// A 1-based line of the file something was read from (0 for something built in memory), for
/// messages and reports. Never part of equality: the same fact stated on another line is the
/// same fact.
#[derive(Debug, Clone, Copy, Default)]
pub struct Line(pub usize);

not_part_of_equality!(Line);

/// A team's index into its own group's `teams` (and `cards`, `coefficients`, the folded
/// records): meaningless in another group. `u32` keeps [`Match`] small.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct TeamId(u32);

impl TeamId {
    /// The team at `index` in its group's `teams`.
    pub fn new(index: usize) -> TeamId {
        TeamId(u32::try_from(index).expect("a group has fewer than 2^32 teams"))
    }

    /// The index into its group's `teams`.
    pub fn index(self) -> usize {
        self.0 as usize
    }
}

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

/// One match of a group, in 12 bytes: a million-match season history is held as its
/// matches, so their size is most of the memory a large results file costs.
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct Match {
    /// The first-named (home) team.
    pub home: TeamId,
    /// The second-named (away) team.
    pub away: TeamId,
    /// The result, packed: see [`Match::outcome`].
    result: u32,
}

/// The low half of a packed result that marks a forfeit (no score is this many goals).
const FORFEIT_MARK: u32 = 0xFFFF;

impl Match {
    /// A match between `home` and `away` that ended as `outcome`. Goals are at most
    /// [`crate::read::match_text::MAX_GOALS`] a side, which every reader checks.
    pub fn new(home: TeamId, away: TeamId, outcome: Outcome) -> Match {
        let result = match outcome {
            Outcome::Played { home, away } => {
                assert!(
                    home < FORFEIT_MARK && away <= 0xFFFF,
                    "goals are at most MAX_GOALS, which every reader checks"
                );
                home | away << 16
            }
            Outcome::Forfeit(side) => {
                let side = match side {
                    Forfeit::Home => 0,
                    Forfeit::Away => 1,
                    Forfeit::Both => 2,
                };
                FORFEIT_MARK | side << 16
            }
        };
        Match { home, away, result }
    }

    /// How the match ended.
    pub fn outcome(&self) -> Outcome {
        let (low, high) = (self.result & 0xFFFF, self.result >> 16);
        if low != FORFEIT_MARK {
            return Outcome::Played {
                home: low,
                away: high,
            };
        }
        Outcome::Forfeit(match high {
            0 => Forfeit::Home,
            1 => Forfeit::Away,
            _ => Forfeit::Both,
        })
    }

    /// The same match with another outcome.
    pub fn with_outcome(self, outcome: Outcome) -> Match {
        Match::new(self.home, self.away, outcome)
    }

    /// Whether `team` took part in this match.
    pub fn involves(&self, team: TeamId) -> bool {
        self.home == team || self.away == team
    }
}

impl std::fmt::Debug for Match {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Match")
            .field("home", &self.home)
            .field("away", &self.away)
            .field("outcome", &self.outcome())
            .finish()
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

/// An order decided off the group's table, recorded in the data: an order as such (a drawing of
/// lots, a ruling: a data file's `decisions`), which the `decision` criterion reads, or a
/// play-off between two tied teams (`playoffs`), which the `playoff` criterion reads. The engine
/// never invents one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decision {
    /// How it was decided, in words ("drawing of lots"; for a play-off, `play-off` and the match:
    /// "play-off Wales 2–1 Hungary").
    pub by: String,
    /// The teams in the decided order, best first (a play-off's winner, then its loser; for a
    /// drawn play-off, its two teams, which it leaves level: see [`Decision::is_level`]).
    pub order: Vec<TeamId>,
    /// The play-off that decided it, when it was one; `None` for an order recorded as such.
    pub playoff: Option<PlayOff>,
}

impl Decision {
    /// A play-off as a decision: its winner first. A drawn play-off (level after extra time,
    /// with no shoot-out) covers its two teams but leaves them level, so the chain moves on (in
    /// 1958, to goal average).
    pub fn from_playoff(playoff: PlayOff, teams: &[String]) -> Decision {
        let order = match playoff.winner() {
            Some(winner) if winner == playoff.away => vec![playoff.away, playoff.home],
            _ => vec![playoff.home, playoff.away],
        };
        Decision {
            by: format!("play-off {}", playoff.text(teams)),
            order,
            playoff: Some(playoff),
        }
    }

    /// Whether it leaves its teams level: a drawn play-off.
    pub fn is_level(&self) -> bool {
        self.playoff.is_some_and(|p| p.winner().is_none())
    }

    /// Whether it is a play-off (read by `playoff`) rather than an order recorded as such (read
    /// by `decision`) or a shoot-out after a group match (read by `shoot_out`).
    pub fn is_playoff(&self) -> bool {
        self.playoff.is_some_and(|p| !p.after_group_match)
    }

    /// Whether it is the shoot-out after a drawn group match (read by `shoot_out`).
    pub fn is_shoot_out(&self) -> bool {
        self.playoff.is_some_and(|p| p.after_group_match)
    }

    /// A shoot-out after a drawn group match as a decision: its winner first.
    pub fn from_shoot_out(shoot_out: PlayOff, teams: &[String]) -> Decision {
        let mut decision = Decision::from_playoff(shoot_out, teams);
        decision.by = format!("penalty shoot-out after {}", shoot_out.text(teams));
        decision
    }
}

/// A play-off: a match between two teams level in a group, played to decide their places. It
/// does not enter the table (nor the count of meetings between the pair).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PlayOff {
    /// The team named first.
    pub home: TeamId,
    /// The team named second.
    pub away: TeamId,
    /// The score, first team's goals first, extra time included.
    pub score: [u32; 2],
    /// Whether it went to extra time.
    pub extra_time: bool,
    /// The shoot-out, first team's kicks first, when there was one.
    pub penalties: Option<[u32; 2]>,
    /// Whether it is no play-off but the shoot-out after a drawn group match between the two
    /// (UEFA's last-round rule: `Home 1–1 Away (pens 4–3)` among a group's matches), which the
    /// `shoot_out` criterion reads; the match itself is in the table.
    pub after_group_match: bool,
}

impl PlayOff {
    /// Who won: more goals, or, level, more kicks in the shoot-out; `None` for a draw.
    pub fn winner(&self) -> Option<TeamId> {
        let [home, away] = match self.score {
            [h, a] if h != a => [h, a],
            _ => self.penalties?,
        };
        match home.cmp(&away) {
            std::cmp::Ordering::Greater => Some(self.home),
            std::cmp::Ordering::Less => Some(self.away),
            std::cmp::Ordering::Equal => None,
        }
    }

    /// The match as a data file writes it, with the group's names `teams`:
    /// `Northern Ireland 2–1 Czechoslovakia (aet)`.
    pub fn text(&self, teams: &[String]) -> String {
        let [h, a] = self.score;
        let mut text = format!(
            "{} {h}–{a} {}",
            teams[self.home.index()],
            teams[self.away.index()]
        );
        match (self.extra_time, self.penalties) {
            (true, Some([p, q])) => text += &format!(" (aet, pens {p}–{q})"),
            (false, Some([p, q])) => text += &format!(" (pens {p}–{q})"),
            (true, None) => text += " (aet)",
            (false, None) => {}
        }
        text
    }
}

/// A fact the published record states, with the line of the file that states it.
///
/// In a data file's `[record]` a fact deserializes from its value alone (`teams = 48`) and
/// serializes back to it; where it was written is kept aside until
/// [`CompetitionRecord::locate`] turns it into a line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recorded<T> {
    /// The stated value.
    pub value: T,
    /// 1-based line in the file that states it (0 for a fact built in memory).
    pub line: Line,
    /// Where the value was written in the data file (empty when built in memory).
    at: Span,
}

/// Bytes of a file, kept only to point at them: never part of equality.
#[derive(Debug, Clone, Default)]
struct Span(std::ops::Range<usize>);

not_part_of_equality!(Span);

impl<T> Recorded<T> {
    /// `value`, stated at `line`.
    pub fn new(value: T, line: Line) -> Recorded<T> {
        Recorded {
            value,
            line,
            at: Span::default(),
        }
    }

    /// The fact with its value mapped by `f`, stated where it was.
    fn map<B>(self, f: impl FnOnce(T) -> B) -> Recorded<B> {
        Recorded {
            value: f(self.value),
            line: self.line,
            at: self.at,
        }
    }

    /// The fact with its value mapped by `f`, stated where it was; `None` when `f` refuses it.
    pub fn try_map<B>(self, f: impl FnOnce(T) -> Option<B>) -> Option<Recorded<B>> {
        Some(Recorded {
            value: f(self.value)?,
            line: self.line,
            at: self.at,
        })
    }

    /// Sets the line from where the value was read, for a fact deserialized from `source`.
    fn locate(&mut self, source: &Source) {
        self.line = Line(source.line_of(self.at.0.start));
    }

    /// The bytes of the data file the value was read from (empty when built in memory).
    pub fn span(&self) -> std::ops::Range<usize> {
        self.at.0.clone()
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Recorded<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let spanned = toml::Spanned::<T>::deserialize(deserializer)?;
        Ok(Recorded {
            at: Span(spanned.span()),
            value: spanned.into_inner(),
            line: Line::default(),
        })
    }
}

impl<T: Serialize> Serialize for Recorded<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.value.serialize(serializer)
    }
}

impl<T: JsonSchema> JsonSchema for Recorded<T> {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        T::schema_name()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        T::json_schema(generator)
    }

    fn inline_schema() -> bool {
        T::inline_schema()
    }
}

/// The facts the published record states about one group: a group's `record` table.
// Teams are `T`: `TeamId`s in the model, names as a data file writes them. Read and written by serde as declared here. A new fact is a field here (and in
// `map_teams`/`locate`), a `FactKind` and its check in `src/check/groups.rs`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct GroupRecord<T = TeamId> {
    /// The group winner.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub winner: Option<Recorded<T>>,
    /// The published final order, best first.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub order: Option<Recorded<Vec<T>>>,
    /// The published table: a row per team it states, each team at most once, with the figures
    /// the table prints for it (a figure or a team left out is not checked).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub table: Option<Recorded<Vec<Recorded<TableRow<T>>>>>,
}

impl<T> Default for GroupRecord<T> {
    fn default() -> GroupRecord<T> {
        GroupRecord {
            winner: None,
            order: None,
            table: None,
        }
    }
}

/// One row of a published table: a team and its figures as published, each optional (a
/// figure the table does not print is left out, and not checked).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TableRow<T = TeamId> {
    /// The team.
    pub team: T,
    /// The published place, 1 for the top (teams sharing a place share its number).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(range(min = 1))]
    pub position: Option<u32>,
    /// Matches played.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub played: Option<u32>,
    /// Matches won.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub won: Option<u32>,
    /// Matches drawn.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub drawn: Option<u32>,
    /// Matches lost.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lost: Option<u32>,
    /// Goals scored.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub goals_for: Option<u32>,
    /// Goals conceded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub goals_against: Option<u32>,
    /// Points after every deduction, exact: `10`, `-1`, `"10.5"`.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "published_points"
    )]
    #[schemars(with = "Option<crate::rules::DecimalValue>")]
    pub points: Option<rust_decimal::Decimal>,
}

impl<A> TableRow<A> {
    /// The row with `team` in place of its team, and the team it had.
    fn with_team<B>(self, team: B) -> (A, TableRow<B>) {
        // Destructured so that a new figure cannot be forgotten here.
        let TableRow {
            team: had,
            position,
            played,
            won,
            drawn,
            lost,
            goals_for,
            goals_against,
            points,
        } = self;
        let row = TableRow {
            team,
            position,
            played,
            won,
            drawn,
            lost,
            goals_for,
            goals_against,
            points,
        };
        (had, row)
    }

    /// Whether the row states no figure at all, only its team.
    pub fn states_nothing(&self) -> bool {
        let TableRow {
            team: _,
            position,
            played,
            won,
            drawn,
            lost,
            goals_for,
            goals_against,
            points,
        } = self;
        [position, played, won, drawn, lost, goals_for, goals_against]
            .iter()
            .all(|f| f.is_none())
            && points.is_none()
    }
}

/// A published table's points: read as an exact decimal (an integer, a float of at most 15
/// significant digits, or a string), written back as an integer when whole, else as a string.
mod published_points {
    use rust_decimal::Decimal;
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    pub(super) fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Option<Decimal>, D::Error> {
        Ok(Option::<crate::rules::DecimalValue>::deserialize(deserializer)?.map(|d| d.0))
    }

    pub(super) fn serialize<S: Serializer>(
        points: &Option<Decimal>,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        let whole = points.and_then(|p| {
            use rust_decimal::prelude::ToPrimitive;
            p.fract().is_zero().then(|| p.to_i64()).flatten()
        });
        match (whole, points) {
            (Some(n), _) => n.serialize(serializer),
            (None, Some(p)) => p.to_string().serialize(serializer),
            (None, None) => serializer.serialize_none(),
        }
    }
}

impl<A> GroupRecord<A> {
    /// The same facts with their teams mapped list by list (a single team is a list of one):
    /// names to [`TeamId`]s when a group is read, back to names when it is written. A fact
    /// whose list `teams` refuses (`None`) is left out.
    pub fn map_teams<B>(self, mut teams: impl FnMut(Vec<A>) -> Option<Vec<B>>) -> GroupRecord<B> {
        // Destructured so that a new fact cannot be forgotten here.
        let GroupRecord {
            winner,
            order,
            table,
        } = self;
        GroupRecord {
            winner: winner.and_then(|w| w.try_map(|team| teams(vec![team])?.pop())),
            order: order.and_then(|o| o.try_map(&mut teams)),
            table: table.and_then(|t| {
                t.try_map(|rows| {
                    let mut listed = Vec::with_capacity(rows.len());
                    let rows: Vec<_> = rows
                        .into_iter()
                        .map(|row| {
                            row.map(|row| {
                                let (team, row) = row.with_team(());
                                listed.push(team);
                                row
                            })
                        })
                        .collect();
                    let mapped = teams(listed)?;
                    let rows = rows.into_iter().zip(mapped);
                    Some(
                        rows.map(|(row, team)| row.map(|row| row.with_team(team).1))
                            .collect(),
                    )
                })
            }),
        }
    }

    /// Sets every fact's line from where it was read in `source` (a data file).
    pub fn locate(&mut self, source: &Source) {
        let GroupRecord {
            winner,
            order,
            table,
        } = self;
        winner.iter_mut().for_each(|f| f.locate(source));
        order.iter_mut().for_each(|f| f.locate(source));
        if let Some(table) = table {
            table.locate(source);
            table.value.iter_mut().for_each(|row| row.locate(source));
        }
    }
}

/// The cards a team received over the group, for the fair-play criterion.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Cards {
    /// Yellow cards (not followed by a red in the same match).
    pub yellow: u32,
    /// Red cards from a second yellow.
    pub indirect_red: u32,
    /// Straight red cards.
    pub direct_red: u32,
    /// A yellow, then a straight red, in the same match.
    pub yellow_direct_red: u32,
}

/// Points taken from a team off the pitch (a sanction, entering administration, fielding a
/// weakened side), or given back when `points` is negative, with the reason the record gives.
/// Separate from forfeit deductions, which the rule file attaches to matches not played.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Deduction {
    /// The team.
    pub team: TeamId,
    /// Points taken away (negative: restored).
    pub points: rust_decimal::Decimal,
    /// Why, in the record's words ("entered administration").
    pub reason: String,
    /// When it was imposed, where the record says.
    pub date: Option<jiff::civil::Date>,
    /// 1-based line in the file that records it.
    pub line: Line,
}

/// A club that left mid-season (withdrew, was expelled) and whose results are struck from
/// everyone's record: it has no line in the table. A club expelled before playing is simply
/// not in the data.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Expunged {
    /// The club, as the group's `teams` name it.
    pub team: String,
    /// Why, in the record's words.
    pub reason: String,
    /// How many of its results were struck out (set when they are, see
    /// [`Group::strike_out`]).
    pub results: usize,
    /// 1-based line in the file that records it.
    pub line: Line,
}

/// A club that took over another's remaining fixtures and its record so far, playing on as one
/// line of the table (Port Vale for Leeds City, 1919–20).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Takeover {
    /// The club that took over, whose name the table shows.
    pub team: String,
    /// The club whose fixtures and record it took over.
    pub from: String,
    /// Why, in the record's words.
    pub reason: String,
    /// How many results of `from` became `team`'s (set when they do, see
    /// [`Group::strike_out`]).
    pub results: usize,
    /// 1-based line in the file that records it.
    pub line: Line,
}

/// What the organisers decided about a group off the pitch, beyond its results: points
/// deductions, clubs expunged, records taken over.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Rulings {
    /// Points deductions and restorations, in file order.
    pub deductions: Vec<Deduction>,
    /// Clubs whose results are struck out.
    pub expunged: Vec<Expunged>,
    /// Records taken over.
    pub takeovers: Vec<Takeover>,
    /// Why the group ended before every match was played (a season curtailed), when it did:
    /// its table as played is final, and `check` confirms the record against it.
    pub curtailed: Option<String>,
}

impl Rulings {
    /// Whether there is nothing to apply.
    pub fn is_empty(&self) -> bool {
        self.deductions.is_empty()
            && self.expunged.is_empty()
            && self.takeovers.is_empty()
            && self.curtailed.is_none()
    }
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
    /// Matches listed without a result (not yet played), in file order: no table counts them;
    /// `standings scenarios` plays them out ([`crate::scenarios`]).
    pub fixtures: Vec<Fixture>,
    /// Orders decided off the pitch.
    pub decisions: Vec<Decision>,
    /// The facts the published record states.
    pub record: GroupRecord,
    /// Cards per team (by [`TeamId`]); `None` where the data records none.
    pub cards: Vec<Option<Cards>>,
    /// A coefficient per team (by [`TeamId`]); `None` where the data records none.
    pub coefficients: Vec<Option<rust_decimal::Decimal>>,
    /// Values per team for criteria a rule file declares (`values.NAME`): by name, then by
    /// [`TeamId`]; `None` where the data records none for the team.
    pub values: std::collections::BTreeMap<String, Vec<Option<rust_decimal::Decimal>>>,
    /// Deductions, expunged clubs and records taken over.
    pub rulings: Rulings,
    /// 1-based line of the group in its file, for messages about the group as a whole.
    pub line: Line,
    /// When each match was played, where the input says (dates, rounds): what `table
    /// --until` and `--matchday` cut by ([`crate::as_of`]).
    pub schedule: Schedule,
    /// Where the group's matches are written, for validation's messages.
    pub spans: GroupSpans,
}

/// A match listed without a result, still to be played (`"Greece v Russia"` in a data file, a
/// CSV row without goals, a football.json match without `score.ft`): its teams, and its date and
/// round where the input gives them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fixture {
    /// The home team (named first).
    pub home: TeamId,
    /// The away team.
    pub away: TeamId,
    /// The day it is to be played, if the input says.
    pub date: Option<jiff::civil::Date>,
    /// Its round (matchday), if the input says.
    pub round: Option<u32>,
}

impl Fixture {
    /// A fixture between `home` and `away`, with no date or round.
    pub fn new(home: TeamId, away: TeamId) -> Fixture {
        Fixture {
            home,
            away,
            date: None,
            round: None,
        }
    }
}

/// The date and the round (matchday) of each match of a group, where its input gives them:
/// vectors parallel to `Group::matches`, each empty when the input gives none of its kind, so
/// that a [`Match`] stays 12 bytes and a results file read without dates costs nothing more.
/// Every change to a group's matches (a club struck out, a cut) keeps them aligned.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Schedule {
    /// The day each match was played, by index into `Group::matches`; `None` for a match whose
    /// input gives none. Empty when no match has one.
    pub dates: Vec<Option<jiff::civil::Date>>,
    /// The round of each match (1 for the first matchday), by index into `Group::matches`;
    /// `None` for a match whose input gives none. Empty when no match has one.
    pub rounds: Vec<Option<u32>>,
}

impl Schedule {
    /// The schedule of matches whose dates and rounds are these, each list kept only when some
    /// match has an entry.
    pub fn new(dates: Vec<Option<jiff::civil::Date>>, rounds: Vec<Option<u32>>) -> Schedule {
        let kept = |any: bool, len: usize| if any { len } else { 0 };
        let mut schedule = Schedule { dates, rounds };
        let dated = kept(
            schedule.dates.iter().any(Option::is_some),
            schedule.dates.len(),
        );
        let rounded = kept(
            schedule.rounds.iter().any(Option::is_some),
            schedule.rounds.len(),
        );
        schedule.dates.truncate(dated);
        schedule.rounds.truncate(rounded);
        schedule.dates.shrink_to_fit();
        schedule.rounds.shrink_to_fit();
        schedule
    }

    /// Whether it gives nothing at all.
    pub fn is_empty(&self) -> bool {
        self.dates.is_empty() && self.rounds.is_empty()
    }

    /// The date of match `i`, if the input gives one.
    pub fn date(&self, i: usize) -> Option<jiff::civil::Date> {
        self.dates.get(i).copied().flatten()
    }

    /// The round of match `i`, if the input gives one.
    pub fn round(&self, i: usize) -> Option<u32> {
        self.rounds.get(i).copied().flatten()
    }

    /// Keeps the entries whose match is kept (`keep`, by match index).
    fn retain(&mut self, keep: &[bool]) {
        self.dates.retain_by(keep);
        self.rounds.retain_by(keep);
    }
}

/// A list parallel to a group's matches, cut as they are.
trait Retain {
    /// Keeps the entries whose flag in `keep` is true (a list of another length is left alone).
    fn retain_by(&mut self, keep: &[bool]);
}

impl<T> Retain for Vec<T> {
    fn retain_by(&mut self, keep: &[bool]) {
        if self.len() == keep.len() {
            let mut kept = keep.iter();
            self.retain(|_| *kept.next().unwrap_or(&true));
        }
    }
}

/// Where a group's items are written in its file: byte spans parallel to `Group::matches`
/// (empty for a group built in memory), and the scores a source wrote for forfeits, which
/// validation compares with the rules' award. Never part of equality.
#[derive(Debug, Clone, Default)]
pub struct GroupSpans {
    /// The span of each match, by index into `Group::matches`.
    pub matches: Vec<std::ops::Range<usize>>,
    /// The span of each fixture, by index into `Group::fixtures` (empty when not kept).
    pub fixtures: Vec<std::ops::Range<usize>>,
    /// A forfeit the source scored itself: the match's index, the score written, and where.
    pub written_forfeits: Vec<(usize, [u32; 2], std::ops::Range<usize>)>,
    /// The file that states the group's record, when it is not the group's own (a data file
    /// lent with `--record`): its facts' lines are that file's.
    pub record_file: Option<PathBuf>,
    /// The season a source of several seasons puts the group in (a CSV file's `Season`
    /// column): a team may be in one group of each season.
    pub season: Option<String>,
    /// What a pair meeting more often than the rules allow suggests about the source, added to
    /// validation's message (a CSV file without a `Season` column may hold several seasons).
    pub meetings_hint: Option<&'static str>,
}

impl GroupSpans {
    /// The span of match `i`, when known.
    pub fn of_match(&self, i: usize) -> Option<std::ops::Range<usize>> {
        self.matches.get(i).cloned()
    }
}

not_part_of_equality!(GroupSpans);

impl Group {
    /// The team's display name.
    pub fn team_name(&self, team: TeamId) -> &str {
        &self.teams[team.index()]
    }

    /// Every team, in data-file order.
    pub fn team_ids(&self) -> impl Iterator<Item = TeamId> + use<> {
        (0..self.teams.len()).map(TeamId::new)
    }

    /// The team's recorded cards, if any.
    pub fn team_cards(&self, team: TeamId) -> Option<Cards> {
        self.cards[team.index()]
    }

    /// The team's recorded coefficient, if any.
    pub fn team_coefficient(&self, team: TeamId) -> Option<rust_decimal::Decimal> {
        self.coefficients[team.index()]
    }

    /// The team's recorded value for the declared criterion `name` (`values.NAME`), if any.
    pub fn team_value(&self, name: &str, team: TeamId) -> Option<rust_decimal::Decimal> {
        self.values.get(name)?.get(team.index()).copied().flatten()
    }

    /// The team of that name, if it is in the group.
    pub fn team_named(&self, name: &str) -> Option<TeamId> {
        self.teams.iter().position(|t| t == name).map(TeamId::new)
    }

    /// Applies the group's takeovers and expunged clubs: a taken-over club's results become its
    /// successor's and it leaves the group; an expunged club's results are struck out and it
    /// leaves the group. Each ruling records how many results it moved or struck out. A ruling
    /// whose club is no longer in the group (already applied) does nothing, so applying twice
    /// is applying once. Linear in teams, matches and rulings, however many clubs leave.
    ///
    /// Reading refuses any other mention of a club that leaves (a decision, a deduction, a
    /// recorded fact, cards, a coefficient or a declared criterion's value), a successor that leaves itself, and a takeover
    /// between clubs that met, so nothing but results and aliases refer to a club that leaves;
    /// an alias of a taken-over club names its successor, one of an expunged club goes.
    pub fn strike_out(&mut self) {
        if self.rulings.expunged.is_empty() && self.rulings.takeovers.is_empty() {
            return;
        }
        let index: std::collections::HashMap<&str, TeamId> = self
            .teams
            .iter()
            .enumerate()
            .map(|(i, t)| (t.as_str(), TeamId::new(i)))
            .collect();
        /// What becomes of a team: it stays, its results move to a successor, or they go.
        #[derive(Clone, Copy, PartialEq)]
        enum Fate {
            Stays,
            MovesTo(TeamId, usize),
            Goes(usize),
        }
        let mut fate = vec![Fate::Stays; self.teams.len()];
        for (i, t) in self.rulings.takeovers.iter().enumerate() {
            if let (Some(&into), Some(&from)) =
                (index.get(t.team.as_str()), index.get(t.from.as_str()))
                && into != from
            {
                fate[from.index()] = Fate::MovesTo(into, i);
            }
        }
        for (i, e) in self.rulings.expunged.iter().enumerate() {
            if let Some(&gone) = index.get(e.team.as_str()) {
                fate[gone.index()] = Fate::Goes(i);
            }
        }
        drop(index);
        // New indices: the teams that stay, in order.
        let mut new_id = vec![None; self.teams.len()];
        let mut next = 0;
        for (t, f) in fate.iter().enumerate() {
            if *f == Fate::Stays {
                new_id[t] = Some(TeamId::new(next));
                next += 1;
            }
        }
        // A team's place after the rulings: its own, or its successor's; `None` when it goes.
        let place = |t: TeamId| match fate[t.index()] {
            Fate::Stays => new_id[t.index()],
            Fate::MovesTo(into, _) => new_id[into.index()],
            Fate::Goes(_) => None,
        };
        let (mut moved, mut struck) = (
            vec![0; self.rulings.takeovers.len()],
            vec![0; self.rulings.expunged.len()],
        );
        let mut keep = Vec::with_capacity(self.matches.len());
        for m in &mut self.matches {
            for side in [m.home, m.away] {
                match fate[side.index()] {
                    Fate::MovesTo(_, i) => moved[i] += 1,
                    Fate::Goes(i) => struck[i] += 1,
                    Fate::Stays => {}
                }
            }
            match (place(m.home), place(m.away)) {
                (Some(home), Some(away)) => {
                    (m.home, m.away) = (home, away);
                    keep.push(true);
                }
                _ => keep.push(false),
            }
        }
        // A match between two clubs that leave counts once for each.
        for (ruling, n) in self.rulings.takeovers.iter_mut().zip(moved) {
            ruling.results += n;
        }
        for (ruling, n) in self.rulings.expunged.iter_mut().zip(struck) {
            ruling.results += n;
        }
        self.retain_matches(&keep);
        let keep_fixtures: Vec<bool> = self
            .fixtures
            .iter_mut()
            .map(|f| match (place(f.home), place(f.away)) {
                (Some(home), Some(away)) => {
                    (f.home, f.away) = (home, away);
                    true
                }
                _ => false,
            })
            .collect();
        self.fixtures.retain_by(&keep_fixtures);
        self.spans.fixtures.retain_by(&keep_fixtures);
        let mut staying = fate.iter().map(|f| *f == Fate::Stays);
        self.teams.retain(|_| staying.next().unwrap_or(true));
        let mut staying = fate.iter().map(|f| *f == Fate::Stays);
        self.cards.retain(|_| staying.next().unwrap_or(true));
        let mut staying = fate.iter().map(|f| *f == Fate::Stays);
        self.coefficients.retain(|_| staying.next().unwrap_or(true));
        for values in self.values.values_mut() {
            let mut staying = fate.iter().map(|f| *f == Fate::Stays);
            values.retain(|_| staying.next().unwrap_or(true));
        }
        self.aliases.retain_mut(|a| match place(a.team) {
            Some(t) => {
                a.team = t;
                true
            }
            None => false,
        });
        // Reading refuses a decision, deduction or fact naming a club that leaves, so these only
        // renumber; a mention that came some other way goes with its club rather than point at
        // a team it never meant.
        for d in &mut self.decisions {
            d.order = d.order.iter().filter_map(|&t| place(t)).collect();
            if let Some(p) = &mut d.playoff {
                match (place(p.home), place(p.away)) {
                    (Some(home), Some(away)) => (p.home, p.away) = (home, away),
                    // A play-off means nothing without both its teams.
                    _ => d.order.clear(),
                }
            }
        }
        self.decisions.retain(|d| d.order.len() > 1);
        self.rulings.deductions.retain_mut(|d| match place(d.team) {
            Some(t) => {
                d.team = t;
                true
            }
            None => false,
        });
        let record = std::mem::take(&mut self.record);
        self.record = record.map_teams(|list| list.into_iter().map(place).collect());
    }

    /// Keeps the matches whose entry in `keep` is true, with their spans, dates and rounds.
    pub fn retain_matches(&mut self, keep: &[bool]) {
        let mut new_index = Vec::with_capacity(keep.len());
        let mut next = 0;
        for &k in keep {
            new_index.push(k.then_some(next));
            next += usize::from(k);
        }
        self.matches.retain_by(keep);
        self.spans.matches.retain_by(keep);
        self.schedule.retain(keep);
        self.spans.written_forfeits = std::mem::take(&mut self.spans.written_forfeits)
            .into_iter()
            .filter_map(|(i, score, at)| Some((new_index.get(i).copied().flatten()?, score, at)))
            .collect();
    }
}

/// A two-legged (or one-match) final as the record states it: who won, and the aggregate score
/// from the winner's side (written `aggregate = "4–2"`).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(from = "FinalWritten", into = "FinalWritten")]
pub struct FinalResult {
    /// The winner, as the record names it.
    pub winner: String,
    /// Goals for the winner, then for the loser, over both legs.
    pub aggregate: [u32; 2],
    /// An aggregate that is not a score, until it is reported (see [`CompetitionRecord::locate`]).
    mistake: Mistake,
}

impl FinalResult {
    /// `winner` won by `aggregate` (the winner's goals first).
    pub fn new(winner: String, aggregate: [u32; 2]) -> FinalResult {
        FinalResult {
            winner,
            aggregate,
            mistake: Mistake::default(),
        }
    }
}

/// A final as a data file writes it.
#[derive(Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "FinalResult")]
struct FinalWritten {
    /// The winner, as the record names it.
    winner: String,
    /// Goals for the winner, then for the loser, over both legs: `"4–2"`.
    #[schemars(with = "String")]
    aggregate: toml::Spanned<String>,
}

impl From<FinalWritten> for FinalResult {
    /// Never fails, so that the rest of the file is still read: a mistaken aggregate is kept
    /// as a mistake, and reported with every other one.
    fn from(written: FinalWritten) -> FinalResult {
        let text = written.aggregate.get_ref();
        let expected = "expected the winner's goals first, like \"4–2\"";
        let (aggregate, mistake) = match crate::read::match_text::parse_score(text) {
            None => (
                [0, 0],
                Some(format!("\"{text}\" is not an aggregate score; {expected}")),
            ),
            Some((won, lost)) if won < lost => (
                [won, lost],
                Some(format!(
                    "the aggregate \"{text}\" has the loser ahead; {expected}"
                )),
            ),
            Some((won, lost)) => ([won, lost], None),
        };
        FinalResult {
            winner: written.winner,
            aggregate,
            mistake: Mistake(mistake.map(|m| (written.aggregate.span(), m))),
        }
    }
}

impl From<FinalResult> for FinalWritten {
    fn from(result: FinalResult) -> FinalWritten {
        let [won, lost] = result.aggregate;
        FinalWritten {
            winner: result.winner,
            aggregate: toml::Spanned::new(0..0, format!("{won}–{lost}")),
        }
    }
}

/// A value read that is not what it should be: where, and the message. Never part of equality.
#[derive(Debug, Clone, Default)]
struct Mistake(Option<(std::ops::Range<usize>, String)>);

not_part_of_equality!(Mistake);

/// One side of a knockout tie: its first-named team (the first leg's home team) or the other.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    /// The tie's first-named team.
    First,
    /// The tie's other team.
    Second,
}

impl Side {
    /// The opposing side.
    pub fn other(self) -> Side {
        match self {
            Side::First => Side::Second,
            Side::Second => Side::First,
        }
    }

    /// The side's place in [`Tie::teams`] and in any pair given first side first.
    pub fn index(self) -> usize {
        match self {
            Side::First => 0,
            Side::Second => 1,
        }
    }
}

/// One match of a knockout tie, between the tie's two sides.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Leg {
    /// The side at home.
    pub home: Side,
    /// Goals of the home team, then of the away team, extra time included.
    pub score: [u32; 2],
    /// Whether the match went to extra time.
    pub extra_time: bool,
    /// A penalty shoot-out after the match: home kicks, then away kicks.
    pub penalties: Option<[u32; 2]>,
}

/// A knockout tie: two teams over one or two legs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tie {
    /// The round it belongs to (a `[[round]]` name of the rules).
    pub round: String,
    /// The two teams, by [`Side`]: the first is the first leg's home team.
    pub teams: [String; 2],
    /// The legs, in the order played.
    pub legs: Vec<Leg>,
    /// 1-based line of the tie in the data file.
    pub line: Line,
    /// Where the tie's round and legs are written.
    pub spans: TieSpans,
}

/// Where a tie's round name and legs are written (empty when built in memory). Never part of
/// equality.
#[derive(Debug, Clone, Default)]
pub struct TieSpans {
    /// The round's name.
    pub round: std::ops::Range<usize>,
    /// The list of legs.
    pub legs: std::ops::Range<usize>,
    /// The first leg, which names the tie's two teams.
    pub first_leg: std::ops::Range<usize>,
}

not_part_of_equality!(TieSpans);

impl Tie {
    /// The team on `side`.
    pub fn team(&self, side: Side) -> &str {
        &self.teams[side.index()]
    }
}

/// One entry of a coefficient ranking (an association), as published.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RankingEntry {
    /// The published rank.
    pub rank: u32,
    /// The association's name, where known.
    pub name: Option<String>,
    /// The coefficient, exact.
    pub coefficient: rust_decimal::Decimal,
    /// The published number of places (not counting fair-play places).
    pub places: Option<u32>,
}

/// A published coefficient ranking, with the recorded orders that break its ties.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ranking {
    /// What the ranking is ("2002 UEFA country coefficients").
    pub name: String,
    /// The entries as published.
    pub entries: Vec<RankingEntry>,
    /// Orders of entries with equal coefficients, by published rank, each with how it was decided.
    pub ties: Vec<(Vec<u32>, String)>,
    /// 1-based line of the ranking in the data file.
    pub line: Line,
}

/// The teams a round's draw lists as entering it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entrants {
    /// The round (a `[[round]]` name of the rules).
    pub round: String,
    /// The teams entering there.
    pub teams: Vec<String>,
    /// 1-based line in the data file.
    pub line: Line,
    /// Where the round's name is written.
    pub spans: EntrantsSpans,
}

/// Where an entrant list's round name is written (empty when built in memory). Never part of
/// equality.
#[derive(Debug, Clone, Default)]
pub struct EntrantsSpans {
    /// The round's name.
    pub round: std::ops::Range<usize>,
}

not_part_of_equality!(EntrantsSpans);

/// Facts the published record states about the whole competition (an infobox, a final): the
/// data file's `[record]` table. The group stage alone cannot confirm most of them; `check`
/// reports which ones it could not compute.
// Read and written by serde as declared here. A new fact is a field here (its doc comment is the schema's description), a `FactKind` and
// its check in `src/check/`; see `docs/architecture.md`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CompetitionRecord {
    /// Teams taking part, in all rounds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub teams: Option<Recorded<u32>>,
    /// Matches played, in all rounds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub matches: Option<Recorded<u32>>,
    /// Goals scored, in all rounds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub goals: Option<Recorded<u32>>,
    /// The champions, as the record names them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub champions: Option<Recorded<String>>,
    /// The runners-up, as the record names them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub runner_up: Option<Recorded<String>>,
    /// The final's winner and aggregate score.
    #[serde(rename = "final", default, skip_serializing_if = "Option::is_none")]
    pub final_result: Option<Recorded<FinalResult>>,
    /// Teams transferred in from other competitions, by competition.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub transfers: BTreeMap<String, Recorded<u32>>,
    /// Places given through the fair-play ranking.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fair_play: Option<Recorded<u32>>,
    /// The access list: teams playing each round.
    #[serde(rename = "access", default, skip_serializing_if = "Vec::is_empty")]
    pub round_sizes: Vec<Recorded<RoundSize>>,
    /// The rounds of the published schedule, in order.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub schedule: Option<Recorded<Vec<String>>>,
    /// The teams that went through as the best of one place across groups (the four best
    /// third-placed teams), in any order.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub best_placed: Option<Recorded<Vec<String>>>,
}

impl CompetitionRecord {
    /// Sets every fact's line from where it was read in `source` (a data file), and reports
    /// each fact that is not what it should be.
    pub fn locate(&mut self, source: &Source) -> Diagnostics {
        // Destructured so that a new fact cannot be forgotten here.
        let CompetitionRecord {
            teams,
            matches,
            goals,
            champions,
            runner_up,
            final_result,
            transfers,
            fair_play,
            round_sizes,
            schedule,
            best_placed,
        } = self;
        for fact in [teams, matches, goals, fair_play].into_iter().flatten() {
            fact.locate(source);
        }
        for fact in [champions, runner_up].into_iter().flatten() {
            fact.locate(source);
        }
        final_result.iter_mut().for_each(|f| f.locate(source));
        schedule.iter_mut().for_each(|f| f.locate(source));
        best_placed.iter_mut().for_each(|f| f.locate(source));
        transfers.values_mut().for_each(|f| f.locate(source));
        round_sizes.iter_mut().for_each(|f| f.locate(source));
        let mut found = Diagnostics::new();
        let mistakes = final_result.iter_mut().map(|f| &mut f.value.mistake);
        for (span, message) in mistakes.filter_map(|m| m.0.take()) {
            found.push(source.error(Code::Aggregate, span, message));
        }
        found
    }
}

/// How many teams play one round, as an access list states it.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RoundSize {
    /// The round, as the rules name it.
    pub round: String,
    /// Teams playing it.
    pub teams: u32,
}

/// The file something was read from, kept so that later stages (validation, computing) can
/// point into it. Never part of equality: two competitions with the same contents are equal
/// wherever they were read from.
#[derive(Debug, Clone, Default)]
pub struct Origin(pub Option<Source>);

not_part_of_equality!(Origin);

/// A competition as read from a data file or a source document.
#[derive(Debug, Clone)]
pub struct Competition {
    /// The competition's name ("2003–04 Coppa Italia").
    pub name: String,
    /// The data file it was read from.
    pub path: PathBuf,
    /// The groups, in file order.
    pub groups: Vec<Group>,
    /// What the record states about the competition as a whole.
    pub record: CompetitionRecord,
    /// Names the record uses for teams that the data names otherwise ("A.C. Milan" is "Milan").
    pub aliases: Vec<(String, String)>,
    /// Knockout ties, where the data has their results.
    pub ties: Vec<Tie>,
    /// A coefficient ranking that allocates places, where the competition has one.
    pub ranking: Option<Ranking>,
    /// The teams listed per entry round.
    pub entrants: Vec<Entrants>,
    /// The file's text, for messages that point into it.
    pub origin: Origin,
    /// The point of the season it was cut at (`table --until`, `--matchday`): its tables are
    /// as they stood then. `None` for the whole season as read.
    pub as_of: Option<crate::as_of::Step>,
}

impl Competition {
    /// The competition's name for a heading: with the point it was cut at, when it was
    /// (`Compass League, after matchday 2`).
    pub fn title(&self) -> std::borrow::Cow<'_, str> {
        match self.as_of {
            None => self.name.as_str().into(),
            Some(step) => format!("{}, {}", self.name, step.heading()).into(),
        }
    }
}

/// How a group is chosen by a name a user types (`--group`): its name as written; else the
/// name in any case (`group h`); else the group's letter or number, the last word of its name
/// in any case (`H` or `8` for `Group H`, `Group 8`). The first way that finds any group
/// decides; when it finds several, the name is ambiguous and each is given.
pub fn groups_named<'g>(groups: &'g [Group], wanted: &str) -> Vec<&'g Group> {
    let wanted = wanted.trim();
    let ways: [&dyn Fn(&Group) -> bool; 3] = [
        &|g| g.name == wanted,
        &|g| g.name.to_lowercase() == wanted.to_lowercase(),
        &|g| {
            !wanted.contains(char::is_whitespace)
                && g.name.split_whitespace().count() > 1
                && g.name
                    .split_whitespace()
                    .last()
                    .is_some_and(|last| last.to_lowercase() == wanted.to_lowercase())
        },
    ];
    ways.iter()
        .map(|way| groups.iter().filter(|g| way(g)).collect::<Vec<_>>())
        .find(|found| !found.is_empty())
        .unwrap_or_default()
}

/// How teams are chosen by a name a user types (`table --team`), among `groups`, each with its
/// competition's aliases (the record's names for teams, [`Competition::aliases`]): a team's name
/// as written, or a name the record or a source document uses for it (an alias); else either in
/// any case (`juventus`). The first way that finds any team decides, and every team it finds is
/// given, by its name in the data, once, in the order found: the same club in several groups or
/// inputs is one name.
pub fn teams_named<'g>(
    groups: impl IntoIterator<Item = (&'g Group, &'g [(String, String)])> + Clone,
    wanted: &str,
) -> Vec<&'g str> {
    let wanted = wanted.trim();
    let found = |same: &dyn Fn(&str) -> bool| {
        let mut names: Vec<&'g str> = Vec::new();
        let mut add = |name: &'g str| {
            if !names.contains(&name) {
                names.push(name);
            }
        };
        for (group, aliases) in groups.clone() {
            for team in &group.teams {
                if same(team) {
                    add(team);
                }
            }
            for alias in &group.aliases {
                if same(&alias.name) {
                    add(group.team_name(alias.team));
                }
            }
            for (alias, name) in aliases {
                if same(alias)
                    && let Some(team) = group.team_named(name)
                {
                    add(group.team_name(team));
                }
            }
        }
        names
    };
    let exact = found(&|name| name == wanted);
    if !exact.is_empty() {
        return exact;
    }
    let lower = wanted.to_lowercase();
    found(&|name| name.to_lowercase() == lower)
}

impl Competition {
    /// A diagnostic about line `line` of the competition's file: the line labelled when the
    /// text is at hand, else named in the message.
    pub fn error_at_line(
        &self,
        code: Code,
        Line(line): Line,
        message: impl Into<String>,
    ) -> Diagnostic {
        match &self.origin.0 {
            Some(source) => source.error(code, source.line_span(line), message),
            None => Diagnostic::new(
                code,
                format!("{}:{line}: {}", self.path.display(), message.into()),
            ),
        }
    }

    /// The data's name for a team the record may name otherwise.
    pub fn canonical<'a>(&'a self, name: &'a str) -> &'a str {
        self.aliases
            .iter()
            .find(|(alias, _)| alias == name)
            .map_or(name, |(_, is)| is.as_str())
    }
}

/// Two competitions are equal when they state the same things, wherever they were read from
/// (the path, the file's text and every line are left out).
impl PartialEq for Competition {
    fn eq(&self, other: &Competition) -> bool {
        // Destructured so that a new field must be placed on one side or the other.
        let Competition {
            name,
            path: _,
            groups,
            record,
            aliases,
            ties,
            ranking,
            entrants,
            origin: _,
            as_of,
        } = self;
        *name == other.name
            && *groups == other.groups
            && *record == other.record
            && *aliases == other.aliases
            && *ties == other.ties
            && *as_of == other.as_of
            && *ranking == other.ranking
            && *entrants == other.entrants
    }
}

impl Eq for Competition {}
