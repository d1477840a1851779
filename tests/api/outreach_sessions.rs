//! Outreach teams and sessions through the API: teams with members' languages and levels,
//! scoped to the coordinator's county; every scheduling rule refused by name with nothing
//! written; the interpreter's warning; sessions kept apart by the travel time between their
//! villages (computed here from the villages' coordinates with geo's geodesic distance);
//! the moves planned → held or cancelled; scoped lists and filters; the iCalendar feed behind
//! a secret address; and the demo's sessions against the same rules.

use std::collections::HashMap;

use banna_border::store::entities::{
    audit_event, outreach_member, outreach_member_language, outreach_session, outreach_session_presenter,
    outreach_team, user, village, village_language,
};
use chrono::{DateTime, Duration, TimeZone, Utc};
use geo::{Distance, Geodesic, Point};
use reqwest::StatusCode;
use sea_orm::ActiveValue::{NotSet, Set};
use sea_orm::{ActiveModelTrait, ColumnTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter};
use serde_json::{Value, json};

use crate::fixtures::unit_id;
use crate::helpers::{TestApp, backends, client_with, spawn_app, spawn_app_with_demo, token_for};

/// Mengla, where the coordinator works; Menghai, outside their jurisdiction.
const MENGLA: &str = "532823";
const MENGHAI: &str = "532822";

async fn add_village(
    db: &DatabaseConnection,
    code: &str,
    county: &str,
    (lon, lat): (f64, f64),
    languages: &[&str],
) -> i32 {
    let id = village::ActiveModel {
        id: NotSet,
        code: Set(code.to_owned()),
        name_zh: Set(format!("测试寨{code}")),
        name_en: Set(Some(format!("Village {code}"))),
        name_local: Set(Some(format!("ᦢᦸᧃ{code}"))),
        name_local_lang: Set(Some("khb".to_owned())),
        admin_unit_id: Set(unit_id(db, county).await),
        households: Set(20),
        population: Set(80),
        ethnic_groups: Set(json!(["dai"])),
        is_key: Set(true),
        lon: Set(lon),
        lat: Set(lat),
        border_km: Set(None),
        distance_m: Set(None),
        section: Set(None),
        side: Set(None),
        is_demo: Set(false),
    }
    .insert(db)
    .await
    .expect("insert village")
    .id;
    for (position, language) in languages.iter().enumerate() {
        village_language::ActiveModel {
            village_id: Set(id),
            position: Set(i32::try_from(position).expect("small")),
            language: Set((*language).to_owned()),
        }
        .insert(db)
        .await
        .expect("insert village language");
    }
    id
}

/// What a write may leave behind: sessions, presenters and audit events.
async fn written(db: &DatabaseConnection) -> (u64, u64, u64) {
    (
        outreach_session::Entity::find().count(db).await.expect("count"),
        outreach_session_presenter::Entity::find().count(db).await.expect("count"),
        audit_event::Entity::find().count(db).await.expect("count"),
    )
}

async fn send(client: &reqwest::Client, app: &TestApp, path: &str, body: &Value) -> (StatusCode, Value) {
    let response = client
        .post(format!("{}{path}", app.address))
        .header("Accept-Language", "en")
        .json(body)
        .send()
        .await
        .expect("post");
    let status = response.status();
    (status, response.json().await.unwrap_or(Value::Null))
}

async fn read(client: &reqwest::Client, app: &TestApp, path: &str) -> (StatusCode, Value) {
    let response = client.get(format!("{}{path}", app.address)).send().await.expect("get");
    let status = response.status();
    (status, response.json().await.unwrap_or(Value::Null))
}

/// A local (Asia/Shanghai) time written as the API takes it.
fn at(year: i32, month: u32, day: u32, hour: u32, minute: u32) -> String {
    local(year, month, day, hour, minute).to_rfc3339()
}

fn local(year: i32, month: u32, day: u32, hour: u32, minute: u32) -> DateTime<Utc> {
    chrono_tz::Asia::Shanghai.with_ymd_and_hms(year, month, day, hour, minute, 0).single().expect("time").to_utc()
}

/// The coordinator of Mengla, a team of three there, three villages (two Tai Lü, one Hani) in
/// Mengla and one in Menghai.
struct World {
    coordinator: reqwest::Client,
    team: i64,
    /// Ai Kham (Tai Lü native, Chinese fluent), Yu Na (Hani fluent, Tai Lü basic), Zhang Wei
    /// (Chinese native), by name.
    members: HashMap<&'static str, i64>,
    villages: HashMap<&'static str, (i32, (f64, f64))>,
}

const MANZHANG: (f64, f64) = (101.50, 21.40);
const MANLA: (f64, f64) = (101.62, 21.52);
const HANI_VILLAGE: (f64, f64) = (101.45, 21.30);
const MENGHAI_VILLAGE: (f64, f64) = (100.45, 21.95);

async fn world(app: &TestApp) -> World {
    let coordinator = client_with(&token_for(&app.db, "coordinator.mengla", "outreach_coordinator", MENGLA).await);
    let mut villages = HashMap::new();
    villages.insert("manzhang", (add_village(&app.db, "MZ", MENGLA, MANZHANG, &["khb", "zh"]).await, MANZHANG));
    villages.insert("manla", (add_village(&app.db, "ML", MENGLA, MANLA, &["khb", "lo", "zh"]).await, MANLA));
    villages.insert("hani", (add_village(&app.db, "HN", MENGLA, HANI_VILLAGE, &["hni"]).await, HANI_VILLAGE));
    villages.insert(
        "menghai",
        (add_village(&app.db, "MH", MENGHAI, MENGHAI_VILLAGE, &["khb", "zh"]).await, MENGHAI_VILLAGE),
    );
    let (status, team) = send(
        &coordinator,
        app,
        "/api/v1/outreach/teams",
        &json!({
            "code": "ML-01",
            "name_zh": "勐腊普法第1队",
            "name_en": "Mengla team 1",
            "admin_unit": MENGLA,
            "members": [
                { "name": "Ai Kham", "languages": [{ "language": "khb", "level": "native" }, { "language": "zh", "level": "fluent" }] },
                { "name": "Yu Na", "languages": [{ "language": "hni", "level": "fluent" }, { "language": "khb", "level": "basic" }] },
                { "name": "Zhang Wei", "languages": [{ "language": "zh-CN", "level": "native" }] },
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
            let name = match member["name"].as_str().expect("name") {
                "Ai Kham" => "ai",
                "Yu Na" => "yu",
                _ => "zhang",
            };
            (name, member["id"].as_i64().expect("id"))
        })
        .collect();
    World { coordinator, team: team["id"].as_i64().expect("id"), members, villages }
}

impl World {
    fn village(&self, name: &str) -> i32 {
        self.villages[name].0
    }

    fn session(&self, village: &str, starts_at: String, ends_at: String, language: &str, presenters: &[&str]) -> Value {
        json!({
            "team_id": self.team,
            "village_id": self.village(village),
            "starts_at": starts_at,
            "ends_at": ends_at,
            "language": language,
            "topics": ["border_law", "anti_fraud"],
            "presenter_ids": presenters.iter().map(|name| self.members[name]).collect::<Vec<_>>(),
        })
    }
}

/// Minutes to go by road between two points: geodesic km × 1.4 at 30 km/h, rounded up.
fn travel_minutes(a: (f64, f64), b: (f64, f64)) -> i64 {
    let metres = Geodesic.distance(Point::new(a.0, a.1), Point::new(b.0, b.1));
    (metres / 1000.0 * 1.4 / 30.0 * 60.0).ceil() as i64
}

#[tokio::test]
async fn teams_carry_their_members_languages_and_levels_within_the_jurisdiction() {
    for backend in backends() {
        let app = spawn_app(&backend).await;
        let world = world(&app).await;
        let (status, body) = read(&world.coordinator, &app, "/api/v1/outreach/teams").await;
        assert_eq!(status, StatusCode::OK, "{}", app.backend);
        let teams = body["teams"].as_array().expect("teams");
        assert_eq!(teams.len(), 1);
        assert_eq!(teams[0]["county"]["code"], MENGLA);
        let ai = &teams[0]["members"][0];
        assert_eq!(ai["name"], "Ai Kham");
        let levels: Vec<(String, String)> = ai["languages"]
            .as_array()
            .expect("languages")
            .iter()
            .map(|item| {
                (item["language"].as_str().expect("code").to_owned(), item["level"].as_str().expect("level").to_owned())
            })
            .collect();
        assert!(levels.contains(&("khb".into(), "native".into())) && levels.contains(&("zh".into(), "fluent".into())));
        // Stored as written: the tag zh-CN is kept as its language, zh.
        let stored = outreach_member_language::Entity::find()
            .filter(outreach_member_language::Column::MemberId.eq(world.members["zhang"] as i32))
            .all(&app.db)
            .await
            .expect("read");
        assert_eq!(
            stored.iter().map(|row| (row.language.as_str(), row.level.as_str())).collect::<Vec<_>>(),
            [("zh", "native")]
        );

        // A Menghai coordinator sees none of it, nor may place a team in Mengla.
        let menghai = client_with(&token_for(&app.db, "coordinator.menghai", "outreach_coordinator", MENGHAI).await);
        let (_, other) = read(&menghai, &app, "/api/v1/outreach/teams").await;
        assert_eq!(other["teams"], json!([]), "{}", app.backend);
        let team_body = |code: &str, unit: &str, name: &str| {
            json!({ "code": code, "name_zh": "队", "admin_unit": unit,
                    "members": [{ "name": name, "languages": [{ "language": "zh", "level": "native" }] }] })
        };
        let teams_before = outreach_team::Entity::find().count(&app.db).await.expect("count");
        let (status, problem) = send(&menghai, &app, "/api/v1/outreach/teams", &team_body("MH-X", MENGLA, "A")).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{problem}");
        // The code is taken; Zawgyi in a member's name is refused with the field and the sign.
        let (status, _) =
            send(&world.coordinator, &app, "/api/v1/outreach/teams", &team_body("ML-01", MENGLA, "B")).await;
        assert_eq!(status, StatusCode::CONFLICT);
        let zawgyi_name = "\u{1031}\u{1000}\u{103A}\u{1038}";
        let (status, problem) =
            send(&world.coordinator, &app, "/api/v1/outreach/teams", &team_body("ML-02", MENGLA, zawgyi_name)).await;
        assert_eq!(status, StatusCode::BAD_REQUEST);
        let detail = problem["detail"].as_str().expect("detail");
        assert!(
            detail.contains("members[0].name") && detail.contains("Zawgyi") && detail.contains("U+1031"),
            "{detail}"
        );
        assert_eq!(outreach_team::Entity::find().count(&app.db).await.expect("count"), teams_before, "nothing written");
        // Members of the outreach team read; they do not write.
        let member = client_with(&token_for(&app.db, "member.mengla", "outreach_member", MENGLA).await);
        assert_eq!(read(&member, &app, "/api/v1/outreach/teams").await.0, StatusCode::OK);
        assert_eq!(
            send(&member, &app, "/api/v1/outreach/teams", &team_body("ML-03", MENGLA, "C")).await.0,
            StatusCode::FORBIDDEN
        );
    }
}

#[tokio::test]
async fn each_scheduling_rule_refuses_by_name_and_writes_nothing() {
    for backend in backends() {
        let app = spawn_app(&backend).await;
        let world = world(&app).await;
        let day = |hour| at(2030, 5, 10, hour, 0);
        let before = written(&app.db).await;
        let refusals: Vec<(Value, StatusCode, Vec<String>)> = vec![
            // A presenter from nowhere in the team.
            (
                json!({ "presenter_ids": [world.members["ai"], 999_999] }),
                StatusCode::BAD_REQUEST,
                vec!["999999".into(), "勐腊普法第1队".into()],
            ),
            // Tai Lü, but Yu Na speaks it only at basic level and Zhang Wei not at all.
            (
                json!({ "presenter_ids": [world.members["yu"], world.members["zhang"]] }),
                StatusCode::BAD_REQUEST,
                vec!["khb".into(), "Yu Na: basic".into(), "Zhang Wei: —".into()],
            ),
            // Hani in a village that lists Tai Lü and Chinese, without an interpreter.
            (
                json!({ "language": "hni", "presenter_ids": [world.members["yu"]] }),
                StatusCode::BAD_REQUEST,
                vec!["测试寨MZ".into(), "hni".into(), "khb, zh".into()],
            ),
            (json!({ "ends_at": day(9) }), StatusCode::BAD_REQUEST, vec![]),
            (json!({ "language": "fr" }), StatusCode::BAD_REQUEST, vec!["fr".into()]),
            (json!({ "topics": ["astrology"] }), StatusCode::BAD_REQUEST, vec!["astrology".into()]),
            // A Menghai village is outside the coordinator's jurisdiction: not found.
            (json!({ "village_id": world.village("menghai") }), StatusCode::NOT_FOUND, vec![]),
            (json!({ "team_id": 999_999 }), StatusCode::NOT_FOUND, vec![]),
            // Zawgyi in the interpreter's name (U+1039 closing a syllable).
            (
                json!({ "interpreter": "\u{1010}\u{1004}\u{1039}" }),
                StatusCode::BAD_REQUEST,
                vec!["interpreter".into(), "U+1039".into()],
            ),
        ];
        for (changes, expected, words) in refusals {
            let mut body = world.session("manzhang", day(9), day(11), "khb", &["ai"]);
            for (key, value) in changes.as_object().expect("object") {
                body[key] = value.clone();
            }
            let (status, problem) = send(&world.coordinator, &app, "/api/v1/outreach/sessions", &body).await;
            assert_eq!(status, expected, "{}: {changes} → {problem}", app.backend);
            let detail = problem["detail"].as_str().expect("a problem detail");
            for word in words {
                assert!(detail.contains(&word), "{changes}: {word:?} in {detail}");
            }
            assert_eq!(written(&app.db).await, before, "{changes}: nothing written");
        }
        // The same session with Ai Kham, fluent in Tai Lü, is scheduled and audited.
        let body = world.session("manzhang", day(9), day(11), "khb", &["ai", "zhang"]);
        let (status, created) = send(&world.coordinator, &app, "/api/v1/outreach/sessions", &body).await;
        assert_eq!(status, StatusCode::CREATED, "{created}");
        assert_eq!(created["status"], "planned");
        assert_eq!(created["warnings"], json!([]));
        assert_eq!(created["presenter_ids"], json!([world.members["ai"], world.members["zhang"]]));
        assert_eq!(created["village"]["languages"], json!(["khb", "zh"]));
        assert_eq!(written(&app.db).await, (before.0 + 1, before.1 + 2, before.2 + 1));
        // An official reads sessions but may not schedule.
        let official = client_with(&token_for(&app.db, "official.mengla", "official", MENGLA).await);
        let (status, _) = send(&official, &app, "/api/v1/outreach/sessions", &body).await;
        assert_eq!(status, StatusCode::FORBIDDEN);
    }
}

#[tokio::test]
async fn an_unlisted_language_is_scheduled_with_an_interpreter_and_a_warning() {
    for backend in backends() {
        let app = spawn_app(&backend).await;
        let world = world(&app).await;
        // Chinese in the Hani village, which lists only Hani.
        let mut body = world.session("hani", at(2030, 6, 1, 9, 0), at(2030, 6, 1, 10, 30), "zh", &["zhang"]);
        body["interpreter"] = json!("Bo Lan");
        // The signed-in user's saved language (zh-CN) comes before Accept-Language: ask with ?lang=.
        let (status, created) = send(&world.coordinator, &app, "/api/v1/outreach/sessions?lang=en", &body).await;
        assert_eq!(status, StatusCode::CREATED, "{}: {created}", app.backend);
        let warnings = created["warnings"].as_array().expect("warnings");
        assert_eq!(warnings.len(), 1);
        assert_eq!(warnings[0]["code"], "village_language_not_listed");
        let message = warnings[0]["message"].as_str().expect("message");
        assert!(message.contains("Bo Lan") && message.contains("Chinese") && message.contains("hni"), "{message}");
        assert_eq!(created["interpreter"], "Bo Lan");
        let stored = outreach_session::Entity::find_by_id(created["id"].as_i64().expect("id") as i32)
            .one(&app.db)
            .await
            .expect("read")
            .expect("stored");
        assert_eq!(stored.interpreter.as_deref(), Some("Bo Lan"));
        // In Chinese when asked for it.
        let mut second = world.session("hani", at(2030, 6, 2, 9, 0), at(2030, 6, 2, 10, 30), "zh", &["zhang"]);
        second["interpreter"] = json!("波兰");
        let response = world
            .coordinator
            .post(format!("{}/api/v1/outreach/sessions?lang=zh-CN", app.address))
            .json(&second)
            .send()
            .await
            .expect("post");
        let chinese: Value = response.json().await.expect("json");
        let message = chinese["warnings"][0]["message"].as_str().expect("message");
        assert!(message.contains("汉语") && message.contains("波兰"), "{message}");
    }
}

#[tokio::test]
async fn sessions_are_kept_apart_by_the_travel_time_between_their_villages() {
    for backend in backends() {
        let app = spawn_app(&backend).await;
        let world = world(&app).await;
        let needed = travel_minutes(MANZHANG, MANLA);
        assert!(needed > 30, "the villages are far enough apart to matter: {needed} minutes");
        let first = world.session("manzhang", at(2030, 7, 1, 9, 0), at(2030, 7, 1, 11, 0), "khb", &["ai"]);
        let (status, first) = send(&world.coordinator, &app, "/api/v1/outreach/sessions", &first).await;
        assert_eq!(status, StatusCode::CREATED, "{first}");
        let first_id = first["id"].as_i64().expect("id");
        let end = local(2030, 7, 1, 11, 0);
        let time = |at: DateTime<Utc>| at.to_rfc3339();
        // The team starting at Manla one minute too early (Zhang Wei presenting, in Chinese).
        let before = written(&app.db).await;
        let early = end + Duration::minutes(needed - 1);
        let body = world.session("manla", time(early), time(early + Duration::hours(1)), "zh", &["zhang"]);
        let (status, problem) = send(&world.coordinator, &app, "/api/v1/outreach/sessions", &body).await;
        assert_eq!(status, StatusCode::CONFLICT, "{}: {problem}", app.backend);
        let detail = problem["detail"].as_str().expect("detail");
        assert!(detail.contains("勐腊普法第1队"), "the team is named: {detail}");
        assert!(detail.contains(&format!("session {first_id}")), "{detail}");
        assert!(detail.contains(&format!("{needed} minutes")), "{detail}");
        assert!(detail.contains(&format!("leave {} minutes", needed - 1)), "{detail}");
        assert_eq!(written(&app.db).await, before, "nothing written");
        // The same presenter: Ai Kham is named.
        let body = world.session("manla", time(early), time(early + Duration::hours(1)), "khb", &["ai"]);
        let (status, problem) = send(&world.coordinator, &app, "/api/v1/outreach/sessions", &body).await;
        assert_eq!(status, StatusCode::CONFLICT);
        assert!(problem["detail"].as_str().expect("detail").starts_with("Ai Kham"), "{problem}");
        // Exactly the travel time later is fine.
        let in_time = end + Duration::minutes(needed);
        let body = world.session("manla", time(in_time), time(in_time + Duration::hours(1)), "zh", &["zhang"]);
        let (status, created) = send(&world.coordinator, &app, "/api/v1/outreach/sessions", &body).await;
        assert_eq!(status, StatusCode::CREATED, "{created}");

        // A presenter who is the same user in another team is booked there too.
        token_for(&app.db, "person.ai", "outreach_member", MENGLA).await;
        let person_id = user::Entity::find()
            .filter(user::Column::Username.eq("person.ai"))
            .one(&app.db)
            .await
            .expect("read")
            .expect("user")
            .id;
        let mut ai: outreach_member::ActiveModel = outreach_member::Entity::find_by_id(world.members["ai"] as i32)
            .one(&app.db)
            .await
            .expect("read")
            .expect("member")
            .into();
        ai.user_id = Set(Some(person_id));
        ai.update(&app.db).await.expect("link the user");
        let (status, other_team) = send(
            &world.coordinator,
            &app,
            "/api/v1/outreach/teams",
            &json!({ "code": "ML-02", "name_zh": "勐腊普法第2队", "admin_unit": MENGLA, "members": [
                { "name": "Ai Kham", "user_id": person_id, "languages": [{ "language": "khb", "level": "native" }] },
            ] }),
        )
        .await;
        assert_eq!(status, StatusCode::CREATED, "{other_team}");
        let overlapping = json!({
            "team_id": other_team["id"],
            "village_id": world.village("manzhang"),
            "starts_at": at(2030, 7, 1, 10, 0),
            "ends_at": at(2030, 7, 1, 12, 0),
            "language": "khb",
            "topics": ["anti_drug"],
            "presenter_ids": [other_team["members"][0]["id"]],
        });
        let (status, problem) = send(&world.coordinator, &app, "/api/v1/outreach/sessions", &overlapping).await;
        assert_eq!(status, StatusCode::CONFLICT, "{problem}");
        let detail = problem["detail"].as_str().expect("detail");
        assert!(detail.starts_with("Ai Kham") && detail.contains(&format!("session {first_id}")), "{detail}");
        // Once the first session is cancelled, its time is free again.
        let (status, _) = send(
            &world.coordinator,
            &app,
            &format!("/api/v1/outreach/sessions/{first_id}/cancel"),
            &json!({ "reason": "雨季道路中断" }),
        )
        .await;
        assert_eq!(status, StatusCode::OK);
        let (status, created) = send(&world.coordinator, &app, "/api/v1/outreach/sessions", &overlapping).await;
        assert_eq!(status, StatusCode::CREATED, "{created}");
    }
}

#[tokio::test]
async fn sessions_move_from_planned_to_held_or_cancelled_once() {
    for backend in backends() {
        let app = spawn_app(&backend).await;
        let world = world(&app).await;
        let schedule = |body: Value| {
            let world = &world;
            let app = &app;
            async move {
                let (status, created) = send(&world.coordinator, app, "/api/v1/outreach/sessions", &body).await;
                assert_eq!(status, StatusCode::CREATED, "{created}");
                created["id"].as_i64().expect("id")
            }
        };
        let past =
            schedule(world.session("manzhang", at(2025, 3, 1, 9, 0), at(2025, 3, 1, 11, 0), "khb", &["ai"])).await;
        let future =
            schedule(world.session("manla", at(2031, 3, 1, 9, 0), at(2031, 3, 1, 11, 0), "khb", &["ai"])).await;
        let held = |total: i64, women: i64, under18: i64| json!({ "attendance": { "total": total, "women": women, "under18": under18 }, "topics_covered": ["border_law", "anti_drug"] });
        let path = |id: i64, action: &str| format!("/api/v1/outreach/sessions/{id}/{action}");
        let before = written(&app.db).await;
        // Women or under-18s beyond the total, and a session not yet begun, change nothing.
        for (id, body, expected) in [
            (past, held(40, 41, 3), StatusCode::BAD_REQUEST),
            (past, held(40, 20, 41), StatusCode::BAD_REQUEST),
            (past, json!({ "topics_covered": ["border_law"] }), StatusCode::BAD_REQUEST),
            (future, held(40, 20, 3), StatusCode::CONFLICT),
        ] {
            let (status, problem) = send(&world.coordinator, &app, &path(id, "held"), &body).await;
            assert_eq!(status, expected, "{}: {body} → {problem}", app.backend);
        }
        assert_eq!(written(&app.db).await, before);
        let (status, session) = send(&world.coordinator, &app, &path(past, "held"), &held(40, 22, 5)).await;
        assert_eq!(status, StatusCode::OK, "{session}");
        assert_eq!(session["status"], "held");
        assert_eq!(session["attendance"], json!({ "total": 40, "women": 22, "under18": 5 }));
        assert_eq!(session["topics_covered"], json!(["border_law", "anti_drug"]));
        // Held is final: neither held again nor cancelled.
        let (status, problem) = send(&world.coordinator, &app, &path(past, "held"), &held(41, 22, 5)).await;
        assert_eq!(status, StatusCode::CONFLICT);
        assert!(problem["detail"].as_str().expect("detail").contains("held already"), "{problem}");
        let (status, _) = send(&world.coordinator, &app, &path(past, "cancel"), &json!({ "reason": "late" })).await;
        assert_eq!(status, StatusCode::CONFLICT);
        // Cancelling needs a reason, and Unicode Burmese is fine while Zawgyi is not.
        let (status, _) = send(&world.coordinator, &app, &path(future, "cancel"), &json!({})).await;
        assert_eq!(status, StatusCode::BAD_REQUEST);
        let (status, _) = send(
            &world.coordinator,
            &app,
            &path(future, "cancel"),
            &json!({ "reason": "\u{1019}\u{102D}\u{102F}\u{1038}\u{101B}\u{103C}\u{102C}\u{1011}\u{1039}" }),
        )
        .await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "Zawgyi");
        let unicode_rain = "\u{1019}\u{102D}\u{102F}\u{1038}\u{101B}\u{103D}\u{102C}";
        let (status, session) =
            send(&world.coordinator, &app, &path(future, "cancel"), &json!({ "reason": unicode_rain })).await;
        assert_eq!(status, StatusCode::OK, "{session}");
        assert_eq!(
            (session["status"].as_str(), session["cancel_reason"].as_str()),
            (Some("cancelled"), Some(unicode_rain))
        );
        let (status, _) = send(&world.coordinator, &app, &path(future, "held"), &held(1, 0, 0)).await;
        assert_eq!(status, StatusCode::CONFLICT);
        // Each move is audited with the state before and after.
        let events = audit_event::Entity::find()
            .filter(audit_event::Column::RecordType.eq("outreach_session"))
            .all(&app.db)
            .await
            .expect("read");
        let actions: Vec<(String, String)> =
            events.iter().map(|event| (event.action.clone(), event.record_id.clone())).collect();
        for expected in [("create", past), ("create", future), ("hold", past), ("cancel", future)] {
            assert!(actions.contains(&(expected.0.to_owned(), expected.1.to_string())), "{expected:?} in {actions:?}");
        }
        let hold = events.iter().find(|event| event.action == "hold").expect("hold event");
        assert_eq!(hold.before.as_ref().map(|before| before["status"].clone()), Some(json!("planned")));
        assert_eq!(hold.after.as_ref().map(|after| after["status"].clone()), Some(json!("held")));
        // Somebody else's jurisdiction: not found.
        let menghai = client_with(&token_for(&app.db, "coordinator.menghai", "outreach_coordinator", MENGHAI).await);
        let (status, _) = send(&menghai, &app, &path(past, "cancel"), &json!({ "reason": "x" })).await;
        assert_eq!(status, StatusCode::NOT_FOUND);
    }
}

#[tokio::test]
async fn the_session_list_is_scoped_and_filtered() {
    for backend in backends() {
        let app = spawn_app(&backend).await;
        let world = world(&app).await;
        let mut ids = Vec::new();
        for (village, day) in [("manzhang", 2), ("manla", 9), ("manzhang", 16)] {
            let body = world.session(village, at(2030, 8, day, 9, 0), at(2030, 8, day, 11, 0), "khb", &["ai"]);
            let (status, created) = send(&world.coordinator, &app, "/api/v1/outreach/sessions", &body).await;
            assert_eq!(status, StatusCode::CREATED, "{created}");
            ids.push(created["id"].as_i64().expect("id"));
        }
        let (_, _) = send(
            &world.coordinator,
            &app,
            &format!("/api/v1/outreach/sessions/{}/cancel", ids[1]),
            &json!({ "reason": "雨" }),
        )
        .await;
        // Another county's session, written directly.
        let admin_team = outreach_team::ActiveModel {
            id: NotSet,
            code: Set("MH-01".into()),
            name_zh: Set("勐海普法第1队".into()),
            name_en: Set(None),
            admin_unit_id: Set(unit_id(&app.db, MENGHAI).await),
            is_demo: Set(false),
        }
        .insert(&app.db)
        .await
        .expect("team");
        let elsewhere = outreach_session::ActiveModel {
            id: NotSet,
            team_id: Set(admin_team.id),
            village_id: Set(world.village("menghai")),
            starts_at: Set(local(2030, 8, 3, 9, 0)),
            ends_at: Set(local(2030, 8, 3, 11, 0)),
            language: Set("khb".into()),
            topics: Set(json!(["border_law"])),
            status: Set("planned".into()),
            attendance_total: Set(None),
            attendance_women: Set(None),
            attendance_under18: Set(None),
            cancel_reason: Set(None),
            interpreter: Set(None),
            topics_covered: Set(None),
            created_at: Set(Utc::now()),
            is_demo: Set(false),
        }
        .insert(&app.db)
        .await
        .expect("session");
        let listed = |body: &Value| -> Vec<i64> {
            body["sessions"]
                .as_array()
                .expect("sessions")
                .iter()
                .map(|session| session["id"].as_i64().expect("id"))
                .collect()
        };
        let (status, all) = read(&world.coordinator, &app, "/api/v1/outreach/sessions").await;
        assert_eq!(status, StatusCode::OK, "{}", app.backend);
        assert_eq!(listed(&all), ids, "Mengla's sessions by start, not Menghai's");
        assert_eq!(all["numberMatched"], 3);
        let (_, admin_all) = app.get_json("/api/v1/outreach/sessions").await.pipe_status();
        assert_eq!(admin_all, 4, "the prefecture sees every session");
        let query = |query: &str| format!("/api/v1/outreach/sessions?{query}");
        let (_, planned) = read(&world.coordinator, &app, &query("status=planned")).await;
        assert_eq!(listed(&planned), [ids[0], ids[2]]);
        // 9 August to 16 August, local days inclusive.
        let (_, span) = read(&world.coordinator, &app, &query("from=2030-08-09&to=2030-08-16")).await;
        assert_eq!(listed(&span), [ids[1], ids[2]]);
        let (_, page) = read(&world.coordinator, &app, &query("limit=1&offset=1")).await;
        assert_eq!((listed(&page), page["numberMatched"].as_u64()), (vec![ids[1]], Some(3)));
        let (_, by_team) = read(&world.coordinator, &app, &query(&format!("team={}", admin_team.id))).await;
        assert_eq!(listed(&by_team), Vec::<i64>::new());
        for bad in ["status=done", "from=2030-13-01", "team=x", "from=2030-08-09&to=2030-08-01"] {
            let (status, _) = read(&world.coordinator, &app, &query(bad)).await;
            assert_eq!(status, StatusCode::BAD_REQUEST, "{bad}");
        }
        // One session, in scope or not.
        let (status, one) = read(&world.coordinator, &app, &format!("/api/v1/outreach/sessions/{}", ids[0])).await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(one["team"]["code"], "ML-01");
        assert_eq!(one["presenters"][0]["name"], "Ai Kham");
        let (status, _) = read(&world.coordinator, &app, &format!("/api/v1/outreach/sessions/{}", elsewhere.id)).await;
        assert_eq!(status, StatusCode::NOT_FOUND);
    }
}

/// Unfolds iCalendar lines (RFC 5545 §3.1).
fn unfold(text: &str) -> Vec<String> {
    text.replace("\r\n ", "").split("\r\n").filter(|line| !line.is_empty()).map(str::to_owned).collect()
}

#[tokio::test]
async fn a_team_calendar_is_an_icalendar_feed_behind_a_secret_address() {
    for backend in backends() {
        let app = spawn_app(&backend).await;
        let world = world(&app).await;
        let mut ids = Vec::new();
        for (village, day) in [("manzhang", 3), ("manla", 4)] {
            let body =
                world.session(village, at(2030, 9, day, 9, 0), at(2030, 9, day, 11, 30), "khb", &["ai", "zhang"]);
            let (status, created) = send(&world.coordinator, &app, "/api/v1/outreach/sessions", &body).await;
            assert_eq!(status, StatusCode::CREATED, "{created}");
            ids.push(created["id"].as_i64().expect("id"));
        }
        let reason = "Road closed; rain, landslide\\again";
        send(
            &world.coordinator,
            &app,
            &format!("/api/v1/outreach/sessions/{}/cancel", ids[1]),
            &json!({ "reason": reason }),
        )
        .await;
        let calendar_path = format!("/api/v1/outreach/teams/{}/calendar", world.team);
        let (status, issued) = send(&world.coordinator, &app, &calendar_path, &json!({})).await;
        assert_eq!(status, StatusCode::CREATED, "{}: {issued}", app.backend);
        let path = issued["path"].as_str().expect("path").to_owned();
        assert!(issued["webcal"].as_str().expect("webcal").starts_with("webcal://"));
        let secret = path.trim_start_matches("/api/v1/outreach/calendars/").trim_end_matches(".ics").to_owned();
        assert_eq!(secret.len(), 64);
        let stored =
            banna_border::store::entities::outreach_team_calendar::Entity::find().all(&app.db).await.expect("read");
        assert_eq!(stored.len(), 1);
        assert_ne!(stored[0].secret_hash, secret, "only a hash is stored");
        let audited = audit_event::Entity::find()
            .filter(audit_event::Column::Action.eq("issue_calendar_address"))
            .all(&app.db)
            .await
            .expect("read");
        assert_eq!(audited.len(), 1);
        assert!(!format!("{:?}", audited[0].after).contains(&secret), "the secret is not audited");

        // A phone calendar sends no credentials.
        let response = app.anonymous.get(format!("{}{path}?lang=en", app.address)).send().await.expect("get");
        assert_eq!(response.status(), StatusCode::OK);
        let content_type = response.headers()["content-type"].to_str().expect("type").to_owned();
        assert!(content_type.starts_with("text/calendar"), "{content_type}");
        let text = response.text().await.expect("text");
        assert!(text.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"), "{text}");
        assert!(text.ends_with("END:VCALENDAR\r\n"));
        assert!(!text.replace("\r\n", "").contains('\n'), "CRLF line ends only");
        for line in text.split("\r\n") {
            assert!(line.len() <= 75, "{} octets: {line}", line.len());
        }
        let lines = unfold(&text);
        assert_eq!(lines.iter().filter(|line| *line == "BEGIN:VEVENT").count(), 2);
        for (id, day, status) in [(ids[0], 3, "CONFIRMED"), (ids[1], 4, "CANCELLED")] {
            let uid = format!("UID:outreach-session-{id}@banna-border");
            let start = lines.iter().position(|line| *line == uid).expect("the session's event");
            let event: Vec<&String> = lines[start..].iter().take_while(|line| *line != "END:VEVENT").collect();
            let field =
                |name: &str| event.iter().find_map(|line| line.strip_prefix(&format!("{name}:"))).map(str::to_owned);
            let utc = |at: DateTime<Utc>| at.format("%Y%m%dT%H%M%SZ").to_string();
            assert_eq!(field("DTSTART"), Some(utc(local(2030, 9, day, 9, 0))));
            assert_eq!(field("DTEND"), Some(utc(local(2030, 9, day, 11, 30))));
            assert_eq!(field("STATUS").as_deref(), Some(status));
            assert!(field("DTSTAMP").is_some_and(|stamp| stamp.ends_with('Z')));
            assert!(field("SUMMARY").is_some_and(|summary| summary.contains("Tai Lü")), "{event:?}");
            let (village, (lon, lat)) = if day == 3 { ("测试寨MZ", MANZHANG) } else { ("测试寨ML", MANLA) };
            assert!(field("LOCATION").is_some_and(|location| location.starts_with(village)));
            assert_eq!(field("GEO"), Some(format!("{lat:.6};{lon:.6}")));
            let description = field("DESCRIPTION").expect("description");
            assert!(description.contains("Ai Kham\\, Zhang Wei"), "TEXT escaping of the comma: {description}");
            if status == "CANCELLED" {
                assert!(description.contains("Road closed\\; rain\\, landslide\\\\again"), "{description}");
            }
        }
        // The same UID in a second download.
        let again =
            app.anonymous.get(format!("{}{path}", app.address)).send().await.expect("get").text().await.expect("text");
        assert!(again.contains(&format!("UID:outreach-session-{}@banna-border", ids[0])));
        // Signed in, the team's feed is also at its own address.
        let response = world
            .coordinator
            .get(format!("{}/api/v1/outreach/teams/{}/calendar.ics", app.address, world.team))
            .send()
            .await
            .expect("get");
        assert_eq!(response.status(), StatusCode::OK);
        // Replacing the address cuts off the old one.
        let (status, replaced) = send(&world.coordinator, &app, &calendar_path, &json!({})).await;
        assert_eq!(status, StatusCode::CREATED);
        assert_eq!(replaced["replaced"], true);
        let old = app.anonymous.get(format!("{}{path}", app.address)).send().await.expect("get");
        assert_eq!(old.status(), StatusCode::NOT_FOUND);
        let new_path = replaced["path"].as_str().expect("path");
        assert_eq!(
            app.anonymous.get(format!("{}{new_path}", app.address)).send().await.expect("get").status(),
            StatusCode::OK
        );
        let bogus = app
            .anonymous
            .get(format!("{}/api/v1/outreach/calendars/{}.ics", app.address, "0".repeat(64)))
            .send()
            .await
            .expect("get");
        assert_eq!(bogus.status(), StatusCode::NOT_FOUND);
        // Only a coordinator of the team's jurisdiction issues an address.
        let menghai = client_with(&token_for(&app.db, "coordinator.menghai", "outreach_coordinator", MENGHAI).await);
        assert_eq!(send(&menghai, &app, &calendar_path, &json!({})).await.0, StatusCode::NOT_FOUND);
        let (_, teams) = read(&world.coordinator, &app, "/api/v1/outreach/teams").await;
        assert_eq!(teams["teams"][0]["calendar_feed"], true);
    }
}

/// The demo's sessions pass the rules they would meet through the API: members' languages
/// and levels, the village's languages, and travel time between a team's sessions.
#[tokio::test]
async fn the_demo_sessions_satisfy_the_scheduling_rules() {
    for backend in backends() {
        let app = spawn_app_with_demo(&backend, 7, 3000).await;
        let (status, body) = app.get_json("/api/v1/outreach/sessions?limit=10000").await.pipe_full();
        assert_eq!(status, StatusCode::OK);
        let sessions = body["sessions"].as_array().expect("sessions");
        assert!(sessions.len() > 100, "{}", sessions.len());
        let (_, teams) = app.get_json("/api/v1/outreach/teams").await.pipe_full();
        let mut levels: HashMap<(i64, String), String> = HashMap::new();
        let mut team_of: HashMap<i64, i64> = HashMap::new();
        for team in teams["teams"].as_array().expect("teams") {
            for member in team["members"].as_array().expect("members") {
                let id = member["id"].as_i64().expect("id");
                team_of.insert(id, team["id"].as_i64().expect("id"));
                for language in member["languages"].as_array().expect("languages") {
                    levels.insert(
                        (id, language["language"].as_str().expect("code").to_owned()),
                        language["level"].as_str().expect("level").to_owned(),
                    );
                }
            }
        }
        let all_levels: Vec<&String> = levels.values().collect();
        assert!(
            all_levels.iter().any(|level| *level == "basic") && all_levels.iter().any(|level| *level == "native"),
            "levels vary"
        );
        let mut by_team: HashMap<i64, Vec<&Value>> = HashMap::new();
        for session in sessions {
            let team = session["team"]["id"].as_i64().expect("team");
            let language = session["language"].as_str().expect("language");
            let presenters: Vec<i64> = session["presenter_ids"]
                .as_array()
                .expect("presenters")
                .iter()
                .map(|id| id.as_i64().expect("id"))
                .collect();
            assert!(!presenters.is_empty(), "{session}");
            assert!(presenters.iter().all(|id| team_of.get(id) == Some(&team)), "presenters of the team: {session}");
            assert!(
                presenters.iter().any(|id| matches!(
                    levels.get(&(*id, language.to_owned())).map(String::as_str),
                    Some("fluent" | "native")
                )),
                "a fluent presenter: {session}"
            );
            assert!(
                session["village"]["languages"].as_array().expect("languages").iter().any(|code| code == language),
                "{session}"
            );
            if session["status"] != "cancelled" {
                by_team.entry(team).or_default().push(session);
            }
        }
        let position = |session: &Value| {
            (session["village"]["lon"].as_f64().expect("lon"), session["village"]["lat"].as_f64().expect("lat"))
        };
        let time = |session: &Value, key: &str| {
            DateTime::parse_from_rfc3339(session[key].as_str().expect("time")).expect("rfc 3339").to_utc()
        };
        for list in by_team.values() {
            for (index, a) in list.iter().enumerate() {
                for b in &list[index + 1..] {
                    let gap = Duration::minutes(travel_minutes(position(a), position(b)));
                    let apart = time(a, "ends_at") + gap <= time(b, "starts_at")
                        || time(b, "ends_at") + gap <= time(a, "starts_at");
                    assert!(apart, "{} and {} are too close", a["id"], b["id"]);
                }
            }
        }
    }
}

/// Small adapters over `TestApp::get_json`'s triple.
trait Triple {
    fn pipe_full(self) -> (StatusCode, Value);
    fn pipe_status(self) -> (StatusCode, u64);
}

impl Triple for (StatusCode, String, Value) {
    fn pipe_full(self) -> (StatusCode, Value) {
        (self.0, self.2)
    }

    fn pipe_status(self) -> (StatusCode, u64) {
        (self.0, self.2["numberMatched"].as_u64().unwrap_or(0))
    }
}
