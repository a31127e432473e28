//! Tiebreak steps and separations in words, shared by every human-readable output.

use std::ops::Range;

use rust_decimal::Decimal;

use crate::compute::records::Record;
use crate::compute::standings::GroupTable;
use crate::compute::tiebreak::{Separation, Step};
use crate::criteria::{Context, Criterion, Needs, Scope, Show};
use crate::model::{Decision, Deduction, TeamId};
use crate::quantity::Quantity;

/// A decimal as people write it: `3`, `1.5`, `-4`.
pub fn number(value: Decimal) -> String {
    value.normalize().to_string()
}

/// A criterion's value as people write it: a decimal as [`number`] writes it, a quotient no
/// decimal holds to three decimals (`1.667`), infinity as `∞`; with `exact`, a quotient is
/// followed by its fraction (`1.001 (1000/999)`).
pub fn value(value: &Quantity, exact: bool) -> String {
    match value.fraction().filter(|_| exact) {
        Some(fraction) => format!("{value} ({fraction})"),
        None => value.to_string(),
    }
}

/// Whether two different values among `values` (in ranked order) would read the same to three
/// decimals, so that each quotient must be written with its fraction as well. Rounding keeps
/// the order, so only neighbours can collide; two decimals never do.
pub fn ambiguous<'a>(values: impl IntoIterator<Item = &'a Quantity>) -> bool {
    let mut values = values.into_iter();
    let Some(mut previous) = values.next() else {
        return false;
    };
    for next in values {
        if (previous.as_decimal().is_none() || next.as_decimal().is_none())
            && previous != next
            && previous.to_string() == next.to_string()
        {
            return true;
        }
        previous = next;
    }
    false
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

/// The most teams a line names one by one: a larger set is written by the rows of the table
/// it holds (`the 1998 teams in rows 3–2000`), so that a line stays short however many teams
/// are level, and the whole output stays linear in the group's size.
pub const NAMED: usize = 10;

/// A set of teams holding consecutive rows of the table (0-based `rows`): their names joined
/// with `sep` when there are at most [`NAMED`], else their rows.
fn set(table: &GroupTable<'_>, teams: &[TeamId], rows: Range<usize>, sep: &str) -> String {
    if teams.len() <= NAMED {
        teams
            .iter()
            .map(|&t| table.name(t))
            .collect::<Vec<_>>()
            .join(sep)
    } else {
        format!(
            "the {} teams in rows {}–{}",
            teams.len(),
            rows.start + 1,
            rows.end
        )
    }
}

/// `(mini-table of …)` for a head-to-head step read from more teams than `shown`.
fn mini_table(table: &GroupTable<'_>, step: &Step, shown: usize) -> String {
    if step.criterion.is_head_to_head() && step.among.len() > shown {
        format!(
            " (mini-table of {})",
            set(table, &step.among, step.among_rows.clone(), ", ")
        )
    } else {
        String::new()
    }
}

/// One tiebreak step in a line:
/// `Palermo, Hellas Verona: goal difference: Palermo -4, Hellas Verona -5 → Palermo > Hellas Verona`.
/// A step over more than [`NAMED`] teams (or read from a larger mini-table) is written by its
/// tiers, each with its value, and sets larger than [`NAMED`] by their rows:
/// `the 12 teams in rows 1–12: head-to-head goals scored → the 10 teams in rows 1–10 (2) > A = B (1)`.
pub fn step(table: &GroupTable<'_>, step: &Step) -> String {
    if step.values.len() > NAMED || step.among.len() > NAMED {
        return long_step(table, step);
    }
    let teams: Vec<TeamId> = step.values.iter().map(|(t, _)| *t).collect();
    let mut line = format!(
        "{}{}: {}",
        names(table, &teams),
        qualifying(step),
        step.criterion
    );
    line += &mini_table(table, step, teams.len());
    if step.criterion.show() == Show::Decision {
        line += &recorded(table, step);
    } else {
        let exact = ambiguous(step.tiers().map(|tier| &tier[0].1));
        let values: Vec<String> = step
            .values
            .iter()
            .map(|(t, v)| format!("{} {}", table.name(*t), value(v, exact)))
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

/// ` (for a qualifying place)` for a step of the chain a tie deciding who advances follows
/// (`tiebreak.qualifying_order`, where it differs from `order`).
fn qualifying(step: &Step) -> &'static str {
    if step.qualifying {
        " (for a qualifying place)"
    } else {
        ""
    }
}

/// What a step reading recorded decisions used, after its criterion's name: the decision
/// (` (drawing of lots)`), a play-off's match (` Wales 2–1 Hungary`), or `: none recorded`.
fn recorded(table: &GroupTable<'_>, step: &Step) -> String {
    let group = table.group;
    match step.decision.map(|i| &group.decisions[i]) {
        Some(Decision {
            playoff: Some(p), ..
        }) => format!(" {}", p.text(&group.teams)),
        Some(d) => format!(" ({})", d.by),
        None => ": none recorded".to_string(),
    }
}

/// [`step`] for a step over many teams: its tiers, each once, with its value.
fn long_step(table: &GroupTable<'_>, step: &Step) -> String {
    let teams: Vec<TeamId> = step.values.iter().map(|(t, _)| *t).collect();
    let mut line = format!(
        "{}{}: {}",
        set(table, &teams, step.rows(), ", "),
        qualifying(step),
        step.criterion
    );
    line += &mini_table(table, step, teams.len());
    let decision = step.criterion.show() == Show::Decision;
    if decision {
        line += &recorded(table, step);
    }
    if step.is_level() {
        if !decision && let Some((_, v)) = step.values.first() {
            line += &format!(": {} each", value(v, false));
        }
        line += " → level";
        return line;
    }
    let exact = ambiguous(step.tiers().map(|tier| &tier[0].1));
    let mut first = step.first_row;
    let tiers: Vec<String> = step
        .tiers()
        .map(|tier| {
            let teams: Vec<TeamId> = tier.iter().map(|(t, _)| *t).collect();
            let mut text = set(table, &teams, first..first + tier.len(), " = ");
            first += tier.len();
            if !decision {
                text += &format!(" ({})", value(&tier[0].1, exact));
            }
            text
        })
        .collect();
    line += &format!(" → {}", tiers.join(" > "));
    line
}

/// The most criteria a pair's explanation lists; more are summed up in the middle as
/// `level on N more criteria`.
const LISTED: usize = 8;

/// Why the team in 0-based row `row` is above the next one, or that they are level: every
/// criterion that compared them, with both values, ending with the one that separated them
/// (when more than eight did, the first two and the last five, and how many in between).
/// `Palermo above Hellas Verona: points level at 1; head-to-head goal difference level at -3;
/// goal difference -4 against -5`.
pub fn pair(table: &GroupTable<'_>, row: usize) -> String {
    let steps = table.ordering.adjacent(row);
    let level = |s: &Step| s.value_at(row) == s.value_at(row + 1);
    let separated = steps.last().is_some_and(|s| !level(s));
    let part = |s: &Step| {
        let label = format!("{}{}", s.criterion, mini_table(table, s, 2));
        let playoff = s.criterion.needs() == Needs::PlayOff;
        match (s.criterion.show(), level(s)) {
            (Show::Decision, true) if playoff => match s.decision {
                Some(i) => format!("{}, drawn", table.group.decisions[i].by),
                None => "no play-off recorded".to_string(),
            },
            (Show::Decision, true) if s.criterion.needs() == Needs::ShootOut => {
                "no shoot-out recorded".to_string()
            }
            (Show::Decision, true) => "no recorded decision".to_string(),
            (Show::Decision, false) => match s.decision.map(|i| &table.group.decisions[i]) {
                Some(d) if d.playoff.is_some() => d.by.clone(),
                Some(d) => format!("{} (recorded decision)", d.by),
                None => "recorded decision".to_string(),
            },
            (Show::Number, true) => {
                format!("{label} level at {}", value(&s.value_at(row), false))
            }
            (Show::Number, false) => {
                format!(
                    "{label} {}",
                    against(&s.value_at(row), &s.value_at(row + 1))
                )
            }
        }
    };
    let parts: Vec<String> = if steps.len() > LISTED {
        let (head, tail) = (2, LISTED - 3);
        let mut parts: Vec<String> = steps[..head].iter().map(|s| part(s)).collect();
        parts.push(format!(
            "level on {} more criteria",
            steps.len() - head - tail
        ));
        parts.extend(steps[steps.len() - tail..].iter().map(|s| part(s)));
        parts
    } else {
        steps.iter().map(|s| part(s)).collect()
    };
    let (u, l) = (
        table.name(table.rows[row].team),
        table.name(table.rows[row + 1].team),
    );
    if separated {
        let decided = steps
            .last()
            .and_then(|s| deduction_decided(table, row, s))
            .unwrap_or_default();
        format!("{u} above {l}: {}{decided}", parts.join("; "))
    } else {
        format!(
            "{u} level with {l} on every criterion: {}",
            parts.join("; ")
        )
    }
}

/// `, decided by …` when the points deducted off the pitch from the teams in rows `row` and
/// `row + 1` decided their order under `step` (which separated them): without those
/// deductions, the upper team would not be above. Only an overall criterion reads them.
fn deduction_decided(table: &GroupTable<'_>, row: usize, step: &Step) -> Option<String> {
    let criterion = &step.criterion;
    if criterion.scope() != Scope::Overall || criterion.show() != Show::Number {
        return None;
    }
    let pair = [&table.rows[row], &table.rows[row + 1]];
    if pair.iter().all(|r| r.record.off_pitch.is_zero()) {
        return None;
    }
    // The two teams' records as if nothing had been deducted off the pitch.
    let mut records = vec![Record::default(); table.group.teams.len()];
    for r in pair {
        records[r.team] = r.record.clone();
        records[r.team].deduct_off_pitch(-r.record.off_pitch);
    }
    let context = Context {
        group: table.group,
        rules: table.rules,
        records: &records,
        decision: None,
    };
    let before = [
        criterion.value(&context, pair[0].team)?,
        criterion.value(&context, pair[1].team)?,
    ];
    if criterion.better().compare(&before[0], &before[1]) == std::cmp::Ordering::Less {
        return None;
    }
    let deductions: Vec<String> = table
        .group
        .rulings
        .deductions
        .iter()
        .filter(|d| pair.iter().any(|r| r.team == d.team))
        .map(|d| format!("{} {}", possessive(table.name(d.team)), deduction(d)))
        .collect();
    Some(format!(
        ", decided by {}: {} against {} without it",
        natural_list(&deductions),
        value(&before[0], false),
        value(&before[1], false)
    ))
}

/// A name in the possessive: `Wigan Athletic's`, `Bolton Wanderers'`.
fn possessive(name: &str) -> String {
    if name.ends_with('s') {
        format!("{name}'")
    } else {
        format!("{name}'s")
    }
}

/// A deduction in words: `deduction of 12 points (entered administration)`, or a restoration.
pub fn deduction(d: &Deduction) -> String {
    let what = if d.points.is_sign_negative() {
        "restoration"
    } else {
        "deduction"
    };
    format!("{what} of {} ({})", points(d.points.abs()), d.reason)
}

/// A deduction as a note: `12 points deducted from Wigan Athletic: entered administration
/// (2020-02-01)`, or `… restored to …`.
pub fn deducted(team: &str, d: &Deduction) -> String {
    let done = if d.points.is_sign_negative() {
        "restored to"
    } else {
        "deducted from"
    };
    let date = d.date.map(|d| format!(" ({d})")).unwrap_or_default();
    format!(
        "{} {done} {team}: {}{date}",
        points(d.points.abs()),
        d.reason
    )
}

/// `1 point`, `12 points`, `1.5 points`.
fn points(n: Decimal) -> String {
    if n == Decimal::ONE {
        "1 point".to_string()
    } else {
        format!("{} points", number(n))
    }
}

/// One line per ruling behind the group's table, in the data's order: each deduction or
/// restoration (`12 points deducted from Wigan Athletic: entered administration`), each
/// record taken over, each club expunged.
pub fn rulings(table: &GroupTable<'_>) -> Vec<String> {
    let rulings = &table.group.rulings;
    let mut lines = Vec::new();
    for d in &rulings.deductions {
        lines.push(deducted(table.name(d.team), d));
    }
    if let Some(why) = &rulings.curtailed {
        let teams = table.group.teams.len();
        let expected = teams * teams.saturating_sub(1) / 2 * table.rules.meetings as usize;
        lines.push(format!(
            "ended early ({} of {expected} matches played): {why}",
            table.group.matches.len()
        ));
    }
    for t in &rulings.takeovers {
        lines.push(format!(
            "{} took over the fixtures and record of {} ({} counted as {}'s): {}",
            t.team,
            t.from,
            results(t.results),
            t.team,
            t.reason
        ));
    }
    for e in &rulings.expunged {
        lines.push(format!(
            "{} expunged: {}; {} struck from everyone's record",
            e.team,
            e.reason,
            match e.results {
                1 => "its 1 result is".to_string(),
                n => format!("its {n} results are"),
            }
        ));
    }
    lines
}

/// The notes under a ranking of teams across groups: where each team comes from, how many
/// advance, what was left out of their records, and groups that gave no team or a shared place.
pub fn best_placed(ranking: &crate::compute::best_placed::Ranking) -> Vec<String> {
    let from: Vec<String> = ranking
        .group
        .teams
        .iter()
        .zip(&ranking.from)
        .map(|(team, group)| format!("{team} ({group})"))
        .collect();
    let mut lines = vec![format!(
        "the best {} of the {} advance: {}",
        ranking.rules.advance,
        ranking.group.name.to_lowercase(),
        from.join(", ")
    )];
    if ranking.discarded {
        lines.push("results against each group's last-placed team are left out".to_string());
    }
    if !ranking.short.is_empty() {
        lines.push(format!(
            "no team in that place in {}",
            natural_list(&ranking.short)
        ));
    }
    for (group, teams) in &ranking.shared {
        lines.push(format!(
            "{} share the place in {group} (a tie nothing broke): which of them is ranked is not decided; the first the table lists is shown",
            natural_list(teams)
        ));
    }
    for (group, teams) in &ranking.last_shared {
        lines.push(format!(
            "{} share the last place in {group} (a tie nothing broke): whose results are left out is not decided; the first the table lists is taken",
            natural_list(teams)
        ));
    }
    lines
}

/// `1 result`, `8 results`.
fn results(n: usize) -> String {
    if n == 1 {
        "1 result".to_string()
    } else {
        format!("{n} results")
    }
}

/// The criterion that put the team in 0-based row `row` above the next one, or `None` when
/// they are level.
pub fn deciding<'t>(table: &'t GroupTable<'_>, row: usize) -> Option<&'t Criterion> {
    let last = &table.ordering.steps[table.ordering.last_between(row)?];
    (last.value_at(row) != last.value_at(row + 1)).then_some(&last.criterion)
}

/// Why the upper of two adjacent teams is above: `on goal difference, -4 against -5`.
pub fn separation(table: &GroupTable<'_>, separation: &Separation) -> String {
    match separation.criterion.show() {
        Show::Decision => match separation.decision.map(|i| &table.group.decisions[i]) {
            Some(d) if d.playoff.is_some() => format!("by the {}, recorded in the data", d.by),
            Some(d) => format!("by {}, recorded in the data", d.by),
            None => "by recorded decision, recorded in the data".to_string(),
        },
        Show::Number => format!(
            "on {}, {}",
            separation.criterion,
            against(&separation.values[0], &separation.values[1])
        ),
    }
}

/// Two different values compared: `-4 against -5`; `1.001 against 1.001 (1000/999)` when
/// they would read the same to three decimals.
fn against(upper: &Quantity, lower: &Quantity) -> String {
    let exact = ambiguous([upper, lower]);
    format!("{} against {}", value(upper, exact), value(lower, exact))
}

#[cfg(test)]
mod tests {
    use super::*;
    use pretty_assertions::assert_eq;
    use rstest::rstest;

    fn ratio(n: i64, d: u64) -> Quantity {
        Quantity::ratio(n.into(), d).unwrap()
    }

    #[rstest]
    // 1000/999 = 1.001001… and 1001/1000 = 1.001 read the same: the quotient gets its fraction.
    #[case::rounding_would_tie(
        ratio(1000, 999),
        ratio(1001, 1000),
        "1.001 (1000/999) against 1.001"
    )]
    // 1001/999 = 1.002002… and 2002/1999 = 1.0015007…: both round to 1.002.
    #[case::both_quotients(
        ratio(1001, 999),
        ratio(2002, 1999),
        "1.002 (1001/999) against 1.002 (2002/1999)"
    )]
    #[case::distinct_to_three_decimals(ratio(5, 3), ratio(3, 2), "1.667 against 1.5")]
    #[case::decimals_as_always(Quantity::from(-4_i64), Quantity::from(-5_i64), "-4 against -5")]
    #[case::infinity(Quantity::INFINITY, ratio(5, 3), "∞ against 1.667")]
    fn two_values_never_read_alike(
        #[case] upper: Quantity,
        #[case] lower: Quantity,
        #[case] expected: &str,
    ) {
        assert_eq!(against(&upper, &lower), expected);
    }

    #[test]
    fn equal_values_are_not_ambiguous() {
        assert!(!ambiguous([&ratio(5, 3), &ratio(10, 6)]));
        assert!(ambiguous([
            &ratio(5, 3),
            &ratio(1000, 999),
            &ratio(1001, 1000)
        ]));
    }
}
