//! Ordering a group by the rule file's chain of criteria.
//!
//! The first criterion sorts the whole group; each later one is applied only to teams still
//! level. Head-to-head criteria read a mini-table of the matches among the teams that were level
//! when the head-to-head block began; with `head_to_head.reapply`, a smaller set still level after
//! the whole block gets the block again on its own matches. `decision` orders a set only when the
//! data records a decision covering all of it; otherwise the tie stays, and is reported.
//! Every criterion applied to two or more teams is kept as a [`Step`], so any order can be
//! explained. A criterion that needs data the group does not record (cards, coefficients) is an
//! error naming the teams, never a zero.

use rust_decimal::Decimal;

use crate::model::{Group, TeamId};
use crate::records::{FoldOptions, Record, among, fold};
use crate::rules::{Criterion, GroupRules};

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
    pub values: [Decimal; 2],
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
    /// Each team's value, best first.
    pub values: Vec<(TeamId, Decimal)>,
    /// The result: the teams grouped by equal value, best first.
    pub tiers: Vec<Vec<TeamId>>,
    /// For `decision`, the index of the recorded decision used (`None` when none applied).
    pub decision: Option<usize>,
    /// Whether this is the first criterion sorting the whole group (not a tiebreak).
    pub primary: bool,
}

/// A criterion reached a tie it needs data for, and the data does not record it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MissingData {
    /// The criterion.
    pub criterion: Criterion,
    /// The tied teams without the data.
    pub teams: Vec<TeamId>,
}

impl Step {
    /// Whether the criterion left every team level.
    pub fn is_level(&self) -> bool {
        self.tiers.len() == 1
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
}

impl Ordering {
    /// The tiebreak steps proper: every step but the primary sort.
    pub fn tiebreaks(&self) -> impl Iterator<Item = &Step> {
        self.steps.iter().filter(|s| !s.primary)
    }

    /// The steps that compared `a` and `b`, in order: the last one separated them, unless they
    /// are level on every criterion.
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
    /// The teams whose matches make up the mini-table.
    base: Vec<TeamId>,
}

/// Each team's value, the mini-table's teams (head-to-head), and the decision used (if any).
type Evaluation = (Vec<Decimal>, Vec<TeamId>, Option<usize>);

struct Orderer<'a> {
    group: &'a Group,
    rules: &'a GroupRules,
    overall: &'a [Record],
    steps: Vec<Step>,
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
        steps: Vec::new(),
    };
    let all: Vec<TeamId> = (0..group.teams.len()).collect();
    let tiers = orderer.resolve(all, 0, None)?;
    Ok(Ordering {
        tiers,
        steps: orderer.steps,
    })
}

impl Orderer<'_> {
    fn resolve(
        &mut self,
        teams: Vec<TeamId>,
        step: usize,
        block: Option<Block>,
    ) -> Result<Vec<Tier>, MissingData> {
        if teams.len() < 2 || step >= self.rules.tiebreak.len() {
            return Ok(vec![Tier {
                teams,
                above_next: None,
            }]);
        }
        let criterion = self.rules.tiebreak[step];
        let (values, among_teams, decision) = self.evaluate(criterion, &teams, block.as_ref())?;

        let mut ranked: Vec<(TeamId, Decimal)> = teams.iter().copied().zip(values).collect();
        // Stable: level teams keep data-file order.
        ranked.sort_by_key(|&(_, value)| std::cmp::Reverse(value));
        let mut split: Vec<(Decimal, Vec<TeamId>)> = Vec::new();
        for &(team, value) in &ranked {
            match split.last_mut() {
                Some((v, tier)) if *v == value => tier.push(team),
                _ => split.push((value, vec![team])),
            }
        }

        let primary = step == 0 && teams.len() == self.group.teams.len();
        self.steps.push(Step {
            criterion,
            among: among_teams,
            values: ranked,
            tiers: split.iter().map(|(_, t)| t.clone()).collect(),
            decision,
            primary,
        });

        let values: Vec<Decimal> = split.iter().map(|(v, _)| *v).collect();
        let mut tiers: Vec<Tier> = Vec::new();
        for (i, (_, sub)) in split.into_iter().enumerate() {
            if i > 0 {
                let last = tiers.last_mut().expect("a previous tier exists");
                last.above_next = Some(Separation {
                    criterion,
                    values: [values[i - 1], values[i]],
                    decision,
                });
            }
            let next = self.next_step(criterion, step, &teams, block.as_ref(), &sub);
            tiers.extend(match next {
                Some((next_step, next_block)) => self.resolve(sub, next_step, next_block)?,
                None => vec![Tier {
                    teams: sub,
                    above_next: None,
                }],
            });
        }
        Ok(tiers)
    }

    /// Where a set still level after `criterion` goes next: the next criterion, or (at the end
    /// of a head-to-head block, with re-application on) the block's start on the smaller set.
    fn next_step(
        &self,
        criterion: Criterion,
        step: usize,
        teams: &[TeamId],
        block: Option<&Block>,
        sub: &[TeamId],
    ) -> Option<(usize, Option<Block>)> {
        if sub.len() < 2 {
            return None;
        }
        if !criterion.is_head_to_head() {
            return Some((step + 1, None));
        }
        let block = block.cloned().unwrap_or_else(|| Block {
            start: step,
            base: teams.to_vec(),
        });
        let chain = &self.rules.tiebreak;
        if chain.get(step + 1).is_some_and(|c| c.is_head_to_head()) {
            return Some((step + 1, Some(block)));
        }
        if self.rules.head_to_head.reapply && sub.len() < block.base.len() {
            let start = block.start;
            return Some((
                start,
                Some(Block {
                    start,
                    base: sub.to_vec(),
                }),
            ));
        }
        Some((step + 1, None))
    }

    /// Each team's value under `criterion` (higher is better), the mini-table's teams for a
    /// head-to-head criterion, and the recorded decision used, if any.
    fn evaluate(
        &self,
        criterion: Criterion,
        teams: &[TeamId],
        block: Option<&Block>,
    ) -> Result<Evaluation, MissingData> {
        let recorded = |values: Vec<Option<Decimal>>| {
            let missing: Vec<TeamId> = teams
                .iter()
                .zip(&values)
                .filter(|(_, v)| v.is_none())
                .map(|(t, _)| *t)
                .collect();
            if missing.is_empty() {
                Ok((values.into_iter().flatten().collect(), Vec::new(), None))
            } else {
                Err(MissingData {
                    criterion,
                    teams: missing,
                })
            }
        };
        Ok(match criterion {
            Criterion::Overall(stat) => (
                teams.iter().map(|&t| self.overall[t].stat(stat)).collect(),
                Vec::new(),
                None,
            ),
            Criterion::FairPlay => {
                let per_card = self
                    .rules
                    .fair_play
                    .as_ref()
                    .expect("rules naming fair_play have card values (checked on load)");
                return recorded(
                    teams
                        .iter()
                        .map(|&t| {
                            self.group.cards[t].map(|c| {
                                per_card.yellow * Decimal::from(c.yellow)
                                    + per_card.indirect_red * Decimal::from(c.indirect_red)
                                    + per_card.direct_red * Decimal::from(c.direct_red)
                                    + per_card.yellow_direct_red
                                        * Decimal::from(c.yellow_direct_red)
                            })
                        })
                        .collect(),
                );
            }
            Criterion::Coefficient => {
                return recorded(teams.iter().map(|&t| self.group.coefficients[t]).collect());
            }
            Criterion::HeadToHead(stat) => {
                let base = block.map_or_else(|| teams.to_vec(), |b| b.base.clone());
                let mini = fold(
                    self.group.teams.len(),
                    among(&self.group.matches, &base),
                    self.rules,
                    FoldOptions {
                        deductions: self.rules.head_to_head.deductions_count,
                    },
                );
                (
                    teams.iter().map(|&t| mini[t].stat(stat)).collect(),
                    base,
                    None,
                )
            }
            Criterion::Decision => {
                let found = self
                    .group
                    .decisions
                    .iter()
                    .position(|d| teams.iter().all(|t| d.order.contains(t)));
                let values = match found {
                    Some(i) => {
                        let order = &self.group.decisions[i].order;
                        teams
                            .iter()
                            .map(|t| {
                                let rank = order.iter().position(|o| o == t).unwrap_or(0);
                                -Decimal::from(rank)
                            })
                            .collect()
                    }
                    None => vec![Decimal::ZERO; teams.len()],
                };
                (values, Vec::new(), found)
            }
        })
    }
}
