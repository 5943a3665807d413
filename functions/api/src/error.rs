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
}

impl ApiError {
    pub fn invalid(field: impl Into<String>, message: impl ToString) -> Self {
        Self::Invalid {
            field: Some(field.into()),
            message: message.to_string(),
        }
    }

    fn status_and_code(&self) -> (StatusCode, ErrorCode) {
        match self {
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
            Self::Internal(_) => (StatusCode::INTERNAL_SERVER_ERROR, ErrorCode::Internal),
        }
    }

    /// The problem document this error is sent as.
    pub fn problem(&self) -> Problem {
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
        if let Self::Internal(detail) = &self {
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
        if let Self::RateLimited { retry_after_seconds } = self {
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
}
