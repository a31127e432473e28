//! How a knockout tie level on aggregate is decided: away goals, then a penalty shoot-out
//! (`[knockout]` in a rule file; every option defaults to on).

use schemars::JsonSchema;
use serde::Deserialize;

/// How a two-legged or one-match tie is decided when the score is level.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KnockoutRule {
    /// After a level aggregate, the side with more away goals goes through.
    pub away_goals: bool,
    /// Whether away goals still decide after extra time in the second leg.
    pub away_goals_after_extra_time: bool,
    /// A tie still level after extra time is decided by a penalty shoot-out.
    pub penalties: bool,
}

// `[knockout]` as written. (Comments here, not doc comments: those would become descriptions
// in the published schema.)
#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(in crate::rules) struct KnockoutFile {
    #[serde(default = "yes")]
    away_goals: bool,
    #[serde(default = "yes")]
    away_goals_after_extra_time: bool,
    #[serde(default = "yes")]
    penalties: bool,
}

fn yes() -> bool {
    true
}

impl Default for KnockoutFile {
    fn default() -> Self {
        KnockoutFile {
            away_goals: true,
            away_goals_after_extra_time: true,
            penalties: true,
        }
    }
}

impl KnockoutFile {
    /// The rule as written (there is nothing to check).
    pub(in crate::rules) fn build(&self) -> KnockoutRule {
        KnockoutRule {
            away_goals: self.away_goals,
            away_goals_after_extra_time: self.away_goals_after_extra_time,
            penalties: self.penalties,
        }
    }
}
