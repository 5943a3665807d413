//! PIMS through the API on a real store: onboarding from CSV (dry runs, refusals, retries),
//! export, transfers that leave the inbox with the post, concurrent transfers, editing with
//! versions, who may do what, and the audit log.

mod common;

use axum::body::Body;
use axum::http::{header, Method, Request, StatusCode};
use common::{forward_body, Harness, Reply, HOST, ORIGIN};
use daftar_store::{Condition, Item, Key, Write};
use http_body_util::BodyExt;
use serde_json::{json, Value};
use tower::ServiceExt;

on_both_backends!(
    a_dry_run_reports_every_bad_row_by_line_and_loads_nothing,
    a_valid_file_loads_and_the_employees_can_be_read,
    the_same_file_twice_finishes_a_load_without_duplicates,
    the_export_neutralises_formulas_and_can_head_columns_in_hindi,
    a_transfer_leaves_the_inbox_with_the_post_for_its_new_holder,
    two_transfers_into_one_post_have_exactly_one_winner,
    only_administrators_manage_personnel_and_personal_details_stay_private,
    an_edit_needs_the_current_version,
    the_audit_log_lists_each_change_with_before_and_after,
    bad_input_gets_a_clear_4xx,
);

const ADMIN: &str = "HR9001";
const HEADER: &str = "employee_id,name_en,name_hi,designation_en,designation_hi,cadre,date_of_joining,date_of_birth,phone,email,post_id,post_title_en,post_title_hi,office,section,roles";

/// A good row for employee `id` at new post `post` in Gurugram's General Branch.
fn row(id: &str, post: &str) -> String {
    format!(
        "{id},Meena Devi,मीना देवी,Clerk,लिपिक,CLERICAL,2020-04-01,1995-06-15,+91 98765-43210,{}@hry.gov.in,{post},Clerk (General),लिपिक (सामान्य),DC-GGN,GEN,employee",
        id.to_lowercase()
    )
}

fn file(rows: &[String]) -> String {
    let mut text = String::from(HEADER);
    for r in rows {
        text.push_str("\r\n");
        text.push_str(r);
    }
    text.push_str("\r\n");
    text
}

async fn send_csv(h: &Harness, cookie: &str, dry_run: bool, body: impl Into<Vec<u8>>, key: Option<&str>) -> Reply {
    let mut builder = Request::builder()
        .method(Method::POST)
        .uri(format!("/api/v1/pims/onboarding?dry_run={dry_run}"))
        .header(header::HOST, HOST)
        .header(header::ORIGIN, ORIGIN)
        .header(header::COOKIE, cookie)
        .header(header::CONTENT_TYPE, "text/csv; charset=utf-8");
    if let Some(key) = key {
        builder = builder.header("idempotency-key", key);
    }
    let response = h
        .app
        .clone()
        .oneshot(builder.body(Body::from(body.into())).unwrap())
        .await
        .unwrap();
    let status = response.status();
    let headers = response.headers().clone();
    let bytes = response.into_body().collect().await.unwrap().to_bytes();
    let body = serde_json::from_slice(&bytes).unwrap_or(Value::Null);
    Reply { status, headers, body }
}

async fn load(h: &Harness, admin: &str, rows: &[String]) -> Value {
    let reply = send_csv(h, admin, false, file(rows), None).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    reply.body
}

async fn put(h: &Harness, path: &str, cookie: &str, body: Value) -> Reply {
    h.request(Method::PUT, path, Some(cookie), Some(body), &[]).await
}

async fn set_password(h: &Harness, admin: &str, id: &str) {
    let reply = h
        .post(
            &format!("/api/v1/pims/employees/{id}/password"),
            admin,
            json!({"password": common::DEMO_PASSWORD}),
        )
        .await;
    assert_eq!(reply.status, StatusCode::NO_CONTENT, "{}", reply.body);
}

fn transfer(employee: &str, from: Option<&str>, to: Option<&str>, relieve: bool) -> Value {
    json!({"employee": employee, "from_post": from, "to_post": to, "effective": common::date_from_today(0), "relieve_holder": relieve})
}

/// (line, column) of every problem in a report.
fn problems(report: &Value) -> Vec<(u64, Option<String>)> {
    report["problems"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| (p["line"].as_u64().unwrap(), p["column"].as_str().map(str::to_owned)))
        .collect()
}

async fn a_dry_run_reports_every_bad_row_by_line_and_loads_nothing(h: Harness) {
    let admin = h.login(ADMIN).await;
    let mut bad_date = row("HR7003", "DC-GGN-P3");
    bad_date = bad_date.replace("2020-04-01", "01/04/2020");
    let rows = vec![
        row("HR7001", "DC-GGN-P1"),     // 2: good
        "HR7002,Only,three".to_owned(), // 3: wrong field count
        bad_date,                       // 4: bad date
        row("HR7004", "DC-GGN-P4").replace("Meena Devi", "\"=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\""), // 5: hostile
        row("HR7001", "DC-GGN-P6"),     // 6: ID repeats line 2
        row("HR1001", "DC-GGN-P7"),     // 7: an existing employee
        row("HR7008", "DC-GGN-DC"),     // 8: post held by HR1002
        row("HR7009", "DC-XYZ-P9").replace("DC-GGN,GEN", "DC-XYZ,GEN"), // 9: unknown office
        row("HR7010", "DC-GGN-P1"),     // 10: post of line 2
        row("HR7011", "DC-GGN-P11").replace(",GEN,", ",NOSUCH,"), // 11: unknown section
        row("HR7012", "DC-GGN-P12").replace("CLERICAL", "c"), // 12: bad cadre code
        "HR7013,\"Unclosed,मीना".to_owned(), // 13: bad quoting
    ];
    let reply = send_csv(&h, &admin, true, file(&rows), None).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    let found = problems(&reply.body);
    let expected: Vec<(u64, Option<String>)> = vec![
        (3, None),
        (4, Some("date_of_joining".into())),
        (5, Some("name_en".into())),
        (6, Some("employee_id".into())),
        (7, Some("employee_id".into())),
        (8, Some("post_id".into())),
        (9, Some("office".into())),
        (10, Some("post_id".into())),
        (11, Some("section".into())),
        (12, Some("cadre".into())),
        (13, None),
    ];
    assert_eq!(found, expected, "{:#}", reply.body);
    assert_eq!(reply.body["rows"], 12);
    assert_eq!(reply.body["loaded"], 0);
    for p in reply.body["problems"].as_array().unwrap() {
        assert!(!p["reason_en"].as_str().unwrap().is_empty());
        assert!(
            p["reason_hi"]
                .as_str()
                .unwrap()
                .chars()
                .any(|c| ('\u{0900}'..='\u{097F}').contains(&c)),
            "{p}"
        );
    }
    let hostile = &reply.body["problems"][2];
    assert!(hostile["reason_en"].as_str().unwrap().contains("formula"), "{hostile}");

    // The real load refuses the file whole, and nothing of it is in the store.
    let real = send_csv(&h, &admin, false, file(&rows), None).await;
    assert_eq!(real.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", real.body);
    assert_eq!(problems(&real.body), expected);
    assert_eq!(
        h.get("/api/v1/pims/employees/HR7001", &admin).await.status,
        StatusCode::NOT_FOUND
    );
    assert!(h
        .store
        .get(&Key::new("POST#DC-GGN-P1", "META"))
        .await
        .unwrap()
        .is_none());
    let staff = h.get("/api/v1/pims/offices/DC-GGN/employees", &admin).await;
    assert_eq!(staff.body["items"].as_array().unwrap().len(), 0);
    let audit = h.get("/api/v1/admin/audit", &admin).await;
    assert_eq!(audit.body["items"].as_array().unwrap().len(), 0);
}

async fn a_valid_file_loads_and_the_employees_can_be_read(h: Harness) {
    let admin = h.login(ADMIN).await;
    // A byte-order mark, CRLF, Hindi text and a quoted cell with a comma.
    let second = row("HR7102", "DC-GGN-P2").replace("Clerk (General)", "\"Clerk, Records\"");
    let text = format!("\u{feff}{}", file(&[row("HR7101", "DC-GGN-P1"), second]));
    let reply = send_csv(&h, &admin, true, text.clone(), None).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    assert_eq!(
        (reply.body["problems"].as_array().unwrap().len(), &reply.body["loaded"]),
        (0, &json!(0))
    );
    assert!(h.store.get(&Key::new("EMP#HR7101", "PROFILE")).await.unwrap().is_none());

    let reply = send_csv(&h, &admin, false, text, Some("onboard-once-1")).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    assert_eq!(reply.body["loaded"], 2);

    let record = h.get("/api/v1/pims/employees/HR7101", &admin).await;
    assert_eq!(record.status, StatusCode::OK, "{}", record.body);
    assert_eq!(record.body["name_hi"], "मीना देवी");
    assert_eq!(record.body["cadre"], "CLERICAL");
    assert_eq!(record.body["personal"]["phone"], "9876543210");
    assert_eq!(record.body["personal"]["date_of_birth"], "1995-06-15");
    assert_eq!(record.body["history"][0]["post"], "DC-GGN-P1");
    assert_eq!(record.body["posts"][0]["holder_name_hi"], "मीना देवी");
    let second = h.get("/api/v1/pims/employees/HR7102", &admin).await;
    assert_eq!(second.body["history"][0]["title_en"], "Clerk, Records");

    // The office lists them, and its posts show who holds them.
    let staff = h.get("/api/v1/pims/offices/DC-GGN/employees", &admin).await;
    let ids: Vec<&str> = staff.body["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, vec!["HR7101", "HR7102"]);
    let posts = h.get("/api/v1/org/offices/DC-GGN/posts", &admin).await;
    let p1 = posts.body["posts"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["id"] == "DC-GGN-P1")
        .unwrap()
        .clone();
    assert_eq!(p1["holder_name_en"], "Meena Devi");

    // No password until an administrator sets one; then they sign in and see their own record.
    let refused = h
        .request(
            Method::POST,
            "/api/v1/auth/login",
            None,
            Some(json!({"employee_id": "HR7101", "password": common::DEMO_PASSWORD})),
            &[],
        )
        .await;
    assert_eq!(refused.status, StatusCode::UNAUTHORIZED);
    set_password(&h, &admin, "HR7101").await;
    let meena = h.login("HR7101").await;
    let me = h.get("/api/v1/auth/me", &meena).await;
    assert_eq!(me.body["posts"][0]["id"], "DC-GGN-P1");
    let own = h.get("/api/v1/pims/employees/HR7101", &meena).await;
    assert_eq!(own.body["personal"]["email"], "hr7101@hry.gov.in");
}

async fn the_same_file_twice_finishes_a_load_without_duplicates(h: Harness) {
    let admin = h.login(ADMIN).await;
    // 30 rows: more than one transaction's worth.
    let rows: Vec<String> = (0..30)
        .map(|i| row(&format!("HR72{i:02}"), &format!("DC-GGN-Q{i:02}")))
        .collect();
    let text = file(&rows);

    // Something else claims the last row's record between the check and the write: the first
    // transaction lands, the second fails, and the report says how far it got.
    h.store
        .write(Write::Put {
            item: Item::new(Key::new("EMP#HR7229", "PIMS"), json!({"placeholder": true})),
            condition: Condition::None,
        })
        .await
        .unwrap();
    let partial = send_csv(&h, &admin, false, text.clone(), None).await;
    assert_eq!(partial.status, StatusCode::CONFLICT, "{}", partial.body);
    assert!(
        partial.body["detail"].as_str().unwrap().starts_with("24 of 30"),
        "{}",
        partial.body
    );
    assert!(partial.body["detail_hi"].is_string());

    // Cleared, the same file finishes the load: the first 24 rows are recognised, not doubled.
    h.store
        .write(Write::Delete {
            key: Key::new("EMP#HR7229", "PIMS"),
            condition: Condition::None,
        })
        .await
        .unwrap();
    let finished = send_csv(&h, &admin, false, text.clone(), None).await;
    assert_eq!(finished.status, StatusCode::OK, "{}", finished.body);
    assert_eq!(
        (&finished.body["loaded"], &finished.body["already_loaded"]),
        (&json!(6), &json!(24))
    );

    // Again: nothing left to do.
    let again = send_csv(&h, &admin, false, text, None).await;
    assert_eq!(again.status, StatusCode::OK, "{}", again.body);
    assert_eq!(
        (&again.body["loaded"], &again.body["already_loaded"]),
        (&json!(0), &json!(30))
    );
    let mut all = Vec::new();
    let mut cursor: Option<String> = None;
    loop {
        let path = match &cursor {
            Some(c) => format!("/api/v1/pims/offices/DC-GGN/employees?limit=100&cursor={c}"),
            None => "/api/v1/pims/offices/DC-GGN/employees?limit=100".to_owned(),
        };
        let page = h.get(&path, &admin).await;
        all.extend(page.body["items"].as_array().unwrap().clone());
        match page.body["next_cursor"].as_str() {
            Some(c) => cursor = Some(c.to_owned()),
            None => break,
        }
    }
    assert_eq!(all.len(), 30);
    let history = h.get("/api/v1/pims/employees/HR7200", &admin).await;
    assert_eq!(history.body["history"].as_array().unwrap().len(), 1);

    // A different file naming the same people is a duplicate, not a retry.
    let other = send_csv(
        &h,
        &admin,
        true,
        file(
            &rows[..1]
                .iter()
                .map(|r| r.replace("Meena", "Meenu"))
                .collect::<Vec<_>>(),
        ),
        None,
    )
    .await;
    assert_eq!(
        problems(&other.body),
        vec![(2, Some("employee_id".into())), (2, Some("post_id".into()))]
    );
}

async fn export(h: &Harness, cookie: &str, query: &str) -> (StatusCode, String, String) {
    let (status, content_type, bytes) = h
        .get_bytes(&format!("/api/v1/pims/employees.csv?{query}"), cookie)
        .await;
    (status, content_type, String::from_utf8(bytes).unwrap())
}

async fn the_export_neutralises_formulas_and_can_head_columns_in_hindi(h: Harness) {
    let admin = h.login(ADMIN).await;
    load(&h, &admin, &[row("HR7301", "DC-GGN-P1"), row("HR7302", "DC-GGN-P2")]).await;
    // A record that reached the store some other way with a formula in its name.
    let key = Key::new("EMP#HR7301", "PIMS");
    let mut item = h.store.get(&key).await.unwrap().unwrap();
    item.body["name_en"] = json!("=HYPERLINK(\"http://x\",\"y\")");
    h.store
        .write(Write::Put {
            item,
            condition: Condition::None,
        })
        .await
        .unwrap();

    let (status, content_type, text) = export(&h, &admin, "office=DC-GGN").await;
    assert_eq!(status, StatusCode::OK, "{text}");
    assert!(content_type.starts_with("text/csv"));
    let text = text.trim_start_matches('\u{feff}');
    let mut lines = text.lines();
    assert_eq!(lines.next().unwrap(), HEADER);
    assert!(text.contains("'=HYPERLINK("), "{text}");
    assert!(
        !text.contains(",=HYPERLINK") && !text.contains(",\"=HYPERLINK"),
        "{text}"
    );
    assert!(text.contains("9876543210"));
    assert!(text.contains("मीना देवी"));
    assert!(text.contains("DC-GGN-GEN"));
    assert_eq!(lines.count(), 2);

    let (_, _, hindi) = export(&h, &admin, "office=DC-GGN&lang=hi").await;
    let first = hindi.trim_start_matches('\u{feff}').lines().next().unwrap().to_owned();
    assert!(first.starts_with("कर्मचारी आईडी,नाम (अंग्रेज़ी)"), "{first}");

    // The exported file (Hindi headers and all) passes a dry run elsewhere as a duplicate of
    // what is already here, not as a malformed file.
    let dry = send_csv(&h, &admin, true, hindi.replace("'=HYPERLINK", "=HYPERLINK"), None).await;
    assert_eq!(dry.status, StatusCode::OK, "{}", dry.body);
    assert!(
        problems(&dry.body).contains(&(2, Some("name_en".into()))),
        "{}",
        dry.body
    );
}

async fn a_transfer_leaves_the_inbox_with_the_post_for_its_new_holder(h: Harness) {
    let admin = h.login(ADMIN).await;
    let so = h.login("HR2001").await;
    let registry = h.login("HR2003").await;
    // A file and a receipt wait at the Finance section officer's desk.
    let created = h
        .post(
            "/api/v1/files",
            &so,
            json!({ "at_post": "FIN-HQ-SO", "subject": "Budget re-appropriation", "category": "budget", "head": "BUDGET" }),
        )
        .await;
    assert_eq!(created.status, StatusCode::CREATED, "{}", created.body);
    let file_id = created.body["id"].as_str().unwrap().to_owned();
    let receipt = h
        .diarise(&registry, "FIN-HQ-CRU", "Grant utilisation certificate")
        .await;
    let receipt_id = receipt["id"].as_str().unwrap().to_owned();
    let forwarded = h
        .post(
            &format!("/api/v1/receipts/{receipt_id}/forward"),
            &registry,
            forward_body(1, "FIN-HQ-SO"),
        )
        .await;
    assert_eq!(forwarded.status, StatusCode::OK, "{}", forwarded.body);

    // A new officer joins at a new desk of the same office.
    let newcomer = row("HR7401", "FIN-HQ-SO2").replace("DC-GGN,GEN", "FIN-HQ,GEN");
    load(&h, &admin, &[newcomer]).await;
    set_password(&h, &admin, "HR7401").await;

    // Taking an occupied post needs the request to say so.
    let refused = h
        .post(
            "/api/v1/pims/transfers",
            &admin,
            transfer("HR7401", Some("FIN-HQ-SO2"), Some("FIN-HQ-SO"), false),
        )
        .await;
    assert_eq!(refused.status, StatusCode::CONFLICT, "{}", refused.body);
    assert!(refused.body["detail_hi"].is_string());

    let moved = h
        .post_with_key(
            "/api/v1/pims/transfers",
            &admin,
            transfer("HR7401", Some("FIN-HQ-SO2"), Some("FIN-HQ-SO"), true),
            "transfer-7401-1",
        )
        .await;
    assert_eq!(moved.status, StatusCode::OK, "{}", moved.body);
    assert_eq!(
        (&moved.body["kind"], &moved.body["relieved"]),
        (&json!("move"), &json!("HR2001"))
    );
    let history = moved.body["employee"]["history"].as_array().unwrap();
    assert_eq!(history.len(), 2);
    assert_eq!(
        (&history[0]["post"], history[0]["to"].is_string()),
        (&json!("FIN-HQ-SO2"), true)
    );
    assert_eq!(
        (&history[1]["post"], history[1]["to"].is_null()),
        (&json!("FIN-HQ-SO"), true)
    );

    // The replay answers the same, and moves nothing again.
    let replay = h
        .post_with_key(
            "/api/v1/pims/transfers",
            &admin,
            transfer("HR7401", Some("FIN-HQ-SO2"), Some("FIN-HQ-SO"), true),
            "transfer-7401-1",
        )
        .await;
    assert_eq!((replay.status, &replay.body), (StatusCode::OK, &moved.body));

    // The new holder finds the desk's file and receipt; the old one no longer reaches them.
    let newcomer = h.login("HR7401").await;
    let files = h.get("/api/v1/posts/FIN-HQ-SO/files?view=inbox", &newcomer).await;
    assert_eq!(files.status, StatusCode::OK, "{}", files.body);
    let created_view = h.get("/api/v1/posts/FIN-HQ-SO/files?view=created", &newcomer).await;
    let all_files: Vec<Value> = files.body["items"]
        .as_array()
        .unwrap()
        .iter()
        .chain(created_view.body["items"].as_array().unwrap())
        .cloned()
        .collect();
    assert!(
        all_files.iter().any(|f| f["file_id"] == file_id.as_str()),
        "{all_files:?}"
    );
    let receipts = h.get("/api/v1/posts/FIN-HQ-SO/inbox", &newcomer).await;
    assert_eq!(receipts.status, StatusCode::OK, "{}", receipts.body);
    assert!(receipts.body.to_string().contains(&receipt_id), "{}", receipts.body);
    assert_eq!(
        h.get("/api/v1/posts/FIN-HQ-SO/files", &so).await.status,
        StatusCode::FORBIDDEN
    );
    let file = h.get(&format!("/api/v1/files/{file_id}"), &newcomer).await;
    assert_eq!(file.status, StatusCode::OK, "{}", file.body);

    // The posts say who holds them now; the old desk is vacant; the relieved officer holds none.
    let posts = h.get("/api/v1/org/offices/FIN-HQ/posts", &admin).await;
    let post = |id: &str| {
        posts.body["posts"]
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["id"] == id)
            .unwrap()
            .clone()
    };
    assert_eq!(post("FIN-HQ-SO")["holder_name_en"], "Meena Devi");
    assert!(post("FIN-HQ-SO2")["holder_name_en"].is_null());
    let relieved = h.get("/api/v1/pims/employees/HR2001", &admin).await;
    assert_eq!(relieved.body["posts"], json!([]));

    // Relieving the newcomer leaves the post vacant, inbox and all.
    let relief = h
        .post(
            "/api/v1/pims/transfers",
            &admin,
            transfer("HR7401", Some("FIN-HQ-SO"), None, false),
        )
        .await;
    assert_eq!(
        (relief.status, &relief.body["kind"]),
        (StatusCode::OK, &json!("relief"))
    );
    let back = h
        .post(
            "/api/v1/pims/transfers",
            &admin,
            transfer("HR2001", None, Some("FIN-HQ-SO"), false),
        )
        .await;
    assert_eq!(
        (back.status, &back.body["kind"]),
        (StatusCode::OK, &json!("posting")),
        "{}",
        back.body
    );
    let receipts = h.get("/api/v1/posts/FIN-HQ-SO/inbox", &so).await;
    assert!(receipts.body.to_string().contains(&receipt_id));
}

async fn two_transfers_into_one_post_have_exactly_one_winner(h: Harness) {
    let admin = h.login(ADMIN).await;
    load(&h, &admin, &[row("HR7501", "DC-GGN-P1"), row("HR7502", "DC-GGN-P2")]).await;
    // DC-GGN-ADC is vacant in the demo organisation.
    let a = transfer("HR7501", Some("DC-GGN-P1"), Some("DC-GGN-ADC"), false);
    let b = transfer("HR7502", Some("DC-GGN-P2"), Some("DC-GGN-ADC"), false);
    let (ra, rb) = tokio::join!(
        h.post("/api/v1/pims/transfers", &admin, a),
        h.post("/api/v1/pims/transfers", &admin, b)
    );
    let mut statuses = vec![ra.status, rb.status];
    statuses.sort();
    assert_eq!(
        statuses,
        vec![StatusCode::OK, StatusCode::CONFLICT],
        "{} / {}",
        ra.body,
        rb.body
    );
    let (winner, loser, loser_post) = if ra.status == StatusCode::OK {
        ("HR7501", "HR7502", "DC-GGN-P2")
    } else {
        ("HR7502", "HR7501", "DC-GGN-P1")
    };
    let post = h
        .store
        .get(&Key::new("POST#DC-GGN-ADC", "META"))
        .await
        .unwrap()
        .unwrap();
    assert_eq!(post.body["post"]["holder"], winner);
    let loser_record = h.get(&format!("/api/v1/pims/employees/{loser}"), &admin).await;
    assert_eq!(loser_record.body["posts"][0]["id"], loser_post);
    assert_eq!(loser_record.body["history"].as_array().unwrap().len(), 1);
}

async fn only_administrators_manage_personnel_and_personal_details_stay_private(h: Harness) {
    let admin = h.login(ADMIN).await;
    load(&h, &admin, &[row("HR7601", "DC-GGN-P1")]).await;
    let officer = h.login("HR2001").await;

    let onboard = send_csv(&h, &officer, true, file(&[row("HR7602", "DC-GGN-P2")]), None).await;
    assert_eq!(onboard.status, StatusCode::FORBIDDEN);
    assert!(onboard.body["detail_hi"].is_string());
    let moved = h
        .post(
            "/api/v1/pims/transfers",
            &officer,
            transfer("HR7601", Some("DC-GGN-P1"), Some("DC-GGN-ADC"), false),
        )
        .await;
    assert_eq!(moved.status, StatusCode::FORBIDDEN);
    let edit = put(
        &h,
        "/api/v1/pims/employees/HR7601",
        &officer,
        edit_body(1, "Meena Devi"),
    )
    .await;
    assert_eq!(edit.status, StatusCode::FORBIDDEN);
    assert_eq!(export(&h, &officer, "office=DC-GGN").await.0, StatusCode::FORBIDDEN);
    assert_eq!(
        h.get("/api/v1/admin/audit", &officer).await.status,
        StatusCode::FORBIDDEN
    );
    let password = h
        .post(
            "/api/v1/pims/employees/HR7601/password",
            &officer,
            json!({"password": "long enough pw"}),
        )
        .await;
    assert_eq!(password.status, StatusCode::FORBIDDEN);

    // Without a session, nothing.
    for path in [
        "/api/v1/pims/employees/HR7601",
        "/api/v1/pims/offices/DC-GGN/employees",
        "/api/v1/admin/audit",
    ] {
        let reply = h
            .request(Method::GET, path, Some("daftar_session=forged"), None, &[])
            .await;
        assert_eq!(reply.status, StatusCode::UNAUTHORIZED, "{path}");
    }
    // The OpenAPI document describes the endpoints.
    let doc = h.request(Method::GET, "/api/openapi.json", None, None, &[]).await;
    for path in [
        "/api/v1/pims/transfers",
        "/api/v1/pims/onboarding",
        "/api/v1/pims/employees.csv",
        "/api/v1/admin/audit",
    ] {
        assert!(
            doc.body["paths"][path].is_object(),
            "{path} missing from the OpenAPI document"
        );
    }

    // Any official reads the directory, without the personal fields.
    let record = h.get("/api/v1/pims/employees/HR7601", &officer).await;
    assert_eq!(record.status, StatusCode::OK);
    assert_eq!(record.body["name_en"], "Meena Devi");
    assert!(record.body["personal"].is_null());
    assert!(!record.body.to_string().contains("9876543210"));
    let staff = h.get("/api/v1/pims/offices/DC-GGN/employees", &officer).await;
    assert_eq!(staff.status, StatusCode::OK);
    assert!(!staff.body.to_string().contains("1995-06-15"));
}

fn edit_body(version: u64, name: &str) -> Value {
    json!({
        "version": version, "name_en": name, "name_hi": "मीना देवी", "designation_en": "Senior Clerk",
        "designation_hi": "वरिष्ठ लिपिक", "cadre": "CLERICAL", "date_of_joining": "2020-04-01",
        "date_of_birth": "1995-06-15", "phone": "098765 43211", "email": "meena@hry.gov.in"
    })
}

async fn an_edit_needs_the_current_version(h: Harness) {
    let admin = h.login(ADMIN).await;
    load(&h, &admin, &[row("HR7701", "DC-GGN-P1")]).await;
    let current = h.get("/api/v1/pims/employees/HR7701", &admin).await;
    assert_eq!(current.body["version"], 1);

    let edited = put(
        &h,
        "/api/v1/pims/employees/HR7701",
        &admin,
        edit_body(1, "Meena Kumari"),
    )
    .await;
    assert_eq!(edited.status, StatusCode::OK, "{}", edited.body);
    assert_eq!(
        (&edited.body["version"], &edited.body["name_en"]),
        (&json!(2), &json!("Meena Kumari"))
    );
    assert_eq!(edited.body["personal"]["phone"], "9876543211");
    // The post shows the new name, and the profile the new designation.
    let post = h.store.get(&Key::new("POST#DC-GGN-P1", "META")).await.unwrap().unwrap();
    assert_eq!(post.body["holder_name_en"], "Meena Kumari");

    let stale = put(&h, "/api/v1/pims/employees/HR7701", &admin, edit_body(1, "Meena Rani")).await;
    assert_eq!(stale.status, StatusCode::CONFLICT, "{}", stale.body);
    assert_eq!(stale.body["current_version"], 2);
    assert!(stale.body["detail_hi"].is_string());

    // Invalid fields are refused with their field named, in both languages.
    let mut hostile = edit_body(2, "=cmd|' /C calc'!A0");
    let reply = put(&h, "/api/v1/pims/employees/HR7701", &admin, hostile.clone()).await;
    assert_eq!(
        (reply.status, &reply.body["field"]),
        (StatusCode::UNPROCESSABLE_ENTITY, &json!("name_en"))
    );
    hostile = edit_body(2, "Meena");
    hostile["date_of_birth"] = json!("2010-01-01");
    let reply = put(&h, "/api/v1/pims/employees/HR7701", &admin, hostile).await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(reply.body["detail"].as_str().unwrap().contains("18"), "{}", reply.body);
    assert!(reply.body["detail_hi"].is_string());

    // A demo employee from before PIMS gets a record with version 0.
    let demo = h.get("/api/v1/pims/employees/HR2002", &admin).await;
    assert_eq!((&demo.body["version"], &demo.body["cadre"]), (&json!(0), &Value::Null));
    let mut body = edit_body(0, "Priya Malik");
    body["name_hi"] = json!("प्रिया मलिक");
    let created = put(&h, "/api/v1/pims/employees/HR2002", &admin, body).await;
    assert_eq!(created.status, StatusCode::OK, "{}", created.body);
    assert_eq!(created.body["history"][0]["post"], "FIN-HQ-DS");
    // She still signs in and works at her post.
    let priya = h.login("HR2002").await;
    assert_eq!(
        h.get("/api/v1/posts/FIN-HQ-DS/files", &priya).await.status,
        StatusCode::OK
    );
}

async fn the_audit_log_lists_each_change_with_before_and_after(h: Harness) {
    let admin = h.login(ADMIN).await;
    load(&h, &admin, &[row("HR7801", "DC-GGN-P1")]).await;
    h.clock.advance(time::Duration::seconds(1));
    let moved = h
        .post(
            "/api/v1/pims/transfers",
            &admin,
            transfer("HR7801", Some("DC-GGN-P1"), Some("DC-GGN-ADC"), false),
        )
        .await;
    assert_eq!(moved.status, StatusCode::OK, "{}", moved.body);
    h.clock.advance(time::Duration::seconds(1));
    let edited = put(
        &h,
        "/api/v1/pims/employees/HR7801",
        &admin,
        edit_body(2, "Meena Kumari"),
    )
    .await;
    assert_eq!(edited.status, StatusCode::OK, "{}", edited.body);

    let log = h.get("/api/v1/admin/audit", &admin).await;
    assert_eq!(log.status, StatusCode::OK, "{}", log.body);
    let items = log.body["items"].as_array().unwrap();
    let actions: Vec<&str> = items.iter().map(|e| e["action"].as_str().unwrap()).collect();
    assert_eq!(actions, vec!["pims.edit", "pims.transfer", "pims.onboard"]);
    for entry in items {
        assert_eq!(
            (&entry["actor"], &entry["actor_name_en"]),
            (&json!("HR9001"), &json!("Deepak Saini"))
        );
        assert_eq!(entry["target"], "EMP#HR7801");
        assert!(entry["after"].is_object());
    }
    assert_eq!(items[0]["before"]["personnel"]["name_en"], "Meena Devi");
    assert_eq!(items[0]["after"]["personnel"]["name_en"], "Meena Kumari");
    assert_eq!(items[1]["before"]["profile"]["employee"]["posts"], json!(["DC-GGN-P1"]));
    assert_eq!(items[1]["after"]["profile"]["employee"]["posts"], json!(["DC-GGN-ADC"]));

    // Per target, and page by page.
    let page = h.get("/api/v1/admin/audit?target=EMP%23HR7801&limit=2", &admin).await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    let next = page.body["next_cursor"].as_str().unwrap().to_owned();
    let rest = h
        .get(
            &format!("/api/v1/admin/audit?target=EMP%23HR7801&limit=2&cursor={next}"),
            &admin,
        )
        .await;
    assert_eq!(rest.body["items"].as_array().unwrap().len(), 1);
    assert_eq!(rest.body["items"][0]["action"], "pims.onboard");
    let other_month = h.get("/api/v1/admin/audit?month=1999-01", &admin).await;
    assert_eq!(other_month.body["items"], json!([]));
    let bad_month = h.get("/api/v1/admin/audit?month=2026-13", &admin).await;
    assert_eq!(bad_month.status, StatusCode::UNPROCESSABLE_ENTITY);
}

async fn bad_input_gets_a_clear_4xx(h: Harness) {
    let admin = h.login(ADMIN).await;
    // Too big: 413 in the problem format, with Hindi.
    let big = vec![b'a'; 2 * 1024 * 1024 + 1];
    let reply = send_csv(&h, &admin, true, big, None).await;
    assert_eq!(reply.status, StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(reply.headers[header::CONTENT_TYPE], "application/problem+json");
    assert!(reply.body["detail_hi"].is_string());
    // Too many rows.
    let many: Vec<String> = (0..5001).map(|i| format!("HR{i:05}")).collect();
    let reply = send_csv(&h, &admin, true, file(&many), None).await;
    assert_eq!(reply.status, StatusCode::PAYLOAD_TOO_LARGE, "{}", reply.body);
    // No header, empty, not UTF-8.
    for body in [
        row("HR7901", "DC-GGN-P1").into_bytes(),
        Vec::new(),
        [HEADER.as_bytes(), b"\n\xff\xfe,x\n"].concat(),
    ] {
        let reply = send_csv(&h, &admin, true, body, None).await;
        assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", reply.body);
        assert_eq!(reply.body["field"], "file");
        assert!(reply.body["detail_hi"].is_string());
    }
    // Transfers that make no sense.
    let cases = [
        (transfer("HR2001", None, None, false), StatusCode::UNPROCESSABLE_ENTITY),
        (
            transfer("HR2001", Some("DC-GGN-DC"), None, false),
            StatusCode::UNPROCESSABLE_ENTITY,
        ),
        (
            transfer("HR2001", None, Some("NO-SUCH-POST"), false),
            StatusCode::NOT_FOUND,
        ),
        (
            transfer("HR0000", None, Some("DC-GGN-ADC"), false),
            StatusCode::NOT_FOUND,
        ),
        (
            json!({"employee": "not an id!", "effective": "2026-01-01"}),
            StatusCode::UNPROCESSABLE_ENTITY,
        ),
        (
            json!({"employee": "HR2001", "to_post": "DC-GGN-ADC", "effective": "01/01/2026"}),
            StatusCode::UNPROCESSABLE_ENTITY,
        ),
    ];
    for (body, status) in cases {
        let reply = h.post("/api/v1/pims/transfers", &admin, body.clone()).await;
        assert_eq!(reply.status, status, "{body}: {}", reply.body);
    }
    let short = h
        .post(
            "/api/v1/pims/employees/HR2001/password",
            &admin,
            json!({"password": "short"}),
        )
        .await;
    assert_eq!(short.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        h.get("/api/v1/pims/employees/nobody!", &admin).await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        h.get("/api/v1/pims/offices/bad%20office/employees", &admin)
            .await
            .status,
        StatusCode::UNPROCESSABLE_ENTITY
    );
    assert_eq!(export(&h, &admin, "").await.0, StatusCode::UNPROCESSABLE_ENTITY);
}
