//! The file's action bar and the dialog behind each button: send, recall, park, unpark, close,
//! reopen, put in a receipt, link another file. Only what `allowed` permits is offered; the
//! server checks every action again.

use super::{ActionFailure, FileState, Submission};
use crate::api;
use crate::components::fields::{described_by, focus, from_wire_name, wire_name};
use crate::components::{FieldMessage, Loading, PostChoice, PostPicker};
use crate::format::{human_local, iso_date, today};
use crate::i18n::{fill, use_i18n, FieldError, Texts};
use crate::pages::receipt::check_due_date;
use crate::session::{use_flash, FileNews, FlashMessage};
use daftar_domain::file::Move;
use daftar_domain::handling::MAX_LEVELS;
use daftar_domain::receipt::Priority;
use daftar_domain::wire::{AttachReceiptRequest, ErrorCode, FileRow, FileView, LinkFileRequest, MoveRequest};
use daftar_domain::{Reason, ReceiptId, Remarks};
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_location;
use wasm_bindgen::JsCast;

/// Whether sending a file that has been at `desks` desks takes it past the DARPG guideline that
/// a file reach a decision within four levels.
pub fn beyond_levels_guideline(desks: usize) -> bool {
    desks >= MAX_LEVELS
}

/// The action behind each button.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Action {
    /// Mark a paper file received: done at once, without a dialog.
    Receive,
    Send,
    Recall,
    Park,
    Unpark,
    Close,
    Reopen,
    Attach,
    Link,
}

impl Action {
    const ALL: [Action; 9] = [
        Action::Receive,
        Action::Send,
        Action::Attach,
        Action::Link,
        Action::Park,
        Action::Unpark,
        Action::Recall,
        Action::Close,
        Action::Reopen,
    ];

    fn allowed(self, view: &FileView) -> bool {
        let allowed = &view.allowed;
        match self {
            Action::Receive => allowed.receive,
            Action::Send => allowed.send,
            Action::Recall => allowed.recall,
            Action::Park => allowed.park,
            Action::Unpark => allowed.unpark,
            Action::Close => allowed.close,
            Action::Reopen => allowed.reopen,
            Action::Attach => allowed.attach,
            // Linking needs the same hold on the file as putting a receipt in.
            Action::Link => allowed.link,
        }
    }

    fn button(self, t: &Texts) -> &'static str {
        match self {
            Action::Receive => t.receive_button,
            Action::Send => t.send_button,
            Action::Recall => t.recall_button,
            Action::Park => t.park_button,
            Action::Unpark => t.unpark_button,
            Action::Close => t.close_button,
            Action::Reopen => t.reopen_button,
            Action::Attach => t.attach_button,
            Action::Link => t.link_button,
        }
    }

    fn title(self, t: &Texts) -> &'static str {
        match self {
            Action::Receive => t.receive_button,
            Action::Send => t.send_title,
            Action::Recall => t.recall_title,
            Action::Park => t.park_title,
            Action::Unpark => t.unpark_title,
            Action::Close => t.close_title,
            Action::Reopen => t.reopen_title,
            Action::Attach => t.attach_title,
            Action::Link => t.link_title,
        }
    }
}

/// The buttons for what the signed-in official may do now, and the dialog they open.
#[component]
pub(super) fn ActionBar(view: FileView, state: FileState) -> impl IntoView {
    let i18n = use_i18n();
    let open = RwSignal::new(None::<Action>);
    let actions: Vec<Action> = Action::ALL.into_iter().filter(|a| a.allowed(&view)).collect();
    if actions.is_empty() {
        return view! { <p class="notice read-only-note">{i18n.text(|t| t.file_read_only)}</p> }.into_any();
    }
    let flash = use_flash();
    let location = use_location();
    let receiving = Submission::new();
    let receive = move |_| {
        let here = location.pathname.get_untracked();
        let id = state.id();
        let request = MoveRequest {
            version: state.version(),
            order: Move::Open,
        };
        receiving.run(
            request,
            move |body, key| async move { api::move_file(&id, &body, &key).await },
            move |received| {
                flash.show(here, FlashMessage::File(FileNews::Received));
                state.replace_and_refocus(received);
            },
            |_| {},
        );
    };
    let buttons = actions
        .into_iter()
        .map(|action| match action {
            Action::Receive => view! {
                <button type="button" class="button-primary" on:click=receive
                    aria-disabled=move || receiving.pending.get().to_string()>
                    {move || action.button(i18n.t())}
                </button>
            }
            .into_any(),
            _ => {
                let class = if action == Action::Send {
                    "button-primary"
                } else {
                    "button-secondary"
                };
                view! {
                    <button type="button" class=class aria-haspopup="dialog" on:click=move |_| open.set(Some(action))>
                        {move || action.button(i18n.t())}
                    </button>
                }
                .into_any()
            }
        })
        .collect_view();
    view! {
        <div class="action-bar" role="group" aria-label=i18n.text(|t| t.file_actions)>{buttons}</div>
        <ActionFailure submission=receiving state/>
        <ActionDialog open view state/>
    }
    .into_any()
}

/// One modal `<dialog>` for whichever action is open: Escape or the close button cancels, and
/// the browser returns focus to the button that opened it.
#[component]
fn ActionDialog(open: RwSignal<Option<Action>>, view: FileView, state: FileState) -> impl IntoView {
    let i18n = use_i18n();
    let dialog = NodeRef::<leptos::html::Dialog>::new();
    Effect::new(move |_| {
        let want_open = open.get().is_some();
        if let Some(dialog) = dialog.get() {
            if want_open && !dialog.open() {
                let _ = dialog.show_modal();
                // The form may be drawn just after the dialog opens, too late for the browser to
                // focus its first field; do it on the next frame.
                request_animation_frame(move || {
                    let first = dialog
                        .query_selector("[autofocus], select, textarea, input")
                        .ok()
                        .flatten()
                        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
                    if let Some(first) = first {
                        let _ = first.focus();
                    }
                });
            } else if !want_open && dialog.open() {
                dialog.close();
            }
        }
    });
    let close = Callback::new(move |_: ()| open.set(None));
    let body = move || {
        let view = view.clone();
        open.get().map(|action| match action {
            Action::Send => view! { <SendForm view state on_cancel=close/> }.into_any(),
            Action::Attach => view! { <AttachForm view state on_cancel=close/> }.into_any(),
            Action::Link => view! { <LinkForm view state on_cancel=close/> }.into_any(),
            other => view! { <MoveForm action=other view state on_cancel=close/> }.into_any(),
        })
    };
    view! {
        <dialog node_ref=dialog class="action-dialog" aria-labelledby="action-dialog-title"
            on:close=move |_| open.set(None)>
            <div class="dialog-head">
                <h2 id="action-dialog-title">{move || open.get().map(|a| a.title(i18n.t()))}</h2>
                <button type="button" class="dialog-close" aria-label=i18n.text(|t| t.close_dialog) on:click=move |_| open.set(None)>
                    <span aria-hidden="true">"×"</span>
                </button>
            </div>
            {body}
        </dialog>
    }
}

/// Cancel and submit at the foot of a dialog's form.
#[component]
fn DialogButtons(
    submit_id: &'static str,
    label: Signal<&'static str>,
    pending: RwSignal<bool>,
    on_cancel: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="actions dialog-actions">
            <button id=submit_id type="submit" class="button-primary" aria-disabled=move || pending.get().to_string()>
                {move || label.get()}
            </button>
            <button type="button" class="button-secondary" on:click=move |_| on_cancel.run(())>
                {i18n.text(|t| t.cancel)}
            </button>
        </div>
    }
}

/// Send the file to any post, with remarks, priority and an optional due date.
#[component]
fn SendForm(view: FileView, state: FileState, on_cancel: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let flash = use_flash();
    let location = use_location();
    let choice = PostChoice::new("send");
    let remarks = RwSignal::new(String::new());
    let priority = RwSignal::new(view.file.priority);
    let due = RwSignal::new(view.file.due_date.map(iso_date).unwrap_or_default());
    let remarks_error = RwSignal::new(None::<FieldError>);
    let due_error = RwSignal::new(None::<FieldError>);
    let invalid = RwSignal::new(false);
    let submission = Submission::new();
    let desks = view.file.path.len();

    let parse_form = move || -> Option<MoveRequest> {
        let to_post = choice.parse();
        let noted = Remarks::parse(&remarks.get_untracked()).map_err(FieldError::from);
        remarks_error.set(noted.as_ref().err().copied());
        let due_date = check_due_date(&due.get_untracked(), today());
        due_error.set(due_date.as_ref().err().copied());
        Some(MoveRequest {
            version: state.version(),
            order: Move::Send {
                to_post: to_post?,
                remarks: noted.ok()?,
                priority: priority.get_untracked(),
                due_date: due_date.ok()?,
            },
        })
    };
    let focus_first_error = move || {
        choice.focus_first_error()
            || [("send-remarks", remarks_error), ("send-due", due_error)]
                .into_iter()
                .find(|(_, e)| e.get_untracked().is_some())
                .map(|(id, _)| focus(id))
                .is_some()
    };
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let Some(request) = parse_form() else {
            invalid.set(true);
            focus_first_error();
            return;
        };
        invalid.set(false);
        let here = location.pathname.get_untracked();
        let id = state.id();
        submission.run(
            request,
            move |body, key| async move { api::move_file(&id, &body, &key).await },
            move |moved| {
                let post = &moved.holder_post;
                let post_en = format!("{}, {}", post.title_en, post.office_name_en);
                let post_hi = format!("{}, {}", post.title_hi, post.office_name_hi);
                flash.show(here, FlashMessage::File(FileNews::Sent { post_en, post_hi }));
                state.replace_and_refocus(moved);
            },
            move |error| {
                let field = error.field();
                if choice.reject(field) {
                    invalid.set(true);
                } else if field == Some("due_date") {
                    due_error.set(Some(FieldError::Rejected));
                    invalid.set(true);
                } else if field == Some("remarks") {
                    remarks_error.set(Some(FieldError::Rejected));
                    invalid.set(true);
                }
                if !focus_first_error() {
                    focus("send-submit");
                }
            },
        );
    };
    let priority_options = move || {
        Priority::ALL
            .into_iter()
            .map(|p| view! { <option value=wire_name(&p) prop:selected=move || priority.get() == p>{move || i18n.t().priority(p)}</option> })
            .collect_view()
    };
    let holder = view.file.holder.clone();
    view! {
        <ActionFailure submission state invalid=invalid/>
        <form class="form" on:submit=on_submit novalidate>
            {beyond_levels_guideline(desks).then(|| view! {
                <p class="notice notice-warning">{move || fill(i18n.t().levels_warning, "{n}", &desks.to_string())}</p>
            })}
            <PostPicker choice exclude=holder/>
            <div class="field">
                <label for="send-remarks">{i18n.text(|t| t.remarks)}</label>
                <textarea id="send-remarks" rows="3" aria-describedby=described_by("send-remarks", false)
                    aria-invalid=move || remarks_error.get().is_some().to_string()
                    bind:value=remarks></textarea>
                <FieldMessage id="send-remarks-error" error=remarks_error/>
            </div>
            <div class="field-row">
                <div class="field">
                    <label for="send-priority">{i18n.text(|t| t.priority)}</label>
                    <select id="send-priority"
                        on:change=move |ev| if let Some(p) = from_wire_name(&event_target_value(&ev)) { priority.set(p) }>
                        {priority_options}
                    </select>
                </div>
                <div class="field">
                    <label for="send-due">{i18n.text(|t| t.due_date)}</label>
                    <p id="send-due-hint" class="hint">{i18n.text(|t| t.due_date_hint)}</p>
                    <input id="send-due" type="date" min=iso_date(today()) aria-describedby=described_by("send-due", true)
                        aria-invalid=move || due_error.get().is_some().to_string()
                        bind:value=due/>
                    <FieldMessage id="send-due-error" error=due_error/>
                </div>
            </div>
            <DialogButtons submit_id="send-submit" label=Signal::derive(move || i18n.t().send_button) pending=submission.pending on_cancel/>
        </form>
    }
}

/// Recall, park, unpark and reopen (remarks) and close (a reason, which is required).
#[component]
fn MoveForm(action: Action, view: FileView, state: FileState, on_cancel: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let flash = use_flash();
    let location = use_location();
    let text = RwSignal::new(String::new());
    let text_error = RwSignal::new(None::<FieldError>);
    let invalid = RwSignal::new(false);
    let submission = Submission::new();
    let is_close = action == Action::Close;
    let _ = view;

    let parse_form = move || -> Option<MoveRequest> {
        let raw = text.get_untracked();
        let order = if is_close {
            let reason = Reason::parse(&raw).map_err(FieldError::from);
            text_error.set(reason.as_ref().err().copied());
            Move::Close { reason: reason.ok()? }
        } else {
            let remarks = Remarks::parse(&raw).map_err(FieldError::from);
            text_error.set(remarks.as_ref().err().copied());
            let remarks = remarks.ok()?;
            match action {
                Action::Recall => Move::Recall { remarks },
                Action::Park => Move::Park { remarks },
                Action::Unpark => Move::Unpark { remarks },
                _ => Move::Reopen { remarks },
            }
        };
        Some(MoveRequest {
            version: state.version(),
            order,
        })
    };
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let Some(request) = parse_form() else {
            invalid.set(true);
            focus("move-text");
            return;
        };
        invalid.set(false);
        let here = location.pathname.get_untracked();
        let id = state.id();
        submission.run(
            request,
            move |body, key| async move { api::move_file(&id, &body, &key).await },
            move |moved| {
                let news = match action {
                    Action::Recall => FileNews::Recalled,
                    Action::Park => FileNews::Parked,
                    Action::Unpark => FileNews::Unparked,
                    Action::Close => FileNews::Closed,
                    _ => FileNews::Reopened,
                };
                flash.show(here, FlashMessage::File(news));
                state.replace_and_refocus(moved);
            },
            move |error| {
                if matches!(error.field(), Some("reason" | "remarks")) {
                    text_error.set(Some(FieldError::Rejected));
                    invalid.set(true);
                    focus("move-text");
                } else {
                    focus("move-submit");
                }
            },
        );
    };
    let label = move || {
        let t = i18n.t();
        if is_close {
            t.close_reason
        } else {
            t.remarks
        }
    };
    let intro = move || {
        let t = i18n.t();
        match action {
            Action::Recall => t.recall_intro,
            Action::Park => t.park_intro,
            Action::Unpark => t.unpark_intro,
            Action::Close => t.close_intro,
            _ => t.reopen_intro,
        }
    };
    view! {
        <p class="intro">{intro}</p>
        <ActionFailure submission state invalid=invalid/>
        <form class="form" on:submit=on_submit novalidate>
            <div class="field">
                <label for="move-text">
                    {label}
                    {is_close.then(|| view! { <span class="required" aria-hidden="true">" *"</span> })}
                </label>
                <textarea id="move-text" rows="3" autofocus aria-required=is_close.to_string()
                    aria-describedby=described_by("move-text", false)
                    aria-invalid=move || text_error.get().is_some().to_string()
                    bind:value=text></textarea>
                <FieldMessage id="move-text-error" error=text_error/>
            </div>
            <DialogButtons submit_id="move-submit" label=Signal::derive(move || action.button(i18n.t())) pending=submission.pending on_cancel/>
        </form>
    }
}

/// Put into the file one of the receipts waiting at the desk that holds it.
#[component]
fn AttachForm(view: FileView, state: FileState, on_cancel: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let flash = use_flash();
    let location = use_location();
    let holder = view.file.holder.clone();
    let waiting = LocalResource::new(move || {
        let holder = holder.clone();
        async move { api::whole_inbox(&holder).await }
    });
    let chosen = RwSignal::new(None::<ReceiptId>);
    let choice_error = RwSignal::new(None::<FieldError>);
    let submission = Submission::new();

    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let Some(receipt) = chosen.get_untracked() else {
            choice_error.set(Some(FieldError::Choose));
            focus("attach-choices");
            return;
        };
        choice_error.set(None);
        let here = location.pathname.get_untracked();
        let id = state.id();
        let request = AttachReceiptRequest {
            version: state.version(),
            receipt,
        };
        submission.run(
            request,
            move |body, key| async move { api::attach_receipt(&id, &body, &key).await },
            move |attached| {
                flash.show(here, FlashMessage::File(FileNews::ReceiptAttached));
                state.replace_and_refocus(attached);
            },
            move |_| focus("attach-submit"),
        );
    };
    let choices = move || {
        Suspend::new(async move {
            let entries = match waiting.await {
                Ok(entries) => entries,
                Err(error) => {
                    return view! { <p class="notice notice-error">{crate::components::error_text(i18n.t(), &error)}</p> }.into_any();
                }
            };
            if entries.is_empty() {
                return view! { <p class="empty-state">{i18n.text(|t| t.attach_none)}</p> }.into_any();
            }
            entries
                .into_iter()
                .enumerate()
                .map(|(i, entry)| {
                    let input_id = format!("attach-{i}");
                    let receipt = entry.receipt_id.clone();
                    let is_chosen = {
                        let receipt = receipt.clone();
                        move || chosen.get().as_ref() == Some(&receipt)
                    };
                    view! {
                        <div class="choice">
                            <input type="radio" name="attach-receipt" id=input_id.clone() value=receipt.to_string()
                                prop:checked=is_chosen on:change=move |_| chosen.set(Some(receipt.clone()))/>
                            <label for=input_id>
                                <span class="code">{entry.diary_number_text}</span>" "
                                <span class="choice-main">{entry.subject}</span>
                                <span class="choice-extra">{entry.sender} " · " {human_local(entry.arrived_at)}</span>
                            </label>
                        </div>
                    }
                })
                .collect_view()
                .into_any()
        })
    };
    view! {
        <p class="intro">{i18n.text(|t| t.attach_intro)}</p>
        <ActionFailure submission state/>
        <form class="form" on:submit=on_submit novalidate>
            <fieldset id="attach-choices" class="choices" tabindex="-1" aria-describedby="attach-choices-error"
                aria-invalid=move || choice_error.get().is_some().to_string()>
                <legend>{i18n.text(|t| t.attach_legend)}</legend>
                <Transition fallback=Loading>{choices}</Transition>
            </fieldset>
            <FieldMessage id="attach-choices-error" error=choice_error/>
            <DialogButtons submit_id="attach-submit" label=Signal::derive(move || i18n.t().attach_button) pending=submission.pending on_cancel/>
        </form>
    }
}

/// Link another file, found by its number.
#[component]
fn LinkForm(view: FileView, state: FileState, on_cancel: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let flash = use_flash();
    let location = use_location();
    let number = RwSignal::new(String::new());
    let number_error = RwSignal::new(None::<FieldError>);
    let found = RwSignal::new(None::<FileRow>);
    let searching = RwSignal::new(false);
    let submission = Submission::new();
    let this_file = view.file.id.clone();

    let find = move |ev: SubmitEvent| {
        ev.prevent_default();
        let typed = number.get_untracked().trim().to_owned();
        found.set(None);
        submission.failure.set(None);
        if typed.is_empty() {
            number_error.set(Some(FieldError::Required));
            focus("link-number");
            return;
        }
        number_error.set(None);
        searching.set(true);
        let this_file = this_file.clone();
        spawn_local(async move {
            // File numbers are built from upper-case codes; accept them typed in lower case too.
            let mut result = api::lookup_file(&typed).await;
            let upper = typed.to_uppercase();
            if result.as_ref().err().and_then(|e| e.code()) == Some(ErrorCode::NotFound) && upper != typed {
                result = api::lookup_file(&upper).await;
            }
            searching.set(false);
            match result {
                Ok(row) if row.file_id == this_file => {
                    number_error.set(Some(FieldError::SameFile));
                    focus("link-number");
                }
                Ok(row) => {
                    found.set(Some(row));
                    focus("link-submit");
                }
                Err(error) if error.code() == Some(ErrorCode::NotFound) => {
                    number_error.set(Some(FieldError::NoSuchFile));
                    focus("link-number");
                }
                Err(error) => submission.failure.set(Some(error)),
            }
        });
    };
    let link = move |_| {
        let Some(other) = found.get_untracked() else { return };
        let here = location.pathname.get_untracked();
        let id = state.id();
        let request = LinkFileRequest {
            version: state.version(),
            other: other.file_id,
        };
        submission.run(
            request,
            move |body, key| async move { api::link_file(&id, &body, &key).await },
            move |linked| {
                flash.show(here, FlashMessage::File(FileNews::Linked));
                state.replace_and_refocus(linked);
            },
            move |_| focus("link-submit"),
        );
    };
    view! {
        <p class="intro">{i18n.text(|t| t.link_intro)}</p>
        <ActionFailure submission state/>
        <form class="form" on:submit=find novalidate>
            <div class="field">
                <label for="link-number">{i18n.text(|t| t.file_number)}</label>
                <p id="link-number-hint" class="hint">{i18n.text(|t| t.link_number_hint)}</p>
                <div class="input-with-button">
                    <input id="link-number" type="text" autocomplete="off" autofocus spellcheck="false"
                        aria-describedby=described_by("link-number", true)
                        aria-invalid=move || number_error.get().is_some().to_string()
                        bind:value=number on:input=move |_| found.set(None)/>
                    <button type="submit" class="button-secondary" aria-disabled=move || searching.get().to_string()>
                        {i18n.text(|t| t.find_button)}
                    </button>
                </div>
                <FieldMessage id="link-number-error" error=number_error/>
            </div>
        </form>
        <div class="found" aria-live="polite">
            {move || found.get().map(|row| view! {
                <p class="found-file">
                    <span class="code">{row.number.clone()}</span> " — " {row.subject.clone()}
                </p>
            })}
        </div>
        <div class="actions dialog-actions">
            <Show when=move || found.get().is_some()>
                <button id="link-submit" type="button" class="button-primary" on:click=link
                    aria-disabled=move || submission.pending.get().to_string()>
                    {i18n.text(|t| t.link_confirm)}
                </button>
            </Show>
            <button type="button" class="button-secondary" on:click=move |_| on_cancel.run(())>
                {i18n.text(|t| t.cancel)}
            </button>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_fifth_desk_is_beyond_the_four_level_guideline() {
        // `path` counts the desk that opened the file; sending from the fourth desk makes five.
        for (desks, warn) in [(1, false), (2, false), (3, false), (4, true), (7, true)] {
            assert_eq!(beyond_levels_guideline(desks), warn, "{desks}");
        }
    }
}
