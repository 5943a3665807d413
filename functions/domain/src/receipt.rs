//! e-Receipt: an inward letter, diarised in an office's register and moved from desk to desk.

use crate::attachment::Attachment;
use crate::handling::{Classification, Medium};
use crate::ids::{DeptCode, EmployeeId, FileId, OfficeCode, PostId, ReceiptId};
use crate::local_time::office_date;
use crate::text::{PartyName, Remarks, Subject};
use serde::{Deserialize, Serialize};
use std::fmt;
use time::{Date, OffsetDateTime};

/// How the letter arrived.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ReceiptMode {
    Post,
    Hand,
    Email,
    Courier,
    Fax,
    Portal,
}

impl ReceiptMode {
    pub const ALL: [ReceiptMode; 6] = [
        Self::Post,
        Self::Hand,
        Self::Email,
        Self::Courier,
        Self::Fax,
        Self::Portal,
    ];
}

/// What kind of letter it is; some kinds carry statutory deadlines (RTI, court cases).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ReceiptCategory {
    General,
    GovernmentLetter,
    Rti,
    CourtCase,
    VipReference,
    Grievance,
}

impl ReceiptCategory {
    pub const ALL: [ReceiptCategory; 6] = [
        Self::General,
        Self::GovernmentLetter,
        Self::Rti,
        Self::CourtCase,
        Self::VipReference,
        Self::Grievance,
    ];
}

/// How fast the receiver should act.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Priority {
    #[default]
    Normal,
    Urgent,
    MostImmediate,
}

impl Priority {
    pub const ALL: [Priority; 3] = [Self::Normal, Self::Urgent, Self::MostImmediate];
}

/// Where a receipt stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ReceiptStatus {
    /// Waiting at its holder's desk.
    #[default]
    Active,
    /// Disposed of at the holder's desk without a file (acknowledged, filed for record).
    Closed,
}

/// The most posts one forward may copy a receipt to.
pub const MAX_COPIES: usize = 10;

/// A receipt's number in its office's register for a year: `DC-GGN/2026/42`.
///
/// Serials start at 1 each year and are assigned without gaps.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DiaryNumber {
    pub office: OfficeCode,
    pub year: i32,
    pub serial: u32,
}

impl fmt::Display for DiaryNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}/{}", self.office, self.year, self.serial)
    }
}

/// The facts written in the diary when a letter is received.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LetterDetails {
    pub sender: PartyName,
    pub subject: Subject,
    /// The date written on the letter.
    pub letter_date: Date,
    pub mode: ReceiptMode,
    pub category: ReceiptCategory,
}

/// A diarised inward letter and where it is now.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Receipt {
    pub id: ReceiptId,
    pub diary_number: DiaryNumber,
    pub dept: DeptCode,
    #[serde(flatten)]
    pub letter: LetterDetails,
    pub received_on: Date,
    pub diarised_by: EmployeeId,
    #[serde(with = "time::serde::rfc3339")]
    pub diarised_at: OffsetDateTime,
    /// The post the receipt is with now, and since when.
    pub holder: PostId,
    #[serde(with = "time::serde::rfc3339")]
    pub held_since: OffsetDateTime,
    pub priority: Priority,
    pub due_date: Option<Date>,
    /// Every post that has held the receipt, in order of first arrival: they may still read it.
    pub path: Vec<PostId>,
    /// How many movement entries exist; the next one gets this number plus one.
    pub movements: u32,
    /// The file the receipt was put into: it travels with that file from then on.
    #[serde(default)]
    pub filed_in: Option<FileId>,
    /// The scanned letter and its enclosures.
    #[serde(default)]
    pub attachments: Vec<Attachment>,
    #[serde(default)]
    pub status: ReceiptStatus,
    #[serde(default)]
    pub classification: Classification,
    #[serde(default)]
    pub medium: Medium,
    /// Whether the holder has the item in hand: a paper receipt sent on is not, until the new
    /// holder marks it received.
    #[serde(default = "in_hand")]
    pub received: bool,
    /// Bumped on every change; writes are conditional on it.
    pub version: u64,
}

fn in_hand() -> bool {
    true
}

/// What happened in one movement entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum MovementAction {
    Diarised,
    Forwarded,
    /// Put into a file; it moves with the file from then on.
    PutInFile,
    Closed,
    /// The paper letter reached the holder.
    Received,
}

/// One entry in a receipt's movement history. Append-only.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Movement {
    pub seq: u32,
    pub action: MovementAction,
    pub from_post: Option<PostId>,
    pub to_post: PostId,
    pub by: EmployeeId,
    pub remarks: Remarks,
    pub priority: Priority,
    pub due_date: Option<Date>,
    #[serde(with = "time::serde::rfc3339")]
    pub at: OffsetDateTime,
    /// Posts sent a copy for information with this forward.
    #[serde(default)]
    pub copies: Vec<PostId>,
}

/// Why a receipt action was refused. Each maps to one stable API error code.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ReceiptRefusal {
    #[error("the letter date cannot be in the future")]
    LetterDateInFuture,
    #[error("the letter date is implausibly old")]
    LetterDateTooOld,
    #[error("the receipt is already with that post")]
    ForwardToSelf,
    #[error("the due date cannot be in the past")]
    DueDateInPast,
    #[error("the receipt has changed since you opened it")]
    StaleVersion { current: u64 },
    #[error("the receipt is in a file and moves with it")]
    InFile,
    #[error("the receipt is closed")]
    Closed,
    #[error("copies go to other posts than the receiver, each once, at most {MAX_COPIES}")]
    BadCopies,
    #[error("a classified receipt is not copied for information")]
    RestrictedCopies,
    #[error("mark the paper receipt received before acting on it")]
    NotReceived,
    #[error("the receipt is already received")]
    AlreadyReceived,
    #[error("say why the receipt is closed")]
    NoReason,
}

/// A request to diarise a letter, already parsed.
#[derive(Debug, Clone)]
pub struct Diarisation {
    pub id: ReceiptId,
    pub diary_number: DiaryNumber,
    pub dept: DeptCode,
    pub letter: LetterDetails,
    pub by: EmployeeId,
    pub at_post: PostId,
    pub remarks: Remarks,
    pub attachments: Vec<Attachment>,
    pub classification: Classification,
    pub medium: Medium,
}

/// The earliest letter date accepted: older letters are almost certainly typing mistakes.
pub const EARLIEST_LETTER_YEAR: i32 = 1950;

/// Diarises a letter: the receipt starts with the diarising post and its history with one entry.
pub fn diarise(d: Diarisation, now: OffsetDateTime) -> Result<(Receipt, Movement), ReceiptRefusal> {
    let today = office_date(now);
    if d.letter.letter_date > today {
        return Err(ReceiptRefusal::LetterDateInFuture);
    }
    if d.letter.letter_date.year() < EARLIEST_LETTER_YEAR {
        return Err(ReceiptRefusal::LetterDateTooOld);
    }
    let movement = Movement {
        seq: 1,
        action: MovementAction::Diarised,
        from_post: None,
        to_post: d.at_post.clone(),
        by: d.by.clone(),
        remarks: d.remarks,
        priority: Priority::Normal,
        due_date: None,
        at: now,
        copies: Vec::new(),
    };
    let receipt = Receipt {
        id: d.id,
        diary_number: d.diary_number,
        dept: d.dept,
        letter: d.letter,
        received_on: today,
        diarised_by: d.by,
        diarised_at: now,
        holder: d.at_post.clone(),
        held_since: now,
        priority: Priority::Normal,
        due_date: None,
        path: vec![d.at_post],
        movements: 1,
        filed_in: None,
        attachments: d.attachments,
        status: ReceiptStatus::Active,
        classification: d.classification,
        medium: d.medium,
        received: true,
        version: 1,
    };
    Ok((receipt, movement))
}

/// An official's order to send a receipt on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ForwardOrder {
    /// The version the official saw; the forward fails if the receipt changed since.
    pub version: u64,
    pub to_post: PostId,
    #[serde(default = "Remarks::empty")]
    pub remarks: Remarks,
    #[serde(default)]
    pub priority: Priority,
    #[serde(default)]
    pub due_date: Option<Date>,
    /// Posts that get a copy for information; the receipt itself goes to `to_post`.
    #[serde(default)]
    pub copies: Vec<PostId>,
}

impl Receipt {
    /// Forwards the receipt to another post. Who may forward is decided by [`crate::auth::authorize`];
    /// this decides whether the forward itself makes sense.
    pub fn forward(
        &self,
        order: ForwardOrder,
        by: EmployeeId,
        now: OffsetDateTime,
    ) -> Result<(Receipt, Movement), ReceiptRefusal> {
        if order.version != self.version {
            return Err(ReceiptRefusal::StaleVersion { current: self.version });
        }
        self.check_open()?;
        if self.classification.is_restricted() && !order.copies.is_empty() {
            return Err(ReceiptRefusal::RestrictedCopies);
        }
        let copies_ok =
            order.copies.len() <= MAX_COPIES
                && order.copies.iter().enumerate().all(|(i, copy)| {
                    *copy != order.to_post && *copy != self.holder && !order.copies[..i].contains(copy)
                });
        if !copies_ok {
            return Err(ReceiptRefusal::BadCopies);
        }
        if order.to_post == self.holder {
            return Err(ReceiptRefusal::ForwardToSelf);
        }
        if order.due_date.is_some_and(|due| due < office_date(now)) {
            return Err(ReceiptRefusal::DueDateInPast);
        }
        let movement = Movement {
            seq: self.movements + 1,
            action: MovementAction::Forwarded,
            from_post: Some(self.holder.clone()),
            to_post: order.to_post.clone(),
            by,
            remarks: order.remarks,
            priority: order.priority,
            due_date: order.due_date,
            at: now,
            copies: order.copies.clone(),
        };
        let mut next = self.clone();
        for copy in &order.copies {
            if !next.path.contains(copy) {
                next.path.push(copy.clone());
            }
        }
        next.holder = order.to_post.clone();
        next.held_since = now;
        next.received = self.medium == Medium::Electronic;
        next.priority = order.priority;
        next.due_date = order.due_date;
        if !next.path.contains(&order.to_post) {
            next.path.push(order.to_post);
        }
        next.movements += 1;
        next.version += 1;
        Ok((next, movement))
    }
}

impl Receipt {
    /// Something done to the receipt where it is: one more movement entry, one more version.
    fn at_desk(
        &self,
        action: MovementAction,
        by: EmployeeId,
        remarks: Remarks,
        now: OffsetDateTime,
    ) -> (Receipt, Movement) {
        let movement = Movement {
            seq: self.movements + 1,
            action,
            from_post: Some(self.holder.clone()),
            to_post: self.holder.clone(),
            by,
            remarks,
            priority: self.priority,
            due_date: self.due_date,
            at: now,
            copies: Vec::new(),
        };
        let mut next = self.clone();
        next.movements += 1;
        next.version += 1;
        (next, movement)
    }

    fn check_open(&self) -> Result<(), ReceiptRefusal> {
        if self.filed_in.is_some() {
            return Err(ReceiptRefusal::InFile);
        }
        if self.status == ReceiptStatus::Closed {
            return Err(ReceiptRefusal::Closed);
        }
        if !self.received {
            return Err(ReceiptRefusal::NotReceived);
        }
        Ok(())
    }

    /// The holder marks a paper receipt received: it has reached their desk.
    pub fn receive(
        &self,
        version: u64,
        by: EmployeeId,
        now: OffsetDateTime,
    ) -> Result<(Receipt, Movement), ReceiptRefusal> {
        if version != self.version {
            return Err(ReceiptRefusal::StaleVersion { current: self.version });
        }
        if self.received {
            return Err(ReceiptRefusal::AlreadyReceived);
        }
        let (mut next, movement) = self.at_desk(MovementAction::Received, by, Remarks::empty(), now);
        next.received = true;
        Ok((next, movement))
    }

    /// Closes a receipt at its holder's desk (no file needed: acknowledged, noted, or for record).
    pub fn close(
        &self,
        version: u64,
        remarks: Remarks,
        by: EmployeeId,
        now: OffsetDateTime,
    ) -> Result<(Receipt, Movement), ReceiptRefusal> {
        if version != self.version {
            return Err(ReceiptRefusal::StaleVersion { current: self.version });
        }
        self.check_open()?;
        // A closed receipt leaves every list; the reason is what anyone looking for it later reads.
        if remarks.as_ref().is_empty() {
            return Err(ReceiptRefusal::NoReason);
        }
        let (mut next, movement) = self.at_desk(MovementAction::Closed, by, remarks, now);
        next.status = ReceiptStatus::Closed;
        Ok((next, movement))
    }

    /// Records that the receipt went into a file. Whether it may is decided by
    /// [`crate::file::File::attach_receipt`], which is applied in the same transaction.
    pub fn put_in_file(&self, file: &FileId, by: EmployeeId, now: OffsetDateTime) -> (Receipt, Movement) {
        let (mut next, movement) = self.at_desk(MovementAction::PutInFile, by, Remarks::empty(), now);
        next.filed_in = Some(file.clone());
        (next, movement)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::{date, datetime};

    const NOW: OffsetDateTime = datetime!(2026-11-23 10:00 UTC);

    fn post(id: &str) -> PostId {
        PostId::parse(id).unwrap()
    }

    fn letter(letter_date: Date) -> LetterDetails {
        LetterDetails {
            sender: PartyName::parse("Sarpanch, Gram Panchayat Sohna").unwrap(),
            subject: Subject::parse("Repair of village pond").unwrap(),
            letter_date,
            mode: ReceiptMode::Post,
            category: ReceiptCategory::Grievance,
        }
    }

    fn diarisation(letter_date: Date) -> Diarisation {
        Diarisation {
            id: ReceiptId::parse("R-TEST-0001").unwrap(),
            diary_number: DiaryNumber {
                office: OfficeCode::parse("DC-GGN").unwrap(),
                year: 2026,
                serial: 7,
            },
            dept: DeptCode::parse("REV").unwrap(),
            letter: letter(letter_date),
            by: EmployeeId::parse("HR1001").unwrap(),
            at_post: post("DC-GGN-CRU"),
            remarks: Remarks::empty(),
            attachments: Vec::new(),
            classification: Classification::Normal,
            medium: Medium::Electronic,
        }
    }

    fn order(version: u64, to: &str) -> ForwardOrder {
        ForwardOrder {
            version,
            to_post: post(to),
            remarks: Remarks::empty(),
            priority: Priority::Urgent,
            due_date: None,
            copies: Vec::new(),
        }
    }

    #[test]
    fn diarising_starts_the_history_at_the_diarising_post() {
        let (receipt, movement) = diarise(diarisation(date!(2026 - 11 - 20)), NOW).unwrap();
        assert_eq!(receipt.holder, post("DC-GGN-CRU"));
        assert_eq!(receipt.version, 1);
        assert_eq!(receipt.received_on, date!(2026 - 11 - 23));
        assert_eq!(movement.seq, 1);
        assert_eq!(movement.action, MovementAction::Diarised);
        assert_eq!(receipt.diary_number.to_string(), "DC-GGN/2026/7");
    }

    #[test]
    fn dates_are_judged_in_indian_time() {
        // 20:00 UTC on 23 November is already 24 November in India.
        let late_evening_utc = datetime!(2026-11-23 20:00 UTC);
        let (receipt, _) = diarise(diarisation(date!(2026 - 11 - 24)), late_evening_utc).unwrap();
        assert_eq!(receipt.received_on, date!(2026 - 11 - 24));
    }

    #[test]
    fn letter_dates_must_be_plausible() {
        let cases = [
            (date!(2026 - 11 - 23), Ok(())),
            (date!(2026 - 11 - 24), Err(ReceiptRefusal::LetterDateInFuture)),
            (date!(1949 - 12 - 31), Err(ReceiptRefusal::LetterDateTooOld)),
            (date!(1950 - 01 - 01), Ok(())),
        ];
        for (letter_date, expected) in cases {
            let got = diarise(diarisation(letter_date), NOW).map(|_| ());
            assert_eq!(got, expected, "letter date {letter_date}");
        }
    }

    #[test]
    fn forwarding_moves_the_receipt_and_bumps_the_version() {
        let (receipt, _) = diarise(diarisation(date!(2026 - 11 - 20)), NOW).unwrap();
        let later = NOW + time::Duration::hours(2);
        let (moved, movement) = receipt
            .forward(
                order(1, "FIN-HQ-SO-BUDGET"),
                EmployeeId::parse("HR1001").unwrap(),
                later,
            )
            .unwrap();
        assert_eq!(moved.holder, post("FIN-HQ-SO-BUDGET"));
        assert_eq!(moved.held_since, later);
        assert_eq!(moved.version, 2);
        assert_eq!(moved.priority, Priority::Urgent);
        assert_eq!(moved.path, vec![post("DC-GGN-CRU"), post("FIN-HQ-SO-BUDGET")]);
        assert_eq!(movement.seq, 2);
        assert_eq!(movement.from_post, Some(post("DC-GGN-CRU")));
    }

    #[test]
    fn forward_refusals() {
        let (receipt, _) = diarise(diarisation(date!(2026 - 11 - 20)), NOW).unwrap();
        let by = EmployeeId::parse("HR1001").unwrap();
        assert_eq!(
            receipt.forward(order(1, "DC-GGN-CRU"), by.clone(), NOW),
            Err(ReceiptRefusal::ForwardToSelf)
        );
        assert_eq!(
            receipt.forward(order(0, "FIN-HQ-SO"), by.clone(), NOW),
            Err(ReceiptRefusal::StaleVersion { current: 1 })
        );
        let mut late = order(1, "FIN-HQ-SO");
        late.due_date = Some(date!(2026 - 11 - 22));
        assert_eq!(
            receipt.forward(late, by.clone(), NOW),
            Err(ReceiptRefusal::DueDateInPast)
        );
        let (filed, movement) = receipt.put_in_file(&FileId::parse("F-TEST-0001").unwrap(), by.clone(), NOW);
        assert_eq!(movement.action, MovementAction::PutInFile);
        assert_eq!(
            filed.forward(order(2, "FIN-HQ-SO"), by, NOW),
            Err(ReceiptRefusal::InFile)
        );
    }

    #[test]
    fn copies_go_to_other_posts_once_and_may_read_it() {
        let by = EmployeeId::parse("HR1001").unwrap();
        let (receipt, _) = diarise(diarisation(date!(2026 - 11 - 20)), NOW).unwrap();
        let mut with_copies = order(1, "FIN-HQ-SO");
        with_copies.copies = vec![post("FIN-HQ-DS"), post("CMO-HQ-SO")];
        let (moved, movement) = receipt.forward(with_copies.clone(), by.clone(), NOW).unwrap();
        assert_eq!(moved.holder, post("FIN-HQ-SO"));
        assert_eq!(movement.copies.len(), 2);
        assert!(moved.path.contains(&post("CMO-HQ-SO")));
        for bad in [
            vec![post("FIN-HQ-SO")],
            vec![post("DC-GGN-CRU")],
            vec![post("FIN-HQ-DS"), post("FIN-HQ-DS")],
            (0..=MAX_COPIES).map(|i| post(&format!("P-{i}"))).collect(),
        ] {
            with_copies.copies = bad;
            assert_eq!(
                receipt.forward(with_copies.clone(), by.clone(), NOW),
                Err(ReceiptRefusal::BadCopies)
            );
        }
    }

    #[test]
    fn a_closed_receipt_moves_no_more() {
        let by = EmployeeId::parse("HR1001").unwrap();
        let (receipt, _) = diarise(diarisation(date!(2026 - 11 - 20)), NOW).unwrap();
        assert_eq!(
            receipt.close(0, Remarks::empty(), by.clone(), NOW),
            Err(ReceiptRefusal::StaleVersion { current: 1 })
        );
        assert_eq!(
            receipt.close(1, Remarks::empty(), by.clone(), NOW),
            Err(ReceiptRefusal::NoReason)
        );
        let (closed, movement) = receipt
            .close(1, Remarks::parse("Noted").unwrap(), by.clone(), NOW)
            .unwrap();
        assert_eq!(
            (closed.status, movement.action),
            (ReceiptStatus::Closed, MovementAction::Closed)
        );
        assert_eq!(
            closed.forward(order(2, "FIN-HQ-SO"), by.clone(), NOW),
            Err(ReceiptRefusal::Closed)
        );
        assert_eq!(closed.close(2, Remarks::empty(), by, NOW), Err(ReceiptRefusal::Closed));
    }

    #[test]
    fn a_paper_receipt_is_received_at_each_desk_before_it_moves_on() {
        let by = EmployeeId::parse("HR2001").unwrap();
        let mut paper = diarisation(date!(2026 - 11 - 20));
        paper.medium = Medium::Physical;
        let (receipt, _) = diarise(paper, NOW).unwrap();
        assert!(receipt.received, "the diarising desk has the paper");
        let (moved, _) = receipt.forward(order(1, "FIN-HQ-SO"), by.clone(), NOW).unwrap();
        assert!(!moved.received);
        assert_eq!(
            moved.forward(order(2, "FIN-HQ-DS"), by.clone(), NOW),
            Err(ReceiptRefusal::NotReceived)
        );
        assert_eq!(
            moved.close(2, Remarks::empty(), by.clone(), NOW),
            Err(ReceiptRefusal::NotReceived)
        );
        let (received, movement) = moved.receive(2, by.clone(), NOW).unwrap();
        assert_eq!(movement.action, MovementAction::Received);
        assert_eq!(
            received.receive(3, by.clone(), NOW),
            Err(ReceiptRefusal::AlreadyReceived)
        );
        assert!(received.forward(order(3, "FIN-HQ-DS"), by, NOW).is_ok());
    }

    #[test]
    fn a_classified_receipt_is_not_copied() {
        let mut secret = diarisation(date!(2026 - 11 - 20));
        secret.classification = Classification::Secret;
        let (receipt, _) = diarise(secret, NOW).unwrap();
        let mut with_copy = order(1, "FIN-HQ-SO");
        with_copy.copies = vec![post("FIN-HQ-DS")];
        assert_eq!(
            receipt.forward(with_copy, EmployeeId::parse("HR1001").unwrap(), NOW),
            Err(ReceiptRefusal::RestrictedCopies)
        );
    }

    #[test]
    fn returning_to_an_earlier_post_does_not_repeat_it_in_the_path() {
        let by = EmployeeId::parse("HR1001").unwrap();
        let (r1, _) = diarise(diarisation(date!(2026 - 11 - 20)), NOW).unwrap();
        let (r2, _) = r1.forward(order(1, "FIN-HQ-SO"), by.clone(), NOW).unwrap();
        let (r3, m3) = r2.forward(order(2, "DC-GGN-CRU"), by, NOW).unwrap();
        assert_eq!(r3.path.len(), 2);
        assert_eq!(m3.seq, 3);
    }
}
