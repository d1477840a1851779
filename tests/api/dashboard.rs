//! The dashboard and its JSON twin: every figure worked out by hand from small fixtures and
//! compared with `GET /api/v1/dashboard` and with the `data-value` cells of the page; missing
//! data said as such; bad years refused; the demo's published changes for 2024.

use banna_border::store::entities::{case, incident, outreach_session, outreach_team, user};
use chrono::{DateTime, Utc};
use reqwest::StatusCode;
use sea_orm::ActiveValue::{NotSet, Set};
use sea_orm::{ActiveModelTrait, ColumnTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter};
use serde_json::{Value, json};

use crate::fixtures::{add_department, add_linkage, add_post, add_village, add_visit, date, local, unit_id};
use crate::helpers::{TestApp, backends, client_with, spawn_app, spawn_app_with_demo, token_for};

/// Rounds to one decimal, half away from zero, written out here independently of the app.
fn one_decimal(value: f64) -> f64 {
    (value * 10.0).round() / 10.0
}

async fn add_session(
    db: &DatabaseConnection,
    team_id: i32,
    village_id: i32,
    language: &str,
    status: &str,
    at: DateTime<Utc>,
) {
    outreach_session::ActiveModel {
        id: NotSet,
        team_id: Set(team_id),
        village_id: Set(village_id),
        starts_at: Set(at),
        ends_at: Set(at + chrono::Duration::hours(2)),
        language: Set(language.to_owned()),
        topics: Set(json!(["border_law"])),
        status: Set(status.to_owned()),
        attendance_total: Set((status == "held").then_some(40)),
        attendance_women: Set(None),
        attendance_under18: Set(None),
        cancel_reason: Set((status == "cancelled").then(|| "weather".to_owned())),
        interpreter: Set(None),
        topics_covered: Set(None),
        created_at: Set(at),
        is_demo: Set(false),
    }
    .insert(db)
    .await
    .expect("insert session");
}

async fn add_case(
    db: &DatabaseConnection,
    code: &str,
    unit: i32,
    reported_at: DateTime<Utc>,
    closed_at: Option<DateTime<Utc>>,
    stage_due_at: Option<DateTime<Utc>>,
) {
    case::ActiveModel {
        id: NotSet,
        code: Set(code.to_owned()),
        title: Set("邻里纠纷".to_owned()),
        description: Set(None),
        stage: Set(if closed_at.is_some() { "closed" } else { "handling" }.to_owned()),
        origin: Set("qr_report".to_owned()),
        village_id: Set(None),
        admin_unit_id: Set(Some(unit)),
        incident_id: Set(None),
        visit_id: Set(None),
        assigned_department_id: Set(None),
        reported_at: Set(reported_at),
        stage_due_at: Set(stage_due_at),
        closed_at: Set(closed_at),
        satisfaction: Set(None),
        created_at: Set(reported_at),
        updated_at: Set(closed_at.unwrap_or(reported_at)),
        lon: Set(None),
        lat: Set(None),
        border_km: Set(None),
        distance_m: Set(None),
        section: Set(None),
        side: Set(None),
        is_demo: Set(false),
    }
    .insert(db)
    .await
    .expect("insert case");
}

/// The fixtures: four villages, two linkages and their visits, sessions and cases in Menghai,
/// and one key village with a linkage and a case in Mengla (outside a Menghai official's
/// jurisdiction). The expected figures are worked out in the tests below.
async fn insert_fixtures(app: &TestApp) {
    let db = &app.db;
    let menghai = unit_id(db, "532822").await;
    let mengla = unit_id(db, "532823").await;
    let officer = user::Entity::find().filter(user::Column::Username.eq("test.admin")).one(db).await;
    let officer = officer.expect("read").expect("the test admin").id;
    let department = add_department(db, "D-TEST", menghai).await;
    let post = add_post(db, "P-TEST", menghai, (0.0, 10.0)).await;

    let v1 = add_village(db, "V1", menghai, true, &["khb", "zh"]).await;
    let v2 = add_village(db, "V2", menghai, true, &["hni"]).await;
    let v3 = add_village(db, "V3", menghai, true, &[]).await;
    let v4 = add_village(db, "V4", menghai, false, &["zh"]).await;
    let v5 = add_village(db, "V5", mengla, true, &["lo"]).await;

    // L1: since 2022, 1 visit a month to the village and 1 to the post.
    let l1 = add_linkage(db, (department, v1, post), date(2022, 1, 1), None, (1, 1)).await;
    for month in 1..=12 {
        if month != 3 {
            add_visit(db, l1, officer, "village", local(2023, month, 10, 10, 0)).await;
        }
        add_visit(db, l1, officer, "post", local(2023, month, 11, 10, 0)).await;
    }
    for month in 1..=6 {
        add_visit(db, l1, officer, "village", local(2024, month, 5, 9, 0)).await;
        add_visit(db, l1, officer, "post", local(2024, month, 6, 9, 0)).await;
    }
    // 1 January 2025 at 00:30 in Banna is still 31 December 2024 in UTC: not a 2024 visit.
    add_visit(db, l1, officer, "village", local(2025, 1, 1, 0, 30)).await;
    add_visit(db, l1, officer, "post", local(2025, 1, 1, 0, 40)).await;

    // L2: 15 March – 30 September 2024, 2 village visits and 1 post visit a month.
    let l2 = add_linkage(db, (department, v2, post), date(2024, 3, 15), Some(date(2024, 9, 30)), (2, 1)).await;
    add_visit(db, l2, officer, "village", local(2024, 3, 20, 9, 0)).await; // March is only partly covered
    for (month, village_visits) in [(4, 2), (5, 1), (6, 2)] {
        for day in 0..village_visits {
            add_visit(db, l2, officer, "village", local(2024, month, 3 + day, 9, 0)).await;
        }
        add_visit(db, l2, officer, "post", local(2024, month, 20, 9, 0)).await;
    }

    // L5 (Mengla): since 2023, 1 + 1 a month, never visited.
    add_linkage(db, (department, v5, post), date(2023, 1, 1), None, (1, 1)).await;

    let team = outreach_team::ActiveModel {
        id: NotSet,
        code: Set("T-TEST".to_owned()),
        name_zh: Set("测试宣讲队".to_owned()),
        name_en: Set(None),
        admin_unit_id: Set(menghai),
        is_demo: Set(false),
    }
    .insert(db)
    .await
    .expect("insert team")
    .id;
    add_session(db, team, v1, "zh", "held", local(2023, 4, 2, 10, 0)).await;
    add_session(db, team, v2, "hni", "held", local(2023, 5, 2, 10, 0)).await;
    add_session(db, team, v4, "zh", "cancelled", local(2023, 6, 2, 10, 0)).await;
    add_session(db, team, v1, "khb", "held", local(2024, 4, 2, 10, 0)).await;
    add_session(db, team, v2, "hni", "planned", local(2024, 5, 2, 10, 0)).await;
    add_session(db, team, v3, "zh", "held", local(2024, 6, 2, 10, 0)).await;
    add_session(db, team, v4, "zh", "held", local(2024, 7, 2, 10, 0)).await;

    let closed = |reported: DateTime<Utc>, closed: DateTime<Utc>| (reported, Some(closed), None);
    let open = |reported: DateTime<Utc>, due: DateTime<Utc>| (reported, None, Some(due));
    let cases = [
        ("C1", menghai, closed(local(2023, 1, 10, 8, 0), local(2023, 1, 12, 20, 0))), // 2.5 days
        ("C2", menghai, closed(local(2023, 3, 1, 9, 0), local(2023, 3, 5, 9, 0))),    // 4 days
        ("C3", menghai, closed(local(2022, 12, 28, 10, 0), local(2023, 1, 4, 10, 0))), // 7 days
        ("C4", menghai, closed(local(2024, 5, 1, 8, 0), local(2024, 5, 1, 20, 0))),   // 0.5 days
        ("C5", menghai, closed(local(2024, 6, 1, 8, 0), local(2024, 6, 2, 8, 0))),    // 1 day
        ("C6", menghai, closed(local(2024, 12, 30, 8, 0), local(2025, 1, 1, 8, 0))),  // closed in 2025
        ("C7", menghai, closed(local(2023, 12, 31, 20, 0), local(2024, 1, 3, 20, 0))), // 3 days
        ("C8", menghai, open(local(2024, 11, 1, 8, 0), local(2024, 11, 3, 8, 0))),    // overdue
        ("C9", menghai, open(local(2024, 11, 5, 8, 0), local(2099, 1, 1, 8, 0))),     // not yet due
        ("C10", menghai, open(local(2023, 6, 1, 8, 0), local(2023, 6, 10, 8, 0))),    // overdue
        ("C11", menghai, open(local(2024, 12, 1, 8, 0), local(2024, 12, 5, 8, 0))),   // overdue
        ("C12", mengla, closed(local(2024, 1, 1, 8, 0), local(2024, 1, 11, 8, 0))),   // 10 days
    ];
    for (code, unit, (reported, closed_at, due)) in cases {
        add_case(db, code, unit, reported, closed_at, due).await;
    }
}

/// A figure of the API's answer by id.
fn api_figure<'a>(body: &'a Value, id: &str) -> &'a Value {
    body["figures"]
        .as_array()
        .expect("figures")
        .iter()
        .find(|figure| figure["id"] == id)
        .unwrap_or_else(|| panic!("no figure {id} in {body}"))
}

/// (base, compare, change) of a figure in the API's answer.
fn api_values(body: &Value, id: &str) -> [Option<f64>; 3] {
    let figure = api_figure(body, id);
    [figure["base"].as_f64(), figure["compare"].as_f64(), figure["change"].as_f64()]
}

/// The HTML of the row with `id`.
fn page_row(html: &str, id: &str) -> String {
    html.split(&format!("<tr id=\"{id}\">"))
        .nth(1)
        .and_then(|rest| rest.split("</tr>").next())
        .unwrap_or_else(|| panic!("no row {id} on the page"))
        .to_owned()
}

/// The `data-value`s of a row's base, compare and change cells (`None` where absent).
fn page_values(html: &str, id: &str) -> [Option<f64>; 3] {
    let row = page_row(html, id);
    let cells: Vec<Option<f64>> = row
        .split("<td")
        .skip(1)
        .map(|cell| {
            let head = cell.split('>').next().unwrap_or_default();
            head.split("data-value=\"")
                .nth(1)
                .map(|rest| rest.split('"').next().unwrap_or_default().parse::<f64>().expect("data-value is a number"))
        })
        .collect();
    assert_eq!(cells.len(), 3, "three value cells in {row}");
    [cells[0], cells[1], cells[2]]
}

async fn dashboard_json(client: &reqwest::Client, app: &TestApp, query: &str) -> Value {
    let response = client.get(format!("{}/api/v1/dashboard{query}", app.address)).send().await.expect("get");
    assert_eq!(response.status(), StatusCode::OK);
    response.json().await.expect("json")
}

async fn dashboard_html(client: &reqwest::Client, app: &TestApp, query: &str) -> String {
    let response = client.get(format!("{}/{query}", app.address)).send().await.expect("get");
    assert_eq!(response.status(), StatusCode::OK);
    response.text().await.expect("html")
}

/// Every figure of the API is on the page with the same numbers, and the page has no other
/// row but the count of linkages overdue today, also the API's.
fn assert_page_matches_api(html: &str, body: &Value) {
    let figures = body["figures"].as_array().expect("figures");
    assert_eq!(html.matches("<tr id=\"").count(), figures.len() + 1, "one row per figure, and the overdue row");
    let overdue = page_row(html, "linkages-overdue");
    let count = body["linkagesOverdue"]["count"].as_u64().expect("the API counts overdue linkages");
    assert!(overdue.contains(&format!("data-value=\"{count}\"")), "{overdue} against {count}");
    for figure in figures {
        let id = figure["id"].as_str().expect("id");
        assert_eq!(page_values(html, id), api_values(body, id), "{id}");
    }
}

#[tokio::test]
async fn every_figure_is_computed_as_by_hand_and_the_page_shows_the_apis_numbers() {
    for backend in backends() {
        let app = spawn_app(&backend).await;
        insert_fixtures(&app).await;
        let token = token_for(&app.db, "dash.menghai", "official", "532822").await;
        let official = client_with(&token);
        let body = dashboard_json(&official, &app, "?year=2024").await;
        assert_eq!((body["baseYear"].as_i64(), body["compareYear"].as_i64()), (Some(2023), Some(2024)));

        // Linkages in Menghai. 2023: L1 owes 12 months, March lacks its village visit:
        // 11 of 12 met, 24 visits required, 23 logged. 2024: L1 met January–June only (12
        // months, 24 required, 12 logged); L2 owes April–September (March is partial): April
        // and June met, May has one village visit of two (6 months, 18 required, 3+2+3 = 8
        // logged). Together 8 of 18 met, 42 required, 20 logged.
        let (share_2023, share_2024) = (11.0 / 12.0 * 100.0, 8.0 / 18.0 * 100.0);
        let expected = [
            ("linkage-compliance", [Some(one_decimal(share_2023)), Some(one_decimal(share_2024))]),
            ("linkage-visits-required", [Some(24.0), Some(42.0)]),
            ("linkage-visits-logged", [Some(23.0), Some(20.0)]),
            // Outreach. 2023: of V1–V3 (key) only V2 heard a session held in its first
            // language (V1's was in zh, not khb); V4's was cancelled. 2024: V1 (khb), V3 (no
            // language on record, any held session) and V4; V2's session was only planned.
            ("outreach-key-villages", [Some(one_decimal(100.0 / 3.0)), Some(one_decimal(200.0 / 3.0))]),
            ("outreach-all-villages", [Some(25.0), Some(75.0)]),
            // Cases closed in 2023: C1 2.5, C2 4, C3 7 days; in 2024: C4 0.5, C5 1, C7 3
            // (C6 closed in 2025). Overdue now: C10 (reported 2023); C8 and C11 (2024).
            ("case-mean-days", [Some(4.5), Some(1.5)]),
            ("case-median-days", [Some(4.0), Some(1.0)]),
            ("case-open-overdue", [Some(1.0), Some(2.0)]),
        ];
        for (id, [base, compare]) in expected {
            let [api_base, api_compare, _] = api_values(&body, id);
            assert_eq!((api_base, api_compare), (base, compare), "{id} on {}", app.backend);
        }
        let change = |id: &str| api_values(&body, id)[2];
        assert_eq!(change("linkage-compliance"), Some(one_decimal(share_2024 - share_2023)));
        assert_eq!(change("linkage-compliance"), Some(-47.2));
        assert_eq!(change("linkage-visits-logged"), Some(one_decimal((20.0 - 23.0) / 23.0 * 100.0)));
        assert_eq!(change("outreach-key-villages"), Some(33.3), "percentage points");
        assert_eq!(change("outreach-all-villages"), Some(50.0));
        assert_eq!(change("case-mean-days"), Some(one_decimal((1.5 - 4.5) / 4.5 * 100.0)));
        assert_eq!(change("case-median-days"), Some(-75.0));
        assert_eq!(change("case-open-overdue"), Some(100.0));
        assert_eq!(api_figure(&body, "linkage-compliance")["changeUnit"], "pp");
        assert_eq!(api_figure(&body, "case-mean-days")["changeUnit"], "percent");
        assert_eq!(api_values(&body, "incidents"), [Some(0.0), Some(0.0), None], "no incidents is a true 0");
        assert_eq!(api_values(&body, "collective-income"), [None, None, None], "no indicators: null");

        let html = dashboard_html(&official, &app, "?year=2024&lang=en").await;
        assert_page_matches_api(&html, &body);
        let compliance = page_row(&html, "linkage-compliance");
        assert!(compliance.contains("91.7\u{a0}%") && compliance.contains("−47.2 pp"), "{compliance}");
        assert!(compliance.contains("href=\"/linkages\""), "{compliance}");
        assert!(page_row(&html, "incidents").contains("href=\"/incidents?year=2024\""));
        assert!(page_row(&html, "outreach-key-villages").contains("href=\"/villages?key=true\""));
        assert!(!page_row(&html, "case-mean-days").contains("href="), "no /cases list yet");
        assert!(page_row(&html, "case-mean-days").contains("−66.7\u{a0}%"));
        let chinese = dashboard_html(&official, &app, "?year=2024&lang=zh-CN").await;
        assert!(page_row(&chinese, "outreach-key-villages").contains("+33.3个百分点"), "{chinese}");
        assert!(
            html.contains("<figure id=\"border-strip\" class=\"chart\">")
                && html.contains("src=\"/charts/border-strip.svg?base=2023&amp;compare=2024&amp;lang=en\""),
            "the border strip of the two years shown"
        );
        assert!(html.contains("<div class=\"table-scroll\">\n<table"), "the table scrolls in its box at 360 px");

        // The prefecture admin also counts Mengla: L5 owes 12 months in each year, unvisited
        // (24 of 24 → 11 met in 2023; 30 months → 8 met in 2024); V5 is a key village without
        // sessions; C12 took 10 days in 2024 (0.5, 1, 3, 10: mean 3.625, median 2).
        let all = dashboard_json(&app.client, &app, "?year=2024").await;
        let values = |id: &str| {
            let [base, compare, _] = api_values(&all, id);
            [base, compare]
        };
        assert_eq!(values("linkage-compliance"), [Some(one_decimal(1100.0 / 24.0)), Some(one_decimal(800.0 / 30.0))]);
        assert_eq!(values("linkage-visits-required"), [Some(48.0), Some(66.0)]);
        assert_eq!(values("outreach-key-villages"), [Some(25.0), Some(50.0)]);
        assert_eq!(values("outreach-all-villages"), [Some(20.0), Some(60.0)]);
        assert_eq!(values("case-mean-days"), [Some(4.5), Some(one_decimal(3.625))]);
        assert_eq!(values("case-median-days"), [Some(4.0), Some(2.0)]);
        assert_page_matches_api(&dashboard_html(&app.client, &app, "?year=2024").await, &all);
    }
}

#[tokio::test]
async fn a_year_without_data_says_so_instead_of_printing_zero() {
    for backend in backends() {
        let app = spawn_app(&backend).await;
        insert_fixtures(&app).await;
        // 2021 against 2020: no linkage had started, no session, no case.
        let body = dashboard_json(&app.client, &app, "?year=2021").await;
        let missing = [
            "collective-income",
            "linkage-compliance",
            "linkage-visits-required",
            "linkage-visits-logged",
            "outreach-key-villages",
            "outreach-all-villages",
            "case-mean-days",
            "case-median-days",
            "case-open-overdue",
        ];
        for id in missing {
            let figure = api_figure(&body, id);
            assert!(figure["base"].is_null() && figure["compare"].is_null() && figure["change"].is_null(), "{id}");
        }
        let html = dashboard_html(&app.client, &app, "?year=2021&lang=en").await;
        assert_page_matches_api(&html, &body);
        for id in missing {
            let row = page_row(&html, id);
            assert_eq!(row.matches("no data").count(), 3, "{id}: {row}");
            assert!(!row.contains("data-value") && !row.contains(">0<"), "{id}: {row}");
        }
        // 2023 against 2022: L1 owed visits in 2022 but none were logged; there were no
        // sessions in 2022, and cases only from 28 December 2022.
        let body = dashboard_json(&app.client, &app, "?year=2023").await;
        assert_eq!(api_values(&body, "linkage-visits-logged")[..2], [Some(0.0), Some(23.0)]);
        assert_eq!(api_values(&body, "outreach-all-villages")[..2], [None, Some(20.0)]);
        assert_eq!(api_values(&body, "case-mean-days")[..2], [None, Some(4.5)]);
        assert_eq!(api_values(&body, "case-open-overdue")[..2], [Some(0.0), Some(1.0)], "C3, closed");
        let html = dashboard_html(&app.client, &app, "?year=2023&lang=en").await;
        assert_page_matches_api(&html, &body);
        assert!(page_row(&html, "linkage-visits-logged").contains("new (none the year before)"));
    }
}

#[tokio::test]
async fn a_bad_year_is_a_localized_400() {
    let app = spawn_app(&crate::helpers::Backend::Sqlite).await;
    for (query, title) in
        [("?year=abc", "请求有误"), ("?year=1850&lang=en", "Bad request"), ("?year=2024.5", "请求有误")]
    {
        let response = app.get(&format!("/api/v1/dashboard{query}")).await;
        assert_eq!(response.status(), StatusCode::BAD_REQUEST, "{query}");
        let content_type = response.headers()["content-type"].to_str().expect("header").to_owned();
        assert_eq!(content_type, "application/problem+json");
        let problem: Value = response.json().await.expect("json");
        assert_eq!(problem["title"], title, "{problem}");
        let value = query.trim_start_matches("?year=").split('&').next().expect("value");
        assert!(problem["detail"].as_str().expect("detail").contains(value), "{problem}");
    }
    let page = app.get("/?year=abc&lang=en").await;
    assert_eq!(page.status(), StatusCode::BAD_REQUEST);
    let html = page.text().await.expect("html");
    assert!(html.contains("The year parameter must be a year from 2000 to 2100"), "{html}");
}

#[tokio::test]
async fn the_demo_shows_the_published_changes_for_2024_on_the_api_and_the_page() {
    for backend in backends() {
        let app = spawn_app_with_demo(&backend, 4, 3000).await;
        // Without a year: the latest year with incidents, 2024.
        let body = dashboard_json(&app.client, &app, "").await;
        assert_eq!(body["compareYear"], 2024);
        assert_eq!(api_values(&body, "incidents")[2], Some(-31.3));
        assert_eq!(api_values(&body, "persons")[2], Some(-34.5));
        assert_eq!(api_values(&body, "villagers-in-crime")[2], Some(-56.4));
        let (start, end) = (local(2024, 1, 1, 0, 0), local(2025, 1, 1, 0, 0));
        let counted = incident::Entity::find()
            .filter(incident::Column::DeletedAt.is_null())
            .filter(incident::Column::OccurredAt.gte(start))
            .filter(incident::Column::OccurredAt.lt(end))
            .count(&app.db)
            .await
            .expect("count");
        assert_eq!(api_values(&body, "incidents")[1], Some(counted as f64));

        let html = dashboard_html(&app.client, &app, "?lang=en").await;
        assert!(html.contains("2024 against 2023"), "the latest year with data by default");
        assert_page_matches_api(&html, &body);
        assert!(page_row(&html, "incidents").contains("−31.3\u{a0}%"));
        assert!(page_row(&html, "persons").contains("−34.5\u{a0}%"));
        for id in ["linkage-compliance", "outreach-key-villages", "case-mean-days"] {
            assert!(api_values(&body, id).iter().all(Option::is_some), "the demo has {id} in both years");
        }

        // A Menghai official sees Menghai's part only, on the page as in the API.
        let token = token_for(&app.db, "dash.menghai", "official", "532822").await;
        let official = client_with(&token);
        let own = dashboard_json(&official, &app, "?year=2024").await;
        let own_incidents = api_values(&own, "incidents")[1].expect("a count");
        assert!(own_incidents < counted as f64, "Menghai is a part of the prefecture");
        assert_page_matches_api(&dashboard_html(&official, &app, "?year=2024").await, &own);
    }
}
