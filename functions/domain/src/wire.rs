//! The JSON the app and the API exchange. Both sides compile these types, so they cannot drift;
//! the OpenAPI document is generated from them.

use crate::attachment::AttachmentType;
use crate::file::{Allowed, File, FileCategory, FileEvent, FileStatus, Move, NoteRef, Stay};
use crate::handling::{Classification, Medium};
use crate::ids::{DeptCode, EmployeeId, FileId, OfficeCode, PostId, ReceiptId, SubjectHead, UploadId};
use crate::org::{Department, Office, Role};
use crate::receipt::{DiaryNumber, LetterDetails, Movement, Priority, Receipt};
use crate::text::{DocumentName, NoteText, Remarks, Subject};
use serde::{Deserialize, Serialize};
use time::{Date, OffsetDateTime};

/// `POST /api/v1/auth/login`.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LoginRequest {
    /// Kept as typed: an ID that fails to parse is treated like an unknown one, so the answer
    /// does not reveal which IDs are well formed.
    pub employee_id: String,
    pub password: String,
}

/// A post with enough context to show it: `Section Officer (Budget), Finance HQ`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PostSummary {
    pub id: PostId,
    pub title_en: String,
    pub title_hi: String,
    pub office: OfficeCode,
    pub office_name_en: String,
    pub office_name_hi: String,
    pub dept: DeptCode,
    pub holder_name_en: Option<String>,
    pub holder_name_hi: Option<String>,
}

/// How a post is named to people: `Section Officer (General Branch), Finance, Headquarters`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PostLabel {
    pub title_en: String,
    pub title_hi: String,
    pub office_name_en: String,
    pub office_name_hi: String,
}

/// One entry of a receipt's movement history, with the posts named as they were at the time.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MovementEntry {
    #[serde(flatten)]
    pub movement: Movement,
    /// The name of the official who acted (`movement.by`), in both languages.
    pub by_name_en: String,
    pub by_name_hi: String,
    pub from_label: Option<PostLabel>,
    pub to_label: PostLabel,
}

/// `GET /api/v1/auth/me`: who is signed in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Me {
    pub employee_id: EmployeeId,
    pub name_en: String,
    pub name_hi: String,
    pub designation_en: String,
    pub designation_hi: String,
    /// Every post the official may act at today: their own, then those held by acting charge.
    pub posts: Vec<PostSummary>,
    pub roles: Vec<Role>,
    /// The acting charges in force today, each naming the post, the officer on leave and the
    /// last day (`to`); their posts are also in `posts`.
    #[serde(default)]
    pub acting: Vec<crate::leave::acting::ActingCharge>,
}

/// `GET /api/v1/org/departments`.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DepartmentList {
    pub departments: Vec<Department>,
}

/// `GET /api/v1/org/departments/{dept}/offices`.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OfficeList {
    pub offices: Vec<Office>,
}

/// `GET /api/v1/org/offices/{office}/posts`.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PostList {
    pub posts: Vec<PostSummary>,
}

/// `POST /api/v1/receipts`: diarise a letter at one of the caller's posts.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DiariseRequest {
    /// The caller's post that receives the letter; its office's register numbers it.
    pub at_post: PostId,
    /// Not flattened, so a bad field is reported with its path (`letter.subject`).
    pub letter: LetterDetails,
    #[serde(default = "Remarks::empty")]
    pub remarks: Remarks,
    /// Finished uploads (the scanned letter) to attach.
    #[serde(default)]
    pub attachments: Vec<UploadId>,
    #[serde(default)]
    pub classification: Classification,
    /// A paper letter is diarised for tracking; each desk marks it received on arrival.
    #[serde(default)]
    pub medium: Medium,
}

/// A receipt as the app shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReceiptView {
    #[serde(flatten)]
    pub receipt: Receipt,
    /// The diary number written out, for example `DC-GGN/2026/42`.
    pub diary_number_text: String,
    pub holder_post: PostSummary,
    /// Whether the caller may forward it now.
    pub can_forward: bool,
}

/// One row of an inbox: a receipt waiting at a post.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct InboxEntry {
    pub receipt_id: ReceiptId,
    pub diary_number: DiaryNumber,
    pub diary_number_text: String,
    pub subject: String,
    pub sender: String,
    pub from_post: Option<PostId>,
    pub from_label: Option<PostLabel>,
    pub priority: Priority,
    pub due_date: Option<Date>,
    /// When it arrived (inbox), was sent (sent), diarised (created) or closed (closed).
    #[serde(with = "time::serde::rfc3339")]
    pub arrived_at: OffsetDateTime,
    /// In the sent list: where it went.
    #[serde(default)]
    pub to_post: Option<PostId>,
    #[serde(default)]
    pub to_label: Option<PostLabel>,
    /// A copy for information: the receipt itself is with another desk.
    #[serde(default)]
    pub copy: bool,
}

/// Which of a desk's receipt lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ReceiptDeskView {
    /// Receipts (and copies) waiting at the desk.
    #[default]
    Inbox,
    Sent,
    /// Diarised at the desk.
    Created,
    Closed,
}

impl ReceiptDeskView {
    pub const ALL: [ReceiptDeskView; 4] = [Self::Inbox, Self::Sent, Self::Created, Self::Closed];
}

/// `POST /api/v1/receipts/{id}/copies/{post}/acknowledge` answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AcknowledgedCopy {
    pub receipt_id: ReceiptId,
    pub post: PostId,
}

/// `POST /api/v1/receipts/{id}/close`.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CloseReceiptRequest {
    pub version: u64,
    #[serde(default = "Remarks::empty")]
    pub remarks: Remarks,
}

/// `POST /api/v1/files`: open a new file at one of the caller's posts.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CreateFileRequest {
    /// The caller's post that opens the file; its department's scheme numbers it.
    pub at_post: PostId,
    pub subject: Subject,
    pub category: FileCategory,
    pub head: SubjectHead,
    #[serde(default = "Remarks::empty")]
    pub remarks: Remarks,
    /// Digitising a paper file: the number it carried on paper.
    #[serde(default)]
    pub old_number: Option<Subject>,
    /// Digitising a paper file: finished uploads of its scanned volumes.
    #[serde(default)]
    pub scans: Vec<UploadId>,
    #[serde(default)]
    pub classification: Classification,
    #[serde(default)]
    pub medium: Medium,
}

/// `GET`/`PUT /api/v1/departments/{dept}/file-numbering`: how a department numbers its files,
/// as a template such as `{dept}-{section}/{head}/{serial}/{year}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FileNumbering {
    #[cfg_attr(feature = "openapi", schema(value_type = String))]
    pub scheme: crate::file::NumberingScheme,
}

/// A file as the app shows it, with what the caller may do to it now.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FileView {
    #[serde(flatten)]
    pub file: File,
    pub holder_post: PostSummary,
    pub allowed: Allowed,
}

/// `POST /api/v1/files/{id}/move`: send, recall, park, close… on the version the caller saw.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MoveRequest {
    pub version: u64,
    #[serde(flatten)]
    pub order: Move,
}

/// `POST /api/v1/files/{id}/notes`: start a yellow note.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct WriteNoteRequest {
    pub version: u64,
    pub text: NoteText,
    /// The post that is to sign it, when a PA drafts for an officer.
    #[serde(default)]
    pub sign_as: Option<PostId>,
    #[serde(default)]
    pub refs: Vec<NoteRef>,
    /// Finished uploads to place below the note.
    #[serde(default)]
    pub attachments: Vec<UploadId>,
}

/// `PUT /api/v1/files/{id}/notes/{note}`: rewrite the yellow note.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct EditNoteRequest {
    pub version: u64,
    pub text: NoteText,
    #[serde(default)]
    pub refs: Vec<NoteRef>,
}

/// A request that carries only the version the caller saw (sign or discard a note).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct VersionOnly {
    pub version: u64,
}

/// `POST /api/v1/files/{id}/receipts`: put a receipt from the caller's desk into the file.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AttachReceiptRequest {
    pub version: u64,
    pub receipt: ReceiptId,
}

/// `POST /api/v1/files/{id}/links`: link another file to this one.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LinkFileRequest {
    pub version: u64,
    pub other: FileId,
}

/// `POST /api/v1/files/{id}/drafts` and `.../drafts/{n}/revise`: a letter's text on the file
/// version the caller saw.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DraftRequest {
    pub version: u64,
    pub letter: crate::file::draft::LetterText,
    /// Finished uploads to send with the letter.
    #[serde(default)]
    pub enclosures: Vec<UploadId>,
    /// Revising: the earlier version's enclosures (numbered from 1) to leave out; the others
    /// carry over to the new version, before the new uploads.
    #[serde(default)]
    pub drop_enclosures: Vec<u32>,
}

/// An official as named at the time they acted: who, and at which post.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ActedBy {
    pub name_en: String,
    pub name_hi: String,
    pub post: PostLabel,
}

/// A draft letter on a file, with who wrote its latest version and who approved it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DraftView {
    #[serde(flatten)]
    pub draft: crate::file::draft::Draft,
    /// Absent for drafts stored before names were recorded with them.
    #[serde(default)]
    pub written_by: Option<ActedBy>,
    #[serde(default)]
    pub approved_by: Option<ActedBy>,
}

/// `POST /api/v1/files/{id}/drafts/{n}/issue`.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct IssueRequest {
    pub version: u64,
    pub mode: crate::file::draft::DispatchMode,
}

/// `POST /api/v1/offices/{office}/dispatch/{year}/{serial}/dispatched`.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DispatchedRequest {
    /// A postal receipt number, e-mail reference or the like.
    #[serde(default = "Remarks::empty")]
    pub reference: Remarks,
}

/// `POST /api/v1/files/{id}/merge`: attach another file from the same desk under this one.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MergeRequest {
    pub version: u64,
    pub part: FileId,
}

/// `POST /api/v1/files/{id}/parts`: open a part file at one of the caller's posts.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OpenPartRequest {
    pub at_post: PostId,
}

/// A note with its author and signer named.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NoteView {
    #[serde(flatten)]
    pub note: crate::file::Note,
    pub drafted_by_name_en: String,
    pub drafted_by_name_hi: String,
    /// The post the note is signed (or to be signed) as, named as it was then.
    pub sign_as_label: PostLabel,
    pub signed_by_name_en: Option<String>,
    pub signed_by_name_hi: Option<String>,
    /// What the caller may do to it now (filled in when listed; not stored).
    #[serde(default)]
    pub may: crate::file::NotePermissions,
}

/// One entry of a file's history, with names as they were at the time.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FileEventEntry {
    /// The sealed entry exactly as hashed.
    pub event: FileEvent,
    pub by_name_en: String,
    pub by_name_hi: String,
    pub at_label: PostLabel,
    pub to_label: Option<PostLabel>,
    /// The number of the other file, or the diary number of the receipt, that the entry names.
    #[serde(default)]
    pub other_name: Option<String>,
}

/// One stop on a file's track, named.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StayView {
    #[serde(flatten)]
    pub stay: Stay,
    pub label: PostLabel,
}

/// A receipt in a file's correspondence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CorrespondenceEntry {
    pub receipt_id: ReceiptId,
    pub diary_number_text: String,
    pub subject: String,
    pub sender: String,
    pub letter_date: Date,
    #[serde(with = "time::serde::rfc3339")]
    pub attached_at: OffsetDateTime,
}

/// A file linked to another.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LinkedFile {
    pub file_id: FileId,
    pub number: String,
    pub subject: String,
}

/// Which of a desk's file lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum DeskView {
    /// Files with the desk and being worked on.
    #[default]
    Inbox,
    Parked,
    /// Files the desk opened and closed.
    Closed,
    Sent,
    Created,
}

impl DeskView {
    pub const ALL: [DeskView; 5] = [Self::Inbox, Self::Parked, Self::Closed, Self::Sent, Self::Created];
}

/// One row of a desk's file list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FileRow {
    pub file_id: FileId,
    pub number: String,
    pub subject: String,
    /// The other desk: where it came from (inbox) or went to (sent).
    pub counterpart: Option<PostId>,
    pub counterpart_label: Option<PostLabel>,
    pub priority: Priority,
    pub due_date: Option<Date>,
    /// When it arrived, was sent, parked, closed or created.
    #[serde(with = "time::serde::rfc3339")]
    pub at: OffsetDateTime,
    /// Whether the desk has opened it since it arrived.
    pub opened: bool,
    pub status: FileStatus,
}

/// What a search hit is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum SearchKind {
    File,
    Receipt,
}

/// One search result: enough to recognise it; opening it is authorized as usual.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SearchHit {
    pub kind: SearchKind,
    /// The file or receipt ID, for its page.
    pub id: String,
    /// The file number or diary number.
    pub number: String,
    pub subject: String,
    /// When it was opened or diarised.
    #[serde(with = "time::serde::rfc3339")]
    pub at: OffsetDateTime,
    /// The subject's search terms.
    pub terms: Vec<String>,
}

/// `POST /api/v1/uploads`: announce a file to upload.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StartUpload {
    pub name: DocumentName,
    pub content_type: AttachmentType,
    /// Bytes; checked against the limit before anything is sent.
    pub size: u64,
}

/// Where to send an upload's bytes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum UploadDestination {
    /// Straight to storage (production): `method` to `url` with these headers, then
    /// `POST /api/v1/uploads/{id}/confirm`.
    Direct {
        url: String,
        method: String,
        headers: Vec<(String, String)>,
    },
    /// To the API itself (local run): `PUT url` with the bytes; no confirm needed.
    ThroughServer { url: String },
}

/// `POST /api/v1/uploads` answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct UploadTicket {
    pub upload_id: UploadId,
    pub destination: UploadDestination,
}

/// A finished upload, ready to attach.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct UploadDone {
    pub upload_id: UploadId,
    pub name: DocumentName,
    pub content_type: AttachmentType,
    pub size: u64,
    pub sha256: String,
}

/// A page of a list, with an opaque cursor for the next page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Page<T> {
    pub items: Vec<T>,
    pub next_cursor: Option<String>,
}

/// The most rows one list request returns, whatever it asks for.
pub const MAX_PAGE_SIZE: u32 = 100;
/// Rows per page when the request does not say.
pub const DEFAULT_PAGE_SIZE: u32 = 25;

/// Stable error codes: the app translates these, so they never change meaning.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    /// The request body or a parameter is malformed or breaks a rule.
    Invalid,
    /// Wrong employee ID or password.
    BadCredentials,
    /// Too many failed logins; try later.
    RateLimited,
    /// No session, or it has expired.
    Unauthenticated,
    /// A state-changing request came from another site.
    BadOrigin,
    /// Signed in, but not allowed to do this.
    Forbidden,
    NotFound,
    /// Someone else changed it first; reload and try again.
    Conflict,
    /// Not possible in the item's present state (parked, closed, not yet received…).
    WrongState,
    /// The same Idempotency-Key was used for a different request.
    IdempotencyKeyReused,
    /// The same Idempotency-Key is still being processed.
    InProgress,
    /// Something failed on our side.
    Internal,
    /// Storage is busy; try again.
    Unavailable,
}

impl ErrorCode {
    pub const ALL: [ErrorCode; 13] = [
        Self::Invalid,
        Self::BadCredentials,
        Self::RateLimited,
        Self::Unauthenticated,
        Self::BadOrigin,
        Self::Forbidden,
        Self::NotFound,
        Self::Conflict,
        Self::WrongState,
        Self::IdempotencyKeyReused,
        Self::InProgress,
        Self::Internal,
        Self::Unavailable,
    ];
}

/// An RFC 9457 problem document, as every error is returned.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Problem {
    #[serde(rename = "type")]
    pub type_uri: String,
    pub title: String,
    pub status: u16,
    /// A human message in English; the app shows its own translation of `code` and may add this.
    pub detail: String,
    /// The same message in Hindi, when the server has it (the e-Leave refusals), so that a
    /// Hindi reader is told why in Hindi; otherwise the app falls back to `detail`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub detail_hi: Option<String>,
    pub code: ErrorCode,
    /// The request field the problem is about, when there is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
    /// For a conflict: the current version of the thing, so the app can reload it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub current_version: Option<u64>,
}

/// `GET /api/health`.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Health {
    pub status: String,
    pub store: String,
}
