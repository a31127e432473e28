//! The words of scenarios: fixtures, results, score conditions and standings, each name escaped
//! for its format.

use super::sentence::{NOBODY, Question, Side, range};
use crate::model::Group;
use crate::report::escape;
use crate::scenarios::condition::{Clause, Constraint, Range, Verdict};
use std::cell::Cell;

use crate::scenarios::place::Tri;
use crate::scenarios::scoreline::Res;
use crate::scenarios::threshold;
use crate::scenarios::{Scenarios, TeamOutlook};

/// The most cases of a condition on the scores text and Markdown spell out.
const MOST_SHOWN: usize = 4;

/// Words for one group's scenarios.
pub struct Words<'a> {
    group: &'a Group,
    scenarios: &'a Scenarios,
    markdown: bool,
    /// The teams' names, escaped.
    names: Vec<String>,
    /// The fixtures, (home, away) by index into `names`.
    fixtures: Vec<(usize, usize)>,
    /// What is left of the budget for looking for thresholds on margins.
    budget: Cell<usize>,
}

/// The scores of a draw whose goals a side are in `low`: "1–1 or higher", "2–2", "0–0 to 1–1".
pub fn draw_scores(low: Range) -> String {
    let score = |n: u32| format!("{n}–{n}");
    match (low.from, low.to) {
        (from, None) => format!("{} or higher", score(from)),
        (from, Some(to)) if from == to => score(from),
        (0, Some(to)) => format!("{} or lower", score(to)),
        (from, Some(to)) => format!("{} to {}", score(from), score(to)),
    }
}

/// `1st`, `2nd`, `3rd`, `4th`...
pub fn ordinal(n: usize) -> String {
    let suffix = match (n % 10, n % 100) {
        (1, 11) | (2, 12) | (3, 13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

impl<'a> Words<'a> {
    /// Words for `scenarios` of `group`, escaped for Markdown or plain text.
    pub fn new(group: &'a Group, scenarios: &'a Scenarios, markdown: bool) -> Words<'a> {
        let mut words = Words {
            group,
            scenarios,
            markdown,
            names: Vec::new(),
            budget: Cell::new(threshold::BUDGET),
            fixtures: scenarios
                .fixtures
                .iter()
                .map(|(h, a)| (h.index(), a.index()))
                .collect(),
        };
        words.names = (0..group.teams.len()).map(|t| words.team_id(t)).collect();
        words
    }

    /// Words from team `t`'s side ([`NOBODY`]'s: naming every team), thresholds on margins
    /// looked for up to the bound searched.
    fn side(&self, t: usize) -> Side<'_> {
        Side::new(&self.names, &self.fixtures, t)
            .past_gaps(self.scenarios.past_gaps)
            .searched(&self.budget)
    }

    /// A name, escaped.
    pub fn escape(&self, name: &str) -> String {
        if self.markdown {
            escape::markdown(name)
        } else {
            escape::plain(name)
        }
    }

    /// A team's name, escaped.
    pub fn team_id(&self, t: usize) -> String {
        self.escape(&self.group.teams[t])
    }

    fn sides(&self, f: usize) -> (String, String) {
        let (h, a) = self.scenarios.fixtures[f];
        (self.team_id(h.index()), self.team_id(a.index()))
    }

    /// Fixture `f`: `Home v Away`, with its round and date where known.
    pub fn fixture(&self, f: usize) -> String {
        let (h, a) = self.sides(f);
        let fixture = &self.group.fixtures[f];
        let mut when = Vec::new();
        if let Some(r) = fixture.round {
            when.push(format!("round {r}"));
        }
        if let Some(d) = fixture.date {
            when.push(d.to_string());
        }
        if when.is_empty() {
            format!("{h} v {a}")
        } else {
            format!("{h} v {a} ({})", when.join(", "))
        }
    }

    /// One result of fixture `f`: "Greece beat Russia", "Greece and Russia draw".
    pub fn result(&self, f: usize, r: Res) -> String {
        let (h, a) = self.sides(f);
        match r {
            Res::Home => format!("{h} beat {a}"),
            Res::Draw => format!("{h} and {a} draw"),
            Res::Away => format!("{a} beat {h}"),
        }
    }

    /// A combination of results.
    pub fn results(&self, results: &[Res]) -> String {
        let parts: Vec<String> = results
            .iter()
            .enumerate()
            .map(|(f, &r)| self.result(f, r))
            .collect();
        parts.join(", ")
    }

    /// Team `t`'s outlook in words: one sentence on going through, said from its side, one
    /// on first place, and its possible places.
    pub fn outlook(&self, t: usize, outlook: &TeamOutlook) -> String {
        let side = self.side(t);
        let combinations = &self.scenarios.combinations;
        let through = side.sentence(
            &self.names[t],
            Question::Through,
            &outlook.advances,
            combinations,
        );
        let first = side.sentence("They", Question::First, &outlook.first, combinations);
        let places = match outlook.places {
            (b, w) if b == w => format!("They finish {}.", ordinal(b)),
            (b, w) => format!("They finish {} to {}.", ordinal(b), ordinal(w)),
        };
        format!("{through}. {first}. {places}")
    }

    /// One fixture's constraint under result `r`.
    fn constraint(&self, c: &Constraint, r: Res) -> String {
        let (h, a) = self.sides(c.fixture);
        let (winner, loser) = match r {
            Res::Away => (a, h),
            _ => (h, a),
        };
        let (margin, low) = c.stated();
        if r == Res::Draw {
            let low = low.unwrap_or(Range {
                from: 0,
                to: c.most,
            });
            return format!("{winner} and {loser} draw {}", draw_scores(low));
        }
        let mut text = format!("{winner} beat {loser}");
        if let Some(m) = &margin {
            text.push_str(&format!(" by {}", range(m)));
        }
        if let Some(l) = &low {
            text.push_str(&format!(", {loser} scoring {}", range(l)));
        }
        text
    }

    fn clause(&self, clause: &Clause, results: &[Res]) -> String {
        let parts: Vec<String> = clause
            .0
            .iter()
            .filter(|c| c.margin.is_some() || c.low.is_some())
            .map(|c| self.constraint(c, results[c.fixture]))
            .collect();
        if parts.is_empty() {
            "whatever the scores".to_string()
        } else {
            parts.join(" and ")
        }
    }

    /// Each shown team's verdict in a combination (searched up to `bound` goals a side): those
    /// it always holds for, then those it depends on the score for, with the condition.
    pub fn verdicts(
        &self,
        verdicts: &[Verdict],
        results: &[Res],
        bound: u32,
        shown: &dyn Fn(usize) -> bool,
    ) -> String {
        let mut parts = Vec::new();
        for (t, v) in verdicts.iter().enumerate() {
            if !shown(t) {
                continue;
            }
            let team = self.team_id(t);
            match v {
                Verdict::Always => parts.push(team),
                Verdict::Never => {}
                Verdict::Unknown => parts.push(format!("{team} (not known: cards or lots)")),
                Verdict::Depends { yes, open } => {
                    // A threshold on margins where the region is one, else its boxes.
                    let side = self.side(NOBODY);
                    let mut ways: Vec<String> =
                        match side.threshold_of(t, v, Tri::Yes, results, bound) {
                            Some(said) => vec![said],
                            None => yes.iter().map(|c| self.clause(c, results)).collect(),
                        };
                    let perhaps = match side.threshold_of(t, v, Tri::Open, results, bound) {
                        Some(said) => vec![said],
                        None => open.iter().map(|c| self.clause(c, results)).collect(),
                    };
                    ways.extend(
                        perhaps
                            .into_iter()
                            .map(|c| format!("perhaps (cards or lots) if {c}")),
                    );
                    // A condition no few boxes of margins describe (a goal difference to
                    // overturn across two matches) is shortened: JSON lists every box.
                    if ways.len() > MOST_SHOWN {
                        let more = ways.len() - MOST_SHOWN;
                        ways.truncate(MOST_SHOWN);
                        ways.push(format!(
                            "… {more} more case(s) of the scores (`--format json` lists them all)"
                        ));
                    }
                    // Conditions seen to hold only as far as the scores searched
                    // (scenarios::beyond) say how far that was, once.
                    let most = yes
                        .iter()
                        .chain(open)
                        .flat_map(|c| &c.0)
                        .find_map(|c| c.most);
                    let team = match most {
                        Some(most) => format!("{team}, at scores up to {most} goals a side,"),
                        None => team,
                    };
                    parts.push(format!("{team} if {}", ways.join("; or ")));
                }
            }
        }
        parts.join(" · ")
    }
}
