//! The `fair_play` criterion.

use rust_decimal::Decimal;

use super::{Better, Context, Entry, Needs, Scope, Show};
use crate::model::TeamId;
use crate::quantity::Quantity;

pub static ENTRY: Entry = Entry {
    key: "fair_play",
    label: "fair-play points",
    doc: "Disciplinary points from the `cards` the data records, at the rule file's `[fair_play]` values (usually negative, so fewer cards is higher).",
    scope: Scope::Overall,
    needs: Needs::Cards,
    better: Better::Higher,
    value,
    show: Show::Number,
};

/// The team's cards at the rule file's values; `None` when the data records no cards for it.
fn value(context: &Context<'_>, team: TeamId) -> Option<Quantity> {
    let per_card = context
        .rules
        .fair_play
        .as_ref()
        .expect("rules naming fair_play have card values (checked on load)");
    context.group.team_cards(team).map(|c| {
        Quantity::from(
            per_card.yellow * Decimal::from(c.yellow)
            + per_card.indirect_red * Decimal::from(c.indirect_red)
            + per_card.direct_red * Decimal::from(c.direct_red)
            + per_card.yellow_direct_red * Decimal::from(c.yellow_direct_red),
        )
    })
}
