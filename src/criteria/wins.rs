//! The `wins` criterion.

use super::{Better, Entry, Needs, Scope, Show};

pub static ENTRY: Entry = Entry {
    key: "wins",
    label: "wins",
    doc: "Matches won, awarded wins included.",
    scope: Scope::Overall,
    needs: Needs::Nothing,
    better: Better::Higher,
    value: |c, t| Some(c.record(t).won.into()),
    show: Show::Number,
};
