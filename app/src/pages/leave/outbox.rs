//! Leave applications filled in without a connection: kept on the phone and sent when the
//! connection returns, each with the idempotency key it was given when it was filled in, so a
//! send whose answer was lost cannot apply twice.
//!
//! The queue lives in `localStorage` under the applicant's employee ID: another official signing
//! in on the same phone neither sees nor sends it.

use crate::api::{self, ApiError};
use crate::session::{use_session, Session};
use daftar_domain::ids::{EmployeeId, IdempotencyKey};
use daftar_domain::leave::wire::{ApplyRequest, LeaveApplicationView};
use daftar_domain::leave::LeaveRequest;
use leptos::prelude::*;
use leptos::task::spawn_local;
use serde::{Deserialize, Serialize};

const STORAGE_KEY: &str = "daftar.leave.outbox";

/// One application waiting to be sent.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Queued {
    pub employee: EmployeeId,
    pub key: IdempotencyKey,
    pub request: ApplyRequest,
}

/// What became of a queued application, for the status line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OutboxReport {
    /// Kept on the phone because there is no connection.
    Saved(LeaveRequest),
    /// Sent once the connection returned.
    Sent(Box<LeaveApplicationView>),
    /// The server refused it; it is no longer queued, and the reason is shown.
    Refused { spell: LeaveRequest, error: ApiError },
}

/// Whether a failed send leaves the application queued: only when no answer came (or the
/// server could not finish), since the same key then either does the work or replays it.
pub fn stays_queued(error: &ApiError) -> bool {
    error.is_retryable()
}

/// The queue as stored: a JSON list. Anything unreadable is dropped rather than blocking the
/// app, since it could never be sent anyway.
pub fn decode(raw: Option<&str>) -> Vec<Queued> {
    raw.and_then(|raw| serde_json::from_str(raw).ok()).unwrap_or_default()
}

pub fn encode(queue: &[Queued]) -> String {
    serde_json::to_string(queue).unwrap_or_else(|_| "[]".into())
}

/// The outbox context: the queue and the latest report.
#[derive(Debug, Clone, Copy)]
pub struct LeaveOutbox {
    queue: RwSignal<Vec<Queued>>,
    report: RwSignal<Option<OutboxReport>>,
    sending: RwSignal<bool>,
    session: Session,
}

fn storage() -> Option<web_sys::Storage> {
    window().local_storage().ok().flatten()
}

/// Whether the browser believes it is connected.
pub fn online() -> bool {
    window().navigator().on_line()
}

impl LeaveOutbox {
    /// Provides the context, and sends whatever is queued now and whenever the connection
    /// returns.
    pub fn provide() -> Self {
        let stored = storage().and_then(|s| s.get_item(STORAGE_KEY).ok().flatten());
        let outbox = LeaveOutbox {
            queue: RwSignal::new(decode(stored.as_deref())),
            report: RwSignal::new(None),
            sending: RwSignal::new(false),
            session: use_session(),
        };
        provide_context(outbox);
        Effect::new(move |_| {
            let raw = outbox.queue.with(|q| encode(q));
            if let Some(storage) = storage() {
                // A full storage only loses the copy; the queue stays in memory for this visit.
                let _ = storage.set_item(STORAGE_KEY, &raw);
            }
        });
        let session = outbox.session;
        // Once someone is signed in, and again on every return of the connection.
        Effect::new(move |_| {
            if session.me().is_some() {
                outbox.flush();
            }
        });
        let handle = window_event_listener_untyped("online", move |_| outbox.flush());
        // The listener lives as long as the app.
        std::mem::forget(handle);
        outbox
    }

    /// The signed-in official's queued applications (tracked).
    pub fn mine(&self) -> Vec<Queued> {
        let Some(me) = self.session.me() else { return Vec::new() };
        self.queue.with(|q| {
            q.iter()
                .filter(|item| item.employee == me.employee_id)
                .cloned()
                .collect()
        })
    }

    pub fn report(&self) -> Option<OutboxReport> {
        self.report.get()
    }

    pub fn clear_report(&self) {
        self.report.set(None);
    }

    /// Keeps an application to send later.
    pub fn keep(&self, employee: EmployeeId, key: IdempotencyKey, request: ApplyRequest) {
        let spell = request.spell();
        self.queue.update(|q| {
            if !q.iter().any(|item| item.key == key) {
                q.push(Queued { employee, key, request })
            }
        });
        self.report.set(Some(OutboxReport::Saved(spell)));
    }

    /// Sends the signed-in official's queued applications, one at a time, oldest first.
    pub fn flush(&self) {
        let outbox = *self;
        if outbox.sending.get_untracked() || !online() {
            return;
        }
        let Some(me) = outbox.session.me_untracked() else {
            return;
        };
        let mine: Vec<Queued> = outbox.queue.with_untracked(|q| {
            q.iter()
                .filter(|item| item.employee == me.employee_id)
                .cloned()
                .collect()
        });
        if mine.is_empty() {
            return;
        }
        outbox.sending.set(true);
        spawn_local(async move {
            for item in mine {
                let outcome = api::leave::apply(&item.request, &item.key).await;
                let report = match outcome {
                    Ok(view) => OutboxReport::Sent(Box::new(view)),
                    Err(error) if stays_queued(&error) => break,
                    Err(error) => OutboxReport::Refused {
                        spell: item.request.spell(),
                        error,
                    },
                };
                outbox.queue.update(|q| q.retain(|queued| queued.key != item.key));
                outbox.report.set(Some(report));
            }
            outbox.sending.set(false);
        });
    }
}

pub fn use_outbox() -> LeaveOutbox {
    expect_context::<LeaveOutbox>()
}

#[cfg(test)]
mod tests {
    use super::*;
    use daftar_domain::wire::{ErrorCode, Problem};

    fn queued() -> Queued {
        let request: ApplyRequest = serde_json::from_value(serde_json::json!({
            "kind": "earned", "from": "2026-03-20", "to": "2026-03-24", "reason": "Family function"
        }))
        .unwrap();
        Queued {
            employee: EmployeeId::parse("HR2001").unwrap(),
            key: IdempotencyKey::parse("0123456789abcdef0123456789abcdef").unwrap(),
            request,
        }
    }

    #[test]
    fn the_queue_survives_storage_with_its_keys() {
        let queue = vec![queued()];
        assert_eq!(decode(Some(&encode(&queue))), queue);
    }

    #[test]
    fn an_unreadable_queue_is_empty_rather_than_stuck() {
        assert!(decode(Some("{not json")).is_empty());
        assert!(decode(None).is_empty());
    }

    #[test]
    fn only_unanswered_sends_stay_queued() {
        assert!(stays_queued(&ApiError::Network));
        let refused = ApiError::Problem(Box::new(Problem {
            type_uri: "about:blank".into(),
            title: "Invalid".into(),
            status: 422,
            detail: "over the balance".into(),
            detail_hi: None,
            code: ErrorCode::Invalid,
            field: Some("kind".into()),
            current_version: None,
        }));
        assert!(!stays_queued(&refused));
    }
}
