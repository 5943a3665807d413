//! The leave ledger: an append-only account per employee and kind of leave.
//!
//! The balance is never stored on its own authority; it is the fold of the entries, and every
//! entry says why it exists (which rule set, which application, which half-year). Credits made
//! by a periodic job carry a key such as `EL#2026H1`, so running the job twice credits once.
//!
//! Earned leave follows the Central Civil Services (Leave) Rules: 15 days are credited in
//! advance on 1 January and 1 July, less one tenth of the extraordinary leave and dies non of
//! the previous half-year (rounded to the nearest day). The account holds at most 300 days; a
//! credit that would take it past 300 is kept as overflow, spent first by leave taken in that
//! half-year, and what is left of it lapses when the half-year ends.

use super::days::{Balance, HalfDays};
use super::rules::{Accrual, LeaveKind, LeaveTypeRule, RuleSet};
use super::spell::EmployeeProfile;
use super::{ApplicationId, StateCode};
use crate::ids::EmployeeId;
use crate::text::Remarks;
use serde::{Deserialize, Serialize};
use std::fmt;
use time::{Date, Month};

/// Which half of a calendar year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Half {
    /// January to June.
    First,
    /// July to December.
    Second,
}

/// The period a credit or lapse belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum Period {
    Year {
        year: i32,
    },
    HalfYear {
        year: i32,
        half: Half,
    },
    /// The whole service (child care leave is granted once).
    Service,
}

impl Period {
    /// The half-year a date falls in.
    pub fn half_year_of(date: Date) -> Period {
        let half = if date.month() <= Month::June {
            Half::First
        } else {
            Half::Second
        };
        Period::HalfYear {
            year: date.year(),
            half,
        }
    }

    /// Its first day; the service has none.
    pub fn start(self) -> Option<Date> {
        let (year, month) = match self {
            Period::Year { year }
            | Period::HalfYear {
                year,
                half: Half::First,
            } => (year, Month::January),
            Period::HalfYear {
                year,
                half: Half::Second,
            } => (year, Month::July),
            Period::Service => return None,
        };
        Date::from_calendar_date(year, month, 1).ok()
    }

    /// Its last day; the service has none.
    pub fn end(self) -> Option<Date> {
        let (year, month, day) = match self {
            Period::Year { year }
            | Period::HalfYear {
                year,
                half: Half::Second,
            } => (year, Month::December, 31),
            Period::HalfYear {
                year,
                half: Half::First,
            } => (year, Month::June, 30),
            Period::Service => return None,
        };
        Date::from_calendar_date(year, month, day).ok()
    }

    /// The period just before, of the same length.
    pub fn previous(self) -> Option<Period> {
        match self {
            Period::Year { year } => Some(Period::Year { year: year - 1 }),
            Period::HalfYear {
                year,
                half: Half::Second,
            } => Some(Period::HalfYear {
                year,
                half: Half::First,
            }),
            Period::HalfYear {
                year,
                half: Half::First,
            } => Some(Period::HalfYear {
                year: year - 1,
                half: Half::Second,
            }),
            Period::Service => None,
        }
    }
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Period::Year { year } => write!(f, "{year}"),
            Period::HalfYear {
                year,
                half: Half::First,
            } => write!(f, "{year}H1"),
            Period::HalfYear {
                year,
                half: Half::Second,
            } => write!(f, "{year}H2"),
            Period::Service => f.write_str("SERVICE"),
        }
    }
}

/// Which rule set an entry was made under.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RuleRef {
    pub state: StateCode,
    pub version: u32,
}

/// Why an entry exists.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case", tag = "cause")]
pub enum Cause {
    /// The periodic credit of `period`.
    Accrual { period: Period },
    /// The end of `period`: what may not be carried forward lapses.
    PeriodEnd { period: Period },
    /// Leave of kind `taken` granted on an application (commuted leave debits half pay leave).
    Leave {
        application: ApplicationId,
        taken: LeaveKind,
    },
    /// An application cancelled or curtailed: its debit comes back, in whole or in part.
    Cancelled { application: ApplicationId },
    /// The balance brought over from the paper service book when the ledger was opened.
    Opening { by: EmployeeId },
    /// A correction by the establishment section, with its reason.
    Correction { by: EmployeeId, remarks: Remarks },
}

impl Cause {
    /// The key that makes an entry happen at most once in an account, if it has one. The
    /// store claims it with a write that fails if it exists, so a repeated credit or debit is
    /// refused there too, not only by [`Ledger::apply`].
    pub fn key(&self, kind: LeaveKind) -> Option<String> {
        match self {
            Cause::Accrual { period } => Some(format!("{kind}#{period}")),
            Cause::PeriodEnd { period } => Some(format!("{kind}#{period}#END")),
            Cause::Leave { application, .. } => Some(format!("{kind}#{application}")),
            Cause::Opening { .. } => Some(format!("{kind}#OPENING")),
            Cause::Cancelled { .. } | Cause::Correction { .. } => None,
        }
    }
}

/// Why an entry exists: the rule set in force and the cause.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Why {
    pub rules: RuleRef,
    #[serde(flatten)]
    pub cause: Cause,
}

/// What an entry did to the balance.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case", tag = "type")]
pub enum Movement {
    /// Days added; `overflow` of them went past the maximum balance and lapse at the period's
    /// end unless spent first.
    Credit {
        amount: HalfDays,
        overflow: HalfDays,
    },
    Debit {
        amount: HalfDays,
    },
    Lapse {
        amount: HalfDays,
    },
    /// Undoes `amount` of entry `of` (a cancelled spell's debit, a wrong credit).
    Reversal {
        of: u32,
        amount: HalfDays,
    },
}

/// A change asked of the ledger; it becomes a [`Movement`] when applied.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Change {
    Credit(HalfDays),
    Debit(HalfDays),
    Lapse(HalfDays),
    Reversal { of: u32, amount: HalfDays },
}

/// One entry of the ledger.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LedgerEntry {
    /// 1, 2, 3, … in the order applied.
    pub seq: u32,
    /// The date the entry takes effect.
    pub on: Date,
    pub movement: Movement,
    pub why: Why,
    /// The balance after this entry, for statements.
    pub balance_after: Balance,
}

/// What applying an entry did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Applied {
    Recorded(LedgerEntry),
    /// An entry with the same key is already in the ledger; nothing changed.
    AlreadyRecorded {
        seq: u32,
    },
}

impl Applied {
    pub fn seq(&self) -> u32 {
        match self {
            Applied::Recorded(entry) => entry.seq,
            Applied::AlreadyRecorded { seq } => *seq,
        }
    }
}

/// Why an entry was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LedgerRefusal {
    #[error("{0} has no leave account under these rules")]
    NoAccount(LeaveKind),
    #[error("an entry moves at least half a day")]
    ZeroAmount,
    #[error("that reason does not fit that entry")]
    CauseDoesNotFit,
    #[error("only {available} days can be taken from this account, not {needed}")]
    BelowFloor { available: Balance, needed: HalfDays },
    #[error("only {available} days are left to lapse")]
    LapseMoreThanBalance { available: HalfDays },
    #[error("there is no entry {0} to reverse")]
    NoSuchEntry(u32),
    #[error("entry {seq} has only {left} days left to reverse")]
    OverReversal { seq: u32, left: HalfDays },
    #[error("a reversal names the application of the entry it reverses")]
    WrongApplication,
    #[error("{0} is not earned that way under these rules")]
    WrongPeriod(LeaveKind),
    #[error("the ledger's entries are out of order or refer to nothing")]
    Corrupt,
}

/// How a periodic credit was worked out, to show the employee.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CreditPlan {
    /// The full credit, or the part of it for the months served.
    pub gross: HalfDays,
    /// Less one day per N days of extraordinary leave and dies non.
    pub reduction: HalfDays,
    pub amount: HalfDays,
    pub on: Date,
}

/// An employee's account of one kind of leave.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(try_from = "LedgerParts")]
pub struct Ledger {
    employee: EmployeeId,
    kind: LeaveKind,
    entries: Vec<LedgerEntry>,
}

#[derive(Deserialize)]
struct LedgerParts {
    employee: EmployeeId,
    kind: LeaveKind,
    entries: Vec<LedgerEntry>,
}

impl TryFrom<LedgerParts> for Ledger {
    type Error = LedgerRefusal;
    fn try_from(parts: LedgerParts) -> Result<Self, Self::Error> {
        Ledger::replay(parts.employee, parts.kind, parts.entries)
    }
}

/// The balance the entries add up to. A reversal counts against the entry it reverses.
pub fn fold(entries: &[LedgerEntry]) -> Balance {
    entries
        .iter()
        .fold(Balance::ZERO, |balance, entry| match entry.movement {
            Movement::Credit { amount, .. } => balance.plus(amount),
            Movement::Debit { amount } | Movement::Lapse { amount } => balance.minus(amount),
            Movement::Reversal { of, amount } => {
                match entries.get(of as usize - 1).map(|reversed| reversed.movement) {
                    Some(Movement::Credit { .. }) => balance.minus(amount),
                    Some(Movement::Debit { .. } | Movement::Lapse { .. }) => balance.plus(amount),
                    // Replay refuses these, so a ledger never holds one.
                    Some(Movement::Reversal { .. }) | None => balance,
                }
            }
        })
}

/// Rounds a number of half days, divided by `divisor`, to the nearest whole day (half up), as
/// the rules round credits and reductions.
fn nearest_day(half_days_times: u64, divisor: u64) -> HalfDays {
    let days = (half_days_times + divisor) / (2 * divisor);
    HalfDays::days(u32::try_from(days).unwrap_or(u32::MAX))
}

/// Calendar months whose first day falls between `joined` and `end`: the completed months of
/// service "likely to be rendered" in a period a newcomer joined during.
fn months_served(joined: Date, end: Date) -> u32 {
    let mut months = 0;
    let (mut year, mut month) = if joined.day() == 1 {
        (joined.year(), joined.month())
    } else if joined.month() == Month::December {
        (joined.year() + 1, Month::January)
    } else {
        (joined.year(), joined.month().next())
    };
    while let Ok(first) = Date::from_calendar_date(year, month, 1) {
        if first > end {
            break;
        }
        months += 1;
        if month == Month::December {
            year += 1;
        }
        month = month.next();
    }
    months
}

/// The credit of `period` for an employee who joined on `joined` and was absent on
/// extraordinary leave or dies non for `absences` in the half-year that counts (the previous
/// one for an advance credit, the same one for a credit in arrears). `None` when nothing is due.
pub fn plan_credit(rule: &LeaveTypeRule, period: Period, joined: Date, absences: HalfDays) -> Option<CreditPlan> {
    let (amount, reduce, months_in_period, period) = match (&rule.accrual, period) {
        (Accrual::AnnualGrant { amount }, Period::Year { .. }) => (*amount, None, 12, period),
        (
            Accrual::HalfYearlyAdvance {
                amount,
                reduce_one_day_per,
            }
            | Accrual::PerCompletedHalfYear {
                amount,
                reduce_one_day_per,
            },
            Period::HalfYear { .. },
        ) => (*amount, *reduce_one_day_per, 6, period),
        (Accrual::ServiceGrant { amount }, Period::Service) => {
            return Some(CreditPlan {
                gross: *amount,
                reduction: HalfDays::ZERO,
                amount: *amount,
                on: joined,
            })
        }
        _ => return None,
    };
    let (start, end) = (period.start()?, period.end()?);
    if joined > end {
        return None;
    }
    let gross = if joined <= start {
        amount
    } else {
        let months = u64::from(months_served(joined, end));
        nearest_day(u64::from(amount.half_days()) * months, months_in_period)
    };
    let reduction = reduce
        .map(|per| nearest_day(u64::from(absences.half_days()), u64::from(per)))
        .unwrap_or_default()
        .min(gross);
    let on = match rule.accrual {
        Accrual::PerCompletedHalfYear { .. } => end.next_day()?,
        _ => start.max(joined),
    };
    Some(CreditPlan {
        gross,
        reduction,
        amount: gross.saturating_sub(reduction),
        on,
    })
}

impl Ledger {
    /// An empty account.
    pub fn new(employee: EmployeeId, kind: LeaveKind) -> Self {
        Ledger {
            employee,
            kind,
            entries: Vec::new(),
        }
    }

    /// Rebuilds an account from stored entries, checking that they are numbered in order,
    /// reverse only earlier credits, debits and lapses (never more than they moved), and carry
    /// the running balance they add up to.
    pub fn replay(employee: EmployeeId, kind: LeaveKind, entries: Vec<LedgerEntry>) -> Result<Self, LedgerRefusal> {
        let mut ledger = Ledger::new(employee, kind);
        for entry in entries {
            if entry.seq as usize != ledger.entries.len() + 1 {
                return Err(LedgerRefusal::Corrupt);
            }
            if let Movement::Reversal { of, amount } = entry.movement {
                ledger.check_reversal(of, amount).map_err(|_| LedgerRefusal::Corrupt)?;
            }
            ledger.entries.push(entry);
            if ledger.entries.last().map(|e| e.balance_after) != Some(fold(&ledger.entries)) {
                return Err(LedgerRefusal::Corrupt);
            }
        }
        Ok(ledger)
    }

    pub fn employee(&self) -> &EmployeeId {
        &self.employee
    }

    pub fn kind(&self) -> LeaveKind {
        self.kind
    }

    pub fn entries(&self) -> &[LedgerEntry] {
        &self.entries
    }

    /// The balance: the last entry's running balance, which [`Ledger::replay`] and
    /// [`Ledger::apply`] keep equal to the fold of all entries.
    pub fn balance(&self) -> Balance {
        self.entries.last().map_or(Balance::ZERO, |entry| entry.balance_after)
    }

    /// The part of the balance above the maximum: this half-year's overflow credit, to be set
    /// off against leave taken before the half-year ends.
    pub fn overflow(&self, rules: &RuleSet) -> HalfDays {
        rules
            .rule(self.kind)
            .and_then(|rule| rule.max_balance)
            .map_or(HalfDays::ZERO, |cap| self.balance().excess_over(cap))
    }

    fn recorded(&self, key: &str) -> Option<u32> {
        self.entries
            .iter()
            .find(|entry| entry.why.cause.key(self.kind).as_deref() == Some(key))
            .map(|entry| entry.seq)
    }

    /// How much of entry `of` may still be reversed.
    fn check_reversal(&self, of: u32, amount: HalfDays) -> Result<&LedgerEntry, LedgerRefusal> {
        let reversed = of
            .checked_sub(1)
            .and_then(|index| self.entries.get(index as usize))
            .ok_or(LedgerRefusal::NoSuchEntry(of))?;
        let moved = match reversed.movement {
            Movement::Credit { amount, .. } | Movement::Debit { amount } | Movement::Lapse { amount } => amount,
            Movement::Reversal { .. } => return Err(LedgerRefusal::NoSuchEntry(of)),
        };
        let already: HalfDays = self
            .entries
            .iter()
            .filter_map(|entry| match entry.movement {
                Movement::Reversal { of: earlier, amount } if earlier == of => Some(amount),
                _ => None,
            })
            .sum();
        let left = moved.saturating_sub(already);
        if amount > left {
            return Err(LedgerRefusal::OverReversal { seq: of, left });
        }
        Ok(reversed)
    }

    /// Appends an entry if the rules allow it. An entry whose key (a period's credit or lapse,
    /// an application's debit, the opening balance) is already recorded changes nothing.
    pub fn apply(&mut self, on: Date, change: Change, cause: Cause, rules: &RuleSet) -> Result<Applied, LedgerRefusal> {
        let rule = rules
            .rule(self.kind)
            .filter(|rule| rule.accrual.has_account())
            .ok_or(LedgerRefusal::NoAccount(self.kind))?;
        if let Some(seq) = cause.key(self.kind).and_then(|key| self.recorded(&key)) {
            return Ok(Applied::AlreadyRecorded { seq });
        }
        let before = self.balance();
        let (movement, after) = match (change, &cause) {
            (Change::Credit(amount), Cause::Accrual { .. } | Cause::Opening { .. } | Cause::Correction { .. }) => {
                let after = before.plus(amount);
                let overflow = rule
                    .max_balance
                    .map_or(HalfDays::ZERO, |cap| after.excess_over(cap).min(amount));
                (Movement::Credit { amount, overflow }, after)
            }
            (Change::Debit(amount), Cause::Leave { taken, .. }) => {
                let floor = rules.floor(self.kind, *taken);
                let after = before.minus(amount);
                if after < floor {
                    return Err(LedgerRefusal::BelowFloor {
                        available: Balance::from_half_days(before.half_days() - floor.half_days()),
                        needed: amount,
                    });
                }
                (Movement::Debit { amount }, after)
            }
            (Change::Lapse(amount), Cause::PeriodEnd { .. } | Cause::Correction { .. }) => {
                if amount > before.available() {
                    return Err(LedgerRefusal::LapseMoreThanBalance {
                        available: before.available(),
                    });
                }
                (Movement::Lapse { amount }, before.minus(amount))
            }
            (Change::Reversal { of, amount }, Cause::Cancelled { .. } | Cause::Correction { .. }) => {
                let reversed = self.check_reversal(of, amount)?;
                match (&reversed.why.cause, &cause) {
                    (Cause::Leave { application, .. }, Cause::Cancelled { application: cancelled })
                        if application != cancelled =>
                    {
                        return Err(LedgerRefusal::WrongApplication)
                    }
                    (Cause::Leave { .. }, Cause::Cancelled { .. }) | (_, Cause::Correction { .. }) => {}
                    _ => return Err(LedgerRefusal::CauseDoesNotFit),
                }
                let after = match reversed.movement {
                    Movement::Credit { .. } => before.minus(amount),
                    _ => before.plus(amount),
                };
                if after < Balance::ZERO && after < before {
                    return Err(LedgerRefusal::BelowFloor {
                        available: before,
                        needed: amount,
                    });
                }
                (Movement::Reversal { of, amount }, after)
            }
            _ => return Err(LedgerRefusal::CauseDoesNotFit),
        };
        let amount = match movement {
            Movement::Credit { amount, .. }
            | Movement::Debit { amount }
            | Movement::Lapse { amount }
            | Movement::Reversal { amount, .. } => amount,
        };
        if amount.is_zero() {
            return Err(LedgerRefusal::ZeroAmount);
        }
        let entry = LedgerEntry {
            seq: self.entries.len() as u32 + 1,
            on,
            movement,
            why: Why {
                rules: RuleRef {
                    state: rules.state().clone(),
                    version: rules.version(),
                },
                cause,
            },
            balance_after: after,
        };
        self.entries.push(entry.clone());
        Ok(Applied::Recorded(entry))
    }

    /// Ends `period`: a kind that does not carry forward lapses what is left; a kind with a
    /// maximum lapses what is above it (the unspent overflow). Running it twice lapses once.
    ///
    /// `reserved` is what pending applications have reserved of the account. It never lapses:
    /// a casual leave applied for in December and still awaiting sanction in January must find
    /// its days there when it is sanctioned.
    pub fn close_period(
        &mut self,
        rules: &RuleSet,
        period: Period,
        reserved: HalfDays,
    ) -> Result<Option<Applied>, LedgerRefusal> {
        let rule = rules.rule(self.kind).ok_or(LedgerRefusal::NoAccount(self.kind))?;
        let on = period.end().ok_or(LedgerRefusal::WrongPeriod(self.kind))?;
        let unreserved = self.balance().available().saturating_sub(reserved);
        let lapsing = if !rule.carry_forward {
            unreserved
        } else {
            rule.max_balance
                .map_or(HalfDays::ZERO, |cap| self.balance().excess_over(cap))
                .min(unreserved)
        };
        let cause = Cause::PeriodEnd { period };
        if let Some(seq) = cause.key(self.kind).and_then(|key| self.recorded(&key)) {
            return Ok(Some(Applied::AlreadyRecorded { seq }));
        }
        if lapsing.is_zero() {
            return Ok(None);
        }
        self.apply(on, Change::Lapse(lapsing), cause, rules).map(Some)
    }

    /// A reservation released (its application rejected or withdrawn) after the period it was
    /// made in closed: [`Ledger::close_period`] kept those days of a kind that does not carry
    /// forward for the application, so they lapse now as they would have then, on `today` with
    /// `cause` (the official's correction: an entry the closing did not record). `None` when the
    /// kind carries forward, the period is still open, or nothing is left to lapse.
    pub fn lapse_released(
        &mut self,
        rules: &RuleSet,
        applied_on: Date,
        released: HalfDays,
        today: Date,
        cause: Cause,
    ) -> Result<Option<Applied>, LedgerRefusal> {
        let rule = rules.rule(self.kind).ok_or(LedgerRefusal::NoAccount(self.kind))?;
        if rule.carry_forward || released.is_zero() {
            return Ok(None);
        }
        let period = match rule.accrual {
            Accrual::AnnualGrant { .. } => Period::Year {
                year: applied_on.year(),
            },
            Accrual::HalfYearlyAdvance { .. } | Accrual::PerCompletedHalfYear { .. } => {
                Period::half_year_of(applied_on)
            }
            Accrual::None | Accrual::ServiceGrant { .. } => return Ok(None),
        };
        let Some(end) = period.end() else {
            return Ok(None);
        };
        // Closed when it was, or when a later period was credited (which closes it first).
        let closed = self.entries.iter().any(|entry| match &entry.why.cause {
            Cause::PeriodEnd { period: closed } => *closed == period,
            Cause::Accrual { period: later } => later.start().is_some_and(|start| start > end),
            _ => false,
        });
        let lapsing = released.min(self.balance().available());
        if !closed || lapsing.is_zero() {
            return Ok(None);
        }
        self.apply(today, Change::Lapse(lapsing), cause, rules).map(Some)
    }

    /// Credits `period` (a year, a half-year, or the service) as the kind's rule says, after
    /// closing the period before it (keeping `reserved`, see [`Ledger::close_period`]).
    /// Idempotent: the credit carries the key `EL#2026H1`, and a second run finds it and
    /// changes nothing. `None` when nothing is due (joined later).
    pub fn accrue(
        &mut self,
        rules: &RuleSet,
        period: Period,
        joined: Date,
        absences: HalfDays,
        reserved: HalfDays,
    ) -> Result<Option<(Applied, CreditPlan)>, LedgerRefusal> {
        let rule = rules
            .rule(self.kind)
            .filter(|rule| rule.accrual.has_account())
            .ok_or(LedgerRefusal::NoAccount(self.kind))?;
        let in_arrears = matches!(rule.accrual, Accrual::PerCompletedHalfYear { .. });
        let fits = matches!(
            (&rule.accrual, period),
            (Accrual::AnnualGrant { .. }, Period::Year { .. })
                | (Accrual::HalfYearlyAdvance { .. }, Period::HalfYear { .. })
                | (Accrual::PerCompletedHalfYear { .. }, Period::HalfYear { .. })
                | (Accrual::ServiceGrant { .. }, Period::Service)
        );
        if !fits {
            return Err(LedgerRefusal::WrongPeriod(self.kind));
        }
        let Some(plan) = plan_credit(rule, period, joined, absences) else {
            return Ok(None);
        };
        // A second run finds its credit and stops before closing the period before again:
        // closing it now would lapse the credit itself from an account that does not carry
        // forward.
        let credit_key = Cause::Accrual { period }.key(self.kind);
        if let Some(seq) = credit_key.and_then(|key| self.recorded(&key)) {
            return Ok(Some((Applied::AlreadyRecorded { seq }, plan)));
        }
        // An advance credit opens its period, so the one before must close first; a credit in
        // arrears comes after its own period, which it closes after crediting.
        if !in_arrears {
            if let Some(previous) = period.previous() {
                self.close_period(rules, previous, reserved)?;
            }
        }
        if plan.amount.is_zero() {
            return Ok(None);
        }
        let applied = self.apply(plan.on, Change::Credit(plan.amount), Cause::Accrual { period }, rules)?;
        Ok(Some((applied, plan)))
    }

    /// The half-yearly credit of earned (or half pay) leave: [`Ledger::accrue`] for a half-year.
    pub fn credit_for_half_year(
        &mut self,
        rules: &RuleSet,
        year: i32,
        half: Half,
        joined: Date,
        absences_in_previous_half: HalfDays,
    ) -> Result<Option<(Applied, CreditPlan)>, LedgerRefusal> {
        self.accrue(
            rules,
            Period::HalfYear { year, half },
            joined,
            absences_in_previous_half,
            HalfDays::ZERO,
        )
    }
}

/// Why a credit run was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CreditRunRefusal {
    #[error("credits are run for a half-year, such as 2026H1")]
    NotAHalfYear,
    #[error("{period} has not begun: it starts on {starts}")]
    NotBegun { period: Period, starts: Date },
}

/// Refuses a run for a half-year that starts after `today` (the office date): an advance
/// credit belongs to a half-year that has begun, and a credit in arrears to one that has ended.
pub fn may_run_credits(half_year: Period, today: Date) -> Result<(), CreditRunRefusal> {
    let Period::HalfYear { .. } = half_year else {
        return Err(CreditRunRefusal::NotAHalfYear);
    };
    match half_year.start() {
        Some(starts) if starts > today => Err(CreditRunRefusal::NotBegun {
            period: half_year,
            starts,
        }),
        Some(_) => Ok(()),
        None => Err(CreditRunRefusal::NotAHalfYear),
    }
}

/// The credits a run for `half_year` makes to an employee, and the period each is for:
/// - kinds earned by the half-year, for that half-year;
/// - kinds granted yearly, for the year, in either half: the first half grants it to everyone,
///   and the second to those who joined after the first run (pro-rated by
///   [`plan_credit`]); the credit's key keeps it to once a year;
/// - a kind granted once for the service (child care leave), to those its rule admits by
///   gender, on every run until it is credited; its key (`CCL#SERVICE`) keeps it to once.
pub fn credits_due(rules: &RuleSet, half_year: Period, profile: &EmployeeProfile) -> Vec<(LeaveKind, Period)> {
    let Period::HalfYear { year, .. } = half_year else {
        return Vec::new();
    };
    rules
        .types()
        .iter()
        .filter_map(|rule| match rule.accrual {
            Accrual::HalfYearlyAdvance { .. } | Accrual::PerCompletedHalfYear { .. } => Some((rule.kind, half_year)),
            Accrual::AnnualGrant { .. } => Some((rule.kind, Period::Year { year })),
            Accrual::ServiceGrant { .. } if rule.eligibility.gender.admits(profile.gender, profile.single_parent) => {
                Some((rule.kind, Period::Service))
            }
            Accrual::ServiceGrant { .. } | Accrual::None => None,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use time::macros::date;

    fn ccs() -> RuleSet {
        RuleSet::ccs_default()
    }

    fn emp() -> EmployeeId {
        EmployeeId::parse("HR2001").unwrap()
    }

    fn app(n: u32) -> ApplicationId {
        ApplicationId::parse(&format!("LV-2026-{n:04}")).unwrap()
    }

    fn days(n: u32) -> HalfDays {
        HalfDays::days(n)
    }

    fn leave(n: u32, taken: LeaveKind) -> Cause {
        Cause::Leave {
            application: app(n),
            taken,
        }
    }

    const LONG_AGO: Date = date!(2010 - 04 - 01);

    /// An earned leave account holding `balance` days, opened on 31 December 2025.
    fn earned_with(balance: u32) -> Ledger {
        let mut ledger = Ledger::new(emp(), LeaveKind::Earned);
        if balance > 0 {
            ledger
                .apply(
                    date!(2025 - 12 - 31),
                    Change::Credit(days(balance)),
                    Cause::Opening { by: emp() },
                    &ccs(),
                )
                .unwrap();
        }
        ledger
    }

    #[test]
    fn periods_know_their_bounds_and_names() {
        let h1 = Period::HalfYear {
            year: 2026,
            half: Half::First,
        };
        assert_eq!(h1.to_string(), "2026H1");
        assert_eq!(
            (h1.start(), h1.end()),
            (Some(date!(2026 - 01 - 01)), Some(date!(2026 - 06 - 30)))
        );
        assert_eq!(h1.previous().unwrap().to_string(), "2025H2");
        assert_eq!(
            h1.previous().unwrap().previous(),
            Some(h1.previous().unwrap().previous().unwrap())
        );
        assert_eq!(Period::half_year_of(date!(2026 - 07 - 01)).to_string(), "2026H2");
        assert_eq!(Period::half_year_of(date!(2026 - 06 - 30)), h1);
        assert_eq!(Period::Year { year: 2026 }.end(), Some(date!(2026 - 12 - 31)));
        assert_eq!(Period::Service.start(), None);
        assert_eq!(Period::Service.to_string(), "SERVICE");
    }

    #[test]
    fn months_served_counts_months_that_start_in_service() {
        let end = date!(2026 - 06 - 30);
        assert_eq!(months_served(date!(2026 - 01 - 01), end), 6);
        assert_eq!(months_served(date!(2026 - 03 - 01), end), 4);
        assert_eq!(months_served(date!(2026 - 03 - 15), end), 3);
        assert_eq!(months_served(date!(2026 - 06 - 02), end), 0);
        assert_eq!(months_served(date!(2025 - 12 - 15), end), 6);
    }

    #[test]
    fn earned_leave_is_credited_fifteen_days_in_advance() {
        let mut ledger = earned_with(0);
        let (applied, plan) = ledger
            .credit_for_half_year(&ccs(), 2026, Half::First, LONG_AGO, HalfDays::ZERO)
            .unwrap()
            .unwrap();
        assert_eq!(plan.amount, days(15));
        assert_eq!(plan.on, date!(2026 - 01 - 01));
        let Applied::Recorded(entry) = applied else {
            panic!("credited")
        };
        assert_eq!(
            entry.movement,
            Movement::Credit {
                amount: days(15),
                overflow: HalfDays::ZERO
            }
        );
        assert_eq!(
            entry.why,
            Why {
                rules: RuleRef {
                    state: StateCode::parse("IN").unwrap(),
                    version: 1
                },
                cause: Cause::Accrual {
                    period: Period::HalfYear {
                        year: 2026,
                        half: Half::First
                    }
                }
            }
        );
        assert_eq!(ledger.balance(), Balance::from(days(15)));
    }

    #[test]
    fn crediting_a_half_year_twice_credits_once() {
        let mut ledger = earned_with(20);
        let first = ledger
            .credit_for_half_year(&ccs(), 2026, Half::First, LONG_AGO, HalfDays::ZERO)
            .unwrap()
            .unwrap();
        let second = ledger
            .credit_for_half_year(&ccs(), 2026, Half::First, LONG_AGO, HalfDays::ZERO)
            .unwrap()
            .unwrap();
        assert_eq!(second.0, Applied::AlreadyRecorded { seq: first.0.seq() });
        assert_eq!(ledger.balance(), Balance::from(days(35)));
        assert_eq!(ledger.entries().len(), 2);
    }

    #[test]
    fn a_yearly_grant_run_twice_does_not_lapse_its_own_credit() {
        // Restricted holidays do not carry forward: closing 2026 lapses what is left of it,
        // but a second run for 2027 must not close 2026 again and take the 2027 grant with it.
        let mut ledger = Ledger::new(emp(), LeaveKind::RestrictedHoliday);
        let year = Period::Year { year: 2027 };
        let first = ledger
            .accrue(&ccs(), year, LONG_AGO, HalfDays::ZERO, HalfDays::ZERO)
            .unwrap()
            .unwrap();
        let second = ledger
            .accrue(&ccs(), year, LONG_AGO, HalfDays::ZERO, HalfDays::ZERO)
            .unwrap()
            .unwrap();
        assert_eq!(second.0, Applied::AlreadyRecorded { seq: first.0.seq() });
        assert_eq!(ledger.entries().len(), 1);
        assert_eq!(ledger.balance(), Balance::from(days(2)));
    }

    #[test]
    fn extraordinary_leave_reduces_the_next_credit_by_a_tenth() {
        let rule = ccs().rule(LeaveKind::Earned).unwrap().clone();
        let h2 = Period::HalfYear {
            year: 2026,
            half: Half::Second,
        };
        // Days of extraordinary leave in the first half-year → days credited on 1 July.
        let cases = [
            (HalfDays::ZERO, 15),
            (days(4), 15),
            (HalfDays::from_half_days(9), 15),
            (days(5), 14),
            (days(14), 14),
            (days(15), 13),
            (days(30), 12),
            (days(145), 0),
            (days(180), 0),
        ];
        for (eol, expected) in cases {
            let plan = plan_credit(&rule, h2, LONG_AGO, eol).unwrap();
            assert_eq!(plan.amount, days(expected), "{eol} days of extraordinary leave");
            assert_eq!(plan.gross, days(15));
        }
        // Half pay leave is cut for dies non only (Rule 29), which extraordinary leave is not.
        let half_pay = ccs().rule(LeaveKind::HalfPay).unwrap().clone();
        let plan = plan_credit(&half_pay, h2, LONG_AGO, days(30)).unwrap();
        assert_eq!((plan.reduction, plan.amount), (HalfDays::ZERO, days(10)));
    }

    #[test]
    fn a_newcomer_earns_two_and_a_half_days_a_month_rounded() {
        let rule = ccs().rule(LeaveKind::Earned).unwrap().clone();
        let h1 = Period::HalfYear {
            year: 2026,
            half: Half::First,
        };
        let cases = [
            (date!(2026 - 01 - 01), 15),
            (date!(2026 - 01 - 02), 13),
            (date!(2026 - 02 - 01), 13),
            (date!(2026 - 03 - 01), 10),
            (date!(2026 - 04 - 01), 8),
            (date!(2026 - 05 - 01), 5),
            (date!(2026 - 06 - 01), 3),
            (date!(2026 - 06 - 30), 0),
        ];
        for (joined, expected) in cases {
            let plan = plan_credit(&rule, h1, joined, HalfDays::ZERO).unwrap();
            assert_eq!(plan.amount, days(expected), "joined {joined}");
            assert_eq!(plan.on, joined.max(date!(2026 - 01 - 01)));
        }
        assert_eq!(plan_credit(&rule, h1, date!(2026 - 07 - 01), HalfDays::ZERO), None);
    }

    #[test]
    fn the_cap_keeps_an_overflow_that_lapses_if_unspent() {
        // 295 days on 1 January: 5 of the 15 fit under 300, 10 are overflow.
        let rules = ccs();
        let mut ledger = earned_with(295);
        let (applied, _) = ledger
            .credit_for_half_year(&rules, 2026, Half::First, LONG_AGO, HalfDays::ZERO)
            .unwrap()
            .unwrap();
        let Applied::Recorded(entry) = applied else {
            panic!("credited")
        };
        assert_eq!(
            entry.movement,
            Movement::Credit {
                amount: days(15),
                overflow: days(10)
            }
        );
        assert_eq!(ledger.balance(), Balance::from(days(310)));
        assert_eq!(ledger.overflow(&rules), days(10));
        // Six days of leave in the half-year are set off against the overflow first.
        ledger
            .apply(
                date!(2026 - 03 - 09),
                Change::Debit(days(6)),
                leave(1, LeaveKind::Earned),
                &rules,
            )
            .unwrap();
        assert_eq!(ledger.overflow(&rules), days(4));
        // On 1 July the four unspent days lapse before the new credit, which overflows in full.
        let (applied, _) = ledger
            .credit_for_half_year(&rules, 2026, Half::Second, LONG_AGO, HalfDays::ZERO)
            .unwrap()
            .unwrap();
        let lapse = &ledger.entries()[3];
        assert_eq!(lapse.movement, Movement::Lapse { amount: days(4) });
        assert_eq!(lapse.on, date!(2026 - 06 - 30));
        assert_eq!(lapse.balance_after, Balance::from(days(300)));
        let Applied::Recorded(entry) = applied else {
            panic!("credited")
        };
        assert_eq!(
            entry.movement,
            Movement::Credit {
                amount: days(15),
                overflow: days(15)
            }
        );
        assert_eq!(ledger.balance(), Balance::from(days(315)));
    }

    #[test]
    fn leave_taken_beyond_the_overflow_brings_the_account_under_the_cap() {
        let rules = ccs();
        let mut ledger = earned_with(295);
        ledger
            .credit_for_half_year(&rules, 2026, Half::First, LONG_AGO, HalfDays::ZERO)
            .unwrap();
        ledger
            .apply(
                date!(2026 - 03 - 09),
                Change::Debit(days(30)),
                leave(1, LeaveKind::Earned),
                &rules,
            )
            .unwrap();
        assert_eq!(ledger.balance(), Balance::from(days(280)));
        assert_eq!(ledger.overflow(&rules), HalfDays::ZERO);
        assert_eq!(
            ledger.close_period(&rules, Period::half_year_of(date!(2026 - 06 - 30)), HalfDays::ZERO),
            Ok(None)
        );
    }

    #[test]
    fn casual_leave_lapses_at_the_year_end_and_is_granted_again() {
        let rules = ccs();
        let mut ledger = Ledger::new(emp(), LeaveKind::Casual);
        let (_, plan) = ledger
            .accrue(
                &rules,
                Period::Year { year: 2026 },
                LONG_AGO,
                HalfDays::ZERO,
                HalfDays::ZERO,
            )
            .unwrap()
            .unwrap();
        assert_eq!(plan.amount, days(8));
        ledger
            .apply(
                date!(2026 - 05 - 04),
                Change::Debit(HalfDays::from_half_days(5)),
                leave(1, LeaveKind::Casual),
                &rules,
            )
            .unwrap();
        ledger
            .accrue(
                &rules,
                Period::Year { year: 2027 },
                LONG_AGO,
                HalfDays::ZERO,
                HalfDays::ZERO,
            )
            .unwrap();
        let movements: Vec<Movement> = ledger.entries().iter().map(|e| e.movement).collect();
        assert_eq!(
            movements,
            vec![
                Movement::Credit {
                    amount: days(8),
                    overflow: HalfDays::ZERO
                },
                Movement::Debit {
                    amount: HalfDays::from_half_days(5)
                },
                Movement::Lapse {
                    amount: HalfDays::from_half_days(11)
                },
                Movement::Credit {
                    amount: days(8),
                    overflow: HalfDays::ZERO
                },
            ]
        );
        assert_eq!(ledger.balance(), Balance::from(days(8)));
        // A newcomer in July gets the share of the months left.
        let mut newcomer = Ledger::new(emp(), LeaveKind::Casual);
        let (_, plan) = newcomer
            .accrue(
                &rules,
                Period::Year { year: 2026 },
                date!(2026 - 07 - 01),
                HalfDays::ZERO,
                HalfDays::ZERO,
            )
            .unwrap()
            .unwrap();
        assert_eq!((plan.amount, plan.on), (days(4), date!(2026 - 07 - 01)));
    }

    #[test]
    fn what_pending_applications_reserved_does_not_lapse_at_the_year_end() {
        // Given 8 days of casual leave for 2026, 3 taken, and 2 reserved by an application for
        // 30-31 December still awaiting sanction when the 2027 run closes 2026.
        let rules = ccs();
        let mut ledger = Ledger::new(emp(), LeaveKind::Casual);
        let year = |year| Period::Year { year };
        ledger
            .accrue(&rules, year(2026), LONG_AGO, HalfDays::ZERO, HalfDays::ZERO)
            .unwrap();
        ledger
            .apply(
                date!(2026 - 05 - 04),
                Change::Debit(days(3)),
                leave(1, LeaveKind::Casual),
                &rules,
            )
            .unwrap();
        ledger
            .accrue(&rules, year(2027), LONG_AGO, HalfDays::ZERO, days(2))
            .unwrap();
        // Then only the 3 unreserved days lapse, and the December leave can still be sanctioned.
        assert_eq!(ledger.entries()[2].movement, Movement::Lapse { amount: days(3) });
        assert_eq!(ledger.balance(), Balance::from(days(10)));
        ledger
            .apply(
                date!(2026 - 12 - 30),
                Change::Debit(days(2)),
                leave(2, LeaveKind::Casual),
                &rules,
            )
            .unwrap();
        assert_eq!(ledger.balance(), Balance::from(days(8)));
        // An earned leave overflow lapses only as far as nothing reserved is touched.
        let mut earned = earned_with(295);
        earned
            .credit_for_half_year(&rules, 2026, Half::First, LONG_AGO, HalfDays::ZERO)
            .unwrap();
        let h1 = Period::half_year_of(date!(2026 - 06 - 30));
        assert_eq!(
            earned.close_period(&rules, h1, days(306)).unwrap().map(|a| a.seq()),
            Some(3)
        );
        assert_eq!(earned.entries()[2].movement, Movement::Lapse { amount: days(4) });
    }

    #[test]
    fn a_reservation_kept_at_the_year_end_lapses_when_its_application_is_rejected() {
        // Given 8 days of casual leave for 2026, 3 taken, and 2 reserved by an application made
        // in December and still pending when the 2027 credit closed 2026,
        let rules = ccs();
        let mut ledger = Ledger::new(emp(), LeaveKind::Casual);
        let year = |year| Period::Year { year };
        ledger
            .accrue(&rules, year(2026), LONG_AGO, HalfDays::ZERO, HalfDays::ZERO)
            .unwrap();
        ledger
            .apply(
                date!(2026 - 05 - 04),
                Change::Debit(days(3)),
                leave(1, LeaveKind::Casual),
                &rules,
            )
            .unwrap();
        let correction = || Cause::Correction {
            by: emp(),
            remarks: Remarks::parse("Kept for LV-2026-0002 when 2026 closed").unwrap(),
        };
        let december = date!(2026 - 12 - 10);
        // (while 2026 is open, a release lapses nothing),
        assert_eq!(
            ledger
                .lapse_released(&rules, december, days(2), date!(2026 - 12 - 20), correction())
                .unwrap(),
            None
        );
        ledger
            .accrue(&rules, year(2027), LONG_AGO, HalfDays::ZERO, days(2))
            .unwrap();
        assert_eq!(ledger.balance(), Balance::from(days(10)));
        // when it is rejected in January, the 2 days kept for it lapse: 2027's 8 are left.
        let january = date!(2027 - 01 - 05);
        let lapsed = ledger
            .lapse_released(&rules, december, days(2), january, correction())
            .unwrap()
            .unwrap();
        assert_eq!(lapsed.seq(), 5);
        assert_eq!(ledger.entries()[4].movement, Movement::Lapse { amount: days(2) });
        assert_eq!(ledger.balance(), Balance::from(days(8)));
        // An application made in 2027 keeps its days when released; earned leave carries over.
        assert_eq!(
            ledger
                .lapse_released(&rules, january, days(2), january, correction())
                .unwrap(),
            None
        );
        let mut earned = earned_with(20);
        earned
            .credit_for_half_year(&rules, 2027, Half::First, LONG_AGO, HalfDays::ZERO)
            .unwrap();
        assert_eq!(
            earned
                .lapse_released(&rules, december, days(2), january, correction())
                .unwrap(),
            None
        );
    }

    #[test]
    fn a_credit_run_waits_for_its_half_year_to_begin() {
        let h = |year, half| Period::HalfYear { year, half };
        let cases = [
            (h(2026, Half::Second), date!(2026 - 11 - 23), true),
            (h(2026, Half::Second), date!(2026 - 07 - 01), true),
            (h(2026, Half::Second), date!(2026 - 06 - 30), false),
            (h(2027, Half::First), date!(2026 - 12 - 31), false),
            (h(2027, Half::First), date!(2027 - 01 - 01), true),
            (h(2010, Half::First), date!(2026 - 11 - 23), true),
            (Period::Year { year: 2026 }, date!(2026 - 11 - 23), false),
        ];
        for (period, today, allowed) in cases {
            assert_eq!(may_run_credits(period, today).is_ok(), allowed, "{period} on {today}");
        }
        assert_eq!(
            may_run_credits(h(2027, Half::First), date!(2026 - 11 - 23)),
            Err(CreditRunRefusal::NotBegun {
                period: h(2027, Half::First),
                starts: date!(2027 - 01 - 01)
            })
        );
    }

    #[test]
    fn each_run_credits_what_is_due_to_whom() {
        use crate::leave::rules::Gender;
        let rules = ccs();
        let profile = |gender, joined| EmployeeProfile {
            gender,
            joined,
            surviving_children: 1,
            single_parent: false,
        };
        let h2 = Period::HalfYear {
            year: 2026,
            half: Half::Second,
        };
        let due = |p: &EmployeeProfile| credits_due(&rules, h2, p);
        let man = due(&profile(Gender::Male, LONG_AGO));
        let woman = due(&profile(Gender::Female, LONG_AGO));
        // The second half also carries the year's grants, for those who joined since the first.
        for expected in [
            (LeaveKind::Earned, h2),
            (LeaveKind::HalfPay, h2),
            (LeaveKind::Casual, Period::Year { year: 2026 }),
            (LeaveKind::RestrictedHoliday, Period::Year { year: 2026 }),
        ] {
            assert!(man.contains(&expected) && woman.contains(&expected), "{expected:?}");
        }
        // Child care leave goes to those its rule admits, once for the service.
        assert!(!man.iter().any(|(kind, _)| *kind == LeaveKind::ChildCare));
        assert!(woman.contains(&(LeaveKind::ChildCare, Period::Service)));
        let single_father = EmployeeProfile {
            single_parent: true,
            ..profile(Gender::Male, LONG_AGO)
        };
        assert!(due(&single_father).contains(&(LeaveKind::ChildCare, Period::Service)));

        // A newcomer of August gets five months' share of the year's casual leave in the
        // second-half run; someone credited in January is not credited again.
        let august = date!(2026 - 08 - 03);
        let mut newcomer = Ledger::new(emp(), LeaveKind::Casual);
        let (_, plan) = newcomer
            .accrue(
                &rules,
                Period::Year { year: 2026 },
                august,
                HalfDays::ZERO,
                HalfDays::ZERO,
            )
            .unwrap()
            .unwrap();
        assert_eq!((plan.amount, plan.on), (days(3), august));
        let mut old_hand = Ledger::new(emp(), LeaveKind::Casual);
        let year = Period::Year { year: 2026 };
        let (first, _) = old_hand
            .accrue(&rules, year, LONG_AGO, HalfDays::ZERO, HalfDays::ZERO)
            .unwrap()
            .unwrap();
        let (again, _) = old_hand
            .accrue(&rules, year, LONG_AGO, HalfDays::ZERO, HalfDays::ZERO)
            .unwrap()
            .unwrap();
        assert_eq!(again, Applied::AlreadyRecorded { seq: first.seq() });
    }

    #[test]
    fn child_care_leave_is_granted_once_for_the_service() {
        let rules = ccs();
        let mut ledger = Ledger::new(emp(), LeaveKind::ChildCare);
        let (first, plan) = ledger
            .accrue(
                &rules,
                Period::Service,
                date!(2015 - 08 - 03),
                HalfDays::ZERO,
                HalfDays::ZERO,
            )
            .unwrap()
            .unwrap();
        assert_eq!((plan.amount, plan.on), (days(730), date!(2015 - 08 - 03)));
        let (again, _) = ledger
            .accrue(
                &rules,
                Period::Service,
                date!(2015 - 08 - 03),
                HalfDays::ZERO,
                HalfDays::ZERO,
            )
            .unwrap()
            .unwrap();
        assert_eq!(again, Applied::AlreadyRecorded { seq: first.seq() });
        assert_eq!(
            ledger.accrue(
                &rules,
                Period::Year { year: 2026 },
                LONG_AGO,
                HalfDays::ZERO,
                HalfDays::ZERO
            ),
            Err(LedgerRefusal::WrongPeriod(LeaveKind::ChildCare))
        );
    }

    #[test]
    fn a_kind_without_an_account_has_no_ledger() {
        let mut ledger = Ledger::new(emp(), LeaveKind::Maternity);
        assert_eq!(
            ledger.apply(
                date!(2026 - 01 - 01),
                Change::Credit(days(1)),
                Cause::Opening { by: emp() },
                &ccs()
            ),
            Err(LedgerRefusal::NoAccount(LeaveKind::Maternity))
        );
    }

    #[test]
    fn debits_stop_at_the_floor() {
        let rules = ccs();
        let mut hpl = Ledger::new(emp(), LeaveKind::HalfPay);
        hpl.apply(
            date!(2026 - 01 - 01),
            Change::Credit(days(20)),
            Cause::Opening { by: emp() },
            &rules,
        )
        .unwrap();
        // Commuted leave of 11 days needs 22 days of half pay leave: refused.
        assert_eq!(
            hpl.apply(
                date!(2026 - 02 - 02),
                Change::Debit(days(22)),
                leave(1, LeaveKind::Commuted),
                &rules
            ),
            Err(LedgerRefusal::BelowFloor {
                available: Balance::from(days(20)),
                needed: days(22)
            })
        );
        // Leave not due may take the account 360 days below zero, and no further.
        hpl.apply(
            date!(2026 - 02 - 02),
            Change::Debit(days(380)),
            leave(2, LeaveKind::NotDue),
            &rules,
        )
        .unwrap();
        assert_eq!(hpl.balance(), Balance::negated(days(360)));
        assert_eq!(
            hpl.apply(
                date!(2026 - 08 - 03),
                Change::Debit(HalfDays::HALF),
                leave(3, LeaveKind::NotDue),
                &rules
            ),
            Err(LedgerRefusal::BelowFloor {
                available: Balance::ZERO,
                needed: HalfDays::HALF
            })
        );
    }

    #[test]
    fn a_cancelled_spell_comes_back_once() {
        let rules = ccs();
        let mut ledger = earned_with(30);
        let debit = ledger
            .apply(
                date!(2026 - 03 - 09),
                Change::Debit(days(10)),
                leave(7, LeaveKind::Earned),
                &rules,
            )
            .unwrap();
        // The same application's debit is recorded once.
        assert_eq!(
            ledger.apply(
                date!(2026 - 03 - 09),
                Change::Debit(days(10)),
                leave(7, LeaveKind::Earned),
                &rules
            ),
            Ok(Applied::AlreadyRecorded { seq: debit.seq() })
        );
        let cancelled = |n| Cause::Cancelled { application: app(n) };
        let reverse = |amount| Change::Reversal {
            of: debit.seq(),
            amount,
        };
        assert_eq!(
            ledger.apply(date!(2026 - 03 - 12), reverse(days(4)), cancelled(8), &rules),
            Err(LedgerRefusal::WrongApplication)
        );
        // Curtailed after six days: four come back.
        ledger
            .apply(date!(2026 - 03 - 12), reverse(days(4)), cancelled(7), &rules)
            .unwrap();
        assert_eq!(ledger.balance(), Balance::from(days(24)));
        assert_eq!(
            ledger.apply(date!(2026 - 03 - 12), reverse(days(7)), cancelled(7), &rules),
            Err(LedgerRefusal::OverReversal {
                seq: debit.seq(),
                left: days(6)
            })
        );
        assert_eq!(
            ledger.apply(
                date!(2026 - 03 - 12),
                Change::Reversal { of: 9, amount: days(1) },
                cancelled(7),
                &rules
            ),
            Err(LedgerRefusal::NoSuchEntry(9))
        );
    }

    #[test]
    fn entries_need_a_cause_that_fits() {
        let rules = ccs();
        let mut ledger = earned_with(30);
        let on = date!(2026 - 03 - 09);
        let period = Cause::PeriodEnd {
            period: Period::Year { year: 2026 },
        };
        assert_eq!(
            ledger.apply(on, Change::Debit(days(1)), period.clone(), &rules),
            Err(LedgerRefusal::CauseDoesNotFit)
        );
        assert_eq!(
            ledger.apply(on, Change::Credit(days(1)), leave(1, LeaveKind::Earned), &rules),
            Err(LedgerRefusal::CauseDoesNotFit)
        );
        assert_eq!(
            ledger.apply(on, Change::Lapse(days(31)), period.clone(), &rules),
            Err(LedgerRefusal::LapseMoreThanBalance { available: days(30) })
        );
        assert_eq!(
            ledger.apply(on, Change::Debit(HalfDays::ZERO), leave(1, LeaveKind::Earned), &rules),
            Err(LedgerRefusal::ZeroAmount)
        );
        // A wrong opening balance is corrected by reversing it, never below zero.
        let correction = Cause::Correction {
            by: emp(),
            remarks: Remarks::parse("Opening balance entered twice").unwrap(),
        };
        ledger
            .apply(
                on,
                Change::Reversal {
                    of: 1,
                    amount: days(10),
                },
                correction.clone(),
                &rules,
            )
            .unwrap();
        assert_eq!(ledger.balance(), Balance::from(days(20)));
        ledger
            .apply(on, Change::Debit(days(15)), leave(1, LeaveKind::Earned), &rules)
            .unwrap();
        assert_eq!(
            ledger.apply(
                on,
                Change::Reversal {
                    of: 1,
                    amount: days(10)
                },
                correction,
                &rules
            ),
            Err(LedgerRefusal::BelowFloor {
                available: Balance::from(days(5)),
                needed: days(10)
            })
        );
    }

    #[test]
    fn stored_ledgers_are_checked_when_read_back() {
        let rules = ccs();
        let mut ledger = earned_with(30);
        ledger
            .apply(
                date!(2026 - 03 - 09),
                Change::Debit(days(10)),
                leave(7, LeaveKind::Earned),
                &rules,
            )
            .unwrap();
        let json = serde_json::to_value(&ledger).unwrap();
        assert_eq!(
            json["entries"][1]["movement"],
            serde_json::json!({"type": "debit", "amount": "10"})
        );
        assert_eq!(json["entries"][1]["why"]["cause"], "leave");
        assert_eq!(json["entries"][1]["why"]["application"], "LV-2026-0007");
        assert_eq!(json["entries"][1]["balance_after"], "20");
        assert_eq!(serde_json::from_value::<Ledger>(json.clone()).unwrap(), ledger);
        let mut tampered = json.clone();
        tampered["entries"][1]["movement"]["amount"] = serde_json::json!("1");
        assert!(serde_json::from_value::<Ledger>(tampered).is_err());
        let mut reordered = json;
        reordered["entries"][1]["seq"] = serde_json::json!(5);
        assert!(serde_json::from_value::<Ledger>(reordered).is_err());
    }

    /// A random request against a half pay leave account, which every kind of debit reaches.
    fn arb_step() -> impl Strategy<Value = (u8, u32, u32, u32)> {
        (0u8..6, 0u32..=900, 1u32..=12, 0u32..=40)
    }

    proptest! {
        #[test]
        fn the_balance_is_the_fold_and_never_below_the_floor(steps in prop::collection::vec(arb_step(), 0..60)) {
            let rules = ccs();
            let mut ledger = Ledger::new(emp(), LeaveKind::HalfPay);
            let floor = rules.floor(LeaveKind::HalfPay, LeaveKind::NotDue);
            let on = date!(2026 - 01 - 01);
            for (op, amount, which, target) in steps {
                let amount = HalfDays::from_half_days(amount);
                let before = ledger.clone();
                let result = match op {
                    0 => ledger.apply(on, Change::Credit(amount), Cause::Accrual { period: Period::Year { year: 2000 + which as i32 } }, &rules),
                    1 => ledger.apply(on, Change::Debit(amount), leave(which, LeaveKind::HalfPay), &rules),
                    2 => ledger.apply(on, Change::Debit(amount), leave(which, LeaveKind::NotDue), &rules),
                    3 => ledger.apply(on, Change::Debit(amount), leave(which, LeaveKind::Commuted), &rules),
                    4 => ledger.apply(on, Change::Lapse(amount), Cause::PeriodEnd { period: Period::Year { year: 2000 + which as i32 } }, &rules),
                    _ => ledger.apply(on, Change::Reversal { of: target, amount }, Cause::Cancelled { application: app(which) }, &rules),
                };
                match result {
                    Ok(Applied::Recorded(entry)) => {
                        prop_assert_eq!(entry.balance_after, ledger.balance());
                        prop_assert_eq!(ledger.entries().len(), before.entries().len() + 1);
                    }
                    Ok(Applied::AlreadyRecorded { .. }) | Err(_) => prop_assert_eq!(&ledger, &before),
                }
                prop_assert_eq!(ledger.balance(), fold(ledger.entries()));
                prop_assert!(ledger.balance() >= floor, "balance {} below {}", ledger.balance(), floor);
                // Only leave not due ever takes the account below zero.
                if ledger.balance().is_negative() {
                    let by_not_due = ledger.entries().iter().any(|e| matches!(e.why.cause, Cause::Leave { taken: LeaveKind::NotDue, .. }));
                    prop_assert!(by_not_due);
                }
            }
            let replayed = Ledger::replay(emp(), LeaveKind::HalfPay, ledger.entries().to_vec()).unwrap();
            prop_assert_eq!(replayed.balance(), ledger.balance());
        }

        #[test]
        fn earned_leave_never_exceeds_the_cap_after_a_half_year_closes(
            opening in 0u32..=300,
            taken in prop::collection::vec(0u32..=40, 0..8),
            eol in 0u32..=200,
        ) {
            let rules = ccs();
            let mut ledger = earned_with(opening);
            for (i, half) in [(2026, Half::First), (2026, Half::Second), (2027, Half::First)].into_iter().enumerate() {
                let credited = ledger.credit_for_half_year(&rules, half.0, half.1, LONG_AGO, days(eol)).unwrap();
                let again = ledger.credit_for_half_year(&rules, half.0, half.1, LONG_AGO, days(eol)).unwrap();
                if let (Some((first, _)), Some((second, _))) = (&credited, &again) {
                    prop_assert_eq!(second, &Applied::AlreadyRecorded { seq: first.seq() });
                }
                prop_assert!(ledger.balance() <= Balance::from(days(315)));
                for (n, t) in taken.iter().enumerate() {
                    let _ = ledger.apply(date!(2026 - 03 - 02), Change::Debit(days(*t)), leave((i * 10 + n) as u32, LeaveKind::Earned), &rules);
                }
                let period = Period::HalfYear { year: half.0, half: half.1 };
                ledger.close_period(&rules, period, HalfDays::ZERO).unwrap();
                prop_assert!(ledger.balance() <= Balance::from(days(300)));
                prop_assert!(!ledger.balance().is_negative());
                prop_assert_eq!(ledger.balance(), fold(ledger.entries()));
            }
        }
    }
}
