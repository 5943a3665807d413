//! Pendency counters per state, department, office and post, kept on write in the same
//! transaction as the change they count, so the control room reads numbers instead of
//! counting files.

use crate::keys;
use crate::org::StoredPost;
use daftar_domain::local_time::office_date;
use daftar_domain::org::Post;
use daftar_domain::{DeptCode, OfficeCode, PostId};
use daftar_store::{Key, Write};
use std::collections::BTreeMap;
use time::{Date, OffsetDateTime};

/// What is counted: files or receipts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Counted {
    Files,
    Receipts,
}

impl Counted {
    pub const ALL: [Counted; 2] = [Counted::Files, Counted::Receipts];

    fn name(self) -> &'static str {
        match self {
            Self::Files => "FILES",
            Self::Receipts => "RECEIPTS",
        }
    }
}

/// One counter of a scope. Each is a separate item in the scope's partition, so a whole
/// dashboard for the scope is one query whose size follows the calendar (a few items per day),
/// never the number of files.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Metric {
    /// Items pending at the scope now.
    Pending,
    /// Items created (opened or diarised) at the scope on an office date.
    Created(Date),
    /// Items sent on from the scope on an office date.
    Moved(Date),
    /// Items that reached a desk of the scope on an office date (diarised, opened or sent there).
    Received(Date),
    /// Items pending at the scope now that reached their desk on an office date: the ageing.
    Waiting(Date),
    /// Seconds spent at a desk by the stays that ended in a month (`YYYY-MM`)...
    DwellSeconds(String),
    /// ...and how many stays those were: their quotient is the average time at a desk.
    DwellStays(String),
    /// Items pending at one desk of the department: the desks with the most pendency.
    Desk(PostId),
}

impl Metric {
    /// The counter's sort key: `FILES_PENDING`, `FILES_WAITING#2026-11-23`, `FILES_DESK#FIN-HQ-SO`...
    pub fn name(&self, counted: Counted) -> String {
        let kind = counted.name();
        match self {
            Self::Pending => format!("{kind}_PENDING"),
            Self::Created(date) => format!("{kind}_CREATED#{date}"),
            Self::Moved(date) => format!("{kind}_MOVED#{date}"),
            Self::Received(date) => format!("{kind}_RECEIVED#{date}"),
            Self::Waiting(date) => format!("{kind}_WAITING#{date}"),
            Self::DwellSeconds(month) => format!("{kind}_DWELLSECS#{month}"),
            Self::DwellStays(month) => format!("{kind}_DWELLN#{month}"),
            Self::Desk(post) => format!("{kind}_DESK#{post}"),
        }
    }

    /// Reads a sort key written by [`Metric::name`]; `None` for anything else in the partition.
    pub fn parse(name: &str) -> Option<(Counted, Metric)> {
        let (counted, rest) = if let Some(rest) = name.strip_prefix("FILES_") {
            (Counted::Files, rest)
        } else {
            (Counted::Receipts, name.strip_prefix("RECEIPTS_")?)
        };
        if rest == "PENDING" {
            return Some((counted, Self::Pending));
        }
        let (label, value) = rest.split_once('#')?;
        let date = || Date::parse(value, DATE).ok();
        let metric = match label {
            "CREATED" => Self::Created(date()?),
            "MOVED" => Self::Moved(date()?),
            "RECEIVED" => Self::Received(date()?),
            "WAITING" => Self::Waiting(date()?),
            "DWELLSECS" => Self::DwellSeconds(value.to_owned()),
            "DWELLN" => Self::DwellStays(value.to_owned()),
            "DESK" => Self::Desk(PostId::parse(value).ok()?),
            _ => return None,
        };
        Some((counted, metric))
    }
}

const DATE: &[time::format_description::FormatItem<'static>] =
    time::macros::format_description!("[year]-[month]-[day]");

/// The month a stay ended in, as dwell counters name it.
pub fn month_of(date: Date) -> String {
    format!("{}-{:02}", date.year(), u8::from(date.month()))
}

/// A counter scope: what the control room drills through.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Scope {
    State,
    Department(DeptCode),
    Office(OfficeCode),
    Post(PostId),
}

impl Scope {
    pub fn partition(&self) -> String {
        keys::counter_partition(&match self {
            Self::State => "STATE".to_owned(),
            Self::Department(dept) => format!("DEPT#{dept}"),
            Self::Office(office) => format!("OFFICE#{office}"),
            Self::Post(post) => format!("POST#{post}"),
        })
    }

    /// The scopes a desk's counts roll up into, itself first.
    fn of(post: &Post) -> [Scope; 4] {
        [
            Self::Post(post.id.clone()),
            Self::Office(post.office.clone()),
            Self::Department(post.dept.clone()),
            Self::State,
        ]
    }
}

/// Where an item is pending: the desk and since when.
pub type Stay<'a> = (&'a StoredPost, OffsetDateTime);

/// Counter changes netted per key: a transaction may touch an item only once, and a move within
/// one office changes that office's count by nothing.
#[derive(Debug, Default)]
pub struct Tally(BTreeMap<Key, i64>);

impl Tally {
    fn add(&mut self, post: &Post, counted: Counted, metric: &Metric, by: i64) {
        let name = metric.name(counted);
        for scope in Scope::of(post) {
            *self.0.entry(Key::new(scope.partition(), name.clone())).or_default() += by;
        }
    }

    /// An item moved from pending at one desk (or none) to pending at another (or none). The
    /// desk it leaves records how long the item stayed.
    pub fn pendency(&mut self, counted: Counted, before: Option<Stay>, after: Option<Stay>, now: OffsetDateTime) {
        if before.map(|(p, _)| &p.post.id) == after.map(|(p, _)| &p.post.id) {
            return;
        }
        if let Some((stored, since)) = before {
            self.pending_at(counted, &stored.post, since, -1);
            let month = month_of(office_date(now));
            let seconds = (now - since).whole_seconds().max(0);
            self.add(&stored.post, counted, &Metric::DwellSeconds(month.clone()), seconds);
            self.add(&stored.post, counted, &Metric::DwellStays(month), 1);
        }
        if let Some((stored, since)) = after {
            self.pending_at(counted, &stored.post, since, 1);
            self.add(&stored.post, counted, &Metric::Received(office_date(since)), 1);
        }
    }

    fn pending_at(&mut self, counted: Counted, post: &Post, since: OffsetDateTime, by: i64) {
        self.add(post, counted, &Metric::Pending, by);
        self.add(post, counted, &Metric::Waiting(office_date(since)), by);
        let desk = Key::new(
            Scope::Department(post.dept.clone()).partition(),
            Metric::Desk(post.id.clone()).name(counted),
        );
        *self.0.entry(desk).or_default() += by;
    }

    pub fn moved(&mut self, counted: Counted, from: &StoredPost, now: OffsetDateTime) {
        self.add(&from.post, counted, &Metric::Moved(office_date(now)), 1);
    }

    pub fn created(&mut self, counted: Counted, at: &StoredPost, now: OffsetDateTime) {
        self.add(&at.post, counted, &Metric::Created(office_date(now)), 1);
    }

    /// The increments, plus one on the state's change counter when anything changed: the
    /// control room's entity tag, so an unchanged dashboard is answered from one read.
    pub fn into_writes(self) -> impl Iterator<Item = Write> {
        let changes: Vec<Write> = self
            .0
            .into_iter()
            .filter(|(_, by)| *by != 0)
            .map(|(key, by)| Write::Increment { key, by })
            .collect();
        let bump = (!changes.is_empty()).then(change_bump);
        changes.into_iter().chain(bump)
    }
}

/// The state-wide count of changes the control room shows. Leave changes bump it too, since
/// the dashboards show who is on leave.
pub fn changes_key() -> Key {
    Key::new(Scope::State.partition(), "CHANGES")
}

pub fn change_bump() -> Write {
    Write::Increment {
        key: changes_key(),
        by: 1,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use daftar_domain::SectionCode;

    fn stored(id: &str, office: &str, dept: &str) -> StoredPost {
        StoredPost {
            post: Post {
                id: PostId::parse(id).unwrap(),
                dept: DeptCode::parse(dept).unwrap(),
                office: OfficeCode::parse(office).unwrap(),
                section: SectionCode::parse("GEN").unwrap(),
                title_en: String::new(),
                title_hi: String::new(),
                holder: None,
            },
            office_name_en: String::new(),
            office_name_hi: String::new(),
            holder_name_en: None,
            holder_name_hi: None,
        }
    }

    fn deltas(tally: Tally) -> Vec<(String, i64)> {
        tally
            .into_writes()
            .map(|w| match w {
                Write::Increment { key, by } => (format!("{}|{}", key.pk, key.sk), by),
                other => panic!("unexpected {other:?}"),
            })
            .collect()
    }

    fn at(day: u8, hour: u8) -> OffsetDateTime {
        time::macros::datetime!(2026-11-01 0:00 UTC)
            .replace_day(day)
            .unwrap()
            .replace_hour(hour)
            .unwrap()
    }

    #[test]
    fn a_move_within_an_office_nets_out_above_the_desks_but_ages_afresh() {
        let mut tally = Tally::default();
        let so = stored("FIN-HQ-SO", "FIN-HQ", "FIN");
        let ds = stored("FIN-HQ-DS", "FIN-HQ", "FIN");
        tally.pendency(Counted::Files, Some((&so, at(2, 5))), Some((&ds, at(9, 5))), at(9, 5));
        let deltas = deltas(tally);
        let of = |pk: &str, sk: &str| {
            deltas
                .iter()
                .find(|(k, _)| k == &format!("COUNT#{pk}|{sk}"))
                .map(|(_, by)| *by)
        };
        assert_eq!(of("POST#FIN-HQ-SO", "FILES_PENDING"), Some(-1));
        assert_eq!(of("POST#FIN-HQ-DS", "FILES_PENDING"), Some(1));
        assert_eq!(of("OFFICE#FIN-HQ", "FILES_PENDING"), None);
        assert_eq!(of("STATE", "FILES_WAITING#2026-11-02"), Some(-1));
        assert_eq!(of("STATE", "FILES_WAITING#2026-11-09"), Some(1));
        assert_eq!(of("DEPT#FIN", "FILES_DESK#FIN-HQ-SO"), Some(-1));
        assert_eq!(of("DEPT#FIN", "FILES_DESK#FIN-HQ-DS"), Some(1));
        // Seven days at the Section Officer's desk.
        assert_eq!(of("POST#FIN-HQ-SO", "FILES_DWELLSECS#2026-11"), Some(7 * 86_400));
        assert_eq!(of("DEPT#FIN", "FILES_DWELLN#2026-11"), Some(1));
        assert_eq!(of("STATE", "CHANGES"), Some(1));
    }

    #[test]
    fn a_move_across_departments_changes_both_chains() {
        let mut tally = Tally::default();
        let fin = stored("FIN-HQ-SO", "FIN-HQ", "FIN");
        let cmo = stored("CMO-HQ-SO", "CMO-HQ", "CMO");
        tally.pendency(Counted::Files, Some((&fin, at(3, 4))), Some((&cmo, at(3, 6))), at(3, 6));
        let pending: Vec<_> = deltas(tally)
            .into_iter()
            .filter(|(key, _)| key.ends_with("|FILES_PENDING"))
            .collect();
        // Post, office and department on each side; the state nets out.
        assert_eq!(pending.len(), 6);
    }

    #[test]
    fn staying_at_the_same_desk_changes_nothing() {
        let mut tally = Tally::default();
        let so = stored("FIN-HQ-SO", "FIN-HQ", "FIN");
        tally.pendency(Counted::Files, Some((&so, at(1, 1))), Some((&so, at(1, 1))), at(2, 2));
        assert!(deltas(tally).is_empty());
    }

    #[test]
    fn every_metric_name_reads_back() {
        let date = time::macros::date!(2026 - 11 - 23);
        let post = PostId::parse("FIN-HQ-SO").unwrap();
        for metric in [
            Metric::Pending,
            Metric::Created(date),
            Metric::Moved(date),
            Metric::Received(date),
            Metric::Waiting(date),
            Metric::DwellSeconds("2026-11".into()),
            Metric::DwellStays("2026-11".into()),
            Metric::Desk(post.clone()),
        ] {
            for counted in Counted::ALL {
                assert_eq!(Metric::parse(&metric.name(counted)), Some((counted, metric.clone())));
            }
        }
        assert_eq!(Metric::parse("CHANGES"), None);
        assert_eq!(Metric::parse("FILES_WAITING#yesterday"), None);
    }
}
