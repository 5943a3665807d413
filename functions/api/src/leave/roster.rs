//! Who is away when: the writes that keep an employee's spells per year and an office's spells
//! per month (see [`daftar_domain::leave::roster`]) in step with each application, and the
//! reads of an office's leave calendar and of who is on leave today.
//!
//! Every index item is written conditionally on the version read, in the application's own
//! transaction, so two applications that would overlap cannot both be made: the second finds
//! the first's version changed, is judged again, and is refused.

use super::applications::load_application;
use crate::auth::CurrentUser;
use crate::error::ApiError;
use crate::keys;
use crate::state::AppState;
use daftar_domain::auth::{authorize, Action, Resource};
use daftar_domain::leave::roster::{
    BookedSpell, EmployeeYear, OfficeMonth, OfficeSpell, RosterChange, RosterStatus, SpellDays, YearMonth,
};
use daftar_domain::leave::wire::{LeaveApplicationView, LeaveCalendarView, OnLeaveToday};
use daftar_domain::leave::ApplicationId;
use daftar_domain::local_time::office_date;
use daftar_domain::{EmployeeId, OfficeCode};
use daftar_store::{Condition, Item, Store, Write};
use std::collections::HashMap;
use time::Date;

/// At most this many months of a spell are read for an approver's view of who else is away:
/// the inbox reads them per row, and a longer spell's first three months are what an approver
/// weighs (the calendar shows the rest month by month).
const OVERLAP_MONTHS: usize = 3;

/// A put of an index item, conditional on the version it was read at (absent: not yet there).
fn put<T: serde::Serialize>(key: daftar_store::Key, body: &T, version: Option<u64>) -> Write {
    Write::Put {
        item: Item::new(key, serde_json::to_value(body).expect("leave indexes serialise"))
            .with_version(version.map_or(1, |v| v + 1)),
        condition: version.map_or(Condition::NotExists, Condition::VersionIs),
    }
}

async fn load_year(
    store: &dyn Store,
    employee: &EmployeeId,
    year: i32,
) -> Result<(EmployeeYear, Option<u64>), ApiError> {
    match store.get(&keys::leave_spells_of_year(employee, year)).await? {
        Some(item) => Ok((item.parse()?, Some(item.version))),
        None => Ok((EmployeeYear::empty(year), None)),
    }
}

async fn load_month(
    store: &dyn Store,
    office: &OfficeCode,
    month: YearMonth,
) -> Result<(OfficeMonth, Option<u64>), ApiError> {
    match store.get(&keys::office_leave_month(office, &month.to_string())).await? {
        Some(item) => Ok((item.parse()?, Some(item.version))),
        None => Ok((OfficeMonth::empty(office.clone(), month), None)),
    }
}

fn year_write(employee: &EmployeeId, year: &EmployeeYear, version: Option<u64>) -> Write {
    put(keys::leave_spells_of_year(employee, year.year), year, version)
}

fn month_write(month: &OfficeMonth, version: Option<u64>) -> Write {
    put(
        keys::office_leave_month(&month.office, &month.month.to_string()),
        month,
        version,
    )
}

/// The office calendar's entry for an application.
fn office_spell(view: &LeaveApplicationView, post: daftar_domain::PostId) -> OfficeSpell {
    let application = &view.application;
    OfficeSpell {
        application: application.id.clone(),
        employee: application.employee.clone(),
        name_en: view.applicant_name_en.clone(),
        name_hi: view.applicant_name_hi.clone(),
        post,
        kind: application.request.kind,
        days: SpellDays::of(&application.request),
        status: RosterStatus::Pending,
    }
}

/// Refuses a spell the employee already has leave on some of (naming the other application),
/// not counting `replaced`, the application a modification replaces. The what-if's check.
pub(crate) async fn check_free(
    store: &dyn Store,
    employee: &EmployeeId,
    request: &daftar_domain::leave::LeaveRequest,
    replaced: Option<&ApplicationId>,
) -> Result<(), ApiError> {
    let days = SpellDays::of(request);
    for year in days.years() {
        let (spells, _) = load_year(store, employee, year).await?;
        spells.check_free_but(&days, replaced).map_err(|overlap| {
            let hindi = overlap.hindi();
            ApiError::invalid("from", overlap).with_hindi(hindi)
        })?;
    }
    Ok(())
}

/// The writes that book a new application in the applicant's years (refused, naming the other
/// application, if it overlaps one still pending or sanctioned other than the one it
/// `replaces`) and in the office's months.
pub(crate) async fn book(
    store: &dyn Store,
    view: &LeaveApplicationView,
    replaces: Option<&ApplicationId>,
) -> Result<Vec<Write>, ApiError> {
    let application = &view.application;
    let days = SpellDays::of(&application.request);
    let mut writes = Vec::new();
    for year in days.years() {
        let (mut spells, version) = load_year(store, &application.employee, year).await?;
        spells.check_free_but(&days, replaces).map_err(|overlap| {
            let hindi = overlap.hindi();
            ApiError::invalid("from", overlap).with_hindi(hindi)
        })?;
        spells.book(BookedSpell {
            application: application.id.clone(),
            kind: application.request.kind,
            days,
        });
        writes.push(year_write(&application.employee, &spells, version));
    }
    if let (Some(office), Some(post)) = (&view.office, &view.post) {
        let entry = office_spell(view, post.clone());
        for month in days.months() {
            let (mut calendar, version) = load_month(store, office, month).await?;
            calendar.add(entry.clone());
            writes.push(month_write(&calendar, version));
        }
        // The control room shows who is on leave: its dashboards are no longer what they were.
        writes.push(crate::counters::change_bump());
    }
    Ok(writes)
}

/// The writes that carry the steps of an employee's applications taken in one transaction
/// (sanction, rejection, withdrawal, cancellation, curtailment; a modification's sanction and
/// what it does to the application it replaces) into the indexes: each index item is read once,
/// changed by every step, and written once; none for steps they do not show.
pub(crate) async fn steps_writes(
    store: &dyn Store,
    steps: &[(&LeaveApplicationView, RosterChange)],
) -> Result<Vec<Write>, ApiError> {
    let mut years: Vec<(EmployeeId, EmployeeYear, Option<u64>)> = Vec::new();
    let mut months: Vec<(OfficeMonth, Option<u64>)> = Vec::new();
    for (before, change) in steps {
        let change = *change;
        if change == RosterChange::None {
            continue;
        }
        let application = &before.application;
        let id = &application.id;
        // The spell as it was: a curtailment leaves the years and months after its new end.
        let days = SpellDays::of(&application.request);
        // Sanctioning changes nothing in the employee's years: pending and sanctioned spells
        // are refused alike there.
        if change != RosterChange::Sanction {
            for year in days.years() {
                let at = match years
                    .iter()
                    .position(|(e, y, _)| e == &application.employee && y.year == year)
                {
                    Some(at) => at,
                    None => {
                        let (spells, version) = load_year(store, &application.employee, year).await?;
                        years.push((application.employee.clone(), spells, version));
                        years.len() - 1
                    }
                };
                years[at].1.change(id, change);
            }
        }
        if let Some(office) = &before.office {
            for month in days.months() {
                let at = match months.iter().position(|(m, _)| &m.office == office && m.month == month) {
                    Some(at) => at,
                    None => {
                        let (calendar, version) = load_month(store, office, month).await?;
                        months.push((calendar, version));
                        months.len() - 1
                    }
                };
                months[at].0.change(id, change);
            }
        }
    }
    let mut writes: Vec<Write> = years
        .iter()
        .map(|(employee, spells, version)| year_write(employee, spells, *version))
        .collect();
    writes.extend(months.iter().map(|(calendar, version)| month_write(calendar, *version)));
    if !months.is_empty() {
        writes.push(crate::counters::change_bump());
    }
    Ok(writes)
}

/// The office a caller asks about: the one named, or the office of their first post.
fn office_asked(user: &CurrentUser, raw: Option<&str>) -> Result<OfficeCode, ApiError> {
    let office = match raw {
        Some(raw) => OfficeCode::parse(raw).map_err(|e| ApiError::invalid("office", e))?,
        None => user
            .actor
            .posts
            .first()
            .map(|(_, office)| office.clone())
            .ok_or_else(|| ApiError::invalid("office", "name the office: you hold no post"))?,
    };
    authorize(&user.actor, Action::ViewLeaveCalendar, Resource::Office(&office))?;
    Ok(office)
}

/// An office's leave calendar for a month: one read.
pub(crate) async fn calendar(
    state: &AppState,
    user: &CurrentUser,
    office: Option<&str>,
    month: Option<&str>,
) -> Result<LeaveCalendarView, ApiError> {
    let office = office_asked(user, office)?;
    let month = match month {
        Some(raw) => YearMonth::parse(raw).map_err(|e| ApiError::invalid("month", e))?,
        None => YearMonth::of(office_date(state.now())),
    };
    let (mut calendar, _) = load_month(state.store.as_ref(), &office, month).await?;
    calendar
        .spells
        .sort_by(|a, b| (a.days.from, &a.name_en).cmp(&(b.days.from, &b.name_en)));
    Ok(LeaveCalendarView {
        office,
        month,
        spells: calendar.spells,
    })
}

/// Who of an office is on sanctioned leave on today's office date: one read.
pub(crate) async fn on_leave_today(
    state: &AppState,
    user: &CurrentUser,
    office: Option<&str>,
) -> Result<OnLeaveToday, ApiError> {
    let office = office_asked(user, office)?;
    let today = office_date(state.now());
    let (calendar, _) = load_month(state.store.as_ref(), &office, YearMonth::of(today)).await?;
    let mut spells: Vec<OfficeSpell> = calendar.away_on(today).cloned().collect();
    spells.sort_by(|a, b| a.name_en.cmp(&b.name_en));
    Ok(OnLeaveToday {
        office,
        date: today,
        spells,
    })
}

/// How many of an office's officials are on sanctioned leave on a date: one read.
pub(crate) async fn away_on(store: &dyn Store, office: &OfficeCode, date: Date) -> Result<u32, ApiError> {
    let (calendar, _) = load_month(store, office, YearMonth::of(date)).await?;
    Ok(u32::try_from(calendar.away_on(date).count()).unwrap_or(u32::MAX))
}

/// For each application, the applicant's office colleagues with leave pending or sanctioned on
/// some of its days. Each office month is read once per call, at most [`OVERLAP_MONTHS`] per
/// application.
pub(crate) async fn overlapping(
    store: &dyn Store,
    views: &[LeaveApplicationView],
) -> Result<Vec<Vec<OfficeSpell>>, ApiError> {
    let mut months: HashMap<(OfficeCode, YearMonth), OfficeMonth> = HashMap::new();
    let mut out = Vec::with_capacity(views.len());
    for view in views {
        let Some(office) = &view.office else {
            out.push(Vec::new());
            continue;
        };
        let application = &view.application;
        let days = SpellDays::of(&application.request);
        let mut found: Vec<OfficeSpell> = Vec::new();
        for month in days.months().into_iter().take(OVERLAP_MONTHS) {
            let key = (office.clone(), month);
            if !months.contains_key(&key) {
                let (calendar, _) = load_month(store, office, month).await?;
                months.insert(key.clone(), calendar);
            }
            for spell in months[&key].overlapping(&days, &application.employee) {
                // A spell across a month end is listed in both months; show it once.
                if !found.iter().any(|s| s.application == spell.application) {
                    found.push(spell.clone());
                }
            }
        }
        out.push(found);
    }
    Ok(out)
}

/// An attachment of an application, for those who may see the application.
pub(crate) async fn attachment(
    state: &AppState,
    user: &CurrentUser,
    id: &ApplicationId,
    n: usize,
) -> Result<axum::response::Response, ApiError> {
    let view = load_application(state, id).await?;
    super::applications::check_may_see(user, &view)?;
    crate::uploads::serve_nth(state, &view.attachments, n).await
}
