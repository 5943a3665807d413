//! Drafts for approval on a file, and the office dispatch register they are issued through.

use super::{
    commit, json_item, load_viewable_file, refusal, run, run_racing, settle, Attempted, Step, NUMBER_ATTEMPTS,
};
use crate::auth::CurrentUser;
use crate::error::ApiError;
use crate::idempotency::{Idempotency, Outcome};
use crate::keys;
use crate::org::load_post;
use crate::state::AppState;
use axum::http::StatusCode;
use daftar_domain::auth::{authorize, Action, Resource};
use daftar_domain::file::draft::{DispatchEntry, DispatchNumber, EnclosureChange};
use daftar_domain::file::FileRefusal;
use daftar_domain::local_time::office_date;
use daftar_domain::wire::{ActedBy, DispatchedRequest, DraftRequest, DraftView, FileView, IssueRequest};
use daftar_domain::{FileId, OfficeCode, PostId};
use daftar_store::{Condition, Item, StoreError, Write};

pub(crate) async fn load_draft_version(
    state: &AppState,
    id: &FileId,
    (draft, version): (u32, u32),
) -> Result<daftar_domain::file::draft::DraftVersion, ApiError> {
    let item = state
        .store
        .get(&keys::file_draft_version(id, draft, version))
        .await?
        .ok_or(ApiError::NotFound("draft version"))?;
    Ok(item.parse()?)
}

async fn load_draft(state: &AppState, id: &FileId, draft: u32) -> Result<DraftView, ApiError> {
    let item = state
        .store
        .get(&keys::file_draft(id, draft))
        .await?
        .ok_or(ApiError::NotFound("draft"))?;
    Ok(item.parse()?)
}

/// The caller as named now, acting at the post that holds the file.
async fn acted_by(state: &AppState, user: &CurrentUser, holder: &PostId) -> Result<ActedBy, ApiError> {
    let post = load_post(state.store.as_ref(), holder)
        .await?
        .ok_or(ApiError::NotFound("post"))?;
    let employee = &user.record.employee;
    Ok(ActedBy {
        name_en: employee.name_en.to_string(),
        name_hi: employee.name_hi.to_string(),
        post: post.label(),
    })
}

/// The writes that store a draft and, when it is new, its latest version.
fn draft_writes(id: &FileId, view: &DraftView, new_version: bool) -> Vec<Write> {
    let draft = &view.draft;
    let mut writes = vec![Write::Put {
        item: json_item(keys::file_draft(id, draft.id), view),
        condition: Condition::None,
    }];
    if new_version {
        writes.push(Write::Put {
            item: json_item(
                keys::file_draft_version(id, draft.id, draft.latest.version),
                &draft.latest,
            ),
            condition: Condition::NotExists,
        });
    }
    writes
}

/// Starts a draft letter on the file (`draft` is `None`) or revises one.
pub async fn write_draft(
    state: &AppState,
    user: &CurrentUser,
    id: &FileId,
    draft_id: Option<u32>,
    request: DraftRequest,
    idempotency: &Idempotency,
) -> Result<Outcome<FileView>, ApiError> {
    let (enclosures, claims) = crate::uploads::claim(state, user, &request.enclosures, "enclosures").await?;
    run(state, idempotency, || async {
        let file = load_viewable_file(state, user, id).await?;
        let now = state.now();
        let letter = request.letter.clone();
        let decided = match draft_id {
            // A new letter has no earlier enclosures to leave out: the request is malformed.
            None if !request.drop_enclosures.is_empty() => Err(FileRefusal::NoSuchEnclosure),
            None => file.start_draft(request.version, &user.actor, letter, enclosures.clone(), now),
            Some(n) => {
                let draft = load_draft(state, id, n).await?.draft;
                let change = EnclosureChange {
                    drop: request.drop_enclosures.clone(),
                    add: enclosures.clone(),
                };
                file.revise_draft(request.version, &user.actor, &draft, letter, change, now)
            }
        };
        let (after, draft) = match decided {
            Ok(done) => done,
            Err(refused) => return Ok(Attempted::Refused(refused)),
        };
        let view = DraftView {
            draft,
            written_by: Some(acted_by(state, user, &file.holder).await?),
            approved_by: None,
        };
        let mut extra = draft_writes(id, &view, true);
        extra.extend(claims.iter().cloned());
        let step = Step::changed(&file, after, None);
        settle(
            commit(state, user, vec![step], extra, idempotency, StatusCode::OK, now).await?,
            1,
        )
    })
    .await
}

/// Approves the latest version of a draft.
pub async fn approve(
    state: &AppState,
    user: &CurrentUser,
    id: &FileId,
    draft_id: u32,
    version: u64,
    idempotency: &Idempotency,
) -> Result<Outcome<FileView>, ApiError> {
    run(state, idempotency, || async {
        let file = load_viewable_file(state, user, id).await?;
        let view = load_draft(state, id, draft_id).await?;
        let now = state.now();
        let (after, approved, event) = match file.approve_draft(version, &user.actor, &view.draft, now) {
            Ok(done) => done,
            Err(refused) => return Ok(Attempted::Refused(refused)),
        };
        let approved = DraftView {
            draft: approved,
            approved_by: Some(acted_by(state, user, &file.holder).await?),
            ..view
        };
        let step = Step::changed(&file, after, Some(event));
        settle(
            commit(
                state,
                user,
                vec![step],
                draft_writes(id, &approved, false),
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

/// Issues an approved draft under the next number of the holder office's dispatch register:
/// numbers run without gaps per office and year, however many desks issue at once.
pub async fn issue(
    state: &AppState,
    user: &CurrentUser,
    id: &FileId,
    draft_id: u32,
    request: IssueRequest,
    idempotency: &Idempotency,
) -> Result<Outcome<FileView>, ApiError> {
    run_racing(state, idempotency, NUMBER_ATTEMPTS, || async {
        let file = load_viewable_file(state, user, id).await?;
        let view = load_draft(state, id, draft_id).await?;
        let office = load_post(state.store.as_ref(), &file.holder)
            .await?
            .ok_or(ApiError::NotFound("post"))?
            .post
            .office;
        let now = state.now();
        let year = office_date(now).year();
        let counter_key = keys::dispatch_counter(&office, year);
        let counter = state.store.get(&counter_key).await?;
        let serial = u32::try_from(counter.as_ref().map_or(0, |c| c.count) + 1)
            .map_err(|_| ApiError::Internal("dispatch serial out of range".into()))?;
        let number = DispatchNumber {
            office: office.clone(),
            year,
            serial,
        };
        let (after, issued, event, entry) =
            match file.issue_draft(request.version, &user.actor, &view.draft, number, request.mode, now) {
                Ok(done) => done,
                Err(refused) => return Ok(Attempted::Refused(refused)),
            };
        let mut next_counter = Item::new(counter_key, serde_json::json!({ "office": office, "year": year }));
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
                item: json_item(keys::dispatch_entry(&office, year, serial), &entry).with_version(1),
                condition: Condition::NotExists,
            },
        ];
        extra.extend(draft_writes(id, &DraftView { draft: issued, ..view }, false));
        let step = Step::changed(&file, after, Some(event));
        match commit(state, user, vec![step], extra, idempotency, StatusCode::OK, now).await? {
            // Another desk of the office took this number first: read the counter again.
            Err(StoreError::ConditionFailed { index: 1 | 2, .. }) => Ok(Attempted::Raced),
            other => settle(other, 1),
        }
    })
    .await
}

/// Records that an issued letter left the office.
pub async fn mark_dispatched(
    state: &AppState,
    user: &CurrentUser,
    office: &OfficeCode,
    (year, serial): (i32, u32),
    request: DispatchedRequest,
    idempotency: &Idempotency,
) -> Result<Outcome<DispatchEntry>, ApiError> {
    authorize(&user.actor, Action::KeepDispatchRegister, Resource::Office(office))?;
    let key = keys::dispatch_entry(office, year, serial);
    let item = state
        .store
        .get(&key)
        .await?
        .ok_or(ApiError::NotFound("dispatch entry"))?;
    let entry: DispatchEntry = item.parse()?;
    let now = state.now();
    let dispatched = entry
        .dispatch(user.actor.employee.clone(), request.reference, now)
        .map_err(refusal)?;
    let write = Write::Put {
        item: json_item(key, &dispatched).with_version(item.version + 1),
        condition: Condition::VersionIs(item.version),
    };
    Ok(idempotency
        .commit(
            state.store.as_ref(),
            vec![write],
            StatusCode::OK,
            dispatched,
            now.unix_timestamp(),
        )
        .await??)
}
