//! Exact criterion values: a decimal, a decimal divided by a whole number, or infinity.
//!
//! Most criteria give whole numbers or decimals (points, goal difference, fair-play points), but
//! goal average and points per game are quotients: 5 goals scored for 3 conceded is 5/3, which
//! no decimal holds. A [`Quantity`] keeps such a value exactly, as the decimal and the whole
//! number it is divided by, and compares values by cross-multiplying: `a/b < c/d` exactly when
//! `a·d < c·b`. The products are worked out in `i128` and, where they could overflow, in
//! arbitrary precision (`num-bigint`); no binary float is ever compared. A team that conceded no
//! goal has an infinite goal average under the historical rule, so a quantity may also be
//! [`Quantity::INFINITY`], above every finite value and equal to itself.
//!
//! Shown in words ([`fmt::Display`]): a decimal as people write it (`3`, `1.5`, `-4`), as
//! decimals always were; a quotient no decimal holds to three decimals, rounded half away from
//! zero (`1.667` for 5/3); infinity as `∞`. [`Quantity::fraction`] gives the exact form (`5/3`).

use std::cmp::Ordering;
use std::fmt;

use num_bigint::{BigInt, BigUint};
use rust_decimal::Decimal;

/// An exact value of a criterion: a decimal divided by a positive whole number, or positive
/// infinity. Values compare by what they are worth, whatever their form: 2/4, 1/2 and 0.5 are
/// equal.
///
/// Small by design (24 bytes: a tiebreak step keeps one per team): the divisor is kept as two
/// `u32` halves, and 0 stands for infinity.
#[derive(Clone, Copy)]
pub struct Quantity {
    /// The decimal divided (1 for infinity).
    numerator: Decimal,
    /// The divisor's high and low 32 bits: 1 for a decimal, at least 2 for a quotient no
    /// decimal holds exactly, 0 for infinity.
    denominator: [u32; 2],
}

impl Quantity {
    /// Positive infinity: above every finite value, equal to itself.
    pub const INFINITY: Quantity = Quantity {
        numerator: Decimal::ONE,
        denominator: [0, 0],
    };

    /// A decimal, exactly.
    pub const fn decimal(value: Decimal) -> Quantity {
        Quantity {
            numerator: value,
            denominator: [0, 1],
        }
    }

    /// `numerator ÷ denominator`, exactly; `None` when `denominator` is 0. A quotient a decimal
    /// holds exactly (7/4 = 1.75) is kept as that decimal, and shown as one.
    pub fn ratio(numerator: Decimal, denominator: u64) -> Option<Quantity> {
        match denominator {
            0 => None,
            1 => Some(Quantity::decimal(numerator)),
            _ => {
                let ratio = Quantity {
                    numerator,
                    denominator: split(denominator),
                };
                // The decimal quotient, when it is exact (it may have been rounded to 28 digits).
                let quotient = numerator
                    .checked_div(Decimal::from(denominator))
                    .map(|q| q.normalize())
                    .filter(|&q| cross((q, 1), (numerator, denominator)) == Ordering::Equal);
                Some(quotient.map_or(ratio, Quantity::decimal))
            }
        }
    }

    /// The value as a decimal, when it is one (not a quotient no decimal holds, not infinity).
    pub fn as_decimal(&self) -> Option<Decimal> {
        (self.denominator() == 1).then_some(self.numerator)
    }

    /// Whether the value is infinite.
    pub fn is_infinite(&self) -> bool {
        self.denominator() == 0
    }

    /// The exact value of a quotient no decimal holds, as a fraction in lowest terms (`5/3`,
    /// `-7/3`); `None` for a decimal or infinity.
    pub fn fraction(&self) -> Option<String> {
        let denominator = self.denominator();
        if denominator < 2 {
            return None;
        }
        // numerator = m / 10^s, so the value is m / (10^s · denominator).
        let m = self.numerator.mantissa();
        let top = BigUint::from(m.unsigned_abs());
        let bottom = BigUint::from(10u32).pow(self.numerator.scale()) * BigUint::from(denominator);
        let divisor = gcd(top.clone(), bottom.clone());
        let sign = if m < 0 { "-" } else { "" };
        Some(format!("{sign}{}/{}", top / &divisor, bottom / &divisor))
    }

    /// The whole number the decimal is divided by (1 for a decimal, 0 for infinity).
    fn denominator(&self) -> u64 {
        (u64::from(self.denominator[0]) << 32) | u64::from(self.denominator[1])
    }

    /// A quotient no decimal holds, rounded half away from zero to three decimals: `1.667`.
    fn rounded(&self) -> String {
        let m = self.numerator.mantissa();
        // round(1000 · m / bottom) = ⌊(2000 · |m| + bottom) / (2 · bottom)⌋, with m's sign.
        let bottom =
            BigUint::from(10u32).pow(self.numerator.scale()) * BigUint::from(self.denominator());
        let top = BigUint::from(m.unsigned_abs()) * 2000u32 + &bottom;
        let thousandths = top / (bottom * 2u32);
        let whole = &thousandths / 1000u32;
        let part = (&thousandths % 1000u32).to_string();
        let sign = if m < 0 { "-" } else { "" };
        format!("{sign}{whole}.{part:0>3}")
    }
}

/// A `u64` as its high and low 32 bits.
fn split(n: u64) -> [u32; 2] {
    [(n >> 32) as u32, n as u32]
}

/// The greatest common divisor (Euclid's algorithm), 1 or more for positive `b`.
fn gcd(mut a: BigUint, mut b: BigUint) -> BigUint {
    while b != BigUint::ZERO {
        let r = &a % &b;
        a = b;
        b = r;
    }
    a
}

/// Compares `a.0 / a.1` with `b.0 / b.1` (both divisors positive) exactly, by comparing
/// `a.0 · b.1` with `b.0 · a.1`. Each decimal is `mantissa / 10^scale`; both sides are brought to
/// the larger scale, so the comparison is of whole numbers: in `i128` when the products fit,
/// else in arbitrary precision.
fn cross(a: (Decimal, u64), b: (Decimal, u64)) -> Ordering {
    let scale = a.0.scale().max(b.0.scale());
    let side = |(d, _): (Decimal, u64), times: u64| -> (i128, u32, u64) {
        (d.mantissa(), scale - d.scale(), times)
    };
    let (left, right) = (side(a, b.1), side(b, a.1));
    match (small(left), small(right)) {
        (Some(l), Some(r)) => l.cmp(&r),
        _ => big(left).cmp(&big(right)),
    }
}

/// `m · 10^shift · times` in `i128`, `None` on overflow.
fn small((m, shift, times): (i128, u32, u64)) -> Option<i128> {
    m.checked_mul(10i128.checked_pow(shift)?)?
        .checked_mul(i128::from(times))
}

/// `m · 10^shift · times` in arbitrary precision.
fn big((m, shift, times): (i128, u32, u64)) -> BigInt {
    BigInt::from(m) * BigInt::from(10u32).pow(shift) * BigInt::from(times)
}

impl Ord for Quantity {
    fn cmp(&self, other: &Quantity) -> Ordering {
        match (self.denominator(), other.denominator()) {
            // The common case: two decimals, compared as decimals (exact).
            (1, 1) => self.numerator.cmp(&other.numerator),
            (0, 0) => Ordering::Equal,
            (0, _) => Ordering::Greater,
            (_, 0) => Ordering::Less,
            (a, b) => cross((self.numerator, a), (other.numerator, b)),
        }
    }
}

impl PartialOrd for Quantity {
    fn partial_cmp(&self, other: &Quantity) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl PartialEq for Quantity {
    fn eq(&self, other: &Quantity) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}

impl Eq for Quantity {}

impl From<Decimal> for Quantity {
    fn from(value: Decimal) -> Quantity {
        Quantity::decimal(value)
    }
}

impl From<u64> for Quantity {
    fn from(value: u64) -> Quantity {
        Quantity::decimal(value.into())
    }
}

impl From<i64> for Quantity {
    fn from(value: i64) -> Quantity {
        Quantity::decimal(value.into())
    }
}

impl fmt::Display for Quantity {
    /// `3`, `1.5`, `-4` for a decimal; `1.667` for a quotient no decimal holds (three decimals,
    /// rounded half away from zero); `∞` for infinity.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.denominator() {
            0 => f.write_str("∞"),
            1 => write!(f, "{}", self.numerator.normalize()),
            _ => f.write_str(&self.rounded()),
        }
    }
}

impl fmt::Debug for Quantity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.fraction() {
            Some(fraction) => write!(f, "Quantity({fraction})"),
            None => write!(f, "Quantity({self})"),
        }
    }
}

#[cfg(test)]
mod tests {
    use std::str::FromStr;

    use super::*;
    use pretty_assertions::assert_eq;
    use proptest::prelude::*;
    use rstest::rstest;

    fn d(text: &str) -> Decimal {
        Decimal::from_str(text).unwrap()
    }

    fn q(numerator: &str, denominator: u64) -> Quantity {
        Quantity::ratio(d(numerator), denominator).unwrap()
    }

    #[rstest]
    #[case::whole(q("3", 1), "3", None)]
    #[case::decimal_as_always(Quantity::decimal(d("1.50")), "1.5", None)]
    #[case::negative(Quantity::from(-4_i64), "-4", None)]
    #[case::terminating_quotient_is_a_decimal(q("7", 4), "1.75", None)]
    #[case::five_thirds(q("5", 3), "1.667", Some("5/3"))]
    #[case::two_thirds(q("2", 3), "0.667", Some("2/3"))]
    #[case::reduced(q("10", 6), "1.667", Some("5/3"))]
    #[case::negative_thirds(q("-7", 3), "-2.333", Some("-7/3"))]
    // 2.5 points in 3 matches: 2.5/3 = 5/6 = 0.8333…
    #[case::decimal_numerator(q("2.5", 3), "0.833", Some("5/6"))]
    // To the nearest thousandth: 2/3 up, 1/3 down.
    #[case::rounds_down(q("1", 3), "0.333", Some("1/3"))]
    #[case::whole_after_rounding(q("6001", 3000), "2.000", Some("6001/3000"))]
    #[case::below_one_thousandth(q("-1", 3001), "-0.000", Some("-1/3001"))]
    #[case::infinity(Quantity::INFINITY, "∞", None)]
    fn shown_in_words_and_exactly(
        #[case] value: Quantity,
        #[case] text: &str,
        #[case] fraction: Option<&str>,
    ) {
        assert_eq!(value.to_string(), text);
        assert_eq!(value.fraction().as_deref(), fraction);
    }

    #[test]
    fn stays_small() {
        // A tiebreak step keeps one per team: a decimal and two halves of a divisor.
        assert_eq!(std::mem::size_of::<Quantity>(), 24);
    }

    #[test]
    fn a_zero_divisor_is_no_quantity() {
        assert_eq!(Quantity::ratio(Decimal::ONE, 0), None);
    }

    #[rstest]
    // Equal however written.
    #[case(q("2", 4), Quantity::decimal(d("0.5")), Ordering::Equal)]
    #[case(q("10", 6), q("5", 3), Ordering::Equal)]
    #[case(q("0", 7), Quantity::from(0_u64), Ordering::Equal)]
    // Three decimals would tie these; exactly, 1001/1000 = 1.001 < 1000/999 = 1.001001….
    #[case(q("1001", 1000), q("1000", 999), Ordering::Less)]
    #[case(q("-5", 3), q("-3", 2), Ordering::Less)]
    #[case(Quantity::INFINITY, q("1000000", 1), Ordering::Greater)]
    #[case(Quantity::INFINITY, Quantity::INFINITY, Ordering::Equal)]
    // Beyond i128: Decimal::MAX (about 7.9 × 10²⁸) times a large divisor, compared exactly.
    // (MAX − 1)/(2⁶⁴ − 1) against MAX/(2⁶⁴ − 1): the larger numerator wins.
    #[case(
        Quantity::ratio(Decimal::MAX - Decimal::ONE, u64::MAX).unwrap(),
        Quantity::ratio(Decimal::MAX, u64::MAX).unwrap(),
        Ordering::Less
    )]
    // MAX/(2⁶⁴ − 1) against MAX/(2⁶⁴ − 2): the smaller divisor wins.
    #[case(
        Quantity::ratio(Decimal::MAX, u64::MAX).unwrap(),
        Quantity::ratio(Decimal::MAX, u64::MAX - 1).unwrap(),
        Ordering::Less
    )]
    // 28 decimal places against a large divisor: 10⁻²⁸ / 3 is below 10⁻²⁸ / 2.
    #[case(
        q("0.0000000000000000000000000001", 3),
        q("0.0000000000000000000000000001", 2),
        Ordering::Less
    )]
    fn compares_exactly(#[case] a: Quantity, #[case] b: Quantity, #[case] expected: Ordering) {
        assert_eq!(a.cmp(&b), expected);
        assert_eq!(b.cmp(&a), expected.reverse());
        assert_eq!(a == b, expected == Ordering::Equal);
    }

    /// A value built from small integers: `numerator / 10^scale / denominator`, or infinity.
    #[derive(Debug, Clone, Copy)]
    enum Small {
        Finite(i64, u32, u64),
        Infinite,
    }

    fn small() -> impl Strategy<Value = Small> {
        prop_oneof![
            10 => (-2000i64..2000, 0u32..4, 1u64..50).prop_map(|(n, s, d)| Small::Finite(n, s, d)),
            1 => Just(Small::Infinite),
        ]
    }

    impl Small {
        fn quantity(self) -> Quantity {
            match self {
                Small::Finite(n, s, d) => Quantity::ratio(Decimal::new(n, s), d).unwrap(),
                Small::Infinite => Quantity::INFINITY,
            }
        }
    }

    /// The oracle: `n₁ / (10^s₁ · d₁)` against `n₂ / (10^s₂ · d₂)` by cross-multiplying in
    /// `i128` (the products of these small numbers fit easily); infinity above everything.
    fn oracle(a: Small, b: Small) -> Ordering {
        match (a, b) {
            (Small::Infinite, Small::Infinite) => Ordering::Equal,
            (Small::Infinite, _) => Ordering::Greater,
            (_, Small::Infinite) => Ordering::Less,
            (Small::Finite(n1, s1, d1), Small::Finite(n2, s2, d2)) => {
                let below = |s: u32, d: u64| 10i128.pow(s) * i128::from(d);
                (i128::from(n1) * below(s2, d2)).cmp(&(i128::from(n2) * below(s1, d1)))
            }
        }
    }

    proptest! {
        #[test]
        fn ordering_agrees_with_cross_products(a in small(), b in small()) {
            let (x, y) = (a.quantity(), b.quantity());
            prop_assert_eq!(x.cmp(&y), oracle(a, b));
            prop_assert_eq!(x == y, oracle(a, b) == Ordering::Equal);
            prop_assert_eq!(x.partial_cmp(&y), Some(oracle(a, b)));
        }

        #[test]
        fn a_fraction_is_the_value_in_lowest_terms(n in -2000i64..2000, s in 0u32..4, den in 2u64..50) {
            let value = Quantity::ratio(Decimal::new(n, s), den).unwrap();
            if let Some(fraction) = value.fraction() {
                let (p, r) = fraction.split_once('/').unwrap();
                let (p, r): (i128, i128) = (p.parse().unwrap(), r.parse().unwrap());
                // p/r equals n / (10^s · den), and cannot be reduced.
                prop_assert_eq!(p * 10i128.pow(s) * i128::from(den), i128::from(n) * r);
                let (mut a, mut b) = (p.abs(), r);
                while b != 0 { (a, b) = (b, a % b); }
                prop_assert_eq!(a, 1);
            } else {
                // No fraction: the quotient is a decimal, exactly.
                let decimal = value.as_decimal().unwrap();
                prop_assert_eq!(decimal * Decimal::from(den), Decimal::new(n, s));
            }
        }
    }
}
