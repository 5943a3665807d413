//! What the app and the e-Leave API exchange: requests, and views that carry what a screen
//! needs without further reads.

use super::account::Account;
use super::acting::ActingCharge;
use super::application::{ApplicationEvent, ChainStep, LeaveAction, LeaveApplication};
use super::calendar::{Holiday, HolidayCalendar, WeeklyOff};
use super::days::{Balance, HalfDays};
use super::ledger::{Half, LedgerEntry, Period};
use super::roster::{OfficeSpell, YearMonth};
use super::rules::{LeaveKind, LeaveTypeRule, RuleSet};
use super::spell::{Assessment, LeaveRequest};
use super::{ApplicationId, StateCode};
use crate::attachment::Attachment;
use crate::ids::{EmployeeId, OfficeCode, PostId, UploadId};
use crate::text::{Reason, Remarks};
use serde::{Deserialize, Serialize};
use time::{Date, OffsetDateTime};

/// Who last changed an administered record, and when.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Recorded {
    pub by: EmployeeId,
    #[serde(with = "time::serde::rfc3339")]
    pub at: OffsetDateTime,
}

/// A state's rule set in force, with who set it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LeaveRulesView {
    pub rules: RuleSet,
    pub recorded: Recorded,
}

/// A new version of a state's rules. `expected_version` is the version the administrator
/// edited (none for a state's first rules); the new one is numbered one more.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PutLeaveRules {
    pub expected_version: Option<u32>,
    pub effective_from: Date,
    pub types: Vec<LeaveTypeRule>,
}

/// A state's calendar for a year, its version and who set it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct HolidaysView {
    pub calendar: HolidayCalendar,
    pub version: u64,
    pub recorded: Recorded,
}

/// A state's calendar for a year, as an administrator sets it. `expected_version` is the
/// version edited (none when the year has no calendar yet).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PutHolidays {
    pub expected_version: Option<u64>,
    pub weekly_offs: Vec<WeeklyOff>,
    pub holidays: Vec<Holiday>,
}

/// One leave account as its holder sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct BalanceView {
    pub kind: LeaveKind,
    pub balance: Balance,
    /// Held for applications still in their chain.
    pub reserved: HalfDays,
    /// What a new application may draw on.
    pub available: Balance,
}

impl From<&Account> for BalanceView {
    fn from(account: &Account) -> Self {
        BalanceView {
            kind: account.kind,
            balance: account.balance,
            reserved: account.reserved,
            available: account.available(),
        }
    }
}

/// One account's ledger, oldest entry first; each entry says why it exists.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LedgerView {
    pub kind: LeaveKind,
    pub balance: BalanceView,
    pub entries: Vec<LedgerEntry>,
}

/// The what-if: the days a spell counts, the balance after, the documents and the chain.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AssessmentView {
    pub assessment: Assessment,
    /// The posts the application would go through.
    pub chain: Vec<ChainStep>,
}

/// A leave application as the applicant makes it: the spell (as in [`LeaveRequest`]), the
/// reason and the address. The fields are spelt out rather than flattened so a malformed one
/// is named in the error.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ApplyRequest {
    pub kind: LeaveKind,
    pub from: Date,
    pub to: Date,
    #[serde(default)]
    pub half_day_start: bool,
    #[serde(default)]
    pub half_day_end: bool,
    #[serde(default)]
    pub prefix: bool,
    #[serde(default)]
    pub suffix: bool,
    pub reason: Reason,
    /// Where the applicant can be reached during the leave.
    #[serde(default = "Remarks::empty")]
    pub address: Remarks,
    /// Finished uploads (`/api/v1/uploads`) to attach: the medical certificate or other
    /// documents the assessment asks for.
    #[serde(default)]
    pub attachments: Vec<UploadId>,
    /// Modifies an earlier application of the applicant's (pending, or sanctioned and not yet
    /// over) by applying anew: its days are not counted as a clash, and when this one is
    /// sanctioned the earlier one is withdrawn, cancelled or cut short to the day before.
    #[serde(default)]
    pub replaces: Option<ApplicationId>,
}

impl ApplyRequest {
    /// The spell asked for.
    pub fn spell(&self) -> LeaveRequest {
        LeaveRequest {
            kind: self.kind,
            from: self.from,
            to: self.to,
            half_day_start: self.half_day_start,
            half_day_end: self.half_day_end,
            prefix: self.prefix,
            suffix: self.suffix,
        }
    }
}

/// The what-if: a spell (as in [`LeaveRequest`]) and, for a modification, the application it
/// would replace (whose days then do not count as a clash, and whose debit or reservation
/// counts as available). Other fields (the rest of an application form) are ignored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AssessRequest {
    /// Flattened, so the phone posts its form's spell fields as they are.
    #[serde(flatten)]
    pub spell: LeaveRequest,
    #[serde(default)]
    pub replaces: Option<ApplicationId>,
}

/// An action on an application, at the version the official saw.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ActRequest {
    pub version: u64,
    #[serde(flatten)]
    pub action: LeaveAction,
}

/// An application with the applicant's names and when it reached the desk it waits at.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LeaveApplicationView {
    pub application: LeaveApplication,
    pub applicant_name_en: String,
    pub applicant_name_hi: String,
    /// When it reached the post it waits at, while pending.
    #[serde(default, with = "time::serde::rfc3339::option")]
    pub waiting_since: Option<OffsetDateTime>,
    /// The newest history entry.
    pub last_event: ApplicationEvent,
    /// The post the applicant applied from, and its office (absent on applications made
    /// before these were recorded).
    #[serde(default)]
    pub post: Option<PostId>,
    #[serde(default)]
    pub office: Option<OfficeCode>,
    /// The version of the state's rules the application was assessed under; a curtailment is
    /// counted under the same version.
    #[serde(default)]
    pub rules_version: Option<u32>,
    /// Documents attached when applying; `GET /api/v1/leave/applications/{id}/attachments/{n}`
    /// (from 1) serves them.
    #[serde(default)]
    pub attachments: Vec<Attachment>,
    /// The earlier application this one modifies (see [`ApplyRequest::replaces`]).
    #[serde(default)]
    pub replaces: Option<ApplicationId>,
    /// The later application whose sanction withdrew, cancelled or cut this one short.
    #[serde(default)]
    pub replaced_by: Option<ApplicationId>,
}

/// An application with its whole history, oldest entry first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LeaveApplicationDetail {
    #[serde(flatten)]
    pub view: LeaveApplicationView,
    pub history: Vec<ApplicationEvent>,
}

/// A row of an approver's e-Leave inbox: the application and the applicant's balance of the
/// account it debits.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LeaveInboxEntry {
    #[serde(flatten)]
    pub view: LeaveApplicationView,
    pub balance: Option<BalanceView>,
    /// Colleagues of the applicant's office with leave pending or sanctioned on some of the
    /// same days (read from the first three months of the spell).
    #[serde(default)]
    pub overlapping: Vec<OfficeSpell>,
}

/// An office's leave calendar for a month: every pending or sanctioned spell touching it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LeaveCalendarView {
    pub office: OfficeCode,
    pub month: YearMonth,
    pub spells: Vec<OfficeSpell>,
}

/// Who of an office is on sanctioned leave on its office date today.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OnLeaveToday {
    pub office: OfficeCode,
    pub date: Date,
    pub spells: Vec<OfficeSpell>,
}

/// `POST /api/v1/leave/applications/{id}/acting`: give the applicant's post to a colleague.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct GrantActingCharge {
    /// The colleague's employee ID.
    pub employee_id: String,
    /// The application's version as seen; a different one is a conflict.
    #[serde(default)]
    pub version: Option<u64>,
}

/// The acting charge of an application, if it has one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ActingChargeState {
    pub charge: Option<ActingCharge>,
}

/// The result of one page of a periodic credit run.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CreditRun {
    pub state: StateCode,
    pub half_year: String,
    /// Employees looked at in this page.
    pub employees: u32,
    /// Ledger entries written (credits and the lapses that close the period before).
    pub entries_written: u32,
    /// Accounts whose credit for the period was already there.
    pub already_credited: u32,
    /// Call again with this cursor for the next page of employees.
    pub next_cursor: Option<String>,
}

/// Why a half-year was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("a half-year is written like 2026H1 or 2026H2, between 2000 and 2100")]
pub struct InvalidHalfYear;

/// Parses `2026H1` (January to June) or `2026H2` into its period.
pub fn parse_half_year(raw: &str) -> Result<Period, InvalidHalfYear> {
    let raw = raw.trim().to_ascii_uppercase();
    let (year, half) = raw.split_once('H').ok_or(InvalidHalfYear)?;
    if year.len() != 4 || !year.bytes().all(|b| b.is_ascii_digit()) {
        return Err(InvalidHalfYear);
    }
    let year: i32 = year.parse().map_err(|_| InvalidHalfYear)?;
    if !(2000..=2100).contains(&year) {
        return Err(InvalidHalfYear);
    }
    let half = match half {
        "1" => Half::First,
        "2" => Half::Second,
        _ => return Err(InvalidHalfYear),
    };
    Ok(Period::HalfYear { year, half })
}

/// Parses a kind of leave by its office abbreviation (`EL`) or its name (`earned`).
pub fn parse_kind(raw: &str) -> Option<LeaveKind> {
    let raw = raw.trim();
    LeaveKind::ALL.into_iter().find(|kind| {
        kind.code().eq_ignore_ascii_case(raw)
            || serde_json::to_value(kind)
                .ok()
                .and_then(|v| v.as_str().map(|name| name.eq_ignore_ascii_case(raw)))
                .unwrap_or(false)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn half_years_parse_strictly() {
        assert_eq!(
            parse_half_year("2026h2"),
            Ok(Period::HalfYear {
                year: 2026,
                half: Half::Second
            })
        );
        for bad in ["2026", "2026H3", "26H1", "2026H", "H1", "1999H1", "2026H1x"] {
            assert_eq!(parse_half_year(bad), Err(InvalidHalfYear), "{bad}");
        }
    }

    #[test]
    fn kinds_parse_by_code_or_name() {
        assert_eq!(parse_kind("EL"), Some(LeaveKind::Earned));
        assert_eq!(parse_kind("half_pay"), Some(LeaveKind::HalfPay));
        assert_eq!(parse_kind("cl"), Some(LeaveKind::Casual));
        assert_eq!(parse_kind("holiday"), None);
    }

    #[test]
    fn an_application_reads_flat() {
        let json = serde_json::json!({
            "kind": "earned", "from": "2026-12-24", "to": "2026-12-28",
            "reason": "Family wedding", "address": "Hisar"
        });
        let apply: ApplyRequest = serde_json::from_value(json).unwrap();
        assert_eq!(apply.spell().kind, LeaveKind::Earned);
        assert!(!apply.spell().half_day_start);
        let act: ActRequest =
            serde_json::from_value(serde_json::json!({"version": 2, "action": "reject", "reason": "Audit week"}))
                .unwrap();
        assert_eq!(act.version, 2);
        assert!(matches!(act.action, LeaveAction::Reject { .. }));
    }
}
