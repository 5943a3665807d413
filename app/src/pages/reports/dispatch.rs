//! The dispatch register as a report: an office and a year, printable and downloadable. (The
//! register's own page, where letters are marked dispatched, is `/offices/:office/dispatch`.)

use super::ReportTools;
use crate::api::{self, reports};
use crate::components::{paged_table, PagedRows};
use crate::format::{human_local, today};
use crate::i18n::{use_i18n, Texts};
use crate::pages::use_page_title;
use crate::session::use_session;
use daftar_domain::file::draft::{DispatchEntry, DispatchStatus};
use daftar_domain::OfficeCode;
use leptos::prelude::*;

/// The page, for `/reports/dispatch`: the register of an office the official keeps.
#[component]
pub fn DispatchReportPage() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    use_page_title(|t| t.reports.dispatch_title);
    let offices = move || {
        let mut offices: Vec<(OfficeCode, String, String)> = session
            .me()
            .map(|me| {
                me.posts
                    .into_iter()
                    .map(|p| (p.office, p.office_name_en, p.office_name_hi))
                    .collect()
            })
            .unwrap_or_default();
        offices.dedup_by(|a, b| a.0 == b.0);
        offices
    };
    let office = RwSignal::new(offices().first().map(|o| o.0.clone()));
    let year = RwSignal::new(today().year());
    let list = PagedRows::<DispatchEntry>::new();
    let load = move |more: bool| {
        let Some(office) = office.get_untracked() else { return };
        let year = year.get_untracked();
        let fetch =
            move |cursor: Option<String>| async move { api::reports::dispatch(&office, year, cursor.as_deref()).await };
        list.read(more, fetch);
    };
    Effect::new(move |_| {
        office.track();
        year.track();
        load(false);
    });
    let csv = Signal::derive(move || {
        office.get().map(|o| {
            reports::csv_href(
                &reports::dispatch_path(&o),
                &[("year", year.get().to_string())],
                i18n.locale(),
            )
        })
    });
    let choose_year = move |ev: leptos::ev::Event| {
        if let Ok(y) = event_target_value(&ev).trim().parse::<i32>() {
            year.set(y);
        }
    };
    let choose_office = move |ev: leptos::ev::Event| office.set(OfficeCode::parse(&event_target_value(&ev)).ok());
    let columns: Vec<fn(&Texts) -> &'static str> = vec![
        |t| t.col_dispatch_number,
        |t| t.col_subject,
        |t| t.addressees_label,
        |t| t.col_file,
        |t| t.col_issued,
        |t| t.col_dispatch_status,
    ];
    let table = paged_table(
        list,
        "report-heading",
        columns,
        |t| t.dispatch_empty,
        |_, entry| register_row(entry),
        move || load(true),
    );
    view! {
        <section class="page report-page">
            <h1 id="report-heading">{i18n.text(|t| t.reports.dispatch_title)}</h1>
            <div class="field-row no-print">
                <div class="field field-inline">
                    <label for="report-office">{i18n.text(|t| t.reports.office)}</label>
                    <select id="report-office" on:change=choose_office>
                        {move || offices().into_iter().map(|(code, en, hi)| {
                            let selected = office.get_untracked().as_ref() == Some(&code);
                            view! { <option value=code.to_string() selected=selected>{i18n.pick(&en, &hi).to_owned()}</option> }
                        }).collect_view()}
                    </select>
                </div>
                <div class="field field-inline">
                    <label for="report-year">{i18n.text(|t| t.reports.year)}</label>
                    <input id="report-year" type="number" min="2000" max="2200" inputmode="numeric"
                        prop:value=move || year.get().to_string() on:change=choose_year/>
                </div>
            </div>
            <ReportTools csv/>
            {table}
        </section>
    }
}

/// One letter of the register, as printed.
fn register_row(entry: DispatchEntry) -> impl IntoView {
    let addressees = entry
        .addressees
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("; ");
    let status = match &entry.status {
        DispatchStatus::Issued => String::new(),
        DispatchStatus::Dispatched { at, reference, .. } => format!("{} {}", human_local(*at), reference),
    };
    view! {
        <tr role="row">
            <td class="code">{entry.number_text}</td>
            <td>{entry.subject.to_string()}</td>
            <td>{addressees}</td>
            <td>{entry.file_number}</td>
            <td>{human_local(entry.issued_at)}</td>
            <td>{status}</td>
        </tr>
    }
}
