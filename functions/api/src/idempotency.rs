//! Safe retries: a POST with an `Idempotency-Key` runs once; a replay gets the first response.
//!
//! The saved response is written in the same transaction as the change it reports, so there is
//! never a change without its record or a record without its change. A key reused with a
//! different request is refused rather than silently answered with the old response.

use crate::error::ApiError;
use crate::keys;
use crate::state::AppState;
use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use daftar_domain::{EmployeeId, IdempotencyKey};
use daftar_store::{Condition, Item, Key, Store, StoreError, Write};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

pub const HEADER: &str = "idempotency-key";
/// How long a key is remembered: long enough for any client's retries.
const REMEMBER_SECONDS: i64 = 24 * 60 * 60;

/// The optional `Idempotency-Key` header, parsed.
#[derive(Debug, Clone)]
pub struct IdempotencyHeader(pub Option<IdempotencyKey>);

impl<S: Send + Sync> FromRequestParts<S> for IdempotencyHeader {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        match parts.headers.get(HEADER) {
            None => Ok(Self(None)),
            Some(value) => {
                let text = value
                    .to_str()
                    .map_err(|_| ApiError::invalid("Idempotency-Key", "the header is not text"))?;
                IdempotencyKey::parse(text)
                    .map(|k| Self(Some(k)))
                    .map_err(|e| ApiError::invalid("Idempotency-Key", e))
            }
        }
    }
}

/// A response as saved for replay.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SavedResponse {
    fingerprint: String,
    status: u16,
    body: serde_json::Value,
}

impl IntoResponse for SavedResponse {
    fn into_response(self) -> Response {
        let status = StatusCode::from_u16(self.status).unwrap_or(StatusCode::OK);
        (status, axum::Json(self.body)).into_response()
    }
}

/// What a mutating handler knows about its idempotency key before doing anything.
pub enum Begun {
    /// First time (or no key): go ahead, and add [`Idempotency::record`] to the transaction.
    Fresh(Idempotency),
    /// Seen before with the same request: answer with this.
    Replay(SavedResponse),
}

/// A fresh request's key, if it has one.
pub struct Idempotency {
    key: Option<Key>,
    fingerprint: String,
}

fn fingerprint(route: &str, request: &impl Serialize) -> String {
    let mut hasher = Sha256::new();
    hasher.update(route.as_bytes());
    hasher.update([0]);
    hasher.update(serde_json::to_vec(request).expect("requests serialise"));
    hasher.finalize().iter().map(|b| format!("{b:02x}")).collect()
}

fn check_saved(item: &Item, fingerprint: &str) -> Result<SavedResponse, ApiError> {
    let saved: SavedResponse = item.parse()?;
    if saved.fingerprint == fingerprint {
        Ok(saved)
    } else {
        Err(ApiError::IdempotencyKeyReused)
    }
}

impl Idempotency {
    /// Looks the key up. `route` names the operation and its target (for example
    /// `forward:R-2026-…`), so one key cannot be replayed against a different receipt.
    pub async fn begin(
        state: &AppState,
        employee: &EmployeeId,
        header: IdempotencyHeader,
        route: &str,
        request: &impl Serialize,
    ) -> Result<Begun, ApiError> {
        let fingerprint = fingerprint(route, request);
        let Some(client_key) = header.0 else {
            return Ok(Begun::Fresh(Self { key: None, fingerprint }));
        };
        let key = keys::idempotency(employee, client_key.as_ref());
        match state.store.get(&key).await? {
            Some(item) => Ok(Begun::Replay(check_saved(&item, &fingerprint)?)),
            None => Ok(Begun::Fresh(Self {
                key: Some(key),
                fingerprint,
            })),
        }
    }

    /// [`Idempotency::begin`] for a handler: a replay comes back as the response to send at
    /// once (`Err`), a fresh request as the idempotency to carry on with (`Ok`).
    pub async fn start(
        state: &AppState,
        user: &crate::auth::CurrentUser,
        header: IdempotencyHeader,
        route: &str,
        request: &impl Serialize,
    ) -> Result<Result<Idempotency, Response>, ApiError> {
        Ok(
            match Self::begin(state, &user.actor.employee, header, route, request).await? {
                Begun::Replay(saved) => Err(saved.into_response()),
                Begun::Fresh(idempotency) => Ok(idempotency),
            },
        )
    }

    /// The write that saves this response; it fails (and with it the whole transaction) if the
    /// same key was saved meanwhile by a concurrent retry.
    fn record(&self, status: StatusCode, body: &impl Serialize, now_unix: i64) -> Option<Write> {
        let key = self.key.clone()?;
        let saved = SavedResponse {
            fingerprint: self.fingerprint.clone(),
            status: status.as_u16(),
            body: serde_json::to_value(body).expect("responses serialise"),
        };
        let item = Item::new(key, serde_json::to_value(saved).expect("saved responses serialise"))
            .expiring_at(now_unix + REMEMBER_SECONDS);
        Some(Write::Put {
            item,
            condition: Condition::NotExists,
        })
    }

    /// When a transaction that carried [`Self::record`] at position `index` failed there, a
    /// concurrent twin of this request won: answer with its response.
    fn replay_if_raced(&self, error: &StoreError, index: usize) -> Option<Result<SavedResponse, ApiError>> {
        match error {
            StoreError::ConditionFailed {
                index: failed,
                current: Some(item),
            } if *failed == index && self.key.is_some() => Some(check_saved(item, &self.fingerprint)),
            _ => None,
        }
    }

    /// Runs a change's transaction with this request's saved response appended, so the change
    /// and its record land together. A concurrent twin that saved first is replayed; any other
    /// store failure is handed back (`Ok(Err(_))`) for the caller to retry or report.
    pub async fn commit<T: Serialize>(
        &self,
        store: &dyn Store,
        mut writes: Vec<Write>,
        status: StatusCode,
        response: T,
        now_unix: i64,
    ) -> Result<Result<Outcome<T>, StoreError>, ApiError> {
        let record_at = writes.len();
        writes.extend(self.record(status, &response, now_unix));
        match store.transact(writes).await {
            Ok(()) => Ok(Ok(Outcome::Done(response))),
            Err(error) => {
                if let Some(replay) = self.replay_if_raced(&error, record_at) {
                    return replay.map(|saved| Ok(Outcome::Replayed(saved)));
                }
                // A twin that committed first also fails the change's own conditions (the
                // version it moved on), which are checked before ours: look for its record.
                if matches!(error, StoreError::ConditionFailed { .. }) {
                    if let Some(saved) = self.saved(store).await? {
                        return Ok(Ok(Outcome::Replayed(saved)));
                    }
                }
                Ok(Err(error))
            }
        }
    }

    /// The response a twin of this request saved since [`Idempotency::begin`], if any.
    pub async fn saved(&self, store: &dyn Store) -> Result<Option<SavedResponse>, ApiError> {
        let Some(key) = &self.key else {
            return Ok(None);
        };
        match store.get(key).await? {
            Some(item) => check_saved(&item, &self.fingerprint).map(Some),
            None => Ok(None),
        }
    }
}

/// Runs a mutating service once per `Idempotency-Key`: a replay is answered with the saved
/// response; otherwise `service` runs with the request and the idempotency it must commit with,
/// and its outcome is sent with `status`.
pub async fn idempotent<R, T, F, Fut>(
    state: &AppState,
    user: &crate::auth::CurrentUser,
    header: IdempotencyHeader,
    route: &str,
    request: R,
    status: StatusCode,
    service: F,
) -> Result<Response, ApiError>
where
    R: Serialize,
    T: Serialize,
    F: FnOnce(R, Idempotency) -> Fut,
    Fut: std::future::Future<Output = Result<Outcome<T>, ApiError>>,
{
    match Idempotency::start(state, user, header, route, &request).await? {
        Err(replay) => Ok(replay),
        Ok(idempotency) => Ok(service(request, idempotency).await?.respond(status)),
    }
}

/// The result of a mutating service call.
pub enum Outcome<T> {
    Done(T),
    Replayed(SavedResponse),
}

impl<T: Serialize> Outcome<T> {
    /// The HTTP response: a fresh result with `status`, a replay exactly as first sent.
    pub fn respond(self, status: StatusCode) -> Response {
        match self {
            Outcome::Done(body) => (status, crate::error::Json(body)).into_response(),
            Outcome::Replayed(saved) => saved.into_response(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fingerprints_differ_by_route_and_body() {
        let a = fingerprint("forward:R1", &serde_json::json!({"to": "A"}));
        assert_eq!(a, fingerprint("forward:R1", &serde_json::json!({"to": "A"})));
        assert_ne!(a, fingerprint("forward:R2", &serde_json::json!({"to": "A"})));
        assert_ne!(a, fingerprint("forward:R1", &serde_json::json!({"to": "B"})));
    }

    #[test]
    fn a_reused_key_with_another_request_is_refused() {
        let saved = SavedResponse {
            fingerprint: "abc".into(),
            status: 201,
            body: serde_json::json!({}),
        };
        let item = Item::new(Key::new("IDEM#X#k", "IDEM"), serde_json::to_value(&saved).unwrap());
        assert_eq!(check_saved(&item, "abc").unwrap(), saved);
        assert!(matches!(
            check_saved(&item, "other"),
            Err(ApiError::IdempotencyKeyReused)
        ));
    }
}
