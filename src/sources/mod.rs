//! Readers: each turns one input format into a [`Competition`](crate::model::Competition).
//!
//! - [`data`]: the project's own TOML data files (`docs/data.md`);
//! - [`document`]: the plain-text season summaries the records are published as
//!   (`docs/documents.md`).

pub mod data;
pub mod match_text;
