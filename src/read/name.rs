//! Team names as every reader keeps them: trimmed and in Unicode NFC, so that "Beşiktaş" typed
//! with a combining cedilla and with a precomposed one, or `"A"` and `" A"`, are one team; and
//! [`Spellings`], which finds one team spelled two ways (`arsenal` and `Arsenal`) in a group.

use std::borrow::Cow;
use std::ops::Range;

use rustc_hash::FxHashMap;
use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

use crate::diagnostic::{Code, Diagnostic, Source, excerpt};

/// A team name as read: surrounding whitespace removed, in Unicode Normalization Form C.
/// Borrows when the name is already so (nearly always).
pub fn normalise(raw: &str) -> Cow<'_, str> {
    let trimmed = raw.trim();
    match is_nfc_quick(trimmed.chars()) {
        IsNormalized::Yes => Cow::Borrowed(trimmed),
        _ => Cow::Owned(trimmed.nfc().collect()),
    }
}

/// The names of one group by their case-folded form, each with where it was first written.
#[derive(Debug, Default)]
pub struct Spellings {
    seen: FxHashMap<String, (String, Range<usize>)>,
}

impl Spellings {
    /// No names yet.
    pub fn new() -> Spellings {
        Spellings::default()
    }

    /// Notes `name` (already [`normalise`]d), written at `at` in `source`, a team of `group`.
    /// Another name equal to it but for case is an error naming both spellings and where they
    /// are.
    pub fn add(
        &mut self,
        source: &Source,
        group: &str,
        name: &str,
        at: Range<usize>,
    ) -> Result<(), Diagnostic> {
        let folded = name.to_lowercase();
        match self.seen.get(&folded) {
            Some((first, _)) if first == name => Ok(()),
            Some((first, first_at)) => Err(source
                .error(
                    Code::TwoSpellings,
                    at,
                    format!(
                        "\"{}\" and \"{}\" in {} differ only in case; expected one spelling for one team",
                        excerpt(name),
                        excerpt(first),
                        excerpt(group)
                    ),
                )
                .with_label(source.label(
                    first_at.clone(),
                    format!("first spelled \"{}\" here", excerpt(first)),
                ))),
            None => {
                self.seen.insert(folded, (name.to_string(), at));
                Ok(())
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use pretty_assertions::assert_eq;
    use rstest::rstest;

    #[rstest]
    #[case::nfd_becomes_nfc("Bes\u{327}iktas\u{327}", "Be\u{15f}ikta\u{15f}")]
    #[case::nfc_stays("Be\u{15f}ikta\u{15f}", "Be\u{15f}ikta\u{15f}")]
    #[case::trimmed(" A\t", "A")]
    #[case::inner_space_kept("Pro  Patria", "Pro  Patria")]
    fn names_are_trimmed_and_composed(#[case] raw: &str, #[case] expected: &str) {
        assert_eq!(normalise(raw), expected);
    }

    #[test]
    fn a_second_spelling_differing_in_case_is_an_error_naming_both() {
        let source = Source::new("x.csv", "Arsenal,arsenal");
        let mut spellings = Spellings::new();
        spellings.add(&source, "League", "Arsenal", 0..7).unwrap();
        spellings.add(&source, "League", "Arsenal", 0..7).unwrap();
        let e = spellings
            .add(&source, "League", "arsenal", 8..15)
            .unwrap_err();
        assert_eq!(e.code, Code::TwoSpellings);
        assert_eq!(
            e.message,
            "\"arsenal\" and \"Arsenal\" in League differ only in case; expected one spelling for one team"
        );
        assert_eq!(e.labels[1].span, 0..7);
    }
}
