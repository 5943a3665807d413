//! The description fields a document's editor fills in, the same on issuing a document and on
//! revising it: folder, date, titles and summaries in both languages, and tags.

use crate::api::kms::split_tags;
use crate::api::ApiError;
use crate::format::{iso_date, parse_iso_date, today};
use crate::i18n::{use_i18n, Texts};
use daftar_domain::kms::{DocumentInput, DocumentMeta, Folder, FolderId};
use leptos::prelude::*;

/// The form's values, as typed.
#[derive(Clone, Copy)]
pub(super) struct DocumentFields {
    pub folder: RwSignal<String>,
    pub date: RwSignal<String>,
    title_en: RwSignal<String>,
    title_hi: RwSignal<String>,
    summary_en: RwSignal<String>,
    summary_hi: RwSignal<String>,
    tags: RwSignal<String>,
}

impl DocumentFields {
    /// Empty fields dated today, for a new document.
    pub fn blank() -> Self {
        Self::with(String::new(), iso_date(today()), "", "", "", "", String::new())
    }

    /// The current version's description, for a revision.
    pub fn of(meta: &DocumentMeta) -> Self {
        Self::with(
            meta.folder.to_string(),
            iso_date(meta.date),
            &meta.title_en,
            meta.title_hi.as_deref().unwrap_or_default(),
            &meta.summary_en,
            meta.summary_hi.as_deref().unwrap_or_default(),
            meta.tags.join(", "),
        )
    }

    fn with(
        folder: String,
        date: String,
        title_en: &str,
        title_hi: &str,
        summary_en: &str,
        summary_hi: &str,
        tags: String,
    ) -> Self {
        let text = |s: &str| RwSignal::new(s.to_owned());
        Self {
            folder: RwSignal::new(folder),
            date: RwSignal::new(date),
            title_en: text(title_en),
            title_hi: text(title_hi),
            summary_en: text(summary_en),
            summary_hi: text(summary_hi),
            tags: RwSignal::new(tags),
        }
    }

    /// What the server is sent, or none while the date or the folder is not chosen (the
    /// browser's `required` check points at those). The server judges the rest and says why.
    pub fn input(&self) -> Option<DocumentInput> {
        let date = parse_iso_date(&self.date.get_untracked())?;
        let folder = FolderId::parse(&self.folder.get_untracked()).ok()?;
        let optional = |v: RwSignal<String>| Some(v.get_untracked()).filter(|t| !t.trim().is_empty());
        Some(DocumentInput {
            folder,
            date,
            title_en: self.title_en.get_untracked(),
            title_hi: optional(self.title_hi),
            summary_en: self.summary_en.get_untracked(),
            summary_hi: optional(self.summary_hi),
            tags: split_tags(&self.tags.get_untracked()),
        })
    }

    /// Titles, summaries and tags; `prefix` keeps the element IDs apart.
    pub fn describe(self, prefix: &'static str) -> impl IntoView {
        let i18n = use_i18n();
        let tags = self.tags;
        let (tags_id, hint_id) = (format!("{prefix}-tags"), format!("{prefix}-tags-hint"));
        view! {
            <div class="field-row">
                {text_field(format!("{prefix}-title-en"), |t| t.kms.title_en, self.title_en, false, Some("en"))}
                {text_field(format!("{prefix}-title-hi"), |t| t.kms.title_hi, self.title_hi, false, Some("hi"))}
            </div>
            {text_field(format!("{prefix}-summary-en"), |t| t.kms.summary_en, self.summary_en, true, Some("en"))}
            {text_field(format!("{prefix}-summary-hi"), |t| t.kms.summary_hi, self.summary_hi, true, Some("hi"))}
            <div class="field">
                <label for=tags_id.clone()>{i18n.text(|t| t.kms.tags_label)}</label>
                <input id=tags_id type="text" aria-describedby=hint_id.clone() prop:value=move || tags.get()
                    on:input=move |ev| tags.set(event_target_value(&ev))/>
                <p id=hint_id class="hint">{i18n.text(|t| t.kms.tags_hint)}</p>
            </div>
        }
    }
}

/// The `<option>`s of a department's folders, the chosen one selected.
pub(super) fn folder_options(
    folders: LocalResource<Result<Vec<Folder>, ApiError>>,
    folder: RwSignal<String>,
) -> impl Fn() -> AnyView + Send + Sync + 'static {
    let i18n = use_i18n();
    move || {
        folders
            .get()
            .and_then(Result::ok)
            .unwrap_or_default()
            .into_iter()
            .map(|f| {
                let id = f.id.to_string();
                let names = (f.name_en.clone(), f.name_hi.clone().unwrap_or_default());
                view! { <option value=id.clone() prop:selected=move || folder.get() == id>{move || i18n.pick(&names.0, &names.1).to_owned()}</option> }
            })
            .collect_view()
            .into_any()
    }
}

/// A labelled one-line or multi-line text field bound to `value`.
pub(super) fn text_field(
    id: String,
    label: fn(&Texts) -> &'static str,
    value: RwSignal<String>,
    multiline: bool,
    lang: Option<&'static str>,
) -> impl IntoView {
    let i18n = use_i18n();
    let input = if multiline {
        view! { <textarea id=id.clone() rows="4" lang=lang prop:value=move || value.get() on:input=move |ev| value.set(event_target_value(&ev))></textarea> }.into_any()
    } else {
        view! { <input id=id.clone() type="text" lang=lang prop:value=move || value.get() on:input=move |ev| value.set(event_target_value(&ev))/> }.into_any()
    };
    view! {
        <div class="field">
            <label for=id>{i18n.text(label)}</label>
            {input}
        </div>
    }
}
