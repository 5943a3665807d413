//! Who is away when: the spells of leave still pending or sanctioned, kept as two indexes so
//! that an overlapping application is refused, and an office sees its leave calendar, each in a
//! bounded number of reads.
//!
//! - An employee's spells per calendar year ([`EmployeeYear`]): read when they apply, so no
//!   two of their spells take the same half of a day.
//! - An office's spells per calendar month ([`OfficeMonth`]), with names, post and status: the
//!   office's leave calendar, who is on leave today, and who else is away when an approver
//!   decides.
//!
//! Both change with the application, in its own transaction: [`roster_change`] says how.

use super::application::ApplicationStatus;
use super::calendar::last_day_of_month;
use super::rules::LeaveKind;
use super::spell::LeaveRequest;
use super::ApplicationId;
use crate::ids::{EmployeeId, OfficeCode, PostId};
use serde::{Deserialize, Serialize};
use std::fmt;
use time::{Date, Month};

const FORENOON: u8 = 0b01;
const AFTERNOON: u8 = 0b10;

/// The days of a spell and its half days: the first day from the afternoon only
/// (`half_day_start`), the last day until noon only (`half_day_end`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SpellDays {
    pub from: Date,
    pub to: Date,
    #[serde(default)]
    pub half_day_start: bool,
    #[serde(default)]
    pub half_day_end: bool,
}

impl SpellDays {
    pub fn of(request: &LeaveRequest) -> Self {
        SpellDays {
            from: request.from,
            to: request.to,
            half_day_start: request.half_day_start,
            half_day_end: request.half_day_end,
        }
    }

    /// The halves of `date` the spell takes, as bits: forenoon, afternoon.
    fn halves_on(&self, date: Date) -> u8 {
        if date < self.from || date > self.to {
            return 0;
        }
        let mut halves = FORENOON | AFTERNOON;
        if date == self.from && self.half_day_start {
            halves &= AFTERNOON;
        }
        if date == self.to && self.half_day_end {
            halves &= FORENOON;
        }
        halves
    }

    /// Whether the spell takes any part of `date`.
    pub fn covers(&self, date: Date) -> bool {
        self.halves_on(date) != 0
    }

    /// Whether the two spells take the same half of some day. A spell ending at noon meets one
    /// starting in the afternoon of that day without overlapping it.
    pub fn overlaps(&self, other: &SpellDays) -> bool {
        let first = self.from.max(other.from);
        let last = self.to.min(other.to);
        if first > last {
            return false;
        }
        // A date strictly inside the shared stretch is a whole day of both spells.
        if (last - first).whole_days() >= 2 {
            return true;
        }
        [first, last]
            .into_iter()
            .any(|date| self.halves_on(date) & other.halves_on(date) != 0)
    }

    /// Whether the spell has a day in `from..=to`.
    pub fn touches(&self, from: Date, to: Date) -> bool {
        self.from <= to && self.to >= from
    }

    /// Ended early: the leave now ends on `to`, in full.
    fn curtail(&mut self, to: Date) {
        if to < self.to {
            self.to = to;
            self.half_day_end = false;
        }
    }

    /// The calendar years the spell touches.
    pub fn years(&self) -> std::ops::RangeInclusive<i32> {
        self.from.year()..=self.to.year()
    }

    /// The calendar months the spell touches, first to last.
    pub fn months(&self) -> Vec<YearMonth> {
        let last = YearMonth::of(self.to);
        std::iter::successors(Some(YearMonth::of(self.from)), |m| m.next())
            .take_while(|m| *m <= last)
            .collect()
    }
}

/// A calendar month, written `2026-12`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(value_type = String))]
#[serde(try_from = "String", into = "String")]
pub struct YearMonth(
    /// Its first day.
    Date,
);

/// Why a month was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("a month is written like 2026-12, between 2000 and 2100")]
pub struct InvalidMonth;

impl YearMonth {
    pub fn of(date: Date) -> Self {
        YearMonth(date.replace_day(1).expect("every month has a first day"))
    }

    pub fn parse(raw: &str) -> Result<Self, InvalidMonth> {
        let (year, month) = raw.trim().split_once('-').ok_or(InvalidMonth)?;
        let digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
        if !digits(year, 4) || !digits(month, 2) {
            return Err(InvalidMonth);
        }
        let year: i32 = year.parse().map_err(|_| InvalidMonth)?;
        let month: u8 = month.parse().map_err(|_| InvalidMonth)?;
        if !(2000..=2100).contains(&year) {
            return Err(InvalidMonth);
        }
        let month = Month::try_from(month).map_err(|_| InvalidMonth)?;
        Date::from_calendar_date(year, month, 1)
            .map(YearMonth)
            .map_err(|_| InvalidMonth)
    }

    pub fn first_day(self) -> Date {
        self.0
    }

    pub fn last_day(self) -> Date {
        last_day_of_month(self.0.year(), self.0.month()).expect("a month has a last day")
    }

    pub fn next(self) -> Option<Self> {
        self.last_day().next_day().map(YearMonth)
    }
}

impl fmt::Display for YearMonth {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.0.year(), u8::from(self.0.month()))
    }
}

impl TryFrom<String> for YearMonth {
    type Error = InvalidMonth;
    fn try_from(raw: String) -> Result<Self, Self::Error> {
        Self::parse(&raw)
    }
}

impl From<YearMonth> for String {
    fn from(month: YearMonth) -> String {
        month.to_string()
    }
}

/// Where a spell in the indexes stands: only spells that keep someone away are kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum RosterStatus {
    Pending,
    Sanctioned,
}

/// What an application's step does to the indexes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RosterChange {
    /// Nothing they show changed (a recommendation moves it up the chain only).
    None,
    /// Sanctioned: shown as such from now on.
    Sanction,
    /// Rejected, withdrawn or cancelled: gone.
    Remove,
    /// Ended early: the spell now ends on `to`.
    Curtail { to: Date },
}

/// How a step from `before` to `after` changes the indexes. A new application is added by the
/// apply path itself.
pub fn roster_change(before: ApplicationStatus, after: ApplicationStatus) -> RosterChange {
    use ApplicationStatus as S;
    match (before, after) {
        (S::Pending { .. }, S::Sanctioned) => RosterChange::Sanction,
        (_, S::Rejected | S::Withdrawn | S::Cancelled) => RosterChange::Remove,
        (S::Sanctioned, S::Curtailed { to }) => RosterChange::Curtail { to },
        _ => RosterChange::None,
    }
}

/// A spell kept in an index.
trait Listed {
    fn application(&self) -> &ApplicationId;
    fn days_mut(&mut self) -> &mut SpellDays;
    fn days(&self) -> &SpellDays;
    fn sanction(&mut self) {}
}

/// Applies a change to the spells of the window `first..=last`; a curtailed spell that no
/// longer reaches the window leaves it.
fn change_in<T: Listed>(spells: &mut Vec<T>, first: Date, last: Date, id: &ApplicationId, change: RosterChange) {
    match change {
        RosterChange::None => {}
        RosterChange::Sanction => spells
            .iter_mut()
            .filter(|s| s.application() == id)
            .for_each(Listed::sanction),
        RosterChange::Remove => spells.retain(|s| s.application() != id),
        RosterChange::Curtail { to } => {
            spells
                .iter_mut()
                .filter(|s| s.application() == id)
                .for_each(|s| s.days_mut().curtail(to));
            spells.retain(|s| s.days().touches(first, last));
        }
    }
}

/// One of an employee's spells.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct BookedSpell {
    pub application: ApplicationId,
    pub kind: LeaveKind,
    #[serde(flatten)]
    pub days: SpellDays,
}

impl Listed for BookedSpell {
    fn application(&self) -> &ApplicationId {
        &self.application
    }
    fn days_mut(&mut self) -> &mut SpellDays {
        &mut self.days
    }
    fn days(&self) -> &SpellDays {
        &self.days
    }
}

/// An employee's pending and sanctioned spells that touch one calendar year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EmployeeYear {
    pub year: i32,
    pub spells: Vec<BookedSpell>,
}

/// A spell refused because the employee already has one on some of its days.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("you already have {kind} from {} to {} (application {application}) on some of these days", .days.from, .days.to)]
pub struct Overlap {
    pub application: ApplicationId,
    pub kind: LeaveKind,
    pub days: SpellDays,
}

impl EmployeeYear {
    pub fn empty(year: i32) -> Self {
        EmployeeYear {
            year,
            spells: Vec::new(),
        }
    }

    fn bounds(&self) -> (Date, Date) {
        let first = Date::from_calendar_date(self.year, Month::January, 1).unwrap_or(Date::MIN);
        let last = Date::from_calendar_date(self.year, Month::December, 31).unwrap_or(Date::MAX);
        (first, last)
    }

    /// Refuses a spell that takes half a day or more that one of these already takes.
    pub fn check_free(&self, days: &SpellDays) -> Result<(), Overlap> {
        self.check_free_but(days, None)
    }

    /// As [`Self::check_free`], not counting the spell of `replaced` (an application being
    /// modified by the new one, which stands until the new one is sanctioned).
    pub fn check_free_but(&self, days: &SpellDays, replaced: Option<&ApplicationId>) -> Result<(), Overlap> {
        let clash = self
            .spells
            .iter()
            .filter(|booked| Some(&booked.application) != replaced)
            .find(|booked| booked.days.overlaps(days));
        match clash {
            Some(booked) => Err(Overlap {
                application: booked.application.clone(),
                kind: booked.kind,
                days: booked.days,
            }),
            None => Ok(()),
        }
    }

    /// Books a new spell, if it touches this year.
    pub fn book(&mut self, spell: BookedSpell) {
        let (first, last) = self.bounds();
        if spell.days.touches(first, last) {
            self.spells.push(spell);
        }
    }

    pub fn change(&mut self, id: &ApplicationId, change: RosterChange) {
        let (first, last) = self.bounds();
        change_in(&mut self.spells, first, last, id, change);
    }
}

/// A spell in an office's leave calendar: who, at which post, what kind, which days, and
/// whether it is sanctioned yet.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OfficeSpell {
    pub application: ApplicationId,
    pub employee: EmployeeId,
    pub name_en: String,
    pub name_hi: String,
    pub post: PostId,
    pub kind: LeaveKind,
    #[serde(flatten)]
    pub days: SpellDays,
    pub status: RosterStatus,
}

impl Listed for OfficeSpell {
    fn application(&self) -> &ApplicationId {
        &self.application
    }
    fn days_mut(&mut self) -> &mut SpellDays {
        &mut self.days
    }
    fn days(&self) -> &SpellDays {
        &self.days
    }
    fn sanction(&mut self) {
        self.status = RosterStatus::Sanctioned;
    }
}

/// An office's pending and sanctioned spells that touch one calendar month.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OfficeMonth {
    pub office: OfficeCode,
    pub month: YearMonth,
    pub spells: Vec<OfficeSpell>,
}

impl OfficeMonth {
    pub fn empty(office: OfficeCode, month: YearMonth) -> Self {
        OfficeMonth {
            office,
            month,
            spells: Vec::new(),
        }
    }

    /// Adds a new spell, if it touches this month.
    pub fn add(&mut self, spell: OfficeSpell) {
        if spell.days.touches(self.month.first_day(), self.month.last_day()) {
            self.spells.push(spell);
        }
    }

    pub fn change(&mut self, id: &ApplicationId, change: RosterChange) {
        change_in(
            &mut self.spells,
            self.month.first_day(),
            self.month.last_day(),
            id,
            change,
        );
    }

    /// The sanctioned spells that take some of `date`.
    pub fn away_on(&self, date: Date) -> impl Iterator<Item = &OfficeSpell> {
        self.spells
            .iter()
            .filter(move |s| s.status == RosterStatus::Sanctioned && s.days.covers(date))
    }

    /// Other employees' spells that share half a day or more with `days`.
    pub fn overlapping<'a>(
        &'a self,
        days: &'a SpellDays,
        employee: &'a EmployeeId,
    ) -> impl Iterator<Item = &'a OfficeSpell> {
        self.spells
            .iter()
            .filter(move |s| &s.employee != employee && s.days.overlaps(days))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    fn spell(from: Date, to: Date, half_day_start: bool, half_day_end: bool) -> SpellDays {
        SpellDays {
            from,
            to,
            half_day_start,
            half_day_end,
        }
    }

    #[test]
    fn spells_overlap_when_they_share_a_half_day() {
        let (d10, d11, d12, d13, d15) = (
            date!(2026 - 12 - 10),
            date!(2026 - 12 - 11),
            date!(2026 - 12 - 12),
            date!(2026 - 12 - 13),
            date!(2026 - 12 - 15),
        );
        // (first, second, overlap?)
        let cases = [
            (spell(d10, d12, false, false), spell(d13, d15, false, false), false),
            (spell(d10, d12, false, false), spell(d12, d15, false, false), true),
            (spell(d10, d15, false, false), spell(d11, d12, false, false), true),
            // Ends at noon on the 12th; the next starts that afternoon.
            (spell(d10, d12, false, true), spell(d12, d15, true, false), false),
            // Either one whole on the 12th: they meet.
            (spell(d10, d12, false, true), spell(d12, d15, false, false), true),
            (spell(d10, d12, false, false), spell(d12, d15, true, false), true),
            // Both the afternoon of the 12th.
            (spell(d12, d12, true, false), spell(d12, d15, true, false), true),
            // The forenoon and the afternoon of one day.
            (spell(d12, d12, false, true), spell(d12, d12, true, false), false),
            (spell(d12, d12, false, true), spell(d12, d12, false, true), true),
            // Two shared days, half days at the edges that do not meet.
            (spell(d11, d12, true, false), spell(d10, d12, false, false), true),
            (spell(d10, d11, false, true), spell(d11, d12, true, false), false),
        ];
        for (a, b, expected) in cases {
            assert_eq!(a.overlaps(&b), expected, "{a:?} / {b:?}");
            assert_eq!(b.overlaps(&a), expected, "{b:?} / {a:?}");
        }
    }

    fn id(n: u32) -> ApplicationId {
        ApplicationId::parse(&format!("LV-2026-{n:04}")).unwrap()
    }

    #[test]
    fn an_employee_year_refuses_an_overlap_naming_the_other_spell() {
        let mut year = EmployeeYear::empty(2026);
        year.book(BookedSpell {
            application: id(1),
            kind: LeaveKind::Earned,
            days: spell(date!(2026 - 12 - 28), date!(2027 - 01 - 02), false, false),
        });
        year.book(BookedSpell {
            application: id(2),
            kind: LeaveKind::Earned,
            days: spell(date!(2027 - 01 - 05), date!(2027 - 01 - 06), false, false),
        });
        assert_eq!(
            year.spells.len(),
            1,
            "a spell wholly in another year is not booked here"
        );
        let refused = year
            .check_free(&spell(date!(2026 - 12 - 31), date!(2026 - 12 - 31), false, false))
            .unwrap_err();
        assert_eq!(refused.application, id(1));
        assert!(refused.to_string().contains("2026-12-28 to 2027-01-02"), "{refused}");
        assert!(year
            .check_free(&spell(date!(2026 - 12 - 21), date!(2026 - 12 - 24), false, false))
            .is_ok());
        // A modification of application 1 does not clash with it.
        assert!(year
            .check_free_but(
                &spell(date!(2026 - 12 - 31), date!(2026 - 12 - 31), false, false),
                Some(&id(1))
            )
            .is_ok());
        assert!(year
            .check_free_but(
                &spell(date!(2026 - 12 - 31), date!(2026 - 12 - 31), false, false),
                Some(&id(2))
            )
            .is_err());
        // Curtailed to 2026-12-30, then cancelled: the days are free again.
        year.change(
            &id(1),
            RosterChange::Curtail {
                to: date!(2026 - 12 - 30),
            },
        );
        assert!(year
            .check_free(&spell(date!(2026 - 12 - 31), date!(2026 - 12 - 31), false, false))
            .is_ok());
        year.change(&id(1), RosterChange::Remove);
        assert!(year.spells.is_empty());
    }

    #[test]
    fn a_curtailed_spell_leaves_the_months_it_no_longer_reaches() {
        let office = OfficeCode::parse("FIN-HQ").unwrap();
        let days = spell(date!(2026 - 11 - 25), date!(2026 - 12 - 04), false, true);
        let months = days.months();
        assert_eq!(
            months.iter().map(ToString::to_string).collect::<Vec<_>>(),
            ["2026-11", "2026-12"]
        );
        let entry = OfficeSpell {
            application: id(7),
            employee: EmployeeId::parse("HR2001").unwrap(),
            name_en: "Rajesh Verma".into(),
            name_hi: "राजेश वर्मा".into(),
            post: PostId::parse("FIN-HQ-SO-GEN").unwrap(),
            kind: LeaveKind::Earned,
            days,
            status: RosterStatus::Pending,
        };
        let mut calendar: Vec<OfficeMonth> = months
            .iter()
            .map(|m| {
                let mut month = OfficeMonth::empty(office.clone(), *m);
                month.add(entry.clone());
                month
            })
            .collect();
        assert!(calendar.iter().all(|m| m.spells.len() == 1));
        assert_eq!(
            calendar[1].away_on(date!(2026 - 12 - 01)).count(),
            0,
            "pending is not away"
        );
        for month in &mut calendar {
            month.change(&id(7), RosterChange::Sanction);
        }
        assert_eq!(calendar[1].away_on(date!(2026 - 12 - 04)).count(), 1);
        for month in &mut calendar {
            month.change(
                &id(7),
                RosterChange::Curtail {
                    to: date!(2026 - 11 - 30),
                },
            );
        }
        assert_eq!(calendar[0].spells[0].days.to, date!(2026 - 11 - 30));
        assert!(!calendar[0].spells[0].days.half_day_end);
        assert!(calendar[1].spells.is_empty());
        let other = EmployeeId::parse("HR2002").unwrap();
        let mine = spell(date!(2026 - 11 - 30), date!(2026 - 12 - 02), false, false);
        assert_eq!(calendar[0].overlapping(&mine, &other).count(), 1);
        assert_eq!(calendar[0].overlapping(&mine, &entry.employee).count(), 0);
    }

    #[test]
    fn steps_change_the_indexes() {
        use ApplicationStatus as S;
        let to = date!(2026 - 12 - 02);
        let cases = [
            (S::Pending { step: 0 }, S::Pending { step: 1 }, RosterChange::None),
            (S::Pending { step: 1 }, S::Sanctioned, RosterChange::Sanction),
            (S::Pending { step: 1 }, S::Rejected, RosterChange::Remove),
            (S::Pending { step: 0 }, S::Withdrawn, RosterChange::Remove),
            (S::Sanctioned, S::Cancelled, RosterChange::Remove),
            (S::Sanctioned, S::Curtailed { to }, RosterChange::Curtail { to }),
        ];
        for (before, after, expected) in cases {
            assert_eq!(roster_change(before, after), expected, "{before:?} → {after:?}");
        }
    }

    #[test]
    fn months_parse_strictly() {
        assert_eq!(YearMonth::parse("2026-12").unwrap().to_string(), "2026-12");
        assert_eq!(
            YearMonth::parse("2026-12").unwrap().next().unwrap().to_string(),
            "2027-01"
        );
        for bad in ["2026-13", "2026-1", "26-12", "2026/12", "", "1999-01", "2026-00"] {
            assert_eq!(YearMonth::parse(bad), Err(InvalidMonth), "{bad}");
        }
    }
}
