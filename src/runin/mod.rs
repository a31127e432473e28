//! A league's run-in: each team's best and worst possible final place with matches still to
//! play, and what it has clinched (the title, a qualifying place, safety).
//!
//! The input is abstract ([`League`]: points so far, goal differences, the fixtures left, the
//! points per result and how a tie on points is settled), so any reader that keeps unplayed
//! fixtures can feed it ([`League::from_group`] builds one from a group and its rules).
//!
//! A place is the engine's: one more than the number of teams ranked strictly above
//! ([`crate::compute::standings::Row::position`]). Points decide most of the answer; the
//! question "at least how many teams can be kept above T / pushed above T" over every
//! result of the fixtures left is an integer program, solved by `good_lp`'s pure-Rust
//! `microlp` backend (`solver.rs`), after bounds have settled every team that cannot catch T or
//! cannot be caught. Ties on points follow [`TiesOnPoints`]; where they leave a range,
//! [`of_group`] ranks completed seasons built from the solver's results with the ordinary
//! engine, which narrows it and makes it exact where a season reaches the bound
//! (`witness.rs`). `docs/scenarios.md` says what each case answers and why it is exact.

mod solver;
mod witness;
pub use witness::margin as witness_margin;

use rust_decimal::Decimal;

use crate::compute::standings::{Row, records, rows_as_far_as_data_goes};
use crate::model::{Group, TeamId};
use crate::rules::GroupRules;
use solver::Res;
use witness::Side;

/// How teams level on points end up ordered, read from the rule set's chain.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TiesOnPoints {
    /// The chain is points alone: level teams share a place.
    Shared,
    /// Goal difference comes next: margins are unbounded, so a team with a match left can be
    /// put above (winning by enough) or below (losing by enough) every team level with it.
    Margins,
    /// Something else comes next (head-to-head, a recorded value): level teams may end either
    /// way, and the answer is a range where a tie on points could remain.
    Open,
}

impl TiesOnPoints {
    /// Reads the chain(s) of `rules`; `None` when points are not the first criterion (points
    /// per game, say), which this analysis does not model.
    pub fn of(rules: &GroupRules) -> Option<TiesOnPoints> {
        let chains = std::iter::once(&rules.tiebreak).chain(rules.qualifying_tiebreak.as_ref());
        let mut ties = None;
        for chain in chains {
            let keys: Vec<&str> = chain.iter().map(|c| c.key()).collect();
            let this = match keys.as_slice() {
                ["points"] => TiesOnPoints::Shared,
                ["points", "goal_difference", ..] => TiesOnPoints::Margins,
                ["points", ..] => TiesOnPoints::Open,
                _ => return None,
            };
            // Two chains that settle a tie on points differently: neither can be relied on.
            ties = match ties {
                Some(t) if t != this => Some(TiesOnPoints::Open),
                _ => Some(this),
            };
        }
        ties
    }
}

/// Points per result, exact.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PointsPerResult {
    /// For a win.
    pub win: Decimal,
    /// For a draw.
    pub draw: Decimal,
    /// For a defeat.
    pub loss: Decimal,
}

/// A fixture still to play, by index into [`League::teams`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Fixture {
    /// The home side.
    pub home: usize,
    /// The away side.
    pub away: usize,
}

/// A team as it stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Standing {
    /// Its name.
    pub name: String,
    /// Points so far, deductions included.
    pub points: Decimal,
}

/// A league part-way through: the input of [`analyse`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct League {
    /// The teams and their points so far.
    pub teams: Vec<Standing>,
    /// The fixtures left.
    pub fixtures: Vec<Fixture>,
    /// Points per result (a win worth at least a draw, a draw at least a defeat).
    pub points: PointsPerResult,
    /// How a tie on points is settled.
    pub ties: TiesOnPoints,
    /// Qualifying places at the top (the rule file's `qualification.advance`).
    pub advance: usize,
    /// Relegation places at the bottom (the rule file's `qualification.relegated`; 0 for none).
    pub relegated: usize,
}

/// Why a league cannot be analysed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RunInError {
    /// The tiebreak chain does not start with points.
    #[error(
        "the tiebreak chain does not start with \"points\"; expected a league ranked on points"
    )]
    NotOnPoints,
    /// Points per result out of order.
    #[error("points per result must be win ≥ draw ≥ loss")]
    PointsOutOfOrder,
    /// A fixture names a team that is not in the league, or a team against itself.
    #[error("fixture {0} names no team of the league, or a team against itself")]
    BadFixture(usize),
    /// The table as it stands cannot be ranked even on points (no criterion is left once those
    /// without data are cut).
    #[error("the table as it stands cannot be ranked with the data the group has")]
    NoTable,
    /// The solver failed (it should not on a well-formed league).
    #[error("the integer-programming solver failed: {0}")]
    Solver(String),
}

/// A place known exactly or within bounds: `low` ≤ the true place ≤ `high`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Place {
    /// The best (smallest) the true value can be.
    pub low: usize,
    /// The worst (largest) the true value can be.
    pub high: usize,
}

impl Place {
    /// Whether the place is known exactly.
    pub fn is_exact(&self) -> bool {
        self.low == self.high
    }
}

/// One team's run-in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outlook {
    /// The team, by index into [`League::teams`].
    pub team: usize,
    /// Its best possible final place: the highest it can finish under some results and
    /// scores of the fixtures left.
    pub best: Place,
    /// Its worst possible final place: the lowest it can be made to finish.
    pub worst: Place,
    /// Fixtures it has left.
    pub left: usize,
}

impl Outlook {
    /// Whether it finishes first whatever happens.
    pub fn clinched_title(&self) -> bool {
        self.worst.high == 1
    }

    /// Whether it finishes in the qualifying places whatever happens.
    pub fn clinched_qualification(&self, league: &League) -> bool {
        league.advance > 0 && self.worst.high <= league.advance
    }

    /// Whether it finishes above the relegation places whatever happens.
    pub fn clinched_safety(&self, league: &League) -> bool {
        league.relegated > 0
            && self.worst.high <= league.teams.len().saturating_sub(league.relegated)
    }

    /// Whether it finishes in the relegation places whatever happens.
    pub fn relegated(&self, league: &League) -> bool {
        league.relegated > 0 && self.best.low > league.teams.len().saturating_sub(league.relegated)
    }

    /// Whether it can still finish first, for certain: its best place is exactly first.
    pub fn can_win_title(&self) -> bool {
        self.best.high == 1
    }

    /// Whether it may still finish first: its best place is a range that reaches first, so
    /// whether it can is not settled ([`Place`] ranges are sound, not exact).
    pub fn may_win_title(&self) -> bool {
        self.best.low == 1 && self.best.high > 1
    }
}

impl League {
    /// A league from a group's played matches and its fixtures left: points as the engine
    /// folds them (forfeits and deductions off the pitch included), qualifying and relegation
    /// places from the rules (`qualification.advance`, `qualification.relegated`). An error
    /// when points are not the chain's first criterion.
    pub fn from_group(
        group: &Group,
        rules: &GroupRules,
        fixtures: &[(TeamId, TeamId)],
    ) -> Result<League, RunInError> {
        let ties = TiesOnPoints::of(rules).ok_or(RunInError::NotOnPoints)?;
        let records = records(group, rules);
        Ok(League {
            teams: group
                .teams
                .iter()
                .zip(&records)
                .map(|(name, r)| Standing {
                    name: name.clone(),
                    points: r.points(),
                })
                .collect(),
            fixtures: fixtures
                .iter()
                .map(|&(home, away)| Fixture {
                    home: home.index(),
                    away: away.index(),
                })
                .collect(),
            points: PointsPerResult {
                win: rules.points.win,
                draw: rules.points.draw,
                loss: rules.points.loss,
            },
            ties,
            advance: rules.advance,
            relegated: rules.relegated,
        })
    }

    fn check(&self) -> Result<(), RunInError> {
        let p = self.points;
        if !(p.win >= p.draw && p.draw >= p.loss) {
            return Err(RunInError::PointsOutOfOrder);
        }
        for (i, f) in self.fixtures.iter().enumerate() {
            if f.home >= self.teams.len() || f.away >= self.teams.len() || f.home == f.away {
                return Err(RunInError::BadFixture(i));
            }
        }
        Ok(())
    }
}

/// Every team's best and worst final place, in team order.
///
/// Best: the team wins every match it has left (more points for it, none for its opponents
/// is never worse for it), and the fewest teams possible are kept above it. Worst: it loses
/// every match, and the most teams possible are pushed above it. Which teams count as above
/// depends on [`TiesOnPoints`]; where it leaves a tie on points open, the place is a range
/// between counting level teams below and above.
pub fn analyse(league: &League) -> Result<Vec<Outlook>, RunInError> {
    league.check()?;
    (0..league.teams.len())
        .map(|team| outlook(league, team))
        .collect()
}

/// One team's best and worst final place (see [`analyse`]).
pub fn outlook(league: &League, team: usize) -> Result<Outlook, RunInError> {
    witnessed(league, team).map(|(o, _)| o)
}

/// The results behind a place that is a range: for each extreme, the completions' results
/// the solver found for it ([`witness`] gives them scores and ranks them).
struct Witnesses {
    /// For the best place: the results keeping fewest teams on more points, and those keeping
    /// fewest on at least as many.
    best: Vec<Vec<Res>>,
    /// For the worst place: the results pushing most teams to at least as many, and those
    /// pushing most to more.
    worst: Vec<Vec<Res>>,
}

/// [`outlook`], with the results behind each extreme that is a range.
fn witnessed(league: &League, team: usize) -> Result<(Outlook, Witnesses), RunInError> {
    use solver::{Count, Extreme};
    let left = league
        .fixtures
        .iter()
        .filter(|f| f.home == team || f.away == team)
        .count();
    let best = |count| solver::count_above(league, team, Extreme::Fewest, count);
    let worst = |count| solver::count_above(league, team, Extreme::Most, count);
    let exact = |n: usize| Place {
        low: 1 + n,
        high: 1 + n,
    };
    let no_witness = Witnesses {
        best: Vec::new(),
        worst: Vec::new(),
    };
    let (best, worst, witnesses) = match (league.ties, left > 0) {
        // A place shared on points alone is that place, but not one clinched alone: the worst
        // place reaches past every team that can end level.
        (TiesOnPoints::Shared, _) => (
            exact(best(Count::MorePoints)?.0),
            Place {
                low: 1 + worst(Count::MorePoints)?.0,
                high: 1 + worst(Count::AtLeastAsMany)?.0,
            },
            no_witness,
        ),
        (TiesOnPoints::Margins, true) => (
            exact(best(Count::MorePoints)?.0),
            exact(worst(Count::AtLeastAsMany)?.0),
            no_witness,
        ),
        _ => {
            let (best_low, best_more) = best(Count::MorePoints)?;
            let (best_high, best_level) = best(Count::AtLeastAsMany)?;
            let (worst_low, worst_more) = worst(Count::MorePoints)?;
            let (worst_high, worst_level) = worst(Count::AtLeastAsMany)?;
            let best = Place {
                low: 1 + best_low,
                high: 1 + best_high,
            };
            let worst = Place {
                low: 1 + worst_low,
                high: 1 + worst_high,
            };
            let witnesses = Witnesses {
                best: if best.is_exact() {
                    Vec::new()
                } else {
                    vec![best_more, best_level]
                },
                worst: if worst.is_exact() {
                    Vec::new()
                } else {
                    vec![worst_level, worst_more]
                },
            };
            (best, worst, witnesses)
        }
    };
    Ok((
        Outlook {
            team,
            best,
            worst,
            left,
        },
        witnesses,
    ))
}

/// A group's run-in as reported: the table as it stands and each team's outlook.
#[derive(Debug, Clone)]
pub struct GroupRunIn<'a> {
    /// The group.
    pub group: &'a Group,
    /// The league it is, as analysed.
    pub league: League,
    /// The table as it stands, best first, as far as the data goes: teams level up to a
    /// criterion whose data the group lacks (cards not recorded) share a place.
    pub rows: Vec<Row>,
    /// The criteria cut from the chain for want of data (their keys), empty when none was.
    pub cut: Vec<String>,
    /// Each team's outlook, in team order ([`League::teams`]).
    pub outlooks: Vec<Outlook>,
}

/// A group's run-in: its league ([`League::from_group`], the fixtures left being the group's
/// `fixtures`), every team's outlook ([`analyse`]) and the table as it stands.
///
/// Where [`analyse`] gives a range, completed seasons built from the solver's results are
/// ranked by the ordinary engine, under the whole chain: each is a place the team reaches, so
/// it narrows the range, and makes it exact where it meets the bound (docs/scenarios.md).
///
/// With nothing left to play, the places are the table's, ties broken as the engine breaks
/// them; a tie the chain would break with data the group lacks is then the range of the places
/// the teams level share (the data would settle it, and nobody has it).
pub fn of_group<'a>(group: &'a Group, rules: &GroupRules) -> Result<GroupRunIn<'a>, RunInError> {
    let fixtures: Vec<_> = group.fixtures.iter().map(|f| (f.home, f.away)).collect();
    let league = League::from_group(group, rules, &fixtures)?;
    league.check()?;
    let mut outlooks = Vec::with_capacity(league.teams.len());
    for team in 0..league.teams.len() {
        let (mut o, mut w) = witnessed(&league, team)?;
        if fixtures.is_empty() {
            // The table as it stands is the season: its places are taken below.
            (w.best, w.worst) = (Vec::new(), Vec::new());
        }
        // A range's extreme that a completed season reaches is exact (docs/scenarios.md).
        for results in &w.best {
            if o.best.is_exact() {
                break;
            }
            if let Some(at) = witness::place(group, rules, &league, team, Side::Best, results) {
                debug_assert!(at >= o.best.low, "a season beats the best place's bound");
                o.best.high = o.best.high.min(at.max(o.best.low));
            }
        }
        for results in &w.worst {
            if o.worst.is_exact() {
                break;
            }
            if let Some(at) = witness::place(group, rules, &league, team, Side::Worst, results) {
                debug_assert!(
                    at <= o.worst.high,
                    "a season passes the worst place's bound"
                );
                o.worst.low = o.worst.low.max(at.min(o.worst.high));
            }
        }
        outlooks.push(o);
    }
    let (rows, cuts) = rows_as_far_as_data_goes(group, rules).ok_or(RunInError::NoTable)?;
    if fixtures.is_empty() {
        for row in &rows {
            // Teams sharing a place (on data not recorded, or with the chain run out and no
            // decision recorded) each may end anywhere in the places they share.
            let level = rows.iter().filter(|r| r.position == row.position).count();
            let at = Place {
                low: row.position,
                high: row.position + level - 1,
            };
            let o = &mut outlooks[row.team.index()];
            (o.best, o.worst) = (at, at);
        }
    }
    Ok(GroupRunIn {
        group,
        league,
        rows,
        cut: cuts.iter().map(|m| m.criterion.key().to_string()).collect(),
        outlooks,
    })
}
