//! `standings tie` and `standings rounds`: knockout ties and the competition's rounds.

use super::{CliError, Inputs, inputs};
use ::standings::compute::knockout;
use ::standings::report;

/// Prints every tie with its legs and who went through, and why.
pub fn ties(inputs: &Inputs) -> Result<u8, CliError> {
    let loaded = inputs::load(inputs)?;
    let decided: Vec<_> = loaded
        .iter()
        .map(|l| {
            let c = &l.competition;
            let outcomes = c
                .ties
                .iter()
                .map(|t| knockout::decide(t, &l.rules.knockout))
                .collect();
            (c, outcomes)
        })
        .collect();
    super::output(&report::knockout::ties(&decided))?;
    Ok(0)
}

/// Prints each round's teams and matches as the rules derive them, and the places a ranking
/// allocates.
pub fn rounds(inputs: &Inputs) -> Result<u8, CliError> {
    let loaded = inputs::load(inputs)?;
    let competitions: Vec<_> = loaded.iter().map(|l| (&l.competition, &l.rules)).collect();
    super::output(&report::knockout::rounds(&competitions))?;
    Ok(0)
}
