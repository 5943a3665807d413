//! Month-wise movement: files and receipts created, received and forwarded in each month of a
//! year, for the state, a department or an office.

use super::month_table::{month_table, MonthRow, MonthTableLayout};
use super::{starting_scope, Offer, ReportTools, ScopePicker};
use crate::api::{self, reports, ApiError};
use crate::components::{ErrorList, Loading};
use crate::format::today;
use crate::i18n::use_i18n;
use crate::pages::use_page_title;
use daftar_domain::reports::{Flow, MonthlyReport};
use leptos::prelude::*;

/// The page, for `/reports/monthly`.
#[component]
pub fn MonthlyReportPage() -> impl IntoView {
    let i18n = use_i18n();
    use_page_title(|t| t.reports.monthly_title);
    let scope = RwSignal::new(starting_scope(false));
    let year = RwSignal::new(today().year());
    let report = LocalResource::new(move || {
        let (scope, year) = (scope.get(), year.get());
        async move { api::reports::monthly(&scope, year).await }
    });
    let csv = Signal::derive(move || {
        Some(reports::csv_href(
            reports::MONTHLY,
            &reports::monthly_pairs(&scope.get(), year.get()),
            i18n.locale(),
        ))
    });
    let choose_year = move |ev: leptos::ev::Event| {
        if let Ok(y) = event_target_value(&ev).trim().parse::<i32>() {
            year.set(y);
        }
    };
    view! {
        <section class="page report-page">
            <h1 id="report-heading">{i18n.text(|t| t.reports.monthly_title)}</h1>
            <ScopePicker scope offer=Offer::DepartmentsAndOffices/>
            <div class="field field-inline no-print">
                <label for="report-year">{i18n.text(|t| t.reports.year)}</label>
                <input id="report-year" type="number" min="2000" max="2200" inputmode="numeric"
                    prop:value=move || year.get().to_string() on:change=choose_year/>
            </div>
            <ReportTools csv/>
            <Transition fallback=|| view! { <Loading/> }>
                <ErrorBoundary fallback=|errors| view! { <ErrorList errors/> }>
                    {move || report.get().map(|result: Result<MonthlyReport, ApiError>| result.map(monthly_table))}
                </ErrorBoundary>
            </Transition>
        </section>
    }
}

fn monthly_table(report: MonthlyReport) -> impl IntoView {
    let rows = report.months.into_iter().map(|m| MonthRow {
        month: m.month,
        files: m.files,
        receipts: m.receipts,
    });
    let layout = MonthTableLayout {
        columns: &[|t| t.reports.created, |t| t.reports.received, |t| t.reports.forwarded],
        with_year: false,
        cells: |flow| view! { <FlowCells flow/> },
    };
    month_table(
        report.scope,
        report.year.to_string(),
        rows.collect(),
        (report.files, report.receipts),
        layout,
    )
}

#[component]
fn FlowCells(flow: Flow) -> impl IntoView {
    view! {
        <td class="num">{flow.created}</td>
        <td class="num">{flow.received}</td>
        <td class="num">{flow.forwarded}</td>
    }
}
