//! The tiebreak criteria: one file per criterion, and the [`REGISTRY`] listing them.
//!
//! Each criterion is an [`Entry`]: its name in a rule file, its words, its documentation, what
//! it reads (the whole record or a head-to-head mini-table), the data it needs, which way is
//! better, how a team's value is computed and how values are shown. Everything that treats
//! criteria differently reads the entry: the engine ([`crate::compute::tiebreak`]), rule-file validation,
//! explanations, JSON, the simulator, the criteria table in `docs/rules.md`
//! ([`markdown_table`]) and the rule-file JSON Schema ([`keys`]).
//!
//! Adding a criterion: a file in `src/criteria/` declaring `pub static ENTRY: Entry`, and its
//! name in the `registry!` list below, where it falls in documentation order.

use std::cmp;
use std::fmt;
use std::hash::{Hash, Hasher};

use crate::compute::records::Record;
use crate::model::{Group, TeamId};
use crate::quantity::Quantity;
use crate::rules::GroupRules;

/// Declares each criterion's module and lists its [`Entry`] in [`REGISTRY`], in order.
macro_rules! registry {
    ($($name:ident),* $(,)?) => {
        $(pub mod $name;)*

        /// Every built-in criterion, in the order the docs list them.
        pub static REGISTRY: &[&Entry] = &[$(&$name::ENTRY),*];
    };
}

registry! {
    points,
    points_per_game,
    head_to_head_points,
    head_to_head_goal_difference,
    head_to_head_goal_average,
    head_to_head_goals_for,
    head_to_head_away_goals_for,
    goal_difference,
    goal_average,
    goals_for,
    goals_against,
    away_goals_for,
    wins,
    losses,
    away_wins,
    fair_play,
    coefficient,
    shoot_out,
    playoff,
    decision,
}

/// What a criterion's values are computed over.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Scope {
    /// Each team's whole record (or data recorded per team): [`Context::record`] is the
    /// overall record.
    Overall,
    /// A mini-table of the matches among the tied teams only: [`Context::record`] is the
    /// team's record in it.
    HeadToHead,
}

/// Data beyond the results that a criterion reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Needs {
    /// Nothing: the results are enough.
    Nothing,
    /// The cards each team received (`cards` in the data), valued by the rule file's
    /// `[fair_play]` section. A team without them is an error.
    Cards,
    /// A coefficient per team (`coefficients` in the data). A team without one is an error.
    Coefficients,
    /// A value per team for a criterion the rule file declares (`values.NAME` in the data). A
    /// team without one is an error.
    Values,
    /// A recorded order (`decisions` in the data) covering every tied team; without one the
    /// teams stay level on it.
    Decision,
    /// A recorded play-off (`playoffs` in the data) between the two tied teams; without one
    /// they stay level on it.
    PlayOff,
    /// A shoot-out after the two tied teams' drawn group match (`(pens 4–3)` on the match in the
    /// data); without one they stay level on it.
    ShootOut,
}

impl Needs {
    /// The data file's key for per-team data a built-in criterion reads (`cards`,
    /// `coefficients`), where a missing value is an error rather than a tie (for a declared
    /// criterion's `values.NAME`, see [`Criterion::data_key`]).
    pub fn data_key(self) -> Option<&'static str> {
        match self {
            Needs::Cards => Some("cards"),
            Needs::Coefficients => Some("coefficients"),
            Needs::Nothing | Needs::Decision | Needs::PlayOff | Needs::ShootOut | Needs::Values => {
                None
            }
        }
    }

    /// In words, for the docs table.
    fn describe(self) -> &'static str {
        match self {
            Needs::Nothing => "—",
            Needs::Cards => "`cards` in the data; `[fair_play]` in the rule file",
            Needs::Coefficients => "`coefficients` in the data",
            Needs::Decision => "`decisions` in the data",
            Needs::PlayOff => "`playoffs` in the data",
            Needs::ShootOut => "a group match's `(pens 4–3)` in the data",
            Needs::Values => "`values` in the data",
        }
    }

    /// Whether the criterion reads recorded decisions (an order as such, or a play-off), and
    /// shows who decided rather than a value.
    pub fn reads_decisions(self) -> bool {
        matches!(self, Needs::Decision | Needs::PlayOff | Needs::ShootOut)
    }
}

/// Which values rank first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Better {
    /// The highest value ranks first.
    Higher,
    /// The lowest value ranks first.
    Lower,
}

impl Better {
    /// Compares two values exactly: `Less` when `a` ranks before `b`.
    pub fn compare(self, a: &Quantity, b: &Quantity) -> cmp::Ordering {
        match self {
            Better::Higher => b.cmp(a),
            Better::Lower => a.cmp(b),
        }
    }
}

/// How a criterion's values are shown in explanations and JSON.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Show {
    /// As numbers: `3`, `1.5`, `-4`; a quotient no decimal holds to three decimals (`1.667`),
    /// infinity as `∞` (see [`Quantity`]).
    Number,
    /// Not shown: the values are places in a recorded decision or play-off, and the decision
    /// (who made it, or the play-off's score) is named instead.
    Decision,
}

/// What a criterion's value function may read for one set of tied teams.
#[derive(Debug, Clone, Copy)]
pub struct Context<'a> {
    /// The group, with its recorded cards, coefficients and decisions.
    pub group: &'a Group,
    /// The group rules (card values for `fair_play`, what `goal_average` gives a team that
    /// conceded nothing).
    pub rules: &'a GroupRules,
    /// The records the criterion's [`Scope`] reads, indexed by [`TeamId`]: the overall ones,
    /// or the head-to-head mini-table's.
    pub records: &'a [Record],
    /// For a criterion that reads recorded decisions, the index (in the group's `decisions`) of
    /// the first of its kind (an order for `decision`, a play-off for `playoff`) covering every
    /// one of the tied teams, if any.
    pub decision: Option<usize>,
}

impl Context<'_> {
    /// A team's record in the criterion's scope.
    pub fn record(&self, team: TeamId) -> &Record {
        &self.records[team]
    }
}

/// A team's value under a criterion, exact (a decimal, a quotient such as goal average's 5/3,
/// or infinity); `None` when the data lacks what it needs (an error naming the team, never a
/// zero).
pub type Value = fn(&Context<'_>, TeamId) -> Option<Quantity>;

/// One criterion and everything known about it.
#[derive(Debug)]
pub struct Entry {
    /// The name in a rule file's `tiebreak.order` (`head_to_head.goal_difference`).
    pub key: &'static str,
    /// In words, for tables and explanations (`head-to-head goal difference`).
    pub label: &'static str,
    /// One paragraph of documentation: what it compares (for `docs/rules.md`).
    pub doc: &'static str,
    /// What the values are computed over.
    pub scope: Scope,
    /// Data it reads beyond the results.
    pub needs: Needs,
    /// Which values rank first.
    pub better: Better,
    /// A team's value.
    pub value: Value,
    /// How values are shown.
    pub show: Show,
}

/// A criterion a rule file declares (`[recorded.KEY]`): a value the data records per team
/// (`values.KEY` in a group), exact, compared as `better` says; a team without one is an error
/// naming it, never a zero. `coefficient` is the built-in case.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Declared {
    /// Its name in the data (`values.KEY`); the chain names it `recorded.KEY`.
    pub name: String,
    /// In words, for tables and explanations (`UEFA club coefficient`).
    pub label: String,
    /// Which values rank first.
    pub better: Better,
}

/// Whether `name` may name a declared criterion (`[recorded.NAME]`, `values.NAME`): lowercase
/// ASCII letters, digits and underscores, starting with a letter, at most 64 characters.
pub fn is_declarable(name: &str) -> bool {
    let mut chars = name.chars();
    name.len() <= 64
        && chars.next().is_some_and(|c| c.is_ascii_lowercase())
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}

/// The prefix of a declared criterion's name in a chain (`recorded.club_coefficient`), which no
/// built-in criterion has.
pub const RECORDED: &str = "recorded.";

/// One link of the tiebreak chain: a built-in criterion's [`Entry`] or a [`Declared`] one, a
/// small handle compared and hashed by key.
#[derive(Clone)]
pub struct Criterion(Link);

#[derive(Clone)]
enum Link {
    /// A criterion of the [`REGISTRY`].
    Builtin(&'static Entry),
    /// One the rule file declares, with its key (`recorded.NAME`).
    Declared(std::sync::Arc<(String, Declared)>),
}

impl Criterion {
    /// Parses a built-in criterion's rule-file name; `None` when it names none.
    pub fn from_key(key: &str) -> Option<Criterion> {
        REGISTRY
            .iter()
            .find(|e| e.key == key)
            .map(|e| Criterion(Link::Builtin(e)))
    }

    /// A criterion the rule file declares.
    pub fn declared(declared: Declared) -> Criterion {
        let key = format!("{RECORDED}{}", declared.name);
        Criterion(Link::Declared(std::sync::Arc::new((key, declared))))
    }

    /// The built-in criterion's entry; `None` for a declared one.
    pub fn entry(&self) -> Option<&'static Entry> {
        match &self.0 {
            Link::Builtin(e) => Some(e),
            Link::Declared(_) => None,
        }
    }

    /// The declaration of a declared criterion; `None` for a built-in one.
    pub fn declaration(&self) -> Option<&Declared> {
        match &self.0 {
            Link::Builtin(_) => None,
            Link::Declared(d) => Some(&d.1),
        }
    }

    /// The criterion's name in a rule file's chain (`head_to_head.goal_difference`,
    /// `recorded.club_coefficient`).
    pub fn key(&self) -> &str {
        match &self.0 {
            Link::Builtin(e) => e.key,
            Link::Declared(d) => &d.0,
        }
    }

    /// In words, for tables and explanations.
    pub fn label(&self) -> &str {
        match &self.0 {
            Link::Builtin(e) => e.label,
            Link::Declared(d) => &d.1.label,
        }
    }

    /// What its values are computed over.
    pub fn scope(&self) -> Scope {
        match &self.0 {
            Link::Builtin(e) => e.scope,
            Link::Declared(_) => Scope::Overall,
        }
    }

    /// Data it reads beyond the results.
    pub fn needs(&self) -> Needs {
        match &self.0 {
            Link::Builtin(e) => e.needs,
            Link::Declared(_) => Needs::Values,
        }
    }

    /// Which values rank first.
    pub fn better(&self) -> Better {
        match &self.0 {
            Link::Builtin(e) => e.better,
            Link::Declared(d) => d.1.better,
        }
    }

    /// How its values are shown.
    pub fn show(&self) -> Show {
        match &self.0 {
            Link::Builtin(e) => e.show,
            Link::Declared(_) => Show::Number,
        }
    }

    /// A team's value, exact; `None` when the data lacks what it needs.
    pub fn value(&self, context: &Context<'_>, team: TeamId) -> Option<Quantity> {
        match &self.0 {
            Link::Builtin(e) => (e.value)(context, team),
            Link::Declared(d) => context.group.team_value(&d.1.name, team).map(Into::into),
        }
    }

    /// The data file's key for per-team data the criterion reads (`cards`, `coefficients`,
    /// `values.NAME`), where a missing value is an error rather than a tie.
    pub fn data_key(&self) -> Option<String> {
        match &self.0 {
            Link::Builtin(e) => e.needs.data_key().map(str::to_string),
            Link::Declared(d) => Some(format!("values.{}", d.1.name)),
        }
    }

    /// Whether the criterion reads a mini-table of the tied teams' own matches.
    pub fn is_head_to_head(&self) -> bool {
        self.scope() == Scope::HeadToHead
    }
}

impl PartialEq for Criterion {
    fn eq(&self, other: &Criterion) -> bool {
        self.key() == other.key()
    }
}

impl Eq for Criterion {}

impl Hash for Criterion {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.key().hash(state);
    }
}

impl fmt::Debug for Criterion {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("Criterion").field(&self.key()).finish()
    }
}

impl fmt::Display for Criterion {
    /// The criterion in words, for tables and explanations.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

/// Every built-in criterion's rule-file name, in documentation order.
pub fn keys() -> impl Iterator<Item = &'static str> {
    REGISTRY.iter().map(|e| e.key)
}

/// The criteria table of `docs/rules.md`, generated from the registry: name, meaning, scope,
/// which way is better, and the data needed.
pub fn markdown_table() -> String {
    let mut out = String::from(
        "| name | compares | scope | better | data needed |\n| --- | --- | --- | --- | --- |\n",
    );
    for e in REGISTRY {
        let scope = match e.scope {
            Scope::Overall => "overall",
            Scope::HeadToHead => "head-to-head",
        };
        let better = match e.better {
            Better::Higher => "higher",
            Better::Lower => "lower",
        };
        out += &format!(
            "| `{}` | {} | {scope} | {better} | {} |\n",
            e.key,
            e.doc,
            e.needs.describe()
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use super::*;

    #[test]
    fn every_key_parses_back_to_its_entry_and_keys_are_unique() {
        let mut seen = HashSet::new();
        for &e in REGISTRY {
            assert!(seen.insert(e.key), "{} is listed twice", e.key);
            let parsed = Criterion::from_key(e.key).expect("a registry key parses");
            assert!(std::ptr::eq(parsed.entry().unwrap(), e), "{}", e.key);
            assert!(!e.key.starts_with(RECORDED), "{}", e.key);
        }
        assert_eq!(Criterion::from_key("head_to_head"), None);
    }

    #[test]
    fn entries_fit_the_docs_table_and_the_engine() {
        for &e in REGISTRY {
            assert!(
                !e.doc.contains(['|', '\n']),
                "{}: doc breaks the table",
                e.key
            );
            assert!(e.doc.ends_with('.'), "{}: doc is a sentence", e.key);
            assert_eq!(
                e.key.starts_with("head_to_head."),
                e.scope == Scope::HeadToHead,
                "{}: a head-to-head criterion's key says so",
                e.key
            );
            assert_eq!(
                e.needs.reads_decisions(),
                e.show == Show::Decision,
                "{}",
                e.key
            );
        }
    }

    #[test]
    fn a_declared_criterion_is_named_recorded_and_reads_values() {
        let lots = Criterion::declared(Declared {
            name: "lots_number".to_string(),
            label: "drawing-of-lots number".to_string(),
            better: Better::Lower,
        });
        assert_eq!(lots.key(), "recorded.lots_number");
        assert_eq!(lots.to_string(), "drawing-of-lots number");
        assert_eq!(lots.data_key().as_deref(), Some("values.lots_number"));
        assert_eq!(lots.better(), Better::Lower);
        assert_eq!(lots.needs(), Needs::Values);
        assert!(lots.entry().is_none() && !lots.is_head_to_head());
        assert_eq!(lots.clone(), lots);
        assert_ne!(Some(lots), Criterion::from_key("coefficient"));
    }

    #[test]
    fn better_orders_values() {
        let (one, two) = (Quantity::from(1_u64), Quantity::from(2_u64));
        assert_eq!(Better::Higher.compare(&two, &one), cmp::Ordering::Less);
        assert_eq!(Better::Lower.compare(&one, &two), cmp::Ordering::Less);
        assert_eq!(Better::Lower.compare(&one, &one), cmp::Ordering::Equal);
        // Exactly: 5/3 is above 1.666, and infinity above both.
        let five_thirds = Quantity::ratio(5.into(), 3).unwrap();
        let close = Quantity::from(rust_decimal::Decimal::new(1666, 3));
        assert_eq!(
            Better::Higher.compare(&five_thirds, &close),
            cmp::Ordering::Less
        );
        assert_eq!(
            Better::Higher.compare(&Quantity::INFINITY, &five_thirds),
            cmp::Ordering::Less
        );
    }
}
