//! Attachments: scanned letters and PDFs on receipts, notes and digitised files. The bytes live in
//! a blob store; the domain keeps what was stored, its size and its SHA-256.

use crate::ids::EmployeeId;
use crate::text::DocumentName;
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

/// The kinds of file accepted: what scanners and offices produce.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum AttachmentType {
    Pdf,
    Jpeg,
    Png,
}

impl AttachmentType {
    pub const ALL: [AttachmentType; 3] = [Self::Pdf, Self::Jpeg, Self::Png];

    pub fn mime(self) -> &'static str {
        match self {
            Self::Pdf => "application/pdf",
            Self::Jpeg => "image/jpeg",
            Self::Png => "image/png",
        }
    }

    /// The type a browser reports for a chosen file, if it is one we accept.
    pub fn from_mime(mime: &str) -> Option<Self> {
        Self::ALL
            .into_iter()
            .find(|t| t.mime().eq_ignore_ascii_case(mime.trim()))
    }
}

/// The largest attachment accepted: a long scanned file at office resolution.
pub const MAX_ATTACHMENT_BYTES: u64 = 25 * 1024 * 1024;
/// The most attachments on one receipt, note or file.
pub const MAX_ATTACHMENTS: usize = 20;

/// A stored attachment as the table records it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Attachment {
    /// The name the uploader gave it, shown and offered on download.
    pub name: DocumentName,
    pub content_type: AttachmentType,
    pub size: u64,
    /// SHA-256 of the bytes as stored, hex.
    pub sha256: String,
    /// Where the blob store keeps it.
    pub blob_key: String,
    pub uploaded_by: EmployeeId,
    #[serde(with = "time::serde::rfc3339")]
    pub uploaded_at: OffsetDateTime,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn browser_types_map_to_accepted_kinds_only() {
        assert_eq!(AttachmentType::from_mime("application/pdf"), Some(AttachmentType::Pdf));
        assert_eq!(AttachmentType::from_mime("IMAGE/JPEG"), Some(AttachmentType::Jpeg));
        assert_eq!(AttachmentType::from_mime("application/x-msdownload"), None);
        assert_eq!(AttachmentType::from_mime("image/gif"), None);
    }
}
