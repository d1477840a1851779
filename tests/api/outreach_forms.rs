//! The scheduling pages of legal outreach against the API they share their rules with: a
//! refused form says what the API's problem detail says for the same input, with its status,
//! every value kept and nothing written; a valid form schedules (303 to the session's page,
//! which shows it and the interpreter's warning in the API's words); the CSRF token is
//! required before anything else; the "held" and "cancel" forms move the session; a county
//! coordinator meets a 404 for another county's village and session.

use std::collections::HashMap;

use banna_border::store::entities::{audit_event, outreach_session, outreach_session_presenter};
use chrono::{DateTime, Utc};
use reqwest::StatusCode;
use reqwest::header::{AUTHORIZATION, COOKIE, HeaderMap, LOCATION, SET_COOKIE};
use sea_orm::{DatabaseConnection, EntityTrait, PaginatorTrait};
use serde_json::{Value, json};

use crate::fixtures::{add_village, local, unit_id};
use crate::helpers::{TestApp, backends, spawn_app, token_for};

const MENGLA: &str = "532823";
const MENGHAI: &str = "532822";
/// The double-submit token the test's browser holds (64 hex digits, like the server's).
const CSRF: &str = "5e1f0c0ffee5e1f0c0ffee5e1f0c0ffee5e1f0c0ffee5e1f0c0ffee5e1f0c0ff";

/// A client with a bearer token, the CSRF cookie (unless `None`) and English pages, that does
/// not follow redirects.
fn browser(token: &str, csrf: Option<&str>) -> reqwest::Client {
    let mut headers = HeaderMap::new();
    headers.insert(AUTHORIZATION, format!("Bearer {token}").parse().expect("header"));
    let mut cookie = String::from("banna_lang=en");
    if let Some(csrf) = csrf {
        cookie.push_str(&format!("; banna_csrf={csrf}"));
    }
    headers.insert(COOKIE, cookie.parse().expect("header"));
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .default_headers(headers)
        .build()
        .expect("client")
}

/// Sessions, presenters and audit events: what a write leaves behind.
async fn written(db: &DatabaseConnection) -> (u64, u64, u64) {
    (
        outreach_session::Entity::find().count(db).await.expect("count"),
        outreach_session_presenter::Entity::find().count(db).await.expect("count"),
        audit_event::Entity::find().count(db).await.expect("count"),
    )
}

async fn status_of(db: &DatabaseConnection, id: i64) -> String {
    outreach_session::Entity::find_by_id(i32::try_from(id).expect("small"))
        .one(db)
        .await
        .expect("read")
        .expect("the session")
        .status
}

/// Text of the page as a reader sees it: character references decoded.
fn unescape(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(start) = rest.find('&') {
        out.push_str(&rest[..start]);
        let after = &rest[start..];
        let Some(end) = after.find(';').filter(|end| *end <= 10) else {
            out.push('&');
            rest = &after[1..];
            continue;
        };
        let entity = &after[1..end];
        let decoded = match entity {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            _ => entity
                .strip_prefix("#x")
                .and_then(|hex| u32::from_str_radix(hex, 16).ok())
                .or_else(|| entity.strip_prefix('#').and_then(|dec| dec.parse().ok()))
                .and_then(char::from_u32),
        };
        match decoded {
            Some(c) => {
                out.push(c);
                rest = &after[end + 1..];
            }
            None => {
                out.push('&');
                rest = &after[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// The text of the element with `id` (its first line of content up to the closing tag).
fn element_text(html: &str, id: &str) -> Option<String> {
    let start = html.find(&format!("id=\"{id}\""))?;
    let after = &html[start..];
    let open_end = after.find('>')? + 1;
    let close = after[open_end..].find("</")?;
    Some(unescape(&after[open_end..open_end + close]))
}

/// The problem's detail the API answers for `body`.
async fn api_post(client: &reqwest::Client, app: &TestApp, path: &str, body: &Value) -> (StatusCode, Value) {
    let response = client.post(format!("{}{path}", app.address)).json(body).send().await.expect("post");
    let status = response.status();
    (status, response.json().await.unwrap_or(Value::Null))
}

async fn page(client: &reqwest::Client, app: &TestApp, path: &str) -> (StatusCode, String) {
    let response = client.get(format!("{}{path}", app.address)).send().await.expect("get");
    let status = response.status();
    (status, response.text().await.expect("text"))
}

async fn post_form(
    client: &reqwest::Client,
    app: &TestApp,
    path: &str,
    form: &[(&str, String)],
) -> (StatusCode, Option<String>, String) {
    let response = client.post(format!("{}{path}", app.address)).form(form).send().await.expect("post");
    let status = response.status();
    let location = response.headers().get(LOCATION).and_then(|value| value.to_str().ok()).map(str::to_owned);
    (status, location, response.text().await.expect("text"))
}

/// Mengla's coordinator with a team of three, two Mengla villages (Tai Lü and Chinese; Hani)
/// and a Menghai village.
struct World {
    token: String,
    team: i64,
    members: HashMap<&'static str, i64>,
    tai_lue: i32,
    hani: i32,
    menghai: i32,
}

async fn world(app: &TestApp) -> World {
    let token = token_for(&app.db, "coordinator.mengla", "outreach_coordinator", MENGLA).await;
    let tai_lue = add_village(&app.db, "TL", unit_id(&app.db, MENGLA).await, true, &["khb", "zh"]).await;
    let hani = add_village(&app.db, "HN", unit_id(&app.db, MENGLA).await, false, &["hni"]).await;
    let menghai = add_village(&app.db, "MH", unit_id(&app.db, MENGHAI).await, true, &["khb", "zh"]).await;
    let (status, team) = api_post(
        &browser(&token, None),
        app,
        "/api/v1/outreach/teams",
        &json!({
            "code": "ML-01", "name_zh": "勐腊普法第1队", "name_en": "Mengla team 1", "admin_unit": MENGLA,
            "members": [
                { "name": "Ai Kham", "languages": [{ "language": "khb", "level": "native" }, { "language": "zh", "level": "fluent" }] },
                { "name": "Yu Na", "languages": [{ "language": "hni", "level": "fluent" }, { "language": "khb", "level": "basic" }] },
                { "name": "Zhang Wei", "languages": [{ "language": "zh", "level": "native" }] },
            ],
        }),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{team}");
    let members = team["members"]
        .as_array()
        .expect("members")
        .iter()
        .map(|member| {
            let key = match member["name"].as_str().expect("name") {
                "Ai Kham" => "ai",
                "Yu Na" => "yu",
                _ => "zhang",
            };
            (key, member["id"].as_i64().expect("id"))
        })
        .collect();
    World { token, team: team["id"].as_i64().expect("id"), members, tai_lue, hani, menghai }
}

/// A session as the form posts it: local `datetime-local` times, repeated checkboxes.
#[derive(Clone, Copy)]
struct Form<'a> {
    village: i32,
    /// `(day of March 2027, hour)` local.
    starts: (u32, u32),
    language: &'a str,
    presenters: &'a [&'a str],
    interpreter: &'a str,
}

impl World {
    fn form(&self, session: &Form<'_>, csrf: Option<&str>) -> Vec<(&'static str, String)> {
        let (day, hour) = session.starts;
        let mut fields = Vec::new();
        if let Some(csrf) = csrf {
            fields.push(("csrf", csrf.to_owned()));
        }
        fields.extend([
            ("team", self.team.to_string()),
            ("village", session.village.to_string()),
            ("starts_at", format!("2027-03-{day:02}T{hour:02}:00")),
            ("ends_at", format!("2027-03-{day:02}T{:02}:30", hour + 1)),
            ("language", session.language.to_owned()),
            ("topic", "border_law".to_owned()),
            ("topic", "anti_fraud".to_owned()),
            ("interpreter", session.interpreter.to_owned()),
        ]);
        for presenter in session.presenters {
            fields.push(("presenter", self.members[presenter].to_string()));
        }
        fields
    }

    /// The same session as the API's JSON body, its times computed here.
    fn json(&self, session: &Form<'_>) -> Value {
        let (day, hour) = session.starts;
        json!({
            "team_id": self.team,
            "village_id": session.village,
            "starts_at": local(2027, 3, day, hour, 0).to_rfc3339(),
            "ends_at": local(2027, 3, day, hour + 1, 30).to_rfc3339(),
            "language": session.language,
            "topics": ["border_law", "anti_fraud"],
            "presenter_ids": session.presenters.iter().map(|name| self.members[name]).collect::<Vec<_>>(),
            "interpreter": session.interpreter,
        })
    }

    /// Schedules through the API a two-hour Tai Lü session in the Tai Lü village, presented by
    /// Ai, from `starts_at`; its id.
    async fn planned(&self, client: &reqwest::Client, app: &TestApp, starts_at: DateTime<Utc>, topics: &[&str]) -> i64 {
        let body = json!({
            "team_id": self.team, "village_id": self.tai_lue,
            "starts_at": starts_at.to_rfc3339(), "ends_at": (starts_at + chrono::Duration::hours(2)).to_rfc3339(),
            "language": "khb", "topics": topics, "presenter_ids": [self.members["ai"]],
        });
        let (status, created) = api_post(client, app, "/api/v1/outreach/sessions", &body).await;
        assert_eq!(status, StatusCode::CREATED, "{created}");
        created["id"].as_i64().expect("id")
    }
}

#[tokio::test]
async fn a_refused_form_says_what_the_api_says_keeps_every_value_and_writes_nothing() {
    for backend in backends() {
        let app = spawn_app(&backend).await;
        let world = world(&app).await;
        let client = browser(&world.token, Some(CSRF));
        // Zhang Wei speaks no Hani: nobody presents in it at fluent level.
        let session = Form {
            village: world.hani,
            starts: (10, 9),
            language: "hni",
            presenters: &["zhang"],
            interpreter: "Interpreter <Li & \"Mo\">",
        };
        let before = written(&app.db).await;
        let (api_status, problem) = api_post(&client, &app, "/api/v1/outreach/sessions", &world.json(&session)).await;
        assert_eq!(api_status, StatusCode::BAD_REQUEST, "{}: {problem}", app.backend);
        let detail = problem["detail"].as_str().expect("a detail");
        assert!(detail.contains("fluent"), "{detail}");

        let (status, _, html) =
            post_form(&client, &app, "/outreach/sessions/new", &world.form(&session, Some(CSRF))).await;
        assert_eq!(status, api_status, "{}: {html}", app.backend);
        assert_eq!(element_text(&html, "problem").as_deref(), Some(detail), "{}", app.backend);
        assert_eq!(written(&app.db).await, before, "{}: nothing written", app.backend);
        // Every value kept.
        assert!(html.contains(&format!("<option value=\"{}\" selected>", world.hani)), "{html}");
        assert!(html.contains("<option value=\"hni\" selected>"), "{html}");
        assert!(html.contains("value=\"2027-03-10T09:00\"") && html.contains("value=\"2027-03-10T10:30\""));
        let zhang = world.members["zhang"];
        assert!(html.contains(&format!("name=\"presenter\" value=\"{zhang}\" checked>")), "{html}");
        let ai = world.members["ai"];
        assert!(html.contains(&format!("name=\"presenter\" value=\"{ai}\">")), "only the chosen presenters are ticked");
        assert!(html.contains("value=\"border_law\" checked>") && html.contains("value=\"anti_drug\">"));
        assert_eq!(
            html.split("id=\"interpreter\"")
                .nth(1)
                .and_then(|rest| rest.split("value=\"").nth(1))
                .map(|rest| { unescape(rest.split('"').next().expect("a value")) }),
            Some(session.interpreter.to_owned()),
            "the interpreter is kept, escaped"
        );
        assert!(!html.contains("<Li &"), "text from the form is escaped");

        // A form the reader refuses before the rules (no topic ticked): the API's words again.
        let mut no_topics = world.form(&Form { presenters: &["yu"], ..session }, Some(CSRF));
        no_topics.retain(|(name, _)| *name != "topic");
        let mut body = world.json(&Form { presenters: &["yu"], ..session });
        body["topics"] = json!([]);
        let (api_status, problem) = api_post(&client, &app, "/api/v1/outreach/sessions", &body).await;
        let (status, _, html) = post_form(&client, &app, "/outreach/sessions/new", &no_topics).await;
        assert_eq!((status, api_status), (StatusCode::BAD_REQUEST, StatusCode::BAD_REQUEST), "{problem}");
        assert_eq!(element_text(&html, "problem").as_deref(), problem["detail"].as_str());
        assert_eq!(written(&app.db).await, before, "{}: nothing written", app.backend);
    }
}

#[tokio::test]
async fn a_valid_form_schedules_and_the_session_page_shows_it_with_the_apis_warning() {
    for backend in backends() {
        let app = spawn_app(&backend).await;
        let world = world(&app).await;
        let client = browser(&world.token, Some(CSRF));
        let (status, html) = page(&client, &app, &format!("/outreach/sessions/new?team={}", world.team)).await;
        assert_eq!(status, StatusCode::OK, "{html}");
        assert!(html.contains("Ai Kham") && html.contains("Tai Lü (khb): native"), "members with languages: {html}");

        let before = written(&app.db).await;
        let session = Form {
            village: world.tai_lue,
            starts: (11, 9),
            language: "khb",
            presenters: &["ai", "yu"],
            interpreter: "",
        };
        let (status, location, body) =
            post_form(&client, &app, "/outreach/sessions/new", &world.form(&session, Some(CSRF))).await;
        assert_eq!(status, StatusCode::SEE_OTHER, "{}: {body}", app.backend);
        let location = location.expect("a location");
        let (sessions, presenters, audits) = written(&app.db).await;
        assert_eq!((sessions, presenters, audits), (before.0 + 1, before.1 + 2, before.2 + 1), "{}", app.backend);
        let stored = outreach_session::Entity::find().all(&app.db).await.expect("read");
        let id = stored.iter().map(|row| row.id).max().expect("a session");
        assert_eq!(location, format!("/outreach/sessions/{id}?scheduled=1"));
        let row = stored.iter().find(|row| row.id == id).expect("the row");
        assert_eq!((row.village_id, row.language.as_str()), (world.tai_lue, "khb"));
        assert_eq!(row.starts_at, local(2027, 3, 11, 9, 0), "the local time of the form, in the configured zone");
        assert_eq!(row.interpreter, None, "an empty interpreter field names nobody");

        let (status, html) = page(&client, &app, &location).await;
        assert_eq!(status, StatusCode::OK, "{html}");
        assert!(html.contains("id=\"status\" data-status=\"planned\""), "{html}");
        assert!(element_text(&html, "problem").is_none() && !html.contains("id=\"warnings\""), "{html}");
        assert!(html.contains("class=\"done\""), "the page says it was scheduled");
        assert!(html.contains("<li>Ai Kham</li><li>Yu Na</li>"), "{html}");
        assert!(
            html.contains("测试寨TL") && html.contains(&format!("/api/v1/outreach/sessions/{id}/notice?format=svg"))
        );
        assert!(html.contains(&format!("action=\"/outreach/sessions/{id}/cancel\"")), "the coordinator may cancel");
        assert!(html.contains("id=\"held-not-yet\""), "not held before it starts");

        // Chinese in the Hani village with an interpreter: the API schedules it with a warning,
        // and the page of that session gives the same warning.
        let with_interpreter =
            Form { village: world.hani, starts: (12, 9), language: "zh", presenters: &["zhang"], interpreter: "Li Mo" };
        let (status, created) =
            api_post(&client, &app, "/api/v1/outreach/sessions", &world.json(&with_interpreter)).await;
        assert_eq!(status, StatusCode::CREATED, "{created}");
        let warning = created["warnings"][0]["message"].as_str().expect("a warning").to_owned();
        let (_, html) = page(&client, &app, &format!("/outreach/sessions/{}", created["id"])).await;
        let shown = html.split("id=\"warnings\"").nth(1).expect("warnings shown").split("</div>").next().expect("");
        assert!(unescape(shown).contains(&warning), "{warning} in {shown}");

        // The same through the form: scheduled (303), the warning on its page.
        let through_form = Form { starts: (13, 9), ..with_interpreter };
        let (status, location, _) =
            post_form(&client, &app, "/outreach/sessions/new", &world.form(&through_form, Some(CSRF))).await;
        assert_eq!(status, StatusCode::SEE_OTHER, "{}", app.backend);
        let (_, html) = page(&client, &app, &location.expect("a location")).await;
        assert!(html.contains("id=\"warnings\"") && html.contains("Li Mo"), "{html}");

        // An official reads the page but gets no forms.
        let official = browser(&token_for(&app.db, "official.prefecture", "official", "532800").await, None);
        let (status, html) = page(&official, &app, &format!("/outreach/sessions/{id}")).await;
        assert_eq!(status, StatusCode::OK);
        assert!(!html.contains("<form class=\"outreach\""), "{html}");
    }
}

#[tokio::test]
async fn the_form_sets_its_csrf_token_and_posts_without_it_are_refused_and_write_nothing() {
    for backend in backends() {
        let app = spawn_app(&backend).await;
        let world = world(&app).await;
        // The page issues the token as a cookie and repeats it in the form.
        let fresh = browser(&world.token, None);
        let response =
            fresh.get(format!("{}/outreach/sessions/new?team={}", app.address, world.team)).send().await.expect("get");
        let cookie = response
            .headers()
            .get_all(SET_COOKIE)
            .iter()
            .filter_map(|value| value.to_str().ok())
            .find_map(|value| value.strip_prefix("banna_csrf="))
            .map(|value| value.split(';').next().expect("a value").to_owned())
            .expect("a CSRF cookie");
        let html = response.text().await.expect("text");
        assert!(html.contains(&format!("name=\"csrf\" value=\"{cookie}\"")), "{html}");

        let session =
            Form { village: world.tai_lue, starts: (15, 9), language: "khb", presenters: &["ai"], interpreter: "" };
        let before = written(&app.db).await;
        let with_cookie = browser(&world.token, Some(CSRF));
        let other = "0".repeat(64);
        for (client, csrf) in [(&with_cookie, None), (&with_cookie, Some(other.as_str())), (&fresh, Some(CSRF))] {
            let (status, _, _) = post_form(client, &app, "/outreach/sessions/new", &world.form(&session, csrf)).await;
            assert_eq!(status, StatusCode::FORBIDDEN, "{}: {csrf:?}", app.backend);
        }
        assert_eq!(written(&app.db).await, before, "{}", app.backend);

        // The held and cancel forms too.
        let id = world.planned(&with_cookie, &app, local(2024, 5, 1, 9, 0), &["border_law"]).await;
        let member = browser(&token_for(&app.db, "member.mengla", "outreach_member", MENGLA).await, Some(CSRF));
        let before = written(&app.db).await;
        for (path, form) in [
            (
                format!("/outreach/sessions/{id}/held"),
                vec![
                    ("csrf", other.clone()),
                    ("total", "5".to_owned()),
                    ("women", "2".to_owned()),
                    ("under18", "1".to_owned()),
                    ("topic", "border_law".to_owned()),
                ],
            ),
            (format!("/outreach/sessions/{id}/cancel"), vec![("reason", "rain".to_owned())]),
        ] {
            let (status, _, _) = post_form(&with_cookie, &app, &path, &form).await;
            assert_eq!(status, StatusCode::FORBIDDEN, "{}: {path}", app.backend);
        }
        assert_eq!(written(&app.db).await, before);
        assert_eq!(status_of(&app.db, id).await, "planned");

        // A member of a team with the right token may not schedule: 403, nothing written.
        let (status, _, _) =
            post_form(&member, &app, "/outreach/sessions/new", &world.form(&session, Some(CSRF))).await;
        assert_eq!(status, StatusCode::FORBIDDEN);
        let (status, _, _) = post_form(
            &member,
            &app,
            &format!("/outreach/sessions/{id}/cancel"),
            &[("csrf", CSRF.to_owned()), ("reason", "rain".to_owned())],
        )
        .await;
        assert_eq!(status, StatusCode::FORBIDDEN);
        assert_eq!(written(&app.db).await, before);
    }
}

#[tokio::test]
async fn the_held_and_cancel_forms_move_a_planned_session_and_say_why_when_they_cannot() {
    for backend in backends() {
        let app = spawn_app(&backend).await;
        let world = world(&app).await;
        let client = browser(&world.token, Some(CSRF));
        let mut ids = Vec::new();
        for day in [1, 2] {
            ids.push(world.planned(&client, &app, local(2024, 5, day, 9, 0), &["border_law", "anti_drug"]).await);
        }
        let (first, second) = (ids[0], ids[1]);
        let held_path = format!("/outreach/sessions/{first}/held");
        let (_, html) = page(&client, &app, &format!("/outreach/sessions/{first}")).await;
        assert!(html.contains(&format!("action=\"{held_path}\"")), "a started session gets the held form");
        assert!(html.contains("value=\"anti_drug\" checked>"), "the planned topics are ticked");

        // More women than people: the API's words, the values kept, nothing written.
        let too_many = [
            ("csrf", CSRF.to_owned()),
            ("total", "10".to_owned()),
            ("women", "12".to_owned()),
            ("under18", "3".to_owned()),
            ("topic", "anti_drug".to_owned()),
        ];
        let (api_status, problem) = api_post(
            &client,
            &app,
            &format!("/api/v1/outreach/sessions/{first}/held"),
            &json!({ "attendance": { "total": 10, "women": 12, "under18": 3 }, "topics_covered": ["anti_drug"] }),
        )
        .await;
        let before = written(&app.db).await;
        let (status, _, html) = post_form(&client, &app, &held_path, &too_many).await;
        assert_eq!((status, api_status), (StatusCode::BAD_REQUEST, StatusCode::BAD_REQUEST), "{problem}");
        assert_eq!(element_text(&html, "held-problem").as_deref(), problem["detail"].as_str(), "{html}");
        assert!(html.contains("name=\"women\"") && html.contains("value=\"12\""), "kept: {html}");
        assert!(html.contains("value=\"border_law\">") && html.contains("value=\"anti_drug\" checked>"));
        assert_eq!(written(&app.db).await, before);

        let held = [
            ("csrf", CSRF.to_owned()),
            ("total", "40".to_owned()),
            ("women", "18".to_owned()),
            ("under18", "6".to_owned()),
            ("topic", "border_law".to_owned()),
        ];
        let (status, location, _) = post_form(&client, &app, &held_path, &held).await;
        assert_eq!(status, StatusCode::SEE_OTHER, "{}", app.backend);
        assert_eq!(location.as_deref(), Some(format!("/outreach/sessions/{first}").as_str()));
        assert_eq!(status_of(&app.db, first).await, "held");
        let (_, html) = page(&client, &app, &format!("/outreach/sessions/{first}")).await;
        assert!(html.contains("data-status=\"held\""));
        assert_eq!(element_text(&html, "attendance").as_deref().map(|text| text.contains("40")), Some(true));
        assert!(!html.contains("<form class=\"outreach\""), "no forms once held");

        // Cancelling a held session: the API's conflict, shown on the page.
        let (api_status, problem) =
            api_post(&client, &app, &format!("/api/v1/outreach/sessions/{first}/cancel"), &json!({ "reason": "rain" }))
                .await;
        let (status, _, html) = post_form(
            &client,
            &app,
            &format!("/outreach/sessions/{first}/cancel"),
            &[("csrf", CSRF.to_owned()), ("reason", "rain".to_owned())],
        )
        .await;
        assert_eq!((status, api_status), (StatusCode::CONFLICT, StatusCode::CONFLICT), "{problem}");
        assert_eq!(element_text(&html, "problem").as_deref(), problem["detail"].as_str(), "{html}");
        assert_eq!(status_of(&app.db, first).await, "held");

        // Cancelling without a reason is refused; with one the session is cancelled.
        let cancel_path = format!("/outreach/sessions/{second}/cancel");
        let (status, _, html) =
            post_form(&client, &app, &cancel_path, &[("csrf", CSRF.to_owned()), ("reason", "  ".to_owned())]).await;
        assert_eq!(status, StatusCode::BAD_REQUEST);
        assert!(element_text(&html, "cancel-problem").is_some(), "{html}");
        assert_eq!(status_of(&app.db, second).await, "planned");
        let (status, location, _) = post_form(
            &client,
            &app,
            &cancel_path,
            &[("csrf", CSRF.to_owned()), ("reason", "The road to the village is flooded".to_owned())],
        )
        .await;
        assert_eq!((status, location), (StatusCode::SEE_OTHER, Some(format!("/outreach/sessions/{second}"))));
        assert_eq!(status_of(&app.db, second).await, "cancelled");
        let (_, html) = page(&client, &app, &format!("/outreach/sessions/{second}")).await;
        assert_eq!(element_text(&html, "cancel-reason").as_deref(), Some("The road to the village is flooded"));

        // A future session cannot be held yet: the form waits, a post is the API's conflict.
        let future = world.planned(&client, &app, local(2099, 5, 1, 9, 0), &["border_law"]).await;
        let (status, _, html) = post_form(&client, &app, &format!("/outreach/sessions/{future}/held"), &held).await;
        assert_eq!(status, StatusCode::CONFLICT);
        assert!(element_text(&html, "held-problem").is_some() && html.contains("id=\"held-not-yet\""), "{html}");
        assert_eq!(status_of(&app.db, future).await, "planned");
    }
}

#[tokio::test]
async fn a_county_coordinator_cannot_schedule_in_another_countys_village() {
    for backend in backends() {
        let app = spawn_app(&backend).await;
        let world = world(&app).await;
        let client = browser(&world.token, Some(CSRF));
        let session =
            Form { village: world.menghai, starts: (16, 9), language: "khb", presenters: &["ai"], interpreter: "" };
        let before = written(&app.db).await;
        let (api_status, problem) = api_post(&client, &app, "/api/v1/outreach/sessions", &world.json(&session)).await;
        assert_eq!(api_status, StatusCode::NOT_FOUND, "{problem}");
        let (status, _, html) =
            post_form(&client, &app, "/outreach/sessions/new", &world.form(&session, Some(CSRF))).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{}: {html}", app.backend);
        assert_eq!(element_text(&html, "problem").as_deref(), problem["detail"].as_str());
        assert!(!html.contains("测试寨MH"), "the other county's village is not offered");
        assert_eq!(written(&app.db).await, before, "{}", app.backend);

        // Named in the address, it is the same 404.
        let (status, html) =
            page(&client, &app, &format!("/outreach/sessions/new?team={}&village={}", world.team, world.menghai)).await;
        assert_eq!(status, StatusCode::NOT_FOUND);
        assert_eq!(element_text(&html, "problem").as_deref(), problem["detail"].as_str());

        // A Menghai session scheduled by the prefecture's admin is not found for Mengla.
        let (status, team) = api_post(
            &app.client,
            &app,
            "/api/v1/outreach/teams",
            &json!({
                "code": "MH-01", "name_zh": "勐海普法第1队", "admin_unit": MENGHAI,
                "members": [{ "name": "Ai Lun", "languages": [{ "language": "khb", "level": "native" }] }],
            }),
        )
        .await;
        assert_eq!(status, StatusCode::CREATED, "{team}");
        let (status, created) = api_post(
            &app.client,
            &app,
            "/api/v1/outreach/sessions",
            &json!({
                "team_id": team["id"], "village_id": world.menghai,
                "starts_at": local(2024, 5, 1, 9, 0).to_rfc3339(), "ends_at": local(2024, 5, 1, 11, 0).to_rfc3339(),
                "language": "khb", "topics": ["border_law"], "presenter_ids": [team["members"][0]["id"]],
            }),
        )
        .await;
        assert_eq!(status, StatusCode::CREATED, "{created}");
        let id = created["id"].as_i64().expect("id");
        let (status, _) = page(&client, &app, &format!("/outreach/sessions/{id}")).await;
        assert_eq!(status, StatusCode::NOT_FOUND);
        let (status, _, _) = post_form(
            &client,
            &app,
            &format!("/outreach/sessions/{id}/cancel"),
            &[("csrf", CSRF.to_owned()), ("reason", "not ours".to_owned())],
        )
        .await;
        assert_eq!(status, StatusCode::NOT_FOUND);
        assert_eq!(status_of(&app.db, id).await, "planned");
    }
}
