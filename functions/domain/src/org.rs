//! The organisation: state → departments → offices → sections → posts, and the employees who hold posts.

use crate::ids::{DeptCode, EmployeeId, OfficeCode, PostId, SectionCode};
use crate::text::PersonName;
use serde::{Deserialize, Serialize};

/// A department or a state corporation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Department {
    pub code: DeptCode,
    pub name_en: String,
    pub name_hi: String,
    pub kind: DeptKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum DeptKind {
    Department,
    Corporation,
}

/// Whether an office is a headquarters or sits in a district.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum OfficeKind {
    Headquarters,
    District { district: String },
}

/// An office of a department.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Office {
    pub code: OfficeCode,
    pub dept: DeptCode,
    pub name_en: String,
    pub name_hi: String,
    #[serde(flatten)]
    pub kind: OfficeKind,
}

/// A section (branch) of an office.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Section {
    pub code: SectionCode,
    pub office: OfficeCode,
    pub name_en: String,
    pub name_hi: String,
}

/// A desk: the thing files and receipts move to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Post {
    pub id: PostId,
    pub dept: DeptCode,
    pub office: OfficeCode,
    pub section: SectionCode,
    pub title_en: String,
    pub title_hi: String,
    /// The employee who holds the post now, if any.
    pub holder: Option<EmployeeId>,
}

/// What an employee may do beyond working at their own posts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Every official: works on files and receipts that reach their posts.
    Employee,
    /// Central registry staff: diarise inward letters for their office.
    Diarist,
    /// Headquarters control room: sees pendency, changes nothing.
    ControlRoom,
    /// Maintains the organisation and its people.
    Admin,
}

/// An official and the posts they hold.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Employee {
    pub id: EmployeeId,
    pub name_en: PersonName,
    pub name_hi: PersonName,
    pub designation_en: String,
    pub designation_hi: String,
    pub posts: Vec<PostId>,
    pub roles: Vec<Role>,
}
