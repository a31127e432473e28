//! `standings run-in` output (and `scenarios` on a league with many fixtures left): per group,
//! the table as it stands and each team's matches left, best and worst place and what it has
//! clinched, as text, Markdown or JSON ([`json`]). Every renderer reads the same
//! [`CompetitionRunIn`].

pub mod json;

use std::fmt::Write as _;

use crate::report::escape;
use crate::runin::{GroupRunIn, League, Outlook, Place};

/// One competition's groups worked out.
pub struct CompetitionRunIn<'a> {
    /// The competition's name, from the data.
    pub competition: &'a str,
    /// The rule file's `name`.
    pub rules: &'a str,
    /// Each group worked out, in the data's order.
    pub groups: Vec<GroupRunIn<'a>>,
}

/// The output formats of `run-in`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Plain text.
    Text,
    /// JSON (versioned; `standings schema runin`).
    Json,
    /// Markdown.
    Markdown,
}

/// Renders `competitions` in `format`: one JSON document whatever their number, or in text and
/// Markdown one block per group.
pub fn render(competitions: &[CompetitionRunIn<'_>], format: Format) -> String {
    match format {
        Format::Json => json::render(competitions),
        Format::Text | Format::Markdown => {
            let markdown = format == Format::Markdown;
            let mut out = String::new();
            for c in competitions {
                for g in &c.groups {
                    if !out.is_empty() {
                        out.push('\n');
                    }
                    out.push_str(&group(c.competition, g, markdown));
                }
            }
            out
        }
    }
}

/// One group in text or Markdown: a heading, the fixtures left and places, then a line per
/// team in the table's order.
fn group(competition: &str, g: &GroupRunIn<'_>, markdown: bool) -> String {
    let escape = |s: &str| {
        if markdown {
            escape::markdown(s)
        } else {
            escape::plain(s)
        }
    };
    let league = &g.league;
    let mut out = String::new();
    let head = format!("{} · {}", escape(competition), escape(&g.group.name));
    let summary = format!(
        "{} fixtures left; {} qualifying, {} relegation place(s)",
        league.fixtures.len(),
        league.advance,
        league.relegated
    );
    let names: Vec<String> = g.group.teams.iter().map(|t| escape(t)).collect();
    if markdown {
        let _ = write!(
            out,
            "## {head}\n\n{summary}\n\n| Pos | Team | Pts | Left | Best | Worst | Status |\n| ---: | --- | ---: | ---: | ---: | ---: | --- |\n"
        );
    } else {
        let _ = writeln!(out, "{head}\n{summary}");
    }
    let width = names.iter().map(|t| t.chars().count()).max().unwrap_or(4);
    if !markdown {
        let _ = writeln!(out, "Pos  {:width$}  Pts  Left  Best  Worst", "Team");
    }
    for row in &g.rows {
        let o = &g.outlooks[row.team.index()];
        let name = &names[row.team.index()];
        let points = row.record.points().to_string();
        let (best, worst, status) = (place(o.best), place(o.worst), status(o, league));
        let line = if markdown {
            format!(
                "| {} | {name} | {points} | {} | {best} | {worst} | {status} |",
                row.position, o.left
            )
        } else {
            format!(
                "{:>3}  {name:width$}  {points:>3}  {:>4}  {best:>4}  {worst:>5}  {status}",
                row.position, o.left
            )
        };
        out.push_str(line.trim_end());
        out.push('\n');
    }
    let mut notes = Vec::new();
    if !league.fixtures.is_empty()
        && g.outlooks
            .iter()
            .any(|o| !o.best.is_exact() || !o.worst.is_exact())
    {
        notes.push(
            "a range (such as 3–4): a tie on points may remain that the tiebreak could settle either way"
                .to_string(),
        );
    }
    if !g.cut.is_empty() {
        let cut: Vec<String> = g.cut.iter().map(|c| format!("\"{c}\"")).collect();
        notes.push(format!(
            "the table as it stands stops before {}, which the data does not record: the teams it would separate share a place{}",
            cut.join(", "),
            if league.fixtures.is_empty() {
                ", and their places are a range"
            } else {
                ""
            }
        ));
    }
    if markdown && !notes.is_empty() {
        out.push('\n');
    }
    for note in notes {
        out.push_str(&note);
        out.push('\n');
        if markdown {
            // Each note a paragraph of its own.
            out.push('\n');
        }
    }
    if markdown && out.ends_with("\n\n") {
        out.pop();
    }
    out
}

/// A place as printed: `3`, or a range `3–4`.
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
