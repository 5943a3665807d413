//! e-Receipt: diarise inward letters, list a post's inbox, forward, and read the movement history.
//!
//! Each change is one store transaction: the receipt (conditional on its version), its history
//! entry, both inbox rows and the idempotency record all change together or not at all.

pub(crate) mod routes;

pub use routes::router;

use crate::auth::CurrentUser;
use crate::error::ApiError;
use crate::idempotency::{Idempotency, Outcome};
use crate::keys;
use crate::org::load_post;
use crate::state::AppState;
use axum::http::StatusCode;
use daftar_domain::auth::{authorize, Action, Resource};
use daftar_domain::local_time::office_date;
use daftar_domain::receipt::{
    diarise as diarise_letter, Diarisation, DiaryNumber, ForwardOrder, Movement, Receipt, ReceiptRefusal,
};
use daftar_domain::wire::{DiariseRequest, InboxEntry, MovementEntry, PostLabel, ReceiptView};
use daftar_domain::{PostId, ReceiptId};
use daftar_store::{Condition, Item, Key, StoreError, Write};
use rand::Rng;
use std::time::Duration;
use time::OffsetDateTime;

/// How often a diarisation retries after losing the race for the next diary serial. Each retry
/// means another desk got a number meanwhile, so this bounds waiting, not correctness.
const DIARY_ATTEMPTS: usize = 40;
/// How often a forward retries after a transient transaction conflict.
const CONFLICT_ATTEMPTS: usize = 3;

fn refusal(refusal: ReceiptRefusal) -> ApiError {
    match refusal {
        ReceiptRefusal::LetterDateInFuture | ReceiptRefusal::LetterDateTooOld => {
            ApiError::invalid("letter_date", refusal)
        }
        ReceiptRefusal::ForwardToSelf => ApiError::invalid("to_post", refusal),
        ReceiptRefusal::InFile => ApiError::invalid("receipt", refusal),
        ReceiptRefusal::DueDateInPast => ApiError::invalid("due_date", refusal),
        ReceiptRefusal::StaleVersion { current } => ApiError::Conflict {
            message: refusal.to_string(),
            current_version: Some(current),
        },
    }
}

fn new_receipt_id(year: i32) -> ReceiptId {
    let n: u64 = rand::thread_rng().gen();
    ReceiptId::parse(&format!("R-{year}-{n:016X}")).expect("generated receipt ids are well formed")
}

pub(crate) fn unix_millis(at: OffsetDateTime) -> i64 {
    (at.unix_timestamp_nanos() / 1_000_000) as i64
}

pub(crate) fn inbox_key(receipt: &Receipt) -> Key {
    keys::inbox_receipt(&receipt.holder, unix_millis(receipt.held_since), &receipt.id)
}

fn inbox_item(receipt: &Receipt, from: Option<(PostId, PostLabel)>) -> Item {
    let (from_post, from_label) = from.unzip();
    let entry = InboxEntry {
        receipt_id: receipt.id.clone(),
        diary_number: receipt.diary_number.clone(),
        diary_number_text: receipt.diary_number.to_string(),
        subject: receipt.letter.subject.to_string(),
        sender: receipt.letter.sender.to_string(),
        from_post,
        from_label,
        priority: receipt.priority,
        due_date: receipt.due_date,
        arrived_at: receipt.held_since,
    };
    Item::new(
        inbox_key(receipt),
        serde_json::to_value(entry).expect("inbox entries serialise"),
    )
}

pub(crate) fn receipt_item(receipt: &Receipt) -> Item {
    Item::new(
        keys::receipt(&receipt.id),
        serde_json::to_value(receipt).expect("receipts serialise"),
    )
    .with_version(receipt.version)
}

/// A movement as stored and shown: who acted and the posts' names, as they were at the time.
pub(crate) fn movement_entry(
    user: &CurrentUser,
    movement: Movement,
    from_label: Option<PostLabel>,
    to_label: PostLabel,
) -> MovementEntry {
    let by = &user.record.employee;
    MovementEntry {
        movement,
        by_name_en: by.name_en.to_string(),
        by_name_hi: by.name_hi.to_string(),
        from_label,
        to_label,
    }
}

pub(crate) fn movement_item(receipt: &ReceiptId, entry: &MovementEntry) -> Item {
    Item::new(
        keys::receipt_movement(receipt, entry.movement.seq),
        serde_json::to_value(entry).expect("movements serialise"),
    )
}

pub(crate) async fn backoff(attempt: usize) {
    let jitter = rand::thread_rng().gen_range(0..=(2 + attempt as u64 * 3));
    tokio::time::sleep(Duration::from_millis(jitter)).await;
}

/// Loads a receipt, or 404.
pub async fn load_receipt(state: &AppState, id: &ReceiptId) -> Result<Receipt, ApiError> {
    let item = state
        .store
        .get(&keys::receipt(id))
        .await?
        .ok_or(ApiError::NotFound("receipt"))?;
    Ok(item.parse()?)
}

/// Loads a receipt the caller may read: 404 if there is none, 403 if it never passed their
/// desks, nor did the file it was put into.
pub async fn load_viewable_receipt(state: &AppState, user: &CurrentUser, id: &ReceiptId) -> Result<Receipt, ApiError> {
    let receipt = load_receipt(state, id).await?;
    let denied = match authorize(&user.actor, Action::ViewReceipt, receipt.as_resource()) {
        Ok(()) => return Ok(receipt),
        Err(denied) => denied,
    };
    match &receipt.filed_in {
        Some(file) => {
            crate::files::load_viewable_file(state, user, file).await?;
            Ok(receipt)
        }
        None => Err(denied.into()),
    }
}

/// The receipt as the caller sees it.
pub async fn view(state: &AppState, user: &CurrentUser, receipt: Receipt) -> Result<ReceiptView, ApiError> {
    let holder_post = load_post(state.store.as_ref(), &receipt.holder)
        .await?
        .ok_or(ApiError::NotFound("post"))?
        .summary();
    let can_forward = authorize(&user.actor, Action::ForwardReceipt, receipt.as_resource()).is_ok();
    Ok(ReceiptView {
        diary_number_text: receipt.diary_number.to_string(),
        receipt,
        holder_post,
        can_forward,
    })
}

/// Diarises a letter: takes the next serial in the office's register for the year, without gaps
/// or duplicates however many desks diarise at once.
pub async fn diarise(
    state: &AppState,
    user: &CurrentUser,
    request: DiariseRequest,
    idempotency: &Idempotency,
) -> Result<Outcome<ReceiptView>, ApiError> {
    let post = load_post(state.store.as_ref(), &request.at_post)
        .await?
        .ok_or_else(|| ApiError::invalid("at_post", "no such post"))?;
    authorize(
        &user.actor,
        Action::Diarise,
        Resource::PostInOffice {
            post: &post.post.id,
            office: &post.post.office,
        },
    )?;

    let (attachments, claims) = crate::uploads::claim(state, user, &request.attachments, "attachments").await?;
    for attempt in 0..DIARY_ATTEMPTS {
        let now = state.now();
        let year = office_date(now).year();
        let counter_key = keys::diary_counter(&post.post.office, year);
        let counter = state.store.get(&counter_key).await?;
        let last_serial = counter.as_ref().map_or(0, |c| c.count);
        let serial =
            u32::try_from(last_serial + 1).map_err(|_| ApiError::Internal("diary serial out of range".into()))?;
        let (receipt, movement) = diarise_letter(
            Diarisation {
                id: new_receipt_id(year),
                diary_number: DiaryNumber {
                    office: post.post.office.clone(),
                    year,
                    serial,
                },
                dept: post.post.dept.clone(),
                letter: request.letter.clone(),
                by: user.actor.employee.clone(),
                at_post: post.post.id.clone(),
                remarks: request.remarks.clone(),
                attachments: attachments.clone(),
            },
            now,
        )
        .map_err(refusal)?;
        let view = ReceiptView {
            diary_number_text: receipt.diary_number.to_string(),
            receipt: receipt.clone(),
            holder_post: post.summary(),
            can_forward: true,
        };

        let mut next_counter = Item::new(
            counter_key,
            serde_json::json!({ "office": post.post.office, "year": year }),
        );
        next_counter.count = i64::from(serial);
        next_counter.version = counter.as_ref().map_or(1, |c| c.version + 1);
        let counter_condition = counter
            .as_ref()
            .map_or(Condition::NotExists, |c| Condition::VersionIs(c.version));
        let mut writes = vec![
            Write::Put {
                item: next_counter,
                condition: counter_condition,
            },
            Write::Put {
                item: Item::new(
                    keys::diary_entry(&post.post.office, year, serial),
                    serde_json::json!({ "receipt_id": receipt.id }),
                ),
                condition: Condition::NotExists,
            },
            Write::Put {
                item: receipt_item(&receipt),
                condition: Condition::NotExists,
            },
            Write::Put {
                item: movement_item(&receipt.id, &movement_entry(user, movement, None, post.label())),
                condition: Condition::NotExists,
            },
            Write::Put {
                item: inbox_item(&receipt, None),
                condition: Condition::None,
            },
        ];
        writes.extend(claims.iter().cloned());
        match idempotency
            .commit(
                state.store.as_ref(),
                writes,
                StatusCode::CREATED,
                view,
                now.unix_timestamp(),
            )
            .await?
        {
            Ok(outcome) => return Ok(outcome),
            // Another desk took this serial first: read the counter again.
            Err(StoreError::ConditionFailed { index: 0 | 1, .. } | StoreError::TransactionConflict) => {
                backoff(attempt).await
            }
            Err(other) => return Err(other.into()),
        }
    }
    Err(ApiError::Unavailable)
}

/// Forwards a receipt held at one of the caller's posts to another post, in any department.
pub async fn forward(
    state: &AppState,
    user: &CurrentUser,
    id: &ReceiptId,
    order: ForwardOrder,
    idempotency: &Idempotency,
) -> Result<Outcome<ReceiptView>, ApiError> {
    let target = load_post(state.store.as_ref(), &order.to_post)
        .await?
        .ok_or_else(|| ApiError::invalid("to_post", "no such post"))?;
    for attempt in 0..CONFLICT_ATTEMPTS {
        let receipt = load_viewable_receipt(state, user, id).await?;
        let resource = receipt.as_resource();
        // An official who saw an older version is told it moved on (409), even if it has moved
        // out of their hands: that is what happened, and reloading shows where it went.
        if order.version != receipt.version {
            // A retry of a forward that already went through finds it moved: answer as the first did.
            if let Some(saved) = idempotency.saved(state.store.as_ref()).await? {
                return Ok(Outcome::Replayed(saved));
            }
            return Err(refusal(ReceiptRefusal::StaleVersion {
                current: receipt.version,
            }));
        }
        authorize(&user.actor, Action::ForwardReceipt, resource)?;
        let source = load_post(state.store.as_ref(), &receipt.holder)
            .await?
            .ok_or(ApiError::NotFound("post"))?;
        let now = state.now();
        let (moved, movement) = receipt
            .forward(order.clone(), user.actor.employee.clone(), now)
            .map_err(refusal)?;
        let view = ReceiptView {
            diary_number_text: moved.diary_number.to_string(),
            receipt: moved.clone(),
            holder_post: target.summary(),
            can_forward: user.actor.holds(&moved.holder),
        };

        let writes = vec![
            Write::Put {
                item: receipt_item(&moved),
                condition: Condition::VersionIs(receipt.version),
            },
            Write::Put {
                item: movement_item(
                    &moved.id,
                    &movement_entry(user, movement, Some(source.label()), target.label()),
                ),
                condition: Condition::NotExists,
            },
            Write::Delete {
                key: inbox_key(&receipt),
                condition: Condition::None,
            },
            Write::Put {
                item: inbox_item(&moved, Some((receipt.holder.clone(), source.label()))),
                condition: Condition::None,
            },
        ];
        match idempotency
            .commit(state.store.as_ref(), writes, StatusCode::OK, view, now.unix_timestamp())
            .await?
        {
            Ok(outcome) => return Ok(outcome),
            Err(StoreError::ConditionFailed { index: 0, current }) => {
                return Err(ApiError::Conflict {
                    message: "someone else moved this receipt first; reload it".into(),
                    current_version: current.map(|item| item.version),
                })
            }
            Err(StoreError::TransactionConflict) => backoff(attempt).await,
            Err(other) => return Err(other.into()),
        }
    }
    Err(ApiError::Unavailable)
}
