//! `/api/v1/reports/...`: each report as JSON, or as CSV with `?format=csv&lang=en|hi`.

use super::{csv, known_department, known_office, Resolved};
use crate::auth::CurrentUser;
use crate::csv_export::Lang;
use crate::error::{ApiError, Json, Query};
use crate::keys;
use crate::pagination::{all_pages, PageParams};
use crate::state::AppState;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use daftar_domain::auth::{authorize, Action, Resource};
use daftar_domain::file::draft::DispatchEntry;
use daftar_domain::local_time::office_date;
use daftar_domain::reports::{
    AgeingReport, DisposalReport, MonthlyReport, PendingElsewhere, SummaryReport, YearMonth, MAX_REPORT_MONTHS,
};
use daftar_domain::wire::{Page, Problem, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE};
use daftar_domain::{DeptCode, OfficeCode};
use serde::Deserialize;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/api/v1/reports/summary", get(summary))
        .route("/api/v1/reports/my-files", get(my_files))
        .route("/api/v1/reports/pendency", get(pendency))
        .route("/api/v1/reports/monthly", get(monthly))
        .route("/api/v1/reports/disposal", get(disposal))
        .route("/api/v1/reports/dispatch/{office}", get(dispatch))
}

/// The query string every report takes, each using the fields it needs.
#[derive(Debug, Default, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ReportParams {
    /// A department's code (the scope; omitted for the whole state).
    pub dept: Option<String>,
    /// An office's code (the scope, instead of a department).
    pub office: Option<String>,
    /// A calendar year, for the month-wise report and the dispatch register (default: this year).
    pub year: Option<String>,
    /// First and last month (`YYYY-MM`) of the disposal report (default: the last twelve).
    pub from: Option<String>,
    pub to: Option<String>,
    /// `json` (default) or `csv`.
    pub format: Option<String>,
    /// Column headings of a CSV: `en` (default) or `hi`.
    pub lang: Option<String>,
    pub limit: Option<u32>,
    pub cursor: Option<String>,
}

enum Format {
    Json,
    Csv(Lang),
}

impl ReportParams {
    fn format(&self) -> Result<Format, ApiError> {
        let lang = Lang::parse(self.lang.as_deref())?;
        match self.format.as_deref() {
            None | Some("json") => Ok(Format::Json),
            Some("csv") => Ok(Format::Csv(lang)),
            Some(_) => {
                Err(ApiError::invalid("format", "format must be json or csv")
                    .with_hindi("प्रारूप json या csv होना चाहिए"))
            }
        }
    }

    fn year(&self, state: &AppState) -> Result<i32, ApiError> {
        let Some(raw) = self.year.as_deref() else {
            return Ok(office_date(state.now()).year());
        };
        match raw.trim().parse::<i32>() {
            Ok(year) if (2000..=2200).contains(&year) => Ok(year),
            _ => Err(ApiError::invalid("year", "the year must be a year such as 2026")
                .with_hindi("वर्ष 2026 जैसा कोई वर्ष होना चाहिए")),
        }
    }

    fn month(field: &'static str, raw: &str) -> Result<YearMonth, ApiError> {
        YearMonth::parse(raw).map_err(|e| ApiError::invalid(field, e).with_hindi("माह YYYY-MM के रूप में लिखें, जैसे 2026-04"))
    }

    /// The disposal report's months: both given, or the twelve up to this month.
    fn months(&self, state: &AppState) -> Result<(YearMonth, YearMonth), ApiError> {
        let this_month = YearMonth::of(office_date(state.now()));
        let to = match self.to.as_deref() {
            Some(raw) => Self::month("to", raw)?,
            None => this_month,
        };
        let from = match self.from.as_deref() {
            Some(raw) => Self::month("from", raw)?,
            None => to.back(11),
        };
        match from.months_to(to) {
            0 => Err(ApiError::invalid("from", "the first month comes after the last")
                .with_hindi("प्रारंभिक माह अंतिम माह के बाद है")),
            n if n > MAX_REPORT_MONTHS => Err(ApiError::invalid(
                "to",
                format!("a report spans at most {MAX_REPORT_MONTHS} months"),
            )
            .with_hindi(format!("रिपोर्ट अधिकतम {MAX_REPORT_MONTHS} माह की हो सकती है"))),
            _ => Ok((from, to)),
        }
    }

    fn page_limit(&self, default: u32) -> Result<u32, ApiError> {
        match self.limit {
            None => Ok(default),
            Some(n) if (1..=MAX_PAGE_SIZE).contains(&n) => Ok(n),
            Some(_) => Err(
                ApiError::invalid("limit", format!("limit must be between 1 and {MAX_PAGE_SIZE}"))
                    .with_hindi(format!("सीमा 1 से {MAX_PAGE_SIZE} के बीच होनी चाहिए")),
            ),
        }
    }

    fn dept_code(raw: &str) -> Result<DeptCode, ApiError> {
        DeptCode::parse(raw).map_err(|e| ApiError::invalid("dept", e).with_hindi("विभाग का कोड मान्य नहीं है"))
    }

    fn office_code(raw: &str) -> Result<OfficeCode, ApiError> {
        OfficeCode::parse(raw).map_err(|e| ApiError::invalid("office", e).with_hindi("कार्यालय का कोड मान्य नहीं है"))
    }

    /// The state, a department or an office, found and authorised for the caller.
    async fn scope(&self, state: &AppState, user: &CurrentUser) -> Result<Resolved, ApiError> {
        let store = state.store.as_ref();
        let resolved = match (self.dept.as_deref(), self.office.as_deref()) {
            (Some(_), Some(_)) => {
                return Err(ApiError::invalid("office", "name a department or an office, not both")
                    .with_hindi("विभाग या कार्यालय में से एक चुनें, दोनों नहीं"))
            }
            (Some(dept), None) => Resolved::department(&known_department(store, &Self::dept_code(dept)?).await?),
            (None, Some(office)) => Resolved::office(&known_office(store, &Self::office_code(office)?).await?),
            (None, None) => Resolved::state(),
        };
        match &resolved.dept {
            Some(dept) => authorize(&user.actor, Action::ViewPendency, Resource::Department(dept))?,
            None => authorize(&user.actor, Action::ViewPendency, Resource::Organisation)?,
        }
        Ok(resolved)
    }
}

fn render<T: serde::Serialize>(
    format: Format,
    report: T,
    to_csv: impl FnOnce(&T, Lang) -> Result<Response, ApiError>,
) -> Result<Response, ApiError> {
    match format {
        Format::Json => Ok(Json(report).into_response()),
        Format::Csv(lang) => to_csv(&report, lang),
    }
}

/// Departmental summary: pendency, ageing, this month's movement and average time at a desk,
/// per department and district office (the state) or per office (a department).
#[utoipa::path(get, path = "/api/v1/reports/summary", tag = "reports", params(ReportParams),
    responses((status = 200, body = SummaryReport), (status = 403, body = Problem), (status = 422, body = Problem)))]
pub async fn summary(
    State(state): State<AppState>,
    user: CurrentUser,
    Query(params): Query<ReportParams>,
) -> Result<Response, ApiError> {
    let format = params.format()?;
    if params.office.is_some() {
        return Err(
            ApiError::invalid("office", "the summary is of the state or of a department")
                .with_hindi("सारांश राज्य या विभाग का होता है"),
        );
    }
    let scope = params.scope(&state, &user).await?;
    let today = office_date(state.now());
    let report = super::summary(state.store.as_ref(), scope.dept.as_ref(), today).await?;
    render(format, report, csv::summary)
}

/// Files the caller's desks sent or opened that are now pending at other desks, newest first,
/// one page at a time (a page may be short and still have a next cursor).
#[utoipa::path(get, path = "/api/v1/reports/my-files", tag = "reports", params(ReportParams),
    responses((status = 200, body = Page<PendingElsewhere>), (status = 422, body = Problem)))]
pub async fn my_files(
    State(state): State<AppState>,
    user: CurrentUser,
    Query(params): Query<ReportParams>,
) -> Result<Response, ApiError> {
    let format = params.format()?;
    // A download takes the largest page; the app asks for more with the cursor.
    let default = match format {
        Format::Json => DEFAULT_PAGE_SIZE,
        Format::Csv(_) => MAX_PAGE_SIZE,
    };
    let limit = params.page_limit(default)?;
    let today = office_date(state.now());
    let page = super::my_files(
        state.store.as_ref(),
        &user.actor,
        limit,
        params.cursor.as_deref(),
        today,
    )
    .await?;
    render(format, page, |page, lang| csv::my_files(&page.items, lang))
}

/// Pendency with ageing at each desk of an office (or of a department's headquarters).
#[utoipa::path(get, path = "/api/v1/reports/pendency", tag = "reports", params(ReportParams),
    responses((status = 200, body = AgeingReport), (status = 403, body = Problem), (status = 422, body = Problem)))]
pub async fn pendency(
    State(state): State<AppState>,
    user: CurrentUser,
    Query(params): Query<ReportParams>,
) -> Result<Response, ApiError> {
    let format = params.format()?;
    let store = state.store.as_ref();
    let office = match (params.dept.as_deref(), params.office.as_deref()) {
        (_, Some(office)) => known_office(store, &ReportParams::office_code(office)?).await?,
        (Some(dept), None) => {
            let dept = known_department(store, &ReportParams::dept_code(dept)?).await?;
            super::headquarters(store, &dept.code).await?.ok_or_else(|| {
                ApiError::invalid("dept", "this department has no headquarters office")
                    .with_hindi("इस विभाग का कोई मुख्यालय कार्यालय नहीं है")
            })?
        }
        (None, None) => {
            return Err(
                ApiError::invalid("office", "choose an office or a department").with_hindi("कोई कार्यालय या विभाग चुनें")
            )
        }
    };
    authorize(&user.actor, Action::ViewPendency, Resource::Department(&office.dept))?;
    let report = super::ageing(store, &office, office_date(state.now())).await?;
    render(format, report, csv::ageing)
}

/// Files and receipts created, received and forwarded in each month of a year, for the state,
/// a department or an office.
#[utoipa::path(get, path = "/api/v1/reports/monthly", tag = "reports", params(ReportParams),
    responses((status = 200, body = MonthlyReport), (status = 403, body = Problem), (status = 422, body = Problem)))]
pub async fn monthly(
    State(state): State<AppState>,
    user: CurrentUser,
    Query(params): Query<ReportParams>,
) -> Result<Response, ApiError> {
    let format = params.format()?;
    let year = params.year(&state)?;
    let scope = params.scope(&state, &user).await?;
    let report = super::monthly(state.store.as_ref(), scope, year).await?;
    render(format, report, csv::monthly)
}

/// Average time at a desk in each month of a range (at most 24 months), with the stays counted.
#[utoipa::path(get, path = "/api/v1/reports/disposal", tag = "reports", params(ReportParams),
    responses((status = 200, body = DisposalReport), (status = 403, body = Problem), (status = 422, body = Problem)))]
pub async fn disposal(
    State(state): State<AppState>,
    user: CurrentUser,
    Query(params): Query<ReportParams>,
) -> Result<Response, ApiError> {
    let format = params.format()?;
    let (from, to) = params.months(&state)?;
    let scope = params.scope(&state, &user).await?;
    let report = super::disposal(state.store.as_ref(), scope, from, to).await?;
    render(format, report, csv::disposal)
}

/// An office's dispatch register for a year: a page as JSON, or the whole year as CSV (a
/// year's letters from one office; the register is read page by page).
#[utoipa::path(get, path = "/api/v1/reports/dispatch/{office}", tag = "reports",
    params(("office" = String, Path), ReportParams),
    responses((status = 200, body = Page<DispatchEntry>), (status = 403, body = Problem), (status = 422, body = Problem)))]
pub async fn dispatch(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(office): Path<String>,
    Query(params): Query<ReportParams>,
) -> Result<Response, ApiError> {
    let format = params.format()?;
    let office = ReportParams::office_code(&office)?;
    authorize(&user.actor, Action::KeepDispatchRegister, Resource::Office(&office))?;
    let year = params.year(&state)?;
    match format {
        Format::Json => {
            let page = PageParams {
                limit: params.limit,
                cursor: params.cursor,
            };
            let page = crate::files::routes::register_page(state.store.as_ref(), &office, year, page).await?;
            Ok(Json(page).into_response())
        }
        Format::Csv(lang) => {
            let mut query = daftar_store::Query::new(daftar_store::Index::Table, keys::office_partition(&office));
            query.range = daftar_store::SortRange::Prefix(keys::dispatch_year_prefix(year));
            let entries: Vec<DispatchEntry> = all_pages(state.store.as_ref(), query).await?;
            csv::dispatch(office.as_ref(), year, &entries, lang)
        }
    }
}
