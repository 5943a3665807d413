//! e-Leave: rule sets and holiday calendars per state, leave accounts with their ledgers, the
//! what-if, applications moving up their approval chains, and the periodic credits.
//!
//! The rules are the domain's ([`daftar_domain::leave`]); this module loads what they need,
//! calls them, and writes the result. Every change is one transaction: the application
//! (conditional on its version), its history entry, the inbox rows, and the leave account it
//! touches (conditional on the account's version, with any ledger entry claimed by key), so two
//! applications cannot together spend more than the balance and a credit lands once.

pub(crate) mod accounts;
pub(crate) mod acting;
pub(crate) mod admin;
pub(crate) mod applications;
pub(crate) mod roster;
pub(crate) mod routes;
pub mod seed;

pub use routes::router;

use crate::error::ApiError;
use crate::keys;
use daftar_domain::leave::application::ApplicationRefusal;
use daftar_domain::leave::calendar::{years_of_spell, CalendarError};
use daftar_domain::leave::ledger::LedgerRefusal;
use daftar_domain::leave::officers::{ChainError, LeaveOfficers};
use daftar_domain::leave::rules::RuleError;
use daftar_domain::leave::wire::{HolidaysView, LeaveRulesView};
use daftar_domain::leave::{Calendars, EmployeeProfile, LeaveRefusal, LeaveRequest, RuleSet, StateCode};
use daftar_domain::{EmployeeId, PostId};
use daftar_store::{Item, Store};
use serde::{Deserialize, Serialize};

/// What the rules need to know of an employee, and the state whose rules apply.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LeaveProfile {
    pub employee: EmployeeId,
    pub state: StateCode,
    pub profile: EmployeeProfile,
}

impl LeaveProfile {
    pub fn item(&self) -> Item {
        Item::new(
            keys::leave_profile(&self.employee),
            serde_json::to_value(self).expect("leave profiles serialise"),
        )
        .with_gsi1(keys::leave_profile_in_state(&self.state, &self.employee))
    }
}

/// A spell the rules refused, as a 422 naming the field to change.
pub(crate) fn spell_refusal(refusal: LeaveRefusal, request: &LeaveRequest) -> ApiError {
    let field = match &refusal {
        LeaveRefusal::ToBeforeFrom
        | LeaveRefusal::SpellTooShort { .. }
        | LeaveRefusal::SpellTooLong { .. }
        | LeaveRefusal::CrossesYearEnd(_) => "to",
        LeaveRefusal::NotGranted(_) | LeaveRefusal::NotEligible(_) | LeaveRefusal::OverBalance { .. } => "kind",
        LeaveRefusal::BackDatedBeyondWindow { .. }
        | LeaveRefusal::OtherYearsAllowance { .. }
        | LeaveRefusal::NotARestrictedHoliday { .. }
        | LeaveRefusal::NoCalendar { .. } => "from",
        LeaveRefusal::StartsOrEndsOnHoliday { date } if *date == request.from => "from",
        LeaveRefusal::StartsOrEndsOnHoliday { .. } => "to",
        LeaveRefusal::HalfDayNotAllowed | LeaveRefusal::HalfDaysOnOneDay => "half_day_start",
        LeaveRefusal::PrefixSuffixNotAllowed | LeaveRefusal::HalfDayBreaksPrefixOrSuffix => "prefix",
        LeaveRefusal::BadCalendar(error) => return ApiError::Internal(format!("stored calendar is invalid: {error}")),
    };
    let hindi = refusal.hindi();
    ApiError::invalid(field, refusal).with_hindi(hindi)
}

/// An action on an application the state machine refused.
pub(crate) fn application_refusal(refusal: ApplicationRefusal) -> ApiError {
    let hindi = refusal.hindi();
    let error = match refusal {
        ApplicationRefusal::StaleVersion { current } => ApiError::Conflict {
            message: refusal.to_string(),
            current_version: Some(current),
        },
        ApplicationRefusal::NotYourStep
        | ApplicationRefusal::ApproverPresent
        | ApplicationRefusal::OwnApplication
        | ApplicationRefusal::NotApplicant => ApiError::NotPermitted(refusal.to_string()),
        ApplicationRefusal::WrongAct { .. } => ApiError::invalid("action", refusal),
        ApplicationRefusal::BadCurtailment => ApiError::invalid("to", refusal),
        ApplicationRefusal::AlreadyDecided | ApplicationRefusal::AlreadyBegun | ApplicationRefusal::NotBegun => {
            ApiError::WrongState(refusal.to_string())
        }
        ApplicationRefusal::ChainMismatch => ApiError::Internal(refusal.to_string()),
    };
    // `with_hindi` leaves an internal error as it is.
    error.with_hindi(hindi)
}

pub(crate) fn chain_refusal(error: ChainError) -> ApiError {
    ApiError::WrongState(error.to_string()).with_hindi(error.hindi())
}

/// A ledger entry the rules refused. Applications reserve before they are sanctioned, so a
/// refusal here means the account changed under the rules (an administrator's correction).
pub(crate) fn ledger_refusal(refusal: LedgerRefusal) -> ApiError {
    match refusal {
        LedgerRefusal::Corrupt => ApiError::Internal("a stored leave ledger does not add up".into()),
        other => ApiError::WrongState(other.to_string()).with_hindi(other.hindi()),
    }
}

pub(crate) fn rule_refusal(error: RuleError) -> ApiError {
    ApiError::invalid("types", error)
}

pub(crate) fn calendar_refusal(error: CalendarError) -> ApiError {
    ApiError::invalid("holidays", error)
}

/// The rule set in force in a state, and its item version.
pub(crate) async fn load_rules(
    store: &dyn Store,
    state: &StateCode,
) -> Result<Option<(LeaveRulesView, u64)>, ApiError> {
    match store.get(&keys::leave_rules(state)).await? {
        Some(item) => Ok(Some((item.parse()?, item.version))),
        None => Ok(None),
    }
}

/// A state's rules as they were at `version` (each version is kept as set).
pub(crate) async fn rules_of_version(store: &dyn Store, state: &StateCode, version: u32) -> Result<RuleSet, ApiError> {
    let item = store
        .get(&keys::leave_rules_version(state, version))
        .await?
        .ok_or_else(|| ApiError::Internal(format!("version {version} of {state}'s leave rules is missing")))?;
    let view: LeaveRulesView = item.parse()?;
    Ok(view.rules)
}

pub(crate) async fn rules_in_force(store: &dyn Store, state: &StateCode) -> Result<RuleSet, ApiError> {
    load_rules(store, state)
        .await?
        .map(|(view, _)| view.rules)
        .ok_or_else(|| {
            ApiError::WrongState(format!("no leave rules have been set for {state}"))
                .with_hindi(format!("{state} के लिए अवकाश नियम अभी निर्धारित नहीं किए गए हैं"))
        })
}

pub(crate) async fn load_holidays(
    store: &dyn Store,
    state: &StateCode,
    year: i32,
) -> Result<Option<HolidaysView>, ApiError> {
    match store.get(&keys::holidays(state, year)).await? {
        Some(item) => {
            let mut view: HolidaysView = item.parse()?;
            view.version = item.version;
            Ok(Some(view))
        }
        None => Ok(None),
    }
}

/// The state's calendars for every year from `from` to `to` that has one; the rules refuse a
/// spell that needs a missing year.
pub(crate) async fn load_calendars(
    store: &dyn Store,
    state: &StateCode,
    from: i32,
    to: i32,
) -> Result<Calendars, ApiError> {
    let Some(span) = years_of_spell(from, to) else {
        return Err(ApiError::invalid("to", "a spell of leave spans at most five years")
            .with_hindi("एक अवकाश अवधि अधिकतम पाँच वर्ष की हो सकती है"));
    };
    let mut years = Vec::new();
    for year in span {
        if let Some(view) = load_holidays(store, state, year).await? {
            years.push(view.calendar);
        }
    }
    Calendars::new(years).map_err(|e| ApiError::Internal(format!("stored calendars disagree: {e}")))
}

pub(crate) async fn load_profile(store: &dyn Store, id: &EmployeeId) -> Result<LeaveProfile, ApiError> {
    store
        .get(&keys::leave_profile(id))
        .await?
        .ok_or_else(|| {
            ApiError::WrongState("your leave profile has not been set up; ask the establishment section".into())
                .with_hindi("आपका अवकाश प्रोफ़ाइल अभी नहीं बना है; स्थापना शाखा से संपर्क करें")
        })?
        .parse()
        .map_err(Into::into)
}

pub(crate) async fn load_officers(store: &dyn Store, post: &PostId) -> Result<LeaveOfficers, ApiError> {
    match store.get(&keys::leave_officers(post)).await? {
        Some(item) => Ok(item.parse()?),
        None => Err(chain_refusal(ChainError::NoOfficers)),
    }
}

pub(crate) fn officers_item(post: &PostId, officers: &LeaveOfficers) -> Item {
    Item::new(
        keys::leave_officers(post),
        serde_json::to_value(officers).expect("leave officers serialise"),
    )
}
