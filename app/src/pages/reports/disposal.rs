//! Disposal time: the average time files and receipts stayed at a desk, month by month.

use super::month_table::{month_table, MonthRow, MonthTableLayout};
use super::{starting_scope, stay, Offer, ReportTools, ScopePicker};
use crate::api::{self, reports, ApiError};
use crate::components::{ErrorList, Loading};
use crate::format::today;
use crate::i18n::use_i18n;
use crate::pages::use_page_title;
use daftar_domain::reports::{DisposalReport, Dwell, YearMonth};
use leptos::prelude::*;

/// The page, for `/reports/disposal`: the last twelve months unless others are chosen.
#[component]
pub fn DisposalReportPage() -> impl IntoView {
    let i18n = use_i18n();
    use_page_title(|t| t.reports.disposal_title);
    let scope = RwSignal::new(starting_scope(false));
    let this_month = YearMonth::of(today());
    let to = RwSignal::new(this_month);
    let from = RwSignal::new(this_month.back(11));
    let report = LocalResource::new(move || {
        let (scope, from, to) = (scope.get(), from.get(), to.get());
        async move { api::reports::disposal(&scope, from, to).await }
    });
    let csv = Signal::derive(move || {
        Some(reports::csv_href(
            reports::DISPOSAL,
            &reports::disposal_pairs(&scope.get(), from.get(), to.get()),
            i18n.locale(),
        ))
    });
    // `<input type=month>` speaks `YYYY-MM`, as the API does.
    let choose = move |month: RwSignal<YearMonth>| {
        move |ev: leptos::ev::Event| {
            if let Ok(m) = YearMonth::parse(&event_target_value(&ev)) {
                month.set(m);
            }
        }
    };
    view! {
        <section class="page report-page">
            <h1 id="report-heading">{i18n.text(|t| t.reports.disposal_title)}</h1>
            <ScopePicker scope offer=Offer::DepartmentsAndOffices/>
            <div class="field-row no-print">
                <div class="field field-inline">
                    <label for="report-from">{i18n.text(|t| t.reports.from_month)}</label>
                    <input id="report-from" type="month" prop:value=move || from.get().to_string() on:change=choose(from)/>
                </div>
                <div class="field field-inline">
                    <label for="report-to">{i18n.text(|t| t.reports.to_month)}</label>
                    <input id="report-to" type="month" prop:value=move || to.get().to_string() on:change=choose(to)/>
                </div>
            </div>
            <ReportTools csv/>
            <Transition fallback=|| view! { <Loading/> }>
                <ErrorBoundary fallback=|errors| view! { <ErrorList errors/> }>
                    {move || report.get().map(|result: Result<DisposalReport, ApiError>| result.map(disposal_table))}
                </ErrorBoundary>
            </Transition>
        </section>
    }
}

fn disposal_table(report: DisposalReport) -> impl IntoView {
    let period = format!("{} – {}", report.from, report.to);
    let rows = report.months.into_iter().map(|m| MonthRow {
        month: m.month,
        files: m.files,
        receipts: m.receipts,
    });
    let layout = MonthTableLayout {
        columns: &[|t| t.reports.stays, |t| t.reports.average_stay],
        with_year: true,
        cells: |dwell| view! { <DwellCells dwell/> },
    };
    month_table(
        report.scope,
        period,
        rows.collect(),
        (report.files, report.receipts),
        layout,
    )
}

#[component]
fn DwellCells(dwell: Dwell) -> impl IntoView {
    let i18n = use_i18n();
    let average = dwell.average_seconds;
    view! {
        <td class="num">{dwell.stays}</td>
        <td>{move || if dwell.stays == 0 { i18n.t().reports.no_stays.to_owned() } else { stay(i18n.t(), average) }}</td>
    }
}
