//! `/api/v1/files/...` and `/api/v1/posts/{post}/files`.

use super::{
    approve_draft, attach_receipt, change_draft, create, draft_versions, history, issue_draft, link, load_note,
    load_viewable_file, lookup_by_number, mark_dispatched, may_see_note, merge, move_file, notes, open_part,
    open_volume, view, write_draft, write_note, DraftChange,
};
use crate::auth::CurrentUser;
use crate::error::{ApiError, Json, Query};
use crate::idempotency::{idempotent, IdempotencyHeader};
use crate::keys;
use crate::pagination::{page_of, PageParams};
use crate::state::AppState;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::{get, post};
use axum::Router;
use daftar_domain::auth::{authorize, Action, Resource};
use daftar_domain::file::chain::{verify as verify_chain, ChainReport, Sealed};
use daftar_domain::file::draft::{DispatchEntry, DraftVersion};
use daftar_domain::file::track as track_file;
use daftar_domain::wire::{
    AttachReceiptRequest, CorrespondenceEntry, CreateFileRequest, DeskView, DispatchedRequest, DraftRequest, DraftView,
    EditNoteRequest, FileEventEntry, FileNumbering, FileRow, FileView, IssueRequest, LinkFileRequest, LinkedFile,
    MergeRequest, MoveRequest, NoteView, OpenPartRequest, Page, PostLabel, StayView, VersionOnly, WriteNoteRequest,
};
use daftar_domain::{FileId, OfficeCode, PostId};
use daftar_store::Index;
use serde::Deserialize;
use std::collections::HashMap;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/api/v1/files", post(create_file))
        .route("/api/v1/files/lookup", get(lookup))
        .route("/api/v1/files/{id}", get(get_file))
        .route("/api/v1/files/{id}/move", post(move_handler))
        .route("/api/v1/files/{id}/notes", get(list_notes).post(write_note_handler))
        .route("/api/v1/files/{id}/notes/{note}", axum::routing::put(edit_note))
        .route("/api/v1/files/{id}/notes/{note}/sign", post(sign_note))
        .route("/api/v1/files/{id}/notes/{note}/discard", post(discard_note))
        .route("/api/v1/files/{id}/notes/{note}/attachments/{n}", get(note_attachment))
        .route("/api/v1/files/{id}/scans/{n}", get(scan))
        .route("/api/v1/files/{id}/receipts", post(attach_handler))
        .route("/api/v1/files/{id}/correspondence", get(correspondence))
        .route("/api/v1/files/{id}/links", get(links).post(link_handler))
        .route("/api/v1/files/{id}/history", get(history_handler))
        .route("/api/v1/files/{id}/track", get(track))
        .route("/api/v1/files/{id}/verify", get(verify))
        .route("/api/v1/posts/{post}/files", get(desk))
        .route(
            "/api/v1/departments/{dept}/file-numbering",
            get(file_numbering).put(set_file_numbering),
        )
        .route("/api/v1/files/{id}/merge", post(merge_handler))
        .route("/api/v1/files/{id}/volumes", post(volume_handler))
        .route("/api/v1/files/{id}/parts", post(part_handler))
        .route("/api/v1/files/{id}/drafts", get(list_drafts).post(start_draft))
        .route("/api/v1/files/{id}/drafts/{n}/versions", get(list_draft_versions))
        .route(
            "/api/v1/files/{id}/drafts/{n}/versions/{v}/enclosures/{k}",
            get(enclosure),
        )
        .route("/api/v1/files/{id}/drafts/{n}/revise", post(revise_draft))
        .route("/api/v1/files/{id}/drafts/{n}/approve", post(approve))
        .route("/api/v1/files/{id}/drafts/{n}/issue", post(issue))
        .route("/api/v1/offices/{office}/dispatch", get(dispatch_register))
        .route(
            "/api/v1/offices/{office}/dispatch/{year}/{serial}/dispatched",
            post(dispatched),
        )
}

fn parse_file_id(raw: &str) -> Result<FileId, ApiError> {
    FileId::parse(raw).map_err(|_| ApiError::NotFound("file"))
}

/// Opens a new file at one of the caller's posts, numbered by the department's scheme.
#[utoipa::path(post, path = "/api/v1/files", tag = "files", request_body = CreateFileRequest,
    params(("Idempotency-Key" = Option<String>, Header, description = "Makes a retry safe")),
    responses((status = 201, body = FileView), (status = 403, body = daftar_domain::wire::Problem), (status = 422, body = daftar_domain::wire::Problem)))]
pub async fn create_file(
    State(state): State<AppState>,
    user: CurrentUser,
    header: IdempotencyHeader,
    Json(request): Json<CreateFileRequest>,
) -> Result<Response, ApiError> {
    let (state, user) = (&state, &user);
    idempotent(
        state,
        user,
        header,
        "create-file",
        request,
        StatusCode::CREATED,
        move |request, idempotency| async move { create(state, user, request, &idempotency).await },
    )
    .await
}

/// A file, its holder, and what the caller may do to it now.
#[utoipa::path(get, path = "/api/v1/files/{id}", tag = "files", params(("id" = String, Path)),
    responses((status = 200, body = FileView), (status = 403, body = daftar_domain::wire::Problem), (status = 404, body = daftar_domain::wire::Problem)))]
pub async fn get_file(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<String>,
) -> Result<Json<FileView>, ApiError> {
    let file = load_viewable_file(&state, &user, &parse_file_id(&id)?).await?;
    Ok(Json(view(&state, &user, file).await?))
}

/// Send, recall, open, park, unpark, close or reopen, on the version the caller saw.
#[utoipa::path(post, path = "/api/v1/files/{id}/move", tag = "files", request_body = MoveRequest,
    params(("id" = String, Path), ("Idempotency-Key" = Option<String>, Header, description = "Makes a retry safe")),
    responses((status = 200, body = FileView), (status = 403, body = daftar_domain::wire::Problem), (status = 409, body = daftar_domain::wire::Problem), (status = 422, body = daftar_domain::wire::Problem)))]
pub async fn move_handler(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<String>,
    header: IdempotencyHeader,
    Json(request): Json<MoveRequest>,
) -> Result<Response, ApiError> {
    let id = parse_file_id(&id)?;
    let (state, user) = (&state, &user);
    idempotent(
        state,
        user,
        header,
        &format!("move:{id}"),
        request,
        StatusCode::OK,
        move |request, idempotency| async move { move_file(state, user, &id, request, &idempotency).await },
    )
    .await
}

/// The note sheet, oldest first. Yellow drafts appear only to those who may act on them.
#[utoipa::path(get, path = "/api/v1/files/{id}/notes", tag = "files", params(("id" = String, Path), PageParams),
    responses((status = 200, body = Page<NoteView>), (status = 403, body = daftar_domain::wire::Problem)))]
pub async fn list_notes(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<String>,
    Query(params): Query<PageParams>,
) -> Result<Json<Page<NoteView>>, ApiError> {
    let id = parse_file_id(&id)?;
    let file = load_viewable_file(&state, &user, &id).await?;
    let query = daftar_store::Query::new(Index::Table, keys::file_partition(&id));
    let mut page: Page<NoteView> = page_of(state.store.as_ref(), query, keys::NOTE_PREFIX, params).await?;
    page.items.retain(|view| may_see_note(&user, &file, &view.note));
    for view in &mut page.items {
        view.may = file.note_permissions(&user.actor, &view.note);
    }
    Ok(Json(page))
}

/// Starts a yellow note on a file at the caller's desk.
#[utoipa::path(post, path = "/api/v1/files/{id}/notes", tag = "files", request_body = WriteNoteRequest,
    params(("id" = String, Path), ("Idempotency-Key" = Option<String>, Header, description = "Makes a retry safe")),
    responses((status = 200, body = FileView), (status = 403, body = daftar_domain::wire::Problem), (status = 409, body = daftar_domain::wire::Problem), (status = 422, body = daftar_domain::wire::Problem)))]
pub async fn write_note_handler(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<String>,
    header: IdempotencyHeader,
    Json(request): Json<WriteNoteRequest>,
) -> Result<Response, ApiError> {
    let id = parse_file_id(&id)?;
    let (state, user) = (&state, &user);
    idempotent(
        state,
        user,
        header,
        &format!("note:{id}"),
        request,
        StatusCode::OK,
        move |request, idempotency| async move { write_note(state, user, &id, request, &idempotency).await },
    )
    .await
}

async fn draft_handler<T: serde::Serialize>(
    state: AppState,
    user: CurrentUser,
    (id, note): (String, u32),
    header: IdempotencyHeader,
    request: &T,
    change: DraftChange,
    route: &str,
) -> Result<Response, ApiError> {
    let id = parse_file_id(&id)?;
    let (state, user) = (&state, &user);
    idempotent(
        state,
        user,
        header,
        &format!("{route}:{id}:{note}"),
        request,
        StatusCode::OK,
        move |_, idempotency| async move { change_draft(state, user, &id, note, change, &idempotency).await },
    )
    .await
}

/// Rewrites the yellow note.
#[utoipa::path(put, path = "/api/v1/files/{id}/notes/{note}", tag = "files", request_body = EditNoteRequest,
    params(("id" = String, Path), ("note" = u32, Path)),
    responses((status = 200, body = FileView), (status = 403, body = daftar_domain::wire::Problem), (status = 409, body = daftar_domain::wire::Problem), (status = 422, body = daftar_domain::wire::Problem)))]
pub async fn edit_note(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(path): Path<(String, u32)>,
    header: IdempotencyHeader,
    Json(request): Json<EditNoteRequest>,
) -> Result<Response, ApiError> {
    let change = DraftChange::Edit(request.clone());
    draft_handler(state, user, path, header, &request, change, "edit-note").await
}

/// Signs the yellow note: it turns green, is numbered, and never changes again.
#[utoipa::path(post, path = "/api/v1/files/{id}/notes/{note}/sign", tag = "files", request_body = VersionOnly,
    params(("id" = String, Path), ("note" = u32, Path), ("Idempotency-Key" = Option<String>, Header, description = "Makes a retry safe")),
    responses((status = 200, body = FileView), (status = 403, body = daftar_domain::wire::Problem), (status = 409, body = daftar_domain::wire::Problem)))]
pub async fn sign_note(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(path): Path<(String, u32)>,
    header: IdempotencyHeader,
    Json(request): Json<VersionOnly>,
) -> Result<Response, ApiError> {
    let change = DraftChange::Sign {
        version: request.version,
    };
    draft_handler(state, user, path, header, &request, change, "sign-note").await
}

/// Throws the yellow note away.
#[utoipa::path(post, path = "/api/v1/files/{id}/notes/{note}/discard", tag = "files", request_body = VersionOnly,
    params(("id" = String, Path), ("note" = u32, Path), ("Idempotency-Key" = Option<String>, Header, description = "Makes a retry safe")),
    responses((status = 200, body = FileView), (status = 403, body = daftar_domain::wire::Problem), (status = 409, body = daftar_domain::wire::Problem)))]
pub async fn discard_note(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(path): Path<(String, u32)>,
    header: IdempotencyHeader,
    Json(request): Json<VersionOnly>,
) -> Result<Response, ApiError> {
    let change = DraftChange::Discard {
        version: request.version,
    };
    draft_handler(state, user, path, header, &request, change, "discard-note").await
}

/// Puts a receipt from the holder's desk into the file.
#[utoipa::path(post, path = "/api/v1/files/{id}/receipts", tag = "files", request_body = AttachReceiptRequest,
    params(("id" = String, Path), ("Idempotency-Key" = Option<String>, Header, description = "Makes a retry safe")),
    responses((status = 200, body = FileView), (status = 403, body = daftar_domain::wire::Problem), (status = 409, body = daftar_domain::wire::Problem), (status = 422, body = daftar_domain::wire::Problem)))]
pub async fn attach_handler(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<String>,
    header: IdempotencyHeader,
    Json(request): Json<AttachReceiptRequest>,
) -> Result<Response, ApiError> {
    let id = parse_file_id(&id)?;
    let (state, user) = (&state, &user);
    idempotent(
        state,
        user,
        header,
        &format!("attach:{id}"),
        request,
        StatusCode::OK,
        move |request, idempotency| async move { attach_receipt(state, user, &id, request, &idempotency).await },
    )
    .await
}

/// Links another file to this one.
#[utoipa::path(post, path = "/api/v1/files/{id}/links", tag = "files", request_body = LinkFileRequest,
    params(("id" = String, Path), ("Idempotency-Key" = Option<String>, Header, description = "Makes a retry safe")),
    responses((status = 200, body = FileView), (status = 403, body = daftar_domain::wire::Problem), (status = 409, body = daftar_domain::wire::Problem), (status = 422, body = daftar_domain::wire::Problem)))]
pub async fn link_handler(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<String>,
    header: IdempotencyHeader,
    Json(request): Json<LinkFileRequest>,
) -> Result<Response, ApiError> {
    let id = parse_file_id(&id)?;
    let (state, user) = (&state, &user);
    idempotent(
        state,
        user,
        header,
        &format!("link:{id}"),
        request,
        StatusCode::OK,
        move |request, idempotency| async move { link(state, user, &id, request, &idempotency).await },
    )
    .await
}

/// Runs one page of a list kept in a viewable file's partition.
async fn file_page<T: serde::de::DeserializeOwned>(
    state: &AppState,
    user: &CurrentUser,
    id: &str,
    prefix: &str,
    params: PageParams,
) -> Result<Json<Page<T>>, ApiError> {
    let id = parse_file_id(id)?;
    load_viewable_file(state, user, &id).await?;
    let query = daftar_store::Query::new(Index::Table, keys::file_partition(&id));
    Ok(Json(page_of(state.store.as_ref(), query, prefix, params).await?))
}

/// The receipts in a file, in the order they were put in.
#[utoipa::path(get, path = "/api/v1/files/{id}/correspondence", tag = "files", params(("id" = String, Path), PageParams),
    responses((status = 200, body = Page<CorrespondenceEntry>), (status = 403, body = daftar_domain::wire::Problem)))]
pub async fn correspondence(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<String>,
    Query(params): Query<PageParams>,
) -> Result<Json<Page<CorrespondenceEntry>>, ApiError> {
    file_page(&state, &user, &id, keys::CORRESPONDENCE_PREFIX, params).await
}

/// Files linked to this one.
#[utoipa::path(get, path = "/api/v1/files/{id}/links", tag = "files", params(("id" = String, Path), PageParams),
    responses((status = 200, body = Page<LinkedFile>), (status = 403, body = daftar_domain::wire::Problem)))]
pub async fn links(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<String>,
    Query(params): Query<PageParams>,
) -> Result<Json<Page<LinkedFile>>, ApiError> {
    file_page(&state, &user, &id, keys::LINK_PREFIX, params).await
}

/// Every history entry of a file, oldest first, exactly as sealed.
#[utoipa::path(get, path = "/api/v1/files/{id}/history", tag = "files", params(("id" = String, Path), PageParams),
    responses((status = 200, body = Page<FileEventEntry>), (status = 403, body = daftar_domain::wire::Problem)))]
pub async fn history_handler(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<String>,
    Query(params): Query<PageParams>,
) -> Result<Json<Page<FileEventEntry>>, ApiError> {
    file_page(&state, &user, &id, keys::EVENT_PREFIX, params).await
}

/// Where the file has been: each desk, when it arrived and left, and the time spent there.
#[utoipa::path(get, path = "/api/v1/files/{id}/track", tag = "files", params(("id" = String, Path)),
    responses((status = 200, body = Vec<StayView>), (status = 403, body = daftar_domain::wire::Problem)))]
pub async fn track(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<String>,
) -> Result<Json<Vec<StayView>>, ApiError> {
    let id = parse_file_id(&id)?;
    load_viewable_file(&state, &user, &id).await?;
    let entries = history(state.store.as_ref(), &id).await?;
    let mut labels: HashMap<PostId, PostLabel> = HashMap::new();
    for entry in &entries {
        labels.insert(entry.event.at_post.clone(), entry.at_label.clone());
        if let (Some(to), Some(label)) = (&entry.event.to_post, &entry.to_label) {
            labels.insert(to.clone(), label.clone());
        }
    }
    let events: Vec<_> = entries.into_iter().map(|entry| entry.event).collect();
    let stays = track_file(&events, state.now())
        .into_iter()
        .map(|stay| StayView {
            label: labels.get(&stay.post).cloned().unwrap_or_else(|| PostLabel {
                title_en: stay.post.to_string(),
                title_hi: stay.post.to_string(),
                office_name_en: String::new(),
                office_name_hi: String::new(),
            }),
            stay,
        })
        .collect();
    Ok(Json(stays))
}

/// Recomputes the file's hash chain and reports the first broken entry, if any.
#[utoipa::path(get, path = "/api/v1/files/{id}/verify", tag = "files", params(("id" = String, Path)),
    responses((status = 200, body = ChainReport), (status = 403, body = daftar_domain::wire::Problem)))]
pub async fn verify(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<String>,
) -> Result<Json<ChainReport>, ApiError> {
    let id = parse_file_id(&id)?;
    let file = load_viewable_file(&state, &user, &id).await?;
    let store = state.store.as_ref();
    let events: Vec<_> = history(store, &id).await?.into_iter().map(|e| e.event).collect();
    let notes: Vec<_> = notes(store, &id).await?.into_iter().map(|n| n.note).collect();
    let versions = draft_versions(store, &id).await?;
    let sealed = Sealed {
        notes: &notes,
        draft_versions: &versions,
    };
    Ok(Json(verify_chain(&events, sealed, file.events, &file.last_hash)))
}

#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct LookupParams {
    /// A file number exactly as written, for example `FIN-GEN/BUDGET/12/2026`.
    pub number: String,
}

/// Finds a file by its number.
#[utoipa::path(get, path = "/api/v1/files/lookup", tag = "files", params(LookupParams),
    responses((status = 200, body = FileRow), (status = 403, body = daftar_domain::wire::Problem), (status = 404, body = daftar_domain::wire::Problem)))]
pub async fn lookup(
    State(state): State<AppState>,
    user: CurrentUser,
    Query(params): Query<LookupParams>,
) -> Result<Json<FileRow>, ApiError> {
    Ok(Json(lookup_by_number(&state, &user, &params.number).await?))
}

#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct DeskParams {
    /// Which list: inbox (default), parked, closed, sent or created.
    #[serde(default)]
    pub view: DeskView,
    pub limit: Option<u32>,
    pub cursor: Option<String>,
}

/// One of a desk's file lists, newest first.
#[utoipa::path(get, path = "/api/v1/posts/{post}/files", tag = "files", params(("post" = String, Path), DeskParams),
    responses((status = 200, body = Page<FileRow>), (status = 403, body = daftar_domain::wire::Problem)))]
pub async fn desk(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(post): Path<String>,
    Query(params): Query<DeskParams>,
) -> Result<Json<Page<FileRow>>, ApiError> {
    let post = PostId::parse(&post).map_err(|e| ApiError::invalid("post", e))?;
    authorize(&user.actor, Action::ViewInbox, Resource::Post(&post))?;
    let mut query = daftar_store::Query::new(Index::Table, keys::inbox_partition(&post));
    query.ascending = false;
    let page = PageParams {
        limit: params.limit,
        cursor: params.cursor,
    };
    Ok(Json(
        page_of(state.store.as_ref(), query, super::desk_prefix(params.view), page).await?,
    ))
}

/// One of a note's attachments (1 is the first).
#[utoipa::path(get, path = "/api/v1/files/{id}/notes/{note}/attachments/{n}", tag = "files",
    params(("id" = String, Path), ("note" = u32, Path), ("n" = usize, Path)),
    responses((status = 200, description = "The attachment's bytes"), (status = 403, body = daftar_domain::wire::Problem), (status = 404, body = daftar_domain::wire::Problem)))]
pub async fn note_attachment(
    State(state): State<AppState>,
    user: CurrentUser,
    Path((id, note, n)): Path<(String, u32, usize)>,
) -> Result<Response, ApiError> {
    let id = parse_file_id(&id)?;
    let file = load_viewable_file(&state, &user, &id).await?;
    let stored = load_note(&state, &id, note).await?;
    if !may_see_note(&user, &file, &stored.note) {
        return Err(ApiError::NotFound("note"));
    }
    crate::uploads::serve_nth(&state, &stored.note.attachments, n).await
}

/// One of a digitised file's scanned volumes (1 is the first).
#[utoipa::path(get, path = "/api/v1/files/{id}/scans/{n}", tag = "files", params(("id" = String, Path), ("n" = usize, Path)),
    responses((status = 200, description = "The scan's bytes"), (status = 403, body = daftar_domain::wire::Problem), (status = 404, body = daftar_domain::wire::Problem)))]
pub async fn scan(
    State(state): State<AppState>,
    user: CurrentUser,
    Path((id, n)): Path<(String, usize)>,
) -> Result<Response, ApiError> {
    let file = load_viewable_file(&state, &user, &parse_file_id(&id)?).await?;
    crate::uploads::serve_nth(&state, &file.scans, n).await
}

/// Starts a draft letter on the file.
#[utoipa::path(post, path = "/api/v1/files/{id}/drafts", tag = "files", request_body = DraftRequest,
    params(("id" = String, Path), ("Idempotency-Key" = Option<String>, Header, description = "Makes a retry safe")),
    responses((status = 200, body = FileView), (status = 403, body = daftar_domain::wire::Problem), (status = 409, body = daftar_domain::wire::Problem), (status = 422, body = daftar_domain::wire::Problem)))]
pub async fn start_draft(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<String>,
    header: IdempotencyHeader,
    Json(request): Json<DraftRequest>,
) -> Result<Response, ApiError> {
    let id = parse_file_id(&id)?;
    let (state, user) = (&state, &user);
    idempotent(
        state,
        user,
        header,
        &format!("draft:{id}"),
        request,
        StatusCode::OK,
        move |request, idempotency| async move { write_draft(state, user, &id, None, request, &idempotency).await },
    )
    .await
}

/// Revises a draft: a new version, to be approved afresh.
#[utoipa::path(post, path = "/api/v1/files/{id}/drafts/{n}/revise", tag = "files", request_body = DraftRequest,
    params(("id" = String, Path), ("n" = u32, Path), ("Idempotency-Key" = Option<String>, Header, description = "Makes a retry safe")),
    responses((status = 200, body = FileView), (status = 403, body = daftar_domain::wire::Problem), (status = 409, body = daftar_domain::wire::Problem), (status = 422, body = daftar_domain::wire::Problem)))]
pub async fn revise_draft(
    State(state): State<AppState>,
    user: CurrentUser,
    Path((id, n)): Path<(String, u32)>,
    header: IdempotencyHeader,
    Json(request): Json<DraftRequest>,
) -> Result<Response, ApiError> {
    let id = parse_file_id(&id)?;
    let (state, user) = (&state, &user);
    idempotent(
        state,
        user,
        header,
        &format!("revise:{id}:{n}"),
        request,
        StatusCode::OK,
        move |request, idempotency| async move { write_draft(state, user, &id, Some(n), request, &idempotency).await },
    )
    .await
}

/// Approves a draft's latest version.
#[utoipa::path(post, path = "/api/v1/files/{id}/drafts/{n}/approve", tag = "files", request_body = VersionOnly,
    params(("id" = String, Path), ("n" = u32, Path), ("Idempotency-Key" = Option<String>, Header, description = "Makes a retry safe")),
    responses((status = 200, body = FileView), (status = 403, body = daftar_domain::wire::Problem), (status = 409, body = daftar_domain::wire::Problem)))]
pub async fn approve(
    State(state): State<AppState>,
    user: CurrentUser,
    Path((id, n)): Path<(String, u32)>,
    header: IdempotencyHeader,
    Json(request): Json<VersionOnly>,
) -> Result<Response, ApiError> {
    let id = parse_file_id(&id)?;
    let (state, user) = (&state, &user);
    idempotent(state, user, header, &format!("approve:{id}:{n}"), request, StatusCode::OK, move |request, idempotency| async move {
        approve_draft(state, user, &id, n, request.version, &idempotency).await
    })
    .await
}

/// Issues an approved draft through the office's dispatch register.
#[utoipa::path(post, path = "/api/v1/files/{id}/drafts/{n}/issue", tag = "files", request_body = IssueRequest,
    params(("id" = String, Path), ("n" = u32, Path), ("Idempotency-Key" = Option<String>, Header, description = "Makes a retry safe")),
    responses((status = 200, body = FileView), (status = 403, body = daftar_domain::wire::Problem), (status = 409, body = daftar_domain::wire::Problem)))]
pub async fn issue(
    State(state): State<AppState>,
    user: CurrentUser,
    Path((id, n)): Path<(String, u32)>,
    header: IdempotencyHeader,
    Json(request): Json<IssueRequest>,
) -> Result<Response, ApiError> {
    let id = parse_file_id(&id)?;
    let (state, user) = (&state, &user);
    idempotent(
        state,
        user,
        header,
        &format!("issue:{id}:{n}"),
        request,
        StatusCode::OK,
        move |request, idempotency| async move { issue_draft(state, user, &id, n, request, &idempotency).await },
    )
    .await
}

/// The drafts on a file, each with its latest version, approval and dispatch number.
#[utoipa::path(get, path = "/api/v1/files/{id}/drafts", tag = "files", params(("id" = String, Path), PageParams),
    responses((status = 200, body = Page<DraftView>), (status = 403, body = daftar_domain::wire::Problem)))]
pub async fn list_drafts(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<String>,
    Query(params): Query<PageParams>,
) -> Result<Json<Page<DraftView>>, ApiError> {
    file_page(&state, &user, &id, keys::DRAFT_PREFIX, params).await
}

/// Every version of a draft, oldest first.
#[utoipa::path(get, path = "/api/v1/files/{id}/drafts/{n}/versions", tag = "files", params(("id" = String, Path), ("n" = u32, Path), PageParams),
    responses((status = 200, body = Page<DraftVersion>), (status = 403, body = daftar_domain::wire::Problem)))]
pub async fn list_draft_versions(
    State(state): State<AppState>,
    user: CurrentUser,
    Path((id, n)): Path<(String, u32)>,
    Query(params): Query<PageParams>,
) -> Result<Json<Page<DraftVersion>>, ApiError> {
    file_page(&state, &user, &id, &keys::draft_versions_prefix(n), params).await
}

#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct RegisterParams {
    /// The register's year (default: this year).
    pub year: Option<i32>,
    pub limit: Option<u32>,
    pub cursor: Option<String>,
}

/// An office's dispatch register for a year, in number order.
#[utoipa::path(get, path = "/api/v1/offices/{office}/dispatch", tag = "files", params(("office" = String, Path), RegisterParams),
    responses((status = 200, body = Page<DispatchEntry>), (status = 403, body = daftar_domain::wire::Problem)))]
pub async fn dispatch_register(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(office): Path<String>,
    Query(params): Query<RegisterParams>,
) -> Result<Json<Page<DispatchEntry>>, ApiError> {
    let office = OfficeCode::parse(&office).map_err(|e| ApiError::invalid("office", e))?;
    authorize(&user.actor, Action::KeepDispatchRegister, Resource::Office(&office))?;
    let year = params
        .year
        .unwrap_or_else(|| daftar_domain::local_time::office_date(state.now()).year());
    let page = PageParams {
        limit: params.limit,
        cursor: params.cursor,
    };
    Ok(Json(register_page(state.store.as_ref(), &office, year, page).await?))
}

/// A page of an office's dispatch register for a year, in number order (also the dispatch
/// register report's page).
pub(crate) async fn register_page(
    store: &dyn daftar_store::Store,
    office: &OfficeCode,
    year: i32,
    page: PageParams,
) -> Result<Page<DispatchEntry>, ApiError> {
    let query = daftar_store::Query::new(Index::Table, keys::office_partition(office));
    page_of(store, query, &keys::dispatch_year_prefix(year), page).await
}

/// Records that an issued letter left the office.
#[utoipa::path(post, path = "/api/v1/offices/{office}/dispatch/{year}/{serial}/dispatched", tag = "files", request_body = DispatchedRequest,
    params(("office" = String, Path), ("year" = i32, Path), ("serial" = u32, Path), ("Idempotency-Key" = Option<String>, Header, description = "Makes a retry safe")),
    responses((status = 200, body = DispatchEntry), (status = 403, body = daftar_domain::wire::Problem), (status = 409, body = daftar_domain::wire::Problem)))]
pub async fn dispatched(
    State(state): State<AppState>,
    user: CurrentUser,
    Path((office, year, serial)): Path<(String, i32, u32)>,
    header: IdempotencyHeader,
    Json(request): Json<DispatchedRequest>,
) -> Result<Response, ApiError> {
    let office = OfficeCode::parse(&office).map_err(|_| ApiError::NotFound("dispatch entry"))?;
    let route = format!("dispatched:{office}:{year}:{serial}");
    let (state, user) = (&state, &user);
    idempotent(
        state,
        user,
        header,
        &route,
        request,
        StatusCode::OK,
        move |request, idempotency| async move {
            mark_dispatched(state, user, &office, (year, serial), request, &idempotency).await
        },
    )
    .await
}

/// Attaches another file from the holder's desk under this one (merge).
#[utoipa::path(post, path = "/api/v1/files/{id}/merge", tag = "files", request_body = MergeRequest,
    params(("id" = String, Path), ("Idempotency-Key" = Option<String>, Header, description = "Makes a retry safe")),
    responses((status = 200, body = FileView), (status = 403, body = daftar_domain::wire::Problem), (status = 409, body = daftar_domain::wire::Problem), (status = 422, body = daftar_domain::wire::Problem)))]
pub async fn merge_handler(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<String>,
    header: IdempotencyHeader,
    Json(request): Json<MergeRequest>,
) -> Result<Response, ApiError> {
    let id = parse_file_id(&id)?;
    let (state, user) = (&state, &user);
    idempotent(
        state,
        user,
        header,
        &format!("merge:{id}"),
        request,
        StatusCode::OK,
        move |request, idempotency| async move { merge(state, user, &id, request, &idempotency).await },
    )
    .await
}

/// Closes this volume and opens the next one at the same desk.
#[utoipa::path(post, path = "/api/v1/files/{id}/volumes", tag = "files", request_body = VersionOnly,
    params(("id" = String, Path), ("Idempotency-Key" = Option<String>, Header, description = "Makes a retry safe")),
    responses((status = 201, body = FileView), (status = 403, body = daftar_domain::wire::Problem), (status = 409, body = daftar_domain::wire::Problem)))]
pub async fn volume_handler(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<String>,
    header: IdempotencyHeader,
    Json(request): Json<VersionOnly>,
) -> Result<Response, ApiError> {
    let id = parse_file_id(&id)?;
    let (state, user) = (&state, &user);
    idempotent(
        state,
        user,
        header,
        &format!("volume:{id}"),
        request,
        StatusCode::CREATED,
        move |request, idempotency| async move { open_volume(state, user, &id, request.version, &idempotency).await },
    )
    .await
}

/// Opens a part file of this file at one of the caller's posts.
#[utoipa::path(post, path = "/api/v1/files/{id}/parts", tag = "files", request_body = OpenPartRequest,
    params(("id" = String, Path), ("Idempotency-Key" = Option<String>, Header, description = "Makes a retry safe")),
    responses((status = 201, body = FileView), (status = 403, body = daftar_domain::wire::Problem), (status = 409, body = daftar_domain::wire::Problem)))]
pub async fn part_handler(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<String>,
    header: IdempotencyHeader,
    Json(request): Json<OpenPartRequest>,
) -> Result<Response, ApiError> {
    let id = parse_file_id(&id)?;
    let (state, user) = (&state, &user);
    idempotent(
        state,
        user,
        header,
        &format!("part:{id}"),
        request,
        StatusCode::CREATED,
        move |request, idempotency| async move { open_part(state, user, &id, request, &idempotency).await },
    )
    .await
}

fn parse_dept(raw: &str) -> Result<daftar_domain::DeptCode, ApiError> {
    daftar_domain::DeptCode::parse(raw).map_err(|_| ApiError::NotFound("department"))
}

/// How a department numbers its files.
#[utoipa::path(get, path = "/api/v1/departments/{dept}/file-numbering", tag = "files", params(("dept" = String, Path)),
    responses((status = 200, body = FileNumbering)))]
pub async fn file_numbering(
    State(state): State<AppState>,
    _user: CurrentUser,
    Path(dept): Path<String>,
) -> Result<Json<FileNumbering>, ApiError> {
    let scheme = super::numbering_scheme(state.store.as_ref(), &parse_dept(&dept)?).await?;
    Ok(Json(FileNumbering { scheme }))
}

/// Sets how a department numbers its files (administrators). Numbers already given stay taken.
#[utoipa::path(put, path = "/api/v1/departments/{dept}/file-numbering", tag = "files", params(("dept" = String, Path)),
    request_body = FileNumbering,
    responses((status = 200, body = FileNumbering), (status = 403, body = daftar_domain::wire::Problem), (status = 422, body = daftar_domain::wire::Problem)))]
pub async fn set_file_numbering(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(dept): Path<String>,
    Json(request): Json<FileNumbering>,
) -> Result<Json<FileNumbering>, ApiError> {
    super::set_numbering_scheme(&state, &user, &parse_dept(&dept)?, request.scheme.clone()).await?;
    Ok(Json(request))
}

/// One enclosure of a draft version (1 is the first).
#[utoipa::path(get, path = "/api/v1/files/{id}/drafts/{n}/versions/{v}/enclosures/{k}", tag = "files",
    params(("id" = String, Path), ("n" = u32, Path), ("v" = u32, Path), ("k" = usize, Path)),
    responses((status = 200, description = "The enclosure's bytes"), (status = 403, body = daftar_domain::wire::Problem), (status = 404, body = daftar_domain::wire::Problem)))]
pub async fn enclosure(
    State(state): State<AppState>,
    user: CurrentUser,
    Path((id, n, v, k)): Path<(String, u32, u32, usize)>,
) -> Result<Response, ApiError> {
    let id = parse_file_id(&id)?;
    load_viewable_file(&state, &user, &id).await?;
    let version = super::load_draft_version(&state, &id, (n, v)).await?;
    crate::uploads::serve_nth(&state, &version.enclosures, k).await
}
