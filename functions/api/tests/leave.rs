//! e-Leave through the API on a real store: applying, the approval chain, balances and the
//! ledger, cancellation, concurrent overdraw attempts, idempotent replays and credits, the
//! what-if over holidays, who may act, and bad input.

mod common;

use axum::http::{Method, StatusCode};
use common::leave::{act, act_ok, apply, iso, next, today};
use common::Harness;
use serde_json::{json, Value};
use time::{Date, Duration, Weekday};

on_both_backends!(
    apply_recommend_sanction_debits_the_balance_with_its_why,
    a_rejection_restores_what_was_reserved,
    cancelling_before_the_start_reverses_the_debit,
    concurrent_applications_cannot_together_overdraw,
    a_replayed_application_is_made_once,
    the_half_yearly_credit_run_twice_credits_once,
    assess_counts_earned_leave_across_a_holiday_and_a_weekend,
    only_the_approver_at_the_step_may_act,
    bad_dates_and_fields_get_422_naming_the_field,
    administrators_version_rules_and_holidays,
    extraordinary_leave_reduces_the_next_credits,
    child_care_leave_is_granted_once_and_can_be_taken,
    overlapping_spells_are_refused_and_concurrent_ones_race_to_one,
    the_office_calendar_and_who_is_on_leave_today,
    casual_leave_may_not_cross_the_year_end,
    a_medical_certificate_is_demanded_and_can_be_attached,
    a_curtailment_is_counted_under_the_rules_applied_under,
    modifying_sanctioned_leave_applies_anew_and_its_sanction_cancels_the_old,
    a_rejected_modification_leaves_the_old_untouched,
    a_pending_application_modified_is_withdrawn_when_the_new_is_sanctioned,
    only_one_s_own_pending_or_unfinished_leave_can_be_modified,
    the_what_if_refuses_a_clash_as_applying_would,
    casual_leave_kept_for_a_pending_application_at_the_year_end_lapses_if_it_is_rejected,
    modifying_leave_already_begun_cuts_it_short_when_sanctioned,
    refusals_explain_themselves_in_hindi_too,
);

fn weekends() -> Value {
    json!([{"kind": "every", "weekday": "Saturday"}, {"kind": "every", "weekday": "Sunday"}])
}

/// Makes sure Haryana has a calendar for this year and the next (the seed has 2026's only).
async fn ensure_calendars(h: &Harness, admin: &str) {
    let year = today(h).year();
    for year in [year, year + 1] {
        let path = format!("/api/v1/leave/holidays/HR/{year}");
        if h.get(&path, admin).await.status == StatusCode::NOT_FOUND {
            let body = json!({"expected_version": null, "weekly_offs": weekends(), "holidays": []});
            let reply = h.request(Method::PUT, &path, Some(admin), Some(body), &[]).await;
            assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
        }
    }
}

fn earned(from: Date, to: Date) -> Value {
    json!({"kind": "earned", "from": iso(from), "to": iso(to), "reason": "Family wedding at Hisar", "address": "House 12, Sector 14, Hisar"})
}

/// The balance of one kind, as `(balance, reserved, available)`.
async fn balance(h: &Harness, cookie: &str, kind: &str) -> (String, String, String) {
    let reply = h.get("/api/v1/leave/balances", cookie).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    let row = reply
        .body
        .as_array()
        .unwrap()
        .iter()
        .find(|b| b["kind"] == kind)
        .cloned();
    let row = row.unwrap_or_else(|| panic!("no {kind} balance in {}", reply.body));
    let text = |v: &Value| v.as_str().unwrap().to_owned();
    (text(&row["balance"]), text(&row["reserved"]), text(&row["available"]))
}

async fn ledger(h: &Harness, cookie: &str, kind: &str) -> Vec<Value> {
    let reply = h.get(&format!("/api/v1/leave/ledger/{kind}"), cookie).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    reply.body["entries"].as_array().unwrap().clone()
}

async fn inbox(h: &Harness, cookie: &str, post: &str) -> Vec<Value> {
    let reply = h.get(&format!("/api/v1/leave/inbox?post={post}"), cookie).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    reply.body["items"].as_array().unwrap().clone()
}

fn id_of(view: &Value) -> String {
    view["application"]["id"].as_str().unwrap().to_owned()
}

fn pdf(body: &str) -> Vec<u8> {
    format!("%PDF-1.4\n% Daftar test\n{body}\n%%EOF\n").into_bytes()
}

/// A Monday at least `days` from today whose spell of `span` days stays in one calendar year.
fn monday_within_a_year(h: &Harness, days: i64, span: i64) -> Date {
    let mut from = next(h, days, Weekday::Monday);
    while (from + Duration::days(span)).year() != from.year() {
        from += Duration::days(7);
    }
    from
}

fn casual(from: Date, to: Date, half_day_start: bool, half_day_end: bool) -> Value {
    json!({"kind": "casual", "from": iso(from), "to": iso(to), "half_day_start": half_day_start,
        "half_day_end": half_day_end, "reason": "Personal work"})
}

fn month_of(date: Date) -> String {
    format!("{:04}-{:02}", date.year(), u8::from(date.month()))
}

async fn calendar(h: &Harness, cookie: &str, query: &str) -> common::Reply {
    h.get(&format!("/api/v1/leave/calendar?{query}"), cookie).await
}

/// The spells of a calendar or today list, as (application, status, to).
fn spells(body: &Value) -> Vec<(String, String, String)> {
    body["spells"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            (
                s["application"].as_str().unwrap().to_owned(),
                s["status"].as_str().unwrap().to_owned(),
                s["to"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

async fn apply_recommend_sanction_debits_the_balance_with_its_why(h: Harness) {
    let admin = h.login("HR9001").await;
    ensure_calendars(&h, &admin).await;
    let so = h.login("HR2001").await;
    let ds = h.login("HR2002").await;
    let secy = h.login("HR2004").await;

    // Given five days of earned leave applied for by the Finance section officer.
    let from = next(&h, 14, Weekday::Monday);
    let applied = apply(&h, &so, earned(from, from + Duration::days(4))).await;
    let id = id_of(&applied);
    assert_eq!(applied["application"]["days"], "5");
    assert_eq!(
        applied["application"]["status"],
        json!({"status": "pending", "step": 0})
    );
    assert_eq!(balance(&h, &so, "earned").await, ("30".into(), "5".into(), "25".into()));

    // It waits in the Deputy Secretary's e-Leave inbox with the applicant's balance.
    let waiting = inbox(&h, &ds, "FIN-HQ-DS").await;
    assert_eq!(waiting.len(), 1);
    assert_eq!(waiting[0]["application"]["id"], id.as_str());
    assert_eq!(waiting[0]["balance"]["available"], "25");
    assert_eq!(waiting[0]["applicant_name_en"], "Rajesh Verma");

    // When the Deputy Secretary recommends, it moves to the Administrative Secretary.
    let recommended = act_ok(
        &h,
        &ds,
        &id,
        json!({"version": 1, "action": "recommend", "remarks": "Recommended."}),
    )
    .await;
    assert_eq!(
        recommended["application"]["status"],
        json!({"status": "pending", "step": 1})
    );
    assert!(inbox(&h, &ds, "FIN-HQ-DS").await.is_empty());
    assert_eq!(inbox(&h, &secy, "FIN-HQ-SECY").await.len(), 1);

    // And when it is sanctioned, the reservation becomes the ledger's debit.
    let sanctioned = act_ok(&h, &secy, &id, json!({"version": 2, "action": "sanction"})).await;
    assert_eq!(sanctioned["application"]["status"], json!({"status": "sanctioned"}));
    assert!(inbox(&h, &secy, "FIN-HQ-SECY").await.is_empty());
    assert_eq!(balance(&h, &so, "earned").await, ("25".into(), "0".into(), "25".into()));
    let entries = ledger(&h, &so, "EL").await;
    assert_eq!(entries.len(), 2, "{entries:?}");
    assert_eq!(entries[0]["why"]["cause"], "opening");
    let debit = &entries[1];
    assert_eq!(debit["movement"], json!({"type": "debit", "amount": "5"}));
    assert_eq!(debit["balance_after"], "25");
    assert_eq!(debit["why"]["cause"], "leave");
    assert_eq!(debit["why"]["application"], id.as_str());
    assert_eq!(debit["why"]["taken"], "earned");
    assert_eq!(debit["why"]["rules"], json!({"state": "HR", "version": 1}));

    // The applicant's list shows it sanctioned.
    let mine = h.get("/api/v1/leave/applications", &so).await;
    assert_eq!(mine.status, StatusCode::OK);
    assert_eq!(mine.body["items"][0]["application"]["status"]["status"], "sanctioned");
    assert_eq!(mine.body["items"][0]["last_event"]["seq"], 3);
    // The history says who acted at which post.
    let detail = h.get(&format!("/api/v1/leave/applications/{id}"), &ds).await;
    assert_eq!(detail.status, StatusCode::OK, "{}", detail.body);
    let who: Vec<(&str, &Value)> = detail.body["history"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| (e["by"].as_str().unwrap(), &e["at_post"]))
        .collect();
    assert_eq!(
        who,
        [
            ("HR2001", &Value::Null),
            ("HR2002", &json!("FIN-HQ-DS")),
            ("HR2004", &json!("FIN-HQ-SECY"))
        ]
    );
    let clerk = h.login("HR2003").await;
    let peek = h.get(&format!("/api/v1/leave/applications/{id}"), &clerk).await;
    assert_eq!(peek.status, StatusCode::FORBIDDEN);
}

async fn a_rejection_restores_what_was_reserved(h: Harness) {
    let admin = h.login("HR9001").await;
    ensure_calendars(&h, &admin).await;
    let so = h.login("HR2001").await;
    let ds = h.login("HR2002").await;
    let from = next(&h, 10, Weekday::Tuesday);
    let id = id_of(&apply(&h, &so, earned(from, from + Duration::days(2))).await);
    assert_eq!(balance(&h, &so, "earned").await.2, "27");

    // A rejection needs a reason.
    let no_reason = act(&h, &ds, &id, json!({"version": 1, "action": "reject"})).await;
    assert_eq!(no_reason.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", no_reason.body);
    let rejected = act_ok(
        &h,
        &ds,
        &id,
        json!({"version": 1, "action": "reject", "reason": "Budget session."}),
    )
    .await;
    assert_eq!(rejected["application"]["status"], json!({"status": "rejected"}));
    assert_eq!(balance(&h, &so, "earned").await, ("30".into(), "0".into(), "30".into()));
    assert_eq!(ledger(&h, &so, "earned").await.len(), 1);
    assert!(inbox(&h, &ds, "FIN-HQ-DS").await.is_empty());

    // A decided application cannot be decided again.
    let again = act(&h, &ds, &id, json!({"version": 2, "action": "recommend"})).await;
    assert_eq!(again.status, StatusCode::CONFLICT, "{}", again.body);
}

async fn cancelling_before_the_start_reverses_the_debit(h: Harness) {
    let admin = h.login("HR9001").await;
    ensure_calendars(&h, &admin).await;
    let so = h.login("HR2001").await;
    let ds = h.login("HR2002").await;
    let secy = h.login("HR2004").await;

    // A pending application withdrawn by its applicant releases its reservation.
    let from = next(&h, 20, Weekday::Monday);
    let pending = id_of(&apply(&h, &so, earned(from, from + Duration::days(1))).await);
    assert_eq!(balance(&h, &so, "earned").await.1, "2");
    let withdrawn = act_ok(&h, &so, &pending, json!({"version": 1, "action": "cancel"})).await;
    assert_eq!(withdrawn["application"]["status"], json!({"status": "withdrawn"}));
    assert_eq!(balance(&h, &so, "earned").await, ("30".into(), "0".into(), "30".into()));
    assert!(inbox(&h, &ds, "FIN-HQ-DS").await.is_empty());

    // A sanctioned one cancelled before it begins gets its debit back as a reversal.
    let id = id_of(&apply(&h, &so, earned(from, from + Duration::days(3))).await);
    act_ok(&h, &ds, &id, json!({"version": 1, "action": "recommend"})).await;
    act_ok(&h, &secy, &id, json!({"version": 2, "action": "sanction"})).await;
    assert_eq!(balance(&h, &so, "earned").await.0, "26");
    let cancelled = act_ok(
        &h,
        &so,
        &id,
        json!({"version": 3, "action": "cancel", "remarks": "Wedding postponed."}),
    )
    .await;
    assert_eq!(cancelled["application"]["status"], json!({"status": "cancelled"}));
    assert_eq!(balance(&h, &so, "earned").await, ("30".into(), "0".into(), "30".into()));
    let entries = ledger(&h, &so, "earned").await;
    assert_eq!(entries.len(), 3);
    assert_eq!(
        entries[2]["movement"],
        json!({"type": "reversal", "of": 2, "amount": "4"})
    );
    assert_eq!(entries[2]["why"]["cause"], "cancelled");
    assert_eq!(entries[2]["why"]["application"], id.as_str());
    assert_eq!(entries[2]["balance_after"], "30");
}

async fn concurrent_applications_cannot_together_overdraw(h: Harness) {
    let admin = h.login("HR9001").await;
    ensure_calendars(&h, &admin).await;
    let so = h.login("HR2001").await;

    // Two applications of 20 days each against 30 days, sent at once.
    let first = next(&h, 14, Weekday::Monday);
    let second = first + Duration::days(28);
    let (a, b) = tokio::join!(
        h.post(
            "/api/v1/leave/applications",
            &so,
            earned(first, first + Duration::days(19))
        ),
        h.post(
            "/api/v1/leave/applications",
            &so,
            earned(second, second + Duration::days(19))
        ),
    );
    let statuses = [a.status, b.status];
    let won = statuses.iter().filter(|s| **s == StatusCode::CREATED).count();
    assert_eq!(won, 1, "{} / {}", a.body, b.body);
    let lost = if a.status == StatusCode::CREATED { &b } else { &a };
    assert!(
        [StatusCode::UNPROCESSABLE_ENTITY, StatusCode::CONFLICT].contains(&lost.status),
        "{}",
        lost.body
    );
    if lost.status == StatusCode::UNPROCESSABLE_ENTITY {
        assert_eq!(lost.body["field"], "kind");
    }
    assert_eq!(
        balance(&h, &so, "earned").await,
        ("30".into(), "20".into(), "10".into())
    );
    let mine = h.get("/api/v1/leave/applications", &so).await;
    assert_eq!(mine.body["items"].as_array().unwrap().len(), 1);
}

async fn a_replayed_application_is_made_once(h: Harness) {
    let admin = h.login("HR9001").await;
    ensure_calendars(&h, &admin).await;
    let so = h.login("HR2001").await;
    let from = next(&h, 12, Weekday::Wednesday);
    let body = earned(from, from + Duration::days(4));
    let path = "/api/v1/leave/applications";
    let first = h.post_with_key(path, &so, body.clone(), "leave-apply-0001").await;
    assert_eq!(first.status, StatusCode::CREATED, "{}", first.body);
    let again = h.post_with_key(path, &so, body.clone(), "leave-apply-0001").await;
    assert_eq!(again.status, StatusCode::CREATED);
    assert_eq!(id_of(&again.body), id_of(&first.body));
    assert_eq!(balance(&h, &so, "earned").await, ("30".into(), "5".into(), "25".into()));
    let mine = h.get("/api/v1/leave/applications", &so).await;
    assert_eq!(mine.body["items"].as_array().unwrap().len(), 1);

    // The same key with a different request is refused.
    let other = h
        .post_with_key(path, &so, earned(from, from + Duration::days(1)), "leave-apply-0001")
        .await;
    assert_eq!(other.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", other.body);

    // A replayed sanction debits once.
    let ds = h.login("HR2002").await;
    let secy = h.login("HR2004").await;
    let id = id_of(&first.body);
    act_ok(&h, &ds, &id, json!({"version": 1, "action": "recommend"})).await;
    let act_path = format!("/api/v1/leave/applications/{id}/act");
    let sanction = json!({"version": 2, "action": "sanction"});
    let once = h
        .post_with_key(&act_path, &secy, sanction.clone(), "leave-sanction-1")
        .await;
    let twice = h.post_with_key(&act_path, &secy, sanction, "leave-sanction-1").await;
    assert_eq!(
        (once.status, twice.status),
        (StatusCode::OK, StatusCode::OK),
        "{}",
        twice.body
    );
    assert_eq!(once.body, twice.body);
    assert_eq!(balance(&h, &so, "earned").await, ("25".into(), "0".into(), "25".into()));
    assert_eq!(ledger(&h, &so, "earned").await.len(), 2);
}

/// Runs the credit job over every page of Haryana's employees; returns the summed counts.
async fn credit(h: &Harness, cookie: &str, half: &str) -> (u64, u64, u64) {
    let (mut employees, mut written, mut already) = (0, 0, 0);
    let mut cursor: Option<String> = None;
    loop {
        let mut path = format!("/api/v1/leave/credits/{half}?state=HR");
        if let Some(c) = &cursor {
            path.push_str(&format!("&cursor={c}"));
        }
        let reply = h.post(&path, cookie, json!({})).await;
        assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
        employees += reply.body["employees"].as_u64().unwrap();
        written += reply.body["entries_written"].as_u64().unwrap();
        already += reply.body["already_credited"].as_u64().unwrap();
        match reply.body["next_cursor"].as_str() {
            Some(next) => cursor = Some(next.to_owned()),
            None => return (employees, written, already),
        }
    }
}

async fn the_half_yearly_credit_run_twice_credits_once(h: Harness) {
    let admin = h.login("HR9001").await;
    let so = h.login("HR2001").await;

    // Only an administrator runs it.
    let refused = h.post("/api/v1/leave/credits/2027H1?state=HR", &so, json!({})).await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN, "{}", refused.body);

    // A half-year that has not begun is not credited.
    let future = format!("/api/v1/leave/credits/{}H1?state=HR", today(&h).year() + 1);
    let early = h.post(&future, &admin, json!({})).await;
    assert_eq!(early.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", early.body);
    assert_eq!(early.body["field"], "half");

    // On 1 January 2027 (or later), and signed in again then:
    let new_year = Date::from_calendar_date(2027, time::Month::January, 1).unwrap();
    if today(&h) < new_year {
        h.clock.advance(new_year - today(&h));
    }
    let admin = h.login("HR9001").await;
    let so = h.login("HR2001").await;

    // The first run credits every demo official's earned, half pay, casual leave and
    // restricted holidays (casual leave lapses at the year's end first); the three women's
    // child care leave is already there from the seed. The second run finds every credit.
    let (employees, written, already) = credit(&h, &admin, "2027H1").await;
    assert_eq!(employees, 8);
    assert!(written >= 8 * 3, "{written}");
    assert_eq!(already, 3);
    let (employees, written, already) = credit(&h, &admin, "2027h1").await;
    assert_eq!((employees, written), (8, 0));
    assert_eq!(already, 8 * 4 + 3);

    assert_eq!(balance(&h, &so, "earned").await.0, "45");
    assert_eq!(balance(&h, &so, "half_pay").await.0, "30");
    assert_eq!(balance(&h, &so, "casual").await.0, "8");
    let entries = ledger(&h, &so, "EL").await;
    assert_eq!(entries.len(), 2);
    assert_eq!(
        entries[1]["movement"],
        json!({"type": "credit", "amount": "15", "overflow": "0"})
    );
    assert_eq!(entries[1]["why"]["cause"], "accrual");
    assert_eq!(
        entries[1]["why"]["period"],
        json!({"kind": "half_year", "year": 2027, "half": "first"})
    );
    let casual = ledger(&h, &so, "casual").await;
    assert_eq!(casual[1]["movement"], json!({"type": "lapse", "amount": "8"}));
    assert_eq!(casual[2]["movement"]["type"], "credit");

    let bad = h.post("/api/v1/leave/credits/2027H3?state=HR", &admin, json!({})).await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(bad.body["field"], "half");
}

async fn assess_counts_earned_leave_across_a_holiday_and_a_weekend(h: Harness) {
    // Casual leave is a calendar year's allowance, assessed within its year: late in December,
    // run this in January.
    if (next(&h, 14, Weekday::Friday) + Duration::days(3)).year() != today(&h).year() {
        let new_year = Date::from_calendar_date(today(&h).year() + 1, time::Month::January, 2).unwrap();
        h.clock.advance(new_year - today(&h));
    }
    let admin = h.login("HR9001").await;
    let so = h.login("HR2001").await;
    // Given a gazetted holiday on a Friday, between a Thursday and the Monday after.
    let friday = next(&h, 14, Weekday::Friday);
    let (thursday, monday) = (friday - Duration::days(1), friday + Duration::days(3));
    for year in [thursday.year(), monday.year()] {
        let path = format!("/api/v1/leave/holidays/HR/{year}");
        let current = h.get(&path, &admin).await;
        let expected = current.body.get("version").cloned().unwrap_or(Value::Null);
        let holidays = if friday.year() == year {
            json!([{"date": iso(friday), "name_en": "Foundation Day", "name_hi": "स्थापना दिवस", "kind": "gazetted"}])
        } else {
            json!([])
        };
        let body = json!({"expected_version": expected, "weekly_offs": weekends(), "holidays": holidays});
        let reply = h.request(Method::PUT, &path, Some(&admin), Some(body), &[]).await;
        assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    }

    // Earned leave counts every day of the spell, holiday and weekend included.
    let spell = |kind: &str| json!({"kind": kind, "from": iso(thursday), "to": iso(monday)});
    let earned = h.post("/api/v1/leave/assess", &so, spell("earned")).await;
    assert_eq!(earned.status, StatusCode::OK, "{}", earned.body);
    let assessment = &earned.body["assessment"];
    assert_eq!(assessment["days"], "5");
    assert_eq!(assessment["calendar_days"], 5);
    assert_eq!(assessment["non_working_days"], 3);
    assert_eq!(assessment["debit"]["balance_before"], "30");
    assert_eq!(assessment["debit"]["balance_after"], "25");
    let chain: Vec<&str> = earned.body["chain"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["post"].as_str().unwrap())
        .collect();
    assert_eq!(chain, ["FIN-HQ-DS", "FIN-HQ-SECY"]);

    // Casual leave counts only the working days, and sanctions at the reporting officer.
    let casual = h.post("/api/v1/leave/assess", &so, spell("casual")).await;
    assert_eq!(casual.status, StatusCode::OK, "{}", casual.body);
    assert_eq!(casual.body["assessment"]["days"], "2");
    assert_eq!(casual.body["chain"].as_array().unwrap().len(), 1);
    // Casual leave may not start on the holiday.
    let on_holiday = json!({"kind": "casual", "from": iso(friday), "to": iso(monday)});
    let refused = h.post("/api/v1/leave/assess", &so, on_holiday).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", refused.body);
    assert_eq!(refused.body["field"], "from");
    // The what-if changed nothing.
    assert_eq!(balance(&h, &so, "earned").await, ("30".into(), "0".into(), "30".into()));
}

async fn only_the_approver_at_the_step_may_act(h: Harness) {
    let admin = h.login("HR9001").await;
    ensure_calendars(&h, &admin).await;
    let so = h.login("HR2001").await;
    let ds = h.login("HR2002").await;
    let clerk = h.login("HR2003").await;
    let secy = h.login("HR2004").await;
    let from = next(&h, 10, Weekday::Monday);
    let id = id_of(&apply(&h, &so, earned(from, from + Duration::days(2))).await);

    let recommend = json!({"version": 1, "action": "recommend"});
    for (who, cookie) in [("clerk", &clerk), ("applicant", &so), ("next approver", &secy)] {
        let reply = act(&h, cookie, &id, recommend.clone()).await;
        assert_eq!(reply.status, StatusCode::FORBIDDEN, "{who}: {}", reply.body);
    }
    // The clerk cannot read another post's leave inbox either.
    let peek = h.get("/api/v1/leave/inbox?post=FIN-HQ-DS", &clerk).await;
    assert_eq!(peek.status, StatusCode::FORBIDDEN);
    // Only the applicant cancels.
    let cancel = act(&h, &ds, &id, json!({"version": 1, "action": "cancel"})).await;
    assert_eq!(cancel.status, StatusCode::FORBIDDEN, "{}", cancel.body);
    // The reporting officer recommends; sanctioning is not this step's act.
    let wrong = act(&h, &ds, &id, json!({"version": 1, "action": "sanction"})).await;
    assert_eq!(wrong.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", wrong.body);
    assert_eq!(wrong.body["field"], "action");
    // A stale version is a conflict carrying the current one.
    act_ok(&h, &ds, &id, recommend.clone()).await;
    let stale = act(&h, &secy, &id, json!({"version": 1, "action": "sanction"})).await;
    assert_eq!(stale.status, StatusCode::CONFLICT, "{}", stale.body);
    assert_eq!(stale.body["current_version"], 2);
}

async fn bad_dates_and_fields_get_422_naming_the_field(h: Harness) {
    let admin = h.login("HR9001").await;
    ensure_calendars(&h, &admin).await;
    let so = h.login("HR2001").await;
    let from = next(&h, 10, Weekday::Monday);
    let cases = [
        (
            json!({"kind": "earned", "from": "2026-13-40", "to": iso(from), "reason": "x"}),
            "from",
        ),
        (
            json!({"kind": "earned", "from": iso(from), "to": iso(from - Duration::days(3)), "reason": "x"}),
            "to",
        ),
        (
            json!({"kind": "sabbatical", "from": iso(from), "to": iso(from), "reason": "x"}),
            "kind",
        ),
        (
            json!({"kind": "earned", "from": iso(from), "to": iso(from), "reason": ""}),
            "reason",
        ),
        (
            json!({"kind": "earned", "from": iso(from), "to": iso(from + Duration::days(40)), "reason": "Long"}),
            "kind",
        ),
        (
            json!({"kind": "maternity", "from": iso(from), "to": iso(from + Duration::days(9)), "reason": "x"}),
            "kind",
        ),
        (
            json!({"kind": "earned", "from": iso(from), "to": iso(from), "half_day_start": true, "reason": "x"}),
            "half_day_start",
        ),
    ];
    for (body, field) in cases {
        let reply = h.post("/api/v1/leave/applications", &so, body.clone()).await;
        assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY, "{body}: {}", reply.body);
        assert_eq!(reply.body["field"], field, "{body}: {}", reply.body);
        assert_eq!(reply.body["code"], "invalid");
    }
    let bad_kind = h.get("/api/v1/leave/ledger/XX", &so).await;
    assert_eq!(bad_kind.status, StatusCode::UNPROCESSABLE_ENTITY);
    let bad_state = h.get("/api/v1/leave/holidays/H1/2026", &so).await;
    assert_eq!(bad_state.status, StatusCode::UNPROCESSABLE_ENTITY);
    let missing = h
        .post(
            "/api/v1/leave/applications/LV-2026-NOSUCHAPP/act",
            &so,
            json!({"version": 1, "action": "cancel"}),
        )
        .await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND);
    // Nothing was reserved by any of it.
    assert_eq!(balance(&h, &so, "earned").await.1, "0");
}

async fn administrators_version_rules_and_holidays(h: Harness) {
    // Every e-Leave endpoint needs a session; the OpenAPI document lists them.
    for path in [
        "/api/v1/leave/rules",
        "/api/v1/leave/balances",
        "/api/v1/leave/applications",
    ] {
        let reply = h
            .request(Method::GET, path, Some("daftar_session=forged"), None, &[])
            .await;
        assert_eq!(reply.status, StatusCode::UNAUTHORIZED, "{path}");
    }
    let openapi = h.request(Method::GET, "/api/openapi.json", None, None, &[]).await;
    for path in [
        "/api/v1/leave/applications/{id}/act",
        "/api/v1/leave/credits/{half}",
        "/api/v1/leave/inbox",
    ] {
        assert!(openapi.body["paths"].get(path).is_some(), "{path}");
    }
    let admin = h.login("HR9001").await;
    let so = h.login("HR2001").await;
    let rules = h.get("/api/v1/leave/rules", &so).await;
    assert_eq!(rules.status, StatusCode::OK, "{}", rules.body);
    assert_eq!(rules.body["rules"]["state"], "HR");
    assert_eq!(rules.body["rules"]["version"], 1);
    assert_eq!(rules.body["rules"]["types"].as_array().unwrap().len(), 11);

    // A new version, from the one in force, recorded with who set it.
    let mut types = rules.body["rules"]["types"].clone();
    types[0]["accrual"]["amount"] = json!("10");
    types[0]["max_balance"] = json!("10");
    let put = json!({"expected_version": 1, "effective_from": "2027-01-01", "types": types});
    let path = "/api/v1/leave/rules/HR";
    let refused = h.request(Method::PUT, path, Some(&so), Some(put.clone()), &[]).await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    let set = h.request(Method::PUT, path, Some(&admin), Some(put.clone()), &[]).await;
    assert_eq!(set.status, StatusCode::OK, "{}", set.body);
    assert_eq!(set.body["rules"]["version"], 2);
    assert_eq!(set.body["recorded"]["by"], "HR9001");
    let stale = h.request(Method::PUT, path, Some(&admin), Some(put), &[]).await;
    assert_eq!(stale.status, StatusCode::CONFLICT);
    // A broken rule set is refused with the field.
    let mut broken = set.body["rules"]["types"].clone();
    broken[2]["max_balance"] = json!("5");
    let body = json!({"expected_version": 2, "effective_from": "2027-01-01", "types": broken});
    let bad = h.request(Method::PUT, path, Some(&admin), Some(body), &[]).await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", bad.body);
    assert_eq!(bad.body["field"], "types");
    // So is a chain longer than an application can hold, rather than failing when applied.
    let mut long_chain = set.body["rules"]["types"].clone();
    let steps = long_chain[0]["chain"][0]["steps"].as_array().unwrap().clone();
    let mut many = vec![steps[0].clone(); 255];
    many.push(steps.last().unwrap().clone());
    long_chain[0]["chain"][0]["steps"] = json!(many);
    let body = json!({"expected_version": 2, "effective_from": "2027-01-01", "types": long_chain});
    let bad = h.request(Method::PUT, path, Some(&admin), Some(body), &[]).await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", bad.body);
    assert_eq!(bad.body["field"], "types");

    // Haryana's 2026 holidays are seeded.
    let holidays = h.get("/api/v1/leave/holidays/HR/2026", &so).await;
    assert_eq!(holidays.status, StatusCode::OK);
    assert_eq!(holidays.body["version"], 1);
    assert!(holidays.body["calendar"]["holidays"]
        .as_array()
        .unwrap()
        .iter()
        .any(|h| h["name_en"] == "Diwali"));
    let holiday_put = json!({"expected_version": 1, "weekly_offs": weekends(), "holidays": [
        {"date": "2027-01-26", "name_en": "Republic Day", "name_hi": "गणतंत्र दिवस", "kind": "gazetted"}]});
    let wrong_year = h
        .request(
            Method::PUT,
            "/api/v1/leave/holidays/HR/2026",
            Some(&admin),
            Some(holiday_put),
            &[],
        )
        .await;
    assert_eq!(
        wrong_year.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        wrong_year.body
    );
    assert_eq!(
        h.get("/api/v1/leave/holidays/HR/2031", &so).await.status,
        StatusCode::NOT_FOUND
    );
}

async fn extraordinary_leave_reduces_the_next_credits(h: Harness) {
    use daftar_domain::leave::Period;
    let admin = h.login("HR9001").await;
    ensure_calendars(&h, &admin).await;
    let so = h.login("HR2001").await;
    let ds = h.login("HR2002").await;
    let secy = h.login("HR2004").await;

    // Given twenty days of extraordinary leave inside one half-year, sanctioned.
    let mut from = next(&h, 14, Weekday::Monday);
    if Period::half_year_of(from) != Period::half_year_of(from + Duration::days(19)) {
        from = next(&h, 60, Weekday::Monday);
    }
    let half = Period::half_year_of(from);
    let body = json!({"kind": "extraordinary", "from": iso(from), "to": iso(from + Duration::days(19)), "reason": "Higher studies"});
    let id = id_of(&apply(&h, &so, body).await);
    act_ok(&h, &ds, &id, json!({"version": 1, "action": "recommend"})).await;
    act_ok(&h, &secy, &id, json!({"version": 2, "action": "approve"})).await;
    act_ok(&h, &secy, &id, json!({"version": 3, "action": "sanction"})).await;
    let counter = daftar_store::Key::new("EMP#HR2001", format!("ABSENCE#{half}"));
    assert_eq!(h.store.get(&counter).await.unwrap().unwrap().count, 40);

    // When the next half-year is credited, earned leave loses a tenth of those days, rounded
    // to the nearest day. Half pay leave is cut only for dies non (Rule 29), so it is not.
    let following = match half {
        Period::HalfYear {
            year,
            half: daftar_domain::leave::ledger::Half::First,
        } => format!("{year}H2"),
        Period::HalfYear { year, .. } => format!("{}H1", year + 1),
        other => panic!("{other:?}"),
    };
    // (run once that half-year has begun, by people signed in then).
    let begins = daftar_domain::leave::wire::parse_half_year(&following)
        .unwrap()
        .start()
        .unwrap();
    h.clock.advance(begins - today(&h));
    let (admin, so, ds) = (
        h.login("HR9001").await,
        h.login("HR2001").await,
        h.login("HR2002").await,
    );
    credit(&h, &admin, &following).await;
    let earned = ledger(&h, &so, "EL").await;
    assert_eq!(earned.last().unwrap()["movement"]["amount"], "13", "{earned:?}");
    let half_pay = ledger(&h, &so, "HPL").await;
    assert_eq!(half_pay.last().unwrap()["movement"]["amount"], "10", "{half_pay:?}");
    // Someone who took none gets the full credit.
    let ds_earned = ledger(&h, &ds, "EL").await;
    assert_eq!(ds_earned.last().unwrap()["movement"]["amount"], "15");
}

async fn child_care_leave_is_granted_once_and_can_be_taken(h: Harness) {
    let admin = h.login("HR9001").await;
    ensure_calendars(&h, &admin).await;
    let woman = h.login("HR1001").await;
    let man = h.login("HR2001").await;

    // Given the 730 days granted once for the service to those the rule admits,
    assert_eq!(balance(&h, &woman, "child_care").await.0, "730");
    let balances = h.get("/api/v1/leave/balances", &man).await;
    assert!(
        !balances
            .body
            .as_array()
            .unwrap()
            .iter()
            .any(|b| b["kind"] == "child_care"),
        "{}",
        balances.body
    );
    // and not granted again by the credit job,
    let current = daftar_domain::leave::Period::half_year_of(today(&h)).to_string();
    credit(&h, &admin, &current).await;
    let entries = ledger(&h, &woman, "CCL").await;
    assert_eq!(entries.len(), 1, "{entries:?}");
    assert_eq!(entries[0]["why"]["period"], json!({"kind": "service"}));

    // when an eligible employee applies for child care leave, it is accepted and reserved.
    let from = next(&h, 14, Weekday::Monday);
    let certificate = h
        .upload(&woman, "birth-certificate.pdf", "pdf", pdf("Birth certificate"))
        .await;
    let body = json!({"kind": "child_care", "from": iso(from), "to": iso(from + Duration::days(9)), "reason": "Child's board examinations", "attachments": [certificate]});
    apply(&h, &woman, body).await;
    let (_, reserved, _) = balance(&h, &woman, "child_care").await;
    assert_ne!(reserved, "0");
}

async fn overlapping_spells_are_refused_and_concurrent_ones_race_to_one(h: Harness) {
    let admin = h.login("HR9001").await;
    ensure_calendars(&h, &admin).await;
    let so = h.login("HR2001").await;

    // Given earned leave from a Monday to the Friday,
    let monday = monday_within_a_year(&h, 14, 30);
    let first = id_of(&apply(&h, &so, earned(monday, monday + Duration::days(4))).await);

    // a spell sharing its Friday is refused, naming the application and its dates.
    let clash = earned(monday + Duration::days(4), monday + Duration::days(7));
    let refused = h.post("/api/v1/leave/applications", &so, clash.clone()).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", refused.body);
    assert_eq!(refused.body["field"], "from");
    let detail = refused.body["detail"].as_str().unwrap();
    assert!(detail.contains(&first), "{detail}");
    assert!(
        detail.contains(&iso(monday)) && detail.contains(&iso(monday + Duration::days(4))),
        "{detail}"
    );
    // Nothing was reserved by the refused one.
    assert_eq!(balance(&h, &so, "earned").await.1, "5");

    // Casual leave ending at noon meets casual leave starting that afternoon (casual leave is
    // this year's only, so this part waits when the spell falls in the next).
    let (tuesday, wednesday, thursday) = (
        monday + Duration::days(8),
        monday + Duration::days(9),
        monday + Duration::days(10),
    );
    if thursday.year() == today(&h).year() {
        apply(&h, &so, casual(tuesday, wednesday, false, true)).await;
        apply(&h, &so, casual(wednesday, thursday, true, false)).await;
        let both_whole = h
            .post(
                "/api/v1/leave/applications",
                &so,
                casual(wednesday, wednesday, false, false),
            )
            .await;
        assert_eq!(
            both_whole.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{}",
            both_whole.body
        );
        assert_eq!(both_whole.body["field"], "from");
    }

    // Once the first is withdrawn, its days are free again.
    act_ok(&h, &so, &first, json!({"version": 1, "action": "cancel"})).await;
    apply(&h, &so, clash).await;

    // Two overlapping applications sent at once: exactly one is made.
    let later = monday + Duration::days(21);
    let (a, b) = tokio::join!(
        h.post(
            "/api/v1/leave/applications",
            &so,
            earned(later, later + Duration::days(2))
        ),
        h.post(
            "/api/v1/leave/applications",
            &so,
            earned(later + Duration::days(1), later + Duration::days(3))
        ),
    );
    let won = [a.status, b.status]
        .iter()
        .filter(|s| **s == StatusCode::CREATED)
        .count();
    assert_eq!(won, 1, "{} / {}", a.body, b.body);
    let lost = if a.status == StatusCode::CREATED { &b } else { &a };
    assert!(
        [StatusCode::UNPROCESSABLE_ENTITY, StatusCode::CONFLICT].contains(&lost.status),
        "{}",
        lost.body
    );
    // The clash (4 days) and the winner (3 days) are reserved; nothing of the loser.
    assert_eq!(balance(&h, &so, "earned").await.1, "7");
}

async fn the_office_calendar_and_who_is_on_leave_today(h: Harness) {
    let admin = h.login("HR9001").await;
    ensure_calendars(&h, &admin).await;
    let so = h.login("HR2001").await;
    let clerk = h.login("HR2003").await;
    let ds = h.login("HR2002").await;

    // Given the section officer's earned leave and the clerk's overlapping it, both pending,
    let from = next(&h, 14, Weekday::Monday);
    let mine = id_of(&apply(&h, &so, earned(from, from + Duration::days(2))).await);
    let theirs = id_of(&apply(&h, &clerk, earned(from + Duration::days(1), from + Duration::days(3))).await);

    // the office's calendar for the month shows both, pending, with names and posts.
    let month = month_of(from);
    let shown = calendar(&h, &ds, &format!("office=FIN-HQ&month={month}")).await;
    assert_eq!(shown.status, StatusCode::OK, "{}", shown.body);
    assert_eq!(shown.body["office"], "FIN-HQ");
    assert_eq!(shown.body["month"], month.as_str());
    assert_eq!(
        spells(&shown.body),
        [
            (mine.clone(), "pending".into(), iso(from + Duration::days(2))),
            (theirs.clone(), "pending".into(), iso(from + Duration::days(3))),
        ]
    );
    let row = &shown.body["spells"][0];
    assert_eq!(row["name_en"], "Rajesh Verma");
    assert_eq!(row["name_hi"], "राजेश वर्मा");
    assert_eq!(row["post"], "FIN-HQ-SO");
    assert_eq!(row["employee"], "HR2001");
    assert_eq!(row["kind"], "earned");
    assert_eq!(row["from"], iso(from).as_str());
    assert_eq!(row["half_day_start"], false);
    // The caller's own office by default; the next month is empty unless the spell reaches it.
    let default = calendar(&h, &ds, &format!("month={month}")).await;
    assert_eq!(default.body, shown.body);
    // Another office's official may not look; headquarters may; a bad month is named.
    let outsider = h.login("HR3001").await;
    let peek = calendar(&h, &outsider, &format!("office=FIN-HQ&month={month}")).await;
    assert_eq!(peek.status, StatusCode::FORBIDDEN, "{}", peek.body);
    assert_eq!(
        calendar(&h, &admin, &format!("office=FIN-HQ&month={month}"))
            .await
            .status,
        StatusCode::OK
    );
    let bad = calendar(&h, &ds, "office=FIN-HQ&month=2026-13").await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(bad.body["field"], "month");

    // The approver sees who else in the office is away on those days.
    let waiting = inbox(&h, &ds, "FIN-HQ-DS").await;
    let row = waiting
        .iter()
        .find(|r| r["application"]["id"] == mine.as_str())
        .unwrap();
    let others: Vec<&str> = row["overlapping"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["application"].as_str().unwrap())
        .collect();
    assert_eq!(others, [theirs.as_str()]);

    // Sanctioned, it shows so; the clerk's, rejected, leaves the calendar.
    let secy = h.login("HR2004").await;
    act_ok(&h, &ds, &mine, json!({"version": 1, "action": "recommend"})).await;
    act_ok(&h, &secy, &mine, json!({"version": 2, "action": "sanction"})).await;
    let clerk_app = h.get(&format!("/api/v1/leave/applications/{theirs}"), &clerk).await;
    let chain = clerk_app.body["application"]["chain"].as_array().unwrap().clone();
    let approver = match chain[0]["post"].as_str().unwrap() {
        "FIN-HQ-SO" => &so,
        "FIN-HQ-DS" => &ds,
        "FIN-HQ-SECY" => &secy,
        other => panic!("unexpected first approver {other}"),
    };
    act_ok(
        &h,
        approver,
        &theirs,
        json!({"version": 1, "action": "reject", "reason": "Audit week."}),
    )
    .await;
    let shown = calendar(&h, &ds, &format!("office=FIN-HQ&month={month}")).await;
    assert_eq!(
        spells(&shown.body),
        [(mine.clone(), "sanctioned".into(), iso(from + Duration::days(2)))]
    );

    // On the spell's second day, the section officer is on leave today; curtailed to that day,
    // the calendar ends it there.
    h.clock.advance(from + Duration::days(1) - today(&h));
    let (so, ds) = (h.login("HR2001").await, h.login("HR2002").await);
    let away = h.get("/api/v1/leave/today?office=FIN-HQ", &ds).await;
    assert_eq!(away.status, StatusCode::OK, "{}", away.body);
    assert_eq!(away.body["date"], iso(from + Duration::days(1)).as_str());
    assert_eq!(
        spells(&away.body),
        [(mine.clone(), "sanctioned".into(), iso(from + Duration::days(2)))]
    );
    act_ok(
        &h,
        &so,
        &mine,
        json!({"version": 3, "action": "curtail", "to": iso(from + Duration::days(1))}),
    )
    .await;
    let shown = calendar(&h, &ds, &format!("office=FIN-HQ&month={month}")).await;
    assert_eq!(
        spells(&shown.body),
        [(mine.clone(), "sanctioned".into(), iso(from + Duration::days(1)))]
    );
}

async fn casual_leave_may_not_cross_the_year_end(h: Harness) {
    let admin = h.login("HR9001").await;
    ensure_calendars(&h, &admin).await;
    let so = h.login("HR2001").await;
    let year = today(&h).year();
    let eve = Date::from_calendar_date(year, time::Month::December, 31).unwrap();
    let body = casual(eve, eve + Duration::days(1), false, false);
    let refused = h.post("/api/v1/leave/applications", &so, body.clone()).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", refused.body);
    assert_eq!(refused.body["field"], "to");
    assert!(
        refused.body["detail"].as_str().unwrap().contains("31 December"),
        "{}",
        refused.body
    );
    let what_if = h.post("/api/v1/leave/assess", &so, body).await;
    assert_eq!(what_if.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", what_if.body);
    // Nor is next year's casual leave drawn on this year's balance: it waits for its credit.
    let new_year = eve + Duration::days(4);
    let early = h
        .post(
            "/api/v1/leave/applications",
            &so,
            casual(new_year, new_year, false, false),
        )
        .await;
    assert_eq!(early.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", early.body);
    assert_eq!(early.body["field"], "from");
    assert!(
        early.body["detail"]
            .as_str()
            .unwrap()
            .contains(&format!("1 January {}", year + 1)),
        "{}",
        early.body
    );
    assert_eq!(balance(&h, &so, "casual").await.1, "0");
}

async fn a_medical_certificate_is_demanded_and_can_be_attached(h: Harness) {
    let admin = h.login("HR9001").await;
    ensure_calendars(&h, &admin).await;
    let so = h.login("HR2001").await;
    let from = next(&h, 14, Weekday::Tuesday);
    let commuted = |attachments: Value| {
        json!({"kind": "commuted", "from": iso(from), "to": iso(from + Duration::days(1)),
            "reason": "Viral fever", "attachments": attachments})
    };

    // Commuted leave without a medical certificate is refused, naming it.
    let refused = h.post("/api/v1/leave/applications", &so, commuted(json!([]))).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", refused.body);
    assert_eq!(refused.body["field"], "attachments");
    assert!(
        refused.body["detail"].as_str().unwrap().contains("medical certificate"),
        "{}",
        refused.body
    );
    // An upload that does not exist is refused too.
    let ghost = h
        .post(
            "/api/v1/leave/applications",
            &so,
            commuted(json!(["UP-NO-SUCH-UPLOAD"])),
        )
        .await;
    assert_eq!(ghost.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", ghost.body);
    assert_eq!(ghost.body["field"], "attachments");

    // With the certificate attached it is made, and the approver can open the certificate.
    let bytes = pdf("Certified unfit for duty for two days");
    let upload = h.upload(&so, "medical-certificate.pdf", "pdf", bytes.clone()).await;
    let made = apply(&h, &so, commuted(json!([upload.clone()]))).await;
    let id = id_of(&made);
    assert_eq!(made["attachments"][0]["name"], "medical-certificate.pdf");
    let ds = h.login("HR2002").await;
    let detail = h.get(&format!("/api/v1/leave/applications/{id}"), &ds).await;
    assert_eq!(
        detail.body["attachments"].as_array().unwrap().len(),
        1,
        "{}",
        detail.body
    );
    let path = format!("/api/v1/leave/applications/{id}/attachments/1");
    let (status, content_type, got) = h.get_bytes(&path, &ds).await;
    assert_eq!((status, content_type.as_str()), (StatusCode::OK, "application/pdf"));
    assert_eq!(got, bytes);
    let clerk = h.login("HR2003").await;
    assert_eq!(h.get_bytes(&path, &clerk).await.0, StatusCode::FORBIDDEN);
    assert_eq!(
        h.get_bytes(&format!("/api/v1/leave/applications/{id}/attachments/2"), &ds)
            .await
            .0,
        StatusCode::NOT_FOUND
    );

    // An upload is attached once.
    let later = from + Duration::days(14);
    let again = json!({"kind": "commuted", "from": iso(later), "to": iso(later + Duration::days(1)),
        "reason": "Follow-up", "attachments": [upload]});
    let reused = h.post("/api/v1/leave/applications", &so, again).await;
    assert_eq!(reused.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", reused.body);
    assert_eq!(reused.body["field"], "attachments");
}

async fn a_curtailment_is_counted_under_the_rules_applied_under(h: Harness) {
    let admin = h.login("HR9001").await;
    ensure_calendars(&h, &admin).await;
    let so = h.login("HR2001").await;
    let ds = h.login("HR2002").await;
    let secy = h.login("HR2004").await;

    // Given nine days of earned leave, Monday to the Tuesday after, sanctioned under version 1,
    let monday = next(&h, 14, Weekday::Monday);
    let made = apply(&h, &so, earned(monday, monday + Duration::days(8))).await;
    assert_eq!(made["rules_version"], 1);
    let id = id_of(&made);
    act_ok(&h, &ds, &id, json!({"version": 1, "action": "recommend"})).await;
    act_ok(&h, &secy, &id, json!({"version": 2, "action": "sanction"})).await;
    assert_eq!(balance(&h, &so, "earned").await.0, "21");

    // and a version 2 under which earned leave counts working days only,
    let rules = h.get("/api/v1/leave/rules", &admin).await;
    let mut types = rules.body["rules"]["types"].clone();
    for rule in types.as_array_mut().unwrap() {
        if rule["kind"] == "earned" {
            rule["counts_non_working_days"] = json!(false);
        }
    }
    let put = json!({"expected_version": 1, "effective_from": iso(today(&h)), "types": types});
    let set = h
        .request(Method::PUT, "/api/v1/leave/rules/HR", Some(&admin), Some(put), &[])
        .await;
    assert_eq!(set.status, StatusCode::OK, "{}", set.body);

    // when the officer rejoins on the second Monday, the eight days kept are counted as
    // version 1 counted them: one day comes back (version 2 would give back three).
    h.clock.advance(monday + Duration::days(7) - today(&h));
    let so = h.login("HR2001").await;
    act_ok(
        &h,
        &so,
        &id,
        json!({"version": 3, "action": "curtail", "to": iso(monday + Duration::days(7))}),
    )
    .await;
    assert_eq!(balance(&h, &so, "earned").await.0, "22");
}

async fn detail(h: &Harness, cookie: &str, id: &str) -> Value {
    let reply = h.get(&format!("/api/v1/leave/applications/{id}"), cookie).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    reply.body
}

/// An application of `body` modifying the application `replaces`.
fn modifying(mut body: Value, replaces: &str) -> Value {
    body["replaces"] = json!(replaces);
    body
}

async fn modifying_sanctioned_leave_applies_anew_and_its_sanction_cancels_the_old(h: Harness) {
    let admin = h.login("HR9001").await;
    ensure_calendars(&h, &admin).await;
    let so = h.login("HR2001").await;
    let ds = h.login("HR2002").await;
    let secy = h.login("HR2004").await;

    // Given five days of earned leave from a Monday, sanctioned,
    let monday = monday_within_a_year(&h, 14, 14);
    let old = id_of(&apply(&h, &so, earned(monday, monday + Duration::days(4))).await);
    act_ok(&h, &ds, &old, json!({"version": 1, "action": "recommend"})).await;
    act_ok(&h, &secy, &old, json!({"version": 2, "action": "sanction"})).await;
    assert_eq!(balance(&h, &so, "earned").await, ("25".into(), "0".into(), "25".into()));

    // when the officer asks instead for the Wednesday to the Monday after (six days), a plain
    // application clashes with the sanctioned leave, but a modification of it is made,
    let (wednesday, next_monday) = (monday + Duration::days(2), monday + Duration::days(7));
    let clash = h
        .post("/api/v1/leave/applications", &so, earned(wednesday, next_monday))
        .await;
    assert_eq!(clash.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", clash.body);
    let made = apply(&h, &so, modifying(earned(wednesday, next_monday), &old)).await;
    let new = id_of(&made);
    assert_eq!(made["replaces"], old.as_str());
    assert_eq!(made["application"]["status"], json!({"status": "pending", "step": 0}));

    // and while it is pending the old leave stands, and the new days are reserved besides.
    assert_eq!(balance(&h, &so, "earned").await, ("25".into(), "6".into(), "19".into()));
    let standing = detail(&h, &so, &old).await;
    assert_eq!(standing["application"]["status"], json!({"status": "sanctioned"}));
    assert_eq!(standing["replaced_by"], Value::Null);
    assert_eq!(detail(&h, &so, &new).await["replaces"], old.as_str());

    // When the modification is sanctioned, the old leave is cancelled in the same step: its
    // debit reversed, and the balance is the opening less the new six days exactly.
    act_ok(&h, &ds, &new, json!({"version": 1, "action": "recommend"})).await;
    let sanctioned = act_ok(&h, &secy, &new, json!({"version": 2, "action": "sanction"})).await;
    assert_eq!(sanctioned["application"]["status"], json!({"status": "sanctioned"}));
    assert_eq!(balance(&h, &so, "earned").await, ("24".into(), "0".into(), "24".into()));
    let entries = ledger(&h, &so, "earned").await;
    assert_eq!(entries.len(), 4, "{entries:?}");
    assert_eq!(
        entries[2]["movement"],
        json!({"type": "reversal", "of": 2, "amount": "5"})
    );
    assert_eq!(entries[2]["why"]["cause"], "cancelled");
    assert_eq!(entries[2]["why"]["application"], old.as_str());
    assert_eq!(entries[3]["movement"], json!({"type": "debit", "amount": "6"}));
    assert_eq!(entries[3]["why"]["application"], new.as_str());
    assert_eq!(entries[3]["balance_after"], "24");

    // The applicant sees the two linked, the old one's history saying why it ended.
    let replaced = detail(&h, &so, &old).await;
    assert_eq!(replaced["application"]["status"], json!({"status": "cancelled"}));
    assert_eq!(replaced["replaced_by"], new.as_str());
    let last = replaced["history"].as_array().unwrap().last().unwrap().clone();
    assert_eq!(last["by"], "HR2004");
    assert!(last["remarks"].as_str().unwrap().contains(&new), "{last}");

    // The office calendar shows only the new spell, and the old one's Monday and Tuesday are
    // free again.
    let month = calendar(&h, &so, &format!("month={}", month_of(monday))).await;
    assert_eq!(month.status, StatusCode::OK, "{}", month.body);
    let shown: Vec<String> = spells(&month.body).into_iter().map(|(id, _, _)| id).collect();
    assert!(shown.contains(&new) && !shown.contains(&old), "{}", month.body);
    let free = h
        .post("/api/v1/leave/assess", &so, earned(monday, monday + Duration::days(1)))
        .await;
    assert_eq!(free.status, StatusCode::OK, "{}", free.body);
}

async fn a_rejected_modification_leaves_the_old_untouched(h: Harness) {
    let admin = h.login("HR9001").await;
    ensure_calendars(&h, &admin).await;
    let so = h.login("HR2001").await;
    let ds = h.login("HR2002").await;
    let secy = h.login("HR2004").await;

    // Given three days of earned leave, sanctioned, and a modification of it,
    let tuesday = next(&h, 14, Weekday::Tuesday);
    let old = id_of(&apply(&h, &so, earned(tuesday, tuesday + Duration::days(2))).await);
    act_ok(&h, &ds, &old, json!({"version": 1, "action": "recommend"})).await;
    act_ok(&h, &secy, &old, json!({"version": 2, "action": "sanction"})).await;
    let body = modifying(earned(tuesday + Duration::days(1), tuesday + Duration::days(3)), &old);
    let new = id_of(&apply(&h, &so, body).await);
    assert_eq!(balance(&h, &so, "earned").await, ("27".into(), "3".into(), "24".into()));

    // when the modification is rejected, the old leave is as it was.
    act_ok(
        &h,
        &ds,
        &new,
        json!({"version": 1, "action": "reject", "reason": "Audit week."}),
    )
    .await;
    let old_view = detail(&h, &so, &old).await;
    assert_eq!(old_view["application"]["status"], json!({"status": "sanctioned"}));
    assert_eq!(old_view["application"]["version"], 3);
    assert_eq!(old_view["replaced_by"], Value::Null);
    assert_eq!(balance(&h, &so, "earned").await, ("27".into(), "0".into(), "27".into()));
    assert_eq!(ledger(&h, &so, "earned").await.len(), 2);

    // A withdrawn modification leaves it alone too, and the old one can be modified again.
    let body = modifying(earned(tuesday + Duration::days(1), tuesday + Duration::days(3)), &old);
    let again = id_of(&apply(&h, &so, body).await);
    act_ok(&h, &so, &again, json!({"version": 1, "action": "cancel"})).await;
    assert_eq!(detail(&h, &so, &old).await["application"]["version"], 3);
    assert_eq!(balance(&h, &so, "earned").await, ("27".into(), "0".into(), "27".into()));
}

async fn a_pending_application_modified_is_withdrawn_when_the_new_is_sanctioned(h: Harness) {
    let admin = h.login("HR9001").await;
    ensure_calendars(&h, &admin).await;
    let so = h.login("HR2001").await;
    let ds = h.login("HR2002").await;
    let secy = h.login("HR2004").await;

    // Given a pending application and a modification of it, both reserved,
    let tuesday = next(&h, 14, Weekday::Tuesday);
    let old = id_of(&apply(&h, &so, earned(tuesday, tuesday + Duration::days(2))).await);
    let body = modifying(earned(tuesday + Duration::days(1), tuesday + Duration::days(3)), &old);
    let new = id_of(&apply(&h, &so, body).await);
    assert_eq!(balance(&h, &so, "earned").await, ("30".into(), "6".into(), "24".into()));
    assert_eq!(inbox(&h, &ds, "FIN-HQ-DS").await.len(), 2);

    // when the modification is sanctioned, the old one is withdrawn and its reservation
    // released; it leaves the reporting officer's inbox.
    act_ok(&h, &ds, &new, json!({"version": 1, "action": "recommend"})).await;
    act_ok(&h, &secy, &new, json!({"version": 2, "action": "sanction"})).await;
    let withdrawn = detail(&h, &so, &old).await;
    assert_eq!(withdrawn["application"]["status"], json!({"status": "withdrawn"}));
    assert_eq!(withdrawn["replaced_by"], new.as_str());
    assert_eq!(balance(&h, &so, "earned").await, ("27".into(), "0".into(), "27".into()));
    assert!(inbox(&h, &ds, "FIN-HQ-DS").await.is_empty());
    // The old one can no longer be acted on, nor modified.
    let late = act(&h, &ds, &old, json!({"version": 1, "action": "recommend"})).await;
    assert_eq!(late.status, StatusCode::CONFLICT, "{}", late.body);
    let body = modifying(earned(tuesday + Duration::days(14), tuesday + Duration::days(15)), &old);
    let refused = h.post("/api/v1/leave/applications", &so, body).await;
    assert_eq!(refused.status, StatusCode::CONFLICT, "{}", refused.body);
    assert!(
        refused.body["detail"].as_str().unwrap().contains("has been decided"),
        "{}",
        refused.body
    );
}

async fn only_one_s_own_pending_or_unfinished_leave_can_be_modified(h: Harness) {
    let admin = h.login("HR9001").await;
    ensure_calendars(&h, &admin).await;
    let so = h.login("HR2001").await;
    let clerk = h.login("HR2003").await;
    let ds = h.login("HR2002").await;

    // Another employee may not modify the section officer's application, nor ask the what-if.
    let tuesday = next(&h, 14, Weekday::Tuesday);
    let old = id_of(&apply(&h, &so, earned(tuesday, tuesday + Duration::days(2))).await);
    let body = modifying(earned(tuesday, tuesday + Duration::days(1)), &old);
    let theirs = h.post("/api/v1/leave/applications", &clerk, body.clone()).await;
    assert_eq!(theirs.status, StatusCode::FORBIDDEN, "{}", theirs.body);
    let peek = h.post("/api/v1/leave/assess", &clerk, body).await;
    assert_eq!(peek.status, StatusCode::FORBIDDEN, "{}", peek.body);
    assert_eq!(balance(&h, &clerk, "earned").await.1, "0");

    // A rejected application cannot be modified (apply anew instead).
    act_ok(
        &h,
        &ds,
        &old,
        json!({"version": 1, "action": "reject", "reason": "Audit week."}),
    )
    .await;
    let body = modifying(earned(tuesday, tuesday + Duration::days(1)), &old);
    let decided = h.post("/api/v1/leave/applications", &so, body).await;
    assert_eq!(decided.status, StatusCode::CONFLICT, "{}", decided.body);
    assert!(
        decided.body["detail"].as_str().unwrap().contains(&old),
        "{}",
        decided.body
    );
    // An application that does not exist: 404.
    let body = modifying(earned(tuesday, tuesday + Duration::days(1)), "LV-2026-00000000DEADBEEF");
    let missing = h.post("/api/v1/leave/applications", &so, body).await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND, "{}", missing.body);
    // A malformed id: 422 naming the field.
    let body = modifying(earned(tuesday, tuesday + Duration::days(1)), "x");
    let malformed = h.post("/api/v1/leave/applications", &so, body).await;
    assert_eq!(malformed.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", malformed.body);
}

async fn the_what_if_refuses_a_clash_as_applying_would(h: Harness) {
    let admin = h.login("HR9001").await;
    ensure_calendars(&h, &admin).await;
    let so = h.login("HR2001").await;

    // Given earned leave pending from a Monday to the Friday,
    let monday = monday_within_a_year(&h, 14, 14);
    let first = id_of(&apply(&h, &so, earned(monday, monday + Duration::days(4))).await);

    // the what-if for a spell sharing its Friday is refused with the message applying gives.
    let clash = earned(monday + Duration::days(4), monday + Duration::days(7));
    let what_if = h.post("/api/v1/leave/assess", &so, clash.clone()).await;
    assert_eq!(what_if.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", what_if.body);
    let applied = h.post("/api/v1/leave/applications", &so, clash.clone()).await;
    assert_eq!(applied.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", applied.body);
    assert_eq!(what_if.body["field"], "from");
    assert_eq!(what_if.body["detail"], applied.body["detail"]);
    assert!(what_if.body["detail"].as_str().unwrap().contains(&first));

    // As a modification of that application, the clash does not count, and its reservation
    // counts as available: 30 days' worth of leave fit beside the five reserved.
    let modified = h.post("/api/v1/leave/assess", &so, modifying(clash, &first)).await;
    assert_eq!(modified.status, StatusCode::OK, "{}", modified.body);
    let whole = modifying(earned(monday, monday + Duration::days(29)), &first);
    let all_of_it = h.post("/api/v1/leave/assess", &so, whole.clone()).await;
    assert_eq!(all_of_it.status, StatusCode::OK, "{}", all_of_it.body);
    let mut plain = whole;
    plain["replaces"] = Value::Null;
    plain["from"] = json!(iso(monday + Duration::days(35)));
    plain["to"] = json!(iso(monday + Duration::days(64)));
    let over = h.post("/api/v1/leave/assess", &so, plain).await;
    assert_eq!(over.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", over.body);
    assert_eq!(over.body["field"], "kind");
}

async fn casual_leave_kept_for_a_pending_application_at_the_year_end_lapses_if_it_is_rejected(h: Harness) {
    let admin = h.login("HR9001").await;
    ensure_calendars(&h, &admin).await;
    let so = h.login("HR2001").await;

    // Given casual leave for the last two working days of December (Tuesday to Friday),
    let year = today(&h).year();
    let mut last = Date::from_calendar_date(year, time::Month::December, 31).unwrap();
    while !matches!(
        last.weekday(),
        Weekday::Tuesday | Weekday::Wednesday | Weekday::Thursday | Weekday::Friday
    ) {
        last = last.previous_day().unwrap();
    }
    let first = last.previous_day().unwrap();
    if today(&h) >= first {
        return; // Too late in the year to apply for it.
    }
    let id = id_of(&apply(&h, &so, casual(first, last, false, false)).await);
    assert_eq!(balance(&h, &so, "casual").await.1, "2");

    // still pending when the new year's credit closes this year (keeping its two days),
    let new_year = Date::from_calendar_date(year + 1, time::Month::January, 1).unwrap();
    h.clock.advance(new_year - today(&h));
    let (admin, so, ds) = (
        h.login("HR9001").await,
        h.login("HR2001").await,
        h.login("HR2002").await,
    );
    credit(&h, &admin, &format!("{}H1", year + 1)).await;
    let entries = ledger(&h, &so, "CL").await;
    let credited = entries
        .iter()
        .rev()
        .find(|e| e["movement"]["type"] == "credit")
        .map(|e| e["movement"]["amount"].as_str().unwrap().to_owned())
        .unwrap();
    let (kept, reserved, _) = balance(&h, &so, "casual").await;
    assert_eq!(reserved, "2");
    assert_ne!(kept, credited, "the reserved days were kept");

    // when it is rejected, the days kept for it lapse: only the new year's credit is left.
    act_ok(
        &h,
        &ds,
        &id,
        json!({"version": 1, "action": "reject", "reason": "Year-end closing."}),
    )
    .await;
    assert_eq!(
        balance(&h, &so, "casual").await,
        (credited.clone(), "0".into(), credited)
    );
    let entries = ledger(&h, &so, "CL").await;
    let lapse = entries.last().unwrap();
    assert_eq!(lapse["movement"], json!({"type": "lapse", "amount": "2"}));
    assert_eq!(lapse["why"]["cause"], "correction");
    assert!(lapse["why"]["remarks"].as_str().unwrap().contains(&id), "{lapse}");
}

async fn modifying_leave_already_begun_cuts_it_short_when_sanctioned(h: Harness) {
    let admin = h.login("HR9001").await;
    ensure_calendars(&h, &admin).await;
    let so = h.login("HR2001").await;
    let ds = h.login("HR2002").await;
    let secy = h.login("HR2004").await;

    // Given five days of earned leave from a Monday, sanctioned, and begun on the Tuesday,
    let monday = monday_within_a_year(&h, 14, 14);
    let old = id_of(&apply(&h, &so, earned(monday, monday + Duration::days(4))).await);
    act_ok(&h, &ds, &old, json!({"version": 1, "action": "recommend"})).await;
    act_ok(&h, &secy, &old, json!({"version": 2, "action": "sanction"})).await;
    h.clock.advance(monday + Duration::days(1) - today(&h));
    let (so, ds, secy) = (
        h.login("HR2001").await,
        h.login("HR2002").await,
        h.login("HR2004").await,
    );

    // when the officer modifies it to run from the Thursday to the Tuesday after (six days),
    let thursday = monday + Duration::days(3);
    let body = modifying(earned(thursday, thursday + Duration::days(5)), &old);
    let new = id_of(&apply(&h, &so, body).await);
    assert_eq!(balance(&h, &so, "earned").await, ("25".into(), "6".into(), "19".into()));

    // and it is sanctioned, the old leave ends on the Wednesday: two days come back, six go.
    act_ok(&h, &ds, &new, json!({"version": 1, "action": "recommend"})).await;
    act_ok(&h, &secy, &new, json!({"version": 2, "action": "sanction"})).await;
    let cut = detail(&h, &so, &old).await;
    assert_eq!(
        cut["application"]["status"],
        json!({"status": "curtailed", "to": iso(monday + Duration::days(2))})
    );
    assert_eq!(cut["replaced_by"], new.as_str());
    assert_eq!(balance(&h, &so, "earned").await, ("21".into(), "0".into(), "21".into()));
    let entries = ledger(&h, &so, "earned").await;
    assert_eq!(
        entries[2]["movement"],
        json!({"type": "reversal", "of": 2, "amount": "2"})
    );
    // The calendar shows the old spell to the Wednesday and the new one from the Thursday.
    let month = calendar(&h, &so, &format!("month={}", month_of(monday))).await;
    let shown = spells(&month.body);
    assert!(
        shown.contains(&(old.clone(), "sanctioned".into(), iso(monday + Duration::days(2)))),
        "{}",
        month.body
    );
    assert!(shown.iter().any(|(id, status, _)| id == &new && status == "sanctioned"));
}

fn devanagari(text: &str) -> bool {
    text.chars().any(|c| ('\u{0900}'..='\u{097F}').contains(&c))
}

/// The date as Hindi office orders write it, as `detail_hi` does.
fn dd_mm_yyyy(date: Date) -> String {
    format!("{:02}-{:02}-{}", date.day(), u8::from(date.month()), date.year())
}

async fn refusals_explain_themselves_in_hindi_too(h: Harness) {
    let admin = h.login("HR9001").await;
    ensure_calendars(&h, &admin).await;
    let so = h.login("HR2001").await;

    // Given earned leave pending from a Monday to the Friday,
    let monday = monday_within_a_year(&h, 14, 14);
    let first = id_of(&apply(&h, &so, earned(monday, monday + Duration::days(4))).await);

    // a spell sharing its Friday is refused in English and in Hindi, naming the same application
    // and its dates as Hindi offices write them.
    let clash = earned(monday + Duration::days(4), monday + Duration::days(7));
    let refused = h.post("/api/v1/leave/applications", &so, clash).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", refused.body);
    let hindi = refused.body["detail_hi"].as_str().unwrap_or_default();
    assert!(devanagari(hindi), "{}", refused.body);
    assert!(hindi.contains(&first) && hindi.contains(&dd_mm_yyyy(monday)), "{hindi}");
    assert!(hindi.contains("अर्जित अवकाश"), "{hindi}");

    // More than the balance leaves is refused in Hindi too, on the what-if as on applying.
    let over = earned(monday + Duration::days(35), monday + Duration::days(64));
    let what_if = h.post("/api/v1/leave/assess", &so, over).await;
    assert_eq!(what_if.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", what_if.body);
    assert_eq!(what_if.body["field"], "kind");
    let hindi = what_if.body["detail_hi"].as_str().unwrap_or_default();
    assert!(devanagari(hindi) && hindi.contains("उपलब्ध"), "{}", what_if.body);

    // A problem the server has no Hindi for carries none.
    let missing = h.get("/api/v1/leave/applications/LV0000000000", &so).await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND, "{}", missing.body);
    assert!(missing.body.get("detail_hi").is_none(), "{}", missing.body);
}
