//! Data files: a competition's groups, matches, recorded decisions and published facts.
//!
//! A data file names the rule file that applies; [`load`] reads both and checks the data
//! against the rules (teams, pairings, forfeits), reporting every mistake at its line and
//! column. `docs/data.md` documents the format.

use std::collections::{BTreeMap, HashMap};
use std::ops::Range;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use toml::Spanned;

use super::match_text;
use crate::diagnostic::{Diagnostic, Source, closest};
use crate::model::{Alias, Competition, Decision, Group, GroupRecord, Match, Recorded, TeamId};
use crate::rules::RuleSet;

/// A competition together with the rules it is computed under.
#[derive(Debug, Clone)]
pub struct Loaded {
    /// The competition read from the data file.
    pub competition: Competition,
    /// The rules: those the data file names, or the ones given instead.
    pub rules: RuleSet,
    /// The rule file the rules came from.
    pub rules_path: PathBuf,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DataFile {
    competition: String,
    rules: Option<Spanned<String>>,
    #[serde(rename = "group", default)]
    groups: Vec<GroupFile>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct GroupFile {
    name: Spanned<String>,
    teams: Spanned<Vec<Spanned<String>>>,
    #[serde(default)]
    aliases: BTreeMap<Spanned<String>, AliasFile>,
    #[serde(default)]
    matches: Vec<Spanned<String>>,
    #[serde(default)]
    decisions: Vec<DecisionFile>,
    #[serde(default)]
    record: RecordFile,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct AliasFile {
    is: Spanned<String>,
    why: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DecisionFile {
    by: String,
    order: Spanned<Vec<Spanned<String>>>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RecordFile {
    winner: Option<Spanned<String>>,
    order: Option<Spanned<Vec<Spanned<String>>>>,
}

/// Reads a data file and its rules. `rules_override` replaces the rule file the data names
/// (that is how a user tries an alternative format).
pub fn load(path: &Path, rules_override: Option<&Path>) -> Result<Loaded, Diagnostic> {
    let source = Source::read(path)?;
    let file = parse_file(&source)?;
    let named_rules = file.rules.as_ref().map(|r| {
        let dir = path.parent().unwrap_or(Path::new(""));
        (dir.join(r.get_ref()), r.span())
    });
    let (rules_path, rules) = match (rules_override, &named_rules) {
        (Some(p), _) => (p.to_path_buf(), RuleSet::load(p)?),
        (None, Some((p, span))) => {
            if !p.is_file() {
                return Err(source.error(
                    span.clone(),
                    format!(
                        "the rule file {} does not exist; expected a path relative to this data file",
                        p.display()
                    ),
                ));
            }
            (p.clone(), RuleSet::load(p)?)
        }
        (None, None) => {
            return Err(source.error_whole(
                "the data file names no rule file; add `rules = \"../rules/NAME.toml\"` or pass --rules",
            ));
        }
    };
    let competition = build(&source, file, &rules)?;
    Ok(Loaded {
        competition: Competition {
            rules: named_rules.map(|(p, _)| p),
            ..competition
        },
        rules,
        rules_path,
    })
}

/// Parses data-file text against known rules, ignoring the rule file it names.
/// Useful for tests and for programs that hold their rules in memory.
pub fn parse(source: &Source, rules: &RuleSet) -> Result<Competition, Diagnostic> {
    build(source, parse_file(source)?, rules)
}

fn parse_file(source: &Source) -> Result<DataFile, Diagnostic> {
    if source.text.trim().is_empty() {
        return Err(source.error_whole(
            "the data file is empty; expected `competition`, `rules` and at least one [[group]]",
        ));
    }
    toml::from_str(&source.text).map_err(|e| source.toml_error(&e))
}

fn build(source: &Source, file: DataFile, rules: &RuleSet) -> Result<Competition, Diagnostic> {
    if file.groups.is_empty() {
        return Err(source.error_whole(
            "the data file has no groups; expected at least one [[group]] with `name`, `teams` and `matches`",
        ));
    }
    let mut seen: HashMap<&str, Range<usize>> = HashMap::new();
    for g in &file.groups {
        if seen.insert(g.name.get_ref(), g.name.span()).is_some() {
            return Err(source.error(
                g.name.span(),
                format!(
                    "a second group named \"{}\"; expected each group name once",
                    g.name.get_ref()
                ),
            ));
        }
    }
    let groups = file
        .groups
        .into_iter()
        .map(|g| build_group(source, g, rules))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(Competition {
        name: file.competition,
        path: source.path.clone(),
        rules: None,
        groups,
    })
}

/// Resolves team names inside one group: the listed names and the aliases documents use.
struct Names<'a> {
    source: &'a Source,
    group: &'a str,
    ids: HashMap<&'a str, TeamId>,
}

impl Names<'_> {
    fn resolve(&self, name: &str, at: Range<usize>) -> Result<TeamId, Diagnostic> {
        if let Some(&id) = self.ids.get(name) {
            return Ok(id);
        }
        let hint = closest(name, self.ids.keys().copied())
            .map(|k| format!("; did you mean \"{k}\"?"))
            .unwrap_or_default();
        let mut listed: Vec<&str> = self.ids.keys().copied().collect();
        listed.sort_unstable();
        Err(self.source.error(
            at,
            format!(
                "\"{name}\" is not a team of {}; expected one of {}{hint}",
                self.group,
                listed.join(", ")
            ),
        ))
    }

    fn resolve_spanned(&self, name: &Spanned<String>) -> Result<TeamId, Diagnostic> {
        self.resolve(name.get_ref(), name.span())
    }
}

fn build_group(source: &Source, g: GroupFile, rules: &RuleSet) -> Result<Group, Diagnostic> {
    let group_name = g.name.get_ref().clone();
    if g.teams.get_ref().is_empty() {
        return Err(source.error(
            g.teams.span(),
            format!("{group_name} has no teams; expected a list such as [\"A\", \"B\"]"),
        ));
    }
    let teams: Vec<String> = g
        .teams
        .get_ref()
        .iter()
        .map(|t| t.get_ref().clone())
        .collect();
    let mut names = Names {
        source,
        group: &group_name,
        ids: HashMap::new(),
    };
    for (id, t) in g.teams.get_ref().iter().enumerate() {
        if t.get_ref().trim().is_empty() {
            return Err(source.error(t.span(), "an empty team name; expected a name"));
        }
        if names.ids.insert(t.get_ref(), id).is_some() {
            return Err(source.error(
                t.span(),
                format!(
                    "\"{}\" is listed twice in {group_name}; expected each team once",
                    t.get_ref()
                ),
            ));
        }
    }
    let mut aliases = Vec::new();
    for (name, alias) in &g.aliases {
        if names.ids.contains_key(name.get_ref().as_str()) {
            return Err(source.error(
                name.span(),
                format!(
                    "\"{}\" is both a team and an alias in {group_name}; expected an alias to be a name not listed in `teams`",
                    name.get_ref()
                ),
            ));
        }
        let team = names.resolve_spanned(&alias.is)?;
        aliases.push(Alias {
            name: name.get_ref().clone(),
            team,
            why: alias.why.clone(),
        });
    }
    for a in &aliases {
        names.ids.insert(a.name.as_str(), a.team);
    }

    let mut matches = Vec::with_capacity(g.matches.len());
    let mut meetings: HashMap<(TeamId, TeamId), u32> = HashMap::new();
    for m in &g.matches {
        let parsed = build_match(source, &names, m)?;
        let pair = (parsed.home.min(parsed.away), parsed.home.max(parsed.away));
        let count = meetings.entry(pair).or_default();
        *count += 1;
        if *count > rules.meetings {
            return Err(source.error(
                m.span(),
                format!(
                    "{} and {} meet {} times in {group_name}; the rules say each pair meets {} time(s) (`group.meetings`)",
                    teams[pair.0], teams[pair.1], count, rules.meetings
                ),
            ));
        }
        matches.push(parsed);
    }

    let mut decisions = Vec::new();
    for d in &g.decisions {
        let order = resolve_list(&names, &d.order)?;
        if order.len() < 2 {
            return Err(source.error(
                d.order.span(),
                "a decision orders at least two teams; expected a list such as [\"Winner\", \"Loser\"]",
            ));
        }
        decisions.push(Decision {
            by: d.by.clone(),
            order,
        });
    }

    let winner = match &g.record.winner {
        Some(w) => Some(Recorded {
            value: names.resolve_spanned(w)?,
            line: source.line_of(w.span().start),
        }),
        None => None,
    };
    let order = match &g.record.order {
        Some(o) => {
            let value = resolve_list(&names, o)?;
            if value.len() != teams.len() {
                return Err(source.error(
                    o.span(),
                    format!(
                        "the recorded order lists {} teams; expected all {} teams of {group_name}",
                        value.len(),
                        teams.len()
                    ),
                ));
            }
            Some(Recorded {
                value,
                line: source.line_of(o.span().start),
            })
        }
        None => None,
    };

    Ok(Group {
        name: group_name.clone(),
        teams,
        aliases,
        matches,
        decisions,
        record: GroupRecord { winner, order },
    })
}

/// Resolves a list of team names, each at most once.
fn resolve_list(
    names: &Names<'_>,
    list: &Spanned<Vec<Spanned<String>>>,
) -> Result<Vec<TeamId>, Diagnostic> {
    let mut out: Vec<TeamId> = Vec::new();
    for name in list.get_ref() {
        let id = names.resolve_spanned(name)?;
        if out.contains(&id) {
            return Err(names.source.error(
                name.span(),
                format!(
                    "\"{}\" appears twice in this list; expected each team once",
                    name.get_ref()
                ),
            ));
        }
        out.push(id);
    }
    Ok(out)
}

/// Where a range inside a TOML string's value lies in the file. Exact for strings written
/// without escapes; otherwise the whole string is pointed at.
fn inner_span(source: &Source, string: &Spanned<String>, inner: Range<usize>) -> Range<usize> {
    let span = string.span();
    let raw = source.text.get(span.clone()).unwrap_or("");
    let unescaped = raw.len() == string.get_ref().len() + 2
        && (raw.starts_with('"') || raw.starts_with('\''))
        && raw[1..raw.len() - 1] == *string.get_ref();
    if unescaped {
        span.start + 1 + inner.start..span.start + 1 + inner.end
    } else {
        span
    }
}

fn build_match(
    source: &Source,
    names: &Names<'_>,
    m: &Spanned<String>,
) -> Result<Match, Diagnostic> {
    let located = |e: match_text::TextError| source.error(inner_span(source, m, e.at), e.message);
    let text = match_text::parse(m.get_ref()).map_err(located)?;
    let team =
        |(name, at): &(&str, Range<usize>)| names.resolve(name, inner_span(source, m, at.clone()));
    let home = team(&text.home)?;
    let away = team(&text.away)?;
    if home == away {
        return Err(source.error(
            m.span(),
            format!("{} plays itself; expected two different teams", text.home.0),
        ));
    }
    let side = match &text.forfeit {
        Some((name, _)) if *name == "both" => None,
        Some(side) => Some(team(side)?),
        None => None,
    };
    let outcome = text.outcome(home, away, side).map_err(located)?;
    Ok(Match {
        home,
        away,
        outcome,
    })
}
