//! Every string the app shows, in English and Hindi, switchable at run time.
//!
//! One `Texts` struct with a field per string and one constant per language: a string missing
//! from either language is a compile error, not a blank on screen. The chosen language lives in a
//! context signal and is remembered in `localStorage`.

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
    inbox_waiting_at: "Receipts waiting at",
    inbox_empty: "No receipts are waiting at this post.",
    no_posts: "You do not hold any post, so there is no inbox to show.",
    col_diary_number: "Diary number",
    col_subject: "Subject",
    col_sender: "Sender",
    col_from: "From",
    col_priority: "Priority",
    col_due_date: "Due date",
    col_arrived: "Arrived",
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
    inbox_waiting_at: "इस पद पर लंबित प्राप्तियाँ:",
    inbox_empty: "इस पद पर कोई प्राप्ति लंबित नहीं है।",
    no_posts: "आपको कोई पद आवंटित नहीं है, इसलिए दिखाने के लिए कोई आवक पेटी नहीं है।",
    col_diary_number: "डायरी संख्या",
    col_subject: "विषय",
    col_sender: "प्रेषक",
    col_from: "किस पद से",
    col_priority: "प्राथमिकता",
    col_due_date: "नियत तिथि",
    col_arrived: "प्राप्त होने का समय",
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
        }
    }

    pub fn dept_kind(&self, kind: DeptKind) -> &'static str {
        match kind {
            DeptKind::Department => self.dept_kind_department,
            DeptKind::Corporation => self.dept_kind_corporation,
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
        }
        assert_eq!(EN.field_error(FieldError::TooLong(500)), "Use at most 500 characters.");
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
