//! A desk's files: the Files tab of the inbox, with its lists (inbox, parked, sent, created,
//! closed), sorting and "Load more".

use crate::api;
use crate::components::fields::{from_wire_name, wire_name};
use crate::components::{ErrorList, LoadMoreFooter, Loading, MorePages, PriorityBadge};
use crate::format::{human_date, human_local};
use crate::i18n::{use_i18n, Texts};
use daftar_domain::wire::{DeskView, FileRow, PostSummary};
use leptos::prelude::*;
use leptos_router::components::A;
use serde::{Deserialize, Serialize};
use std::cmp::Reverse;

/// How the loaded rows are ordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DeskSort {
    #[default]
    Newest,
    Oldest,
    /// Most immediate first, then the nearest due date, then the newest.
    Priority,
}

impl DeskSort {
    const ALL: [DeskSort; 3] = [DeskSort::Newest, DeskSort::Oldest, DeskSort::Priority];

    fn label(self, t: &Texts) -> &'static str {
        match self {
            DeskSort::Newest => t.sort_newest,
            DeskSort::Oldest => t.sort_oldest,
            DeskSort::Priority => t.sort_priority,
        }
    }
}

/// Orders rows in place; equal rows keep their order.
pub fn sort_rows(rows: &mut [FileRow], sort: DeskSort) {
    match sort {
        DeskSort::Newest => rows.sort_by_key(|row| Reverse(row.at)),
        DeskSort::Oldest => rows.sort_by_key(|row| row.at),
        DeskSort::Priority => rows.sort_by_key(|row| {
            // `None` sorts after every date: a file with no due date is not the most pressing.
            let due = row.due_date.map_or((1, None), |d| (0, Some(d)));
            (Reverse(row.priority), due, Reverse(row.at))
        }),
    }
}

impl Texts {
    pub fn desk_view(&self, view: DeskView) -> &'static str {
        match view {
            DeskView::Inbox => self.view_inbox,
            DeskView::Parked => self.view_parked,
            DeskView::Sent => self.view_sent,
            DeskView::Created => self.view_created,
            DeskView::Closed => self.view_closed,
        }
    }

    fn desk_empty(&self, view: DeskView) -> &'static str {
        match view {
            DeskView::Inbox => self.files_empty_inbox,
            DeskView::Parked => self.files_empty_parked,
            DeskView::Sent => self.files_empty_sent,
            DeskView::Created => self.files_empty_created,
            DeskView::Closed => self.files_empty_closed,
        }
    }

    /// The header of the column naming the other desk.
    fn desk_counterpart(&self, view: DeskView) -> &'static str {
        match view {
            DeskView::Inbox | DeskView::Parked => self.col_from,
            DeskView::Sent => self.col_sent_to,
            DeskView::Created | DeskView::Closed => self.col_from_to,
        }
    }

    /// The header of the column saying when the row's event happened.
    fn desk_when(&self, view: DeskView) -> &'static str {
        match view {
            DeskView::Inbox => self.col_arrived,
            DeskView::Parked => self.col_parked_on,
            DeskView::Sent => self.col_sent_on,
            DeskView::Created => self.col_created_on,
            DeskView::Closed => self.col_closed_on,
        }
    }
}

/// The order the lists are offered in.
const VIEWS: [DeskView; 5] = [
    DeskView::Inbox,
    DeskView::Parked,
    DeskView::Sent,
    DeskView::Created,
    DeskView::Closed,
];

/// The Files tab for one post.
#[component]
pub fn FilesDesk(post: PostSummary, view: Memo<DeskView>, on_view: Callback<DeskView>) -> impl IntoView {
    let i18n = use_i18n();
    let sort = RwSignal::new(DeskSort::default());
    let post_id = post.id.clone();
    let first_page = LocalResource::new({
        let post_id = post_id.clone();
        move || {
            let (post_id, view) = (post_id.clone(), view.get());
            async move { api::desk_files(&post_id, view, None).await }
        }
    });
    let more = MorePages::<FileRow>::new();
    Effect::new(move |_| {
        view.track();
        more.reset();
    });

    let view_buttons = VIEWS
        .into_iter()
        .map(|v| {
            view! {
                <button type="button" class="segment" aria-pressed=move || (view.get() == v).to_string()
                    on:click=move |_| on_view.run(v)>
                    {move || i18n.t().desk_view(v)}
                </button>
            }
        })
        .collect_view();
    let sort_options = move || {
        DeskSort::ALL
            .into_iter()
            .map(|s| view! { <option value=wire_name(&s) prop:selected=move || sort.get() == s>{move || s.label(i18n.t())}</option> })
            .collect_view()
    };
    let new_file_href = format!("/files/new?post={}", js_sys::encode_uri_component(post_id.as_ref()));

    view! {
        <div class="desk-tools">
            <div class="segmented" role="group" aria-label=i18n.text(|t| t.files_show)>{view_buttons}</div>
            <div class="field field-inline field-compact">
                <label for="files-sort">{i18n.text(|t| t.sort_by)}</label>
                <select id="files-sort" on:change=move |ev| if let Some(s) = from_wire_name(&event_target_value(&ev)) { sort.set(s) }>
                    {sort_options}
                </select>
            </div>
            <A href=new_file_href attr:class="button-secondary button-link">{i18n.text(|t| t.new_file_link)}</A>
        </div>
        <Transition fallback=Loading>
            <ErrorBoundary fallback=move |errors| view! { <ErrorList errors retry=Callback::new(move |_| first_page.refetch())/> }>
                {move || {
                    let post_id = post_id.clone();
                    Suspend::new(async move {
                        first_page.await.map(|page| view! {
                            <FilesTable rows=page.items next=page.next_cursor more sort view=view.get_untracked() post=post_id/>
                        })
                    })
                }}
            </ErrorBoundary>
        </Transition>
    }
}

/// The rows of one list, sorted as chosen, with "Load more".
#[component]
fn FilesTable(
    rows: Vec<FileRow>,
    next: Option<String>,
    more: MorePages<FileRow>,
    sort: RwSignal<DeskSort>,
    view: DeskView,
    post: daftar_domain::PostId,
) -> impl IntoView {
    let i18n = use_i18n();
    if rows.is_empty() {
        return view! { <p class="empty-state">{move || i18n.t().desk_empty(view)}</p> }.into_any();
    }
    let (has_more, load_more) = more.continue_after(next, move |cursor| {
        let post = post.clone();
        async move { api::desk_files(&post, view, Some(&cursor)).await }
    });
    let all = move || {
        let mut all = rows.clone();
        all.extend(more.items.get());
        sort_rows(&mut all, sort.get());
        all
    };
    let when_sort = move || match sort.get() {
        DeskSort::Newest => Some("descending"),
        DeskSort::Oldest => Some("ascending"),
        DeskSort::Priority => None,
    };
    let priority_sort = move || (sort.get() == DeskSort::Priority).then_some("descending");
    let label = move || format!("{} — {}", i18n.t().files_tab, i18n.t().desk_view(view));
    // Explicit roles: see the receipts table.
    view! {
        <table class="data-table files-table" role="table" aria-label=label>
            <thead role="rowgroup">
                <tr role="row">
                    <th scope="col" role="columnheader">{i18n.text(|t| t.file_number)}</th>
                    <th scope="col" role="columnheader">{i18n.text(|t| t.col_subject)}</th>
                    <th scope="col" role="columnheader">{move || i18n.t().desk_counterpart(view)}</th>
                    <th scope="col" role="columnheader" aria-sort=priority_sort>{i18n.text(|t| t.col_priority)}</th>
                    <th scope="col" role="columnheader">{i18n.text(|t| t.col_due_date)}</th>
                    <th scope="col" role="columnheader" aria-sort=when_sort>{move || i18n.t().desk_when(view)}</th>
                </tr>
            </thead>
            <tbody role="rowgroup">
                <For each=all key=|row| row.file_id.clone() let:row>
                    <FileRowView row view/>
                </For>
            </tbody>
        </table>
        <LoadMoreFooter more has_more on_load=load_more/>
    }
    .into_any()
}

/// One file in a list. In the inbox, a file not yet opened is in bold and announced as unread.
#[component]
fn FileRowView(row: FileRow, view: DeskView) -> impl IntoView {
    let i18n = use_i18n();
    let unread = view == DeskView::Inbox && !row.opened;
    let href = format!("/files/{}", row.file_id);
    let counterpart = row.counterpart_label.clone();
    let counterpart_code = row.counterpart.as_ref().map(|p| p.to_string());
    let due = row.due_date.map(human_date);
    let class = match (unread, row.priority > daftar_domain::receipt::Priority::Normal) {
        (true, true) => "row-unread row-priority",
        (true, false) => "row-unread",
        (false, true) => "row-priority",
        (false, false) => "",
    };
    view! {
        <tr role="row" class=class>
            <td role="cell" data-label=i18n.text(|t| t.file_number)><div class="cell">
                {unread.then(|| view! {
                    <span class="unread-dot" aria-hidden="true"></span>
                    <span class="visually-hidden">{i18n.text(|t| t.unread)} " "</span>
                })}
                <A href=href>{row.number}</A>
            </div></td>
            <td role="cell" data-label=i18n.text(|t| t.col_subject) class="cell-subject"><div class="cell">{row.subject}</div></td>
            <td role="cell" data-label=move || i18n.t().desk_counterpart(view)><div class="cell">
                <span title=counterpart_code>
                    {move || counterpart.as_ref().map_or_else(|| i18n.t().none.to_owned(), |label| i18n.post_label(label))}
                </span>
            </div></td>
            <td role="cell" data-label=i18n.text(|t| t.col_priority)><div class="cell"><PriorityBadge priority=row.priority/></div></td>
            <td role="cell" data-label=i18n.text(|t| t.col_due_date)><div class="cell">{move || due.clone().unwrap_or_else(|| i18n.t().none.to_owned())}</div></td>
            <td role="cell" data-label=move || i18n.t().desk_when(view)><div class="cell">{human_local(row.at)}</div></td>
        </tr>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use daftar_domain::file::FileStatus;
    use daftar_domain::receipt::Priority;
    use daftar_domain::FileId;
    use time::macros::{date, datetime};
    use time::{Date, OffsetDateTime};

    fn row(name: &str, priority: Priority, due: Option<Date>, at: OffsetDateTime) -> FileRow {
        FileRow {
            file_id: FileId::parse(&format!("F-{name}-0000")).unwrap(),
            number: name.into(),
            subject: name.into(),
            counterpart: None,
            counterpart_label: None,
            priority,
            due_date: due,
            at,
            opened: true,
            status: FileStatus::Active,
        }
    }

    fn order(rows: &[FileRow]) -> Vec<&str> {
        rows.iter().map(|r| r.number.as_str()).collect()
    }

    #[test]
    fn rows_sort_by_date_either_way_and_by_priority() {
        let rows = vec![
            row("OLD", Priority::Normal, None, datetime!(2026-11-01 09:00 UTC)),
            row("URGENT", Priority::Urgent, None, datetime!(2026-11-02 09:00 UTC)),
            row(
                "IMMEDIATE",
                Priority::MostImmediate,
                None,
                datetime!(2026-11-03 09:00 UTC),
            ),
            row(
                "URGENT-DUE",
                Priority::Urgent,
                Some(date!(2026 - 11 - 20)),
                datetime!(2026-11-01 10:00 UTC),
            ),
            row("NEW", Priority::Normal, None, datetime!(2026-11-04 09:00 UTC)),
        ];
        let sorted = |sort| {
            let mut rows = rows.clone();
            sort_rows(&mut rows, sort);
            rows
        };
        assert_eq!(
            order(&sorted(DeskSort::Newest)),
            ["NEW", "IMMEDIATE", "URGENT", "URGENT-DUE", "OLD"]
        );
        assert_eq!(
            order(&sorted(DeskSort::Oldest)),
            ["OLD", "URGENT-DUE", "URGENT", "IMMEDIATE", "NEW"]
        );
        // Within a priority, a due date comes before none; then the newest first.
        assert_eq!(
            order(&sorted(DeskSort::Priority)),
            ["IMMEDIATE", "URGENT-DUE", "URGENT", "NEW", "OLD"]
        );
    }

    #[test]
    fn sort_choices_round_trip_through_option_values() {
        for sort in DeskSort::ALL {
            assert_eq!(from_wire_name::<DeskSort>(&wire_name(&sort)), Some(sort));
        }
    }
}
