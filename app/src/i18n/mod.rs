//! Every string the app shows, in English and Hindi, switchable at run time.
//!
//! One `Texts` struct with a field per string and one constant per language: a string missing
//! from either language is a compile error, not a blank on screen. The chosen language lives in a
//! context signal and is remembered in `localStorage`.

pub mod admin;
pub mod control;
pub mod kms;
pub mod leave;
pub mod pims;
pub mod reports;

use crate::format::{humanise_seconds, DurationWords};
use daftar_domain::file::chain::BreakReason;
use daftar_domain::file::draft::DispatchMode;
use daftar_domain::file::{FileCategory, FileEventKind, FileStatus};
use daftar_domain::handling::{Classification, Medium};
use daftar_domain::org::DeptKind;
use daftar_domain::receipt::{MovementAction, Priority, ReceiptCategory, ReceiptMode};
use daftar_domain::text::InvalidText;
use daftar_domain::wire::ErrorCode;
use leptos::prelude::*;

/// A language the app speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Locale {
    #[default]
    En,
    Hi,
}

impl Locale {
    /// The BCP 47 tag, as written in `lang` attributes and in storage.
    pub fn tag(self) -> &'static str {
        match self {
            Locale::En => "en",
            Locale::Hi => "hi",
        }
    }

    /// Reads a stored tag; anything unknown is `None`.
    pub fn from_tag(tag: &str) -> Option<Self> {
        match tag.trim() {
            "en" => Some(Locale::En),
            "hi" => Some(Locale::Hi),
            _ => None,
        }
    }

    /// The other language, for the toggle.
    pub fn other(self) -> Self {
        match self {
            Locale::En => Locale::Hi,
            Locale::Hi => Locale::En,
        }
    }

    pub fn texts(self) -> &'static Texts {
        match self {
            Locale::En => &EN,
            Locale::Hi => &HI,
        }
    }
}

/// Every visible string. Strings with `{n}` or `{post}` are templates filled by the caller.
#[derive(Debug)]
pub struct Texts {
    // The frame around every page.
    pub product: &'static str,
    pub skip_to_content: &'static str,
    pub nav_label: &'static str,
    pub nav_inbox: &'static str,
    pub nav_diarise: &'static str,
    pub signed_in_as: &'static str,
    pub sign_out: &'static str,
    /// The toggle's label names the language it switches to, in that language.
    pub switch_language: &'static str,
    pub loading: &'static str,
    pub load_more: &'static str,
    pub retry: &'static str,
    pub none: &'static str,
    pub vacant: &'static str,
    pub required_note: &'static str,
    pub not_found_title: &'static str,
    pub not_found_body: &'static str,
    pub go_to_inbox: &'static str,

    // Sign-in.
    pub login_title: &'static str,
    pub login_intro: &'static str,
    pub employee_id: &'static str,
    pub password: &'static str,
    pub sign_in: &'static str,
    pub err_employee_id_required: &'static str,
    pub err_password_required: &'static str,

    // Inbox.
    pub inbox_title: &'static str,
    pub inbox_post: &'static str,
    pub inbox_waiting_at: &'static str,
    pub inbox_empty: &'static str,
    pub no_posts: &'static str,
    pub col_diary_number: &'static str,
    pub col_subject: &'static str,
    pub col_sender: &'static str,
    pub col_from: &'static str,
    pub col_priority: &'static str,
    pub col_due_date: &'static str,
    pub col_arrived: &'static str,
    pub col_diarised_on: &'static str,
    pub diarised_here: &'static str,

    // Diarising.
    pub diarise_title: &'static str,
    pub diarise_intro: &'static str,
    pub receiving_post: &'static str,
    pub sender: &'static str,
    pub sender_hint: &'static str,
    pub subject: &'static str,
    pub letter_date: &'static str,
    pub letter_date_hint: &'static str,
    pub mode: &'static str,
    pub category: &'static str,
    pub remarks: &'static str,
    pub diarise_button: &'static str,
    pub family_heading: &'static str,
    pub volume_label: &'static str,
    pub previous_volume: &'static str,
    pub next_volume: &'static str,
    pub part_of: &'static str,
    pub merged_into: &'static str,
    pub merged_files: &'static str,
    pub new_volume: &'static str,
    pub open_part: &'static str,
    pub merge_button: &'static str,
    pub merge_intro: &'static str,
    pub merge_number: &'static str,
    pub merge_confirm: &'static str,
    pub dispatch_title: &'static str,
    pub dispatch_empty: &'static str,
    pub col_dispatch_number: &'static str,
    pub col_file: &'static str,
    pub col_issued: &'static str,
    pub col_dispatch_status: &'static str,
    pub year_label: &'static str,
    pub dispatched_status: &'static str,
    pub issued_status: &'static str,
    pub dispatch_reference: &'static str,
    pub mark_dispatched: &'static str,
    pub nav_search: &'static str,
    pub nav_dispatch: &'static str,
    pub search_title: &'static str,
    pub search_dept: &'static str,
    pub search_query: &'static str,
    pub search_hint: &'static str,
    pub search_button: &'static str,
    pub search_nothing: &'static str,
    pub search_kind_file: &'static str,
    pub search_kind_receipt: &'static str,
    pub drafts_heading: &'static str,
    pub new_draft: &'static str,
    pub no_drafts: &'static str,
    pub draft_letter_label: &'static str,
    pub version_label: &'static str,
    pub draft_issued_as: &'static str,
    pub draft_approved_by: &'static str,
    pub draft_awaiting_approval: &'static str,
    pub revise_draft: &'static str,
    pub approve_draft: &'static str,
    pub issue_draft: &'static str,
    pub dispatch_mode_label: &'static str,
    pub draft_versions: &'static str,
    pub letter_subject: &'static str,
    pub addressees_label: &'static str,
    pub addressees_hint: &'static str,
    pub letter_body: &'static str,
    pub save_draft_letter: &'static str,
    pub dm_ordinary_post: &'static str,
    pub dm_registered_post: &'static str,
    pub dm_speed_post: &'static str,
    pub dm_email: &'static str,
    pub dm_hand: &'static str,
    pub dm_courier: &'static str,
    pub dm_portal: &'static str,
    pub copies_heading: &'static str,
    pub add_copy: &'static str,
    pub add_this_copy: &'static str,
    pub copy_for_information: &'static str,
    pub acknowledge: &'static str,
    pub rview_inbox: &'static str,
    pub rview_sent: &'static str,
    pub rview_created: &'static str,
    pub rview_closed: &'static str,
    pub receipt_closed_notice: &'static str,
    pub paper_not_received: &'static str,
    pub paper_not_received_hint: &'static str,
    pub mark_received: &'static str,
    pub close_receipt_heading: &'static str,
    pub close_receipt_hint: &'static str,
    pub close_remarks: &'static str,
    pub close_receipt_button: &'static str,
    pub receipt_closed_flash: &'static str,
    pub receipt_received_flash: &'static str,
    pub attachments: &'static str,
    pub upload_hint: &'static str,
    pub upload_preview: &'static str,
    pub upload_sending: &'static str,
    pub upload_done: &'static str,
    pub upload_wrong_type: &'static str,
    pub upload_too_large: &'static str,
    pub upload_empty: &'static str,
    pub upload_remove: &'static str,
    pub upload_remove_named: &'static str,
    pub upload_wait: &'static str,
    pub no_attachments: &'static str,
    pub digitise_heading: &'static str,
    pub digitise_hint: &'static str,
    pub old_number: &'static str,
    pub scanned_volumes: &'static str,
    pub enclosures: &'static str,
    pub earlier_enclosures: &'static str,
    pub earlier_enclosures_hint: &'static str,
    /// `{n}` is the diary number.
    pub diarised_flash: &'static str,
    pub no_diarise_posts: &'static str,

    // A receipt.
    pub receipt_title: &'static str,
    pub details_heading: &'static str,
    pub diary_number: &'static str,
    pub received_on: &'static str,
    pub now_with: &'static str,
    pub held_since: &'static str,
    pub priority: &'static str,
    pub due_date: &'static str,
    pub forward_heading: &'static str,
    pub department: &'static str,
    pub office: &'static str,
    pub post: &'static str,
    pub choose_department: &'static str,
    pub choose_office: &'static str,
    pub choose_post: &'static str,
    pub due_date_hint: &'static str,
    pub forward_button: &'static str,
    /// `{post}` is the post the receipt went to.
    pub forwarded_flash: &'static str,
    pub cannot_forward: &'static str,
    pub history_heading: &'static str,
    pub history_empty: &'static str,
    pub col_seq: &'static str,
    pub col_action: &'static str,
    pub col_from_to: &'static str,
    pub col_by: &'static str,
    pub col_remarks: &'static str,
    pub col_time: &'static str,
    pub invalid_receipt_id: &'static str,

    // Field errors.
    pub err_form: &'static str,
    pub err_required: &'static str,
    /// `{n}` is the limit.
    pub err_too_long: &'static str,
    pub err_control_chars: &'static str,
    pub err_date_invalid: &'static str,
    pub err_date_future: &'static str,
    pub err_date_past: &'static str,
    pub err_choose: &'static str,
    pub err_rejected: &'static str,

    // Errors from the server, one per `ErrorCode`, and the two the client meets on its own.
    pub err_invalid: &'static str,
    pub err_bad_credentials: &'static str,
    pub err_rate_limited: &'static str,
    pub err_unauthenticated: &'static str,
    pub err_bad_origin: &'static str,
    pub err_forbidden: &'static str,
    pub err_not_found: &'static str,
    pub err_conflict: &'static str,
    pub err_wrong_state: &'static str,
    pub err_idempotency_key_reused: &'static str,
    pub err_in_progress: &'static str,
    pub err_internal: &'static str,
    pub err_unavailable: &'static str,
    pub err_network: &'static str,
    pub err_unexpected: &'static str,

    // Enumerations.
    pub mode_post: &'static str,
    pub mode_hand: &'static str,
    pub mode_email: &'static str,
    pub mode_courier: &'static str,
    pub mode_fax: &'static str,
    pub mode_portal: &'static str,
    pub category_general: &'static str,
    pub category_government_letter: &'static str,
    pub category_rti: &'static str,
    pub category_court_case: &'static str,
    pub category_vip_reference: &'static str,
    pub category_grievance: &'static str,
    pub priority_normal: &'static str,
    pub priority_urgent: &'static str,
    pub priority_most_immediate: &'static str,
    pub action_diarised: &'static str,
    pub action_forwarded: &'static str,
    pub dept_kind_department: &'static str,
    pub dept_kind_corporation: &'static str,
    pub medium_note: &'static str,
    pub medium_label: &'static str,
    pub medium_electronic: &'static str,
    pub medium_physical: &'static str,
    pub classification_label: &'static str,
    pub classification_normal: &'static str,
    pub classification_confidential: &'static str,
    pub classification_secret: &'static str,
    pub classification_top_secret: &'static str,
    pub receive_button: &'static str,
    pub file_received_flash: &'static str,
    pub file_status_merged: &'static str,
    pub event_received: &'static str,
    pub event_merged: &'static str,
    pub event_merged_into: &'static str,
    pub event_continued_in: &'static str,
    pub event_part_opened: &'static str,
    pub event_draft_approved: &'static str,
    pub event_draft_issued: &'static str,
    pub break_document_changed: &'static str,

    // e-File: the desk's lists, the file page, notes, track and print.
    pub nav_files: &'static str,
    pub nav_new_file: &'static str,
    pub cancel: &'static str,
    pub close_dialog: &'static str,
    pub files_tab: &'static str,
    pub receipts_tab: &'static str,
    pub files_show: &'static str,
    pub view_inbox: &'static str,
    pub view_parked: &'static str,
    pub view_sent: &'static str,
    pub view_created: &'static str,
    pub view_closed: &'static str,
    pub sort_by: &'static str,
    pub sort_newest: &'static str,
    pub sort_oldest: &'static str,
    pub sort_priority: &'static str,
    pub new_file_link: &'static str,
    pub unread: &'static str,
    pub files_empty_inbox: &'static str,
    pub files_empty_parked: &'static str,
    pub files_empty_sent: &'static str,
    pub files_empty_created: &'static str,
    pub files_empty_closed: &'static str,
    pub col_sent_to: &'static str,
    pub col_parked_on: &'static str,
    pub col_sent_on: &'static str,
    pub col_created_on: &'static str,
    pub col_closed_on: &'static str,
    pub file_number: &'static str,
    pub new_file_title: &'static str,
    pub new_file_intro: &'static str,
    pub opening_at: &'static str,
    pub opening_post: &'static str,
    pub subject_head: &'static str,
    pub subject_head_hint: &'static str,
    pub create_file_button: &'static str,
    /// `{n}` is the file number.
    pub file_created_flash: &'static str,
    pub file_title: &'static str,
    pub invalid_file_id: &'static str,
    pub status: &'static str,
    pub where_is_file: &'static str,
    pub print_note_sheet: &'static str,
    pub file_actions: &'static str,
    pub file_read_only: &'static str,
    pub send_button: &'static str,
    pub recall_button: &'static str,
    pub park_button: &'static str,
    pub unpark_button: &'static str,
    pub close_button: &'static str,
    pub reopen_button: &'static str,
    pub attach_button: &'static str,
    pub link_button: &'static str,
    pub send_title: &'static str,
    pub recall_title: &'static str,
    pub park_title: &'static str,
    pub unpark_title: &'static str,
    pub close_title: &'static str,
    pub reopen_title: &'static str,
    pub attach_title: &'static str,
    pub link_title: &'static str,
    pub recall_intro: &'static str,
    pub park_intro: &'static str,
    pub unpark_intro: &'static str,
    pub close_intro: &'static str,
    pub reopen_intro: &'static str,
    pub close_reason: &'static str,
    pub attach_intro: &'static str,
    pub attach_legend: &'static str,
    pub attach_none: &'static str,
    pub link_intro: &'static str,
    pub link_number_hint: &'static str,
    pub find_button: &'static str,
    pub link_confirm: &'static str,
    /// `{n}` is how many desks the file has been at.
    pub levels_warning: &'static str,
    pub err_file_changed: &'static str,
    pub err_file_refused: &'static str,
    pub reload_file: &'static str,
    /// `{post}` is the post the file went to.
    pub file_sent_flash: &'static str,
    pub file_recalled_flash: &'static str,
    pub file_parked_flash: &'static str,
    pub file_unparked_flash: &'static str,
    pub file_closed_flash: &'static str,
    pub file_reopened_flash: &'static str,
    pub note_saved_flash: &'static str,
    /// `{n}` is the paragraph number.
    pub note_signed_flash: &'static str,
    pub note_discarded_flash: &'static str,
    pub receipt_attached_flash: &'static str,
    pub file_linked_flash: &'static str,
    /// `{n}` is the merged file's number.
    pub file_merged_flash: &'static str,
    pub volume_opened_flash: &'static str,
    pub part_opened_flash: &'static str,
    pub new_volume_confirm: &'static str,
    pub new_volume_yes: &'static str,
    pub note_sheet_heading: &'static str,
    pub notes_empty: &'static str,
    /// `{n}` is the paragraph number.
    pub para_label: &'static str,
    /// `{n}` is the diary number.
    pub receipt_ref_label: &'static str,
    pub flags_label: &'static str,
    pub flags_legend: &'static str,
    pub draft_label: &'static str,
    /// `{post}` is the post that is to sign.
    pub to_be_signed_by: &'static str,
    /// `{name}` is the drafter.
    pub drafted_by: &'static str,
    pub sign_button: &'static str,
    pub edit_button: &'static str,
    pub discard_button: &'static str,
    pub discard_confirm: &'static str,
    pub discard_yes: &'static str,
    pub discard_no: &'static str,
    pub new_note_heading: &'static str,
    pub edit_note_heading: &'static str,
    pub note_text: &'static str,
    pub sign_as_label: &'static str,
    pub sign_as_hint: &'static str,
    pub save_draft: &'static str,
    pub save_changes: &'static str,
    pub correspondence_heading: &'static str,
    pub receipts_in_file: &'static str,
    pub no_receipts_in_file: &'static str,
    pub linked_files: &'static str,
    pub no_linked_files: &'static str,
    pub put_in_on: &'static str,
    pub receipt_in_file: &'static str,
    pub open_the_file: &'static str,
    pub track_title: &'static str,
    /// `{n}` is the file number.
    pub track_heading: &'static str,
    pub back_to_file: &'static str,
    pub stays_heading: &'static str,
    pub col_desk: &'static str,
    pub col_left: &'static str,
    pub col_time_spent: &'static str,
    pub still_here: &'static str,
    /// `{time}` is a duration.
    pub so_far: &'static str,
    pub file_history_heading: &'static str,
    pub col_event: &'static str,
    pub verify_heading: &'static str,
    pub verify_intro: &'static str,
    pub verify_button: &'static str,
    /// `{n}` is the number of entries checked.
    pub verify_intact: &'static str,
    /// `{n}` is the first entry that does not check out.
    pub verify_broken: &'static str,
    pub break_content_changed: &'static str,
    pub break_link_broken: &'static str,
    pub break_truncated: &'static str,
    pub print_title: &'static str,
    pub print_button: &'static str,
    pub action_put_in_file: &'static str,
    pub action_closed: &'static str,
    pub action_received: &'static str,
    pub file_category_general: &'static str,
    pub file_category_policy: &'static str,
    pub file_category_establishment: &'static str,
    pub file_category_budget: &'static str,
    pub file_category_procurement: &'static str,
    pub file_category_legal: &'static str,
    pub file_category_rti: &'static str,
    pub file_category_grievance: &'static str,
    pub file_status_active: &'static str,
    pub file_status_parked: &'static str,
    pub file_status_closed: &'static str,
    pub event_created: &'static str,
    pub event_opened: &'static str,
    pub event_sent: &'static str,
    pub event_recalled: &'static str,
    pub event_parked: &'static str,
    pub event_unparked: &'static str,
    pub event_closed: &'static str,
    pub event_reopened: &'static str,
    pub event_linked: &'static str,
    pub event_receipt_attached: &'static str,
    pub event_note_signed: &'static str,
    pub unit_day_one: &'static str,
    pub unit_day_many: &'static str,
    pub unit_hour_one: &'static str,
    pub unit_hour_many: &'static str,
    pub unit_minute_one: &'static str,
    pub unit_minute_many: &'static str,
    pub under_a_minute: &'static str,
    pub err_invalid_code: &'static str,
    /// `{n}` is the limit.
    pub err_too_many: &'static str,
    pub err_no_such_file: &'static str,
    pub err_same_file: &'static str,

    /// The e-Leave pages.
    pub leave: leave::LeaveTexts,
    pub control: control::ControlTexts,
    pub kms: kms::KmsTexts,
    pub pims: pims::PimsTexts,
    pub reports: reports::ReportsTexts,
    pub admin: admin::AdminTexts,
}

pub const EN: Texts = Texts {
    product: "Daftar",
    skip_to_content: "Skip to main content",
    nav_label: "Main",
    nav_inbox: "Inbox",
    nav_diarise: "Diarise receipt",
    signed_in_as: "Signed in as",
    sign_out: "Sign out",
    switch_language: "हिन्दी",
    loading: "Loading…",
    load_more: "Load more",
    retry: "Try again",
    none: "—",
    vacant: "vacant",
    required_note: "Fields marked * are required.",
    not_found_title: "Page not found",
    not_found_body: "There is nothing at this address.",
    go_to_inbox: "Go to the inbox",

    login_title: "Sign in to Daftar",
    login_intro: "Use the employee ID and password issued by your office.",
    employee_id: "Employee ID",
    password: "Password",
    sign_in: "Sign in",
    err_employee_id_required: "Enter your employee ID.",
    err_password_required: "Enter your password.",

    inbox_title: "Inbox",
    inbox_post: "Post",
    inbox_waiting_at: "Waiting at",
    inbox_empty: "No receipts are waiting at this post.",
    no_posts: "You do not hold any post, so there is no inbox to show.",
    col_diary_number: "Diary number",
    col_subject: "Subject",
    col_sender: "Sender",
    col_from: "From",
    col_priority: "Priority",
    col_due_date: "Due date",
    col_arrived: "Arrived",
    col_diarised_on: "Diarised on",
    diarised_here: "Diarised here",

    diarise_title: "Diarise a receipt",
    diarise_intro: "Enter the inward letter in your office's diary register. It gets the next diary number.",
    receiving_post: "Receiving post",
    sender: "Sender",
    sender_hint: "The person, office or organisation that sent the letter.",
    subject: "Subject",
    letter_date: "Letter date",
    letter_date_hint: "The date written on the letter; it cannot be in the future.",
    mode: "Mode",
    category: "Category",
    remarks: "Remarks",
    diarise_button: "Diarise",
    family_heading: "Volumes and parts",
    volume_label: "Volume {n}",
    previous_volume: "Previous volume:",
    next_volume: "Next volume:",
    part_of: "Part file of:",
    merged_into: "Merged into:",
    merged_files: "Merged files:",
    new_volume: "New volume",
    open_part: "Open part file",
    merge_button: "Merge a file",
    merge_intro: "Attach another file from this desk under this one. Type its number and find it.",
    merge_number: "Number of the file to merge",
    merge_confirm: "Merge it here",
    dispatch_title: "Dispatch register",
    dispatch_empty: "No letters issued this year.",
    col_dispatch_number: "Dispatch number",
    col_file: "File",
    col_issued: "Issued",
    col_dispatch_status: "Status",
    year_label: "Year",
    dispatched_status: "Dispatched",
    issued_status: "Issued",
    dispatch_reference: "Postal or e-mail reference",
    mark_dispatched: "Mark dispatched",
    nav_search: "Search",
    nav_dispatch: "Dispatch",
    search_title: "Search",
    search_dept: "Department",
    search_query: "Find",
    search_hint: "A file number, a diary number such as DC-GGN/2026/42, or words of the subject (Hindi or English).",
    search_button: "Search",
    search_nothing: "Nothing found.",
    search_kind_file: "File",
    search_kind_receipt: "Receipt",
    drafts_heading: "Draft letters",
    new_draft: "New draft",
    no_drafts: "No draft letters on this file.",
    draft_letter_label: "Draft {n} (version {v})",
    version_label: "Version {v}",
    draft_issued_as: "Issued as {n}",
    draft_approved_by: "Approved by {who} (version {v})",
    draft_awaiting_approval: "Awaiting approval",
    revise_draft: "Revise",
    approve_draft: "Approve",
    issue_draft: "Issue",
    dispatch_mode_label: "Send by",
    draft_versions: "Version history",
    letter_subject: "Letter subject",
    addressees_label: "Addressees",
    addressees_hint: "One addressee per line.",
    letter_body: "Letter text",
    save_draft_letter: "Save draft letter",
    dm_ordinary_post: "Ordinary post",
    dm_registered_post: "Registered post",
    dm_speed_post: "Speed post",
    dm_email: "E-mail",
    dm_hand: "By hand",
    dm_courier: "Courier",
    dm_portal: "Portal",
    copies_heading: "Copies for information",
    add_copy: "Add copy",
    add_this_copy: "Add this copy",
    copy_for_information: "Copy for information",
    acknowledge: "Acknowledge",
    rview_inbox: "Inbox",
    rview_sent: "Sent",
    rview_created: "Diarised here",
    rview_closed: "Closed",
    receipt_closed_notice: "This receipt is closed.",
    paper_not_received: "Paper letter not yet received",
    paper_not_received_hint: "Mark it received when the paper letter reaches your desk; until then it cannot be acted on.",
    mark_received: "Mark received",
    close_receipt_heading: "Close this receipt",
    close_receipt_hint: "Close a receipt that needs no file: acknowledged, or kept for record.",
    close_remarks: "Reason for closing",
    close_receipt_button: "Close receipt",
    receipt_closed_flash: "Receipt closed.",
    receipt_received_flash: "Paper letter marked received.",
    attachments: "Attachments",
    upload_hint: "PDF, JPEG or PNG, up to {n} MB each.",
    upload_preview: "Preview",
    upload_sending: "Uploading…",
    upload_done: "Uploaded",
    upload_wrong_type: "Not accepted: only PDF, JPEG or PNG files.",
    upload_too_large: "Too large: at most {n} MB.",
    upload_empty: "The file is empty.",
    upload_remove: "Remove",
    upload_remove_named: "Remove {name}",
    upload_wait: "Wait until every attachment has uploaded, or remove the ones that failed.",
    no_attachments: "No attachments.",
    digitise_heading: "Digitising a paper file",
    digitise_hint: "For a file that so far existed only on paper: give the number it carried and attach its scanned volumes.",
    old_number: "Old file number (on paper)",
    scanned_volumes: "Scanned volumes",
    enclosures: "Enclosures",
    earlier_enclosures: "Enclosures of the earlier version",
    earlier_enclosures_hint: "Untick any that should not go with the revised letter.",
    diarised_flash: "Receipt diarised. Diary number {n}.",
    no_diarise_posts: "You do not hold any post at which letters can be diarised.",

    receipt_title: "Receipt",
    details_heading: "Details",
    diary_number: "Diary number",
    received_on: "Received on",
    now_with: "Now with",
    held_since: "Since",
    priority: "Priority",
    due_date: "Due date",
    forward_heading: "Send this receipt on",
    department: "Department",
    office: "Office",
    post: "Post",
    choose_department: "Choose a department",
    choose_office: "Choose an office",
    choose_post: "Choose a post",
    due_date_hint: "Optional. The date by which the receiver should act.",
    forward_button: "Forward",
    forwarded_flash: "Receipt forwarded to {post}.",
    cannot_forward: "This receipt is not at your post, so you cannot send it on.",
    history_heading: "Movement history",
    history_empty: "No movements yet.",
    col_seq: "No.",
    col_action: "Action",
    col_from_to: "From → To",
    col_by: "By",
    col_remarks: "Remarks",
    col_time: "Time",
    invalid_receipt_id: "This is not a valid receipt address.",

    err_form: "Please correct the errors below and submit again.",
    err_required: "This field is required.",
    err_too_long: "Use at most {n} characters.",
    err_control_chars: "Remove the special control characters.",
    err_date_invalid: "Enter a valid date.",
    err_date_future: "The letter date cannot be in the future.",
    err_date_past: "The due date cannot be in the past.",
    err_choose: "Choose one of the options.",
    err_rejected: "This value was not accepted. Please check it.",

    err_invalid: "Some details are not valid. Please check them.",
    err_bad_credentials: "Wrong employee ID or password.",
    err_rate_limited: "Too many failed attempts. Wait a few minutes and try again.",
    err_unauthenticated: "Your session has ended. Please sign in again.",
    err_bad_origin: "This request was blocked because it did not come from Daftar.",
    err_forbidden: "You are not allowed to do this.",
    err_not_found: "Not found. It may not exist, or the address may be wrong.",
    err_conflict: "Someone else moved this receipt; reloaded.",
    err_wrong_state: "That cannot be done while it is in this state.",
    err_idempotency_key_reused: "This submission clashed with an earlier one. Please submit again.",
    err_in_progress: "Your earlier submission is still being processed. Please wait a moment.",
    err_internal: "Something went wrong on our side. Please try again.",
    err_unavailable: "The service is busy. Please try again shortly.",
    err_network: "Could not reach the server. Check your connection and try again.",
    err_unexpected: "The server sent an unexpected answer. Please try again.",

    mode_post: "Post",
    mode_hand: "By hand",
    mode_email: "Email",
    mode_courier: "Courier",
    mode_fax: "Fax",
    mode_portal: "Portal",
    category_general: "General",
    category_government_letter: "Government letter",
    category_rti: "RTI application",
    category_court_case: "Court case",
    category_vip_reference: "VIP reference",
    category_grievance: "Grievance",
    priority_normal: "Normal",
    priority_urgent: "Urgent",
    priority_most_immediate: "Most immediate",
    action_diarised: "Diarised",
    action_forwarded: "Forwarded",
    dept_kind_department: "Department",
    dept_kind_corporation: "Corporation",
    medium_note: "Paper file",
    medium_label: "Medium",
    medium_electronic: "Electronic",
    medium_physical: "Paper (movement tracked here)",
    classification_label: "Classification",
    classification_normal: "Normal",
    classification_confidential: "Confidential",
    classification_secret: "Secret",
    classification_top_secret: "Top secret",
    receive_button: "Mark paper received",
    file_received_flash: "Paper file marked received.",
    file_status_merged: "Merged",
    event_received: "Paper received",
    event_merged: "Another file merged in",
    event_merged_into: "Merged into a main file",
    event_continued_in: "Continued in a new volume",
    event_part_opened: "Part file opened",
    event_draft_approved: "Draft approved",
    event_draft_issued: "Draft issued",
    break_document_changed: "a signed note or approved draft no longer matches what was sealed.",

    nav_files: "Files",
    nav_new_file: "New file",
    cancel: "Cancel",
    close_dialog: "Close this dialog",
    files_tab: "Files",
    receipts_tab: "Receipts",
    files_show: "Show",
    view_inbox: "Inbox",
    view_parked: "Parked",
    view_sent: "Sent",
    view_created: "Created",
    view_closed: "Closed",
    sort_by: "Sort by",
    sort_newest: "Newest first",
    sort_oldest: "Oldest first",
    sort_priority: "Priority",
    new_file_link: "New file",
    unread: "Unread",
    files_empty_inbox: "No files are waiting at this post.",
    files_empty_parked: "No files are parked at this post.",
    files_empty_sent: "No files have been sent from this post.",
    files_empty_created: "No files have been opened at this post.",
    files_empty_closed: "No file opened at this post has been closed.",
    col_sent_to: "Sent to",
    col_parked_on: "Parked on",
    col_sent_on: "Sent on",
    col_created_on: "Created on",
    col_closed_on: "Closed on",
    file_number: "File number",
    new_file_title: "Open a new file",
    new_file_intro: "The file gets the next number in your department's filing scheme and starts at your desk.",
    opening_at: "Opening at",
    opening_post: "Opening post",
    subject_head: "Subject head",
    subject_head_hint: "The head from your department's filing scheme, for example GEN or BUDGET.",
    create_file_button: "Create file",
    file_created_flash: "File opened. File number {n}.",
    file_title: "File",
    invalid_file_id: "This is not a valid file address.",
    status: "Status",
    where_is_file: "Where is this file?",
    print_note_sheet: "Print note sheet",
    file_actions: "File actions",
    file_read_only: "You can read this file, but it is not at your desk, so you cannot act on it.",
    send_button: "Send",
    recall_button: "Recall",
    park_button: "Park",
    unpark_button: "Take out of parked",
    close_button: "Close file",
    reopen_button: "Reopen",
    attach_button: "Put in a receipt",
    link_button: "Link a file",
    send_title: "Send this file",
    recall_title: "Recall this file",
    park_title: "Park this file",
    unpark_title: "Take this file out of parked",
    close_title: "Close this file",
    reopen_title: "Reopen this file",
    attach_title: "Put a receipt into this file",
    link_title: "Link another file",
    recall_intro: "You can take the file back until the receiver opens it.",
    park_intro: "A parked file waits at your desk (for a reply, say) and is not counted as being worked on.",
    unpark_intro: "The file goes back to your inbox to be worked on.",
    close_intro: "Closing records the decision; nothing more happens to the file until it is reopened.",
    reopen_intro: "The file becomes active again at your desk.",
    close_reason: "Reason for closing",
    attach_intro: "Choose a receipt waiting at the desk that holds the file. From now on it travels with the file.",
    attach_legend: "Receipts waiting at this desk",
    attach_none: "No receipts are waiting at this desk.",
    link_intro: "Linked files stay separate and keep moving on their own; each shows the other.",
    link_number_hint: "Type the number as written on the file.",
    find_button: "Find",
    link_confirm: "Link this file",
    levels_warning: "This file has already been at {n} desks. DARPG guidelines ask that a file reach a decision within four levels: consider whether it needs to go further.",
    err_file_changed: "Someone else changed this file after you opened it. Reload it to see the latest, then try again.",
    err_file_refused: "The file's present state does not allow this. Reload it to see where it stands.",
    reload_file: "Reload the file",
    file_sent_flash: "File sent to {post}.",
    file_recalled_flash: "File recalled; it is back at your desk.",
    file_parked_flash: "File parked.",
    file_unparked_flash: "File taken out of parked.",
    file_closed_flash: "File closed.",
    file_reopened_flash: "File reopened.",
    note_saved_flash: "Draft note saved.",
    note_signed_flash: "Note signed as para {n}.",
    note_discarded_flash: "Draft note discarded.",
    receipt_attached_flash: "Receipt put into the file.",
    file_linked_flash: "Files linked.",
    file_merged_flash: "File {n} merged into this file.",
    volume_opened_flash: "New volume opened; the earlier volume is closed.",
    part_opened_flash: "Part file opened at your desk.",
    new_volume_confirm: "This closes the current volume for good and opens the next one. Continue?",
    new_volume_yes: "Yes, open the new volume",
    note_sheet_heading: "Note sheet",
    notes_empty: "No notes yet.",
    para_label: "Para {n}",
    receipt_ref_label: "Receipt {n}",
    flags_label: "References",
    flags_legend: "Flag references (optional)",
    draft_label: "Draft — not signed",
    to_be_signed_by: "To be signed by {post}",
    drafted_by: "Drafted by {name}",
    sign_button: "Sign",
    edit_button: "Edit",
    discard_button: "Discard",
    discard_confirm: "Discard this draft?",
    discard_yes: "Yes, discard",
    discard_no: "Keep it",
    new_note_heading: "Write a note",
    edit_note_heading: "Edit the draft",
    note_text: "Note",
    sign_as_label: "For signature by (post ID)",
    sign_as_hint: "Optional. Leave empty to sign it yourself; when drafting for an officer, enter their post, for example FIN-HQ-DS.",
    save_draft: "Save draft",
    save_changes: "Save changes",
    correspondence_heading: "Correspondence",
    receipts_in_file: "Receipts",
    no_receipts_in_file: "No receipts in this file yet.",
    linked_files: "Linked files",
    no_linked_files: "No linked files.",
    put_in_on: "Filed on",
    receipt_in_file: "This receipt is in a file and moves with it.",
    open_the_file: "Open the file",
    track_title: "Where is my file",
    track_heading: "Where is file {n}?",
    back_to_file: "Back to the file",
    stays_heading: "Desks it has been at",
    col_desk: "Desk",
    col_left: "Left",
    col_time_spent: "Time spent",
    still_here: "Still here",
    so_far: "{time} so far",
    file_history_heading: "Full history",
    col_event: "Event",
    verify_heading: "Is the history intact?",
    verify_intro: "Every entry carries a fingerprint of the one before it, so an entry changed or removed later shows up when the chain is recomputed.",
    verify_button: "Verify history",
    verify_intact: "History intact: all {n} entries check out.",
    verify_broken: "History broken at entry {n}:",
    break_content_changed: "the entry was changed after it was written.",
    break_link_broken: "an entry before it was removed, inserted or reordered.",
    break_truncated: "entries are missing at the end.",
    print_title: "Note sheet for printing",
    print_button: "Print",
    action_put_in_file: "Put in a file",
    action_closed: "Closed",
    action_received: "Paper received",
    file_category_general: "General",
    file_category_policy: "Policy",
    file_category_establishment: "Establishment",
    file_category_budget: "Budget",
    file_category_procurement: "Procurement",
    file_category_legal: "Legal",
    file_category_rti: "RTI",
    file_category_grievance: "Grievance",
    file_status_active: "Active",
    file_status_parked: "Parked",
    file_status_closed: "Closed",
    event_created: "Created",
    event_opened: "Opened by the receiver",
    event_sent: "Sent",
    event_recalled: "Recalled",
    event_parked: "Parked",
    event_unparked: "Taken out of parked",
    event_closed: "Closed",
    event_reopened: "Reopened",
    event_linked: "Linked to another file",
    event_receipt_attached: "Receipt put in",
    event_note_signed: "Note signed",
    unit_day_one: "day",
    unit_day_many: "days",
    unit_hour_one: "hour",
    unit_hour_many: "hours",
    unit_minute_one: "minute",
    unit_minute_many: "minutes",
    under_a_minute: "less than a minute",
    err_invalid_code: "Use only letters A–Z, digits and hyphens, with no spaces.",
    err_too_many: "Choose at most {n}.",
    err_no_such_file: "No file has this number, or you may not see it.",
    err_same_file: "That is this file itself.",
    leave: leave::EN,
    control: control::EN,
    kms: kms::EN,
    pims: pims::EN,
    reports: reports::EN,
    admin: admin::EN,
};

pub const HI: Texts = Texts {
    product: "दफ़्तर",
    skip_to_content: "मुख्य सामग्री पर जाएँ",
    nav_label: "मुख्य",
    nav_inbox: "आवक पेटी",
    nav_diarise: "प्राप्ति डायरी करें",
    signed_in_as: "लॉग इन:",
    sign_out: "साइन आउट",
    switch_language: "English",
    loading: "लोड हो रहा है…",
    load_more: "और दिखाएँ",
    retry: "पुनः प्रयास करें",
    none: "—",
    vacant: "रिक्त",
    required_note: "* चिह्नित फ़ील्ड भरना अनिवार्य है।",
    not_found_title: "पृष्ठ नहीं मिला",
    not_found_body: "इस पते पर कुछ नहीं है।",
    go_to_inbox: "आवक पेटी पर जाएँ",

    login_title: "दफ़्तर में साइन इन करें",
    login_intro: "अपने कार्यालय द्वारा दी गई कर्मचारी आईडी और पासवर्ड का प्रयोग करें।",
    employee_id: "कर्मचारी आईडी",
    password: "पासवर्ड",
    sign_in: "साइन इन करें",
    err_employee_id_required: "अपनी कर्मचारी आईडी दर्ज करें।",
    err_password_required: "अपना पासवर्ड दर्ज करें।",

    inbox_title: "आवक पेटी",
    inbox_post: "पद",
    inbox_waiting_at: "इस पद पर लंबित:",
    inbox_empty: "इस पद पर कोई प्राप्ति लंबित नहीं है।",
    no_posts: "आपको कोई पद आवंटित नहीं है, इसलिए दिखाने के लिए कोई आवक पेटी नहीं है।",
    col_diary_number: "डायरी संख्या",
    col_subject: "विषय",
    col_sender: "प्रेषक",
    col_from: "किस पद से",
    col_priority: "प्राथमिकता",
    col_due_date: "नियत तिथि",
    col_arrived: "प्राप्त होने का समय",
    col_diarised_on: "डायरी करने का समय",
    diarised_here: "यहीं डायरी की गई",

    diarise_title: "प्राप्ति डायरी करें",
    diarise_intro: "आवक पत्र को अपने कार्यालय की डायरी पंजी में दर्ज करें। इसे अगली डायरी संख्या मिलेगी।",
    receiving_post: "प्राप्तकर्ता पद",
    sender: "प्रेषक",
    sender_hint: "पत्र भेजने वाला व्यक्ति, कार्यालय या संस्था।",
    subject: "विषय",
    letter_date: "पत्र की तिथि",
    letter_date_hint: "पत्र पर लिखी तिथि; यह भविष्य की नहीं हो सकती।",
    mode: "प्राप्ति का माध्यम",
    category: "श्रेणी",
    remarks: "टिप्पणी",
    diarise_button: "डायरी करें",
    family_heading: "खंड और भाग",
    volume_label: "खंड {n}",
    previous_volume: "पिछला खंड:",
    next_volume: "अगला खंड:",
    part_of: "जिस फ़ाइल का भाग है:",
    merged_into: "जिस फ़ाइल में विलय हुई:",
    merged_files: "विलय की गई फ़ाइलें:",
    new_volume: "नया खंड",
    open_part: "भाग फ़ाइल खोलें",
    merge_button: "फ़ाइल विलय करें",
    merge_intro: "इस मेज़ की दूसरी फ़ाइल को इसके अंतर्गत जोड़ें। उसकी संख्या लिखकर खोजें।",
    merge_number: "विलय की जाने वाली फ़ाइल की संख्या",
    merge_confirm: "यहाँ विलय करें",
    dispatch_title: "प्रेषण पंजी",
    dispatch_empty: "इस वर्ष कोई पत्र जारी नहीं हुआ।",
    col_dispatch_number: "प्रेषण संख्या",
    col_file: "फ़ाइल",
    col_issued: "जारी",
    col_dispatch_status: "स्थिति",
    year_label: "वर्ष",
    dispatched_status: "प्रेषित",
    issued_status: "जारी",
    dispatch_reference: "डाक या ई-मेल संदर्भ",
    mark_dispatched: "प्रेषित चिह्नित करें",
    nav_search: "खोज",
    nav_dispatch: "प्रेषण",
    search_title: "खोज",
    search_dept: "विभाग",
    search_query: "खोजें",
    search_hint: "फ़ाइल संख्या, डायरी संख्या जैसे DC-GGN/2026/42, या विषय के शब्द (हिन्दी या अंग्रेज़ी)।",
    search_button: "खोजें",
    search_nothing: "कुछ नहीं मिला।",
    search_kind_file: "फ़ाइल",
    search_kind_receipt: "प्राप्ति",
    drafts_heading: "प्रारूप पत्र",
    new_draft: "नया प्रारूप",
    no_drafts: "इस फ़ाइल पर कोई प्रारूप पत्र नहीं है।",
    draft_letter_label: "प्रारूप {n} (संस्करण {v})",
    version_label: "संस्करण {v}",
    draft_issued_as: "{n} के रूप में जारी",
    draft_approved_by: "{who} द्वारा अनुमोदित (संस्करण {v})",
    draft_awaiting_approval: "अनुमोदन की प्रतीक्षा",
    revise_draft: "संशोधित करें",
    approve_draft: "अनुमोदित करें",
    issue_draft: "जारी करें",
    dispatch_mode_label: "भेजने का माध्यम",
    draft_versions: "संस्करण इतिहास",
    letter_subject: "पत्र का विषय",
    addressees_label: "प्रेषिती",
    addressees_hint: "प्रति पंक्ति एक प्रेषिती।",
    letter_body: "पत्र का पाठ",
    save_draft_letter: "प्रारूप पत्र सहेजें",
    dm_ordinary_post: "साधारण डाक",
    dm_registered_post: "पंजीकृत डाक",
    dm_speed_post: "स्पीड पोस्ट",
    dm_email: "ई-मेल",
    dm_hand: "दस्ती",
    dm_courier: "कूरियर",
    dm_portal: "पोर्टल",
    copies_heading: "सूचनार्थ प्रतियाँ",
    add_copy: "प्रति जोड़ें",
    add_this_copy: "यह प्रति जोड़ें",
    copy_for_information: "सूचनार्थ प्रति",
    acknowledge: "पावती दें",
    rview_inbox: "इनबॉक्स",
    rview_sent: "भेजी गई",
    rview_created: "यहाँ डायरी की गई",
    rview_closed: "बंद",
    receipt_closed_notice: "यह प्राप्ति बंद है।",
    paper_not_received: "काग़ज़ी पत्र अभी प्राप्त नहीं हुआ",
    paper_not_received_hint: "काग़ज़ी पत्र आपकी मेज़ पर पहुँचने पर इसे प्राप्त चिह्नित करें; तब तक इस पर कार्य नहीं हो सकता।",
    mark_received: "प्राप्त चिह्नित करें",
    close_receipt_heading: "यह प्राप्ति बंद करें",
    close_receipt_hint: "जिस प्राप्ति पर फ़ाइल की आवश्यकता नहीं, उसे बंद करें: पावती दी गई, या अभिलेख हेतु रखी गई।",
    close_remarks: "बंद करने का कारण",
    close_receipt_button: "प्राप्ति बंद करें",
    receipt_closed_flash: "प्राप्ति बंद कर दी गई है।",
    receipt_received_flash: "काग़ज़ी पत्र प्राप्त चिह्नित किया गया।",
    attachments: "संलग्नक",
    upload_hint: "PDF, JPEG या PNG, प्रत्येक अधिकतम {n} MB।",
    upload_preview: "पूर्वावलोकन",
    upload_sending: "अपलोड हो रहा है…",
    upload_done: "अपलोड हो गया",
    upload_wrong_type: "स्वीकार्य नहीं: केवल PDF, JPEG या PNG फ़ाइलें।",
    upload_too_large: "बहुत बड़ी: अधिकतम {n} MB।",
    upload_empty: "फ़ाइल खाली है।",
    upload_remove: "हटाएँ",
    upload_remove_named: "{name} हटाएँ",
    upload_wait: "सभी संलग्नकों के अपलोड होने तक प्रतीक्षा करें, या विफल संलग्नक हटाएँ।",
    no_attachments: "कोई संलग्नक नहीं।",
    digitise_heading: "काग़ज़ी फ़ाइल का डिजिटलीकरण",
    digitise_hint: "जो फ़ाइल अब तक केवल काग़ज़ पर थी: उसकी पुरानी संख्या दें और उसके स्कैन किए गए खंड संलग्न करें।",
    old_number: "पुरानी फ़ाइल संख्या (काग़ज़ पर)",
    scanned_volumes: "स्कैन किए गए खंड",
    enclosures: "संलग्नक",
    earlier_enclosures: "पिछले संस्करण के संलग्नक",
    earlier_enclosures_hint: "जो संशोधित पत्र के साथ नहीं जाने चाहिए, उनका चिह्न हटाएँ।",
    diarised_flash: "प्राप्ति डायरी कर ली गई है। डायरी संख्या {n}।",
    no_diarise_posts: "आपके पास ऐसा कोई पद नहीं है जिस पर पत्र डायरी किए जा सकें।",

    receipt_title: "प्राप्ति",
    details_heading: "विवरण",
    diary_number: "डायरी संख्या",
    received_on: "प्राप्ति की तिथि",
    now_with: "वर्तमान में किसके पास",
    held_since: "कब से",
    priority: "प्राथमिकता",
    due_date: "नियत तिथि",
    forward_heading: "यह प्राप्ति आगे भेजें",
    department: "विभाग",
    office: "कार्यालय",
    post: "पद",
    choose_department: "विभाग चुनें",
    choose_office: "कार्यालय चुनें",
    choose_post: "पद चुनें",
    due_date_hint: "वैकल्पिक। वह तिथि जब तक प्राप्तकर्ता को कार्यवाही करनी है।",
    forward_button: "अग्रेषित करें",
    forwarded_flash: "प्राप्ति {post} को अग्रेषित कर दी गई है।",
    cannot_forward: "यह प्राप्ति आपके पद पर नहीं है, इसलिए आप इसे आगे नहीं भेज सकते।",
    history_heading: "संचलन इतिहास",
    history_empty: "अभी तक कोई संचलन नहीं हुआ है।",
    col_seq: "क्रम",
    col_action: "कार्यवाही",
    col_from_to: "से → को",
    col_by: "द्वारा",
    col_remarks: "टिप्पणी",
    col_time: "समय",
    invalid_receipt_id: "यह किसी प्राप्ति का मान्य पता नहीं है।",

    err_form: "कृपया नीचे दी गई त्रुटियाँ ठीक करके फिर से भेजें।",
    err_required: "यह फ़ील्ड भरना अनिवार्य है।",
    err_too_long: "अधिकतम {n} अक्षर लिखें।",
    err_control_chars: "विशेष नियंत्रण वर्ण हटाएँ।",
    err_date_invalid: "मान्य तिथि दर्ज करें।",
    err_date_future: "पत्र की तिथि भविष्य की नहीं हो सकती।",
    err_date_past: "नियत तिथि बीती हुई नहीं हो सकती।",
    err_choose: "दिए गए विकल्पों में से एक चुनें।",
    err_rejected: "यह मान स्वीकार नहीं किया गया। कृपया इसे जाँचें।",

    err_invalid: "कुछ विवरण मान्य नहीं हैं। कृपया उन्हें जाँचें।",
    err_bad_credentials: "कर्मचारी आईडी या पासवर्ड गलत है।",
    err_rate_limited: "बहुत अधिक असफल प्रयास हुए हैं। कुछ मिनट रुककर फिर से प्रयास करें।",
    err_unauthenticated: "आपका सत्र समाप्त हो गया है। कृपया फिर से साइन इन करें।",
    err_bad_origin: "यह अनुरोध रोक दिया गया क्योंकि यह दफ़्तर से नहीं आया था।",
    err_forbidden: "आपको यह कार्य करने की अनुमति नहीं है।",
    err_not_found: "नहीं मिला। हो सकता है यह मौजूद न हो या पता गलत हो।",
    err_conflict: "किसी अन्य ने यह प्राप्ति आगे भेज दी है; पृष्ठ पुनः लोड किया गया।",
    err_wrong_state: "इस स्थिति में यह कार्य नहीं किया जा सकता।",
    err_idempotency_key_reused: "यह प्रविष्टि पिछली प्रविष्टि से टकरा गई। कृपया फिर से भेजें।",
    err_in_progress: "आपकी पिछली प्रविष्टि पर अभी कार्यवाही चल रही है। कृपया थोड़ा रुकें।",
    err_internal: "हमारी ओर से कोई त्रुटि हुई। कृपया फिर से प्रयास करें।",
    err_unavailable: "सेवा अभी व्यस्त है। कृपया थोड़ी देर बाद प्रयास करें।",
    err_network: "सर्वर से संपर्क नहीं हो सका। अपना इंटरनेट कनेक्शन जाँचकर फिर से प्रयास करें।",
    err_unexpected: "सर्वर से अनपेक्षित उत्तर मिला। कृपया फिर से प्रयास करें।",

    mode_post: "डाक",
    mode_hand: "दस्ती",
    mode_email: "ई-मेल",
    mode_courier: "कूरियर",
    mode_fax: "फ़ैक्स",
    mode_portal: "पोर्टल",
    category_general: "सामान्य",
    category_government_letter: "शासकीय पत्र",
    category_rti: "सूचना का अधिकार (आरटीआई) आवेदन",
    category_court_case: "न्यायालय प्रकरण",
    category_vip_reference: "वीआईपी संदर्भ",
    category_grievance: "शिकायत",
    priority_normal: "सामान्य",
    priority_urgent: "अत्यावश्यक",
    priority_most_immediate: "तत्काल",
    action_diarised: "डायरी की गई",
    action_forwarded: "अग्रेषित की गई",
    dept_kind_department: "विभाग",
    dept_kind_corporation: "निगम",
    medium_note: "काग़ज़ी फ़ाइल",
    medium_label: "माध्यम",
    medium_electronic: "इलेक्ट्रॉनिक",
    medium_physical: "काग़ज़ी (यहाँ केवल संचलन दर्ज)",
    classification_label: "सुरक्षा श्रेणी",
    classification_normal: "साधारण",
    classification_confidential: "गोपनीय",
    classification_secret: "गुप्त",
    classification_top_secret: "परम गुप्त",
    receive_button: "काग़ज़ी फ़ाइल प्राप्त हुई",
    file_received_flash: "काग़ज़ी फ़ाइल प्राप्त दर्ज कर ली गई है।",
    file_status_merged: "विलय की गई",
    event_received: "काग़ज़ी फ़ाइल प्राप्त हुई",
    event_merged: "दूसरी फ़ाइल इसमें विलय की गई",
    event_merged_into: "मुख्य फ़ाइल में विलय की गई",
    event_continued_in: "नए खंड में जारी",
    event_part_opened: "भाग फ़ाइल खोली गई",
    event_draft_approved: "प्रारूप अनुमोदित",
    event_draft_issued: "प्रारूप जारी",
    break_document_changed: "कोई हस्ताक्षरित टिप्पणी या अनुमोदित प्रारूप अब मुहरबंद पाठ से मेल नहीं खाता।",

    nav_files: "फ़ाइलें",
    nav_new_file: "नई फ़ाइल",
    cancel: "रद्द करें",
    close_dialog: "यह संवाद बंद करें",
    files_tab: "फ़ाइलें",
    receipts_tab: "प्राप्तियाँ",
    files_show: "दिखाएँ",
    view_inbox: "आवक",
    view_parked: "पार्क की गईं",
    view_sent: "भेजी गईं",
    view_created: "बनाई गईं",
    view_closed: "बंद",
    sort_by: "क्रम",
    sort_newest: "नवीनतम पहले",
    sort_oldest: "सबसे पुरानी पहले",
    sort_priority: "प्राथमिकता के अनुसार",
    new_file_link: "नई फ़ाइल",
    unread: "अपठित",
    files_empty_inbox: "इस पद पर कोई फ़ाइल लंबित नहीं है।",
    files_empty_parked: "इस पद पर कोई फ़ाइल पार्क नहीं की गई है।",
    files_empty_sent: "इस पद से कोई फ़ाइल नहीं भेजी गई है।",
    files_empty_created: "इस पद पर कोई फ़ाइल नहीं बनाई गई है।",
    files_empty_closed: "इस पद पर बनाई गई कोई फ़ाइल बंद नहीं की गई है।",
    col_sent_to: "किसे भेजी",
    col_parked_on: "पार्क करने का समय",
    col_sent_on: "भेजने का समय",
    col_created_on: "बनाने का समय",
    col_closed_on: "बंद करने का समय",
    file_number: "फ़ाइल संख्या",
    new_file_title: "नई फ़ाइल खोलें",
    new_file_intro: "फ़ाइल को आपके विभाग की फ़ाइल योजना में अगली संख्या मिलेगी और यह आपकी मेज़ से शुरू होगी।",
    opening_at: "फ़ाइल इस पद पर खोली जा रही है:",
    opening_post: "फ़ाइल खोलने वाला पद",
    subject_head: "विषय शीर्ष",
    subject_head_hint: "आपके विभाग की फ़ाइल योजना का शीर्ष, जैसे GEN या BUDGET।",
    create_file_button: "फ़ाइल बनाएँ",
    file_created_flash: "फ़ाइल खोल दी गई है। फ़ाइल संख्या {n}।",
    file_title: "फ़ाइल",
    invalid_file_id: "यह किसी फ़ाइल का मान्य पता नहीं है।",
    status: "स्थिति",
    where_is_file: "यह फ़ाइल कहाँ है?",
    print_note_sheet: "टिप्पणी पत्रक छापें",
    file_actions: "फ़ाइल पर कार्यवाही",
    file_read_only: "आप यह फ़ाइल पढ़ सकते हैं, पर यह आपकी मेज़ पर नहीं है, इसलिए आप इस पर कार्यवाही नहीं कर सकते।",
    send_button: "भेजें",
    recall_button: "वापस मँगाएँ",
    park_button: "पार्क करें",
    unpark_button: "पार्क से निकालें",
    close_button: "फ़ाइल बंद करें",
    reopen_button: "फिर से खोलें",
    attach_button: "प्राप्ति संलग्न करें",
    link_button: "फ़ाइल संबद्ध करें",
    send_title: "यह फ़ाइल भेजें",
    recall_title: "यह फ़ाइल वापस मँगाएँ",
    park_title: "यह फ़ाइल पार्क करें",
    unpark_title: "यह फ़ाइल पार्क से निकालें",
    close_title: "यह फ़ाइल बंद करें",
    reopen_title: "यह फ़ाइल फिर से खोलें",
    attach_title: "इस फ़ाइल में प्राप्ति संलग्न करें",
    link_title: "दूसरी फ़ाइल संबद्ध करें",
    recall_intro: "प्राप्तकर्ता के फ़ाइल खोलने तक आप इसे वापस मँगा सकते हैं।",
    park_intro: "पार्क की गई फ़ाइल आपकी मेज़ पर प्रतीक्षा में रहती है (जैसे किसी उत्तर की) और उस पर काम चलता हुआ नहीं माना जाता।",
    unpark_intro: "फ़ाइल काम के लिए फिर से आपकी आवक में आ जाएगी।",
    close_intro: "बंद करने से निर्णय दर्ज हो जाता है; फिर से खोले जाने तक फ़ाइल पर कुछ नहीं होगा।",
    reopen_intro: "फ़ाइल आपकी मेज़ पर फिर से सक्रिय हो जाएगी।",
    close_reason: "बंद करने का कारण",
    attach_intro: "फ़ाइल रखने वाली मेज़ पर लंबित कोई प्राप्ति चुनें। अब से यह फ़ाइल के साथ ही चलेगी।",
    attach_legend: "इस मेज़ पर लंबित प्राप्तियाँ",
    attach_none: "इस मेज़ पर कोई प्राप्ति लंबित नहीं है।",
    link_intro: "संबद्ध फ़ाइलें अलग रहती हैं और अपने-अपने रास्ते चलती हैं; हर एक में दूसरी दिखती है।",
    link_number_hint: "फ़ाइल पर लिखी संख्या ज्यों की त्यों लिखें।",
    find_button: "खोजें",
    link_confirm: "यह फ़ाइल संबद्ध करें",
    levels_warning: "यह फ़ाइल पहले ही {n} मेज़ों से गुज़र चुकी है। डीएआरपीजी के दिशानिर्देशों के अनुसार फ़ाइल पर निर्णय अधिकतम चार स्तरों में हो जाना चाहिए: विचार करें कि क्या इसे आगे भेजना आवश्यक है।",
    err_file_changed: "आपके खोलने के बाद किसी अन्य ने यह फ़ाइल बदल दी है। नवीनतम स्थिति देखने के लिए इसे पुनः लोड करें, फिर से प्रयास करें।",
    err_file_refused: "फ़ाइल की वर्तमान स्थिति में यह संभव नहीं है। इसकी स्थिति देखने के लिए इसे पुनः लोड करें।",
    reload_file: "फ़ाइल पुनः लोड करें",
    file_sent_flash: "फ़ाइल {post} को भेज दी गई है।",
    file_recalled_flash: "फ़ाइल वापस मँगा ली गई है; यह फिर आपकी मेज़ पर है।",
    file_parked_flash: "फ़ाइल पार्क कर दी गई है।",
    file_unparked_flash: "फ़ाइल पार्क से निकाल ली गई है।",
    file_closed_flash: "फ़ाइल बंद कर दी गई है।",
    file_reopened_flash: "फ़ाइल फिर से खोल दी गई है।",
    note_saved_flash: "टिप्पणी का मसौदा सहेज लिया गया है।",
    note_signed_flash: "टिप्पणी पैरा {n} के रूप में हस्ताक्षरित हो गई है।",
    note_discarded_flash: "टिप्पणी का मसौदा हटा दिया गया है।",
    receipt_attached_flash: "प्राप्ति फ़ाइल में संलग्न कर दी गई है।",
    file_linked_flash: "फ़ाइलें संबद्ध कर दी गई हैं।",
    file_merged_flash: "फ़ाइल {n} इस फ़ाइल में विलय कर दी गई है।",
    volume_opened_flash: "नया खंड खोला गया; पिछला खंड बंद हो गया है।",
    part_opened_flash: "आपकी डेस्क पर भाग फ़ाइल खोली गई।",
    new_volume_confirm: "इससे वर्तमान खंड स्थायी रूप से बंद होगा और अगला खंड खुलेगा। जारी रखें?",
    new_volume_yes: "हाँ, नया खंड खोलें",
    note_sheet_heading: "टिप्पणी पत्रक",
    notes_empty: "अभी तक कोई टिप्पणी नहीं है।",
    para_label: "पैरा {n}",
    receipt_ref_label: "प्राप्ति {n}",
    flags_label: "संदर्भ",
    flags_legend: "संदर्भ चिह्नित करें (वैकल्पिक)",
    draft_label: "मसौदा — हस्ताक्षर नहीं हुए",
    to_be_signed_by: "हस्ताक्षरकर्ता: {post}",
    drafted_by: "{name} द्वारा तैयार",
    sign_button: "हस्ताक्षर करें",
    edit_button: "संपादित करें",
    discard_button: "हटाएँ",
    discard_confirm: "यह मसौदा हटाएँ?",
    discard_yes: "हाँ, हटाएँ",
    discard_no: "रहने दें",
    new_note_heading: "टिप्पणी लिखें",
    edit_note_heading: "मसौदा संपादित करें",
    note_text: "टिप्पणी",
    sign_as_label: "किसके हस्ताक्षर हेतु (पद आईडी)",
    sign_as_hint: "वैकल्पिक। स्वयं हस्ताक्षर करने के लिए खाली छोड़ें; किसी अधिकारी के लिए मसौदा बनाते समय उनका पद लिखें, जैसे FIN-HQ-DS।",
    save_draft: "मसौदा सहेजें",
    save_changes: "परिवर्तन सहेजें",
    correspondence_heading: "पत्राचार",
    receipts_in_file: "प्राप्तियाँ",
    no_receipts_in_file: "इस फ़ाइल में अभी कोई प्राप्ति नहीं है।",
    linked_files: "संबद्ध फ़ाइलें",
    no_linked_files: "कोई संबद्ध फ़ाइल नहीं है।",
    put_in_on: "संलग्न करने का समय:",
    receipt_in_file: "यह प्राप्ति एक फ़ाइल में है और उसी के साथ चलती है।",
    open_the_file: "फ़ाइल खोलें",
    track_title: "मेरी फ़ाइल कहाँ है",
    track_heading: "फ़ाइल {n} कहाँ है?",
    back_to_file: "फ़ाइल पर वापस जाएँ",
    stays_heading: "जिन मेज़ों पर यह रही",
    col_desk: "मेज़ (पद)",
    col_left: "कब आगे गई",
    col_time_spent: "लगा समय",
    still_here: "अभी यहीं है",
    so_far: "अब तक {time}",
    file_history_heading: "पूरा इतिहास",
    col_event: "घटना",
    verify_heading: "क्या इतिहास अक्षुण्ण है?",
    verify_intro: "हर प्रविष्टि में पिछली प्रविष्टि की छाप (हैश) होती है, इसलिए शृंखला की दोबारा गणना करने पर बाद में बदली या हटाई गई प्रविष्टि पकड़ में आ जाती है।",
    verify_button: "इतिहास सत्यापित करें",
    verify_intact: "इतिहास अक्षुण्ण है: सभी {n} प्रविष्टियाँ सही हैं।",
    verify_broken: "प्रविष्टि {n} पर इतिहास खंडित है:",
    break_content_changed: "प्रविष्टि लिखे जाने के बाद बदली गई है।",
    break_link_broken: "इससे पहले की कोई प्रविष्टि हटाई, जोड़ी या आगे-पीछे की गई है।",
    break_truncated: "अंत की प्रविष्टियाँ गायब हैं।",
    print_title: "छपाई हेतु टिप्पणी पत्रक",
    print_button: "छापें",
    action_put_in_file: "फ़ाइल में संलग्न की गई",
    action_closed: "बंद की गई",
    action_received: "मूल पत्र प्राप्त हुआ",
    file_category_general: "सामान्य",
    file_category_policy: "नीति",
    file_category_establishment: "स्थापना",
    file_category_budget: "बजट",
    file_category_procurement: "क्रय",
    file_category_legal: "विधि",
    file_category_rti: "सूचना का अधिकार",
    file_category_grievance: "शिकायत",
    file_status_active: "सक्रिय",
    file_status_parked: "पार्क की गई",
    file_status_closed: "बंद",
    event_created: "बनाई गई",
    event_opened: "प्राप्तकर्ता ने खोली",
    event_sent: "भेजी गई",
    event_recalled: "वापस मँगाई गई",
    event_parked: "पार्क की गई",
    event_unparked: "पार्क से निकाली गई",
    event_closed: "बंद की गई",
    event_reopened: "फिर से खोली गई",
    event_linked: "दूसरी फ़ाइल से संबद्ध",
    event_receipt_attached: "प्राप्ति संलग्न की गई",
    event_note_signed: "टिप्पणी पर हस्ताक्षर",
    unit_day_one: "दिन",
    unit_day_many: "दिन",
    unit_hour_one: "घंटा",
    unit_hour_many: "घंटे",
    unit_minute_one: "मिनट",
    unit_minute_many: "मिनट",
    under_a_minute: "एक मिनट से कम",
    err_invalid_code: "केवल A–Z अक्षर, अंक और हाइफ़न लिखें, बिना रिक्त स्थान के।",
    err_too_many: "अधिकतम {n} चुनें।",
    err_no_such_file: "इस संख्या की कोई फ़ाइल नहीं है, या आप उसे नहीं देख सकते।",
    err_same_file: "यह तो यही फ़ाइल है।",
    leave: leave::HI,
    control: control::HI,
    kms: kms::HI,
    pims: pims::HI,
    reports: reports::HI,
    admin: admin::HI,
};

impl Texts {
    pub fn mode(&self, mode: ReceiptMode) -> &'static str {
        match mode {
            ReceiptMode::Post => self.mode_post,
            ReceiptMode::Hand => self.mode_hand,
            ReceiptMode::Email => self.mode_email,
            ReceiptMode::Courier => self.mode_courier,
            ReceiptMode::Fax => self.mode_fax,
            ReceiptMode::Portal => self.mode_portal,
        }
    }

    pub fn category(&self, category: ReceiptCategory) -> &'static str {
        match category {
            ReceiptCategory::General => self.category_general,
            ReceiptCategory::GovernmentLetter => self.category_government_letter,
            ReceiptCategory::Rti => self.category_rti,
            ReceiptCategory::CourtCase => self.category_court_case,
            ReceiptCategory::VipReference => self.category_vip_reference,
            ReceiptCategory::Grievance => self.category_grievance,
        }
    }

    pub fn priority(&self, priority: Priority) -> &'static str {
        match priority {
            Priority::Normal => self.priority_normal,
            Priority::Urgent => self.priority_urgent,
            Priority::MostImmediate => self.priority_most_immediate,
        }
    }

    pub fn action(&self, action: MovementAction) -> &'static str {
        match action {
            MovementAction::Diarised => self.action_diarised,
            MovementAction::Forwarded => self.action_forwarded,
            MovementAction::PutInFile => self.action_put_in_file,
            MovementAction::Closed => self.action_closed,
            MovementAction::Received => self.action_received,
        }
    }

    pub fn file_category(&self, category: FileCategory) -> &'static str {
        match category {
            FileCategory::General => self.file_category_general,
            FileCategory::Policy => self.file_category_policy,
            FileCategory::Establishment => self.file_category_establishment,
            FileCategory::Budget => self.file_category_budget,
            FileCategory::Procurement => self.file_category_procurement,
            FileCategory::Legal => self.file_category_legal,
            FileCategory::Rti => self.file_category_rti,
            FileCategory::Grievance => self.file_category_grievance,
        }
    }

    pub fn classification(&self, classification: Classification) -> &'static str {
        match classification {
            Classification::Normal => self.classification_normal,
            Classification::Confidential => self.classification_confidential,
            Classification::Secret => self.classification_secret,
            Classification::TopSecret => self.classification_top_secret,
        }
    }

    pub fn medium(&self, medium: Medium) -> &'static str {
        match medium {
            Medium::Electronic => self.medium_electronic,
            Medium::Physical => self.medium_physical,
        }
    }

    pub fn file_status(&self, status: FileStatus) -> &'static str {
        match status {
            FileStatus::Active => self.file_status_active,
            FileStatus::Parked => self.file_status_parked,
            FileStatus::Closed => self.file_status_closed,
            FileStatus::Merged => self.file_status_merged,
        }
    }

    /// The type of a file history entry.
    pub fn file_event(&self, kind: &FileEventKind) -> &'static str {
        match kind {
            FileEventKind::Created { .. } => self.event_created,
            FileEventKind::Opened => self.event_opened,
            FileEventKind::Sent => self.event_sent,
            FileEventKind::Recalled => self.event_recalled,
            FileEventKind::Parked => self.event_parked,
            FileEventKind::Unparked => self.event_unparked,
            FileEventKind::Closed { .. } => self.event_closed,
            FileEventKind::Reopened => self.event_reopened,
            FileEventKind::Linked { .. } => self.event_linked,
            FileEventKind::ReceiptAttached { .. } => self.event_receipt_attached,
            FileEventKind::NoteSigned { .. } => self.event_note_signed,
            FileEventKind::Received => self.event_received,
            FileEventKind::Merged { .. } => self.event_merged,
            FileEventKind::MergedInto { .. } => self.event_merged_into,
            FileEventKind::ContinuedIn { .. } => self.event_continued_in,
            FileEventKind::PartOpened { .. } => self.event_part_opened,
            FileEventKind::DraftApproved { .. } => self.event_draft_approved,
            FileEventKind::DraftIssued { .. } => self.event_draft_issued,
        }
    }

    pub fn break_reason(&self, reason: BreakReason) -> &'static str {
        match reason {
            BreakReason::ContentChanged => self.break_content_changed,
            BreakReason::LinkBroken => self.break_link_broken,
            BreakReason::DocumentChanged => self.break_document_changed,
            BreakReason::Truncated => self.break_truncated,
        }
    }

    /// A span of time in words: "2 days 3 hours".
    pub fn duration(&self, seconds: i64) -> String {
        let words = DurationWords {
            day: (self.unit_day_one, self.unit_day_many),
            hour: (self.unit_hour_one, self.unit_hour_many),
            minute: (self.unit_minute_one, self.unit_minute_many),
            under_a_minute: self.under_a_minute,
        };
        humanise_seconds(seconds, &words)
    }

    pub fn dept_kind(&self, kind: DeptKind) -> &'static str {
        match kind {
            DeptKind::Department => self.dept_kind_department,
            DeptKind::Corporation => self.dept_kind_corporation,
        }
    }

    pub fn dispatch_mode(&self, mode: DispatchMode) -> &'static str {
        match mode {
            DispatchMode::OrdinaryPost => self.dm_ordinary_post,
            DispatchMode::RegisteredPost => self.dm_registered_post,
            DispatchMode::SpeedPost => self.dm_speed_post,
            DispatchMode::Email => self.dm_email,
            DispatchMode::Hand => self.dm_hand,
            DispatchMode::Courier => self.dm_courier,
            DispatchMode::Portal => self.dm_portal,
        }
    }

    /// The message for an error code from the server.
    pub fn error(&self, code: ErrorCode) -> &'static str {
        match code {
            ErrorCode::Invalid => self.err_invalid,
            ErrorCode::BadCredentials => self.err_bad_credentials,
            ErrorCode::RateLimited => self.err_rate_limited,
            ErrorCode::Unauthenticated => self.err_unauthenticated,
            ErrorCode::BadOrigin => self.err_bad_origin,
            ErrorCode::Forbidden => self.err_forbidden,
            ErrorCode::NotFound => self.err_not_found,
            ErrorCode::Conflict => self.err_conflict,
            ErrorCode::WrongState => self.err_wrong_state,
            ErrorCode::IdempotencyKeyReused => self.err_idempotency_key_reused,
            ErrorCode::InProgress => self.err_in_progress,
            ErrorCode::Internal => self.err_internal,
            ErrorCode::Unavailable => self.err_unavailable,
        }
    }
}

/// Why a form field was refused, independent of language; rendered with [`Texts::field_error`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldError {
    Required,
    TooLong(usize),
    ControlCharacters,
    InvalidDate,
    DateInFuture,
    DateInPast,
    Choose,
    /// Not a code of A-Z, 0-9 and '-' (a post ID, a subject head).
    InvalidCode,
    /// More choices than the limit.
    TooMany(usize),
    /// No file has the number typed.
    NoSuchFile,
    /// The file named is the one on screen.
    SameFile,
    /// The server refused the value (a 422 naming this field).
    Rejected,
}

impl From<InvalidText> for FieldError {
    fn from(error: InvalidText) -> Self {
        match error {
            InvalidText::Empty { .. } => FieldError::Required,
            InvalidText::TooLong { max, .. } => FieldError::TooLong(max),
            InvalidText::ControlCharacters { .. } => FieldError::ControlCharacters,
        }
    }
}

impl Texts {
    pub fn field_error(&self, error: FieldError) -> String {
        match error {
            FieldError::Required => self.err_required.to_owned(),
            FieldError::TooLong(max) => fill(self.err_too_long, "{n}", &max.to_string()),
            FieldError::ControlCharacters => self.err_control_chars.to_owned(),
            FieldError::InvalidDate => self.err_date_invalid.to_owned(),
            FieldError::DateInFuture => self.err_date_future.to_owned(),
            FieldError::DateInPast => self.err_date_past.to_owned(),
            FieldError::Choose => self.err_choose.to_owned(),
            FieldError::InvalidCode => self.err_invalid_code.to_owned(),
            FieldError::TooMany(max) => fill(self.err_too_many, "{n}", &max.to_string()),
            FieldError::NoSuchFile => self.err_no_such_file.to_owned(),
            FieldError::SameFile => self.err_same_file.to_owned(),
            FieldError::Rejected => self.err_rejected.to_owned(),
        }
    }
}

/// Fills one placeholder of a template.
pub fn fill(template: &str, placeholder: &str, value: &str) -> String {
    template.replace(placeholder, value)
}

/// The language in use, shared through context.
#[derive(Debug, Clone, Copy)]
pub struct I18n {
    locale: RwSignal<Locale>,
}

const STORAGE_KEY: &str = "daftar.locale";

impl I18n {
    /// Starts with the stored choice (English if none) and keeps `<html lang>` and storage in step.
    pub fn provide() -> Self {
        let i18n = I18n {
            locale: RwSignal::new(stored_locale().unwrap_or_default()),
        };
        Effect::new(move |_| {
            let locale = i18n.locale.get();
            if let Some(root) = document().document_element() {
                let _ = root.set_attribute("lang", locale.tag());
            }
            if let Ok(Some(storage)) = window().local_storage() {
                let _ = storage.set_item(STORAGE_KEY, locale.tag());
            }
        });
        provide_context(i18n);
        i18n
    }

    pub fn locale(&self) -> Locale {
        self.locale.get()
    }

    pub fn set_locale(&self, locale: Locale) {
        self.locale.set(locale);
    }

    /// The texts of the current language (tracked: a view reading it follows the toggle).
    pub fn t(&self) -> &'static Texts {
        self.locale.get().texts()
    }

    /// A reactive view of one string: `{i18n.text(|t| t.sign_in)}`.
    pub fn text(self, pick: fn(&Texts) -> &'static str) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
        move || pick(self.t())
    }

    /// Chooses between a record's English and Hindi text (tracked).
    pub fn pick<'a>(&self, en: &'a str, hi: &'a str) -> &'a str {
        match self.locale() {
            Locale::En => en,
            // Records may lack a Hindi name; English is better than a blank.
            Locale::Hi if hi.trim().is_empty() => en,
            Locale::Hi => hi,
        }
    }

    /// A post as people name it: "Section Officer (General Branch), Finance, Headquarters" (tracked).
    pub fn post_label(&self, label: &daftar_domain::wire::PostLabel) -> String {
        format!(
            "{}, {}",
            self.pick(&label.title_en, &label.title_hi),
            self.pick(&label.office_name_en, &label.office_name_hi)
        )
    }

    /// An official and the post they acted at: "Priya Malik — Deputy Secretary, Finance, Headquarters".
    pub fn acted_by(&self, who: &daftar_domain::wire::ActedBy) -> String {
        format!(
            "{} — {}",
            self.pick(&who.name_en, &who.name_hi),
            self.post_label(&who.post)
        )
    }
}

/// The language context; panics only if the app forgot to provide it, which is a bug.
pub fn use_i18n() -> I18n {
    expect_context::<I18n>()
}

fn stored_locale() -> Option<Locale> {
    let storage = window().local_storage().ok()??;
    Locale::from_tag(&storage.get_item(STORAGE_KEY).ok()??)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every field of a `Texts`, found through its Debug output so a new field cannot be missed.
    fn all_strings(texts: &Texts) -> Vec<(String, String)> {
        let debug = format!("{texts:#?}");
        debug
            .lines()
            .filter_map(|line| {
                let (name, value) = line.trim().split_once(": ")?;
                // A nested group (`leave: LeaveTexts {`, `kinds: [`) opens here; its strings follow.
                if value.ends_with('{') || value.ends_with('[') {
                    return None;
                }
                Some((
                    name.to_owned(),
                    value.trim_end_matches(',').trim_matches('"').to_owned(),
                ))
            })
            .collect()
    }

    #[test]
    fn no_text_is_empty_in_either_language() {
        for (locale, texts) in [("en", &EN), ("hi", &HI)] {
            let strings = all_strings(texts);
            assert!(strings.len() > 100, "expected every field, found {}", strings.len());
            for (name, value) in strings {
                assert!(!value.trim().is_empty(), "{locale}.{name} is empty");
            }
        }
    }

    #[test]
    fn hindi_is_actually_translated() {
        let en = all_strings(&EN);
        let hi = all_strings(&HI);
        // Symbols and the language toggle are the same or deliberately crossed; everything else
        // must differ, or someone pasted the English.
        let same: Vec<_> = en
            .iter()
            .zip(&hi)
            .filter(|(e, h)| e.1 == h.1 && e.1 != "—")
            .map(|(e, _)| e.0.clone())
            .collect();
        assert!(same.is_empty(), "untranslated: {same:?}");
        let devanagari = |s: &str| s.chars().any(|c| ('\u{0900}'..='\u{097F}').contains(&c));
        assert!(devanagari(HI.inbox_title) && devanagari(HI.forward_button) && devanagari(HI.priority_urgent));
    }

    #[test]
    fn templates_keep_their_placeholders() {
        for texts in [&EN, &HI] {
            assert!(texts.diarised_flash.contains("{n}"));
            assert!(texts.err_too_long.contains("{n}"));
            assert!(texts.forwarded_flash.contains("{post}"));
            for template in [
                texts.file_created_flash,
                texts.levels_warning,
                texts.note_signed_flash,
                texts.para_label,
                texts.receipt_ref_label,
                texts.track_heading,
                texts.verify_intact,
                texts.verify_broken,
                texts.err_too_many,
            ] {
                assert!(template.contains("{n}"), "{template}");
            }
            assert!(texts.file_sent_flash.contains("{post}") && texts.to_be_signed_by.contains("{post}"));
            assert!(texts.drafted_by.contains("{name}") && texts.so_far.contains("{time}"));
        }
        assert_eq!(EN.field_error(FieldError::TooLong(500)), "Use at most 500 characters.");
    }

    #[test]
    fn durations_are_written_in_each_language() {
        let seconds = 2 * 86_400 + 3 * 3600;
        assert_eq!(EN.duration(seconds), "2 days 3 hours");
        assert_eq!(HI.duration(seconds), "2 दिन 3 घंटे");
        assert_eq!(EN.duration(3600 + 60), "1 hour 1 minute");
        assert_eq!(HI.duration(3600), "1 घंटा");
        assert_eq!(HI.duration(10), "एक मिनट से कम");
    }

    #[test]
    fn the_toggle_names_the_other_language_in_that_language() {
        assert_eq!(EN.switch_language, "हिन्दी");
        assert_eq!(HI.switch_language, "English");
        assert_eq!(Locale::En.other(), Locale::Hi);
    }

    #[test]
    fn locale_tags_round_trip() {
        for locale in [Locale::En, Locale::Hi] {
            assert_eq!(Locale::from_tag(locale.tag()), Some(locale));
        }
        assert_eq!(Locale::from_tag("fr"), None);
    }

    #[test]
    fn every_error_code_has_a_message() {
        let codes = ErrorCode::ALL;
        for texts in [&EN, &HI] {
            let mut messages: Vec<_> = codes.iter().map(|c| texts.error(*c)).collect();
            messages.sort();
            messages.dedup();
            assert_eq!(messages.len(), codes.len(), "two codes share a message");
        }
        // The sign-in page's wrong-password message must say so in plain words.
        assert!(EN.error(ErrorCode::BadCredentials).to_lowercase().contains("password"));
    }
}
