//! The `compute` stage: the engine. [`records::fold`] folds results into per-team records,
//! [`tiebreak::order`] orders a group by the rules' chain of criteria (read from
//! [`crate::criteria`]), [`standings`] puts the two together per group and names who advances;
//! [`knockout`] decides ties over legs and [`ranking`] orders a coefficient ranking and
//! allocates its places. Nothing here reads a file or prints.

pub mod best_placed;
pub mod history;
pub mod knockout;
pub mod minitable;
pub mod ranking;
pub mod records;
pub mod standings;
pub mod tiebreak;
