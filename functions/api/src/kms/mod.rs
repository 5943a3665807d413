//! The knowledge base (KMS): circulars, orders, notifications, acts, guidelines, manuals and
//! forms, open to every signed-in official and kept by each department's KMS editors.
//!
//! A document is one record (`KMSDOC#{id}`/`META`, the current version's snapshot) plus its
//! versions (`V#{n}`), never rewritten. Every way of finding documents is an index kept in the
//! same transaction as the change: the folder's, department's and category's lists by issue
//! date, the number index (which is also the number's uniqueness claim) and one row per search
//! term. Each row carries the document's [`KmsHit`], so lists and searches need no second read
//! and filter by department, category and date on the row. A change rewrites the rows whose
//! content changed and deletes the ones whose key moved (a new date, folder or validity), all
//! bounded by [`daftar_domain::kms::MAX_DOCUMENT_TERMS`]: the largest change (superseding) is
//! about 70 writes, under the 100 a transaction allows.
//!
//! Subscriptions are served by pulling, not pushing. Every new document or version is written
//! once to a change feed per subscription target it falls under (its folder, department and
//! category: three writes, whatever the number of subscribers), and a subscriber's KMS inbox
//! is computed at read time by merging the newest entries of each feed they follow (at most
//! [`daftar_domain::kms::MAX_SUBSCRIPTIONS`] queries). Pushing a copy into every subscriber's
//! inbox would make a Finance circular cost one write per Finance official, beyond any
//! transaction's limit and not atomic with the document; pulling keeps writes O(1) and puts the
//! cost on the reader, who pays O(subscriptions), which is bounded.

mod routes;
pub mod seed;

pub use routes::*;

use crate::error::ApiError;
use crate::keys;
use daftar_domain::auth::Denied;
use daftar_domain::kms::{KmsChange, KmsDocument, KmsHit, KmsRefusal, SubscriptionTarget};
use daftar_domain::{DeptCode, PostId};
use daftar_store::{Condition, Item, Key, Store, Write};
use serde::{Deserialize, Serialize};
use time::Date;

/// How long a change stays in the feeds: long enough for anyone back from long leave.
const FEED_LIFETIME_SECONDS: i64 = 400 * 24 * 60 * 60;

/// A refusal by the domain, with its field and its Hindi.
pub(crate) fn refuse(refusal: KmsRefusal) -> ApiError {
    match refusal {
        // The document's state forbids it: reloading will not help, so it is not a form error.
        KmsRefusal::AlreadySuperseded | KmsRefusal::AlreadyWithdrawn | KmsRefusal::NotInForce => {
            ApiError::WrongState(refusal.to_string()).with_hindi(refusal.hindi())
        }
        _ => ApiError::invalid(refusal.field(), &refusal).with_hindi(refusal.hindi()),
    }
}

/// The answer to someone who is not a KMS editor of the document's department.
pub(crate) fn not_an_editor(denied: Denied) -> ApiError {
    ApiError::Forbidden(denied).with_hindi("केवल जारी करने वाले विभाग के KMS संपादक ही इसे बदल सकते हैं")
}

/// The dates in keys: `YYYY-MM-DD`, so string order is date order.
pub(crate) fn date_key(date: Date) -> String {
    format!("{:04}-{:02}-{:02}", date.year(), u8::from(date.month()), date.day())
}

pub(crate) fn unix_millis(at: time::OffsetDateTime) -> i64 {
    (at.unix_timestamp_nanos() / 1_000_000) as i64
}

/// The posts whose holders are a department's KMS editors, as its setting says.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub(crate) struct EditorPosts {
    pub posts: Vec<PostId>,
}

pub(crate) async fn editor_posts(store: &dyn Store, dept: &DeptCode) -> Result<Vec<PostId>, ApiError> {
    Ok(match store.get(&keys::kms_editors(dept)).await? {
        Some(item) => item.parse::<EditorPosts>()?.posts,
        None => Vec::new(),
    })
}

pub(crate) fn editors_item(dept: &DeptCode, posts: &[PostId]) -> Item {
    Item::new(
        keys::kms_editors(dept),
        serde_json::to_value(EditorPosts { posts: posts.to_vec() }).expect("editor lists serialise"),
    )
}

/// Every index row of a document as it is now: (key, whether it is the number claim).
fn index_keys(hit: &KmsHit) -> Vec<(Key, bool)> {
    let date = date_key(hit.date);
    let mut rows = vec![
        (keys::kms_number(&hit.number.normalised()), true),
        (keys::kms_folder_document(&hit.folder, &date, &hit.id), false),
        (keys::kms_department_document(&hit.dept, &date, &hit.id), false),
        (keys::kms_category_document(hit.category, &date, &hit.id), false),
    ];
    let rank = hit.validity.rank();
    rows.extend(
        hit.terms
            .iter()
            .map(|term| (keys::kms_term(term, rank, &date, &hit.id), false)),
    );
    rows
}

/// The writes that bring a document's index rows from `old` (none for a new document) to
/// `new`: every current row put with the new content, and rows whose key moved deleted. The
/// number row of a new document is put only if no document has that number; it comes first,
/// so a clash fails the transaction at a known position.
pub(crate) fn reindex(old: Option<&KmsHit>, new: &KmsHit) -> Vec<Write> {
    let body = serde_json::to_value(new).expect("hits serialise");
    let new_keys = index_keys(new);
    let mut writes: Vec<Write> = new_keys
        .iter()
        .map(|(key, is_number)| Write::Put {
            item: Item::new(key.clone(), body.clone()),
            condition: if *is_number && old.is_none() {
                Condition::NotExists
            } else {
                Condition::None
            },
        })
        .collect();
    if let Some(old) = old {
        writes.extend(
            index_keys(old)
                .into_iter()
                .filter(|(key, _)| !new_keys.iter().any(|(k, _)| k == key))
                .map(|(key, _)| Write::Delete {
                    key,
                    condition: Condition::None,
                }),
        );
    }
    writes
}

/// The document's record, written conditionally on the version read (`NotExists` when new).
pub(crate) fn document_write(document: &KmsDocument, read_version: Option<u64>) -> Write {
    let item = Item::new(
        keys::kms_document(&document.id),
        serde_json::to_value(document).expect("documents serialise"),
    )
    .with_version(read_version.map_or(1, |v| v + 1));
    Write::Put {
        item,
        condition: read_version.map_or(Condition::NotExists, Condition::VersionIs),
    }
}

/// The document's current version, kept for ever.
pub(crate) fn version_write(document: &KmsDocument) -> Write {
    Write::Put {
        item: Item::new(
            keys::kms_version(&document.id, document.current.n),
            serde_json::to_value(&document.current).expect("versions serialise"),
        ),
        condition: Condition::NotExists,
    }
}

/// The announcements of the document's current version: one per target it falls under.
pub(crate) fn feed_writes(document: &KmsDocument) -> Vec<Write> {
    let change = KmsChange::of(document);
    let body = serde_json::to_value(&change).expect("changes serialise");
    let at = unix_millis(change.at);
    SubscriptionTarget::of(&document.hit())
        .iter()
        .map(|target| Write::Put {
            item: Item::new(
                keys::kms_feed(&target.token(), at, &document.id, document.current.n),
                body.clone(),
            )
            .expiring_at(change.at.unix_timestamp() + FEED_LIFETIME_SECONDS),
            condition: Condition::None,
        })
        .collect()
}

/// All the writes of a document's new current version: record, version, index rows and feed.
pub(crate) fn new_version_writes(old: Option<(&KmsDocument, u64)>, document: &KmsDocument) -> Vec<Write> {
    let mut writes = Vec::new();
    writes.extend(reindex(old.map(|(d, _)| d.hit()).as_ref(), &document.hit()));
    writes.push(document_write(document, old.map(|(_, v)| v)));
    writes.push(version_write(document));
    writes.extend(feed_writes(document));
    writes
}

#[cfg(test)]
mod tests {
    use super::*;
    use daftar_domain::kms::{
        Category, DocNumber, DocumentInput, DocumentMeta, FolderId, KmsDocId, Validity, MAX_DOCUMENT_TERMS,
        MAX_VERSION_ATTACHMENTS,
    };
    use daftar_domain::EmployeeId;
    use daftar_store::MAX_TRANSACTION_WRITES;
    use time::macros::{date, datetime};

    /// A document that uses every term it may, each word unique to the given tag.
    fn wordy(tag: &str, folder: &str, date: Date) -> DocumentMeta {
        let words = |n: usize| (0..n).map(|i| format!("{tag}word{i} ")).collect::<String>();
        DocumentMeta::parse(&DocumentInput {
            folder: FolderId::parse(folder).unwrap(),
            date,
            title_en: words(16),
            title_hi: Some(words(16).replace("word", "शब्द")),
            summary_en: words(16),
            summary_hi: None,
            tags: Vec::new(),
        })
        .unwrap()
    }

    #[test]
    fn the_largest_changes_fit_in_one_transaction() {
        let by = EmployeeId::parse("HR2004").unwrap();
        let issued = KmsDocument::issue(
            KmsDocId::parse("KD-00000001").unwrap(),
            DocNumber::parse("FD-1/2026").unwrap(),
            DeptCode::parse("FIN").unwrap(),
            Category::Circular,
            wordy("a", "KF-ONE", date!(2026 - 01 - 01)),
            Vec::new(),
            by.clone(),
            datetime!(2026-01-01 10:00 UTC),
        )
        .unwrap();
        assert_eq!(issued.terms().len(), MAX_DOCUMENT_TERMS);
        // Issuing: everything, plus claims and the idempotency record.
        let issuing = new_version_writes(None, &issued).len() + MAX_VERSION_ATTACHMENTS + 1;
        // A version that changes every word, the date and the folder.
        let revised = issued
            .revise(
                wordy("b", "KF-TWO", date!(2026 - 02 - 01)),
                Vec::new(),
                by,
                datetime!(2026-02-01 10:00 UTC),
            )
            .unwrap();
        let revising = new_version_writes(Some((&issued, 1)), &revised).len() + MAX_VERSION_ATTACHMENTS;
        // Superseding: both records and the old document's rows moved to "not in force".
        let mut superseded = revised.clone();
        superseded.validity = Validity::Withdrawn {
            on: date!(2026 - 03 - 01),
            reason: "x".into(),
        };
        let superseding = 2 + reindex(Some(&revised.hit()), &superseded.hit()).len();
        for (what, writes) in [("issue", issuing), ("revise", revising), ("supersede", superseding)] {
            assert!(writes <= MAX_TRANSACTION_WRITES, "{what}: {writes} writes");
        }
        assert!(revising > 70, "the bound is exercised: {revising}");
    }
}
