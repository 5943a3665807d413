//! `/api/v1/receipts` and `/api/v1/posts/{post}/inbox`.

use super::{acknowledge_copy, close, desk_prefix, diarise, forward, load_viewable_receipt, receive, view};
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
use daftar_domain::receipt::ForwardOrder;
use daftar_domain::wire::{
    CloseReceiptRequest, DiariseRequest, InboxEntry, MovementEntry, Page, ReceiptDeskView, ReceiptView, VersionOnly,
};
use daftar_domain::{PostId, ReceiptId};
use daftar_store::Index;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/api/v1/receipts", post(diarise_receipt))
        .route("/api/v1/receipts/{id}", get(get_receipt))
        .route("/api/v1/receipts/{id}/history", get(history))
        .route("/api/v1/receipts/{id}/forward", post(forward_receipt))
        .route("/api/v1/receipts/{id}/attachments/{n}", get(attachment))
        .route("/api/v1/receipts/{id}/close", post(close_receipt))
        .route("/api/v1/receipts/{id}/receive", post(receive_receipt))
        .route("/api/v1/receipts/{id}/copies/{post}/acknowledge", post(acknowledge))
        .route("/api/v1/posts/{post}/inbox", get(inbox))
}

fn parse_receipt_id(raw: &str) -> Result<ReceiptId, ApiError> {
    ReceiptId::parse(raw).map_err(|_| ApiError::NotFound("receipt"))
}

/// Diarises an inward letter at one of the caller's posts and numbers it in that office's register.
#[utoipa::path(post, path = "/api/v1/receipts", tag = "receipts", request_body = DiariseRequest,
    params(("Idempotency-Key" = Option<String>, Header, description = "Makes a retry safe: the same key returns the first result")),
    responses((status = 201, body = ReceiptView), (status = 403, body = daftar_domain::wire::Problem), (status = 422, body = daftar_domain::wire::Problem)))]
pub async fn diarise_receipt(
    State(state): State<AppState>,
    user: CurrentUser,
    header: IdempotencyHeader,
    Json(request): Json<DiariseRequest>,
) -> Result<Response, ApiError> {
    let (state, user) = (&state, &user);
    idempotent(
        state,
        user,
        header,
        "diarise",
        request,
        StatusCode::CREATED,
        move |request, idempotency| async move { diarise(state, user, request, &idempotency).await },
    )
    .await
}

/// A receipt, its current holder, and whether the caller may forward it.
#[utoipa::path(get, path = "/api/v1/receipts/{id}", tag = "receipts", params(("id" = String, Path)),
    responses((status = 200, body = ReceiptView), (status = 403, body = daftar_domain::wire::Problem), (status = 404, body = daftar_domain::wire::Problem)))]
pub async fn get_receipt(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<String>,
) -> Result<Json<ReceiptView>, ApiError> {
    let receipt = load_viewable_receipt(&state, &user, &parse_receipt_id(&id)?).await?;
    Ok(Json(view(&state, &user, receipt).await?))
}

/// Every movement of a receipt, oldest first.
#[utoipa::path(get, path = "/api/v1/receipts/{id}/history", tag = "receipts", params(("id" = String, Path), PageParams),
    responses((status = 200, body = Page<MovementEntry>), (status = 403, body = daftar_domain::wire::Problem)))]
pub async fn history(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<String>,
    Query(params): Query<PageParams>,
) -> Result<Json<Page<MovementEntry>>, ApiError> {
    let id = parse_receipt_id(&id)?;
    load_viewable_receipt(&state, &user, &id).await?;
    let query = daftar_store::Query::new(Index::Table, keys::receipt_partition(&id));
    Ok(Json(
        page_of(state.store.as_ref(), query, keys::MOVEMENT_PREFIX, params).await?,
    ))
}

/// Sends a receipt to another post, with remarks, priority and an optional due date.
#[utoipa::path(post, path = "/api/v1/receipts/{id}/forward", tag = "receipts", request_body = ForwardOrder,
    params(("id" = String, Path), ("Idempotency-Key" = Option<String>, Header, description = "Makes a retry safe")),
    responses((status = 200, body = ReceiptView), (status = 403, body = daftar_domain::wire::Problem), (status = 409, body = daftar_domain::wire::Problem), (status = 422, body = daftar_domain::wire::Problem)))]
pub async fn forward_receipt(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<String>,
    header: IdempotencyHeader,
    Json(order): Json<ForwardOrder>,
) -> Result<Response, ApiError> {
    let id = parse_receipt_id(&id)?;
    let route = format!("forward:{id}");
    let (state, user) = (&state, &user);
    idempotent(
        state,
        user,
        header,
        &route,
        order,
        StatusCode::OK,
        move |order, idempotency| async move { forward(state, user, &id, order, &idempotency).await },
    )
    .await
}

#[derive(Debug, serde::Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ReceiptDeskParams {
    /// Which list: inbox (default), sent, created or closed.
    #[serde(default)]
    pub view: ReceiptDeskView,
    pub limit: Option<u32>,
    pub cursor: Option<String>,
}

/// One of a desk's receipt lists, newest first: waiting (with copies), sent, diarised, closed.
#[utoipa::path(get, path = "/api/v1/posts/{post}/inbox", tag = "receipts", params(("post" = String, Path), ReceiptDeskParams),
    responses((status = 200, body = Page<InboxEntry>), (status = 403, body = daftar_domain::wire::Problem)))]
pub async fn inbox(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(post): Path<String>,
    Query(params): Query<ReceiptDeskParams>,
) -> Result<Json<Page<InboxEntry>>, ApiError> {
    let post = PostId::parse(&post).map_err(|e| ApiError::invalid("post", e))?;
    authorize(&user.actor, Action::ViewInbox, Resource::Post(&post))?;
    let mut query = daftar_store::Query::new(Index::Table, keys::inbox_partition(&post));
    query.ascending = false;
    let page = PageParams {
        limit: params.limit,
        cursor: params.cursor,
    };
    Ok(Json(
        page_of(state.store.as_ref(), query, desk_prefix(params.view), page).await?,
    ))
}

/// Closes a receipt at the holder's desk, with remarks.
#[utoipa::path(post, path = "/api/v1/receipts/{id}/close", tag = "receipts", request_body = CloseReceiptRequest,
    params(("id" = String, Path), ("Idempotency-Key" = Option<String>, Header, description = "Makes a retry safe")),
    responses((status = 200, body = ReceiptView), (status = 403, body = daftar_domain::wire::Problem), (status = 409, body = daftar_domain::wire::Problem)))]
pub async fn close_receipt(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<String>,
    header: IdempotencyHeader,
    Json(request): Json<CloseReceiptRequest>,
) -> Result<Response, ApiError> {
    let id = parse_receipt_id(&id)?;
    let route = format!("close:{id}");
    let (state, user) = (&state, &user);
    idempotent(
        state,
        user,
        header,
        &route,
        request,
        StatusCode::OK,
        move |request, idempotency| async move { close(state, user, &id, request, &idempotency).await },
    )
    .await
}

/// A desk acknowledges a copy it was sent for information; the copy leaves its inbox.
#[utoipa::path(post, path = "/api/v1/receipts/{id}/copies/{post}/acknowledge", tag = "receipts",
    params(("id" = String, Path), ("post" = String, Path), ("Idempotency-Key" = Option<String>, Header, description = "Makes a retry safe")),
    responses((status = 200, body = daftar_domain::wire::AcknowledgedCopy), (status = 403, body = daftar_domain::wire::Problem), (status = 404, body = daftar_domain::wire::Problem)))]
pub async fn acknowledge(
    State(state): State<AppState>,
    user: CurrentUser,
    Path((id, post)): Path<(String, String)>,
    header: IdempotencyHeader,
) -> Result<Response, ApiError> {
    let post = PostId::parse(&post).map_err(|_| ApiError::NotFound("copy"))?;
    let id = parse_receipt_id(&id)?;
    let route = format!("acknowledge:{id}:{post}");
    let (state, user) = (&state, &user);
    idempotent(
        state,
        user,
        header,
        &route,
        (),
        StatusCode::OK,
        move |_, idempotency| async move { acknowledge_copy(state, user, &id, &post, &idempotency).await },
    )
    .await
}

/// One of a receipt's attachments (1 is the first), with its real content type.
#[utoipa::path(get, path = "/api/v1/receipts/{id}/attachments/{n}", tag = "receipts", params(("id" = String, Path), ("n" = usize, Path)),
    responses((status = 200, description = "The attachment's bytes"), (status = 403, body = daftar_domain::wire::Problem), (status = 404, body = daftar_domain::wire::Problem)))]
pub async fn attachment(
    State(state): State<AppState>,
    user: CurrentUser,
    Path((id, n)): Path<(String, usize)>,
) -> Result<Response, ApiError> {
    let receipt = load_viewable_receipt(&state, &user, &parse_receipt_id(&id)?).await?;
    crate::uploads::serve_nth(&state, &receipt.attachments, n).await
}

/// Marks a paper receipt received at the holder's desk.
#[utoipa::path(post, path = "/api/v1/receipts/{id}/receive", tag = "receipts", request_body = VersionOnly,
    params(("id" = String, Path), ("Idempotency-Key" = Option<String>, Header, description = "Makes a retry safe")),
    responses((status = 200, body = ReceiptView), (status = 403, body = daftar_domain::wire::Problem), (status = 409, body = daftar_domain::wire::Problem)))]
pub async fn receive_receipt(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<String>,
    header: IdempotencyHeader,
    Json(request): Json<VersionOnly>,
) -> Result<Response, ApiError> {
    let id = parse_receipt_id(&id)?;
    let route = format!("receive:{id}");
    let (state, user) = (&state, &user);
    idempotent(
        state,
        user,
        header,
        &route,
        request,
        StatusCode::OK,
        move |request, idempotency| async move { receive(state, user, &id, request.version, &idempotency).await },
    )
    .await
}
