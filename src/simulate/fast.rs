//! Ranking a simulated group of up to [`MAX_TEAMS`] teams on the stack, with points as exact
//! fixed-point integers: the engine's rule chain ([`crate::compute::tiebreak`]) step for step,
//! without its allocations or its record of every step.
//!
//! A [`Plan`] is a rule set compiled for this ranker, made once per simulation; it exists only
//! when the ranker covers every criterion of the rule set's chains and its points fit. The
//! simulator ranks every other rule set, and every group of more teams, with the engine
//! ([`crate::compute::standings::compute_group`]). The tests check the ranker's order against
//! the engine's on random groups under random rule sets.
//!
//! What it follows exactly as the engine does: the first criterion sorts the whole group, each
//! later one the teams still level (a stable sort, so level teams keep their order); a block of
//! consecutive head-to-head criteria reads the mini-table of the teams level when it began, and
//! with `head_to_head.mode = "reapply"` a smaller set still level after the whole block gets
//! the block again on its own matches; `qualifying_order` takes over, where it first differs
//! from `order`, for a set straddling the last qualifying place. A simulated group records no
//! decision, play-off or shoot-out, so `decision`, `playoff` and `shoot_out` leave every team
//! level (and are noted as reached).
//!
//! Points are integers in units of `10^-s`, `s` the most decimal places of the rule file's
//! points and forfeit deduction (plain integers when they are whole numbers): sums and
//! comparisons are exact, as with decimals. Quotients (goal average, points per game) are
//! compared by cross-multiplying in `i128`.

use std::cmp::Ordering;

use rust_decimal::Decimal;

use crate::criteria::{Better, Criterion};
use crate::model::{Forfeit, Match, Outcome};
use crate::rules::{GroupRules, HeadToHeadMode, ZeroConceded};

/// The most teams a group may have for this ranker.
pub const MAX_TEAMS: usize = 8;

/// The largest size of a point value in fixed point: a rule file's values are at most 10⁹ with
/// at most 6 decimal places, so every one fits; and with at most 700 matches a team (8 teams
/// meeting 100 times), sums of 1,400 results and deductions stay inside an `i64`.
const MAX_FIXED: i128 = 1_000_000_000_000_000;

/// What a criterion compares, for this ranker.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Measure {
    Points,
    PointsPerGame,
    GoalDifference,
    GoalAverage,
    GoalsFor,
    GoalsAgainst,
    AwayGoalsFor,
    Wins,
    Losses,
    AwayWins,
    /// A criterion reading recorded decisions, of which a simulated group has none: every team
    /// is level on it.
    Recorded,
}

/// One link of a chain.
#[derive(Debug, Clone, Copy)]
struct Link {
    measure: Measure,
    /// Whether it reads the head-to-head mini-table.
    head_to_head: bool,
    better: Better,
    /// The criterion's index in [`Plan::new`]'s list of criteria.
    id: u8,
}

impl Measure {
    /// Whether its values are whole numbers (fixed-point points included), never quotients.
    fn is_whole(self) -> bool {
        !matches!(self, Measure::PointsPerGame | Measure::GoalAverage)
    }
}

impl Link {
    fn of(criterion: &Criterion, id: u8) -> Option<Link> {
        let (measure, head_to_head) = match criterion.key() {
            "points" => (Measure::Points, false),
            "points_per_game" => (Measure::PointsPerGame, false),
            "head_to_head.points" => (Measure::Points, true),
            "head_to_head.goal_difference" => (Measure::GoalDifference, true),
            "head_to_head.goal_average" => (Measure::GoalAverage, true),
            "head_to_head.goals_for" => (Measure::GoalsFor, true),
            "head_to_head.away_goals_for" => (Measure::AwayGoalsFor, true),
            "goal_difference" => (Measure::GoalDifference, false),
            "goal_average" => (Measure::GoalAverage, false),
            "goals_for" => (Measure::GoalsFor, false),
            "goals_against" => (Measure::GoalsAgainst, false),
            "away_goals_for" => (Measure::AwayGoalsFor, false),
            "wins" => (Measure::Wins, false),
            "losses" => (Measure::Losses, false),
            "away_wins" => (Measure::AwayWins, false),
            "decision" | "playoff" | "shoot_out" => (Measure::Recorded, false),
            _ => return None,
        };
        debug_assert_eq!(head_to_head, criterion.is_head_to_head());
        debug_assert_eq!(
            measure == Measure::Recorded,
            criterion.needs().reads_decisions()
        );
        Some(Link {
            measure,
            head_to_head,
            better: criterion.better(),
            id,
        })
    }
}

/// A rule set compiled for this ranker.
#[derive(Debug, Clone)]
pub struct Plan {
    order: Vec<Link>,
    qualifying: Option<Vec<Link>>,
    /// The first index where `qualifying` differs from `order`.
    diverge: Option<usize>,
    reapply: bool,
    advance: usize,
    /// Fixed-point points per loss, draw and win, and per forfeit not played.
    points: [i64; 3],
    deduction: i64,
    /// Whether forfeit deductions count in mini-tables.
    head_to_head_deductions: bool,
    forfeit_score: [u32; 2],
    goals_count: bool,
    zero_conceded: ZeroConceded,
}

/// `value` as an integer in units of `10^-scale`, when it is one of at most [`MAX_FIXED`].
fn fixed(value: Decimal, scale: u32) -> Option<i64> {
    let shift = scale.checked_sub(value.scale())?;
    let scaled = value.mantissa().checked_mul(10i128.checked_pow(shift)?)?;
    (scaled.abs() <= MAX_FIXED).then_some(scaled as i64)
}

impl Plan {
    /// Compiles `rules`, whose criteria are listed in `criteria` (a [`Link`]'s id is its index
    /// there); `None` when a criterion is one this ranker does not cover, or the points do not
    /// fit its fixed point.
    pub fn new(rules: &GroupRules, criteria: &[Criterion]) -> Option<Plan> {
        let chain = |chain: &[Criterion]| -> Option<Vec<Link>> {
            chain
                .iter()
                .map(|c| {
                    let id = criteria.iter().position(|k| k == c)?;
                    Link::of(c, u8::try_from(id).ok()?)
                })
                .collect()
        };
        let points = &rules.points;
        let values = [
            points.win,
            points.draw,
            points.loss,
            rules.forfeit.deduction,
        ]
        .map(|v| v.normalize());
        let scale = values.iter().map(Decimal::scale).max().unwrap_or(0);
        let [win, draw, loss, deduction] = values.map(|v| fixed(v, scale));
        Some(Plan {
            order: chain(&rules.tiebreak)?,
            qualifying: match &rules.qualifying_tiebreak {
                Some(q) => Some(chain(q)?),
                None => None,
            },
            diverge: rules.qualifying_tiebreak.as_ref().map(|q| {
                let order = &rules.tiebreak;
                (0..order.len().max(q.len()))
                    .find(|&i| order.get(i) != q.get(i))
                    .unwrap_or(order.len())
            }),
            reapply: rules.head_to_head.mode == HeadToHeadMode::Reapply,
            advance: rules.advance,
            points: [loss?, draw?, win?],
            deduction: deduction?,
            head_to_head_deductions: rules.head_to_head.deductions_count,
            forfeit_score: rules.forfeit.score,
            goals_count: rules.forfeit.goals_count,
            zero_conceded: rules.goal_average.zero_conceded,
        })
    }

    /// Ranks the group of `teams` teams (at most [`MAX_TEAMS`]) whose matches are `matches`
    /// (at most [`MAX_MATCHES`]), in `ranker`'s buffers. The group must record no decision,
    /// play-off, shoot-out or deduction: a simulated one.
    pub fn rank<'r>(&self, ranker: &'r mut Ranker, teams: usize, matches: &[Match]) -> &'r Tiers {
        assert!(teams <= MAX_TEAMS, "at most {MAX_TEAMS} teams");
        assert!(
            matches.len() <= MAX_MATCHES,
            "at most {MAX_MATCHES} matches"
        );
        self.fold(matches, ALL, true, &mut ranker.overall[..teams]);
        self.rank_folded(ranker, teams, matches)
    }

    /// [`Plan::rank`] without folding the overall records again: `ranker` has just ranked the
    /// same group under a plan that [`Plan::folds_like`] this one.
    pub fn rank_folded<'r>(
        &self,
        ranker: &'r mut Ranker,
        teams: usize,
        matches: &[Match],
    ) -> &'r Tiers {
        ranker.out.teams = teams;
        ranker.out.tiers = 0;
        ranker.out.decision_reached = false;
        ranker.out.advance = self.advance;
        Run {
            plan: self,
            matches,
            live: 0,
            ranker: &mut *ranker,
        }
        .resolve(&ALL_TEAMS[..teams], 0, None, Chain::Either);
        &ranker.out
    }

    /// Whether `other` folds a group's overall records as this plan does (same points, forfeit
    /// scoring and deduction), so that one fold serves both.
    pub fn folds_like(&self, other: &Plan) -> bool {
        (
            self.points,
            self.deduction,
            self.forfeit_score,
            self.goals_count,
        ) == (
            other.points,
            other.deduction,
            other.forfeit_score,
            other.goals_count,
        )
    }

    /// Folds the matches between members of `members` (a bit per team) into `records`,
    /// indexed by team; forfeit deductions taken when `deductions`.
    #[inline]
    fn fold(&self, matches: &[Match], members: u32, deductions: bool, records: &mut [Rec]) {
        records.fill(Rec::default());
        for m in matches {
            let (h, a) = (m.home.index(), m.away.index());
            // Whether the match is among the members: every count is multiplied by it, so that
            // a mini-table costs no branch per match.
            let times = (members >> h) & (members >> a) & 1;
            self.add_side(&mut records[h], m.outcome(), true, deductions, times);
            self.add_side(&mut records[a], m.outcome(), false, deductions, times);
        }
    }

    /// [`crate::compute::records::add_side`] in fixed point, `times` times (0 or 1), with no
    /// branch on the result of a played match.
    #[inline(always)]
    fn add_side(
        &self,
        record: &mut Rec,
        outcome: Outcome,
        home: bool,
        deductions: bool,
        times: u32,
    ) {
        let (scored, against, forfeited, counted) = match outcome {
            Outcome::Played { home: h, away: a } if home => (h, a, false, true),
            Outcome::Played { home: h, away: a } => (a, h, false, true),
            Outcome::Forfeit(side) => {
                let [awarded, conceded] = self.forfeit_score;
                // When both sides forfeit, both are recorded as losing.
                let lost = matches!(
                    (side, home),
                    (Forfeit::Home, true) | (Forfeit::Away, false) | (Forfeit::Both, _)
                );
                if lost {
                    (conceded, awarded, true, self.goals_count)
                } else {
                    (awarded, conceded, false, self.goals_count)
                }
            }
        };
        let times = u64::from(times);
        let won = u64::from(scored > against);
        let lost = u64::from(scored < against);
        // Indexed loss, draw, win.
        let result = (1 + won - lost) as usize;
        record.counts += RESULT_COUNTS[result] * times;
        let goals = (u64::from(scored) | u64::from(against) << 32) * u64::from(counted);
        record.goals += goals * times;
        if !home {
            let away_goals = u64::from(scored) * u64::from(counted);
            record.away += (away_goals | won << 32) * times;
        }
        let deducted = if forfeited && deductions {
            self.deduction
        } else {
            0
        };
        record.points += (self.points[result] - deducted) * times as i64;
    }

    fn chain(&self, chain: Chain) -> &[Link] {
        match (chain, &self.qualifying) {
            (Chain::Qualifying, Some(q)) => q,
            _ => &self.order,
        }
    }
}

/// Every team of a group, as a membership mask.
const ALL: u32 = u32::MAX;

/// Every team of a group, in data-file order.
const ALL_TEAMS: [u8; MAX_TEAMS] = [0, 1, 2, 3, 4, 5, 6, 7];

/// No criterion: in [`Tiers::above`], the last tier.
const NONE: u8 = u8::MAX;

/// A team's record, as [`crate::compute::records::Record`] with fixed-point points (after
/// deductions), its counts packed side by side in lanes of a `u64` so that a match adds to
/// them in four additions. No lane can overflow into the next: a group ranked here has at most
/// [`MAX_MATCHES`] matches, so at most 2,800 results (16-bit lanes) and 2,797,200 goals (32-bit
/// lanes) a team.
#[derive(Debug, Clone, Copy, Default)]
struct Rec {
    /// Played, won, drawn, lost: 16 bits each, from the lowest.
    counts: u64,
    /// Goals for (low 32 bits), goals against (high).
    goals: u64,
    /// Away goals for (low 32 bits), away wins (high).
    away: u64,
    points: i64,
}

impl Rec {
    fn played(&self) -> u32 {
        u32::from(self.counts as u16)
    }

    fn won(&self) -> u32 {
        u32::from((self.counts >> 16) as u16)
    }

    fn lost(&self) -> u32 {
        u32::from((self.counts >> 48) as u16)
    }

    fn goals_for(&self) -> u32 {
        self.goals as u32
    }

    fn goals_against(&self) -> u32 {
        (self.goals >> 32) as u32
    }

    fn away_goals_for(&self) -> u32 {
        self.away as u32
    }

    fn away_won(&self) -> u32 {
        (self.away >> 32) as u32
    }
}

/// What a result adds to [`Rec::counts`], by result (loss, draw, win): a match played, and one
/// loss, draw or win.
const RESULT_COUNTS: [u64; 3] = [1 | 1 << 48, 1 | 1 << 32, 1 | 1 << 16];

/// The most matches a group ranked here may have: 8 teams meeting 100 times
/// ([`crate::rules::MAX_MEETINGS`]).
pub const MAX_MATCHES: usize = 2800;

/// A criterion's value: `numerator / denominator` exactly, infinity when the denominator is 0.
#[derive(Debug, Clone, Copy)]
struct Value {
    numerator: i64,
    denominator: u32,
}

impl Value {
    fn whole(n: i64) -> Value {
        Value {
            numerator: n,
            denominator: 1,
        }
    }

    const INFINITY: Value = Value {
        numerator: 1,
        denominator: 0,
    };

    /// Compares two values exactly.
    fn cmp(self, other: Value) -> Ordering {
        match (self.denominator, other.denominator) {
            (1, 1) => self.numerator.cmp(&other.numerator),
            (0, 0) => Ordering::Equal,
            (0, _) => Ordering::Greater,
            (_, 0) => Ordering::Less,
            (a, b) => (i128::from(self.numerator) * i128::from(b))
                .cmp(&(i128::from(other.numerator) * i128::from(a))),
        }
    }
}

impl Plan {
    /// A team's value under `measure`, as the criterion's value function gives it.
    fn value(&self, measure: Measure, r: &Rec) -> Value {
        match measure {
            Measure::Points => Value::whole(r.points),
            Measure::PointsPerGame => match r.played() {
                0 => Value::whole(r.points),
                played => Value {
                    numerator: r.points,
                    denominator: played,
                },
            },
            Measure::GoalDifference => {
                Value::whole(i64::from(r.goals_for()) - i64::from(r.goals_against()))
            }
            Measure::GoalAverage => match (r.goals_against(), self.zero_conceded) {
                (0, ZeroConceded::AboveAll) if r.goals_for() > 0 => Value::INFINITY,
                (0, ZeroConceded::AboveAll) => Value::whole(1),
                (0, ZeroConceded::AsOne) => Value::whole(i64::from(r.goals_for())),
                (conceded, _) => Value {
                    numerator: i64::from(r.goals_for()),
                    denominator: conceded,
                },
            },
            Measure::GoalsFor => Value::whole(r.goals_for().into()),
            Measure::GoalsAgainst => Value::whole(r.goals_against().into()),
            Measure::AwayGoalsFor => Value::whole(r.away_goals_for().into()),
            Measure::Wins => Value::whole(r.won().into()),
            Measure::Losses => Value::whole(r.lost().into()),
            Measure::AwayWins => Value::whole(r.away_won().into()),
            Measure::Recorded => Value::whole(0),
        }
    }
}

/// A ranked group: its tiers, what separated each from the next, and who advances.
#[derive(Debug, Clone)]
pub struct Tiers {
    teams: usize,
    /// Team indices, best first.
    order: [u8; MAX_TEAMS],
    /// The end (exclusive row) of each tier.
    ends: [u8; MAX_TEAMS],
    tiers: usize,
    /// For each tier, the id of the criterion that put it above the next ([`NONE`] for the
    /// last).
    above: [u8; MAX_TEAMS],
    decision_reached: bool,
    advance: usize,
}

impl Tiers {
    /// The tiers, best first: each the indices of its teams.
    pub fn tiers(&self) -> impl Iterator<Item = &[u8]> {
        (0..self.tiers).map(|t| {
            let start = if t == 0 { 0 } else { self.ends[t - 1] };
            &self.order[usize::from(start)..usize::from(self.ends[t])]
        })
    }

    /// The id of the criterion that separated tier `t` from the next; `None` for the last.
    pub fn above(&self, tier: usize) -> Option<usize> {
        Some(self.above[tier])
            .filter(|&a| a != NONE)
            .map(usize::from)
    }
}

impl super::tally::Ranked for Tiers {
    fn separation(&self, place: usize) -> Option<usize> {
        let t = self.ends[..self.tiers]
            .iter()
            .position(|&end| usize::from(end) > place)?;
        (usize::from(self.ends[t]) == place + 1)
            .then(|| self.above(t))
            .flatten()
    }

    fn decision_reached(&self) -> bool {
        self.decision_reached
    }

    fn level_at_end(&self) -> bool {
        self.tiers < self.teams
    }

    fn advancing(&self) -> Option<u64> {
        let mut certain = 0u64;
        let mut count = 0;
        for tier in self.tiers() {
            let remaining = self.advance - count;
            if remaining == 0 {
                break;
            }
            if tier.len() > remaining {
                return None;
            }
            count += tier.len();
            certain |= tier.iter().fold(0, |m, &t| m | 1 << t);
        }
        Some(certain)
    }
}

/// Sorts `teams` and their `keys` together, best first, where `worse(a, b)` says `a` ranks
/// below `b`: stable (an insertion sort), so that level teams keep their order, as the engine's
/// sort does.
#[inline]
fn sort<K: Copy>(teams: &mut [u8], keys: &mut [K], worse: impl Fn(&K, &K) -> bool) {
    for i in 1..keys.len() {
        let mut j = i;
        while j > 0 && worse(&keys[j - 1], &keys[j]) {
            keys.swap(j - 1, j);
            teams.swap(j - 1, j);
            j -= 1;
        }
    }
}

/// Which chain a set of level teams follows (as in the engine).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Chain {
    Either,
    Order,
    Qualifying,
}

/// A head-to-head block under way: where it starts in the chain, and its mini-table.
#[derive(Debug, Clone, Default)]
struct Block {
    start: usize,
    /// How many teams the mini-table is of.
    size: usize,
    records: [Rec; MAX_TEAMS],
}

/// Where a set still level after a criterion goes next.
enum Next {
    /// Nowhere: it is one team.
    Place,
    /// The next criterion, outside any block.
    Step(usize),
    /// The next criterion of the same head-to-head block.
    SameBlock(usize),
    /// The block again from its start (the index given), on the set's own mini-table.
    Reapply(usize),
}

/// Buffers for [`Plan::rank`], reused from group to group (one per thread): the records, the
/// mini-tables of the blocks under way, and the result.
#[derive(Debug, Clone)]
pub struct Ranker {
    overall: [Rec; MAX_TEAMS],
    /// A stack: the blocks under way are the first [`Run::live`].
    blocks: Vec<Block>,
    out: Tiers,
}

impl Default for Ranker {
    fn default() -> Ranker {
        Ranker {
            overall: [Rec::default(); MAX_TEAMS],
            blocks: Vec::new(),
            out: Tiers {
                teams: 0,
                order: [0; MAX_TEAMS],
                ends: [0; MAX_TEAMS],
                tiers: 0,
                above: [NONE; MAX_TEAMS],
                decision_reached: false,
                advance: 0,
            },
        }
    }
}

/// One ranking under way.
struct Run<'a> {
    plan: &'a Plan,
    matches: &'a [Match],
    /// How many of `ranker.blocks` are under way.
    live: usize,
    ranker: &'a mut Ranker,
}

impl Run<'_> {
    /// Appends a tier of `teams` (the last criterion applied leaves them level).
    fn place(&mut self, teams: &[u8]) {
        let out = &mut self.ranker.out;
        let start = match out.tiers {
            0 => 0,
            t => usize::from(out.ends[t - 1]),
        };
        out.order[start..start + teams.len()].copy_from_slice(teams);
        out.ends[out.tiers] = (start + teams.len()) as u8;
        out.above[out.tiers] = NONE;
        out.tiers += 1;
    }

    /// Rows placed so far.
    fn placed(&self) -> usize {
        match self.ranker.out.tiers {
            0 => 0,
            t => usize::from(self.ranker.out.ends[t - 1]),
        }
    }

    /// The engine's `Orderer::choose`.
    fn choose(&self, chain: Chain, step: usize, count: usize) -> Chain {
        match self.plan.diverge {
            Some(at) if chain == Chain::Either && step >= at => {
                let (first, advance) = (self.placed(), self.plan.advance);
                if first < advance && advance < first + count {
                    Chain::Qualifying
                } else {
                    Chain::Order
                }
            }
            _ => chain,
        }
    }

    /// Starts a block at `start` on the mini-table of the matches among `teams`: its index in
    /// `ranker.blocks`, under way until [`Run::end_block`].
    fn start_block(&mut self, start: usize, teams: &[u8]) -> usize {
        let at = self.live;
        if self.ranker.blocks.len() == at {
            self.ranker.blocks.push(Block::default());
        }
        self.live += 1;
        let members = teams.iter().fold(0u32, |m, &t| m | 1 << t);
        let deductions = self.plan.head_to_head_deductions;
        let n = self.ranker.out.teams;
        let block = &mut self.ranker.blocks[at];
        block.start = start;
        block.size = teams.len();
        self.plan
            .fold(self.matches, members, deductions, &mut block.records[..n]);
        at
    }

    fn end_block(&mut self) {
        self.live -= 1;
    }

    /// The engine's `Orderer::resolve`: orders `teams` (level on every criterion before `step`)
    /// from criterion `step` of `chain` on, appending their tiers.
    fn resolve(&mut self, teams: &[u8], step: usize, block: Option<usize>, chain: Chain) {
        let chain = self.choose(chain, step, teams.len());
        let plan = self.plan;
        let links = plan.chain(chain);
        if teams.len() < 2 || step >= links.len() {
            self.place(teams);
            return;
        }
        let link = links[step];
        let own = block.is_none() && link.head_to_head;
        let block = match block {
            Some(b) => Some(b),
            None if link.head_to_head => Some(self.start_block(step, teams)),
            None => None,
        };
        if link.measure == Measure::Recorded {
            self.ranker.out.decision_reached = true;
        }
        let records = match (link.head_to_head, block) {
            (true, Some(b)) => &self.ranker.blocks[b].records,
            _ => &self.ranker.overall,
        };
        let n = teams.len();
        // The teams best first, and for each whether it is level with the one before it.
        let mut order = [0u8; MAX_TEAMS];
        let mut level = [false; MAX_TEAMS];
        order[..n].copy_from_slice(teams);
        let value = |team: u8| self.plan.value(link.measure, &records[usize::from(team)]);
        if link.measure.is_whole() {
            // Whole values, turned so that higher is better, compared as integers.
            let sign = match link.better {
                Better::Higher => 1,
                Better::Lower => -1,
            };
            let mut keys = [0i64; MAX_TEAMS];
            for (key, &team) in keys.iter_mut().zip(teams) {
                *key = value(team).numerator * sign;
            }
            sort(&mut order[..n], &mut keys[..n], |a, b| a < b);
            for i in 1..n {
                level[i] = keys[i] == keys[i - 1];
            }
        } else {
            let mut values = [Value::whole(0); MAX_TEAMS];
            for (v, &team) in values.iter_mut().zip(teams) {
                *v = value(team);
            }
            let worse = |a: &Value, b: &Value| match link.better {
                Better::Higher => a.cmp(*b) == Ordering::Less,
                Better::Lower => a.cmp(*b) == Ordering::Greater,
            };
            sort(&mut order[..n], &mut values[..n], worse);
            for i in 1..n {
                level[i] = values[i].cmp(values[i - 1]) == Ordering::Equal;
            }
        }
        let mut start = 0;
        while start < n {
            let mut end = start + 1;
            while end < n && level[end] {
                end += 1;
            }
            if start > 0 {
                let out = &mut self.ranker.out;
                out.above[out.tiers - 1] = link.id;
            }
            let mut sub = [0u8; MAX_TEAMS];
            sub[..end - start].copy_from_slice(&order[start..end]);
            let sub = &sub[..end - start];
            match self.next(links, step, block, sub) {
                Next::Place => self.place(sub),
                Next::Step(next) => self.resolve(sub, next, None, chain),
                Next::SameBlock(next) => self.resolve(sub, next, block, chain),
                Next::Reapply(start) => {
                    let again = self.start_block(start, sub);
                    self.resolve(sub, start, Some(again), chain);
                    self.end_block();
                }
            }
            start = end;
        }
        if own {
            self.end_block();
        }
    }

    /// The engine's `Orderer::next_step`.
    fn next(&self, links: &[Link], step: usize, block: Option<usize>, sub: &[u8]) -> Next {
        if sub.len() < 2 {
            return Next::Place;
        }
        let Some(block) = block
            .filter(|_| links[step].head_to_head)
            .map(|b| &self.ranker.blocks[b])
        else {
            return Next::Step(step + 1);
        };
        if links.get(step + 1).is_some_and(|l| l.head_to_head) {
            return Next::SameBlock(step + 1);
        }
        if self.plan.reapply && sub.len() < block.size {
            return Next::Reapply(block.start);
        }
        Next::Step(step + 1)
    }
}

#[cfg(test)]
mod tests {
    use pretty_assertions::assert_eq;
    use proptest::prelude::*;

    use super::*;
    use crate::compute::standings::compute_group;
    use crate::diagnostic::Source;
    use crate::model::{Group, TeamId};
    use crate::rules::RuleSet;
    use crate::simulate::tally::{self, Engine, Ranked};
    use crate::simulate::template;

    /// Every criterion the ranker covers.
    const COVERED: [&str; 18] = [
        "points",
        "points_per_game",
        "head_to_head.points",
        "head_to_head.goal_difference",
        "head_to_head.goal_average",
        "head_to_head.goals_for",
        "head_to_head.away_goals_for",
        "goal_difference",
        "goal_average",
        "goals_for",
        "goals_against",
        "away_goals_for",
        "wins",
        "losses",
        "away_wins",
        "decision",
        "playoff",
        "shoot_out",
    ];

    fn outcome() -> impl Strategy<Value = Outcome> {
        prop_oneof![
            12 => (0u32..4, 0u32..4).prop_map(|(home, away)| Outcome::Played { home, away }),
            1 => Just(Outcome::Forfeit(Forfeit::Home)),
            1 => Just(Outcome::Forfeit(Forfeit::Away)),
            1 => Just(Outcome::Forfeit(Forfeit::Both)),
        ]
    }

    /// A group of 2–8 teams: a round robin (single or double) with random results, or up to
    /// 24 matches between random pairs (some teams playing more than others, some none).
    fn group() -> impl Strategy<Value = Group> {
        (2usize..=MAX_TEAMS).prop_flat_map(|n| {
            let robin = (1u32..=2).prop_flat_map(move |meetings| {
                let size = template(n, meetings).matches.len();
                proptest::collection::vec(outcome(), size).prop_map(move |outcomes| {
                    let mut group = template(n, meetings);
                    for (m, o) in group.matches.iter_mut().zip(outcomes) {
                        *m = m.with_outcome(o);
                    }
                    group
                })
            });
            let game = (0..n, 0..n, outcome()).prop_filter_map("two teams", |(h, a, o)| {
                (h != a).then(|| Match::new(TeamId::new(h), TeamId::new(a), o))
            });
            let random = proptest::collection::vec(game, 0..24).prop_map(move |matches| {
                let mut group = template(n, 0);
                group.matches = matches;
                group
            });
            prop_oneof![3 => robin, 1 => random]
        })
    }

    fn quoted(keys: &[&str]) -> String {
        let keys: Vec<String> = keys.iter().map(|k| format!("\"{k}\"")).collect();
        keys.join(", ")
    }

    /// A rule file of covered criteria, with random points (whole and decimal), forfeit
    /// scoring, head-to-head mode, goal-average rule, number advancing and, sometimes, a
    /// `qualifying_order` starting like `order`.
    fn rule_file(teams: usize) -> impl Strategy<Value = String> {
        let value = prop::sample::select(vec!["3", "2", "1", "0", "\"0.5\"", "-1", "\"1.25\""]);
        let deduction = prop::sample::select(vec!["0", "1", "\"1.5\"", "\"0.25\"", "2"]);
        let score = prop::sample::select(vec!["[3, 0]", "[1, 0]", "[5, 2]"]);
        let chain = prop::sample::subsequence(COVERED.to_vec(), 1..=7).prop_shuffle();
        let rest = prop::sample::subsequence(COVERED.to_vec(), 0..=5).prop_shuffle();
        (
            (value.clone(), value.clone(), value, deduction, score),
            (any::<bool>(), any::<bool>(), any::<bool>(), any::<bool>()),
            (chain, prop::option::of(rest), 1..=teams),
        )
            .prop_map(
                |((win, draw, loss, deduction, score), (goals, reapply, count, as_one), (order, rest, advance))| {
                    let qualifying = rest
                        .map(|rest| {
                            let mut q = vec![order[0]];
                            q.extend(rest.into_iter().filter(|k| *k != order[0]));
                            format!("qualifying_order = [{}]\n", quoted(&q))
                        })
                        .unwrap_or_default();
                    let zero = if as_one { "as_one" } else { "above_all" };
                    format!(
                        "name = \"random\"\n[points]\nwin = {win}\ndraw = {draw}\nloss = {loss}\n\
                         [forfeit]\nscore = {score}\ndeduction = {deduction}\ngoals_count = {goals}\n\
                         [head_to_head]\nreapply = {reapply}\ndeductions_count = {count}\n\
                         [goal_average]\nzero_conceded = \"{zero}\"\n\
                         [tiebreak]\norder = [{}]\n{qualifying}[qualification]\nadvance = {advance}\n",
                        quoted(&order)
                    )
                },
            )
    }

    fn case() -> impl Strategy<Value = (Group, String)> {
        group().prop_flat_map(|g| {
            let n = g.teams.len();
            (Just(g), rule_file(n))
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        #[test]
        fn the_stack_ranker_orders_as_the_engine_does((group, text) in case()) {
            let set = RuleSet::parse(&Source::new("random.toml", text.clone()))
                .expect("the generated rule file is valid");
            let rules = set.groups.expect("group rules");
            let criteria = tally::criteria(&rules);
            let plan = Plan::new(&rules, &criteria).expect("the ranker covers every criterion");
            // The buffers as the simulator leaves them: used before, on a group of draws only.
            let mut ranker = Ranker::default();
            plan.rank(&mut ranker, group.teams.len(), &template(group.teams.len(), 1).matches);
            let fast = plan.rank(&mut ranker, group.teams.len(), &group.matches).clone();
            // Ranked again on the same records, as the simulator ranks a second rule set that
            // folds alike.
            prop_assert!(plan.folds_like(&plan));
            let again = plan.rank_folded(&mut ranker, group.teams.len(), &group.matches);
            prop_assert!(fast.tiers().eq(again.tiers()));
            prop_assert_eq!(fast.above, again.above);
            let table = compute_group(&group, &rules).expect("no recorded data is needed");
            let engine = Engine { table: &table, criteria: &criteria };

            let fast_tiers: Vec<Vec<usize>> =
                fast.tiers().map(|t| t.iter().map(|&i| usize::from(i)).collect()).collect();
            let engine_tiers: Vec<Vec<usize>> = table
                .ordering
                .tiers
                .iter()
                .map(|t| t.teams.iter().map(|t| t.index()).collect())
                .collect();
            prop_assert_eq!(&fast_tiers, &engine_tiers, "{}", text);
            let fast_above: Vec<Option<&str>> =
                (0..fast.tiers).map(|t| fast.above(t).map(|c| criteria[c].key())).collect();
            let engine_above: Vec<Option<&str>> = table
                .ordering
                .tiers
                .iter()
                .map(|t| t.above_next.as_ref().map(|s| s.criterion.key()))
                .collect();
            prop_assert_eq!(fast_above, engine_above, "{}", text);
            for place in 0..group.teams.len() {
                prop_assert_eq!(fast.separation(place), engine.separation(place));
            }
            prop_assert_eq!(fast.decision_reached(), engine.decision_reached(), "{}", text);
            prop_assert_eq!(fast.level_at_end(), engine.level_at_end());
            prop_assert_eq!(fast.advancing(), engine.advancing(), "{}", text);
        }
    }

    fn rules(text: &str) -> GroupRules {
        RuleSet::parse(&Source::new("r.toml", text.to_string()))
            .unwrap()
            .groups
            .unwrap()
    }

    #[test]
    fn whole_points_are_plain_integers_and_decimal_points_fixed_point() {
        let whole = rules(
            "name = \"w\"\n[points]\nwin = 3\ndraw = 1\nloss = 0\n[forfeit]\ndeduction = 1\n[tiebreak]\norder = [\"points\"]\n[qualification]\nadvance = 1\n",
        );
        let plan = Plan::new(&whole, &tally::criteria(&whole)).unwrap();
        assert_eq!((plan.points, plan.deduction), ([0, 1, 3], 1));
        let tenths = rules(
            "name = \"d\"\n[points]\nwin = 3\ndraw = \"1.0\"\nloss = 0\n[forfeit]\ndeduction = \"0.25\"\n[tiebreak]\norder = [\"points\"]\n[qualification]\nadvance = 1\n",
        );
        let plan = Plan::new(&tenths, &tally::criteria(&tenths)).unwrap();
        assert_eq!((plan.points, plan.deduction), ([0, 100, 300], 25));
    }

    #[test]
    fn criteria_reading_recorded_data_are_left_to_the_engine() {
        let text = "name = \"f\"\n[points]\nwin = 3\ndraw = 1\nloss = 0\n[fair_play]\nyellow = -1\nindirect_red = -3\ndirect_red = -4\nyellow_direct_red = -5\n[tiebreak]\norder = [\"points\", \"fair_play\"]\n[qualification]\nadvance = 1\n";
        let r = rules(text);
        assert!(Plan::new(&r, &tally::criteria(&r)).is_none());
    }

    #[test]
    fn the_largest_and_finest_points_a_rule_file_allows_fit() {
        let text = "name = \"p\"\n[points]\nwin = 1000000000\ndraw = \"0.000001\"\nloss = -1000000000\n[tiebreak]\norder = [\"points\"]\n[qualification]\nadvance = 1\n";
        let r = rules(text);
        let plan = Plan::new(&r, &tally::criteria(&r)).unwrap();
        let most = MAX_FIXED as i64;
        assert_eq!(plan.points, [-most, 1, most]);
    }
}
