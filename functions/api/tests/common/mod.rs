//! A test harness: the whole API router over a real store (embedded, or DynamoDB Local when
//! `AWS_ENDPOINT_URL_DYNAMODB` is set), driven through `tower::ServiceExt::oneshot`.

#![allow(dead_code)] // Each test file uses a different part of the harness.

pub mod leave;

use axum::body::Body;
use axum::http::{header, Method, Request, StatusCode};
use axum::Router;
use daftar_api::state::ManualClock;
use daftar_api::{ApiConfig, AppState};
use daftar_blob::folder::FolderBlobStore;
use daftar_store::dynamo::DynamoStore;
use daftar_store::embedded::EmbeddedStore;
use daftar_store::SharedStore;
use http_body_util::BodyExt;
use serde_json::{json, Value};
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::Arc;
use tower::ServiceExt;

pub const ORIGIN: &str = "http://daftar.test";
pub const HOST: &str = "daftar.test";
pub use daftar_api::org::seed::DEMO_PASSWORD;

#[derive(Clone, Copy, Debug)]
pub enum Backend {
    Embedded,
    Dynamo,
}

fn unique(prefix: &str) -> String {
    static N: AtomicU32 = AtomicU32::new(0);
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_nanos();
    format!(
        "{prefix}-{}-{nanos}-{}",
        std::process::id(),
        N.fetch_add(1, Ordering::SeqCst)
    )
}

/// Opens a fresh, empty store of the given kind. DynamoDB tests need DynamoDB Local: without
/// it they are skipped, unless `DAFTAR_REQUIRE_DYNAMODB=1` (as the test command sets) makes that a failure.
pub async fn fresh_store(backend: Backend) -> Option<SharedStore> {
    match backend {
        Backend::Embedded => Some(Arc::new(
            EmbeddedStore::open(&std::env::temp_dir().join(unique("daftar-api"))).expect("temp store"),
        )),
        Backend::Dynamo => {
            if std::env::var("AWS_ENDPOINT_URL_DYNAMODB").is_err() {
                assert!(
                    std::env::var("DAFTAR_REQUIRE_DYNAMODB").is_err(),
                    "DAFTAR_REQUIRE_DYNAMODB is set but AWS_ENDPOINT_URL_DYNAMODB is not"
                );
                eprintln!("skipping: no DynamoDB Local (AWS_ENDPOINT_URL_DYNAMODB unset)");
                return None;
            }
            let config = aws_config::load_from_env().await;
            let store = DynamoStore::new(&config, unique("daftar-api"));
            store.create_table_if_missing().await.expect("create table");
            Some(Arc::new(store))
        }
    }
}

pub struct Harness {
    pub app: Router,
    pub store: SharedStore,
    pub clock: Arc<ManualClock>,
}

pub struct Reply {
    pub status: StatusCode,
    pub headers: axum::http::HeaderMap,
    pub body: Value,
}

impl Harness {
    pub async fn new(backend: Backend) -> Option<Self> {
        let store = fresh_store(backend).await?;
        Some(Self::over(store).await)
    }

    pub async fn over(store: SharedStore) -> Self {
        daftar_api::org::seed::seed_demo(store.as_ref()).await.expect("seed");
        // The store expires items by the wall clock, so the test clock starts there too.
        let clock = Arc::new(ManualClock::at(time::OffsetDateTime::now_utc()));
        let blobs = Arc::new(FolderBlobStore::new(std::env::temp_dir().join(unique("daftar-blobs"))));
        let state = AppState::new(store.clone(), blobs, ApiConfig::default()).with_clock(clock.clone());
        Self {
            app: daftar_api::router(state),
            store,
            clock,
        }
    }

    pub async fn request(
        &self,
        method: Method,
        path: &str,
        cookie: Option<&str>,
        body: Option<Value>,
        extra: &[(&str, &str)],
    ) -> Reply {
        let mut builder = Request::builder().method(method).uri(path).header(header::HOST, HOST);
        if !extra.iter().any(|(name, _)| name.eq_ignore_ascii_case("origin")) {
            builder = builder.header(header::ORIGIN, ORIGIN);
        }
        if let Some(cookie) = cookie {
            builder = builder.header(header::COOKIE, cookie);
        }
        for (name, value) in extra {
            builder = builder.header(*name, *value);
        }
        let request = match body {
            Some(body) => builder
                .header(header::CONTENT_TYPE, "application/json")
                .body(Body::from(body.to_string())),
            None => builder.body(Body::empty()),
        }
        .unwrap();
        let response = self.app.clone().oneshot(request).await.unwrap();
        let status = response.status();
        let headers = response.headers().clone();
        let bytes = response.into_body().collect().await.unwrap().to_bytes();
        let body = if bytes.is_empty() {
            Value::Null
        } else {
            serde_json::from_slice(&bytes).unwrap_or(Value::String(String::from_utf8_lossy(&bytes).into()))
        };
        Reply { status, headers, body }
    }

    pub async fn get(&self, path: &str, cookie: &str) -> Reply {
        self.request(Method::GET, path, Some(cookie), None, &[]).await
    }

    pub async fn post(&self, path: &str, cookie: &str, body: Value) -> Reply {
        self.request(Method::POST, path, Some(cookie), Some(body), &[]).await
    }

    pub async fn post_with_key(&self, path: &str, cookie: &str, body: Value, key: &str) -> Reply {
        self.request(
            Method::POST,
            path,
            Some(cookie),
            Some(body),
            &[("idempotency-key", key)],
        )
        .await
    }

    /// Sends raw bytes (an attachment upload through the local server).
    pub async fn put_bytes(&self, path: &str, cookie: &str, bytes: Vec<u8>) -> Reply {
        let request = Request::builder()
            .method(Method::PUT)
            .uri(path)
            .header(header::HOST, HOST)
            .header(header::ORIGIN, ORIGIN)
            .header(header::COOKIE, cookie)
            .header(header::CONTENT_TYPE, "application/octet-stream")
            .body(Body::from(bytes))
            .unwrap();
        let response = self.app.clone().oneshot(request).await.unwrap();
        let status = response.status();
        let headers = response.headers().clone();
        let bytes = response.into_body().collect().await.unwrap().to_bytes();
        let body = serde_json::from_slice(&bytes).unwrap_or(Value::Null);
        Reply { status, headers, body }
    }

    /// GETs raw bytes (an attachment download): status, content type and the bytes.
    pub async fn get_bytes(&self, path: &str, cookie: &str) -> (StatusCode, String, Vec<u8>) {
        let request = Request::builder()
            .uri(path)
            .header(header::HOST, HOST)
            .header(header::COOKIE, cookie)
            .body(Body::empty())
            .unwrap();
        let response = self.app.clone().oneshot(request).await.unwrap();
        let status = response.status();
        let content_type = response
            .headers()
            .get(header::CONTENT_TYPE)
            .map(|v| v.to_str().unwrap().to_owned())
            .unwrap_or_default();
        let bytes = response.into_body().collect().await.unwrap().to_bytes().to_vec();
        (status, content_type, bytes)
    }

    /// Uploads bytes through the local server and returns the upload ID.
    pub async fn upload(&self, cookie: &str, name: &str, content_type: &str, bytes: Vec<u8>) -> String {
        let ticket = self
            .post(
                "/api/v1/uploads",
                cookie,
                serde_json::json!({"name": name, "content_type": content_type, "size": bytes.len()}),
            )
            .await;
        assert_eq!(ticket.status, StatusCode::CREATED, "{}", ticket.body);
        assert_eq!(ticket.body["destination"]["kind"], "through_server");
        let url = ticket.body["destination"]["url"].as_str().unwrap().to_owned();
        let done = self.put_bytes(&url, cookie, bytes).await;
        assert_eq!(done.status, StatusCode::OK, "{}", done.body);
        ticket.body["upload_id"].as_str().unwrap().to_owned()
    }

    /// Signs in and returns the `name=value` cookie pair.
    pub async fn login(&self, employee: &str) -> String {
        let reply = self
            .request(
                Method::POST,
                "/api/v1/auth/login",
                None,
                Some(serde_json::json!({"employee_id": employee, "password": DEMO_PASSWORD})),
                &[],
            )
            .await;
        assert_eq!(reply.status, StatusCode::OK, "login {employee}: {}", reply.body);
        let set_cookie = reply.headers.get(header::SET_COOKIE).unwrap().to_str().unwrap();
        set_cookie.split(';').next().unwrap().to_owned()
    }

    /// Diarises a letter at a post and returns the receipt view.
    pub async fn diarise(&self, cookie: &str, at_post: &str, subject: &str) -> Value {
        let reply = self
            .post("/api/v1/receipts", cookie, diarise_body(at_post, subject))
            .await;
        assert_eq!(reply.status, StatusCode::CREATED, "{}", reply.body);
        reply.body
    }
}

/// A date relative to today, as the API writes dates (`YYYY-MM-DD`).
pub fn date_from_today(days: i64) -> String {
    let date = time::OffsetDateTime::now_utc().date() + time::Duration::days(days);
    format!("{:04}-{:02}-{:02}", date.year(), u8::from(date.month()), date.day())
}

pub fn this_year() -> i32 {
    time::OffsetDateTime::now_utc().year()
}

pub fn diarise_body(at_post: &str, subject: &str) -> Value {
    serde_json::json!({
        "at_post": at_post,
        "letter": {
            "sender": "Sarpanch, Gram Panchayat Sohna",
            "subject": subject,
            "letter_date": date_from_today(-3),
            "mode": "post",
            "category": "grievance"
        },
        "remarks": ""
    })
}

pub fn forward_body(version: u64, to_post: &str) -> Value {
    serde_json::json!({ "version": version, "to_post": to_post, "remarks": "Please examine and put up.", "priority": "urgent", "due_date": date_from_today(7) })
}

/// Declares one test per backend from an async fn taking a [`Harness`].
#[macro_export]
macro_rules! on_both_backends {
    ($($name:ident),* $(,)?) => {
        mod embedded {
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
                async fn $name() {
                    if let Some(h) = $crate::common::Harness::new($crate::common::Backend::Embedded).await {
                        super::$name(h).await;
                    }
                }
            )*
        }
        mod dynamodb {
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
                async fn $name() {
                    if let Some(h) = $crate::common::Harness::new($crate::common::Backend::Dynamo).await {
                        super::$name(h).await;
                    }
                }
            )*
        }
    };
}

/// Opens a general file at `post` (as `cookie`), returning its ID.
pub async fn open_file(h: &Harness, cookie: &str, post: &str, subject: &str) -> String {
    let reply = h
        .post(
            "/api/v1/files",
            cookie,
            json!({"at_post": post, "subject": subject, "category": "general", "head": "GEN"}),
        )
        .await;
    assert_eq!(reply.status, StatusCode::CREATED, "{}", reply.body);
    reply.body["id"].as_str().unwrap().to_owned()
}
