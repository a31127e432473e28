//! `standings compare`: every group's order under two rule sets, side by side.

use std::fmt::Write;
use std::path::{Path, PathBuf};

use super::{CliError, inputs};
use crate::compare::{self, GroupComparison};
use crate::explain;
use crate::render::place;
use crate::rules::RuleSet;
use crate::sources::{InputFormat, LoadOptions, RecordChoice};
use crate::standings::Qualification;

/// Prints the comparison and a summary; exit 0 whatever changes.
pub fn run(
    data: &[PathBuf],
    input_format: Option<InputFormat>,
    rules: &[PathBuf],
    record: RecordChoice,
) -> Result<u8, CliError> {
    let [a_path, b_path] = rules else {
        return Err(CliError::Usage(format!(
            "compare takes exactly two rule files (--rules A.toml --rules B.toml); got {}",
            rules.len()
        )));
    };
    let sets = [RuleSet::load(a_path)?, RuleSet::load(b_path)?];
    // Each data file is read under its own rules, so that it is validated as written; a
    // source that names none is read under A.
    let options = LoadOptions {
        format: input_format,
        rules: None,
        rules_for_sources: Some(a_path),
        record,
    };
    let loaded = inputs::load_all(data, &options)?;
    let mut out = String::new();
    let label = |p: &Path| {
        p.file_stem().map_or_else(
            || p.display().to_string(),
            |s| s.to_string_lossy().into_owned(),
        )
    };
    let labels = [label(a_path), label(b_path)];
    let _ = writeln!(out, "A: {} ({})", a_path.display(), sets[0].name);
    let _ = writeln!(out, "B: {} ({})", b_path.display(), sets[1].name);
    if let (Some(a), Some(b)) = (&sets[0].groups, &sets[1].groups)
        && a.advance != b.advance
    {
        let _ = writeln!(
            out,
            "note: A advances {} per group and B {}, so their qualifiers differ in number",
            a.advance, b.advance
        );
    }
    let (mut groups, mut reordered, mut requalified, mut incomparable) = (0, 0, 0, 0);
    for l in &loaded {
        let c = &l.competition;
        if c.groups.is_empty() {
            let _ = writeln!(out, "\n{}: no groups to compare", c.name);
            continue;
        }
        let (Some(a), Some(b)) = (&sets[0].groups, &sets[1].groups) else {
            let missing = if sets[0].groups.is_none() { "A" } else { "B" };
            let _ = writeln!(
                out,
                "\n{}: rule set {missing} has no group stage ([points], [tiebreak], [qualification]); nothing to compare",
                c.name
            );
            continue;
        };
        for cmp in compare::compare(c, [a, b]) {
            groups += 1;
            let _ = writeln!(out, "\n{} · {}", c.name, cmp.group.name);
            out += &side_by_side(&cmp, &labels);
            if !cmp.comparable() {
                incomparable += 1;
                continue;
            }
            let moved = cmp.moved();
            if !moved.is_empty() {
                reordered += 1;
            }
            if cmp.qualifiers_change() {
                requalified += 1;
            }
        }
    }
    let _ = writeln!(
        out,
        "\n{requalified} of {groups} groups change a qualifier; {reordered} change their order{}",
        if incomparable > 0 {
            format!("; {incomparable} could not be computed under both rule sets")
        } else {
            String::new()
        }
    );
    super::output(&out)?;
    Ok(0)
}

fn side_by_side(cmp: &GroupComparison<'_>, labels: &[String; 2]) -> String {
    let mut out = String::new();
    let group = cmp.group;
    let column = |i: usize| -> Vec<String> {
        match &cmp.tables[i] {
            Ok(t) => t
                .rows
                .iter()
                .map(|r| format!("{:>3}  {}", place(r), group.team_name(r.team)))
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
            .map(|(t, from, to)| format!("{} {from} → {to}", group.team_name(*t)))
            .collect();
        let _ = writeln!(out, "  moved: {}", moves.join(", "));
    }
    if let [Ok(ta), Ok(tb)] = &cmp.tables {
        let show = |t: &crate::standings::GroupTable<'_>| match &t.qualification {
            Qualification::Decided(teams) => explain::and_list(t, teams),
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
