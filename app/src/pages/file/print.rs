//! The note sheet as paper: file number and subject at the top, ruled paragraphs numbered in the
//! margin, each signature block on the right. The print stylesheet hides the app around it.

use super::notes::{reference, signer_name};
use super::{use_file_id, InvalidFileId};
use crate::api;
use crate::components::{ErrorList, Loading};
use crate::format::human_local;
use crate::i18n::{fill, use_i18n};
use crate::pages::use_page_title;
use daftar_domain::wire::{CorrespondenceEntry, FileView, NoteView};
use daftar_domain::FileId;
use leptos::prelude::*;
use leptos_router::components::A;

/// The print view, for `/files/:id/print`.
#[component]
pub fn FilePrintPage() -> impl IntoView {
    let id = use_file_id();
    use_page_title(|t| t.print_title);
    move || match id.get() {
        Some(id) => view! { <PrintScreen id/> }.into_any(),
        None => view! { <InvalidFileId/> }.into_any(),
    }
}

/// The printable sheet of one well-formed file ID.
#[component]
fn PrintScreen(id: FileId) -> impl IntoView {
    let i18n = use_i18n();
    let sheet = LocalResource::new({
        let id = id.clone();
        move || {
            let id = id.clone();
            async move {
                let file = api::file(&id).await?;
                let notes = api::notes(&id).await?;
                // Only to name flagged receipts by their diary numbers; the sheet prints without.
                let receipts = api::correspondence(&id).await.unwrap_or_default();
                Ok::<_, api::ApiError>((file, notes, receipts))
            }
        }
    });
    let print = move |_| {
        let _ = window().print();
    };
    view! {
        <div class="print-tools">
            <A href=format!("/files/{id}")>{i18n.text(|t| t.back_to_file)}</A>
            <button type="button" class="button-primary" on:click=print>{i18n.text(|t| t.print_button)}</button>
        </div>
        <Transition fallback=Loading>
            <ErrorBoundary fallback=move |errors| view! { <ErrorList errors retry=Callback::new(move |_| sheet.refetch())/> }>
                {move || Suspend::new(async move {
                    sheet.await.map(|(file, notes, receipts)| view! { <PaperSheet file notes receipts/> })
                })}
            </ErrorBoundary>
        </Transition>
    }
}

/// The sheet itself: signed notes only, as on paper (a draft is not part of the record).
#[component]
fn PaperSheet(file: FileView, notes: Vec<NoteView>, receipts: Vec<CorrespondenceEntry>) -> impl IntoView {
    let i18n = use_i18n();
    let signed: Vec<NoteView> = notes.into_iter().filter(|n| n.note.signed.is_some()).collect();
    let number = file.file.number.text.clone();
    let subject = file.file.subject.to_string();
    let paragraphs = if signed.is_empty() {
        view! { <p class="sheet-empty">{i18n.text(|t| t.notes_empty)}</p> }.into_any()
    } else {
        let receipts = StoredValue::new(receipts);
        view! {
            <ol class="sheet-paras" role="list">
                {signed.into_iter().map(|note| view! { <PaperParagraph note receipts/> }).collect_view()}
            </ol>
        }
        .into_any()
    };
    view! {
        <article class="print-sheet" aria-labelledby="sheet-title">
            <header class="sheet-head">
                <h1 id="sheet-title" class="sheet-title">{i18n.text(|t| t.note_sheet_heading)}</h1>
                <p class="sheet-line"><span class="sheet-key">{i18n.text(|t| t.file_number)} ": "</span><span class="code">{number}</span></p>
                <p class="sheet-line"><span class="sheet-key">{i18n.text(|t| t.subject)} ": "</span><strong>{subject}</strong></p>
            </header>
            {paragraphs}
        </article>
    }
}

/// One signed paragraph with its number in the margin and its signature block.
#[component]
fn PaperParagraph(note: NoteView, receipts: StoredValue<Vec<CorrespondenceEntry>>) -> impl IntoView {
    let i18n = use_i18n();
    let paragraph = note.note.paragraph.unwrap_or_default();
    let signed_at = note.note.signed.as_ref().map(|s| human_local(s.at)).unwrap_or_default();
    let refs = note.note.refs.clone();
    let flags = move || {
        let t = i18n.t();
        (!refs.is_empty()).then(|| {
            let labels: Vec<String> =
                receipts.with_value(|known| refs.iter().map(|r| reference(t, r, known).0).collect());
            view! { <p class="sheet-flags">{t.flags_label} ": " {labels.join(", ")}</p> }
        })
    };
    let name = {
        let note = note.clone();
        move || signer_name(i18n, &note)
    };
    let label = note.sign_as_label.clone();
    let (title, office) = (
        {
            let label = label.clone();
            move || i18n.pick(&label.title_en, &label.title_hi).to_owned()
        },
        move || i18n.pick(&label.office_name_en, &label.office_name_hi).to_owned(),
    );
    view! {
        <li class="sheet-para">
            <span class="sheet-margin" aria-label=move || fill(i18n.t().para_label, "{n}", &paragraph.to_string())>
                {paragraph}"."
            </span>
            <div class="sheet-body">
                <p class="sheet-text">{note.note.text.to_string()}</p>
                {flags}
                <p class="sheet-signature">
                    <span class="signature-name">"(" {name} ")"</span>
                    <span>{title}</span>
                    <span>{office}</span>
                    <span>{signed_at}</span>
                </p>
            </div>
        </li>
    }
}
