//! Merging a file under a main file, continuing in a new volume, and opening a part file.

use super::{commit, json_item, load_file, load_viewable_file, new_file_id, run, settle, Attempted, Step};
use crate::auth::CurrentUser;
use crate::error::ApiError;
use crate::idempotency::{Idempotency, Outcome};
use crate::keys;
use crate::org::load_post;
use crate::state::AppState;
use axum::http::StatusCode;
use daftar_domain::file::File;
use daftar_domain::local_time::office_date;
use daftar_domain::wire::{FileView, MergeRequest, OpenPartRequest};
use daftar_domain::FileId;
use daftar_store::{Condition, StoreError, Write};

/// A new file's number claim and search terms, written with it.
fn new_file_writes(file: &File) -> Vec<Write> {
    let mut writes = vec![Write::Put {
        item: json_item(
            keys::file_number(&file.number.text),
            &serde_json::json!({ "file_id": file.id }),
        ),
        condition: Condition::NotExists,
    }];
    writes.extend(crate::search::index_file(file));
    writes
}

/// Attaches another file from the holder's desk under this one.
pub async fn merge(
    state: &AppState,
    user: &CurrentUser,
    id: &FileId,
    request: MergeRequest,
    idempotency: &Idempotency,
) -> Result<Outcome<FileView>, ApiError> {
    run(state, idempotency, || async {
        let file = load_viewable_file(state, user, id).await?;
        let part = load_file(state.store.as_ref(), &request.part)
            .await
            .map_err(|error| match error {
                ApiError::NotFound(_) => ApiError::invalid("part", "no such file"),
                other => other,
            })?;
        let now = state.now();
        let [(main, main_event), (merged, merged_event)] = match file.merge(request.version, &user.actor, &part, now) {
            Ok(done) => done,
            Err(refused) => return Ok(Attempted::Refused(refused)),
        };
        let steps = vec![
            Step::changed(&file, main, Some(main_event)),
            Step::changed(&part, merged, Some(merged_event)),
        ];
        settle(
            commit(state, user, steps, vec![], idempotency, StatusCode::OK, now).await?,
            2,
        )
    })
    .await
}

/// Closes this volume and opens the next at the same desk; answers with the new volume.
pub async fn open_volume(
    state: &AppState,
    user: &CurrentUser,
    id: &FileId,
    version: u64,
    idempotency: &Idempotency,
) -> Result<Outcome<FileView>, ApiError> {
    run(state, idempotency, || async {
        let file = load_viewable_file(state, user, id).await?;
        let at = load_post(state.store.as_ref(), &file.holder)
            .await?
            .ok_or(ApiError::NotFound("post"))?;
        let now = state.now();
        let new_id = new_file_id(office_date(now).year());
        let [(closed, closed_event), (next, created)] =
            match file.open_volume(version, &user.actor, &at.post, new_id, now) {
                Ok(done) => done,
                Err(refused) => return Ok(Attempted::Refused(refused)),
            };
        let extra = new_file_writes(&next);
        // The new volume first: the answer is about it.
        let steps = vec![
            Step::created(next, created),
            Step::changed(&file, closed, Some(closed_event)),
        ];
        match commit(state, user, steps, extra, idempotency, StatusCode::CREATED, now).await? {
            Err(StoreError::ConditionFailed { index: 1, current }) => Err(ApiError::Conflict {
                message: "someone else changed this file first; reload it".into(),
                current_version: current.map(|item| item.version),
            }),
            other => settle(other, 0),
        }
    })
    .await
}

/// Opens a part file of a file the caller has seen, at one of their posts; answers with the part.
pub async fn open_part(
    state: &AppState,
    user: &CurrentUser,
    id: &FileId,
    request: OpenPartRequest,
    idempotency: &Idempotency,
) -> Result<Outcome<FileView>, ApiError> {
    let at = load_post(state.store.as_ref(), &request.at_post)
        .await?
        .ok_or_else(|| ApiError::invalid("at_post", "no such post"))?;
    run(state, idempotency, || async {
        let file = load_viewable_file(state, user, id).await?;
        let now = state.now();
        let new_id = new_file_id(office_date(now).year());
        let [(main, main_event), (part, created)] = match file.open_part(&user.actor, &at.post, new_id, now) {
            Ok(done) => done,
            Err(refused) => return Ok(Attempted::Refused(refused)),
        };
        let extra = new_file_writes(&part);
        let steps = vec![
            Step::created(part, created),
            Step::changed(&file, main, Some(main_event)),
        ];
        match commit(state, user, steps, extra, idempotency, StatusCode::CREATED, now).await? {
            // The main file moved meanwhile (the opener does not hold it): read it again.
            Err(StoreError::ConditionFailed { index: 1, .. }) => Ok(Attempted::Raced),
            other => settle(other, 0),
        }
    })
    .await
}
