//! Rule sets and holiday calendars: read by everyone, set by administrators, each change
//! kept as a numbered version with who made it and when, and in the audit log with the rules
//! or calendar before and after.

use super::{calendar_refusal, load_holidays, load_rules, rule_refusal};
use crate::auth::CurrentUser;
use crate::error::ApiError;
use crate::keys;
use crate::state::AppState;
use daftar_domain::auth::{authorize, Action, Resource};
use daftar_domain::leave::wire::{HolidaysView, LeaveRulesView, PutHolidays, PutLeaveRules, Recorded};
use daftar_domain::leave::{HolidayCalendar, RuleSet, StateCode};
use daftar_store::{Condition, Item, StoreError, Write};

/// What the audit log calls a change of a state's rules.
pub const RULES_SET: &str = "leave.rules_set";
/// What the audit log calls a change of a year's holiday calendar.
pub const HOLIDAYS_SET: &str = "leave.holidays_set";

fn stale(current: Option<u64>) -> ApiError {
    ApiError::Conflict {
        message: "someone else changed these first; reload them".into(),
        current_version: current,
    }
}

/// The writes that set a state's rules: the rules in force and the version's own record.
pub(crate) fn rules_writes(view: &LeaveRulesView, condition: Condition) -> Vec<Write> {
    let state = view.rules.state();
    let version = u64::from(view.rules.version());
    let body = serde_json::to_value(view).expect("rules serialise");
    vec![
        Write::Put {
            item: Item::new(keys::leave_rules(state), body.clone()).with_version(version),
            condition,
        },
        Write::Put {
            item: Item::new(keys::leave_rules_version(state, view.rules.version()), body),
            condition: Condition::NotExists,
        },
    ]
}

/// Sets a new version of a state's rules, if the administrator edited the one in force.
pub(crate) async fn put_rules(
    state: &AppState,
    user: &CurrentUser,
    state_code: StateCode,
    request: PutLeaveRules,
) -> Result<LeaveRulesView, ApiError> {
    authorize(&user.actor, Action::ManageLeave, Resource::Organisation)?;
    let current = load_rules(state.store.as_ref(), &state_code).await?;
    let current_version = current.as_ref().map(|(view, _)| view.rules.version());
    if current_version != request.expected_version {
        return Err(stale(current_version.map(u64::from)));
    }
    let version = current_version.unwrap_or(0) + 1;
    let rules = RuleSet::new(state_code, version, request.effective_from, request.types).map_err(rule_refusal)?;
    let view = LeaveRulesView {
        rules,
        recorded: Recorded {
            by: user.actor.employee.clone(),
            at: state.now(),
        },
    };
    let before = current
        .as_ref()
        .map(|(before, _)| serde_json::to_value(before).expect("rules serialise"));
    let condition = current.map_or(Condition::NotExists, |(_, item_version)| {
        Condition::VersionIs(item_version)
    });
    let mut writes = rules_writes(&view, condition);
    writes.push(crate::audit::entry(
        user,
        RULES_SET,
        keys::leave_rules_partition(view.rules.state()),
        before,
        Some(serde_json::to_value(&view).expect("rules serialise")),
        view.recorded.at,
    ));
    match state.store.transact(writes).await {
        Ok(()) => Ok(view),
        Err(StoreError::ConditionFailed { .. }) => Err(stale(None)),
        Err(other) => Err(other.into()),
    }
}

/// The writes that set a year's calendar at `version`.
pub(crate) fn holidays_writes(view: &HolidaysView, condition: Condition) -> Vec<Write> {
    let calendar = &view.calendar;
    let body = serde_json::to_value(view).expect("calendars serialise");
    vec![
        Write::Put {
            item: Item::new(keys::holidays(calendar.state(), calendar.year()), body.clone()).with_version(view.version),
            condition,
        },
        Write::Put {
            item: Item::new(
                keys::holidays_version(calendar.state(), calendar.year(), view.version),
                body,
            ),
            condition: Condition::NotExists,
        },
    ]
}

/// Sets a state's calendar for a year, if the administrator edited the one in force.
pub(crate) async fn put_holidays(
    state: &AppState,
    user: &CurrentUser,
    (state_code, year): (StateCode, i32),
    request: PutHolidays,
) -> Result<HolidaysView, ApiError> {
    authorize(&user.actor, Action::ManageLeave, Resource::Organisation)?;
    let current = load_holidays(state.store.as_ref(), &state_code, year).await?;
    let current_version = current.as_ref().map(|view| view.version);
    if current_version != request.expected_version {
        return Err(stale(current_version));
    }
    let calendar =
        HolidayCalendar::new(state_code, year, request.weekly_offs, request.holidays).map_err(calendar_refusal)?;
    let view = HolidaysView {
        calendar,
        version: current_version.unwrap_or(0) + 1,
        recorded: Recorded {
            by: user.actor.employee.clone(),
            at: state.now(),
        },
    };
    let condition = current_version.map_or(Condition::NotExists, Condition::VersionIs);
    let mut writes = holidays_writes(&view, condition);
    writes.push(crate::audit::entry(
        user,
        HOLIDAYS_SET,
        format!("HOLIDAYS#{}#{}", view.calendar.state(), view.calendar.year()),
        current.map(|before| serde_json::to_value(before).expect("calendars serialise")),
        Some(serde_json::to_value(&view).expect("calendars serialise")),
        view.recorded.at,
    ));
    match state.store.transact(writes).await {
        Ok(()) => Ok(view),
        Err(StoreError::ConditionFailed { .. }) => Err(stale(None)),
        Err(other) => Err(other.into()),
    }
}
