//! `/library/inbox`: what is new under the official's subscriptions (new documents, versions and
//! roll-backs, newest first), the subscriptions themselves, and a form to follow a department,
//! a folder or a kind of document.

use super::{failure, title_of};
use crate::api::{self, ApiError};
use crate::components::{Loading, PagedRows};
use crate::format::human_local;
use crate::i18n::{fill, use_i18n};
use crate::pages::use_page_title;
use daftar_domain::kms::{Category, KmsChange, NewSubscription, Subscription, SubscriptionTarget};
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;

/// What the last subscribe or unsubscribe said.
#[derive(Debug, Clone)]
enum Followed {
    Subscribed,
    Unsubscribed,
    Refused(ApiError),
}

/// `/library/inbox`.
#[component]
pub fn LibraryInboxPage() -> impl IntoView {
    let i18n = use_i18n();
    use_page_title(|t| t.kms.inbox_title);
    let generation = RwSignal::new(0u32);
    let subscriptions = LocalResource::new(move || {
        generation.track();
        api::kms::subscriptions()
    });
    let departments = LocalResource::new(api::departments);
    let folders = LocalResource::new(|| api::kms::folders(None));
    let changes = PagedRows::<KmsChange>::new();
    Effect::new(move |_| {
        generation.track();
        changes.load(|cursor| async move { api::kms::inbox(cursor.as_deref()).await });
    });
    let followed = RwSignal::new(None::<Followed>);
    let after = move |result: Result<Followed, ApiError>| {
        followed.set(Some(result.unwrap_or_else(Followed::Refused)));
        generation.update(|g| *g += 1);
    };

    // How a subscription is named: its kind and the department's, folder's or kind's name.
    let target_name = move |target: &SubscriptionTarget| -> String {
        let k = &i18n.t().kms;
        match target {
            SubscriptionTarget::Department { dept } => {
                let name = departments
                    .get()
                    .and_then(Result::ok)
                    .and_then(|l| l.departments.into_iter().find(|d| &d.code == dept))
                    .map(|d| i18n.pick(&d.name_en, &d.name_hi).to_owned())
                    .unwrap_or_else(|| dept.to_string());
                fill(k.sub_department, "{name}", &name)
            }
            SubscriptionTarget::Folder { folder } => {
                let name = folders
                    .get()
                    .and_then(Result::ok)
                    .and_then(|l| l.into_iter().find(|f| &f.id == folder))
                    .map(|f| {
                        i18n.pick(&f.name_en, f.name_hi.as_deref().unwrap_or_default())
                            .to_owned()
                    })
                    .unwrap_or_else(|| folder.to_string());
                fill(k.sub_folder, "{name}", &name)
            }
            SubscriptionTarget::Category { category } => fill(k.sub_category, "{name}", k.category(*category)),
        }
    };
    let unsubscribe = move |token: String| {
        spawn_local(async move {
            after(api::kms::unsubscribe(&token).await.map(|()| Followed::Unsubscribed));
        });
    };
    let subscription_list = move |list: Vec<Subscription>| {
        if list.is_empty() {
            return view! { <p class="empty-state">{i18n.text(|t| t.kms.no_subs)}</p> }.into_any();
        }
        view! {
            <ul class="library-subscriptions" aria-labelledby="subs-heading">
                {list.into_iter().map(|s| {
                    let target = s.target.clone();
                    let token = s.token.clone();
                    view! {
                        <li>
                            <span>{move || target_name(&target)}</span>
                            " "
                            <button type="button" class="button-secondary button-small"
                                on:click=move |_| unsubscribe(token.clone())>
                                {i18n.text(|t| t.kms.unsubscribe)}
                            </button>
                        </li>
                    }
                }).collect_view()}
            </ul>
        }
        .into_any()
    };
    let change_rows = move || {
        changes
            .rows
            .get()
            .into_iter()
            .map(|c| {
                let title = title_of(&c.title_en, c.title_hi.as_deref());
                let kind = c.kind;
                let version = c.version;
                view! {
                    <tr>
                        <th scope="row">{move || i18n.t().kms.change(kind)}</th>
                        <td><A href=format!("/library/{}", c.document)>{title}</A> " " <span class="code">{c.number.to_string()}</span></td>
                        <td>{move || fill(i18n.t().kms.version, "{n}", &version.to_string())}</td>
                        <td>{human_local(c.at)}</td>
                    </tr>
                }
            })
            .collect_view()
    };
    let more = move |_| changes.load_more(|cursor| async move { api::kms::inbox(cursor.as_deref()).await });

    view! {
        <section class="page library-page">
            <p><A href="/library">{i18n.text(|t| t.kms.back_to_library)}</A></p>
            <h1>{i18n.text(|t| t.kms.inbox_title)}</h1>
            <p class="hint">{i18n.text(|t| t.kms.inbox_intro)}</p>
            <div aria-live="polite">
                {move || followed.get().map(|f| match f {
                    Followed::Subscribed => view! { <p class="notice notice-success" role="status">{i18n.text(|t| t.kms.subscribed)}</p> }.into_any(),
                    Followed::Unsubscribed => view! { <p class="notice notice-success" role="status">{i18n.text(|t| t.kms.unsubscribed)}</p> }.into_any(),
                    Followed::Refused(error) => failure(error).into_any(),
                })}
                {move || changes.failure.get().map(failure)}
            </div>
            <Show when=move || !changes.rows.get().is_empty() || changes.loading.get()
                fallback=move || view! { <p class="empty-state">{i18n.text(|t| t.kms.inbox_empty)}</p> }>
                <div class="table-scroll">
                    <table class="data-table">
                        <caption>{i18n.text(|t| t.kms.inbox_caption)}</caption>
                        <thead><tr>
                            <th scope="col">{i18n.text(|t| t.kms.col_change)}</th>
                            <th scope="col">{i18n.text(|t| t.kms.col_document)}</th>
                            <th scope="col">{i18n.text(|t| t.kms.col_version)}</th>
                            <th scope="col">{i18n.text(|t| t.kms.col_when)}</th>
                        </tr></thead>
                        <tbody>{change_rows}</tbody>
                    </table>
                </div>
            </Show>
            <div class="list-footer">
                <Show when=move || changes.cursor.get().is_some()>
                    <button type="button" class="button-secondary" on:click=more disabled=move || changes.loading.get()>
                        {i18n.text(|t| t.load_more)}
                    </button>
                </Show>
            </div>

            <h2 id="subs-heading">{i18n.text(|t| t.kms.subs_heading)}</h2>
            <Suspense fallback=|| view! { <Loading/> }>
                {move || subscriptions.get().map(|result| match result {
                    Ok(list) => subscription_list(list),
                    Err(error) => failure(error).into_any(),
                })}
            </Suspense>
            <FollowForm departments folders on_done=Callback::new(after)/>
        </section>
    }
}

/// The kinds of target in the form, as the subscription tokens spell them.
const KINDS: [&str; 3] = ["dept", "folder", "category"];

/// Choose what to follow: a department, a folder or a kind, then which.
#[component]
fn FollowForm(
    departments: LocalResource<Result<daftar_domain::wire::DepartmentList, ApiError>>,
    folders: LocalResource<Result<Vec<daftar_domain::kms::Folder>, ApiError>>,
    on_done: Callback<Result<Followed, ApiError>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let kind = RwSignal::new("dept".to_owned());
    let which = RwSignal::new(String::new());
    let busy = RwSignal::new(false);
    let kind_name = move |k: &str| {
        let t = &i18n.t().kms;
        match k {
            "folder" => t.kind_folder,
            "category" => t.kind_category,
            _ => t.kind_department,
        }
    };
    let options = move || -> Vec<(String, String)> {
        match kind.get().as_str() {
            "folder" => folders
                .get()
                .and_then(Result::ok)
                .unwrap_or_default()
                .into_iter()
                .map(|f| {
                    let name = i18n
                        .pick(&f.name_en, f.name_hi.as_deref().unwrap_or_default())
                        .to_owned();
                    (f.id.to_string(), name)
                })
                .collect(),
            "category" => Category::ALL
                .into_iter()
                .map(|c| (c.code().to_owned(), i18n.t().kms.category(c).to_owned()))
                .collect(),
            _ => departments
                .get()
                .and_then(Result::ok)
                .map(|l| l.departments)
                .unwrap_or_default()
                .into_iter()
                .map(|d| (d.code.to_string(), i18n.pick(&d.name_en, &d.name_hi).to_owned()))
                .collect(),
        }
    };
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let Some(target) =
            SubscriptionTarget::from_token(&format!("{}:{}", kind.get_untracked(), which.get_untracked()))
        else {
            return;
        };
        busy.set(true);
        spawn_local(async move {
            let result = api::kms::subscribe(&NewSubscription { target }, &api::new_idempotency_key()).await;
            busy.set(false);
            on_done.run(result.map(|_| Followed::Subscribed));
        });
    };
    view! {
        <h2 id="follow-heading">{i18n.text(|t| t.kms.follow_heading)}</h2>
        <form class="people-form" aria-labelledby="follow-heading" on:submit=submit>
            <div class="field">
                <label for="follow-kind">{i18n.text(|t| t.kms.follow_kind)}</label>
                <select id="follow-kind" on:change=move |ev| { kind.set(event_target_value(&ev)); which.set(String::new()); }>
                    {KINDS.into_iter().map(|k| view! {
                        <option value=k prop:selected=move || kind.get() == k>{move || kind_name(k)}</option>
                    }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="follow-which">{i18n.text(|t| t.kms.follow_what)}</label>
                <select id="follow-which" required=true on:change=move |ev| which.set(event_target_value(&ev))>
                    <option value="" prop:selected=move || which.get().is_empty()>"—"</option>
                    {move || options().into_iter().map(|(value, name)| {
                        let selected = which.get_untracked() == value;
                        view! { <option value=value prop:selected=selected>{name}</option> }
                    }).collect_view()}
                </select>
            </div>
            <div class="actions">
                <button type="submit" class="button-primary" disabled=move || busy.get()>{i18n.text(|t| t.kms.subscribe)}</button>
            </div>
        </form>
    }
}
