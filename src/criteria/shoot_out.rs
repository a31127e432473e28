//! The `shoot_out` criterion.

use super::{Better, Entry, Needs, Scope, Show};

pub static ENTRY: Entry = Entry {
    key: "shoot_out",
    label: "penalty shoot-out",
    doc: "UEFA's last-round shoot-out: two teams level on everything before it that drew their group match with each other and then took penalties (`Home 1–1 Away (pens 4–3)` among the group's matches); the shoot-out's winner ranks first. The data records a shoot-out only where one was held (between exactly two teams, level, in their last group match); it decides a tie of exactly those two teams, otherwise they stay level on it and the chain moves on.",
    scope: Scope::Overall,
    needs: Needs::ShootOut,
    better: Better::Lower,
    value: super::decision::place,
    show: Show::Decision,
};
