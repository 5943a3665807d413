//! Small pieces of forms and tables: field messages, the priority badge, the loading line, and
//! the helpers that move enums in and out of `<select>` values.

use crate::i18n::{use_i18n, FieldError};
use daftar_domain::handling::{Classification, Medium};
use daftar_domain::receipt::Priority;
use leptos::prelude::*;
use serde::{de::DeserializeOwned, Serialize};
use wasm_bindgen::JsCast;

/// The error under a field. Always present (empty when fine) so `aria-describedby` can point at it.
#[component]
pub fn FieldMessage(#[prop(into)] id: String, error: RwSignal<Option<FieldError>>) -> impl IntoView {
    let i18n = use_i18n();
    view! { <p id=id class="field-error">{move || error.get().map(|e| i18n.t().field_error(e))}</p> }
}

/// The classification and medium selects that diarising a letter and opening a file share.
#[component]
pub fn HandlingFields(classification: RwSignal<Classification>, medium: RwSignal<Medium>) -> impl IntoView {
    let i18n = use_i18n();
    let classification_options = move || {
        Classification::ALL
            .into_iter()
            .map(|c| view! { <option value=wire_name(&c) prop:selected=move || classification.get() == c>{move || i18n.t().classification(c)}</option> })
            .collect_view()
    };
    let medium_options = move || {
        Medium::ALL
            .into_iter()
            .map(|m| view! { <option value=wire_name(&m) prop:selected=move || medium.get() == m>{move || i18n.t().medium(m)}</option> })
            .collect_view()
    };
    view! {
        <div class="field-row">
            <div class="field">
                <label for="classification">{i18n.text(|t| t.classification_label)}</label>
                <select id="classification"
                    on:change=move |ev| if let Some(c) = from_wire_name(&event_target_value(&ev)) { classification.set(c) }>
                    {classification_options}
                </select>
            </div>
            <div class="field">
                <label for="medium">{i18n.text(|t| t.medium_label)}</label>
                <select id="medium"
                    on:change=move |ev| if let Some(m) = from_wire_name(&event_target_value(&ev)) { medium.set(m) }>
                    {medium_options}
                </select>
            </div>
        </div>
    }
}

/// How fast to act, as a badge; Urgent and Most immediate stand out.
#[component]
pub fn PriorityBadge(priority: Priority) -> impl IntoView {
    let i18n = use_i18n();
    let class = match priority {
        Priority::Normal => "badge badge-normal",
        Priority::Urgent => "badge badge-urgent",
        Priority::MostImmediate => "badge badge-immediate",
    };
    view! { <span class=class>{move || i18n.t().priority(priority)}</span> }
}

/// The fallback while something loads.
#[component]
pub fn Loading() -> impl IntoView {
    let i18n = use_i18n();
    view! { <p class="loading" aria-busy="true">{i18n.text(|t| t.loading)}</p> }
}

/// An enum's wire name (`most_immediate`), used as an `<option value>` so forms and tests speak
/// the API's words.
pub fn wire_name<T: Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(name)) => name,
        _ => String::new(),
    }
}

/// The enum an `<option value>` names, if any.
pub fn from_wire_name<T: DeserializeOwned>(name: &str) -> Option<T> {
    serde_json::from_value(serde_json::Value::String(name.to_owned())).ok()
}

/// `aria-describedby` for a field with an optional hint and its error message.
pub fn described_by(id: &str, hint: bool) -> String {
    if hint {
        format!("{id}-hint {id}-error")
    } else {
        format!("{id}-error")
    }
}

/// Moves keyboard focus to an element, so that after a refused submission the first bad field
/// (and the error tied to it) is what a screen reader reads next.
pub fn focus(id: &str) {
    if let Some(element) = document()
        .get_element_by_id(id)
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = element.focus();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use daftar_domain::receipt::{ReceiptCategory, ReceiptMode};

    #[test]
    fn option_values_are_the_wire_names() {
        assert_eq!(wire_name(&Priority::MostImmediate), "most_immediate");
        assert_eq!(wire_name(&ReceiptMode::Hand), "hand");
        assert_eq!(wire_name(&ReceiptCategory::Grievance), "grievance");
        for mode in ReceiptMode::ALL {
            assert_eq!(from_wire_name::<ReceiptMode>(&wire_name(&mode)), Some(mode));
        }
        assert_eq!(from_wire_name::<Priority>("bogus"), None);
    }

    #[test]
    fn descriptions_name_the_hint_and_the_error() {
        assert_eq!(described_by("sender", true), "sender-hint sender-error");
        assert_eq!(described_by("mode", false), "mode-error");
    }
}
