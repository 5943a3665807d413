//! The polite live region at the top of every page, announcing what just happened.

use crate::i18n::{fill, use_i18n, I18n, Texts};
use crate::session::{use_flash, FileNews, FlashMessage};
use leptos::prelude::*;
use leptos_router::hooks::use_location;

/// Shows the flash message that belongs to the current page. The region is always in the
/// document, so screen readers announce its content when it changes.
#[component]
pub fn FlashRegion() -> impl IntoView {
    let i18n = use_i18n();
    let flash = use_flash();
    let location = use_location();
    let message = move || location.pathname.with(|path| flash.for_path(path));
    let text = move || {
        let t = i18n.t();
        message().map(|message| match message {
            FlashMessage::Diarised(number) => fill(t.diarised_flash, "{n}", &number),
            FlashMessage::Forwarded { post_en, post_hi } => {
                fill(t.forwarded_flash, "{post}", i18n.pick(&post_en, &post_hi))
            }
            FlashMessage::Conflict => t.err_conflict.to_owned(),
            FlashMessage::ReceiptClosed => t.receipt_closed_flash.to_owned(),
            FlashMessage::ReceiptReceived => t.receipt_received_flash.to_owned(),
            FlashMessage::FileCreated(number) => fill(t.file_created_flash, "{n}", &number),
            FlashMessage::File(news) => file_news(t, i18n, news),
            FlashMessage::LeaveApplied(by) => fill(
                t.leave.applied_flash,
                "{by}",
                by.map(|by| t.leave.approver(by)).unwrap_or_default(),
            ),
            FlashMessage::LeaveActed(status, by) => fill(t.leave.acted_flash, "{status}", &t.leave.status(&status, by)),
        })
    };
    let class = move || match message() {
        Some(FlashMessage::Conflict) => "flash flash-warning",
        Some(_) => "flash flash-success",
        None => "flash",
    };
    view! {
        <div class=class role="status" aria-live="polite">
            {move || text().map(|text| view! { <p>{text}</p> })}
        </div>
    }
}

/// The line for something done to a file.
fn file_news(t: &Texts, i18n: I18n, news: FileNews) -> String {
    match news {
        FileNews::Sent { post_en, post_hi } => fill(t.file_sent_flash, "{post}", i18n.pick(&post_en, &post_hi)),
        FileNews::Received => t.file_received_flash.to_owned(),
        FileNews::Recalled => t.file_recalled_flash.to_owned(),
        FileNews::Parked => t.file_parked_flash.to_owned(),
        FileNews::Unparked => t.file_unparked_flash.to_owned(),
        FileNews::Closed => t.file_closed_flash.to_owned(),
        FileNews::Reopened => t.file_reopened_flash.to_owned(),
        FileNews::NoteSaved => t.note_saved_flash.to_owned(),
        FileNews::NoteSigned(paragraph) => fill(t.note_signed_flash, "{n}", &paragraph.to_string()),
        FileNews::NoteDiscarded => t.note_discarded_flash.to_owned(),
        FileNews::ReceiptAttached => t.receipt_attached_flash.to_owned(),
        FileNews::Linked => t.file_linked_flash.to_owned(),
        FileNews::Merged(number) => fill(t.file_merged_flash, "{n}", &number),
        FileNews::VolumeOpened => t.volume_opened_flash.to_owned(),
        FileNews::PartOpened => t.part_opened_flash.to_owned(),
    }
}
