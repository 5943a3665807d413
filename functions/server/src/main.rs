//! `daftar`: the local server. Serves the built site and every domain's API under `/api`, on
//! the embedded store by default or on DynamoDB.

use anyhow::Context;
use clap::{Parser, Subcommand, ValueEnum};
use daftar_server::{build_app, BlobChoice, SiteConfig, StoreChoice};
use std::net::SocketAddr;
use std::path::PathBuf;

#[derive(Parser)]
#[command(name = "daftar", version, about = "Daftar e-Office: the local server")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Serve the app and the API.
    Serve {
        /// Address to listen on (default: site-addr from Leptos.toml).
        #[arg(long)]
        addr: Option<SocketAddr>,
        /// Folder for the embedded store's data.
        #[arg(long, default_value = "./data")]
        data: PathBuf,
        /// Load the demo organisation (Haryana) if it is not there yet.
        #[arg(long)]
        seed_demo: bool,
        /// The built site (default: site-root from Leptos.toml).
        #[arg(long)]
        site: Option<PathBuf>,
        /// Which store to use.
        #[arg(long, value_enum, default_value_t = Backend::Embedded)]
        store: Backend,
        /// DynamoDB table name (with --store dynamodb); created if missing.
        #[arg(long, env = "DAFTAR_TABLE", default_value = "daftar")]
        table: String,
        /// Where attachments go: a folder inside --data, or an S3 bucket.
        #[arg(long, value_enum, default_value_t = Blobs::Folder)]
        blobs: Blobs,
        /// S3 bucket for attachments (with --blobs s3); created if missing.
        #[arg(long, env = "DAFTAR_BUCKET", default_value = "daftar-attachments")]
        bucket: String,
        /// Extra origins allowed to make state-changing requests, comma separated.
        #[arg(long, env = "DAFTAR_ALLOWED_ORIGINS", value_delimiter = ',')]
        allowed_origin: Vec<String>,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum Blobs {
    Folder,
    S3,
}

#[derive(Clone, Copy, ValueEnum)]
enum Backend {
    Embedded,
    Dynamodb,
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env().unwrap_or_else(|_| "info,aws=warn".into()),
        )
        .init();
    let Command::Serve {
        addr,
        data,
        seed_demo,
        site,
        store,
        table,
        blobs,
        bucket,
        allowed_origin,
    } = Cli::parse().command;
    let site_config = SiteConfig::load(std::path::Path::new("Leptos.toml")).context("reading Leptos.toml")?;
    let addr = addr.unwrap_or(site_config.site_addr);
    let site = site.unwrap_or(site_config.site_root);
    let blobs = match blobs {
        Blobs::Folder => BlobChoice::Folder(data.join("attachments")),
        Blobs::S3 => BlobChoice::S3(bucket),
    };
    let store = match store {
        Backend::Embedded => StoreChoice::Embedded(data),
        Backend::Dynamodb => StoreChoice::Dynamo(table),
    };
    let app = build_app(store, blobs, &site, seed_demo, allowed_origin).await?;
    let listener = tokio::net::TcpListener::bind(addr)
        .await
        .with_context(|| format!("binding {addr}"))?;
    tracing::info!("Daftar is serving http://{addr} (site {})", site.display());
    axum::serve(listener, app)
        .with_graceful_shutdown(async {
            let _ = tokio::signal::ctrl_c().await;
        })
        .await
        .context("serving")
}
