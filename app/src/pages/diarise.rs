//! Diarising: entering an inward letter in the office's diary register.

use super::inbox::post_label;
use super::use_page_title;
use crate::api::{self, ApiError, SubmissionKeys};
use crate::components::fields::{described_by, focus, from_wire_name, wire_name, HandlingFields};
use crate::components::{error_text, FieldMessage, UploadField, Uploads};
use crate::format::{iso_date, parse_iso_date, today};
use crate::i18n::{use_i18n, FieldError};
use crate::session::{use_flash, use_session, FlashMessage};
use daftar_domain::handling::{Classification, Medium};
use daftar_domain::org::Role;
use daftar_domain::receipt::{LetterDetails, ReceiptCategory, ReceiptMode};
use daftar_domain::wire::DiariseRequest;
use daftar_domain::{PartyName, PostId, Remarks, Subject};
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_navigate;

/// The error signal of each field, in the order the form shows them.
#[derive(Debug, Clone, Copy)]
struct Errors {
    at_post: RwSignal<Option<FieldError>>,
    sender: RwSignal<Option<FieldError>>,
    subject: RwSignal<Option<FieldError>>,
    letter_date: RwSignal<Option<FieldError>>,
    mode: RwSignal<Option<FieldError>>,
    category: RwSignal<Option<FieldError>>,
    remarks: RwSignal<Option<FieldError>>,
}

impl Errors {
    fn new() -> Self {
        let none = || RwSignal::new(None);
        Errors {
            at_post: none(),
            sender: none(),
            subject: none(),
            letter_date: none(),
            mode: none(),
            category: none(),
            remarks: none(),
        }
    }

    /// The fields with their element IDs and the API's field names (which are the same).
    fn all(&self) -> [(&'static str, RwSignal<Option<FieldError>>); 7] {
        [
            ("at_post", self.at_post),
            ("sender", self.sender),
            ("subject", self.subject),
            ("letter_date", self.letter_date),
            ("mode", self.mode),
            ("category", self.category),
            ("remarks", self.remarks),
        ]
    }

    /// Focuses the first field in error; `false` if there is none.
    fn focus_first(&self) -> bool {
        match self
            .all()
            .into_iter()
            .find(|(_, error)| error.get_untracked().is_some())
        {
            Some((id, _)) => {
                focus(id);
                true
            }
            None => false,
        }
    }
}

/// Checks a letter date typed into the form against today.
fn check_letter_date(raw: &str, today: time::Date) -> Result<time::Date, FieldError> {
    if raw.trim().is_empty() {
        return Err(FieldError::Required);
    }
    let date = parse_iso_date(raw).ok_or(FieldError::InvalidDate)?;
    if date > today {
        return Err(FieldError::DateInFuture);
    }
    Ok(date)
}

/// The diarise page.
#[component]
pub fn DiarisePage() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let flash = use_flash();
    let navigate = use_navigate();
    use_page_title(|t| t.diarise_title);

    let my_posts = Memo::new(move |_| session.me().map(|me| me.posts).unwrap_or_default());
    // Only registry staff diarise (the server enforces it); others see why there is no form.
    let may_diarise = Memo::new(move |_| session.me().is_some_and(|me| me.roles.contains(&Role::Diarist)));
    let at_post = RwSignal::new(
        my_posts
            .get_untracked()
            .first()
            .map(|p| p.id.to_string())
            .unwrap_or_default(),
    );
    let sender = RwSignal::new(String::new());
    let subject = RwSignal::new(String::new());
    let letter_date = RwSignal::new(String::new());
    let mode = RwSignal::new(ReceiptMode::Post);
    let category = RwSignal::new(ReceiptCategory::General);
    let remarks = RwSignal::new(String::new());
    let classification = RwSignal::new(Classification::Normal);
    let medium = RwSignal::new(Medium::Electronic);
    let uploads = Uploads::new();
    let uploads_waiting = RwSignal::new(false);
    let errors = Errors::new();
    let failure = RwSignal::new(None::<ApiError>);
    let invalid = RwSignal::new(false);
    let pending = RwSignal::new(false);
    let keys = StoredValue::new(SubmissionKeys::default());
    let max_date = iso_date(today());

    let parse_form = move || -> Option<DiariseRequest> {
        let at = PostId::parse(&at_post.get_untracked()).map_err(|_| FieldError::Choose);
        let from = PartyName::parse(&sender.get_untracked()).map_err(FieldError::from);
        let about = Subject::parse(&subject.get_untracked()).map_err(FieldError::from);
        let dated = check_letter_date(&letter_date.get_untracked(), today());
        let noted = Remarks::parse(&remarks.get_untracked()).map_err(FieldError::from);
        errors.at_post.set(at.as_ref().err().copied());
        errors.sender.set(from.as_ref().err().copied());
        errors.subject.set(about.as_ref().err().copied());
        errors.letter_date.set(dated.as_ref().err().copied());
        errors.remarks.set(noted.as_ref().err().copied());
        errors.mode.set(None);
        errors.category.set(None);
        Some(DiariseRequest {
            at_post: at.ok()?,
            letter: LetterDetails {
                sender: from.ok()?,
                subject: about.ok()?,
                letter_date: dated.ok()?,
                mode: mode.get_untracked(),
                category: category.get_untracked(),
            },
            remarks: noted.ok()?,
            attachments: uploads.ids(),
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
        if uploads.busy() || uploads.has_failures() {
            uploads_waiting.set(true);
            focus("attachments");
            return;
        }
        uploads_waiting.set(false);
        let Some(request) = parse_form() else {
            invalid.set(true);
            errors.focus_first();
            return;
        };
        invalid.set(false);
        let key = keys
            .try_update_value(|keys| keys.key_for(&request, api::new_idempotency_key))
            .unwrap_or_else(api::new_idempotency_key);
        pending.set(true);
        let navigate = navigate.clone();
        spawn_local(async move {
            let result = api::diarise(&request, &key).await;
            keys.update_value(|keys| keys.settle(&result));
            pending.set(false);
            match result {
                Ok(view) => {
                    uploads.clear();
                    let path = format!("/receipts/{}", view.receipt.id);
                    flash.show(path.clone(), FlashMessage::Diarised(view.diary_number_text));
                    navigate(&path, Default::default());
                }
                Err(error) => {
                    if let Some((_, field)) = errors.all().into_iter().find(|(name, _)| Some(*name) == error.field()) {
                        field.set(Some(FieldError::Rejected));
                        invalid.set(true);
                    }
                    failure.set(Some(error));
                    if !errors.focus_first() {
                        focus("diarise-submit");
                    }
                }
            }
        });
    };

    let post_options = move || {
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
    let mode_options = move || {
        ReceiptMode::ALL
            .into_iter()
            .map(|m| view! { <option value=wire_name(&m) prop:selected=move || mode.get() == m>{move || i18n.t().mode(m)}</option> })
            .collect_view()
    };
    let category_options = move || {
        ReceiptCategory::ALL
            .into_iter()
            .map(|c| view! { <option value=wire_name(&c) prop:selected=move || category.get() == c>{move || i18n.t().category(c)}</option> })
            .collect_view()
    };

    let form = move || {
        if !may_diarise.get() || my_posts.get().is_empty() {
            return view! { <p class="notice">{i18n.text(|t| t.no_diarise_posts)}</p> }.into_any();
        }
        let max_date = max_date.clone();
        view! {
            <div class="form-alert" role="alert">
                {move || {
                    let t = i18n.t();
                    match failure.get() {
                        _ if uploads_waiting.get() => Some(view! { <p class="notice notice-error">{t.upload_wait}</p> }),
                        Some(error) if error.field() == Some("attachments") => Some(view! { <p class="notice notice-error">{t.upload_wait}</p> }),
                        Some(error) if error.field().is_none() => Some(view! { <p class="notice notice-error">{error_text(t, &error)}</p> }),
                        _ if invalid.get() => Some(view! { <p class="notice notice-error">{t.err_form}</p> }),
                        _ => None,
                    }
                }}
            </div>
            <form class="form" on:submit=on_submit.clone() novalidate>
                <p class="hint">{i18n.text(|t| t.required_note)}</p>
                <div class="field">
                    <label for="at_post">{i18n.text(|t| t.receiving_post)}<span class="required" aria-hidden="true">" *"</span></label>
                    <select id="at_post" name="at_post" aria-describedby=described_by("at_post", false)
                        aria-invalid=move || errors.at_post.get().is_some().to_string()
                        on:change=move |ev| at_post.set(event_target_value(&ev))>
                        {post_options}
                    </select>
                    <FieldMessage id="at_post-error" error=errors.at_post/>
                </div>
                <div class="field">
                    <label for="sender">{i18n.text(|t| t.sender)}<span class="required" aria-hidden="true">" *"</span></label>
                    <p id="sender-hint" class="hint">{i18n.text(|t| t.sender_hint)}</p>
                    <input id="sender" name="sender" type="text" autocomplete="off" aria-required="true"
                        aria-describedby=described_by("sender", true)
                        aria-invalid=move || errors.sender.get().is_some().to_string()
                        bind:value=sender/>
                    <FieldMessage id="sender-error" error=errors.sender/>
                </div>
                <div class="field">
                    <label for="subject">{i18n.text(|t| t.subject)}<span class="required" aria-hidden="true">" *"</span></label>
                    <input id="subject" name="subject" type="text" autocomplete="off" aria-required="true"
                        aria-describedby=described_by("subject", false)
                        aria-invalid=move || errors.subject.get().is_some().to_string()
                        bind:value=subject/>
                    <FieldMessage id="subject-error" error=errors.subject/>
                </div>
                <div class="field-row">
                    <div class="field">
                        <label for="letter_date">{i18n.text(|t| t.letter_date)}<span class="required" aria-hidden="true">" *"</span></label>
                        <p id="letter_date-hint" class="hint">{i18n.text(|t| t.letter_date_hint)}</p>
                        <input id="letter_date" name="letter_date" type="date" max=max_date aria-required="true"
                            aria-describedby=described_by("letter_date", true)
                            aria-invalid=move || errors.letter_date.get().is_some().to_string()
                            bind:value=letter_date/>
                        <FieldMessage id="letter_date-error" error=errors.letter_date/>
                    </div>
                    <div class="field">
                        <label for="mode">{i18n.text(|t| t.mode)}</label>
                        <select id="mode" name="mode" aria-describedby=described_by("mode", false)
                            on:change=move |ev| if let Some(m) = from_wire_name(&event_target_value(&ev)) { mode.set(m) }>
                            {mode_options}
                        </select>
                        <FieldMessage id="mode-error" error=errors.mode/>
                    </div>
                    <div class="field">
                        <label for="category">{i18n.text(|t| t.category)}</label>
                        <select id="category" name="category" aria-describedby=described_by("category", false)
                            on:change=move |ev| if let Some(c) = from_wire_name(&event_target_value(&ev)) { category.set(c) }>
                            {category_options}
                        </select>
                        <FieldMessage id="category-error" error=errors.category/>
                    </div>
                </div>
                <HandlingFields classification medium/>
                <UploadField id="attachments" uploads/>
                <div class="field">
                    <label for="remarks">{i18n.text(|t| t.remarks)}</label>
                    <textarea id="remarks" name="remarks" rows="3"
                        aria-describedby=described_by("remarks", false)
                        aria-invalid=move || errors.remarks.get().is_some().to_string()
                        bind:value=remarks></textarea>
                    <FieldMessage id="remarks-error" error=errors.remarks/>
                </div>
                <div class="actions">
                    <button id="diarise-submit" type="submit" class="button-primary" aria-disabled=move || pending.get().to_string()>
                        {i18n.text(|t| t.diarise_button)}
                    </button>
                </div>
            </form>
        }
        .into_any()
    };

    view! {
        <section class="page page-form">
            <h1>{i18n.text(|t| t.diarise_title)}</h1>
            <p class="intro">{i18n.text(|t| t.diarise_intro)}</p>
            {form}
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn letter_dates_are_checked_against_today() {
        let today = date!(2026 - 11 - 23);
        let cases = [
            ("2026-11-23", Ok(date!(2026 - 11 - 23))),
            ("2026-11-02", Ok(date!(2026 - 11 - 02))),
            ("2026-11-24", Err(FieldError::DateInFuture)),
            ("", Err(FieldError::Required)),
            ("2026-02-30", Err(FieldError::InvalidDate)),
        ];
        for (raw, expected) in cases {
            assert_eq!(check_letter_date(raw, today), expected, "{raw:?}");
        }
    }
}
