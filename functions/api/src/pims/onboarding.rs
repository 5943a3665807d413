//! Bulk onboarding of employees and posts from a CSV file.
//!
//! The file is UTF-8 (a byte-order mark is allowed), comma-separated with `"` quoting, CRLF or
//! LF line ends, and starts with the header row of [`ONBOARDING_COLUMNS`] (or their Hindi
//! names). Line numbers in the report count the header as line 1.
//!
//! Every row is checked before anything is written: its cells (the domain's [`parse_row`]), the
//! file as a whole ([`check_file`]: an employee or a post twice), and the store (the office and
//! section exist, the employee does not, the post is vacant or new). Only a file without a
//! single problem is loaded. The load is several transactions of at most
//! [`MAX_TRANSACTION_WRITES`] writes, each row's writes in one of them and each conditional
//! (`NotExists` for what is new, the version read for a vacant post), so a row is loaded whole
//! or not at all. Each record created remembers the file's hash: if a load stops half way, the
//! same file sent again recognises the rows already written and loads the rest.
//!
//! New employees get no password: they cannot sign in until an administrator sets one
//! (`POST /api/v1/pims/employees/{id}/password`). No password is generated, stored in a
//! response or sent anywhere.

use super::{admin_only, get_many, personnel_item};
use crate::auth::CurrentUser;
use crate::error::ApiError;
use crate::idempotency::{Idempotency, Outcome};
use crate::keys;
use crate::org::{EmployeeRecord, StoredPost};
use crate::state::AppState;
use axum::http::StatusCode;
use daftar_domain::org::{Employee, Office, Post};
use daftar_domain::pims::wire::{OnboardingReport, RowProblem};
use daftar_domain::pims::{check_file, check_header, parse_row, OnboardingRow, PersonnelRecord, PimsRefusal};
use daftar_domain::{OfficeCode, SectionCode};
use daftar_store::{Condition, StoreError, Write, MAX_TRANSACTION_WRITES};
use sha2::{Digest, Sha256};
use std::collections::{BTreeMap, HashMap};

/// The largest file accepted.
pub const MAX_FILE_BYTES: usize = 2 * 1024 * 1024;
/// The most data rows one file may have.
pub const MAX_ROWS: usize = 5_000;
/// Writes per row: the profile, the personnel record, the post and the audit entry.
const WRITES_PER_ROW: usize = 4;

/// Why a whole file was refused before its rows were looked at.
#[derive(Debug)]
pub enum FileRefusal {
    /// Over [`MAX_FILE_BYTES`] or [`MAX_ROWS`]: sent as 413.
    TooLarge(ApiError),
    Invalid(ApiError),
}

/// The file read into rows: (line, cells) for each data row, or the problem that row has.
struct ReadFile {
    rows: Vec<(u64, Result<Vec<String>, PimsRefusal>)>,
}

fn file_error(en: &str, hi: &str) -> FileRefusal {
    FileRefusal::Invalid(ApiError::invalid("file", en).with_hindi(hi))
}

/// Reads the CSV text: checks the header, and splits the rest into rows with their line numbers.
fn read_csv(bytes: &[u8]) -> Result<ReadFile, FileRefusal> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = std::str::from_utf8(bytes).map_err(|e| {
        FileRefusal::Invalid(
            ApiError::invalid(
                "file",
                format!(
                    "the file is not UTF-8 text (byte {}); save it as CSV UTF-8",
                    e.valid_up_to()
                ),
            )
            .with_hindi("फ़ाइल UTF-8 पाठ नहीं है; इसे CSV UTF-8 के रूप में सहेजें"),
        )
    })?;
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut records = reader.records();
    let header = match records.next() {
        Some(Ok(header)) => header,
        _ => {
            return Err(file_error(
                "the file is empty; it needs a header row and at least one employee",
                "फ़ाइल खाली है; इसमें शीर्ष पंक्ति और कम से कम एक कर्मचारी होना चाहिए",
            ))
        }
    };
    let header: Vec<String> = header.iter().map(str::to_owned).collect();
    if let Err(refusal) = check_header(&header) {
        return Err(FileRefusal::Invalid(
            ApiError::invalid("file", format!("line 1: {refusal}")).with_hindi(format!("पंक्ति 1: {}", refusal.hindi())),
        ));
    }
    let mut rows = Vec::new();
    for record in records {
        if rows.len() >= MAX_ROWS {
            return Err(FileRefusal::TooLarge(
                ApiError::invalid(
                    "file",
                    format!("a file may have at most {MAX_ROWS} employees; split it"),
                )
                .with_hindi(format!("एक फ़ाइल में अधिकतम {MAX_ROWS} कर्मचारी हो सकते हैं; इसे बाँटें")),
            ));
        }
        match record {
            Ok(record) => {
                let line = record.position().map_or(0, |p| line_at(text, p.byte()));
                let cells: Vec<String> = record.iter().map(str::to_owned).collect();
                // A quote that is never closed swallows the line ends after it; no column may
                // hold a line break, so a cell with one means broken quoting.
                let row = if cells.iter().any(|c| c.contains('\n') || c.contains('\r')) {
                    Err(PimsRefusal::Malformed(
                        "a quoted cell runs across lines; a closing quote (\") is probably missing".into(),
                    ))
                } else {
                    Ok(cells)
                };
                rows.push((line, row));
            }
            Err(error) => {
                let line = error.position().map_or(0, |p| line_at(text, p.byte()));
                rows.push((line, Err(PimsRefusal::Malformed(error.to_string()))));
            }
        }
    }
    if rows.is_empty() {
        return Err(file_error(
            "the file has a header but no employees",
            "फ़ाइल में शीर्ष पंक्ति है पर कोई कर्मचारी नहीं",
        ));
    }
    Ok(ReadFile { rows })
}

/// The line (1-based) a record starting at byte `start` is on. The reader may place a record's
/// start at the line end before it (the `\n` of a CRLF, or blank lines it skips), so line ends
/// there are passed over first.
fn line_at(text: &str, start: u64) -> u64 {
    let start = usize::try_from(start).unwrap_or(text.len()).min(text.len());
    let skipped = text.as_bytes()[start..]
        .iter()
        .take_while(|b| **b == b'\r' || **b == b'\n')
        .count();
    let at = start + skipped;
    1 + text.as_bytes()[..at].iter().filter(|b| **b == b'\n').count() as u64
}

/// What the store says about a row's employee and post.
enum Known {
    /// Not yet in the store: load it.
    New { post: Option<Box<(StoredPost, u64)>> },
    /// This file loaded it before.
    AlreadyLoaded,
}

/// A row ready to write.
struct Planned {
    line: u64,
    row: OnboardingRow,
    office: Office,
    known: Known,
}

fn problem(problems: &mut Vec<RowProblem>, line: u64, column: Option<&str>, refusal: PimsRefusal) {
    problems.push(RowProblem::new(line, column, &refusal));
}

/// Checks every row against the store: offices, sections, employees and posts.
async fn check_against_store(
    state: &AppState,
    rows: Vec<(u64, OnboardingRow)>,
    batch: &str,
    problems: &mut Vec<RowProblem>,
) -> Result<Vec<Planned>, ApiError> {
    // Offices and sections: a file names few, so each is read once.
    let offices: Vec<OfficeCode> = rows
        .iter()
        .map(|(_, r)| r.office.clone())
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .collect();
    let sections: Vec<(OfficeCode, SectionCode)> = rows
        .iter()
        .map(|(_, r)| (r.office.clone(), r.section.clone()))
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .collect();
    let office_items = get_many(&state.store, offices.iter().map(keys::office).collect()).await?;
    let mut office_of: HashMap<OfficeCode, Office> = HashMap::new();
    for (code, item) in offices.iter().zip(office_items) {
        if let Some(item) = item {
            office_of.insert(code.clone(), item.parse()?);
        }
    }
    let section_items = get_many(
        &state.store,
        sections
            .iter()
            .map(|(office, section)| keys::section(office, section))
            .collect(),
    )
    .await?;
    let known_sections: std::collections::HashSet<&(OfficeCode, SectionCode)> = sections
        .iter()
        .zip(&section_items)
        .filter(|(_, item)| item.is_some())
        .map(|(key, _)| key)
        .collect();

    // Employees (their profiles and personnel records) and posts: one read each per row.
    let mut reads = Vec::with_capacity(rows.len() * 3);
    for (_, row) in &rows {
        reads.push(keys::employee_profile(&row.id));
        reads.push(keys::personnel(&row.id));
        reads.push(keys::post(&row.post));
    }
    let items = get_many(&state.store, reads).await?;

    let mut planned = Vec::new();
    for ((line, row), found) in rows.into_iter().zip(items.chunks(3)) {
        let (profile, personnel, post) = (&found[0], &found[1], &found[2]);
        let mut ok = true;
        let Some(office) = office_of.get(&row.office).cloned() else {
            problem(
                problems,
                line,
                Some("office"),
                PimsRefusal::UnknownOffice(row.office.clone()),
            );
            continue;
        };
        if !known_sections.contains(&(row.office.clone(), row.section.clone())) {
            problem(
                problems,
                line,
                Some("section"),
                PimsRefusal::UnknownSection {
                    office: row.office.clone(),
                    section: row.section.clone(),
                },
            );
            ok = false;
        }
        // A record that cannot be read as one is not this file's: the row is then refused or
        // its write fails on the record's `NotExists`, never loaded over it.
        let loaded_by_this_file = personnel
            .as_ref()
            .and_then(|item| item.parse::<PersonnelRecord>().ok())
            .is_some_and(|record| record.onboarded_from.as_deref() == Some(batch));
        if profile.is_some() && !loaded_by_this_file {
            problem(
                problems,
                line,
                Some("employee_id"),
                PimsRefusal::AlreadyEmployed(row.id.clone()),
            );
            ok = false;
        }
        let post = match post {
            Some(item) => Some((item.parse::<StoredPost>()?, item.version)),
            None => None,
        };
        match &post {
            Some((stored, _)) => {
                if stored.post.office != row.office {
                    problem(
                        problems,
                        line,
                        Some("post_id"),
                        PimsRefusal::PostInAnotherOffice {
                            post: row.post.clone(),
                            office: stored.post.office.clone(),
                        },
                    );
                    ok = false;
                }
                if let Some(holder) = &stored.post.holder {
                    if !(holder == &row.id && loaded_by_this_file) {
                        problem(
                            problems,
                            line,
                            Some("post_id"),
                            PimsRefusal::PostHeld {
                                post: row.post.clone(),
                                holder: holder.clone(),
                            },
                        );
                        ok = false;
                    }
                }
            }
            None if row.post_title.is_none() && !loaded_by_this_file => {
                problem(problems, line, Some("post_title_en"), PimsRefusal::PostTitleMissing);
                ok = false;
            }
            None => {}
        }
        if ok {
            let known = if loaded_by_this_file {
                Known::AlreadyLoaded
            } else {
                Known::New {
                    post: post.map(Box::new),
                }
            };
            planned.push(Planned {
                line,
                row,
                office,
                known,
            });
        }
    }
    Ok(planned)
}

/// The writes that load one row: its profile, personnel record, post and audit entry.
fn row_writes(state: &AppState, user: &CurrentUser, planned: &Planned, batch: &str) -> Vec<Write> {
    let Known::New { post } = &planned.known else {
        return Vec::new();
    };
    let row = &planned.row;
    let (post_before, condition, version) = match post.as_deref() {
        Some((stored, version)) => (Some(stored.clone()), Condition::VersionIs(*version), version + 1),
        None => (None, Condition::NotExists, 1),
    };
    let (title_en, title_hi) = match (&post_before, &row.post_title) {
        (Some(stored), _) => (stored.post.title_en.clone(), stored.post.title_hi.clone()),
        (None, Some((en, hi))) => (en.to_string(), hi.to_string()),
        // Checked before: a new post has its titles.
        (None, None) => (String::new(), String::new()),
    };
    let stored_post = StoredPost {
        post: Post {
            id: row.post.clone(),
            dept: planned.office.dept.clone(),
            office: row.office.clone(),
            section: row.section.clone(),
            title_en: title_en.clone(),
            title_hi: title_hi.clone(),
            holder: Some(row.id.clone()),
        },
        office_name_en: planned.office.name_en.clone(),
        office_name_hi: planned.office.name_hi.clone(),
        holder_name_en: Some(row.name_en.to_string()),
        holder_name_hi: Some(row.name_hi.to_string()),
    };
    let profile = EmployeeRecord {
        employee: Employee {
            id: row.id.clone(),
            name_en: row.name_en.clone(),
            name_hi: row.name_hi.clone(),
            designation_en: row.designation_en.to_string(),
            designation_hi: row.designation_hi.to_string(),
            posts: vec![row.post.clone()],
            roles: row.roles.clone(),
        },
        postings: vec![stored_post.summary()],
    };
    let record = row.record((&title_en, &title_hi), batch);
    let after = serde_json::json!({ "profile": &profile, "personnel": &record, "post": &stored_post });
    vec![
        Write::Put {
            item: profile.item(),
            condition: Condition::NotExists,
        },
        Write::Put {
            item: personnel_item(&record, 1),
            condition: Condition::NotExists,
        },
        Write::Put {
            item: stored_post.item().with_version(version),
            condition,
        },
        crate::audit::entry(
            user,
            "pims.onboard",
            format!("EMP#{}", row.id),
            post_before.map(|p| serde_json::json!({ "post": p })),
            Some(after),
            state.now(),
        ),
    ]
}

/// The SHA-256 of the file, hex: names the load on every record it creates.
pub fn batch_of(bytes: &[u8]) -> String {
    Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect()
}

/// Checks a file and, unless `dry_run` or a row has a problem, loads it. The report's status is
/// 200 for a dry run or a load, 422 when a real load found problems (nothing was written).
pub(crate) async fn onboard(
    state: &AppState,
    user: &CurrentUser,
    bytes: &[u8],
    dry_run: bool,
    idempotency: Option<&Idempotency>,
) -> Result<Result<(StatusCode, Outcome<OnboardingReport>), FileRefusal>, ApiError> {
    admin_only(&user.actor)?;
    let batch = batch_of(bytes);
    let file = match read_csv(bytes) {
        Ok(file) => file,
        Err(refusal) => return Ok(Err(refusal)),
    };
    let total = file.rows.len();
    let mut problems = Vec::new();
    let mut parsed = Vec::new();
    for (line, cells) in file.rows {
        match cells.map_err(|r| {
            vec![daftar_domain::pims::CellRefusal {
                column: None,
                refusal: r,
            }]
        }) {
            Ok(cells) => match parse_row(&cells) {
                Ok(row) => parsed.push((line, row)),
                Err(refusals) => {
                    for r in refusals {
                        problems.push(RowProblem::new(line, r.column, &r.refusal));
                    }
                }
            },
            Err(refusals) => {
                for r in refusals {
                    problems.push(RowProblem::new(line, r.column, &r.refusal));
                }
            }
        }
    }
    // Rows repeated within the file are reported, and only their first occurrence is checked
    // against the store.
    let repeated: BTreeMap<u64, ()> = check_file(&parsed)
        .into_iter()
        .map(|(line, r)| {
            problems.push(RowProblem::new(line, r.column, &r.refusal));
            (line, ())
        })
        .collect();
    let first_rows: Vec<(u64, OnboardingRow)> = parsed
        .into_iter()
        .filter(|(line, _)| !repeated.contains_key(line))
        .collect();
    let planned = check_against_store(state, first_rows, &batch, &mut problems).await?;
    problems.sort_by_key(|p| p.line);

    let already_loaded = planned
        .iter()
        .filter(|p| matches!(p.known, Known::AlreadyLoaded))
        .count();
    let mut report = OnboardingReport {
        dry_run,
        rows: total,
        problems,
        loaded: 0,
        already_loaded,
        batch: batch.clone(),
    };
    if dry_run {
        return Ok(Ok((StatusCode::OK, Outcome::Done(report))));
    }
    if !report.problems.is_empty() {
        return Ok(Ok((StatusCode::UNPROCESSABLE_ENTITY, Outcome::Done(report))));
    }

    // Every row is valid: write them, a transaction of whole rows at a time, leaving room in
    // the last one for the idempotency record.
    let to_load: Vec<&Planned> = planned
        .iter()
        .filter(|p| matches!(p.known, Known::New { .. }))
        .collect();
    let rows_per_transaction = (MAX_TRANSACTION_WRITES - 1) / WRITES_PER_ROW;
    let chunks: Vec<&[&Planned]> = to_load.chunks(rows_per_transaction).collect();
    let last = chunks.len().saturating_sub(1);
    for (i, chunk) in chunks.iter().enumerate() {
        let writes: Vec<Write> = chunk.iter().flat_map(|p| row_writes(state, user, p, &batch)).collect();
        if i == last {
            break;
        }
        if let Err(error) = state.store.transact(writes).await {
            return Err(partial_failure(error, report.loaded, to_load.len(), chunk[0].line));
        }
        report.loaded += chunk.len();
    }
    let final_writes: Vec<Write> = chunks
        .last()
        .map(|chunk| chunk.iter().flat_map(|p| row_writes(state, user, p, &batch)).collect())
        .unwrap_or_default();
    let final_rows = chunks.last().map_or(0, |c| c.len());
    let first_line = chunks.last().and_then(|c| c.first()).map_or(0, |p| p.line);
    let mut done = report.clone();
    done.loaded += final_rows;
    match idempotency {
        Some(idempotency) => match idempotency
            .commit(
                state.store.as_ref(),
                final_writes,
                StatusCode::OK,
                done,
                state.now().unix_timestamp(),
            )
            .await?
        {
            Ok(outcome) => Ok(Ok((StatusCode::OK, outcome))),
            Err(error) => Err(partial_failure(error, report.loaded, to_load.len(), first_line)),
        },
        None => {
            if !final_writes.is_empty() {
                if let Err(error) = state.store.transact(final_writes).await {
                    return Err(partial_failure(error, report.loaded, to_load.len(), first_line));
                }
            }
            Ok(Ok((StatusCode::OK, Outcome::Done(done))))
        }
    }
}

/// A load stopped part way: say how far it got, and that the same file finishes it.
fn partial_failure(error: StoreError, loaded: usize, total: usize, line: u64) -> ApiError {
    let (en, hi) = (
        format!(
            "{loaded} of {total} employees were loaded; the rows from line {line} were not, because someone changed \
             the same employees or posts meanwhile, or the store was busy. Check the file and send the same file \
             again: rows already loaded are recognised and not loaded twice"
        ),
        format!(
            "{total} में से {loaded} कर्मचारी लोड हुए; पंक्ति {line} से आगे की पंक्तियाँ नहीं हुईं। वही फ़ाइल फिर भेजें: \
             पहले लोड हुई पंक्तियाँ दोबारा लोड नहीं होंगी"
        ),
    );
    match error {
        StoreError::ConditionFailed { .. } => ApiError::Conflict {
            message: en,
            current_version: None,
        }
        .with_hindi(hi),
        StoreError::TransactionConflict | StoreError::Unavailable(_) => ApiError::Unavailable.with_hindi(hi),
        other => ApiError::Internal(other.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn header() -> String {
        daftar_domain::pims::ONBOARDING_COLUMNS.join(",")
    }

    #[test]
    fn a_bom_and_crlf_are_accepted_and_lines_counted_from_the_header() {
        let text = format!("\u{feff}{}\r\nA,\"B, with comma\",C\r\n\r\nD,E\r\n", header());
        let file = read_csv(text.as_bytes()).ok().unwrap();
        let lines: Vec<u64> = file.rows.iter().map(|(l, _)| *l).collect();
        assert_eq!(lines, vec![2, 4]);
        assert_eq!(file.rows[0].1.as_ref().unwrap()[1], "B, with comma");
    }

    #[test]
    fn an_unclosed_quote_is_malformed() {
        let text = format!("{}\nA,\"B\nC,D\n", header());
        let file = read_csv(text.as_bytes()).ok().unwrap();
        assert!(matches!(file.rows[0].1, Err(PimsRefusal::Malformed(_))));
    }

    #[test]
    fn a_file_without_the_header_or_not_utf8_is_refused() {
        assert!(matches!(read_csv(b"a,b\n1,2\n"), Err(FileRefusal::Invalid(_))));
        assert!(matches!(read_csv(b""), Err(FileRefusal::Invalid(_))));
        let mut bytes = header().into_bytes();
        bytes.extend_from_slice(b"\n\xff\xfe,x\n");
        assert!(matches!(read_csv(&bytes), Err(FileRefusal::Invalid(_))));
    }

    #[test]
    fn too_many_rows_is_too_large() {
        let mut text = header();
        for _ in 0..=MAX_ROWS {
            text.push_str("\na");
        }
        assert!(matches!(read_csv(text.as_bytes()), Err(FileRefusal::TooLarge(_))));
    }
}
