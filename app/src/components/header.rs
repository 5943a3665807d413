//! The header on every page: product name, navigation, who is signed in, language, sign out.

use crate::api;
use crate::i18n::use_i18n;
use crate::session::use_session;
use daftar_domain::org::Role;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use leptos_router::hooks::{use_location, use_navigate};

/// The site header.
#[component]
pub fn SiteHeader() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let navigate = use_navigate();
    let signing_out = RwSignal::new(false);

    let sign_out = move |_| {
        let navigate = navigate.clone();
        signing_out.set(true);
        spawn_local(async move {
            // Whatever the server says, this browser forgets the session; a failed logout only
            // means the cookie expires on its own.
            let _ = api::logout().await;
            signing_out.set(false);
            session.signed_out();
            navigate("/login", Default::default());
        });
    };
    let toggle_language = move |_| i18n.set_locale(i18n.locale().other());
    let name = move || session.me().map(|me| i18n.pick(&me.name_en, &me.name_hi).to_owned());
    let is_diarist = move || session.me().is_some_and(|me| me.roles.contains(&Role::Diarist));
    // The inbox and its Files tab share a path, which `<A>` alone cannot tell apart: these two
    // links mark themselves current by the tab in the query.
    let location = use_location();
    let on_inbox = move || matches!(location.pathname.get().as_str(), "/" | "/inbox");
    let files_tab = move || location.query.with(|q| q.get("tab")).as_deref() == Some("files");
    let current = |yes: bool| yes.then_some("page");
    let is_admin = move || session.me().is_some_and(|me| me.roles.contains(&Role::Admin));
    let holds_a_post = move || session.me().is_some_and(|me| !me.posts.is_empty());
    // Headquarters watches the state; an official, their own department.
    let control_href = move || {
        let me = session.me()?;
        if me.roles.contains(&Role::ControlRoom) || me.roles.contains(&Role::Admin) {
            Some("/control".to_owned())
        } else {
            me.posts.first().map(|p| format!("/control/departments/{}", p.dept))
        }
    };

    view! {
        <header class="site-header">
            <a class="skip-link" href="#main">{i18n.text(|t| t.skip_to_content)}</a>
            <div class="header-bar">
                <a class="brand" href="/inbox">
                    <svg class="brand-icon" viewBox="0 0 24 24" width="28" height="28" aria-hidden="true" focusable="false">
                        <path d="M3 6.5A1.5 1.5 0 0 1 4.5 5h5l2 2h8A1.5 1.5 0 0 1 21 8.5v9a1.5 1.5 0 0 1-1.5 1.5h-15A1.5 1.5 0 0 1 3 17.5z" fill="currentColor"/>
                    </svg>
                    <span>{i18n.text(|t| t.product)}</span>
                </a>
                <div class="header-tools">
                    {move || name().map(|name| view! {
                        <span class="who">
                            <span class="visually-hidden">{i18n.text(|t| t.signed_in_as)} " "</span>
                            {name}
                        </span>
                    })}
                    <button type="button" class="button-header" lang=move || i18n.locale().other().tag() on:click=toggle_language>
                        {i18n.text(|t| t.switch_language)}
                    </button>
                    <Show when=move || session.me().is_some()>
                        <button type="button" class="button-header" on:click=sign_out.clone() disabled=move || signing_out.get()>
                            {i18n.text(|t| t.sign_out)}
                        </button>
                    </Show>
                </div>
            </div>
            <Show when=move || session.me().is_some()>
                <nav class="site-nav" aria-label=i18n.text(|t| t.nav_label)>
                    <ul>
                        <Show when=holds_a_post>
                        <li><a href="/inbox" aria-current=move || current(on_inbox() && !files_tab())>{i18n.text(|t| t.nav_inbox)}</a></li>
                        <li><a href="/inbox?tab=files" aria-current=move || current(on_inbox() && files_tab())>{i18n.text(|t| t.nav_files)}</a></li>
                        <li><A href="/files/new">{i18n.text(|t| t.nav_new_file)}</A></li>
                        <Show when=is_diarist>
                            <li><A href="/receipts/new">{i18n.text(|t| t.nav_diarise)}</A></li>
                        </Show>
                        <li><A href="/search">{i18n.text(|t| t.nav_search)}</A></li>
                        <li><A href="/leave" exact=true>{i18n.text(|t| t.leave.nav_leave)}</A></li>
                        <li><A href="/leave/inbox">{i18n.text(|t| t.leave.nav_approvals)}</A></li>
                        <li><A href="/leave/calendar">{i18n.text(|t| t.leave.nav_calendar)}</A></li>
                        {move || session.me().and_then(|me| me.posts.first().map(|p| p.office.clone())).map(|office| view! {
                            <li><A href=format!("/offices/{office}/dispatch")>{i18n.text(|t| t.nav_dispatch)}</A></li>
                        })}
                        </Show>
                        <li><A href="/library">{i18n.text(|t| t.kms.nav_library)}</A></li>
                        <Show when=is_admin>
                            <li><A href="/people">{i18n.text(|t| t.pims.nav_people)}</A></li>
                            <li><A href="/admin">{i18n.text(|t| t.admin.nav_admin)}</A></li>
                        </Show>
                        {move || control_href().map(|href| view! {
                            <li><A href=href>{i18n.text(|t| t.control.nav_control)}</A></li>
                        })}
                        <li><A href="/reports">{i18n.text(|t| t.reports.nav_reports)}</A></li>
                    </ul>
                </nav>
            </Show>
        </header>
    }
}
