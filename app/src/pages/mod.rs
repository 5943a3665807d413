//! One module per page.

pub mod admin;
pub mod control;
pub mod desk;
pub mod diarise;
pub mod dispatch;
pub mod file;
pub mod inbox;
pub mod kms;
pub mod leave;
pub mod login;
pub mod new_file;
pub mod not_found;
pub mod pims;
pub mod receipt;
pub mod reports;
pub mod search;

pub use diarise::DiarisePage;
pub use dispatch::DispatchPage;
pub use file::{FilePage, FilePrintPage, FileTrackPage};
pub use inbox::InboxPage;
pub use login::LoginPage;
pub use new_file::NewFilePage;
pub use not_found::NotFound;
pub use receipt::ReceiptPage;
pub use search::SearchPage;

use crate::i18n::{use_i18n, Texts};
use leptos::prelude::*;

/// Keeps the browser tab's title on this page's name, in the current language.
pub(crate) fn use_page_title(pick: fn(&Texts) -> &'static str) {
    let i18n = use_i18n();
    Effect::new(move |_| {
        let t = i18n.t();
        document().set_title(&format!("{} · {}", pick(t), t.product));
    });
}
