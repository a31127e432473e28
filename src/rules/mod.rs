//! A season's regulations, read from a TOML rule file and validated on load.
//!
//! The rule file is the only place where season-specific scoring lives: points per result,
//! how a forfeit is scored, the tiebreak chain and how many teams advance. `docs/rules.md`
//! documents every key.

pub mod best_placed;
mod decimal;
pub mod library;
pub mod structure;

use std::path::Path;

use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::Deserialize;
use toml::Spanned;

pub use crate::criteria::Criterion;
pub use decimal::{DecimalValue, SUMMED_PLACES, summed as summed_decimal};
pub use structure::{Allocation, KnockoutRule, Round, Structure};

use crate::criteria::{self, Needs};
use crate::diagnostic::{Code, Diagnostic, Source, closest, excerpt};

/// Points awarded per result, as exact decimals.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Points {
    /// Points for a win.
    pub win: Decimal,
    /// Points for a draw.
    pub draw: Decimal,
    /// Points for a defeat (a forfeit defeat included).
    pub loss: Decimal,
}

/// How a match that was not played is scored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ForfeitRule {
    /// The awarded score: goals for the side ready to play, then for the side that did not.
    /// When both sides forfeit, each is recorded as losing `score[1]`–`score[0]`.
    pub score: [u32; 2],
    /// Points taken from each side that did not play, per match not played.
    pub deduction: Decimal,
    /// Whether awarded goals enter goals scored, conceded and goal difference.
    pub goals_count: bool,
}

/// How often a block of head-to-head criteria applies to a tie: `head_to_head.mode`.
///
/// There is no "never": a rule that never compares the tied teams' own matches is a chain that
/// names no head-to-head criterion, and a mode that switched off criteria the chain names would
/// let the two say different things.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum HeadToHeadMode {
    /// `"once"`, the default (`reapply = false`): the block reads the mini-table of the teams
    /// level when it begins, once; a smaller set still level after it moves on to the next
    /// criterion (FIFA World Cup 2018, Article 32.5).
    #[default]
    Once,
    /// `"reapply"` (`reapply = true`): a smaller set still level after the whole block gets the
    /// block again, on a mini-table of its own matches, until it separates no one (UEFA EURO
    /// 2016, Article 18.01).
    Reapply,
}

impl HeadToHeadMode {
    /// Every value a rule file may write, with its meaning, for messages and the schema.
    const KEYS: [(&'static str, HeadToHeadMode, &'static str); 2] = [
        (
            "reapply",
            HeadToHeadMode::Reapply,
            "again to a smaller set still level, on its own matches",
        ),
        (
            "once",
            HeadToHeadMode::Once,
            "once; a set still level moves on",
        ),
    ];
}

/// How head-to-head mini-tables are built.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HeadToHeadRule {
    /// Whether a set still level after the head-to-head block gets it again (UEFA) or moves on
    /// (FIFA 2018).
    pub mode: HeadToHeadMode,
    /// Whether forfeit deductions from matches among the tied teams count in the mini-table.
    pub deductions_count: bool,
    /// Whether points deductions made off the pitch (a data file's `deductions`) count in the
    /// mini-table. Most regulations compare only the points won in the matches among the tied
    /// teams, so by default they do not.
    pub point_deductions_count: bool,
}

/// What goal average (`goal_average`, `head_to_head.goal_average`) gives a team that conceded
/// no goal, where goals scored ÷ goals conceded has no value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ZeroConceded {
    /// `"above_all"`, the default and the historical reading: a team that scored without
    /// conceding has an infinite average, above every team that conceded and level with every
    /// other such team; a team that neither scored nor conceded has 1 (as many scored as
    /// conceded, like a goal difference of 0).
    #[default]
    AboveAll,
    /// `"as_one"`: counted as one goal conceded, so the average is the goals scored (0 for a
    /// team that neither scored nor conceded).
    AsOne,
}

impl ZeroConceded {
    /// Every value a rule file may write, with its meaning, for messages and the schema.
    const KEYS: [(&'static str, ZeroConceded, &'static str); 2] = [
        (
            "above_all",
            ZeroConceded::AboveAll,
            "above every finite average",
        ),
        (
            "as_one",
            ZeroConceded::AsOne,
            "as if one goal had been conceded",
        ),
    ];
}

/// Goal average options: `[goal_average]`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct GoalAverageRule {
    /// What a team that conceded no goal gets.
    pub zero_conceded: ZeroConceded,
}

/// A season's regulations.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleSet {
    /// A human name for the rules ("Coppa Italia 2003–04").
    pub name: String,
    /// What the rules are, in one line, for `standings rules` (`description`).
    pub description: Option<String>,
    /// The regulation the rules follow, as cited (`regulation`: "Premier League Handbook
    /// 2019/20, Section C.17"), or what they are based on where no regulation is known.
    pub regulation: Option<String>,
    /// How group tables are computed; `None` for a competition without groups.
    pub groups: Option<GroupRules>,
    /// The competition's rounds, when the rule file describes them.
    pub structure: Option<Structure>,
    /// How knockout ties are decided.
    pub knockout: KnockoutRule,
    /// Places per association by ranking, when the competition allocates them.
    pub allocation: Option<Allocation>,
    /// Where the rules were read from, for messages about data that contradicts them.
    pub origin: RulesOrigin,
}

/// Where a rule set was read from: the rule file's text and the places of the values data is
/// validated against, so that a message about a data file can point at the rule it
/// contradicts. Never part of equality.
#[derive(Debug, Clone, Default)]
pub struct RulesOrigin {
    /// The rule file (none for rules built in memory).
    pub source: Option<Source>,
    /// `group.meetings`, when the file states it (else the default applies).
    pub meetings: Option<std::ops::Range<usize>>,
    /// `forfeit.score`, when the file states it.
    pub forfeit_score: Option<std::ops::Range<usize>>,
    /// Each `[[round]]`, in order.
    pub rounds: Vec<std::ops::Range<usize>>,
}

impl RulesOrigin {
    /// A label at `span` of the rule file, or at its first line when the value is not written
    /// there (a default); `None` for rules built in memory.
    pub fn label(
        &self,
        span: Option<std::ops::Range<usize>>,
        message: impl Into<String>,
    ) -> Option<crate::diagnostic::Label> {
        let source = self.source.as_ref()?;
        Some(source.label(span.unwrap_or(0..0), message))
    }
}

crate::not_part_of_equality!(RulesOrigin);

/// How a group table is computed: everything the engine needs to fold and order a group.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GroupRules {
    /// Points per result.
    pub points: Points,
    /// Forfeit scoring.
    pub forfeit: ForfeitRule,
    /// Head-to-head options.
    pub head_to_head: HeadToHeadRule,
    /// The ordering chain, first criterion first.
    pub tiebreak: Vec<Criterion>,
    /// The chain for a tie that decides who advances (`tiebreak.qualifying_order`): a set of
    /// teams still level where it first differs from [`GroupRules::tiebreak`] and holding places
    /// on both sides of the last qualifying place follows it from there; `None` when the rule
    /// file gives one chain for every tie.
    pub qualifying_tiebreak: Option<Vec<Criterion>>,
    /// How many teams advance from each group.
    pub advance: usize,
    /// How many teams at the bottom of a league are relegated (`qualification.relegated`, 0
    /// when the rule file names none): what a run-in's safety is counted against
    /// ([`crate::runin`]).
    pub relegated: usize,
    /// How many times each pair of teams meets in a group (1: single round-robin).
    pub meetings: u32,
    /// Disciplinary points per card, for the `fair_play` criterion.
    pub fair_play: Option<FairPlayRule>,
    /// Goal average options, for `goal_average` and `head_to_head.goal_average`.
    pub goal_average: GoalAverageRule,
    /// Teams of one place ranked across groups, the best of them advancing, when the rules say.
    pub best_placed: Option<best_placed::BestPlaced>,
}

/// Disciplinary points per card (negative: a card costs points), for the `fair_play` criterion.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FairPlayRule {
    /// Per yellow card.
    pub yellow: Decimal,
    /// Per red card from a second yellow.
    pub indirect_red: Decimal,
    /// Per straight red card.
    pub direct_red: Decimal,
    /// Per yellow followed by a straight red in the same match.
    pub yellow_direct_red: Decimal,
}

#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
struct RuleFile {
    name: String,
    /// What the rules are, in one line (`standings rules` lists it).
    description: Option<String>,
    /// The regulation the rules follow, as cited ("Premier League Handbook 2019/20, Section
    /// C.17"), or what they are based on where no regulation is known (`standings rules` lists
    /// it).
    regulation: Option<String>,
    points: Option<PointsFile>,
    #[serde(default)]
    forfeit: ForfeitFile,
    #[serde(default)]
    head_to_head: HeadToHeadFile,
    tiebreak: Option<TiebreakFile>,
    qualification: Option<QualificationFile>,
    #[serde(default)]
    group: GroupFile,
    fair_play: Option<FairPlayFile>,
    #[serde(default)]
    goal_average: GoalAverageFile,
    best_placed: Option<best_placed::BestPlacedFile>,
    /// Criteria this rule file declares: values the data records per team (`values.NAME` in a
    /// group), named `recorded.NAME` in a chain.
    #[serde(default)]
    #[schemars(schema_with = "recorded_schema")]
    recorded: std::collections::BTreeMap<Spanned<String>, RecordedFile>,
    #[serde(default)]
    #[schemars(with = "Vec<structure::RoundFile>")]
    round: Vec<Spanned<structure::RoundFile>>,
    #[serde(default)]
    structure: structure::StructureFile,
    #[serde(default)]
    knockout: structure::KnockoutFile,
    allocation: Option<structure::AllocationFile>,
}

#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
struct FairPlayFile {
    #[schemars(with = "DecimalValue")]
    yellow: Spanned<DecimalValue>,
    #[schemars(with = "DecimalValue")]
    indirect_red: Spanned<DecimalValue>,
    #[schemars(with = "DecimalValue")]
    direct_red: Spanned<DecimalValue>,
    #[schemars(with = "DecimalValue")]
    yellow_direct_red: Spanned<DecimalValue>,
}

#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
struct PointsFile {
    #[schemars(with = "DecimalValue")]
    win: Spanned<DecimalValue>,
    #[schemars(with = "DecimalValue")]
    draw: Spanned<DecimalValue>,
    #[schemars(with = "DecimalValue")]
    loss: Spanned<DecimalValue>,
}

#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
struct ForfeitFile {
    // Read as a list, so that a third number is an error rather than dropped, and each number
    // keeps its place for the message.
    #[serde(default = "default_forfeit_score")]
    #[schemars(schema_with = "forfeit_score_schema")]
    score: Spanned<Vec<Spanned<u32>>>,
    #[serde(default = "zero")]
    #[schemars(with = "DecimalValue")]
    deduction: Spanned<DecimalValue>,
    #[serde(default = "yes")]
    goals_count: bool,
}

impl Default for ForfeitFile {
    fn default() -> Self {
        ForfeitFile {
            score: default_forfeit_score(),
            deduction: zero(),
            goals_count: true,
        }
    }
}

fn default_forfeit_score() -> Spanned<Vec<Spanned<u32>>> {
    Spanned::new(0..0, vec![Spanned::new(0..0, 3), Spanned::new(0..0, 0)])
}

/// The most goals a forfeit may award a side: as many as a match result may have.
pub const MAX_FORFEIT_GOALS: u32 = crate::read::match_text::MAX_GOALS;

/// The most times a pair of teams may meet in a group: far beyond any real league, and small
/// enough that no count of matches derived from it can overflow.
pub const MAX_MEETINGS: u32 = 100;

/// `forfeit.score`: exactly two numbers of goals, each at most [`MAX_FORFEIT_GOALS`].
fn forfeit_score_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
    schemars::json_schema!({
        "type": "array",
        "items": { "type": "integer", "format": "uint32", "minimum": 0, "maximum": MAX_FORFEIT_GOALS },
        "minItems": 2,
        "maxItems": 2,
        "default": [3, 0],
    })
}

/// `forfeit.score` as written, checked: two numbers, each a possible number of goals, the first
/// larger (the side ready to play wins).
fn forfeit_score(
    source: &Source,
    score: &Spanned<Vec<Spanned<u32>>>,
) -> Result<[u32; 2], Diagnostic> {
    let [awarded, conceded] = score.get_ref().as_slice() else {
        let n = score.get_ref().len();
        return Err(source.error(
            Code::WrongValue,
            score.span(),
            format!(
                "the forfeit score has {n} number(s); expected an array of length 2: the goals of the side ready to play, then of the side that did not, as in [3, 0]"
            ),
        ));
    };
    for goals in [awarded, conceded] {
        let n = *goals.get_ref();
        if n > MAX_FORFEIT_GOALS {
            return Err(source.error(
                Code::WrongValue,
                goals.span(),
                format!(
                    "{n} is too many goals for a forfeit score; expected at most {MAX_FORFEIT_GOALS}, as in a match result"
                ),
            ));
        }
    }
    let [awarded, conceded] = [*awarded.get_ref(), *conceded.get_ref()];
    if awarded <= conceded {
        return Err(source.error(Code::ForfeitScore,
            score.span(),
            format!(
                "forfeit score {awarded}–{conceded} does not give the match to the side that was ready to play; expected the first number to be larger, as in [3, 0]"
            ),
        ));
    }
    Ok([awarded, conceded])
}

fn zero() -> Spanned<DecimalValue> {
    Spanned::new(0..0, DecimalValue::default())
}

fn yes() -> bool {
    true
}

#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
struct HeadToHeadFile {
    /// `"reapply"`: a smaller set still level after the head-to-head criteria gets them again,
    /// on its own matches (UEFA); `"once"` (the default): it moves on to the next criterion
    /// (FIFA 2018).
    #[serde(default)]
    #[schemars(schema_with = "head_to_head_mode_schema")]
    mode: Option<Spanned<String>>,
    /// The older form of `mode`: `true` is `"reapply"`, `false` `"once"`. One or the other.
    #[serde(default)]
    #[schemars(with = "Option<bool>")]
    reapply: Option<Spanned<bool>>,
    #[serde(default = "yes")]
    deductions_count: bool,
    #[serde(default)]
    point_deductions_count: bool,
}

impl Default for HeadToHeadFile {
    fn default() -> Self {
        HeadToHeadFile {
            mode: None,
            reapply: None,
            deductions_count: true,
            point_deductions_count: false,
        }
    }
}

/// `head_to_head.mode`: one of [`HeadToHeadMode::KEYS`].
fn head_to_head_mode_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
    let keys: Vec<&str> = HeadToHeadMode::KEYS.iter().map(|k| k.0).collect();
    schemars::json_schema!({
        "type": "string",
        "enum": keys,
        "default": "once",
    })
}

/// `head_to_head.mode` (or the older `reapply`) as written, checked: a value that is none of
/// [`HeadToHeadMode::KEYS`] is an error at the value (`"never"` with what to write instead),
/// and both keys together an error at `mode`.
fn head_to_head_mode(source: &Source, file: &HeadToHeadFile) -> Result<HeadToHeadMode, Diagnostic> {
    match (&file.mode, &file.reapply) {
        (None, None) => Ok(HeadToHeadMode::default()),
        (None, Some(reapply)) => Ok(if *reapply.get_ref() {
            HeadToHeadMode::Reapply
        } else {
            HeadToHeadMode::Once
        }),
        (Some(mode), Some(reapply)) => Err(source
            .error(
                Code::HeadToHeadMode,
                mode.span(),
                "`head_to_head` gives both `mode` and `reapply`; expected one of them (`reapply = true` is `mode = \"reapply\"`, `reapply = false` is `mode = \"once\"`)",
            )
            .with_label(source.label(reapply.span(), "`reapply` is given here"))),
        (Some(mode), None) => {
            let written = mode.get_ref();
            let keys = HeadToHeadMode::KEYS;
            if let Some((_, value, _)) = keys.iter().find(|k| k.0 == written) {
                return Ok(*value);
            }
            let hint = if written == "never" {
                "; to never compare the tied teams' own matches, leave the head-to-head criteria out of `tiebreak.order` (a mode does not undo what the chain names)".to_string()
            } else {
                closest(written, keys.iter().map(|k| k.0))
                    .map(|k| format!("; did you mean \"{k}\"?"))
                    .unwrap_or_default()
            };
            let expected: Vec<String> = keys
                .iter()
                .map(|(key, _, meaning)| format!("\"{key}\" ({meaning})"))
                .collect();
            Err(source.error(
                Code::WrongValue,
                mode.span(),
                format!(
                    "unknown `head_to_head.mode` value \"{}\"; expected {}: how often the head-to-head criteria apply to a tie{hint}",
                    excerpt(written),
                    expected.join(" or ")
                ),
            ))
        }
    }
}

#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
struct GoalAverageFile {
    // Read as a string, so that a value that is none of them is an error at its place, with a
    // suggestion.
    #[serde(default = "above_all")]
    #[schemars(schema_with = "zero_conceded_schema")]
    zero_conceded: Spanned<String>,
}

impl Default for GoalAverageFile {
    fn default() -> Self {
        GoalAverageFile {
            zero_conceded: above_all(),
        }
    }
}

fn above_all() -> Spanned<String> {
    Spanned::new(0..0, "above_all".to_string())
}

/// `goal_average.zero_conceded`: one of [`ZeroConceded::KEYS`].
fn zero_conceded_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
    let keys: Vec<&str> = ZeroConceded::KEYS.iter().map(|k| k.0).collect();
    schemars::json_schema!({
        "type": "string",
        "enum": keys,
        "default": "above_all",
    })
}

/// `goal_average.zero_conceded` as written, checked: a value that is none of
/// [`ZeroConceded::KEYS`] is an error at the value, naming what was expected.
fn zero_conceded(source: &Source, file: &GoalAverageFile) -> Result<ZeroConceded, Diagnostic> {
    let written = &file.zero_conceded;
    let keys = ZeroConceded::KEYS;
    if let Some((_, value, _)) = keys.iter().find(|k| k.0 == written.get_ref()) {
        return Ok(*value);
    }
    let hint = closest(written.get_ref(), keys.iter().map(|k| k.0))
        .map(|k| format!("; did you mean \"{k}\"?"))
        .unwrap_or_default();
    let expected: Vec<String> = keys
        .iter()
        .map(|(key, _, meaning)| format!("\"{key}\" ({meaning})"))
        .collect();
    Err(source.error(
        Code::WrongValue,
        written.span(),
        format!(
            "unknown `zero_conceded` value \"{}\"; expected {}: what goal average gives a team that conceded no goal{hint}",
            written.get_ref(),
            expected.join(" or ")
        ),
    ))
}

/// A criterion the rule file declares: `[recorded.NAME]`.
#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
struct RecordedFile {
    /// In words, for tables and explanations ("UEFA club coefficient").
    #[schemars(with = "String")]
    label: Spanned<String>,
    /// Which values rank first: `"higher"` (a coefficient) or `"lower"` (a number drawn by lot
    /// where 1 is best).
    #[schemars(schema_with = "better_schema")]
    better: Spanned<String>,
}

/// `[recorded]`: a table of declared criteria, each named as [`criteria::is_declarable`] says.
fn recorded_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
    let each = generator.subschema_for::<RecordedFile>();
    schemars::json_schema!({
        "type": "object",
        "propertyNames": { "pattern": "^[a-z][a-z0-9_]{0,63}$" },
        "additionalProperties": each,
        "default": {},
    })
}

/// `recorded.NAME.better`: `"higher"` or `"lower"`.
fn better_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
    schemars::json_schema!({ "type": "string", "enum": ["higher", "lower"] })
}

/// The criteria `[recorded]` declares, checked: each name as [`criteria::is_declarable`] says,
/// a label that is not empty, `better` one of `"higher"` and `"lower"`.
fn declared(source: &Source, file: &RuleFile) -> Result<Vec<Criterion>, Diagnostic> {
    let mut out = Vec::with_capacity(file.recorded.len());
    for (name, declared) in &file.recorded {
        if !criteria::is_declarable(name.get_ref()) {
            return Err(source.error(
                Code::DeclaredCriterion,
                name.span(),
                format!(
                    "a declared criterion named \"{}\"; expected a name of lowercase letters, digits and underscores, starting with a letter (at most 64 characters), as in [recorded.club_coefficient]",
                    excerpt(name.get_ref())
                ),
            ));
        }
        if declared.label.get_ref().trim().is_empty() {
            return Err(source.error(
                Code::DeclaredCriterion,
                declared.label.span(),
                "an empty label; expected the criterion in words, as tables and explanations will name it (\"UEFA club coefficient\")",
            ));
        }
        let better = match declared.better.get_ref().as_str() {
            "higher" => criteria::Better::Higher,
            "lower" => criteria::Better::Lower,
            other => {
                let hint = closest(other, ["higher", "lower"])
                    .map(|k| format!("; did you mean \"{k}\"?"))
                    .unwrap_or_default();
                return Err(source.error(
                    Code::WrongValue,
                    declared.better.span(),
                    format!(
                        "unknown `better` value \"{}\"; expected \"higher\" (the highest value ranks first) or \"lower\" (the lowest ranks first){hint}",
                        excerpt(other)
                    ),
                ));
            }
        };
        out.push(Criterion::declared(criteria::Declared {
            name: name.get_ref().clone(),
            label: declared.label.get_ref().trim().to_string(),
            better,
        }));
    }
    Ok(out)
}

#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
struct TiebreakFile {
    /// The chain, first criterion first: the first sorts the whole group, each later one the
    /// teams still level.
    #[schemars(schema_with = "tiebreak_order_schema")]
    order: Spanned<Vec<Spanned<String>>>,
    /// The chain for a tie that decides who advances: from where it first differs from `order`,
    /// a set of teams still level that holds places on both sides of the last qualifying place
    /// (`qualification.advance`) follows it, any other set `order`. It starts with the same
    /// criterion as `order`.
    #[serde(default)]
    #[schemars(schema_with = "tiebreak_order_schema")]
    qualifying_order: Option<Spanned<Vec<Spanned<String>>>>,
}

/// `tiebreak.order`: criteria from the registry, or declared in `[recorded]`
/// (`recorded.NAME`), each at most once.
fn tiebreak_order_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
    let keys: Vec<&str> = criteria::keys().collect();
    schemars::json_schema!({
        "type": "array",
        "items": {
            "type": "string",
            "anyOf": [
                { "enum": keys },
                {
                    "pattern": "^recorded\\.[a-z][a-z0-9_]{0,63}$",
                    "description": "a criterion this file declares in [recorded.NAME]",
                },
            ],
        },
        "uniqueItems": true,
    })
}

#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
struct QualificationFile {
    #[schemars(with = "u32", range(max = 1_000_000))]
    advance: Spanned<usize>,
    /// How many teams at the bottom of a league go down (none when absent).
    #[schemars(with = "Option<u32>", range(max = 1_000_000))]
    relegated: Option<Spanned<usize>>,
}

#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
struct GroupFile {
    #[serde(default = "one")]
    #[schemars(with = "u32", range(min = 1, max = MAX_MEETINGS))]
    meetings: Spanned<u32>,
}

impl Default for GroupFile {
    fn default() -> Self {
        GroupFile { meetings: one() }
    }
}

fn one() -> Spanned<u32> {
    Spanned::new(0..0, 1)
}

impl RuleSet {
    /// Reads and validates a rule file.
    pub fn load(path: &Path) -> Result<RuleSet, Diagnostic> {
        RuleSet::parse(&Source::read(path)?)
    }

    /// Parses and validates rule-file text; errors point into `source`.
    pub fn parse(source: &Source) -> Result<RuleSet, Diagnostic> {
        if source.text.trim().is_empty() {
            return Err(source.error_whole(Code::Empty,
                "the rule file is empty; expected at least `name`, [points], [tiebreak] and [qualification]",
            ));
        }
        let file: RuleFile = toml::from_str(&source.text).map_err(|e| source.toml_error(&e))?;
        // Names from a rule file (its own, rounds', criteria's) are printed like any other.
        crate::read::control::toml_strings(source)?;
        let forfeit = forfeit_score(source, &file.forfeit.score)?;
        let groups = group_rules(source, &file, forfeit)?;
        let structure = structure::build(
            source,
            &file.round,
            &file.structure,
            groups.as_ref().map(|g| g.advance as u32),
            groups
                .as_ref()
                .and_then(|g| g.best_placed.as_ref())
                .map_or(0, |b| b.advance as u32),
            groups.as_ref().map_or(1, |g| g.meetings),
        )?;
        if groups.is_none() && structure.is_none() {
            return Err(source.error_whole(Code::NothingRuled,
                "the rule file describes no group stage ([points], [tiebreak], [qualification]) and no [[round]]; expected at least one of them (see docs/rules.md)",
            ));
        }
        let allocation = file
            .allocation
            .as_ref()
            .map(|a| a.build(source))
            .transpose()?;
        let stated = |span: std::ops::Range<usize>| (!span.is_empty()).then_some(span);
        let origin = RulesOrigin {
            source: Some(source.clone()),
            meetings: stated(file.group.meetings.span()),
            forfeit_score: stated(file.forfeit.score.span()),
            rounds: file.round.iter().map(|r| r.span()).collect(),
        };
        Ok(RuleSet {
            name: file.name,
            description: file.description,
            regulation: file.regulation,
            groups,
            structure,
            knockout: file.knockout.build(),
            allocation,
            origin,
        })
    }
}

/// The group-stage rules: [points], [tiebreak] and [qualification] together, or none of them.
/// `forfeit` is `forfeit.score`, already checked.
fn group_rules(
    source: &Source,
    file: &RuleFile,
    forfeit: [u32; 2],
) -> Result<Option<GroupRules>, Diagnostic> {
    let present = [
        file.points.is_some(),
        file.tiebreak.is_some(),
        file.qualification.is_some(),
    ];
    if present.iter().all(|p| !p) {
        return Ok(None);
    }
    let missing = |what: &str| {
        source.error_whole(Code::IncompleteGroupStage, format!(
            "the rule file has no [{what}] section; expected [points], [tiebreak] and [qualification] together for a group stage (see docs/rules.md)"
        ))
    };
    let points = file.points.as_ref().ok_or_else(|| missing("points"))?;
    let tiebreak = file.tiebreak.as_ref().ok_or_else(|| missing("tiebreak"))?;
    let qualification = file
        .qualification
        .as_ref()
        .ok_or_else(|| missing("qualification"))?;
    let advance = *qualification.advance.get_ref();
    if advance > structure::MAX_TEAMS as usize {
        return Err(source.error(
            Code::WrongValue,
            qualification.advance.span(),
            format!(
                "{advance} is too large for a number of teams advancing; expected at most {}, the most teams a competition may have",
                structure::MAX_TEAMS
            ),
        ));
    }
    let relegated = qualification.relegated.as_ref().map_or(0, |r| *r.get_ref());
    if let Some(r) = qualification.relegated.as_ref()
        && relegated > structure::MAX_TEAMS as usize
    {
        return Err(source.error(
            Code::WrongValue,
            r.span(),
            format!(
                "{relegated} is too large for a number of teams relegated; expected at most {}, the most teams a competition may have",
                structure::MAX_TEAMS
            ),
        ));
    }

    let meetings = *file.group.meetings.get_ref();
    if meetings == 0 {
        return Err(source.error(
            Code::MeetingsZero,
            file.group.meetings.span(),
            "`meetings` is 0; expected how many times each pair of teams meets (1 or more)",
        ));
    }
    if meetings > MAX_MEETINGS {
        return Err(source.error(
            Code::WrongValue,
            file.group.meetings.span(),
            format!(
                "{meetings} is too large for `meetings`; expected at most {MAX_MEETINGS} times each pair of teams meets"
            ),
        ));
    }
    let declared = declared(source, file)?;
    let chain = parse_chain(source, &tiebreak.order, &declared)?;
    let qualifying = match &tiebreak.qualifying_order {
        None => None,
        Some(order) => Some(qualifying_chain(
            source,
            &tiebreak.order,
            &chain,
            order,
            &declared,
        )?),
    };
    if let Some(unused) = declared
        .iter()
        .find(|d| !chain.contains(d) && !qualifying.iter().flatten().any(|q| q == *d))
    {
        let name = unused.declaration().map_or("", |d| d.name.as_str());
        let at = file
            .recorded
            .keys()
            .find(|k| k.get_ref() == name)
            .map_or(0..0, Spanned::span);
        return Err(source.error(
            Code::DeclaredCriterion,
            at,
            format!(
                "[recorded.{name}] is declared, but no chain names \"{}\"; expected it in `tiebreak.order` or `qualifying_order`, or no declaration",
                unused.key()
            ),
        ));
    }
    for (names, criteria) in std::iter::once((&tiebreak.order, &chain))
        .chain(tiebreak.qualifying_order.iter().zip(&qualifying))
    {
        if let Some(cards) = criteria.iter().find(|c| c.needs() == Needs::Cards)
            && file.fair_play.is_none()
        {
            let at = names
                .get_ref()
                .iter()
                .find(|n| n.get_ref() == cards.key())
                .map_or(names.span(), |n| n.span());
            return Err(source.error(Code::CriterionWithoutSection,
                at,
                format!(
                    "the chain uses \"{}\" but the rule file has no [fair_play] section; expected the points per card: yellow, indirect_red, direct_red, yellow_direct_red",
                    cards.key()
                ),
            ));
        }
    }
    let best_placed = file
        .best_placed
        .as_ref()
        .map(|b| best_placed::parse(source, b, |order| parse_chain(source, order, &declared)))
        .transpose()?;
    if let Some((b, f)) = best_placed.as_ref().zip(file.best_placed.as_ref()) {
        check_fair_play(source, &b.order, f.order(), file.fair_play.is_some())?;
    }
    // Every value here is summed over a season or multiplied by a count.
    let exact = |value| decimal::summed(source, value);
    let fair_play = match &file.fair_play {
        None => None,
        Some(f) => Some(FairPlayRule {
            yellow: exact(&f.yellow)?,
            indirect_red: exact(&f.indirect_red)?,
            direct_red: exact(&f.direct_red)?,
            yellow_direct_red: exact(&f.yellow_direct_red)?,
        }),
    };
    Ok(Some(GroupRules {
        points: Points {
            win: exact(&points.win)?,
            draw: exact(&points.draw)?,
            loss: exact(&points.loss)?,
        },
        forfeit: ForfeitRule {
            score: forfeit,
            deduction: exact(&file.forfeit.deduction)?,
            goals_count: file.forfeit.goals_count,
        },
        head_to_head: HeadToHeadRule {
            mode: head_to_head_mode(source, &file.head_to_head)?,
            deductions_count: file.head_to_head.deductions_count,
            point_deductions_count: file.head_to_head.point_deductions_count,
        },
        tiebreak: chain,
        qualifying_tiebreak: qualifying,
        advance,
        relegated,
        meetings,
        fair_play,
        goal_average: GoalAverageRule {
            zero_conceded: zero_conceded(source, &file.goal_average)?,
        },
        best_placed,
    }))
}

/// A chain that uses `fair_play` needs the rule file's `[fair_play]` section: an error at the
/// criterion's name otherwise.
fn check_fair_play(
    source: &Source,
    chain: &[Criterion],
    order: &Spanned<Vec<Spanned<String>>>,
    has_section: bool,
) -> Result<(), Diagnostic> {
    let Some(cards) = chain.iter().find(|c| c.needs() == Needs::Cards) else {
        return Ok(());
    };
    if has_section {
        return Ok(());
    }
    let at = order
        .get_ref()
        .iter()
        .find(|n| n.get_ref() == cards.key())
        .map_or(order.span(), |n| n.span());
    Err(source.error(Code::CriterionWithoutSection,
        at,
        format!(
            "the chain uses \"{}\" but the rule file has no [fair_play] section; expected the points per card: yellow, indirect_red, direct_red, yellow_direct_red",
            cards.key()
        ),
    ))
}

/// The JSON Schema of rule files, generated from the very types the loader reads, so that it
/// cannot drift from them (`schemas/rules.schema.json`; editors with a TOML language server
/// use it through each file's `#:schema` line).
pub fn json_schema() -> serde_json::Value {
    let mut schema =
        serde_json::to_value(schemars::schema_for!(RuleFile)).expect("a generated schema is JSON");
    schema["title"] = "standings rule file".into();
    schema
}

/// `tiebreak.qualifying_order` as criteria: a chain as [`parse_chain`] reads it, starting as
/// `order` does (its first criterion sorts the whole group, before any tie is known).
fn qualifying_chain(
    source: &Source,
    order_names: &Spanned<Vec<Spanned<String>>>,
    order: &[Criterion],
    names: &Spanned<Vec<Spanned<String>>>,
    declared: &[Criterion],
) -> Result<Vec<Criterion>, Diagnostic> {
    let chain = parse_chain(source, names, declared)?;
    if chain.first() != order.first() {
        return Err(source
            .error(
                Code::QualifyingOrder,
                names.get_ref().first().map_or(names.span(), |n| n.span()),
                format!(
                    "`qualifying_order` starts with \"{}\" but `order` with \"{}\"; expected both to start with the criterion that sorts the whole group (which teams are level, and so which ties decide who advances, is known only after it)",
                    chain[0].key(),
                    order[0].key()
                ),
            )
            .with_label(source.label(
                order_names
                    .get_ref()
                    .first()
                    .map_or(order_names.span(), |n| n.span()),
                "`order` starts here",
            )));
    }
    Ok(chain)
}

/// Turns the `tiebreak.order` names into criteria, built-in or `declared` (`recorded.NAME`):
/// unknown names (with a suggestion) and repeats are errors. A recorded decision may stand anywhere: without one, the chain moves on.
fn parse_chain(
    source: &Source,
    order: &Spanned<Vec<Spanned<String>>>,
    declared: &[Criterion],
) -> Result<Vec<Criterion>, Diagnostic> {
    if order.get_ref().is_empty() {
        return Err(source.error(
            Code::EmptyChain,
            order.span(),
            "the tiebreak order is empty; expected at least one criterion, usually \"points\"",
        ));
    }
    let mut chain: Vec<Criterion> = Vec::new();
    for name in order.get_ref() {
        let written = name.get_ref();
        let found = Criterion::from_key(written)
            .or_else(|| declared.iter().find(|d| d.key() == written).cloned());
        let Some(criterion) = found else {
            let mut keys: Vec<&str> = criteria::keys().collect();
            keys.extend(declared.iter().map(Criterion::key));
            // A declared criterion written without its prefix: `lots` for `recorded.lots`.
            let prefixed = format!("{}{written}", criteria::RECORDED);
            let hint = keys
                .iter()
                .copied()
                .find(|k| *k == prefixed)
                .or_else(|| closest(written, keys.iter().copied()))
                .map(|k| format!("; did you mean \"{k}\"?"))
                .unwrap_or_default();
            return Err(source.error(
                Code::UnknownCriterion,
                name.span(),
                format!(
                    "unknown tiebreak criterion \"{}\"; expected one of {}{hint}",
                    name.get_ref(),
                    keys.join(", ")
                ),
            ));
        };
        if chain.contains(&criterion) {
            return Err(source.error(
                Code::CriterionTwice,
                name.span(),
                format!(
                    "tiebreak criterion \"{}\" appears twice; expected each criterion once",
                    name.get_ref()
                ),
            ));
        }
        chain.push(criterion);
    }
    Ok(chain)
}

#[cfg(test)]
mod tests {
    use super::*;
    use pretty_assertions::assert_eq;

    const MINIMAL: &str = r#"
name = "test"
[points]
win = 3
draw = 1
loss = 0
[tiebreak]
order = ["points", "goal_difference"]
[qualification]
advance = 1
"#;

    fn parse(text: &str) -> Result<RuleSet, Diagnostic> {
        RuleSet::parse(&Source::new("r.toml", text))
    }

    #[test]
    fn defaults_apply_when_sections_are_left_out() {
        let rules = parse(MINIMAL).unwrap().groups.unwrap();
        assert_eq!(rules.forfeit.score, [3, 0]);
        assert_eq!(rules.forfeit.deduction, Decimal::ZERO);
        assert!(rules.forfeit.goals_count);
        assert_eq!(rules.head_to_head.mode, HeadToHeadMode::Once);
        assert_eq!(rules.meetings, 1);
    }

    #[test]
    fn relegation_places_are_optional_and_bounded() {
        assert_eq!(parse(MINIMAL).unwrap().groups.unwrap().relegated, 0);
        let three = MINIMAL.replace("advance = 1", "advance = 1\nrelegated = 3");
        assert_eq!(parse(&three).unwrap().groups.unwrap().relegated, 3);
        let huge = MINIMAL.replace("advance = 1", "advance = 1\nrelegated = 1000001");
        let error = parse(&huge).unwrap_err();
        assert_eq!(error.code, Code::WrongValue);
        assert!(
            error
                .message
                .starts_with("1000001 is too large for a number of teams relegated"),
            "{}",
            error.message
        );
    }

    #[test]
    fn a_decision_may_stand_anywhere_in_the_chain() {
        let text = MINIMAL.replace(
            r#"["points", "goal_difference"]"#,
            r#"["points", "decision", "wins"]"#,
        );
        let rules = parse(&text).unwrap().groups.unwrap();
        let keys: Vec<&str> = rules.tiebreak.iter().map(|c| c.key()).collect();
        assert_eq!(keys, ["points", "decision", "wins"]);
    }

    #[test]
    fn a_qualifying_order_is_read_beside_the_order() {
        let text = MINIMAL.replace(
            r#"order = ["points", "goal_difference"]"#,
            "order = [\"points\", \"decision\"]\nqualifying_order = [\"points\", \"playoff\", \"decision\"]",
        );
        let rules = parse(&text).unwrap().groups.unwrap();
        fn keys(chain: &[Criterion]) -> Vec<&str> {
            chain.iter().map(Criterion::key).collect()
        }
        assert_eq!(keys(&rules.tiebreak), ["points", "decision"]);
        assert_eq!(
            keys(rules.qualifying_tiebreak.as_deref().unwrap()),
            ["points", "playoff", "decision"]
        );
        assert_eq!(
            parse(MINIMAL).unwrap().groups.unwrap().qualifying_tiebreak,
            None
        );
    }

    #[test]
    fn a_qualifying_order_starts_as_the_order_does() {
        let text = MINIMAL.replace(
            r#"order = ["points", "goal_difference"]"#,
            "order = [\"points\", \"decision\"]\nqualifying_order = [\"playoff\", \"points\"]",
        );
        let e = parse(&text).unwrap_err();
        assert_eq!(e.code, Code::QualifyingOrder);
        assert!(
            e.message.starts_with(
                "`qualifying_order` starts with \"playoff\" but `order` with \"points\""
            ),
            "{e}"
        );
        let loc = e.location().unwrap();
        assert_eq!((loc.line, loc.column), (9, 21));
    }

    #[test]
    fn fair_play_in_the_qualifying_order_needs_its_section() {
        let text = MINIMAL.replace(
            r#"order = ["points", "goal_difference"]"#,
            "order = [\"points\"]\nqualifying_order = [\"points\", \"fair_play\"]",
        );
        let e = parse(&text).unwrap_err();
        assert_eq!(e.code, Code::CriterionWithoutSection);
        let loc = e.location().unwrap();
        assert_eq!((loc.line, loc.column), (9, 31));
    }

    #[test]
    fn head_to_head_mode_or_the_older_reapply_but_not_both() {
        for (section, mode) in [
            ("mode = \"reapply\"", HeadToHeadMode::Reapply),
            ("mode = \"once\"", HeadToHeadMode::Once),
            ("reapply = true", HeadToHeadMode::Reapply),
            ("reapply = false", HeadToHeadMode::Once),
        ] {
            let text = format!("{MINIMAL}[head_to_head]\n{section}\n");
            let rules = parse(&text).unwrap().groups.unwrap();
            assert_eq!(rules.head_to_head.mode, mode, "{section}");
        }
        let both = format!("{MINIMAL}[head_to_head]\nreapply = true\nmode = \"reapply\"\n");
        let e = parse(&both).unwrap_err();
        assert_eq!(e.code, Code::HeadToHeadMode);
        let loc = e.location().unwrap();
        assert_eq!((loc.line, loc.column), (13, 8));
        let typo = format!("{MINIMAL}[head_to_head]\nmode = \"re-apply\"\n");
        let e = parse(&typo).unwrap_err();
        assert_eq!(
            e.message,
            "unknown `head_to_head.mode` value \"re-apply\"; expected \"reapply\" (again to a smaller set still level, on its own matches) or \"once\" (once; a set still level moves on): how often the head-to-head criteria apply to a tie; did you mean \"reapply\"?"
        );
    }

    /// MINIMAL with `chain` as its order and `declared` after it.
    fn declaring(chain: &str, declared: &str) -> String {
        MINIMAL.replace(r#"["points", "goal_difference"]"#, chain) + declared
    }

    #[test]
    fn a_declared_criterion_is_named_recorded_in_the_chain() {
        let text = declaring(
            r#"["points", "recorded.lots"]"#,
            "[recorded.lots]\nlabel = \"drawing-of-lots number\"\nbetter = \"lower\"\n",
        );
        let rules = parse(&text).unwrap().groups.unwrap();
        let lots = &rules.tiebreak[1];
        assert_eq!(lots.key(), "recorded.lots");
        assert_eq!(lots.to_string(), "drawing-of-lots number");
        assert_eq!(lots.better(), criteria::Better::Lower);
    }

    #[rstest::rstest]
    // Line 11 is `[recorded.…]`, 12 the label, 13 `better`; columns are 1-based.
    #[case::misnamed(r#"["points"]"#, "[recorded.Lots]\nlabel = \"x\"\nbetter = \"lower\"\n", Code::DeclaredCriterion, (11, 11), "a declared criterion named \"Lots\"")]
    #[case::empty_label(r#"["points", "recorded.lots"]"#, "[recorded.lots]\nlabel = \" \"\nbetter = \"lower\"\n", Code::DeclaredCriterion, (12, 9), "an empty label")]
    #[case::better(r#"["points", "recorded.lots"]"#, "[recorded.lots]\nlabel = \"x\"\nbetter = \"lowest\"\n", Code::WrongValue, (13, 10), "unknown `better` value \"lowest\"; expected \"higher\" (the highest value ranks first) or \"lower\" (the lowest ranks first); did you mean \"lower\"?")]
    #[case::in_no_chain(r#"["points"]"#, "[recorded.lots]\nlabel = \"x\"\nbetter = \"lower\"\n", Code::DeclaredCriterion, (11, 11), "[recorded.lots] is declared, but no chain names \"recorded.lots\"")]
    #[case::without_its_prefix(r#"["points", "lots"]"#, "[recorded.lots]\nlabel = \"x\"\nbetter = \"lower\"\n", Code::UnknownCriterion, (8, 20), "did you mean \"recorded.lots\"?")]
    #[case::not_declared(r#"["points", "recorded.lot"]"#, "", Code::UnknownCriterion, (8, 20), "unknown tiebreak criterion \"recorded.lot\"")]
    fn a_declared_criterion_is_checked(
        #[case] chain: &str,
        #[case] declared: &str,
        #[case] code: Code,
        #[case] at: (usize, usize),
        #[case] says: &str,
    ) {
        let e = parse(&declaring(chain, declared)).unwrap_err();
        assert_eq!(e.code, code, "{e}");
        let loc = e.location().unwrap();
        assert_eq!((loc.line, loc.column), at, "{e}");
        assert!(e.message.contains(says), "{e}");
    }

    #[test]
    fn unknown_criterion_is_located_and_suggested() {
        let text = MINIMAL.replace("\"goal_difference\"", "\"goal_diference\"");
        let e = parse(&text).unwrap_err();
        assert!(
            e.message.contains("did you mean \"goal_difference\""),
            "{e}"
        );
        let loc = e.location().unwrap();
        assert_eq!((loc.line, loc.column), (8, 20));
    }

    #[test]
    fn zero_conceded_is_above_all_unless_the_file_says_otherwise() {
        let rules = parse(MINIMAL).unwrap().groups.unwrap();
        assert_eq!(rules.goal_average.zero_conceded, ZeroConceded::AboveAll);
        for (written, expected) in [
            ("above_all", ZeroConceded::AboveAll),
            ("as_one", ZeroConceded::AsOne),
        ] {
            let text = format!("{MINIMAL}[goal_average]\nzero_conceded = \"{written}\"\n");
            let rules = parse(&text).unwrap().groups.unwrap();
            assert_eq!(rules.goal_average.zero_conceded, expected, "{written}");
        }
    }

    #[test]
    fn an_unknown_zero_conceded_value_is_located_and_suggested() {
        // MINIMAL is ten lines (the first empty), the section the 11th: the value is on line
        // 12, its quote at column 17 (after `zero_conceded = `).
        let text = format!("{MINIMAL}[goal_average]\nzero_conceded = \"above-all\"\n");
        let e = parse(&text).unwrap_err();
        assert_eq!(
            e.message,
            "unknown `zero_conceded` value \"above-all\"; expected \"above_all\" (above every finite average) or \"as_one\" (as if one goal had been conceded): what goal average gives a team that conceded no goal; did you mean \"above_all\"?"
        );
        let loc = e.location().unwrap();
        assert_eq!((loc.line, loc.column), (12, 17));
    }

    #[test]
    fn zero_conceded_must_be_a_string() {
        let text = format!("{MINIMAL}[goal_average]\nzero_conceded = 1\n");
        let e = parse(&text).unwrap_err();
        assert_eq!(e.location().unwrap().line, 12, "{e}");
    }

    #[test]
    fn missing_points_section_is_an_error() {
        let text = MINIMAL.replace("[points]\nwin = 3\ndraw = 1\nloss = 0\n", "");
        // Without [points], the group rules are incomplete.
        let e = parse(&text).unwrap_err();
        assert!(e.message.contains("no [points] section"), "{e}");
    }
}
