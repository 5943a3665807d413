//! Acting charge and the alternate approver through the API on a real store: a colleague holds
//! an officer's post for the spell of their sanctioned leave and acts there under their own
//! name, losing it when the leave ends; the refusals; and an alternate who may act (and sees
//! the application) only while the step's approver is away.

mod common;

use axum::http::{Method, StatusCode};
use common::leave::{act, act_ok, application_id, apply, iso, next, today};
use common::Harness;
use daftar_store::{Condition, Item, Write};
use serde_json::{json, Value};
use time::{Date, Duration, Weekday};

on_both_backends!(
    a_colleague_holds_the_post_for_the_spell_and_acts_under_their_own_name,
    acting_charge_is_refused_when_it_should_be,
    the_alternate_acts_only_while_the_approver_is_away,
);

/// Moves the test clock forward to `day`, keeping the time of day.
fn travel_to(h: &Harness, day: Date) {
    let days = (day - today(h)).whole_days();
    assert!(days >= 0, "the clock only moves forward");
    h.clock.advance(Duration::days(days));
    assert_eq!(today(h), day);
}

/// Makes sure Haryana has a calendar for this year and the next (the seed has 2026's only).
async fn ensure_calendars(h: &Harness, admin: &str) {
    let year = today(h).year();
    for year in [year, year + 1] {
        let path = format!("/api/v1/leave/holidays/HR/{year}");
        if h.get(&path, admin).await.status == StatusCode::NOT_FOUND {
            let weekends = json!([{"kind": "every", "weekday": "Saturday"}, {"kind": "every", "weekday": "Sunday"}]);
            let body = json!({"expected_version": null, "weekly_offs": weekends, "holidays": []});
            let reply = h.request(Method::PUT, &path, Some(admin), Some(body), &[]).await;
            assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
        }
    }
}

fn earned(from: Date, to: Date) -> Value {
    json!({"kind": "earned", "from": iso(from), "to": iso(to), "reason": "Family wedding at Hisar", "address": "House 12, Sector 14, Hisar"})
}

/// Five days of earned leave for the Finance section officer (HR2001, FIN-HQ-SO), from a Monday
/// at least two weeks away, recommended by the Deputy Secretary and sanctioned by the
/// Secretary. Returns the application ID and the first day.
async fn sanctioned_leave(h: &Harness) -> (String, Date) {
    let admin = h.login("HR9001").await;
    ensure_calendars(h, &admin).await;
    let so = h.login("HR2001").await;
    let ds = h.login("HR2002").await;
    let secy = h.login("HR2004").await;
    let from = next(h, 14, Weekday::Monday);
    let id = application_id(&apply(h, &so, earned(from, from + Duration::days(4))).await);
    act_ok(h, &ds, &id, json!({"version": 1, "action": "recommend"})).await;
    let done = act_ok(h, &secy, &id, json!({"version": 2, "action": "sanction"})).await;
    assert_eq!(done["application"]["status"]["status"], "sanctioned");
    (id, from)
}

async fn give(h: &Harness, cookie: &str, id: &str, body: Value) -> common::Reply {
    h.post(&format!("/api/v1/leave/applications/{id}/acting"), cookie, body)
        .await
}

async fn me(h: &Harness, cookie: &str) -> Value {
    let reply = h.get("/api/v1/auth/me", cookie).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    reply.body
}

fn posts_of(me: &Value) -> Vec<String> {
    me["posts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["id"].as_str().unwrap().to_owned())
        .collect()
}

fn send(version: &Value, to: &str) -> Value {
    json!({ "version": version, "action": "send", "to_post": to, "remarks": "For orders please.", "priority": "urgent" })
}

async fn a_colleague_holds_the_post_for_the_spell_and_acts_under_their_own_name(h: Harness) {
    // Given the section officer's sanctioned leave, and a file waiting at his post.
    let (id, from) = sanctioned_leave(&h).await;
    let last = from + Duration::days(4);
    let so = h.login("HR2001").await;
    let file = h
        .post(
            "/api/v1/files",
            &so,
            json!({ "at_post": "FIN-HQ-SO", "subject": "Grants to municipal committees", "category": "budget", "head": "BUDGET" }),
        )
        .await;
    assert_eq!(file.status, StatusCode::CREATED, "{}", file.body);
    let file_id = file.body["id"].as_str().unwrap().to_owned();
    let moves = format!("/api/v1/files/{file_id}/move");

    // When he gives his post to Mohan Lal for the spell.
    let given = give(&h, &so, &id, json!({"employee_id": "HR2003", "version": 3})).await;
    assert_eq!(given.status, StatusCode::CREATED, "{}", given.body);
    let charge = &given.body;
    assert_eq!(charge["post"]["id"], "FIN-HQ-SO");
    assert_eq!(charge["holder"], "HR2003");
    assert_eq!(charge["holder_name_en"], "Mohan Lal");
    assert_eq!(charge["on_leave"], "HR2001");
    assert_eq!(charge["on_leave_name_en"], "Rajesh Verma");
    assert_eq!(charge["granted_by"], "HR2001");
    assert_eq!(
        (charge["from"].as_str(), charge["to"].as_str()),
        (Some(&*iso(from)), Some(&*iso(last)))
    );
    let shown = h.get(&format!("/api/v1/leave/applications/{id}/acting"), &so).await;
    assert_eq!(shown.status, StatusCode::OK, "{}", shown.body);
    assert_eq!(shown.body["charge"]["holder"], "HR2003");

    // Then before the leave begins the colleague has nothing more than his own desk.
    let clerk = h.login("HR2003").await;
    let before = me(&h, &clerk).await;
    assert_eq!(before["acting"], json!([]));
    assert_eq!(posts_of(&before), ["FIN-HQ-CRU"]);
    let early = h.post(&moves, &clerk, send(&json!(1), "FIN-HQ-DS")).await;
    assert_eq!(early.status, StatusCode::FORBIDDEN, "{}", early.body);

    // On the first day of the leave he holds the post, and /me says whose and until when.
    travel_to(&h, from);
    let clerk = h.login("HR2003").await;
    let during = me(&h, &clerk).await;
    assert_eq!(posts_of(&during), ["FIN-HQ-CRU", "FIN-HQ-SO"]);
    let acting = during["acting"].as_array().unwrap();
    assert_eq!(acting.len(), 1, "{during}");
    assert_eq!(acting[0]["post"]["id"], "FIN-HQ-SO");
    assert_eq!(acting[0]["on_leave_name_en"], "Rajesh Verma");
    assert_eq!(acting[0]["to"], iso(last));
    // He sees the post's desk and sends the waiting file on.
    let desk = h.get("/api/v1/posts/FIN-HQ-SO/files?view=inbox", &clerk).await;
    assert_eq!(desk.status, StatusCode::OK, "{}", desk.body);
    let sent = h.post(&moves, &clerk, send(&json!(1), "FIN-HQ-DS")).await;
    assert_eq!(sent.status, StatusCode::OK, "{}", sent.body);
    // The history names him, not the officer on leave, as having acted at the post.
    let history = h
        .get(&format!("/api/v1/files/{file_id}/history?limit=100"), &clerk)
        .await;
    assert_eq!(history.status, StatusCode::OK, "{}", history.body);
    let last_entry = history.body["items"].as_array().unwrap().last().unwrap().clone();
    assert_eq!(last_entry["event"]["kind"]["type"], "sent");
    assert_eq!(last_entry["event"]["by"], "HR2003");
    assert_eq!(last_entry["event"]["at_post"], "FIN-HQ-SO");
    assert_eq!(last_entry["by_name_en"], "Mohan Lal");

    // The Deputy Secretary returns it to the section officer's desk.
    let ds = h.login("HR2002").await;
    let version = sent.body["version"].clone();
    let back = h.post(&moves, &ds, send(&version, "FIN-HQ-SO")).await;
    assert_eq!(back.status, StatusCode::OK, "{}", back.body);

    // When the leave is over the charge has ended by itself.
    travel_to(&h, last + Duration::days(1));
    let clerk = h.login("HR2003").await;
    let after = me(&h, &clerk).await;
    assert_eq!(after["acting"], json!([]));
    assert_eq!(posts_of(&after), ["FIN-HQ-CRU"]);
    let late = h.post(&moves, &clerk, send(&back.body["version"], "FIN-HQ-DS")).await;
    assert_eq!(late.status, StatusCode::FORBIDDEN, "{}", late.body);
}

async fn acting_charge_is_refused_when_it_should_be(h: Harness) {
    let admin = h.login("HR9001").await;
    ensure_calendars(&h, &admin).await;
    let so = h.login("HR2001").await;
    let ds = h.login("HR2002").await;
    let secy = h.login("HR2004").await;
    let cmo = h.login("HR3001").await;

    // Not while the leave is pending.
    let from = next(&h, 14, Weekday::Monday);
    let id = application_id(&apply(&h, &so, earned(from, from + Duration::days(4))).await);
    let pending = give(&h, &so, &id, json!({"employee_id": "HR2003"})).await;
    assert_eq!(pending.status, StatusCode::CONFLICT, "{}", pending.body);
    assert_eq!(pending.body["code"], "wrong_state");
    act_ok(&h, &ds, &id, json!({"version": 1, "action": "recommend"})).await;
    act_ok(&h, &secy, &id, json!({"version": 2, "action": "sanction"})).await;

    // Bad colleagues and strangers.
    let cases = [
        (
            &so,
            json!({"employee_id": "HR7777"}),
            StatusCode::UNPROCESSABLE_ENTITY,
            "no such colleague",
        ),
        (
            &so,
            json!({"employee_id": "not an id!"}),
            StatusCode::UNPROCESSABLE_ENTITY,
            "malformed ID",
        ),
        (
            &so,
            json!({"employee_id": "HR2001"}),
            StatusCode::UNPROCESSABLE_ENTITY,
            "the applicant",
        ),
        (&so, json!({}), StatusCode::UNPROCESSABLE_ENTITY, "no colleague named"),
        (
            &so,
            json!({"employee_id": "HR2003", "version": 2}),
            StatusCode::CONFLICT,
            "stale version",
        ),
        (
            &cmo,
            json!({"employee_id": "HR2003"}),
            StatusCode::FORBIDDEN,
            "a stranger",
        ),
        (
            &ds,
            json!({"employee_id": "HR2003"}),
            StatusCode::FORBIDDEN,
            "the recommending officer",
        ),
    ];
    for (cookie, body, status, why) in cases {
        let reply = give(&h, cookie, &id, body).await;
        assert_eq!(reply.status, status, "{why}: {}", reply.body);
    }
    let refused = give(&h, &so, &id, json!({"employee_id": "HR2001"})).await;
    assert_eq!(refused.body["field"], "employee_id");
    let unknown = give(&h, &so, "LV-2026-FFFFFFFFFFFFFFFF", json!({"employee_id": "HR2003"})).await;
    assert_eq!(unknown.status, StatusCode::NOT_FOUND, "{}", unknown.body);
    let none = h
        .request(
            Method::DELETE,
            &format!("/api/v1/leave/applications/{id}/acting"),
            Some(&so),
            None,
            &[],
        )
        .await;
    assert_eq!(none.status, StatusCode::NOT_FOUND, "{}", none.body);

    // The sanctioning officer may give it; a second charge for the same leave is a conflict.
    let given = give(&h, &secy, &id, json!({"employee_id": "HR2003"})).await;
    assert_eq!(given.status, StatusCode::CREATED, "{}", given.body);
    assert_eq!(given.body["granted_by"], "HR2004");
    let again = give(&h, &so, &id, json!({"employee_id": "HR3001"})).await;
    assert_eq!(again.status, StatusCode::CONFLICT, "{}", again.body);
    // A stranger cannot withdraw it; the applicant can, and before it begins nothing is left.
    let stranger = h
        .request(
            Method::DELETE,
            &format!("/api/v1/leave/applications/{id}/acting"),
            Some(&cmo),
            None,
            &[],
        )
        .await;
    assert_eq!(stranger.status, StatusCode::FORBIDDEN, "{}", stranger.body);
    let ended = h
        .post(&format!("/api/v1/leave/applications/{id}/acting/end"), &so, json!({}))
        .await;
    assert_eq!(ended.status, StatusCode::OK, "{}", ended.body);
    assert_eq!(ended.body["charge"], Value::Null);

    // Another charge already on the post for those days (say, from another spell) is a conflict.
    let mut other = given.body.clone();
    other["application"] = json!("LV-2026-00000000000000AA");
    other["from"] = json!(iso(from + Duration::days(2)));
    let other_key = daftar_api::keys::acting_charge(
        &daftar_domain::PostId::parse("FIN-HQ-SO").unwrap(),
        from + Duration::days(2),
        &daftar_domain::leave::ApplicationId::parse("LV-2026-00000000000000AA").unwrap(),
    );
    let put = |item: Item| Write::Put {
        item,
        condition: Condition::None,
    };
    h.store.write(put(Item::new(other_key.clone(), other))).await.unwrap();
    let overlapping = give(&h, &so, &id, json!({"employee_id": "HR3001"})).await;
    assert_eq!(overlapping.status, StatusCode::CONFLICT, "{}", overlapping.body);
    assert!(
        overlapping.body.to_string().contains("already under acting charge"),
        "{}",
        overlapping.body
    );
    h.store
        .write(Write::Delete {
            key: other_key,
            condition: Condition::None,
        })
        .await
        .unwrap();
    // Once that is gone, another colleague can be given it.
    let regiven = give(&h, &so, &id, json!({"employee_id": "HR3001"})).await;
    assert_eq!(regiven.status, StatusCode::CREATED, "{}", regiven.body);

    // Cancelling the leave before it begins takes the charge with it.
    // (Giving and withdrawing acting charge leave the application at its sanctioned version.)
    act_ok(&h, &so, &id, json!({"version": 3, "action": "cancel"})).await;
    let shown = h.get(&format!("/api/v1/leave/applications/{id}/acting"), &so).await;
    assert_eq!(shown.status, StatusCode::OK, "{}", shown.body);
    assert_eq!(shown.body["charge"], Value::Null);
    let cancelled = give(&h, &so, &id, json!({"employee_id": "HR2003"})).await;
    assert_eq!(cancelled.status, StatusCode::CONFLICT, "{}", cancelled.body);
    travel_to(&h, from);
    let kavita = h.login("HR3001").await;
    assert_eq!(me(&h, &kavita).await["acting"], json!([]));

    // A spell that is over cannot be given.
    let (over, over_from) = sanctioned_leave(&h).await;
    travel_to(&h, over_from + Duration::days(7));
    let so = h.login("HR2001").await;
    let late = give(&h, &so, &over, json!({"employee_id": "HR2003"})).await;
    assert_eq!(late.status, StatusCode::CONFLICT, "{}", late.body);
    assert!(late.body.to_string().contains("already over"), "{}", late.body);
}

async fn the_alternate_acts_only_while_the_approver_is_away(h: Harness) {
    // Given the section officer's sanctioned leave, and Kavita Yadav (CMO-HQ-SO) set as the
    // alternate of the clerk's reporting officer (the section officer).
    let (_, from) = sanctioned_leave(&h).await;
    let officers = json!({
        "reporting": "FIN-HQ-SO",
        "controlling": "FIN-HQ-DS",
        "establishment": "FIN-HQ-SECY",
        "reporting_alternate": "CMO-HQ-SO"
    });
    h.store
        .write(Write::Put {
            item: Item::new(
                daftar_api::keys::leave_officers(&daftar_domain::PostId::parse("FIN-HQ-CRU").unwrap()),
                officers,
            ),
            condition: Condition::None,
        })
        .await
        .unwrap();

    // The clerk applies for leave three weeks after the officer's.
    let clerk = h.login("HR2003").await;
    let later = from + Duration::days(21);
    let id = application_id(&apply(&h, &clerk, earned(later, later + Duration::days(4))).await);
    let kavita = h.login("HR3001").await;
    let so = h.login("HR2001").await;

    // While the section officer is at his post, the alternate is refused and sees nothing.
    let refused = act(&h, &kavita, &id, json!({"version": 1, "action": "recommend"})).await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN, "{}", refused.body);
    assert!(refused.body.to_string().contains("away"), "{}", refused.body);
    let inbox = h.get("/api/v1/leave/inbox?post=CMO-HQ-SO", &kavita).await;
    assert_eq!(inbox.status, StatusCode::OK, "{}", inbox.body);
    assert_eq!(inbox.body["items"], json!([]));
    let theirs = h.get("/api/v1/leave/inbox?post=FIN-HQ-SO", &so).await;
    assert_eq!(theirs.body["items"].as_array().unwrap().len(), 1, "{}", theirs.body);

    // When he is on leave, the application is in the alternate's inbox and she may act.
    travel_to(&h, from + Duration::days(1));
    let kavita = h.login("HR3001").await;
    let inbox = h.get("/api/v1/leave/inbox?post=CMO-HQ-SO", &kavita).await;
    assert_eq!(inbox.status, StatusCode::OK, "{}", inbox.body);
    let items = inbox.body["items"].as_array().unwrap();
    assert_eq!(items.len(), 1, "{}", inbox.body);
    assert_eq!(items[0]["application"]["id"], id.as_str());
    assert_eq!(items[0]["balance"]["kind"], "earned");
    let done = act_ok(&h, &kavita, &id, json!({"version": 1, "action": "recommend"})).await;
    assert_eq!(done["last_event"]["by"], "HR3001");
    assert_eq!(done["last_event"]["at_post"], "CMO-HQ-SO");
    assert_eq!(done["last_event"]["as_alternate"], true);
    assert_eq!(done["application"]["status"], json!({"status": "pending", "step": 1}));
    // It has moved on: gone from her inbox, waiting for the Deputy Secretary.
    let inbox = h.get("/api/v1/leave/inbox?post=CMO-HQ-SO", &kavita).await;
    assert_eq!(inbox.body["items"], json!([]));
    let ds = h.login("HR2002").await;
    let next_inbox = h.get("/api/v1/leave/inbox?post=FIN-HQ-DS", &ds).await;
    assert_eq!(
        next_inbox.body["items"].as_array().unwrap().len(),
        1,
        "{}",
        next_inbox.body
    );
}
