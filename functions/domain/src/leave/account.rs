//! An employee's leave account as cached beside its ledger: the ledger's balance, what pending
//! applications have reserved of it, and how many entries the ledger holds.
//!
//! The ledger is the authority; the cached account is rewritten in the same transaction as
//! every entry, conditional on its version, so two applications read and reserve one after the
//! other and cannot together take more than the balance. An application reserves its debit
//! when made; the reservation is released when it leaves the chain, and the sanction turns it
//! into the ledger's debit.

use super::application::{ApplicationStatus, Effect, LeaveApplication};
use super::days::{Balance, HalfDays};
use super::ledger::Cause;
use super::ledger::{Ledger, LedgerEntry, Movement, Period};
use super::rules::LeaveKind;
use crate::ids::EmployeeId;
use serde::{Deserialize, Serialize};

/// The cached state of one leave account.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Account {
    pub employee: EmployeeId,
    pub kind: LeaveKind,
    /// The ledger's balance: the sum of its entries.
    pub balance: Balance,
    /// Held for applications still in their chain.
    pub reserved: HalfDays,
    /// How many entries the ledger holds; the next entry is numbered one more.
    pub entries: u32,
}

impl Account {
    /// An account with no entries.
    pub fn empty(employee: EmployeeId, kind: LeaveKind) -> Self {
        Account {
            employee,
            kind,
            balance: Balance::ZERO,
            reserved: HalfDays::ZERO,
            entries: 0,
        }
    }

    /// What a new application may draw on: the balance less what is reserved.
    pub fn available(&self) -> Balance {
        Balance::from_half_days(self.balance.half_days() - i64::from(self.reserved.half_days()))
    }

    /// Whether this cache describes `ledger` (same number of entries, same balance).
    pub fn matches(&self, ledger: &Ledger) -> bool {
        self.entries as usize == ledger.entries().len() && self.balance == ledger.balance()
    }

    /// Takes the balance and entry count from the ledger after entries were applied to it.
    pub fn follow(&mut self, ledger: &Ledger) {
        self.balance = ledger.balance();
        self.entries = ledger.entries().len() as u32;
    }

    pub fn reserve(&mut self, amount: HalfDays) {
        self.reserved = self.reserved + amount;
    }

    /// Releases a reservation; never below zero, so a lost reservation cannot block others.
    pub fn release(&mut self, amount: HalfDays) {
        self.reserved = self.reserved.saturating_sub(amount);
    }
}

/// What a transition of an application does to the account it debits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Settlement {
    /// The reservation to release (the application left its chain).
    pub release: HalfDays,
    /// The effect the ledger must record, as the state machine asked.
    pub effect: Effect,
}

/// Works out what a transition from `before` to `after` means for the account: leaving the
/// chain (sanctioned, rejected, withdrawn) releases what the application reserved.
pub fn settle(before: &LeaveApplication, after: &LeaveApplication, effect: Effect) -> Settlement {
    let was_pending = matches!(before.status, ApplicationStatus::Pending { .. });
    let still_pending = matches!(after.status, ApplicationStatus::Pending { .. });
    let release = match before.debit {
        Some((_, amount)) if was_pending && !still_pending => amount,
        _ => HalfDays::ZERO,
    };
    Settlement { release, effect }
}

/// The debit an application made in a ledger, if it was sanctioned.
pub fn debit_of<'a>(ledger: &'a Ledger, application: &super::ApplicationId) -> Option<&'a LedgerEntry> {
    ledger.entries().iter().find(|entry| {
        matches!(entry.movement, Movement::Debit { .. })
            && matches!(&entry.why.cause, Cause::Leave { application: a, .. } if a == application)
    })
}

/// The days of a spell that fall in each half-year it touches, the half days at either end
/// taken off the first and last.
pub fn days_by_half_year(request: &super::LeaveRequest) -> Vec<(Period, HalfDays)> {
    let mut out: Vec<(Period, HalfDays)> = Vec::new();
    for date in super::calendar::dates(request.from, request.to) {
        let period = Period::half_year_of(date);
        let mut amount = HalfDays::days(1);
        if (date == request.from && request.half_day_start) || (date == request.to && request.half_day_end) {
            amount = amount.saturating_sub(HalfDays::HALF);
        }
        match out.last_mut() {
            Some((last, days)) if *last == period => *days = *days + amount,
            _ => out.push((period, amount)),
        }
    }
    out
}

/// How a transition changes the employee's count of extraordinary leave per half-year, which
/// reduces the next earned and half pay leave credits: up when such leave is sanctioned, down
/// when it is cancelled, and down by the days given up when it is curtailed. Counted in half
/// days, signed.
pub fn absence_changes(before: &LeaveApplication, after: &LeaveApplication) -> Vec<(Period, i64)> {
    if after.request.kind != LeaveKind::Extraordinary || before.status == after.status {
        return Vec::new();
    }
    let (sign, days) = match (before.status, after.status) {
        (_, ApplicationStatus::Sanctioned) => (1, after.request),
        (ApplicationStatus::Sanctioned, ApplicationStatus::Cancelled) => (-1, after.request),
        (ApplicationStatus::Sanctioned, ApplicationStatus::Curtailed { to }) => {
            // The days after the new last day, which the sanction counted.
            let Some(from) = to.next_day().filter(|from| *from <= after.request.to) else {
                return Vec::new();
            };
            let mut given_up = after.request;
            given_up.from = from;
            given_up.half_day_start = false;
            (-1, given_up)
        }
        _ => return Vec::new(),
    };
    days_by_half_year(&days)
        .into_iter()
        .map(|(period, days)| (period, sign * i64::from(days.half_days())))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn account() -> Account {
        Account::empty(EmployeeId::parse("HR2001").unwrap(), LeaveKind::Earned)
    }

    #[test]
    fn a_spell_is_split_by_half_year() {
        use super::super::ledger::Half;
        use time::macros::date;
        let request = super::super::LeaveRequest {
            kind: LeaveKind::Extraordinary,
            from: date!(2026 - 06 - 28),
            to: date!(2026 - 07 - 02),
            half_day_start: true,
            half_day_end: false,
            prefix: false,
            suffix: false,
        };
        let h = |half| Period::HalfYear { year: 2026, half };
        assert_eq!(
            days_by_half_year(&request),
            vec![
                (h(Half::First), HalfDays::from_half_days(5)),
                (h(Half::Second), HalfDays::days(2))
            ]
        );
    }

    #[test]
    fn curtailed_extraordinary_leave_takes_back_the_days_given_up() {
        use super::super::application::ApplicationStatus as S;
        use super::super::ledger::Half;
        use time::macros::{date, datetime};
        // Extraordinary leave from 25 June to 10 July, the last day until noon.
        let sanctioned = LeaveApplication {
            id: super::super::ApplicationId::parse("LV-2026-0009").unwrap(),
            employee: EmployeeId::parse("HR2001").unwrap(),
            request: super::super::LeaveRequest {
                kind: LeaveKind::Extraordinary,
                from: date!(2026 - 06 - 25),
                to: date!(2026 - 07 - 10),
                half_day_start: false,
                half_day_end: true,
                prefix: false,
                suffix: false,
            },
            reason: crate::text::Reason::parse("Higher studies").unwrap(),
            address: crate::text::Remarks::empty(),
            days: HalfDays::from_half_days(31),
            debit: None,
            chain: Vec::new(),
            status: S::Sanctioned,
            events: 3,
            applied_at: datetime!(2026-06-01 10:00 +5:30),
            version: 3,
        };
        let h = |half| Period::HalfYear { year: 2026, half };
        let mut pending = sanctioned.clone();
        pending.status = S::Pending { step: 0 };
        assert_eq!(
            absence_changes(&pending, &sanctioned),
            vec![(h(Half::First), 12), (h(Half::Second), 19)]
        );
        // Rejoined after 2 July: 3 July to the 10th's forenoon are given up.
        let mut curtailed = sanctioned.clone();
        curtailed.status = S::Curtailed {
            to: date!(2026 - 07 - 02),
        };
        assert_eq!(absence_changes(&sanctioned, &curtailed), vec![(h(Half::Second), -15)]);
        // Rejoined after 30 June: all of July is given up.
        curtailed.status = S::Curtailed {
            to: date!(2026 - 06 - 30),
        };
        assert_eq!(absence_changes(&sanctioned, &curtailed), vec![(h(Half::Second), -19)]);
        let mut cancelled = sanctioned.clone();
        cancelled.status = S::Cancelled;
        assert_eq!(
            absence_changes(&sanctioned, &cancelled),
            vec![(h(Half::First), -12), (h(Half::Second), -19)]
        );
        // Withdrawn or rejected while pending: it was never counted.
        let mut withdrawn = pending.clone();
        withdrawn.status = S::Withdrawn;
        assert_eq!(absence_changes(&pending, &withdrawn), Vec::new());
    }

    #[test]
    fn reservations_come_off_what_is_available() {
        let mut account = account();
        account.balance = Balance::from(HalfDays::days(30));
        account.reserve(HalfDays::days(20));
        assert_eq!(account.available(), Balance::from(HalfDays::days(10)));
        account.release(HalfDays::days(25));
        assert_eq!(account.reserved, HalfDays::ZERO);
        assert_eq!(account.available(), Balance::from(HalfDays::days(30)));
    }
}
