//! The `head_to_head.goals_for` criterion.

use super::{Better, Entry, Needs, Scope, Show};

pub static ENTRY: Entry = Entry {
    key: "head_to_head.goals_for",
    label: "head-to-head goals scored",
    doc: "Goals scored in the mini-table of the matches among the tied teams.",
    scope: Scope::HeadToHead,
    needs: Needs::Nothing,
    better: Better::Higher,
    value: |c, t| Some(c.record(t).goals_for.into()),
    show: Show::Number,
};
