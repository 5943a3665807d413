//! The knowledge library (KMS): search, folders, documents and their versions, the editors'
//! changes, subscriptions and the library inbox.

use super::{all_pages, get, paged, post, put, read_problem, send, ApiResult};
use daftar_domain::ids::IdempotencyKey;
use daftar_domain::kms::{
    DocumentVersion, Folder, FolderId, KmsChange, KmsDocId, KmsDocumentView, KmsHit, NewDocument, NewFolder,
    NewSubscription, ReviseDocument, RollBack, Subscription, Supersede, Withdraw,
};
use daftar_domain::wire::Page;
use daftar_domain::DeptCode;
use gloo_net::http::Request;

/// What a search asks for; empty fields are left out.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LibraryQuery {
    pub q: String,
    pub number: String,
    pub dept: String,
    pub category: String,
    pub from: String,
    pub to: String,
}

impl LibraryQuery {
    /// The non-empty fields as query pairs, in the API's names (the app's URL uses the same).
    pub fn pairs(&self) -> Vec<(&'static str, &str)> {
        [
            ("q", self.q.as_str()),
            ("number", self.number.as_str()),
            ("dept", self.dept.as_str()),
            ("category", self.category.as_str()),
            ("from", self.from.as_str()),
            ("to", self.to.as_str()),
        ]
        .into_iter()
        .map(|(k, v)| (k, v.trim()))
        .filter(|(_, v)| !v.is_empty())
        .collect()
    }
}

/// One page of documents found, in force and newest first.
pub async fn search(query: &LibraryQuery, cursor: Option<&str>) -> ApiResult<Page<KmsHit>> {
    get(paged("/api/v1/kms/search", cursor).query(query.pairs())).await
}

pub async fn document(id: &KmsDocId) -> ApiResult<KmsDocumentView> {
    get(Request::get(&format!("/api/v1/kms/documents/{id}"))).await
}

/// Every version of a document, oldest first.
pub async fn versions(id: &KmsDocId) -> ApiResult<Vec<DocumentVersion>> {
    all_pages(&format!("/api/v1/kms/documents/{id}/versions")).await
}

/// Where a version's attachment downloads from (`index` counts from 0).
pub fn attachment_href(id: &KmsDocId, version: u32, index: usize) -> String {
    format!("/api/v1/kms/documents/{id}/versions/{version}/attachments/{index}")
}

/// Every folder, or one department's, by department.
pub async fn folders(dept: Option<&DeptCode>) -> ApiResult<Vec<Folder>> {
    match dept {
        Some(dept) => all_pages(&format!("/api/v1/kms/folders?dept={dept}")).await,
        None => all_pages("/api/v1/kms/folders").await,
    }
}

/// One page of a folder's documents.
pub async fn folder_documents(id: &FolderId, cursor: Option<&str>) -> ApiResult<Page<KmsHit>> {
    get(paged(&format!("/api/v1/kms/folders/{id}/documents"), cursor)).await
}

/// Opens a folder (the department's editors only).
pub async fn create_folder(request: &NewFolder, key: &IdempotencyKey) -> ApiResult<Folder> {
    post("/api/v1/kms/folders", request, key).await
}

/// Issues a new document as version 1.
pub async fn create_document(request: &NewDocument, key: &IdempotencyKey) -> ApiResult<KmsDocumentView> {
    post("/api/v1/kms/documents", request, key).await
}

/// Adds a version.
pub async fn revise(id: &KmsDocId, request: &ReviseDocument, key: &IdempotencyKey) -> ApiResult<KmsDocumentView> {
    put(&format!("/api/v1/kms/documents/{id}"), request, key).await
}

/// Makes an older version current again (as a new version).
pub async fn roll_back(id: &KmsDocId, request: &RollBack, key: &IdempotencyKey) -> ApiResult<KmsDocumentView> {
    post(&format!("/api/v1/kms/documents/{id}/rollback"), request, key).await
}

/// Marks a document replaced by another.
pub async fn supersede(id: &KmsDocId, request: &Supersede, key: &IdempotencyKey) -> ApiResult<KmsDocumentView> {
    post(&format!("/api/v1/kms/documents/{id}/supersede"), request, key).await
}

/// Withdraws a document, with the reason.
pub async fn withdraw(id: &KmsDocId, request: &Withdraw, key: &IdempotencyKey) -> ApiResult<KmsDocumentView> {
    post(&format!("/api/v1/kms/documents/{id}/withdraw"), request, key).await
}

/// The departments whose documents the signed-in official may change.
pub async fn editing() -> ApiResult<Vec<DeptCode>> {
    get(Request::get("/api/v1/kms/editing")).await
}

pub async fn subscriptions() -> ApiResult<Vec<Subscription>> {
    get(Request::get("/api/v1/kms/subscriptions")).await
}

/// Follows a target; following it again answers with the same subscription.
pub async fn subscribe(request: &NewSubscription, key: &IdempotencyKey) -> ApiResult<Subscription> {
    post("/api/v1/kms/subscriptions", request, key).await
}

pub async fn unsubscribe(token: &str) -> ApiResult<()> {
    let url = format!(
        "/api/v1/kms/subscriptions/{}",
        String::from(js_sys::encode_uri_component(token))
    );
    let response = send(Request::delete(&url).build()).await?;
    if response.ok() {
        Ok(())
    } else {
        Err(read_problem(response).await)
    }
}

/// One page of what is new under the official's subscriptions, newest first.
pub async fn inbox(cursor: Option<&str>) -> ApiResult<Page<KmsChange>> {
    get(paged("/api/v1/kms/inbox", cursor)).await
}

/// Tags as typed in one box, comma-separated (Hindi's comma-like marks too), blanks dropped.
pub fn split_tags(raw: &str) -> Vec<String> {
    raw.split([',', '،', '、'])
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .map(str::to_owned)
        .collect()
}

/// Which document a number or ID typed by an editor names, among the documents a number
/// search found: the one whose number is written the same (case and spaces aside).
pub fn pick_by_number<'a>(typed: &str, hits: &'a [KmsHit]) -> Option<&'a KmsHit> {
    let wanted: String = typed.split_whitespace().collect::<String>().to_lowercase();
    hits.iter().find(|hit| {
        hit.number
            .as_ref()
            .split_whitespace()
            .collect::<String>()
            .to_lowercase()
            == wanted
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_filled_fields_are_sent() {
        let query = LibraryQuery {
            q: " pension ".into(),
            dept: "FIN".into(),
            to: " ".into(),
            ..LibraryQuery::default()
        };
        assert_eq!(query.pairs(), vec![("q", "pension"), ("dept", "FIN")]);
    }

    #[test]
    fn tags_are_split_on_commas() {
        assert_eq!(split_tags("pension, DA ,, पेंशन"), vec!["pension", "DA", "पेंशन"]);
        assert!(split_tags(" , ").is_empty());
    }
}
