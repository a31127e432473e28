//! `standings rules`: the bundled rule sets (name, kind, description, regulation), and
//! `standings rules show NAME`, one of them as its file.

use super::CliError;
use ::standings::diagnostic::{Code, Diagnostic};
use ::standings::rules::RuleSet;
use ::standings::rules::library::{self, Bundled, Fit, Kind};

/// Arguments of `rules`.
#[derive(Debug, clap::Args)]
pub struct RulesArgs {
    #[command(subcommand)]
    action: Option<Action>,
    /// How to list them: aligned text, or a JSON array of objects (`name`, `kind`,
    /// `description`, `regulation`, `default`).
    #[arg(long, value_enum, default_value_t = ListFormat::Text)]
    format: ListFormat,
}

#[derive(Debug, clap::Subcommand)]
enum Action {
    /// Print a bundled rule file as it is, to copy and edit (`> my-rules.toml`).
    Show {
        /// The rule set's name, as `standings rules` lists it.
        name: String,
    },
}

/// How `rules` lists the rule sets.
#[derive(Debug, Clone, Copy, clap::ValueEnum)]
enum ListFormat {
    /// One rule set per two lines: name, kind and description; then the regulation.
    Text,
    /// A JSON array.
    Json,
}

/// Lists the bundled rule sets, or prints one.
pub fn run(args: &RulesArgs) -> Result<u8, CliError> {
    match &args.action {
        Some(Action::Show { name }) => {
            let bundled = library::find(name).ok_or_else(|| {
                Diagnostic::new(
                    Code::UnknownRules,
                    format!(
                        "no bundled rule set named \"{name}\"; expected a bundled rule set's name{}",
                        library::suggestion(name, Fit::Any)
                    ),
                )
            })?;
            super::output(bundled.text)?;
        }
        None => {
            let sets = library::all()
                .iter()
                .map(|b| Ok((b, b.load()?)))
                .collect::<Result<Vec<_>, Diagnostic>>()?;
            super::output(&match args.format {
                ListFormat::Text => text(&sets),
                ListFormat::Json => json(&sets),
            })?;
        }
    }
    Ok(0)
}

/// What a listing shows for a file that leaves a key out.
const UNSTATED: &str = "(not stated)";

/// The aligned listing: `name  kind  description`, then the regulation under the description.
fn text(sets: &[(&Bundled, RuleSet)]) -> String {
    let name = |b: &Bundled| {
        if b.name == library::DEFAULT {
            format!("{} (default)", b.name)
        } else {
            b.name.to_string()
        }
    };
    let width = sets.iter().map(|(b, _)| name(b).len()).max().unwrap_or(0);
    let kind = [Kind::League, Kind::Groups, Kind::Tournament, Kind::Knockout]
        .iter()
        .map(|k| k.name().len())
        .max()
        .unwrap_or(0);
    let mut out = String::new();
    for (b, rules) in sets {
        let description = rules.description.as_deref().unwrap_or(UNSTATED);
        let regulation = rules.regulation.as_deref().unwrap_or(UNSTATED);
        out += &format!(
            "{:width$}  {:kind$}  {description}\n{:width$}  {:kind$}  regulation: {regulation}\n",
            name(b),
            Kind::of(rules).name(),
            "",
            "",
        );
    }
    out += &format!(
        "\n{} rule sets. `standings rules show NAME` prints one; `--rules NAME` reads under it.\n",
        sets.len()
    );
    out
}

/// The listing as a JSON array.
fn json(sets: &[(&Bundled, RuleSet)]) -> String {
    let list: Vec<_> = sets
        .iter()
        .map(|(b, rules)| {
            serde_json::json!({
                "name": b.name,
                "kind": Kind::of(rules).name(),
                "description": rules.description,
                "regulation": rules.regulation,
                "default": b.name == library::DEFAULT,
            })
        })
        .collect();
    serde_json::to_string_pretty(&list).expect("a listing is JSON") + "\n"
}
