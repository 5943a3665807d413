use super::chain::{verify, BreakReason, ChainReport, Sealed};
use super::draft::{DispatchMode, DispatchNumber, LetterText};
use super::draft::{Draft, DraftVersion, EnclosureChange};
use super::*;
use crate::handling::{Classification, Medium};
use crate::org::Role;
use crate::receipt::{diarise, Diarisation, DiaryNumber, LetterDetails, ReceiptCategory, ReceiptMode};
use crate::text::PartyName;
use time::macros::{date, datetime};
use time::Duration;

const NOW: OffsetDateTime = datetime!(2026-11-23 10:00 UTC);

fn post_id(id: &str) -> PostId {
    PostId::parse(id).unwrap()
}

fn actor(id: &str, posts: &[&str]) -> Actor {
    Actor {
        employee: EmployeeId::parse(id).unwrap(),
        posts: posts
            .iter()
            .map(|p| (post_id(p), OfficeCode::parse("FIN-HQ").unwrap()))
            .collect(),
        depts: vec![DeptCode::parse(&id[..2]).unwrap()],
        roles: vec![Role::Employee],
    }
}

/// The Section Officer who opens files, the Deputy Secretary above them, their PA, and an
/// officer in another department.
fn so() -> Actor {
    actor("HR2001", &["FIN-HQ-SO"])
}
fn ds() -> Actor {
    actor("HR2002", &["FIN-HQ-DS"])
}
fn pa() -> Actor {
    actor("HR2005", &["FIN-HQ-PA"])
}
fn other_dept() -> Actor {
    actor("HR3001", &["CMO-HQ-SO"])
}

fn new_file(id: &str) -> (File, FileEvent) {
    let post = Post {
        id: post_id("FIN-HQ-SO"),
        dept: DeptCode::parse("FIN").unwrap(),
        office: OfficeCode::parse("FIN-HQ").unwrap(),
        section: SectionCode::parse("GEN").unwrap(),
        title_en: "Section Officer".into(),
        title_hi: "अनुभाग अधिकारी".into(),
        holder: None,
    };
    open_file(
        NewFile {
            id: FileId::parse(id).unwrap(),
            number: FileNumber {
                text: "FIN-GEN/BUDGET/1/2026".into(),
                dept: DeptCode::parse("FIN").unwrap(),
                year: 2026,
                serial: 1,
            },
            subject: Subject::parse("Supplementary demands 2026-27").unwrap(),
            category: FileCategory::Budget,
            head: SubjectHead::parse("BUDGET").unwrap(),
            at_post: &post,
            by: EmployeeId::parse("HR2001").unwrap(),
            remarks: Remarks::empty(),
            old_number: None,
            scans: Vec::new(),
            classification: Classification::Normal,
            medium: Medium::Electronic,
        },
        NOW,
    )
    .unwrap()
}

fn send(to: &str) -> Move {
    Move::Send {
        to_post: post_id(to),
        remarks: Remarks::parse("For approval").unwrap(),
        priority: Priority::Urgent,
        due_date: None,
    }
}

fn apply(file: &File, who: &Actor, order: Move) -> Result<(File, FileEvent), FileRefusal> {
    file.apply(file.version, who, order, NOW)
        .map(|done| done.expect("a change"))
}

fn note(text: &str) -> NoteDraft {
    NoteDraft {
        text: NoteText::parse(text).unwrap(),
        sign_as: None,
        refs: Vec::new(),
        attachments: Vec::new(),
    }
}

#[test]
fn a_new_file_is_with_its_creator_and_starts_the_chain() {
    let (file, event) = new_file("F-TEST-0001");
    assert_eq!(file.holder, post_id("FIN-HQ-SO"));
    assert_eq!(file.version, 1);
    assert_eq!(event.seq, 1);
    assert_eq!(event.prev_hash, chain::GENESIS);
    assert_eq!(file.last_hash, event.hash);
    assert_eq!(file.pending_at(), Some(&post_id("FIN-HQ-SO")));
}

#[test]
fn sending_moves_the_file_and_only_the_holder_may_send() {
    let (file, _) = new_file("F-TEST-0001");
    assert_eq!(apply(&file, &ds(), send("FIN-HQ-SO")), Err(FileRefusal::NotWithYou));
    assert_eq!(apply(&file, &so(), send("FIN-HQ-SO")), Err(FileRefusal::SendToSelf));
    let (moved, event) = apply(&file, &so(), send("CMO-HQ-SO")).unwrap();
    assert_eq!(moved.holder, post_id("CMO-HQ-SO"));
    assert!(!moved.opened);
    assert_eq!(moved.priority, Priority::Urgent);
    assert_eq!(event.kind, FileEventKind::Sent);
    assert_eq!(event.to_post, Some(post_id("CMO-HQ-SO")));
    assert_eq!(event.prev_hash, file.last_hash);
    // The sender no longer holds it.
    assert_eq!(apply(&moved, &so(), send("FIN-HQ-DS")), Err(FileRefusal::NotWithYou));
    let late = Move::Send {
        to_post: post_id("FIN-HQ-DS"),
        remarks: Remarks::empty(),
        priority: Priority::Normal,
        due_date: Some(date!(2026 - 11 - 22)),
    };
    assert_eq!(apply(&file, &so(), late), Err(FileRefusal::DueDateInPast));
}

#[test]
fn every_action_is_conditional_on_the_version_seen() {
    let (file, _) = new_file("F-TEST-0001");
    assert_eq!(
        file.apply(0, &so(), send("FIN-HQ-DS"), NOW),
        Err(FileRefusal::StaleVersion { current: 1 })
    );
}

#[test]
fn recall_works_only_for_the_sender_and_only_until_the_receiver_opens_it() {
    let (file, _) = new_file("F-TEST-0001");
    let (sent, _) = apply(&file, &so(), send("FIN-HQ-DS")).unwrap();
    let recall = || Move::Recall {
        remarks: Remarks::empty(),
    };
    assert_eq!(apply(&sent, &ds(), recall()), Err(FileRefusal::NotSender));
    assert_eq!(apply(&sent, &other_dept(), recall()), Err(FileRefusal::NotSender));
    let (back, event) = apply(&sent, &so(), recall()).unwrap();
    assert_eq!(back.holder, post_id("FIN-HQ-SO"));
    assert!(back.opened);
    assert_eq!(event.kind, FileEventKind::Recalled);

    let (opened, _) = apply(&sent, &ds(), Move::Open).unwrap();
    assert_eq!(apply(&opened, &so(), recall()), Err(FileRefusal::AlreadyOpened));
    // Opening twice records nothing.
    assert_eq!(opened.apply(opened.version, &ds(), Move::Open, NOW), Ok(None));
}

#[test]
fn a_receiver_working_on_the_file_has_opened_it() {
    let (file, _) = new_file("F-TEST-0001");
    let (sent, _) = apply(&file, &so(), send("FIN-HQ-DS")).unwrap();
    let (noted, _) = sent.write_note(sent.version, &ds(), note("Seen."), NOW).unwrap();
    assert!(noted.opened);
    assert!(!noted.allowed(&so()).recall);
}

#[test]
fn parking_puts_the_file_aside_until_unparked() {
    let (file, _) = new_file("F-TEST-0001");
    let (parked, _) = apply(
        &file,
        &so(),
        Move::Park {
            remarks: Remarks::parse("Awaiting report from district").unwrap(),
        },
    )
    .unwrap();
    assert_eq!(parked.status, FileStatus::Parked);
    assert_eq!(parked.pending_at(), Some(&post_id("FIN-HQ-SO")));
    assert_eq!(apply(&parked, &so(), send("FIN-HQ-DS")), Err(FileRefusal::Parked));
    assert_eq!(
        parked.write_note(parked.version, &so(), note("x"), NOW).err(),
        Some(FileRefusal::Parked)
    );
    let unpark = || Move::Unpark {
        remarks: Remarks::empty(),
    };
    assert_eq!(apply(&file, &so(), unpark()), Err(FileRefusal::NotParked));
    let (active, _) = apply(&parked, &so(), unpark()).unwrap();
    assert_eq!(active.status, FileStatus::Active);
}

#[test]
fn only_the_creating_desk_closes_and_reopens() {
    let (file, _) = new_file("F-TEST-0001");
    let close = || Move::Close {
        reason: Reason::parse("Demands approved and issued").unwrap(),
    };
    let (with_ds, _) = apply(&file, &so(), send("FIN-HQ-DS")).unwrap();
    assert_eq!(apply(&with_ds, &ds(), close()), Err(FileRefusal::NotCreator));
    assert!(!with_ds.allowed(&ds()).close);

    let (closed, event) = apply(&file, &so(), close()).unwrap();
    assert_eq!(closed.status, FileStatus::Closed);
    assert_eq!(closed.pending_at(), None);
    assert!(matches!(event.kind, FileEventKind::Closed { .. }));
    assert_eq!(apply(&closed, &so(), send("FIN-HQ-DS")), Err(FileRefusal::Closed));
    assert!(closed.allowed(&so()).reopen);
    let reopen = || Move::Reopen {
        remarks: Remarks::empty(),
    };
    assert_eq!(apply(&file, &so(), reopen()), Err(FileRefusal::NotClosed));
    assert_eq!(apply(&closed, &ds(), reopen()), Err(FileRefusal::NotWithYou));
    let (reopened, _) = apply(&closed, &so(), reopen()).unwrap();
    assert_eq!(reopened.status, FileStatus::Active);
}

#[test]
fn a_note_is_yellow_until_signed_then_green_and_numbered() {
    let (file, _) = new_file("F-TEST-0001");
    let (file, draft) = file.write_note(file.version, &so(), note("Draft para"), NOW).unwrap();
    assert_eq!(file.draft, Some(1));
    assert_eq!(draft.paragraph, None);
    assert_eq!(
        file.write_note(file.version, &so(), note("Second"), NOW).err(),
        Some(FileRefusal::DraftExists)
    );
    let (file, edited) = file
        .edit_note(
            file.version,
            &so(),
            &draft,
            NoteText::parse("Revised para").unwrap(),
            vec![],
        )
        .unwrap();
    assert_eq!(edited.text.as_ref(), "Revised para");
    let (file, signed, event) = file.sign_note(file.version, &so(), &edited, NOW).unwrap();
    assert_eq!(signed.paragraph, Some(1));
    assert_eq!(file.paragraphs, 1);
    assert_eq!(file.draft, None);
    assert_eq!(
        event.kind,
        FileEventKind::NoteSigned {
            note: 1,
            paragraph: 1,
            content_hash: signed.content_hash()
        }
    );
    // A green note is permanent.
    assert_eq!(
        file.edit_note(file.version, &so(), &signed, NoteText::parse("x").unwrap(), vec![])
            .err(),
        Some(FileRefusal::NoSuchDraft)
    );
    assert_eq!(
        file.discard_note(file.version, &so(), &signed).err(),
        Some(FileRefusal::NoSuchDraft)
    );
}

#[test]
fn a_pa_drafts_and_the_officer_signs_once_the_file_reaches_them() {
    let (file, _) = new_file("F-TEST-0001");
    let (with_pa, _) = apply(&file, &so(), send("FIN-HQ-PA")).unwrap();
    let mut for_ds = note("Approved as proposed.");
    for_ds.sign_as = Some(post_id("FIN-HQ-DS"));
    let (with_pa, draft) = with_pa.write_note(with_pa.version, &pa(), for_ds, NOW).unwrap();
    // The PA cannot sign for the officer.
    assert_eq!(
        with_pa.sign_note(with_pa.version, &pa(), &draft, NOW).err(),
        Some(FileRefusal::NotSignatory)
    );
    let (with_ds, _) = apply(&with_pa, &pa(), send("FIN-HQ-DS")).unwrap();
    let (_, signed, _) = with_ds.sign_note(with_ds.version, &ds(), &draft, NOW).unwrap();
    let signature = signed.signed.unwrap();
    assert_eq!(signature.post, post_id("FIN-HQ-DS"));
    assert_eq!(signed.drafted_by, pa().employee);
}

#[test]
fn only_the_drafter_or_signatory_may_change_a_draft() {
    let (file, _) = new_file("F-TEST-0001");
    let (file, draft) = file.write_note(file.version, &so(), note("Mine"), NOW).unwrap();
    let (with_ds, _) = apply(&file, &so(), send("FIN-HQ-DS")).unwrap();
    assert_eq!(
        with_ds.discard_note(with_ds.version, &ds(), &draft).err(),
        Some(FileRefusal::NotSignatory)
    );
    let discarded = file.discard_note(file.version, &so(), &draft).unwrap();
    assert_eq!(discarded.draft, None);
}

#[test]
fn notes_may_flag_only_receipts_in_the_file_and_earlier_paragraphs() {
    let (file, _) = new_file("F-TEST-0001");
    let mut flagged = note("See para 1");
    flagged.refs = vec![NoteRef::Paragraph { number: 1 }];
    assert_eq!(
        file.write_note(file.version, &so(), flagged.clone(), NOW).err(),
        Some(FileRefusal::BadReference)
    );
    let (file, first) = file.write_note(file.version, &so(), note("First"), NOW).unwrap();
    let (file, _, _) = file.sign_note(file.version, &so(), &first, NOW).unwrap();
    assert!(file.write_note(file.version, &so(), flagged, NOW).is_ok());
    let mut too_many = note("x");
    too_many.refs = vec![NoteRef::Paragraph { number: 1 }; MAX_NOTE_REFS + 1];
    assert_eq!(
        file.write_note(file.version, &so(), too_many, NOW).err(),
        Some(FileRefusal::TooManyReferences)
    );
}

fn receipt_at(post: &str) -> Receipt {
    let (receipt, _) = diarise(
        Diarisation {
            id: ReceiptId::parse("R-TEST-0001").unwrap(),
            diary_number: DiaryNumber {
                office: OfficeCode::parse("FIN-HQ").unwrap(),
                year: 2026,
                serial: 1,
            },
            dept: DeptCode::parse("FIN").unwrap(),
            letter: LetterDetails {
                sender: PartyName::parse("Accountant General").unwrap(),
                subject: Subject::parse("Audit para").unwrap(),
                letter_date: date!(2026 - 11 - 20),
                mode: ReceiptMode::Post,
                category: ReceiptCategory::GovernmentLetter,
            },
            by: EmployeeId::parse("HR2003").unwrap(),
            at_post: post_id(post),
            remarks: Remarks::empty(),
            attachments: Vec::new(),
            classification: Classification::Normal,
            medium: Medium::Electronic,
        },
        NOW,
    )
    .unwrap();
    receipt
}

#[test]
fn a_receipt_on_the_same_desk_goes_into_the_file_once() {
    let (file, _) = new_file("F-TEST-0001");
    assert_eq!(
        file.attach_receipt(file.version, &so(), &receipt_at("FIN-HQ-CRU"), NOW)
            .err(),
        Some(FileRefusal::ReceiptNotHere)
    );
    let receipt = receipt_at("FIN-HQ-SO");
    let (with_receipt, event) = file.attach_receipt(file.version, &so(), &receipt, NOW).unwrap();
    assert_eq!(with_receipt.receipts, vec![receipt.id.clone()]);
    assert_eq!(
        event.kind,
        FileEventKind::ReceiptAttached {
            receipt: receipt.id.clone()
        }
    );
    let (filed, _) = receipt.put_in_file(&file.id, so().employee, NOW);
    assert_eq!(
        with_receipt
            .attach_receipt(with_receipt.version, &so(), &filed, NOW)
            .err(),
        Some(FileRefusal::ReceiptAlreadyFiled)
    );
}

#[test]
fn linking_records_on_both_files_and_needs_sight_of_the_other() {
    let (a, _) = new_file("F-TEST-000A");
    let (b, _) = new_file("F-TEST-000B");
    let [(a2, ea), (b2, eb)] = a.link(a.version, &so(), &b, NOW).unwrap();
    assert_eq!(a2.links, vec![b.id.clone()]);
    assert_eq!(b2.links, vec![a.id.clone()]);
    assert_eq!(b2.version, b.version + 1);
    assert_eq!(ea.kind, FileEventKind::Linked { other: b.id.clone() });
    assert_eq!(eb.prev_hash, b.last_hash);
    assert_eq!(
        a2.link(a2.version, &so(), &b2, NOW).err(),
        Some(FileRefusal::AlreadyLinked)
    );
    assert_eq!(a.link(a.version, &so(), &a, NOW).err(), Some(FileRefusal::LinkToSelf));
    let (b_elsewhere, _) = apply(&b, &so(), send("CMO-HQ-SO")).unwrap();
    let (cmo_file, _) = apply(&a, &so(), send("CMO-HQ-SO")).unwrap();
    let never_saw = actor("HR3001", &["CMO-HQ-SO"]);
    // The CMO desk holds `cmo_file` and also saw `b_elsewhere`; it never saw a fresh file.
    let (fresh, _) = new_file("F-TEST-000C");
    assert!(cmo_file.link(cmo_file.version, &never_saw, &b_elsewhere, NOW).is_ok());
    assert_eq!(
        cmo_file.link(cmo_file.version, &never_saw, &fresh, NOW).err(),
        Some(FileRefusal::CannotSeeOther)
    );
}

/// A file that went SO → DS → CMO → SO with notes signed along the way.
fn history() -> (File, Vec<FileEvent>, Vec<Note>) {
    let (file, created) = new_file("F-TEST-0001");
    let mut events = vec![created];
    let (file, draft) = file.write_note(file.version, &so(), note("Para one"), NOW).unwrap();
    let (file, signed, e) = file.sign_note(file.version, &so(), &draft, NOW).unwrap();
    events.push(e);
    let later = NOW + Duration::hours(3);
    let (file, e) = file
        .apply(file.version, &so(), send("FIN-HQ-DS"), later)
        .unwrap()
        .unwrap();
    events.push(e);
    let much_later = later + Duration::hours(24);
    let (file, e) = file
        .apply(file.version, &ds(), send("FIN-HQ-SO"), much_later)
        .unwrap()
        .unwrap();
    events.push(e);
    (file, events, vec![signed])
}

fn sealed(notes: &[Note]) -> Sealed<'_> {
    Sealed {
        notes,
        draft_versions: &[],
    }
}

#[test]
fn an_intact_chain_verifies() {
    let (file, events, notes) = history();
    assert_eq!(
        verify(&events, sealed(&notes), file.events, &file.last_hash),
        ChainReport::Intact {
            entries: 4,
            last_hash: file.last_hash.clone()
        }
    );
}

#[test]
fn tampering_is_found_at_the_first_broken_entry() {
    let (file, events, notes) = history();

    let mut changed = events.clone();
    changed[2].remarks = Remarks::parse("Not approved").unwrap();
    assert_eq!(
        verify(&changed, sealed(&notes), file.events, &file.last_hash),
        ChainReport::Broken {
            seq: 3,
            reason: BreakReason::ContentChanged
        }
    );

    let mut removed = events.clone();
    removed.remove(1);
    assert!(matches!(
        verify(&removed, sealed(&notes), file.events, &file.last_hash),
        ChainReport::Broken {
            seq: 2,
            reason: BreakReason::LinkBroken
        }
    ));

    let truncated = &events[..3];
    assert_eq!(
        verify(truncated, sealed(&notes), file.events, &file.last_hash),
        ChainReport::Broken {
            seq: 4,
            reason: BreakReason::Truncated
        }
    );

    let mut rewritten = notes.clone();
    rewritten[0].text = NoteText::parse("Para one, improved later").unwrap();
    assert_eq!(
        verify(&events, sealed(&rewritten), file.events, &file.last_hash),
        ChainReport::Broken {
            seq: 2,
            reason: BreakReason::DocumentChanged
        }
    );

    // Re-sealing a changed entry does not help: the next entry still points at the old hash.
    let mut resealed = events.clone();
    resealed[2].remarks = Remarks::parse("Not approved").unwrap();
    resealed[2] = chain::seal(resealed[2].clone(), &resealed[1].hash);
    assert_eq!(
        verify(&resealed, sealed(&notes), file.events, &file.last_hash),
        ChainReport::Broken {
            seq: 4,
            reason: BreakReason::LinkBroken
        }
    );
}

#[test]
fn the_track_shows_each_desk_and_the_time_spent_there() {
    let (_, events, _) = history();
    let now = NOW + Duration::hours(30);
    let stays = track(&events, now);
    let summary: Vec<(&str, i64)> = stays.iter().map(|s| (s.post.as_ref(), s.seconds)).collect();
    assert_eq!(
        summary,
        vec![
            ("FIN-HQ-SO", 3 * 3600),
            ("FIN-HQ-DS", 24 * 3600),
            ("FIN-HQ-SO", 3 * 3600)
        ]
    );
    assert_eq!(stays[2].left, None);
}

#[test]
fn a_paper_file_must_be_marked_received_before_anyone_acts_on_it() {
    let (mut file, _) = new_file("F-TEST-0001");
    file.medium = Medium::Physical;
    let (sent, _) = apply(&file, &so(), send("FIN-HQ-DS")).unwrap();
    assert!(sent.allowed(&ds()).receive);
    assert!(!sent.allowed(&ds()).send);
    assert_eq!(apply(&sent, &ds(), send("CMO-HQ-SO")), Err(FileRefusal::NotReceived));
    assert_eq!(
        sent.write_note(sent.version, &ds(), note("x"), NOW).err(),
        Some(FileRefusal::NotReceived)
    );
    let (received, event) = apply(&sent, &ds(), Move::Open).unwrap();
    assert_eq!(event.kind, FileEventKind::Received);
    assert!(apply(&received, &ds(), send("CMO-HQ-SO")).is_ok());
}

#[test]
fn the_darpg_level_warning_counts_distinct_desks() {
    let (file, _) = new_file("F-TEST-0001");
    let (f, _) = apply(&file, &so(), send("FIN-HQ-US")).unwrap();
    let f = opened_by(&f, "FIN-HQ-US");
    let (f, _) = apply(&f, &actor("HR2009", &["FIN-HQ-US"]), send("FIN-HQ-DS")).unwrap();
    let f = opened_by(&f, "FIN-HQ-DS");
    // Three desks so far: a fourth is within the guideline, a fifth is not; going back is not a new level.
    assert!(!f.exceeds_levels_if_sent_to(&post_id("FIN-HQ-JS")));
    let (f, _) = apply(&f, &ds(), send("FIN-HQ-JS")).unwrap();
    assert!(f.exceeds_levels_if_sent_to(&post_id("FIN-HQ-SECY")));
    assert!(!f.exceeds_levels_if_sent_to(&post_id("FIN-HQ-SO")));
}

fn opened_by(file: &File, post: &str) -> File {
    let who = actor("HR2009", &[post]);
    apply(file, &who, Move::Open).unwrap().0
}

fn letter(body: &str) -> LetterText {
    LetterText {
        subject: Subject::parse("Release of supplementary grant").unwrap(),
        addressees: vec![PartyName::parse("Deputy Commissioner, Gurugram").unwrap()],
        body: crate::text::LetterBody::parse(body).unwrap(),
    }
}

fn dispatch_number() -> DispatchNumber {
    DispatchNumber {
        office: OfficeCode::parse("FIN-HQ").unwrap(),
        year: 2026,
        serial: 1,
    }
}

#[test]
fn a_draft_is_issued_only_in_the_version_that_was_approved() {
    let (file, _) = new_file("F-TEST-0001");
    let (file, draft) = file
        .start_draft(file.version, &so(), letter("Rs 10 lakh is released."), vec![], NOW)
        .unwrap();
    assert_eq!((draft.id, draft.latest.version), (1, 1));
    let issue =
        |f: &File, d: &Draft| f.issue_draft(f.version, &so(), d, dispatch_number(), DispatchMode::SpeedPost, NOW);
    assert_eq!(issue(&file, &draft).err(), Some(FileRefusal::NotApproved));

    let (file, approved, event) = file.approve_draft(file.version, &so(), &draft, NOW).unwrap();
    assert_eq!(approved.approval.as_ref().unwrap().version, 1);
    assert!(matches!(event.kind, FileEventKind::DraftApproved { version: 1, .. }));
    assert_eq!(
        file.approve_draft(file.version, &so(), &approved, NOW).err(),
        Some(FileRefusal::AlreadyApproved)
    );
    // A revision after approval needs approving again.
    let (file, revised) = file
        .revise_draft(
            file.version,
            &so(),
            &approved,
            letter("Rs 12 lakh is released."),
            EnclosureChange::default(),
            NOW,
        )
        .unwrap();
    assert_eq!((revised.latest.version, revised.approval.is_none()), (2, true));
    assert_eq!(issue(&file, &revised).err(), Some(FileRefusal::NotApproved));
    let (file, approved, _) = file.approve_draft(file.version, &so(), &revised, NOW).unwrap();
    let (file, issued, event, entry) = issue(&file, &approved).unwrap();
    assert_eq!(entry.number_text, "FIN-HQ/D/2026/1");
    assert_eq!((entry.version, entry.mode), (2, DispatchMode::SpeedPost));
    assert!(matches!(event.kind, FileEventKind::DraftIssued { .. }));
    assert_eq!(
        file.revise_draft(
            file.version,
            &so(),
            &issued,
            letter("x"),
            EnclosureChange::default(),
            NOW
        )
        .err(),
        Some(FileRefusal::DraftIssued)
    );
    let dispatched = entry
        .dispatch(so().employee, Remarks::parse("EH123456789IN").unwrap(), NOW)
        .unwrap();
    assert_eq!(
        dispatched.dispatch(so().employee, Remarks::empty(), NOW).err(),
        Some(FileRefusal::AlreadyDispatched)
    );
}

#[test]
fn drafts_need_the_file_in_hand_and_an_addressee() {
    let (file, _) = new_file("F-TEST-0001");
    assert_eq!(
        file.start_draft(file.version, &ds(), letter("x"), vec![], NOW).err(),
        Some(FileRefusal::NotWithYou)
    );
    let mut nobody = letter("x");
    nobody.addressees.clear();
    assert_eq!(
        file.start_draft(file.version, &so(), nobody, vec![], NOW).err(),
        Some(FileRefusal::BadAddressees)
    );
}

#[test]
fn an_approved_draft_changed_in_storage_breaks_the_chain() {
    let (file, created) = new_file("F-TEST-0001");
    let (file, draft) = file
        .start_draft(file.version, &so(), letter("Rs 10 lakh."), vec![], NOW)
        .unwrap();
    let (file, _, approved) = file.approve_draft(file.version, &so(), &draft, NOW).unwrap();
    let events = vec![created, approved];
    let mut versions = vec![draft.latest.clone()];
    assert!(matches!(
        verify(&events, sealed_drafts(&versions), file.events, &file.last_hash),
        ChainReport::Intact { .. }
    ));
    versions[0].letter.body = crate::text::LetterBody::parse("Rs 100 lakh.").unwrap();
    assert_eq!(
        verify(&events, sealed_drafts(&versions), file.events, &file.last_hash),
        ChainReport::Broken {
            seq: 2,
            reason: BreakReason::DocumentChanged
        }
    );
}

fn sealed_drafts(draft_versions: &[DraftVersion]) -> Sealed<'_> {
    Sealed {
        notes: &[],
        draft_versions,
    }
}

fn so_post() -> Post {
    Post {
        id: post_id("FIN-HQ-SO"),
        dept: DeptCode::parse("FIN").unwrap(),
        office: OfficeCode::parse("FIN-HQ").unwrap(),
        section: SectionCode::parse("GEN").unwrap(),
        title_en: String::new(),
        title_hi: String::new(),
        holder: None,
    }
}

#[test]
fn a_merged_file_travels_inside_its_main_file() {
    let (main, _) = new_file("F-TEST-000A");
    let (part, _) = new_file("F-TEST-000B");
    let [(main2, e_main), (part2, e_part)] = main.merge(main.version, &so(), &part, NOW).unwrap();
    assert_eq!(main2.family.merged, vec![part.id.clone()]);
    assert_eq!(main2.family.numbers[&part.id], part.number.text);
    assert_eq!(part2.family.numbers[&main.id], main.number.text);
    assert_eq!((part2.status, part2.pending_at()), (FileStatus::Merged, None));
    assert_eq!(e_main.kind, FileEventKind::Merged { part: part.id.clone() });
    assert_eq!(e_part.kind, FileEventKind::MergedInto { main: main.id.clone() });
    assert_eq!(apply(&part2, &so(), send("FIN-HQ-DS")), Err(FileRefusal::Merged));
    assert_eq!(
        main.merge(main.version, &so(), &main, NOW).err(),
        Some(FileRefusal::CannotMerge)
    );
    // A file at another desk cannot be merged here.
    let (elsewhere, _) = apply(&part, &so(), send("FIN-HQ-DS")).unwrap();
    assert_eq!(
        main.merge(main.version, &so(), &elsewhere, NOW).err(),
        Some(FileRefusal::CannotMerge)
    );
}

#[test]
fn a_new_volume_continues_the_matter_and_closes_the_old_one_for_good() {
    let (first, _) = new_file("F-TEST-000A");
    let [(old, closing), (second, created)] = first
        .open_volume(
            first.version,
            &so(),
            &so_post(),
            FileId::parse("F-TEST-000V").unwrap(),
            NOW,
        )
        .unwrap();
    assert_eq!(second.number.text, "FIN-GEN/BUDGET/1/2026 (Vol. 2)");
    assert_eq!(
        (second.family.volume, second.family.previous_volume.clone()),
        (2, Some(first.id.clone()))
    );
    assert_eq!(old.status, FileStatus::Closed);
    assert_eq!(old.family.numbers[&second.id], second.number.text);
    assert_eq!(second.family.numbers[&first.id], first.number.text);
    assert!(matches!(closing.kind, FileEventKind::ContinuedIn { .. }));
    assert!(matches!(created.kind, FileEventKind::Created { .. }));
    let reopen = Move::Reopen {
        remarks: Remarks::empty(),
    };
    assert_eq!(apply(&old, &so(), reopen), Err(FileRefusal::ContinuedInVolume));
    let [_, (third, _)] = second
        .open_volume(
            second.version,
            &so(),
            &so_post(),
            FileId::parse("F-TEST-000W").unwrap(),
            NOW,
        )
        .unwrap();
    assert_eq!(third.number.text, "FIN-GEN/BUDGET/1/2026 (Vol. 3)");
}

#[test]
fn a_part_file_is_opened_by_a_desk_that_saw_the_main_file() {
    let (main, _) = new_file("F-TEST-000A");
    let (with_ds, _) = apply(&main, &so(), send("FIN-HQ-DS")).unwrap();
    let [(main2, opened), (part, _)] = with_ds
        .open_part(&so(), &so_post(), FileId::parse("F-TEST-000P").unwrap(), NOW)
        .unwrap();
    assert_eq!(part.number.text, "FIN-GEN/BUDGET/1/2026 (Part 1)");
    assert_eq!(part.holder, post_id("FIN-HQ-SO"));
    assert_eq!(part.family.part_of, Some(main.id.clone()));
    assert_eq!(part.family.numbers[&main.id], main.number.text);
    assert_eq!(main2.family.parts_opened, 1);
    assert_eq!(main2.holder, post_id("FIN-HQ-DS"), "the main file stays where it is");
    assert!(matches!(opened.kind, FileEventKind::PartOpened { .. }));
    assert_eq!(
        with_ds
            .open_part(&other_dept(), &so_post(), FileId::parse("F-TEST-000Q").unwrap(), NOW)
            .err(),
        Some(FileRefusal::NotWithYou)
    );
}

fn enclosure(name: &str) -> crate::attachment::Attachment {
    crate::attachment::Attachment {
        name: crate::DocumentName::parse(name).unwrap(),
        content_type: crate::attachment::AttachmentType::Pdf,
        size: 1024,
        sha256: format!("hash-of-{name}"),
        blob_key: format!("blobs/{name}"),
        uploaded_by: so().employee,
        uploaded_at: NOW,
    }
}

#[test]
fn a_revision_carries_the_enclosures_not_left_out() {
    let (file, _) = new_file("F-TEST-0001");
    let enclosures = vec![enclosure("order.pdf"), enclosure("annexure.pdf"), enclosure("map.pdf")];
    let (file, draft) = file
        .start_draft(file.version, &so(), letter("With enclosures."), enclosures, NOW)
        .unwrap();
    let names =
        |kept: Vec<crate::attachment::Attachment>| kept.into_iter().map(|a| a.name.to_string()).collect::<Vec<_>>();
    let carried = |drop: &[u32]| draft.latest.carried_enclosures(drop).map(names);
    assert_eq!(carried(&[]).unwrap(), ["order.pdf", "annexure.pdf", "map.pdf"]);
    assert_eq!(carried(&[2]).unwrap(), ["order.pdf", "map.pdf"]);
    assert_eq!(carried(&[1, 3]).unwrap(), ["annexure.pdf"]);
    assert_eq!(carried(&[0]), Err(FileRefusal::NoSuchEnclosure));
    assert_eq!(carried(&[4]), Err(FileRefusal::NoSuchEnclosure));

    // Revising drops and adds; a stale revision is refused as stale before any enclosure check.
    let change = EnclosureChange {
        drop: vec![1, 3],
        add: vec![enclosure("letter.pdf")],
    };
    let (_, revised) = file
        .revise_draft(file.version, &so(), &draft, letter("Revised."), change, NOW)
        .unwrap();
    assert_eq!(names(revised.latest.enclosures), ["annexure.pdf", "letter.pdf"]);
    let bad = EnclosureChange {
        drop: vec![9],
        add: vec![],
    };
    assert_eq!(
        file.revise_draft(file.version - 1, &so(), &draft, letter("x"), bad, NOW)
            .err(),
        Some(FileRefusal::StaleVersion { current: file.version })
    );
}
