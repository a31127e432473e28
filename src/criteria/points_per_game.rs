//! The `points_per_game` criterion.

use super::{Better, Context, Entry, Needs, Scope, Show};
use crate::model::TeamId;
use crate::quantity::Quantity;

pub static ENTRY: Entry = Entry {
    key: "points_per_game",
    label: "points per game",
    doc: "Points after deductions divided by matches played, exactly (for a season cut short, when teams have played different numbers of matches); a team that has played none has its points undivided: 0, or less after a deduction.",
    scope: Scope::Overall,
    needs: Needs::Nothing,
    better: Better::Higher,
    value,
    show: Show::Number,
};

/// The team's points divided by its matches played; its points alone when it has played none.
fn value(context: &Context<'_>, team: TeamId) -> Option<Quantity> {
    let record = context.record(team);
    let points = record.points();
    Some(Quantity::ratio(points, record.played).unwrap_or(Quantity::from(points)))
}
