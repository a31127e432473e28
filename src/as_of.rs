//! Tables as they stood at a point of the season: the steps an input has (its rounds, or the
//! days it was played on) and a competition cut at one of them (`table --until DATE`,
//! `table --matchday N`, and the history of a season step by step).
//!
//! A cut keeps the matches played by then: for [`Step::Date`], those dated on or before the
//! day; for [`Step::Round`], those of rounds 1 to N (a match put off keeps its round, so it
//! counts from its matchday on, wherever its date falls). Everything the engine computes from
//! the cut competition (tiebreaks, explanations, every output) is the table as it stood then.
//!
//! What the record states about the end of the season does not hold part-way: in a group that
//! the cut leaves matches out of, recorded decisions and play-offs (orders decided when the
//! season was over), the recorded facts (`check`'s), the cards (counted over the whole
//! season, so a tie that needs them part-way has no data) and a curtailment go; coefficients
//! and values a rule file declares (rankings that stand before the season) stay. A points
//! deduction stays unless its `date` is after the step (for a round short of the last, after
//! the last day of the matches kept, when they are dated; after the last round the season is
//! whole). Clubs expunged and records taken over are applied as they ended, before the cut.
//! Knockout ties carry no dates and are left whole.

use jiff::civil::Date;

use crate::diagnostic::{Code, Diagnostic};
use crate::model::{Competition, Group};

/// A day written `YYYY-MM-DD` (`--until`'s form, and the Python bindings' `until`): exactly
/// four, two and two digits, a real day of the calendar.
pub fn parse_day(text: &str) -> Option<Date> {
    let shaped = text.len() == 10
        && text.bytes().enumerate().all(|(i, b)| match i {
            4 | 7 => b == b'-',
            _ => b.is_ascii_digit(),
        });
    text.parse().ok().filter(|_| shaped)
}

/// A point of a season a table can be taken at: after a round, or at the end of a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Step {
    /// After the matches of rounds 1 to N (`--matchday N`).
    Round(u32),
    /// After the matches played on or before the day (`--until DATE`).
    Date(Date),
}

impl std::fmt::Display for Step {
    /// `matchday 3`, `2019-08-10`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Step::Round(n) => write!(f, "matchday {n}"),
            Step::Date(d) => write!(f, "{d}"),
        }
    }
}

impl Step {
    /// The words a heading adds to a competition's name: `after matchday 3`, `up to
    /// 2019-08-10`.
    pub fn heading(&self) -> String {
        match self {
            Step::Round(n) => format!("after matchday {n}"),
            Step::Date(d) => format!("up to {d}"),
        }
    }

    /// Whether match `i` of `group` is played by this step; `None` when the group does not
    /// say (no date, or no round, for that match).
    pub fn includes(&self, group: &Group, i: usize) -> Option<bool> {
        match *self {
            Step::Round(n) => group.schedule.round(i).map(|r| r <= n),
            Step::Date(d) => group.schedule.date(i).map(|day| day <= d),
        }
    }

    /// What this step reads from an input, in messages.
    fn needs(&self) -> &'static str {
        match self {
            Step::Round(_) => "a round",
            Step::Date(_) => "a date",
        }
    }
}

/// The ordered steps of a group: its rounds when every match has one, else the days it was
/// played on when every match has a date, else none. A group without matches has none.
pub fn steps(group: &Group) -> Vec<Step> {
    let schedule = &group.schedule;
    let whole = |len: usize| len > 0 && len == group.matches.len();
    let mut steps: Vec<Step> = if whole(schedule.rounds.len()) {
        match schedule
            .rounds
            .iter()
            .copied()
            .collect::<Option<Vec<u32>>>()
        {
            Some(rounds) => rounds.into_iter().map(Step::Round).collect(),
            None => Vec::new(),
        }
    } else {
        Vec::new()
    };
    if steps.is_empty() && whole(schedule.dates.len()) {
        steps = match schedule
            .dates
            .iter()
            .copied()
            .collect::<Option<Vec<Date>>>()
        {
            Some(dates) => dates.into_iter().map(Step::Date).collect(),
            None => Vec::new(),
        };
    }
    steps.sort_unstable();
    steps.dedup();
    steps
}

/// The steps of a whole competition: those of every group, in order, each once (the rounds,
/// when every group with matches has rounds; else the days).
pub fn competition_steps(competition: &Competition) -> Vec<Step> {
    let played = || competition.groups.iter().filter(|g| !g.matches.is_empty());
    let per_group: Vec<Vec<Step>> = played().map(steps).collect();
    let by_rounds = per_group
        .iter()
        .all(|s| s.first().is_some_and(|s| matches!(s, Step::Round(_))));
    let mut all: Vec<Step> = if by_rounds {
        per_group.into_iter().flatten().collect()
    } else {
        played()
            .flat_map(|g| g.schedule.dates.iter().copied().flatten())
            .map(Step::Date)
            .collect()
    };
    all.sort_unstable();
    all.dedup();
    all
}

/// The competition as it stood at `step`: each group with the matches played by then (see the
/// module's documentation for what else a cut changes). An error, naming the file, when the
/// input does not say what the step needs: no match with a date (or a round) at all, or a match
/// without one in a group whose other matches have one (at that match, when its place is
/// known).
pub fn as_of(competition: &Competition, step: Step) -> Result<Competition, Diagnostic> {
    lacks(competition, step).map_or(Ok(()), Err)?;
    let mut cut = competition.clone();
    for group in &mut cut.groups {
        cut_group(group, step);
    }
    Ok(cut)
}

/// Why `competition` cannot be cut at `step`, if it cannot.
pub fn lacks(competition: &Competition, step: Step) -> Option<Diagnostic> {
    let path = competition.path.display();
    let given = |g: &Group| match step {
        Step::Round(_) => g.schedule.rounds.len(),
        Step::Date(_) => g.schedule.dates.len(),
    };
    if competition.groups.iter().all(|g| given(g) == 0) {
        let (option, other) = match step {
            Step::Round(_) => ("--matchday N", ", so --until DATE works"),
            Step::Date(_) => ("--until DATE", ", so --matchday N works"),
        };
        let has_other = competition.groups.iter().any(|g| match step {
            Step::Round(_) => !g.schedule.dates.is_empty(),
            Step::Date(_) => !g.schedule.rounds.is_empty(),
        });
        let what = match step {
            Step::Round(_) => "rounds",
            Step::Date(_) => "dates",
        };
        let why = if has_other {
            format!(
                "its matches have {} but no {what}{other}",
                if what == "rounds" { "dates" } else { "rounds" }
            )
        } else if competition.groups.iter().all(|g| g.matches.is_empty()) {
            return Some(Diagnostic::new(
                Code::NoSchedule,
                format!(
                    "{path}: {option} cuts the matches of groups and leagues, and it has none (knockout ties carry no dates and are never cut); expected an input with group or league matches"
                ),
            ));
        } else {
            format!("its matches have no {what}")
        };
        return Some(Diagnostic::new(
            Code::NoSchedule,
            format!(
                "{path}: {option} needs {} for every match, and {why}; expected {}",
                step.needs(),
                where_from(step)
            ),
        ));
    }
    for group in &competition.groups {
        if let Some(i) = (0..group.matches.len()).find(|&i| step.includes(group, i).is_none()) {
            let name = crate::diagnostic::excerpt(&group.name);
            let needs = step.needs();
            let message = if given(group) == 0 {
                format!(
                    "{name} has no match with {needs}, though other groups do; expected {needs} for every match, as the table at {step} needs"
                )
            } else {
                format!(
                    "a match of {name} without {needs}, in a group whose other matches have one; expected {needs} for every match, as the table at {step} needs"
                )
            };
            return Some(match (&competition.origin.0, group.spans.of_match(i)) {
                (Some(source), Some(at)) => source.error(Code::NoSchedule, at, message),
                _ => Diagnostic::new(Code::NoSchedule, format!("{path}: {message}")),
            });
        }
    }
    None
}

/// Notes on dates that cannot be right, for standard error with `--until`: matches of a later
/// round dated before the first day of round 1 (the 2019–20 Championship file dates its 77
/// matches of June and July 2020 in July 2019). They are cut by their dates as written; the
/// note says so, naming the first of them. Groups without both dates and rounds have none.
pub fn doubtful_dates(competition: &Competition) -> Vec<String> {
    let mut notes = Vec::new();
    for group in &competition.groups {
        let whole = |len: usize| len > 0 && len == group.matches.len();
        if !whole(group.schedule.dates.len()) || !whole(group.schedule.rounds.len()) {
            continue;
        }
        let of = |i: usize| Some((group.schedule.round(i)?, group.schedule.date(i)?));
        let played: Vec<(u32, Date)> = (0..group.matches.len()).filter_map(of).collect();
        let Some(opening) = played
            .iter()
            .filter(|(r, _)| *r == 1)
            .map(|(_, d)| *d)
            .min()
        else {
            continue;
        };
        let early: Vec<&(u32, Date)> = played
            .iter()
            .filter(|(r, d)| *r > 1 && *d < opening)
            .collect();
        if let Some((round, day)) = early.iter().min_by_key(|(r, d)| (*d, *r)) {
            notes.push(format!(
                "note: {}: {}: {} match(es) of later rounds dated before matchday 1 began ({opening}), the first of matchday {round} on {day}: the dates may be wrong, and --until counts them as written",
                competition.path.display(),
                crate::diagnostic::excerpt(&group.name),
                early.len()
            ));
        }
    }
    notes
}

/// Where each input format gives what `step` needs, for messages.
fn where_from(step: Step) -> &'static str {
    match step {
        Step::Round(_) => {
            "football.json's `round` (\"Matchday 1\") or a data file's `round` per match; a football-data CSV file has no rounds"
        }
        Step::Date(_) => {
            "a football-data CSV file's Date column, football.json's `date` or a data file's `date` per match"
        }
    }
}

/// Cuts one group at `step`, which its every match can answer.
fn cut_group(group: &mut Group, step: Step) {
    let keep: Vec<bool> = (0..group.matches.len())
        .map(|i| step.includes(group, i).unwrap_or(true))
        .collect();
    let whole = keep.iter().all(|k| *k);
    // The last day of the matches kept, for a deduction's date: the step's own day, or, for a
    // round, the last date among its matches when they are dated. After the last round the
    // season is whole, and so are its deductions, those made after its last match included.
    let last_day = match step {
        Step::Date(d) => Some(d),
        Step::Round(_) if whole => None,
        Step::Round(_) => keep
            .iter()
            .enumerate()
            .filter(|(_, k)| **k)
            .map(|(i, _)| group.schedule.date(i))
            .collect::<Option<Vec<Date>>>()
            .and_then(|days| days.into_iter().max()),
    };
    if let Some(last) = last_day {
        group
            .rulings
            .deductions
            .retain(|d| d.date.is_none_or(|day| day <= last));
    }
    if whole {
        return;
    }
    group.retain_matches(&keep);
    // Orders decided and facts stated when the season was over do not hold part-way, nor do
    // the cards counted over the whole season: a tie that needs them part-way has no data.
    group.decisions.clear();
    group.record = Default::default();
    group.rulings.curtailed = None;
    for cards in &mut group.cards {
        *cards = None;
    }
}
