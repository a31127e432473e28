//! Head-to-head mini-tables: the records of the matches among a set of tied teams, for those
//! teams only, built without scanning every match of the group.
//!
//! A [`Tables`] is made once per group: a per-team match index (each team's matches, with the
//! opponent) and buffers reused by every table it builds (a membership stamp per team and a
//! slot per team). [`Tables::build`] folds the members' own matches, `O(Σ degree)` over the
//! members; [`Tables::derive`] makes a re-application's smaller set from the larger set's table,
//! either the same way or, when the teams that left have fewer matches than the teams that
//! stay, by taking the left teams' matches away, `O(Σ degree)` over the teams that left. When a
//! re-application peels one or two teams off a set of `k`, that is `O(n)` for the whole group of
//! `n` rather than a fold of all its matches.

use crate::compute::records::{FoldOptions, Record, add_side};
use crate::model::{Group, Match, TeamId};
use crate::rules::GroupRules;

/// One side of one match, as listed under that side's team.
#[derive(Debug, Clone, Copy)]
struct Side<'a> {
    /// The other team.
    opponent: TeamId,
    /// Whether the listed team was the home side.
    home: bool,
    /// The match.
    game: &'a Match,
}

/// The records of the matches among some teams, for those teams only.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MiniTable {
    teams: Vec<TeamId>,
    records: Vec<Record>,
}

impl MiniTable {
    /// The teams whose mutual matches make up the table, in the order given.
    pub fn teams(&self) -> &[TeamId] {
        &self.teams
    }

    /// Each team's record, in the order of [`MiniTable::teams`].
    pub fn records(&self) -> &[Record] {
        &self.records
    }
}

/// Builds a group's mini-tables: the match index and the buffers shared by every table.
#[derive(Debug)]
pub struct Tables<'a> {
    rules: &'a GroupRules,
    options: FoldOptions,
    /// `sides[start[t]..start[t + 1]]`: team `t`'s sides, in match order.
    start: Vec<usize>,
    sides: Vec<Side<'a>>,
    /// `stamp[t] == generation`: `t` is a member of the set being built.
    stamp: Vec<u32>,
    generation: u32,
    /// A team's index in the table being built or read.
    slot: Vec<usize>,
    /// Each team's points deducted off the pitch, when the rules count them in mini-tables
    /// (empty when they do not).
    off_pitch: Vec<rust_decimal::Decimal>,
}

impl<'a> Tables<'a> {
    /// Indexes the group's matches by team: `O(teams + matches)`, once per group.
    pub fn new(group: &'a Group, rules: &'a GroupRules) -> Tables<'a> {
        let n = group.teams.len();
        let mut start = vec![0usize; n + 1];
        for m in &group.matches {
            start[m.home.index() + 1] += 1;
            start[m.away.index() + 1] += 1;
        }
        for t in 0..n {
            start[t + 1] += start[t];
        }
        let mut next = start.clone();
        let mut sides = Vec::new();
        if let Some(first) = group.matches.first() {
            // Every entry is overwritten below: each match fills one entry per side.
            let filler = Side {
                opponent: first.away,
                home: true,
                game: first,
            };
            sides = vec![filler; start[n]];
            for m in &group.matches {
                for (team, opponent, home) in [(m.home, m.away, true), (m.away, m.home, false)] {
                    let at = &mut next[team.index()];
                    sides[*at] = Side {
                        opponent,
                        home,
                        game: m,
                    };
                    *at += 1;
                }
            }
        }
        Tables {
            rules,
            options: FoldOptions {
                deductions: rules.head_to_head.deductions_count,
            },
            start,
            sides,
            stamp: vec![0; n],
            generation: 0,
            slot: vec![0; n],
            off_pitch: if rules.head_to_head.point_deductions_count {
                let mut off_pitch = vec![rust_decimal::Decimal::ZERO; n];
                for d in &group.rulings.deductions {
                    off_pitch[d.team.index()] += d.points;
                }
                off_pitch
            } else {
                Vec::new()
            },
        }
    }

    fn sides(&self, team: TeamId) -> &[Side<'a>] {
        &self.sides[self.start[team.index()]..self.start[team.index() + 1]]
    }

    fn degree(&self, team: TeamId) -> usize {
        self.start[team.index() + 1] - self.start[team.index()]
    }

    /// Marks `teams` as the members, unmarking everyone else in `O(1)`.
    fn mark(&mut self, teams: &[TeamId]) {
        if self.generation == u32::MAX {
            self.stamp.fill(0);
            self.generation = 0;
        }
        self.generation += 1;
        for (i, &t) in teams.iter().enumerate() {
            self.stamp[t.index()] = self.generation;
            self.slot[t.index()] = i;
        }
    }

    fn is_member(&self, team: TeamId) -> bool {
        self.stamp[team.index()] == self.generation
    }

    /// The mini-table of the matches among `teams` (distinct teams of the group), from their
    /// own matches only.
    pub fn build(&mut self, teams: &[TeamId]) -> MiniTable {
        self.mark(teams);
        let mut records = vec![Record::default(); teams.len()];
        for (record, &team) in records.iter_mut().zip(teams) {
            if let Some(&points) = self.off_pitch.get(team.index()) {
                record.deduct_off_pitch(points);
            }
            for side in self.sides(team) {
                if self.is_member(side.opponent) {
                    add_side(record, side.game, side.home, self.rules, self.options);
                }
            }
        }
        MiniTable {
            teams: teams.to_vec(),
            records,
        }
    }

    /// The mini-table of the matches among `teams`, a subset of `parent`'s teams: built from
    /// the members' matches, or `parent`'s records less the matches against the teams that
    /// left, whichever reads fewer matches.
    pub fn derive(&mut self, parent: &MiniTable, teams: &[TeamId]) -> MiniTable {
        self.mark(teams);
        let staying: usize = teams.iter().map(|&t| self.degree(t)).sum();
        let leaving: usize = parent
            .teams
            .iter()
            .filter(|&&t| !self.is_member(t))
            .map(|&t| self.degree(t))
            .sum();
        if staying <= leaving {
            self.build(teams)
        } else {
            self.take_away(parent, teams)
        }
    }

    /// [`Tables::derive`] by taking away the matches against the teams of `parent` that are
    /// not in `teams`, which [`Tables::mark`] has just marked.
    fn take_away(&mut self, parent: &MiniTable, teams: &[TeamId]) -> MiniTable {
        let mut records = vec![Record::default(); teams.len()];
        for (&team, record) in parent.teams.iter().zip(&parent.records) {
            if self.is_member(team) {
                records[self.slot[team.index()]].clone_from(record);
            }
        }
        for &gone in &parent.teams {
            if self.is_member(gone) {
                continue;
            }
            for side in self.sides(gone) {
                if self.is_member(side.opponent) {
                    // The member's side of this match is the other one.
                    let mut part = Record::default();
                    add_side(&mut part, side.game, !side.home, self.rules, self.options);
                    records[self.slot[side.opponent.index()]].take_away(&part);
                }
            }
        }
        MiniTable {
            teams: teams.to_vec(),
            records,
        }
    }

    /// Writes `table`'s records into `records` (indexed by [`TeamId`]) at its teams' places,
    /// leaving every other entry as it was: `O(members)`.
    pub fn scatter(table: &MiniTable, records: &mut [Record]) {
        for (&team, record) in table.teams.iter().zip(&table.records) {
            records[team].clone_from(record);
        }
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;
    use rust_decimal::Decimal;

    use super::*;
    use crate::compute::records::{among, fold};
    use crate::diagnostic::Source;
    use crate::model::{Forfeit, Outcome};
    use crate::rules::RuleSet;
    use crate::simulate::template;

    /// The oracle: fold every match of the group whose two sides are both in `teams`.
    fn brute_force(group: &Group, rules: &GroupRules, teams: &[TeamId]) -> Vec<Record> {
        let all = fold(
            group.teams.len(),
            among(&group.matches, teams),
            rules,
            FoldOptions {
                deductions: rules.head_to_head.deductions_count,
            },
        );
        teams.iter().map(|&t| all[t].clone()).collect()
    }

    fn rules(deductions_count: bool, goals_count: bool) -> GroupRules {
        let text = format!(
            "name = \"r\"\n[points]\nwin = 3\ndraw = 1\nloss = 0\n[forfeit]\nscore = [3, 0]\ndeduction = 1.5\ngoals_count = {goals_count}\n[head_to_head]\nreapply = true\ndeductions_count = {deductions_count}\n[tiebreak]\norder = [\"points\", \"head_to_head.points\"]\n[qualification]\nadvance = 1\n"
        );
        let set =
            RuleSet::parse(&Source::new("r.toml", text)).expect("the test's rule file is valid");
        set.groups.expect("group rules")
    }

    fn outcome() -> impl Strategy<Value = Outcome> {
        prop_oneof![
            6 => (0u32..4, 0u32..4).prop_map(|(home, away)| Outcome::Played { home, away }),
            1 => Just(Outcome::Forfeit(Forfeit::Home)),
            1 => Just(Outcome::Forfeit(Forfeit::Away)),
            1 => Just(Outcome::Forfeit(Forfeit::Both)),
        ]
    }

    /// A group of 2–8 teams with up to 40 matches between random pairs (some pairs meeting
    /// several times, some never), and a chain of ever smaller subsets of its teams.
    fn case() -> impl Strategy<Value = (Group, Vec<Vec<TeamId>>)> {
        (2usize..9).prop_flat_map(|n| {
            let game = (0..n, 0..n, outcome()).prop_filter_map("two teams", |(h, a, o)| {
                (h != a).then(|| Match::new(TeamId::new(h), TeamId::new(a), o))
            });
            let games = proptest::collection::vec(game, 0..40);
            let chain = proptest::collection::vec(
                proptest::sample::subsequence((0..n).collect::<Vec<_>>(), 0..=n),
                1..5,
            );
            (games, chain).prop_map(move |(matches, subsets)| {
                let mut group = template(n, 0);
                group.matches = matches;
                // Each set is a subset of the one before: intersect as we go, and shuffle
                // order by reversing every other one.
                let mut sets: Vec<Vec<TeamId>> = Vec::new();
                for (i, s) in subsets.into_iter().enumerate() {
                    let mut set: Vec<TeamId> = s
                        .into_iter()
                        .map(TeamId::new)
                        .filter(|t| sets.last().is_none_or(|p| p.contains(t)))
                        .collect();
                    if i % 2 == 1 {
                        set.reverse();
                    }
                    sets.push(set);
                }
                (group, sets)
            })
        })
    }

    proptest! {
        #[test]
        fn build_and_derive_agree_with_folding_the_matches_among_the_teams(
            (group, sets) in case(),
            deductions in any::<bool>(),
            goals in any::<bool>(),
        ) {
            let rules = rules(deductions, goals);
            let mut tables = Tables::new(&group, &rules);
            let mut table = tables.build(&sets[0]);
            prop_assert_eq!(table.records().to_vec(), brute_force(&group, &rules, &sets[0]));
            prop_assert_eq!(table.teams(), sets[0].as_slice());
            for set in &sets[1..] {
                tables.mark(set);
                let taken = tables.take_away(&table, set);
                prop_assert_eq!(taken.records().to_vec(), brute_force(&group, &rules, set));
                table = tables.derive(&table, set);
                prop_assert_eq!(table.teams(), set.as_slice());
                prop_assert_eq!(table.records().to_vec(), brute_force(&group, &rules, set));
            }
        }
    }

    #[test]
    fn taking_away_the_teams_that_left_matches_a_fresh_fold() {
        // Five teams, all 1–1 but A beat B 2–0 and E forfeited to A: derive {A, B, C} from
        // all five by taking away D's and E's matches (fewer than A, B and C's).
        let mut group = template(5, 0);
        let t = TeamId::new;
        let played = |h, a, hg, ag| Match::new(t(h), t(a), Outcome::Played { home: hg, away: ag });
        for h in 0..5 {
            for a in (h + 1)..5 {
                group.matches.push(played(h, a, 1, 1));
            }
        }
        group.matches[0] = played(0, 1, 2, 0);
        group.matches[3] = Match::new(t(0), t(4), Outcome::Forfeit(Forfeit::Away));
        let rules = rules(true, true);
        let mut tables = Tables::new(&group, &rules);
        let all = tables.build(&[t(0), t(1), t(2), t(3), t(4)]);
        let three = tables.derive(&all, &[t(2), t(0), t(1)]);
        // A: beat B 2–0, drew C 1–1: 4 points, 3–1. B: lost 0–2, drew C: 1 point, 1–3.
        // C: two draws, 2–2, 2 points.
        let a = &three.records()[1];
        assert_eq!((a.played, a.won, a.drawn), (2, 1, 1));
        assert_eq!(
            (a.goals_for, a.goals_against, a.points()),
            (3, 1, Decimal::from(4))
        );
        let b = &three.records()[2];
        assert_eq!(
            (b.goals_for, b.goals_against, b.points()),
            (1, 3, Decimal::ONE)
        );
        let c = &three.records()[0];
        assert_eq!((c.drawn, c.goals_for, c.points()), (2, 2, Decimal::TWO));
        assert_eq!(
            three.records(),
            brute_force(&group, &rules, three.teams()).as_slice()
        );
    }
}
