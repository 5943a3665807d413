//! Administration (`/admin`): departments, offices, sections and posts, an employee's roles,
//! the leave rules and the holidays. The pages parse every form with the domain's own parse
//! functions before sending, so a bad code or a missing name is shown beside its field at
//! once and in the same words the server would use; what only the server can judge (a held
//! post, a record changed meanwhile) comes back as a problem document and is shown the same way.
//!
//! The pages are for administrators; anyone else is told so (the server refuses them anyway).

mod department;
mod holidays;
mod home;
mod office;
mod roles;
mod rules;

pub use department::DepartmentPage;
pub use holidays::HolidaysPage;
pub use home::AdminPage;
pub use office::OfficePage;
pub use roles::RolesPage;
pub use rules::LeaveRulesPage;

use crate::api::admin::Renamed;
use crate::api::{self, ApiError, ApiResult, SubmissionKeys};
use crate::components::fields::focus;
use crate::components::TableHead;
use crate::i18n::{use_i18n, I18n, Locale, Texts};
use crate::pages::leave::refusal_text;
use crate::pages::pims::use_is_admin;
use daftar_domain::admin::{AdminRefusal, RenameForm};
use daftar_domain::ids::IdempotencyKey;
use daftar_domain::wire::ErrorCode;
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use serde::Serialize;
use std::future::Future;

/// Why a form was refused.
#[derive(Debug, Clone)]
pub enum Complaint {
    /// Refused before sending, by the parse the server runs too.
    Refused(AdminRefusal),
    /// Refused or failed on the server.
    Server(ApiError),
    /// One of this app's own messages, in both languages.
    Said { en: String, hi: String },
}

impl Complaint {
    /// One of the app's messages, made in both languages so it follows the language toggle.
    pub fn said(words: impl Fn(&Texts) -> String) -> Self {
        Complaint::Said {
            en: words(Locale::En.texts()),
            hi: words(Locale::Hi.texts()),
        }
    }

    pub fn text(&self, locale: Locale) -> String {
        match (self, locale) {
            (Complaint::Refused(refusal), Locale::En) => sentence(&refusal.to_string()),
            (Complaint::Refused(refusal), Locale::Hi) => refusal.hindi(),
            // "Already exists": the server's own words say it all (the generic text for a
            // conflict speaks of a record changed meanwhile).
            (Complaint::Server(ApiError::Problem(problem)), _) if problem.code == ErrorCode::Conflict => {
                match (locale, problem.detail_hi.as_deref()) {
                    (Locale::Hi, Some(hindi)) if !hindi.trim().is_empty() => hindi.to_owned(),
                    _ => sentence(&problem.detail),
                }
            }
            (Complaint::Server(error), _) => refusal_text(locale, error),
            (Complaint::Said { en, .. }, Locale::En) => en.clone(),
            (Complaint::Said { hi, .. }, Locale::Hi) => hi.clone(),
        }
    }
}

/// The domain's messages start in lower case, to be embedded; on their own they are sentences.
fn sentence(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// A complaint about one field of a form (`None`: about the whole form).
#[derive(Debug, Clone)]
pub struct FieldProblem {
    pub field: Option<String>,
    pub complaint: Complaint,
}

/// What the page says after a write: done, or someone else changed the record first.
#[derive(Debug, Clone, Copy)]
enum Said {
    Done(fn(&Texts) -> &'static str),
    Stale,
}

/// A page's lists and its status line: every successful write, and every write refused
/// because someone else changed the record first, reads the lists again.
#[derive(Clone, Copy)]
pub struct Outcome {
    generation: RwSignal<u32>,
    said: RwSignal<Option<Said>>,
}

impl Outcome {
    /// Creates the page's outcome and shares it with the forms on the page.
    pub fn provide() -> Self {
        let outcome = Outcome {
            generation: RwSignal::new(0),
            said: RwSignal::new(None),
        };
        provide_context(outcome);
        outcome
    }

    /// Subscribes a resource to reloads.
    pub fn track(&self) {
        self.generation.track();
    }

    pub fn reload(&self) {
        self.generation.update(|g| *g = g.wrapping_add(1));
    }

    fn say(&self, said: Option<Said>) {
        self.said.set(said);
    }
}

/// The page's status line: a polite "Saved." or the warning that someone else was first.
#[component]
pub(crate) fn OutcomeLine(outcome: Outcome) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="admin-outcome" aria-live="polite">
            {move || outcome.said.get().map(|said| match said {
                Said::Done(text) => view! { <p class="notice notice-success" role="status">{i18n.text(text)}</p> }.into_any(),
                Said::Stale => view! { <p class="notice notice-warning" role="alert">{i18n.text(|t| t.admin.stale)}</p> }.into_any(),
            })}
        </div>
    }
}

/// One form's state: its problems, whether it is sending, and the idempotency key of its last
/// submission. `prefix` keeps its element IDs apart from other forms on the page.
#[derive(Clone, Copy)]
pub struct AdminForm {
    prefix: StoredValue<String>,
    problems: RwSignal<Vec<FieldProblem>>,
    pub busy: RwSignal<bool>,
    keys: StoredValue<SubmissionKeys>,
    outcome: Outcome,
    i18n: I18n,
    /// For a form that creates a record, the field a 409 is about: the record exists already.
    /// Elsewhere a 409 means someone else changed the record first.
    exists_field: Option<&'static str>,
}

impl AdminForm {
    /// Call inside the component that owns the form, on a page that provided an [`Outcome`].
    pub fn new(prefix: impl Into<String>) -> Self {
        AdminForm {
            prefix: StoredValue::new(prefix.into()),
            problems: RwSignal::new(Vec::new()),
            busy: RwSignal::new(false),
            keys: StoredValue::new(SubmissionKeys::default()),
            outcome: expect_context::<Outcome>(),
            i18n: use_i18n(),
            exists_field: None,
        }
    }

    /// A form that creates a record whose code is `field`: a 409 says that code is taken.
    pub fn creating(mut self, field: &'static str) -> Self {
        self.exists_field = Some(field);
        self
    }

    /// The element ID of one of the form's fields.
    pub fn id(&self, field: &str) -> String {
        format!("{}-{field}", self.prefix.get_value())
    }

    /// The complaint about `field`, in the reader's language (tracked).
    pub fn message(&self, field: &str) -> Option<String> {
        let locale = self.i18n.locale();
        self.problems.with(|problems| {
            problems
                .iter()
                .find(|p| p.field.as_deref() == Some(field))
                .map(|p| p.complaint.text(locale))
        })
    }

    pub fn invalid(&self, field: &str) -> bool {
        self.problems
            .with(|problems| problems.iter().any(|p| p.field.as_deref() == Some(field)))
    }

    pub fn clear(&self) {
        self.problems.set(Vec::new());
    }

    /// Adds a complaint; when every check has had its say, [`AdminForm::passes`] tells.
    pub fn complain(&self, field: Option<&str>, complaint: Complaint) {
        self.problems.update(|problems| {
            problems.push(FieldProblem {
                field: field.map(str::to_owned),
                complaint,
            })
        });
    }

    /// Shows a refusal of the domain's parse beside its field.
    pub fn refuse(&self, refusal: AdminRefusal) {
        self.clear();
        self.complain(refusal.field(), Complaint::Refused(refusal));
        self.focus_first();
    }

    /// Whether the checks so far found nothing; otherwise moves focus to the first bad field.
    pub fn passes(&self) -> bool {
        let clean = self.problems.with_untracked(Vec::is_empty);
        if !clean {
            self.focus_first();
        }
        clean
    }

    fn focus_first(&self) {
        let first = self
            .problems
            .with_untracked(|problems| problems.iter().find_map(|p| p.field.clone()));
        if let Some(field) = first {
            focus(&self.id(&field));
        }
    }

    /// Sends `body` with `call`, keeping its idempotency key while a retry could repeat it. On
    /// success runs `then`, says `done` and reloads the page's lists; a 409 reloads them and
    /// says someone else was first; any other refusal is shown beside its field.
    pub fn send<B, F, Fut>(self, body: B, call: F, done: fn(&Texts) -> &'static str, then: impl FnOnce() + 'static)
    where
        B: Serialize + 'static,
        F: FnOnce(B, IdempotencyKey) -> Fut + 'static,
        Fut: Future<Output = ApiResult<()>> + 'static,
    {
        if self.busy.get_untracked() {
            return;
        }
        self.clear();
        let key = self
            .keys
            .try_update_value(|keys| keys.key_for(&body, api::new_idempotency_key))
            .unwrap_or_else(api::new_idempotency_key);
        self.busy.set(true);
        self.outcome.say(None);
        spawn_local(async move {
            let result = call(body, key).await;
            self.keys.update_value(|keys| keys.settle(&result));
            self.busy.set(false);
            match result {
                Ok(()) => {
                    then();
                    self.outcome.say(Some(Said::Done(done)));
                    self.outcome.reload();
                }
                Err(error) if error.code() == Some(ErrorCode::Conflict) && self.exists_field.is_none() => {
                    self.outcome.say(Some(Said::Stale));
                    self.outcome.reload();
                }
                Err(error) => {
                    let field = match error.code() {
                        Some(ErrorCode::Conflict) => self.exists_field.map(str::to_owned),
                        _ => error.field().map(str::to_owned),
                    };
                    self.complain(field.as_deref(), Complaint::Server(error));
                    self.focus_first();
                }
            }
        });
    }

    /// Sends a new record; once it is added, says so and empties `fields` for the next one.
    pub fn add<B, F, Fut>(self, body: B, call: F, fields: Vec<RwSignal<String>>)
    where
        B: Serialize + 'static,
        F: FnOnce(B, IdempotencyKey) -> Fut + 'static,
        Fut: Future<Output = ApiResult<()>> + 'static,
    {
        self.send(
            body,
            call,
            |t| t.admin.added,
            move || {
                for field in fields {
                    field.set(String::new());
                }
            },
        );
    }
}

/// The form's error summary: what is wrong, announced when it appears. Complaints about fields
/// are also shown beside them.
#[component]
pub(crate) fn Problems(form: AdminForm) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="form-alert" role="alert">
            {move || {
                let problems = form.problems.get();
                (!problems.is_empty()).then(|| {
                    let locale = i18n.locale();
                    let about_fields = problems.iter().any(|p| p.field.is_some());
                    let items = problems
                        .iter()
                        .map(|p| view! { <li>{p.complaint.text(locale)}</li> })
                        .collect_view();
                    view! {
                        <div class="notice notice-error">
                            {about_fields.then(|| view! { <p>{i18n.t().err_form}</p> })}
                            <ul class="admin-problems">{items}</ul>
                        </div>
                    }
                })
            }}
        </div>
    }
}

/// The complaint under a field; always present so `aria-describedby` can point at it.
pub(crate) fn field_error(form: AdminForm, field: impl Into<String>) -> impl IntoView {
    let field = field.into();
    let id = format!("{}-error", form.id(&field));
    view! { <p id=id class="field-error">{move || form.message(&field)}</p> }
}

/// `aria-describedby` of a field: its hint, if it has one, and its complaint.
pub(crate) fn described(form: AdminForm, field: &str, hint: bool) -> String {
    let id = form.id(field);
    crate::components::fields::described_by(&id, hint)
}

/// A labelled text field bound to `value`, with an optional hint and its complaint.
pub(crate) fn text_field(
    form: AdminForm,
    field: &'static str,
    label: fn(&Texts) -> &'static str,
    value: RwSignal<String>,
    hint: Option<fn(&Texts) -> &'static str>,
    lang: Option<&'static str>,
) -> impl IntoView {
    let i18n = use_i18n();
    let id = form.id(field);
    let hint_view = hint.map(|hint| view! { <p id=format!("{id}-hint") class="hint">{i18n.text(hint)}</p> });
    view! {
        <div class="field">
            <label for=id.clone()>{i18n.text(label)}</label>
            {hint_view}
            {input(form, field.to_owned(), value, hint.is_some(), lang)}
        </div>
    }
}

/// A text input bound to `value`, described by its hint (if `hinted`) and its complaint, which
/// follows it. Codes (no `lang`) are shown as codes.
pub(crate) fn input(
    form: AdminForm,
    field: String,
    value: RwSignal<String>,
    hinted: bool,
    lang: Option<&'static str>,
) -> impl IntoView {
    let id = form.id(&field);
    let code = lang.is_none();
    let invalid = {
        let field = field.clone();
        move || form.invalid(&field).to_string()
    };
    view! {
        <input id=id type="text" autocomplete="off" lang=lang class:input-code=code
            aria-describedby=described(form, &field, hinted)
            aria-invalid=invalid
            prop:value=move || value.get() on:input=move |ev| value.set(event_target_value(&ev))/>
        {field_error(form, field)}
    }
}

/// A label of a field or column, in the reader's language.
pub(crate) type Label = fn(&Texts) -> &'static str;

/// An English and a Hindi field side by side; `fields` name them as the form does.
pub(crate) fn bilingual_fields(
    form: AdminForm,
    fields: (&'static str, &'static str),
    labels: (Label, Label),
    en: RwSignal<String>,
    hi: RwSignal<String>,
) -> impl IntoView {
    view! {
        <div class="field-row">
            {text_field(form, fields.0, labels.0, en, None, Some("en"))}
            {text_field(form, fields.1, labels.1, hi, None, Some("hi"))}
        </div>
    }
}

/// The English and Hindi name fields every organisation form has.
pub(crate) fn name_fields(
    form: AdminForm,
    en: RwSignal<String>,
    hi: RwSignal<String>,
    renaming: bool,
) -> impl IntoView {
    let labels: (Label, Label) = if renaming {
        (|t| t.admin.new_name_en, |t| t.admin.new_name_hi)
    } else {
        (|t| t.admin.name_en, |t| t.admin.name_hi)
    };
    bilingual_fields(form, ("name_en", "name_hi"), labels, en, hi)
}

/// Shows the page to administrators and tells anyone else they may not use it.
#[component]
pub(crate) fn AdminOnly(children: ChildrenFn) -> impl IntoView {
    let i18n = use_i18n();
    let admin = use_is_admin();
    view! {
        <Show when=admin fallback=move || view! {
            <section class="page admin-page">
                <h1>{i18n.text(|t| t.admin.title)}</h1>
                <p class="notice notice-error" role="alert">{i18n.text(|t| t.admin.forbidden)}</p>
            </section>
        }>
            {children()}
        </Show>
    }
}

/// A row's button that opens (or closes) its inline form, moving focus to the form's `first`
/// element; which row's form is open is `open`. Its name says which row (`named`, with the
/// row's `name` in place of `placeholder`).
pub(crate) fn row_toggle(
    open: RwSignal<Option<String>>,
    key: String,
    text: Label,
    named: Label,
    placeholder: &'static str,
    name: impl Fn() -> String + Send + Sync + 'static,
    first: String,
) -> impl IntoView {
    let i18n = use_i18n();
    let expanded = {
        let key = key.clone();
        move || (open.get().as_deref() == Some(key.as_str())).to_string()
    };
    let id = format!("toggle-{key}");
    let toggle = move |_| {
        let opening = open.with_untracked(|open| open.as_deref() != Some(key.as_str()));
        open.set(opening.then(|| key.clone()));
        if opening {
            let first = first.clone();
            request_animation_frame(move || focus(&first));
        }
    };
    view! {
        <button type="button" id=id class="button-secondary button-small" aria-expanded=expanded
            aria-label=move || named(i18n.t()).replace(placeholder, &name()) on:click=toggle>
            {i18n.text(text)}
        </button>
    }
}

/// The inline form under a row that renames a department, office or section.
#[component]
pub(crate) fn RenameRow(
    what: Renamed,
    version: u64,
    name_en: String,
    name_hi: String,
    colspan: u8,
    open: RwSignal<Option<String>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let form = AdminForm::new(format!("rename-{}", what.code()));
    let en = RwSignal::new(name_en);
    let hi = RwSignal::new(name_hi);
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let body = RenameForm {
            version,
            name_en: en.get_untracked(),
            name_hi: hi.get_untracked(),
        };
        if let Err(refusal) = body.parse() {
            form.refuse(refusal);
            return;
        }
        let what = what.clone();
        form.send(
            body,
            move |body, key| async move { api::admin::rename(&what, &body, &key).await },
            |t| t.admin.saved,
            move || open.set(None),
        );
    };
    view! {
        <tr class="admin-edit-row">
            <td colspan=colspan>
                <form class="admin-inline-form" on:submit=submit on:keydown=close_on_escape(open) novalidate=true>
                    <Problems form/>
                    {name_fields(form, en, hi, true)}
                    <div class="actions">
                        <button type="submit" class="button-primary" disabled=move || form.busy.get()>{i18n.text(|t| t.admin.save_name)}</button>
                        <button type="button" class="button-secondary" on:click=move |_| close_row(open)>{i18n.text(|t| t.cancel)}</button>
                    </div>
                </form>
            </td>
        </tr>
    }
}

/// A department's, office's or section's row: its code (a link to what it holds, if `href`),
/// its names, any `further` cells, the rename button, and under it the rename form when open.
pub(crate) fn named_row(
    what: Renamed,
    version: u64,
    names: (String, String),
    href: Option<String>,
    further: impl IntoView,
    open: RwSignal<Option<String>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let code = what.code();
    // Every column: code, two names, the further cells and the actions.
    let colspan = 4 + u8::from(matches!(what, Renamed::Department(_) | Renamed::Office(_)));
    let label = {
        let names = names.clone();
        move || i18n.pick(&names.0, &names.1).to_owned()
    };
    let editing = {
        let (code, names) = (code.clone(), names.clone());
        move || {
            is_open(open, &code).then(|| {
                view! {
                    <RenameRow what=what.clone() version name_en=names.0.clone() name_hi=names.1.clone() colspan open/>
                }
            })
        }
    };
    let first = format!("rename-{code}-name_en");
    let heading = match href {
        Some(href) => {
            let text = code.clone();
            view! { <A href=href>{text}</A> }.into_any()
        }
        None => code.clone().into_any(),
    };
    view! {
        <tr>
            <th scope="row" class="code">{heading}</th>
            <td lang="en" data-label=i18n.text(|t| t.admin.name_en)>{names.0}</td>
            <td lang="hi" data-label=i18n.text(|t| t.admin.name_hi)>{names.1}</td>
            {further}
            <td data-label=i18n.text(|t| t.admin.col_actions)>
                {row_toggle(open, code, |t| t.admin.rename, |t| t.admin.rename_named, "{name}", label, first)}
            </td>
        </tr>
        {editing}
    }
}

/// A list as a table headed by `columns` and named by the element `labelled_by`, one `row`
/// (or more) per item; `empty` when there is none.
pub(crate) fn admin_table<T, V>(
    list: Vec<T>,
    labelled_by: &'static str,
    columns: Vec<Label>,
    empty: Label,
    row: impl Fn(T) -> V,
) -> AnyView
where
    V: IntoView + 'static,
{
    let i18n = use_i18n();
    if list.is_empty() {
        return view! { <p class="empty-state">{i18n.text(empty)}</p> }.into_any();
    }
    let rows = list.into_iter().map(row).collect_view();
    view! {
        <div class="table-scroll">
            <table class="data-table admin-table" aria-labelledby=labelled_by>
                <TableHead columns/>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
    .into_any()
}

/// Closes the open inline form and gives focus back to the button that opened it.
pub(crate) fn close_row(open: RwSignal<Option<String>>) {
    if let Some(key) = open.get_untracked() {
        open.set(None);
        request_animation_frame(move || focus(&format!("toggle-{key}")));
    }
}

/// Escape closes an inline form, as it would a dialog.
pub(crate) fn close_on_escape(open: RwSignal<Option<String>>) -> impl Fn(leptos::ev::KeyboardEvent) {
    move |ev| {
        if ev.key() == "Escape" {
            ev.prevent_default();
            close_row(open);
        }
    }
}

/// Whether the inline form of the row `key` is open (tracked).
pub(crate) fn is_open(open: RwSignal<Option<String>>, key: &str) -> bool {
    open.with(|open| open.as_deref() == Some(key))
}

#[cfg(test)]
mod tests {
    use super::*;
    use daftar_domain::admin::DepartmentForm;
    use daftar_domain::org::DeptKind;

    #[test]
    fn a_refusal_reads_as_a_sentence_in_english_and_in_hindi() {
        let refusal = DepartmentForm {
            code: "A".into(),
            name_en: "Agriculture".into(),
            name_hi: "कृषि".into(),
            kind: DeptKind::Department,
        }
        .parse()
        .unwrap_err();
        let complaint = Complaint::Refused(refusal);
        let english = complaint.text(Locale::En);
        assert!(english.starts_with(char::is_uppercase), "{english}");
        assert!(complaint.text(Locale::Hi).contains("कोड"));
    }

    #[test]
    fn the_apps_own_complaints_follow_the_language() {
        let complaint = Complaint::said(|t| t.admin.bad_days.to_owned());
        assert_eq!(complaint.text(Locale::En), Locale::En.texts().admin.bad_days);
        assert_eq!(complaint.text(Locale::Hi), Locale::Hi.texts().admin.bad_days);
    }
}
