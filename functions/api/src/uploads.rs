//! Uploads: an attachment's bytes go to the blob store first, then the receipt, note or file
//! that carries it claims the finished upload by its ID. The bytes never enter the table.
//!
//! In production the client sends the bytes straight to S3 on a presigned URL (a Lambda request
//! is capped at 6 MB) and asks the API to confirm, which reads back what was stored and checks
//! it; locally the server takes the bytes itself. Either way the record says what is really
//! stored: its type by its first bytes, its size and its SHA-256.

use crate::auth::CurrentUser;
use crate::error::{ApiError, Json};
use crate::idempotency::{Idempotency, IdempotencyHeader};
use crate::keys;
use crate::state::AppState;
use axum::body::Bytes;
use axum::extract::{DefaultBodyLimit, Path, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::Router;
use daftar_blob::{BlobKey, ContentType, StoredBlob, UploadTarget};
use daftar_domain::attachment::{Attachment, AttachmentType, MAX_ATTACHMENTS, MAX_ATTACHMENT_BYTES};
use daftar_domain::wire::{StartUpload, UploadDestination, UploadDone, UploadTicket};
use daftar_domain::{DocumentName, EmployeeId, UploadId};
use daftar_store::{Condition, Item, Write};
use rand::Rng;
use serde::{Deserialize, Serialize};
use std::time::Duration;

/// How long an upload may wait to be attached before the store forgets it.
const UPLOAD_LIFETIME_SECONDS: i64 = 24 * 60 * 60;
/// How long a presigned upload URL stays valid.
const UPLOAD_URL_LIFETIME: Duration = Duration::from_secs(15 * 60);

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/api/v1/uploads", post(start))
        .route(
            "/api/v1/uploads/{id}",
            get(preview)
                .put(receive)
                // The local server takes the bytes itself: allow the largest attachment plus slack.
                .layer(DefaultBodyLimit::max(MAX_ATTACHMENT_BYTES as usize + 64 * 1024)),
        )
        .route("/api/v1/uploads/{id}/confirm", post(confirm))
}

/// An upload as recorded between its start and its use.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct PendingUpload {
    id: UploadId,
    owner: EmployeeId,
    name: DocumentName,
    content_type: AttachmentType,
    size: u64,
    blob_key: String,
    /// What the store holds, once the bytes arrived and passed the checks.
    sha256: Option<String>,
}

fn blob_type(t: AttachmentType) -> ContentType {
    match t {
        AttachmentType::Pdf => ContentType::Pdf,
        AttachmentType::Jpeg => ContentType::Jpeg,
        AttachmentType::Png => ContentType::Png,
    }
}

fn blob_key(raw: &str) -> Result<BlobKey, ApiError> {
    Ok(BlobKey::parse(raw)?)
}

fn parse_upload_id(raw: &str) -> Result<UploadId, ApiError> {
    UploadId::parse(raw).map_err(|_| ApiError::NotFound("upload"))
}

/// The caller's own upload record, or 404 (someone else's uploads do not exist for them).
async fn load_own(state: &AppState, user: &CurrentUser, id: &UploadId) -> Result<(PendingUpload, u64), ApiError> {
    let item = state
        .store
        .get(&keys::upload(id))
        .await?
        .ok_or(ApiError::NotFound("upload"))?;
    let upload: PendingUpload = item.parse()?;
    if upload.owner != user.actor.employee {
        return Err(ApiError::NotFound("upload"));
    }
    Ok((upload, item.version))
}

fn done(upload: &PendingUpload) -> Option<UploadDone> {
    upload.sha256.as_ref().map(|sha256| UploadDone {
        upload_id: upload.id.clone(),
        name: upload.name.clone(),
        content_type: upload.content_type,
        size: upload.size,
        sha256: sha256.clone(),
    })
}

/// Records what the blob store holds for an upload, conditional on the record not having changed.
async fn record_stored(
    state: &AppState,
    mut upload: PendingUpload,
    version: u64,
    stored: StoredBlob,
) -> Result<UploadDone, ApiError> {
    if blob_type(upload.content_type) != stored.content_type {
        return Err(ApiError::invalid("file", "the file is not of the type declared"));
    }
    upload.size = stored.size;
    upload.sha256 = Some(stored.sha256.to_string());
    let mut item = Item::new(
        keys::upload(&upload.id),
        serde_json::to_value(&upload).expect("uploads serialise"),
    )
    .with_version(version + 1);
    item.expires_at = Some(state.now().unix_timestamp() + UPLOAD_LIFETIME_SECONDS);
    state
        .store
        .write(Write::Put {
            item,
            condition: Condition::VersionIs(version),
        })
        .await?;
    Ok(done(&upload).expect("just recorded"))
}

/// Announces a file to upload and says where to send its bytes.
#[utoipa::path(post, path = "/api/v1/uploads", tag = "uploads", request_body = StartUpload,
    params(("Idempotency-Key" = Option<String>, Header, description = "Makes a retry safe")),
    responses((status = 201, body = UploadTicket), (status = 422, body = daftar_domain::wire::Problem)))]
pub async fn start(
    State(state): State<AppState>,
    user: CurrentUser,
    header: IdempotencyHeader,
    Json(request): Json<StartUpload>,
) -> Result<Response, ApiError> {
    let idempotency = match Idempotency::start(&state, &user, header, "upload", &request).await? {
        Ok(idempotency) => idempotency,
        Err(replay) => return Ok(replay),
    };
    if request.size == 0 || request.size > MAX_ATTACHMENT_BYTES {
        return Err(ApiError::invalid(
            "size",
            format!(
                "a file must be between 1 byte and {} MB",
                MAX_ATTACHMENT_BYTES / (1024 * 1024)
            ),
        ));
    }
    let n: u64 = rand::thread_rng().gen();
    let id = UploadId::parse(&format!("U-{n:016X}")).expect("generated upload ids are well formed");
    let key = format!("uploads/{id}");
    let target = state
        .blobs
        .upload_target(
            &blob_key(&key)?,
            blob_type(request.content_type),
            request.size,
            UPLOAD_URL_LIFETIME,
        )
        .await?;
    let destination = match target {
        UploadTarget::Presigned { url, method, headers } => UploadDestination::Direct { url, method, headers },
        UploadTarget::ThroughServer => UploadDestination::ThroughServer {
            url: format!("/api/v1/uploads/{id}"),
        },
    };
    let upload = PendingUpload {
        id: id.clone(),
        owner: user.actor.employee.clone(),
        name: request.name,
        content_type: request.content_type,
        size: request.size,
        blob_key: key,
        sha256: None,
    };
    let mut item = Item::new(
        keys::upload(&id),
        serde_json::to_value(&upload).expect("uploads serialise"),
    )
    .with_version(1);
    let now = state.now().unix_timestamp();
    item.expires_at = Some(now + UPLOAD_LIFETIME_SECONDS);
    let ticket = UploadTicket {
        upload_id: id,
        destination,
    };
    let write = Write::Put {
        item,
        condition: Condition::NotExists,
    };
    let outcome = idempotency
        .commit(state.store.as_ref(), vec![write], StatusCode::CREATED, ticket, now)
        .await??;
    Ok(outcome.respond(StatusCode::CREATED))
}

/// Takes an upload's bytes (local server with the folder store).
#[utoipa::path(put, path = "/api/v1/uploads/{id}", tag = "uploads", params(("id" = String, Path)),
    request_body(content = Vec<u8>, content_type = "application/octet-stream"),
    responses((status = 200, body = UploadDone), (status = 404, body = daftar_domain::wire::Problem), (status = 422, body = daftar_domain::wire::Problem)))]
pub async fn receive(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<String>,
    bytes: Bytes,
) -> Result<Json<UploadDone>, ApiError> {
    let (upload, version) = load_own(&state, &user, &parse_upload_id(&id)?).await?;
    if let Some(done) = done(&upload) {
        return Ok(Json(done));
    }
    if bytes.len() as u64 != upload.size {
        return Err(ApiError::invalid(
            "file",
            format!("expected {} bytes, received {}", upload.size, bytes.len()),
        ));
    }
    let stored = state
        .blobs
        .put(
            &blob_key(&upload.blob_key)?,
            blob_type(upload.content_type),
            bytes.to_vec(),
        )
        .await?;
    Ok(Json(record_stored(&state, upload, version, stored).await?))
}

/// Checks what a client sent to a presigned URL and records it.
#[utoipa::path(post, path = "/api/v1/uploads/{id}/confirm", tag = "uploads", params(("id" = String, Path)),
    responses((status = 200, body = UploadDone), (status = 404, body = daftar_domain::wire::Problem), (status = 422, body = daftar_domain::wire::Problem)))]
pub async fn confirm(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<String>,
) -> Result<Json<UploadDone>, ApiError> {
    let (upload, version) = load_own(&state, &user, &parse_upload_id(&id)?).await?;
    if let Some(done) = done(&upload) {
        return Ok(Json(done));
    }
    let stored = state
        .blobs
        .confirm_upload(&blob_key(&upload.blob_key)?, blob_type(upload.content_type))
        .await?;
    Ok(Json(record_stored(&state, upload, version, stored).await?))
}

/// The uploader's own finished upload, to preview before attaching it.
#[utoipa::path(get, path = "/api/v1/uploads/{id}", tag = "uploads", params(("id" = String, Path)),
    responses((status = 200, description = "The file's bytes"), (status = 404, body = daftar_domain::wire::Problem)))]
pub async fn preview(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    let (upload, _) = load_own(&state, &user, &parse_upload_id(&id)?).await?;
    if upload.sha256.is_none() {
        return Err(ApiError::NotFound("upload"));
    }
    download(&state, &upload.blob_key, &upload.name, upload.content_type).await
}

/// Turns finished uploads into attachments, with the writes that consume their records in the
/// same transaction as the thing they are attached to: an upload is attached once, by its owner.
pub async fn claim(
    state: &AppState,
    user: &CurrentUser,
    ids: &[UploadId],
    field: &str,
) -> Result<(Vec<Attachment>, Vec<Write>), ApiError> {
    if ids.len() > MAX_ATTACHMENTS {
        return Err(ApiError::invalid(
            field,
            format!("at most {MAX_ATTACHMENTS} attachments"),
        ));
    }
    let mut attachments = Vec::with_capacity(ids.len());
    let mut writes = Vec::with_capacity(ids.len());
    for id in ids {
        let (upload, version) = load_own(state, user, id).await.map_err(|error| match error {
            ApiError::NotFound(_) => ApiError::invalid(field, format!("no upload {id}")),
            other => other,
        })?;
        let sha256 = upload
            .sha256
            .clone()
            .ok_or_else(|| ApiError::invalid(field, format!("upload {id} has not finished")))?;
        attachments.push(Attachment {
            name: upload.name,
            content_type: upload.content_type,
            size: upload.size,
            sha256,
            blob_key: upload.blob_key,
            uploaded_by: upload.owner,
            uploaded_at: state.now(),
        });
        writes.push(Write::Delete {
            key: keys::upload(id),
            condition: Condition::VersionIs(version),
        });
    }
    if attachments
        .iter()
        .enumerate()
        .any(|(i, a)| attachments[..i].iter().any(|b| b.blob_key == a.blob_key))
    {
        return Err(ApiError::invalid(field, "the same upload is listed twice"));
    }
    Ok((attachments, writes))
}

/// `filename*` per RFC 8187: names may be in Hindi.
fn content_disposition(name: &str) -> HeaderValue {
    let encoded: String = name
        .bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'.' | b'-' | b'_' => (b as char).to_string(),
            other => format!("%{other:02X}"),
        })
        .collect();
    HeaderValue::from_str(&format!("inline; filename*=UTF-8''{encoded}"))
        .expect("percent-encoded names are valid headers")
}

/// Sends a stored attachment's bytes with its real type.
pub async fn download(
    state: &AppState,
    blob_key_text: &str,
    name: &DocumentName,
    content_type: AttachmentType,
) -> Result<Response, ApiError> {
    let contents = state
        .blobs
        .get(&blob_key(blob_key_text)?)
        .await?
        .ok_or(ApiError::NotFound("attachment"))?;
    if contents.blob.content_type != blob_type(content_type) {
        return Err(ApiError::Internal(format!("{blob_key_text} changed type in storage")));
    }
    let mut response = contents.bytes.into_response();
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type.mime()));
    headers.insert(header::CONTENT_DISPOSITION, content_disposition(name.as_ref()));
    headers.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("private, max-age=3600"));
    Ok(response)
}

/// The attachment at a 1-based position in a list, or 404.
pub fn nth(attachments: &[Attachment], n: usize) -> Result<&Attachment, ApiError> {
    n.checked_sub(1)
        .and_then(|i| attachments.get(i))
        .ok_or(ApiError::NotFound("attachment"))
}

/// Serves the `n`th (from 1) of a list of attachments.
pub async fn serve_nth(state: &AppState, attachments: &[Attachment], n: usize) -> Result<Response, ApiError> {
    let attachment = nth(attachments, n)?;
    download(state, &attachment.blob_key, &attachment.name, attachment.content_type).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn download_names_are_percent_encoded() {
        assert_eq!(
            content_disposition("पत्र 1.pdf").to_str().unwrap(),
            "inline; filename*=UTF-8''%E0%A4%AA%E0%A4%A4%E0%A5%8D%E0%A4%B0%201.pdf"
        );
        assert_eq!(
            content_disposition("a\"b;.pdf").to_str().unwrap(),
            "inline; filename*=UTF-8''a%22b%3B.pdf"
        );
    }
}
