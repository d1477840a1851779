//! The GeoJSON read endpoints: structure, paging, bbox, and problem+json for bad requests.

use std::collections::HashSet;

use serde_json::Value;

use crate::helpers::{TestApp, backends, spawn_app, spawn_app_with_demo};

const SEED: u64 = 11;
const INCIDENTS: u64 = 1200;

fn ids(collection: &Value) -> Vec<i64> {
    collection["features"].as_array().expect("features").iter().map(|f| f["id"].as_i64().expect("numeric id")).collect()
}

async fn all_features(app: &TestApp, path: &str) -> Vec<Value> {
    let mut features = Vec::new();
    let mut offset = 0;
    loop {
        let (_, _, page) = app.get_json(&format!("{path}?limit=1000&offset={offset}")).await;
        let batch = page["features"].as_array().expect("features").clone();
        if batch.is_empty() {
            return features;
        }
        offset += batch.len();
        features.extend(batch);
    }
}

#[tokio::test]
async fn villages_are_a_geojson_feature_collection_with_their_attributes() {
    for backend in backends() {
        let app = spawn_app_with_demo(&backend, SEED, INCIDENTS).await;
        let (status, content_type, body) = app.get_json("/api/v1/villages").await;
        assert_eq!(status, 200);
        assert_eq!(content_type, "application/geo+json");
        assert_eq!(body["type"], "FeatureCollection");
        let features = body["features"].as_array().expect("features");
        assert!(features.len() >= 150, "{} villages", features.len());
        assert_eq!(body["numberMatched"].as_u64(), Some(features.len() as u64));
        for feature in features {
            assert_eq!(feature["type"], "Feature");
            assert!(feature["id"].is_i64());
            let coordinates = feature["geometry"]["coordinates"].as_array().expect("a point");
            let (lon, lat) = (coordinates[0].as_f64().expect("lon"), coordinates[1].as_f64().expect("lat"));
            assert!((99.0..102.5).contains(&lon) && (20.5..23.0).contains(&lat), "RFC 7946 lon/lat order: {lon},{lat}");
            let properties = &feature["properties"];
            assert!(properties["code"].is_string() && properties["name_zh"].is_string());
            assert!(properties["county"]["code"].as_str().is_some_and(|code| code.starts_with("5328")));
            assert!(properties["is_key"].is_boolean());
            assert!(!properties["languages"].as_array().expect("languages").is_empty());
        }
        let key = features.iter().filter(|f| f["properties"]["is_key"] == true).count();
        assert!(key >= 30, "{key} key villages");
    }
}

#[tokio::test]
async fn one_village_is_a_feature_with_its_id() {
    for backend in backends() {
        let app = spawn_app_with_demo(&backend, SEED, INCIDENTS).await;
        let (_, _, page) = app.get_json("/api/v1/villages?limit=3&offset=2").await;
        let listed = &page["features"][0];
        let id = listed["id"].as_i64().expect("id");
        let (status, content_type, single) = app.get_json(&format!("/api/v1/villages/{id}")).await;
        assert_eq!(status, 200);
        assert_eq!(content_type, "application/geo+json");
        assert_eq!(&single, listed, "the single feature equals the listed one");
        for kind in ["posts", "incidents"] {
            let (_, _, page) = app.get_json(&format!("/api/v1/{kind}?limit=1")).await;
            let id = page["features"][0]["id"].as_i64().expect("id");
            let (status, _, single) = app.get_json(&format!("/api/v1/{kind}/{id}")).await;
            assert_eq!(status, 200, "{kind}");
            assert_eq!(single["id"], id);
        }
    }
}

#[tokio::test]
async fn pages_do_not_overlap_and_link_to_the_next() {
    for backend in backends() {
        let app = spawn_app_with_demo(&backend, SEED, INCIDENTS).await;
        let (_, _, first) = app.get_json("/api/v1/incidents?limit=50").await;
        let (_, _, second) = app.get_json("/api/v1/incidents?limit=50&offset=50").await;
        let (a, b) = (ids(&first), ids(&second));
        assert_eq!((a.len(), b.len()), (50, 50));
        assert!(a.iter().collect::<HashSet<_>>().is_disjoint(&b.iter().collect()));
        assert!(a.iter().max() < b.iter().min(), "ordered by id");
        assert_eq!(first["numberMatched"].as_u64(), Some(INCIDENTS));
        let next = first["links"].as_array().expect("links").iter().find(|l| l["rel"] == "next").expect("a next link");
        assert_eq!(next["href"], "/api/v1/incidents?limit=50&offset=50");

        let last_offset = INCIDENTS - 7;
        let (_, _, last) = app.get_json(&format!("/api/v1/incidents?limit=50&offset={last_offset}")).await;
        assert_eq!(ids(&last).len(), 7);
        assert!(last["links"].as_array().expect("links").iter().all(|l| l["rel"] != "next"));
        let (_, _, beyond) = app.get_json("/api/v1/incidents?offset=999999").await;
        assert_eq!(ids(&beyond).len(), 0);
        assert_eq!(beyond["numberReturned"], 0);
    }
}

#[tokio::test]
async fn bbox_returns_exactly_the_points_inside_it() {
    for backend in backends() {
        let app = spawn_app_with_demo(&backend, SEED, INCIDENTS).await;
        let everything = all_features(&app, "/api/v1/villages").await;
        let (min_lon, min_lat, max_lon, max_lat) = (100.0, 21.3, 100.9, 22.0);
        let expected: HashSet<i64> = everything
            .iter()
            .filter(|f| {
                let c = &f["geometry"]["coordinates"];
                let (lon, lat) = (c[0].as_f64().unwrap_or(f64::NAN), c[1].as_f64().unwrap_or(f64::NAN));
                (min_lon..=max_lon).contains(&lon) && (min_lat..=max_lat).contains(&lat)
            })
            .map(|f| f["id"].as_i64().unwrap_or_default())
            .collect();
        assert!(!expected.is_empty() && expected.len() < everything.len(), "the box cuts the villages");
        let (status, _, inside) =
            app.get_json(&format!("/api/v1/villages?limit=1000&bbox={min_lon},{min_lat},{max_lon},{max_lat}")).await;
        assert_eq!(status, 200);
        assert_eq!(ids(&inside).into_iter().collect::<HashSet<_>>(), expected);
        assert_eq!(inside["numberMatched"].as_u64(), Some(expected.len() as u64));
        let (_, _, paged) =
            app.get_json(&format!("/api/v1/villages?limit=2&bbox={min_lon},{min_lat},{max_lon},{max_lat}")).await;
        let next = paged["links"].as_array().expect("links").iter().find(|l| l["rel"] == "next").expect("next");
        assert!(next["href"].as_str().expect("href").contains("bbox=100,21.3,100.9,22"), "next keeps the bbox");
    }
}

#[tokio::test]
async fn missing_records_are_404_problems() {
    for backend in backends() {
        let app = spawn_app(&backend).await;
        for path in ["/api/v1/villages/424242", "/api/v1/posts/1", "/api/v1/incidents/99999999999", "/api/v1/nowhere"] {
            let (status, content_type, body) = app.get_json(path).await;
            assert_eq!(status, 404, "{path}");
            assert_eq!(content_type, "application/problem+json", "{path}");
            assert_eq!(body["status"], 404);
            assert_eq!(body["title"], "未找到");
            assert_eq!(body["instance"], path);
            assert!(body["type"].as_str().is_some_and(|t| t.starts_with("/problems/")));
        }
        let (_, _, body) = app.get_json("/api/v1/villages/424242").await;
        assert!(body["detail"].as_str().expect("detail").contains("424242"));
    }
}

#[tokio::test]
async fn malformed_queries_are_400_problems_in_the_requested_language() {
    for backend in backends() {
        let app = spawn_app(&backend).await;
        let cases = [
            ("/api/v1/villages?bbox=100,21,99,22", "bbox"),
            ("/api/v1/villages?bbox=a,b,c,d", "bbox"),
            ("/api/v1/posts?limit=0", "limit"),
            ("/api/v1/posts?limit=10001", "limit"),
            ("/api/v1/incidents?offset=-1", "offset"),
            ("/api/v1/villages/abc", "id"),
        ];
        for (path, parameter) in cases {
            let (status, content_type, body) = app.get_json(path).await;
            assert_eq!(status, 400, "{path}");
            assert_eq!(content_type, "application/problem+json");
            assert_eq!(body["title"], "请求有误", "zh-CN is the default");
            let english = app
                .client
                .get(format!("{}{path}", app.address))
                .header("Accept-Language", "en-GB,en;q=0.8")
                .send()
                .await
                .expect("request");
            let english: Value = english.json().await.expect("json");
            assert_eq!(english["title"], "Bad request");
            assert!(english["detail"].as_str().expect("detail").contains(parameter), "{path}: {english}");
        }
        let (_, _, by_query) = app.get_json("/api/v1/posts?limit=0&lang=en").await;
        assert_eq!(by_query["title"], "Bad request", "?lang= wins");
    }
}

#[tokio::test]
async fn incidents_filter_like_the_incident_list_page() {
    use banna_border::store::entities::incident;
    use chrono::{Datelike, TimeZone};
    use sea_orm::EntityTrait;
    let shanghai = chrono_tz::Asia::Shanghai;
    for backend in backends() {
        let app = spawn_app_with_demo(&backend, SEED, INCIDENTS).await;
        let rows = incident::Entity::find().all(&app.db).await.expect("incidents");
        let live: Vec<&incident::Model> = rows.iter().filter(|row| row.deleted_at.is_none()).collect();
        let year = live.iter().map(|row| row.occurred_at.with_timezone(&shanghai).year()).max().expect("a year");
        let in_year = |row: &&&incident::Model| row.occurred_at.with_timezone(&shanghai).year() == year;
        let expected_year = live.iter().filter(in_year).count();
        let expected_smuggling = live
            .iter()
            .filter(in_year)
            .filter(|row| row.category == "smuggling" && row.section.as_deref() == Some("LA"))
            .count();
        let (status, _, body) = app.get_json(&format!("/api/v1/incidents?year={year}&limit=1")).await;
        assert_eq!(status, 200, "{}", app.backend);
        assert_eq!(body["numberMatched"].as_u64(), Some(expected_year as u64), "{}", app.backend);
        let (_, _, body) =
            app.get_json(&format!("/api/v1/incidents?year={year}&category=smuggling&section=LA&limit=1")).await;
        assert_eq!(body["numberMatched"].as_u64(), Some(expected_smuggling as u64), "{}", app.backend);
        let next = body["links"].as_array().expect("links").iter().find(|link| link["rel"] == "next");
        if let Some(next) = next {
            let href = next["href"].as_str().expect("href");
            assert!(href.contains("category=smuggling") && href.contains(&format!("year={year}")), "{href}");
        }
        // Every returned incident lies in the local calendar year.
        let (_, _, body) = app.get_json(&format!("/api/v1/incidents?year={year}&limit=50")).await;
        let first_day = shanghai.with_ymd_and_hms(year, 1, 1, 0, 0, 0).single().expect("new year");
        let next_year = shanghai.with_ymd_and_hms(year + 1, 1, 1, 0, 0, 0).single().expect("next new year");
        for feature in body["features"].as_array().expect("features") {
            let at = chrono::DateTime::parse_from_rfc3339(feature["properties"]["occurred_at"].as_str().expect("time"))
                .expect("RFC 3339");
            assert!(at >= first_day && at < next_year, "{at} is not in {year}");
        }
        let (status, content_type, body) = app.get_json("/api/v1/incidents?category=piracy").await;
        assert_eq!(status, 400, "{}: {body}", app.backend);
        assert!(content_type.starts_with("application/problem+json"), "{content_type}");
    }
}
