//! Administering the organisation: creating and renaming departments, offices, sections and
//! posts, abolishing posts, and setting what an employee may do (their roles).
//!
//! Each request arrives as a *form* (plain strings, as a screen holds them) and is parsed into a
//! *command* whose fields are valid by construction: codes are well formed, names are present in
//! English and Hindi. The app parses with the same functions before it sends, so both sides
//! refuse the same input with the same words. The rules an administrator can run into (a post
//! that still has work, an administrator removing their own role) are decided here too.

use crate::ids::{DeptCode, EmployeeId, InvalidCode, OfficeCode, PostId, SectionCode};
use crate::leave::officers::LeaveOfficers;
use crate::org::{Department, DeptKind, Office, OfficeKind, Post, Role, Section};
use crate::pims::full_section;
use crate::text::{InvalidText, OrgName};
use serde::{Deserialize, Serialize};

/// Why an administrator's request was refused. `field` names the form field to show it beside.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AdminRefusal {
    #[error("{error}")]
    BadCode { field: &'static str, error: InvalidCode },
    #[error("{error}")]
    BadName { field: &'static str, error: InvalidText },
    #[error("a district office needs the district's name")]
    DistrictMissing,
    #[error("an employee needs at least one role")]
    NoRoles,
    #[error("you may not remove your own administrator role; ask another administrator")]
    OwnAdminRole,
    #[error("post {post} is held by {holder}; transfer or relieve them before abolishing it")]
    PostHeld { post: PostId, holder: EmployeeId },
    #[error("post {post} still has {work} waiting in its inbox; send them on before abolishing it")]
    PostHasWork { post: PostId, work: String },
    #[error("a post cannot be its own leave officer; name another post")]
    OwnLeaveOfficer { field: &'static str },
    #[error("the alternate reporting officer must be a different post from the reporting officer")]
    AlternateIsReporting,
}

impl AdminRefusal {
    /// The request field the refusal is about, if it is about one.
    pub fn field(&self) -> Option<&'static str> {
        match self {
            Self::BadCode { field, .. } | Self::BadName { field, .. } => Some(field),
            Self::DistrictMissing => Some("district"),
            Self::OwnLeaveOfficer { field } => Some(field),
            Self::AlternateIsReporting => Some("reporting_alternate"),
            Self::NoRoles | Self::OwnAdminRole => Some("roles"),
            Self::PostHeld { .. } | Self::PostHasWork { .. } => None,
        }
    }

    /// The same refusal in Hindi.
    pub fn hindi(&self) -> String {
        match self {
            Self::BadCode { error, .. } => format!(
                "कोड {} से {} अक्षरों का होना चाहिए (A-Z{})",
                error.min,
                error.max,
                if error.digits {
                    ", 0-9 और बीच में '-'"
                } else {
                    ""
                }
            ),
            Self::BadName { error, .. } => match error {
                InvalidText::Empty { .. } => "नाम आवश्यक है".into(),
                InvalidText::TooLong { max, .. } => format!("नाम अधिकतम {max} अक्षरों का हो सकता है"),
                InvalidText::ControlCharacters { .. } => "नाम में नियंत्रण वर्ण नहीं हो सकते".into(),
            },
            Self::DistrictMissing => "ज़िला कार्यालय के लिए ज़िले का नाम दें".into(),
            Self::NoRoles => "कर्मचारी की कम से कम एक भूमिका होनी चाहिए".into(),
            Self::OwnAdminRole => "आप अपनी प्रशासक भूमिका स्वयं नहीं हटा सकते; किसी अन्य प्रशासक से कहें".into(),
            Self::PostHeld { post, holder } => {
                format!("पद {post} पर {holder} पदस्थ हैं; समाप्त करने से पहले उनका स्थानांतरण करें या उन्हें कार्यमुक्त करें")
            }
            Self::PostHasWork { post, .. } => {
                format!("पद {post} के इनबॉक्स में अभी कार्य लंबित है; समाप्त करने से पहले उसे आगे भेजें")
            }
            Self::OwnLeaveOfficer { .. } => "कोई पद स्वयं अपना अवकाश अधिकारी नहीं हो सकता; कोई अन्य पद दें".into(),
            Self::AlternateIsReporting => {
                "वैकल्पिक रिपोर्टिंग अधिकारी का पद रिपोर्टिंग अधिकारी के पद से भिन्न होना चाहिए".into()
            }
        }
    }
}

fn code<T>(field: &'static str, raw: &str, parse: fn(&str) -> Result<T, InvalidCode>) -> Result<T, AdminRefusal> {
    parse(raw).map_err(|error| AdminRefusal::BadCode { field, error })
}

fn name(field: &'static str, raw: &str) -> Result<OrgName, AdminRefusal> {
    OrgName::parse(raw).map_err(|error| AdminRefusal::BadName { field, error })
}

/// A name in English and Hindi, both present.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Names {
    pub en: OrgName,
    pub hi: OrgName,
}

impl Names {
    /// Parses both names; `fields` are the form fields they came from (`name_en`, `title_hi`…).
    pub fn parse(en: &str, hi: &str, fields: (&'static str, &'static str)) -> Result<Self, AdminRefusal> {
        Ok(Self {
            en: name(fields.0, en)?,
            hi: name(fields.1, hi)?,
        })
    }
}

/// `POST /api/v1/admin/departments`: a new department or corporation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DepartmentForm {
    /// 2 to 16 characters of A-Z, 0-9 and inner '-'; upper-cased.
    pub code: String,
    pub name_en: String,
    pub name_hi: String,
    pub kind: DeptKind,
}

impl DepartmentForm {
    /// The department the form describes.
    pub fn parse(&self) -> Result<Department, AdminRefusal> {
        let names = Names::parse(&self.name_en, &self.name_hi, ("name_en", "name_hi"))?;
        Ok(Department {
            code: code("code", &self.code, DeptCode::parse)?,
            name_en: names.en.into(),
            name_hi: names.hi.into(),
            kind: self.kind,
        })
    }
}

/// A new name for a department, office or section, with the version the administrator saw
/// (a rename of a record someone else changed meanwhile is refused with 409).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RenameForm {
    pub version: u64,
    pub name_en: String,
    pub name_hi: String,
}

impl RenameForm {
    pub fn parse(&self) -> Result<Names, AdminRefusal> {
        Names::parse(&self.name_en, &self.name_hi, ("name_en", "name_hi"))
    }
}

/// `POST /api/v1/admin/departments/{dept}/offices`: a new office of a department. Without a
/// district it is a headquarters.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OfficeForm {
    /// 2 to 24 characters of A-Z, 0-9 and inner '-'; upper-cased.
    pub code: String,
    pub name_en: String,
    pub name_hi: String,
    /// The district's name, for a district office; absent or null for a headquarters.
    #[serde(default)]
    pub district: Option<String>,
}

impl OfficeForm {
    /// The office the form describes, in department `dept`.
    pub fn parse(&self, dept: &DeptCode) -> Result<Office, AdminRefusal> {
        let names = Names::parse(&self.name_en, &self.name_hi, ("name_en", "name_hi"))?;
        let kind = match &self.district {
            None => OfficeKind::Headquarters,
            Some(district) => match OrgName::parse(district) {
                Ok(district) => OfficeKind::District {
                    district: district.into(),
                },
                Err(_) => return Err(AdminRefusal::DistrictMissing),
            },
        };
        Ok(Office {
            code: code("code", &self.code, OfficeCode::parse)?,
            dept: dept.clone(),
            name_en: names.en.into(),
            name_hi: names.hi.into(),
            kind,
        })
    }
}

/// `POST /api/v1/admin/offices/{office}/sections`: a new section of an office.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SectionForm {
    /// `BUDGET` or the full `FIN-HQ-BUDGET`: a short code is prefixed with the office's.
    pub code: String,
    pub name_en: String,
    pub name_hi: String,
}

impl SectionForm {
    /// The section the form describes, in `office`.
    pub fn parse(&self, office: &OfficeCode) -> Result<Section, AdminRefusal> {
        let names = Names::parse(&self.name_en, &self.name_hi, ("name_en", "name_hi"))?;
        Ok(Section {
            code: section_in(office, "code", &self.code)?,
            office: office.clone(),
            name_en: names.en.into(),
            name_hi: names.hi.into(),
        })
    }
}

/// A section code of `office`, written short (`GEN`) or in full (`DC-GGN-GEN`).
pub fn section_in(office: &OfficeCode, field: &'static str, raw: &str) -> Result<SectionCode, AdminRefusal> {
    let short = code(field, raw, SectionCode::parse)?;
    // The full code must itself be a valid code (it may be too long once prefixed).
    let full = full_section(office, short);
    if full.as_ref().starts_with(&format!("{office}-")) {
        Ok(full)
    } else {
        code(field, &format!("{office}-{full}"), SectionCode::parse)
    }
}

/// `POST /api/v1/admin/offices/{office}/posts`: a new, vacant post in a section of the office.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PostForm {
    /// 2 to 48 characters of A-Z, 0-9 and inner '-', for example `FIN-HQ-SO-BUDGET`.
    pub id: String,
    /// The section, short (`GEN`) or full (`FIN-HQ-GEN`).
    pub section: String,
    pub title_en: String,
    pub title_hi: String,
}

impl PostForm {
    /// The post the form describes, vacant, in `office` of `dept`.
    pub fn parse(&self, dept: &DeptCode, office: &OfficeCode) -> Result<Post, AdminRefusal> {
        let titles = Names::parse(&self.title_en, &self.title_hi, ("title_en", "title_hi"))?;
        Ok(Post {
            id: code("id", &self.id, PostId::parse)?,
            dept: dept.clone(),
            office: office.clone(),
            section: section_in(office, "section", &self.section)?,
            title_en: titles.en.into(),
            title_hi: titles.hi.into(),
            holder: None,
        })
    }
}

/// `PUT /api/v1/admin/posts/{post}`: a post's titles and section (within its office), with the
/// version the administrator saw.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PostEditForm {
    pub version: u64,
    /// The section, short (`GEN`) or full (`FIN-HQ-GEN`).
    pub section: String,
    pub title_en: String,
    pub title_hi: String,
}

impl PostEditForm {
    /// `post` as the form changes it: titles and section; its holder and office stay.
    pub fn apply(&self, post: &Post) -> Result<Post, AdminRefusal> {
        let titles = Names::parse(&self.title_en, &self.title_hi, ("title_en", "title_hi"))?;
        Ok(Post {
            section: section_in(&post.office, "section", &self.section)?,
            title_en: titles.en.into(),
            title_hi: titles.hi.into(),
            ..post.clone()
        })
    }
}

/// `PUT /api/v1/admin/employees/{id}/roles`: every role the employee is to have, with the
/// version of their profile the administrator saw.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RolesForm {
    pub version: u64,
    pub roles: Vec<Role>,
}

/// A non-empty set of roles, sorted and without repeats.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Roles(Vec<Role>);

impl Roles {
    pub fn parse(roles: &[Role]) -> Result<Self, AdminRefusal> {
        let mut roles = roles.to_vec();
        roles.sort();
        roles.dedup();
        if roles.is_empty() {
            return Err(AdminRefusal::NoRoles);
        }
        Ok(Self(roles))
    }

    pub fn as_slice(&self) -> &[Role] {
        &self.0
    }
}

impl From<Roles> for Vec<Role> {
    fn from(roles: Roles) -> Self {
        roles.0
    }
}

/// Decides a change of `employee`'s roles from `before` to `after`, made by administrator
/// `actor`: nobody may take their own administrator role away, so the organisation can never be
/// left without the administrator who was just working in it by accident.
pub fn change_roles(
    actor: &EmployeeId,
    employee: &EmployeeId,
    before: &[Role],
    after: &[Role],
) -> Result<Roles, AdminRefusal> {
    let roles = Roles::parse(after)?;
    if actor == employee && before.contains(&Role::Admin) && !roles.as_slice().contains(&Role::Admin) {
        return Err(AdminRefusal::OwnAdminRole);
    }
    Ok(roles)
}

/// `PUT /api/v1/admin/posts/{post}/leave-officers`: the posts that act on leave applied for by
/// the post's holder, with the version the administrator saw (absent or 0 when the post has
/// none yet).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LeaveOfficersForm {
    #[serde(default)]
    pub version: Option<u64>,
    /// The reporting officer's post, which recommends (and sanctions casual leave).
    pub reporting: String,
    /// The controlling officer's post, which approves or sanctions.
    pub controlling: String,
    /// The establishment post, which keeps the service books.
    pub establishment: String,
    /// The post acting for the reporting officer when that officer is away; blank for none.
    #[serde(default)]
    pub reporting_alternate: Option<String>,
}

impl LeaveOfficersForm {
    /// The officers of `post` the form names. A post never acts on its own holder's leave, so
    /// none may be `post` itself, and an alternate that is the reporting officer would be no
    /// alternate at all. (Whether the named posts exist is for the server to look up.)
    pub fn parse(&self, post: &PostId) -> Result<LeaveOfficers, AdminRefusal> {
        let officer = |field: &'static str, raw: &str| {
            let id = code(field, raw, PostId::parse)?;
            if &id == post {
                return Err(AdminRefusal::OwnLeaveOfficer { field });
            }
            Ok(id)
        };
        let reporting = officer("reporting", &self.reporting)?;
        let controlling = officer("controlling", &self.controlling)?;
        let establishment = officer("establishment", &self.establishment)?;
        let reporting_alternate = match self.reporting_alternate.as_deref().map(str::trim) {
            None | Some("") => None,
            Some(raw) => Some(officer("reporting_alternate", raw)?),
        };
        if reporting_alternate.as_ref() == Some(&reporting) {
            return Err(AdminRefusal::AlternateIsReporting);
        }
        Ok(LeaveOfficers {
            reporting,
            controlling,
            establishment,
            reporting_alternate,
        })
    }
}

/// What still waits at a post, as its inbox shows (each a "there is at least one").
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct PendingWork {
    pub files: bool,
    pub receipts: bool,
    pub leave_applications: bool,
}

/// Decides whether `post` may be abolished: only a vacant post with nothing waiting at it, so no
/// official loses their desk and no file or letter is stranded at a desk nobody can open.
pub fn abolish(post: &Post, pending: PendingWork) -> Result<(), AdminRefusal> {
    if let Some(holder) = &post.holder {
        return Err(AdminRefusal::PostHeld {
            post: post.id.clone(),
            holder: holder.clone(),
        });
    }
    let work: Vec<&str> = [
        (pending.files, "files"),
        (pending.receipts, "receipts"),
        (pending.leave_applications, "leave applications"),
    ]
    .into_iter()
    .filter_map(|(waiting, what)| waiting.then_some(what))
    .collect();
    if work.is_empty() {
        Ok(())
    } else {
        Err(AdminRefusal::PostHasWork {
            post: post.id.clone(),
            work: work.join(" and "),
        })
    }
}

/// What the admin endpoints answer with: the records as stored, each with the version to send
/// back with the next change.
pub mod wire {
    use super::*;

    /// A department and its version.
    #[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
    #[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
    pub struct DepartmentView {
        pub department: Department,
        pub version: u64,
    }

    /// An office and its version.
    #[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
    #[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
    pub struct OfficeView {
        pub office: Office,
        pub version: u64,
    }

    /// A section and its version.
    #[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
    #[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
    pub struct SectionView {
        pub section: Section,
        pub version: u64,
    }

    /// `GET /api/v1/admin/departments`, by code.
    #[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
    #[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
    pub struct DepartmentList {
        pub departments: Vec<DepartmentView>,
    }

    /// `GET /api/v1/admin/departments/{dept}/offices`, by code.
    #[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
    #[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
    pub struct OfficeList {
        pub offices: Vec<OfficeView>,
    }

    /// `GET /api/v1/admin/offices/{office}/posts`, by id.
    #[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
    #[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
    pub struct PostList {
        pub posts: Vec<PostView>,
    }

    /// `GET /api/v1/admin/offices/{office}/sections`, by code.
    #[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
    #[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
    pub struct SectionList {
        pub sections: Vec<SectionView>,
    }

    /// A post, with its office's names and holder's names as the directory shows them, and its
    /// version.
    #[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
    #[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
    pub struct PostView {
        pub post: Post,
        pub office_name_en: String,
        pub office_name_hi: String,
        pub holder_name_en: Option<String>,
        pub holder_name_hi: Option<String>,
        pub version: u64,
    }

    /// A post's e-Leave officers (none yet for a new post) and the version to send back with a
    /// change (0 while there are none).
    #[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
    #[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
    pub struct LeaveOfficersView {
        pub officers: Option<LeaveOfficers>,
        pub version: u64,
    }

    /// An employee's roles and the version of their profile.
    #[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
    #[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
    pub struct RolesView {
        pub employee: EmployeeId,
        pub roles: Vec<Role>,
        pub version: u64,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn office() -> OfficeCode {
        OfficeCode::parse("FIN-HQ").unwrap()
    }
    fn dept() -> DeptCode {
        DeptCode::parse("FIN").unwrap()
    }

    fn department(code: &str, en: &str, hi: &str) -> DepartmentForm {
        DepartmentForm {
            code: code.into(),
            name_en: en.into(),
            name_hi: hi.into(),
            kind: DeptKind::Department,
        }
    }

    #[test]
    fn a_department_form_parses_and_normalises() {
        let dept = department(" agr ", " Agriculture ", "कृषि").parse().unwrap();
        assert_eq!(
            (dept.code.as_ref(), dept.name_en.as_str(), dept.name_hi.as_str()),
            ("AGR", "Agriculture", "कृषि")
        );
    }

    #[test]
    fn bad_forms_are_refused_naming_the_field() {
        let cases: Vec<(Result<Department, AdminRefusal>, &str)> = vec![
            (department("A", "Agriculture", "कृषि").parse(), "code"),
            (department("AG R", "Agriculture", "कृषि").parse(), "code"),
            (department("AGR", "  ", "कृषि").parse(), "name_en"),
            (department("AGR", "Agriculture", "").parse(), "name_hi"),
            (department("AGR", "Agri\u{7}culture", "कृषि").parse(), "name_en"),
            (
                department("AGR", &"x".repeat(OrgName::MAX + 1), "कृषि").parse(),
                "name_en",
            ),
        ];
        for (result, field) in cases {
            let refusal = result.expect_err(field);
            assert_eq!(refusal.field(), Some(field), "{refusal}");
            assert!(!refusal.hindi().is_empty());
        }
    }

    #[test]
    fn an_office_without_a_district_is_a_headquarters() {
        let form = OfficeForm {
            code: "agr-hq".into(),
            name_en: "Agriculture, Headquarters".into(),
            name_hi: "कृषि, मुख्यालय".into(),
            district: None,
        };
        let hq = form.parse(&dept()).unwrap();
        assert_eq!((hq.code.as_ref(), &hq.kind), ("AGR-HQ", &OfficeKind::Headquarters));
        let blank_district = OfficeForm {
            district: Some(" ".into()),
            ..form.clone()
        };
        assert_eq!(blank_district.parse(&dept()), Err(AdminRefusal::DistrictMissing));
        let district = OfficeForm {
            district: Some("Hisar".into()),
            ..form
        };
        assert_eq!(
            district.parse(&dept()).unwrap().kind,
            OfficeKind::District {
                district: "Hisar".into()
            }
        );
    }

    #[test]
    fn section_codes_are_completed_with_the_office() {
        for (raw, full) in [
            ("budget", "FIN-HQ-BUDGET"),
            ("FIN-HQ-BUDGET", "FIN-HQ-BUDGET"),
            ("HQ-X", "FIN-HQ-HQ-X"),
        ] {
            assert_eq!(section_in(&office(), "section", raw).unwrap().as_ref(), full, "{raw}");
        }
        // Prefixing would make it longer than a section code may be.
        let long = "S".repeat(39);
        assert!(section_in(&office(), "section", &long).is_err());
        assert!(section_in(&office(), "section", "-").is_err());
    }

    #[test]
    fn a_post_form_makes_a_vacant_post_and_an_edit_keeps_its_holder() {
        let form = PostForm {
            id: "fin-hq-so-budget".into(),
            section: "BUDGET".into(),
            title_en: "Section Officer (Budget)".into(),
            title_hi: "अनुभाग अधिकारी (बजट)".into(),
        };
        let mut post = form.parse(&dept(), &office()).unwrap();
        assert_eq!(
            (post.id.as_ref(), post.section.as_ref(), post.holder.as_ref()),
            ("FIN-HQ-SO-BUDGET", "FIN-HQ-BUDGET", None)
        );
        post.holder = Some(EmployeeId::parse("HR2001").unwrap());
        let edit = PostEditForm {
            version: 3,
            section: "GEN".into(),
            title_en: "Section Officer (General)".into(),
            title_hi: "अनुभाग अधिकारी (सामान्य)".into(),
        };
        let edited = edit.apply(&post).unwrap();
        assert_eq!(
            (edited.section.as_ref(), edited.holder.clone()),
            ("FIN-HQ-GEN", post.holder.clone())
        );
        let untitled = PostEditForm {
            title_hi: String::new(),
            ..edit
        };
        assert_eq!(untitled.apply(&post).unwrap_err().field(), Some("title_hi"));
    }

    #[test]
    fn role_changes_table() {
        let me = EmployeeId::parse("HR9001").unwrap();
        let other = EmployeeId::parse("HR2001").unwrap();
        use Role::*;
        /// (employee, roles before, roles asked for, outcome).
        type Case<'a> = (&'a EmployeeId, &'a [Role], &'a [Role], Result<Vec<Role>, AdminRefusal>);
        let cases: Vec<Case> = vec![
            (
                &other,
                &[Employee],
                &[Admin, Employee, Admin],
                Ok(vec![Employee, Admin]),
            ),
            (&other, &[Employee, Admin], &[Employee], Ok(vec![Employee])),
            (&other, &[Employee], &[], Err(AdminRefusal::NoRoles)),
            (&me, &[Employee, Admin], &[Employee], Err(AdminRefusal::OwnAdminRole)),
            (&me, &[Employee, Admin], &[Admin, Diarist], Ok(vec![Diarist, Admin])),
            (&me, &[Employee], &[Employee], Ok(vec![Employee])),
        ];
        for (employee, before, after, expected) in cases {
            assert_eq!(
                change_roles(&me, employee, before, after).map(Vec::from),
                expected,
                "{employee} {before:?} -> {after:?}"
            );
        }
    }

    #[test]
    fn only_a_vacant_post_with_an_empty_inbox_may_be_abolished() {
        let mut post = PostForm {
            id: "FIN-HQ-X".into(),
            section: "GEN".into(),
            title_en: "X".into(),
            title_hi: "एक्स".into(),
        }
        .parse(&dept(), &office())
        .unwrap();
        assert_eq!(abolish(&post, PendingWork::default()), Ok(()));
        let refusal = abolish(
            &post,
            PendingWork {
                files: true,
                leave_applications: true,
                ..PendingWork::default()
            },
        )
        .unwrap_err();
        assert!(
            refusal.to_string().contains("files and leave applications"),
            "{refusal}"
        );
        post.holder = Some(EmployeeId::parse("HR2001").unwrap());
        assert!(matches!(
            abolish(&post, PendingWork::default()),
            Err(AdminRefusal::PostHeld { .. })
        ));
    }

    fn officers(reporting: &str, controlling: &str, establishment: &str, alternate: Option<&str>) -> LeaveOfficersForm {
        LeaveOfficersForm {
            version: None,
            reporting: reporting.into(),
            controlling: controlling.into(),
            establishment: establishment.into(),
            reporting_alternate: alternate.map(Into::into),
        }
    }

    #[test]
    fn leave_officers_table() {
        let post = PostId::parse("AGR-HQ-SO-BUDGET").unwrap();
        let id = |raw: &str| PostId::parse(raw).unwrap();
        let ok = |reporting: &str, controlling: &str, establishment: &str, alternate: Option<&str>| {
            Ok(LeaveOfficers {
                reporting: id(reporting),
                controlling: id(controlling),
                establishment: id(establishment),
                reporting_alternate: alternate.map(id),
            })
        };
        let own = |field| Err(AdminRefusal::OwnLeaveOfficer { field });
        let cases = vec![
            (
                officers(" fin-hq-so ", "FIN-HQ-DS", "FIN-HQ-SECY", None),
                ok("FIN-HQ-SO", "FIN-HQ-DS", "FIN-HQ-SECY", None),
            ),
            (
                officers("FIN-HQ-SO", "FIN-HQ-DS", "FIN-HQ-SECY", Some("  ")),
                ok("FIN-HQ-SO", "FIN-HQ-DS", "FIN-HQ-SECY", None),
            ),
            (
                officers("FIN-HQ-SO", "FIN-HQ-DS", "FIN-HQ-SECY", Some("fin-hq-so2")),
                ok("FIN-HQ-SO", "FIN-HQ-DS", "FIN-HQ-SECY", Some("FIN-HQ-SO2")),
            ),
            // The reporting officer may also be the controlling one, as in a small office.
            (
                officers("FIN-HQ-DS", "FIN-HQ-DS", "FIN-HQ-SECY", None),
                ok("FIN-HQ-DS", "FIN-HQ-DS", "FIN-HQ-SECY", None),
            ),
            (
                officers("AGR-HQ-SO-BUDGET", "FIN-HQ-DS", "FIN-HQ-SECY", None),
                own("reporting"),
            ),
            (
                officers("FIN-HQ-SO", "agr-hq-so-budget", "FIN-HQ-SECY", None),
                own("controlling"),
            ),
            (
                officers("FIN-HQ-SO", "FIN-HQ-DS", "AGR-HQ-SO-BUDGET", None),
                own("establishment"),
            ),
            (
                officers("FIN-HQ-SO", "FIN-HQ-DS", "FIN-HQ-SECY", Some("AGR-HQ-SO-BUDGET")),
                own("reporting_alternate"),
            ),
            (
                officers("FIN-HQ-SO", "FIN-HQ-DS", "FIN-HQ-SECY", Some("FIN-HQ-SO")),
                Err(AdminRefusal::AlternateIsReporting),
            ),
        ];
        for (form, expected) in cases {
            assert_eq!(form.parse(&post), expected, "{form:?}");
        }
        for (form, field) in [
            (officers("", "FIN-HQ-DS", "FIN-HQ-SECY", None), "reporting"),
            (officers("FIN-HQ-SO", "FIN HQ", "FIN-HQ-SECY", None), "controlling"),
            (officers("FIN-HQ-SO", "FIN-HQ-DS", "-", None), "establishment"),
            (
                officers("FIN-HQ-SO", "FIN-HQ-DS", "FIN-HQ-SECY", Some("X")),
                "reporting_alternate",
            ),
        ] {
            let refusal = form.parse(&post).unwrap_err();
            assert_eq!(refusal.field(), Some(field), "{refusal}");
            assert!(!refusal.hindi().is_empty());
        }
    }

    proptest! {
        #[test]
        fn parsing_leave_officers_never_panics(a in "\\PC{0,30}", b in "\\PC{0,30}", c in "\\PC{0,30}", d in proptest::option::of("\\PC{0,30}")) {
            let _ = officers(&a, &b, &c, d.as_deref()).parse(&PostId::parse("FIN-HQ-SO").unwrap());
        }

        #[test]
        fn parsing_a_form_never_panics(code in "\\PC{0,30}", en in "\\PC{0,30}", hi in "\\PC{0,30}") {
            let _ = department(&code, &en, &hi).parse();
            let _ = SectionForm { code: code.clone(), name_en: en.clone(), name_hi: hi.clone() }.parse(&office());
            let _ = PostForm { id: code.clone(), section: code, title_en: en, title_hi: hi }.parse(&dept(), &office());
        }
    }
}
