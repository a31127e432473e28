//! A JUnit XML report, written by `quick-junit`: one test suite per data file, one test case per
//! fact (notes are not facts), a failure for each fact that fails, skipped for a fact that could
//! not be checked (unless strict). The writer escapes markup; control characters in names, and
//! the characters XML cannot hold, are shown escaped (`\n`, `\u{ffff}`), so the report is
//! well-formed and every element stays on its line.

use std::path::Path;

use quick_junit::{NonSuccessKind, Report, TestCase, TestCaseStatus, TestSuite};

use super::Format;
use crate::check::{Outcome, Verdict};
use crate::diagnostic::Diagnostics;
use crate::report::escape::xml;

/// `--format junit`.
pub const FORMAT: Format = Format {
    name: "junit",
    help: "A JUnit XML report: a test case per fact, failures and skipped (not checked) marked",
    render: |outcome, _| render(outcome),
    errors: Some(errors),
};

/// Bad input as a JUnit report: a suite per file with mistakes (`standings` for mistakes about
/// no file), a test case per diagnostic with an `error` (not a failure: nothing was checked),
/// its code as the type, and the file and line.
pub fn errors(diagnostics: &Diagnostics) -> String {
    let mut report = Report::new("standings check");
    let mut suites: Vec<TestSuite> = Vec::new();
    for d in diagnostics.iter() {
        let at = d.location();
        let file = at.as_ref().map_or("standings".to_string(), |at| {
            xml(&at.path.display().to_string())
        });
        let message = xml(&d.message);
        let mut status = TestCaseStatus::non_success(NonSuccessKind::Error);
        status
            .set_message(message.as_str())
            .set_type(d.code.as_str());
        let mut case = TestCase::new(format!("{}: {message}", d.code), status);
        case.set_classname(file.as_str());
        if let Some(at) = &at {
            case.extra.insert("file".into(), file.as_str().into());
            case.extra.insert("line".into(), at.line.to_string().into());
        }
        match suites.iter_mut().find(|s| s.name.as_str() == file) {
            Some(suite) => {
                suite.add_test_case(case);
            }
            None => {
                let mut suite = TestSuite::new(file.as_str());
                suite.add_test_case(case);
                suites.push(suite);
            }
        };
    }
    report.add_test_suites(suites);
    report
        .to_string()
        .expect("serialising a report to memory cannot fail")
}

/// The report as XML.
pub fn render(outcome: &Outcome) -> String {
    let mut files: Vec<&Path> = Vec::new();
    for fact in &outcome.facts {
        if !files.contains(&fact.path.as_path()) {
            files.push(&fact.path);
        }
    }
    let mut report = Report::new("standings check");
    for file in files {
        let file_name = xml(&file.display().to_string());
        let mut suite = TestSuite::new(file_name.as_str());
        for fact in outcome
            .facts
            .iter()
            .filter(|f| f.path == file && f.verdict != Verdict::Note)
        {
            let detail = xml(&super::detail(fact));
            let status = if outcome.fails(fact.verdict) {
                let mut status = TestCaseStatus::non_success(NonSuccessKind::Failure);
                status
                    .set_message(detail.as_str())
                    .set_type(super::label(fact.verdict));
                status
            } else if outcome.skipped(fact.verdict) {
                let mut status = TestCaseStatus::skipped();
                status.set_message("not checked");
                status
            } else {
                TestCaseStatus::success()
            };
            let name = format!("{} · {detail}", xml(&super::subject(fact)));
            let mut case = TestCase::new(name, status);
            case.set_classname(file_name.as_str());
            case.extra.insert("file".into(), file_name.as_str().into());
            if let Some(line) = fact.line {
                case.extra.insert("line".into(), line.to_string().into());
            }
            suite.add_test_case(case);
        }
        report.add_test_suite(suite);
    }
    if outcome.nothing_checked() {
        let mut status = TestCaseStatus::non_success(NonSuccessKind::Failure);
        status.set_message(super::facts::NOTHING_CHECKED);
        let mut suite = TestSuite::new("standings");
        suite.add_test_case(TestCase::new("recorded facts", status));
        report.add_test_suite(suite);
    }
    report
        .to_string()
        .expect("serialising a report to memory cannot fail")
}
