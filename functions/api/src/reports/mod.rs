//! Reports: what eOffice users print and export, built from the same counters and desk lists
//! the control room and the desks read. No report counts files: the summaries, month-wise and
//! disposal reports read counter partitions (one query per scope shown), the ageing report one
//! page of each desk's lists, and "my files" one page of the caller's sent and created lists
//! plus the files on that page.

mod csv;
pub(crate) mod routes;
pub mod summarise;

pub use routes::router;

use crate::control::figures::Counter;
use crate::control::{counters, department, office};
use crate::counters::Scope;
use crate::error::ApiError;
use crate::files::views::prefix as file_prefix;
use crate::keys;
use crate::org::{list_departments, list_offices, list_posts, load_post, StoredPost};
use crate::receipts::desk_prefix;
use daftar_domain::auth::Actor;
use daftar_domain::control::ScopeRef;
use daftar_domain::file::File;
use daftar_domain::local_time::office_date;
use daftar_domain::org::{Office, OfficeKind};
use daftar_domain::reports::{
    age_bucket, AgedItem, AgeingReport, DeskAgeing, DisposalReport, ItemKind, MonthlyReport, NamedScope,
    PendingElsewhere, SummaryReport, SummaryRow, SummaryRowKind, YearMonth, AGE_BUCKETS,
};
use daftar_domain::wire::{DeskView, FileRow, InboxEntry, Page, ReceiptDeskView};
use daftar_domain::{DeptCode, FileId, PostId};
use daftar_store::{Index, Query, SortRange, Store, StoreError};
use futures_util::future::try_join_all;
use std::collections::{BTreeMap, HashSet};
use time::{Date, OffsetDateTime};

/// How many pending items of each list the ageing report reads per desk.
pub const DESK_ROWS: u32 = daftar_domain::reports::DESK_LIST_ROWS;

/// A scope a report is about, as asked for and found.
pub struct Resolved {
    pub scope: Scope,
    pub named: NamedScope,
    /// The department whose officials may see it; `None` for the state.
    pub dept: Option<DeptCode>,
}

impl Resolved {
    pub fn state() -> Self {
        Self {
            scope: Scope::State,
            named: NamedScope {
                scope: ScopeRef::State,
                name_en: "All departments".into(),
                name_hi: "सभी विभाग".into(),
            },
            dept: None,
        }
    }

    pub fn department(dept: &daftar_domain::org::Department) -> Self {
        Self {
            scope: Scope::Department(dept.code.clone()),
            named: NamedScope {
                scope: ScopeRef::Department(dept.code.clone()),
                name_en: dept.name_en.clone(),
                name_hi: dept.name_hi.clone(),
            },
            dept: Some(dept.code.clone()),
        }
    }

    pub fn office(office: &Office) -> Self {
        Self {
            scope: Scope::Office(office.code.clone()),
            named: NamedScope {
                scope: ScopeRef::Office(office.code.clone()),
                name_en: office.name_en.clone(),
                name_hi: office.name_hi.clone(),
            },
            dept: Some(office.dept.clone()),
        }
    }
}

fn summary_row(
    scope: ScopeRef,
    kind: SummaryRowKind,
    name_en: &str,
    name_hi: &str,
    counters: &[Counter],
    today: Date,
) -> SummaryRow {
    let (files, receipts) = summarise::summary(counters, today);
    SummaryRow {
        scope,
        kind,
        name_en: name_en.to_owned(),
        name_hi: name_hi.to_owned(),
        files,
        receipts,
    }
}

/// A scope's counters, the scope owned so many can be read at once.
async fn read(store: &dyn Store, scope: Scope) -> Result<Vec<Counter>, ApiError> {
    counters(store, &scope).await
}

fn office_kind(office: &Office) -> SummaryRowKind {
    match office.kind {
        OfficeKind::Headquarters => SummaryRowKind::Office,
        OfficeKind::District { .. } => SummaryRowKind::District,
    }
}

/// The departmental summary: for the state, the total, every department and every district
/// office; for a department, its total and each of its offices. One counter query per row.
pub async fn summary(store: &dyn Store, dept: Option<&DeptCode>, today: Date) -> Result<SummaryReport, ApiError> {
    let mut rows = Vec::new();
    match dept {
        None => {
            let departments = list_departments(store).await?;
            let offices: Vec<Office> = try_join_all(departments.iter().map(|d| list_offices(store, &d.code)))
                .await?
                .into_iter()
                .flatten()
                .filter(|o| matches!(o.kind, OfficeKind::District { .. }))
                .collect();
            let (state, dept_counters, office_counters) = tokio::try_join!(
                read(store, Scope::State),
                try_join_all(
                    departments
                        .iter()
                        .map(|d| read(store, Scope::Department(d.code.clone())))
                ),
                try_join_all(offices.iter().map(|o| read(store, Scope::Office(o.code.clone())))),
            )?;
            let total = Resolved::state().named;
            rows.push(summary_row(
                total.scope,
                SummaryRowKind::Total,
                &total.name_en,
                &total.name_hi,
                &state,
                today,
            ));
            for (d, c) in departments.iter().zip(&dept_counters) {
                rows.push(summary_row(
                    ScopeRef::Department(d.code.clone()),
                    SummaryRowKind::Department,
                    &d.name_en,
                    &d.name_hi,
                    c,
                    today,
                ));
            }
            for (o, c) in offices.iter().zip(&office_counters) {
                rows.push(summary_row(
                    ScopeRef::Office(o.code.clone()),
                    SummaryRowKind::District,
                    &o.name_en,
                    &o.name_hi,
                    c,
                    today,
                ));
            }
        }
        Some(code) => {
            let dept = department(store, code).await?;
            let offices = list_offices(store, code).await?;
            let (own, office_counters) = tokio::try_join!(
                read(store, Scope::Department(code.clone())),
                try_join_all(offices.iter().map(|o| read(store, Scope::Office(o.code.clone())))),
            )?;
            rows.push(summary_row(
                ScopeRef::Department(code.clone()),
                SummaryRowKind::Total,
                &dept.name_en,
                &dept.name_hi,
                &own,
                today,
            ));
            for (o, c) in offices.iter().zip(&office_counters) {
                rows.push(summary_row(
                    ScopeRef::Office(o.code.clone()),
                    office_kind(o),
                    &o.name_en,
                    &o.name_hi,
                    c,
                    today,
                ));
            }
        }
    }
    Ok(SummaryReport {
        date: today,
        month: YearMonth::of(today),
        rows,
    })
}

/// Month-wise movement of a scope through a year: one query of its counters.
pub async fn monthly(store: &dyn Store, scope: Resolved, year: i32) -> Result<MonthlyReport, ApiError> {
    let counters = counters(store, &scope.scope).await?;
    let months = summarise::month_wise(&counters, year);
    let mut files = daftar_domain::reports::Flow::default();
    let mut receipts = daftar_domain::reports::Flow::default();
    for month in &months {
        files.absorb(&month.files);
        receipts.absorb(&month.receipts);
    }
    Ok(MonthlyReport {
        scope: scope.named,
        year,
        months,
        files,
        receipts,
    })
}

/// Average time at a desk per month of a range: one query of the scope's counters.
pub async fn disposal(
    store: &dyn Store,
    scope: Resolved,
    from: YearMonth,
    to: YearMonth,
) -> Result<DisposalReport, ApiError> {
    let counters = counters(store, &scope.scope).await?;
    let months = summarise::disposal(&counters, from, to);
    let (files, receipts) = summarise::disposal_total(&months);
    Ok(DisposalReport {
        scope: scope.named,
        from,
        to,
        months,
        files,
        receipts,
    })
}

/// Whole office days an item has waited since it reached its desk.
fn days_since(since: OffsetDateTime, today: Date) -> i64 {
    (today - office_date(since)).whole_days().max(0)
}

fn aged(kind: ItemKind, id: String, number: String, subject: String, since: OffsetDateTime, today: Date) -> AgedItem {
    let days = days_since(since, today);
    AgedItem {
        kind,
        id,
        number,
        subject,
        since,
        days,
        bucket: age_bucket(days) as u8,
    }
}

/// One list of a desk, oldest first, and whether more are there than were read.
async fn oldest_first<T: serde::de::DeserializeOwned>(
    store: &dyn Store,
    post: &PostId,
    prefix: &str,
) -> Result<(Vec<T>, bool), ApiError> {
    let mut query = Query::new(Index::Table, keys::inbox_partition(post));
    query.range = SortRange::Prefix(prefix.to_owned());
    query.limit = DESK_ROWS;
    let page = store.query(query).await?;
    let items = page
        .items
        .iter()
        .map(|item| item.parse())
        .collect::<Result<Vec<T>, _>>()?;
    Ok((items, page.next.is_some()))
}

/// What is pending at one desk, oldest first: three queries (its inbox, parked files and
/// receipts), each one page.
async fn desk_ageing(store: &dyn Store, post: &StoredPost, today: Date) -> Result<DeskAgeing, ApiError> {
    let id = &post.post.id;
    let (inbox, parked, receipts) = tokio::try_join!(
        oldest_first::<FileRow>(store, id, file_prefix(DeskView::Inbox)),
        oldest_first::<FileRow>(store, id, file_prefix(DeskView::Parked)),
        oldest_first::<InboxEntry>(store, id, desk_prefix(ReceiptDeskView::Inbox)),
    )?;
    let mut items: Vec<AgedItem> = inbox
        .0
        .into_iter()
        .chain(parked.0)
        .map(|f| aged(ItemKind::File, f.file_id.to_string(), f.number, f.subject, f.at, today))
        .chain(
            receipts
                .0
                .into_iter()
                // A copy for information is not pending work at the desk.
                .filter(|r| !r.copy)
                .map(|r| {
                    aged(
                        ItemKind::Receipt,
                        r.receipt_id.to_string(),
                        r.diary_number_text,
                        r.subject,
                        r.arrived_at,
                        today,
                    )
                }),
        )
        .collect();
    items.sort_by_key(|item| item.since);
    let mut files = [0; AGE_BUCKETS];
    let mut receipt_buckets = [0; AGE_BUCKETS];
    for item in &items {
        let buckets = match item.kind {
            ItemKind::File => &mut files,
            ItemKind::Receipt => &mut receipt_buckets,
        };
        buckets[usize::from(item.bucket)] += 1;
    }
    Ok(DeskAgeing {
        post: id.clone(),
        title_en: post.post.title_en.clone(),
        title_hi: post.post.title_hi.clone(),
        holder_en: post.holder_name_en.clone(),
        holder_hi: post.holder_name_hi.clone(),
        items,
        files,
        receipts: receipt_buckets,
        truncated: inbox.1 || parked.1 || receipts.1,
    })
}

/// Pendency with ageing for an office: every desk's pending files and receipts, the desk with
/// the oldest first. O(desks) queries.
pub async fn ageing(store: &dyn Store, office: &Office, today: Date) -> Result<AgeingReport, ApiError> {
    let posts = list_posts(store, &office.code).await?;
    let desks = try_join_all(posts.iter().map(|p| desk_ageing(store, p, today))).await?;
    let mut desks: Vec<DeskAgeing> = desks.into_iter().filter(|d| !d.items.is_empty()).collect();
    desks.sort_by_key(|d| d.items.first().map(|i| i.since));
    let mut files = [0; AGE_BUCKETS];
    let mut receipts = [0; AGE_BUCKETS];
    for desk in &desks {
        for n in 0..AGE_BUCKETS {
            files[n] += desk.files[n];
            receipts[n] += desk.receipts[n];
        }
    }
    Ok(AgeingReport {
        date: today,
        office: office.code.clone(),
        name_en: office.name_en.clone(),
        name_hi: office.name_hi.clone(),
        desks,
        files,
        receipts,
    })
}

/// The headquarters office of a department: the ageing report's office when only a department
/// is named.
pub async fn headquarters(store: &dyn Store, dept: &DeptCode) -> Result<Option<Office>, ApiError> {
    Ok(list_offices(store, dept)
        .await?
        .into_iter()
        .find(|o| o.kind == OfficeKind::Headquarters))
}

/// Where a page of "my files" stands: which of the caller's lists, and the store's cursor in it.
struct MyCursor {
    source: usize,
    inner: Option<String>,
}

impl MyCursor {
    fn parse(raw: Option<&str>) -> Result<Self, ApiError> {
        let Some(raw) = raw else {
            return Ok(Self { source: 0, inner: None });
        };
        let bad = || ApiError::invalid("cursor", "this cursor is not valid here").with_hindi("यह कर्सर यहाँ मान्य नहीं है");
        let (source, inner) = raw.split_once('.').ok_or_else(bad)?;
        Ok(Self {
            source: source.parse().map_err(|_| bad())?,
            inner: (!inner.is_empty()).then(|| inner.to_owned()),
        })
    }

    fn text(&self) -> String {
        format!("{}.{}", self.source, self.inner.as_deref().unwrap_or(""))
    }
}

/// The files the caller's desks sent (S#) or opened (N#) that are now pending at another
/// desk, newest first, one list after another. A page examines at most `limit` rows of those
/// lists and loads only the files on them, so it may hold fewer than `limit` (even none) and
/// still have a next cursor. A file sent several times may appear on more than one page.
pub async fn my_files(
    store: &dyn Store,
    actor: &Actor,
    limit: u32,
    cursor: Option<&str>,
    today: Date,
) -> Result<Page<PendingElsewhere>, ApiError> {
    let mut posts: Vec<&PostId> = actor.posts.iter().map(|(post, _)| post).collect();
    posts.sort();
    posts.dedup();
    let sources: Vec<(&PostId, &str)> = posts
        .iter()
        .flat_map(|post| {
            [
                (*post, file_prefix(DeskView::Sent)),
                (*post, file_prefix(DeskView::Created)),
            ]
        })
        .collect();
    let mut at = MyCursor::parse(cursor)?;
    let mut rows: Vec<(PostId, FileRow)> = Vec::new();
    let mut examined = 0;
    while at.source < sources.len() && examined < limit {
        let (post, prefix) = sources[at.source];
        let mut query = Query::new(Index::Table, keys::inbox_partition(post));
        query.range = SortRange::Prefix(prefix.to_owned());
        query.ascending = false;
        query.limit = limit - examined;
        query.cursor = at.inner.take();
        let page = store.query(query).await.map_err(|error| match error {
            StoreError::InvalidRequest(_) => ApiError::invalid("cursor", "this cursor is not valid here"),
            other => other.into(),
        })?;
        // An empty list costs a query but examines nothing: counting each query as at least one
        // row keeps a page bounded for a caller with many posts.
        examined += (page.items.len() as u32).max(1);
        for item in &page.items {
            rows.push((post.clone(), item.parse()?));
        }
        match page.next {
            Some(next) => at.inner = Some(next),
            None => at.source += 1,
        }
    }
    let mut seen: HashSet<FileId> = HashSet::new();
    rows.retain(|(_, row)| seen.insert(row.file_id.clone()));
    let files: Vec<Option<File>> = try_join_all(rows.iter().map(|(_, row)| async move {
        match store.get(&keys::file(&row.file_id)).await? {
            Some(item) => Ok::<_, ApiError>(Some(item.parse::<File>()?)),
            None => Ok(None),
        }
    }))
    .await?;
    let mine: HashSet<&PostId> = posts.iter().copied().collect();
    let elsewhere: Vec<(PostId, FileRow, File)> = rows
        .into_iter()
        .zip(files)
        .filter_map(|((post, row), file)| {
            let file = file?;
            let holder = file.pending_at()?;
            (!mine.contains(holder)).then_some((post, row, file))
        })
        .collect();
    let holders: Vec<PostId> = elsewhere
        .iter()
        .map(|(_, _, f)| f.holder.clone())
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .collect();
    let labels: BTreeMap<PostId, StoredPost> = try_join_all(
        holders
            .into_iter()
            .map(|id| async move { Ok::<_, ApiError>(load_post(store, &id).await?.map(|p| (id, p))) }),
    )
    .await?
    .into_iter()
    .flatten()
    .collect();
    let items = elsewhere
        .into_iter()
        .map(|(post, row, file)| PendingElsewhere {
            file_id: file.id.clone(),
            number: file.number.text.clone(),
            subject: file.subject.to_string(),
            my_post: post,
            sent_at: row.at,
            holder_label: labels.get(&file.holder).map(StoredPost::label),
            holder: file.holder.clone(),
            held_since: file.held_since,
            days_pending: days_since(file.held_since, today),
            status: file.status,
        })
        .collect();
    Ok(Page {
        items,
        next_cursor: (at.source < sources.len()).then(|| at.text()),
    })
}

/// Loads the office named, or refuses it as unknown (422).
pub async fn known_office(store: &dyn Store, code: &daftar_domain::OfficeCode) -> Result<Office, ApiError> {
    match office(store, code).await {
        Err(ApiError::NotFound(_)) => {
            Err(ApiError::invalid("office", "no such office").with_hindi("ऐसा कोई कार्यालय नहीं है"))
        }
        other => other,
    }
}

/// Loads the department named, or refuses it as unknown (422).
pub async fn known_department(store: &dyn Store, code: &DeptCode) -> Result<daftar_domain::org::Department, ApiError> {
    match department(store, code).await {
        Err(ApiError::NotFound(_)) => {
            Err(ApiError::invalid("dept", "no such department").with_hindi("ऐसा कोई विभाग नहीं है"))
        }
        other => other,
    }
}
