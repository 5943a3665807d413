//! The knowledge base's demo data: Finance's and the Chief Secretary's folders, a handful of
//! real-looking Haryana circulars, orders, guidelines and forms (two of them superseded, one in
//! two versions), who edits each department's documents, and one subscription.
//!
//! Arvind Gupta (HR2004, Secretary Finance, post `FIN-HQ-SECY`) is Finance's KMS editor;
//! Rajesh Verma (HR2001) follows Finance's documents. Like the other seeds it runs once,
//! recorded by its own marker.

use super::{editors_item, new_version_writes, version_write};
use crate::error::ApiError;
use crate::keys;
use daftar_domain::kms::{
    Category, DocNumber, DocumentInput, DocumentMeta, Folder, FolderId, KmsDocId, KmsDocument, Subscription,
    SubscriptionTarget,
};
use daftar_domain::{DeptCode, EmployeeId, PostId};
use daftar_store::{Condition, Item, Store, Write, MAX_TRANSACTION_WRITES};
use time::macros::{date, datetime};
use time::{Date, OffsetDateTime};

const MARKER: &str = "haryana-kms-v1";

/// (department, editor posts).
const EDITORS: &[(&str, &[&str])] = &[("FIN", &["FIN-HQ-SECY"]), ("CS", &["CS-HQ-SECY"])];

/// (folder, department, English name, Hindi name).
const FOLDERS: &[(&str, &str, &str, &str)] = &[
    ("KF-FIN-CIRCULARS", "FIN", "Finance circulars", "वित्त परिपत्र"),
    ("KF-FIN-RULES", "FIN", "Service rules and orders", "सेवा नियम एवं आदेश"),
    ("KF-FIN-FORMS", "FIN", "Finance forms", "वित्त प्रपत्र"),
    (
        "KF-CS-INSTRUCTIONS",
        "CS",
        "General Administration instructions",
        "सामान्य प्रशासन निर्देश",
    ),
];

/// One demo document as issued.
struct Demo {
    id: &'static str,
    number: &'static str,
    dept: &'static str,
    category: Category,
    folder: &'static str,
    date: Date,
    title_en: &'static str,
    title_hi: Option<&'static str>,
    summary_en: &'static str,
    summary_hi: Option<&'static str>,
    tags: &'static [&'static str],
    by: &'static str,
}

const DA_2025: &str = "KD-FIN-DA-2025-07";
const DA_2026: &str = "KD-FIN-DA-2026-01";
const PENSION_2023: &str = "KD-FIN-PENSION-2023";
const PENSION_2026: &str = "KD-FIN-PENSION-2026";

fn demos() -> Vec<Demo> {
    vec![
        Demo {
            id: DA_2025,
            number: "FD-1/3/2025-WM(1)",
            dept: "FIN",
            category: Category::Circular,
            folder: "KF-FIN-CIRCULARS",
            date: date!(2025 - 10 - 15),
            title_en: "Grant of Dearness Allowance at 55% to State Government employees from 1 July 2025",
            title_hi: Some("राज्य सरकार के कर्मचारियों को 1 जुलाई 2025 से 55% महंगाई भत्ता"),
            summary_en: "Dearness Allowance raised from 53% to 55% of basic pay with effect from 1 July 2025; \
                         arrears to be paid with the salary for October 2025.",
            summary_hi: Some("मूल वेतन का महंगाई भत्ता 1 जुलाई 2025 से 53% से बढ़ाकर 55%; बकाया अक्टूबर 2025 के वेतन के साथ।"),
            tags: &["DA", "Dearness Allowance", "Salary"],
            by: "HR2004",
        },
        Demo {
            id: DA_2026,
            number: "FD-1/3/2026-WM(1)",
            dept: "FIN",
            category: Category::Circular,
            folder: "KF-FIN-CIRCULARS",
            date: date!(2026 - 04 - 10),
            title_en: "Grant of Dearness Allowance at 58% to State Government employees from 1 January 2026",
            title_hi: Some("राज्य सरकार के कर्मचारियों को 1 जनवरी 2026 से 58% महंगाई भत्ता"),
            summary_en: "Dearness Allowance raised from 55% to 58% of basic pay with effect from 1 January 2026. \
                         Supersedes circular FD-1/3/2025-WM(1).",
            summary_hi: Some("मूल वेतन का महंगाई भत्ता 1 जनवरी 2026 से 55% से बढ़ाकर 58%।"),
            tags: &["DA", "Dearness Allowance", "Salary"],
            by: "HR2004",
        },
        Demo {
            id: PENSION_2023,
            number: "FD-2/9/2023-Pension",
            dept: "FIN",
            category: Category::Circular,
            folder: "KF-FIN-CIRCULARS",
            date: date!(2023 - 08 - 21),
            title_en: "Revision of pension of pre-2016 pensioners",
            title_hi: Some("2016 से पूर्व के पेंशनभोगियों की पेंशन का संशोधन"),
            summary_en: "Pension of those retired before 1 January 2016 to be revised by notional fixation.",
            summary_hi: None,
            tags: &["Pension", "Retirement"],
            by: "HR2004",
        },
        Demo {
            id: PENSION_2026,
            number: "FD-2/14/2026-Pension",
            dept: "FIN",
            category: Category::Circular,
            folder: "KF-FIN-CIRCULARS",
            date: date!(2026 - 03 - 02),
            title_en: "Pension: revised procedure for family pension and commutation",
            title_hi: Some("पेंशन: पारिवारिक पेंशन एवं राशिकरण की संशोधित प्रक्रिया"),
            summary_en: "Family pension and commutation cases to be decided within 30 days on e-Office; \
                         supersedes FD-2/9/2023-Pension.",
            summary_hi: Some("पारिवारिक पेंशन एवं राशिकरण के मामले ई-ऑफिस पर 30 दिन में निपटाए जाएँ।"),
            tags: &["Pension", "Family pension", "Commutation"],
            by: "HR2004",
        },
        Demo {
            id: "KD-FIN-LEAVE-2026",
            number: "FD-3/7/2026-Leave",
            dept: "FIN",
            category: Category::Order,
            folder: "KF-FIN-RULES",
            date: date!(2026 - 01 - 20),
            title_en: "Haryana Civil Services (Leave) Rules: child care leave for single male parents",
            title_hi: Some("हरियाणा सिविल सेवा (अवकाश) नियम: एकल पुरुष अभिभावक को बाल देखभाल अवकाश"),
            summary_en: "Child care leave of up to 730 days in service extended to single male Government \
                         employees, on the terms applicable to women employees.",
            summary_hi: Some("एकल पुरुष सरकारी कर्मचारियों को सेवाकाल में 730 दिन तक बाल देखभाल अवकाश।"),
            tags: &["Leave", "Child care leave", "Leave rules"],
            by: "HR2004",
        },
        Demo {
            id: "KD-FIN-GPF-FORM",
            number: "FD-Form/GPF/2026",
            dept: "FIN",
            category: Category::Form,
            folder: "KF-FIN-FORMS",
            date: date!(2026 - 02 - 01),
            title_en: "Application for advance from the General Provident Fund",
            title_hi: Some("सामान्य भविष्य निधि से अग्रिम हेतु आवेदन प्रपत्र"),
            summary_en: "Form for a temporary advance or final withdrawal from the GPF account.",
            summary_hi: None,
            tags: &["GPF", "Provident Fund", "Advance"],
            by: "HR2004",
        },
        Demo {
            id: "KD-CS-EOFFICE-2026",
            number: "CS-GAD/eOffice/2026/1",
            dept: "CS",
            category: Category::Guideline,
            folder: "KF-CS-INSTRUCTIONS",
            date: date!(2026 - 04 - 25),
            title_en: "Use of e-Office for all file work from 1 May 2026",
            title_hi: Some("1 मई 2026 से सभी फ़ाइल कार्य ई-ऑफिस पर"),
            summary_en: "All departments to open, move and close files only on e-Office from 1 May 2026; \
                         physical files to be digitised as they are next handled.",
            summary_hi: Some("सभी विभाग 1 मई 2026 से फ़ाइलें केवल ई-ऑफिस पर खोलें, भेजें और बंद करें।"),
            tags: &["e-Office", "Digitisation", "Files"],
            by: "HR9001",
        },
    ]
}

fn code<T, E: std::fmt::Display>(parse: impl Fn(&str) -> Result<T, E>, raw: &str) -> T {
    parse(raw).unwrap_or_else(|e| panic!("demo KMS data {raw:?} is malformed: {e}"))
}

fn at(date: Date) -> OffsetDateTime {
    // Issued at half past ten in the morning, India time.
    date.with_hms(5, 0, 0).expect("valid time").assume_utc()
}

fn issue(demo: &Demo) -> KmsDocument {
    let meta = DocumentMeta::parse(&DocumentInput {
        folder: code(FolderId::parse, demo.folder),
        date: demo.date,
        title_en: demo.title_en.into(),
        title_hi: demo.title_hi.map(Into::into),
        summary_en: demo.summary_en.into(),
        summary_hi: demo.summary_hi.map(Into::into),
        tags: demo.tags.iter().map(|t| (*t).to_owned()).collect(),
    })
    .expect("demo documents are valid");
    KmsDocument::issue(
        code(KmsDocId::parse, demo.id),
        code(DocNumber::parse, demo.number),
        code(DeptCode::parse, demo.dept),
        demo.category,
        meta,
        Vec::new(),
        code(EmployeeId::parse, demo.by),
        at(demo.date),
    )
    .expect("demo documents are valid")
}

/// Every write of the demo knowledge base.
pub fn demo_writes() -> Vec<Write> {
    let mut writes = Vec::new();
    for (dept, posts) in EDITORS {
        let posts: Vec<PostId> = posts.iter().map(|p| code(PostId::parse, p)).collect();
        writes.push(put(editors_item(&code(DeptCode::parse, dept), &posts)));
    }
    for (id, dept, name_en, name_hi) in FOLDERS {
        let folder = Folder {
            id: code(FolderId::parse, id),
            dept: code(DeptCode::parse, dept),
            name_en: (*name_en).into(),
            name_hi: Some((*name_hi).into()),
            created_by: code(EmployeeId::parse, "HR9001"),
            created_at: datetime!(2025-04-01 04:30 UTC),
        };
        let body = serde_json::to_value(&folder).expect("folders serialise");
        writes.push(put(Item::new(keys::kms_folder(&folder.id), body.clone())));
        writes.push(put(Item::new(keys::kms_folder_listed(&folder.dept, &folder.id), body)));
    }

    let mut documents: Vec<KmsDocument> = demos().iter().map(issue).collect();
    let mut history: Vec<Write> = Vec::new();
    // The 2026 pension circular was corrected once: version 1 stays in its history.
    if let Some(pension) = documents.iter_mut().find(|d| d.id.as_ref() == PENSION_2026) {
        history.push(version_write(pension));
        let mut meta = pension.current.meta.clone();
        meta.summary_en = "Family pension and commutation cases to be decided within 21 days on e-Office, \
                           with the pensioner told of each step by SMS; supersedes FD-2/9/2023-Pension."
            .into();
        *pension = pension
            .revise(meta, Vec::new(), pension.current.by.clone(), at(date!(2026 - 03 - 09)))
            .expect("the demo revision is valid");
    }
    for (old, new) in [(DA_2025, DA_2026), (PENSION_2023, PENSION_2026)] {
        let by = documents
            .iter()
            .find(|d| d.id.as_ref() == new)
            .expect("demo successor")
            .clone();
        let superseded = documents
            .iter_mut()
            .find(|d| d.id.as_ref() == old)
            .expect("demo predecessor");
        superseded.validity = superseded
            .validity
            .supersede(&superseded.id, &by.id, &by.number, &by.validity, by.current.meta.date)
            .expect("demo supersession is valid");
        let id = superseded.id.clone();
        let successor = documents
            .iter_mut()
            .find(|d| d.id.as_ref() == new)
            .expect("demo successor");
        successor.supersedes.push(id);
    }
    for document in &documents {
        writes.extend(new_version_writes(None, document));
    }
    writes.extend(history);

    let follower = code(EmployeeId::parse, "HR2001");
    let target = SubscriptionTarget::Department {
        dept: code(DeptCode::parse, "FIN"),
    };
    let subscription = Subscription {
        token: target.token(),
        target,
        since: datetime!(2025-01-01 00:00 UTC),
    };
    writes.push(put(Item::new(
        keys::kms_subscription(&follower, &subscription.token),
        serde_json::to_value(&subscription).expect("subscriptions serialise"),
    )));
    writes
        .into_iter()
        .map(|write| match write {
            // Seed writes are unconditional, so a seed interrupted half-way simply runs again.
            Write::Put { item, .. } => put(item),
            other => other,
        })
        .collect()
}

fn put(item: Item) -> Write {
    Write::Put {
        item,
        condition: Condition::None,
    }
}

/// Loads the demo knowledge base unless it is already there. Returns whether it wrote anything.
pub async fn seed_kms(store: &dyn Store) -> Result<bool, ApiError> {
    let marker = keys::seed_marker(MARKER);
    if store.get(&marker).await?.is_some() {
        return Ok(false);
    }
    let writes = demo_writes();
    for chunk in writes.chunks(MAX_TRANSACTION_WRITES / 4) {
        store.transact(chunk.to_vec()).await?;
    }
    store
        .write(Write::Put {
            item: Item::new(marker, serde_json::json!({ "seeded": MARKER })),
            condition: Condition::None,
        })
        .await?;
    Ok(true)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_two_demo_writes_share_a_key() {
        let mut keys: Vec<_> = demo_writes()
            .iter()
            .map(|w| match w {
                Write::Put { item, .. } => item.key.clone(),
                other => panic!("unexpected seed write {other:?}"),
            })
            .collect();
        let total = keys.len();
        keys.sort();
        keys.dedup();
        assert_eq!(keys.len(), total);
    }

    #[test]
    fn the_superseded_circulars_point_to_their_successors() {
        let writes = demo_writes();
        let document = |id: &str| -> KmsDocument {
            let key = keys::kms_document(&KmsDocId::parse(id).unwrap());
            writes
                .iter()
                .find_map(|w| match w {
                    Write::Put { item, .. } if item.key == key => Some(item.parse().unwrap()),
                    _ => None,
                })
                .unwrap()
        };
        assert!(!document(DA_2025).validity.is_in_force());
        assert!(document(DA_2026).validity.is_in_force());
        assert_eq!(
            document(PENSION_2026).supersedes,
            [KmsDocId::parse(PENSION_2023).unwrap()]
        );
        assert_eq!(document(PENSION_2026).current.n, 2);
    }
}
