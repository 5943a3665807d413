//! A spell of leave asked for, and its assessment against the rules, the calendar and the
//! balance: the days that will be counted, the debit and the balance after, the documents it
//! needs and the chain it goes through, or the reason it cannot be granted.
//!
//! The app calls [`assess`] as the employee fills the form (the what-if); the server calls it
//! again when the application arrives, with the balance it read in the same transaction.

use super::calendar::{dates, CalendarError, Calendars};
use super::days::{Balance, HalfDays};
use super::rules::{ApprovalStep, Document, Gender, LeaveKind, RuleSet};
use serde::{Deserialize, Serialize};
use time::Date;

/// The days asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LeaveRequest {
    pub kind: LeaveKind,
    pub from: Date,
    pub to: Date,
    /// The first day is taken from the afternoon only.
    #[serde(default)]
    pub half_day_start: bool,
    /// The last day is taken until noon only.
    #[serde(default)]
    pub half_day_end: bool,
    /// Join the weekends and holidays just before `from` (leave station after office on the
    /// last working day).
    #[serde(default)]
    pub prefix: bool,
    /// Join the weekends and holidays just after `to`.
    #[serde(default)]
    pub suffix: bool,
}

/// What the rules need to know about the applicant.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct EmployeeProfile {
    pub gender: Gender,
    pub joined: Date,
    pub surviving_children: u8,
    #[serde(default)]
    pub single_parent: bool,
}

/// The debit a spell makes, and the balance it leaves.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DebitPlan {
    pub account: LeaveKind,
    pub amount: HalfDays,
    pub balance_before: Balance,
    pub balance_after: Balance,
}

/// What a spell comes to, when the rules allow it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Assessment {
    pub kind: LeaveKind,
    /// The days counted as leave.
    pub days: HalfDays,
    /// Days from `from` to `to`, both included.
    pub calendar_days: u32,
    /// Weekends and holidays inside the spell (counted or not, as the kind's rule says).
    pub non_working_days: u32,
    /// The first day of the holidays joined before the spell.
    pub prefix_from: Option<Date>,
    /// The last day of the holidays joined after the spell.
    pub suffix_to: Option<Date>,
    pub debit: Option<DebitPlan>,
    pub documents: Vec<Document>,
    pub chain: Vec<ApprovalStep>,
    /// Applied for after it began.
    pub back_dated: bool,
}

/// Why the applicant is not eligible.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case", tag = "because")]
pub enum Ineligible {
    #[error("the spell begins before you joined service")]
    BeforeJoining,
    #[error("this kind of leave is not granted to your gender")]
    Gender,
    #[error("this kind of leave needs {months_needed} months of service")]
    ServiceTooShort { months_needed: u16 },
    #[error("this kind of leave is granted for at most {max} children")]
    TooManyChildren { max: u8 },
}

/// Why a spell cannot be granted. Each maps to one stable API error.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LeaveRefusal {
    #[error("the last day is before the first")]
    ToBeforeFrom,
    #[error("{0} is not granted under these rules")]
    NotGranted(LeaveKind),
    #[error("{0} is granted per calendar year: end this spell by 31 December and apply separately for January")]
    CrossesYearEnd(LeaveKind),
    #[error("{}", other_years_allowance(*kind, *year, *this_year))]
    OtherYearsAllowance { kind: LeaveKind, year: i32, this_year: i32 },
    #[error("you are not eligible for this leave: {0}")]
    NotEligible(Ineligible),
    #[error("this leave may be applied for at most {days} days after it began")]
    BackDatedBeyondWindow { days: u16 },
    #[error("this leave is taken in whole days")]
    HalfDayNotAllowed,
    #[error("a one-day spell cannot both start in the afternoon and end at noon")]
    HalfDaysOnOneDay,
    #[error("holidays may not be joined to this leave")]
    PrefixSuffixNotAllowed,
    #[error("a half day cannot be joined to the holidays next to it")]
    HalfDayBreaksPrefixOrSuffix,
    #[error("{date} is a holiday: start and end this leave on working days")]
    StartsOrEndsOnHoliday { date: Date },
    #[error("{date} is not a restricted holiday")]
    NotARestrictedHoliday { date: Date },
    #[error("this leave is at least {min} days at a time")]
    SpellTooShort { min: HalfDays },
    #[error("this leave is at most {max} days at a time")]
    SpellTooLong { max: HalfDays },
    #[error("only {available} days are available, and this needs {needed}")]
    OverBalance { available: Balance, needed: HalfDays },
    #[error("no holiday calendar has been set for {year}")]
    NoCalendar { year: i32 },
    #[error(transparent)]
    BadCalendar(CalendarError),
}

impl From<CalendarError> for LeaveRefusal {
    fn from(error: CalendarError) -> Self {
        match error {
            CalendarError::NotCovered { year } => LeaveRefusal::NoCalendar { year },
            // Calendars are checked when made, so this does not happen; say so if it does.
            other => LeaveRefusal::BadCalendar(other),
        }
    }
}

fn other_years_allowance(kind: LeaveKind, year: i32, this_year: i32) -> String {
    if year > this_year {
        format!("{kind} for {year} can be applied for from 1 January {year}, when that year's is credited")
    } else {
        format!("{kind} of {year} can no longer be applied for: that year's lapsed on 31 December {year}")
    }
}

/// An application made without the documents its assessment asks for.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("attach the {}", names(.0))]
pub struct MissingDocuments(pub Vec<Document>);

fn names(documents: &[Document]) -> String {
    let names: Vec<String> = documents.iter().map(ToString::to_string).collect();
    match names.split_last() {
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} and {last}", rest.join(", ")),
        None => String::new(),
    }
}

/// Refuses an application that asks for documents and carries no attachment. Attachments are
/// not typed, so one file may carry several documents; the approver judges what it shows.
pub fn check_documents(assessment: &Assessment, attachments: usize) -> Result<(), MissingDocuments> {
    if assessment.documents.is_empty() || attachments > 0 {
        Ok(())
    } else {
        Err(MissingDocuments(assessment.documents.clone()))
    }
}

/// Completed months of service from `joined` to `on`.
fn completed_months(joined: Date, on: Date) -> i32 {
    let months = (on.year() - joined.year()) * 12 + (on.month() as i32 - joined.month() as i32);
    if on.day() < joined.day() {
        months - 1
    } else {
        months
    }
}

/// The furthest day of the run of non-working days next to `edge`, walking with `step`.
fn holidays_next_to(
    calendars: &Calendars,
    edge: Date,
    step: fn(Date) -> Option<Date>,
) -> Result<Option<Date>, LeaveRefusal> {
    let mut furthest = None;
    let mut date = edge;
    // A run of closed days is never longer than a few weeks; stop well after that.
    for _ in 0..60 {
        let Some(next) = step(date) else { break };
        if calendars.is_working_day(next)? {
            break;
        }
        furthest = Some(next);
        date = next;
    }
    Ok(furthest)
}

fn check_eligibility(rules: &RuleSet, profile: &EmployeeProfile, request: &LeaveRequest) -> Result<(), LeaveRefusal> {
    let rule = rules.rule(request.kind).ok_or(LeaveRefusal::NotGranted(request.kind))?;
    let eligibility = rule.eligibility;
    let refuse = |why| Err(LeaveRefusal::NotEligible(why));
    if request.from < profile.joined {
        return refuse(Ineligible::BeforeJoining);
    }
    if !eligibility.gender.admits(profile.gender, profile.single_parent) {
        return refuse(Ineligible::Gender);
    }
    if completed_months(profile.joined, request.from) < i32::from(eligibility.min_service_months) {
        return refuse(Ineligible::ServiceTooShort {
            months_needed: eligibility.min_service_months,
        });
    }
    if let Some(max) = eligibility.max_surviving_children {
        if profile.surviving_children > max {
            return refuse(Ineligible::TooManyChildren { max });
        }
    }
    Ok(())
}

/// Judges a spell. `balance` is the balance of the account the kind debits (half pay leave for
/// commuted leave and leave not due); it is ignored for kinds that debit nothing. `today` is the
/// office date of the application.
pub fn assess(
    rules: &RuleSet,
    calendars: &Calendars,
    profile: &EmployeeProfile,
    balance: Balance,
    request: &LeaveRequest,
    today: Date,
) -> Result<Assessment, LeaveRefusal> {
    if request.to < request.from {
        return Err(LeaveRefusal::ToBeforeFrom);
    }
    let rule = rules.rule(request.kind).ok_or(LeaveRefusal::NotGranted(request.kind))?;
    // A kind whose balance lapses on 31 December (casual leave, restricted holidays) is a
    // year's allowance: one spell draws on one year's.
    if !rule.carry_forward && request.from.year() != request.to.year() {
        return Err(LeaveRefusal::CrossesYearEnd(request.kind));
    }
    // And the balance it draws on is this year's: next year's is not credited yet, and last
    // year's has lapsed (what pending applications reserved is kept for them).
    if !rule.carry_forward && request.from.year() != today.year() {
        return Err(LeaveRefusal::OtherYearsAllowance {
            kind: request.kind,
            year: request.from.year(),
            this_year: today.year(),
        });
    }
    check_eligibility(rules, profile, request)?;
    if request.from < today && (today - request.from).whole_days() > i64::from(rule.backdate_days) {
        return Err(LeaveRefusal::BackDatedBeyondWindow {
            days: rule.backdate_days,
        });
    }
    let one_day = request.from == request.to;
    if (request.half_day_start || request.half_day_end) && !rule.half_day_allowed {
        return Err(LeaveRefusal::HalfDayNotAllowed);
    }
    if one_day && request.half_day_start && request.half_day_end {
        return Err(LeaveRefusal::HalfDaysOnOneDay);
    }
    if (request.prefix || request.suffix) && !rule.prefix_suffix_allowed {
        return Err(LeaveRefusal::PrefixSuffixNotAllowed);
    }
    if (request.prefix && request.half_day_start) || (request.suffix && request.half_day_end) {
        return Err(LeaveRefusal::HalfDayBreaksPrefixOrSuffix);
    }

    let calendar_days = u32::try_from((request.to - request.from).whole_days() + 1).unwrap_or(u32::MAX);
    let working_days = calendars.working_days_between(request.from, request.to)?;
    if !rule.counts_non_working_days {
        for edge in [request.from, request.to] {
            if !calendars.is_working_day(edge)? {
                return Err(LeaveRefusal::StartsOrEndsOnHoliday { date: edge });
            }
        }
    }
    if rule.restricted_holidays_only {
        for date in dates(request.from, request.to) {
            let restricted = calendars
                .for_year(date.year())
                .ok_or(LeaveRefusal::NoCalendar { year: date.year() })?
                .restricted_on(date)
                .is_some();
            if !restricted {
                return Err(LeaveRefusal::NotARestrictedHoliday { date });
            }
        }
    }
    let counted = if rule.counts_non_working_days {
        calendar_days
    } else {
        working_days
    };
    let halves = u32::from(request.half_day_start) + u32::from(request.half_day_end);
    let days = HalfDays::days(counted).saturating_sub(HalfDays::from_half_days(halves));
    if days < rule.min_per_spell {
        return Err(LeaveRefusal::SpellTooShort {
            min: rule.min_per_spell,
        });
    }
    if let Some(max) = rule.max_per_spell.filter(|max| days > *max) {
        return Err(LeaveRefusal::SpellTooLong { max });
    }

    let debit = match rule.debit_for(days) {
        None => None,
        Some((account, amount)) => {
            let floor = rules.floor(account, request.kind);
            let after = balance.minus(amount);
            if after < floor {
                return Err(LeaveRefusal::OverBalance {
                    available: Balance::from_half_days(balance.half_days() - floor.half_days()),
                    needed: amount,
                });
            }
            Some(DebitPlan {
                account,
                amount,
                balance_before: balance,
                balance_after: after,
            })
        }
    };
    let prefix_from = if request.prefix {
        holidays_next_to(calendars, request.from, Date::previous_day)?
    } else {
        None
    };
    let suffix_to = if request.suffix {
        holidays_next_to(calendars, request.to, Date::next_day)?
    } else {
        None
    };
    let back_dated = request.from < today;
    let mut documents = rule.documents_for(days);
    if request.to < today {
        documents.push(Document::JoiningReport);
    }
    Ok(Assessment {
        kind: request.kind,
        days,
        calendar_days,
        non_working_days: calendar_days - working_days,
        prefix_from,
        suffix_to,
        debit,
        documents,
        chain: rule.chain_for(days).to_vec(),
        back_dated,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::leave::calendar::HolidayCalendar;
    use crate::leave::rules::{ApprovalAct, Approver};
    use time::macros::date;
    use LeaveKind::*;

    /// Monday 16 March 2026.
    const TODAY: Date = date!(2026 - 03 - 16);

    fn profile() -> EmployeeProfile {
        EmployeeProfile {
            gender: Gender::Female,
            joined: date!(2015 - 08 - 03),
            surviving_children: 1,
            single_parent: false,
        }
    }

    fn calendars() -> Calendars {
        Calendars::from(HolidayCalendar::haryana_2026())
    }

    fn request(kind: LeaveKind, from: Date, to: Date) -> LeaveRequest {
        LeaveRequest {
            kind,
            from,
            to,
            half_day_start: false,
            half_day_end: false,
            prefix: false,
            suffix: false,
        }
    }

    fn balance(days: u32) -> Balance {
        Balance::from(HalfDays::days(days))
    }

    fn days(half_days: u32) -> HalfDays {
        HalfDays::from_half_days(half_days)
    }

    fn judge(request: &LeaveRequest, balance: Balance) -> Result<Assessment, LeaveRefusal> {
        assess(
            &RuleSet::ccs_default(),
            &calendars(),
            &profile(),
            balance,
            request,
            TODAY,
        )
    }

    #[test]
    fn kinds_dates_holidays_and_balances() {
        type Tweak = fn(&mut LeaveRequest);
        let none: Tweak = |_| {};
        let half_start: Tweak = |r| r.half_day_start = true;
        let half_end: Tweak = |r| r.half_day_end = true;
        let both_halves: Tweak = |r| {
            r.half_day_start = true;
            r.half_day_end = true;
        };
        use LeaveRefusal as R;
        // (kind, from, to, tweak, balance in days, expected days counted in half days or refusal)
        type Case = (LeaveKind, Date, Date, Tweak, u32, Result<u32, LeaveRefusal>);
        let cases: Vec<Case> = vec![
            // Friday 20 to Tuesday 24 March: Id-ul-Fitr on the Saturday, Sunday, Shaheedi Diwas on Monday.
            (Earned, date!(2026 - 03 - 20), date!(2026 - 03 - 24), none, 30, Ok(10)),
            (Casual, date!(2026 - 03 - 20), date!(2026 - 03 - 24), none, 8, Ok(4)),
            (
                Casual,
                date!(2026 - 03 - 21),
                date!(2026 - 03 - 24),
                none,
                8,
                Err(R::StartsOrEndsOnHoliday {
                    date: date!(2026 - 03 - 21),
                }),
            ),
            (
                Casual,
                date!(2026 - 03 - 23),
                date!(2026 - 03 - 23),
                none,
                8,
                Err(R::StartsOrEndsOnHoliday {
                    date: date!(2026 - 03 - 23),
                }),
            ),
            (
                Casual,
                date!(2026 - 03 - 27),
                date!(2026 - 03 - 27),
                half_start,
                8,
                Ok(1),
            ),
            (Casual, date!(2026 - 03 - 27), date!(2026 - 03 - 30), half_end, 8, Ok(3)),
            (
                Casual,
                date!(2026 - 03 - 27),
                date!(2026 - 03 - 30),
                both_halves,
                8,
                Ok(2),
            ),
            (
                Casual,
                date!(2026 - 03 - 27),
                date!(2026 - 03 - 27),
                both_halves,
                8,
                Err(R::HalfDaysOnOneDay),
            ),
            (
                Casual,
                date!(2026 - 03 - 27),
                date!(2026 - 03 - 27),
                half_start,
                0,
                Err(R::OverBalance {
                    available: balance(0),
                    needed: days(1),
                }),
            ),
            // Six working days, 6 to 13 April (Ambedkar Jayanti is the 14th).
            (
                Casual,
                date!(2026 - 04 - 06),
                date!(2026 - 04 - 13),
                none,
                8,
                Err(R::SpellTooLong { max: HalfDays::days(5) }),
            ),
            (Casual, date!(2026 - 04 - 06), date!(2026 - 04 - 10), none, 8, Ok(10)),
            // Holi week is beyond casual leave's seven-day back-dating window; this week is not.
            (
                Casual,
                date!(2026 - 03 - 02),
                date!(2026 - 03 - 06),
                none,
                8,
                Err(R::BackDatedBeyondWindow { days: 7 }),
            ),
            (Casual, date!(2026 - 03 - 16), date!(2026 - 03 - 20), none, 8, Ok(10)),
            (Earned, date!(2026 - 03 - 26), date!(2026 - 04 - 01), none, 30, Ok(14)),
            (
                Earned,
                date!(2026 - 03 - 26),
                date!(2026 - 04 - 01),
                none,
                6,
                Err(R::OverBalance {
                    available: balance(6),
                    needed: HalfDays::days(7),
                }),
            ),
            (
                Earned,
                date!(2026 - 03 - 26),
                date!(2026 - 03 - 26),
                half_end,
                30,
                Err(R::HalfDayNotAllowed),
            ),
            (
                Earned,
                date!(2026 - 03 - 26),
                date!(2026 - 03 - 25),
                none,
                30,
                Err(R::ToBeforeFrom),
            ),
            (Earned, date!(2026 - 04 - 01), date!(2026 - 09 - 27), none, 300, Ok(360)),
            (
                Earned,
                date!(2026 - 04 - 01),
                date!(2026 - 09 - 28),
                none,
                300,
                Err(R::SpellTooLong {
                    max: HalfDays::days(180),
                }),
            ),
            (
                RestrictedHoliday,
                date!(2026 - 04 - 03),
                date!(2026 - 04 - 03),
                none,
                2,
                Ok(2),
            ),
            // Casual leave and restricted holidays are a year's allowance: no spell crosses 31 December.
            (
                Casual,
                date!(2026 - 12 - 31),
                date!(2027 - 01 - 01),
                none,
                8,
                Err(R::CrossesYearEnd(Casual)),
            ),
            (
                RestrictedHoliday,
                date!(2026 - 12 - 31),
                date!(2027 - 01 - 01),
                none,
                2,
                Err(R::CrossesYearEnd(RestrictedHoliday)),
            ),
            (Casual, date!(2026 - 12 - 28), date!(2026 - 12 - 31), none, 8, Ok(8)),
            (
                Casual,
                date!(2027 - 01 - 04),
                date!(2027 - 01 - 04),
                none,
                8,
                Err(R::OtherYearsAllowance {
                    kind: Casual,
                    year: 2027,
                    this_year: 2026,
                }),
            ),
            (
                RestrictedHoliday,
                date!(2025 - 12 - 31),
                date!(2025 - 12 - 31),
                none,
                2,
                Err(R::OtherYearsAllowance {
                    kind: RestrictedHoliday,
                    year: 2025,
                    this_year: 2026,
                }),
            ),
            (
                RestrictedHoliday,
                date!(2026 - 04 - 06),
                date!(2026 - 04 - 06),
                none,
                2,
                Err(R::NotARestrictedHoliday {
                    date: date!(2026 - 04 - 06),
                }),
            ),
            (
                RestrictedHoliday,
                date!(2026 - 04 - 03),
                date!(2026 - 04 - 03),
                none,
                0,
                Err(R::OverBalance {
                    available: balance(0),
                    needed: HalfDays::days(1),
                }),
            ),
            // Commuted leave debits twice its days from half pay leave.
            (
                Commuted,
                date!(2026 - 03 - 16),
                date!(2026 - 03 - 25),
                none,
                15,
                Err(R::OverBalance {
                    available: balance(15),
                    needed: HalfDays::days(20),
                }),
            ),
            (Commuted, date!(2026 - 03 - 16), date!(2026 - 03 - 25), none, 20, Ok(20)),
            // Leave not due may overdraw half pay leave.
            (NotDue, date!(2026 - 04 - 01), date!(2026 - 04 - 30), none, 0, Ok(60)),
            (
                ChildCare,
                date!(2026 - 04 - 06),
                date!(2026 - 04 - 08),
                none,
                730,
                Err(R::SpellTooShort { min: HalfDays::days(5) }),
            ),
            (
                ChildCare,
                date!(2026 - 04 - 06),
                date!(2026 - 04 - 10),
                none,
                730,
                Ok(10),
            ),
            (
                Maternity,
                date!(2026 - 04 - 01),
                date!(2026 - 09 - 27),
                none,
                0,
                Ok(360),
            ),
            (
                Maternity,
                date!(2026 - 04 - 01),
                date!(2026 - 09 - 28),
                none,
                0,
                Err(R::SpellTooLong {
                    max: HalfDays::days(180),
                }),
            ),
            (
                Paternity,
                date!(2026 - 04 - 01),
                date!(2026 - 04 - 15),
                none,
                0,
                Err(R::NotEligible(Ineligible::Gender)),
            ),
            (
                Extraordinary,
                date!(2026 - 04 - 01),
                date!(2026 - 05 - 10),
                none,
                0,
                Ok(80),
            ),
            (
                SpecialCasual,
                date!(2026 - 03 - 20),
                date!(2026 - 03 - 24),
                none,
                0,
                Ok(4),
            ),
        ];
        for (kind, from, to, tweak, bal, expected) in cases {
            let mut asked = request(kind, from, to);
            tweak(&mut asked);
            let got = judge(&asked, balance(bal)).map(|a| a.days.half_days());
            assert_eq!(got, expected, "{kind} {from} to {to} with {bal} days");
        }
    }

    #[test]
    fn earned_leave_across_a_holiday_and_a_weekend_counts_them_and_shows_the_balance_after() {
        let asked = request(Earned, date!(2026 - 03 - 20), date!(2026 - 03 - 24));
        let assessment = judge(&asked, balance(30)).unwrap();
        assert_eq!(assessment.days, HalfDays::days(5));
        assert_eq!(assessment.calendar_days, 5);
        assert_eq!(assessment.non_working_days, 3);
        assert_eq!(
            assessment.debit,
            Some(DebitPlan {
                account: Earned,
                amount: HalfDays::days(5),
                balance_before: balance(30),
                balance_after: balance(25),
            })
        );
        assert_eq!(
            assessment.chain,
            vec![
                ApprovalStep {
                    act: ApprovalAct::Recommend,
                    by: Approver::ReportingOfficer
                },
                ApprovalStep {
                    act: ApprovalAct::Sanction,
                    by: Approver::ControllingOfficer
                },
            ]
        );
        assert!(assessment.documents.is_empty());
        assert!(!assessment.back_dated);
        // Casual leave over the same days counts only the two working days.
        let casual = judge(&request(Casual, asked.from, asked.to), balance(8)).unwrap();
        assert_eq!((casual.days, casual.non_working_days), (HalfDays::days(2), 3));
    }

    #[test]
    fn longer_spells_need_more_approvers_and_documents() {
        let long = judge(
            &request(Earned, date!(2026 - 04 - 01), date!(2026 - 05 - 01)),
            balance(100),
        )
        .unwrap();
        assert_eq!(long.days, HalfDays::days(31));
        let by: Vec<Approver> = long.chain.iter().map(|s| s.by).collect();
        assert_eq!(
            by,
            [
                Approver::ReportingOfficer,
                Approver::ControllingOfficer,
                Approver::Establishment
            ]
        );
        let commuted = judge(
            &request(Commuted, date!(2026 - 03 - 16), date!(2026 - 03 - 20)),
            balance(20),
        )
        .unwrap();
        assert_eq!(commuted.documents, vec![Document::MedicalCertificate]);
        assert_eq!(
            commuted.debit.map(|d| (d.account, d.amount)),
            Some((HalfPay, HalfDays::days(10)))
        );
        let not_due = judge(
            &request(NotDue, date!(2026 - 04 - 01), date!(2026 - 04 - 30)),
            balance(0),
        )
        .unwrap();
        assert_eq!(
            not_due.debit.map(|d| d.balance_after),
            Some(Balance::negated(HalfDays::days(30)))
        );
        let maternity = judge(
            &request(Maternity, date!(2026 - 04 - 01), date!(2026 - 04 - 30)),
            balance(0),
        )
        .unwrap();
        assert_eq!(
            (maternity.debit, maternity.documents),
            (None, vec![Document::ConfinementCertificate])
        );
    }

    #[test]
    fn a_back_dated_spell_within_the_window_needs_a_joining_report() {
        // Thursday 12 March, four days ago.
        let past = judge(
            &request(Casual, date!(2026 - 03 - 12), date!(2026 - 03 - 12)),
            balance(8),
        )
        .unwrap();
        assert!(past.back_dated);
        assert_eq!(past.documents, vec![Document::JoiningReport]);
        // Began on Friday, still on leave today: back-dated, but no joining report yet.
        let ongoing = judge(
            &request(Casual, date!(2026 - 03 - 13), date!(2026 - 03 - 17)),
            balance(8),
        )
        .unwrap();
        assert!(ongoing.back_dated);
        assert!(ongoing.documents.is_empty());
        assert_eq!(ongoing.days, HalfDays::days(3));
        // Seven days is the edge of casual leave's window; eight is beyond.
        assert!(judge(
            &request(Casual, date!(2026 - 03 - 09), date!(2026 - 03 - 09)),
            balance(8)
        )
        .is_ok());
        assert_eq!(
            judge(
                &request(Casual, date!(2026 - 03 - 06), date!(2026 - 03 - 06)),
                balance(8)
            ),
            Err(LeaveRefusal::BackDatedBeyondWindow { days: 7 })
        );
    }

    #[test]
    fn holidays_can_be_joined_before_and_after() {
        // Tuesday 24 March, after Id (Saturday), Sunday and Shaheedi Diwas (Monday).
        let mut asked = request(Earned, date!(2026 - 03 - 24), date!(2026 - 03 - 27));
        asked.prefix = true;
        asked.suffix = true;
        let assessment = judge(&asked, balance(30)).unwrap();
        assert_eq!(assessment.prefix_from, Some(date!(2026 - 03 - 21)));
        assert_eq!(assessment.suffix_to, Some(date!(2026 - 03 - 29)));
        // Ram Navami on Thursday 26 is inside the spell: earned leave counts it.
        assert_eq!(assessment.days, HalfDays::days(4));
        // Nothing to join before a Wednesday after a working Tuesday.
        let mut plain = request(Casual, date!(2026 - 03 - 25), date!(2026 - 03 - 25));
        plain.prefix = true;
        assert_eq!(judge(&plain, balance(8)).unwrap().prefix_from, None);
        // A half day breaks the joining.
        let mut afternoon = request(Casual, date!(2026 - 03 - 24), date!(2026 - 03 - 24));
        afternoon.prefix = true;
        afternoon.half_day_start = true;
        assert_eq!(
            judge(&afternoon, balance(8)),
            Err(LeaveRefusal::HalfDayBreaksPrefixOrSuffix)
        );
    }

    #[test]
    fn a_kind_that_forbids_joining_holidays_refuses_it() {
        let mut types = RuleSet::ccs_default().types().to_vec();
        for rule in &mut types {
            if rule.kind == SpecialCasual {
                rule.prefix_suffix_allowed = false;
            }
        }
        let rules = RuleSet::new(
            crate::leave::StateCode::parse("HR").unwrap(),
            2,
            date!(2026 - 01 - 01),
            types,
        )
        .unwrap();
        let mut asked = request(SpecialCasual, date!(2026 - 03 - 24), date!(2026 - 03 - 24));
        asked.suffix = true;
        assert_eq!(
            assess(&rules, &calendars(), &profile(), Balance::ZERO, &asked, TODAY),
            Err(LeaveRefusal::PrefixSuffixNotAllowed)
        );
        asked.suffix = false;
        assert!(assess(&rules, &calendars(), &profile(), Balance::ZERO, &asked, TODAY).is_ok());
    }

    #[test]
    fn eligibility_by_gender_service_and_children() {
        let rules = RuleSet::ccs_default();
        let run = |profile: EmployeeProfile, kind| {
            assess(
                &rules,
                &calendars(),
                &profile,
                balance(0),
                &request(kind, date!(2026 - 04 - 01), date!(2026 - 04 - 10)),
                TODAY,
            )
            .map(|a| a.days)
        };
        let man = EmployeeProfile {
            gender: Gender::Male,
            ..profile()
        };
        let cases = [
            (profile(), Maternity, Ok(HalfDays::days(10))),
            (man, Maternity, Err(Ineligible::Gender)),
            (
                EmployeeProfile {
                    surviving_children: 2,
                    ..profile()
                },
                Maternity,
                Err(Ineligible::TooManyChildren { max: 1 }),
            ),
            (man, Paternity, Ok(HalfDays::days(10))),
            (man, ChildCare, Err(Ineligible::Gender)),
            (
                EmployeeProfile {
                    joined: date!(2025 - 10 - 01),
                    ..profile()
                },
                NotDue,
                Err(Ineligible::ServiceTooShort { months_needed: 12 }),
            ),
            (
                EmployeeProfile {
                    joined: date!(2025 - 04 - 01),
                    ..profile()
                },
                NotDue,
                Ok(HalfDays::days(10)),
            ),
            (
                EmployeeProfile {
                    joined: date!(2026 - 04 - 02),
                    ..profile()
                },
                Extraordinary,
                Err(Ineligible::BeforeJoining),
            ),
        ];
        for (who, kind, expected) in cases {
            let got = run(who, kind);
            let expected = expected.map_err(LeaveRefusal::NotEligible);
            assert_eq!(got, expected, "{kind} for {who:?}");
        }
        // A single father may take child care leave: with no balance he is refused for that.
        let single_father = EmployeeProfile {
            single_parent: true,
            ..man
        };
        assert_eq!(
            run(single_father, ChildCare),
            Err(LeaveRefusal::OverBalance {
                available: balance(0),
                needed: HalfDays::days(10)
            })
        );
        assert_eq!(completed_months(date!(2025 - 04 - 15), date!(2026 - 04 - 14)), 11);
        assert_eq!(completed_months(date!(2025 - 04 - 15), date!(2026 - 04 - 15)), 12);
    }

    #[test]
    fn documents_asked_for_must_be_attached() {
        let commuted = judge(
            &request(Commuted, date!(2026 - 03 - 16), date!(2026 - 03 - 18)),
            balance(20),
        )
        .unwrap();
        assert_eq!(commuted.documents, [Document::MedicalCertificate]);
        let refused = check_documents(&commuted, 0).unwrap_err();
        assert_eq!(refused.to_string(), "attach the medical certificate");
        assert_eq!(check_documents(&commuted, 1), Ok(()));
        let earned = judge(
            &request(Earned, date!(2026 - 03 - 16), date!(2026 - 03 - 18)),
            balance(20),
        )
        .unwrap();
        assert_eq!(check_documents(&earned, 0), Ok(()));
        let two = MissingDocuments(vec![Document::MedicalCertificate, Document::JoiningReport]);
        assert_eq!(two.to_string(), "attach the medical certificate and joining report");
    }

    #[test]
    fn a_spell_into_a_year_without_a_calendar_cannot_be_counted() {
        let asked = request(Earned, date!(2026 - 12 - 31), date!(2027 - 01 - 01));
        assert_eq!(judge(&asked, balance(30)), Err(LeaveRefusal::NoCalendar { year: 2027 }));
    }

    #[test]
    fn a_kind_the_state_does_not_grant_is_refused() {
        let types = RuleSet::ccs_default()
            .types()
            .iter()
            .filter(|rule| rule.kind != Paternity)
            .cloned()
            .collect();
        let rules = RuleSet::new(
            crate::leave::StateCode::parse("HR").unwrap(),
            3,
            date!(2026 - 01 - 01),
            types,
        )
        .unwrap();
        let asked = request(Paternity, date!(2026 - 04 - 01), date!(2026 - 04 - 02));
        assert_eq!(
            assess(&rules, &calendars(), &profile(), balance(0), &asked, TODAY),
            Err(LeaveRefusal::NotGranted(Paternity))
        );
    }

    #[test]
    fn requests_travel_as_json() {
        let json = serde_json::json!({"kind": "earned", "from": "2026-03-20", "to": "2026-03-24"});
        let asked: LeaveRequest = serde_json::from_value(json).unwrap();
        assert_eq!(asked, request(Earned, date!(2026 - 03 - 20), date!(2026 - 03 - 24)));
        let assessment = judge(&asked, balance(30)).unwrap();
        let out = serde_json::to_value(&assessment).unwrap();
        assert_eq!(out["days"], "5");
        assert_eq!(out["debit"]["balance_after"], "25");
        assert_eq!(
            out["chain"][0],
            serde_json::json!({"act": "recommend", "by": "reporting_officer"})
        );
    }
}
