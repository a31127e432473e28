//! The `away_wins` criterion.

use super::{Better, Entry, Needs, Scope, Show};

pub static ENTRY: Entry = Entry {
    key: "away_wins",
    label: "away wins",
    doc: "Matches won away from home, awarded wins included.",
    scope: Scope::Overall,
    needs: Needs::Nothing,
    better: Better::Higher,
    value: |c, t| Some(c.record(t).away_won.into()),
    show: Show::Number,
};
