//! The knowledge base through the API: documents issued by a department's KMS editor, found by
//! English and Hindi words, number, department and date, superseded, versioned and rolled
//! back, and announced to subscribers.

mod common;

use axum::http::{Method, StatusCode};
use common::Harness;
use serde_json::{json, Value};

on_both_backends!(
    documents_are_found_by_words_in_english_and_hindi_number_department_and_date,
    the_latest_circular_on_a_subject_comes_first_in_english_or_hindi,
    superseding_ranks_the_new_document_first_and_marks_the_old,
    a_roll_back_adds_a_version_equal_to_an_older_one,
    subscribers_see_new_documents_and_versions_in_their_inbox,
    only_the_issuing_departments_editors_change_documents,
    a_stale_version_is_refused_and_one_of_two_edits_wins,
    bad_input_is_refused_with_its_field_in_english_and_hindi,
    creating_a_document_is_idempotent,
    the_knowledge_base_needs_a_session_and_is_documented,
);

/// Arvind Gupta, Secretary Finance: Finance's KMS editor in the demo.
const EDITOR: &str = "HR2004";
const FOLDER: &str = "KF-FIN-CIRCULARS";

fn document_body(number: &str, date: &str, title_en: &str, title_hi: Option<&str>) -> Value {
    json!({
        "number": number, "dept": "FIN", "category": "circular", "folder": FOLDER, "date": date,
        "title_en": title_en, "title_hi": title_hi,
        "summary_en": "Instructions to all Drawing and Disbursing Officers.",
        "tags": ["Salary"],
    })
}

async fn create(h: &Harness, cookie: &str, body: Value) -> Value {
    let reply = h.post("/api/v1/kms/documents", cookie, body).await;
    assert_eq!(reply.status, StatusCode::CREATED, "{}", reply.body);
    reply.body
}

async fn search(h: &Harness, cookie: &str, query: &str) -> Vec<Value> {
    let reply = h.get(&format!("/api/v1/kms/search?{query}"), cookie).await;
    assert_eq!(reply.status, StatusCode::OK, "{query}: {}", reply.body);
    reply.body["items"].as_array().unwrap().clone()
}

fn numbers(items: &[Value]) -> Vec<&str> {
    items.iter().map(|i| i["number"].as_str().unwrap()).collect()
}

fn encode(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' => (b as char).to_string(),
            other => format!("%{other:02X}"),
        })
        .collect()
}

async fn documents_are_found_by_words_in_english_and_hindi_number_department_and_date(h: Harness) {
    let editor = h.login(EDITOR).await;
    let created = create(
        &h,
        &editor,
        document_body(
            "FD-5/2/2026-Gratuity",
            "2026-06-15",
            "Enhancement of gratuity ceiling",
            Some("उपदान की अधिकतम सीमा में वृद्धि"),
        ),
    )
    .await;
    assert_eq!(created["current"]["n"], 1);
    assert_eq!(created["validity"]["status"], "in_force");
    assert_eq!(
        (created["version"].as_u64(), created["may_edit"].as_bool()),
        (Some(1), Some(true))
    );

    // Any official may search, in either language, and several words narrow the search.
    let reader = h.login("HR1001").await;
    for query in [
        "q=gratuity".to_owned(),
        "q=GRATUITY%20ceiling".to_owned(),
        format!("q={}", encode("उपदान")),
        format!("q={}", encode("उपदान सीमा")),
        "number=FD-5/2/2026-Gratuity".into(),
        "number=fd-5%2F2".into(),
        // A whole number typed in the box finds the document at once.
        format!("q={}", encode("fd-5/2/2026-gratuity")),
        "dept=FIN&from=2026-06-01&to=2026-06-30".into(),
        "category=circular&from=2026-06-15&to=2026-06-15".into(),
        "q=gratuity&dept=FIN&category=circular&from=2026-06-15".into(),
    ] {
        assert_eq!(
            numbers(&search(&h, &reader, &query).await),
            ["FD-5/2/2026-Gratuity"],
            "{query}"
        );
    }
    for query in [
        "q=gratuity%20pension",
        "q=gratuity&dept=CS",
        "q=gratuity&from=2026-07-01",
        "q=gratuity&to=2026-06-14",
        "q=gratuity&category=order",
        "number=FD-6",
        "dept=FIN&from=2026-06-16&to=2026-06-30",
    ] {
        assert!(search(&h, &reader, query).await.is_empty(), "{query}");
    }

    // The folder lists it, newest first; the seeded circulars follow.
    let folder = h.get(&format!("/api/v1/kms/folders/{FOLDER}/documents"), &reader).await;
    assert_eq!(folder.status, StatusCode::OK, "{}", folder.body);
    assert_eq!(folder.body["items"][0]["number"], "FD-5/2/2026-Gratuity");
    let folders = h.get("/api/v1/kms/folders?dept=FIN", &reader).await;
    assert!(folders.body["items"]
        .as_array()
        .unwrap()
        .iter()
        .any(|f| f["id"] == FOLDER));

    // A department's list pages with a cursor, newest first.
    let first = h.get("/api/v1/kms/search?dept=FIN&limit=2", &reader).await;
    assert_eq!(first.body["items"][0]["number"], "FD-5/2/2026-Gratuity");
    let cursor = first.body["next_cursor"].as_str().expect("more pages");
    let second = h
        .get(
            &format!("/api/v1/kms/search?dept=FIN&limit=2&cursor={}", encode(cursor)),
            &reader,
        )
        .await;
    assert_eq!(second.status, StatusCode::OK, "{}", second.body);
    let dates: Vec<&str> = first.body["items"]
        .as_array()
        .unwrap()
        .iter()
        .chain(second.body["items"].as_array().unwrap())
        .map(|i| i["date"].as_str().unwrap())
        .collect();
    assert!(dates.windows(2).all(|w| w[0] >= w[1]), "{dates:?}");
}

async fn the_latest_circular_on_a_subject_comes_first_in_english_or_hindi(h: Harness) {
    let reader = h.login("HR1002").await;
    for query in ["q=pension".to_owned(), format!("q={}", encode("पेंशन"))] {
        let found = search(&h, &reader, &query).await;
        assert_eq!(
            numbers(&found),
            ["FD-2/14/2026-Pension", "FD-2/9/2023-Pension"],
            "{query}"
        );
        assert_eq!(found[0]["validity"]["status"], "in_force");
        assert_eq!(found[1]["validity"]["status"], "superseded");
        assert_eq!(found[1]["validity"]["by_number"], "FD-2/14/2026-Pension");
    }
    let da = search(&h, &reader, "q=dearness%20allowance&category=circular").await;
    assert_eq!(numbers(&da), ["FD-1/3/2026-WM(1)", "FD-1/3/2025-WM(1)"]);
    let hindi_da = search(&h, &reader, &format!("q={}", encode("महंगाई भत्ता"))).await;
    assert_eq!(hindi_da[0]["number"], "FD-1/3/2026-WM(1)");
    let eoffice = search(&h, &reader, &format!("q={}", encode("ई-ऑफिस"))).await;
    assert!(numbers(&eoffice).contains(&"CS-GAD/eOffice/2026/1"), "{eoffice:?}");
}

async fn superseding_ranks_the_new_document_first_and_marks_the_old(h: Harness) {
    let editor = h.login(EDITOR).await;
    // The old instruction is dated later than its replacement, so only validity puts the
    // replacement first.
    let old = create(
        &h,
        &editor,
        document_body("FD-7/1/2026-Tour", "2026-09-01", "Travelling allowance for tours", None),
    )
    .await;
    let new = create(
        &h,
        &editor,
        document_body(
            "FD-7/2/2026-Tour",
            "2026-08-20",
            "Travelling allowance for tours: revised rates",
            None,
        ),
    )
    .await;
    let (old_id, new_id) = (old["id"].as_str().unwrap(), new["id"].as_str().unwrap());
    let before = search(&h, &editor, "q=travelling").await;
    assert_eq!(numbers(&before), ["FD-7/1/2026-Tour", "FD-7/2/2026-Tour"]);

    let superseded = h
        .post(
            &format!("/api/v1/kms/documents/{old_id}/supersede"),
            &editor,
            json!({"version": old["version"], "by": new_id}),
        )
        .await;
    assert_eq!(superseded.status, StatusCode::OK, "{}", superseded.body);
    assert_eq!(superseded.body["validity"]["status"], "superseded");
    assert_eq!(superseded.body["validity"]["by"], new_id);

    let after = search(&h, &editor, "q=travelling%20allowance").await;
    assert_eq!(numbers(&after), ["FD-7/2/2026-Tour", "FD-7/1/2026-Tour"]);
    assert_eq!(after[1]["validity"]["status"], "superseded");
    let replacement = h.get(&format!("/api/v1/kms/documents/{new_id}"), &editor).await;
    assert_eq!(replacement.body["supersedes"], json!([old_id]));
    // The number index and lists carry the new validity too.
    let by_number = search(&h, &editor, "number=FD-7/1").await;
    assert_eq!(by_number[0]["validity"]["status"], "superseded");

    // A superseded document stays as it is: not superseded again, revised or rolled back.
    let again = h
        .post(
            &format!("/api/v1/kms/documents/{old_id}/supersede"),
            &editor,
            json!({"version": superseded.body["version"], "by": new_id}),
        )
        .await;
    assert_eq!(again.status, StatusCode::CONFLICT, "{}", again.body);
    assert!(again.body["detail_hi"].is_string());
    let itself = h
        .post(
            &format!("/api/v1/kms/documents/{new_id}/supersede"),
            &editor,
            json!({"version": replacement.body["version"], "by": new_id}),
        )
        .await;
    assert_eq!(
        (itself.status, itself.body["field"].as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, Some("by"))
    );

    // Withdrawing takes a document out of force without a replacement.
    let withdrawn = h
        .post(
            &format!("/api/v1/kms/documents/{new_id}/withdraw"),
            &editor,
            json!({"version": replacement.body["version"], "reason": "Rates to be notified afresh"}),
        )
        .await;
    assert_eq!(withdrawn.status, StatusCode::OK, "{}", withdrawn.body);
    assert_eq!(withdrawn.body["validity"]["status"], "withdrawn");
    let none_in_force = search(&h, &editor, "q=travelling").await;
    assert!(none_in_force.iter().all(|d| d["validity"]["status"] != "in_force"));
}

fn pdf(body: &str) -> Vec<u8> {
    format!("%PDF-1.4\n% Daftar KMS test\n{body}\n%%EOF\n").into_bytes()
}

async fn a_roll_back_adds_a_version_equal_to_an_older_one(h: Harness) {
    let editor = h.login(EDITOR).await;
    let scan = pdf("Circular as signed");
    let upload = h.upload(&editor, "circular.pdf", "pdf", scan.clone()).await;
    let mut body = document_body("FD-8/1/2026-MR", "2026-05-05", "Medical reimbursement ceiling", None);
    body["attachments"] = json!([upload]);
    let v1 = create(&h, &editor, body).await;
    let id = v1["id"].as_str().unwrap();
    assert_eq!(v1["current"]["attachments"][0]["name"], "circular.pdf");

    let revised = h
        .request(
            Method::PUT,
            &format!("/api/v1/kms/documents/{id}"),
            Some(&editor),
            Some(json!({"version": v1["version"], "folder": FOLDER, "date": "2026-05-05",
                        "title_en": "Hospitalisation reimbursement ceiling", "summary_en": "Raised to five lakh.",
                        "tags": ["Health"], "drop_attachments": [1]})),
            &[],
        )
        .await;
    assert_eq!(revised.status, StatusCode::OK, "{}", revised.body);
    assert_eq!(revised.body["current"]["n"], 2);
    assert_eq!(revised.body["current"]["attachments"], json!([]));
    assert_eq!(
        numbers(&search(&h, &editor, "q=hospitalisation").await),
        ["FD-8/1/2026-MR"]
    );
    assert!(
        search(&h, &editor, "q=medical").await.is_empty(),
        "the old title's words are gone"
    );

    let rolled = h
        .post(
            &format!("/api/v1/kms/documents/{id}/rollback"),
            &editor,
            json!({"version": revised.body["version"], "to_version": 1}),
        )
        .await;
    assert_eq!(rolled.status, StatusCode::OK, "{}", rolled.body);
    assert_eq!(rolled.body["current"]["n"], 3);
    assert_eq!(rolled.body["current"]["restores"], 1);
    assert_eq!(rolled.body["current"]["meta"], v1["current"]["meta"]);
    assert_eq!(rolled.body["current"]["attachments"], v1["current"]["attachments"]);
    assert_eq!(numbers(&search(&h, &editor, "q=medical").await), ["FD-8/1/2026-MR"]);
    assert!(search(&h, &editor, "q=hospitalisation").await.is_empty());

    // History is kept whole, newest first; each version's attachments stay downloadable.
    let versions = h.get(&format!("/api/v1/kms/documents/{id}/versions"), &editor).await;
    let ns: Vec<u64> = versions.body["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v["n"].as_u64().unwrap())
        .collect();
    assert_eq!(ns, [3, 2, 1]);
    let reader = h.login("HR3001").await;
    for n in [1, 3] {
        let (status, content_type, bytes) = h
            .get_bytes(
                &format!("/api/v1/kms/documents/{id}/versions/{n}/attachments/1"),
                &reader,
            )
            .await;
        assert_eq!((status, content_type.as_str()), (StatusCode::OK, "application/pdf"));
        assert_eq!(bytes, scan);
    }
    let (missing, _, _) = h
        .get_bytes(&format!("/api/v1/kms/documents/{id}/versions/2/attachments/1"), &reader)
        .await;
    assert_eq!(missing, StatusCode::NOT_FOUND);

    let current = h
        .post(
            &format!("/api/v1/kms/documents/{id}/rollback"),
            &editor,
            json!({"version": rolled.body["version"], "to_version": 3}),
        )
        .await;
    assert_eq!(
        (current.status, current.body["field"].as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, Some("to_version"))
    );
}

async fn subscribers_see_new_documents_and_versions_in_their_inbox(h: Harness) {
    let editor = h.login(EDITOR).await;
    let follower = h.login("HR2002").await;
    let stranger = h.login("HR3001").await;
    let subscribed = h
        .post(
            "/api/v1/kms/subscriptions",
            &follower,
            json!({"target": {"kind": "folder", "folder": FOLDER}}),
        )
        .await;
    assert_eq!(subscribed.status, StatusCode::CREATED, "{}", subscribed.body);
    let again = h
        .post(
            "/api/v1/kms/subscriptions",
            &follower,
            json!({"target": {"kind": "folder", "folder": FOLDER}}),
        )
        .await;
    assert_eq!(again.status, StatusCode::OK, "subscribing twice is harmless");
    // Following Finance's documents as well shows each change once.
    let dept = h
        .post(
            "/api/v1/kms/subscriptions",
            &follower,
            json!({"target": {"kind": "department", "dept": "FIN"}}),
        )
        .await;
    assert_eq!(dept.status, StatusCode::CREATED, "{}", dept.body);
    let inbox = h.get("/api/v1/kms/inbox", &follower).await;
    assert_eq!(inbox.body["items"], json!([]), "nothing new since subscribing");

    h.clock.advance(time::Duration::seconds(1));
    let created = create(
        &h,
        &editor,
        document_body("FD-9/1/2026-HRA", "2026-07-01", "House rent allowance rates", None),
    )
    .await;
    h.clock.advance(time::Duration::seconds(1));
    let id = created["id"].as_str().unwrap();
    let revised = h
        .request(
            Method::PUT,
            &format!("/api/v1/kms/documents/{id}"),
            Some(&editor),
            Some(
                json!({"version": created["version"], "folder": FOLDER, "date": "2026-07-01",
                        "title_en": "House rent allowance rates (corrected)", "summary_en": "Corrected table."}),
            ),
            &[],
        )
        .await;
    assert_eq!(revised.status, StatusCode::OK, "{}", revised.body);

    let inbox = h.get("/api/v1/kms/inbox", &follower).await;
    assert_eq!(inbox.status, StatusCode::OK, "{}", inbox.body);
    let items = inbox.body["items"].as_array().unwrap();
    let seen: Vec<(&str, u64)> = items
        .iter()
        .map(|i| (i["kind"].as_str().unwrap(), i["version"].as_u64().unwrap()))
        .collect();
    assert_eq!(seen, [("new_version", 2), ("new_document", 1)]);
    assert_eq!(items[0]["title_en"], "House rent allowance rates (corrected)");

    // Page by page with a cursor.
    let first = h.get("/api/v1/kms/inbox?limit=1", &follower).await;
    assert_eq!(first.body["items"][0]["version"], 2);
    let cursor = first.body["next_cursor"].as_str().expect("a second page");
    let second = h
        .get(
            &format!("/api/v1/kms/inbox?limit=1&cursor={}", encode(cursor)),
            &follower,
        )
        .await;
    assert_eq!(second.status, StatusCode::OK, "{}", second.body);
    assert_eq!(second.body["items"][0]["version"], 1);
    assert_eq!(second.body["next_cursor"], Value::Null);

    // Someone who follows nothing sees nothing; unsubscribing stops the folder's news.
    assert_eq!(h.get("/api/v1/kms/inbox", &stranger).await.body["items"], json!([]));
    let token = subscribed.body["token"].as_str().unwrap();
    let gone = h
        .request(
            Method::DELETE,
            &format!("/api/v1/kms/subscriptions/{}", encode(token)),
            Some(&follower),
            None,
            &[],
        )
        .await;
    assert_eq!(gone.status, StatusCode::NO_CONTENT, "{}", gone.body);
    let mine = h.get("/api/v1/kms/subscriptions", &follower).await;
    assert_eq!(mine.body.as_array().unwrap().len(), 1);

    // The demo's follower of Finance sees the seeded circulars, newest first.
    let demo = h.login("HR2001").await;
    let seeded = h.get("/api/v1/kms/inbox?limit=100", &demo).await;
    let seeded = seeded.body["items"].as_array().unwrap();
    assert!(seeded.iter().any(|i| i["number"] == "FD-1/3/2026-WM(1)"), "{seeded:?}");
    let unknown = h
        .post(
            "/api/v1/kms/subscriptions",
            &follower,
            json!({"target": {"kind": "folder", "folder": "KF-NO-SUCH"}}),
        )
        .await;
    assert_eq!(
        (unknown.status, unknown.body["field"].as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, Some("target"))
    );
}

async fn only_the_issuing_departments_editors_change_documents(h: Harness) {
    let editor = h.login(EDITOR).await;
    let section_officer = h.login("HR2001").await;
    let outsider = h.login("HR3001").await;
    let body = document_body("FD-10/1/2026-LTC", "2026-07-10", "Leave travel concession", None);
    for who in [&section_officer, &outsider] {
        let refused = h.post("/api/v1/kms/documents", who, body.clone()).await;
        assert_eq!(refused.status, StatusCode::FORBIDDEN, "{}", refused.body);
        assert!(refused.body["detail"].as_str().unwrap().contains("may not"));
        assert!(refused.body["detail_hi"].is_string());
    }
    let created = create(&h, &editor, body).await;
    let id = created["id"].as_str().unwrap();

    // Everyone reads; only the editor is told they may edit.
    let read = h.get(&format!("/api/v1/kms/documents/{id}"), &outsider).await;
    assert_eq!(
        (read.status, read.body["may_edit"].as_bool()),
        (StatusCode::OK, Some(false))
    );
    let refused = h
        .post(
            &format!("/api/v1/kms/documents/{id}/withdraw"),
            &section_officer,
            json!({"version": created["version"], "reason": "No longer needed"}),
        )
        .await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    let rollback = h
        .post(
            &format!("/api/v1/kms/documents/{id}/rollback"),
            &outsider,
            json!({"version": created["version"], "to_version": 1}),
        )
        .await;
    assert_eq!(rollback.status, StatusCode::FORBIDDEN);
    // Finance's editor cannot change the Chief Secretary's instruction.
    let cs = h.get("/api/v1/kms/documents/KD-CS-EOFFICE-2026", &editor).await;
    assert_eq!(cs.body["may_edit"], false);
    let refused = h
        .post(
            "/api/v1/kms/documents/KD-CS-EOFFICE-2026/withdraw",
            &editor,
            json!({"version": cs.body["version"], "reason": "Not mine"}),
        )
        .await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    let folder = h
        .post(
            "/api/v1/kms/folders",
            &editor,
            json!({"dept": "CS", "name_en": "Not mine"}),
        )
        .await;
    assert_eq!(folder.status, StatusCode::FORBIDDEN);
    assert_eq!(h.get("/api/v1/kms/editing", &editor).await.body, json!(["FIN"]));
    assert_eq!(h.get("/api/v1/kms/editing", &section_officer).await.body, json!([]));

    // An administrator makes the section officer's post an editor post too; a non-admin cannot.
    let grant = json!({"dept": "FIN", "posts": ["FIN-HQ-SECY", "FIN-HQ-SO"]});
    let refused = h
        .request(
            Method::PUT,
            "/api/v1/kms/departments/FIN/editors",
            Some(&editor),
            Some(grant.clone()),
            &[],
        )
        .await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    let admin = h.login("HR9001").await;
    let wrong_post = h
        .request(
            Method::PUT,
            "/api/v1/kms/departments/FIN/editors",
            Some(&admin),
            Some(json!({"dept": "FIN", "posts": ["CMO-HQ-SO"]})),
            &[],
        )
        .await;
    assert_eq!(
        (wrong_post.status, wrong_post.body["field"].as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, Some("posts"))
    );
    let granted = h
        .request(
            Method::PUT,
            "/api/v1/kms/departments/FIN/editors",
            Some(&admin),
            Some(grant),
            &[],
        )
        .await;
    assert_eq!(granted.status, StatusCode::OK, "{}", granted.body);
    let folder = h
        .post(
            "/api/v1/kms/folders",
            &section_officer,
            json!({"dept": "FIN", "name_en": "Budget instructions", "name_hi": "बजट निर्देश"}),
        )
        .await;
    assert_eq!(folder.status, StatusCode::CREATED, "{}", folder.body);
    let folder_id = folder.body["id"].as_str().unwrap();
    let mut in_new_folder = document_body("FD-10/2/2026-Budget", "2026-07-11", "Budget calendar 2027-28", None);
    in_new_folder["folder"] = json!(folder_id);
    create(&h, &section_officer, in_new_folder).await;
    let listed = h
        .get(&format!("/api/v1/kms/folders/{folder_id}/documents"), &outsider)
        .await;
    assert_eq!(listed.body["items"][0]["number"], "FD-10/2/2026-Budget");
}

async fn a_stale_version_is_refused_and_one_of_two_edits_wins(h: Harness) {
    let editor = h.login(EDITOR).await;
    let created = create(
        &h,
        &editor,
        document_body("FD-11/1/2026-Bonus", "2026-10-01", "Ad hoc bonus", None),
    )
    .await;
    let id = created["id"].as_str().unwrap();
    let path = format!("/api/v1/kms/documents/{id}");
    let edit = |title: &str| {
        json!({"version": created["version"], "folder": FOLDER, "date": "2026-10-01",
               "title_en": title, "summary_en": "Bonus for the year."})
    };
    let (a, b) = tokio::join!(
        h.request(
            Method::PUT,
            &path,
            Some(&editor),
            Some(edit("Ad hoc bonus, first")),
            &[]
        ),
        h.request(
            Method::PUT,
            &path,
            Some(&editor),
            Some(edit("Ad hoc bonus, second")),
            &[]
        ),
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
    let now = h.get(&path, &editor).await;
    assert_eq!(now.body["current"]["n"], 2);
    assert_eq!(now.body["version"], 2);

    let stale = h
        .request(Method::PUT, &path, Some(&editor), Some(edit("Too late")), &[])
        .await;
    assert_eq!(stale.status, StatusCode::CONFLICT);
    assert_eq!(stale.body["current_version"], 2);
    assert!(stale.body["detail_hi"].is_string());
    let stale_rollback = h
        .post(
            &format!("{path}/rollback"),
            &editor,
            json!({"version": 1, "to_version": 1}),
        )
        .await;
    assert_eq!(stale_rollback.status, StatusCode::CONFLICT);
}

async fn bad_input_is_refused_with_its_field_in_english_and_hindi(h: Harness) {
    let editor = h.login(EDITOR).await;
    let good = document_body("FD-12/1/2026-Misc", "2026-10-10", "Miscellaneous", None);
    let with = |field: &str, value: Value| {
        let mut body = good.clone();
        body[field] = value;
        body
    };
    let cases: Vec<(Value, &str)> = vec![
        (with("title_en", json!("   ")), "title_en"),
        (with("title_en", json!("x".repeat(301))), "title_en"),
        (with("summary_en", json!("")), "summary_en"),
        (with("number", json!("FD#12")), "number"),
        (with("number", json!("F")), "number"),
        (with("number", json!("FD-1/3/2026-WM(1)")), "number"),
        (with("folder", json!("KF-NO-SUCH")), "folder"),
        (with("folder", json!("KF-CS-INSTRUCTIONS")), "folder"),
        (
            with("tags", json!((0..13).map(|i| format!("tag{i}")).collect::<Vec<_>>())),
            "tags",
        ),
        (with("attachments", json!(["U-0000000000000000"])), "attachments"),
    ];
    for (body, field) in cases {
        let reply = h.post("/api/v1/kms/documents", &editor, body).await;
        assert_eq!(
            (reply.status, reply.body["field"].as_str()),
            (StatusCode::UNPROCESSABLE_ENTITY, Some(field)),
            "{}",
            reply.body
        );
        assert!(reply.body["detail_hi"].is_string(), "{}", reply.body);
    }
    for body in [with("category", json!("memo")), with("date", json!("10/10/2026"))] {
        let reply = h.post("/api/v1/kms/documents", &editor, body).await;
        assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", reply.body);
    }

    for (query, field) in [
        ("", "q"),
        ("q=a%20of", "q"),
        ("number=F", "number"),
        ("q=pension&from=2026-12-01&to=2026-01-01", "from"),
        ("q=pension&from=yesterday", "from"),
        ("q=pension&category=memo", "category"),
        ("q=pension&limit=0", "limit"),
        ("q=pension&cursor=bogus", "cursor"),
    ] {
        let reply = h.get(&format!("/api/v1/kms/search?{query}"), &editor).await;
        assert_eq!(
            (reply.status, reply.body["field"].as_str()),
            (StatusCode::UNPROCESSABLE_ENTITY, Some(field)),
            "{query}: {}",
            reply.body
        );
    }
    let bad_cursor = h.get("/api/v1/kms/inbox?cursor=nope", &editor).await;
    assert_eq!(bad_cursor.status, StatusCode::UNPROCESSABLE_ENTITY);
    let missing = h.get("/api/v1/kms/documents/KD-NOT-THERE", &editor).await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND);
    let not_an_id = h.get("/api/v1/kms/documents/%20x", &editor).await;
    assert_eq!(not_an_id.status, StatusCode::NOT_FOUND);
    let blank_folder = h
        .post("/api/v1/kms/folders", &editor, json!({"dept": "FIN", "name_en": " "}))
        .await;
    assert_eq!(
        (blank_folder.status, blank_folder.body["field"].as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, Some("name_en"))
    );
    let no_such_version = h
        .post(
            "/api/v1/kms/documents/KD-FIN-DA-2026-01/rollback",
            &editor,
            json!({"version": 1, "to_version": 9}),
        )
        .await;
    assert_eq!(
        (no_such_version.status, no_such_version.body["field"].as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, Some("to_version"))
    );
}

async fn creating_a_document_is_idempotent(h: Harness) {
    let editor = h.login(EDITOR).await;
    let body = document_body("FD-13/1/2026-Audit", "2026-10-20", "Internal audit schedule", None);
    let first = h
        .post_with_key("/api/v1/kms/documents", &editor, body.clone(), "kms-create-0001")
        .await;
    assert_eq!(first.status, StatusCode::CREATED, "{}", first.body);
    let replay = h
        .post_with_key("/api/v1/kms/documents", &editor, body.clone(), "kms-create-0001")
        .await;
    assert_eq!(replay.status, StatusCode::CREATED);
    assert_eq!(replay.body["id"], first.body["id"]);
    let mut other = body;
    other["title_en"] = json!("Something else");
    let reused = h
        .post_with_key("/api/v1/kms/documents", &editor, other, "kms-create-0001")
        .await;
    assert_eq!(reused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(search(&h, &editor, "q=audit").await.len(), 1);
}

async fn the_knowledge_base_needs_a_session_and_is_documented(h: Harness) {
    for (method, path) in [
        (Method::GET, "/api/v1/kms/search?q=pension"),
        (Method::GET, "/api/v1/kms/documents/KD-FIN-DA-2026-01"),
        (Method::GET, "/api/v1/kms/inbox"),
        (Method::POST, "/api/v1/kms/documents"),
        (Method::POST, "/api/v1/kms/subscriptions"),
    ] {
        let body = (method == Method::POST).then(|| json!({}));
        let reply = h
            .request(method.clone(), path, Some("daftar_session=forged"), body, &[])
            .await;
        assert_eq!(reply.status, StatusCode::UNAUTHORIZED, "{method} {path}");
    }
    let openapi = h.request(Method::GET, "/api/openapi.json", None, None, &[]).await;
    for path in [
        "/api/v1/kms/folders",
        "/api/v1/kms/folders/{id}/documents",
        "/api/v1/kms/documents",
        "/api/v1/kms/documents/{id}",
        "/api/v1/kms/documents/{id}/versions",
        "/api/v1/kms/documents/{id}/versions/{n}/attachments/{k}",
        "/api/v1/kms/documents/{id}/rollback",
        "/api/v1/kms/documents/{id}/supersede",
        "/api/v1/kms/documents/{id}/withdraw",
        "/api/v1/kms/search",
        "/api/v1/kms/subscriptions",
        "/api/v1/kms/subscriptions/{token}",
        "/api/v1/kms/inbox",
        "/api/v1/kms/editing",
        "/api/v1/kms/departments/{dept}/editors",
    ] {
        assert!(openapi.body["paths"].get(path).is_some(), "{path}");
    }
    assert!(openapi.body["components"]["schemas"].get("KmsDocumentView").is_some());
}
