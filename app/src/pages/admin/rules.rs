//! `/admin/leave-rules`: the leave rules in force, with the numbers an administrator changes
//! most (the credit, the most an account may hold, the longest spell, how late one may apply)
//! editable per kind of leave, saved as a new version from an effective date. The rest of each
//! rule (chains, documents, eligibility) is sent back as it was.

use super::{described, field_error, input, AdminForm, AdminOnly, Complaint, Outcome, OutcomeLine, Problems};
use crate::api;
use crate::components::Loading;
use crate::format::{human_date, human_local, iso_date, parse_iso_date, today};
use crate::i18n::{fill, use_i18n, FieldError, Texts};
use crate::pages::pims::refusal;
use crate::pages::use_page_title;
use daftar_domain::leave::rules::{Accrual, RuleError};
use daftar_domain::leave::wire::{LeaveRulesView, PutLeaveRules};
use daftar_domain::leave::{HalfDays, LeaveTypeRule, RuleSet};
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos_router::components::A;

/// `/admin/leave-rules`.
#[component]
pub fn LeaveRulesPage() -> impl IntoView {
    use_page_title(|t| t.admin.rules_title);
    view! {
        <AdminOnly>
            <RulesAdmin/>
        </AdminOnly>
    }
}

#[component]
fn RulesAdmin() -> impl IntoView {
    let i18n = use_i18n();
    let outcome = Outcome::provide();
    let rules = LocalResource::new(move || {
        outcome.track();
        api::admin::leave_rules()
    });
    view! {
        <section class="page admin-page">
            <p><A href="/admin">{i18n.text(|t| t.admin.back_to_admin)}</A></p>
            <h1>{i18n.text(|t| t.admin.rules_title)}</h1>
            <p class="hint">{i18n.text(|t| t.admin.rules_intro)}</p>
            <OutcomeLine outcome/>
            <Transition fallback=Loading>
                {move || rules.get().map(|result| match result {
                    Ok(view) => view! { <RulesEditor view/> }.into_any(),
                    Err(error) => refusal(error).into_any(),
                })}
            </Transition>
        </section>
    }
}

/// The numbers of one kind's rule, as typed.
#[derive(Clone, Copy)]
struct RuleFields {
    credit: RwSignal<String>,
    max_balance: RwSignal<String>,
    max_spell: RwSignal<String>,
    backdate: RwSignal<String>,
}

impl RuleFields {
    fn of(rule: &LeaveTypeRule) -> Self {
        let days = |d: Option<HalfDays>| RwSignal::new(d.map(|d| d.to_string()).unwrap_or_default());
        RuleFields {
            credit: days(rule.accrual.amount()),
            max_balance: days(rule.max_balance),
            max_spell: days(rule.max_per_spell),
            backdate: RwSignal::new(rule.backdate_days.to_string()),
        }
    }

    fn typed(&self) -> Typed {
        Typed {
            credit: self.credit.get_untracked(),
            max_balance: self.max_balance.get_untracked(),
            max_spell: self.max_spell.get_untracked(),
            backdate: self.backdate.get_untracked(),
        }
    }
}

/// One rule's numbers as typed, apart from signals so the edit can be tested.
struct Typed {
    credit: String,
    max_balance: String,
    max_spell: String,
    backdate: String,
}

/// The rule with the typed numbers in it, or the fields that are not numbers of days.
fn edited(rule: &LeaveTypeRule, typed: &Typed) -> Result<LeaveTypeRule, Vec<&'static str>> {
    let mut bad = Vec::new();
    let mut days = |field: &'static str, raw: &str| match HalfDays::parse(raw) {
        Ok(days) => Some(days),
        Err(_) => {
            bad.push(field);
            None
        }
    };
    let limit = |raw: &str| raw.trim().is_empty();
    let credit = rule.accrual.amount().and_then(|_| days("credit", &typed.credit));
    let max_balance = if limit(&typed.max_balance) {
        None
    } else {
        days("max_balance", &typed.max_balance)
    };
    let max_spell = if limit(&typed.max_spell) {
        None
    } else {
        days("max_spell", &typed.max_spell)
    };
    let backdate = typed.backdate.trim().parse::<u16>();
    if backdate.is_err() {
        bad.push("backdate");
    }
    if !bad.is_empty() {
        return Err(bad);
    }
    Ok(LeaveTypeRule {
        accrual: credit.map_or_else(|| rule.accrual.clone(), |amount| with_amount(&rule.accrual, amount)),
        max_balance,
        max_per_spell: max_spell,
        backdate_days: backdate.unwrap_or(rule.backdate_days),
        ..rule.clone()
    })
}

/// The same way of earning, with a different credit.
fn with_amount(accrual: &Accrual, amount: HalfDays) -> Accrual {
    match accrual {
        Accrual::None => Accrual::None,
        Accrual::AnnualGrant { .. } => Accrual::AnnualGrant { amount },
        Accrual::HalfYearlyAdvance { reduce_one_day_per, .. } => Accrual::HalfYearlyAdvance {
            amount,
            reduce_one_day_per: *reduce_one_day_per,
        },
        Accrual::PerCompletedHalfYear { reduce_one_day_per, .. } => Accrual::PerCompletedHalfYear {
            amount,
            reduce_one_day_per: *reduce_one_day_per,
        },
        Accrual::ServiceGrant { .. } => Accrual::ServiceGrant { amount },
    }
}

/// The version in force, its table of numbers and the effective date of the next version.
#[component]
fn RulesEditor(view: LeaveRulesView) -> impl IntoView {
    let i18n = use_i18n();
    let form = AdminForm::new("rules");
    let LeaveRulesView { rules, recorded } = view;
    let rows: Vec<(LeaveTypeRule, RuleFields)> = rules
        .types()
        .iter()
        .map(|rule| (rule.clone(), RuleFields::of(rule)))
        .collect();
    let effective = RwSignal::new(iso_date(today()));
    let in_force = {
        let (version, state, from) = (rules.version(), rules.state().to_string(), rules.effective_from());
        move || {
            fill(i18n.t().admin.rules_in_force, "{v}", &version.to_string())
                .replace("{state}", &state)
                .replace("{date}", &human_date(from))
        }
    };
    let recorded_line =
        move || fill(i18n.t().admin.recorded, "{by}", recorded.by.as_ref()).replace("{at}", &human_local(recorded.at));
    let submit = {
        let rows = rows.clone();
        move |ev: SubmitEvent| {
            ev.prevent_default();
            form.clear();
            let mut types = Vec::new();
            for (rule, fields) in &rows {
                match edited(rule, &fields.typed()) {
                    Ok(rule) => types.push(rule),
                    Err(bad) => {
                        for field in bad {
                            let words = if field == "backdate" {
                                |t: &Texts| t.admin.bad_whole_days.to_owned()
                            } else {
                                |t: &Texts| t.admin.bad_days.to_owned()
                            };
                            form.complain(Some(&format!("{}-{field}", rule.kind.code())), Complaint::said(words));
                        }
                    }
                }
            }
            let date = parse_iso_date(&effective.get_untracked());
            if date.is_none() {
                form.complain(
                    Some("effective_from"),
                    Complaint::said(|t| t.field_error(FieldError::InvalidDate)),
                );
            }
            if !form.passes() {
                return;
            }
            let Some(date) = date else { return };
            // The whole set must still hold together, as the server will check.
            if let Err(error) = RuleSet::new(rules.state().clone(), rules.version() + 1, date, types.clone()) {
                // The two a changed number can cause are shown beside it; the rest (about
                // parts of a rule this page does not edit) in the server's words.
                match error {
                    RuleError::CapBelowCredit(kind) => form.complain(
                        Some(&format!("{}-max_balance", kind.code())),
                        Complaint::said(|t| t.admin.err_cap_below_credit.to_owned()),
                    ),
                    RuleError::SpellBounds(kind) => form.complain(
                        Some(&format!("{}-max_spell", kind.code())),
                        Complaint::said(|t| t.admin.err_spell_bounds.to_owned()),
                    ),
                    other => {
                        let reason = other.to_string();
                        form.complain(
                            None,
                            Complaint::said(move |t| fill(t.admin.rules_incoherent, "{reason}", &reason)),
                        );
                    }
                }
                form.passes();
                return;
            }
            let state = rules.state().clone();
            form.send(
                PutLeaveRules {
                    expected_version: Some(rules.version()),
                    effective_from: date,
                    types,
                },
                move |body, key| async move { api::admin::put_leave_rules(&state, &body, &key).await },
                |t| t.admin.saved,
                || (),
            );
        }
    };
    let body = rows
        .into_iter()
        .map(|(rule, fields)| rule_row(form, rule, fields))
        .collect_view();
    let effective_id = form.id("effective_from");
    view! {
        <p>{in_force}</p>
        <p class="hint">{recorded_line}</p>
        <form on:submit=submit novalidate=true>
            <Problems form/>
            <p id="rules-hint" class="hint">{i18n.text(|t| t.admin.days_hint)}</p>
            <div class="table-scroll">
                <table class="data-table admin-table admin-rules" aria-describedby="rules-hint">
                    <caption>{i18n.text(|t| t.admin.rules_caption)}</caption>
                    <thead><tr>
                        <th scope="col">{i18n.text(|t| t.admin.col_leave)}</th>
                        <th scope="col">{i18n.text(|t| t.admin.col_credit)}</th>
                        <th scope="col">{i18n.text(|t| t.admin.col_max_balance)}</th>
                        <th scope="col">{i18n.text(|t| t.admin.col_max_spell)}</th>
                        <th scope="col">{i18n.text(|t| t.admin.col_backdate)}</th>
                    </tr></thead>
                    <tbody>{body}</tbody>
                </table>
            </div>
            <div class="field">
                <label for=effective_id.clone()>{i18n.text(|t| t.admin.effective_from)}</label>
                <input id=effective_id type="date" aria-describedby=described(form, "effective_from", false)
                    aria-invalid=move || form.invalid("effective_from").to_string()
                    prop:value=move || effective.get() on:input=move |ev| effective.set(event_target_value(&ev))/>
                {field_error(form, "effective_from")}
            </div>
            <div class="actions">
                <button type="submit" class="button-primary" disabled=move || form.busy.get()>{i18n.text(|t| t.admin.save_rules)}</button>
            </div>
        </form>
    }
}

/// One kind of leave: its name and its four numbers, each labelled for screen readers by
/// column and kind.
fn rule_row(form: AdminForm, rule: LeaveTypeRule, fields: RuleFields) -> impl IntoView {
    let i18n = use_i18n();
    let kind = rule.kind;
    let cell = move |column: fn(&Texts) -> &'static str, name: &'static str, value: RwSignal<String>| {
        let field = format!("{}-{name}", kind.code());
        let id = form.id(&field);
        view! {
            <td data-label=i18n.text(column)>
                <label for=id class="visually-hidden">{move || format!("{}: {}", column(i18n.t()), i18n.t().leave.kind(kind))}</label>
                {input(form, field, value, false, None)}
            </td>
        }
    };
    let credit = if rule.accrual.amount().is_some() {
        cell(|t| t.admin.col_credit, "credit", fields.credit).into_any()
    } else {
        view! { <td data-label=i18n.text(|t| t.admin.col_credit)>{i18n.text(|t| t.admin.not_earned)}</td> }.into_any()
    };
    view! {
        <tr>
            <th scope="row">{move || i18n.t().leave.kind(kind)} " " <span class="code">{kind.code()}</span></th>
            {credit}
            {cell(|t| t.admin.col_max_balance, "max_balance", fields.max_balance)}
            {cell(|t| t.admin.col_max_spell, "max_spell", fields.max_spell)}
            {cell(|t| t.admin.col_backdate, "backdate", fields.backdate)}
        </tr>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use daftar_domain::leave::LeaveKind;

    fn typed(credit: &str, max_balance: &str, max_spell: &str, backdate: &str) -> Typed {
        Typed {
            credit: credit.into(),
            max_balance: max_balance.into(),
            max_spell: max_spell.into(),
            backdate: backdate.into(),
        }
    }

    fn earned() -> LeaveTypeRule {
        RuleSet::ccs_default().rule(LeaveKind::Earned).unwrap().clone()
    }

    #[test]
    fn the_typed_numbers_replace_the_rules_and_keep_the_rest() {
        let rule = earned();
        let changed = edited(&rule, &typed("16", "315.5", "", "7")).unwrap();
        assert_eq!(changed.accrual.amount(), Some(HalfDays::days(16)));
        assert_eq!(changed.max_balance, Some(HalfDays::from_half_days(631)));
        assert_eq!(changed.max_per_spell, None);
        assert_eq!(changed.backdate_days, 7);
        assert_eq!((changed.chain, changed.documents), (rule.chain, rule.documents));
    }

    #[test]
    fn each_bad_number_is_named() {
        let bad = edited(&earned(), &typed("x", "1.25", "3", "-1")).unwrap_err();
        assert_eq!(bad, ["credit", "max_balance", "backdate"]);
    }

    #[test]
    fn a_kind_that_is_not_earned_keeps_earning_nothing() {
        let rule = RuleSet::ccs_default().rule(LeaveKind::Extraordinary).unwrap().clone();
        assert_eq!(edited(&rule, &typed("", "", "", "0")).unwrap().accrual, Accrual::None);
    }
}
