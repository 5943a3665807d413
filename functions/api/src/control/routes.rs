//! `/api/v1/control/...`: the control room's pages, each answered with an entity tag.

use super::{department_view, desk_view, entity_tag, office_view, section_view, state_view};
use crate::auth::CurrentUser;
use crate::error::{ApiError, Json};
use crate::org::load_post;
use crate::state::AppState;
use axum::extract::{Path, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use daftar_domain::auth::{authorize, Action, Resource};
use daftar_domain::control::ControlView;
use daftar_domain::local_time::office_date;
use daftar_domain::wire::Problem;
use daftar_domain::{DeptCode, OfficeCode, PostId, SectionCode};
use std::future::Future;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/api/v1/control", get(state_page))
        .route("/api/v1/control/departments/{dept}", get(department_page))
        .route("/api/v1/control/offices/{office}", get(office_page))
        .route("/api/v1/control/offices/{office}/sections/{section}", get(section_page))
        .route("/api/v1/control/posts/{post}", get(desk_page))
}

/// Answers 304 when the caller already has this moment's page, else builds it. Either way the
/// entity tag goes back, and the page must be revalidated before reuse.
async fn conditional<F>(state: &AppState, headers: &HeaderMap, build: F) -> Result<Response, ApiError>
where
    F: Future<Output = Result<ControlView, ApiError>>,
{
    let today = office_date(state.now());
    let tag = entity_tag(state.store.as_ref(), today).await?;
    let fresh = headers
        .get(header::IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|asked| asked.split(',').any(|t| t.trim() == tag));
    let mut response = if fresh {
        StatusCode::NOT_MODIFIED.into_response()
    } else {
        Json(build.await?).into_response()
    };
    let headers = response.headers_mut();
    headers.insert(header::ETAG, HeaderValue::from_str(&tag).expect("tags are ASCII"));
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("private, no-cache"));
    Ok(response)
}

fn department_of(user: &CurrentUser, dept: &DeptCode) -> Result<(), ApiError> {
    authorize(&user.actor, Action::ViewPendency, Resource::Department(dept))?;
    Ok(())
}

fn parse<T>(
    field: &'static str,
    raw: &str,
    parse: fn(&str) -> Result<T, daftar_domain::ids::InvalidCode>,
) -> Result<T, ApiError> {
    parse(raw).map_err(|e| ApiError::invalid(field, e))
}

/// The whole state: every department and district office (control room and administrators).
#[utoipa::path(get, path = "/api/v1/control", tag = "control",
    responses((status = 200, body = ControlView), (status = 304), (status = 403, body = Problem)))]
pub async fn state_page(
    State(state): State<AppState>,
    user: CurrentUser,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    authorize(&user.actor, Action::ViewPendency, Resource::Organisation)?;
    let today = office_date(state.now());
    conditional(&state, &headers, state_view(state.store.as_ref(), today)).await
}

/// One department: its offices and busiest desks.
#[utoipa::path(get, path = "/api/v1/control/departments/{dept}", tag = "control",
    responses((status = 200, body = ControlView), (status = 304), (status = 403, body = Problem), (status = 404, body = Problem)))]
pub async fn department_page(
    State(state): State<AppState>,
    user: CurrentUser,
    headers: HeaderMap,
    Path(dept): Path<String>,
) -> Result<Response, ApiError> {
    let dept = parse("dept", &dept, DeptCode::parse)?;
    department_of(&user, &dept)?;
    let today = office_date(state.now());
    conditional(&state, &headers, department_view(state.store.as_ref(), &dept, today)).await
}

async fn office_dept(state: &AppState, office: &OfficeCode) -> Result<DeptCode, ApiError> {
    let office: daftar_domain::org::Office = state
        .store
        .get(&crate::keys::office(office))
        .await?
        .ok_or(ApiError::NotFound("office"))?
        .parse()?;
    Ok(office.dept)
}

/// One office: its sections and desks.
#[utoipa::path(get, path = "/api/v1/control/offices/{office}", tag = "control",
    responses((status = 200, body = ControlView), (status = 304), (status = 403, body = Problem), (status = 404, body = Problem)))]
pub async fn office_page(
    State(state): State<AppState>,
    user: CurrentUser,
    headers: HeaderMap,
    Path(office): Path<String>,
) -> Result<Response, ApiError> {
    let office = parse("office", &office, OfficeCode::parse)?;
    department_of(&user, &office_dept(&state, &office).await?)?;
    let today = office_date(state.now());
    conditional(&state, &headers, office_view(state.store.as_ref(), &office, today)).await
}

/// One section of an office: its desks.
#[utoipa::path(get, path = "/api/v1/control/offices/{office}/sections/{section}", tag = "control",
    responses((status = 200, body = ControlView), (status = 304), (status = 403, body = Problem), (status = 404, body = Problem)))]
pub async fn section_page(
    State(state): State<AppState>,
    user: CurrentUser,
    headers: HeaderMap,
    Path((office, section)): Path<(String, String)>,
) -> Result<Response, ApiError> {
    let office = parse("office", &office, OfficeCode::parse)?;
    let section = parse("section", &section, SectionCode::parse)?;
    department_of(&user, &office_dept(&state, &office).await?)?;
    let today = office_date(state.now());
    conditional(
        &state,
        &headers,
        section_view(state.store.as_ref(), &office, &section, today),
    )
    .await
}

/// One desk: its figures and its pending files and receipts, longest waiting first.
#[utoipa::path(get, path = "/api/v1/control/posts/{post}", tag = "control",
    responses((status = 200, body = ControlView), (status = 304), (status = 403, body = Problem), (status = 404, body = Problem)))]
pub async fn desk_page(
    State(state): State<AppState>,
    user: CurrentUser,
    headers: HeaderMap,
    Path(post): Path<String>,
) -> Result<Response, ApiError> {
    let post = parse("post", &post, PostId::parse)?;
    let post = load_post(state.store.as_ref(), &post)
        .await?
        .ok_or(ApiError::NotFound("post"))?;
    department_of(&user, &post.post.dept)?;
    let today = office_date(state.now());
    conditional(&state, &headers, desk_view(state.store.as_ref(), &post, today)).await
}
