//! Liaison visits through the API: created once, answered as a duplicate or a conflict when
//! sent again, flagged against distances and accuracies computed here, each rule refused with
//! nothing written, offline sync per item and in order (replays create nothing), the batch
//! limits, racing submissions, who may log on which linkage and who sees which visits.

use std::collections::{HashMap, HashSet};

use banna_border::border::Border;
use banna_border::services::auth::jurisdiction_of;
use banna_border::store::entities::{admin_unit, audit_event, linkage, linkage_officer, post, user, village, visit};
use chrono::{Duration, SecondsFormat, Utc};
use geo::{Destination, Distance, Geodesic, Point};
use reqwest::StatusCode;
use sea_orm::ActiveValue::Set;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder,
};
use serde_json::{Value, json};

use crate::helpers::{TestApp, backends, client_with, spawn_app_with_demo, token_for};

const SEED: u64 = 11;
const INCIDENTS: u64 = 200;

/// A linkage with the village and post it pairs, as stored.
struct Linked {
    linkage: linkage::Model,
    village: village::Model,
    post: post::Model,
}

async fn linked(db: &DatabaseConnection, linkage: linkage::Model) -> Linked {
    let village = village::Entity::find_by_id(linkage.village_id).one(db).await.expect("read").expect("village");
    let post = post::Entity::find_by_id(linkage.post_id).one(db).await.expect("read").expect("post");
    Linked { linkage, village, post }
}

/// The demo's linkages, by id.
async fn linkages(db: &DatabaseConnection) -> Vec<linkage::Model> {
    linkage::Entity::find().order_by_asc(linkage::Column::Id).all(db).await.expect("linkages")
}

/// A liaison officer (prefecture-wide account) listed on `linkage_ids`; their client and id.
async fn officer_on(app: &TestApp, username: &str, linkage_ids: &[i32]) -> (reqwest::Client, i32) {
    let token = token_for(&app.db, username, "liaison_officer", "532800").await;
    let id = user_id(&app.db, username).await;
    for linkage_id in linkage_ids {
        linkage_officer::ActiveModel { linkage_id: Set(*linkage_id), user_id: Set(id) }
            .insert(&app.db)
            .await
            .expect("list the officer");
    }
    (client_with(&token), id)
}

async fn user_id(db: &DatabaseConnection, username: &str) -> i32 {
    user::Entity::find().filter(user::Column::Username.eq(username)).one(db).await.expect("read").expect("user").id
}

/// The point `distance_m` from `(lon, lat)` on `bearing_deg`, rounded to 1e-7 degree as a
/// phone's position may be sent.
fn away(lon: f64, lat: f64, bearing_deg: f64, distance_m: f64) -> (f64, f64) {
    let point = Geodesic.destination(Point::new(lon, lat), bearing_deg, distance_m);
    ((point.x() * 1e7).round() / 1e7, (point.y() * 1e7).round() / 1e7)
}

fn hours_ago(hours: i64) -> String {
    (Utc::now() - Duration::hours(hours))
        .with_timezone(&chrono_tz::Asia::Shanghai)
        .to_rfc3339_opts(SecondsFormat::Secs, false)
}

fn visit_body(uuid: &str, at: &Linked, kind: &str, (lon, lat): (f64, f64), accuracy_m: f64, visited_at: &str) -> Value {
    let target_id = if kind == "village" { at.village.id } else { at.post.id };
    json!({
        "id": uuid,
        "linkage_id": at.linkage.id,
        "target": { "kind": kind, "id": target_id },
        "visited_at": visited_at,
        "lon": lon,
        "lat": lat,
        "accuracy_m": accuracy_m,
        "findings": [
            { "kind": "dispute", "text": "两户村民因茶地边界发生争执" },
            { "kind": "livelihood_need", "text": "村道雨季塌方，需要修复" }
        ],
        "follow_ups": "下次走访时回访",
    })
}

fn new_uuid() -> String {
    uuid::Uuid::new_v4().to_string()
}

async fn send(client: &reqwest::Client, url: String, body: &Value) -> (StatusCode, Value) {
    let response = client.post(url).header("Accept-Language", "en").json(body).send().await.expect("request");
    let status = response.status();
    let text = response.text().await.expect("body");
    (status, serde_json::from_str(&text).unwrap_or(Value::String(text)))
}

async fn post_visit(app: &TestApp, client: &reqwest::Client, body: &Value) -> (StatusCode, Value) {
    send(client, format!("{}/api/v1/visits", app.address), body).await
}

async fn sync(app: &TestApp, client: &reqwest::Client, visits: &[Value]) -> (StatusCode, Value) {
    send(client, format!("{}/api/v1/sync/visits", app.address), &json!({ "visits": visits })).await
}

async fn get(client: &reqwest::Client, url: String) -> Value {
    let response = client.get(url).send().await.expect("request");
    assert_eq!(response.status(), StatusCode::OK);
    response.json().await.expect("json")
}

/// (visits, audit events about visits) in the database.
async fn counts(db: &DatabaseConnection) -> (u64, u64) {
    let visits = visit::Entity::find().count(db).await.expect("count");
    let audits =
        audit_event::Entity::find().filter(audit_event::Column::RecordType.eq("visit")).count(db).await.expect("count");
    (visits, audits)
}

async fn stored(db: &DatabaseConnection, uuid: &str) -> Option<visit::Model> {
    let uuid = uuid::Uuid::parse_str(uuid).expect("uuid");
    visit::Entity::find().filter(visit::Column::Uuid.eq(uuid)).one(db).await.expect("read")
}

fn flags_of(row: &visit::Model) -> Vec<String> {
    row.flags.as_array().expect("flags").iter().map(|flag| flag.as_str().expect("text").to_owned()).collect()
}

#[tokio::test]
async fn a_visit_is_stored_once_answered_as_a_duplicate_and_a_changed_copy_is_a_conflict() {
    for backend in backends() {
        let app = spawn_app_with_demo(&backend, SEED, INCIDENTS).await;
        let all = linkages(&app.db).await;
        let at = linked(&app.db, all[0].clone()).await;
        let (officer, officer_id) = officer_on(&app, "visits.officer", &[at.linkage.id]).await;
        let (visits_before, audits_before) = counts(&app.db).await;

        // 2.5 km north-east of the village with a poor fix: both flags.
        let far_point = away(at.village.lon, at.village.lat, 45.0, 2500.0);
        let uuid = new_uuid();
        let body = visit_body(&uuid, &at, "village", far_point, 150.0, &hours_ago(2));
        let (status, created) = post_visit(&app, &officer, &body).await;
        assert_eq!(status, StatusCode::CREATED, "{}: {created}", app.backend);
        let properties = &created["properties"];
        assert_eq!(properties["uuid"], uuid.as_str());
        assert_eq!(properties["target"], json!({ "kind": "village", "id": at.village.id }));
        assert_eq!(properties["officer_id"], officer_id);
        let expected_m =
            Geodesic.distance(Point::new(far_point.0, far_point.1), Point::new(at.village.lon, at.village.lat));
        assert!((expected_m - 2500.0).abs() < 0.05, "the fixture itself is 2.5 km away: {expected_m}");
        let distance = properties["distance_to_target_m"].as_f64().expect("a distance");
        assert!((distance - expected_m).abs() < 1e-6, "{}: {distance} vs {expected_m}", app.backend);
        assert_eq!(properties["flags"], json!(["far_from_target", "low_accuracy"]));
        assert_eq!(
            properties["findings"][1],
            json!({ "index": 1, "kind": "livelihood_need", "text": "村道雨季塌方，需要修复" })
        );

        let row = stored(&app.db, &uuid).await.expect("stored");
        assert_eq!(created["id"], row.id);
        assert_eq!((row.linkage_id, row.officer_id, row.target.as_str()), (at.linkage.id, officer_id, "village"));
        assert_eq!((row.lon, row.lat), far_point);
        assert_eq!(flags_of(&row), ["far_from_target", "low_accuracy"]);
        let located = Border::bundled().locate(row.lon, row.lat).expect("located");
        assert!(row.border_km.is_some_and(|km| (km - located.border_km).abs() < 1e-9));
        assert!(row.distance_m.is_some_and(|m| (m - located.distance_m).abs() < 1e-6));
        assert_eq!(row.section.as_deref(), Some(located.section.as_str()));
        assert_eq!(counts(&app.db).await, (visits_before + 1, audits_before + 1), "one visit, one audit event");

        // The same visit again, even with a position differing below the stored precision.
        let mut again = body.clone();
        again["lon"] = json!(far_point.0 + 2e-9);
        let (status, duplicate) = post_visit(&app, &officer, &again).await;
        assert_eq!(status, StatusCode::OK, "{}: {duplicate}", app.backend);
        assert_eq!(duplicate["id"], row.id);
        assert_eq!(counts(&app.db).await, (visits_before + 1, audits_before + 1), "a duplicate writes nothing");

        // The same id with other content: 409, nothing changed.
        for change in [
            json!({ "accuracy_m": 150.5 }),
            json!({ "follow_ups": null }),
            json!({ "findings": [{ "kind": "dispute", "text": "两户村民因茶地边界发生争执" }] }),
            json!({ "target": { "kind": "post", "id": at.post.id } }),
            json!({ "visited_at": hours_ago(3) }),
        ] {
            let mut changed = body.clone();
            for (key, value) in change.as_object().expect("object") {
                changed[key] = value.clone();
            }
            let (status, problem) = post_visit(&app, &officer, &changed).await;
            assert_eq!(status, StatusCode::CONFLICT, "{}: {change}: {problem}", app.backend);
            assert_eq!(problem["type"], "/problems/visit-conflict");
            assert!(problem["detail"].as_str().expect("detail").contains(&uuid), "{problem}");
        }
        assert_eq!(stored(&app.db, &uuid).await.expect("stored"), row, "the record is unchanged");
        assert_eq!(counts(&app.db).await, (visits_before + 1, audits_before + 1));

        // 500 m from the post with a good fix: no flag.
        let near_point = away(at.post.lon, at.post.lat, 200.0, 500.0);
        let near_uuid = new_uuid();
        let (status, near) =
            post_visit(&app, &officer, &visit_body(&near_uuid, &at, "post", near_point, 12.0, &hours_ago(1))).await;
        assert_eq!(status, StatusCode::CREATED, "{near}");
        assert_eq!(near["properties"]["flags"], json!([]));

        // Supervisors list flagged visits; the count is the database's.
        let all_rows = visit::Entity::find().all(&app.db).await.expect("visits");
        let flagged: HashSet<i32> = all_rows.iter().filter(|row| !flags_of(row).is_empty()).map(|row| row.id).collect();
        let listed = get(&app.client, format!("{}/api/v1/visits?flagged=true&limit=10000", app.address)).await;
        assert_eq!(listed["numberMatched"].as_u64(), Some(flagged.len() as u64));
        let ids: HashSet<i64> = listed["features"]
            .as_array()
            .expect("features")
            .iter()
            .map(|feature| feature["id"].as_i64().expect("id"))
            .collect();
        assert!(ids.contains(&i64::from(row.id)));
        assert!(!ids.contains(&near["id"].as_i64().expect("id")));
        let unflagged = get(&app.client, format!("{}/api/v1/visits?flagged=false&limit=1", app.address)).await;
        assert_eq!(unflagged["numberMatched"].as_u64(), Some((all_rows.len() - flagged.len()) as u64));
        let by_linkage =
            get(&app.client, format!("{}/api/v1/visits?linkage={}&officer={officer_id}", app.address, at.linkage.id))
                .await;
        assert_eq!(by_linkage["numberMatched"], 2, "the officer's two visits on the linkage");
        assert_eq!(by_linkage["features"][0]["id"], near["id"], "newest first");
    }
}

#[tokio::test]
async fn each_rule_refuses_its_own_mistake_and_writes_nothing() {
    for backend in backends() {
        let app = spawn_app_with_demo(&backend, SEED, INCIDENTS).await;
        let all = linkages(&app.db).await;
        let at = linked(&app.db, all[1].clone()).await;
        // A linkage that ended at the end of 2024.
        let ended = linked(&app.db, all[2].clone()).await;
        let mut ending: linkage::ActiveModel = ended.linkage.clone().into();
        ending.ends_on = Set(chrono::NaiveDate::from_ymd_opt(2024, 12, 31));
        let ended = Linked { linkage: ending.update(&app.db).await.expect("end the linkage"), ..ended };
        let (officer, _) = officer_on(&app, "visits.rules", &[at.linkage.id, ended.linkage.id]).await;
        let before = counts(&app.db).await;
        let point = (at.village.lon, at.village.lat);
        let valid = visit_body(&new_uuid(), &at, "village", point, 10.0, &hours_ago(1));
        let cases: Vec<(&str, Value)> = vec![
            ("problem-visit-id", json!({ "id": "not-a-uuid" })),
            ("missing", json!({ "lon": null })),
            ("target", json!({ "target": { "kind": "village", "id": at.post.id } })),
            ("target kind", json!({ "target": { "kind": "school", "id": at.village.id } })),
            ("future", json!({ "visited_at": (Utc::now() + Duration::minutes(10)).to_rfc3339() })),
            ("before the start", json!({ "visited_at": "2021-06-01T10:00:00+08:00" })),
            ("time", json!({ "visited_at": "yesterday" })),
            ("position", json!({ "lat": 95.0 })),
            ("accuracy", json!({ "accuracy_m": -1.0 })),
            ("finding kind", json!({ "findings": [{ "kind": "rumour", "text": "…" }] })),
            ("text", json!({ "follow_ups": "字".repeat(2001) })),
        ];
        for (name, change) in cases {
            let mut bad = valid.clone();
            for (key, value) in change.as_object().expect("object") {
                bad[key] = value.clone();
            }
            let (status, problem) = post_visit(&app, &officer, &bad).await;
            assert_eq!(status, StatusCode::BAD_REQUEST, "{}: {name}: {problem}", app.backend);
            let detail = problem["detail"].as_str().expect("a detail");
            assert!(!detail.is_empty() && !detail.starts_with("problem-"), "{name}: {detail}");
        }
        let after_end = visit_body(&new_uuid(), &ended, "post", (ended.post.lon, ended.post.lat), 5.0, &hours_ago(1));
        let (status, problem) = post_visit(&app, &officer, &after_end).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{problem}");
        assert!(problem["detail"].as_str().expect("detail").contains("2024-12-31"), "{problem}");
        assert_eq!(counts(&app.db).await, before, "nothing was written");
        let (status, _) = post_visit(&app, &officer, &valid).await;
        assert_eq!(status, StatusCode::CREATED, "the unchanged visit is valid");
    }
}

#[tokio::test]
async fn a_sync_answers_each_visit_in_order_and_replays_create_nothing() {
    for backend in backends() {
        let app = spawn_app_with_demo(&backend, SEED, INCIDENTS).await;
        let all = linkages(&app.db).await;
        let mine = linked(&app.db, all[3].clone()).await;
        let other = linked(&app.db, all[4].clone()).await;
        let (officer, _) = officer_on(&app, "visits.sync", &[mine.linkage.id]).await;
        let first =
            visit_body(&new_uuid(), &mine, "village", (mine.village.lon, mine.village.lat), 8.0, &hours_ago(30));
        let (status, earlier) = post_visit(&app, &officer, &first).await;
        assert_eq!(status, StatusCode::CREATED);
        let before = counts(&app.db).await;

        let mut conflicting = first.clone();
        conflicting["accuracy_m"] = json!(9.0);
        let mut bad_id = first.clone();
        bad_id["id"] = json!("12345");
        let batch = vec![
            visit_body(&new_uuid(), &mine, "post", (mine.post.lon, mine.post.lat), 20.0, &hours_ago(5)),
            first.clone(),
            conflicting,
            bad_id,
            // Someone else's linkage.
            visit_body(&new_uuid(), &other, "village", (other.village.lon, other.village.lat), 8.0, &hours_ago(4)),
            json!("not a visit"),
            visit_body(&new_uuid(), &mine, "village", (mine.village.lon, mine.village.lat), 30.0, &hours_ago(3)),
        ];
        let (status, answer) = sync(&app, &officer, &batch).await;
        assert_eq!(status, StatusCode::OK, "{}: {answer}", app.backend);
        let results = answer["results"].as_array().expect("results");
        let statuses: Vec<&str> = results.iter().map(|item| item["status"].as_str().expect("status")).collect();
        assert_eq!(statuses, ["created", "duplicate", "conflict", "invalid", "invalid", "invalid", "created"]);
        for (item, sent) in results.iter().zip(&batch) {
            assert_eq!(item["id"], sent.get("id").cloned().unwrap_or(Value::Null), "results follow the input order");
        }
        assert_eq!(results[1]["visit_id"], earlier["id"]);
        for refused in &results[2..=5] {
            assert!(refused["visit_id"].is_null());
            assert!(!refused["reason"].as_str().expect("a reason").is_empty(), "{refused}");
        }
        assert!(results[3]["reason"].as_str().expect("reason").contains("12345"), "the reason names the value");
        assert!(results[4]["reason"].as_str().expect("reason").contains(&other.linkage.id.to_string()));
        let created: Vec<i64> = [0, 6].iter().map(|index| results[*index]["visit_id"].as_i64().expect("id")).collect();
        assert_eq!(counts(&app.db).await, (before.0 + 2, before.1 + 2), "two visits, an audit event each");

        for replay in 1..=3 {
            let (status, answer) = sync(&app, &officer, &batch).await;
            assert_eq!(status, StatusCode::OK);
            let results = answer["results"].as_array().expect("results");
            let statuses: Vec<&str> = results.iter().map(|item| item["status"].as_str().expect("status")).collect();
            assert_eq!(
                statuses,
                ["duplicate", "duplicate", "conflict", "invalid", "invalid", "invalid", "duplicate"],
                "replay {replay}"
            );
            assert_eq!(results[0]["visit_id"].as_i64(), Some(created[0]));
            assert_eq!(results[6]["visit_id"].as_i64(), Some(created[1]));
            assert_eq!(counts(&app.db).await, (before.0 + 2, before.1 + 2), "replay {replay} wrote nothing");
        }

        // More than 500 visits: 413, nothing written.
        let many: Vec<Value> = (0..501)
            .map(|_| visit_body(&new_uuid(), &mine, "post", (mine.post.lon, mine.post.lat), 5.0, &hours_ago(2)))
            .collect();
        let (status, problem) = sync(&app, &officer, &many).await;
        assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE, "{problem}");
        assert_eq!(problem["type"], "/problems/too-many-visits");
        // Within 500 but over the JSON body limit (1 MiB by default): 413 as well.
        let long_text = "字".repeat(2000);
        let heavy: Vec<Value> = (0..200)
            .map(|_| {
                let mut visit =
                    visit_body(&new_uuid(), &mine, "post", (mine.post.lon, mine.post.lat), 5.0, &hours_ago(2));
                visit["follow_ups"] = json!(long_text);
                visit
            })
            .collect();
        let (status, _) = sync(&app, &officer, &heavy).await;
        assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE);
        assert_eq!(counts(&app.db).await, (before.0 + 2, before.1 + 2));
        // Exactly 500 fit.
        let (status, answer) = sync(&app, &officer, &many[..500]).await;
        assert_eq!(status, StatusCode::OK);
        assert!(answer["results"].as_array().expect("results").iter().all(|item| item["status"] == "created"));
        assert_eq!(counts(&app.db).await.0, before.0 + 502);
    }
}

#[tokio::test]
async fn identical_submissions_racing_store_one_visit() {
    for backend in backends() {
        let app = spawn_app_with_demo(&backend, SEED, INCIDENTS).await;
        let all = linkages(&app.db).await;
        let at = linked(&app.db, all[5].clone()).await;
        let (officer, _) = officer_on(&app, "visits.race", &[at.linkage.id]).await;
        let before = counts(&app.db).await;
        let uuid = new_uuid();
        let body = visit_body(&uuid, &at, "village", (at.village.lon, at.village.lat), 7.0, &hours_ago(1));
        let mut tasks = Vec::new();
        for attempt in 0..8 {
            let (client, url, body) = (officer.clone(), app.address.clone(), body.clone());
            tasks.push(tokio::spawn(async move {
                if attempt % 2 == 0 {
                    send(&client, format!("{url}/api/v1/visits"), &body).await.0.as_u16()
                } else {
                    let (status, answer) =
                        send(&client, format!("{url}/api/v1/sync/visits"), &json!({ "visits": [body] })).await;
                    assert_eq!(status, StatusCode::OK, "{answer}");
                    match answer["results"][0]["status"].as_str() {
                        Some("created") => 201,
                        Some("duplicate") => 200,
                        other => panic!("unexpected {other:?}: {answer}"),
                    }
                }
            }));
        }
        let mut statuses = Vec::new();
        for task in tasks {
            statuses.push(task.await.expect("task"));
        }
        statuses.sort_unstable();
        assert_eq!(statuses, [200, 200, 200, 200, 200, 200, 200, 201], "{}", app.backend);
        assert_eq!(counts(&app.db).await, (before.0 + 1, before.1 + 1));
    }
}

#[tokio::test]
async fn officers_log_on_their_own_linkages_and_each_caller_sees_their_scope() {
    for backend in backends() {
        let app = spawn_app_with_demo(&backend, SEED, INCIDENTS).await;
        let all = linkages(&app.db).await;
        let (first, second) = (linked(&app.db, all[6].clone()).await, linked(&app.db, all[7].clone()).await);
        let (alice, alice_id) = officer_on(&app, "visits.alice", &[first.linkage.id]).await;
        let (bob, bob_id) = officer_on(&app, "visits.bob", &[second.linkage.id]).await;
        let before = counts(&app.db).await;

        let on_bobs =
            visit_body(&new_uuid(), &second, "village", (second.village.lon, second.village.lat), 5.0, &hours_ago(1));
        let (status, problem) = post_visit(&app, &alice, &on_bobs).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{problem}");
        assert_eq!(counts(&app.db).await, before);
        let (status, alices) = post_visit(
            &app,
            &alice,
            &visit_body(&new_uuid(), &first, "post", (first.post.lon, first.post.lat), 5.0, &hours_ago(1)),
        )
        .await;
        assert_eq!(status, StatusCode::CREATED);
        let (status, _) = post_visit(&app, &bob, &on_bobs).await;
        assert_eq!(status, StatusCode::CREATED);

        // Each officer sees their own visits only.
        for (client, id) in [(&alice, alice_id), (&bob, bob_id)] {
            let listed = get(client, format!("{}/api/v1/visits?limit=10000", app.address)).await;
            let features = listed["features"].as_array().expect("features");
            assert_eq!(features.len(), 1);
            assert_eq!(features[0]["properties"]["officer_id"], id);
        }
        let peek = get(&alice, format!("{}/api/v1/visits?officer={bob_id}", app.address)).await;
        assert_eq!(peek["numberMatched"], 0, "another officer's visits stay hidden");

        // The phone's cache: exactly Alice's linkage, with its places as stored.
        let mine = get(&alice, format!("{}/api/v1/linkages/mine", app.address)).await;
        let cached = mine["linkages"].as_array().expect("linkages");
        assert_eq!(cached.len(), 1);
        assert_eq!(cached[0]["id"], first.linkage.id);
        assert_eq!(cached[0]["village"]["id"], first.village.id);
        assert_eq!(cached[0]["village"]["lon"].as_f64(), Some(first.village.lon));
        assert_eq!(cached[0]["post"]["lat"].as_f64(), Some(first.post.lat));
        assert_eq!(cached[0]["post"]["name_zh"], first.post.name_zh.as_str());
        let none = get(&app.client, format!("{}/api/v1/linkages/mine", app.address)).await;
        assert_eq!(none["linkages"], json!([]), "the admin is no linkage's officer");

        // A county official logs and reads within the county only.
        let county = admin_unit::Entity::find()
            .filter(admin_unit::Column::Code.eq("532822"))
            .one(&app.db)
            .await
            .expect("read")
            .expect("Menghai");
        let scope = jurisdiction_of(&app.db, county.id).await.expect("subtree");
        let official = client_with(&token_for(&app.db, "visits.menghai", "official", "532822").await);
        let villages: HashMap<i32, i32> = village::Entity::find()
            .all(&app.db)
            .await
            .expect("villages")
            .into_iter()
            .map(|v| (v.id, v.admin_unit_id))
            .collect();
        let in_county = |row: &linkage::Model| scope.covers(villages.get(&row.village_id).copied());
        let inside = all.iter().find(|row| in_county(row)).expect("a Menghai linkage").clone();
        let outside = all.iter().find(|row| !in_county(row)).expect("a linkage elsewhere").clone();
        let (inside, outside) = (linked(&app.db, inside).await, linked(&app.db, outside).await);
        let (status, _) = post_visit(
            &app,
            &official,
            &visit_body(
                &new_uuid(),
                &outside,
                "village",
                (outside.village.lon, outside.village.lat),
                5.0,
                &hours_ago(1),
            ),
        )
        .await;
        assert_eq!(status, StatusCode::NOT_FOUND);
        let (status, _) = post_visit(
            &app,
            &official,
            &visit_body(&new_uuid(), &inside, "village", (inside.village.lon, inside.village.lat), 5.0, &hours_ago(1)),
        )
        .await;
        assert_eq!(status, StatusCode::CREATED);
        let linkage_village: HashMap<i32, i32> = all.iter().map(|row| (row.id, row.village_id)).collect();
        let expected = visit::Entity::find()
            .all(&app.db)
            .await
            .expect("visits")
            .iter()
            .filter(|row| scope.covers(villages.get(&linkage_village[&row.linkage_id]).copied()))
            .count();
        let listed = get(&official, format!("{}/api/v1/visits?limit=10000", app.address)).await;
        assert_eq!(listed["numberMatched"].as_u64(), Some(expected as u64));
        assert!(listed["features"].as_array().expect("features").iter().all(|feature| {
            let linkage_id = i32::try_from(feature["properties"]["linkage_id"].as_i64().expect("id")).expect("small");
            scope.covers(villages.get(&linkage_village[&linkage_id]).copied())
        }));
        let shows_alices = listed["features"].as_array().expect("features").iter().any(|f| f["id"] == alices["id"]);
        assert_eq!(shows_alices, in_county(&first.linkage), "Alice's visit is listed exactly when in the county");
    }
}
