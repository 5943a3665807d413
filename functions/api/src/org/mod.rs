//! The organisation directory: departments, offices, sections, posts and employees.

pub(crate) mod routes;
pub mod seed;

pub use routes::router;

use crate::error::ApiError;
use crate::keys;
use daftar_domain::org::{Department, Employee, Office, Post, Section};
use daftar_domain::wire::{PostLabel, PostSummary};
use daftar_domain::{EmployeeId, OfficeCode, PostId};
use daftar_store::{Index, Item, Query, SortRange, Store};
use serde::{Deserialize, Serialize};

/// A post as stored: the post and the names needed to show it without further reads.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct StoredPost {
    pub post: Post,
    pub office_name_en: String,
    pub office_name_hi: String,
    pub holder_name_en: Option<String>,
    pub holder_name_hi: Option<String>,
}

impl StoredPost {
    pub fn summary(&self) -> PostSummary {
        PostSummary {
            id: self.post.id.clone(),
            title_en: self.post.title_en.clone(),
            title_hi: self.post.title_hi.clone(),
            office: self.post.office.clone(),
            office_name_en: self.office_name_en.clone(),
            office_name_hi: self.office_name_hi.clone(),
            dept: self.post.dept.clone(),
            holder_name_en: self.holder_name_en.clone(),
            holder_name_hi: self.holder_name_hi.clone(),
        }
    }

    pub fn label(&self) -> PostLabel {
        PostLabel {
            title_en: self.post.title_en.clone(),
            title_hi: self.post.title_hi.clone(),
            office_name_en: self.office_name_en.clone(),
            office_name_hi: self.office_name_hi.clone(),
        }
    }

    pub fn item(&self) -> Item {
        Item::new(
            keys::post(&self.post.id),
            serde_json::to_value(self).expect("posts serialise"),
        )
        .with_gsi1(keys::post_in_office(&self.post.office, &self.post.id))
    }
}

/// An employee as stored, with their postings denormalised so one read authorises a request.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct EmployeeRecord {
    pub employee: Employee,
    pub postings: Vec<PostSummary>,
}

impl EmployeeRecord {
    pub fn item(&self) -> Item {
        Item::new(
            keys::employee_profile(&self.employee.id),
            serde_json::to_value(self).expect("employees serialise"),
        )
    }
}

/// An employee's password hash (argon2id, PHC string), stored apart from the profile so that
/// reading a profile never reads a hash.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Credential {
    pub password_hash: String,
}

pub fn department_item(dept: &Department) -> Item {
    Item::new(
        keys::department(&dept.code),
        serde_json::to_value(dept).expect("departments serialise"),
    )
    .with_gsi1(keys::department_in_org(&dept.code))
}

pub fn office_item(office: &Office) -> Item {
    Item::new(
        keys::office(&office.code),
        serde_json::to_value(office).expect("offices serialise"),
    )
    .with_gsi1(keys::office_in_department(&office.dept, &office.code))
}

pub fn section_item(section: &Section) -> Item {
    Item::new(
        keys::section(&section.office, &section.code),
        serde_json::to_value(section).expect("sections serialise"),
    )
}

pub async fn load_department(
    store: &dyn Store,
    code: &daftar_domain::DeptCode,
) -> Result<Option<Department>, ApiError> {
    match store.get(&keys::department(code)).await? {
        Some(item) => Ok(Some(item.parse()?)),
        None => Ok(None),
    }
}

pub async fn load_post(store: &dyn Store, id: &PostId) -> Result<Option<StoredPost>, ApiError> {
    match store.get(&keys::post(id)).await? {
        Some(item) => Ok(Some(item.parse()?)),
        None => Ok(None),
    }
}

pub async fn load_employee(store: &dyn Store, id: &EmployeeId) -> Result<Option<EmployeeRecord>, ApiError> {
    match store.get(&keys::employee_profile(id)).await? {
        Some(item) => Ok(Some(item.parse()?)),
        None => Ok(None),
    }
}

/// Every item a query names, reading all pages. The directory's lists are bounded by the
/// organisation's shape (a department has tens of offices, an office tens of posts and
/// sections), so reading all pages is fine.
pub(crate) async fn query_all(store: &dyn Store, mut query: Query) -> Result<Vec<Item>, ApiError> {
    let mut out = Vec::new();
    loop {
        let page = store.query(query.clone()).await?;
        out.extend(page.items);
        match page.next {
            Some(cursor) => query.cursor = Some(cursor),
            None => return Ok(out),
        }
    }
}

/// Every record under one GSI1 partition whose sort key starts with `prefix`.
async fn list_all<T: serde::de::DeserializeOwned>(
    store: &dyn Store,
    pk: String,
    prefix: &str,
) -> Result<Vec<T>, ApiError> {
    let mut query = Query::new(Index::Gsi1, pk);
    query.range = SortRange::Prefix(prefix.to_owned());
    let items = query_all(store, query).await?;
    Ok(items.iter().map(Item::parse).collect::<Result<_, _>>()?)
}

pub async fn list_departments(store: &dyn Store) -> Result<Vec<Department>, ApiError> {
    list_all(store, keys::ORG_PARTITION.to_owned(), "DEPT#").await
}

pub async fn list_offices(store: &dyn Store, dept: &daftar_domain::DeptCode) -> Result<Vec<Office>, ApiError> {
    list_all(store, keys::department_partition(dept), "OFFICE#").await
}

pub async fn list_posts(store: &dyn Store, office: &OfficeCode) -> Result<Vec<StoredPost>, ApiError> {
    list_all(store, keys::office_partition(office), "POST#").await
}
