//! Every key the API reads or writes, one function per access pattern.
//! `functions/store/ACCESS_PATTERNS.md` documents the same list.

use daftar_domain::leave::{ApplicationId, LeaveKind, StateCode};
use daftar_domain::{DeptCode, EmployeeId, FileId, OfficeCode, PostId, ReceiptId, SectionCode, UploadId};
use daftar_store::Key;

const META: &str = "META";

pub fn department(code: &DeptCode) -> Key {
    Key::new(format!("DEPT#{code}"), META)
}
/// GSI1 entry listing departments under the organisation.
pub fn department_in_org(code: &DeptCode) -> Key {
    Key::new("ORG", format!("DEPT#{code}"))
}
pub const ORG_PARTITION: &str = "ORG";

pub fn office(code: &OfficeCode) -> Key {
    Key::new(format!("OFFICE#{code}"), META)
}
/// GSI1 entry listing an office under its department.
pub fn office_in_department(dept: &DeptCode, code: &OfficeCode) -> Key {
    Key::new(department_partition(dept), format!("OFFICE#{code}"))
}
pub fn department_partition(dept: &DeptCode) -> String {
    format!("DEPT#{dept}")
}

pub fn section(office: &OfficeCode, code: &SectionCode) -> Key {
    Key::new(office_partition(office), format!("SECTION#{code}"))
}
pub fn office_partition(office: &OfficeCode) -> String {
    format!("OFFICE#{office}")
}

pub fn post(id: &PostId) -> Key {
    Key::new(format!("POST#{id}"), META)
}
/// GSI1 entry listing a post under its office.
pub fn post_in_office(office: &OfficeCode, id: &PostId) -> Key {
    Key::new(office_partition(office), format!("POST#{id}"))
}

pub fn employee_profile(id: &EmployeeId) -> Key {
    Key::new(format!("EMP#{id}"), "PROFILE")
}
pub fn employee_credential(id: &EmployeeId) -> Key {
    Key::new(format!("EMP#{id}"), "CREDENTIAL")
}
/// Recent sign-in attempts for an ID, whether or not such an employee exists.
pub fn sign_in_attempts(id: &EmployeeId) -> Key {
    Key::new(format!("LOGIN#{id}"), "FAILURES")
}
/// A credential key no employee has: read instead of a real one for malformed IDs, so both
/// paths cost the same.
pub fn employee_credential_placeholder() -> Key {
    Key::new("EMP#-", "CREDENTIAL")
}
pub fn session(token_hash_hex: &str) -> Key {
    Key::new(format!("SESSION#{token_hash_hex}"), "SESSION")
}

pub fn diary_counter(office: &OfficeCode, year: i32) -> Key {
    Key::new(office_partition(office), format!("DIARYSEQ#{year}"))
}
pub fn diary_entry(office: &OfficeCode, year: i32, serial: u32) -> Key {
    Key::new(office_partition(office), format!("DIARY#{year}#{serial:08}"))
}

pub fn receipt(id: &ReceiptId) -> Key {
    Key::new(receipt_partition(id), META)
}
pub fn receipt_partition(id: &ReceiptId) -> String {
    format!("RECEIPT#{id}")
}
pub const MOVEMENT_PREFIX: &str = "MOVE#";
pub fn receipt_movement(id: &ReceiptId, seq: u32) -> Key {
    Key::new(receipt_partition(id), format!("{MOVEMENT_PREFIX}{seq:06}"))
}

pub fn inbox_partition(post: &PostId) -> String {
    format!("INBOX#{post}")
}
/// A receipt's row in one of a post's receipt lists (`prefix` names the list), sorted by time
/// so the newest come first when read backwards.
pub fn desk_receipt(post: &PostId, prefix: &str, at_unix_millis: i64, id: &ReceiptId) -> Key {
    Key::new(inbox_partition(post), format!("{prefix}{at_unix_millis:013}#{id}"))
}
/// Where a copy of a receipt sits in a post's inbox, so that post can acknowledge it.
pub fn receipt_copy(id: &ReceiptId, post: &PostId) -> Key {
    Key::new(receipt_partition(id), format!("COPY#{post}"))
}

/// A department's file numbering scheme, when it has chosen one.
pub fn numbering_scheme(dept: &DeptCode) -> Key {
    Key::new(department_partition(dept), "FILESCHEME")
}
pub fn file_counter(dept: &DeptCode, year: i32) -> Key {
    Key::new(department_partition(dept), format!("FILESEQ#{year}"))
}
/// Claims a file number: written only if absent, so no number is ever given twice.
pub fn file_number(text: &str) -> Key {
    Key::new(format!("FILENO#{text}"), META)
}

pub fn file(id: &FileId) -> Key {
    Key::new(file_partition(id), META)
}
pub fn file_partition(id: &FileId) -> String {
    format!("FILE#{id}")
}
pub const EVENT_PREFIX: &str = "EVENT#";
pub fn file_event(id: &FileId, seq: u32) -> Key {
    Key::new(file_partition(id), format!("{EVENT_PREFIX}{seq:06}"))
}
pub const NOTE_PREFIX: &str = "NOTE#";
pub fn file_note(id: &FileId, note: u32) -> Key {
    Key::new(file_partition(id), format!("{NOTE_PREFIX}{note:06}"))
}
pub const CORRESPONDENCE_PREFIX: &str = "CORR#";
pub fn file_correspondence(id: &FileId, seq: usize) -> Key {
    Key::new(file_partition(id), format!("{CORRESPONDENCE_PREFIX}{seq:06}"))
}
pub const LINK_PREFIX: &str = "LINK#";
pub fn file_link(id: &FileId, other: &FileId) -> Key {
    Key::new(file_partition(id), format!("{LINK_PREFIX}{other}"))
}

pub const DRAFT_PREFIX: &str = "DRAFT#";
pub fn file_draft(id: &FileId, draft: u32) -> Key {
    Key::new(file_partition(id), format!("{DRAFT_PREFIX}{draft:04}"))
}
pub const DRAFT_VERSION_PREFIX: &str = "DRAFTV#";
pub fn draft_versions_prefix(draft: u32) -> String {
    format!("{DRAFT_VERSION_PREFIX}{draft:04}#")
}
pub fn file_draft_version(id: &FileId, draft: u32, version: u32) -> Key {
    Key::new(
        file_partition(id),
        format!("{}{version:04}", draft_versions_prefix(draft)),
    )
}

pub fn dispatch_counter(office: &OfficeCode, year: i32) -> Key {
    Key::new(office_partition(office), format!("DISPATCHSEQ#{year}"))
}
pub fn dispatch_year_prefix(year: i32) -> String {
    format!("DISPATCH#{year}#")
}
pub fn dispatch_entry(office: &OfficeCode, year: i32, serial: u32) -> Key {
    Key::new(
        office_partition(office),
        format!("{}{serial:08}", dispatch_year_prefix(year)),
    )
}

/// A file's row in one of a desk's lists (`prefix` names the list), sorted by time.
pub fn desk_file(post: &PostId, prefix: &str, at_unix_millis: i64, id: &FileId) -> Key {
    Key::new(inbox_partition(post), format!("{prefix}{at_unix_millis:013}#{id}"))
}

/// The partition of a scope's pendency counters (the state, a department, office or post),
/// one item per counter (see `counters::Metric`).
pub fn counter_partition(scope: &str) -> String {
    format!("COUNT#{scope}")
}

/// Search index: a department's items whose subject has `term`, newest first by `sort`.
pub fn search_term_partition(dept: &DeptCode, term: &str) -> String {
    format!("TERM#{dept}#{term}")
}
pub fn search_term(dept: &DeptCode, term: &str, sort: &str) -> Key {
    Key::new(search_term_partition(dept, term), sort.to_owned())
}

/// An upload waiting to be attached; forgotten after a day.
pub fn upload(id: &UploadId) -> Key {
    Key::new(format!("UPLOAD#{id}"), META)
}

pub fn idempotency(employee: &EmployeeId, key: &str) -> Key {
    Key::new(format!("IDEM#{employee}#{key}"), "IDEM")
}

pub fn seed_marker(name: &str) -> Key {
    Key::new("SEED", name)
}

// e-Leave.

/// A state's leave rules in force (version-conditional writes).
pub fn leave_rules(state: &StateCode) -> Key {
    Key::new(leave_rules_partition(state), "CURRENT")
}
pub fn leave_rules_partition(state: &StateCode) -> String {
    format!("LEAVERULES#{state}")
}
/// Each version of a state's rules as it was set, kept for the ledger entries made under it.
pub fn leave_rules_version(state: &StateCode, version: u32) -> Key {
    Key::new(leave_rules_partition(state), format!("V#{version:06}"))
}

/// A state's holiday calendar for a year (version-conditional writes).
pub fn holidays(state: &StateCode, year: i32) -> Key {
    Key::new(format!("HOLIDAYS#{state}"), format!("{year}"))
}
/// Each version of a year's calendar as it was set.
pub fn holidays_version(state: &StateCode, year: i32, version: u64) -> Key {
    Key::new(format!("HOLIDAYS#{state}"), format!("{year}#V#{version:06}"))
}

/// What the leave rules need to know of an employee (gender, joining, children, state).
pub fn leave_profile(id: &EmployeeId) -> Key {
    Key::new(format!("EMP#{id}"), "LEAVEPROFILE")
}
/// GSI1 entry listing a state's employees for the periodic credits.
pub fn leave_profile_in_state(state: &StateCode, id: &EmployeeId) -> Key {
    Key::new(leave_state_partition(state), format!("EMP#{id}"))
}
pub fn leave_state_partition(state: &StateCode) -> String {
    format!("LEAVESTATE#{state}")
}

/// The reporting, controlling and establishment posts of a post, for leave.
pub fn leave_officers(post: &PostId) -> Key {
    Key::new(format!("POST#{post}"), "LEAVEOFFICERS")
}

pub const LEAVE_BALANCE_PREFIX: &str = "LEAVEBAL#";
/// An employee's cached balance of one kind of leave (version-conditional writes).
pub fn leave_balance(id: &EmployeeId, kind: LeaveKind) -> Key {
    Key::new(format!("EMP#{id}"), format!("{LEAVE_BALANCE_PREFIX}{}", kind.code()))
}
pub fn ledger_prefix(kind: LeaveKind) -> String {
    format!("LEDGER#{}#", kind.code())
}
/// One entry of an employee's ledger of one kind of leave.
pub fn ledger_entry(id: &EmployeeId, kind: LeaveKind, seq: u32) -> Key {
    Key::new(format!("EMP#{id}"), format!("{}{seq:06}", ledger_prefix(kind)))
}
/// Claims a keyed ledger entry (`EL#2026H1`, `EL#LV-…`), so it is written at most once.
pub fn ledger_claim(id: &EmployeeId, entry_key: &str) -> Key {
    Key::new(format!("EMP#{id}"), format!("LEDGERKEY#{entry_key}"))
}
/// Half days of extraordinary leave sanctioned in a half-year (`2026H1`), an `Increment`
/// counter: the next credits of earned and half pay leave are reduced by it.
pub fn leave_absences(id: &EmployeeId, half_year: &str) -> Key {
    Key::new(format!("EMP#{id}"), format!("ABSENCE#{half_year}"))
}
pub fn employee_partition(id: &EmployeeId) -> String {
    format!("EMP#{id}")
}

pub fn leave_application(id: &ApplicationId) -> Key {
    Key::new(leave_application_partition(id), META)
}
pub fn leave_application_partition(id: &ApplicationId) -> String {
    format!("LEAVEAPP#{id}")
}
pub fn leave_application_event(id: &ApplicationId, seq: u32) -> Key {
    Key::new(leave_application_partition(id), format!("{EVENT_PREFIX}{seq:06}"))
}
pub const MY_LEAVE_PREFIX: &str = "LEAVEAPP#";
/// An applicant's row for an application, newest first when read backwards.
pub fn my_leave_application(id: &EmployeeId, applied_unix_millis: i64, app: &ApplicationId) -> Key {
    Key::new(
        employee_partition(id),
        format!("{MY_LEAVE_PREFIX}{applied_unix_millis:013}#{app}"),
    )
}
pub const LEAVE_INBOX_PREFIX: &str = "L#";
/// An application's row in the e-Leave inbox of the post it waits at.
pub fn leave_inbox(post: &PostId, arrived_unix_millis: i64, app: &ApplicationId) -> Key {
    Key::new(
        inbox_partition(post),
        format!("{LEAVE_INBOX_PREFIX}{arrived_unix_millis:013}#{app}"),
    )
}
/// An employee's pending and sanctioned spells touching a calendar year (version-conditional
/// writes): read to refuse an overlapping application.
pub fn leave_spells_of_year(id: &EmployeeId, year: i32) -> Key {
    Key::new(employee_partition(id), format!("LEAVESPELLS#{year}"))
}
/// An office's pending and sanctioned spells touching a month (`2026-12`), with names: its
/// leave calendar and who is on leave today (version-conditional writes).
pub fn office_leave_month(office: &OfficeCode, month: &str) -> Key {
    Key::new(office_partition(office), format!("LEAVECAL#{month}"))
}

// Acting charge and absences (functions/api/src/leave/acting.rs).

pub const ACTING_PREFIX: &str = "ACTING#";
pub fn post_partition(post: &PostId) -> String {
    format!("POST#{post}")
}
/// An acting charge on a post, sorted by its first day; kept after it ends as the post's record.
pub fn acting_charge(post: &PostId, from: time::Date, app: &ApplicationId) -> Key {
    Key::new(post_partition(post), format!("{ACTING_PREFIX}{from}#{app}"))
}
/// The upper bound of a post's acting charges that begin on or before `day`.
pub fn acting_charges_until(day: time::Date) -> String {
    format!("{ACTING_PREFIX}{day}#~")
}
/// Versioned on every grant on a post, so two overlapping grants cannot both be written.
pub fn acting_charge_lock(post: &PostId) -> Key {
    Key::new(post_partition(post), "ACTINGLOCK")
}
/// The charge as its holder's session finds it (one query on the holder's partition; TTL after
/// the last day).
pub fn acting_charge_held(holder: &EmployeeId, app: &ApplicationId) -> Key {
    Key::new(employee_partition(holder), format!("{ACTING_PREFIX}{app}"))
}
/// The charge given for an application, to withdraw it or make it follow the leave.
pub fn acting_charge_of_application(app: &ApplicationId) -> Key {
    Key::new(leave_application_partition(app), "ACTING")
}
pub const AWAY_PREFIX: &str = "AWAY#";
/// An officer's absence from a post for a sanctioned spell, sorted by its first day.
pub fn absence(post: &PostId, from: time::Date, app: &ApplicationId) -> Key {
    Key::new(post_partition(post), format!("{AWAY_PREFIX}{from}#{app}"))
}
/// The upper bound of a post's absences that begin on or before `day`.
pub fn absences_until(day: time::Date) -> String {
    format!("{AWAY_PREFIX}{day}#~")
}
/// Where a sanctioned application marked its applicant's posts as away.
pub fn absences_of_application(app: &ApplicationId) -> Key {
    Key::new(leave_application_partition(app), "AWAY")
}
pub const ALTERNATE_LEAVE_INBOX_PREFIX: &str = "LA#";
/// An application's row in the e-Leave inbox of the pending step's alternate, shown only while
/// the step's approver is away.
pub fn alternate_leave_inbox(alternate: &PostId, arrived_unix_millis: i64, app: &ApplicationId) -> Key {
    Key::new(
        inbox_partition(alternate),
        format!("{ALTERNATE_LEAVE_INBOX_PREFIX}{arrived_unix_millis:013}#{app}"),
    )
}

// PIMS (functions/api/src/pims) and the audit log (functions/api/src/audit.rs).

/// An employee's personnel record (PIMS), apart from the profile every request reads.
pub fn personnel(id: &EmployeeId) -> Key {
    Key::new(employee_partition(id), "PIMS")
}
pub fn staff_partition(office: &OfficeCode) -> String {
    format!("STAFF#{office}")
}
pub const STAFF_PREFIX: &str = "EMP#";
/// GSI1 entry listing an employee under the office they are borne on; it follows transfers.
pub fn staff_of_office(office: &OfficeCode, id: &EmployeeId) -> Key {
    Key::new(staff_partition(office), format!("{STAFF_PREFIX}{id}"))
}

pub const AUDIT_PREFIX: &str = "E#";
/// The audit log of a month (`2026-11`), newest first when read backwards.
pub fn audit_month_partition(month: &str) -> String {
    format!("AUDIT#{month}")
}
pub fn audit_entry(month: &str, at_unix_millis: i64, id: &str) -> Key {
    Key::new(
        audit_month_partition(month),
        format!("{AUDIT_PREFIX}{at_unix_millis:013}#{id}"),
    )
}
/// GSI1: the audit log of one target (`EMP#HR1001`, `POST#FIN-HQ-SO`), newest first.
pub fn audit_target_partition(target: &str) -> String {
    format!("AUDITOF#{target}")
}
pub fn audit_of_target(target: &str, at_unix_millis: i64, id: &str) -> Key {
    Key::new(
        audit_target_partition(target),
        format!("{AUDIT_PREFIX}{at_unix_millis:013}#{id}"),
    )
}

// ---- KMS (knowledge base): see functions/store/ACCESS_PATTERNS.md, "KMS". ----

/// A knowledge-base document (the current version's snapshot, validity, links).
pub fn kms_document(id: &daftar_domain::kms::KmsDocId) -> Key {
    Key::new(kms_document_partition(id), META)
}
pub fn kms_document_partition(id: &daftar_domain::kms::KmsDocId) -> String {
    format!("KMSDOC#{id}")
}
pub const KMS_VERSION_PREFIX: &str = "V#";
/// One version of a document, never rewritten.
pub fn kms_version(id: &daftar_domain::kms::KmsDocId, n: u32) -> Key {
    Key::new(kms_document_partition(id), format!("{KMS_VERSION_PREFIX}{n:06}"))
}
/// A folder's record.
pub fn kms_folder(id: &daftar_domain::kms::FolderId) -> Key {
    Key::new(kms_folder_partition(id), META)
}
pub fn kms_folder_partition(id: &daftar_domain::kms::FolderId) -> String {
    format!("KMSFOLDER#{id}")
}
/// Every folder, by department.
pub const KMS_FOLDERS_PARTITION: &str = "KMSFOLDERS";
pub fn kms_folder_listed(dept: &DeptCode, id: &daftar_domain::kms::FolderId) -> Key {
    Key::new(KMS_FOLDERS_PARTITION, format!("{dept}#{id}"))
}
pub const KMS_FOLDER_DOCUMENT_PREFIX: &str = "D#";
/// A document's row in its folder's list, by issue date.
pub fn kms_folder_document(
    folder: &daftar_domain::kms::FolderId,
    date: &str,
    id: &daftar_domain::kms::KmsDocId,
) -> Key {
    Key::new(
        kms_folder_partition(folder),
        format!("{KMS_FOLDER_DOCUMENT_PREFIX}{date}#{id}"),
    )
}
pub fn kms_department_partition(dept: &DeptCode) -> String {
    format!("KMSDEPT#{dept}")
}
/// A document's row in its department's list, by issue date.
pub fn kms_department_document(dept: &DeptCode, date: &str, id: &daftar_domain::kms::KmsDocId) -> Key {
    Key::new(kms_department_partition(dept), format!("{date}#{id}"))
}
pub fn kms_category_partition(category: daftar_domain::kms::Category) -> String {
    format!("KMSCAT#{}", category.code())
}
/// A document's row in its category's list, by issue date.
pub fn kms_category_document(
    category: daftar_domain::kms::Category,
    date: &str,
    id: &daftar_domain::kms::KmsDocId,
) -> Key {
    Key::new(kms_category_partition(category), format!("{date}#{id}"))
}
/// The number index, partitioned by the normalised number's first two characters (a prefix
/// search needs at least those), sorted by the whole normalised number.
pub fn kms_number_partition(normalised: &str) -> String {
    let head: String = normalised.chars().take(2).collect();
    format!("KMSNO#{head}")
}
/// A number's claim and index row: one document per number.
pub fn kms_number(normalised: &str) -> Key {
    Key::new(kms_number_partition(normalised), normalised.to_owned())
}
pub fn kms_term_partition(term: &str) -> String {
    format!("KMSTERM#{term}")
}
/// A word's index row for a document: documents in force first (`rank` 1, else 0), then
/// newest issue date first when read backwards.
pub fn kms_term(term: &str, rank: char, date: &str, id: &daftar_domain::kms::KmsDocId) -> Key {
    Key::new(kms_term_partition(term), format!("{rank}#{date}#{id}"))
}
/// The posts whose holders are a department's KMS editors.
pub fn kms_editors(dept: &DeptCode) -> Key {
    Key::new(department_partition(dept), "KMSEDITORS")
}
pub const KMS_SUBSCRIPTION_PREFIX: &str = "KMSSUB#";
/// An employee's subscription to a folder, department or category (by its token).
pub fn kms_subscription(employee: &EmployeeId, token: &str) -> Key {
    Key::new(format!("EMP#{employee}"), format!("{KMS_SUBSCRIPTION_PREFIX}{token}"))
}
pub fn kms_feed_partition(token: &str) -> String {
    format!("KMSFEED#{token}")
}
/// A new document or version announced under a subscription target, newest last.
pub fn kms_feed(token: &str, at_unix_millis: i64, id: &daftar_domain::kms::KmsDocId, n: u32) -> Key {
    Key::new(kms_feed_partition(token), format!("{at_unix_millis:013}#{id}#{n:06}"))
}
