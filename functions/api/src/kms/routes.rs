//! The knowledge base's endpoints under `/api/v1/kms`.

use super::{date_key, document_write, editor_posts, editors_item, new_version_writes, not_an_editor, refuse, reindex};
use crate::auth::CurrentUser;
use crate::error::{ApiError, Json, Query};
use crate::idempotency::{idempotent, IdempotencyHeader};
use crate::keys;
use crate::pagination::{page_of, PageParams};
use crate::state::AppState;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{delete, get, post};
use axum::Router;
use daftar_domain::attachment::Attachment;
use daftar_domain::auth::{authorize, Action, Resource};
use daftar_domain::kms::{
    date_range, number_prefix, query_terms, Category, DocNumber, DocumentMeta, DocumentVersion, Folder, FolderId,
    KmsChange, KmsDocId, KmsDocument, KmsDocumentView, KmsEditors, KmsHit, KmsRefusal, NewDocument, NewFolder,
    NewSubscription, ReviseDocument, RollBack, Subscription, SubscriptionTarget, Supersede, Withdraw,
    MAX_SUBSCRIPTIONS, MAX_VERSION_ATTACHMENTS,
};
use daftar_domain::wire::{Page, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE};
use daftar_domain::DeptCode;
use daftar_store::{Condition, Index, Item, SortRange, Store, StoreError, Write};
use rand::Rng;
use serde::Deserialize;
use time::Date;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/api/v1/kms/folders", get(folders).post(create_folder))
        .route("/api/v1/kms/folders/{id}/documents", get(folder_documents))
        .route("/api/v1/kms/documents", post(create_document))
        .route("/api/v1/kms/documents/{id}", get(document).put(revise_document))
        .route("/api/v1/kms/documents/{id}/versions", get(versions))
        .route(
            "/api/v1/kms/documents/{id}/versions/{n}/attachments/{k}",
            get(version_attachment),
        )
        .route("/api/v1/kms/documents/{id}/rollback", post(roll_back))
        .route("/api/v1/kms/documents/{id}/supersede", post(supersede))
        .route("/api/v1/kms/documents/{id}/withdraw", post(withdraw))
        .route("/api/v1/kms/search", get(search))
        .route("/api/v1/kms/subscriptions", get(subscriptions).post(subscribe))
        .route("/api/v1/kms/subscriptions/{token}", delete(unsubscribe))
        .route("/api/v1/kms/inbox", get(inbox))
        .route("/api/v1/kms/editing", get(editing))
        .route("/api/v1/kms/departments/{dept}/editors", get(editors).put(set_editors))
}

fn view_kms(user: &CurrentUser) -> Result<(), ApiError> {
    authorize(&user.actor, Action::ViewKms, Resource::Organisation).map_err(ApiError::from)
}

/// Refuses unless the user is a KMS editor of `dept` (one read: the department's editor posts).
async fn must_edit(state: &AppState, user: &CurrentUser, dept: &DeptCode) -> Result<(), ApiError> {
    let posts = editor_posts(state.store.as_ref(), dept).await?;
    authorize(
        &user.actor,
        Action::ManageKms,
        Resource::KmsDepartment {
            dept,
            editor_posts: &posts,
        },
    )
    .map_err(not_an_editor)
}

async fn may_edit(state: &AppState, user: &CurrentUser, dept: &DeptCode) -> Result<bool, ApiError> {
    Ok(match must_edit(state, user, dept).await {
        Ok(()) => true,
        Err(ApiError::Localised { inner, .. }) if matches!(*inner, ApiError::Forbidden(_)) => false,
        Err(other) => return Err(other),
    })
}

fn parse_document_id(raw: &str) -> Result<KmsDocId, ApiError> {
    KmsDocId::parse(raw).map_err(|_| not_found())
}

fn not_found() -> ApiError {
    ApiError::NotFound("document").with_hindi("दस्तावेज़ नहीं मिला")
}

fn folder_not_found() -> ApiError {
    ApiError::NotFound("folder").with_hindi("फ़ोल्डर नहीं मिला")
}

/// A document and its record's version.
pub async fn load_document(store: &dyn Store, id: &KmsDocId) -> Result<(KmsDocument, u64), ApiError> {
    let item = store.get(&keys::kms_document(id)).await?.ok_or_else(not_found)?;
    Ok((item.parse()?, item.version))
}

async fn load_folder(store: &dyn Store, id: &FolderId) -> Result<Option<Folder>, ApiError> {
    store
        .get(&keys::kms_folder(id))
        .await?
        .map(|i| i.parse())
        .transpose()
        .map_err(Into::into)
}

/// The folder a version files the document in: it must exist and belong to its department.
async fn check_folder(store: &dyn Store, folder: &FolderId, dept: &DeptCode) -> Result<(), ApiError> {
    match load_folder(store, folder).await? {
        Some(f) if &f.dept == dept => Ok(()),
        Some(_) => Err(
            ApiError::invalid("folder", format!("folder {folder} belongs to another department"))
                .with_hindi(format!("फ़ोल्डर {folder} किसी अन्य विभाग का है")),
        ),
        None => Err(ApiError::invalid("folder", format!("there is no folder {folder}"))
            .with_hindi(format!("फ़ोल्डर {folder} मौजूद नहीं है"))),
    }
}

/// Refuses a change made on a stale read: someone else changed the document first.
fn check_version(sent: u64, current: u64) -> Result<(), ApiError> {
    if sent == current {
        Ok(())
    } else {
        Err(stale(Some(current)))
    }
}

fn stale(current_version: Option<u64>) -> ApiError {
    ApiError::Conflict {
        message: "someone else changed this document first; reload and try again".into(),
        current_version,
    }
    .with_hindi("आपके खोलने के बाद यह दस्तावेज़ बदल गया है; पुनः लोड करके फिर प्रयास करें")
}

/// A store failure of a document's transaction, as the caller should see it.
fn transaction_failed(error: StoreError) -> ApiError {
    match error {
        StoreError::ConditionFailed { .. } => stale(None),
        other => other.into(),
    }
}

fn view(document: KmsDocument, version: u64, may_edit: bool) -> KmsDocumentView {
    KmsDocumentView {
        document,
        version,
        may_edit,
    }
}

fn random_id(prefix: &str) -> String {
    let n: u64 = rand::thread_rng().gen();
    format!("{prefix}-{n:016X}")
}

// ---- Folders ----

#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct FolderParams {
    /// Only this department's folders.
    pub dept: Option<String>,
    pub limit: Option<u32>,
    pub cursor: Option<String>,
}

/// Lists the knowledge base's folders, by department.
#[utoipa::path(get, operation_id = "kms_folders", path = "/api/v1/kms/folders", tag = "kms", params(FolderParams),
    responses((status = 200, body = Page<Folder>), (status = 422, body = daftar_domain::wire::Problem)))]
pub async fn folders(
    State(state): State<AppState>,
    user: CurrentUser,
    Query(params): Query<FolderParams>,
) -> Result<Json<Page<Folder>>, ApiError> {
    view_kms(&user)?;
    let prefix = match &params.dept {
        Some(raw) => format!("{}#", DeptCode::parse(raw).map_err(|e| ApiError::invalid("dept", e))?),
        None => String::new(),
    };
    let query = daftar_store::Query::new(Index::Table, keys::KMS_FOLDERS_PARTITION);
    let page = PageParams {
        limit: params.limit,
        cursor: params.cursor,
    };
    Ok(Json(page_of(state.store.as_ref(), query, &prefix, page).await?))
}

/// Opens a folder in a department's knowledge base (its KMS editors only).
#[utoipa::path(post, operation_id = "kms_create_folder", path = "/api/v1/kms/folders", tag = "kms", request_body = NewFolder,
    params(("Idempotency-Key" = Option<String>, Header, description = "Makes a retry safe")),
    responses((status = 201, body = Folder), (status = 403, body = daftar_domain::wire::Problem), (status = 422, body = daftar_domain::wire::Problem)))]
pub async fn create_folder(
    State(state): State<AppState>,
    user: CurrentUser,
    header: IdempotencyHeader,
    Json(request): Json<NewFolder>,
) -> Result<Response, ApiError> {
    idempotent(
        &state,
        &user,
        header,
        "kms-folder",
        request,
        StatusCode::CREATED,
        |request, idempotency| {
            let (state, user) = (&state, &user);
            async move {
                must_edit(state, user, &request.dept).await?;
                let (name_en, name_hi) = request.names().map_err(refuse)?;
                let now = state.now();
                let folder = Folder {
                    id: FolderId::parse(&random_id("KF")).expect("generated folder ids are well formed"),
                    dept: request.dept,
                    name_en,
                    name_hi,
                    created_by: user.actor.employee.clone(),
                    created_at: now,
                };
                let body = serde_json::to_value(&folder).expect("folders serialise");
                let writes = vec![
                    Write::Put {
                        item: Item::new(keys::kms_folder(&folder.id), body.clone()),
                        condition: Condition::NotExists,
                    },
                    Write::Put {
                        item: Item::new(keys::kms_folder_listed(&folder.dept, &folder.id), body),
                        condition: Condition::NotExists,
                    },
                ];
                idempotency
                    .commit(
                        state.store.as_ref(),
                        writes,
                        StatusCode::CREATED,
                        folder,
                        now.unix_timestamp(),
                    )
                    .await?
                    .map_err(ApiError::from)
            }
        },
    )
    .await
}

/// A folder's documents, newest issue date first.
#[utoipa::path(get, operation_id = "kms_folder_documents", path = "/api/v1/kms/folders/{id}/documents", tag = "kms", params(("id" = String, Path), PageParams),
    responses((status = 200, body = Page<KmsHit>), (status = 404, body = daftar_domain::wire::Problem)))]
pub async fn folder_documents(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<String>,
    Query(params): Query<PageParams>,
) -> Result<Json<Page<KmsHit>>, ApiError> {
    view_kms(&user)?;
    let id = FolderId::parse(&id).map_err(|_| folder_not_found())?;
    load_folder(state.store.as_ref(), &id)
        .await?
        .ok_or_else(folder_not_found)?;
    let mut query = daftar_store::Query::new(Index::Table, keys::kms_folder_partition(&id));
    query.ascending = false;
    Ok(Json(
        page_of(state.store.as_ref(), query, keys::KMS_FOLDER_DOCUMENT_PREFIX, params).await?,
    ))
}

// ---- Documents ----

/// Claims a version's new uploads (at most [`MAX_VERSION_ATTACHMENTS`] with those kept).
async fn claim_uploads(
    state: &AppState,
    user: &CurrentUser,
    kept: Vec<Attachment>,
    uploads: &[daftar_domain::UploadId],
) -> Result<(Vec<Attachment>, Vec<Write>), ApiError> {
    if kept.len() + uploads.len() > MAX_VERSION_ATTACHMENTS {
        return Err(refuse(KmsRefusal::TooManyAttachments {
            max: MAX_VERSION_ATTACHMENTS,
        }));
    }
    let (added, writes) = crate::uploads::claim(state, user, uploads, "attachments")
        .await
        .map_err(|e| match e {
            ApiError::Invalid { .. } => e.with_hindi("संलग्नक अमान्य है: अपलोड पूरा नहीं हुआ या पहले ही उपयोग हो चुका है"),
            other => other,
        })?;
    let mut attachments = kept;
    attachments.extend(added);
    Ok((attachments, writes))
}

/// Issues a new document (version 1) in a department's knowledge base.
#[utoipa::path(post, operation_id = "kms_create_document", path = "/api/v1/kms/documents", tag = "kms", request_body = NewDocument,
    params(("Idempotency-Key" = Option<String>, Header, description = "Makes a retry safe")),
    responses((status = 201, body = KmsDocumentView), (status = 403, body = daftar_domain::wire::Problem), (status = 422, body = daftar_domain::wire::Problem)))]
pub async fn create_document(
    State(state): State<AppState>,
    user: CurrentUser,
    header: IdempotencyHeader,
    Json(request): Json<NewDocument>,
) -> Result<Response, ApiError> {
    idempotent(
        &state,
        &user,
        header,
        "kms-document",
        request,
        StatusCode::CREATED,
        |request, idempotency| {
            let (state, user) = (&state, &user);
            async move {
                must_edit(state, user, &request.dept).await?;
                let number = DocNumber::parse(&request.number).map_err(refuse)?;
                let meta = DocumentMeta::parse(&request.input).map_err(refuse)?;
                let store = state.store.as_ref();
                if store.get(&keys::kms_number(&number.normalised())).await?.is_some() {
                    return Err(number_taken(&number));
                }
                check_folder(store, &meta.folder, &request.dept).await?;
                let (attachments, claims) = claim_uploads(state, user, Vec::new(), &request.attachments).await?;
                let document = KmsDocument::issue(
                    KmsDocId::parse(&random_id("KD")).expect("generated document ids are well formed"),
                    number.clone(),
                    request.dept,
                    request.category,
                    meta,
                    attachments,
                    user.actor.employee.clone(),
                    state.now(),
                )
                .map_err(refuse)?;
                let mut writes = new_version_writes(None, &document);
                writes.extend(claims);
                let response = view(document, 1, true);
                match idempotency
                    .commit(
                        store,
                        writes,
                        StatusCode::CREATED,
                        response,
                        state.now().unix_timestamp(),
                    )
                    .await?
                {
                    Ok(outcome) => Ok(outcome),
                    // The number row is the transaction's first write: a twin number won the race.
                    Err(StoreError::ConditionFailed { index: 0, .. }) => Err(number_taken(&number)),
                    Err(other) => Err(transaction_failed(other)),
                }
            }
        },
    )
    .await
}

fn number_taken(number: &DocNumber) -> ApiError {
    ApiError::invalid("number", format!("another document already has the number {number}"))
        .with_hindi(format!("संख्या {number} पहले से किसी अन्य दस्तावेज़ की है"))
}

/// A document: its current version, validity and links.
#[utoipa::path(get, operation_id = "kms_document", path = "/api/v1/kms/documents/{id}", tag = "kms", params(("id" = String, Path)),
    responses((status = 200, body = KmsDocumentView), (status = 404, body = daftar_domain::wire::Problem)))]
pub async fn document(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<String>,
) -> Result<Json<KmsDocumentView>, ApiError> {
    view_kms(&user)?;
    let (document, version) = load_document(state.store.as_ref(), &parse_document_id(&id)?).await?;
    let may = may_edit(&state, &user, &document.dept).await?;
    Ok(Json(view(document, version, may)))
}

/// Adds a version: new text, tags or date, with attachments kept, dropped or added.
#[utoipa::path(put, operation_id = "kms_revise_document", path = "/api/v1/kms/documents/{id}", tag = "kms", params(("id" = String, Path)), request_body = ReviseDocument,
    responses((status = 200, body = KmsDocumentView), (status = 403, body = daftar_domain::wire::Problem), (status = 409, body = daftar_domain::wire::Problem), (status = 422, body = daftar_domain::wire::Problem)))]
pub async fn revise_document(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<String>,
    Json(request): Json<ReviseDocument>,
) -> Result<Json<KmsDocumentView>, ApiError> {
    let store = state.store.as_ref();
    let (current, version) = load_document(store, &parse_document_id(&id)?).await?;
    must_edit(&state, &user, &current.dept).await?;
    check_version(request.version, version)?;
    let meta = DocumentMeta::parse(&request.input).map_err(refuse)?;
    check_folder(store, &meta.folder, &current.dept).await?;
    let existing = &current.current.attachments;
    if let Some(bad) = request
        .drop_attachments
        .iter()
        .find(|k| **k == 0 || **k as usize > existing.len())
    {
        return Err(
            ApiError::invalid("drop_attachments", format!("there is no attachment {bad}"))
                .with_hindi(format!("संलग्नक {bad} मौजूद नहीं है")),
        );
    }
    let kept: Vec<Attachment> = existing
        .iter()
        .enumerate()
        .filter(|(i, _)| !request.drop_attachments.contains(&(*i as u32 + 1)))
        .map(|(_, a)| a.clone())
        .collect();
    let (attachments, claims) = claim_uploads(&state, &user, kept, &request.attachments).await?;
    let revised = current
        .revise(meta, attachments, user.actor.employee.clone(), state.now())
        .map_err(refuse)?;
    let mut writes = new_version_writes(Some((&current, version)), &revised);
    writes.extend(claims);
    store.transact(writes).await.map_err(transaction_failed)?;
    Ok(Json(view(revised, version + 1, true)))
}

/// A document's versions, newest first.
#[utoipa::path(get, operation_id = "kms_versions", path = "/api/v1/kms/documents/{id}/versions", tag = "kms", params(("id" = String, Path), PageParams),
    responses((status = 200, body = Page<DocumentVersion>), (status = 404, body = daftar_domain::wire::Problem)))]
pub async fn versions(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<String>,
    Query(params): Query<PageParams>,
) -> Result<Json<Page<DocumentVersion>>, ApiError> {
    view_kms(&user)?;
    let id = parse_document_id(&id)?;
    load_document(state.store.as_ref(), &id).await?;
    let mut query = daftar_store::Query::new(Index::Table, keys::kms_document_partition(&id));
    query.ascending = false;
    Ok(Json(
        page_of(state.store.as_ref(), query, keys::KMS_VERSION_PREFIX, params).await?,
    ))
}

async fn load_version(store: &dyn Store, id: &KmsDocId, n: u32) -> Result<Option<DocumentVersion>, ApiError> {
    store
        .get(&keys::kms_version(id, n))
        .await?
        .map(|i| i.parse())
        .transpose()
        .map_err(Into::into)
}

/// The `k`th attachment (from 1) of a document's version `n`.
#[utoipa::path(get, operation_id = "kms_version_attachment", path = "/api/v1/kms/documents/{id}/versions/{n}/attachments/{k}", tag = "kms",
    params(("id" = String, Path), ("n" = u32, Path), ("k" = usize, Path)),
    responses((status = 200, description = "The attachment's bytes"), (status = 404, body = daftar_domain::wire::Problem)))]
pub async fn version_attachment(
    State(state): State<AppState>,
    user: CurrentUser,
    Path((id, n, k)): Path<(String, u32, usize)>,
) -> Result<Response, ApiError> {
    view_kms(&user)?;
    let version = load_version(state.store.as_ref(), &parse_document_id(&id)?, n)
        .await?
        .ok_or(ApiError::NotFound("version"))?;
    crate::uploads::serve_nth(&state, &version.attachments, k).await
}

/// Makes an older version current again, as a new version (history is never rewritten).
#[utoipa::path(post, operation_id = "kms_roll_back", path = "/api/v1/kms/documents/{id}/rollback", tag = "kms", params(("id" = String, Path)), request_body = RollBack,
    responses((status = 200, body = KmsDocumentView), (status = 403, body = daftar_domain::wire::Problem), (status = 409, body = daftar_domain::wire::Problem), (status = 422, body = daftar_domain::wire::Problem)))]
pub async fn roll_back(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<String>,
    Json(request): Json<RollBack>,
) -> Result<Json<KmsDocumentView>, ApiError> {
    let store = state.store.as_ref();
    let (current, version) = load_document(store, &parse_document_id(&id)?).await?;
    must_edit(&state, &user, &current.dept).await?;
    check_version(request.version, version)?;
    if request.to_version == 0 || request.to_version > current.current.n {
        return Err(refuse(KmsRefusal::NoSuchVersion(request.to_version)));
    }
    let older = load_version(store, &current.id, request.to_version)
        .await?
        .ok_or_else(|| refuse(KmsRefusal::NoSuchVersion(request.to_version)))?;
    let rolled = current
        .roll_back(&older, user.actor.employee.clone(), state.now())
        .map_err(refuse)?;
    store
        .transact(new_version_writes(Some((&current, version)), &rolled))
        .await
        .map_err(transaction_failed)?;
    Ok(Json(view(rolled, version + 1, true)))
}

/// Marks a document superseded by another, linking both ways.
#[utoipa::path(post, operation_id = "kms_supersede", path = "/api/v1/kms/documents/{id}/supersede", tag = "kms", params(("id" = String, Path)), request_body = Supersede,
    responses((status = 200, body = KmsDocumentView), (status = 403, body = daftar_domain::wire::Problem), (status = 409, body = daftar_domain::wire::Problem), (status = 422, body = daftar_domain::wire::Problem)))]
pub async fn supersede(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<String>,
    Json(request): Json<Supersede>,
) -> Result<Json<KmsDocumentView>, ApiError> {
    let store = state.store.as_ref();
    let (old, version) = load_document(store, &parse_document_id(&id)?).await?;
    must_edit(&state, &user, &old.dept).await?;
    check_version(request.version, version)?;
    let (by, by_version) = match load_document(store, &request.by).await {
        Ok(found) => found,
        Err(ApiError::Localised { inner, .. }) if matches!(*inner, ApiError::NotFound(_)) => {
            return Err(ApiError::invalid("by", format!("there is no document {}", request.by))
                .with_hindi(format!("दस्तावेज़ {} मौजूद नहीं है", request.by)))
        }
        Err(other) => return Err(other),
    };
    let today = daftar_domain::local_time::office_date(state.now());
    let validity = old
        .validity
        .supersede(&old.id, &by.id, &by.number, &by.validity, today)
        .map_err(refuse)?;
    let superseded = KmsDocument {
        validity,
        ..old.clone()
    };
    let mut successor = by.clone();
    if !successor.supersedes.contains(&old.id) {
        successor.supersedes.push(old.id.clone());
    }
    let mut writes = vec![
        document_write(&superseded, Some(version)),
        document_write(&successor, Some(by_version)),
    ];
    writes.extend(reindex(Some(&old.hit()), &superseded.hit()));
    store.transact(writes).await.map_err(transaction_failed)?;
    Ok(Json(view(superseded, version + 1, true)))
}

/// Withdraws a document without a replacement.
#[utoipa::path(post, operation_id = "kms_withdraw", path = "/api/v1/kms/documents/{id}/withdraw", tag = "kms", params(("id" = String, Path)), request_body = Withdraw,
    responses((status = 200, body = KmsDocumentView), (status = 403, body = daftar_domain::wire::Problem), (status = 409, body = daftar_domain::wire::Problem), (status = 422, body = daftar_domain::wire::Problem)))]
pub async fn withdraw(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<String>,
    Json(request): Json<Withdraw>,
) -> Result<Json<KmsDocumentView>, ApiError> {
    let store = state.store.as_ref();
    let (old, version) = load_document(store, &parse_document_id(&id)?).await?;
    must_edit(&state, &user, &old.dept).await?;
    check_version(request.version, version)?;
    let today = daftar_domain::local_time::office_date(state.now());
    let validity = old.validity.withdraw(&request.reason, today).map_err(refuse)?;
    let withdrawn = KmsDocument {
        validity,
        ..old.clone()
    };
    let mut writes = vec![document_write(&withdrawn, Some(version))];
    writes.extend(reindex(Some(&old.hit()), &withdrawn.hit()));
    store.transact(writes).await.map_err(transaction_failed)?;
    Ok(Json(view(withdrawn, version + 1, true)))
}

// ---- Search ----

#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct KmsSearchParams {
    /// Words of the title, summary, tags or number, in English or Hindi; or a whole number.
    pub q: Option<String>,
    /// A number or its beginning (`FD-2/14`).
    pub number: Option<String>,
    /// Only documents of this issuing department.
    pub dept: Option<String>,
    /// Only documents of this category.
    pub category: Option<String>,
    /// Issued on or after (`YYYY-MM-DD`).
    pub from: Option<String>,
    /// Issued on or before (`YYYY-MM-DD`).
    pub to: Option<String>,
    pub limit: Option<u32>,
    pub cursor: Option<String>,
}

/// The most store pages one search reads to fill its page when filters drop rows.
const MAX_SEARCH_READS: usize = 3;

fn parse_date(field: &'static str, raw: Option<&str>) -> Result<Option<Date>, ApiError> {
    const FORMAT: &[time::format_description::FormatItem<'static>] =
        time::macros::format_description!("[year]-[month]-[day]");
    match raw.map(str::trim).filter(|r| !r.is_empty()) {
        None => Ok(None),
        Some(text) => Date::parse(text, FORMAT).map(Some).map_err(|_| {
            ApiError::invalid(field, "a date is written YYYY-MM-DD").with_hindi("तिथि YYYY-MM-DD रूप में लिखें")
        }),
    }
}

/// The row filters of a search.
struct Filters {
    terms: Vec<String>,
    dept: Option<DeptCode>,
    category: Option<Category>,
    from: Option<Date>,
    to: Option<Date>,
}

impl Filters {
    fn keep(&self, hit: &KmsHit) -> bool {
        self.terms.iter().all(|t| hit.terms.contains(t))
            && self.dept.as_ref().is_none_or(|d| &hit.dept == d)
            && self.category.is_none_or(|c| hit.category == c)
            && self.from.is_none_or(|f| hit.date >= f)
            && self.to.is_none_or(|t| hit.date <= t)
    }
}

/// The sort-key range of a list by issue date (`{date}#{id}`) for a date range.
fn date_range_keys(from: Option<Date>, to: Option<Date>) -> SortRange {
    match (from, to) {
        (None, None) => SortRange::All,
        (from, to) => SortRange::Between(
            from.map_or_else(|| "0".to_owned(), date_key),
            format!("{}#~", to.map_or_else(|| "9999-12-31".to_owned(), date_key)),
        ),
    }
}

/// Finds documents by words (English or Hindi), number, department, category and issue date.
/// Word searches list documents in force first, each group newest first; superseded and
/// withdrawn ones follow, marked by their `validity`.
#[utoipa::path(get, operation_id = "kms_search", path = "/api/v1/kms/search", tag = "kms", params(KmsSearchParams),
    responses((status = 200, body = Page<KmsHit>), (status = 422, body = daftar_domain::wire::Problem)))]
pub async fn search(
    State(state): State<AppState>,
    user: CurrentUser,
    Query(params): Query<KmsSearchParams>,
) -> Result<Json<Page<KmsHit>>, ApiError> {
    view_kms(&user)?;
    let dept = match params.dept.as_deref().map(str::trim).filter(|d| !d.is_empty()) {
        Some(raw) => {
            Some(DeptCode::parse(raw).map_err(|e| ApiError::invalid("dept", e).with_hindi("विभाग कोड अमान्य है"))?)
        }
        None => None,
    };
    let category = match params.category.as_deref().map(str::trim).filter(|c| !c.is_empty()) {
        Some(raw) => Some(Category::parse(raw).map_err(refuse)?),
        None => None,
    };
    let (from, to) = date_range(
        parse_date("from", params.from.as_deref())?,
        parse_date("to", params.to.as_deref())?,
    )
    .map_err(refuse)?;
    let limit = match params.limit {
        None => DEFAULT_PAGE_SIZE,
        Some(n) if (1..=MAX_PAGE_SIZE).contains(&n) => n,
        Some(_) => {
            return Err(
                ApiError::invalid("limit", format!("limit must be between 1 and {MAX_PAGE_SIZE}"))
                    .with_hindi(format!("सीमा 1 से {MAX_PAGE_SIZE} के बीच हो")),
            )
        }
    };
    let q = params.q.as_deref().map(str::trim).filter(|q| !q.is_empty());
    let number = params.number.as_deref().map(str::trim).filter(|n| !n.is_empty());
    let mut filters = Filters {
        terms: q.map(query_terms).unwrap_or_default(),
        dept,
        category,
        from,
        to,
    };
    let store = state.store.as_ref();

    let mut query = if let Some(number) = number {
        // Numbers sort in number order: the exact one comes before the longer ones it begins.
        let prefix = number_prefix(number).map_err(refuse)?;
        let mut query = daftar_store::Query::new(Index::Table, keys::kms_number_partition(&prefix));
        query.range = SortRange::Prefix(prefix);
        query
    } else if let Some(q) = q {
        // A whole number typed in the box finds its document at once.
        if params.cursor.is_none() && q.bytes().any(|b| b.is_ascii_digit()) {
            if let Ok(number) = DocNumber::parse(q) {
                if let Some(item) = store.get(&keys::kms_number(&number.normalised())).await? {
                    let hit: KmsHit = item.parse()?;
                    filters.terms.clear();
                    let items = if filters.keep(&hit) { vec![hit] } else { Vec::new() };
                    return Ok(Json(Page {
                        items,
                        next_cursor: None,
                    }));
                }
            }
        }
        // The longest term is likely the rarest: its rows are the fewest to filter.
        let lead = filters
            .terms
            .iter()
            .max_by_key(|t| t.chars().count())
            .ok_or_else(|| refuse(KmsRefusal::NoSearchWords))?;
        let mut query = daftar_store::Query::new(Index::Table, keys::kms_term_partition(lead));
        query.ascending = false;
        query
    } else if let Some(dept) = &filters.dept {
        let mut query = daftar_store::Query::new(Index::Table, keys::kms_department_partition(dept));
        query.range = date_range_keys(from, to);
        query.ascending = false;
        query
    } else if let Some(category) = filters.category {
        let mut query = daftar_store::Query::new(Index::Table, keys::kms_category_partition(category));
        query.range = date_range_keys(from, to);
        query.ascending = false;
        query
    } else {
        return Err(refuse(KmsRefusal::NoSearchWords));
    };

    // Filters may drop rows: read a few pages to fill this one, each asking only for what is
    // still missing, so the page never exceeds the limit and its cursor is the store's own.
    query.cursor = params.cursor;
    let mut items: Vec<KmsHit> = Vec::new();
    let mut next = None;
    for _ in 0..MAX_SEARCH_READS {
        query.limit = limit - items.len() as u32;
        let page = store.query(query.clone()).await.map_err(|error| match error {
            StoreError::InvalidRequest(_) => {
                ApiError::invalid("cursor", "this cursor is not valid here").with_hindi("यह कर्सर यहाँ मान्य नहीं है")
            }
            other => other.into(),
        })?;
        for item in &page.items {
            let hit: KmsHit = item.parse()?;
            if filters.keep(&hit) {
                items.push(hit);
            }
        }
        next = page.next;
        match &next {
            Some(cursor) if (items.len() as u32) < limit => query.cursor = Some(cursor.clone()),
            _ => break,
        }
    }
    Ok(Json(Page {
        items,
        next_cursor: next,
    }))
}

// ---- Subscriptions and the KMS inbox ----

async fn my_subscriptions(store: &dyn Store, user: &CurrentUser) -> Result<Vec<Subscription>, ApiError> {
    let mut query = daftar_store::Query::new(Index::Table, keys::employee_partition(&user.actor.employee));
    query.range = SortRange::Prefix(keys::KMS_SUBSCRIPTION_PREFIX.to_owned());
    // Bounded by MAX_SUBSCRIPTIONS: one page holds them all.
    query.limit = MAX_SUBSCRIPTIONS as u32 + 1;
    let page = store.query(query).await?;
    page.items.iter().map(|i| i.parse().map_err(Into::into)).collect()
}

/// The signed-in official's subscriptions.
#[utoipa::path(get, operation_id = "kms_subscriptions", path = "/api/v1/kms/subscriptions", tag = "kms",
    responses((status = 200, body = Vec<Subscription>)))]
pub async fn subscriptions(
    State(state): State<AppState>,
    user: CurrentUser,
) -> Result<Json<Vec<Subscription>>, ApiError> {
    view_kms(&user)?;
    Ok(Json(my_subscriptions(state.store.as_ref(), &user).await?))
}

/// Follows a folder, a department's documents or a category. Subscribing again to the same
/// target answers with the existing subscription (200), so a retry is safe without a key.
#[utoipa::path(post, operation_id = "kms_subscribe", path = "/api/v1/kms/subscriptions", tag = "kms", request_body = NewSubscription,
    responses((status = 201, body = Subscription), (status = 200, body = Subscription), (status = 422, body = daftar_domain::wire::Problem)))]
pub async fn subscribe(
    State(state): State<AppState>,
    user: CurrentUser,
    Json(request): Json<NewSubscription>,
) -> Result<Response, ApiError> {
    view_kms(&user)?;
    let store = state.store.as_ref();
    let target = request.target;
    let exists = match &target {
        SubscriptionTarget::Folder { folder } => load_folder(store, folder).await?.is_some(),
        SubscriptionTarget::Department { dept } => store.get(&keys::department(dept)).await?.is_some(),
        SubscriptionTarget::Category { .. } => true,
    };
    if !exists {
        return Err(ApiError::invalid("target", "there is no such folder or department")
            .with_hindi("ऐसा कोई फ़ोल्डर या विभाग नहीं है"));
    }
    let token = target.token();
    let mine = my_subscriptions(store, &user).await?;
    if let Some(existing) = mine.iter().find(|s| s.token == token) {
        return Ok((StatusCode::OK, Json(existing.clone())).into_response());
    }
    if mine.len() >= MAX_SUBSCRIPTIONS {
        return Err(ApiError::invalid(
            "target",
            format!("at most {MAX_SUBSCRIPTIONS} subscriptions; remove one first"),
        )
        .with_hindi(format!("अधिकतम {MAX_SUBSCRIPTIONS} सदस्यताएँ; पहले कोई एक हटाएँ")));
    }
    let subscription = Subscription {
        target,
        token: token.clone(),
        since: state.now(),
    };
    let write = Write::Put {
        item: Item::new(
            keys::kms_subscription(&user.actor.employee, &token),
            serde_json::to_value(&subscription).expect("subscriptions serialise"),
        ),
        condition: Condition::NotExists,
    };
    match store.write(write).await {
        Ok(()) => Ok((StatusCode::CREATED, Json(subscription)).into_response()),
        // A concurrent twin subscribed first: answer with its subscription.
        Err(StoreError::ConditionFailed {
            current: Some(item), ..
        }) => Ok((StatusCode::OK, Json(item.parse::<Subscription>()?)).into_response()),
        Err(other) => Err(other.into()),
    }
}

/// Stops following a target (its token is in the subscription).
#[utoipa::path(delete, operation_id = "kms_unsubscribe", path = "/api/v1/kms/subscriptions/{token}", tag = "kms", params(("token" = String, Path)),
    responses((status = 204), (status = 404, body = daftar_domain::wire::Problem)))]
pub async fn unsubscribe(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(token): Path<String>,
) -> Result<StatusCode, ApiError> {
    view_kms(&user)?;
    let not_subscribed = || ApiError::NotFound("subscription").with_hindi("सदस्यता नहीं मिली");
    let target = SubscriptionTarget::from_token(&token).ok_or_else(not_subscribed)?;
    match state
        .store
        .write(Write::Delete {
            key: keys::kms_subscription(&user.actor.employee, &target.token()),
            condition: Condition::Exists,
        })
        .await
    {
        Ok(()) => Ok(StatusCode::NO_CONTENT),
        Err(StoreError::ConditionFailed { .. }) => Err(not_subscribed()),
        Err(other) => Err(other.into()),
    }
}

/// Whether a feed cursor is a feed sort key: `{unix millis:013}#{document id}#{n:06}`.
fn feed_cursor(raw: &str) -> Result<String, ApiError> {
    let mut parts = raw.split('#');
    let ok = matches!(
        (parts.next(), parts.next(), parts.next(), parts.next()),
        (Some(ms), Some(id), Some(n), None)
            if ms.len() == 13 && ms.bytes().all(|b| b.is_ascii_digit())
                && KmsDocId::parse(id).is_ok()
                && n.len() == 6 && n.bytes().all(|b| b.is_ascii_digit())
    );
    if ok {
        Ok(raw.to_owned())
    } else {
        Err(ApiError::invalid("cursor", "this cursor is not valid here").with_hindi("यह कर्सर यहाँ मान्य नहीं है"))
    }
}

/// New documents and versions under the official's subscriptions since each was made, newest
/// first: the newest entries of each followed feed, merged (one query per subscription).
#[utoipa::path(get, operation_id = "kms_inbox", path = "/api/v1/kms/inbox", tag = "kms", params(PageParams),
    responses((status = 200, body = Page<KmsChange>), (status = 422, body = daftar_domain::wire::Problem)))]
pub async fn inbox(
    State(state): State<AppState>,
    user: CurrentUser,
    Query(params): Query<PageParams>,
) -> Result<Json<Page<KmsChange>>, ApiError> {
    view_kms(&user)?;
    let limit = match params.limit {
        None => DEFAULT_PAGE_SIZE,
        Some(n) if (1..=MAX_PAGE_SIZE).contains(&n) => n,
        Some(_) => {
            return Err(
                ApiError::invalid("limit", format!("limit must be between 1 and {MAX_PAGE_SIZE}"))
                    .with_hindi(format!("सीमा 1 से {MAX_PAGE_SIZE} के बीच हो")),
            )
        }
    };
    let before = params.cursor.as_deref().map(feed_cursor).transpose()?;
    let store = state.store.as_ref();
    let mut rows: Vec<(String, KmsChange)> = Vec::new();
    for subscription in my_subscriptions(store, &user).await? {
        let mut query = daftar_store::Query::new(Index::Table, keys::kms_feed_partition(&subscription.token));
        let since = format!("{:013}", super::unix_millis(subscription.since));
        if before.as_ref().is_some_and(|b| b < &since) {
            // The page before the cursor is older than this subscription: nothing to read.
            continue;
        }
        query.range = SortRange::Between(since, before.clone().unwrap_or_else(|| "9".repeat(13) + "#~"));
        query.ascending = false;
        // Two more than a page: the cursor entry itself (the range is inclusive) is skipped,
        // and one past the page says whether another follows. A feed that returns fewer than
        // asked is exhausted; one that returns them all leaves more than a page after merging.
        query.limit = limit + 2;
        let page = store.query(query).await?;
        for item in page.items {
            if before.as_ref().is_some_and(|b| &item.key.sk >= b) {
                continue;
            }
            rows.push((item.key.sk.clone(), item.parse()?));
        }
    }
    // A change under several followed targets (its folder and its department) shows once.
    rows.sort_by(|a, b| b.0.cmp(&a.0));
    rows.dedup_by(|a, b| a.0 == b.0);
    let more = rows.len() > limit as usize;
    rows.truncate(limit as usize);
    let next_cursor = if more {
        rows.last().map(|(sk, _)| sk.clone())
    } else {
        None
    };
    Ok(Json(Page {
        items: rows.into_iter().map(|(_, change)| change).collect(),
        next_cursor,
    }))
}

// ---- Who edits ----

/// The departments whose knowledge base the signed-in official may change.
#[utoipa::path(get, operation_id = "kms_editing", path = "/api/v1/kms/editing", tag = "kms", responses((status = 200, body = Vec<String>)))]
pub async fn editing(State(state): State<AppState>, user: CurrentUser) -> Result<Json<Vec<DeptCode>>, ApiError> {
    view_kms(&user)?;
    let mut depts: Vec<DeptCode> = user.actor.depts.clone();
    depts.sort();
    depts.dedup();
    let mut editable = Vec::new();
    for dept in depts {
        if may_edit(&state, &user, &dept).await? {
            editable.push(dept);
        }
    }
    Ok(Json(editable))
}

fn parse_dept_path(raw: &str) -> Result<DeptCode, ApiError> {
    DeptCode::parse(raw).map_err(|_| ApiError::NotFound("department").with_hindi("विभाग नहीं मिला"))
}

/// The posts whose holders are a department's KMS editors.
#[utoipa::path(get, operation_id = "kms_editors", path = "/api/v1/kms/departments/{dept}/editors", tag = "kms", params(("dept" = String, Path)),
    responses((status = 200, body = KmsEditors)))]
pub async fn editors(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(dept): Path<String>,
) -> Result<Json<KmsEditors>, ApiError> {
    view_kms(&user)?;
    let dept = parse_dept_path(&dept)?;
    let posts = editor_posts(state.store.as_ref(), &dept).await?;
    Ok(Json(KmsEditors { dept, posts }))
}

/// Sets which posts of a department are its KMS editors (administrators only).
#[utoipa::path(put, operation_id = "kms_set_editors", path = "/api/v1/kms/departments/{dept}/editors", tag = "kms", params(("dept" = String, Path)), request_body = KmsEditors,
    responses((status = 200, body = KmsEditors), (status = 403, body = daftar_domain::wire::Problem), (status = 422, body = daftar_domain::wire::Problem)))]
pub async fn set_editors(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(dept): Path<String>,
    Json(request): Json<KmsEditors>,
) -> Result<Json<KmsEditors>, ApiError> {
    authorize(&user.actor, Action::ManageOrganisation, Resource::Organisation)
        .map_err(|d| ApiError::Forbidden(d).with_hindi("केवल प्रशासक KMS संपादक नियुक्त कर सकते हैं"))?;
    let dept = parse_dept_path(&dept)?;
    if request.dept != dept {
        return Err(
            ApiError::invalid("dept", "the department differs from the one in the address")
                .with_hindi("विभाग पते में दिए विभाग से भिन्न है"),
        );
    }
    let store = state.store.as_ref();
    for post in &request.posts {
        let of_dept = crate::org::load_post(store, post)
            .await?
            .is_some_and(|stored| stored.post.dept == dept);
        if !of_dept {
            return Err(ApiError::invalid("posts", format!("{post} is not a post of {dept}"))
                .with_hindi(format!("{post} विभाग {dept} का पद नहीं है")));
        }
    }
    if request.posts.len() > 20 {
        return Err(ApiError::invalid("posts", "at most 20 editor posts").with_hindi("अधिकतम 20 संपादक पद"));
    }
    store
        .write(Write::Put {
            item: editors_item(&dept, &request.posts),
            condition: Condition::None,
        })
        .await?;
    Ok(Json(request))
}
