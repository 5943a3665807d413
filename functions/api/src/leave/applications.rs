//! Leave applications: the what-if, applying (which reserves the debit), and each step of the
//! chain (which moves the application to the next approver's e-Leave inbox and, at the end,
//! turns the reservation into the ledger's debit or releases it).

use super::accounts::{account_write, load_account, load_cached, ACCOUNT_ATTEMPTS};
use super::{
    application_refusal, chain_refusal, ledger_refusal, load_calendars, load_officers, load_profile, rules_in_force,
    rules_of_version, spell_refusal, LeaveProfile,
};
use crate::auth::CurrentUser;
use crate::error::ApiError;
use crate::idempotency::{Idempotency, Outcome};
use crate::keys;
use crate::receipts::{backoff, unix_millis};
use crate::state::AppState;
use axum::http::StatusCode;
use daftar_domain::leave::account::{absence_changes, debit_of, settle, Account};
use daftar_domain::leave::application::{
    make_application, ApplicationEvent, ApplicationStatus, ChainStep, Effect, LeaveApplication, NewApplication,
    ReplaceRefusal,
};
use daftar_domain::leave::ledger::{Cause, Change};
use daftar_domain::leave::roster::roster_change;
use daftar_domain::leave::spell::check_documents;
use daftar_domain::leave::wire::{
    ActRequest, ApplyRequest, AssessRequest, AssessmentView, BalanceView, LeaveApplicationDetail, LeaveApplicationView,
    LeaveInboxEntry,
};
use daftar_domain::leave::{assess, ApplicationId, Assessment, Balance, HalfDays, LeaveKind, LeaveRequest, RuleSet};
use daftar_domain::local_time::office_date;
use daftar_domain::PostId;
use daftar_store::{Condition, Item, StoreError, Write};
use rand::Rng;

/// A spell judged against everything the rules need, with the account it would draw on.
struct Prepared {
    assessment: Assessment,
    /// The version of the rules it was judged under.
    rules_version: u32,
    chain: Vec<ChainStep>,
    /// The account debited and its cached item's version, if the kind debits one.
    account: Option<(Account, Option<u64>)>,
}

/// The post an applicant applies from, the first they hold, and its office.
fn applicant_desk(user: &CurrentUser) -> Result<(PostId, daftar_domain::OfficeCode), ApiError> {
    user.actor.posts.first().cloned().ok_or_else(|| {
        ApiError::WrongState("you hold no post to apply from".into())
            .with_hindi("आपके पास कोई पद नहीं है जिससे आवेदन किया जा सके")
    })
}

/// An application the caller modifies by applying anew: theirs, and pending, or sanctioned and
/// not yet over.
async fn load_replaced(
    state: &AppState,
    user: &CurrentUser,
    id: &ApplicationId,
) -> Result<LeaveApplicationView, ApiError> {
    let view = load_application(state, id).await?;
    view.application
        .check_replaceable(&user.actor.employee, office_date(state.now()))
        .map_err(replace_refusal)?;
    Ok(view)
}

fn replace_refusal(refusal: ReplaceRefusal) -> ApiError {
    let hindi = refusal.hindi();
    let error = match refusal {
        ReplaceRefusal::NotYours => ApiError::NotPermitted(refusal.to_string()),
        ReplaceRefusal::Decided(_) | ReplaceRefusal::Ended(_) | ReplaceRefusal::Overlaps(_) => {
            ApiError::WrongState(refusal.to_string())
        }
    };
    error.with_hindi(hindi)
}

/// What a modification may count on getting back from the application it replaces, on the
/// account `kind`: its reservation if pending, its whole debit if sanctioned and not begun.
/// (A begun spell is cut short, giving back less: nothing is counted, and the sanction's
/// ledger check has the last word.)
fn given_back(replaced: Option<&LeaveApplicationView>, kind: LeaveKind, today: time::Date) -> HalfDays {
    let Some(old) = replaced.map(|view| &view.application) else {
        return HalfDays::ZERO;
    };
    match (old.debit, old.status) {
        (Some((account, amount)), ApplicationStatus::Pending { .. }) if account == kind => amount,
        (Some((account, amount)), ApplicationStatus::Sanctioned) if account == kind && today < old.request.from => {
            amount
        }
        _ => HalfDays::ZERO,
    }
}

async fn prepare(
    state: &AppState,
    user: &CurrentUser,
    request: &LeaveRequest,
    replaced: Option<&LeaveApplicationView>,
) -> Result<Prepared, ApiError> {
    let store = state.store.as_ref();
    let profile = load_profile(store, &user.actor.employee).await?;
    let rules = rules_in_force(store, &profile.state).await?;
    // The holidays joined before or after a spell may lie in the neighbouring year.
    let first_year = request.from.year() - i32::from(request.prefix);
    let last_year = request.to.year().max(request.from.year()) + i32::from(request.suffix);
    let calendars = load_calendars(store, &profile.state, first_year, last_year).await?;
    let debited = rules
        .rule(request.kind)
        .and_then(|rule| rule.debit_for(HalfDays::HALF))
        .map(|(account, _)| account);
    let account = match debited {
        Some(kind) => Some(load_cached(store, &user.actor.employee, kind).await?),
        None => None,
    };
    let today = office_date(state.now());
    let available = account.as_ref().map_or(Balance::ZERO, |(a, _)| {
        let back = given_back(replaced, a.kind, today);
        Balance::from_half_days(a.available().half_days() + i64::from(back.half_days()))
    });
    let assessment = assess(&rules, &calendars, &profile.profile, available, request, today)
        .map_err(|r| spell_refusal(r, request))?;
    let (post, _) = applicant_desk(user)?;
    let officers = load_officers(store, &post).await?;
    let chain = officers.chain(&assessment.chain, &post).map_err(chain_refusal)?;
    Ok(Prepared {
        assessment,
        rules_version: rules.version(),
        chain,
        account,
    })
}

/// The what-if: the days counted, the balance after, the documents and the chain.
pub(crate) async fn what_if(
    state: &AppState,
    user: &CurrentUser,
    request: AssessRequest,
) -> Result<AssessmentView, ApiError> {
    let replaced = match &request.replaces {
        Some(id) => Some(load_replaced(state, user, id).await?),
        None => None,
    };
    let spell = request.spell;
    let prepared = prepare(state, user, &spell, replaced.as_ref()).await?;
    // The clash apply would refuse, with its message, so the phone shows it before sending.
    super::roster::check_free(
        state.store.as_ref(),
        &user.actor.employee,
        &spell,
        request.replaces.as_ref(),
    )
    .await?;
    Ok(AssessmentView {
        assessment: prepared.assessment,
        chain: prepared.chain,
    })
}

fn new_application_id(year: i32) -> ApplicationId {
    let n: u64 = rand::thread_rng().gen();
    ApplicationId::parse(&format!("LV-{year}-{n:016X}")).expect("generated application ids are well formed")
}

fn application_item(view: &LeaveApplicationView) -> Item {
    Item::new(
        keys::leave_application(&view.application.id),
        serde_json::to_value(view).expect("applications serialise"),
    )
    .with_version(view.application.version)
}

fn event_item(id: &ApplicationId, event: &ApplicationEvent) -> Item {
    Item::new(
        keys::leave_application_event(id, event.seq),
        serde_json::to_value(event).expect("events serialise"),
    )
}

fn my_row_key(application: &LeaveApplication) -> daftar_store::Key {
    keys::my_leave_application(
        &application.employee,
        unix_millis(application.applied_at),
        &application.id,
    )
}

/// The application's row in the inbox of the post it waits at, if it is pending.
fn inbox_key(view: &LeaveApplicationView) -> Option<daftar_store::Key> {
    let post = view.application.waiting_at()?;
    let since = view.waiting_since?;
    Some(keys::leave_inbox(post, unix_millis(since), &view.application.id))
}

fn rows(view: &LeaveApplicationView) -> Vec<Write> {
    let body = serde_json::to_value(view).expect("applications serialise");
    let mut writes = vec![Write::Put {
        item: Item::new(my_row_key(&view.application), body.clone()),
        condition: Condition::None,
    }];
    writes.extend(super::acting::alternate_row(view, &body));
    if let Some(key) = inbox_key(view) {
        writes.push(Write::Put {
            item: Item::new(key, body),
            condition: Condition::None,
        });
    }
    writes
}

/// Applies for leave: judged again with the balance read now, the debit reserved in the same
/// transaction as the application, conditional on the account's version.
pub(crate) async fn apply(
    state: &AppState,
    user: &CurrentUser,
    request: ApplyRequest,
    idempotency: &Idempotency,
) -> Result<Outcome<LeaveApplicationView>, ApiError> {
    let spell = request.spell();
    let (post, office) = applicant_desk(user)?;
    for attempt in 0..ACCOUNT_ATTEMPTS {
        // Read again on each attempt: the transaction checks it has not changed since.
        let replaced = match &request.replaces {
            Some(id) => Some(load_replaced(state, user, id).await?),
            None => None,
        };
        let prepared = prepare(state, user, &spell, replaced.as_ref()).await?;
        check_documents(&prepared.assessment, request.attachments.len()).map_err(|missing| {
            let hindi = missing.hindi();
            ApiError::invalid("attachments", missing).with_hindi(hindi)
        })?;
        let (attachments, claims) = crate::uploads::claim(state, user, &request.attachments, "attachments").await?;
        let rules_version = prepared.rules_version;
        let now = state.now();
        let (application, event) = make_application(
            NewApplication {
                id: new_application_id(office_date(now).year()),
                employee: user.actor.employee.clone(),
                request: spell,
                reason: request.reason.clone(),
                address: request.address.clone(),
                assessment: prepared.assessment,
                chain: prepared.chain,
            },
            now,
        )
        .map_err(application_refusal)?;
        let employee = &user.record.employee;
        let view = LeaveApplicationView {
            applicant_name_en: employee.name_en.to_string(),
            applicant_name_hi: employee.name_hi.to_string(),
            waiting_since: Some(now),
            last_event: event.clone(),
            application,
            post: Some(post.clone()),
            office: Some(office.clone()),
            rules_version: Some(rules_version),
            attachments,
            replaces: request.replaces.clone(),
            replaced_by: None,
        };
        let mut writes = Vec::new();
        if let (Some((mut account, version)), Some((_, amount))) = (prepared.account, view.application.debit) {
            account.reserve(amount);
            writes.push(account_write(&account, version));
        }
        writes.push(Write::Put {
            item: application_item(&view),
            condition: Condition::NotExists,
        });
        writes.push(Write::Put {
            item: event_item(&view.application.id, &event),
            condition: Condition::NotExists,
        });
        writes.extend(rows(&view));
        writes.extend(claims);
        // Refused here if the employee already has leave on some of these days (other than
        // those of the application this one modifies, which must not change meanwhile).
        writes.extend(super::roster::book(state.store.as_ref(), &view, request.replaces.as_ref()).await?);
        if let Some(old) = &replaced {
            writes.push(Write::Check {
                key: keys::leave_application(&old.application.id),
                condition: Condition::VersionIs(old.application.version),
            });
        }
        match idempotency
            .commit(
                state.store.as_ref(),
                writes,
                StatusCode::CREATED,
                view,
                now.unix_timestamp(),
            )
            .await?
        {
            Ok(outcome) => return Ok(outcome),
            // Another application drew on the account first: judge again against what is left.
            Err(StoreError::ConditionFailed { .. } | StoreError::TransactionConflict) => backoff(attempt).await,
            Err(other) => return Err(other.into()),
        }
    }
    Err(ApiError::Unavailable)
}

pub(crate) async fn load_application(state: &AppState, id: &ApplicationId) -> Result<LeaveApplicationView, ApiError> {
    state
        .store
        .get(&keys::leave_application(id))
        .await?
        .ok_or(ApiError::NotFound("leave application"))?
        .parse()
        .map_err(Into::into)
}

/// The days a spell cut short to `to` counts, judged as if applied for on its first day.
fn curtailed_days(
    rules: &RuleSet,
    calendars: &daftar_domain::leave::Calendars,
    profile: &LeaveProfile,
    application: &LeaveApplication,
    to: time::Date,
) -> Result<HalfDays, ApiError> {
    let mut shorter = application.request;
    shorter.to = to;
    shorter.half_day_end = false;
    shorter.suffix = false;
    let generous = Balance::from(HalfDays::days(100_000));
    let assessment = assess(rules, calendars, &profile.profile, generous, &shorter, shorter.from)
        .map_err(|r| spell_refusal(r, &shorter))?;
    Ok(assessment.debit.map_or(HalfDays::ZERO, |debit| debit.amount))
}

/// One application's transition, as written in an action's transaction.
struct Step {
    before: LeaveApplicationView,
    after: LeaveApplicationView,
    event: ApplicationEvent,
    effect: Effect,
}

impl Step {
    fn new(
        before: LeaveApplicationView,
        next: LeaveApplication,
        event: ApplicationEvent,
        effect: Effect,
        now: time::OffsetDateTime,
    ) -> Self {
        let moved_on = next.waiting_at() != before.application.waiting_at();
        let after = LeaveApplicationView {
            applicant_name_en: before.applicant_name_en.clone(),
            applicant_name_hi: before.applicant_name_hi.clone(),
            waiting_since: match next.waiting_at() {
                Some(_) if moved_on => Some(now),
                Some(_) => before.waiting_since,
                None => None,
            },
            last_event: event.clone(),
            application: next,
            post: before.post.clone(),
            office: before.office.clone(),
            rules_version: before.rules_version,
            attachments: before.attachments.clone(),
            replaces: before.replaces.clone(),
            replaced_by: before.replaced_by.clone(),
        };
        Step {
            before,
            after,
            event,
            effect,
        }
    }

    /// The application (first, conditional on the version read), its history entry, its
    /// inbox and list rows, and its acting charge.
    async fn writes(&self, store: &dyn daftar_store::Store) -> Result<Vec<Write>, ApiError> {
        let (before, after) = (&self.before, &self.after);
        let id = &before.application.id;
        let mut writes = vec![
            Write::Put {
                item: application_item(after),
                condition: Condition::VersionIs(before.application.version),
            },
            Write::Put {
                item: event_item(id, &self.event),
                condition: Condition::NotExists,
            },
        ];
        if let Some(old) = inbox_key(before) {
            let moved_on = after.application.waiting_at() != before.application.waiting_at();
            if moved_on || after.application.waiting_at().is_none() {
                writes.push(Write::Delete {
                    key: old,
                    condition: Condition::None,
                });
            }
        }
        writes.extend(rows(after));
        writes.extend(super::acting::follow_step(store, before, after).await?);
        Ok(writes)
    }
}

/// Records a step's ledger effect (a debit, its reversal, or the part of it a curtailment
/// gives back) in the account it debits.
async fn record_effect(
    store: &dyn daftar_store::Store,
    loaded: &mut super::accounts::LoadedAccount,
    step: &Step,
    (profile, rules): (&LeaveProfile, &RuleSet),
    today: time::Date,
) -> Result<(), ApiError> {
    let application = &step.before.application;
    let id = &application.id;
    let taken = application.request.kind;
    match step.effect {
        Effect::Debit { amount, .. } => {
            let cause = Cause::Leave {
                application: id.clone(),
                taken,
            };
            loaded
                .ledger
                .apply(application.request.from, Change::Debit(amount), cause, rules)
                .map_err(ledger_refusal)?;
        }
        Effect::ReverseDebit { amount, .. } => {
            let of = debit_of(&loaded.ledger, id)
                .map(|entry| entry.seq)
                .ok_or_else(|| ApiError::Internal(format!("sanctioned leave {id} has no debit")))?;
            let cause = Cause::Cancelled {
                application: id.clone(),
            };
            loaded
                .ledger
                .apply(today, Change::Reversal { of, amount }, cause, rules)
                .map_err(ledger_refusal)?;
        }
        Effect::Curtail { to, .. } => {
            let debit = debit_of(&loaded.ledger, id)
                .cloned()
                .ok_or_else(|| ApiError::Internal(format!("sanctioned leave {id} has no debit")))?;
            let first_year = application.request.from.year();
            let calendars = load_calendars(store, &profile.state, first_year, to.year()).await?;
            // Counted under the rules the application was assessed under.
            let assessed_under = match step.before.rules_version {
                Some(version) if version != rules.version() => rules_of_version(store, &profile.state, version).await?,
                _ => rules.clone(),
            };
            let kept = curtailed_days(&assessed_under, &calendars, profile, application, to)?;
            let debited = application.debit.map_or(HalfDays::ZERO, |(_, amount)| amount);
            let back = debited.saturating_sub(kept);
            if !back.is_zero() {
                let cause = Cause::Cancelled {
                    application: id.clone(),
                };
                loaded
                    .ledger
                    .apply(
                        today,
                        Change::Reversal {
                            of: debit.seq,
                            amount: back,
                        },
                        cause,
                        rules,
                    )
                    .map_err(ledger_refusal)?;
            }
        }
        Effect::None => {}
    }
    Ok(())
}

/// Whether a step releases a reservation made in an earlier half-year than today's without
/// the leave being granted (rejected or withdrawn), so that its days may have been kept when
/// that period closed and must lapse now (see [`lapse_released`]).
fn may_lapse(step: &Step, settlement: &daftar_domain::leave::account::Settlement, today: time::Date) -> bool {
    use daftar_domain::leave::Period;
    let applied_on = office_date(step.before.application.applied_at);
    !settlement.release.is_zero()
        && matches!(
            step.after.application.status,
            ApplicationStatus::Rejected | ApplicationStatus::Withdrawn
        )
        && Period::half_year_of(applied_on) != Period::half_year_of(today)
}

/// Lapses what a closed period kept for an application now rejected or withdrawn.
fn lapse_released(
    loaded: &mut super::accounts::LoadedAccount,
    step: &Step,
    released: HalfDays,
    rules: &RuleSet,
    today: time::Date,
) -> Result<(), ApiError> {
    let application = &step.before.application;
    let applied_on = office_date(application.applied_at);
    // Recorded as the deciding official's correction: the ledger's causes are shown by the app,
    // which knows no other cause for a lapse outside a period's end.
    let remarks = format!(
        "Kept for application {} when its period closed; lapses as it was not granted",
        application.id
    );
    let cause = Cause::Correction {
        by: step.event.by.clone(),
        remarks: daftar_domain::text::Remarks::parse(&remarks)
            .map_err(|e| ApiError::Internal(format!("lapse remarks: {e}")))?,
    };
    loaded
        .ledger
        .lapse_released(rules, applied_on, released, today, cause)
        .map_err(ledger_refusal)?;
    Ok(())
}

/// An account as a transaction holds it: the cached item alone (to release a reservation) or
/// with its ledger (to record an entry).
enum Held {
    Cached(Account, Option<u64>),
    Ledger(super::accounts::LoadedAccount),
}

/// The account writes of the steps of one employee's applications, in order: each account is
/// read once, every step's release and ledger entry applied to it, and written once.
async fn account_writes(
    store: &dyn daftar_store::Store,
    steps: &[&Step],
    today: time::Date,
) -> Result<Vec<Write>, ApiError> {
    // Which accounts the steps touch, and whether any records a ledger entry in each.
    let mut kinds: Vec<(LeaveKind, bool)> = Vec::new();
    for step in steps {
        let Some((kind, _)) = step.before.application.debit else {
            continue;
        };
        let settlement = settle(&step.before.application, &step.after.application, step.effect);
        let entry = !matches!(step.effect, Effect::None) || may_lapse(step, &settlement, today);
        if !entry && settlement.release.is_zero() {
            continue;
        }
        match kinds.iter_mut().find(|(k, _)| *k == kind) {
            Some((_, needs_ledger)) => *needs_ledger |= entry,
            None => kinds.push((kind, entry)),
        }
    }
    let Some(first) = steps.first() else {
        return Ok(Vec::new());
    };
    let employee = &first.before.application.employee;
    let context = if kinds.iter().any(|(_, ledger)| *ledger) {
        let profile = load_profile(store, employee).await?;
        let rules = rules_in_force(store, &profile.state).await?;
        Some((profile, rules))
    } else {
        None
    };
    let mut held = Vec::with_capacity(kinds.len());
    for (kind, ledger) in &kinds {
        held.push(if *ledger {
            Held::Ledger(load_account(store, employee, *kind).await?)
        } else {
            let (account, version) = load_cached(store, employee, *kind).await?;
            Held::Cached(account, version)
        });
    }
    for step in steps {
        let Some((kind, _)) = step.before.application.debit else {
            continue;
        };
        let Some(at) = kinds.iter().position(|(k, _)| *k == kind) else {
            continue;
        };
        let settlement = settle(&step.before.application, &step.after.application, step.effect);
        match &mut held[at] {
            Held::Cached(account, _) => account.release(settlement.release),
            Held::Ledger(loaded) => {
                loaded.account.release(settlement.release);
                if let Some((profile, rules)) = &context {
                    record_effect(store, loaded, step, (profile, rules), today).await?;
                    if may_lapse(step, &settlement, today) {
                        lapse_released(loaded, step, settlement.release, rules, today)?;
                    }
                }
            }
        }
    }
    Ok(held
        .into_iter()
        .flat_map(|held| match held {
            Held::Cached(account, version) => vec![account_write(&account, version)],
            Held::Ledger(mut loaded) => loaded.writes(),
        })
        .collect())
}

/// The changes to the employee's counts of extraordinary leave per half-year, one increment
/// per half-year.
fn absence_writes(steps: &[&Step]) -> Vec<Write> {
    let mut by_period: Vec<(daftar_domain::leave::Period, i64)> = Vec::new();
    for step in steps {
        for (period, by) in absence_changes(&step.before.application, &step.after.application) {
            match by_period.iter_mut().find(|(p, _)| *p == period) {
                Some((_, sum)) => *sum += by,
                None => by_period.push((period, by)),
            }
        }
    }
    let Some(first) = steps.first() else {
        return Vec::new();
    };
    let employee = &first.before.application.employee;
    by_period
        .into_iter()
        .filter(|(_, by)| *by != 0)
        .map(|(period, by)| Write::Increment {
            key: keys::leave_absences(employee, &period.to_string()),
            by,
        })
        .collect()
}

/// Recommends, approves, sanctions, rejects, cancels or curtails an application, at the
/// version the official saw. The sanction of a modification withdraws, cancels or cuts short
/// the application it replaces in the same transaction.
pub(crate) async fn act(
    state: &AppState,
    user: &CurrentUser,
    id: &ApplicationId,
    request: ActRequest,
    idempotency: &Idempotency,
) -> Result<Outcome<LeaveApplicationView>, ApiError> {
    let store = state.store.as_ref();
    for attempt in 0..ACCOUNT_ATTEMPTS {
        let before = load_application(state, id).await?;
        let application = &before.application;
        if request.version != application.version {
            if let Some(saved) = idempotency.saved(store).await? {
                return Ok(Outcome::Replayed(saved));
            }
        }
        let now = state.now();
        let today = office_date(now);
        // The alternate may act only while the step's approver is away.
        let approver = super::acting::presence_at_step(store, application, &user.actor, today).await?;
        let (next, event, effect) = application
            .act_during(
                request.version,
                request.action.clone(),
                &user.actor,
                approver,
                today,
                now,
            )
            .map_err(application_refusal)?;
        let sanctioned = next.status == ApplicationStatus::Sanctioned && application.status != next.status;
        let step = Step::new(before, next, event, effect, now);
        let replaced = match (&step.before.replaces, sanctioned) {
            (Some(old_id), true) => {
                let old = load_application(state, old_id).await?;
                old.application
                    .replaced_by(&step.after.application, &step.event, today)
                    .map_err(replace_refusal)?
                    .map(|(next, event, effect)| {
                        let mut old_step = Step::new(old, next, event, effect, now);
                        old_step.after.replaced_by = Some(id.clone());
                        old_step
                    })
            }
            _ => None,
        };
        // The replaced application's reversal goes into the ledger before the new debit.
        let steps: Vec<&Step> = replaced.iter().chain(std::iter::once(&step)).collect();

        // The application's own put comes first: a failed condition there is someone else's act.
        let mut writes = step.writes(store).await?;
        if let Some(old) = &replaced {
            writes.extend(old.writes(store).await?);
        }
        writes.extend(account_writes(store, &steps, today).await?);
        let changes: Vec<(&LeaveApplicationView, _)> = steps
            .iter()
            .map(|s| {
                (
                    &s.before,
                    roster_change(s.before.application.status, s.after.application.status),
                )
            })
            .collect();
        writes.extend(super::roster::steps_writes(store, &changes).await?);
        writes.extend(absence_writes(&steps));
        let after = step.after;
        match idempotency
            .commit(store, writes, StatusCode::OK, after, now.unix_timestamp())
            .await?
        {
            Ok(outcome) => return Ok(outcome),
            Err(StoreError::ConditionFailed { index: 0, current }) => {
                return Err(ApiError::Conflict {
                    message: "someone else acted on this application first; reload it".into(),
                    current_version: current.map(|item| item.version),
                })
            }
            // The account changed under us (another application of the same employee): again.
            Err(StoreError::ConditionFailed { .. } | StoreError::TransactionConflict) => backoff(attempt).await,
            Err(other) => return Err(other.into()),
        }
    }
    Err(ApiError::Unavailable)
}

/// Adds the applicant's balance of the account each application debits.
pub(crate) async fn with_balances(
    state: &AppState,
    views: Vec<LeaveApplicationView>,
) -> Result<Vec<LeaveInboxEntry>, ApiError> {
    let overlaps = super::roster::overlapping(state.store.as_ref(), &views).await?;
    let mut entries = Vec::with_capacity(views.len());
    for (view, overlapping) in views.into_iter().zip(overlaps) {
        let balance = match view.application.debit {
            Some((kind, _)) => {
                let (account, _) = load_cached(state.store.as_ref(), &view.application.employee, kind).await?;
                Some(BalanceView::from(&account))
            }
            None => None,
        };
        entries.push(LeaveInboxEntry {
            view,
            balance,
            overlapping,
        });
    }
    Ok(entries)
}

/// The applicant and the posts of the chain (and their alternates) may see an application.
pub(crate) fn check_may_see(user: &CurrentUser, view: &LeaveApplicationView) -> Result<(), ApiError> {
    let application = &view.application;
    let in_chain = application
        .chain
        .iter()
        .any(|step| user.actor.holds(&step.post) || step.alternate.as_ref().is_some_and(|p| user.actor.holds(p)));
    if application.employee != user.actor.employee && !in_chain {
        return Err(ApiError::NotPermitted("you may not see this leave application".into()));
    }
    Ok(())
}

/// An application and its history, for the applicant and the posts of its chain.
pub(crate) async fn detail(
    state: &AppState,
    user: &CurrentUser,
    id: &ApplicationId,
) -> Result<LeaveApplicationDetail, ApiError> {
    let view = load_application(state, id).await?;
    check_may_see(user, &view)?;
    let mut query = daftar_store::Query::new(daftar_store::Index::Table, keys::leave_application_partition(id));
    query.range = daftar_store::SortRange::Prefix(keys::EVENT_PREFIX.to_owned());
    let history = crate::pagination::all_pages(state.store.as_ref(), query).await?;
    Ok(LeaveApplicationDetail { view, history })
}
