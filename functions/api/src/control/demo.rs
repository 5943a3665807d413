//! Six weeks of demo activity, so the control room of a fresh local run has pendency to show in
//! every department and district: files opened, sent on and closed, letters diarised and
//! forwarded, each on its own day, through the same services the API runs (so the counters are
//! exactly what real use would have left).
//!
//! Only desks no demo official holds are used, so the demo officials' inboxes stay as the README
//! describes them. Runs once: a marker item records it.

use crate::auth::CurrentUser;
use crate::error::ApiError;
use crate::idempotency::{Begun, Idempotency, IdempotencyHeader, Outcome};
use crate::org::seed::DEMO_USERS;
use crate::org::{list_departments, list_offices, list_posts, EmployeeRecord, StoredPost};
use crate::state::{AppState, ManualClock};
use daftar_domain::org::{Employee, Role};
use daftar_domain::{EmployeeId, FileId, PersonName, ReceiptId};
use daftar_store::{Condition, Item, Key, Write};
use serde_json::json;
use std::sync::Arc;
use time::{Duration, OffsetDateTime};

const MARKER: &str = "demo-activity-v1";
/// How far back the activity starts.
const DAYS: i64 = 42;

const SUBJECTS: &[&str] = &[
    "Release of grant-in-aid for the second quarter",
    "Pension case of a retired Junior Engineer",
    "Repair of the office building roof before the monsoon",
    "Court case: writ petition on seniority",
    "Purchase of computers through GeM",
    "Reply to an Assembly question on vacancies",
    "Revision of the schedule of rates",
    "Grievance from CM Window about a delayed payment",
    "Annual property returns of officers",
    "Transfer policy for Group C employees",
    "Audit para of the Accountant General",
    "Budget estimates for the next financial year",
];

/// A tiny deterministic generator: the same demo every time.
struct Dice(u64);

impl Dice {
    fn roll(&mut self, sides: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % sides
    }
}

/// One thing to do on one day.
enum Step {
    OpenFile {
        file: usize,
        at: usize,
        subject: &'static str,
    },
    SendFile {
        file: usize,
        to: usize,
    },
    CloseFile {
        file: usize,
    },
    Diarise {
        receipt: usize,
        at: usize,
        subject: &'static str,
    },
    Forward {
        receipt: usize,
        to: usize,
    },
}

/// Seeds the activity unless it is there already. Returns whether it wrote anything.
pub async fn seed_activity(state: &AppState) -> Result<bool, ApiError> {
    let store = state.store.as_ref();
    let marker = Write::Put {
        item: Item::new(Key::new("SEED", MARKER), json!({})),
        condition: Condition::NotExists,
    };
    match store.write(marker).await {
        Ok(()) => {}
        Err(daftar_store::StoreError::ConditionFailed { .. }) => return Ok(false),
        Err(other) => return Err(other.into()),
    }
    let held: Vec<&str> = DEMO_USERS.iter().map(|u| u.3).collect();
    let mut desks: Vec<StoredPost> = Vec::new();
    for dept in list_departments(store).await? {
        for office in list_offices(store, &dept.code).await? {
            desks.extend(
                list_posts(store, &office.code)
                    .await?
                    .into_iter()
                    .filter(|p| !held.contains(&p.post.id.as_ref())),
            );
        }
    }
    let (plan, file_count, receipt_count) = plan(&desks, state.now());
    let clock = Arc::new(ManualClock::at(state.now()));
    let at_then = state.clone().with_clock(clock.clone());
    // Opened and diarised in time order, so each has its slot from the plan.
    let mut files: Vec<Option<(FileId, u64)>> = vec![None; file_count];
    let mut receipts: Vec<Option<(ReceiptId, u64)>> = vec![None; receipt_count];
    let mut last = state.now() - Duration::days(DAYS);
    clock.advance(last - state.now());
    for (when, step) in plan {
        clock.advance(when - last);
        last = when;
        run(&at_then, &desks, step, &mut files, &mut receipts).await?;
    }
    Ok(true)
}

/// The days and steps, in time order. Each office gets a few files and letters; most move on
/// once or twice, some are disposed of, and a few stay where they are for weeks.
/// Returns the steps with how many files and receipts they open.
fn plan(desks: &[StoredPost], now: OffsetDateTime) -> (Vec<(OffsetDateTime, Step)>, usize, usize) {
    let mut dice = Dice(0x0da7_7a12_2026);
    let start = now - Duration::days(DAYS);
    let mut steps = Vec::new();
    let mut files = 0;
    let mut receipts = 0;
    let offices: Vec<&daftar_domain::OfficeCode> = {
        let mut offices: Vec<_> = desks.iter().map(|d| &d.post.office).collect();
        offices.dedup();
        offices
    };
    for office in offices {
        let here: Vec<usize> = (0..desks.len()).filter(|&i| &desks[i].post.office == office).collect();
        // An office with a single free desk still opens files; they just stay there.
        if here.is_empty() {
            continue;
        }
        let pick = |dice: &mut Dice| here[dice.roll(here.len() as u64) as usize];
        let busy = 2 + dice.roll(5);
        for _ in 0..busy {
            // Office hours, on some day of the six weeks.
            let day = dice.roll(DAYS as u64 - 1) as i64;
            let opened = start + Duration::days(day) + Duration::hours(4 + dice.roll(7) as i64);
            let at = pick(&mut dice);
            let subject = SUBJECTS[dice.roll(SUBJECTS.len() as u64) as usize];
            steps.push((
                opened,
                Step::OpenFile {
                    file: files,
                    at,
                    subject,
                },
            ));
            let mut when = opened;
            for _ in 0..dice.roll(3) {
                when += Duration::hours(2 + dice.roll(24 * 6) as i64);
                if when >= now {
                    break;
                }
                let to = pick(&mut dice);
                steps.push((when, Step::SendFile { file: files, to }));
            }
            if dice.roll(5) == 0 && when + Duration::days(1) < now {
                steps.push((when + Duration::days(1), Step::CloseFile { file: files }));
            }
            files += 1;
        }
        // Letters are diarised in the central registry, where the office has one free of demo officials.
        let registry = here
            .iter()
            .copied()
            .find(|&i| desks[i].post.id.as_ref().ends_with("-CRU"));
        for _ in 0..dice.roll(4) {
            let day = dice.roll(DAYS as u64 - 1) as i64;
            let diarised = start + Duration::days(day) + Duration::hours(4 + dice.roll(6) as i64);
            let at = registry.unwrap_or_else(|| pick(&mut dice));
            let subject = SUBJECTS[dice.roll(SUBJECTS.len() as u64) as usize];
            steps.push((
                diarised,
                Step::Diarise {
                    receipt: receipts,
                    at,
                    subject,
                },
            ));
            let forwarded = diarised + Duration::hours(1 + dice.roll(48) as i64);
            if forwarded < now {
                steps.push((
                    forwarded,
                    Step::Forward {
                        receipt: receipts,
                        to: pick(&mut dice),
                    },
                ));
            }
            receipts += 1;
        }
    }
    // Opening comes before anything done to what was opened, since each is earlier in time.
    steps.sort_by_key(|(when, _)| *when);
    (steps, files, receipts)
}

/// A demo official at one desk: whoever does the step there.
fn official_at(desk: &StoredPost) -> CurrentUser {
    let employee = Employee {
        id: EmployeeId::parse("HR0999").expect("a valid demo ID"),
        name_en: PersonName::parse("Demo activity").expect("a valid name"),
        name_hi: PersonName::parse("डेमो गतिविधि").expect("a valid name"),
        designation_en: desk.post.title_en.clone(),
        designation_hi: desk.post.title_hi.clone(),
        posts: vec![desk.post.id.clone()],
        roles: vec![Role::Employee, Role::Diarist],
    };
    CurrentUser::from(EmployeeRecord {
        employee,
        postings: vec![desk.summary()],
    })
}

async fn fresh(state: &AppState, user: &CurrentUser, route: &str) -> Result<Idempotency, ApiError> {
    match Idempotency::begin(state, &user.actor.employee, IdempotencyHeader(None), route, &route).await? {
        Begun::Fresh(idempotency) => Ok(idempotency),
        Begun::Replay(_) => Err(ApiError::Unavailable),
    }
}

fn done<T>(outcome: Outcome<T>) -> Result<T, ApiError> {
    match outcome {
        Outcome::Done(value) => Ok(value),
        Outcome::Replayed(_) => Err(ApiError::Unavailable),
    }
}

fn request<T: serde::de::DeserializeOwned>(value: serde_json::Value) -> T {
    serde_json::from_value(value).expect("demo requests are well formed")
}

async fn run(
    state: &AppState,
    desks: &[StoredPost],
    step: Step,
    files: &mut [Option<(FileId, u64)>],
    receipts: &mut [Option<(ReceiptId, u64)>],
) -> Result<(), ApiError> {
    match step {
        Step::OpenFile { file, at, subject } => {
            let user = official_at(&desks[at]);
            let body = json!({"at_post": desks[at].post.id, "subject": subject, "category": "general", "head": "GEN"});
            let view =
                done(crate::files::create(state, &user, request(body), &fresh(state, &user, "open").await?).await?)?;
            files[file] = Some((view.file.id, view.file.version));
        }
        Step::SendFile { file, to } => {
            let (id, version) = files[file].clone().expect("opened before it moves");
            let holder = crate::files::load_file(state.store.as_ref(), &id).await?;
            if holder.pending_at().is_none() || holder.holder == desks[to].post.id {
                return Ok(());
            }
            let from = desks
                .iter()
                .find(|d| d.post.id == holder.holder)
                .expect("demo files stay on demo desks");
            let user = official_at(from);
            let body = json!({"version": version, "action": "send", "to_post": desks[to].post.id});
            let view = done(
                crate::files::move_file(state, &user, &id, request(body), &fresh(state, &user, "send").await?).await?,
            )?;
            files[file] = Some((id, view.file.version));
        }
        Step::CloseFile { file } => {
            let (id, version) = files[file].clone().expect("opened before it moves");
            let current = crate::files::load_file(state.store.as_ref(), &id).await?;
            // Only the desk that opened a file closes it.
            if current.path.first() != Some(&current.holder) || current.pending_at().is_none() {
                return Ok(());
            }
            let from = desks.iter().find(|d| d.post.id == current.holder).expect("a demo desk");
            let user = official_at(from);
            let body = json!({"version": version, "action": "close", "reason": "Disposed of; orders issued."});
            let view = done(
                crate::files::move_file(state, &user, &id, request(body), &fresh(state, &user, "close").await?).await?,
            )?;
            files[file] = Some((id, view.file.version));
        }
        Step::Diarise { receipt, at, subject } => {
            let user = official_at(&desks[at]);
            let letter_date = daftar_domain::local_time::office_date(state.now()) - Duration::days(2);
            let body = json!({
                "at_post": desks[at].post.id,
                "letter": {"sender": "Deputy Commissioner's office", "subject": subject, "letter_date": letter_date, "mode": "portal", "category": "general"},
                "remarks": ""
            });
            let view = done(
                crate::receipts::diarise(state, &user, request(body), &fresh(state, &user, "diarise").await?).await?,
            )?;
            receipts[receipt] = Some((view.receipt.id, view.receipt.version));
        }
        Step::Forward { receipt, to } => {
            let (id, version) = receipts[receipt].clone().expect("diarised before it moves");
            let current = crate::receipts::load_receipt(state, &id).await?;
            if current.holder == desks[to].post.id {
                return Ok(());
            }
            let from = desks.iter().find(|d| d.post.id == current.holder).expect("a demo desk");
            let user = official_at(from);
            let body = json!({"version": version, "to_post": desks[to].post.id});
            let view = done(
                crate::receipts::forward(state, &user, &id, request(body), &fresh(state, &user, "forward").await?)
                    .await?,
            )?;
            receipts[receipt] = Some((id, view.receipt.version));
        }
    }
    Ok(())
}
