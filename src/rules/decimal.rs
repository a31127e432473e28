//! Point values in rule files: exact decimals written as TOML integers, floats or strings.
//!
//! A value is taken exactly or refused: never rounded. A decimal holds at most 28 decimal
//! places (`rust_decimal`), so `1e-30` or a 29th place is an error, not zero; and a TOML float
//! is read as a binary `f64`, which holds 15 significant digits exactly, so a float of more
//! digits is an error asking for the value as a string (`"0.1234567890123456789"`), which is
//! read digit by digit.

use std::fmt;
use std::str::FromStr;

use rust_decimal::Decimal;
use serde::de::{self, Deserialize, Deserializer, Visitor};
use toml::Spanned;

use crate::diagnostic::{Code, Diagnostic, Source};

/// A decimal read from a rule file: `3`, `2.5` or `"2.5"`. Floats are read through their
/// shortest decimal text, so `0.1` is exactly one tenth, never a binary approximation.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DecimalValue(pub Decimal);

impl<'de> Deserialize<'de> for DecimalValue {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(DecimalVisitor)
    }
}

impl schemars::JsonSchema for DecimalValue {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Decimal".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "An exact decimal: 3, 2.5 or \"2.5\" (at most 1000000000 either way; at most 28 decimal places; a float of more than 15 significant digits written as a string).",
            "anyOf": [
                { "type": "number", "minimum": -LIMIT, "maximum": LIMIT },
                { "type": "string", "pattern": "^\\s*[+-]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)\\s*$" }
            ]
        })
    }
}

struct DecimalVisitor;

const EXPECTED: &str = "a decimal number such as 3, 2.5 or \"2.5\"";

/// The most significant digits a TOML float (an `f64`) is sure to hold exactly.
const FLOAT_DIGITS: usize = 15;

/// The message for a float written with more significant digits than an `f64` holds.
fn too_many_digits() -> String {
    format!(
        "a number of more significant digits than a TOML float holds exactly ({FLOAT_DIGITS}); expected it written as a string, such as \"0.1234567890123456789\", to be read exactly"
    )
}

/// The significant digits of a decimal numeral (`-0.00120` has 2): leading and trailing zeros,
/// sign, point, separators and any exponent left out.
fn significant_digits(numeral: &str) -> usize {
    let mantissa = numeral.split(['e', 'E']).next().unwrap_or_default();
    let digits: String = mantissa.chars().filter(char::is_ascii_digit).collect();
    digits.trim_matches('0').len()
}

/// `value` from the rule file, checked against the text written at its place: a float
/// literal of more significant digits than an `f64` holds is refused, even when the nearest
/// `f64` looks like a short decimal (`0.10000000000000001` reads as `0.1`).
pub fn exact(source: &Source, value: &Spanned<DecimalValue>) -> Result<Decimal, Diagnostic> {
    let written = source.text.get(value.span()).unwrap_or_default().trim();
    // Integers (decimal, or `0x`, `0o`, `0b`) are read exactly; strings digit by digit.
    let string = written.starts_with(['"', '\'']);
    let radix = ["0x", "0o", "0b"].iter().any(|p| written.starts_with(p));
    let float = !string && !radix && written.contains(['.', 'e', 'E']);
    if float && significant_digits(written) > FLOAT_DIGITS {
        return Err(source.error(Code::WrongValue, value.span(), too_many_digits()));
    }
    Ok(value.get_ref().0)
}

/// The largest size a value may have: far beyond any real point value or coefficient, and small
/// enough that no sum over a season can overflow.
const LIMIT: i64 = 1_000_000_000;

impl Visitor<'_> for DecimalVisitor {
    type Value = DecimalValue;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(EXPECTED)
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<DecimalValue, E> {
        self.visit_str(&v.to_string())
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<DecimalValue, E> {
        self.visit_str(&v.to_string())
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<DecimalValue, E> {
        if !v.is_finite() {
            return Err(E::custom(format!(
                "`{v}` is not a number; expected {EXPECTED}"
            )));
        }
        // `Display` for f64 prints the shortest text that reads back as the same float, without
        // an exponent: the value the user wrote whenever it has at most 15 significant digits.
        if v.abs() > LIMIT as f64 {
            return Err(E::custom(format!(
                "{v:e} is too large for a point value or coefficient; expected at most {LIMIT} either way"
            )));
        }
        let text = v.to_string();
        if significant_digits(&text) > FLOAT_DIGITS {
            return Err(E::custom(too_many_digits()));
        }
        self.visit_str(&text)
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<DecimalValue, E> {
        let d = match Decimal::from_str_exact(v.trim()) {
            Ok(d) => d,
            // A numeral that reads only when rounded: more places or digits than a decimal has.
            Err(_) if Decimal::from_str(v.trim()).is_ok() => {
                return Err(E::custom(format!(
                    "{} cannot be held exactly: a decimal has at most 28 places and 28 significant digits; expected {EXPECTED}",
                    v.trim()
                )));
            }
            Err(_) => {
                return Err(E::custom(format!(
                    "\"{v}\" is not a decimal number; expected {EXPECTED}"
                )));
            }
        };
        if d.abs() > Decimal::from(LIMIT) {
            return Err(E::custom(format!(
                "{v} is too large for a point value or coefficient; expected at most {LIMIT} either way"
            )));
        }
        Ok(DecimalValue(d))
    }
}

/// The most decimal places a value that is summed may have (points per result, deductions,
/// fair-play points per card). A decimal holds 28 significant digits: a value of at most 10⁹
/// with at most six places, summed over up to 10¹³ terms (or multiplied by a count of cards
/// below 2³²), stays within them, so no sum or product is ever rounded.
pub const SUMMED_PLACES: u32 = 6;

/// A value that is summed or multiplied (points, deductions, fair-play points), read exactly as
/// `exact` reads it, with at most [`SUMMED_PLACES`] decimal places, so that every sum is exact.
pub fn summed(source: &Source, value: &Spanned<DecimalValue>) -> Result<Decimal, Diagnostic> {
    let d = exact(source, value)?;
    let places = d.normalize().scale();
    if places > SUMMED_PLACES {
        return Err(source.error(
            Code::WrongValue,
            value.span(),
            format!(
                "{} has {places} decimal places; expected at most {SUMMED_PLACES} for a value that is summed (points, deductions, fair-play points), so that every sum stays exact",
                d.normalize()
            ),
        ));
    }
    Ok(d)
}

#[cfg(test)]
mod tests {
    use super::*;
    use rstest::rstest;

    #[derive(serde::Deserialize)]
    struct T {
        v: DecimalValue,
    }

    #[rstest]
    #[case("v = 3", "3")]
    #[case("v = -1", "-1")]
    #[case("v = 0.1", "0.1")]
    #[case("v = 2.5", "2.5")]
    #[case("v = \"1.25\"", "1.25")]
    fn reads_exact_decimals(#[case] toml_text: &str, #[case] expected: &str) {
        let t: T = toml::from_str(toml_text).unwrap();
        assert_eq!(t.v.0, Decimal::from_str(expected).unwrap());
    }

    #[rstest]
    #[case("v = \"3.x\"")]
    #[case("v = true")]
    #[case("v = nan")]
    #[case("v = 79228162514264337593543950335")]
    #[case("v = 1e300")]
    fn rejects_what_is_not_a_decimal(#[case] toml_text: &str) {
        let e = toml::from_str::<T>(toml_text).err().unwrap();
        assert!(
            e.message().contains("decimal number") || e.message().contains("too large"),
            "{}",
            e.message()
        );
    }

    #[rstest]
    #[case::float_below_28_places("v = 1e-30", "cannot be held exactly")]
    #[case::string_of_29_places(
        "v = \"0.12345678901234567890123456789\"",
        "cannot be held exactly"
    )]
    #[case::string_of_29_digits("v = \"1.0000000000000000000000000001\"", "")]
    #[case::float_of_17_digits("v = 0.12345678901234567", "more significant digits")]
    #[case::float_of_28_digits("v = 0.1234567890123456789012345678", "more significant digits")]
    fn refuses_what_cannot_be_held_exactly(#[case] toml_text: &str, #[case] message: &str) {
        match toml::from_str::<T>(toml_text) {
            // 29 significant digits, 28 places: a decimal holds it exactly.
            Ok(t) if message.is_empty() => {
                assert_eq!(t.v.0.to_string(), "1.0000000000000000000000000001")
            }
            Ok(t) => panic!("{toml_text} read as {}", t.v.0),
            Err(e) => assert!(e.message().contains(message), "{}", e.message()),
        }
    }

    #[test]
    fn summed_values_have_at_most_six_places_so_sums_stay_exact() {
        #[derive(serde::Deserialize)]
        struct S {
            d: Spanned<DecimalValue>,
        }
        for (text, ok) in [
            ("d = \"0.000001\"", true),
            ("d = \"1.2500000\"", true),
            ("d = \"0.0000001\"", false),
            ("d = \"-0.0000000000000000000000000001\"", false),
        ] {
            let s: S = toml::from_str(text).unwrap();
            let source = Source::new("r.toml", text);
            assert_eq!(summed(&source, &s.d).is_ok(), ok, "{text}");
        }
    }

    #[rstest]
    #[case("1", 1)]
    #[case("-0.00120", 2)]
    #[case("1_000.5", 5)]
    #[case("0.10000000000000001", 17)]
    #[case("6.02e23", 3)]
    fn counts_significant_digits(#[case] numeral: &str, #[case] digits: usize) {
        assert_eq!(significant_digits(numeral), digits);
    }

    #[rstest]
    #[case::float_rounding_to_a_short_one("d = 0.10000000000000001", false)]
    #[case::fifteen_digits("d = 0.123456789012345", true)]
    #[case::long_string("d = \"0.10000000000000001\"", true)]
    #[case::long_integer("d = 100000000", true)]
    #[case::hex("d = 0xEE", true)]
    fn a_float_literal_is_checked_where_it_is_written(#[case] text: &str, #[case] ok: bool) {
        #[derive(serde::Deserialize)]
        struct S {
            d: Spanned<DecimalValue>,
        }
        let s: S = toml::from_str(text).unwrap();
        let source = Source::new("r.toml", text);
        assert_eq!(exact(&source, &s.d).is_ok(), ok, "{text}");
    }
}
