//! Sign-in and sessions through the API on a real store.

mod common;

use axum::http::{header, Method, StatusCode};
use common::{Harness, DEMO_PASSWORD};
use serde_json::json;

on_both_backends!(
    sign_in_sets_a_hardened_cookie_and_me_answers,
    wrong_password_and_unknown_user_get_the_same_answer,
    repeated_failures_are_rate_limited,
    every_sign_in_gets_a_new_session_and_logout_ends_it_server_side,
    sessions_expire_when_idle_and_absolutely,
    state_changing_requests_need_our_origin,
    every_endpoint_but_health_openapi_and_login_needs_a_session,
);

async fn login_reply(h: &Harness, employee: &str, password: &str) -> common::Reply {
    h.request(
        Method::POST,
        "/api/v1/auth/login",
        None,
        Some(json!({"employee_id": employee, "password": password})),
        &[],
    )
    .await
}

async fn sign_in_sets_a_hardened_cookie_and_me_answers(h: Harness) {
    let reply = login_reply(&h, "hr2001", DEMO_PASSWORD).await;
    assert_eq!(reply.status, StatusCode::OK);
    let cookie = reply.headers[header::SET_COOKIE].to_str().unwrap();
    assert!(cookie.starts_with("daftar_session="));
    for attribute in ["HttpOnly", "SameSite=Strict", "Path=/"] {
        assert!(cookie.contains(attribute), "{cookie} lacks {attribute}");
    }
    assert!(
        !cookie.contains("Secure"),
        "plain-HTTP local runs cannot use Secure cookies"
    );
    assert_eq!(reply.body["employee_id"], "HR2001");
    assert_eq!(reply.body["posts"][0]["id"], "FIN-HQ-SO");

    let over_https = h
        .request(
            Method::POST,
            "/api/v1/auth/login",
            None,
            Some(json!({"employee_id": "HR2001", "password": DEMO_PASSWORD})),
            &[("x-forwarded-proto", "https")],
        )
        .await;
    let secure_cookie = over_https.headers[header::SET_COOKIE].to_str().unwrap();
    assert!(
        secure_cookie.starts_with("__Host-daftar_session=") && secure_cookie.contains("; Secure"),
        "{secure_cookie}"
    );

    let pair = cookie.split(';').next().unwrap();
    let me = h.get("/api/v1/auth/me", pair).await;
    assert_eq!(me.status, StatusCode::OK);
    assert_eq!(me.body["name_hi"], "राजेश वर्मा");
}

async fn wrong_password_and_unknown_user_get_the_same_answer(h: Harness) {
    let wrong = login_reply(&h, "HR2001", "nope").await;
    let unknown = login_reply(&h, "HR7777", "nope").await;
    let malformed = login_reply(&h, "not an id!", "nope").await;
    for reply in [&wrong, &unknown, &malformed] {
        assert_eq!(reply.status, StatusCode::UNAUTHORIZED);
        assert_eq!(reply.body["code"], "bad_credentials");
        assert!(reply.headers.get(header::SET_COOKIE).is_none());
    }
    assert_eq!(wrong.body, unknown.body);
}

async fn repeated_failures_are_rate_limited(h: Harness) {
    for _ in 0..5 {
        assert_eq!(
            login_reply(&h, "HR2001", "guess").await.status,
            StatusCode::UNAUTHORIZED
        );
    }
    // Even the right password waits out the window.
    let limited = login_reply(&h, "HR2001", DEMO_PASSWORD).await;
    assert_eq!(limited.status, StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(limited.body["code"], "rate_limited");
    assert!(limited.headers.contains_key(header::RETRY_AFTER));
    // Unknown IDs are limited the same way, so limiting reveals nothing.
    for _ in 0..5 {
        login_reply(&h, "HR7777", "guess").await;
    }
    assert_eq!(
        login_reply(&h, "HR7777", "guess").await.status,
        StatusCode::TOO_MANY_REQUESTS
    );
    // Another employee is unaffected, and the window passes.
    assert_eq!(login_reply(&h, "HR1001", DEMO_PASSWORD).await.status, StatusCode::OK);
    h.clock.advance(time::Duration::minutes(16));
    assert_eq!(login_reply(&h, "HR2001", DEMO_PASSWORD).await.status, StatusCode::OK);
}

async fn every_sign_in_gets_a_new_session_and_logout_ends_it_server_side(h: Harness) {
    let first = h.login("HR2001").await;
    let second = h.login("HR2001").await;
    assert_ne!(first, second);
    // Signing in while presenting a session replaces it.
    let reply = h
        .request(
            Method::POST,
            "/api/v1/auth/login",
            Some(&second),
            Some(json!({"employee_id": "HR2001", "password": DEMO_PASSWORD})),
            &[],
        )
        .await;
    assert_eq!(reply.status, StatusCode::OK);
    assert_eq!(h.get("/api/v1/auth/me", &second).await.status, StatusCode::UNAUTHORIZED);
    assert_eq!(h.get("/api/v1/auth/me", &first).await.status, StatusCode::OK);

    let out = h
        .request(Method::POST, "/api/v1/auth/logout", Some(&first), None, &[])
        .await;
    assert_eq!(out.status, StatusCode::NO_CONTENT);
    assert!(out.headers[header::SET_COOKIE].to_str().unwrap().contains("Max-Age=0"));
    // The old cookie, replayed, is dead: the session is gone on the server.
    let replayed = h.get("/api/v1/auth/me", &first).await;
    assert_eq!(replayed.status, StatusCode::UNAUTHORIZED);
    assert_eq!(replayed.body["code"], "unauthenticated");
}

async fn sessions_expire_when_idle_and_absolutely(h: Harness) {
    let idle = h.login("HR2001").await;
    h.clock.advance(time::Duration::minutes(31));
    assert_eq!(h.get("/api/v1/auth/me", &idle).await.status, StatusCode::UNAUTHORIZED);

    let busy = h.login("HR2001").await;
    // Used every 20 minutes, it survives idleness but not the 12-hour limit.
    for _ in 0..35 {
        h.clock.advance(time::Duration::minutes(20));
        assert_eq!(h.get("/api/v1/auth/me", &busy).await.status, StatusCode::OK);
    }
    h.clock.advance(time::Duration::minutes(20));
    assert_eq!(h.get("/api/v1/auth/me", &busy).await.status, StatusCode::UNAUTHORIZED);
}

async fn state_changing_requests_need_our_origin(h: Harness) {
    let cookie = h.login("HR1001").await;
    let body = common::diarise_body("DC-GGN-CRU", "Cross-site");
    for origin in ["http://evil.example", "null"] {
        let reply = h
            .request(
                Method::POST,
                "/api/v1/receipts",
                Some(&cookie),
                Some(body.clone()),
                &[("origin", origin)],
            )
            .await;
        assert_eq!(reply.status, StatusCode::FORBIDDEN, "origin {origin}");
        assert_eq!(reply.body["code"], "bad_origin");
    }
    // Login is protected as well (login CSRF), and nothing was diarised.
    let login = h
        .request(
            Method::POST,
            "/api/v1/auth/login",
            None,
            Some(json!({"employee_id": "HR1001", "password": DEMO_PASSWORD})),
            &[("origin", "http://evil.example")],
        )
        .await;
    assert_eq!(login.status, StatusCode::FORBIDDEN);
    let inbox = h.get("/api/v1/posts/DC-GGN-CRU/inbox", &cookie).await;
    assert_eq!(inbox.body["items"], json!([]));
}

async fn every_endpoint_but_health_openapi_and_login_needs_a_session(h: Harness) {
    let open = [(Method::GET, "/api/health"), (Method::GET, "/api/openapi.json")];
    for (method, path) in open {
        assert_eq!(
            h.request(method, path, None, None, &[]).await.status,
            StatusCode::OK,
            "{path}"
        );
    }
    let guarded = [
        (Method::GET, "/api/v1/auth/me"),
        (Method::GET, "/api/v1/org/departments"),
        (Method::GET, "/api/v1/org/departments/FIN/offices"),
        (Method::GET, "/api/v1/org/offices/FIN-HQ/posts"),
        (Method::GET, "/api/v1/posts/FIN-HQ-SO/inbox"),
        (Method::GET, "/api/v1/receipts/R-2026-0000000000000000"),
        (Method::GET, "/api/v1/receipts/R-2026-0000000000000000/history"),
        (Method::POST, "/api/v1/receipts"),
        (Method::POST, "/api/v1/receipts/R-2026-0000000000000000/forward"),
    ];
    for (method, path) in guarded {
        let body = (method == Method::POST).then(|| json!({}));
        let reply = h
            .request(method.clone(), path, Some("daftar_session=forged"), body, &[])
            .await;
        // The session is checked before the body is read, so even a bad body gets 401.
        assert_eq!(reply.status, StatusCode::UNAUTHORIZED, "{method} {path}");
        assert_eq!(reply.body["code"], "unauthenticated");
    }
}
