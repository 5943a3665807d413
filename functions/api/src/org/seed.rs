//! The demo organisation: Haryana's departments, their headquarters, the 22 districts' Deputy
//! Commissioner offices, and a few officials to sign in as (listed in the README).
//!
//! Seeding is idempotent: a marker item records that it ran, and a second run changes nothing.

use super::{department_item, office_item, section_item, Credential, EmployeeRecord, StoredPost};
use crate::auth::password::hash_password;
use crate::error::ApiError;
use crate::keys;
use daftar_domain::org::{Department, DeptKind, Employee, Office, OfficeKind, Post, Role, Section};
use daftar_domain::{DeptCode, EmployeeId, OfficeCode, PersonName, PostId, SectionCode};
use daftar_store::{Condition, Item, Store, Write, MAX_TRANSACTION_WRITES};
use std::collections::HashMap;

const MARKER: &str = "haryana-demo-v1";

/// The password every demo official signs in with.
pub const DEMO_PASSWORD: &str = "Daftar@2026";

/// (code, English name, Hindi name, kind).
const DEPARTMENTS: &[(&str, &str, &str, DeptKind)] = &[
    (
        "CMO",
        "Chief Minister's Office",
        "मुख्यमंत्री कार्यालय",
        DeptKind::Department,
    ),
    ("CS", "Chief Secretary", "मुख्य सचिव", DeptKind::Department),
    ("FIN", "Finance", "वित्त", DeptKind::Department),
    (
        "NRE",
        "New and Renewable Energy",
        "नवीन एवं नवीकरणीय ऊर्जा",
        DeptKind::Department,
    ),
    (
        "SJE",
        "Social Justice and Empowerment",
        "सामाजिक न्याय एवं अधिकारिता",
        DeptKind::Department,
    ),
    (
        "TCP",
        "Town and Country Planning",
        "नगर एवं ग्राम आयोजना",
        DeptKind::Department,
    ),
    (
        "EIT",
        "Electronics and IT",
        "इलेक्ट्रॉनिकी एवं सूचना प्रौद्योगिकी",
        DeptKind::Department,
    ),
    ("LAB", "Labour", "श्रम", DeptKind::Department),
    (
        "PHE",
        "Public Health Engineering",
        "जन स्वास्थ्य अभियांत्रिकी",
        DeptKind::Department,
    ),
    (
        "SDIT",
        "Skill Development and Industrial Training",
        "कौशल विकास एवं औद्योगिक प्रशिक्षण",
        DeptKind::Department,
    ),
    ("TRN", "Transport", "परिवहन", DeptKind::Department),
    (
        "SCBC",
        "SC and BC Welfare",
        "अनुसूचित जाति एवं पिछड़े वर्ग कल्याण",
        DeptKind::Department,
    ),
    ("EMP", "Employment", "रोज़गार", DeptKind::Department),
    ("HED", "Higher Education", "उच्चतर शिक्षा", DeptKind::Department),
    ("TED", "Technical Education", "तकनीकी शिक्षा", DeptKind::Department),
    (
        "DNP",
        "Development and Panchayats",
        "विकास एवं पंचायत",
        DeptKind::Department,
    ),
    ("RD", "Rural Development", "ग्रामीण विकास", DeptKind::Department),
    ("SED", "School Education", "विद्यालय शिक्षा", DeptKind::Department),
    (
        "SNT",
        "Science and Technology",
        "विज्ञान एवं प्रौद्योगिकी",
        DeptKind::Department,
    ),
    ("HSG", "Housing", "आवास", DeptKind::Department),
    ("HARTRON", "HARTRON", "हारट्रोन", DeptKind::Corporation),
    ("HSIIDC", "HSIIDC", "एचएसआईआईडीसी", DeptKind::Corporation),
    (
        "REV",
        "Revenue and Disaster Management",
        "राजस्व एवं आपदा प्रबंधन",
        DeptKind::Department,
    ),
];

/// The 22 districts: (office code suffix, English name, Hindi name). Their Deputy Commissioner
/// offices belong to the Revenue department.
const DISTRICTS: &[(&str, &str, &str)] = &[
    ("AMB", "Ambala", "अंबाला"),
    ("BHW", "Bhiwani", "भिवानी"),
    ("CDR", "Charkhi Dadri", "चरखी दादरी"),
    ("FBD", "Faridabad", "फरीदाबाद"),
    ("FTB", "Fatehabad", "फतेहाबाद"),
    ("GGN", "Gurugram", "गुरुग्राम"),
    ("HSR", "Hisar", "हिसार"),
    ("JJR", "Jhajjar", "झज्जर"),
    ("JND", "Jind", "जींद"),
    ("KTL", "Kaithal", "कैथल"),
    ("KNL", "Karnal", "करनाल"),
    ("KKR", "Kurukshetra", "कुरुक्षेत्र"),
    ("MGH", "Mahendragarh", "महेंद्रगढ़"),
    ("NUH", "Nuh", "नूंह"),
    ("PWL", "Palwal", "पलवल"),
    ("PKL", "Panchkula", "पंचकूला"),
    ("PNP", "Panipat", "पानीपत"),
    ("RWR", "Rewari", "रेवाड़ी"),
    ("RTK", "Rohtak", "रोहतक"),
    ("SRS", "Sirsa", "सिरसा"),
    ("SNP", "Sonipat", "सोनीपत"),
    ("YNR", "Yamunanagar", "यमुनानगर"),
];

/// A kind of post in an office: (suffix, section suffix, English title, Hindi title).
type PostTemplate = (&'static str, &'static str, &'static str, &'static str);

/// Posts in every headquarters.
const HQ_POSTS: &[PostTemplate] = &[
    ("SECY", "GEN", "Administrative Secretary", "प्रशासनिक सचिव"),
    ("DS", "GEN", "Deputy Secretary", "उप सचिव"),
    (
        "SO",
        "GEN",
        "Section Officer (General Branch)",
        "अनुभाग अधिकारी (सामान्य शाखा)",
    ),
    (
        "DA",
        "GEN",
        "Dealing Assistant (General Branch)",
        "डीलिंग सहायक (सामान्य शाखा)",
    ),
    (
        "CRU",
        "CR",
        "Diary Clerk (Central Registry)",
        "डायरी लिपिक (केंद्रीय रजिस्ट्री)",
    ),
];

/// Posts in every Deputy Commissioner's office.
const DC_POSTS: &[PostTemplate] = &[
    ("DC", "GEN", "Deputy Commissioner", "उपायुक्त"),
    ("ADC", "GEN", "Additional Deputy Commissioner", "अतिरिक्त उपायुक्त"),
    (
        "SUPDT",
        "GEN",
        "Superintendent (General Branch)",
        "अधीक्षक (सामान्य शाखा)",
    ),
    (
        "CRU",
        "CR",
        "Diary Clerk (Central Registry)",
        "डायरी लिपिक (केंद्रीय रजिस्ट्री)",
    ),
];

const SECTIONS: &[(&str, &str, &str)] = &[
    ("GEN", "General Branch", "सामान्य शाखा"),
    ("CR", "Central Registry", "केंद्रीय रजिस्ट्री"),
];

/// A demo official: (employee ID, English name, Hindi name, post, roles).
pub const DEMO_USERS: &[(&str, &str, &str, &str, &[Role])] = &[
    (
        "HR1001",
        "Anita Sharma",
        "अनीता शर्मा",
        "DC-GGN-CRU",
        &[Role::Employee, Role::Diarist],
    ),
    ("HR1002", "Suresh Kumar", "सुरेश कुमार", "DC-GGN-DC", &[Role::Employee]),
    ("HR2001", "Rajesh Verma", "राजेश वर्मा", "FIN-HQ-SO", &[Role::Employee]),
    ("HR2002", "Priya Malik", "प्रिया मलिक", "FIN-HQ-DS", &[Role::Employee]),
    ("HR2004", "Arvind Gupta", "अरविंद गुप्ता", "FIN-HQ-SECY", &[Role::Employee]),
    (
        "HR2003",
        "Mohan Lal",
        "मोहन लाल",
        "FIN-HQ-CRU",
        &[Role::Employee, Role::Diarist],
    ),
    ("HR3001", "Kavita Yadav", "कविता यादव", "CMO-HQ-SO", &[Role::Employee]),
    (
        "HR9001",
        "Deepak Saini",
        "दीपक सैनी",
        "EIT-HQ-SO",
        &[Role::Employee, Role::Admin],
    ),
    (
        "HR4001",
        "Neha Bansal",
        "नेहा बंसल",
        "CS-HQ-DS",
        &[Role::Employee, Role::ControlRoom],
    ),
];

/// Wall screens of the headquarters control room: accounts that hold no post and may only
/// watch, (employee ID, English name, Hindi name).
pub const DEMO_SCREENS: &[(&str, &str, &str)] = &[("HR0001", "Control Room Screen", "नियंत्रण कक्ष स्क्रीन")];

fn code<T>(parse: fn(&str) -> Result<T, daftar_domain::ids::InvalidCode>, raw: &str) -> T {
    parse(raw).unwrap_or_else(|e| panic!("demo data code {raw:?} is malformed: {e}"))
}

/// Everything the demo organisation consists of, as store items (credentials included).
pub fn demo_items() -> Vec<Item> {
    let mut items = Vec::new();
    let mut offices: Vec<(Office, &[PostTemplate])> = Vec::new();
    for (dept_code, name_en, name_hi, kind) in DEPARTMENTS {
        let dept = Department {
            code: code(DeptCode::parse, dept_code),
            name_en: (*name_en).into(),
            name_hi: (*name_hi).into(),
            kind: *kind,
        };
        items.push(department_item(&dept));
        offices.push((
            Office {
                code: code(OfficeCode::parse, &format!("{dept_code}-HQ")),
                dept: dept.code.clone(),
                name_en: format!("{name_en}, Headquarters"),
                name_hi: format!("{name_hi}, मुख्यालय"),
                kind: OfficeKind::Headquarters,
            },
            HQ_POSTS,
        ));
    }
    for (suffix, name_en, name_hi) in DISTRICTS {
        offices.push((
            Office {
                code: code(OfficeCode::parse, &format!("DC-{suffix}")),
                dept: code(DeptCode::parse, "REV"),
                name_en: format!("Deputy Commissioner, {name_en}"),
                name_hi: format!("उपायुक्त कार्यालय, {name_hi}"),
                kind: OfficeKind::District {
                    district: (*name_en).into(),
                },
            },
            DC_POSTS,
        ));
    }

    let holders: HashMap<&str, (&str, &str)> = DEMO_USERS
        .iter()
        .map(|(_, en, hi, post, _)| (*post, (*en, *hi)))
        .collect();
    let mut posts_by_id: HashMap<String, StoredPost> = HashMap::new();
    for (office, posts) in &offices {
        items.push(office_item(office));
        for (section_suffix, name_en, name_hi) in SECTIONS {
            let section = Section {
                code: code(SectionCode::parse, &format!("{}-{section_suffix}", office.code)),
                office: office.code.clone(),
                name_en: (*name_en).into(),
                name_hi: (*name_hi).into(),
            };
            items.push(section_item(&section));
        }
        for (suffix, section_suffix, title_en, title_hi) in posts.iter() {
            let id = format!("{}-{suffix}", office.code);
            let holder = holders.get(id.as_str());
            let holder_id = DEMO_USERS
                .iter()
                .find(|u| u.3 == id)
                .map(|u| code(EmployeeId::parse, u.0));
            let stored = StoredPost {
                post: Post {
                    id: code(PostId::parse, &id),
                    dept: office.dept.clone(),
                    office: office.code.clone(),
                    section: code(SectionCode::parse, &format!("{}-{section_suffix}", office.code)),
                    title_en: (*title_en).into(),
                    title_hi: (*title_hi).into(),
                    holder: holder_id,
                },
                office_name_en: office.name_en.clone(),
                office_name_hi: office.name_hi.clone(),
                holder_name_en: holder.map(|h| h.0.to_owned()),
                holder_name_hi: holder.map(|h| h.1.to_owned()),
            };
            items.push(stored.item());
            posts_by_id.insert(id, stored);
        }
    }

    for (id, name_en, name_hi, post_id, roles) in DEMO_USERS {
        let post = posts_by_id
            .get(*post_id)
            .unwrap_or_else(|| panic!("demo user {id} holds unknown post {post_id}"));
        let employee = Employee {
            id: code(EmployeeId::parse, id),
            name_en: PersonName::parse(name_en).expect("demo names are valid"),
            name_hi: PersonName::parse(name_hi).expect("demo names are valid"),
            designation_en: post.post.title_en.clone(),
            designation_hi: post.post.title_hi.clone(),
            posts: vec![post.post.id.clone()],
            roles: roles.to_vec(),
        };
        push_employee(&mut items, employee, vec![post.summary()]);
    }
    for (id, name_en, name_hi) in DEMO_SCREENS {
        let screen = Employee {
            id: code(EmployeeId::parse, id),
            name_en: PersonName::parse(name_en).expect("demo names are valid"),
            name_hi: PersonName::parse(name_hi).expect("demo names are valid"),
            designation_en: "Control room wall screen (view only)".into(),
            designation_hi: "नियंत्रण कक्ष की दीवार स्क्रीन (केवल देखने हेतु)".into(),
            posts: Vec::new(),
            roles: vec![Role::ControlRoom],
        };
        push_employee(&mut items, screen, Vec::new());
    }
    items
}

/// An employee's record and a credential with the demo password.
fn push_employee(items: &mut Vec<Item>, employee: Employee, postings: Vec<daftar_domain::wire::PostSummary>) {
    let credential = Credential {
        password_hash: hash_password(DEMO_PASSWORD),
    };
    items.push(Item::new(
        keys::employee_credential(&employee.id),
        serde_json::to_value(credential).expect("credentials serialise"),
    ));
    items.push(EmployeeRecord { employee, postings }.item());
}

/// Every demo office: its code and whether it is a headquarters (else a Deputy Commissioner's
/// office), for seeds that follow the organisation's shape (e-Leave's reporting officers).
pub(crate) fn demo_offices() -> Vec<(OfficeCode, bool)> {
    let hq = DEPARTMENTS
        .iter()
        .map(|(dept, ..)| (code(OfficeCode::parse, &format!("{dept}-HQ")), true));
    let dc = DISTRICTS
        .iter()
        .map(|(suffix, ..)| (code(OfficeCode::parse, &format!("DC-{suffix}")), false));
    hq.chain(dc).collect()
}

/// Loads the demo organisation unless it is already there, then e-Leave's demo data (which has
/// its own marker, so an organisation seeded before e-Leave existed gets it too). Returns
/// whether it wrote anything.
pub async fn seed_demo(store: &dyn Store) -> Result<bool, ApiError> {
    let organisation = seed_organisation(store).await?;
    let leave = crate::leave::seed::seed_leave(store).await?;
    let kms = crate::kms::seed::seed_kms(store).await?;
    Ok(organisation || leave || kms)
}

async fn seed_organisation(store: &dyn Store) -> Result<bool, ApiError> {
    let marker = keys::seed_marker(MARKER);
    if store.get(&marker).await?.is_some() {
        return Ok(false);
    }
    let writes: Vec<Write> = demo_items()
        .into_iter()
        .map(|item| Write::Put {
            item,
            condition: Condition::None,
        })
        .collect();
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
    fn the_demo_state_has_every_named_department_and_22_districts() {
        let items = demo_items();
        let count = |prefix: &str, sk: &str| {
            items
                .iter()
                .filter(|i| i.key.pk.starts_with(prefix) && i.key.sk == sk)
                .count()
        };
        assert_eq!(count("DEPT#", "META"), DEPARTMENTS.len());
        assert!(DEPARTMENTS.len() >= 22);
        let district_offices = items
            .iter()
            .filter(|i| i.key.pk.starts_with("OFFICE#DC-") && i.key.sk == "META")
            .count();
        assert_eq!(district_offices, 22);
        assert_eq!(count("EMP#", "PROFILE"), DEMO_USERS.len() + DEMO_SCREENS.len());
    }

    #[test]
    fn no_two_items_share_a_key() {
        let items = demo_items();
        let mut keys: Vec<_> = items.iter().map(|i| i.key.clone()).collect();
        keys.sort();
        keys.dedup();
        assert_eq!(keys.len(), items.len());
    }
}
