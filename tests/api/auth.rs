//! Who may call what: the route × role matrix, jurisdiction leaks, sign-in, tokens, throttling
//! and the audit trail of those writes.

use std::collections::HashMap;
use std::path::Path;

use banna_border::store::entities::{audit_event, incident, village};
use reqwest::{Method, StatusCode};
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
use serde_json::{Value, json};

use crate::helpers::{
    Backend, TEST_PASSWORD, TestApp, backends, client_with, spawn_app, spawn_app_with_demo, token_for,
};

/// Who may call each route, written out independently of the application's policy table.
/// `None` = the public; otherwise the roles allowed. Form posts of pages are listed in
/// `CSRF_FORMS` instead: without the CSRF token they are refused (403) for everyone.
const EXPECTED: &[(&str, &str, Option<&[&str]>)] = &[
    ("GET", "/healthz", None),
    ("GET", "/login", None),
    ("GET", "/static/app.css", None),
    ("GET", "/static/map.js", None),
    ("GET", "/static/map.css", None),
    ("GET", "/static/field.js", None),
    ("GET", "/static/field.css", None),
    ("GET", "/field/sw.js", None),
    ("GET", "/static/report.css", None),
    ("GET", "/static/notice.css", None),
    ("GET", "/static/outreach-forms.css", None),
    // A village's public page: the address the QR codes of outreach notices print.
    ("GET", "/v/{code}", None),
    ("GET", "/static/vendor/{file:.*}", None),
    ("GET", "/api/v1/audit", Some(&["admin", "official"])),
    ("POST", "/api/v1/auth/login", None),
    ("POST", "/api/v1/auth/logout", Some(ALL)),
    ("GET", "/api/v1/auth/me", Some(ALL)),
    ("GET", "/api/v1/auth/tokens", Some(ALL)),
    ("POST", "/api/v1/auth/tokens", Some(ALL)),
    ("DELETE", "/api/v1/auth/tokens/{id}", Some(ALL)),
    ("GET", "/api/v1/border", Some(ALL)),
    ("GET", "/api/v1/border/locate", Some(ALL)),
    ("POST", "/api/v1/border/locate", Some(ALL)),
    ("GET", "/api/v1/border/bins", Some(&["admin", "official", "post_staff"])),
    // An image: 401/403 with a plain body, not the pages' redirect to /login.
    ("GET", "/charts/border-strip.svg", Some(&["admin", "official"])),
    ("GET", "/api/v1/dashboard", Some(&["admin", "official"])),
    ("GET", "/api/v1/reports/yearly", Some(&["admin", "official"])),
    ("GET", "/api/v1/villages", Some(ALL)),
    ("GET", "/api/v1/villages/{id}", Some(ALL)),
    ("GET", "/api/v1/posts", Some(ALL)),
    (
        "GET",
        "/api/v1/outreach/sessions/{id}/notice",
        Some(&["admin", "official", "outreach_coordinator", "outreach_member"]),
    ),
    ("GET", "/api/v1/outreach/coverage", Some(&["admin", "official", "outreach_coordinator"])),
    ("GET", "/api/v1/outreach/suggestions", Some(&["admin", "official", "outreach_coordinator"])),
    ("GET", "/api/v1/outreach/teams", Some(OUTREACH_READERS)),
    ("POST", "/api/v1/outreach/teams", Some(OUTREACH_WRITERS)),
    ("POST", "/api/v1/outreach/teams/{id}/calendar", Some(OUTREACH_WRITERS)),
    ("GET", "/api/v1/outreach/teams/{id}/calendar.ics", Some(OUTREACH_READERS)),
    // Phone calendars subscribe without credentials: the secret in the address authorizes.
    ("GET", "/api/v1/outreach/calendars/{feed}", None),
    ("GET", "/api/v1/outreach/sessions", Some(OUTREACH_READERS)),
    ("POST", "/api/v1/outreach/sessions", Some(OUTREACH_WRITERS)),
    ("GET", "/api/v1/outreach/sessions/{id}", Some(OUTREACH_READERS)),
    ("POST", "/api/v1/outreach/sessions/{id}/held", Some(OUTREACH_WRITERS)),
    ("POST", "/api/v1/outreach/sessions/{id}/cancel", Some(OUTREACH_WRITERS)),
    ("POST", "/api/v1/patrols", Some(&["admin", "official", "post_staff"])),
    ("GET", "/api/v1/patrols/coverage", Some(ALL)),
    ("GET", "/api/v1/patrols/coverage.geojson", Some(ALL)),
    ("GET", "/api/v1/posts/sectors", Some(ALL)),
    ("GET", "/api/v1/posts/{id}", Some(ALL)),
    ("GET", "/api/v1/incidents", Some(&["admin", "official", "post_staff"])),
    ("GET", "/api/v1/incidents/trend", Some(&["admin", "official", "post_staff"])),
    ("GET", "/api/v1/incidents/change", Some(&["admin", "official", "post_staff"])),
    ("GET", "/api/v1/incidents/hotspots", Some(&["admin", "official", "post_staff"])),
    ("GET", "/api/v1/incidents/grid", Some(&["admin", "official", "post_staff"])),
    ("GET", "/api/v1/incidents/{id}", Some(&["admin", "official", "post_staff"])),
    ("POST", "/api/v1/incidents", Some(&["admin", "official", "post_staff"])),
    ("PUT", "/api/v1/incidents/{id}", Some(&["admin", "official", "post_staff"])),
    ("DELETE", "/api/v1/incidents/{id}", Some(&["admin", "official", "post_staff"])),
    ("GET", "/api/v1/linkages/mine", Some(&["admin", "official", "liaison_officer"])),
    ("GET", "/api/v1/visits", Some(&["admin", "official", "liaison_officer"])),
    ("POST", "/api/v1/visits", Some(&["admin", "official", "liaison_officer"])),
    ("POST", "/api/v1/sync/visits", Some(&["admin", "official", "liaison_officer"])),
    ("GET", "/api/v1/linkages", Some(&["admin", "official", "liaison_officer"])),
    ("POST", "/api/v1/linkages", Some(&["admin", "official"])),
    ("GET", "/api/v1/linkages/coverage", Some(&["admin", "official", "liaison_officer"])),
    ("GET", "/api/v1/linkages/overdue", Some(&["admin", "official", "liaison_officer"])),
    ("PUT", "/api/v1/linkages/{id}", Some(&["admin", "official"])),
    ("POST", "/api/v1/linkages/{id}/end", Some(&["admin", "official"])),
];

const CSRF_FORMS: &[(&str, &str)] = &[
    ("POST", "/login"),
    ("POST", "/logout"),
    ("POST", "/outreach/sessions/new"),
    ("POST", "/outreach/sessions/{id}/held"),
    ("POST", "/outreach/sessions/{id}/cancel"),
];

/// Pages for signed-in roles: the public is sent to /login (303), other roles get 403.
const PAGES: &[(&str, &str, &[&str])] = &[
    ("GET", "/", &["admin", "official"]),
    ("GET", "/reports/yearly", &["admin", "official"]),
    ("GET", "/map", ALL),
    ("GET", "/field", &["admin", "official", "liaison_officer"]),
    ("GET", "/villages", ALL),
    ("GET", "/villages/{id}", ALL),
    ("GET", "/posts", ALL),
    ("GET", "/posts/{id}", ALL),
    ("GET", "/departments", ALL),
    ("GET", "/departments/{id}", ALL),
    ("GET", "/linkages", &["admin", "official", "liaison_officer"]),
    ("GET", "/linkages/overdue", &["admin", "official", "liaison_officer"]),
    ("GET", "/linkages/{id}", &["admin", "official", "liaison_officer"]),
    ("GET", "/visits", &["admin", "official", "liaison_officer"]),
    ("GET", "/incidents", &["admin", "official", "post_staff"]),
    ("GET", "/incidents/{id}", &["admin", "official", "post_staff"]),
    ("GET", "/outreach", &["admin", "official", "outreach_coordinator"]),
    ("GET", "/outreach/sessions", OUTREACH_READERS),
    ("GET", "/outreach/teams", OUTREACH_READERS),
    ("GET", "/outreach/teams/{id}", OUTREACH_READERS),
    ("GET", "/outreach/sessions/new", OUTREACH_WRITERS),
    ("GET", "/outreach/sessions/{id}", OUTREACH_READERS),
];

const OUTREACH_READERS: &[&str] = &["admin", "official", "outreach_coordinator", "outreach_member"];
const OUTREACH_WRITERS: &[&str] = &["admin", "outreach_coordinator"];

const ALL: &[&str] = &["admin", "official", "liaison_officer", "outreach_coordinator", "outreach_member", "post_staff"];

/// (method, path) of every route registered in src/api/mod.rs and src/web/mod.rs, read from
/// the source.
fn registered_routes() -> Vec<(String, String)> {
    let mut routes = Vec::new();
    for (file, prefix) in [("src/api/mod.rs", "/api/v1"), ("src/web/mod.rs", "")] {
        let source = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(file)).expect("read");
        for line in source.lines().map(str::trim) {
            let Some(rest) = line.strip_prefix(".route(\"").or_else(|| line.strip_prefix("cfg.route(\"")) else {
                continue;
            };
            let path = rest.split('"').next().expect("a path").to_owned();
            let method =
                line.split("web::").nth(1).and_then(|rest| rest.split('(').next()).expect("a method").to_uppercase();
            let full = if path == "/healthz" || prefix.is_empty() { path } else { format!("{prefix}{path}") };
            routes.push((method, full));
        }
    }
    routes
}

#[test]
fn every_registered_route_has_an_expected_policy() {
    let routes = registered_routes();
    assert!(routes.len() >= EXPECTED.len(), "{routes:?}");
    assert!(routes.iter().any(|(_, path)| path == "/login"), "pages are scanned too: {routes:?}");
    for (method, path) in &routes {
        assert!(
            EXPECTED.iter().any(|(m, p, _)| m == method && p == path)
                || CSRF_FORMS.iter().any(|(m, p)| m == method && p == path)
                || PAGES.iter().any(|(m, p, _)| m == method && p == path),
            "{method} {path} is registered but has no entry in the test's policy matrix"
        );
    }
}

fn body_for(method: &str, path: &str) -> Option<Value> {
    match (method, path) {
        ("POST", "/api/v1/auth/login") => Some(json!({ "username": "nobody", "password": "wrong password!" })),
        ("POST", "/api/v1/auth/tokens") => Some(json!({ "name": "matrix" })),
        ("POST", "/api/v1/border/locate") => Some(json!([[100.5, 21.9]])),
        ("POST", "/api/v1/incidents") | ("PUT", "/api/v1/incidents/{id}") => Some(json!({
            "type": "Feature",
            "geometry": { "type": "Point", "coordinates": [100.5, 21.9] },
            "properties": {
                "occurred_at": "2024-05-01T10:00:00+08:00",
                "category": "smuggling",
                "persons_apprehended": 1,
                "villagers_involved": 0,
            },
        })),
        // Linkage 1's village or post may have any id: a wrong target is a 400 from the handler.
        ("POST", "/api/v1/visits") => Some(matrix_visit()),
        ("POST", "/api/v1/sync/visits") => Some(json!({ "visits": [matrix_visit()] })),
        ("POST", "/api/v1/patrols") => Some(json!({
            "post_id": 1,
            "track": { "type": "LineString", "coordinates": [[100.5, 21.9], [100.51, 21.9]] },
            "times": ["2024-05-01T10:00:00+08:00", "2024-05-01T10:30:00+08:00"],
        })),
        // A new pair far in the future (the second caller meets the first's linkage: 409).
        ("POST", "/api/v1/linkages") => Some(json!({
            "department_id": 1, "village_id": 1, "post_id": 1, "starts_on": "2099-01-01",
            "village_visits_per_month": 1, "post_visits_per_month": 1, "officer_ids": [],
        })),
        ("POST", "/api/v1/linkages/{id}/end") => Some(json!({ "ends_on": "2098-12-31" })),
        // The second caller meets the first's team code: 409.
        ("POST", "/api/v1/outreach/teams") => Some(json!({
            "code": "MATRIX", "name_zh": "矩阵队", "admin_unit": "532800",
            "members": [{ "name": "Matrix", "languages": [{ "language": "zh", "level": "native" }] }],
        })),
        // Team 1 may not have member 1 or speak Chinese there: a 400 or 409 from the rules.
        ("POST", "/api/v1/outreach/sessions") => Some(json!({
            "team_id": 1, "village_id": 1, "starts_at": "2099-01-01T09:00:00+08:00",
            "ends_at": "2099-01-01T10:00:00+08:00", "language": "zh", "topics": ["border_law"],
            "presenter_ids": [1],
        })),
        ("POST", "/api/v1/outreach/sessions/{id}/held") => Some(json!({
            "attendance": { "total": 10, "women": 5, "under18": 1 }, "topics_covered": ["border_law"],
        })),
        ("POST", "/api/v1/outreach/sessions/{id}/cancel") => Some(json!({ "reason": "matrix" })),
        _ => None,
    }
}

/// Linkage 1 as the caller reads it from the API, to send back unchanged (it has visits, so
/// only its own department, village and post pass); `None` when the caller may not read it.
async fn linkage_one(app: &TestApp, client: &reqwest::Client) -> Option<Value> {
    let response = client.get(format!("{}/api/v1/linkages?limit=1", app.address)).send().await.ok()?;
    let body: Value = response.json().await.ok()?;
    body["linkages"].get(0).cloned()
}

fn matrix_visit() -> Value {
    json!({
        "id": "0d9a3c3e-5b8f-4c1e-9a34-6f0f5d1b2c77",
        "linkage_id": 1,
        "target": { "kind": "village", "id": 1 },
        "visited_at": "2024-05-01T10:00:00+08:00",
        "lon": 100.5, "lat": 21.9, "accuracy_m": 10.0,
        "findings": [], "follow_ups": null,
    })
}

async fn call(app: &TestApp, client: &reqwest::Client, method: &str, path: &str) -> StatusCode {
    // Deleting incident 1 would leave the pages' check of /incidents/1 nothing to show.
    let id = if method == "DELETE" && path == "/api/v1/incidents/{id}" { "2" } else { "1" };
    let concrete = path.replace("{id}", id).replace("{file:.*}", "leaflet/dist/leaflet.js");
    let concrete = if concrete.ends_with("/border/locate") && method == "GET" {
        format!("{concrete}?lon=100.5&lat=21.9")
    } else {
        concrete
    };
    let concrete = if concrete.ends_with("/reports/yearly") { format!("{concrete}?year=2024") } else { concrete };
    let mut request =
        client.request(Method::from_bytes(method.as_bytes()).expect("method"), format!("{}{concrete}", app.address));
    let body = match (method, path) {
        ("PUT", "/api/v1/linkages/{id}") => linkage_one(app, client).await.or_else(|| Some(json!({}))),
        _ => body_for(method, path),
    };
    if let Some(body) = body {
        request = request.json(&body);
    }
    if CSRF_FORMS.contains(&(method, path)) {
        request = request.form(&[("csrf", "not-the-cookie-value"), ("username", "x"), ("password", "y")]);
    }
    request.send().await.expect("request").status()
}

#[tokio::test]
async fn every_route_answers_each_role_as_the_policy_says() {
    for backend in backends() {
        let app = spawn_app_with_demo(&backend, 9, 3000).await;
        let mut callers: Vec<(Option<&str>, reqwest::Client)> = vec![(None, app.anonymous.clone())];
        for role in ALL {
            let token = token_for(&app.db, &format!("matrix.{role}"), role, "532800").await;
            callers.push((Some(role), client_with(&token)));
        }
        for (method, path, allowed) in EXPECTED {
            // Logging out ends the caller's session: check it last, separately.
            if path.ends_with("/logout") {
                continue;
            }
            for (role, client) in &callers {
                let status = call(&app, client, method, path).await;
                let permitted = match (allowed, role) {
                    (None, _) => true,
                    (Some(roles), Some(role)) => roles.contains(role),
                    (Some(_), None) => false,
                };
                let expected_denial = if role.is_none() { StatusCode::UNAUTHORIZED } else { StatusCode::FORBIDDEN };
                if permitted {
                    assert!(
                        status != StatusCode::FORBIDDEN
                            && (status != StatusCode::UNAUTHORIZED || path.ends_with("/login")),
                        "{}: {method} {path} as {role:?} answered {status}",
                        app.backend
                    );
                } else {
                    assert_eq!(status, expected_denial, "{}: {method} {path} as {role:?}", app.backend);
                }
            }
        }
        let no_redirect = |client: Option<&str>| {
            let builder = reqwest::Client::builder().redirect(reqwest::redirect::Policy::none());
            match client {
                Some(token) => {
                    let mut headers = reqwest::header::HeaderMap::new();
                    headers.insert(reqwest::header::AUTHORIZATION, format!("Bearer {token}").parse().expect("header"));
                    builder.default_headers(headers).build().expect("client")
                }
                None => builder.build().expect("client"),
            }
        };
        for (method, path, _) in PAGES {
            let anonymous_page = call(&app, &no_redirect(None), method, path).await;
            assert_eq!(
                anonymous_page,
                StatusCode::SEE_OTHER,
                "{method} {path}: the public is sent to the sign-in page"
            );
        }
        let mut page_tokens = Vec::new();
        for role in ALL {
            page_tokens.push((role, token_for(&app.db, &format!("page.{role}"), role, "532800").await));
        }
        for (method, path, allowed) in PAGES {
            for (role, token) in &page_tokens {
                let status = call(&app, &no_redirect(Some(token)), method, path).await;
                let expected = if allowed.contains(*role) { StatusCode::OK } else { StatusCode::FORBIDDEN };
                assert_eq!(status, expected, "{method} {path} as {role}");
            }
        }
        for (method, path) in CSRF_FORMS {
            for (role, client) in &callers {
                let status = call(&app, client, method, path).await;
                assert_eq!(status, StatusCode::FORBIDDEN, "{method} {path} as {role:?} without the CSRF token");
            }
        }
        for (role, client) in &callers {
            let status = call(&app, client, "POST", "/api/v1/auth/logout").await;
            let expected = if role.is_some() { StatusCode::NO_CONTENT } else { StatusCode::UNAUTHORIZED };
            assert_eq!(status, expected, "logout as {role:?}");
            if role.is_some() {
                let after = call(&app, client, "GET", "/api/v1/auth/me").await;
                assert_eq!(after, StatusCode::UNAUTHORIZED, "the session ended with the logout");
            }
        }
    }
}

#[tokio::test]
async fn a_county_official_sees_only_its_county() {
    for backend in backends() {
        let app = spawn_app_with_demo(&backend, 9, 3000).await;
        let menghai = client_with(&token_for(&app.db, "official.menghai", "official", "532822").await);
        for collection in ["villages", "posts"] {
            let response =
                menghai.get(format!("{}/api/v1/{collection}?limit=10000", app.address)).send().await.expect("get");
            let body: Value = response.json().await.expect("json");
            let features = body["features"].as_array().expect("features");
            assert!(!features.is_empty(), "{collection}: Menghai has some");
            assert!(
                features.iter().all(|f| f["properties"]["county"]["code"] == "532822"),
                "{collection} leaks other counties"
            );
            let (_, _, everything) = app.get_json(&format!("/api/v1/{collection}?limit=10000")).await;
            assert!(everything["numberMatched"].as_u64() > body["numberMatched"].as_u64(), "the admin sees more");
        }
        let body: Value = menghai
            .get(format!("{}/api/v1/incidents?limit=10000", app.address))
            .send()
            .await
            .expect("get")
            .json()
            .await
            .expect("json");
        let seen: Vec<i64> =
            body["features"].as_array().expect("features").iter().map(|f| f["id"].as_i64().expect("id")).collect();
        assert!(!seen.is_empty());
        let menghai_units = banna_border::services::auth::jurisdiction_of(&app.db, county_id(&app, "532822").await)
            .await
            .expect("subtree");
        for id in seen.iter().take(200) {
            let row = incident::Entity::find_by_id(*id).one(&app.db).await.expect("read").expect("row");
            assert!(menghai_units.covers(row.admin_unit_id), "incident {id} is outside Menghai");
        }
        // A record of another county answers 404, as if it did not exist.
        let mengla_units = banna_border::services::auth::jurisdiction_of(&app.db, county_id(&app, "532823").await)
            .await
            .expect("subtree");
        let elsewhere = village::Entity::find()
            .all(&app.db)
            .await
            .expect("villages")
            .into_iter()
            .find(|v| mengla_units.covers(Some(v.admin_unit_id)))
            .expect("a Mengla village");
        let response =
            menghai.get(format!("{}/api/v1/villages/{}", app.address, elsewhere.id)).send().await.expect("get");
        assert_eq!(response.status(), StatusCode::NOT_FOUND, "{}", app.backend);
        let (status, _, _) = app.get_json(&format!("/api/v1/villages/{}", elsewhere.id)).await;
        assert_eq!(status, StatusCode::OK, "the prefecture admin sees it");
    }
}

async fn county_id(app: &TestApp, code: &str) -> i32 {
    use banna_border::store::entities::admin_unit;
    admin_unit::Entity::find()
        .filter(admin_unit::Column::Code.eq(code))
        .one(&app.db)
        .await
        .expect("read")
        .expect("county")
        .id
}

async fn audit_count(app: &TestApp, action: &str, record_type: &str) -> u64 {
    audit_event::Entity::find()
        .filter(audit_event::Column::Action.eq(action))
        .filter(audit_event::Column::RecordType.eq(record_type))
        .count(&app.db)
        .await
        .expect("count")
}

#[tokio::test]
async fn signing_in_and_tokens_work_and_each_write_is_audited_once() {
    for backend in backends() {
        let app = spawn_app(&backend).await;
        let users_before = audit_count(&app, "create", "user").await;
        token_for(&app.db, "field.officer", "liaison_officer", "532822").await;
        assert_eq!(audit_count(&app, "create", "user").await, users_before + 1);

        let logins_before = audit_count(&app, "login", "auth_token").await;
        let response = app
            .anonymous
            .post(format!("{}/api/v1/auth/login", app.address))
            .json(&json!({ "username": "field.officer", "password": TEST_PASSWORD }))
            .send()
            .await
            .expect("login");
        assert_eq!(response.status(), StatusCode::OK);
        let cookie = response.headers().get("set-cookie").and_then(|v| v.to_str().ok()).unwrap_or_default().to_owned();
        assert!(
            cookie.starts_with("banna_session=") && cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"),
            "{cookie}"
        );
        let login: Value = response.json().await.expect("json");
        assert_eq!(audit_count(&app, "login", "auth_token").await, logins_before + 1);

        let officer = client_with(login["token"].as_str().expect("token"));
        let me: Value = officer
            .get(format!("{}/api/v1/auth/me", app.address))
            .send()
            .await
            .expect("me")
            .json()
            .await
            .expect("json");
        assert_eq!(me["role"], "liaison_officer");

        let created: Value = officer
            .post(format!("{}/api/v1/auth/tokens", app.address))
            .json(&json!({ "name": "phone sync" }))
            .send()
            .await
            .expect("create token")
            .json()
            .await
            .expect("json");
        assert_eq!(audit_count(&app, "create", "auth_token").await, 1);
        let phone = client_with(created["token"].as_str().expect("secret"));
        assert_eq!(
            phone.get(format!("{}/api/v1/villages?limit=1", app.address)).send().await.expect("get").status(),
            StatusCode::OK
        );
        let listed: Value = officer
            .get(format!("{}/api/v1/auth/tokens", app.address))
            .send()
            .await
            .expect("list")
            .json()
            .await
            .expect("json");
        assert_eq!(listed.as_array().map(Vec::len), Some(1));
        assert!(listed[0].get("token").is_none(), "secrets are shown once, never listed");

        let id = created["id"].as_i64().expect("id");
        let revoked = officer.delete(format!("{}/api/v1/auth/tokens/{id}", app.address)).send().await.expect("revoke");
        assert_eq!(revoked.status(), StatusCode::NO_CONTENT);
        assert_eq!(audit_count(&app, "revoke", "auth_token").await, 1);
        assert_eq!(
            phone.get(format!("{}/api/v1/villages?limit=1", app.address)).send().await.expect("get").status(),
            StatusCode::UNAUTHORIZED
        );
        // Another user's token is "not found", not "forbidden".
        let others =
            app.client.delete(format!("{}/api/v1/auth/tokens/{id}", app.address)).send().await.expect("revoke");
        assert_eq!(others.status(), StatusCode::NOT_FOUND);
    }
}

#[tokio::test]
async fn failed_sign_ins_are_audited_and_then_slowed_down() {
    let app = spawn_app(&Backend::Sqlite).await;
    token_for(&app.db, "slow.user", "official", "532801").await;
    let attempt = |password: &'static str| {
        app.anonymous
            .post(format!("{}/api/v1/auth/login", app.address))
            .header("accept-language", "en")
            .json(&json!({ "username": "slow.user", "password": password }))
            .send()
    };
    let mut statuses = HashMap::new();
    for _ in 0..4 {
        let status = attempt("not the password").await.expect("login").status();
        *statuses.entry(status).or_insert(0) += 1;
    }
    assert_eq!(statuses.get(&StatusCode::UNAUTHORIZED), Some(&4));
    assert_eq!(audit_count(&app, "login_failed", "user").await, 4);
    let blocked = attempt(TEST_PASSWORD).await.expect("login");
    assert_eq!(blocked.status(), StatusCode::TOO_MANY_REQUESTS, "even the right password waits after 4 failures");
    let problem: Value = blocked.json().await.expect("json");
    assert!(problem["detail"].as_str().expect("detail").contains("seconds"), "{problem}");
}

#[tokio::test]
async fn the_audit_trail_is_listed_for_admins_and_scoped_for_officials() {
    for backend in backends() {
        let app = spawn_app_with_demo(&backend, 9, 3000).await;
        token_for(&app.db, "menghai.liaison", "liaison_officer", "532822").await;
        token_for(&app.db, "mengla.post", "post_staff", "532823").await;
        let menghai = client_with(&token_for(&app.db, "menghai.official", "official", "532822").await);

        let (status, _, all) = app.get_json("/api/v1/audit?action=create&record_type=user").await;
        assert_eq!(status, StatusCode::OK);
        let created: Vec<&str> = all["items"]
            .as_array()
            .expect("items")
            .iter()
            .map(|e| e["after"]["username"].as_str().unwrap_or(""))
            .collect();
        for name in ["test.admin", "menghai.liaison", "mengla.post", "menghai.official"] {
            assert!(created.contains(&name), "{name} in {created:?}");
        }
        let (_, _, demo) = app.get_json("/api/v1/audit?action=load_demo").await;
        assert_eq!(demo["numberMatched"], 1, "loading the demo is one audited write");

        let scoped: Value =
            menghai.get(format!("{}/api/v1/audit", app.address)).send().await.expect("get").json().await.expect("json");
        let actors: Vec<i64> =
            scoped["items"].as_array().expect("items").iter().filter_map(|e| e["actor_user_id"].as_i64()).collect();
        assert!(!actors.is_empty(), "Menghai's own sign-ins are listed");
        let (_, _, everything) = app.get_json("/api/v1/audit?limit=10000").await;
        assert!(everything["numberMatched"].as_u64() > scoped["numberMatched"].as_u64());
        let menghai_units = banna_border::services::auth::jurisdiction_of(&app.db, county_id(&app, "532822").await)
            .await
            .expect("subtree");
        for actor in &actors {
            use banna_border::store::entities::user;
            let row = user::Entity::find_by_id(*actor as i32).one(&app.db).await.expect("read").expect("actor");
            assert!(menghai_units.covers(Some(row.admin_unit_id)), "{} is not a Menghai actor", row.username);
        }
        let bad = app.client.get(format!("{}/api/v1/audit?from=yesterday", app.address)).send().await.expect("get");
        assert_eq!(bad.status(), StatusCode::BAD_REQUEST);
    }
}

#[tokio::test]
async fn a_session_made_by_one_instance_works_on_another() {
    let database = crate::helpers::TestDb::create(&Backend::Sqlite).await;
    let first =
        banna_border::startup::Application::build(crate::helpers::test_settings(&database.url)).await.expect("first");
    let second =
        banna_border::startup::Application::build(crate::helpers::test_settings(&database.url)).await.expect("second");
    let (first_port, second_port) = (first.port(), second.port());
    let db = first.db().clone();
    tokio::spawn(first.run_until_stopped());
    tokio::spawn(second.run_until_stopped());
    let token = token_for(&db, "roaming.user", "official", "532800").await;
    let client = client_with(&token);
    for port in [first_port, second_port] {
        let status = client.get(format!("http://127.0.0.1:{port}/api/v1/auth/me")).send().await.expect("me").status();
        assert_eq!(status, StatusCode::OK, "instance on port {port}");
    }
}
