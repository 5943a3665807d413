//! API scenarios against a real `daftar serve` process: what a browser does, over a socket, on
//! the embedded store and (when DynamoDB Local is running) on DynamoDB.

use reqwest::header::ORIGIN;
use reqwest::StatusCode;
use serde_json::{json, Value};
use std::net::TcpListener;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

const PASSWORD: &str = "Daftar@2026";

struct Server {
    child: Child,
    base: String,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn unique(prefix: &str) -> String {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_nanos();
    format!("{prefix}-{}-{nanos}", std::process::id())
}

async fn start(extra: &[&str]) -> Server {
    let port = TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let data = std::env::temp_dir().join(unique("daftar-serve"));
    let site = std::env::temp_dir().join(unique("daftar-site"));
    std::fs::create_dir_all(site.join("pkg")).unwrap();
    std::fs::write(site.join("pkg/daftar.css"), "body{}").unwrap();
    let addr = format!("127.0.0.1:{port}");
    let child = Command::new(env!("CARGO_BIN_EXE_daftar"))
        .args([
            "serve",
            "--addr",
            &addr,
            "--data",
            data.to_str().unwrap(),
            "--site",
            site.to_str().unwrap(),
            "--seed-demo",
        ])
        .args(extra)
        .stdout(Stdio::null())
        .stderr(Stdio::inherit())
        .spawn()
        .expect("daftar starts");
    let server = Server {
        child,
        base: format!("http://{addr}"),
    };
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        if let Ok(r) = reqwest::get(format!("{}/api/health", server.base)).await {
            if r.status() == StatusCode::OK {
                return server;
            }
        }
        assert!(Instant::now() < deadline, "daftar serve did not become healthy");
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}

/// A browser-like client: keeps cookies, sends this site's Origin on every request.
fn client(server: &Server) -> reqwest::Client {
    let mut headers = reqwest::header::HeaderMap::new();
    headers.insert(ORIGIN, server.base.parse().unwrap());
    reqwest::Client::builder()
        .cookie_store(true)
        .default_headers(headers)
        .build()
        .unwrap()
}

async fn login(server: &Server, employee: &str) -> reqwest::Client {
    let c = client(server);
    let r = c
        .post(format!("{}/api/v1/auth/login", server.base))
        .json(&json!({"employee_id": employee, "password": PASSWORD}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    c
}

async fn diarise_and_forward_across_departments(server: &Server) {
    let base = &server.base;
    let health: Value = reqwest::get(format!("{base}/api/health"))
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(health["status"], "ok");

    let clerk = login(server, "HR1001").await;
    let receipt: Value = {
        let r = clerk
            .post(format!("{base}/api/v1/receipts"))
            .header("Idempotency-Key", unique("key").replace('/', "-"))
            .json(&json!({"at_post": "DC-GGN-CRU", "letter": {"sender": "Gram Panchayat Sohna", "subject": "तालाब की मरम्मत", "letter_date": "2026-11-02", "mode": "hand", "category": "grievance"}}))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), StatusCode::CREATED);
        r.json().await.unwrap()
    };
    let id = receipt["id"].as_str().unwrap();
    let forward = clerk
        .post(format!("{base}/api/v1/receipts/{id}/forward"))
        .json(&json!({"version": 1, "to_post": "FIN-HQ-SO", "remarks": "For necessary action", "priority": "most_immediate"}))
        .send()
        .await
        .unwrap();
    assert_eq!(forward.status(), StatusCode::OK);

    let officer = login(server, "HR2001").await;
    let inbox: Value = officer
        .get(format!("{base}/api/v1/posts/FIN-HQ-SO/inbox"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let entry = inbox["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["receipt_id"] == id)
        .expect("the receipt is in the officer's inbox");
    assert_eq!(entry["subject"], "तालाब की मरम्मत");
    assert_eq!(entry["priority"], "most_immediate");
    let history: Value = officer
        .get(format!("{base}/api/v1/receipts/{id}/history"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(history["items"].as_array().unwrap().len(), 2);

    // Signing out ends the session for good.
    assert_eq!(
        officer
            .post(format!("{base}/api/v1/auth/logout"))
            .send()
            .await
            .unwrap()
            .status(),
        StatusCode::NO_CONTENT
    );
    assert_eq!(
        officer
            .get(format!("{base}/api/v1/auth/me"))
            .send()
            .await
            .unwrap()
            .status(),
        StatusCode::UNAUTHORIZED
    );
}

async fn site_and_documents(server: &Server) {
    let base = &server.base;
    for path in ["/", "/inbox", "/receipts/R-2026-ABC"] {
        let r = reqwest::get(format!("{base}{path}")).await.unwrap();
        assert_eq!(r.status(), StatusCode::OK, "{path}");
        assert!(r.headers()["content-security-policy"]
            .to_str()
            .unwrap()
            .contains("frame-ancestors 'none'"));
        assert!(
            r.text().await.unwrap().contains("/boot.js"),
            "{path} serves the app shell"
        );
    }
    let css = reqwest::get(format!("{base}/pkg/daftar.css")).await.unwrap();
    assert_eq!(css.status(), StatusCode::OK);
    let openapi: Value = reqwest::get(format!("{base}/api/openapi.json"))
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert!(openapi["openapi"].as_str().unwrap().starts_with("3."));
    for path in [
        "/api/v1/auth/login",
        "/api/v1/receipts",
        "/api/v1/receipts/{id}/forward",
        "/api/v1/posts/{post}/inbox",
    ] {
        assert!(openapi["paths"].get(path).is_some(), "OpenAPI lacks {path}");
    }
    let missing = reqwest::get(format!("{base}/api/v1/unknown")).await.unwrap();
    assert_eq!(missing.status(), StatusCode::NOT_FOUND);
    assert_eq!(missing.headers()["content-type"], "application/problem+json");
    // No Origin header: refused before anything else.
    let no_origin = reqwest::Client::new()
        .post(format!("{base}/api/v1/auth/login"))
        .json(&json!({"employee_id": "HR1001", "password": PASSWORD}))
        .send()
        .await
        .unwrap();
    assert_eq!(no_origin.status(), StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn scenario_on_the_embedded_store() {
    let server = start(&[]).await;
    site_and_documents(&server).await;
    diarise_and_forward_across_departments(&server).await;
}

#[tokio::test]
async fn scenario_on_dynamodb() {
    if std::env::var("AWS_ENDPOINT_URL_DYNAMODB").is_err() {
        assert!(
            std::env::var("DAFTAR_REQUIRE_DYNAMODB").is_err(),
            "DAFTAR_REQUIRE_DYNAMODB is set but AWS_ENDPOINT_URL_DYNAMODB is not"
        );
        eprintln!("skipping: no DynamoDB Local");
        return;
    }
    let table = unique("daftar-scenario");
    let server = start(&["--store", "dynamodb", "--table", &table]).await;
    let health: Value = reqwest::get(format!("{}/api/health", server.base))
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(health["store"], "dynamodb");
    diarise_and_forward_across_departments(&server).await;
}
