//! e-File: a numbered file with a note sheet and correspondence, moved from desk to desk.
//!
//! Every rule about what may happen to a file lives here, as pure functions from the file (and
//! whatever else the action touches) to its next state and a sealed history entry. The API loads,
//! calls one of these, and writes the result conditionally on the version it loaded.

pub mod chain;
pub mod draft;
pub mod numbering;
pub mod volumes;

pub use numbering::{FileNumber, InvalidScheme, NumberParts, NumberingScheme};

use crate::attachment::{Attachment, MAX_ATTACHMENTS};
use crate::auth::{authorize, Action, Actor, Resource};
use crate::handling::{Classification, Medium, MAX_LEVELS};
use crate::ids::{DeptCode, EmployeeId, FileId, OfficeCode, PostId, ReceiptId, SectionCode, SubjectHead};
use crate::local_time::office_date;
use crate::org::Post;
use crate::receipt::{Priority, Receipt};
use crate::text::{NoteText, Reason, Remarks, Subject};
use serde::{Deserialize, Serialize};
use time::{Date, OffsetDateTime};

/// What a file is about, for registers and reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum FileCategory {
    General,
    Policy,
    Establishment,
    Budget,
    Procurement,
    Legal,
    Rti,
    Grievance,
}

impl FileCategory {
    pub const ALL: [FileCategory; 8] = [
        Self::General,
        Self::Policy,
        Self::Establishment,
        Self::Budget,
        Self::Procurement,
        Self::Legal,
        Self::Rti,
        Self::Grievance,
    ];
}

/// Where a file stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum FileStatus {
    /// Being worked on by its holder.
    Active,
    /// Put aside by its holder (awaiting something); still pending at that desk.
    Parked,
    /// Decided and closed by the desk that opened it; nothing more happens until it is reopened.
    Closed,
    /// Attached under a main file: it travels inside that file from then on.
    Merged,
}

/// The last send, kept so the sender can recall the file until the receiver opens it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LastSend {
    pub from_post: PostId,
    pub by: EmployeeId,
    #[serde(with = "time::serde::rfc3339")]
    pub at: OffsetDateTime,
}

/// The most receipts or linked files one file carries; a bigger file is split into volumes.
pub const MAX_CORRESPONDENCE: usize = 500;
/// The most references one note may flag.
pub const MAX_NOTE_REFS: usize = 20;

/// A file and where it is now.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct File {
    pub id: FileId,
    pub number: FileNumber,
    pub subject: Subject,
    pub category: FileCategory,
    pub head: SubjectHead,
    pub dept: DeptCode,
    pub office: OfficeCode,
    pub section: SectionCode,
    pub created_by: EmployeeId,
    /// The desk that opened the file: the only one that may close and reopen it.
    pub created_by_post: PostId,
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: OffsetDateTime,
    /// The one post the file is with, and since when.
    pub holder: PostId,
    #[serde(with = "time::serde::rfc3339")]
    pub held_since: OffsetDateTime,
    /// Whether the holder has opened it since it arrived; a sender may recall only an unopened file.
    pub opened: bool,
    pub status: FileStatus,
    pub priority: Priority,
    pub due_date: Option<Date>,
    /// Every post that has held the file, in order of first arrival: they may still read it.
    pub path: Vec<PostId>,
    pub last_send: Option<LastSend>,
    /// Receipts put into the file, in the order they were put in.
    pub receipts: Vec<ReceiptId>,
    /// Files linked to this one; each keeps moving on its own.
    pub links: Vec<FileId>,
    /// The one yellow (unsigned) note, if someone is drafting.
    pub draft: Option<u32>,
    /// Notes ever started (signed, draft or discarded): the next note gets this plus one.
    pub notes_started: u32,
    /// Signed (green) notes: the next signed note becomes paragraph this plus one.
    pub paragraphs: u32,
    /// History entries; the next gets this plus one.
    pub events: u32,
    /// The hash of the newest history entry.
    pub last_hash: String,
    /// Bumped on every change; writes are conditional on it.
    pub version: u64,
    /// For a digitised paper file: the number it carried on paper.
    #[serde(default)]
    pub old_number: Option<Subject>,
    /// For a digitised paper file: its scanned volumes.
    #[serde(default)]
    pub scans: Vec<Attachment>,
    #[serde(default)]
    pub classification: Classification,
    #[serde(default)]
    pub medium: Medium,
    /// Drafts ever started: the next gets this plus one.
    #[serde(default)]
    pub drafts_started: u32,
    /// Volumes, parts and merges: how this file relates to others of the same matter.
    #[serde(default)]
    pub family: volumes::Family,
}

/// What a note points at.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum NoteRef {
    /// A receipt in the file's correspondence.
    Receipt { id: ReceiptId },
    /// An earlier signed paragraph of the note sheet.
    Paragraph { number: u32 },
}

/// Who signed a note, at which desk, when.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Signature {
    pub by: EmployeeId,
    pub post: PostId,
    #[serde(with = "time::serde::rfc3339")]
    pub at: OffsetDateTime,
}

/// One note on the note sheet: yellow while a draft, green (and permanent) once signed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Note {
    pub id: u32,
    /// The paragraph number, given when the note is signed.
    pub paragraph: Option<u32>,
    pub text: NoteText,
    pub refs: Vec<NoteRef>,
    pub drafted_by: EmployeeId,
    pub drafted_at_post: PostId,
    #[serde(with = "time::serde::rfc3339")]
    pub drafted_at: OffsetDateTime,
    /// The post that is to sign it: the drafter's own, or an officer's when a PA drafts for them.
    pub sign_as: PostId,
    pub signed: Option<Signature>,
    /// Documents placed below the note (a statement, a scanned order).
    #[serde(default)]
    pub attachments: Vec<Attachment>,
}

impl Note {
    /// The hash recorded in the history when the note is signed.
    pub fn content_hash(&self) -> String {
        chain::content_hash(self)
    }
}

/// What happened, in one history entry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case", tag = "type")]
pub enum FileEventKind {
    Created {
        number: String,
    },
    Opened,
    /// The paper file reached the holder, who marked it received.
    Received,
    Sent,
    Recalled,
    Parked,
    Unparked,
    Closed {
        reason: Reason,
    },
    Reopened,
    Linked {
        other: FileId,
    },
    ReceiptAttached {
        receipt: ReceiptId,
    },
    /// Another file was attached under this one.
    Merged {
        part: FileId,
    },
    /// This file was attached under a main file.
    MergedInto {
        main: FileId,
    },
    /// This volume was closed and continues in a new one.
    ContinuedIn {
        volume: FileId,
    },
    /// A part file was opened from this one at another desk.
    PartOpened {
        part: FileId,
    },
    NoteSigned {
        note: u32,
        paragraph: u32,
        content_hash: String,
    },
    DraftApproved {
        draft: u32,
        version: u32,
        content_hash: String,
    },
    DraftIssued {
        draft: u32,
        dispatch_number: String,
    },
}

/// One entry of a file's history: append-only and hash-chained.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FileEvent {
    pub seq: u32,
    pub kind: FileEventKind,
    pub by: EmployeeId,
    /// The desk the official acted at.
    pub at_post: PostId,
    /// Where the file went, for a send or a recall.
    pub to_post: Option<PostId>,
    pub remarks: Remarks,
    pub priority: Priority,
    pub due_date: Option<Date>,
    #[serde(with = "time::serde::rfc3339")]
    pub at: OffsetDateTime,
    pub prev_hash: String,
    pub hash: String,
}

/// Why a file action was refused. Each maps to one stable API error.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FileRefusal {
    #[error("the file has changed since you opened it")]
    StaleVersion { current: u64 },
    #[error("the file is not with your desk")]
    NotWithYou,
    #[error("only the desk that opened the file may close or reopen it")]
    NotCreator,
    #[error("the file is parked; take it out of the parked list first")]
    Parked,
    #[error("the file is closed; reopen it first")]
    Closed,
    #[error("the file is not parked")]
    NotParked,
    #[error("the file is not closed")]
    NotClosed,
    #[error("the file is already with that post")]
    SendToSelf,
    #[error("the due date cannot be in the past")]
    DueDateInPast,
    #[error("you did not send this file, or it has moved on since")]
    NotSender,
    #[error("the receiver has already opened the file; ask them to return it")]
    AlreadyOpened,
    #[error("a draft note is already open on this file; edit or discard it")]
    DraftExists,
    #[error("no such draft note")]
    NoSuchDraft,
    #[error("this note is for another post to sign")]
    NotSignatory,
    #[error("a note may only refer to receipts in this file and earlier paragraphs")]
    BadReference,
    #[error("a note may flag at most {MAX_NOTE_REFS} references")]
    TooManyReferences,
    #[error("the receipt is not at your desk")]
    ReceiptNotHere,
    #[error("the receipt is already in a file")]
    ReceiptAlreadyFiled,
    #[error("a file cannot be linked to itself")]
    LinkToSelf,
    #[error("the files are already linked")]
    AlreadyLinked,
    #[error("you may link only files you can see")]
    CannotSeeOther,
    #[error("the file already carries {MAX_CORRESPONDENCE} items; open a new volume")]
    Full,
    #[error("at most {MAX_ATTACHMENTS} attachments")]
    TooManyAttachments,
    #[error("the letter has no such enclosure")]
    NoSuchEnclosure,
    #[error("mark the paper file received before acting on it")]
    NotReceived,
    #[error("a paper receipt must be marked received before it goes into a file")]
    ReceiptNotReceived,
    #[error("a letter goes to between one and {} addressees", draft::MAX_ADDRESSEES)]
    BadAddressees,
    #[error("the draft has been issued and cannot change")]
    DraftIssued,
    #[error("the latest version is already approved")]
    AlreadyApproved,
    #[error("only the approved latest version can be issued")]
    NotApproved,
    #[error("the letter has already been dispatched")]
    AlreadyDispatched,
    #[error("the file is merged into another and moves with it")]
    Merged,
    #[error("only another active file at your desk can be merged into this one")]
    CannotMerge,
    #[error("a part file can be opened only while the main file is open")]
    CannotOpenPart,
    #[error("this volume continues in a later one; work there")]
    ContinuedInVolume,
}

/// A request to open a new file at a desk.
#[derive(Debug, Clone)]
pub struct NewFile<'a> {
    pub id: FileId,
    pub number: FileNumber,
    pub subject: Subject,
    pub category: FileCategory,
    pub head: SubjectHead,
    pub at_post: &'a Post,
    pub by: EmployeeId,
    pub remarks: Remarks,
    /// Digitising a paper file: its old number and scanned volumes.
    pub old_number: Option<Subject>,
    pub scans: Vec<Attachment>,
    pub classification: Classification,
    pub medium: Medium,
}

/// Opens a file at a desk: it starts there, with one history entry.
pub fn open_file(new: NewFile<'_>, now: OffsetDateTime) -> Result<(File, FileEvent), FileRefusal> {
    if new.scans.len() > MAX_ATTACHMENTS {
        return Err(FileRefusal::TooManyAttachments);
    }
    let post = new.at_post;
    let file = File {
        id: new.id,
        subject: new.subject,
        category: new.category,
        head: new.head,
        dept: post.dept.clone(),
        office: post.office.clone(),
        section: post.section.clone(),
        created_by: new.by.clone(),
        created_by_post: post.id.clone(),
        created_at: now,
        holder: post.id.clone(),
        held_since: now,
        opened: true,
        status: FileStatus::Active,
        priority: Priority::Normal,
        due_date: None,
        path: vec![post.id.clone()],
        last_send: None,
        receipts: Vec::new(),
        links: Vec::new(),
        draft: None,
        notes_started: 0,
        paragraphs: 0,
        events: 0,
        last_hash: chain::GENESIS.to_owned(),
        version: 0,
        number: new.number.clone(),
        old_number: new.old_number,
        scans: new.scans,
        classification: new.classification,
        medium: new.medium,
        drafts_started: 0,
        family: volumes::Family::default(),
    };
    let kind = FileEventKind::Created {
        number: new.number.text,
    };
    Ok(file.record(kind, &new.by, post.id.clone(), None, new.remarks, now))
}

/// An order to move a file or change its standing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case", tag = "action")]
pub enum Move {
    /// The holder opens a file that arrived (marks it read, or for a paper file received; it
    /// can no longer be recalled).
    Open,
    /// Send to any post, in this department or another.
    Send {
        to_post: PostId,
        #[serde(default = "Remarks::empty")]
        remarks: Remarks,
        #[serde(default)]
        priority: Priority,
        #[serde(default)]
        due_date: Option<Date>,
    },
    /// The sender takes back a file the receiver has not opened yet.
    Recall {
        #[serde(default = "Remarks::empty")]
        remarks: Remarks,
    },
    Park {
        #[serde(default = "Remarks::empty")]
        remarks: Remarks,
    },
    Unpark {
        #[serde(default = "Remarks::empty")]
        remarks: Remarks,
    },
    Close {
        reason: Reason,
    },
    Reopen {
        #[serde(default = "Remarks::empty")]
        remarks: Remarks,
    },
}

/// What the signed-in official may do to a file now; the app shows these buttons, the server
/// checks each action again.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Allowed {
    /// Mark a paper file received (it has reached this desk).
    pub receive: bool,
    pub send: bool,
    pub write_note: bool,
    pub recall: bool,
    pub park: bool,
    pub unpark: bool,
    pub close: bool,
    pub reopen: bool,
    /// Put a receipt in, link a file, merge a file under this one, start or approve or issue a
    /// draft, open a new volume: all need the file in hand.
    pub attach: bool,
    pub link: bool,
    pub merge: bool,
    pub draft: bool,
    pub new_volume: bool,
    /// Open a part file at one of the actor's posts while the main file is elsewhere.
    pub open_part: bool,
}

impl File {
    /// The file as authorization sees it.
    pub fn as_resource(&self) -> Resource<'_> {
        Resource::File {
            holder: &self.holder,
            path: &self.path,
        }
    }

    /// Appends a sealed history entry and bumps the version.
    fn record(
        mut self,
        kind: FileEventKind,
        by: &EmployeeId,
        at_post: PostId,
        to_post: Option<PostId>,
        remarks: Remarks,
        now: OffsetDateTime,
    ) -> (File, FileEvent) {
        let event = chain::seal(
            FileEvent {
                seq: self.events + 1,
                kind,
                by: by.clone(),
                at_post,
                to_post,
                remarks,
                priority: self.priority,
                due_date: self.due_date,
                at: now,
                prev_hash: String::new(),
                hash: String::new(),
            },
            &self.last_hash,
        );
        self.events = event.seq;
        self.last_hash = event.hash.clone();
        self.version += 1;
        (self, event)
    }

    fn check_version(&self, version: u64) -> Result<(), FileRefusal> {
        if version == self.version {
            Ok(())
        } else {
            Err(FileRefusal::StaleVersion { current: self.version })
        }
    }

    fn check_holder(&self, actor: &Actor) -> Result<(), FileRefusal> {
        if actor.holds(&self.holder) {
            Ok(())
        } else {
            Err(FileRefusal::NotWithYou)
        }
    }

    /// The holder may work on it: it is with them (in hand, if it is paper) and neither parked
    /// nor closed.
    fn check_workable(&self, actor: &Actor) -> Result<(), FileRefusal> {
        self.check_holder(actor)?;
        if self.awaits_receipt() {
            return Err(FileRefusal::NotReceived);
        }
        match self.status {
            FileStatus::Active => Ok(()),
            FileStatus::Parked => Err(FileRefusal::Parked),
            FileStatus::Closed => Err(FileRefusal::Closed),
            FileStatus::Merged => Err(FileRefusal::Merged),
        }
    }

    fn check_recall(&self, actor: &Actor) -> Result<&LastSend, FileRefusal> {
        let send = self
            .last_send
            .as_ref()
            .filter(|send| actor.holds(&send.from_post))
            .ok_or(FileRefusal::NotSender)?;
        if self.opened {
            return Err(FileRefusal::AlreadyOpened);
        }
        Ok(send)
    }

    fn check_creator_holds(&self, actor: &Actor) -> Result<(), FileRefusal> {
        self.check_holder(actor)?;
        if self.holder == self.created_by_post {
            Ok(())
        } else {
            Err(FileRefusal::NotCreator)
        }
    }

    fn check_close(&self, actor: &Actor) -> Result<(), FileRefusal> {
        self.check_workable(actor)?;
        self.check_creator_holds(actor)
    }

    fn check_reopen(&self, actor: &Actor) -> Result<(), FileRefusal> {
        self.check_creator_holds(actor)?;
        if self.family.next_volume.is_some() {
            return Err(FileRefusal::ContinuedInVolume);
        }
        if self.status == FileStatus::Closed {
            Ok(())
        } else {
            Err(FileRefusal::NotClosed)
        }
    }

    fn check_unpark(&self, actor: &Actor) -> Result<(), FileRefusal> {
        self.check_holder(actor)?;
        if self.status == FileStatus::Parked {
            Ok(())
        } else {
            Err(FileRefusal::NotParked)
        }
    }

    /// A paper file sent on is not in the new holder's hands until they say it arrived.
    fn awaits_receipt(&self) -> bool {
        self.medium == Medium::Physical && !self.opened
    }

    /// Whether sending the file to `to` takes it through more desks than the DARPG guideline's
    /// levels: the app warns before it is sent.
    pub fn exceeds_levels_if_sent_to(&self, to: &PostId) -> bool {
        let levels = self.path.len() + usize::from(!self.path.contains(to));
        levels > MAX_LEVELS
    }

    /// Which actions `actor` may take now.
    pub fn allowed(&self, actor: &Actor) -> Allowed {
        let workable = self.check_workable(actor).is_ok();
        Allowed {
            receive: self.awaits_receipt() && self.check_holder(actor).is_ok(),
            send: workable,
            write_note: workable && self.draft.is_none(),
            recall: self.check_recall(actor).is_ok(),
            park: workable,
            unpark: self.check_unpark(actor).is_ok(),
            close: self.check_close(actor).is_ok(),
            reopen: self.check_reopen(actor).is_ok(),
            attach: workable,
            link: workable,
            merge: workable,
            draft: workable,
            new_volume: workable,
            open_part: !actor.holds(&self.holder)
                && matches!(self.status, FileStatus::Active | FileStatus::Parked)
                && authorize(actor, Action::ViewFile, self.as_resource()).is_ok(),
        }
    }

    /// Moves the file or changes its standing. Returns the next file and its history entry, or
    /// `None` for an open of a file that is already open (nothing to record).
    pub fn apply(
        &self,
        version: u64,
        actor: &Actor,
        order: Move,
        now: OffsetDateTime,
    ) -> Result<Option<(File, FileEvent)>, FileRefusal> {
        self.check_version(version)?;
        let by = &actor.employee;
        let mut next = self.clone();
        let (kind, at_post, to_post, remarks) = match order {
            Move::Open => {
                self.check_holder(actor)?;
                if self.opened {
                    return Ok(None);
                }
                next.opened = true;
                let kind = match self.medium {
                    Medium::Electronic => FileEventKind::Opened,
                    Medium::Physical => FileEventKind::Received,
                };
                (kind, self.holder.clone(), None, Remarks::empty())
            }
            Move::Send {
                to_post,
                remarks,
                priority,
                due_date,
            } => {
                self.check_workable(actor)?;
                if to_post == self.holder {
                    return Err(FileRefusal::SendToSelf);
                }
                if due_date.is_some_and(|due| due < office_date(now)) {
                    return Err(FileRefusal::DueDateInPast);
                }
                next.last_send = Some(LastSend {
                    from_post: self.holder.clone(),
                    by: by.clone(),
                    at: now,
                });
                next.priority = priority;
                next.due_date = due_date;
                next.arrive_at(to_post.clone(), now);
                (FileEventKind::Sent, self.holder.clone(), Some(to_post), remarks)
            }
            Move::Recall { remarks } => {
                let from = self.check_recall(actor)?.from_post.clone();
                next.last_send = None;
                next.arrive_at(from.clone(), now);
                next.opened = true;
                (FileEventKind::Recalled, from.clone(), Some(from), remarks)
            }
            Move::Park { remarks } => {
                self.check_workable(actor)?;
                next.status = FileStatus::Parked;
                (FileEventKind::Parked, self.holder.clone(), None, remarks)
            }
            Move::Unpark { remarks } => {
                self.check_unpark(actor)?;
                next.status = FileStatus::Active;
                (FileEventKind::Unparked, self.holder.clone(), None, remarks)
            }
            Move::Close { reason } => {
                self.check_close(actor)?;
                next.status = FileStatus::Closed;
                // The last send stays on record: the desk lists still say where it came from.
                (
                    FileEventKind::Closed { reason },
                    self.holder.clone(),
                    None,
                    Remarks::empty(),
                )
            }
            Move::Reopen { remarks } => {
                self.check_reopen(actor)?;
                next.status = FileStatus::Active;
                (FileEventKind::Reopened, self.holder.clone(), None, remarks)
            }
        };
        if !matches!(kind, FileEventKind::Sent) {
            // Any action the holder takes means they have it in hand.
            next.opened = next.opened || actor.holds(&next.holder);
        }
        Ok(Some(next.record(kind, by, at_post, to_post, remarks, now)))
    }

    fn arrive_at(&mut self, post: PostId, now: OffsetDateTime) {
        self.holder = post.clone();
        self.held_since = now;
        self.opened = false;
        if !self.path.contains(&post) {
            self.path.push(post);
        }
    }

    /// Puts a receipt that is on the holder's desk into the file.
    pub fn attach_receipt(
        &self,
        version: u64,
        actor: &Actor,
        receipt: &Receipt,
        now: OffsetDateTime,
    ) -> Result<(File, FileEvent), FileRefusal> {
        self.check_version(version)?;
        self.check_workable(actor)?;
        if receipt.filed_in.is_some() {
            return Err(FileRefusal::ReceiptAlreadyFiled);
        }
        if !receipt.received {
            return Err(FileRefusal::ReceiptNotReceived);
        }
        if receipt.holder != self.holder {
            return Err(FileRefusal::ReceiptNotHere);
        }
        if self.receipts.len() >= MAX_CORRESPONDENCE {
            return Err(FileRefusal::Full);
        }
        let mut next = self.clone();
        next.receipts.push(receipt.id.clone());
        next.opened = true;
        let kind = FileEventKind::ReceiptAttached {
            receipt: receipt.id.clone(),
        };
        Ok(next.record(kind, &actor.employee, self.holder.clone(), None, Remarks::empty(), now))
    }

    /// Links two files: both record the link in their history and keep moving independently.
    pub fn link(
        &self,
        version: u64,
        actor: &Actor,
        other: &File,
        now: OffsetDateTime,
    ) -> Result<[(File, FileEvent); 2], FileRefusal> {
        self.check_version(version)?;
        self.check_workable(actor)?;
        if other.id == self.id {
            return Err(FileRefusal::LinkToSelf);
        }
        if self.links.contains(&other.id) {
            return Err(FileRefusal::AlreadyLinked);
        }
        if authorize(actor, Action::ViewFile, other.as_resource()).is_err() {
            return Err(FileRefusal::CannotSeeOther);
        }
        if self.links.len() >= MAX_CORRESPONDENCE || other.links.len() >= MAX_CORRESPONDENCE {
            return Err(FileRefusal::Full);
        }
        let by = &actor.employee;
        let at_post = self.holder.clone();
        let mut this = self.clone();
        this.links.push(other.id.clone());
        this.opened = true;
        let mut that = other.clone();
        that.links.push(self.id.clone());
        Ok([
            this.record(
                FileEventKind::Linked {
                    other: other.id.clone(),
                },
                by,
                at_post.clone(),
                None,
                Remarks::empty(),
                now,
            ),
            that.record(
                FileEventKind::Linked { other: self.id.clone() },
                by,
                at_post,
                None,
                Remarks::empty(),
                now,
            ),
        ])
    }

    fn check_refs(&self, refs: &[NoteRef]) -> Result<(), FileRefusal> {
        if refs.len() > MAX_NOTE_REFS {
            return Err(FileRefusal::TooManyReferences);
        }
        let valid = |r: &NoteRef| match r {
            NoteRef::Receipt { id } => self.receipts.contains(id),
            NoteRef::Paragraph { number } => (1..=self.paragraphs).contains(number),
        };
        if refs.iter().all(valid) {
            Ok(())
        } else {
            Err(FileRefusal::BadReference)
        }
    }

    /// The holder starts a yellow note, to sign themselves or for the officer they draft for.
    pub fn write_note(
        &self,
        version: u64,
        actor: &Actor,
        draft: NoteDraft,
        now: OffsetDateTime,
    ) -> Result<(File, Note), FileRefusal> {
        self.check_version(version)?;
        self.check_workable(actor)?;
        if self.draft.is_some() {
            return Err(FileRefusal::DraftExists);
        }
        self.check_refs(&draft.refs)?;
        if draft.attachments.len() > MAX_ATTACHMENTS {
            return Err(FileRefusal::TooManyAttachments);
        }
        let mut next = self.clone();
        next.notes_started += 1;
        next.draft = Some(next.notes_started);
        next.opened = true;
        next.version += 1;
        let note = Note {
            id: next.notes_started,
            paragraph: None,
            text: draft.text,
            refs: draft.refs,
            drafted_by: actor.employee.clone(),
            drafted_at_post: self.holder.clone(),
            drafted_at: now,
            sign_as: draft.sign_as.unwrap_or_else(|| self.holder.clone()),
            signed: None,
            attachments: draft.attachments,
        };
        Ok((next, note))
    }

    /// What `actor` may do to a note now.
    pub fn note_permissions(&self, actor: &Actor, note: &Note) -> NotePermissions {
        NotePermissions {
            change: self.check_draft(actor, note).is_ok(),
            sign: self.check_draft(actor, note).is_ok() && note.sign_as == self.holder,
        }
    }

    /// The draft, if `note` is it and `actor` (its drafter or its signatory, holding the file) may change it.
    fn check_draft(&self, actor: &Actor, note: &Note) -> Result<(), FileRefusal> {
        self.check_workable(actor)?;
        if self.draft != Some(note.id) || note.signed.is_some() {
            return Err(FileRefusal::NoSuchDraft);
        }
        if note.drafted_by == actor.employee || actor.holds(&note.sign_as) {
            Ok(())
        } else {
            Err(FileRefusal::NotSignatory)
        }
    }

    /// Rewrites the yellow note.
    pub fn edit_note(
        &self,
        version: u64,
        actor: &Actor,
        note: &Note,
        text: NoteText,
        refs: Vec<NoteRef>,
    ) -> Result<(File, Note), FileRefusal> {
        self.check_version(version)?;
        self.check_draft(actor, note)?;
        self.check_refs(&refs)?;
        let mut next = self.clone();
        next.version += 1;
        let mut edited = note.clone();
        edited.text = text;
        edited.refs = refs;
        Ok((next, edited))
    }

    /// Throws the yellow note away.
    pub fn discard_note(&self, version: u64, actor: &Actor, note: &Note) -> Result<File, FileRefusal> {
        self.check_version(version)?;
        self.check_draft(actor, note)?;
        let mut next = self.clone();
        next.draft = None;
        next.version += 1;
        Ok(next)
    }

    /// The post the note is for signs it while holding the file: it turns green, gets the next
    /// paragraph number, and its hash enters the history. It never changes again.
    pub fn sign_note(
        &self,
        version: u64,
        actor: &Actor,
        note: &Note,
        now: OffsetDateTime,
    ) -> Result<(File, Note, FileEvent), FileRefusal> {
        self.check_version(version)?;
        self.check_draft(actor, note)?;
        if note.sign_as != self.holder {
            return Err(FileRefusal::NotSignatory);
        }
        let mut next = self.clone();
        next.paragraphs += 1;
        next.draft = None;
        let mut signed = note.clone();
        signed.paragraph = Some(next.paragraphs);
        signed.signed = Some(Signature {
            by: actor.employee.clone(),
            post: self.holder.clone(),
            at: now,
        });
        let kind = FileEventKind::NoteSigned {
            note: signed.id,
            paragraph: next.paragraphs,
            content_hash: signed.content_hash(),
        };
        let (next, event) = next.record(kind, &actor.employee, self.holder.clone(), None, Remarks::empty(), now);
        Ok((next, signed, event))
    }

    /// The post where the file counts as pending, if any: closed files are pending nowhere.
    pub fn pending_at(&self) -> Option<&PostId> {
        matches!(self.status, FileStatus::Active | FileStatus::Parked).then_some(&self.holder)
    }
}

/// What the signed-in official may do to one note: edit or discard it, and sign it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NotePermissions {
    pub change: bool,
    pub sign: bool,
}

/// A new yellow note as written, with its attachments already stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NoteDraft {
    pub text: NoteText,
    /// The post that is to sign it; the holder's own when absent.
    pub sign_as: Option<PostId>,
    pub refs: Vec<NoteRef>,
    pub attachments: Vec<Attachment>,
}

/// One stay of a file at a desk: the answer to "where is my file, and where did it wait?".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Stay {
    pub post: PostId,
    #[serde(with = "time::serde::rfc3339")]
    pub arrived: OffsetDateTime,
    #[serde(with = "time::serde::rfc3339::option")]
    pub left: Option<OffsetDateTime>,
    /// Time at the desk so far, in seconds.
    pub seconds: i64,
}

/// The desks a file has been at, in order, with the time spent at each.
pub fn track(events: &[FileEvent], now: OffsetDateTime) -> Vec<Stay> {
    let mut stays: Vec<Stay> = Vec::new();
    for event in events {
        let arrived_at = match (&event.kind, &event.to_post) {
            (FileEventKind::Created { .. }, _) => Some(event.at_post.clone()),
            (FileEventKind::Sent | FileEventKind::Recalled, Some(to)) => Some(to.clone()),
            _ => None,
        };
        if let Some(post) = arrived_at {
            if let Some(last) = stays.last_mut() {
                last.left = Some(event.at);
                last.seconds = (event.at - last.arrived).whole_seconds();
            }
            stays.push(Stay {
                post,
                arrived: event.at,
                left: None,
                seconds: 0,
            });
        }
    }
    if let Some(last) = stays.last_mut() {
        last.seconds = (now - last.arrived).whole_seconds().max(0);
    }
    stays
}

#[cfg(test)]
mod tests;
