//! Where a blob lives: a key that is safe both as an S3 object key and as a relative path.

use crate::BlobError;
use std::fmt;

/// The name of a stored blob, such as `receipts/R-2026-ABC/1`: segments of ASCII letters,
/// digits, `-`, `_` and `.`, separated by single `/`.
///
/// Because the folder backend turns a key into a path under its root, a key that exists can never
/// name anything outside it: no segment is empty (so no leading, trailing or doubled `/`), and no
/// segment starts with `.` (so no `.` or `..`, and no hidden files that could collide with the
/// backend's own scratch space).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct BlobKey(String);

impl BlobKey {
    /// S3's limit on object keys.
    pub const MAX_LEN: usize = 1024;
    /// The usual file-system limit on one path component.
    pub const MAX_SEGMENT_LEN: usize = 255;

    pub fn parse(key: impl Into<String>) -> Result<BlobKey, BlobError> {
        let key = key.into();
        match Self::problem(&key) {
            None => Ok(BlobKey(key)),
            Some(reason) => Err(BlobError::InvalidKey { key, reason }),
        }
    }

    fn problem(key: &str) -> Option<&'static str> {
        if key.is_empty() {
            return Some("it is empty");
        }
        if key.len() > Self::MAX_LEN {
            return Some("it is longer than 1024 bytes");
        }
        for segment in key.split('/') {
            if segment.is_empty() {
                return Some("it has an empty segment (a leading, trailing or doubled '/')");
            }
            if segment.starts_with('.') {
                return Some("a segment starts with '.'");
            }
            if segment.len() > Self::MAX_SEGMENT_LEN {
                return Some("a segment is longer than 255 bytes");
            }
            if !segment
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'))
            {
                return Some("only ASCII letters, digits, '-', '_', '.' and '/' are allowed");
            }
        }
        None
    }

    /// The `/`-separated segments, for building a path one component at a time.
    pub(crate) fn segments(&self) -> impl Iterator<Item = &str> {
        self.0.split('/')
    }
}

impl AsRef<str> for BlobKey {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for BlobKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use std::path::{Component, Path};

    #[test]
    fn accepts_office_style_keys() {
        for key in ["receipts/R-2026-ABC/1", "notes/F_12.3/draft-2.pdf", "a", "x.y"] {
            assert_eq!(BlobKey::parse(key).map(|k| k.to_string()).ok().as_deref(), Some(key));
        }
        assert!(BlobKey::parse("a".repeat(255)).is_ok());
        assert!(BlobKey::parse(vec!["a".repeat(255); 4].join("/")).is_ok());
    }

    #[test]
    fn refuses_keys_that_could_escape_or_confuse_a_path() {
        let bad = [
            "",
            "/receipts/1",
            "receipts/1/",
            "receipts//1",
            "..",
            "receipts/../../etc/passwd",
            "receipts/./1",
            ".hidden",
            "receipts/.tmp",
            "receipts\\1",
            "receipts/1 2",
            "receipts/१",
            "C:receipts",
            "receipts/1\0",
        ];
        for key in bad {
            assert!(
                matches!(BlobKey::parse(key), Err(BlobError::InvalidKey { .. })),
                "{key:?} was accepted"
            );
        }
        assert!(BlobKey::parse("a".repeat(256)).is_err());
        assert!(BlobKey::parse(vec!["a".repeat(200); 6].join("/")).is_err());
    }

    proptest! {
        #[test]
        fn every_accepted_key_is_a_plain_relative_path(key in "[a-zA-Z0-9._/\\\\:-]{1,40}") {
            if let Ok(parsed) = BlobKey::parse(key.clone()) {
                let components: Vec<_> = Path::new(parsed.as_ref()).components().collect();
                prop_assert!(components.iter().all(|c| matches!(c, Component::Normal(_))), "{key:?}");
                prop_assert_eq!(components.len(), parsed.segments().count());
            }
        }
    }
}
