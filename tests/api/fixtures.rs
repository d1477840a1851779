//! Records the integration tests insert directly, shared by the modules that build fixtures
//! by hand (dashboard figures, linkage compliance, flagged visits and patrol gaps).

use banna_border::border::{Border, Location, Side};
use banna_border::store::entities::{
    admin_unit, department, incident, linkage, patrol, post, village, village_language, visit,
};
use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use sea_orm::ActiveValue::{NotSet, Set};
use sea_orm::{ActiveModelTrait, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter};
use serde_json::json;

/// A local (Asia/Shanghai, UTC+8) time.
pub fn local(year: i32, month: u32, day: u32, hour: u32, minute: u32) -> DateTime<Utc> {
    chrono_tz::Asia::Shanghai
        .with_ymd_and_hms(year, month, day, hour, minute, 0)
        .single()
        .expect("a local time")
        .to_utc()
}

pub fn date(year: i32, month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, month, day).expect("a date")
}

pub async fn unit_id(db: &DatabaseConnection, code: &str) -> i32 {
    let unit = admin_unit::Entity::find().filter(admin_unit::Column::Code.eq(code)).one(db).await.expect("read");
    unit.expect("a seeded unit").id
}

pub async fn add_linkage(
    db: &DatabaseConnection,
    (department_id, village_id, post_id): (i32, i32, i32),
    starts_on: NaiveDate,
    ends_on: Option<NaiveDate>,
    (village_per_month, post_per_month): (i32, i32),
) -> i32 {
    linkage::ActiveModel {
        id: NotSet,
        department_id: Set(department_id),
        village_id: Set(village_id),
        post_id: Set(post_id),
        starts_on: Set(starts_on),
        ends_on: Set(ends_on),
        village_visits_per_month: Set(village_per_month),
        post_visits_per_month: Set(post_per_month),
        created_at: Set(Utc::now()),
        is_demo: Set(false),
    }
    .insert(db)
    .await
    .expect("insert linkage")
    .id
}

pub async fn add_visit(db: &DatabaseConnection, linkage_id: i32, officer_id: i32, target: &str, at: DateTime<Utc>) {
    add_flagged_visit(db, (linkage_id, officer_id), target, at, &[]).await;
}

/// A visit carrying `flags` (its distance and accuracy are left plausible: the stored flags
/// are what the lists and figures read); returns its id.
pub async fn add_flagged_visit(
    db: &DatabaseConnection,
    (linkage_id, officer_id): (i32, i32),
    target: &str,
    at: DateTime<Utc>,
    flags: &[&str],
) -> i32 {
    visit::ActiveModel {
        id: NotSet,
        uuid: Set(uuid::Uuid::new_v4()),
        linkage_id: Set(linkage_id),
        officer_id: Set(officer_id),
        target: Set(target.to_owned()),
        visited_at: Set(at),
        accuracy_m: Set(10.0),
        findings: Set(json!([])),
        follow_ups: Set(None),
        distance_to_target_m: Set(Some(50.0)),
        flags: Set(json!(flags)),
        created_at: Set(at),
        lon: Set(100.5),
        lat: Set(21.9),
        border_km: Set(None),
        distance_m: Set(None),
        section: Set(None),
        side: Set(None),
        is_demo: Set(false),
    }
    .insert(db)
    .await
    .expect("insert visit")
    .id
}

pub async fn add_village(db: &DatabaseConnection, code: &str, unit: i32, is_key: bool, languages: &[&str]) -> i32 {
    let row = village::ActiveModel {
        id: NotSet,
        code: Set(code.to_owned()),
        name_zh: Set(format!("测试寨{code}")),
        name_en: Set(None),
        name_local: Set(None),
        name_local_lang: Set(None),
        admin_unit_id: Set(unit),
        households: Set(20),
        population: Set(80),
        ethnic_groups: Set(json!(["dai"])),
        is_key: Set(is_key),
        lon: Set(100.5),
        lat: Set(21.9),
        border_km: Set(None),
        distance_m: Set(None),
        section: Set(None),
        side: Set(None),
        is_demo: Set(false),
    }
    .insert(db)
    .await
    .expect("insert village");
    for (position, language) in languages.iter().enumerate() {
        village_language::ActiveModel {
            village_id: Set(row.id),
            position: Set(position as i32),
            language: Set((*language).to_owned()),
        }
        .insert(db)
        .await
        .expect("insert language");
    }
    row.id
}

pub async fn add_department(db: &DatabaseConnection, code: &str, unit: i32) -> i32 {
    department::ActiveModel {
        id: NotSet,
        code: Set(code.to_owned()),
        name_zh: Set(format!("测试单位{code}")),
        name_en: Set(None),
        kind: Set("member_unit".to_owned()),
        admin_unit_id: Set(unit),
        is_demo: Set(false),
    }
    .insert(db)
    .await
    .expect("insert department")
    .id
}

/// A post of `unit` whose sector runs from `start_km` to `end_km`.
pub async fn add_post(db: &DatabaseConnection, code: &str, unit: i32, (start_km, end_km): (f64, f64)) -> i32 {
    post::ActiveModel {
        id: NotSet,
        code: Set(code.to_owned()),
        name_zh: Set(format!("测试联防所{code}")),
        name_en: Set(None),
        admin_unit_id: Set(unit),
        sector_start_km: Set(start_km),
        sector_end_km: Set(end_km),
        staff: Set(5),
        lon: Set(100.5),
        lat: Set(21.9),
        border_km: Set(None),
        distance_m: Set(None),
        section: Set(None),
        side: Set(None),
        is_demo: Set(false),
    }
    .insert(db)
    .await
    .expect("insert post")
    .id
}

/// A patrol of `post_id` that ended at `ended_at` (an hour long) and covered `covered_km`
/// (`[[start_km, end_km], …]`, stored as the app stores it; the track is a placeholder).
pub async fn add_patrol(db: &DatabaseConnection, post_id: i32, ended_at: DateTime<Utc>, covered_km: &[[f64; 2]]) {
    patrol::ActiveModel {
        id: NotSet,
        post_id: Set(post_id),
        started_at: Set(ended_at - chrono::Duration::hours(1)),
        ended_at: Set(ended_at),
        track_geojson: Set(json!({ "type": "LineString", "coordinates": [[100.5, 21.9], [100.51, 21.9]] }).to_string()),
        covered_km: Set(Some(json!(covered_km))),
        is_demo: Set(false),
    }
    .insert(db)
    .await
    .expect("insert patrol");
}

/// A live incident (or one deleted at `deleted_at`) of `category` at `at`, 150 m into China
/// from `km`, of the county `county_code`, with the border fields the engine gives its point.
pub struct NearBorder<'a> {
    pub km: f64,
    pub at: DateTime<Utc>,
    pub category: &'a str,
    pub persons: i32,
    pub county_code: &'a str,
    pub deleted_at: Option<DateTime<Utc>>,
}

/// Inserts `incident`; returns the stored row and where the engine located it.
pub async fn add_incident_near(
    db: &DatabaseConnection,
    border: &Border,
    incident: NearBorder<'_>,
) -> (incident::Model, Location) {
    let (lon, lat) = border.offset(incident.km, 150.0, Side::Cn).expect("a point");
    let location = border.locate(lon, lat).expect("located");
    let row = incident::ActiveModel {
        id: NotSet,
        occurred_at: Set(incident.at),
        category: Set(incident.category.to_owned()),
        persons_apprehended: Set(incident.persons),
        villagers_involved: Set(0),
        village_id: Set(None),
        admin_unit_id: Set(Some(unit_id(db, incident.county_code).await)),
        source: Set("test".to_owned()),
        description: Set(None),
        created_at: Set(incident.at),
        deleted_at: Set(incident.deleted_at),
        lon: Set(lon),
        lat: Set(lat),
        border_km: Set(Some(location.border_km)),
        distance_m: Set(Some(location.distance_m)),
        section: Set(Some(location.section.as_str().to_owned())),
        side: Set(Some(location.side.as_str().to_owned())),
        is_demo: Set(false),
    }
    .insert(db)
    .await
    .expect("insert incident");
    (row, location)
}
