//! `/library/new`: a department's library editor issues a new document (version 1) in one of
//! the department's folders, or opens a folder first.

use super::failure;
use super::fields::{folder_options, text_field, DocumentFields};
use crate::api::{self, ApiError};
use crate::components::{Loading, UploadField, Uploads};
use crate::i18n::{use_i18n, Texts};
use crate::pages::use_page_title;
use daftar_domain::kms::{Category, NewDocument, NewFolder};
use daftar_domain::DeptCode;
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;

/// `/library/new`.
#[component]
pub fn NewLibraryDocumentPage() -> impl IntoView {
    let i18n = use_i18n();
    use_page_title(|t| t.kms.new_title);
    let editing = LocalResource::new(api::kms::editing);
    view! {
        <section class="page page-form library-page">
            <p><A href="/library">{i18n.text(|t| t.kms.back_to_library)}</A></p>
            <h1>{i18n.text(|t| t.kms.new_title)}</h1>
            <p class="hint">{i18n.text(|t| t.kms.new_intro)}</p>
            <Suspense fallback=|| view! { <Loading/> }>
                {move || editing.get().map(|result| match result {
                    Err(error) => failure(error).into_any(),
                    Ok(depts) if depts.is_empty() => view! { <p class="notice">{i18n.text(|t| t.kms.not_editor)}</p> }.into_any(),
                    Ok(depts) => view! { <NewDocumentForm depts/> }.into_any(),
                })}
            </Suspense>
        </section>
    }
}

#[component]
fn NewDocumentForm(depts: Vec<DeptCode>) -> impl IntoView {
    let i18n = use_i18n();
    let navigate = use_navigate();
    let dept = RwSignal::new(depts.first().map(ToString::to_string).unwrap_or_default());
    let fields = DocumentFields::blank();
    let folder = fields.folder;
    let number = RwSignal::new(String::new());
    let category = RwSignal::new(Category::Circular.code().to_owned());
    let uploads = Uploads::new();
    let busy = RwSignal::new(false);
    let refused = RwSignal::new(None::<ApiError>);
    let folder_names = (RwSignal::new(String::new()), RwSignal::new(String::new()));
    let folders_changed = RwSignal::new(0u32);
    let folder_created = RwSignal::new(false);
    let key = StoredValue::new(api::new_idempotency_key());

    let folders = LocalResource::new(move || {
        let dept = DeptCode::parse(&dept.get()).ok();
        folders_changed.track();
        async move {
            match dept {
                Some(dept) => api::kms::folders(Some(&dept)).await,
                None => Ok(Vec::new()),
            }
        }
    });
    // The first folder is chosen until the editor picks another.
    Effect::new(move |_| {
        if let Some(Ok(list)) = folders.get() {
            let current = folder.get_untracked();
            if !list.iter().any(|f| f.id.to_string() == current) {
                folder.set(list.first().map(|f| f.id.to_string()).unwrap_or_default());
            }
        }
    });

    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        if uploads.busy() {
            return;
        }
        let (Ok(dept), Some(category), Some(input)) = (
            DeptCode::parse(&dept.get_untracked()),
            Category::parse(&category.get_untracked()).ok(),
            fields.input(),
        ) else {
            return;
        };
        let request = NewDocument {
            number: number.get_untracked(),
            dept,
            category,
            input,
            attachments: uploads.ids(),
        };
        let navigate = navigate.clone();
        busy.set(true);
        refused.set(None);
        spawn_local(async move {
            let result = api::kms::create_document(&request, &key.get_value()).await;
            busy.set(false);
            match result {
                Ok(view) => navigate(&format!("/library/{}", view.document.id), Default::default()),
                Err(error) => {
                    if !error.is_retryable() {
                        key.set_value(api::new_idempotency_key());
                    }
                    refused.set(Some(error));
                }
            }
        });
    };
    let open_folder = move |ev: SubmitEvent| {
        ev.prevent_default();
        let Ok(dept) = DeptCode::parse(&dept.get_untracked()) else {
            return;
        };
        let name_hi = folder_names.1.get_untracked();
        let request = NewFolder {
            dept,
            name_en: folder_names.0.get_untracked(),
            name_hi: Some(name_hi).filter(|n| !n.trim().is_empty()),
        };
        folder_created.set(false);
        spawn_local(async move {
            match api::kms::create_folder(&request, &api::new_idempotency_key()).await {
                Ok(created) => {
                    folder.set(created.id.to_string());
                    folder_names.0.set(String::new());
                    folder_names.1.set(String::new());
                    folder_created.set(true);
                    folders_changed.update(|n| *n += 1);
                }
                Err(error) => refused.set(Some(error)),
            }
        });
    };
    let folder_options = folder_options(folders, folder);
    view! {
        <div aria-live="polite">
            {move || refused.get().map(failure)}
            {move || folder_created.get().then(|| view! { <p class="notice notice-success" role="status">{i18n.text(|t| t.kms.folder_created)}</p> })}
        </div>
        <form on:submit=submit novalidate=true>
            <div class="field-row">
                <div class="field">
                    <label for="new-dept">{i18n.text(|t| t.kms.department)}</label>
                    <select id="new-dept" on:change=move |ev| dept.set(event_target_value(&ev))>
                        {depts.iter().map(|d| {
                            let code = d.to_string();
                            view! { <option value=code.clone() prop:selected=move || dept.get() == code>{code.clone()}</option> }
                        }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="new-folder">{i18n.text(|t| t.kms.folder)}</label>
                    <select id="new-folder" on:change=move |ev| folder.set(event_target_value(&ev))>
                        <option value="" prop:selected=move || folder.get().is_empty()>{i18n.text(|t| t.kms.choose_folder)}</option>
                        {folder_options}
                    </select>
                </div>
            </div>
            <div class="field-row">
                {text_field("new-number".into(), |t| t.kms.number, number, false, None)}
                <div class="field">
                    <label for="new-category">{i18n.text(|t| t.kms.category)}</label>
                    <select id="new-category" on:change=move |ev| category.set(event_target_value(&ev))>
                        {Category::ALL.into_iter().map(|c| view! {
                            <option value=c.code() prop:selected=move || category.get() == c.code()>{move || i18n.t().kms.category(c)}</option>
                        }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="new-date">{i18n.text(|t| t.kms.date_label)}</label>
                    <input id="new-date" type="date" prop:value=move || fields.date.get() on:input=move |ev| fields.date.set(event_target_value(&ev))/>
                </div>
            </div>
            {fields.describe("new")}
            <UploadField id="new-files" uploads label=|t: &Texts| t.kms.attachments/>
            <div class="actions">
                <button type="submit" class="button-primary" disabled=move || busy.get()>{i18n.text(|t| t.kms.issue_button)}</button>
            </div>
        </form>

        <section class="library-panel" aria-labelledby="new-folder-heading">
            <h2 id="new-folder-heading">{i18n.text(|t| t.kms.new_folder_heading)}</h2>
            <form class="people-form" on:submit=open_folder>
                {text_field("folder-name-en".into(), |t| t.kms.folder_name_en, folder_names.0, false, Some("en"))}
                {text_field("folder-name-hi".into(), |t| t.kms.folder_name_hi, folder_names.1, false, Some("hi"))}
                <div class="actions">
                    <button type="submit" class="button-secondary">{i18n.text(|t| t.kms.create_folder)}</button>
                </div>
            </form>
        </section>
    }
}
