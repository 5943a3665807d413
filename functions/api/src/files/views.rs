//! The desks' file lists, kept on write so each list is one query.

use crate::keys;
use crate::receipts::unix_millis;
use daftar_domain::file::{File, FileStatus};
use daftar_domain::wire::{DeskView, FileRow, PostLabel};
use daftar_domain::PostId;
use daftar_store::{Item, Key};
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

/// The list a file appears in at its holder's desk; a merged file is in none (its main file is).
fn holder_view(file: &File) -> Option<DeskView> {
    match file.status {
        FileStatus::Active => Some(DeskView::Inbox),
        FileStatus::Parked => Some(DeskView::Parked),
        FileStatus::Closed => Some(DeskView::Closed),
        FileStatus::Merged => None,
    }
}

/// The file's row at its holder's desk, if it has one.
pub fn holder_row_key(file: &File) -> Option<Key> {
    holder_view(file).map(|view| keys::desk_file(&file.holder, prefix(view), unix_millis(file.held_since), &file.id))
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
