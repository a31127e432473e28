//! `standings check`: compare computed facts with recorded ones, one line per fact.

use super::{CliError, Inputs, inputs};
use crate::check::{self, Verdict};
use crate::standings;

/// Prints one line per fact and a summary; exit 0 when every fact holds, 1 otherwise.
/// With `strict`, a fact that could not be checked fails too.
pub fn run(inputs: &Inputs, strict: bool) -> Result<u8, CliError> {
    let loaded = inputs::load(inputs)?;
    let mut counts = [0usize; 4];
    let mut groups = 0;
    for l in &loaded {
        let computed = standings::compute(&l.competition, &l.rules)?;
        groups += computed.groups.len();
        for finding in check::check(&computed) {
            println!("{finding}");
            match finding.verdict {
                Verdict::Confirmed => counts[0] += 1,
                Verdict::Mismatch => counts[1] += 1,
                Verdict::Unresolved => counts[2] += 1,
                Verdict::NotChecked => counts[3] += 1,
                Verdict::Note => {}
            }
        }
    }
    let [confirmed, mismatched, unresolved, not_checked] = counts;
    println!(
        "{} file(s), {groups} group(s), {} fact(s): {confirmed} confirmed, {mismatched} mismatched, {unresolved} unresolved, {not_checked} not checked",
        loaded.len(),
        confirmed + mismatched + unresolved + not_checked
    );
    let failed = mismatched + unresolved + if strict { not_checked } else { 0 };
    Ok(if failed > 0 { 1 } else { 0 })
}
