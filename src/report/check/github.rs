//! The text lines, plus a GitHub Actions workflow annotation
//! (`::error file=...,line=N,col=1,title=...::...`) at the line of every fact that fails, so a
//! run marks it in the diff. Every field of an annotation is escaped.

use std::fmt::Write;

use super::Format;
use crate::check::{Fact, Outcome};
use crate::diagnostic::Diagnostics;
use crate::report::escape::{github_data, github_property};

/// `--format github`.
pub const FORMAT: Format = Format {
    name: "github",
    help: "The text lines, plus a workflow annotation (`::error file=...,line=N,col=M::...`) at the line of every fact that fails, so a GitHub Actions run marks it in the diff",
    render,
    errors: Some(errors),
};

/// An annotation per diagnostic: `::error file=data/x.toml,line=6,col=13,title=E206::message`
/// at the mistake's place (`::error title=E805::message` for one about no file).
pub fn errors(diagnostics: &Diagnostics) -> String {
    let mut out = String::new();
    for d in diagnostics.iter() {
        let place = d.location().map_or(String::new(), |at| {
            format!(
                "file={},line={},col={},",
                github_property(&at.path.display().to_string()),
                at.line,
                at.column
            )
        });
        let _ = writeln!(
            out,
            "::error {place}title={}::{}",
            github_property(d.code.as_str()),
            github_data(&d.message)
        );
    }
    if diagnostics.omitted() > 0 {
        let _ = writeln!(
            out,
            "::error title=standings::{} more error(s) not shown",
            diagnostics.omitted()
        );
    }
    out
}

/// `::error file=data/x.toml,line=12,col=1,title=MISMATCH::message`
pub fn annotation(fact: &Fact) -> String {
    let place = match fact.line {
        Some(line) => format!(",line={line},col=1"),
        None => String::new(),
    };
    format!(
        "::error file={}{place},title={}::{}",
        github_property(&fact.path.display().to_string()),
        github_property(super::label(fact.verdict)),
        github_data(&super::sentence(fact))
    )
}

/// Every fact's line, an annotation per failing fact, then the summary.
pub fn render(outcome: &Outcome, colour: bool) -> String {
    let mut out = String::new();
    for fact in &outcome.facts {
        let _ = writeln!(out, "{}", super::text::line(fact, colour));
    }
    for fact in outcome.failures() {
        let _ = writeln!(out, "{}", annotation(fact));
    }
    if outcome.nothing_checked() {
        let message = github_data(super::facts::NOTHING_CHECKED);
        let _ = writeln!(out, "::error title=standings::{message}");
    }
    let _ = writeln!(out, "{}", super::summary(outcome));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::{FactKind, Subject, Value, Verdict, Why};

    fn fact(line: Option<usize>) -> Fact {
        Fact {
            kind: FactKind::Teams,
            subject: Subject {
                competition: "Cup, 2003: A".into(),
                part: None,
            },
            recorded: Some(Value::Count(48)),
            computed: Some(Value::Count(47)),
            why: Why::Nothing,
            verdict: Verdict::Mismatch,
            path: "data/cup.toml".into(),
            line,
        }
    }

    #[test]
    fn bad_input_is_an_annotation_with_every_field_escaped() {
        // A line break in a message is already shown as `\n` (diagnostics never hold one);
        // `%` and the file name's `,` and `:` are escaped for the annotation.
        use crate::diagnostic::{Code, Diagnostic, Source};
        let source = Source::new("data/a,b:c.toml", "x = 1\nteams = 2\n");
        let located = source.error(Code::WrongValue, 10..11, "50% wrong\n::error file=x::y");
        let mut all = Diagnostics::new();
        all.push(located);
        all.push(Diagnostic::new(Code::CannotWrite, "cannot write"));
        assert_eq!(
            errors(&all),
            "::error file=data/a%2Cb%3Ac.toml,line=2,col=5,title=E007::50%25 wrong\\n::error file=x::y\n\
             ::error title=E805::cannot write\n"
        );
    }

    #[test]
    fn an_annotation_has_a_line_only_when_the_fact_has_one() {
        let with = annotation(&fact(Some(12)));
        let without = annotation(&fact(None));
        assert!(
            with.starts_with("::error file=data/cup.toml,line=12,col=1,title=MISMATCH::"),
            "{with}"
        );
        assert!(
            without.starts_with("::error file=data/cup.toml,title=MISMATCH::"),
            "{without}"
        );
        // The message's own commas and colons are data, not properties: left as they are.
        assert!(without.contains("::Cup, 2003: A · "), "{without}");
    }
}
