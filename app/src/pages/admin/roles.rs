//! `/admin/employees/:id/roles`: what an employee may do beyond their own posts, one checkbox
//! per role, saved with the version of their profile that was read.

use super::{field_error, AdminForm, AdminOnly, Outcome, OutcomeLine, Problems};
use crate::api;
use crate::components::Loading;
use crate::i18n::{fill, use_i18n};
use crate::pages::pims::refusal;
use crate::pages::use_page_title;
use crate::session::use_session;
use daftar_domain::admin::wire::RolesView;
use daftar_domain::admin::{change_roles, RolesForm};
use daftar_domain::org::Role;
use daftar_domain::EmployeeId;
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

/// Every role, in the order the form lists them.
const ROLES: [Role; 4] = [Role::Employee, Role::Diarist, Role::ControlRoom, Role::Admin];

/// `/admin/employees/:id/roles`.
#[component]
pub fn RolesPage() -> impl IntoView {
    use_page_title(|t| t.admin.roles_heading);
    let params = use_params_map();
    let id = Memo::new(move |_| {
        params
            .with(|p| p.get("id"))
            .and_then(|raw| EmployeeId::parse(&raw).ok())
    });
    view! {
        <AdminOnly>
            {move || id.get().map(|id| view! { <EmployeeRoles id/> })}
        </AdminOnly>
    }
}

#[component]
fn EmployeeRoles(id: EmployeeId) -> impl IntoView {
    let i18n = use_i18n();
    let outcome = Outcome::provide();
    let roles = {
        let id = id.clone();
        LocalResource::new(move || {
            outcome.track();
            let id = id.clone();
            async move { api::admin::roles(&id).await }
        })
    };
    let title = {
        let id = id.to_string();
        move || fill(i18n.t().admin.roles_title, "{id}", &id)
    };
    view! {
        <section class="page page-form admin-page">
            <p><A href="/admin">{i18n.text(|t| t.admin.back_to_admin)}</A></p>
            <h1>{title}</h1>
            <p class="hint">{i18n.text(|t| t.admin.roles_intro)}</p>
            <OutcomeLine outcome/>
            <Transition fallback=Loading>
                {move || roles.get().map(|result| match result {
                    Ok(view) => view! { <RolesEditor view/> }.into_any(),
                    Err(error) => refusal(error).into_any(),
                })}
            </Transition>
            <p><A href=format!("/people/{id}")>{i18n.text(|t| t.admin.open_record)}</A></p>
        </section>
    }
}

/// The checkboxes and the save button.
#[component]
fn RolesEditor(view: RolesView) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let form = AdminForm::new("roles");
    let before = view.roles.clone();
    let chosen = RwSignal::new(view.roles);
    let employee = view.employee;
    let version = view.version;
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let after = chosen.get_untracked();
        // The same decision the server makes: at least one role, and no administrator takes
        // their own administrator role away.
        if let Some(me) = session.me_untracked() {
            if let Err(refusal) = change_roles(&me.employee_id, &employee, &before, &after) {
                form.refuse(refusal);
                return;
            }
        }
        let employee = employee.clone();
        form.send(
            RolesForm { version, roles: after },
            move |body, key| async move { api::admin::set_roles(&employee, &body, &key).await },
            |t| t.admin.saved,
            || (),
        );
    };
    let boxes = ROLES
        .into_iter()
        .map(|role| {
            let toggle = move |ev: leptos::ev::Event| {
                let on = event_target_checked(&ev);
                chosen.update(|roles| {
                    roles.retain(|r| *r != role);
                    if on {
                        roles.push(role);
                    }
                });
            };
            view! {
                <label class="check">
                    <input type="checkbox" prop:checked=move || chosen.with(|roles| roles.contains(&role)) on:change=toggle/>
                    {move || i18n.t().admin.role(role)}
                </label>
            }
        })
        .collect_view();
    let first_box = form.id("roles");
    view! {
        <form on:submit=submit novalidate=true>
            <Problems form/>
            <fieldset class="field-group" id=first_box aria-describedby=format!("{}-error", form.id("roles")) tabindex="-1">
                <legend>{i18n.text(|t| t.admin.roles_legend)}</legend>
                {boxes}
                {field_error(form, "roles")}
            </fieldset>
            <div class="actions">
                <button type="submit" class="button-primary" disabled=move || form.busy.get()>{i18n.text(|t| t.admin.save_roles)}</button>
            </div>
        </form>
    }
}
