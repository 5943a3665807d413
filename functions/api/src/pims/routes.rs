//! `/api/v1/pims`: employee records, the staff of an office, transfers, onboarding and export.

use super::onboarding::{self, FileRefusal, MAX_FILE_BYTES};
use super::{
    admin_only, directory_entry, load_personnel, load_post, load_profile, personnel_item, personnel_view, refused,
    StoredPersonnel,
};
use crate::auth::CurrentUser;
use crate::csv_export::{CsvWriter, Lang};
use crate::error::{ApiError, Json, Query};
use crate::idempotency::{idempotent, Idempotency, IdempotencyHeader, Outcome};
use crate::keys;
use crate::org::{Credential, EmployeeRecord};
use crate::pagination::{all_pages, page_of, PageParams};
use crate::state::AppState;
use axum::body::Body;
use axum::extract::{Path, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::Router;
use daftar_domain::auth::{authorize, Action, Resource};
use daftar_domain::pims::wire::{
    DirectoryEntry, EditPersonnel, OnboardingReport, PersonnelView, SetPassword, TransferReport, TransferRequest,
};
use daftar_domain::pims::{
    export_row, parse_date, Cadre, Contact, Designation, Email, PersonnelRecord, Phone, PimsRefusal, Posting,
    ServiceDates, ONBOARDING_COLUMNS, ONBOARDING_COLUMNS_HI,
};
use daftar_domain::wire::{Page, Problem};
use daftar_domain::{EmployeeId, OfficeCode, PersonName};
use daftar_store::{Condition, Index, StoreError, Write};
use serde::Deserialize;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/api/v1/pims/employees.csv", get(export))
        .route("/api/v1/pims/employees/{id}", get(employee).put(edit_employee))
        .route("/api/v1/pims/employees/{id}/password", post(set_password))
        .route("/api/v1/pims/offices/{office}/employees", get(staff))
        .route("/api/v1/pims/transfers", post(transfer))
        .route("/api/v1/pims/onboarding", post(onboard))
}

fn employee_id(raw: &str) -> Result<EmployeeId, ApiError> {
    EmployeeId::parse(raw).map_err(|_| ApiError::NotFound("employee").with_hindi("कर्मचारी नहीं मिला"))
}

fn office_code(raw: &str) -> Result<OfficeCode, ApiError> {
    OfficeCode::parse(raw).map_err(|e| {
        let refusal = PimsRefusal::BadCode(e);
        refused("office", &refusal)
    })
}

/// One employee: directory basics for everyone, date of birth and contact only for
/// administrators and the employee themselves.
#[utoipa::path(get, path = "/api/v1/pims/employees/{id}", tag = "pims",
    params(("id" = String, Path, description = "Employee ID")),
    responses((status = 200, body = PersonnelView), (status = 404, body = Problem)))]
pub async fn employee(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<String>,
) -> Result<Json<PersonnelView>, ApiError> {
    authorize(&user.actor, Action::ViewDirectory, Resource::Organisation)?;
    let id = employee_id(&id)?;
    let store = state.store.as_ref();
    let (profile, _) = load_profile(store, &id)
        .await?
        .ok_or_else(|| ApiError::NotFound("employee").with_hindi("कर्मचारी नहीं मिला"))?;
    let personnel = load_personnel(store, &id).await?;
    Ok(Json(personnel_view(&user.actor, &profile, personnel.as_ref())))
}

/// The employees borne on an office, by employee ID. (The office's posts and their holders are
/// at `GET /api/v1/org/offices/{office}/posts`.)
#[utoipa::path(get, path = "/api/v1/pims/offices/{office}/employees", tag = "pims",
    params(("office" = String, Path, description = "Office code"), PageParams),
    responses((status = 200, body = Page<DirectoryEntry>), (status = 422, body = Problem)))]
pub async fn staff(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(office): Path<String>,
    Query(params): Query<PageParams>,
) -> Result<Json<Page<DirectoryEntry>>, ApiError> {
    authorize(&user.actor, Action::ViewDirectory, Resource::Organisation)?;
    let office = office_code(&office)?;
    let query = daftar_store::Query::new(Index::Gsi1, keys::staff_partition(&office));
    let page: Page<PersonnelRecord> = page_of(state.store.as_ref(), query, keys::STAFF_PREFIX, params).await?;
    Ok(Json(Page {
        items: page.items.iter().map(directory_entry).collect(),
        next_cursor: page.next_cursor,
    }))
}

/// Moves an employee from one post to another, posts them to a post, or relieves them of one.
/// A post someone else holds is taken only with `relieve_holder: true`. The post's inbox stays
/// with the post.
#[utoipa::path(post, path = "/api/v1/pims/transfers", tag = "pims", request_body = TransferRequest,
    params(("Idempotency-Key" = Option<String>, Header, description = "Makes a retry safe")),
    responses((status = 200, body = TransferReport), (status = 403, body = Problem), (status = 404, body = Problem),
        (status = 409, body = Problem), (status = 422, body = Problem)))]
pub async fn transfer(
    State(state): State<AppState>,
    user: CurrentUser,
    header: IdempotencyHeader,
    Json(request): Json<TransferRequest>,
) -> Result<Response, ApiError> {
    admin_only(&user.actor)?;
    let (state, user) = (&state, &user);
    idempotent(
        state,
        user,
        header,
        "pims-transfer",
        request,
        StatusCode::OK,
        move |request, idempotency| async move { super::transfers::transfer(state, user, request, &idempotency).await },
    )
    .await
}

#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct OnboardingParams {
    /// `true` checks the file and reports every problem without loading anything.
    pub dry_run: Option<bool>,
}

/// A 413 in our problem format.
fn too_large(error: ApiError) -> Response {
    let mut problem = error.problem();
    problem.status = StatusCode::PAYLOAD_TOO_LARGE.as_u16();
    problem.title = "Payload Too Large".into();
    let mut response = (StatusCode::PAYLOAD_TOO_LARGE, axum::Json(problem)).into_response();
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/problem+json"),
    );
    response
}

fn file_too_large() -> ApiError {
    ApiError::invalid(
        "file",
        format!(
            "the file may be at most {} MB; split it",
            MAX_FILE_BYTES / (1024 * 1024)
        ),
    )
    .with_hindi(format!(
        "फ़ाइल अधिकतम {} MB की हो सकती है; इसे बाँटें",
        MAX_FILE_BYTES / (1024 * 1024)
    ))
}

/// Onboards employees and posts from a CSV file (the body, `text/csv`, UTF-8, header row
/// first; columns as `ONBOARDING_COLUMNS`). `?dry_run=true` reports every problem and loads
/// nothing; otherwise the file loads only if it has no problem at all (422 with the report if
/// it has). Sending the same file again after a load stopped part way finishes it.
#[utoipa::path(post, path = "/api/v1/pims/onboarding", tag = "pims", params(OnboardingParams,
        ("Idempotency-Key" = Option<String>, Header, description = "Makes a retry safe")),
    request_body(content = String, content_type = "text/csv"),
    responses((status = 200, body = OnboardingReport), (status = 403, body = Problem), (status = 409, body = Problem),
        (status = 413, body = Problem), (status = 422, body = OnboardingReport)))]
pub async fn onboard(
    State(state): State<AppState>,
    user: CurrentUser,
    header: IdempotencyHeader,
    Query(params): Query<OnboardingParams>,
    body: Body,
) -> Result<Response, ApiError> {
    admin_only(&user.actor)?;
    let bytes = match axum::body::to_bytes(body, MAX_FILE_BYTES).await {
        Ok(bytes) => bytes,
        Err(_) => return Ok(too_large(file_too_large())),
    };
    let dry_run = params.dry_run.unwrap_or(false);
    let respond = |result: Result<(StatusCode, Outcome<OnboardingReport>), FileRefusal>| match result {
        Ok((status, outcome)) => outcome.respond(status),
        Err(FileRefusal::TooLarge(error)) => too_large(error),
        Err(FileRefusal::Invalid(error)) => error.into_response(),
    };
    if dry_run {
        return Ok(respond(onboarding::onboard(&state, &user, &bytes, true, None).await?));
    }
    // The idempotency fingerprint covers the file's hash, so a key cannot replay another file.
    let route = format!("pims-onboard:{}", onboarding::batch_of(&bytes));
    match Idempotency::start(&state, &user, header, &route, &route).await? {
        Err(replay) => Ok(replay),
        Ok(idempotency) => Ok(respond(
            onboarding::onboard(&state, &user, &bytes, false, Some(&idempotency)).await?,
        )),
    }
}

#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ExportParams {
    /// The office whose employees to export.
    pub office: String,
    /// `hi` for Hindi column headings; English otherwise.
    pub lang: Option<String>,
}

/// The employees of an office as CSV, in the onboarding file's columns (so the file can be
/// edited and loaded elsewhere). Every cell that a spreadsheet would run as a formula is
/// prefixed with an apostrophe. Administrators only: the file has dates of birth and contacts.
#[utoipa::path(get, path = "/api/v1/pims/employees.csv", tag = "pims", params(ExportParams),
    responses((status = 200, description = "CSV, UTF-8 with a byte-order mark", content_type = "text/csv"),
        (status = 403, body = Problem), (status = 422, body = Problem)))]
pub async fn export(
    State(state): State<AppState>,
    user: CurrentUser,
    Query(params): Query<ExportParams>,
) -> Result<Response, ApiError> {
    admin_only(&user.actor)?;
    let office = office_code(&params.office)?;
    let query = daftar_store::Query::new(Index::Gsi1, keys::staff_partition(&office));
    let mut query = query;
    query.range = daftar_store::SortRange::Prefix(keys::STAFF_PREFIX.to_owned());
    // An office's staff is bounded (tens to a few hundred), so the export reads it whole.
    let records: Vec<PersonnelRecord> = all_pages(state.store.as_ref(), query).await?;
    let mut profile_and_post_keys = Vec::new();
    for record in &records {
        profile_and_post_keys.push(keys::employee_profile(&record.id));
        let post = record.current_postings().next().map(|p| p.post.clone());
        // An employee without a post reads their profile twice rather than shifting the pairs.
        profile_and_post_keys.push(post.map_or_else(|| keys::employee_profile(&record.id), |p| keys::post(&p)));
    }
    let items = super::get_many(&state.store, profile_and_post_keys).await?;
    let headings: &[&str] = match Lang::lenient(params.lang.as_deref()) {
        Lang::Hi => &ONBOARDING_COLUMNS_HI,
        Lang::En => &ONBOARDING_COLUMNS,
    };
    let mut writer = CsvWriter::new(headings)?;
    for (record, pair) in records.iter().zip(items.chunks(2)) {
        let roles = match &pair[0] {
            Some(item) => item.parse::<EmployeeRecord>()?.employee.roles,
            None => Vec::new(),
        };
        let section = match (&pair[1], record.current_postings().next()) {
            (Some(item), Some(_)) => Some(item.parse::<crate::org::StoredPost>()?.post.section),
            _ => None,
        };
        writer.row(export_row(record, section.as_ref(), &roles))?;
    }
    writer.into_response(&format!("employees-{office}.csv"))
}

/// Each field of an edit, parsed; every bad field is reported, the first as the error.
fn parse_edit(request: &EditPersonnel) -> Result<EditedFields, ApiError> {
    let name = |field: &str, raw: &str| -> Result<PersonName, ApiError> {
        if let Some(c) = daftar_domain::pims::formula_start(raw) {
            return Err(refused(field, &PimsRefusal::Hostile(c)));
        }
        PersonName::parse(raw).map_err(|e| refused(field, &PimsRefusal::BadText(e)))
    };
    let designation = |field: &str, raw: &str| Designation::parse(raw).map_err(|e| refused(field, &e));
    let birth = parse_date(&request.date_of_birth).map_err(|e| refused("date_of_birth", &e))?;
    let joining = parse_date(&request.date_of_joining).map_err(|e| refused("date_of_joining", &e))?;
    let optional = |raw: &Option<String>| {
        raw.as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_owned)
    };
    Ok(EditedFields {
        name_en: name("name_en", &request.name_en)?,
        name_hi: name("name_hi", &request.name_hi)?,
        designation_en: designation("designation_en", &request.designation_en)?,
        designation_hi: designation("designation_hi", &request.designation_hi)?,
        cadre: Cadre::parse(&request.cadre).map_err(|e| refused("cadre", &PimsRefusal::BadCode(e)))?,
        dates: ServiceDates::new(birth, joining).map_err(|e| refused("date_of_birth", &e))?,
        contact: Contact {
            phone: optional(&request.phone)
                .map(|p| Phone::parse(&p))
                .transpose()
                .map_err(|e| refused("phone", &e))?,
            email: optional(&request.email)
                .map(|e| Email::parse(&e))
                .transpose()
                .map_err(|e| refused("email", &e))?,
        },
    })
}

struct EditedFields {
    name_en: PersonName,
    name_hi: PersonName,
    designation_en: Designation,
    designation_hi: Designation,
    cadre: Cadre,
    dates: ServiceDates,
    contact: Contact,
}

/// Edits an employee's record (every field; `version` is the one edited, 0 to create the
/// record of an employee who has none). Names and designation change in the profile and on
/// the posts they hold too. 409 if the record changed since it was read.
#[utoipa::path(put, path = "/api/v1/pims/employees/{id}", tag = "pims", request_body = EditPersonnel,
    params(("id" = String, Path, description = "Employee ID"),
        ("Idempotency-Key" = Option<String>, Header, description = "Makes a retry safe")),
    responses((status = 200, body = PersonnelView), (status = 403, body = Problem), (status = 404, body = Problem),
        (status = 409, body = Problem), (status = 422, body = Problem)))]
pub async fn edit_employee(
    State(state): State<AppState>,
    user: CurrentUser,
    header: IdempotencyHeader,
    Path(id): Path<String>,
    Json(request): Json<EditPersonnel>,
) -> Result<Response, ApiError> {
    admin_only(&user.actor)?;
    let id = employee_id(&id)?;
    let route = format!("pims-edit:{id}");
    let (state, user) = (&state, &user);
    idempotent(
        state,
        user,
        header,
        &route,
        request,
        StatusCode::OK,
        move |request, idempotency| async move { edit(state, user, &id, request, &idempotency).await },
    )
    .await
}

fn stale(current: Option<u64>) -> ApiError {
    ApiError::Conflict {
        message: "this record changed since you opened it; reload it".into(),
        current_version: current,
    }
    .with_hindi("आपके खोलने के बाद यह अभिलेख बदल गया है; इसे पुनः लोड करें")
}

async fn edit(
    state: &AppState,
    user: &CurrentUser,
    id: &EmployeeId,
    request: EditPersonnel,
    idempotency: &Idempotency,
) -> Result<Outcome<PersonnelView>, ApiError> {
    let fields = parse_edit(&request)?;
    let store = state.store.as_ref();
    let (profile, profile_version) = load_profile(store, id)
        .await?
        .ok_or_else(|| ApiError::NotFound("employee").with_hindi("कर्मचारी नहीं मिला"))?;
    let current = load_personnel(store, id).await?;
    let current_version = current.as_ref().map_or(0, |p| p.version);
    if current_version != request.version {
        return Err(stale(Some(current_version)));
    }
    let today = daftar_domain::local_time::office_date(state.now());
    let record = match &current {
        Some(stored) => PersonnelRecord {
            name_en: fields.name_en.clone(),
            name_hi: fields.name_hi.clone(),
            designation_en: fields.designation_en.clone(),
            designation_hi: fields.designation_hi.clone(),
            cadre: fields.cadre,
            dates: fields.dates,
            contact: fields.contact,
            ..stored.record.clone()
        },
        None => {
            // An employee from before PIMS: their record starts with the posts they hold,
            // recorded from today (when they began is not known).
            let Some(first) = profile.postings.first() else {
                return Err(
                    ApiError::WrongState("this employee holds no post; post them first".into())
                        .with_hindi("यह कर्मचारी किसी पद पर नहीं है; पहले उनकी तैनाती करें"),
                );
            };
            PersonnelRecord {
                id: id.clone(),
                name_en: fields.name_en.clone(),
                name_hi: fields.name_hi.clone(),
                designation_en: fields.designation_en.clone(),
                designation_hi: fields.designation_hi.clone(),
                cadre: fields.cadre,
                dates: fields.dates,
                contact: fields.contact,
                office: first.office.clone(),
                history: profile
                    .postings
                    .iter()
                    .map(|p| Posting {
                        post: p.id.clone(),
                        office: p.office.clone(),
                        title_en: p.title_en.clone(),
                        title_hi: p.title_hi.clone(),
                        from: today.max(fields.dates.joining()),
                        to: None,
                    })
                    .collect(),
                onboarded_from: None,
            }
        }
    };
    let mut new_profile = profile.clone();
    new_profile.employee.name_en = fields.name_en.clone();
    new_profile.employee.name_hi = fields.name_hi.clone();
    new_profile.employee.designation_en = fields.designation_en.to_string();
    new_profile.employee.designation_hi = fields.designation_hi.to_string();
    let mut writes = Vec::new();
    // The posts they hold show the holder's name: keep them in step.
    let names_changed = profile.employee.name_en != fields.name_en || profile.employee.name_hi != fields.name_hi;
    if names_changed {
        for posting in &mut new_profile.postings {
            posting.holder_name_en = Some(fields.name_en.to_string());
            posting.holder_name_hi = Some(fields.name_hi.to_string());
            if let Some((mut post, version)) = load_post(store, &posting.id).await? {
                if post.post.holder.as_ref() == Some(id) {
                    post.holder_name_en = Some(fields.name_en.to_string());
                    post.holder_name_hi = Some(fields.name_hi.to_string());
                    writes.push(Write::Put {
                        item: post.item().with_version(version + 1),
                        condition: Condition::VersionIs(version),
                    });
                }
            }
        }
    }
    writes.push(Write::Put {
        item: new_profile.item().with_version(profile_version + 1),
        condition: Condition::VersionIs(profile_version),
    });
    writes.push(Write::Put {
        item: personnel_item(&record, current_version + 1),
        condition: if current_version == 0 {
            Condition::NotExists
        } else {
            Condition::VersionIs(current_version)
        },
    });
    let now = state.now();
    writes.push(crate::audit::entry(
        user,
        "pims.edit",
        format!("EMP#{id}"),
        Some(serde_json::json!({ "profile": &profile, "personnel": current.as_ref().map(|p| &p.record) })),
        Some(serde_json::json!({ "profile": &new_profile, "personnel": &record })),
        now,
    ));
    let stored = StoredPersonnel {
        record,
        version: current_version + 1,
    };
    let view = personnel_view(&user.actor, &new_profile, Some(&stored));
    match idempotency
        .commit(store, writes, StatusCode::OK, view, now.unix_timestamp())
        .await?
    {
        Ok(outcome) => Ok(outcome),
        Err(StoreError::ConditionFailed { .. }) => Err(stale(None)),
        Err(other) => Err(other.into()),
    }
}

/// The fewest characters an initial password may have.
const MIN_PASSWORD_CHARS: usize = 10;

/// Sets an employee's password (an onboarded employee has none until this is done). The
/// administrator gives it to the employee in person; it is never shown again or logged.
#[utoipa::path(post, path = "/api/v1/pims/employees/{id}/password", tag = "pims", request_body = SetPassword,
    params(("id" = String, Path, description = "Employee ID")),
    responses((status = 204, description = "Set"), (status = 403, body = Problem), (status = 404, body = Problem),
        (status = 422, body = Problem)))]
pub async fn set_password(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<String>,
    Json(request): Json<SetPassword>,
) -> Result<StatusCode, ApiError> {
    admin_only(&user.actor)?;
    let id = employee_id(&id)?;
    let chars = request.password.chars().count();
    if !(MIN_PASSWORD_CHARS..=128).contains(&chars) {
        return Err(ApiError::invalid(
            "password",
            format!("a password must have {MIN_PASSWORD_CHARS} to 128 characters"),
        )
        .with_hindi(format!("पासवर्ड {MIN_PASSWORD_CHARS} से 128 अक्षरों का होना चाहिए")));
    }
    if load_profile(state.store.as_ref(), &id).await?.is_none() {
        return Err(ApiError::NotFound("employee").with_hindi("कर्मचारी नहीं मिला"));
    }
    let password = request.password;
    let hash = tokio::task::spawn_blocking(move || crate::auth::password::hash_password(&password))
        .await
        .map_err(|e| ApiError::Internal(format!("hashing a password: {e}")))?;
    let credential = daftar_store::Item::new(
        keys::employee_credential(&id),
        serde_json::to_value(Credential { password_hash: hash }).expect("credentials serialise"),
    );
    state
        .store
        .transact(vec![
            Write::Put {
                item: credential,
                condition: Condition::None,
            },
            // The log says a password was set, never what it is.
            crate::audit::entry(&user, "pims.set_password", format!("EMP#{id}"), None, None, state.now()),
        ])
        .await?;
    Ok(StatusCode::NO_CONTENT)
}
