//! The typed client for `/api/v1`: the only place the app speaks HTTP.
//!
//! Every call returns the shared wire types or an [`ApiError`]; errors carry the server's stable
//! `ErrorCode` so pages can show a translated message. The session is an HttpOnly cookie the
//! browser sends by itself (same-origin requests include credentials by default).

pub mod admin;
pub mod control;
pub mod kms;
pub mod leave;
pub mod pims;
pub mod reports;

use daftar_domain::file::chain::ChainReport;
use daftar_domain::file::draft::{DispatchEntry, DraftVersion};
use daftar_domain::ids::{DeptCode, FileId, IdempotencyKey, OfficeCode, PostId, ReceiptId};
use daftar_domain::receipt::ForwardOrder;
use daftar_domain::wire::{
    AttachReceiptRequest, CloseReceiptRequest, CorrespondenceEntry, CreateFileRequest, DepartmentList, DeskView,
    DiariseRequest, DispatchedRequest, DraftRequest, DraftView, EditNoteRequest, ErrorCode, FileEventEntry, FileRow,
    FileView, InboxEntry, IssueRequest, LinkFileRequest, LinkedFile, LoginRequest, Me, MergeRequest, MoveRequest,
    MovementEntry, NoteView, OfficeList, OpenPartRequest, Page, PostList, Problem, ReceiptDeskView, ReceiptView,
    SearchHit, StartUpload, StayView, UploadDestination, UploadDone, UploadTicket, VersionOnly, WriteNoteRequest,
    MAX_PAGE_SIZE,
};
use gloo_net::http::{Request, RequestBuilder, Response};
use serde::de::DeserializeOwned;
use serde::Serialize;
use std::fmt;

/// Why a call failed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ApiError {
    /// No answer: offline, DNS, connection reset, or the request could not be built.
    Network,
    /// The server answered with a problem document (boxed: with its Hindi it is large, and
    /// every `Result` of a call carries this error).
    Problem(Box<Problem>),
    /// The server answered something that is neither what we asked for nor a problem document.
    Unexpected { status: u16 },
}

impl ApiError {
    /// The server's error code, if it sent one.
    pub fn code(&self) -> Option<ErrorCode> {
        match self {
            ApiError::Problem(problem) => Some(problem.code),
            _ => None,
        }
    }

    /// The request field the server refused, for a 422.
    pub fn field(&self) -> Option<&str> {
        match self {
            // The last segment of a path such as `letter.subject` is the form field.
            ApiError::Problem(problem) if problem.code == ErrorCode::Invalid => {
                problem.field.as_deref().and_then(|f| f.rsplit('.').next())
            }
            _ => None,
        }
    }

    /// Whether sending the very same request again may succeed, so it should keep its
    /// idempotency key: the server may have done the work without our hearing about it.
    pub fn is_retryable(&self) -> bool {
        match self {
            ApiError::Network | ApiError::Unexpected { .. } => true,
            ApiError::Problem(problem) => matches!(
                problem.code,
                ErrorCode::InProgress | ErrorCode::Internal | ErrorCode::Unavailable
            ),
        }
    }
}

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Only for logs and debugging: people see the translated text for the code.
        match self {
            ApiError::Network => f.write_str("the server could not be reached"),
            ApiError::Problem(problem) => write!(f, "{} ({:?}): {}", problem.title, problem.code, problem.detail),
            ApiError::Unexpected { status } => write!(f, "unexpected answer with status {status}"),
        }
    }
}

impl std::error::Error for ApiError {}

pub type ApiResult<T> = Result<T, ApiError>;

/// Rows asked for per page of a list.
const PAGE_SIZE: &str = "25";

async fn send(request: Result<Request, gloo_net::Error>) -> ApiResult<Response> {
    let request = request.map_err(|_| ApiError::Network)?;
    request.send().await.map_err(|_| ApiError::Network)
}

/// Reads a success body as `T`, or the problem document of a failure.
async fn read<T: DeserializeOwned>(response: Response) -> ApiResult<T> {
    if response.ok() {
        response.json::<T>().await.map_err(|_| ApiError::Unexpected {
            status: response.status(),
        })
    } else {
        Err(read_problem(response).await)
    }
}

async fn read_problem(response: Response) -> ApiError {
    match response.json::<Problem>().await {
        Ok(problem) => ApiError::Problem(Box::new(problem)),
        Err(_) => ApiError::Unexpected {
            status: response.status(),
        },
    }
}

async fn get<T: DeserializeOwned>(builder: RequestBuilder) -> ApiResult<T> {
    read(send(builder.build()).await?).await
}

async fn post<B: Serialize, T: DeserializeOwned>(url: &str, body: &B, key: &IdempotencyKey) -> ApiResult<T> {
    let request = Request::post(url).header("Idempotency-Key", key.as_ref()).json(body);
    read(send(request).await?).await
}

async fn put<B: Serialize, T: DeserializeOwned>(url: &str, body: &B, key: &IdempotencyKey) -> ApiResult<T> {
    let request = Request::put(url).header("Idempotency-Key", key.as_ref()).json(body);
    read(send(request).await?).await
}

fn paged(url: &str, cursor: Option<&str>) -> RequestBuilder {
    paged_by(url, PAGE_SIZE, cursor)
}

fn paged_by(url: &str, limit: &str, cursor: Option<&str>) -> RequestBuilder {
    let builder = Request::get(url).query([("limit", limit)]);
    match cursor {
        // `query` percent-encodes: the cursor is opaque and may hold any character.
        Some(cursor) => builder.query([("cursor", cursor)]),
        None => builder,
    }
}

/// The most pages [`all_pages`] follows: a guard against a server that never stops, far beyond
/// any real note sheet or correspondence (each page holds up to `MAX_PAGE_SIZE` items).
const MAX_PAGES: usize = 200;

/// Every item of a cursor-paged list, for views that must show all of it at once (a note sheet
/// is read, and printed, from its first paragraph to its last).
async fn all_pages<T: DeserializeOwned>(url: &str) -> ApiResult<Vec<T>> {
    let limit = MAX_PAGE_SIZE.to_string();
    let mut items = Vec::new();
    let mut cursor: Option<String> = None;
    for _ in 0..MAX_PAGES {
        let page: Page<T> = get(paged_by(url, &limit, cursor.as_deref())).await?;
        items.extend(page.items);
        match page.next_cursor {
            Some(next) => cursor = Some(next),
            None => break,
        }
    }
    Ok(items)
}

/// Signs in; the server sets the session cookie.
pub async fn login(request: &LoginRequest) -> ApiResult<Me> {
    post("/api/v1/auth/login", request, &new_idempotency_key()).await
}

/// Ends the session.
pub async fn logout() -> ApiResult<()> {
    let request = Request::post("/api/v1/auth/logout")
        .header("Idempotency-Key", new_idempotency_key().as_ref())
        .build();
    let response = send(request).await?;
    if response.ok() {
        Ok(())
    } else {
        Err(read_problem(response).await)
    }
}

/// Who is signed in; `unauthenticated` when nobody is.
pub async fn me() -> ApiResult<Me> {
    get(Request::get("/api/v1/auth/me")).await
}

pub async fn departments() -> ApiResult<DepartmentList> {
    get(Request::get("/api/v1/org/departments")).await
}

pub async fn offices(dept: &DeptCode) -> ApiResult<OfficeList> {
    get(Request::get(&format!("/api/v1/org/departments/{dept}/offices"))).await
}

pub async fn posts(office: &OfficeCode) -> ApiResult<PostList> {
    get(Request::get(&format!("/api/v1/org/offices/{office}/posts"))).await
}

/// One page of what waits at a post, newest first.
pub async fn inbox(post: &PostId, cursor: Option<&str>) -> ApiResult<Page<InboxEntry>> {
    get(paged(&format!("/api/v1/posts/{post}/inbox"), cursor)).await
}

/// One page of one of a post's receipt lists, newest first.
pub async fn inbox_view(post: &PostId, view: ReceiptDeskView, cursor: Option<&str>) -> ApiResult<Page<InboxEntry>> {
    let name = match view {
        ReceiptDeskView::Inbox => "inbox",
        ReceiptDeskView::Sent => "sent",
        ReceiptDeskView::Created => "created",
        ReceiptDeskView::Closed => "closed",
    };
    get(paged(&format!("/api/v1/posts/{post}/inbox"), cursor).query([("view", name)])).await
}

/// A copy for information has been read: it leaves the post's inbox.
pub async fn acknowledge_copy(id: &ReceiptId, post: &PostId, key: &IdempotencyKey) -> ApiResult<()> {
    let _: serde_json::Value = post_empty(&format!("/api/v1/receipts/{id}/copies/{post}/acknowledge"), key).await?;
    Ok(())
}

async fn post_empty<T: DeserializeOwned>(url: &str, key: &IdempotencyKey) -> ApiResult<T> {
    let request = Request::post(url).header("Idempotency-Key", key.as_ref()).build();
    read(send(request).await?).await
}

pub async fn diarise(request: &DiariseRequest, key: &IdempotencyKey) -> ApiResult<ReceiptView> {
    post("/api/v1/receipts", request, key).await
}

pub async fn receipt(id: &ReceiptId) -> ApiResult<ReceiptView> {
    get(Request::get(&format!("/api/v1/receipts/{id}"))).await
}

/// One page of a receipt's movements, oldest first.
pub async fn history(id: &ReceiptId, cursor: Option<&str>) -> ApiResult<Page<MovementEntry>> {
    get(paged(&format!("/api/v1/receipts/{id}/history"), cursor)).await
}

pub async fn forward(id: &ReceiptId, order: &ForwardOrder, key: &IdempotencyKey) -> ApiResult<ReceiptView> {
    post(&format!("/api/v1/receipts/{id}/forward"), order, key).await
}

/// The holder closes a receipt that needs no file.
pub async fn close_receipt(
    id: &ReceiptId,
    request: &CloseReceiptRequest,
    key: &IdempotencyKey,
) -> ApiResult<ReceiptView> {
    post(&format!("/api/v1/receipts/{id}/close"), request, key).await
}

/// The holder marks a paper receipt received at their desk.
pub async fn receive_receipt(id: &ReceiptId, request: &VersionOnly, key: &IdempotencyKey) -> ApiResult<ReceiptView> {
    post(&format!("/api/v1/receipts/{id}/receive"), request, key).await
}

/// Every receipt waiting at a post, for choosing one to put into a file.
pub async fn whole_inbox(post: &PostId) -> ApiResult<Vec<InboxEntry>> {
    all_pages(&format!("/api/v1/posts/{post}/inbox")).await
}

/// Announces an attachment to upload; the answer says where its bytes go.
pub async fn start_upload(request: &StartUpload, key: &IdempotencyKey) -> ApiResult<UploadTicket> {
    post("/api/v1/uploads", request, key).await
}

/// Sends an upload's bytes where its ticket says, confirming a direct upload afterwards.
pub async fn send_upload(
    ticket: &UploadTicket,
    content_type: daftar_domain::attachment::AttachmentType,
    file: &web_sys::File,
) -> ApiResult<UploadDone> {
    match &ticket.destination {
        UploadDestination::ThroughServer { url } => {
            let request = Request::put(url)
                .header("Content-Type", "application/octet-stream")
                .body(file.clone());
            read(send(request).await?).await
        }
        UploadDestination::Direct { url, method, headers } => {
            let mut builder = match method.to_ascii_uppercase().as_str() {
                "POST" => Request::post(url),
                _ => Request::put(url),
            };
            let mut typed = false;
            for (name, value) in headers {
                typed |= name.eq_ignore_ascii_case("content-type");
                builder = builder.header(name, value);
            }
            if !typed {
                builder = builder.header("Content-Type", content_type.mime());
            }
            let response = send(builder.body(file.clone())).await?;
            if !response.ok() {
                return Err(ApiError::Unexpected {
                    status: response.status(),
                });
            }
            let id = &ticket.upload_id;
            post(
                &format!("/api/v1/uploads/{id}/confirm"),
                &serde_json::json!({}),
                &new_idempotency_key(),
            )
            .await
        }
    }
}

/// Opens a new file at one of the caller's posts.
pub async fn create_file(request: &CreateFileRequest, key: &IdempotencyKey) -> ApiResult<FileView> {
    post("/api/v1/files", request, key).await
}

pub async fn file(id: &FileId) -> ApiResult<FileView> {
    get(Request::get(&format!("/api/v1/files/{id}"))).await
}

/// The file whose number is written out exactly as given (`FIN-HQ-GEN/GEN/3/2026`).
pub async fn lookup_file(number: &str) -> ApiResult<FileRow> {
    get(Request::get("/api/v1/files/lookup").query([("number", number.trim())])).await
}

/// Sends, recalls, parks, unparks, closes, reopens or opens a file.
pub async fn move_file(id: &FileId, request: &MoveRequest, key: &IdempotencyKey) -> ApiResult<FileView> {
    post(&format!("/api/v1/files/{id}/move"), request, key).await
}

/// The whole note sheet, oldest first: signed paragraphs and at most one yellow draft.
pub async fn notes(id: &FileId) -> ApiResult<Vec<NoteView>> {
    all_pages(&format!("/api/v1/files/{id}/notes")).await
}

pub async fn write_note(id: &FileId, request: &WriteNoteRequest, key: &IdempotencyKey) -> ApiResult<FileView> {
    post(&format!("/api/v1/files/{id}/notes"), request, key).await
}

pub async fn edit_note(id: &FileId, note: u32, request: &EditNoteRequest, key: &IdempotencyKey) -> ApiResult<FileView> {
    put(&format!("/api/v1/files/{id}/notes/{note}"), request, key).await
}

pub async fn sign_note(id: &FileId, note: u32, request: &VersionOnly, key: &IdempotencyKey) -> ApiResult<FileView> {
    post(&format!("/api/v1/files/{id}/notes/{note}/sign"), request, key).await
}

pub async fn discard_note(id: &FileId, note: u32, request: &VersionOnly, key: &IdempotencyKey) -> ApiResult<FileView> {
    post(&format!("/api/v1/files/{id}/notes/{note}/discard"), request, key).await
}

pub async fn attach_receipt(id: &FileId, request: &AttachReceiptRequest, key: &IdempotencyKey) -> ApiResult<FileView> {
    post(&format!("/api/v1/files/{id}/receipts"), request, key).await
}

/// Every receipt in the file, in the order they were put in.
pub async fn correspondence(id: &FileId) -> ApiResult<Vec<CorrespondenceEntry>> {
    all_pages(&format!("/api/v1/files/{id}/correspondence")).await
}

pub async fn link_file(id: &FileId, request: &LinkFileRequest, key: &IdempotencyKey) -> ApiResult<FileView> {
    post(&format!("/api/v1/files/{id}/links"), request, key).await
}

/// Every draft letter on a file, with its latest version, approval and dispatch number.
pub async fn drafts(id: &FileId) -> ApiResult<Vec<DraftView>> {
    all_pages(&format!("/api/v1/files/{id}/drafts")).await
}

/// Every version of one draft, oldest first.
pub async fn draft_versions(id: &FileId, n: u32) -> ApiResult<Vec<DraftVersion>> {
    all_pages(&format!("/api/v1/files/{id}/drafts/{n}/versions")).await
}

pub async fn start_draft(id: &FileId, request: &DraftRequest, key: &IdempotencyKey) -> ApiResult<FileView> {
    post(&format!("/api/v1/files/{id}/drafts"), request, key).await
}

pub async fn revise_draft(id: &FileId, n: u32, request: &DraftRequest, key: &IdempotencyKey) -> ApiResult<FileView> {
    post(&format!("/api/v1/files/{id}/drafts/{n}/revise"), request, key).await
}

pub async fn approve_draft(id: &FileId, n: u32, request: &VersionOnly, key: &IdempotencyKey) -> ApiResult<FileView> {
    post(&format!("/api/v1/files/{id}/drafts/{n}/approve"), request, key).await
}

pub async fn issue_draft(id: &FileId, n: u32, request: &IssueRequest, key: &IdempotencyKey) -> ApiResult<FileView> {
    post(&format!("/api/v1/files/{id}/drafts/{n}/issue"), request, key).await
}

/// One page of an office's dispatch register for a year, in number order.
pub async fn dispatch_register(office: &OfficeCode, year: i32, cursor: Option<&str>) -> ApiResult<Page<DispatchEntry>> {
    get(paged(&format!("/api/v1/offices/{office}/dispatch"), cursor).query([("year", year.to_string())])).await
}

/// Records that an issued letter has left the office.
pub async fn mark_dispatched(
    office: &OfficeCode,
    year: i32,
    serial: u32,
    request: &DispatchedRequest,
    key: &IdempotencyKey,
) -> ApiResult<DispatchEntry> {
    post(
        &format!("/api/v1/offices/{office}/dispatch/{year}/{serial}/dispatched"),
        request,
        key,
    )
    .await
}

/// One page of search results in a department.
pub async fn search(dept: &str, q: &str, cursor: Option<&str>) -> ApiResult<Page<SearchHit>> {
    get(paged("/api/v1/search", cursor).query([("dept", dept), ("q", q)])).await
}

pub async fn merge_file(id: &FileId, request: &MergeRequest, key: &IdempotencyKey) -> ApiResult<FileView> {
    post(&format!("/api/v1/files/{id}/merge"), request, key).await
}

/// Opens the next volume of a file; the answer is the new volume.
pub async fn new_volume(id: &FileId, request: &VersionOnly, key: &IdempotencyKey) -> ApiResult<FileView> {
    post(&format!("/api/v1/files/{id}/volumes"), request, key).await
}

/// Opens a part file at one of the caller's posts; the answer is the part file.
pub async fn open_part(id: &FileId, request: &OpenPartRequest, key: &IdempotencyKey) -> ApiResult<FileView> {
    post(&format!("/api/v1/files/{id}/parts"), request, key).await
}

/// Every file linked to this one.
pub async fn links(id: &FileId) -> ApiResult<Vec<LinkedFile>> {
    all_pages(&format!("/api/v1/files/{id}/links")).await
}

/// One page of a file's history, oldest first.
pub async fn file_history(id: &FileId, cursor: Option<&str>) -> ApiResult<Page<FileEventEntry>> {
    get(paged(&format!("/api/v1/files/{id}/history"), cursor)).await
}

/// The desks the file has been at, with the time spent at each.
pub async fn track(id: &FileId) -> ApiResult<Vec<StayView>> {
    get(Request::get(&format!("/api/v1/files/{id}/track"))).await
}

/// Recomputes the file's hash-chained history on the server.
pub async fn verify(id: &FileId) -> ApiResult<ChainReport> {
    get(Request::get(&format!("/api/v1/files/{id}/verify"))).await
}

/// One page of a desk's file list, newest first.
pub async fn desk_files(post: &PostId, view: DeskView, cursor: Option<&str>) -> ApiResult<Page<FileRow>> {
    let builder = paged(&format!("/api/v1/posts/{post}/files"), cursor).query([("view", desk_view_name(view))]);
    get(builder).await
}

/// A desk list's name in the query string, as the API spells it.
fn desk_view_name(view: DeskView) -> &'static str {
    match view {
        DeskView::Inbox => "inbox",
        DeskView::Parked => "parked",
        DeskView::Closed => "closed",
        DeskView::Sent => "sent",
        DeskView::Created => "created",
    }
}

/// A fresh random key: 128 bits from the browser's CSPRNG as 32 hex digits.
pub fn new_idempotency_key() -> IdempotencyKey {
    let mut bytes = [0u8; 16];
    let filled = web_sys::window()
        .and_then(|window| window.crypto().ok())
        .is_some_and(|crypto| crypto.get_random_values_with_u8_array(&mut bytes).is_ok());
    if !filled {
        // No Web Crypto (very old browser): uniqueness is all a key needs, not secrecy.
        for (i, byte) in bytes.iter_mut().enumerate() {
            *byte = (js_sys::Math::random() * 256.0) as u8 ^ (js_sys::Date::now() as u64 >> (i % 8)) as u8;
        }
    }
    key_from_bytes(&bytes)
}

fn key_from_bytes(bytes: &[u8; 16]) -> IdempotencyKey {
    let hex: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
    IdempotencyKey::parse(&hex).expect("32 hex digits are a valid idempotency key")
}

/// Remembers the key of a form's last submission, so that sending the same request again (after
/// a network failure, say) reuses its key and the server replays the first result instead of
/// acting twice. A different request, or one after a definite answer, gets a new key.
#[derive(Debug, Default)]
pub struct SubmissionKeys {
    last: Option<(String, IdempotencyKey)>,
}

impl SubmissionKeys {
    /// The key for this request body: the previous one if the body is unchanged, else `fresh()`.
    pub fn key_for(&mut self, body: &impl Serialize, fresh: impl FnOnce() -> IdempotencyKey) -> IdempotencyKey {
        let body = serde_json::to_string(body).unwrap_or_default();
        match &self.last {
            Some((last_body, key)) if *last_body == body => key.clone(),
            _ => {
                let key = fresh();
                self.last = Some((body, key.clone()));
                key
            }
        }
    }

    /// Records the outcome: keep the key only while a retry might still be the same attempt.
    pub fn settle<T>(&mut self, outcome: &ApiResult<T>) {
        let keep = matches!(outcome, Err(error) if error.is_retryable());
        if !keep {
            self.last = None;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(n: u8) -> IdempotencyKey {
        key_from_bytes(&[n; 16])
    }

    fn problem(code: ErrorCode) -> ApiError {
        ApiError::Problem(Box::new(Problem {
            type_uri: "about:blank".into(),
            title: "t".into(),
            status: 400,
            detail: "d".into(),
            detail_hi: None,
            code,
            field: Some("subject".into()),
            current_version: None,
        }))
    }

    #[test]
    fn keys_are_32_hex_digits() {
        assert_eq!(key(0xab).as_ref(), "abababababababababababababababab");
    }

    #[test]
    fn a_retry_of_the_same_request_reuses_its_key() {
        let mut keys = SubmissionKeys::default();
        let first = keys.key_for(&"body", || key(1));
        keys.settle::<()>(&Err(ApiError::Network));
        assert_eq!(keys.key_for(&"body", || key(2)), first);
    }

    #[test]
    fn a_changed_request_or_a_definite_answer_gets_a_new_key() {
        let mut keys = SubmissionKeys::default();
        keys.key_for(&"body", || key(1));
        assert_eq!(keys.key_for(&"other body", || key(2)), key(2));
        keys.settle::<()>(&Ok(()));
        assert_eq!(keys.key_for(&"other body", || key(3)), key(3));
        keys.settle::<()>(&Err(problem(ErrorCode::Invalid)));
        assert_eq!(keys.key_for(&"other body", || key(4)), key(4));
        keys.settle::<()>(&Err(problem(ErrorCode::InProgress)));
        assert_eq!(keys.key_for(&"other body", || key(5)), key(4));
    }

    #[test]
    fn desk_views_are_named_as_the_api_spells_them() {
        for view in DeskView::ALL {
            assert_eq!(
                serde_json::to_value(view).unwrap(),
                serde_json::Value::String(desk_view_name(view).to_owned())
            );
        }
    }

    #[test]
    fn only_invalid_problems_name_a_field() {
        assert_eq!(problem(ErrorCode::Invalid).field(), Some("subject"));
        let mut nested = problem(ErrorCode::Invalid);
        if let ApiError::Problem(p) = &mut nested {
            p.field = Some("letter.sender".into());
        }
        assert_eq!(nested.field(), Some("sender"));
        assert_eq!(problem(ErrorCode::Conflict).field(), None);
        assert_eq!(ApiError::Network.code(), None);
    }
}
