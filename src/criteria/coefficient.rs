//! The `coefficient` criterion.

use super::{Better, Entry, Needs, Scope, Show};

pub static ENTRY: Entry = Entry {
    key: "coefficient",
    label: "coefficient",
    doc: "A coefficient or ranking value the data records per team (`coefficients`), higher first; a rule file may declare others of its own, with their own label and direction (`[recorded.NAME]`).",
    scope: Scope::Overall,
    needs: Needs::Coefficients,
    better: Better::Higher,
    value: |c, t| c.group.team_coefficient(t).map(Into::into),
    show: Show::Number,
};
