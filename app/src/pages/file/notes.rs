//! The note sheet: signed (green) paragraphs in order, the one yellow draft, and the editor that
//! writes or rewrites it.

use super::{ActionFailure, FileState, Submission};
use crate::api::{self, ApiResult};
use crate::components::fields::{described_by, focus};
use crate::components::{AttachmentList, ErrorList, FieldMessage, Loading, UploadField, Uploads};
use crate::format::human_local;
use crate::i18n::{fill, use_i18n, FieldError, I18n, Texts};
use crate::session::{use_flash, FileNews, FlashMessage};
use daftar_domain::file::{NoteRef, MAX_NOTE_REFS};
use daftar_domain::wire::{CorrespondenceEntry, EditNoteRequest, NoteView, VersionOnly, WriteNoteRequest};
use daftar_domain::{NoteText, PostId};
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_location;

type Receipts = LocalResource<ApiResult<Vec<CorrespondenceEntry>>>;

/// How a reference flagged in a note reads, and where it leads.
pub(super) fn reference(t: &Texts, r: &NoteRef, receipts: &[CorrespondenceEntry]) -> (String, String) {
    match r {
        NoteRef::Paragraph { number } => (
            fill(t.para_label, "{n}", &number.to_string()),
            format!("#para-{number}"),
        ),
        NoteRef::Receipt { id } => {
            let number = receipts
                .iter()
                .find(|entry| &entry.receipt_id == id)
                .map_or_else(|| id.to_string(), |entry| entry.diary_number_text.clone());
            (fill(t.receipt_ref_label, "{n}", &number), format!("/receipts/{id}"))
        }
    }
}

/// The name of whoever signed a note, in the chosen language (tracked).
pub(super) fn signer_name(i18n: I18n, note: &NoteView) -> String {
    match (&note.signed_by_name_en, &note.signed_by_name_hi) {
        (Some(en), hi) => i18n.pick(en, hi.as_deref().unwrap_or(en)).to_owned(),
        _ => i18n.pick(&note.drafted_by_name_en, &note.drafted_by_name_hi).to_owned(),
    }
}

/// The note sheet of the file on screen.
#[component]
pub(super) fn NoteSheet(
    state: FileState,
    notes: LocalResource<ApiResult<Vec<NoteView>>>,
    receipts: Receipts,
) -> impl IntoView {
    let i18n = use_i18n();
    let may_write = move || state.with(|v| v.allowed.write_note).unwrap_or(false);
    view! {
        <section class="note-sheet" aria-labelledby="note-sheet-heading">
            <h2 id="note-sheet-heading" tabindex="-1">{i18n.text(|t| t.note_sheet_heading)}</h2>
            <Transition fallback=Loading>
                <ErrorBoundary fallback=move |errors| view! { <ErrorList errors retry=Callback::new(move |_| notes.refetch())/> }>
                    {move || Suspend::new(async move {
                        notes.await.map(|notes| view! { <NoteList notes state receipts/> })
                    })}
                </ErrorBoundary>
            </Transition>
            <Show when=may_write>
                <NoteEditor state receipts editing=None/>
            </Show>
        </section>
    }
}

/// The signed paragraphs, then the draft.
#[component]
fn NoteList(notes: Vec<NoteView>, state: FileState, receipts: Receipts) -> impl IntoView {
    let i18n = use_i18n();
    let (signed, drafts): (Vec<_>, Vec<_>) = notes.into_iter().partition(|n| n.note.signed.is_some());
    if signed.is_empty() && drafts.is_empty() {
        return view! { <p class="empty-state">{i18n.text(|t| t.notes_empty)}</p> }.into_any();
    }
    view! {
        <ol class="notes" role="list">
            {signed.into_iter().map(|note| view! { <SignedNote note receipts/> }).collect_view()}
        </ol>
        {drafts.into_iter().map(|note| view! { <DraftNote note state receipts/> }).collect_view()}
    }
    .into_any()
}

/// The references a note flags, as links.
#[component]
fn References(refs: Vec<NoteRef>, receipts: Receipts) -> impl IntoView {
    let i18n = use_i18n();
    (!refs.is_empty()).then(|| {
        view! {
            <p class="note-refs">
                <span class="note-refs-label">{i18n.text(|t| t.flags_label)} ": "</span>
                {move || {
                    let t = i18n.t();
                    let known = receipts.get().and_then(Result::ok).unwrap_or_default();
                    refs.iter()
                        .enumerate()
                        .map(|(i, r)| {
                            let (label, href) = reference(t, r, &known);
                            view! { {(i > 0).then_some(", ")}<A href=href>{label}</A> }
                        })
                        .collect_view()
                }}
            </p>
        }
    })
}

/// A green, numbered, permanent note.
#[component]
fn SignedNote(note: NoteView, receipts: Receipts) -> impl IntoView {
    let i18n = use_i18n();
    let paragraph = note.note.paragraph.unwrap_or_default();
    let signed_at = note.note.signed.as_ref().map(|s| human_local(s.at)).unwrap_or_default();
    let drafted_by_other = note.note.signed.as_ref().is_some_and(|s| s.by != note.note.drafted_by);
    let name = {
        let note = note.clone();
        move || signer_name(i18n, &note)
    };
    let drafter = {
        let note = note.clone();
        move || i18n.pick(&note.drafted_by_name_en, &note.drafted_by_name_hi).to_owned()
    };
    let post = note.sign_as_label.clone();
    view! {
        <li class="note note-signed" id=format!("para-{paragraph}")>
            <p class="para-number">{move || fill(i18n.t().para_label, "{n}", &paragraph.to_string())}</p>
            <div class="note-body">
                <p class="note-text">{note.note.text.to_string()}</p>
                <References refs=note.note.refs.clone() receipts/>
                <NoteAttachments note=note.clone()/>
                <p class="signature">
                    <span class="signature-name">{name}</span>
                    <span class="signature-post">{move || i18n.post_label(&post)}</span>
                    <span class="signature-time">{signed_at}</span>
                    {drafted_by_other.then(|| view! {
                        <span class="signature-drafter">{move || fill(i18n.t().drafted_by, "{name}", &drafter())}</span>
                    })}
                </p>
            </div>
        </li>
    }
}

/// Links to a note's attachments, if it has any.
#[component]
fn NoteAttachments(note: NoteView) -> impl IntoView {
    let file = leptos_router::hooks::use_params_map()
        .with_untracked(|p| p.get("id"))
        .unwrap_or_default();
    let base = format!("/api/v1/files/{file}/notes/{}/attachments", note.note.id);
    let attachments = note.note.attachments;
    (!attachments.is_empty()).then(|| view! { <AttachmentList base attachments/> })
}

/// The yellow draft, with what the signed-in official may do to it.
#[component]
fn DraftNote(note: NoteView, state: FileState, receipts: Receipts) -> impl IntoView {
    let i18n = use_i18n();
    let flash = use_flash();
    let location = use_location();
    let editing = RwSignal::new(false);
    let confirming_discard = RwSignal::new(false);
    let submission = Submission::new();
    let note_id = note.note.id;

    // The server says what the caller may do to this note; the app only hides the rest.
    let may_change = Signal::stored(note.may.change);
    let may_sign = Signal::stored(note.may.sign);

    let act = move |sign: bool| {
        let here = location.pathname.get_untracked();
        let id = state.id();
        let request = VersionOnly {
            version: state.version(),
        };
        submission.run(
            request,
            move |body, key| async move {
                if sign {
                    api::sign_note(&id, note_id, &body, &key).await
                } else {
                    api::discard_note(&id, note_id, &body, &key).await
                }
            },
            move |view| {
                let news = if sign {
                    FileNews::NoteSigned(view.file.paragraphs)
                } else {
                    FileNews::NoteDiscarded
                };
                flash.show(here, FlashMessage::File(news));
                state.replace(view);
                focus("note-sheet-heading");
            },
            move |_| {},
        );
    };

    let drafter = {
        let note = note.clone();
        move || i18n.pick(&note.drafted_by_name_en, &note.drafted_by_name_hi).to_owned()
    };
    let post = note.sign_as_label.clone();
    let drafted_at = human_local(note.note.drafted_at);
    let read_view = {
        let note = note.clone();
        move || {
            view! {
                <p class="note-text">{note.note.text.to_string()}</p>
                <References refs=note.note.refs.clone() receipts/>
                <NoteAttachments note=note.clone()/>
            }
        }
    };
    let edit_view = {
        let note = note.clone();
        move || view! { <NoteEditor state receipts editing=Some((note.clone(), editing))/> }
    };

    view! {
        <section class="note note-draft" aria-labelledby="draft-label">
            <p class="draft-label" id="draft-label">{i18n.text(|t| t.draft_label)}</p>
            <div class="note-body">
                <Show when=move || editing.get() fallback=read_view>
                    {edit_view.clone()}
                </Show>
                <p class="draft-meta">
                    {move || fill(i18n.t().to_be_signed_by, "{post}", &i18n.post_label(&post))}
                    <br/>
                    {move || fill(i18n.t().drafted_by, "{name}", &drafter())} ", " {drafted_at}
                </p>
                <ActionFailure submission state/>
                <Show when=move || may_change.get() && !editing.get()>
                    <div class="actions draft-actions">
                        <Show when=move || may_sign.get()>
                            <button type="button" class="button-primary" on:click=move |_| act(true)
                                aria-disabled=move || submission.pending.get().to_string()>
                                {i18n.text(|t| t.sign_button)}
                            </button>
                        </Show>
                        <button type="button" class="button-secondary" on:click=move |_| editing.set(true)>
                            {i18n.text(|t| t.edit_button)}
                        </button>
                        <Show when=move || !confirming_discard.get()
                            fallback=move || view! {
                                <span class="confirm" role="group" aria-label=i18n.text(|t| t.discard_confirm)>
                                    <span class="confirm-question">{i18n.text(|t| t.discard_confirm)}</span>
                                    <button type="button" class="button-danger" on:click=move |_| act(false)>
                                        {i18n.text(|t| t.discard_yes)}
                                    </button>
                                    <button type="button" class="button-secondary" on:click=move |_| confirming_discard.set(false)>
                                        {i18n.text(|t| t.discard_no)}
                                    </button>
                                </span>
                            }>
                            <button type="button" class="button-secondary" on:click=move |_| confirming_discard.set(true)>
                                {i18n.text(|t| t.discard_button)}
                            </button>
                        </Show>
                    </div>
                </Show>
            </div>
        </section>
    }
}

/// Writes a new yellow note, or rewrites the draft when `editing` is given (with the signal
/// that closes the editor).
#[component]
fn NoteEditor(state: FileState, receipts: Receipts, editing: Option<(NoteView, RwSignal<bool>)>) -> impl IntoView {
    let i18n = use_i18n();
    let flash = use_flash();
    let location = use_location();
    let is_edit = editing.is_some();
    let prefix = if is_edit { "edit-note" } else { "new-note" };
    let text_id = format!("{prefix}-text");
    let sign_as_id = format!("{prefix}-sign-as");
    let refs_id = format!("{prefix}-refs");
    let text = RwSignal::new(
        editing
            .as_ref()
            .map(|(n, _)| n.note.text.to_string())
            .unwrap_or_default(),
    );
    let sign_as = RwSignal::new(String::new());
    let refs = RwSignal::new(editing.as_ref().map(|(n, _)| n.note.refs.clone()).unwrap_or_default());
    let text_error = RwSignal::new(None::<FieldError>);
    let sign_as_error = RwSignal::new(None::<FieldError>);
    let refs_error = RwSignal::new(None::<FieldError>);
    let invalid = RwSignal::new(false);
    let submission = Submission::new();
    let editing_note = editing.as_ref().map(|(n, open)| (n.note.id, *open));
    let uploads = Uploads::new();
    let uploads_waiting = RwSignal::new(false);

    let on_submit = {
        let (text_id, sign_as_id, refs_id) = (text_id.clone(), sign_as_id.clone(), refs_id.clone());
        move |ev: SubmitEvent| {
            ev.prevent_default();
            let written = NoteText::parse(&text.get_untracked()).map_err(FieldError::from);
            text_error.set(written.as_ref().err().copied());
            let signatory = parse_sign_as(&sign_as.get_untracked());
            sign_as_error.set(signatory.as_ref().err().copied());
            let flagged = refs.get_untracked();
            let too_many = flagged.len() > MAX_NOTE_REFS;
            refs_error.set(too_many.then_some(FieldError::TooMany(MAX_NOTE_REFS)));
            let (Ok(written), Ok(signatory), false) = (written, signatory, too_many) else {
                invalid.set(true);
                let first = [
                    (text_error, &text_id),
                    (sign_as_error, &sign_as_id),
                    (refs_error, &refs_id),
                ]
                .into_iter()
                .find(|(e, _)| e.get_untracked().is_some());
                if let Some((_, id)) = first {
                    focus(id);
                }
                return;
            };
            if uploads.busy() || uploads.has_failures() {
                uploads_waiting.set(true);
                focus(&format!("{prefix}-attachments"));
                return;
            }
            uploads_waiting.set(false);
            invalid.set(false);
            let here = location.pathname.get_untracked();
            let id = state.id();
            let version = state.version();
            let failed = {
                let (text_id, refs_id) = (text_id.clone(), refs_id.clone());
                move |error: &crate::api::ApiError| match error.field() {
                    Some("text") => {
                        text_error.set(Some(FieldError::Rejected));
                        invalid.set(true);
                        focus(&text_id);
                    }
                    Some("sign_as") => {
                        sign_as_error.set(Some(FieldError::Rejected));
                        invalid.set(true);
                    }
                    Some("refs") => {
                        refs_error.set(Some(FieldError::Rejected));
                        invalid.set(true);
                        focus(&refs_id);
                    }
                    _ => {}
                }
            };
            match editing_note {
                Some((note, open)) => submission.run(
                    EditNoteRequest {
                        version,
                        text: written,
                        refs: flagged,
                    },
                    move |body, key| async move { api::edit_note(&id, note, &body, &key).await },
                    move |view| {
                        flash.show(here, FlashMessage::File(FileNews::NoteSaved));
                        open.set(false);
                        state.replace(view);
                        focus("note-sheet-heading");
                    },
                    failed,
                ),
                None => submission.run(
                    WriteNoteRequest {
                        version,
                        text: written,
                        sign_as: signatory,
                        refs: flagged,
                        attachments: uploads.ids(),
                    },
                    move |body, key| async move { api::write_note(&id, &body, &key).await },
                    move |view| {
                        flash.show(here, FlashMessage::File(FileNews::NoteSaved));
                        text.set(String::new());
                        sign_as.set(String::new());
                        refs.set(Vec::new());
                        uploads.clear();
                        state.replace(view);
                        focus("note-sheet-heading");
                    },
                    failed,
                ),
            }
        }
    };

    // What a note may flag: the receipts in the file and the paragraphs signed so far.
    let choices = move || {
        let t = i18n.t();
        let mut choices: Vec<(NoteRef, String)> = receipts
            .get()
            .and_then(Result::ok)
            .unwrap_or_default()
            .into_iter()
            .map(|entry| {
                let label = format!(
                    "{} — {}",
                    fill(t.receipt_ref_label, "{n}", &entry.diary_number_text),
                    entry.subject
                );
                (NoteRef::Receipt { id: entry.receipt_id }, label)
            })
            .collect();
        let paragraphs = state.with(|v| v.file.paragraphs).unwrap_or_default();
        choices.extend((1..=paragraphs).map(|number| {
            (
                NoteRef::Paragraph { number },
                fill(t.para_label, "{n}", &number.to_string()),
            )
        }));
        choices
    };
    let has_choices = move || !choices().is_empty();
    let checkboxes = {
        let prefix = prefix.to_owned();
        move || {
            choices()
                .into_iter()
                .enumerate()
                .map(|(i, (r, label))| {
                    let input_id = format!("{prefix}-ref-{i}");
                    let checked = {
                        let r = r.clone();
                        move || refs.with(|refs| refs.contains(&r))
                    };
                    let toggle = move |_| {
                        refs.update(|refs| match refs.iter().position(|x| *x == r) {
                            Some(at) => {
                                refs.remove(at);
                            }
                            None => refs.push(r.clone()),
                        })
                    };
                    view! {
                        <span class="check">
                            <input type="checkbox" id=input_id.clone() prop:checked=checked on:change=toggle/>
                            <label for=input_id>{label}</label>
                        </span>
                    }
                })
                .collect_view()
        }
    };

    let heading = move || {
        let t = i18n.t();
        if is_edit {
            t.edit_note_heading
        } else {
            t.new_note_heading
        }
    };
    let cancel = editing_note.map(|(_, open)| {
        view! {
            <button type="button" class="button-secondary" on:click=move |_| open.set(false)>
                {i18n.text(|t| t.cancel)}
            </button>
        }
    });
    let heading_id = format!("{prefix}-heading");
    let refs_error_id = format!("{refs_id}-error");
    let refs_described_by = refs_error_id.clone();

    view! {
        <div class="note-editor" role="group" aria-labelledby=heading_id.clone()>
            <h3 id=heading_id.clone()>{heading}</h3>
            <ActionFailure submission state invalid=invalid/>
            <form class="form" on:submit=on_submit novalidate>
                <div class="field">
                    <label for=text_id.clone()>{i18n.text(|t| t.note_text)}<span class="required" aria-hidden="true">" *"</span></label>
                    <textarea id=text_id.clone() rows="6" aria-required="true" autofocus=is_edit
                        aria-describedby=described_by(&text_id, false)
                        aria-invalid=move || text_error.get().is_some().to_string()
                        bind:value=text></textarea>
                    <FieldMessage id=format!("{text_id}-error") error=text_error/>
                </div>
                {(!is_edit).then(|| view! {
                    <div class="field">
                        <label for=sign_as_id.clone()>{i18n.text(|t| t.sign_as_label)}</label>
                        <p id=format!("{sign_as_id}-hint") class="hint">{i18n.text(|t| t.sign_as_hint)}</p>
                        <input id=sign_as_id.clone() type="text" autocomplete="off" spellcheck="false" class="input-code"
                            aria-describedby=described_by(&sign_as_id, true)
                            aria-invalid=move || sign_as_error.get().is_some().to_string()
                            bind:value=sign_as/>
                        <FieldMessage id=format!("{sign_as_id}-error") error=sign_as_error/>
                    </div>
                })}
                <Show when=has_choices>
                    <fieldset id=refs_id.clone() class="choices refs" tabindex="-1"
                        aria-describedby=refs_described_by.clone()>
                        <legend>{i18n.text(|t| t.flags_legend)}</legend>
                        <div class="checks">{checkboxes.clone()}</div>
                    </fieldset>
                </Show>
                <FieldMessage id=refs_error_id error=refs_error/>
                {(!is_edit).then(|| view! {
                    <UploadField id="new-note-attachments" uploads/>
                    <Show when=move || uploads_waiting.get()>
                        <p class="notice notice-error" role="alert">{i18n.text(|t| t.upload_wait)}</p>
                    </Show>
                })}
                <div class="actions">
                    <button type="submit" class="button-primary" aria-disabled=move || submission.pending.get().to_string()>
                        {move || if is_edit { i18n.t().save_changes } else { i18n.t().save_draft }}
                    </button>
                    {cancel}
                </div>
            </form>
        </div>
    }
}

/// The optional "for signature by" post: empty means the writer's own desk.
fn parse_sign_as(raw: &str) -> Result<Option<PostId>, FieldError> {
    if raw.trim().is_empty() {
        return Ok(None);
    }
    PostId::parse(raw).map(Some).map_err(|_| FieldError::InvalidCode)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::EN;
    use daftar_domain::ReceiptId;
    use time::macros::{date, datetime};

    #[test]
    fn the_signatory_is_optional_but_must_be_a_post_id() {
        assert_eq!(parse_sign_as("  "), Ok(None));
        assert_eq!(
            parse_sign_as("fin-hq-ds"),
            Ok(Some(PostId::parse("FIN-HQ-DS").unwrap()))
        );
        assert_eq!(parse_sign_as("Deputy Secretary"), Err(FieldError::InvalidCode));
    }

    #[test]
    fn references_read_as_paragraphs_and_diary_numbers() {
        let id = ReceiptId::parse("R-2026-0001").unwrap();
        let receipts = vec![CorrespondenceEntry {
            receipt_id: id.clone(),
            diary_number_text: "FIN-HQ/2026/7".into(),
            subject: "Budget".into(),
            sender: "Treasury".into(),
            letter_date: date!(2026 - 11 - 02),
            attached_at: datetime!(2026-11-03 10:00 UTC),
        }];
        assert_eq!(
            reference(&EN, &NoteRef::Paragraph { number: 3 }, &receipts),
            ("Para 3".to_owned(), "#para-3".to_owned())
        );
        assert_eq!(
            reference(&EN, &NoteRef::Receipt { id: id.clone() }, &receipts),
            ("Receipt FIN-HQ/2026/7".to_owned(), "/receipts/R-2026-0001".to_owned())
        );
        // A receipt the list does not (yet) show is named by its ID rather than left out.
        assert_eq!(reference(&EN, &NoteRef::Receipt { id }, &[]).0, "Receipt R-2026-0001");
    }
}
