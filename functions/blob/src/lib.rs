//! Attachments: the scanned letters and PDFs on receipts, notes and drafts.
//!
//! # Why the bytes never go in the table
//!
//! A DynamoDB item holds at most 400 KB and a scanned letter is often megabytes, so the table
//! records only a [`StoredBlob`] (key, type, size, SHA-256) and the bytes live in a [`BlobStore`]:
//! [`s3::S3BlobStore`] in production, [`folder::FolderBlobStore`] (a data folder) locally. Both
//! pass one contract suite (`tests/contract.rs`).
//!
//! # How a file gets in
//!
//! A Lambda request body is capped at 6 MB, and scans are larger, so in production the bytes must
//! not pass through the API at all:
//!
//! 1. The API asks [`BlobStore::upload_target`] where to send a file of the declared type and
//!    size; a size the policy would refuse is refused there and then. S3 answers
//!    [`UploadTarget::Presigned`]: a short-lived URL for a `PUT`, whose signature also pins the
//!    `Content-Type` and length. The folder answers [`UploadTarget::ThroughServer`]: the local
//!    server takes the bytes in its own request and calls [`BlobStore::put`], which checks them
//!    before writing anything.
//! 2. After a presigned upload the API calls [`BlobStore::confirm_upload`]. The client could have
//!    sent anything to that URL, so the store reads back what was really stored, checks it against
//!    the policy (size, and type by its first bytes), deletes it if refused, and only then returns
//!    the hash and type the API records. What the table says is what the store holds.
//!
//! # How a file gets out
//!
//! [`BlobStore::get`] returns the bytes with the type they really are (every stored blob passed
//! the policy, so its first bytes tell its type) and their hash as read, which a caller can compare
//! with the hash recorded at upload. A Lambda response is capped at 6 MB as well, so in production
//! large scans will need a presigned `GET` in the same way; that is not built yet.
//!
//! # Errors
//!
//! [`BlobError`] separates the uploader's mistakes ([`BlobError::Refused`] with a [`Refusal`],
//! [`BlobError::NotUploaded`]), which the API answers with 4xx, from the storage failing
//! ([`BlobError::Storage`]), which it answers with 503. [`BlobError::InvalidKey`] comes only from
//! [`BlobKey::parse`]; the server builds keys, so it is a bug there (500).

pub mod folder;
mod key;
mod policy;
pub mod s3;

pub use key::BlobKey;
pub use policy::{AttachmentPolicy, ContentType, Refusal};

use async_trait::async_trait;
use sha2::{Digest, Sha256};
use std::fmt;
use std::sync::Arc;
use std::time::Duration;

/// Where attachments' bytes are kept.
#[async_trait]
pub trait BlobStore: Send + Sync {
    /// Checks `bytes` against the store's policy and, if they pass, stores them under `key`
    /// (replacing what was there). Nothing is written when they are refused.
    async fn put(&self, key: &BlobKey, declared: ContentType, bytes: Vec<u8>) -> Result<StoredBlob, BlobError>;

    /// The blob under `key`, or `None` if there is none.
    async fn get(&self, key: &BlobKey) -> Result<Option<BlobContents>, BlobError>;

    /// Where a client should send a file of `size` bytes of type `declared` for `key`, valid for
    /// `ttl`. Refuses at once a size the policy would refuse later.
    async fn upload_target(
        &self,
        key: &BlobKey,
        declared: ContentType,
        size: u64,
        ttl: Duration,
    ) -> Result<UploadTarget, BlobError>;

    /// Verifies what a client uploaded to `key` through an [`UploadTarget`]: checks the stored
    /// bytes against the policy and `declared`, deletes them if refused, and otherwise describes
    /// them as they really are.
    async fn confirm_upload(&self, key: &BlobKey, declared: ContentType) -> Result<StoredBlob, BlobError>;
}

/// A blob store shared by the routers that attach files.
pub type SharedBlobStore = Arc<dyn BlobStore>;

/// What the table records about a stored attachment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredBlob {
    pub key: BlobKey,
    pub content_type: ContentType,
    /// Length in bytes.
    pub size: u64,
    pub sha256: Sha256Digest,
}

/// A blob as read back: what it is, and its bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BlobContents {
    pub blob: StoredBlob,
    pub bytes: Vec<u8>,
}

/// The SHA-256 of a blob's bytes; displays as 64 lowercase hex digits.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Sha256Digest([u8; 32]);

impl Sha256Digest {
    pub fn of(bytes: &[u8]) -> Sha256Digest {
        Sha256Digest(Sha256::digest(bytes).into())
    }

    pub fn as_bytes(&self) -> &[u8; 32] {
        &self.0
    }
}

impl fmt::Display for Sha256Digest {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.iter().try_for_each(|byte| write!(f, "{byte:02x}"))
    }
}

impl fmt::Debug for Sha256Digest {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Sha256Digest({self})")
    }
}

/// Where the client sends an attachment's bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UploadTarget {
    /// Send the bytes straight to storage with one request: `method` to `url`, with these
    /// `headers` (they are part of the signature; `Content-Length`, the declared size, is what an
    /// HTTP client sends for a body of that size anyway), then ask the API to confirm.
    Presigned {
        url: String,
        method: String,
        headers: Vec<(String, String)>,
    },
    /// Send the bytes to the API itself, which stores them with [`BlobStore::put`].
    ThroughServer,
}

#[derive(Debug, thiserror::Error)]
pub enum BlobError {
    /// The file breaks the attachment policy.
    #[error("attachment refused: {0}")]
    Refused(#[from] Refusal),
    /// A confirmed upload is not there: the client never sent it, or it was refused and removed.
    #[error("nothing was uploaded to {key}")]
    NotUploaded { key: BlobKey },
    #[error("{key:?} is not a valid blob key: {reason}")]
    InvalidKey { key: String, reason: &'static str },
    /// The storage itself failed or holds something this crate never wrote; worth a retry later.
    #[error("attachment storage failed while {doing}: {detail}")]
    Storage { doing: String, detail: String },
}

impl BlobError {
    fn storage(doing: impl Into<String>, detail: impl fmt::Display) -> BlobError {
        BlobError::Storage {
            doing: doing.into(),
            detail: detail.to_string(),
        }
    }
}

/// Checks whole `bytes` against `policy` and `declared`, and describes them if they pass.
fn admit(policy: &AttachmentPolicy, key: &BlobKey, declared: ContentType, bytes: &[u8]) -> Result<StoredBlob, Refusal> {
    policy.check(declared, bytes, bytes.len() as u64)?;
    Ok(StoredBlob {
        key: key.clone(),
        content_type: declared,
        size: bytes.len() as u64,
        sha256: Sha256Digest::of(bytes),
    })
}

/// Describes bytes read back from storage. Every blob was admitted by the policy, so its type is
/// whatever its first bytes say; anything else was not written by this crate.
fn describe(key: &BlobKey, bytes: Vec<u8>) -> Result<BlobContents, BlobError> {
    let content_type = ContentType::sniff(&bytes)
        .ok_or_else(|| BlobError::storage(format!("reading {key}"), "the stored bytes are not a PDF, JPEG or PNG"))?;
    Ok(BlobContents {
        blob: StoredBlob {
            key: key.clone(),
            content_type,
            size: bytes.len() as u64,
            sha256: Sha256Digest::of(&bytes),
        },
        bytes,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digest_displays_as_lowercase_hex() {
        assert_eq!(
            Sha256Digest::of(b"abc").to_string(),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
        assert_eq!(Sha256Digest::of(b"").as_bytes()[..2], [0xe3, 0xb0]);
    }
}
