//! Folding matches into per-team records: played, won, drawn, lost, goals, deductions, points.
//!
//! This is where a forfeit is scored: the side that did not play is recorded as losing by the
//! rule file's awarded score and has the rule's deduction taken; when both sides forfeit, both
//! are recorded that way and nobody wins. Deductions are subtracted after points are summed.
//!
//! No sum here can overflow. Counts and goals are `u64`, and a match adds at most one to a
//! count and `u32::MAX` goals (in practice at most 999: readers and the rule file refuse more),
//! so a `u64` holds the sums over more than four billion matches; the additions saturate rather
//! than wrap beyond that. Points are decimals of at most 10⁹ a result (the rule file refuses
//! more), and a decimal holds 7.9 × 10²⁸: more than 10¹⁹ matches' worth.

use rust_decimal::Decimal;

use crate::model::{Forfeit, Match, Outcome, TeamId};
use crate::rules::GroupRules;

/// One team's record over a set of matches.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Record {
    /// Matches played or forfeited.
    pub played: u64,
    /// Wins, awarded wins included.
    pub won: u64,
    /// Draws.
    pub drawn: u64,
    /// Defeats, forfeit defeats included.
    pub lost: u64,
    /// Goals scored (awarded goals included when the rules count them).
    pub goals_for: u64,
    /// Goals conceded.
    pub goals_against: u64,
    /// Goals scored away from home (awarded goals included when the rules count them).
    pub away_goals_for: u64,
    /// Wins away from home, awarded wins included.
    pub away_won: u64,
    /// Points taken away: for forfeits, and off the pitch (a data file's `deductions`).
    pub deducted: Decimal,
    /// Of `deducted`, the points taken away off the pitch (negative when more were restored).
    pub off_pitch: Decimal,
    /// Points earned from results, before deductions.
    pub earned: Decimal,
}

impl Record {
    /// Goals scored minus goals conceded (exact while either is below 2⁶³, which takes more
    /// than nine million billion goals; it saturates beyond).
    pub fn goal_difference(&self) -> i64 {
        let difference = i128::from(self.goals_for) - i128::from(self.goals_against);
        i64::try_from(difference).unwrap_or(if difference < 0 { i64::MIN } else { i64::MAX })
    }

    /// Points after deductions: what the table shows and ranks by.
    pub fn points(&self) -> Decimal {
        self.earned - self.deducted
    }

    /// Takes `points` away off the pitch (gives them back when negative).
    pub fn deduct_off_pitch(&mut self, points: Decimal) {
        self.deducted += points;
        self.off_pitch += points;
    }

    fn add_result(
        &mut self,
        (scored, conceded): (u32, u32),
        away: bool,
        count_goals: bool,
        rules: &GroupRules,
    ) {
        let add = |sum: &mut u64, n: u32| *sum = sum.saturating_add(u64::from(n));
        add(&mut self.played, 1);
        if count_goals {
            add(&mut self.goals_for, scored);
            add(&mut self.goals_against, conceded);
            if away {
                add(&mut self.away_goals_for, scored);
            }
        }
        if away && scored > conceded {
            add(&mut self.away_won, 1);
        }
        let points = &rules.points;
        self.earned += match scored.cmp(&conceded) {
            std::cmp::Ordering::Greater => {
                add(&mut self.won, 1);
                points.win
            }
            std::cmp::Ordering::Equal => {
                add(&mut self.drawn, 1);
                points.draw
            }
            std::cmp::Ordering::Less => {
                add(&mut self.lost, 1);
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
    let (scored, against, forfeited) = match (m.outcome(), home) {
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
    let count_goals = rules.forfeit.goals_count || matches!(m.outcome(), Outcome::Played { .. });
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
        self.off_pitch -= part.off_pitch;
        self.earned -= part.earned;
    }
}

/// The matches among `teams` only: the ground of a head-to-head mini-table.
pub fn among<'a>(matches: &'a [Match], teams: &'a [TeamId]) -> impl Iterator<Item = &'a Match> {
    matches
        .iter()
        .filter(move |m| teams.contains(&m.home) && teams.contains(&m.away))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Source;
    use crate::rules::RuleSet;
    use pretty_assertions::assert_eq;

    fn rules(forfeit: &str) -> GroupRules {
        let text = format!(
            "name = \"t\"\n[points]\nwin = 1000000000\ndraw = 1\nloss = 0\n[forfeit]\n{forfeit}\n[tiebreak]\norder = [\"points\"]\n[qualification]\nadvance = 1\n"
        );
        RuleSet::parse(&Source::new("r.toml", text))
            .unwrap()
            .groups
            .unwrap()
    }

    #[test]
    fn sums_over_more_matches_than_a_u32_of_goals_holds_are_exact() {
        // 2,200,000 wins of 999–0 and as many forfeits awarded 999–0: 4,395,600,000 goals,
        // more than u32::MAX (4,294,967,295), and 4.4 × 10¹⁵ points.
        let rules = rules("score = [999, 0]\ndeduction = 1000000000");
        let (a, b) = (TeamId::new(0), TeamId::new(1));
        let played = Match::new(a, b, Outcome::Played { home: 999, away: 0 });
        let forfeit = Match::new(a, b, Outcome::Forfeit(Forfeit::Away));
        let n = 2_200_000;
        let matches = std::iter::repeat_n(&played, n).chain(std::iter::repeat_n(&forfeit, n));
        let records = fold(2, matches, &rules, FoldOptions { deductions: true });
        let (winner, loser) = (&records[a], &records[b]);
        assert_eq!(
            (
                winner.played,
                winner.won,
                winner.goals_for,
                winner.goals_against
            ),
            (4_400_000, 4_400_000, 4_395_600_000, 0)
        );
        assert_eq!(winner.goal_difference(), 4_395_600_000);
        assert_eq!(winner.points(), Decimal::from(4_400_000_000_000_000_u64));
        assert_eq!(
            (loser.lost, loser.away_goals_for, loser.goal_difference()),
            (4_400_000, 0, -4_395_600_000)
        );
        // 2,200,000 forfeits of 10⁹ points each.
        assert_eq!(loser.points(), -Decimal::from(2_200_000_000_000_000_u64));
    }

    #[test]
    fn a_goal_difference_beyond_an_i64_saturates() {
        let record = Record {
            goals_for: u64::MAX,
            ..Record::default()
        };
        assert_eq!(record.goal_difference(), i64::MAX);
        let record = Record {
            goals_against: u64::MAX,
            ..Record::default()
        };
        assert_eq!(record.goal_difference(), i64::MIN);
    }
}
