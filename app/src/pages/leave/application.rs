//! One leave application: the spell, where it stands, its chain and history; the approver at
//! the pending step acts here, and the applicant withdraws, cancels or shortens it.

use super::{days_text, refusal_text, waiting_with, StatusBadge};
use crate::api::{self, ApiError, SubmissionKeys};
use crate::components::{AttachmentList, ErrorList, Loading};
use crate::format::{human_local, iso_date, parse_iso_date, today};
use crate::i18n::use_i18n;
use crate::pages::use_page_title;
use crate::session::{use_flash, use_session, FlashMessage};
use daftar_domain::leave::acting::ActingCharge;
use daftar_domain::leave::application::{ApplicationStatus, LeaveAction, LeaveApplication};
use daftar_domain::leave::rules::ApprovalAct;
use daftar_domain::leave::wire::GrantActingCharge;
use daftar_domain::leave::wire::{ActRequest, LeaveApplicationDetail};
use daftar_domain::leave::ApplicationId;
use daftar_domain::wire::Me;
use daftar_domain::{Reason, Remarks};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::{use_location, use_params_map};

/// What the signed-in official may do to an application.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Role {
    /// The step's approver (or its alternate): recommend, approve or sanction, or reject.
    Approver(ApprovalAct),
    /// The applicant, before a decision: withdraw.
    Withdraw,
    /// The applicant, sanctioned and not yet begun: cancel.
    Cancel,
    /// The applicant, on leave now: shorten it.
    Curtail,
    None,
}

/// Decides the role from the application, who is looking, the posts they hold and today.
pub(crate) fn role_of(application: &LeaveApplication, me: &str, my_posts: &[String], today: time::Date) -> Role {
    if application.employee.as_ref() == me {
        return match application.status {
            ApplicationStatus::Pending { .. } => Role::Withdraw,
            ApplicationStatus::Sanctioned if today < application.request.from => Role::Cancel,
            ApplicationStatus::Sanctioned if today <= application.request.to => Role::Curtail,
            _ => Role::None,
        };
    }
    match application.pending_step() {
        Some(step)
            if my_posts.iter().any(|p| {
                p.as_str() == step.post.as_ref()
                    || step.alternate.as_ref().is_some_and(|alt| p.as_str() == alt.as_ref())
            }) =>
        {
            Role::Approver(step.act)
        }
        _ => Role::None,
    }
}

/// Whether the official may give (or end) the acting charge of the applicant's post: the
/// applicant or an official of the chain, while the sanctioned leave has not ended.
pub(crate) fn may_give_charge(application: &LeaveApplication, me: Option<&Me>, today: time::Date) -> bool {
    let last_day = match application.status {
        ApplicationStatus::Sanctioned => application.request.to,
        ApplicationStatus::Curtailed { to } => to,
        _ => return false,
    };
    let Some(me) = me else { return false };
    let in_chain = application.chain.iter().any(|step| {
        me.posts
            .iter()
            .any(|p| p.id == step.post || step.alternate.as_ref() == Some(&p.id))
    });
    today <= last_day && (me.employee_id == application.employee || in_chain)
}

/// The application page, for `/leave/applications/:id`.
#[component]
pub fn LeaveApplicationPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    use_page_title(|t| t.leave.application_title);
    let id = Memo::new(move |_| {
        params
            .with(|p| p.get("id"))
            .and_then(|raw| ApplicationId::parse(&raw).ok())
    });
    let reload = RwSignal::new(0u32);
    let detail = LocalResource::new(move || {
        reload.track();
        let id = id.get();
        async move {
            match id {
                Some(id) => api::leave::application(&id).await,
                None => Err(ApiError::Problem(Box::new(daftar_domain::wire::Problem {
                    type_uri: "about:blank".into(),
                    title: "Not found".into(),
                    status: 404,
                    detail: String::new(),
                    detail_hi: None,
                    code: daftar_domain::wire::ErrorCode::NotFound,
                    field: None,
                    current_version: None,
                }))),
            }
        }
    });
    view! {
        <section class="page leave-page">
            <Suspense fallback=|| view! { <Loading/> }>
                <ErrorBoundary fallback=|errors| view! { <ErrorList errors/> }>
                    {move || detail.get().map(|result| result.map(|detail| view! { <Detail detail reload/> }))}
                </ErrorBoundary>
            </Suspense>
            <p><a href="/leave">{i18n.text(|t| t.leave.back_to_leave)}</a></p>
        </section>
    }
}

#[component]
fn Detail(detail: LeaveApplicationDetail, reload: RwSignal<u32>) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let view = detail.view;
    let application = view.application.clone();
    let request = application.request;
    let days = application.days;
    let debit = application.debit;
    let applied_at = human_local(application.applied_at);
    let names = (view.applicant_name_en.clone(), view.applicant_name_hi.clone());
    let role = Memo::new({
        let application = application.clone();
        move |_| {
            session.me().map_or(Role::None, |me| {
                let posts: Vec<String> = me.posts.iter().map(|p| p.id.to_string()).collect();
                role_of(&application, me.employee_id.as_ref(), &posts, today())
            })
        }
    });
    let current_step = match application.status {
        ApplicationStatus::Pending { step } => Some(usize::from(step)),
        _ => None,
    };
    let steps_done = current_step.unwrap_or(match application.status {
        ApplicationStatus::Rejected | ApplicationStatus::Withdrawn => 0,
        _ => application.chain.len(),
    });
    let chain = application
        .chain
        .iter()
        .enumerate()
        .map(|(at, step)| {
            let (by, act, post) = (step.by, step.act, step.post.to_string());
            let state = if Some(at) == current_step {
                Some(true)
            } else if at < steps_done {
                Some(false)
            } else {
                None
            };
            view! {
                <li class:step-current=state == Some(true) class:step-done=state == Some(false)>
                    <strong>{move || i18n.t().leave.act(act)}</strong> ": "
                    {move || i18n.t().leave.approver(by)} " " <span class="code">{post.clone()}</span>
                    {state.map(|current| view! {
                        " — " <em>{move || if current { i18n.t().leave.step_current } else { i18n.t().leave.step_done }}</em>
                    })}
                </li>
            }
        })
        .collect_view();
    let chain_steps = application.chain.clone();
    let history = detail
        .history
        .into_iter()
        .map(|event| {
            let what = {
                let (event, chain) = (event.clone(), chain_steps.clone());
                move || i18n.t().leave.event(&event, &chain)
            };
            let when = human_local(event.at);
            let who = match &event.at_post {
                Some(post) => format!("{} ({post})", event.by),
                None => event.by.to_string(),
            };
            let remarks = event.remarks.to_string();
            let alternate = event.as_alternate;
            view! {
                <li>
                    <span class="history-when">{when}</span> " "
                    <strong>{what}</strong> " · " {who}
                    {alternate.then(|| view! { " (" {move || i18n.t().leave.as_alternate} ")" })}
                    {(!remarks.is_empty()).then(|| view! { <p class="history-remarks">{remarks}</p> })}
                </li>
            }
        })
        .collect_view();
    let kind = request.kind;
    view! {
        <h1>{move || i18n.t().leave.kind(kind)}</h1>
        <p class="leave-applicant">{move || i18n.pick(&names.0, &names.1).to_owned()} " · " <span class="code">{application.employee.to_string()}</span></p>
        <StatusBadge application=application.clone()/>
        <dl class="leave-facts">
            <div><dt>{i18n.text(|t| t.leave.col_dates)}</dt><dd>{move || i18n.t().leave.spell(request.from, request.to)}</dd></div>
            <div><dt>{i18n.text(|t| t.leave.col_days)}</dt><dd id="application-days">{move || days_text(days, i18n.t().leave.days_unit)}</dd></div>
            {debit.map(|(account, amount)| view! {
                <div><dt>{i18n.text(|t| t.leave.debit_label)}</dt><dd>{move || format!("{} — {}", i18n.t().leave.kind(account), days_text(amount, i18n.t().leave.days_unit))}</dd></div>
            })}
            <div><dt>{i18n.text(|t| t.leave.reason_label)}</dt><dd>{application.reason.to_string()}</dd></div>
            {(!application.address.as_ref().is_empty()).then(|| view! {
                <div><dt>{i18n.text(|t| t.leave.address_label)}</dt><dd>{application.address.to_string()}</dd></div>
            })}
            <div><dt>{i18n.text(|t| t.leave.applied_on)}</dt><dd>{applied_at}</dd></div>
        </dl>
        {(!view.attachments.is_empty()).then(|| view! {
            <h2>{i18n.text(|t| t.leave.documents_label)}</h2>
            <AttachmentList base=format!("/api/v1/leave/applications/{}/attachments", application.id) attachments=view.attachments.clone()/>
        })}
        {
            let application = application.clone();
            move || match role.get() {
                Role::None => None,
                role => Some(view! { <Actions application=application.clone() role reload/> }),
            }
        }
        {move || may_give_charge(&application, session.me().as_ref(), today()).then(|| view! { <ActingSection application=application.clone()/> })}
        <h2>{i18n.text(|t| t.leave.chain_heading)}</h2>
        <ol class="leave-chain">{chain}</ol>
        <h2>{i18n.text(|t| t.leave.history_heading)}</h2>
        <ol class="leave-history">{history}</ol>
    }
}

/// The buttons for the official's role, with remarks (or a reason, to reject).
#[component]
fn Actions(application: LeaveApplication, role: Role, reload: RwSignal<u32>) -> impl IntoView {
    let i18n = use_i18n();
    let flash = use_flash();
    let location = use_location();
    let remarks = RwSignal::new(String::new());
    let curtail_to = RwSignal::new(iso_date(today()));
    let failure = RwSignal::new(None::<ApiError>);
    let pending = RwSignal::new(false);
    let keys = StoredValue::new(SubmissionKeys::default());
    let id = application.id.clone();
    let version = application.version;

    let act = StoredValue::new_local(move |action: LeaveAction| {
        if pending.get_untracked() {
            return;
        }
        let request = ActRequest { version, action };
        let key = keys
            .try_update_value(|keys| keys.key_for(&request, api::new_idempotency_key))
            .unwrap_or_else(api::new_idempotency_key);
        let id = id.clone();
        let path = location.pathname.get_untracked();
        pending.set(true);
        failure.set(None);
        spawn_local(async move {
            let outcome = api::leave::act(&id, &request, &key).await;
            keys.update_value(|keys| keys.settle(&outcome));
            pending.set(false);
            match outcome {
                Ok(view) => {
                    let by = waiting_with(&view.application);
                    flash.show(path, FlashMessage::LeaveActed(view.application.status, by));
                    reload.update(|n| *n += 1);
                }
                Err(error) => failure.set(Some(error)),
            }
        });
    });
    let act = move |action: LeaveAction| act.with_value(|act| act(action));
    let with_remarks = move || Remarks::parse(&remarks.get_untracked()).unwrap_or_else(|_| Remarks::empty());
    let reject = move |_| match Reason::parse(&remarks.get_untracked()) {
        Ok(reason) => act(LeaveAction::Reject { reason }),
        Err(_) => crate::components::fields::focus("leave-remarks"),
    };
    let approve = move |_| {
        let remarks = with_remarks();
        act(match role {
            Role::Approver(ApprovalAct::Recommend) => LeaveAction::Recommend { remarks },
            Role::Approver(ApprovalAct::Approve) => LeaveAction::Approve { remarks },
            _ => LeaveAction::Sanction { remarks },
        })
    };
    let cancel = move |_| {
        act(LeaveAction::Cancel {
            remarks: with_remarks(),
        })
    };
    let curtail = move |_| {
        if let Some(to) = parse_iso_date(&curtail_to.get_untracked()) {
            act(LeaveAction::Curtail {
                to,
                remarks: with_remarks(),
            });
        }
    };
    let remarks_label = move || match role {
        Role::Approver(_) => i18n.t().leave.remarks_label.to_owned(),
        _ => i18n.t().leave.remarks_label.to_owned(),
    };
    let buttons = match role {
        Role::Approver(step) => view! {
            <div class="leave-actions">
                <button type="button" class="button-primary" on:click=approve aria-disabled=move || pending.get().to_string()>
                    {move || i18n.t().leave.act(step)}
                </button>
                <button type="button" class="button-danger" on:click=reject aria-disabled=move || pending.get().to_string()
                    title=move || i18n.t().leave.reject_reason_label>
                    {i18n.text(|t| t.leave.reject_button)}
                </button>
            </div>
        }
        .into_any(),
        Role::Withdraw | Role::Cancel => view! {
            <div class="leave-actions">
                <button type="button" class="button-secondary" on:click=cancel aria-disabled=move || pending.get().to_string()>
                    {move || if role == Role::Withdraw { i18n.t().leave.withdraw_button } else { i18n.t().leave.cancel_leave_button }}
                </button>
            </div>
        }
        .into_any(),
        Role::Curtail | Role::None => view! {
            <div class="field">
                <label for="leave-curtail-to">{i18n.text(|t| t.leave.curtail_to_label)}</label>
                <input id="leave-curtail-to" type="date" bind:value=curtail_to
                    prop:min=iso_date(application.request.from) prop:max=iso_date(application.request.to)/>
            </div>
            <div class="leave-actions">
                <button type="button" class="button-secondary" on:click=curtail aria-disabled=move || pending.get().to_string()>
                    {i18n.text(|t| t.leave.curtail_button)}
                </button>
            </div>
        }
        .into_any(),
    };
    let modify = matches!(role, Role::Withdraw | Role::Cancel | Role::Curtail)
        .then(|| format!("/leave/apply?replaces={}", application.id));
    view! {
        <section class="leave-act" aria-label=move || i18n.t().leave.chain_heading>
            {modify.map(|href| view! { <a href=href class="button-link">{i18n.text(|t| t.leave.modify_link)}</a> })}
            <div class="field">
                <label for="leave-remarks">{remarks_label}</label>
                {matches!(role, Role::Approver(_)).then(|| view! { <p class="hint" id="leave-remarks-hint">{i18n.text(|t| t.leave.reject_reason_label)} </p> })}
                <textarea id="leave-remarks" rows="2" bind:value=remarks></textarea>
            </div>
            {buttons}
            <div class="form-alert" role="alert">
                {move || failure.get().map(|e| view! { <p class="notice notice-error">{refusal_text(i18n.locale(), &e)}</p> })}
            </div>
        </section>
    }
}

/// Who holds the post while the applicant is away; the form to give or end the charge.
#[component]
fn ActingSection(application: LeaveApplication) -> impl IntoView {
    let i18n = use_i18n();
    let id = application.id.clone();
    let version = application.version;
    let charge = RwSignal::new(None::<ActingCharge>);
    let colleague = RwSignal::new(String::new());
    let failure = RwSignal::new(None::<ApiError>);
    let pending = RwSignal::new(false);
    {
        let id = id.clone();
        spawn_local(async move {
            match api::leave::acting(&id).await {
                Ok(state) => charge.set(state.charge),
                Err(error) => failure.set(Some(error)),
            }
        });
    }
    let give = {
        let id = id.clone();
        move |_| {
            if pending.get_untracked() {
                return;
            }
            let request = GrantActingCharge {
                employee_id: colleague.get_untracked().trim().to_owned(),
                version: Some(version),
            };
            let id = id.clone();
            pending.set(true);
            failure.set(None);
            spawn_local(async move {
                let outcome = api::leave::grant_acting(&id, &request, &api::new_idempotency_key()).await;
                pending.set(false);
                match outcome {
                    Ok(granted) => charge.set(Some(granted)),
                    Err(error) => failure.set(Some(error)),
                }
            });
        }
    };
    let end = move |_| {
        if pending.get_untracked() {
            return;
        }
        let id = id.clone();
        pending.set(true);
        failure.set(None);
        spawn_local(async move {
            let outcome = api::leave::end_acting(&id, &api::new_idempotency_key()).await;
            pending.set(false);
            match outcome {
                // A charge that had begun ends yesterday: it no longer gives the post.
                Ok(_) => charge.set(None),
                Err(error) => failure.set(Some(error)),
            }
        });
    };
    let held = move || {
        charge.get().map(|c| {
            let l = &i18n.t().leave;
            l.acting_held
                .replace(
                    "{holder}",
                    &format!("{} ({})", i18n.pick(&c.holder_name_en, &c.holder_name_hi), c.holder),
                )
                .replace("{post}", i18n.pick(&c.post.title_en, &c.post.title_hi))
                .replace("{from}", &l.date(c.from))
                .replace("{to}", &l.date(c.to))
        })
    };
    view! {
        <section class="leave-act" aria-labelledby="acting-heading">
            <h2 id="acting-heading">{i18n.text(|t| t.leave.acting_heading)}</h2>
            <p class="hint">{i18n.text(|t| t.leave.acting_intro)}</p>
            {move || match held() {
                Some(line) => view! {
                    <p id="acting-held"><strong>{line}</strong></p>
                    <button type="button" class="button-secondary" on:click=end.clone() aria-disabled=move || pending.get().to_string()>
                        {i18n.text(|t| t.leave.acting_end)}
                    </button>
                }
                .into_any(),
                None => view! {
                    <div class="field">
                        <label for="acting-employee">{i18n.text(|t| t.leave.acting_employee)}</label>
                        <input id="acting-employee" type="text" autocomplete="off" autocapitalize="characters" bind:value=colleague/>
                    </div>
                    <button type="button" class="button-primary" on:click=give.clone() aria-disabled=move || pending.get().to_string()>
                        {i18n.text(|t| t.leave.acting_give)}
                    </button>
                }
                .into_any(),
            }}
            <div class="form-alert" role="alert">
                {move || failure.get().map(|e| view! { <p class="notice notice-error">{refusal_text(i18n.locale(), &e)}</p> })}
            </div>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use daftar_domain::leave::application::ChainStep;
    use daftar_domain::leave::rules::Approver;
    use daftar_domain::PostId;
    use time::macros::date;

    fn application(status: ApplicationStatus) -> LeaveApplication {
        serde_json::from_value(serde_json::json!({
            "id": "LV-2026-000001", "employee": "HR2001",
            "request": {"kind": "earned", "from": "2026-03-20", "to": "2026-03-24"},
            "reason": "Family function", "address": "", "days": "5", "debit": null,
            "chain": [], "status": {"status": "sanctioned"}, "events": 1,
            "applied_at": "2026-03-01T10:00:00Z", "version": 1
        }))
        .map(|mut a: LeaveApplication| {
            a.status = status;
            a.chain = vec![ChainStep {
                act: ApprovalAct::Sanction,
                by: Approver::ControllingOfficer,
                post: PostId::parse("FIN-HQ-SECY").unwrap(),
                alternate: Some(PostId::parse("FIN-HQ-DS").unwrap()),
            }];
            a
        })
        .expect("a well-formed application")
    }

    #[test]
    fn the_applicant_withdraws_cancels_or_shortens_by_the_date() {
        let pending = application(ApplicationStatus::Pending { step: 0 });
        assert_eq!(role_of(&pending, "HR2001", &[], date!(2026 - 03 - 01)), Role::Withdraw);
        let sanctioned = application(ApplicationStatus::Sanctioned);
        assert_eq!(role_of(&sanctioned, "HR2001", &[], date!(2026 - 03 - 19)), Role::Cancel);
        assert_eq!(
            role_of(&sanctioned, "HR2001", &[], date!(2026 - 03 - 22)),
            Role::Curtail
        );
        assert_eq!(role_of(&sanctioned, "HR2001", &[], date!(2026 - 03 - 25)), Role::None);
    }

    #[test]
    fn the_step_approver_or_its_alternate_acts() {
        let pending = application(ApplicationStatus::Pending { step: 0 });
        let today = date!(2026 - 03 - 01);
        assert_eq!(
            role_of(&pending, "HR2004", &["FIN-HQ-SECY".into()], today),
            Role::Approver(ApprovalAct::Sanction)
        );
        assert_eq!(
            role_of(&pending, "HR2002", &["FIN-HQ-DS".into()], today),
            Role::Approver(ApprovalAct::Sanction)
        );
        assert_eq!(role_of(&pending, "HR1002", &["DC-GGN-DC".into()], today), Role::None);
        let decided = application(ApplicationStatus::Sanctioned);
        assert_eq!(role_of(&decided, "HR2004", &["FIN-HQ-SECY".into()], today), Role::None);
    }
}
