//! The minimal single-pass fold: what this machine can do with a football-data CSV, the
//! reference `scripts/bench.sh` compares `standings table` with.
//!
//! ```text
//! cargo run --release --example minimal_fold -- FILE.csv > tables.csv
//! ```
//!
//! It reads the file once, as byte records (no UTF-8 check, no validation of any kind), folds
//! each match into its two teams' records (played, won, drawn, lost, goals for and against,
//! points at 3/1/0) in a table per group, sorts each group by points, goal difference and goals
//! scored, and prints the same columns as
//! `standings table FILE.csv --rules rules/premier-league.toml --format csv`. A group is a
//! `Div` or, when the file has a `Season` column, a `Div` and `Season` ("E0 2019-20"), as
//! `standings` names them; groups come out in the order they first appear. Level teams keep
//! the order they first appeared in (`standings` would go on to head-to-head).

use std::error::Error;
use std::io::{BufWriter, Write};
use std::path::Path;

use rustc_hash::FxHashMap;

/// One team's record in its group.
#[derive(Default, Clone)]
struct Record {
    played: u32,
    won: u32,
    drawn: u32,
    lost: u32,
    goals_for: u32,
    goals_against: u32,
}

impl Record {
    /// Adds a match where this team scored `scored` and conceded `conceded`.
    fn add(&mut self, scored: u32, conceded: u32) {
        self.played += 1;
        self.goals_for += scored;
        self.goals_against += conceded;
        match scored.cmp(&conceded) {
            std::cmp::Ordering::Greater => self.won += 1,
            std::cmp::Ordering::Equal => self.drawn += 1,
            std::cmp::Ordering::Less => self.lost += 1,
        }
    }

    /// Points at three for a win and one for a draw.
    fn points(&self) -> u32 {
        3 * self.won + self.drawn
    }

    /// Goals for less goals against.
    fn goal_difference(&self) -> i64 {
        i64::from(self.goals_for) - i64::from(self.goals_against)
    }
}

/// One group: its name, its teams' indices by name, and their records and names by index.
#[derive(Default)]
struct Group {
    name: Vec<u8>,
    index: FxHashMap<Vec<u8>, usize>,
    names: Vec<Vec<u8>>,
    records: Vec<Record>,
}

impl Group {
    /// The record of the team named `name`, added on first sight.
    fn team(&mut self, name: &[u8]) -> &mut Record {
        let i = match self.index.get(name) {
            Some(&i) => i,
            None => {
                let i = self.names.len();
                self.index.insert(name.to_vec(), i);
                self.names.push(name.to_vec());
                self.records.push(Record::default());
                i
            }
        };
        &mut self.records[i]
    }
}

/// A field as a small whole number, without checks: digits are read, anything else ignored.
fn number(field: &[u8]) -> u32 {
    field
        .iter()
        .filter(|b| b.is_ascii_digit())
        .fold(0, |n, b| n * 10 + u32::from(b - b'0'))
}

fn main() -> Result<(), Box<dyn Error>> {
    let path = std::env::args()
        .nth(1)
        .ok_or("usage: minimal_fold FILE.csv > tables.csv")?;
    let mut reader = csv::ReaderBuilder::new().from_path(&path)?;
    let headers = reader.byte_headers()?.clone();
    let column = |name: &str| headers.iter().position(|h| h == name.as_bytes());
    let need = |name: &str| column(name).ok_or(format!("{path}: no {name} column"));
    let (home, away) = (need("HomeTeam")?, need("AwayTeam")?);
    let (home_goals, away_goals) = (need("FTHG")?, need("FTAG")?);
    let (div, season) = (column("Div"), column("Season"));

    let mut groups: Vec<Group> = Vec::new();
    let mut by_name: FxHashMap<Vec<u8>, usize> = FxHashMap::default();
    let mut name = Vec::new();
    let mut row = csv::ByteRecord::new();
    while reader.read_byte_record(&mut row)? {
        name.clear();
        match (div, season) {
            (Some(d), Some(s)) => {
                name.extend_from_slice(&row[d]);
                name.push(b' ');
                name.extend_from_slice(&row[s]);
            }
            (Some(i), None) | (None, Some(i)) => name.extend_from_slice(&row[i]),
            (None, None) => name.extend_from_slice(b"League"),
        }
        // Rows come a group at a time: the last group is the likely one.
        let g = match groups.last() {
            Some(last) if last.name == name => groups.len() - 1,
            _ => *by_name.entry(name.clone()).or_insert_with(|| {
                groups.push(Group {
                    name: name.clone(),
                    ..Group::default()
                });
                groups.len() - 1
            }),
        };
        let group = &mut groups[g];
        let (h, a) = (number(&row[home_goals]), number(&row[away_goals]));
        group.team(&row[home]).add(h, a);
        group.team(&row[away]).add(a, h);
    }

    let competition = Path::new(&path)
        .file_stem()
        .map_or_else(String::new, |s| s.to_string_lossy().into_owned());
    let mut out = BufWriter::with_capacity(1 << 16, std::io::stdout().lock());
    writeln!(
        out,
        "competition,group,position,team,played,won,drawn,lost,goals_for,goals_against,goal_difference,deducted,points"
    )?;
    let mut order = Vec::new();
    for group in &groups {
        order.clear();
        order.extend(0..group.records.len());
        order.sort_by_key(|&i| {
            let r = &group.records[i];
            std::cmp::Reverse((r.points(), r.goal_difference(), r.goals_for))
        });
        for (position, &i) in order.iter().enumerate() {
            let r = &group.records[i];
            out.write_all(competition.as_bytes())?;
            out.write_all(b",")?;
            out.write_all(&group.name)?;
            write!(out, ",{},", position + 1)?;
            out.write_all(&group.names[i])?;
            writeln!(
                out,
                ",{},{},{},{},{},{},{},0,{}",
                r.played,
                r.won,
                r.drawn,
                r.lost,
                r.goals_for,
                r.goals_against,
                r.goal_difference(),
                r.points()
            )?;
        }
    }
    out.flush()?;
    Ok(())
}
