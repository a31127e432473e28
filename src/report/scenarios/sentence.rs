//! A team's outlook in one sentence, said from its side ("they beat Russia") and naming the
//! others ("Poland do not lose to Czechia"): the results that settle it whatever the scores,
//! then the score conditions of the combinations where the scores decide it, each stated with
//! its results, then what rests on data nobody has yet (cards, lots, a shoot-out).

use crate::scenarios::Combination;
use crate::scenarios::condition::{Clause, Constraint, Range, Verdict};
use crate::scenarios::place::Unknown;
use crate::scenarios::scoreline::Res;
use crate::scenarios::summary::{Pending, Results, Status};

/// The most boxes of one combination a sentence spells out; past it, the sentence names the
/// combination, whose own line (and the JSON) gives the scores.
pub const SPELLED: usize = 2;

/// The question a sentence answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Question {
    /// A qualifying place.
    Through,
    /// First place.
    First,
}

impl Question {
    fn verb(self) -> &'static str {
        match self {
            Question::Through => "go through",
            Question::First => "finish first",
        }
    }

    /// The team's verdict on this question in combination `c`.
    fn verdict(self, c: &Combination, team: usize) -> &Verdict {
        match self {
            Question::Through => &c.advances[team],
            Question::First => &c.first[team],
        }
    }
}

/// Words from one team's side: it is "they" (or "them"), every other team its name.
pub struct Side<'a> {
    names: &'a [String],
    fixtures: &'a [(usize, usize)],
    team: usize,
    /// Whether what is clinched or out of reach holds past the scores searched
    /// ([`crate::scenarios::Scenarios::past_gaps`]).
    past_gaps: bool,
}

/// A range of goals: "2 or more", "exactly 1", "1 to 3", "at most 2".
pub fn range(r: &Range) -> String {
    match (r.from, r.to) {
        (from, None) => format!("{from} or more"),
        (from, Some(to)) if from == to => format!("exactly {from}"),
        (0, Some(to)) => format!("at most {to}"),
        (from, Some(to)) => format!("{from} to {to}"),
    }
}

/// What an order rests on, in a few words ("fair play or lots").
pub fn on_words(on: &[Unknown]) -> String {
    let words: Vec<&str> = on
        .iter()
        .map(|u| match u {
            Unknown::FairPlay => "fair play",
            Unknown::Lots => "lots",
            Unknown::ShootOut => "a shoot-out",
            Unknown::Data => "a value the data does not record",
        })
        .collect();
    if words.is_empty() {
        "data nobody has yet".into()
    } else {
        words.join(" or ")
    }
}

impl<'a> Side<'a> {
    /// Words from the side of `team` (an index into `names`), the fixtures given as (home,
    /// away) indices into `names`, the names already escaped for the output.
    pub fn new(names: &'a [String], fixtures: &'a [(usize, usize)], team: usize) -> Side<'a> {
        Side {
            names,
            fixtures,
            team,
            past_gaps: false,
        }
    }

    /// The same words, saying what is clinched or out of reach holds at any score (the search
    /// went past every gap in goals that matters) rather than "at every score searched".
    pub fn past_gaps(self, past_gaps: bool) -> Side<'a> {
        Side { past_gaps, ..self }
    }

    fn subject(&self, t: usize) -> &str {
        if t == self.team {
            "they"
        } else {
            &self.names[t]
        }
    }

    fn object(&self, t: usize) -> &str {
        if t == self.team {
            "them"
        } else {
            &self.names[t]
        }
    }

    /// One result of fixture `f`: "they beat Russia", "Poland beat them", "they draw with
    /// Russia", "Poland and Czechia draw".
    pub fn result(&self, f: usize, r: Res) -> String {
        let (h, a) = self.fixtures[f];
        match r {
            Res::Home => format!("{} beat {}", self.subject(h), self.object(a)),
            Res::Away => format!("{} beat {}", self.subject(a), self.object(h)),
            Res::Draw if h == self.team => format!("they draw with {}", self.names[a]),
            Res::Draw if a == self.team => format!("they draw with {}", self.names[h]),
            Res::Draw => format!("{} and {} draw", self.names[h], self.names[a]),
        }
    }

    /// `x` do not lose to `y`, from the team's side.
    fn no_loss(&self, x: usize, y: usize) -> String {
        if y == self.team {
            format!("they do not beat {}", self.names[x])
        } else {
            format!("{} do not lose to {}", self.subject(x), self.names[y])
        }
    }

    /// The results allowed in fixture `f` (in [`Res::ALL`]'s order): "they do not lose to
    /// Russia", "they do not beat Poland", "Poland and Czechia do not draw".
    pub fn allowed(&self, f: usize, rs: &[Res]) -> String {
        let (h, a) = self.fixtures[f];
        match rs {
            [one] => self.result(f, *one),
            [Res::Home, Res::Draw] => self.no_loss(h, a),
            [Res::Draw, Res::Away] => self.no_loss(a, h),
            _ if h == self.team => format!("they do not draw with {}", self.names[a]),
            _ if a == self.team => format!("they do not draw with {}", self.names[h]),
            _ => format!("{} and {} do not draw", self.names[h], self.names[a]),
        }
    }

    /// Results that hold together, joined by "and".
    pub fn sure(&self, results: &Results) -> String {
        if results.0.is_empty() {
            return "whatever the results".into();
        }
        let parts: Vec<String> = results
            .0
            .iter()
            .map(|(f, rs)| self.allowed(*f, rs))
            .collect();
        parts.join(" and ")
    }

    /// One fixture's constraint under result `r`: "Poland beat them by 2 or more, conceding at
    /// most 1", "they draw with Russia 1–1 or higher".
    pub fn constraint(&self, c: &Constraint, r: Res) -> String {
        let (h, a) = self.fixtures[c.fixture];
        let plain = self.result(c.fixture, r);
        if r == Res::Draw {
            let Some(low) = c.low else {
                return plain;
            };
            let score = |n: u32| format!("{n}–{n}");
            let scores = match (low.from, low.to) {
                (from, None) => format!("{} or higher", score(from)),
                (from, Some(to)) if from == to => score(from),
                (0, Some(to)) => format!("{} or lower", score(to)),
                (from, Some(to)) => format!("{} to {}", score(from), score(to)),
            };
            return format!("{plain} {scores}");
        }
        let (winner, loser) = if r == Res::Away { (a, h) } else { (h, a) };
        let mut text = format!("{} beat {}", self.subject(winner), self.object(loser));
        if let Some(m) = &c.margin {
            text.push_str(&format!(" by {}", range(m)));
        }
        match c.low {
            None => {}
            Some(Range {
                from: 0,
                to: Some(0),
            }) => text.push_str(" without conceding"),
            Some(l) => text.push_str(&format!(", conceding {}", range(&l))),
        }
        text
    }

    /// Every fixture of a combination with `results` as `clause` constrains it (a fixture it
    /// leaves free: its result), joined by "and".
    pub fn clause(&self, clause: &Clause, results: &[Res]) -> String {
        let parts: Vec<String> = results
            .iter()
            .enumerate()
            .map(|(f, &r)| match clause.0.iter().find(|c| c.fixture == f) {
                Some(c) => self.constraint(c, r),
                None => self.result(f, r),
            })
            .collect();
        let text = parts.join(" and ");
        // Seen to hold only as far as the scores searched (scenarios::beyond).
        match clause.0.iter().find_map(|c| c.most) {
            Some(most) => format!("{text} (with at most {most} goals a side)"),
            None => text,
        }
    }

    /// Every result of a combination, joined by "and".
    pub fn results(&self, results: &[Res]) -> String {
        let parts: Vec<String> = results
            .iter()
            .enumerate()
            .map(|(f, &r)| self.result(f, r))
            .collect();
        parts.join(" and ")
    }

    /// The ways (alternatives) the clauses of combination `index` (with `results`) say: each
    /// clause spelled out, or, past [`SPELLED`] of them, the results and the combination's
    /// number.
    fn ways(&self, clauses: &[Clause], results: &[Res], index: usize) -> Vec<String> {
        if clauses.len() <= SPELLED {
            clauses.iter().map(|c| self.clause(c, results)).collect()
        } else {
            vec![format!(
                "{} at some scores (combination {})",
                self.results(results),
                index + 1
            )]
        }
    }

    /// The sentence on `question` for a team with `status`, the combinations being
    /// `combinations`; `who` is its subject ("Greece", or "They" after another sentence).
    pub fn sentence(
        &self,
        who: &str,
        question: Question,
        status: &Status,
        combinations: &[Combination],
    ) -> String {
        let verb = question.verb();
        let (sure, score, unknown) = match status {
            // Established for the scorelines searched; beyond them too when the search went
            // past every gap in goals that matters (docs/scenarios.md).
            Status::Clinched if self.past_gaps => return format!("{who} {verb} whatever happens"),
            Status::Eliminated if self.past_gaps => return format!("{who} cannot {verb}"),
            Status::Clinched => return format!("{who} {verb} at every score searched"),
            Status::Eliminated => return format!("{who} cannot {verb} at any score searched"),
            Status::Open {
                sure,
                score,
                unknown,
            } => (sure, score, unknown),
        };
        let mut ways: Vec<String> = sure.iter().map(|r| self.sure(r)).collect();
        for &i in score {
            let c = &combinations[i];
            if let Verdict::Depends { yes, .. } = question.verdict(c, self.team) {
                ways.extend(self.ways(yes, &c.results, i));
            }
        }
        let perhaps = self.pending(question, unknown, combinations);
        match (ways.is_empty(), perhaps.is_empty()) {
            (false, true) => format!("{who} {verb} if {}", ways.join(", or ")),
            (false, false) => format!(
                "{who} {verb} if {}; or perhaps, {}",
                ways.join(", or "),
                perhaps.join("; or perhaps, ")
            ),
            (true, _) => format!("{who} can {verb} only {}", perhaps.join(", or ")),
        }
    }

    /// What rests on data nobody has yet, grouped by what it rests on: "on fair play or lots,
    /// if ...".
    fn pending(
        &self,
        question: Question,
        unknown: &[Pending],
        combinations: &[Combination],
    ) -> Vec<String> {
        let mut groups: Vec<(&[Unknown], Vec<String>)> = Vec::new();
        for p in unknown {
            let c = &combinations[p.combination];
            let ways = match question.verdict(c, self.team) {
                Verdict::Depends { open, .. } => self.ways(open, &c.results, p.combination),
                _ => vec![self.results(&c.results)],
            };
            match groups.iter_mut().find(|(on, _)| *on == p.on.as_slice()) {
                Some((_, all)) => all.extend(ways),
                None => groups.push((&p.on, ways)),
            }
        }
        groups
            .into_iter()
            .map(|(on, ways)| format!("on {}, if {}", on_words(on), ways.join(", or ")))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use pretty_assertions::assert_eq;
    use rstest::rstest;

    use super::*;
    use crate::scenarios::condition::Constraint;
    use crate::scenarios::scoreline::Res::{Away, Draw, Home};

    /// Greece (0), Russia (1), Poland (2), Czechia (3); fixture 0 Greece v Russia, fixture 1
    /// Poland v Czechia.
    fn names() -> Vec<String> {
        ["Greece", "Russia", "Poland", "Czechia"]
            .map(String::from)
            .to_vec()
    }
    const FIXTURES: [(usize, usize); 2] = [(0, 1), (2, 3)];

    fn range(from: u32, to: Option<u32>) -> Option<Range> {
        Some(Range { from, to })
    }

    #[rstest]
    #[case(0, 0, Home, "they beat Russia")]
    #[case(0, 0, Draw, "they draw with Russia")]
    #[case(0, 0, Away, "Russia beat them")]
    #[case(1, 0, Home, "Greece beat them")]
    #[case(1, 0, Draw, "they draw with Greece")]
    #[case(1, 0, Away, "they beat Greece")]
    #[case(0, 1, Home, "Poland beat Czechia")]
    #[case(0, 1, Draw, "Poland and Czechia draw")]
    #[case(0, 1, Away, "Czechia beat Poland")]
    fn a_result_from_the_teams_side(
        #[case] team: usize,
        #[case] fixture: usize,
        #[case] r: Res,
        #[case] said: &str,
    ) {
        let names = names();
        assert_eq!(Side::new(&names, &FIXTURES, team).result(fixture, r), said);
    }

    #[rstest]
    #[case(0, 0, vec![Home, Draw], "they do not lose to Russia")]
    #[case(0, 0, vec![Draw, Away], "they do not beat Russia")]
    #[case(0, 0, vec![Home, Away], "they do not draw with Russia")]
    #[case(1, 0, vec![Home, Draw], "they do not beat Greece")]
    #[case(1, 0, vec![Draw, Away], "they do not lose to Greece")]
    #[case(1, 0, vec![Home, Away], "they do not draw with Greece")]
    #[case(0, 1, vec![Home, Draw], "Poland do not lose to Czechia")]
    #[case(0, 1, vec![Draw, Away], "Czechia do not lose to Poland")]
    #[case(0, 1, vec![Home, Away], "Poland and Czechia do not draw")]
    #[case(0, 1, vec![Away], "Czechia beat Poland")]
    fn results_allowed_from_the_teams_side(
        #[case] team: usize,
        #[case] fixture: usize,
        #[case] rs: Vec<Res>,
        #[case] said: &str,
    ) {
        let names = names();
        assert_eq!(
            Side::new(&names, &FIXTURES, team).allowed(fixture, &rs),
            said
        );
    }

    #[rstest]
    #[case(0, Home, range(2, None), None, "they beat Russia by 2 or more")]
    #[case(
        0,
        Away,
        range(1, Some(1)),
        range(0, Some(0)),
        "Russia beat them by exactly 1 without conceding"
    )]
    #[case(
        0,
        Away,
        None,
        range(0, Some(1)),
        "Russia beat them, conceding at most 1"
    )]
    #[case(
        1,
        Home,
        range(1, Some(3)),
        range(2, None),
        "Poland beat Czechia by 1 to 3, conceding 2 or more"
    )]
    #[case(0, Draw, None, range(1, None), "they draw with Russia 1–1 or higher")]
    #[case(0, Draw, None, range(0, Some(1)), "they draw with Russia 1–1 or lower")]
    #[case(1, Draw, None, range(2, Some(2)), "Poland and Czechia draw 2–2")]
    #[case(1, Draw, None, None, "Poland and Czechia draw")]
    fn a_score_condition_from_the_teams_side(
        #[case] fixture: usize,
        #[case] r: Res,
        #[case] margin: Option<Range>,
        #[case] low: Option<Range>,
        #[case] said: &str,
    ) {
        let names = names();
        let c = Constraint {
            fixture,
            margin,
            low,
            most: None,
        };
        assert_eq!(Side::new(&names, &FIXTURES, 0).constraint(&c, r), said);
    }

    /// A combination of `results` where Greece's (team 0's) verdict on going through is
    /// `through`, and on first place never.
    fn combination(results: Vec<Res>, through: Verdict, unknown: Vec<Unknown>) -> Combination {
        Combination {
            results,
            bound: 3,
            past_gaps: false,
            first: vec![Verdict::Never; 4],
            advances: vec![through, Verdict::Never, Verdict::Never, Verdict::Never],
            places: vec![(1, 4); 4],
            unknown,
        }
    }

    /// Poland beat Czechia by 2 or more (fixture 1), and Poland win by exactly 1.
    fn by_two() -> Clause {
        Clause(vec![Constraint {
            fixture: 1,
            margin: range(2, None),
            low: None,
            most: None,
        }])
    }
    fn by_one() -> Clause {
        Clause(vec![Constraint {
            fixture: 1,
            margin: range(1, Some(1)),
            low: None,
            most: None,
        }])
    }

    /// The issue's example: Greece go through if they beat Russia (whatever else), or draw and
    /// Poland do not win by two or more: with Greece drawing, through whatever Czechia do
    /// against Poland but a Poland win by 2 or more. In combinations (fixture 0's result
    /// fastest): 1 (Greece win, Poland win) 2 (draw, Poland win) ... 9 (Russia win, Czechia
    /// win).
    fn euro_2012ish() -> (Status, Vec<Combination>) {
        let mut cs = Vec::new();
        for r1 in Res::ALL {
            for r0 in Res::ALL {
                let through = match (r0, r1) {
                    (Home, _) | (Draw, Draw | Away) => Verdict::Always,
                    (Draw, Home) => Verdict::Depends {
                        yes: vec![by_one()],
                        open: vec![],
                    },
                    _ => Verdict::Never,
                };
                cs.push(combination(vec![r0, r1], through, vec![]));
            }
        }
        let status = Status::Open {
            sure: vec![
                Results(vec![(0, vec![Home])]),
                Results(vec![(0, vec![Draw]), (1, vec![Draw, Away])]),
            ],
            score: vec![1],
            unknown: vec![],
        };
        (status, cs)
    }

    #[test]
    fn the_issues_example_in_one_sentence() {
        let names = names();
        let (status, cs) = euro_2012ish();
        assert_eq!(
            Side::new(&names, &FIXTURES, 0).sentence("Greece", Question::Through, &status, &cs),
            "Greece go through if they beat Russia, or they draw with Russia and Czechia do not \
             lose to Poland, or they draw with Russia and Poland beat Czechia by exactly 1"
        );
    }

    #[rstest]
    #[case::clinched(Status::Clinched, "Greece go through at every score searched")]
    #[case::eliminated(Status::Eliminated, "Greece cannot go through at any score searched")]
    // Poland's win by 2 or more puts Greece through; by exactly 1 it rests on lots.
    #[case::score_and_lots(
        Status::Open { sure: vec![], score: vec![1], unknown: vec![Pending { combination: 1, on: vec![Unknown::Lots] }] },
        "Greece go through if they draw with Russia and Poland beat Czechia by 2 or more; or \
         perhaps, on lots, if they draw with Russia and Poland beat Czechia by exactly 1"
    )]
    // Only the lots (combination 5, both draws, at every score): nothing the scores settle.
    #[case::lots_alone(
        Status::Open { sure: vec![], score: vec![], unknown: vec![Pending { combination: 4, on: vec![Unknown::FairPlay, Unknown::Lots] }] },
        "Greece can go through only on fair play or lots, if they draw with Russia and Poland and \
         Czechia draw"
    )]
    fn sentences(#[case] status: Status, #[case] said: &str) {
        let names = names();
        let mut cs: Vec<Combination> = (0..9)
            .map(|i| {
                combination(
                    vec![Res::ALL[i % 3], Res::ALL[i / 3]],
                    Verdict::Never,
                    vec![],
                )
            })
            .collect();
        cs[1].advances[0] = Verdict::Depends {
            yes: vec![by_two()],
            open: vec![by_one()],
        };
        cs[4].advances[0] = Verdict::Unknown;
        assert_eq!(
            Side::new(&names, &FIXTURES, 0).sentence("Greece", Question::Through, &status, &cs),
            said
        );
    }

    /// Past [`SPELLED`] boxes, the combination is named rather than spelled.
    #[test]
    fn many_boxes_name_their_combination() {
        let names = names();
        let box_at = |m: u32| {
            Clause(vec![Constraint {
                fixture: 1,
                margin: range(m, Some(m)),
                low: range(m, Some(m)),
                most: None,
            }])
        };
        let mut cs: Vec<Combination> = (0..9)
            .map(|i| {
                combination(
                    vec![Res::ALL[i % 3], Res::ALL[i / 3]],
                    Verdict::Never,
                    vec![],
                )
            })
            .collect();
        cs[2].advances[1] = Verdict::Depends {
            yes: vec![box_at(1), box_at(2), box_at(3)],
            open: vec![],
        };
        let status = Status::Open {
            sure: vec![Results(vec![(0, vec![Home])])],
            score: vec![2],
            unknown: vec![],
        };
        assert_eq!(
            Side::new(&names, &FIXTURES, 1).sentence("They", Question::Through, &status, &cs),
            "They go through if Greece beat them, or they beat Greece and Poland beat Czechia at \
             some scores (combination 3)"
        );
    }
}
