//! From the file's types to the model's: every builder reports each mistake it finds at its
//! span, so one reading of a file reports them all.

use std::collections::HashMap;
use std::ops::Range;

use toml::Spanned;

use super::file::{DataFile, EntrantsFile, GroupFile, MatchEntry, RankingFile, TieFile};
use super::names::{Names, inner_span, resolve_list};
use crate::diagnostic::{Code, Diagnostic, Diagnostics, Source, excerpt};
use crate::model::{
    Alias, Cards, Competition, Decision, Deduction, Entrants, EntrantsSpans, Expunged, Fixture,
    Group, GroupSpans, Leg, Line, Match, Outcome, PlayOff, Ranking, RankingEntry, Rulings,
    Schedule, Side, Takeover, TeamId, Tie, TieSpans,
};
use crate::read::match_text;
use crate::read::name::{Spellings, normalise};

pub(super) fn build(source: &Source, file: DataFile) -> Result<Competition, Diagnostics> {
    if file.groups.is_empty()
        && file.ties.is_empty()
        && file.ranking.is_none()
        && file.entrants.is_empty()
    {
        return Err(source.error_whole(Code::NothingRecorded,
            "the data file has no groups, ties, ranking or entrants; expected at least one [[group]] with `name`, `teams` and `matches`",
        ).into());
    }
    let mut found = Diagnostics::new();
    // Group names are compared as team names are: trimmed, in NFC, case aside.
    let mut seen: HashMap<String, Range<usize>> = HashMap::new();
    for g in &file.groups {
        let key = normalise(g.name.get_ref()).to_lowercase();
        if seen.insert(key, g.name.span()).is_some() {
            found.push(source.error(
                Code::ListedTwice,
                g.name.span(),
                format!(
                    "a second group named \"{}\"; expected each group name once",
                    g.name.get_ref()
                ),
            ));
        }
    }
    let mut record = file.record;
    found.extend(record.locate(source));
    let ties = file
        .ties
        .iter()
        .filter_map(|t| found.keep_all(build_tie(source, t)))
        .collect();
    let ranking = file
        .ranking
        .as_ref()
        .and_then(|r| found.keep_all(build_ranking(source, r)));
    let entrants = found
        .keep_all(build_entrants(source, &file.entrants))
        .unwrap_or_default();
    let groups: Vec<Group> = file
        .groups
        .into_iter()
        .filter_map(|g| found.keep_all(build_group(source, g)))
        .collect();
    if let Some(best) = &record.best_placed {
        found.extend(best_placed_names(source, best, &groups, &file.aliases));
    }
    found.result(())?;
    Ok(Competition {
        name: file.competition,
        path: source.path.clone(),
        groups,
        record,
        aliases: file
            .aliases
            .iter()
            .map(|(name, a)| (name.clone(), a.is.get_ref().clone()))
            .collect(),
        ties,
        ranking,
        entrants,
        origin: crate::model::Origin(Some(source.clone())),
        as_of: None,
    })
}

/// Builds one tie, collecting every mistake in it: each leg's notation, and where the number
/// of legs is one or two, extra time and penalties only in the last leg and a second leg that
/// reverses the first.
fn build_tie(source: &Source, tie: &Spanned<TieFile>) -> Result<Tie, Diagnostics> {
    let mut found = Diagnostics::new();
    let t = tie.get_ref();
    let legs_text = t.legs.get_ref();
    // How many legs the round has is the rules' to say (validation); a tie has one or two.
    let shaped = (1..=2).contains(&legs_text.len());
    if !shaped {
        found.push(source.error(
            Code::TieLegs,
            t.legs.span(),
            format!("{} leg(s); expected 1 or 2", legs_text.len()),
        ));
    }
    let mut teams: Option<[String; 2]> = None;
    let mut legs = Vec::new();
    for (i, leg) in legs_text.iter().enumerate() {
        let located = |e: match_text::TextError| {
            source.error(
                Code::MatchNotation,
                inner_span(source, leg, e.at),
                e.message,
            )
        };
        let Some(text) = found.keep(match_text::parse(leg.get_ref()).map_err(located)) else {
            continue;
        };
        if !shaped {
            // Which leg is the last or the second means nothing in a tie of another length.
            continue;
        }
        if text.score.is_none() {
            found.push(source.error(
                Code::TieLegs,
                leg.span(),
                "a forfeited knockout match is not supported; expected a score, as in `A 2–1 B`",
            ));
        }
        let last = i + 1 == legs_text.len();
        if let Some(at) = text
            .extra_time
            .clone()
            .or(text.penalties.clone().map(|p| p.1))
            .filter(|_| !last)
        {
            found.push(source.error(Code::TieLegs, inner_span(source, leg, at), "extra time and penalties belong to a tie's last leg; expected them on the last one"));
        }
        if let Some((_, at)) = &text.penalties
            && last
            && legs_text.len() == 2
            && text.extra_time.is_none()
        {
            found.push(source.error(
                Code::TieLegs,
                inner_span(source, leg, at.clone()),
                "a shoot-out in a second leg comes after extra time; expected `(aet, pens 4–3)`",
            ));
        }
        let (home, away) = (text.home.0.to_string(), text.away.0.to_string());
        let home_side = if i == 0 {
            teams = Some([home, away]);
            Some(Side::First)
        } else {
            match &teams {
                Some([first, second]) if home == *second && away == *first => Some(Side::Second),
                Some([first, second]) => {
                    found.push(source.error(
                        Code::TieLegs,
                        leg.span(),
                        format!(
                            "the second leg must be {second} at home to {first}; found {home} v {away}"
                        ),
                    ));
                    None
                }
                // The first leg could not be read: there is nothing to compare the second with.
                None => None,
            }
        };
        if let (Some(home), Some((h, a))) = (home_side, text.score) {
            legs.push(Leg {
                home,
                score: [h, a],
                extra_time: text.extra_time.is_some(),
                penalties: text.penalties.map(|(p, _)| [p.0, p.1]),
            });
        }
    }
    // A shoot-out follows a level tie: a level match, or a level aggregate over two legs
    // (the second leg itself need not be level).
    if let (Some(last), Some(written)) = (legs.last(), legs_text.last())
        && last.penalties.is_some()
        && let Ok(text) = match_text::parse(written.get_ref())
        && let Some((_, at)) = text.penalties
    {
        let mut aggregate = [0u32; 2];
        for leg in &legs {
            aggregate[leg.home.index()] += leg.score[0];
            aggregate[leg.home.other().index()] += leg.score[1];
        }
        if aggregate[0] != aggregate[1] {
            let what = if legs.len() == 1 {
                "result"
            } else {
                "aggregate"
            };
            found.push(source.error(
                Code::MatchNotation,
                inner_span(source, written, at),
                format!(
                    "penalties after a {}–{} {what}; expected a shoot-out only after a level score",
                    aggregate[0], aggregate[1]
                ),
            ));
        }
    }
    found.result(())?;
    let teams = teams.expect("a tie read without mistakes has a first leg");
    Ok(Tie {
        round: t.round.get_ref().clone(),
        teams,
        legs,
        line: Line(source.line_of(tie.span().start)),
        spans: TieSpans {
            round: t.round.span(),
            legs: t.legs.span(),
            first_leg: legs_text.first().map(Spanned::span).unwrap_or_default(),
        },
    })
}

/// Builds the ranking, collecting every mistake: each rank listed twice, and each recorded
/// order that names a rank not in the entries or fewer than two ranks.
fn build_ranking(source: &Source, ranking: &Spanned<RankingFile>) -> Result<Ranking, Diagnostics> {
    let mut found = Diagnostics::new();
    let r = ranking.get_ref();
    let mut entries: Vec<RankingEntry> = Vec::new();
    for e in &r.entries {
        let v = e.get_ref();
        if entries.iter().any(|x| x.rank == v.rank) {
            found.push(source.error(
                Code::ListedTwice,
                e.span(),
                format!("rank {} is listed twice; expected each rank once", v.rank),
            ));
            continue;
        }
        entries.push(RankingEntry {
            rank: v.rank,
            name: v.association.clone(),
            coefficient: v.coefficient.0,
            places: v.places,
        });
    }
    let mut ties = Vec::new();
    for t in &r.ties {
        let v = t.get_ref();
        let mut sound = true;
        for missing in v
            .ranks
            .iter()
            .filter(|k| !entries.iter().any(|e| e.rank == **k))
        {
            sound = false;
            found.push(source.error(
                Code::Ranking,
                t.span(),
                format!(
                    "rank {missing} is not in the ranking's entries; expected ranks listed above"
                ),
            ));
        }
        if v.ranks.len() < 2 {
            sound = false;
            found.push(source.error(
                Code::Ranking,
                t.span(),
                "a recorded order breaks a tie between at least two ranks",
            ));
        }
        if sound {
            ties.push((v.ranks.clone(), v.by.clone()));
        }
    }
    found.result(Ranking {
        name: r.name.clone(),
        entries,
        ties,
        line: Line(source.line_of(ranking.span().start)),
    })
}

/// Builds the entrant lists, collecting every team listed a second time (in any round).
fn build_entrants(
    source: &Source,
    lists: &[Spanned<EntrantsFile>],
) -> Result<Vec<Entrants>, Diagnostics> {
    let mut found = Diagnostics::new();
    let mut seen: HashMap<&str, &str> = HashMap::new();
    let mut out = Vec::new();
    for list in lists {
        let l = list.get_ref();
        for team in &l.teams {
            if let Some(other) = seen.insert(team.get_ref(), l.round.get_ref()) {
                found.push(source.error(
                    Code::ListedTwice,
                    team.span(),
                    format!(
                        "\"{}\" is already listed as entering in {other}; expected each team once",
                        team.get_ref()
                    ),
                ));
            }
        }
        out.push(Entrants {
            round: l.round.get_ref().clone(),
            teams: l.teams.iter().map(|t| t.get_ref().clone()).collect(),
            line: Line(source.line_of(list.span().start)),
            spans: EntrantsSpans {
                round: l.round.span(),
            },
        });
    }
    found.result(out)
}

/// Builds one group, collecting every mistake in it.
fn build_group(source: &Source, g: GroupFile) -> Result<Group, Diagnostics> {
    let mut found = Diagnostics::new();
    let group_name = g.name.get_ref().clone();
    if g.teams.get_ref().is_empty() {
        found.push(source.error(
            Code::EmptyGroup,
            g.teams.span(),
            format!("{group_name} has no teams; expected a list such as [\"A\", \"B\"]"),
        ));
        return Err(found);
    }
    let teams: Vec<String> = g
        .teams
        .get_ref()
        .iter()
        .map(|t| normalise(t.get_ref()).into_owned())
        .collect();
    let mut names = Names::new(source, &group_name);
    let mut spellings = Spellings::new();
    for (id, t) in g.teams.get_ref().iter().enumerate() {
        if t.get_ref().trim().is_empty() {
            found.push(source.error(
                Code::EmptyName,
                t.span(),
                "an empty team name; expected a name",
            ));
        } else if names.add(t.get_ref(), TeamId::new(id)).is_some() {
            found.push(source.error(
                Code::ListedTwice,
                t.span(),
                format!(
                    "\"{}\" is listed twice in {group_name}; expected each team once",
                    excerpt(t.get_ref())
                ),
            ));
        } else if let Err(e) = spellings.add(source, &group_name, &teams[id], t.span()) {
            found.push(e);
        }
    }
    let mut aliases = Vec::new();
    for (name, alias) in &g.aliases {
        if names.contains(name.get_ref()) {
            found.push(source.error(
                Code::AliasIsTeam,
                name.span(),
                format!(
                    "\"{}\" is both a team and an alias in {group_name}; expected an alias to be a name not listed in `teams`",
                    name.get_ref()
                ),
            ));
            continue;
        }
        if let Some(team) = found.keep(names.resolve_spanned(&alias.is)) {
            aliases.push(Alias {
                name: normalise(name.get_ref()).into_owned(),
                team,
                why: alias.why.clone(),
            });
        }
    }
    for a in &aliases {
        names.add(a.name.as_str(), a.team);
    }

    let mut matches = Vec::with_capacity(g.matches.len());
    let mut spans = GroupSpans::default();
    // Shoot-outs after drawn group matches (UEFA's last-round rule), as the `shoot_out`
    // criterion reads them.
    let mut shoot_outs: Vec<(PlayOff, Range<usize>)> = Vec::new();
    let (mut dates, mut rounds) = (Vec::new(), Vec::new());
    let mut fixtures = Vec::new();
    for entry in &g.matches {
        let (m, date, round) = match entry.get_ref() {
            MatchEntry::Plain(text) => (Spanned::new(entry.span(), text.clone()), None, None),
            MatchEntry::Scheduled(s) => (
                s.text.clone(),
                s.date
                    .as_ref()
                    .and_then(|d| found.keep(match_date(source, d))),
                s.round.as_ref().and_then(|r| found.keep(round(source, r))),
            ),
        };
        if match_text::parse_entry(m.get_ref()).is_ok_and(|t| t.is_fixture()) {
            if let Some(fixture) = found.keep(build_fixture(source, &names, &m, (date, round))) {
                fixtures.push(fixture);
                spans.fixtures.push(m.span());
            }
            continue;
        }
        if let Some((parsed, shoot_out)) = found.keep(build_match(source, &names, &m)) {
            shoot_outs.extend(shoot_out.map(|s| (s, m.span())));
            matches.push(parsed);
            spans.matches.push(m.span());
            dates.push(date);
            rounds.push(round);
        }
    }

    // Recorded orders, then play-offs: both order tied teams, so no two may contradict.
    let mut candidates: Vec<(Decision, Range<usize>)> = Vec::new();
    for d in &g.decisions {
        let Some(order) = found.keep(resolve_list(&names, d.order.get_ref())) else {
            continue;
        };
        if order.len() < 2 {
            found.push(source.error(
                Code::ShortDecision,
                d.order.span(),
                "a decision orders at least two teams; expected a list such as [\"Winner\", \"Loser\"]",
            ));
            continue;
        }
        candidates.push((
            Decision {
                by: d.by.clone(),
                order,
                playoff: None,
            },
            d.order.span(),
        ));
    }
    for p in &g.playoffs {
        let Some(playoff) = found.keep(build_playoff(source, &names, &teams, p)) else {
            continue;
        };
        let pair = |x: &PlayOff| [x.home.min(x.away), x.home.max(x.away)];
        if let Some((_, at)) = candidates
            .iter()
            .find(|(d, _)| d.playoff.is_some_and(|q| pair(&q) == pair(&playoff)))
        {
            found.push(
                source
                    .error(
                        Code::PlayOff,
                        p.span(),
                        format!(
                            "a second play-off between {} and {}; expected one, the match that decided their places",
                            teams[playoff.home.index()],
                            teams[playoff.away.index()]
                        ),
                    )
                    .with_label(source.label(at.clone(), "the other play-off")),
            );
            continue;
        }
        candidates.push((Decision::from_playoff(playoff, &teams), p.span()));
    }
    for (shoot_out, span) in shoot_outs {
        candidates.push((Decision::from_shoot_out(shoot_out, &teams), span));
    }
    let mut decisions: Vec<Decision> = Vec::new();
    let mut decision_spans: Vec<Range<usize>> = Vec::new();
    for (decision, span) in candidates {
        // A drawn play-off orders no one, so it contradicts nothing.
        let contradicted = decisions
            .iter()
            .zip(&decision_spans)
            .filter(|(earlier, _)| !earlier.is_level() && !decision.is_level())
            .find_map(|(earlier, at)| {
                let pair = contradiction(&earlier.order, &decision.order)?;
                Some((pair, earlier.is_playoff(), at.clone()))
            });
        if let Some(((first, second), earlier_playoff, at)) = contradicted {
            let (first, second) = (&teams[first.index()], &teams[second.index()]);
            let what = |playoff: bool| if playoff { "play-off" } else { "decision" };
            let (this, other) = (what(decision.is_playoff()), what(earlier_playoff));
            let another = if this == other {
                "another".to_string()
            } else {
                format!("a {other}")
            };
            found.push(
                source
                    .error(
                        Code::ContradictoryDecisions,
                        span,
                        format!(
                            "this {this} puts {second} before {first}, {another} puts {first} before {second}; expected one order for a tie"
                        ),
                    )
                    .with_label(source.label(at, format!("the other {other}"))),
            );
            continue;
        }
        decision_spans.push(span);
        decisions.push(decision);
    }

    let (rulings, mistakes) = build_rulings(source, &names, &teams, &g, &matches, &spans);
    found.extend(mistakes);
    // The clubs that stay: an expunged or taken-over club has no place in the order.
    let staying = teams.len() - leaving(&rulings, &teams).len();

    let mut record = g.record.clone();
    record.locate(source);
    if let Some(order) = &record.order
        && order.value.len() != staying
    {
        found.push(source.error(
            Code::IncompleteOrder,
            order.span(),
            format!(
                "the recorded order lists {} teams; expected all {} teams of {group_name}",
                order.value.len(),
                staying
            ),
        ));
    }
    for row in record.table.iter().flat_map(|t| &t.value) {
        if row.value.states_nothing() {
            found.push(source.error(
                Code::MissingKey,
                row.span(),
                "a row of the published table with its team alone; expected the figures the table prints for it (position, played, won, drawn, lost, goals_for, goals_against, points)",
            ));
        } else if row.value.position == Some(0) {
            found.push(source.error(
                Code::WrongValue,
                row.span(),
                "position 0 in the published table; expected 1 for the top place, or more",
            ));
        }
    }
    let record = record.map_teams(|list| found.keep(resolve_list(&names, &list)));

    let mut cards = vec![None; teams.len()];
    for (name, c) in &g.cards {
        if let Some(team) = found.keep(names.resolve_spanned(name)) {
            cards[team.index()] = Some(Cards {
                yellow: c.yellow,
                indirect_red: c.indirect_red,
                direct_red: c.direct_red,
                yellow_direct_red: c.yellow_direct_red,
            });
        }
    }
    let mut coefficients = vec![None; teams.len()];
    for (name, c) in &g.coefficients {
        if let Some(team) = found.keep(names.resolve_spanned(name)) {
            coefficients[team.index()] = Some(c.0);
        }
    }
    let mut values = std::collections::BTreeMap::new();
    for (criterion, per_team) in &g.values {
        if !crate::criteria::is_declarable(criterion.get_ref()) {
            found.push(source.error(
                Code::ValuesName,
                criterion.span(),
                format!(
                    "values for \"{}\", which no rule file can declare; expected the name of a `[recorded.NAME]` criterion: lowercase letters, digits and underscores, starting with a letter",
                    excerpt(criterion.get_ref())
                ),
            ));
            continue;
        }
        let mut of_team = vec![None; teams.len()];
        for (name, value) in per_team {
            if let Some(team) = found.keep(names.resolve_spanned(name)) {
                of_team[team.index()] = Some(value.0);
            }
        }
        values.insert(criterion.get_ref().clone(), of_team);
    }

    if !rulings.is_empty() {
        let leaving = leaving(&rulings, &teams);
        let mut mentioned: Vec<(TeamId, &str)> = Vec::new();
        for d in &decisions {
            let what = if d.is_playoff() {
                "a play-off"
            } else {
                "a recorded decision"
            };
            mentioned.extend(d.order.iter().map(|&t| (t, what)));
        }
        for d in &rulings.deductions {
            mentioned.push((d.team, "a deduction"));
        }
        let _ = record.clone().map_teams(|list| {
            mentioned.extend(list.into_iter().map(|t| (t, "the group's record")));
            None::<Vec<TeamId>>
        });
        for (t, c) in cards.iter().enumerate() {
            if c.is_some() {
                mentioned.push((TeamId::new(t), "cards"));
            }
        }
        for (t, c) in coefficients.iter().enumerate() {
            if c.is_some() {
                mentioned.push((TeamId::new(t), "coefficients"));
            }
        }
        for of_team in values.values() {
            for (t, v) in of_team.iter().enumerate() {
                if v.is_some() {
                    mentioned.push((TeamId::new(t), "values"));
                }
            }
        }
        for (team, what) in mentioned {
            if let Some((_, how, line)) = leaving.iter().find(|(t, _, _)| *t == team) {
                found.push(source.error(
                    Code::Ruling,
                    g.name.span(),
                    format!(
                        "{group_name}: {what} names {}, which {how} (line {line}) and has no line in the table; expected it to name clubs that stay",
                        teams[team.index()]
                    ),
                ));
            }
        }
    }

    let group = Group {
        name: group_name.clone(),
        teams,
        aliases,
        matches,
        fixtures,
        decisions,
        record,
        cards,
        coefficients,
        values,
        rulings,
        line: Line(source.line_of(g.name.span().start)),
        schedule: Schedule::new(dates, rounds),
        spans,
    };
    found.result(group)
}

/// A date written exactly `YYYY-MM-DD` (a time or an offset after it is not a date).
fn date_text(text: &str) -> Option<jiff::civil::Date> {
    let shaped = text.len() == 10
        && text.bytes().enumerate().all(|(i, b)| match i {
            4 | 7 => b == b'-',
            _ => b.is_ascii_digit(),
        });
    text.parse::<jiff::civil::Date>().ok().filter(|_| shaped)
}

/// A match's `date`: a TOML local date (`2003-08-10`) or the same as a string.
fn match_date(
    source: &Source,
    date: &Spanned<toml::Value>,
) -> Result<jiff::civil::Date, Diagnostic> {
    let expected =
        "expected the day alone, a TOML date such as 2003-08-10 (or the string \"2003-08-10\")";
    let wrong =
        |what: String| source.error(Code::WrongValue, date.span(), format!("{what}; {expected}"));
    match date.get_ref() {
        toml::Value::Datetime(toml::value::Datetime {
            date: Some(d),
            time: None,
            offset: None,
        }) => jiff::civil::Date::new(d.year as i16, d.month as i8, d.day as i8)
            .map_err(|_| wrong(format!("{d} is not a day of the calendar"))),
        toml::Value::Datetime(written) if written.date.is_some() => {
            Err(wrong(format!("{written} has a time of day")))
        }
        toml::Value::Datetime(written) => Err(wrong(format!("{written} is a time of day"))),
        toml::Value::String(text) => {
            date_text(text).ok_or_else(|| wrong(format!("\"{}\" is not a date", excerpt(text))))
        }
        other => Err(wrong(format!("a {} is not a date", other.type_str()))),
    }
}

/// A match's `round`: a whole number from 1.
fn round(source: &Source, round: &Spanned<i64>) -> Result<u32, Diagnostic> {
    let n = *round.get_ref();
    u32::try_from(n).ok().filter(|&n| n >= 1).ok_or_else(|| {
        source.error(
            Code::WrongValue,
            round.span(),
            format!("round {n}; expected a whole number from 1, the first round (matchday)"),
        )
    })
}

/// A match in the data-file notation, read, with a resolver for the names written in it (each
/// at its place in the file): what group matches and play-offs share.
fn read_match<'m>(
    source: &Source,
    names: &Names<'_>,
    m: &'m Spanned<String>,
) -> Result<(match_text::MatchText<'m>, TeamId, TeamId), Diagnostic> {
    let text = match_text::parse(m.get_ref())
        .map_err(|e| source.error(Code::MatchNotation, inner_span(source, m, e.at), e.message))?;
    let home = resolve_in(source, names, m, &text.home)?;
    let away = resolve_in(source, names, m, &text.away)?;
    Ok((text, home, away))
}

/// The team a name written inside the match string `m` (at `at` within it) names.
fn resolve_in(
    source: &Source,
    names: &Names<'_>,
    m: &Spanned<String>,
    (name, at): &(&str, Range<usize>),
) -> Result<TeamId, Diagnostic> {
    names.resolve(name, inner_span(source, m, at.clone()))
}

/// Builds one group match, and the shoot-out after it when there was one (UEFA's last-round
/// rule, `Home 1–1 Away (pens 4–3)`: the match stays a draw in the table). Extra time counts
/// by the final score (`Home 4–4 Away (aet)`).
fn build_match(
    source: &Source,
    names: &Names<'_>,
    m: &Spanned<String>,
) -> Result<(Match, Option<PlayOff>), Diagnostic> {
    let (text, home, away) = read_match(source, names, m)?;
    let side = match &text.forfeit {
        Some((name, _)) if *name == "both" => None,
        Some(side) => Some(resolve_in(source, names, m, side)?),
        None => None,
    };
    let outcome = text
        .outcome(home, away, side)
        .map_err(|e| source.error(Code::MatchNotation, inner_span(source, m, e.at), e.message))?;
    let shoot_out = match (text.penalties, outcome) {
        (Some(((p, q), _)), Outcome::Played { home: h, away: a }) => Some(PlayOff {
            home,
            away,
            score: [h, a],
            extra_time: text.extra_time.is_some(),
            penalties: Some([p, q]),
            after_group_match: true,
        }),
        _ => None,
    };
    let played = Match::new(home, away, outcome);
    Ok((played, shoot_out))
}

/// Builds one fixture still to play (`Greece v Russia`): two different teams of the group, on
/// its date and in its round where the file gives them.
fn build_fixture(
    source: &Source,
    names: &Names<'_>,
    m: &Spanned<String>,
    (date, round): (Option<jiff::civil::Date>, Option<u32>),
) -> Result<Fixture, Diagnostic> {
    let text = match_text::parse_entry(m.get_ref())
        .map_err(|e| source.error(Code::MatchNotation, inner_span(source, m, e.at), e.message))?;
    let home = resolve_in(source, names, m, &text.home)?;
    let away = resolve_in(source, names, m, &text.away)?;
    if home == away {
        return Err(source.error(
            Code::PlaysItself,
            m.span(),
            format!(
                "{} plays itself; expected two different teams",
                excerpt(text.home.0)
            ),
        ));
    }
    Ok(Fixture {
        home,
        away,
        date,
        round,
    })
}

/// Builds one play-off: a match in the notation (where a shoot-out has a winner), played (no
/// forfeit), between two different teams of the group. It may be drawn (level after extra time,
/// no shoot-out): it then leaves its teams level.
fn build_playoff(
    source: &Source,
    names: &Names<'_>,
    teams: &[String],
    m: &Spanned<String>,
) -> Result<PlayOff, Diagnostic> {
    let (text, home, away) = read_match(source, names, m)?;
    let Some((h, a)) = text.score else {
        return Err(source.error(
            Code::PlayOff,
            m.span(),
            "a play-off with no score; expected the match as played, as in `Wales 2–1 Hungary` (a play-off does not enter the table, so a forfeit has no award to record)",
        ));
    };
    if home == away {
        return Err(source.error(
            Code::PlaysItself,
            m.span(),
            format!(
                "{} plays itself in a play-off; expected the two teams it decided between",
                teams[home.index()]
            ),
        ));
    }
    let playoff = PlayOff {
        home,
        away,
        score: [h, a],
        extra_time: text.extra_time.is_some(),
        penalties: text.penalties.map(|(p, _)| [p.0, p.1]),
        after_group_match: false,
    };
    Ok(playoff)
}

/// Two teams that `earlier` orders one way and `later` the other, if any: `(first, second)` as
/// `earlier` orders them.
fn contradiction(earlier: &[TeamId], later: &[TeamId]) -> Option<(TeamId, TeamId)> {
    let place = |order: &[TeamId], team| order.iter().position(|&t| t == team);
    earlier.iter().enumerate().find_map(|(i, &first)| {
        let first_later = place(later, first)?;
        earlier[i + 1..]
            .iter()
            .find(|&&second| place(later, second).is_some_and(|p| p < first_later))
            .map(|&second| (first, second))
    })
}

/// The clubs that leave a group through its rulings: each with how, in words, and the line
/// of the ruling.
fn leaving(rulings: &Rulings, teams: &[String]) -> Vec<(TeamId, &'static str, usize)> {
    let find = |name: &str| teams.iter().position(|t| t == name).map(TeamId::new);
    let expunged = rulings
        .expunged
        .iter()
        .filter_map(|e| Some((find(&e.team)?, "is expunged", e.line.0)));
    let taken_over = rulings
        .takeovers
        .iter()
        .filter_map(|t| Some((find(&t.from)?, "is taken over", t.line.0)));
    expunged.chain(taken_over).collect()
}

/// Builds a group's rulings (deductions, expunged clubs, takeovers), with every mistake found:
/// an unknown team, a reason left empty, a date that is not one, a deduction of nothing, a club
/// that leaves twice or takes over itself, and a takeover between clubs that played each other.
fn build_rulings(
    source: &Source,
    names: &Names<'_>,
    teams: &[String],
    g: &GroupFile,
    matches: &[Match],
    spans: &GroupSpans,
) -> (Rulings, Diagnostics) {
    let mut found = Diagnostics::new();
    let mut rulings = Rulings::default();
    let line = |at: &Range<usize>| Line(source.line_of(at.start));
    let reason = |found: &mut Diagnostics, reason: &Spanned<String>| {
        if reason.get_ref().trim().is_empty() {
            found.push(source.error(
                Code::Ruling,
                reason.span(),
                "an empty reason; expected the record's words, such as \"entered administration\"",
            ));
        }
        normalise(reason.get_ref()).into_owned()
    };
    for d in &g.deductions {
        let team = found.keep(names.resolve_spanned(&d.team));
        let points = found.keep(crate::rules::summed_decimal(source, &d.points));
        if points.is_some_and(|p| p.is_zero()) {
            found.push(source.error(
                Code::Ruling,
                d.points.span(),
                "a deduction of 0 points; expected the points taken away (negative to restore them)",
            ));
        }
        let why = reason(&mut found, &d.reason);
        let date = d.date.as_ref().and_then(|date| {
            let parsed = date_text(date.get_ref()).ok_or(());
            found.keep(parsed.map_err(|_| {
                source.error(
                    Code::WrongValue,
                    date.span(),
                    format!(
                        "\"{}\" is not a date; expected YYYY-MM-DD, such as \"2020-05-01\"",
                        excerpt(date.get_ref())
                    ),
                )
            }))
        });
        if let (Some(team), Some(points)) = (team, points) {
            rulings.deductions.push(Deduction {
                team,
                points,
                reason: why,
                date,
                line: line(&d.team.span()),
            });
        }
    }
    // Each club that leaves, with where it is said to leave.
    let mut leaves: Vec<(TeamId, Range<usize>)> = Vec::new();
    let mut leave = |found: &mut Diagnostics, team: TeamId, at: Range<usize>| {
        if let Some((_, first)) = leaves.iter().find(|(t, _)| *t == team) {
            found.push(
                source
                    .error(
                        Code::Ruling,
                        at.clone(),
                        "this club already leaves the group in another ruling; expected one ruling per club that leaves",
                    )
                    .with_label(source.label(first.clone(), "the other ruling")),
            );
        } else {
            leaves.push((team, at));
        }
    };
    let mut successors = Vec::new();
    for t in &g.takeovers {
        let team = found.keep(names.resolve_spanned(&t.team));
        let from = found.keep(names.resolve_spanned(&t.from));
        let why = reason(&mut found, &t.reason);
        let (Some(team), Some(from)) = (team, from) else {
            continue;
        };
        if team == from {
            found.push(source.error(
                Code::Ruling,
                t.from.span(),
                "a club taking over its own record; expected the club whose fixtures it took over",
            ));
            continue;
        }
        if let Some(i) = matches
            .iter()
            .position(|m| m.involves(team) && m.involves(from))
        {
            let mut e = source.error(
                Code::Ruling,
                t.from.span(),
                "the two clubs played each other, so one cannot have taken over the other's record; expected clubs that never met",
            );
            if let Some(at) = spans.of_match(i) {
                e = e.with_label(source.label(at, "their match"));
            }
            found.push(e);
            continue;
        }
        leave(&mut found, from, t.from.span());
        successors.push((team, t.team.span()));
        rulings.takeovers.push(Takeover {
            team: teams[team.index()].clone(),
            from: teams[from.index()].clone(),
            reason: why,
            results: 0,
            line: line(&t.team.span()),
        });
    }
    for e in &g.expunged {
        let team = found.keep(names.resolve_spanned(&e.team));
        let why = reason(&mut found, &e.reason);
        let Some(team) = team else {
            continue;
        };
        leave(&mut found, team, e.team.span());
        rulings.expunged.push(Expunged {
            team: teams[team.index()].clone(),
            reason: why,
            results: 0,
            line: line(&e.team.span()),
        });
    }
    if let Some(why) = &g.curtailed {
        rulings.curtailed = Some(reason(&mut found, why));
    }
    for (team, at) in successors {
        if leaves.iter().any(|(t, _)| *t == team) {
            found.push(source.error(
                Code::Ruling,
                at,
                "a club that takes over another's record leaves the group itself; expected it to stay",
            ));
        }
    }
    (rulings, found)
}

/// The recorded best-placed teams must be teams of the groups (by name or alias), each once.
fn best_placed_names(
    source: &Source,
    best: &crate::model::Recorded<Vec<String>>,
    groups: &[Group],
    aliases: &std::collections::BTreeMap<String, super::file::AliasFile>,
) -> Diagnostics {
    let mut found = Diagnostics::new();
    let known = |name: &str| {
        aliases.contains_key(name)
            || groups.iter().any(|g| {
                g.teams.iter().any(|t| t == name) || g.aliases.iter().any(|a| a.name == name)
            })
    };
    let mut seen: Vec<&str> = Vec::new();
    for name in &best.value {
        let name = name.as_str();
        if !known(name) {
            found.push(source.error(
                Code::UnknownTeam,
                best.span(),
                format!(
                    "\"{}\" in `best_placed` is not a team of any group; expected teams the groups list",
                    excerpt(name)
                ),
            ));
        } else if seen.contains(&name) {
            found.push(source.error(
                Code::ListedTwice,
                best.span(),
                format!(
                    "\"{}\" is listed twice in `best_placed`; expected each team once",
                    excerpt(name)
                ),
            ));
        }
        seen.push(name);
    }
    if best.value.is_empty() {
        found.push(source.error(
            Code::WrongValue,
            best.span(),
            "`best_placed` lists no team; expected the teams that went through",
        ));
    }
    found
}
