//! Pendency counters per department, office, section and post, kept on write in the same
//! transaction as the change they count, so the control room reads numbers instead of
//! counting files.

use crate::keys;
use crate::org::StoredPost;
use daftar_domain::local_time::office_date;
use daftar_domain::org::Post;
use daftar_store::{Key, Write};
use std::collections::BTreeMap;
use time::OffsetDateTime;

/// What is counted: files or receipts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Counted {
    Files,
    Receipts,
}

impl Counted {
    fn name(self) -> &'static str {
        match self {
            Self::Files => "FILES",
            Self::Receipts => "RECEIPTS",
        }
    }

    /// Items pending at the scope now.
    pub fn pending(self) -> String {
        format!("{}_PENDING", self.name())
    }

    /// Items created (opened or diarised) at the scope on an office date.
    pub fn created_on(self, date: time::Date) -> String {
        format!("{}_CREATED#{date}", self.name())
    }

    /// Items sent on from the scope on an office date.
    pub fn moved_on(self, date: time::Date) -> String {
        format!("{}_MOVED#{date}", self.name())
    }
}

/// The counters one post rolls up into: itself, its section, its office and its department.
fn scopes(post: &Post) -> [String; 4] {
    [
        format!("POST#{}", post.id),
        format!("SECTION#{}#{}", post.office, post.section),
        format!("OFFICE#{}", post.office),
        format!("DEPT#{}", post.dept),
    ]
}

/// Counter changes netted per key: a transaction may touch an item only once, and a move within
/// one office changes that office's count by nothing.
#[derive(Debug, Default)]
pub struct Tally(BTreeMap<Key, i64>);

impl Tally {
    pub fn add(&mut self, post: &StoredPost, metric: &str, by: i64) {
        for scope in scopes(&post.post) {
            *self.0.entry(keys::counter(&scope, metric)).or_default() += by;
        }
    }

    /// An item moved from pending at one desk (or none) to pending at another (or none).
    pub fn pendency(&mut self, counted: Counted, before: Option<&StoredPost>, after: Option<&StoredPost>) {
        if before.map(|p| &p.post.id) == after.map(|p| &p.post.id) {
            return;
        }
        if let Some(post) = before {
            self.add(post, &counted.pending(), -1);
        }
        if let Some(post) = after {
            self.add(post, &counted.pending(), 1);
        }
    }

    pub fn moved(&mut self, counted: Counted, from: &StoredPost, now: OffsetDateTime) {
        self.add(from, &counted.moved_on(office_date(now)), 1);
    }

    pub fn created(&mut self, counted: Counted, at: &StoredPost, now: OffsetDateTime) {
        self.add(at, &counted.created_on(office_date(now)), 1);
    }

    pub fn into_writes(self) -> impl Iterator<Item = Write> {
        self.0
            .into_iter()
            .filter(|(_, by)| *by != 0)
            .map(|(key, by)| Write::Increment { key, by })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use daftar_domain::{DeptCode, OfficeCode, PostId, SectionCode};

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

    #[test]
    fn a_move_within_an_office_nets_out_above_the_desks() {
        let mut tally = Tally::default();
        tally.pendency(
            Counted::Files,
            Some(&stored("FIN-HQ-SO", "FIN-HQ", "FIN")),
            Some(&stored("FIN-HQ-DS", "FIN-HQ", "FIN")),
        );
        assert_eq!(
            deltas(tally),
            vec![
                ("COUNT#POST#FIN-HQ-DS|FILES_PENDING".to_owned(), 1),
                ("COUNT#POST#FIN-HQ-SO|FILES_PENDING".to_owned(), -1),
            ]
        );
    }

    #[test]
    fn a_move_across_departments_changes_both_chains() {
        let mut tally = Tally::default();
        tally.pendency(
            Counted::Files,
            Some(&stored("FIN-HQ-SO", "FIN-HQ", "FIN")),
            Some(&stored("CMO-HQ-SO", "CMO-HQ", "CMO")),
        );
        assert_eq!(deltas(tally).len(), 8);
    }

    #[test]
    fn staying_at_the_same_desk_changes_nothing() {
        let mut tally = Tally::default();
        let so = stored("FIN-HQ-SO", "FIN-HQ", "FIN");
        tally.pendency(Counted::Files, Some(&so), Some(&so));
        assert!(deltas(tally).is_empty());
    }
}
