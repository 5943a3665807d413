//! The e-Leave calls: balances, the ledger, the what-if, applications and the approver's inbox.

use super::{get, paged, post, post_empty, ApiResult};
use daftar_domain::ids::IdempotencyKey;
use daftar_domain::leave::roster::YearMonth;
use daftar_domain::leave::wire::{
    ActRequest, ActingChargeState, ApplyRequest, AssessRequest, AssessmentView, BalanceView, GrantActingCharge,
    LeaveApplicationDetail, LeaveApplicationView, LeaveCalendarView, LeaveInboxEntry, LedgerView, OnLeaveToday,
};
use daftar_domain::leave::{ApplicationId, LeaveKind};
use daftar_domain::wire::Page;
use daftar_domain::OfficeCode;
use daftar_domain::PostId;
use gloo_net::http::Request;

/// The caller's leave accounts.
pub async fn balances() -> ApiResult<Vec<BalanceView>> {
    get(Request::get("/api/v1/leave/balances")).await
}

/// One account's ledger, oldest entry first.
pub async fn ledger(kind: LeaveKind) -> ApiResult<LedgerView> {
    get(Request::get(&format!("/api/v1/leave/ledger/{}", kind.code()))).await
}

/// The what-if of a spell: the days counted, the balance after, the documents and the chain
/// (and, for a change of dates, counted as if the application it replaces were gone).
pub async fn assess(request: &AssessRequest) -> ApiResult<AssessmentView> {
    // Asking changes nothing, so any key will do: the server does not remember what-ifs.
    post("/api/v1/leave/assess", request, &super::new_idempotency_key()).await
}

/// Applies. The key is kept with an application saved offline, so sending it again after a
/// lost answer cannot apply twice.
pub async fn apply(request: &ApplyRequest, key: &IdempotencyKey) -> ApiResult<LeaveApplicationView> {
    post("/api/v1/leave/applications", request, key).await
}

/// One page of the caller's applications, newest first.
pub async fn my_applications(cursor: Option<&str>) -> ApiResult<Page<LeaveApplicationView>> {
    get(paged("/api/v1/leave/applications", cursor)).await
}

pub async fn application(id: &ApplicationId) -> ApiResult<LeaveApplicationDetail> {
    get(Request::get(&format!("/api/v1/leave/applications/{id}"))).await
}

/// Recommends, approves, sanctions, rejects, cancels or curtails, at the version seen.
pub async fn act(id: &ApplicationId, request: &ActRequest, key: &IdempotencyKey) -> ApiResult<LeaveApplicationView> {
    post(&format!("/api/v1/leave/applications/{id}/act"), request, key).await
}

/// One page of the applications waiting at a post, with each applicant's balance.
pub async fn inbox(post: &PostId, cursor: Option<&str>) -> ApiResult<Page<LeaveInboxEntry>> {
    get(paged("/api/v1/leave/inbox", cursor).query([("post", post.as_ref())])).await
}

/// An office's leave touching a month (the caller's office and this month when left out).
pub async fn calendar(office: Option<&OfficeCode>, month: Option<YearMonth>) -> ApiResult<LeaveCalendarView> {
    let mut request = Request::get("/api/v1/leave/calendar");
    if let Some(office) = office {
        request = request.query([("office", office.as_ref())]);
    }
    if let Some(month) = month {
        request = request.query([("month", month.to_string().as_str())]);
    }
    get(request).await
}

/// Who of an office is on sanctioned leave today.
pub async fn on_leave_today(office: Option<&OfficeCode>) -> ApiResult<OnLeaveToday> {
    let request = Request::get("/api/v1/leave/today");
    get(match office {
        Some(office) => request.query([("office", office.as_ref())]),
        None => request,
    })
    .await
}

/// The acting charge of a sanctioned application's post, if anyone holds it.
pub async fn acting(id: &ApplicationId) -> ApiResult<ActingChargeState> {
    get(Request::get(&format!("/api/v1/leave/applications/{id}/acting"))).await
}

/// Gives the applicant's post to a colleague for the leave.
pub async fn grant_acting(
    id: &ApplicationId,
    request: &GrantActingCharge,
    key: &IdempotencyKey,
) -> ApiResult<daftar_domain::leave::acting::ActingCharge> {
    post(&format!("/api/v1/leave/applications/{id}/acting"), request, key).await
}

/// Ends the charge early.
pub async fn end_acting(id: &ApplicationId, key: &IdempotencyKey) -> ApiResult<ActingChargeState> {
    post_empty(&format!("/api/v1/leave/applications/{id}/acting/end"), key).await
}
