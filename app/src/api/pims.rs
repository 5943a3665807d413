//! Personnel records: bulk onboarding from a CSV file, checked first, loaded only when clean.

use super::{send, ApiError, ApiResult};
use daftar_domain::ids::IdempotencyKey;
use daftar_domain::pims::wire::OnboardingReport;
use daftar_domain::wire::Problem;
use gloo_net::http::Request;

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

/// The text of a file the user chose, read through a blob URL so no bytes leave the browser.
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
    format!("/api/v1/pims/employees.csv?office={office}&lang={lang}")
}
