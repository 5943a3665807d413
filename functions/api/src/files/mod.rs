//! e-File: open files, write and sign notes, put receipts in, link, and move files between desks.
//!
//! Every change is one store transaction: the file (conditional on the version the official
//! saw), its sealed history entry, the desks' list rows, the pendency counters, whatever else the
//! action touches (a note, a receipt, the linked file) and the idempotency record all land
//! together or not at all. The rules are in [`daftar_domain::file`]; this module loads, asks,
//! and writes.

mod drafts;
pub(crate) mod routes;
pub(crate) mod views;
mod volumes;

use drafts::load_draft_version;
pub use drafts::{approve as approve_draft, issue as issue_draft, mark_dispatched, write_draft};
pub use routes::router;
pub use volumes::{merge, open_part, open_volume};

use crate::auth::CurrentUser;
use crate::counters::{Counted, Tally};
use crate::error::ApiError;
use crate::idempotency::{Idempotency, Outcome};
use crate::keys;
use crate::org::{load_post, StoredPost};
use crate::receipts::{self, backoff, inbox_key, load_receipt, movement_entry, movement_item, receipt_item};
use crate::state::AppState;
use axum::http::StatusCode;
use daftar_domain::auth::{authorize, Action, Resource};
use daftar_domain::file::{open_file, File, FileEvent, FileEventKind, FileNumber, FileRefusal, NewFile, Note};
use daftar_domain::file::{NumberParts, NumberingScheme};
use daftar_domain::local_time::office_date;
use daftar_domain::wire::{
    AttachReceiptRequest, CorrespondenceEntry, CreateFileRequest, DeskView, EditNoteRequest, FileEventEntry, FileRow,
    FileView, LinkFileRequest, LinkedFile, MoveRequest, NoteView, WriteNoteRequest,
};
use daftar_domain::{DeptCode, FileId, PostId};
use daftar_store::{Condition, Index, Item, SortRange, Store, StoreError, Write};
use rand::Rng;
use std::collections::HashMap;
use std::future::Future;
use time::OffsetDateTime;
pub use views::prefix as desk_prefix;

/// How often a file creation retries after losing the race for the next serial.
const NUMBER_ATTEMPTS: usize = 40;
/// How often an action retries after a transient transaction conflict.
const CONFLICT_ATTEMPTS: usize = 3;

fn refusal(refusal: FileRefusal) -> ApiError {
    use FileRefusal as R;
    match refusal {
        R::StaleVersion { current } => ApiError::Conflict {
            message: refusal.to_string(),
            current_version: Some(current),
        },
        R::NotWithYou | R::NotCreator | R::NotSender | R::NotSignatory | R::CannotSeeOther => {
            ApiError::NotPermitted(refusal.to_string())
        }
        R::Parked
        | R::Closed
        | R::NotParked
        | R::NotClosed
        | R::AlreadyOpened
        | R::DraftExists
        | R::Full
        | R::NotReceived
        | R::ReceiptNotReceived
        | R::Merged
        | R::CannotOpenPart
        | R::ContinuedInVolume => ApiError::WrongState(refusal.to_string()),
        R::SendToSelf => ApiError::invalid("to_post", refusal),
        R::DueDateInPast => ApiError::invalid("due_date", refusal),
        R::NoSuchDraft => ApiError::invalid("note", refusal),
        R::BadReference | R::TooManyReferences => ApiError::invalid("refs", refusal),
        R::ReceiptNotHere | R::ReceiptAlreadyFiled => ApiError::invalid("receipt", refusal),
        R::LinkToSelf | R::AlreadyLinked => ApiError::invalid("other", refusal),
        R::CannotMerge => ApiError::invalid("part", refusal),
        R::TooManyAttachments => ApiError::invalid("attachments", refusal),
        R::NoSuchEnclosure => ApiError::invalid("drop_enclosures", refusal),
        R::BadAddressees => ApiError::invalid("letter.addressees", refusal),
        R::DraftIssued | R::AlreadyApproved | R::NotApproved | R::AlreadyDispatched => {
            ApiError::WrongState(refusal.to_string())
        }
    }
}

pub(crate) fn new_file_id(year: i32) -> FileId {
    let n: u64 = rand::thread_rng().gen();
    FileId::parse(&format!("F-{year}-{n:016X}")).expect("generated file ids are well formed")
}

fn file_item(file: &File) -> Item {
    Item::new(
        keys::file(&file.id),
        serde_json::to_value(file).expect("files serialise"),
    )
    .with_version(file.version)
}

fn json_item<T: serde::Serialize>(key: daftar_store::Key, value: &T) -> Item {
    Item::new(key, serde_json::to_value(value).expect("wire types serialise"))
}

/// Posts looked up while preparing one change, each read once.
struct Posts<'a> {
    store: &'a dyn Store,
    seen: HashMap<PostId, StoredPost>,
}

impl<'a> Posts<'a> {
    fn new(store: &'a dyn Store) -> Self {
        Self {
            store,
            seen: HashMap::new(),
        }
    }

    async fn get(&mut self, id: &PostId) -> Result<StoredPost, ApiError> {
        if let Some(post) = self.seen.get(id) {
            return Ok(post.clone());
        }
        let post = load_post(self.store, id).await?.ok_or(ApiError::NotFound("post"))?;
        self.seen.insert(id.clone(), post.clone());
        Ok(post)
    }
}

/// Loads a file, or 404.
pub async fn load_file(store: &dyn Store, id: &FileId) -> Result<File, ApiError> {
    let item = store.get(&keys::file(id)).await?.ok_or(ApiError::NotFound("file"))?;
    Ok(item.parse()?)
}

/// Loads a file the caller may read: 404 if there is none, 403 if neither it nor the main file
/// it was merged into ever passed their desks.
pub async fn load_viewable_file(state: &AppState, user: &CurrentUser, id: &FileId) -> Result<File, ApiError> {
    let file = load_file(state.store.as_ref(), id).await?;
    let denied = match authorize(&user.actor, Action::ViewFile, file.as_resource()) {
        Ok(()) => return Ok(file),
        Err(denied) => denied,
    };
    match &file.family.merged_into {
        Some(main) => {
            let main = load_file(state.store.as_ref(), main).await?;
            authorize(&user.actor, Action::ViewFile, main.as_resource())?;
            Ok(file)
        }
        None => Err(denied.into()),
    }
}

/// The file as the caller sees it.
pub async fn view(state: &AppState, user: &CurrentUser, file: File) -> Result<FileView, ApiError> {
    let holder_post = load_post(state.store.as_ref(), &file.holder)
        .await?
        .ok_or(ApiError::NotFound("post"))?
        .summary();
    Ok(FileView {
        allowed: file.allowed(&user.actor),
        file,
        holder_post,
    })
}

/// One file's change within a transaction.
struct Step {
    /// The file as loaded; `None` when it is being created.
    before: Option<File>,
    after: File,
    event: Option<FileEvent>,
    /// The diary number of a receipt the event names; a file it names is another step.
    receipt_number: Option<String>,
}

impl Step {
    fn created(after: File, event: FileEvent) -> Self {
        Self {
            before: None,
            after,
            event: Some(event),
            receipt_number: None,
        }
    }

    fn changed(before: &File, after: File, event: Option<FileEvent>) -> Self {
        Self {
            before: Some(before.clone()),
            after,
            event,
            receipt_number: None,
        }
    }

    /// What the other file or receipt that this step's event names is called.
    fn other_name(&self, event: &FileEvent, steps: &[Step]) -> Option<String> {
        match &event.kind {
            FileEventKind::ReceiptAttached { .. } => self.receipt_number.clone(),
            FileEventKind::Linked { other }
            | FileEventKind::Merged { part: other }
            | FileEventKind::MergedInto { main: other }
            | FileEventKind::ContinuedIn { volume: other }
            | FileEventKind::PartOpened { part: other } => steps
                .iter()
                .find(|step| &step.after.id == other)
                .map(|step| step.after.number.text.clone()),
            _ => None,
        }
    }
}

/// How one attempt at an action ended.
enum Attempted {
    Finished(Box<Outcome<FileView>>),
    Refused(FileRefusal),
    /// A transient conflict in the store: try again from a fresh read.
    Raced,
}

/// Runs an action's attempts until one finishes. A refusal for a stale version is first checked
/// against the idempotency record: a retry of a request that already went through finds the file
/// moved on by itself, and is answered as the first time.
async fn run<F, Fut>(state: &AppState, idempotency: &Idempotency, attempt: F) -> Result<Outcome<FileView>, ApiError>
where
    F: FnMut() -> Fut,
    Fut: Future<Output = Result<Attempted, ApiError>>,
{
    run_racing(state, idempotency, CONFLICT_ATTEMPTS, attempt).await
}

/// [`run`] for actions that race other desks for a register number, and so may lose many times.
async fn run_racing<F, Fut>(
    state: &AppState,
    idempotency: &Idempotency,
    attempts: usize,
    mut attempt: F,
) -> Result<Outcome<FileView>, ApiError>
where
    F: FnMut() -> Fut,
    Fut: Future<Output = Result<Attempted, ApiError>>,
{
    for round in 0..attempts {
        match attempt().await? {
            Attempted::Finished(outcome) => return Ok(*outcome),
            Attempted::Refused(refused @ FileRefusal::StaleVersion { .. }) => {
                if let Some(saved) = idempotency.saved(state.store.as_ref()).await? {
                    return Ok(Outcome::Replayed(saved));
                }
                return Err(refusal(refused));
            }
            Attempted::Refused(other) => return Err(refusal(other)),
            Attempted::Raced => backoff(round).await,
        }
    }
    Err(ApiError::Unavailable)
}

/// Writes the steps and `extra` in one transaction with the history entries, desk rows and
/// counters they imply. `extra` comes right after the files, so a failed condition's index
/// tells the caller which write lost: files first (`0..steps.len()`), then `extra` in order.
async fn commit(
    state: &AppState,
    user: &CurrentUser,
    steps: Vec<Step>,
    extra: Vec<Write>,
    idempotency: &Idempotency,
    status: StatusCode,
    now: OffsetDateTime,
) -> Result<Result<Outcome<FileView>, StoreError>, ApiError> {
    let store = state.store.as_ref();
    let mut posts = Posts::new(store);
    let mut writes: Vec<Write> = steps
        .iter()
        .map(|step| Write::Put {
            item: file_item(&step.after),
            condition: step
                .before
                .as_ref()
                .map_or(Condition::NotExists, |before| Condition::VersionIs(before.version)),
        })
        .collect();
    writes.extend(extra);
    let mut tally = Tally::default();
    for step in &steps {
        let after = &step.after;
        if let Some(event) = &step.event {
            let at = posts.get(&event.at_post).await?;
            let to_label = match &event.to_post {
                Some(to) => Some(posts.get(to).await?.label()),
                None => None,
            };
            let entry = FileEventEntry {
                event: event.clone(),
                by_name_en: user.record.employee.name_en.to_string(),
                by_name_hi: user.record.employee.name_hi.to_string(),
                at_label: at.label(),
                to_label,
                other_name: step.other_name(event, &steps),
            };
            writes.push(Write::Put {
                item: json_item(keys::file_event(&after.id, event.seq), &entry),
                condition: Condition::NotExists,
            });
            match &event.kind {
                FileEventKind::Sent => {
                    let to = event.to_post.clone().expect("a send names its receiver");
                    let to_label = posts.get(&to).await?.label();
                    let key = keys::desk_file(
                        &event.at_post,
                        views::prefix(DeskView::Sent),
                        receipts::unix_millis(event.at),
                        &after.id,
                    );
                    writes.push(Write::Put {
                        item: views::row_item(key, &views::row(after, event.at, Some((to, to_label)))),
                        condition: Condition::None,
                    });
                    tally.moved(Counted::Files, &at, now);
                }
                FileEventKind::Recalled => {
                    if let Some(send) = step.before.as_ref().and_then(|b| b.last_send.as_ref()) {
                        writes.push(Write::Delete {
                            key: keys::desk_file(
                                &send.from_post,
                                views::prefix(DeskView::Sent),
                                receipts::unix_millis(send.at),
                                &after.id,
                            ),
                            condition: Condition::None,
                        });
                    }
                }
                FileEventKind::Created { .. } => {
                    let key = keys::desk_file(
                        &event.at_post,
                        views::prefix(DeskView::Created),
                        receipts::unix_millis(event.at),
                        &after.id,
                    );
                    writes.push(Write::Put {
                        item: views::row_item(key, &views::row(after, event.at, None)),
                        condition: Condition::None,
                    });
                    tally.created(Counted::Files, &at, now);
                }
                _ => {}
            }
        }

        // The holder's row: replaced when the file moves or changes list, rewritten otherwise.
        let row_key = views::holder_row_key(after);
        if let Some(old_key) = step.before.as_ref().and_then(views::holder_row_key) {
            if Some(&old_key) != row_key.as_ref() {
                writes.push(Write::Delete {
                    key: old_key,
                    condition: Condition::None,
                });
            }
        }
        if let Some(row_key) = row_key {
            let came_from = match after.last_send.as_ref().filter(|s| s.from_post != after.holder) {
                Some(send) => Some((send.from_post.clone(), posts.get(&send.from_post).await?.label())),
                None => None,
            };
            writes.push(Write::Put {
                item: views::row_item(row_key, &views::row(after, after.held_since, came_from)),
                condition: Condition::None,
            });
        }

        let pending_before = match step.before.as_ref().and_then(|b| Some((b.pending_at()?, b.held_since))) {
            Some((post, since)) => Some((posts.get(post).await?, since)),
            None => None,
        };
        let pending_after = match after.pending_at() {
            Some(post) => Some((posts.get(post).await?, after.held_since)),
            None => None,
        };
        tally.pendency(
            Counted::Files,
            pending_before.as_ref().map(|(post, since)| (post, *since)),
            pending_after.as_ref().map(|(post, since)| (post, *since)),
            now,
        );
    }
    writes.extend(tally.into_writes());

    let main = &steps[0].after;
    let view = FileView {
        file: main.clone(),
        holder_post: posts.get(&main.holder).await?.summary(),
        allowed: main.allowed(&user.actor),
    };
    idempotency
        .commit(store, writes, status, view, now.unix_timestamp())
        .await
}

/// Maps an action's commit result: a lost condition is someone else's change (409 with the
/// file's current version when it was the file), a transaction conflict is retried.
fn settle(result: Result<Outcome<FileView>, StoreError>, files: usize) -> Result<Attempted, ApiError> {
    match result {
        Ok(outcome) => Ok(Attempted::Finished(Box::new(outcome))),
        Err(StoreError::ConditionFailed { index, current }) => Err(ApiError::Conflict {
            message: "someone else changed this file first; reload it".into(),
            current_version: current.filter(|_| index < files).map(|item| item.version),
        }),
        Err(StoreError::TransactionConflict) => Ok(Attempted::Raced),
        Err(other) => Err(other.into()),
    }
}

/// Opens a new file at one of the caller's posts, numbered by its department's scheme. Numbers
/// never repeat: the serial comes from a conditional counter and the number itself is claimed
/// with a write that fails if anyone holds it.
pub async fn create(
    state: &AppState,
    user: &CurrentUser,
    request: CreateFileRequest,
    idempotency: &Idempotency,
) -> Result<Outcome<FileView>, ApiError> {
    let store = state.store.as_ref();
    let post = load_post(store, &request.at_post)
        .await?
        .ok_or_else(|| ApiError::invalid("at_post", "no such post"))?;
    authorize(&user.actor, Action::CreateFile, Resource::Post(&post.post.id))?;
    let scheme = numbering_scheme(store, &post.post.dept).await?;
    let (scans, claims) = crate::uploads::claim(state, user, &request.scans, "scans").await?;
    // Serials skipped because their number was already taken (a scheme changed mid-year).
    let mut skipped = 0;
    for attempt in 0..NUMBER_ATTEMPTS {
        let now = state.now();
        let year = office_date(now).year();
        let counter_key = keys::file_counter(&post.post.dept, year);
        let counter = store.get(&counter_key).await?;
        let serial = u32::try_from(counter.as_ref().map_or(0, |c| c.count) + 1 + skipped)
            .map_err(|_| ApiError::Internal("file serial out of range".into()))?;
        let text = scheme.number(&NumberParts {
            dept: &post.post.dept,
            section: &post.post.section_in_office(),
            head: &request.head,
            serial,
            year,
        });
        let (file, event) = open_file(
            NewFile {
                id: new_file_id(year),
                number: FileNumber {
                    text: text.clone(),
                    dept: post.post.dept.clone(),
                    year,
                    serial,
                },
                subject: request.subject.clone(),
                category: request.category,
                head: request.head.clone(),
                at_post: &post.post,
                by: user.actor.employee.clone(),
                remarks: request.remarks.clone(),
                old_number: request.old_number.clone(),
                scans: scans.clone(),
                classification: request.classification,
                medium: request.medium,
            },
            now,
        )
        .map_err(refusal)?;
        let mut next_counter = Item::new(counter_key, serde_json::json!({ "dept": post.post.dept, "year": year }));
        next_counter.count = i64::from(serial);
        next_counter.version = counter.as_ref().map_or(1, |c| c.version + 1);
        let mut extra = vec![
            Write::Put {
                item: next_counter,
                condition: counter
                    .as_ref()
                    .map_or(Condition::NotExists, |c| Condition::VersionIs(c.version)),
            },
            Write::Put {
                item: json_item(keys::file_number(&text), &serde_json::json!({ "file_id": file.id })),
                condition: Condition::NotExists,
            },
        ];
        extra.extend(claims.iter().cloned());
        extra.extend(crate::search::index_file(&file));
        let step = Step::created(file, event);
        match commit(state, user, vec![step], extra, idempotency, StatusCode::CREATED, now).await? {
            Ok(outcome) => return Ok(outcome),
            // Another desk took this serial first: read the counter again.
            Err(StoreError::ConditionFailed { index: 1, .. } | StoreError::TransactionConflict) => {}
            Err(StoreError::ConditionFailed { index: 2, .. }) => skipped += 1,
            Err(other) => return Err(other.into()),
        }
        backoff(attempt).await;
    }
    Err(ApiError::Unavailable)
}

/// A department's chosen numbering scheme, as stored.
#[derive(serde::Serialize, serde::Deserialize)]
struct StoredScheme {
    scheme: NumberingScheme,
}

/// The scheme a department numbers its files by: its own, or the default.
pub async fn numbering_scheme(store: &dyn Store, dept: &DeptCode) -> Result<NumberingScheme, ApiError> {
    Ok(match store.get(&keys::numbering_scheme(dept)).await? {
        Some(item) => item.parse::<StoredScheme>()?.scheme,
        None => NumberingScheme::default_scheme(),
    })
}

/// An administrator sets a department's numbering scheme; files opened from now on use it.
/// Numbers already given stay claimed, so a new scheme can never repeat one.
pub async fn set_numbering_scheme(
    state: &AppState,
    user: &CurrentUser,
    dept: &DeptCode,
    scheme: NumberingScheme,
) -> Result<(), ApiError> {
    authorize(&user.actor, Action::ManageOrganisation, Resource::Organisation)?;
    crate::org::load_department(state.store.as_ref(), dept)
        .await?
        .ok_or(ApiError::NotFound("department"))?;
    let item = json_item(keys::numbering_scheme(dept), &StoredScheme { scheme });
    state
        .store
        .write(Write::Put {
            item,
            condition: Condition::None,
        })
        .await?;
    Ok(())
}

/// Sends, recalls, opens, parks, closes or reopens a file.
pub async fn move_file(
    state: &AppState,
    user: &CurrentUser,
    id: &FileId,
    request: MoveRequest,
    idempotency: &Idempotency,
) -> Result<Outcome<FileView>, ApiError> {
    if let daftar_domain::file::Move::Send { to_post, .. } = &request.order {
        load_post(state.store.as_ref(), to_post)
            .await?
            .ok_or_else(|| ApiError::invalid("to_post", "no such post"))?;
    }
    run(state, idempotency, || async {
        let file = load_viewable_file(state, user, id).await?;
        let now = state.now();
        match file.apply(request.version, &user.actor, request.order.clone(), now) {
            Err(refused) => Ok(Attempted::Refused(refused)),
            // Nothing to record (opening a file already open): answer with the file as it is.
            Ok(None) => Ok(Attempted::Finished(Box::new(Outcome::Done(
                view(state, user, file).await?,
            )))),
            Ok(Some((after, event))) => {
                let step = Step::changed(&file, after, Some(event));
                settle(
                    commit(state, user, vec![step], vec![], idempotency, StatusCode::OK, now).await?,
                    1,
                )
            }
        }
    })
    .await
}

pub(crate) async fn load_note(state: &AppState, id: &FileId, note: u32) -> Result<NoteView, ApiError> {
    let item = state
        .store
        .get(&keys::file_note(id, note))
        .await?
        .ok_or(ApiError::NotFound("note"))?;
    Ok(item.parse()?)
}

/// Starts a yellow note on a file at the caller's desk.
pub async fn write_note(
    state: &AppState,
    user: &CurrentUser,
    id: &FileId,
    request: WriteNoteRequest,
    idempotency: &Idempotency,
) -> Result<Outcome<FileView>, ApiError> {
    let (attachments, claims) = crate::uploads::claim(state, user, &request.attachments, "attachments").await?;
    run(state, idempotency, || async {
        let file = load_viewable_file(state, user, id).await?;
        let now = state.now();
        let draft = daftar_domain::file::NoteDraft {
            text: request.text.clone(),
            sign_as: request.sign_as.clone(),
            refs: request.refs.clone(),
            attachments: attachments.clone(),
        };
        let (after, note) = match file.write_note(request.version, &user.actor, draft, now) {
            Ok(done) => done,
            Err(refused) => return Ok(Attempted::Refused(refused)),
        };
        let sign_as = load_post(state.store.as_ref(), &note.sign_as)
            .await?
            .ok_or_else(|| ApiError::invalid("sign_as", "no such post"))?;
        let employee = &user.record.employee;
        let note_view = NoteView {
            may: Default::default(),
            drafted_by_name_en: employee.name_en.to_string(),
            drafted_by_name_hi: employee.name_hi.to_string(),
            sign_as_label: sign_as.label(),
            signed_by_name_en: None,
            signed_by_name_hi: None,
            note,
        };
        let mut extra = vec![Write::Put {
            item: json_item(keys::file_note(id, note_view.note.id), &note_view),
            condition: Condition::NotExists,
        }];
        extra.extend(claims.iter().cloned());
        let step = Step::changed(&file, after, None);
        settle(
            commit(state, user, vec![step], extra, idempotency, StatusCode::OK, now).await?,
            1,
        )
    })
    .await
}

/// What is done to the yellow note.
pub enum DraftChange {
    Edit(EditNoteRequest),
    Discard { version: u64 },
    Sign { version: u64 },
}

/// Edits, discards or signs the yellow note.
pub async fn change_draft(
    state: &AppState,
    user: &CurrentUser,
    id: &FileId,
    note_id: u32,
    change: DraftChange,
    idempotency: &Idempotency,
) -> Result<Outcome<FileView>, ApiError> {
    run(state, idempotency, || async {
        let file = load_viewable_file(state, user, id).await?;
        let stored = load_note(state, id, note_id).await?;
        let now = state.now();
        let note_key = keys::file_note(id, note_id);
        let decided = match &change {
            DraftChange::Edit(edit) => file
                .edit_note(
                    edit.version,
                    &user.actor,
                    &stored.note,
                    edit.text.clone(),
                    edit.refs.clone(),
                )
                .map(|(after, note)| {
                    let view = NoteView { note, ..stored.clone() };
                    (
                        after,
                        None,
                        Write::Put {
                            item: json_item(note_key.clone(), &view),
                            condition: Condition::None,
                        },
                    )
                }),
            DraftChange::Discard { version } => file.discard_note(*version, &user.actor, &stored.note).map(|after| {
                (
                    after,
                    None,
                    Write::Delete {
                        key: note_key.clone(),
                        condition: Condition::None,
                    },
                )
            }),
            DraftChange::Sign { version } => {
                file.sign_note(*version, &user.actor, &stored.note, now)
                    .map(|(after, note, event)| {
                        let employee = &user.record.employee;
                        let view = NoteView {
                            note,
                            signed_by_name_en: Some(employee.name_en.to_string()),
                            signed_by_name_hi: Some(employee.name_hi.to_string()),
                            ..stored.clone()
                        };
                        (
                            after,
                            Some(event),
                            Write::Put {
                                item: json_item(note_key.clone(), &view),
                                condition: Condition::None,
                            },
                        )
                    })
            }
        };
        let (after, event, note_write) = match decided {
            Ok(done) => done,
            Err(refused) => return Ok(Attempted::Refused(refused)),
        };
        let step = Step::changed(&file, after, event);
        settle(
            commit(
                state,
                user,
                vec![step],
                vec![note_write],
                idempotency,
                StatusCode::OK,
                now,
            )
            .await?,
            1,
        )
    })
    .await
}

/// Puts a receipt from the holder's desk into the file: the receipt leaves the desk's receipt
/// list, records the move in its own history, and travels with the file from then on.
pub async fn attach_receipt(
    state: &AppState,
    user: &CurrentUser,
    id: &FileId,
    request: AttachReceiptRequest,
    idempotency: &Idempotency,
) -> Result<Outcome<FileView>, ApiError> {
    run(state, idempotency, || async {
        let file = load_viewable_file(state, user, id).await?;
        let receipt = load_receipt(state, &request.receipt)
            .await
            .map_err(|error| match error {
                ApiError::NotFound(_) => ApiError::invalid("receipt", "no such receipt"),
                other => other,
            })?;
        let now = state.now();
        let (after, event) = match file.attach_receipt(request.version, &user.actor, &receipt, now) {
            Ok(done) => done,
            Err(refused) => return Ok(Attempted::Refused(refused)),
        };
        let (filed, movement) = receipt.put_in_file(&file.id, user.actor.employee.clone(), now);
        let holder = load_post(state.store.as_ref(), &receipt.holder)
            .await?
            .ok_or(ApiError::NotFound("post"))?;
        let label = holder.label();
        let entry = CorrespondenceEntry {
            receipt_id: receipt.id.clone(),
            diary_number_text: receipt.diary_number.to_string(),
            subject: receipt.letter.subject.to_string(),
            sender: receipt.letter.sender.to_string(),
            letter_date: receipt.letter.letter_date,
            attached_at: now,
        };
        let mut extra = vec![
            Write::Put {
                item: receipt_item(&filed),
                condition: Condition::VersionIs(receipt.version),
            },
            Write::Put {
                item: movement_item(&receipt.id, &movement_entry(user, movement, Some(label.clone()), label)),
                condition: Condition::NotExists,
            },
            Write::Delete {
                key: inbox_key(&receipt),
                condition: Condition::None,
            },
            Write::Put {
                item: json_item(keys::file_correspondence(&file.id, after.receipts.len()), &entry),
                condition: Condition::NotExists,
            },
        ];
        // The receipt is no longer pending on its own: the file it went into is.
        let mut tally = Tally::default();
        tally.pendency(Counted::Receipts, Some((&holder, receipt.held_since)), None, now);
        extra.extend(tally.into_writes());
        let step = Step {
            receipt_number: Some(receipt.diary_number.to_string()),
            ..Step::changed(&file, after, Some(event))
        };
        settle(
            commit(state, user, vec![step], extra, idempotency, StatusCode::OK, now).await?,
            1,
        )
    })
    .await
}

/// Links another file to this one; both record it and go on moving independently.
pub async fn link(
    state: &AppState,
    user: &CurrentUser,
    id: &FileId,
    request: LinkFileRequest,
    idempotency: &Idempotency,
) -> Result<Outcome<FileView>, ApiError> {
    run(state, idempotency, || async {
        let file = load_viewable_file(state, user, id).await?;
        let other = load_file(state.store.as_ref(), &request.other)
            .await
            .map_err(|error| match error {
                ApiError::NotFound(_) => ApiError::invalid("other", "no such file"),
                other => other,
            })?;
        let now = state.now();
        let [(this, this_event), (that, that_event)] = match file.link(request.version, &user.actor, &other, now) {
            Ok(done) => done,
            Err(refused) => return Ok(Attempted::Refused(refused)),
        };
        let linked = |f: &File| LinkedFile {
            file_id: f.id.clone(),
            number: f.number.text.clone(),
            subject: f.subject.to_string(),
        };
        let extra = vec![
            Write::Put {
                item: json_item(keys::file_link(&file.id, &other.id), &linked(&other)),
                condition: Condition::NotExists,
            },
            Write::Put {
                item: json_item(keys::file_link(&other.id, &file.id), &linked(&file)),
                condition: Condition::NotExists,
            },
        ];
        let steps = vec![
            Step::changed(&file, this, Some(this_event)),
            Step::changed(&other, that, Some(that_event)),
        ];
        settle(
            commit(state, user, steps, extra, idempotency, StatusCode::OK, now).await?,
            2,
        )
    })
    .await
}

/// Every item of one kind in a file's partition, oldest first: for the chain check and the
/// track, which need the whole history (a file's history is hundreds of entries, not millions).
async fn all_in_file<T: serde::de::DeserializeOwned>(
    store: &dyn Store,
    id: &FileId,
    prefix: &str,
) -> Result<Vec<T>, ApiError> {
    let mut items = Vec::new();
    let mut cursor = None;
    loop {
        let mut query = daftar_store::Query::new(Index::Table, keys::file_partition(id));
        query.range = SortRange::Prefix(prefix.to_owned());
        query.limit = daftar_domain::wire::MAX_PAGE_SIZE;
        query.cursor = cursor;
        let page = store.query(query).await?;
        for item in &page.items {
            items.push(item.parse()?);
        }
        match page.next {
            Some(next) => cursor = Some(next),
            None => return Ok(items),
        }
    }
}

/// The whole history of a file, with names.
pub async fn history(store: &dyn Store, id: &FileId) -> Result<Vec<FileEventEntry>, ApiError> {
    all_in_file(store, id, keys::EVENT_PREFIX).await
}

/// Every version of every draft of a file.
pub async fn draft_versions(
    store: &dyn Store,
    id: &FileId,
) -> Result<Vec<daftar_domain::file::draft::DraftVersion>, ApiError> {
    all_in_file(store, id, keys::DRAFT_VERSION_PREFIX).await
}

/// Signed and draft notes of a file.
pub async fn notes(store: &dyn Store, id: &FileId) -> Result<Vec<NoteView>, ApiError> {
    all_in_file(store, id, keys::NOTE_PREFIX).await
}

/// Whether the caller may see a note: signed notes are the file's record; a yellow draft is
/// seen by the desk holding the file, its drafter and the post it awaits.
pub fn may_see_note(user: &CurrentUser, file: &File, note: &Note) -> bool {
    note.signed.is_some()
        || user.actor.holds(&file.holder)
        || note.drafted_by == user.actor.employee
        || user.actor.holds(&note.sign_as)
}

/// The row a file-number search returns.
pub async fn lookup_by_number(state: &AppState, user: &CurrentUser, number: &str) -> Result<FileRow, ApiError> {
    let item = state
        .store
        .get(&keys::file_number(number.trim()))
        .await?
        .ok_or(ApiError::NotFound("file"))?;
    #[derive(serde::Deserialize)]
    struct Claim {
        file_id: FileId,
    }
    let claim: Claim = item.parse()?;
    let file = load_viewable_file(state, user, &claim.file_id).await?;
    Ok(views::row(&file, file.held_since, None))
}
