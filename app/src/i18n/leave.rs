//! The e-Leave pages' strings, in English and Hindi, and the names of the leave rules' terms.

use daftar_domain::leave::application::{ApplicationEvent, ApplicationStatus, ChainStep};
use daftar_domain::leave::rules::{ApprovalAct, Approver, Document};
use daftar_domain::leave::LeaveKind;
use time::{Date, Month, Weekday};

/// Every e-Leave string. Templates hold `{n}`, `{kind}`, `{from}`, `{to}` or `{date}`.
#[derive(Debug)]
pub struct LeaveTexts {
    pub nav_leave: &'static str,
    pub nav_approvals: &'static str,
    pub home_title: &'static str,
    pub apply_button: &'static str,
    pub balances_heading: &'static str,
    pub balances_empty: &'static str,
    pub available: &'static str,
    pub reserved: &'static str,
    pub days_unit: &'static str,
    pub see_ledger: &'static str,
    pub my_applications: &'static str,
    pub applications_empty: &'static str,
    pub outbox_heading: &'static str,
    pub outbox_hint: &'static str,
    pub send_now: &'static str,
    pub saved_offline: &'static str,
    pub sent_from_outbox: &'static str,
    pub refused_from_outbox: &'static str,
    pub dismiss: &'static str,

    pub apply_title: &'static str,
    pub apply_intro: &'static str,
    pub kind_label: &'static str,
    pub from_label: &'static str,
    pub to_label: &'static str,
    pub half_day_start: &'static str,
    pub half_day_end: &'static str,
    pub half_days_legend: &'static str,
    pub prefix_label: &'static str,
    pub suffix_label: &'static str,
    pub joins_legend: &'static str,
    pub reason_label: &'static str,
    pub address_label: &'static str,
    pub address_hint: &'static str,
    pub documents_label: &'static str,
    pub submit_apply: &'static str,
    pub offline_notice: &'static str,
    pub err_to_before_from: &'static str,

    pub whatif_heading: &'static str,
    pub whatif_waiting: &'static str,
    pub whatif_counted: &'static str,
    pub whatif_calendar: &'static str,
    pub whatif_non_working: &'static str,
    pub whatif_prefix: &'static str,
    pub whatif_suffix: &'static str,
    pub whatif_balance: &'static str,
    pub whatif_not_debited: &'static str,
    pub whatif_documents: &'static str,
    pub whatif_chain: &'static str,
    pub whatif_back_dated: &'static str,
    pub whatif_refused: &'static str,
    pub applied_flash: &'static str,

    pub application_title: &'static str,
    pub col_kind: &'static str,
    pub col_dates: &'static str,
    pub col_days: &'static str,
    pub col_status: &'static str,
    pub col_applicant: &'static str,
    pub col_balance: &'static str,
    pub col_waiting_since: &'static str,
    pub applied_on: &'static str,
    pub debit_label: &'static str,
    pub chain_heading: &'static str,
    pub history_heading: &'static str,
    pub step_done: &'static str,
    pub step_current: &'static str,
    pub as_alternate: &'static str,
    pub remarks_label: &'static str,
    pub reject_reason_label: &'static str,
    pub reject_button: &'static str,
    pub withdraw_button: &'static str,
    pub cancel_leave_button: &'static str,
    pub curtail_heading: &'static str,
    pub curtail_to_label: &'static str,
    pub curtail_button: &'static str,
    pub acted_flash: &'static str,
    pub by_applicant: &'static str,

    pub inbox_title: &'static str,
    pub inbox_empty: &'static str,
    pub inbox_post: &'static str,
    pub open_application: &'static str,

    pub ledger_title: &'static str,
    pub ledger_empty: &'static str,
    pub col_on: &'static str,
    pub col_entry: &'static str,
    pub col_balance_after: &'static str,
    pub col_why: &'static str,
    pub credit: &'static str,
    pub credit_overflow: &'static str,
    pub debit: &'static str,
    pub lapse: &'static str,
    pub reversal: &'static str,
    pub why_accrual: &'static str,
    pub why_period_end: &'static str,
    pub why_leave: &'static str,
    pub why_cancelled: &'static str,
    pub why_opening: &'static str,
    pub why_correction: &'static str,
    pub rules_version: &'static str,
    pub whole_service: &'static str,
    pub back_to_leave: &'static str,

    pub calendar_title: &'static str,
    pub nav_calendar: &'static str,
    pub on_leave_today: &'static str,
    pub nobody_on_leave: &'static str,
    pub calendar_empty: &'static str,
    pub previous_month: &'static str,
    pub next_month: &'static str,
    pub away_count: &'static str,
    pub also_away: &'static str,
    pub roster_pending: &'static str,
    pub roster_sanctioned: &'static str,
    pub month_grid_caption: &'static str,

    pub acting_heading: &'static str,
    pub acting_intro: &'static str,
    pub acting_employee: &'static str,
    pub acting_give: &'static str,
    pub acting_held: &'static str,
    pub acting_end: &'static str,
    pub acting_banner: &'static str,

    pub modify_link: &'static str,
    pub modify_title: &'static str,
    pub modify_notice: &'static str,

    kinds: [&'static str; 11],
    acts: [&'static str; 3],
    /// The acts as done, for the history: "Recommended".
    acts_done: [&'static str; 3],
    pub applied: &'static str,
    approvers: [&'static str; 3],
    documents: [&'static str; 4],
    statuses: [&'static str; 6],
    months: [&'static str; 12],
    weekdays: [&'static str; 7],
}

impl LeaveTexts {
    pub fn kind(&self, kind: LeaveKind) -> &'static str {
        let at = LeaveKind::ALL.iter().position(|k| *k == kind).unwrap_or(0);
        self.kinds[at]
    }

    pub fn act(&self, act: ApprovalAct) -> &'static str {
        self.acts[act_index(act)]
    }

    pub fn act_done(&self, act: ApprovalAct) -> &'static str {
        self.acts_done[act_index(act)]
    }

    /// What one history entry records: applying, a step of the chain done, or the outcome.
    pub fn event(&self, event: &ApplicationEvent, chain: &[ChainStep]) -> String {
        match event.status {
            ApplicationStatus::Pending { step } if event.at_post.is_none() || step == 0 => self.applied.to_owned(),
            ApplicationStatus::Pending { step } => chain
                .get(usize::from(step) - 1)
                .map_or_else(String::new, |done| self.act_done(done.act).to_owned()),
            other => self.status(&other, None),
        }
    }

    pub fn approver(&self, approver: Approver) -> &'static str {
        self.approvers[match approver {
            Approver::ReportingOfficer => 0,
            Approver::ControllingOfficer => 1,
            Approver::Establishment => 2,
        }]
    }

    pub fn document(&self, document: Document) -> &'static str {
        self.documents[match document {
            Document::MedicalCertificate => 0,
            Document::ConfinementCertificate => 1,
            Document::BirthCertificate => 2,
            Document::JoiningReport => 3,
        }]
    }

    /// Where an application stands, in words; a pending one names who has it.
    pub fn status(&self, status: &ApplicationStatus, waiting_with: Option<Approver>) -> String {
        match status {
            ApplicationStatus::Pending { .. } => {
                let by = waiting_with.map(|by| self.approver(by)).unwrap_or_default();
                self.statuses[0].replace("{by}", by)
            }
            ApplicationStatus::Sanctioned => self.statuses[1].to_owned(),
            ApplicationStatus::Rejected => self.statuses[2].to_owned(),
            ApplicationStatus::Withdrawn => self.statuses[3].to_owned(),
            ApplicationStatus::Cancelled => self.statuses[4].to_owned(),
            ApplicationStatus::Curtailed { to } => self.statuses[5].replace("{date}", &self.date(*to)),
        }
    }

    /// `Fri 20 Mar 2026` or `शुक्र, 20 मार्च 2026`.
    pub fn date(&self, date: Date) -> String {
        let weekday = self.weekday_name(date.weekday());
        let month = self.month_name(date.month());
        format!("{weekday} {} {month} {}", date.day(), date.year())
    }

    /// A spell: one date, or `from – to`.
    pub fn spell(&self, from: Date, to: Date) -> String {
        if from == to {
            self.date(from)
        } else {
            format!("{} – {}", self.date(from), self.date(to))
        }
    }

    pub fn weekday_name(&self, day: Weekday) -> &'static str {
        self.weekdays[usize::from(day.number_days_from_monday())]
    }

    pub fn month_name(&self, month: Month) -> &'static str {
        self.months[usize::from(u8::from(month)) - 1]
    }
}

fn act_index(act: ApprovalAct) -> usize {
    match act {
        ApprovalAct::Recommend => 0,
        ApprovalAct::Approve => 1,
        ApprovalAct::Sanction => 2,
    }
}

/// Keeps the weekday table's order tied to `time`'s numbering.
const _: () = assert!(Weekday::Monday.number_days_from_monday() == 0);

pub const EN: LeaveTexts = LeaveTexts {
    nav_leave: "Leave",
    nav_approvals: "Leave to approve",
    home_title: "My leave",
    apply_button: "Apply for leave",
    balances_heading: "Balances",
    balances_empty: "No leave account has been opened for you yet. Ask the establishment section.",
    available: "available",
    reserved: "held for pending applications: {n}",
    days_unit: "days",
    see_ledger: "Ledger",
    my_applications: "My applications",
    applications_empty: "You have not applied for leave yet.",
    outbox_heading: "Waiting to be sent",
    outbox_hint: "These were filled in without a connection. They are sent by themselves when the connection returns.",
    send_now: "Send now",
    saved_offline: "No connection: your application for {kind} ({from}) is saved on this device and will be sent when the connection returns.",
    sent_from_outbox: "The connection returned: your application for {kind} ({from}) has been sent.",
    refused_from_outbox: "Your saved application for {kind} ({from}) was sent but not accepted: {reason}",
    dismiss: "Dismiss",

    apply_title: "Apply for leave",
    apply_intro: "Choose the kind of leave and the dates. You see the days counted and your balance before you send.",
    kind_label: "Kind of leave",
    from_label: "From",
    to_label: "To",
    half_day_start: "Afternoon only on the first day",
    half_day_end: "Forenoon only on the last day",
    half_days_legend: "Half days",
    prefix_label: "Join the holidays just before",
    suffix_label: "Join the holidays just after",
    joins_legend: "Holidays around the leave",
    reason_label: "Reason",
    address_label: "Address during leave",
    address_hint: "Where and how you can be reached.",
    documents_label: "Documents (medical certificate and the like)",
    submit_apply: "Send application",
    offline_notice: "You are offline. The application will be kept on this device and sent when the connection returns.",
    err_to_before_from: "The last day must not be before the first.",

    whatif_heading: "Before you send",
    whatif_waiting: "Choose the dates to see the days counted.",
    whatif_counted: "Days counted",
    whatif_calendar: "Calendar days",
    whatif_non_working: "Holidays and weekly offs inside",
    whatif_prefix: "Holidays joined before, from",
    whatif_suffix: "Holidays joined after, up to",
    whatif_balance: "{kind} balance: {from} → {to} days",
    whatif_not_debited: "Not debited from a leave account.",
    whatif_documents: "Documents required",
    whatif_chain: "Goes to",
    whatif_back_dated: "Back-dated: attach a joining report.",
    whatif_refused: "This leave cannot be applied for:",
    applied_flash: "Applied. Your application is with the {by} now.",

    application_title: "Leave application",
    col_kind: "Leave",
    col_dates: "Dates",
    col_days: "Days",
    col_status: "Status",
    col_applicant: "Applicant",
    col_balance: "Balance",
    col_waiting_since: "Waiting since",
    applied_on: "Applied on",
    debit_label: "Debited from",
    chain_heading: "Approvals",
    history_heading: "History",
    step_done: "done",
    step_current: "waiting here",
    as_alternate: "as alternate",
    remarks_label: "Remarks (optional)",
    reject_reason_label: "Reason for rejecting",
    reject_button: "Reject",
    withdraw_button: "Withdraw application",
    cancel_leave_button: "Cancel this leave",
    curtail_heading: "Rejoining early",
    curtail_to_label: "Leave now ends on",
    curtail_button: "Shorten the leave",
    acted_flash: "Done. The application now reads: {status}.",
    by_applicant: "Applicant",

    inbox_title: "Leave to approve",
    inbox_empty: "No leave application is waiting for you.",
    inbox_post: "At post",
    open_application: "Open",

    ledger_title: "Ledger",
    ledger_empty: "No entries yet.",
    col_on: "Date",
    col_entry: "Entry",
    col_balance_after: "Balance after",
    col_why: "Why",
    credit: "Credit {n}",
    credit_overflow: "({n} over the maximum, lapses at the half-year's end unless used)",
    debit: "Debit {n}",
    lapse: "Lapsed {n}",
    reversal: "Reversal {n} (of entry {of})",
    why_accrual: "Credit for {period}",
    why_period_end: "End of {period}: what cannot be carried forward lapses",
    why_leave: "{kind} on application",
    why_cancelled: "Cancelled or shortened: application",
    why_opening: "Opening balance from the service book, entered by",
    why_correction: "Correction by",
    rules_version: "rules {state} v{n}",
    whole_service: "whole service",
    back_to_leave: "Back to my leave",

    calendar_title: "Office leave calendar",
    nav_calendar: "Office leave",
    on_leave_today: "On leave today",
    nobody_on_leave: "Nobody in this office is on leave today.",
    calendar_empty: "No leave in this office this month.",
    previous_month: "Previous month",
    next_month: "Next month",
    away_count: "{n} away",
    also_away: "Also away from the office on these days",
    roster_pending: "applied",
    roster_sanctioned: "sanctioned",
    month_grid_caption: "Officials away each day",

    acting_heading: "Acting charge",
    acting_intro: "While you are away a colleague can act at your post, so files and approvals that arrive there are not stuck. The charge ends by itself when the leave ends.",
    acting_employee: "Colleague's employee ID",
    acting_give: "Give charge",
    acting_held: "{holder} holds the charge of {post}, {from} – {to}.",
    acting_end: "End acting charge",
    acting_banner: "You hold acting charge of {post} while {name} is on leave, until {date}.",

    modify_link: "Change the dates",
    modify_title: "Change leave dates",
    modify_notice: "This is a new request in place of your application for {spell}. That one stands until this one is sanctioned, and is then cancelled by itself.",

    kinds: [
        "Casual leave",
        "Restricted holiday",
        "Earned leave",
        "Half pay leave",
        "Commuted leave",
        "Leave not due",
        "Extraordinary leave",
        "Maternity leave",
        "Paternity leave",
        "Child care leave",
        "Special casual leave",
    ],
    acts: ["Recommend", "Approve", "Sanction"],
    acts_done: ["Recommended", "Approved", "Sanctioned"],
    applied: "Applied",
    approvers: ["Reporting officer", "Controlling officer", "Establishment section"],
    documents: [
        "Medical certificate",
        "Certificate of the date of confinement",
        "Child's birth certificate",
        "Joining report",
    ],
    statuses: [
        "With the {by}",
        "Sanctioned",
        "Rejected",
        "Withdrawn",
        "Cancelled",
        "Shortened to {date}",
    ],
    months: ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"],
    weekdays: ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"],
};

pub const HI: LeaveTexts = LeaveTexts {
    nav_leave: "अवकाश",
    nav_approvals: "स्वीकृति हेतु अवकाश",
    home_title: "मेरा अवकाश",
    apply_button: "अवकाश के लिए आवेदन करें",
    balances_heading: "शेष अवकाश",
    balances_empty: "आपका अवकाश खाता अभी नहीं खुला है। स्थापना शाखा से संपर्क करें।",
    available: "उपलब्ध",
    reserved: "लंबित आवेदनों हेतु रोका गया: {n}",
    days_unit: "दिन",
    see_ledger: "खाता-बही",
    my_applications: "मेरे आवेदन",
    applications_empty: "आपने अभी तक अवकाश के लिए आवेदन नहीं किया है।",
    outbox_heading: "भेजे जाने की प्रतीक्षा में",
    outbox_hint: "ये बिना कनेक्शन के भरे गए थे। कनेक्शन लौटते ही ये अपने-आप भेज दिए जाएँगे।",
    send_now: "अभी भेजें",
    saved_offline: "कनेक्शन नहीं है: {kind} ({from}) का आपका आवेदन इस उपकरण पर सहेजा गया है और कनेक्शन लौटने पर भेजा जाएगा।",
    sent_from_outbox: "कनेक्शन लौट आया: {kind} ({from}) का आपका आवेदन भेज दिया गया है।",
    refused_from_outbox: "{kind} ({from}) का आपका सहेजा गया आवेदन भेजा गया, पर स्वीकार नहीं हुआ: {reason}",
    dismiss: "हटाएँ",

    apply_title: "अवकाश के लिए आवेदन",
    apply_intro: "अवकाश का प्रकार और तिथियाँ चुनें। भेजने से पहले गिने जाने वाले दिन और आपका शेष अवकाश दिखेगा।",
    kind_label: "अवकाश का प्रकार",
    from_label: "से",
    to_label: "तक",
    half_day_start: "पहले दिन केवल अपराह्न",
    half_day_end: "अंतिम दिन केवल पूर्वाह्न",
    half_days_legend: "आधे दिन",
    prefix_label: "ठीक पहले की छुट्टियाँ जोड़ें",
    suffix_label: "ठीक बाद की छुट्टियाँ जोड़ें",
    joins_legend: "अवकाश के आसपास की छुट्टियाँ",
    reason_label: "कारण",
    address_label: "अवकाश के दौरान पता",
    address_hint: "कहाँ और कैसे आपसे संपर्क हो सकता है।",
    documents_label: "दस्तावेज़ (चिकित्सा प्रमाण-पत्र आदि)",
    submit_apply: "आवेदन भेजें",
    offline_notice: "आप ऑफ़लाइन हैं। आवेदन इस उपकरण पर रखा जाएगा और कनेक्शन लौटने पर भेजा जाएगा।",
    err_to_before_from: "अंतिम दिन पहले दिन से पहले नहीं हो सकता।",

    whatif_heading: "भेजने से पहले",
    whatif_waiting: "गिने जाने वाले दिन देखने के लिए तिथियाँ चुनें।",
    whatif_counted: "गिने गए दिन",
    whatif_calendar: "कैलेंडर दिन",
    whatif_non_working: "बीच में छुट्टियाँ और साप्ताहिक अवकाश",
    whatif_prefix: "पहले जोड़ी गई छुट्टियाँ, से",
    whatif_suffix: "बाद में जोड़ी गई छुट्टियाँ, तक",
    whatif_balance: "{kind} शेष: {from} → {to} दिन",
    whatif_not_debited: "किसी अवकाश खाते से नहीं घटता।",
    whatif_documents: "आवश्यक दस्तावेज़",
    whatif_chain: "कहाँ जाएगा",
    whatif_back_dated: "पिछली तिथि का आवेदन: कार्यभार ग्रहण रिपोर्ट संलग्न करें।",
    whatif_refused: "इस अवकाश के लिए आवेदन नहीं हो सकता:",
    applied_flash: "आवेदन हो गया। आपका आवेदन अब {by} के पास है।",

    application_title: "अवकाश आवेदन",
    col_kind: "अवकाश",
    col_dates: "तिथियाँ",
    col_days: "दिन",
    col_status: "स्थिति",
    col_applicant: "आवेदक",
    col_balance: "शेष",
    col_waiting_since: "कब से लंबित",
    applied_on: "आवेदन की तिथि",
    debit_label: "किस खाते से घटेगा",
    chain_heading: "स्वीकृतियाँ",
    history_heading: "इतिहास",
    step_done: "पूर्ण",
    step_current: "यहाँ लंबित",
    as_alternate: "वैकल्पिक अधिकारी के रूप में",
    remarks_label: "टिप्पणी (वैकल्पिक)",
    reject_reason_label: "अस्वीकार करने का कारण",
    reject_button: "अस्वीकार करें",
    withdraw_button: "आवेदन वापस लें",
    cancel_leave_button: "यह अवकाश रद्द करें",
    curtail_heading: "जल्दी कार्यभार ग्रहण",
    curtail_to_label: "अवकाश अब इस दिन समाप्त",
    curtail_button: "अवकाश घटाएँ",
    acted_flash: "हो गया। आवेदन की स्थिति: {status}।",
    by_applicant: "आवेदक",

    inbox_title: "स्वीकृति हेतु अवकाश",
    inbox_empty: "आपके पास कोई अवकाश आवेदन लंबित नहीं है।",
    inbox_post: "पद",
    open_application: "खोलें",

    ledger_title: "खाता-बही",
    ledger_empty: "अभी कोई प्रविष्टि नहीं।",
    col_on: "तिथि",
    col_entry: "प्रविष्टि",
    col_balance_after: "बाद में शेष",
    col_why: "कारण",
    credit: "जमा {n}",
    credit_overflow: "({n} अधिकतम से ऊपर, उपयोग न होने पर छमाही के अंत में व्यपगत)",
    debit: "नामे {n}",
    lapse: "व्यपगत {n}",
    reversal: "वापसी {n} (प्रविष्टि {of} की)",
    why_accrual: "{period} का जमा",
    why_period_end: "{period} का अंत: जो आगे नहीं ले जाया जा सकता वह व्यपगत",
    why_leave: "{kind}, आवेदन",
    why_cancelled: "रद्द या घटाया गया: आवेदन",
    why_opening: "सेवा पुस्तिका से प्रारंभिक शेष, प्रविष्टि",
    why_correction: "सुधार",
    rules_version: "नियम {state} सं. {n}",
    whole_service: "संपूर्ण सेवा",
    back_to_leave: "मेरे अवकाश पर लौटें",

    calendar_title: "कार्यालय अवकाश कैलेंडर",
    nav_calendar: "कार्यालय अवकाश",
    on_leave_today: "आज अवकाश पर",
    nobody_on_leave: "आज इस कार्यालय में कोई अवकाश पर नहीं है।",
    calendar_empty: "इस माह इस कार्यालय में कोई अवकाश नहीं।",
    previous_month: "पिछला माह",
    next_month: "अगला माह",
    away_count: "{n} अनुपस्थित",
    also_away: "इन दिनों कार्यालय से अन्य अनुपस्थित",
    roster_pending: "आवेदित",
    roster_sanctioned: "स्वीकृत",
    month_grid_caption: "प्रत्येक दिन अनुपस्थित अधिकारी",

    acting_heading: "कार्यवाहक प्रभार",
    acting_intro: "आपकी अनुपस्थिति में कोई सहकर्मी आपके पद पर कार्य कर सकता है, ताकि वहाँ आने वाली फ़ाइलें और स्वीकृतियाँ न रुकें। अवकाश समाप्त होते ही प्रभार अपने-आप समाप्त हो जाता है।",
    acting_employee: "सहकर्मी का कर्मचारी आईडी",
    acting_give: "प्रभार दें",
    acting_held: "{holder} के पास {post} का प्रभार है, {from} – {to}।",
    acting_end: "कार्यवाहक प्रभार समाप्त करें",
    acting_banner: "{name} के अवकाश पर रहने तक, {date} तक, {post} का कार्यवाहक प्रभार आपके पास है।",

    modify_link: "तिथियाँ बदलें",
    modify_title: "अवकाश की तिथियाँ बदलें",
    modify_notice: "यह {spell} के आपके आवेदन के स्थान पर नया अनुरोध है। वह आवेदन इसकी स्वीकृति तक यथावत रहेगा, फिर अपने-आप रद्द हो जाएगा।",

    kinds: [
        "आकस्मिक अवकाश",
        "प्रतिबंधित अवकाश",
        "अर्जित अवकाश",
        "अर्ध वेतन अवकाश",
        "परिवर्तित अवकाश",
        "अदेय अवकाश",
        "असाधारण अवकाश",
        "प्रसूति अवकाश",
        "पितृत्व अवकाश",
        "शिशु देखभाल अवकाश",
        "विशेष आकस्मिक अवकाश",
    ],
    acts: ["अनुशंसा करें", "अनुमोदन करें", "स्वीकृत करें"],
    acts_done: ["अनुशंसित", "अनुमोदित", "स्वीकृत"],
    applied: "आवेदन किया",
    approvers: ["रिपोर्टिंग अधिकारी", "नियंत्रक अधिकारी", "स्थापना शाखा"],
    documents: [
        "चिकित्सा प्रमाण-पत्र",
        "प्रसव तिथि का प्रमाण-पत्र",
        "बच्चे का जन्म प्रमाण-पत्र",
        "कार्यभार ग्रहण रिपोर्ट",
    ],
    statuses: [
        "{by} के पास लंबित",
        "स्वीकृत",
        "अस्वीकृत",
        "वापस लिया गया",
        "रद्द",
        "{date} तक घटाया गया",
    ],
    months: [
        "जनवरी", "फ़रवरी", "मार्च", "अप्रैल", "मई", "जून", "जुलाई", "अगस्त", "सितंबर", "अक्टूबर", "नवंबर", "दिसंबर",
    ],
    weekdays: ["सोम", "मंगल", "बुध", "गुरु", "शुक्र", "शनि", "रवि"],
};

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn every_kind_has_a_name_in_both_languages() {
        for kind in LeaveKind::ALL {
            assert!(!EN.kind(kind).is_empty() && !HI.kind(kind).is_empty(), "{kind:?}");
        }
        assert_eq!(EN.kind(LeaveKind::Earned), "Earned leave");
        assert_eq!(HI.kind(LeaveKind::ChildCare), "शिशु देखभाल अवकाश");
    }

    #[test]
    fn dates_read_as_people_write_them() {
        assert_eq!(EN.date(date!(2026 - 03 - 20)), "Fri 20 Mar 2026");
        assert_eq!(HI.date(date!(2026 - 03 - 20)), "शुक्र 20 मार्च 2026");
        assert_eq!(
            EN.spell(date!(2026 - 03 - 20), date!(2026 - 03 - 24)),
            "Fri 20 Mar 2026 – Tue 24 Mar 2026"
        );
        assert_eq!(
            EN.spell(date!(2026 - 03 - 20), date!(2026 - 03 - 20)),
            "Fri 20 Mar 2026"
        );
    }

    #[test]
    fn a_pending_status_names_who_has_it() {
        let pending = ApplicationStatus::Pending { step: 0 };
        assert_eq!(
            EN.status(&pending, Some(Approver::ReportingOfficer)),
            "With the Reporting officer"
        );
        let curtailed = ApplicationStatus::Curtailed {
            to: date!(2026 - 03 - 22),
        };
        assert_eq!(HI.status(&curtailed, None), "रवि 22 मार्च 2026 तक घटाया गया");
    }

    #[test]
    fn the_history_says_what_each_entry_did() {
        use daftar_domain::{EmployeeId, PostId, Remarks};
        let post = |id: &str| PostId::parse(id).unwrap();
        let chain = vec![
            ChainStep {
                act: ApprovalAct::Recommend,
                by: Approver::ReportingOfficer,
                post: post("FIN-HQ-DS"),
                alternate: None,
            },
            ChainStep {
                act: ApprovalAct::Sanction,
                by: Approver::ControllingOfficer,
                post: post("FIN-HQ-SECY"),
                alternate: None,
            },
        ];
        let event = |status, at_post| ApplicationEvent {
            seq: 1,
            status,
            by: EmployeeId::parse("HR2001").unwrap(),
            at_post,
            as_alternate: false,
            remarks: Remarks::empty(),
            at: time::OffsetDateTime::UNIX_EPOCH,
        };
        assert_eq!(
            EN.event(&event(ApplicationStatus::Pending { step: 0 }, None), &chain),
            "Applied"
        );
        let recommended = event(ApplicationStatus::Pending { step: 1 }, Some(post("FIN-HQ-DS")));
        assert_eq!(EN.event(&recommended, &chain), "Recommended");
        let sanctioned = event(ApplicationStatus::Sanctioned, Some(post("FIN-HQ-SECY")));
        assert_eq!(HI.event(&sanctioned, &chain), "स्वीकृत");
    }
}
