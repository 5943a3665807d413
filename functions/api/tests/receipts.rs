//! e-Receipt through the API on a real store: diarise, inbox, forward, history, conflicts,
//! idempotent retries, and who may do what.

mod common;

use axum::http::StatusCode;
use common::{diarise_body, forward_body, Harness};
use serde_json::json;
use std::collections::BTreeSet;

on_both_backends!(
    diarise_forward_and_the_recipient_sees_it,
    diary_numbers_have_no_gaps_or_duplicates_under_concurrency,
    two_simultaneous_forwards_one_wins_one_gets_409,
    a_replayed_forward_moves_nothing_twice,
    a_reused_key_with_a_different_request_is_refused,
    only_the_holder_may_forward_and_only_the_path_may_view,
    bad_input_gets_a_clear_4xx,
    inbox_pages_newest_first_with_a_cursor,
    copies_reach_other_desks_for_information_and_are_acknowledged,
    desk_lists_and_counters_follow_a_receipt_to_its_close,
);

async fn diarise_forward_and_the_recipient_sees_it(h: Harness) {
    // Given a diary clerk in Gurugram and a section officer in Finance HQ
    let clerk = h.login("HR1001").await;
    let officer = h.login("HR2001").await;

    // When the clerk diarises a letter and forwards it across departments
    let receipt = h.diarise(&clerk, "DC-GGN-CRU", "Repair of village pond").await;
    assert_eq!(
        receipt["diary_number_text"],
        format!("DC-GGN/{}/1", common::this_year())
    );
    assert_eq!(receipt["holder"], "DC-GGN-CRU");
    let id = receipt["id"].as_str().unwrap();
    let clerk_inbox = h.get("/api/v1/posts/DC-GGN-CRU/inbox", &clerk).await;
    assert_eq!(clerk_inbox.body["items"].as_array().unwrap().len(), 1);

    let forwarded = h
        .post(
            &format!("/api/v1/receipts/{id}/forward"),
            &clerk,
            forward_body(1, "FIN-HQ-SO"),
        )
        .await;
    assert_eq!(forwarded.status, StatusCode::OK, "{}", forwarded.body);
    assert_eq!(forwarded.body["holder"], "FIN-HQ-SO");
    assert_eq!(forwarded.body["version"], 2);
    assert_eq!(forwarded.body["can_forward"], false);

    // Then it has left the clerk's inbox and arrived in the officer's, with its history
    let clerk_inbox = h.get("/api/v1/posts/DC-GGN-CRU/inbox", &clerk).await;
    assert_eq!(clerk_inbox.body["items"], json!([]));
    let inbox = h.get("/api/v1/posts/FIN-HQ-SO/inbox", &officer).await;
    assert_eq!(inbox.status, StatusCode::OK);
    let items = inbox.body["items"].as_array().unwrap();
    assert_eq!(items.len(), 1);
    assert_eq!(items[0]["receipt_id"], id);
    assert_eq!(items[0]["from_post"], "DC-GGN-CRU");
    assert_eq!(items[0]["from_label"]["title_en"], "Diary Clerk (Central Registry)");
    assert_eq!(items[0]["from_label"]["office_name_hi"], "उपायुक्त कार्यालय, गुरुग्राम");
    assert_eq!(items[0]["priority"], "urgent");
    assert_eq!(items[0]["due_date"], common::date_from_today(7));

    let history = h.get(&format!("/api/v1/receipts/{id}/history"), &officer).await;
    let moves = history.body["items"].as_array().unwrap();
    assert_eq!(moves.len(), 2);
    assert_eq!(
        (moves[0]["action"].as_str(), moves[1]["action"].as_str()),
        (Some("diarised"), Some("forwarded"))
    );
    assert_eq!(moves[1]["remarks"], "Please examine and put up.");
    assert_eq!(moves[1]["by"], "HR1001");
    assert_eq!(
        (moves[1]["by_name_en"].as_str(), moves[1]["by_name_hi"].as_str()),
        (Some("Anita Sharma"), Some("अनीता शर्मा"))
    );
    assert_eq!(moves[0]["from_label"], serde_json::Value::Null);
    assert_eq!(moves[1]["to_label"]["office_name_en"], "Finance, Headquarters");
    assert_eq!(moves[1]["from_label"]["title_en"], "Diary Clerk (Central Registry)");

    let view = h.get(&format!("/api/v1/receipts/{id}"), &officer).await;
    assert_eq!(view.body["can_forward"], true);
    assert_eq!(view.body["holder_post"]["holder_name_en"], "Rajesh Verma");
}

async fn diary_numbers_have_no_gaps_or_duplicates_under_concurrency(h: Harness) {
    let clerk = h.login("HR1001").await;
    let h = std::sync::Arc::new(h);
    let tasks: Vec<_> = (0..12)
        .map(|i| {
            let (h, clerk) = (h.clone(), clerk.clone());
            tokio::spawn(async move {
                h.post(
                    "/api/v1/receipts",
                    &clerk,
                    diarise_body("DC-GGN-CRU", &format!("Letter {i}")),
                )
                .await
            })
        })
        .collect();
    let mut serials = BTreeSet::new();
    for task in tasks {
        let reply = task.await.unwrap();
        assert_eq!(reply.status, StatusCode::CREATED, "{}", reply.body);
        serials.insert(reply.body["diary_number"]["serial"].as_u64().unwrap());
    }
    assert_eq!(serials, (1..=12).collect::<BTreeSet<_>>());
}

async fn two_simultaneous_forwards_one_wins_one_gets_409(h: Harness) {
    let clerk = h.login("HR1001").await;
    let receipt = h.diarise(&clerk, "DC-GGN-CRU", "Race").await;
    let path = format!("/api/v1/receipts/{}/forward", receipt["id"].as_str().unwrap());
    let (a, b) = tokio::join!(
        h.post(&path, &clerk, forward_body(1, "FIN-HQ-SO")),
        h.post(&path, &clerk, forward_body(1, "CMO-HQ-SO"))
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
    assert_eq!(loser.headers["content-type"], "application/problem+json");
    // Exactly one movement was recorded after diarising.
    let officer = h
        .login(if a.status == StatusCode::OK { "HR2001" } else { "HR3001" })
        .await;
    let history = h
        .get(
            &format!("/api/v1/receipts/{}/history", receipt["id"].as_str().unwrap()),
            &officer,
        )
        .await;
    assert_eq!(history.body["items"].as_array().unwrap().len(), 2);
}

async fn a_replayed_forward_moves_nothing_twice(h: Harness) {
    let clerk = h.login("HR1001").await;
    let receipt = h.diarise(&clerk, "DC-GGN-CRU", "Retry").await;
    let id = receipt["id"].as_str().unwrap();
    let path = format!("/api/v1/receipts/{id}/forward");
    let first = h
        .post_with_key(&path, &clerk, forward_body(1, "FIN-HQ-SO"), "retry-key-0001")
        .await;
    let again = h
        .post_with_key(&path, &clerk, forward_body(1, "FIN-HQ-SO"), "retry-key-0001")
        .await;
    assert_eq!(first.status, StatusCode::OK);
    assert_eq!(
        again.status,
        StatusCode::OK,
        "a replay returns the first result, not a conflict: {}",
        again.body
    );
    assert_eq!(first.body, again.body);
    let officer = h.login("HR2001").await;
    let history = h.get(&format!("/api/v1/receipts/{id}/history"), &officer).await;
    assert_eq!(history.body["items"].as_array().unwrap().len(), 2);

    // Concurrent twins of one forward: both answer with the one forward's result.
    let racing = h.diarise(&clerk, "DC-GGN-CRU", "Twin forward").await;
    let path = format!("/api/v1/receipts/{}/forward", racing["id"].as_str().unwrap());
    let (p, q) = tokio::join!(
        h.post_with_key(&path, &clerk, forward_body(1, "FIN-HQ-SO"), "twin-forward-01"),
        h.post_with_key(&path, &clerk, forward_body(1, "FIN-HQ-SO"), "twin-forward-01")
    );
    assert_eq!(
        (p.status, q.status),
        (StatusCode::OK, StatusCode::OK),
        "{} {}",
        p.body,
        q.body
    );
    assert_eq!(p.body, q.body);

    // Concurrent twins of one diarisation create one receipt.
    let body = diarise_body("DC-GGN-CRU", "Twin");
    let (x, y) = tokio::join!(
        h.post_with_key("/api/v1/receipts", &clerk, body.clone(), "twin-key-0001"),
        h.post_with_key("/api/v1/receipts", &clerk, body, "twin-key-0001")
    );
    assert_eq!(
        (x.status, y.status),
        (StatusCode::CREATED, StatusCode::CREATED),
        "{} {}",
        x.body,
        y.body
    );
    assert_eq!(x.body["id"], y.body["id"]);
    let inbox = h.get("/api/v1/posts/DC-GGN-CRU/inbox", &clerk).await;
    assert_eq!(
        inbox.body["items"].as_array().unwrap().len(),
        1,
        "only the twin receipt waits at the clerk's desk"
    );
}

async fn a_reused_key_with_a_different_request_is_refused(h: Harness) {
    let clerk = h.login("HR1001").await;
    let first = h
        .post_with_key(
            "/api/v1/receipts",
            &clerk,
            diarise_body("DC-GGN-CRU", "One"),
            "same-key-0001",
        )
        .await;
    assert_eq!(first.status, StatusCode::CREATED);
    let other = h
        .post_with_key(
            "/api/v1/receipts",
            &clerk,
            diarise_body("DC-GGN-CRU", "Two"),
            "same-key-0001",
        )
        .await;
    assert_eq!(other.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(other.body["code"], "idempotency_key_reused");
    let bad_key = h
        .post_with_key(
            "/api/v1/receipts",
            &clerk,
            diarise_body("DC-GGN-CRU", "Three"),
            "bad key!",
        )
        .await;
    assert_eq!(bad_key.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(bad_key.body["field"], "Idempotency-Key");
}

async fn only_the_holder_may_forward_and_only_the_path_may_view(h: Harness) {
    let clerk = h.login("HR1001").await;
    let officer = h.login("HR2001").await;
    let outsider = h.login("HR3001").await;
    // Diarising at someone else's desk is refused.
    let refused = h
        .post("/api/v1/receipts", &officer, diarise_body("DC-GGN-CRU", "Not mine"))
        .await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);

    let receipt = h.diarise(&clerk, "DC-GGN-CRU", "Who may").await;
    let id = receipt["id"].as_str().unwrap();
    assert_eq!(
        h.get(&format!("/api/v1/receipts/{id}"), &officer).await.status,
        StatusCode::FORBIDDEN
    );
    let stolen = h
        .post(
            &format!("/api/v1/receipts/{id}/forward"),
            &officer,
            forward_body(1, "FIN-HQ-SO"),
        )
        .await;
    assert_eq!(stolen.status, StatusCode::FORBIDDEN);

    let moved = h
        .post(
            &format!("/api/v1/receipts/{id}/forward"),
            &clerk,
            forward_body(1, "FIN-HQ-SO"),
        )
        .await;
    assert_eq!(moved.status, StatusCode::OK);
    // The earlier holder may still read it but no longer move it; an outsider may do neither.
    assert_eq!(
        h.get(&format!("/api/v1/receipts/{id}"), &clerk).await.status,
        StatusCode::OK
    );
    assert_eq!(
        h.post(
            &format!("/api/v1/receipts/{id}/forward"),
            &clerk,
            forward_body(2, "CMO-HQ-SO")
        )
        .await
        .status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        h.get(&format!("/api/v1/receipts/{id}/history"), &outsider).await.status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        h.get("/api/v1/posts/FIN-HQ-SO/inbox", &outsider).await.status,
        StatusCode::FORBIDDEN
    );
}

async fn bad_input_gets_a_clear_4xx(h: Harness) {
    let clerk = h.login("HR1001").await;
    let mut blank_subject = diarise_body("DC-GGN-CRU", "   ");
    let reply = h.post("/api/v1/receipts", &clerk, blank_subject.clone()).await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(reply.body["code"], "invalid");
    assert_eq!(reply.body["field"], "subject");

    blank_subject["letter"]["subject"] = json!("Fine");
    blank_subject["letter"]["letter_date"] = json!("2099-01-01");
    let future = h.post("/api/v1/receipts", &clerk, blank_subject.clone()).await;
    assert_eq!(
        (future.status, future.body["field"].as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, Some("letter_date"))
    );

    blank_subject["letter"]["mode"] = json!("pigeon");
    assert_eq!(
        h.post("/api/v1/receipts", &clerk, blank_subject).await.status,
        StatusCode::UNPROCESSABLE_ENTITY
    );

    let malformed = h
        .request(
            axum::http::Method::POST,
            "/api/v1/receipts",
            Some(&clerk),
            None,
            &[("content-type", "application/json")],
        )
        .await;
    assert!(malformed.status.is_client_error());

    let receipt = h.diarise(&clerk, "DC-GGN-CRU", "Targets").await;
    let path = format!("/api/v1/receipts/{}/forward", receipt["id"].as_str().unwrap());
    let nowhere = h.post(&path, &clerk, forward_body(1, "NO-SUCH-POST")).await;
    assert_eq!(
        (nowhere.status, nowhere.body["field"].as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, Some("to_post"))
    );
    let to_self = h.post(&path, &clerk, forward_body(1, "DC-GGN-CRU")).await;
    assert_eq!(to_self.status, StatusCode::UNPROCESSABLE_ENTITY);
    let mut late = forward_body(1, "FIN-HQ-SO");
    late["due_date"] = json!("2020-01-01");
    assert_eq!(h.post(&path, &clerk, late).await.body["field"], "due_date");

    assert_eq!(
        h.get("/api/v1/receipts/R-NOPE-0000000000", &clerk).await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        h.get("/api/v1/posts/DC-GGN-CRU/inbox?limit=1000", &clerk).await.status,
        StatusCode::UNPROCESSABLE_ENTITY
    );
    assert_eq!(
        h.get("/api/v1/posts/DC-GGN-CRU/inbox?cursor=garbage", &clerk)
            .await
            .status,
        StatusCode::UNPROCESSABLE_ENTITY
    );
    assert_eq!(
        h.get("/api/v1/nothing-here", &clerk).await.status,
        StatusCode::NOT_FOUND
    );
}

async fn inbox_pages_newest_first_with_a_cursor(h: Harness) {
    let clerk = h.login("HR1001").await;
    for i in 1..=5 {
        h.diarise(&clerk, "DC-GGN-CRU", &format!("Letter {i}")).await;
        h.clock.advance(time::Duration::seconds(1));
    }
    let mut subjects = Vec::new();
    let mut path = "/api/v1/posts/DC-GGN-CRU/inbox?limit=2".to_owned();
    loop {
        let page = h.get(&path, &clerk).await;
        assert_eq!(page.status, StatusCode::OK, "{}", page.body);
        let items = page.body["items"].as_array().unwrap();
        assert!(items.len() <= 2);
        subjects.extend(items.iter().map(|i| i["subject"].as_str().unwrap().to_owned()));
        match page.body["next_cursor"].as_str() {
            Some(cursor) => path = format!("/api/v1/posts/DC-GGN-CRU/inbox?limit=2&cursor={cursor}"),
            None => break,
        }
    }
    assert_eq!(subjects, ["Letter 5", "Letter 4", "Letter 3", "Letter 2", "Letter 1"]);
}

async fn receipts_pending(h: &Harness, scope: &str) -> i64 {
    h.store
        .get(&daftar_store::Key::new(format!("COUNT#{scope}"), "RECEIPTS_PENDING"))
        .await
        .unwrap()
        .map_or(0, |item| item.count)
}

async fn copies_reach_other_desks_for_information_and_are_acknowledged(h: Harness) {
    let clerk = h.login("HR1001").await;
    let ds = h.login("HR2002").await;
    let receipt = h.diarise(&clerk, "DC-GGN-CRU", "Flood relief demand").await;
    let id = receipt["id"].as_str().unwrap();
    let mut order = forward_body(1, "FIN-HQ-SO");
    order["copies"] = json!(["FIN-HQ-DS", "CMO-HQ-SO"]);
    let sent = h.post(&format!("/api/v1/receipts/{id}/forward"), &clerk, order).await;
    assert_eq!(sent.status, StatusCode::OK, "{}", sent.body);

    // The DS has a copy: marked as such, readable, but not theirs to forward.
    let inbox = h.get("/api/v1/posts/FIN-HQ-DS/inbox", &ds).await;
    let rows = inbox.body["items"].as_array().unwrap();
    assert_eq!((rows.len(), rows[0]["copy"].as_bool()), (1, Some(true)));
    let view = h.get(&format!("/api/v1/receipts/{id}"), &ds).await;
    assert_eq!(
        (view.status, view.body["can_forward"].as_bool()),
        (StatusCode::OK, Some(false))
    );
    let refused = h
        .post(
            &format!("/api/v1/receipts/{id}/forward"),
            &ds,
            forward_body(2, "CMO-HQ-SO"),
        )
        .await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    // Only the copy's desk may acknowledge it, and then it is gone.
    let by_other = h
        .post(
            &format!("/api/v1/receipts/{id}/copies/FIN-HQ-DS/acknowledge"),
            &clerk,
            json!({}),
        )
        .await;
    assert_eq!(by_other.status, StatusCode::FORBIDDEN);
    let ack = h
        .post(
            &format!("/api/v1/receipts/{id}/copies/FIN-HQ-DS/acknowledge"),
            &ds,
            json!({}),
        )
        .await;
    assert_eq!(ack.status, StatusCode::OK, "{}", ack.body);
    assert_eq!(
        h.get("/api/v1/posts/FIN-HQ-DS/inbox", &ds).await.body["items"],
        json!([])
    );
    let again = h
        .post(
            &format!("/api/v1/receipts/{id}/copies/FIN-HQ-DS/acknowledge"),
            &ds,
            json!({}),
        )
        .await;
    assert_eq!(again.status, StatusCode::NOT_FOUND);
    // Copies are not pending work: only the holder's desk counts it.
    assert_eq!(receipts_pending(&h, "POST#FIN-HQ-DS").await, 0);
    assert_eq!(receipts_pending(&h, "POST#FIN-HQ-SO").await, 1);

    let mut bad = forward_body(2, "FIN-HQ-DS");
    bad["copies"] = json!(["FIN-HQ-DS"]);
    let officer = h.login("HR2001").await;
    let refused = h.post(&format!("/api/v1/receipts/{id}/forward"), &officer, bad).await;
    assert_eq!(
        (refused.status, refused.body["field"].as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, Some("copies"))
    );
}

async fn desk_lists_and_counters_follow_a_receipt_to_its_close(h: Harness) {
    let clerk = h.login("HR1001").await;
    let officer = h.login("HR2001").await;
    let receipt = h.diarise(&clerk, "DC-GGN-CRU", "Invitation to a review meeting").await;
    let id = receipt["id"].as_str().unwrap();
    assert_eq!(receipts_pending(&h, "OFFICE#DC-GGN").await, 1);
    let created = h.get("/api/v1/posts/DC-GGN-CRU/inbox?view=created", &clerk).await;
    assert_eq!(created.body["items"][0]["receipt_id"], id);

    h.post(
        &format!("/api/v1/receipts/{id}/forward"),
        &clerk,
        forward_body(1, "FIN-HQ-SO"),
    )
    .await;
    let sent = h.get("/api/v1/posts/DC-GGN-CRU/inbox?view=sent", &clerk).await;
    assert_eq!(sent.body["items"][0]["to_post"], "FIN-HQ-SO");
    assert_eq!(
        (
            receipts_pending(&h, "DEPT#REV").await,
            receipts_pending(&h, "DEPT#FIN").await
        ),
        (0, 1)
    );

    let stale = h
        .post(&format!("/api/v1/receipts/{id}/close"), &officer, json!({"version": 1}))
        .await;
    assert_eq!(stale.status, StatusCode::CONFLICT);
    let not_holder = h
        .post(&format!("/api/v1/receipts/{id}/close"), &clerk, json!({"version": 2}))
        .await;
    assert_eq!(not_holder.status, StatusCode::FORBIDDEN);
    let no_reason = h
        .post(
            &format!("/api/v1/receipts/{id}/close"),
            &officer,
            json!({"version": 2, "remarks": " "}),
        )
        .await;
    assert_eq!(
        (no_reason.status, no_reason.body["field"].as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, Some("remarks"))
    );
    let closed = h
        .post(
            &format!("/api/v1/receipts/{id}/close"),
            &officer,
            json!({"version": 2, "remarks": "Noted; meeting attended."}),
        )
        .await;
    assert_eq!(closed.status, StatusCode::OK, "{}", closed.body);
    assert_eq!(closed.body["status"], "closed");
    assert_eq!(
        h.get("/api/v1/posts/FIN-HQ-SO/inbox", &officer).await.body["items"],
        json!([])
    );
    let closed_list = h.get("/api/v1/posts/FIN-HQ-SO/inbox?view=closed", &officer).await;
    assert_eq!(closed_list.body["items"][0]["receipt_id"], id);
    assert_eq!(receipts_pending(&h, "DEPT#FIN").await, 0);
    let forward_closed = h
        .post(
            &format!("/api/v1/receipts/{id}/forward"),
            &officer,
            forward_body(3, "FIN-HQ-DS"),
        )
        .await;
    assert_eq!(forward_closed.status, StatusCode::CONFLICT);
    let history = h.get(&format!("/api/v1/receipts/{id}/history"), &officer).await;
    assert_eq!(history.body["items"][2]["action"], "closed");
}
