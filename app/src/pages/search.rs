//! Search: a file number, a diary number or words of a subject, within one department.

use super::use_page_title;
use crate::api::{self, ApiError};
use crate::components::{error_text, Loading};
use crate::format::human_local;
use crate::i18n::use_i18n;
use crate::session::use_session;
use daftar_domain::wire::{SearchHit, SearchKind};
use daftar_domain::DeptCode;
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;

/// Where a search hit's page is.
pub fn hit_href(hit: &SearchHit) -> String {
    match hit.kind {
        SearchKind::File => format!("/files/{}", hit.id),
        SearchKind::Receipt => format!("/receipts/{}", hit.id),
    }
}

/// The departments of the user's posts, each once, in the order of the posts.
pub fn unique_depts(depts: impl IntoIterator<Item = DeptCode>) -> Vec<DeptCode> {
    let mut out: Vec<DeptCode> = Vec::new();
    for d in depts {
        if !out.contains(&d) {
            out.push(d);
        }
    }
    out
}

/// The search page, for `/search`.
#[component]
pub fn SearchPage() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    use_page_title(|t| t.search_title);
    let depts = Memo::new(move |_| {
        unique_depts(
            session
                .me()
                .map(|me| me.posts.into_iter().map(|p| p.dept).collect::<Vec<_>>())
                .unwrap_or_default(),
        )
    });
    let dept = RwSignal::new(String::new());
    let query = RwSignal::new(String::new());
    let hits = RwSignal::new(None::<Vec<SearchHit>>);
    let cursor = RwSignal::new(None::<String>);
    let failure = RwSignal::new(None::<ApiError>);
    let loading = RwSignal::new(false);
    let asked = RwSignal::new((String::new(), String::new()));

    let run = move |more: bool| {
        let (d, q) = if more {
            asked.get_untracked()
        } else {
            let d = match dept.get_untracked() {
                d if d.is_empty() => depts.get_untracked().first().map(|d| d.to_string()).unwrap_or_default(),
                d => d,
            };
            (d, query.get_untracked().trim().to_owned())
        };
        if q.is_empty() || d.is_empty() {
            return;
        }
        asked.set((d.clone(), q.clone()));
        let from = if more { cursor.get_untracked() } else { None };
        loading.set(true);
        failure.set(None);
        spawn_local(async move {
            let result = api::search(&d, &q, from.as_deref()).await;
            loading.set(false);
            match result {
                Ok(page) => {
                    if more {
                        hits.update(|h| h.get_or_insert_with(Vec::new).extend(page.items));
                    } else {
                        hits.set(Some(page.items));
                    }
                    cursor.set(page.next_cursor);
                }
                Err(error) => failure.set(Some(error)),
            }
        });
    };
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        run(false);
    };
    // Departments are offered by name; the code stands in until the directory has loaded.
    let directory = LocalResource::new(api::departments);
    let dept_name = move |code: &DeptCode| {
        directory
            .get()
            .and_then(|list| list.ok())
            .and_then(|list| list.departments.into_iter().find(|d| &d.code == code))
            .map(|d| i18n.pick(&d.name_en, &d.name_hi).to_owned())
            .unwrap_or_else(|| code.to_string())
    };
    let dept_options = move || {
        depts
            .get()
            .into_iter()
            .map(|d| view! { <option value=d.to_string()>{dept_name(&d)}</option> })
            .collect_view()
    };
    let results = move || {
        hits.get().map(|list| {
            if list.is_empty() {
                return view! { <p class="empty-state">{i18n.text(|t| t.search_nothing)}</p> }.into_any();
            }
            view! {
                <ul class="search-results">
                    {list.into_iter().map(|hit| {
                        let kind = hit.kind;
                        view! {
                            <li>
                                <span class="badge">{move || match kind { SearchKind::File => i18n.t().search_kind_file, SearchKind::Receipt => i18n.t().search_kind_receipt }}</span>
                                " " <A href=hit_href(&hit)>{hit.number.clone()}</A>
                                " " <span class="search-subject">{hit.subject.clone()}</span>
                                " " <span class="hint">{human_local(hit.at)}</span>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            }
            .into_any()
        })
    };

    view! {
        <section class="page">
            <h1 id="search-heading">{i18n.text(|t| t.search_title)}</h1>
            <form class="form search-form" role="search" on:submit=on_submit>
                <div class="field-row">
                    <div class="field">
                        <label for="search-dept">{i18n.text(|t| t.search_dept)}</label>
                        <select id="search-dept" on:change=move |ev| dept.set(event_target_value(&ev))>{dept_options}</select>
                    </div>
                    <div class="field">
                        <label for="search-q">{i18n.text(|t| t.search_query)}</label>
                        <p id="search-q-hint" class="hint">{i18n.text(|t| t.search_hint)}</p>
                        <input id="search-q" type="search" autocomplete="off" aria-describedby="search-q-hint" bind:value=query/>
                    </div>
                </div>
                <div class="actions">
                    <button type="submit" class="button-primary">{i18n.text(|t| t.search_button)}</button>
                </div>
            </form>
            <div class="form-alert" role="alert">
                {move || failure.get().map(|e| view! { <p class="notice notice-error">{error_text(i18n.t(), &e)}</p> })}
            </div>
            <Show when=move || loading.get()><Loading/></Show>
            <div aria-live="polite">{results}</div>
            <Show when=move || cursor.get().is_some()>
                <button type="button" class="button-secondary" on:click=move |_| run(true)>{i18n.text(|t| t.load_more)}</button>
            </Show>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn departments_are_listed_once_each() {
        let d = |s: &str| DeptCode::parse(s).unwrap();
        assert_eq!(unique_depts([d("FIN"), d("REV"), d("FIN")]), vec![d("FIN"), d("REV")]);
    }
}
