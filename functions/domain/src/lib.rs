//! Daftar's domain: the types an e-Office talks in and the rules that govern them.
//!
//! This crate knows no I/O: no HTTP, no storage, no clock and no randomness it was not handed.
//! It compiles natively for the server and to WASM for the browser, so both validate with the
//! same code. A value of one of these types that exists is valid.

pub mod admin;
pub mod attachment;
pub mod auth;
pub mod control;
pub mod file;
pub mod handling;
pub mod ids;
pub mod kms;
pub mod leave;
pub mod local_time;
pub mod org;
pub mod pims;
pub mod receipt;
pub mod reports;
pub mod search;
pub mod session;
pub mod text;
pub mod wire;

pub use ids::{
    DeptCode, EmployeeId, FileId, IdempotencyKey, OfficeCode, PostId, ReceiptId, SectionCode, SubjectHead, UploadId,
};
pub use text::{DocumentName, NoteText, PartyName, PersonName, Reason, Remarks, Subject};
