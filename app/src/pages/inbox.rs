//! The inbox: what waits at one of the signed-in official's posts, in two tabs: files (with
//! their other lists) and receipts, newest first.

use super::desk::FilesDesk;
use super::use_page_title;
use crate::api;
use crate::components::fields::{focus, from_wire_name, wire_name};
use crate::components::{ErrorList, LoadMoreFooter, Loading, MorePages, PriorityBadge, TableHead};
use crate::format::{human_date, human_local};
use crate::i18n::{use_i18n, I18n, Texts};
use crate::session::use_session;
use daftar_domain::wire::{DeskView, InboxEntry, PostLabel, PostSummary, ReceiptDeskView};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;

/// A post as people name it: `Section Officer (Budget), Finance, Headquarters`.
pub(crate) fn post_label(i18n: I18n, post: &PostSummary) -> String {
    format!(
        "{}, {}",
        i18n.pick(&post.title_en, &post.title_hi),
        i18n.pick(&post.office_name_en, &post.office_name_hi)
    )
}

/// The inbox's two tabs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tab {
    Files,
    Receipts,
}

impl Tab {
    fn tab_id(self) -> &'static str {
        match self {
            Tab::Files => "tab-files",
            Tab::Receipts => "tab-receipts",
        }
    }

    fn panel_id(self) -> &'static str {
        match self {
            Tab::Files => "panel-files",
            Tab::Receipts => "panel-receipts",
        }
    }

    /// The tab an arrow, Home or End key moves to from this one, if the key is one of those.
    fn after_key(self, key: &str) -> Option<Tab> {
        match key {
            "ArrowLeft" | "ArrowRight" | "ArrowUp" | "ArrowDown" => Some(match self {
                Tab::Files => Tab::Receipts,
                Tab::Receipts => Tab::Files,
            }),
            "Home" => Some(Tab::Files),
            "End" => Some(Tab::Receipts),
            _ => None,
        }
    }
}

/// The inbox's address for a post, tab and file list. Receipts are the default tab, so that
/// `/inbox` keeps showing what waits at the desk as it always has.
fn inbox_href(post: Option<&str>, tab: Tab, view: DeskView) -> String {
    let mut query = Vec::new();
    if tab == Tab::Files {
        query.push("tab=files".to_owned());
        if view != DeskView::Inbox {
            query.push(format!("view={}", wire_name(&view)));
        }
    }
    if let Some(post) = post {
        // Post IDs are codes of A-Z, 0-9 and '-': nothing in them needs escaping.
        query.push(format!("post={post}"));
    }
    if query.is_empty() {
        "/inbox".to_owned()
    } else {
        format!("/inbox?{}", query.join("&"))
    }
}

/// The inbox page: what waits at one of the user's posts, files and receipts in two tabs.
/// `?post=` chooses among the user's posts (the first is the default), `?tab=files` the files
/// and `?view=` their list.
#[component]
pub fn InboxPage() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let query = use_query_map();
    let navigate = use_navigate();
    use_page_title(|t| t.inbox_title);

    let my_posts = Memo::new(move |_| session.me().map(|me| me.posts).unwrap_or_default());
    let selected = Memo::new(move |_| {
        let posts = my_posts.get();
        let wanted = query.with(|q| q.get("post"));
        wanted
            .and_then(|wanted| posts.iter().find(|p| p.id.as_ref() == wanted).cloned())
            .or_else(|| posts.first().cloned())
    });
    let tab = Memo::new(move |_| match query.with(|q| q.get("tab")).as_deref() {
        Some("files") => Tab::Files,
        _ => Tab::Receipts,
    });
    let desk_view = Memo::new(move |_| {
        query
            .with(|q| q.get("view"))
            .and_then(|v| from_wire_name::<DeskView>(&v))
            .unwrap_or_default()
    });

    let go = {
        let navigate = navigate.clone();
        move |post: Option<String>, tab: Tab, view: DeskView, replace: bool| {
            navigate(
                &inbox_href(post.as_deref(), tab, view),
                NavigateOptions {
                    replace,
                    ..Default::default()
                },
            );
        }
    };
    let current_post = move || query.with_untracked(|q| q.get("post"));
    let choose_post = {
        let go = go.clone();
        move |ev: leptos::ev::Event| {
            go(
                Some(event_target_value(&ev)),
                tab.get_untracked(),
                desk_view.get_untracked(),
                false,
            )
        }
    };
    // Switching tabs or lists replaces the address rather than adding to the history, so Back
    // leaves the inbox instead of stepping through its tabs.
    let choose_tab = {
        let go = go.clone();
        move |which: Tab| {
            if tab.get_untracked() != which {
                go(current_post(), which, desk_view.get_untracked(), true);
            }
        }
    };
    let choose_view = Callback::new({
        let go = go.clone();
        move |view: DeskView| go(current_post(), Tab::Files, view, true)
    });

    let post_picker = move || {
        let posts = my_posts.get();
        match posts.len() {
            0 => view! { <p class="notice">{i18n.text(|t| t.no_posts)}</p> }.into_any(),
            1 => {
                let post = posts[0].clone();
                view! {
                    <p class="context-line">
                        {i18n.text(|t| t.inbox_waiting_at)} " "
                        <strong>{move || post_label(i18n, &post)}</strong>
                    </p>
                }
                .into_any()
            }
            _ => view! {
                <div class="field field-inline">
                    <label for="inbox-post">{i18n.text(|t| t.inbox_post)}</label>
                    <select id="inbox-post" on:change=choose_post.clone()>
                        {move || {
                            let current = selected.get().map(|p| p.id);
                            posts
                                .iter()
                                .map(|post| {
                                    let is_current = current.as_ref() == Some(&post.id);
                                    view! { <option value=post.id.to_string() prop:selected=is_current>{post_label(i18n, post)}</option> }
                                })
                                .collect_view()
                        }}
                    </select>
                </div>
            }
            .into_any(),
        }
    };

    let tab_button = {
        let choose_tab = choose_tab.clone();
        move |which: Tab, label: fn(&Texts) -> &'static str| {
            let choose_tab = choose_tab.clone();
            let on_key = {
                let choose_tab = choose_tab.clone();
                move |ev: leptos::ev::KeyboardEvent| {
                    if let Some(next) = which.after_key(&ev.key()) {
                        ev.prevent_default();
                        choose_tab(next);
                        focus(next.tab_id());
                    }
                }
            };
            view! {
                <button type="button" role="tab" id=which.tab_id() aria-controls=which.panel_id()
                    aria-selected=move || (tab.get() == which).to_string()
                    tabindex=move || if tab.get() == which { "0" } else { "-1" }
                    on:click=move |_| choose_tab(which) on:keydown=on_key>
                    {i18n.text(label)}
                </button>
            }
        }
    };

    view! {
        <section class="page">
            <h1 id="inbox-heading">{i18n.text(|t| t.inbox_title)}</h1>
            {post_picker}
            <div class="tabs" role="tablist" aria-labelledby="inbox-heading">
                {tab_button(Tab::Files, |t| t.files_tab)}
                {tab_button(Tab::Receipts, |t| t.receipts_tab)}
            </div>
            <div class="tab-panel" role="tabpanel" id="panel-files" aria-labelledby="tab-files"
                hidden=move || tab.get() != Tab::Files>
                <Show when=move || tab.get() == Tab::Files>
                    {move || selected.get().map(|post| view! { <FilesDesk post view=desk_view on_view=choose_view/> })}
                </Show>
            </div>
            <div class="tab-panel" role="tabpanel" id="panel-receipts" aria-labelledby="tab-receipts"
                hidden=move || tab.get() != Tab::Receipts>
                <Show when=move || tab.get() == Tab::Receipts>
                    <ReceiptsPanel selected/>
                </Show>
            </div>
        </section>
    }
}

/// The Receipts tab: receipts waiting at the selected post, newest first.
#[component]
fn ReceiptsPanel(selected: Memo<Option<PostSummary>>) -> impl IntoView {
    let i18n = use_i18n();
    let list = RwSignal::new(ReceiptDeskView::Inbox);
    let first_page = LocalResource::new(move || {
        let post = selected.get();
        let view = list.get();
        async move {
            match post {
                Some(post) => api::inbox_view(&post.id, view, None).await.map(Some),
                None => Ok(None),
            }
        }
    });
    let more = MorePages::<InboxEntry>::new();
    Effect::new(move |_| {
        selected.track();
        list.track();
        more.reset();
    });
    let list_button = move |which: ReceiptDeskView, label: fn(&Texts) -> &'static str| {
        view! {
            <button type="button" class="button-toggle" aria-pressed=move || (list.get() == which).to_string()
                on:click=move |_| list.set(which)>
                {i18n.text(label)}
            </button>
        }
    };
    view! {
        <div class="list-switch" role="group" aria-label=i18n.text(|t| t.receipts_tab)>
            {list_button(ReceiptDeskView::Inbox, |t| t.rview_inbox)}
            {list_button(ReceiptDeskView::Sent, |t| t.rview_sent)}
            {list_button(ReceiptDeskView::Created, |t| t.rview_created)}
            {list_button(ReceiptDeskView::Closed, |t| t.rview_closed)}
        </div>
        <Transition fallback=Loading>
            <ErrorBoundary fallback=move |errors| view! { <ErrorList errors retry=Callback::new(move |_| first_page.refetch())/> }>
                {move || Suspend::new(async move {
                    first_page.await.map(|page| page.map(|page| view! { <InboxTable rows=page.items next=page.next_cursor more selected list=list.get_untracked()/> }))
                })}
            </ErrorBoundary>
        </Transition>
    }
}

/// The table of waiting receipts, with the rows of further pages and "Load more".
#[component]
fn InboxTable(
    rows: Vec<InboxEntry>,
    next: Option<String>,
    more: MorePages<InboxEntry>,
    selected: Memo<Option<PostSummary>>,
    list: ReceiptDeskView,
) -> impl IntoView {
    let i18n = use_i18n();
    if rows.is_empty() {
        return view! { <p class="empty-state">{i18n.text(|t| t.inbox_empty)}</p> }.into_any();
    }
    let Some(post) = selected.get_untracked().map(|post| post.id) else {
        return view! { <p class="empty-state">{i18n.text(|t| t.inbox_empty)}</p> }.into_any();
    };
    let (has_more, load_more) = more.continue_after(next, move |cursor| {
        let post = post.clone();
        async move { api::inbox_view(&post, list, Some(&cursor)).await }
    });
    let mut columns: Vec<fn(&Texts) -> &'static str> =
        vec![|t| t.col_diary_number, |t| t.col_subject, |t| t.col_sender];
    columns.extend(counterpart_heading(list));
    columns.extend([
        |t: &Texts| t.col_priority,
        |t: &Texts| t.col_due_date,
        when_heading(list),
    ]);
    view! {
        <table class="data-table" role="table" aria-labelledby="inbox-heading">
            <TableHead columns/>
            <tbody role="rowgroup">
                {rows.into_iter().map(|row| view! { <InboxRow row selected list/> }).collect_view()}
                <For each=move || more.items.get() key=|row| (row.receipt_id.clone(), row.copy) let:row>
                    <InboxRow row selected list/>
                </For>
            </tbody>
        </table>
        <LoadMoreFooter more has_more on_load=load_more/>
    }
    .into_any()
}

/// The column naming the other desk: where a receipt came from, or where it went. The lists of
/// receipts diarised or closed here have none: the desk is this one.
fn counterpart_heading(list: ReceiptDeskView) -> Option<fn(&Texts) -> &'static str> {
    match list {
        ReceiptDeskView::Inbox => Some(|t| t.col_from),
        ReceiptDeskView::Sent => Some(|t| t.col_sent_to),
        ReceiptDeskView::Created | ReceiptDeskView::Closed => None,
    }
}

/// The column of when the row entered this list.
fn when_heading(list: ReceiptDeskView) -> fn(&Texts) -> &'static str {
    match list {
        ReceiptDeskView::Inbox => |t| t.col_arrived,
        ReceiptDeskView::Sent => |t| t.col_sent_on,
        ReceiptDeskView::Created => |t| t.col_diarised_on,
        ReceiptDeskView::Closed => |t| t.col_closed_on,
    }
}

/// The other desk of a row, as the list names it.
#[derive(Debug, PartialEq)]
enum Counterpart<'a> {
    Desk(&'a PostLabel),
    /// Waiting where it was diarised: it has not moved yet.
    DiarisedHere,
    Unknown,
}

fn counterpart(row: &InboxEntry, list: ReceiptDeskView) -> Counterpart<'_> {
    let label = match list {
        ReceiptDeskView::Sent => &row.to_label,
        _ => &row.from_label,
    };
    match (label, list) {
        (Some(label), _) => Counterpart::Desk(label),
        (None, ReceiptDeskView::Inbox) => Counterpart::DiarisedHere,
        (None, _) => Counterpart::Unknown,
    }
}

/// One receipt in a desk's list.
#[component]
fn InboxRow(row: InboxEntry, selected: Memo<Option<PostSummary>>, list: ReceiptDeskView) -> impl IntoView {
    let i18n = use_i18n();
    let gone = RwSignal::new(false);
    let failed = RwSignal::new(None::<api::ApiError>);
    let copy = row.copy;
    let acknowledge = {
        let id = row.receipt_id.clone();
        move |_| {
            let Some(post) = selected.get_untracked() else { return };
            let id = id.clone();
            failed.set(None);
            leptos::task::spawn_local(async move {
                match api::acknowledge_copy(&id, &post.id, &api::new_idempotency_key()).await {
                    Ok(()) => gone.set(true),
                    Err(error) => failed.set(Some(error)),
                }
            });
        }
    };
    let href = format!("/receipts/{}", row.receipt_id);
    let row_for_counterpart = row.clone();
    let other = move || match counterpart(&row_for_counterpart, list) {
        Counterpart::Desk(label) => i18n.post_label(label),
        Counterpart::DiarisedHere => i18n.t().diarised_here.to_owned(),
        Counterpart::Unknown => i18n.t().none.to_owned(),
    };
    let due = row.due_date.map(human_date);
    let row_class = if row.priority > daftar_domain::receipt::Priority::Normal {
        "row-priority"
    } else {
        ""
    };
    view! {
        <tr role="row" class=row_class hidden=move || gone.get()>
            <td role="cell" data-label=i18n.text(|t| t.col_diary_number)><div class="cell">
                <A href=href>{row.diary_number_text}</A>
                {copy.then(|| view! {
                    <span class="badge badge-copy">{i18n.text(|t| t.copy_for_information)}</span>
                    <button type="button" class="button-secondary button-small" on:click=acknowledge.clone()>
                        {i18n.text(|t| t.acknowledge)}
                    </button>
                    {move || failed.get().map(|e| view! { <span class="field-error" role="alert">{crate::components::error_text(i18n.t(), &e)}</span> })}
                })}
            </div></td>
            <td role="cell" data-label=i18n.text(|t| t.col_subject) class="cell-subject"><div class="cell">{row.subject}</div></td>
            <td role="cell" data-label=i18n.text(|t| t.col_sender)><div class="cell">{row.sender}</div></td>
            {counterpart_heading(list).map(|heading| view! {
                <td role="cell" data-label=i18n.text(heading)><div class="cell">{other}</div></td>
            })}
            <td role="cell" data-label=i18n.text(|t| t.col_priority)><div class="cell"><PriorityBadge priority=row.priority/></div></td>
            <td role="cell" data-label=i18n.text(|t| t.col_due_date)><div class="cell">{move || due.clone().unwrap_or_else(|| i18n.t().none.to_owned())}</div></td>
            <td role="cell" data-label=i18n.text(when_heading(list))><div class="cell">{human_local(row.arrived_at)}</div></td>
        </tr>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn label(title: &str) -> PostLabel {
        PostLabel {
            title_en: title.into(),
            title_hi: title.into(),
            office_name_en: "Finance, Headquarters".into(),
            office_name_hi: "वित्त, मुख्यालय".into(),
        }
    }

    #[test]
    fn each_list_names_the_desk_that_matters_to_it() {
        let row: InboxEntry = serde_json::from_value(serde_json::json!({
            "receipt_id": "R-2026-0000000000000001",
            "diary_number": {"office": "FIN-HQ", "year": 2026, "serial": 1},
            "diary_number_text": "FIN-HQ/2026/1",
            "subject": "Audit para", "sender": "AG Haryana",
            "from_post": null, "from_label": null, "priority": "normal", "due_date": null,
            "arrived_at": "2026-11-23T10:00:00Z"
        }))
        .unwrap();
        assert_eq!(counterpart(&row, ReceiptDeskView::Inbox), Counterpart::DiarisedHere);
        assert_eq!(counterpart(&row, ReceiptDeskView::Sent), Counterpart::Unknown);
        assert!(counterpart_heading(ReceiptDeskView::Created).is_none());
        assert!(counterpart_heading(ReceiptDeskView::Closed).is_none());
        let (from, to) = (label("Clerk"), label("Section Officer"));
        let moved = InboxEntry {
            from_label: Some(from.clone()),
            to_label: Some(to.clone()),
            ..row
        };
        assert_eq!(counterpart(&moved, ReceiptDeskView::Sent), Counterpart::Desk(&to));
        assert_eq!(counterpart(&moved, ReceiptDeskView::Inbox), Counterpart::Desk(&from));
    }

    #[test]
    fn inbox_addresses_name_only_what_differs_from_the_defaults() {
        assert_eq!(inbox_href(None, Tab::Receipts, DeskView::Parked), "/inbox");
        assert_eq!(
            inbox_href(Some("FIN-HQ-SO"), Tab::Receipts, DeskView::Inbox),
            "/inbox?post=FIN-HQ-SO"
        );
        assert_eq!(inbox_href(None, Tab::Files, DeskView::Inbox), "/inbox?tab=files");
        assert_eq!(
            inbox_href(Some("FIN-HQ-SO"), Tab::Files, DeskView::Sent),
            "/inbox?tab=files&view=sent&post=FIN-HQ-SO"
        );
    }

    #[test]
    fn arrow_keys_move_between_the_two_tabs() {
        assert_eq!(Tab::Files.after_key("ArrowRight"), Some(Tab::Receipts));
        assert_eq!(Tab::Receipts.after_key("ArrowRight"), Some(Tab::Files));
        assert_eq!(Tab::Receipts.after_key("ArrowLeft"), Some(Tab::Files));
        assert_eq!(Tab::Receipts.after_key("Home"), Some(Tab::Files));
        assert_eq!(Tab::Files.after_key("End"), Some(Tab::Receipts));
        assert_eq!(Tab::Files.after_key("Enter"), None);
    }
}
