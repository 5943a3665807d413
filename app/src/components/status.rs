//! The polite live region at the top of every page, announcing what just happened.

use crate::i18n::{fill, use_i18n};
use crate::session::{use_flash, FlashMessage};
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
