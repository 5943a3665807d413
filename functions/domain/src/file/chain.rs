//! A file's history as a hash chain: each entry holds the hash of the one before, so an entry
//! changed or removed in storage is found by recomputing the chain.

use super::draft::DraftVersion;
use super::{FileEvent, FileEventKind, Note};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

/// The hash before the first entry.
pub const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// SHA-256 of a value's JSON form, hex. JSON field order follows the struct, so it is stable.
pub fn content_hash<T: Serialize>(value: &T) -> String {
    let json = serde_json::to_vec(value).expect("domain values serialise");
    hex(&Sha256::digest(json))
}

/// The hash an entry must carry: over the previous hash and the entry with its own hash blank.
pub fn entry_hash(event: &FileEvent) -> String {
    let mut unsealed = event.clone();
    unsealed.hash = String::new();
    let mut hasher = Sha256::new();
    hasher.update(event.prev_hash.as_bytes());
    hasher.update(serde_json::to_vec(&unsealed).expect("events serialise"));
    hex(&hasher.finalize())
}

/// Links an entry to the one before it and seals it.
pub fn seal(mut event: FileEvent, prev_hash: &str) -> FileEvent {
    event.prev_hash = prev_hash.to_owned();
    event.hash = entry_hash(&event);
    event
}

/// What `verify` found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case", tag = "status")]
pub enum ChainReport {
    /// Every entry is intact and the last hash matches the file's.
    Intact { entries: u32, last_hash: String },
    /// The first entry that does not match, and how.
    Broken { seq: u32, reason: BreakReason },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum BreakReason {
    /// The entry's content no longer matches its hash.
    ContentChanged,
    /// The entry does not point at the entry before it (one was removed, inserted or reordered).
    LinkBroken,
    /// A signed note or an approved draft no longer matches the hash recorded when it was sealed.
    DocumentChanged,
    /// Entries are missing at the end: the file says there are more.
    Truncated,
}

/// What the history sealed by hash besides its own entries: signed notes and approved drafts.
#[derive(Debug, Clone, Copy, Default)]
pub struct Sealed<'a> {
    pub notes: &'a [Note],
    pub draft_versions: &'a [DraftVersion],
}

impl Sealed<'_> {
    /// Whether the document an entry sealed still hashes as it did; entries that seal nothing pass.
    fn intact(&self, kind: &FileEventKind) -> bool {
        match kind {
            FileEventKind::NoteSigned { note, content_hash, .. } => self
                .notes
                .iter()
                .any(|n| n.id == *note && n.content_hash() == *content_hash),
            FileEventKind::DraftApproved {
                draft,
                version,
                content_hash,
            } => self
                .draft_versions
                .iter()
                .any(|v| v.draft == *draft && v.version == *version && v.content_hash() == *content_hash),
            _ => true,
        }
    }
}

/// Recomputes a file's chain from its stored entries (in order) and the documents they sealed.
pub fn verify(
    events: &[FileEvent],
    sealed: Sealed<'_>,
    expected_entries: u32,
    expected_last_hash: &str,
) -> ChainReport {
    let mut prev = GENESIS.to_owned();
    for (index, event) in events.iter().enumerate() {
        let seq = index as u32 + 1;
        let broken = |reason| ChainReport::Broken { seq, reason };
        if event.seq != seq || event.prev_hash != prev {
            return broken(BreakReason::LinkBroken);
        }
        if entry_hash(event) != event.hash {
            return broken(BreakReason::ContentChanged);
        }
        if !sealed.intact(&event.kind) {
            return broken(BreakReason::DocumentChanged);
        }
        prev = event.hash.clone();
    }
    let entries = events.len() as u32;
    if entries != expected_entries || prev != expected_last_hash {
        return ChainReport::Broken {
            seq: entries + 1,
            reason: BreakReason::Truncated,
        };
    }
    ChainReport::Intact {
        entries,
        last_hash: prev,
    }
}
