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

        /// Every criterion a rule file may name, in the order the docs list them.
        pub static REGISTRY: &[Criterion] = &[$(Criterion(&$name::ENTRY)),*];
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
    /// A recorded order (`decisions` in the data) covering every tied team; without one the
    /// teams stay level on it.
    Decision,
    /// A recorded play-off (`playoffs` in the data) between the two tied teams; without one
    /// they stay level on it.
    PlayOff,
}

impl Needs {
    /// The data file's key for per-team data the criterion reads (`cards`, `coefficients`),
    /// where a missing value is an error rather than a tie.
    pub fn data_key(self) -> Option<&'static str> {
        match self {
            Needs::Cards => Some("cards"),
            Needs::Coefficients => Some("coefficients"),
            Needs::Nothing | Needs::Decision | Needs::PlayOff => None,
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
        }
    }

    /// Whether the criterion reads recorded decisions (an order as such, or a play-off), and
    /// shows who decided rather than a value.
    pub fn reads_decisions(self) -> bool {
        matches!(self, Needs::Decision | Needs::PlayOff)
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

/// One link of the tiebreak chain: a small handle on a criterion's [`Entry`], compared and
/// hashed by key.
#[derive(Clone, Copy)]
pub struct Criterion(&'static Entry);

impl Criterion {
    /// Parses a rule-file name; `None` when it names no criterion.
    pub fn from_key(key: &str) -> Option<Criterion> {
        REGISTRY.iter().copied().find(|c| c.key() == key)
    }

    /// Everything known about the criterion.
    pub fn entry(self) -> &'static Entry {
        self.0
    }

    /// The criterion's name in a rule file (`head_to_head.goal_difference`).
    pub fn key(self) -> &'static str {
        self.0.key
    }

    /// Data it reads beyond the results.
    pub fn needs(self) -> Needs {
        self.0.needs
    }

    /// How its values are shown.
    pub fn show(self) -> Show {
        self.0.show
    }

    /// Whether the criterion reads a mini-table of the tied teams' own matches.
    pub fn is_head_to_head(self) -> bool {
        self.0.scope == Scope::HeadToHead
    }
}

impl PartialEq for Criterion {
    fn eq(&self, other: &Criterion) -> bool {
        std::ptr::eq(self.0, other.0) || self.0.key == other.0.key
    }
}

impl Eq for Criterion {}

impl Hash for Criterion {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.0.key.hash(state);
    }
}

impl fmt::Debug for Criterion {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("Criterion").field(&self.0.key).finish()
    }
}

impl fmt::Display for Criterion {
    /// The criterion in words, for tables and explanations.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0.label)
    }
}

/// Every criterion's rule-file name, in documentation order.
pub fn keys() -> impl Iterator<Item = &'static str> {
    REGISTRY.iter().map(|c| c.key())
}

/// The criteria table of `docs/rules.md`, generated from the registry: name, meaning, scope,
/// which way is better, and the data needed.
pub fn markdown_table() -> String {
    let mut out = String::from(
        "| name | compares | scope | better | data needed |\n| --- | --- | --- | --- | --- |\n",
    );
    for c in REGISTRY {
        let e = c.entry();
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
        for &c in REGISTRY {
            assert!(seen.insert(c.key()), "{} is listed twice", c.key());
            let parsed = Criterion::from_key(c.key()).expect("a registry key parses");
            assert!(std::ptr::eq(parsed.entry(), c.entry()), "{}", c.key());
        }
        assert_eq!(Criterion::from_key("head_to_head"), None);
    }

    #[test]
    fn entries_fit_the_docs_table_and_the_engine() {
        for &c in REGISTRY {
            let e = c.entry();
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
