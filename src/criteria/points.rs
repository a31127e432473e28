//! The `points` criterion.

use super::{Better, Entry, Needs, Scope, Show};

pub static ENTRY: Entry = Entry {
    key: "points",
    label: "points",
    doc: "Points after deductions.",
    scope: Scope::Overall,
    needs: Needs::Nothing,
    better: Better::Higher,
    value: |c, t| Some(c.record(t).points().into()),
    show: Show::Number,
};
