//! The `goals_for` criterion.

use super::{Better, Entry, Needs, Scope, Show};

pub static ENTRY: Entry = Entry {
    key: "goals_for",
    label: "goals scored",
    doc: "Overall goals scored.",
    scope: Scope::Overall,
    needs: Needs::Nothing,
    better: Better::Higher,
    value: |c, t| Some(c.record(t).goals_for.into()),
    show: Show::Number,
};
