//! Planning outreach: `GET /api/v1/outreach/coverage` and `GET /api/v1/outreach/suggestions`
//! on hand-built villages, languages, teams, sessions and incidents. Every expectation is
//! worked out below from the fixture tables themselves (a small model of the documented rules),
//! for a county and for the prefecture; bad input and other counties' teams are refused.

use std::collections::BTreeMap;

use banna_border::domain::outreach_plan::{
    FALLING_POINTS, KEY_POINTS, MAX_WAIT_MONTHS, MAX_WAIT_POINTS, POINTS_PER_MONTH, RISING_POINTS, STEADY_POINTS,
};
use banna_border::store::entities::{
    incident, outreach_member, outreach_member_language, outreach_session, outreach_team, village,
};
use chrono::{DateTime, Datelike, NaiveDate, Utc};
use reqwest::StatusCode;
use sea_orm::ActiveValue::{NotSet, Set};
use sea_orm::{ActiveModelTrait, DatabaseConnection, EntityTrait};
use serde_json::{Value, json};

use crate::fixtures::{add_village, date, local, unit_id};
use crate::helpers::{TestApp, backends, client_with, spawn_app, spawn_app_with_demo, token_for};

const MENGHAI: &str = "532822";
const MENGLA: &str = "532823";

struct VillageSpec {
    code: &'static str,
    county: &'static str,
    is_key: bool,
    /// Primary first.
    languages: &'static [&'static str],
    border_km: Option<f64>,
}

const VILLAGES: [VillageSpec; 6] = [
    VillageSpec { code: "OC-A", county: MENGHAI, is_key: true, languages: &["khb", "zh"], border_km: Some(100.0) },
    VillageSpec { code: "OC-B", county: MENGHAI, is_key: true, languages: &["hni"], border_km: Some(200.0) },
    VillageSpec { code: "OC-C", county: MENGHAI, is_key: true, languages: &[], border_km: None },
    VillageSpec { code: "OC-D", county: MENGHAI, is_key: false, languages: &["zh"], border_km: Some(300.0) },
    VillageSpec { code: "OC-E", county: MENGHAI, is_key: false, languages: &["lhu"], border_km: Some(400.0) },
    VillageSpec { code: "OC-F", county: MENGLA, is_key: true, languages: &["lo"], border_km: Some(600.0) },
];

/// Teams: code, county, members with their (language, level).
type MemberSpec = &'static [(&'static str, &'static str)];
const TEAMS: [(&str, &str, &[MemberSpec]); 2] = [
    ("OC-T1", MENGHAI, &[&[("khb", "fluent"), ("zh", "native")], &[("hni", "basic"), ("lhu", "fluent")]]),
    ("OC-T2", MENGLA, &[&[("lo", "native")]]),
];

struct SessionSpec {
    village: &'static str,
    team: &'static str,
    language: &'static str,
    status: &'static str,
    /// Local time (Asia/Shanghai): year, month, day, hour, minute.
    at: (i32, u32, u32, u32, u32),
}

const fn session(
    village: &'static str,
    team: &'static str,
    language: &'static str,
    status: &'static str,
    at: (i32, u32, u32, u32, u32),
) -> SessionSpec {
    SessionSpec { village, team, language, status, at }
}

const SESSIONS: [SessionSpec; 12] = [
    session("OC-A", "OC-T1", "khb", "held", (2024, 3, 10, 9, 0)),
    session("OC-A", "OC-T1", "zh", "held", (2024, 5, 1, 9, 0)), // not its primary language
    session("OC-B", "OC-T1", "zh", "held", (2024, 4, 1, 9, 0)), // not its primary language
    session("OC-B", "OC-T1", "hni", "planned", (2024, 6, 1, 9, 0)),
    session("OC-C", "OC-T1", "zh", "held", (2024, 2, 1, 9, 0)), // lists no language: any counts
    session("OC-D", "OC-T1", "zh", "cancelled", (2024, 4, 1, 9, 0)),
    session("OC-D", "OC-T1", "zh", "held", (2023, 11, 30, 9, 0)),
    session("OC-D", "OC-T1", "zh", "planned", (2025, 2, 10, 9, 0)),
    // The last evening of 2024 and the first hour of 2025, local time (both UTC 2024).
    session("OC-E", "OC-T1", "lhu", "held", (2024, 12, 31, 23, 30)),
    session("OC-E", "OC-T1", "lhu", "held", (2025, 1, 1, 0, 30)),
    session("OC-F", "OC-T2", "lo", "held", (2024, 7, 1, 9, 0)),
    session("OC-F", "OC-T2", "lo", "planned", (2025, 3, 1, 9, 0)),
];

/// Local year, month, day and hour.
type LocalHour = (i32, u32, u32, u32);

/// Incidents: county, km along the border, local time.
const INCIDENTS: [(&str, f64, LocalHour); 17] = [
    (MENGHAI, 98.0, (2023, 5, 1, 10)),
    (MENGHAI, 103.0, (2024, 2, 1, 10)),
    (MENGHAI, 103.0, (2024, 6, 1, 10)),
    (MENGHAI, 103.0, (2024, 12, 31, 23)), // still 2024 locally
    (MENGHAI, 101.0, (2025, 1, 1, 0)),    // in the planning period's month: in neither window
    (MENGHAI, 195.0, (2023, 3, 1, 10)),
    (MENGHAI, 205.0, (2023, 8, 1, 10)),
    (MENGHAI, 198.0, (2024, 3, 1, 10)),
    (MENGHAI, 202.0, (2024, 9, 1, 10)),
    (MENGHAI, 300.0, (2023, 1, 15, 10)),
    (MENGHAI, 300.0, (2023, 6, 15, 10)),
    (MENGHAI, 300.0, (2023, 12, 15, 10)),
    (MENGHAI, 301.0, (2024, 7, 15, 10)),
    (MENGHAI, 150.0, (2024, 4, 1, 10)), // 50 km from A and from B: near neither
    (MENGLA, 100.0, (2024, 5, 1, 10)),  // near A, but in Mengla: only the prefecture counts it
    (MENGLA, 99.0, (2024, 8, 1, 10)),
    (MENGLA, 600.0, (2024, 8, 1, 10)),
];

fn at((year, month, day, hour, minute): (i32, u32, u32, u32, u32)) -> DateTime<Utc> {
    local(year, month, day, hour, minute)
}

fn local_day(instant: DateTime<Utc>) -> NaiveDate {
    instant.with_timezone(&chrono_tz::Asia::Shanghai).date_naive()
}

struct Fixture {
    teams: BTreeMap<&'static str, i32>,
}

async fn insert_fixtures(app: &TestApp) -> Fixture {
    let db = &app.db;
    let mut villages = BTreeMap::new();
    for spec in &VILLAGES {
        let id = add_village(db, spec.code, unit_id(db, spec.county).await, spec.is_key, spec.languages).await;
        let mut row: village::ActiveModel =
            village::Entity::find_by_id(id).one(db).await.expect("read").expect("row").into();
        row.border_km = Set(spec.border_km);
        row.section = Set(spec.border_km.map(|_| "MM".to_owned()));
        row.update(db).await.expect("place the village");
        villages.insert(spec.code, id);
    }
    let mut teams = BTreeMap::new();
    for (code, county, members) in TEAMS {
        let team = outreach_team::ActiveModel {
            id: NotSet,
            code: Set(code.to_owned()),
            name_zh: Set(format!("宣讲队{code}")),
            name_en: Set(Some(format!("Team {code}"))),
            admin_unit_id: Set(unit_id(db, county).await),
            is_demo: Set(false),
        }
        .insert(db)
        .await
        .expect("insert team");
        for (number, languages) in members.iter().enumerate() {
            let member = outreach_member::ActiveModel {
                id: NotSet,
                team_id: Set(team.id),
                name: Set(format!("队员{number}")),
                user_id: Set(None),
                is_demo: Set(false),
            }
            .insert(db)
            .await
            .expect("insert member");
            for (language, level) in languages.iter() {
                outreach_member_language::ActiveModel {
                    member_id: Set(member.id),
                    language: Set((*language).to_owned()),
                    level: Set((*level).to_owned()),
                }
                .insert(db)
                .await
                .expect("insert member language");
            }
        }
        teams.insert(code, team.id);
    }
    for spec in &SESSIONS {
        let starts_at = at(spec.at);
        outreach_session::ActiveModel {
            id: NotSet,
            team_id: Set(teams[spec.team]),
            village_id: Set(villages[spec.village]),
            starts_at: Set(starts_at),
            ends_at: Set(starts_at + chrono::Duration::hours(2)),
            language: Set(spec.language.to_owned()),
            topics: Set(json!(["border_law"])),
            status: Set(spec.status.to_owned()),
            attendance_total: Set((spec.status == "held").then_some(30)),
            attendance_women: Set(None),
            attendance_under18: Set(None),
            cancel_reason: Set((spec.status == "cancelled").then(|| "rain".to_owned())),
            interpreter: Set(None),
            topics_covered: Set(None),
            created_at: Set(starts_at),
            is_demo: Set(false),
        }
        .insert(db)
        .await
        .expect("insert session");
    }
    for (county, km, (year, month, day, hour)) in INCIDENTS {
        add_incident(db, unit_id(db, county).await, km, local(year, month, day, hour, 0)).await;
    }
    Fixture { teams }
}

async fn add_incident(db: &DatabaseConnection, county: i32, km: f64, occurred_at: DateTime<Utc>) {
    incident::ActiveModel {
        occurred_at: Set(occurred_at),
        category: Set("smuggling".to_owned()),
        persons_apprehended: Set(1),
        villagers_involved: Set(0),
        village_id: Set(None),
        admin_unit_id: Set(Some(county)),
        source: Set("manual".to_owned()),
        description: Set(None),
        created_at: Set(occurred_at),
        deleted_at: Set(None),
        lon: Set(100.5),
        lat: Set(21.9),
        border_km: Set(Some(km)),
        distance_m: Set(Some(500.0)),
        section: Set(Some("MM".to_owned())),
        side: Set(Some("cn".to_owned())),
        is_demo: Set(false),
        ..Default::default()
    }
    .insert(db)
    .await
    .expect("insert incident");
}

// ---- The model: the documented rules, applied to the tables above. ----

fn primary(village: &VillageSpec) -> Option<&'static str> {
    village.languages.first().copied()
}

fn in_primary_language(village: &VillageSpec, language: &str) -> bool {
    primary(village).is_none_or(|primary| primary == language)
}

/// Whether a session held from local day `first` to `last` reached the village in its
/// primary language (any held session when it lists none).
fn reached(village: &VillageSpec, first: NaiveDate, last: NaiveDate) -> bool {
    SESSIONS.iter().any(|session| {
        let day = local_day(at(session.at));
        session.village == village.code
            && session.status == "held"
            && first <= day
            && day <= last
            && in_primary_language(village, session.language)
    })
}

fn round1(value: f64) -> f64 {
    (value * 10.0).round() / 10.0
}

/// (total, covered) of key villages and of all villages among `villages`.
fn tallies(villages: &[&VillageSpec], first: NaiveDate, last: NaiveDate) -> [(u64, u64); 2] {
    let mut key = (0, 0);
    let mut all = (0, 0);
    for village in villages {
        let covered = u64::from(reached(village, first, last));
        all = (all.0 + 1, all.1 + covered);
        if village.is_key {
            key = (key.0 + 1, key.1 + covered);
        }
    }
    [key, all]
}

fn api_tally(value: &Value) -> (u64, u64) {
    (value["total"].as_u64().expect("total"), value["covered"].as_u64().expect("covered"))
}

fn share(tally: (u64, u64), has_data: bool) -> Value {
    if has_data && tally.0 > 0 { json!(round1(tally.1 as f64 / tally.0 as f64 * 100.0)) } else { Value::Null }
}

async fn get(client: &reqwest::Client, app: &TestApp, path: &str) -> (StatusCode, Value) {
    let response = client.get(format!("{}{path}", app.address)).send().await.expect("get");
    let status = response.status();
    (status, response.json().await.expect("a JSON body"))
}

/// Checks a coverage answer against the model for the villages of `counties`.
fn assert_coverage(body: &Value, counties: &[&str], first: NaiveDate, last: NaiveDate, backend: &str) {
    let villages: Vec<&VillageSpec> = VILLAGES.iter().filter(|village| counties.contains(&village.county)).collect();
    let sessions = SESSIONS
        .iter()
        .filter(|session| {
            let day = local_day(at(session.at));
            villages.iter().any(|village| village.code == session.village) && first <= day && day <= last
        })
        .count() as u64;
    let has_data = sessions > 0;
    assert_eq!(body["from"], first.to_string(), "{backend}");
    assert_eq!(body["to"], last.to_string(), "{backend}");
    assert_eq!(body["sessions"], sessions, "{backend}");
    assert_eq!(body["hasData"], has_data, "{backend}");
    let [key, all] = tallies(&villages, first, last);
    assert_eq!(api_tally(&body["keyVillages"]), key, "{backend}: key villages");
    assert_eq!(api_tally(&body["allVillages"]), all, "{backend}: all villages");
    assert_eq!(body["keyVillages"]["sharePercent"], share(key, has_data), "{backend}");
    assert_eq!(body["allVillages"]["sharePercent"], share(all, has_data), "{backend}");
    assert_eq!(body["allVillages"]["uncovered"], all.0 - all.1, "{backend}");

    let mut by_language: BTreeMap<Option<&str>, Vec<&VillageSpec>> = BTreeMap::new();
    for village in &villages {
        by_language.entry(primary(village)).or_default().push(village);
    }
    let listed = body["byLanguage"].as_array().expect("byLanguage");
    assert_eq!(listed.len(), by_language.len(), "{backend}: {listed:?}");
    for (language, members) in &by_language {
        let row = listed
            .iter()
            .find(|row| row["language"]["code"].as_str() == *language)
            .unwrap_or_else(|| panic!("{backend}: no row for {language:?}"));
        let [key, all] = tallies(members, first, last);
        assert_eq!((api_tally(&row["keyVillages"]), api_tally(&row["allVillages"])), (key, all), "{language:?}");
        assert_eq!(row["allVillages"]["sharePercent"], share(all, has_data), "{language:?}");
    }
    assert!(listed.last().is_some_and(|row| row["language"].is_null()) == by_language.contains_key(&None));

    let by_county = body["byCounty"].as_array().expect("byCounty");
    let codes: Vec<&str> = by_county.iter().map(|row| row["county"]["code"].as_str().expect("code")).collect();
    let mut expected_codes: Vec<&str> = counties.to_vec();
    expected_codes.sort();
    assert_eq!(codes, expected_codes, "{backend}");
    for row in by_county {
        let county = row["county"]["code"].as_str().expect("code");
        let members: Vec<&VillageSpec> = villages.iter().copied().filter(|village| village.county == county).collect();
        let [key, all] = tallies(&members, first, last);
        assert_eq!((api_tally(&row["keyVillages"]), api_tally(&row["allVillages"])), (key, all), "{county}");
    }

    let mut uncovered: Vec<&VillageSpec> =
        villages.iter().copied().filter(|village| village.is_key && !reached(village, first, last)).collect();
    uncovered.sort_by_key(|village| (village.county, village.code));
    let listed: Vec<(&str, Option<&str>, &str)> = body["uncoveredKeyVillages"]
        .as_array()
        .expect("uncovered")
        .iter()
        .map(|row| {
            (
                row["code"].as_str().expect("code"),
                row["primaryLanguage"]["code"].as_str(),
                row["county"]["code"].as_str().expect("county"),
            )
        })
        .collect();
    let expected: Vec<(&str, Option<&str>, &str)> =
        uncovered.iter().map(|village| (village.code, primary(village), village.county)).collect();
    assert_eq!(listed, expected, "{backend}");
}

#[tokio::test]
async fn coverage_counts_held_sessions_in_the_primary_language_per_language_and_county() {
    for backend in backends() {
        let app = spawn_app(&backend).await;
        insert_fixtures(&app).await;
        let official = client_with(&token_for(&app.db, "oc.official", "official", MENGHAI).await);
        let coordinator = client_with(&token_for(&app.db, "oc.coordinator", "outreach_coordinator", MENGHAI).await);
        let periods = [
            (date(2024, 1, 1), date(2024, 12, 31)),
            (date(2024, 1, 1), date(2024, 12, 30)), // E's evening session falls out
            (date(2024, 3, 1), date(2024, 12, 31)), // C's February session falls out
            (date(2022, 1, 1), date(2022, 12, 31)), // nothing recorded: no data
        ];
        for (first, last) in periods {
            let query = format!("/api/v1/outreach/coverage?from={first}&to={last}");
            for client in [&official, &coordinator] {
                let (status, body) = get(client, &app, &query).await;
                assert_eq!(status, StatusCode::OK, "{body}");
                assert_coverage(&body, &[MENGHAI], first, last, app.backend);
            }
            let (status, body) = get(&app.client, &app, &query).await;
            assert_eq!(status, StatusCode::OK, "{body}");
            assert_coverage(&body, &[MENGHAI, MENGLA], first, last, app.backend);
        }
        // The dashboard's outreach figures of 2024 are the same rule over the calendar year.
        let (_, dashboard) = get(&official, &app, "/api/v1/dashboard?year=2024").await;
        let (_, year) = get(&official, &app, "/api/v1/outreach/coverage?from=2024-01-01&to=2024-12-31").await;
        let figure = |id: &str| {
            dashboard["figures"].as_array().expect("figures").iter().find(|f| f["id"] == id).expect("figure")["compare"]
                .clone()
        };
        assert_eq!(figure("outreach-key-villages"), year["keyVillages"]["sharePercent"]);
        assert_eq!(figure("outreach-all-villages"), year["allVillages"]["sharePercent"]);
        // Names in the request's language.
        let (_, english) =
            get(&official, &app, "/api/v1/outreach/coverage?from=2024-01-01&to=2024-12-31&lang=en").await;
        let hani = english["uncoveredKeyVillages"][0]["primaryLanguage"].clone();
        assert_eq!(hani, json!({ "code": "hni", "name": "Hani" }));
        let (_, chinese) = get(&official, &app, "/api/v1/outreach/coverage?from=2024-01-01&to=2024-12-31").await;
        assert_eq!(chinese["uncoveredKeyVillages"][0]["primaryLanguage"]["name"], "哈尼语");
        assert_eq!(chinese["byCounty"][0]["county"]["name"]["zh"], "勐海县");
    }
}

/// Whole calendar months from `earlier` to `later`.
fn months_between(earlier: NaiveDate, later: NaiveDate) -> u32 {
    let months = (later.year() - earlier.year()) * 12 + later.month() as i32 - earlier.month() as i32;
    (months - i32::from(later.day() < earlier.day())).max(0) as u32
}

/// What the suggestions should say about one village.
#[derive(Debug, PartialEq)]
struct Expected {
    code: &'static str,
    score: u32,
    group: &'static str,
    last_held: Option<String>,
    planned: Option<String>,
    incidents: Option<(i64, i64)>,
    reasons: Vec<&'static str>,
}

/// The model of the ranking for `team` and the period starting `first`, ending `last`, as a
/// caller who sees the incidents of `counties`.
fn expected_suggestions(team: &str, counties: &[&str], first: NaiveDate, last: NaiveDate) -> Vec<Expected> {
    let (_, team_county, members) = TEAMS.iter().find(|(code, _, _)| *code == team).expect("a team");
    let presents: Vec<&str> = members
        .iter()
        .flat_map(|languages| languages.iter())
        .filter(|(_, level)| matches!(*level, "fluent" | "native"))
        .map(|(language, _)| *language)
        .collect();
    // Incident windows: the 12 whole months before the month of `first`, and the 12 before.
    let month_start = NaiveDate::from_ymd_opt(first.year(), first.month(), 1).expect("a date");
    let recent_start = month_start.checked_sub_months(chrono::Months::new(12)).expect("a date");
    let before_start = recent_start.checked_sub_months(chrono::Months::new(12)).expect("a date");
    let mut expected: Vec<(u8, u32, bool, u32, Expected)> = VILLAGES
        .iter()
        .filter(|village| village.county == *team_county && counties.contains(&village.county))
        .map(|village| {
            let sessions = || {
                SESSIONS
                    .iter()
                    .filter(|session| session.village == village.code && in_primary_language(village, session.language))
            };
            let last_held = sessions()
                .filter(|session| session.status == "held" && local_day(at(session.at)) < first)
                .map(|session| local_day(at(session.at)))
                .max();
            let planned = sessions()
                .filter(|session| session.status == "planned")
                .map(|session| local_day(at(session.at)))
                .filter(|day| first <= *day && *day <= last)
                .min();
            let incidents = village.border_km.map(|km| {
                let near = |from: NaiveDate, until: NaiveDate| {
                    INCIDENTS
                        .iter()
                        .filter(|(county, at_km, (year, month, day, hour))| {
                            let day = local_day(local(*year, *month, *day, *hour, 0));
                            counties.contains(county) && (at_km - km).abs() <= 10.0 && from <= day && day < until
                        })
                        .count() as i64
                };
                (near(before_start, recent_start), near(recent_start, month_start))
            });
            let mut score = 0;
            let mut reasons = Vec::new();
            if village.is_key {
                score += KEY_POINTS;
                reasons.push("key-village");
            }
            let waited = last_held.map(|day| months_between(day, first));
            match waited {
                Some(months) => {
                    score += months.min(MAX_WAIT_MONTHS) * POINTS_PER_MONTH;
                    reasons.push("last-held");
                }
                None => {
                    score += MAX_WAIT_POINTS;
                    reasons.push("never-held");
                }
            }
            let (points, reason) = match incidents {
                None => (0, "not-located"),
                Some((0, 0)) => (0, "no-incidents"),
                Some((0, _)) => (RISING_POINTS, "incidents-new"),
                Some((before, recent)) if recent > before => (RISING_POINTS, "incidents-rising"),
                Some((before, recent)) if recent == before => (STEADY_POINTS, "incidents-steady"),
                Some(_) => (FALLING_POINTS, "incidents-falling"),
            };
            score += points;
            reasons.push(reason);
            let mut group = 0;
            match primary(village) {
                None => reasons.push("no-language-listed"),
                Some(language) if presents.contains(&language) => reasons.push("language-served"),
                Some(_) => {
                    group = 2;
                    reasons.push("language-not-served");
                }
            }
            if planned.is_some() {
                group = group.max(1);
                reasons.push("already-planned");
            }
            let entry = Expected {
                code: village.code,
                score,
                group: ["open", "planned", "cannot-serve"][usize::from(group)],
                last_held: last_held.map(|day| day.to_string()),
                planned: planned.map(|day| day.to_string()),
                incidents,
                reasons,
            };
            (group, score, village.is_key, waited.unwrap_or(u32::MAX), entry)
        })
        .collect();
    expected.sort_by(|a, b| {
        a.0.cmp(&b.0).then(b.1.cmp(&a.1)).then(b.2.cmp(&a.2)).then(b.3.cmp(&a.3)).then(a.4.code.cmp(b.4.code))
    });
    expected.into_iter().map(|entry| entry.4).collect()
}

fn actual_suggestions(body: &Value) -> Vec<Expected> {
    let text = |value: &Value| value.as_str().map(str::to_owned);
    body["villages"]
        .as_array()
        .expect("villages")
        .iter()
        .map(|row| Expected {
            code: VILLAGES.iter().find(|village| row["code"] == village.code).expect("a fixture village").code,
            score: u32::try_from(row["score"].as_u64().expect("score")).expect("small"),
            group: ["open", "planned", "cannot-serve"]
                .into_iter()
                .find(|group| row["group"] == *group)
                .expect("a group"),
            last_held: text(&row["lastHeld"]),
            planned: text(&row["planned"]),
            incidents: row["incidents"]
                .as_object()
                .map(|found| (found["before"].as_i64().expect("before"), found["recent"].as_i64().expect("recent"))),
            reasons: row["reasons"]
                .as_array()
                .expect("reasons")
                .iter()
                .map(|reason| {
                    let code = reason["code"].as_str().expect("code");
                    assert!(!reason["text"].as_str().expect("text").is_empty(), "{reason}");
                    // A 'static code for comparing with the model.
                    [
                        "key-village",
                        "never-held",
                        "last-held",
                        "incidents-rising",
                        "incidents-new",
                        "incidents-steady",
                        "incidents-falling",
                        "no-incidents",
                        "not-located",
                        "language-served",
                        "language-not-served",
                        "no-language-listed",
                        "already-planned",
                    ]
                    .into_iter()
                    .find(|known| *known == code)
                    .unwrap_or_else(|| panic!("unknown reason {code}"))
                })
                .collect(),
        })
        .collect()
}

#[tokio::test]
async fn suggestions_rank_the_teams_villages_by_the_documented_rule() {
    for backend in backends() {
        let app = spawn_app(&backend).await;
        let fixture = insert_fixtures(&app).await;
        let coordinator = client_with(&token_for(&app.db, "oc.coordinator", "outreach_coordinator", MENGHAI).await);
        let (first, last) = (date(2025, 1, 1), date(2025, 3, 31));
        let t1 = fixture.teams["OC-T1"];
        let query = format!("/api/v1/outreach/suggestions?team={t1}&from={first}&to={last}");

        let (status, body) = get(&coordinator, &app, &query).await;
        assert_eq!(status, StatusCode::OK, "{body}");
        assert_eq!(
            actual_suggestions(&body),
            expected_suggestions("OC-T1", &[MENGHAI], first, last),
            "{}",
            app.backend
        );
        assert_eq!(body["team"]["code"], "OC-T1");
        let languages: Vec<&str> = body["team"]["languages"]
            .as_array()
            .expect("languages")
            .iter()
            .map(|l| l["code"].as_str().expect("code"))
            .collect();
        assert_eq!(languages, ["khb", "lhu", "zh"], "hni is spoken at basic level only");
        assert_eq!(body["incidentWindows"]["recent"], json!({ "from": "2024-01-01", "to": "2024-12-31" }));
        assert_eq!(body["incidentWindows"]["before"], json!({ "from": "2023-01-01", "to": "2023-12-31" }));
        let ranks: Vec<u64> =
            body["villages"].as_array().expect("villages").iter().map(|v| v["rank"].as_u64().expect("rank")).collect();
        assert_eq!(ranks, (1..=ranks.len() as u64).collect::<Vec<_>>());
        let last_row = body["villages"].as_array().expect("villages").last().expect("a village").clone();
        assert_eq!((last_row["code"].clone(), last_row["canServe"].clone()), (json!("OC-B"), json!(false)));

        // The prefecture sees Mengla's incidents near A too; the team's area is still Menghai.
        let (status, body) = get(&app.client, &app, &query).await;
        assert_eq!(status, StatusCode::OK, "{body}");
        let everywhere = expected_suggestions("OC-T1", &[MENGHAI, MENGLA], first, last);
        assert_eq!(actual_suggestions(&body), everywhere, "{}", app.backend);
        let a = everywhere.iter().find(|entry| entry.code == "OC-A").expect("A");
        assert_eq!(a.incidents, Some((1, 5)), "the model counts Mengla's two as well");

        // Another period: from 2024-06-01, B's planned session of 1 June is in it.
        let (first, last) = (date(2024, 6, 1), date(2024, 8, 31));
        let (_, body) =
            get(&app.client, &app, &format!("/api/v1/outreach/suggestions?team={t1}&from={first}&to={last}")).await;
        assert_eq!(actual_suggestions(&body), expected_suggestions("OC-T1", &[MENGHAI, MENGLA], first, last));
        let t2 = fixture.teams["OC-T2"];
        let (_, body) =
            get(&app.client, &app, &format!("/api/v1/outreach/suggestions?team={t2}&from=2025-01-01")).await;
        assert_eq!(body["to"], "2025-03-31", "three months by default");
        assert_eq!(
            actual_suggestions(&body),
            expected_suggestions("OC-T2", &[MENGHAI, MENGLA], date(2025, 1, 1), date(2025, 3, 31))
        );
    }
}

#[tokio::test]
async fn the_reasons_are_written_in_the_requests_language() {
    let app = spawn_app(&crate::helpers::Backend::Sqlite).await;
    let fixture = insert_fixtures(&app).await;
    let t1 = fixture.teams["OC-T1"];
    let reasons = |body: &Value, code: &str| -> Vec<String> {
        let row =
            body["villages"].as_array().expect("villages").iter().find(|v| v["code"] == code).expect("village").clone();
        row["reasons"]
            .as_array()
            .expect("reasons")
            .iter()
            .map(|r| r["text"].as_str().expect("text").to_owned())
            .collect()
    };
    let path = format!("/api/v1/outreach/suggestions?team={t1}&from=2025-01-01&to=2025-03-31");
    let (_, english) = get(&app.client, &app, &format!("{path}&lang=en")).await;
    let b = reasons(&english, "OC-B");
    assert_eq!(b[0], "Key village");
    assert_eq!(b[1], "No session has ever been held in Hani");
    assert!(b[2].contains("2 in the last 12 months"), "{b:?}");
    assert!(b[3].contains("No member") && b[3].contains("Hani"), "{b:?}");
    let a = reasons(&english, "OC-A");
    assert!(a[1].contains("2024-03-10") && a[1].contains("9 months ago") && a[1].contains("Tai Lü"), "{a:?}");
    let d = reasons(&english, "OC-D");
    assert!(d.last().is_some_and(|text| text.contains("2025-02-10")), "{d:?}");
    let (_, chinese) = get(&app.client, &app, &path).await;
    let b = reasons(&chinese, "OC-B");
    assert!(b[1].contains("哈尼语") && b[3].contains("哈尼语"), "{b:?}");
    assert_eq!(reasons(&chinese, "OC-C")[3], "村寨没有登记使用的语言");
}

#[tokio::test]
async fn other_counties_teams_are_not_found_and_bad_input_is_a_localized_400() {
    for backend in backends() {
        let app = spawn_app(&backend).await;
        let fixture = insert_fixtures(&app).await;
        let coordinator = client_with(&token_for(&app.db, "oc.coordinator", "outreach_coordinator", MENGHAI).await);
        let t2 = fixture.teams["OC-T2"];
        for team in [t2, 999_999] {
            let response = coordinator
                .get(format!("{}/api/v1/outreach/suggestions?team={team}&lang=en", app.address))
                .send()
                .await
                .expect("get");
            assert_eq!(response.status(), StatusCode::NOT_FOUND, "team {team}");
            assert_eq!(response.headers()["content-type"], "application/problem+json");
            let problem: Value = response.json().await.expect("json");
            let detail = problem["detail"].as_str().expect("detail");
            assert!(detail.contains("legal-outreach team") && detail.contains(&team.to_string()), "{detail}");
        }
        let t1 = fixture.teams["OC-T1"];
        let bad = [
            "/api/v1/outreach/suggestions".to_owned(),
            "/api/v1/outreach/suggestions?team=abc".to_owned(),
            format!("/api/v1/outreach/suggestions?team={t1}&from=2025-02-30"),
            format!("/api/v1/outreach/suggestions?team={t1}&from=2025-03-01&to=2025-02-01"),
            "/api/v1/outreach/coverage?from=2024-13-01".to_owned(),
            "/api/v1/outreach/coverage?from=2024-12-01&to=2024-01-01".to_owned(),
            "/api/v1/outreach/coverage?to=1850-01-01".to_owned(),
        ];
        for path in &bad {
            for (lang, title) in [("en", "Bad request"), ("zh-CN", "请求有误")] {
                let separator = if path.contains('?') { '&' } else { '?' };
                let response =
                    coordinator.get(format!("{}{path}{separator}lang={lang}", app.address)).send().await.expect("get");
                assert_eq!(response.status(), StatusCode::BAD_REQUEST, "{path}");
                assert_eq!(response.headers()["content-type"], "application/problem+json", "{path}");
                let problem: Value = response.json().await.expect("json");
                assert_eq!(problem["title"], title, "{path}: {problem}");
                assert!(!problem["detail"].as_str().expect("detail").contains("page-"), "{problem}");
            }
        }
        let member = client_with(&token_for(&app.db, "oc.member", "outreach_member", MENGHAI).await);
        for path in ["/api/v1/outreach/coverage".to_owned(), format!("/api/v1/outreach/suggestions?team={t1}")] {
            let (status, _) = get(&member, &app, &path).await;
            assert_eq!(status, StatusCode::FORBIDDEN, "{path}");
            let response = app.anonymous.get(format!("{}{path}", app.address)).send().await.expect("get");
            assert_eq!(response.status(), StatusCode::UNAUTHORIZED, "{path}");
        }
    }
}

#[tokio::test]
async fn the_demo_is_covered_and_ranked_the_way_the_dashboard_counts_it() {
    for backend in backends() {
        let app = spawn_app_with_demo(&backend, 4, 2000).await;
        let (status, dashboard) = get(&app.client, &app, "/api/v1/dashboard?year=2024").await;
        assert_eq!(status, StatusCode::OK);
        let (status, coverage) =
            get(&app.client, &app, "/api/v1/outreach/coverage?from=2024-01-01&to=2024-12-31").await;
        assert_eq!(status, StatusCode::OK, "{coverage}");
        let figure = |id: &str| {
            dashboard["figures"].as_array().expect("figures").iter().find(|f| f["id"] == id).expect("figure")["compare"]
                .clone()
        };
        assert!(coverage["hasData"].as_bool().expect("hasData"), "the demo holds sessions in 2024");
        assert_eq!(figure("outreach-key-villages"), coverage["keyVillages"]["sharePercent"]);
        assert_eq!(figure("outreach-all-villages"), coverage["allVillages"]["sharePercent"]);
        let key = api_tally(&coverage["keyVillages"]);
        let uncovered = coverage["uncoveredKeyVillages"].as_array().expect("uncovered").len() as u64;
        assert_eq!(uncovered, key.0 - key.1);
        let by_county: u64 =
            coverage["byCounty"].as_array().expect("counties").iter().map(|row| api_tally(&row["allVillages"]).0).sum();
        assert_eq!(by_county, api_tally(&coverage["allVillages"]).0);

        let team = outreach_team::Entity::find().one(&app.db).await.expect("read").expect("a demo team");
        let (status, body) =
            get(&app.client, &app, &format!("/api/v1/outreach/suggestions?team={}&from=2025-01-01", team.id)).await;
        assert_eq!(status, StatusCode::OK, "{body}");
        let villages = body["villages"].as_array().expect("villages");
        assert!(!villages.is_empty());
        let order = |row: &Value| {
            let group = ["open", "planned", "cannot-serve"].iter().position(|g| row["group"] == *g).expect("group");
            (group, u64::MAX - row["score"].as_u64().expect("score"))
        };
        assert!(villages.windows(2).all(|pair| order(&pair[0]) <= order(&pair[1])), "ranked");
        assert!(
            villages.iter().any(|row| row["incidents"]["recent"].as_i64().is_some_and(|n| n > 0)),
            "incidents near some"
        );
    }
}

#[test]
fn every_reason_and_the_any_language_word_have_a_message_in_chinese_and_english() {
    use banna_border::domain::outreach_plan::Reason;
    let localizer = banna_border::i18n::Localizer::load_embedded().expect("locales load");
    let day = date(2025, 1, 1);
    let language = || "hni".to_owned();
    let reasons = [
        Reason::KeyVillage,
        Reason::NeverHeld,
        Reason::LastHeld { on: day, months: 3 },
        Reason::IncidentsRising { before: 1, recent: 2 },
        Reason::IncidentsNew { recent: 2 },
        Reason::IncidentsSteady { count: 2 },
        Reason::IncidentsFalling { before: 2, recent: 1 },
        Reason::NoIncidents,
        Reason::NotLocated,
        Reason::LanguageServed { language: language() },
        Reason::LanguageNotServed { language: language() },
        Reason::NoLanguageListed,
        Reason::AlreadyPlanned { on: day },
    ];
    for tag in ["zh-CN", "en"] {
        let lang: unic_langid::LanguageIdentifier = tag.parse().expect("tag");
        let ids = localizer.message_ids(&lang);
        for id in reasons.iter().map(Reason::message_id).chain(["outreach-plan-any-language"]) {
            assert!(ids.iter().any(|known| known == id), "{id} is missing from {tag}");
        }
    }
}
