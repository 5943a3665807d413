//! `/admin`: the departments (add, rename, open one for its offices), the way to an employee's
//! roles, and links to the leave rules, the holidays and the audit log.

use super::{
    admin_table, name_fields, named_row, text_field, AdminForm, AdminOnly, Complaint, Label, Outcome, OutcomeLine,
    Problems,
};
use crate::api::admin::Renamed;
use crate::api::{self};
use crate::components::fields::{from_wire_name, wire_name};
use crate::components::Loading;
use crate::i18n::use_i18n;
use crate::pages::pims::refusal;
use crate::pages::use_page_title;
use daftar_domain::admin::wire::DepartmentView;
use daftar_domain::admin::DepartmentForm;
use daftar_domain::org::DeptKind;
use daftar_domain::EmployeeId;
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;

/// `/admin`.
#[component]
pub fn AdminPage() -> impl IntoView {
    use_page_title(|t| t.admin.title);
    view! {
        <AdminOnly>
            <AdminHome/>
        </AdminOnly>
    }
}

/// The page itself, for administrators.
#[component]
fn AdminHome() -> impl IntoView {
    let i18n = use_i18n();
    let outcome = Outcome::provide();
    let departments = LocalResource::new(move || {
        outcome.track();
        api::admin::departments()
    });
    view! {
        <section class="page admin-page">
            <h1>{i18n.text(|t| t.admin.title)}</h1>
            <p class="hint">{i18n.text(|t| t.admin.intro)}</p>
            <nav aria-labelledby="admin-links-heading">
                <h2 id="admin-links-heading" class="visually-hidden">{i18n.text(|t| t.admin.links_heading)}</h2>
                <ul class="admin-links">
                    <li><A href="/admin/leave-rules">{i18n.text(|t| t.admin.rules_title)}</A></li>
                    <li><A href="/admin/holidays">{i18n.text(|t| t.admin.holidays_title)}</A></li>
                    <li><A href="/people/audit">{i18n.text(|t| t.admin.audit_link)}</A></li>
                </ul>
            </nav>
            <OutcomeLine outcome/>
            <h2 id="departments-heading">{i18n.text(|t| t.admin.departments_heading)}</h2>
            <Transition fallback=Loading>
                {move || departments.get().map(|result| match result {
                    Ok(list) => view! { <DepartmentTable list=list.departments/> }.into_any(),
                    Err(error) => refusal(error).into_any(),
                })}
            </Transition>
            <AddDepartment/>
            <RolesLookup/>
        </section>
    }
}

/// The departments, each linking to its offices, with an inline rename.
#[component]
fn DepartmentTable(list: Vec<DepartmentView>) -> impl IntoView {
    let open = RwSignal::new(None::<String>);
    let columns: Vec<Label> = vec![
        |t| t.admin.code,
        |t| t.admin.name_en,
        |t| t.admin.name_hi,
        |t| t.admin.kind,
        |t| t.admin.col_actions,
    ];
    admin_table(
        list,
        "departments-heading",
        columns,
        |t| t.admin.no_departments,
        move |view| department_row(view, open),
    )
}

fn department_row(view: DepartmentView, open: RwSignal<Option<String>>) -> impl IntoView {
    let i18n = use_i18n();
    let DepartmentView { department, version } = view;
    let kind = department.kind;
    let href = format!("/admin/departments/{}", department.code);
    let kind_cell = view! { <td data-label=i18n.text(|t| t.admin.kind)>{move || i18n.t().dept_kind(kind)}</td> };
    named_row(
        Renamed::Department(department.code),
        version,
        (department.name_en, department.name_hi),
        Some(href),
        kind_cell,
        open,
    )
}

/// The form that adds a department or corporation.
#[component]
fn AddDepartment() -> impl IntoView {
    let i18n = use_i18n();
    let form = AdminForm::new("add-dept").creating("code");
    let code = RwSignal::new(String::new());
    let en = RwSignal::new(String::new());
    let hi = RwSignal::new(String::new());
    let kind = RwSignal::new(DeptKind::Department);
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let body = DepartmentForm {
            code: code.get_untracked(),
            name_en: en.get_untracked(),
            name_hi: hi.get_untracked(),
            kind: kind.get_untracked(),
        };
        if let Err(refusal) = body.parse() {
            form.refuse(refusal);
            return;
        }
        form.add(
            body,
            |body, key| async move { api::admin::create_department(&body, &key).await },
            vec![code, en, hi],
        );
    };
    let kind_id = form.id("kind");
    let options = move || {
        [DeptKind::Department, DeptKind::Corporation]
            .into_iter()
            .map(|k| view! { <option value=wire_name(&k) prop:selected=move || kind.get() == k>{move || i18n.t().dept_kind(k)}</option> })
            .collect_view()
    };
    view! {
        <h2 id="add-dept-heading">{i18n.text(|t| t.admin.add_department)}</h2>
        <form class="page-form admin-form" aria-labelledby="add-dept-heading" on:submit=submit novalidate=true>
            <Problems form/>
            <div class="field-row">
                {text_field(form, "code", |t| t.admin.dept_code, code, Some(|t| t.admin.dept_code_hint), None)}
                <div class="field">
                    <label for=kind_id.clone()>{i18n.text(|t| t.admin.kind)}</label>
                    <select id=kind_id on:change=move |ev| if let Some(k) = from_wire_name(&event_target_value(&ev)) { kind.set(k) }>
                        {options}
                    </select>
                </div>
            </div>
            {name_fields(form, en, hi, false)}
            <div class="actions">
                <button type="submit" class="button-primary" disabled=move || form.busy.get()>{i18n.text(|t| t.admin.add_department_button)}</button>
            </div>
        </form>
    }
}

/// Finds an employee by ID and opens their roles.
#[component]
fn RolesLookup() -> impl IntoView {
    let i18n = use_i18n();
    let navigate = use_navigate();
    let form = AdminForm::new("roles-lookup");
    let wanted = RwSignal::new(String::new());
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        form.clear();
        match EmployeeId::parse(&wanted.get_untracked()) {
            Ok(id) => navigate(&format!("/admin/employees/{id}/roles"), Default::default()),
            Err(_) => {
                form.complain(Some("employee"), Complaint::said(|t| t.pims.bad_employee_id.to_owned()));
                form.passes();
            }
        }
    };
    view! {
        <h2 id="roles-lookup-heading">{i18n.text(|t| t.admin.roles_heading)}</h2>
        <form class="people-form" aria-labelledby="roles-lookup-heading" on:submit=submit novalidate=true>
            <Problems form/>
            {text_field(form, "employee", |t| t.pims.employee_id, wanted, None, None)}
            <div class="actions">
                <button type="submit" class="button-secondary">{i18n.text(|t| t.admin.show_roles)}</button>
            </div>
        </form>
    }
}
