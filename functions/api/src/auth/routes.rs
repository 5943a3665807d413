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
use daftar_domain::session::SignInAttempts;
use daftar_domain::wire::{LoginRequest, Me};
use daftar_domain::EmployeeId;
use daftar_store::{Condition, Item, StoreError, Write};

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
    let Ok(employee_id) = EmployeeId::parse(&request.employee_id) else {
        // No such ID can exist. Do the same work as for a real one (a read and a hash) so the
        // answer's timing does not reveal which IDs are well formed.
        state.store.get(&keys::employee_credential_placeholder()).await?;
        check_password(&state, request.password, None).await?;
        return Err(ApiError::BadCredentials);
    };
    let attempts_key = keys::sign_in_attempts(&employee_id);
    reserve_attempt(&state, &attempts_key).await?;

    // Verify a hash whatever happens (a dummy one for unknown IDs), so the response time does
    // not tell whether the ID exists.
    let credential = state
        .store
        .get(&keys::employee_credential(&employee_id))
        .await?
        .map(|item| item.parse::<Credential>())
        .transpose()?;
    let verified = check_password(&state, request.password, credential.map(|c| c.password_hash)).await?;
    let record = match verified {
        true => load_employee(state.store.as_ref(), &employee_id).await?,
        false => None,
    };
    let Some(record) = record else {
        return Err(ApiError::BadCredentials);
    };
    state
        .store
        .write(Write::Delete {
            key: attempts_key,
            condition: Condition::None,
        })
        .await?;
    // A session presented with the sign-in is ended: each sign-in gets a new session id.
    if let Some(old) = session_token(&headers) {
        session::end(&state, old).await?;
    }
    let (token, session) = session::start(&state, &record.employee).await?;
    let user = CurrentUser::load(&state, record).await?;
    let secure = state.config.always_secure_cookies || is_https(&headers);
    let cookie = session::cookie(&token, secure, session.policy(&state).absolute.whole_seconds());
    Ok(([(header::SET_COOKIE, cookie)], Json(user.me())).into_response())
}

/// Counts a sign-in attempt for an ID before its password is checked, refusing once the ID has
/// used up its attempts. Counting first (with a compare-and-swap) means concurrent guesses cannot
/// all slip through on the same stale count; a successful sign-in clears the record.
async fn reserve_attempt(state: &AppState, key: &daftar_store::Key) -> Result<(), ApiError> {
    const ATTEMPTS: usize = 8;
    let throttle = state.config.login_throttle;
    for _ in 0..ATTEMPTS {
        let now = state.now();
        let stored = state.store.get(key).await?;
        let attempts: SignInAttempts = stored.as_ref().map(Item::parse).transpose()?.unwrap_or_default();
        throttle
            .check(attempts, now)
            .map_err(|retry_after_seconds| ApiError::RateLimited { retry_after_seconds })?;
        let next = throttle.record_attempt(attempts, now);
        let item = Item::new(key.clone(), serde_json::to_value(next).expect("counts serialise"))
            .with_version(stored.as_ref().map_or(1, |i| i.version + 1))
            .expiring_at(next.window_start_unix + throttle.window.whole_seconds());
        let condition = stored
            .as_ref()
            .map_or(Condition::NotExists, |i| Condition::VersionIs(i.version));
        match state.store.write(Write::Put { item, condition }).await {
            Ok(()) => return Ok(()),
            Err(StoreError::ConditionFailed { .. } | StoreError::TransactionConflict) => continue,
            Err(other) => return Err(other.into()),
        }
    }
    // Only a flood of simultaneous attempts on one ID loses the race this often.
    Err(ApiError::Unavailable)
}

/// Verifies a password off the async threads, with at most a few checks at once: each costs
/// tens of milliseconds and ~19 MiB, so an unbounded flood would exhaust the machine.
async fn check_password(state: &AppState, password: String, stored_hash: Option<String>) -> Result<bool, ApiError> {
    // A morning rush waits its turn briefly; a flood is told to come back.
    let permit = tokio::time::timeout(
        std::time::Duration::from_secs(5),
        state.password_checks.clone().acquire_owned(),
    );
    let _permit = permit
        .await
        .map_err(|_| ApiError::Unavailable)?
        .map_err(|_| ApiError::Unavailable)?;
    tokio::task::spawn_blocking(move || verify_password(&password, stored_hash.as_deref()))
        .await
        .map_err(|e| ApiError::Internal(format!("password check failed: {e}")))
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
