//! The `goals_against` criterion.

use super::{Better, Entry, Needs, Scope, Show};

pub static ENTRY: Entry = Entry {
    key: "goals_against",
    label: "goals conceded",
    doc: "Overall goals conceded; fewer is better.",
    scope: Scope::Overall,
    needs: Needs::Nothing,
    better: Better::Lower,
    value: |c, t| Some(c.record(t).goals_against.into()),
    show: Show::Number,
};
