//! The approver's e-Leave inbox: applications waiting at one of their posts, each with the
//! applicant's balance of the account it would debit, oldest first.

use super::calendar::SpellCard;
use super::{days_text, StatusBadge};
use crate::api;
use crate::components::{error_text, Loading, PagedRows};
use crate::format::human_local;
use crate::i18n::use_i18n;
use crate::pages::inbox::post_label;
use crate::pages::use_page_title;
use crate::session::use_session;
use daftar_domain::leave::wire::LeaveInboxEntry;
use daftar_domain::PostId;
use leptos::prelude::*;
use leptos_router::components::A;

/// The approver's inbox, for `/leave/inbox`.
#[component]
pub fn LeaveInboxPage() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    use_page_title(|t| t.leave.inbox_title);
    let posts = Memo::new(move |_| session.me().map(|me| me.posts).unwrap_or_default());
    let post = RwSignal::new(posts.get_untracked().first().map(|p| p.id.clone()));
    let list = PagedRows::<LeaveInboxEntry>::new();
    let load = move |more: bool| {
        let Some(at) = post.get_untracked() else { return };
        let fetch = move |cursor: Option<String>| async move { api::leave::inbox(&at, cursor.as_deref()).await };
        list.read(more, fetch);
    };
    let (rows, cursor, failure, loading) = (list.rows, list.cursor, list.failure, list.loading);
    Effect::new(move |_| {
        post.track();
        load(false);
    });
    let choose = move |ev: leptos::ev::Event| post.set(PostId::parse(&event_target_value(&ev)).ok());
    let list = move || {
        let list = rows.get();
        if list.is_empty() && !loading.get() {
            return view! { <p class="empty-state">{i18n.text(|t| t.leave.inbox_empty)}</p> }.into_any();
        }
        view! {
            <ul class="leave-list" role="list">
                {list.into_iter().map(|entry| view! { <InboxCard entry/> }).collect_view()}
            </ul>
        }
        .into_any()
    };
    view! {
        <section class="page leave-page">
            <h1>{i18n.text(|t| t.leave.inbox_title)}</h1>
            <Show when=move || { posts.with(|p| p.len() > 1) }>
                <div class="field">
                    <label for="leave-inbox-post">{i18n.text(|t| t.leave.inbox_post)}</label>
                    <select id="leave-inbox-post" on:change=choose>
                        {move || posts.get().into_iter().map(|p| {
                            let id = p.id.clone();
                            view! { <option value=id.to_string() selected=move || post.get().as_ref() == Some(&id)>{post_label(i18n, &p)}</option> }
                        }).collect_view()}
                    </select>
                </div>
            </Show>
            {move || failure.get().map(|e| view! { <p class="notice notice-error" role="alert">{error_text(i18n.t(), &e)}</p> })}
            {list}
            <Show when=move || loading.get()><Loading/></Show>
            <Show when=move || cursor.get().is_some()>
                <button type="button" class="button-secondary" on:click=move |_| load(true)>{i18n.text(|t| t.load_more)}</button>
            </Show>
        </section>
    }
}

/// One waiting application: who, what, when, and what they have left.
#[component]
fn InboxCard(entry: LeaveInboxEntry) -> impl IntoView {
    let i18n = use_i18n();
    let overlapping = entry.overlapping;
    let view = entry.view;
    let application = view.application;
    let request = application.request;
    let days = application.days;
    let names = (view.applicant_name_en, view.applicant_name_hi);
    let waiting = view.waiting_since.map(human_local);
    let balance = entry.balance.map(|b| (b.kind, b.available.to_string()));
    view! {
        <li class="leave-card leave-card-inbox">
            <A href=format!("/leave/applications/{}", application.id) attr:class="leave-card-link">
                <span class="leave-card-who">{move || i18n.pick(&names.0, &names.1).to_owned()}</span>
                <span class="leave-card-kind">{move || i18n.t().leave.kind(request.kind)}</span>
                <span class="leave-card-dates">{move || i18n.t().leave.spell(request.from, request.to)}</span>
                <span class="leave-card-days">{move || days_text(days, i18n.t().leave.days_unit)}</span>
            </A>
            <dl class="leave-card-facts">
                {balance.map(|(kind, available)| view! {
                    <div><dt>{i18n.text(|t| t.leave.col_balance)}</dt>
                    <dd>{kind.code()} " " {available} " " {move || i18n.t().leave.days_unit}</dd></div>
                })}
                {waiting.map(|when| view! { <div><dt>{i18n.text(|t| t.leave.col_waiting_since)}</dt><dd>{when}</dd></div> })}
            </dl>
            {(!overlapping.is_empty()).then(|| view! {
                <details class="also-away" open>
                    <summary>{i18n.text(|t| t.leave.also_away)} " (" {overlapping.len()} ")"</summary>
                    <ul class="leave-list" role="list">
                        {overlapping.into_iter().map(|spell| view! { <SpellCard spell/> }).collect_view()}
                    </ul>
                </details>
            })}
            <StatusBadge application/>
        </li>
    }
}
