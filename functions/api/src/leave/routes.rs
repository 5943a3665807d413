//! `/api/v1/leave/...`.

use super::accounts::{balances, credit_half_year, ledger};
use super::admin::{put_holidays, put_rules};
use super::applications::{act, apply, detail, what_if, with_balances};
use super::{load_holidays, load_profile, load_rules};
use crate::auth::CurrentUser;
use crate::error::{ApiError, Json, Query};
use crate::idempotency::{idempotent, IdempotencyHeader};
use crate::keys;
use crate::pagination::{page_of, PageParams};
use crate::state::AppState;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::{get, post};
use axum::Router;
use daftar_domain::auth::{authorize, Action, Resource};
use daftar_domain::leave::wire::{
    parse_half_year, parse_kind, ActRequest, ApplyRequest, AssessRequest, AssessmentView, BalanceView, CreditRun,
    HolidaysView, LeaveApplicationDetail, LeaveApplicationView, LeaveCalendarView, LeaveInboxEntry, LeaveRulesView,
    LedgerView, OnLeaveToday, PutHolidays, PutLeaveRules,
};
use daftar_domain::leave::{ApplicationId, StateCode};
use daftar_domain::local_time::office_date;
use daftar_domain::wire::{Page, Problem};
use daftar_domain::PostId;
use daftar_store::Index;
use serde::Deserialize;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/api/v1/leave/rules", get(rules))
        .route("/api/v1/leave/rules/{state}", axum::routing::put(set_rules))
        .route("/api/v1/leave/holidays/{state}/{year}", get(holidays).put(set_holidays))
        .route("/api/v1/leave/balances", get(my_balances))
        .route("/api/v1/leave/ledger/{kind}", get(my_ledger))
        .route("/api/v1/leave/assess", post(assess_spell))
        .route("/api/v1/leave/applications", get(my_applications).post(apply_for_leave))
        .route("/api/v1/leave/applications/{id}", get(application))
        .route("/api/v1/leave/applications/{id}/act", post(act_on_application))
        .route(
            "/api/v1/leave/applications/{id}/acting",
            get(super::acting::acting_charge)
                .post(super::acting::give_acting_charge)
                .delete(super::acting::withdraw_acting_charge),
        )
        .route(
            "/api/v1/leave/applications/{id}/acting/end",
            post(super::acting::withdraw_acting_charge),
        )
        .route("/api/v1/leave/inbox", get(inbox))
        .route("/api/v1/leave/credits/{half}", post(run_credits))
        .route(
            "/api/v1/leave/applications/{id}/attachments/{n}",
            get(application_attachment),
        )
        .route("/api/v1/leave/calendar", get(office_calendar))
        .route("/api/v1/leave/today", get(on_leave_today))
}

fn parse_state(raw: &str) -> Result<StateCode, ApiError> {
    StateCode::parse(raw).map_err(|e| ApiError::invalid("state", e))
}

fn parse_year(year: i32) -> Result<i32, ApiError> {
    if (2000..=2100).contains(&year) {
        Ok(year)
    } else {
        Err(ApiError::invalid("year", "the year must be between 2000 and 2100"))
    }
}

#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct StateParams {
    /// The state, for example `HR`; the caller's own state when left out.
    pub state: Option<String>,
}

/// The rule set in force in a state: every kind of leave with its accrual, limits, chain and
/// documents.
#[utoipa::path(get, path = "/api/v1/leave/rules", tag = "leave", params(StateParams),
    responses((status = 200, body = LeaveRulesView), (status = 404, body = Problem)))]
pub async fn rules(
    State(state): State<AppState>,
    user: CurrentUser,
    Query(params): Query<StateParams>,
) -> Result<Json<LeaveRulesView>, ApiError> {
    let state_code = match params.state {
        Some(raw) => parse_state(&raw)?,
        None => load_profile(state.store.as_ref(), &user.actor.employee).await?.state,
    };
    let (view, _) = load_rules(state.store.as_ref(), &state_code)
        .await?
        .ok_or(ApiError::NotFound("leave rules"))?;
    Ok(Json(view))
}

/// Sets a new version of a state's leave rules (administrators).
#[utoipa::path(put, path = "/api/v1/leave/rules/{state}", tag = "leave", params(("state" = String, Path)),
    request_body = PutLeaveRules,
    responses((status = 200, body = LeaveRulesView), (status = 403, body = Problem), (status = 409, body = Problem), (status = 422, body = Problem)))]
pub async fn set_rules(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(state_code): Path<String>,
    Json(request): Json<PutLeaveRules>,
) -> Result<Json<LeaveRulesView>, ApiError> {
    Ok(Json(
        put_rules(&state, &user, parse_state(&state_code)?, request).await?,
    ))
}

/// A state's holiday calendar for a year: weekly offs, gazetted and restricted holidays.
#[utoipa::path(get, path = "/api/v1/leave/holidays/{state}/{year}", tag = "leave",
    params(("state" = String, Path), ("year" = i32, Path)),
    responses((status = 200, body = HolidaysView), (status = 404, body = Problem)))]
pub async fn holidays(
    State(state): State<AppState>,
    _user: CurrentUser,
    Path((state_code, year)): Path<(String, i32)>,
) -> Result<Json<HolidaysView>, ApiError> {
    let view = load_holidays(state.store.as_ref(), &parse_state(&state_code)?, parse_year(year)?)
        .await?
        .ok_or(ApiError::NotFound("holiday calendar"))?;
    Ok(Json(view))
}

/// Sets a state's holiday calendar for a year (administrators).
#[utoipa::path(put, path = "/api/v1/leave/holidays/{state}/{year}", tag = "leave",
    params(("state" = String, Path), ("year" = i32, Path)), request_body = PutHolidays,
    responses((status = 200, body = HolidaysView), (status = 403, body = Problem), (status = 409, body = Problem), (status = 422, body = Problem)))]
pub async fn set_holidays(
    State(state): State<AppState>,
    user: CurrentUser,
    Path((state_code, year)): Path<(String, i32)>,
    Json(request): Json<PutHolidays>,
) -> Result<Json<HolidaysView>, ApiError> {
    let target = (parse_state(&state_code)?, parse_year(year)?);
    Ok(Json(put_holidays(&state, &user, target, request).await?))
}

/// The caller's leave balances: the balance, what pending applications hold, what is available.
#[utoipa::path(get, path = "/api/v1/leave/balances", tag = "leave",
    responses((status = 200, body = Vec<BalanceView>)))]
pub async fn my_balances(State(state): State<AppState>, user: CurrentUser) -> Result<Json<Vec<BalanceView>>, ApiError> {
    Ok(Json(balances(&state, &user).await?))
}

/// The caller's ledger of one kind of leave (`EL` or `earned`), each entry with its reason.
#[utoipa::path(get, path = "/api/v1/leave/ledger/{kind}", tag = "leave", params(("kind" = String, Path)),
    responses((status = 200, body = LedgerView), (status = 422, body = Problem)))]
pub async fn my_ledger(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(kind): Path<String>,
) -> Result<Json<LedgerView>, ApiError> {
    let kind = parse_kind(&kind).ok_or_else(|| ApiError::invalid("kind", "no such kind of leave"))?;
    Ok(Json(ledger(&state, &user, kind).await?))
}

/// The what-if: the days a spell would count, the balance after, the documents and the chain.
/// Refused, as apply would refuse it, over a clash with the caller's pending or sanctioned
/// leave (other than the application named in `replaces`). Changes nothing.
#[utoipa::path(post, path = "/api/v1/leave/assess", tag = "leave", request_body = AssessRequest,
    params(("Idempotency-Key" = Option<String>, Header, description = "Accepted for uniformity; the what-if changes nothing")),
    responses((status = 200, body = AssessmentView), (status = 422, body = Problem)))]
pub async fn assess_spell(
    State(state): State<AppState>,
    user: CurrentUser,
    _header: IdempotencyHeader,
    Json(request): Json<AssessRequest>,
) -> Result<Json<AssessmentView>, ApiError> {
    Ok(Json(what_if(&state, &user, request).await?))
}

/// Applies for leave: refused over the balance; the debit is reserved and the application goes
/// to the first approver's e-Leave inbox.
#[utoipa::path(post, path = "/api/v1/leave/applications", tag = "leave", request_body = ApplyRequest,
    params(("Idempotency-Key" = Option<String>, Header, description = "Makes a retry safe: the same key returns the first result")),
    responses((status = 201, body = LeaveApplicationView), (status = 409, body = Problem), (status = 422, body = Problem)))]
pub async fn apply_for_leave(
    State(state): State<AppState>,
    user: CurrentUser,
    header: IdempotencyHeader,
    Json(request): Json<ApplyRequest>,
) -> Result<Response, ApiError> {
    let (state, user) = (&state, &user);
    idempotent(
        state,
        user,
        header,
        "leave-apply",
        request,
        StatusCode::CREATED,
        move |request, idempotency| async move { apply(state, user, request, &idempotency).await },
    )
    .await
}

/// The caller's applications, newest first.
#[utoipa::path(get, path = "/api/v1/leave/applications", tag = "leave", params(PageParams),
    responses((status = 200, body = Page<LeaveApplicationView>)))]
pub async fn my_applications(
    State(state): State<AppState>,
    user: CurrentUser,
    Query(params): Query<PageParams>,
) -> Result<Json<Page<LeaveApplicationView>>, ApiError> {
    let mut query = daftar_store::Query::new(Index::Table, keys::employee_partition(&user.actor.employee));
    query.ascending = false;
    Ok(Json(
        page_of(state.store.as_ref(), query, keys::MY_LEAVE_PREFIX, params).await?,
    ))
}

/// An application and its history: for the applicant and the posts of its chain.
#[utoipa::path(get, path = "/api/v1/leave/applications/{id}", tag = "leave", params(("id" = String, Path)),
    responses((status = 200, body = LeaveApplicationDetail), (status = 403, body = Problem), (status = 404, body = Problem)))]
pub async fn application(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<String>,
) -> Result<Json<LeaveApplicationDetail>, ApiError> {
    let id = ApplicationId::parse(&id).map_err(|_| ApiError::NotFound("leave application"))?;
    Ok(Json(detail(&state, &user, &id).await?))
}

/// Recommends, approves, sanctions or rejects an application waiting at one of the caller's
/// posts, or (the applicant) cancels or curtails it, at the version seen.
#[utoipa::path(post, path = "/api/v1/leave/applications/{id}/act", tag = "leave", request_body = ActRequest,
    params(("id" = String, Path), ("Idempotency-Key" = Option<String>, Header, description = "Makes a retry safe")),
    responses((status = 200, body = LeaveApplicationView), (status = 403, body = Problem), (status = 409, body = Problem), (status = 422, body = Problem)))]
pub async fn act_on_application(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<String>,
    header: IdempotencyHeader,
    Json(request): Json<ActRequest>,
) -> Result<Response, ApiError> {
    let id = ApplicationId::parse(&id).map_err(|_| ApiError::NotFound("leave application"))?;
    let route = format!("leave-act:{id}");
    let (state, user) = (&state, &user);
    idempotent(
        state,
        user,
        header,
        &route,
        request,
        StatusCode::OK,
        move |request, idempotency| async move { act(state, user, &id, request, &idempotency).await },
    )
    .await
}

#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct LeaveInboxParams {
    /// The post whose inbox to read; one the caller holds.
    pub post: String,
    pub limit: Option<u32>,
    pub cursor: Option<String>,
}

/// Applications waiting at a post, newest first, each with the applicant's balance.
#[utoipa::path(get, path = "/api/v1/leave/inbox", tag = "leave", params(LeaveInboxParams),
    responses((status = 200, body = Page<LeaveInboxEntry>), (status = 403, body = Problem)))]
pub async fn inbox(
    State(state): State<AppState>,
    user: CurrentUser,
    Query(params): Query<LeaveInboxParams>,
) -> Result<Json<Page<LeaveInboxEntry>>, ApiError> {
    let post = PostId::parse(&params.post).map_err(|e| ApiError::invalid("post", e))?;
    authorize(&user.actor, Action::ViewInbox, Resource::Post(&post))?;
    // The first page also brings what waits for this post as the alternate of an approver
    // who is away today (see `acting`), ahead of the post's own rows.
    let mut views = match params.cursor {
        None => super::acting::waiting_for_alternate(state.store.as_ref(), &post, office_date(state.now())).await?,
        Some(_) => Vec::new(),
    };
    let mut query = daftar_store::Query::new(Index::Table, keys::inbox_partition(&post));
    query.ascending = false;
    let page: Page<LeaveApplicationView> = page_of(
        state.store.as_ref(),
        query,
        keys::LEAVE_INBOX_PREFIX,
        PageParams {
            limit: params.limit,
            cursor: params.cursor,
        },
    )
    .await?;
    views.extend(page.items);
    Ok(Json(Page {
        items: with_balances(&state, views).await?,
        next_cursor: page.next_cursor,
    }))
}

#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct CreditParams {
    /// The state whose employees to credit, for example `HR`.
    pub state: String,
    /// The `next_cursor` of the previous page of employees.
    pub cursor: Option<String>,
}

/// Credits a half-year's leave (`2026H1`; yearly grants go with the first half) to one page of
/// a state's employees (administrators). Running it twice credits once; follow `next_cursor`.
#[utoipa::path(post, path = "/api/v1/leave/credits/{half}", tag = "leave", params(("half" = String, Path), CreditParams,
    ("Idempotency-Key" = Option<String>, Header, description = "Makes a retry safe")),
    responses((status = 200, body = CreditRun), (status = 403, body = Problem), (status = 422, body = Problem)))]
pub async fn run_credits(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(half): Path<String>,
    Query(params): Query<CreditParams>,
    header: IdempotencyHeader,
) -> Result<Response, ApiError> {
    let half_year = parse_half_year(&half).map_err(|e| ApiError::invalid("half", e))?;
    let state_code = parse_state(&params.state)?;
    let route = format!(
        "leave-credit:{half_year}:{state_code}:{}",
        params.cursor.as_deref().unwrap_or("")
    );
    let (state, user) = (&state, &user);
    idempotent(
        state,
        user,
        header,
        &route,
        (half_year, state_code, params.cursor),
        StatusCode::OK,
        move |job, idempotency| async move { credit_half_year(state, user, job, &idempotency).await },
    )
    .await
}

/// One of an application's attachments (1 is the first), with its real content type: for the
/// applicant and the posts of its chain.
#[utoipa::path(get, path = "/api/v1/leave/applications/{id}/attachments/{n}", tag = "leave",
    params(("id" = String, Path), ("n" = usize, Path)),
    responses((status = 200, description = "The attachment's bytes"), (status = 403, body = Problem), (status = 404, body = Problem)))]
pub async fn application_attachment(
    State(state): State<AppState>,
    user: CurrentUser,
    Path((id, n)): Path<(String, usize)>,
) -> Result<Response, ApiError> {
    let id = ApplicationId::parse(&id).map_err(|_| ApiError::NotFound("leave application"))?;
    super::roster::attachment(&state, &user, &id, n).await
}

#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct CalendarParams {
    /// The office, for example `FIN-HQ`; the office of the caller's first post when left out.
    pub office: Option<String>,
    /// The month, written `2026-12`; this month (office date) when left out.
    pub month: Option<String>,
}

/// An office's leave calendar for a month: every spell pending or sanctioned that touches it,
/// with who, at which post, and what kind. For the office's own officials and headquarters.
#[utoipa::path(get, path = "/api/v1/leave/calendar", tag = "leave", params(CalendarParams),
    responses((status = 200, body = LeaveCalendarView), (status = 403, body = Problem), (status = 422, body = Problem)))]
pub async fn office_calendar(
    State(state): State<AppState>,
    user: CurrentUser,
    Query(params): Query<CalendarParams>,
) -> Result<Json<LeaveCalendarView>, ApiError> {
    Ok(Json(
        super::roster::calendar(&state, &user, params.office.as_deref(), params.month.as_deref()).await?,
    ))
}

#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct OfficeParams {
    /// The office, for example `FIN-HQ`; the office of the caller's first post when left out.
    pub office: Option<String>,
}

/// Who of an office is on sanctioned leave today (the office date), for the control room.
#[utoipa::path(get, path = "/api/v1/leave/today", tag = "leave", params(OfficeParams),
    responses((status = 200, body = OnLeaveToday), (status = 403, body = Problem), (status = 422, body = Problem)))]
pub async fn on_leave_today(
    State(state): State<AppState>,
    user: CurrentUser,
    Query(params): Query<OfficeParams>,
) -> Result<Json<OnLeaveToday>, ApiError> {
    Ok(Json(
        super::roster::on_leave_today(&state, &user, params.office.as_deref()).await?,
    ))
}
