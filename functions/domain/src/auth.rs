//! Who may do what: authorization as a pure function of actor, action and resource.
//!
//! The server calls [`authorize`] before every read or change; the app may call it too, to hide
//! buttons, but only the server's answer counts.

use crate::ids::{DeptCode, EmployeeId, OfficeCode, PostId};
use crate::org::Role;
use serde::{Deserialize, Serialize};

/// The signed-in official, as the server knows them for this request.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Actor {
    pub employee: EmployeeId,
    /// Each post the official holds, with its office.
    pub posts: Vec<(PostId, OfficeCode)>,
    /// The departments of those posts.
    pub depts: Vec<DeptCode>,
    pub roles: Vec<Role>,
}

impl Actor {
    pub fn holds(&self, post: &PostId) -> bool {
        self.posts.iter().any(|(held, _)| held == post)
    }

    pub fn has_role(&self, role: Role) -> bool {
        self.roles.contains(&role)
    }
}

/// What the actor wants to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// Enter a letter into an office's diary, at one of the actor's posts.
    Diarise,
    /// Read a receipt and its movement history.
    ViewReceipt,
    /// Send a receipt to another post.
    ForwardReceipt,
    /// Read a file, its notes, correspondence and history.
    ViewFile,
    /// Open a new file at one of the actor's posts.
    CreateFile,
    /// List what is waiting at a post.
    ViewInbox,
    /// Read the organisation directory (departments, offices, posts).
    ViewDirectory,
    /// Read or keep an office's dispatch register.
    KeepDispatchRegister,
    /// Search a department's files and receipts (numbers and subjects; opening one is authorized
    /// on its own).
    SearchDepartment,
    /// Change the organisation or its people.
    ManageOrganisation,
    /// Set leave rules and holiday calendars, and run the periodic leave credits.
    ManageLeave,
    /// Read an office's leave calendar and who of it is on leave today.
    ViewLeaveCalendar,
    /// Watch pendency in the control room: the whole state, or one department down to its desks.
    ViewPendency,
    /// Read and search the knowledge base (circulars, orders, …): every official may.
    ViewKms,
    /// Issue, revise, roll back, supersede or withdraw a department's knowledge-base documents
    /// and keep its folders.
    ManageKms,
    /// Onboard employees, transfer them, edit their personnel records (PIMS).
    ManagePersonnel,
    /// Read an employee's personal details (date of birth, phone, email).
    ViewPersonalDetails,
    /// Read the audit log of administrative changes.
    ViewAuditLog,
    /// Set what an employee may do beyond their posts (their roles).
    AssignRoles,
}

/// What the action is done to.
#[derive(Debug, Clone, Copy)]
pub enum Resource<'a> {
    /// Diarising at a post: the post and its office.
    PostInOffice { post: &'a PostId, office: &'a OfficeCode },
    /// A receipt: who holds it now, and every post it has been with.
    Receipt { holder: &'a PostId, path: &'a [PostId] },
    /// A file: who holds it now, and every post it has been with.
    File { holder: &'a PostId, path: &'a [PostId] },
    /// A post's inbox.
    Post(&'a PostId),
    /// A department.
    Department(&'a DeptCode),
    /// An office.
    Office(&'a OfficeCode),
    /// The whole organisation.
    Organisation,
    /// A department's knowledge base, with the posts its KMS editors sit at (the department's
    /// own setting: the right goes with the desk, so a transfer or an acting charge moves it).
    KmsDepartment {
        dept: &'a DeptCode,
        editor_posts: &'a [PostId],
    },
    /// An employee's own record.
    Employee(&'a EmployeeId),
}

impl crate::receipt::Receipt {
    /// The receipt as authorization sees it: who holds it and who has held it.
    pub fn as_resource(&self) -> Resource<'_> {
        Resource::Receipt {
            holder: &self.holder,
            path: &self.path,
        }
    }
}

/// Why an action was refused. The message is safe to show.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("you may not {action} here")]
pub struct Denied {
    pub action: &'static str,
}

fn deny(action: &'static str) -> Result<(), Denied> {
    Err(Denied { action })
}

/// Whether the actor holds the item now or held it before: those desks may read it.
fn on_path(actor: &Actor, holder: &PostId, path: &[PostId]) -> bool {
    actor.holds(holder) || path.iter().any(|p| actor.holds(p))
}

/// Decides whether `actor` may do `action` to `resource`.
pub fn authorize(actor: &Actor, action: Action, resource: Resource<'_>) -> Result<(), Denied> {
    match (action, resource) {
        (Action::Diarise, Resource::PostInOffice { post, office }) => {
            // A letter is diarised into the register of the office it arrived at, by registry
            // staff at a desk of that office; the receipt starts at that desk.
            if actor.has_role(Role::Diarist) && actor.posts.iter().any(|(p, o)| p == post && o == office) {
                Ok(())
            } else {
                deny("diarise a receipt")
            }
        }
        (Action::ViewReceipt, Resource::Receipt { holder, path }) => {
            if on_path(actor, holder, path) {
                Ok(())
            } else {
                deny("view this receipt")
            }
        }
        (Action::ViewFile, Resource::File { holder, path }) => {
            if on_path(actor, holder, path) {
                Ok(())
            } else {
                deny("view this file")
            }
        }
        (Action::ForwardReceipt, Resource::Receipt { holder, .. }) => {
            // Only the desk that has the receipt can send it on: earlier holders may read but not move it.
            if actor.holds(holder) {
                Ok(())
            } else {
                deny("forward this receipt")
            }
        }
        (Action::ViewInbox, Resource::Post(post)) => {
            if actor.holds(post) {
                Ok(())
            } else {
                deny("view this inbox")
            }
        }
        (Action::CreateFile, Resource::Post(post)) => {
            if actor.holds(post) {
                Ok(())
            } else {
                deny("open a file at this post")
            }
        }
        (Action::ViewDirectory, Resource::Organisation) => Ok(()),
        (Action::KeepDispatchRegister, Resource::Office(office)) => {
            // Any desk of the office: the section that issues and the dispatch clerk alike.
            if actor.posts.iter().any(|(_, o)| o == office) {
                Ok(())
            } else {
                deny("see this office's dispatch register")
            }
        }
        (Action::SearchDepartment, Resource::Department(dept)) => {
            if actor.depts.contains(dept) || actor.has_role(Role::Admin) {
                Ok(())
            } else {
                deny("search this department")
            }
        }
        (Action::ManageOrganisation, Resource::Organisation) => {
            if actor.has_role(Role::Admin) {
                Ok(())
            } else {
                deny("change the organisation")
            }
        }
        (Action::ManageLeave, Resource::Organisation) => {
            if actor.has_role(Role::Admin) {
                Ok(())
            } else {
                deny("change leave rules or holidays")
            }
        }
        (Action::ViewLeaveCalendar, Resource::Office(office)) => {
            // The office's own officials plan around each other's leave; headquarters (the
            // control room, administrators) watches every office.
            if actor.posts.iter().any(|(_, o)| o == office)
                || actor.has_role(Role::ControlRoom)
                || actor.has_role(Role::Admin)
            {
                Ok(())
            } else {
                deny("see this office's leave calendar")
            }
        }
        (Action::ViewPendency, Resource::Organisation) => {
            if actor.has_role(Role::ControlRoom) || actor.has_role(Role::Admin) {
                Ok(())
            } else {
                deny("watch the whole state's pendency")
            }
        }
        (Action::ViewPendency, Resource::Department(dept)) => {
            // A department's officials see their own department's pendency, as eOffice's
            // pendency reports do; headquarters sees every department.
            if actor.depts.contains(dept) || actor.has_role(Role::ControlRoom) || actor.has_role(Role::Admin) {
                Ok(())
            } else {
                deny("watch this department's pendency")
            }
        }
        (Action::ManagePersonnel, Resource::Organisation) => {
            if actor.has_role(Role::Admin) {
                Ok(())
            } else {
                deny("change personnel records")
            }
        }
        (Action::ViewPersonalDetails, Resource::Employee(employee)) => {
            // Personal details are the employee's own business and the establishment's.
            if &actor.employee == employee || actor.has_role(Role::Admin) {
                Ok(())
            } else {
                deny("see this employee's personal details")
            }
        }
        (Action::ViewAuditLog, Resource::Organisation) => {
            if actor.has_role(Role::Admin) {
                Ok(())
            } else {
                deny("read the audit log")
            }
        }
        (Action::AssignRoles, Resource::Organisation) => {
            if actor.has_role(Role::Admin) {
                Ok(())
            } else {
                deny("change who may do what")
            }
        }
        (Action::ViewKms, Resource::Organisation) => Ok(()),
        (Action::ManageKms, Resource::KmsDepartment { dept, editor_posts }) => {
            // Only the issuing department's KMS editors: an editor post of another department
            // (a stale setting) gives no right here, nor does being an administrator.
            if actor.depts.contains(dept) && editor_posts.iter().any(|p| actor.holds(p)) {
                Ok(())
            } else {
                deny("change this department's circulars and orders")
            }
        }
        // Any pairing not listed above is a programming mistake on the caller's side; refuse it.
        _ => deny("do that"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn post(id: &str) -> PostId {
        PostId::parse(id).unwrap()
    }
    fn office(code: &str) -> OfficeCode {
        OfficeCode::parse(code).unwrap()
    }

    fn actor(name: &str, posts: &[(&str, &str)], roles: &[Role]) -> Actor {
        Actor {
            employee: EmployeeId::parse(name).unwrap(),
            posts: posts.iter().map(|(p, o)| (post(p), office(o))).collect(),
            depts: posts
                .iter()
                .map(|(p, _)| DeptCode::parse(p.split('-').next().unwrap()).unwrap())
                .collect(),
            roles: roles.to_vec(),
        }
    }

    /// Every role × action × relationship to the resource, and the expected decision.
    #[test]
    fn authorization_matrix() {
        let clerk = actor("CLERK1", &[("DC-GGN-CRU", "DC-GGN")], &[Role::Employee, Role::Diarist]);
        let officer = actor("OFFICER1", &[("FIN-HQ-SO", "FIN-HQ")], &[Role::Employee]);
        let admin = actor("ADMIN1", &[("ADM-HQ-IT", "ADM-HQ")], &[Role::Employee, Role::Admin]);
        let viewer = actor("KIOSK1", &[], &[Role::ControlRoom]);

        let cru = post("DC-GGN-CRU");
        let so = post("FIN-HQ-SO");
        let fin = DeptCode::parse("FIN").unwrap();
        let fin_hq = office("FIN-HQ");
        let ggn = office("DC-GGN");
        let path_both = [cru.clone(), so.clone()];
        let path_cru = [cru.clone()];

        let at_cru = Resource::PostInOffice {
            post: &cru,
            office: &ggn,
        };
        let receipt_at_cru = Resource::Receipt {
            holder: &cru,
            path: &path_cru,
        };
        let receipt_moved_to_so = Resource::Receipt {
            holder: &so,
            path: &path_both,
        };
        let file_at_cru = Resource::File {
            holder: &cru,
            path: &path_cru,
        };
        let file_moved_to_so = Resource::File {
            holder: &so,
            path: &path_both,
        };

        let fin_editors = [so.clone()];
        let fin_kms = Resource::KmsDepartment {
            dept: &fin,
            editor_posts: &fin_editors,
        };
        // The officer's post listed as an editor of a department it is not in.
        let cmo = DeptCode::parse("CMO").unwrap();
        let fin_kms_elsewhere = Resource::KmsDepartment {
            dept: &cmo,
            editor_posts: &fin_editors,
        };
        let cases: Vec<(&Actor, Action, Resource, bool)> = vec![
            (&clerk, Action::Diarise, at_cru, true),
            (&officer, Action::Diarise, at_cru, false),
            (&admin, Action::Diarise, at_cru, false),
            (&viewer, Action::Diarise, at_cru, false),
            (&clerk, Action::ViewReceipt, receipt_at_cru, true),
            (&officer, Action::ViewReceipt, receipt_at_cru, false),
            (&clerk, Action::ViewReceipt, receipt_moved_to_so, true),
            (&officer, Action::ViewReceipt, receipt_moved_to_so, true),
            (&admin, Action::ViewReceipt, receipt_moved_to_so, false),
            (&viewer, Action::ViewReceipt, receipt_moved_to_so, false),
            (&clerk, Action::ForwardReceipt, receipt_at_cru, true),
            (&clerk, Action::ForwardReceipt, receipt_moved_to_so, false),
            (&officer, Action::ForwardReceipt, receipt_moved_to_so, true),
            (&admin, Action::ForwardReceipt, receipt_moved_to_so, false),
            (&clerk, Action::ViewInbox, Resource::Post(&cru), true),
            (&clerk, Action::ViewInbox, Resource::Post(&so), false),
            (&viewer, Action::ViewInbox, Resource::Post(&so), false),
            (&officer, Action::CreateFile, Resource::Post(&so), true),
            (&clerk, Action::CreateFile, Resource::Post(&so), false),
            (&viewer, Action::CreateFile, Resource::Post(&so), false),
            (&clerk, Action::ViewFile, file_moved_to_so, true),
            (&officer, Action::ViewFile, file_moved_to_so, true),
            (&officer, Action::ViewFile, file_at_cru, false),
            (&admin, Action::ViewFile, file_moved_to_so, false),
            (&viewer, Action::ViewFile, file_moved_to_so, false),
            (&clerk, Action::ViewDirectory, Resource::Organisation, true),
            (&viewer, Action::ViewDirectory, Resource::Organisation, true),
            (&officer, Action::SearchDepartment, Resource::Department(&fin), true),
            (&clerk, Action::SearchDepartment, Resource::Department(&fin), false),
            (&admin, Action::SearchDepartment, Resource::Department(&fin), true),
            (&officer, Action::KeepDispatchRegister, Resource::Office(&fin_hq), true),
            (&clerk, Action::KeepDispatchRegister, Resource::Office(&fin_hq), false),
            (&viewer, Action::KeepDispatchRegister, Resource::Office(&fin_hq), false),
            (&viewer, Action::SearchDepartment, Resource::Department(&fin), false),
            (&clerk, Action::ManageOrganisation, Resource::Organisation, false),
            (&admin, Action::ManageOrganisation, Resource::Organisation, true),
            (&officer, Action::ManageLeave, Resource::Organisation, false),
            (&viewer, Action::ManageLeave, Resource::Organisation, false),
            (&admin, Action::ManageLeave, Resource::Organisation, true),
            (&admin, Action::ManageLeave, Resource::Post(&so), false),
            (&officer, Action::ViewLeaveCalendar, Resource::Office(&fin_hq), true),
            (&clerk, Action::ViewLeaveCalendar, Resource::Office(&fin_hq), false),
            (&clerk, Action::ViewLeaveCalendar, Resource::Office(&ggn), true),
            (&viewer, Action::ViewLeaveCalendar, Resource::Office(&fin_hq), true),
            (&admin, Action::ViewLeaveCalendar, Resource::Office(&ggn), true),
            (&officer, Action::ViewLeaveCalendar, Resource::Post(&so), false),
            (&viewer, Action::ViewPendency, Resource::Organisation, true),
            (&admin, Action::ViewPendency, Resource::Organisation, true),
            (&officer, Action::ViewPendency, Resource::Organisation, false),
            (&officer, Action::ViewPendency, Resource::Department(&fin), true),
            (&clerk, Action::ViewPendency, Resource::Department(&fin), false),
            (&viewer, Action::ViewPendency, Resource::Department(&fin), true),
            (&admin, Action::ManagePersonnel, Resource::Organisation, true),
            (&officer, Action::ManagePersonnel, Resource::Organisation, false),
            (&viewer, Action::ManagePersonnel, Resource::Organisation, false),
            (&clerk, Action::ManagePersonnel, Resource::Organisation, false),
            (&admin, Action::ManagePersonnel, Resource::Post(&so), false),
            (
                &officer,
                Action::ViewPersonalDetails,
                Resource::Employee(&officer.employee),
                true,
            ),
            (
                &officer,
                Action::ViewPersonalDetails,
                Resource::Employee(&clerk.employee),
                false,
            ),
            (
                &viewer,
                Action::ViewPersonalDetails,
                Resource::Employee(&clerk.employee),
                false,
            ),
            (
                &admin,
                Action::ViewPersonalDetails,
                Resource::Employee(&clerk.employee),
                true,
            ),
            (&admin, Action::ViewAuditLog, Resource::Organisation, true),
            (&officer, Action::ViewAuditLog, Resource::Organisation, false),
            (&viewer, Action::ViewAuditLog, Resource::Organisation, false),
            (&admin, Action::AssignRoles, Resource::Organisation, true),
            (&officer, Action::AssignRoles, Resource::Organisation, false),
            (&viewer, Action::AssignRoles, Resource::Organisation, false),
            (&clerk, Action::AssignRoles, Resource::Organisation, false),
            (&admin, Action::AssignRoles, Resource::Employee(&admin.employee), false),
            (&clerk, Action::ViewKms, Resource::Organisation, true),
            (&viewer, Action::ViewKms, Resource::Organisation, true),
            (&officer, Action::ManageKms, fin_kms, true),
            (&officer, Action::ManageKms, fin_kms_elsewhere, false),
            (&admin, Action::ManageKms, fin_kms, false),
            (&clerk, Action::ManageKms, fin_kms, false),
            (&viewer, Action::ManageKms, fin_kms, false),
            (&officer, Action::ManageKms, Resource::Department(&fin), false),
            // Mismatched action and resource is always refused.
            (&admin, Action::ManageOrganisation, Resource::Post(&so), false),
        ];
        for (who, action, resource, allowed) in cases {
            assert_eq!(
                authorize(who, action, resource).is_ok(),
                allowed,
                "{} {action:?} {resource:?}",
                who.employee
            );
        }
    }

    #[test]
    fn diarising_needs_the_post_to_be_in_that_office() {
        let two_desks = actor(
            "CLERK2",
            &[("DC-GGN-CRU", "DC-GGN"), ("DC-HSR-CRU", "DC-HSR")],
            &[Role::Employee],
        );
        let cru = post("DC-GGN-CRU");
        let hisar = office("DC-HSR");
        assert!(authorize(
            &two_desks,
            Action::Diarise,
            Resource::PostInOffice {
                post: &cru,
                office: &hisar
            }
        )
        .is_err());
    }
}
