//! One receipt: its details, the forward form for whoever holds it, and its movement history.

use super::inbox::post_label;
use super::use_page_title;
use crate::api::{self, ApiError, SubmissionKeys};
use crate::components::fields::{described_by, focus, from_wire_name, wire_name};
use crate::components::{
    error_text, AttachmentList, ErrorList, FieldMessage, LoadMoreFooter, Loading, MorePages, PostChoice, PostPicker,
    PriorityBadge, TableHead,
};
use crate::format::{human_date, human_local, iso_date, parse_iso_date, today};
use crate::i18n::{fill, use_i18n, FieldError, Texts};
use crate::session::{use_flash, FlashMessage};
use daftar_domain::receipt::{ForwardOrder, Priority, ReceiptStatus};
use daftar_domain::wire::{CloseReceiptRequest, MovementEntry, ReceiptView, VersionOnly};
use daftar_domain::{ReceiptId, Remarks};
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use leptos_router::hooks::{use_location, use_params_map};

/// The receipt page, for `/receipts/:id`.
#[component]
pub fn ReceiptPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    use_page_title(|t| t.receipt_title);
    let id = Memo::new(move |_| params.with(|p| p.get("id")).and_then(|raw| ReceiptId::parse(&raw).ok()));
    move || match id.get() {
        Some(id) => view! { <ReceiptScreen id/> }.into_any(),
        None => view! {
            <section class="page">
                <h1>{i18n.text(|t| t.receipt_title)}</h1>
                <p class="notice notice-error">{i18n.text(|t| t.invalid_receipt_id)}</p>
            </section>
        }
        .into_any(),
    }
}

/// The page for one well-formed receipt ID.
#[component]
fn ReceiptScreen(id: ReceiptId) -> impl IntoView {
    let i18n = use_i18n();
    let receipt = LocalResource::new({
        let id = id.clone();
        move || {
            let id = id.clone();
            async move { api::receipt(&id).await }
        }
    });
    let history = LocalResource::new({
        let id = id.clone();
        move || {
            let id = id.clone();
            async move { api::history(&id, None).await }
        }
    });
    let more = MorePages::<MovementEntry>::new();
    let reload = Callback::new(move |_: ()| {
        more.reset();
        receipt.refetch();
        history.refetch();
    });

    let history_view = move || {
        let id = id.clone();
        Suspend::new(async move {
            history
                .await
                .map(|page| view! { <HistoryTable rows=page.items next=page.next_cursor more id/> })
        })
    };

    view! {
        <article class="page">
            <Transition fallback=Loading>
                <ErrorBoundary fallback=move |errors| view! { <ErrorList errors retry=reload/> }>
                    {move || Suspend::new(async move {
                        receipt.await.map(|view| {
                            let active = view.receipt.status == ReceiptStatus::Active;
                            let action = match &view.receipt.filed_in {
                                // A paper letter is acted on only once it has reached the desk.
                                _ if view.can_forward && active => {
                                    let received = view.receipt.received;
                                    view! {
                                        <DeskActions receipt=view.clone() on_done=reload/>
                                        {received.then(|| view! { <ForwardForm receipt=view.clone() on_done=reload/> })}
                                    }.into_any()
                                }
                                None if !active => view! { <p class="notice">{i18n.text(|t| t.receipt_closed_notice)}</p> }.into_any(),
                                // A filed receipt travels with its file: say where to find it.
                                Some(file) => view! {
                                    <p class="notice">
                                        {i18n.text(|t| t.receipt_in_file)} " "
                                        <A href=format!("/files/{file}")>{i18n.text(|t| t.open_the_file)}</A>
                                    </p>
                                }.into_any(),
                                None => view! { <p class="notice">{i18n.text(|t| t.cannot_forward)}</p> }.into_any(),
                            };
                            view! { <ReceiptDetails view/> {action} }
                        })
                    })}
                </ErrorBoundary>
            </Transition>
            <section class="history" aria-labelledby="history-heading">
                <h2 id="history-heading">{i18n.text(|t| t.history_heading)}</h2>
                <Transition fallback=Loading>
                    <ErrorBoundary fallback=move |errors| view! { <ErrorList errors retry=reload/> }>
                        {history_view.clone()}
                    </ErrorBoundary>
                </Transition>
            </section>
        </article>
    }
}

/// The receipt's facts as a description list.
#[component]
fn ReceiptDetails(view: ReceiptView) -> impl IntoView {
    let i18n = use_i18n();
    let r = view.receipt;
    let letter = r.letter;
    let holder = view.holder_post;
    let holder_name = {
        let holder = holder.clone();
        move || match (&holder.holder_name_en, &holder.holder_name_hi) {
            (Some(en), hi) => i18n.pick(en, hi.as_deref().unwrap_or(en)).to_owned(),
            _ => i18n.t().vacant.to_owned(),
        }
    };
    let (mode, category, priority) = (letter.mode, letter.category, r.priority);
    let due = r.due_date.map(human_date);
    let attachments_base = format!("/api/v1/receipts/{}/attachments", r.id);
    let attachments = r.attachments.clone();
    let item = |label: fn(&Texts) -> &'static str, value: AnyView| {
        view! {
            <div class="details-item">
                <dt>{i18n.text(label)}</dt>
                <dd>{value}</dd>
            </div>
        }
    };
    view! {
        <h1>
            {i18n.text(|t| t.receipt_title)} " "
            <span class="diary-number">{view.diary_number_text.clone()}</span>
        </h1>
        <p class="subject-line">{letter.subject.to_string()}</p>
        <section aria-labelledby="details-heading">
            <h2 id="details-heading">{i18n.text(|t| t.details_heading)}</h2>
            <dl class="details">
                {item(|t| t.diary_number, view! { <span>{view.diary_number_text}</span> }.into_any())}
                {item(|t| t.subject, view! { <span>{letter.subject.to_string()}</span> }.into_any())}
                {item(|t| t.sender, view! { <span>{letter.sender.to_string()}</span> }.into_any())}
                {item(|t| t.letter_date, view! { <span>{human_date(letter.letter_date)}</span> }.into_any())}
                {item(|t| t.mode, view! { <span>{move || i18n.t().mode(mode)}</span> }.into_any())}
                {item(|t| t.category, view! { <span>{move || i18n.t().category(category)}</span> }.into_any())}
                {item(|t| t.received_on, view! { <span>{human_date(r.received_on)}</span> }.into_any())}
                {item(|t| t.now_with, view! {
                    <span>
                        {move || post_label(i18n, &holder)} " (" {holder_name} ")"
                        <br/><span class="code">{r.holder.to_string()}</span>
                    </span>
                }.into_any())}
                {item(|t| t.held_since, view! { <span>{human_local(r.held_since)}</span> }.into_any())}
                {item(|t| t.priority, view! { <PriorityBadge priority/> }.into_any())}
                {item(|t| t.due_date, view! { <span>{move || due.clone().unwrap_or_else(|| i18n.t().none.to_owned())}</span> }.into_any())}
            </dl>
        </section>
        <section class="attachments" aria-labelledby="attachments-heading">
            <h2 id="attachments-heading">{i18n.text(|t| t.attachments)}</h2>
            <AttachmentList base=attachments_base attachments/>
        </section>
    }
}

/// What the holder may do besides forwarding: mark a paper letter received, or close it.
#[component]
fn DeskActions(receipt: ReceiptView, on_done: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let flash = use_flash();
    let location = use_location();
    let id = receipt.receipt.id.clone();
    let version = receipt.receipt.version;
    let received = receipt.receipt.received;
    let remarks = RwSignal::new(String::new());
    let remarks_error = RwSignal::new(None::<FieldError>);
    let failure = RwSignal::new(None::<ApiError>);
    let pending = RwSignal::new(false);
    let keys = StoredValue::new(SubmissionKeys::default());

    let settle = move |result: Result<ReceiptView, ApiError>, news: FlashMessage| {
        let here = location.pathname.get_untracked();
        match result {
            Ok(_) => {
                flash.show(here, news);
                on_done.run(());
            }
            Err(error) if error.code() == Some(daftar_domain::wire::ErrorCode::Conflict) => {
                flash.show(here, FlashMessage::Conflict);
                on_done.run(());
            }
            Err(error) => {
                if error.field() == Some("remarks") {
                    remarks_error.set(Some(FieldError::Rejected));
                }
                failure.set(Some(error));
            }
        }
    };

    let receive = {
        let id = id.clone();
        move |_| {
            if pending.get_untracked() {
                return;
            }
            failure.set(None);
            let body = VersionOnly { version };
            let key = keys
                .try_update_value(|keys| keys.key_for(&("receive", &body), api::new_idempotency_key))
                .unwrap_or_else(api::new_idempotency_key);
            let id = id.clone();
            pending.set(true);
            spawn_local(async move {
                let result = api::receive_receipt(&id, &body, &key).await;
                keys.update_value(|keys| keys.settle(&result));
                pending.set(false);
                settle(result, FlashMessage::ReceiptReceived);
            });
        }
    };
    let close = move |ev: SubmitEvent| {
        ev.prevent_default();
        if pending.get_untracked() {
            return;
        }
        failure.set(None);
        let noted = match remarks.get_untracked() {
            typed if typed.trim().is_empty() => Err(FieldError::Required),
            typed => Remarks::parse(&typed).map_err(FieldError::from),
        };
        remarks_error.set(noted.as_ref().err().copied());
        let Ok(remarks) = noted else {
            focus("close-remarks");
            return;
        };
        let body = CloseReceiptRequest { version, remarks };
        let key = keys
            .try_update_value(|keys| keys.key_for(&("close", &body), api::new_idempotency_key))
            .unwrap_or_else(api::new_idempotency_key);
        let id = id.clone();
        pending.set(true);
        spawn_local(async move {
            let result = api::close_receipt(&id, &body, &key).await;
            keys.update_value(|keys| keys.settle(&result));
            pending.set(false);
            settle(result, FlashMessage::ReceiptClosed);
        });
    };

    view! {
        <div class="form-alert" role="alert">
            {move || failure.get().map(|error| {
                let t = i18n.t();
                view! { <p class="notice notice-error">{error_text(t, &error)} " " {error_detail(&error)}</p> }
            })}
        </div>
        {(!received).then(|| view! {
            <section class="receive" aria-labelledby="receive-heading">
                <h2 id="receive-heading">{i18n.text(|t| t.paper_not_received)}</h2>
                <p class="hint">{i18n.text(|t| t.paper_not_received_hint)}</p>
                <button type="button" class="button-primary" aria-disabled=move || pending.get().to_string() on:click=receive>
                    {i18n.text(|t| t.mark_received)}
                </button>
            </section>
        })}
        {received.then(|| view! {
        <details class="close-receipt">
            <summary>{i18n.text(|t| t.close_receipt_heading)}</summary>
            <form class="form" on:submit=close novalidate>
                <p class="hint">{i18n.text(|t| t.close_receipt_hint)}</p>
                <div class="field">
                    <label for="close-remarks">{i18n.text(|t| t.close_remarks)}<span class="required" aria-hidden="true">" *"</span></label>
                    <textarea id="close-remarks" rows="2" aria-required="true" aria-describedby=described_by("close-remarks", false)
                        aria-invalid=move || remarks_error.get().is_some().to_string()
                        bind:value=remarks></textarea>
                    <FieldMessage id="close-remarks-error" error=remarks_error/>
                </div>
                <div class="actions">
                    <button type="submit" class="button-secondary" aria-disabled=move || pending.get().to_string()>
                        {i18n.text(|t| t.close_receipt_button)}
                    </button>
                </div>
            </form>
        </details>
        })}
    }
}

/// The server's own words for a refusal of the receipt's state, shown after the translation.
fn error_detail(error: &ApiError) -> Option<String> {
    match error {
        ApiError::Problem(p) if p.code == daftar_domain::wire::ErrorCode::WrongState => Some(p.detail.clone()),
        _ => None,
    }
}

/// A form field's error signal, its element ID, and the API's name for it.
type Field = (&'static str, &'static str, RwSignal<Option<FieldError>>);

/// Department → office → post, remarks, priority and due date; then forward.
#[component]
fn ForwardForm(receipt: ReceiptView, on_done: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let flash = use_flash();
    let location = use_location();
    let id = receipt.receipt.id.clone();
    let version = receipt.receipt.version;
    let holder = receipt.receipt.holder.clone();

    let choice = PostChoice::new("fwd");
    let copy_choice = PostChoice::new("copy");
    let copies = RwSignal::new(Vec::<daftar_domain::PostId>::new());
    let adding_copy = RwSignal::new(false);
    let remarks = RwSignal::new(String::new());
    let priority = RwSignal::new(Priority::Normal);
    let due = RwSignal::new(String::new());
    let error = || RwSignal::new(None::<FieldError>);
    let (remarks_error, priority_error, due_error) = (error(), error(), error());
    let fields: [Field; 3] = [
        ("remarks", "fwd-remarks", remarks_error),
        ("priority", "fwd-priority", priority_error),
        ("due_date", "fwd-due", due_error),
    ];
    let failure = RwSignal::new(None::<ApiError>);
    let invalid = RwSignal::new(false);
    let pending = RwSignal::new(false);
    let keys = StoredValue::new(SubmissionKeys::default());

    let priority_options = move || {
        Priority::ALL
            .into_iter()
            .map(|p| view! { <option value=wire_name(&p) prop:selected=move || priority.get() == p>{move || i18n.t().priority(p)}</option> })
            .collect_view()
    };

    let parse_form = move || -> Option<ForwardOrder> {
        let chosen_post = choice.parse();
        let noted = Remarks::parse(&remarks.get_untracked()).map_err(FieldError::from);
        remarks_error.set(noted.as_ref().err().copied());
        let due_date = check_due_date(&due.get_untracked(), today());
        due_error.set(due_date.as_ref().err().copied());
        priority_error.set(None);
        Some(ForwardOrder {
            version,
            to_post: chosen_post?,
            remarks: noted.ok()?,
            priority: priority.get_untracked(),
            due_date: due_date.ok()?,
            copies: copies.get_untracked(),
        })
    };
    let focus_first_error = move || {
        choice.focus_first_error()
            || match fields.iter().find(|(_, _, error)| error.get_untracked().is_some()) {
                Some((_, element, _)) => {
                    focus(element);
                    true
                }
                None => false,
            }
    };

    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        if pending.get_untracked() {
            return;
        }
        failure.set(None);
        let Some(order) = parse_form() else {
            invalid.set(true);
            focus_first_error();
            return;
        };
        invalid.set(false);
        let key = keys
            .try_update_value(|keys| keys.key_for(&order, api::new_idempotency_key))
            .unwrap_or_else(api::new_idempotency_key);
        let id = id.clone();
        let here = location.pathname.get_untracked();
        pending.set(true);
        spawn_local(async move {
            let result = api::forward(&id, &order, &key).await;
            keys.update_value(|keys| keys.settle(&result));
            pending.set(false);
            match result {
                Ok(moved) => {
                    let post = moved.holder_post;
                    let post_en = format!("{}, {}", post.title_en, post.office_name_en);
                    let post_hi = format!("{}, {}", post.title_hi, post.office_name_hi);
                    flash.show(here, FlashMessage::Forwarded { post_en, post_hi });
                    on_done.run(());
                }
                Err(error) if error.code() == Some(daftar_domain::wire::ErrorCode::Conflict) => {
                    flash.show(here, FlashMessage::Conflict);
                    on_done.run(());
                }
                Err(error) => {
                    let rejected = choice.reject(error.field())
                        || match fields.iter().find(|(name, _, _)| Some(*name) == error.field()) {
                            Some((_, _, field)) => {
                                field.set(Some(FieldError::Rejected));
                                true
                            }
                            None => false,
                        };
                    invalid.set(invalid.get_untracked() || rejected);
                    failure.set(Some(error));
                    if !focus_first_error() {
                        focus("fwd-submit");
                    }
                }
            }
        });
    };

    let min_due = iso_date(today());

    view! {
        <section class="forward" aria-labelledby="forward-heading">
            <h2 id="forward-heading">{i18n.text(|t| t.forward_heading)}</h2>
            <div class="form-alert" role="alert">
                {move || {
                    let t = i18n.t();
                    match failure.get() {
                        Some(error) if error.field().is_none() => Some(view! { <p class="notice notice-error">{error_text(t, &error)}</p> }),
                        _ if invalid.get() => Some(view! { <p class="notice notice-error">{t.err_form}</p> }),
                        _ => None,
                    }
                }}
            </div>
            <form class="form" on:submit=on_submit novalidate>
                <PostPicker choice exclude=holder.clone()/>
                <div class="copies" role="group" aria-labelledby="copies-heading">
                    <p id="copies-heading" class="label">{i18n.text(|t| t.copies_heading)}</p>
                    <ul class="copy-list">
                        {move || copies.get().into_iter().map(|post| {
                            let label = post.to_string();
                            let gone = post.clone();
                            view! {
                                <li>
                                    <span class="code">{label.clone()}</span> " "
                                    <button type="button" class="button-link"
                                        aria-label=move || fill(i18n.t().upload_remove_named, "{name}", &label)
                                        on:click=move |_| copies.update(|c| c.retain(|p| *p != gone))>
                                        {i18n.text(|t| t.upload_remove)}
                                    </button>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                    <Show when=move || adding_copy.get()
                        fallback=move || view! {
                            <button type="button" class="button-secondary" on:click=move |_| adding_copy.set(true)>
                                {i18n.text(|t| t.add_copy)}
                            </button>
                        }>
                        <PostPicker choice=copy_choice exclude=holder.clone()/>
                        <div class="actions">
                            <button type="button" class="button-secondary" on:click=move |_| {
                                if let Some(post) = copy_choice.parse() {
                                    copies.update(|c| if !c.contains(&post) { c.push(post) });
                                    adding_copy.set(false);
                                } else {
                                    copy_choice.focus_first_error();
                                }
                            }>{i18n.text(|t| t.add_this_copy)}</button>
                            <button type="button" class="button-link" on:click=move |_| adding_copy.set(false)>
                                {i18n.text(|t| t.cancel)}
                            </button>
                        </div>
                    </Show>
                </div>
                <div class="field">
                    <label for="fwd-remarks">{i18n.text(|t| t.remarks)}</label>
                    <textarea id="fwd-remarks" rows="3" aria-describedby=described_by("fwd-remarks", false)
                        aria-invalid=move || remarks_error.get().is_some().to_string()
                        bind:value=remarks></textarea>
                    <FieldMessage id="fwd-remarks-error" error=remarks_error/>
                </div>
                <div class="field-row">
                    <div class="field">
                        <label for="fwd-priority">{i18n.text(|t| t.priority)}</label>
                        <select id="fwd-priority" aria-describedby=described_by("fwd-priority", false)
                            on:change=move |ev| if let Some(p) = from_wire_name(&event_target_value(&ev)) { priority.set(p) }>
                            {priority_options}
                        </select>
                        <FieldMessage id="fwd-priority-error" error=priority_error/>
                    </div>
                    <div class="field">
                        <label for="fwd-due">{i18n.text(|t| t.due_date)}</label>
                        <p id="fwd-due-hint" class="hint">{i18n.text(|t| t.due_date_hint)}</p>
                        <input id="fwd-due" type="date" min=min_due aria-describedby=described_by("fwd-due", true)
                            aria-invalid=move || due_error.get().is_some().to_string()
                            bind:value=due/>
                        <FieldMessage id="fwd-due-error" error=due_error/>
                    </div>
                </div>
                <div class="actions">
                    <button id="fwd-submit" type="submit" class="button-primary" aria-disabled=move || pending.get().to_string()>
                        {i18n.text(|t| t.forward_button)}
                    </button>
                </div>
            </form>
        </section>
    }
}

/// Checks an optional due date: empty is fine, a past date is not.
pub(crate) fn check_due_date(raw: &str, today: time::Date) -> Result<Option<time::Date>, FieldError> {
    if raw.trim().is_empty() {
        return Ok(None);
    }
    let date = parse_iso_date(raw).ok_or(FieldError::InvalidDate)?;
    if date < today {
        return Err(FieldError::DateInPast);
    }
    Ok(Some(date))
}

/// The movement history, oldest first, with "Load more" for long histories.
#[component]
fn HistoryTable(
    rows: Vec<MovementEntry>,
    next: Option<String>,
    more: MorePages<MovementEntry>,
    id: ReceiptId,
) -> impl IntoView {
    let i18n = use_i18n();
    if rows.is_empty() {
        return view! { <p class="empty-state">{i18n.text(|t| t.history_empty)}</p> }.into_any();
    }
    let (has_more, load_more) = more.continue_after(next, move |cursor| {
        let id = id.clone();
        async move { api::history(&id, Some(&cursor)).await }
    });
    let columns: Vec<fn(&Texts) -> &'static str> = vec![
        |t| t.col_seq,
        |t| t.col_action,
        |t| t.col_from_to,
        |t| t.col_by,
        |t| t.col_remarks,
        |t| t.col_priority,
        |t| t.col_time,
    ];
    view! {
        <table class="data-table history-table" role="table" aria-labelledby="history-heading">
            <TableHead columns/>
            <tbody role="rowgroup">
                {rows.into_iter().map(|entry| view! { <HistoryRow entry/> }).collect_view()}
                <For each=move || more.items.get() key=|entry| entry.movement.seq let:entry>
                    <HistoryRow entry/>
                </For>
            </tbody>
        </table>
        <LoadMoreFooter more has_more on_load=load_more/>
    }
    .into_any()
}

/// One movement.
#[component]
fn HistoryRow(entry: MovementEntry) -> impl IntoView {
    let i18n = use_i18n();
    let MovementEntry {
        movement,
        by_name_en,
        by_name_hi,
        from_label,
        to_label,
    } = entry;
    let action = movement.action;
    let from_code = movement.from_post.as_ref().map(|p| p.to_string());
    let remarks = movement.remarks.to_string();
    let due = movement.due_date.map(human_date);
    view! {
        <tr role="row">
            <td role="cell" data-label=i18n.text(|t| t.col_seq)><div class="cell">{movement.seq}</div></td>
            <td role="cell" data-label=i18n.text(|t| t.col_action)><div class="cell">{move || i18n.t().action(action)}</div></td>
            <td role="cell" data-label=i18n.text(|t| t.col_from_to)><div class="cell">
                <span title=from_code>{move || from_label.as_ref().map_or_else(|| i18n.t().none.to_owned(), |label| i18n.post_label(label))}</span>
                " → "
                <span title=movement.to_post.to_string()>{move || i18n.post_label(&to_label)}</span>
            </div></td>
            <td role="cell" data-label=i18n.text(|t| t.col_by)><div class="cell"><span title=movement.by.to_string()>{move || i18n.pick(&by_name_en, &by_name_hi).to_owned()}</span></div></td>
            <td role="cell" data-label=i18n.text(|t| t.col_remarks) class="cell-remarks"><div class="cell">
                {move || if remarks.is_empty() { i18n.t().none.to_owned() } else { remarks.clone() }}
            </div></td>
            <td role="cell" data-label=i18n.text(|t| t.col_priority)><div class="cell">
                <PriorityBadge priority=movement.priority/>
                {due.map(|due| view! { <span class="due">{i18n.text(|t| t.due_date)} ": " {due}</span> })}
            </div></td>
            <td role="cell" data-label=i18n.text(|t| t.col_time)><div class="cell">{human_local(movement.at)}</div></td>
        </tr>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn due_dates_are_optional_but_not_in_the_past() {
        let today = date!(2026 - 11 - 23);
        let cases = [
            ("", Ok(None)),
            ("2026-11-23", Ok(Some(today))),
            ("2026-12-01", Ok(Some(date!(2026 - 12 - 01)))),
            ("2026-11-22", Err(FieldError::DateInPast)),
            ("not a date", Err(FieldError::InvalidDate)),
        ];
        for (raw, expected) in cases {
            assert_eq!(check_due_date(raw, today), expected, "{raw:?}");
        }
    }
}
