//! Leave is counted in half days: a spell may start in the afternoon or end at noon, and a
//! credit may be two and a half days. Whole numbers of half days keep every sum exact.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::ops::Add;

/// A non-negative amount of leave, in half days. Shown as days: `2.5`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(value_type = String, example = "2.5"))]
#[serde(try_from = "String", into = "String")]
pub struct HalfDays(u32);

/// Why a number of days was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("days must be a whole or half number such as 3 or 2.5, at most {max}")]
pub struct InvalidDays {
    pub max: u32,
}

/// The largest amount written anywhere: no leave account holds more than a career of days.
const MAX_DAYS: u32 = 100_000;

impl HalfDays {
    pub const ZERO: HalfDays = HalfDays(0);
    pub const HALF: HalfDays = HalfDays(1);

    /// Whole days.
    pub const fn days(days: u32) -> Self {
        HalfDays(days.saturating_mul(2))
    }

    /// A count of half days: `from_half_days(5)` is two and a half days.
    pub const fn from_half_days(half_days: u32) -> Self {
        HalfDays(half_days)
    }

    pub const fn half_days(self) -> u32 {
        self.0
    }

    /// Completed whole days (two and a half days is two).
    pub const fn whole_days(self) -> u32 {
        self.0 / 2
    }

    pub const fn is_whole(self) -> bool {
        self.0.is_multiple_of(2)
    }

    pub const fn is_zero(self) -> bool {
        self.0 == 0
    }

    pub fn checked_sub(self, other: HalfDays) -> Option<HalfDays> {
        self.0.checked_sub(other.0).map(HalfDays)
    }

    pub fn saturating_sub(self, other: HalfDays) -> HalfDays {
        HalfDays(self.0.saturating_sub(other.0))
    }

    /// This amount `times` over (commuted leave debits twice its days from half pay leave).
    pub fn times(self, times: u32) -> HalfDays {
        HalfDays(self.0.saturating_mul(times))
    }

    /// Parses `3`, `3.0` or `2.5`; refuses quarters, negatives and absurd sizes.
    pub fn parse(raw: &str) -> Result<Self, InvalidDays> {
        let invalid = InvalidDays { max: MAX_DAYS };
        let raw = raw.trim();
        let (whole, fraction) = raw.split_once('.').unwrap_or((raw, "0"));
        let all_digits = |s: &str| !s.is_empty() && s.len() <= 6 && s.bytes().all(|b| b.is_ascii_digit());
        if !all_digits(whole) || !all_digits(fraction) {
            return Err(invalid);
        }
        let days: u32 = whole.parse().map_err(|_| invalid.clone())?;
        let half = match fraction.trim_end_matches('0') {
            "" => 0,
            "5" => 1,
            _ => return Err(invalid),
        };
        if days > MAX_DAYS || (days == MAX_DAYS && half == 1) {
            return Err(invalid);
        }
        Ok(HalfDays(days * 2 + half))
    }
}

impl Add for HalfDays {
    type Output = HalfDays;
    /// Saturates rather than wraps; no real account comes near `u32::MAX` half days.
    fn add(self, other: HalfDays) -> HalfDays {
        HalfDays(self.0.saturating_add(other.0))
    }
}

impl std::iter::Sum for HalfDays {
    fn sum<I: Iterator<Item = HalfDays>>(iter: I) -> HalfDays {
        iter.fold(HalfDays::ZERO, Add::add)
    }
}

fn write_half_days(f: &mut fmt::Formatter<'_>, half_days: u64) -> fmt::Result {
    if half_days.is_multiple_of(2) {
        write!(f, "{}", half_days / 2)
    } else {
        write!(f, "{}.5", half_days / 2)
    }
}

impl fmt::Display for HalfDays {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_half_days(f, u64::from(self.0))
    }
}

impl TryFrom<String> for HalfDays {
    type Error = InvalidDays;
    fn try_from(raw: String) -> Result<Self, Self::Error> {
        Self::parse(&raw)
    }
}

impl From<HalfDays> for String {
    fn from(days: HalfDays) -> String {
        days.to_string()
    }
}

/// A leave account's balance, in half days. It may be negative: leave not due is debited
/// against half pay leave the employee has yet to earn.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(value_type = String, example = "-2.5"))]
#[serde(try_from = "String", into = "String")]
pub struct Balance(i64);

impl Balance {
    pub const ZERO: Balance = Balance(0);

    pub const fn half_days(self) -> i64 {
        self.0
    }

    pub const fn from_half_days(half_days: i64) -> Self {
        Balance(half_days)
    }

    pub fn plus(self, amount: HalfDays) -> Balance {
        Balance(self.0 + i64::from(amount.0))
    }

    pub fn minus(self, amount: HalfDays) -> Balance {
        Balance(self.0 - i64::from(amount.0))
    }

    /// The balance below zero, as a debt: `-3` is three days owed.
    pub fn negated(amount: HalfDays) -> Balance {
        Balance(-i64::from(amount.0))
    }

    /// What can be drawn without going below zero.
    pub fn available(self) -> HalfDays {
        HalfDays(u32::try_from(self.0.max(0)).unwrap_or(u32::MAX))
    }

    /// How far this balance is above `other`, or zero.
    pub fn excess_over(self, other: HalfDays) -> HalfDays {
        HalfDays(u32::try_from((self.0 - i64::from(other.0)).max(0)).unwrap_or(u32::MAX))
    }

    pub fn is_negative(self) -> bool {
        self.0 < 0
    }

    /// Parses `12`, `2.5` or `-3.5`.
    pub fn parse(raw: &str) -> Result<Self, InvalidDays> {
        let raw = raw.trim();
        match raw.strip_prefix('-') {
            Some(debt) => HalfDays::parse(debt).map(Balance::negated),
            None => HalfDays::parse(raw).map(Balance::from),
        }
    }
}

impl From<HalfDays> for Balance {
    fn from(days: HalfDays) -> Balance {
        Balance(i64::from(days.0))
    }
}

impl fmt::Display for Balance {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.0 < 0 {
            f.write_str("-")?;
        }
        write_half_days(f, self.0.unsigned_abs())
    }
}

impl TryFrom<String> for Balance {
    type Error = InvalidDays;
    fn try_from(raw: String) -> Result<Self, Self::Error> {
        Self::parse(&raw)
    }
}

impl From<Balance> for String {
    fn from(balance: Balance) -> String {
        balance.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn days_show_as_whole_or_half() {
        assert_eq!(HalfDays::days(3).to_string(), "3");
        assert_eq!(HalfDays::from_half_days(5).to_string(), "2.5");
        assert_eq!(HalfDays::HALF.to_string(), "0.5");
        assert_eq!(HalfDays::ZERO.to_string(), "0");
        assert_eq!(Balance::negated(HalfDays::from_half_days(7)).to_string(), "-3.5");
        assert_eq!(Balance::negated(HalfDays::HALF).to_string(), "-0.5");
    }

    #[test]
    fn parsing_takes_whole_and_half_days_only() {
        let cases = [
            ("3", Some(6)),
            ("3.0", Some(6)),
            ("2.5", Some(5)),
            ("2.50", Some(5)),
            (" 0.5 ", Some(1)),
            ("0", Some(0)),
            ("100000", Some(200_000)),
            ("100000.5", None),
            ("2.25", None),
            ("2.", None),
            (".5", None),
            ("-1", None),
            ("1e3", None),
            ("", None),
            ("½", None),
        ];
        for (raw, expected) in cases {
            assert_eq!(HalfDays::parse(raw).ok().map(HalfDays::half_days), expected, "{raw:?}");
        }
        assert_eq!(Balance::parse("-3.5"), Ok(Balance::from_half_days(-7)));
        assert_eq!(Balance::parse("12"), Ok(Balance::from_half_days(24)));
        assert!(Balance::parse("--1").is_err());
    }

    #[test]
    fn arithmetic_is_exact() {
        let two_and_a_half = HalfDays::from_half_days(5);
        assert_eq!(two_and_a_half + HalfDays::HALF, HalfDays::days(3));
        assert_eq!(two_and_a_half.whole_days(), 2);
        assert!(!two_and_a_half.is_whole());
        assert_eq!(HalfDays::days(3).times(2), HalfDays::days(6));
        assert_eq!(HalfDays::days(1).checked_sub(HalfDays::days(2)), None);
        assert_eq!(HalfDays::days(1).saturating_sub(HalfDays::days(2)), HalfDays::ZERO);
        let total: HalfDays = [HalfDays::HALF, HalfDays::HALF, HalfDays::days(1)].into_iter().sum();
        assert_eq!(total, HalfDays::days(2));
        let balance = Balance::from(HalfDays::days(2)).minus(HalfDays::from_half_days(5));
        assert_eq!(balance, Balance::from_half_days(-1));
        assert!(balance.is_negative());
        assert_eq!(balance.available(), HalfDays::ZERO);
        assert_eq!(
            Balance::from(HalfDays::days(305)).excess_over(HalfDays::days(300)),
            HalfDays::days(5)
        );
        assert_eq!(
            Balance::from(HalfDays::days(295)).excess_over(HalfDays::days(300)),
            HalfDays::ZERO
        );
    }

    #[test]
    fn serde_uses_the_shown_form() {
        assert_eq!(serde_json::to_string(&HalfDays::from_half_days(5)).unwrap(), "\"2.5\"");
        assert_eq!(serde_json::from_str::<HalfDays>("\"15\"").unwrap(), HalfDays::days(15));
        assert!(serde_json::from_str::<HalfDays>("\"1.25\"").is_err());
        assert_eq!(serde_json::to_string(&Balance::from_half_days(-3)).unwrap(), "\"-1.5\"");
        assert_eq!(
            serde_json::from_str::<Balance>("\"-1.5\"").unwrap(),
            Balance::from_half_days(-3)
        );
    }

    proptest! {
        #[test]
        fn shown_days_parse_back(half_days in 0u32..=200_000) {
            let days = HalfDays::from_half_days(half_days);
            prop_assert_eq!(HalfDays::parse(&days.to_string()), Ok(days));
        }

        #[test]
        fn shown_balances_parse_back(half_days in -200_000i64..=200_000) {
            let balance = Balance::from_half_days(half_days);
            prop_assert_eq!(Balance::parse(&balance.to_string()), Ok(balance));
        }
    }
}
