//! Acting charge and the alternate approver, through the store.
//!
//! - An acting charge lives on the post (`POST#{post}` / `ACTING#{from}#{application}`, kept
//!   as the post's record), under its holder (`EMP#{holder}` / `ACTING#{application}`, expiring
//!   after the last day, so loading a session finds it with one query), and under the
//!   application (`LEAVEAPP#{id}` / `ACTING`, to withdraw it or make it follow the leave). A
//!   grant bumps a lock item on the post in the same transaction, so of two overlapping grants
//!   only one is written.
//! - A sanctioned spell marks each of the applicant's posts away (`POST#{post}` /
//!   `AWAY#{from}#{application}`) in the sanction's own transaction; cancelling removes the marks
//!   and curtailing shortens them, together with the acting charge.
//! - The alternate of a pending step gets a row in its own e-Leave inbox when the application
//!   arrives at the step (`INBOX#{alternate}` / `LA#…`), written and removed with the ordinary
//!   inbox row. Reading the alternate's inbox shows those rows only while the step's approver
//!   is away. Writing on arrival keeps the read to one query plus two small queries per
//!   approver post on the page, and needs no list of "posts I am alternate for".

use super::applications::load_application;
use crate::auth::CurrentUser;
use crate::error::ApiError;
use crate::idempotency::{Idempotency, Outcome};
use crate::keys;
use crate::org::load_employee;
use crate::receipts::{backoff, unix_millis};
use crate::state::AppState;
use axum::http::StatusCode;
use daftar_domain::auth::Actor;
use daftar_domain::leave::acting::{
    self, Absence, ActingCharge, ActingRefusal, ChargeAfter, GrantRequest, Presence, Window,
};
use daftar_domain::leave::application::{ApplicationStatus, LeaveApplication};
use daftar_domain::leave::wire::{ActingChargeState, GrantActingCharge, LeaveApplicationView};
use daftar_domain::leave::ApplicationId;
use daftar_domain::local_time::IST;
use daftar_domain::{EmployeeId, PostId};
use daftar_store::{Condition, Index, Item, Key, Query, SortRange, Store, StoreError, Write};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use time::{Date, Time};

/// Refusals of the domain, as HTTP.
fn refusal(refusal: ActingRefusal) -> ApiError {
    let hindi = refusal.hindi();
    let error = match refusal {
        ActingRefusal::NotPermitted => ApiError::NotPermitted(refusal.to_string()),
        ActingRefusal::ColleagueIsApplicant => ApiError::invalid("employee_id", refusal),
        ActingRefusal::Overlap { .. } => ApiError::Conflict {
            message: refusal.to_string(),
            current_version: None,
        },
        ActingRefusal::NotSanctioned | ActingRefusal::SpellOver | ActingRefusal::ChargeOver => {
            ApiError::WrongState(refusal.to_string())
        }
    };
    error.with_hindi(hindi)
}

/// How many times a grant or withdrawal is tried again after losing a race.
const ATTEMPTS: usize = 4;

/// The held item outlives the last day by a day, then the store forgets it (TTL).
fn held_expiry(to: Date) -> i64 {
    let after = to.next_day().and_then(Date::next_day).unwrap_or(to);
    after.with_time(Time::MIDNIGHT).assume_offset(IST).unix_timestamp()
}

fn charge_writes(charge: &ActingCharge, pointer: Condition, pointer_version: u64) -> Vec<Write> {
    let body = serde_json::to_value(charge).expect("acting charges serialise");
    vec![
        Write::Put {
            item: Item::new(keys::acting_charge_of_application(&charge.application), body.clone())
                .with_version(pointer_version),
            condition: pointer,
        },
        Write::Put {
            item: Item::new(
                keys::acting_charge(&charge.post.id, charge.from, &charge.application),
                body.clone(),
            ),
            condition: Condition::None,
        },
        Write::Put {
            item: Item::new(keys::acting_charge_held(&charge.holder, &charge.application), body)
                .expiring_at(held_expiry(charge.to)),
            condition: Condition::None,
        },
    ]
}

fn charge_deletes(charge: &ActingCharge, pointer: Condition) -> Vec<Write> {
    vec![
        Write::Delete {
            key: keys::acting_charge_of_application(&charge.application),
            condition: pointer,
        },
        Write::Delete {
            key: keys::acting_charge(&charge.post.id, charge.from, &charge.application),
            condition: Condition::None,
        },
        Write::Delete {
            key: keys::acting_charge_held(&charge.holder, &charge.application),
            condition: Condition::None,
        },
    ]
}

/// The post's charge that starts last on or before `day` (the only one that can cover `day`
/// or overlap a window ending on it, as a post's charges never overlap).
async fn latest_charge(store: &dyn Store, post: &PostId, day: Date) -> Result<Option<ActingCharge>, ApiError> {
    let mut query = Query::new(Index::Table, keys::post_partition(post));
    query.range = SortRange::Between(keys::ACTING_PREFIX.to_owned(), keys::acting_charges_until(day));
    query.ascending = false;
    query.limit = 1;
    let page = store.query(query).await?;
    page.items.first().map(Item::parse).transpose().map_err(Into::into)
}

/// The charge given for an application, with its item version.
async fn charge_of(store: &dyn Store, id: &ApplicationId) -> Result<Option<(ActingCharge, u64)>, ApiError> {
    match store.get(&keys::acting_charge_of_application(id)).await? {
        Some(item) => Ok(Some((item.parse()?, item.version))),
        None => Ok(None),
    }
}

/// The acting charges `holder` holds today: one query on their partition. Past charges expire
/// from the store; those not yet begun (or already over, before the store forgets them) are
/// left out here.
pub(crate) async fn charges_held(
    store: &dyn Store,
    holder: &EmployeeId,
    today: Date,
) -> Result<Vec<ActingCharge>, ApiError> {
    let mut query = Query::new(Index::Table, keys::employee_partition(holder));
    query.range = SortRange::Prefix(keys::ACTING_PREFIX.to_owned());
    query.limit = 50;
    let page = store.query(query).await?;
    let mut charges = Vec::new();
    for item in &page.items {
        let charge: ActingCharge = item.parse()?;
        if charge.in_force(today) {
            charges.push(charge);
        }
    }
    Ok(charges)
}

/// Gives the applicant's post to a colleague for the rest of the sanctioned spell.
pub(crate) async fn grant(
    state: &AppState,
    user: &CurrentUser,
    id: &ApplicationId,
    request: GrantActingCharge,
    idempotency: &Idempotency,
) -> Result<Outcome<ActingCharge>, ApiError> {
    let store = state.store.as_ref();
    let holder = EmployeeId::parse(request.employee_id.trim()).map_err(|e| ApiError::invalid("employee_id", e))?;
    for attempt in 0..ATTEMPTS {
        let view = load_application(state, id).await?;
        let application = &view.application;
        if !acting::may_arrange(&user.actor, application) {
            return Err(refusal(ActingRefusal::NotPermitted));
        }
        if let Some(seen) = request.version {
            if seen != application.version {
                if let Some(saved) = idempotency.saved(store).await? {
                    return Ok(Outcome::Replayed(saved));
                }
                return Err(ApiError::Conflict {
                    message: "the application has changed since you opened it".into(),
                    current_version: Some(application.version),
                });
            }
        }
        let colleague = load_employee(store, &holder)
            .await?
            .ok_or_else(|| ApiError::invalid("employee_id", "no employee has this ID"))?;
        let applicant = load_employee(store, &application.employee)
            .await?
            .ok_or(ApiError::NotFound("applicant"))?;
        // The post applied from, or (for applications made before that was recorded) the
        // applicant's first post, as applying chooses it.
        let post = match &view.post {
            Some(at) => applicant.postings.iter().find(|p| &p.id == at),
            None => applicant.postings.first(),
        }
        .cloned()
        .ok_or_else(|| ApiError::WrongState("the applicant no longer holds the post applied from".into()))?;

        let now = state.now();
        let today = daftar_domain::local_time::office_date(now);
        let last_day = acting::leave_window(application).map_or(today, |w| w.to());
        let latest = latest_charge(store, &post.id, last_day).await?;
        let existing = charge_of(store, id).await?;
        if let Some((charge, _)) = &existing {
            if !charge.window().is_over(today) {
                return Err(ApiError::Conflict {
                    message: format!(
                        "this leave already has an acting charge (with {} until {}); withdraw it first",
                        charge.holder_name_en, charge.to
                    ),
                    current_version: None,
                });
            }
        }
        let charge = acting::grant(
            application,
            &user.actor,
            GrantRequest {
                post,
                holder: holder.clone(),
                holder_name_en: colleague.employee.name_en.to_string(),
                holder_name_hi: colleague.employee.name_hi.to_string(),
                on_leave_name_en: view.applicant_name_en.clone(),
                on_leave_name_hi: view.applicant_name_hi.clone(),
            },
            latest.as_ref(),
            today,
            now,
        )
        .map_err(refusal)?;

        let lock = store.get(&keys::acting_charge_lock(&charge.post.id)).await?;
        let (lock_condition, lock_version) = lock.as_ref().map_or((Condition::NotExists, 1), |item| {
            (Condition::VersionIs(item.version), item.version + 1)
        });
        let (pointer, pointer_version) = existing.as_ref().map_or((Condition::NotExists, 1), |(_, version)| {
            (Condition::VersionIs(*version), version + 1)
        });
        let mut writes = vec![
            // The leave must still be as judged: a cancellation in between wins.
            Write::Check {
                key: keys::leave_application(id),
                condition: Condition::VersionIs(application.version),
            },
            Write::Put {
                item: Item::new(keys::acting_charge_lock(&charge.post.id), serde_json::json!({}))
                    .with_version(lock_version),
                condition: lock_condition,
            },
        ];
        if let Some((old, _)) = &existing {
            // The earlier, finished charge keeps its record on the post; its holder's copy goes
            // if another colleague takes over (the same colleague's is overwritten).
            if old.holder != charge.holder {
                writes.push(Write::Delete {
                    key: keys::acting_charge_held(&old.holder, id),
                    condition: Condition::None,
                });
            }
        }
        writes.extend(charge_writes(&charge, pointer, pointer_version));
        match idempotency
            .commit(store, writes, StatusCode::CREATED, charge, now.unix_timestamp())
            .await?
        {
            Ok(outcome) => return Ok(outcome),
            // Another grant or a change to the leave came first: judge again on what is there now.
            Err(StoreError::ConditionFailed { .. } | StoreError::TransactionConflict) => backoff(attempt).await,
            Err(other) => return Err(other.into()),
        }
    }
    Err(ApiError::Unavailable)
}

/// Withdraws an application's acting charge early.
pub(crate) async fn end(
    state: &AppState,
    user: &CurrentUser,
    id: &ApplicationId,
    idempotency: &Idempotency,
) -> Result<Outcome<ActingChargeState>, ApiError> {
    let store = state.store.as_ref();
    for attempt in 0..ATTEMPTS {
        let view = load_application(state, id).await?;
        let Some((charge, version)) = charge_of(store, id).await? else {
            if let Some(saved) = idempotency.saved(store).await? {
                return Ok(Outcome::Replayed(saved));
            }
            return Err(ApiError::NotFound("acting charge"));
        };
        let now = state.now();
        let today = daftar_domain::local_time::office_date(now);
        let after = acting::end(&charge, &view.application, &user.actor, today).map_err(refusal)?;
        let writes = match &after {
            Some(shortened) => charge_writes(shortened, Condition::VersionIs(version), version + 1),
            None => charge_deletes(&charge, Condition::VersionIs(version)),
        };
        let response = ActingChargeState { charge: after };
        match idempotency
            .commit(store, writes, StatusCode::OK, response, now.unix_timestamp())
            .await?
        {
            Ok(outcome) => return Ok(outcome),
            Err(StoreError::ConditionFailed { .. } | StoreError::TransactionConflict) => backoff(attempt).await,
            Err(other) => return Err(other.into()),
        }
    }
    Err(ApiError::Unavailable)
}

/// The acting charge of an application: for whoever may arrange it, and its holder.
pub(crate) async fn show(
    state: &AppState,
    user: &CurrentUser,
    id: &ApplicationId,
) -> Result<ActingChargeState, ApiError> {
    let view = load_application(state, id).await?;
    let charge = charge_of(state.store.as_ref(), id).await?.map(|(charge, _)| charge);
    let holder = charge.as_ref().is_some_and(|c| c.holder == user.actor.employee);
    if !acting::may_arrange(&user.actor, &view.application) && !holder {
        return Err(ApiError::NotPermitted(
            "you may not see this leave's acting charge".into(),
        ));
    }
    Ok(ActingChargeState { charge })
}

/// The absences marked on a post that start on or before `day` (newest first, a few).
async fn absences_until(store: &dyn Store, post: &PostId, day: Date) -> Result<Vec<Absence>, ApiError> {
    let mut query = Query::new(Index::Table, keys::post_partition(post));
    query.range = SortRange::Between(keys::AWAY_PREFIX.to_owned(), keys::absences_until(day));
    query.ascending = false;
    // An officer's spells do not overlap, so the newest few that began by today include any
    // that covers it.
    query.limit = 5;
    let page = store.query(query).await?;
    page.items.iter().map(|item| item.parse().map_err(Into::into)).collect()
}

/// Whether the officer of `post` is away today: on sanctioned leave, or the post under charge.
pub(crate) async fn presence_of_post(store: &dyn Store, post: &PostId, today: Date) -> Result<Presence, ApiError> {
    let absences = absences_until(store, post, today).await?;
    let charge = latest_charge(store, post, today).await?;
    Ok(acting::presence(&absences, charge.as_ref(), today))
}

/// Whether the pending step's approver is away, when it matters: only if `actor` would act as
/// the step's alternate. Otherwise no read is made.
pub(crate) async fn presence_at_step(
    store: &dyn Store,
    application: &LeaveApplication,
    actor: &Actor,
    today: Date,
) -> Result<Presence, ApiError> {
    match application.pending_step() {
        Some(step)
            if !actor.holds(&step.post) && step.alternate.as_ref().is_some_and(|alternate| actor.holds(alternate)) =>
        {
            presence_of_post(store, &step.post, today).await
        }
        _ => Ok(Presence::Present),
    }
}

/// The row of a pending application in its step's alternate's inbox, if the step has one.
pub(crate) fn alternate_row(view: &LeaveApplicationView, body: &serde_json::Value) -> Option<Write> {
    let key = alternate_row_key(view)?;
    Some(Write::Put {
        item: Item::new(key, body.clone()),
        condition: Condition::None,
    })
}

fn alternate_row_key(view: &LeaveApplicationView) -> Option<Key> {
    let alternate = view.application.pending_step()?.alternate.as_ref()?;
    let since = view.waiting_since?;
    Some(keys::alternate_leave_inbox(
        alternate,
        unix_millis(since),
        &view.application.id,
    ))
}

/// Applications waiting for steps whose alternate is `post` and whose approver is away today.
/// Read on the first page of the alternate's inbox; bounded to one page of rows.
pub(crate) async fn waiting_for_alternate(
    store: &dyn Store,
    post: &PostId,
    today: Date,
) -> Result<Vec<LeaveApplicationView>, ApiError> {
    let mut query = Query::new(Index::Table, keys::inbox_partition(post));
    query.range = SortRange::Prefix(keys::ALTERNATE_LEAVE_INBOX_PREFIX.to_owned());
    query.ascending = false;
    query.limit = 50;
    let page = store.query(query).await?;
    let mut presence: HashMap<PostId, Presence> = HashMap::new();
    let mut views = Vec::new();
    for item in &page.items {
        let view: LeaveApplicationView = item.parse()?;
        let Some(step) = view.application.pending_step() else {
            continue;
        };
        if step.alternate.as_ref() != Some(post) {
            continue;
        }
        let approver = match presence.get(&step.post) {
            Some(known) => *known,
            None => {
                let found = presence_of_post(store, &step.post, today).await?;
                presence.insert(step.post.clone(), found);
                found
            }
        };
        if approver == Presence::Away {
            views.push(view);
        }
    }
    Ok(views)
}

/// Where a sanctioned application marked its applicant away.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct MarkedAway {
    posts: Vec<PostId>,
    absence: Absence,
}

fn absence_writes(marked: &MarkedAway) -> Vec<Write> {
    let mut writes: Vec<Write> = marked
        .posts
        .iter()
        .map(|post| Write::Put {
            item: Item::new(
                keys::absence(post, marked.absence.from, &marked.absence.application),
                serde_json::to_value(&marked.absence).expect("absences serialise"),
            ),
            condition: Condition::None,
        })
        .collect();
    writes.push(Write::Put {
        item: Item::new(
            keys::absences_of_application(&marked.absence.application),
            serde_json::to_value(marked).expect("absences serialise"),
        ),
        condition: Condition::None,
    });
    writes
}

/// What else an application's step writes, in the step's own transaction: the alternate's
/// inbox row leaves with the ordinary one; a sanction marks the applicant's posts away; a
/// cancellation or curtailment takes the marks and the acting charge along with the leave.
/// The step's write is conditional on the application's version, which orders these too.
pub(crate) async fn follow_step(
    store: &dyn Store,
    before: &LeaveApplicationView,
    after: &LeaveApplicationView,
) -> Result<Vec<Write>, ApiError> {
    let mut writes = Vec::new();
    if let Some(old) = alternate_row_key(before) {
        // Unless the step's own put rewrites the same row.
        if alternate_row_key(after).as_ref() != Some(&old) {
            writes.push(Write::Delete {
                key: old,
                condition: Condition::None,
            });
        }
    }
    let (was, is) = (before.application.status, after.application.status);
    let id = &after.application.id;
    if is == ApplicationStatus::Sanctioned && was != ApplicationStatus::Sanctioned {
        let Some(window) = acting::leave_window(&after.application) else {
            return Ok(writes);
        };
        let posts = load_employee(store, &after.application.employee)
            .await?
            .map(|record| record.postings.into_iter().map(|p| p.id).collect())
            .unwrap_or_default();
        writes.extend(absence_writes(&MarkedAway {
            posts,
            absence: absence_for(&after.application, window),
        }));
    } else if was == ApplicationStatus::Sanctioned && is != was {
        if let Some(item) = store.get(&keys::absences_of_application(id)).await? {
            let marked: MarkedAway = item.parse()?;
            match acting::leave_window(&after.application) {
                Some(window) => writes.extend(absence_writes(&MarkedAway {
                    absence: absence_for(&after.application, window),
                    ..marked
                })),
                None => {
                    writes.extend(marked.posts.iter().map(|post| Write::Delete {
                        key: keys::absence(post, marked.absence.from, id),
                        condition: Condition::None,
                    }));
                    writes.push(Write::Delete {
                        key: keys::absences_of_application(id),
                        condition: Condition::None,
                    });
                }
            }
        }
        if let Some((charge, version)) = charge_of(store, id).await? {
            match acting::follow_leave(&charge, &after.application) {
                ChargeAfter::Unchanged => {}
                ChargeAfter::Shortened(shorter) => writes.extend(charge_writes(&shorter, Condition::None, version + 1)),
                ChargeAfter::Removed => writes.extend(charge_deletes(&charge, Condition::None)),
            }
        }
    }
    Ok(writes)
}

fn absence_for(application: &LeaveApplication, window: Window) -> Absence {
    Absence {
        employee: application.employee.clone(),
        application: application.id.clone(),
        from: window.from(),
        to: window.to(),
    }
}

/// Adds the posts held by acting charge today to the signed-in official's posts.
pub(crate) fn take_charge(actor: &mut Actor, charges: &[ActingCharge]) {
    for charge in charges {
        if !actor.holds(&charge.post.id) {
            actor.posts.push((charge.post.id.clone(), charge.post.office.clone()));
            if !actor.depts.contains(&charge.post.dept) {
                actor.depts.push(charge.post.dept.clone());
            }
        }
    }
}

/// The application's ID from the path; an ID that cannot exist is simply not found.
fn application_id(raw: &str) -> Result<ApplicationId, ApiError> {
    ApplicationId::parse(raw).map_err(|_| ApiError::NotFound("leave application"))
}

/// Gives the applicant's post to a named colleague as acting charge for the sanctioned spell
/// (from today if it has begun); the applicant, the sanctioning officer or an administrator.
#[utoipa::path(post, path = "/api/v1/leave/applications/{id}/acting", tag = "leave", request_body = GrantActingCharge,
    params(("id" = String, Path), ("Idempotency-Key" = Option<String>, Header, description = "Makes a retry safe")),
    responses((status = 201, body = ActingCharge), (status = 403, body = daftar_domain::wire::Problem),
        (status = 404, body = daftar_domain::wire::Problem), (status = 409, body = daftar_domain::wire::Problem),
        (status = 422, body = daftar_domain::wire::Problem)))]
pub async fn give_acting_charge(
    axum::extract::State(state): axum::extract::State<AppState>,
    user: CurrentUser,
    axum::extract::Path(id): axum::extract::Path<String>,
    header: crate::idempotency::IdempotencyHeader,
    crate::error::Json(request): crate::error::Json<GrantActingCharge>,
) -> Result<axum::response::Response, ApiError> {
    let id = application_id(&id)?;
    let route = format!("leave-acting:{id}");
    let (state, user) = (&state, &user);
    crate::idempotency::idempotent(
        state,
        user,
        header,
        &route,
        request,
        StatusCode::CREATED,
        move |request, idempotency| async move { grant(state, user, &id, request, &idempotency).await },
    )
    .await
}

/// The application's acting charge (`{"charge": null}` if none): for the applicant, the
/// sanctioning officer, an administrator and the colleague holding it.
#[utoipa::path(get, path = "/api/v1/leave/applications/{id}/acting", tag = "leave", params(("id" = String, Path)),
    responses((status = 200, body = ActingChargeState), (status = 403, body = daftar_domain::wire::Problem),
        (status = 404, body = daftar_domain::wire::Problem)))]
pub async fn acting_charge(
    axum::extract::State(state): axum::extract::State<AppState>,
    user: CurrentUser,
    axum::extract::Path(id): axum::extract::Path<String>,
) -> Result<crate::error::Json<ActingChargeState>, ApiError> {
    let id = application_id(&id)?;
    Ok(crate::error::Json(show(&state, &user, &id).await?))
}

/// Withdraws the acting charge early (also `POST …/acting/end`): the colleague loses the post at
/// once; a charge not yet begun is removed. Returns what is left of it.
#[utoipa::path(delete, path = "/api/v1/leave/applications/{id}/acting", tag = "leave",
    params(("id" = String, Path), ("Idempotency-Key" = Option<String>, Header, description = "Makes a retry safe")),
    responses((status = 200, body = ActingChargeState), (status = 403, body = daftar_domain::wire::Problem),
        (status = 404, body = daftar_domain::wire::Problem), (status = 409, body = daftar_domain::wire::Problem)))]
pub async fn withdraw_acting_charge(
    axum::extract::State(state): axum::extract::State<AppState>,
    user: CurrentUser,
    axum::extract::Path(id): axum::extract::Path<String>,
    header: crate::idempotency::IdempotencyHeader,
) -> Result<axum::response::Response, ApiError> {
    let id = application_id(&id)?;
    let route = format!("leave-acting-end:{id}");
    let (state, user) = (&state, &user);
    crate::idempotency::idempotent(
        state,
        user,
        header,
        &route,
        id.clone(),
        StatusCode::OK,
        move |id, idempotency| async move { end(state, user, &id, &idempotency).await },
    )
    .await
}
