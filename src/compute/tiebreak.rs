//! Ordering a group by the rule file's chain of criteria.
//!
//! The first criterion sorts the whole group; each later one is applied only to teams still
//! level. Head-to-head criteria read a mini-table of the matches among the teams that were level
//! when the head-to-head block began; with `head_to_head.mode = "reapply"`, a smaller set still
//! level after the whole block gets the block again on its own matches. `decision` and `playoff`
//! order a set only when the data records a decision or play-off covering all of it; otherwise
//! the set stays level on it and moves on to the next criterion, like any set a criterion leaves
//! level. Where a rule file's `qualifying_order` first differs from its `order`, a set straddling
//! the last qualifying place follows the former, any other set the latter.
//! Every criterion applied to two or more teams is kept as a [`Step`], so any order can be
//! explained. A criterion that needs data the group does not record (cards, coefficients) is an
//! error naming the teams, never a zero. Values are exact ([`Quantity`]): teams are level only
//! when their values are equal, never because they round alike.

use std::rc::Rc;

use crate::compute::minitable::{MiniTable, Tables};
use crate::compute::records::Record;
use crate::criteria::{Context, Criterion, Needs, Scope};
use crate::model::{Group, TeamId};
use crate::quantity::Quantity;
use crate::rules::{GroupRules, HeadToHeadMode};

/// Teams sharing a place: one team, or several that no criterion separated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tier {
    /// The teams, in data-file order when more than one.
    pub teams: Vec<TeamId>,
    /// What put this tier above the next one (`None` for the last tier).
    pub above_next: Option<Separation>,
}

/// The criterion that separated two adjacent tiers, with the two values it compared.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Separation {
    /// The deciding criterion.
    pub criterion: Criterion,
    /// The value of the upper tier, then of the lower.
    pub values: [Quantity; 2],
    /// For `decision`, the index of the recorded decision that separated them.
    pub decision: Option<usize>,
}

/// One application of a criterion to two or more teams that were level before it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Step {
    /// The criterion applied.
    pub criterion: Criterion,
    /// For a head-to-head criterion, the teams whose mutual matches formed the mini-table
    /// (may be more than `values` when the rules do not re-apply head-to-head).
    pub among: Vec<TeamId>,
    /// The 0-based rows of the final table that `among` holds (consecutive; empty when
    /// `among` is).
    pub among_rows: std::ops::Range<usize>,
    /// Each team's value, best first; teams with equal values are the tiers the step left
    /// ([`Step::tiers`]).
    pub values: Vec<(TeamId, Quantity)>,
    /// For `decision`, the index of the recorded decision used (`None` when none applied).
    pub decision: Option<usize>,
    /// Whether this is the first criterion sorting the whole group (not a tiebreak).
    pub primary: bool,
    /// Whether the criterion is from the chain for a tie that decides who advances
    /// (`tiebreak.qualifying_order`), where it differs from `order`.
    pub qualifying: bool,
    /// The 0-based row of the final table holding the first of `values`: a step's teams
    /// always end up in consecutive rows, in the order of `values`.
    pub first_row: usize,
    /// The index (in [`Ordering::steps`]) of the step that left these teams level, `None` for
    /// the first.
    pub parent: Option<usize>,
}

/// A criterion reached a tie it needs data for, and the data does not record it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MissingData {
    /// The criterion.
    pub criterion: Criterion,
    /// The tied teams without the data.
    pub teams: Vec<TeamId>,
}

/// Whether two of a step's ranked values fall in one tier: they are equal.
fn same_tier(a: &(TeamId, Quantity), b: &(TeamId, Quantity)) -> bool {
    a.1 == b.1
}

impl Step {
    /// The result: the teams grouped by equal value, best first, each with its value.
    pub fn tiers(&self) -> impl Iterator<Item = &[(TeamId, Quantity)]> {
        self.values.chunk_by(same_tier)
    }

    /// Whether the criterion left every team level.
    pub fn is_level(&self) -> bool {
        self.values.first().map(|f| f.1) == self.values.last().map(|l| l.1)
    }

    /// The 0-based rows of the final table its teams hold.
    pub fn rows(&self) -> std::ops::Range<usize> {
        self.first_row..self.first_row + self.values.len()
    }

    /// The value of the team in 0-based table row `row` (which must be one of [`Step::rows`]).
    pub fn value_at(&self, row: usize) -> Quantity {
        self.values[row - self.first_row].1
    }

    /// Whether the criterion left `a` and `b` level (both must be among its teams).
    pub fn leaves_level(&self, a: TeamId, b: TeamId) -> bool {
        let value = |t: TeamId| self.values.iter().find(|(x, _)| *x == t).map(|v| v.1);
        value(a) == value(b)
    }
}

/// A group's order: tiers best first, and the tiebreak steps that produced it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ordering {
    /// Tiers, best first.
    pub tiers: Vec<Tier>,
    /// Every criterion applied to two or more level teams, in the order applied (the first,
    /// sorting the whole group, marked `primary`).
    pub steps: Vec<Step>,
    /// For each 0-based row of the table, the index of the last step applied to its team
    /// (`None` when no step was).
    pub last_step: Vec<Option<usize>>,
}

impl Ordering {
    /// The tiebreak steps proper: every step but the primary sort.
    pub fn tiebreaks(&self) -> impl Iterator<Item = &Step> {
        self.steps.iter().filter(|s| !s.primary)
    }

    /// The steps that compared the teams in 0-based rows `row` and `row + 1`, in order: the
    /// last one separated them, unless they are level on every criterion. Follows
    /// [`Step::parent`] from the last step of `row`: `O(steps returned)`.
    pub fn adjacent(&self, row: usize) -> Vec<&Step> {
        let mut at = self.last_step.get(row).copied().flatten();
        let mut chain = Vec::new();
        while let Some(i) = at {
            let step = &self.steps[i];
            if step.rows().contains(&(row + 1)) {
                chain.push(step);
            }
            at = step.parent;
        }
        chain.reverse();
        chain
    }

    /// The index (in [`Ordering::steps`]) of the last step that compared the teams in rows
    /// `row` and `row + 1`: the one that separated them, or the last that left them level.
    pub fn last_between(&self, row: usize) -> Option<usize> {
        let mut at = self.last_step.get(row).copied().flatten();
        while let Some(i) = at {
            if self.steps[i].rows().contains(&(row + 1)) {
                return Some(i);
            }
            at = self.steps[i].parent;
        }
        None
    }

    /// The steps that compared `a` and `b`, in order: the last one separated them, unless they
    /// are level on every criterion. `O(steps × teams)`; [`Ordering::adjacent`] is the cheap
    /// form for neighbours in the table.
    pub fn between(&self, a: TeamId, b: TeamId) -> Vec<&Step> {
        self.steps
            .iter()
            .filter(|s| {
                s.values.iter().any(|(t, _)| *t == a) && s.values.iter().any(|(t, _)| *t == b)
            })
            .collect()
    }
}

/// Head-to-head state while inside a block of consecutive head-to-head criteria.
#[derive(Clone)]
struct Block {
    /// Index of the block's first criterion in the chain.
    start: usize,
    /// The mini-table of the teams whose matches make up the block (shared by every
    /// criterion of the block and every set it leaves level).
    table: Rc<MiniTable>,
    /// The first row of the final table its teams hold.
    first_row: usize,
}

/// The mini-table's teams (head-to-head) and the decision used (if any), beside the values.
type Evaluation = (Vec<TeamId>, Option<usize>);

/// Which chain a set of level teams follows, once the rule file's two chains (`order`,
/// `qualifying_order`) differ.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Chain {
    /// Not chosen yet: the chains agree so far (or there is one).
    Either,
    /// `order`: a tie that does not decide who advances.
    Order,
    /// `qualifying_order`: a tie holding places on both sides of the last qualifying place.
    Qualifying,
}

struct Orderer<'a> {
    group: &'a Group,
    rules: &'a GroupRules,
    overall: &'a [Record],
    steps: Vec<Step>,
    /// Built on the first head-to-head criterion reached.
    tables: Option<Tables<'a>>,
    /// The current mini-table's records, indexed by [`TeamId`] (reused: only the table's own
    /// teams are written and read).
    scratch: Vec<Record>,
    /// Teams placed in tiers so far: the first row of the next tier.
    placed: usize,
    last_step: Vec<Option<usize>>,
    /// The first index where `qualifying_order` differs from `order` (its length, when one is
    /// the start of the other); `None` without a `qualifying_order`.
    diverge: Option<usize>,
}

/// Orders a group's teams given their overall records (indexed by [`TeamId`]).
pub fn order(
    group: &Group,
    rules: &GroupRules,
    overall: &[Record],
) -> Result<Ordering, MissingData> {
    let mut orderer = Orderer {
        group,
        rules,
        overall,
        steps: Vec::with_capacity(group.teams.len()),
        tables: None,
        scratch: Vec::new(),
        placed: 0,
        last_step: Vec::with_capacity(group.teams.len()),
        diverge: rules.qualifying_tiebreak.as_ref().map(|q| {
            let order = &rules.tiebreak;
            (0..order.len().max(q.len()))
                .find(|&i| order.get(i) != q.get(i))
                .unwrap_or(order.len())
        }),
    };
    let all: Vec<TeamId> = group.team_ids().collect();
    let mut tiers = Vec::with_capacity(all.len());
    orderer.resolve(&all, 0, None, None, Chain::Either, &mut tiers)?;
    Ok(Ordering {
        tiers,
        steps: orderer.steps,
        last_step: orderer.last_step,
    })
}

impl<'a> Orderer<'a> {
    /// Appends a tier that no further criterion separates; `last` is the last step applied
    /// to its teams.
    fn place(&mut self, teams: &[TeamId], last: Option<usize>, out: &mut Vec<Tier>) {
        out.push(Tier {
            teams: teams.to_vec(),
            above_next: None,
        });
        self.placed += teams.len();
        self.last_step
            .extend(std::iter::repeat_n(last, teams.len()));
    }

    /// The criteria of `chain`: `order`, or `qualifying_order` once chosen.
    fn criteria(&self, chain: Chain) -> &'a [Criterion] {
        match (chain, &self.rules.qualifying_tiebreak) {
            (Chain::Qualifying, Some(q)) => q,
            _ => &self.rules.tiebreak,
        }
    }

    /// The chain that `count` level teams, about to be resolved from criterion `step`, follow:
    /// `chain` once chosen; where the two chains first differ, `qualifying_order` when the teams
    /// hold places on both sides of the last qualifying place (they start at the next row to
    /// fill), else `order`.
    fn choose(&self, chain: Chain, step: usize, count: usize) -> Chain {
        match self.diverge {
            Some(at) if chain == Chain::Either && step >= at => {
                let (first, advance) = (self.placed, self.rules.advance);
                if first < advance && advance < first + count {
                    Chain::Qualifying
                } else {
                    Chain::Order
                }
            }
            _ => chain,
        }
    }

    /// Orders `teams` (level on every criterion before `step`, the last of them applied in
    /// step `parent`) from criterion `step` of `chain` on, appending their tiers, best first, to
    /// `out`.
    fn resolve(
        &mut self,
        teams: &[TeamId],
        step: usize,
        parent: Option<usize>,
        block: Option<&Block>,
        chain: Chain,
        out: &mut Vec<Tier>,
    ) -> Result<(), MissingData> {
        let chain = self.choose(chain, step, teams.len());
        let criteria = self.criteria(chain);
        if teams.len() < 2 || step >= criteria.len() {
            self.place(teams, parent, out);
            return Ok(());
        }
        let criterion = &criteria[step];
        // A head-to-head criterion starting a block builds the block's mini-table.
        let block = match block {
            Some(b) => Some(b.clone()),
            None if criterion.is_head_to_head() => Some(Block {
                start: step,
                table: Rc::new(self.tables().build(teams)),
                first_row: self.placed,
            }),
            None => None,
        };
        let mut ranked = Vec::with_capacity(teams.len());
        let (among_teams, decision) =
            self.evaluate(criterion, teams, block.as_ref(), &mut ranked)?;
        let among_rows = block
            .as_ref()
            .map_or(0..0, |b| b.first_row..b.first_row + b.table.teams().len());
        // Stable: level teams keep data-file order.
        let better = criterion.better();
        ranked.sort_by(|a, b| better.compare(&a.1, &b.1));
        let order: Vec<TeamId> = ranked.iter().map(|&(t, _)| t).collect();
        let sizes: Vec<usize> = ranked.chunk_by(same_tier).map(<[_]>::len).collect();

        let primary = step == 0 && teams.len() == self.group.teams.len();
        let this_step = self.steps.len();
        self.steps.push(Step {
            criterion: criterion.clone(),
            among: among_teams,
            among_rows,
            values: ranked,
            decision,
            primary,
            qualifying: chain == Chain::Qualifying,
            first_row: self.placed,
            parent,
        });

        let mut start = 0;
        for size in sizes {
            let end = start + size;
            if start > 0 {
                let values = &self.steps[this_step].values;
                let last = out.last_mut().expect("a previous tier exists");
                last.above_next = Some(Separation {
                    criterion: criterion.clone(),
                    values: [values[start - 1].1, values[start].1],
                    decision,
                });
            }
            let sub = &order[start..end];
            start = end;
            match self.next_step(criteria, step, block.as_ref(), sub) {
                Some((next_step, next_block)) => {
                    let block = next_block.as_ref();
                    self.resolve(sub, next_step, Some(this_step), block, chain, out)?;
                }
                None => self.place(sub, Some(this_step), out),
            }
        }
        Ok(())
    }

    /// The group's mini-table builder, made on first use.
    fn tables(&mut self) -> &mut Tables<'a> {
        self.tables
            .get_or_insert_with(|| Tables::new(self.group, self.rules))
    }

    /// Where a set still level after criterion `step` of `chain` goes next: the next criterion,
    /// or (at the end of a head-to-head block, with re-application on) the block's start on the
    /// smaller set.
    fn next_step(
        &mut self,
        chain: &[Criterion],
        step: usize,
        block: Option<&Block>,
        sub: &[TeamId],
    ) -> Option<(usize, Option<Block>)> {
        if sub.len() < 2 {
            return None;
        }
        let Some(block) = block.filter(|_| chain[step].is_head_to_head()) else {
            return Some((step + 1, None));
        };
        if chain.get(step + 1).is_some_and(|c| c.is_head_to_head()) {
            return Some((step + 1, Some(block.clone())));
        }
        if self.rules.head_to_head.mode == HeadToHeadMode::Reapply
            && sub.len() < block.table.teams().len()
        {
            let table = self.tables().derive(&block.table, sub);
            return Some((
                block.start,
                Some(Block {
                    start: block.start,
                    table: Rc::new(table),
                    // Called just before `sub` is resolved: its rows start here.
                    first_row: self.placed,
                }),
            ));
        }
        Some((step + 1, None))
    }

    /// Each team's value under `criterion`, pushed to `values` in the order of `teams`;
    /// returns the mini-table's teams for a head-to-head criterion, and the recorded decision
    /// used, if any. A team the criterion finds no data for is a [`MissingData`] error.
    fn evaluate(
        &mut self,
        criterion: &Criterion,
        teams: &[TeamId],
        block: Option<&Block>,
        values: &mut Vec<(TeamId, Quantity)>,
    ) -> Result<Evaluation, MissingData> {
        let (among_teams, records) = match (criterion.scope(), block) {
            (Scope::HeadToHead, Some(block)) => {
                if self.scratch.len() != self.group.teams.len() {
                    self.scratch = vec![Record::default(); self.group.teams.len()];
                }
                Tables::scatter(&block.table, &mut self.scratch);
                (block.table.teams().to_vec(), self.scratch.as_slice())
            }
            _ => (Vec::new(), self.overall),
        };
        // `decision` reads recorded orders, `playoff` play-offs: the first covering every team.
        let needs = criterion.needs();
        let decision = match needs {
            Needs::Decision | Needs::PlayOff | Needs::ShootOut => {
                let reads = |d: &crate::model::Decision| match needs {
                    Needs::PlayOff => d.is_playoff(),
                    Needs::ShootOut => d.is_shoot_out(),
                    _ => d.playoff.is_none(),
                };
                self.group
                    .decisions
                    .iter()
                    .position(|d| reads(d) && teams.iter().all(|t| d.order.contains(t)))
            }
            _ => None,
        };
        let context = Context {
            group: self.group,
            rules: self.rules,
            records,
            decision,
        };
        let mut missing = Vec::new();
        for &team in teams {
            match criterion.value(&context, team) {
                Some(value) => values.push((team, value)),
                None => missing.push(team),
            }
        }
        if missing.is_empty() {
            Ok((among_teams, decision))
        } else {
            Err(MissingData {
                criterion: criterion.clone(),
                teams: missing,
            })
        }
    }
}
