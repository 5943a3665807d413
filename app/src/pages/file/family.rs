//! A file's family: its volumes, part files and merged files, with the actions that add to it.

use super::{ActionFailure, FileState, Submission};
use crate::api;
use crate::components::fields::{described_by, focus};
use crate::components::FieldMessage;
use crate::i18n::{fill, use_i18n, FieldError};
use crate::session::{use_flash, use_session, FileNews, FlashMessage};
use daftar_domain::wire::{ErrorCode, FileRow, FileView, MergeRequest, OpenPartRequest, PostSummary, VersionOnly};
use daftar_domain::{FileId, PostId};
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use leptos_router::hooks::{use_location, use_navigate};
use std::collections::BTreeMap;

/// A related file, by its number when the family recorded it.
fn file_link(id: &FileId, numbers: &BTreeMap<FileId, String>) -> impl IntoView + use<> {
    let text = numbers.get(id).cloned().unwrap_or_else(|| id.to_string());
    view! { <A href=format!("/files/{id}")><span class="code">{text}</span></A> }
}

/// Where a part file opens: the first of the official's posts that is on the file's path, or
/// their first post (the server decides whether they may).
fn part_desk(mine: &[PostSummary], path: &[PostId]) -> Option<PostId> {
    mine.iter()
        .find(|p| path.contains(&p.id))
        .or_else(|| mine.first())
        .map(|p| p.id.clone())
}

/// Volumes, parts and merges of the file on screen.
#[component]
pub(super) fn FamilyPanel(state: FileState) -> impl IntoView {
    let i18n = use_i18n();
    let navigate = use_navigate();
    let submission = Submission::new();
    let merging = RwSignal::new(false);
    let confirming_volume = RwSignal::new(false);
    let flash = use_flash();
    // A new volume or part is another file: go there, and say what happened.
    let go_to = move |view: FileView, news: FileNews| {
        let path = format!("/files/{}", view.file.id);
        flash.show(path.clone(), FlashMessage::File(news));
        navigate(&path, Default::default());
    };
    let allowed = move || state.with(|v| v.allowed.clone());
    let may = move |f: fn(&daftar_domain::file::Allowed) -> bool| allowed().is_some_and(|a| f(&a));

    let new_volume = {
        let go_to = go_to.clone();
        Callback::new(move |_: ()| {
            let id = state.id();
            let go_to = go_to.clone();
            confirming_volume.set(false);
            submission.run(
                VersionOnly {
                    version: state.version(),
                },
                move |body, key| async move { api::new_volume(&id, &body, &key).await },
                move |view| go_to(view, FileNews::VolumeOpened),
                |_| {},
            );
        })
    };
    let session = use_session();
    let open_part = move |_| {
        let id = state.id();
        // The part opens at the official's own desk: the one of theirs that has held the file.
        let Some(at_post) = session
            .me()
            .and_then(|me| state.with(|v| part_desk(&me.posts, &v.file.path)).flatten())
        else {
            return;
        };
        let go_to = go_to.clone();
        submission.run(
            OpenPartRequest { at_post },
            move |body, key| async move { api::open_part(&id, &body, &key).await },
            move |view| go_to(view, FileNews::PartOpened),
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
                    {f.previous_volume.map(|p| view! { <li>{t.previous_volume} " " {file_link(&p, &f.numbers)}</li> })}
                    {f.next_volume.map(|p| view! { <li>{t.next_volume} " " {file_link(&p, &f.numbers)}</li> })}
                    {f.part_of.map(|p| view! { <li>{t.part_of} " " {file_link(&p, &f.numbers)}</li> })}
                    {f.merged_into.map(|p| view! { <li>{t.merged_into} " " {file_link(&p, &f.numbers)}</li> })}
                    {(!f.merged.is_empty()).then(|| view! {
                        <li>{t.merged_files} " " {f.merged.iter().map(|m| view! { {file_link(m, &f.numbers)} " " }).collect_view()}</li>
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
                    <Show when=move || confirming_volume.get()
                        fallback=move || view! {
                            <button id="new-volume" type="button" class="button-secondary"
                                on:click=move |_| {
                                    confirming_volume.set(true);
                                    request_animation_frame(|| focus("new-volume-cancel"));
                                }
                                aria-disabled=move || submission.pending.get().to_string()>{i18n.text(|t| t.new_volume)}</button>
                        }>
                        <span class="confirm" role="group" aria-labelledby="new-volume-question">
                            <span id="new-volume-question" class="confirm-question">{i18n.text(|t| t.new_volume_confirm)}</span>
                            <button type="button" class="button-primary" on:click=move |_| new_volume.run(())
                                aria-disabled=move || submission.pending.get().to_string()>{i18n.text(|t| t.new_volume_yes)}</button>
                            <button id="new-volume-cancel" type="button" class="button-secondary"
                                on:click=move |_| {
                                    confirming_volume.set(false);
                                    request_animation_frame(|| focus("new-volume"));
                                }>
                                {i18n.text(|t| t.cancel)}
                            </button>
                        </span>
                    </Show>
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
    let flash = use_flash();
    let location = use_location();
    let merge = move |_| {
        let Some(other) = found.get_untracked() else { return };
        let id = state.id();
        submission.run(
            MergeRequest {
                version: state.version(),
                part: other.file_id,
            },
            move |body, key| async move { api::merge_file(&id, &body, &key).await },
            move |view: FileView| {
                open.set(false);
                flash.show(
                    location.pathname.get_untracked(),
                    FlashMessage::File(FileNews::Merged(other.number)),
                );
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

#[cfg(test)]
mod tests {
    use super::*;

    fn post(id: &str) -> PostSummary {
        crate::fixtures::finance_post(id, None, None)
    }

    #[test]
    fn a_part_opens_at_the_officials_desk_that_held_the_file() {
        let id = |raw: &str| PostId::parse(raw).unwrap();
        let mine = [post("FIN-HQ-DS"), post("FIN-HQ-SO")];
        let path = [id("FIN-HQ-CRU"), id("FIN-HQ-SO"), id("CMO-HQ-SO")];
        assert_eq!(part_desk(&mine, &path), Some(id("FIN-HQ-SO")));
        assert_eq!(part_desk(&mine, &[id("CMO-HQ-SO")]), Some(id("FIN-HQ-DS")));
        assert_eq!(part_desk(&[], &path), None);
    }
}
