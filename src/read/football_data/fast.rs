//! The fast path of the CSV reader: a row of the usual kind (printable ASCII, teams its group
//! has, plain numbers of goals, the Div and Season of a group read recently) added from its
//! field slices, without the checks that cannot fail for it.

use super::Columns;
use crate::read::results::GroupResults;

/// The groups of the rows read in full most recently, each with the Div and Season it was
/// written with, the latest first: a file that interleaves divisions (a season of every
/// league, by date) reads fast too.
#[derive(Default)]
pub(super) struct Recent {
    groups: Vec<(usize, String, String)>,
}

impl Recent {
    /// How many groups are remembered.
    const SIZE: usize = 32;

    /// Notes that `group` was written with `div` and `season`.
    pub(super) fn set(&mut self, group: usize, div: &str, season: &str) {
        if let Some(i) = self.groups.iter().position(|(g, ..)| *g == group) {
            let entry = self.groups.remove(i);
            self.groups.insert(0, entry);
            return;
        }
        self.groups.truncate(Self::SIZE - 1);
        self.groups
            .insert(0, (group, div.to_string(), season.to_string()));
    }

    /// The group last read.
    pub(super) fn latest(&self) -> Option<usize> {
        self.groups.first().map(|(g, ..)| *g)
    }

    /// The group of a row whose Div and Season are written as a remembered group's were.
    pub(super) fn find(&self, row: &Fields<'_>, columns: &Columns) -> Option<usize> {
        let written = |column: Option<usize>, role: usize| match column {
            None => Some(&b""[..]),
            Some(_) => row.plain(role),
        };
        let (div, season) = (written(columns.div, DIV)?, written(columns.season, SEASON)?);
        // An empty Season is an error, which the full reading reports.
        if columns.season.is_some() && season.is_empty() {
            return None;
        }
        self.groups
            .iter()
            .find(|(_, d, s)| d.as_bytes() == div && s.as_bytes() == season)
            .map(|(g, ..)| *g)
    }
}

/// The most columns a row read fast may need (the last needed column's index, plus one).
pub(super) const FAST_COLUMNS: usize = 32;

/// The fields a fast reading looks at, by role: slots in [`Fields`].
pub(super) const HOME: usize = 0;
pub(super) const AWAY: usize = 1;
pub(super) const HOME_GOALS: usize = 2;
pub(super) const AWAY_GOALS: usize = 3;
pub(super) const DIV: usize = 4;
pub(super) const SEASON: usize = 5;
/// The match's date, read only when asked for (`Columns::date`).
pub(super) const DATE: usize = 6;
/// A column no role reads.
pub(super) const UNUSED: u8 = u8::MAX;

/// The fields of one row a fast reading looks at, by role ([`HOME`] … [`SEASON`]); a role
/// the file has no column for is empty.
pub(super) struct Fields<'r> {
    fields: [&'r [u8]; 7],
}

impl<'r> Fields<'r> {
    /// The fields of a record the `csv` crate read, or `None` if it has too few.
    pub(super) fn of_record(row: &'r csv::ByteRecord, columns: &Columns) -> Option<Fields<'r>> {
        if columns.last_needed >= FAST_COLUMNS || row.len() <= columns.last_needed {
            return None;
        }
        Some(Fields::of(row.iter(), columns))
    }

    /// The fields of a line split at `delimiter`, or `None` if it has too few.
    pub(super) fn of_line(line: &'r [u8], delimiter: u8, columns: &Columns) -> Option<Fields<'r>> {
        if columns.last_needed >= FAST_COLUMNS {
            return None;
        }
        // Enough fields: one delimiter before each column up to the last needed.
        let present = memchr::memchr_iter(delimiter, line)
            .take(columns.last_needed)
            .count();
        if present < columns.last_needed {
            return None;
        }
        Some(Fields::of(line.split(|&b| b == delimiter), columns))
    }

    /// The roles' fields among `row`'s first fields, which are at least as many as needed.
    fn of(row: impl Iterator<Item = &'r [u8]>, columns: &Columns) -> Fields<'r> {
        let mut fields = [&b""[..]; 7];
        for (field, &slot) in row.zip(&columns.slot_of[..=columns.last_needed]) {
            if slot != UNUSED {
                fields[usize::from(slot)] = field;
            }
        }
        Fields { fields }
    }

    /// The field of `role` as printable ASCII without its surrounding spaces, or `None` when
    /// it holds anything else (which the full reading then checks: other characters,
    /// normalisation, control characters).
    fn plain(&self, role: usize) -> Option<&'r [u8]> {
        let field = self.fields[role].trim_ascii();
        field
            .iter()
            .all(|b| (b' '..=b'~').contains(b))
            .then_some(field)
    }

    /// The goals of `role` written as plain digits, at most
    /// [`crate::read::match_text::MAX_GOALS`].
    fn goals(&self, role: usize) -> Option<u32> {
        let field = self.fields[role].trim_ascii();
        if field.is_empty() || field.len() > 3 || !field.iter().all(u8::is_ascii_digit) {
            return None;
        }
        let goals = field.iter().fold(0u32, |n, d| n * 10 + u32::from(d - b'0'));
        (goals <= crate::read::match_text::MAX_GOALS).then_some(goals)
    }
}

/// Adds a row of the usual kind to `group` (a group read recently, whose Div and Season the
/// row repeats) and says so: a row with every field needed, two teams the group
/// already has, written in printable ASCII, and plain numbers of goals. Anything else is left
/// to the full reading, which adds exactly this match for such a row: ASCII names are their
/// own normal form and hold no control character, and the team and group lookups are the
/// same ones.
pub(super) fn fast_row(row: &Fields<'_>, columns: &Columns, group: &mut GroupResults) -> bool {
    let team = |role: usize| {
        row.plain(role)
            .filter(|name| !name.is_empty())
            .and_then(|name| group.lookup_bytes(name))
    };
    let (Some(home), Some(away)) = (team(HOME), team(AWAY)) else {
        return false;
    };
    let (Some(home_goals), Some(away_goals)) = (row.goals(HOME_GOALS), row.goals(AWAY_GOALS))
    else {
        return false;
    };
    // A date, when read, as the full reading parses it; anything else is left to it.
    let date = match columns.date {
        None => None,
        Some(_) => match row.plain(DATE).and_then(super::date) {
            Some(date) => Some(date),
            None => return false,
        },
    };
    group.push_played(home, away, home_goals, away_goals);
    group.when(date, None);
    true
}
