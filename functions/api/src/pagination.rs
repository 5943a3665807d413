//! List requests: `?limit=&cursor=`, capped, with opaque cursors passed through to the store.

use crate::error::ApiError;
use daftar_domain::wire::{Page, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE};
use daftar_store::{Query, SortRange, Store, StoreError};
use serde::Deserialize;

/// The query string of a list endpoint.
#[derive(Debug, Clone, Default, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PageParams {
    /// Rows wanted (1 to 100; default 25).
    pub limit: Option<u32>,
    /// The `next_cursor` of the previous page.
    pub cursor: Option<String>,
}

impl PageParams {
    fn limit(&self) -> Result<u32, ApiError> {
        match self.limit {
            None => Ok(DEFAULT_PAGE_SIZE),
            Some(n) if (1..=MAX_PAGE_SIZE).contains(&n) => Ok(n),
            Some(_) => Err(ApiError::invalid(
                "limit",
                format!("limit must be between 1 and {MAX_PAGE_SIZE}"),
            )),
        }
    }
}

/// Runs one page of a query on a single partition and decodes its items.
pub async fn page_of<T: serde::de::DeserializeOwned>(
    store: &dyn Store,
    mut query: Query,
    prefix: &str,
    params: PageParams,
) -> Result<Page<T>, ApiError> {
    query.range = SortRange::Prefix(prefix.to_owned());
    query.limit = params.limit()?;
    query.cursor = params.cursor;
    let page = store.query(query).await.map_err(|error| match error {
        StoreError::InvalidRequest(_) => ApiError::invalid("cursor", "this cursor is not valid here"),
        other => other.into(),
    })?;
    let items = page
        .items
        .iter()
        .map(|item| item.parse())
        .collect::<Result<Vec<T>, _>>()?;
    Ok(Page {
        items,
        next_cursor: page.next,
    })
}

/// Reads every page of a query and decodes its items, for the lists a request needs whole (a
/// ledger, an application's history). Use it only where the partition is bounded by the
/// domain; lists that grow without bound are served a page at a time with [`page_of`].
pub async fn all_pages<T: serde::de::DeserializeOwned>(
    store: &dyn Store,
    mut query: Query,
) -> Result<Vec<T>, ApiError> {
    let mut items = Vec::new();
    loop {
        let page = store.query(query.clone()).await?;
        for item in &page.items {
            items.push(item.parse()?);
        }
        match page.next {
            Some(cursor) => query.cursor = Some(cursor),
            None => return Ok(items),
        }
    }
}
