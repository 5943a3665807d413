//! Daftar's HTTP API: one axum router per domain, mounted together by the local server or one
//! per Lambda function.
//!
//! Handlers are thin: they parse, ask [`daftar_domain::auth::authorize`], call a service that
//! runs the domain's pure rules and writes through the Store, and map the result. Only this
//! crate knows HTTP.

pub mod admin;
pub mod audit;
pub mod auth;
pub mod control;
pub mod counters;
pub mod csv_export;
pub mod error;
pub mod files;
pub mod idempotency;
pub mod keys;
pub mod kms;
pub mod leave;
pub mod openapi;
pub mod org;
mod pagination;
pub mod pims;
pub mod receipts;
pub mod reports;
pub mod search;
pub mod state;
pub mod uploads;

use axum::extract::State;
use axum::routing::{any, get};
use axum::{middleware, Router};
use daftar_domain::wire::Health;
use error::{ApiError, Json};
pub use state::{ApiConfig, AppState};

/// The domains, each deployable as its own function.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Domain {
    Auth,
    Org,
    Receipts,
    Files,
    Uploads,
    Leave,
    Control,
    Pims,
    Kms,
}

impl Domain {
    pub const ALL: [Domain; 9] = [
        Domain::Auth,
        Domain::Org,
        Domain::Receipts,
        Domain::Files,
        Domain::Uploads,
        Domain::Leave,
        Domain::Control,
        Domain::Pims,
        Domain::Kms,
    ];

    fn routes(self) -> Router<AppState> {
        match self {
            Domain::Auth => auth::router(),
            Domain::Org => org::router(),
            Domain::Receipts => receipts::router(),
            Domain::Files => files::router().merge(search::router()),
            Domain::Uploads => uploads::router(),
            Domain::Leave => leave::router(),
            Domain::Control => control::router().merge(reports::router()),
            Domain::Pims => pims::router().merge(admin::router()),
            Domain::Kms => kms::router(),
        }
    }
}

/// A router serving the given domains, plus health and the OpenAPI document, with the
/// cross-site check on every state-changing request and problem+json for unknown API paths.
pub fn router_for(domains: &[Domain], state: AppState) -> axum::Router {
    let routes = domains
        .iter()
        .fold(Router::new(), |router, domain| router.merge(domain.routes()));
    routes
        .route("/api/health", get(health))
        .route("/api/openapi.json", get(openapi::document))
        // A catch-all under /api rather than a router fallback, so the local server can add its
        // own fallback (the site) without unknown API paths getting the app's HTML.
        .route("/api/{*rest}", any(|| async { ApiError::NotFound("API endpoint") }))
        .layer(middleware::from_fn_with_state(state.clone(), auth::require_same_origin))
        .with_state(state)
}

/// Every domain in one router: what the local server mounts.
pub fn router(state: AppState) -> axum::Router {
    router_for(&Domain::ALL, state)
}

/// Answers 200 when the API and its store respond.
#[utoipa::path(get, path = "/api/health", tag = "meta", responses((status = 200, body = Health), (status = 503, body = daftar_domain::wire::Problem)))]
pub async fn health(State(state): State<AppState>) -> Result<Json<Health>, ApiError> {
    state.store.get(&daftar_store::Key::new("HEALTH", "HEALTH")).await?;
    Ok(Json(Health {
        status: "ok".into(),
        store: state.store.backend_name().into(),
    }))
}
