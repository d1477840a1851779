//! Incident intake through the API: create, replace and soft-delete round trips with the border
//! fields checked against the border engine run here, the unit each record is placed in, the
//! audit trail, every validation rule refused with nothing written, and writes outside the
//! caller's jurisdiction refused.

use banna_border::border::{Border, Side};
use banna_border::services::auth::jurisdiction_of;
use banna_border::store::entities::{admin_unit, audit_event, incident, post, user, village};
use chrono::{Duration, Utc};
use reqwest::StatusCode;
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder};
use serde_json::{Value, json};

use crate::helpers::{TestApp, backends, client_with, spawn_app_with_demo, token_for};

const SEED: u64 = 5;
const INCIDENTS: u64 = 3000;

fn feature(lon: f64, lat: f64, properties: Value) -> Value {
    json!({ "type": "Feature", "geometry": { "type": "Point", "coordinates": [lon, lat] }, "properties": properties })
}

fn properties() -> Value {
    json!({
        "occurred_at": "2024-05-01T10:00:00+08:00",
        "category": "smuggling",
        "persons_apprehended": 2,
        "villagers_involved": 1,
    })
}

/// A point `distance_m` inside China from the border at `km`, computed with the engine.
fn inside_at(km: f64, distance_m: f64) -> (f64, f64) {
    Border::bundled().offset(km, distance_m, Side::Cn).expect("a point off the line")
}

/// The unit of the post whose sector holds `km`, found here from the posts as stored.
async fn sector_unit(db: &DatabaseConnection, km: f64) -> Option<i32> {
    let posts = post::Entity::find().order_by_asc(post::Column::SectorStartKm).all(db).await.expect("posts");
    posts
        .iter()
        .find(|row| row.sector_start_km <= km && km < row.sector_end_km)
        .or_else(|| posts.iter().find(|row| row.sector_end_km == km))
        .map(|row| row.admin_unit_id)
}

fn assert_border_fields(row: &incident::Model) {
    let expected = Border::bundled().locate(row.lon, row.lat).expect("a located point");
    let close = |a: Option<f64>, b: f64| a.is_some_and(|a| (a - b).abs() < 1e-9);
    assert!(close(row.border_km, expected.border_km), "border_km {:?} vs {}", row.border_km, expected.border_km);
    assert!(close(row.distance_m, expected.distance_m), "distance_m {:?} vs {}", row.distance_m, expected.distance_m);
    assert_eq!(row.section.as_deref(), Some(expected.section.as_str()));
    assert_eq!(row.side.as_deref(), Some(expected.side.as_str()));
}

async fn user_id(db: &DatabaseConnection, username: &str) -> i32 {
    user::Entity::find().filter(user::Column::Username.eq(username)).one(db).await.expect("read").expect("user").id
}

async fn counts(db: &DatabaseConnection) -> (u64, u64, u64) {
    let incidents = incident::Entity::find().count(db).await.expect("count");
    let live = incident::Entity::find().filter(incident::Column::DeletedAt.is_null()).count(db).await.expect("count");
    let audits = audit_event::Entity::find().count(db).await.expect("count");
    (incidents, live, audits)
}

async fn audits_of(db: &DatabaseConnection, id: i64) -> Vec<audit_event::Model> {
    audit_event::Entity::find()
        .filter(audit_event::Column::RecordType.eq("incident"))
        .filter(audit_event::Column::RecordId.eq(id.to_string()))
        .order_by_asc(audit_event::Column::Id)
        .all(db)
        .await
        .expect("audit")
}

async fn send(
    client: &reqwest::Client,
    method: reqwest::Method,
    url: String,
    body: Option<&Value>,
) -> (StatusCode, Value) {
    let mut request = client.request(method, url);
    if let Some(body) = body {
        request = request.json(body);
    }
    let response = request.send().await.expect("request");
    let status = response.status();
    let text = response.text().await.expect("body");
    (status, if text.is_empty() { Value::Null } else { serde_json::from_str(&text).expect("JSON") })
}

/// The dashboard's incident count for 2024 in the admin's view.
async fn incidents_2024(app: &TestApp) -> i64 {
    let (status, _, body) = app.get_json("/api/v1/dashboard?year=2024").await;
    assert_eq!(status, StatusCode::OK);
    let figures = body["figures"].as_array().expect("figures");
    let incidents = figures.iter().find(|figure| figure["id"] == "incidents").expect("incidents figure");
    incidents["compare"].as_i64().expect("a count")
}

#[tokio::test]
async fn an_incident_is_created_replaced_and_deleted_with_border_fields_and_audit() {
    for backend in backends() {
        let app = spawn_app_with_demo(&backend, SEED, INCIDENTS).await;
        let admin = user_id(&app.db, "test.admin").await;
        let chosen = village::Entity::find().order_by_asc(village::Column::Id).one(&app.db).await.expect("read");
        let chosen = chosen.expect("a demo village");
        let figure_before = incidents_2024(&app).await;
        let (_, _, listed_before) = app.get_json("/api/v1/incidents?limit=1").await;

        // Create, near a village and naming it.
        let mut props = properties();
        props["village_id"] = json!(chosen.id);
        props["description"] = json!("  两人携带走私香烟被查获  ");
        let body = feature(chosen.lon + 0.002, chosen.lat - 0.001, props);
        let response = app.client.post(format!("{}/api/v1/incidents", app.address)).json(&body).send().await;
        let response = response.expect("post");
        if response.status() != StatusCode::CREATED {
            panic!("{}: {} {}", app.backend, response.status(), response.text().await.expect("body"));
        }
        let location = response.headers()["location"].to_str().expect("ascii").to_owned();
        let created: Value = response.json().await.expect("a feature");
        let id = created["id"].as_i64().expect("an id");
        assert_eq!(location, format!("/api/v1/incidents/{id}"));
        let row = incident::Entity::find_by_id(id).one(&app.db).await.expect("read").expect("stored");
        // JSON numbers are read to within a unit in the last place.
        assert!((row.lon - (chosen.lon + 0.002)).abs() < 1e-12 && (row.lat - (chosen.lat - 0.001)).abs() < 1e-12);
        assert_eq!(row.occurred_at, "2024-05-01T02:00:00Z".parse::<chrono::DateTime<Utc>>().expect("time"));
        assert_eq!((row.category.as_str(), row.persons_apprehended, row.villagers_involved), ("smuggling", 2, 1));
        assert_eq!(row.village_id, Some(chosen.id));
        assert_eq!(row.admin_unit_id, Some(chosen.admin_unit_id), "placed in its village's unit");
        assert_eq!(row.description.as_deref(), Some("两人携带走私香烟被查获"), "trimmed");
        assert_eq!((row.source.as_str(), row.is_demo, row.deleted_at), ("api", false, None));
        assert_border_fields(&row);
        assert_eq!(created["properties"]["border_km"].as_f64(), row.border_km);
        assert_eq!(created["properties"]["section"].as_str(), row.section.as_deref());
        let (status, _, fetched) = app.get_json(&location).await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(fetched, created, "the Location answers the same Feature");
        assert_eq!(incidents_2024(&app).await, figure_before + 1, "the dashboard counts it");
        let trail = audits_of(&app.db, id).await;
        assert_eq!(trail.len(), 1);
        assert_eq!((trail[0].action.as_str(), trail[0].actor_user_id), ("create", Some(admin)));
        assert_eq!(trail[0].after.as_ref().expect("after")["border_km"].as_f64(), row.border_km);

        // Replace every editable field: a point without a village, placed by its post sector.
        let km = 400.0;
        let (lon, lat) = inside_at(km, 3_000.0);
        let replacement = feature(
            lon,
            lat,
            json!({
                "occurred_at": "2024-06-02T23:30:00+07:00",
                "category": "drug_trafficking",
                "persons_apprehended": 0,
                "villagers_involved": 4,
                "description": "",
                "source": "ignored: the source is not editable",
                "border_km": 1.0,
            }),
        );
        let url = format!("{}{location}", app.address);
        let (status, replaced) = send(&app.client, reqwest::Method::PUT, url.clone(), Some(&replacement)).await;
        assert_eq!(status, StatusCode::OK, "{replaced}");
        let row = incident::Entity::find_by_id(id).one(&app.db).await.expect("read").expect("stored");
        assert!((row.lon - lon).abs() < 1e-12 && (row.lat - lat).abs() < 1e-12);
        assert_eq!(row.occurred_at, "2024-06-02T16:30:00Z".parse::<chrono::DateTime<Utc>>().expect("time"));
        assert_eq!(
            (row.category.as_str(), row.persons_apprehended, row.villagers_involved),
            ("drug_trafficking", 0, 4)
        );
        assert_eq!((row.village_id, row.description.as_deref(), row.source.as_str()), (None, None, "api"));
        assert_border_fields(&row);
        assert!((row.border_km.expect("km") - km).abs() < 0.01, "the engine puts it back at km {km}");
        let unit = sector_unit(&app.db, row.border_km.expect("km")).await;
        assert!(unit.is_some(), "the demo's post sectors cover the line");
        assert_eq!(row.admin_unit_id, unit, "placed by the post sector holding its km");
        assert_eq!(replaced["properties"]["category"], "drug_trafficking");
        let trail = audits_of(&app.db, id).await;
        assert_eq!(trail.len(), 2);
        assert_eq!(trail[1].action, "update");
        assert_eq!(trail[1].before.as_ref().expect("before")["category"], "smuggling");
        assert_eq!(trail[1].before.as_ref().expect("before")["village_id"], json!(chosen.id));
        assert_eq!(trail[1].after.as_ref().expect("after")["category"], "drug_trafficking");

        // Delete: gone from the record, the lists, the pages and the figures; kept in the table.
        let (status, body) = send(&app.client, reqwest::Method::DELETE, url.clone(), None).await;
        assert_eq!((status, body), (StatusCode::NO_CONTENT, Value::Null));
        let row = incident::Entity::find_by_id(id).one(&app.db).await.expect("read").expect("kept");
        assert!(row.deleted_at.is_some());
        assert_eq!(app.get(&location).await.status(), StatusCode::NOT_FOUND);
        assert_eq!(app.get(&format!("/incidents/{id}")).await.status(), StatusCode::NOT_FOUND, "the page");
        let (_, _, listed_after) = app.get_json("/api/v1/incidents?limit=1").await;
        assert_eq!(listed_after["numberMatched"], listed_before["numberMatched"]);
        assert_eq!(incidents_2024(&app).await, figure_before);
        let (status, _) = send(&app.client, reqwest::Method::DELETE, url.clone(), None).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "deleting twice");
        let (status, _) = send(&app.client, reqwest::Method::PUT, url, Some(&replacement)).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "a deleted record cannot be corrected");
        let trail = audits_of(&app.db, id).await;
        assert_eq!(trail.iter().map(|event| event.action.as_str()).collect::<Vec<_>>(), ["create", "update", "delete"]);
        assert!(trail[2].after.as_ref().expect("after")["deleted_at"].is_string());
        assert_eq!(trail[2].actor_user_id, Some(admin));
    }
}

#[tokio::test]
async fn every_rule_is_refused_with_a_localized_problem_and_nothing_written() {
    for backend in backends() {
        let app = spawn_app_with_demo(&backend, SEED, INCIDENTS).await;
        let (lon, lat) = inside_at(300.0, 2_000.0);
        let with = |name: &str, value: Value| {
            let mut props = properties();
            props[name] = value;
            feature(lon, lat, props)
        };
        let without = |name: &str| {
            let mut props = properties();
            props.as_object_mut().expect("object").remove(name);
            feature(lon, lat, props)
        };
        let future = (Utc::now() + Duration::minutes(30)).to_rfc3339();
        let cases: Vec<(&str, Value, &str)> = vec![
            ("time in the future", with("occurred_at", json!(future)), "future"),
            ("time without an offset", with("occurred_at", json!("2024-05-01T10:00:00")), "RFC 3339"),
            ("time as words", with("occurred_at", json!("yesterday")), "RFC 3339"),
            ("time before 2000", with("occurred_at", json!("1999-12-31T23:00:00Z")), "2000"),
            ("time missing", without("occurred_at"), "occurred_at"),
            ("longitude out of range", feature(181.0, lat, properties()), "WGS84"),
            ("latitude out of range", feature(lon, -91.0, properties()), "WGS84"),
            ("far from the border", feature(110.0, 30.0, properties()), "200"),
            (
                "not a point",
                json!({ "type": "Feature", "geometry": { "type": "LineString", "coordinates": [[100.5, 21.9], [100.6, 21.9]] }, "properties": properties() }),
                "Point",
            ),
            ("no geometry", json!({ "type": "Feature", "properties": properties() }), "Point"),
            (
                "coordinates as text",
                json!({ "type": "Feature", "geometry": { "type": "Point", "coordinates": ["100.5", "21.9"] }, "properties": properties() }),
                "Point",
            ),
            ("unknown category", with("category", json!("poaching")), "poaching"),
            ("negative persons", with("persons_apprehended", json!(-1)), "persons_apprehended"),
            ("fractional persons", with("persons_apprehended", json!(1.5)), "persons_apprehended"),
            ("persons as text", with("persons_apprehended", json!("two")), "persons_apprehended"),
            ("too many persons", with("persons_apprehended", json!(10_001)), "10000"),
            ("negative villagers", with("villagers_involved", json!(-3)), "villagers_involved"),
            ("villagers missing", without("villagers_involved"), "villagers_involved"),
            ("unknown village", with("village_id", json!(987_654)), "987654"),
            ("village id zero", with("village_id", json!(0)), "0"),
            ("description too long", with("description", json!("x".repeat(2001))), "2000"),
            ("description not text", with("description", json!(["a"])), "description"),
        ];
        let existing = incident::Entity::find().one(&app.db).await.expect("read").expect("a demo incident");
        for (what, body, mentions) in &cases {
            let before = counts(&app.db).await;
            for (method, path) in [
                (reqwest::Method::POST, "/api/v1/incidents?lang=en".to_owned()),
                (reqwest::Method::PUT, format!("/api/v1/incidents/{}?lang=en", existing.id)),
            ] {
                let url = format!("{}{path}", app.address);
                let response = app.client.request(method.clone(), url).json(body).send().await.expect("request");
                assert_eq!(response.status(), StatusCode::BAD_REQUEST, "{}: {method} {what}", app.backend);
                let content_type = response.headers()["content-type"].to_str().expect("ascii").to_owned();
                assert_eq!(content_type, "application/problem+json");
                let problem: Value = response.json().await.expect("problem");
                let detail = problem["detail"].as_str().expect("detail");
                assert!(!detail.starts_with("problem-"), "{what}: {detail}");
                assert!(detail.contains(mentions), "{what}: {detail:?} should mention {mentions:?}");
            }
            assert_eq!(counts(&app.db).await, before, "{what}: nothing written");
        }
        let after = incident::Entity::find_by_id(existing.id).one(&app.db).await.expect("read").expect("row");
        assert_eq!(after, existing, "the refused replacements changed nothing");

        for (what, raw) in [("bad JSON", "{\"type\": \"Feature\", "), ("not an object", "[1, 2]")] {
            let before = counts(&app.db).await;
            let response = app
                .client
                .post(format!("{}/api/v1/incidents?lang=en", app.address))
                .header("content-type", "application/json")
                .body(raw)
                .send()
                .await
                .expect("request");
            assert_eq!(response.status(), StatusCode::BAD_REQUEST, "{what}");
            let problem: Value = response.json().await.expect("problem");
            assert!(problem["type"].as_str().expect("type").starts_with("/problems/"), "{what}: {problem}");
            assert_eq!(counts(&app.db).await, before, "{what}: nothing written");
        }

        // A clock a little fast is not an error: two minutes ahead is accepted.
        let soon = (Utc::now() + Duration::minutes(2)).to_rfc3339();
        let response = app
            .client
            .post(format!("{}/api/v1/incidents", app.address))
            .json(&with("occurred_at", json!(soon)))
            .send()
            .await
            .expect("post");
        assert_eq!(response.status(), StatusCode::CREATED);
    }
}

/// The ids of the units in the subtree of the county `code`.
async fn county_scope(db: &DatabaseConnection, code: &str) -> banna_border::domain::auth::Jurisdiction {
    let county = admin_unit::Entity::find().filter(admin_unit::Column::Code.eq(code)).one(db).await.expect("read");
    jurisdiction_of(db, county.expect("county").id).await.expect("subtree")
}

#[tokio::test]
async fn writes_outside_the_callers_jurisdiction_are_refused() {
    for backend in backends() {
        let app = spawn_app_with_demo(&backend, SEED, INCIDENTS).await;
        let menghai = county_scope(&app.db, "532822").await;
        let mengla = county_scope(&app.db, "532823").await;
        let staff = client_with(&token_for(&app.db, "staff.menghai", "post_staff", "532822").await);
        let villages = village::Entity::find().order_by_asc(village::Column::Id).all(&app.db).await.expect("read");
        let own = villages.iter().find(|v| menghai.covers(Some(v.admin_unit_id))).expect("a Menghai village");
        let other = villages.iter().find(|v| mengla.covers(Some(v.admin_unit_id))).expect("a Mengla village");
        let posts = post::Entity::find().all(&app.db).await.expect("posts");
        let mengla_post = posts.iter().find(|p| mengla.covers(Some(p.admin_unit_id))).expect("a Mengla post");
        let mengla_km = (mengla_post.sector_start_km + mengla_post.sector_end_km) / 2.0;
        let (far_lon, far_lat) = inside_at(mengla_km, 2_000.0);
        let url = format!("{}/api/v1/incidents?lang=en", app.address);

        let before = counts(&app.db).await;
        let mut props = properties();
        props["village_id"] = json!(other.id);
        let (status, problem) =
            send(&staff, reqwest::Method::POST, url.clone(), Some(&feature(other.lon, other.lat, props))).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "another county's village is as unknown as a missing one");
        let mut props = properties();
        props["village_id"] = json!(987_654);
        let (_, missing) =
            send(&staff, reqwest::Method::POST, url.clone(), Some(&feature(own.lon, own.lat, props))).await;
        assert_eq!(
            problem["detail"].as_str().expect("detail").replace(&other.id.to_string(), "ID"),
            missing["detail"].as_str().expect("detail").replace("987654", "ID"),
            "the answer does not tell an existing village from a missing one"
        );
        let (status, problem) =
            send(&staff, reqwest::Method::POST, url.clone(), Some(&feature(far_lon, far_lat, properties()))).await;
        assert_eq!(status, StatusCode::FORBIDDEN, "a point on a Mengla post's sector: {problem}");
        assert!(problem["detail"].as_str().expect("detail").contains("jurisdiction"));
        assert_eq!(counts(&app.db).await, before, "nothing written");

        // Records of another county cannot be corrected or deleted: they do not exist here.
        let theirs = incident::Entity::find()
            .filter(incident::Column::AdminUnitId.is_in(match &mengla {
                banna_border::domain::auth::Jurisdiction::Units(units) => units.clone(),
                banna_border::domain::auth::Jurisdiction::All => unreachable!("a county"),
            }))
            .one(&app.db)
            .await
            .expect("read")
            .expect("a Mengla incident");
        let theirs_url = format!("{}/api/v1/incidents/{}", app.address, theirs.id);
        let body = feature(own.lon, own.lat, properties());
        let (status, _) = send(&staff, reqwest::Method::PUT, theirs_url.clone(), Some(&body)).await;
        assert_eq!(status, StatusCode::NOT_FOUND);
        let (status, _) = send(&staff, reqwest::Method::DELETE, theirs_url, None).await;
        assert_eq!(status, StatusCode::NOT_FOUND);
        let unchanged = incident::Entity::find_by_id(theirs.id).one(&app.db).await.expect("read").expect("row");
        assert_eq!(unchanged, theirs);
        assert_eq!(counts(&app.db).await, before, "nothing written, nothing audited");

        // Inside the county the same staff may write, and may not move a record out of it.
        let mut props = properties();
        props["village_id"] = json!(own.id);
        let (status, created) =
            send(&staff, reqwest::Method::POST, url.clone(), Some(&feature(own.lon, own.lat, props))).await;
        assert_eq!(status, StatusCode::CREATED, "{created}");
        let id = created["id"].as_i64().expect("id");
        let row = incident::Entity::find_by_id(id).one(&app.db).await.expect("read").expect("row");
        assert!(menghai.covers(row.admin_unit_id));
        let staff_id = user_id(&app.db, "staff.menghai").await;
        assert_eq!(audits_of(&app.db, id).await[0].actor_user_id, Some(staff_id));
        let own_url = format!("{}/api/v1/incidents/{id}?lang=en", app.address);
        let moved = feature(far_lon, far_lat, properties());
        let (status, _) = send(&staff, reqwest::Method::PUT, own_url, Some(&moved)).await;
        assert_eq!(status, StatusCode::FORBIDDEN, "moving it to Mengla");
        assert_eq!(incident::Entity::find_by_id(id).one(&app.db).await.expect("read").expect("row"), row);

        let member = client_with(&token_for(&app.db, "member", "outreach_member", "532800").await);
        let (status, _) =
            send(&member, reqwest::Method::POST, url, Some(&feature(own.lon, own.lat, properties()))).await;
        assert_eq!(status, StatusCode::FORBIDDEN, "outreach members do not record incidents");
    }
}
