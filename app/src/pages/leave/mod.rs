//! e-Leave, phone first: my balances and applications, applying with the what-if, an
//! application's page (where approvers act), the approver's inbox, and an account's ledger.

mod application;
mod apply;
mod calendar;
mod inbox;
mod ledger;
pub mod outbox;

pub use application::LeaveApplicationPage;
pub use apply::LeaveApplyPage;
pub use calendar::LeaveCalendarPage;
pub use inbox::LeaveInboxPage;
pub use ledger::LeaveLedgerPage;

use super::use_page_title;
use crate::api::{self, ApiError};
use crate::components::{error_text, Loading, PagedRows};
use crate::i18n::{fill, use_i18n, Locale};
use daftar_domain::leave::application::{ApplicationStatus, LeaveApplication};
use daftar_domain::leave::rules::Approver;
use daftar_domain::leave::wire::{BalanceView, LeaveApplicationView};
use daftar_domain::leave::HalfDays;
use leptos::prelude::*;
use leptos_router::components::A;
use outbox::{use_outbox, OutboxReport};

/// Who has a pending application now, for its status line.
pub(crate) fn waiting_with(application: &LeaveApplication) -> Option<Approver> {
    application.pending_step().map(|step| step.by)
}

/// The badge class for a status: pending, done, or ended.
fn status_class(status: &ApplicationStatus) -> &'static str {
    match status {
        ApplicationStatus::Pending { .. } => "badge badge-pending",
        ApplicationStatus::Sanctioned | ApplicationStatus::Curtailed { .. } => "badge badge-done",
        ApplicationStatus::Rejected | ApplicationStatus::Withdrawn | ApplicationStatus::Cancelled => {
            "badge badge-ended"
        }
    }
}

/// An application's status as a badge, in the current language.
#[component]
pub(crate) fn StatusBadge(application: LeaveApplication) -> impl IntoView {
    let i18n = use_i18n();
    let class = status_class(&application.status);
    let by = waiting_with(&application);
    let status = application.status;
    view! { <span class=class>{move || i18n.t().leave.status(&status, by)}</span> }
}

/// `2.5 days`.
fn days_text(days: HalfDays, unit: &str) -> String {
    format!("{days} {unit}")
}

/// The signed-in official's leave: balances, what waits in the outbox, and applications.
#[component]
pub fn LeaveHomePage() -> impl IntoView {
    let i18n = use_i18n();
    use_page_title(|t| t.leave.home_title);
    let balances = LocalResource::new(api::leave::balances);
    let list = PagedRows::<LeaveApplicationView>::new();
    let fetch = |cursor: Option<String>| async move { api::leave::my_applications(cursor.as_deref()).await };
    let load = move |more: bool| list.read(more, fetch);
    let (applications, cursor, failure, loading) = (list.rows, list.cursor, list.failure, list.loading);
    load(false);
    // An application sent from the outbox belongs in the list at once.
    let outbox = use_outbox();
    Effect::new(move |_| {
        if let Some(OutboxReport::Sent(view)) = outbox.report() {
            applications.update(|list| {
                if !list.iter().any(|a| a.application.id == view.application.id) {
                    list.insert(0, *view);
                }
            });
        }
    });

    let balance_cards = move || {
        balances.get().map(|result| match result {
            Ok(list) if list.is_empty() => {
                view! { <p class="empty-state">{i18n.text(|t| t.leave.balances_empty)}</p> }.into_any()
            }
            Ok(list) => view! {
                <ul class="balance-grid" role="list">
                    {list.into_iter().map(|b| view! { <BalanceCard balance=b/> }).collect_view()}
                </ul>
            }
            .into_any(),
            Err(error) => {
                view! { <p class="notice notice-error" role="alert">{error_text(i18n.t(), &error)}</p> }.into_any()
            }
        })
    };
    let application_list = move || {
        let list = applications.get();
        if list.is_empty() && !loading.get() {
            return view! { <p class="empty-state">{i18n.text(|t| t.leave.applications_empty)}</p> }.into_any();
        }
        view! {
            <ul class="leave-list" role="list">
                {list.into_iter().map(|view| view! { <ApplicationCard view/> }).collect_view()}
            </ul>
        }
        .into_any()
    };

    view! {
        <section class="page leave-page">
            <h1>{i18n.text(|t| t.leave.home_title)}</h1>
            <p><A href="/leave/apply" attr:class="button button-primary button-block">{i18n.text(|t| t.leave.apply_button)}</A></p>
            <OutboxList/>
            <h2 id="balances-heading">{i18n.text(|t| t.leave.balances_heading)}</h2>
            <Suspense fallback=|| view! { <Loading/> }>{balance_cards}</Suspense>
            <h2>{i18n.text(|t| t.leave.my_applications)}</h2>
            {move || failure.get().map(|e| view! { <p class="notice notice-error" role="alert">{error_text(i18n.t(), &e)}</p> })}
            {application_list}
            <Show when=move || loading.get()><Loading/></Show>
            <Show when=move || cursor.get().is_some()>
                <button type="button" class="button-secondary" on:click=move |_| load(true)>{i18n.text(|t| t.load_more)}</button>
            </Show>
        </section>
    }
}

/// One account: what may be drawn on, in large type, and what pending applications hold.
#[component]
fn BalanceCard(balance: BalanceView) -> impl IntoView {
    let i18n = use_i18n();
    let kind = balance.kind;
    let reserved = balance.reserved;
    view! {
        <li class="balance-card">
            <span class="balance-code" aria-hidden="true">{kind.code()}</span>
            <span class="balance-name">{move || i18n.t().leave.kind(kind)}</span>
            <span class="balance-days">
                <strong>{balance.available.to_string()}</strong>
                " " {move || i18n.t().leave.days_unit} " " {move || i18n.t().leave.available}
            </span>
            {(!reserved.is_zero()).then(|| view! {
                <span class="balance-reserved">{move || fill(i18n.t().leave.reserved, "{n}", &reserved.to_string())}</span>
            })}
            <A href=format!("/leave/ledger/{}", kind.code()) attr:class="balance-ledger">
                {i18n.text(|t| t.leave.see_ledger)}
                <span class="visually-hidden">": " {move || i18n.t().leave.kind(kind)}</span>
            </A>
        </li>
    }
}

/// One application in a list: the kind, the dates, the days and where it stands.
#[component]
pub(crate) fn ApplicationCard(view: LeaveApplicationView) -> impl IntoView {
    let i18n = use_i18n();
    let application = view.application;
    let request = application.request;
    let days = application.days;
    view! {
        <li class="leave-card">
            <A href=format!("/leave/applications/{}", application.id) attr:class="leave-card-link">
                <span class="leave-card-kind">{move || i18n.t().leave.kind(request.kind)}</span>
                <span class="leave-card-dates">{move || i18n.t().leave.spell(request.from, request.to)}</span>
                <span class="leave-card-days">{move || days_text(days, i18n.t().leave.days_unit)}</span>
            </A>
            <StatusBadge application/>
        </li>
    }
}

/// Applications filled in without a connection, and what became of the last one sent.
#[component]
fn OutboxList() -> impl IntoView {
    let i18n = use_i18n();
    let outbox = use_outbox();
    let queued = move || outbox.mine();
    view! {
        <Show when=move || !queued().is_empty()>
            <section class="outbox" aria-labelledby="outbox-heading">
                <h2 id="outbox-heading">{i18n.text(|t| t.leave.outbox_heading)}</h2>
                <p class="hint">{i18n.text(|t| t.leave.outbox_hint)}</p>
                <ul class="leave-list" role="list">
                    {move || queued().into_iter().map(|item| {
                        let request = item.request;
                        view! {
                            <li class="leave-card leave-card-queued">
                                <span class="leave-card-kind">{move || i18n.t().leave.kind(request.kind)}</span>
                                <span class="leave-card-dates">{move || i18n.t().leave.spell(request.from, request.to)}</span>
                            </li>
                        }
                    }).collect_view()}
                </ul>
                <button type="button" class="button-secondary" on:click=move |_| outbox.flush()>{i18n.text(|t| t.leave.send_now)}</button>
            </section>
        </Show>
    }
}

/// The outbox's news, on every page: saved, sent or refused.
#[component]
pub fn OutboxStatus() -> impl IntoView {
    let i18n = use_i18n();
    let outbox = use_outbox();
    let text = move || {
        let t = &i18n.t().leave;
        outbox.report().map(|report| {
            let (template, spell, reason) = match &report {
                OutboxReport::Saved(spell) => (t.saved_offline, spell, String::new()),
                OutboxReport::Sent(view) => (t.sent_from_outbox, &view.application.request, String::new()),
                OutboxReport::Refused { spell, error } => {
                    (t.refused_from_outbox, spell, refusal_text(i18n.locale(), error))
                }
            };
            let class = match report {
                OutboxReport::Refused { .. } => "flash flash-warning",
                _ => "flash flash-success",
            };
            let line = template
                .replace("{kind}", t.kind(spell.kind))
                .replace("{from}", &t.spell(spell.from, spell.to))
                .replace("{reason}", &reason);
            (class, line)
        })
    };
    view! {
        <div class="outbox-status" role="status" aria-live="polite">
            {move || text().map(|(class, line)| view! {
                <div class=class>
                    <p>{line}</p>
                    <button type="button" class="button-secondary button-small" on:click=move |_| outbox.clear_report()>
                        {i18n.text(|t| t.leave.dismiss)}
                    </button>
                </div>
            })}
        </div>
    }
}

/// A refusal in words: the translated kind of error and, for a refused value, the server's
/// own explanation (it names the rule), in Hindi when the reader reads Hindi and the server
/// gave one; English is better than no explanation.
pub(crate) fn refusal_text(locale: Locale, error: &ApiError) -> String {
    let kind = error_text(locale.texts(), error);
    let ApiError::Problem(problem) = error else {
        return kind.to_owned();
    };
    let explanation = match (locale, problem.detail_hi.as_deref()) {
        (Locale::Hi, Some(hindi)) if !hindi.trim().is_empty() => hindi,
        _ => problem.detail.as_str(),
    };
    if explanation.is_empty() {
        kind.to_owned()
    } else {
        format!("{kind} {explanation}")
    }
}

/// Tells an official holding a colleague's post by acting charge what they hold and until when.
#[component]
pub fn ActingBanner() -> impl IntoView {
    let i18n = use_i18n();
    let session = crate::session::use_session();
    move || {
        let me = session.me()?;
        let lines = me
            .acting
            .iter()
            .map(|c| {
                let l = &i18n.t().leave;
                l.acting_banner
                    .replace(
                        "{post}",
                        &format!("{} ({})", i18n.pick(&c.post.title_en, &c.post.title_hi), c.post.id),
                    )
                    .replace("{name}", i18n.pick(&c.on_leave_name_en, &c.on_leave_name_hi))
                    .replace("{date}", &l.date(c.to))
            })
            .collect::<Vec<_>>();
        (!lines.is_empty()).then(|| {
            view! {
                <div class="notice notice-warning acting-banner">
                    {lines.into_iter().map(|line| view! { <p>{line}</p> }).collect_view()}
                </div>
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use daftar_domain::wire::{ErrorCode, Problem};

    fn over_balance(detail_hi: Option<&str>) -> ApiError {
        ApiError::Problem(Box::new(Problem {
            type_uri: "https://daftar.example/problems/invalid".into(),
            title: "Unprocessable Entity".into(),
            status: 422,
            detail: "only 2 days are available, and this needs 3".into(),
            detail_hi: detail_hi.map(str::to_owned),
            code: ErrorCode::Invalid,
            field: Some("kind".into()),
            current_version: None,
        }))
    }

    #[test]
    fn a_hindi_reader_is_told_why_in_hindi() {
        let hindi = "आपके खाते में केवल 2 दिन का अवकाश उपलब्ध है, जबकि इसके लिए 3 दिन चाहिए";
        let refused = over_balance(Some(hindi));
        let in_hindi = refusal_text(Locale::Hi, &refused);
        assert!(in_hindi.starts_with(Locale::Hi.texts().error(ErrorCode::Invalid)));
        assert!(in_hindi.ends_with(hindi), "{in_hindi}");
        let in_english = refusal_text(Locale::En, &refused);
        assert!(
            in_english.ends_with("only 2 days are available, and this needs 3"),
            "{in_english}"
        );
    }

    #[test]
    fn without_hindi_from_the_server_the_english_explanation_is_shown() {
        let text = refusal_text(Locale::Hi, &over_balance(None));
        assert!(text.ends_with("only 2 days are available, and this needs 3"), "{text}");
        assert_eq!(
            refusal_text(Locale::Hi, &ApiError::Network),
            Locale::Hi.texts().err_network
        );
    }
}
