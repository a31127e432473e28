//! `standings scenarios` output: text a person reads at a glance, Markdown, and JSON for
//! scripts ([`json`]). Every renderer reads the same [`GroupScenarios`]; the words for results,
//! scores and conditions are in [`words`].

pub mod json;
pub mod sentence;
pub mod words;

use crate::model::Group;
use crate::scenarios::Scenarios;
use crate::scenarios::place::Unknown;
use crate::scenarios::summary::Status;
use words::Words;

/// One group's scenarios, with the group they are of.
pub struct GroupScenarios<'a> {
    /// The group (names, fixtures' dates and rounds).
    pub group: &'a Group,
    /// Its scenarios.
    pub scenarios: Scenarios,
}

/// The output formats of `scenarios`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Plain text.
    Text,
    /// JSON (versioned; `standings schema scenarios`).
    Json,
    /// Markdown.
    Markdown,
}

/// Renders `groups` in `format`, each team's outlook and every combination, for the teams
/// `teams` names (every team when empty).
pub fn render(groups: &[GroupScenarios<'_>], format: Format, teams: &[String]) -> String {
    match format {
        Format::Json => json::render(groups, teams),
        Format::Text => prose(groups, teams, false),
        Format::Markdown => prose(groups, teams, true),
    }
}

/// Text or Markdown: per group, the fixtures, each team's outlook, then each combination.
fn prose(groups: &[GroupScenarios<'_>], teams: &[String], markdown: bool) -> String {
    let mut out = String::new();
    for (i, g) in groups.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        let w = Words::new(g.group, &g.scenarios, markdown);
        let s = &g.scenarios;
        let shown = |t: usize| teams.is_empty() || teams.contains(&g.group.teams[t]);
        let name = w.escape(&g.group.name);
        let searched = if s.past_gaps {
            format!(
                "scores searched past every gap in goals that matters (up to {} goals a side)",
                s.bound
            )
        } else {
            format!(
                "scores searched up to {} goals a side: what it says holds at those scores only",
                s.bound
            )
        };
        let head = format!(
            "{name}: {} fixture(s) to play; {} advance; {searched}",
            s.fixtures.len(),
            s.advance,
        );
        if markdown {
            out.push_str(&format!("## {head}\n\n"));
        } else {
            out.push_str(&format!("{head}\n"));
        }
        for f in 0..s.fixtures.len() {
            let line = w.fixture(f);
            out.push_str(&if markdown {
                format!("{}. {line}\n", f + 1)
            } else {
                format!("  {}. {line}\n", f + 1)
            });
        }
        out.push_str(if markdown {
            "\n### Teams\n\n"
        } else {
            "\nTeams\n"
        });
        for (t, outlook) in s.teams.iter().enumerate() {
            if !shown(t) {
                continue;
            }
            let line = w.outlook(t, outlook);
            out.push_str(&if markdown {
                format!("- {line}\n")
            } else {
                format!("  {line}\n")
            });
        }
        out.push_str(if markdown {
            "\n### Every combination of results\n\n"
        } else {
            "\nEvery combination of results\n"
        });
        for (ci, c) in s.combinations.iter().enumerate() {
            let results = w.results(&c.results);
            out.push_str(&if markdown {
                format!("{}. {results}\n", ci + 1)
            } else {
                format!("  {}. {results}\n", ci + 1)
            });
            for (label, verdicts) in [("through", &c.advances), ("first", &c.first)] {
                let said = w.verdicts(verdicts, &c.results, c.bound, &shown);
                if !said.is_empty() {
                    out.push_str(&if markdown {
                        format!("   - {label}: {said}\n")
                    } else {
                        format!("       {label}: {said}\n")
                    });
                }
            }
            if !c.unknown.is_empty() {
                let why: Vec<&str> = c.unknown.iter().map(|u| unknown_words(*u)).collect();
                let line = format!("open: some orders rest on {}", why.join(", "));
                out.push_str(&if markdown {
                    format!("   - {line}\n")
                } else {
                    format!("       {line}\n")
                });
            }
        }
    }
    out
}

/// What an order resting on `u` rests on, in words.
pub fn unknown_words(u: Unknown) -> &'static str {
    match u {
        Unknown::FairPlay => "cards in the matches to play (fair play)",
        Unknown::Lots => "a drawing of lots (or teams left level)",
        Unknown::ShootOut => "a shoot-out after a drawn match to play",
        Unknown::Data => "a value the data does not record",
    }
}

/// Whether a status is settled.
pub fn settled(status: &Status) -> bool {
    matches!(status, Status::Clinched | Status::Eliminated)
}
