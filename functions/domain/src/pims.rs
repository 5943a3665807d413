//! PIMS, the personnel information system: who each employee is, how to reach them, and which
//! posts they have held.
//!
//! The types here cannot hold an invalid value: a [`Phone`] is ten digits, an [`Email`] has one
//! `@`, [`ServiceDates`] has a birth before joining and an adult at joining. Bulk onboarding
//! reads a spreadsheet: [`parse_row`] turns one row's cells into an [`OnboardingRow`] or a list
//! of refusals, each in English and Hindi; [`check_file`] finds what only the whole file shows
//! (one employee or one post twice). The CSV reading itself, and the checks that need the
//! store, live in the API.
//!
//! Spreadsheets run a cell that starts with `=`, `+`, `-` or `@` as a formula (CSV injection).
//! Import refuses such cells in free-text columns ([`PimsRefusal::Hostile`]); export prefixes
//! them with an apostrophe ([`neutralise_cell`]), as OWASP advises.

use crate::ids::{code_type, EmployeeId, InvalidCode, OfficeCode, PostId, SectionCode};
use crate::org::Role;
use crate::text::{InvalidText, PersonName};
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::collections::HashMap;
use std::fmt;
use time::Date;
use unicode_segmentation::UnicodeSegmentation;

code_type!(
    /// A service cadre, for example `HCS` or `CLERICAL`.
    Cadre, "cadre", 2, 24
);

/// Why PIMS refused a value, a row or a change. `Display` is English; [`PimsRefusal::hindi`]
/// says the same in Hindi.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PimsRefusal {
    #[error("this value is required")]
    Required,
    #[error("{0}")]
    BadCode(InvalidCode),
    #[error("{0}")]
    BadText(InvalidText),
    #[error("a date must be written YYYY-MM-DD, for example 2024-04-01")]
    BadDate,
    #[error("a phone number must have 10 digits (a leading +91 or 0 is allowed)")]
    BadPhone,
    #[error("an email address must have one @ with a name before it and a domain such as gov.in after it")]
    BadEmail,
    #[error("the date of birth must be before the date of joining")]
    BornAfterJoining,
    #[error("an employee must be at least 18 years old on the date of joining (this one was {age})")]
    TooYoungAtJoining { age: i32 },
    #[error("this cell starts with '{0}', which a spreadsheet would run as a formula; remove that character")]
    Hostile(char),
    #[error("unknown role {0:?}: use employee, diarist, control_room or admin, separated by ';'")]
    UnknownRole(String),
    #[error("this row has {found} fields; the header has {expected}")]
    WrongFieldCount { expected: usize, found: usize },
    #[error("this row cannot be read: {0}")]
    Malformed(String),
    #[error("the header row must be: {0}")]
    BadHeader(String),
    #[error("employee {0} appears earlier in this file, on line {1}")]
    DuplicateInFile(EmployeeId, u64),
    #[error("post {0} is given to another employee earlier in this file, on line {1}")]
    PostTwiceInFile(PostId, u64),
    #[error("employee {0} already exists")]
    AlreadyEmployed(EmployeeId),
    #[error("post {post} is held by {holder}; relieve them first")]
    PostHeld { post: PostId, holder: EmployeeId },
    #[error("no office has the code {0}")]
    UnknownOffice(OfficeCode),
    #[error("office {office} has no section {section}")]
    UnknownSection { office: OfficeCode, section: SectionCode },
    #[error("post {post} belongs to office {office}, not to the office this row names")]
    PostInAnotherOffice { post: PostId, office: OfficeCode },
    #[error("a new post needs its title in English and Hindi")]
    PostTitleMissing,
    #[error("a transfer must name the post the employee leaves, the post they join, or both")]
    NothingToDo,
    #[error("the employee does not hold post {0}")]
    NotHolding(PostId),
    #[error("the employee already holds post {0}")]
    AlreadyHolding(PostId),
    #[error("the post left and the post joined must differ")]
    SamePost,
    #[error("the transfer takes effect before the employee's current posting began ({0})")]
    BeforeCurrentPosting(Date),
}

impl PimsRefusal {
    /// The same refusal in Hindi.
    pub fn hindi(&self) -> String {
        match self {
            Self::Required => "यह मान आवश्यक है".into(),
            Self::BadCode(code) => format!(
                "{} {} से {} अक्षरों का होना चाहिए (A-Z{})",
                code.what,
                code.min,
                code.max,
                if code.digits { ", 0-9 और '-'" } else { "" }
            ),
            Self::BadText(InvalidText::Empty { .. }) => "यह मान आवश्यक है".into(),
            Self::BadText(InvalidText::TooLong { max, .. }) => format!("अधिकतम {max} अक्षर हो सकते हैं"),
            Self::BadText(InvalidText::ControlCharacters { .. }) => "इसमें नियंत्रण वर्ण नहीं हो सकते".into(),
            Self::BadDate => "तिथि YYYY-MM-DD रूप में लिखें, जैसे 2024-04-01".into(),
            Self::BadPhone => "फ़ोन नंबर 10 अंकों का होना चाहिए (आगे +91 या 0 लिख सकते हैं)".into(),
            Self::BadEmail => "ईमेल पते में एक @ हो, उससे पहले नाम और बाद में gov.in जैसा डोमेन".into(),
            Self::BornAfterJoining => "जन्म तिथि कार्यग्रहण तिथि से पहले होनी चाहिए".into(),
            Self::TooYoungAtJoining { age } => {
                format!("कार्यग्रहण तिथि पर कर्मचारी की आयु कम से कम 18 वर्ष होनी चाहिए (यह {age} वर्ष है)")
            }
            Self::Hostile(first) => {
                format!("यह खाना '{first}' से शुरू होता है, जिसे स्प्रेडशीट सूत्र मानकर चलाती है; यह वर्ण हटाएँ")
            }
            Self::UnknownRole(role) => {
                format!("अज्ञात भूमिका {role:?}: employee, diarist, control_room या admin लिखें, ';' से अलग करके")
            }
            Self::WrongFieldCount { expected, found } => {
                format!("इस पंक्ति में {found} खाने हैं; शीर्ष पंक्ति में {expected} हैं")
            }
            Self::Malformed(_) => "यह पंक्ति पढ़ी नहीं जा सकी (उद्धरण चिह्न या एन्कोडिंग जाँचें)".into(),
            Self::BadHeader(expected) => format!("शीर्ष पंक्ति यह होनी चाहिए: {expected}"),
            Self::DuplicateInFile(id, line) => format!("कर्मचारी {id} इस फ़ाइल में पहले पंक्ति {line} पर आ चुका है"),
            Self::PostTwiceInFile(post, line) => {
                format!("पद {post} इस फ़ाइल में पहले पंक्ति {line} पर किसी अन्य कर्मचारी को दिया जा चुका है")
            }
            Self::AlreadyEmployed(id) => format!("कर्मचारी {id} पहले से मौजूद है"),
            Self::PostHeld { post, holder } => format!("पद {post} पर {holder} पदस्थ हैं; पहले उन्हें कार्यमुक्त करें"),
            Self::UnknownOffice(office) => format!("{office} कोड का कोई कार्यालय नहीं है"),
            Self::UnknownSection { office, section } => format!("कार्यालय {office} में {section} शाखा नहीं है"),
            Self::PostInAnotherOffice { post, office } => {
                format!("पद {post} कार्यालय {office} का है, इस पंक्ति में लिखे कार्यालय का नहीं")
            }
            Self::PostTitleMissing => "नए पद का नाम अंग्रेज़ी और हिंदी दोनों में दें".into(),
            Self::NothingToDo => "स्थानांतरण में छोड़ा जाने वाला पद, ग्रहण किया जाने वाला पद, या दोनों बताएँ".into(),
            Self::NotHolding(post) => format!("कर्मचारी पद {post} पर पदस्थ नहीं है"),
            Self::AlreadyHolding(post) => format!("कर्मचारी पहले से पद {post} पर पदस्थ है"),
            Self::SamePost => "छोड़ा जाने वाला और ग्रहण किया जाने वाला पद अलग होने चाहिए".into(),
            Self::BeforeCurrentPosting(from) => {
                format!("स्थानांतरण की तिथि कर्मचारी की वर्तमान तैनाती ({from}) से पहले की है")
            }
        }
    }
}

impl From<InvalidCode> for PimsRefusal {
    fn from(e: InvalidCode) -> Self {
        Self::BadCode(e)
    }
}

impl From<InvalidText> for PimsRefusal {
    fn from(e: InvalidText) -> Self {
        Self::BadText(e)
    }
}

/// The characters that make a spreadsheet treat a cell as a formula (OWASP CSV injection).
const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// The character that would make a spreadsheet run `cell` as a formula, if it starts with one,
/// before or after leading spaces.
pub fn formula_start(cell: &str) -> Option<char> {
    let first = |s: &str| s.chars().next().filter(|c| FORMULA_STARTS.contains(c));
    first(cell).or_else(|| first(cell.trim_start_matches(' ')))
}

/// A cell safe to open in a spreadsheet: one that starts with a formula character gets a
/// leading apostrophe, which spreadsheets show as text and do not run.
pub fn neutralise_cell(cell: &str) -> Cow<'_, str> {
    if formula_start(cell).is_some() {
        Cow::Owned(format!("'{cell}"))
    } else {
        Cow::Borrowed(cell)
    }
}

/// Refuses a free-text cell that a spreadsheet would run as a formula.
fn refuse_hostile(cell: &str) -> Result<(), PimsRefusal> {
    match formula_start(cell) {
        Some(c) => Err(PimsRefusal::Hostile(c)),
        None => Ok(()),
    }
}

/// A name that is also safe in a spreadsheet.
fn parse_name(raw: &str) -> Result<PersonName, PimsRefusal> {
    refuse_hostile(raw)?;
    Ok(PersonName::parse(raw)?)
}

/// A designation or post title: 1 to 120 characters of one line, safe in a spreadsheet.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(value_type = String))]
#[serde(try_from = "String", into = "String")]
pub struct Designation(String);

impl Designation {
    pub const MAX: usize = 120;

    pub fn parse(raw: &str) -> Result<Self, PimsRefusal> {
        refuse_hostile(raw)?;
        let text = raw.trim();
        if text.is_empty() {
            return Err(PimsRefusal::BadText(InvalidText::Empty { what: "Designation" }));
        }
        if text.len() > Self::MAX * 24 || text.graphemes(true).count() > Self::MAX {
            return Err(PimsRefusal::BadText(InvalidText::TooLong {
                what: "Designation",
                max: Self::MAX,
            }));
        }
        if text.chars().any(char::is_control) {
            return Err(PimsRefusal::BadText(InvalidText::ControlCharacters {
                what: "Designation",
            }));
        }
        Ok(Self(text.to_owned()))
    }
}

impl TryFrom<String> for Designation {
    type Error = PimsRefusal;
    fn try_from(raw: String) -> Result<Self, Self::Error> {
        Self::parse(&raw)
    }
}

impl From<Designation> for String {
    fn from(d: Designation) -> String {
        d.0
    }
}

impl AsRef<str> for Designation {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Designation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// An Indian phone number: ten digits, not starting with 0. `+91 98765-43210`, `09876543210`
/// and `9876543210` are the same number.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(value_type = String))]
#[serde(try_from = "String", into = "String")]
pub struct Phone(String);

impl Phone {
    pub fn parse(raw: &str) -> Result<Self, PimsRefusal> {
        let compact: String = raw
            .trim()
            .chars()
            .filter(|c| !matches!(c, ' ' | '-' | '(' | ')' | '.'))
            .collect();
        let national = if let Some(rest) = compact.strip_prefix("+91") {
            rest
        } else if compact.len() == 12 && compact.starts_with("91") {
            &compact[2..]
        } else if compact.len() == 11 && compact.starts_with('0') {
            &compact[1..]
        } else {
            &compact
        };
        if national.len() == 10 && national.bytes().all(|b| b.is_ascii_digit()) && !national.starts_with('0') {
            Ok(Self(national.to_owned()))
        } else {
            Err(PimsRefusal::BadPhone)
        }
    }
}

impl TryFrom<String> for Phone {
    type Error = PimsRefusal;
    fn try_from(raw: String) -> Result<Self, Self::Error> {
        Self::parse(&raw)
    }
}

impl From<Phone> for String {
    fn from(p: Phone) -> String {
        p.0
    }
}

impl AsRef<str> for Phone {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

/// An email address: one `@`, a local part of at most 64 characters, and a dotted domain
/// (stored in lower case).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(value_type = String))]
#[serde(try_from = "String", into = "String")]
pub struct Email(String);

impl Email {
    pub fn parse(raw: &str) -> Result<Self, PimsRefusal> {
        refuse_hostile(raw)?;
        let text = raw.trim();
        let Some((local, domain)) = text.split_once('@') else {
            return Err(PimsRefusal::BadEmail);
        };
        let allowed = |c: char| c.is_ascii_alphanumeric() || "._%+-'".contains(c);
        let label_ok = |l: &str| {
            !l.is_empty()
                && !l.starts_with('-')
                && !l.ends_with('-')
                && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        };
        let ok = text.len() <= 254
            && !local.is_empty()
            && local.len() <= 64
            && local.chars().all(allowed)
            && domain.contains('.')
            && domain.split('.').all(label_ok);
        if ok {
            Ok(Self(format!("{local}@{}", domain.to_ascii_lowercase())))
        } else {
            Err(PimsRefusal::BadEmail)
        }
    }
}

impl TryFrom<String> for Email {
    type Error = PimsRefusal;
    fn try_from(raw: String) -> Result<Self, Self::Error> {
        Self::parse(&raw)
    }
}

impl From<Email> for String {
    fn from(e: Email) -> String {
        e.0
    }
}

impl AsRef<str> for Email {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

/// Parses `YYYY-MM-DD`.
pub fn parse_date(raw: &str) -> Result<Date, PimsRefusal> {
    let format = time::macros::format_description!("[year]-[month]-[day]");
    Date::parse(raw.trim(), &format).map_err(|_| PimsRefusal::BadDate)
}

/// The least age at which anyone joins government service.
pub const MIN_JOINING_AGE: i32 = 18;

/// Whole years from `birth` to `on`.
pub fn age_on(birth: Date, on: Date) -> i32 {
    let before_birthday = (on.month() as u8, on.day()) < (birth.month() as u8, birth.day());
    on.year() - birth.year() - i32::from(before_birthday)
}

/// An employee's date of birth and date of joining service: born first, and an adult on joining.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(try_from = "RawServiceDates")]
pub struct ServiceDates {
    date_of_birth: Date,
    date_of_joining: Date,
}

#[derive(Deserialize)]
struct RawServiceDates {
    date_of_birth: Date,
    date_of_joining: Date,
}

impl ServiceDates {
    pub fn new(birth: Date, joining: Date) -> Result<Self, PimsRefusal> {
        if birth >= joining {
            return Err(PimsRefusal::BornAfterJoining);
        }
        let age = age_on(birth, joining);
        if age < MIN_JOINING_AGE {
            return Err(PimsRefusal::TooYoungAtJoining { age });
        }
        Ok(Self {
            date_of_birth: birth,
            date_of_joining: joining,
        })
    }

    pub fn birth(&self) -> Date {
        self.date_of_birth
    }

    pub fn joining(&self) -> Date {
        self.date_of_joining
    }
}

impl TryFrom<RawServiceDates> for ServiceDates {
    type Error = PimsRefusal;
    fn try_from(raw: RawServiceDates) -> Result<Self, Self::Error> {
        Self::new(raw.date_of_birth, raw.date_of_joining)
    }
}

/// How to reach an employee. Personal: shown only to administrators and the employee.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Contact {
    pub phone: Option<Phone>,
    pub email: Option<Email>,
}

/// One posting: a post held from a day until a day (open while it lasts).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Posting {
    pub post: PostId,
    pub office: OfficeCode,
    pub title_en: String,
    pub title_hi: String,
    pub from: Date,
    /// The last day held; none while the posting lasts.
    pub to: Option<Date>,
}

/// An employee's personnel record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PersonnelRecord {
    pub id: EmployeeId,
    pub name_en: PersonName,
    pub name_hi: PersonName,
    pub designation_en: Designation,
    pub designation_hi: Designation,
    pub cadre: Cadre,
    pub dates: ServiceDates,
    pub contact: Contact,
    /// The office the employee is borne on: that of their current post, or of their last one
    /// while they hold none. Their entry in the office's staff list follows it.
    pub office: OfficeCode,
    /// Every posting, oldest first.
    pub history: Vec<Posting>,
    /// The onboarding file (its SHA-256) that created the record, so loading the same file
    /// again recognises its own rows.
    #[serde(default)]
    pub onboarded_from: Option<String>,
}

impl PersonnelRecord {
    /// The postings that last.
    pub fn current_postings(&self) -> impl Iterator<Item = &Posting> {
        self.history.iter().filter(|p| p.to.is_none())
    }

    /// The record after the employee joins `posting` (whose `to` is ignored: it is open).
    pub fn join(mut self, mut posting: Posting) -> Result<Self, PimsRefusal> {
        if self.current_postings().any(|p| p.post == posting.post) {
            return Err(PimsRefusal::AlreadyHolding(posting.post));
        }
        posting.to = None;
        self.office = posting.office.clone();
        self.history.push(posting);
        Ok(self)
    }

    /// The record after the employee is relieved of `post`; `last_day` is the day before the
    /// transfer takes effect.
    pub fn relieve(mut self, post: &PostId, effective: Date) -> Result<Self, PimsRefusal> {
        let Some(open) = self.history.iter_mut().find(|p| p.to.is_none() && &p.post == post) else {
            return Err(PimsRefusal::NotHolding(post.clone()));
        };
        if effective < open.from {
            return Err(PimsRefusal::BeforeCurrentPosting(open.from));
        }
        // Relieved on the day the transfer takes effect: the last day held is the day before,
        // unless the posting began that same day.
        open.to = Some(
            effective
                .previous_day()
                .filter(|d| *d >= open.from)
                .unwrap_or(open.from),
        );
        Ok(self)
    }
}

/// What a transfer does, as decided by [`plan_transfer`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum TransferKind {
    /// From one post to another.
    Move,
    /// To a post, leaving none.
    Posting,
    /// From a post, joining none: the post falls vacant.
    Relief,
}

/// The facts a transfer is judged on.
#[derive(Debug, Clone, Copy)]
pub struct TransferFacts<'a> {
    pub employee: &'a EmployeeId,
    /// The posts the employee holds now.
    pub holds: &'a [PostId],
    pub from_post: Option<&'a PostId>,
    /// The post joined and who holds it now.
    pub to_post: Option<(&'a PostId, Option<&'a EmployeeId>)>,
    /// The request says to relieve the post's present holder.
    pub relieve_holder: bool,
}

/// Decides whether a transfer may go ahead, and what kind it is. A post held by someone else is
/// taken only if the request says so (`relieve_holder`), so nobody is displaced by accident.
pub fn plan_transfer(facts: TransferFacts<'_>) -> Result<TransferKind, PimsRefusal> {
    if let Some(from) = facts.from_post {
        if !facts.holds.contains(from) {
            return Err(PimsRefusal::NotHolding(from.clone()));
        }
    }
    if let Some((to, holder)) = facts.to_post {
        if facts.from_post == Some(to) {
            return Err(PimsRefusal::SamePost);
        }
        if facts.holds.contains(to) {
            return Err(PimsRefusal::AlreadyHolding(to.clone()));
        }
        if let Some(holder) = holder {
            if holder != facts.employee && !facts.relieve_holder {
                return Err(PimsRefusal::PostHeld {
                    post: to.clone(),
                    holder: holder.clone(),
                });
            }
        }
    }
    match (facts.from_post, facts.to_post) {
        (Some(_), Some(_)) => Ok(TransferKind::Move),
        (None, Some(_)) => Ok(TransferKind::Posting),
        (Some(_), None) => Ok(TransferKind::Relief),
        (None, None) => Err(PimsRefusal::NothingToDo),
    }
}

/// The onboarding file's columns, in order, as its header row names them.
pub const ONBOARDING_COLUMNS: [&str; 16] = [
    "employee_id",
    "name_en",
    "name_hi",
    "designation_en",
    "designation_hi",
    "cadre",
    "date_of_joining",
    "date_of_birth",
    "phone",
    "email",
    "post_id",
    "post_title_en",
    "post_title_hi",
    "office",
    "section",
    "roles",
];

/// The same columns with Hindi headings (the export's `?lang=hi`; import accepts them too).
pub const ONBOARDING_COLUMNS_HI: [&str; 16] = [
    "कर्मचारी आईडी",
    "नाम (अंग्रेज़ी)",
    "नाम (हिंदी)",
    "पदनाम (अंग्रेज़ी)",
    "पदनाम (हिंदी)",
    "संवर्ग",
    "कार्यग्रहण तिथि",
    "जन्म तिथि",
    "फ़ोन",
    "ईमेल",
    "पद आईडी",
    "पद का नाम (अंग्रेज़ी)",
    "पद का नाम (हिंदी)",
    "कार्यालय",
    "शाखा",
    "भूमिकाएँ",
];

/// Checks a header row: the English or the Hindi column names, in order (case and surrounding
/// spaces aside).
pub fn check_header(cells: &[String]) -> Result<(), PimsRefusal> {
    let matches = |names: &[&str]| {
        cells.len() == names.len()
            && cells
                .iter()
                .zip(names)
                .all(|(cell, name)| cell.trim().eq_ignore_ascii_case(name))
    };
    if matches(&ONBOARDING_COLUMNS) || matches(&ONBOARDING_COLUMNS_HI) {
        Ok(())
    } else {
        Err(PimsRefusal::BadHeader(ONBOARDING_COLUMNS.join(",")))
    }
}

/// One row of an onboarding file, parsed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OnboardingRow {
    pub id: EmployeeId,
    pub name_en: PersonName,
    pub name_hi: PersonName,
    pub designation_en: Designation,
    pub designation_hi: Designation,
    pub cadre: Cadre,
    pub dates: ServiceDates,
    pub contact: Contact,
    pub post: PostId,
    /// Needed only when the post is new.
    pub post_title: Option<(Designation, Designation)>,
    pub office: OfficeCode,
    /// The section's full code (`DC-GGN-GEN`), whether the file wrote it so or as `GEN`.
    pub section: SectionCode,
    /// Always includes [`Role::Employee`].
    pub roles: Vec<Role>,
}

/// A refusal of one cell (or, with no column, of the whole row).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CellRefusal {
    pub column: Option<&'static str>,
    pub refusal: PimsRefusal,
}

fn parse_role(raw: &str) -> Result<Role, PimsRefusal> {
    match raw.trim().to_ascii_lowercase().as_str() {
        "employee" => Ok(Role::Employee),
        "diarist" => Ok(Role::Diarist),
        "control_room" => Ok(Role::ControlRoom),
        "admin" => Ok(Role::Admin),
        _ => Err(PimsRefusal::UnknownRole(raw.trim().to_owned())),
    }
}

/// Parses the roles cell: names separated by `;`, `employee` implied.
fn parse_roles(raw: &str) -> Result<Vec<Role>, PimsRefusal> {
    let mut roles = vec![Role::Employee];
    for name in raw.split(';').filter(|s| !s.trim().is_empty()) {
        let role = parse_role(name)?;
        if !roles.contains(&role) {
            roles.push(role);
        }
    }
    Ok(roles)
}

/// Parses one data row's cells, reporting every bad cell rather than only the first.
pub fn parse_row(cells: &[String]) -> Result<OnboardingRow, Vec<CellRefusal>> {
    if cells.len() != ONBOARDING_COLUMNS.len() {
        return Err(vec![CellRefusal {
            column: None,
            refusal: PimsRefusal::WrongFieldCount {
                expected: ONBOARDING_COLUMNS.len(),
                found: cells.len(),
            },
        }]);
    }
    let mut refusals = Vec::new();
    let cell = |i: usize| -> (&'static str, &str) { (ONBOARDING_COLUMNS[i], cells[i].as_str()) };
    // Each column parsed on its own, so one bad cell does not hide another.
    fn take<T>(
        refusals: &mut Vec<CellRefusal>,
        (column, raw): (&'static str, &str),
        parse: impl FnOnce(&str) -> Result<T, PimsRefusal>,
    ) -> Option<T> {
        parse(raw)
            .map_err(|refusal| {
                refusals.push(CellRefusal {
                    column: Some(column),
                    refusal,
                })
            })
            .ok()
    }
    fn required(raw: &str) -> Result<(), PimsRefusal> {
        if raw.trim().is_empty() {
            Err(PimsRefusal::Required)
        } else {
            Ok(())
        }
    }
    fn code<T>(raw: &str, parse: fn(&str) -> Result<T, InvalidCode>) -> Result<T, PimsRefusal> {
        required(raw)?;
        refuse_hostile(raw)?;
        parse(raw).map_err(PimsRefusal::from)
    }

    let id = take(&mut refusals, cell(0), |r| code(r, EmployeeId::parse));
    let name_en = take(&mut refusals, cell(1), parse_name);
    let name_hi = take(&mut refusals, cell(2), parse_name);
    let designation_en = take(&mut refusals, cell(3), Designation::parse);
    let designation_hi = take(&mut refusals, cell(4), Designation::parse);
    let cadre = take(&mut refusals, cell(5), |r| {
        required(r)?;
        refuse_hostile(r)?;
        Ok(Cadre::parse(r)?)
    });
    let joining = take(&mut refusals, cell(6), |r| {
        required(r)?;
        parse_date(r)
    });
    let birth = take(&mut refusals, cell(7), |r| {
        required(r)?;
        parse_date(r)
    });
    let dates = match (birth, joining) {
        (Some(birth), Some(joining)) => take(&mut refusals, cell(7), |_| ServiceDates::new(birth, joining)),
        _ => None,
    };
    let optional = |r: &str| (!r.trim().is_empty()).then_some(());
    let phone = take(&mut refusals, cell(8), |r| {
        optional(r).map(|_| Phone::parse(r)).transpose()
    });
    let email = take(&mut refusals, cell(9), |r| {
        optional(r).map(|_| Email::parse(r)).transpose()
    });
    let post = take(&mut refusals, cell(10), |r| code(r, PostId::parse));
    let title_en = take(&mut refusals, cell(11), |r| {
        optional(r).map(|_| Designation::parse(r)).transpose()
    });
    let title_hi = take(&mut refusals, cell(12), |r| {
        optional(r).map(|_| Designation::parse(r)).transpose()
    });
    let office = take(&mut refusals, cell(13), |r| code(r, OfficeCode::parse));
    let section = take(&mut refusals, cell(14), |r| {
        required(r)?;
        refuse_hostile(r)?;
        Ok(SectionCode::parse(r)?)
    });
    let roles = take(&mut refusals, cell(15), |r| {
        refuse_hostile(r)?;
        parse_roles(r)
    });
    let post_title = match (title_en, title_hi) {
        (Some(Some(en)), Some(Some(hi))) => Some((en, hi)),
        (Some(None), Some(None)) => None,
        (Some(_), Some(_)) => {
            refusals.push(CellRefusal {
                column: Some(ONBOARDING_COLUMNS[11]),
                refusal: PimsRefusal::PostTitleMissing,
            });
            None
        }
        _ => None,
    };
    if !refusals.is_empty() {
        return Err(refusals);
    }
    // Every field parsed (no refusal was recorded), so each Option is Some.
    match (
        id,
        name_en,
        name_hi,
        designation_en,
        designation_hi,
        cadre,
        dates,
        phone,
        email,
        post,
        office,
        section,
        roles,
    ) {
        (
            Some(id),
            Some(name_en),
            Some(name_hi),
            Some(designation_en),
            Some(designation_hi),
            Some(cadre),
            Some(dates),
            Some(phone),
            Some(email),
            Some(post),
            Some(office),
            Some(section),
            Some(roles),
        ) => {
            let section = full_section(&office, section);
            Ok(OnboardingRow {
                id,
                name_en,
                name_hi,
                designation_en,
                designation_hi,
                cadre,
                dates,
                contact: Contact { phone, email },
                post,
                post_title,
                office,
                section,
                roles,
            })
        }
        _ => Err(vec![CellRefusal {
            column: None,
            refusal: PimsRefusal::Malformed("incomplete row".into()),
        }]),
    }
}

/// A section's full code: `GEN` in office `DC-GGN` is `DC-GGN-GEN`; a code that already starts
/// with its office is kept.
pub fn full_section(office: &OfficeCode, section: SectionCode) -> SectionCode {
    if section.as_ref().starts_with(&format!("{office}-")) {
        return section;
    }
    SectionCode::parse(&format!("{office}-{section}")).unwrap_or(section)
}

/// The refusals only the whole file shows: an employee ID twice, or one post given to two
/// rows. `rows` are (line, row); each refusal names the later line.
pub fn check_file(rows: &[(u64, OnboardingRow)]) -> Vec<(u64, CellRefusal)> {
    let mut employees: HashMap<&EmployeeId, u64> = HashMap::new();
    let mut posts: HashMap<&PostId, u64> = HashMap::new();
    let mut refusals = Vec::new();
    for (line, row) in rows {
        if let Some(first) = employees.get(&row.id) {
            refusals.push((
                *line,
                CellRefusal {
                    column: Some("employee_id"),
                    refusal: PimsRefusal::DuplicateInFile(row.id.clone(), *first),
                },
            ));
        } else {
            employees.insert(&row.id, *line);
        }
        if let Some(first) = posts.get(&row.post) {
            refusals.push((
                *line,
                CellRefusal {
                    column: Some("post_id"),
                    refusal: PimsRefusal::PostTwiceInFile(row.post.clone(), *first),
                },
            ));
        } else {
            posts.insert(&row.post, *line);
        }
    }
    refusals
}

impl OnboardingRow {
    /// The personnel record this row creates, posted to its post from the date of joining.
    pub fn record(&self, post_title: (&str, &str), batch: &str) -> PersonnelRecord {
        PersonnelRecord {
            id: self.id.clone(),
            name_en: self.name_en.clone(),
            name_hi: self.name_hi.clone(),
            designation_en: self.designation_en.clone(),
            designation_hi: self.designation_hi.clone(),
            cadre: self.cadre.clone(),
            dates: self.dates,
            contact: self.contact.clone(),
            office: self.office.clone(),
            history: vec![Posting {
                post: self.post.clone(),
                office: self.office.clone(),
                title_en: post_title.0.to_owned(),
                title_hi: post_title.1.to_owned(),
                from: self.dates.joining(),
                to: None,
            }],
            onboarded_from: Some(batch.to_owned()),
        }
    }
}

/// A record's cells in [`ONBOARDING_COLUMNS`] order (for the current post, if any), each made
/// safe for a spreadsheet.
pub fn export_row(record: &PersonnelRecord, section: Option<&SectionCode>, roles: &[Role]) -> Vec<String> {
    let current = record.current_postings().next();
    let role_names: Vec<&str> = roles
        .iter()
        .map(|r| match r {
            Role::Employee => "employee",
            Role::Diarist => "diarist",
            Role::ControlRoom => "control_room",
            Role::Admin => "admin",
        })
        .collect();
    let cells = [
        record.id.to_string(),
        record.name_en.to_string(),
        record.name_hi.to_string(),
        record.designation_en.to_string(),
        record.designation_hi.to_string(),
        record.cadre.to_string(),
        record.dates.joining().to_string(),
        record.dates.birth().to_string(),
        record
            .contact
            .phone
            .as_ref()
            .map(|p| p.as_ref().to_owned())
            .unwrap_or_default(),
        record
            .contact
            .email
            .as_ref()
            .map(|e| e.as_ref().to_owned())
            .unwrap_or_default(),
        current.map(|p| p.post.to_string()).unwrap_or_default(),
        current.map(|p| p.title_en.clone()).unwrap_or_default(),
        current.map(|p| p.title_hi.clone()).unwrap_or_default(),
        record.office.to_string(),
        section.map(|s| s.to_string()).unwrap_or_default(),
        role_names.join(";"),
    ];
    cells.iter().map(|c| neutralise_cell(c).into_owned()).collect()
}

/// What the app and the PIMS API exchange.
pub mod wire {
    use super::*;
    use crate::wire::PostSummary;
    use time::OffsetDateTime;

    /// An employee as the directory shows them to any signed-in official.
    #[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
    #[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
    pub struct DirectoryEntry {
        pub id: EmployeeId,
        pub name_en: String,
        pub name_hi: String,
        pub designation_en: String,
        pub designation_hi: String,
        pub cadre: Option<Cadre>,
        pub office: OfficeCode,
        pub posts: Vec<PostId>,
    }

    /// Fields only administrators and the employee themselves see.
    #[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
    #[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
    pub struct PersonalDetails {
        pub date_of_birth: Date,
        pub phone: Option<Phone>,
        pub email: Option<Email>,
    }

    /// One employee's record: who they are, the posts they hold, and where they have served.
    #[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
    #[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
    pub struct PersonnelView {
        pub id: EmployeeId,
        pub name_en: String,
        pub name_hi: String,
        pub designation_en: String,
        pub designation_hi: String,
        /// None for an employee who has no personnel record yet (created before PIMS).
        pub cadre: Option<Cadre>,
        pub date_of_joining: Option<Date>,
        pub posts: Vec<PostSummary>,
        pub history: Vec<Posting>,
        /// Present for administrators and the employee themselves.
        pub personal: Option<PersonalDetails>,
        /// The personnel record's version, for an edit (0: no record yet).
        pub version: u64,
    }

    /// A transfer, posting or relief. `relieve_holder` must be true to take a post someone
    /// else holds (they are relieved of it in the same change).
    #[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
    #[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
    pub struct TransferRequest {
        pub employee: EmployeeId,
        pub from_post: Option<PostId>,
        pub to_post: Option<PostId>,
        pub effective: Date,
        #[serde(default)]
        pub relieve_holder: bool,
    }

    /// What a transfer did.
    #[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
    #[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
    pub struct TransferReport {
        pub kind: TransferKind,
        pub employee: PersonnelView,
        /// Whoever was relieved of `to_post` to make room, if anyone.
        pub relieved: Option<EmployeeId>,
    }

    /// An edit of an employee's record: every field, and the version edited (0 to create the
    /// record of an employee who has none).
    #[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
    #[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
    pub struct EditPersonnel {
        pub version: u64,
        pub name_en: String,
        pub name_hi: String,
        pub designation_en: String,
        pub designation_hi: String,
        pub cadre: String,
        pub date_of_joining: String,
        pub date_of_birth: String,
        pub phone: Option<String>,
        pub email: Option<String>,
    }

    /// One refused row (or cell) of an onboarding file. `line` counts the header as line 1.
    #[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
    #[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
    pub struct RowProblem {
        pub line: u64,
        pub column: Option<String>,
        pub reason_en: String,
        pub reason_hi: String,
    }

    impl RowProblem {
        pub fn new(line: u64, column: Option<&str>, refusal: &PimsRefusal) -> Self {
            Self {
                line,
                column: column.map(str::to_owned),
                reason_en: refusal.to_string(),
                reason_hi: refusal.hindi(),
            }
        }
    }

    /// What an onboarding run found and did. Nothing is loaded unless `problems` is empty.
    #[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
    #[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
    pub struct OnboardingReport {
        pub dry_run: bool,
        /// Data rows read (the header not counted).
        pub rows: usize,
        pub problems: Vec<RowProblem>,
        /// Rows written by this run.
        pub loaded: usize,
        /// Rows an earlier run of the same file had already written (a retry finishes a load).
        pub already_loaded: usize,
        /// The file's SHA-256, recorded on each record it created.
        pub batch: String,
    }

    /// An initial or replacement password set by an administrator.
    #[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
    #[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
    pub struct SetPassword {
        pub password: String,
    }

    /// One entry of the audit log: who changed what, when, and the record before and after.
    #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
    #[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
    pub struct AuditEntry {
        pub id: String,
        pub actor: EmployeeId,
        pub actor_name_en: String,
        pub actor_name_hi: String,
        /// What was done, for example `pims.transfer`.
        pub action: String,
        /// What it was done to, for example `EMP#HR1001`.
        pub target: String,
        #[serde(with = "time::serde::rfc3339")]
        pub at: OffsetDateTime,
        pub before: Option<serde_json::Value>,
        pub after: Option<serde_json::Value>,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use time::macros::date;

    fn cells(row: &str) -> Vec<String> {
        row.split(',').map(str::to_owned).collect()
    }

    const GOOD: &str = "HR5001,Meena Devi,मीना देवी,Clerk,लिपिक,CLERICAL,2020-04-01,1995-06-15,+91 98765-43210,meena@hry.gov.in,DC-GGN-CLERK2,Clerk (General),लिपिक (सामान्य),DC-GGN,GEN,employee;diarist";

    #[test]
    fn a_good_row_parses_and_normalises() {
        let row = parse_row(&cells(GOOD)).unwrap();
        assert_eq!(row.id.as_ref(), "HR5001");
        assert_eq!(row.contact.phone.unwrap().as_ref(), "9876543210");
        assert_eq!(row.section.as_ref(), "DC-GGN-GEN");
        assert_eq!(row.roles, vec![Role::Employee, Role::Diarist]);
        assert_eq!(row.dates.joining(), date!(2020 - 04 - 01));
        assert!(row.post_title.is_some());
    }

    /// Each bad cell, the column it is reported in, and the refusal.
    #[test]
    fn every_bad_cell_is_refused_with_its_column() {
        let table: Vec<(usize, &str, &str, PimsRefusal)> = vec![
            (0, "", "employee_id", PimsRefusal::Required),
            (
                1,
                "=HYPERLINK(\"http://x\",\"y\")",
                "name_en",
                PimsRefusal::Hostile('='),
            ),
            (2, "@SUM(A1)", "name_hi", PimsRefusal::Hostile('@')),
            (3, "+cmd", "designation_en", PimsRefusal::Hostile('+')),
            (4, "-2+3", "designation_hi", PimsRefusal::Hostile('-')),
            (5, "x", "cadre", PimsRefusal::BadCode(Cadre::parse("x").unwrap_err())),
            (6, "01/04/2020", "date_of_joining", PimsRefusal::BadDate),
            (7, "2020-02-30", "date_of_birth", PimsRefusal::BadDate),
            (8, "12345", "phone", PimsRefusal::BadPhone),
            (9, "a@b@c.in", "email", PimsRefusal::BadEmail),
            (
                10,
                "bad post",
                "post_id",
                PimsRefusal::BadCode(PostId::parse("bad post").unwrap_err()),
            ),
            (15, "superuser", "roles", PimsRefusal::UnknownRole("superuser".into())),
        ];
        for (index, value, column, refusal) in table {
            let mut row = cells(GOOD);
            row[index] = value.to_owned();
            let refusals = parse_row(&row).unwrap_err();
            assert_eq!(
                refusals,
                vec![CellRefusal {
                    column: Some(column),
                    refusal
                }],
                "{column} = {value:?}"
            );
        }
    }

    #[test]
    fn all_bad_cells_of_a_row_are_reported_together() {
        let mut row = cells(GOOD);
        row[1] = "=1+1".into();
        row[8] = "abc".into();
        let refusals = parse_row(&row).unwrap_err();
        assert_eq!(refusals.len(), 2);
    }

    #[test]
    fn a_row_with_the_wrong_number_of_fields_is_refused() {
        let refusals = parse_row(&cells("HR1,Name")).unwrap_err();
        assert_eq!(
            refusals[0].refusal,
            PimsRefusal::WrongFieldCount { expected: 16, found: 2 }
        );
    }

    #[test]
    fn a_new_post_needs_both_titles_or_neither() {
        let mut row = cells(GOOD);
        row[12] = String::new();
        assert_eq!(parse_row(&row).unwrap_err()[0].refusal, PimsRefusal::PostTitleMissing);
        row[11] = String::new();
        assert_eq!(parse_row(&row).unwrap().post_title, None);
    }

    #[test]
    fn dates_must_make_an_adult_joiner() {
        assert_eq!(
            ServiceDates::new(date!(2000 - 01 - 01), date!(1999 - 01 - 01)),
            Err(PimsRefusal::BornAfterJoining)
        );
        assert_eq!(
            ServiceDates::new(date!(2000 - 01 - 01), date!(2000 - 01 - 01)),
            Err(PimsRefusal::BornAfterJoining)
        );
        assert_eq!(
            ServiceDates::new(date!(2000 - 06 - 02), date!(2018 - 06 - 01)),
            Err(PimsRefusal::TooYoungAtJoining { age: 17 })
        );
        assert!(ServiceDates::new(date!(2000 - 06 - 01), date!(2018 - 06 - 01)).is_ok());
        let json = serde_json::json!({"date_of_birth": "2010-01-01", "date_of_joining": "2020-01-01"});
        assert!(serde_json::from_value::<ServiceDates>(json).is_err());
    }

    #[test]
    fn phones_are_normalised_to_ten_digits() {
        for ok in [
            "9876543210",
            "+91 98765 43210",
            "+91-98765-43210",
            "09876543210",
            "919876543210",
        ] {
            assert_eq!(Phone::parse(ok).unwrap().as_ref(), "9876543210", "{ok}");
        }
        for bad in [
            "",
            "12345",
            "0123456789",
            "98765432101",
            "98765abcde",
            "+1 415 555 0100",
        ] {
            assert_eq!(Phone::parse(bad), Err(PimsRefusal::BadPhone), "{bad}");
        }
    }

    #[test]
    fn emails_have_one_at_and_a_domain() {
        assert_eq!(Email::parse(" A.B@HRY.Gov.In ").unwrap().as_ref(), "A.B@hry.gov.in");
        for bad in [
            "", "ab", "a@b", "a@@b.in", "@b.in", "a b@c.in", "a@-b.in", "a@b..in", "=x@y.in",
        ] {
            assert!(Email::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn export_cells_are_neutralised() {
        assert_eq!(
            neutralise_cell("=HYPERLINK(\"http://x\",\"y\")"),
            "'=HYPERLINK(\"http://x\",\"y\")"
        );
        for hostile in ["+1", "-1", "@x", "\tx", "\rx", "  =1"] {
            assert!(neutralise_cell(hostile).starts_with('\''), "{hostile:?}");
        }
        for plain in ["Meena", "मीना देवी", "9876543210", "", "a=b"] {
            assert_eq!(neutralise_cell(plain), plain);
        }
    }

    #[test]
    fn headers_in_english_or_hindi() {
        let en: Vec<String> = ONBOARDING_COLUMNS.iter().map(|s| s.to_string()).collect();
        let hi: Vec<String> = ONBOARDING_COLUMNS_HI.iter().map(|s| s.to_string()).collect();
        assert!(check_header(&en).is_ok());
        assert!(check_header(&hi).is_ok());
        assert!(check_header(&en[1..]).is_err());
    }

    #[test]
    fn duplicates_within_a_file_name_the_first_line() {
        let row = parse_row(&cells(GOOD)).unwrap();
        let mut other_post = cells(GOOD);
        other_post[10] = "DC-GGN-CLERK3".into();
        let rows = vec![
            (2, row.clone()),
            (3, parse_row(&other_post).unwrap()),
            (4, {
                let mut r = row.clone();
                r.id = EmployeeId::parse("HR5002").unwrap();
                r
            }),
        ];
        let found = check_file(&rows);
        assert_eq!(
            found,
            vec![
                (
                    3,
                    CellRefusal {
                        column: Some("employee_id"),
                        refusal: PimsRefusal::DuplicateInFile(row.id.clone(), 2)
                    }
                ),
                (
                    4,
                    CellRefusal {
                        column: Some("post_id"),
                        refusal: PimsRefusal::PostTwiceInFile(row.post.clone(), 2)
                    }
                ),
            ]
        );
    }

    #[test]
    fn every_refusal_says_why_in_hindi() {
        let id = EmployeeId::parse("HR1").unwrap();
        let post = PostId::parse("P1").unwrap();
        let office = OfficeCode::parse("DC-GGN").unwrap();
        let refusals = vec![
            PimsRefusal::Required,
            PimsRefusal::BadCode(Cadre::parse("x").unwrap_err()),
            PimsRefusal::BadText(InvalidText::TooLong { what: "Name", max: 5 }),
            PimsRefusal::BadDate,
            PimsRefusal::BadPhone,
            PimsRefusal::BadEmail,
            PimsRefusal::BornAfterJoining,
            PimsRefusal::TooYoungAtJoining { age: 16 },
            PimsRefusal::Hostile('='),
            PimsRefusal::UnknownRole("x".into()),
            PimsRefusal::WrongFieldCount { expected: 16, found: 3 },
            PimsRefusal::Malformed("x".into()),
            PimsRefusal::BadHeader("x".into()),
            PimsRefusal::DuplicateInFile(id.clone(), 2),
            PimsRefusal::PostTwiceInFile(post.clone(), 2),
            PimsRefusal::AlreadyEmployed(id.clone()),
            PimsRefusal::PostHeld {
                post: post.clone(),
                holder: id.clone(),
            },
            PimsRefusal::UnknownOffice(office.clone()),
            PimsRefusal::UnknownSection {
                office: office.clone(),
                section: SectionCode::parse("GEN").unwrap(),
            },
            PimsRefusal::PostInAnotherOffice {
                post: post.clone(),
                office,
            },
            PimsRefusal::PostTitleMissing,
            PimsRefusal::NothingToDo,
            PimsRefusal::NotHolding(post.clone()),
            PimsRefusal::AlreadyHolding(post),
            PimsRefusal::SamePost,
            PimsRefusal::BeforeCurrentPosting(date!(2020 - 01 - 01)),
        ];
        for refusal in refusals {
            let hi = refusal.hindi();
            assert!(
                hi.chars().any(|c| ('\u{0900}'..='\u{097F}').contains(&c)),
                "{refusal:?} has no Hindi: {hi}"
            );
            assert!(!refusal.to_string().is_empty());
        }
    }

    #[test]
    fn transfers_are_planned_by_rule() {
        let me = EmployeeId::parse("HR1").unwrap();
        let other = EmployeeId::parse("HR2").unwrap();
        let a = PostId::parse("PA").unwrap();
        let b = PostId::parse("PB").unwrap();
        let holds = [a.clone()];
        let facts = |from: Option<&'static str>, to: Option<(&'static str, Option<&EmployeeId>)>, relieve: bool| {
            (
                from.map(|p| PostId::parse(p).unwrap()),
                to.map(|(p, h)| (PostId::parse(p).unwrap(), h.cloned())),
                relieve,
            )
        };
        let cases = vec![
            (facts(Some("PA"), Some(("PB", None)), false), Ok(TransferKind::Move)),
            (facts(None, Some(("PB", None)), false), Ok(TransferKind::Posting)),
            (facts(Some("PA"), None, false), Ok(TransferKind::Relief)),
            (facts(None, None, false), Err(PimsRefusal::NothingToDo)),
            (facts(Some("PB"), None, false), Err(PimsRefusal::NotHolding(b.clone()))),
            (facts(Some("PA"), Some(("PA", None)), false), Err(PimsRefusal::SamePost)),
            (
                facts(None, Some(("PA", Some(&me))), false),
                Err(PimsRefusal::AlreadyHolding(a.clone())),
            ),
            (
                facts(Some("PA"), Some(("PB", Some(&other))), false),
                Err(PimsRefusal::PostHeld {
                    post: b.clone(),
                    holder: other.clone(),
                }),
            ),
            (
                facts(Some("PA"), Some(("PB", Some(&other))), true),
                Ok(TransferKind::Move),
            ),
        ];
        for ((from, to, relieve), expected) in cases {
            let got = plan_transfer(TransferFacts {
                employee: &me,
                holds: &holds,
                from_post: from.as_ref(),
                to_post: to.as_ref().map(|(p, h)| (p, h.as_ref())),
                relieve_holder: relieve,
            });
            assert_eq!(got, expected, "{from:?} -> {to:?}");
        }
    }

    #[test]
    fn relieving_closes_the_open_posting() {
        let row = parse_row(&cells(GOOD)).unwrap();
        let record = row.record(("Clerk", "लिपिक"), "batch");
        let post = row.post.clone();
        assert_eq!(
            record.clone().relieve(&post, date!(2019 - 01 - 01)),
            Err(PimsRefusal::BeforeCurrentPosting(date!(2020 - 04 - 01)))
        );
        let relieved = record.relieve(&post, date!(2024 - 07 - 01)).unwrap();
        assert_eq!(relieved.history[0].to, Some(date!(2024 - 06 - 30)));
        assert_eq!(relieved.current_postings().count(), 0);
    }

    proptest! {
        #[test]
        fn row_parsing_never_panics(cells in proptest::collection::vec("\\PC{0,20}", 0..20)) {
            let _ = parse_row(&cells);
        }

        #[test]
        fn a_neutralised_cell_never_starts_a_formula(cell in "\\PC{0,20}") {
            let safe = neutralise_cell(&cell);
            prop_assert!(formula_start(&safe).is_none());
        }

        #[test]
        fn phone_parse_never_panics_and_is_stable(raw in "[+0-9 -]{0,16}") {
            if let Ok(phone) = Phone::parse(&raw) {
                prop_assert_eq!(Phone::parse(phone.as_ref()).unwrap(), phone);
            }
        }
    }
}
