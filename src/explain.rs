//! Tiebreak steps and separations in words, shared by every human-readable output.

use rust_decimal::Decimal;

use crate::compute::standings::GroupTable;
use crate::compute::tiebreak::{Separation, Step};
use crate::criteria::{Criterion, Show};
use crate::model::TeamId;

/// A decimal as people write it: `3`, `1.5`, `-4`.
pub fn number(value: Decimal) -> String {
    value.normalize().to_string()
}

/// Team names joined with commas.
pub fn names(table: &GroupTable<'_>, teams: &[TeamId]) -> String {
    teams
        .iter()
        .map(|&t| table.name(t))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Team names as a natural list: `A`, `A and B`, `A, B and C`.
pub fn and_list(table: &GroupTable<'_>, teams: &[TeamId]) -> String {
    let names: Vec<&str> = teams.iter().map(|&t| table.name(t)).collect();
    natural_list(&names)
}

/// Words as a natural list: `A`, `A and B`, `A, B and C`.
pub fn natural_list<S: AsRef<str>>(words: &[S]) -> String {
    match words.split_last() {
        None => String::new(),
        Some((last, [])) => last.as_ref().to_string(),
        Some((last, rest)) => {
            let rest: Vec<&str> = rest.iter().map(AsRef::as_ref).collect();
            format!("{} and {}", rest.join(", "), last.as_ref())
        }
    }
}

/// One tiebreak step in a line:
/// `Palermo, Hellas Verona: goal difference -4, -5 → Palermo > Hellas Verona`.
pub fn step(table: &GroupTable<'_>, step: &Step) -> String {
    let teams: Vec<TeamId> = step.values.iter().map(|(t, _)| *t).collect();
    let mut line = format!("{}: {}", names(table, &teams), step.criterion);
    if step.criterion.is_head_to_head() && step.among.len() > teams.len() {
        line += &format!(" (mini-table of {})", names(table, &step.among));
    }
    if step.criterion.show() == Show::Decision {
        match step.decision {
            Some(i) => line += &format!(" ({})", table.group.decisions[i].by),
            None => line += ": none recorded",
        }
    } else {
        let values: Vec<String> = step
            .values
            .iter()
            .map(|(t, v)| format!("{} {}", table.name(*t), number(*v)))
            .collect();
        line += &format!(": {}", values.join(", "));
    }
    let order: Vec<String> = step
        .tiers()
        .map(|tier| {
            tier.iter()
                .map(|&(t, _)| table.name(t))
                .collect::<Vec<_>>()
                .join(" = ")
        })
        .collect();
    if step.is_level() {
        line += " → level";
    } else {
        line += &format!(" → {}", order.join(" > "));
    }
    line
}

/// Why `upper` is above `lower` (adjacent in the table), or that they are level: every
/// criterion that compared them, with both values, ending with the one that separated them.
/// `Palermo above Hellas Verona: points level at 1; head-to-head goal difference level at -3;
/// goal difference -4 against -5`.
pub fn pair(table: &GroupTable<'_>, upper: TeamId, lower: TeamId) -> String {
    let steps = table.ordering.between(upper, lower);
    let separated = steps.last().is_some_and(|s| !s.leaves_level(upper, lower));
    let parts: Vec<String> = steps
        .iter()
        .map(|s| {
            let value = |t: TeamId| {
                s.values
                    .iter()
                    .find(|(x, _)| *x == t)
                    .map(|(_, v)| number(*v))
                    .unwrap_or_default()
            };
            let mut label = s.criterion.to_string();
            if s.criterion.is_head_to_head() && s.among.len() > 2 {
                label += &format!(" (mini-table of {})", names(table, &s.among));
            }
            let level = s.leaves_level(upper, lower);
            match (s.criterion.show(), level) {
                (Show::Decision, true) => "no recorded decision".to_string(),
                (Show::Decision, false) => match s.decision {
                    Some(i) => format!("{} (recorded decision)", table.group.decisions[i].by),
                    None => "recorded decision".to_string(),
                },
                (Show::Number, true) => format!("{label} level at {}", value(upper)),
                (Show::Number, false) => {
                    format!("{label} {} against {}", value(upper), value(lower))
                }
            }
        })
        .collect();
    let (u, l) = (table.name(upper), table.name(lower));
    if separated {
        format!("{u} above {l}: {}", parts.join("; "))
    } else {
        format!(
            "{u} level with {l} on every criterion: {}",
            parts.join("; ")
        )
    }
}

/// The criterion that put `upper` above `lower`, or `None` when they are level.
pub fn deciding(table: &GroupTable<'_>, upper: TeamId, lower: TeamId) -> Option<Criterion> {
    table
        .ordering
        .between(upper, lower)
        .last()
        .filter(|s| !s.leaves_level(upper, lower))
        .map(|s| s.criterion)
}

/// Why the upper of two adjacent teams is above: `on goal difference, -4 against -5`.
pub fn separation(table: &GroupTable<'_>, separation: &Separation) -> String {
    match separation.criterion.show() {
        Show::Decision => {
            let by = separation.decision.map_or("recorded decision", |i| {
                table.group.decisions[i].by.as_str()
            });
            format!("by {by}, recorded in the data")
        }
        Show::Number => format!(
            "on {}, {} against {}",
            separation.criterion,
            number(separation.values[0]),
            number(separation.values[1])
        ),
    }
}
