//! The control room's view of pendency: what headquarters watches on its wall screens, from
//! the whole state down to one desk's files.

use crate::ids::{DeptCode, OfficeCode, PostId, SectionCode};
use crate::wire::{FileRow, InboxEntry};
use serde::{Deserialize, Serialize};
use time::Date;

/// Where in the organisation a figure belongs: the levels of the drill-down.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case", tag = "level", content = "code")]
pub enum ScopeRef {
    State,
    Department(DeptCode),
    Office(OfficeCode),
    Section(SectionCode),
    Post(PostId),
}

/// Days since an item reached its desk beyond which it counts as ageing, as eOffice's
/// pendency reports bucket them.
pub const AGEING_DAYS: [u16; 3] = [7, 15, 30];

/// Pendency of one kind of item (files or receipts) at a scope.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Pendency {
    pub pending: i64,
    /// Pending longer than 7, 15 and 30 days at their present desk ([`AGEING_DAYS`]).
    pub over: [i64; 3],
    /// The day the longest-waiting pending item reached its desk.
    pub oldest_since: Option<Date>,
    pub created_today: i64,
    pub created_week: i64,
    pub moved_today: i64,
    pub moved_week: i64,
    /// Time spent at desks by the stays that ended this month, and how many stays those were.
    pub stay_seconds_month: i64,
    pub stays_month: i64,
}

impl Pendency {
    /// The average time an item stayed at a desk this month.
    pub fn average_stay_seconds(&self) -> Option<i64> {
        (self.stays_month > 0).then(|| self.stay_seconds_month / self.stays_month)
    }

    /// Adds another scope's figures to these (a section's are its desks' summed).
    pub fn absorb(&mut self, other: &Pendency) {
        self.pending += other.pending;
        for (mine, theirs) in self.over.iter_mut().zip(other.over) {
            *mine += theirs;
        }
        self.oldest_since = match (self.oldest_since, other.oldest_since) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
        self.created_today += other.created_today;
        self.created_week += other.created_week;
        self.moved_today += other.moved_today;
        self.moved_week += other.moved_week;
        self.stay_seconds_month += other.stay_seconds_month;
        self.stays_month += other.stays_month;
    }
}

/// Everything the control room shows of one scope.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Figures {
    pub files: Pendency,
    pub receipts: Pendency,
    /// Officials on sanctioned leave today; absent below the office (a desk's holder is one).
    pub on_leave_today: Option<u32>,
}

impl Figures {
    pub fn absorb(&mut self, other: &Figures) {
        self.files.absorb(&other.files);
        self.receipts.absorb(&other.receipts);
        self.on_leave_today = match (self.on_leave_today, other.on_leave_today) {
            (Some(a), Some(b)) => Some(a + b),
            (a, b) => a.or(b),
        };
    }
}

/// One row of a dashboard table: a scope, its names and its figures.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ScopeRow {
    pub scope: ScopeRef,
    pub name_en: String,
    pub name_hi: String,
    /// For a desk, who holds it.
    pub holder_en: Option<String>,
    pub holder_hi: Option<String>,
    pub figures: Figures,
}

/// Items created and moved on one day: a point of the trend lines.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TrendPoint {
    pub date: Date,
    pub files_created: i64,
    pub files_moved: i64,
    pub receipts_created: i64,
    pub receipts_moved: i64,
}

/// What the rows under a scope are.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum RowsOf {
    Departments,
    Districts,
    Offices,
    Sections,
    Desks,
}

/// A table of the scopes under the one viewed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RowGroup {
    pub of: RowsOf,
    pub rows: Vec<ScopeRow>,
}

/// The control room's page for one scope.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ControlView {
    /// The office date the figures are for.
    pub date: Date,
    /// The scope itself, with its totals.
    pub total: ScopeRow,
    /// The way back up: state first, the parent last.
    pub trail: Vec<ScopeRow>,
    pub groups: Vec<RowGroup>,
    /// The desks with the most files pending (the department and the state).
    pub top_desks: Vec<ScopeRow>,
    /// The last fourteen days, oldest first.
    pub trend: Vec<TrendPoint>,
    /// At a desk: its pending files and receipts, longest waiting first.
    pub files: Vec<FileRow>,
    pub receipts: Vec<InboxEntry>,
}
