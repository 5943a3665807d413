//! Retries, outages and cost: the API over a store that fails on command and counts every
//! operation. (DynamoDB Local never raises transaction conflicts or throttles, so these paths
//! are driven here.)

mod common;

use axum::http::StatusCode;
use common::{diarise_body, forward_body, fresh_store, Backend, Harness};
use daftar_store::testing::{Fault, FaultInjectingStore};
use std::sync::Arc;

async fn harness() -> (Harness, Arc<FaultInjectingStore>) {
    let inner = fresh_store(Backend::Embedded).await.expect("embedded store");
    let faulty = Arc::new(FaultInjectingStore::new(inner));
    (Harness::over(faulty.clone()).await, faulty)
}

#[tokio::test]
async fn diarising_retries_through_transaction_conflicts_without_gaps() {
    let (h, faults) = harness().await;
    let clerk = h.login("HR1001").await;
    faults.fail_next_transacts(3, Fault::TransactionConflict);
    let receipt = h.diarise(&clerk, "DC-GGN-CRU", "Through the storm").await;
    assert_eq!(receipt["diary_number"]["serial"], 1);
    assert_eq!(faults.pending_faults(), 0);
    let next = h.diarise(&clerk, "DC-GGN-CRU", "After it").await;
    assert_eq!(next["diary_number"]["serial"], 2);
}

#[tokio::test]
async fn an_outage_during_a_forward_is_a_503_and_moves_nothing() {
    let (h, faults) = harness().await;
    let clerk = h.login("HR1001").await;
    let receipt = h.diarise(&clerk, "DC-GGN-CRU", "Outage").await;
    let id = receipt["id"].as_str().unwrap();
    let forward_path = format!("/api/v1/receipts/{id}/forward");
    faults.fail_next_transacts(1, Fault::Unavailable);
    let reply = h
        .post_with_key(&forward_path, &clerk, forward_body(1, "FIN-HQ-SO"), "outage-key-01")
        .await;
    assert_eq!(reply.status, StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(reply.body["code"], "unavailable");
    let still_here = h.get(&format!("/api/v1/receipts/{id}"), &clerk).await;
    assert_eq!(
        (still_here.body["holder"].as_str(), still_here.body["version"].as_u64()),
        (Some("DC-GGN-CRU"), Some(1))
    );
    // The client's retry with the same key then goes through once.
    let retry = h
        .post_with_key(&forward_path, &clerk, forward_body(1, "FIN-HQ-SO"), "outage-key-01")
        .await;
    assert_eq!(retry.status, StatusCode::OK);
}

#[tokio::test]
async fn persistent_conflicts_end_in_a_503_not_a_hang() {
    let (h, faults) = harness().await;
    let clerk = h.login("HR1001").await;
    faults.fail_next_transacts(1000, Fault::TransactionConflict);
    let reply = h
        .post("/api/v1/receipts", &clerk, diarise_body("DC-GGN-CRU", "Never"))
        .await;
    assert_eq!(reply.status, StatusCode::SERVICE_UNAVAILABLE);
}

/// The inbox, a receipt and its history cost the same number of storage operations whether the
/// post has 3 receipts or 30: every read is a get or a query on one key, never a scan.
#[tokio::test]
async fn request_cost_does_not_grow_with_the_data() {
    let (h, counter) = harness().await;
    let clerk = h.login("HR1001").await;
    let mut costs = Vec::new();
    for total in [3, 30] {
        while h.get("/api/v1/posts/DC-GGN-CRU/inbox?limit=100", &clerk).await.body["items"]
            .as_array()
            .unwrap()
            .len()
            < total
        {
            h.diarise(&clerk, "DC-GGN-CRU", "Filler").await;
        }
        let inbox = h.get("/api/v1/posts/DC-GGN-CRU/inbox?limit=25", &clerk).await;
        let id = inbox.body["items"][0]["receipt_id"].as_str().unwrap().to_owned();
        let mut cost = Vec::new();
        for path in [
            "/api/v1/posts/DC-GGN-CRU/inbox?limit=25".to_owned(),
            format!("/api/v1/receipts/{id}"),
            format!("/api/v1/receipts/{id}/history"),
        ] {
            counter.reset_counts();
            assert_eq!(h.get(&path, &clerk).await.status, StatusCode::OK);
            cost.push(counter.counts().total());
        }
        counter.reset_counts();
        h.diarise(&clerk, "DC-GGN-CRU", "Measured").await;
        cost.push(counter.counts().total());
        costs.push(cost);
    }
    assert_eq!(
        costs[0], costs[1],
        "storage operations per request with 3 vs 30 receipts"
    );
    assert!(costs[0].iter().all(|&ops| ops <= 6), "{costs:?}");
}

/// A send of a file is one transaction: when storage fails mid-request nothing of it lands (not
/// the file, its history, either desk's list or a counter), and the retry with the same key
/// moves it exactly once.
#[tokio::test]
async fn an_outage_during_a_file_send_moves_nothing_and_the_retry_moves_it_once() {
    let (h, faults) = harness().await;
    let so = h.login("HR2001").await;
    let file = h
        .post(
            "/api/v1/files",
            &so,
            serde_json::json!({"at_post": "FIN-HQ-SO", "subject": "Outage", "category": "general", "head": "GEN"}),
        )
        .await;
    let id = file.body["id"].as_str().unwrap();
    let path = format!("/api/v1/files/{id}/move");
    let send = serde_json::json!({"version": 1, "action": "send", "to_post": "CMO-HQ-SO"});
    let pending = |scope: &'static str| {
        let store = h.store.clone();
        async move {
            store
                .get(&daftar_store::Key::new(format!("COUNT#{scope}"), "FILES_PENDING"))
                .await
                .unwrap()
                .map_or(0, |item| item.count)
        }
    };
    faults.fail_next_transacts(1, Fault::Unavailable);
    let reply = h.post_with_key(&path, &so, send.clone(), "file-outage-1").await;
    assert_eq!(reply.status, StatusCode::SERVICE_UNAVAILABLE);
    let still = h.get(&format!("/api/v1/files/{id}"), &so).await.body;
    assert_eq!(
        (still["holder"].as_str(), still["version"].as_u64()),
        (Some("FIN-HQ-SO"), Some(1))
    );
    let history = h.get(&format!("/api/v1/files/{id}/history"), &so).await.body;
    assert_eq!(history["items"].as_array().unwrap().len(), 1);
    assert_eq!((pending("DEPT#FIN").await, pending("DEPT#CMO").await), (1, 0));
    let inbox = h.get("/api/v1/posts/FIN-HQ-SO/files", &so).await.body;
    assert_eq!(inbox["items"].as_array().unwrap().len(), 1);

    let retry = h.post_with_key(&path, &so, send.clone(), "file-outage-1").await;
    assert_eq!(retry.status, StatusCode::OK, "{}", retry.body);
    let again = h.post_with_key(&path, &so, send, "file-outage-1").await;
    assert_eq!(again.body, retry.body);
    assert_eq!((pending("DEPT#FIN").await, pending("DEPT#CMO").await), (0, 1));
    assert_eq!(
        h.get(&format!("/api/v1/files/{id}/verify"), &so).await.body["status"],
        "intact"
    );
}

/// A desk's file list, a file, its notes and history cost the same number of storage operations
/// with 3 files on the desk as with 30.
#[tokio::test]
async fn file_requests_cost_the_same_with_ten_times_the_files() {
    let (h, counter) = harness().await;
    let so = h.login("HR2001").await;
    let mut costs = Vec::new();
    let mut made = 0;
    for total in [3, 30] {
        let mut last = String::new();
        while made < total {
            let file = h
                .post(
                    "/api/v1/files",
                    &so,
                    serde_json::json!({"at_post": "FIN-HQ-SO", "subject": format!("Filler {made}"), "category": "general", "head": "GEN"}),
                )
                .await;
            last = file.body["id"].as_str().unwrap().to_owned();
            made += 1;
        }
        let mut cost = Vec::new();
        for path in [
            "/api/v1/posts/FIN-HQ-SO/files?limit=25".to_owned(),
            format!("/api/v1/files/{last}"),
            format!("/api/v1/files/{last}/notes"),
            format!("/api/v1/files/{last}/history"),
        ] {
            counter.reset_counts();
            assert_eq!(h.get(&path, &so).await.status, StatusCode::OK);
            cost.push(counter.counts().total());
        }
        counter.reset_counts();
        let sent = h
            .post(
                &format!("/api/v1/files/{last}/move"),
                &so,
                serde_json::json!({"version": 1, "action": "send", "to_post": "FIN-HQ-DS"}),
            )
            .await;
        assert_eq!(sent.status, StatusCode::OK);
        cost.push(counter.counts().total());
        costs.push(cost);
    }
    assert_eq!(costs[0], costs[1], "storage operations per request with 3 vs 30 files");
}
