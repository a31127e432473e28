//! Data files: a competition's groups, matches, recorded decisions and published facts.
//!
//! A data file names the rule file that applies; [`load`] reads both and checks the data
//! against the rules (teams, pairings, forfeits), reporting every mistake at its line and
//! column. `docs/data.md` documents the format.

use std::collections::{BTreeMap, HashMap};
use std::ops::Range;
use std::path::{Path, PathBuf};

use schemars::JsonSchema;
use serde::Deserialize;
use toml::Spanned;

use super::match_text;
use crate::diagnostic::{Code, Diagnostic, Source, closest};
use crate::model::{
    Alias, Cards, Competition, CompetitionRecord, Decision, Entrants, FinalResult, Forfeit, Group,
    GroupRecord, Leg, Match, Outcome, Ranking, RankingEntry, Recorded, TeamId, Tie,
};
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

#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
struct DataFile {
    competition: String,
    #[schemars(with = "Option<String>")]
    rules: Option<Spanned<String>>,
    #[serde(default)]
    aliases: BTreeMap<String, AliasFile>,
    #[serde(default)]
    record: CompetitionRecordFile,
    #[serde(rename = "group", default)]
    groups: Vec<GroupFile>,
    #[serde(rename = "tie", default)]
    #[schemars(with = "Vec<TieFile>")]
    ties: Vec<Spanned<TieFile>>,
    #[schemars(with = "Option<RankingFile>")]
    ranking: Option<Spanned<RankingFile>>,
    #[serde(default)]
    #[schemars(with = "Vec<EntrantsFile>")]
    entrants: Vec<Spanned<EntrantsFile>>,
}

#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
struct TieFile {
    #[schemars(with = "String")]
    round: Spanned<String>,
    #[schemars(with = "Vec<String>")]
    legs: Spanned<Vec<Spanned<String>>>,
}

#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
struct RankingFile {
    name: String,
    #[schemars(with = "Vec<EntryFile>")]
    entries: Vec<Spanned<EntryFile>>,
    #[serde(default)]
    #[schemars(with = "Vec<RankTieFile>")]
    ties: Vec<Spanned<RankTieFile>>,
}

#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
struct EntryFile {
    rank: u32,
    association: Option<String>,
    coefficient: crate::rules::DecimalValue,
    places: Option<u32>,
}

#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
struct RankTieFile {
    ranks: Vec<u32>,
    by: String,
}

#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
struct EntrantsFile {
    #[schemars(with = "String")]
    round: Spanned<String>,
    #[schemars(with = "Vec<String>")]
    teams: Vec<Spanned<String>>,
}

#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
struct RoundSizeFile {
    round: String,
    teams: u32,
}

#[derive(Deserialize, JsonSchema, Default)]
#[serde(deny_unknown_fields)]
struct CompetitionRecordFile {
    #[schemars(with = "Option<u32>")]
    teams: Option<Spanned<u32>>,
    #[schemars(with = "Option<u32>")]
    matches: Option<Spanned<u32>>,
    #[schemars(with = "Option<u32>")]
    goals: Option<Spanned<u32>>,
    #[schemars(with = "Option<String>")]
    champions: Option<Spanned<String>>,
    #[schemars(with = "Option<String>")]
    runner_up: Option<Spanned<String>>,
    #[serde(rename = "final")]
    #[schemars(with = "Option<FinalFile>")]
    final_result: Option<Spanned<FinalFile>>,
    #[serde(default)]
    #[schemars(with = "BTreeMap<String, u32>")]
    transfers: BTreeMap<String, Spanned<u32>>,
    #[schemars(with = "Option<u32>")]
    fair_play: Option<Spanned<u32>>,
    #[serde(default)]
    #[schemars(with = "Vec<RoundSizeFile>")]
    access: Vec<Spanned<RoundSizeFile>>,
    #[schemars(with = "Option<Vec<String>>")]
    schedule: Option<Spanned<Vec<String>>>,
}

#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
struct FinalFile {
    winner: String,
    #[schemars(with = "String")]
    aggregate: Spanned<String>,
}

#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
struct GroupFile {
    #[schemars(with = "String")]
    name: Spanned<String>,
    #[schemars(with = "Vec<String>")]
    teams: Spanned<Vec<Spanned<String>>>,
    #[serde(default)]
    #[schemars(with = "BTreeMap<String, AliasFile>")]
    aliases: BTreeMap<Spanned<String>, AliasFile>,
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    matches: Vec<Spanned<String>>,
    #[serde(default)]
    decisions: Vec<DecisionFile>,
    #[serde(default)]
    record: RecordFile,
    #[serde(default)]
    #[schemars(with = "BTreeMap<String, CardsFile>")]
    cards: BTreeMap<Spanned<String>, CardsFile>,
    #[serde(default)]
    #[schemars(with = "BTreeMap<String, crate::rules::DecimalValue>")]
    coefficients: BTreeMap<Spanned<String>, crate::rules::DecimalValue>,
}

#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
struct CardsFile {
    #[serde(default)]
    yellow: u32,
    #[serde(default)]
    indirect_red: u32,
    #[serde(default)]
    direct_red: u32,
    #[serde(default)]
    yellow_direct_red: u32,
}

#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
struct AliasFile {
    #[schemars(with = "String")]
    is: Spanned<String>,
    why: String,
}

#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
struct DecisionFile {
    by: String,
    #[schemars(with = "Vec<String>")]
    order: Spanned<Vec<Spanned<String>>>,
}

#[derive(Deserialize, JsonSchema, Default)]
#[serde(deny_unknown_fields)]
struct RecordFile {
    #[schemars(with = "Option<String>")]
    winner: Option<Spanned<String>>,
    #[schemars(with = "Option<Vec<String>>")]
    order: Option<Spanned<Vec<Spanned<String>>>>,
}

/// The JSON Schema of data files, generated from the types the loader reads
/// (`schemas/data.schema.json`).
pub fn json_schema() -> serde_json::Value {
    let mut schema =
        serde_json::to_value(schemars::schema_for!(DataFile)).expect("a generated schema is JSON");
    schema["title"] = "standings data file".into();
    schema
}

/// Reads a data file and its rules. `rules_override` replaces the rule file the data names
/// (that is how a user tries an alternative format).
pub fn load(path: &Path, rules_override: Option<&Path>) -> Result<Loaded, Diagnostic> {
    load_source(&Source::read(path)?, rules_override)
}

/// Like [`load`], for text already read (standard input reads relative to the current folder).
pub fn load_source(source: &Source, rules_override: Option<&Path>) -> Result<Loaded, Diagnostic> {
    let source = source.clone();
    let file = parse_file(&source)?;
    let named_rules = file.rules.as_ref().map(|r| {
        let dir = source.path.parent().unwrap_or(Path::new(""));
        (dir.join(r.get_ref()), r.span())
    });
    let (rules_path, rules) = match (rules_override, &named_rules) {
        (Some(p), _) => (p.to_path_buf(), RuleSet::load(p)?),
        (None, Some((p, span))) => {
            if !p.is_file() {
                return Err(source.error(Code::RuleFileMissing,
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
            return Err(source.error_whole(Code::NoRuleFile,
                "the data file names no rule file; add `rules = \"../rules/NAME.toml\"` or pass --rules",
            ));
        }
    };
    if !file.groups.is_empty() && rules.groups.is_none() {
        return Err(source.error_whole(Code::NoGroupStage, format!(
            "the data file has groups, but the rule file {} has no group stage; expected [points], [tiebreak] and [qualification] in it",
            rules_path.display()
        )));
    }
    let competition = build(&source, file, Some(&rules))?;
    Ok(Loaded {
        competition,
        rules,
        rules_path,
    })
}

/// Parses data-file text, ignoring the rule file it names; `rules` (when given) says how often
/// a pair meets in a group and which rounds ties belong to. For tests and for programs that hold
/// their rules in memory.
pub fn parse(source: &Source, rules: Option<&RuleSet>) -> Result<Competition, Diagnostic> {
    build(source, parse_file(source)?, rules)
}

fn parse_file(source: &Source) -> Result<DataFile, Diagnostic> {
    if source.text.trim().is_empty() {
        return Err(source.error_whole(
            Code::Empty,
            "the data file is empty; expected `competition`, `rules` and at least one [[group]]",
        ));
    }
    toml::from_str(&source.text).map_err(|e| source.toml_error(&e))
}

fn build(
    source: &Source,
    file: DataFile,
    rules: Option<&RuleSet>,
) -> Result<Competition, Diagnostic> {
    if file.groups.is_empty()
        && file.ties.is_empty()
        && file.ranking.is_none()
        && file.entrants.is_empty()
    {
        return Err(source.error_whole(Code::NothingRecorded,
            "the data file has no groups, ties, ranking or entrants; expected at least one [[group]] with `name`, `teams` and `matches`",
        ));
    }
    let meetings = rules
        .and_then(|r| r.groups.as_ref())
        .map_or(1, |g| g.meetings);
    let rounds: &[crate::rules::Round] = rules
        .and_then(|r| r.structure.as_ref())
        .map_or(&[], |s| s.rounds.as_slice());
    let mut seen: HashMap<&str, Range<usize>> = HashMap::new();
    for g in &file.groups {
        if seen.insert(g.name.get_ref(), g.name.span()).is_some() {
            return Err(source.error(
                Code::ListedTwice,
                g.name.span(),
                format!(
                    "a second group named \"{}\"; expected each group name once",
                    g.name.get_ref()
                ),
            ));
        }
    }
    let record = build_record(source, &file.record, rounds)?;
    let ties = file
        .ties
        .iter()
        .map(|t| build_tie(source, t, rounds))
        .collect::<Result<Vec<_>, _>>()?;
    let ranking = file
        .ranking
        .as_ref()
        .map(|r| build_ranking(source, r))
        .transpose()?;
    let entrants = build_entrants(source, &file.entrants, rounds)?;
    let groups = file
        .groups
        .into_iter()
        .map(|g| build_group(source, g, meetings))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(Competition {
        name: file.competition,
        path: source.path.clone(),
        groups,
        record,
        aliases: file
            .aliases
            .iter()
            .map(|(name, a)| (name.clone(), a.is.get_ref().clone()))
            .collect(),
        ties,
        ranking,
        entrants,
        origin: crate::model::Origin(Some(source.clone())),
    })
}

/// The round named `name`, or an error at `at` with a suggestion. Without rounds in the rules,
/// any name is accepted.
fn find_round<'r>(
    source: &Source,
    rounds: &'r [crate::rules::Round],
    name: &Spanned<String>,
) -> Result<Option<&'r crate::rules::Round>, Diagnostic> {
    if rounds.is_empty() {
        return Ok(None);
    }
    match rounds.iter().find(|r| r.name == *name.get_ref()) {
        Some(r) => Ok(Some(r)),
        None => {
            let hint = closest(name.get_ref(), rounds.iter().map(|r| r.name.as_str()))
                .map(|k| format!("; did you mean \"{k}\"?"))
                .unwrap_or_default();
            Err(source.error(
                Code::UnknownRound,
                name.span(),
                format!(
                    "no round named \"{}\" in the rules; expected one of {}{hint}",
                    name.get_ref(),
                    rounds
                        .iter()
                        .map(|r| r.name.as_str())
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            ))
        }
    }
}

fn build_tie(
    source: &Source,
    tie: &Spanned<TieFile>,
    rounds: &[crate::rules::Round],
) -> Result<Tie, Diagnostic> {
    let t = tie.get_ref();
    let round = find_round(source, rounds, &t.round)?;
    let legs_text = t.legs.get_ref();
    let expected_legs = match round.map(|r| &r.format) {
        Some(crate::rules::structure::Format::Knockout { legs }) => Some(*legs as usize),
        Some(crate::rules::structure::Format::Groups { .. }) => {
            return Err(source.error(
                Code::TieInGroupRound,
                t.round.span(),
                format!(
                    "{} is a group round; expected a knockout round for a tie",
                    t.round.get_ref()
                ),
            ));
        }
        None => None,
    };
    if legs_text.is_empty()
        || legs_text.len() > 2
        || expected_legs.is_some_and(|n| n != legs_text.len())
    {
        return Err(source.error(
            Code::LegsDisagree,
            t.legs.span(),
            format!(
                "{} leg(s); expected {}",
                legs_text.len(),
                expected_legs.map_or("1 or 2".to_string(), |n| format!(
                    "{n}, as the rules' {} has",
                    t.round.get_ref()
                ))
            ),
        ));
    }
    let mut teams: Vec<String> = Vec::new();
    let mut legs = Vec::new();
    for (i, leg) in legs_text.iter().enumerate() {
        let located = |e: match_text::TextError| {
            source.error(
                Code::MatchNotation,
                inner_span(source, leg, e.at),
                e.message,
            )
        };
        let text = match_text::parse(leg.get_ref()).map_err(located)?;
        let Some((h, a)) = text.score else {
            return Err(source.error(
                Code::TieLegs,
                leg.span(),
                "a forfeited knockout match is not supported; expected a score, as in `A 2–1 B`",
            ));
        };
        let last = i + 1 == legs_text.len();
        if let Some(at) = text
            .extra_time
            .clone()
            .or(text.penalties.clone().map(|p| p.1))
            .filter(|_| !last)
        {
            return Err(source.error(Code::TieLegs, inner_span(source, leg, at), "extra time and penalties belong to a tie's last leg; expected them on the last one"));
        }
        if let Some((_, at)) = &text.penalties
            && legs_text.len() == 2
            && text.extra_time.is_none()
        {
            return Err(source.error(
                Code::CriterionAfterDecision,
                inner_span(source, leg, at.clone()),
                "a shoot-out in a second leg comes after extra time; expected `(aet, pens 4–3)`",
            ));
        }
        let (home, away) = (text.home.0.to_string(), text.away.0.to_string());
        if home == away {
            return Err(source.error(
                Code::PlaysItself,
                leg.span(),
                format!("{home} plays itself; expected two different teams"),
            ));
        }
        let home_index = if i == 0 {
            teams = vec![home, away];
            0
        } else if home == teams[1] && away == teams[0] {
            1
        } else {
            return Err(source.error(
                Code::TieLegs,
                leg.span(),
                format!(
                    "the second leg must be {} at home to {}; found {home} v {away}",
                    teams[1], teams[0]
                ),
            ));
        };
        legs.push(Leg {
            home: home_index,
            score: [h, a],
            extra_time: text.extra_time.is_some(),
            penalties: text.penalties.map(|(p, _)| [p.0, p.1]),
        });
    }
    let [first, second]: [String; 2] = teams.try_into().expect("the first leg names two teams");
    Ok(Tie {
        round: t.round.get_ref().clone(),
        teams: [first, second],
        legs,
        line: source.line_of(tie.span().start),
    })
}

fn build_ranking(source: &Source, ranking: &Spanned<RankingFile>) -> Result<Ranking, Diagnostic> {
    let r = ranking.get_ref();
    let mut entries: Vec<RankingEntry> = Vec::new();
    for e in &r.entries {
        let v = e.get_ref();
        if entries.iter().any(|x| x.rank == v.rank) {
            return Err(source.error(
                Code::ListedTwice,
                e.span(),
                format!("rank {} is listed twice; expected each rank once", v.rank),
            ));
        }
        entries.push(RankingEntry {
            rank: v.rank,
            name: v.association.clone(),
            coefficient: v.coefficient.0,
            places: v.places,
        });
    }
    let mut ties = Vec::new();
    for t in &r.ties {
        let v = t.get_ref();
        if let Some(missing) = v
            .ranks
            .iter()
            .find(|k| !entries.iter().any(|e| e.rank == **k))
        {
            return Err(source.error(
                Code::Ranking,
                t.span(),
                format!(
                    "rank {missing} is not in the ranking's entries; expected ranks listed above"
                ),
            ));
        }
        if v.ranks.len() < 2 {
            return Err(source.error(
                Code::Ranking,
                t.span(),
                "a recorded order breaks a tie between at least two ranks",
            ));
        }
        ties.push((v.ranks.clone(), v.by.clone()));
    }
    Ok(Ranking {
        name: r.name.clone(),
        entries,
        ties,
        line: source.line_of(ranking.span().start),
    })
}

fn build_entrants(
    source: &Source,
    lists: &[Spanned<EntrantsFile>],
    rounds: &[crate::rules::Round],
) -> Result<Vec<Entrants>, Diagnostic> {
    let mut seen: HashMap<&str, &str> = HashMap::new();
    let mut out = Vec::new();
    for list in lists {
        let l = list.get_ref();
        find_round(source, rounds, &l.round)?;
        for team in &l.teams {
            if let Some(other) = seen.insert(team.get_ref(), l.round.get_ref()) {
                return Err(source.error(
                    Code::ListedTwice,
                    team.span(),
                    format!(
                        "\"{}\" is already listed as entering in {other}; expected each team once",
                        team.get_ref()
                    ),
                ));
            }
        }
        out.push(Entrants {
            round: l.round.get_ref().clone(),
            teams: l.teams.iter().map(|t| t.get_ref().clone()).collect(),
            line: source.line_of(list.span().start),
        });
    }
    Ok(out)
}

fn build_record(
    source: &Source,
    file: &CompetitionRecordFile,
    rounds: &[crate::rules::Round],
) -> Result<CompetitionRecord, Diagnostic> {
    fn at<T: Clone>(source: &Source, v: &Option<Spanned<T>>) -> Option<Recorded<T>> {
        v.as_ref().map(|v| Recorded {
            value: v.get_ref().clone(),
            line: source.line_of(v.span().start),
        })
    }
    let final_result = match &file.final_result {
        None => None,
        Some(f) => {
            let text = f.get_ref().aggregate.get_ref();
            let Some((won, lost)) = match_text::parse_score(text) else {
                return Err(source.error(Code::Aggregate,
                    f.get_ref().aggregate.span(),
                    format!("\"{text}\" is not an aggregate score; expected the winner's goals first, like \"4–2\""),
                ));
            };
            if won < lost {
                return Err(source.error(Code::Aggregate,
                    f.get_ref().aggregate.span(),
                    format!("the aggregate \"{text}\" has the loser ahead; expected the winner's goals first, like \"4–2\""),
                ));
            }
            Some(Recorded {
                value: FinalResult {
                    winner: f.get_ref().winner.clone(),
                    aggregate: [won, lost],
                },
                line: source.line_of(f.span().start),
            })
        }
    };
    let mut round_sizes = Vec::new();
    for a in &file.access {
        let name = Spanned::new(a.span(), a.get_ref().round.clone());
        find_round(source, rounds, &name)?;
        round_sizes.push(Recorded {
            value: (a.get_ref().round.clone(), a.get_ref().teams),
            line: source.line_of(a.span().start),
        });
    }
    Ok(CompetitionRecord {
        teams: at(source, &file.teams),
        matches: at(source, &file.matches),
        goals: at(source, &file.goals),
        champions: at(source, &file.champions),
        runner_up: at(source, &file.runner_up),
        final_result,
        transfers: file
            .transfers
            .iter()
            .map(|(from, n)| Recorded {
                value: (from.clone(), *n.get_ref()),
                line: source.line_of(n.span().start),
            })
            .collect(),
        fair_play: at(source, &file.fair_play),
        round_sizes,
        schedule: at(source, &file.schedule),
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
            Code::UnknownTeam,
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

fn build_group(source: &Source, g: GroupFile, meetings: u32) -> Result<Group, Diagnostic> {
    let group_name = g.name.get_ref().clone();
    if g.teams.get_ref().is_empty() {
        return Err(source.error(
            Code::EmptyGroup,
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
            return Err(source.error(
                Code::EmptyName,
                t.span(),
                "an empty team name; expected a name",
            ));
        }
        if names.ids.insert(t.get_ref(), id).is_some() {
            return Err(source.error(
                Code::ListedTwice,
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
            return Err(source.error(Code::AliasIsTeam,
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
    let mut met: HashMap<(TeamId, TeamId), u32> = HashMap::new();
    for m in &g.matches {
        let parsed = build_match(source, &names, m)?;
        let pair = (parsed.home.min(parsed.away), parsed.home.max(parsed.away));
        let count = met.entry(pair).or_default();
        *count += 1;
        if *count > meetings {
            return Err(source.error(Code::TooManyMeetings,
                m.span(),
                format!(
                    "{} and {} meet {} times in {group_name}; the rules say each pair meets {} time(s) (`group.meetings`)",
                    teams[pair.0], teams[pair.1], count, meetings
                ),
            ));
        }
        matches.push(parsed);
    }

    let mut decisions = Vec::new();
    for d in &g.decisions {
        let order = resolve_list(&names, &d.order)?;
        if order.len() < 2 {
            return Err(source.error(Code::ShortDecision,
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
                    Code::IncompleteOrder,
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

    let mut cards = vec![None; teams.len()];
    for (name, c) in &g.cards {
        cards[names.resolve_spanned(name)?] = Some(Cards {
            yellow: c.yellow,
            indirect_red: c.indirect_red,
            direct_red: c.direct_red,
            yellow_direct_red: c.yellow_direct_red,
        });
    }
    let mut coefficients = vec![None; teams.len()];
    for (name, c) in &g.coefficients {
        coefficients[names.resolve_spanned(name)?] = Some(c.0);
    }

    Ok(Group {
        name: group_name.clone(),
        teams,
        aliases,
        matches,
        decisions,
        record: GroupRecord { winner, order },
        cards,
        coefficients,
        line: source.line_of(g.name.span().start),
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
                Code::ListedTwice,
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
    let located = |e: match_text::TextError| {
        source.error(Code::MatchNotation, inner_span(source, m, e.at), e.message)
    };
    let text = match_text::parse(m.get_ref()).map_err(located)?;
    if let Some(at) = text
        .extra_time
        .clone()
        .or(text.penalties.clone().map(|p| p.1))
    {
        return Err(source.error(
            Code::MatchNotation,
            inner_span(source, m, at),
            "a group match has no extra time or penalties; expected `Home 2–1 Away`",
        ));
    }
    let team =
        |(name, at): &(&str, Range<usize>)| names.resolve(name, inner_span(source, m, at.clone()));
    let home = team(&text.home)?;
    let away = team(&text.away)?;
    if home == away {
        return Err(source.error(
            Code::PlaysItself,
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

/// A TOML string literal, escaped as needed.
fn quoted(s: &str) -> String {
    toml::Value::String(s.to_string()).to_string()
}

fn quoted_list<'a>(items: impl IntoIterator<Item = &'a str>) -> String {
    let items: Vec<String> = items.into_iter().map(quoted).collect();
    format!("[{}]", items.join(", "))
}

/// A match in data-file notation.
pub fn match_line(group: &Group, m: &Match) -> String {
    let (home, away) = (group.team_name(m.home), group.team_name(m.away));
    match m.outcome {
        Outcome::Played { home: h, away: a } => format!("{home} {h}–{a} {away}"),
        Outcome::Forfeit(side) => {
            let side = match side {
                Forfeit::Home => home,
                Forfeit::Away => away,
                Forfeit::Both => "both",
            };
            format!("{home} v {away} (forfeit: {side})")
        }
    }
}

/// Writes a competition as a data file; `header` becomes its leading comment and `rules` its
/// rule-file path. Reading the text back gives the same competition (`standings import`
/// verifies this for every file it writes).
pub fn write(competition: &Competition, header: &str, rules: Option<&str>) -> String {
    let mut out = String::new();
    for line in header.lines() {
        out += &format!("# {line}\n").replace("# \n", "#\n");
    }
    out += &format!("competition = {}\n", quoted(&competition.name));
    if let Some(rules) = rules {
        out += &format!("rules = {}\n", quoted(rules));
    }
    let r = &competition.record;
    let mut record = String::new();
    for (key, value) in [
        ("teams", &r.teams),
        ("matches", &r.matches),
        ("goals", &r.goals),
    ] {
        if let Some(v) = value {
            record += &format!("{key} = {}\n", v.value);
        }
    }
    for (key, value) in [("champions", &r.champions), ("runner_up", &r.runner_up)] {
        if let Some(v) = value {
            record += &format!("{key} = {}\n", quoted(&v.value));
        }
    }
    if let Some(f) = &r.final_result {
        let [w, l] = f.value.aggregate;
        record += &format!(
            "final = {{ winner = {}, aggregate = \"{w}–{l}\" }}\n",
            quoted(&f.value.winner)
        );
    }
    if !record.is_empty() {
        out += &format!("\n[record]\n{record}");
    }
    for g in &competition.groups {
        let names = |ts: &[TeamId]| quoted_list(ts.iter().map(|&t| g.team_name(t)));
        out += &format!("\n[[group]]\nname = {}\n", quoted(&g.name));
        out += &format!(
            "teams = {}\n",
            quoted_list(g.teams.iter().map(String::as_str))
        );
        if !g.aliases.is_empty() {
            let aliases: Vec<String> = g
                .aliases
                .iter()
                .map(|a| {
                    format!(
                        "{} = {{ is = {}, why = {} }}",
                        quoted(&a.name),
                        quoted(g.team_name(a.team)),
                        quoted(&a.why)
                    )
                })
                .collect();
            out += &format!("aliases = {{ {} }}\n", aliases.join(", "));
        }
        out += "matches = [\n";
        for m in &g.matches {
            out += &format!("  {},\n", quoted(&match_line(g, m)));
        }
        out += "]\n";
        if !g.decisions.is_empty() {
            let decisions: Vec<String> = g
                .decisions
                .iter()
                .map(|d| format!("{{ by = {}, order = {} }}", quoted(&d.by), names(&d.order)))
                .collect();
            out += &format!("decisions = [{}]\n", decisions.join(", "));
        }
        let cards: Vec<String> = (0..g.teams.len())
            .filter_map(|t| {
                let c = g.cards[t]?;
                Some(format!(
                    "{} = {{ yellow = {}, indirect_red = {}, direct_red = {}, yellow_direct_red = {} }}",
                    quoted(g.team_name(t)),
                    c.yellow,
                    c.indirect_red,
                    c.direct_red,
                    c.yellow_direct_red
                ))
            })
            .collect();
        if !cards.is_empty() {
            out += &format!("cards = {{ {} }}\n", cards.join(", "));
        }
        let coefficients: Vec<String> = (0..g.teams.len())
            .filter_map(|t| {
                let c = g.coefficients[t]?;
                Some(format!("{} = \"{c}\"", quoted(g.team_name(t))))
            })
            .collect();
        if !coefficients.is_empty() {
            out += &format!("coefficients = {{ {} }}\n", coefficients.join(", "));
        }
        let mut facts = Vec::new();
        if let Some(w) = &g.record.winner {
            facts.push(format!("winner = {}", quoted(g.team_name(w.value))));
        }
        if let Some(o) = &g.record.order {
            facts.push(format!("order = {}", names(&o.value)));
        }
        if !facts.is_empty() {
            out += &format!("record = {{ {} }}\n", facts.join(", "));
        }
    }
    out
}
