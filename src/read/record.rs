//! The project's record applied to a source that lacks it.
//!
//! A season summary gives the results, but not always what is needed to print the tables the
//! record prints: the name the record knows a team by (the 2003–04 document's "Fiorentina" was
//! Brindisi) and the orders decided off the pitch (the drawing of lots in that Group 8). The
//! project's data file for the same competition keeps both, so [`apply`] carries them onto the
//! source's groups:
//!
//! - team names, with the group's aliases (a source name that is an alias becomes the team's
//!   name, and the table notes the alias as it does for the data file);
//! - recorded decisions and play-offs;
//! - cards, coefficients and declared criteria's values, where the source has none;
//! - points deductions, expunged clubs and records taken over, where the source has none
//!   (football-data CSV and football.json never do): a CSV season then has the table the
//!   record publishes;
//! - a group's recorded winner and order, where the source states none, so that `check`
//!   confirms them against the source's results (a CSV season with its published table);
//!   their facts point at the data file's lines.
//!
//! Nothing else crosses over: the matches are the source's own, and the facts about the whole
//! competition (`[record]`: counts, the final) stay in the data file, where `check` confirms them.
//!
//! Which data file: [`RecordChoice`]. By default ([`RecordChoice::Discover`]) it is the data file
//! in the project's `data/` folder (beside the rule file's folder) whose `competition` is the
//! source's title; `--record none` reads the source alone.

use std::path::{Path, PathBuf};
use std::str::FromStr;

use serde::Deserialize;

use crate::diagnostic::{Code, Diagnostic, Diagnostics, Source, excerpt, list};
use crate::model::{Alias, Competition, Decision, Deduction, Group, GroupRecord, PlayOff, TeamId};
use crate::read::{InputFormat, data};

/// Which data file's names and decisions to apply to a source that is not a data file.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum RecordChoice {
    /// The data file of the same competition in the project's `data/` folder, if there is one.
    #[default]
    Discover,
    /// None: the source alone.
    None,
    /// This data file.
    File(PathBuf),
}

impl FromStr for RecordChoice {
    type Err = std::convert::Infallible;

    /// `none`, or a data file's path.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Ok(if s == "none" {
            RecordChoice::None
        } else {
            RecordChoice::File(PathBuf::from(s))
        })
    }
}

/// What applying a record did, for the note printed on standard error.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Applied {
    /// The data file applied.
    pub path: PathBuf,
    /// Whether it was found by the competition's name rather than named on the command line.
    pub discovered: bool,
    /// One line per change to the source ("Group 8: \"Fiorentina\" is Brindisi").
    pub changes: Vec<String>,
}

impl Applied {
    /// The note for standard error, or `None` when the record changed nothing.
    pub fn note(&self, source: &Path) -> Option<String> {
        if self.changes.is_empty() {
            return None;
        }
        let how = if self.discovered {
            " (the project's data file for this competition; --record none reads the source alone)"
        } else {
            ""
        };
        let mut note = format!(
            "note: {}: names and decisions from {}{how}:",
            source.display(),
            self.path.display()
        );
        for change in &self.changes {
            note += &format!("\n  {change}");
        }
        Some(note)
    }
}

/// The data files in `folder` (the project's `data/`, see
/// [`crate::resolve::RulesFrom::data_folder`]) whose `competition` is `name`, leaving out
/// `exclude` (the file `import` is writing). A file that does not read as TOML is passed over;
/// its path and the reason are returned so that the caller can say so.
pub fn discover(
    name: &str,
    folder: &Path,
    exclude: Option<&Path>,
) -> (Vec<PathBuf>, Vec<(PathBuf, String)>) {
    #[derive(Deserialize)]
    struct Head {
        competition: Option<String>,
    }
    let (mut found, mut passed_over) = (Vec::new(), Vec::new());
    let Ok(entries) = std::fs::read_dir(folder) else {
        return (found, passed_over);
    };
    let excluded = exclude.and_then(|p| p.canonicalize().ok());
    let mut paths: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file() && p.extension().is_some_and(|x| x == "toml"))
        .filter(|p| excluded.is_none() || p.canonicalize().ok() != excluded)
        .collect();
    paths.sort();
    for path in paths {
        let head = Source::read(&path)
            .map_err(|d| d.message.clone())
            .and_then(|s| toml::from_str::<Head>(&s.text).map_err(|e| e.message().to_string()));
        match head {
            Ok(Head {
                competition: Some(c),
            }) if c == name => found.push(path),
            Ok(_) => {}
            Err(reason) => passed_over.push((path, reason)),
        }
    }
    (found, passed_over)
}

/// Applies the chosen record to `competition`, read from a source that is not a data file and
/// computed under rules whose project's `data/` folder is `data_folder` (searched; without one,
/// only a named record applies). Returns what was applied, or `None` when no record applies. Notes
/// about data files passed over while looking go to `notes`.
pub fn apply_choice(
    competition: &mut Competition,
    choice: &RecordChoice,
    data_folder: Option<&Path>,
    exclude: Option<&Path>,
    notes: &mut Vec<String>,
) -> Result<Option<Applied>, Diagnostics> {
    let (path, discovered) = match choice {
        RecordChoice::None => return Ok(None),
        RecordChoice::File(path) => (path.clone(), false),
        RecordChoice::Discover => {
            let Some(folder) = data_folder else {
                return Ok(None);
            };
            let (found, passed_over) = discover(&competition.name, folder, exclude);
            for (path, reason) in passed_over {
                notes.push(format!(
                    "note: {}: passed over while looking for the record of \"{}\": {reason}",
                    path.display(),
                    competition.name
                ));
            }
            match found.as_slice() {
                [] => return Ok(None),
                [one] => (one.clone(), true),
                several => {
                    let list: Vec<String> =
                        several.iter().map(|p| p.display().to_string()).collect();
                    return Err(competition.error_at_line(
                        Code::TwoRecords,
                        crate::model::Line(1),
                        format!(
                            "{} data files record \"{}\" ({}); expected one: choose with --record FILE, or --record none",
                            several.len(),
                            competition.name,
                            list.join(", ")
                        ),
                    )
                    .into());
                }
            }
        }
    };
    let source = Source::read(&path)?;
    if InputFormat::detect(&source.text) != InputFormat::Data {
        return Err(source.error_whole(Code::NotARecord,
            "not a data file; expected the project's TOML data file for this competition (--record takes data/NAME.toml)",
        ).into());
    }
    let record = data::parse(&source)?;
    let changes = apply(competition, &record)?;
    Ok(Some(Applied {
        path,
        discovered,
        changes,
    }))
}

/// Carries the record's team names, aliases, decisions, cards, coefficients and declared
/// criteria's values onto the source's groups of the same name. A record group with any of these
/// must match a source group team for team (by name or alias); otherwise the record does not
/// describe this source, which is an error at the record group's line. Returns one line per
/// change.
pub fn apply(
    competition: &mut Competition,
    record: &Competition,
) -> Result<Vec<String>, Diagnostic> {
    let mut changes = Vec::new();
    for rec in &record.groups {
        let has_cards = rec.cards.iter().any(Option::is_some);
        let has_coefficients = rec.coefficients.iter().any(Option::is_some);
        let has_values = rec.values.values().flatten().any(Option::is_some);
        let has_record = rec.record != GroupRecord::default();
        if rec.aliases.is_empty()
            && rec.decisions.is_empty()
            && !has_cards
            && !has_coefficients
            && !has_values
            && !has_record
            && rec.rulings.is_empty()
        {
            continue;
        }
        let here = |code: Code, message: String| record.error_at_line(code, rec.line, message);
        let Some(group) = competition.groups.iter_mut().find(|g| g.name == rec.name) else {
            let names: Vec<&str> = competition.groups.iter().map(|g| g.name.as_str()).collect();
            return Err(here(
                Code::RecordGroup,
                format!(
                    "the record has names or decisions for \"{}\", but {} has no group of that name; expected one of: {}",
                    excerpt(&rec.name),
                    competition.path.display(),
                    list(names, ", ")
                ),
            ));
        };
        let to_record = team_map(group, rec).map_err(|m| here(Code::RecordTeams, m))?;
        let mut to_source = vec![TeamId::new(0); rec.teams.len()];
        for (source_team, &record_team) in to_record.iter().enumerate() {
            to_source[record_team.index()] = TeamId::new(source_team);
        }
        for (source_team, &record_team) in to_record.iter().enumerate() {
            let name = &rec.teams[record_team.index()];
            if group.teams[source_team] != *name {
                let why = rec
                    .aliases
                    .iter()
                    .find(|a| a.name == group.teams[source_team])
                    .map_or(String::new(), |a| format!(": {}", a.why));
                changes.push(format!(
                    "{}: \"{}\" is {name}{why}",
                    group.name, group.teams[source_team]
                ));
                group.teams[source_team] = name.clone();
            }
        }
        group.aliases.extend(rec.aliases.iter().map(|a| Alias {
            name: a.name.clone(),
            team: to_source[a.team.index()],
            why: a.why.clone(),
        }));
        for d in &rec.decisions {
            let order: Vec<TeamId> = d.order.iter().map(|&t| to_source[t.index()]).collect();
            let names: Vec<&str> = order.iter().map(|&t| group.team_name(t)).collect();
            changes.push(format!(
                "{}: {} in that order by {}",
                group.name,
                names.join(", "),
                d.by
            ));
            let playoff = d.playoff.map(|p| PlayOff {
                home: to_source[p.home.index()],
                away: to_source[p.away.index()],
                ..p
            });
            group.decisions.push(Decision {
                by: d.by.clone(),
                order,
                playoff,
            });
        }
        let mut carried = |what: &str, count: usize| {
            if count > 0 {
                changes.push(format!("{}: {what} of {count} team(s)", group.name));
            }
        };
        let mut cards = 0;
        let mut coefficients = 0;
        for (source_team, &record_team) in to_record.iter().enumerate() {
            if group.cards[source_team].is_none() && rec.team_cards(record_team).is_some() {
                group.cards[source_team] = rec.team_cards(record_team);
                cards += 1;
            }
            if group.coefficients[source_team].is_none()
                && rec.team_coefficient(record_team).is_some()
            {
                group.coefficients[source_team] = rec.team_coefficient(record_team);
                coefficients += 1;
            }
        }
        carried("cards", cards);
        carried("coefficients", coefficients);
        for (name, of_team) in &rec.values {
            let lent = group
                .values
                .entry(name.clone())
                .or_insert_with(|| vec![None; to_record.len()]);
            let mut count = 0;
            for (source_team, &record_team) in to_record.iter().enumerate() {
                if lent[source_team].is_none() && of_team[record_team.index()].is_some() {
                    lent[source_team] = of_team[record_team.index()];
                    count += 1;
                }
            }
            carried(&format!("values.{name}"), count);
        }
        if group.rulings.is_empty() && !rec.rulings.is_empty() {
            let rulings = &rec.rulings;
            for d in &rulings.deductions {
                let team = to_source[d.team.index()];
                changes.push(format!(
                    "{}: {}",
                    group.name,
                    crate::explain::deducted(group.team_name(team), d)
                ));
                group
                    .rulings
                    .deductions
                    .push(Deduction { team, ..d.clone() });
            }
            for e in &rulings.expunged {
                changes.push(format!("{}: {} expunged: {}", group.name, e.team, e.reason));
            }
            for t in &rulings.takeovers {
                // Checked in the record's own file against its own matches; the source's are
                // other matches.
                let met = match (group.team_named(&t.team), group.team_named(&t.from)) {
                    (Some(a), Some(b)) => {
                        group.matches.iter().any(|m| m.involves(a) && m.involves(b))
                    }
                    _ => false,
                };
                if met {
                    return Err(here(
                        Code::Ruling,
                        format!(
                            "{}: the record says {} took over the record of {}, but in {} they played each other; expected clubs that never met",
                            group.name,
                            t.team,
                            t.from,
                            competition.path.display()
                        ),
                    ));
                }
                changes.push(format!(
                    "{}: {} took over the record of {}: {}",
                    group.name, t.team, t.from, t.reason
                ));
            }
            if let Some(why) = &rulings.curtailed {
                changes.push(format!("{}: ended early: {why}", group.name));
            }
            group.rulings.curtailed.clone_from(&rulings.curtailed);
            group.rulings.expunged.clone_from(&rulings.expunged);
            group.rulings.takeovers.clone_from(&rulings.takeovers);
        }
        if has_record && group.record == GroupRecord::default() {
            group.record = rec
                .record
                .clone()
                .map_teams(|teams| Some(teams.into_iter().map(|t| to_source[t.index()]).collect()));
            group.spans.record_file = Some(record.path.clone());
        }
    }
    Ok(changes)
}

/// For each source team, the record team it is: by name, or by one of the record group's
/// aliases. Every record team must be matched exactly once.
fn team_map(group: &Group, rec: &Group) -> Result<Vec<TeamId>, String> {
    let expected = || {
        let mut names: Vec<String> = rec.teams.clone();
        names.extend(
            rec.aliases
                .iter()
                .map(|a| format!("{} (alias of {})", a.name, rec.team_name(a.team))),
        );
        list(names, ", ")
    };
    let mut map = Vec::with_capacity(group.teams.len());
    for name in &group.teams {
        let team = rec
            .teams
            .iter()
            .position(|t| t == name)
            .map(TeamId::new)
            .or_else(|| rec.aliases.iter().find(|a| a.name == *name).map(|a| a.team));
        let Some(team) = team else {
            return Err(format!(
                "{}: the source's team \"{}\" is not in the record's group; expected one of: {}",
                excerpt(&rec.name),
                excerpt(name),
                expected()
            ));
        };
        if map.contains(&team) {
            return Err(format!(
                "{}: the source names {} twice (once as \"{name}\"); expected each of the record's teams once",
                rec.name,
                rec.team_name(team)
            ));
        }
        map.push(team);
    }
    if map.len() != rec.teams.len() {
        let missing: Vec<&str> = rec
            .team_ids()
            .filter(|t| !map.contains(t))
            .map(|t| rec.team_name(t))
            .collect();
        return Err(format!(
            "{}: the record's group has {} that the source's group lacks; expected the same teams",
            rec.name,
            missing.join(", ")
        ));
    }
    Ok(map)
}
