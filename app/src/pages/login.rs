//! Sign-in: employee ID and password.

use super::use_page_title;
use crate::api::{self, ApiError};
use crate::components::error_text;
use crate::components::fields::focus;
use crate::i18n::use_i18n;
use crate::session::{use_session, SessionState};
use daftar_domain::wire::LoginRequest;
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;

/// Where to go after signing in: the page the guard sent us from, if it is one of ours.
fn destination(next: Option<String>, home: &str) -> String {
    next.filter(|path| path.starts_with('/') && !path.starts_with("//") && !path.starts_with("/login"))
        .unwrap_or_else(|| home.to_owned())
}

/// The sign-in page.
#[component]
pub fn LoginPage() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let navigate = use_navigate();
    let query = use_query_map();
    use_page_title(|t| t.login_title);

    let employee_id = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let id_missing = RwSignal::new(false);
    let password_missing = RwSignal::new(false);
    let failure = RwSignal::new(None::<ApiError>);
    let pending = RwSignal::new(false);

    // Signed in (now, or already when the page opened): go on. One path for both cases.
    Effect::new(move |_| {
        if let SessionState::SignedIn(me) = session.state() {
            // A wall screen's account holds no post: its place is the wall screen.
            let home = if me.posts.is_empty() { "/control/wall" } else { "/inbox" };
            let target = destination(query.with_untracked(|q| q.get("next")), home);
            navigate(
                &target,
                NavigateOptions {
                    replace: true,
                    ..Default::default()
                },
            );
        }
    });

    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        if pending.get_untracked() {
            return;
        }
        let request = LoginRequest {
            employee_id: employee_id.get_untracked().trim().to_owned(),
            password: password.get_untracked(),
        };
        id_missing.set(request.employee_id.is_empty());
        password_missing.set(request.password.is_empty());
        failure.set(None);
        if request.employee_id.is_empty() {
            return focus("employee-id");
        }
        if request.password.is_empty() {
            return focus("password");
        }
        pending.set(true);
        spawn_local(async move {
            let result = api::login(&request).await;
            pending.set(false);
            match result {
                Ok(me) => session.signed_in(me),
                Err(error) => {
                    failure.set(Some(error));
                    password.set(String::new());
                    focus("password");
                }
            }
        });
    };

    let missing_text = move |missing: RwSignal<bool>, pick: fn(&crate::i18n::Texts) -> &'static str| {
        move || missing.get().then(|| pick(i18n.t()))
    };

    view! {
        <section class="page page-narrow">
            <h1>{i18n.text(|t| t.login_title)}</h1>
            <p class="intro">{i18n.text(|t| t.login_intro)}</p>
            <div class="form-alert" role="alert">
                {move || failure.get().map(|error| view! { <p class="notice notice-error">{error_text(i18n.t(), &error)}</p> })}
            </div>
            <form class="form" on:submit=on_submit novalidate>
                <div class="field">
                    <label for="employee-id">{i18n.text(|t| t.employee_id)}</label>
                    <input
                        id="employee-id"
                        name="employee_id"
                        type="text"
                        autocomplete="username"
                        autocapitalize="characters"
                        spellcheck="false"
                        required
                        aria-describedby="employee-id-error"
                        aria-invalid=move || id_missing.get().to_string()
                        bind:value=employee_id
                    />
                    <p id="employee-id-error" class="field-error">{missing_text(id_missing, |t| t.err_employee_id_required)}</p>
                </div>
                <div class="field">
                    <label for="password">{i18n.text(|t| t.password)}</label>
                    <input
                        id="password"
                        name="password"
                        type="password"
                        autocomplete="current-password"
                        required
                        aria-describedby="password-error"
                        aria-invalid=move || password_missing.get().to_string()
                        bind:value=password
                    />
                    <p id="password-error" class="field-error">{missing_text(password_missing, |t| t.err_password_required)}</p>
                </div>
                <div class="actions">
                    <button type="submit" class="button-primary" aria-disabled=move || pending.get().to_string()>
                        {i18n.text(|t| t.sign_in)}
                    </button>
                </div>
            </form>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::destination;

    #[test]
    fn only_our_own_paths_are_followed_after_sign_in() {
        let cases = [
            (None, "/inbox"),
            (Some("/receipts/R-1"), "/receipts/R-1"),
            (Some("//evil.example/x"), "/inbox"),
            (Some("https://evil.example"), "/inbox"),
            (Some("/login?next=/x"), "/inbox"),
        ];
        for (next, expected) in cases {
            assert_eq!(destination(next.map(str::to_owned), "/inbox"), expected, "{next:?}");
        }
        assert_eq!(destination(None, "/control/wall"), "/control/wall");
    }
}
