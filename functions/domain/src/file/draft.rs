//! Drafts for approval: outgoing letters written on a file, revised in numbered versions,
//! approved (recording who approved which version), and issued through the office's dispatch
//! register.

use super::{File, FileEvent, FileEventKind, FileRefusal};
use crate::attachment::{Attachment, MAX_ATTACHMENTS};
use crate::auth::Actor;
use crate::ids::{EmployeeId, FileId, OfficeCode, PostId};
use crate::text::{LetterBody, PartyName, Remarks, Subject};
use serde::{Deserialize, Serialize};
use std::fmt;
use time::OffsetDateTime;

/// The most addressees one letter goes to; a longer list is an annexure.
pub const MAX_ADDRESSEES: usize = 50;

/// How an issued letter leaves the office.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum DispatchMode {
    OrdinaryPost,
    RegisteredPost,
    SpeedPost,
    Email,
    Hand,
    Courier,
    Portal,
}

impl DispatchMode {
    pub const ALL: [DispatchMode; 7] = [
        Self::OrdinaryPost,
        Self::RegisteredPost,
        Self::SpeedPost,
        Self::Email,
        Self::Hand,
        Self::Courier,
        Self::Portal,
    ];
}

/// What a letter says and to whom: one version of a draft.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LetterText {
    pub subject: Subject,
    pub addressees: Vec<PartyName>,
    pub body: LetterBody,
}

/// One version of a draft, kept for ever.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DraftVersion {
    pub draft: u32,
    pub version: u32,
    pub letter: LetterText,
    /// Documents sent with the letter; their hashes are sealed with the approved version.
    #[serde(default)]
    pub enclosures: Vec<Attachment>,
    pub by: EmployeeId,
    pub post: PostId,
    #[serde(with = "time::serde::rfc3339")]
    pub at: OffsetDateTime,
}

impl DraftVersion {
    /// The enclosures a revision carries over: all of this version's except those dropped
    /// (numbered from 1, as they are listed).
    pub fn carried_enclosures(&self, drop: &[u32]) -> Result<Vec<Attachment>, FileRefusal> {
        let listed = 1..=self.enclosures.len();
        if drop.iter().any(|&k| !listed.contains(&(k as usize))) {
            return Err(FileRefusal::NoSuchEnclosure);
        }
        Ok(self
            .enclosures
            .iter()
            .zip(1..)
            .filter(|(_, k)| !drop.contains(k))
            .map(|(a, _)| a.clone())
            .collect())
    }

    /// The hash sealed into the history when this version is approved.
    pub fn content_hash(&self) -> String {
        super::chain::content_hash(self)
    }
}

/// How a revision changes the letter's enclosures.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EnclosureChange {
    /// The earlier version's enclosures to leave out, numbered from 1 as listed.
    pub drop: Vec<u32>,
    /// New enclosures, after those carried over.
    pub add: Vec<Attachment>,
}

/// Who approved which version.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Approval {
    pub version: u32,
    pub by: EmployeeId,
    pub post: PostId,
    #[serde(with = "time::serde::rfc3339")]
    pub at: OffsetDateTime,
}

/// A letter's number in its office's dispatch register: `FIN-HQ/D/2026/17`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DispatchNumber {
    pub office: OfficeCode,
    pub year: i32,
    pub serial: u32,
}

impl fmt::Display for DispatchNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/D/{}/{}", self.office, self.year, self.serial)
    }
}

/// A draft on a file and where it stands.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Draft {
    pub id: u32,
    /// The latest version.
    pub latest: DraftVersion,
    /// The approval, if the latest version is approved; a revision clears it.
    pub approval: Option<Approval>,
    /// Once issued, its dispatch number; an issued draft never changes.
    pub issued: Option<DispatchNumber>,
}

/// Where an entry of the dispatch register stands.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case", tag = "status")]
pub enum DispatchStatus {
    /// Numbered and signed; waiting to leave the office.
    Issued,
    /// Handed to the post, mailed or delivered.
    Dispatched {
        by: EmployeeId,
        #[serde(with = "time::serde::rfc3339")]
        at: OffsetDateTime,
        /// A postal receipt number or similar.
        reference: Remarks,
    },
}

/// One entry of an office's dispatch register.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DispatchEntry {
    pub number: DispatchNumber,
    pub number_text: String,
    pub file_id: FileId,
    pub file_number: String,
    pub draft: u32,
    pub version: u32,
    pub subject: Subject,
    pub addressees: Vec<PartyName>,
    pub mode: DispatchMode,
    pub issued_by: EmployeeId,
    #[serde(with = "time::serde::rfc3339")]
    pub issued_at: OffsetDateTime,
    pub status: DispatchStatus,
}

impl DispatchEntry {
    /// Records that the letter left the office. Once only.
    pub fn dispatch(
        &self,
        by: EmployeeId,
        reference: Remarks,
        now: OffsetDateTime,
    ) -> Result<DispatchEntry, FileRefusal> {
        if self.status != DispatchStatus::Issued {
            return Err(FileRefusal::AlreadyDispatched);
        }
        let mut next = self.clone();
        next.status = DispatchStatus::Dispatched { by, at: now, reference };
        Ok(next)
    }
}

fn check_letter(letter: &LetterText, enclosures: &[Attachment]) -> Result<(), FileRefusal> {
    if letter.addressees.is_empty() || letter.addressees.len() > MAX_ADDRESSEES {
        return Err(FileRefusal::BadAddressees);
    }
    if enclosures.len() > MAX_ATTACHMENTS {
        return Err(FileRefusal::TooManyAttachments);
    }
    Ok(())
}

impl File {
    fn draft_version(
        &self,
        actor: &Actor,
        draft: u32,
        version: u32,
        letter: LetterText,
        enclosures: Vec<Attachment>,
        now: OffsetDateTime,
    ) -> DraftVersion {
        DraftVersion {
            draft,
            version,
            letter,
            enclosures,
            by: actor.employee.clone(),
            post: self.holder.clone(),
            at: now,
        }
    }

    fn check_changeable(&self, draft: &Draft) -> Result<(), FileRefusal> {
        if draft.issued.is_some() {
            Err(FileRefusal::DraftIssued)
        } else {
            Ok(())
        }
    }

    /// The holder starts an outgoing letter on the file.
    pub fn start_draft(
        &self,
        version: u64,
        actor: &Actor,
        letter: LetterText,
        enclosures: Vec<Attachment>,
        now: OffsetDateTime,
    ) -> Result<(File, Draft), FileRefusal> {
        self.check_version(version)?;
        self.check_workable(actor)?;
        check_letter(&letter, &enclosures)?;
        let mut next = self.clone();
        next.drafts_started += 1;
        next.opened = true;
        next.version += 1;
        let draft = Draft {
            id: next.drafts_started,
            latest: self.draft_version(actor, next.drafts_started, 1, letter, enclosures, now),
            approval: None,
            issued: None,
        };
        Ok((next, draft))
    }

    /// The holder revises a draft: a new version, which needs approving afresh. It carries the
    /// earlier version's enclosures except those dropped, then the new ones.
    pub fn revise_draft(
        &self,
        version: u64,
        actor: &Actor,
        draft: &Draft,
        letter: LetterText,
        enclosures: EnclosureChange,
        now: OffsetDateTime,
    ) -> Result<(File, Draft), FileRefusal> {
        self.check_version(version)?;
        self.check_workable(actor)?;
        self.check_changeable(draft)?;
        let mut carried = draft.latest.carried_enclosures(&enclosures.drop)?;
        carried.extend(enclosures.add);
        let enclosures = carried;
        check_letter(&letter, &enclosures)?;
        let mut next = self.clone();
        next.version += 1;
        let revised = Draft {
            id: draft.id,
            latest: self.draft_version(actor, draft.id, draft.latest.version + 1, letter, enclosures, now),
            approval: None,
            issued: None,
        };
        Ok((next, revised))
    }

    /// The holder approves the latest version: who approved which version enters the history.
    pub fn approve_draft(
        &self,
        version: u64,
        actor: &Actor,
        draft: &Draft,
        now: OffsetDateTime,
    ) -> Result<(File, Draft, FileEvent), FileRefusal> {
        self.check_version(version)?;
        self.check_workable(actor)?;
        self.check_changeable(draft)?;
        if draft.approval.is_some() {
            return Err(FileRefusal::AlreadyApproved);
        }
        let mut approved = draft.clone();
        approved.approval = Some(Approval {
            version: draft.latest.version,
            by: actor.employee.clone(),
            post: self.holder.clone(),
            at: now,
        });
        let kind = FileEventKind::DraftApproved {
            draft: draft.id,
            version: draft.latest.version,
            content_hash: draft.latest.content_hash(),
        };
        let (next, event) =
            self.clone()
                .record(kind, &actor.employee, self.holder.clone(), None, Remarks::empty(), now);
        Ok((next, approved, event))
    }

    /// The holder issues an approved draft under the next number of the office's dispatch register.
    pub fn issue_draft(
        &self,
        version: u64,
        actor: &Actor,
        draft: &Draft,
        number: DispatchNumber,
        mode: DispatchMode,
        now: OffsetDateTime,
    ) -> Result<(File, Draft, FileEvent, DispatchEntry), FileRefusal> {
        self.check_version(version)?;
        self.check_workable(actor)?;
        self.check_changeable(draft)?;
        if draft.approval.as_ref().map(|a| a.version) != Some(draft.latest.version) {
            return Err(FileRefusal::NotApproved);
        }
        let mut issued = draft.clone();
        issued.issued = Some(number.clone());
        let entry = DispatchEntry {
            number_text: number.to_string(),
            number: number.clone(),
            file_id: self.id.clone(),
            file_number: self.number.text.clone(),
            draft: draft.id,
            version: draft.latest.version,
            subject: draft.latest.letter.subject.clone(),
            addressees: draft.latest.letter.addressees.clone(),
            mode,
            issued_by: actor.employee.clone(),
            issued_at: now,
            status: DispatchStatus::Issued,
        };
        let kind = FileEventKind::DraftIssued {
            draft: draft.id,
            dispatch_number: number.to_string(),
        };
        let (next, event) =
            self.clone()
                .record(kind, &actor.employee, self.holder.clone(), None, Remarks::empty(), now);
        Ok((next, issued, event, entry))
    }
}
