//! The `decision` criterion.

use super::{Better, Context, Entry, Needs, Scope, Show};
use crate::model::TeamId;
use crate::quantity::Quantity;

pub static ENTRY: Entry = Entry {
    key: "decision",
    label: "recorded decision",
    doc: "An order recorded in the data file (`decisions`: a drawing of lots, a ruling) covering every tied team, compared by each team's place in it. Never invented: without one the teams stay level on it and the chain moves on to the next criterion, so it may stand anywhere in the chain.",
    scope: Scope::Overall,
    needs: Needs::Decision,
    better: Better::Lower,
    value: place,
    show: Show::Decision,
};

/// The team's place in the recorded decision or play-off (1 first); every team 0, level, when
/// none covers the tie or the play-off covering it was drawn.
pub(super) fn place(context: &Context<'_>, team: TeamId) -> Option<Quantity> {
    let place = context
        .decision
        .map(|i| &context.group.decisions[i])
        .filter(|d| !d.is_level())
        .map_or(0, |d| d.order.iter().position(|&o| o == team).map_or(0, |p| p + 1));
    Some(Quantity::from(rust_decimal::Decimal::from(place)))
}
