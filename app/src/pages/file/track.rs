//! "Where is my file?": the desks a file has been at with the time spent at each, its full
//! history, and a check that the hash-chained history is intact.

use super::{use_file_id, InvalidFileId};
use crate::api::{self, ApiResult};
use crate::components::{error_text, ErrorList, LoadMoreFooter, Loading, MorePages, PriorityBadge, TableHead};
use crate::format::{human_date, human_local};
use crate::i18n::{fill, use_i18n, Texts};
use crate::pages::use_page_title;
use daftar_domain::file::chain::ChainReport;
use daftar_domain::file::FileEventKind;
use daftar_domain::wire::{FileEventEntry, StayView};
use daftar_domain::FileId;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;

/// The track page, for `/files/:id/track`.
#[component]
pub fn FileTrackPage() -> impl IntoView {
    let id = use_file_id();
    use_page_title(|t| t.track_title);
    move || match id.get() {
        Some(id) => view! { <TrackScreen id/> }.into_any(),
        None => view! { <InvalidFileId/> }.into_any(),
    }
}

/// The track of one well-formed file ID.
#[component]
fn TrackScreen(id: FileId) -> impl IntoView {
    let i18n = use_i18n();
    let fetch = |id: &FileId| {
        let id = id.clone();
        move || {
            let id = id.clone();
            async move { (api::file(&id).await, api::track(&id).await) }
        }
    };
    let file_and_stays = LocalResource::new(fetch(&id));
    let history = LocalResource::new({
        let id = id.clone();
        move || {
            let id = id.clone();
            async move { api::file_history(&id, None).await }
        }
    });
    let more = MorePages::<FileEventEntry>::new();
    let reload = Callback::new(move |_: ()| {
        more.reset();
        file_and_stays.refetch();
        history.refetch();
    });

    let top = move || {
        Suspend::new(async move {
            let (file, stays) = file_and_stays.await;
            let file = file?;
            let stays = stays?;
            let href = format!("/files/{}", file.file.id);
            ApiResult::Ok(view! {
                <h1>{move || fill(i18n.t().track_heading, "{n}", &file.file.number.text)}</h1>
                <p class="subject-line">{file.file.subject.to_string()}</p>
                <p class="file-links"><A href=href>{i18n.text(|t| t.back_to_file)}</A></p>
                <section aria-labelledby="stays-heading">
                    <h2 id="stays-heading">{i18n.text(|t| t.stays_heading)}</h2>
                    <StaysTable stays/>
                </section>
            })
        })
    };
    let history_view = {
        let id = id.clone();
        move || {
            let id = id.clone();
            Suspend::new(async move {
                history
                    .await
                    .map(|page| view! { <EventsTable rows=page.items next=page.next_cursor more id/> })
            })
        }
    };

    view! {
        <article class="page">
            <Transition fallback=Loading>
                <ErrorBoundary fallback=move |errors| view! { <h1>{i18n.text(|t| t.track_title)}</h1><ErrorList errors retry=reload/> }>
                    {top}
                </ErrorBoundary>
            </Transition>
            <section class="history" aria-labelledby="file-history-heading">
                <h2 id="file-history-heading">{i18n.text(|t| t.file_history_heading)}</h2>
                <Transition fallback=Loading>
                    <ErrorBoundary fallback=move |errors| view! { <ErrorList errors retry=reload/> }>
                        {history_view.clone()}
                    </ErrorBoundary>
                </Transition>
            </section>
            <VerifyHistory id/>
        </article>
    }
}

/// Each stay: the desk, when the file arrived and left, and how long it was there.
#[component]
fn StaysTable(stays: Vec<StayView>) -> impl IntoView {
    let i18n = use_i18n();
    if stays.is_empty() {
        return view! { <p class="empty-state">{i18n.text(|t| t.history_empty)}</p> }.into_any();
    }
    let rows = stays
        .into_iter()
        .enumerate()
        .map(|(i, stay)| {
            let here = stay.stay.left.is_none();
            let seconds = stay.stay.seconds;
            let label = stay.label;
            let post = stay.stay.post.to_string();
            let left = stay.stay.left.map(human_local);
            view! {
                <tr role="row" class=if here { "row-current" } else { "" }>
                    <td role="cell" data-label=i18n.text(|t| t.col_seq)><div class="cell">{i + 1}</div></td>
                    <td role="cell" data-label=i18n.text(|t| t.col_desk)><div class="cell">
                        <span title=post>{move || i18n.post_label(&label)}</span>
                    </div></td>
                    <td role="cell" data-label=i18n.text(|t| t.col_arrived)><div class="cell">{human_local(stay.stay.arrived)}</div></td>
                    <td role="cell" data-label=i18n.text(|t| t.col_left)><div class="cell">
                        {move || left.clone().unwrap_or_else(|| i18n.t().still_here.to_owned())}
                    </div></td>
                    <td role="cell" data-label=i18n.text(|t| t.col_time_spent)><div class="cell">
                        {move || {
                            let t = i18n.t();
                            let spent = t.duration(seconds);
                            if here { fill(t.so_far, "{time}", &spent) } else { spent }
                        }}
                    </div></td>
                </tr>
            }
        })
        .collect_view();
    // Explicit roles: see the inbox table.
    view! {
        <table class="data-table" role="table" aria-labelledby="stays-heading">
            <TableHead columns=vec![|t| t.col_seq, |t| t.col_desk, |t| t.col_arrived, |t| t.col_left, |t| t.col_time_spent]/>
            <tbody role="rowgroup">{rows}</tbody>
        </table>
    }
    .into_any()
}

/// The file's history, oldest first, with "Load more".
#[component]
fn EventsTable(
    rows: Vec<FileEventEntry>,
    next: Option<String>,
    more: MorePages<FileEventEntry>,
    id: FileId,
) -> impl IntoView {
    let i18n = use_i18n();
    if rows.is_empty() {
        return view! { <p class="empty-state">{i18n.text(|t| t.history_empty)}</p> }.into_any();
    }
    let (has_more, load_more) = more.continue_after(next, move |cursor| {
        let id = id.clone();
        async move { api::file_history(&id, Some(&cursor)).await }
    });
    let columns: Vec<fn(&Texts) -> &'static str> = vec![
        |t| t.col_seq,
        |t| t.col_event,
        |t| t.col_by,
        |t| t.col_desk,
        |t| t.col_remarks,
        |t| t.col_priority,
        |t| t.col_time,
    ];
    view! {
        <table class="data-table history-table" role="table" aria-labelledby="file-history-heading">
            <TableHead columns/>
            <tbody role="rowgroup">
                {rows.into_iter().map(|entry| view! { <EventRow entry/> }).collect_view()}
                <For each=move || more.items.get() key=|entry| entry.event.seq let:entry>
                    <EventRow entry/>
                </For>
            </tbody>
        </table>
        <LoadMoreFooter more has_more on_load=load_more/>
    }
    .into_any()
}

/// One history entry.
#[component]
fn EventRow(entry: FileEventEntry) -> impl IntoView {
    let i18n = use_i18n();
    let FileEventEntry {
        event,
        by_name_en,
        by_name_hi,
        at_label,
        to_label,
        other_name,
    } = entry;
    let kind = event.kind.clone();
    // What the entry is about, beyond its type: where the file went, which paragraph, receipt,
    // linked file or reason.
    let detail = move || -> Option<AnyView> {
        let t = i18n.t();
        match &kind {
            FileEventKind::Sent | FileEventKind::Recalled => to_label
                .as_ref()
                .map(|label| view! { <span class="event-detail">"→ " {i18n.post_label(label)}</span> }.into_any()),
            FileEventKind::Created { number } => {
                Some(view! { <span class="event-detail code">{number.clone()}</span> }.into_any())
            }
            FileEventKind::NoteSigned { paragraph, .. } => Some(
                view! { <span class="event-detail">{fill(t.para_label, "{n}", &paragraph.to_string())}</span> }
                    .into_any(),
            ),
            FileEventKind::ReceiptAttached { receipt } => {
                let (href, text) = (
                    format!("/receipts/{receipt}"),
                    other_name.clone().unwrap_or_else(|| receipt.to_string()),
                );
                Some(view! { <span class="event-detail"><A href=href>{text}</A></span> }.into_any())
            }
            FileEventKind::Linked { other }
            | FileEventKind::Merged { part: other }
            | FileEventKind::MergedInto { main: other }
            | FileEventKind::ContinuedIn { volume: other }
            | FileEventKind::PartOpened { part: other } => {
                let (href, text) = (
                    format!("/files/{other}"),
                    other_name.clone().unwrap_or_else(|| other.to_string()),
                );
                Some(view! { <span class="event-detail"><A href=href>{text}</A></span> }.into_any())
            }
            FileEventKind::DraftIssued { dispatch_number, .. } => {
                Some(view! { <span class="event-detail code">{dispatch_number.clone()}</span> }.into_any())
            }
            FileEventKind::Closed { reason } => {
                Some(view! { <span class="event-detail">{t.close_reason} ": " {reason.to_string()}</span> }.into_any())
            }
            _ => None,
        }
    };
    let kind = event.kind.clone();
    let remarks = event.remarks.to_string();
    let due = event.due_date.map(human_date);
    let at_post = event.at_post.to_string();
    view! {
        <tr role="row">
            <td role="cell" data-label=i18n.text(|t| t.col_seq)><div class="cell">{event.seq}</div></td>
            <td role="cell" data-label=i18n.text(|t| t.col_event)><div class="cell">
                <strong>{move || i18n.t().file_event(&kind)}</strong> {detail}
            </div></td>
            <td role="cell" data-label=i18n.text(|t| t.col_by)><div class="cell">
                <span title=event.by.to_string()>{move || i18n.pick(&by_name_en, &by_name_hi).to_owned()}</span>
            </div></td>
            <td role="cell" data-label=i18n.text(|t| t.col_desk)><div class="cell">
                <span title=at_post>{move || i18n.post_label(&at_label)}</span>
            </div></td>
            <td role="cell" data-label=i18n.text(|t| t.col_remarks) class="cell-remarks"><div class="cell">
                {move || if remarks.is_empty() { i18n.t().none.to_owned() } else { remarks.clone() }}
            </div></td>
            <td role="cell" data-label=i18n.text(|t| t.col_priority)><div class="cell">
                <PriorityBadge priority=event.priority/>
                {due.map(|due| view! { <span class="due">{i18n.text(|t| t.due_date)} ": " {due}</span> })}
            </div></td>
            <td role="cell" data-label=i18n.text(|t| t.col_time)><div class="cell">{human_local(event.at)}</div></td>
        </tr>
    }
}

/// "Verify history": asks the server to recompute the chain and says what it found.
#[component]
fn VerifyHistory(id: FileId) -> impl IntoView {
    let i18n = use_i18n();
    let verdict = RwSignal::new(None::<ApiResult<ChainReport>>);
    let checking = RwSignal::new(false);
    let check = move |_| {
        if checking.get_untracked() {
            return;
        }
        let id = id.clone();
        checking.set(true);
        verdict.set(None);
        spawn_local(async move {
            let result = api::verify(&id).await;
            checking.set(false);
            verdict.set(Some(result));
        });
    };
    let result = move || {
        let t = i18n.t();
        verdict.get().map(|verdict| match verdict {
            Ok(ChainReport::Intact { entries, .. }) => view! {
                <p class="notice notice-success">{fill(t.verify_intact, "{n}", &entries.to_string())}</p>
            }
            .into_any(),
            Ok(ChainReport::Broken { seq, reason }) => view! {
                <p class="notice notice-error">
                    {fill(t.verify_broken, "{n}", &seq.to_string())} " " {t.break_reason(reason)}
                </p>
            }
            .into_any(),
            Err(error) => view! { <p class="notice notice-error">{error_text(t, &error)}</p> }.into_any(),
        })
    };
    view! {
        <section class="verify" aria-labelledby="verify-heading">
            <h2 id="verify-heading">{i18n.text(|t| t.verify_heading)}</h2>
            <p class="intro">{i18n.text(|t| t.verify_intro)}</p>
            <button type="button" class="button-secondary" on:click=check aria-disabled=move || checking.get().to_string()>
                {i18n.text(|t| t.verify_button)}
            </button>
            <div class="verify-result" role="status" aria-live="polite">{result}</div>
        </section>
    }
}
