//! Pendency with ageing: each desk of an office with its pending files and receipts, oldest
//! first, counted in the 0–7, 8–15, 16–30 and over-30-day buckets.

use super::{starting_scope, Offer, ReportTools, ScopePicker};
use crate::api::{self, reports, ApiError};
use crate::components::{ErrorList, Loading};
use crate::format::human_date;
use crate::i18n::use_i18n;
use crate::pages::use_page_title;
use daftar_domain::local_time::office_date;
use daftar_domain::reports::{AgeingReport, DeskAgeing, ItemKind, AGE_BUCKETS, DESK_LIST_ROWS};
use leptos::prelude::*;
use leptos_router::components::A;

/// The page, for `/reports/pendency`.
#[component]
pub fn PendencyReportPage() -> impl IntoView {
    let i18n = use_i18n();
    use_page_title(|t| t.reports.pendency_title);
    let scope = RwSignal::new(starting_scope(true));
    let report = LocalResource::new(move || {
        let scope = scope.get();
        async move {
            if scope.dept.is_none() && scope.office.is_none() {
                return Ok(None);
            }
            api::reports::pendency(&scope).await.map(Some)
        }
    });
    let csv = Signal::derive(move || {
        let scope = scope.get();
        (scope.dept.is_some() || scope.office.is_some())
            .then(|| reports::csv_href(reports::PENDENCY, &reports::pendency_pairs(&scope), i18n.locale()))
    });
    view! {
        <section class="page report-page">
            <h1 id="report-heading">{i18n.text(|t| t.reports.pendency_title)}</h1>
            <ScopePicker scope offer=Offer::Offices/>
            <ReportTools csv/>
            <Transition fallback=|| view! { <Loading/> }>
                <ErrorBoundary fallback=|errors| view! { <ErrorList errors/> }>
                    {move || report.get().map(|result: Result<Option<AgeingReport>, ApiError>| {
                        result.map(|report| report.map(|report| view! { <Ageing report/> }))
                    })}
                </ErrorBoundary>
            </Transition>
        </section>
    }
}

#[component]
fn Ageing(report: AgeingReport) -> impl IntoView {
    let i18n = use_i18n();
    let (name_en, name_hi) = (report.name_en.clone(), report.name_hi.clone());
    let date = human_date(report.date);
    let heading = move || {
        format!(
            "{} — {}",
            i18n.pick(&name_en, &name_hi),
            i18n.t().reports.as_on.replace("{date}", &date)
        )
    };
    let (files, receipts) = (report.files, report.receipts);
    if report.desks.is_empty() {
        return view! {
            <h2>{heading}</h2>
            <p class="empty-state">{i18n.text(|t| t.reports.nothing_pending)}</p>
        }
        .into_any();
    }
    view! {
        <h2>{heading}</h2>
        <table class="data-table report-table report-buckets">
            <thead>
                <tr>
                    <td></td>
                    {(0..AGE_BUCKETS).map(|n| view! { <th scope="col">{move || i18n.t().reports.buckets[n]}</th> }).collect_view()}
                </tr>
            </thead>
            <tbody>
                <tr>
                    <th scope="row">{i18n.text(|t| t.reports.files)}</th>
                    {files.into_iter().map(|n| view! { <td class="num">{n}</td> }).collect_view()}
                </tr>
                <tr>
                    <th scope="row">{i18n.text(|t| t.reports.receipts)}</th>
                    {receipts.into_iter().map(|n| view! { <td class="num">{n}</td> }).collect_view()}
                </tr>
            </tbody>
        </table>
        {report.desks.into_iter().map(|desk| view! { <Desk desk/> }).collect_view()}
    }
    .into_any()
}

#[component]
fn Desk(desk: DeskAgeing) -> impl IntoView {
    let i18n = use_i18n();
    let id = format!("desk-{}", desk.post);
    let (title_en, title_hi) = (desk.title_en, desk.title_hi);
    let (holder_en, holder_hi) = (desk.holder_en, desk.holder_hi);
    let title = move || {
        let holder = match (&holder_en, &holder_hi) {
            (Some(en), Some(hi)) => i18n.pick(en, hi).to_owned(),
            (Some(en), None) => en.clone(),
            _ => i18n.t().reports.vacant.to_owned(),
        };
        format!("{} — {holder}", i18n.pick(&title_en, &title_hi))
    };
    let truncated = desk.truncated;
    let (section_label, heading_id) = (id.clone(), id.clone());
    view! {
        <section class="report-desk" aria-labelledby=section_label>
            <h3 id=heading_id>{title}</h3>
            <Show when=move || truncated>
                <p class="notice">{move || i18n.t().reports.truncated.replace("{n}", &DESK_LIST_ROWS.to_string())}</p>
            </Show>
            <table class="data-table report-table" aria-labelledby=id>
                <thead>
                    <tr>
                        <th scope="col">{i18n.text(|t| t.reports.kind)}</th>
                        <th scope="col">{i18n.text(|t| t.reports.number)}</th>
                        <th scope="col">{i18n.text(|t| t.reports.subject)}</th>
                        <th scope="col">{i18n.text(|t| t.reports.since)}</th>
                        <th scope="col">{i18n.text(|t| t.reports.days_pending)}</th>
                        <th scope="col">{i18n.text(|t| t.reports.age)}</th>
                    </tr>
                </thead>
                <tbody>
                    {desk.items.into_iter().map(|item| {
                        let (kind, href) = match item.kind {
                            ItemKind::File => ((|t: &crate::i18n::Texts| t.reports.kind_file) as fn(&crate::i18n::Texts) -> &'static str, format!("/files/{}", item.id)),
                            ItemKind::Receipt => ((|t: &crate::i18n::Texts| t.reports.kind_receipt) as fn(&crate::i18n::Texts) -> &'static str, format!("/receipts/{}", item.id)),
                        };
                        let bucket = usize::from(item.bucket).min(AGE_BUCKETS - 1);
                        view! {
                            <tr class=format!("age-{bucket}")>
                                <td>{i18n.text(kind)}</td>
                                <td><A href=href>{item.number}</A></td>
                                <td>{item.subject}</td>
                                <td>{human_date(office_date(item.since))}</td>
                                <td class="num">{item.days}</td>
                                <td>{move || i18n.t().reports.buckets[bucket]}</td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </section>
    }
}
