//! The pass/fail policy: which verdicts fail a run, what `--strict` changes, and the counts
//! the summary reports.

use super::{Fact, Verdict, check};
use crate::compute::standings::Standings;

/// The facts of a whole run (every competition checked), and the policy that judges them.
#[derive(Debug, Clone, Default)]
pub struct Outcome {
    /// Every fact, in the order checked.
    pub facts: Vec<Fact>,
    /// Competitions (data files) checked.
    pub files: usize,
    /// Groups checked.
    pub groups: usize,
    /// Whether a fact that could not be checked fails the run.
    pub strict: bool,
}

/// What the summary line counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Summary {
    /// Competitions (data files) checked.
    pub files: usize,
    /// Groups checked.
    pub groups: usize,
    /// Facts confirmed.
    pub confirmed: usize,
    /// Facts that differ.
    pub mismatched: usize,
    /// Facts left unresolved by a tie.
    pub unresolved: usize,
    /// Facts that could not be checked.
    pub not_checked: usize,
}

impl Summary {
    /// Facts with a verdict (notes are not facts).
    pub fn facts(&self) -> usize {
        self.confirmed + self.mismatched + self.unresolved + self.not_checked
    }
}

impl Outcome {
    /// An empty run; `strict` makes facts that could not be checked fail.
    pub fn new(strict: bool) -> Outcome {
        Outcome {
            strict,
            ..Outcome::default()
        }
    }

    /// Checks one competition's standings and adds its facts.
    pub fn add(&mut self, standings: &Standings<'_>) {
        self.files += 1;
        self.groups += standings.groups.len();
        self.facts.extend(check(standings));
    }

    /// Whether a verdict fails the run: a mismatch or an unresolved tie always does, a fact
    /// that could not be checked only when strict.
    pub fn fails(&self, verdict: Verdict) -> bool {
        match verdict {
            Verdict::Mismatch | Verdict::Unresolved => true,
            Verdict::NotChecked => self.strict,
            Verdict::Confirmed | Verdict::Note => false,
        }
    }

    /// Whether a verdict is a skipped check: not checked, and not failing the run.
    pub fn skipped(&self, verdict: Verdict) -> bool {
        verdict == Verdict::NotChecked && !self.fails(verdict)
    }

    /// The facts that fail the run.
    pub fn failures(&self) -> impl Iterator<Item = &Fact> {
        self.facts.iter().filter(|f| self.fails(f.verdict))
    }

    /// The counts the summary reports.
    pub fn summary(&self) -> Summary {
        let count = |v: Verdict| self.facts.iter().filter(|f| f.verdict == v).count();
        Summary {
            files: self.files,
            groups: self.groups,
            confirmed: count(Verdict::Confirmed),
            mismatched: count(Verdict::Mismatch),
            unresolved: count(Verdict::Unresolved),
            not_checked: count(Verdict::NotChecked),
        }
    }

    /// Under `--strict`, a run that checked no recorded fact at all (a CSV with no record, a
    /// data file stating nothing): a silent pass is what strict runs exist to refuse.
    pub fn nothing_checked(&self) -> bool {
        self.strict && self.summary().facts() == 0
    }

    /// Whether every fact holds (under the policy).
    pub fn passed(&self) -> bool {
        self.failures().next().is_none() && !self.nothing_checked()
    }

    /// The process exit code: 0 when the run passed, 1 when a fact fails.
    pub fn exit_code(&self) -> u8 {
        if self.passed() { 0 } else { 1 }
    }
}
