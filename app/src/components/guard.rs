//! The client-side route guard: comfort only, the server refuses anything without a session.

use crate::components::Loading;
use crate::session::{use_session, SessionState};
use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_navigate};
use leptos_router::NavigateOptions;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Gate {
    Checking,
    Closed,
    Open,
}

/// Shows its children to a signed-in user; sends anyone else to `/login`, remembering where
/// they were going.
#[component]
pub fn RequireSession(children: ChildrenFn) -> impl IntoView {
    let session = use_session();
    let navigate = use_navigate();
    let location = use_location();
    // A memo, so the page is not rebuilt when the session changes in ways that do not open or
    // close the gate.
    let gate = Memo::new(move |_| match session.state() {
        SessionState::Checking => Gate::Checking,
        SessionState::SignedOut => Gate::Closed,
        SessionState::SignedIn(_) => Gate::Open,
    });
    Effect::new(move |_| {
        if gate.get() == Gate::Closed {
            let here = location.pathname.get_untracked() + &location.search.get_untracked();
            let target = format!("/login?next={}", js_sys::encode_uri_component(&here));
            navigate(
                &target,
                NavigateOptions {
                    replace: true,
                    ..Default::default()
                },
            );
        }
    });
    move || match gate.get() {
        Gate::Checking => view! { <Loading/> }.into_any(),
        Gate::Closed => ().into_any(),
        Gate::Open => children().into_any(),
    }
}
