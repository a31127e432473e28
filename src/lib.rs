//! # standings
//!
//! Recomputes football group tables from match results under rules written in TOML, and checks
//! the outcome against the published record.
//!
//! One path from file to verdict, one module per stage: [`read`] turns each input format into
//! a competition without looking at any rules; [`resolve`] picks the rule file ([`read::record`] the
//! record a source borrows); [`validate`] checks the data against the rules, collecting every problem;
//! [`compute`] is the engine ([`compute::records`] folds results, [`compute::tiebreak`] orders
//! teams by the rules' chain of [`criteria`], [`compute::standings`] puts them together per
//! group) and [`check`] compares the result with the recorded facts; [`report`] holds every
//! output. [`as_of`] cuts a competition at a round or a day, for the table as it stood then.
//! [`rules`] reads rule files ([`rules::library`]: every bundled one, compiled in and chosen by
//! name), [`diagnostic`] reports mistakes with stable codes.
//! Criterion values are exact [`quantity::Quantity`]s: goal average's 5/3 is compared as 5/3.
//!
//! A complete program: load a data file and the rules it names, compute every table, check
//! the recorded facts, and report them and the tables as text.
//!
//! ```
//! use std::path::Path;
//! use standings::check::{Outcome, Verdict};
//! use standings::report;
//! use standings::{compute, read};
//!
//! // Read, resolve and validate: the data file names its rule file; `Some(path)` would swap
//! // in another.
//! let loaded = read::load(Path::new("data/coppa-italia-2003-04.toml"), None, None)?;
//!
//! // Compute every group's table under those rules.
//! let tables = compute::standings::compute(&loaded.competition, &loaded.rules)?;
//! let group_3 = &tables.groups[2];
//! assert_eq!(group_3.name(group_3.rows[0].team), "Palermo");
//!
//! // Check the facts the published record states.
//! let mut outcome = Outcome::new(false);
//! outcome.add(&tables);
//! assert!(outcome.passed());
//! assert!(outcome.facts.iter().any(|f| f.verdict == Verdict::Confirmed));
//!
//! // Report: the facts in words, and the tables in any of the output formats.
//! let line = report::check::text::line(&outcome.facts[0], false);
//! assert!(line.starts_with("ok "));
//! let options = report::table::Options::default();
//! let text = report::table::text::render(std::slice::from_ref(&tables), &options);
//! assert!(text.contains("2003–04 Coppa Italia · Group 8"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! Errors are [`diagnostic::Diagnostics`]: each with a code, the file, line and column, and what
//! was expected.

pub mod as_of;
pub mod check;
pub mod compare;
pub mod compute;
pub mod criteria;
pub mod diagnostic;
pub mod explain;
pub mod model;
pub mod quantity;
pub mod read;
pub mod report;
pub mod resolve;
pub mod rules;
pub mod runin;
pub mod scenarios;
pub mod simulate;
pub mod validate;
