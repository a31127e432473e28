//! Point values in rule files: exact decimals written as TOML integers, floats or strings.

use std::fmt;
use std::str::FromStr;

use rust_decimal::Decimal;
use serde::de::{self, Deserialize, Deserializer, Visitor};

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
            "description": "An exact decimal: 3, 2.5 or \"2.5\" (at most 1000000000 either way).",
            "anyOf": [
                { "type": "number", "minimum": -LIMIT, "maximum": LIMIT },
                { "type": "string", "pattern": "^\\s*[+-]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)\\s*$" }
            ]
        })
    }
}

struct DecimalVisitor;

const EXPECTED: &str = "a decimal number such as 3, 2.5 or \"2.5\"";

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
        // `Display` for f64 prints the shortest text that reads back as the same float,
        // which is the text the user wrote for any value with a short decimal form.
        self.visit_str(&v.to_string())
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<DecimalValue, E> {
        let d = Decimal::from_str(v.trim()).map_err(|_| {
            E::custom(format!(
                "\"{v}\" is not a decimal number; expected {EXPECTED}"
            ))
        })?;
        if d.abs() > Decimal::from(LIMIT) {
            return Err(E::custom(format!(
                "{v} is too large for a point value or coefficient; expected at most {LIMIT} either way"
            )));
        }
        Ok(DecimalValue(d))
    }
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
    fn rejects_what_is_not_a_decimal(#[case] toml_text: &str) {
        let e = toml::from_str::<T>(toml_text).err().unwrap();
        assert!(
            e.message().contains("decimal number") || e.message().contains("too large"),
            "{}",
            e.message()
        );
    }
}
