//! e-Leave's demo data: Haryana's rule set (the central rules' default) and 2026 holidays,
//! a leave profile, opening balances and child care leave (to those due it) for each demo
//! official, and the reporting, controlling and establishment posts of every demo post.
//!
//! Like the organisation's seed it runs once, recorded by its own marker.

use super::accounts::{account_write, entry_writes};
use super::admin::{holidays_writes, rules_writes};
use super::{officers_item, LeaveProfile};
use crate::error::ApiError;
use crate::keys;
use crate::org::seed::{demo_offices, DEMO_USERS};
use daftar_domain::leave::account::Account;
use daftar_domain::leave::ledger::{credits_due, Cause, Change, Period};
use daftar_domain::leave::officers::LeaveOfficers;
use daftar_domain::leave::rules::Gender;
use daftar_domain::leave::wire::{HolidaysView, LeaveRulesView, Recorded};
use daftar_domain::leave::{EmployeeProfile, HalfDays, HolidayCalendar, LeaveKind, Ledger, RuleSet, StateCode};
use daftar_domain::{EmployeeId, OfficeCode, PostId};
use daftar_store::{Condition, Item, Store, Write, MAX_TRANSACTION_WRITES};
use time::macros::{date, datetime};
use time::Date;

const MARKER: &str = "haryana-leave-v1";

/// Who the demo's administered records say set them.
const ADMINISTRATOR: &str = "HR9001";

/// Each demo official's service-book facts: (employee, gender, joined, surviving children).
const PROFILES: &[(&str, Gender, Date, u8)] = &[
    ("HR1001", Gender::Female, date!(2016 - 04 - 01), 1),
    ("HR1002", Gender::Male, date!(2009 - 07 - 15), 2),
    ("HR2001", Gender::Male, date!(2012 - 07 - 02), 2),
    ("HR2002", Gender::Female, date!(2008 - 01 - 07), 1),
    ("HR2003", Gender::Male, date!(2019 - 09 - 16), 0),
    ("HR2004", Gender::Male, date!(2001 - 06 - 11), 2),
    ("HR3001", Gender::Female, date!(2014 - 02 - 03), 0),
    ("HR9001", Gender::Male, date!(2018 - 11 - 19), 1),
];

/// Opening balances brought over from the paper service books.
const OPENING: &[(LeaveKind, u32)] = &[
    (LeaveKind::Earned, 30),
    (LeaveKind::HalfPay, 20),
    (LeaveKind::Casual, 8),
];

fn post(raw: &str) -> PostId {
    PostId::parse(raw).unwrap_or_else(|e| panic!("demo post {raw:?} is malformed: {e}"))
}

/// Who each post of an office reports to, up the office's ladder; the top of a headquarters
/// reports to the Chief Secretary's Administrative Secretary, a Deputy Commissioner to the
/// Revenue department's. The establishment section of a headquarters answers to its
/// Administrative Secretary, of a district office to the Deputy Commissioner.
fn officers_of(office: &OfficeCode, headquarters: bool) -> Vec<(PostId, LeaveOfficers)> {
    let at = |suffix: &str| post(&format!("{office}-{suffix}"));
    let (ladder, top_reports_to, establishment): (&[(&str, &str)], PostId, PostId) = if headquarters {
        (
            &[("DA", "SO"), ("CRU", "SO"), ("SO", "DS"), ("DS", "SECY")],
            post("CS-HQ-SECY"),
            at("SECY"),
        )
    } else {
        (
            &[("CRU", "SUPDT"), ("SUPDT", "ADC"), ("ADC", "DC")],
            post("REV-HQ-SECY"),
            at("DC"),
        )
    };
    let top = if headquarters { "SECY" } else { "DC" };
    let reports_to = |suffix: &str| -> Option<PostId> {
        if suffix == top {
            return Some(top_reports_to.clone()).filter(|p| *p != at(top));
        }
        ladder.iter().find(|(from, _)| *from == suffix).map(|(_, to)| at(to))
    };
    let suffix_of = |p: &PostId| p.to_string().trim_start_matches(&format!("{office}-")).to_owned();
    let mut out = Vec::new();
    let suffixes = ladder.iter().map(|(from, _)| *from).chain([top]);
    for suffix in suffixes {
        let Some(reporting) = reports_to(suffix) else { continue };
        let controlling = if reporting.to_string().starts_with(&format!("{office}-")) {
            reports_to(&suffix_of(&reporting)).unwrap_or_else(|| reporting.clone())
        } else {
            reporting.clone()
        };
        let establishment = if at(suffix) == establishment {
            controlling.clone()
        } else {
            establishment.clone()
        };
        out.push((
            at(suffix),
            LeaveOfficers {
                reporting,
                controlling,
                establishment,
                reporting_alternate: None,
            },
        ));
    }
    out
}

fn haryana() -> StateCode {
    StateCode::parse("HR").expect("HR is a state code")
}

/// Every e-Leave demo item, as writes that may run in any order.
pub fn demo_writes() -> Vec<Write> {
    let admin = EmployeeId::parse(ADMINISTRATOR).expect("the demo administrator's ID is valid");
    let recorded = Recorded {
        by: admin.clone(),
        at: datetime!(2026-01-01 00:00 +5:30),
    };
    let ccs = RuleSet::ccs_default();
    let rules = RuleSet::new(haryana(), 1, ccs.effective_from(), ccs.types().to_vec())
        .expect("the central rules are valid for Haryana");
    let mut writes = rules_writes(
        &LeaveRulesView {
            rules: rules.clone(),
            recorded: recorded.clone(),
        },
        Condition::None,
    );
    writes.extend(holidays_writes(
        &HolidaysView {
            calendar: HolidayCalendar::haryana_2026(),
            version: 1,
            recorded,
        },
        Condition::None,
    ));
    for (office, headquarters) in demo_offices() {
        for (at, officers) in officers_of(&office, headquarters) {
            writes.push(Write::Put {
                item: officers_item(&at, &officers),
                condition: Condition::None,
            });
        }
    }
    for (id, gender, joined, children) in PROFILES {
        assert!(DEMO_USERS.iter().any(|u| u.0 == *id), "{id} is not a demo user");
        let employee = EmployeeId::parse(id).expect("demo IDs are valid");
        let profile = LeaveProfile {
            employee: employee.clone(),
            state: haryana(),
            profile: EmployeeProfile {
                gender: *gender,
                joined: *joined,
                surviving_children: *children,
                single_parent: false,
            },
        };
        writes.push(Write::Put {
            item: profile.item(),
            condition: Condition::None,
        });
        let mut ledgers = Vec::new();
        for (kind, days) in OPENING {
            let mut ledger = Ledger::new(employee.clone(), *kind);
            ledger
                .apply(
                    rules.effective_from(),
                    Change::Credit(HalfDays::days(*days)),
                    Cause::Opening { by: admin.clone() },
                    &rules,
                )
                .expect("opening balances fit the rules");
            ledgers.push(ledger);
        }
        // The grants made once for the service (child care leave) to those they are due, as
        // the credit job would, under the same key, so the job finds them there.
        let first_half = Period::half_year_of(rules.effective_from());
        for (kind, period) in credits_due(&rules, first_half, &profile.profile) {
            if period == Period::Service {
                let mut ledger = Ledger::new(employee.clone(), kind);
                ledger
                    .accrue(&rules, period, *joined, HalfDays::ZERO, HalfDays::ZERO)
                    .expect("service grants fit the rules");
                ledgers.push(ledger);
            }
        }
        for ledger in ledgers {
            let mut account = Account::empty(employee.clone(), ledger.kind());
            account.follow(&ledger);
            writes.push(account_write(&account, None));
            for entry in ledger.entries() {
                writes.extend(entry_writes(&employee, ledger.kind(), entry));
            }
        }
    }
    writes
}

/// Loads e-Leave's demo data unless it is already there. Returns whether it wrote anything.
pub async fn seed_leave(store: &dyn Store) -> Result<bool, ApiError> {
    let marker = keys::seed_marker(MARKER);
    if store.get(&marker).await?.is_some() {
        return Ok(false);
    }
    // Seed writes are unconditional, so a seed interrupted half-way simply runs again.
    let writes: Vec<Write> = demo_writes()
        .into_iter()
        .map(|write| match write {
            Write::Put { item, .. } => Write::Put {
                item,
                condition: Condition::None,
            },
            other => other,
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
    fn the_finance_section_officer_reports_to_the_deputy_secretary() {
        let officers = officers_of(&OfficeCode::parse("FIN-HQ").unwrap(), true);
        let of = |p: &str| {
            officers
                .iter()
                .find(|(at, _)| at.to_string() == p)
                .map(|(_, o)| o.clone())
        };
        let so = of("FIN-HQ-SO").unwrap();
        assert_eq!(
            (
                so.reporting.to_string(),
                so.controlling.to_string(),
                so.establishment.to_string()
            ),
            ("FIN-HQ-DS".into(), "FIN-HQ-SECY".into(), "FIN-HQ-SECY".into())
        );
        let secy = of("FIN-HQ-SECY").unwrap();
        assert_eq!(secy.reporting.to_string(), "CS-HQ-SECY");
        // The Chief Secretary's own Administrative Secretary has no one above in the demo.
        let cs = officers_of(&OfficeCode::parse("CS-HQ").unwrap(), true);
        assert!(cs.iter().all(|(at, _)| at.to_string() != "CS-HQ-SECY"));
        let dc = officers_of(&OfficeCode::parse("DC-GGN").unwrap(), false);
        let clerk = dc.iter().find(|(at, _)| at.to_string() == "DC-GGN-CRU").unwrap();
        assert_eq!(clerk.1.reporting.to_string(), "DC-GGN-SUPDT");
        assert_eq!(clerk.1.controlling.to_string(), "DC-GGN-ADC");
    }

    #[test]
    fn every_demo_write_is_to_a_different_item() {
        let mut keys: Vec<_> = demo_writes()
            .into_iter()
            .map(|w| match w {
                Write::Put { item, .. } => item.key,
                other => panic!("unexpected {other:?}"),
            })
            .collect();
        let all = keys.len();
        keys.sort();
        keys.dedup();
        assert_eq!(keys.len(), all);
    }
}
