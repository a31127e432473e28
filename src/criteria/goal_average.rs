//! The `goal_average` criterion, and the quotient `head_to_head.goal_average` shares with it.

use rust_decimal::Decimal;

use super::{Better, Context, Entry, Needs, Scope, Show};
use crate::model::TeamId;
use crate::quantity::Quantity;
use crate::rules::ZeroConceded;

pub static ENTRY: Entry = Entry {
    key: "goal_average",
    label: "goal average",
    doc: "Overall goals scored divided by goals conceded, exactly (the Football League's rule until 1975–76); a team that conceded nothing is ranked as `[goal_average] zero_conceded` says.",
    scope: Scope::Overall,
    needs: Needs::Nothing,
    better: Better::Higher,
    value,
    show: Show::Number,
};

/// The team's goals scored divided by its goals conceded, in the criterion's scope (the whole
/// record, or a head-to-head mini-table's).
pub(super) fn value(context: &Context<'_>, team: TeamId) -> Option<Quantity> {
    let record = context.record(team);
    Some(average(
        record.goals_for,
        record.goals_against,
        context.rules.goal_average.zero_conceded,
    ))
}

/// `scored ÷ conceded`, exactly. With nothing conceded, as the rule file says: under
/// [`ZeroConceded::AboveAll`] infinity (above every finite average), or 1 for a team that scored
/// nothing either (0 ÷ 0 is no number: as many scored as conceded, like a goal difference of 0);
/// under [`ZeroConceded::AsOne`] the goals scored, as if one had been conceded.
pub fn average(scored: u64, conceded: u64, zero: ZeroConceded) -> Quantity {
    Quantity::ratio(Decimal::from(scored), conceded).unwrap_or(match zero {
        ZeroConceded::AboveAll if scored > 0 => Quantity::INFINITY,
        ZeroConceded::AboveAll => Quantity::from(1_u64),
        ZeroConceded::AsOne => Quantity::from(scored),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use pretty_assertions::assert_eq;
    use rstest::rstest;

    #[rstest]
    #[case::whole(6, 3, ZeroConceded::AboveAll, "2")]
    #[case::terminating(3, 2, ZeroConceded::AboveAll, "1.5")]
    #[case::thirds(5, 3, ZeroConceded::AboveAll, "1.667")]
    #[case::nothing_scored(0, 4, ZeroConceded::AboveAll, "0")]
    #[case::nothing_conceded(3, 0, ZeroConceded::AboveAll, "∞")]
    #[case::no_goals_at_all(0, 0, ZeroConceded::AboveAll, "1")]
    #[case::nothing_conceded_as_one(3, 0, ZeroConceded::AsOne, "3")]
    #[case::no_goals_at_all_as_one(0, 0, ZeroConceded::AsOne, "0")]
    #[case::conceded_as_one_changes_nothing_else(5, 3, ZeroConceded::AsOne, "1.667")]
    fn goals_scored_over_goals_conceded(
        #[case] scored: u64,
        #[case] conceded: u64,
        #[case] zero: ZeroConceded,
        #[case] shown: &str,
    ) {
        assert_eq!(average(scored, conceded, zero).to_string(), shown);
    }

    #[test]
    fn teams_that_conceded_nothing_are_level_with_each_other() {
        let zero = ZeroConceded::AboveAll;
        assert_eq!(average(1, 0, zero), average(9, 0, zero));
        assert!(average(1, 0, zero) > average(u64::MAX, 1, zero));
    }
}
