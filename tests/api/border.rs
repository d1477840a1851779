//! The border API, the border fields of stored records, and replacing the line.

use banna_border::border::{Border, Side};
use banna_border::services;
use banna_border::store::entities::{border_version, incident, post, village};
use indicatif::ProgressBar;
use sea_orm::{EntityTrait, PaginatorTrait};
use serde_json::{Value, json};

use crate::helpers::{backends, spawn_app, spawn_app_with_demo};

#[tokio::test]
async fn the_border_is_served_as_sections_with_measured_and_official_lengths() {
    let app = spawn_app(&crate::helpers::Backend::Sqlite).await;
    let (status, content_type, body) = app.get_json("/api/v1/border").await;
    assert_eq!(status, 200);
    assert_eq!(content_type, "application/geo+json");
    let features = body["features"].as_array().expect("features");
    let codes: Vec<&str> = features.iter().map(|f| f["id"].as_str().expect("id")).collect();
    assert_eq!(codes, ["MM", "LA"]);
    let border = Border::bundled();
    let measured = body["measured_length_km"].as_f64().expect("measured");
    assert!((measured - border.length_km()).abs() < 1e-9);
    assert_eq!(body["official_length_km"], 966.3);
    let ratio = body["measured_to_official_ratio"].as_f64().expect("ratio");
    assert!((ratio - measured / 966.3).abs() < 1e-12);
    let mm = &features[0];
    assert_eq!(mm["geometry"]["type"], "LineString");
    assert_eq!(mm["properties"]["start_km"], 0.0);
    let la = &features[1];
    assert_eq!(mm["properties"]["end_km"], la["properties"]["start_km"], "the sections join at the tripoint");
    let first_la = &la["geometry"]["coordinates"][0];
    let mm_coordinates = mm["geometry"]["coordinates"].as_array().expect("coordinates");
    assert_eq!(mm_coordinates.last(), Some(first_la), "the tripoint ends MM and starts LA");
}

#[tokio::test]
async fn a_point_is_located_by_query_and_in_batches() {
    let app = spawn_app(&crate::helpers::Backend::Sqlite).await;
    let border = Border::bundled();
    let (lon, lat) = border.offset(420.0, 3000.0, Side::Abroad).expect("a point in Laos");
    let (status, _, one) = app.get_json(&format!("/api/v1/border/locate?lon={lon}&lat={lat}")).await;
    assert_eq!(status, 200);
    let expected = border.locate(lon, lat).expect("locates");
    assert!((one["border_km"].as_f64().expect("km") - expected.border_km).abs() < 1e-9);
    assert_eq!(one["section"], "LA");
    assert_eq!(one["side"], "abroad");

    let (cn_lon, cn_lat) = border.offset(60.0, 1000.0, Side::Cn).expect("a point in China");
    let response = app
        .client
        .post(format!("{}/api/v1/border/locate", app.address))
        .json(&json!([[cn_lon, cn_lat], {"lon": lon, "lat": lat}]))
        .send()
        .await
        .expect("post");
    assert_eq!(response.status(), 200);
    let many: Vec<Value> = response.json().await.expect("json");
    assert_eq!(many.len(), 2);
    assert_eq!((many[0]["side"].as_str(), many[1]["side"].as_str()), (Some("cn"), Some("abroad")), "order kept");
    assert_eq!(many[0]["section"], "MM");
}

#[tokio::test]
async fn bad_points_and_oversized_batches_are_problems() {
    let app = spawn_app(&crate::helpers::Backend::Sqlite).await;
    for (path, needle) in [
        ("/api/v1/border/locate?lat=21.5", "lon"),
        ("/api/v1/border/locate?lon=100.2&lat=91", "91"),
        ("/api/v1/border/locate?lon=east&lat=21", "east"),
    ] {
        let (status, content_type, body) = app.get_json(path).await;
        assert_eq!(status, 400, "{path}");
        assert_eq!(content_type, "application/problem+json");
        assert!(body["detail"].as_str().expect("detail").contains(needle), "{body}");
    }
    let post = |body: String| {
        app.client
            .post(format!("{}/api/v1/border/locate", app.address))
            .header("content-type", "application/json")
            .header("accept-language", "en")
            .body(body)
            .send()
    };
    let too_many = serde_json::to_string(&vec![[100.5, 21.9]; 10_001]).expect("json");
    let response = post(too_many).await.expect("post");
    assert_eq!(response.status(), 413);
    let problem: Value = response.json().await.expect("json");
    assert!(problem["detail"].as_str().expect("detail").contains("10001"), "{problem}");
    let exactly = serde_json::to_string(&vec![[100.5, 21.9]; 10_000]).expect("json");
    assert_eq!(post(exactly).await.expect("post").status(), 200, "10,000 points are allowed");
    let huge = format!("[{}]", vec!["[100.123456789012345,21.123456789012345]"; 30_000].join(","));
    let response = post(huge).await.expect("post");
    assert_eq!(response.status(), 413, "a body over 1 MiB");
    let response = post("[[100.5, 21.9], [100.5, 95]]".to_owned()).await.expect("post");
    assert_eq!(response.status(), 400);
    let problem: Value = response.json().await.expect("json");
    assert!(problem["detail"].as_str().expect("detail").starts_with("Point 1"), "{problem}");
}

#[tokio::test]
async fn stored_records_carry_their_border_fields() {
    for backend in backends() {
        let app = spawn_app_with_demo(&backend, 5, 3000).await;
        let border = Border::bundled();
        let villages = village::Entity::find().all(&app.db).await.expect("villages");
        for v in &villages {
            let location = border.locate(v.lon, v.lat).expect("locates");
            assert_eq!(v.border_km, Some(location.border_km), "{}", v.code);
            assert_eq!(v.side.as_deref(), Some("cn"), "{} is on the Chinese side", v.code);
            assert!(v.distance_m.expect("distance") <= 20_000.0, "{} within 20 km", v.code);
        }
        let posts = post::Entity::find().all(&app.db).await.expect("posts");
        assert!(posts.iter().all(|p| p.side.as_deref() == Some("cn") && p.section.is_some()));
        let unlocated = incident::Entity::find()
            .all(&app.db)
            .await
            .expect("incidents")
            .iter()
            .filter(|i| i.border_km.is_none() || i.section.is_none())
            .count();
        assert_eq!(unlocated, 0, "{}", app.backend);
        let (_, _, page) = app.get_json("/api/v1/villages?limit=1").await;
        assert!(page["features"][0]["properties"]["border_km"].is_f64());
    }
}

#[tokio::test]
async fn importing_a_line_recomputes_every_record_in_one_go() {
    for backend in backends() {
        let app = spawn_app_with_demo(&backend, 5, 3000).await;
        let natural_earth = include_str!("../../geodata/border_ne.geojson");
        let other = Border::from_geojson_str(natural_earth).expect("the Natural Earth line loads");
        let report =
            services::border::import(&app.db, "border_ne.geojson", natural_earth, None, &ProgressBar::hidden())
                .await
                .expect("import");
        let located = village::Entity::find().count(&app.db).await.expect("count")
            + post::Entity::find().count(&app.db).await.expect("count")
            + incident::Entity::find().count(&app.db).await.expect("count");
        assert!(report.records > located, "villages, posts, incidents, visits and cases: {}", report.records);
        assert!((report.measured_length_km - other.length_km()).abs() < 1e-9);
        for v in village::Entity::find().all(&app.db).await.expect("villages") {
            let expected = other.locate(v.lon, v.lat).expect("locates");
            let km = v.border_km.expect("km");
            assert!((km - expected.border_km).abs() < 1e-9, "{}: {km} vs {}", v.code, expected.border_km);
        }
        let active = services::border::active(&app.db).await.expect("active");
        assert!((active.length_km() - other.length_km()).abs() < 1e-9, "the imported line is in force");
    }
}

#[tokio::test]
async fn a_bad_line_changes_nothing() {
    for backend in backends() {
        let app = spawn_app_with_demo(&backend, 5, 3000).await;
        let before = village::Entity::find().all(&app.db).await.expect("villages");
        let broken = include_str!("../../geodata/border.geojson").replacen(
            "\"coordinates\":[[",
            "\"coordinates\":[[301.0,21.0],[",
            1,
        );
        let error = services::border::import(&app.db, "broken.geojson", &broken, None, &ProgressBar::hidden())
            .await
            .expect_err("an out-of-range longitude is refused");
        let services::ServiceError::InvalidBorder(cause) = error else { panic!("{error:?}") };
        assert_eq!(cause.code(), "border.longitude_out_of_range");
        assert_eq!(village::Entity::find().all(&app.db).await.expect("villages"), before);
        assert_eq!(border_version::Entity::find().count(&app.db).await.expect("count"), 0);
    }
}
