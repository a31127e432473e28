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
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub(super) matches: Vec<Spanned<String>>,
    #[serde(default)]
    pub(super) decisions: Vec<DecisionFile>,
    #[serde(default)]
    #[schemars(with = "crate::model::GroupRecord<String>")]
    pub(super) record: crate::model::GroupRecord<Spanned<String>>,
    #[serde(default)]
    #[schemars(with = "BTreeMap<String, CardsFile>")]
    pub(super) cards: BTreeMap<Spanned<String>, CardsFile>,
    #[serde(default)]
    #[schemars(with = "BTreeMap<String, crate::rules::DecimalValue>")]
    pub(super) coefficients: BTreeMap<Spanned<String>, crate::rules::DecimalValue>,
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
