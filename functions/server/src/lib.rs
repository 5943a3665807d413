//! The local server's parts: store selection, site settings, and the site + API router.

use anyhow::Context;
use axum::http::{header, HeaderValue};
use axum::response::{Html, IntoResponse};
use axum::routing::get;
use axum::Router;
use daftar_api::{ApiConfig, AppState};
use daftar_blob::folder::FolderBlobStore;
use daftar_blob::s3::S3BlobStore;
use daftar_blob::SharedBlobStore;
use daftar_store::dynamo::DynamoStore;
use daftar_store::embedded::EmbeddedStore;
use daftar_store::SharedStore;
use serde::Deserialize;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use tower_http::services::ServeDir;
use tower_http::set_header::SetResponseHeaderLayer;

/// The `[site]` table of Leptos.toml: where the built site is and where to listen.
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub struct SiteConfig {
    pub output_name: String,
    pub site_root: PathBuf,
    pub site_pkg_dir: String,
    pub site_addr: SocketAddr,
    pub style_file: String,
    pub assets_dir: String,
}

#[derive(Deserialize)]
struct LeptosToml {
    site: SiteConfig,
}

impl SiteConfig {
    pub fn parse(text: &str) -> anyhow::Result<Self> {
        Ok(toml::from_str::<LeptosToml>(text)?.site)
    }

    /// Reads the file, or falls back to the built-in defaults when run outside the workspace.
    pub fn load(path: &Path) -> anyhow::Result<Self> {
        match std::fs::read_to_string(path) {
            Ok(text) => Self::parse(&text),
            Err(_) => Self::parse(include_str!("../../../Leptos.toml")),
        }
    }
}

/// Which store to open.
pub enum StoreChoice {
    /// redb in this folder.
    Embedded(PathBuf),
    /// DynamoDB through the standard AWS configuration; the table is created if missing.
    Dynamo(String),
}

/// Where attachments' bytes go.
pub enum BlobChoice {
    /// A folder (the local default).
    Folder(PathBuf),
    /// An S3 bucket through the standard AWS configuration (`DAFTAR_S3_ENDPOINT` for a local
    /// S3-compatible server); created if missing.
    S3(String),
}

pub async fn open_blobs(choice: BlobChoice) -> anyhow::Result<SharedBlobStore> {
    Ok(match choice {
        BlobChoice::Folder(dir) => Arc::new(FolderBlobStore::new(dir)),
        BlobChoice::S3(bucket) => {
            let blobs = S3BlobStore::from_env(bucket).await;
            blobs
                .create_bucket_if_missing()
                .await
                .context("creating the attachments bucket")?;
            Arc::new(blobs)
        }
    })
}

pub async fn open_store(choice: StoreChoice) -> anyhow::Result<SharedStore> {
    Ok(match choice {
        StoreChoice::Embedded(dir) => {
            Arc::new(EmbeddedStore::open(&dir).with_context(|| format!("opening the data folder {}", dir.display()))?)
        }
        StoreChoice::Dynamo(table) => {
            let config = aws_config::load_from_env().await;
            let store = DynamoStore::new(&config, table);
            store
                .create_table_if_missing()
                .await
                .context("creating the DynamoDB table")?;
            Arc::new(store)
        }
    })
}

/// The HTML page every client-side route starts from. The app draws everything else.
const SHELL: &str = include_str!("shell.html");
/// Starts the WASM app. A file rather than an inline script, so the CSP can forbid inline scripts.
/// It also registers the service worker that keeps the shell for offline use (public/sw.js).
pub const BOOT_JS: &str = "import init from '/pkg/daftar.js';\ninit({ module_or_path: '/pkg/daftar.wasm' });\nif ('serviceWorker' in navigator) {\n  navigator.serviceWorker.register('/sw.js').catch(() => {});\n}\n";

/// Scripts only from this origin (WASM compilation allowed), no framing, no plug-ins.
const CSP: &str = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

/// The site (static files and the app shell for client-side routes) and the API.
pub fn site_router(state: AppState, site: &Path) -> Router {
    let shell = || async { ([(header::CACHE_CONTROL, "no-cache")], Html(SHELL)) };
    let static_files = ServeDir::new(site).fallback(get(shell));
    daftar_api::router(state)
        .route("/", get(shell))
        .route(
            "/boot.js",
            get(|| async {
                (
                    [
                        (header::CONTENT_TYPE, "text/javascript"),
                        (header::CACHE_CONTROL, "no-cache"),
                    ],
                    BOOT_JS,
                )
                    .into_response()
            }),
        )
        .fallback_service(static_files)
        .layer(SetResponseHeaderLayer::if_not_present(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static(CSP),
        ))
        .layer(SetResponseHeaderLayer::if_not_present(
            header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        ))
        .layer(SetResponseHeaderLayer::if_not_present(
            header::REFERRER_POLICY,
            HeaderValue::from_static("same-origin"),
        ))
}

/// Opens the store, seeds it if asked, and builds the whole app.
pub async fn build_app(
    store: StoreChoice,
    blobs: BlobChoice,
    site: &Path,
    seed_demo: bool,
    allowed_origins: Vec<String>,
) -> anyhow::Result<Router> {
    let store = open_store(store).await?;
    if seed_demo
        && daftar_api::org::seed::seed_demo(store.as_ref())
            .await
            .map_err(|e| anyhow::anyhow!("seeding the demo organisation: {e}"))?
    {
        tracing::info!(
            "seeded the demo organisation (Haryana); demo password: {}",
            daftar_api::org::seed::DEMO_PASSWORD
        );
    }
    daftar_api::auth::password::warm_up();
    let config = ApiConfig {
        allowed_origins,
        ..ApiConfig::default()
    };
    let blobs = open_blobs(blobs).await?;
    let state = AppState::new(store, blobs, config);
    if seed_demo
        && daftar_api::control::demo::seed_activity(&state)
            .await
            .map_err(|e| anyhow::anyhow!("seeding the demo activity: {e}"))?
    {
        tracing::info!("seeded six weeks of demo files and letters for the control room");
    }
    Ok(site_router(state, site))
}
