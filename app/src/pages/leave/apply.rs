//! Applying for leave: the form, the what-if beside it (the days counted and the balance after,
//! asked of the server as the dates change), and sending — or keeping the application on the
//! phone when there is no connection.

use super::outbox::{online, use_outbox};
use super::refusal_text;
use crate::api::{self, ApiError, SubmissionKeys};
use crate::components::fields::{focus, from_wire_name, wire_name};
use crate::components::{FieldMessage, Loading, UploadField, Uploads};
use crate::format::{iso_date, parse_iso_date, today};
use crate::i18n::{use_i18n, FieldError};
use crate::pages::use_page_title;
use crate::session::{use_flash, use_session, FlashMessage};
use daftar_domain::leave::application::LeaveApplication;
use daftar_domain::leave::wire::{ApplyRequest, AssessRequest, AssessmentView};
use daftar_domain::leave::{ApplicationId, LeaveKind, LeaveRequest};
use daftar_domain::{Reason, Remarks};
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::{use_navigate, use_query_map};
use time::Date;

/// Reads the spell from the form's values; `None` while a date is missing or malformed.
pub(crate) fn spell_of(
    kind: LeaveKind,
    from: &str,
    to: &str,
    halves: (bool, bool),
    joins: (bool, bool),
) -> Result<LeaveRequest, (&'static str, FieldError)> {
    let from = parse_iso_date(from).ok_or(("leave-from", FieldError::InvalidDate))?;
    let to: Date = parse_iso_date(to).ok_or(("leave-to", FieldError::InvalidDate))?;
    Ok(LeaveRequest {
        kind,
        from,
        to,
        half_day_start: halves.0,
        half_day_end: halves.1,
        prefix: joins.0,
        suffix: joins.1,
    })
}

/// The form's state.
#[derive(Clone, Copy)]
struct Form {
    kind: RwSignal<LeaveKind>,
    from: RwSignal<String>,
    to: RwSignal<String>,
    half_start: RwSignal<bool>,
    half_end: RwSignal<bool>,
    prefix: RwSignal<bool>,
    suffix: RwSignal<bool>,
    reason: RwSignal<String>,
    address: RwSignal<String>,
}

impl Form {
    fn new() -> Self {
        let first = iso_date(today());
        Form {
            kind: RwSignal::new(LeaveKind::Casual),
            from: RwSignal::new(first.clone()),
            to: RwSignal::new(first),
            half_start: RwSignal::new(false),
            half_end: RwSignal::new(false),
            prefix: RwSignal::new(false),
            suffix: RwSignal::new(false),
            reason: RwSignal::new(String::new()),
            address: RwSignal::new(String::new()),
        }
    }

    /// The spell (tracked, so the what-if follows every change).
    fn spell(&self) -> Result<LeaveRequest, (&'static str, FieldError)> {
        spell_of(
            self.kind.get(),
            &self.from.get(),
            &self.to.get(),
            (self.half_start.get(), self.half_end.get()),
            (self.prefix.get(), self.suffix.get()),
        )
    }
}

/// The apply page, for `/leave/apply`.
#[component]
pub fn LeaveApplyPage() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let flash = use_flash();
    let outbox = use_outbox();
    let navigate = use_navigate();
    use_page_title(|t| t.leave.apply_title);
    let form = Form::new();
    let from_error = RwSignal::new(None::<FieldError>);
    let to_error = RwSignal::new(None::<FieldError>);
    let reason_error = RwSignal::new(None::<FieldError>);
    let address_error = RwSignal::new(None::<FieldError>);
    let failure = RwSignal::new(None::<ApiError>);
    let pending = RwSignal::new(false);
    let keys = StoredValue::new(SubmissionKeys::default());
    let uploads = Uploads::new();
    // Changing the dates of an application is a new request in its place, filled in from it.
    let query = use_query_map();
    let replaces = Memo::new(move |_| {
        query
            .with(|q| q.get("replaces"))
            .and_then(|raw| ApplicationId::parse(&raw).ok())
    });
    let replaced = RwSignal::new(None::<LeaveApplication>);
    Effect::new(move |_| {
        let Some(id) = replaces.get() else { return };
        spawn_local(async move {
            if let Ok(detail) = api::leave::application(&id).await {
                let old = detail.view.application;
                form.kind.set(old.request.kind);
                form.from.set(iso_date(old.request.from));
                form.to.set(iso_date(old.request.to));
                form.half_start.set(old.request.half_day_start);
                form.half_end.set(old.request.half_day_end);
                form.prefix.set(old.request.prefix);
                form.suffix.set(old.request.suffix);
                form.reason.set(old.reason.to_string());
                form.address.set(old.address.to_string());
                replaced.set(Some(old));
            }
        });
    });

    // The what-if: asked again whenever the spell changes; only the newest answer is shown.
    let assessment = RwSignal::new(None::<Result<AssessmentView, ApiError>>);
    let asked = StoredValue::new(0u64);
    Effect::new(move |_| {
        let Ok(spell) = form.spell() else {
            assessment.set(None);
            return;
        };
        if spell.to < spell.from {
            assessment.set(None);
            return;
        }
        let ticket = asked.get_value() + 1;
        asked.set_value(ticket);
        let request = AssessRequest {
            spell,
            replaces: replaces.get(),
        };
        spawn_local(async move {
            let answer = api::leave::assess(&request).await;
            if asked.get_value() == ticket {
                assessment.set(Some(answer));
            }
        });
    });

    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        if pending.get_untracked() {
            return;
        }
        failure.set(None);
        let spell = form.spell();
        from_error.set(None);
        to_error.set(None);
        let spell = match spell {
            Ok(spell) if spell.to < spell.from => {
                to_error.set(Some(FieldError::Rejected));
                focus("leave-to");
                return;
            }
            Ok(spell) => spell,
            Err((field, error)) => {
                if field == "leave-from" {
                    from_error.set(Some(error))
                } else {
                    to_error.set(Some(error))
                }
                focus(field);
                return;
            }
        };
        if uploads.busy() || uploads.has_failures() {
            focus("leave-documents");
            return;
        }
        let reason = Reason::parse(&form.reason.get_untracked()).map_err(FieldError::from);
        let address = Remarks::parse(&form.address.get_untracked()).map_err(FieldError::from);
        reason_error.set(reason.as_ref().err().copied());
        address_error.set(address.as_ref().err().copied());
        let (Ok(reason), Ok(address)) = (reason, address) else {
            focus(if reason_error.get_untracked().is_some() {
                "leave-reason"
            } else {
                "leave-address"
            });
            return;
        };
        let Some(me) = session.me_untracked() else { return };
        let request = ApplyRequest {
            kind: spell.kind,
            from: spell.from,
            to: spell.to,
            half_day_start: spell.half_day_start,
            half_day_end: spell.half_day_end,
            prefix: spell.prefix,
            suffix: spell.suffix,
            reason,
            address,
            attachments: uploads.ids(),
            replaces: replaces.get_untracked(),
        };
        let key = keys
            .try_update_value(|keys| keys.key_for(&request, api::new_idempotency_key))
            .unwrap_or_else(api::new_idempotency_key);
        let navigate = navigate.clone();
        if !online() {
            outbox.keep(me.employee_id, key, request);
            navigate("/leave", Default::default());
            return;
        }
        pending.set(true);
        spawn_local(async move {
            let outcome = api::leave::apply(&request, &key).await;
            keys.update_value(|keys| keys.settle(&outcome));
            pending.set(false);
            match outcome {
                Ok(view) => {
                    let by = super::waiting_with(&view.application);
                    let path = format!("/leave/applications/{}", view.application.id);
                    flash.show(path.clone(), FlashMessage::LeaveApplied(by));
                    navigate(&path, Default::default());
                }
                // No answer: the server may or may not have it. Kept with the same key, it is
                // sent again when the connection returns and applied at most once.
                Err(error) if error.is_retryable() => {
                    outbox.keep(me.employee_id, key, request);
                    navigate("/leave", Default::default());
                }
                Err(error) => {
                    let field = match error.field() {
                        Some("from") => Some("leave-from"),
                        Some("to") => Some("leave-to"),
                        Some("reason") => Some("leave-reason"),
                        Some("address") => Some("leave-address"),
                        Some("attachments") => Some("leave-documents"),
                        Some(_) => Some("leave-kind"),
                        None => None,
                    };
                    failure.set(Some(error));
                    if let Some(field) = field {
                        focus(field);
                    }
                }
            }
        });
    };

    let kind_options = move || {
        LeaveKind::ALL
            .into_iter()
            .map(|kind| view! { <option value=wire_name(&kind) selected=move || form.kind.get() == kind>{move || i18n.t().leave.kind(kind)}</option> })
            .collect_view()
    };
    let choose_kind = move |ev: leptos::ev::Event| {
        if let Some(kind) = from_wire_name::<LeaveKind>(&event_target_value(&ev)) {
            form.kind.set(kind);
        }
    };

    view! {
        <section class="page leave-page">
            <h1 id="apply-heading">
                {move || if replaces.get().is_some() { i18n.t().leave.modify_title } else { i18n.t().leave.apply_title }}
            </h1>
            <p class="hint">{i18n.text(|t| t.leave.apply_intro)}</p>
            {move || replaced.get().map(|old| view! {
                <p class="notice notice-warning" id="modify-notice">
                    {move || i18n.t().leave.modify_notice.replace("{spell}", &i18n.t().leave.spell(old.request.from, old.request.to))}
                </p>
            })}
            <Show when=move || !online()>
                <p class="notice notice-warning">{i18n.text(|t| t.leave.offline_notice)}</p>
            </Show>
            <form class="leave-form" novalidate on:submit=submit aria-labelledby="apply-heading">
                <div class="field">
                    <label for="leave-kind">{i18n.text(|t| t.leave.kind_label)}</label>
                    <select id="leave-kind" on:change=choose_kind>{kind_options}</select>
                </div>
                <div class="field-pair">
                    <div class="field">
                        <label for="leave-from">{i18n.text(|t| t.leave.from_label)}</label>
                        <input id="leave-from" type="date" required bind:value=form.from
                            aria-invalid=move || from_error.get().is_some().to_string() aria-describedby="leave-from-error"/>
                        <FieldMessage id="leave-from-error" error=from_error/>
                    </div>
                    <div class="field">
                        <label for="leave-to">{i18n.text(|t| t.leave.to_label)}</label>
                        <input id="leave-to" type="date" required bind:value=form.to
                            prop:min=move || form.from.get()
                            aria-invalid=move || to_error.get().is_some().to_string() aria-describedby="leave-to-error"/>
                        <p id="leave-to-error" class="field-error">{move || to_error.get().map(|e| match e {
                            FieldError::Rejected => i18n.t().leave.err_to_before_from.to_owned(),
                            other => i18n.t().field_error(other),
                        })}</p>
                    </div>
                </div>
                <fieldset class="field checks">
                    <legend>{i18n.text(|t| t.leave.half_days_legend)}</legend>
                    <label><input type="checkbox" id="leave-half-start" bind:checked=form.half_start/> {i18n.text(|t| t.leave.half_day_start)}</label>
                    <label><input type="checkbox" id="leave-half-end" bind:checked=form.half_end/> {i18n.text(|t| t.leave.half_day_end)}</label>
                </fieldset>
                <fieldset class="field checks">
                    <legend>{i18n.text(|t| t.leave.joins_legend)}</legend>
                    <label><input type="checkbox" id="leave-prefix" bind:checked=form.prefix/> {i18n.text(|t| t.leave.prefix_label)}</label>
                    <label><input type="checkbox" id="leave-suffix" bind:checked=form.suffix/> {i18n.text(|t| t.leave.suffix_label)}</label>
                </fieldset>
                <WhatIf assessment/>
                <div class="field">
                    <label for="leave-reason">{i18n.text(|t| t.leave.reason_label)}</label>
                    <textarea id="leave-reason" rows="2" required bind:value=form.reason
                        aria-invalid=move || reason_error.get().is_some().to_string() aria-describedby="leave-reason-error"></textarea>
                    <FieldMessage id="leave-reason-error" error=reason_error/>
                </div>
                <div class="field">
                    <label for="leave-address">{i18n.text(|t| t.leave.address_label)}</label>
                    <p id="leave-address-hint" class="hint">{i18n.text(|t| t.leave.address_hint)}</p>
                    <textarea id="leave-address" rows="2" bind:value=form.address
                        aria-describedby="leave-address-hint leave-address-error"></textarea>
                    <FieldMessage id="leave-address-error" error=address_error/>
                </div>
                <UploadField id="leave-documents" uploads label=|t| t.leave.documents_label/>
                <div class="form-alert" role="alert">
                    {move || failure.get().map(|e| view! { <p class="notice notice-error">{refusal_text(i18n.locale(), &e)}</p> })}
                </div>
                <button type="submit" class="button-primary button-block" aria-disabled=move || pending.get().to_string()>
                    {i18n.text(|t| t.leave.submit_apply)}
                </button>
                <Show when=move || pending.get()><Loading/></Show>
            </form>
        </section>
    }
}

/// The days the spell counts and the balance after, or why it cannot be applied for.
#[component]
fn WhatIf(assessment: RwSignal<Option<Result<AssessmentView, ApiError>>>) -> impl IntoView {
    let i18n = use_i18n();
    let body = move || {
        let t = i18n.t();
        let l = &t.leave;
        match assessment.get() {
            None => view! { <p class="hint">{l.whatif_waiting}</p> }.into_any(),
            Some(Err(error)) => view! {
                <p class="whatif-refused"><strong>{l.whatif_refused}</strong> " " {refusal_text(i18n.locale(), &error)}</p>
            }
            .into_any(),
            Some(Ok(view)) => {
                let a = view.assessment;
                let balance = match &a.debit {
                    Some(plan) => l
                        .whatif_balance
                        .replace("{kind}", plan.account.code())
                        .replace("{from}", &plan.balance_before.to_string())
                        .replace("{to}", &plan.balance_after.to_string()),
                    None => l.whatif_not_debited.to_owned(),
                };
                let chain = view
                    .chain
                    .iter()
                    .map(|step| format!("{} ({})", l.approver(step.by), step.post))
                    .collect::<Vec<_>>()
                    .join(" → ");
                let documents = a
                    .documents
                    .iter()
                    .map(|d| l.document(*d))
                    .collect::<Vec<_>>()
                    .join(", ");
                view! {
                    <dl class="whatif-figures">
                        <div class="whatif-main"><dt>{l.whatif_counted}</dt><dd id="whatif-days">{a.days.to_string()}</dd></div>
                        <div><dt>{l.whatif_calendar}</dt><dd>{a.calendar_days}</dd></div>
                        <div><dt>{l.whatif_non_working}</dt><dd>{a.non_working_days}</dd></div>
                        {a.prefix_from.map(|d| view! { <div><dt>{l.whatif_prefix}</dt><dd>{l.date(d)}</dd></div> })}
                        {a.suffix_to.map(|d| view! { <div><dt>{l.whatif_suffix}</dt><dd>{l.date(d)}</dd></div> })}
                    </dl>
                    <p id="whatif-balance" class="whatif-balance">{balance}</p>
                    {(!documents.is_empty()).then(|| view! { <p><strong>{l.whatif_documents}</strong> ": " {documents}</p> })}
                    {a.back_dated.then(|| view! { <p>{l.whatif_back_dated}</p> })}
                    <p><strong>{l.whatif_chain}</strong> ": " {chain}</p>
                }
                .into_any()
            }
        }
    };
    view! {
        <section class="whatif" aria-labelledby="whatif-heading" aria-live="polite">
            <h2 id="whatif-heading">{i18n.text(|t| t.leave.whatif_heading)}</h2>
            {body}
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn the_spell_is_read_from_the_form() {
        let spell = spell_of(
            LeaveKind::Earned,
            "2026-03-20",
            "2026-03-24",
            (false, true),
            (false, false),
        )
        .unwrap();
        assert_eq!((spell.from, spell.to), (date!(2026 - 03 - 20), date!(2026 - 03 - 24)));
        assert!(spell.half_day_end && !spell.half_day_start);
        assert_eq!(
            spell_of(LeaveKind::Earned, "", "2026-03-24", (false, false), (false, false)).unwrap_err(),
            ("leave-from", FieldError::InvalidDate)
        );
        assert_eq!(
            spell_of(
                LeaveKind::Earned,
                "2026-03-20",
                "2026-02-30",
                (false, false),
                (false, false)
            )
            .unwrap_err(),
            ("leave-to", FieldError::InvalidDate)
        );
    }
}
