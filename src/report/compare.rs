//! `standings compare` as text: both rule sets named, every group's order under each side by
//! side, the teams that moved and the qualifiers, then how many groups change.

use std::fmt::Write;
use std::path::Path;

use crate::compare::{CompetitionComparison, GroupComparison};
use crate::compute::standings::{GroupTable, Qualification};
use crate::explain;
use crate::model::{Competition, TeamId};
use crate::report::escape::plain;
use crate::report::table::place;
use crate::rules::RuleSet;

/// The report: the rule sets (their files and rules), then each competition's comparison.
pub fn render(
    rules: [(&Path, &RuleSet); 2],
    competitions: &[(&Competition, CompetitionComparison<'_>)],
) -> String {
    let mut out = String::new();
    let label = |p: &Path| {
        p.file_stem().map_or_else(
            || p.display().to_string(),
            |s| s.to_string_lossy().into_owned(),
        )
    };
    let labels = [label(rules[0].0), label(rules[1].0)];
    let _ = writeln!(out, "A: {} ({})", rules[0].0.display(), rules[0].1.name);
    let _ = writeln!(out, "B: {} ({})", rules[1].0.display(), rules[1].1.name);
    if let (Some(a), Some(b)) = (&rules[0].1.groups, &rules[1].1.groups)
        && a.advance != b.advance
    {
        let _ = writeln!(
            out,
            "note: A advances {} per group and B {}, so their qualifiers differ in number",
            a.advance, b.advance
        );
    }
    let (mut groups, mut reordered, mut requalified, mut incomparable) = (0, 0, 0, 0);
    let mut best_changed = 0;
    for (c, comparison) in competitions {
        let name = plain(&c.name);
        match comparison {
            CompetitionComparison::NoGroups => {
                let _ = writeln!(out, "\n{name}: no groups to compare");
            }
            CompetitionComparison::NoGroupStage(missing) => {
                let _ = writeln!(
                    out,
                    "\n{name}: rule set {} has no group stage ([points], [tiebreak], [qualification]); nothing to compare",
                    ["A", "B"][*missing]
                );
            }
            CompetitionComparison::Groups(comparisons) => {
                for cmp in comparisons {
                    groups += 1;
                    let _ = writeln!(out, "\n{name} · {}", plain(&cmp.group.name));
                    out += &side_by_side(cmp, &labels);
                    if !cmp.comparable() {
                        incomparable += 1;
                        continue;
                    }
                    if !cmp.moved().is_empty() {
                        reordered += 1;
                    }
                    if cmp.qualifiers_change() {
                        requalified += 1;
                    }
                }
                if let Some(sides) = crate::compare::best_placed(comparisons) {
                    let names = |side: &crate::compare::BestPlaced| match side {
                        crate::compare::BestPlaced::Teams(teams) => plain(&teams.join(", ")),
                        crate::compare::BestPlaced::NotRanked => {
                            "no ranking across groups (no [best_placed])".to_string()
                        }
                        crate::compare::BestPlaced::Undecided => {
                            "undecided (a tie nothing broke)".to_string()
                        }
                        crate::compare::BestPlaced::NotComputed => {
                            "not computed (a criterion without its data)".to_string()
                        }
                    };
                    let _ = writeln!(out, "\n{name} · best-placed teams across groups");
                    let _ = writeln!(out, "  A: {}", names(&sides[0]));
                    let _ = writeln!(out, "  B: {}", names(&sides[1]));
                    if sides[0] == sides[1] {
                        out += "  unchanged\n";
                    } else {
                        out += "  changed\n";
                        best_changed += 1;
                    }
                }
            }
        }
    }
    let _ = writeln!(
        out,
        "\n{requalified} of {groups} groups change a qualifier; {reordered} change their order{}{}",
        if incomparable > 0 {
            format!("; {incomparable} could not be computed under both rule sets")
        } else {
            String::new()
        },
        if best_changed > 0 {
            format!("; the best-placed teams across groups change in {best_changed} competition(s)")
        } else {
            String::new()
        }
    );
    out
}

/// One group's orders side by side, what moved, and the qualifiers.
fn side_by_side(cmp: &GroupComparison<'_>, labels: &[String; 2]) -> String {
    let mut out = String::new();
    let group = cmp.group;
    let name = |t: TeamId| plain(group.team_name(t));
    let column = |i: usize| -> Vec<String> {
        match &cmp.tables[i] {
            Ok(t) => t
                .rows
                .iter()
                .map(|r| format!("{:>3}  {}", place(r), name(r.team)))
                .collect(),
            Err(_) => vec!["  -  (not computed)".to_string()],
        }
    };
    let (a, b) = (column(0), column(1));
    let width = a
        .iter()
        .map(|s| s.chars().count())
        .chain([labels[0].chars().count() + 5])
        .max()
        .unwrap_or(0);
    let _ = writeln!(
        out,
        "  {:<width$}    B: {}",
        format!("A: {}", labels[0]),
        labels[1]
    );
    for i in 0..a.len().max(b.len()) {
        let left = a.get(i).map_or("", String::as_str);
        let right = b.get(i).map_or("", String::as_str);
        let line = format!("  {left:<width$}    {right}");
        let _ = writeln!(out, "{}", line.trim_end());
    }
    for (i, t) in cmp.tables.iter().enumerate() {
        if let Err(message) = t {
            let _ = writeln!(out, "  {} cannot rank this group: {message}", ["A", "B"][i]);
        }
    }
    if !cmp.comparable() {
        return out;
    }
    let moved = cmp.moved();
    if moved.is_empty() {
        out += "  same order\n";
    } else {
        let moves: Vec<String> = moved
            .iter()
            .map(|(t, from, to)| format!("{} {from} → {to}", name(*t)))
            .collect();
        let _ = writeln!(out, "  moved: {}", moves.join(", "));
    }
    if let [Ok(ta), Ok(tb)] = &cmp.tables {
        let show = |t: &GroupTable<'_>| match &t.qualification {
            Qualification::Decided(teams) => plain(&explain::and_list(t, teams)),
            Qualification::Undecided { .. } => "undecided".to_string(),
        };
        if cmp.qualifiers_change() {
            let _ = writeln!(out, "  qualifiers change: {} → {}", show(ta), show(tb));
        } else {
            let _ = writeln!(out, "  qualifiers unchanged: {}", show(ta));
        }
    }
    out
}
