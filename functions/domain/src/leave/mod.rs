//! e-Leave: leave types as versioned rules, holiday calendars, the leave ledger, and the
//! assessment of a request against all three.
//!
//! Everything here is pure: the API loads the rule set in force, the calendars, the employee's
//! profile and balance, calls [`spell::assess`] or a [`ledger::Ledger`] method, and writes the
//! result conditionally. Leave is counted in [`HalfDays`], never in floating point.

pub mod account;
pub mod acting;
pub mod application;
pub mod calendar;
pub mod days;
pub mod hindi;
pub mod ledger;
pub mod officers;
pub mod roster;
pub mod rules;
pub mod spell;
pub mod wire;

pub use calendar::{Calendars, Holiday, HolidayCalendar, HolidayKind, WeeklyOff};
pub use days::{Balance, HalfDays};
pub use ledger::{Ledger, LedgerEntry, Period};
pub use rules::{LeaveKind, LeaveTypeRule, RuleSet};
pub use spell::{assess, Assessment, EmployeeProfile, LeaveRefusal, LeaveRequest};

use crate::ids::code_type;

code_type!(
    /// A state (or `IN` for the centre) whose leave rules and holidays apply, for example `HR`.
    StateCode, "state code", 2, 3, digits = false
);
code_type!(
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
