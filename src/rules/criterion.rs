//! The vocabulary of the tiebreak chain: each criterion's name in a rule file and its meaning.

use std::fmt;

/// A statistic of a team's record, used overall or inside a head-to-head mini-table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Stat {
    /// Points, after deductions.
    Points,
    /// Goals scored minus goals conceded.
    GoalDifference,
    /// Goals scored.
    GoalsFor,
    /// Matches won.
    Wins,
    /// Goals scored away from home.
    AwayGoalsFor,
    /// Matches won away from home.
    AwayWins,
}

impl Stat {
    fn key(self) -> &'static str {
        match self {
            Stat::Points => "points",
            Stat::GoalDifference => "goal_difference",
            Stat::GoalsFor => "goals_for",
            Stat::Wins => "wins",
            Stat::AwayGoalsFor => "away_goals_for",
            Stat::AwayWins => "away_wins",
        }
    }

    fn label(self) -> &'static str {
        match self {
            Stat::Points => "points",
            Stat::GoalDifference => "goal difference",
            Stat::GoalsFor => "goals scored",
            Stat::Wins => "wins",
            Stat::AwayGoalsFor => "away goals scored",
            Stat::AwayWins => "away wins",
        }
    }
}

/// One link of the tiebreak chain.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Criterion {
    /// A statistic over all of a team's matches.
    Overall(Stat),
    /// A statistic over the matches among the tied teams only (a mini-table).
    HeadToHead(Stat),
    /// Disciplinary points from the cards recorded in the data (higher, nearer zero, is better).
    FairPlay,
    /// A coefficient or ranking value recorded in the data for each team (higher is better).
    Coefficient,
    /// An order recorded in the data (drawing of lots, a ruling); never invented.
    Decision,
}

/// Every criterion a rule file may name, in the order the docs list them.
pub const ALL: [Criterion; 13] = [
    Criterion::Overall(Stat::Points),
    Criterion::HeadToHead(Stat::Points),
    Criterion::HeadToHead(Stat::GoalDifference),
    Criterion::HeadToHead(Stat::GoalsFor),
    Criterion::HeadToHead(Stat::AwayGoalsFor),
    Criterion::Overall(Stat::GoalDifference),
    Criterion::Overall(Stat::GoalsFor),
    Criterion::Overall(Stat::AwayGoalsFor),
    Criterion::Overall(Stat::Wins),
    Criterion::Overall(Stat::AwayWins),
    Criterion::FairPlay,
    Criterion::Coefficient,
    Criterion::Decision,
];

impl Criterion {
    /// The criterion's name in a rule file (`head_to_head.goal_difference`).
    pub fn key(self) -> String {
        match self {
            Criterion::Overall(s) => s.key().to_string(),
            Criterion::HeadToHead(s) => format!("head_to_head.{}", s.key()),
            Criterion::FairPlay => "fair_play".to_string(),
            Criterion::Coefficient => "coefficient".to_string(),
            Criterion::Decision => "decision".to_string(),
        }
    }

    /// Parses a rule-file name; `None` when it names no criterion.
    pub fn from_key(key: &str) -> Option<Criterion> {
        ALL.into_iter().find(|c| c.key() == key)
    }

    /// Whether the criterion reads a mini-table of the tied teams' own matches.
    pub fn is_head_to_head(self) -> bool {
        matches!(self, Criterion::HeadToHead(_))
    }
}

impl fmt::Display for Criterion {
    /// The criterion in words, for tables and explanations.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Criterion::Overall(s) => f.write_str(s.label()),
            Criterion::HeadToHead(s) => write!(f, "head-to-head {}", s.label()),
            Criterion::FairPlay => f.write_str("fair-play points"),
            Criterion::Coefficient => f.write_str("coefficient"),
            Criterion::Decision => f.write_str("recorded decision"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_parses_back_to_its_criterion() {
        for c in ALL {
            assert_eq!(Criterion::from_key(&c.key()), Some(c));
        }
        assert_eq!(Criterion::from_key("head_to_head"), None);
    }
}
