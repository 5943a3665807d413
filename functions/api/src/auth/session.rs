//! Server-side sessions: a random token in an HttpOnly cookie, its SHA-256 in the store.
//!
//! Only the hash is stored, so a leaked table does not leak live sessions.

use crate::error::ApiError;
use crate::keys;
use crate::state::AppState;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use daftar_domain::org::Employee;
use daftar_domain::session::{SessionPolicy, SessionState};
use daftar_domain::EmployeeId;
use daftar_store::{Condition, Item, Write};
use rand::RngCore;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use time::OffsetDateTime;

/// The session cookie's name over plain HTTP (local runs).
pub const COOKIE_NAME: &str = "daftar_session";
/// Its name over HTTPS. Browsers accept a `__Host-` cookie only if it is Secure, has `Path=/` and
/// no `Domain`, so a neighbouring subdomain cannot plant one to fix a victim's session.
pub const SECURE_COOKIE_NAME: &str = "__Host-daftar_session";

/// A session as stored.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct SessionRecord {
    pub employee: EmployeeId,
    #[serde(with = "time::serde::rfc3339")]
    pub created: OffsetDateTime,
    #[serde(with = "time::serde::rfc3339")]
    pub last_seen: OffsetDateTime,
    /// A wall screen's session, which lives longer (see [`SessionPolicy::wall_screen`]).
    #[serde(default)]
    pub wall_screen: bool,
}

impl SessionRecord {
    pub fn policy(&self, state: &AppState) -> SessionPolicy {
        if self.wall_screen {
            SessionPolicy::wall_screen()
        } else {
            state.config.session
        }
    }
}

pub fn token_hash(token: &str) -> String {
    let digest = Sha256::digest(token.as_bytes());
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

fn new_token() -> String {
    let mut bytes = [0u8; 32];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    URL_SAFE_NO_PAD.encode(bytes)
}

fn session_item(state: &AppState, token: &str, record: &SessionRecord, version: u64) -> Item {
    Item::new(
        keys::session(&token_hash(token)),
        serde_json::to_value(record).expect("sessions serialise"),
    )
    .with_version(version)
    .expiring_at(record.policy(state).hard_expiry(record.created).unix_timestamp())
}

/// Starts a fresh session for an employee and returns its token and record. Every sign-in gets
/// a new token.
pub async fn start(state: &AppState, employee: &Employee) -> Result<(String, SessionRecord), ApiError> {
    let now = state.now();
    let token = new_token();
    let record = SessionRecord {
        employee: employee.id.clone(),
        created: now,
        last_seen: now,
        wall_screen: employee.is_wall_screen(),
    };
    state
        .store
        .write(Write::Put {
            item: session_item(state, &token, &record, 1),
            condition: Condition::NotExists,
        })
        .await?;
    Ok((token, record))
}

/// Finds the live session for a token, ending it if it has expired.
pub async fn resume(state: &AppState, token: &str) -> Result<SessionRecord, ApiError> {
    let key = keys::session(&token_hash(token));
    let item = state.store.get(&key).await?.ok_or(ApiError::Unauthenticated)?;
    let mut record: SessionRecord = item.parse()?;
    let now = state.now();
    let policy = record.policy(state);
    match policy.state(record.created, record.last_seen, now) {
        SessionState::Active => {}
        SessionState::IdleExpired | SessionState::AbsoluteExpired => {
            state
                .store
                .write(Write::Delete {
                    key,
                    condition: Condition::None,
                })
                .await?;
            return Err(ApiError::Unauthenticated);
        }
    }
    if policy.needs_touch(record.last_seen, now) {
        record.last_seen = now;
        let touched = session_item(state, token, &record, item.version + 1);
        // A concurrent request may have touched it already, or logout may have removed it;
        // either way this request's view stands and the next request sees the outcome.
        let _ = state
            .store
            .write(Write::Put {
                item: touched,
                condition: Condition::VersionIs(item.version),
            })
            .await;
    }
    Ok(record)
}

/// Ends a session server-side, so the cookie is useless even if kept.
pub async fn end(state: &AppState, token: &str) -> Result<(), ApiError> {
    state
        .store
        .write(Write::Delete {
            key: keys::session(&token_hash(token)),
            condition: Condition::None,
        })
        .await?;
    Ok(())
}

/// The `Set-Cookie` value for a new session.
pub fn cookie(token: &str, secure: bool, max_age_seconds: i64) -> String {
    let (name, secure) = if secure {
        (SECURE_COOKIE_NAME, "; Secure")
    } else {
        (COOKIE_NAME, "")
    };
    format!("{name}={token}; HttpOnly; SameSite=Strict; Path=/; Max-Age={max_age_seconds}{secure}")
}

/// The `Set-Cookie` value that removes the session cookie.
pub fn clearing_cookie(secure: bool) -> String {
    cookie("", secure, 0)
}

/// The session token from a `Cookie` header, if it carries exactly one. Two session cookies
/// mean someone planted one beside the real one; trusting either could act in the wrong session.
pub fn token_from_cookies(header: &str) -> Option<&str> {
    let mut tokens = header
        .split(';')
        .filter_map(|pair| pair.trim().split_once('='))
        .filter(|(name, _)| *name == COOKIE_NAME || *name == SECURE_COOKIE_NAME)
        .map(|(_, value)| value);
    match (tokens.next(), tokens.next()) {
        (Some(token), None) if !token.is_empty() => Some(token),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cookie_attributes() {
        let c = cookie("abc", true, 60);
        assert_eq!(
            c,
            "__Host-daftar_session=abc; HttpOnly; SameSite=Strict; Path=/; Max-Age=60; Secure"
        );
        assert!(!cookie("abc", false, 60).contains("Secure"));
        assert!(clearing_cookie(false).contains("Max-Age=0"));
    }

    #[test]
    fn token_is_found_among_other_cookies() {
        assert_eq!(token_from_cookies("a=1; daftar_session=tok; b=2"), Some("tok"));
        assert_eq!(token_from_cookies("a=1"), None);
        assert_eq!(token_from_cookies("daftar_session="), None);
        assert_eq!(token_from_cookies("__Host-daftar_session=tok"), Some("tok"));
        assert_eq!(
            token_from_cookies("daftar_session=planted; __Host-daftar_session=tok"),
            None
        );
        assert_eq!(token_from_cookies("daftar_session=a; daftar_session=b"), None);
    }

    #[test]
    fn tokens_are_random_and_hashes_hex() {
        let (a, b) = (new_token(), new_token());
        assert_ne!(a, b);
        assert_eq!(a.len(), 43);
        assert_eq!(token_hash(&a).len(), 64);
    }
}
