//! The knowledge base (KMS): circulars, orders, notifications, acts, guidelines, manuals and
//! forms, each issued by a department, filed in a folder, kept in versions and valid until
//! superseded or withdrawn.
//!
//! Everything here is pure: numbers and texts are parsed, validity moves by transition
//! functions that return the new state or a typed refusal, versions and roll-backs are built
//! from the history they are handed, and search terms are cut the same way on write and on read.

use crate::attachment::Attachment;
use crate::ids::{code_type, DeptCode, EmployeeId, UploadId};
use crate::search;
use serde::{Deserialize, Serialize};
use time::{Date, OffsetDateTime};
use unicode_segmentation::UnicodeSegmentation;

code_type!(
    /// A knowledge-base document's stable identifier, independent of its number.
    KmsDocId, "document ID", 8, 40
);
code_type!(
    /// A folder of the knowledge base, for example `KF-FIN-CIRCULARS`.
    FolderId, "folder ID", 4, 40
);

/// The most search terms one document is indexed under. Each is one index item written with
/// every version, so the cap keeps an edit (old terms removed, new ones written) well inside a
/// transaction's 100 writes; titles, tags and the number come first so they are never cut.
pub const MAX_DOCUMENT_TERMS: usize = 32;
/// The longest term indexed, in bytes (a long Devanagari word is about 40).
pub const MAX_TERM_BYTES: usize = 100;
/// The most tags on one document.
pub const MAX_TAGS: usize = 12;
/// The most attachments one version carries: fewer than elsewhere, so a version's upload claims
/// fit in its transaction beside the index items.
pub const MAX_VERSION_ATTACHMENTS: usize = 10;
/// The most subscriptions one employee keeps: the KMS inbox reads one list per subscription.
pub const MAX_SUBSCRIPTIONS: usize = 20;

/// What kind of instrument a document is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Category {
    Circular,
    Order,
    Notification,
    Act,
    Guideline,
    Manual,
    Form,
}

impl Category {
    pub const ALL: [Category; 7] = [
        Self::Circular,
        Self::Order,
        Self::Notification,
        Self::Act,
        Self::Guideline,
        Self::Manual,
        Self::Form,
    ];

    /// The name used in keys and URLs: `circular`, `order`, …
    pub fn code(self) -> &'static str {
        match self {
            Self::Circular => "circular",
            Self::Order => "order",
            Self::Notification => "notification",
            Self::Act => "act",
            Self::Guideline => "guideline",
            Self::Manual => "manual",
            Self::Form => "form",
        }
    }

    pub fn parse(raw: &str) -> Result<Self, KmsRefusal> {
        let wanted = raw.trim().to_ascii_lowercase();
        Self::ALL
            .into_iter()
            .find(|c| c.code() == wanted)
            .ok_or(KmsRefusal::UnknownCategory)
    }

    pub fn name_hi(self) -> &'static str {
        match self {
            Self::Circular => "परिपत्र",
            Self::Order => "आदेश",
            Self::Notification => "अधिसूचना",
            Self::Act => "अधिनियम",
            Self::Guideline => "दिशानिर्देश",
            Self::Manual => "नियमावली",
            Self::Form => "प्रपत्र",
        }
    }
}

/// Why a knowledge-base request was refused. Each says which field it is about and why, in
/// English (`Display`) and Hindi ([`KmsRefusal::hindi`]).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum KmsRefusal {
    #[error("{field} is required")]
    Empty { field: &'static str },
    #[error("{field} may be at most {max} characters")]
    TooLong { field: &'static str, max: usize },
    #[error("{field} may not contain control characters")]
    ControlCharacters { field: &'static str },
    #[error("a document number is 2 to 80 characters of letters, digits, spaces and / - . ( ) _")]
    BadNumber,
    #[error("type at least 2 characters of the number")]
    NumberPrefixTooShort,
    #[error("the category must be one of circular, order, notification, act, guideline, manual, form")]
    UnknownCategory,
    #[error("at most {max} tags")]
    TooManyTags { max: usize },
    #[error("at most {max} attachments on one version")]
    TooManyAttachments { max: usize },
    #[error("'from' must not be after 'to'")]
    DatesReversed,
    #[error("type a number or at least one word of two letters")]
    NoSearchWords,
    #[error("this document is already superseded")]
    AlreadySuperseded,
    #[error("this document is withdrawn")]
    AlreadyWithdrawn,
    #[error("a document cannot supersede itself")]
    SupersedesItself,
    #[error("the superseding document must itself be in force")]
    SupersederNotInForce,
    #[error("there is no version {0}")]
    NoSuchVersion(u32),
    #[error("version {0} is already the current version")]
    AlreadyCurrent(u32),
    #[error("a document that is no longer in force cannot be changed")]
    NotInForce,
}

impl KmsRefusal {
    /// The request field the refusal is about.
    pub fn field(&self) -> &'static str {
        match self {
            Self::Empty { field } | Self::TooLong { field, .. } | Self::ControlCharacters { field } => field,
            Self::BadNumber | Self::NumberPrefixTooShort => "number",
            Self::UnknownCategory => "category",
            Self::TooManyTags { .. } => "tags",
            Self::TooManyAttachments { .. } => "attachments",
            Self::DatesReversed => "from",
            Self::NoSearchWords => "q",
            Self::AlreadySuperseded | Self::AlreadyWithdrawn | Self::NotInForce => "version",
            Self::SupersedesItself | Self::SupersederNotInForce => "by",
            Self::NoSuchVersion(_) | Self::AlreadyCurrent(_) => "to_version",
        }
    }

    /// The refusal in Hindi, for the app's Hindi readers.
    pub fn hindi(&self) -> String {
        match self {
            Self::Empty { field } => format!("{} आवश्यक है", field_hi(field)),
            Self::TooLong { field, max } => format!("{} अधिकतम {max} अक्षरों का हो सकता है", field_hi(field)),
            Self::ControlCharacters { field } => format!("{} में नियंत्रण वर्ण नहीं हो सकते", field_hi(field)),
            Self::BadNumber => "दस्तावेज़ संख्या 2 से 80 अक्षरों की हो: अक्षर, अंक, रिक्त स्थान और / - . ( ) _".into(),
            Self::NumberPrefixTooShort => "संख्या के कम से कम 2 अक्षर लिखें".into(),
            Self::UnknownCategory => {
                "श्रेणी इनमें से एक हो: परिपत्र, आदेश, अधिसूचना, अधिनियम, दिशानिर्देश, नियमावली, प्रपत्र".into()
            }
            Self::TooManyTags { max } => format!("अधिकतम {max} टैग"),
            Self::TooManyAttachments { max } => format!("एक संस्करण पर अधिकतम {max} संलग्नक"),
            Self::DatesReversed => "'से' की तिथि 'तक' की तिथि के बाद नहीं हो सकती".into(),
            Self::NoSearchWords => "संख्या या कम से कम दो अक्षरों का एक शब्द लिखें".into(),
            Self::AlreadySuperseded => "यह दस्तावेज़ पहले ही अधिक्रमित हो चुका है".into(),
            Self::AlreadyWithdrawn => "यह दस्तावेज़ वापस लिया जा चुका है".into(),
            Self::SupersedesItself => "कोई दस्तावेज़ स्वयं का अधिक्रमण नहीं कर सकता".into(),
            Self::SupersederNotInForce => "अधिक्रमण करने वाला दस्तावेज़ स्वयं प्रभावी होना चाहिए".into(),
            Self::NoSuchVersion(n) => format!("संस्करण {n} मौजूद नहीं है"),
            Self::AlreadyCurrent(n) => format!("संस्करण {n} पहले से वर्तमान संस्करण है"),
            Self::NotInForce => "जो दस्तावेज़ अब प्रभावी नहीं है उसे बदला नहीं जा सकता".into(),
        }
    }
}

fn field_hi(field: &str) -> &'static str {
    match field {
        "title_en" => "अंग्रेज़ी शीर्षक",
        "title_hi" => "हिंदी शीर्षक",
        "summary_en" => "अंग्रेज़ी सारांश",
        "summary_hi" => "हिंदी सारांश",
        "tags" => "टैग",
        "name_en" => "अंग्रेज़ी नाम",
        "name_hi" => "हिंदी नाम",
        "reason" => "कारण",
        _ => "यह क्षेत्र",
    }
}

/// Trims and checks a text field, counting graphemes (Devanagari is multi-byte and combining).
fn parse_text(raw: &str, field: &'static str, max: usize, multiline: bool) -> Result<String, KmsRefusal> {
    let text = raw.trim();
    if text.is_empty() {
        return Err(KmsRefusal::Empty { field });
    }
    // A grapheme may stack any number of combining marks: cap the bytes too.
    if text.len() > max * 24 || text.graphemes(true).count() > max {
        return Err(KmsRefusal::TooLong { field, max });
    }
    let allowed = |c: char| multiline && (c == '\n' || c == '\r' || c == '\t');
    if text.chars().any(|c| c.is_control() && !allowed(c)) {
        return Err(KmsRefusal::ControlCharacters { field });
    }
    Ok(text.to_owned())
}

/// An optional text field: blank means absent.
fn parse_optional(
    raw: Option<&str>,
    field: &'static str,
    max: usize,
    multiline: bool,
) -> Result<Option<String>, KmsRefusal> {
    match raw.map(str::trim).filter(|t| !t.is_empty()) {
        None => Ok(None),
        Some(text) => parse_text(text, field, max, multiline).map(Some),
    }
}

/// A document's number as issued, for example `FD-2/14/2026-Budget`.
///
/// Kept as written for display; compared and looked up by its [`DocNumber::normalised`] form
/// (upper case, no spaces), so `fd-2/14/2026-budget` and `FD-2/14/2026-Budget` are one number.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(value_type = String))]
#[serde(try_from = "String", into = "String")]
pub struct DocNumber(String);

/// The characters of a number besides ASCII letters and digits.
const NUMBER_PUNCTUATION: &[char] = &['/', '-', '.', '(', ')', '_', ' '];

fn normalise_number(raw: &str) -> Result<String, KmsRefusal> {
    let mut out = String::with_capacity(raw.len());
    for c in raw.trim().chars() {
        // Word processors turn hyphens into dashes; a number typed either way is one number.
        let c = match c {
            '\u{2010}'..='\u{2015}' | '\u{2212}' => '-',
            '\\' => '/',
            other => other,
        };
        if c.is_ascii_alphanumeric() || NUMBER_PUNCTUATION.contains(&c) {
            if !c.is_whitespace() {
                out.push(c.to_ascii_uppercase());
            }
        } else if c.is_whitespace() {
            continue;
        } else {
            return Err(KmsRefusal::BadNumber);
        }
    }
    Ok(out)
}

impl DocNumber {
    pub fn parse(raw: &str) -> Result<Self, KmsRefusal> {
        let text = raw.split_whitespace().collect::<Vec<_>>().join(" ");
        let normalised = normalise_number(&text)?;
        if !(2..=80).contains(&text.len())
            || normalised.len() < 2
            || !normalised.bytes().any(|b| b.is_ascii_alphanumeric())
        {
            return Err(KmsRefusal::BadNumber);
        }
        Ok(Self(text))
    }

    /// The form numbers are compared and looked up by: upper case, without spaces.
    pub fn normalised(&self) -> String {
        normalise_number(&self.0).expect("a parsed number normalises")
    }
}

/// A number or the start of one, as typed in a search: normalised like [`DocNumber`], at least
/// two characters (the number index is partitioned by the first two).
pub fn number_prefix(raw: &str) -> Result<String, KmsRefusal> {
    let normalised = normalise_number(raw)?;
    if normalised.chars().count() < 2 {
        return Err(KmsRefusal::NumberPrefixTooShort);
    }
    if normalised.len() > 80 {
        return Err(KmsRefusal::BadNumber);
    }
    Ok(normalised)
}

impl TryFrom<String> for DocNumber {
    type Error = KmsRefusal;
    fn try_from(raw: String) -> Result<Self, Self::Error> {
        Self::parse(&raw)
    }
}

impl From<DocNumber> for String {
    fn from(number: DocNumber) -> String {
        number.0
    }
}

impl AsRef<str> for DocNumber {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for DocNumber {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// What a version says about its document, as typed (the request's part that can change from
/// version to version).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DocumentInput {
    pub folder: FolderId,
    /// The date the document was issued (`YYYY-MM-DD`).
    pub date: Date,
    pub title_en: String,
    #[serde(default)]
    pub title_hi: Option<String>,
    pub summary_en: String,
    #[serde(default)]
    pub summary_hi: Option<String>,
    #[serde(default)]
    pub tags: Vec<String>,
}

/// A version's description of its document, checked. Every version keeps a whole snapshot.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DocumentMeta {
    pub folder: FolderId,
    pub date: Date,
    pub title_en: String,
    pub title_hi: Option<String>,
    pub summary_en: String,
    pub summary_hi: Option<String>,
    pub tags: Vec<String>,
}

impl DocumentMeta {
    pub const MAX_TITLE: usize = 300;
    pub const MAX_SUMMARY: usize = 4000;
    pub const MAX_TAG: usize = 40;

    /// Checks what was typed: titles and summaries trimmed and bounded, Hindi optional, tags
    /// distinct (ignoring case) and few.
    pub fn parse(input: &DocumentInput) -> Result<Self, KmsRefusal> {
        if input.tags.len() > MAX_TAGS {
            return Err(KmsRefusal::TooManyTags { max: MAX_TAGS });
        }
        let mut tags: Vec<String> = Vec::with_capacity(input.tags.len());
        for raw in &input.tags {
            let tag = parse_text(raw, "tags", Self::MAX_TAG, false)?;
            if !tags.iter().any(|t| t.to_lowercase() == tag.to_lowercase()) {
                tags.push(tag);
            }
        }
        Ok(Self {
            folder: input.folder.clone(),
            date: input.date,
            title_en: parse_text(&input.title_en, "title_en", Self::MAX_TITLE, false)?,
            title_hi: parse_optional(input.title_hi.as_deref(), "title_hi", Self::MAX_TITLE, false)?,
            summary_en: parse_text(&input.summary_en, "summary_en", Self::MAX_SUMMARY, true)?,
            summary_hi: parse_optional(input.summary_hi.as_deref(), "summary_hi", Self::MAX_SUMMARY, true)?,
            tags,
        })
    }
}

/// Whether a document is still the rule.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case", tag = "status")]
pub enum Validity {
    InForce,
    /// Replaced by a later document, which names this one in its `supersedes`.
    Superseded {
        by: KmsDocId,
        by_number: DocNumber,
        on: Date,
    },
    /// Withdrawn without a replacement.
    Withdrawn {
        on: Date,
        reason: String,
    },
}

impl Validity {
    pub fn is_in_force(&self) -> bool {
        matches!(self, Self::InForce)
    }

    /// Refuses a change to a document that is no longer in force, saying why.
    fn must_be_in_force(&self) -> Result<(), KmsRefusal> {
        match self {
            Self::InForce => Ok(()),
            Self::Superseded { .. } => Err(KmsRefusal::AlreadySuperseded),
            Self::Withdrawn { .. } => Err(KmsRefusal::AlreadyWithdrawn),
        }
    }

    /// In force → superseded by `by`. `this` is the document being superseded, `by_validity`
    /// the superseding one's own validity: it must be another document, itself in force.
    pub fn supersede(
        &self,
        this: &KmsDocId,
        by: &KmsDocId,
        by_number: &DocNumber,
        by_validity: &Validity,
        on: Date,
    ) -> Result<Validity, KmsRefusal> {
        self.must_be_in_force()?;
        if this == by {
            return Err(KmsRefusal::SupersedesItself);
        }
        if !by_validity.is_in_force() {
            return Err(KmsRefusal::SupersederNotInForce);
        }
        Ok(Self::Superseded {
            by: by.clone(),
            by_number: by_number.clone(),
            on,
        })
    }

    /// In force → withdrawn, with the reason recorded.
    pub fn withdraw(&self, reason: &str, on: Date) -> Result<Validity, KmsRefusal> {
        self.must_be_in_force()?;
        Ok(Self::Withdrawn {
            on,
            reason: parse_text(reason, "reason", 1000, true)?,
        })
    }

    /// Orders index rows: documents in force sort after (so, newest first, before) the rest.
    pub fn rank(&self) -> char {
        if self.is_in_force() {
            '1'
        } else {
            '0'
        }
    }
}

/// One version of a document: a snapshot of what it said and the attachments it carried.
/// Versions are never rewritten; a roll-back adds a new one equal to an older one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DocumentVersion {
    /// 1 for the document as first issued, then 2, 3, …
    pub n: u32,
    pub meta: DocumentMeta,
    pub attachments: Vec<Attachment>,
    pub by: EmployeeId,
    #[serde(with = "time::serde::rfc3339")]
    pub at: OffsetDateTime,
    /// The older version this one restores, when it was made by a roll-back.
    pub restores: Option<u32>,
}

/// A knowledge-base document as the table keeps it: the current version's snapshot, plus what
/// does not change between versions (number, department, category) and its validity.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct KmsDocument {
    pub id: KmsDocId,
    pub number: DocNumber,
    /// The issuing department: only its KMS editors change the document.
    pub dept: DeptCode,
    pub category: Category,
    pub current: DocumentVersion,
    pub validity: Validity,
    /// Earlier documents this one replaced (each names this one as `Superseded { by }`).
    pub supersedes: Vec<KmsDocId>,
    pub created_by: EmployeeId,
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: OffsetDateTime,
}

impl KmsDocument {
    /// A new document, as version 1.
    #[allow(clippy::too_many_arguments)]
    pub fn issue(
        id: KmsDocId,
        number: DocNumber,
        dept: DeptCode,
        category: Category,
        meta: DocumentMeta,
        attachments: Vec<Attachment>,
        by: EmployeeId,
        at: OffsetDateTime,
    ) -> Result<Self, KmsRefusal> {
        if attachments.len() > MAX_VERSION_ATTACHMENTS {
            return Err(KmsRefusal::TooManyAttachments {
                max: MAX_VERSION_ATTACHMENTS,
            });
        }
        Ok(Self {
            id,
            number,
            dept,
            category,
            current: DocumentVersion {
                n: 1,
                meta,
                attachments,
                by: by.clone(),
                at,
                restores: None,
            },
            validity: Validity::InForce,
            supersedes: Vec::new(),
            created_by: by,
            created_at: at,
        })
    }

    /// The document with a new current version. Only a document in force is revised.
    pub fn revise(
        &self,
        meta: DocumentMeta,
        attachments: Vec<Attachment>,
        by: EmployeeId,
        at: OffsetDateTime,
    ) -> Result<Self, KmsRefusal> {
        self.validity.must_be_in_force().map_err(|_| KmsRefusal::NotInForce)?;
        if attachments.len() > MAX_VERSION_ATTACHMENTS {
            return Err(KmsRefusal::TooManyAttachments {
                max: MAX_VERSION_ATTACHMENTS,
            });
        }
        Ok(Self {
            current: DocumentVersion {
                n: self.current.n + 1,
                meta,
                attachments,
                by,
                at,
                restores: None,
            },
            ..self.clone()
        })
    }

    /// The document with a new current version equal to `older` (read from its history):
    /// history is never rewritten, the roll-back is one more version.
    pub fn roll_back(&self, older: &DocumentVersion, by: EmployeeId, at: OffsetDateTime) -> Result<Self, KmsRefusal> {
        self.validity.must_be_in_force().map_err(|_| KmsRefusal::NotInForce)?;
        if older.n == self.current.n {
            return Err(KmsRefusal::AlreadyCurrent(older.n));
        }
        if older.n == 0 || older.n > self.current.n {
            return Err(KmsRefusal::NoSuchVersion(older.n));
        }
        Ok(Self {
            current: DocumentVersion {
                n: self.current.n + 1,
                meta: older.meta.clone(),
                attachments: older.attachments.clone(),
                by,
                at,
                restores: Some(older.n),
            },
            ..self.clone()
        })
    }

    /// The terms the document is found by: its titles, tags, number and summaries.
    pub fn terms(&self) -> Vec<String> {
        let meta = &self.current.meta;
        let texts = [
            Some(meta.title_en.as_str()),
            meta.title_hi.as_deref(),
            Some(&meta.tags.join(" ")),
            Some(self.number.as_ref()),
            Some(meta.summary_en.as_str()),
            meta.summary_hi.as_deref(),
        ];
        let mut terms: Vec<String> = Vec::new();
        for text in texts.into_iter().flatten() {
            for term in query_terms(text) {
                if terms.len() == MAX_DOCUMENT_TERMS {
                    return terms;
                }
                if !terms.contains(&term) {
                    terms.push(term);
                }
            }
        }
        terms
    }

    /// The row every index keeps for the document.
    pub fn hit(&self) -> KmsHit {
        let meta = &self.current.meta;
        KmsHit {
            id: self.id.clone(),
            number: self.number.clone(),
            dept: self.dept.clone(),
            category: self.category,
            folder: meta.folder.clone(),
            date: meta.date,
            title_en: meta.title_en.clone(),
            title_hi: meta.title_hi.clone(),
            version: self.current.n,
            validity: self.validity.clone(),
            terms: self.terms(),
        }
    }
}

/// Folds spellings of one Hindi word together: a nukta (ज़ and ज) and a chandrabindu (माँग and
/// मांग) are often typed either way.
fn fold_devanagari(term: &str) -> String {
    term.chars()
        .filter(|c| *c != '\u{093C}')
        .map(|c| match c {
            '\u{0958}' => '\u{0915}',
            '\u{0959}' => '\u{0916}',
            '\u{095A}' => '\u{0917}',
            '\u{095B}' => '\u{091C}',
            '\u{095C}' => '\u{0921}',
            '\u{095D}' => '\u{0922}',
            '\u{095E}' => '\u{092B}',
            '\u{095F}' => '\u{092F}',
            '\u{0901}' => '\u{0902}',
            other => other,
        })
        .collect()
}

/// The search terms of a text, as the shared tokeniser cuts them (Unicode words, lower case,
/// no stop words), with Hindi spellings folded. Used on write and on read alike.
pub fn query_terms(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for term in search::terms(text) {
        let folded = fold_devanagari(&term);
        // A "word" longer than any real one (a pasted hash, a run of letters) would only make
        // an oversized index key.
        if folded.len() <= MAX_TERM_BYTES && !out.contains(&folded) {
            out.push(folded);
        }
    }
    out
}

/// A document as search results, folder lists and the number index show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct KmsHit {
    pub id: KmsDocId,
    pub number: DocNumber,
    pub dept: DeptCode,
    pub category: Category,
    pub folder: FolderId,
    pub date: Date,
    pub title_en: String,
    pub title_hi: Option<String>,
    /// The current version's number.
    pub version: u32,
    pub validity: Validity,
    /// What the document is indexed under (filters multi-word searches).
    pub terms: Vec<String>,
}

/// A folder of the knowledge base, kept by one department.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Folder {
    pub id: FolderId,
    pub dept: DeptCode,
    pub name_en: String,
    pub name_hi: Option<String>,
    pub created_by: EmployeeId,
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: OffsetDateTime,
}

/// `POST /api/v1/kms/folders`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewFolder {
    pub dept: DeptCode,
    pub name_en: String,
    #[serde(default)]
    pub name_hi: Option<String>,
}

impl NewFolder {
    /// The checked names: English required, Hindi optional.
    pub fn names(&self) -> Result<(String, Option<String>), KmsRefusal> {
        Ok((
            parse_text(&self.name_en, "name_en", 120, false)?,
            parse_optional(self.name_hi.as_deref(), "name_hi", 120, false)?,
        ))
    }
}

/// `POST /api/v1/kms/documents`: a new document, as version 1.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewDocument {
    pub number: String,
    pub dept: DeptCode,
    pub category: Category,
    #[serde(flatten)]
    pub input: DocumentInput,
    /// Finished uploads to attach (see `/api/v1/uploads`).
    #[serde(default)]
    pub attachments: Vec<UploadId>,
}

/// `PUT /api/v1/kms/documents/{id}`: a new version.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReviseDocument {
    /// The document's `version` as read: a stale one is refused with 409.
    pub version: u64,
    #[serde(flatten)]
    pub input: DocumentInput,
    /// New uploads, attached after the current version's attachments that are kept.
    #[serde(default)]
    pub attachments: Vec<UploadId>,
    /// Current attachments (by 1-based position) not carried into the new version.
    #[serde(default)]
    pub drop_attachments: Vec<u32>,
}

/// `POST /api/v1/kms/documents/{id}/rollback`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RollBack {
    /// The document's `version` as read.
    pub version: u64,
    /// The version (`n`) whose text and attachments become current again.
    pub to_version: u32,
}

/// `POST /api/v1/kms/documents/{id}/supersede`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Supersede {
    /// The superseded document's `version` as read.
    pub version: u64,
    /// The document that replaces it.
    pub by: KmsDocId,
}

/// `POST /api/v1/kms/documents/{id}/withdraw`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Withdraw {
    pub version: u64,
    pub reason: String,
}

/// A document as the API sends it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct KmsDocumentView {
    #[serde(flatten)]
    pub document: KmsDocument,
    /// The record's version, to send back with a change (optimistic concurrency). Not the
    /// content version, which is `current.n`.
    pub version: u64,
    /// Whether the signed-in official may change it (a KMS editor of its department).
    pub may_edit: bool,
}

/// The posts whose holders are a department's KMS editors (`GET`/`PUT
/// /api/v1/kms/departments/{dept}/editors`). The right goes with the desk: whoever holds one
/// of these posts, or holds it by acting charge, edits the department's documents.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct KmsEditors {
    pub dept: DeptCode,
    pub posts: Vec<crate::ids::PostId>,
}

/// What a subscription follows.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum SubscriptionTarget {
    Folder { folder: FolderId },
    Department { dept: DeptCode },
    Category { category: Category },
}

impl SubscriptionTarget {
    /// The target as one token, for keys and the unsubscribe URL: `folder:KF-…`, `dept:FIN`,
    /// `category:circular`.
    pub fn token(&self) -> String {
        match self {
            Self::Folder { folder } => format!("folder:{folder}"),
            Self::Department { dept } => format!("dept:{dept}"),
            Self::Category { category } => format!("category:{}", category.code()),
        }
    }

    pub fn from_token(token: &str) -> Option<Self> {
        let (kind, value) = token.split_once(':')?;
        match kind {
            "folder" => FolderId::parse(value).ok().map(|folder| Self::Folder { folder }),
            "dept" => DeptCode::parse(value).ok().map(|dept| Self::Department { dept }),
            "category" => Category::parse(value).ok().map(|category| Self::Category { category }),
            _ => None,
        }
    }

    /// The targets a change to a document is announced under.
    pub fn of(hit: &KmsHit) -> [SubscriptionTarget; 3] {
        [
            Self::Folder {
                folder: hit.folder.clone(),
            },
            Self::Department { dept: hit.dept.clone() },
            Self::Category { category: hit.category },
        ]
    }
}

/// `POST /api/v1/kms/subscriptions`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewSubscription {
    pub target: SubscriptionTarget,
}

/// An employee's subscription, from when it was made.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Subscription {
    pub target: SubscriptionTarget,
    /// The unsubscribe token (`DELETE /api/v1/kms/subscriptions/{token}`).
    pub token: String,
    #[serde(with = "time::serde::rfc3339")]
    pub since: OffsetDateTime,
}

/// What happened to a document, as a subscriber's inbox lists it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ChangeKind {
    NewDocument,
    NewVersion,
    RolledBack,
}

/// One entry of a KMS inbox.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct KmsChange {
    pub kind: ChangeKind,
    pub document: KmsDocId,
    pub number: DocNumber,
    pub dept: DeptCode,
    pub category: Category,
    pub folder: FolderId,
    pub title_en: String,
    pub title_hi: Option<String>,
    /// The version that was added.
    pub version: u32,
    pub by: EmployeeId,
    #[serde(with = "time::serde::rfc3339")]
    pub at: OffsetDateTime,
}

impl KmsChange {
    /// The change a document's new current version announces.
    pub fn of(document: &KmsDocument) -> Self {
        let current = &document.current;
        let kind = match (current.n, current.restores) {
            (1, _) => ChangeKind::NewDocument,
            (_, Some(_)) => ChangeKind::RolledBack,
            _ => ChangeKind::NewVersion,
        };
        Self {
            kind,
            document: document.id.clone(),
            number: document.number.clone(),
            dept: document.dept.clone(),
            category: document.category,
            folder: current.meta.folder.clone(),
            title_en: current.meta.title_en.clone(),
            title_hi: current.meta.title_hi.clone(),
            version: current.n,
            by: current.by.clone(),
            at: current.at,
        }
    }
}

/// Checks a search's date range.
pub fn date_range(from: Option<Date>, to: Option<Date>) -> Result<(Option<Date>, Option<Date>), KmsRefusal> {
    match (from, to) {
        (Some(f), Some(t)) if f > t => Err(KmsRefusal::DatesReversed),
        range => Ok(range),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::{date, datetime};

    fn id(raw: &str) -> KmsDocId {
        KmsDocId::parse(raw).unwrap()
    }

    fn input(title: &str) -> DocumentInput {
        DocumentInput {
            folder: FolderId::parse("KF-FIN-CIRCULARS").unwrap(),
            date: date!(2026 - 04 - 01),
            title_en: title.into(),
            title_hi: Some("पेंशन संशोधन".into()),
            summary_en: "Revised pension for retirees".into(),
            summary_hi: None,
            tags: vec!["Pension".into(), "pension".into(), "Retirement".into()],
        }
    }

    fn document() -> KmsDocument {
        KmsDocument::issue(
            id("KD-00000001"),
            DocNumber::parse("FD-2/14/2026-Pen").unwrap(),
            DeptCode::parse("FIN").unwrap(),
            Category::Circular,
            DocumentMeta::parse(&input("Revision of pension")).unwrap(),
            Vec::new(),
            EmployeeId::parse("HR2004").unwrap(),
            datetime!(2026-04-01 10:00 UTC),
        )
        .unwrap()
    }

    #[test]
    fn numbers_are_kept_as_written_and_compared_normalised() {
        let cases = [
            ("FD-2/14/2026-Budget", "FD-2/14/2026-BUDGET"),
            ("  fd-2/14/2026-budget ", "FD-2/14/2026-BUDGET"),
            ("No. 12 / 3 / 2026", "NO.12/3/2026"),
            ("GAD\u{2013}1/2026", "GAD-1/2026"),
            ("FD\\2\\2026", "FD/2/2026"),
        ];
        for (raw, normalised) in cases {
            let number = DocNumber::parse(raw).unwrap();
            assert_eq!(number.normalised(), normalised, "{raw}");
        }
        assert_eq!(DocNumber::parse("No. 12  /  3").unwrap().as_ref(), "No. 12 / 3");
        for bad in ["", "A", "FD#1", "फ़ा-2/2026", "--", &"X".repeat(81)] {
            assert_eq!(DocNumber::parse(bad), Err(KmsRefusal::BadNumber), "{bad:?}");
        }
        assert_eq!(number_prefix("fd-2/1").unwrap(), "FD-2/1");
        assert_eq!(number_prefix("f"), Err(KmsRefusal::NumberPrefixTooShort));
        assert_eq!(number_prefix("FD#"), Err(KmsRefusal::BadNumber));
    }

    #[test]
    fn metadata_is_trimmed_bounded_and_tags_distinct() {
        let meta = DocumentMeta::parse(&input("  Revision of pension  ")).unwrap();
        assert_eq!(meta.title_en, "Revision of pension");
        assert_eq!(meta.tags, ["Pension", "Retirement"]);
        let mut blank_hindi = input("T");
        blank_hindi.title_hi = Some("   ".into());
        assert_eq!(DocumentMeta::parse(&blank_hindi).unwrap().title_hi, None);

        let refusals: Vec<(DocumentInput, &str)> = vec![
            (input(" "), "title_en"),
            (input(&"क्षे".repeat(301)), "title_en"),
            (
                DocumentInput {
                    tags: (0..13).map(|i| format!("t{i}")).collect(),
                    ..input("T")
                },
                "tags",
            ),
            (
                DocumentInput {
                    title_hi: Some("a\u{0007}".into()),
                    ..input("T")
                },
                "title_hi",
            ),
        ];
        for (bad, field) in refusals {
            let refusal = DocumentMeta::parse(&bad).unwrap_err();
            assert_eq!(refusal.field(), field, "{refusal}");
            assert!(!refusal.hindi().is_empty());
        }
    }

    #[test]
    fn validity_moves_only_from_in_force() {
        let this = id("KD-00000001");
        let other = id("KD-00000002");
        let number = DocNumber::parse("FD-3/2026").unwrap();
        let on = date!(2026 - 05 - 01);
        let superseded = Validity::InForce
            .supersede(&this, &other, &number, &Validity::InForce, on)
            .unwrap();
        assert!(matches!(&superseded, Validity::Superseded { by, .. } if *by == other));
        let withdrawn = Validity::InForce.withdraw("Issued in error", on).unwrap();

        // (from, result of superseding by `other`, result of withdrawing)
        let table: [(&Validity, Option<KmsRefusal>, Option<KmsRefusal>); 3] = [
            (&Validity::InForce, None, None),
            (
                &superseded,
                Some(KmsRefusal::AlreadySuperseded),
                Some(KmsRefusal::AlreadySuperseded),
            ),
            (
                &withdrawn,
                Some(KmsRefusal::AlreadyWithdrawn),
                Some(KmsRefusal::AlreadyWithdrawn),
            ),
        ];
        for (from, supersede, withdraw) in table {
            assert_eq!(
                from.supersede(&this, &other, &number, &Validity::InForce, on).err(),
                supersede
            );
            assert_eq!(from.withdraw("reason", on).err(), withdraw);
        }
        assert_eq!(
            Validity::InForce.supersede(&this, &this, &number, &Validity::InForce, on),
            Err(KmsRefusal::SupersedesItself)
        );
        assert_eq!(
            Validity::InForce.supersede(&this, &other, &number, &withdrawn, on),
            Err(KmsRefusal::SupersederNotInForce)
        );
        assert_eq!(
            Validity::InForce.withdraw("  ", on),
            Err(KmsRefusal::Empty { field: "reason" })
        );
        assert!(Validity::InForce.rank() > superseded.rank());
    }

    #[test]
    fn versions_add_up_and_a_roll_back_is_a_new_version() {
        let v1 = document();
        let by = EmployeeId::parse("HR2004").unwrap();
        let at = datetime!(2026-04-02 10:00 UTC);
        let v2 = v1
            .revise(
                DocumentMeta::parse(&input("Pension revised again")).unwrap(),
                Vec::new(),
                by.clone(),
                at,
            )
            .unwrap();
        assert_eq!((v2.current.n, v2.current.restores), (2, None));
        assert_eq!(v2.current.meta.title_en, "Pension revised again");

        let v3 = v2.roll_back(&v1.current, by.clone(), at).unwrap();
        assert_eq!((v3.current.n, v3.current.restores), (3, Some(1)));
        assert_eq!(v3.current.meta, v1.current.meta);
        assert_eq!(KmsChange::of(&v3).kind, ChangeKind::RolledBack);
        assert_eq!(KmsChange::of(&v2).kind, ChangeKind::NewVersion);
        assert_eq!(KmsChange::of(&v1).kind, ChangeKind::NewDocument);

        assert_eq!(
            v3.roll_back(&v3.current, by.clone(), at).unwrap_err(),
            KmsRefusal::AlreadyCurrent(3)
        );
        let mut future = v3.current.clone();
        future.n = 9;
        assert_eq!(
            v3.roll_back(&future, by.clone(), at).unwrap_err(),
            KmsRefusal::NoSuchVersion(9)
        );

        let mut withdrawn = v3.clone();
        withdrawn.validity = Validity::InForce.withdraw("Obsolete", date!(2026 - 05 - 01)).unwrap();
        assert_eq!(
            withdrawn.roll_back(&v1.current, by.clone(), at).unwrap_err(),
            KmsRefusal::NotInForce
        );
        assert_eq!(
            withdrawn
                .revise(v1.current.meta.clone(), Vec::new(), by, at)
                .unwrap_err(),
            KmsRefusal::NotInForce
        );
    }

    #[test]
    fn english_and_hindi_words_index_alike_on_write_and_read() {
        let terms = document().terms();
        for wanted in [
            "revision",
            "pension",
            "पेंशन",
            "संशोधन",
            "retirement",
            "fd",
            "2026",
            "pen",
            "retirees",
        ] {
            assert!(terms.contains(&wanted.to_owned()), "{wanted} in {terms:?}");
        }
        assert_eq!(query_terms("PENSION पेंशन"), ["pension", "पेंशन"]);
        // Nukta and chandrabindu spellings fold together, precomposed or not.
        assert_eq!(query_terms("फ़ाइल"), query_terms("फाइल"));
        assert_eq!(query_terms("\u{095B}मीन"), query_terms("ज\u{093C}मीन"));
        assert_eq!(query_terms("माँग"), query_terms("मांग"));
        assert!(query_terms("of the a").is_empty());
        assert!(query_terms(&"x".repeat(MAX_TERM_BYTES + 1)).is_empty());
    }

    #[test]
    fn terms_are_capped_with_titles_first() {
        let mut doc = document();
        doc.current.meta.summary_en = (0..100).map(|i| format!("word{i} ")).collect();
        doc.current.meta.summary_hi = Some((0..100).map(|i| format!("शब्द{i} ")).collect());
        let terms = doc.terms();
        assert_eq!(terms.len(), MAX_DOCUMENT_TERMS);
        assert_eq!(&terms[..2], ["revision", "pension"]);
    }

    #[test]
    fn subscription_tokens_round_trip() {
        for target in [
            SubscriptionTarget::Folder {
                folder: FolderId::parse("KF-FIN-CIRCULARS").unwrap(),
            },
            SubscriptionTarget::Department {
                dept: DeptCode::parse("FIN").unwrap(),
            },
            SubscriptionTarget::Category {
                category: Category::Circular,
            },
        ] {
            assert_eq!(SubscriptionTarget::from_token(&target.token()), Some(target));
        }
        assert_eq!(SubscriptionTarget::from_token("planet:mars"), None);
        assert_eq!(SubscriptionTarget::from_token("category:memo"), None);
    }

    #[test]
    fn date_ranges_must_run_forwards() {
        assert!(date_range(Some(date!(2026 - 01 - 01)), Some(date!(2026 - 12 - 31))).is_ok());
        assert!(date_range(None, Some(date!(2026 - 12 - 31))).is_ok());
        assert_eq!(
            date_range(Some(date!(2026 - 12 - 31)), Some(date!(2026 - 01 - 01))),
            Err(KmsRefusal::DatesReversed)
        );
    }

    proptest::proptest! {
        #[test]
        fn number_parsing_never_panics_and_normalising_is_stable(raw in "[A-Za-z0-9/ .()_\\-]{0,90}|\\PC{0,90}") {
            if let Ok(number) = DocNumber::parse(&raw) {
                let normalised = number.normalised();
                proptest::prop_assert_eq!(DocNumber::parse(&normalised).unwrap().normalised(), normalised.clone());
                proptest::prop_assert_eq!(number_prefix(number.as_ref()).unwrap(), normalised);
            }
        }

        #[test]
        fn query_terms_never_panic_and_are_distinct(raw in "\\PC{0,200}") {
            let terms = query_terms(&raw);
            for (i, t) in terms.iter().enumerate() {
                proptest::prop_assert!(!terms[..i].contains(t));
                proptest::prop_assert!(t.len() <= MAX_TERM_BYTES);
            }
        }
    }
}
