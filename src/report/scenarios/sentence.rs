//! A team's outlook in one sentence, said from its side ("they beat Russia") and naming the
//! others ("Poland do not lose to Czechia"): the results that settle it whatever the scores,
//! then the score conditions of the combinations where the scores decide it, each stated with
//! its results, then what rests on data nobody has yet (cards, lots, a shoot-out).

use std::cell::Cell;

use crate::scenarios::Combination;
use crate::scenarios::condition::{Clause, Constraint, Range, Verdict};
use crate::scenarios::place::{Tri, Unknown};
use crate::scenarios::scoreline::Res;
use crate::scenarios::summary::{Pending, Results, Status};
use crate::scenarios::threshold::{self, Cmp, Goals, Threshold};

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
    /// What is left of the budget for looking for thresholds.
    search: Option<&'a Cell<usize>>,
}

/// The team of a [`Side`] that is nobody's: every team named.
pub const NOBODY: usize = usize::MAX;

/// "1 goal", "2 goals".
fn goals(n: i64) -> String {
    if n == 1 {
        "1 goal".into()
    } else {
        format!("{n} goals")
    }
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
            search: None,
        }
    }

    /// The same words, looking for thresholds on margins ([`threshold::find`]) over each
    /// combination's scorelines searched, as long as `budget` lasts (shared by every [`Side`]
    /// of a group's output, see [`threshold::BUDGET`]).
    pub fn searched(self, budget: &'a Cell<usize>) -> Side<'a> {
        Side {
            search: Some(budget),
            ..self
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
        let (margin, low) = c.stated();
        if r == Res::Draw {
            let Some(low) = low else {
                return plain;
            };
            return format!("{plain} {}", super::words::draw_scores(low));
        }
        let (winner, loser) = if r == Res::Away { (a, h) } else { (h, a) };
        let mut text = format!("{} beat {}", self.subject(winner), self.object(loser));
        if let Some(m) = &margin {
            text.push_str(&format!(" by {}", range(m)));
        }
        match low {
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
            Some(most) => format!("{text}, at scores up to {most} goals a side"),
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

    /// The region of `verdict` (team `team`'s, whose goals are tried first for an equality
    /// case) where it says `want`, as a threshold on margins in words, if it has more than one
    /// box and is one (and the bound is known).
    pub fn threshold_of(
        &self,
        team: usize,
        verdict: &Verdict,
        want: Tri,
        results: &[Res],
        bound: u32,
    ) -> Option<String> {
        let Verdict::Depends { yes, open } = verdict else {
            return None;
        };
        let clauses = if want == Tri::Yes { yes } else { open };
        if clauses.len() < 2 {
            return None;
        }
        let counted: Vec<bool> = (0..results.len())
            .map(|f| {
                yes.iter()
                    .chain(open)
                    .flat_map(|c| &c.0)
                    .any(|c| c.fixture == f && c.margin.is_some())
            })
            .collect();
        let budget = self.search?;
        let mut left = budget.get();
        let found = threshold::find(
            results,
            self.fixtures,
            bound,
            &counted,
            team,
            yes.len() + open.len(),
            &mut left,
            |scores| verdict.at(scores) == want,
        );
        budget.set(left);
        Some(self.threshold(&found?, results))
    }

    /// Whose margin fixture `f` (with result `r`) gives: "Germany's margin over them".
    fn margin(&self, f: usize, r: Res) -> String {
        let (h, a) = self.fixtures[f];
        let (w, l) = if r == Res::Away { (a, h) } else { (h, a) };
        if w == self.team {
            format!("their margin over {}", self.names[l])
        } else {
            format!("{}'s margin over {}", self.names[w], self.object(l))
        }
    }

    /// Goals in the matches to play compared: "they score at least 3 goals more than
    /// Switzerland in the matches to play".
    pub fn goals(&self, g: &Goals) -> String {
        let who = self.subject(g.team);
        let compared = match (g.rival, g.cmp) {
            (None, Cmp::AtLeast(n)) => format!("{} or more", goals(n)),
            (None, Cmp::Exactly(n)) => format!("exactly {}", goals(n)),
            (Some(r), cmp) => {
                let r = self.object(r);
                match cmp {
                    Cmp::AtLeast(1) => format!("more goals than {r}"),
                    Cmp::AtLeast(0) => format!("at least as many goals as {r}"),
                    Cmp::AtLeast(n) if n > 1 => format!("at least {} more than {r}", goals(n)),
                    Cmp::AtLeast(n) => format!("at most {} fewer than {r}", goals(-n)),
                    Cmp::Exactly(0) => format!("as many goals as {r}"),
                    Cmp::Exactly(n) if n > 0 => format!("exactly {} more than {r}", goals(n)),
                    Cmp::Exactly(n) => format!("exactly {} fewer than {r}", goals(-n)),
                }
            }
        };
        format!("{who} score {compared} in the matches to play")
    }

    /// A threshold with the results of its combination: "Germany beat Switzerland and they beat
    /// Hungary by 7 or more goals between them (or by exactly 6, if they score at least 3
    /// goals more than Switzerland in the matches to play)".
    pub fn threshold(&self, t: &Threshold, results: &[Res]) -> String {
        let with = |sign: i8| -> Vec<usize> {
            (0..results.len()).filter(|&f| t.signs[f] == sign).collect()
        };
        let (zero, mut plus, mut minus) = (with(0), with(1), with(-1));
        // An exact difference of margins reads better positive: counted the other way.
        let mut sum = t.sum;
        if let Cmp::Exactly(n) = sum
            && n < 0
            && !plus.is_empty()
            && !minus.is_empty()
        {
            std::mem::swap(&mut plus, &mut minus);
            sum = Cmp::Exactly(-n);
        }
        let said = |fs: &[usize]| -> String {
            let parts: Vec<String> = fs.iter().map(|&f| self.result(f, results[f])).collect();
            parts.join(" and ")
        };
        let between = if plus.len() + minus.len() > 1 {
            " goals between them"
        } else {
            ""
        };
        let goals = t.goals.as_ref().map(|g| self.goals(g));
        let margins = if minus.is_empty() || plus.is_empty() {
            // One direction: the margins' sum ("by 7 or more"), or for margins counted against,
            // its negation ("by at most 5").
            let (fs, flip) = if minus.is_empty() {
                (&plus, 1)
            } else {
                (&minus, -1)
            };
            let by = |n: i64| match (sum, flip) {
                (Cmp::AtLeast(_), 1) => format!("by {n} or more{between}"),
                (Cmp::AtLeast(_), _) => format!("by at most {n}{between}"),
                (Cmp::Exactly(_), _) => format!("by exactly {n}{between}"),
            };
            let n = match sum {
                Cmp::AtLeast(n) | Cmp::Exactly(n) => flip * n,
            };
            match (sum, goals) {
                (Cmp::AtLeast(_), Some(g)) => format!(
                    "{} {} (or by exactly {}, if {g})",
                    said(fs),
                    by(n),
                    n - flip
                ),
                (Cmp::Exactly(_), Some(g)) => format!("{} {} and {g}", said(fs), by(n)),
                (_, None) => format!("{} {}", said(fs), by(n)),
            }
        } else {
            let named: Vec<usize> = (0..results.len()).filter(|&f| t.signs[f] != 0).collect();
            let plus: Vec<String> = plus.iter().map(|&f| self.margin(f, results[f])).collect();
            let minus: Vec<String> = minus.iter().map(|&f| self.margin(f, results[f])).collect();
            let difference = format!("{} less {}", plus.join(" plus "), minus.join(" less "));
            match (sum, goals) {
                (Cmp::AtLeast(n), None) => {
                    format!("{}, with {difference} at least {n}", said(&named))
                }
                (Cmp::AtLeast(n), Some(g)) => format!(
                    "{}, with {difference} at least {n} (or exactly {}, if {g})",
                    said(&named),
                    n - 1
                ),
                (Cmp::Exactly(n), None) => {
                    format!("{}, with {difference} exactly {n}", said(&named))
                }
                (Cmp::Exactly(n), Some(g)) => {
                    format!("{}, with {difference} exactly {n}, and {g}", said(&named))
                }
            }
        };
        if zero.is_empty() {
            margins
        } else {
            format!("{} and {margins}", said(&zero))
        }
    }

    /// The ways (alternatives) combination `index` (with `results`) gives where `verdict` says
    /// `want`: a threshold on margins where its region is one, else each box spelled out, or,
    /// past [`SPELLED`] of them, the results and the combination's number.
    fn ways(&self, verdict: &Verdict, want: Tri, c: &Combination, index: usize) -> Vec<String> {
        let results = &c.results;
        if let Some(said) = self.threshold_of(self.team, verdict, want, results, c.bound) {
            // Boxes seen to hold only as far as the scores searched (scenarios::beyond): the
            // threshold, found over the same scores, says how far that was.
            let most = match verdict {
                Verdict::Depends { yes, open } => yes
                    .iter()
                    .chain(open)
                    .flat_map(|c| &c.0)
                    .find_map(|c| c.most),
                _ => None,
            };
            return vec![match most {
                Some(most) => format!("{said}, at scores up to {most} goals a side"),
                None => said,
            }];
        }
        let clauses = match verdict {
            Verdict::Depends { yes, .. } if want == Tri::Yes => yes,
            Verdict::Depends { open, .. } => open,
            _ => return vec![self.results(results)],
        };
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
            let verdict = question.verdict(c, self.team);
            if let Verdict::Depends { yes, .. } = verdict
                && !yes.is_empty()
            {
                ways.extend(self.ways(verdict, Tri::Yes, c, i));
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
            let ways = self.ways(question.verdict(c, self.team), Tri::Open, c, p.combination);
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
    use crate::scenarios::threshold::{Cmp, Goals, Threshold};

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
    /// The nine combinations of two fixtures, fixture 0's result varying fastest, each going
    /// through for nobody: the cases then set the verdicts they test.
    fn all_never() -> Vec<Combination> {
        (0..9)
            .map(|i| {
                combination(
                    vec![Res::ALL[i % 3], Res::ALL[i / 3]],
                    Verdict::Never,
                    vec![],
                )
            })
            .collect()
    }

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
        let mut cs = all_never();
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
        let mut cs = all_never();
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

    fn threshold(signs: Vec<i8>, sum: Cmp, goals: Option<Goals>) -> Threshold {
        Threshold { signs, sum, goals }
    }

    fn goals(team: usize, rival: Option<usize>, cmp: Cmp) -> Option<Goals> {
        Some(Goals { team, rival, cmp })
    }

    /// Thresholds in words from Greece's side (team 0), both fixtures won at home (Greece beat
    /// Russia, Poland beat Czechia) unless a case says otherwise.
    #[rstest]
    #[case(threshold(vec![1, 1], Cmp::AtLeast(4), None), vec![Home, Home],
           "they beat Russia and Poland beat Czechia by 4 or more goals between them")]
    #[case(threshold(vec![-1, -1], Cmp::AtLeast(-3), None), vec![Home, Home],
           "they beat Russia and Poland beat Czechia by at most 3 goals between them")]
    #[case(threshold(vec![1, 1], Cmp::AtLeast(4), goals(0, Some(2), Cmp::AtLeast(3))), vec![Home, Home],
           "they beat Russia and Poland beat Czechia by 4 or more goals between them (or by exactly \
            3, if they score at least 3 goals more than Poland in the matches to play)")]
    #[case(threshold(vec![-1, -1], Cmp::AtLeast(-5), goals(2, Some(0), Cmp::AtLeast(-1))), vec![Home, Home],
           "they beat Russia and Poland beat Czechia by at most 5 goals between them (or by exactly \
            6, if Poland score at most 1 goal fewer than them in the matches to play)")]
    #[case(threshold(vec![1, 1], Cmp::Exactly(6), goals(0, Some(2), Cmp::Exactly(2))), vec![Home, Home],
           "they beat Russia and Poland beat Czechia by exactly 6 goals between them and they score \
            exactly 2 goals more than Poland in the matches to play")]
    #[case(threshold(vec![1, 1], Cmp::Exactly(2), goals(3, None, Cmp::AtLeast(1))), vec![Away, Home],
           "Russia beat them and Poland beat Czechia by exactly 2 goals between them and Czechia \
            score 1 goal or more in the matches to play")]
    #[case(threshold(vec![1, -1], Cmp::AtLeast(2), None), vec![Away, Home],
           "Russia beat them and Poland beat Czechia, with Russia's margin over them less Poland's \
            margin over Czechia at least 2")]
    #[case(threshold(vec![-1, 1], Cmp::AtLeast(0), goals(0, Some(3), Cmp::AtLeast(0))), vec![Home, Away],
           "they beat Russia and Czechia beat Poland, with Czechia's margin over Poland less their \
            margin over Russia at least 0 (or exactly -1, if they score at least as many goals as \
            Czechia in the matches to play)")]
    // A margin not counted: its result first.
    #[case(threshold(vec![0, 1], Cmp::AtLeast(2), goals(2, None, Cmp::AtLeast(2))), vec![Draw, Home],
           "they draw with Russia and Poland beat Czechia by 2 or more (or by exactly 1, if Poland \
            score 2 goals or more in the matches to play)")]
    fn thresholds_in_words(#[case] t: Threshold, #[case] results: Vec<Res>, #[case] said: &str) {
        let names = names();
        assert_eq!(
            Side::new(&names, &FIXTURES, 0).threshold(&t, &results),
            said
        );
    }
}
