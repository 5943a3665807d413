//! The API's one error type and its mapping to HTTP, in one place.
//!
//! Every error leaves as `application/problem+json` with a stable `code` the app translates.
//! Internal details are logged, never sent: a 5xx says only "internal error" and a request id.

use axum::extract::rejection::{JsonRejection, QueryRejection};
use axum::extract::{FromRequest, FromRequestParts};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use daftar_domain::auth::Denied;
use daftar_domain::wire::{ErrorCode, Problem};
use daftar_store::StoreError;
use serde::Serialize;

/// Everything a request can fail with.
#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    #[error("{message}")]
    Invalid { field: Option<String>, message: String },
    #[error("wrong employee ID or password")]
    BadCredentials,
    #[error("too many failed sign-ins; try again in {retry_after_seconds} seconds")]
    RateLimited { retry_after_seconds: i64 },
    #[error("please sign in")]
    Unauthenticated,
    #[error("this request did not come from Daftar's own pages")]
    BadOrigin,
    #[error("{0}")]
    Forbidden(#[from] Denied),
    /// Refused by a domain rule about who may act (the message says which rule).
    #[error("{0}")]
    NotPermitted(String),
    #[error("{0} not found")]
    NotFound(&'static str),
    #[error("{message}")]
    Conflict {
        message: String,
        current_version: Option<u64>,
    },
    /// The action does not fit the item's state now (a parked file cannot be sent, a closed
    /// receipt cannot move): reloading will not help, the state must change first.
    #[error("{0}")]
    WrongState(String),
    #[error("this Idempotency-Key was already used for a different request")]
    IdempotencyKeyReused,
    #[error("this request is still being processed")]
    InProgress,
    #[error("storage is busy; please try again")]
    Unavailable,
    #[error("internal error")]
    Internal(String),
    /// A refusal that also says why in Hindi (see [`ApiError::with_hindi`]); it is sent as
    /// `inner` is, with `detail_hi` beside the English `detail`.
    #[error("{inner}")]
    Localised { inner: Box<ApiError>, hi: String },
}

impl ApiError {
    pub fn invalid(field: impl Into<String>, message: impl ToString) -> Self {
        Self::Invalid {
            field: Some(field.into()),
            message: message.to_string(),
        }
    }

    /// This refusal, also explained in Hindi for the app's Hindi readers. An internal error
    /// stays as it is: it says nothing but "internal error" in any language.
    pub fn with_hindi(self, hi: impl Into<String>) -> ApiError {
        match self {
            Self::Internal(_) => self,
            // One explanation in Hindi is enough; the newest is the one that fits the English.
            Self::Localised { inner, .. } => inner.with_hindi(hi),
            other => Self::Localised {
                inner: Box::new(other),
                hi: hi.into(),
            },
        }
    }

    /// The error without its Hindi, which decides status, code and headers.
    fn unlocalised(&self) -> &ApiError {
        match self {
            Self::Localised { inner, .. } => inner.unlocalised(),
            other => other,
        }
    }

    fn status_and_code(&self) -> (StatusCode, ErrorCode) {
        match self.unlocalised() {
            Self::Invalid { .. } => (StatusCode::UNPROCESSABLE_ENTITY, ErrorCode::Invalid),
            Self::BadCredentials => (StatusCode::UNAUTHORIZED, ErrorCode::BadCredentials),
            Self::RateLimited { .. } => (StatusCode::TOO_MANY_REQUESTS, ErrorCode::RateLimited),
            Self::Unauthenticated => (StatusCode::UNAUTHORIZED, ErrorCode::Unauthenticated),
            Self::BadOrigin => (StatusCode::FORBIDDEN, ErrorCode::BadOrigin),
            Self::Forbidden(_) | Self::NotPermitted(_) => (StatusCode::FORBIDDEN, ErrorCode::Forbidden),
            Self::NotFound(_) => (StatusCode::NOT_FOUND, ErrorCode::NotFound),
            Self::Conflict { .. } => (StatusCode::CONFLICT, ErrorCode::Conflict),
            Self::WrongState(_) => (StatusCode::CONFLICT, ErrorCode::WrongState),
            Self::IdempotencyKeyReused => (StatusCode::UNPROCESSABLE_ENTITY, ErrorCode::IdempotencyKeyReused),
            Self::InProgress => (StatusCode::CONFLICT, ErrorCode::InProgress),
            Self::Unavailable => (StatusCode::SERVICE_UNAVAILABLE, ErrorCode::Unavailable),
            // `unlocalised` never returns `Localised`; it is here for the match to be complete.
            Self::Internal(_) | Self::Localised { .. } => (StatusCode::INTERNAL_SERVER_ERROR, ErrorCode::Internal),
        }
    }

    /// The problem document this error is sent as.
    pub fn problem(&self) -> Problem {
        if let Self::Localised { inner, hi } = self {
            return Problem {
                detail_hi: Some(hi.clone()),
                ..inner.problem()
            };
        }
        let (status, code) = self.status_and_code();
        let (field, current_version) = match self {
            Self::Invalid { field, .. } => (field.clone(), None),
            Self::Conflict { current_version, .. } => (None, *current_version),
            _ => (None, None),
        };
        Problem {
            type_uri: format!(
                "https://daftar.example/problems/{}",
                serde_json::to_value(code)
                    .ok()
                    .and_then(|v| v.as_str().map(str::to_owned))
                    .unwrap_or_default()
            ),
            title: status.canonical_reason().unwrap_or("Error").to_owned(),
            status: status.as_u16(),
            detail: self.to_string(),
            detail_hi: None,
            code,
            field,
            current_version,
        }
    }
}

impl From<StoreError> for ApiError {
    fn from(error: StoreError) -> Self {
        match error {
            // Services handle the conflicts they expect; one that reaches here was a race the
            // caller can resolve by reloading.
            StoreError::ConditionFailed { current, .. } => Self::Conflict {
                message: "someone else changed this first; reload and try again".into(),
                current_version: current.map(|item| item.version),
            },
            StoreError::TransactionConflict | StoreError::Unavailable(_) => Self::Unavailable,
            other => Self::Internal(other.to_string()),
        }
    }
}

impl From<daftar_blob::BlobError> for ApiError {
    fn from(error: daftar_blob::BlobError) -> Self {
        use daftar_blob::BlobError;
        match error {
            BlobError::Refused(refusal) => Self::invalid("file", refusal),
            BlobError::NotUploaded { .. } => Self::invalid("file", "the file has not been uploaded yet"),
            BlobError::Storage { doing, detail } => {
                tracing::warn!(%doing, %detail, "attachment storage failed");
                Self::Unavailable
            }
            other @ BlobError::InvalidKey { .. } => Self::Internal(other.to_string()),
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let problem = self.problem();
        if let Self::Internal(detail) = self.unlocalised() {
            tracing::error!(%detail, "request failed");
        }
        let mut response = (
            StatusCode::from_u16(problem.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR),
            axum::Json(&problem),
        )
            .into_response();
        response.headers_mut().insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/problem+json"),
        );
        if let Self::RateLimited { retry_after_seconds } = *self.unlocalised() {
            if let Ok(value) = HeaderValue::from_str(&retry_after_seconds.max(1).to_string()) {
                response.headers_mut().insert(header::RETRY_AFTER, value);
            }
        }
        response
    }
}

/// `Json` whose rejections are problem documents too: a malformed body gets a 4xx in our
/// format, naming the field serde stopped at.
#[derive(Debug, Clone, Copy, Default, FromRequest)]
#[from_request(via(axum::Json), rejection(ApiError))]
pub struct Json<T>(pub T);

impl From<JsonRejection> for ApiError {
    fn from(rejection: JsonRejection) -> Self {
        match rejection {
            JsonRejection::JsonDataError(err) => {
                // serde_path_to_error's message reads "path.to.field: reason"; the form field
                // the app shows the message beside is the last segment.
                let text = err.body_text();
                let detail = text.trim_start_matches("Failed to deserialize the JSON body into the target type: ");
                let field = detail
                    .split_once(':')
                    .map(|(path, _)| path.trim())
                    .filter(|path| !path.is_empty() && !path.contains(' '))
                    .and_then(|path| path.rsplit('.').next())
                    .map(str::to_owned);
                Self::Invalid {
                    field,
                    message: detail.to_owned(),
                }
            }
            other => Self::Invalid {
                field: None,
                message: other.body_text(),
            },
        }
    }
}

/// `Query` whose rejections (`?limit=abc`) are problem documents too.
#[derive(Debug, Clone, Copy, Default, FromRequestParts)]
#[from_request(via(axum::extract::Query), rejection(ApiError))]
pub struct Query<T>(pub T);

impl From<QueryRejection> for ApiError {
    fn from(rejection: QueryRejection) -> Self {
        Self::Invalid {
            field: None,
            message: rejection.body_text(),
        }
    }
}

impl<T: Serialize> IntoResponse for Json<T> {
    fn into_response(self) -> Response {
        axum::Json(self.0).into_response()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn internal_errors_do_not_leak_details() {
        let problem = ApiError::Internal("dynamodb said: secret table name".into()).problem();
        assert_eq!(problem.status, 500);
        assert_eq!(problem.detail, "internal error");
        assert_eq!(problem.code, ErrorCode::Internal);
    }

    #[test]
    fn conflicts_carry_the_current_version() {
        let problem = ApiError::Conflict {
            message: "moved".into(),
            current_version: Some(4),
        }
        .problem();
        assert_eq!((problem.status, problem.current_version), (409, Some(4)));
        assert_eq!(problem.type_uri, "https://daftar.example/problems/conflict");
    }

    #[test]
    fn a_refusal_with_hindi_keeps_its_status_code_and_field() {
        let english = ApiError::invalid("kind", "only 2 days are available, and this needs 3");
        let problem = english.with_hindi("केवल 2 दिन उपलब्ध हैं").problem();
        assert_eq!((problem.status, problem.code), (422, ErrorCode::Invalid));
        assert_eq!(problem.field.as_deref(), Some("kind"));
        assert_eq!(problem.detail, "only 2 days are available, and this needs 3");
        assert_eq!(problem.detail_hi.as_deref(), Some("केवल 2 दिन उपलब्ध हैं"));
        assert_eq!(problem.type_uri, "https://daftar.example/problems/invalid");

        let conflict = ApiError::Conflict {
            message: "changed".into(),
            current_version: Some(7),
        }
        .with_hindi("बदल गया")
        .with_hindi("आपके खोलने के बाद यह आवेदन बदल गया है")
        .problem();
        assert_eq!((conflict.status, conflict.current_version), (409, Some(7)));
        assert_eq!(conflict.detail_hi.as_deref(), Some("आपके खोलने के बाद यह आवेदन बदल गया है"));
    }

    #[test]
    fn internal_errors_stay_untranslated_and_silent() {
        let problem = ApiError::Internal("stored calendar is invalid".into())
            .with_hindi("कैलेंडर में त्रुटि")
            .problem();
        assert_eq!((problem.status, problem.detail.as_str()), (500, "internal error"));
        assert_eq!(problem.detail_hi, None);
    }

    #[test]
    fn problems_without_hindi_do_not_send_the_field() {
        let json = serde_json::to_value(ApiError::NotFound("leave application").problem()).expect("serialises");
        assert!(json.get("detail_hi").is_none());
    }
}
