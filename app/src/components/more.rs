//! "Load more" for cursor-paged lists: the rows after the first page, and the cursor to go on.

use crate::api::{ApiError, ApiResult};
use crate::components::{error_text, Loading};
use crate::i18n::{use_i18n, Texts};
use daftar_domain::wire::Page;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::future::Future;

/// The pages after the first of a list. The first page comes from a resource; this holds the
/// rest until [`MorePages::reset`], which the list calls whenever its first page is refetched.
#[derive(Debug)]
pub struct MorePages<T: Send + Sync + 'static> {
    pub items: RwSignal<Vec<T>>,
    /// `None` until a further page has loaded; then that page's next cursor.
    cursor: RwSignal<Option<Option<String>>>,
    pub loading: RwSignal<bool>,
    pub error: RwSignal<Option<ApiError>>,
    /// Bumped on reset, so a page that arrives for an abandoned list is dropped.
    generation: RwSignal<u32>,
}

impl<T: Send + Sync + 'static> Clone for MorePages<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: Send + Sync + 'static> Copy for MorePages<T> {}

impl<T: Send + Sync + 'static> Default for MorePages<T> {
    fn default() -> Self {
        Self::new()
    }
}

impl<T: Send + Sync + 'static> MorePages<T> {
    /// Creates the signals; call inside the component that owns the list.
    pub fn new() -> Self {
        MorePages {
            items: RwSignal::new(Vec::new()),
            cursor: RwSignal::new(None),
            loading: RwSignal::new(false),
            error: RwSignal::new(None),
            generation: RwSignal::new(0),
        }
    }

    pub fn reset(&self) {
        self.generation.update(|g| *g = g.wrapping_add(1));
        self.items.set(Vec::new());
        self.cursor.set(None);
        self.loading.set(false);
        self.error.set(None);
    }

    /// Where the next page starts, given the first page's cursor (tracked).
    pub fn next_cursor(&self, first_page_next: Option<String>) -> Option<String> {
        self.cursor.get().unwrap_or(first_page_next)
    }

    /// "Load more" for a list whose first page ended at `next`: whether there is more (tracked),
    /// and the action that fetches the next page with `fetch(cursor)`.
    pub fn continue_after<F, Fut>(self, next: Option<String>, fetch: F) -> (Signal<bool>, Callback<()>)
    where
        F: Fn(String) -> Fut + Clone + Send + Sync + 'static,
        Fut: Future<Output = ApiResult<Page<T>>> + 'static,
    {
        let has_more = {
            let next = next.clone();
            Signal::derive(move || self.next_cursor(next.clone()).is_some())
        };
        let load = Callback::new(move |_: ()| {
            if let Some(cursor) = self.next_cursor(next.clone()) {
                self.load(cursor, fetch.clone());
            }
        });
        (has_more, load)
    }

    /// Loads the page at `cursor` and appends it.
    pub fn load<Fut>(self, cursor: String, fetch: impl FnOnce(String) -> Fut + 'static)
    where
        Fut: Future<Output = ApiResult<Page<T>>> + 'static,
    {
        let generation = self.generation.get_untracked();
        self.loading.set(true);
        self.error.set(None);
        spawn_local(async move {
            let result = fetch(cursor).await;
            if self.generation.get_untracked() != generation {
                return;
            }
            self.loading.set(false);
            match result {
                Ok(page) => {
                    self.items.update(|items| items.extend(page.items));
                    self.cursor.set(Some(page.next_cursor));
                }
                Err(error) => self.error.set(Some(error)),
            }
        });
    }
}

/// A list read page by page into one signal, for lists that are not split into a resource's
/// first page and [`MorePages`]: [`PagedRows::load`] starts over, [`PagedRows::load_more`]
/// appends the next page.
#[derive(Debug)]
pub struct PagedRows<T: Send + Sync + 'static> {
    pub rows: RwSignal<Vec<T>>,
    pub cursor: RwSignal<Option<String>>,
    pub loading: RwSignal<bool>,
    pub failure: RwSignal<Option<ApiError>>,
}

impl<T: Send + Sync + 'static> Clone for PagedRows<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: Send + Sync + 'static> Copy for PagedRows<T> {}

impl<T: Send + Sync + 'static> Default for PagedRows<T> {
    fn default() -> Self {
        Self::new()
    }
}

impl<T: Send + Sync + 'static> PagedRows<T> {
    pub fn new() -> Self {
        PagedRows {
            rows: RwSignal::new(Vec::new()),
            cursor: RwSignal::new(None),
            loading: RwSignal::new(false),
            failure: RwSignal::new(None),
        }
    }

    /// Reads the first page with `fetch(None)`, replacing the rows.
    pub fn load<Fut>(self, fetch: impl FnOnce(Option<String>) -> Fut + 'static)
    where
        Fut: Future<Output = ApiResult<Page<T>>> + 'static,
    {
        self.fetch(None, false, fetch);
    }

    /// Reads the first page again (`more` false) or the page after the last (`more` true).
    pub fn read<Fut>(self, more: bool, fetch: impl FnOnce(Option<String>) -> Fut + 'static)
    where
        Fut: Future<Output = ApiResult<Page<T>>> + 'static,
    {
        if more {
            self.load_more(fetch)
        } else {
            self.load(fetch)
        }
    }

    /// Reads the page after the last one, appending it.
    pub fn load_more<Fut>(self, fetch: impl FnOnce(Option<String>) -> Fut + 'static)
    where
        Fut: Future<Output = ApiResult<Page<T>>> + 'static,
    {
        if let Some(cursor) = self.cursor.get_untracked() {
            self.fetch(Some(cursor), true, fetch);
        }
    }

    fn fetch<Fut>(self, cursor: Option<String>, append: bool, fetch: impl FnOnce(Option<String>) -> Fut + 'static)
    where
        Fut: Future<Output = ApiResult<Page<T>>> + 'static,
    {
        self.loading.set(true);
        self.failure.set(None);
        spawn_local(async move {
            let result = fetch(cursor).await;
            self.loading.set(false);
            match result {
                Ok(page) => {
                    if append {
                        self.rows.update(|rows| rows.extend(page.items));
                    } else {
                        self.rows.set(page.items);
                    }
                    self.cursor.set(page.next_cursor);
                }
                Err(error) => self.failure.set(Some(error)),
            }
        });
    }
}

/// The "Load more" button under a paged list, and the error if a further page failed.
#[component]
pub fn LoadMoreFooter<T: Send + Sync + 'static>(
    more: MorePages<T>,
    #[prop(into)] has_more: Signal<bool>,
    on_load: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="list-footer">
            <Show when=move || has_more.get()>
                <button type="button" class="button-secondary" on:click=move |_| on_load.run(()) disabled=move || more.loading.get()>
                    {i18n.text(|t| t.load_more)}
                </button>
            </Show>
            <div role="alert">{move || more.error.get().map(|e| view! { <p class="notice notice-error">{error_text(i18n.t(), &e)}</p> })}</div>
        </div>
    }
}

/// A data table's heading row, one column per label. Explicit ARIA roles keep the table's
/// semantics when narrow screens restyle it as cards (some browsers drop them then).
#[component]
pub fn TableHead(columns: Vec<fn(&Texts) -> &'static str>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <thead role="rowgroup">
            <tr role="row">
                {columns.into_iter().map(|label| view! { <th scope="col" role="columnheader">{i18n.text(label)}</th> }).collect_view()}
            </tr>
        </thead>
    }
}

/// A [`PagedRows`] list as a table: why a read failed, the rows (or `empty` when there are
/// none), a spinner while reading, and "Load more" while the server has more (`more` reads it).
pub fn paged_table<T, V>(
    list: PagedRows<T>,
    labelled_by: &'static str,
    columns: Vec<fn(&Texts) -> &'static str>,
    empty: fn(&Texts) -> &'static str,
    row: impl Fn(usize, T) -> V + Clone + Send + Sync + 'static,
    more: impl Fn() + Send + Sync + 'static,
) -> impl IntoView
where
    T: Clone + Send + Sync + 'static,
    V: IntoView + 'static,
{
    let i18n = use_i18n();
    let more = Callback::new(move |_: ()| more());
    let PagedRows {
        rows,
        cursor,
        loading,
        failure,
    } = list;
    let table = move || {
        let items = rows.get();
        if items.is_empty() {
            return (!loading.get())
                .then(|| view! { <p class="empty-state">{i18n.text(empty)}</p> })
                .into_any();
        }
        let row = row.clone();
        view! {
            <div class="table-scroll">
                <table class="data-table report-table" role="table" aria-labelledby=labelled_by>
                    <TableHead columns=columns.clone()/>
                    <tbody role="rowgroup">
                        {items.into_iter().enumerate().map(|(at, item)| row(at, item)).collect_view()}
                    </tbody>
                </table>
            </div>
        }
        .into_any()
    };
    view! {
        <div class="form-alert" role="alert">
            {move || failure.get().map(|e| view! { <p class="notice notice-error">{error_text(i18n.t(), &e)}</p> })}
        </div>
        {table}
        <Show when=move || loading.get()><Loading/></Show>
        <Show when=move || cursor.get().is_some()>
            <button type="button" class="button-secondary no-print" on:click=move |_| more.run(()) disabled=move || loading.get()>
                {i18n.text(|t| t.load_more)}
            </button>
        </Show>
    }
}
