//! `/library/:id`: a document's description, the current version's files, its version history
//! and, for the issuing department's editors, the changes: a new version, a roll-back, a
//! supersession by another document and a withdrawal. Each change carries the version read; a
//! 409 means someone changed the document first, and the page offers to reload.

use super::fields::{folder_options, DocumentFields};
use super::{failure, title_of, ValidityBadge};
use crate::api::kms::{attachment_href, pick_by_number, LibraryQuery};
use crate::api::{self, ApiError, ApiResult};
use crate::components::{human_size, Loading, UploadField, Uploads};
use crate::format::{human_date, human_local};
use crate::i18n::{fill, use_i18n, Texts};
use crate::pages::use_page_title;
use daftar_domain::kms::{
    DocumentVersion, KmsDocId, KmsDocument, KmsDocumentView, ReviseDocument, RollBack, Supersede, Validity, Withdraw,
};
use daftar_domain::wire::ErrorCode;
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;
use std::future::Future;

/// What the last change said.
#[derive(Debug, Clone)]
enum Changed {
    Done,
    Stale,
    NoSuchDocument,
    Refused(ApiError),
}

/// The page's means of acting: the status line and a reload.
#[derive(Clone, Copy)]
struct Actions {
    status: RwSignal<Option<Changed>>,
    busy: RwSignal<bool>,
    reload: Callback<()>,
}

impl Actions {
    /// Runs one change and reports it; a success reloads the document.
    fn run(self, change: impl Future<Output = ApiResult<KmsDocumentView>> + 'static) {
        self.busy.set(true);
        self.status.set(None);
        spawn_local(async move {
            let result = change.await;
            self.busy.set(false);
            match result {
                Ok(_) => {
                    self.reload.run(());
                    self.status.set(Some(Changed::Done));
                }
                Err(error) if error.code() == Some(ErrorCode::Conflict) => self.status.set(Some(Changed::Stale)),
                Err(error) => self.status.set(Some(Changed::Refused(error))),
            }
        });
    }
}

/// `/library/:id`.
#[component]
pub fn LibraryDocumentPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    use_page_title(|t| t.kms.title);
    let generation = RwSignal::new(0u32);
    let status = RwSignal::new(None::<Changed>);
    let id = Memo::new(move |_| params.with(|p| p.get("id")).and_then(|raw| KmsDocId::parse(&raw).ok()));
    let document = LocalResource::new(move || {
        let id = id.get();
        generation.track();
        async move {
            let id = id.ok_or(ApiError::Unexpected { status: 404 })?;
            let (document, versions) = futures_join(api::kms::document(&id), api::kms::versions(&id)).await;
            Ok::<_, ApiError>((document?, versions?))
        }
    });
    let reload = Callback::new(move |_: ()| {
        status.set(None);
        generation.update(|g| *g += 1);
    });
    let actions = Actions {
        status,
        busy: RwSignal::new(false),
        reload,
    };
    let status_line = move || {
        status.get().map(|s| match s {
            Changed::Done => view! { <p class="notice notice-success" role="status">{i18n.text(|t| t.kms.done)}</p> }.into_any(),
            Changed::Stale => view! {
                <div class="notice notice-warning" role="alert">
                    <p>{i18n.text(|t| t.kms.stale)}</p>
                    <button type="button" class="button-secondary" on:click=move |_| reload.run(())>{i18n.text(|t| t.kms.reload)}</button>
                </div>
            }
            .into_any(),
            Changed::NoSuchDocument => {
                view! { <p class="notice notice-error" role="alert">{i18n.text(|t| t.kms.no_such_document)}</p> }.into_any()
            }
            Changed::Refused(error) => failure(error).into_any(),
        })
    };
    view! {
        <section class="page library-page">
            <p><A href="/library">{i18n.text(|t| t.kms.back_to_search)}</A></p>
            <div aria-live="polite">{status_line}</div>
            <Suspense fallback=|| view! { <Loading/> }>
                {move || document.get().map(|result| match result {
                    Err(error) => failure(error).into_any(),
                    Ok((view, versions)) => view! { <Document view versions actions/> }.into_any(),
                })}
            </Suspense>
        </section>
    }
}

/// Awaits two calls one after the other (the app has no executor to run them side by side, and
/// two small reads do not need one).
async fn futures_join<A, B>(a: impl Future<Output = A>, b: impl Future<Output = B>) -> (A, B) {
    let a = a.await;
    (a, b.await)
}

/// The document as read, its versions, and the editors' panels.
#[component]
fn Document(view: KmsDocumentView, versions: Vec<DocumentVersion>, actions: Actions) -> impl IntoView {
    let i18n = use_i18n();
    let record_version = view.version;
    let may_edit = view.may_edit;
    let doc = view.document;
    let meta = doc.current.meta.clone();
    let title = title_of(&meta.title_en, meta.title_hi.as_deref());
    let summaries = (meta.summary_en.clone(), meta.summary_hi.clone().unwrap_or_default());
    let category = doc.category;
    let current = doc.current.n;
    let in_force = doc.validity.is_in_force();
    let withdrawn = match &doc.validity {
        Validity::Withdrawn { on, reason } => {
            let (on, reason) = (human_date(*on), reason.clone());
            Some(view! {
                <p class="notice">{move || fill(&fill(i18n.t().kms.withdrawn_because, "{date}", &on), "{reason}", &reason)}</p>
            })
        }
        _ => None,
    };
    let files = doc
        .current
        .attachments
        .iter()
        .enumerate()
        .map(|(k, a)| {
            let href = attachment_href(&doc.id, current, k);
            view! { <li><a href=href download=a.name.to_string()>{a.name.to_string()}</a> " (" {human_size(a.size)} ")"</li> }
        })
        .collect_view();
    let no_files = doc.current.attachments.is_empty();
    let supersedes = doc.supersedes.clone();
    let replaced = (!supersedes.is_empty()).then(move || {
        let links = supersedes
            .into_iter()
            .map(|old| view! { <li><A href=format!("/library/{old}")>{old.to_string()}</A></li> })
            .collect_view();
        view! {
            <h2>{i18n.text(|t| t.kms.replaces)}</h2>
            <ul>{links}</ul>
        }
    });
    let history = versions
        .into_iter()
        .map(|v| {
            let n = v.n;
            let title = title_of(&v.meta.title_en, v.meta.title_hi.as_deref());
            let restores = v.restores;
            let roll_back = (may_edit && in_force && n != current).then(|| {
                let id = doc.id.clone();
                let go = move |_| {
                    let id = id.clone();
                    let request = RollBack {
                        version: record_version,
                        to_version: n,
                    };
                    actions.run(async move { api::kms::roll_back(&id, &request, &api::new_idempotency_key()).await });
                };
                view! {
                    <button type="button" class="button-secondary" disabled=move || actions.busy.get() on:click=go>
                        {move || fill(i18n.t().kms.roll_back, "{n}", &n.to_string())}
                    </button>
                }
            });
            view! {
                <tr>
                    <th scope="row">
                        {n}
                        {restores.map(|r| view! { " · " {move || fill(i18n.t().kms.restores, "{n}", &r.to_string())} })}
                        {(n == current).then(|| view! { " · " <strong>{i18n.text(|t| t.kms.current)}</strong> })}
                    </th>
                    <td>{title}</td>
                    <td class="code">{v.by.to_string()}</td>
                    <td>{human_local(v.at)}</td>
                    <td class="num">{v.attachments.len()}</td>
                    <td>{roll_back}</td>
                </tr>
            }
        })
        .collect_view();
    let editing = may_edit.then(|| {
        let panels = if in_force {
            view! {
                <RevisePanel doc=doc.clone() record_version actions/>
                <SupersedePanel id=doc.id.clone() record_version actions/>
                <WithdrawPanel id=doc.id.clone() record_version actions/>
            }
            .into_any()
        } else {
            view! { <p class="notice">{i18n.text(|t| t.kms.not_in_force_note)}</p> }.into_any()
        };
        view! {
            <section class="library-editor" aria-labelledby="editor-heading">
                <h2 id="editor-heading">{i18n.text(|t| t.kms.editor_heading)}</h2>
                {panels}
            </section>
        }
    });
    view! {
        <h1>{title}</h1>
        <p><span class="code">{doc.number.to_string()}</span> " " <ValidityBadge validity=doc.validity.clone()/></p>
        {withdrawn}
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
        {replaced}
        <h2 id="versions-heading">{i18n.text(|t| t.kms.versions)}</h2>
        <div class="table-scroll">
            <table class="data-table library-versions" aria-labelledby="versions-heading">
                <thead>
                    <tr>
                        <th scope="col">{i18n.text(|t| t.kms.col_version)}</th>
                        <th scope="col">{i18n.text(|t| t.kms.col_title)}</th>
                        <th scope="col">{i18n.text(|t| t.kms.col_by)}</th>
                        <th scope="col">{i18n.text(|t| t.kms.col_recorded)}</th>
                        <th scope="col">{i18n.text(|t| t.kms.col_files)}</th>
                        <th scope="col"><span class="visually-hidden">{i18n.text(|t| t.kms.roll_back_column)}</span></th>
                    </tr>
                </thead>
                <tbody>{history}</tbody>
            </table>
        </div>
        {editing}
    }
}

/// A new version: every description field (starting from the current one), files to add and
/// current files to leave out.
#[component]
fn RevisePanel(doc: KmsDocument, record_version: u64, actions: Actions) -> impl IntoView {
    let i18n = use_i18n();
    let fields = DocumentFields::of(&doc.current.meta);
    let dropped = RwSignal::new(Vec::<u32>::new());
    let uploads = Uploads::new();
    let dept = doc.dept.clone();
    let folders = LocalResource::new(move || {
        let dept = dept.clone();
        async move { api::kms::folders(Some(&dept)).await }
    });
    let id = doc.id.clone();
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        if uploads.busy() {
            return;
        }
        let Some(input) = fields.input() else {
            return;
        };
        let request = ReviseDocument {
            version: record_version,
            input,
            attachments: uploads.ids(),
            drop_attachments: dropped.get_untracked(),
        };
        let id = id.clone();
        actions.run(async move { api::kms::revise(&id, &request, &api::new_idempotency_key()).await });
    };
    let folder_options = folder_options(folders, fields.folder);
    let drops = doc
        .current
        .attachments
        .iter()
        .enumerate()
        .map(|(k, a)| {
            let position = k as u32 + 1;
            let name = a.name.to_string();
            view! {
                <label class="check">
                    <input type="checkbox" on:change=move |ev| {
                        let on = event_target_checked(&ev);
                        dropped.update(|d| {
                            d.retain(|p| *p != position);
                            if on { d.push(position); }
                        });
                    }/>
                    {move || fill(i18n.t().kms.drop_attachment, "{name}", &name)}
                </label>
            }
        })
        .collect_view();
    view! {
        <section class="library-panel" aria-labelledby="revise-heading">
            <h3 id="revise-heading">{i18n.text(|t| t.kms.revise_heading)}</h3>
            <form class="page-form" on:submit=submit novalidate=true>
                {fields.describe("revise")}
                <div class="field-row">
                    <div class="field">
                        <label for="revise-date">{i18n.text(|t| t.kms.date_label)}</label>
                        <input id="revise-date" type="date" required=true prop:value=move || fields.date.get() on:input=move |ev| fields.date.set(event_target_value(&ev))/>
                    </div>
                    <div class="field">
                        <label for="revise-folder">{i18n.text(|t| t.kms.folder)}</label>
                        <select id="revise-folder" on:change=move |ev| fields.folder.set(event_target_value(&ev))>
                            {folder_options}
                        </select>
                    </div>
                </div>
                <div class="checks">{drops}</div>
                <UploadField id="revise-files" uploads label=|t: &Texts| t.kms.files_to_add/>
                <div class="actions">
                    <button type="submit" class="button-primary" disabled=move || actions.busy.get()>{i18n.text(|t| t.kms.save_version)}</button>
                </div>
            </form>
        </section>
    }
}

/// Marks the document replaced by another, named by its number or ID.
#[component]
fn SupersedePanel(id: KmsDocId, record_version: u64, actions: Actions) -> impl IntoView {
    let i18n = use_i18n();
    let by = RwSignal::new(String::new());
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let typed = by.get_untracked().trim().to_owned();
        if typed.is_empty() {
            return;
        }
        let id = id.clone();
        actions.busy.set(true);
        spawn_local(async move {
            // A number is what people know a document by; an ID works too.
            let query = LibraryQuery {
                number: typed.clone(),
                ..LibraryQuery::default()
            };
            let found = match api::kms::search(&query, None).await {
                Ok(page) => pick_by_number(&typed, &page.items).map(|hit| hit.id.clone()),
                Err(_) => None,
            };
            let Some(by) = found.or_else(|| KmsDocId::parse(&typed).ok()) else {
                actions.busy.set(false);
                actions.status.set(Some(Changed::NoSuchDocument));
                return;
            };
            let request = Supersede {
                version: record_version,
                by,
            };
            actions.run(async move { api::kms::supersede(&id, &request, &api::new_idempotency_key()).await });
        });
    };
    view! {
        <section class="library-panel" aria-labelledby="supersede-heading">
            <h3 id="supersede-heading">{i18n.text(|t| t.kms.supersede_heading)}</h3>
            <form class="page-form" on:submit=submit>
                <div class="field">
                    <label for="supersede-by">{i18n.text(|t| t.kms.supersede_label)}</label>
                    <input id="supersede-by" type="text" class="input-code" required=true prop:value=move || by.get()
                        on:input=move |ev| by.set(event_target_value(&ev))/>
                </div>
                <div class="actions">
                    <button type="submit" class="button-secondary" disabled=move || actions.busy.get()>{i18n.text(|t| t.kms.supersede_button)}</button>
                </div>
            </form>
        </section>
    }
}

/// Withdraws the document, with the reason recorded.
#[component]
fn WithdrawPanel(id: KmsDocId, record_version: u64, actions: Actions) -> impl IntoView {
    let i18n = use_i18n();
    let reason = RwSignal::new(String::new());
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        if reason.get_untracked().trim().is_empty() {
            return;
        }
        let request = Withdraw {
            version: record_version,
            reason: reason.get_untracked(),
        };
        let id = id.clone();
        actions.run(async move { api::kms::withdraw(&id, &request, &api::new_idempotency_key()).await });
    };
    view! {
        <section class="library-panel" aria-labelledby="withdraw-heading">
            <h3 id="withdraw-heading">{i18n.text(|t| t.kms.withdraw_heading)}</h3>
            <form class="page-form" on:submit=submit>
                <div class="field">
                    <label for="withdraw-reason">{i18n.text(|t| t.kms.withdraw_reason)}</label>
                    <textarea id="withdraw-reason" rows="3" required=true prop:value=move || reason.get()
                        on:input=move |ev| reason.set(event_target_value(&ev))></textarea>
                </div>
                <div class="actions">
                    <button type="submit" class="button-danger" disabled=move || actions.busy.get()>{i18n.text(|t| t.kms.withdraw_button)}</button>
                </div>
            </form>
        </section>
    }
}
