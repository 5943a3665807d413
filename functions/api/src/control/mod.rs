//! The control room: pendency of files and receipts from the whole state down to one desk,
//! read from the counters kept on write (see [`crate::counters`]).
//!
//! A page reads one counter partition per scope it shows, and one leave calendar per office:
//! its cost follows the shape of the organisation and the calendar, never the number of files.
//! Every page carries an entity tag made of the state's change count and the office date, so a
//! wall screen polling an unchanged dashboard is answered with a 304 after a single read.

pub mod demo;
pub(crate) mod figures;
pub(crate) mod routes;

pub use routes::router;

use crate::counters::{changes_key, Metric, Scope};
use crate::error::ApiError;
use crate::keys;
use crate::leave::roster::away_on;
use crate::org::{list_departments, list_offices, list_posts, load_department, load_post, StoredPost};
use crate::receipts::desk_prefix;
use daftar_domain::control::{ControlView, Figures, RowGroup, RowsOf, ScopeRef, ScopeRow};
use daftar_domain::org::{Department, Office, OfficeKind, Section};
use daftar_domain::wire::{DeskView, FileRow, InboxEntry, ReceiptDeskView};
use daftar_domain::{DeptCode, OfficeCode, PostId, SectionCode};
use daftar_store::{Index, Query, SortRange, Store};
use figures::Counter;
use futures_util::future::try_join_all;
use time::Date;

/// How many of the busiest desks the state and department pages list.
const TOP_DESKS: usize = 10;
/// How many pending files and receipts a desk's page lists, longest waiting first.
const DESK_ROWS: u32 = 50;

/// The entity tag of every control room page at this moment.
pub async fn entity_tag(store: &dyn Store, today: Date) -> Result<String, ApiError> {
    let changes = store.get(&changes_key()).await?.map_or(0, |item| item.count);
    Ok(format!("W/\"{changes}-{today}\""))
}

/// Every counter of a scope: one query (more pages only as the calendar grows).
pub(crate) async fn counters(store: &dyn Store, scope: &Scope) -> Result<Vec<Counter>, ApiError> {
    let mut query = Query::new(Index::Table, scope.partition());
    query.limit = 1000;
    let mut out = Vec::new();
    loop {
        let page = store.query(query.clone()).await?;
        out.extend(
            page.items
                .iter()
                .filter_map(|item| Metric::parse(&item.key.sk).map(|(counted, metric)| (counted, metric, item.count))),
        );
        match page.next {
            Some(cursor) => query.cursor = Some(cursor),
            None => return Ok(out),
        }
    }
}

/// A scope's counters turned into figures, with who is on leave when it is an office.
struct Read {
    counters: Vec<Counter>,
    figures: Figures,
}

async fn read(store: &dyn Store, scope: Scope, today: Date) -> Result<Read, ApiError> {
    let counters = counters(store, &scope).await?;
    let mut figures = figures::figures(&counters, today);
    if let Scope::Office(office) = &scope {
        figures.on_leave_today = Some(away_on(store, office, today).await?);
    }
    Ok(Read { counters, figures })
}

fn row(scope: ScopeRef, name_en: &str, name_hi: &str, figures: Figures) -> ScopeRow {
    ScopeRow {
        scope,
        name_en: name_en.to_owned(),
        name_hi: name_hi.to_owned(),
        holder_en: None,
        holder_hi: None,
        figures,
    }
}

fn state_row(figures: Figures) -> ScopeRow {
    row(ScopeRef::State, "All departments", "सभी विभाग", figures)
}

fn department_row(dept: &Department, figures: Figures) -> ScopeRow {
    row(
        ScopeRef::Department(dept.code.clone()),
        &dept.name_en,
        &dept.name_hi,
        figures,
    )
}

fn office_row(office: &Office, figures: Figures) -> ScopeRow {
    row(
        ScopeRef::Office(office.code.clone()),
        &office.name_en,
        &office.name_hi,
        figures,
    )
}

fn desk_row(post: &StoredPost, figures: Figures) -> ScopeRow {
    ScopeRow {
        scope: ScopeRef::Post(post.post.id.clone()),
        name_en: post.post.title_en.clone(),
        name_hi: post.post.title_hi.clone(),
        holder_en: post.holder_name_en.clone(),
        holder_hi: post.holder_name_hi.clone(),
        figures,
    }
}

fn view(date: Date, total: ScopeRow, trail: Vec<ScopeRow>, counters: &[Counter]) -> ControlView {
    ControlView {
        date,
        total,
        trail,
        groups: Vec::new(),
        top_desks: Vec::new(),
        trend: figures::trend(counters, date),
        files: Vec::new(),
        receipts: Vec::new(),
    }
}

/// The busiest desks among the department counters given, named, with their own figures.
async fn top_desks(store: &dyn Store, counters: &[Counter], today: Date) -> Result<Vec<ScopeRow>, ApiError> {
    let busiest = figures::busiest_desks(counters, TOP_DESKS);
    try_join_all(busiest.into_iter().map(|(post, ..)| async move {
        let stored = load_post(store, &post).await?.ok_or(ApiError::NotFound("post"))?;
        let read = read(store, Scope::Post(post), today).await?;
        // Among a department's or the state's desks, each is named with its office.
        let mut row = desk_row(&stored, read.figures);
        row.name_en = format!("{}, {}", row.name_en, stored.office_name_en);
        row.name_hi = format!("{}, {}", row.name_hi, stored.office_name_hi);
        Ok::<_, ApiError>(row)
    }))
    .await
}

/// The whole state: every department and every district office, the state's busiest desks.
pub async fn state_view(store: &dyn Store, today: Date) -> Result<ControlView, ApiError> {
    let departments = list_departments(store).await?;
    let offices: Vec<Vec<Office>> = try_join_all(departments.iter().map(|d| list_offices(store, &d.code))).await?;
    let (state, dept_reads, office_reads) = tokio::try_join!(
        read(store, Scope::State, today),
        try_join_all(
            departments
                .iter()
                .map(|d| read(store, Scope::Department(d.code.clone()), today))
        ),
        try_join_all(
            offices
                .iter()
                .flatten()
                .map(|o| read(store, Scope::Office(o.code.clone()), today))
        ),
    )?;
    let office_reads: Vec<(&Office, Read)> = offices.iter().flatten().zip(office_reads).collect();
    let mut total = state.figures;
    total.on_leave_today = Some(0);
    let mut department_rows = Vec::new();
    let mut all_desk_counters = Vec::new();
    for (dept, mut read) in departments.iter().zip(dept_reads) {
        read.figures.on_leave_today = Some(
            office_reads
                .iter()
                .filter(|(office, _)| office.dept == dept.code)
                .filter_map(|(_, read)| read.figures.on_leave_today)
                .sum(),
        );
        total.on_leave_today = total
            .on_leave_today
            .zip(read.figures.on_leave_today)
            .map(|(a, b)| a + b);
        department_rows.push(department_row(dept, read.figures));
        all_desk_counters.extend(read.counters);
    }
    let district_rows = office_reads
        .iter()
        .filter(|(office, _)| matches!(office.kind, OfficeKind::District { .. }))
        .map(|(office, read)| office_row(office, read.figures.clone()))
        .collect();
    let mut page = view(today, state_row(total), Vec::new(), &state.counters);
    page.groups = vec![
        RowGroup {
            of: RowsOf::Departments,
            rows: department_rows,
        },
        RowGroup {
            of: RowsOf::Districts,
            rows: district_rows,
        },
    ];
    page.top_desks = top_desks(store, &all_desk_counters, today).await?;
    Ok(page)
}

pub(crate) async fn department(store: &dyn Store, code: &DeptCode) -> Result<Department, ApiError> {
    load_department(store, code)
        .await?
        .ok_or(ApiError::NotFound("department"))
}

pub(crate) async fn office(store: &dyn Store, code: &OfficeCode) -> Result<Office, ApiError> {
    store
        .get(&keys::office(code))
        .await?
        .ok_or(ApiError::NotFound("office"))?
        .parse()
        .map_err(Into::into)
}

/// The way back up from an office: the state and its department, without figures (the pages
/// above have them).
async fn trail_to(store: &dyn Store, dept: &DeptCode) -> Result<Vec<ScopeRow>, ApiError> {
    let dept = department(store, dept).await?;
    Ok(vec![
        state_row(Figures::default()),
        department_row(&dept, Figures::default()),
    ])
}

/// One department: its offices and its busiest desks.
pub async fn department_view(store: &dyn Store, code: &DeptCode, today: Date) -> Result<ControlView, ApiError> {
    let dept = department(store, code).await?;
    let offices = list_offices(store, code).await?;
    let (own, office_reads) = tokio::try_join!(
        read(store, Scope::Department(code.clone()), today),
        try_join_all(
            offices
                .iter()
                .map(|o| read(store, Scope::Office(o.code.clone()), today))
        ),
    )?;
    let mut total = own.figures;
    total.on_leave_today = Some(office_reads.iter().filter_map(|r| r.figures.on_leave_today).sum());
    let mut page = view(
        today,
        department_row(&dept, total),
        vec![state_row(Figures::default())],
        &own.counters,
    );
    page.groups = vec![RowGroup {
        of: RowsOf::Offices,
        rows: offices
            .iter()
            .zip(office_reads)
            .map(|(office, read)| office_row(office, read.figures))
            .collect(),
    }];
    page.top_desks = top_desks(store, &own.counters, today).await?;
    Ok(page)
}

async fn sections(store: &dyn Store, office: &OfficeCode) -> Result<Vec<Section>, ApiError> {
    let mut query = Query::new(Index::Table, keys::office_partition(office));
    query.range = SortRange::Prefix("SECTION#".into());
    crate::pagination::all_pages(store, query).await
}

/// Each desk of an office (of one section, when named) with its figures.
async fn desks(
    store: &dyn Store,
    office: &OfficeCode,
    section: Option<&SectionCode>,
    today: Date,
) -> Result<Vec<(StoredPost, Figures)>, ApiError> {
    let posts: Vec<StoredPost> = list_posts(store, office)
        .await?
        .into_iter()
        .filter(|p| section.is_none_or(|s| &p.post.section == s))
        .collect();
    let reads = try_join_all(posts.iter().map(|p| read(store, Scope::Post(p.post.id.clone()), today))).await?;
    Ok(posts.into_iter().zip(reads.into_iter().map(|r| r.figures)).collect())
}

fn section_row(section: &Section, figures: Figures) -> ScopeRow {
    row(
        ScopeRef::Section(section.code.clone()),
        &section.name_en,
        &section.name_hi,
        figures,
    )
}

/// One office: its sections (their desks summed) and every desk.
pub async fn office_view(store: &dyn Store, code: &OfficeCode, today: Date) -> Result<ControlView, ApiError> {
    let office = office(store, code).await?;
    let (own, sections, desks) = tokio::try_join!(
        read(store, Scope::Office(code.clone()), today),
        sections(store, code),
        desks(store, code, None, today),
    )?;
    let mut page = view(
        today,
        office_row(&office, own.figures),
        trail_to(store, &office.dept).await?,
        &own.counters,
    );
    let section_rows = sections
        .iter()
        .map(|section| {
            let mut figures = Figures::default();
            for (_, desk) in desks.iter().filter(|(p, _)| p.post.section == section.code) {
                figures.absorb(desk);
            }
            section_row(section, figures)
        })
        .collect();
    page.groups = vec![
        RowGroup {
            of: RowsOf::Sections,
            rows: section_rows,
        },
        RowGroup {
            of: RowsOf::Desks,
            rows: desks
                .iter()
                .map(|(post, figures)| desk_row(post, figures.clone()))
                .collect(),
        },
    ];
    Ok(page)
}

/// One section of an office: its desks.
pub async fn section_view(
    store: &dyn Store,
    office_code: &OfficeCode,
    code: &SectionCode,
    today: Date,
) -> Result<ControlView, ApiError> {
    let office = office(store, office_code).await?;
    let section: Section = store
        .get(&keys::section(office_code, code))
        .await?
        .ok_or(ApiError::NotFound("section"))?
        .parse()?;
    let desks = desks(store, office_code, Some(code), today).await?;
    let mut total = Figures::default();
    for (_, figures) in &desks {
        total.absorb(figures);
    }
    let mut trail = trail_to(store, &office.dept).await?;
    trail.push(office_row(&office, Figures::default()));
    let mut page = view(today, section_row(&section, total), trail, &[]);
    page.groups = vec![RowGroup {
        of: RowsOf::Desks,
        rows: desks
            .iter()
            .map(|(post, figures)| desk_row(post, figures.clone()))
            .collect(),
    }];
    Ok(page)
}

/// One desk: its figures and what is pending there, longest waiting first.
pub async fn desk_view(store: &dyn Store, post: &StoredPost, today: Date) -> Result<ControlView, ApiError> {
    let id = &post.post.id;
    let (own, files, receipts) = tokio::try_join!(
        read(store, Scope::Post(id.clone()), today),
        oldest_first::<FileRow>(store, id, crate::files::views::prefix(DeskView::Inbox)),
        oldest_first::<InboxEntry>(store, id, desk_prefix(ReceiptDeskView::Inbox)),
    )?;
    let office = office(store, &post.post.office).await?;
    let section: Section = store
        .get(&keys::section(&post.post.office, &post.post.section))
        .await?
        .ok_or(ApiError::NotFound("section"))?
        .parse()?;
    let mut trail = trail_to(store, &post.post.dept).await?;
    trail.push(office_row(&office, Figures::default()));
    trail.push(section_row(&section, Figures::default()));
    let mut page = view(today, desk_row(post, own.figures), trail, &own.counters);
    page.files = files;
    // Copies sent for information are not pending work at the desk, so the counts leave them out.
    page.receipts = receipts.into_iter().filter(|r| !r.copy).collect();
    Ok(page)
}

async fn oldest_first<T: serde::de::DeserializeOwned>(
    store: &dyn Store,
    post: &PostId,
    prefix: &str,
) -> Result<Vec<T>, ApiError> {
    let mut query = Query::new(Index::Table, keys::inbox_partition(post));
    query.range = SortRange::Prefix(prefix.to_owned());
    query.limit = DESK_ROWS;
    let page = store.query(query).await?;
    page.items.iter().map(|item| item.parse().map_err(Into::into)).collect()
}
