//! The inbox: receipts waiting at one of the signed-in official's posts, newest first.

use super::use_page_title;
use crate::api;
use crate::components::{ErrorList, LoadMoreFooter, Loading, MorePages, PriorityBadge};
use crate::format::{human_date, human_local};
use crate::i18n::{use_i18n, I18n};
use crate::session::use_session;
use daftar_domain::wire::{InboxEntry, PostSummary};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_query_map};

/// A post as people name it: `Section Officer (Budget), Finance, Headquarters`.
pub(crate) fn post_label(i18n: I18n, post: &PostSummary) -> String {
    format!(
        "{}, {}",
        i18n.pick(&post.title_en, &post.title_hi),
        i18n.pick(&post.office_name_en, &post.office_name_hi)
    )
}

/// The inbox page. `?post=` chooses among the user's posts; the first is the default.
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
    let first_page = LocalResource::new(move || {
        let post = selected.get();
        async move {
            match post {
                Some(post) => api::inbox(&post.id, None).await.map(Some),
                None => Ok(None),
            }
        }
    });
    let more = MorePages::<InboxEntry>::new();
    Effect::new(move |_| {
        selected.track();
        more.reset();
    });

    let choose_post = move |ev: leptos::ev::Event| {
        let id = event_target_value(&ev);
        navigate(
            &format!("/inbox?post={}", js_sys::encode_uri_component(&id)),
            Default::default(),
        );
    };

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

    view! {
        <section class="page">
            <h1 id="inbox-heading">{i18n.text(|t| t.inbox_title)}</h1>
            {post_picker}
            <Transition fallback=Loading>
                <ErrorBoundary fallback=move |errors| view! { <ErrorList errors retry=Callback::new(move |_| first_page.refetch())/> }>
                    {move || Suspend::new(async move {
                        first_page.await.map(|page| page.map(|page| view! { <InboxTable rows=page.items next=page.next_cursor more selected/> }))
                    })}
                </ErrorBoundary>
            </Transition>
        </section>
    }
}

/// The table of waiting receipts, with the rows of further pages and "Load more".
#[component]
fn InboxTable(
    rows: Vec<InboxEntry>,
    next: Option<String>,
    more: MorePages<InboxEntry>,
    selected: Memo<Option<PostSummary>>,
) -> impl IntoView {
    let i18n = use_i18n();
    if rows.is_empty() {
        return view! { <p class="empty-state">{i18n.text(|t| t.inbox_empty)}</p> }.into_any();
    }
    let load_more = {
        let next = next.clone();
        move |_| {
            let Some(post) = selected.get_untracked() else { return };
            if let Some(cursor) = more.next_cursor(next.clone()) {
                more.load(cursor, move |cursor| async move {
                    api::inbox(&post.id, Some(&cursor)).await
                });
            }
        }
    };
    let has_more = Signal::derive(move || more.next_cursor(next.clone()).is_some());
    // Explicit ARIA roles keep the table's semantics when narrow screens restyle it as cards
    // (some browsers drop them when a table's display changes).
    view! {
        <table class="data-table" role="table" aria-labelledby="inbox-heading">
            <thead role="rowgroup">
                <tr role="row">
                    <th scope="col" role="columnheader">{i18n.text(|t| t.col_diary_number)}</th>
                    <th scope="col" role="columnheader">{i18n.text(|t| t.col_subject)}</th>
                    <th scope="col" role="columnheader">{i18n.text(|t| t.col_sender)}</th>
                    <th scope="col" role="columnheader">{i18n.text(|t| t.col_from)}</th>
                    <th scope="col" role="columnheader">{i18n.text(|t| t.col_priority)}</th>
                    <th scope="col" role="columnheader">{i18n.text(|t| t.col_due_date)}</th>
                    <th scope="col" role="columnheader">{i18n.text(|t| t.col_arrived)}</th>
                </tr>
            </thead>
            <tbody role="rowgroup">
                {rows.into_iter().map(|row| view! { <InboxRow row/> }).collect_view()}
                <For each=move || more.items.get() key=|row| row.receipt_id.clone() let:row>
                    <InboxRow row/>
                </For>
            </tbody>
        </table>
        <LoadMoreFooter more has_more on_load=Callback::new(load_more)/>
    }
    .into_any()
}

/// One waiting receipt.
#[component]
fn InboxRow(row: InboxEntry) -> impl IntoView {
    let i18n = use_i18n();
    let href = format!("/receipts/{}", row.receipt_id);
    let from = row.from_label;
    let due = row.due_date.map(human_date);
    let row_class = if row.priority > daftar_domain::receipt::Priority::Normal {
        "row-priority"
    } else {
        ""
    };
    view! {
        <tr role="row" class=row_class>
            <td role="cell" data-label=i18n.text(|t| t.col_diary_number)><div class="cell">
                <A href=href>{row.diary_number_text}</A>
            </div></td>
            <td role="cell" data-label=i18n.text(|t| t.col_subject) class="cell-subject"><div class="cell">{row.subject}</div></td>
            <td role="cell" data-label=i18n.text(|t| t.col_sender)><div class="cell">{row.sender}</div></td>
            <td role="cell" data-label=i18n.text(|t| t.col_from)><div class="cell">
                {move || from.as_ref().map_or_else(|| i18n.t().diarised_here.to_owned(), |label| i18n.post_label(label))}
            </div></td>
            <td role="cell" data-label=i18n.text(|t| t.col_priority)><div class="cell"><PriorityBadge priority=row.priority/></div></td>
            <td role="cell" data-label=i18n.text(|t| t.col_due_date)><div class="cell">{move || due.clone().unwrap_or_else(|| i18n.t().none.to_owned())}</div></td>
            <td role="cell" data-label=i18n.text(|t| t.col_arrived)><div class="cell">{human_local(row.arrived_at)}</div></td>
        </tr>
    }
}
