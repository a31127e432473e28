//! Each checked fact in words: `winner: expected Genoa; computed Cesena`. Every sentence `check`
//! prints is made here, from the fact's kind, values and reasons.

use crate::check::{Fact, FactKind, Figure, Outcome, Part, Reason, Term, Value, Verdict, Why};
use crate::explain::natural_list;

/// The word printed at the start of a fact's line.
pub fn label(verdict: Verdict) -> &'static str {
    match verdict {
        Verdict::Confirmed => "ok",
        Verdict::Mismatch => "MISMATCH",
        Verdict::Unresolved => "UNRESOLVED",
        Verdict::NotChecked => "not checked",
        Verdict::Note => "note",
    }
}

/// Competition and group: `2003–04 Coppa Italia · Group 8`.
pub fn subject(fact: &Fact) -> String {
    match &fact.subject.part {
        Some(Part::Group(group)) => format!("{} · {group}", fact.subject.competition),
        _ => fact.subject.competition.clone(),
    }
}

/// The summary line: files, groups, and facts by verdict.
pub fn summary(outcome: &Outcome) -> String {
    let s = outcome.summary();
    let summary = format!(
        "{} file(s), {} group(s), {} fact(s): {} confirmed, {} mismatched, {} unresolved, {} not checked",
        s.files,
        s.groups,
        s.facts(),
        s.confirmed,
        s.mismatched,
        s.unresolved,
        s.not_checked
    );
    match outcome.nothing_checked() {
        true => format!("{summary}\n{NOTHING_CHECKED}"),
        false => summary,
    }
}

/// Why a strict run that checked nothing fails.
pub const NOTHING_CHECKED: &str = "FAILED: --strict, and no recorded fact was checked (the input states none; lend one with --record)";

/// `1 group`, `8 groups`.
fn groups(n: usize) -> String {
    if n == 1 {
        "1 group".to_string()
    } else {
        format!("{n} groups")
    }
}

fn joined<T: ToString>(items: &[T], separator: &str) -> String {
    items
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(separator)
}

/// A value in words: `48`, `Palermo`, `Lazio 4–2`, `A, B, C` (empty for none).
pub fn value(value: Option<&Value>) -> String {
    match value {
        None => String::new(),
        Some(Value::Count(n)) => n.to_string(),
        Some(Value::Team(team)) => team.clone(),
        Some(Value::Order(teams) | Value::Rounds(teams)) => teams.join(", "),
        Some(Value::Level(teams)) => natural_list(teams),
        Some(Value::Final { winner, score }) => format!("{winner} {}–{}", score[0], score[1]),
        Some(Value::GroupSizes(sizes)) => {
            format!("{} of {}", groups(sizes.len()), joined(sizes, ", "))
        }
        Some(Value::Groups { groups: n, size }) => format!("{} of {size}", groups(*n as usize)),
        Some(Value::Ranks(ranks)) => joined(ranks, ", "),
        Some(Value::RankTiers(tiers)) => joined(&tiers.concat(), ", "),
        Some(Value::Places(places)) => places
            .iter()
            .map(|(rank, p)| format!("rank {rank}: {}", p.map_or("-".into(), |p| p.to_string())))
            .collect::<Vec<_>>()
            .join("; "),
        Some(Value::Decision { by, order }) => format!("{by}: {}", order.join(", ")),
        Some(Value::Figure {
            team,
            figure: f,
            value,
        }) => format!("{team} {} {value}", figure(*f)),
    }
}

/// A figure of a table's row in words: `goals against`.
pub fn figure(figure: Figure) -> &'static str {
    match figure {
        Figure::Position => "position",
        Figure::Played => "played",
        Figure::Won => "won",
        Figure::Drawn => "drawn",
        Figure::Lost => "lost",
        Figure::GoalsFor => "goals for",
        Figure::GoalsAgainst => "goals against",
        Figure::Points => "points",
    }
}

fn term(term: &Term) -> String {
    match term {
        Term::InRound(n, round) => format!("{n} in {round}"),
        Term::Arriving(n) => format!("{n} arriving"),
        Term::Entering(n) => format!("{n} entering"),
        Term::Fresh(n) => format!("{n} entering fresh"),
        Term::From(n, competition) => format!("{n} from {competition}"),
        Term::ByRanking(n) => format!("{n} by ranking"),
        Term::FairPlay(n) => format!("{n} fair play"),
        Term::Transferred(n) => format!("{n} transferred"),
    }
}

fn sum(terms: &[Term]) -> String {
    terms.iter().map(term).collect::<Vec<_>>().join(" + ")
}

/// Why a fact is not checked, in words.
fn reason(kind: FactKind, reason: &Reason) -> String {
    const NO_ROUNDS: &str = "the rule file describes no rounds";
    match reason {
        Reason::NoRounds { groups, count } if kind == FactKind::Teams => {
            format!("the {groups} groups hold {count} teams; {NO_ROUNDS}")
        }
        Reason::NoRounds { count, .. } => format!("the groups have {count} matches; {NO_ROUNDS}"),
        Reason::PartialResults(known) => {
            format!("the data has the results of {known} matches, not all of them")
        }
        Reason::IncompleteGroup { played, expected } => {
            format!("{played} of {expected} matches in the data")
        }
        Reason::NoFinal(Some(round)) => format!("the data has no result for the {round}"),
        Reason::NoFinal(None) => format!("{NO_ROUNDS}, so no final"),
        Reason::NoAllocation => "the rule file has no [allocation]".to_string(),
        Reason::NoBestPlaced => "the rule file has no [best_placed]".to_string(),
    }
}

/// How a value was computed, in words, where the fact says: `32 in Group stage + 16 in ...`.
fn how(fact: &Fact) -> Option<String> {
    match &fact.why {
        Why::Sum(terms) if terms.is_empty() && fact.kind == FactKind::Transfers => {
            Some("no round takes teams from it".to_string())
        }
        Why::Sum(terms) => Some(sum(terms)),
        Why::CountedFrom(None) => Some("every round".to_string()),
        Why::CountedFrom(Some(round)) => Some(format!("from {round} on, as the rules count")),
        Why::Rule(key) => Some(format!("the rules' {key}")),
        Why::Ahead { of, separation } => {
            Some(format!("ahead of {} {separation}", natural_list(of)))
        }
        Why::Tie(outcome) => Some(outcome.clone()),
        Why::SharedPlaces(sets) => Some(
            sets.iter()
                .map(|set| format!("{} share a place", natural_list(set)))
                .collect::<Vec<_>>()
                .join("; ")
                + ": level on every criterion, where the place decides nothing",
        ),
        Why::NotChecked(reason) => Some(self::reason(fact.kind, reason)),
        Why::Nothing
        | Why::QualifyingPlaces(_)
        | Why::Ranking { .. }
        | Why::Exceptions(_)
        | Why::LeavesOut(_)
        | Why::NotPublished(_) => None,
    }
}

/// The part of the competition the fact is about, by name.
fn part(fact: &Fact) -> &str {
    match &fact.subject.part {
        Some(Part::Group(name) | Part::Round(name) | Part::From(name)) => name,
        None => "",
    }
}

/// What the fact is, as its words start: `winner`, `First round teams` (the kind's label; a
/// group's size is named by the group).
fn name(fact: &Fact) -> String {
    match (fact.kind, &fact.subject.part) {
        (FactKind::GroupStage, Some(_)) => part(fact).to_string(),
        (kind, _) => kind.label().replace("{}", part(fact)),
    }
}

/// The fact in one sentence, as every check format prints it: `subject · detail`.
pub fn sentence(fact: &Fact) -> String {
    format!("{} · {}", subject(fact), detail(fact))
}

/// The fact in words, after its subject: `winner: expected Genoa; computed Cesena`.
pub fn detail(fact: &Fact) -> String {
    let name = name(fact);
    let recorded = value(fact.recorded.as_ref());
    let computed = value(fact.computed.as_ref());
    let how = how(fact).unwrap_or_default();
    let ok = fact.verdict == Verdict::Confirmed;
    match fact.kind {
        FactKind::QualificationTie => {
            let places = match fact.why {
                Why::QualifyingPlaces(n) => n,
                _ => 0,
            };
            format!(
                "{name}: {computed} are level on every criterion for {places} qualifying place(s); record the decision (drawing of lots, play-off) in the data"
            )
        }
        FactKind::UnusedDecision => match &fact.why {
            Why::LeavesOut(teams) => format!(
                "{name} ({recorded}) covers only part of a tie: it leaves out {}, so it cannot order it",
                joined(teams, ", ")
            ),
            _ => format!("{name} ({recorded}) was not needed under these rules"),
        },
        FactKind::GroupStage => match &fact.computed {
            None => {
                let groups = match &fact.recorded {
                    Some(Value::GroupSizes(sizes)) => sizes.len(),
                    _ => 0,
                };
                format!(
                    "{name}: the data has {groups} groups, but the rules' rounds have no group stage"
                )
            }
            Some(Value::Groups { groups, size }) if ok => {
                format!(
                    "{name}: {computed} ({} teams), as the rules say",
                    groups * size
                )
            }
            Some(_) => format!("{name}: the rules say {computed}; the data has {recorded}"),
        },
        FactKind::Schedule => match &fact.computed {
            Some(Value::Rounds(rounds)) if ok => {
                format!("{name}: {} rounds, as the rules' rounds", rounds.len())
            }
            _ => format!("{name}: expected {recorded}; the rules' rounds are {computed}"),
        },
        FactKind::Entrants if ok => format!("{name}: {recorded} listed, as the rules' {how}"),
        FactKind::Entrants => {
            format!("{name}: {recorded} listed; the rules have {computed} ({how})")
        }
        FactKind::PublishedTable => published_table(fact, &name),
        FactKind::RankingOrder => ranking(fact, &name),
        FactKind::PlacesPerRank => places_per_rank(fact, &name),
        FactKind::PlacesFromAssociations if ok => {
            format!("{name}: {how} = {computed}, the teams the rounds take fresh")
        }
        FactKind::PlacesFromAssociations => {
            format!("{name}: {how} = {computed}, but the rounds take {recorded} teams fresh")
        }
        _ => compared(fact, &name, &recorded, &computed, how),
    }
}

/// A recorded value against a computed one: `teams 48 (32 in Group stage + ...)`, `teams:
/// expected 47; computed 48 (...)`.
fn compared(fact: &Fact, name: &str, recorded: &str, computed: &str, how: String) -> String {
    let how_in_brackets = match fact.why {
        Why::Nothing => String::new(),
        _ => format!(" ({how})"),
    };
    match fact.verdict {
        Verdict::Confirmed | Verdict::Note => format!("{name} {recorded}{how_in_brackets}"),
        Verdict::Mismatch => {
            format!("{name}: expected {recorded}; computed {computed}{how_in_brackets}")
        }
        Verdict::Unresolved => match &fact.computed {
            Some(Value::Level(_)) => {
                format!("{name}: expected {recorded}; computed {computed} level on every criterion")
            }
            _ => format!("{name}: expected {recorded}; the final is {how}"),
        },
        Verdict::NotChecked if fact.kind == FactKind::Final => {
            format!("{name} {recorded} on aggregate: {how}")
        }
        Verdict::NotChecked => format!("{name} {recorded}: {how}"),
    }
}

/// A published table: confirmed with the figures it leaves out, one figure that differs
/// (`published table: Roma goals against 7, computed 6`), a position within a tie nothing
/// broke, or not checked.
fn published_table(fact: &Fact, name: &str) -> String {
    let recorded = value(fact.recorded.as_ref());
    let computed = || match &fact.computed {
        Some(Value::Figure { value, .. }) => value.to_string(),
        other => value(other.as_ref()),
    };
    match fact.verdict {
        Verdict::Confirmed | Verdict::Note => {
            let rows = match fact.recorded {
                Some(Value::Count(n)) => n as usize,
                _ => 0,
            };
            match &fact.why {
                Why::NotPublished(left_out) => format!(
                    "{name}: {recorded} teams, every published figure as computed (not published, so not checked: {})",
                    not_published(left_out, rows)
                ),
                _ => format!("{name}: {recorded} teams, every figure as computed"),
            }
        }
        Verdict::Mismatch => format!("{name}: {recorded}, computed {}", computed()),
        Verdict::Unresolved => {
            format!(
                "{name}: {recorded}; computed {} level on every criterion",
                computed()
            )
        }
        Verdict::NotChecked => format!(
            "{name} of {recorded} teams: {}",
            how(fact).unwrap_or_default()
        ),
    }
}

/// Figures a published table leaves out: `goals for and goals against; position of Roma`
/// (figures left out of every one of `rows` rows name no team).
fn not_published(left_out: &[(Figure, Vec<String>)], rows: usize) -> String {
    // Figures left out by the same teams go together, in the order a table prints them.
    let mut parts: Vec<(Vec<&str>, &[String])> = Vec::new();
    for (f, teams) in left_out {
        match parts.iter_mut().find(|(_, t)| *t == teams.as_slice()) {
            Some((figures, _)) => figures.push(figure(*f)),
            None => parts.push((vec![figure(*f)], teams)),
        }
    }
    parts
        .iter()
        .map(|(figures, teams)| match teams.len() == rows {
            true => natural_list(figures),
            false => format!("{} of {}", natural_list(figures), natural_list(teams)),
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// The ranking's order: confirmed, the first rank out of place, or the ties nothing broke.
fn ranking(fact: &Fact, name: &str) -> String {
    let (Some(Value::Ranks(published)), Some(Value::RankTiers(tiers))) =
        (&fact.recorded, &fact.computed)
    else {
        return name.to_string();
    };
    let (ranking, ordered) = match &fact.why {
        Why::Ranking { name, ordered } => (name.as_str(), ordered.as_slice()),
        _ => ("", &[][..]),
    };
    match fact.verdict {
        Verdict::Unresolved => {
            let level: Vec<String> = tiers
                .iter()
                .filter(|t| t.len() > 1)
                .map(|t| joined(t, ", "))
                .collect();
            format!(
                "{name}: equal coefficients at ranks {} and no recorded order covering them",
                level.join("; ")
            )
        }
        Verdict::Mismatch => {
            let computed = tiers.concat();
            match computed.iter().zip(published).find(|(a, b)| a != b) {
                Some((a, b)) => {
                    format!("{name}: rank {a} should be rank {b} by coefficient ({ranking})")
                }
                None => String::new(),
            }
        }
        _ => {
            let ordered = if ordered.is_empty() {
                String::new()
            } else {
                let ties: Vec<String> = ordered
                    .iter()
                    .map(|(ranks, by)| format!("{} by {by}", joined(ranks, ", ")))
                    .collect();
                format!(" (equal coefficients ordered {})", ties.join("; "))
            };
            format!(
                "{name}: {} entries in coefficient order{ordered}",
                tiers.iter().map(Vec::len).sum::<usize>()
            )
        }
    }
}

/// Places per rank: as the allocation gives them, the ranks no range covers, or the ranks whose
/// published places differ.
fn places_per_rank(fact: &Fact, name: &str) -> String {
    let (Some(Value::Places(published)), Some(Value::Places(allocated))) =
        (&fact.recorded, &fact.computed)
    else {
        return format!("{name}: {}", how(fact).unwrap_or_default());
    };
    let uncovered: Vec<String> = allocated
        .iter()
        .filter(|(_, p)| p.is_none())
        .map(|(r, _)| r.to_string())
        .collect();
    if !uncovered.is_empty() {
        return format!(
            "{name}: no allocation range covers ranks {}",
            uncovered.join(", ")
        );
    }
    if fact.verdict == Verdict::Confirmed {
        let exceptions = match fact.why {
            Why::Exceptions(n) => n,
            _ => 0,
        };
        return format!(
            "{name}: all {} ranks as the allocation rule gives them ({exceptions} exception(s))",
            allocated.len()
        );
    }
    let differs: Vec<String> = allocated
        .iter()
        .zip(published)
        .filter_map(
            |((rank, computed), (_, published))| match (published, computed) {
                (Some(p), Some(q)) if p != q => {
                    Some(format!("rank {rank}: published {p}, rule {q}"))
                }
                _ => None,
            },
        )
        .collect();
    format!("{name} differ: {}", differs.join("; "))
}
