//! What an unknown address shows.

use super::use_page_title;
use crate::i18n::use_i18n;
use leptos::prelude::*;
use leptos_router::components::A;

/// The page for addresses that match no route.
#[component]
pub fn NotFound() -> impl IntoView {
    let i18n = use_i18n();
    use_page_title(|t| t.not_found_title);
    view! {
        <section class="page">
            <h1>{i18n.text(|t| t.not_found_title)}</h1>
            <p>{i18n.text(|t| t.not_found_body)}</p>
            <p><A href="/inbox">{i18n.text(|t| t.go_to_inbox)}</A></p>
        </section>
    }
}
