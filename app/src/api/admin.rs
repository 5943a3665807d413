//! Administering the organisation: departments, offices, sections and posts, an employee's
//! roles, and the leave rules and holiday calendars of a state.
//!
//! Writes answer with the record as stored, but the pages read the list again after each one
//! (someone else may have changed another row meanwhile), so the write calls only say whether
//! the server accepted them.

use super::{get, read_problem, send, ApiResult};
use daftar_domain::admin::wire::{DepartmentList, LeaveOfficersView, OfficeList, PostList, RolesView, SectionList};
use daftar_domain::admin::{
    DepartmentForm, LeaveOfficersForm, OfficeForm, PostEditForm, PostForm, RenameForm, RolesForm, SectionForm,
};
use daftar_domain::ids::{DeptCode, EmployeeId, IdempotencyKey, OfficeCode, PostId, SectionCode};
use daftar_domain::leave::wire::{HolidaysView, LeaveRulesView, PutHolidays, PutLeaveRules};
use daftar_domain::leave::StateCode;
use gloo_net::http::{Request, RequestBuilder};
use serde::Serialize;

/// The state the demo organisation's leave rules and holidays belong to, when the server does
/// not say (Haryana).
pub const DEFAULT_STATE: &str = "HR";

/// A record an administrator may rename.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Renamed {
    Department(DeptCode),
    Office(OfficeCode),
    Section(SectionCode),
}

impl Renamed {
    fn url(&self) -> String {
        match self {
            Renamed::Department(dept) => format!("/api/v1/admin/departments/{dept}"),
            Renamed::Office(office) => format!("/api/v1/admin/offices/{office}"),
            Renamed::Section(section) => format!("/api/v1/admin/sections/{section}"),
        }
    }

    /// The code, as shown and as used in element IDs.
    pub fn code(&self) -> String {
        match self {
            Renamed::Department(code) => code.to_string(),
            Renamed::Office(code) => code.to_string(),
            Renamed::Section(code) => code.to_string(),
        }
    }
}

/// Sends a write and reports only whether it was accepted: the answer's body is not needed.
async fn write(builder: RequestBuilder, body: Option<&impl Serialize>, key: &IdempotencyKey) -> ApiResult<()> {
    let builder = builder.header("Idempotency-Key", key.as_ref());
    let request = match body {
        Some(body) => builder.json(body),
        None => builder.build(),
    };
    let response = send(request).await?;
    if response.ok() {
        Ok(())
    } else {
        Err(read_problem(response).await)
    }
}

pub async fn departments() -> ApiResult<DepartmentList> {
    get(Request::get("/api/v1/admin/departments")).await
}

pub async fn create_department(form: &DepartmentForm, key: &IdempotencyKey) -> ApiResult<()> {
    write(Request::post("/api/v1/admin/departments"), Some(form), key).await
}

pub async fn offices(dept: &DeptCode) -> ApiResult<OfficeList> {
    get(Request::get(&format!("/api/v1/admin/departments/{dept}/offices"))).await
}

pub async fn create_office(dept: &DeptCode, form: &OfficeForm, key: &IdempotencyKey) -> ApiResult<()> {
    write(
        Request::post(&format!("/api/v1/admin/departments/{dept}/offices")),
        Some(form),
        key,
    )
    .await
}

pub async fn sections(office: &OfficeCode) -> ApiResult<SectionList> {
    get(Request::get(&format!("/api/v1/admin/offices/{office}/sections"))).await
}

pub async fn create_section(office: &OfficeCode, form: &SectionForm, key: &IdempotencyKey) -> ApiResult<()> {
    write(
        Request::post(&format!("/api/v1/admin/offices/{office}/sections")),
        Some(form),
        key,
    )
    .await
}

pub async fn posts(office: &OfficeCode) -> ApiResult<PostList> {
    get(Request::get(&format!("/api/v1/admin/offices/{office}/posts"))).await
}

pub async fn create_post(office: &OfficeCode, form: &PostForm, key: &IdempotencyKey) -> ApiResult<()> {
    write(
        Request::post(&format!("/api/v1/admin/offices/{office}/posts")),
        Some(form),
        key,
    )
    .await
}

/// Renames a department, office or section at the version seen (409 if it changed since).
pub async fn rename(what: &Renamed, form: &RenameForm, key: &IdempotencyKey) -> ApiResult<()> {
    write(Request::put(&what.url()), Some(form), key).await
}

/// Changes a post's titles and section at the version seen.
pub async fn edit_post(post: &PostId, form: &PostEditForm, key: &IdempotencyKey) -> ApiResult<()> {
    write(Request::put(&format!("/api/v1/admin/posts/{post}")), Some(form), key).await
}

/// Abolishes a vacant post with nothing waiting at it; 409 with the reason otherwise.
pub async fn abolish_post(post: &PostId, version: u64, key: &IdempotencyKey) -> ApiResult<()> {
    let builder = Request::delete(&format!("/api/v1/admin/posts/{post}")).query([("version", version.to_string())]);
    write(builder, None::<&()>, key).await
}

/// A post's e-Leave officers (none yet for a new post) and the version to save them at.
pub async fn leave_officers(post: &PostId) -> ApiResult<LeaveOfficersView> {
    get(Request::get(&format!("/api/v1/admin/posts/{post}/leave-officers"))).await
}

/// Sets a post's e-Leave officers at the version seen; 422 names a post that does not exist.
pub async fn set_leave_officers(post: &PostId, form: &LeaveOfficersForm, key: &IdempotencyKey) -> ApiResult<()> {
    write(
        Request::put(&format!("/api/v1/admin/posts/{post}/leave-officers")),
        Some(form),
        key,
    )
    .await
}

pub async fn roles(employee: &EmployeeId) -> ApiResult<RolesView> {
    get(Request::get(&format!("/api/v1/admin/employees/{employee}/roles"))).await
}

pub async fn set_roles(employee: &EmployeeId, form: &RolesForm, key: &IdempotencyKey) -> ApiResult<()> {
    write(
        Request::put(&format!("/api/v1/admin/employees/{employee}/roles")),
        Some(form),
        key,
    )
    .await
}

/// The leave rules in force in the caller's own state.
pub async fn leave_rules() -> ApiResult<LeaveRulesView> {
    get(Request::get("/api/v1/leave/rules")).await
}

/// Records a new version of a state's leave rules.
pub async fn put_leave_rules(state: &StateCode, body: &PutLeaveRules, key: &IdempotencyKey) -> ApiResult<()> {
    write(Request::put(&format!("/api/v1/leave/rules/{state}")), Some(body), key).await
}

/// A state's holiday calendar for a year (404 when none has been set).
pub async fn holidays(state: &StateCode, year: i32) -> ApiResult<HolidaysView> {
    get(Request::get(&format!("/api/v1/leave/holidays/{state}/{year}"))).await
}

pub async fn put_holidays(state: &StateCode, year: i32, body: &PutHolidays, key: &IdempotencyKey) -> ApiResult<()> {
    write(
        Request::put(&format!("/api/v1/leave/holidays/{state}/{year}")),
        Some(body),
        key,
    )
    .await
}
