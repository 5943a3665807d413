//! Personnel records (PIMS): employees, an office's staff, transfers, bulk onboarding from a CSV
//! file (checked first, loaded only when clean), the CSV export, and the audit log.

use super::{get, paged, put, send, ApiError, ApiResult};
use daftar_domain::ids::IdempotencyKey;
use daftar_domain::pims::wire::{
    AuditEntry, DirectoryEntry, EditPersonnel, OnboardingReport, PersonnelView, TransferReport, TransferRequest,
};
use daftar_domain::pims::ONBOARDING_COLUMNS;
use daftar_domain::wire::{Page, Problem};
use daftar_domain::{EmployeeId, OfficeCode};
use gloo_net::http::Request;

/// One employee's record: everyone sees the directory part; administrators and the employee
/// also the date of birth and contact.
pub async fn employee(id: &EmployeeId) -> ApiResult<PersonnelView> {
    get(Request::get(&format!("/api/v1/pims/employees/{id}"))).await
}

/// Saves an edit of the record at the version it was read (409 if it changed since).
pub async fn edit_employee(id: &EmployeeId, edit: &EditPersonnel, key: &IdempotencyKey) -> ApiResult<PersonnelView> {
    put(&format!("/api/v1/pims/employees/{id}"), edit, key).await
}

/// One page of the employees borne on an office, by employee ID.
pub async fn staff(office: &OfficeCode, cursor: Option<&str>) -> ApiResult<Page<DirectoryEntry>> {
    get(paged(&format!("/api/v1/pims/offices/{office}/employees"), cursor)).await
}

/// Moves, posts or relieves an employee.
pub async fn transfer(request: &TransferRequest, key: &IdempotencyKey) -> ApiResult<TransferReport> {
    super::post("/api/v1/pims/transfers", request, key).await
}

/// One page of a month's audit log (`YYYY-MM`), newest first.
pub async fn audit(month: &str, cursor: Option<&str>) -> ApiResult<Page<AuditEntry>> {
    get(paged("/api/v1/admin/audit", cursor).query([("month", month)])).await
}

/// Sends a CSV file for a dry run (nothing is written) or a load. A load refused for bad rows
/// answers with the same report as a dry run.
pub async fn onboard(csv: &str, dry_run: bool, key: &IdempotencyKey) -> ApiResult<OnboardingReport> {
    let request = Request::post(&format!("/api/v1/pims/onboarding?dry_run={dry_run}"))
        .header("Content-Type", "text/csv; charset=utf-8")
        .header("Idempotency-Key", key.as_ref())
        .body(csv.to_owned());
    let response = send(request).await?;
    let status = response.status();
    let text = response.text().await.map_err(|_| ApiError::Unexpected { status })?;
    if let Ok(report) = serde_json::from_str::<OnboardingReport>(&text) {
        return Ok(report);
    }
    match serde_json::from_str::<Problem>(&text) {
        Ok(problem) => Err(ApiError::Problem(Box::new(problem))),
        Err(_) => Err(ApiError::Unexpected { status }),
    }
}

/// The text of a file the user chose, read inside the browser through a blob URL (the same
/// bytes `Blob.text()` gives, without another crate to await a promise): nothing leaves the
/// browser until the user asks for a check.
pub async fn file_text(file: &web_sys::File) -> ApiResult<String> {
    let url = web_sys::Url::create_object_url_with_blob(file).map_err(|_| ApiError::Network)?;
    let text = match Request::get(&url).send().await {
        Ok(response) => response.text().await.map_err(|_| ApiError::Network),
        Err(_) => Err(ApiError::Network),
    };
    let _ = web_sys::Url::revoke_object_url(&url);
    text
}

/// Where an office's employees download from as CSV, headed in the chosen language.
pub fn export_href(office: &str, lang: &str) -> String {
    let office: String = office
        .trim()
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '-')
        .collect();
    format!("/api/v1/pims/employees.csv?office={office}&lang={lang}")
}

/// The onboarding template: the header row alone, CRLF-terminated as spreadsheets write it.
pub fn template_csv() -> String {
    format!("{}\r\n", ONBOARDING_COLUMNS.join(","))
}

/// The template as a link target that downloads without asking the server.
pub fn template_href() -> String {
    // The header holds only ASCII letters, underscores and commas; the line end is escaped.
    format!(
        "data:text/csv;charset=utf-8,{}",
        template_csv().replace(',', "%2C").replace("\r\n", "%0D%0A")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_export_link_names_the_office_and_language_only() {
        assert_eq!(
            export_href(" DC-HSR ", "hi"),
            "/api/v1/pims/employees.csv?office=DC-HSR&lang=hi"
        );
        assert_eq!(
            export_href("DC&x=1", "en"),
            "/api/v1/pims/employees.csv?office=DCx1&lang=en"
        );
    }

    #[test]
    fn the_template_is_the_header_row() {
        assert!(template_csv().starts_with("employee_id,name_en,"));
        assert!(template_csv().ends_with("roles\r\n"));
        let href = template_href();
        assert!(href.starts_with("data:text/csv;charset=utf-8,employee_id%2Cname_en"));
        assert!(href.ends_with("roles%0D%0A"));
        assert!(!href.contains(',') || href.find(',') == Some("data:text/csv;charset=utf-8".len()));
    }
}
