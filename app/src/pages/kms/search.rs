//! `/library`: the search over circulars, orders and manuals, and the folders to browse.

use super::{failure, HitCard};
use crate::api::kms::LibraryQuery;
use crate::api::{self};
use crate::components::Loading;
use crate::i18n::use_i18n;
use crate::pages::use_page_title;
use daftar_domain::kms::Category;
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_query_map};

/// `/library?q=…&number=…&dept=…&category=…&from=…&to=…`
#[component]
pub fn LibraryPage() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let navigate = use_navigate();
    use_page_title(|t| t.kms.title);
    let asked = Memo::new(move |_| {
        query.with(|q| LibraryQuery {
            q: q.get("q").unwrap_or_default(),
            number: q.get("number").unwrap_or_default(),
            dept: q.get("dept").unwrap_or_default(),
            category: q.get("category").unwrap_or_default(),
            from: q.get("from").unwrap_or_default(),
            to: q.get("to").unwrap_or_default(),
        })
    });
    let form = asked.get_untracked();
    let (words, number, dept, category, from, to) = (
        RwSignal::new(form.q),
        RwSignal::new(form.number),
        RwSignal::new(form.dept),
        RwSignal::new(form.category),
        RwSignal::new(form.from),
        RwSignal::new(form.to),
    );
    let departments = LocalResource::new(|| async { api::departments().await });
    let editing = LocalResource::new(api::kms::editing);
    let results = LocalResource::new(move || {
        let asked = asked.get();
        async move {
            if asked.pairs().is_empty() {
                None
            } else {
                Some(api::kms::search(&asked, None).await)
            }
        }
    });
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let wanted = LibraryQuery {
            q: words.get_untracked(),
            number: number.get_untracked(),
            dept: dept.get_untracked(),
            category: category.get_untracked(),
            from: from.get_untracked(),
            to: to.get_untracked(),
        };
        let search: String = wanted
            .pairs()
            .into_iter()
            .map(|(k, v)| format!("{k}={}", js_sys::encode_uri_component(v.trim())))
            .collect::<Vec<_>>()
            .join("&");
        navigate(&format!("/library?{search}"), Default::default());
    };
    let text_field = move |id: &'static str,
                           label: fn(&crate::i18n::Texts) -> &'static str,
                           value: RwSignal<String>,
                           kind: &'static str| {
        view! {
            <div class="field">
                <label for=id>{i18n.text(label)}</label>
                <input id=id type=kind prop:value=move || value.get() on:input=move |ev| value.set(event_target_value(&ev))/>
            </div>
        }
    };
    view! {
        <section class="page library-page">
            <h1>{i18n.text(|t| t.kms.title)}</h1>
            <p class="hint">{i18n.text(|t| t.kms.intro)}</p>
            <ul class="library-links">
                <li><A href="/library/inbox">{i18n.text(|t| t.kms.inbox_link)}</A></li>
                <Show when=move || editing.get().and_then(Result::ok).is_some_and(|d| !d.is_empty())>
                    <li><A href="/library/new">{i18n.text(|t| t.kms.new_document)}</A></li>
                </Show>
            </ul>
            <form class="library-form" role="search" on:submit=on_submit>
                <div class="field field-wide">
                    <label for="library-words">{i18n.text(|t| t.kms.words)}</label>
                    <input id="library-words" type="search" placeholder=i18n.text(|t| t.kms.words_hint)
                        prop:value=move || words.get() on:input=move |ev| words.set(event_target_value(&ev))/>
                </div>
                {text_field("library-number", |t| t.kms.number, number, "text")}
                <div class="field">
                    <label for="library-dept">{i18n.text(|t| t.kms.department)}</label>
                    <select id="library-dept" prop:value=move || dept.get() on:change=move |ev| dept.set(event_target_value(&ev))>
                        <option value="">{i18n.text(|t| t.kms.any_department)}</option>
                        {move || departments.get().and_then(Result::ok).map(|list| list.departments.into_iter().map(|d| {
                            let code = d.code.to_string();
                            let selected = dept.get_untracked() == code;
                            view! { <option value=code selected=selected>{i18n.pick(&d.name_en, &d.name_hi).to_owned()}</option> }
                        }).collect_view())}
                    </select>
                </div>
                <div class="field">
                    <label for="library-category">{i18n.text(|t| t.kms.category)}</label>
                    <select id="library-category" prop:value=move || category.get() on:change=move |ev| category.set(event_target_value(&ev))>
                        <option value="">{i18n.text(|t| t.kms.any_category)}</option>
                        {Category::ALL.into_iter().map(|c| view! {
                            <option value=c.code() selected=move || category.get() == c.code()>{move || i18n.t().kms.category(c)}</option>
                        }).collect_view()}
                    </select>
                </div>
                {text_field("library-from", |t| t.kms.issued_from, from, "date")}
                {text_field("library-to", |t| t.kms.issued_to, to, "date")}
                <div class="actions">
                    <button type="submit" class="button-primary">{i18n.text(|t| t.kms.search)}</button>
                </div>
            </form>
            <Suspense fallback=|| view! { <Loading/> }>
                {move || results.get().flatten().map(|result| match result {
                    Ok(page) if page.items.is_empty() => view! { <p class="empty-state" role="status">{i18n.text(|t| t.kms.no_results)}</p> }.into_any(),
                    Ok(page) => view! {
                        <h2 id="library-results">{i18n.text(|t| t.kms.results)}</h2>
                        <ol class="library-results" aria-labelledby="library-results">
                            {page.items.into_iter().map(|hit| view! { <HitCard hit/> }).collect_view()}
                        </ol>
                    }.into_any(),
                    Err(error) => failure(error).into_any(),
                })}
            </Suspense>
            <Folders/>
        </section>
    }
}

/// Every folder of the library, by department, to browse.
#[component]
fn Folders() -> impl IntoView {
    let i18n = use_i18n();
    let folders = LocalResource::new(|| api::kms::folders(None));
    view! {
        <h2 id="library-folders">{i18n.text(|t| t.kms.folders_heading)}</h2>
        <Suspense fallback=|| view! { <Loading/> }>
            {move || folders.get().map(|result| match result {
                Err(error) => failure(error).into_any(),
                Ok(list) if list.is_empty() => view! { <p class="empty-state">{i18n.text(|t| t.kms.no_folders)}</p> }.into_any(),
                Ok(list) => view! {
                    <ul class="library-folders" aria-labelledby="library-folders">
                        {list.into_iter().map(|f| {
                            let names = (f.name_en.clone(), f.name_hi.clone().unwrap_or_default());
                            view! {
                                <li>
                                    <A href=format!("/library/folders/{}", f.id)>{move || i18n.pick(&names.0, &names.1).to_owned()}</A>
                                    " " <span class="code">{f.dept.to_string()}</span>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }.into_any(),
            })}
        </Suspense>
    }
}
