//! Writing a competition back as a data file (`standings import`), and the data-file notation
//! of one match. The document is built with `toml_edit`, which quotes and escapes every name;
//! only the layout is chosen here: the header comment, one `[[group]]` table per group, and
//! one match per line.

use toml_edit::{Array, DocumentMut, InlineTable, Item, Table, Value};

use crate::model::{
    Cards, Competition, CompetitionRecord, Forfeit, Group, Leg, Match, Outcome, TeamId, Tie,
};

/// A match in data-file notation.
pub fn match_line(group: &Group, m: &Match) -> String {
    let (home, away) = (group.team_name(m.home), group.team_name(m.away));
    match m.outcome() {
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

/// A knockout leg in data-file notation: `Milan 1–1 Roma (aet, pens 4–3)`.
pub fn leg_line(tie: &Tie, leg: &Leg) -> String {
    let (home, away) = (tie.team(leg.home), tie.team(leg.home.other()));
    let mut text = format!("{home} {}–{} {away}", leg.score[0], leg.score[1]);
    match (leg.extra_time, leg.penalties) {
        (true, Some(p)) => text += &format!(" (aet, pens {}–{})", p[0], p[1]),
        (true, None) => text += " (aet)",
        (false, Some(p)) => text += &format!(" (pens {}–{})", p[0], p[1]),
        (false, None) => {}
    }
    text
}

/// Writes what a source holds as a data file: the name, the competition-wide counts,
/// champions, runner-up and final, every group (teams, aliases, matches, decisions, play-offs,
/// cards, coefficients, declared values, rulings, winner, order, published table, a row per
/// line) and every knockout tie (its
/// round and legs, as football.json has them); `header` becomes its leading comment and `rules`
/// its rule-file path. The ranking, entrants and competition-wide aliases are not written (no
/// source has them). For such a competition the text reads back the same (`standings import`
/// verifies this for every file it writes).
pub fn write(competition: &Competition, header: &str, rules: Option<&str>) -> String {
    let mut doc = DocumentMut::new();
    doc.decor_mut().set_prefix(comment(header));
    doc["competition"] = Item::from(competition.name.as_str());
    if let Some(rules) = rules {
        doc["rules"] = Item::from(rules);
    }
    let record = record(&competition.record);
    if !record.is_empty() {
        doc["record"] = Item::Table(record);
    }
    if !competition.groups.is_empty() {
        doc["group"] = Item::ArrayOfTables(competition.groups.iter().map(group).collect());
    }
    if !competition.ties.is_empty() {
        doc["tie"] = Item::ArrayOfTables(competition.ties.iter().map(tie).collect());
    }
    doc.to_string()
}

/// `text` as `#` comment lines, each ended by a line break (an empty line is a bare `#`).
fn comment(text: &str) -> String {
    text.lines()
        .map(|line| format!("# {line}\n").replace("# \n", "#\n"))
        .collect()
}

/// The `[record]` table: the facts about the whole competition, as serde writes
/// [`CompetitionRecord`] (each fact is written as its value).
fn record(r: &CompetitionRecord) -> Table {
    toml_edit::ser::to_document(r)
        .expect("a competition record serializes as a TOML table")
        .as_table()
        .clone()
}

/// One `[[tie]]` table: its round, and its legs on one line.
fn tie(t: &Tie) -> Table {
    let mut table = Table::new();
    table["round"] = Item::from(t.round.as_str());
    table["legs"] = Item::from(t.legs.iter().map(|l| leg_line(t, l)).collect::<Array>());
    table
}

/// One `[[group]]` table.
fn group(g: &Group) -> Table {
    let names = |teams: &[TeamId]| -> Array { teams.iter().map(|&t| g.team_name(t)).collect() };
    let mut table = Table::new();
    table["name"] = Item::from(g.name.as_str());
    table["teams"] = Item::from(g.teams.iter().map(String::as_str).collect::<Array>());
    if !g.aliases.is_empty() {
        let aliases: InlineTable = g
            .aliases
            .iter()
            .map(|a| {
                let mut alias = InlineTable::new();
                alias.insert("is", g.team_name(a.team).into());
                alias.insert("why", a.why.as_str().into());
                (a.name.as_str(), Value::from(alias))
            })
            .collect();
        table["aliases"] = Item::from(aliases);
    }
    // A shoot-out after a drawn group match is written on the match, as it was read.
    let shoot_out = |m: &Match| {
        g.decisions
            .iter()
            .filter_map(|d| d.playoff.filter(|p| p.after_group_match))
            .find(|p| p.home == m.home && p.away == m.away)
            .map_or(String::new(), |p| match (p.extra_time, p.penalties) {
                (true, Some([h, a])) => format!(" (aet, pens {h}–{a})"),
                (false, Some([h, a])) => format!(" (pens {h}–{a})"),
                _ => String::new(),
            })
    };
    // A match with a date or a round is written as a table with them.
    // Fixtures still to play follow the matches played, as `Home v Away`.
    let played = g.matches.iter().enumerate().map(|(i, m)| {
        (
            match_line(g, m) + &shoot_out(m),
            g.schedule.date(i),
            g.schedule.round(i),
        )
    });
    let to_play = g.fixtures.iter().map(|f| {
        let text = format!("{} v {}", g.team_name(f.home), g.team_name(f.away));
        (text, f.date, f.round)
    });
    let matches = played.chain(to_play).map(|(text, date, round)| {
        if date.is_none() && round.is_none() {
            return Value::from(text);
        }
        let mut entry = InlineTable::new();
        entry.insert("match", text.into());
        if let Some(d) = date {
            let day = toml_edit::Date {
                year: d.year() as u16,
                month: d.month() as u8,
                day: d.day() as u8,
            };
            entry.insert("date", toml_edit::Datetime::from(day).into());
        }
        if let Some(r) = round {
            entry.insert("round", i64::from(r).into());
        }
        Value::from(entry)
    });
    table["matches"] = Item::from(one_a_line_values(matches));
    if g.decisions.iter().any(|d| d.playoff.is_none()) {
        let decisions: Array = g
            .decisions
            .iter()
            .filter(|d| d.playoff.is_none())
            .map(|d| {
                let mut decision = InlineTable::new();
                decision.insert("by", d.by.as_str().into());
                decision.insert("order", names(&d.order).into());
                decision
            })
            .collect();
        table["decisions"] = Item::from(decisions);
    }
    let playoffs: Vec<String> = g
        .decisions
        .iter()
        .filter(|d| d.is_playoff())
        .filter_map(|d| Some(d.playoff?.text(&g.teams)))
        .collect();
    if !playoffs.is_empty() {
        table["playoffs"] = Item::from(playoffs.iter().map(String::as_str).collect::<Array>());
    }
    let cards: InlineTable = g
        .team_ids()
        .filter_map(|t| Some((g.team_name(t), Value::from(cards(&g.team_cards(t)?)))))
        .collect();
    if !cards.is_empty() {
        table["cards"] = Item::from(cards);
    }
    let coefficients: InlineTable = g
        .team_ids()
        .filter_map(|t| {
            Some((
                g.team_name(t),
                Value::from(g.team_coefficient(t)?.to_string()),
            ))
        })
        .collect();
    if !coefficients.is_empty() {
        table["coefficients"] = Item::from(coefficients);
    }
    let values: InlineTable = g
        .values
        .iter()
        .filter_map(|(name, of_team)| {
            let written: InlineTable = g
                .team_ids()
                .filter_map(|t| {
                    let value = of_team.get(t.index()).copied().flatten()?;
                    Some((g.team_name(t), Value::from(value.to_string())))
                })
                .collect();
            (!written.is_empty()).then(|| (name.as_str(), Value::from(written)))
        })
        .collect();
    if !values.is_empty() {
        table["values"] = Item::from(values);
    }
    let rulings = &g.rulings;
    if !rulings.deductions.is_empty() {
        let deductions: Array = rulings
            .deductions
            .iter()
            .map(|d| {
                let mut deduction = InlineTable::new();
                deduction.insert("team", g.team_name(d.team).into());
                deduction.insert("points", decimal(d.points));
                deduction.insert("reason", d.reason.as_str().into());
                if let Some(date) = d.date {
                    deduction.insert("date", date.to_string().into());
                }
                deduction
            })
            .collect();
        table["deductions"] = Item::from(deductions);
    }
    if !rulings.expunged.is_empty() {
        let expunged: Array = rulings
            .expunged
            .iter()
            .map(|e| {
                let mut expunged = InlineTable::new();
                expunged.insert("team", e.team.as_str().into());
                expunged.insert("reason", e.reason.as_str().into());
                expunged
            })
            .collect();
        table["expunged"] = Item::from(expunged);
    }
    if !rulings.takeovers.is_empty() {
        let takeovers: Array = rulings
            .takeovers
            .iter()
            .map(|t| {
                let mut takeover = InlineTable::new();
                takeover.insert("team", t.team.as_str().into());
                takeover.insert("from", t.from.as_str().into());
                takeover.insert("reason", t.reason.as_str().into());
                takeover
            })
            .collect();
        table["takeovers"] = Item::from(takeovers);
    }
    if let Some(why) = &rulings.curtailed {
        table["curtailed"] = Item::from(why.as_str());
    }
    let record = g
        .record
        .clone()
        .map_teams(|teams| Some(teams.into_iter().map(|t| g.team_name(t)).collect()));
    let record = toml_edit::ser::to_document(&record)
        .expect("a group's record serializes as a TOML table")
        .as_table()
        .clone()
        .into_inline_table();
    let mut record = record;
    if let Some(Value::Array(rows)) = record.get_mut("table") {
        // A published table a row per line.
        for row in rows.iter_mut() {
            row.decor_mut().set_prefix("\n  ");
            row.decor_mut().set_suffix("");
        }
        rows.set_trailing_comma(true);
        rows.set_trailing("\n");
    }
    if !record.is_empty() {
        table["record"] = Item::from(record);
    }
    table
}

/// A decimal as written in a data file: an integer when whole, else a string read exactly.
fn decimal(value: rust_decimal::Decimal) -> Value {
    let value = value.normalize();
    match i64::try_from(value) {
        Ok(whole) if value.fract().is_zero() => Value::from(whole),
        _ => Value::from(value.to_string()),
    }
}

/// A team's cards, every count written.
fn cards(c: &Cards) -> InlineTable {
    [
        ("yellow", c.yellow),
        ("indirect_red", c.indirect_red),
        ("direct_red", c.direct_red),
        ("yellow_direct_red", c.yellow_direct_red),
    ]
    .into_iter()
    .map(|(key, n)| (key, Value::from(i64::from(n))))
    .collect()
}

/// An array of strings laid out one per line, indented, each followed by a comma.
fn one_a_line_values(items: impl IntoIterator<Item = Value>) -> Array {
    let mut array: Array = items
        .into_iter()
        .map(|item| item.decorated("\n  ", ""))
        .collect();
    array.set_trailing_comma(true);
    array.set_trailing("\n");
    array
}
