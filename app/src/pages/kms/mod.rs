//! The knowledge library (KMS), for every employee: search by words (English or Hindi), number,
//! department, kind and date; folders to browse; a document with its files and versions; the
//! editors' changes (new version, roll-back, supersession, withdrawal, new documents);
//! subscriptions and the library inbox of what is new under them.

mod document;
mod fields;
mod folder;
mod inbox;
mod new_document;
mod search;

pub use document::LibraryDocumentPage;
pub use folder::LibraryFolderPage;
pub use inbox::LibraryInboxPage;
pub use new_document::NewLibraryDocumentPage;
pub use search::LibraryPage;

use crate::api::ApiError;
use crate::format::human_date;
use crate::i18n::{fill, use_i18n};
use crate::pages::leave::refusal_text;
use daftar_domain::kms::{KmsHit, Validity};
use leptos::prelude::*;
use leptos_router::components::A;

/// A refused or failed call, in the reader's language with the server's reason.
pub(crate) fn failure(error: ApiError) -> impl IntoView {
    let i18n = use_i18n();
    view! { <p class="notice notice-error" role="alert">{move || refusal_text(i18n.locale(), &error)}</p> }
}

/// Whether a document is the rule, in words (never colour alone): "In force", "Superseded by
/// …", "Withdrawn".
#[component]
pub(crate) fn ValidityBadge(validity: Validity) -> impl IntoView {
    let i18n = use_i18n();
    match validity {
        Validity::InForce => {
            view! { <span class="badge badge-done kms-status">{i18n.text(|t| t.kms.in_force)}</span> }.into_any()
        }
        Validity::Superseded { by, by_number, .. } => view! {
            <span class="badge badge-pending kms-status">
                <A href=format!("/library/{by}")>{move || fill(i18n.t().kms.superseded_by, "{number}", by_number.as_ref())}</A>
            </span>
        }
        .into_any(),
        Validity::Withdrawn { .. } => {
            view! { <span class="badge badge-closed kms-status">{i18n.text(|t| t.kms.withdrawn)}</span> }.into_any()
        }
    }
}

/// A document's title in the reader's language, falling back to the other one.
pub(crate) fn title_of(en: &str, hi: Option<&str>) -> impl Fn() -> String + Send + Sync + 'static {
    let i18n = use_i18n();
    let (en, hi) = (en.to_owned(), hi.unwrap_or_default().to_owned());
    move || i18n.pick(&en, &hi).to_owned()
}

/// One document in a list: title, number, date, kind, department and whether it is in force.
#[component]
pub(crate) fn HitCard(hit: KmsHit) -> impl IntoView {
    let i18n = use_i18n();
    let title = title_of(&hit.title_en, hit.title_hi.as_deref());
    let category = hit.category;
    view! {
        <li class="library-hit">
            <A href=format!("/library/{}", hit.id)>{title}</A>
            <span class="code">{hit.number.to_string()}</span>
            <span>{human_date(hit.date)} " · " {move || i18n.t().kms.category(category)} " · " {hit.dept.to_string()}</span>
            <ValidityBadge validity=hit.validity.clone()/>
        </li>
    }
}
