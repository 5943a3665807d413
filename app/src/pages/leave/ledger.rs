//! One leave account's ledger: every entry with the balance after it and why it exists.

use crate::api::{self, ApiError};
use crate::components::{ErrorList, Loading, TableHead};
use crate::i18n::{fill, use_i18n, I18n};
use crate::pages::use_page_title;
use daftar_domain::leave::ledger::{Cause, Half, LedgerEntry, Movement, Period};
use daftar_domain::leave::wire::{parse_kind, LedgerView};
use daftar_domain::leave::LeaveKind;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;
use time::Month;

/// A period as people name it: `Jan–Jun 2026`, `2026`, or the whole service.
fn period_text(i18n: I18n, period: &Period) -> String {
    let l = &i18n.t().leave;
    match period {
        Period::Year { year } => year.to_string(),
        Period::HalfYear { year, half } => {
            let (first, last) = match half {
                Half::First => (Month::January, Month::June),
                Half::Second => (Month::July, Month::December),
            };
            format!("{}–{} {year}", l.month_name(first), l.month_name(last))
        }
        Period::Service => l.whole_service.to_owned(),
    }
}

/// The ledger page, for `/leave/ledger/:kind`.
#[component]
pub fn LeaveLedgerPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    use_page_title(|t| t.leave.ledger_title);
    let kind = Memo::new(move |_| params.with(|p| p.get("kind")).and_then(|raw| parse_kind(&raw)));
    let ledger = LocalResource::new(move || {
        let kind = kind.get();
        async move {
            match kind {
                Some(kind) => api::leave::ledger(kind).await,
                None => api::leave::ledger(LeaveKind::Earned).await,
            }
        }
    });
    view! {
        <section class="page leave-page">
            <Suspense fallback=|| view! { <Loading/> }>
                <ErrorBoundary fallback=|errors| view! { <ErrorList errors/> }>
                    {move || ledger.get().map(|result: Result<LedgerView, ApiError>| result.map(|view| view! { <Ledger view/> }))}
                </ErrorBoundary>
            </Suspense>
            <p><A href="/leave">{i18n.text(|t| t.leave.back_to_leave)}</A></p>
        </section>
    }
}

#[component]
fn Ledger(view: LedgerView) -> impl IntoView {
    let i18n = use_i18n();
    let kind = view.kind;
    let available = view.balance.available.to_string();
    let rows = view
        .entries
        .into_iter()
        .rev()
        .map(|entry| view! { <EntryRow entry/> })
        .collect_view();
    view! {
        <h1 id="ledger-heading">{i18n.text(|t| t.leave.ledger_title)} ": " {move || i18n.t().leave.kind(kind)}</h1>
        <p class="balance-days"><strong>{available}</strong> " " {i18n.text(|t| t.leave.days_unit)} " " {i18n.text(|t| t.leave.available)}</p>
        <table class="data-table" role="table" aria-labelledby="ledger-heading">
            <TableHead columns=vec![|t| t.leave.col_on, |t| t.leave.col_entry, |t| t.leave.col_why, |t| t.leave.col_balance_after]/>
            <tbody role="rowgroup">{rows}</tbody>
        </table>
    }
}

#[component]
fn EntryRow(entry: LedgerEntry) -> impl IntoView {
    let i18n = use_i18n();
    let on = entry.on;
    let movement = entry.movement;
    let why = entry.why;
    let balance_after = entry.balance_after.to_string();
    let what = move || {
        let l = &i18n.t().leave;
        match &movement {
            Movement::Credit { amount, overflow } if overflow.is_zero() => fill(l.credit, "{n}", &amount.to_string()),
            Movement::Credit { amount, overflow } => format!(
                "{} {}",
                fill(l.credit, "{n}", &amount.to_string()),
                fill(l.credit_overflow, "{n}", &overflow.to_string())
            ),
            Movement::Debit { amount } => fill(l.debit, "{n}", &amount.to_string()),
            Movement::Lapse { amount } => fill(l.lapse, "{n}", &amount.to_string()),
            Movement::Reversal { of, amount } => {
                fill(l.reversal, "{n}", &amount.to_string()).replace("{of}", &of.to_string())
            }
        }
    };
    let rules = why.rules.clone();
    let cause = why.cause;
    let reason = move || {
        let l = &i18n.t().leave;
        let text = match &cause {
            Cause::Accrual { period } => fill(l.why_accrual, "{period}", &period_text(i18n, period)),
            Cause::PeriodEnd { period } => fill(l.why_period_end, "{period}", &period_text(i18n, period)),
            Cause::Leave { application, taken } => {
                let application = application.clone();
                return view! {
                    {fill(l.why_leave, "{kind}", l.kind(*taken))} " "
                    <A href=format!("/leave/applications/{application}")>{application.to_string()}</A>
                }
                .into_any();
            }
            Cause::Cancelled { application } => {
                let application = application.clone();
                return view! {
                    {l.why_cancelled} " "
                    <A href=format!("/leave/applications/{application}")>{application.to_string()}</A>
                }
                .into_any();
            }
            Cause::Opening { by } => format!("{} {by}", l.why_opening),
            Cause::Correction { by, remarks } => format!("{} {by}: {remarks}", l.why_correction),
        };
        view! { {text} }.into_any()
    };
    let rules_text = move || {
        fill(i18n.t().leave.rules_version, "{state}", rules.state.as_ref()).replace("{n}", &rules.version.to_string())
    };
    view! {
        <tr role="row">
            <td role="cell" data-label=i18n.text(|t| t.leave.col_on)><div class="cell">{move || i18n.t().leave.date(on)}</div></td>
            <td role="cell" data-label=i18n.text(|t| t.leave.col_entry)><div class="cell">{what}</div></td>
            <td role="cell" data-label=i18n.text(|t| t.leave.col_why)><div class="cell">{reason} " " <span class="hint">"(" {rules_text} ")"</span></div></td>
            <td role="cell" data-label=i18n.text(|t| t.leave.col_balance_after)><div class="cell"><strong>{balance_after}</strong></div></td>
        </tr>
    }
}
