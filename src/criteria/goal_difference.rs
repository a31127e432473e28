//! The `goal_difference` criterion.

use super::{Better, Entry, Needs, Scope, Show};

pub static ENTRY: Entry = Entry {
    key: "goal_difference",
    label: "goal difference",
    doc: "Overall goal difference: goals scored minus goals conceded.",
    scope: Scope::Overall,
    needs: Needs::Nothing,
    better: Better::Higher,
    value: |c, t| Some(c.record(t).goal_difference().into()),
    show: Show::Number,
};
