//! Records the integration tests insert directly, shared by the modules that build fixtures
//! by hand (dashboard figures, linkage compliance).

use banna_border::store::entities::{admin_unit, linkage, visit};
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
        flags: Set(json!([])),
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
    .expect("insert visit");
}
