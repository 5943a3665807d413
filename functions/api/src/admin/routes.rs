//! The administration endpoints: each parses its form with [`daftar_domain::admin`], checks the
//! version the administrator saw, and writes the change and its audit entry in one transaction.

use super::actions::*;
use super::{
    commit, exists, find_section, get_department, get_office, json, list_departments, list_offices, list_posts,
    list_sections, may_assign_roles, may_manage, not_found, pending_work, post_view, refused, section_target, stale,
};
use crate::auth::CurrentUser;
use crate::error::{ApiError, Json, Query};
use crate::keys;
use crate::org::{department_item, office_item, section_item, EmployeeRecord, StoredPost};
use crate::pims::load_profile;
use crate::state::AppState;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::routing::{get, put};
use axum::Router;
use daftar_domain::admin::wire::{
    DepartmentList, DepartmentView, LeaveOfficersView, OfficeList, OfficeView, PostList, PostView, RolesView,
    SectionList, SectionView,
};
use daftar_domain::admin::{
    abolish, change_roles, DepartmentForm, LeaveOfficersForm, OfficeForm, PostEditForm, PostForm, RenameForm,
    RolesForm, SectionForm,
};
use daftar_domain::ids::InvalidCode;
use daftar_domain::leave::officers::LeaveOfficers;
use daftar_domain::org::{Office, Section};
use daftar_domain::wire::Problem;
use daftar_domain::{DeptCode, EmployeeId, OfficeCode, PostId, SectionCode};
use daftar_store::{Condition, Store, Write};
use serde::Deserialize;
use std::collections::BTreeSet;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/api/v1/admin/departments", get(departments).post(create_department))
        .route("/api/v1/admin/departments/{dept}", put(rename_department))
        .route(
            "/api/v1/admin/departments/{dept}/offices",
            get(offices).post(create_office),
        )
        .route("/api/v1/admin/offices/{office}", put(rename_office))
        .route(
            "/api/v1/admin/offices/{office}/sections",
            get(sections).post(create_section),
        )
        .route("/api/v1/admin/sections/{section}", put(rename_section))
        .route("/api/v1/admin/offices/{office}/posts", get(posts).post(create_post))
        .route("/api/v1/admin/posts/{post}", put(edit_post).delete(abolish_post))
        .route(
            "/api/v1/admin/posts/{post}/leave-officers",
            get(leave_officers).put(set_leave_officers),
        )
        .route("/api/v1/admin/employees/{id}/roles", get(roles).put(set_roles))
}

fn code<T>(field: &str, raw: &str, parse: fn(&str) -> Result<T, InvalidCode>) -> Result<T, ApiError> {
    parse(raw).map_err(|e| ApiError::invalid(field, e))
}

async fn department_or_404(store: &dyn Store, code: &DeptCode) -> Result<DepartmentView, ApiError> {
    get_department(store, code)
        .await?
        .ok_or_else(|| not_found("department"))
}

async fn office_or_404(store: &dyn Store, code: &OfficeCode) -> Result<OfficeView, ApiError> {
    get_office(store, code).await?.ok_or_else(|| not_found("office"))
}

/// A post as stored, with its version.
async fn post_or_404(store: &dyn Store, id: &PostId) -> Result<(StoredPost, u64), ApiError> {
    crate::pims::load_post(store, id)
        .await?
        .ok_or_else(|| not_found("post"))
}

fn no_such_section(office: &OfficeCode, section: &SectionCode) -> ApiError {
    ApiError::invalid("section", format!("office {office} has no section {section}"))
        .with_hindi(format!("कार्यालय {office} में अनुभाग {section} नहीं है"))
}

// ---- Departments. ----

/// Every department and corporation with its version, by code.
#[utoipa::path(get, path = "/api/v1/admin/departments", tag = "admin",
    responses((status = 200, body = DepartmentList), (status = 403, body = Problem)))]
pub async fn departments(State(state): State<AppState>, user: CurrentUser) -> Result<Json<DepartmentList>, ApiError> {
    may_manage(&user.actor)?;
    let mut departments = list_departments(state.store.as_ref()).await?;
    departments.sort_by(|a, b| a.department.code.cmp(&b.department.code));
    Ok(Json(DepartmentList { departments }))
}

/// Creates a department or corporation (409 if the code is taken).
#[utoipa::path(post, path = "/api/v1/admin/departments", tag = "admin", request_body = DepartmentForm,
    responses((status = 201, body = DepartmentView), (status = 403, body = Problem), (status = 409, body = Problem),
        (status = 422, body = Problem)))]
pub async fn create_department(
    State(state): State<AppState>,
    user: CurrentUser,
    Json(form): Json<DepartmentForm>,
) -> Result<(StatusCode, Json<DepartmentView>), ApiError> {
    may_manage(&user.actor)?;
    let department = form.parse().map_err(refused)?;
    let code = department.code.clone();
    let main = vec![
        Write::Put {
            item: department_item(&department),
            condition: Condition::NotExists,
        },
        crate::audit::entry(
            &user,
            DEPARTMENT_CREATED,
            keys::department_partition(&code),
            None,
            Some(json(&department)),
            state.now(),
        ),
    ];
    commit(state.store.as_ref(), main, Vec::new(), |_| {
        exists("department", code.as_ref())
    })
    .await?;
    Ok((StatusCode::CREATED, Json(DepartmentView { department, version: 1 })))
}

/// Renames a department, if it is still at the version the administrator saw.
#[utoipa::path(put, path = "/api/v1/admin/departments/{dept}", tag = "admin", request_body = RenameForm,
    params(("dept" = String, Path, description = "Department code")),
    responses((status = 200, body = DepartmentView), (status = 403, body = Problem), (status = 404, body = Problem),
        (status = 409, body = Problem), (status = 422, body = Problem)))]
pub async fn rename_department(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(dept): Path<String>,
    Json(form): Json<RenameForm>,
) -> Result<Json<DepartmentView>, ApiError> {
    may_manage(&user.actor)?;
    let dept = code("dept", &dept, DeptCode::parse)?;
    let names = form.parse().map_err(refused)?;
    let store = state.store.as_ref();
    let current = department_or_404(store, &dept).await?;
    if current.version != form.version {
        return Err(stale(Some(current.version)));
    }
    let mut department = current.department.clone();
    department.name_en = names.en.into();
    department.name_hi = names.hi.into();
    let version = current.version + 1;
    let main = vec![
        Write::Put {
            item: department_item(&department).with_version(version),
            condition: Condition::VersionIs(current.version),
        },
        crate::audit::entry(
            &user,
            DEPARTMENT_RENAMED,
            keys::department_partition(&dept),
            Some(json(&current.department)),
            Some(json(&department)),
            state.now(),
        ),
    ];
    commit(store, main, Vec::new(), |_| stale(None)).await?;
    Ok(Json(DepartmentView { department, version }))
}

// ---- Offices. ----

/// The offices of a department with their versions, by code.
#[utoipa::path(get, path = "/api/v1/admin/departments/{dept}/offices", tag = "admin",
    params(("dept" = String, Path, description = "Department code")),
    responses((status = 200, body = OfficeList), (status = 403, body = Problem), (status = 404, body = Problem)))]
pub async fn offices(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(dept): Path<String>,
) -> Result<Json<OfficeList>, ApiError> {
    may_manage(&user.actor)?;
    let dept = code("dept", &dept, DeptCode::parse)?;
    let store = state.store.as_ref();
    department_or_404(store, &dept).await?;
    let mut offices = list_offices(store, &dept).await?;
    offices.sort_by(|a, b| a.office.code.cmp(&b.office.code));
    Ok(Json(OfficeList { offices }))
}

/// Creates an office of a department: a headquarters, or a district office when a district is
/// named (409 if the code is taken).
#[utoipa::path(post, path = "/api/v1/admin/departments/{dept}/offices", tag = "admin", request_body = OfficeForm,
    params(("dept" = String, Path, description = "Department code")),
    responses((status = 201, body = OfficeView), (status = 403, body = Problem), (status = 404, body = Problem),
        (status = 409, body = Problem), (status = 422, body = Problem)))]
pub async fn create_office(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(dept): Path<String>,
    Json(form): Json<OfficeForm>,
) -> Result<(StatusCode, Json<OfficeView>), ApiError> {
    may_manage(&user.actor)?;
    let dept = code("dept", &dept, DeptCode::parse)?;
    let office = form.parse(&dept).map_err(refused)?;
    let store = state.store.as_ref();
    department_or_404(store, &dept).await?;
    let main = vec![
        Write::Put {
            item: office_item(&office),
            condition: Condition::NotExists,
        },
        Write::Check {
            key: keys::department(&dept),
            condition: Condition::Exists,
        },
        crate::audit::entry(
            &user,
            OFFICE_CREATED,
            keys::office_partition(&office.code),
            None,
            Some(json(&office)),
            state.now(),
        ),
    ];
    commit(store, main, Vec::new(), |index| match index {
        0 => exists("office", office.code.as_ref()),
        _ => not_found("department"),
    })
    .await?;
    Ok((StatusCode::CREATED, Json(OfficeView { office, version: 1 })))
}

/// Renames an office, if it is still at the version the administrator saw. Its posts, and the
/// postings of those who hold them, show the office's name: they are renamed with it.
#[utoipa::path(put, path = "/api/v1/admin/offices/{office}", tag = "admin", request_body = RenameForm,
    params(("office" = String, Path, description = "Office code")),
    responses((status = 200, body = OfficeView), (status = 403, body = Problem), (status = 404, body = Problem),
        (status = 409, body = Problem), (status = 422, body = Problem)))]
pub async fn rename_office(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(office): Path<String>,
    Json(form): Json<RenameForm>,
) -> Result<Json<OfficeView>, ApiError> {
    may_manage(&user.actor)?;
    let code = code("office", &office, OfficeCode::parse)?;
    let names = form.parse().map_err(refused)?;
    let store = state.store.as_ref();
    let current = office_or_404(store, &code).await?;
    if current.version != form.version {
        return Err(stale(Some(current.version)));
    }
    let office = Office {
        name_en: names.en.into(),
        name_hi: names.hi.into(),
        ..current.office.clone()
    };
    let version = current.version + 1;
    let main = vec![
        Write::Put {
            item: office_item(&office).with_version(version),
            condition: Condition::VersionIs(current.version),
        },
        crate::audit::entry(
            &user,
            OFFICE_RENAMED,
            keys::office_partition(&code),
            Some(json(&current.office)),
            Some(json(&office)),
            state.now(),
        ),
    ];
    let copies = office_name_copies(store, &office).await?;
    commit(store, main, copies, |_| stale(None)).await?;
    Ok(Json(OfficeView { office, version }))
}

/// The writes that put an office's new name on its posts and on its post holders' postings.
async fn office_name_copies(store: &dyn Store, office: &Office) -> Result<Vec<Write>, ApiError> {
    let posts = list_posts(store, &office.code).await?;
    let mut writes = Vec::new();
    let mut holders = BTreeSet::new();
    for (mut stored, version) in posts {
        if let Some(holder) = &stored.post.holder {
            holders.insert(holder.clone());
        }
        stored.office_name_en = office.name_en.clone();
        stored.office_name_hi = office.name_hi.clone();
        writes.push(Write::Put {
            item: stored.item().with_version(version + 1),
            condition: Condition::VersionIs(version),
        });
    }
    for holder in holders {
        let Some((mut profile, version)) = load_profile(store, &holder).await? else {
            continue;
        };
        for posting in profile.postings.iter_mut().filter(|p| p.office == office.code) {
            posting.office_name_en = office.name_en.clone();
            posting.office_name_hi = office.name_hi.clone();
        }
        writes.push(profile_write(&profile, version));
    }
    Ok(writes)
}

fn profile_write(profile: &EmployeeRecord, version: u64) -> Write {
    Write::Put {
        item: profile.item().with_version(version + 1),
        condition: Condition::VersionIs(version),
    }
}

// ---- Sections. ----

/// The sections of an office with their versions, by code.
#[utoipa::path(get, path = "/api/v1/admin/offices/{office}/sections", tag = "admin",
    params(("office" = String, Path, description = "Office code")),
    responses((status = 200, body = SectionList), (status = 403, body = Problem), (status = 404, body = Problem)))]
pub async fn sections(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(office): Path<String>,
) -> Result<Json<SectionList>, ApiError> {
    may_manage(&user.actor)?;
    let office = code("office", &office, OfficeCode::parse)?;
    let store = state.store.as_ref();
    office_or_404(store, &office).await?;
    let mut sections = list_sections(store, &office).await?;
    sections.sort_by(|a, b| a.section.code.cmp(&b.section.code));
    Ok(Json(SectionList { sections }))
}

/// Creates a section of an office; a short code is prefixed with the office's (409 if taken).
#[utoipa::path(post, path = "/api/v1/admin/offices/{office}/sections", tag = "admin", request_body = SectionForm,
    params(("office" = String, Path, description = "Office code")),
    responses((status = 201, body = SectionView), (status = 403, body = Problem), (status = 404, body = Problem),
        (status = 409, body = Problem), (status = 422, body = Problem)))]
pub async fn create_section(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(office): Path<String>,
    Json(form): Json<SectionForm>,
) -> Result<(StatusCode, Json<SectionView>), ApiError> {
    may_manage(&user.actor)?;
    let office = code("office", &office, OfficeCode::parse)?;
    let section = form.parse(&office).map_err(refused)?;
    let store = state.store.as_ref();
    office_or_404(store, &office).await?;
    let main = vec![
        Write::Put {
            item: section_item(&section),
            condition: Condition::NotExists,
        },
        Write::Check {
            key: keys::office(&office),
            condition: Condition::Exists,
        },
        crate::audit::entry(
            &user,
            SECTION_CREATED,
            section_target(&section.code),
            None,
            Some(json(&section)),
            state.now(),
        ),
    ];
    commit(store, main, Vec::new(), |index| match index {
        0 => exists("section", section.code.as_ref()),
        _ => not_found("office"),
    })
    .await?;
    Ok((StatusCode::CREATED, Json(SectionView { section, version: 1 })))
}

/// Renames a section (by its full code, `FIN-HQ-BUDGET`), if it is still at the version the
/// administrator saw.
#[utoipa::path(put, path = "/api/v1/admin/sections/{section}", tag = "admin", request_body = RenameForm,
    params(("section" = String, Path, description = "Full section code, e.g. FIN-HQ-GEN")),
    responses((status = 200, body = SectionView), (status = 403, body = Problem), (status = 404, body = Problem),
        (status = 409, body = Problem), (status = 422, body = Problem)))]
pub async fn rename_section(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(section): Path<String>,
    Json(form): Json<RenameForm>,
) -> Result<Json<SectionView>, ApiError> {
    may_manage(&user.actor)?;
    let code = code("section", &section, SectionCode::parse)?;
    let names = form.parse().map_err(refused)?;
    let store = state.store.as_ref();
    let current = find_section(store, &code).await?.ok_or_else(|| not_found("section"))?;
    if current.version != form.version {
        return Err(stale(Some(current.version)));
    }
    let section = Section {
        name_en: names.en.into(),
        name_hi: names.hi.into(),
        ..current.section.clone()
    };
    let version = current.version + 1;
    let main = vec![
        Write::Put {
            item: section_item(&section).with_version(version),
            condition: Condition::VersionIs(current.version),
        },
        crate::audit::entry(
            &user,
            SECTION_RENAMED,
            section_target(&code),
            Some(json(&current.section)),
            Some(json(&section)),
            state.now(),
        ),
    ];
    commit(store, main, Vec::new(), |_| stale(None)).await?;
    Ok(Json(SectionView { section, version }))
}

// ---- Posts. ----

/// The posts of an office with their holders and versions, by ID.
#[utoipa::path(get, path = "/api/v1/admin/offices/{office}/posts", tag = "admin",
    params(("office" = String, Path, description = "Office code")),
    responses((status = 200, body = PostList), (status = 403, body = Problem), (status = 404, body = Problem)))]
pub async fn posts(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(office): Path<String>,
) -> Result<Json<PostList>, ApiError> {
    may_manage(&user.actor)?;
    let office = code("office", &office, OfficeCode::parse)?;
    let store = state.store.as_ref();
    office_or_404(store, &office).await?;
    let mut posts: Vec<PostView> = list_posts(store, &office)
        .await?
        .into_iter()
        .map(|(stored, version)| post_view(stored, version))
        .collect();
    posts.sort_by(|a, b| a.post.id.cmp(&b.post.id));
    Ok(Json(PostList { posts }))
}

/// Creates a vacant post in a section of the office (422 naming `section` if the office has no
/// such section; 409 if the ID is taken).
#[utoipa::path(post, path = "/api/v1/admin/offices/{office}/posts", tag = "admin", request_body = PostForm,
    params(("office" = String, Path, description = "Office code")),
    responses((status = 201, body = PostView), (status = 403, body = Problem), (status = 404, body = Problem),
        (status = 409, body = Problem), (status = 422, body = Problem)))]
pub async fn create_post(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(office): Path<String>,
    Json(form): Json<PostForm>,
) -> Result<(StatusCode, Json<PostView>), ApiError> {
    may_manage(&user.actor)?;
    let code = code("office", &office, OfficeCode::parse)?;
    let store = state.store.as_ref();
    let office = office_or_404(store, &code).await?.office;
    let post = form.parse(&office.dept, &office.code).map_err(refused)?;
    if store.get(&keys::section(&code, &post.section)).await?.is_none() {
        return Err(no_such_section(&code, &post.section));
    }
    let stored = StoredPost {
        post,
        office_name_en: office.name_en.clone(),
        office_name_hi: office.name_hi.clone(),
        holder_name_en: None,
        holder_name_hi: None,
    };
    let (id, section) = (stored.post.id.clone(), stored.post.section.clone());
    let main = vec![
        Write::Put {
            item: stored.item(),
            condition: Condition::NotExists,
        },
        Write::Check {
            key: keys::section(&code, &section),
            condition: Condition::Exists,
        },
        crate::audit::entry(
            &user,
            POST_CREATED,
            keys::post_partition(&id),
            None,
            Some(json(&stored.post)),
            state.now(),
        ),
    ];
    commit(store, main, Vec::new(), |index| match index {
        0 => exists("post", id.as_ref()),
        _ => no_such_section(&code, &section),
    })
    .await?;
    Ok((StatusCode::CREATED, Json(post_view(stored, 1))))
}

/// Changes a post's titles and section (within its office), if it is still at the version the
/// administrator saw. Its holder keeps it; their postings show the new titles.
#[utoipa::path(put, path = "/api/v1/admin/posts/{post}", tag = "admin", request_body = PostEditForm,
    params(("post" = String, Path, description = "Post ID")),
    responses((status = 200, body = PostView), (status = 403, body = Problem), (status = 404, body = Problem),
        (status = 409, body = Problem), (status = 422, body = Problem)))]
pub async fn edit_post(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(post): Path<String>,
    Json(form): Json<PostEditForm>,
) -> Result<Json<PostView>, ApiError> {
    may_manage(&user.actor)?;
    let id = code("post", &post, PostId::parse)?;
    let store = state.store.as_ref();
    let (current, version) = post_or_404(store, &id).await?;
    if version != form.version {
        return Err(stale(Some(version)));
    }
    let post = form.apply(&current.post).map_err(refused)?;
    let office = post.office.clone();
    let section = post.section.clone();
    if store.get(&keys::section(&office, &section)).await?.is_none() {
        return Err(no_such_section(&office, &section));
    }
    let edited = StoredPost {
        post,
        ..current.clone()
    };
    let main = vec![
        Write::Put {
            item: edited.item().with_version(version + 1),
            condition: Condition::VersionIs(version),
        },
        Write::Check {
            key: keys::section(&office, &section),
            condition: Condition::Exists,
        },
        crate::audit::entry(
            &user,
            POST_EDITED,
            keys::post_partition(&id),
            Some(json(&current.post)),
            Some(json(&edited.post)),
            state.now(),
        ),
    ];
    let mut copies = Vec::new();
    if let Some(holder) = &edited.post.holder {
        if let Some((mut profile, profile_version)) = load_profile(store, holder).await? {
            for posting in profile.postings.iter_mut().filter(|p| p.id == id) {
                posting.title_en = edited.post.title_en.clone();
                posting.title_hi = edited.post.title_hi.clone();
            }
            copies.push(profile_write(&profile, profile_version));
        }
    }
    commit(store, main, copies, |index| match index {
        1 => no_such_section(&office, &section),
        _ => stale(None),
    })
    .await?;
    Ok(Json(post_view(edited, version + 1)))
}

/// The version of the post the administrator saw, for an abolition.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct AbolishParams {
    pub version: u64,
}

/// Abolishes a vacant post with nothing waiting in its inbox (409 with the reason otherwise).
#[utoipa::path(delete, path = "/api/v1/admin/posts/{post}", tag = "admin",
    params(("post" = String, Path, description = "Post ID"), AbolishParams),
    responses((status = 204, description = "Abolished"), (status = 403, body = Problem), (status = 404, body = Problem),
        (status = 409, body = Problem)))]
pub async fn abolish_post(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(post): Path<String>,
    Query(params): Query<AbolishParams>,
) -> Result<StatusCode, ApiError> {
    may_manage(&user.actor)?;
    let id = code("post", &post, PostId::parse)?;
    let store = state.store.as_ref();
    let (current, version) = post_or_404(store, &id).await?;
    if version != params.version {
        return Err(stale(Some(version)));
    }
    let pending = pending_work(store, &id).await?;
    abolish(&current.post, pending).map_err(refused)?;
    // Nothing can be sent to a vacant post's holder, and the directory offers only posts that
    // exist; a send that read the post just before this delete is refused by its own
    // conditions on the post.
    let main = vec![
        Write::Delete {
            key: keys::post(&id),
            condition: Condition::VersionIs(version),
        },
        // Its e-Leave officers go with it, so a post made later with the same ID starts afresh.
        Write::Delete {
            key: keys::leave_officers(&id),
            condition: Condition::None,
        },
        crate::audit::entry(
            &user,
            POST_ABOLISHED,
            keys::post_partition(&id),
            Some(json(&current.post)),
            None,
            state.now(),
        ),
    ];
    commit(store, main, Vec::new(), |_| stale(None)).await?;
    Ok(StatusCode::NO_CONTENT)
}

// ---- Leave officers. ----

/// A post's e-Leave officers as stored, with the item's version (0 while there are none).
async fn officers_of(store: &dyn Store, id: &PostId) -> Result<LeaveOfficersView, ApiError> {
    match store.get(&keys::leave_officers(id)).await? {
        Some(item) => Ok(LeaveOfficersView {
            officers: Some(item.parse()?),
            version: item.version,
        }),
        None => Ok(LeaveOfficersView {
            officers: None,
            version: 0,
        }),
    }
}

/// The officers who act on leave applied for by a post's holder (`officers` is null for a post
/// that has none yet, whose holder cannot apply until they are set).
#[utoipa::path(get, path = "/api/v1/admin/posts/{post}/leave-officers", tag = "admin",
    params(("post" = String, Path, description = "Post ID")),
    responses((status = 200, body = LeaveOfficersView), (status = 403, body = Problem), (status = 404, body = Problem)))]
pub async fn leave_officers(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(post): Path<String>,
) -> Result<Json<LeaveOfficersView>, ApiError> {
    may_manage(&user.actor)?;
    let id = code("post", &post, PostId::parse)?;
    let store = state.store.as_ref();
    post_or_404(store, &id).await?;
    Ok(Json(officers_of(store, &id).await?))
}

/// Sets a post's e-Leave officers, if they are still at the version the administrator saw.
/// Every post named must exist (422 naming the field otherwise); the applications already on
/// their way keep the chain they were given.
#[utoipa::path(put, path = "/api/v1/admin/posts/{post}/leave-officers", tag = "admin",
    request_body = LeaveOfficersForm,
    params(("post" = String, Path, description = "Post ID")),
    responses((status = 200, body = LeaveOfficersView), (status = 403, body = Problem), (status = 404, body = Problem),
        (status = 409, body = Problem), (status = 422, body = Problem)))]
pub async fn set_leave_officers(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(post): Path<String>,
    Json(form): Json<LeaveOfficersForm>,
) -> Result<Json<LeaveOfficersView>, ApiError> {
    may_manage(&user.actor)?;
    let id = code("post", &post, PostId::parse)?;
    let officers = form.parse(&id).map_err(refused)?;
    let store = state.store.as_ref();
    let named = named_officers(&officers);
    let (_, current, found) = tokio::try_join!(post_or_404(store, &id), officers_of(store, &id), async {
        let wanted: Vec<_> = named.iter().map(|(_, named)| keys::post(named)).collect();
        let reads = wanted.iter().map(|key| store.get(key));
        futures_util::future::try_join_all(reads).await.map_err(ApiError::from)
    },)?;
    if let Some(((field, missing), _)) = named.iter().zip(&found).find(|(_, item)| item.is_none()) {
        return Err(no_such_post(field, missing));
    }
    if form.version.unwrap_or(0) != current.version {
        return Err(stale(Some(current.version)));
    }
    let version = current.version + 1;
    let mut main = vec![
        Write::Put {
            item: crate::leave::officers_item(&id, &officers).with_version(version),
            condition: match current.version {
                0 => Condition::NotExists,
                seen => Condition::VersionIs(seen),
            },
        },
        Write::Check {
            key: keys::post(&id),
            condition: Condition::Exists,
        },
        crate::audit::entry(
            &user,
            LEAVE_OFFICERS_SET,
            keys::post_partition(&id),
            current.officers.as_ref().map(json),
            Some(json(&officers)),
            state.now(),
        ),
    ];
    // The officers' posts must still exist when the change is made (an abolition between the
    // read and the write would otherwise leave a chain to nowhere).
    let checked: BTreeSet<&PostId> = named.iter().map(|(_, named)| *named).collect();
    main.extend(checked.into_iter().map(|named| Write::Check {
        key: keys::post(named),
        condition: Condition::Exists,
    }));
    commit(store, main, Vec::new(), |index| match index {
        1 => not_found("post"),
        0 | 2 => stale(None),
        _ => ApiError::invalid("reporting", "one of the officers' posts was abolished meanwhile")
            .with_hindi("इस बीच अधिकारियों के पदों में से एक समाप्त कर दिया गया"),
    })
    .await?;
    Ok(Json(LeaveOfficersView {
        officers: Some(officers),
        version,
    }))
}

/// Each post the officers name, with the form field it came from.
fn named_officers(officers: &LeaveOfficers) -> Vec<(&'static str, &PostId)> {
    let mut named = vec![
        ("reporting", &officers.reporting),
        ("controlling", &officers.controlling),
        ("establishment", &officers.establishment),
    ];
    if let Some(alternate) = &officers.reporting_alternate {
        named.push(("reporting_alternate", alternate));
    }
    named
}

fn no_such_post(field: &str, post: &PostId) -> ApiError {
    ApiError::invalid(field, format!("there is no post {post}")).with_hindi(format!("पद {post} मौजूद नहीं है"))
}

// ---- Roles. ----

fn employee_id(raw: &str) -> Result<EmployeeId, ApiError> {
    EmployeeId::parse(raw).map_err(|_| ApiError::NotFound("employee").with_hindi("कर्मचारी नहीं मिला"))
}

async fn profile_or_404(store: &dyn Store, id: &EmployeeId) -> Result<(EmployeeRecord, u64), ApiError> {
    load_profile(store, id)
        .await?
        .ok_or_else(|| ApiError::NotFound("employee").with_hindi("कर्मचारी नहीं मिला"))
}

/// An employee's roles and the version of their profile.
#[utoipa::path(get, path = "/api/v1/admin/employees/{id}/roles", tag = "admin",
    params(("id" = String, Path, description = "Employee ID")),
    responses((status = 200, body = RolesView), (status = 403, body = Problem), (status = 404, body = Problem)))]
pub async fn roles(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<String>,
) -> Result<Json<RolesView>, ApiError> {
    may_assign_roles(&user.actor)?;
    let id = employee_id(&id)?;
    let (profile, version) = profile_or_404(state.store.as_ref(), &id).await?;
    Ok(Json(RolesView {
        employee: id,
        roles: profile.employee.roles,
        version,
    }))
}

/// Sets every role an employee has, if their profile is still at the version the administrator
/// saw. Roles are read from the profile on every request, so the change holds from the
/// employee's next request. Nobody may remove their own administrator role.
#[utoipa::path(put, path = "/api/v1/admin/employees/{id}/roles", tag = "admin", request_body = RolesForm,
    params(("id" = String, Path, description = "Employee ID")),
    responses((status = 200, body = RolesView), (status = 403, body = Problem), (status = 404, body = Problem),
        (status = 409, body = Problem), (status = 422, body = Problem)))]
pub async fn set_roles(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<String>,
    Json(form): Json<RolesForm>,
) -> Result<Json<RolesView>, ApiError> {
    may_assign_roles(&user.actor)?;
    let id = employee_id(&id)?;
    let store = state.store.as_ref();
    let (profile, version) = profile_or_404(store, &id).await?;
    if version != form.version {
        return Err(stale(Some(version)));
    }
    let before = profile.employee.roles.clone();
    let roles: Vec<_> = change_roles(&user.actor.employee, &id, &before, &form.roles)
        .map_err(refused)?
        .into();
    let mut changed = profile;
    changed.employee.roles = roles.clone();
    let main = vec![
        profile_write(&changed, version),
        crate::audit::entry(
            &user,
            ROLES_CHANGED,
            keys::employee_partition(&id),
            Some(serde_json::json!({ "roles": before })),
            Some(serde_json::json!({ "roles": &roles })),
            state.now(),
        ),
    ];
    commit(store, main, Vec::new(), |_| stale(None)).await?;
    Ok(Json(RolesView {
        employee: id,
        roles,
        version: version + 1,
    }))
}
