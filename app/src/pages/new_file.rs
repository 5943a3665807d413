//! Opening a new file at one of the signed-in official's posts.

use super::inbox::post_label;
use super::use_page_title;
use crate::api::{self, ApiError, SubmissionKeys};
use crate::components::fields::{described_by, focus, from_wire_name, wire_name, HandlingFields};
use crate::components::{error_text, FieldMessage, UploadField, Uploads};
use crate::i18n::{use_i18n, FieldError};
use crate::session::{use_flash, use_session, FlashMessage};
use daftar_domain::file::FileCategory;
use daftar_domain::handling::{Classification, Medium};
use daftar_domain::wire::CreateFileRequest;
use daftar_domain::{PostId, Remarks, Subject, SubjectHead};
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::{use_navigate, use_query_map};

/// The head a new file is opened under unless the official chooses another.
const DEFAULT_HEAD: &str = "GEN";

/// The error signal of each field, in the order the form shows them.
#[derive(Debug, Clone, Copy)]
struct Errors {
    at_post: RwSignal<Option<FieldError>>,
    subject: RwSignal<Option<FieldError>>,
    category: RwSignal<Option<FieldError>>,
    head: RwSignal<Option<FieldError>>,
    remarks: RwSignal<Option<FieldError>>,
    old_number: RwSignal<Option<FieldError>>,
}

impl Errors {
    fn new() -> Self {
        let none = || RwSignal::new(None);
        Errors {
            at_post: none(),
            subject: none(),
            category: none(),
            head: none(),
            remarks: none(),
            old_number: none(),
        }
    }

    /// The fields with the IDs of their elements, which are also the API's field names.
    fn all(&self) -> [(&'static str, RwSignal<Option<FieldError>>); 6] {
        [
            ("at_post", self.at_post),
            ("subject", self.subject),
            ("category", self.category),
            ("head", self.head),
            ("remarks", self.remarks),
            ("old_number", self.old_number),
        ]
    }

    fn focus_first(&self) -> bool {
        match self.all().into_iter().find(|(_, e)| e.get_untracked().is_some()) {
            Some((id, _)) => {
                focus(id);
                true
            }
            None => false,
        }
    }
}

/// Reads a subject head as typed: codes are upper-case, so `gen` is `GEN`.
fn parse_head(raw: &str) -> Result<SubjectHead, FieldError> {
    if raw.trim().is_empty() {
        return Err(FieldError::Required);
    }
    SubjectHead::parse(raw).map_err(|_| FieldError::InvalidCode)
}

/// Reads the number a paper file carried: none when left empty (a new file, not a digitised one).
fn parse_old_number(raw: &str) -> Result<Option<Subject>, FieldError> {
    if raw.trim().is_empty() {
        return Ok(None);
    }
    Subject::parse(raw).map(Some).map_err(FieldError::from)
}

/// The new-file page. `?post=` preselects one of the user's posts.
#[component]
pub fn NewFilePage() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let flash = use_flash();
    let navigate = use_navigate();
    let query = use_query_map();
    use_page_title(|t| t.new_file_title);

    let my_posts = Memo::new(move |_| session.me().map(|me| me.posts).unwrap_or_default());
    let wanted = query.with_untracked(|q| q.get("post"));
    let at_post = RwSignal::new(my_posts.with_untracked(|posts| {
        posts
            .iter()
            .find(|p| Some(p.id.as_ref()) == wanted.as_deref())
            .or_else(|| posts.first())
            .map(|p| p.id.to_string())
            .unwrap_or_default()
    }));
    let subject = RwSignal::new(String::new());
    let category = RwSignal::new(FileCategory::General);
    let head = RwSignal::new(DEFAULT_HEAD.to_owned());
    let remarks = RwSignal::new(String::new());
    let classification = RwSignal::new(Classification::Normal);
    let medium = RwSignal::new(Medium::Electronic);
    let old_number = RwSignal::new(String::new());
    let scans = Uploads::new();
    let scans_waiting = RwSignal::new(false);
    let errors = Errors::new();
    let failure = RwSignal::new(None::<ApiError>);
    let invalid = RwSignal::new(false);
    let pending = RwSignal::new(false);
    let keys = StoredValue::new(SubmissionKeys::default());

    let parse_form = move || -> Option<CreateFileRequest> {
        let at = PostId::parse(&at_post.get_untracked()).map_err(|_| FieldError::Choose);
        let about = Subject::parse(&subject.get_untracked()).map_err(FieldError::from);
        let under = parse_head(&head.get_untracked());
        let noted = Remarks::parse(&remarks.get_untracked()).map_err(FieldError::from);
        let paper_number = parse_old_number(&old_number.get_untracked());
        errors.at_post.set(at.as_ref().err().copied());
        errors.subject.set(about.as_ref().err().copied());
        errors.head.set(under.as_ref().err().copied());
        errors.remarks.set(noted.as_ref().err().copied());
        errors.old_number.set(paper_number.as_ref().err().copied());
        errors.category.set(None);
        Some(CreateFileRequest {
            at_post: at.ok()?,
            subject: about.ok()?,
            category: category.get_untracked(),
            head: under.ok()?,
            remarks: noted.ok()?,
            old_number: paper_number.ok()?,
            scans: scans.ids(),
            classification: classification.get_untracked(),
            medium: medium.get_untracked(),
        })
    };

    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        if pending.get_untracked() {
            return;
        }
        failure.set(None);
        let Some(request) = parse_form() else {
            invalid.set(true);
            errors.focus_first();
            return;
        };
        invalid.set(false);
        if scans.busy() || scans.has_failures() {
            scans_waiting.set(true);
            focus("scans");
            return;
        }
        scans_waiting.set(false);
        let key = keys
            .try_update_value(|keys| keys.key_for(&request, api::new_idempotency_key))
            .unwrap_or_else(api::new_idempotency_key);
        pending.set(true);
        let navigate = navigate.clone();
        spawn_local(async move {
            let result = api::create_file(&request, &key).await;
            keys.update_value(|keys| keys.settle(&result));
            pending.set(false);
            match result {
                Ok(view) => {
                    let path = format!("/files/{}", view.file.id);
                    flash.show(path.clone(), FlashMessage::FileCreated(view.file.number.text));
                    navigate(&path, Default::default());
                }
                Err(error) => {
                    if let Some((_, field)) = errors.all().into_iter().find(|(name, _)| Some(*name) == error.field()) {
                        field.set(Some(FieldError::Rejected));
                        invalid.set(true);
                    }
                    failure.set(Some(error));
                    if !errors.focus_first() {
                        focus("new-file-submit");
                    }
                }
            }
        });
    };

    let post_field = move || {
        let posts = my_posts.get();
        if posts.len() == 1 {
            let post = posts[0].clone();
            return view! {
                <p class="context-line">
                    {i18n.text(|t| t.opening_at)} " " <strong>{move || post_label(i18n, &post)}</strong>
                </p>
            }
            .into_any();
        }
        let options = move || {
            let current = at_post.get();
            my_posts
                .get()
                .into_iter()
                .map(|post| {
                    let id = post.id.to_string();
                    let is_current = id == current;
                    view! { <option value=id prop:selected=is_current>{move || post_label(i18n, &post)}</option> }
                })
                .collect_view()
        };
        view! {
            <div class="field">
                <label for="at_post">{i18n.text(|t| t.opening_post)}<span class="required" aria-hidden="true">" *"</span></label>
                <select id="at_post" aria-describedby=described_by("at_post", false)
                    aria-invalid=move || errors.at_post.get().is_some().to_string()
                    on:change=move |ev| at_post.set(event_target_value(&ev))>
                    {options}
                </select>
                <FieldMessage id="at_post-error" error=errors.at_post/>
            </div>
        }
        .into_any()
    };
    let category_options = move || {
        FileCategory::ALL
            .into_iter()
            .map(|c| view! { <option value=wire_name(&c) prop:selected=move || category.get() == c>{move || i18n.t().file_category(c)}</option> })
            .collect_view()
    };

    let form = move || {
        if my_posts.get().is_empty() {
            return view! { <p class="notice">{i18n.text(|t| t.no_posts)}</p> }.into_any();
        }
        view! {
            <div class="form-alert" role="alert">
                {move || {
                    let t = i18n.t();
                    match failure.get() {
                        Some(error) if error.field().is_none() => Some(view! { <p class="notice notice-error">{error_text(t, &error)}</p> }),
                        _ if invalid.get() => Some(view! { <p class="notice notice-error">{t.err_form}</p> }),
                        _ if scans_waiting.get() => Some(view! { <p class="notice notice-error">{t.upload_wait}</p> }),
                        Some(error) if error.field() == Some("scans") => Some(view! { <p class="notice notice-error">{error_text(t, &error)}</p> }),
                        _ => None,
                    }
                }}
            </div>
            <form class="form" on:submit=on_submit.clone() novalidate>
                <p class="hint">{i18n.text(|t| t.required_note)}</p>
                {post_field}
                <div class="field">
                    <label for="subject">{i18n.text(|t| t.subject)}<span class="required" aria-hidden="true">" *"</span></label>
                    <input id="subject" type="text" autocomplete="off" aria-required="true"
                        aria-describedby=described_by("subject", false)
                        aria-invalid=move || errors.subject.get().is_some().to_string()
                        bind:value=subject/>
                    <FieldMessage id="subject-error" error=errors.subject/>
                </div>
                <div class="field-row">
                    <div class="field">
                        <label for="category">{i18n.text(|t| t.category)}</label>
                        <select id="category" aria-describedby=described_by("category", false)
                            on:change=move |ev| if let Some(c) = from_wire_name(&event_target_value(&ev)) { category.set(c) }>
                            {category_options}
                        </select>
                        <FieldMessage id="category-error" error=errors.category/>
                    </div>
                    <div class="field">
                        <label for="head">{i18n.text(|t| t.subject_head)}<span class="required" aria-hidden="true">" *"</span></label>
                        <p id="head-hint" class="hint">{i18n.text(|t| t.subject_head_hint)}</p>
                        <input id="head" type="text" autocomplete="off" spellcheck="false" class="input-code" aria-required="true"
                            maxlength="12"
                            aria-describedby=described_by("head", true)
                            aria-invalid=move || errors.head.get().is_some().to_string()
                            bind:value=head/>
                        <FieldMessage id="head-error" error=errors.head/>
                    </div>
                </div>
                <HandlingFields classification medium/>
                <div class="field">
                    <label for="remarks">{i18n.text(|t| t.remarks)}</label>
                    <textarea id="remarks" rows="3" aria-describedby=described_by("remarks", false)
                        aria-invalid=move || errors.remarks.get().is_some().to_string()
                        bind:value=remarks></textarea>
                    <FieldMessage id="remarks-error" error=errors.remarks/>
                </div>
                <details class="field-group" prop:open=move || errors.old_number.get().is_some() || scans_waiting.get()>
                    <summary>{i18n.text(|t| t.digitise_heading)}</summary>
                    <p class="hint">{i18n.text(|t| t.digitise_hint)}</p>
                    <div class="field">
                        <label for="old_number">{i18n.text(|t| t.old_number)}</label>
                        <input id="old_number" type="text" autocomplete="off" spellcheck="false"
                            aria-describedby=described_by("old_number", false)
                            aria-invalid=move || errors.old_number.get().is_some().to_string()
                            bind:value=old_number/>
                        <FieldMessage id="old_number-error" error=errors.old_number/>
                    </div>
                    <UploadField id="scans" uploads=scans label=|t| t.scanned_volumes/>
                </details>
                <div class="actions">
                    <button id="new-file-submit" type="submit" class="button-primary" aria-disabled=move || pending.get().to_string()>
                        {i18n.text(|t| t.create_file_button)}
                    </button>
                </div>
            </form>
        }
        .into_any()
    };

    view! {
        <section class="page page-form">
            <h1>{i18n.text(|t| t.new_file_title)}</h1>
            <p class="intro">{i18n.text(|t| t.new_file_intro)}</p>
            {form}
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn subject_heads_are_codes_in_any_case() {
        assert_eq!(parse_head("gen"), Ok(SubjectHead::parse("GEN").unwrap()));
        assert_eq!(parse_head(" BUDGET "), Ok(SubjectHead::parse("BUDGET").unwrap()));
        assert_eq!(parse_head(""), Err(FieldError::Required));
        assert_eq!(parse_head("G"), Err(FieldError::InvalidCode));
        assert_eq!(parse_head("two words"), Err(FieldError::InvalidCode));
        assert_eq!(parse_head("ABCDEFGHIJKLM"), Err(FieldError::InvalidCode));
    }

    #[test]
    fn an_empty_old_number_means_a_new_file_not_a_digitised_one() {
        assert_eq!(parse_old_number("  "), Ok(None));
        assert_eq!(
            parse_old_number("GA/12/1987"),
            Ok(Some(Subject::parse("GA/12/1987").unwrap()))
        );
        assert_eq!(
            parse_old_number(&"x".repeat(Subject::MAX + 1)),
            Err(FieldError::TooLong(Subject::MAX))
        );
    }
}
