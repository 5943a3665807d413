//! The knowledge library (KMS): search, documents and their versions.

use super::{get, paged, ApiResult};
use daftar_domain::kms::{DocumentVersion, KmsDocId, KmsDocumentView, KmsHit};
use daftar_domain::wire::Page;
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
        .filter(|(_, v)| !v.trim().is_empty())
        .collect()
    }
}

pub async fn search(query: &LibraryQuery, cursor: Option<&str>) -> ApiResult<Page<KmsHit>> {
    get(paged("/api/v1/kms/search", cursor).query(query.pairs())).await
}

pub async fn document(id: &KmsDocId) -> ApiResult<KmsDocumentView> {
    get(Request::get(&format!("/api/v1/kms/documents/{id}"))).await
}

pub async fn versions(id: &KmsDocId) -> ApiResult<Page<DocumentVersion>> {
    get(paged(&format!("/api/v1/kms/documents/{id}/versions"), None)).await
}

/// Where a version's attachment downloads from.
pub fn attachment_href(id: &KmsDocId, version: u32, index: usize) -> String {
    format!("/api/v1/kms/documents/{id}/versions/{version}/attachments/{index}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_filled_fields_are_sent() {
        let query = LibraryQuery {
            q: "pension".into(),
            dept: "FIN".into(),
            to: " ".into(),
            ..LibraryQuery::default()
        };
        assert_eq!(query.pairs(), vec![("q", "pension"), ("dept", "FIN")]);
    }
}
