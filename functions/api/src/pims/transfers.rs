//! Transfers and postings: an employee moves from one post to another, is posted to a vacant
//! post, or is relieved of one.
//!
//! One transaction changes the employee's profile and record, both posts, the relieved holder
//! (if the request asked to relieve them), and the audit log, each write conditional on the
//! version read. Two transfers into one post therefore cannot both commit: the second finds the
//! post's version moved on and gets 409. The post's inbox (`INBOX#{post}`) is not touched: the
//! files and receipts at the desk wait there for whoever holds it next.

use super::{admin_only, load_personnel, load_post, load_profile, personnel_item, personnel_view, refused};
use crate::auth::CurrentUser;
use crate::error::ApiError;
use crate::idempotency::{Idempotency, Outcome};
use crate::org::{EmployeeRecord, StoredPost};
use crate::state::AppState;
use axum::http::StatusCode;
use daftar_domain::pims::wire::{TransferReport, TransferRequest};
use daftar_domain::pims::{plan_transfer, PimsRefusal, Posting, TransferFacts};
use daftar_domain::{EmployeeId, PostId};
use daftar_store::{Condition, StoreError, Write};

fn not_found_post() -> ApiError {
    ApiError::NotFound("post").with_hindi("पद नहीं मिला")
}

fn raced() -> ApiError {
    ApiError::Conflict {
        message: "someone changed this post or employee first; reload and try again".into(),
        current_version: None,
    }
    .with_hindi("किसी ने यह पद या कर्मचारी पहले ही बदल दिया है; पुनः लोड करके फिर प्रयास करें")
}

/// The profile after `employee` leaves `from` and joins `to` (its summary as it will be).
fn moved_profile(mut profile: EmployeeRecord, from: Option<&PostId>, to: Option<&StoredPost>) -> EmployeeRecord {
    if let Some(from) = from {
        profile.postings.retain(|p| &p.id != from);
        profile.employee.posts.retain(|p| p != from);
    }
    if let Some(to) = to {
        profile.postings.push(to.summary());
        profile.employee.posts.push(to.post.id.clone());
    }
    profile
}

fn vacated(mut post: StoredPost) -> StoredPost {
    post.post.holder = None;
    post.holder_name_en = None;
    post.holder_name_hi = None;
    post
}

fn held_by(mut post: StoredPost, profile: &EmployeeRecord) -> StoredPost {
    post.post.holder = Some(profile.employee.id.clone());
    post.holder_name_en = Some(profile.employee.name_en.to_string());
    post.holder_name_hi = Some(profile.employee.name_hi.to_string());
    post
}

fn put(item: daftar_store::Item, condition: Condition) -> Write {
    Write::Put { item, condition }
}

/// How often a transfer is tried again when the store reports a transaction conflict (DynamoDB
/// cancels both of two transactions that touch one item at the same moment).
const ATTEMPTS: usize = 3;

/// Moves, posts or relieves an employee, as one transaction. A transaction conflict is retried
/// from a fresh read, where a winner's change shows as a refusal (the post is now held).
pub(crate) async fn transfer(
    state: &AppState,
    user: &CurrentUser,
    request: TransferRequest,
    idempotency: &Idempotency,
) -> Result<Outcome<TransferReport>, ApiError> {
    admin_only(&user.actor)?;
    for _ in 1..ATTEMPTS {
        match attempt(state, user, request.clone(), idempotency).await? {
            Ok(outcome) => return Ok(outcome),
            Err(StoreError::TransactionConflict) => {
                tokio::time::sleep(std::time::Duration::from_millis(20 + rand::random::<u64>() % 80)).await;
            }
            Err(other) => return Err(failed(other)),
        }
    }
    attempt(state, user, request, idempotency).await?.map_err(failed)
}

fn failed(error: StoreError) -> ApiError {
    match error {
        StoreError::ConditionFailed { .. } => raced(),
        other => other.into(),
    }
}

async fn attempt(
    state: &AppState,
    user: &CurrentUser,
    request: TransferRequest,
    idempotency: &Idempotency,
) -> Result<Result<Outcome<TransferReport>, StoreError>, ApiError> {
    let store = state.store.as_ref();
    let (profile, profile_version) = load_profile(store, &request.employee)
        .await?
        .ok_or_else(|| ApiError::NotFound("employee").with_hindi("कर्मचारी नहीं मिला"))?;
    let personnel = load_personnel(store, &request.employee).await?;
    let from = match &request.from_post {
        Some(id) => Some(load_post(store, id).await?.ok_or_else(not_found_post)?),
        None => None,
    };
    let to = match &request.to_post {
        Some(id) => Some(load_post(store, id).await?.ok_or_else(not_found_post)?),
        None => None,
    };
    let kind = plan_transfer(TransferFacts {
        employee: &request.employee,
        holds: &profile.employee.posts,
        from_post: request.from_post.as_ref(),
        to_post: to.as_ref().map(|(post, _)| (&post.post.id, post.post.holder.as_ref())),
        relieve_holder: request.relieve_holder,
    })
    .map_err(|refusal| match refusal {
        PimsRefusal::PostHeld { .. } => ApiError::Conflict {
            message: refusal.to_string(),
            current_version: to.as_ref().map(|(_, v)| *v),
        }
        .with_hindi(refusal.hindi()),
        other => refused("to_post", &other),
    })?;

    let now = state.now();
    let mut writes = Vec::new();
    let mut before = serde_json::json!({ "profile": &profile, "personnel": personnel.as_ref().map(|p| &p.record) });

    // The holder being relieved to make room, if any (never the employee: the plan refuses that).
    let mut relieved: Option<EmployeeId> = None;
    if let Some((to_post, _)) = &to {
        if let Some(holder) = to_post.post.holder.clone().filter(|h| h != &request.employee) {
            let (holder_profile, holder_version) = load_profile(store, &holder).await?.ok_or_else(raced)?;
            let holder_personnel = load_personnel(store, &holder).await?;
            before["relieved_profile"] = serde_json::to_value(&holder_profile).expect("profiles serialise");
            let new_profile = moved_profile(holder_profile, Some(&to_post.post.id), None);
            writes.push(put(
                new_profile.item().with_version(holder_version + 1),
                Condition::VersionIs(holder_version),
            ));
            if let Some(stored) = holder_personnel {
                let record = stored
                    .record
                    .relieve(&to_post.post.id, request.effective)
                    .map_err(|r| refused("effective", &r))?;
                writes.push(put(
                    personnel_item(&record, stored.version + 1),
                    Condition::VersionIs(stored.version),
                ));
            }
            relieved = Some(holder);
        }
    }

    // The posts: the one left falls vacant (if it was really held by the employee), the one
    // joined gets its new holder.
    let mut new_to: Option<StoredPost> = None;
    if let Some((post, version)) = &from {
        if post.post.holder.as_ref() == Some(&request.employee) {
            writes.push(put(
                vacated(post.clone()).item().with_version(version + 1),
                Condition::VersionIs(*version),
            ));
        }
    }
    if let Some((post, version)) = &to {
        let held = held_by(post.clone(), &profile);
        writes.push(put(
            held.item().with_version(version + 1),
            Condition::VersionIs(*version),
        ));
        new_to = Some(held);
    }

    let new_profile = moved_profile(profile, request.from_post.as_ref(), new_to.as_ref());
    writes.push(put(
        new_profile.item().with_version(profile_version + 1),
        Condition::VersionIs(profile_version),
    ));
    let mut new_personnel = None;
    if let Some(stored) = personnel {
        let mut record = stored.record;
        if let Some(from) = &request.from_post {
            record = record
                .relieve(from, request.effective)
                .map_err(|r| refused("effective", &r))?;
        }
        if let Some(post) = &new_to {
            let posting = Posting {
                post: post.post.id.clone(),
                office: post.post.office.clone(),
                title_en: post.post.title_en.clone(),
                title_hi: post.post.title_hi.clone(),
                from: request.effective,
                to: None,
            };
            record = record.join(posting).map_err(|r| refused("to_post", &r))?;
        }
        writes.push(put(
            personnel_item(&record, stored.version + 1),
            Condition::VersionIs(stored.version),
        ));
        new_personnel = Some(super::StoredPersonnel {
            record,
            version: stored.version + 1,
        });
    }
    let after = serde_json::json!({
        "kind": kind,
        "profile": &new_profile,
        "personnel": new_personnel.as_ref().map(|p| &p.record),
        "relieved": &relieved,
    });
    writes.push(crate::audit::entry(
        user,
        "pims.transfer",
        format!("EMP#{}", request.employee),
        Some(before),
        Some(after),
        now,
    ));
    let report = TransferReport {
        kind,
        employee: personnel_view(&user.actor, &new_profile, new_personnel.as_ref()),
        relieved,
    };
    idempotency
        .commit(store, writes, StatusCode::OK, report, now.unix_timestamp())
        .await
}
