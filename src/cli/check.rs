//! `standings check`: compare computed facts with recorded ones, and report them as text, as
//! GitHub Actions annotations, or as a JUnit XML report (`::standings::report::check`).

use super::{CliError, Inputs, inputs};
use ::standings::check::Outcome;
use ::standings::compute::standings;
use ::standings::report::{self, check::Format};

/// Checks every input, prints the report in `format`, and returns the outcome's exit code: 0
/// when every fact holds, 1 otherwise (with `strict`, a fact that could not be checked fails).
/// Bad input stops the run (exit 2) and is reported on standard error; a format a machine
/// reads on standard output (GitHub annotations, JUnit) reports it there too.
pub fn run(inputs: &Inputs, strict: bool, format: &Format) -> Result<u8, CliError> {
    let checked = || -> Result<Outcome, CliError> {
        let loaded = inputs::load(inputs)?;
        let mut outcome = Outcome::new(strict);
        for l in &loaded {
            outcome.add(&standings::compute(&l.competition, &l.rules)?);
        }
        Ok(outcome)
    };
    match checked() {
        Ok(outcome) => {
            super::output(&(format.render)(&outcome, report::style::enabled()))?;
            Ok(outcome.exit_code())
        }
        Err(e) => {
            let diagnostics = e.into_diagnostics();
            if let Some(errors) = format.errors {
                super::output(&errors(&diagnostics))?;
            }
            Err(CliError::Input(diagnostics))
        }
    }
}
