//! e-Receipt: diarise inward letters, list a post's inbox, forward, and read the movement history.
//!
//! Each change is one store transaction: the receipt (conditional on its version), its history
//! entry, both inbox rows and the idempotency record all change together or not at all.

pub(crate) mod routes;

pub use routes::router;

use crate::auth::CurrentUser;
use crate::counters::{Counted, Tally};
use crate::error::ApiError;
use crate::idempotency::{Idempotency, Outcome, SavedResponse};
use crate::keys;
use crate::org::{load_post, StoredPost};
use crate::state::AppState;
use axum::http::StatusCode;
use daftar_domain::auth::{authorize, Action, Resource};
use daftar_domain::local_time::office_date;
use daftar_domain::receipt::{
    diarise as diarise_letter, Diarisation, DiaryNumber, ForwardOrder, Movement, Receipt, ReceiptRefusal, ReceiptStatus,
};
use daftar_domain::wire::{
    AcknowledgedCopy, CloseReceiptRequest, DiariseRequest, InboxEntry, MovementEntry, PostLabel, ReceiptDeskView,
    ReceiptView,
};
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
        ReceiptRefusal::InFile
        | ReceiptRefusal::Closed
        | ReceiptRefusal::NotReceived
        | ReceiptRefusal::AlreadyReceived => ApiError::WrongState(refusal.to_string()),
        ReceiptRefusal::BadCopies | ReceiptRefusal::RestrictedCopies => ApiError::invalid("copies", refusal),
        ReceiptRefusal::DueDateInPast => ApiError::invalid("due_date", refusal),
        ReceiptRefusal::NoReason => ApiError::invalid("remarks", refusal),
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

/// The sort-key prefix of each receipt list in a post's `INBOX#` partition (files use others).
pub fn desk_prefix(view: ReceiptDeskView) -> &'static str {
    match view {
        ReceiptDeskView::Inbox => "R#",
        ReceiptDeskView::Sent => "RS#",
        ReceiptDeskView::Created => "RN#",
        ReceiptDeskView::Closed => "RX#",
    }
}

fn desk_key(post: &PostId, view: ReceiptDeskView, at: OffsetDateTime, id: &ReceiptId) -> Key {
    keys::desk_receipt(post, desk_prefix(view), unix_millis(at), id)
}

/// The receipt's row in its holder's inbox.
pub(crate) fn inbox_key(receipt: &Receipt) -> Key {
    desk_key(&receipt.holder, ReceiptDeskView::Inbox, receipt.held_since, &receipt.id)
}

/// A row in one of a desk's receipt lists.
struct Row<'a> {
    receipt: &'a Receipt,
    at: OffsetDateTime,
    from: Option<(PostId, PostLabel)>,
    to: Option<(PostId, PostLabel)>,
    copy: bool,
}

impl Row<'_> {
    fn item(self, key: Key) -> Item {
        let (from_post, from_label) = self.from.unzip();
        let (to_post, to_label) = self.to.unzip();
        let receipt = self.receipt;
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
            arrived_at: self.at,
            to_post,
            to_label,
            copy: self.copy,
        };
        Item::new(key, serde_json::to_value(entry).expect("inbox entries serialise"))
    }
}

fn inbox_item(receipt: &Receipt, from: Option<(PostId, PostLabel)>) -> Item {
    Row {
        receipt,
        at: receipt.held_since,
        from,
        to: None,
        copy: false,
    }
    .item(inbox_key(receipt))
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
                classification: request.classification,
                medium: request.medium,
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
        writes.extend(crate::search::index_receipt(&receipt));
        let created = Row {
            receipt: &receipt,
            at: now,
            from: None,
            to: None,
            copy: false,
        };
        writes.push(Write::Put {
            item: created.item(desk_key(&post.post.id, ReceiptDeskView::Created, now, &receipt.id)),
            condition: Condition::None,
        });
        let mut tally = Tally::default();
        tally.pendency(Counted::Receipts, None, Some((&post, receipt.held_since)), now);
        tally.created(Counted::Receipts, &post, now);
        writes.extend(tally.into_writes());
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
    let mut copies = Vec::with_capacity(order.copies.len());
    for copy in &order.copies {
        copies.push(
            load_post(state.store.as_ref(), copy)
                .await?
                .ok_or_else(|| ApiError::invalid("copies", format!("no such post {copy}")))?,
        );
    }
    for attempt in 0..CONFLICT_ATTEMPTS {
        let receipt = load_viewable_receipt(state, user, id).await?;
        if let Some(saved) = stale_or_replay(state, idempotency, &receipt, order.version).await? {
            return Ok(Outcome::Replayed(saved));
        }
        authorize(&user.actor, Action::ForwardReceipt, receipt.as_resource())?;
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

        let mut writes = vec![
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
            Write::Put {
                item: Row {
                    receipt: &moved,
                    at: now,
                    from: None,
                    to: Some((target.post.id.clone(), target.label())),
                    copy: false,
                }
                .item(desk_key(&receipt.holder, ReceiptDeskView::Sent, now, &moved.id)),
                condition: Condition::None,
            },
        ];
        for copy in &copies {
            let row = Row {
                receipt: &moved,
                at: now,
                from: Some((receipt.holder.clone(), source.label())),
                to: None,
                copy: true,
            };
            writes.push(Write::Put {
                item: row.item(desk_key(&copy.post.id, ReceiptDeskView::Inbox, now, &moved.id)),
                condition: Condition::None,
            });
            writes.push(Write::Put {
                item: Item::new(
                    keys::receipt_copy(&moved.id, &copy.post.id),
                    serde_json::json!({ "at_millis": unix_millis(now) }),
                ),
                condition: Condition::None,
            });
        }
        let mut tally = Tally::default();
        tally.pendency(
            Counted::Receipts,
            Some((&source, receipt.held_since)),
            Some((&target, moved.held_since)),
            now,
        );
        tally.moved(Counted::Receipts, &source, now);
        writes.extend(tally.into_writes());
        match settle(
            idempotency
                .commit(state.store.as_ref(), writes, StatusCode::OK, view, now.unix_timestamp())
                .await?,
        )? {
            Some(outcome) => return Ok(outcome),
            None => backoff(attempt).await,
        }
    }
    Err(ApiError::Unavailable)
}

/// Maps a receipt change's commit: a lost condition on the receipt is someone else's change
/// (409 with its current version); a transaction conflict is retried (`None`).
fn settle(result: Result<Outcome<ReceiptView>, StoreError>) -> Result<Option<Outcome<ReceiptView>>, ApiError> {
    match result {
        Ok(outcome) => Ok(Some(outcome)),
        Err(StoreError::ConditionFailed { index: 0, current }) => Err(ApiError::Conflict {
            message: "someone else changed this receipt first; reload it".into(),
            current_version: current.map(|item| item.version),
        }),
        Err(StoreError::TransactionConflict) => Ok(None),
        Err(other) => Err(other.into()),
    }
}

/// An official who saw an older version is told it changed (409), even if it has moved out of
/// their hands: that is what happened, and reloading shows where it went. A retry of a request
/// that already went through finds the receipt changed by itself: it gets the first answer.
async fn stale_or_replay(
    state: &AppState,
    idempotency: &Idempotency,
    receipt: &Receipt,
    version: u64,
) -> Result<Option<SavedResponse>, ApiError> {
    if version == receipt.version {
        return Ok(None);
    }
    match idempotency.saved(state.store.as_ref()).await? {
        Some(saved) => Ok(Some(saved)),
        None => Err(refusal(ReceiptRefusal::StaleVersion {
            current: receipt.version,
        })),
    }
}

/// A change made to a receipt where it is (close, receive): decided by `decide` on the receipt
/// as loaded, written with its movement entry and whatever `more` adds, conditional on the
/// version the official saw.
async fn change_at_desk(
    state: &AppState,
    user: &CurrentUser,
    id: &ReceiptId,
    version: u64,
    idempotency: &Idempotency,
    decide: impl Fn(&Receipt, OffsetDateTime) -> Result<(Receipt, Movement), ReceiptRefusal>,
    more: impl Fn(&Receipt, &Receipt, &StoredPost, OffsetDateTime) -> Vec<Write>,
) -> Result<Outcome<ReceiptView>, ApiError> {
    for attempt in 0..CONFLICT_ATTEMPTS {
        let receipt = load_viewable_receipt(state, user, id).await?;
        if let Some(saved) = stale_or_replay(state, idempotency, &receipt, version).await? {
            return Ok(Outcome::Replayed(saved));
        }
        authorize(&user.actor, Action::ForwardReceipt, receipt.as_resource())?;
        let holder = load_post(state.store.as_ref(), &receipt.holder)
            .await?
            .ok_or(ApiError::NotFound("post"))?;
        let now = state.now();
        let (after, movement) = decide(&receipt, now).map_err(refusal)?;
        let mut writes = vec![
            Write::Put {
                item: receipt_item(&after),
                condition: Condition::VersionIs(receipt.version),
            },
            Write::Put {
                item: movement_item(
                    &after.id,
                    &movement_entry(user, movement, Some(holder.label()), holder.label()),
                ),
                condition: Condition::NotExists,
            },
        ];
        writes.extend(more(&receipt, &after, &holder, now));
        let view = ReceiptView {
            diary_number_text: after.diary_number.to_string(),
            can_forward: authorize(&user.actor, Action::ForwardReceipt, after.as_resource()).is_ok()
                && after.status == ReceiptStatus::Active,
            receipt: after,
            holder_post: holder.summary(),
        };
        match settle(
            idempotency
                .commit(state.store.as_ref(), writes, StatusCode::OK, view, now.unix_timestamp())
                .await?,
        )? {
            Some(outcome) => return Ok(outcome),
            None => backoff(attempt).await,
        }
    }
    Err(ApiError::Unavailable)
}

/// Closes a receipt at the holder's desk: it leaves the inbox for the closed list.
pub async fn close(
    state: &AppState,
    user: &CurrentUser,
    id: &ReceiptId,
    request: CloseReceiptRequest,
    idempotency: &Idempotency,
) -> Result<Outcome<ReceiptView>, ApiError> {
    let by = user.actor.employee.clone();
    change_at_desk(
        state,
        user,
        id,
        request.version,
        idempotency,
        |receipt, now| receipt.close(request.version, request.remarks.clone(), by.clone(), now),
        |before, closed, holder, now| {
            let row = Row {
                receipt: closed,
                at: now,
                from: None,
                to: None,
                copy: false,
            };
            let mut tally = Tally::default();
            tally.pendency(Counted::Receipts, Some((holder, before.held_since)), None, now);
            let mut writes = vec![
                Write::Delete {
                    key: inbox_key(before),
                    condition: Condition::None,
                },
                Write::Put {
                    item: row.item(desk_key(&closed.holder, ReceiptDeskView::Closed, now, &closed.id)),
                    condition: Condition::None,
                },
            ];
            writes.extend(tally.into_writes());
            writes
        },
    )
    .await
}

/// The holder marks a paper receipt received on arrival.
pub async fn receive(
    state: &AppState,
    user: &CurrentUser,
    id: &ReceiptId,
    version: u64,
    idempotency: &Idempotency,
) -> Result<Outcome<ReceiptView>, ApiError> {
    let by = user.actor.employee.clone();
    change_at_desk(
        state,
        user,
        id,
        version,
        idempotency,
        |receipt, now| receipt.receive(version, by.clone(), now),
        |_, _, _, _| Vec::new(),
    )
    .await
}

/// A desk that got a copy for information acknowledges it: the copy leaves its inbox.
pub async fn acknowledge_copy(
    state: &AppState,
    user: &CurrentUser,
    id: &ReceiptId,
    post: &PostId,
    idempotency: &Idempotency,
) -> Result<Outcome<AcknowledgedCopy>, ApiError> {
    authorize(&user.actor, Action::ViewInbox, Resource::Post(post))?;
    let copy_key = keys::receipt_copy(id, post);
    let copy = state.store.get(&copy_key).await?.ok_or(ApiError::NotFound("copy"))?;
    let at_millis = copy.body["at_millis"]
        .as_i64()
        .ok_or_else(|| ApiError::Internal(format!("copy record {}/{} is malformed", copy_key.pk, copy_key.sk)))?;
    let writes = vec![
        Write::Delete {
            key: copy_key,
            condition: Condition::VersionIs(copy.version),
        },
        Write::Delete {
            key: keys::desk_receipt(post, desk_prefix(ReceiptDeskView::Inbox), at_millis, id),
            condition: Condition::None,
        },
    ];
    let done = AcknowledgedCopy {
        receipt_id: id.clone(),
        post: post.clone(),
    };
    Ok(idempotency
        .commit(
            state.store.as_ref(),
            writes,
            StatusCode::OK,
            done,
            state.now().unix_timestamp(),
        )
        .await??)
}
