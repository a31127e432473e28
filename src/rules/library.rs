//! The rule library: every rule file of the repository's `rules/` folder, compiled into the
//! binary and chosen by name (`--rules premier-league`), so that an installed `standings` needs
//! no checkout. `build.rs` lists the folder, so a new file joins at the next build; a rule
//! set's name is its file's stem.
//!
//! [`Fit`] says which rule sets suit an input, for the suggestions errors make: it is derived
//! from the rule set alone ([`Kind`]: a league, a group stage, a tournament or a knockout
//! competition) and from what the input holds.

use std::path::PathBuf;

use crate::diagnostic::{Diagnostic, Source};
use crate::model::Competition;
use crate::read::InputFormat;
use crate::rules::RuleSet;

/// One rule file compiled into the binary.
#[derive(Debug, PartialEq, Eq)]
pub struct Bundled {
    /// Its name on the command line: the file's stem (`premier-league`).
    pub name: &'static str,
    /// The file, byte for byte.
    pub text: &'static str,
}

/// Written by `build.rs`: one [`Bundled`] per file of `rules/`, sorted by name.
static ALL: &[Bundled] = include!(concat!(env!("OUT_DIR"), "/bundled_rules.rs"));

/// The name of the rules a football-data CSV file or a football.json league is read under when
/// no `--rules` is given: three points for a win, one for a draw, then goal difference, goals
/// scored and head-to-head (`rules/league.toml`).
pub const DEFAULT: &str = "league";

/// The league default in a few words, as the note naming it says (the end of its file's
/// `description`).
pub const DEFAULT_SUMMARY: &str = "3-1-0, goal difference, goals scored, head-to-head";

/// Every bundled rule set, sorted by name.
pub fn all() -> &'static [Bundled] {
    ALL
}

/// The bundled rule set of this name (the file's stem, exactly), if any.
pub fn find(name: &str) -> Option<&'static Bundled> {
    ALL.iter().find(|b| b.name == name)
}

/// The league default, [`DEFAULT`].
pub fn default_league() -> &'static Bundled {
    find(DEFAULT).expect("rules/league.toml is bundled")
}

impl Bundled {
    /// The path messages show for the file: `<bundled>/NAME.toml` (`standings rules show NAME`
    /// prints it, so that a line and column can be followed).
    pub fn path(&self) -> PathBuf {
        PathBuf::from(format!("<bundled>/{}.toml", self.name))
    }

    /// The file as a [`Source`], for messages pointing into it.
    pub fn source(&self) -> Source {
        Source::new(self.path(), self.text)
    }

    /// The rule set, read and validated like any rule file (every bundled file is tested to
    /// read, so an error is a bug in the build).
    pub fn load(&self) -> Result<RuleSet, Diagnostic> {
        RuleSet::parse(&self.source())
    }
}

/// What a rule set describes, from the rule file alone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A group stage and nothing else, each pair of teams meeting twice or more: a league season
    /// (`premier-league`).
    League,
    /// A group stage and nothing else, each pair meeting once: a tournament's groups
    /// (`fifa-world-cup-2018`).
    Groups,
    /// A group stage and knockout rounds (`[[round]]`): a whole tournament
    /// (`coppa-italia-2003-04`).
    Tournament,
    /// Knockout rounds without a group stage (`uefa-cup-2003-04`).
    Knockout,
}

impl Kind {
    /// The kind of `rules`.
    pub fn of(rules: &RuleSet) -> Kind {
        match (&rules.groups, &rules.structure) {
            (None, _) => Kind::Knockout,
            (Some(_), Some(_)) => Kind::Tournament,
            (Some(groups), None) if groups.meetings >= 2 => Kind::League,
            (Some(_), None) => Kind::Groups,
        }
    }

    /// The kind in words, as `standings rules` lists it.
    pub fn name(self) -> &'static str {
        match self {
            Kind::League => "league",
            Kind::Groups => "groups",
            Kind::Tournament => "tournament",
            Kind::Knockout => "knockout",
        }
    }
}

/// Which rule sets suit an input, for suggestions: those whose [`Kind`] can compute what it
/// holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fit {
    /// A league season: a football-data CSV file, or another input of one group and no
    /// knockout ties. League rule sets.
    League,
    /// Several groups and no knockout ties: group stages and tournaments.
    Groups,
    /// Groups and knockout ties: tournaments.
    Tournament,
    /// Knockout ties and no groups: knockout competitions and tournaments.
    Knockout,
    /// Rule sets with a group stage (`simulate`): leagues, group stages, tournaments.
    GroupStage,
    /// Any rule set (nothing is known about the input).
    Any,
}

impl Fit {
    /// What an input of `format` holding `competition` needs.
    pub fn input(format: InputFormat, competition: &Competition) -> Fit {
        if format == InputFormat::Csv {
            return Fit::League;
        }
        match (competition.groups.len(), competition.ties.is_empty()) {
            (0, false) => Fit::Knockout,
            (_, false) => Fit::Tournament,
            (1, true) => Fit::League,
            (0, true) => Fit::Any,
            (_, true) => Fit::Groups,
        }
    }

    /// Whether a rule set of `kind` suits this input.
    pub fn fits(self, kind: Kind) -> bool {
        match self {
            Fit::League => kind == Kind::League,
            Fit::Groups => matches!(kind, Kind::Groups | Kind::Tournament),
            Fit::Tournament => kind == Kind::Tournament,
            Fit::Knockout => matches!(kind, Kind::Knockout | Kind::Tournament),
            Fit::GroupStage => kind != Kind::Knockout,
            Fit::Any => true,
        }
    }

    /// What suits, in words: "for a league", after "the bundled rule sets".
    pub fn describe(self) -> &'static str {
        match self {
            Fit::League => " for a league",
            Fit::Groups => " for groups",
            Fit::Tournament => " for groups and knockout ties",
            Fit::Knockout => " for knockout ties",
            Fit::GroupStage => " with a group stage",
            Fit::Any => "",
        }
    }
}

/// The words of a name, for matching: lowercase runs of letters and digits.
fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Up to `n` bundled rule sets that [`Fit`] the input, closest to `wanted` first: the most of
/// its words found in a set's file name or `name` (`euro-2016-group` finds `uefa-euro-2016`, named
/// "UEFA EURO 2016 group rule"), then the fewest edits from the file name, then by name.
/// Suggestions for an unknown `--rules` value (`wanted` is the value) or for an input without
/// rules (`wanted` is the competition's name).
pub fn closest(wanted: &str, fit: Fit, n: usize) -> Vec<&'static Bundled> {
    let wanted_words = words(wanted);
    let mut scored: Vec<(usize, usize, &'static Bundled)> = ALL
        .iter()
        .filter_map(|b| {
            let rules = b.load().ok()?;
            if !fit.fits(Kind::of(&rules)) {
                return None;
            }
            let mut own = words(b.name);
            own.extend(words(&rules.name));
            let shared = wanted_words.iter().filter(|w| own.contains(w)).count();
            let edits = strsim::damerau_levenshtein(&wanted.to_lowercase(), b.name);
            Some((shared, edits, b))
        })
        .collect();
    scored.sort_by(|a, b| {
        b.0.cmp(&a.0)
            .then(a.1.cmp(&b.1))
            .then(a.2.name.cmp(b.2.name))
    });
    scored.into_iter().take(n).map(|(_, _, b)| b).collect()
}

/// "; the closest bundled rule sets for a league are a, b, c (`standings rules` lists them
/// all)": the end of a message that suggests rule sets.
pub fn suggestion(wanted: &str, fit: Fit) -> String {
    let names: Vec<&str> = closest(wanted, fit, 3).iter().map(|b| b.name).collect();
    match names.as_slice() {
        [] => "; `standings rules` lists the bundled rule sets".to_string(),
        [one] => format!(
            "; the closest bundled rule set{} is {one} (`standings rules` lists them all)",
            fit.describe()
        ),
        several => format!(
            "; the closest bundled rule sets{} are {} (`standings rules` lists them all)",
            fit.describe(),
            several.join(", ")
        ),
    }
}

/// The Markdown table of every bundled rule set (name, kind, description, regulation), as
/// `docs/rules.md` holds it.
pub fn markdown_table() -> String {
    let cell = |s: &str| s.replace('|', "\\|");
    let mut out =
        String::from("| name | kind | description | regulation |\n| --- | --- | --- | --- |\n");
    for bundled in ALL {
        let Ok(rules) = bundled.load() else { continue };
        let name = if bundled.name == DEFAULT {
            format!("`{}` (the default)", bundled.name)
        } else {
            format!("`{}`", bundled.name)
        };
        out += &format!(
            "| {name} | {} | {} | {} |\n",
            Kind::of(&rules).name(),
            cell(rules.description.as_deref().unwrap_or("")),
            cell(rules.regulation.as_deref().unwrap_or("")),
        );
    }
    out
}
