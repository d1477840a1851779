//! The yearly report: `GET /api/v1/reports/yearly`, the printable page `/reports/yearly` and
//! `banna report` (run as the real binary against the test's database). Every expected figure
//! is counted here from the database through the entities, or worked out by hand from small
//! fixtures; the demo's published changes for 2024 come out; missing data say so; a zero base
//! says "new"; bad years are refused everywhere.

use std::collections::{BTreeMap, HashMap};
use std::process::Command;

use banna_border::store::entities::{admin_unit, incident, village, village_indicator};
use chrono::{DateTime, TimeZone, Utc};
use reqwest::StatusCode;
use sea_orm::ActiveValue::Set;
use sea_orm::{ActiveModelTrait, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter};
use serde_json::Value;

use crate::helpers::{Backend, TestApp, backends, client_with, spawn_app, spawn_app_with_demo, token_for};

/// A local (Asia/Shanghai) time.
fn local(year: i32, month: u32, day: u32, hour: u32) -> DateTime<Utc> {
    chrono_tz::Asia::Shanghai.with_ymd_and_hms(year, month, day, hour, 0, 0).single().expect("a local time").to_utc()
}

/// The local calendar year of an instant.
fn local_year(at: DateTime<Utc>) -> i32 {
    use chrono::Datelike;
    at.with_timezone(&chrono_tz::Asia::Shanghai).year()
}

/// One decimal, half away from zero.
fn one_decimal(value: f64) -> f64 {
    (value * 10.0).round() / 10.0
}

/// The percentage change rounded as published; `None` from a zero base.
fn percent(base: f64, compare: f64) -> Option<f64> {
    (base != 0.0).then(|| one_decimal((compare - base) / base * 100.0))
}

/// 2015 → "2,015".
fn thousands(value: i64) -> String {
    let digits = value.to_string();
    let mut out = String::new();
    for (index, digit) in digits.chars().enumerate() {
        if index > 0 && (digits.len() - index).is_multiple_of(3) {
            out.push(',');
        }
        out.push(digit);
    }
    out
}

/// Incidents and persons apprehended of one group in 2023 and 2024.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
struct Counts {
    incidents: [i64; 2],
    persons: [i64; 2],
}

/// What the database says about 2024 against 2023, counted here: the totals, per section code
/// (`None`: not located) and per county code (`None`: no county), and the key villages'
/// indicators summed over the key villages reporting in both years.
#[derive(Debug, Default)]
struct Expected {
    total: Counts,
    by_section: BTreeMap<Option<String>, Counts>,
    by_county: BTreeMap<Option<String>, Counts>,
    collective: [f64; 2],
    per_capita: [f64; 2],
    villagers: [f64; 2],
}

async fn expected_from_db(db: &DatabaseConnection) -> Expected {
    let units: HashMap<i32, admin_unit::Model> =
        admin_unit::Entity::find().all(db).await.expect("units").into_iter().map(|unit| (unit.id, unit)).collect();
    let county_of = |mut id: Option<i32>| -> Option<String> {
        while let Some(unit) = id.and_then(|id| units.get(&id)) {
            if unit.level == "county" {
                return Some(unit.code.clone());
            }
            id = unit.parent_id;
        }
        None
    };
    let mut expected = Expected::default();
    let live = incident::Entity::find().filter(incident::Column::DeletedAt.is_null()).all(db).await.expect("incidents");
    for row in live {
        let slot = match local_year(row.occurred_at) {
            2023 => 0,
            2024 => 1,
            _ => continue,
        };
        let persons = i64::from(row.persons_apprehended);
        for counts in [
            &mut expected.total,
            expected.by_section.entry(row.section.clone()).or_default(),
            expected.by_county.entry(county_of(row.admin_unit_id)).or_default(),
        ] {
            counts.incidents[slot] += 1;
            counts.persons[slot] += persons;
        }
    }
    let key: HashMap<i32, f64> = village::Entity::find()
        .filter(village::Column::IsKey.eq(true))
        .all(db)
        .await
        .expect("villages")
        .into_iter()
        .map(|row| (row.id, f64::from(row.population)))
        .collect();
    let mut years: HashMap<i32, [Option<village_indicator::Model>; 2]> = HashMap::new();
    for row in village_indicator::Entity::find().all(db).await.expect("indicators") {
        if key.contains_key(&row.village_id) && (row.year == 2023 || row.year == 2024) {
            let slot = usize::from(row.year == 2024);
            let id = row.village_id;
            years.entry(id).or_default()[slot] = Some(row);
        }
    }
    let mut weighted = [0.0; 2];
    let mut population = 0.0;
    for (id, [base, compare]) in &years {
        let (Some(base), Some(compare)) = (base, compare) else { continue };
        if let (Some(b), Some(c)) = (base.collective_income_cny, compare.collective_income_cny) {
            expected.collective[0] += b as f64;
            expected.collective[1] += c as f64;
        }
        if let (Some(b), Some(c)) = (base.villagers_in_cross_border_crime, compare.villagers_in_cross_border_crime) {
            expected.villagers[0] += f64::from(b);
            expected.villagers[1] += f64::from(c);
        }
        if let (Some(b), Some(c)) = (base.per_capita_income_cny, compare.per_capita_income_cny) {
            weighted[0] += b as f64 * key[id];
            weighted[1] += c as f64 * key[id];
            population += key[id];
        }
    }
    expected.per_capita = [weighted[0] / population, weighted[1] / population];
    expected
}

async fn report_json(client: &reqwest::Client, app: &TestApp, query: &str) -> Value {
    let response = client.get(format!("{}/api/v1/reports/yearly{query}", app.address)).send().await.expect("get");
    assert_eq!(response.status(), StatusCode::OK, "{query}");
    response.json().await.expect("json")
}

async fn report_page(client: &reqwest::Client, app: &TestApp, query: &str) -> String {
    let response = client.get(format!("{}/reports/yearly{query}", app.address)).send().await.expect("get");
    assert_eq!(response.status(), StatusCode::OK, "{query}");
    response.text().await.expect("html")
}

/// `banna <args>` against the app's database, in an empty directory; (exit code, stdout, stderr).
async fn banna(app: &TestApp, args: &[&str]) -> (Option<i32>, String, String) {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut command = Command::new(env!("CARGO_BIN_EXE_banna"));
    command
        .current_dir(dir.path())
        .env("DATABASE_URL", app.database_url())
        .env("RUST_LOG", "warn")
        .env("BANNA_LOCALE__DEFAULT", "zh-CN")
        .args(args);
    let output = tokio::task::spawn_blocking(move || command.output()).await.expect("join").expect("run banna");
    drop(dir);
    (
        output.status.code(),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

/// A figure of the API's answer: (base, compare, change).
fn api_values(value: &Value) -> [Option<f64>; 3] {
    [value["base"].as_f64(), value["compare"].as_f64(), value["change"].as_f64()]
}

fn api_figure<'a>(body: &'a Value, id: &str) -> &'a Value {
    body["figures"]
        .as_array()
        .expect("figures")
        .iter()
        .find(|figure| figure["id"] == id)
        .unwrap_or_else(|| panic!("no figure {id} in {body}"))
}

/// Every row of the report's tables that the API has a number for, by row id.
fn api_rows(body: &Value) -> Vec<(String, [Option<f64>; 3])> {
    let mut rows = Vec::new();
    for figure in body["figures"].as_array().expect("figures") {
        let id = figure["id"].as_str().expect("id");
        let row = match id {
            "incidents" | "persons" => format!("{id}-total"),
            other => other.to_owned(),
        };
        rows.push((row, api_values(figure)));
    }
    for (list, group) in [("bySection", "section"), ("byCounty", "county")] {
        for part in body[list].as_array().expect("parts") {
            let code = part["code"].as_str().map(str::to_owned).unwrap_or_else(|| format!("{group}-none"));
            for table in ["incidents", "persons"] {
                rows.push((format!("{table}-{code}"), api_values(&part[table])));
            }
        }
    }
    rows
}

/// The HTML of the row with `id`.
fn html_row(html: &str, id: &str) -> String {
    html.split(&format!("<tr id=\"{id}\">"))
        .nth(1)
        .and_then(|rest| rest.split("</tr>").next())
        .unwrap_or_else(|| panic!("no row {id} in the HTML"))
        .to_owned()
}

/// The `data-value`s of a row's three cells (`None` where absent).
fn html_values(html: &str, id: &str) -> [Option<f64>; 3] {
    let row = html_row(html, id);
    let cells: Vec<Option<f64>> = row
        .split("<td")
        .skip(1)
        .map(|cell| {
            let head = cell.split('>').next().unwrap_or_default();
            head.split("data-value=\"")
                .nth(1)
                .map(|rest| rest.split('"').next().unwrap_or_default().parse().expect("a number"))
        })
        .collect();
    assert_eq!(cells.len(), 3, "three cells in {row}");
    [cells[0], cells[1], cells[2]]
}

/// The HTML (page or file) carries every number of the API in the row of the same id.
fn assert_html_matches_api(html: &str, body: &Value) {
    for (id, values) in api_rows(body) {
        assert_eq!(html_values(html, &id), values, "row {id}");
    }
}

/// The Markdown table line of a row labelled `label`.
fn md_row<'a>(md: &'a str, label: &str) -> &'a str {
    md.lines().find(|line| line.starts_with(&format!("| {label} |"))).unwrap_or_else(|| panic!("no row {label}:\n{md}"))
}

#[tokio::test]
async fn the_demo_report_gives_the_published_figures_everywhere() {
    for backend in backends() {
        let app = spawn_app_with_demo(&backend, 4, 3000).await;
        let expected = expected_from_db(&app.db).await;
        let counts = |values: [i64; 2]| values.map(|value| value as f64);
        let published = [
            ("incidents", counts(expected.total.incidents)),
            ("persons", counts(expected.total.persons)),
            ("collective-income", expected.collective),
            ("per-capita-income", expected.per_capita),
            ("villagers-in-crime", expected.villagers),
        ];
        let changes: Vec<f64> =
            published.iter().map(|(_, [base, compare])| percent(*base, *compare).expect("a base")).collect();
        assert_eq!(changes, [-31.3, -34.5, 11.7, 2.5, -56.4], "the demo's 2024 against 2023, as published");

        let body = report_json(&app.client, &app, "?year=2024&lang=en").await;
        assert_eq!((body["year"].as_i64(), body["baseYear"].as_i64()), (Some(2024), Some(2023)));
        assert_eq!(body["jurisdiction"]["code"], "532800", "the admin sees the whole prefecture");
        for ((id, [base, compare]), change) in published.iter().zip(&changes) {
            let figure = api_figure(&body, id);
            assert_eq!(api_values(figure), [Some(base.round()), Some(compare.round()), Some(*change)], "{id}");
            assert_eq!(figure["direction"], if *change < 0.0 { "down" } else { "up" }, "{id}");
        }

        // By section and by county: the counts of the database, summing to the total.
        for (list, groups) in [("bySection", &expected.by_section), ("byCounty", &expected.by_county)] {
            let parts = body[list].as_array().expect("parts");
            for table in ["incidents", "persons"] {
                for (slot, name) in [(0, "base"), (1, "compare")] {
                    let sum: f64 = parts.iter().map(|part| part[table][name].as_f64().expect("a count")).sum();
                    let total = api_figure(&body, table)[name].as_f64();
                    assert_eq!(Some(sum), total, "{list} {table} {name} sums to the total on {}", app.backend);
                    for part in parts {
                        let code = part["code"].as_str().map(str::to_owned);
                        let counted = groups.get(&code).copied().unwrap_or_default();
                        let want = if table == "incidents" { counted.incidents[slot] } else { counted.persons[slot] };
                        assert_eq!(part[table][name].as_f64(), Some(want as f64), "{list} {code:?} {table} {name}");
                    }
                }
            }
            let listed: Vec<Option<String>> =
                parts.iter().map(|part| part["code"].as_str().map(str::to_owned)).collect();
            for (code, counted) in groups.iter() {
                assert!(
                    listed.contains(code) || *counted == Counts::default(),
                    "{list}: {code:?} has incidents but no row"
                );
            }
        }
        assert_eq!(
            body["bySection"].as_array().expect("sections").iter().filter(|part| part["code"].is_string()).count(),
            2,
            "MM and LA"
        );

        // The prose: the sentences say the same numbers, in English and in Chinese.
        let [base, compare] = expected.total.incidents;
        let paragraphs = body["paragraphs"].as_array().expect("paragraphs");
        let prose: String = paragraphs.iter().filter_map(Value::as_str).collect::<Vec<_>>().join("\n");
        assert!(
            prose.contains(&format!(
                "Cross-border incidents fell 31.3 % year on year ({} → {}).",
                thousands(base),
                thousands(compare)
            )),
            "{prose}"
        );
        assert!(prose.contains("rose 11.7 %") && prose.contains("rose 2.5 %") && prose.contains("fell 56.4 %"));
        let chinese = report_json(&app.client, &app, "?year=2024&lang=zh-CN").await;
        let prose: String =
            chinese["paragraphs"].as_array().expect("paragraphs").iter().filter_map(Value::as_str).collect();
        assert!(
            prose.contains(&format!(
                "2024年共发生涉边案事件{}起，同比下降31.3%（2023年{}起）",
                thousands(compare),
                thousands(base)
            )),
            "{prose}"
        );
        assert!(prose.contains("同比下降34.5%") && prose.contains("同比增长11.7%") && prose.contains("同比增长2.5%"));
        assert!(prose.contains("同比下降56.4%"), "{prose}");
        assert_eq!(chinese["figures"], body["figures"], "numbers do not depend on the language");

        // The page and the CLI's Markdown and HTML carry the API's numbers.
        for (lang, total, sign) in [("en", "Total", "\u{a0}%"), ("zh-CN", "合计", "%")] {
            let change = &format!("−31.3{sign}");
            let html = report_page(&app.client, &app, &format!("?year=2024&lang={lang}")).await;
            assert_html_matches_api(&html, &body);
            assert!(html_row(&html, "incidents-total").contains(change));
            assert!(html.contains("href=\"/static/report.css\""), "the print stylesheet");
            let (code, md, err) = banna(&app, &["report", "--year", "2024", "--lang", lang]).await;
            assert_eq!(code, Some(0), "{err}");
            let line = md_row(&md, total);
            assert_eq!(
                line,
                format!("| {total} | {} | {} | {change} |", thousands(base), thousands(compare)),
                "the first table's total row"
            );
            for expected_change in ["−34.5", "+11.7", "+2.5", "−56.4"] {
                assert!(md.contains(&format!(" {expected_change}{sign} |")), "{lang}: {expected_change} in\n{md}");
            }
            let dir = tempfile::tempdir().expect("temp dir");
            let file = dir.path().join("report.html");
            let file_arg = file.to_str().expect("a path");
            let (code, _, err) =
                banna(&app, &["report", "--year", "2024", "--lang", lang, "--format", "html", "--output", file_arg])
                    .await;
            assert_eq!(code, Some(0), "{err}");
            let document = std::fs::read_to_string(&file).expect("the HTML file");
            assert!(document.starts_with("<!doctype html>") && document.contains("@page"), "a printable page");
            assert_html_matches_api(&document, &body);
        }

        // A county official's report is its county's.
        let menghai = client_with(&token_for(&app.db, "report.menghai", "official", "532822").await);
        let own = report_json(&menghai, &app, "?year=2024").await;
        assert_eq!(own["jurisdiction"]["code"], "532822");
        let counted = expected.by_county[&Some("532822".to_owned())];
        assert_eq!(api_values(api_figure(&own, "incidents"))[..2], counted.incidents.map(|n| Some(n as f64)));
        let counties: Vec<&str> =
            own["byCounty"].as_array().expect("counties").iter().filter_map(|part| part["code"].as_str()).collect();
        assert_eq!(counties, ["532822"]);
    }
}

#[tokio::test]
async fn a_year_without_data_says_no_data_instead_of_zero() {
    for backend in backends() {
        let app = spawn_app_with_demo(&backend, 4, 3000).await;
        // 2030 against 2029: nothing recorded, no linkage month over, no session, no case.
        let body = report_json(&app.client, &app, "?year=2030").await;
        assert_eq!(body["incidentsRecorded"]["compare"], false);
        for (id, values) in api_rows(&body) {
            assert_eq!(values, [None, None, None], "{id} is missing, not 0");
        }
        for (lang, no_data) in [("en", "no data"), ("zh-CN", "无数据")] {
            let html = report_page(&app.client, &app, &format!("?year=2030&lang={lang}")).await;
            assert_html_matches_api(&html, &body);
            let row = html_row(&html, "incidents-total");
            assert_eq!(row.matches(no_data).count(), 3, "{row}");
            assert!(!row.contains(">0<") && !row.contains("data-value"), "{row}");
            let (code, md, err) = banna(&app, &["report", "--year", "2030", "--lang", lang]).await;
            assert_eq!(code, Some(0), "{err}");
            let total = if lang == "en" { "Total" } else { "合计" };
            assert_eq!(md_row(&md, total), format!("| {total} | {no_data} | {no_data} | {no_data} |"));
            assert!(!md.contains("| 0 |"), "no figure prints 0:\n{md}");
        }
        let en = report_json(&app.client, &app, "?year=2030&lang=en").await;
        let prose: String = en["paragraphs"].as_array().expect("paragraphs").iter().filter_map(Value::as_str).collect();
        assert!(prose.contains("Cross-border incidents: no data for 2030."), "{prose}");
        assert!(prose.contains("The key villages' collective income: no data for 2030."), "{prose}");
        // The demo's incidents start in 2023: against 2022 the base is missing, not 0.
        let body = report_json(&app.client, &app, "?year=2023&lang=en").await;
        let incidents = api_figure(&body, "incidents");
        assert!(incidents["base"].is_null() && incidents["compare"].as_f64() > Some(0.0), "{incidents}");
        assert_eq!(incidents["direction"], "no-base");
        let prose: String =
            body["paragraphs"].as_array().expect("paragraphs").iter().filter_map(Value::as_str).collect();
        assert!(prose.contains("there is no data for 2022 to compare with"), "{prose}");
    }
}

/// Inserts a live incident of `county` in `section` at local time `at`.
async fn add_incident(db: &DatabaseConnection, county: i32, section: &str, at: DateTime<Utc>, persons: i32) {
    incident::ActiveModel {
        occurred_at: Set(at),
        category: Set("smuggling".to_owned()),
        persons_apprehended: Set(persons),
        villagers_involved: Set(0),
        village_id: Set(None),
        admin_unit_id: Set(Some(county)),
        source: Set("manual".to_owned()),
        description: Set(None),
        created_at: Set(at),
        deleted_at: Set(None),
        lon: Set(100.5),
        lat: Set(21.9),
        border_km: Set(Some(if section == "MM" { 100.0 } else { 700.0 })),
        distance_m: Set(Some(500.0)),
        section: Set(Some(section.to_owned())),
        side: Set(Some("cn".to_owned())),
        is_demo: Set(false),
        ..Default::default()
    }
    .insert(db)
    .await
    .expect("insert incident");
}

async fn county(db: &DatabaseConnection, code: &str) -> i32 {
    let unit = admin_unit::Entity::find().filter(admin_unit::Column::Code.eq(code)).one(db).await.expect("read");
    unit.expect("a seeded county").id
}

#[tokio::test]
async fn a_part_with_nothing_the_year_before_is_new() {
    for backend in backends() {
        let app = spawn_app(&backend).await;
        let (menghai, mengla) = (county(&app.db, "532822").await, county(&app.db, "532823").await);
        // 2023: three in Menghai (MM), 1 + 2 + 3 persons. 2024: two in Menghai (MM), 0 + 1
        // persons, and four in Mengla (LA), one person each. Midnight of 1 January 2024 in Banna
        // is still 2023 in UTC: it counts in 2024.
        for (day, persons) in [(3, 1), (4, 2), (5, 3)] {
            add_incident(&app.db, menghai, "MM", local(2023, 6, day, 10), persons).await;
        }
        add_incident(&app.db, menghai, "MM", local(2024, 1, 1, 0), 0).await;
        add_incident(&app.db, menghai, "MM", local(2024, 7, 1, 10), 1).await;
        for day in 1..=4 {
            add_incident(&app.db, mengla, "LA", local(2024, 8, day, 10), 1).await;
        }
        let body = report_json(&app.client, &app, "?year=2024").await;
        let part = |list: &str, code: &str| -> Value {
            body[list]
                .as_array()
                .expect("parts")
                .iter()
                .find(|part| part["code"] == code)
                .unwrap_or_else(|| panic!("no {code} in {list}"))
                .clone()
        };
        // Total 3 → 6 (+100.0 %), persons 6 → 5 (−16.7 %).
        assert_eq!(api_values(api_figure(&body, "incidents")), [Some(3.0), Some(6.0), Some(100.0)]);
        assert_eq!(api_values(api_figure(&body, "persons")), [Some(6.0), Some(5.0), Some(-16.7)]);
        // MM 3 → 2 (−33.3 %); LA 0 → 4: new.
        assert_eq!(api_values(&part("bySection", "MM")["incidents"]), [Some(3.0), Some(2.0), Some(-33.3)]);
        let la = part("bySection", "LA");
        assert_eq!(api_values(&la["incidents"]), [Some(0.0), Some(4.0), None], "no division by zero");
        assert_eq!(la["incidents"]["direction"], "new");
        // Menghai as MM; Mengla 0 → 4 new (persons 0 → 4 new); Jinghong 0 → 0, no change.
        let mengla = part("byCounty", "532823");
        assert_eq!(
            (mengla["incidents"]["direction"].as_str(), mengla["persons"]["direction"].as_str()),
            (Some("new"), Some("new"))
        );
        let jinghong = part("byCounty", "532801");
        assert_eq!(api_values(&jinghong["incidents"]), [Some(0.0), Some(0.0), None]);
        assert_eq!(jinghong["incidents"]["direction"], "zero");

        let en = report_page(&app.client, &app, "?year=2024&lang=en").await;
        assert_html_matches_api(&en, &body);
        assert!(html_row(&en, "incidents-532823").contains("new (none the year before)"));
        assert!(html_row(&en, "incidents-LA").contains("new (none the year before)"));
        assert!(html_row(&en, "incidents-532801").contains("no change"));
        assert!(html_row(&en, "incidents-total").contains("+100.0\u{a0}%"));
        assert!(en.contains("Mengla: 4 (none in 2023: new)"), "the sentence says new");
        let zh = report_page(&app.client, &app, "?year=2024&lang=zh-CN").await;
        assert!(html_row(&zh, "incidents-532823").contains("新增（上年为零）"));
        assert!(zh.contains("勐腊县4起，上年为零，属新增"), "the sentence says new");
        assert!(zh.contains("中缅段2起，同比下降33.3%（2023年3起）"), "{zh}");
        assert!(en.contains("China–Myanmar: 2, down 33.3 % (3 in 2023)"), "{en}");
        let (code, md, err) = banna(&app, &["report", "--year", "2024", "--lang", "en"]).await;
        assert_eq!(code, Some(0), "{err}");
        assert_eq!(md_row(&md, "Mengla"), "| Mengla | 0 | 4 | new (none the year before) |");

        // A Menghai official sees Menghai only: 3 → 2.
        let official = client_with(&token_for(&app.db, "report.menghai", "official", "532822").await);
        let own = report_json(&official, &app, "?year=2024").await;
        assert_eq!(api_values(api_figure(&own, "incidents")), [Some(3.0), Some(2.0), Some(-33.3)]);
        assert_eq!(own["jurisdiction"]["name"]["zh"], "勐海县");
    }
}

#[tokio::test]
async fn a_bad_or_missing_year_is_refused_in_the_api_the_page_and_the_cli() {
    let app = spawn_app(&Backend::Sqlite).await;
    for (query, title, detail) in [
        ("?year=abc", "请求有误", "abc"),
        ("?year=1850&lang=en", "Bad request", "1850"),
        ("?lang=en", "Bad request", "year"),
        ("?year=", "请求有误", "year"),
    ] {
        let response = app.get(&format!("/api/v1/reports/yearly{query}")).await;
        assert_eq!(response.status(), StatusCode::BAD_REQUEST, "{query}");
        assert_eq!(response.headers()["content-type"], "application/problem+json");
        let problem: Value = response.json().await.expect("json");
        assert_eq!(problem["title"], title, "{problem}");
        assert!(problem["detail"].as_str().expect("detail").contains(detail), "{problem}");
    }
    let page = app.get("/reports/yearly?year=20x4&lang=en").await;
    assert_eq!(page.status(), StatusCode::BAD_REQUEST);
    let html = page.text().await.expect("html");
    assert!(html.contains("The year parameter must be a year from 2000 to 2100") && html.contains("20x4"), "{html}");
    let page = app.get("/reports/yearly?lang=en").await;
    assert_eq!(page.status(), StatusCode::BAD_REQUEST);
    assert!(page.text().await.expect("html").contains("The parameter year is missing."));

    for (args, said) in [
        (&["report", "--year", "1999"][..], "--year 须为 2000 至 2100 之间的年份"),
        (&["report"][..], "请用 --year 指定报告年份"),
        (&["report", "--year", "2024", "--lang", "fr"][..], "--lang 只能是 zh-CN, en 之一"),
    ] {
        let (code, stdout, stderr) = banna(&app, args).await;
        assert_eq!(code, Some(2), "{args:?}: {stderr}");
        assert!(stderr.contains(said), "{args:?}: {stderr}");
        assert!(stdout.is_empty(), "nothing is written");
    }
}

#[tokio::test]
async fn the_dashboard_links_to_the_report_of_its_year() {
    let app = spawn_app(&Backend::Sqlite).await;
    let html = app.get("/?year=2024&lang=en").await.text().await.expect("html");
    assert!(html.contains("<a href=\"/reports/yearly?year=2024\">Yearly report 2024 (printable)</a>"), "{html}");
    let page = report_page(&app.client, &app, "?year=2024&lang=en").await;
    assert!(page.contains("<nav class=\"sections\""), "the navigation bar on screen");
    let css = app.get("/static/report.css").await.text().await.expect("css");
    assert!(css.contains("@page{size:A4") && css.contains("break-before:page"), "{css}");
    assert!(css.contains("@media print{\nnav,.no-print{display:none;}"), "no navigation on paper");
}
