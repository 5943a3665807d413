//! My files pending with others: what the caller's desks sent or opened that waits elsewhere.

use super::ReportTools;
use crate::api::{self, reports};
use crate::components::{paged_table, PagedRows};
use crate::format::human_date;
use crate::i18n::{use_i18n, Texts};
use crate::pages::use_page_title;
use daftar_domain::local_time::office_date;
use daftar_domain::reports::PendingElsewhere;
use leptos::prelude::*;
use leptos_router::components::A;

/// The page, for `/reports/my-files`: one page of the lists at a time, "Load more" for the next.
#[component]
pub fn MyFilesReportPage() -> impl IntoView {
    let i18n = use_i18n();
    use_page_title(|t| t.reports.my_files_title);
    let list = PagedRows::<PendingElsewhere>::new();
    let load = move |more: bool| {
        let fetch = move |cursor: Option<String>| async move { api::reports::my_files(cursor.as_deref()).await };
        list.read(more, fetch);
    };
    load(false);
    let csv = Signal::derive(move || Some(reports::csv_href(reports::MY_FILES, &[], i18n.locale())));
    let columns: Vec<fn(&Texts) -> &'static str> = vec![
        |t| t.reports.file_number,
        |t| t.reports.subject,
        |t| t.reports.my_desk,
        |t| t.reports.sent_on,
        |t| t.reports.pending_with,
        |t| t.reports.since,
        |t| t.reports.days_pending,
    ];
    let table = paged_table(
        list,
        "report-heading",
        columns,
        |t| t.reports.nothing_elsewhere,
        |_, item| view! { <MyFileRow item/> },
        move || load(true),
    );
    view! {
        <section class="page report-page">
            <h1 id="report-heading">{i18n.text(|t| t.reports.my_files_title)}</h1>
            <ReportTools csv/>
            {table}
        </section>
    }
}

#[component]
fn MyFileRow(item: PendingElsewhere) -> impl IntoView {
    let i18n = use_i18n();
    let href = format!("/files/{}", item.file_id);
    let label = item.holder_label.clone();
    let holder_id = item.holder.to_string();
    let holder = move || match &label {
        Some(l) => format!(
            "{}, {}",
            i18n.pick(&l.title_en, &l.title_hi),
            i18n.pick(&l.office_name_en, &l.office_name_hi)
        ),
        None => holder_id.clone(),
    };
    view! {
        <tr role="row">
            <td><A href=href>{item.number}</A></td>
            <td>{item.subject}</td>
            <td class="code">{item.my_post.to_string()}</td>
            <td>{human_date(office_date(item.sent_at))}</td>
            <td>{holder}</td>
            <td>{human_date(office_date(item.held_since))}</td>
            <td class="num">{item.days_pending}</td>
        </tr>
    }
}
