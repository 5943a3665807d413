//! `/admin/departments/:dept`: a department's offices (add, rename, open one for its sections
//! and posts).

use super::{
    admin_table, name_fields, named_row, text_field, AdminForm, AdminOnly, Label, Outcome, OutcomeLine, Problems,
};
use crate::api;
use crate::api::admin::Renamed;
use crate::components::Loading;
use crate::i18n::{fill, use_i18n, Texts};
use crate::pages::pims::refusal;
use crate::pages::use_page_title;
use daftar_domain::admin::wire::OfficeView;
use daftar_domain::admin::OfficeForm;
use daftar_domain::org::OfficeKind;
use daftar_domain::DeptCode;
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

/// `/admin/departments/:dept`.
#[component]
pub fn DepartmentPage() -> impl IntoView {
    use_page_title(|t| t.admin.title);
    let params = use_params_map();
    let dept = Memo::new(move |_| {
        params
            .with(|p| p.get("dept"))
            .and_then(|raw| DeptCode::parse(&raw).ok())
    });
    view! {
        <AdminOnly>
            {move || dept.get().map(|dept| view! { <Offices dept/> })}
        </AdminOnly>
    }
}

/// The department's offices and the form that adds one.
#[component]
fn Offices(dept: DeptCode) -> impl IntoView {
    let i18n = use_i18n();
    let outcome = Outcome::provide();
    let offices = {
        let dept = dept.clone();
        LocalResource::new(move || {
            outcome.track();
            let dept = dept.clone();
            async move { api::admin::offices(&dept).await }
        })
    };
    // The department's name for the heading; its code until the list arrives.
    let departments = LocalResource::new(api::admin::departments);
    let heading = {
        let dept = dept.clone();
        move || {
            let name = departments
                .get()
                .and_then(Result::ok)
                .and_then(|list| list.departments.into_iter().find(|d| d.department.code == dept))
                .map(|d| i18n.pick(&d.department.name_en, &d.department.name_hi).to_owned())
                .unwrap_or_else(|| dept.to_string());
            fill(i18n.t().admin.offices_title, "{dept}", &name)
        }
    };
    let table_dept = dept.clone();
    view! {
        <section class="page admin-page">
            <p><A href="/admin">{i18n.text(|t| t.admin.back_to_admin)}</A></p>
            <h1 id="offices-heading">{heading}</h1>
            <OutcomeLine outcome/>
            <Transition fallback=Loading>
                {move || offices.get().map(|result| match result {
                    Ok(list) => view! { <OfficeTable dept=table_dept.clone() list=list.offices/> }.into_any(),
                    Err(error) => refusal(error).into_any(),
                })}
            </Transition>
            <AddOffice dept/>
        </section>
    }
}

/// The offices, each linking to its sections and posts, with an inline rename.
#[component]
fn OfficeTable(dept: DeptCode, list: Vec<OfficeView>) -> impl IntoView {
    let open = RwSignal::new(None::<String>);
    let columns: Vec<Label> = vec![
        |t| t.admin.code,
        |t| t.admin.name_en,
        |t| t.admin.name_hi,
        |t| t.admin.col_district,
        |t| t.admin.col_actions,
    ];
    admin_table(
        list,
        "offices-heading",
        columns,
        |t| t.admin.no_offices,
        move |view| office_row(&dept, view, open),
    )
}

fn office_row(dept: &DeptCode, view: OfficeView, open: RwSignal<Option<String>>) -> impl IntoView {
    let i18n = use_i18n();
    let OfficeView { office, version } = view;
    let href = format!("/admin/offices/{}?dept={dept}", office.code);
    let kind = office.kind;
    let place = move || match &kind {
        OfficeKind::Headquarters => i18n.t().admin.headquarters.to_owned(),
        OfficeKind::District { district } => district.clone(),
    };
    let place_cell = view! { <td data-label=i18n.text(|t| t.admin.col_district)>{place}</td> };
    named_row(
        Renamed::Office(office.code),
        version,
        (office.name_en, office.name_hi),
        Some(href),
        place_cell,
        open,
    )
}

/// The form that adds an office: a headquarters, or an office in a named district.
#[component]
fn AddOffice(dept: DeptCode) -> impl IntoView {
    let i18n = use_i18n();
    let form = AdminForm::new("add-office").creating("code");
    let code = RwSignal::new(String::new());
    let en = RwSignal::new(String::new());
    let hi = RwSignal::new(String::new());
    let in_district = RwSignal::new(false);
    let district = RwSignal::new(String::new());
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let body = OfficeForm {
            code: code.get_untracked(),
            name_en: en.get_untracked(),
            name_hi: hi.get_untracked(),
            district: in_district.get_untracked().then(|| district.get_untracked()),
        };
        if let Err(refusal) = body.parse(&dept) {
            form.refuse(refusal);
            return;
        }
        let dept = dept.clone();
        form.add(
            body,
            move |body, key| async move { api::admin::create_office(&dept, &body, &key).await },
            vec![code, en, hi, district],
        );
    };
    let place = move |district_office: bool, label: fn(&Texts) -> &'static str| {
        view! {
            <label class="check">
                <input type="radio" name="add-office-place" prop:checked=move || in_district.get() == district_office
                    on:change=move |_| in_district.set(district_office)/>
                {i18n.text(label)}
            </label>
        }
    };
    view! {
        <h2 id="add-office-heading">{i18n.text(|t| t.admin.add_office)}</h2>
        <form class="page-form admin-form" aria-labelledby="add-office-heading" on:submit=submit novalidate=true>
            <Problems form/>
            {text_field(form, "code", |t| t.admin.office_code, code, Some(|t| t.admin.office_code_hint), None)}
            {name_fields(form, en, hi, false)}
            <fieldset class="field-group">
                <legend>{i18n.text(|t| t.admin.office_place)}</legend>
                {place(false, |t| t.admin.headquarters)}
                {place(true, |t| t.admin.district_office)}
                <Show when=move || in_district.get()>
                    {text_field(form, "district", |t| t.admin.district, district, None, Some("en"))}
                </Show>
            </fieldset>
            <div class="actions">
                <button type="submit" class="button-primary" disabled=move || form.busy.get()>{i18n.text(|t| t.admin.add_office_button)}</button>
            </div>
        </form>
    }
}
