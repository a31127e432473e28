//! # standings
//!
//! Recomputes football group tables from match results under rules written in TOML, and checks
//! the outcome against the published record.
//!
//! The engine is small and general: [`records`] folds matches into per-team records,
//! [`tiebreak`] orders teams by the rule file's chain of criteria, [`standings`] puts the two
//! together per group, and [`check`] compares the result with the facts a data file records.
//! Everything season-specific lives in files: [`rules`] reads a rule file, [`sources`] reads competitions (the project's data files and
//! the source documents' text).
//!
//! ```
//! use std::path::Path;
//! let loaded = standings::sources::data::load(Path::new("data/coppa-italia-2003-04.toml"), None).unwrap();
//! let tables = standings::standings::compute(&loaded.competition, &loaded.rules).unwrap();
//! let group_3 = &tables.groups[2];
//! assert_eq!(group_3.name(group_3.rows[0].team), "Palermo");
//! ```

pub mod check;
pub mod cli;
pub mod compare;
pub mod diagnostic;
pub mod explain;
pub mod knockout;
pub mod model;
pub mod ranking;
pub mod records;
pub mod render;
pub mod rules;
pub mod sources;
pub mod standings;
pub mod tiebreak;
