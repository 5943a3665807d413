//! The departmental summary: pendency, ageing and this month's movement per department and
//! district office, or per office of one department.

use super::{starting_scope, stay, Offer, ReportTools, ScopePicker};
use crate::api::{self, reports, ApiError};
use crate::components::{ErrorList, Loading};
use crate::format::human_date;
use crate::i18n::use_i18n;
use crate::pages::use_page_title;
use daftar_domain::reports::{SummaryFigures, SummaryReport, SummaryRow, SummaryRowKind};
use leptos::prelude::*;

/// The summary page, for `/reports/summary`.
#[component]
pub fn SummaryReportPage() -> impl IntoView {
    let i18n = use_i18n();
    use_page_title(|t| t.reports.summary_title);
    let scope = RwSignal::new(starting_scope(false));
    let report = LocalResource::new(move || {
        let dept = scope.with(|s| s.dept.clone());
        async move { api::reports::summary(dept.as_ref()).await }
    });
    let csv = Signal::derive(move || {
        let dept = scope.with(|s| s.dept.clone());
        Some(reports::csv_href(
            reports::SUMMARY,
            &reports::summary_pairs(dept.as_ref()),
            i18n.locale(),
        ))
    });
    view! {
        <section class="page report-page">
            <h1 id="report-heading">{i18n.text(|t| t.reports.summary_title)}</h1>
            <ScopePicker scope offer=Offer::Departments/>
            <ReportTools csv/>
            <Transition fallback=|| view! { <Loading/> }>
                <ErrorBoundary fallback=|errors| view! { <ErrorList errors/> }>
                    {move || report.get().map(|result: Result<SummaryReport, ApiError>| result.map(|report| view! { <SummaryTable report/> }))}
                </ErrorBoundary>
            </Transition>
        </section>
    }
}

#[component]
fn SummaryTable(report: SummaryReport) -> impl IntoView {
    let i18n = use_i18n();
    let date = human_date(report.date);
    let as_on = move || i18n.t().reports.as_on.replace("{date}", &date);
    view! {
        <p class="report-date">{as_on}</p>
        <div class="table-scroll">
            <table class="data-table report-table" aria-labelledby="report-heading">
                <thead>
                    <tr>
                        <th scope="col" rowspan="2">{i18n.text(|t| t.reports.scope)}</th>
                        <th scope="colgroup" colspan="8">{i18n.text(|t| t.reports.files)}</th>
                        <th scope="colgroup" colspan="8">{i18n.text(|t| t.reports.receipts)}</th>
                    </tr>
                    <tr>
                        {(0..2).map(|_| view! { <FigureHeadings/> }).collect_view()}
                    </tr>
                </thead>
                <tbody>
                    {report.rows.into_iter().map(|row| view! { <SummaryLine row/> }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}

#[component]
fn FigureHeadings() -> impl IntoView {
    let i18n = use_i18n();
    let columns: [fn(&crate::i18n::Texts) -> &'static str; 8] = [
        |t| t.reports.pending,
        |t| t.reports.over_7,
        |t| t.reports.over_15,
        |t| t.reports.over_30,
        |t| t.reports.created_month,
        |t| t.reports.received_month,
        |t| t.reports.forwarded_month,
        |t| t.reports.average_stay,
    ];
    columns
        .into_iter()
        .map(|label| view! { <th scope="col">{i18n.text(label)}</th> })
        .collect_view()
}

#[component]
fn SummaryLine(row: SummaryRow) -> impl IntoView {
    let i18n = use_i18n();
    let kind = row.kind;
    let class = if kind == SummaryRowKind::Total {
        "report-total"
    } else {
        ""
    };
    let (name_en, name_hi) = (row.name_en, row.name_hi);
    let name = move || {
        let t = i18n.t();
        let name = i18n.pick(&name_en, &name_hi).to_owned();
        match kind {
            SummaryRowKind::Total => format!("{} — {name}", t.reports.total),
            SummaryRowKind::District => format!("{name} ({})", t.reports.district),
            _ => name,
        }
    };
    view! {
        <tr class=class>
            <th scope="row">{name}</th>
            <FigureCells figures=row.files/>
            <FigureCells figures=row.receipts/>
        </tr>
    }
}

#[component]
fn FigureCells(figures: SummaryFigures) -> impl IntoView {
    let i18n = use_i18n();
    let average = figures.average_stay_seconds;
    view! {
        <td class="num">{figures.pending}</td>
        <td class="num">{figures.over[0]}</td>
        <td class="num">{figures.over[1]}</td>
        <td class="num">{figures.over[2]}</td>
        <td class="num">{figures.created_month}</td>
        <td class="num">{figures.received_month}</td>
        <td class="num">{figures.forwarded_month}</td>
        <td>{move || stay(i18n.t(), average)}</td>
    }
}
