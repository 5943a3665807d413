//! Attachments through the API: uploads checked by their bytes, attached once by their owner to
//! receipts, notes and digitised files, and served back with their real type.

mod common;

use axum::http::StatusCode;
use common::{diarise_body, Harness};
use serde_json::json;

on_both_backends!(
    a_scanned_letter_is_diarised_with_the_receipt_and_downloaded_intact,
    uploads_are_checked_by_their_bytes_and_size,
    an_upload_is_attached_once_and_only_by_its_owner,
    notes_and_digitised_files_carry_attachments,
);

fn pdf(body: &str) -> Vec<u8> {
    format!("%PDF-1.4\n% Daftar test\n{body}\n%%EOF\n").into_bytes()
}

fn png() -> Vec<u8> {
    let mut bytes = vec![0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A];
    bytes.extend_from_slice(b"not really an image, but PNG by its signature");
    bytes
}

async fn a_scanned_letter_is_diarised_with_the_receipt_and_downloaded_intact(h: Harness) {
    let clerk = h.login("HR1001").await;
    let letter = pdf("Letter from the Sarpanch");
    let upload = h.upload(&clerk, "पत्र-सोहना.pdf", "pdf", letter.clone()).await;

    let mut body = diarise_body("DC-GGN-CRU", "Repair of village pond");
    body["attachments"] = json!([upload]);
    let receipt = h.post("/api/v1/receipts", &clerk, body).await;
    assert_eq!(receipt.status, StatusCode::CREATED, "{}", receipt.body);
    let attachment = &receipt.body["attachments"][0];
    assert_eq!(attachment["name"], "पत्र-सोहना.pdf");
    assert_eq!(attachment["content_type"], "pdf");
    assert_eq!(attachment["size"], letter.len());
    assert_eq!(attachment["sha256"].as_str().unwrap().len(), 64);

    let id = receipt.body["id"].as_str().unwrap();
    let (status, content_type, bytes) = h
        .get_bytes(&format!("/api/v1/receipts/{id}/attachments/1"), &clerk)
        .await;
    assert_eq!((status, content_type.as_str()), (StatusCode::OK, "application/pdf"));
    assert_eq!(bytes, letter);
    let (missing, _, _) = h
        .get_bytes(&format!("/api/v1/receipts/{id}/attachments/2"), &clerk)
        .await;
    assert_eq!(missing, StatusCode::NOT_FOUND);
    // Someone the receipt never reached cannot download it.
    let stranger = h.login("HR3001").await;
    let (denied, _, _) = h
        .get_bytes(&format!("/api/v1/receipts/{id}/attachments/1"), &stranger)
        .await;
    assert_eq!(denied, StatusCode::FORBIDDEN);
}

async fn uploads_are_checked_by_their_bytes_and_size(h: Harness) {
    let clerk = h.login("HR1001").await;
    let start =
        |size: usize, content_type: &str| json!({"name": "scan.pdf", "content_type": content_type, "size": size});

    let too_big = h.post("/api/v1/uploads", &clerk, start(30 * 1024 * 1024, "pdf")).await;
    assert_eq!(
        (too_big.status, too_big.body["field"].as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, Some("size"))
    );
    let empty = h.post("/api/v1/uploads", &clerk, start(0, "pdf")).await;
    assert_eq!(empty.status, StatusCode::UNPROCESSABLE_ENTITY);
    let gif = h.post("/api/v1/uploads", &clerk, start(10, "gif")).await;
    assert_eq!(gif.status, StatusCode::UNPROCESSABLE_ENTITY);

    // A program renamed to .pdf is refused by its first bytes, and nothing is kept.
    let program = b"MZ\x90\x00\x03\x00\x00\x00 this is a Windows program".to_vec();
    let ticket = h.post("/api/v1/uploads", &clerk, start(program.len(), "pdf")).await;
    let url = ticket.body["destination"]["url"].as_str().unwrap().to_owned();
    let refused = h.put_bytes(&url, &clerk, program).await;
    assert_eq!(
        (refused.status, refused.body["field"].as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, Some("file"))
    );
    let id = ticket.body["upload_id"].as_str().unwrap();
    let mut body = diarise_body("DC-GGN-CRU", "With a refused upload");
    body["attachments"] = json!([id]);
    let diarised = h.post("/api/v1/receipts", &clerk, body).await;
    assert_eq!(
        diarised.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "an unfinished upload cannot be attached"
    );

    // A PNG declared as a PDF is refused too; and the size must be what was announced.
    let ticket = h.post("/api/v1/uploads", &clerk, start(png().len(), "pdf")).await;
    let url = ticket.body["destination"]["url"].as_str().unwrap().to_owned();
    assert_eq!(
        h.put_bytes(&url, &clerk, png()).await.status,
        StatusCode::UNPROCESSABLE_ENTITY
    );
    let ticket = h.post("/api/v1/uploads", &clerk, start(5, "pdf")).await;
    let url = ticket.body["destination"]["url"].as_str().unwrap().to_owned();
    assert_eq!(
        h.put_bytes(&url, &clerk, pdf("longer than five")).await.status,
        StatusCode::UNPROCESSABLE_ENTITY
    );
}

async fn an_upload_is_attached_once_and_only_by_its_owner(h: Harness) {
    let clerk = h.login("HR1001").await;
    let other_clerk = h.login("HR2003").await;
    let upload = h.upload(&clerk, "scan.png", "png", png()).await;

    // Another official cannot use (or even see) it.
    let mut theirs = diarise_body("FIN-HQ-CRU", "Not their upload");
    theirs["attachments"] = json!([upload]);
    let refused = h.post("/api/v1/receipts", &other_clerk, theirs).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", refused.body);
    let (preview, _, _) = h.get_bytes(&format!("/api/v1/uploads/{upload}"), &other_clerk).await;
    assert_eq!(preview, StatusCode::NOT_FOUND);
    let (own_preview, content_type, _) = h.get_bytes(&format!("/api/v1/uploads/{upload}"), &clerk).await;
    assert_eq!((own_preview, content_type.as_str()), (StatusCode::OK, "image/png"));

    let mut first = diarise_body("DC-GGN-CRU", "First use");
    first["attachments"] = json!([upload]);
    assert_eq!(
        h.post("/api/v1/receipts", &clerk, first).await.status,
        StatusCode::CREATED
    );
    let mut second = diarise_body("DC-GGN-CRU", "Second use");
    second["attachments"] = json!([upload]);
    assert_eq!(
        h.post("/api/v1/receipts", &clerk, second).await.status,
        StatusCode::UNPROCESSABLE_ENTITY
    );
}

async fn notes_and_digitised_files_carry_attachments(h: Harness) {
    let so = h.login("HR2001").await;
    let volume = pdf("Volume I, pages 1-240, scanned");
    let scan = h.upload(&so, "Volume-I.pdf", "pdf", volume.clone()).await;
    let file = h
        .post(
            "/api/v1/files",
            &so,
            json!({"at_post": "FIN-HQ-SO", "subject": "Pension case of Sh. Ram Kumar (paper file)", "category": "establishment",
                   "head": "PENSION", "old_number": "F.12/34/98-Pen", "scans": [scan]}),
        )
        .await;
    assert_eq!(file.status, StatusCode::CREATED, "{}", file.body);
    assert_eq!(file.body["old_number"], "F.12/34/98-Pen");
    let id = file.body["id"].as_str().unwrap();
    let (status, _, bytes) = h.get_bytes(&format!("/api/v1/files/{id}/scans/1"), &so).await;
    assert_eq!((status, bytes), (StatusCode::OK, volume));

    let statement = h.upload(&so, "statement.png", "png", png()).await;
    let noted = h
        .post(
            &format!("/api/v1/files/{id}/notes"),
            &so,
            json!({"version": 1, "text": "Statement of service placed below.", "attachments": [statement]}),
        )
        .await;
    assert_eq!(noted.status, StatusCode::OK, "{}", noted.body);
    let (status, content_type, _) = h
        .get_bytes(&format!("/api/v1/files/{id}/notes/1/attachments/1"), &so)
        .await;
    assert_eq!((status, content_type.as_str()), (StatusCode::OK, "image/png"));
    let stranger = h.login("HR3001").await;
    let (denied, _, _) = h
        .get_bytes(&format!("/api/v1/files/{id}/notes/1/attachments/1"), &stranger)
        .await;
    assert_eq!(denied, StatusCode::FORBIDDEN);

    // A draft letter goes with an enclosure; approving seals the enclosure's hash too.
    let order = pdf("Pension payment order");
    let enclosure = h.upload(&so, "PPO.pdf", "pdf", order.clone()).await;
    let drafted = h
        .post(
            &format!("/api/v1/files/{id}/drafts"),
            &so,
            json!({"version": noted.body["version"], "enclosures": [enclosure],
                   "letter": {"subject": "Pension sanctioned", "addressees": ["Sh. Ram Kumar"], "body": "Your pension is sanctioned."}}),
        )
        .await;
    assert_eq!(drafted.status, StatusCode::OK, "{}", drafted.body);
    let (status, _, bytes) = h
        .get_bytes(&format!("/api/v1/files/{id}/drafts/1/versions/1/enclosures/1"), &so)
        .await;
    assert_eq!((status, &bytes), (StatusCode::OK, &order));

    // A revision carries the earlier enclosures over and adds new ones after them; leaving one
    // out names it by its number; naming one that is not there is refused.
    let letter = json!({"subject": "Pension sanctioned", "addressees": ["Sh. Ram Kumar"], "body": "Revised."});
    let annexure = pdf("Annexure: calculation sheet");
    let added = h.upload(&so, "Annexure.pdf", "pdf", annexure.clone()).await;
    let draft_path = format!("/api/v1/files/{id}/drafts/1/revise");
    let revise = |version: &serde_json::Value, mut body: serde_json::Value| {
        body["version"] = version.clone();
        body["letter"] = letter.clone();
        h.post(&draft_path, &so, body)
    };
    let revised = revise(&drafted.body["version"], json!({"enclosures": [added]})).await;
    assert_eq!(revised.status, StatusCode::OK, "{}", revised.body);
    let enclosure = |v: u32, k: u32| format!("/api/v1/files/{id}/drafts/1/versions/{v}/enclosures/{k}");
    assert_eq!(h.get_bytes(&enclosure(2, 1), &so).await.2, order);
    assert_eq!(h.get_bytes(&enclosure(2, 2), &so).await.2, annexure);
    let refused = revise(&revised.body["version"], json!({"drop_enclosures": [3]})).await;
    assert_eq!(
        (refused.status, refused.body["field"].as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, Some("drop_enclosures"))
    );
    let trimmed = revise(&revised.body["version"], json!({"drop_enclosures": [1]})).await;
    assert_eq!(trimmed.status, StatusCode::OK, "{}", trimmed.body);
    assert_eq!(h.get_bytes(&enclosure(3, 1), &so).await.2, annexure);
    assert_eq!(h.get_bytes(&enclosure(3, 2), &so).await.0, StatusCode::NOT_FOUND);
}
