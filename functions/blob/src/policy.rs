//! What an attachment may be: its type, told by its first bytes, and its size.
//!
//! These rules are pure so that both backends, and both upload paths (bytes through the server,
//! or straight to S3 and confirmed afterwards), refuse exactly the same files for the same
//! reasons.

use std::fmt;
use std::str::FromStr;

/// The kinds of file an office attaches: scanned letters and PDFs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ContentType {
    Pdf,
    Jpeg,
    Png,
}

impl ContentType {
    /// Every accepted type, for listing them to the user.
    pub const ALL: [ContentType; 3] = [ContentType::Pdf, ContentType::Jpeg, ContentType::Png];

    /// The media type to send with the bytes (`Content-Type`).
    pub fn mime(self) -> &'static str {
        match self {
            ContentType::Pdf => "application/pdf",
            ContentType::Jpeg => "image/jpeg",
            ContentType::Png => "image/png",
        }
    }

    /// The signature every file of this type starts with.
    fn magic(self) -> &'static [u8] {
        match self {
            ContentType::Pdf => b"%PDF-",
            ContentType::Jpeg => &[0xFF, 0xD8, 0xFF],
            ContentType::Png => &[0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A],
        }
    }

    /// The type the bytes really are, judged by their signature, or `None` for anything else.
    /// A file name or a declared header can lie; the first bytes are what a viewer will parse.
    pub fn sniff(bytes: &[u8]) -> Option<ContentType> {
        ContentType::ALL
            .into_iter()
            .find(|kind| bytes.starts_with(kind.magic()))
    }
}

impl fmt::Display for ContentType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.mime())
    }
}

/// Parses a declared media type such as a `Content-Type` header value. Media types are
/// case-insensitive and may carry parameters (`application/pdf; name=x`), which are ignored.
impl FromStr for ContentType {
    type Err = Refusal;

    fn from_str(declared: &str) -> Result<Self, Refusal> {
        let essence = declared.split(';').next().unwrap_or_default().trim();
        ContentType::ALL
            .into_iter()
            .find(|kind| kind.mime().eq_ignore_ascii_case(essence))
            .ok_or(Refusal::UnsupportedType)
    }
}

/// Why an attachment was not accepted. Each is the uploader's to fix, so the API answers 4xx.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum Refusal {
    #[error("the file is empty")]
    Empty,
    #[error("the file is larger than the limit of {max} bytes")]
    TooLarge { max: u64 },
    #[error("only PDF, JPEG and PNG files can be attached")]
    UnsupportedType,
    #[error("the file was declared as {declared} but its contents are {detected}")]
    TypeMismatch {
        declared: ContentType,
        detected: ContentType,
    },
}

/// Limits on what may be attached.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AttachmentPolicy {
    /// The largest accepted file, in bytes.
    pub max_bytes: u64,
}

impl AttachmentPolicy {
    /// 25 MiB: a multi-page scan at office resolution fits; a stray video does not.
    pub const DEFAULT_MAX_BYTES: u64 = 25 * 1024 * 1024;

    /// Whether a file of `len` bytes may be attached, before any of it is seen: used to refuse an
    /// upload before issuing somewhere to send it.
    pub fn check_size(&self, len: u64) -> Result<(), Refusal> {
        if len == 0 {
            Err(Refusal::Empty)
        } else if len > self.max_bytes {
            Err(Refusal::TooLarge { max: self.max_bytes })
        } else {
            Ok(())
        }
    }

    /// Whether a file of `len` bytes, declared as `declared`, whose contents start with `prefix`
    /// (at least the first 8 bytes, or all of a shorter file) may be attached.
    pub fn check(&self, declared: ContentType, prefix: &[u8], len: u64) -> Result<(), Refusal> {
        self.check_size(len)?;
        match ContentType::sniff(prefix) {
            None => Err(Refusal::UnsupportedType),
            Some(detected) if detected != declared => Err(Refusal::TypeMismatch { declared, detected }),
            Some(_) => Ok(()),
        }
    }
}

impl Default for AttachmentPolicy {
    fn default() -> Self {
        AttachmentPolicy {
            max_bytes: Self::DEFAULT_MAX_BYTES,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::ContentType::{Jpeg, Pdf, Png};
    use super::*;

    const PDF: &[u8] = b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n";
    const JPEG: &[u8] = &[0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, b'J', b'F', b'I', b'F'];
    const PNG: &[u8] = &[0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D];
    const EXE: &[u8] = b"MZ\x90\x00\x03\x00\x00\x00";

    #[test]
    fn sniffing_reads_the_signature_only() {
        let cases: &[(&[u8], Option<ContentType>)] = &[
            (PDF, Some(Pdf)),
            (JPEG, Some(Jpeg)),
            (PNG, Some(Png)),
            (EXE, None),
            (b"", None),
            (b"%PDF", None),
            (&PNG[..7], None),
            (b" %PDF-1.4", None),
            (b"<html>%PDF-", None),
        ];
        for (bytes, expected) in cases {
            assert_eq!(ContentType::sniff(bytes), *expected, "{bytes:?}");
        }
    }

    #[test]
    fn check_refuses_with_the_reason() {
        let policy = AttachmentPolicy { max_bytes: 100 };
        // Declared type, first bytes, length, verdict.
        type Case = (ContentType, &'static [u8], u64, Result<(), Refusal>);
        let cases: &[Case] = &[
            (Pdf, PDF, PDF.len() as u64, Ok(())),
            (Jpeg, JPEG, 100, Ok(())),
            (Png, PNG, PNG.len() as u64, Ok(())),
            (Pdf, b"", 0, Err(Refusal::Empty)),
            (Pdf, PDF, 101, Err(Refusal::TooLarge { max: 100 })),
            // Size is judged before type: a huge executable is refused as too large.
            (Pdf, EXE, 10_000, Err(Refusal::TooLarge { max: 100 })),
            (Pdf, EXE, EXE.len() as u64, Err(Refusal::UnsupportedType)),
            (Png, b"GIF89a", 6, Err(Refusal::UnsupportedType)),
            (
                Pdf,
                PNG,
                PNG.len() as u64,
                Err(Refusal::TypeMismatch {
                    declared: Pdf,
                    detected: Png,
                }),
            ),
            (
                Jpeg,
                PDF,
                PDF.len() as u64,
                Err(Refusal::TypeMismatch {
                    declared: Jpeg,
                    detected: Pdf,
                }),
            ),
        ];
        for (declared, prefix, len, expected) in cases {
            assert_eq!(
                policy.check(*declared, prefix, *len),
                *expected,
                "{declared} {prefix:?} {len}"
            );
        }
    }

    #[test]
    fn size_limit_is_inclusive() {
        let policy = AttachmentPolicy::default();
        assert_eq!(policy.check_size(1), Ok(()));
        assert_eq!(policy.check_size(25 * 1024 * 1024), Ok(()));
        assert_eq!(
            policy.check_size(25 * 1024 * 1024 + 1),
            Err(Refusal::TooLarge { max: 25 * 1024 * 1024 })
        );
        assert_eq!(policy.check_size(0), Err(Refusal::Empty));
    }

    #[test]
    fn declared_media_types_parse_case_insensitively_without_parameters() {
        let cases: &[(&str, Result<ContentType, Refusal>)] = &[
            ("application/pdf", Ok(Pdf)),
            ("Application/PDF", Ok(Pdf)),
            ("image/jpeg", Ok(Jpeg)),
            ("image/png; name=\"scan.png\"", Ok(Png)),
            (" image/png ", Ok(Png)),
            ("image/jpg", Err(Refusal::UnsupportedType)),
            ("text/html", Err(Refusal::UnsupportedType)),
            ("application/pdfx", Err(Refusal::UnsupportedType)),
            ("", Err(Refusal::UnsupportedType)),
        ];
        for (declared, expected) in cases {
            assert_eq!(declared.parse::<ContentType>(), *expected, "{declared:?}");
        }
        for kind in ContentType::ALL {
            assert_eq!(kind.mime().parse::<ContentType>(), Ok(kind));
            assert_eq!(kind.to_string(), kind.mime());
        }
    }
}
