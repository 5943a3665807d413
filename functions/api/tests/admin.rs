//! Administering the organisation through the API on a real store: new departments, offices,
//! sections and posts that appear wherever the seeded ones do, renames with versions, abolishing
//! posts, roles, who may do what, and the audit log of every change.

mod common;

use axum::http::{Method, StatusCode};
use common::{Harness, Reply};
use daftar_store::{Condition, Item, Key, Write};
use serde_json::{json, Value};

on_both_backends!(
    a_new_department_office_section_and_post_appear_in_the_directory,
    renames_need_the_current_version_and_one_of_two_racing_renames_wins,
    an_office_rename_reaches_its_posts_and_their_holders,
    only_administrators_change_the_organisation,
    bad_forms_are_refused_naming_the_field,
    only_a_vacant_post_with_an_empty_inbox_is_abolished,
    roles_change_from_the_next_request_and_no_one_drops_their_own_admin_role,
    every_change_is_in_the_audit_log_with_before_and_after,
    setting_leave_rules_and_holidays_is_audited,
    a_new_post_s_leave_officers_let_its_holder_apply_for_leave,
    leave_officers_are_checked_refused_to_others_and_audited,
);

const ADMIN: &str = "HR9001";
/// A Finance section officer, not an administrator.
const OFFICER: &str = "HR2001";

async fn put(h: &Harness, path: &str, cookie: &str, body: Value) -> Reply {
    h.request(Method::PUT, path, Some(cookie), Some(body), &[]).await
}

async fn delete(h: &Harness, path: &str, cookie: &str) -> Reply {
    h.request(Method::DELETE, path, Some(cookie), None, &[]).await
}

fn department(code: &str, name_en: &str) -> Value {
    json!({"code": code, "name_en": name_en, "name_hi": "कृषि", "kind": "department"})
}

fn rename(version: u64, name_en: &str, name_hi: &str) -> Value {
    json!({"version": version, "name_en": name_en, "name_hi": name_hi})
}

/// Creates department AGR with headquarters AGR-HQ, its Budget section and a vacant post
/// AGR-HQ-SO-BUDGET; returns the post's view.
async fn build_agriculture(h: &Harness, admin: &str) -> Value {
    let dept = h
        .post("/api/v1/admin/departments", admin, department("agr", "Agriculture"))
        .await;
    assert_eq!(dept.status, StatusCode::CREATED, "{}", dept.body);
    // Audit entries of one instant are in no particular order; these follow each other.
    h.clock.advance(time::Duration::seconds(1));
    let office = h
        .post(
            "/api/v1/admin/departments/AGR/offices",
            admin,
            json!({"code": "AGR-HQ", "name_en": "Agriculture, Headquarters", "name_hi": "कृषि, मुख्यालय"}),
        )
        .await;
    assert_eq!(office.status, StatusCode::CREATED, "{}", office.body);
    // Audit entries of one instant are in no particular order; these follow each other.
    h.clock.advance(time::Duration::seconds(1));
    let section = h
        .post(
            "/api/v1/admin/offices/AGR-HQ/sections",
            admin,
            json!({"code": "budget", "name_en": "Budget Branch", "name_hi": "बजट शाखा"}),
        )
        .await;
    assert_eq!(section.status, StatusCode::CREATED, "{}", section.body);
    // Audit entries of one instant are in no particular order; these follow each other.
    h.clock.advance(time::Duration::seconds(1));
    let post = h
        .post(
            "/api/v1/admin/offices/AGR-HQ/posts",
            admin,
            json!({"id": "AGR-HQ-SO-BUDGET", "section": "BUDGET",
                "title_en": "Section Officer (Budget)", "title_hi": "अनुभाग अधिकारी (बजट)"}),
        )
        .await;
    assert_eq!(post.status, StatusCode::CREATED, "{}", post.body);
    post.body
}

async fn a_new_department_office_section_and_post_appear_in_the_directory(h: Harness) {
    let admin = h.login(ADMIN).await;
    let post = build_agriculture(&h, &admin).await;
    assert_eq!(post["post"]["section"], "AGR-HQ-BUDGET");
    assert_eq!(post["post"]["dept"], "AGR");
    assert_eq!(post["office_name_en"], "Agriculture, Headquarters");
    assert_eq!(post["holder_name_en"], Value::Null);
    assert_eq!(post["version"], 1);

    // Everyone's directory shows them as it shows the seeded ones.
    let officer = h.login(OFFICER).await;
    let departments = h.get("/api/v1/org/departments", &officer).await;
    assert!(departments.body["departments"]
        .as_array()
        .unwrap()
        .iter()
        .any(|d| d["code"] == "AGR" && d["name_en"] == "Agriculture"));
    let offices = h.get("/api/v1/org/departments/AGR/offices", &officer).await;
    assert_eq!(offices.body["offices"][0]["code"], "AGR-HQ", "{}", offices.body);
    assert_eq!(offices.body["offices"][0]["kind"], "headquarters");
    let posts = h.get("/api/v1/org/offices/AGR-HQ/posts", &officer).await;
    assert_eq!(posts.status, StatusCode::OK, "{}", posts.body);
    let listed = posts.body["posts"].as_array().unwrap();
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0]["id"], "AGR-HQ-SO-BUDGET");
    assert_eq!(listed[0]["title_en"], "Section Officer (Budget)");

    // And the administrator's lists, with versions.
    let sections = h.get("/api/v1/admin/offices/AGR-HQ/sections", &admin).await;
    assert_eq!(sections.status, StatusCode::OK, "{}", sections.body);
    assert_eq!(sections.body["sections"][0]["section"]["code"], "AGR-HQ-BUDGET");
    assert_eq!(sections.body["sections"][0]["version"], 1);
    let admin_posts = h.get("/api/v1/admin/offices/AGR-HQ/posts", &admin).await;
    assert_eq!(admin_posts.body["posts"][0]["post"]["id"], "AGR-HQ-SO-BUDGET");
    let admin_offices = h.get("/api/v1/admin/departments/AGR/offices", &admin).await;
    assert_eq!(admin_offices.body["offices"][0]["office"]["code"], "AGR-HQ");
    let admin_departments = h.get("/api/v1/admin/departments", &admin).await;
    assert!(admin_departments.body["departments"]
        .as_array()
        .unwrap()
        .iter()
        .any(|d| d["department"]["code"] == "AGR" && d["version"] == 1));

    // The control room counts the new office and section like any other.
    let screen = h.login("HR4001").await;
    let control = h.get("/api/v1/control/offices/AGR-HQ", &screen).await;
    assert_eq!(control.status, StatusCode::OK, "{}", control.body);
    let section_page = h
        .get("/api/v1/control/offices/AGR-HQ/sections/AGR-HQ-BUDGET", &screen)
        .await;
    assert_eq!(section_page.status, StatusCode::OK, "{}", section_page.body);

    // Codes are taken once.
    let again = h
        .post("/api/v1/admin/departments", &admin, department("AGR", "Agriculture"))
        .await;
    assert_eq!(again.status, StatusCode::CONFLICT, "{}", again.body);
    let office_again = h
        .post(
            "/api/v1/admin/departments/AGR/offices",
            &admin,
            json!({"code": "FIN-HQ", "name_en": "Another", "name_hi": "अन्य"}),
        )
        .await;
    assert_eq!(office_again.status, StatusCode::CONFLICT, "{}", office_again.body);
    let post_again = h
        .post(
            "/api/v1/admin/offices/AGR-HQ/posts",
            &admin,
            json!({"id": "AGR-HQ-SO-BUDGET", "section": "BUDGET", "title_en": "Again", "title_hi": "फिर"}),
        )
        .await;
    assert_eq!(post_again.status, StatusCode::CONFLICT, "{}", post_again.body);

    // An office of a department that does not exist is not found.
    let nowhere = h
        .post(
            "/api/v1/admin/departments/NOPE/offices",
            &admin,
            json!({"code": "NOPE-HQ", "name_en": "Nowhere", "name_hi": "कहीं नहीं"}),
        )
        .await;
    assert_eq!(nowhere.status, StatusCode::NOT_FOUND, "{}", nowhere.body);
}

async fn renames_need_the_current_version_and_one_of_two_racing_renames_wins(h: Harness) {
    let admin = h.login(ADMIN).await;
    let renamed = put(
        &h,
        "/api/v1/admin/departments/FIN",
        &admin,
        rename(1, "Finance and Planning", "वित्त एवं योजना"),
    )
    .await;
    assert_eq!(renamed.status, StatusCode::OK, "{}", renamed.body);
    assert_eq!(
        (&renamed.body["department"]["name_en"], &renamed.body["version"]),
        (&json!("Finance and Planning"), &json!(2))
    );
    let stale = put(
        &h,
        "/api/v1/admin/departments/FIN",
        &admin,
        rename(1, "Finance", "वित्त"),
    )
    .await;
    assert_eq!(stale.status, StatusCode::CONFLICT, "{}", stale.body);
    assert_eq!(stale.body["current_version"], 2);
    assert!(stale.body["detail_hi"].is_string());

    // Two administrators rename the same section at once: exactly one wins.
    let path = "/api/v1/admin/sections/DC-GGN-GEN";
    let (a, b) = tokio::join!(
        put(&h, path, &admin, rename(1, "General Branch A", "सामान्य शाखा क")),
        put(&h, path, &admin, rename(1, "General Branch B", "सामान्य शाखा ख")),
    );
    let mut statuses = vec![a.status, b.status];
    statuses.sort();
    assert_eq!(
        statuses,
        vec![StatusCode::OK, StatusCode::CONFLICT],
        "{} / {}",
        a.body,
        b.body
    );
    let winner = if a.status == StatusCode::OK { &a } else { &b };
    let sections = h.get("/api/v1/admin/offices/DC-GGN/sections", &admin).await;
    let general = sections.body["sections"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["section"]["code"] == "DC-GGN-GEN")
        .unwrap()
        .clone();
    assert_eq!(general["section"]["name_en"], winner.body["section"]["name_en"]);
    assert_eq!(general["version"], 2);

    // Posts too.
    let post = put(
        &h,
        "/api/v1/admin/posts/DC-GGN-ADC",
        &admin,
        json!({"version": 1, "section": "CR", "title_en": "Additional DC", "title_hi": "अतिरिक्त उपायुक्त"}),
    )
    .await;
    assert_eq!(post.status, StatusCode::OK, "{}", post.body);
    assert_eq!(
        (&post.body["post"]["section"], &post.body["version"]),
        (&json!("DC-GGN-CR"), &json!(2))
    );
    let stale_post = put(
        &h,
        "/api/v1/admin/posts/DC-GGN-ADC",
        &admin,
        json!({"version": 1, "section": "GEN", "title_en": "ADC", "title_hi": "एडीसी"}),
    )
    .await;
    assert_eq!(stale_post.status, StatusCode::CONFLICT, "{}", stale_post.body);

    // An unknown section is not found.
    let missing = put(
        &h,
        "/api/v1/admin/sections/DC-GGN-NOPE",
        &admin,
        rename(1, "Nope", "नहीं"),
    )
    .await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND, "{}", missing.body);
}

async fn an_office_rename_reaches_its_posts_and_their_holders(h: Harness) {
    let admin = h.login(ADMIN).await;
    let renamed = put(
        &h,
        "/api/v1/admin/offices/FIN-HQ",
        &admin,
        rename(1, "Finance Secretariat", "वित्त सचिवालय"),
    )
    .await;
    assert_eq!(renamed.status, StatusCode::OK, "{}", renamed.body);
    assert_eq!(renamed.body["office"]["kind"], "headquarters");
    assert_eq!(renamed.body["version"], 2);
    let officer = h.login(OFFICER).await;
    let posts = h.get("/api/v1/org/offices/FIN-HQ/posts", &officer).await;
    for post in posts.body["posts"].as_array().unwrap() {
        assert_eq!(post["office_name_en"], "Finance Secretariat", "{post}");
    }
    let me = h.get("/api/v1/auth/me", &officer).await;
    assert_eq!(
        me.body["posts"][0]["office_name_en"], "Finance Secretariat",
        "{}",
        me.body
    );
    assert_eq!(me.body["posts"][0]["office_name_hi"], "वित्त सचिवालय");
    let offices = h.get("/api/v1/org/departments/FIN/offices", &officer).await;
    assert_eq!(offices.body["offices"][0]["name_en"], "Finance Secretariat");

    // A post's new title reaches its holder too.
    let retitled = put(
        &h,
        "/api/v1/admin/posts/FIN-HQ-SO",
        &admin,
        json!({"version": 2, "section": "FIN-HQ-GEN", "title_en": "Section Officer (Budget)", "title_hi": "अनुभाग अधिकारी (बजट)"}),
    )
    .await;
    assert_eq!(retitled.status, StatusCode::OK, "{}", retitled.body);
    assert_eq!(retitled.body["post"]["holder"], OFFICER);
    assert_eq!(retitled.body["holder_name_en"], "Rajesh Verma");
    let me = h.get("/api/v1/auth/me", &officer).await;
    assert_eq!(me.body["posts"][0]["title_en"], "Section Officer (Budget)");
}

async fn only_administrators_change_the_organisation(h: Harness) {
    let officer = h.login(OFFICER).await;
    let refusals = [
        (Method::GET, "/api/v1/admin/departments", None),
        (
            Method::POST,
            "/api/v1/admin/departments",
            Some(department("AGR", "Agriculture")),
        ),
        (Method::PUT, "/api/v1/admin/departments/FIN", Some(rename(1, "F", "व"))),
        (Method::GET, "/api/v1/admin/departments/FIN/offices", None),
        (
            Method::POST,
            "/api/v1/admin/departments/FIN/offices",
            Some(json!({"code": "FIN-X", "name_en": "X", "name_hi": "क"})),
        ),
        (Method::PUT, "/api/v1/admin/offices/FIN-HQ", Some(rename(1, "F", "व"))),
        (Method::GET, "/api/v1/admin/offices/FIN-HQ/sections", None),
        (
            Method::POST,
            "/api/v1/admin/offices/FIN-HQ/sections",
            Some(json!({"code": "X", "name_en": "X", "name_hi": "क"})),
        ),
        (
            Method::PUT,
            "/api/v1/admin/sections/FIN-HQ-GEN",
            Some(rename(1, "G", "स")),
        ),
        (Method::GET, "/api/v1/admin/offices/FIN-HQ/posts", None),
        (
            Method::POST,
            "/api/v1/admin/offices/FIN-HQ/posts",
            Some(json!({"id": "FIN-HQ-X", "section": "GEN", "title_en": "X", "title_hi": "क"})),
        ),
        (
            Method::PUT,
            "/api/v1/admin/posts/FIN-HQ-DA",
            Some(json!({"version": 1, "section": "GEN", "title_en": "X", "title_hi": "क"})),
        ),
        (Method::DELETE, "/api/v1/admin/posts/FIN-HQ-DA?version=1", None),
        (Method::GET, "/api/v1/admin/posts/FIN-HQ-DA/leave-officers", None),
        (
            Method::PUT,
            "/api/v1/admin/posts/FIN-HQ-DA/leave-officers",
            Some(
                json!({"version": 1, "reporting": "FIN-HQ-SO", "controlling": "FIN-HQ-DS", "establishment": "FIN-HQ-SECY"}),
            ),
        ),
        (Method::GET, "/api/v1/admin/employees/HR2001/roles", None),
        (
            Method::PUT,
            "/api/v1/admin/employees/HR2001/roles",
            Some(json!({"version": 1, "roles": ["employee", "admin"]})),
        ),
    ];
    for (method, path, body) in refusals {
        let reply = h.request(method.clone(), path, Some(&officer), body, &[]).await;
        assert_eq!(reply.status, StatusCode::FORBIDDEN, "{method} {path}: {}", reply.body);
        assert!(reply.body["detail_hi"].is_string(), "{method} {path}");
    }
    // Nothing changed, and nothing was logged.
    let admin = h.login(ADMIN).await;
    let roles = h.get("/api/v1/admin/employees/HR2001/roles", &admin).await;
    assert_eq!(roles.body["roles"], json!(["employee"]));
    let post = h.get("/api/v1/admin/offices/FIN-HQ/posts", &admin).await;
    assert!(post.body["posts"]
        .as_array()
        .unwrap()
        .iter()
        .any(|p| p["post"]["id"] == "FIN-HQ-DA"));
    let log = h.get("/api/v1/admin/audit", &admin).await;
    assert_eq!(log.body["items"], json!([]), "{}", log.body);
    // Without a session, 401.
    let anonymous = h
        .request(Method::GET, "/api/v1/admin/departments", None, None, &[])
        .await;
    assert_eq!(anonymous.status, StatusCode::UNAUTHORIZED);

    // Every route is in the OpenAPI document, with its forms and views.
    let openapi = h.request(Method::GET, "/api/openapi.json", None, None, &[]).await;
    for (path, method) in [
        ("/api/v1/admin/departments", "get"),
        ("/api/v1/admin/departments", "post"),
        ("/api/v1/admin/departments/{dept}", "put"),
        ("/api/v1/admin/departments/{dept}/offices", "get"),
        ("/api/v1/admin/departments/{dept}/offices", "post"),
        ("/api/v1/admin/offices/{office}", "put"),
        ("/api/v1/admin/offices/{office}/sections", "get"),
        ("/api/v1/admin/offices/{office}/sections", "post"),
        ("/api/v1/admin/sections/{section}", "put"),
        ("/api/v1/admin/offices/{office}/posts", "get"),
        ("/api/v1/admin/offices/{office}/posts", "post"),
        ("/api/v1/admin/posts/{post}", "put"),
        ("/api/v1/admin/posts/{post}", "delete"),
        ("/api/v1/admin/posts/{post}/leave-officers", "get"),
        ("/api/v1/admin/posts/{post}/leave-officers", "put"),
        ("/api/v1/admin/employees/{id}/roles", "get"),
        ("/api/v1/admin/employees/{id}/roles", "put"),
    ] {
        assert!(openapi.body["paths"][path].get(method).is_some(), "{method} {path}");
    }
    for schema in [
        "DepartmentForm",
        "PostEditForm",
        "RolesForm",
        "PostView",
        "RolesView",
        "LeaveOfficersForm",
        "LeaveOfficersView",
        "LeaveOfficers",
    ] {
        assert!(openapi.body["components"]["schemas"].get(schema).is_some(), "{schema}");
    }
}

async fn bad_forms_are_refused_naming_the_field(h: Harness) {
    let admin = h.login(ADMIN).await;
    let cases: Vec<(Method, &str, Value, &str)> = vec![
        (
            Method::POST,
            "/api/v1/admin/departments",
            department("A", "Agriculture"),
            "code",
        ),
        (
            Method::POST,
            "/api/v1/admin/departments",
            department("AG R", "Agriculture"),
            "code",
        ),
        (
            Method::POST,
            "/api/v1/admin/departments",
            department("AGR", "  "),
            "name_en",
        ),
        (
            Method::POST,
            "/api/v1/admin/departments/FIN/offices",
            json!({"code": "FIN-X", "name_en": "X", "name_hi": "क", "district": " "}),
            "district",
        ),
        (
            Method::POST,
            "/api/v1/admin/offices/FIN-HQ/sections",
            json!({"code": "-", "name_en": "X", "name_hi": "क"}),
            "code",
        ),
        (
            Method::POST,
            "/api/v1/admin/offices/FIN-HQ/posts",
            json!({"id": "FIN-HQ-X", "section": "NOPE", "title_en": "X", "title_hi": "क"}),
            "section",
        ),
        (
            Method::POST,
            "/api/v1/admin/offices/FIN-HQ/posts",
            json!({"id": "FIN-HQ-X", "section": "GEN", "title_en": "X", "title_hi": ""}),
            "title_hi",
        ),
        (
            Method::PUT,
            "/api/v1/admin/posts/FIN-HQ-DA",
            json!({"version": 1, "section": "NOPE", "title_en": "X", "title_hi": "क"}),
            "section",
        ),
        (
            Method::PUT,
            "/api/v1/admin/offices/FIN-HQ",
            rename(1, "", "वित्त"),
            "name_en",
        ),
        (
            Method::PUT,
            "/api/v1/admin/employees/HR2001/roles",
            json!({"version": 1, "roles": []}),
            "roles",
        ),
    ];
    for (method, path, body, field) in cases {
        let reply = h.request(method.clone(), path, Some(&admin), Some(body), &[]).await;
        assert_eq!(
            reply.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{method} {path}: {}",
            reply.body
        );
        assert_eq!(reply.body["field"], field, "{method} {path}: {}", reply.body);
        assert!(reply.body["detail_hi"].is_string(), "{method} {path}");
    }
    // A malformed body names the field serde stopped at.
    let wrong_kind = h
        .post(
            "/api/v1/admin/departments",
            &admin,
            json!({"code": "AGR", "name_en": "A", "name_hi": "क", "kind": "ministry"}),
        )
        .await;
    assert_eq!(wrong_kind.status, StatusCode::UNPROCESSABLE_ENTITY);
    let log = h.get("/api/v1/admin/audit", &admin).await;
    assert_eq!(log.body["items"], json!([]), "{}", log.body);
}

async fn only_a_vacant_post_with_an_empty_inbox_is_abolished(h: Harness) {
    let admin = h.login(ADMIN).await;
    // A held post stays, with the reason in both languages.
    let held = delete(&h, "/api/v1/admin/posts/FIN-HQ-SO?version=1", &admin).await;
    assert_eq!(held.status, StatusCode::CONFLICT, "{}", held.body);
    assert!(
        held.body["detail"].as_str().unwrap().contains("held by HR2001"),
        "{}",
        held.body
    );
    assert!(held.body["detail_hi"].is_string());

    // A new, vacant post with nothing waiting goes, after a stale attempt is refused.
    build_agriculture(&h, &admin).await;
    let stale = delete(&h, "/api/v1/admin/posts/AGR-HQ-SO-BUDGET?version=7", &admin).await;
    assert_eq!(stale.status, StatusCode::CONFLICT, "{}", stale.body);
    assert_eq!(stale.body["current_version"], 1);
    let gone = delete(&h, "/api/v1/admin/posts/AGR-HQ-SO-BUDGET?version=1", &admin).await;
    assert_eq!(gone.status, StatusCode::NO_CONTENT, "{}", gone.body);
    let posts = h.get("/api/v1/org/offices/AGR-HQ/posts", &admin).await;
    assert_eq!(posts.body["posts"], json!([]), "{}", posts.body);
    let again = delete(&h, "/api/v1/admin/posts/AGR-HQ-SO-BUDGET?version=1", &admin).await;
    assert_eq!(again.status, StatusCode::NOT_FOUND);

    // A vacant post with a letter or a leave application waiting in its inbox stays. (The rows
    // are written as the receipt and leave services write them, in the post's inbox.)
    for (post, row, what) in [
        ("FIN-HQ-DA", "R#0000000000001#R-2026-0000000000000001", "receipts"),
        ("DC-GGN-ADC", "L#0000000000001#LV-2026-0001", "leave applications"),
        ("DC-GGN-SUPDT", "P#0000000000001#F-1", "files"),
    ] {
        h.store
            .write(Write::Put {
                item: Item::new(Key::new(format!("INBOX#{post}"), row), json!({})),
                condition: Condition::None,
            })
            .await
            .unwrap();
        let busy = delete(&h, &format!("/api/v1/admin/posts/{post}?version=1"), &admin).await;
        assert_eq!(busy.status, StatusCode::CONFLICT, "{post}: {}", busy.body);
        assert!(
            busy.body["detail"].as_str().unwrap().contains(what),
            "{post}: {}",
            busy.body
        );
    }
    // Rows in the post's other lists (what it sent, what it closed) do not hold it back.
    h.store
        .write(Write::Put {
            item: Item::new(Key::new("INBOX#FIN-HQ-SECY", "S#0000000000001#F-1"), json!({})),
            condition: Condition::None,
        })
        .await
        .unwrap();
    let relieved = h
        .store
        .get(&Key::new("POST#FIN-HQ-SECY", "META"))
        .await
        .unwrap()
        .unwrap();
    let mut vacant = relieved.clone();
    vacant.body["post"]["holder"] = Value::Null;
    h.store
        .write(Write::Put {
            item: vacant.with_version(relieved.version + 1),
            condition: Condition::VersionIs(relieved.version),
        })
        .await
        .unwrap();
    let abolished = delete(
        &h,
        &format!("/api/v1/admin/posts/FIN-HQ-SECY?version={}", relieved.version + 1),
        &admin,
    )
    .await;
    assert_eq!(abolished.status, StatusCode::NO_CONTENT, "{}", abolished.body);
    assert!(h
        .store
        .get(&Key::new("POST#FIN-HQ-SECY", "LEAVEOFFICERS"))
        .await
        .unwrap()
        .is_none());
}

async fn roles_change_from_the_next_request_and_no_one_drops_their_own_admin_role(h: Harness) {
    let admin = h.login(ADMIN).await;
    let officer = h.login(OFFICER).await;
    let roles = h.get("/api/v1/admin/employees/HR2001/roles", &admin).await;
    assert_eq!(roles.status, StatusCode::OK, "{}", roles.body);
    assert_eq!(roles.body["roles"], json!(["employee"]));
    let version = roles.body["version"].as_u64().unwrap();
    assert_eq!(
        h.get("/api/v1/admin/departments", &officer).await.status,
        StatusCode::FORBIDDEN
    );

    let set = put(
        &h,
        "/api/v1/admin/employees/HR2001/roles",
        &admin,
        json!({"version": version, "roles": ["admin", "employee", "admin"]}),
    )
    .await;
    assert_eq!(set.status, StatusCode::OK, "{}", set.body);
    assert_eq!(set.body["roles"], json!(["employee", "admin"]));
    assert_eq!(set.body["version"], version + 1);
    // The officer's session carries the new role at once.
    assert_eq!(
        h.get("/api/v1/admin/departments", &officer).await.status,
        StatusCode::OK
    );
    let me = h.get("/api/v1/auth/me", &officer).await;
    assert_eq!(me.body["roles"], json!(["employee", "admin"]));

    // A stale version is refused.
    let stale = put(
        &h,
        "/api/v1/admin/employees/HR2001/roles",
        &admin,
        json!({"version": version, "roles": ["employee"]}),
    )
    .await;
    assert_eq!(stale.status, StatusCode::CONFLICT, "{}", stale.body);

    // Nobody takes away their own administrator role; another administrator may.
    let mine = h.get("/api/v1/admin/employees/HR9001/roles", &admin).await;
    let own = put(
        &h,
        "/api/v1/admin/employees/HR9001/roles",
        &admin,
        json!({"version": mine.body["version"], "roles": ["employee"]}),
    )
    .await;
    assert_eq!(own.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", own.body);
    assert_eq!(own.body["field"], "roles");
    assert!(own.body["detail_hi"].is_string());
    let by_other = put(
        &h,
        "/api/v1/admin/employees/HR9001/roles",
        &officer,
        json!({"version": mine.body["version"], "roles": ["employee"]}),
    )
    .await;
    assert_eq!(by_other.status, StatusCode::OK, "{}", by_other.body);
    assert_eq!(
        h.get("/api/v1/admin/departments", &admin).await.status,
        StatusCode::FORBIDDEN
    );
    let unknown = h.get("/api/v1/admin/employees/HR0000/roles", &officer).await;
    assert_eq!(unknown.status, StatusCode::NOT_FOUND);
}

async fn every_change_is_in_the_audit_log_with_before_and_after(h: Harness) {
    let admin = h.login(ADMIN).await;
    let step = || h.clock.advance(time::Duration::seconds(1));
    build_agriculture(&h, &admin).await;
    step();
    let reply = put(
        &h,
        "/api/v1/admin/departments/AGR",
        &admin,
        rename(1, "Agriculture and Farmers", "कृषि एवं किसान"),
    )
    .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    step();
    let reply = put(
        &h,
        "/api/v1/admin/offices/AGR-HQ",
        &admin,
        rename(1, "Krishi Bhawan", "कृषि भवन"),
    )
    .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    step();
    let reply = put(
        &h,
        "/api/v1/admin/sections/AGR-HQ-BUDGET",
        &admin,
        rename(1, "Budget", "बजट"),
    )
    .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    step();
    // The office rename put version 2 on its post.
    let reply = put(
        &h,
        "/api/v1/admin/posts/AGR-HQ-SO-BUDGET",
        &admin,
        json!({"version": 2, "section": "BUDGET", "title_en": "Budget Officer", "title_hi": "बजट अधिकारी"}),
    )
    .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    step();
    let reply = delete(&h, "/api/v1/admin/posts/AGR-HQ-SO-BUDGET?version=3", &admin).await;
    assert_eq!(reply.status, StatusCode::NO_CONTENT, "{}", reply.body);
    step();
    let reply = put(
        &h,
        "/api/v1/admin/employees/HR2001/roles",
        &admin,
        json!({"version": 1, "roles": ["employee", "diarist"]}),
    )
    .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);

    let log = h.get("/api/v1/admin/audit", &admin).await;
    assert_eq!(log.status, StatusCode::OK, "{}", log.body);
    let items = log.body["items"].as_array().unwrap();
    let entries: Vec<(&str, &str)> = items
        .iter()
        .map(|e| (e["action"].as_str().unwrap(), e["target"].as_str().unwrap()))
        .collect();
    assert_eq!(
        entries,
        vec![
            ("admin.roles_changed", "EMP#HR2001"),
            ("admin.post_abolished", "POST#AGR-HQ-SO-BUDGET"),
            ("admin.post_edited", "POST#AGR-HQ-SO-BUDGET"),
            ("admin.section_renamed", "SECTION#AGR-HQ-BUDGET"),
            ("admin.office_renamed", "OFFICE#AGR-HQ"),
            ("admin.department_renamed", "DEPT#AGR"),
            ("admin.post_created", "POST#AGR-HQ-SO-BUDGET"),
            ("admin.section_created", "SECTION#AGR-HQ-BUDGET"),
            ("admin.office_created", "OFFICE#AGR-HQ"),
            ("admin.department_created", "DEPT#AGR"),
        ]
    );
    for entry in items {
        assert_eq!(entry["actor"], ADMIN);
        let action = entry["action"].as_str().unwrap();
        assert_eq!(entry["before"].is_null(), action.ends_with("_created"), "{entry}");
        assert_eq!(entry["after"].is_null(), action.ends_with("_abolished"), "{entry}");
    }
    assert_eq!(items[0]["before"]["roles"], json!(["employee"]));
    assert_eq!(items[0]["after"]["roles"], json!(["employee", "diarist"]));
    assert_eq!(items[1]["before"]["title_en"], "Budget Officer");
    assert_eq!(items[2]["before"]["title_en"], "Section Officer (Budget)");
    assert_eq!(items[2]["after"]["title_en"], "Budget Officer");
    assert_eq!(items[3]["after"]["name_en"], "Budget");
    assert_eq!(items[4]["before"]["name_en"], "Agriculture, Headquarters");
    assert_eq!(items[4]["after"]["name_en"], "Krishi Bhawan");
    assert_eq!(items[5]["before"]["name_en"], "Agriculture");
    assert_eq!(items[5]["after"]["name_en"], "Agriculture and Farmers");
    assert_eq!(items[9]["after"]["code"], "AGR");

    // One target's history.
    let post_log = h
        .get("/api/v1/admin/audit?target=POST%23AGR-HQ-SO-BUDGET", &admin)
        .await;
    assert_eq!(post_log.body["items"].as_array().unwrap().len(), 3, "{}", post_log.body);
}

async fn setting_leave_rules_and_holidays_is_audited(h: Harness) {
    let admin = h.login(ADMIN).await;
    let rules = h.get("/api/v1/leave/rules?state=HR", &admin).await;
    assert_eq!(rules.status, StatusCode::OK, "{}", rules.body);
    let mut types = rules.body["rules"]["types"].clone();
    types[0]["accrual"]["amount"] = json!("10");
    types[0]["max_balance"] = json!("10");
    let body = json!({"expected_version": 1, "effective_from": "2027-01-01", "types": types});
    let set = put(&h, "/api/v1/leave/rules/HR", &admin, body).await;
    assert_eq!(set.status, StatusCode::OK, "{}", set.body);
    h.clock.advance(time::Duration::seconds(1));
    let holidays =
        json!({"expected_version": null, "weekly_offs": [{"kind": "every", "weekday": "Sunday"}], "holidays": []});
    let set = put(&h, "/api/v1/leave/holidays/HR/2031", &admin, holidays).await;
    assert_eq!(set.status, StatusCode::OK, "{}", set.body);

    let log = h.get("/api/v1/admin/audit", &admin).await;
    let items = log.body["items"].as_array().unwrap();
    assert_eq!(items.len(), 2, "{}", log.body);
    assert_eq!(
        (&items[0]["action"], &items[0]["target"]),
        (&json!("leave.holidays_set"), &json!("HOLIDAYS#HR#2031"))
    );
    assert!(items[0]["before"].is_null());
    assert_eq!(items[0]["after"]["version"], 1);
    assert_eq!(
        (&items[1]["action"], &items[1]["target"]),
        (&json!("leave.rules_set"), &json!("LEAVERULES#HR"))
    );
    assert_eq!(items[1]["before"]["rules"]["version"], 1);
    assert_eq!(items[1]["after"]["rules"]["version"], 2);
    assert_eq!(items[1]["after"]["recorded"]["by"], ADMIN);
}

fn leave_officers(version: Option<u64>, reporting: &str, controlling: &str, establishment: &str) -> Value {
    json!({"version": version, "reporting": reporting, "controlling": controlling,
        "establishment": establishment, "reporting_alternate": null})
}

const NEW_POST_OFFICERS: &str = "/api/v1/admin/posts/AGR-HQ-SO-BUDGET/leave-officers";

async fn a_new_post_s_leave_officers_let_its_holder_apply_for_leave(h: Harness) {
    use common::leave::{iso, next};
    // Given a new post, and a diarist transferred into it.
    let admin = h.login(ADMIN).await;
    build_agriculture(&h, &admin).await;
    let moved = h
        .post_with_key(
            "/api/v1/pims/transfers",
            &admin,
            json!({"employee": "HR2003", "from_post": "FIN-HQ-CRU", "to_post": "AGR-HQ-SO-BUDGET",
                "effective": common::date_from_today(0), "relieve_holder": false}),
            "transfer-2003-agr",
        )
        .await;
    assert_eq!(moved.status, StatusCode::OK, "{}", moved.body);
    let holder = h.login("HR2003").await;
    let day = next(&h, 7, time::Weekday::Tuesday);
    let casual = json!({"kind": "casual", "from": iso(day), "to": iso(day), "half_day_start": false,
        "half_day_end": false, "reason": "Personal work"});
    // The calendar for the spell's year (the seed has one year only).
    let calendar = format!("/api/v1/leave/holidays/HR/{}", day.year());
    if h.get(&calendar, &admin).await.status == StatusCode::NOT_FOUND {
        let weekends = json!([{"kind": "every", "weekday": "Saturday"}, {"kind": "every", "weekday": "Sunday"}]);
        let body = json!({"expected_version": null, "weekly_offs": weekends, "holidays": []});
        let reply = put(&h, &calendar, &admin, body).await;
        assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    }

    // A new post has no officers, so its holder cannot apply yet.
    let none = h.get(NEW_POST_OFFICERS, &admin).await;
    assert_eq!(none.status, StatusCode::OK, "{}", none.body);
    assert_eq!(none.body, json!({"officers": null, "version": 0}));
    let refused = h.post("/api/v1/leave/applications", &holder, casual.clone()).await;
    assert_eq!(refused.status, StatusCode::CONFLICT, "{}", refused.body);

    // When the administrator sets them.
    let set = put(
        &h,
        NEW_POST_OFFICERS,
        &admin,
        leave_officers(None, "fin-hq-ds", "FIN-HQ-SECY", "FIN-HQ-SECY"),
    )
    .await;
    assert_eq!(set.status, StatusCode::OK, "{}", set.body);
    assert_eq!(set.body["version"], 1);
    assert_eq!(set.body["officers"]["reporting"], "FIN-HQ-DS");

    // Then the holder can apply, and the application waits with the reporting officer.
    let applied = h.post("/api/v1/leave/applications", &holder, casual).await;
    assert_eq!(applied.status, StatusCode::CREATED, "{}", applied.body);
    let shown = h.get(NEW_POST_OFFICERS, &admin).await;
    assert_eq!(shown.body["officers"]["controlling"], "FIN-HQ-SECY");
    assert_eq!(shown.body["officers"]["reporting_alternate"], Value::Null);
    assert_eq!(shown.body["version"], 1);
}

async fn leave_officers_are_checked_refused_to_others_and_audited(h: Harness) {
    let admin = h.login(ADMIN).await;
    build_agriculture(&h, &admin).await;
    h.clock.advance(time::Duration::seconds(1));
    let first = put(
        &h,
        NEW_POST_OFFICERS,
        &admin,
        leave_officers(Some(0), "FIN-HQ-SO", "FIN-HQ-DS", "FIN-HQ-SECY"),
    )
    .await;
    assert_eq!(first.status, StatusCode::OK, "{}", first.body);
    h.clock.advance(time::Duration::seconds(1));

    // A change needs the version the administrator saw.
    let stale = put(
        &h,
        NEW_POST_OFFICERS,
        &admin,
        leave_officers(None, "FIN-HQ-DS", "FIN-HQ-SECY", "FIN-HQ-SECY"),
    )
    .await;
    assert_eq!(stale.status, StatusCode::CONFLICT, "{}", stale.body);
    assert!(stale.body["detail_hi"].is_string());
    let mut changed = leave_officers(Some(1), "FIN-HQ-DS", "FIN-HQ-SECY", "FIN-HQ-SECY");
    changed["reporting_alternate"] = json!("FIN-HQ-SO");
    let second = put(&h, NEW_POST_OFFICERS, &admin, changed).await;
    assert_eq!(second.status, StatusCode::OK, "{}", second.body);
    assert_eq!(second.body["version"], 2);
    assert_eq!(second.body["officers"]["reporting_alternate"], "FIN-HQ-SO");

    // Bad posts are refused naming the field, in Hindi too.
    let cases = [
        (
            leave_officers(Some(2), "FIN-HQ-NOPE", "FIN-HQ-DS", "FIN-HQ-SECY"),
            "reporting",
        ),
        (leave_officers(Some(2), "FIN-HQ-SO", "F", "FIN-HQ-SECY"), "controlling"),
        (
            leave_officers(Some(2), "FIN-HQ-SO", "FIN-HQ-DS", "AGR-HQ-SO-BUDGET"),
            "establishment",
        ),
        (
            json!({"version": 2, "reporting": "FIN-HQ-SO", "controlling": "FIN-HQ-DS",
                "establishment": "FIN-HQ-SECY", "reporting_alternate": "FIN-HQ-SO"}),
            "reporting_alternate",
        ),
        (
            json!({"version": 2, "reporting": "FIN-HQ-SO", "controlling": "FIN-HQ-DS",
                "establishment": "FIN-HQ-SECY", "reporting_alternate": "DC-GGN-NOPE"}),
            "reporting_alternate",
        ),
    ];
    for (body, field) in cases {
        let reply = put(&h, NEW_POST_OFFICERS, &admin, body.clone()).await;
        assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY, "{body}: {}", reply.body);
        assert_eq!(reply.body["field"], field, "{body}: {}", reply.body);
        assert!(reply.body["detail_hi"].is_string(), "{}", reply.body);
    }
    // A post that does not exist has no officers to show or set.
    let missing = h.get("/api/v1/admin/posts/AGR-HQ-NOPE/leave-officers", &admin).await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND, "{}", missing.body);
    let missing = put(
        &h,
        "/api/v1/admin/posts/AGR-HQ-NOPE/leave-officers",
        &admin,
        leave_officers(None, "FIN-HQ-SO", "FIN-HQ-DS", "FIN-HQ-SECY"),
    )
    .await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND, "{}", missing.body);

    // Only administrators see or set them.
    let officer = h.login(OFFICER).await;
    let read = h.get(NEW_POST_OFFICERS, &officer).await;
    assert_eq!(read.status, StatusCode::FORBIDDEN, "{}", read.body);
    let write = put(
        &h,
        NEW_POST_OFFICERS,
        &officer,
        leave_officers(Some(2), "FIN-HQ-SO", "FIN-HQ-DS", "FIN-HQ-SECY"),
    )
    .await;
    assert_eq!(write.status, StatusCode::FORBIDDEN, "{}", write.body);
    assert_eq!(h.get(NEW_POST_OFFICERS, &admin).await.body["version"], 2);

    // Each change is in the audit log with what it changed.
    let log = h
        .get("/api/v1/admin/audit?target=POST%23AGR-HQ-SO-BUDGET", &admin)
        .await;
    assert_eq!(log.status, StatusCode::OK, "{}", log.body);
    let items = log.body["items"].as_array().unwrap();
    let actions: Vec<&str> = items.iter().map(|e| e["action"].as_str().unwrap()).collect();
    assert_eq!(
        actions,
        vec![
            "admin.leave_officers_set",
            "admin.leave_officers_set",
            "admin.post_created"
        ],
        "{}",
        log.body
    );
    assert_eq!(items[0]["actor"], ADMIN);
    assert_eq!(items[0]["before"]["reporting"], "FIN-HQ-SO");
    assert_eq!(items[0]["after"]["reporting"], "FIN-HQ-DS");
    assert_eq!(items[0]["after"]["reporting_alternate"], "FIN-HQ-SO");
    assert!(items[1]["before"].is_null());
    assert_eq!(items[1]["after"]["establishment"], "FIN-HQ-SECY");
}
