//! A file's family: its volumes, part files and merged files, with the actions that add to it.

use super::{ActionFailure, FileState, Submission};
use crate::api;
use crate::components::fields::{described_by, focus};
use crate::components::FieldMessage;
use crate::i18n::{fill, use_i18n, FieldError};
use daftar_domain::wire::{ErrorCode, FileRow, MergeRequest, OpenPartRequest, VersionOnly};
use daftar_domain::FileId;
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;

fn file_link(id: &FileId) -> impl IntoView + use<> {
    let (href, text) = (format!("/files/{id}"), id.to_string());
    view! { <A href=href><span class="code">{text}</span></A> }
}

/// Volumes, parts and merges of the file on screen.
#[component]
pub(super) fn FamilyPanel(state: FileState) -> impl IntoView {
    let i18n = use_i18n();
    let navigate = use_navigate();
    let submission = Submission::new();
    let merging = RwSignal::new(false);
    let allowed = move || state.with(|v| v.allowed.clone());
    let may = move |f: fn(&daftar_domain::file::Allowed) -> bool| allowed().is_some_and(|a| f(&a));

    let new_volume = {
        let navigate = navigate.clone();
        move |_| {
            let id = state.id();
            let navigate = navigate.clone();
            submission.run(
                VersionOnly {
                    version: state.version(),
                },
                move |body, key| async move { api::new_volume(&id, &body, &key).await },
                move |view| navigate(&format!("/files/{}", view.file.id), Default::default()),
                |_| {},
            );
        }
    };
    let open_part = move |_| {
        let id = state.id();
        let Some(at_post) = state.with(|v| v.file.holder.clone()) else {
            return;
        };
        let navigate = navigate.clone();
        submission.run(
            OpenPartRequest { at_post },
            move |body, key| async move { api::open_part(&id, &body, &key).await },
            move |view| navigate(&format!("/files/{}", view.file.id), Default::default()),
            |_| {},
        );
    };

    let facts = move || {
        state.with(|v| {
            let f = v.file.family.clone();
            let t = i18n.t();
            view! {
                <ul class="family-facts">
                    <li>{fill(t.volume_label, "{n}", &f.volume.to_string())}</li>
                    {f.previous_volume.map(|p| view! { <li>{t.previous_volume} " " {file_link(&p)}</li> })}
                    {f.next_volume.map(|p| view! { <li>{t.next_volume} " " {file_link(&p)}</li> })}
                    {f.part_of.map(|p| view! { <li>{t.part_of} " " {file_link(&p)}</li> })}
                    {f.merged_into.map(|p| view! { <li>{t.merged_into} " " {file_link(&p)}</li> })}
                    {(!f.merged.is_empty()).then(|| view! {
                        <li>{t.merged_files} " " {f.merged.iter().map(|m| view! { {file_link(m)} " " }).collect_view()}</li>
                    })}
                </ul>
            }
        })
    };

    view! {
        <section class="family" aria-labelledby="family-heading">
            <h2 id="family-heading">{i18n.text(|t| t.family_heading)}</h2>
            {facts}
            <ActionFailure submission state/>
            <div class="actions">
                <Show when=move || may(|a| a.new_volume)>
                    <button type="button" class="button-secondary" on:click=new_volume.clone()
                        aria-disabled=move || submission.pending.get().to_string()>{i18n.text(|t| t.new_volume)}</button>
                </Show>
                <Show when=move || may(|a| a.open_part)>
                    <button type="button" class="button-secondary" on:click=open_part.clone()
                        aria-disabled=move || submission.pending.get().to_string()>{i18n.text(|t| t.open_part)}</button>
                </Show>
                <Show when=move || may(|a| a.merge) && !merging.get()>
                    <button type="button" class="button-secondary" on:click=move |_| merging.set(true)>{i18n.text(|t| t.merge_button)}</button>
                </Show>
            </div>
            <Show when=move || merging.get()>
                <MergeForm state open=merging/>
            </Show>
        </section>
    }
}

#[component]
fn MergeForm(state: FileState, open: RwSignal<bool>) -> impl IntoView {
    let i18n = use_i18n();
    let number = RwSignal::new(String::new());
    let number_error = RwSignal::new(None::<FieldError>);
    let found = RwSignal::new(None::<FileRow>);
    let submission = Submission::new();
    let find = move |ev: SubmitEvent| {
        ev.prevent_default();
        let typed = number.get_untracked().trim().to_owned();
        found.set(None);
        if typed.is_empty() {
            number_error.set(Some(FieldError::Required));
            focus("merge-number");
            return;
        }
        number_error.set(None);
        let this_file = state.id();
        spawn_local(async move {
            let mut result = api::lookup_file(&typed).await;
            let upper = typed.to_uppercase();
            if result.as_ref().err().and_then(|e| e.code()) == Some(ErrorCode::NotFound) && upper != typed {
                result = api::lookup_file(&upper).await;
            }
            match result {
                Ok(row) if row.file_id == this_file => number_error.set(Some(FieldError::SameFile)),
                Ok(row) => found.set(Some(row)),
                Err(error) if error.code() == Some(ErrorCode::NotFound) => {
                    number_error.set(Some(FieldError::NoSuchFile))
                }
                Err(error) => submission.failure.set(Some(error)),
            }
        });
    };
    let merge = move |_| {
        let Some(other) = found.get_untracked() else { return };
        let id = state.id();
        submission.run(
            MergeRequest {
                version: state.version(),
                part: other.file_id,
            },
            move |body, key| async move { api::merge_file(&id, &body, &key).await },
            move |view| {
                open.set(false);
                state.replace(view);
            },
            |_| {},
        );
    };
    view! {
        <div class="merge-form">
            <p class="hint">{i18n.text(|t| t.merge_intro)}</p>
            <ActionFailure submission state/>
            <form class="form" on:submit=find novalidate>
                <div class="field">
                    <label for="merge-number">{i18n.text(|t| t.merge_number)}</label>
                    <div class="input-with-button">
                        <input id="merge-number" type="text" autocomplete="off" spellcheck="false"
                            aria-describedby=described_by("merge-number", false)
                            aria-invalid=move || number_error.get().is_some().to_string()
                            bind:value=number on:input=move |_| found.set(None)/>
                        <button type="submit" class="button-secondary">{i18n.text(|t| t.find_button)}</button>
                    </div>
                    <FieldMessage id="merge-number-error" error=number_error/>
                </div>
            </form>
            <div aria-live="polite">
                {move || found.get().map(|row| view! {
                    <p class="found-file"><span class="code">{row.number.clone()}</span> " — " {row.subject.clone()}</p>
                })}
            </div>
            <div class="actions">
                <Show when=move || found.get().is_some()>
                    <button type="button" class="button-primary" on:click=merge
                        aria-disabled=move || submission.pending.get().to_string()>{i18n.text(|t| t.merge_confirm)}</button>
                </Show>
                <button type="button" class="button-secondary" on:click=move |_| open.set(false)>{i18n.text(|t| t.cancel)}</button>
            </div>
        </div>
    }
}
