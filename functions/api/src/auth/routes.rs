//! `/api/v1/auth`: sign in, sign out, who am I.

use super::password::verify_password;
use super::{is_https, session, session_token, CurrentUser};
use crate::error::{ApiError, Json};
use crate::keys;
use crate::org::{load_employee, Credential};
use crate::state::AppState;
use axum::extract::State;
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::Router;
use daftar_domain::session::FailedLogins;
use daftar_domain::wire::{LoginRequest, Me};
use daftar_domain::EmployeeId;
use daftar_store::{Condition, Item, Write};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/api/v1/auth/login", post(login))
        .route("/api/v1/auth/logout", post(logout))
        .route("/api/v1/auth/me", get(me))
}

/// Signs in with employee ID and password; sets the session cookie.
#[utoipa::path(post, path = "/api/v1/auth/login", tag = "auth", request_body = LoginRequest,
    responses((status = 200, body = Me), (status = 401, body = daftar_domain::wire::Problem), (status = 429, body = daftar_domain::wire::Problem)))]
#[tracing::instrument(skip_all)]
pub async fn login(
    State(state): State<AppState>,
    headers: HeaderMap,
    Json(request): Json<LoginRequest>,
) -> Result<Response, ApiError> {
    let now = state.now();
    let throttle = state.config.login_throttle;
    let failures_key = keys::failed_logins(&request.employee_id);
    let failures_item = state.store.get(&failures_key).await?;
    let failures: FailedLogins = failures_item.as_ref().map(Item::parse).transpose()?.unwrap_or_default();

    // Look the employee up whatever happens next, and always verify a hash (a dummy one for
    // unknown IDs), so the response time does not tell whether the ID exists.
    let employee_id = EmployeeId::parse(&request.employee_id).ok();
    let credential = match &employee_id {
        Some(id) => state
            .store
            .get(&keys::employee_credential(id))
            .await?
            .map(|item| item.parse::<Credential>())
            .transpose()?,
        None => None,
    };
    let stored_hash = credential.map(|c| c.password_hash);
    let password = request.password;
    let verified = tokio::task::spawn_blocking(move || verify_password(&password, stored_hash.as_deref()))
        .await
        .map_err(|e| ApiError::Internal(format!("password check failed: {e}")))?;

    if let Err(retry_after_seconds) = throttle.check(failures, now) {
        return Err(ApiError::RateLimited { retry_after_seconds });
    }
    let record = match (&employee_id, verified) {
        (Some(id), true) => load_employee(state.store.as_ref(), id).await?,
        _ => None,
    };
    let Some(record) = record else {
        let next = throttle.record_failure(failures, now);
        let item = Item::new(failures_key, serde_json::to_value(next).expect("counts serialise"))
            .with_version(failures_item.as_ref().map_or(1, |i| i.version + 1))
            .expiring_at(now.unix_timestamp() + throttle.window.whole_seconds());
        let condition = failures_item
            .as_ref()
            .map_or(Condition::NotExists, |i| Condition::VersionIs(i.version));
        // Two failures racing for the same ID both count as at least one: losing this write
        // undercounts by one, which the next failure corrects.
        let _ = state.store.write(Write::Put { item, condition }).await;
        return Err(ApiError::BadCredentials);
    };
    if failures_item.is_some() {
        state
            .store
            .write(Write::Delete {
                key: failures_key,
                condition: Condition::None,
            })
            .await?;
    }
    // A session presented with the sign-in is ended: each sign-in gets a new session id.
    if let Some(old) = session_token(&headers) {
        session::end(&state, old).await?;
    }
    let token = session::start(&state, record.employee.id.clone()).await?;
    let user = CurrentUser::from(record);
    let secure = state.config.always_secure_cookies || is_https(&headers);
    let cookie = session::cookie(&token, secure, state.config.session.absolute.whole_seconds());
    Ok(([(header::SET_COOKIE, cookie)], Json(user.me())).into_response())
}

/// Signs out: the session is deleted server-side and the cookie cleared.
#[utoipa::path(post, path = "/api/v1/auth/logout", tag = "auth", responses((status = 204)))]
pub async fn logout(State(state): State<AppState>, headers: HeaderMap) -> Result<Response, ApiError> {
    if let Some(token) = session_token(&headers) {
        session::end(&state, token).await?;
    }
    let secure = state.config.always_secure_cookies || is_https(&headers);
    Ok((
        StatusCode::NO_CONTENT,
        [(header::SET_COOKIE, session::clearing_cookie(secure))],
    )
        .into_response())
}

/// The signed-in official, their posts and roles.
#[utoipa::path(get, path = "/api/v1/auth/me", tag = "auth", responses((status = 200, body = Me), (status = 401, body = daftar_domain::wire::Problem)))]
pub async fn me(user: CurrentUser) -> Json<Me> {
    Json(user.me())
}
