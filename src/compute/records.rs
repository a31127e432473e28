//! Folding matches into per-team records: played, won, drawn, lost, goals, deductions, points.
//!
//! This is where a forfeit is scored: the side that did not play is recorded as losing by the
//! rule file's awarded score and has the rule's deduction taken; when both sides forfeit, both
//! are recorded that way and nobody wins. Deductions are subtracted after points are summed.

use rust_decimal::Decimal;

use crate::model::{Forfeit, Match, Outcome, TeamId};
use crate::rules::GroupRules;

/// One team's record over a set of matches.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Record {
    /// Matches played or forfeited.
    pub played: u32,
    /// Wins, awarded wins included.
    pub won: u32,
    /// Draws.
    pub drawn: u32,
    /// Defeats, forfeit defeats included.
    pub lost: u32,
    /// Goals scored (awarded goals included when the rules count them).
    pub goals_for: u32,
    /// Goals conceded.
    pub goals_against: u32,
    /// Goals scored away from home (awarded goals included when the rules count them).
    pub away_goals_for: u32,
    /// Wins away from home, awarded wins included.
    pub away_won: u32,
    /// Points taken away, for forfeits.
    pub deducted: Decimal,
    /// Points earned from results, before deductions.
    pub earned: Decimal,
}

impl Record {
    /// Goals scored minus goals conceded.
    pub fn goal_difference(&self) -> i64 {
        i64::from(self.goals_for) - i64::from(self.goals_against)
    }

    /// Points after deductions: what the table shows and ranks by.
    pub fn points(&self) -> Decimal {
        self.earned - self.deducted
    }

    fn add_result(
        &mut self,
        (scored, conceded): (u32, u32),
        away: bool,
        count_goals: bool,
        rules: &GroupRules,
    ) {
        self.played += 1;
        if count_goals {
            self.goals_for += scored;
            self.goals_against += conceded;
            if away {
                self.away_goals_for += scored;
            }
        }
        if away && scored > conceded {
            self.away_won += 1;
        }
        let points = &rules.points;
        self.earned += match scored.cmp(&conceded) {
            std::cmp::Ordering::Greater => {
                self.won += 1;
                points.win
            }
            std::cmp::Ordering::Equal => {
                self.drawn += 1;
                points.draw
            }
            std::cmp::Ordering::Less => {
                self.lost += 1;
                points.loss
            }
        };
    }
}

/// Per-team records ([`fold`]'s result) are indexed by [`TeamId`].
macro_rules! index_by_team {
    ($($t:ty),*) => {$(
        impl std::ops::Index<TeamId> for $t {
            type Output = Record;

            fn index(&self, team: TeamId) -> &Record {
                &self[team.index()]
            }
        }

        impl std::ops::IndexMut<TeamId> for $t {
            fn index_mut(&mut self, team: TeamId) -> &mut Record {
                &mut self[team.index()]
            }
        }
    )*};
}

index_by_team!([Record], Vec<Record>);

/// Options for a fold that differ between the full table and a head-to-head mini-table.
#[derive(Debug, Clone, Copy)]
pub struct FoldOptions {
    /// Whether forfeit deductions are taken.
    pub deductions: bool,
}

/// Folds `matches` into one record per team (indexed by [`TeamId`]); `teams` is the group size.
pub fn fold<'a>(
    teams: usize,
    matches: impl IntoIterator<Item = &'a Match>,
    rules: &GroupRules,
    options: FoldOptions,
) -> Vec<Record> {
    let mut records = vec![Record::default(); teams];
    for m in matches {
        add_side(&mut records[m.home], m, true, rules, options);
        add_side(&mut records[m.away], m, false, rules, options);
    }
    records
}

/// Adds one side of a match to that side's record: the home side's when `home`. [`fold`] is
/// this for both sides of every match; a head-to-head mini-table adds (and takes away) sides
/// one team at a time.
pub fn add_side(
    record: &mut Record,
    m: &Match,
    home: bool,
    rules: &GroupRules,
    options: FoldOptions,
) {
    let [awarded, conceded] = rules.forfeit.score;
    // This side as (goals scored, goals conceded, did not play).
    let won_forfeit = (awarded, conceded, false);
    let lost_forfeit = (conceded, awarded, true);
    let (scored, against, forfeited) = match (m.outcome, home) {
        (Outcome::Played { home: h, away: a }, true) => (h, a, false),
        (Outcome::Played { home: h, away: a }, false) => (a, h, false),
        (Outcome::Forfeit(Forfeit::Home), true) | (Outcome::Forfeit(Forfeit::Away), false) => {
            lost_forfeit
        }
        (Outcome::Forfeit(Forfeit::Home), false) | (Outcome::Forfeit(Forfeit::Away), true) => {
            won_forfeit
        }
        // Neither played: both are recorded as the losing side, and nobody wins.
        (Outcome::Forfeit(Forfeit::Both), _) => lost_forfeit,
    };
    let count_goals = rules.forfeit.goals_count || matches!(m.outcome, Outcome::Played { .. });
    record.add_result((scored, against), !home, count_goals, rules);
    if forfeited && options.deductions {
        record.deducted += rules.forfeit.deduction;
    }
}

impl Record {
    /// Takes away what `part` added: `part` must be the record of some of the matches this
    /// record was folded from (exact: counts are whole and points are decimals).
    pub(crate) fn take_away(&mut self, part: &Record) {
        self.played -= part.played;
        self.won -= part.won;
        self.drawn -= part.drawn;
        self.lost -= part.lost;
        self.goals_for -= part.goals_for;
        self.goals_against -= part.goals_against;
        self.away_goals_for -= part.away_goals_for;
        self.away_won -= part.away_won;
        self.deducted -= part.deducted;
        self.earned -= part.earned;
    }
}

/// The matches among `teams` only: the ground of a head-to-head mini-table.
pub fn among<'a>(matches: &'a [Match], teams: &'a [TeamId]) -> impl Iterator<Item = &'a Match> {
    matches
        .iter()
        .filter(move |m| teams.contains(&m.home) && teams.contains(&m.away))
}
