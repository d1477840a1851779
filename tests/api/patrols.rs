//! Patrols: `POST /api/v1/patrols` (JSON and GPX), the km a track covers, and
//! `GET /api/v1/patrols/coverage(.geojson)`, on both backends.
//!
//! Tracks are built here from the bundled border: `Border::offset(km, 500 m, Cn)` gives a point
//! 500 m inside China, square to the line at `km`. Its located km differs from `km` only by
//! the along-line shift of the nearest point, which on the stretches used (km 10–30 and
//! 100–130) stays well below the 500 m offset itself; [`TOLERANCE_KM`] = 0.5 km allows for
//! that and no more, far less than the 2 km steps the tests tell apart.

use banna_border::border::{Border, Side};
use banna_border::store::entities::{audit_event, patrol, post};
use chrono::{DateTime, Duration, SecondsFormat, Utc};
use reqwest::StatusCode;
use sea_orm::ActiveValue::{NotSet, Set};
use sea_orm::{ActiveModelTrait, ColumnTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter};
use serde_json::{Value, json};

use crate::fixtures::unit_id;
use crate::helpers::{TestApp, backends, client_with, spawn_app, token_for};

const MENGHAI: &str = "532822";
const MENGLA: &str = "532823";
const TOLERANCE_KM: f64 = 0.5;
const OFFSET_M: f64 = 500.0;

async fn insert_post(db: &DatabaseConnection, code: &str, county: &str, start_km: f64, end_km: f64) -> i64 {
    let row = post::ActiveModel {
        id: NotSet,
        code: Set(code.to_owned()),
        name_zh: Set(format!("测试联防所{code}")),
        name_en: Set(None),
        admin_unit_id: Set(unit_id(db, county).await),
        sector_start_km: Set(start_km),
        sector_end_km: Set(end_km),
        staff: Set(4),
        lon: Set(100.5),
        lat: Set(21.9),
        border_km: Set(None),
        distance_m: Set(None),
        section: Set(None),
        side: Set(None),
        is_demo: Set(false),
    }
    .insert(db)
    .await
    .expect("insert post");
    i64::from(row.id)
}

/// Two posts: A in Menghai over km 10–30, B in Mengla over km 100–130.
async fn posts(app: &TestApp) -> (i64, i64) {
    (insert_post(&app.db, "PA", MENGHAI, 10.0, 30.0).await, insert_post(&app.db, "PB", MENGLA, 100.0, 130.0).await)
}

/// Stations from `from` to `to` every `step` km.
fn kms(from: f64, to: f64, step: f64) -> Vec<f64> {
    let n = ((to - from) / step).round() as usize;
    (0..=n).map(|i| from + step * i as f64).collect()
}

fn points_at(kms: &[f64], offset_m: f64) -> Vec<[f64; 2]> {
    let border = Border::bundled();
    kms.iter()
        .map(|km| {
            let (lon, lat) = border.offset(*km, offset_m, Side::Cn).expect("a station on the line");
            [lon, lat]
        })
        .collect()
}

/// One time per point, a minute apart, from `start`.
fn times(count: usize, start: DateTime<Utc>) -> Vec<String> {
    (0..count).map(|i| (start + Duration::minutes(i as i64)).to_rfc3339_opts(SecondsFormat::Secs, true)).collect()
}

fn body(post_id: i64, points: &[[f64; 2]], times: &[String]) -> Value {
    json!({ "post_id": post_id, "track": { "type": "LineString", "coordinates": points }, "times": times })
}

async fn send(client: &reqwest::Client, app: &TestApp, body: &Value) -> (StatusCode, Value) {
    let response = client.post(format!("{}/api/v1/patrols", app.address)).json(body).send().await.expect("request");
    let status = response.status();
    (status, response.json().await.unwrap_or(Value::Null))
}

/// Logs a track along `kms` whose first fix is `ago` before now.
async fn log(app: &TestApp, post_id: i64, kms: &[f64], ago: Duration) -> Value {
    let points = points_at(kms, OFFSET_M);
    let (status, answer) =
        send(&app.client, app, &body(post_id, &points, &times(points.len(), Utc::now() - ago))).await;
    assert_eq!(status, StatusCode::CREATED, "{}: {answer}", app.backend);
    answer
}

fn intervals(value: &Value) -> Vec<(f64, f64)> {
    value
        .as_array()
        .expect("a list of intervals")
        .iter()
        .map(|pair| (pair[0].as_f64().expect("start"), pair[1].as_f64().expect("end")))
        .collect()
}

fn near(actual: f64, expected: f64) -> bool {
    (actual - expected).abs() <= TOLERANCE_KM
}

async fn patrol_count(db: &DatabaseConnection) -> (u64, u64) {
    let patrols = patrol::Entity::find().count(db).await.expect("count");
    let audited = audit_event::Entity::find()
        .filter(audit_event::Column::RecordType.eq("patrol"))
        .count(db)
        .await
        .expect("count");
    (patrols, audited)
}

#[tokio::test]
async fn a_track_along_the_line_covers_its_km_and_is_stored_and_audited() {
    for backend in backends() {
        let app = spawn_app(&backend).await;
        let (a, _) = posts(&app).await;
        let answer = log(&app, a, &kms(12.0, 20.0, 0.5), Duration::days(1)).await;
        let covered = intervals(&answer["covered_km"]);
        assert_eq!(covered.len(), 1, "{}: {answer}", app.backend);
        assert!(near(covered[0].0, 12.0) && near(covered[0].1, 20.0), "{}: {covered:?}", app.backend);
        let row = patrol::Entity::find().one(&app.db).await.expect("read").expect("the patrol");
        assert_eq!(row.covered_km.as_ref().map(intervals), Some(covered), "{}", app.backend);
        assert_eq!(i64::from(row.post_id), a);
        assert_eq!(answer["points"], 17);
        assert_eq!(patrol_count(&app.db).await, (1, 1), "{}: one patrol, one audit event", app.backend);
    }
}

#[tokio::test]
async fn far_points_and_gps_jumps_cover_nothing_between() {
    let border = Border::bundled();
    for backend in backends() {
        let app = spawn_app(&backend).await;
        let (a, _) = posts(&app).await;
        // km 12–16 at 500 m, then km 16.5–20 at 5 km: the far points lie outside the 2 km corridor.
        let near_kms = kms(12.0, 16.0, 0.5);
        let far_kms = kms(16.5, 20.0, 0.5);
        let far = points_at(&far_kms, 5000.0);
        for [lon, lat] in &far {
            let location = border.locate(*lon, *lat).expect("located");
            assert!(location.distance_m > 2000.0, "precondition: a far point is outside the corridor");
        }
        let mut points = points_at(&near_kms, OFFSET_M);
        points.extend(far);
        let (status, answer) =
            send(&app.client, &app, &body(a, &points, &times(points.len(), Utc::now() - Duration::hours(5)))).await;
        assert_eq!(status, StatusCode::CREATED);
        let covered = intervals(&answer["covered_km"]);
        assert_eq!(covered.len(), 1, "{}: {covered:?}", app.backend);
        assert!(near(covered[0].0, 12.0) && near(covered[0].1, 16.0), "{}: {covered:?}", app.backend);

        // A track only 5 km off the line covers nothing.
        let far_only = points_at(&kms(20.0, 26.0, 0.5), 5000.0);
        let (status, answer) =
            send(&app.client, &app, &body(a, &far_only, &times(far_only.len(), Utc::now() - Duration::hours(4)))).await;
        assert_eq!(status, StatusCode::CREATED);
        assert_eq!(answer["covered_km"], json!([]), "{}", app.backend);

        // km 12–14, then a jump to km 18–20: 4 km along the line between two fixes, more than the
        // 2 km rule, so km 14–18 stay uncovered.
        let mut jump = kms(12.0, 14.0, 0.5);
        jump.extend(kms(18.0, 20.0, 0.5));
        let answer = log(&app, a, &jump, Duration::hours(1)).await;
        let covered = intervals(&answer["covered_km"]);
        assert_eq!(covered.len(), 2, "{}: {covered:?}", app.backend);
        assert!(near(covered[0].0, 12.0) && near(covered[0].1, 14.0), "{covered:?}");
        assert!(near(covered[1].0, 18.0) && near(covered[1].1, 20.0), "{covered:?}");
        assert!(covered.iter().all(|(s, e)| !(s..=e).contains(&&16.0)), "km 16 was never seen");
    }
}

/// Union of intervals, sorted and merged (the test's own, independent of the engine).
fn union(mut all: Vec<(f64, f64)>) -> Vec<(f64, f64)> {
    all.retain(|(s, e)| e > s);
    all.sort_by(|x, y| x.0.total_cmp(&y.0));
    let mut out: Vec<(f64, f64)> = Vec::new();
    for (s, e) in all {
        match out.last_mut() {
            Some(last) if s <= last.1 => last.1 = last.1.max(e),
            _ => out.push((s, e)),
        }
    }
    out
}

/// (covered km within `range`, the gaps of `range`).
fn within(covered: &[(f64, f64)], range: (f64, f64)) -> (f64, Vec<(f64, f64)>) {
    let clipped: Vec<(f64, f64)> =
        covered.iter().map(|(s, e)| (s.max(range.0), e.min(range.1))).filter(|(s, e)| e > s).collect();
    let length: f64 = clipped.iter().map(|(s, e)| e - s).sum();
    let mut gaps = Vec::new();
    let mut cursor = range.0;
    for (s, e) in &clipped {
        if *s > cursor {
            gaps.push((cursor, *s));
        }
        cursor = cursor.max(*e);
    }
    if cursor < range.1 {
        gaps.push((cursor, range.1));
    }
    (length, gaps)
}

fn same_intervals(actual: &Value, expected: &[(f64, f64)]) -> bool {
    let actual = intervals(actual);
    actual.len() == expected.len()
        && actual.iter().zip(expected).all(|(a, b)| (a.0 - b.0).abs() < 1e-9 && (a.1 - b.1).abs() < 1e-9)
}

fn window(stretch: &Value, days: i64) -> &Value {
    stretch["windows"].as_array().expect("windows").iter().find(|w| w["days"] == days).expect("the window")
}

#[tokio::test]
async fn coverage_shares_and_gaps_per_sector_and_border() {
    for backend in backends() {
        let app = spawn_app(&backend).await;
        let (a, b) = posts(&app).await;
        let recent = intervals(&log(&app, a, &kms(12.0, 20.0, 0.5), Duration::days(3)).await["covered_km"]);
        let older = intervals(&log(&app, a, &kms(22.0, 26.0, 0.5), Duration::days(20)).await["covered_km"]);
        let oldest = intervals(&log(&app, b, &kms(105.0, 110.0, 0.5), Duration::days(40)).await["covered_km"]);
        assert!(!oldest.is_empty());
        let (status, _, report) = app.get_json("/api/v1/patrols/coverage").await;
        assert_eq!(status, StatusCode::OK, "{}: {report}", app.backend);
        let last_7 = union(recent.clone());
        let last_30 = union(recent.iter().chain(&older).copied().collect());
        let post_a = report["posts"].as_array().unwrap().iter().find(|p| p["post_id"] == a).expect("post A");
        let post_b = report["posts"].as_array().unwrap().iter().find(|p| p["post_id"] == b).expect("post B");
        for (days, covered) in [(7, &last_7), (30, &last_30)] {
            let (length, gaps) = within(covered, (10.0, 30.0));
            let w = window(post_a, days);
            assert!((w["share"].as_f64().unwrap() - length / 20.0).abs() < 1e-9, "{}: {days} days {w}", app.backend);
            assert!(same_intervals(&w["gaps"], &gaps), "{}: {days} days gaps {w} vs {gaps:?}", app.backend);
            // Post B's only patrol is 40 days old: nothing in either window.
            let w = window(post_b, days);
            assert_eq!(w["share"].as_f64(), Some(0.0));
            assert!(same_intervals(&w["gaps"], &[(100.0, 130.0)]));
            // The prefecture admin answers for the whole line.
            let length_km = Border::bundled().length_km();
            let (length, gaps) = within(covered, (0.0, length_km));
            let w = window(&report["border"], days);
            assert!((w["share"].as_f64().unwrap() - length / length_km).abs() < 1e-9, "{w}");
            assert!(same_intervals(&w["gaps"], &gaps), "{w} vs {gaps:?}");
        }
        // 7 days: km 12–20 of A's 20; 30 days adds km 22–26: about 0.4 and 0.6.
        assert!((window(post_a, 7)["share"].as_f64().unwrap() - 0.4).abs() < 2.0 * TOLERANCE_KM / 20.0);
        assert!((window(post_a, 30)["share"].as_f64().unwrap() - 0.6).abs() < 4.0 * TOLERANCE_KM / 20.0);

        // The report of 30 days ago sees only the oldest patrol, 40 days old: in its 30 days, not
        // in its 7 (a day's slack either way for the local calendar).
        let day = (Utc::now() - Duration::days(30)).date_naive();
        let (status, _, old) = app.get_json(&format!("/api/v1/patrols/coverage?date={day}")).await;
        assert_eq!(status, StatusCode::OK);
        let post_b = old["posts"].as_array().unwrap().iter().find(|p| p["post_id"] == b).expect("post B");
        let (length, _) = within(&union(oldest.clone()), (100.0, 130.0));
        assert!((window(post_b, 30)["share"].as_f64().unwrap() - length / 30.0).abs() < 1e-9);
        assert_eq!(window(post_b, 7)["share"].as_f64(), Some(0.0));
        let (status, _, problem) = app.get_json("/api/v1/patrols/coverage?date=yesterday").await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{problem}");

        // The map's GeoJSON: the 30-day stretches, patrolled and not, tile the whole line.
        let (status, content_type, map) = app.get_json("/api/v1/patrols/coverage.geojson").await;
        assert_eq!(status, StatusCode::OK);
        assert!(content_type.starts_with("application/geo+json"));
        let features = map["features"].as_array().expect("features");
        let patrolled: Vec<(f64, f64)> = features
            .iter()
            .filter(|f| f["properties"]["status"] == "patrolled")
            .map(|f| (f["properties"]["start_km"].as_f64().unwrap(), f["properties"]["end_km"].as_f64().unwrap()))
            .collect();
        assert!(patrolled.iter().zip(&last_30).all(|(x, y)| (x.0 - y.0).abs() < 1e-9 && (x.1 - y.1).abs() < 1e-9));
        let total: f64 = features
            .iter()
            .map(|f| f["properties"]["end_km"].as_f64().unwrap() - f["properties"]["start_km"].as_f64().unwrap())
            .sum();
        assert!((total - Border::bundled().length_km()).abs() < 1e-6);
        assert!(features.iter().all(|f| f["geometry"]["type"].as_str().is_some_and(|t| t.ends_with("LineString"))));
    }
}

fn gpx(points: &[[f64; 2]], times: &[String]) -> String {
    let mut text = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<gpx version=\"1.1\" creator=\"test\" \
         xmlns=\"http://www.topografix.com/GPX/1/1\">\n<metadata><time>2020-01-01T00:00:00Z</time></metadata>\n\
         <trk><name>patrol</name><trkseg>\n",
    );
    for ([lon, lat], time) in points.iter().zip(times) {
        text.push_str(&format!("<trkpt lat=\"{lat}\" lon=\"{lon}\"><ele>812.5</ele><time>{time}</time></trkpt>\n"));
    }
    text.push_str("</trkseg></trk>\n</gpx>\n");
    text
}

#[tokio::test]
async fn a_gpx_upload_equals_the_json_upload() {
    for backend in backends() {
        let app = spawn_app(&backend).await;
        let (a, _) = posts(&app).await;
        let mut stations = kms(12.0, 15.0, 0.5);
        stations.extend(kms(19.0, 21.0, 0.5));
        let points = points_at(&stations, OFFSET_M);
        let stamps = times(points.len(), Utc::now() - Duration::hours(3));
        let (status, from_json) = send(&app.client, &app, &body(a, &points, &stamps)).await;
        assert_eq!(status, StatusCode::CREATED);
        let response = app
            .client
            .post(format!("{}/api/v1/patrols?post_id={a}", app.address))
            .header("Content-Type", "application/gpx+xml")
            .body(gpx(&points, &stamps))
            .send()
            .await
            .expect("request");
        assert_eq!(response.status(), StatusCode::CREATED);
        let from_gpx: Value = response.json().await.expect("json");
        for field in ["post_id", "started_at", "ended_at", "points"] {
            assert_eq!(from_gpx[field], from_json[field], "{}: {field}", app.backend);
        }
        // The JSON parser may round the last bit of a coordinate differently from the GPX
        // one's: equal to well under a millimetre.
        let (gpx_km, json_km) = (intervals(&from_gpx["covered_km"]), intervals(&from_json["covered_km"]));
        assert_eq!(gpx_km.len(), json_km.len(), "{}", app.backend);
        assert!(gpx_km.iter().zip(&json_km).all(|(x, y)| (x.0 - y.0).abs() < 1e-9 && (x.1 - y.1).abs() < 1e-9));
        assert_ne!(from_gpx["id"], from_json["id"]);
        let rows = patrol::Entity::find().all(&app.db).await.expect("read");
        assert_eq!(rows.len(), 2);
        let coordinates = |text: &str| -> Vec<[f64; 2]> {
            let value: Value = serde_json::from_str(text).expect("stored GeoJSON");
            serde_json::from_value(value["coordinates"].clone()).expect("coordinates")
        };
        let (first, second) = (coordinates(&rows[0].track_geojson), coordinates(&rows[1].track_geojson));
        assert_eq!(first.len(), points.len());
        assert!(first.iter().zip(&second).all(|(x, y)| (x[0] - y[0]).abs() < 1e-12 && (x[1] - y[1]).abs() < 1e-12));
    }
}

#[tokio::test]
async fn invalid_tracks_are_refused_and_write_nothing() {
    for backend in backends() {
        let app = spawn_app(&backend).await;
        let (a, _) = posts(&app).await;
        let points = points_at(&kms(12.0, 14.0, 0.5), OFFSET_M);
        let start = Utc::now() - Duration::hours(2);
        let good = times(points.len(), start);
        let mut descending = good.clone();
        descending.swap(1, 2);
        let mut future = good.clone();
        *future.last_mut().unwrap() = (Utc::now() + Duration::hours(1)).to_rfc3339();
        let mut bad_lat = points.clone();
        bad_lat[1][1] = 95.0;
        let too_many: Vec<[f64; 2]> = (0..50_001).map(|i| points[i % points.len()]).collect();
        let cases: Vec<(Value, StatusCode)> = vec![
            (body(a, &points[..1], &good[..1]), StatusCode::BAD_REQUEST),
            (body(a, &points, &descending), StatusCode::BAD_REQUEST),
            (body(a, &points, &future), StatusCode::BAD_REQUEST),
            (body(a, &bad_lat, &good), StatusCode::BAD_REQUEST),
            (body(a, &points, &good[1..]), StatusCode::BAD_REQUEST),
            (
                json!({ "post_id": a, "track": { "type": "Point", "coordinates": [100.5, 21.9] }, "times": [] }),
                StatusCode::BAD_REQUEST,
            ),
            (body(999_999, &points, &good), StatusCode::NOT_FOUND),
            (body(a, &too_many, &times(too_many.len(), start - Duration::days(60))), StatusCode::PAYLOAD_TOO_LARGE),
        ];
        for (case, expected) in &cases {
            let (status, problem) = send(&app.client, &app, case).await;
            assert_eq!(status, *expected, "{}: {problem}", app.backend);
        }
        let response = app
            .client
            .post(format!("{}/api/v1/patrols?post_id={a}", app.address))
            .header("Content-Type", "application/gpx+xml")
            .body("<gpx><trk><trkseg><trkpt lat=\"21.9\" lon=\"100.5\"><time>x</time></trkpt>")
            .send()
            .await
            .expect("request");
        assert_eq!(response.status(), StatusCode::BAD_REQUEST);
        let response = app
            .client
            .post(format!("{}/api/v1/patrols", app.address))
            .header("Content-Type", "application/gpx+xml")
            .body(gpx(&points, &good))
            .send()
            .await
            .expect("request");
        assert_eq!(response.status(), StatusCode::BAD_REQUEST, "GPX without post_id");
        assert_eq!(patrol_count(&app.db).await, (0, 0), "{}: nothing written", app.backend);
    }
}

#[tokio::test]
async fn patrols_and_coverage_are_scoped_to_the_jurisdiction() {
    for backend in backends() {
        let app = spawn_app(&backend).await;
        let (a, b) = posts(&app).await;
        let mengla = client_with(&token_for(&app.db, "mengla.staff", "post_staff", MENGLA).await);
        let liaison = client_with(&token_for(&app.db, "liaison", "liaison_officer", "532800").await);
        let points = points_at(&kms(12.0, 14.0, 0.5), OFFSET_M);
        let good = times(points.len(), Utc::now() - Duration::hours(2));
        let (status, _) = send(&mengla, &app, &body(a, &points, &good)).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{}: post A is outside Mengla", app.backend);
        let (status, _) = send(&liaison, &app, &body(a, &points, &good)).await;
        assert_eq!(status, StatusCode::FORBIDDEN);
        assert_eq!(patrol_count(&app.db).await, (0, 0));
        let own = points_at(&kms(101.0, 104.0, 0.5), OFFSET_M);
        let (status, answer) =
            send(&mengla, &app, &body(b, &own, &times(own.len(), Utc::now() - Duration::hours(1)))).await;
        assert_eq!(status, StatusCode::CREATED, "{answer}");
        log(&app, a, &kms(12.0, 20.0, 0.5), Duration::days(1)).await;

        let report: Value = mengla
            .get(format!("{}/api/v1/patrols/coverage", app.address))
            .send()
            .await
            .expect("request")
            .json()
            .await
            .expect("json");
        let ids: Vec<&Value> = report["posts"].as_array().unwrap().iter().map(|p| &p["post_id"]).collect();
        assert_eq!(ids, [&json!(b)], "{}: only Mengla's post", app.backend);
        assert_eq!(report["border"]["stretches"], json!([[100.0, 130.0]]));
        // Post A's patrol is not counted for Mengla: its stretch is B's sector only.
        let (length, _) = within(&union(intervals(&answer["covered_km"])), (100.0, 130.0));
        let w = window(&report["border"], 30);
        assert!((w["share"].as_f64().unwrap() - length / 30.0).abs() < 1e-9, "{w}");
    }
}
