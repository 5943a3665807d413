//! Finding things within a department: by file number, by diary number, or by words of the
//! subject. Served from index items written with the file or receipt they point to (no Scan):
//! one item per subject term, under the department and the term, newest first.

use crate::auth::CurrentUser;
use crate::error::{ApiError, Json, Query};
use crate::keys;
use crate::state::AppState;
use axum::extract::State;
use axum::routing::get;
use axum::Router;
use daftar_domain::auth::{authorize, Action, Resource};
use daftar_domain::file::File;
use daftar_domain::receipt::Receipt;
use daftar_domain::search::{matches_all, terms};
use daftar_domain::wire::{Page, SearchHit, SearchKind, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE};
use daftar_domain::{DeptCode, FileId, OfficeCode, ReceiptId};
use daftar_store::{Condition, Index, Item, SortRange, StoreError, Write};
use serde::Deserialize;

pub fn router() -> Router<AppState> {
    Router::new().route("/api/v1/search", get(search))
}

fn kind_prefix(kind: SearchKind) -> &'static str {
    match kind {
        SearchKind::File => "F#",
        SearchKind::Receipt => "R#",
    }
}

fn index_writes(dept: &DeptCode, hit: &SearchHit) -> Vec<Write> {
    let sort = format!(
        "{}{:013}#{}",
        kind_prefix(hit.kind),
        crate::receipts::unix_millis(hit.at),
        hit.id
    );
    hit.terms
        .iter()
        .map(|term| Write::Put {
            item: Item::new(
                keys::search_term(dept, term, &sort),
                serde_json::to_value(hit).expect("search hits serialise"),
            ),
            condition: Condition::None,
        })
        .collect()
}

pub fn file_hit(file: &File) -> SearchHit {
    SearchHit {
        kind: SearchKind::File,
        id: file.id.to_string(),
        number: file.number.text.clone(),
        subject: file.subject.to_string(),
        at: file.created_at,
        terms: terms(file.subject.as_ref()),
    }
}

pub fn receipt_hit(receipt: &Receipt) -> SearchHit {
    SearchHit {
        kind: SearchKind::Receipt,
        id: receipt.id.to_string(),
        number: receipt.diary_number.to_string(),
        subject: receipt.letter.subject.to_string(),
        at: receipt.diarised_at,
        terms: terms(&format!("{} {}", receipt.letter.subject, receipt.letter.sender)),
    }
}

/// The index items for a new file, written in its creating transaction. A classified file is
/// not indexed: its subject is for the desks on its path only.
pub fn index_file(file: &File) -> Vec<Write> {
    if file.classification.is_restricted() {
        return Vec::new();
    }
    index_writes(&file.dept, &file_hit(file))
}

/// The index items for a new receipt, written in its diarising transaction (none if classified).
pub fn index_receipt(receipt: &Receipt) -> Vec<Write> {
    if receipt.classification.is_restricted() {
        return Vec::new();
    }
    index_writes(&receipt.dept, &receipt_hit(receipt))
}

#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct SearchParams {
    /// The department to search in: one where the caller holds a post.
    pub dept: String,
    /// A file number, a diary number (`DC-GGN/2026/42`), or words of the subject.
    pub q: String,
    pub limit: Option<u32>,
    pub cursor: Option<String>,
}

/// A diary number as written: `OFFICE/YEAR/SERIAL`.
fn parse_diary_number(q: &str) -> Option<(OfficeCode, i32, u32)> {
    let mut parts = q.split('/');
    let (office, year, serial) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() {
        return None;
    }
    Some((
        OfficeCode::parse(office).ok()?,
        year.parse().ok()?,
        serial.parse().ok()?,
    ))
}

/// An exact number: a file number claimed in the register, or a diary number.
async fn by_number(state: &AppState, dept: &DeptCode, q: &str) -> Result<Option<SearchHit>, ApiError> {
    let store = state.store.as_ref();
    if let Some(claim) = store.get(&keys::file_number(q)).await? {
        let id: FileId = serde_json::from_value(claim.body["file_id"].clone())
            .map_err(|e| ApiError::Internal(format!("file number claim for {q}: {e}")))?;
        let file = crate::files::load_file(store, &id).await?;
        return Ok((&file.dept == dept && !file.classification.is_restricted()).then(|| file_hit(&file)));
    }
    if let Some((office, year, serial)) = parse_diary_number(q) {
        if let Some(entry) = store.get(&keys::diary_entry(&office, year, serial)).await? {
            let id: ReceiptId = serde_json::from_value(entry.body["receipt_id"].clone())
                .map_err(|e| ApiError::Internal(format!("diary entry {q}: {e}")))?;
            let receipt = crate::receipts::load_receipt(state, &id).await?;
            let visible = &receipt.dept == dept && !receipt.classification.is_restricted();
            return Ok(visible.then(|| receipt_hit(&receipt)));
        }
    }
    Ok(None)
}

/// Finds files and receipts of a department, newest first.
#[utoipa::path(get, path = "/api/v1/search", tag = "search", params(SearchParams),
    responses((status = 200, body = Page<SearchHit>), (status = 403, body = daftar_domain::wire::Problem), (status = 422, body = daftar_domain::wire::Problem)))]
pub async fn search(
    State(state): State<AppState>,
    user: CurrentUser,
    Query(params): Query<SearchParams>,
) -> Result<Json<Page<SearchHit>>, ApiError> {
    let dept = DeptCode::parse(&params.dept).map_err(|e| ApiError::invalid("dept", e))?;
    authorize(&user.actor, Action::SearchDepartment, Resource::Department(&dept))?;
    let q = params.q.trim();
    if params.cursor.is_none() {
        if let Some(hit) = by_number(&state, &dept, q).await? {
            return Ok(Json(Page {
                items: vec![hit],
                next_cursor: None,
            }));
        }
    }
    let wanted = terms(q);
    // The longest term is likely the rarest: its list is the shortest to filter.
    let Some(lead) = wanted.iter().max_by_key(|t| t.chars().count()) else {
        return Err(ApiError::invalid(
            "q",
            "type a number or at least one word of two letters",
        ));
    };
    let limit = match params.limit {
        None => DEFAULT_PAGE_SIZE,
        Some(n) if (1..=MAX_PAGE_SIZE).contains(&n) => n,
        Some(_) => {
            return Err(ApiError::invalid(
                "limit",
                format!("limit must be between 1 and {MAX_PAGE_SIZE}"),
            ))
        }
    };
    let mut query = daftar_store::Query::new(Index::Table, keys::search_term_partition(&dept, lead));
    query.range = SortRange::All;
    query.ascending = false;
    query.limit = limit;
    query.cursor = params.cursor;
    let page = state.store.query(query).await.map_err(|error| match error {
        StoreError::InvalidRequest(_) => ApiError::invalid("cursor", "this cursor is not valid here"),
        other => other.into(),
    })?;
    let mut items = Vec::with_capacity(page.items.len());
    for item in &page.items {
        let hit: SearchHit = item.parse()?;
        if matches_all(&hit.terms, &wanted) {
            items.push(hit);
        }
    }
    Ok(Json(Page {
        items,
        next_cursor: page.next,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn diary_numbers_are_read_back() {
        assert_eq!(
            parse_diary_number("DC-GGN/2026/42"),
            Some((OfficeCode::parse("DC-GGN").unwrap(), 2026, 42))
        );
        assert_eq!(parse_diary_number("DC-GGN/2026"), None);
        assert_eq!(parse_diary_number("FIN-GEN/BUDGET/1/2026"), None);
        assert_eq!(parse_diary_number("village pond"), None);
    }
}
