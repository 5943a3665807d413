//! The reports eOffice users print and export: a department's pendency summary, the files an
//! official sent that wait elsewhere, pendency with ageing at each desk, month-wise movement,
//! and the time files spend at a desk. Each is JSON for the app and CSV for spreadsheets.

use crate::control::ScopeRef;
use crate::file::FileStatus;
use crate::ids::{FileId, OfficeCode, PostId};
use crate::wire::PostLabel;
use serde::{Deserialize, Serialize};
use time::{Date, OffsetDateTime};

/// The most months a disposal report spans.
pub const MAX_REPORT_MONTHS: u32 = 24;

/// How many pending items of each list (inbox, parked, receipts) the ageing report reads per desk.
pub const DESK_LIST_ROWS: u32 = 100;

/// The ageing buckets of the pendency report, in days at the present desk: 0–7, 8–15, 16–30,
/// over 30 (the same limits as the control room's [`crate::control::AGEING_DAYS`]).
pub const AGE_BUCKETS: usize = 4;

/// Which bucket an item pending `days` days falls in.
pub fn age_bucket(days: i64) -> usize {
    crate::control::AGEING_DAYS
        .iter()
        .position(|limit| days <= i64::from(*limit))
        .unwrap_or(AGE_BUCKETS - 1)
}

/// A month of a year, as `YYYY-MM` in query strings and counters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct YearMonth {
    year: i32,
    month: u8,
}

/// Why a `YYYY-MM` was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("a month is written YYYY-MM, for example 2026-04")]
pub struct InvalidMonth;

impl YearMonth {
    pub fn new(year: i32, month: u8) -> Result<Self, InvalidMonth> {
        if (2000..=2200).contains(&year) && (1..=12).contains(&month) {
            Ok(Self { year, month })
        } else {
            Err(InvalidMonth)
        }
    }

    pub fn parse(raw: &str) -> Result<Self, InvalidMonth> {
        let (year, month) = raw.trim().split_once('-').ok_or(InvalidMonth)?;
        if year.len() != 4 || month.len() != 2 {
            return Err(InvalidMonth);
        }
        let year = year.parse().map_err(|_| InvalidMonth)?;
        let month = month.parse().map_err(|_| InvalidMonth)?;
        Self::new(year, month)
    }

    pub fn of(date: Date) -> Self {
        Self {
            year: date.year(),
            month: u8::from(date.month()),
        }
    }

    pub fn year(self) -> i32 {
        self.year
    }

    pub fn month(self) -> u8 {
        self.month
    }

    /// The month after this one.
    pub fn next(self) -> Self {
        if self.month == 12 {
            Self {
                year: self.year + 1,
                month: 1,
            }
        } else {
            Self {
                year: self.year,
                month: self.month + 1,
            }
        }
    }

    /// This month minus `n` months.
    pub fn back(self, n: u32) -> Self {
        let index = i64::from(self.year) * 12 + i64::from(self.month) - 1 - i64::from(n);
        Self {
            year: index.div_euclid(12) as i32,
            month: (index.rem_euclid(12) + 1) as u8,
        }
    }

    /// Months from `self` to `to`, both counted; zero when `to` comes first.
    pub fn months_to(self, to: YearMonth) -> u32 {
        let index = |m: YearMonth| i64::from(m.year) * 12 + i64::from(m.month);
        u32::try_from(index(to) - index(self) + 1).unwrap_or(0)
    }
}

impl std::fmt::Display for YearMonth {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

impl Serialize for YearMonth {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for YearMonth {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let raw = String::deserialize(deserializer)?;
        Self::parse(&raw).map_err(serde::de::Error::custom)
    }
}

/// Files or receipts of a scope in the departmental summary.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SummaryFigures {
    pub pending: i64,
    /// Pending beyond 7, 15 and 30 days at their present desk.
    pub over: [i64; 3],
    pub created_month: i64,
    /// Arrived at a desk of the scope this month.
    pub received_month: i64,
    /// Sent on from a desk of the scope this month.
    pub forwarded_month: i64,
    /// Stays at a desk that ended this month, and their average length.
    pub stays_month: i64,
    pub average_stay_seconds: Option<i64>,
}

/// What a summary row is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum SummaryRowKind {
    Total,
    Department,
    Office,
    District,
}

/// One row of the departmental summary.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SummaryRow {
    pub scope: ScopeRef,
    pub kind: SummaryRowKind,
    pub name_en: String,
    pub name_hi: String,
    pub files: SummaryFigures,
    pub receipts: SummaryFigures,
}

/// Departmental summary: the state's departments and district offices, or one department's
/// offices, with the total first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SummaryReport {
    pub date: Date,
    #[cfg_attr(feature = "openapi", schema(value_type = String))]
    pub month: YearMonth,
    pub rows: Vec<SummaryRow>,
}

/// A file the caller's desk sent or opened that is now pending at another desk.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PendingElsewhere {
    pub file_id: FileId,
    pub number: String,
    pub subject: String,
    /// The caller's desk that sent or opened it.
    pub my_post: PostId,
    /// When that desk sent it (or opened it).
    #[serde(with = "time::serde::rfc3339")]
    pub sent_at: OffsetDateTime,
    pub holder: PostId,
    pub holder_label: Option<PostLabel>,
    #[serde(with = "time::serde::rfc3339")]
    pub held_since: OffsetDateTime,
    pub days_pending: i64,
    pub status: FileStatus,
}

/// What a pending item is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ItemKind {
    File,
    Receipt,
}

/// One pending file or receipt at a desk, with its age.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AgedItem {
    pub kind: ItemKind,
    /// The file's or receipt's ID, for a link.
    pub id: String,
    /// File number or diary number.
    pub number: String,
    pub subject: String,
    #[serde(with = "time::serde::rfc3339")]
    pub since: OffsetDateTime,
    pub days: i64,
    /// Index into [`AGE_BUCKETS`]: 0 for 0–7 days … 3 for over 30.
    pub bucket: u8,
}

/// One desk's pending items, oldest first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DeskAgeing {
    pub post: PostId,
    pub title_en: String,
    pub title_hi: String,
    pub holder_en: Option<String>,
    pub holder_hi: Option<String>,
    pub items: Vec<AgedItem>,
    /// Files and receipts listed in each age bucket.
    pub files: [i64; AGE_BUCKETS],
    pub receipts: [i64; AGE_BUCKETS],
    /// More were pending than a desk's page lists.
    pub truncated: bool,
}

/// Pendency with ageing for one office.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AgeingReport {
    pub date: Date,
    pub office: OfficeCode,
    pub name_en: String,
    pub name_hi: String,
    /// Desks with something pending, the one with the oldest item first.
    pub desks: Vec<DeskAgeing>,
    pub files: [i64; AGE_BUCKETS],
    pub receipts: [i64; AGE_BUCKETS],
}

/// Created, received and forwarded items.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Flow {
    pub created: i64,
    pub received: i64,
    pub forwarded: i64,
}

impl Flow {
    pub fn absorb(&mut self, other: &Flow) {
        self.created += other.created;
        self.received += other.received;
        self.forwarded += other.forwarded;
    }
}

/// One month of the month-wise report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MonthFlow {
    #[cfg_attr(feature = "openapi", schema(value_type = String))]
    pub month: YearMonth,
    pub files: Flow,
    pub receipts: Flow,
}

/// The scope a report is for, named.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NamedScope {
    pub scope: ScopeRef,
    pub name_en: String,
    pub name_hi: String,
}

/// Month-wise movement of a scope through a year: twelve months, January first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MonthlyReport {
    pub scope: NamedScope,
    pub year: i32,
    pub months: Vec<MonthFlow>,
    pub files: Flow,
    pub receipts: Flow,
}

/// Stays at desks that ended in a month.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Dwell {
    pub stays: i64,
    pub seconds: i64,
    pub average_seconds: Option<i64>,
}

impl Dwell {
    pub fn new(stays: i64, seconds: i64) -> Self {
        Self {
            stays,
            seconds,
            average_seconds: (stays > 0).then(|| seconds / stays),
        }
    }
}

/// One month of the disposal-time report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DisposalMonth {
    #[cfg_attr(feature = "openapi", schema(value_type = String))]
    pub month: YearMonth,
    pub files: Dwell,
    pub receipts: Dwell,
}

/// Average time at a desk per month for a scope, over a range of months.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DisposalReport {
    pub scope: NamedScope,
    #[cfg_attr(feature = "openapi", schema(value_type = String))]
    pub from: YearMonth,
    #[cfg_attr(feature = "openapi", schema(value_type = String))]
    pub to: YearMonth,
    pub months: Vec<DisposalMonth>,
    /// The whole range.
    pub files: Dwell,
    pub receipts: Dwell,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_parse_count_and_step() {
        let april = YearMonth::parse("2026-04").unwrap();
        assert_eq!(april.to_string(), "2026-04");
        for bad in ["2026-4", "2026-13", "26-04", "2026/04", "", "2026-00"] {
            assert_eq!(YearMonth::parse(bad), Err(InvalidMonth), "{bad}");
        }
        assert_eq!(april.months_to(YearMonth::parse("2027-03").unwrap()), 12);
        assert_eq!(april.months_to(april), 1);
        assert_eq!(april.months_to(YearMonth::parse("2026-03").unwrap()), 0);
        assert_eq!(YearMonth::parse("2026-12").unwrap().next().to_string(), "2027-01");
        assert_eq!(april.back(4).to_string(), "2025-12");
    }

    #[test]
    fn ages_fall_in_the_eoffice_buckets() {
        for (days, bucket) in [(0, 0), (7, 0), (8, 1), (15, 1), (16, 2), (30, 2), (31, 3), (400, 3)] {
            assert_eq!(age_bucket(days), bucket, "{days} days");
        }
    }
}
