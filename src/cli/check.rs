//! `standings check`: compare computed facts with recorded ones, one line per fact, as text, as
//! GitHub Actions annotations, or as a JUnit XML report.

use std::fmt::Write;

use super::{CliError, Inputs, inputs};
use crate::check::{self, Finding, Verdict};
use crate::standings;

/// How `check` reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum CheckFormat {
    /// One line per fact, then a summary.
    Text,
    /// The text lines, plus a workflow annotation (`::error file=...,line=N,col=M::...`) at the
    /// line of every fact that fails, so a GitHub Actions run marks it in the diff.
    Github,
    /// A JUnit XML report: a test case per fact, failures and skipped (not checked) marked.
    Junit,
}

/// Prints the findings and a summary; exit 0 when every fact holds, 1 otherwise. With
/// `strict`, a fact that could not be checked fails too.
pub fn run(inputs: &Inputs, strict: bool, format: CheckFormat) -> Result<u8, CliError> {
    let loaded = inputs::load(inputs)?;
    let mut findings: Vec<Finding> = Vec::new();
    let mut groups = 0;
    for l in &loaded {
        let computed = standings::compute(&l.competition, &l.rules)?;
        groups += computed.groups.len();
        findings.extend(check::check(&computed));
    }
    let count = |v: Verdict| findings.iter().filter(|f| f.verdict == v).count();
    let (confirmed, mismatched, unresolved, not_checked) = (
        count(Verdict::Confirmed),
        count(Verdict::Mismatch),
        count(Verdict::Unresolved),
        count(Verdict::NotChecked),
    );
    let summary = format!(
        "{} file(s), {groups} group(s), {} fact(s): {confirmed} confirmed, {mismatched} mismatched, {unresolved} unresolved, {not_checked} not checked",
        loaded.len(),
        confirmed + mismatched + unresolved + not_checked
    );
    let fails = |f: &Finding| f.verdict.fails() || (strict && f.verdict == Verdict::NotChecked);
    let mut out = String::new();
    match format {
        CheckFormat::Text | CheckFormat::Github => {
            let colour = crate::render::style::enabled();
            for f in &findings {
                let _ = writeln!(out, "{}", f.line(colour));
            }
            if format == CheckFormat::Github {
                for f in findings.iter().filter(|f| fails(f)) {
                    let _ = writeln!(out, "{}", annotation(f));
                }
            }
            let _ = writeln!(out, "{summary}");
        }
        CheckFormat::Junit => out = junit(&findings, strict),
    }
    super::output(&out)?;
    Ok(if findings.iter().any(fails) { 1 } else { 0 })
}

/// Escapes an annotation's message (GitHub's workflow-command rules).
fn escape_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes an annotation's property value.
fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

/// `::error file=data/x.toml,line=12,col=1,title=MISMATCH::message`
fn annotation(f: &Finding) -> String {
    let place = match f.line {
        Some(line) => format!(",line={line},col=1"),
        None => String::new(),
    };
    format!(
        "::error file={}{place},title={}::{}",
        escape_property(&f.path.display().to_string()),
        escape_property(f.verdict.label()),
        escape_data(&format!("{} · {}", f.subject, f.detail))
    )
}

fn xml(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// A JUnit XML report: one test suite per data file, one test case per fact.
fn junit(findings: &[Finding], strict: bool) -> String {
    let mut files: Vec<&std::path::Path> = Vec::new();
    for f in findings {
        if !files.contains(&f.path.as_path()) {
            files.push(&f.path);
        }
    }
    let facts: Vec<&Finding> = findings
        .iter()
        .filter(|f| f.verdict != Verdict::Note)
        .collect();
    let failed = |f: &Finding| f.verdict.fails() || (strict && f.verdict == Verdict::NotChecked);
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let _ = writeln!(
        out,
        "<testsuites name=\"standings check\" tests=\"{}\" failures=\"{}\">",
        facts.len(),
        facts.iter().filter(|f| failed(f)).count()
    );
    for file in files {
        let cases: Vec<&&Finding> = facts.iter().filter(|f| f.path == file).collect();
        let _ = writeln!(
            out,
            "  <testsuite name=\"{}\" tests=\"{}\" failures=\"{}\" skipped=\"{}\">",
            xml(&file.display().to_string()),
            cases.len(),
            cases.iter().filter(|f| failed(f)).count(),
            cases
                .iter()
                .filter(|f| f.verdict == Verdict::NotChecked && !strict)
                .count()
        );
        for f in cases {
            let name = xml(&format!("{} · {}", f.subject, f.detail));
            let line = f.line.map_or(String::new(), |l| format!(" line=\"{l}\""));
            let classname = xml(&file.display().to_string());
            match (f.verdict, failed(f)) {
                (_, true) => {
                    let _ = writeln!(
                        out,
                        "    <testcase name=\"{name}\" classname=\"{classname}\" file=\"{classname}\"{line}><failure message=\"{}\" type=\"{}\"/></testcase>",
                        xml(&f.detail),
                        f.verdict.label()
                    );
                }
                (Verdict::NotChecked, false) => {
                    let _ = writeln!(
                        out,
                        "    <testcase name=\"{name}\" classname=\"{classname}\" file=\"{classname}\"{line}><skipped message=\"not checked\"/></testcase>"
                    );
                }
                _ => {
                    let _ = writeln!(
                        out,
                        "    <testcase name=\"{name}\" classname=\"{classname}\" file=\"{classname}\"{line}/>"
                    );
                }
            }
        }
        out.push_str("  </testsuite>\n");
    }
    out.push_str("</testsuites>\n");
    out
}
