//! `/api/v1/org`: the directory officials pick recipients from.

use super::{list_departments, list_offices, list_posts};
use crate::auth::CurrentUser;
use crate::error::{ApiError, Json};
use crate::state::AppState;
use axum::extract::{Path, State};
use axum::routing::get;
use axum::Router;
use daftar_domain::auth::{authorize, Action, Resource};
use daftar_domain::wire::{DepartmentList, OfficeList, PostList};
use daftar_domain::{DeptCode, OfficeCode};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/api/v1/org/departments", get(departments))
        .route("/api/v1/org/departments/{dept}/offices", get(offices))
        .route("/api/v1/org/offices/{office}/posts", get(posts))
}

/// Every department and corporation, by name.
#[utoipa::path(get, path = "/api/v1/org/departments", tag = "org",
    responses((status = 200, body = DepartmentList), (status = 401, body = daftar_domain::wire::Problem)))]
pub async fn departments(State(state): State<AppState>, user: CurrentUser) -> Result<Json<DepartmentList>, ApiError> {
    authorize(&user.actor, Action::ViewDirectory, Resource::Organisation)?;
    let mut departments = list_departments(state.store.as_ref()).await?;
    departments.sort_by(|a, b| a.name_en.cmp(&b.name_en));
    Ok(Json(DepartmentList { departments }))
}

/// The offices of a department: its headquarters and district offices.
#[utoipa::path(get, path = "/api/v1/org/departments/{dept}/offices", tag = "org",
    params(("dept" = String, Path, description = "Department code")),
    responses((status = 200, body = OfficeList), (status = 422, body = daftar_domain::wire::Problem)))]
pub async fn offices(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(dept): Path<String>,
) -> Result<Json<OfficeList>, ApiError> {
    authorize(&user.actor, Action::ViewDirectory, Resource::Organisation)?;
    let dept = DeptCode::parse(&dept).map_err(|e| ApiError::invalid("dept", e))?;
    let mut offices = list_offices(state.store.as_ref(), &dept).await?;
    offices.sort_by(|a, b| a.name_en.cmp(&b.name_en));
    Ok(Json(OfficeList { offices }))
}

/// The posts (desks) of an office, with who holds each.
#[utoipa::path(get, path = "/api/v1/org/offices/{office}/posts", tag = "org",
    params(("office" = String, Path, description = "Office code")),
    responses((status = 200, body = PostList), (status = 422, body = daftar_domain::wire::Problem)))]
pub async fn posts(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(office): Path<String>,
) -> Result<Json<PostList>, ApiError> {
    authorize(&user.actor, Action::ViewDirectory, Resource::Organisation)?;
    let office = OfficeCode::parse(&office).map_err(|e| ApiError::invalid("office", e))?;
    let posts = list_posts(state.store.as_ref(), &office).await?;
    Ok(Json(PostList {
        posts: posts.iter().map(|p| p.summary()).collect(),
    }))
}
