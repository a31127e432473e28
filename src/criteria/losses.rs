//! The `losses` criterion.

use super::{Better, Entry, Needs, Scope, Show};

pub static ENTRY: Entry = Entry {
    key: "losses",
    label: "defeats",
    doc: "Matches lost, forfeit defeats included; fewer is better.",
    scope: Scope::Overall,
    needs: Needs::Nothing,
    better: Better::Lower,
    value: |c, t| Some(c.record(t).lost.into()),
    show: Show::Number,
};
