//! Letters drafted on a file: written and revised, approved, then issued through the office's
//! dispatch register.

use super::{ActionFailure, FileState, Submission};
use crate::api;
use crate::components::fields::{described_by, focus, from_wire_name, wire_name};
use crate::components::{AttachmentList, ErrorList, FieldMessage, Loading, UploadField, Uploads};
use crate::format::human_local;
use crate::i18n::{fill, use_i18n, FieldError};
use daftar_domain::file::draft::{DispatchMode, DraftVersion, LetterText, MAX_ADDRESSEES};
use daftar_domain::text::LetterBody;
use daftar_domain::wire::{DraftRequest, DraftView, IssueRequest, VersionOnly};
use daftar_domain::{FileId, PartyName, Subject};
use leptos::ev::SubmitEvent;
use leptos::prelude::*;

/// Addressees typed one per line; blank lines are skipped.
pub fn parse_addressees(raw: &str) -> Result<Vec<PartyName>, FieldError> {
    let lines: Vec<&str> = raw.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
    if lines.is_empty() {
        return Err(FieldError::Required);
    }
    if lines.len() > MAX_ADDRESSEES {
        return Err(FieldError::TooMany(MAX_ADDRESSEES));
    }
    lines
        .into_iter()
        .map(|line| PartyName::parse(line).map_err(FieldError::from))
        .collect()
}

/// The drafts section of the file page.
#[component]
pub(super) fn DraftsPanel(state: FileState) -> impl IntoView {
    let i18n = use_i18n();
    let version = Memo::new(move |_| state.with(|v| v.file.version));
    let drafts = LocalResource::new(move || {
        version.track();
        let id = state.id();
        async move { api::drafts(&id).await }
    });
    let may_draft = move || state.with(|v| v.allowed.draft).unwrap_or(false);
    let writing = RwSignal::new(false);
    view! {
        <section class="drafts" aria-labelledby="drafts-heading">
            <h2 id="drafts-heading">{i18n.text(|t| t.drafts_heading)}</h2>
            <Show when=move || may_draft() && !writing.get()>
                <button type="button" class="button-secondary" on:click=move |_| writing.set(true)>
                    {i18n.text(|t| t.new_draft)}
                </button>
            </Show>
            <Show when=move || writing.get()>
                <DraftEditor state revising=None open=writing/>
            </Show>
            <Transition fallback=Loading>
                <ErrorBoundary fallback=move |errors| view! { <ErrorList errors retry=Callback::new(move |_| drafts.refetch())/> }>
                    {move || Suspend::new(async move {
                        drafts.await.map(|list| {
                            if list.is_empty() {
                                view! { <p class="empty-state">{i18n.text(|t| t.no_drafts)}</p> }.into_any()
                            } else {
                                view! {
                                    <ol class="draft-list">
                                        {list.into_iter().map(|draft| view! { <DraftCard draft state/> }).collect_view()}
                                    </ol>
                                }.into_any()
                            }
                        })
                    })}
                </ErrorBoundary>
            </Transition>
        </section>
    }
}

/// One version's letter as it reads, and the enclosures that go with it.
fn version_view(file: &FileId, version: &DraftVersion) -> impl IntoView + use<> {
    let letter = &version.letter;
    let addressees = letter
        .addressees
        .iter()
        .map(|a| view! { <li>{a.to_string()}</li> })
        .collect_view();
    let enclosures = (!version.enclosures.is_empty()).then(|| {
        let base = format!(
            "/api/v1/files/{file}/drafts/{}/versions/{}/enclosures",
            version.draft, version.version
        );
        view! {
            <p class="letter-enclosures-label">{use_i18n().text(|t| t.enclosures)}</p>
            <AttachmentList base attachments=version.enclosures.clone()/>
        }
    });
    view! {
        <p class="letter-subject"><strong>{letter.subject.to_string()}</strong></p>
        <ul class="letter-addressees">{addressees}</ul>
        <p class="letter-body">{letter.body.to_string()}</p>
        {enclosures}
    }
}

#[component]
fn DraftCard(draft: DraftView, state: FileState) -> impl IntoView {
    let i18n = use_i18n();
    let DraftView {
        draft,
        written_by,
        approved_by,
    } = draft;
    let draft_post = draft.latest.post.to_string();
    let n = draft.id;
    let latest = draft.latest.clone();
    let revising = RwSignal::new(false);
    let showing_history = RwSignal::new(false);
    let submission = Submission::new();
    let mode = RwSignal::new(DispatchMode::RegisteredPost);
    let may_draft = move || state.with(|v| v.allowed.draft).unwrap_or(false);
    let issued = draft.issued.clone();
    let approved = draft.approval.clone();
    let open = issued.is_none();
    let heading_id = format!("draft-{n}-heading");
    let labelled_by = heading_id.clone();

    let approve = move |_| {
        let id = state.id();
        submission.run(
            VersionOnly {
                version: state.version(),
            },
            move |body, key| async move { api::approve_draft(&id, n, &body, &key).await },
            move |view| state.replace(view),
            |_| {},
        );
    };
    let issue = move |_| {
        let id = state.id();
        submission.run(
            IssueRequest {
                version: state.version(),
                mode: mode.get_untracked(),
            },
            move |body, key| async move { api::issue_draft(&id, n, &body, &key).await },
            move |view| state.replace(view),
            |_| {},
        );
    };
    let mode_options = move || {
        DispatchMode::ALL
            .into_iter()
            .map(|m| view! { <option value=wire_name(&m) prop:selected=move || mode.get() == m>{move || i18n.t().dispatch_mode(m)}</option> })
            .collect_view()
    };
    let status = {
        let issued = issued.clone();
        let approved = approved.clone();
        move || {
            let t = i18n.t();
            match (&issued, &approved) {
                (Some(number), _) => fill(t.draft_issued_as, "{n}", &number.to_string()),
                (None, Some(a)) => fill(
                    &fill(
                        t.draft_approved_by,
                        "{who}",
                        &approved_by
                            .as_ref()
                            .map_or_else(|| a.post.to_string(), |who| i18n.acted_by(who)),
                    ),
                    "{v}",
                    &a.version.to_string(),
                ),
                (None, None) => t.draft_awaiting_approval.to_owned(),
            }
        }
    };
    let mode_id = format!("draft-{n}-mode");
    view! {
        <li class="draft" aria-labelledby=labelled_by>
            <h3 id=heading_id>
                {move || fill(&fill(i18n.t().draft_letter_label, "{n}", &n.to_string()), "{v}", &latest.version.to_string())}
            </h3>
            <p class="draft-status" class:draft-issued=issued.is_some()>{status}</p>
            {version_view(&state.id(), &draft.latest)}
            <p class="hint">
                {human_local(draft.latest.at)} " · "
                {move || written_by.as_ref().map_or_else(|| draft_post.clone(), |who| i18n.acted_by(who))}
            </p>
            <ActionFailure submission state/>
            <Show when=move || may_draft() && open && !revising.get()>
                <div class="actions">
                    <button type="button" class="button-secondary" on:click=move |_| revising.set(true)>
                        {i18n.text(|t| t.revise_draft)}
                    </button>
                    {approved.is_none().then(|| view! {
                        <button type="button" class="button-primary" aria-disabled=move || submission.pending.get().to_string()
                            on:click=approve>{i18n.text(|t| t.approve_draft)}</button>
                    })}
                    {approved.is_some().then(|| {
                        let mode_id = mode_id.clone();
                        view! {
                            <span class="field field-inline">
                                <label for=mode_id.clone()>{i18n.text(|t| t.dispatch_mode_label)}</label>
                                <select id=mode_id
                                    on:change=move |ev| if let Some(m) = from_wire_name(&event_target_value(&ev)) { mode.set(m) }>
                                    {mode_options}
                                </select>
                            </span>
                            <button type="button" class="button-primary" aria-disabled=move || submission.pending.get().to_string()
                                on:click=issue>{i18n.text(|t| t.issue_draft)}</button>
                        }
                    })}
                </div>
            </Show>
            <Show when=move || revising.get()>
                <DraftEditor state revising=Some(draft.latest.clone()) open=revising/>
            </Show>
            <button type="button" class="button-link" aria-expanded=move || showing_history.get().to_string()
                on:click=move |_| showing_history.update(|s| *s = !*s)>
                {i18n.text(|t| t.draft_versions)}
            </button>
            <Show when=move || showing_history.get()>
                <DraftHistory state n/>
            </Show>
        </li>
    }
}

#[component]
fn DraftHistory(state: FileState, n: u32) -> impl IntoView {
    let i18n = use_i18n();
    let versions = LocalResource::new(move || {
        let id = state.id();
        async move { api::draft_versions(&id, n).await }
    });
    let row = move |v: DraftVersion| {
        view! {
            <li class="draft-version">
                <p class="hint">{move || fill(i18n.t().version_label, "{v}", &v.version.to_string())} " · " {human_local(v.at)}</p>
                {version_view(&state.id(), &v)}
            </li>
        }
    };
    view! {
        <Transition fallback=Loading>
            <ErrorBoundary fallback=move |errors| view! { <ErrorList errors/> }>
                {move || Suspend::new(async move {
                    versions.await.map(|list: Vec<DraftVersion>| view! {
                        <ol class="draft-versions">{list.into_iter().map(row).collect_view()}</ol>
                    })
                })}
            </ErrorBoundary>
        </Transition>
    }
}

/// A new draft, or a revision of a draft starting from its latest version.
#[component]
fn DraftEditor(state: FileState, revising: Option<DraftVersion>, open: RwSignal<bool>) -> impl IntoView {
    let i18n = use_i18n();
    let prefix = match &revising {
        Some(latest) => format!("revise-{}", latest.draft),
        None => "new-draft".to_owned(),
    };
    let start = revising.as_ref().map(|latest| latest.letter.clone());
    // A revision keeps the earlier enclosures unless unticked; new ones are uploaded here.
    let earlier = revising
        .as_ref()
        .map(|latest| latest.enclosures.clone())
        .unwrap_or_default();
    let dropped = RwSignal::new(Vec::<u32>::new());
    let uploads = Uploads::new();
    let uploads_waiting = RwSignal::new(false);
    let enclosures_id = format!("{prefix}-enclosures");
    let subject = RwSignal::new(start.as_ref().map(|l| l.subject.to_string()).unwrap_or_default());
    let addressees = RwSignal::new(
        start
            .as_ref()
            .map(|l| {
                l.addressees
                    .iter()
                    .map(|a| a.to_string())
                    .collect::<Vec<_>>()
                    .join("\n")
            })
            .unwrap_or_default(),
    );
    let body = RwSignal::new(start.as_ref().map(|l| l.body.to_string()).unwrap_or_default());
    let errors = [
        RwSignal::new(None::<FieldError>),
        RwSignal::new(None::<FieldError>),
        RwSignal::new(None::<FieldError>),
    ];
    let ids = [
        format!("{prefix}-subject"),
        format!("{prefix}-addressees"),
        format!("{prefix}-body"),
    ];
    let invalid = RwSignal::new(false);
    let submission = Submission::new();
    let n = revising.as_ref().map(|latest| latest.draft);

    let on_submit = {
        let ids = ids.clone();
        move |ev: SubmitEvent| {
            ev.prevent_default();
            let s = Subject::parse(&subject.get_untracked()).map_err(FieldError::from);
            let a = parse_addressees(&addressees.get_untracked());
            let b = LetterBody::parse(&body.get_untracked()).map_err(FieldError::from);
            errors[0].set(s.as_ref().err().copied());
            errors[1].set(a.as_ref().err().copied());
            errors[2].set(b.as_ref().err().copied());
            let (Ok(subject), Ok(addressees), Ok(body)) = (s, a, b) else {
                invalid.set(true);
                if let Some(at) = errors.iter().position(|e| e.get_untracked().is_some()) {
                    focus(&ids[at]);
                }
                return;
            };
            invalid.set(false);
            if uploads.busy() || uploads.has_failures() {
                uploads_waiting.set(true);
                return;
            }
            uploads_waiting.set(false);
            let request = DraftRequest {
                version: state.version(),
                letter: LetterText {
                    subject,
                    addressees,
                    body,
                },
                enclosures: uploads.ids(),
                drop_enclosures: dropped.get_untracked(),
            };
            let id = state.id();
            let failed = move |error: &crate::api::ApiError| {
                let at = match error.field().map(|f| f.trim_start_matches("letter.")) {
                    Some("subject") => Some(0),
                    Some("addressees") => Some(1),
                    Some("body") => Some(2),
                    _ => None,
                };
                if let Some(at) = at {
                    errors[at].set(Some(FieldError::Rejected));
                    invalid.set(true);
                }
            };
            let done = move |view| {
                uploads.clear();
                open.set(false);
                state.replace(view);
                focus("drafts-heading");
            };
            match n {
                Some(n) => submission.run(
                    request,
                    move |body, key| async move { api::revise_draft(&id, n, &body, &key).await },
                    done,
                    failed,
                ),
                None => submission.run(
                    request,
                    move |body, key| async move { api::start_draft(&id, &body, &key).await },
                    done,
                    failed,
                ),
            }
        }
    };
    let field = move |at: usize,
                      label: fn(&crate::i18n::Texts) -> &'static str,
                      multiline: bool,
                      rows: u32,
                      value: RwSignal<String>| {
        let id = ids[at].clone();
        let error = errors[at];
        let input = if multiline {
            view! {
                <textarea id=id.clone() rows=rows aria-required="true" aria-describedby=described_by(&id, false)
                    aria-invalid=move || error.get().is_some().to_string() bind:value=value></textarea>
            }
            .into_any()
        } else {
            view! {
                <input id=id.clone() type="text" autocomplete="off" aria-required="true" aria-describedby=described_by(&id, false)
                    aria-invalid=move || error.get().is_some().to_string() bind:value=value/>
            }
            .into_any()
        };
        view! {
            <div class="field">
                <label for=id.clone()>{i18n.text(label)}<span class="required" aria-hidden="true">" *"</span></label>
                {input}
                <FieldMessage id=format!("{id}-error") error/>
            </div>
        }
    };
    let heading = revising.is_some();
    view! {
        <div class="draft-editor" role="group" aria-label=move || if heading { i18n.t().revise_draft } else { i18n.t().new_draft }>
            <ActionFailure submission state invalid=invalid/>
            <form class="form" on:submit=on_submit novalidate>
                {field(0, |t| t.letter_subject, false, 1, subject)}
                {field(1, |t| t.addressees_label, true, 3, addressees)}
                <p class="hint">{i18n.text(|t| t.addressees_hint)}</p>
                {field(2, |t| t.letter_body, true, 8, body)}
                {(!earlier.is_empty()).then(|| {
                    let checks = earlier.iter().zip(1u32..).map(|(enclosure, k)| {
                        let input_id = format!("{prefix}-keep-{k}");
                        let toggle = move |_| dropped.update(|d| match d.iter().position(|x| *x == k) {
                            Some(at) => {
                                d.remove(at);
                            }
                            None => d.push(k),
                        });
                        view! {
                            <span class="check">
                                <input type="checkbox" id=input_id.clone() prop:checked=move || !dropped.with(|d| d.contains(&k)) on:change=toggle/>
                                <label for=input_id>{enclosure.name.to_string()}</label>
                            </span>
                        }
                    }).collect_view();
                    view! {
                        <fieldset class="choices" aria-describedby=format!("{prefix}-kept-hint")>
                            <legend>{i18n.text(|t| t.earlier_enclosures)}</legend>
                            <p id=format!("{prefix}-kept-hint") class="hint">{i18n.text(|t| t.earlier_enclosures_hint)}</p>
                            <div class="checks">{checks}</div>
                        </fieldset>
                    }
                })}
                <UploadField id=enclosures_id uploads label=|t| t.enclosures/>
                <Show when=move || uploads_waiting.get()>
                    <p class="notice notice-error" role="alert">{i18n.text(|t| t.upload_wait)}</p>
                </Show>
                <div class="actions">
                    <button type="submit" class="button-primary" aria-disabled=move || submission.pending.get().to_string()>
                        {i18n.text(|t| t.save_draft_letter)}
                    </button>
                    <button type="button" class="button-secondary" on:click=move |_| open.set(false)>
                        {i18n.text(|t| t.cancel)}
                    </button>
                </div>
            </form>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addressees_are_one_per_line() {
        let parsed = parse_addressees("  The Director\n\nThe Secretary, Finance \n").unwrap();
        let names: Vec<String> = parsed.iter().map(|a| a.to_string()).collect();
        assert_eq!(names, ["The Director", "The Secretary, Finance"]);
        assert_eq!(parse_addressees(" \n \n"), Err(FieldError::Required));
        let many = "A\n".repeat(MAX_ADDRESSEES + 1);
        assert_eq!(parse_addressees(&many), Err(FieldError::TooMany(MAX_ADDRESSEES)));
        assert!(parse_addressees("ok\nbad\u{0007}").is_err());
    }
}
