//! What a file change writes besides the file itself: the desks' list rows and the pendency
//! counters, both kept on write so lists and dashboards are one query each.

use crate::keys;
use crate::org::StoredPost;
use crate::receipts::unix_millis;
use daftar_domain::file::{File, FileStatus};
use daftar_domain::local_time::office_date;
use daftar_domain::org::Post;
use daftar_domain::wire::{DeskView, FileRow, PostLabel};
use daftar_domain::PostId;
use daftar_store::{Item, Key, Write};
use std::collections::BTreeMap;
use time::OffsetDateTime;

/// The sort-key prefix of each desk list in the post's `INBOX#` partition (receipts use `R#`).
pub fn prefix(view: DeskView) -> &'static str {
    match view {
        DeskView::Inbox => "F#",
        DeskView::Parked => "P#",
        DeskView::Closed => "C#",
        DeskView::Sent => "S#",
        DeskView::Created => "N#",
    }
}

/// The list a file appears in at its holder's desk.
fn holder_view(file: &File) -> DeskView {
    match file.status {
        FileStatus::Active => DeskView::Inbox,
        FileStatus::Parked => DeskView::Parked,
        FileStatus::Closed => DeskView::Closed,
    }
}

/// The file's row at its holder's desk.
pub fn holder_row_key(file: &File) -> Key {
    keys::desk_file(
        &file.holder,
        prefix(holder_view(file)),
        unix_millis(file.held_since),
        &file.id,
    )
}

/// A row for a desk list; `counterpart` is the desk it came from or went to.
pub fn row(file: &File, at: OffsetDateTime, counterpart: Option<(PostId, PostLabel)>) -> FileRow {
    let (counterpart, counterpart_label) = counterpart.unzip();
    FileRow {
        file_id: file.id.clone(),
        number: file.number.text.clone(),
        subject: file.subject.to_string(),
        counterpart,
        counterpart_label,
        priority: file.priority,
        due_date: file.due_date,
        at,
        opened: file.opened,
        status: file.status,
    }
}

pub fn row_item(key: Key, row: &FileRow) -> Item {
    Item::new(key, serde_json::to_value(row).expect("file rows serialise"))
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

pub const FILES_PENDING: &str = "FILES_PENDING";

pub fn files_created_on(date: time::Date) -> String {
    format!("FILES_CREATED#{date}")
}

pub fn files_moved_on(date: time::Date) -> String {
    format!("FILES_MOVED#{date}")
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

    /// A file moved from pending at one desk (or none) to pending at another (or none).
    pub fn pendency(&mut self, before: Option<&StoredPost>, after: Option<&StoredPost>) {
        if before.map(|p| &p.post.id) == after.map(|p| &p.post.id) {
            return;
        }
        if let Some(post) = before {
            self.add(post, FILES_PENDING, -1);
        }
        if let Some(post) = after {
            self.add(post, FILES_PENDING, 1);
        }
    }

    pub fn moved(&mut self, from: &StoredPost, now: OffsetDateTime) {
        self.add(from, &files_moved_on(office_date(now)), 1);
    }

    pub fn created(&mut self, at: &StoredPost, now: OffsetDateTime) {
        self.add(at, &files_created_on(office_date(now)), 1);
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
    use daftar_domain::{DeptCode, OfficeCode, SectionCode};

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
            Some(&stored("FIN-HQ-SO", "FIN-HQ", "FIN")),
            Some(&stored("CMO-HQ-SO", "CMO-HQ", "CMO")),
        );
        assert_eq!(deltas(tally).len(), 8);
    }

    #[test]
    fn staying_at_the_same_desk_changes_nothing() {
        let mut tally = Tally::default();
        let so = stored("FIN-HQ-SO", "FIN-HQ", "FIN");
        tally.pendency(Some(&so), Some(&so));
        assert!(deltas(tally).is_empty());
    }
}
