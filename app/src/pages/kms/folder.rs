//! `/library/folders/:id`: one folder's documents, and a subscription to it.

use super::{failure, HitCard};
use crate::api;
use crate::components::PagedRows;
use crate::i18n::use_i18n;
use crate::pages::use_page_title;
use daftar_domain::kms::{FolderId, KmsHit, NewSubscription, SubscriptionTarget};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

/// `/library/folders/:id`.
#[component]
pub fn LibraryFolderPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    use_page_title(|t| t.kms.title);
    let id = Memo::new(move |_| params.with(|p| p.get("id")).and_then(|raw| FolderId::parse(&raw).ok()));
    let folders = LocalResource::new(|| api::kms::folders(None));
    let rows = PagedRows::<KmsHit>::new();
    Effect::new(move |_| {
        if let Some(id) = id.get() {
            rows.load(move |cursor| async move { api::kms::folder_documents(&id, cursor.as_deref()).await });
        }
    });
    let more = move |_| {
        if let Some(id) = id.get_untracked() {
            rows.load_more(move |cursor| async move { api::kms::folder_documents(&id, cursor.as_deref()).await });
        }
    };
    let name = move || {
        let id = id.get()?;
        let folder = folders.get()?.ok()?.into_iter().find(|f| f.id == id)?;
        Some(
            i18n.pick(&folder.name_en, folder.name_hi.as_deref().unwrap_or_default())
                .to_owned(),
        )
    };
    let subscribed = RwSignal::new(None::<Result<(), api::ApiError>>);
    let subscribe = move |_| {
        let Some(folder) = id.get_untracked() else { return };
        spawn_local(async move {
            let request = NewSubscription {
                target: SubscriptionTarget::Folder { folder },
            };
            let result = api::kms::subscribe(&request, &api::new_idempotency_key()).await;
            subscribed.set(Some(result.map(|_| ())));
        });
    };
    view! {
        <section class="page library-page">
            <p><A href="/library">{i18n.text(|t| t.kms.back_to_library)}</A></p>
            <h1>{move || name().unwrap_or_else(|| id.get().map(|i| i.to_string()).unwrap_or_default())}</h1>
            <p>
                <button type="button" class="button-secondary" on:click=subscribe>{i18n.text(|t| t.kms.subscribe_folder)}</button>
            </p>
            <div aria-live="polite">
                {move || subscribed.get().map(|r| match r {
                    Ok(()) => view! { <p class="notice notice-success" role="status">{i18n.text(|t| t.kms.subscribed)}</p> }.into_any(),
                    Err(error) => failure(error).into_any(),
                })}
                {move || rows.failure.get().map(failure)}
            </div>
            <Show when=move || !rows.rows.get().is_empty() || rows.loading.get()
                fallback=move || view! { <p class="empty-state">{i18n.text(|t| t.kms.folder_empty)}</p> }>
                <ol class="library-results">
                    {move || rows.rows.get().into_iter().map(|hit| view! { <HitCard hit/> }).collect_view()}
                </ol>
            </Show>
            <div class="list-footer">
                <Show when=move || rows.cursor.get().is_some()>
                    <button type="button" class="button-secondary" on:click=more disabled=move || rows.loading.get()>
                        {i18n.text(|t| t.load_more)}
                    </button>
                </Show>
            </div>
        </section>
    }
}
