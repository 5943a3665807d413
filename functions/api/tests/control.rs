//! The control room against real stores: the counters kept on write equal a recount of the
//! files and receipts after a randomised concurrent run, the pages drill down from the state
//! to the desk holding the oldest file, an unchanged page costs one read, and a dashboard's cost
//! does not grow with the number of files.

mod common;

use axum::http::{Method, StatusCode};
use common::{diarise_body, forward_body, fresh_store, open_file, Backend, Harness};
use daftar_api::counters::{Counted, Metric};
use daftar_api::keys;
use daftar_api::org::load_post;
use daftar_api::state::Clock;
use daftar_domain::file::File;
use daftar_domain::local_time::office_date;
use daftar_domain::receipt::{Receipt, ReceiptStatus};
use daftar_domain::{FileId, ReceiptId};
use daftar_store::testing::FaultInjectingStore;
use daftar_store::{Index, Query};
use serde_json::{json, Value};
use std::collections::BTreeMap;
use std::sync::Arc;
use time::{Date, Duration};

on_both_backends!(
    counters_equal_a_recount_after_a_randomised_concurrent_run,
    the_drill_down_leads_from_the_state_to_the_desk_with_the_oldest_file,
    who_may_watch_what,
    the_demo_activity_gives_every_department_and_district_something_pending,
);

/// Desks held by demo officials, with who holds them.
const DESKS: &[(&str, &str)] = &[
    ("FIN-HQ-SO", "HR2001"),
    ("FIN-HQ-DS", "HR2002"),
    ("FIN-HQ-SECY", "HR2004"),
    ("CMO-HQ-SO", "HR3001"),
    ("DC-GGN-DC", "HR1002"),
    ("EIT-HQ-SO", "HR9001"),
];

/// A small deterministic generator, so a failing run can be repeated.
struct Dice(u64);

impl Dice {
    fn roll(&mut self, sides: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % sides as u64) as usize
    }
}

async fn load_file(h: &Harness, id: &str) -> File {
    let id = FileId::parse(id).unwrap();
    h.store.get(&keys::file(&id)).await.unwrap().unwrap().parse().unwrap()
}

async fn load_receipt(h: &Harness, id: &str) -> Receipt {
    let id = ReceiptId::parse(id).unwrap();
    h.store
        .get(&keys::receipt(&id))
        .await
        .unwrap()
        .unwrap()
        .parse()
        .unwrap()
}

/// What the counters should say, recounted from the items themselves: pending per scope and
/// kind, and pending per scope, kind and day of arrival at the desk.
#[derive(Default, Debug, PartialEq)]
struct Recount {
    pending: BTreeMap<(String, Counted), i64>,
    waiting: BTreeMap<(String, Counted, Date), i64>,
}

impl Recount {
    async fn add(&mut self, h: &Harness, counted: Counted, post: &daftar_domain::PostId, since: time::OffsetDateTime) {
        let post = load_post(h.store.as_ref(), post).await.unwrap().unwrap().post;
        for scope in [
            format!("COUNT#POST#{}", post.id),
            format!("COUNT#OFFICE#{}", post.office),
            format!("COUNT#DEPT#{}", post.dept),
            "COUNT#STATE".to_owned(),
        ] {
            *self.pending.entry((scope.clone(), counted)).or_default() += 1;
            *self.waiting.entry((scope, counted, office_date(since))).or_default() += 1;
        }
    }

    /// The same figures as the counters hold them, for every scope the recount names.
    async fn from_counters(h: &Harness, scopes: impl Iterator<Item = String>) -> Recount {
        let mut out = Recount::default();
        for scope in scopes {
            let page = h.store.query(Query::new(Index::Table, scope.clone())).await.unwrap();
            assert!(page.next.is_none());
            for item in page.items.iter().filter(|i| i.count != 0) {
                match Metric::parse(&item.key.sk) {
                    Some((counted, Metric::Pending)) => {
                        out.pending.insert((scope.clone(), counted), item.count);
                    }
                    Some((counted, Metric::Waiting(date))) => {
                        out.waiting.insert((scope.clone(), counted, date), item.count);
                    }
                    _ => {}
                }
            }
        }
        out
    }
}

async fn counters_equal_a_recount_after_a_randomised_concurrent_run(h: Harness) {
    let h = Arc::new(h);
    let mut cookies = BTreeMap::new();
    for (post, employee) in DESKS {
        cookies.insert(*post, h.login(employee).await);
    }
    let fin_clerk = h.login("HR2003").await;
    let ggn_clerk = h.login("HR1001").await;
    let mut files = Vec::new();
    for (n, (post, _)) in DESKS.iter().enumerate() {
        for k in 0..2 {
            files.push(open_file(&h, &cookies[post], post, &format!("Recount file {n}-{k}")).await);
        }
    }
    let mut receipts = Vec::new();
    for (clerk, at) in [(&fin_clerk, "FIN-HQ-CRU"), (&ggn_clerk, "DC-GGN-CRU")] {
        for k in 0..3 {
            let receipt = h.diarise(clerk, at, &format!("Recount letter {k}")).await;
            let id = receipt["id"].as_str().unwrap().to_owned();
            // Into the desks' hands first, so the officials move them on from there.
            let to = DESKS[k % DESKS.len()].0;
            let sent = h
                .post(&format!("/api/v1/receipts/{id}/forward"), clerk, forward_body(1, to))
                .await;
            assert_eq!(sent.status, StatusCode::OK, "{}", sent.body);
            receipts.push(id);
        }
    }

    let mut dice = Dice(0x5eed_cafe_f00d);
    for _round in 0..5 {
        h.clock.advance(Duration::hours(6 + dice.roll(96) as i64));
        // Sessions do not outlive the night: sign in again.
        for (post, employee) in DESKS {
            cookies.insert(*post, h.login(employee).await);
        }
        let mut tasks = Vec::new();
        for id in &files {
            let file = load_file(&h, id).await;
            let Some(holder) = file.pending_at().map(|p| p.to_string()) else {
                continue;
            };
            let Some(cookie) = cookies.get(holder.as_str()).cloned() else {
                continue;
            };
            let closes = file.path.first().map(|p| p.to_string()) == Some(holder.clone()) && dice.roll(5) == 0;
            let body = if closes {
                json!({"version": file.version, "action": "close", "reason": "Disposed of."})
            } else {
                let to = DESKS[dice.roll(DESKS.len())].0;
                json!({"version": file.version, "action": "send", "to_post": to})
            };
            // Some files get two orders at once from the same desk: one wins, one is refused.
            let twice = dice.roll(3) == 0;
            for _ in 0..(1 + usize::from(twice)) {
                let (h, path, cookie, body) = (
                    h.clone(),
                    format!("/api/v1/files/{id}/move"),
                    cookie.clone(),
                    body.clone(),
                );
                tasks.push(tokio::spawn(async move { h.post(&path, &cookie, body).await.status }));
            }
        }
        for id in &receipts {
            let receipt = load_receipt(&h, id).await;
            if receipt.status != ReceiptStatus::Active {
                continue;
            }
            let Some(cookie) = cookies.get(receipt.holder.as_ref()).cloned() else {
                continue;
            };
            let (path, body) = if dice.roll(6) == 0 {
                (
                    format!("/api/v1/receipts/{id}/close"),
                    json!({"version": receipt.version, "remarks": "Noted."}),
                )
            } else {
                (
                    format!("/api/v1/receipts/{id}/forward"),
                    forward_body(receipt.version, DESKS[dice.roll(DESKS.len())].0),
                )
            };
            let h = h.clone();
            tasks.push(tokio::spawn(async move { h.post(&path, &cookie, body).await.status }));
        }
        for task in tasks {
            let status = task.await.unwrap();
            assert!(
                [StatusCode::OK, StatusCode::CONFLICT, StatusCode::UNPROCESSABLE_ENTITY].contains(&status),
                "unexpected {status}"
            );
        }
    }

    let mut recount = Recount::default();
    for id in &files {
        let file = load_file(&h, id).await;
        if let Some(post) = file.pending_at() {
            recount.add(&h, Counted::Files, post, file.held_since).await;
        }
    }
    for id in &receipts {
        let receipt = load_receipt(&h, id).await;
        if receipt.status == ReceiptStatus::Active {
            recount
                .add(&h, Counted::Receipts, &receipt.holder, receipt.held_since)
                .await;
        }
    }
    let mut scopes: Vec<String> = DESKS
        .iter()
        .map(|(post, _)| format!("COUNT#POST#{post}"))
        .chain(["FIN-HQ-CRU", "DC-GGN-CRU"].map(|p| format!("COUNT#POST#{p}")))
        .chain(["FIN-HQ", "CMO-HQ", "DC-GGN", "EIT-HQ"].map(|o| format!("COUNT#OFFICE#{o}")))
        .chain(["FIN", "CMO", "REV", "EIT"].map(|d| format!("COUNT#DEPT#{d}")))
        .collect();
    scopes.push("COUNT#STATE".into());
    let counted = Recount::from_counters(&h, scopes.into_iter()).await;
    assert_eq!(counted, recount);

    // The state page says the same, down to the ageing.
    let hq = h.login("HR4001").await;
    let page = h.get("/api/v1/control", &hq).await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    let today = office_date(h.clock.now());
    let total = |counted: Counted| {
        recount
            .pending
            .get(&("COUNT#STATE".to_owned(), counted))
            .copied()
            .unwrap_or(0)
    };
    let over = |counted: Counted, days: i64| -> i64 {
        recount
            .waiting
            .iter()
            .filter(|((scope, c, since), _)| {
                scope == "COUNT#STATE" && *c == counted && (today - *since).whole_days() > days
            })
            .map(|(_, n)| n)
            .sum()
    };
    let files_figures = &page.body["total"]["figures"]["files"];
    assert_eq!(files_figures["pending"], total(Counted::Files));
    assert_eq!(
        files_figures["over"],
        json!([
            over(Counted::Files, 7),
            over(Counted::Files, 15),
            over(Counted::Files, 30)
        ])
    );
    assert_eq!(
        page.body["total"]["figures"]["receipts"]["pending"],
        total(Counted::Receipts)
    );
    let finance = row(&page.body, "departments", "FIN");
    assert_eq!(
        finance["figures"]["files"]["pending"],
        recount
            .pending
            .get(&("COUNT#DEPT#FIN".to_owned(), Counted::Files))
            .copied()
            .unwrap_or(0)
    );
}

/// The row of a scope in one of a page's groups.
fn row<'a>(page: &'a Value, group: &str, code: &str) -> &'a Value {
    page["groups"]
        .as_array()
        .unwrap()
        .iter()
        .find(|g| g["of"] == group)
        .unwrap_or_else(|| panic!("no {group} in {page}"))["rows"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["scope"]["code"] == code)
        .unwrap_or_else(|| panic!("no {code} among {group}"))
}

async fn the_drill_down_leads_from_the_state_to_the_desk_with_the_oldest_file(h: Harness) {
    let so = h.login("HR2001").await;
    let old = open_file(&h, &so, "FIN-HQ-SO", "Pension arrears of retired teachers").await;
    let moved = h
        .post(
            &format!("/api/v1/files/{old}/move"),
            &so,
            json!({"version": 1, "action": "send", "to_post": "FIN-HQ-DS"}),
        )
        .await;
    assert_eq!(moved.status, StatusCode::OK, "{}", moved.body);
    // The Section Officer's desk held the file for a moment before sending it on: one stay ended.
    let hq = h.login("HR4001").await;
    let so_desk = h.get("/api/v1/control/posts/FIN-HQ-SO", &hq).await;
    assert_eq!(so_desk.body["total"]["figures"]["files"]["stays_month"], 1);
    assert_eq!(so_desk.body["total"]["figures"]["files"]["pending"], 0);
    h.clock.advance(Duration::days(20));
    let ds = h.login("HR2002").await;
    open_file(&h, &ds, "FIN-HQ-DS", "Budget estimates 2027-28").await;
    h.clock.advance(Duration::days(1));

    let hq = h.login("HR4001").await;
    let state = h.get("/api/v1/control", &hq).await;
    assert_eq!(state.status, StatusCode::OK, "{}", state.body);
    let finance = row(&state.body, "departments", "FIN");
    assert_eq!(finance["figures"]["files"]["pending"], 2);
    assert_eq!(finance["figures"]["files"]["over"], json!([1, 1, 0]));
    assert_eq!(
        row(&state.body, "districts", "DC-GGN")["figures"]["files"]["pending"],
        0
    );
    assert_eq!(state.body["groups"][0]["rows"].as_array().unwrap().len(), 23);
    assert_eq!(state.body["groups"][1]["rows"].as_array().unwrap().len(), 22);
    assert_eq!(state.body["top_desks"][0]["scope"]["code"], "FIN-HQ-DS");
    assert_eq!(state.body["top_desks"][0]["holder_en"], "Priya Malik");
    assert_eq!(state.body["trend"].as_array().unwrap().len(), 14);

    let dept = h.get("/api/v1/control/departments/FIN", &hq).await;
    let hq_office = row(&dept.body, "offices", "FIN-HQ");
    assert_eq!(hq_office["figures"]["files"]["pending"], 2);
    let oldest = hq_office["figures"]["files"]["oldest_since"]
        .as_str()
        .unwrap()
        .to_owned();

    let office = h.get("/api/v1/control/offices/FIN-HQ", &hq).await;
    let general = row(&office.body, "sections", "FIN-HQ-GEN");
    assert_eq!(general["figures"]["files"]["pending"], 2);
    assert_eq!(general["figures"]["files"]["oldest_since"], oldest.as_str());
    assert_eq!(
        row(&office.body, "desks", "FIN-HQ-DS")["figures"]["files"]["oldest_since"],
        oldest.as_str()
    );

    let section = h.get("/api/v1/control/offices/FIN-HQ/sections/FIN-HQ-GEN", &hq).await;
    assert_eq!(section.status, StatusCode::OK, "{}", section.body);
    assert_eq!(
        row(&section.body, "desks", "FIN-HQ-DS")["figures"]["files"]["pending"],
        2
    );
    let trail: Vec<&str> = section.body["trail"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["scope"]["level"].as_str().unwrap())
        .collect();
    assert_eq!(trail, ["state", "department", "office"]);

    let desk = h.get("/api/v1/control/posts/FIN-HQ-DS", &hq).await;
    let files = desk.body["files"].as_array().unwrap();
    assert_eq!(files.len(), 2);
    assert_eq!(files[0]["file_id"], old.as_str(), "the longest waiting comes first");
    assert_eq!(
        desk.body["total"]["figures"]["files"]["average_stay_seconds"],
        Value::Null
    );
    assert_eq!(desk.body["total"]["holder_en"], "Priya Malik");

    let missing = h.get("/api/v1/control/posts/FIN-HQ-NOPE", &hq).await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND);
    let malformed = h.get("/api/v1/control/departments/not%20a%20code", &hq).await;
    assert_eq!(malformed.status, StatusCode::UNPROCESSABLE_ENTITY);
}

async fn who_may_watch_what(h: Harness) {
    let finance_officer = h.login("HR2001").await;
    assert_eq!(
        h.get("/api/v1/control", &finance_officer).await.status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        h.get("/api/v1/control/departments/FIN", &finance_officer).await.status,
        StatusCode::OK
    );
    assert_eq!(
        h.get("/api/v1/control/departments/CMO", &finance_officer).await.status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        h.get("/api/v1/control/posts/CMO-HQ-SO", &finance_officer).await.status,
        StatusCode::FORBIDDEN
    );

    // The wall screen's account holds no post: it watches everything and changes nothing.
    let screen = h.login("HR0001").await;
    assert_eq!(h.get("/api/v1/control", &screen).await.status, StatusCode::OK);
    assert_eq!(
        h.get("/api/v1/control/posts/FIN-HQ-SO", &screen).await.status,
        StatusCode::OK
    );
    let open = h
        .post(
            "/api/v1/files",
            &screen,
            json!({"at_post": "FIN-HQ-SO", "subject": "Not mine to open", "category": "general", "head": "GEN"}),
        )
        .await;
    assert_eq!(open.status, StatusCode::FORBIDDEN);
    let diarise = h
        .post("/api/v1/receipts", &screen, diarise_body("FIN-HQ-CRU", "No"))
        .await;
    assert_eq!(diarise.status, StatusCode::FORBIDDEN);
    assert_eq!(
        h.get("/api/v1/posts/FIN-HQ-SO/files?view=inbox", &screen).await.status,
        StatusCode::FORBIDDEN
    );

    // Overnight an official's session ends; the wall screen, polling all along, stays signed in.
    let official = h.login("HR4001").await;
    for _ in 0..26 {
        h.clock.advance(Duration::minutes(30));
        assert_eq!(h.get("/api/v1/control", &screen).await.status, StatusCode::OK);
    }
    assert_eq!(
        h.get("/api/v1/control", &official).await.status,
        StatusCode::UNAUTHORIZED
    );
}

/// The control room over a store that counts its operations.
async fn counting() -> (Harness, Arc<FaultInjectingStore>) {
    let inner = fresh_store(Backend::Embedded).await.expect("embedded store");
    let counting = Arc::new(FaultInjectingStore::new(inner));
    (Harness::over(counting.clone()).await, counting)
}

/// Opens files at the Section Officer's desk and sends each to the Deputy Secretary.
async fn open_and_send(h: &Harness, so: &str, numbers: std::ops::Range<usize>) {
    for n in numbers {
        let id = open_file(h, so, "FIN-HQ-SO", &format!("Growing file {n}")).await;
        let sent = h
            .post(
                &format!("/api/v1/files/{id}/move"),
                so,
                json!({"version": 1, "action": "send", "to_post": "FIN-HQ-DS"}),
            )
            .await;
        assert_eq!(sent.status, StatusCode::OK);
    }
}

/// Storage operations one page costs, and its entity tag.
async fn cost(
    h: &Harness,
    store: &FaultInjectingStore,
    path: &str,
    cookie: &str,
    tag: Option<&str>,
) -> (u64, StatusCode, String) {
    let headers: Vec<(&str, &str)> = tag.map(|t| ("if-none-match", t)).into_iter().collect();
    store.reset_counts();
    let reply = h.request(Method::GET, path, Some(cookie), None, &headers).await;
    let tag = reply.headers["etag"].to_str().unwrap().to_owned();
    (store.counts().total(), reply.status, tag)
}

/// Storage operations any GET costs.
async fn cost_of(h: &Harness, store: &FaultInjectingStore, path: &str, cookie: &str) -> (u64, StatusCode) {
    store.reset_counts();
    let status = h.get(path, cookie).await.status;
    (store.counts().total(), status)
}

#[tokio::test]
async fn a_dashboards_cost_does_not_grow_with_the_files_and_an_unchanged_one_costs_one_read() {
    let (h, store) = counting().await;
    let so = h.login("HR2001").await;
    let hq = h.login("HR4001").await;
    let pages = [
        "/api/v1/control",
        "/api/v1/control/departments/FIN",
        "/api/v1/control/offices/FIN-HQ",
        "/api/v1/control/posts/FIN-HQ-DS",
    ];
    open_and_send(&h, &so, 0..4).await;
    let mut before = Vec::new();
    for page in pages {
        before.push(cost(&h, &store, page, &hq, None).await.0);
    }
    open_and_send(&h, &so, 4..40).await;
    // What signing the caller in costs, which every request pays.
    let (signed_in, ..) = cost_of(&h, &store, "/api/v1/auth/me", &hq).await;
    let mut after = Vec::new();
    for page in pages {
        let (ops, status, tag) = cost(&h, &store, page, &hq, None).await;
        assert_eq!(status, StatusCode::OK);
        after.push(ops);
        // Asking again with the tag: nothing changed, so one read of the change count answers it.
        let (ops, status, again) = cost(&h, &store, page, &hq, Some(&tag)).await;
        // Pages of an office or a desk first read which department they belong to, to authorise.
        let lookup = u64::from(page.contains("/offices/") || page.contains("/posts/"));
        assert_eq!(
            (status, ops, again),
            (StatusCode::NOT_MODIFIED, signed_in + lookup + 1, tag)
        );
    }
    assert_eq!(before, after, "ten times the files, the same storage operations");
    let desk = h.get("/api/v1/control/posts/FIN-HQ-DS", &hq).await;
    assert_eq!(desk.body["total"]["figures"]["files"]["pending"], 40);

    // A file moving anywhere changes the tag.
    let (_, _, tag) = cost(&h, &store, pages[0], &hq, None).await;
    open_file(&h, &so, "FIN-HQ-SO", "One more").await;
    let (_, status, _) = cost(&h, &store, pages[0], &hq, Some(&tag)).await;
    assert_eq!(status, StatusCode::OK);
}

async fn the_demo_activity_gives_every_department_and_district_something_pending(h: Harness) {
    let blobs = Arc::new(daftar_blob::folder::FolderBlobStore::new(
        std::env::temp_dir().join(format!("daftar-demo-blobs-{}", std::process::id())),
    ));
    let state = daftar_api::AppState::new(h.store.clone(), blobs, daftar_api::ApiConfig::default());
    assert!(daftar_api::control::demo::seed_activity(&state).await.unwrap());
    assert!(
        !daftar_api::control::demo::seed_activity(&state).await.unwrap(),
        "runs once"
    );
    let hq = h.login("HR4001").await;
    let page = h.get("/api/v1/control", &hq).await;
    assert_eq!(page.status, StatusCode::OK);
    for group in page.body["groups"].as_array().unwrap() {
        for row in group["rows"].as_array().unwrap() {
            let figures = &row["figures"];
            assert!(
                figures["files"]["pending"].as_i64().unwrap() > 0,
                "{} has no files pending",
                row["name_en"]
            );
        }
    }
    let ageing = &page.body["total"]["figures"]["files"]["over"];
    assert!(
        ageing[0].as_i64().unwrap() > 0 && ageing[2].as_i64().unwrap() > 0,
        "{ageing}"
    );
    // The demo officials' own desks are left as the README describes them.
    let so = h.login("HR2001").await;
    let inbox = h.get("/api/v1/posts/FIN-HQ-SO/files?view=inbox", &so).await;
    assert_eq!(inbox.body["items"].as_array().unwrap().len(), 0);
}
