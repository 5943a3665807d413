//! Runs one domain's router on AWS Lambda behind an API Gateway HTTP API.
//!
//! Each binary in `src/bin` is this crate's [`run`] with its domain: the same router the local
//! server mounts, so behaviour cannot differ between the two.

use daftar_api::{ApiConfig, AppState, Domain};
use daftar_blob::s3::S3BlobStore;
use daftar_store::dynamo::DynamoStore;
use std::sync::Arc;

/// Builds the domain's router over DynamoDB (table from `DAFTAR_TABLE`) and S3 (attachments
/// bucket from `DAFTAR_BUCKET`) and serves Lambda events.
pub async fn run(domain: Domain) -> Result<(), lambda_http::Error> {
    tracing_subscriber::fmt()
        .json()
        .with_env_filter(tracing_subscriber::EnvFilter::try_from_default_env().unwrap_or_else(|_| "info".into()))
        .without_time()
        .init();
    let table = std::env::var("DAFTAR_TABLE").map_err(|_| "DAFTAR_TABLE is not set")?;
    // Built once per execution environment and reused across invocations.
    let sdk_config = aws_config::load_from_env().await;
    let store = Arc::new(DynamoStore::new(&sdk_config, table));
    let bucket = std::env::var("DAFTAR_BUCKET").map_err(|_| "DAFTAR_BUCKET is not set")?;
    let blobs = Arc::new(S3BlobStore::new(&sdk_config, bucket));
    let config = ApiConfig {
        allowed_origins: std::env::var("DAFTAR_ALLOWED_ORIGINS")
            .map(|v| {
                v.split(',')
                    .map(str::trim)
                    .filter(|o| !o.is_empty())
                    .map(str::to_owned)
                    .collect()
            })
            .unwrap_or_default(),
        // API Gateway only speaks HTTPS.
        always_secure_cookies: true,
        ..ApiConfig::default()
    };
    let state = AppState::new(store, blobs, config);
    // Open the connection to DynamoDB during init, not on the first user's request: the first
    // TLS handshake costs hundreds of milliseconds.
    if let Err(error) = state.store.get(&daftar_store::Key::new("HEALTH", "HEALTH")).await {
        tracing::warn!(%error, "warming the DynamoDB connection failed");
    }
    // Likewise build the dummy password hash now, so the first unknown-ID sign-in of this
    // environment takes no longer than any other.
    daftar_api::auth::password::warm_up();
    lambda_http::run(daftar_api::router_for(&[domain], state)).await
}
