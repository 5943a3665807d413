//! The file's correspondence: the receipts put into it and the files linked to it.

use crate::api::ApiResult;
use crate::components::{ErrorList, Loading};
use crate::format::{human_date, human_local};
use crate::i18n::use_i18n;
use daftar_domain::wire::{CorrespondenceEntry, LinkedFile};
use leptos::prelude::*;
use leptos_router::components::A;

/// Receipts, then linked files.
#[component]
pub(super) fn CorrespondencePanel(
    receipts: LocalResource<ApiResult<Vec<CorrespondenceEntry>>>,
    links: LocalResource<ApiResult<Vec<LinkedFile>>>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <aside class="correspondence" aria-labelledby="correspondence-heading">
            <h2 id="correspondence-heading">{i18n.text(|t| t.correspondence_heading)}</h2>
            <section aria-labelledby="receipts-heading">
                <h3 id="receipts-heading">{i18n.text(|t| t.receipts_in_file)}</h3>
                <Transition fallback=Loading>
                    <ErrorBoundary fallback=move |errors| view! { <ErrorList errors retry=Callback::new(move |_| receipts.refetch())/> }>
                        {move || Suspend::new(async move {
                            receipts.await.map(|entries| {
                                if entries.is_empty() {
                                    return view! { <p class="empty-state">{i18n.text(|t| t.no_receipts_in_file)}</p> }.into_any();
                                }
                                view! {
                                    <ul class="cards" role="list">
                                        {entries.into_iter().map(|entry| view! { <ReceiptCard entry/> }).collect_view()}
                                    </ul>
                                }
                                .into_any()
                            })
                        })}
                    </ErrorBoundary>
                </Transition>
            </section>
            <section aria-labelledby="links-heading">
                <h3 id="links-heading">{i18n.text(|t| t.linked_files)}</h3>
                <Transition fallback=Loading>
                    <ErrorBoundary fallback=move |errors| view! { <ErrorList errors retry=Callback::new(move |_| links.refetch())/> }>
                        {move || Suspend::new(async move {
                            links.await.map(|files| {
                                if files.is_empty() {
                                    return view! { <p class="empty-state">{i18n.text(|t| t.no_linked_files)}</p> }.into_any();
                                }
                                view! {
                                    <ul class="cards" role="list">
                                        {files.into_iter().map(|file| view! {
                                            <li class="card">
                                                <A href=format!("/files/{}", file.file_id)><span class="code">{file.number}</span></A>
                                                <p class="card-subject">{file.subject}</p>
                                            </li>
                                        }).collect_view()}
                                    </ul>
                                }
                                .into_any()
                            })
                        })}
                    </ErrorBoundary>
                </Transition>
            </section>
        </aside>
    }
}

/// One receipt in the file.
#[component]
fn ReceiptCard(entry: CorrespondenceEntry) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <li class="card">
            <A href=format!("/receipts/{}", entry.receipt_id)><span class="code">{entry.diary_number_text}</span></A>
            <p class="card-subject">{entry.subject}</p>
            <p class="card-meta">
                {entry.sender} " · " {i18n.text(|t| t.letter_date)} " " {human_date(entry.letter_date)}
                <br/>
                {i18n.text(|t| t.put_in_on)} " " {human_local(entry.attached_at)}
            </p>
        </li>
    }
}
