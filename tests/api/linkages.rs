//! Linkages through the API: create, edit and end round trips with their audit trail; every
//! validation rule refused by name with nothing written; county scoping of writes and lists;
//! coverage (villages and posts without a running linkage) checked against the database;
//! compliance and the overdue list against hand-worked fixtures whose visits sit on local
//! month boundaries; the overdue page; and the dashboard's overdue row against the API.

use std::collections::{BTreeSet, HashSet};

use banna_border::domain::auth::Password;
use banna_border::services::auth::{self, NewUser};
use banna_border::store::entities::{admin_unit, audit_event, linkage, linkage_officer, post, user, village};
use chrono::{NaiveDate, Utc};
use reqwest::{Method, StatusCode};
use sea_orm::ActiveValue::Set;
use sea_orm::{ActiveModelTrait, ColumnTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter};
use serde_json::{Value, json};

use crate::fixtures::{add_department, add_linkage, add_post, add_village, add_visit, date, local, unit_id};
use crate::helpers::{TestApp, backends, client_with, spawn_app, spawn_app_with_demo, token_for};

async fn add_user(db: &DatabaseConnection, username: &str, role: &str, code: &str, department: i32) -> i32 {
    let new = NewUser {
        username,
        display_name: username,
        role,
        jurisdiction_code: code,
        department_id: Some(department),
        password: Some(Password::parse("correct horse battery staple").expect("a password")),
        is_demo: false,
    };
    auth::create_user(db, new, None).await.expect("create user")
}

/// Departments, villages, posts and people in Menghai and Mengla (counties of the prefecture).
struct World {
    d_pref: i32,
    d_mh: i32,
    d_ml: i32,
    /// Menghai villages.
    vm: [i32; 4],
    /// A Mengla village.
    vl: i32,
    /// Menghai posts.
    pm: [i32; 2],
    /// A Mengla post.
    pl: i32,
    /// Liaison officers of the Menghai department (the second deactivated).
    officer_mh: i32,
    officer_mh_inactive: i32,
    /// An official of the Menghai department: not a liaison officer.
    staff_mh: i32,
    /// A liaison officer of the Mengla department.
    officer_ml: i32,
    /// A liaison officer of the prefecture bureau.
    officer_pref: i32,
}

async fn world(db: &DatabaseConnection) -> World {
    let (prefecture, menghai, mengla) =
        (unit_id(db, "532800").await, unit_id(db, "532822").await, unit_id(db, "532823").await);
    let d_pref = add_department(db, "DP", prefecture).await;
    let d_mh = add_department(db, "DMH", menghai).await;
    let d_ml = add_department(db, "DML", mengla).await;
    let mut vm = [0; 4];
    for (index, slot) in vm.iter_mut().enumerate() {
        *slot = add_village(db, &format!("VM{}", index + 1), menghai, false, &[]).await;
    }
    let vl = add_village(db, "VL1", mengla, false, &[]).await;
    let pm = [add_post(db, "PM1", menghai, (0.0, 10.0)).await, add_post(db, "PM2", menghai, (0.0, 10.0)).await];
    let pl = add_post(db, "PL1", mengla, (0.0, 10.0)).await;
    let officer_mh = add_user(db, "officer.mh", "liaison_officer", "532822", d_mh).await;
    let officer_mh_inactive = add_user(db, "officer.mh.gone", "liaison_officer", "532822", d_mh).await;
    let mut gone: user::ActiveModel =
        user::Entity::find_by_id(officer_mh_inactive).one(db).await.expect("read").expect("user").into();
    gone.is_active = Set(false);
    gone.update(db).await.expect("deactivate");
    let staff_mh = add_user(db, "staff.mh", "official", "532822", d_mh).await;
    let officer_ml = add_user(db, "officer.ml", "liaison_officer", "532823", d_ml).await;
    let officer_pref = add_user(db, "officer.pref", "liaison_officer", "532800", d_pref).await;
    World { d_pref, d_mh, d_ml, vm, vl, pm, pl, officer_mh, officer_mh_inactive, staff_mh, officer_ml, officer_pref }
}

/// Sends a request in English and reads the JSON answer.
async fn send(client: &reqwest::Client, method: Method, url: String, body: Option<&Value>) -> (StatusCode, Value) {
    let mut request = client.request(method, url).header(reqwest::header::ACCEPT_LANGUAGE, "en");
    if let Some(body) = body {
        request = request.json(body);
    }
    let response = request.send().await.expect("request");
    let status = response.status();
    let text = response.text().await.expect("body");
    (status, if text.is_empty() { Value::Null } else { serde_json::from_str(&text).expect("JSON") })
}

async fn get(app: &TestApp, client: &reqwest::Client, path: &str) -> (StatusCode, Value) {
    send(client, Method::GET, format!("{}{path}", app.address), None).await
}

async fn post_json(app: &TestApp, client: &reqwest::Client, path: &str, body: &Value) -> (StatusCode, Value) {
    send(client, Method::POST, format!("{}{path}", app.address), Some(body)).await
}

async fn put_json(app: &TestApp, client: &reqwest::Client, path: &str, body: &Value) -> (StatusCode, Value) {
    send(client, Method::PUT, format!("{}{path}", app.address), Some(body)).await
}

async fn user_id(db: &DatabaseConnection, username: &str) -> i32 {
    user::Entity::find().filter(user::Column::Username.eq(username)).one(db).await.expect("read").expect("user").id
}

/// Linkages, their officers and audit events stored.
async fn counts(db: &DatabaseConnection) -> (u64, u64, u64) {
    (
        linkage::Entity::find().count(db).await.expect("count"),
        linkage_officer::Entity::find().count(db).await.expect("count"),
        audit_event::Entity::find().count(db).await.expect("count"),
    )
}

async fn officers_of(db: &DatabaseConnection, id: i64) -> Vec<i32> {
    let mut ids: Vec<i32> = linkage_officer::Entity::find()
        .filter(linkage_officer::Column::LinkageId.eq(id as i32))
        .all(db)
        .await
        .expect("read")
        .into_iter()
        .map(|row| row.user_id)
        .collect();
    ids.sort_unstable();
    ids
}

async fn audits_of(db: &DatabaseConnection, id: i64) -> Vec<audit_event::Model> {
    let mut rows = audit_event::Entity::find()
        .filter(audit_event::Column::RecordType.eq("linkage"))
        .filter(audit_event::Column::RecordId.eq(id.to_string()))
        .all(db)
        .await
        .expect("audit");
    rows.sort_by_key(|row| row.id);
    rows
}

fn ids_of(list: &Value) -> BTreeSet<i64> {
    list["linkages"].as_array().expect("linkages").iter().map(|item| item["id"].as_i64().expect("id")).collect()
}

#[tokio::test]
async fn a_linkage_is_created_edited_and_ended_with_its_audit_trail() {
    for backend in backends() {
        let app = spawn_app(&backend).await;
        let w = world(&app.db).await;
        let official = client_with(&token_for(&app.db, "official.mh", "official", "532822").await);
        let official_id = user_id(&app.db, "official.mh").await;

        let body = json!({
            "department_id": w.d_mh, "village_id": w.vm[0], "post_id": w.pm[0],
            "starts_on": "2025-01-01", "village_visits_per_month": 1, "post_visits_per_month": 2,
            "officer_ids": [w.officer_mh],
        });
        let (status, created) = post_json(&app, &official, "/api/v1/linkages", &body).await;
        assert_eq!(status, StatusCode::CREATED, "{}: {created}", app.backend);
        let id = created["id"].as_i64().expect("an id");
        let row = linkage::Entity::find_by_id(id as i32).one(&app.db).await.expect("read").expect("stored");
        assert_eq!((row.department_id, row.village_id, row.post_id), (w.d_mh, w.vm[0], w.pm[0]));
        assert_eq!((row.starts_on, row.ends_on), (date(2025, 1, 1), None));
        assert_eq!((row.village_visits_per_month, row.post_visits_per_month), (1, 2));
        assert!(!row.is_demo);
        assert_eq!(officers_of(&app.db, id).await, vec![w.officer_mh]);
        assert_eq!(created["officer_ids"], json!([w.officer_mh]));
        assert_eq!(created["officers"][0]["display_name"], "officer.mh");
        assert_eq!(created["village"]["id"], json!(w.vm[0]));
        assert_eq!(created["county"]["code"], "532822");
        assert_eq!(created["ends_on"], Value::Null);
        assert_eq!(created["active"], json!(true), "running since 2025 with no end");
        let audits = audits_of(&app.db, id).await;
        assert_eq!(audits.len(), 1);
        assert_eq!((audits[0].action.as_str(), audits[0].actor_user_id), ("create", Some(official_id)));
        assert_eq!(audits[0].before, None);
        let after = audits[0].after.clone().expect("after");
        assert_eq!(after["officer_ids"], json!([w.officer_mh]));
        assert_eq!(after["starts_on"], "2025-01-01");

        // Edit: what the API returned, changed, goes back (the prefecture bureau works here too).
        let mut edited = created.clone();
        edited["department_id"] = json!(w.d_pref);
        edited["village_visits_per_month"] = json!(3);
        edited["ends_on"] = json!("2026-12-31");
        edited["officer_ids"] = json!([w.officer_pref]);
        let (status, updated) = put_json(&app, &official, &format!("/api/v1/linkages/{id}"), &edited).await;
        assert_eq!(status, StatusCode::OK, "{}: {updated}", app.backend);
        let row = linkage::Entity::find_by_id(id as i32).one(&app.db).await.expect("read").expect("stored");
        assert_eq!(
            (row.department_id, row.village_visits_per_month, row.ends_on),
            (w.d_pref, 3, Some(date(2026, 12, 31)))
        );
        assert_eq!(officers_of(&app.db, id).await, vec![w.officer_pref]);
        assert_eq!(updated["department"]["id"], json!(w.d_pref));
        let audits = audits_of(&app.db, id).await;
        assert_eq!(audits.len(), 2);
        assert_eq!(audits[1].action, "update");
        assert_eq!(audits[1].before.as_ref().expect("before")["department_id"], json!(w.d_mh));
        assert_eq!(audits[1].after.as_ref().expect("after")["officer_ids"], json!([w.officer_pref]));

        // End on its first day: a one-day linkage is allowed.
        let (status, ended) =
            post_json(&app, &official, &format!("/api/v1/linkages/{id}/end"), &json!({ "ends_on": "2025-01-01" }))
                .await;
        assert_eq!(status, StatusCode::OK, "{}: {ended}", app.backend);
        assert_eq!(ended["ends_on"], "2025-01-01");
        assert_eq!(ended["active"], json!(false));
        let row = linkage::Entity::find_by_id(id as i32).one(&app.db).await.expect("read").expect("stored");
        assert_eq!(row.ends_on, Some(date(2025, 1, 1)));
        assert_eq!(officers_of(&app.db, id).await, vec![w.officer_pref], "ending keeps the officers");
        let audits = audits_of(&app.db, id).await;
        assert_eq!(audits.iter().map(|row| row.action.as_str()).collect::<Vec<_>>(), ["create", "update", "end"]);
        assert_eq!(audits[2].before.as_ref().expect("before")["ends_on"], "2026-12-31");
        assert_eq!(audits[2].after.as_ref().expect("after")["ends_on"], "2025-01-01");

        // The list shows it with its officers, the same fields as the write returned.
        let (status, list) = get(&app, &official, "/api/v1/linkages?county=532822").await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(list["numberMatched"], json!(1));
        assert_eq!(list["linkages"][0], ended);
        let (_, running) = get(&app, &official, "/api/v1/linkages?active=1").await;
        assert_eq!(running["numberMatched"], json!(0), "ended: not running today");
        let (_, by_department) = get(&app, &app.client, &format!("/api/v1/linkages?department={}", w.d_pref)).await;
        assert_eq!(ids_of(&by_department), BTreeSet::from([id]));
    }
}

/// A valid linkage body in Menghai.
fn valid(w: &World) -> Value {
    json!({
        "department_id": w.d_mh, "village_id": w.vm[1], "post_id": w.pm[0],
        "starts_on": "2025-03-01", "ends_on": "2025-12-31",
        "village_visits_per_month": 1, "post_visits_per_month": 1,
        "officer_ids": [w.officer_mh],
    })
}

fn with(body: &Value, changes: &[(&str, Value)]) -> Value {
    let mut body = body.clone();
    for (name, value) in changes {
        body[*name] = value.clone();
    }
    body
}

#[tokio::test]
async fn each_invalid_linkage_is_refused_by_name_and_nothing_is_written() {
    for backend in backends() {
        let app = spawn_app(&backend).await;
        let w = world(&app.db).await;
        let official = client_with(&token_for(&app.db, "official.mh", "official", "532822").await);
        let admin = app.client.clone();
        // An existing linkage of the same pair from 2025-06-01, and one with visits.
        let existing = add_linkage(&app.db, (w.d_mh, w.vm[1], w.pm[0]), date(2025, 6, 1), None, (1, 1)).await;
        let visited = add_linkage(&app.db, (w.d_mh, w.vm[2], w.pm[0]), date(2024, 1, 1), None, (1, 1)).await;
        add_visit(&app.db, visited, w.officer_mh, "village", local(2024, 2, 3, 10, 0)).await;
        add_visit(&app.db, visited, w.officer_mh, "post", local(2024, 2, 4, 10, 0)).await;
        let base = with(&valid(&w), &[("ends_on", json!("2025-05-31"))]);
        let missing_village = 99_999;

        let unknown_village = format!("There is no village with id {missing_village} in your jurisdiction.");
        let cases: Vec<(&str, &reqwest::Client, Value, StatusCode, String)> = vec![
            (
                "end before start",
                &official,
                with(&base, &[("ends_on", json!("2025-02-28"))]),
                StatusCode::BAD_REQUEST,
                "cannot end (2025-02-28) before it starts (2025-03-01)".to_owned(),
            ),
            (
                "unknown village",
                &official,
                with(&base, &[("village_id", json!(missing_village))]),
                StatusCode::BAD_REQUEST,
                unknown_village.clone(),
            ),
            (
                "village in another county",
                &official,
                with(&base, &[("village_id", json!(w.vl))]),
                StatusCode::BAD_REQUEST,
                format!("There is no village with id {} in your jurisdiction.", w.vl),
            ),
            (
                "post in another county",
                &official,
                with(&base, &[("post_id", json!(w.pl))]),
                StatusCode::BAD_REQUEST,
                format!("There is no post with id {} in your jurisdiction.", w.pl),
            ),
            (
                "unknown post",
                &official,
                with(&base, &[("post_id", json!(missing_village))]),
                StatusCode::BAD_REQUEST,
                format!("There is no post with id {missing_village} in your jurisdiction."),
            ),
            (
                "department of another county, unseen",
                &official,
                with(&base, &[("department_id", json!(w.d_ml)), ("officer_ids", json!([]))]),
                StatusCode::BAD_REQUEST,
                format!("There is no department with id {} in your jurisdiction.", w.d_ml),
            ),
            (
                "department of another county, seen by the prefecture",
                &admin,
                with(&base, &[("department_id", json!(w.d_ml)), ("officer_ids", json!([]))]),
                StatusCode::BAD_REQUEST,
                format!("Village {} lies outside the area of department {}", w.vm[1], w.d_ml),
            ),
            (
                "officer of another department, seen by the prefecture",
                &admin,
                with(&base, &[("officer_ids", json!([w.officer_mh, w.officer_ml]))]),
                StatusCode::BAD_REQUEST,
                format!("User {} does not belong to department {}", w.officer_ml, w.d_mh),
            ),
            (
                "officer of another county, unseen",
                &official,
                with(&base, &[("officer_ids", json!([w.officer_ml]))]),
                StatusCode::BAD_REQUEST,
                format!(
                    "There is no user with id {} in your jurisdiction or in the linkage's department.",
                    w.officer_ml
                ),
            ),
            (
                "not a liaison officer",
                &official,
                with(&base, &[("officer_ids", json!([w.staff_mh]))]),
                StatusCode::BAD_REQUEST,
                format!("User {} is not a liaison officer", w.staff_mh),
            ),
            (
                "deactivated officer",
                &official,
                with(&base, &[("officer_ids", json!([w.officer_mh_inactive]))]),
                StatusCode::BAD_REQUEST,
                format!("The account of user {} is deactivated", w.officer_mh_inactive),
            ),
            (
                "negative visits",
                &official,
                with(&base, &[("post_visits_per_month", json!(-1))]),
                StatusCode::BAD_REQUEST,
                "post_visits_per_month is the number of visits required each month".to_owned(),
            ),
            (
                "missing start",
                &official,
                with(&base, &[("starts_on", Value::Null)]),
                StatusCode::BAD_REQUEST,
                "The parameter starts_on is missing.".to_owned(),
            ),
            (
                "bad date",
                &official,
                with(&base, &[("starts_on", json!("2025-02-30"))]),
                StatusCode::BAD_REQUEST,
                "starts_on must be a date written YYYY-MM-DD".to_owned(),
            ),
            (
                "overlapping the same pair",
                &official,
                with(&base, &[("ends_on", json!("2025-06-01"))]),
                StatusCode::CONFLICT,
                format!(
                    "Linkage {existing} (from 2025-06-01) already pairs this department with this village and post"
                ),
            ),
            (
                "open-ended, overlapping the same pair",
                &official,
                with(&base, &[("ends_on", Value::Null)]),
                StatusCode::CONFLICT,
                format!("Linkage {existing} (from 2025-06-01)"),
            ),
        ];
        let before = counts(&app.db).await;
        for (name, client, body, status, detail) in &cases {
            let (answered, problem) = post_json(&app, client, "/api/v1/linkages", body).await;
            assert_eq!(answered, *status, "{}: {name}: {problem}", app.backend);
            let text = problem["detail"].as_str().expect("a detail");
            assert!(text.contains(detail.as_str()), "{}: {name}: {text:?} lacks {detail:?}", app.backend);
            assert_eq!(counts(&app.db).await, before, "{}: {name} wrote something", app.backend);
        }
        // A village out of jurisdiction is answered exactly like one that does not exist.
        let (_, hidden) = post_json(&app, &official, "/api/v1/linkages", &cases[2].2).await;
        let (_, unknown) = post_json(&app, &official, "/api/v1/linkages", &cases[1].2).await;
        assert_eq!(
            hidden["detail"].as_str().map(|text| text.replace(&w.vl.to_string(), "#")),
            unknown["detail"].as_str().map(|text| text.replace(&missing_village.to_string(), "#"))
        );
        assert_eq!(hidden["type"], unknown["type"]);

        // The same pair ending the day before the existing one starts is fine.
        let (status, created) = post_json(&app, &official, "/api/v1/linkages", &base).await;
        assert_eq!(status, StatusCode::CREATED, "{}: {created}", app.backend);
        let id = created["id"].as_i64().expect("id");
        let before = counts(&app.db).await;

        // Ending it before its start, or so late that it meets the next one, is refused.
        let end = |day: &str| json!({ "ends_on": day });
        let (status, problem) =
            post_json(&app, &official, &format!("/api/v1/linkages/{id}/end"), &end("2025-02-01")).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{problem}");
        assert!(problem["detail"].as_str().expect("detail").contains("before it starts (2025-03-01)"));
        let (status, problem) =
            post_json(&app, &official, &format!("/api/v1/linkages/{id}/end"), &end("2025-07-01")).await;
        assert_eq!(status, StatusCode::CONFLICT, "{problem}");
        let (status, problem) = post_json(&app, &official, &format!("/api/v1/linkages/{id}/end"), &json!({})).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{problem}");
        assert!(problem["detail"].as_str().expect("detail").contains("ends_on is missing"));

        // A linkage with visits keeps its pair; its rule and period may change.
        let visited_body = json!({
            "department_id": w.d_mh, "village_id": w.vm[2], "post_id": w.pm[0], "starts_on": "2024-01-01",
            "village_visits_per_month": 1, "post_visits_per_month": 1,
        });
        let moved = with(&visited_body, &[("village_id", json!(w.vm[3]))]);
        let (status, problem) = put_json(&app, &official, &format!("/api/v1/linkages/{visited}"), &moved).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{problem}");
        assert!(problem["detail"].as_str().expect("detail").contains("This linkage has 2 logged visits"), "{problem}");
        // A bad id in the path, and PUT of a linkage that does not exist.
        let (status, _) = put_json(&app, &official, "/api/v1/linkages/zero", &visited_body).await;
        assert_eq!(status, StatusCode::BAD_REQUEST);
        let (status, _) = put_json(&app, &official, "/api/v1/linkages/999999", &visited_body).await;
        assert_eq!(status, StatusCode::NOT_FOUND);
        assert_eq!(counts(&app.db).await, before, "{}: refused edits wrote something", app.backend);
        let kept = with(&visited_body, &[("post_visits_per_month", json!(2))]);
        let (status, problem) = put_json(&app, &official, &format!("/api/v1/linkages/{visited}"), &kept).await;
        assert_eq!(status, StatusCode::OK, "{problem}");

        // Problems are localized: the reference language names the problem too.
        let response = official
            .post(format!("{}/api/v1/linkages", app.address))
            .header(reqwest::header::ACCEPT_LANGUAGE, "zh-CN")
            .json(&cases[0].2)
            .send()
            .await
            .expect("post");
        let problem: Value = response.json().await.expect("problem");
        assert!(problem["detail"].as_str().expect("detail").contains("不能早于开始日期"), "{problem}");
    }
}

#[tokio::test]
async fn writes_and_lists_stay_inside_the_callers_county() {
    for backend in backends() {
        let app = spawn_app(&backend).await;
        let w = world(&app.db).await;
        let official_mh = client_with(&token_for(&app.db, "official.mh", "official", "532822").await);
        let official_ml = client_with(&token_for(&app.db, "official.ml", "official", "532823").await);
        let liaison = client_with(&token_for(&app.db, "liaison.mh", "liaison_officer", "532822").await);
        let menghai = add_linkage(&app.db, (w.d_mh, w.vm[0], w.pm[0]), date(2025, 1, 1), None, (1, 1)).await;
        let mengla = add_linkage(&app.db, (w.d_ml, w.vl, w.pl), date(2025, 1, 1), None, (1, 1)).await;
        let before = counts(&app.db).await;

        // Mengla's official cannot place a linkage in Menghai, nor edit or end one there.
        let body = valid(&w);
        let (status, problem) = post_json(&app, &official_ml, "/api/v1/linkages", &body).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{problem}");
        assert!(problem["detail"].as_str().expect("detail").contains(&format!("no village with id {}", w.vm[1])));
        let (status, _) = put_json(&app, &official_ml, &format!("/api/v1/linkages/{menghai}"), &body).await;
        assert_eq!(status, StatusCode::NOT_FOUND);
        let end = json!({ "ends_on": "2025-12-31" });
        let (status, _) = post_json(&app, &official_ml, &format!("/api/v1/linkages/{menghai}/end"), &end).await;
        assert_eq!(status, StatusCode::NOT_FOUND);
        // A liaison officer reads linkages but does not manage them.
        let (status, _) = post_json(&app, &liaison, "/api/v1/linkages", &body).await;
        assert_eq!(status, StatusCode::FORBIDDEN);
        let (status, _) = post_json(&app, &liaison, &format!("/api/v1/linkages/{menghai}/end"), &end).await;
        assert_eq!(status, StatusCode::FORBIDDEN);
        assert_eq!(counts(&app.db).await, before);

        // Lists: each county sees its own; the prefecture both; a county filter narrows.
        for (client, expected) in [
            (&official_mh, BTreeSet::from([i64::from(menghai)])),
            (&official_ml, BTreeSet::from([i64::from(mengla)])),
            (&liaison, BTreeSet::from([i64::from(menghai)])),
            (&app.client, BTreeSet::from([i64::from(menghai), i64::from(mengla)])),
        ] {
            let (status, list) = get(&app, client, "/api/v1/linkages").await;
            assert_eq!(status, StatusCode::OK);
            assert_eq!(ids_of(&list), expected);
            assert_eq!(list["numberMatched"], json!(expected.len()));
        }
        let (_, narrowed) = get(&app, &official_ml, "/api/v1/linkages?county=532822").await;
        assert!(ids_of(&narrowed).is_empty(), "a county outside the jurisdiction leaves nothing");
        let (_, paged) = get(&app, &app.client, "/api/v1/linkages?limit=1&offset=1").await;
        assert_eq!((paged["numberMatched"].clone(), ids_of(&paged)), (json!(2), BTreeSet::from([i64::from(mengla)])));
        let (status, _) = get(&app, &app.client, "/api/v1/linkages?county=999999").await;
        assert_eq!(status, StatusCode::BAD_REQUEST);
        let (status, _) = get(&app, &app.client, "/api/v1/linkages?limit=0").await;
        assert_eq!(status, StatusCode::BAD_REQUEST);

        // Mengla's coverage and overdue list know nothing of Menghai.
        let (_, coverage) = get(&app, &official_ml, "/api/v1/linkages/coverage?date=2025-06-10").await;
        let listed: BTreeSet<i64> = coverage["linkages"]
            .as_array()
            .expect("linkages")
            .iter()
            .map(|item| item["id"].as_i64().expect("id"))
            .collect();
        assert_eq!(listed, BTreeSet::from([i64::from(mengla)]));
        assert_eq!(coverage["villages"]["total"], json!(1));
        assert_eq!(coverage["posts"]["total"], json!(1));
        let (_, overdue) = get(&app, &official_ml, "/api/v1/linkages/overdue?date=2025-06-10").await;
        let late: Vec<i64> = overdue["linkages"]
            .as_array()
            .expect("linkages")
            .iter()
            .map(|item| item["id"].as_i64().expect("id"))
            .collect();
        assert_eq!(late, vec![i64::from(mengla)]);
    }
}

/// The fixtures of the compliance and overdue tests, worked by hand (rule: village, post a
/// month; as of 10 June 2025 unless said otherwise):
///
/// - A (Menghai, 1 + 1, from 2025-01-01): Jan V+P met; Feb V only; Mar V on 31 Mar 23:30 local
///   and P met; Apr V on 1 Apr 00:30 local (still 31 Mar in UTC) and P met; May nothing.
/// - B (Menghai, 2 + 0, from 2025-02-15: February is partial, not due): a February visit that
///   does not count; Mar 2 V met; Apr 1 V; May 1 V.
/// - C (prefecture bureau in Menghai, 1 + 1, from 2025-01-01): V and P every month Jan–May.
/// - D (Mengla, 1 + 1, from 2024-11-01): never visited.
/// - E (Menghai, 1 + 1, 2024-01-01 to 2024-12-31): ended, never visited.
/// - F (prefecture bureau in Menghai, 1 + 1, from 2025-06-01): no whole month over yet.
struct Fixtures {
    a: i64,
    b: i64,
    c: i64,
    d: i64,
    /// Menghai's village and post that no linkage covers.
    lonely_village: i64,
    lonely_post: i64,
}

async fn fixtures(db: &DatabaseConnection, w: &World) -> Fixtures {
    let officer = w.officer_mh;
    let a = add_linkage(db, (w.d_mh, w.vm[0], w.pm[0]), date(2025, 1, 1), None, (1, 1)).await;
    add_visit(db, a, officer, "village", local(2025, 1, 10, 9, 0)).await;
    add_visit(db, a, officer, "post", local(2025, 1, 11, 9, 0)).await;
    add_visit(db, a, officer, "village", local(2025, 2, 10, 9, 0)).await;
    add_visit(db, a, officer, "village", local(2025, 3, 31, 23, 30)).await;
    add_visit(db, a, officer, "post", local(2025, 3, 10, 9, 0)).await;
    add_visit(db, a, officer, "village", local(2025, 4, 1, 0, 30)).await;
    add_visit(db, a, officer, "post", local(2025, 4, 15, 9, 0)).await;

    let b = add_linkage(db, (w.d_mh, w.vm[1], w.pm[0]), date(2025, 2, 15), None, (2, 0)).await;
    add_visit(db, b, officer, "village", local(2025, 2, 20, 9, 0)).await;
    add_visit(db, b, officer, "village", local(2025, 3, 5, 9, 0)).await;
    add_visit(db, b, officer, "village", local(2025, 3, 25, 9, 0)).await;
    add_visit(db, b, officer, "village", local(2025, 4, 5, 9, 0)).await;
    add_visit(db, b, officer, "village", local(2025, 5, 5, 9, 0)).await;

    let c = add_linkage(db, (w.d_pref, w.vm[2], w.pm[0]), date(2025, 1, 1), None, (1, 1)).await;
    for month in 1..=5 {
        add_visit(db, c, w.officer_pref, "village", local(2025, month, 2, 9, 0)).await;
        add_visit(db, c, w.officer_pref, "post", local(2025, month, 3, 9, 0)).await;
    }

    let d = add_linkage(db, (w.d_ml, w.vl, w.pl), date(2024, 11, 1), None, (1, 1)).await;
    add_linkage(db, (w.d_mh, w.vm[0], w.pm[0]), date(2024, 1, 1), Some(date(2024, 12, 31)), (1, 1)).await;
    add_linkage(db, (w.d_pref, w.vm[1], w.pm[0]), date(2025, 6, 1), None, (1, 1)).await;
    Fixtures {
        a: i64::from(a),
        b: i64::from(b),
        c: i64::from(c),
        d: i64::from(d),
        lonely_village: i64::from(w.vm[3]),
        lonely_post: i64::from(w.pm[1]),
    }
}

fn item(list: &Value, id: i64) -> &Value {
    list["linkages"]
        .as_array()
        .expect("linkages")
        .iter()
        .find(|item| item["id"] == json!(id))
        .unwrap_or_else(|| panic!("linkage {id} is not in {list}"))
}

#[tokio::test]
async fn compliance_and_the_overdue_list_judge_local_months_as_worked_by_hand() {
    for backend in backends() {
        let app = spawn_app(&backend).await;
        let w = world(&app.db).await;
        let f = fixtures(&app.db, &w).await;
        let official = client_with(&token_for(&app.db, "official.mh", "official", "532822").await);

        let (status, coverage) =
            get(&app, &app.client, "/api/v1/linkages/coverage?date=2025-06-10&from=2025-01&to=2025-05").await;
        assert_eq!(status, StatusCode::OK, "{coverage}");
        assert_eq!((coverage["from"].as_str(), coverage["to"].as_str()), (Some("2025-01"), Some("2025-05")));
        // Only linkages whose period meets January–May 2025: A, B, C, D (not E, not F).
        let listed: BTreeSet<i64> = coverage["linkages"]
            .as_array()
            .expect("list")
            .iter()
            .map(|item| item["id"].as_i64().expect("id"))
            .collect();
        assert_eq!(listed, BTreeSet::from([f.a, f.b, f.c, f.d]));
        // (months due, months met, village required/logged, post required/logged)
        let expected = [
            (f.a, 5, 3, (5, 4), (5, 3)),
            (f.b, 3, 1, (6, 4), (0, 0)),
            (f.c, 5, 5, (5, 5), (5, 5)),
            (f.d, 5, 0, (5, 0), (5, 0)),
        ];
        for (id, due, met, village, post) in expected {
            let found = item(&coverage, id);
            assert_eq!(found["months_due"], json!(due), "{}: linkage {id}", app.backend);
            assert_eq!(found["months_met"], json!(met), "{}: linkage {id}", app.backend);
            assert_eq!(found["village_visits"], json!({ "required": village.0, "logged": village.1 }), "{id}");
            assert_eq!(found["post_visits"], json!({ "required": post.0, "logged": post.1 }), "{id}");
        }
        let months: Vec<(&str, bool)> = item(&coverage, f.a)["months"]
            .as_array()
            .expect("months")
            .iter()
            .map(|month| (month["month"].as_str().expect("month"), month["met"].as_bool().expect("met")))
            .collect();
        assert_eq!(
            months,
            [("2025-01", true), ("2025-02", false), ("2025-03", true), ("2025-04", true), ("2025-05", false)],
            "the visit at 00:30 on 1 April counts for April in Banna"
        );
        let first_b = item(&coverage, f.b)["months"][0]["month"].clone();
        assert_eq!(first_b, json!("2025-03"), "February is only partly covered");
        let (due, met) = expected.iter().fold((0, 0), |(due, met), row| (due + row.1, met + row.2));
        let required: i64 = expected.iter().map(|row| row.3.0 + row.4.0).sum();
        let logged: i64 = expected.iter().map(|row| row.3.1 + row.4.1).sum();
        assert_eq!(coverage["totals"]["months_due"], json!(due));
        assert_eq!(coverage["totals"]["months_met"], json!(met));
        assert_eq!(coverage["totals"]["visits_required"], json!(required));
        assert_eq!(coverage["totals"]["visits_logged"], json!(logged));
        assert_eq!(coverage["totals"]["share_met_percent"], json!((met as f64 / due as f64 * 1000.0).round() / 10.0));

        // Coverage on 10 June 2025: every village and post has a running linkage except one
        // of each; E ended, so it covers nothing.
        assert_eq!(coverage["villages"]["total"], json!(5));
        assert_eq!(coverage["villages"]["uncovered"], json!(1));
        assert_eq!(coverage["villages"]["items"][0]["id"], json!(f.lonely_village));
        assert_eq!(coverage["villages"]["items"][0]["county"]["code"], "532822");
        assert_eq!(coverage["posts"]["total"], json!(3));
        assert_eq!(coverage["posts"]["items"].as_array().map(Vec::len), Some(1));
        assert_eq!(coverage["posts"]["items"][0]["id"], json!(f.lonely_post));
        // Before any 2025 linkage ran (on 2024-12-31 only D and E run).
        let (_, earlier) = get(&app, &app.client, "/api/v1/linkages/coverage?date=2024-12-31").await;
        let uncovered: HashSet<i64> = earlier["villages"]["items"]
            .as_array()
            .expect("items")
            .iter()
            .map(|item| item["id"].as_i64().expect("id"))
            .collect();
        assert_eq!(uncovered, HashSet::from([i64::from(w.vm[1]), i64::from(w.vm[2]), i64::from(w.vm[3])]));
        assert_eq!(earlier["from"], "2024-01", "the default span is the date's year so far");
        assert_eq!(earlier["to"], "2024-12");

        // Overdue on 10 June 2025: D since November 2024, B since April, A since May; C met
        // May; E ended; F has no whole month yet.
        let (status, overdue) = get(&app, &app.client, "/api/v1/linkages/overdue?date=2025-06-10").await;
        assert_eq!(status, StatusCode::OK, "{overdue}");
        let as_of = date(2025, 6, 10);
        let days = |last_day_of_first_unmet: NaiveDate| (as_of - last_day_of_first_unmet).num_days();
        let expected = [
            (f.d, "2024-11", 7, days(date(2024, 11, 30))),
            (f.b, "2025-04", 2, days(date(2025, 4, 30))),
            (f.a, "2025-05", 1, days(date(2025, 5, 31))),
        ];
        assert_eq!(expected.map(|row| row.3), [192, 41, 10], "the hand count agrees with chrono");
        let listed: Vec<(i64, &str, i64, i64)> = overdue["linkages"]
            .as_array()
            .expect("linkages")
            .iter()
            .map(|item| {
                (
                    item["id"].as_i64().expect("id"),
                    item["first_unmet_month"].as_str().expect("month"),
                    item["months_unmet"].as_i64().expect("months"),
                    item["days_overdue"].as_i64().expect("days"),
                )
            })
            .collect();
        assert_eq!(listed, expected.to_vec(), "{}", app.backend);
        assert_eq!(overdue["running"], json!(5), "A, B, C, D and F run on 10 June");
        assert_eq!(overdue["overdue"], json!(3));
        assert_eq!(item(&overdue, f.a)["latest_due_month"]["month"], "2025-05");
        assert_eq!(item(&overdue, f.d)["county"]["code"], "532823");
        let department = |id: i32| {
            overdue["by_department"]
                .as_array()
                .expect("departments")
                .iter()
                .find(|total| total["department"]["id"] == json!(id))
                .map(|total| (total["running"].as_i64().expect("n"), total["overdue"].as_i64().expect("n")))
        };
        assert_eq!(department(w.d_mh), Some((2, 2)));
        assert_eq!(department(w.d_pref), Some((2, 0)));
        assert_eq!(department(w.d_ml), Some((1, 1)));
        assert_eq!(overdue["by_department"][0]["department"]["id"], json!(w.d_mh), "most overdue first");
        let counties: Vec<(String, i64, i64)> = overdue["by_county"]
            .as_array()
            .expect("counties")
            .iter()
            .map(|total| {
                (
                    total["county"]["code"].as_str().expect("code").to_owned(),
                    total["running"].as_i64().expect("n"),
                    total["overdue"].as_i64().expect("n"),
                )
            })
            .collect();
        assert_eq!(counties, [("532822".to_owned(), 4, 2), ("532823".to_owned(), 1, 1)]);

        // On 31 May, May is not over: A's latest due month is April (met), B's April (not).
        // On 1 June, May is over: A, which missed only May, is 1 day overdue.
        for (as_of, expected) in [
            (date(2025, 5, 31), vec![(f.d, date(2024, 11, 30)), (f.b, date(2025, 4, 30))]),
            (date(2025, 6, 1), vec![(f.d, date(2024, 11, 30)), (f.b, date(2025, 4, 30)), (f.a, date(2025, 5, 31))]),
        ] {
            let (_, found) = get(&app, &app.client, &format!("/api/v1/linkages/overdue?date={as_of}")).await;
            let late: Vec<(i64, i64)> = found["linkages"]
                .as_array()
                .expect("linkages")
                .iter()
                .map(|item| (item["id"].as_i64().expect("id"), item["days_overdue"].as_i64().expect("days")))
                .collect();
            let expected: Vec<(i64, i64)> =
                expected.into_iter().map(|(id, since)| (id, (as_of - since).num_days())).collect();
            assert_eq!(late, expected, "{}: {as_of}", app.backend);
        }
        let (_, first_of_june) = get(&app, &app.client, "/api/v1/linkages/overdue?date=2025-06-01").await;
        assert_eq!(item(&first_of_june, f.a)["days_overdue"], json!(1));

        // The Menghai official sees Menghai's part only.
        let (_, county) = get(&app, &official, "/api/v1/linkages/overdue?date=2025-06-10").await;
        let ids: Vec<i64> =
            county["linkages"].as_array().expect("list").iter().map(|item| item["id"].as_i64().expect("id")).collect();
        assert_eq!(ids, vec![f.b, f.a]);
        assert_eq!(county["running"], json!(4));

        // The page lists the same linkages in the same order, with their days.
        let response = official
            .get(format!("{}/linkages/overdue?date=2025-06-10&lang=en", app.address))
            .send()
            .await
            .expect("page");
        assert_eq!(response.status(), StatusCode::OK);
        let html = response.text().await.expect("html");
        let rows: Vec<(i64, i64)> = html
            .split("<tr data-id=\"")
            .skip(1)
            .map(|rest| {
                let id = rest.split('"').next().expect("id").parse().expect("a number");
                let days = rest.split("data-days=\"").nth(1).and_then(|rest| rest.split('"').next()).expect("days");
                (id, days.parse().expect("a number"))
            })
            .collect();
        assert_eq!(rows, vec![(f.b, 41), (f.a, 10)]);
        assert!(html.contains("data-total=\"2\""), "the page counts two overdue linkages");
        assert!(html.contains("width=device-width"), "sized for phones");

        // Bad parameters are refused with what is wrong.
        for (path, needle) in [
            ("/api/v1/linkages/coverage?from=2025-13", "from must be a month written YYYY-MM"),
            ("/api/v1/linkages/coverage?from=2025-05&to=2025-01", "from (2025-05) must not come after to (2025-01)"),
            ("/api/v1/linkages/overdue?date=2025-02-30", "date must be a date written YYYY-MM-DD"),
        ] {
            let (status, problem) = get(&app, &app.client, path).await;
            assert_eq!(status, StatusCode::BAD_REQUEST, "{path}");
            assert!(problem["detail"].as_str().expect("detail").contains(needle), "{path}: {problem}");
        }
        let response =
            official.get(format!("{}/linkages/overdue?date=tomorrow", app.address)).send().await.expect("page");
        assert_eq!(response.status(), StatusCode::BAD_REQUEST);
        assert!(response.headers()["content-type"].to_str().expect("type").starts_with("text/html"));
    }
}

#[tokio::test]
async fn the_dashboards_overdue_row_is_the_api_count_of_today() {
    for backend in backends() {
        let app = spawn_app(&backend).await;
        let w = world(&app.db).await;
        let f = fixtures(&app.db, &w).await;
        // Every visit of the fixtures is older than a month ago, so every running linkage
        // with a whole month over since it began is overdue today: A, B, C, D and F.
        let today = Utc::now().with_timezone(&chrono_tz::Asia::Shanghai).date_naive();
        assert!(today >= date(2025, 7, 1), "the fixtures assume F has a whole month over");
        let (status, overdue) = get(&app, &app.client, "/api/v1/linkages/overdue").await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(overdue["date"], json!(today.to_string()));
        assert_eq!(overdue["overdue"], json!(5));
        let ids: BTreeSet<i64> =
            overdue["linkages"].as_array().expect("list").iter().map(|item| item["id"].as_i64().expect("id")).collect();
        assert!(ids.is_superset(&BTreeSet::from([f.a, f.b, f.c, f.d])));

        let (_, dashboard) = get(&app, &app.client, "/api/v1/dashboard").await;
        assert_eq!(dashboard["linkagesOverdue"]["count"], json!(5));
        assert_eq!(dashboard["linkagesOverdue"]["date"], json!(today.to_string()));
        let html = app.client.get(format!("{}/?lang=en", app.address)).send().await.expect("page");
        let html = html.text().await.expect("html");
        let row = html.split("<tr id=\"linkages-overdue\">").nth(1).and_then(|rest| rest.split("</tr>").next());
        let row = row.expect("the dashboard has the overdue row");
        assert!(row.contains("href=\"/linkages/overdue\""), "{row}");
        assert!(row.contains("data-value=\"5\""), "{row}");

        // A Menghai official's dashboard counts Menghai's: A, B, C and F.
        let official = client_with(&token_for(&app.db, "official.mh", "official", "532822").await);
        let (_, county) = get(&app, &official, "/api/v1/dashboard").await;
        let (_, county_list) = get(&app, &official, "/api/v1/linkages/overdue").await;
        assert_eq!(county["linkagesOverdue"]["count"], json!(4));
        assert_eq!(county_list["overdue"], json!(4));
    }
}

#[tokio::test]
async fn coverage_of_the_demo_matches_the_database_and_the_dashboard() {
    for backend in backends() {
        let app = spawn_app_with_demo(&backend, 11, 200).await;
        let official = client_with(&token_for(&app.db, "official.mh", "official", "532822").await);
        let units = admin_unit::Entity::find().all(&app.db).await.expect("units");
        let menghai = units.iter().find(|unit| unit.code == "532822").expect("Menghai").id;
        // Menghai's subtree, walked here from the parents.
        let mut subtree = HashSet::from([menghai]);
        loop {
            let grown: HashSet<i32> = units
                .iter()
                .filter(|unit| unit.parent_id.is_some_and(|parent| subtree.contains(&parent)))
                .map(|unit| unit.id)
                .chain(subtree.iter().copied())
                .collect();
            if grown.len() == subtree.len() {
                break;
            }
            subtree = grown;
        }
        let villages = village::Entity::find().all(&app.db).await.expect("villages");
        let posts = post::Entity::find().all(&app.db).await.expect("posts");
        let linkages = linkage::Entity::find().all(&app.db).await.expect("linkages");

        for day in [date(2024, 6, 15), date(2022, 5, 1), date(2022, 3, 1)] {
            let running: Vec<&linkage::Model> = linkages
                .iter()
                .filter(|row| row.starts_on <= day && row.ends_on.is_none_or(|end| end >= day))
                .collect();
            let linked_villages: HashSet<i32> = running.iter().map(|row| row.village_id).collect();
            let linked_posts: HashSet<i32> = running.iter().map(|row| row.post_id).collect();
            for (client, in_scope) in [(&app.client, None), (&official, Some(&subtree))] {
                let covers = |unit: i32| in_scope.is_none_or(|units| units.contains(&unit));
                let expected_villages: BTreeSet<i64> = villages
                    .iter()
                    .filter(|row| covers(row.admin_unit_id) && !linked_villages.contains(&row.id))
                    .map(|row| i64::from(row.id))
                    .collect();
                let expected_posts: BTreeSet<i64> = posts
                    .iter()
                    .filter(|row| covers(row.admin_unit_id) && !linked_posts.contains(&row.id))
                    .map(|row| i64::from(row.id))
                    .collect();
                let total_villages = villages.iter().filter(|row| covers(row.admin_unit_id)).count();
                let (status, coverage) = get(&app, client, &format!("/api/v1/linkages/coverage?date={day}")).await;
                assert_eq!(status, StatusCode::OK, "{coverage}");
                let listed = |kind: &str| -> BTreeSet<i64> {
                    coverage[kind]["items"]
                        .as_array()
                        .expect("items")
                        .iter()
                        .map(|item| item["id"].as_i64().expect("id"))
                        .collect()
                };
                assert_eq!(listed("villages"), expected_villages, "{}: villages on {day}", app.backend);
                assert_eq!(listed("posts"), expected_posts, "{}: posts on {day}", app.backend);
                assert_eq!(coverage["villages"]["total"], json!(total_villages));
                assert_eq!(
                    coverage["villages"]["covered"],
                    json!(total_villages - expected_villages.len()),
                    "{}: {day}",
                    app.backend
                );
            }
        }
        // The demo leaves villages and posts unlinked on purpose; in mid-2024 both lists have some.
        let (_, mid_2024) = get(&app, &app.client, "/api/v1/linkages/coverage?date=2024-06-15").await;
        assert!(mid_2024["villages"]["uncovered"].as_u64().expect("n") > 0);
        assert!(mid_2024["posts"]["uncovered"].as_u64().expect("n") > 0);

        // A whole year's compliance is the dashboard's figure for that year (same rule, same
        // linkages, judged as of today).
        let (_, year) = get(&app, &app.client, "/api/v1/linkages/coverage?from=2024-01&to=2024-12").await;
        let (_, dashboard) = get(&app, &app.client, "/api/v1/dashboard?year=2024").await;
        let figure = |id: &str| {
            dashboard["figures"]
                .as_array()
                .expect("figures")
                .iter()
                .find(|figure| figure["id"] == id)
                .map(|figure| figure["compare"].clone())
                .expect("figure")
        };
        assert_eq!(year["totals"]["visits_required"], figure("linkage-visits-required"));
        assert_eq!(year["totals"]["visits_logged"], figure("linkage-visits-logged"));
        assert_eq!(year["totals"]["share_met_percent"], figure("linkage-compliance"));
        assert!(year["totals"]["months_due"].as_u64().expect("n") > 0);
    }
}
