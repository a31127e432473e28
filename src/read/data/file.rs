//! The data file as written: the serde types a data file deserializes into, with the spans of
//! what later messages point at, and the JSON Schema generated from them.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::Deserialize;
use toml::Spanned;

#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(super) struct DataFile {
    pub(super) competition: String,
    #[schemars(with = "Option<String>")]
    pub(super) rules: Option<Spanned<String>>,
    #[serde(default)]
    pub(super) aliases: BTreeMap<String, AliasFile>,
    #[serde(default)]
    pub(super) record: crate::model::CompetitionRecord,
    #[serde(rename = "group", default)]
    pub(super) groups: Vec<GroupFile>,
    #[serde(rename = "tie", default)]
    #[schemars(with = "Vec<TieFile>")]
    pub(super) ties: Vec<Spanned<TieFile>>,
    #[schemars(with = "Option<RankingFile>")]
    pub(super) ranking: Option<Spanned<RankingFile>>,
    #[serde(default)]
    #[schemars(with = "Vec<EntrantsFile>")]
    pub(super) entrants: Vec<Spanned<EntrantsFile>>,
}

#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(super) struct TieFile {
    #[schemars(with = "String")]
    pub(super) round: Spanned<String>,
    #[schemars(with = "Vec<String>")]
    pub(super) legs: Spanned<Vec<Spanned<String>>>,
}

#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(super) struct RankingFile {
    pub(super) name: String,
    #[schemars(with = "Vec<EntryFile>")]
    pub(super) entries: Vec<Spanned<EntryFile>>,
    #[serde(default)]
    #[schemars(with = "Vec<RankTieFile>")]
    pub(super) ties: Vec<Spanned<RankTieFile>>,
}

#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(super) struct EntryFile {
    pub(super) rank: u32,
    pub(super) association: Option<String>,
    pub(super) coefficient: crate::rules::DecimalValue,
    pub(super) places: Option<u32>,
}

#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(super) struct RankTieFile {
    pub(super) ranks: Vec<u32>,
    pub(super) by: String,
}

#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(super) struct EntrantsFile {
    #[schemars(with = "String")]
    pub(super) round: Spanned<String>,
    #[schemars(with = "Vec<String>")]
    pub(super) teams: Vec<Spanned<String>>,
}

#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(super) struct GroupFile {
    #[schemars(with = "String")]
    pub(super) name: Spanned<String>,
    #[schemars(with = "Vec<String>")]
    pub(super) teams: Spanned<Vec<Spanned<String>>>,
    #[serde(default)]
    #[schemars(with = "BTreeMap<String, AliasFile>")]
    pub(super) aliases: BTreeMap<Spanned<String>, AliasFile>,
    /// Every match, in the notation (`"Pro Patria 0–2 Cagliari"`), or as a table giving its
    /// date and round too (`{ match = "Pro Patria 0–2 Cagliari", date = 2003-08-10, round = 1 }`).
    /// A fixture still to play is written with `v` and no note (`"Greece v Russia"`): no table
    /// counts it; `standings scenarios` plays it out.
    #[serde(default)]
    #[schemars(with = "Vec<MatchEntry>", extend("default" = []))]
    pub(super) matches: Vec<Spanned<MatchEntry>>,
    #[serde(default)]
    pub(super) decisions: Vec<DecisionFile>,
    /// Play-offs between teams level in the group, in the match notation, extra time and
    /// penalties allowed (`"Wales 2–1 Hungary"`, `"Northern Ireland 2–1 Czechoslovakia (aet)"`):
    /// each decides the places of its two teams for the `playoff` criterion, and enters neither
    /// the table nor the count of meetings.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub(super) playoffs: Vec<Spanned<String>>,
    #[serde(default)]
    #[schemars(with = "crate::model::GroupRecord<String>")]
    pub(super) record: crate::model::GroupRecord<Spanned<String>>,
    #[serde(default)]
    #[schemars(with = "BTreeMap<String, CardsFile>")]
    pub(super) cards: BTreeMap<Spanned<String>, CardsFile>,
    #[serde(default)]
    #[schemars(with = "BTreeMap<String, crate::rules::DecimalValue>")]
    pub(super) coefficients: BTreeMap<Spanned<String>, crate::rules::DecimalValue>,
    /// Values per team for criteria the rule file declares (`[recorded.NAME]`, named
    /// `recorded.NAME` in its chain), by name: `values.club_coefficient = { "Ajax" = "70.500" }`.
    /// Exact decimals; a team left out has no value recorded, which is not zero.
    #[serde(default)]
    #[schemars(schema_with = "values_schema")]
    pub(super) values:
        BTreeMap<Spanned<String>, BTreeMap<Spanned<String>, crate::rules::DecimalValue>>,
    /// Points taken from (or restored to) teams off the pitch, with the reason.
    #[serde(default)]
    pub(super) deductions: Vec<DeductionFile>,
    /// Clubs that left mid-season whose results are struck from everyone's record.
    #[serde(default)]
    pub(super) expunged: Vec<ExpungedFile>,
    /// Clubs that took over another's fixtures and record so far.
    #[serde(default)]
    pub(super) takeovers: Vec<TakeoverFile>,
    /// Why the group ended before every match was played (a season curtailed): its table as
    /// played is final, and `check` confirms the record against it.
    #[schemars(with = "Option<String>")]
    pub(super) curtailed: Option<Spanned<String>>,
}

/// One of a group's matches: the match in the notation alone, or a table with its date and
/// round as well.
pub(super) enum MatchEntry {
    /// `"Pro Patria 0–2 Cagliari"`.
    Plain(String),
    /// `{ match = "Pro Patria 0–2 Cagliari", date = 2003-08-10, round = 1 }`.
    Scheduled(ScheduledMatch),
}

/// A match with when it was played: its date, its round, or both.
#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(super) struct ScheduledMatch {
    /// The match in the notation: `"Pro Patria 0–2 Cagliari"`.
    #[serde(rename = "match")]
    #[schemars(with = "String")]
    pub(super) text: Spanned<String>,
    /// The day it was played: a TOML local date (`2003-08-10`, unquoted) or the same as a
    /// string (`"2003-08-10"`). `table --until DATE` counts the matches played on or before
    /// DATE.
    #[serde(default)]
    #[schemars(with = "Option<Date>")]
    pub(super) date: Option<Spanned<toml::Value>>,
    /// Its round (matchday), 1 for the first: `table --matchday N` counts the matches of
    /// rounds 1 to N.
    #[serde(default)]
    #[schemars(with = "Option<u32>", range(min = 1))]
    pub(super) round: Option<Spanned<i64>>,
}

impl<'de> Deserialize<'de> for MatchEntry {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Entry;
        impl<'de> serde::de::Visitor<'de> for Entry {
            type Value = MatchEntry;

            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(
                    "a match: \"Home 1–0 Away\", or { match = \"Home 1–0 Away\", date = 2003-08-10, round = 1 }",
                )
            }

            fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<MatchEntry, E> {
                Ok(MatchEntry::Plain(text.to_string()))
            }

            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                map: A,
            ) -> Result<MatchEntry, A::Error> {
                let table = serde::de::value::MapAccessDeserializer::new(map);
                ScheduledMatch::deserialize(table).map(MatchEntry::Scheduled)
            }
        }
        deserializer.deserialize_any(Entry)
    }
}

impl JsonSchema for MatchEntry {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Match".into()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let scheduled = generator.subschema_for::<ScheduledMatch>();
        schemars::json_schema!({
            "description": "A match in the notation (\"Pro Patria 0–2 Cagliari\", or \"Greece v Russia\" for a fixture still to play), or a table with its date and round as well.",
            "anyOf": [{ "type": "string" }, scheduled],
        })
    }
}

/// `values`: by declared criterion's name (lowercase letters, digits and underscores), a table
/// of exact decimals by team.
fn values_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
    let per_team = generator.subschema_for::<BTreeMap<String, crate::rules::DecimalValue>>();
    schemars::json_schema!({
        "type": "object",
        "propertyNames": { "pattern": "^[a-z][a-z0-9_]{0,63}$" },
        "additionalProperties": per_team,
        "default": {},
    })
}

/// A points deduction (positive) or restoration (negative), with its reason and, optionally,
/// its date (`YYYY-MM-DD`).
#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "Deduction")]
pub(super) struct DeductionFile {
    /// The team, as `teams` names it (or an alias).
    #[schemars(with = "String")]
    pub(super) team: Spanned<String>,
    /// Points taken away; negative gives points back.
    #[schemars(with = "crate::rules::DecimalValue")]
    pub(super) points: Spanned<crate::rules::DecimalValue>,
    /// Why, in the record's words ("entered administration").
    #[schemars(with = "String")]
    pub(super) reason: Spanned<String>,
    /// When, as `YYYY-MM-DD`.
    #[serde(default)]
    #[schemars(with = "Option<Date>")]
    pub(super) date: Option<Spanned<String>>,
}

/// A calendar date, `YYYY-MM-DD`: only its schema is used, as dates are read as strings and
/// checked where they are.
pub(super) struct Date;

impl JsonSchema for Date {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Date".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "A calendar date written YYYY-MM-DD (\"2020-05-01\").",
            "type": "string",
            "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
        })
    }
}

/// A club whose results are struck out.
#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "Expunged")]
pub(super) struct ExpungedFile {
    /// The club, as `teams` names it.
    #[schemars(with = "String")]
    pub(super) team: Spanned<String>,
    /// Why, in the record's words ("resigned from the League").
    #[schemars(with = "String")]
    pub(super) reason: Spanned<String>,
}

/// A club that took over another's remaining fixtures and its record so far.
#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "Takeover")]
pub(super) struct TakeoverFile {
    /// The club that took over, as `teams` names it; the table shows this name.
    #[schemars(with = "String")]
    pub(super) team: Spanned<String>,
    /// The club whose fixtures and record it took over, as `teams` names it.
    #[schemars(with = "String")]
    pub(super) from: Spanned<String>,
    /// Why, in the record's words.
    #[schemars(with = "String")]
    pub(super) reason: Spanned<String>,
}

#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(super) struct CardsFile {
    #[serde(default)]
    pub(super) yellow: u32,
    #[serde(default)]
    pub(super) indirect_red: u32,
    #[serde(default)]
    pub(super) direct_red: u32,
    #[serde(default)]
    pub(super) yellow_direct_red: u32,
}

#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(super) struct AliasFile {
    #[schemars(with = "String")]
    pub(super) is: Spanned<String>,
    pub(super) why: String,
}

#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(super) struct DecisionFile {
    pub(super) by: String,
    #[schemars(with = "Vec<String>")]
    pub(super) order: Spanned<Vec<Spanned<String>>>,
}

/// The JSON Schema of data files, generated from the types the loader reads
/// (`schemas/data.schema.json`).
pub fn json_schema() -> serde_json::Value {
    let mut schema =
        serde_json::to_value(schemars::schema_for!(DataFile)).expect("a generated schema is JSON");
    schema["title"] = "standings data file".into();
    schema
}
