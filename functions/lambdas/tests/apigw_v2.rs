//! The Lambda wire format, proven without AWS: API Gateway HTTP API (payload v2) events go in
//! through lambda_http's own adapter, exactly as the runtime feeds them, and the JSON that would
//! go back to API Gateway is checked.

use daftar_api::{ApiConfig, AppState, Domain};
use daftar_blob::folder::FolderBlobStore;
use daftar_store::embedded::EmbeddedStore;
use lambda_http::request::LambdaRequest;
use lambda_http::{Adapter, Context, LambdaEvent, Service};
use serde_json::{json, Value};
use std::sync::Arc;

async fn state() -> AppState {
    let dir = std::env::temp_dir().join(format!("daftar-lambda-{}-{}", std::process::id(), rand_suffix()));
    let store = Arc::new(EmbeddedStore::open(&dir).expect("temp store opens"));
    daftar_api::org::seed::seed_demo(store.as_ref()).await.expect("seed");
    AppState::new(
        store,
        Arc::new(FolderBlobStore::new(dir.join("attachments"))),
        ApiConfig {
            always_secure_cookies: true,
            ..ApiConfig::default()
        },
    )
}

fn rand_suffix() -> u128 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_nanos()
}

/// An API Gateway HTTP API v2 event as AWS sends it.
fn event(method: &str, path: &str, body: Option<Value>, cookies: Option<Vec<String>>) -> Value {
    json!({
        "version": "2.0",
        "routeKey": "$default",
        "rawPath": path,
        "rawQueryString": "",
        "cookies": cookies,
        "headers": {
            "content-type": "application/json",
            "host": "abc123.execute-api.ap-south-1.amazonaws.com",
            "origin": "https://abc123.execute-api.ap-south-1.amazonaws.com",
            "x-forwarded-proto": "https"
        },
        "requestContext": {
            "accountId": "123456789012",
            "apiId": "abc123",
            "domainName": "abc123.execute-api.ap-south-1.amazonaws.com",
            "domainPrefix": "abc123",
            "http": { "method": method, "path": path, "protocol": "HTTP/1.1", "sourceIp": "192.0.2.1", "userAgent": "test" },
            "requestId": "req-1",
            "routeKey": "$default",
            "stage": "$default",
            "time": "23/Nov/2026:10:00:00 +0000",
            "timeEpoch": 1795428000000u64
        },
        "body": body.map(|b| b.to_string()),
        "isBase64Encoded": false
    })
}

async fn invoke(state: &AppState, domain: Domain, event: Value) -> Value {
    let request: LambdaRequest = serde_json::from_value(event).expect("a valid v2 event");
    let mut adapter = Adapter::from(daftar_api::router_for(&[domain], state.clone()));
    let response = adapter
        .call(LambdaEvent::new(request, Context::default()))
        .await
        .expect("router is infallible");
    serde_json::to_value(response).expect("responses serialise")
}

#[tokio::test]
async fn health_answers_through_api_gateway_v2() {
    let state = state().await;
    let response = invoke(&state, Domain::Org, event("GET", "/api/health", None, None)).await;
    assert_eq!(response["statusCode"], 200);
    let body: Value = serde_json::from_str(response["body"].as_str().unwrap()).unwrap();
    assert_eq!(body["status"], "ok");
    assert_eq!(body["store"], "embedded");
}

#[tokio::test]
async fn sign_in_sets_a_secure_cookie_and_the_cookie_authenticates() {
    let state = state().await;
    let login = json!({ "employee_id": "HR2001", "password": daftar_api::org::seed::DEMO_PASSWORD });
    let response = invoke(
        &state,
        Domain::Auth,
        event("POST", "/api/v1/auth/login", Some(login), None),
    )
    .await;
    assert_eq!(response["statusCode"], 200, "{response}");
    // API Gateway v2 carries Set-Cookie in its own `cookies` array.
    let cookie = response["cookies"][0].as_str().expect("a session cookie").to_owned();
    assert!(
        cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict") && cookie.contains("Secure"),
        "{cookie}"
    );
    let pair = cookie.split(';').next().unwrap().to_owned();

    let me = invoke(
        &state,
        Domain::Auth,
        event("GET", "/api/v1/auth/me", None, Some(vec![pair])),
    )
    .await;
    assert_eq!(me["statusCode"], 200, "{me}");
    let body: daftar_domain::wire::Me = serde_json::from_str(me["body"].as_str().unwrap()).unwrap();
    assert_eq!(body.employee_id.as_ref(), "HR2001");
}

#[tokio::test]
async fn errors_leave_as_problem_json() {
    let state = state().await;
    let response = invoke(
        &state,
        Domain::Receipts,
        event("GET", "/api/v1/posts/FIN-HQ-SO/inbox", None, None),
    )
    .await;
    assert_eq!(response["statusCode"], 401);
    assert_eq!(response["headers"]["content-type"], "application/problem+json");
    let body: Value = serde_json::from_str(response["body"].as_str().unwrap()).unwrap();
    assert_eq!(body["code"], "unauthenticated");
}
