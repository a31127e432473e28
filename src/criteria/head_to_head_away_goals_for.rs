//! The `head_to_head.away_goals_for` criterion.

use super::{Better, Entry, Needs, Scope, Show};

pub static ENTRY: Entry = Entry {
    key: "head_to_head.away_goals_for",
    label: "head-to-head away goals scored",
    doc: "Goals scored away from home in the mini-table of the matches among the tied teams (for groups whose teams meet twice).",
    scope: Scope::HeadToHead,
    needs: Needs::Nothing,
    better: Better::Higher,
    value: |c, t| Some(c.record(t).away_goals_for.into()),
    show: Show::Number,
};
