//! e-File through the API on a real store: the whole journey of a file, numbering under
//! concurrency, conflicts, recall races, idempotent retries, the hash chain and who may do what.

mod common;

use axum::http::{Method, StatusCode};
use common::{forward_body, Harness};
use daftar_store::{Condition, Key, Write};
use serde_json::{json, Value};
use std::collections::BTreeSet;

on_both_backends!(
    a_file_travels_across_departments_and_back,
    file_numbers_never_repeat_under_concurrent_creation,
    two_simultaneous_sends_one_wins_one_gets_409,
    recall_races_the_receiver_opening_it_and_exactly_one_wins,
    recall_is_only_for_the_sender_and_only_before_opening,
    a_replayed_send_moves_the_file_once,
    only_the_creating_desk_closes_and_a_reason_is_required,
    tampering_with_stored_history_is_caught,
    only_desks_on_the_path_see_a_file_and_drafts_stay_private,
    linked_files_record_each_other_and_move_independently,
    bad_input_gets_a_clear_4xx,
    search_finds_files_and_receipts_by_number_and_words_within_a_department,
    paper_items_are_marked_received_at_each_desk_and_classified_ones_stay_out_of_search,
    a_draft_is_approved_by_version_and_issued_through_the_dispatch_register,
    dispatch_numbers_have_no_gaps_when_desks_issue_at_once,
    merged_volumes_and_part_files_keep_one_matter_together,
    an_administrator_sets_a_departments_numbering_scheme,
);

fn create_body(at_post: &str, subject: &str) -> Value {
    json!({ "at_post": at_post, "subject": subject, "category": "budget", "head": "BUDGET" })
}

async fn create(h: &Harness, cookie: &str, at_post: &str, subject: &str) -> Value {
    let reply = h.post("/api/v1/files", cookie, create_body(at_post, subject)).await;
    assert_eq!(reply.status, StatusCode::CREATED, "{}", reply.body);
    reply.body
}

async fn act(h: &Harness, cookie: &str, path: &str, body: Value) -> Value {
    let reply = h.post(path, cookie, body).await;
    assert_eq!(reply.status, StatusCode::OK, "{path}: {}", reply.body);
    reply.body
}

fn send(version: &Value, to: &str) -> Value {
    json!({ "version": version, "action": "send", "to_post": to, "remarks": "For orders please.", "priority": "urgent" })
}

async fn counter(h: &Harness, scope: &str) -> i64 {
    h.store
        .get(&Key::new(format!("COUNT#{scope}"), "FILES_PENDING"))
        .await
        .unwrap()
        .map_or(0, |item| item.count)
}

async fn desk(h: &Harness, cookie: &str, post: &str, view: &str) -> Vec<Value> {
    let reply = h.get(&format!("/api/v1/posts/{post}/files?view={view}"), cookie).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    reply.body["items"].as_array().unwrap().clone()
}

async fn a_file_travels_across_departments_and_back(h: Harness) {
    let registry = h.login("HR2003").await;
    let so = h.login("HR2001").await;
    let cmo = h.login("HR3001").await;

    // A letter reaches the Finance section officer's desk.
    let receipt = h.diarise(&registry, "FIN-HQ-CRU", "Audit para on grants").await;
    let receipt_id = receipt["id"].as_str().unwrap().to_owned();
    act(
        &h,
        &registry,
        &format!("/api/v1/receipts/{receipt_id}/forward"),
        forward_body(1, "FIN-HQ-SO"),
    )
    .await;

    // The officer opens a file, numbered by the department's scheme.
    let file = create(&h, &so, "FIN-HQ-SO", "Supplementary demands 2026-27").await;
    let id = file["id"].as_str().unwrap().to_owned();
    let year = common::this_year();
    assert_eq!(file["number"]["text"], format!("FIN-GEN/BUDGET/1/{year}"));
    assert_eq!(file["holder"], "FIN-HQ-SO");
    assert_eq!(file["allowed"]["send"], true);
    assert_eq!(counter(&h, "DEPT#FIN").await, 1);
    let base = format!("/api/v1/files/{id}");

    // Writes and signs a note, puts the receipt in, and flags it from a second note.
    let v = act(
        &h,
        &so,
        &format!("{base}/notes"),
        json!({"version": 1, "text": "Proposal for supplementary demands placed below."}),
    )
    .await;
    assert_eq!(v["draft"], 1);
    let v = act(
        &h,
        &so,
        &format!("{base}/notes/1/sign"),
        json!({"version": v["version"]}),
    )
    .await;
    assert_eq!(v["paragraphs"], 1);
    let v = act(
        &h,
        &so,
        &format!("{base}/receipts"),
        json!({"version": v["version"], "receipt": receipt_id}),
    )
    .await;
    assert_eq!(v["receipts"], json!([receipt_id]));
    let receipts_at_so = h.get("/api/v1/posts/FIN-HQ-SO/inbox", &so).await;
    assert_eq!(
        receipts_at_so.body["items"],
        json!([]),
        "a filed receipt leaves the receipt list"
    );
    let v = act(
        &h,
        &so,
        &format!("{base}/notes"),
        json!({"version": v["version"], "text": "The AG's para is at the receipt flagged.", "refs": [{"kind": "receipt", "id": receipt_id}, {"kind": "paragraph", "number": 1}]}),
    )
    .await;
    let v = act(
        &h,
        &so,
        &format!("{base}/notes/2/sign"),
        json!({"version": v["version"]}),
    )
    .await;

    // Sends it to another department.
    let v = act(&h, &so, &format!("{base}/move"), send(&v["version"], "CMO-HQ-SO")).await;
    assert_eq!(v["holder"], "CMO-HQ-SO");
    assert_eq!(v["allowed"]["recall"], true);
    assert_eq!((counter(&h, "DEPT#FIN").await, counter(&h, "DEPT#CMO").await), (0, 1));
    assert_eq!(counter(&h, "POST#CMO-HQ-SO").await, 1);
    let sent = desk(&h, &so, "FIN-HQ-SO", "sent").await;
    assert_eq!(sent[0]["counterpart"], "CMO-HQ-SO");

    // The receiver finds it unread, opens it, reads the receipt, and notes.
    let inbox = desk(&h, &cmo, "CMO-HQ-SO", "inbox").await;
    assert_eq!(inbox.len(), 1);
    assert_eq!(
        (inbox[0]["opened"].as_bool(), inbox[0]["priority"].as_str()),
        (Some(false), Some("urgent"))
    );
    assert_eq!(inbox[0]["counterpart_label"]["office_name_en"], "Finance, Headquarters");
    let v = act(
        &h,
        &cmo,
        &format!("{base}/move"),
        json!({"version": v["version"], "action": "open"}),
    )
    .await;
    assert_eq!(desk(&h, &cmo, "CMO-HQ-SO", "inbox").await[0]["opened"], true);
    let letter = h.get(&format!("/api/v1/receipts/{receipt_id}"), &cmo).await;
    assert_eq!(letter.status, StatusCode::OK, "the receipt travels with the file");
    let v = act(
        &h,
        &cmo,
        &format!("{base}/notes"),
        json!({"version": v["version"], "text": "CMO agrees. Returned."}),
    )
    .await;
    let v = act(
        &h,
        &cmo,
        &format!("{base}/notes/3/sign"),
        json!({"version": v["version"]}),
    )
    .await;
    let v = act(&h, &cmo, &format!("{base}/move"), send(&v["version"], "FIN-HQ-SO")).await;

    // Back home, the officer sees three signed paragraphs, closes and reopens the file.
    let notes = h.get(&format!("{base}/notes"), &so).await.body["items"]
        .as_array()
        .unwrap()
        .clone();
    let paragraphs: Vec<_> = notes.iter().map(|n| n["paragraph"].as_u64()).collect();
    assert_eq!(paragraphs, vec![Some(1), Some(2), Some(3)]);
    assert_eq!(notes[2]["signed"]["post"], "CMO-HQ-SO");
    assert_eq!(notes[1]["refs"][0]["id"], receipt_id);
    let v = act(
        &h,
        &so,
        &format!("{base}/move"),
        json!({"version": v["version"], "action": "close", "reason": "Demands included in the supplementary budget."}),
    )
    .await;
    assert_eq!(v["status"], "closed");
    assert_eq!(counter(&h, "DEPT#FIN").await, 0);
    assert_eq!(desk(&h, &so, "FIN-HQ-SO", "closed").await.len(), 1);
    assert!(desk(&h, &so, "FIN-HQ-SO", "inbox").await.is_empty());
    let v = act(
        &h,
        &so,
        &format!("{base}/move"),
        json!({"version": v["version"], "action": "reopen"}),
    )
    .await;
    assert_eq!(v["status"], "active");
    assert_eq!(counter(&h, "POST#FIN-HQ-SO").await, 1);
    let inbox = desk(&h, &so, "FIN-HQ-SO", "inbox").await;
    assert_eq!(
        inbox[0]["counterpart"], "CMO-HQ-SO",
        "a reopened file still says where it came from"
    );
    assert_eq!(desk(&h, &so, "FIN-HQ-SO", "created").await.len(), 1);

    // The history is complete and intact; the track names each desk.
    let history = h.get(&format!("{base}/history?limit=100"), &so).await;
    let kinds: Vec<_> = history.body["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["event"]["kind"]["type"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(
        kinds,
        [
            "created",
            "note_signed",
            "receipt_attached",
            "note_signed",
            "sent",
            "opened",
            "note_signed",
            "sent",
            "closed",
            "reopened"
        ]
    );
    assert_eq!(
        history.body["items"][2]["other_name"], receipt["diary_number_text"],
        "the receipt put in is named by its diary number"
    );
    let verify = h.get(&format!("{base}/verify"), &so).await;
    assert_eq!(verify.body["status"], "intact", "{}", verify.body);
    assert_eq!(verify.body["entries"], 10);
    let track = h.get(&format!("{base}/track"), &so).await;
    let desks: Vec<_> = track
        .body
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["post"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(desks, ["FIN-HQ-SO", "CMO-HQ-SO", "FIN-HQ-SO"]);
    assert_eq!(
        track.body[1]["label"]["office_name_en"],
        "Chief Minister's Office, Headquarters"
    );
    let lookup = h
        .get(&format!("/api/v1/files/lookup?number=FIN-GEN/BUDGET/1/{year}"), &so)
        .await;
    assert_eq!(lookup.body["file_id"], id);
}

async fn file_numbers_never_repeat_under_concurrent_creation(h: Harness) {
    let so = h.login("HR2001").await;
    let ds = h.login("HR2002").await;
    let mut tasks = Vec::new();
    for n in 0..12 {
        let (app, cookie) = (h.app.clone(), if n % 2 == 0 { so.clone() } else { ds.clone() });
        let post = if n % 2 == 0 { "FIN-HQ-SO" } else { "FIN-HQ-DS" };
        let harness = Harness {
            app,
            store: h.store.clone(),
            clock: h.clock.clone(),
        };
        tasks.push(tokio::spawn(async move {
            create(&harness, &cookie, post, &format!("Parallel file {n}")).await["number"]["serial"]
                .as_u64()
                .unwrap()
        }));
    }
    let mut serials = BTreeSet::new();
    for task in tasks {
        assert!(serials.insert(task.await.unwrap()), "a serial was given twice");
    }
    assert_eq!(serials, (1..=12).collect());
}

async fn two_simultaneous_sends_one_wins_one_gets_409(h: Harness) {
    let so = h.login("HR2001").await;
    let file = create(&h, &so, "FIN-HQ-SO", "Race").await;
    let path = format!("/api/v1/files/{}/move", file["id"].as_str().unwrap());
    let (a, b) = tokio::join!(
        h.post(&path, &so, send(&json!(1), "FIN-HQ-DS")),
        h.post(&path, &so, send(&json!(1), "CMO-HQ-SO")),
    );
    let mut statuses = [a.status, b.status];
    statuses.sort();
    assert_eq!(
        statuses,
        [StatusCode::OK, StatusCode::CONFLICT],
        "{} / {}",
        a.body,
        b.body
    );
    let loser = if a.status == StatusCode::CONFLICT { &a } else { &b };
    assert_eq!(loser.body["code"], "conflict");
    assert_eq!(loser.body["current_version"], 2);
    let winner = if a.status == StatusCode::OK { &a } else { &b };
    let holder = winner.body["holder"].as_str().unwrap();
    // Exactly one desk has it, and the counters agree.
    assert_eq!(counter(&h, &format!("POST#{holder}")).await, 1);
    assert_eq!(counter(&h, "POST#FIN-HQ-SO").await, 0);
}

async fn recall_races_the_receiver_opening_it_and_exactly_one_wins(h: Harness) {
    let so = h.login("HR2001").await;
    let ds = h.login("HR2002").await;
    for round in 0..4 {
        let file = create(&h, &so, "FIN-HQ-SO", &format!("Recall race {round}")).await;
        let path = format!("/api/v1/files/{}/move", file["id"].as_str().unwrap());
        let sent = act(&h, &so, &path, send(&json!(1), "FIN-HQ-DS")).await;
        let version = sent["version"].clone();
        let (recall, open) = tokio::join!(
            h.post(&path, &so, json!({"version": version, "action": "recall"})),
            h.post(&path, &ds, json!({"version": version, "action": "open"})),
        );
        let wins = [recall.status, open.status]
            .iter()
            .filter(|s| **s == StatusCode::OK)
            .count();
        assert_eq!(wins, 1, "recall {} / open {}", recall.body, open.body);
        let now = h
            .get(&format!("/api/v1/files/{}", file["id"].as_str().unwrap()), &so)
            .await
            .body;
        let expected = if recall.status == StatusCode::OK {
            "FIN-HQ-SO"
        } else {
            "FIN-HQ-DS"
        };
        assert_eq!(now["holder"], expected);
        assert_eq!(
            counter(&h, &format!("POST#{expected}")).await,
            1,
            "pending only where it is"
        );
        // Leave the desks clean for the next round.
        let v = now["version"].clone();
        if expected == "FIN-HQ-DS" {
            let back = act(&h, &ds, &path, send(&v, "FIN-HQ-SO")).await;
            act(
                &h,
                &so,
                &path,
                json!({"version": back["version"], "action": "close", "reason": "done"}),
            )
            .await;
        } else {
            act(
                &h,
                &so,
                &path,
                json!({"version": v, "action": "close", "reason": "done"}),
            )
            .await;
        }
    }
}

async fn recall_is_only_for_the_sender_and_only_before_opening(h: Harness) {
    let so = h.login("HR2001").await;
    let ds = h.login("HR2002").await;
    let cmo = h.login("HR3001").await;
    let file = create(&h, &so, "FIN-HQ-SO", "Recall rules").await;
    let id = file["id"].as_str().unwrap();
    let path = format!("/api/v1/files/{id}/move");
    let sent = act(&h, &so, &path, send(&json!(1), "FIN-HQ-DS")).await;

    // Someone who did not send it may not recall it.
    let by_receiver = h
        .post(&path, &ds, json!({"version": sent["version"], "action": "recall"}))
        .await;
    assert_eq!(by_receiver.status, StatusCode::FORBIDDEN, "{}", by_receiver.body);
    let by_stranger = h
        .post(&path, &cmo, json!({"version": sent["version"], "action": "recall"}))
        .await;
    assert_eq!(by_stranger.status, StatusCode::FORBIDDEN);

    // The sender recalls it unread: it is back in their inbox and gone from the receiver's.
    let back = act(
        &h,
        &so,
        &path,
        json!({"version": sent["version"], "action": "recall", "remarks": "Annexure missing"}),
    )
    .await;
    assert_eq!(back["holder"], "FIN-HQ-SO");
    assert!(desk(&h, &ds, "FIN-HQ-DS", "inbox").await.is_empty());
    assert_eq!(desk(&h, &so, "FIN-HQ-SO", "inbox").await.len(), 1);
    assert!(desk(&h, &so, "FIN-HQ-SO", "sent").await.is_empty());
    assert_eq!(counter(&h, "POST#FIN-HQ-DS").await, 0);

    // Once the receiver has opened it, it can no longer be recalled.
    let sent = act(&h, &so, &path, send(&back["version"], "FIN-HQ-DS")).await;
    let opened = act(&h, &ds, &path, json!({"version": sent["version"], "action": "open"})).await;
    let late = h
        .post(&path, &so, json!({"version": opened["version"], "action": "recall"}))
        .await;
    assert_eq!(late.status, StatusCode::CONFLICT, "{}", late.body);
    assert!(late.body["detail"].as_str().unwrap().contains("already opened"));
}

async fn a_replayed_send_moves_the_file_once(h: Harness) {
    let so = h.login("HR2001").await;
    let file = create(&h, &so, "FIN-HQ-SO", "Retry").await;
    let id = file["id"].as_str().unwrap();
    let path = format!("/api/v1/files/{id}/move");
    let first = h
        .post_with_key(&path, &so, send(&json!(1), "FIN-HQ-DS"), "send-once-0001")
        .await;
    let again = h
        .post_with_key(&path, &so, send(&json!(1), "FIN-HQ-DS"), "send-once-0001")
        .await;
    assert_eq!(first.status, StatusCode::OK);
    assert_eq!(again.status, StatusCode::OK);
    assert_eq!(first.body, again.body);
    let history = h.get(&format!("/api/v1/files/{id}/history"), &so).await;
    assert_eq!(history.body["items"].as_array().unwrap().len(), 2);
    assert_eq!(counter(&h, "POST#FIN-HQ-DS").await, 1);
    // A create retried with the same key makes one file.
    let body = create_body("FIN-HQ-SO", "Once only");
    let a = h
        .post_with_key("/api/v1/files", &so, body.clone(), "create-once-01")
        .await;
    let b = h.post_with_key("/api/v1/files", &so, body, "create-once-01").await;
    assert_eq!((a.status, b.status), (StatusCode::CREATED, StatusCode::CREATED));
    assert_eq!(a.body["id"], b.body["id"]);
    assert_eq!(desk(&h, &so, "FIN-HQ-SO", "created").await.len(), 2);
}

async fn only_the_creating_desk_closes_and_a_reason_is_required(h: Harness) {
    let so = h.login("HR2001").await;
    let ds = h.login("HR2002").await;
    let file = create(&h, &so, "FIN-HQ-SO", "Closing").await;
    let path = format!("/api/v1/files/{}/move", file["id"].as_str().unwrap());
    let no_reason = h
        .post(&path, &so, json!({"version": 1, "action": "close", "reason": "  "}))
        .await;
    assert_eq!(no_reason.status, StatusCode::UNPROCESSABLE_ENTITY);
    let sent = act(&h, &so, &path, send(&json!(1), "FIN-HQ-DS")).await;
    let by_ds = h
        .post(
            &path,
            &ds,
            json!({"version": sent["version"], "action": "close", "reason": "Not mine to close"}),
        )
        .await;
    assert_eq!(by_ds.status, StatusCode::FORBIDDEN, "{}", by_ds.body);
    let parked = act(
        &h,
        &ds,
        &path,
        json!({"version": sent["version"], "action": "park", "remarks": "Awaiting budget circular"}),
    )
    .await;
    assert_eq!(parked["status"], "parked");
    assert_eq!(desk(&h, &ds, "FIN-HQ-DS", "parked").await.len(), 1);
    assert!(desk(&h, &ds, "FIN-HQ-DS", "inbox").await.is_empty());
    assert_eq!(counter(&h, "POST#FIN-HQ-DS").await, 1, "a parked file is still pending");
    let refused = h.post(&path, &ds, send(&parked["version"], "FIN-HQ-SO")).await;
    assert_eq!(refused.status, StatusCode::CONFLICT);
    let unparked = act(
        &h,
        &ds,
        &path,
        json!({"version": parked["version"], "action": "unpark"}),
    )
    .await;
    assert_eq!(desk(&h, &ds, "FIN-HQ-DS", "inbox").await.len(), 1);
    let home = act(&h, &ds, &path, send(&unparked["version"], "FIN-HQ-SO")).await;
    let closed = act(
        &h,
        &so,
        &path,
        json!({"version": home["version"], "action": "close", "reason": "Settled"}),
    )
    .await;
    assert_eq!(closed["allowed"]["reopen"], true);
}

async fn tampering_with_stored_history_is_caught(h: Harness) {
    let so = h.login("HR2001").await;
    let file = create(&h, &so, "FIN-HQ-SO", "Tamper").await;
    let id = file["id"].as_str().unwrap();
    let base = format!("/api/v1/files/{id}");
    let v = act(
        &h,
        &so,
        &format!("{base}/notes"),
        json!({"version": 1, "text": "Approved for Rs 10 lakh."}),
    )
    .await;
    let v = act(
        &h,
        &so,
        &format!("{base}/notes/1/sign"),
        json!({"version": v["version"]}),
    )
    .await;
    act(&h, &so, &format!("{base}/move"), send(&v["version"], "FIN-HQ-DS")).await;
    assert_eq!(h.get(&format!("{base}/verify"), &so).await.body["status"], "intact");

    // Someone with database access rewrites the remarks of the send.
    let key = Key::new(format!("FILE#{id}"), "EVENT#000003");
    let mut item = h.store.get(&key).await.unwrap().unwrap();
    item.body["event"]["remarks"] = json!("Rejected.");
    h.store
        .write(Write::Put {
            item,
            condition: Condition::None,
        })
        .await
        .unwrap();
    let report = h.get(&format!("{base}/verify"), &so).await.body;
    assert_eq!(
        report,
        json!({"status": "broken", "seq": 3, "reason": "content_changed"})
    );

    // …or the signed note's amount, which the history sealed when it was signed.
    let note_key = Key::new(format!("FILE#{id}"), "NOTE#000001");
    let mut note = h.store.get(&note_key).await.unwrap().unwrap();
    note.body["text"] = json!("Approved for Rs 100 lakh.");
    h.store
        .write(Write::Put {
            item: note,
            condition: Condition::None,
        })
        .await
        .unwrap();
    let report = h.get(&format!("{base}/verify"), &so).await.body;
    assert_eq!(
        report,
        json!({"status": "broken", "seq": 2, "reason": "document_changed"})
    );
}

async fn only_desks_on_the_path_see_a_file_and_drafts_stay_private(h: Harness) {
    let so = h.login("HR2001").await;
    let ds = h.login("HR2002").await;
    let cmo = h.login("HR3001").await;
    let file = create(&h, &so, "FIN-HQ-SO", "Private").await;
    let id = file["id"].as_str().unwrap();
    let base = format!("/api/v1/files/{id}");
    assert_eq!(h.get(&base, &cmo).await.status, StatusCode::FORBIDDEN);
    assert_eq!(
        h.get(&format!("{base}/history"), &cmo).await.status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        h.get("/api/v1/posts/FIN-HQ-SO/files", &cmo).await.status,
        StatusCode::FORBIDDEN
    );
    let write = h
        .post(
            &format!("{base}/notes"),
            &ds,
            json!({"version": 1, "text": "Not my file"}),
        )
        .await;
    assert_eq!(write.status, StatusCode::FORBIDDEN);

    // A draft for the DS to sign travels with the file; the CMO, on the path later, never sees it.
    let v = act(
        &h,
        &so,
        &format!("{base}/notes"),
        json!({"version": 1, "text": "Draft for DS", "sign_as": "FIN-HQ-DS"}),
    )
    .await;
    let v = act(&h, &so, &format!("{base}/move"), send(&v["version"], "CMO-HQ-SO")).await;
    assert_eq!(
        h.get(&format!("{base}/notes"), &cmo).await.body["items"]
            .as_array()
            .unwrap()
            .len(),
        1,
        "the holder sees the draft"
    );
    let v = act(&h, &cmo, &format!("{base}/move"), send(&v["version"], "FIN-HQ-DS")).await;
    assert_eq!(h.get(&format!("{base}/notes"), &cmo).await.body["items"], json!([]));
    // The CMO cannot sign it for the DS, but the DS can.
    let signed = act(
        &h,
        &ds,
        &format!("{base}/notes/1/sign"),
        json!({"version": v["version"]}),
    )
    .await;
    assert_eq!(signed["paragraphs"], 1);
}

async fn linked_files_record_each_other_and_move_independently(h: Harness) {
    let so = h.login("HR2001").await;
    let a = create(&h, &so, "FIN-HQ-SO", "Main file").await;
    let b = create(&h, &so, "FIN-HQ-SO", "Related file").await;
    let (a_id, b_id) = (a["id"].as_str().unwrap(), b["id"].as_str().unwrap());
    let linked = act(
        &h,
        &so,
        &format!("/api/v1/files/{a_id}/links"),
        json!({"version": 1, "other": b_id}),
    )
    .await;
    assert_eq!(linked["links"], json!([b_id]));
    let b_links = h.get(&format!("/api/v1/files/{b_id}/links"), &so).await;
    assert_eq!(b_links.body["items"][0]["file_id"], a_id);
    // Each history names the other file by its number, not its internal ID.
    for (id, other) in [(a_id, &b), (b_id, &a)] {
        let history = h.get(&format!("/api/v1/files/{id}/history"), &so).await;
        assert_eq!(history.body["items"][1]["other_name"], other["number"]["text"]);
    }
    let again = h
        .post(
            &format!("/api/v1/files/{a_id}/links"),
            &so,
            json!({"version": 2, "other": b_id}),
        )
        .await;
    assert_eq!(again.status, StatusCode::UNPROCESSABLE_ENTITY);
    // B moves on alone.
    let b_now = h.get(&format!("/api/v1/files/{b_id}"), &so).await.body;
    act(
        &h,
        &so,
        &format!("/api/v1/files/{b_id}/move"),
        send(&b_now["version"], "FIN-HQ-DS"),
    )
    .await;
    assert_eq!(
        h.get(&format!("/api/v1/files/{a_id}"), &so).await.body["holder"],
        "FIN-HQ-SO"
    );
    for id in [a_id, b_id] {
        assert_eq!(
            h.get(&format!("/api/v1/files/{id}/verify"), &so).await.body["status"],
            "intact"
        );
    }
}

async fn bad_input_gets_a_clear_4xx(h: Harness) {
    let so = h.login("HR2001").await;
    let blank = h.post("/api/v1/files", &so, create_body("FIN-HQ-SO", "   ")).await;
    assert_eq!(blank.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(blank.body["code"], "invalid");
    let elsewhere = h
        .post("/api/v1/files", &so, create_body("CMO-HQ-SO", "Not my desk"))
        .await;
    assert_eq!(elsewhere.status, StatusCode::FORBIDDEN);
    let bad_head = h
        .post(
            "/api/v1/files",
            &so,
            json!({"at_post": "FIN-HQ-SO", "subject": "x", "category": "budget", "head": "no spaces"}),
        )
        .await;
    assert_eq!(bad_head.status, StatusCode::UNPROCESSABLE_ENTITY);
    let file = create(&h, &so, "FIN-HQ-SO", "Bad input").await;
    let id = file["id"].as_str().unwrap();
    let path = format!("/api/v1/files/{id}/move");
    let nowhere = h.post(&path, &so, send(&json!(1), "NO-SUCH-POST")).await;
    assert_eq!(
        (nowhere.status, nowhere.body["field"].as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, Some("to_post"))
    );
    let to_self = h.post(&path, &so, send(&json!(1), "FIN-HQ-SO")).await;
    assert_eq!(to_self.status, StatusCode::UNPROCESSABLE_ENTITY);
    let stale = h.post(&path, &so, send(&json!(7), "FIN-HQ-DS")).await;
    assert_eq!(
        (stale.status, stale.body["current_version"].as_u64()),
        (StatusCode::CONFLICT, Some(1))
    );
    let unknown_action = h.post(&path, &so, json!({"version": 1, "action": "shred"})).await;
    assert_eq!(unknown_action.status, StatusCode::UNPROCESSABLE_ENTITY);
    let bad_ref = h
        .post(
            &format!("/api/v1/files/{id}/notes"),
            &so,
            json!({"version": 1, "text": "see para 9", "refs": [{"kind": "paragraph", "number": 9}]}),
        )
        .await;
    assert_eq!(
        (bad_ref.status, bad_ref.body["field"].as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, Some("refs"))
    );
    let no_receipt = h
        .post(
            &format!("/api/v1/files/{id}/receipts"),
            &so,
            json!({"version": 1, "receipt": "R-2026-NOSUCHRECEIPT"}),
        )
        .await;
    assert_eq!(no_receipt.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        h.get("/api/v1/files/not%20an%20id", &so).await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        h.get("/api/v1/files/F-2026-0000000000000000", &so).await.status,
        StatusCode::NOT_FOUND
    );
    let missing_note = h
        .post(&format!("/api/v1/files/{id}/notes/5/sign"), &so, json!({"version": 1}))
        .await;
    assert_eq!(missing_note.status, StatusCode::NOT_FOUND);
    let bad_view = h
        .request(
            Method::GET,
            "/api/v1/posts/FIN-HQ-SO/files?view=bin",
            Some(&so),
            None,
            &[],
        )
        .await;
    assert_eq!(bad_view.status, StatusCode::UNPROCESSABLE_ENTITY);
}

async fn search_finds_files_and_receipts_by_number_and_words_within_a_department(h: Harness) {
    let so = h.login("HR2001").await;
    let registry = h.login("HR2003").await;
    let cmo = h.login("HR3001").await;
    let demands = create(&h, &so, "FIN-HQ-SO", "Supplementary Demands for Grants 2026-27").await;
    create(&h, &so, "FIN-HQ-SO", "Grants to Panchayats").await;
    create(&h, &so, "FIN-HQ-SO", "बाढ़ राहत अनुदान").await;
    let letter = h
        .diarise(&registry, "FIN-HQ-CRU", "Supplementary grants query from AG")
        .await;

    let find = |q: &str| format!("/api/v1/search?dept=FIN&q={}", q.replace(' ', "%20"));
    let hits = |reply: &common::Reply| -> Vec<String> {
        reply.body["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|h| h["subject"].as_str().unwrap().to_owned())
            .collect()
    };
    // Words, newest first, all of them must match, any case.
    let reply = h.get(&find("GRANTS supplementary"), &so).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    assert_eq!(
        hits(&reply),
        [
            "Supplementary grants query from AG",
            "Supplementary Demands for Grants 2026-27"
        ]
    );
    assert_eq!(reply.body["items"][0]["kind"], "receipt");
    assert_eq!(hits(&h.get(&find("grants"), &so).await).len(), 3);
    let hindi = h
        .get(
            &format!("/api/v1/search?dept=FIN&q={}", "%E0%A4%B0%E0%A4%BE%E0%A4%B9%E0%A4%A4"),
            &so,
        )
        .await;
    assert_eq!(hits(&hindi), ["बाढ़ राहत अनुदान"]);
    // Exact numbers.
    let number = demands["number"]["text"].as_str().unwrap();
    let by_number = h.get(&find(number), &so).await;
    assert_eq!(by_number.body["items"][0]["id"], demands["id"]);
    let diary = letter["diary_number_text"].as_str().unwrap();
    let by_diary = h.get(&find(diary), &so).await;
    assert_eq!(by_diary.body["items"][0]["id"], letter["id"]);
    // Only within one's own department, and a query must say something.
    assert_eq!(h.get(&find("grants"), &cmo).await.status, StatusCode::FORBIDDEN);
    assert_eq!(
        h.get("/api/v1/search?dept=CMO&q=grants", &cmo).await.body["items"],
        json!([])
    );
    assert_eq!(h.get(&find("a"), &so).await.status, StatusCode::UNPROCESSABLE_ENTITY);
}

async fn paper_items_are_marked_received_at_each_desk_and_classified_ones_stay_out_of_search(h: Harness) {
    let so = h.login("HR2001").await;
    let ds = h.login("HR2002").await;
    let registry = h.login("HR2003").await;

    // A paper file moves on paper: the DS must mark it received before acting.
    let mut body = create_body("FIN-HQ-SO", "Secret service fund audit");
    body["medium"] = json!("physical");
    body["classification"] = json!("secret");
    let paper = h.post("/api/v1/files", &so, body).await;
    assert_eq!(paper.status, StatusCode::CREATED, "{}", paper.body);
    let path = format!("/api/v1/files/{}/move", paper.body["id"].as_str().unwrap());
    let sent = act(&h, &so, &path, send(&json!(1), "FIN-HQ-DS")).await;
    let as_ds = h
        .get(&format!("/api/v1/files/{}", paper.body["id"].as_str().unwrap()), &ds)
        .await;
    assert_eq!(
        (
            as_ds.body["allowed"]["receive"].as_bool(),
            as_ds.body["allowed"]["send"].as_bool()
        ),
        (Some(true), Some(false))
    );
    let too_soon = h.post(&path, &ds, send(&sent["version"], "FIN-HQ-SO")).await;
    assert_eq!(too_soon.status, StatusCode::CONFLICT, "{}", too_soon.body);
    let received = act(&h, &ds, &path, json!({"version": sent["version"], "action": "open"})).await;
    act(&h, &ds, &path, send(&received["version"], "FIN-HQ-SO")).await;
    let history = h
        .get(
            &format!("/api/v1/files/{}/history", paper.body["id"].as_str().unwrap()),
            &so,
        )
        .await;
    assert_eq!(history.body["items"][2]["event"]["kind"]["type"], "received");
    // Secret: not findable by words or number in the department.
    let found = h.get("/api/v1/search?dept=FIN&q=secret%20service", &so).await;
    assert_eq!(found.body["items"], json!([]));
    let number = paper.body["number"]["text"].as_str().unwrap();
    assert_eq!(
        h.get(&format!("/api/v1/search?dept=FIN&q={number}"), &so).await.body["items"],
        json!([])
    );

    // A paper letter likewise, and a confidential one is not copied for information.
    let mut letter = common::diarise_body("FIN-HQ-CRU", "Original sale deed");
    letter["medium"] = json!("physical");
    letter["classification"] = json!("confidential");
    let receipt = h.post("/api/v1/receipts", &registry, letter).await;
    assert_eq!(receipt.status, StatusCode::CREATED, "{}", receipt.body);
    let id = receipt.body["id"].as_str().unwrap();
    let mut copied = forward_body(1, "FIN-HQ-SO");
    copied["copies"] = json!(["FIN-HQ-DS"]);
    let refused = h
        .post(&format!("/api/v1/receipts/{id}/forward"), &registry, copied)
        .await;
    assert_eq!(
        (refused.status, refused.body["field"].as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, Some("copies"))
    );
    act(
        &h,
        &registry,
        &format!("/api/v1/receipts/{id}/forward"),
        forward_body(1, "FIN-HQ-SO"),
    )
    .await;
    let early = h
        .post(
            &format!("/api/v1/receipts/{id}/forward"),
            &so,
            forward_body(2, "FIN-HQ-DS"),
        )
        .await;
    assert_eq!(early.status, StatusCode::CONFLICT);
    let received = act(
        &h,
        &so,
        &format!("/api/v1/receipts/{id}/receive"),
        json!({"version": 2}),
    )
    .await;
    assert_eq!(received["received"], true);
    act(
        &h,
        &so,
        &format!("/api/v1/receipts/{id}/forward"),
        forward_body(3, "FIN-HQ-DS"),
    )
    .await;
}

fn letter(body: &str) -> Value {
    json!({ "subject": "Release of supplementary grant", "addressees": ["Deputy Commissioner, Gurugram", "Treasury Officer, Gurugram"], "body": body })
}

/// A file at the SO's desk with one approved draft; returns (file id, file version).
async fn file_with_approved_draft(h: &Harness, so: &str, subject: &str) -> (String, Value) {
    let file = create(h, so, "FIN-HQ-SO", subject).await;
    let id = file["id"].as_str().unwrap().to_owned();
    let v = act(
        h,
        so,
        &format!("/api/v1/files/{id}/drafts"),
        json!({"version": 1, "letter": letter("Rs 10 lakh is released.")}),
    )
    .await;
    let v = act(
        h,
        so,
        &format!("/api/v1/files/{id}/drafts/1/approve"),
        json!({"version": v["version"]}),
    )
    .await;
    (id, v["version"].clone())
}

async fn a_draft_is_approved_by_version_and_issued_through_the_dispatch_register(h: Harness) {
    let so = h.login("HR2001").await;
    let ds = h.login("HR2002").await;
    let file = create(&h, &so, "FIN-HQ-SO", "Grant to Gurugram").await;
    let id = file["id"].as_str().unwrap();
    let base = format!("/api/v1/files/{id}");
    let no_one = h
        .post(
            &format!("{base}/drafts"),
            &so,
            json!({"version": 1, "letter": {"subject": "x", "addressees": [], "body": "y"}}),
        )
        .await;
    assert_eq!(
        (no_one.status, no_one.body["field"].as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, Some("letter.addressees"))
    );
    let v = act(
        &h,
        &so,
        &format!("{base}/drafts"),
        json!({"version": 1, "letter": letter("Rs 10 lakh is released.")}),
    )
    .await;
    let unapproved = h
        .post(
            &format!("{base}/drafts/1/issue"),
            &so,
            json!({"version": v["version"], "mode": "speed_post"}),
        )
        .await;
    assert_eq!(unapproved.status, StatusCode::CONFLICT);

    // The SO sends it up; the DS revises the amount and approves version 2.
    let v = act(&h, &so, &format!("{base}/move"), send(&v["version"], "FIN-HQ-DS")).await;
    let not_holder = h
        .post(
            &format!("{base}/drafts/1/approve"),
            &so,
            json!({"version": v["version"]}),
        )
        .await;
    assert_eq!(not_holder.status, StatusCode::FORBIDDEN);
    let v = act(
        &h,
        &ds,
        &format!("{base}/drafts/1/revise"),
        json!({"version": v["version"], "letter": letter("Rs 12 lakh is released.")}),
    )
    .await;
    let v = act(
        &h,
        &ds,
        &format!("{base}/drafts/1/approve"),
        json!({"version": v["version"]}),
    )
    .await;
    let drafts = h.get(&format!("{base}/drafts"), &ds).await;
    assert_eq!(drafts.body["items"][0]["approval"]["version"], 2);
    assert_eq!(drafts.body["items"][0]["approval"]["by"], "HR2002");
    // Both who approved and who wrote the latest version are named as they were then.
    let approver = &drafts.body["items"][0]["approved_by"];
    assert_eq!(approver["post"]["title_en"], "Deputy Secretary");
    assert_eq!(approver["name_en"], "Priya Malik");
    assert_eq!(
        drafts.body["items"][0]["written_by"]["post"]["office_name_en"],
        "Finance, Headquarters"
    );
    let versions = h.get(&format!("{base}/drafts/1/versions"), &ds).await;
    assert_eq!(versions.body["items"].as_array().unwrap().len(), 2);
    assert_eq!(versions.body["items"][0]["letter"]["body"], "Rs 10 lakh is released.");

    // Back with the SO, it is issued and enters the register; then it is dispatched, once.
    let v = act(&h, &ds, &format!("{base}/move"), send(&v["version"], "FIN-HQ-SO")).await;
    let v = act(
        &h,
        &so,
        &format!("{base}/drafts/1/issue"),
        json!({"version": v["version"], "mode": "speed_post"}),
    )
    .await;
    let year = common::this_year();
    let register = h
        .get(&format!("/api/v1/offices/FIN-HQ/dispatch?year={year}"), &so)
        .await;
    let entry = &register.body["items"][0];
    assert_eq!(entry["number_text"], format!("FIN-HQ/D/{year}/1"));
    assert_eq!(
        (entry["version"].as_u64(), entry["status"]["status"].as_str()),
        (Some(2), Some("issued"))
    );
    let revise_issued = h
        .post(
            &format!("{base}/drafts/1/revise"),
            &so,
            json!({"version": v["version"], "letter": letter("x")}),
        )
        .await;
    assert_eq!(revise_issued.status, StatusCode::CONFLICT);
    let path = format!("/api/v1/offices/FIN-HQ/dispatch/{year}/1/dispatched");
    let stranger = h.login("HR3001").await;
    assert_eq!(
        h.post(&path, &stranger, json!({"reference": "EH1"})).await.status,
        StatusCode::FORBIDDEN
    );
    let done = h.post(&path, &so, json!({"reference": "EH123456789IN"})).await;
    assert_eq!(
        (done.status, done.body["status"]["status"].as_str()),
        (StatusCode::OK, Some("dispatched"))
    );
    assert_eq!(
        h.post(&path, &so, json!({"reference": "again"})).await.status,
        StatusCode::CONFLICT
    );

    // The history sealed who approved which version; changing the approved text is caught.
    assert_eq!(h.get(&format!("{base}/verify"), &so).await.body["status"], "intact");
    let key = Key::new(format!("FILE#{id}"), "DRAFTV#0001#0002");
    let mut item = h.store.get(&key).await.unwrap().unwrap();
    item.body["letter"]["body"] = json!("Rs 120 lakh is released.");
    h.store
        .write(Write::Put {
            item,
            condition: Condition::None,
        })
        .await
        .unwrap();
    let report = h.get(&format!("{base}/verify"), &so).await.body;
    assert_eq!(report["reason"], "document_changed");
}

async fn dispatch_numbers_have_no_gaps_when_desks_issue_at_once(h: Harness) {
    let so = h.login("HR2001").await;
    let mut ready = Vec::new();
    for n in 0..6 {
        ready.push(file_with_approved_draft(&h, &so, &format!("Parallel letter {n}")).await);
    }
    let mut tasks = Vec::new();
    for (id, version) in ready {
        let harness = Harness {
            app: h.app.clone(),
            store: h.store.clone(),
            clock: h.clock.clone(),
        };
        let cookie = so.clone();
        tasks.push(tokio::spawn(async move {
            let reply = harness
                .post(
                    &format!("/api/v1/files/{id}/drafts/1/issue"),
                    &cookie,
                    json!({"version": version, "mode": "email"}),
                )
                .await;
            assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
        }));
    }
    for task in tasks {
        task.await.unwrap();
    }
    let register = h
        .get(
            &format!("/api/v1/offices/FIN-HQ/dispatch?year={}", common::this_year()),
            &so,
        )
        .await;
    let serials: Vec<u64> = register.body["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["number"]["serial"].as_u64().unwrap())
        .collect();
    assert_eq!(serials, (1..=6).collect::<Vec<_>>());
}

async fn merged_volumes_and_part_files_keep_one_matter_together(h: Harness) {
    let so = h.login("HR2001").await;
    let ds = h.login("HR2002").await;
    let main = create(&h, &so, "FIN-HQ-SO", "Pay revision 2026").await;
    let stray = create(&h, &so, "FIN-HQ-SO", "Pay revision: pensioners' representation").await;
    let (main_id, stray_id) = (main["id"].as_str().unwrap(), stray["id"].as_str().unwrap());
    assert_eq!(counter(&h, "POST#FIN-HQ-SO").await, 2);

    // Merge: the stray file leaves the desk's lists and moves with the main file.
    let merged = act(
        &h,
        &so,
        &format!("/api/v1/files/{main_id}/merge"),
        json!({"version": 1, "part": stray_id}),
    )
    .await;
    assert_eq!(merged["family"]["merged"], json!([stray_id]));
    assert_eq!(counter(&h, "POST#FIN-HQ-SO").await, 1);
    assert_eq!(desk(&h, &so, "FIN-HQ-SO", "inbox").await.len(), 1);
    let stray_now = h.get(&format!("/api/v1/files/{stray_id}"), &so).await.body;
    assert_eq!(stray_now["status"], "merged");
    let refused = h
        .post(
            &format!("/api/v1/files/{stray_id}/move"),
            &so,
            send(&stray_now["version"], "FIN-HQ-DS"),
        )
        .await;
    assert_eq!(refused.status, StatusCode::CONFLICT);
    act(
        &h,
        &so,
        &format!("/api/v1/files/{main_id}/move"),
        send(&merged["version"], "FIN-HQ-DS"),
    )
    .await;
    assert_eq!(
        h.get(&format!("/api/v1/files/{stray_id}"), &ds).await.status,
        StatusCode::OK,
        "the merged file is readable with its main file"
    );

    // A part file: the SO carries on while the main file is with the DS.
    let part = h
        .post(
            &format!("/api/v1/files/{main_id}/parts"),
            &so,
            json!({"at_post": "FIN-HQ-SO"}),
        )
        .await;
    assert_eq!(part.status, StatusCode::CREATED, "{}", part.body);
    assert!(part.body["number"]["text"].as_str().unwrap().ends_with("(Part 1)"));
    assert_eq!(part.body["holder"], "FIN-HQ-SO");
    assert_eq!(
        h.get(&format!("/api/v1/files/{main_id}"), &ds).await.body["holder"],
        "FIN-HQ-DS"
    );

    // A new volume: the DS closes this one and carries on in volume 2.
    let main_now = h.get(&format!("/api/v1/files/{main_id}"), &ds).await.body;
    let volume = h
        .post(
            &format!("/api/v1/files/{main_id}/volumes"),
            &ds,
            json!({"version": main_now["version"]}),
        )
        .await;
    assert_eq!(volume.status, StatusCode::CREATED, "{}", volume.body);
    assert!(volume.body["number"]["text"].as_str().unwrap().ends_with("(Vol. 2)"));
    assert_eq!(volume.body["family"]["previous_volume"], main_id);
    assert_eq!(volume.body["created_by_post"], "FIN-HQ-SO");
    let old = h.get(&format!("/api/v1/files/{main_id}"), &ds).await.body;
    assert_eq!(old["status"], "closed");
    for id in [
        main_id,
        stray_id,
        volume.body["id"].as_str().unwrap(),
        part.body["id"].as_str().unwrap(),
    ] {
        assert_eq!(
            h.get(&format!("/api/v1/files/{id}/verify"), &so).await.body["status"],
            "intact",
            "{id}"
        );
    }
    assert_eq!(
        counter(&h, "POST#FIN-HQ-DS").await,
        1,
        "only the new volume is pending with the DS"
    );
}

async fn an_administrator_sets_a_departments_numbering_scheme(h: Harness) {
    let admin = h.login("HR9001").await;
    let so = h.login("HR2001").await;
    let path = "/api/v1/departments/FIN/file-numbering";
    assert_eq!(
        h.get(path, &so).await.body["scheme"],
        "{dept}-{section}/{head}/{serial}/{year}"
    );
    assert_eq!(
        put_scheme(&h, &so, "{year}/{dept}.{head}.{serial}").await.status,
        StatusCode::FORBIDDEN
    );
    let repeats = put_scheme(&h, &admin, "{dept}/{head}/{year}").await;
    assert_eq!(
        repeats.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "a scheme without a serial could repeat numbers"
    );
    let first = create(&h, &so, "FIN-HQ-SO", "Under the old scheme").await;
    assert_eq!(
        put_scheme(&h, &admin, "{year}/{dept}.{head}.{serial}").await.status,
        StatusCode::OK
    );
    let second = create(&h, &so, "FIN-HQ-SO", "Under the new scheme").await;
    let year = common::this_year();
    assert_eq!(first["number"]["text"], format!("FIN-GEN/BUDGET/1/{year}"));
    assert_eq!(second["number"]["text"], format!("{year}/FIN.BUDGET.2"));
    let unknown = h
        .request(
            Method::PUT,
            "/api/v1/departments/NOPE/file-numbering",
            Some(&admin),
            Some(json!({"scheme": "{dept}/{serial}/{year}"})),
            &[],
        )
        .await;
    assert_eq!(unknown.status, StatusCode::NOT_FOUND);
}

async fn put_scheme(h: &Harness, cookie: &str, scheme: &str) -> common::Reply {
    h.request(
        Method::PUT,
        "/api/v1/departments/FIN/file-numbering",
        Some(cookie),
        Some(json!({ "scheme": scheme })),
        &[],
    )
    .await
}
