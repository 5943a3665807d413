//! Leave accounts in the store: the cached balance item and the ledger's entries, read
//! together and written together, and the periodic credit job.

use super::{ledger_refusal, rules_in_force, LeaveProfile};
use crate::auth::CurrentUser;
use crate::error::ApiError;
use crate::idempotency::{Idempotency, Outcome};
use crate::keys;
use crate::pagination::all_pages;
use crate::state::AppState;
use axum::http::StatusCode;
use daftar_domain::auth::{authorize, Action, Resource};
use daftar_domain::leave::account::Account;
use daftar_domain::leave::ledger::{credits_due, may_run_credits, Applied, Period};
use daftar_domain::leave::rules::Accrual;
use daftar_domain::leave::wire::{BalanceView, CreditRun, LedgerView};
use daftar_domain::leave::{HalfDays, LeaveKind, Ledger, LedgerEntry, RuleSet, StateCode};
use daftar_domain::local_time::office_date;
use daftar_domain::EmployeeId;
use daftar_store::{Condition, Index, Item, Query, SortRange, Store, StoreError, Write};

/// How often a write to an account retries after another request changed it first.
pub(crate) const ACCOUNT_ATTEMPTS: usize = 8;
/// Employees credited per call of the credit job; the caller follows the cursor.
const CREDIT_PAGE: u32 = 25;

/// An account as read: the cached item (absent for an account never written) and its ledger.
pub(crate) struct LoadedAccount {
    pub account: Account,
    /// The cached item's version; `None` when it does not exist yet.
    pub version: Option<u64>,
    pub ledger: Ledger,
    /// How many entries the ledger had when read; entries after this are new.
    pub read_entries: usize,
}

/// The cached account alone (enough to reserve or release).
pub(crate) async fn load_cached(
    store: &dyn Store,
    employee: &EmployeeId,
    kind: LeaveKind,
) -> Result<(Account, Option<u64>), ApiError> {
    match store.get(&keys::leave_balance(employee, kind)).await? {
        Some(item) => Ok((item.parse()?, Some(item.version))),
        None => Ok((Account::empty(employee.clone(), kind), None)),
    }
}

async fn load_entries(store: &dyn Store, employee: &EmployeeId, kind: LeaveKind) -> Result<Vec<LedgerEntry>, ApiError> {
    let mut query = Query::new(Index::Table, keys::employee_partition(employee));
    query.range = SortRange::Prefix(keys::ledger_prefix(kind));
    all_pages(store, query).await
}

/// The account and its whole ledger, consistent with each other. A ledger holds a few entries
/// a year, so reading it all is one short query.
pub(crate) async fn load_account(
    store: &dyn Store,
    employee: &EmployeeId,
    kind: LeaveKind,
) -> Result<LoadedAccount, ApiError> {
    for attempt in 0..ACCOUNT_ATTEMPTS {
        let (account, version) = load_cached(store, employee, kind).await?;
        let entries = load_entries(store, employee, kind).await?;
        let ledger = Ledger::replay(employee.clone(), kind, entries).map_err(ledger_refusal)?;
        if account.matches(&ledger) {
            let read_entries = ledger.entries().len();
            return Ok(LoadedAccount {
                account,
                version,
                ledger,
                read_entries,
            });
        }
        // An entry landed between the two reads: read both again.
        crate::receipts::backoff(attempt).await;
    }
    Err(ApiError::Unavailable)
}

/// The write that replaces the cached account, conditional on the version read.
pub(crate) fn account_write(account: &Account, version: Option<u64>) -> Write {
    let item = Item::new(
        keys::leave_balance(&account.employee, account.kind),
        serde_json::to_value(account).expect("accounts serialise"),
    )
    .with_version(version.map_or(1, |v| v + 1));
    Write::Put {
        item,
        condition: version.map_or(Condition::NotExists, Condition::VersionIs),
    }
}

/// The writes for a ledger entry: the entry (never overwritten) and, for a keyed entry, its claim.
pub(crate) fn entry_writes(employee: &EmployeeId, kind: LeaveKind, entry: &LedgerEntry) -> Vec<Write> {
    let mut writes = vec![Write::Put {
        item: Item::new(
            keys::ledger_entry(employee, kind, entry.seq),
            serde_json::to_value(entry).expect("ledger entries serialise"),
        ),
        condition: Condition::NotExists,
    }];
    if let Some(key) = entry.why.cause.key(kind) {
        writes.push(Write::Put {
            item: Item::new(
                keys::ledger_claim(employee, &key),
                serde_json::json!({ "seq": entry.seq }),
            ),
            condition: Condition::NotExists,
        });
    }
    writes
}

impl LoadedAccount {
    /// Everything to write after entries were applied to the ledger: the new entries, their
    /// claims, and the account following the ledger (account write first).
    pub(crate) fn writes(&mut self) -> Vec<Write> {
        self.account.follow(&self.ledger);
        let mut writes = vec![account_write(&self.account, self.version)];
        for entry in &self.ledger.entries()[self.read_entries..] {
            writes.extend(entry_writes(&self.account.employee, self.account.kind, entry));
        }
        writes
    }
}

/// The caller's balances, one per account they hold.
pub(crate) async fn balances(state: &AppState, user: &CurrentUser) -> Result<Vec<BalanceView>, ApiError> {
    let mut query = Query::new(Index::Table, keys::employee_partition(&user.actor.employee));
    query.range = SortRange::Prefix(keys::LEAVE_BALANCE_PREFIX.to_owned());
    let page = state.store.query(query).await?;
    page.items
        .iter()
        .map(|item| {
            item.parse::<Account>()
                .map(|a| BalanceView::from(&a))
                .map_err(Into::into)
        })
        .collect()
}

/// The caller's ledger of one kind.
pub(crate) async fn ledger(state: &AppState, user: &CurrentUser, kind: LeaveKind) -> Result<LedgerView, ApiError> {
    let loaded = load_account(state.store.as_ref(), &user.actor.employee, kind).await?;
    Ok(LedgerView {
        kind,
        balance: BalanceView::from(&loaded.account),
        entries: loaded.ledger.entries().to_vec(),
    })
}

/// The extraordinary leave that reduces a credit: of the half-year before an advance credit,
/// or of the half-year itself for a credit in arrears.
async fn absences_counted(
    store: &dyn Store,
    rules: &RuleSet,
    profile: &LeaveProfile,
    kind: LeaveKind,
    period: Period,
) -> Result<HalfDays, ApiError> {
    let counted = match rules.rule(kind).map(|rule| &rule.accrual) {
        Some(Accrual::HalfYearlyAdvance { .. }) => period.previous(),
        Some(Accrual::PerCompletedHalfYear { .. }) => Some(period),
        _ => None,
    };
    let Some(counted) = counted else {
        return Ok(HalfDays::ZERO);
    };
    let key = keys::leave_absences(&profile.employee, &counted.to_string());
    let half_days = store.get(&key).await?.map_or(0, |item| item.count);
    Ok(HalfDays::from_half_days(
        u32::try_from(half_days.max(0)).unwrap_or(u32::MAX),
    ))
}

/// What crediting one account did.
enum Credited {
    Written(u32),
    Already,
    NothingDue,
}

async fn credit_account(
    store: &dyn Store,
    rules: &RuleSet,
    profile: &LeaveProfile,
    kind: LeaveKind,
    period: Period,
) -> Result<Credited, ApiError> {
    for attempt in 0..ACCOUNT_ATTEMPTS {
        let mut loaded = load_account(store, &profile.employee, kind).await?;
        let absences = absences_counted(store, rules, profile, kind, period).await?;
        // What pending applications reserved stays when the period before closes.
        let reserved = loaded.account.reserved;
        let accrued = loaded
            .ledger
            .accrue(rules, period, profile.profile.joined, absences, reserved)
            .map_err(ledger_refusal)?;
        let written = (loaded.ledger.entries().len() - loaded.read_entries) as u32;
        if written == 0 {
            return Ok(match accrued {
                Some((Applied::AlreadyRecorded { .. }, _)) => Credited::Already,
                _ => Credited::NothingDue,
            });
        }
        match store.transact(loaded.writes()).await {
            Ok(()) => return Ok(Credited::Written(written)),
            // Someone else wrote to the account (or this credit) first: read it again; a
            // credit already there is then found and not repeated.
            Err(StoreError::ConditionFailed { .. } | StoreError::TransactionConflict) => {
                crate::receipts::backoff(attempt).await
            }
            Err(other) => return Err(other.into()),
        }
    }
    Err(ApiError::Unavailable)
}

/// One page of the periodic credit for a state's employees. Running it twice credits once:
/// every credit carries its period's key, claimed in the store.
pub(crate) async fn credit_half_year(
    state: &AppState,
    user: &CurrentUser,
    (half_year, state_code, cursor): (Period, StateCode, Option<String>),
    idempotency: &Idempotency,
) -> Result<Outcome<CreditRun>, ApiError> {
    authorize(&user.actor, Action::ManageLeave, Resource::Organisation)?;
    may_run_credits(half_year, office_date(state.now())).map_err(|e| ApiError::invalid("half", e))?;
    let store = state.store.as_ref();
    let rules = rules_in_force(store, &state_code).await?;
    let mut query = Query::new(Index::Gsi1, keys::leave_state_partition(&state_code));
    query.range = SortRange::Prefix("EMP#".into());
    query.limit = CREDIT_PAGE;
    query.cursor = cursor;
    let page = store.query(query).await.map_err(|error| match error {
        StoreError::InvalidRequest(_) => ApiError::invalid("cursor", "this cursor is not valid here"),
        other => other.into(),
    })?;
    let mut run = CreditRun {
        state: state_code,
        half_year: half_year.to_string(),
        employees: 0,
        entries_written: 0,
        already_credited: 0,
        next_cursor: page.next,
    };
    for item in &page.items {
        let profile: LeaveProfile = item.parse()?;
        run.employees += 1;
        for (kind, period) in credits_due(&rules, half_year, &profile.profile) {
            match credit_account(store, &rules, &profile, kind, period).await? {
                Credited::Written(n) => run.entries_written += n,
                Credited::Already => run.already_credited += 1,
                Credited::NothingDue => {}
            }
        }
    }
    Ok(idempotency
        .commit(store, Vec::new(), StatusCode::OK, run, state.now().unix_timestamp())
        .await??)
}
