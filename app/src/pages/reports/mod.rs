//! The reports: an index of the six, and the widgets their pages share (the scope pickers,
//! "Download CSV" and "Print").

mod ageing;
mod dispatch;
mod disposal;
mod mine;
mod month_table;
mod monthly;
mod summary;

pub use ageing::PendencyReportPage;
pub use dispatch::DispatchReportPage;
pub use disposal::DisposalReportPage;
pub use mine::MyFilesReportPage;
pub use monthly::MonthlyReportPage;
pub use summary::SummaryReportPage;

use super::use_page_title;
use crate::api::{self, reports::ReportScope};
use crate::i18n::{use_i18n, Texts};
use crate::session::use_session;
use daftar_domain::org::Role;
use daftar_domain::{DeptCode, OfficeCode};
use leptos::prelude::*;
use leptos_router::components::A;

/// A piece of text in the chosen language.
type Text = fn(&Texts) -> &'static str;

/// The reports, each with what it shows.
const REPORTS: [(&str, Text, Text); 6] = [
    (
        "/reports/summary",
        |t| t.reports.summary_title,
        |t| t.reports.summary_desc,
    ),
    (
        "/reports/my-files",
        |t| t.reports.my_files_title,
        |t| t.reports.my_files_desc,
    ),
    (
        "/reports/pendency",
        |t| t.reports.pendency_title,
        |t| t.reports.pendency_desc,
    ),
    (
        "/reports/monthly",
        |t| t.reports.monthly_title,
        |t| t.reports.monthly_desc,
    ),
    (
        "/reports/disposal",
        |t| t.reports.disposal_title,
        |t| t.reports.disposal_desc,
    ),
    (
        "/reports/dispatch",
        |t| t.reports.dispatch_title,
        |t| t.reports.dispatch_desc,
    ),
];

/// The reports index, for `/reports`.
#[component]
pub fn ReportsPage() -> impl IntoView {
    let i18n = use_i18n();
    use_page_title(|t| t.reports.index_title);
    view! {
        <section class="page reports-page">
            <h1>{i18n.text(|t| t.reports.index_title)}</h1>
            <p>{i18n.text(|t| t.reports.index_intro)}</p>
            <ul class="report-list">
                {REPORTS.into_iter().map(|(href, title, desc)| view! {
                    <li>
                        <A href=href>{i18n.text(title)}</A>
                        <p>{i18n.text(desc)}</p>
                    </li>
                }).collect_view()}
            </ul>
        </section>
    }
}

/// Whether the signed-in official watches the whole state (control room, administrators).
fn sees_the_state() -> bool {
    use_session()
        .me()
        .is_some_and(|me| me.roles.contains(&Role::ControlRoom) || me.roles.contains(&Role::Admin))
}

/// The scope a report starts on: the state for headquarters, otherwise the official's own
/// department (and, when `with_office`, their office).
pub(super) fn starting_scope(with_office: bool) -> ReportScope {
    if sees_the_state() && !with_office {
        return ReportScope::default();
    }
    let first = use_session().me().and_then(|me| me.posts.first().cloned());
    ReportScope {
        dept: first.as_ref().map(|p| p.dept.clone()),
        office: first.filter(|_| with_office).map(|p| p.office),
    }
}

/// What a scope picker offers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Offer {
    /// The state or a department (the summary).
    Departments,
    /// The state, a department or one of its offices.
    DepartmentsAndOffices,
    /// An office, or a department meaning its headquarters; never the state.
    Offices,
}

/// Department and office selects bound to a report's scope.
#[component]
pub(super) fn ScopePicker(scope: RwSignal<ReportScope>, offer: Offer) -> impl IntoView {
    let i18n = use_i18n();
    let departments = LocalResource::new(|| async { api::departments().await });
    let offices = LocalResource::new(move || {
        let dept = scope.with(|s| s.dept.clone());
        async move {
            match dept {
                Some(dept) if offer != Offer::Departments => api::offices(&dept).await.map(|l| l.offices),
                _ => Ok(Vec::new()),
            }
        }
    });
    let allow_state = offer != Offer::Offices && sees_the_state();
    let choose_dept = move |ev: leptos::ev::Event| {
        let dept = DeptCode::parse(&event_target_value(&ev)).ok();
        scope.set(ReportScope { dept, office: None });
    };
    let choose_office = move |ev: leptos::ev::Event| {
        let office = OfficeCode::parse(&event_target_value(&ev)).ok();
        scope.update(|s| s.office = office);
    };
    let dept_value = move || scope.with(|s| s.dept.as_ref().map(|d| d.to_string()).unwrap_or_default());
    let office_value = move || scope.with(|s| s.office.as_ref().map(|o| o.to_string()).unwrap_or_default());
    view! {
        <fieldset class="report-filters no-print">
            <legend>{i18n.text(|t| t.reports.filters)}</legend>
            <div class="field field-inline">
                <label for="report-dept">{i18n.text(|t| t.reports.department)}</label>
                <select id="report-dept" prop:value=dept_value on:change=choose_dept>
                    <Show when=move || allow_state>
                        <option value="">{i18n.text(|t| t.reports.all_departments)}</option>
                    </Show>
                    {move || departments.get().and_then(Result::ok).map(|list| list.departments.into_iter().map(|d| {
                        let code = d.code.to_string();
                        let selected = dept_value() == code;
                        view! { <option value=code selected=selected>{i18n.pick(&d.name_en, &d.name_hi).to_owned()}</option> }
                    }).collect_view())}
                </select>
            </div>
            <Show when=move || offer != Offer::Departments && scope.with(|s| s.dept.is_some())>
                <div class="field field-inline">
                    <label for="report-office">{i18n.text(|t| t.reports.office)}</label>
                    <select id="report-office" prop:value=office_value on:change=choose_office>
                        <option value="">{move || {
                            let t = i18n.t();
                            if offer == Offer::Offices { t.reports.choose_office } else { t.reports.whole_department }
                        }}</option>
                        {move || offices.get().and_then(Result::ok).map(|list| list.into_iter().map(|o| {
                            let code = o.code.to_string();
                            let selected = office_value() == code;
                            view! { <option value=code selected=selected>{i18n.pick(&o.name_en, &o.name_hi).to_owned()}</option> }
                        }).collect_view())}
                    </select>
                </div>
            </Show>
        </fieldset>
    }
}

/// "Download CSV" (in the language on screen) and "Print", above a report's table.
#[component]
pub(super) fn ReportTools(#[prop(into)] csv: Signal<Option<String>>) -> impl IntoView {
    let i18n = use_i18n();
    let print = move |_| {
        let _ = window().print();
    };
    view! {
        <div class="report-tools no-print">
            {move || csv.get().map(|href| view! {
                <a class="button-secondary" href=href download="">{i18n.text(|t| t.reports.download_csv)}</a>
            })}
            <button type="button" class="button-secondary" on:click=print>{i18n.text(|t| t.reports.print)}</button>
            <A href="/reports">{i18n.text(|t| t.reports.back_to_reports)}</A>
        </div>
    }
}

/// An average stay in words, or a dash when no stay ended.
pub(super) fn stay(t: &Texts, seconds: Option<i64>) -> String {
    seconds.map_or_else(|| "—".to_owned(), |s| t.duration(s))
}
