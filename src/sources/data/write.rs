//! Writing a competition back as a data file (`standings import`), and the data-file notation
//! of one match.

use crate::model::{Competition, Forfeit, Group, Match, Outcome, TeamId};

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
