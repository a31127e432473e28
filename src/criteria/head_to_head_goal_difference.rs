//! The `head_to_head.goal_difference` criterion.

use super::{Better, Entry, Needs, Scope, Show};

pub static ENTRY: Entry = Entry {
    key: "head_to_head.goal_difference",
    label: "head-to-head goal difference",
    doc: "Goal difference in the mini-table of the matches among the tied teams.",
    scope: Scope::HeadToHead,
    needs: Needs::Nothing,
    better: Better::Higher,
    value: |c, t| Some(c.record(t).goal_difference().into()),
    show: Show::Number,
};
