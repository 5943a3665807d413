//! The reports: each read as JSON for the page, or linked as a CSV download in a language.

use super::{get, paged, ApiResult};
use crate::i18n::Locale;
use daftar_domain::file::draft::DispatchEntry;
use daftar_domain::reports::{AgeingReport, DisposalReport, MonthlyReport, PendingElsewhere, SummaryReport, YearMonth};
use daftar_domain::wire::Page;
use daftar_domain::{DeptCode, OfficeCode};
use gloo_net::http::Request;

/// What a report is about: the state (neither), a department, or an office.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReportScope {
    pub dept: Option<DeptCode>,
    pub office: Option<OfficeCode>,
}

impl ReportScope {
    /// The query pairs naming the scope; an office, when chosen, is the scope.
    fn pairs(&self) -> Vec<(&'static str, String)> {
        match (&self.office, &self.dept) {
            (Some(office), _) => vec![("office", office.to_string())],
            (None, Some(dept)) => vec![("dept", dept.to_string())],
            (None, None) => Vec::new(),
        }
    }
}

/// A report's path with its query. Codes, years and months are plain ASCII, so they need no
/// escaping.
fn with_query(path: &str, pairs: &[(&'static str, String)]) -> String {
    let query: Vec<String> = pairs.iter().map(|(k, v)| format!("{k}={v}")).collect();
    if query.is_empty() {
        path.to_owned()
    } else {
        format!("{path}?{}", query.join("&"))
    }
}

/// Where the same report downloads as CSV, headed in `locale`.
pub fn csv_href(path: &str, pairs: &[(&'static str, String)], locale: Locale) -> String {
    let mut pairs = pairs.to_vec();
    pairs.push(("format", "csv".into()));
    pairs.push(("lang", locale.tag().into()));
    with_query(path, &pairs)
}

pub const SUMMARY: &str = "/api/v1/reports/summary";
pub const MY_FILES: &str = "/api/v1/reports/my-files";
pub const PENDENCY: &str = "/api/v1/reports/pendency";
pub const MONTHLY: &str = "/api/v1/reports/monthly";
pub const DISPOSAL: &str = "/api/v1/reports/disposal";

pub fn dispatch_path(office: &OfficeCode) -> String {
    format!("/api/v1/reports/dispatch/{office}")
}

pub fn summary_pairs(dept: Option<&DeptCode>) -> Vec<(&'static str, String)> {
    dept.map(|d| vec![("dept", d.to_string())]).unwrap_or_default()
}

pub async fn summary(dept: Option<&DeptCode>) -> ApiResult<SummaryReport> {
    get(Request::get(&with_query(SUMMARY, &summary_pairs(dept)))).await
}

/// One page of the caller's files pending with others.
pub async fn my_files(cursor: Option<&str>) -> ApiResult<Page<PendingElsewhere>> {
    get(paged(MY_FILES, cursor)).await
}

pub fn pendency_pairs(scope: &ReportScope) -> Vec<(&'static str, String)> {
    scope.pairs()
}

pub async fn pendency(scope: &ReportScope) -> ApiResult<AgeingReport> {
    get(Request::get(&with_query(PENDENCY, &scope.pairs()))).await
}

pub fn monthly_pairs(scope: &ReportScope, year: i32) -> Vec<(&'static str, String)> {
    let mut pairs = scope.pairs();
    pairs.push(("year", year.to_string()));
    pairs
}

pub async fn monthly(scope: &ReportScope, year: i32) -> ApiResult<MonthlyReport> {
    get(Request::get(&with_query(MONTHLY, &monthly_pairs(scope, year)))).await
}

pub fn disposal_pairs(scope: &ReportScope, from: YearMonth, to: YearMonth) -> Vec<(&'static str, String)> {
    let mut pairs = scope.pairs();
    pairs.push(("from", from.to_string()));
    pairs.push(("to", to.to_string()));
    pairs
}

pub async fn disposal(scope: &ReportScope, from: YearMonth, to: YearMonth) -> ApiResult<DisposalReport> {
    get(Request::get(&with_query(DISPOSAL, &disposal_pairs(scope, from, to)))).await
}

/// One page of an office's dispatch register for a year.
pub async fn dispatch(office: &OfficeCode, year: i32, cursor: Option<&str>) -> ApiResult<Page<DispatchEntry>> {
    get(paged(&dispatch_path(office), cursor).query([("year", year.to_string())])).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_download_link_names_the_scope_format_and_language() {
        let scope = ReportScope {
            dept: Some(DeptCode::parse("FIN").unwrap()),
            office: None,
        };
        assert_eq!(
            csv_href(MONTHLY, &monthly_pairs(&scope, 2026), Locale::Hi),
            "/api/v1/reports/monthly?dept=FIN&year=2026&format=csv&lang=hi"
        );
        assert_eq!(
            csv_href(SUMMARY, &summary_pairs(None), Locale::En),
            "/api/v1/reports/summary?format=csv&lang=en"
        );
    }
}
