//! `/people/transfer`: an administrator moves an employee from one post to another, posts them,
//! or relieves them, from a date; taking a post someone holds needs the box that relieves them.

use super::refusal;
use crate::api::{self, ApiError, SubmissionKeys};
use crate::components::{PostChoice, PostPicker};
use crate::format::{iso_date, parse_iso_date, today};
use crate::i18n::{fill, use_i18n};
use crate::pages::use_page_title;
use daftar_domain::pims::wire::{TransferReport, TransferRequest};
use daftar_domain::{EmployeeId, PostId};
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;

/// `/people/transfer?employee=…`.
#[component]
pub fn TransferPage() -> impl IntoView {
    let i18n = use_i18n();
    use_page_title(|t| t.pims.transfer_link);
    let query = use_query_map();
    let employee = RwSignal::new(query.with_untracked(|q| q.get("employee")).unwrap_or_default());
    let from_post = RwSignal::new(String::new());
    let relieve_only = RwSignal::new(false);
    let relieve_holder = RwSignal::new(false);
    let effective = RwSignal::new(iso_date(today()));
    let choice = PostChoice::new("transfer-to");
    let employee_bad = RwSignal::new(false);
    let date_bad = RwSignal::new(false);
    let busy = RwSignal::new(false);
    let outcome = RwSignal::new(None::<Result<TransferReport, ApiError>>);
    let keys = StoredValue::new(SubmissionKeys::default());

    // The posts the employee holds now, for "From post".
    let parsed = Memo::new(move |_| EmployeeId::parse(&employee.get()).ok());
    let record = LocalResource::new(move || {
        let id = parsed.get();
        async move {
            match id {
                Some(id) => api::pims::employee(&id).await.ok(),
                None => None,
            }
        }
    });
    let from_options = move || {
        let posts = record.get().flatten().map(|r| r.posts).unwrap_or_default();
        posts
            .into_iter()
            .map(|p| {
                let id = p.id.to_string();
                let selected = from_post.get_untracked() == id;
                view! {
                    <option value=p.id.to_string() prop:selected=selected>
                        {move || format!("{} — {}", i18n.pick(&p.title_en, &p.title_hi), id)}
                    </option>
                }
            })
            .collect_view()
    };

    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let id = EmployeeId::parse(&employee.get_untracked()).ok();
        let date = parse_iso_date(&effective.get_untracked());
        employee_bad.set(id.is_none());
        date_bad.set(date.is_none());
        let to_post = if relieve_only.get_untracked() {
            Some(None)
        } else {
            choice.parse().map(Some)
        };
        let (Some(id), Some(date), Some(to_post)) = (id, date, to_post) else {
            choice.focus_first_error();
            return;
        };
        let request = TransferRequest {
            employee: id,
            from_post: PostId::parse(&from_post.get_untracked()).ok(),
            to_post,
            effective: date,
            relieve_holder: relieve_holder.get_untracked(),
        };
        let key = keys
            .try_update_value(|k| k.key_for(&request, api::new_idempotency_key))
            .unwrap_or_else(api::new_idempotency_key);
        busy.set(true);
        outcome.set(None);
        spawn_local(async move {
            let result = api::pims::transfer(&request, &key).await;
            keys.update_value(|k| k.settle(&result));
            if let Err(error) = &result {
                choice.reject(error.field());
            }
            busy.set(false);
            outcome.set(Some(result));
        });
    };

    let report = move || {
        outcome.get().map(|result| match result {
            Err(error) => refusal(error).into_any(),
            Ok(report) => {
                let who = report.employee;
                let id = who.id.to_string();
                let names = (who.name_en.clone(), who.name_hi.clone());
                let posts = who.posts.clone();
                let holds = move || {
                    let t = &i18n.t().pims;
                    let list = if posts.is_empty() {
                        t.holds_no_post.to_owned()
                    } else {
                        posts
                            .iter()
                            .map(|p| format!("{} ({})", i18n.pick(&p.title_en, &p.title_hi), p.id))
                            .collect::<Vec<_>>()
                            .join(", ")
                    };
                    fill(t.now_holds, "{name}", i18n.pick(&names.0, &names.1)).replace("{posts}", &list)
                };
                let kind = report.kind;
                let relieved = report.relieved.map(|r| r.to_string());
                view! {
                    <div class="notice notice-success" role="status">
                        <p><strong>{move || i18n.t().pims.transfer_kind(kind)}</strong> " " {holds}</p>
                        {relieved.map(|r| view! { <p>{move || fill(i18n.t().pims.holder_relieved, "{id}", &r)}</p> })}
                        <p><A href=format!("/people/{id}")>{i18n.text(|t| t.pims.open_their_record)}</A></p>
                    </div>
                }
                .into_any()
            }
        })
    };

    view! {
        <section class="page page-form people-page">
            <p><A href="/people">{i18n.text(|t| t.pims.back_to_people)}</A></p>
            <h1>{i18n.text(|t| t.pims.transfer_link)}</h1>
            <p class="hint">{i18n.text(|t| t.pims.transfer_intro)}</p>
            <form on:submit=submit novalidate=true>
                <div class="field-row">
                    <div class="field">
                        <label for="transfer-employee">{i18n.text(|t| t.pims.employee_id)}</label>
                        <input id="transfer-employee" type="text" class="input-code" autocomplete="off"
                            aria-describedby="transfer-employee-error" aria-invalid=move || employee_bad.get().to_string()
                            prop:value=move || employee.get()
                            on:input=move |ev| { employee.set(event_target_value(&ev).trim().to_uppercase()); from_post.set(String::new()); }/>
                        <p id="transfer-employee-error" class="field-error">{move || employee_bad.get().then(|| i18n.t().pims.bad_employee_id)}</p>
                    </div>
                    <div class="field">
                        <label for="transfer-from">{i18n.text(|t| t.pims.from_post)}</label>
                        <select id="transfer-from" on:change=move |ev| from_post.set(event_target_value(&ev))>
                            <option value="" prop:selected=move || from_post.get().is_empty()>{i18n.text(|t| t.pims.from_none)}</option>
                            {from_options}
                        </select>
                    </div>
                </div>
                <fieldset class="field-group">
                    <legend>{i18n.text(|t| t.pims.to_heading)}</legend>
                    <label class="check">
                        <input type="checkbox" prop:checked=move || relieve_only.get()
                            on:change=move |ev| relieve_only.set(event_target_checked(&ev))/>
                        {i18n.text(|t| t.pims.relieve_only)}
                    </label>
                    <Show when=move || !relieve_only.get()>
                        <PostPicker choice/>
                        <label class="check">
                            <input type="checkbox" prop:checked=move || relieve_holder.get()
                                on:change=move |ev| relieve_holder.set(event_target_checked(&ev))/>
                            {i18n.text(|t| t.pims.relieve_holder)}
                        </label>
                    </Show>
                </fieldset>
                <div class="field">
                    <label for="transfer-effective">{i18n.text(|t| t.pims.effective)}</label>
                    <input id="transfer-effective" type="date" aria-invalid=move || date_bad.get().to_string()
                        prop:value=move || effective.get() on:input=move |ev| effective.set(event_target_value(&ev))/>
                </div>
                <div class="actions">
                    <button type="submit" class="button-primary" disabled=move || busy.get()>{i18n.text(|t| t.pims.transfer_button)}</button>
                </div>
            </form>
            <div aria-live="polite">{report}</div>
        </section>
    }
}
