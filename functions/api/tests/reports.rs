//! The reports against real stores: files and receipts move between Finance desks across two
//! months on a manual clock, and every report says what was done, as JSON and as CSV.

mod common;

use axum::http::StatusCode;
use common::{open_file, Harness};
use daftar_api::state::Clock;
use daftar_domain::local_time::office_date;
use daftar_domain::reports::YearMonth;
use serde_json::{json, Value};
use time::Duration;

on_both_backends!(
    the_reports_follow_files_and_receipts_across_two_months,
    csv_downloads_are_in_the_language_asked_and_defuse_formulas,
    reports_refuse_other_departments_and_bad_input,
);

const HOSTILE: &str = r#"=HYPERLINK("http://x","y")"#;

async fn send(h: &Harness, cookie: &str, id: &str, version: u64, to: &str) {
    let reply = h
        .post(
            &format!("/api/v1/files/{id}/move"),
            cookie,
            json!({"version": version, "action": "send", "to_post": to}),
        )
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
}

async fn ok(h: &Harness, path: &str, cookie: &str) -> Value {
    let reply = h.get(path, cookie).await;
    assert_eq!(reply.status, StatusCode::OK, "{path}: {}", reply.body);
    reply.body
}

/// The row of a month in a month-wise report of its year.
async fn month_row(h: &Harness, cookie: &str, scope: &str, month: YearMonth) -> Value {
    let report = ok(
        h,
        &format!("/api/v1/reports/monthly?{scope}&year={}", month.year()),
        cookie,
    )
    .await;
    let months = report["months"].as_array().unwrap();
    assert_eq!(months.len(), 12);
    months[usize::from(month.month()) - 1].clone()
}

/// What happened: the Section Officer opens two files in one month and sends one to the Deputy
/// Secretary; ten days into the next month the Deputy Secretary sends it on to the Secretary,
/// and a letter is diarised and forwarded to the Section Officer.
struct Story {
    first: YearMonth,
    second: YearMonth,
    sent_file: String,
    /// Seconds the sent file stayed with the Deputy Secretary.
    stay_seconds: i64,
    /// Days the file kept at the Section Officer's desk has waited there.
    waited_days: i64,
}

async fn tell(h: &Harness) -> Story {
    let start = h.clock.now();
    let first = YearMonth::of(office_date(start));
    let so = h.login("HR2001").await;
    let sent_file = open_file(h, &so, "FIN-HQ-SO", HOSTILE).await;
    open_file(h, &so, "FIN-HQ-SO", "Budget estimates 2027-28").await;
    send(h, &so, &sent_file, 1, "FIN-HQ-DS").await;
    let arrived_at_ds = h.clock.now();

    // On to the tenth of the next month, by the office calendar.
    let today = office_date(start);
    let mut days = 0;
    while YearMonth::of(today + Duration::days(days)) == first {
        days += 1;
    }
    h.clock.advance(Duration::days(days + 9));
    let second = YearMonth::of(office_date(h.clock.now()));
    assert_eq!(second, first.next());

    let ds = h.login("HR2002").await;
    let file = ok(h, &format!("/api/v1/files/{sent_file}"), &ds).await;
    let version = file["version"].as_u64().unwrap();
    send(h, &ds, &sent_file, version, "FIN-HQ-SECY").await;
    let stay_seconds = (h.clock.now() - arrived_at_ds).whole_seconds();

    let clerk = h.login("HR2003").await;
    let receipt = h
        .diarise(&clerk, "FIN-HQ-CRU", "Pension papers of a retired teacher")
        .await;
    let id = receipt["id"].as_str().unwrap();
    let sent = h
        .post(
            &format!("/api/v1/receipts/{id}/forward"),
            &clerk,
            json!({"version": 1, "to_post": "FIN-HQ-SO", "remarks": "Please examine."}),
        )
        .await;
    assert_eq!(sent.status, StatusCode::OK, "{}", sent.body);
    let waited_days = (office_date(h.clock.now()) - today).whole_days();
    Story {
        first,
        second,
        sent_file,
        stay_seconds,
        waited_days,
    }
}

fn over(days: i64) -> Value {
    json!([i64::from(days > 7), i64::from(days > 15), i64::from(days > 30)])
}

async fn the_reports_follow_files_and_receipts_across_two_months(h: Harness) {
    let story = tell(&h).await;
    let so = h.login("HR2001").await;

    // Month-wise: the opening month and the next, for the department and for the office.
    for scope in ["dept=FIN", "office=FIN-HQ"] {
        let first = month_row(&h, &so, scope, story.first).await;
        // Opening a file puts it on a desk: two opened, one sent on, three arrivals.
        assert_eq!(
            first["files"],
            json!({"created": 2, "received": 3, "forwarded": 1}),
            "{scope}"
        );
        assert_eq!(first["receipts"], json!({"created": 0, "received": 0, "forwarded": 0}));
        let second = month_row(&h, &so, scope, story.second).await;
        assert_eq!(
            second["files"],
            json!({"created": 0, "received": 1, "forwarded": 1}),
            "{scope}"
        );
        assert_eq!(second["receipts"], json!({"created": 1, "received": 2, "forwarded": 1}));
    }
    let year = ok(
        &h,
        &format!("/api/v1/reports/monthly?dept=FIN&year={}", story.second.year()),
        &so,
    )
    .await;
    assert_eq!(year["scope"]["scope"], json!({"level": "department", "code": "FIN"}));
    assert_eq!(year["scope"]["name_en"], "Finance");
    if story.first.year() == story.second.year() {
        assert_eq!(year["files"], json!({"created": 2, "received": 4, "forwarded": 2}));
    }

    // Disposal: the Section Officer's moment with the file ended in the first month, the
    // Deputy Secretary's stay of ten-odd days in the second.
    let disposal = ok(
        &h,
        &format!(
            "/api/v1/reports/disposal?dept=FIN&from={}&to={}",
            story.first, story.second
        ),
        &so,
    )
    .await;
    let months = disposal["months"].as_array().unwrap();
    assert_eq!(months.len(), 2);
    assert_eq!(months[0]["month"], story.first.to_string());
    assert_eq!(months[0]["files"]["stays"], 1);
    assert!(months[0]["files"]["seconds"].as_i64().unwrap() < 60);
    assert_eq!(
        months[1]["files"],
        json!({"stays": 1, "seconds": story.stay_seconds, "average_seconds": story.stay_seconds})
    );
    assert_eq!(months[1]["receipts"]["stays"], 1, "the receipt left the diary desk");
    assert_eq!(disposal["files"]["stays"], 2);

    // Departmental summary: the department and its offices, this month's figures.
    let summary = ok(&h, "/api/v1/reports/summary?dept=FIN", &so).await;
    let rows = summary["rows"].as_array().unwrap();
    assert_eq!(rows[0]["kind"], "total");
    let hq = rows
        .iter()
        .find(|r| r["scope"]["code"] == "FIN-HQ")
        .expect("the headquarters office");
    for row in [&rows[0], hq] {
        let files = &row["files"];
        assert_eq!(files["pending"], 2);
        assert_eq!(files["over"], over(story.waited_days));
        assert_eq!(
            (
                &files["created_month"],
                &files["received_month"],
                &files["forwarded_month"]
            ),
            (&json!(0), &json!(1), &json!(1))
        );
        assert_eq!(files["stays_month"], 1);
        assert_eq!(files["average_stay_seconds"], story.stay_seconds);
        assert_eq!(row["receipts"]["pending"], 1);
        assert_eq!(row["receipts"]["created_month"], 1);
    }
    let district = rows.iter().find(|r| r["kind"] == "district");
    if let Some(district) = district {
        assert_eq!(district["files"]["pending"], 0);
    }

    // Pendency with ageing at the headquarters: the Section Officer's old file comes first.
    for path in [
        "/api/v1/reports/pendency?office=FIN-HQ",
        "/api/v1/reports/pendency?dept=FIN",
    ] {
        let ageing = ok(&h, path, &so).await;
        assert_eq!(ageing["office"], "FIN-HQ");
        let desks = ageing["desks"].as_array().unwrap();
        let posts: Vec<&str> = desks.iter().map(|d| d["post"].as_str().unwrap()).collect();
        assert_eq!(posts, ["FIN-HQ-SO", "FIN-HQ-SECY"]);
        let so_items = desks[0]["items"].as_array().unwrap();
        assert_eq!(so_items.len(), 2);
        assert_eq!(so_items[0]["kind"], "file");
        assert_eq!(so_items[0]["subject"], "Budget estimates 2027-28");
        assert_eq!(so_items[0]["days"], story.waited_days);
        assert_eq!(so_items[1]["kind"], "receipt");
        assert_eq!(so_items[1]["days"], 0);
        let old_bucket = daftar_domain::reports::age_bucket(story.waited_days);
        let mut files = [0; 4];
        files[old_bucket] += 1;
        files[0] += 1;
        assert_eq!(ageing["files"], json!(files));
        assert_eq!(ageing["receipts"], json!([1, 0, 0, 0]));
        assert_eq!(desks[1]["items"][0]["id"], story.sent_file.as_str());
        assert_eq!(desks[0]["holder_en"], "Rajesh Verma");
    }

    // My files pending with others: the sent file, now with the Secretary, for both desks it
    // passed; the file still at the Section Officer's desk is not listed.
    for (employee, mine) in [("HR2001", "FIN-HQ-SO"), ("HR2002", "FIN-HQ-DS")] {
        let cookie = h.login(employee).await;
        let mut items = Vec::new();
        let mut path = "/api/v1/reports/my-files?limit=1".to_owned();
        for _ in 0..10 {
            let page = ok(&h, &path, &cookie).await;
            items.extend(page["items"].as_array().unwrap().iter().cloned());
            match page["next_cursor"].as_str() {
                Some(cursor) => path = format!("/api/v1/reports/my-files?limit=1&cursor={}", url_encode(cursor)),
                None => break,
            }
        }
        let ids: Vec<&str> = items.iter().map(|i| i["file_id"].as_str().unwrap()).collect();
        assert!(!ids.is_empty(), "{employee}");
        assert!(ids.iter().all(|id| *id == story.sent_file), "{employee}: {ids:?}");
        let item = &items[0];
        assert_eq!(item["holder"], "FIN-HQ-SECY");
        assert_eq!(item["my_post"], mine);
        assert_eq!(item["days_pending"], 0);
        assert_eq!(item["holder_label"]["office_name_en"], "Finance, Headquarters");
    }
    let secy = h.login("HR2004").await;
    let none = ok(&h, "/api/v1/reports/my-files", &secy).await;
    assert_eq!(
        none["items"],
        json!([]),
        "the Secretary holds it: nothing is with others"
    );

    // The dispatch register, empty this year, still downloads with its headings.
    let register = ok(&h, "/api/v1/reports/dispatch/FIN-HQ", &so).await;
    assert_eq!(register["items"], json!([]));
}

fn url_encode(raw: &str) -> String {
    raw.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// A CSV download's text after its byte-order mark.
async fn csv(h: &Harness, path: &str, cookie: &str) -> String {
    let (status, content_type, bytes) = h.get_bytes(path, cookie).await;
    assert_eq!(status, StatusCode::OK, "{path}: {}", String::from_utf8_lossy(&bytes));
    assert_eq!(content_type, "text/csv; charset=utf-8");
    assert!(bytes.starts_with(b"\xEF\xBB\xBF"), "{path} has no byte-order mark");
    String::from_utf8(bytes[3..].to_vec()).unwrap()
}

async fn csv_downloads_are_in_the_language_asked_and_defuse_formulas(h: Harness) {
    let story = tell(&h).await;
    let so = h.login("HR2001").await;
    let hindi = csv(&h, "/api/v1/reports/summary?dept=FIN&format=csv&lang=hi", &so).await;
    let header = hindi.lines().next().unwrap();
    assert!(header.starts_with("क्षेत्र,कोड,लंबित फ़ाइलें"), "{header}");
    assert!(hindi.contains("वित्त"), "names in Hindi: {hindi}");
    let english = csv(&h, "/api/v1/reports/summary?dept=FIN&format=csv", &so).await;
    assert!(english.starts_with("Scope,Code,Files pending"), "{english}");

    // The hostile subject is text in every download that shows it.
    let ds = h.login("HR2002").await;
    let mine = csv(&h, "/api/v1/reports/my-files?format=csv&lang=hi", &ds).await;
    assert!(mine.starts_with("फ़ाइल संख्या,विषय"), "{mine}");
    assert!(mine.contains(r#""'=HYPERLINK(""http://x"",""y"")""#), "{mine}");
    assert!(!mine.contains(",=HYPERLINK"), "{mine}");
    let ageing = csv(&h, "/api/v1/reports/pendency?office=FIN-HQ&format=csv&lang=en", &so).await;
    assert!(ageing.starts_with("Desk,Held by,Kind,Number,Subject,Since,Days pending,Age"));
    assert!(ageing.contains(r#""'=HYPERLINK("#), "{ageing}");
    assert!(ageing.contains(&format!(",{},", story.waited_days)));

    let monthly = csv(
        &h,
        &format!(
            "/api/v1/reports/monthly?office=FIN-HQ&year={}&format=csv&lang=hi",
            story.second.year()
        ),
        &so,
    )
    .await;
    assert!(monthly.starts_with("माह,बनाई गई फ़ाइलें"), "{monthly}");
    assert!(monthly.contains(&format!("{},0,1,1,1,2,1", story.second)), "{monthly}");
    assert_eq!(monthly.lines().count(), 14, "headings, twelve months and the total");
    assert!(monthly.ends_with("\r\n"));

    let disposal = csv(
        &h,
        &format!(
            "/api/v1/reports/disposal?dept=FIN&from={}&to={}&format=csv",
            story.first, story.second
        ),
        &so,
    )
    .await;
    assert!(disposal.starts_with("Month,File stays ended"), "{disposal}");
    assert_eq!(disposal.lines().count(), 4);

    let register = csv(&h, "/api/v1/reports/dispatch/FIN-HQ?format=csv&lang=hi", &so).await;
    assert!(register.starts_with("प्रेषण संख्या,फ़ाइल संख्या"), "{register}");
}

async fn reports_refuse_other_departments_and_bad_input(h: Harness) {
    let so = h.login("HR2001").await;
    for path in [
        "/api/v1/reports/summary",
        "/api/v1/reports/summary?dept=CMO",
        "/api/v1/reports/monthly",
        "/api/v1/reports/monthly?office=CMO-HQ",
        "/api/v1/reports/disposal?dept=CMO",
        "/api/v1/reports/pendency?dept=CMO",
        "/api/v1/reports/pendency?office=CMO-HQ&format=csv",
        "/api/v1/reports/dispatch/CMO-HQ",
    ] {
        let reply = h.get(path, &so).await;
        assert_eq!(reply.status, StatusCode::FORBIDDEN, "{path}: {}", reply.body);
    }
    // The control room sees every department.
    let hq = h.login("HR4001").await;
    assert_eq!(h.get("/api/v1/reports/summary", &hq).await.status, StatusCode::OK);
    assert_eq!(
        h.get("/api/v1/reports/monthly?dept=CMO", &hq).await.status,
        StatusCode::OK
    );

    for (path, field) in [
        ("/api/v1/reports/monthly?dept=FIN&year=twenty", "year"),
        ("/api/v1/reports/monthly?dept=FIN&year=1890", "year"),
        ("/api/v1/reports/disposal?dept=FIN&from=2025-01&to=2027-02", "to"),
        ("/api/v1/reports/disposal?dept=FIN&from=2026-05&to=2026-04", "from"),
        ("/api/v1/reports/disposal?dept=FIN&from=2026-5", "from"),
        ("/api/v1/reports/monthly?dept=NOPE", "dept"),
        ("/api/v1/reports/monthly?office=FIN-NOWHERE", "office"),
        ("/api/v1/reports/monthly?dept=not%20a%20code", "dept"),
        ("/api/v1/reports/monthly?dept=FIN&office=FIN-HQ", "office"),
        ("/api/v1/reports/pendency", "office"),
        ("/api/v1/reports/summary?dept=FIN&format=xml", "format"),
        ("/api/v1/reports/summary?dept=FIN&format=csv&lang=fr", "lang"),
        ("/api/v1/reports/my-files?limit=500", "limit"),
        ("/api/v1/reports/my-files?cursor=nonsense", "cursor"),
    ] {
        let reply = h.get(path, &so).await;
        assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY, "{path}: {}", reply.body);
        assert_eq!(reply.body["field"], field, "{path}");
        assert!(reply.body["detail_hi"].is_string(), "{path} says it in Hindi too");
    }
    // Twenty-four months is the most a report spans.
    let longest = h
        .get("/api/v1/reports/disposal?dept=FIN&from=2025-01&to=2026-12", &so)
        .await;
    assert_eq!(longest.status, StatusCode::OK, "{}", longest.body);
    assert_eq!(longest.body["months"].as_array().unwrap().len(), 24);
}
