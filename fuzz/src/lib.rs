//! What every fuzz target does with an input its reader accepted: run the engine and every
//! renderer on it, so that a panic anywhere downstream of a reader is found too.

use standings::check;
use standings::diagnostic::Source;
use standings::model::Competition;
use standings::report;
use standings::rules::RuleSet;
use standings::compute::standings::compute;

/// The 2003–04 Coppa Italia rules, bundled with the project.
pub fn coppa_rules() -> RuleSet {
    let text = include_str!("../../rules/coppa-italia-2003-04.toml");
    RuleSet::parse(&Source::new("coppa-italia-2003-04.toml", text)).expect("bundled rules load")
}

/// The Premier League rules, bundled with the project (for the CSV and JSON readers).
pub fn league_rules() -> RuleSet {
    let text = include_str!("../../rules/premier-league.toml");
    RuleSet::parse(&Source::new("premier-league.toml", text)).expect("bundled rules load")
}

/// Computes, checks and reports a competition in every format.
pub fn exercise(competition: &Competition, rules: &RuleSet) {
    // Validation comes first, as in the binary; its messages must render.
    let problems = standings::validate::competition(competition, rules);
    if !problems.is_empty() {
        let _ = problems.to_string();
        return;
    }
    let Ok(tables) = compute(competition, rules) else {
        return;
    };
    let mut outcome = check::Outcome::new(true);
    outcome.add(&tables);
    for format in &report::check::FORMATS {
        let _ = (format.render)(&outcome, false);
    }
    // Every format, with explanations and the first team highlighted (`--team`).
    let highlight: Vec<String> = competition
        .groups
        .iter()
        .flat_map(|g| g.teams.first())
        .take(1)
        .cloned()
        .collect();
    let options = report::table::Options {
        explain: true,
        highlight: &highlight,
    };
    for format in &report::table::FORMATS {
        let _ = (format.render)(std::slice::from_ref(&tables), &options);
    }
}

/// A loaded rule set's rounds each have their derived flow.
pub fn exercise_rules(rules: &RuleSet) {
    if let Some(s) = &rules.structure {
        assert_eq!(s.flows.len(), s.rounds.len(), "every round derives");
        assert!(s.count_matches_from < s.rounds.len());
    }
}
