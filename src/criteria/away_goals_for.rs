//! The `away_goals_for` criterion.

use super::{Better, Entry, Needs, Scope, Show};

pub static ENTRY: Entry = Entry {
    key: "away_goals_for",
    label: "away goals scored",
    doc: "Overall goals scored away from home.",
    scope: Scope::Overall,
    needs: Needs::Nothing,
    better: Better::Higher,
    value: |c, t| Some(c.record(t).away_goals_for.into()),
    show: Show::Number,
};
