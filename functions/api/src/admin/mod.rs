//! `/api/v1/admin`: administering the organisation — departments, offices, sections and posts
//! created, renamed and abolished, and employees' roles set — each change recorded in the audit
//! log in the same transaction as the change itself.
//!
//! The forms, the rules an administrator can run into and the answers are in
//! [`daftar_domain::admin`]; this module reads and writes the same items the seeded
//! organisation has (`org::department_item`, `office_item`, `section_item`, `StoredPost::item`),
//! so a new department, office, section or post appears everywhere the seeded ones do: the
//! directory, the control room and the reports list them from those items. Every record is
//! versioned by the store's item version, and every change is a conditional write on the
//! version the administrator saw, so of two concurrent edits exactly one wins.

pub(crate) mod routes;

pub use routes::router;

use crate::error::ApiError;
use crate::keys;
use crate::org::{query_all, StoredPost};
use daftar_domain::admin::wire::{DepartmentView, OfficeView, PostView, SectionView};
use daftar_domain::admin::{AdminRefusal, PendingWork};
use daftar_domain::auth::{authorize, Action, Actor, Resource};
use daftar_domain::org::{Department, Office, Section};
use daftar_domain::{DeptCode, OfficeCode, PostId, SectionCode};
use daftar_store::{Index, Item, Query, SortRange, Store, StoreError, Write, MAX_TRANSACTION_WRITES};

/// What the audit log calls each change made here (the app translates them).
pub mod actions {
    pub const DEPARTMENT_CREATED: &str = "admin.department_created";
    pub const DEPARTMENT_RENAMED: &str = "admin.department_renamed";
    pub const OFFICE_CREATED: &str = "admin.office_created";
    pub const OFFICE_RENAMED: &str = "admin.office_renamed";
    pub const SECTION_CREATED: &str = "admin.section_created";
    pub const SECTION_RENAMED: &str = "admin.section_renamed";
    pub const POST_CREATED: &str = "admin.post_created";
    pub const POST_EDITED: &str = "admin.post_edited";
    pub const POST_ABOLISHED: &str = "admin.post_abolished";
    pub const ROLES_CHANGED: &str = "admin.roles_changed";
    pub const LEAVE_OFFICERS_SET: &str = "admin.leave_officers_set";
}

/// The audit log's name for a section (departments, offices, posts and employees are named by
/// their partitions, `DEPT#FIN`, `OFFICE#FIN-HQ`, `POST#FIN-HQ-SO`, `EMP#HR2001`).
pub(crate) fn section_target(code: &SectionCode) -> String {
    format!("SECTION#{code}")
}

/// Only administrators manage the organisation.
pub(crate) fn may_manage(actor: &Actor) -> Result<(), ApiError> {
    authorize(actor, Action::ManageOrganisation, Resource::Organisation)
        .map_err(|e| ApiError::from(e).with_hindi("केवल प्रशासक संगठन का प्रबंधन कर सकते हैं"))
}

/// Only administrators set what employees may do.
pub(crate) fn may_assign_roles(actor: &Actor) -> Result<(), ApiError> {
    authorize(actor, Action::AssignRoles, Resource::Organisation)
        .map_err(|e| ApiError::from(e).with_hindi("केवल प्रशासक कर्मचारियों की भूमिकाएँ बदल सकते हैं"))
}

/// A domain refusal as a problem: a bad field is a 422 naming it; a post that cannot be
/// abolished yet is a 409 (its state must change first). Both carry the Hindi.
pub(crate) fn refused(refusal: AdminRefusal) -> ApiError {
    let hindi = refusal.hindi();
    match refusal.field() {
        Some(field) => ApiError::invalid(field, &refusal),
        None => ApiError::WrongState(refusal.to_string()),
    }
    .with_hindi(hindi)
}

/// The record changed since the administrator read it.
pub(crate) fn stale(current: Option<u64>) -> ApiError {
    ApiError::Conflict {
        message: "someone else changed this first; reload it and try again".into(),
        current_version: current,
    }
    .with_hindi("आपके खोलने के बाद किसी और ने इसे बदल दिया है; पुनः लोड करके फिर प्रयास करें")
}

/// A record with that code already exists.
pub(crate) fn exists(what: &str, code: &str) -> ApiError {
    ApiError::Conflict {
        message: format!("{what} {code} already exists"),
        current_version: None,
    }
    .with_hindi(format!("{code} पहले से मौजूद है"))
}

pub(crate) fn not_found(what: &'static str) -> ApiError {
    ApiError::NotFound(what).with_hindi("नहीं मिला")
}

pub(crate) fn json<T: serde::Serialize>(value: &T) -> serde_json::Value {
    serde_json::to_value(value).expect("organisation records serialise")
}

/// Runs `main` (the change and its audit entry) and `copies` (names kept in step on other
/// records) as one transaction when they fit in one, else the change first and the copies
/// after it. A failed condition is the race `on_conflict` describes.
pub(crate) async fn commit(
    store: &dyn Store,
    main: Vec<Write>,
    copies: Vec<Write>,
    on_conflict: impl FnOnce(usize) -> ApiError,
) -> Result<(), ApiError> {
    let fits = main.len() + copies.len() <= MAX_TRANSACTION_WRITES;
    let (first, rest) = if fits {
        (main.into_iter().chain(copies).collect(), Vec::new())
    } else {
        (main, copies)
    };
    match store.transact(first).await {
        Ok(()) => {}
        Err(StoreError::ConditionFailed { index, .. }) => return Err(on_conflict(index)),
        Err(other) => return Err(other.into()),
    }
    // The change is made; a copy that lost a race with another edit keeps the newer text.
    for chunk in rest.chunks(MAX_TRANSACTION_WRITES) {
        match store.transact(chunk.to_vec()).await {
            Ok(()) | Err(StoreError::ConditionFailed { .. }) => {}
            Err(other) => return Err(other.into()),
        }
    }
    Ok(())
}

// ---- Reading the records with their versions. ----

pub(crate) async fn get_department(store: &dyn Store, code: &DeptCode) -> Result<Option<DepartmentView>, ApiError> {
    match store.get(&keys::department(code)).await? {
        Some(item) => Ok(Some(DepartmentView {
            department: item.parse()?,
            version: item.version,
        })),
        None => Ok(None),
    }
}

pub(crate) async fn get_office(store: &dyn Store, code: &OfficeCode) -> Result<Option<OfficeView>, ApiError> {
    match store.get(&keys::office(code)).await? {
        Some(item) => Ok(Some(OfficeView {
            office: item.parse()?,
            version: item.version,
        })),
        None => Ok(None),
    }
}

/// A section by its full code alone. Section codes begin with their office's code, and office
/// codes themselves contain '-', so each '-' of the code is a place the office's code may end:
/// each candidate is one strongly consistent read of `OFFICE#{office}`/`SECTION#{code}`, at most
/// a handful for a code of at most 48 characters, whatever the size of the organisation.
pub(crate) async fn find_section(store: &dyn Store, code: &SectionCode) -> Result<Option<SectionView>, ApiError> {
    let text = code.as_ref();
    let candidates = text
        .match_indices('-')
        .filter_map(|(at, _)| OfficeCode::parse(&text[..at]).ok())
        .map(|office| keys::section(&office, code))
        .collect::<Vec<_>>();
    let reads = futures_util::future::try_join_all(candidates.iter().map(|key| store.get(key))).await?;
    match reads.into_iter().flatten().next() {
        Some(item) => Ok(Some(SectionView {
            section: item.parse()?,
            version: item.version,
        })),
        None => Ok(None),
    }
}

pub(crate) fn post_view(stored: StoredPost, version: u64) -> PostView {
    PostView {
        post: stored.post,
        office_name_en: stored.office_name_en,
        office_name_hi: stored.office_name_hi,
        holder_name_en: stored.holder_name_en,
        holder_name_hi: stored.holder_name_hi,
        version,
    }
}

fn gsi1(pk: String, prefix: &str) -> Query {
    let mut query = Query::new(Index::Gsi1, pk);
    query.range = SortRange::Prefix(prefix.to_owned());
    query
}

fn parse_all<T>(items: Vec<Item>, view: impl Fn(&Item) -> Result<T, StoreError>) -> Result<Vec<T>, ApiError> {
    Ok(items.iter().map(view).collect::<Result<_, _>>()?)
}

pub(crate) async fn list_departments(store: &dyn Store) -> Result<Vec<DepartmentView>, ApiError> {
    let items = query_all(store, gsi1(keys::ORG_PARTITION.to_owned(), "DEPT#")).await?;
    parse_all(items, |item| {
        Ok(DepartmentView {
            department: item.parse::<Department>()?,
            version: item.version,
        })
    })
}

pub(crate) async fn list_offices(store: &dyn Store, dept: &DeptCode) -> Result<Vec<OfficeView>, ApiError> {
    let items = query_all(store, gsi1(keys::department_partition(dept), "OFFICE#")).await?;
    parse_all(items, |item| {
        Ok(OfficeView {
            office: item.parse::<Office>()?,
            version: item.version,
        })
    })
}

pub(crate) async fn list_sections(store: &dyn Store, office: &OfficeCode) -> Result<Vec<SectionView>, ApiError> {
    let mut query = Query::new(Index::Table, keys::office_partition(office));
    query.range = SortRange::Prefix("SECTION#".into());
    let items = query_all(store, query).await?;
    parse_all(items, |item| {
        Ok(SectionView {
            section: item.parse::<Section>()?,
            version: item.version,
        })
    })
}

/// The posts of an office as stored, with their versions.
pub(crate) async fn list_posts(store: &dyn Store, office: &OfficeCode) -> Result<Vec<(StoredPost, u64)>, ApiError> {
    let items = query_all(store, gsi1(keys::office_partition(office), "POST#")).await?;
    parse_all(items, |item| Ok((item.parse::<StoredPost>()?, item.version)))
}

/// Whether anything waits in a post's inbox: files in hand or parked there, receipts, and
/// leave applications. Each is one query for at most one row.
pub(crate) async fn pending_work(store: &dyn Store, post: &PostId) -> Result<PendingWork, ApiError> {
    use daftar_domain::wire::{DeskView, ReceiptDeskView};
    let any = |prefix: &'static str| async move {
        let mut query = Query::new(Index::Table, keys::inbox_partition(post));
        query.range = SortRange::Prefix(prefix.to_owned());
        query.limit = 1;
        store.query(query).await.map(|page| !page.items.is_empty())
    };
    let (in_hand, parked, receipts, leave) = tokio::try_join!(
        any(crate::files::views::prefix(DeskView::Inbox)),
        any(crate::files::views::prefix(DeskView::Parked)),
        any(crate::receipts::desk_prefix(ReceiptDeskView::Inbox)),
        any(keys::LEAVE_INBOX_PREFIX),
    )?;
    Ok(PendingWork {
        files: in_hand || parked,
        receipts,
        leave_applications: leave,
    })
}
