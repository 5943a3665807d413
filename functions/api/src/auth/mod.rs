//! Sign-in, sessions, the signed-in user as an extractor, and the cross-site request check.

pub mod password;
pub(crate) mod routes;
pub mod session;

pub use routes::router;

use crate::error::ApiError;
use crate::org::{load_employee, EmployeeRecord};
use crate::state::AppState;
use axum::extract::{FromRequestParts, Request, State};
use axum::http::request::Parts;
use axum::http::{header, HeaderMap, Method};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use daftar_domain::auth::Actor;
use daftar_domain::leave::acting::ActingCharge;
use daftar_domain::wire::Me;

/// The signed-in official. Taking this as a handler argument is what makes an endpoint need a
/// session: without a live one the request is refused with 401 before the handler runs.
#[derive(Debug, Clone)]
pub struct CurrentUser {
    /// Who acts: their own posts, and those they hold by acting charge today.
    pub actor: Actor,
    pub record: EmployeeRecord,
    /// The acting charges in force today (their posts are in `actor.posts` too).
    pub acting: Vec<ActingCharge>,
}

impl CurrentUser {
    pub fn me(&self) -> Me {
        let e = &self.record.employee;
        Me {
            employee_id: e.id.clone(),
            name_en: e.name_en.to_string(),
            name_hi: e.name_hi.to_string(),
            designation_en: e.designation_en.clone(),
            designation_hi: e.designation_hi.clone(),
            posts: self
                .record
                .postings
                .iter()
                .chain(self.acting.iter().map(|charge| &charge.post))
                .fold(Vec::new(), |mut posts: Vec<daftar_domain::wire::PostSummary>, post| {
                    if !posts.iter().any(|p| p.id == post.id) {
                        posts.push(post.clone());
                    }
                    posts
                }),
            roles: e.roles.clone(),
            acting: self.acting.clone(),
        }
    }

    /// The official with the acting charges they hold today, read with one query.
    pub async fn load(state: &AppState, record: EmployeeRecord) -> Result<Self, ApiError> {
        let today = daftar_domain::local_time::office_date(state.now());
        let acting = crate::leave::acting::charges_held(state.store.as_ref(), &record.employee.id, today).await?;
        let mut user = Self::from(record);
        crate::leave::acting::take_charge(&mut user.actor, &acting);
        user.acting = acting;
        Ok(user)
    }
}

impl From<EmployeeRecord> for CurrentUser {
    fn from(record: EmployeeRecord) -> Self {
        let actor = Actor {
            employee: record.employee.id.clone(),
            posts: record
                .postings
                .iter()
                .map(|p| (p.id.clone(), p.office.clone()))
                .collect(),
            depts: record.postings.iter().map(|p| p.dept.clone()).collect(),
            roles: record.employee.roles.clone(),
        };
        Self {
            actor,
            record,
            acting: Vec::new(),
        }
    }
}

fn session_token(headers: &HeaderMap) -> Option<&str> {
    headers
        .get(header::COOKIE)
        .and_then(|v| v.to_str().ok())
        .and_then(session::token_from_cookies)
}

impl FromRequestParts<AppState> for CurrentUser {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        let token = session_token(&parts.headers).ok_or(ApiError::Unauthenticated)?;
        let session = session::resume(state, token).await?;
        let record = load_employee(state.store.as_ref(), &session.employee)
            .await?
            .ok_or(ApiError::Unauthenticated)?;
        Self::load(state, record).await
    }
}

/// Whether the request arrived over HTTPS (directly or through a proxy that says so).
pub fn is_https(headers: &HeaderMap) -> bool {
    headers
        .get("x-forwarded-proto")
        .and_then(|v| v.to_str().ok())
        .is_some_and(|proto| proto.eq_ignore_ascii_case("https"))
}

/// Refuses state-changing requests whose `Origin` is not this site's (CSRF protection for a
/// cookie-authenticated API). Browsers always send `Origin` on cross-site and same-site POSTs;
/// a request without one is refused too, so other clients must send it deliberately.
pub async fn require_same_origin(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let safe = matches!(*request.method(), Method::GET | Method::HEAD | Method::OPTIONS);
    if safe || origin_allowed(request.headers(), &state.config.allowed_origins) {
        next.run(request).await
    } else {
        ApiError::BadOrigin.into_response()
    }
}

fn origin_allowed(headers: &HeaderMap, allowed: &[String]) -> bool {
    let Some(origin) = headers.get(header::ORIGIN).and_then(|v| v.to_str().ok()) else {
        return false;
    };
    if allowed.iter().any(|a| a == origin) {
        return true;
    }
    let host = headers.get(header::HOST).and_then(|v| v.to_str().ok());
    let origin_host = origin
        .strip_prefix("https://")
        .or_else(|| origin.strip_prefix("http://"));
    matches!((origin_host, host), (Some(o), Some(h)) if o.eq_ignore_ascii_case(h))
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    fn headers(origin: Option<&str>, host: &str) -> HeaderMap {
        let mut h = HeaderMap::new();
        h.insert(header::HOST, HeaderValue::from_str(host).unwrap());
        if let Some(o) = origin {
            h.insert(header::ORIGIN, HeaderValue::from_str(o).unwrap());
        }
        h
    }

    #[test]
    fn origin_rules() {
        let allowed = vec!["https://daftar.haryana.gov.in".to_owned()];
        let cases = [
            (Some("http://127.0.0.1:3000"), "127.0.0.1:3000", true),
            (Some("http://evil.example"), "127.0.0.1:3000", false),
            (Some("http://127.0.0.1:3001"), "127.0.0.1:3000", false),
            (None, "127.0.0.1:3000", false),
            (Some("null"), "127.0.0.1:3000", false),
            (Some("https://daftar.haryana.gov.in"), "abc.execute-api.aws", true),
        ];
        for (origin, host, ok) in cases {
            assert_eq!(
                origin_allowed(&headers(origin, host), &allowed),
                ok,
                "{origin:?} on {host}"
            );
        }
    }
}
