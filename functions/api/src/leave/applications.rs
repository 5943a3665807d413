//! Leave applications: the what-if, applying (which reserves the debit), and each step of the
//! chain (which moves the application to the next approver's e-Leave inbox and, at the end,
//! turns the reservation into the ledger's debit or releases it).

use super::accounts::{account_write, load_account, load_cached, ACCOUNT_ATTEMPTS};
use super::{
    application_refusal, chain_refusal, ledger_refusal, load_calendars, load_officers, load_profile, rules_in_force,
    spell_refusal, LeaveProfile,
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
    make_application, ApplicationEvent, ChainStep, Effect, LeaveApplication, NewApplication,
};
use daftar_domain::leave::ledger::{Cause, Change};
use daftar_domain::leave::wire::{
    ActRequest, ApplyRequest, AssessmentView, BalanceView, LeaveApplicationDetail, LeaveApplicationView,
    LeaveInboxEntry,
};
use daftar_domain::leave::{assess, ApplicationId, Assessment, Balance, HalfDays, LeaveRequest, RuleSet};
use daftar_domain::local_time::office_date;
use daftar_domain::PostId;
use daftar_store::{Condition, Item, StoreError, Write};
use rand::Rng;

/// A spell judged against everything the rules need, with the account it would draw on.
struct Prepared {
    assessment: Assessment,
    chain: Vec<ChainStep>,
    /// The account debited and its cached item's version, if the kind debits one.
    account: Option<(Account, Option<u64>)>,
}

/// The post an applicant applies from: the first they hold.
fn applicant_post(user: &CurrentUser) -> Result<PostId, ApiError> {
    user.actor
        .posts
        .first()
        .map(|(post, _)| post.clone())
        .ok_or_else(|| ApiError::WrongState("you hold no post to apply from".into()))
}

async fn prepare(state: &AppState, user: &CurrentUser, request: &LeaveRequest) -> Result<Prepared, ApiError> {
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
    let available = account.as_ref().map_or(Balance::ZERO, |(a, _)| a.available());
    let today = office_date(state.now());
    let assessment = assess(&rules, &calendars, &profile.profile, available, request, today)
        .map_err(|r| spell_refusal(r, request))?;
    let post = applicant_post(user)?;
    let officers = load_officers(store, &post).await?;
    let chain = officers.chain(&assessment.chain, &post).map_err(chain_refusal)?;
    Ok(Prepared {
        assessment,
        chain,
        account,
    })
}

/// The what-if: the days counted, the balance after, the documents and the chain.
pub(crate) async fn what_if(
    state: &AppState,
    user: &CurrentUser,
    request: LeaveRequest,
) -> Result<AssessmentView, ApiError> {
    let prepared = prepare(state, user, &request).await?;
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
    for attempt in 0..ACCOUNT_ATTEMPTS {
        let prepared = prepare(state, user, &spell).await?;
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

/// Recommends, approves, sanctions, rejects, cancels or curtails an application, at the
/// version the official saw.
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
        let (next, event, effect) = application
            .act(request.version, request.action.clone(), &user.actor, today, now)
            .map_err(application_refusal)?;
        let settlement = settle(application, &next, effect);

        let mut account_writes = Vec::new();
        if let Some((kind, _)) = application.debit {
            if matches!(effect, Effect::None) {
                if !settlement.release.is_zero() {
                    let (mut account, version) = load_cached(store, &application.employee, kind).await?;
                    account.release(settlement.release);
                    account_writes.push(account_write(&account, version));
                }
            } else {
                let profile = load_profile(store, &application.employee).await?;
                let rules = rules_in_force(store, &profile.state).await?;
                let mut loaded = load_account(store, &application.employee, kind).await?;
                loaded.account.release(settlement.release);
                let taken = application.request.kind;
                match effect {
                    Effect::Debit { amount, .. } => {
                        let cause = Cause::Leave {
                            application: id.clone(),
                            taken,
                        };
                        loaded
                            .ledger
                            .apply(application.request.from, Change::Debit(amount), cause, &rules)
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
                            .apply(today, Change::Reversal { of, amount }, cause, &rules)
                            .map_err(ledger_refusal)?;
                    }
                    Effect::Curtail { to, .. } => {
                        let debit = debit_of(&loaded.ledger, id)
                            .cloned()
                            .ok_or_else(|| ApiError::Internal(format!("sanctioned leave {id} has no debit")))?;
                        let first_year = application.request.from.year();
                        let calendars = load_calendars(store, &profile.state, first_year, to.year()).await?;
                        let kept = curtailed_days(&rules, &calendars, &profile, application, to)?;
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
                                    &rules,
                                )
                                .map_err(ledger_refusal)?;
                        }
                    }
                    Effect::None => {}
                }
                account_writes = loaded.writes();
            }
        }

        let moved_on = next.waiting_at() != application.waiting_at();
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
        };
        let mut writes = vec![
            Write::Put {
                item: application_item(&after),
                condition: Condition::VersionIs(application.version),
            },
            Write::Put {
                item: event_item(id, &event),
                condition: Condition::NotExists,
            },
        ];
        if let Some(old) = inbox_key(&before) {
            if moved_on || after.application.waiting_at().is_none() {
                writes.push(Write::Delete {
                    key: old,
                    condition: Condition::None,
                });
            }
        }
        writes.extend(rows(&after));
        writes.extend(account_writes);
        writes.extend(
            absence_changes(application, &after.application)
                .into_iter()
                .map(|(period, by)| Write::Increment {
                    key: keys::leave_absences(&application.employee, &period.to_string()),
                    by,
                }),
        );
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
    let mut entries = Vec::with_capacity(views.len());
    for view in views {
        let balance = match view.application.debit {
            Some((kind, _)) => {
                let (account, _) = load_cached(state.store.as_ref(), &view.application.employee, kind).await?;
                Some(BalanceView::from(&account))
            }
            None => None,
        };
        entries.push(LeaveInboxEntry { view, balance });
    }
    Ok(entries)
}

/// An application and its history, for the applicant and the posts of its chain.
pub(crate) async fn detail(
    state: &AppState,
    user: &CurrentUser,
    id: &ApplicationId,
) -> Result<LeaveApplicationDetail, ApiError> {
    let view = load_application(state, id).await?;
    let application = &view.application;
    let in_chain = application
        .chain
        .iter()
        .any(|step| user.actor.holds(&step.post) || step.alternate.as_ref().is_some_and(|p| user.actor.holds(p)));
    if application.employee != user.actor.employee && !in_chain {
        return Err(ApiError::NotPermitted("you may not see this leave application".into()));
    }
    let mut query = daftar_store::Query::new(daftar_store::Index::Table, keys::leave_application_partition(id));
    query.range = daftar_store::SortRange::Prefix(keys::EVENT_PREFIX.to_owned());
    let mut history = Vec::new();
    loop {
        let page = state.store.query(query.clone()).await?;
        for item in &page.items {
            history.push(item.parse()?);
        }
        match page.next {
            Some(cursor) => query.cursor = Some(cursor),
            None => break,
        }
    }
    Ok(LeaveApplicationDetail { view, history })
}
