//! The knowledge library: every employee searches the government's circulars, orders and
//! manuals by words (English or Hindi), number, department, kind and date, and reads a document
//! with its files and versions.

use crate::api::kms::{attachment_href, LibraryQuery};
use crate::api::{self, ApiError};
use crate::components::{error_text, Loading};
use crate::format::human_date;
use crate::i18n::{fill, use_i18n};
use crate::pages::use_page_title;
use daftar_domain::kms::{Category, KmsDocId, KmsHit, Validity};
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_params_map, use_query_map};

fn failure(error: &ApiError) -> AnyView {
    let i18n = use_i18n();
    let text = error_text(i18n.t(), error);
    view! { <p class="notice notice-error" role="alert">{text}</p> }.into_any()
}

/// Whether a document is the rule, in words: "In force", "Superseded by …", "Withdrawn".
#[component]
fn ValidityBadge(validity: Validity) -> impl IntoView {
    let i18n = use_i18n();
    let (class, text): (&str, Box<dyn Fn() -> String + Send + Sync>) = match validity {
        Validity::InForce => ("badge badge-done", Box::new(move || i18n.t().kms.in_force.to_owned())),
        Validity::Superseded { by_number, .. } => (
            "badge badge-pending",
            Box::new(move || fill(i18n.t().kms.superseded_by, "{number}", by_number.as_ref())),
        ),
        Validity::Withdrawn { .. } => (
            "badge badge-pending",
            Box::new(move || i18n.t().kms.withdrawn.to_owned()),
        ),
    };
    view! { <span class=class>{text}</span> }
}

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
                    Err(error) => failure(&error),
                })}
            </Suspense>
        </section>
    }
}

/// One document found.
#[component]
fn HitCard(hit: KmsHit) -> impl IntoView {
    let i18n = use_i18n();
    let titles = (hit.title_en.clone(), hit.title_hi.clone().unwrap_or_default());
    let category = hit.category;
    view! {
        <li class="library-hit">
            <A href=format!("/library/{}", hit.id)>{move || i18n.pick(&titles.0, &titles.1).to_owned()}</A>
            <span class="code">{hit.number.to_string()}</span>
            <span>{move || i18n.t().kms.category(category)} " · " {human_date(hit.date)} " · " {hit.dept.to_string()}</span>
            <ValidityBadge validity=hit.validity.clone()/>
        </li>
    }
}

/// `/library/:id`: a document, its files and its versions.
#[component]
pub fn LibraryDocumentPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    use_page_title(|t| t.kms.title);
    let id = Memo::new(move |_| params.with(|p| p.get("id")).and_then(|raw| KmsDocId::parse(&raw).ok()));
    let document = LocalResource::new(move || {
        let id = id.get();
        async move {
            match id {
                Some(id) => Some((api::kms::document(&id).await, api::kms::versions(&id).await)),
                None => None,
            }
        }
    });
    view! {
        <section class="page library-page">
            <p><A href="/library">{i18n.text(|t| t.kms.back_to_search)}</A></p>
            <Suspense fallback=|| view! { <Loading/> }>
                {move || document.get().flatten().map(|(document, versions)| match document {
                    Err(error) => failure(&error),
                    Ok(view) => {
                        let doc = view.document;
                        let meta = doc.current.meta.clone();
                        let titles = (meta.title_en.clone(), meta.title_hi.clone().unwrap_or_default());
                        let summaries = (meta.summary_en.clone(), meta.summary_hi.clone().unwrap_or_default());
                        let category = doc.category;
                        let current = doc.current.n;
                        let files = doc.current.attachments.iter().enumerate().map(|(k, a)| {
                            let href = attachment_href(&doc.id, current, k);
                            view! { <li><a href=href download=a.name.to_string()>{a.name.to_string()}</a></li> }
                        }).collect_view();
                        let no_files = doc.current.attachments.is_empty();
                        let history = versions.map(|page| page.items).unwrap_or_default().into_iter().map(|v| {
                            let n = v.n;
                            let restores = v.restores;
                            view! {
                                <li>
                                    {move || fill(i18n.t().kms.version, "{n}", &n.to_string())}
                                    " · " {human_date(v.meta.date)}
                                    {restores.map(|r| view! { " · " {move || fill(i18n.t().kms.restores, "{n}", &r.to_string())} })}
                                    {(n == current).then(|| view! { " · " <strong>{i18n.text(|t| t.kms.current)}</strong> })}
                                </li>
                            }
                        }).collect_view();
                        view! {
                            <h1>{move || i18n.pick(&titles.0, &titles.1).to_owned()}</h1>
                            <p><span class="code">{doc.number.to_string()}</span> " " <ValidityBadge validity=doc.validity.clone()/></p>
                            <dl class="facts">
                                <dt>{i18n.text(|t| t.kms.category)}</dt><dd>{move || i18n.t().kms.category(category)}</dd>
                                <dt>{i18n.text(|t| t.kms.department)}</dt><dd>{doc.dept.to_string()}</dd>
                                <dt>{i18n.text(|t| t.kms.issued_on)}</dt><dd>{human_date(meta.date)}</dd>
                                <dt>{i18n.text(|t| t.kms.tags)}</dt><dd>{meta.tags.join(", ")}</dd>
                            </dl>
                            <h2>{i18n.text(|t| t.kms.summary)}</h2>
                            <p class="library-summary">{move || i18n.pick(&summaries.0, &summaries.1).to_owned()}</p>
                            <h2>{i18n.text(|t| t.kms.attachments)}</h2>
                            {if no_files {
                                view! { <p class="empty-state">{i18n.text(|t| t.kms.no_attachments)}</p> }.into_any()
                            } else {
                                view! { <ul>{files}</ul> }.into_any()
                            }}
                            <h2>{i18n.text(|t| t.kms.versions)}</h2>
                            <ol class="library-versions" reversed=true>{history}</ol>
                        }.into_any()
                    }
                })}
            </Suspense>
        </section>
    }
}
