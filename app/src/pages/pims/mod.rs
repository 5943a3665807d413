//! Personnel (PIMS): finding an employee, an office's staff, the employee's record and its edit,
//! transfers, bulk onboarding from a CSV file, the export, and the audit log. Looking people up
//! is open to every official; changes are the administrators' (the server decides; the pages
//! only leave out forms a non-administrator could not use).

mod audit;
mod onboard;
mod record;
mod transfer;

pub use audit::AuditLogPage;
pub use onboard::OnboardingPage;
pub use record::EmployeePage;
pub use transfer::TransferPage;

use crate::api::{self, ApiError};
use crate::components::{paged_table, PagedRows};
use crate::i18n::{fill, use_i18n, Texts};
use crate::pages::leave::refusal_text;
use crate::pages::use_page_title;
use crate::session::use_session;
use daftar_domain::org::Role;
use daftar_domain::pims::wire::DirectoryEntry;
use daftar_domain::{EmployeeId, OfficeCode};
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_query_map};

/// Whether the signed-in official is an administrator (tracked).
pub(crate) fn use_is_admin() -> impl Fn() -> bool + Copy + Send + Sync + 'static {
    let session = use_session();
    move || session.me().is_some_and(|me| me.roles.contains(&Role::Admin))
}

/// A refused or failed call, in the reader's language with the server's reason.
pub(crate) fn refusal(error: ApiError) -> impl IntoView {
    let i18n = use_i18n();
    view! { <p class="notice notice-error" role="alert">{move || refusal_text(i18n.locale(), &error)}</p> }
}

/// `/people`: find an employee by ID, list an office's staff, and the ways to the other pages.
#[component]
pub fn PeoplePage() -> impl IntoView {
    let i18n = use_i18n();
    use_page_title(|t| t.pims.people_title);
    let navigate = use_navigate();
    let query = use_query_map();
    let admin = use_is_admin();
    let wanted = RwSignal::new(String::new());
    let wanted_bad = RwSignal::new(false);
    let office_input = RwSignal::new(query.with_untracked(|q| q.get("office")).unwrap_or_default());
    let office_bad = RwSignal::new(false);
    let office = Memo::new(move |_| query.with(|q| q.get("office")).and_then(|o| OfficeCode::parse(&o).ok()));

    let open = {
        let navigate = navigate.clone();
        move |ev: SubmitEvent| {
            ev.prevent_default();
            match EmployeeId::parse(&wanted.get_untracked()) {
                Ok(id) => navigate(&format!("/people/{id}"), Default::default()),
                Err(_) => wanted_bad.set(true),
            }
        }
    };
    let show = move |ev: SubmitEvent| {
        ev.prevent_default();
        match OfficeCode::parse(&office_input.get_untracked()) {
            Ok(code) => {
                office_bad.set(false);
                navigate(&format!("/people?office={code}"), Default::default());
            }
            Err(_) => office_bad.set(true),
        }
    };

    view! {
        <section class="page people-page">
            <h1>{i18n.text(|t| t.pims.people_title)}</h1>
            <p class="hint">{i18n.text(|t| t.pims.people_intro)}</p>
            <Show when=admin fallback=move || view! { <p class="notice">{i18n.text(|t| t.pims.admin_only)}</p> }>
                <ul class="people-links">
                    <li><A href="/people/onboard">{i18n.text(|t| t.pims.onboard_link)}</A></li>
                    <li><A href="/people/transfer">{i18n.text(|t| t.pims.transfer_link)}</A></li>
                    <li><A href="/people/audit">{i18n.text(|t| t.pims.audit_link)}</A></li>
                </ul>
            </Show>

            <h2 id="find-heading">{i18n.text(|t| t.pims.find_heading)}</h2>
            <form class="people-form" aria-labelledby="find-heading" on:submit=open novalidate=true>
                <div class="field">
                    <label for="find-id">{i18n.text(|t| t.pims.employee_id)}</label>
                    <input id="find-id" type="text" autocomplete="off" class="input-code"
                        aria-describedby="find-id-error" aria-invalid=move || wanted_bad.get().to_string()
                        prop:value=move || wanted.get()
                        on:input=move |ev| { wanted.set(event_target_value(&ev)); wanted_bad.set(false); }/>
                    <p id="find-id-error" class="field-error">{move || wanted_bad.get().then(|| i18n.t().pims.bad_employee_id)}</p>
                </div>
                <div class="actions">
                    <button type="submit" class="button-primary">{i18n.text(|t| t.pims.open_record)}</button>
                </div>
            </form>

            <h2 id="staff-heading">{i18n.text(|t| t.pims.staff_heading)}</h2>
            <form class="people-form" aria-labelledby="staff-heading" on:submit=show novalidate=true>
                <div class="field">
                    <label for="staff-office">{i18n.text(|t| t.pims.office_code)}</label>
                    <input id="staff-office" type="text" autocomplete="off" class="input-code"
                        aria-describedby="staff-office-hint staff-office-error" aria-invalid=move || office_bad.get().to_string()
                        prop:value=move || office_input.get()
                        on:input=move |ev| { office_input.set(event_target_value(&ev).trim().to_uppercase()); office_bad.set(false); }/>
                    <p id="staff-office-hint" class="hint">{i18n.text(|t| t.pims.office_hint)}</p>
                    <p id="staff-office-error" class="field-error">{move || office_bad.get().then(|| i18n.t().pims.bad_office_code)}</p>
                </div>
                <div class="actions">
                    <button type="submit" class="button-secondary">{i18n.text(|t| t.pims.show_staff)}</button>
                </div>
            </form>
            {move || office.get().map(|office| view! { <StaffTable office/> })}
        </section>
    }
}

/// An office's staff, page by page, with the export in the reader's language.
#[component]
fn StaffTable(office: OfficeCode) -> impl IntoView {
    let i18n = use_i18n();
    let admin = use_is_admin();
    let rows = PagedRows::<DirectoryEntry>::new();
    let first = office.clone();
    rows.load(move |cursor| async move { api::pims::staff(&first, cursor.as_deref()).await });
    let more = {
        let office = office.clone();
        move || {
            let office = office.clone();
            rows.load_more(move |cursor| async move { api::pims::staff(&office, cursor.as_deref()).await });
        }
    };
    let caption = {
        let office = office.to_string();
        move || fill(i18n.t().pims.staff_caption, "{office}", &office)
    };
    let columns: Vec<fn(&Texts) -> &'static str> = vec![
        |t| t.pims.employee_id,
        |t| t.pims.col_name,
        |t| t.pims.col_designation,
        |t| t.pims.cadre,
        |t| t.pims.col_posts,
    ];
    let table = paged_table(
        rows,
        "staff-caption",
        columns,
        |t| t.pims.no_staff,
        |_, entry| staff_row(entry),
        more,
    );
    let code = office.to_string();
    let export = move || api::pims::export_href(&code, i18n.locale().tag());
    view! {
        <h3 id="staff-caption">{caption}</h3>
        {table}
        <Show when=admin>
            <p><a class="button-secondary" href=export.clone() download="">{i18n.text(|t| t.pims.export_office)}</a></p>
        </Show>
    }
}

/// One official of the office: ID (to their record), name, designation, cadre and posts.
fn staff_row(entry: DirectoryEntry) -> impl IntoView {
    let i18n = use_i18n();
    let id = entry.id.to_string();
    let posts = entry
        .posts
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(", ");
    let cadre = entry
        .cadre
        .as_ref()
        .map(ToString::to_string)
        .unwrap_or_else(|| "—".into());
    view! {
        <tr role="row">
            <th scope="row"><A href=format!("/people/{id}")>{id.clone()}</A></th>
            <td>{move || i18n.pick(&entry.name_en, &entry.name_hi).to_owned()}</td>
            <td>{move || i18n.pick(&entry.designation_en, &entry.designation_hi).to_owned()}</td>
            <td class="code">{cadre}</td>
            <td class="code">{posts}</td>
        </tr>
    }
}
