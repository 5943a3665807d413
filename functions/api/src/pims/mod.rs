//! PIMS: personnel records, transfers and postings, bulk onboarding from CSV, and export.
//!
//! An employee's personnel record sits beside their profile (`EMP#{id}`/`PIMS` next to
//! `EMP#{id}`/`PROFILE`): the profile is read on every request to authorise it, so the personal
//! fields stay out of it. The record is listed under its office through GSI1
//! (`STAFF#{office}`), which a transfer moves. Files and receipts wait at posts (`INBOX#{post}`),
//! so a transfer changes who holds a post and never moves an inbox.

pub(crate) mod onboarding;
pub(crate) mod routes;
pub(crate) mod transfers;

use crate::error::ApiError;
use crate::keys;
use crate::org::{EmployeeRecord, StoredPost};
use daftar_domain::auth::{authorize, Action, Actor, Resource};
use daftar_domain::pims::wire::{DirectoryEntry, PersonalDetails, PersonnelView};
use daftar_domain::pims::{PersonnelRecord, PimsRefusal};
use daftar_domain::EmployeeId;
use daftar_store::{Item, Key, SharedStore, Store};

pub fn router() -> axum::Router<crate::AppState> {
    routes::router().merge(crate::audit::router())
}

/// A personnel record as stored, with its version.
#[derive(Debug, Clone)]
pub struct StoredPersonnel {
    pub record: PersonnelRecord,
    pub version: u64,
}

/// The item that stores `record` at `version`, listed under its office.
pub fn personnel_item(record: &PersonnelRecord, version: u64) -> Item {
    Item::new(
        keys::personnel(&record.id),
        serde_json::to_value(record).expect("personnel records serialise"),
    )
    .with_gsi1(keys::staff_of_office(&record.office, &record.id))
    .with_version(version)
}

pub async fn load_personnel(store: &dyn Store, id: &EmployeeId) -> Result<Option<StoredPersonnel>, ApiError> {
    match store.get(&keys::personnel(id)).await? {
        Some(item) => Ok(Some(StoredPersonnel {
            record: item.parse()?,
            version: item.version,
        })),
        None => Ok(None),
    }
}

/// An employee's profile with its version.
pub async fn load_profile(store: &dyn Store, id: &EmployeeId) -> Result<Option<(EmployeeRecord, u64)>, ApiError> {
    match store.get(&keys::employee_profile(id)).await? {
        Some(item) => Ok(Some((item.parse()?, item.version))),
        None => Ok(None),
    }
}

/// A post with its version.
pub async fn load_post(store: &dyn Store, id: &daftar_domain::PostId) -> Result<Option<(StoredPost, u64)>, ApiError> {
    match store.get(&keys::post(id)).await? {
        Some(item) => Ok(Some((item.parse()?, item.version))),
        None => Ok(None),
    }
}

/// Reads many items at once, a few at a time, keeping their order. Onboarding and export read
/// one item per row; reading them one after another would take a DynamoDB round trip each.
pub async fn get_many(store: &SharedStore, keys: Vec<Key>) -> Result<Vec<Option<Item>>, ApiError> {
    const AT_ONCE: usize = 16;
    let mut out: Vec<Option<Item>> = vec![None; keys.len()];
    let mut tasks = tokio::task::JoinSet::new();
    let mut pending = keys.into_iter().enumerate();
    loop {
        while tasks.len() < AT_ONCE {
            let Some((i, key)) = pending.next() else { break };
            let store = store.clone();
            tasks.spawn(async move { (i, store.get(&key).await) });
        }
        match tasks.join_next().await {
            None => return Ok(out),
            Some(joined) => {
                let (i, got) = joined.map_err(|e| ApiError::Internal(format!("reading items: {e}")))?;
                out[i] = got?;
            }
        }
    }
}

/// A domain refusal as a 422 with its Hindi.
pub(crate) fn refused(field: &str, refusal: &PimsRefusal) -> ApiError {
    ApiError::invalid(field, refusal).with_hindi(refusal.hindi())
}

/// A refusal for actions only administrators may take, with its Hindi.
pub(crate) fn admin_only(actor: &Actor) -> Result<(), ApiError> {
    authorize(actor, Action::ManagePersonnel, Resource::Organisation)
        .map_err(|e| ApiError::from(e).with_hindi("केवल प्रशासक कार्मिक अभिलेख बदल सकते हैं"))
}

/// The directory's view of an employee.
pub fn directory_entry(record: &PersonnelRecord) -> DirectoryEntry {
    DirectoryEntry {
        id: record.id.clone(),
        name_en: record.name_en.to_string(),
        name_hi: record.name_hi.to_string(),
        designation_en: record.designation_en.to_string(),
        designation_hi: record.designation_hi.to_string(),
        cadre: Some(record.cadre.clone()),
        office: record.office.clone(),
        posts: record.current_postings().map(|p| p.post.clone()).collect(),
    }
}

/// An employee as `viewer` may see them: personal details only for administrators and the
/// employee themselves.
pub fn personnel_view(viewer: &Actor, profile: &EmployeeRecord, personnel: Option<&StoredPersonnel>) -> PersonnelView {
    let e = &profile.employee;
    let may_see_personal = authorize(viewer, Action::ViewPersonalDetails, Resource::Employee(&e.id)).is_ok();
    let record = personnel.map(|p| &p.record);
    PersonnelView {
        id: e.id.clone(),
        name_en: e.name_en.to_string(),
        name_hi: e.name_hi.to_string(),
        designation_en: e.designation_en.clone(),
        designation_hi: e.designation_hi.clone(),
        cadre: record.map(|r| r.cadre.clone()),
        date_of_joining: record.map(|r| r.dates.joining()),
        posts: profile.postings.clone(),
        history: record.map(|r| r.history.clone()).unwrap_or_default(),
        personal: record.filter(|_| may_see_personal).map(|r| PersonalDetails {
            date_of_birth: r.dates.birth(),
            phone: r.contact.phone.clone(),
            email: r.contact.email.clone(),
        }),
        version: personnel.map_or(0, |p| p.version),
    }
}
