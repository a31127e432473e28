//! `standings run-in`: for a league with fixtures left, each team's best and worst possible
//! final place and what it has clinched ([`standings::runin`]).
//!
//! Wiring note: `standings scenarios` (the group stage's last round) is the natural home of
//! this answer for an input whose group is a league with many matches left; [`run`] and
//! [`render`] are kept apart from argument parsing so that command can call them.

use std::fmt::Write as _;

use super::{CliError, Inputs, inputs, table::chosen_groups};
use ::standings::compute::standings::compute_group;
use ::standings::diagnostic::{Code, Diagnostics};
use ::standings::model::Group;
use ::standings::report::escape::plain;
use ::standings::rules::GroupRules;
use ::standings::runin::{League, Outlook, Place, RunInError, analyse};

/// Prints every chosen group's run-in; exit 0, or an error for bad input.
pub fn run(inputs: &Inputs, group: Option<&str>, relegated: Option<usize>) -> Result<u8, CliError> {
    let loaded = inputs::load_at(inputs, group, None)?;
    let chosen = match group {
        None => None,
        Some(wanted) => Some(chosen_groups(&loaded, wanted)?),
    };
    let mut problems = Diagnostics::new();
    let mut out = String::new();
    for l in &loaded {
        let Some(rules) = &l.rules.groups else {
            continue;
        };
        let mut rules = rules.clone();
        if let Some(r) = relegated {
            rules.relegated = r;
        }
        for g in &l.competition.groups {
            if chosen
                .as_ref()
                .is_some_and(|names| !names.contains(&g.name))
            {
                continue;
            }
            match render(g, &rules) {
                Ok(text) => {
                    if !out.is_empty() {
                        out.push('\n');
                    }
                    let _ = writeln!(out, "{} · {}", plain(&l.competition.name), plain(&g.name));
                    out.push_str(&text);
                }
                Err(message) => problems.push(l.competition.error_at_line(
                    Code::Arguments,
                    g.line,
                    format!("{}: {message}", g.name),
                )),
            }
        }
    }
    super::output(&out)?;
    problems.result(0).map_err(CliError::from)
}

/// One group's run-in as text: the table as it stands, and per team its fixtures left, best
/// and worst place and what it has clinched; an error in words when the group cannot be
/// analysed.
pub fn render(group: &Group, rules: &GroupRules) -> Result<String, String> {
    let fixtures: Vec<_> = group.fixtures.iter().map(|f| (f.home, f.away)).collect();
    let league = League::from_group(group, rules, &fixtures).map_err(|e| match e {
        RunInError::NotOnPoints => format!(
            "the rule set ranks by \"{}\" first, and playing on needs one ranking by points; expected --rules with one (efl-2019-20, say)",
            rules.tiebreak.first().map_or("", |c| c.key())
        ),
        e => e.to_string(),
    })?;
    let outlooks = analyse(&league).map_err(|e| e.to_string())?;
    let table = compute_group(group, rules).map_err(|missing| {
        format!(
            "the tiebreak reaches \"{}\" without its data",
            missing.criterion.key()
        )
    })?;
    let width = group
        .teams
        .iter()
        .map(|t| t.chars().count())
        .max()
        .unwrap_or(4);
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} fixtures left; {} qualifying, {} relegation place(s)",
        fixtures.len(),
        league.advance,
        league.relegated
    );
    let _ = writeln!(
        out,
        "Pos  {:width$}  Pts  Left  Best  Worst",
        "Team",
        width = width
    );
    for row in &table.rows {
        let mut o = outlooks[row.team.index()].clone();
        // Nothing left to play: the table as computed is final, ties broken as the engine
        // breaks them.
        if fixtures.is_empty() {
            let at = Place {
                low: row.position,
                high: row.position,
            };
            (o.best, o.worst) = (at, at);
        }
        let o = &o;
        let line = format!(
            "{:>3}  {:width$}  {:>3}  {:>4}  {:>4}  {:>5}  {}",
            row.position,
            plain(group.team_name(row.team)),
            row.record.points().to_string(),
            o.left,
            place(o.best),
            place(o.worst),
            status(o, &league),
            width = width
        );
        out.push_str(line.trim_end());
        out.push('\n');
    }
    if outlooks
        .iter()
        .any(|o| !o.best.is_exact() || !o.worst.is_exact())
        && !fixtures.is_empty()
    {
        out.push_str(
            "a range (such as 3–4): a tie on points may remain that the tiebreak could settle either way\n",
        );
    }
    Ok(out)
}

fn place(p: Place) -> String {
    if p.is_exact() {
        p.low.to_string()
    } else {
        format!("{}–{}", p.low, p.high)
    }
}

/// What a team has clinched or lost, in words.
fn status(o: &Outlook, league: &League) -> String {
    if o.clinched_title() {
        "champions".into()
    } else if o.clinched_qualification(league) {
        "qualified".into()
    } else if o.relegated(league) {
        "relegated".into()
    } else {
        let title = if o.can_win_title() {
            "can still win the title"
        } else if o.may_win_title() {
            "may still win the title (not settled)"
        } else {
            ""
        };
        match (o.clinched_safety(league), title) {
            (true, "") => "safe".into(),
            (true, title) => format!("safe, {title}"),
            (false, title) => title.into(),
        }
    }
}
