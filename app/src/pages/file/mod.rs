//! e-File: one file's page (header, actions, note sheet, correspondence), where it has been, and
//! its note sheet laid out for printing.

mod actions;
mod correspondence;
mod drafts;
mod family;
mod notes;
mod print;
mod track;

pub use print::FilePrintPage;
pub use track::FileTrackPage;

use super::inbox::post_label;
use super::use_page_title;
use crate::api::{self, ApiError, ApiResult, SubmissionKeys};
use crate::components::{error_text, AttachmentList, ErrorList, Loading, PriorityBadge};
use crate::format::{human_date, human_local};
use crate::i18n::{use_i18n, I18n, Texts};
use crate::session::use_session;
use actions::ActionBar;
use correspondence::CorrespondencePanel;
use daftar_domain::file::{FileCategory, FileStatus, Move};
use daftar_domain::handling::{Classification, Medium};
use daftar_domain::wire::{ErrorCode, FileView, Me, MoveRequest, PostSummary};
use daftar_domain::{FileId, IdempotencyKey, PostId};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;
use notes::NoteSheet;
use serde::Serialize;
use std::future::Future;

/// The file ID in the address, if it is well formed.
fn use_file_id() -> Memo<Option<FileId>> {
    let params = use_params_map();
    Memo::new(move |_| params.with(|p| p.get("id")).and_then(|raw| FileId::parse(&raw).ok()))
}

/// What a page about one file shows when its address names no file.
#[component]
fn InvalidFileId() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="page">
            <h1>{i18n.text(|t| t.file_title)}</h1>
            <p class="notice notice-error">{i18n.text(|t| t.invalid_file_id)}</p>
        </section>
    }
}

/// The file page, for `/files/:id`.
#[component]
pub fn FilePage() -> impl IntoView {
    let id = use_file_id();
    use_page_title(|t| t.file_title);
    move || match id.get() {
        Some(id) => view! { <FileScreen id/> }.into_any(),
        None => view! { <InvalidFileId/> }.into_any(),
    }
}

/// The file on screen, shared by the parts of its page. Each action answers with the file as it
/// now is, which replaces the one shown (and with it the version the next action sends).
#[derive(Clone, Copy)]
pub struct FileState {
    id: StoredValue<FileId>,
    file: LocalResource<ApiResult<FileView>>,
    /// Set when an action redraws the header and actions, so the new header takes keyboard focus
    /// instead of letting it fall to the top of the document.
    refocus: StoredValue<bool>,
}

impl FileState {
    fn new(id: FileId) -> Self {
        let file = LocalResource::new({
            let id = id.clone();
            move || {
                let id = id.clone();
                async move { api::file(&id).await }
            }
        });
        FileState {
            id: StoredValue::new(id),
            file,
            refocus: StoredValue::new(false),
        }
    }

    pub fn id(&self) -> FileId {
        self.id.get_value()
    }

    /// Reads the loaded file (tracked); `None` while loading or after a failure.
    pub fn with<U>(&self, f: impl FnOnce(&FileView) -> U) -> Option<U> {
        self.file
            .with(|loaded| loaded.as_ref().and_then(|r| r.as_ref().ok()).map(f))
    }

    /// The version of the file on screen, which every change is conditional on.
    pub fn version(&self) -> u64 {
        self.file
            .with_untracked(|loaded| loaded.as_ref().and_then(|r| r.as_ref().ok()).map(|v| v.file.version))
            .unwrap_or_default()
    }

    /// Shows the file an action answered with.
    pub fn replace(&self, view: FileView) {
        self.file.set(Some(Ok(view)));
    }

    /// Shows the file a move answered with and focuses its redrawn heading.
    pub fn replace_and_refocus(&self, view: FileView) {
        self.refocus.set_value(true);
        self.replace(view);
    }

    pub fn reload(&self) {
        self.file.refetch();
    }
}

/// Whether the signed-in official holds this post.
pub(crate) fn holds(me: Option<&Me>, post: &PostId) -> bool {
    me.is_some_and(|me| me.posts.iter().any(|p| &p.id == post))
}

/// The page for one well-formed file ID.
#[component]
fn FileScreen(id: FileId) -> impl IntoView {
    let session = use_session();
    let state = FileState::new(id);

    // A file that has just arrived is marked opened as soon as its holder looks at it: from then
    // on the sender can no longer recall it. Tried once per visit.
    let open_tried = StoredValue::new(false);
    Effect::new(move |_| {
        let Some((holder, opened, version, medium)) =
            state.with(|v| (v.file.holder.clone(), v.file.opened, v.file.version, v.file.medium))
        else {
            return;
        };
        if open_tried.get_value() {
            return;
        }
        open_tried.set_value(true);
        // A paper file is marked received by hand, when the paper has actually arrived.
        if opened || medium != Medium::Electronic || !holds(session.me().as_ref(), &holder) {
            return;
        }
        let request = MoveRequest {
            version,
            order: Move::Open,
        };
        let id = state.id();
        spawn_local(async move {
            // Opening only marks the file as read; if it fails (someone acted first), the file
            // shown stays as it was and the next action's answer brings it up to date.
            if let Ok(opened) = api::move_file(&id, &request, &api::new_idempotency_key()).await {
                state.replace(opened);
            }
        });
    });

    let loaded = move || state.with(|_| ()).is_some();
    let retry = Callback::new(move |_: ()| state.reload());

    view! {
        <article class="page file-page">
            <Transition fallback=Loading>
                <ErrorBoundary fallback=move |errors| view! { <ErrorList errors retry/> }>
                    {move || Suspend::new(async move {
                        state.file.await.map(|view| view! {
                            <FileHeader view=view.clone() state/>
                            <ActionBar view state/>
                        })
                    })}
                </ErrorBoundary>
            </Transition>
            <Show when=loaded>
                <FileBody state/>
            </Show>
        </article>
    }
}

/// The note sheet and the correspondence of a loaded file. They are not redrawn with the header
/// after each action (which would lose a note being typed); they refetch what changed.
#[component]
fn FileBody(state: FileState) -> impl IntoView {
    // The note sheet follows every change of version (a note written, edited, signed or
    // discarded); the correspondence only changes when a receipt or a link is added.
    let version = Memo::new(move |_| state.with(|v| v.file.version));
    let receipts_in = Memo::new(move |_| state.with(|v| v.file.receipts.len()));
    let links_in = Memo::new(move |_| state.with(|v| v.file.links.len()));
    let id = state.id();
    let notes = LocalResource::new({
        let id = id.clone();
        move || {
            version.track();
            let id = id.clone();
            async move { api::notes(&id).await }
        }
    });
    let receipts = LocalResource::new({
        let id = id.clone();
        move || {
            receipts_in.track();
            let id = id.clone();
            async move { api::correspondence(&id).await }
        }
    });
    let links = LocalResource::new(move || {
        links_in.track();
        let id = id.clone();
        async move { api::links(&id).await }
    });
    view! {
        <div class="file-layout">
            <NoteSheet state notes receipts/>
            <CorrespondencePanel receipts links/>
        </div>
        <drafts::DraftsPanel state/>
        <family::FamilyPanel state/>
    }
}

/// The name of a post's holder, or "vacant" (tracked).
fn holder_name(i18n: I18n, post: &PostSummary) -> String {
    match (&post.holder_name_en, &post.holder_name_hi) {
        (Some(en), hi) => i18n.pick(en, hi.as_deref().unwrap_or(en)).to_owned(),
        _ => i18n.t().vacant.to_owned(),
    }
}

/// A file's status as a badge.
#[component]
pub fn StatusBadge(status: FileStatus) -> impl IntoView {
    let i18n = use_i18n();
    let class = match status {
        FileStatus::Active => "badge badge-active",
        FileStatus::Parked => "badge badge-parked",
        FileStatus::Closed | FileStatus::Merged => "badge badge-closed",
    };
    view! { <span class=class>{move || i18n.t().file_status(status)}</span> }
}

/// The file's number, subject and where it stands.
#[component]
fn FileHeader(view: FileView, state: FileState) -> impl IntoView {
    let i18n = use_i18n();
    Effect::new(move |_| {
        if state.refocus.get_value() {
            state.refocus.set_value(false);
            crate::components::fields::focus("file-heading");
        }
    });
    let file = view.file;
    let holder = view.holder_post;
    let (status, category, priority): (FileStatus, FileCategory, _) = (file.status, file.category, file.priority);
    let (classification, medium) = (file.classification, file.medium);
    let due = file.due_date.map(human_date);
    let id = file.id.to_string();
    let old_number = file.old_number.as_ref().map(ToString::to_string);
    let scans = (!file.scans.is_empty()).then(|| {
        view! {
            <section class="attachments" aria-labelledby="scans-heading">
                <h2 id="scans-heading">{i18n.text(|t| t.scanned_volumes)}</h2>
                <AttachmentList base=format!("/api/v1/files/{id}/scans") attachments=file.scans.clone()/>
            </section>
        }
    });
    let item = |label: fn(&Texts) -> &'static str, value: AnyView| {
        view! {
            <div class="details-item">
                <dt>{i18n.text(label)}</dt>
                <dd>{value}</dd>
            </div>
        }
    };
    let holder_line = {
        let holder = holder.clone();
        move || format!("{} ({})", post_label(i18n, &holder), holder_name(i18n, &holder))
    };
    view! {
        <header class="file-header">
            <h1 id="file-heading" tabindex="-1">
                {i18n.text(|t| t.file_title)} " "
                <span class="file-number">{file.number.text.clone()}</span>
            </h1>
            <p class="subject-line">{file.subject.to_string()}</p>
            <p class="file-links">
                <A href=format!("/files/{id}/track")>{i18n.text(|t| t.where_is_file)}</A>
                <A href=format!("/files/{id}/print")>{i18n.text(|t| t.print_note_sheet)}</A>
            </p>
            <dl class="details">
                {item(|t| t.status, view! {
                    <span class="badges">
                        <StatusBadge status/>
                        {(medium == Medium::Physical).then(|| view! { <span class="badge badge-normal">{move || i18n.t().medium_note}</span> })}
                        {(classification != Classification::Normal).then(|| view! {
                            <span class="badge badge-immediate">{move || i18n.t().classification(classification)}</span>
                        })}
                    </span>
                }.into_any())}
                {item(|t| t.category, view! { <span>{move || i18n.t().file_category(category)}</span> }.into_any())}
                {item(|t| t.subject_head, view! { <span class="code">{file.head.to_string()}</span> }.into_any())}
                {old_number.map(|number| item(|t| t.old_number, view! { <span class="code">{number}</span> }.into_any()))}
                {item(|t| t.now_with, view! {
                    <span>{holder_line}<br/><span class="code">{file.holder.to_string()}</span></span>
                }.into_any())}
                {item(|t| t.held_since, view! { <span>{human_local(file.held_since)}</span> }.into_any())}
                {item(|t| t.priority, view! { <PriorityBadge priority/> }.into_any())}
                {item(|t| t.due_date, view! { <span>{move || due.clone().unwrap_or_else(|| i18n.t().none.to_owned())}</span> }.into_any())}
            </dl>
            {scans}
        </header>
    }
}

/// One file action's submission: its idempotency key, whether it is under way, and how it failed.
#[derive(Debug, Clone, Copy)]
pub struct Submission {
    pub pending: RwSignal<bool>,
    pub failure: RwSignal<Option<ApiError>>,
    keys: StoredValue<SubmissionKeys>,
}

impl Default for Submission {
    fn default() -> Self {
        Self::new()
    }
}

impl Submission {
    pub fn new() -> Self {
        Submission {
            pending: RwSignal::new(false),
            failure: RwSignal::new(None),
            keys: StoredValue::new(SubmissionKeys::default()),
        }
    }

    /// Sends `body` with `call` (once at a time; a retry of the same body reuses its key), then
    /// hands the file the server answered with to `done`, or the failure to `failed` and shows it.
    pub fn run<B, Fut>(
        self,
        body: B,
        call: impl FnOnce(B, IdempotencyKey) -> Fut + 'static,
        done: impl FnOnce(FileView) + 'static,
        failed: impl FnOnce(&ApiError) + 'static,
    ) where
        B: Serialize + 'static,
        Fut: Future<Output = ApiResult<FileView>> + 'static,
    {
        if self.pending.get_untracked() {
            return;
        }
        self.failure.set(None);
        let key = self
            .keys
            .try_update_value(|keys| keys.key_for(&body, api::new_idempotency_key))
            .unwrap_or_else(api::new_idempotency_key);
        self.pending.set(true);
        spawn_local(async move {
            let result = call(body, key).await;
            self.keys.update_value(|keys| keys.settle(&result));
            self.pending.set(false);
            match result {
                Ok(view) => done(view),
                Err(error) => {
                    failed(&error);
                    self.failure.set(Some(error));
                }
            }
        });
    }
}

/// Why an action on the file failed, translated; for a refusal because the file changed or
/// stands otherwise than the page shows, a button to reload it. `invalid` adds the line that
/// points at the fields marked below.
#[component]
pub fn ActionFailure(
    submission: Submission,
    state: FileState,
    #[prop(optional, into)] invalid: Option<Signal<bool>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let message = move || {
        let t = i18n.t();
        let Some(error) = submission.failure.get() else {
            return invalid
                .is_some_and(|invalid| invalid.get())
                .then(|| view! { <div class="notice notice-error"><p>{t.err_form}</p></div> }.into_any());
        };
        if error.field().is_some() && invalid.is_some_and(|invalid| invalid.get()) {
            // The field says what is wrong with it.
            return Some(view! { <div class="notice notice-error"><p>{t.err_form}</p></div> }.into_any());
        }
        let (text, reload) = match &error {
            ApiError::Problem(problem) if problem.code == ErrorCode::Conflict => {
                if problem.current_version.is_some() {
                    (t.err_file_changed, true)
                } else {
                    (t.err_file_refused, true)
                }
            }
            other => (error_text(t, other), false),
        };
        // The server's own sentence names the rule (in English); it helps more than a code.
        let detail = match &error {
            ApiError::Problem(problem)
                if matches!(
                    problem.code,
                    ErrorCode::Conflict | ErrorCode::Forbidden | ErrorCode::Invalid | ErrorCode::WrongState
                ) && problem.current_version.is_none() =>
            {
                Some(problem.detail.clone())
            }
            _ => None,
        };
        Some(
            view! {
                <div class="notice notice-error">
                    <p>{text}</p>
                    {detail.map(|detail| view! { <p class="problem-detail" lang="en">{detail}</p> })}
                    {reload.then(|| view! {
                        <button type="button" class="button-secondary" on:click=move |_| state.reload()>
                            {i18n.text(|t| t.reload_file)}
                        </button>
                    })}
                </div>
            }
            .into_any(),
        )
    };
    view! { <div class="form-alert" role="alert">{message}</div> }
}
