//! How many teams can be kept below a team, or pushed above it, over every result of the
//! fixtures left: bounds first, then an integer program (`good_lp` with `microlp`) for the
//! teams the bounds leave open.
//!
//! Points are exact decimals, scaled to whole units (a common power of ten) so that "more
//! points" is "at least one unit more". The solver works in floating point on these small
//! whole numbers; its answer is read back as results (rounded to 0 or 1), and the count
//! returned is recounted from those results in exact arithmetic, so it is always a count
//! some results achieve.

use good_lp::{
    Expression, ProblemVariables, Solution, SolverModel, Variable, constraint, microlp, variable,
};
use rust_decimal::Decimal;

use super::{League, RunInError};

/// A fixture's result, as a witness of a count: the results behind it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Res {
    /// The home side wins.
    Home,
    /// A draw.
    Draw,
    /// The away side wins.
    Away,
}

/// Which teams count as above the team.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Count {
    /// Those with more points.
    MorePoints,
    /// Those with at least as many points.
    AtLeastAsMany,
}

/// Which extreme is sought.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Extreme {
    /// The fewest teams above, the team winning every match it has left.
    Fewest,
    /// The most teams above, the team losing every match it has left.
    Most,
}

/// Whole units of points.
struct Scaled {
    win: i64,
    draw: i64,
    loss: i64,
    teams: Vec<i64>,
}

fn scaled(league: &League) -> Result<Scaled, RunInError> {
    let p = league.points;
    let all = [p.win, p.draw, p.loss]
        .into_iter()
        .chain(league.teams.iter().map(|t| t.points));
    let scale = all.clone().map(|d| d.scale()).max().unwrap_or(0);
    let whole = |d: Decimal| -> Result<i64, RunInError> {
        let mut d = d;
        d.rescale(scale);
        i64::try_from(d.mantissa())
            .ok()
            .filter(|m| m.abs() < 1 << 40)
            .ok_or_else(|| RunInError::Solver(format!("points {d} out of range")))
    };
    Ok(Scaled {
        win: whole(p.win)?,
        draw: whole(p.draw)?,
        loss: whole(p.loss)?,
        teams: league
            .teams
            .iter()
            .map(|t| whole(t.points))
            .collect::<Result<_, _>>()?,
    })
}

/// The fewest or most other teams that end above `team` (by `count`), over every result of
/// the fixtures left, `team` winning all of its own (fewest) or losing all (most); with the
/// results of every fixture left (in [`League::fixtures`] order) that achieve it (a draw where
/// the result does not matter).
pub(super) fn count_above(
    league: &League,
    team: usize,
    extreme: Extreme,
    count: Count,
) -> Result<(usize, Vec<Res>), RunInError> {
    let s = scaled(league)?;
    let n = league.teams.len();
    let (own, theirs) = match extreme {
        Extreme::Fewest => (s.win, s.loss),
        Extreme::Most => (s.loss, s.win),
    };
    // Points of every team once `team`'s fixtures are played; the other fixtures are free.
    let mut base = s.teams.clone();
    let mut free_left = vec![0i64; n];
    let mut free = Vec::new();
    let mut results = vec![Res::Draw; league.fixtures.len()];
    for (i, f) in league.fixtures.iter().enumerate() {
        if f.home == team || f.away == team {
            let other = if f.home == team { f.away } else { f.home };
            base[team] += own;
            base[other] += theirs;
            results[i] = match (extreme, f.home == team) {
                (Extreme::Fewest, true) | (Extreme::Most, false) => Res::Home,
                _ => Res::Away,
            };
        } else {
            free_left[f.home] += 1;
            free_left[f.away] += 1;
            free.push((i, *f));
        }
    }
    // A team is above when it has at least `threshold` units.
    let threshold = match count {
        Count::MorePoints => base[team] + 1,
        Count::AtLeastAsMany => base[team],
    };
    let least = |t: usize| base[t] + free_left[t] * s.loss;
    let most = |t: usize| base[t] + free_left[t] * s.win;
    let mut always = 0;
    let mut open = Vec::new();
    for t in (0..n).filter(|&t| t != team) {
        if least(t) >= threshold {
            always += 1;
        } else if most(t) >= threshold {
            open.push(t);
        }
    }
    if open.is_empty() {
        return Ok((always, results));
    }
    let mut is_open = vec![false; n];
    for &t in &open {
        is_open[t] = true;
    }
    // Each free fixture touching an open team: home win h, away win a, draw when neither.
    let mut vars = ProblemVariables::new();
    let fixtures: Vec<_> = free
        .iter()
        .filter(|(_, f)| is_open[f.home] || is_open[f.away])
        .map(|&(i, f)| {
            (
                i,
                f,
                vars.add(variable().binary()),
                vars.add(variable().binary()),
            )
        })
        .collect();
    let above: Vec<Variable> = open.iter().map(|_| vars.add(variable().binary())).collect();
    let objective: Expression = above.iter().sum();
    let mut points: Vec<Expression> = (0..n).map(|t| Expression::from(base[t] as f64)).collect();
    let (dw, dl) = ((s.win - s.draw) as f64, (s.loss - s.draw) as f64);
    for &(_, f, h, a) in &fixtures {
        points[f.home] += s.draw as f64 + dw * h + dl * a;
        points[f.away] += s.draw as f64 + dw * a + dl * h;
    }
    let mut problem = match extreme {
        Extreme::Fewest => vars.minimise(objective),
        Extreme::Most => vars.maximise(objective),
    }
    .using(microlp);
    for &(_, _, h, a) in &fixtures {
        problem = problem.with(constraint!(h + a <= 1));
    }
    for (&t, &y) in open.iter().zip(&above) {
        let p = points[t].clone();
        problem = match extreme {
            // Not above (y = 0) means at most threshold − 1 units.
            Extreme::Fewest => {
                let big = (most(t) - threshold + 1) as f64;
                problem.with(constraint!(p - big * y <= (threshold - 1) as f64))
            }
            // Above (y = 1) means at least threshold units.
            Extreme::Most => {
                let big = (threshold - least(t)) as f64;
                problem.with(constraint!(p - big * y >= (threshold as f64) - big))
            }
        };
    }
    let solution = problem
        .solve()
        .map_err(|e| RunInError::Solver(e.to_string()))?;
    // Recount exactly from the results the solver chose.
    let mut end = base;
    for &(i, f, h, a) in &fixtures {
        let (h, a) = (solution.value(h) > 0.5, solution.value(a) > 0.5);
        let (home, away, result) = match (h, a) {
            (true, _) => (s.win, s.loss, Res::Home),
            (_, true) => (s.loss, s.win, Res::Away),
            _ => (s.draw, s.draw, Res::Draw),
        };
        end[f.home] += home;
        end[f.away] += away;
        results[i] = result;
    }
    let count = always + open.iter().filter(|&&t| end[t] >= threshold).count();
    Ok((count, results))
}
