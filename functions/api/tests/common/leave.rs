//! What the e-Leave test files share: dates relative to the test clock, and applying and acting
//! through the API with the status each expects.

use super::{Harness, Reply};
use axum::http::StatusCode;
use daftar_api::state::Clock;
use daftar_domain::local_time::office_date;
use serde_json::Value;
use time::{Date, Duration, Weekday};

pub fn today(h: &Harness) -> Date {
    office_date(h.clock.now())
}

pub fn iso(date: Date) -> String {
    format!("{:04}-{:02}-{:02}", date.year(), u8::from(date.month()), date.day())
}

/// The first `weekday` at least `days` days from today.
pub fn next(h: &Harness, days: i64, weekday: Weekday) -> Date {
    let mut date = today(h) + Duration::days(days);
    while date.weekday() != weekday {
        date = date.next_day().unwrap();
    }
    date
}

/// Applies, expecting the application to be made; the answer's body.
pub async fn apply(h: &Harness, cookie: &str, body: Value) -> Value {
    let reply = h.post("/api/v1/leave/applications", cookie, body).await;
    assert_eq!(reply.status, StatusCode::CREATED, "{}", reply.body);
    reply.body
}

/// The ID of the application in an answer.
pub fn application_id(body: &Value) -> String {
    body["application"]["id"].as_str().unwrap().to_owned()
}

pub async fn act(h: &Harness, cookie: &str, id: &str, body: Value) -> Reply {
    h.post(&format!("/api/v1/leave/applications/{id}/act"), cookie, body)
        .await
}

/// Acts, expecting it to succeed; the answer's body.
pub async fn act_ok(h: &Harness, cookie: &str, id: &str, body: Value) -> Value {
    let reply = act(h, cookie, id, body).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    reply.body
}
