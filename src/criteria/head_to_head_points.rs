//! The `head_to_head.points` criterion.

use super::{Better, Entry, Needs, Scope, Show};

pub static ENTRY: Entry = Entry {
    key: "head_to_head.points",
    label: "head-to-head points",
    doc: "Points in the mini-table of the matches among the tied teams (forfeit deductions from those matches count unless `head_to_head.deductions_count = false`).",
    scope: Scope::HeadToHead,
    needs: Needs::Nothing,
    better: Better::Higher,
    value: |c, t| Some(c.record(t).points().into()),
    show: Show::Number,
};
