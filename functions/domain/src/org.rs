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

impl Post {
    /// The post's section as named inside its office: `GEN` for `FIN-HQ-GEN` in office `FIN-HQ`.
    /// File numbers use this short form; the office is implied by the department's register.
    pub fn section_in_office(&self) -> SectionCode {
        self.section
            .as_ref()
            .strip_prefix(&format!("{}-", self.office))
            .and_then(|short| SectionCode::parse(short).ok())
            .unwrap_or_else(|| self.section.clone())
    }
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

impl Employee {
    /// A wall screen's account: it holds no post and may only watch the control room.
    pub fn is_wall_screen(&self) -> bool {
        self.posts.is_empty() && self.roles == [Role::ControlRoom]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn post(section: &str) -> Post {
        Post {
            id: PostId::parse("FIN-HQ-SO").unwrap(),
            dept: DeptCode::parse("FIN").unwrap(),
            office: OfficeCode::parse("FIN-HQ").unwrap(),
            section: SectionCode::parse(section).unwrap(),
            title_en: String::new(),
            title_hi: String::new(),
            holder: None,
        }
    }

    #[test]
    fn a_section_is_named_without_its_office_prefix() {
        assert_eq!(post("FIN-HQ-GEN").section_in_office().as_ref(), "GEN");
        assert_eq!(post("BUDGET").section_in_office().as_ref(), "BUDGET");
        // "FIN-HQ" alone would leave nothing: keep the full code.
        assert_eq!(post("FIN-HQ").section_in_office().as_ref(), "FIN-HQ");
    }
}
