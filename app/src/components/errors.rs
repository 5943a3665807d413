//! Showing failed requests: the translated text for the server's error code.

use crate::api::ApiError;
use crate::i18n::{use_i18n, Texts};
use crate::session::use_session;
use daftar_domain::wire::ErrorCode;
use leptos::prelude::*;

/// The message people see for a failed call.
pub fn error_text(t: &Texts, error: &ApiError) -> &'static str {
    match error {
        ApiError::Network => t.err_network,
        ApiError::Problem(problem) => t.error(problem.code),
        ApiError::Unexpected { .. } => t.err_unexpected,
    }
}

/// The fallback of an `<ErrorBoundary>`: every error it caught, translated, with an optional
/// retry. An expired session sends the user back to sign in.
#[component]
pub fn ErrorList(errors: ArcRwSignal<Errors>, #[prop(optional)] retry: Option<Callback<()>>) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let api_errors = move || {
        errors.with(|errors| {
            errors
                .iter()
                .map(|(_, error)| error.downcast_ref::<ApiError>().cloned())
                .collect::<Vec<_>>()
        })
    };
    let expired = {
        let api_errors = api_errors.clone();
        move || {
            api_errors()
                .iter()
                .flatten()
                .any(|e| e.code() == Some(ErrorCode::Unauthenticated))
        }
    };
    Effect::new(move |_| {
        if expired() {
            session.signed_out();
        }
    });
    view! {
        <div class="notice notice-error" role="alert">
            {move || {
                api_errors()
                    .into_iter()
                    .map(|error| {
                        let text = error.as_ref().map_or(i18n.t().err_unexpected, |e| error_text(i18n.t(), e));
                        view! { <p>{text}</p> }
                    })
                    .collect_view()
            }}
            {retry.map(|retry| view! {
                <button type="button" class="button-secondary" on:click=move |_| retry.run(())>
                    {i18n.text(|t| t.retry)}
                </button>
            })}
        </div>
    }
}
