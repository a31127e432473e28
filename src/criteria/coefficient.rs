//! The `coefficient` criterion.

use super::{Better, Entry, Needs, Scope, Show};

pub static ENTRY: Entry = Entry {
    key: "coefficient",
    label: "coefficient",
    doc: "A coefficient or ranking value the data records per team (`coefficients`).",
    scope: Scope::Overall,
    needs: Needs::Coefficients,
    better: Better::Higher,
    value: |c, t| c.group.team_coefficient(t).map(Into::into),
    show: Show::Number,
};
