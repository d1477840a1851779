//! The printable notice of an outreach session (`GET /api/v1/outreach/sessions/{id}/notice`)
//! and the village page its QR code opens (`/v/{code}`): the notice is in the session's
//! language with the village, local date, topics, presenters and the village's address (read
//! back from the drawn QR code); a language without the notice's messages prints them in
//! Chinese, each marked; the SVG is well-formed A4; problems for unknown sessions, sessions out
//! of jurisdiction and bad formats; the village page is public.

use banna_border::config::Settings;
use banna_border::services::auth::jurisdiction_of;
use banna_border::startup::Application;
use banna_border::store::entities::{
    admin_unit, outreach_member, outreach_session, outreach_session_presenter, outreach_team, village,
};
use chrono::TimeZone;
use reqwest::StatusCode;
use sea_orm::ActiveValue::Set;
use sea_orm::{ActiveModelTrait, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder};
use serde_json::{Value, json};

use crate::helpers::{TestDb, backends, client_with, spawn_app_with_demo, test_settings, token_for};

const SEED: u64 = 5;
const INCIDENTS: u64 = 100;

/// A session prepared for a notice: Tuesday 12 January 2027, 09:30–11:00 in Asia/Shanghai.
struct Prepared {
    session: outreach_session::Model,
    village: village::Model,
    county: admin_unit::Model,
    presenter: String,
}

async fn county_of(db: &DatabaseConnection, unit_id: i32) -> admin_unit::Model {
    let mut unit = admin_unit::Entity::find_by_id(unit_id).one(db).await.expect("read").expect("unit");
    while unit.level != "county" {
        let parent = unit.parent_id.expect("a county above");
        unit = admin_unit::Entity::find_by_id(parent).one(db).await.expect("read").expect("parent");
    }
    unit
}

/// The first demo session, moved to a known time, in `language`, with `topics` and one of its
/// team's members as presenter.
async fn prepare(db: &DatabaseConnection, language: &str, topics: Value) -> Prepared {
    let session = outreach_session::Entity::find()
        .order_by_asc(outreach_session::Column::Id)
        .one(db)
        .await
        .expect("read")
        .expect("the demo has sessions");
    let starts = chrono_tz::Asia::Shanghai.with_ymd_and_hms(2027, 1, 12, 9, 30, 0).single().expect("time").to_utc();
    let mut active: outreach_session::ActiveModel = session.clone().into();
    active.language = Set(language.to_owned());
    active.topics = Set(topics);
    active.status = Set("planned".to_owned());
    active.starts_at = Set(starts);
    active.ends_at = Set(starts + chrono::Duration::minutes(90));
    let session = active.update(db).await.expect("update the session");
    let member = outreach_member::Entity::find()
        .filter(outreach_member::Column::TeamId.eq(session.team_id))
        .order_by_asc(outreach_member::Column::Id)
        .one(db)
        .await
        .expect("read")
        .expect("the team has members");
    let already = outreach_session_presenter::Entity::find()
        .filter(outreach_session_presenter::Column::SessionId.eq(session.id))
        .filter(outreach_session_presenter::Column::MemberId.eq(member.id))
        .one(db)
        .await
        .expect("read");
    if already.is_none() {
        outreach_session_presenter::ActiveModel { session_id: Set(session.id), member_id: Set(member.id) }
            .insert(db)
            .await
            .expect("a presenter");
    }
    let village = village::Entity::find_by_id(session.village_id).one(db).await.expect("read").expect("village");
    let county = county_of(db, village.admin_unit_id).await;
    Prepared { session, village, county, presenter: member.name }
}

async fn fetch(client: &reqwest::Client, address: &str, path: &str) -> (StatusCode, String, String, String) {
    let response = client.get(format!("{address}{path}")).send().await.expect("request");
    let header = |name: reqwest::header::HeaderName| {
        response.headers().get(name).and_then(|value| value.to_str().ok()).unwrap_or_default().to_owned()
    };
    let content_type = header(reqwest::header::CONTENT_TYPE);
    let language = header(reqwest::header::CONTENT_LANGUAGE);
    let status = response.status();
    (status, content_type, language, response.text().await.expect("body"))
}

/// Reads the QR code drawn in a notice (HTML or SVG) the way a phone would: the path of dark
/// runs is painted into a bitmap, then found and decoded by rqrr.
fn scan_code(document: &str) -> Vec<String> {
    let group = document.find("id=\"qr-code\"").expect("the code's group");
    let view_box = document[..group].rfind("viewBox=\"0 0 ").expect("the code's view box") + "viewBox=\"0 0 ".len();
    let side: usize = document[view_box..].split(' ').next().expect("side").parse().expect("a number");
    let path = &document[group..];
    let start = path.find(" d=\"").expect("the code's path") + 4;
    let data = &path[start..start + path[start..].find('"').expect("end of path")];
    let scale = 4;
    let mut pixels = vec![vec![false; side * scale]; side * scale];
    for run in data.split('M').filter(|run| !run.is_empty()) {
        let (x, rest) = run.split_once(' ').expect("x");
        let (y, rest) = rest.split_once('h').expect("y");
        let length = rest.split('v').next().expect("length");
        let (x, y, length): (usize, usize, usize) =
            (x.parse().expect("x"), y.parse().expect("y"), length.parse().expect("length"));
        for row in pixels.iter_mut().skip(y * scale).take(scale) {
            for pixel in row.iter_mut().skip(x * scale).take(length * scale) {
                *pixel = true;
            }
        }
    }
    let size = side * scale;
    let mut image = rqrr::PreparedImage::prepare_from_bitmap(size, size, |x, y| pixels[y][x]);
    image.detect_grids().into_iter().filter_map(|grid| grid.decode().ok().map(|(_, text)| text)).collect()
}

#[tokio::test]
async fn a_notice_in_english_chinese_or_lao_gives_the_village_date_topics_and_address() {
    for backend in backends() {
        let app = spawn_app_with_demo(&backend, SEED, INCIDENTS).await;
        let topics = json!(["anti_drug", "land_disputes", "Bring your ID card"]);
        // (language, content language, date, the anti_drug topic, the county's name)
        let cases = [
            ("en", "en", "Tuesday 12 January 2027", "Preventing drug abuse", true),
            ("zh", "zh-CN", "2027年1月12日（星期二）", "禁毒", false),
            ("lo", "lo", "ວັນອັງຄານ ທີ 12 ມັງກອນ 2027", "ການປ້ອງກັນຢາເສບຕິດ", true),
        ];
        for (language, content_language, date, topic, latin) in cases {
            let prepared = prepare(&app.db, language, topics.clone()).await;
            let path = format!("/api/v1/outreach/sessions/{}/notice", prepared.session.id);
            let (status, content_type, lang, html) = fetch(&app.client, &app.address, &path).await;
            assert_eq!(status, StatusCode::OK, "{}: {language}: {html}", app.backend);
            assert_eq!(content_type, "text/html; charset=utf-8");
            assert_eq!(lang, content_language);
            assert!(html.contains(&format!("<html lang=\"{content_language}\">")), "{html}");
            assert!(html.contains(&prepared.village.name_zh), "{language}: the village's name");
            let county = if latin { prepared.county.name_en.clone() } else { prepared.county.name_zh.clone() };
            assert!(html.contains(&county), "{language}: the county {county}");
            assert!(html.contains(date), "{language}: {date} in {html}");
            assert!(html.contains("09:30") && html.contains("11:00"), "{language}: local times");
            assert!(html.contains(topic), "{language}: {topic}");
            assert!(html.contains("Bring your ID card"), "a topic in free text is printed as written");
            assert!(html.contains(&prepared.presenter), "{language}: the presenter");
            let url = format!("{}/v/{}", app.address, prepared.village.code);
            assert!(html.contains(&format!("href=\"{url}\"")), "{language}: the village's address");
            assert_eq!(scan_code(&html), vec![url.clone()], "{language}: the code opens the village page");
            assert!(!html.contains("fallback-mark"), "{language}: every line is translated: {html}");
            assert!(html.contains("href=\"/static/notice.css\"") && !html.contains("style="), "CSP");
        }
    }
}

#[tokio::test]
async fn a_tai_lue_notice_prints_missing_lines_in_chinese_and_marks_each() {
    for backend in backends() {
        let app = spawn_app_with_demo(&backend, SEED, INCIDENTS).await;
        let prepared = prepare(&app.db, "khb", json!(["anti_drug"])).await;
        let path = format!("/api/v1/outreach/sessions/{}/notice", prepared.session.id);
        let (status, _, lang, html) = fetch(&app.client, &app.address, &path).await;
        assert_eq!(status, StatusCode::OK, "{}: {html}", app.backend);
        assert_eq!(lang, "khb");
        // Lines in Chinese, each with its own lang and the mark after it.
        for chinese in ["普法宣讲活动通知", "日期", "2027年1月12日（星期二）", "地点", "禁毒", "宣讲人"]
        {
            let marked = format!("<span lang=\"zh-CN\">{chinese}</span><sup class=\"fallback-mark\">*</sup>");
            assert!(html.contains(&marked), "{chinese} is marked as Chinese: {html}");
        }
        // The place line is a Chinese sentence: it names the places in Chinese (county first).
        let place = format!("{}</span><sup class=\"fallback-mark\">", prepared.village.name_zh);
        assert!(html.contains(&place) && html.contains(&prepared.county.name_zh), "{html}");
        assert!(html.contains("class=\"footnote\""), "the mark is explained");
        assert!(html.contains("标有此记号的行是中文"), "in Chinese, as Tai Lü lacks the note too");
        // The language is still named in Tai Lü, in the New Tai Lue script, and not marked.
        assert!(html.contains("<span lang=\"khb\">ᦅᧄᦺᦑᦟᦹᧉ</span></dd>"), "{html}");
        let (_, _, _, svg) = fetch(&app.client, &app.address, &format!("{path}?format=svg")).await;
        assert!(svg.contains("xml:lang=\"zh-CN\""), "lines keep their language in the SVG");
        assert!(svg.contains(">*</tspan>"), "and their mark");
    }
}

#[tokio::test]
async fn the_svg_notice_is_well_formed_a4_with_the_code() {
    for backend in backends() {
        let app = spawn_app_with_demo(&backend, SEED, INCIDENTS).await;
        let prepared = prepare(&app.db, "my", json!(["border_law", "anti_fraud"])).await;
        let path = format!("/api/v1/outreach/sessions/{}/notice?format=svg", prepared.session.id);
        let (status, content_type, lang, svg) = fetch(&app.client, &app.address, &path).await;
        assert_eq!(status, StatusCode::OK, "{}: {svg}", app.backend);
        assert_eq!(content_type, "image/svg+xml; charset=utf-8");
        assert_eq!(lang, "my");
        let mut reader = quick_xml::Reader::from_str(&svg);
        let mut root = None;
        let mut elements = 0;
        loop {
            match reader.read_event() {
                Ok(quick_xml::events::Event::Eof) => break,
                Ok(quick_xml::events::Event::Start(element) | quick_xml::events::Event::Empty(element)) => {
                    elements += 1;
                    if root.is_none() {
                        let attribute = |name: &str| {
                            element
                                .try_get_attribute(name)
                                .expect("attribute")
                                .map(|value| value.unescape_value().expect("text").into_owned())
                        };
                        root = Some((
                            String::from_utf8_lossy(element.name().as_ref()).into_owned(),
                            attribute("width"),
                            attribute("height"),
                            attribute("viewBox"),
                        ));
                    }
                }
                Ok(_) => {}
                Err(error) => panic!("not well-formed at {}: {error}", reader.buffer_position()),
            }
        }
        let root = root.expect("a root element");
        assert_eq!(root.0, "svg");
        assert_eq!((root.1.as_deref(), root.2.as_deref()), (Some("210mm"), Some("297mm")), "A4");
        assert_eq!(root.3.as_deref(), Some("0 0 210 297"));
        assert!(elements > 20, "a notice, not an empty sheet");
        assert!(svg.contains(&prepared.village.name_zh));
        assert!(svg.contains("ဇန်နဝါရီ"), "January in Burmese");
        assert!(svg.contains("font-family=\"'Noto Sans Myanmar'"), "Burmese lines name their Noto family first");
        let url = format!("{}/v/{}", app.address, prepared.village.code);
        assert_eq!(scan_code(&svg), vec![url]);
    }
}

#[tokio::test]
async fn unknown_sessions_bad_formats_and_other_counties_are_problems() {
    for backend in backends() {
        let app = spawn_app_with_demo(&backend, SEED, INCIDENTS).await;
        let prepared = prepare(&app.db, "zh", json!(["anti_drug"])).await;
        let (status, content_type, body) = app.get_json("/api/v1/outreach/sessions/999999/notice").await;
        assert_eq!((status, content_type.as_str()), (StatusCode::NOT_FOUND, "application/problem+json"), "{body}");
        let path = format!("/api/v1/outreach/sessions/{}/notice?format=pdf", prepared.session.id);
        let (status, content_type, body) = app.get_json(&path).await;
        assert_eq!((status, content_type.as_str()), (StatusCode::BAD_REQUEST, "application/problem+json"));
        assert!(
            body["detail"].as_str().is_some_and(|detail| detail.contains("pdf") && detail.contains("svg")),
            "{body}"
        );
        let (status, _, _) = app.get_json("/api/v1/outreach/sessions/abc/notice").await;
        assert_eq!(status, StatusCode::BAD_REQUEST);
        // A coordinator of another county: as if the session did not exist.
        let county = county_of(&app.db, prepared.village.admin_unit_id).await;
        let other = admin_unit::Entity::find()
            .filter(admin_unit::Column::Level.eq("county"))
            .filter(admin_unit::Column::Id.ne(county.id))
            .one(&app.db)
            .await
            .expect("read")
            .expect("another county");
        let outsider = client_with(&token_for(&app.db, "coordinator.other", "outreach_coordinator", &other.code).await);
        let path = format!("/api/v1/outreach/sessions/{}/notice", prepared.session.id);
        let response = outsider.get(format!("{}{path}", app.address)).send().await.expect("request");
        assert_eq!(response.status(), StatusCode::NOT_FOUND, "{}", app.backend);
        let insider = client_with(&token_for(&app.db, "member.own", "outreach_member", &county.code).await);
        assert!(jurisdiction_of(&app.db, county.id).await.expect("scope").covers(Some(prepared.village.admin_unit_id)));
        let response = insider.get(format!("{}{path}", app.address)).send().await.expect("request");
        assert_eq!(response.status(), StatusCode::OK, "a member of the village's county reads it");
        let response = app.anonymous.get(format!("{}{path}", app.address)).send().await.expect("request");
        assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
    }
}

#[tokio::test]
async fn the_village_page_is_public_and_an_unknown_code_is_a_404_page() {
    for backend in backends() {
        let app = spawn_app_with_demo(&backend, SEED, INCIDENTS).await;
        let village = village::Entity::find().order_by_asc(village::Column::Id).one(&app.db).await.expect("read");
        let village = village.expect("a demo village");
        let county = county_of(&app.db, village.admin_unit_id).await;
        let path = format!("/v/{}", village.code);
        let (status, content_type, _, html) = fetch(&app.anonymous, &app.address, &path).await;
        assert_eq!(status, StatusCode::OK, "{}: {html}", app.backend);
        assert_eq!(content_type, "text/html; charset=utf-8");
        assert!(html.contains(&village.name_zh) && html.contains(&county.name_zh), "{html}");
        assert!(html.contains("尚未开通"), "the report form is not available yet, and the page says so");
        let (_, _, _, english) = fetch(&app.anonymous, &app.address, &format!("{path}?lang=en")).await;
        assert!(english.contains("not available yet") && english.contains(&county.name_en), "{english}");
        let (status, _, _, missing) = fetch(&app.anonymous, &app.address, "/v/NO-SUCH-VILLAGE").await;
        assert_eq!(status, StatusCode::NOT_FOUND);
        assert!(missing.contains("NO-SUCH-VILLAGE") && missing.contains("<html"), "a page, not a problem: {missing}");
        let (status, content_type, _, sheet) = fetch(&app.anonymous, &app.address, "/static/notice.css").await;
        assert_eq!((status, content_type.as_str()), (StatusCode::OK, "text/css; charset=utf-8"));
        for family in
            ["Noto Sans New Tai Lue", "Noto Sans Myanmar", "Noto Sans Lao", "Noto Sans Thai", "Noto Sans CJK SC"]
        {
            assert!(sheet.contains(family), "{family}");
        }
    }
}

/// The configured public address, not the request's host, goes into the code.
#[tokio::test]
async fn the_code_uses_the_configured_public_address() {
    for backend in backends() {
        let database = TestDb::create(&backend).await;
        let mut settings: Settings = test_settings(&database.url);
        settings.server.public_url = "https://banna.example.org/".to_owned();
        let app = Application::build(settings).await.expect("the app builds");
        let address = format!("http://127.0.0.1:{}", app.port());
        let db = app.db().clone();
        tokio::spawn(app.run_until_stopped());
        banna_border::services::demo::load(
            &db,
            banna_border::border::Border::bundled(),
            banna_border::services::demo::DemoOptions { seed: SEED, incidents: INCIDENTS },
            chrono_tz::Asia::Shanghai,
            banna_border::services::demo::Progress::Hidden,
        )
        .await
        .expect("demo loads");
        let prepared = prepare(&db, "th", json!(["entry_exit"])).await;
        let admin = client_with(&token_for(&db, "notice.admin", "admin", "532800").await);
        let path = format!("/api/v1/outreach/sessions/{}/notice", prepared.session.id);
        let (status, _, lang, html) = fetch(&admin, &address, &path).await;
        assert_eq!((status, lang.as_str()), (StatusCode::OK, "th"), "{html}");
        let url = format!("https://banna.example.org/v/{}", prepared.village.code);
        assert_eq!(scan_code(&html), vec![url]);
        assert!(!html.contains("127.0.0.1"), "not the request's host");
        let team = outreach_team::Entity::find_by_id(prepared.session.team_id).one(&db).await.expect("read");
        assert!(html.contains(&team.expect("team").name_zh), "the organising team");
    }
}
