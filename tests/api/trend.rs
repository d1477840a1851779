//! The bins × periods trend (`GET /api/v1/incidents/trend`) and the year-on-year change
//! (`GET /api/v1/incidents/change`): every figure checked against counts worked out here from
//! fixtures placed at known km and local times, local calendar boundaries, soft deletion,
//! jurisdiction, the demo's published figures, the refusals, and the monthly rollup against the
//! incidents it counts after a demo load, after writes and after a border import.

use std::collections::HashMap;

use banna_border::border::{Border, Side};
use banna_border::services;
use banna_border::store::entities::incident;
use banna_border::store::incident_rollup;
use chrono::{DateTime, Datelike, TimeZone, Utc};
use indicatif::ProgressBar;
use reqwest::StatusCode;
use sea_orm::ActiveValue::Set;
use sea_orm::{ActiveModelTrait, ColumnTrait, DatabaseConnection, EntityTrait, IntoActiveModel, QueryFilter};
use serde_json::Value;

use crate::fixtures::{NearBorder, add_incident_near};
use crate::helpers::{TestApp, backends, client_with, spawn_app, spawn_app_with_demo, token_for};

const JINGHONG: &str = "532801";
const MENGHAI: &str = "532822";
const MENGLA: &str = "532823";
const SHANGHAI: chrono_tz::Tz = chrono_tz::Asia::Shanghai;

/// One fixture incident: km along the line, local time (Asia/Shanghai), persons, category,
/// county, and whether it is soft-deleted.
#[derive(Clone, Copy, Debug)]
struct Fixture {
    km: f64,
    at: (i32, u32, u32, u32, u32),
    persons: i32,
    category: &'static str,
    county: &'static str,
    deleted: bool,
}

const fn live(
    km: f64,
    at: (i32, u32, u32, u32, u32),
    persons: i32,
    category: &'static str,
    county: &'static str,
) -> Fixture {
    Fixture { km, at, persons, category, county, deleted: false }
}

/// The fixtures, with the km of the tripoint and of the end of the line from the border.
fn fixtures(border: &Border) -> Vec<Fixture> {
    let tripoint_km = border.sections()[1].start_km;
    let end_km = border.length_km();
    vec![
        // 2023: only illegal crossings, smuggling and drugs.
        live(5.2, (2023, 2, 10, 9, 0), 2, "illegal_crossing", MENGHAI),
        live(15.5, (2023, 7, 1, 12, 0), 1, "smuggling", MENGHAI),
        live(34.0, (2023, 12, 31, 23, 30), 3, "illegal_crossing", MENGHAI),
        live(tripoint_km + 3.0, (2023, 5, 5, 5, 0), 4, "drug_trafficking", MENGLA),
        live(end_km - 0.4, (2023, 9, 9, 9, 0), 1, "illegal_crossing", MENGLA),
        // 2024. At 00:30 on 1 January local time it is still 2023 in UTC.
        live(34.5, (2024, 1, 1, 0, 30), 2, "illegal_crossing", MENGHAI),
        live(5.9, (2024, 1, 15, 10, 0), 0, "smuggling", MENGHAI),
        // 23:30 on 31 March is March; 00:30 on 1 April is April and the second quarter,
        // though UTC still says 31 March.
        live(15.5, (2024, 3, 31, 23, 30), 1, "smuggling", MENGHAI),
        live(15.7, (2024, 4, 1, 0, 30), 2, "telecom_fraud", MENGHAI),
        live(25.3, (2024, 6, 30, 23, 59), 1, "telecom_fraud", MENGLA),
        live(25.6, (2024, 7, 1, 0, 0), 3, "smuggling", MENGLA),
        live(tripoint_km + 3.5, (2024, 3, 20, 8, 0), 5, "drug_trafficking", MENGLA),
        live(end_km - 0.2, (2024, 11, 30, 8, 0), 2, "other", MENGLA),
        // Deleted: never counted, not even as the latest incident.
        Fixture { deleted: true, ..live(5.0, (2024, 2, 10, 8, 0), 7, "smuggling", MENGHAI) },
        Fixture { deleted: true, ..live(45.0, (2025, 1, 5, 8, 0), 1, "other", MENGHAI) },
        // Before both years.
        live(15.0, (2022, 6, 1, 8, 0), 9, "smuggling", MENGHAI),
    ]
}

fn utc(at: (i32, u32, u32, u32, u32)) -> DateTime<Utc> {
    let (year, month, day, hour, minute) = at;
    SHANGHAI.with_ymd_and_hms(year, month, day, hour, minute, 0).single().expect("a local time").to_utc()
}

/// A fixture as stored: its id, the km and section the border engine gave its point.
#[derive(Clone, Debug)]
struct Stored {
    fixture: Fixture,
    id: i64,
    km: f64,
    section: String,
}

async fn insert_one(db: &DatabaseConnection, border: &Border, fixture: Fixture) -> Stored {
    let at = utc(fixture.at);
    let near = NearBorder {
        km: fixture.km,
        at,
        category: fixture.category,
        persons: fixture.persons,
        county_code: fixture.county,
        deleted_at: fixture.deleted.then_some(at + chrono::Duration::days(1)),
    };
    let (row, location) = add_incident_near(db, border, near).await;
    Stored { fixture, id: row.id, km: location.border_km, section: location.section.as_str().to_owned() }
}

async fn insert(app: &TestApp, border: &Border) -> Vec<Stored> {
    let mut stored = Vec::new();
    for fixture in fixtures(border) {
        stored.push(insert_one(&app.db, border, fixture).await);
    }
    stored
}

/// How a period of a trend is labelled, from a local (year, month).
fn label(period: &str, year: i32, month: u32) -> String {
    match period {
        "month" => format!("{year:04}-{month:02}"),
        "quarter" => format!("{year:04}-Q{}", (month - 1) / 3 + 1),
        _ => format!("{year:04}"),
    }
}

fn bin_count(border: &Border, bin_km: f64) -> usize {
    (border.length_km() / bin_km).ceil() as usize
}

/// `(incidents, persons)` per (bin, period label) of the live fixtures in `counties` whose
/// local day lies in `from ..= to` and that pass `keep`.
fn expected_cells(
    stored: &[Stored],
    counties: &[&str],
    bin_km: f64,
    bins: usize,
    period: &str,
    (from, to): ((i32, u32, u32), (i32, u32, u32)),
    keep: impl Fn(&Stored) -> bool,
) -> HashMap<(usize, String), (i64, i64)> {
    let mut cells = HashMap::new();
    for s in stored {
        let f = &s.fixture;
        let day = (f.at.0, f.at.1, f.at.2);
        if f.deleted || !counties.contains(&f.county) || day < from || day > to || !keep(s) {
            continue;
        }
        let bin = ((s.km / bin_km).floor() as usize).min(bins - 1);
        let cell = cells.entry((bin, label(period, f.at.0, f.at.1))).or_insert((0, 0));
        cell.0 += 1;
        cell.1 += i64::from(f.persons);
    }
    cells
}

/// Checks the dense matrices of a trend against the expected cells (absent = 0) and returns
/// the period labels.
fn check_matrix(body: &Value, cells: &HashMap<(usize, String), (i64, i64)>, bins: usize, what: &str) -> Vec<String> {
    let labels: Vec<String> = body["periods"]
        .as_array()
        .expect("periods")
        .iter()
        .map(|period| period["label"].as_str().expect("label").to_owned())
        .collect();
    let incidents = body["incidents"].as_array().expect("incidents");
    let persons = body["persons"].as_array().expect("persons");
    assert_eq!(body["bins"].as_array().map(Vec::len), Some(bins), "{what}");
    assert_eq!(incidents.len(), bins, "{what}: a row per bin");
    assert_eq!(persons.len(), bins, "{what}: a row per bin");
    let (mut total_incidents, mut total_persons) = (0, 0);
    for bin in 0..bins {
        assert_eq!(incidents[bin].as_array().map(Vec::len), Some(labels.len()), "{what}: dense row {bin}");
        assert_eq!(persons[bin].as_array().map(Vec::len), Some(labels.len()), "{what}: dense row {bin}");
        for (column, label) in labels.iter().enumerate() {
            let (count, people) = cells.get(&(bin, label.clone())).copied().unwrap_or((0, 0));
            assert_eq!(incidents[bin][column], count, "{what}: incidents of bin {bin} in {label}");
            assert_eq!(persons[bin][column], people, "{what}: persons of bin {bin} in {label}");
            total_incidents += count;
            total_persons += people;
        }
    }
    let expected_total: i64 = cells.values().map(|cell| cell.0).sum();
    assert_eq!(total_incidents, expected_total, "{what}: every expected cell lies in a listed period");
    assert_eq!(body["totals"]["incidents"], total_incidents, "{what}");
    assert_eq!(body["totals"]["persons"], total_persons, "{what}");
    labels
}

#[tokio::test]
async fn the_trend_is_a_dense_matrix_of_bins_and_local_months() {
    let border = Border::bundled();
    for backend in backends() {
        let app = spawn_app(&backend).await;
        let stored = insert(&app, border).await;
        let (status, _, body) =
            app.get_json("/api/v1/incidents/trend?bin_km=10&period=month&from=2023-12&to=2024-07").await;
        assert_eq!(status, StatusCode::OK, "{}: {body}", app.backend);
        let bins = bin_count(border, 10.0);
        let cells =
            expected_cells(&stored, &[MENGHAI, MENGLA], 10.0, bins, "month", ((2023, 12, 1), (2024, 7, 31)), |_| true);
        let labels = check_matrix(&body, &cells, bins, app.backend);
        let months: Vec<String> =
            ["2023-12", "2024-01", "2024-02", "2024-03", "2024-04", "2024-05", "2024-06", "2024-07"]
                .map(str::to_owned)
                .to_vec();
        assert_eq!(labels, months, "every month, May and February (nothing live) included");
        // Worked out by hand: bin 1 (10–20 km) has the 31 March one in March and the 1 April
        // 00:30 one in April; bin 3 has 31 December 23:30 in 2023-12 and 1 January 00:30 in
        // 2024-01; February's only incident was deleted and May has none.
        let column = |label: &str| labels.iter().position(|l| l == label).expect("a month");
        assert_eq!(body["incidents"][1][column("2024-03")], 1);
        assert_eq!(body["incidents"][1][column("2024-04")], 1);
        assert_eq!(body["persons"][1][column("2024-04")], 2);
        assert_eq!(body["incidents"][3][column("2023-12")], 1);
        assert_eq!(body["incidents"][3][column("2024-01")], 1);
        for bin in 0..bins {
            assert_eq!(body["incidents"][bin][column("2024-02")], 0, "the deleted one is not counted");
            assert_eq!(body["incidents"][bin][column("2024-05")], 0);
        }
        assert_eq!(body["period"], "month");
        assert_eq!((body["from"].as_str(), body["to"].as_str()), (Some("2023-12-01"), Some("2024-07-31")));
        assert_eq!(body["time_zone"], "Asia/Shanghai");
        let periods = body["periods"].as_array().expect("periods");
        assert_eq!(periods[3]["from"], "2024-03-01");
        assert_eq!(periods[3]["to"], "2024-03-31");
        assert_eq!(periods[3]["whole"], true);
        // Bins: km ranges, the last one ends at the end of the line, the tripoint bin in both
        // sections.
        let bin_list = body["bins"].as_array().expect("bins");
        assert_eq!(bin_list[2]["start_km"].as_f64(), Some(20.0));
        assert_eq!(bin_list[2]["end_km"].as_f64(), Some(30.0));
        assert_eq!(bin_list[bins - 1]["end_km"].as_f64(), Some(border.length_km()));
        let tripoint_bin = (border.sections()[1].start_km / 10.0).floor() as usize;
        assert_eq!(bin_list[tripoint_bin]["sections"], serde_json::json!(["MM", "LA"]));
        assert_eq!(bin_list[0]["sections"], serde_json::json!(["MM"]));
    }
}

#[tokio::test]
async fn quarters_and_years_follow_the_local_calendar() {
    let border = Border::bundled();
    for backend in backends() {
        let app = spawn_app(&backend).await;
        let stored = insert(&app, border).await;
        let bins = bin_count(border, 10.0);
        let (status, _, body) =
            app.get_json("/api/v1/incidents/trend?period=quarter&from=2024-01-01&to=2024-12-31").await;
        assert_eq!(status, StatusCode::OK, "{body}");
        let cells =
            expected_cells(&stored, &[MENGHAI, MENGLA], 10.0, bins, "quarter", ((2024, 1, 1), (2024, 12, 31)), |_| {
                true
            });
        let labels = check_matrix(&body, &cells, bins, "quarters");
        assert_eq!(labels, ["2024-Q1", "2024-Q2", "2024-Q3", "2024-Q4"]);
        // Bin 1 in the first quarter: only the 31 March 23:30 one; the 1 April 00:30 one is
        // the second quarter's (in UTC it would be the first's).
        assert_eq!(body["incidents"][1][0], 1);
        assert_eq!(body["incidents"][1][1], 1);
        // Bin 2: 30 June 23:59 in Q2, 1 July 00:00 in Q3.
        assert_eq!((body["incidents"][2][1].as_i64(), body["incidents"][2][2].as_i64()), (Some(1), Some(1)));
        assert_eq!(body["persons"][2][2], 3);

        let (status, _, body) = app.get_json("/api/v1/incidents/trend?period=year&from=2023-01&to=2024-12").await;
        assert_eq!(status, StatusCode::OK);
        let cells =
            expected_cells(&stored, &[MENGHAI, MENGLA], 10.0, bins, "year", ((2023, 1, 1), (2024, 12, 31)), |_| true);
        let labels = check_matrix(&body, &cells, bins, "years");
        assert_eq!(labels, ["2023", "2024"]);
        // Bin 3 (30–40 km): 31 December 23:30 is 2023, 1 January 00:30 is 2024.
        assert_eq!((body["incidents"][3][0].as_i64(), body["incidents"][3][1].as_i64()), (Some(1), Some(1)));
        assert_eq!((body["persons"][3][0].as_i64(), body["persons"][3][1].as_i64()), (Some(3), Some(2)));
        let totals: i64 =
            stored.iter().filter(|s| !s.fixture.deleted && (2023..=2024).contains(&s.fixture.at.0)).map(|_| 1).sum();
        assert_eq!(body["totals"]["incidents"], totals);
    }
}

#[tokio::test]
async fn partial_months_filters_and_odd_widths_are_counted_exactly() {
    let border = Border::bundled();
    for backend in backends() {
        let app = spawn_app(&backend).await;
        let stored = insert(&app, border).await;
        let span = ((2024, 3, 25), (2024, 7, 1));
        for bin_km in [10.0, 2.5, 1.0] {
            let bins = bin_count(border, bin_km);
            let query = format!("/api/v1/incidents/trend?bin_km={bin_km}&from=2024-03-25&to=2024-07-01");
            let (status, _, body) = app.get_json(&query).await;
            assert_eq!(status, StatusCode::OK, "{query}: {body}");
            let cells = expected_cells(&stored, &[MENGHAI, MENGLA], bin_km, bins, "month", span, |_| true);
            let labels = check_matrix(&body, &cells, bins, &query);
            assert_eq!(labels, ["2024-03", "2024-04", "2024-05", "2024-06", "2024-07"]);
            let periods = body["periods"].as_array().expect("periods");
            assert_eq!((periods[0]["from"].as_str(), periods[0]["whole"].as_bool()), (Some("2024-03-25"), Some(false)));
            assert_eq!((periods[4]["to"].as_str(), periods[4]["whole"].as_bool()), (Some("2024-07-01"), Some(false)));
            assert_eq!(body["totals"]["incidents"], 4, "{query}: 31 March, 1 April, 30 June, 1 July");
        }
        // One category, one section; the filters are echoed.
        let (status, _, body) =
            app.get_json("/api/v1/incidents/trend?period=year&from=2023-01&to=2024-12&category=smuggling").await;
        assert_eq!(status, StatusCode::OK);
        let bins = bin_count(border, 10.0);
        let span = ((2023, 1, 1), (2024, 12, 31));
        let cells = expected_cells(&stored, &[MENGHAI, MENGLA], 10.0, bins, "year", span, |s| {
            s.fixture.category == "smuggling"
        });
        check_matrix(&body, &cells, bins, "smuggling");
        assert_eq!(body["category"], "smuggling");
        let (status, _, body) =
            app.get_json("/api/v1/incidents/trend?period=year&from=2023-01&to=2024-12&section=la").await;
        assert_eq!(status, StatusCode::OK);
        let cells = expected_cells(&stored, &[MENGHAI, MENGLA], 10.0, bins, "year", span, |s| s.section == "LA");
        assert_eq!(cells.values().map(|cell| cell.0).sum::<i64>(), 4, "the fixtures past the tripoint");
        check_matrix(&body, &cells, bins, "LA");
        assert_eq!(body["section"], "LA");
    }
}

#[tokio::test]
async fn without_dates_the_trend_covers_24_months_up_to_the_latest_live_incident() {
    let border = Border::bundled();
    for backend in backends() {
        let app = spawn_app(&backend).await;
        let stored = insert(&app, border).await;
        let (status, _, body) = app.get_json("/api/v1/incidents/trend").await;
        assert_eq!(status, StatusCode::OK, "{body}");
        // The latest live incident is of November 2024 (the deleted one of 2025 does not count).
        assert_eq!((body["from"].as_str(), body["to"].as_str()), (Some("2022-12-01"), Some("2024-11-30")));
        let bins = bin_count(border, 10.0);
        let cells =
            expected_cells(&stored, &[MENGHAI, MENGLA], 10.0, bins, "month", ((2022, 12, 1), (2024, 11, 30)), |_| true);
        let labels = check_matrix(&body, &cells, bins, "defaults");
        assert_eq!(labels.len(), 24);
        assert_eq!((labels[0].as_str(), labels[23].as_str()), ("2022-12", "2024-11"));
        assert_eq!(body["bin_km"].as_f64(), Some(10.0));
        let (status, _, body) = app.get_json("/api/v1/incidents/trend?period=quarter").await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(body["periods"].as_array().map(Vec::len), Some(8));
        assert_eq!((body["from"].as_str(), body["to"].as_str()), (Some("2023-01-01"), Some("2024-12-31")));
    }
}

/// `[base, compare]` × `[incidents, persons]` of the live fixtures of `counties` that pass
/// `keep`, by local year.
fn year_totals(stored: &[Stored], counties: &[&str], keep: impl Fn(&Stored) -> bool) -> [[i64; 2]; 2] {
    let mut totals = [[0; 2]; 2];
    for s in stored.iter().filter(|s| !s.fixture.deleted && counties.contains(&s.fixture.county) && keep(s)) {
        let slot = match s.fixture.at.0 {
            2023 => 0,
            2024 => 1,
            _ => continue,
        };
        totals[slot][0] += 1;
        totals[slot][1] += i64::from(s.fixture.persons);
    }
    totals
}

/// The change a row should show, worked out from the two counts: percentage rounded to one
/// decimal, direction.
fn expected_change(base: i64, compare: i64) -> Value {
    let (pct, direction) = match (base, compare) {
        (0, 0) => (Value::Null, "none"),
        (0, _) => (Value::Null, "new"),
        (b, c) => {
            let pct = ((c - b) as f64 / b as f64 * 1000.0).round() / 10.0;
            let direction = match c.cmp(&b) {
                std::cmp::Ordering::Greater => "up",
                std::cmp::Ordering::Less => "down",
                std::cmp::Ordering::Equal => "same",
            };
            (serde_json::json!(pct), direction)
        }
    };
    serde_json::json!({ "pct": pct, "direction": direction })
}

fn check_row(row: &Value, totals: [[i64; 2]; 2], what: &str) {
    assert_eq!(row["base"]["incidents"], totals[0][0], "{what}: {row}");
    assert_eq!(row["base"]["persons"], totals[0][1], "{what}: {row}");
    assert_eq!(row["compare"]["incidents"], totals[1][0], "{what}: {row}");
    assert_eq!(row["compare"]["persons"], totals[1][1], "{what}: {row}");
    assert_eq!(row["incidents_change"], expected_change(totals[0][0], totals[1][0]), "{what}: {row}");
    assert_eq!(row["persons_change"], expected_change(totals[0][1], totals[1][1]), "{what}: {row}");
}

async fn change(app: &TestApp, client: &reqwest::Client, query: &str) -> Value {
    let response = client.get(format!("{}/api/v1/incidents/change?{query}", app.address)).send().await.expect("get");
    assert_eq!(response.status(), StatusCode::OK, "{}: {query}", app.backend);
    response.json().await.expect("json")
}

#[tokio::test]
async fn the_change_is_grouped_by_total_section_category_county_and_bin() {
    let border = Border::bundled();
    for backend in backends() {
        let app = spawn_app(&backend).await;
        let stored = insert(&app, border).await;
        let all = [JINGHONG, MENGHAI, MENGLA];

        let body = change(&app, &app.client, "base=2023&compare=2024&by=total").await;
        assert_eq!((body["base_year"].as_i64(), body["compare_year"].as_i64()), (Some(2023), Some(2024)));
        assert_eq!(body["by"], "total");
        let rows = body["rows"].as_array().expect("rows");
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0]["key"], "total");
        let total = year_totals(&stored, &all, |_| true);
        assert_eq!(total, [[5, 11], [8, 16]], "worked out by hand from the fixtures");
        check_row(&rows[0], total, "total");
        assert_eq!(rows[0]["incidents_change"]["pct"].as_f64(), Some(60.0));

        let body = change(&app, &app.client, "base=2023&compare=2024&by=section").await;
        let rows = body["rows"].as_array().expect("rows");
        assert_eq!(rows.len(), 2, "both sections, no incident without border fields: {body}");
        for (row, code) in rows.iter().zip(["MM", "LA"]) {
            assert_eq!(row["key"], code);
            assert_eq!(row["label"]["code"], code);
            let section = border.sections().iter().find(|s| s.code.as_str() == code).expect("a section");
            assert_eq!(row["label"]["name_zh"], section.name_zh.as_str());
            check_row(row, year_totals(&stored, &all, |s| s.section == code), code);
        }

        let body = change(&app, &app.client, "base=2023&compare=2024&by=category").await;
        let rows = body["rows"].as_array().expect("rows");
        let codes: Vec<&str> = rows.iter().map(|row| row["key"].as_str().expect("a code")).collect();
        assert_eq!(
            codes,
            ["illegal_crossing", "smuggling", "drug_trafficking", "telecom_fraud", "human_trafficking", "other"]
        );
        for row in rows {
            let code = row["key"].as_str().expect("code");
            check_row(row, year_totals(&stored, &all, |s| s.fixture.category == code), code);
        }
        // Telecom fraud and "other" appear only in 2024: new, no percentage; human trafficking
        // never: none.
        assert_eq!(rows[3]["incidents_change"], serde_json::json!({ "pct": null, "direction": "new" }));
        assert_eq!(rows[5]["incidents_change"]["direction"], "new");
        assert_eq!(rows[4]["incidents_change"], serde_json::json!({ "pct": null, "direction": "none" }));
        assert_eq!(rows[4]["base"]["incidents"], 0);

        let body = change(&app, &app.client, "base=2023&compare=2024&by=county").await;
        let rows = body["rows"].as_array().expect("rows");
        let codes: Vec<&str> = rows.iter().map(|row| row["key"].as_str().expect("a code")).collect();
        assert_eq!(codes, [JINGHONG, MENGHAI, MENGLA], "every county, Jinghong without incidents");
        assert_eq!(rows[1]["label"]["name_en"], "Menghai");
        for (row, county) in rows.iter().zip(all) {
            check_row(row, year_totals(&stored, &[county], |_| true), county);
        }
        assert_eq!(rows[0]["incidents_change"]["direction"], "none");

        let body = change(&app, &app.client, "base=2023&compare=2024&by=bin&bin_km=25").await;
        assert_eq!(body["bin_km"].as_f64(), Some(25.0));
        let rows = body["rows"].as_array().expect("rows");
        let bins = bin_count(border, 25.0);
        assert_eq!(rows.len(), bins);
        for (index, row) in rows.iter().enumerate() {
            assert_eq!(row["key"], index);
            assert_eq!(row["label"]["start_km"].as_f64(), Some(index as f64 * 25.0));
            let in_bin = |s: &Stored| ((s.km / 25.0).floor() as usize).min(bins - 1) == index;
            check_row(row, year_totals(&stored, &all, in_bin), &format!("bin {index}"));
        }
        // Bin 0 (0–25 km): 5.2 and 15.5 in 2023, 5.9, 15.5 and 15.7 in 2024; bin 1 (25–50 km):
        // 34.0 in 2023, 34.5, 25.3 and 25.6 in 2024.
        assert_eq!(rows[0]["base"]["incidents"], 2);
        assert_eq!(rows[0]["compare"]["incidents"], 3);
        assert_eq!(rows[1]["incidents_change"]["pct"].as_f64(), Some(200.0));
        assert_eq!(rows[2]["incidents_change"]["direction"], "none");
    }
}

#[tokio::test]
async fn a_county_official_sees_the_trend_and_change_of_the_county_only() {
    let border = Border::bundled();
    for backend in backends() {
        let app = spawn_app(&backend).await;
        let stored = insert(&app, border).await;
        let menghai = client_with(&token_for(&app.db, "official.menghai", "official", MENGHAI).await);
        let response = menghai
            .get(format!("{}/api/v1/incidents/trend?period=year&from=2023-01&to=2024-12", app.address))
            .send()
            .await
            .expect("get");
        assert_eq!(response.status(), StatusCode::OK);
        let body: Value = response.json().await.expect("json");
        let bins = bin_count(border, 10.0);
        let cells = expected_cells(&stored, &[MENGHAI], 10.0, bins, "year", ((2023, 1, 1), (2024, 12, 31)), |_| true);
        check_matrix(&body, &cells, bins, "Menghai");
        assert_eq!(body["totals"]["incidents"], 7, "three in 2023, four in 2024");

        let body = change(&app, &menghai, "base=2023&compare=2024&by=county").await;
        let rows = body["rows"].as_array().expect("rows");
        assert_eq!(rows.len(), 1, "only the county in the jurisdiction: {body}");
        assert_eq!(rows[0]["key"], MENGHAI);
        check_row(&rows[0], year_totals(&stored, &[MENGHAI], |_| true), "Menghai");
        let body = change(&app, &menghai, "by=total").await;
        assert_eq!((body["base_year"].as_i64(), body["compare_year"].as_i64()), (Some(2023), Some(2024)));
        check_row(&body["rows"][0], year_totals(&stored, &[MENGHAI], |_| true), "Menghai total");

        let staff = client_with(&token_for(&app.db, "staff.mengla", "post_staff", MENGLA).await);
        let body = change(&app, &staff, "base=2023&compare=2024&by=section").await;
        check_row(&body["rows"][1], year_totals(&stored, &[MENGLA], |s| s.section == "LA"), "Mengla LA");

        let outreach = client_with(&token_for(&app.db, "outreach", "outreach_member", MENGHAI).await);
        for path in ["trend", "change"] {
            let response = outreach.get(format!("{}/api/v1/incidents/{path}", app.address)).send().await.expect("get");
            assert_eq!(response.status(), StatusCode::FORBIDDEN, "{path}");
            let response =
                app.anonymous.get(format!("{}/api/v1/incidents/{path}", app.address)).send().await.expect("get");
            assert_eq!(response.status(), StatusCode::UNAUTHORIZED, "{path}");
        }
    }
}

/// Both tables of the monthly rollup hold what the incidents table says they should.
async fn check_rollup(app: &TestApp, when: &str) {
    let tables = incident_rollup::compare_with_incidents(&app.db).await.expect("compare");
    for ((expected, actual), table) in tables.iter().zip(["by category", "cells"]) {
        assert!(!expected.is_empty(), "{} {when}: there is something to count", app.backend);
        assert_eq!(actual, expected, "{} {when}: the rollup {table} counts what the incidents say", app.backend);
    }
}

#[tokio::test]
async fn corrections_and_soft_deletes_change_the_counts_at_once() {
    let border = Border::bundled();
    for backend in backends() {
        let app = spawn_app(&backend).await;
        let mut stored = insert(&app, border).await;
        // Soft-delete the 2023 smuggling one, move the 2024 telecom fraud at 25.3 km to 2023
        // and to 205 km, re-categorise the 2024 "other" one, and hard-delete one more.
        let find = |stored: &[Stored], km: f64, year: i32| {
            stored.iter().position(|s| (s.fixture.km - km).abs() < 1e-9 && s.fixture.at.0 == year).expect("a fixture")
        };
        let smuggling = find(&stored, 15.5, 2023);
        let mut row =
            incident::Entity::find_by_id(stored[smuggling].id).one(&app.db).await.expect("read").expect("row");
        row.deleted_at = Some(Utc::now());
        row.into_active_model().reset_all().update(&app.db).await.expect("soft delete");
        stored[smuggling].fixture.deleted = true;

        let moved = find(&stored, 25.3, 2024);
        let (lon, lat) = border.offset(205.0, 150.0, Side::Cn).expect("a point");
        let location = border.locate(lon, lat).expect("located");
        let mut row = incident::Entity::find_by_id(stored[moved].id).one(&app.db).await.expect("read").expect("row");
        row.occurred_at = utc((2023, 8, 8, 8, 0));
        row.lon = lon;
        row.lat = lat;
        row.border_km = Some(location.border_km);
        row.persons_apprehended = 6;
        row.into_active_model().reset_all().update(&app.db).await.expect("correct");
        stored[moved].fixture.at = (2023, 8, 8, 8, 0);
        stored[moved].fixture.persons = 6;
        stored[moved].km = location.border_km;

        let end = stored.iter().position(|s| s.fixture.category == "other" && !s.fixture.deleted).expect("other");
        let mut row = incident::Entity::find_by_id(stored[end].id).one(&app.db).await.expect("read").expect("row");
        row.category = "human_trafficking".to_owned();
        row.into_active_model().reset_all().update(&app.db).await.expect("re-categorise");
        stored[end].fixture.category = "human_trafficking";

        let gone = find(&stored, 5.9, 2024);
        incident::Entity::delete_by_id(stored[gone].id).exec(&app.db).await.expect("delete");
        stored.remove(gone);

        let all = [JINGHONG, MENGHAI, MENGLA];
        let body = change(&app, &app.client, "base=2023&compare=2024&by=category").await;
        for row in body["rows"].as_array().expect("rows") {
            let code = row["key"].as_str().expect("code");
            check_row(row, year_totals(&stored, &all, |s| s.fixture.category == code), code);
        }
        assert_eq!(body["rows"][3]["base"]["incidents"], 1, "the moved telecom fraud is 2023's now");
        let bins = bin_count(border, 10.0);
        let (_, _, body) = app.get_json("/api/v1/incidents/trend?period=year&from=2023-01&to=2024-12").await;
        let cells = expected_cells(&stored, &all, 10.0, bins, "year", ((2023, 1, 1), (2024, 12, 31)), |_| true);
        check_matrix(&body, &cells, bins, "after the writes");
        let bin = (location.border_km / 10.0).floor() as usize;
        assert!(body["incidents"][bin][0].as_i64() >= Some(1), "{} km in 2023", location.border_km);
        check_rollup(&app, "after the writes").await;
    }
}

#[tokio::test]
async fn the_demo_gives_the_published_figures_and_the_rollup_follows_every_write() {
    let targets = services::demo::targets::INCIDENTS_PCT;
    for backend in backends() {
        let app = spawn_app_with_demo(&backend, 11, 3400).await;
        check_rollup(&app, "after the demo load").await;

        let body = change(&app, &app.client, "base=2023&compare=2024&by=total").await;
        let row = &body["rows"][0];
        assert_eq!(row["incidents_change"]["pct"].as_f64(), Some(targets), "{}", app.backend);
        assert_eq!(row["persons_change"]["pct"].as_f64(), Some(services::demo::targets::PERSONS_PCT));
        assert_eq!(row["incidents_change"]["direction"], "down");
        // The counts are those of the incidents table, by local year.
        let rows =
            incident::Entity::find().filter(incident::Column::DeletedAt.is_null()).all(&app.db).await.expect("read");
        let mut by_year = [[0_i64; 2]; 2];
        for row in &rows {
            let slot = match row.occurred_at.with_timezone(&SHANGHAI).year() {
                2023 => 0,
                2024 => 1,
                _ => continue,
            };
            by_year[slot][0] += 1;
            by_year[slot][1] += i64::from(row.persons_apprehended);
        }
        check_row(row, by_year, "demo total");
        // The groupings add up to the total.
        for by in ["section", "category", "county", "bin"] {
            let body = change(&app, &app.client, &format!("base=2023&compare=2024&by={by}")).await;
            let sum = |side: &str| {
                body["rows"]
                    .as_array()
                    .expect("rows")
                    .iter()
                    .map(|r| r[side]["incidents"].as_i64().expect("n"))
                    .sum::<i64>()
            };
            let located = rows
                .iter()
                .filter(|r| r.border_km.is_some() || by != "bin")
                .filter(|r| r.occurred_at.with_timezone(&SHANGHAI).year() == 2024)
                .count() as i64;
            assert_eq!(sum("compare"), located, "{by}");
        }
        // The dashboard publishes the same figures.
        let (_, _, dashboard) = app.get_json("/api/v1/dashboard?year=2024").await;
        let figure = dashboard["figures"]
            .as_array()
            .expect("figures")
            .iter()
            .find(|f| f["id"] == "incidents")
            .expect("incidents")
            .clone();
        assert_eq!(figure["change"].as_f64(), Some(targets));

        // Writes of every kind keep the rollup exact.
        let border = Border::bundled();
        let extra = live(123.4, (2024, 12, 31, 23, 59), 3, "smuggling", MENGLA);
        let added = insert_one(&app.db, border, extra).await;
        let first = rows.first().expect("a demo incident").clone();
        let mut active = first.clone().into_active_model();
        active.deleted_at = Set(Some(Utc::now()));
        active.update(&app.db).await.expect("soft delete");
        let second = rows.get(1).expect("another").clone();
        let mut active = second.into_active_model();
        active.category = Set("other".to_owned());
        active.occurred_at = Set(utc((2023, 1, 1, 0, 5)));
        active.update(&app.db).await.expect("correct");
        incident::Entity::delete_by_id(added.id).exec(&app.db).await.expect("delete");
        insert_one(&app.db, border, extra).await;
        check_rollup(&app, "after writes").await;

        // A border import moves every incident along the new line.
        let natural_earth = include_str!("../../geodata/border_ne.geojson");
        services::border::import(&app.db, "border_ne.geojson", natural_earth, None, &ProgressBar::hidden())
            .await
            .expect("import");
        check_rollup(&app, "after a border import").await;
        let moved = incident::Entity::find_by_id(rows[2].id).one(&app.db).await.expect("read").expect("row");
        assert_ne!(moved.border_km, rows[2].border_km, "the import did move the incidents");
    }
}

#[tokio::test]
async fn bad_requests_are_localized_problems() {
    let backend = backends().into_iter().next().expect("a backend");
    let app = spawn_app(&backend).await;
    let cases = [
        ("trend?period=week", "period"),
        ("trend?from=2024-13", "from"),
        ("trend?to=2024-02-30", "to"),
        ("trend?from=1999-12", "from"),
        ("trend?from=2024-05&to=2024-04-30", "2024-05-01"),
        ("trend?bin_km=1&from=2000-01&to=2100-12", "100000"),
        ("trend?bin_km=0.5", "bin_km"),
        ("trend?category=piracy", "piracy"),
        ("trend?section=VN", "VN"),
        ("change?by=village", "village"),
        ("change?base=2024&compare=2024", "2024"),
        ("change?by=bin&bin_km=500", "bin_km"),
        ("change?compare=later", "later"),
    ];
    for (query, word) in cases {
        for lang in ["en", "zh-CN", "lo", "th", "my"] {
            let response = app
                .client
                .get(format!("{}/api/v1/incidents/{query}", app.address))
                .header("Accept-Language", lang)
                .send()
                .await
                .expect("get");
            assert_eq!(response.status(), StatusCode::BAD_REQUEST, "{query}");
            assert_eq!(response.headers()[reqwest::header::CONTENT_TYPE], "application/problem+json", "{query}");
            let body: Value = response.json().await.expect("json");
            let detail = body["detail"].as_str().expect("detail");
            assert!(detail.replace(['\u{2068}', '\u{2069}', ','], "").contains(word), "{query} in {lang}: {detail}");
        }
    }
    // The new messages are translated, not fallen back to Chinese: each is in the script of
    // the language asked for.
    let script = |lang: &str, c: char| match lang {
        "lo" => ('\u{0E80}'..='\u{0EFF}').contains(&c),
        "th" => ('\u{0E00}'..='\u{0E7F}').contains(&c),
        "my" => ('\u{1000}'..='\u{109F}').contains(&c),
        "zh-CN" => ('\u{4E00}'..='\u{9FFF}').contains(&c),
        _ => c.is_ascii_alphabetic(),
    };
    for query in ["trend?period=week", "trend?from=x", "trend?bin_km=1&from=2000-01&to=2100-12", "change?by=x"] {
        for lang in ["en", "zh-CN", "lo", "th", "my"] {
            let response = app
                .client
                .get(format!("{}/api/v1/incidents/{query}", app.address))
                .header("Accept-Language", lang)
                .send()
                .await
                .expect("get");
            let body: Value = response.json().await.expect("json");
            let detail = body["detail"].as_str().expect("detail").to_owned();
            let letters = detail.chars().filter(|c| script(lang, *c)).count();
            assert!(letters >= 10, "{query} in {lang}: {detail}");
            if lang != "zh-CN" {
                assert!(!detail.chars().any(|c| script("zh-CN", c)), "{query} in {lang} is not Chinese: {detail}");
            }
        }
    }
    let (status, _, _) = app.get_json("/api/v1/incidents/trend?bin_km=7&from=2000-01&to=2100-12&period=year").await;
    assert_eq!(status, StatusCode::OK, "97 bins × 101 years is within the limit");
}
