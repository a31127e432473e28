//! Checking computed standings against the facts the published record states.
//!
//! Every recorded fact gives one [`Fact`]: what it is about ([`FactKind`], [`Subject`]), the
//! recorded and the computed [`Value`], why they are what they are ([`Why`]), and the
//! [`Verdict`]: confirmed, different, or unresolved (the engine computed a tie that no criterion
//! breaks where the record states an order). A tie that decides who advances is reported even
//! when the record states nothing about it. Whether a run passes is the [`Outcome`]'s to say;
//! the words are `crate::report::check`'s.
//!
//! One module per concept: [`groups`] (winners, orders, published tables, ties that decide who
//! advances), [`rounds`] (the group stage, counts over all rounds, the access list), [`finals`]
//! (the final, champions and runners-up), [`allocation`] (the ranking and the places it
//! allocates).

use std::path::PathBuf;

pub mod allocation;
pub mod best_placed;
pub mod finals;
pub mod groups;
mod outcome;
pub mod rounds;

pub use outcome::{Outcome, Summary};

use crate::compute::standings::Standings;
use crate::model::{Competition, Line};

/// The verdict on one fact.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// The computed fact equals the recorded one.
    Confirmed,
    /// The computed fact differs from the recorded one.
    Mismatch,
    /// The engine computed a tie that no criterion breaks where an order is needed.
    Unresolved,
    /// A recorded fact the engine cannot compute from the data it has (yet); never confirmed.
    NotChecked,
    /// Worth knowing, never a failure (a recorded decision these rules did not need).
    Note,
}

/// Declares what facts are about: each kind with its documentation and the words that name it
/// in every report (`{}` stands for the group, round or competition the fact is about).
macro_rules! fact_kinds {
    ($($(#[doc = $doc:literal])* $kind:ident => $label:literal,)*) => {
        /// What a fact is about.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum FactKind {
            $($(#[doc = $doc])* $kind,)*
        }

        impl FactKind {
            /// The words that name the fact in every report, `{}` standing for the part of the
            /// competition it is about: `winner`, `{} teams`.
            pub fn label(self) -> &'static str {
                match self {
                    $(FactKind::$kind => $label,)*
                }
            }
        }
    };
}

fact_kinds! {
    /// A group's recorded winner.
    GroupWinner => "winner",
    /// A group's recorded final order.
    GroupOrder => "order",
    /// A group's published table: each team's figures (one fact per figure that differs).
    PublishedTable => "published table",
    /// The teams that went through as the best of one place across groups.
    BestPlaced => "best-placed teams",
    /// Teams level on every criterion for a qualifying place (never recorded; always a failure).
    QualificationTie => "qualification",
    /// A recorded decision (drawing of lots) the rules did not need.
    UnusedDecision => "recorded decision",
    /// The data's groups against the rules' group round.
    GroupStage => "group stage",
    /// Teams taking part over all rounds.
    Teams => "teams",
    /// Matches played over all rounds.
    Matches => "matches",
    /// Goals scored over all rounds.
    Goals => "goals",
    /// Teams playing one round (the access list).
    RoundSize => "{} teams",
    /// The published schedule's rounds against the rules' rounds.
    Schedule => "schedule",
    /// Teams transferred in from another competition.
    Transfers => "transferred from {}",
    /// The teams a round's draw lists against those the rules let in.
    Entrants => "{} entrants",
    /// The champions.
    Champions => "champions",
    /// The runners-up.
    RunnerUp => "runner-up",
    /// The final's winner and aggregate score.
    Final => "final",
    /// A coefficient ranking's published order.
    RankingOrder => "ranking",
    /// The places each rank of the ranking gets.
    PlacesPerRank => "places per rank",
    /// Places given through the fair-play ranking.
    FairPlay => "fair-play places",
    /// Places by ranking and fair play against the teams the rounds take fresh.
    PlacesFromAssociations => "places",
    /// Places by ranking and fair play plus transfers against the recorded teams.
    PlacesPlusTransfers => "places plus transfers",
}

/// Where in the competition a fact belongs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Subject {
    /// The competition's name.
    pub competition: String,
    /// The group, round or source of transfers the fact is about, where it is about one.
    pub part: Option<Part>,
}

/// A part of a competition.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Part {
    /// A group, by name.
    Group(String),
    /// A round of the rules, by name.
    Round(String),
    /// Another competition teams are transferred from.
    From(String),
}

/// A recorded or computed value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Value {
    /// A number: teams, matches, goals, places.
    Count(u64),
    /// A team, as named where the value comes from.
    Team(String),
    /// Teams in order, best first.
    Order(Vec<String>),
    /// Teams level on every criterion: no order among them.
    Level(Vec<String>),
    /// A final's winner and the aggregate score, the winner's goals first.
    Final {
        /// The winner.
        winner: String,
        /// Goals of the winner, then of the loser.
        score: [u32; 2],
    },
    /// The size of each group in the data.
    GroupSizes(Vec<u32>),
    /// Groups of one size, as a round of the rules describes them.
    Groups {
        /// How many groups.
        groups: u32,
        /// Teams per group.
        size: u32,
    },
    /// Round names, in order.
    Rounds(Vec<String>),
    /// Published ranks, in order.
    Ranks(Vec<u32>),
    /// Ranks in computed order, grouped: a group of several is a tie nothing broke.
    RankTiers(Vec<Vec<u32>>),
    /// Places per published rank; `None` where none is published (or no rule covers the rank).
    Places(Vec<(u32, Option<u32>)>),
    /// One figure of a team's row in a table: `Roma goals against 7`.
    Figure {
        /// The team whose row it is.
        team: String,
        /// Which figure.
        figure: Figure,
        /// Its value (points are exact decimals; every other figure is whole).
        value: rust_decimal::Decimal,
    },
    /// An order decided off the pitch: how, and the teams in that order.
    Decision {
        /// How it was decided ("drawing of lots").
        by: String,
        /// The teams, best first.
        order: Vec<String>,
    },
}

/// A figure of a row of a published table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Figure {
    /// The place in the table.
    Position,
    /// Matches played.
    Played,
    /// Matches won.
    Won,
    /// Matches drawn.
    Drawn,
    /// Matches lost.
    Lost,
    /// Goals scored.
    GoalsFor,
    /// Goals conceded.
    GoalsAgainst,
    /// Points after every deduction.
    Points,
}

impl Figure {
    /// Every figure, in the order a table prints them (the position first).
    pub const ALL: [Figure; 8] = [
        Figure::Position,
        Figure::Played,
        Figure::Won,
        Figure::Drawn,
        Figure::Lost,
        Figure::GoalsFor,
        Figure::GoalsAgainst,
        Figure::Points,
    ];
}

/// One term of a computed sum.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Term {
    /// Teams entering a round.
    InRound(u64, String),
    /// Teams arriving from the round before.
    Arriving(u64),
    /// Teams entering a round, fresh and transferred.
    Entering(u64),
    /// Teams entering a round fresh (not transferred).
    Fresh(u64),
    /// Teams transferred from another competition.
    From(u64, String),
    /// Places given by the ranking.
    ByRanking(u64),
    /// Places given by fair play.
    FairPlay(u64),
    /// Teams transferred in, all competitions together.
    Transferred(u64),
}

/// Why a fact is what it is: how a value was computed, what separated two teams, or why the
/// fact is not checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Why {
    /// Nothing to add.
    Nothing,
    /// The computed value is the sum of these terms (none: nothing adds to it).
    Sum(Vec<Term>),
    /// Matches counted from this round on (`None`: every round).
    CountedFrom(Option<String>),
    /// The computed value is the rule file's value at this key.
    Rule(&'static str),
    /// The winner was ahead of these teams, separated as the explanation says.
    Ahead {
        /// The teams in the next place.
        of: Vec<String>,
        /// What separated them, in words (`on goal difference, -4 against -5`).
        separation: String,
    },
    /// Teams are level for this many qualifying places.
    QualifyingPlaces(usize),
    /// The final's outcome, in words (`Lazio through, 4–2 on aggregate`).
    Tie(String),
    /// How the ranking's equal coefficients were ordered: ranks and by whom; and its name.
    Ranking {
        /// The ranking's name.
        name: String,
        /// Recorded orders of equal coefficients.
        ordered: Vec<(Vec<u32>, String)>,
    },
    /// The allocation rule's named exceptions.
    Exceptions(usize),
    /// Why the fact is not checked.
    NotChecked(Reason),
    /// A recorded decision that covers part of a tie nothing else broke: the tied teams it
    /// leaves out, so it cannot order the tie.
    LeavesOut(Vec<String>),
    /// Teams level on every criterion, each set sharing a place that decides nothing: a recorded
    /// order may list them in any order.
    SharedPlaces(Vec<Vec<String>>),
    /// Figures a published table leaves out, so not checked: each with the teams whose rows
    /// leave it out, in the table's order.
    NotPublished(Vec<(Figure, Vec<String>)>),
}

/// Why a recorded fact cannot be computed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reason {
    /// The rule file describes no rounds: what the groups alone hold (groups and teams, or
    /// matches).
    NoRounds {
        /// Groups in the data.
        groups: usize,
        /// What they hold: teams for [`FactKind::Teams`], matches for [`FactKind::Matches`].
        count: usize,
    },
    /// The data has the results of only this many matches.
    PartialResults(usize),
    /// A group has fewer matches than the rules give it: the group is not over.
    IncompleteGroup {
        /// Matches in the data (played or forfeited).
        played: u64,
        /// Matches the rules give the group (`group.meetings` per pair).
        expected: u64,
    },
    /// The data has no result for the final (named by the rules' last round, where there is
    /// one).
    NoFinal(Option<String>),
    /// The rule file has no `[allocation]`.
    NoAllocation,
    /// The rule file ranks no teams across groups (no `[best_placed]`).
    NoBestPlaced,
}

/// One checked fact.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fact {
    /// What the fact is.
    pub kind: FactKind,
    /// Where in the competition.
    pub subject: Subject,
    /// The value the record states (for a consistency between two sources, the data's).
    pub recorded: Option<Value>,
    /// The value computed from the data and the rules, where it could be computed.
    pub computed: Option<Value>,
    /// How it was computed, or why it was not.
    pub why: Why,
    /// The verdict.
    pub verdict: Verdict,
    /// The data file that records the fact.
    pub path: PathBuf,
    /// The line of the data file that states it, when it is a recorded fact.
    pub line: Option<usize>,
}

impl Fact {
    /// A fact about `competition` as a whole (or a `part` of it), with nothing computed yet.
    pub(crate) fn new(
        competition: &Competition,
        kind: FactKind,
        part: Option<Part>,
        verdict: Verdict,
        line: Option<Line>,
    ) -> Fact {
        Fact {
            kind,
            subject: Subject {
                competition: competition.name.clone(),
                part,
            },
            recorded: None,
            computed: None,
            why: Why::Nothing,
            verdict,
            path: competition.path.clone(),
            line: line.map(|l| l.0),
        }
    }

    /// The fact with the value the record states.
    pub(crate) fn recorded(mut self, value: Value) -> Fact {
        self.recorded = Some(value);
        self
    }

    /// The fact with the value computed from the data and the rules.
    pub(crate) fn computed(mut self, value: Value) -> Fact {
        self.computed = Some(value);
        self
    }

    /// The fact with how it was computed, or why it was not.
    pub(crate) fn why(mut self, why: Why) -> Fact {
        self.why = why;
        self
    }
}

/// Confirmed when `ok`, else a mismatch.
pub(crate) fn verdict(ok: bool) -> Verdict {
    if ok {
        Verdict::Confirmed
    } else {
        Verdict::Mismatch
    }
}

/// Checks every recorded fact of one competition: the whole competition's first (rounds and
/// counts, the final, the allocation), then each group's.
pub fn check(standings: &Standings<'_>) -> Vec<Fact> {
    let mut facts = rounds::check(standings);
    facts.extend(rounds::goals(standings.competition));
    facts.extend(finals::check(standings));
    facts.extend(allocation::check(standings));
    facts.extend(groups::check(standings));
    facts.extend(best_placed::check(standings));
    facts
}
