//! Incidents per km bin of the border, a year against another: `GET /api/v1/border/bins` checked
//! against counts worked out here from the fixtures, jurisdiction scoping, the refusals, and the
//! border strip SVG.

use banna_border::border::Border;
use banna_border::charts::border_strip::{BASE_COLOR, COMPARE_COLOR};
use chrono::{DateTime, Datelike, TimeZone, Utc};
use plotters::style::RGBColor;
use reqwest::StatusCode;
use serde_json::Value;

use crate::fixtures::{NearBorder, add_incident_near};
use crate::helpers::{TestApp, backends, client_with, spawn_app, token_for};

const MENGHAI: &str = "532822";
const MENGLA: &str = "532823";

/// One fixture incident: where along the line, when (local time), how many persons, which
/// county, and whether it was deleted.
struct Fixture {
    km: f64,
    at: (i32, u32, u32, u32, u32),
    persons: i32,
    county: &'static str,
    deleted: bool,
}

const fn fixture(km: f64, at: (i32, u32, u32, u32, u32), persons: i32, county: &'static str) -> Fixture {
    Fixture { km, at, persons, county, deleted: false }
}

fn fixtures(border: &Border) -> Vec<Fixture> {
    let tripoint_km = border.sections()[1].start_km;
    let end_km = border.length_km();
    vec![
        // Bin 1 (10–20 km): in both years and both counties; two sit on either side of the
        // local new year, which in UTC is still 2023 for the first one of 2024.
        fixture(15.2, (2023, 3, 1, 10, 0), 2, MENGHAI),
        fixture(15.6, (2023, 12, 31, 23, 30), 1, MENGHAI),
        fixture(17.9, (2024, 5, 1, 9, 0), 1, MENGHAI),
        fixture(12.0, (2024, 7, 1, 9, 0), 3, MENGLA),
        fixture(15.5, (2024, 1, 1, 0, 30), 0, MENGHAI),
        // Bin 3 (30–40 km): nothing live in 2023 (the one there was deleted), so "new".
        fixture(34.0, (2024, 2, 1, 8, 0), 4, MENGHAI),
        Fixture { deleted: true, ..fixture(36.0, (2023, 6, 1, 8, 0), 1, MENGHAI) },
        // Bin 5 (50–60 km): only in 2023: down by 100 %.
        fixture(55.5, (2023, 8, 1, 8, 0), 2, MENGLA),
        fixture(56.0, (2023, 9, 1, 8, 0), 0, MENGHAI),
        // Bin 12: three then four, in Mengla.
        fixture(123.0, (2023, 4, 1, 8, 0), 1, MENGLA),
        fixture(124.0, (2023, 4, 2, 8, 0), 1, MENGLA),
        fixture(125.0, (2023, 4, 3, 8, 0), 1, MENGLA),
        fixture(126.0, (2024, 4, 1, 8, 0), 1, MENGLA),
        fixture(126.5, (2024, 4, 2, 8, 0), 2, MENGLA),
        fixture(127.0, (2024, 4, 3, 8, 0), 1, MENGLA),
        fixture(127.5, (2024, 4, 4, 8, 0), 1, MENGLA),
        // Just past the tripoint, and near the end of the line (the short last bin).
        fixture(tripoint_km + 0.5, (2024, 6, 1, 8, 0), 1, MENGLA),
        fixture(end_km - 0.8, (2023, 10, 1, 8, 0), 5, MENGLA),
        // Outside both years, and a deleted one in a later year (not the latest year).
        fixture(15.0, (2022, 6, 1, 8, 0), 9, MENGHAI),
        Fixture { deleted: true, ..fixture(80.0, (2025, 1, 5, 8, 0), 1, MENGHAI) },
    ]
}

fn local(at: (i32, u32, u32, u32, u32)) -> DateTime<Utc> {
    let (year, month, day, hour, minute) = at;
    chrono_tz::Asia::Shanghai.with_ymd_and_hms(year, month, day, hour, minute, 0).single().expect("a time").to_utc()
}

/// Inserts the fixtures 150 m into China from their km, with the border fields the engine gives
/// for that point; returns each with the km stored.
async fn insert(app: &TestApp, border: &Border) -> Vec<(Fixture, f64)> {
    let mut stored = Vec::new();
    for fixture in fixtures(border) {
        let at = local(fixture.at);
        let near = NearBorder {
            km: fixture.km,
            at,
            category: "smuggling",
            persons: fixture.persons,
            county_code: fixture.county,
            deleted_at: fixture.deleted.then_some(at + chrono::Duration::days(1)),
        };
        let (_, location) = add_incident_near(&app.db, border, near).await;
        stored.push((fixture, location.border_km));
    }
    stored
}

/// `[incidents, persons]` per bin and year index (0 = base, 1 = compared), worked out from the
/// fixtures: live ones of the counties in `counties`, by local year, bin `floor(km / bin_km)`
/// with the end of the line in the last bin.
fn expected(
    stored: &[(Fixture, f64)],
    counties: &[&str],
    bin_km: f64,
    bins: usize,
    years: (i32, i32),
) -> Vec<[[i64; 2]; 2]> {
    let mut counts = vec![[[0_i64; 2]; 2]; bins];
    for (fixture, km) in stored {
        if fixture.deleted || !counties.contains(&fixture.county) {
            continue;
        }
        let year = local(fixture.at).with_timezone(&chrono_tz::Asia::Shanghai).year();
        let slot = if year == years.0 {
            0
        } else if year == years.1 {
            1
        } else {
            continue;
        };
        let bin = ((km / bin_km).floor() as usize).min(bins - 1);
        counts[bin][slot][0] += 1;
        counts[bin][slot][1] += i64::from(fixture.persons);
    }
    counts
}

fn bin_count(border: &Border, bin_km: f64) -> usize {
    (border.length_km() / bin_km).ceil() as usize
}

/// Checks every feature's counts, change and change_pct against the expected counts.
fn check_counts(body: &Value, counts: &[[[i64; 2]; 2]], label: &str) {
    let features = body["features"].as_array().expect("features");
    assert_eq!(features.len(), counts.len(), "{label}: one feature per bin");
    for (index, (feature, [[base, base_persons], [compare, compare_persons]])) in
        features.iter().zip(counts).enumerate()
    {
        let p = &feature["properties"];
        assert_eq!(p["bin"], index, "{label}");
        assert_eq!(p["base_incidents"], *base, "{label}: bin {index}");
        assert_eq!(p["compare_incidents"], *compare, "{label}: bin {index}");
        assert_eq!(p["base_persons"], *base_persons, "{label}: bin {index}");
        assert_eq!(p["compare_persons"], *compare_persons, "{label}: bin {index}");
        let (change, pct) = match (base, compare) {
            (0, 0) => ("none", Value::Null),
            (0, _) => ("new", Value::Null),
            (b, c) => {
                let pct = ((c - b) as f64 / *b as f64 * 1000.0).round() / 10.0;
                let direction = if c > b {
                    "up"
                } else if c < b {
                    "down"
                } else {
                    "same"
                };
                (direction, serde_json::json!(pct))
            }
        };
        assert_eq!(p["change"], change, "{label}: bin {index}");
        assert_eq!(p["change_pct"], pct, "{label}: bin {index}");
    }
}

#[tokio::test]
async fn bins_count_live_incidents_and_persons_per_km_of_border_year_on_year() {
    let border = Border::bundled();
    for backend in backends() {
        let app = spawn_app(&backend).await;
        let stored = insert(&app, border).await;
        let bins = bin_count(border, 10.0);
        let counts = expected(&stored, &[MENGHAI, MENGLA], 10.0, bins, (2023, 2024));
        // The fixtures do what they are meant to: a "new" bin, a bin only in the base year, and
        // the local new year respected.
        assert_eq!(counts[3], [[0, 0], [1, 4]], "{}", app.backend);
        assert_eq!(counts[5], [[2, 2], [0, 0]]);
        assert_eq!(counts[1], [[2, 3], [3, 4]]);

        let response = app.get("/api/v1/border/bins?bin_km=10&base=2023&compare=2024").await;
        assert_eq!(response.status(), StatusCode::OK, "{}", app.backend);
        let content_type = response.headers()[reqwest::header::CONTENT_TYPE].to_str().expect("type").to_owned();
        assert_eq!(content_type, "application/geo+json");
        let body: Value = response.json().await.expect("json");
        assert_eq!(body["type"], "FeatureCollection");
        assert_eq!((body["base_year"].as_i64(), body["compare_year"].as_i64()), (Some(2023), Some(2024)));
        check_counts(&body, &counts, app.backend);

        let features = body["features"].as_array().expect("features");
        let tripoint_km = border.sections()[1].start_km;
        for (index, feature) in features.iter().enumerate() {
            let p = &feature["properties"];
            let start_km = p["start_km"].as_f64().expect("start");
            let end_km = p["end_km"].as_f64().expect("end");
            assert!((start_km - index as f64 * 10.0).abs() < 1e-9);
            let expected_end = if index + 1 == bins { border.length_km() } else { (index + 1) as f64 * 10.0 };
            assert!((end_km - expected_end).abs() < 1e-9, "bin {index} ends at {end_km}");
            let section = if end_km <= tripoint_km {
                "MM"
            } else if start_km >= tripoint_km {
                "LA"
            } else {
                "MM/LA"
            };
            assert_eq!(p["section"], section, "bin {index}");
            assert_eq!(feature["geometry"]["type"], "LineString", "the shipped line has no gaps");
            let line = feature["geometry"]["coordinates"].as_array().expect("coordinates");
            let position = |value: &Value| [value[0].as_f64().expect("lon"), value[1].as_f64().expect("lat")];
            let start = border.point_at(start_km).expect("start station");
            let end = border.point_at(end_km).expect("end station");
            // The JSON round trip may move the last binary digit of a degree.
            let near = |a: [f64; 2], b: [f64; 2]| (a[0] - b[0]).abs() < 1e-12 && (a[1] - b[1]).abs() < 1e-12;
            assert!(near(position(&line[0]), [start.lon, start.lat]), "bin {index} starts at its station");
            assert!(near(position(line.last().expect("end")), [end.lon, end.lat]), "bin {index} ends at its station");
        }
        assert!(features.iter().any(|f| f["properties"]["section"] == "MM/LA"));
    }
}

#[tokio::test]
async fn the_defaults_are_ten_km_and_the_latest_year_with_live_incidents_against_the_year_before() {
    let border = Border::bundled();
    for backend in backends() {
        let app = spawn_app(&backend).await;
        let stored = insert(&app, border).await;
        let (status, _, body) = app.get_json("/api/v1/border/bins").await;
        assert_eq!(status, StatusCode::OK, "{}", app.backend);
        // The deleted incident of 2025 does not make 2025 the latest year.
        assert_eq!((body["base_year"].as_i64(), body["compare_year"].as_i64()), (Some(2023), Some(2024)));
        assert_eq!(body["bin_km"].as_f64(), Some(10.0));
        let counts = expected(&stored, &[MENGHAI, MENGLA], 10.0, bin_count(border, 10.0), (2023, 2024));
        check_counts(&body, &counts, app.backend);

        // Another width and another pair of years (2022 against 2024), empty fields ignored.
        let (status, _, body) = app.get_json("/api/v1/border/bins?bin_km=25&base=2022&compare=").await;
        assert_eq!(status, StatusCode::OK);
        let counts = expected(&stored, &[MENGHAI, MENGLA], 25.0, bin_count(border, 25.0), (2022, 2024));
        assert_eq!(counts[0][0], [1, 9], "the 2022 incident is the base of the first bin");
        check_counts(&body, &counts, app.backend);
    }
}

#[tokio::test]
async fn a_county_official_counts_only_the_incidents_of_the_county() {
    let border = Border::bundled();
    for backend in backends() {
        let app = spawn_app(&backend).await;
        let stored = insert(&app, border).await;
        let menghai = client_with(&token_for(&app.db, "official.menghai", "official", MENGHAI).await);
        let body: Value = menghai
            .get(format!("{}/api/v1/border/bins?base=2023&compare=2024", app.address))
            .send()
            .await
            .expect("get")
            .json()
            .await
            .expect("json");
        let counts = expected(&stored, &[MENGHAI], 10.0, bin_count(border, 10.0), (2023, 2024));
        assert_eq!(counts[1], [[2, 3], [2, 1]], "the Mengla incident of bin 1 is not Menghai's");
        check_counts(&body, &counts, app.backend);
        let everything = expected(&stored, &[MENGHAI, MENGLA], 10.0, bin_count(border, 10.0), (2023, 2024));
        assert_ne!(counts, everything, "the fixtures tell the counties apart");

        let post_staff = client_with(&token_for(&app.db, "staff.mengla", "post_staff", MENGLA).await);
        let response = post_staff
            .get(format!("{}/api/v1/border/bins?base=2023&compare=2024", app.address))
            .send()
            .await
            .expect("get");
        assert_eq!(response.status(), StatusCode::OK);
        let body: Value = response.json().await.expect("json");
        check_counts(&body, &expected(&stored, &[MENGLA], 10.0, bin_count(border, 10.0), (2023, 2024)), "mengla");

        let liaison = client_with(&token_for(&app.db, "liaison", "liaison_officer", MENGHAI).await);
        let response = liaison.get(format!("{}/api/v1/border/bins", app.address)).send().await.expect("get");
        assert_eq!(response.status(), StatusCode::FORBIDDEN);
    }
}

#[tokio::test]
async fn bad_widths_and_years_are_refused_with_a_localized_problem() {
    let first = *banna_border::domain::period::YEARS.start();
    let last = *banna_border::domain::period::YEARS.end();
    let backend = backends().into_iter().next().expect("a backend");
    let app = spawn_app(&backend).await;
    let cases = [
        "bin_km=0.5".to_owned(),
        "bin_km=100.5".to_owned(),
        "bin_km=ten".to_owned(),
        "bin_km=NaN".to_owned(),
        "base=2024&compare=2024".to_owned(),
        "base=2025&compare=2024".to_owned(),
        format!("base={}&compare=2024", first - 1),
        format!("base=2023&compare={}", last + 1),
        "compare=twenty".to_owned(),
    ];
    for query in &cases {
        for (lang, word) in [("en", "must"), ("zh-CN", "应")] {
            let response = app
                .client
                .get(format!("{}/api/v1/border/bins?{query}", app.address))
                .header("Accept-Language", lang)
                .send()
                .await
                .expect("get");
            assert_eq!(response.status(), StatusCode::BAD_REQUEST, "{query}");
            let content_type = response.headers()[reqwest::header::CONTENT_TYPE].to_str().expect("type").to_owned();
            assert_eq!(content_type, "application/problem+json", "{query}");
            let body: Value = response.json().await.expect("json");
            let detail = body["detail"].as_str().expect("detail");
            assert!(detail.contains(word), "{query} in {lang}: {detail}");
        }
    }
    let (status, _, body) = app.get_json("/api/v1/border/bins?bin_km=1&base=2023&compare=2024").await;
    assert_eq!(status, StatusCode::OK, "1 km is allowed");
    assert_eq!(body["features"].as_array().map(Vec::len), Some(bin_count(Border::bundled(), 1.0)));
    let (status, _, _) = app.get_json("/api/v1/border/bins?bin_km=100&base=2023&compare=2024").await;
    assert_eq!(status, StatusCode::OK, "100 km is allowed");
}

#[tokio::test]
async fn the_border_strip_is_an_svg_for_the_dashboard_roles() {
    let border = Border::bundled();
    for backend in backends() {
        let app = spawn_app(&backend).await;
        let stored = insert(&app, border).await;
        let official = client_with(&token_for(&app.db, "official.all", "official", "532800").await);
        let response = official
            .get(format!("{}/charts/border-strip.svg?base=2023&compare=2024&bin_km=&lang=en", app.address))
            .send()
            .await
            .expect("get");
        assert_eq!(response.status(), StatusCode::OK, "{}", app.backend);
        assert_eq!(response.headers()[reqwest::header::CONTENT_TYPE], "image/svg+xml");
        let svg = response.text().await.expect("text");
        assert!(svg.starts_with("<svg") && svg.trim_end().ends_with("</svg>"));
        assert!(svg.contains("viewBox=\""));
        assert!(svg.contains("<title id=\"chart-border-strip-title\">Border incidents per 10 km of border</title>"));
        assert!(svg.contains("China–Myanmar border") && svg.contains("China–Laos border"));
        // The description states the totals, worked out from the fixtures.
        let counts = expected(&stored, &[MENGHAI, MENGLA], 10.0, bin_count(border, 10.0), (2023, 2024));
        let base_total: i64 = counts.iter().map(|bin| bin[0][0]).sum();
        let compare_total: i64 = counts.iter().map(|bin| bin[1][0]).sum();
        assert!(
            svg.contains(&format!("{base_total} incidents in 2023 and {compare_total} in 2024")),
            "totals in the description"
        );
        // One bar per non-zero count, plus one legend swatch per year (the colours are the
        // chart's own constants).
        let bars = |color: &RGBColor| {
            let fill = format!("fill=\"#{:02X}{:02X}{:02X}\"", color.0, color.1, color.2);
            svg.split("<rect").skip(1).filter(|tag| tag.split('>').next().is_some_and(|a| a.contains(&fill))).count()
        };
        let nonzero = |slot: usize| counts.iter().filter(|bin| bin[slot][0] > 0).count();
        assert_eq!(bars(&BASE_COLOR), nonzero(0) + 1);
        assert_eq!(bars(&COMPARE_COLOR), nonzero(1) + 1);

        let zh = official.get(format!("{}/charts/border-strip.svg", app.address)).send().await.expect("get");
        assert_eq!(zh.status(), StatusCode::OK);
        assert!(zh.text().await.expect("text").contains("中缅边界"));

        let bad =
            official.get(format!("{}/charts/border-strip.svg?bin_km=500", app.address)).send().await.expect("get");
        assert_eq!(bad.status(), StatusCode::BAD_REQUEST);
        let anonymous =
            app.anonymous.get(format!("{}/charts/border-strip.svg", app.address)).send().await.expect("get");
        assert_eq!(anonymous.status(), StatusCode::UNAUTHORIZED);
        let staff = client_with(&token_for(&app.db, "staff", "post_staff", MENGHAI).await);
        let denied = staff.get(format!("{}/charts/border-strip.svg", app.address)).send().await.expect("get");
        assert_eq!(denied.status(), StatusCode::FORBIDDEN);
    }
}
