//! e-Leave: leave types as versioned rules, holiday calendars, the leave ledger, and the
//! assessment of a request against all three.
//!
//! Everything here is pure: the API loads the rule set in force, the calendars, the employee's
//! profile and balance, calls [`spell::assess`] or a [`ledger::Ledger`] method, and writes the
//! result conditionally. Leave is counted in [`HalfDays`], never in floating point.

pub mod account;
pub mod application;
pub mod calendar;
pub mod days;
pub mod ledger;
pub mod officers;
pub mod rules;
pub mod spell;
pub mod wire;

pub use calendar::{Calendars, Holiday, HolidayCalendar, HolidayKind, WeeklyOff};
pub use days::{Balance, HalfDays};
pub use ledger::{Ledger, LedgerEntry, Period};
pub use rules::{LeaveKind, LeaveTypeRule, RuleSet};
pub use spell::{assess, Assessment, EmployeeProfile, LeaveRefusal, LeaveRequest};

use crate::ids::InvalidCode;
use serde::{Deserialize, Serialize};
use std::fmt;

fn parse_code(raw: &str, what: &'static str, min: usize, max: usize, digits: bool) -> Result<String, InvalidCode> {
    let code = raw.trim().to_ascii_uppercase();
    let well_formed = (min..=max).contains(&code.len())
        && code
            .bytes()
            .all(|b| b.is_ascii_uppercase() || (digits && (b.is_ascii_digit() || b == b'-')))
        && !code.starts_with('-')
        && !code.ends_with('-');
    if well_formed {
        Ok(code)
    } else {
        Err(InvalidCode { what, min, max })
    }
}

macro_rules! leave_code {
    ($(#[$doc:meta])* $name:ident, $what:literal, $min:literal, $max:literal, digits = $digits:literal) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(value_type = String))]
        #[serde(try_from = "String", into = "String")]
        pub struct $name(String);

        impl $name {
            /// Parses and normalises (trims, upper-cases) a code.
            pub fn parse(raw: &str) -> Result<Self, InvalidCode> {
                parse_code(raw, $what, $min, $max, $digits).map(Self)
            }
        }

        impl TryFrom<String> for $name {
            type Error = InvalidCode;
            fn try_from(raw: String) -> Result<Self, Self::Error> {
                Self::parse(&raw)
            }
        }

        impl From<$name> for String {
            fn from(code: $name) -> String {
                code.0
            }
        }

        impl AsRef<str> for $name {
            fn as_ref(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }
    };
}

leave_code!(
    /// A state (or `IN` for the centre) whose leave rules and holidays apply, for example `HR`.
    StateCode, "state code", 2, 3, digits = false
);
leave_code!(
    /// A leave application's stable identifier.
    ApplicationId, "leave application ID", 8, 40, digits = true
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn state_codes_are_two_or_three_letters_upper_cased() {
        assert_eq!(StateCode::parse(" hr ").unwrap().as_ref(), "HR");
        assert_eq!(StateCode::parse("IN").unwrap().to_string(), "IN");
        for bad in ["H", "HRYA", "H1", "", "H-"] {
            assert!(StateCode::parse(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn application_ids_take_digits_and_hyphens() {
        let id = ApplicationId::parse("lv-2026-000123").unwrap();
        assert_eq!(id.as_ref(), "LV-2026-000123");
        assert_eq!(serde_json::to_string(&id).unwrap(), "\"LV-2026-000123\"");
        assert!(ApplicationId::parse("LV-1").is_err());
        assert!(serde_json::from_str::<ApplicationId>("\"-LV-2026-1\"").is_err());
    }
}
