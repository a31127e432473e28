//! The `playoff` criterion.

use super::{Better, Entry, Needs, Scope, Show};

pub static ENTRY: Entry = Entry {
    key: "playoff",
    label: "play-off",
    doc: "A play-off the data file records between the two tied teams (`playoffs`: a match off the table, extra time and penalties allowed); its winner ranks first. It decides a tie of exactly its two teams; otherwise, without one, or when it was drawn, they stay level on it and the chain moves on, so it may stand anywhere in the chain.",
    scope: Scope::Overall,
    needs: Needs::PlayOff,
    better: Better::Lower,
    value: super::decision::place,
    show: Show::Decision,
};
