//! The `head_to_head.goal_average` criterion.

use super::{Better, Entry, Needs, Scope, Show};

pub static ENTRY: Entry = Entry {
    key: "head_to_head.goal_average",
    label: "head-to-head goal average",
    doc: "Goals scored divided by goals conceded in the mini-table of the matches among the tied teams, exactly; a team that conceded none of them is ranked as `[goal_average] zero_conceded` says.",
    scope: Scope::HeadToHead,
    needs: Needs::Nothing,
    better: Better::Higher,
    value: super::goal_average::value,
    show: Show::Number,
};
