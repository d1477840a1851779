//! Migrations from empty, and the constraints the schema promises, on every backend.

use banna_border::store::entities::{admin_unit, incident, village};
use chrono::Utc;
use migration::{Migrator, MigratorTrait};
use sea_orm::ActiveValue::{NotSet, Set};
use sea_orm::{ActiveModelTrait, ConnectionTrait, EntityTrait, PaginatorTrait, SqlErr};
use serde_json::json;

use crate::helpers::{backends, fresh_db};

fn a_village(code: &str, admin_unit_id: i32) -> village::ActiveModel {
    village::ActiveModel {
        id: NotSet,
        code: Set(code.to_owned()),
        name_zh: Set("测试寨".to_owned()),
        name_en: Set(None),
        name_local: Set(None),
        name_local_lang: Set(None),
        admin_unit_id: Set(admin_unit_id),
        households: Set(10),
        population: Set(40),
        ethnic_groups: Set(json!(["dai"])),
        is_key: Set(false),
        lon: Set(100.5),
        lat: Set(21.9),
        border_km: Set(None),
        distance_m: Set(None),
        section: Set(None),
        side: Set(None),
        is_demo: Set(false),
    }
}

#[tokio::test]
async fn migrations_run_from_empty_roll_back_and_run_again() {
    for backend in backends() {
        let (_guard, db) = fresh_db(&backend).await;
        assert!(Migrator::get_pending_migrations(&db).await.expect("pending").is_empty(), "{backend:?}");
        assert_eq!(admin_unit::Entity::find().count(&db).await.expect("count"), 4, "seeded prefecture and counties");
        assert_eq!(incident::Entity::find().count(&db).await.expect("count"), 0);

        Migrator::down(&db, None).await.expect("roll back everything");
        assert!(db.execute_unprepared("SELECT 1 FROM villages").await.is_err(), "villages is gone after rolling back");
        Migrator::up(&db, None).await.expect("migrate again");
        assert_eq!(admin_unit::Entity::find().count(&db).await.expect("count"), 4, "{backend:?}");
    }
}

#[tokio::test]
async fn foreign_keys_are_enforced() {
    for backend in backends() {
        let (_guard, db) = fresh_db(&backend).await;
        let error = a_village("V-FK", 999_999).insert(&db).await.expect_err("unknown admin unit is refused");
        assert!(
            matches!(error.sql_err(), Some(SqlErr::ForeignKeyConstraintViolation(_))),
            "{}: {error:?}",
            backend.name()
        );
        assert_eq!(village::Entity::find().count(&db).await.expect("count"), 0);
    }
}

#[tokio::test]
async fn a_village_code_is_unique() {
    for backend in backends() {
        let (_guard, db) = fresh_db(&backend).await;
        let county = admin_unit::Entity::find().all(&db).await.expect("units")[1].id;
        a_village("V-1", county).insert(&db).await.expect("first insert");
        let error = a_village("V-1", county).insert(&db).await.expect_err("duplicate code");
        assert!(matches!(error.sql_err(), Some(SqlErr::UniqueConstraintViolation(_))), "{}: {error:?}", backend.name());
    }
}

#[tokio::test]
async fn sqlite_runs_in_wal_mode() {
    let (_guard, db) = fresh_db(&crate::helpers::Backend::Sqlite).await;
    let row = db
        .query_one_raw(sea_orm::Statement::from_string(db.get_database_backend(), "PRAGMA journal_mode"))
        .await
        .expect("pragma")
        .expect("a row");
    let mode: String = row.try_get_by_index(0).expect("journal mode");
    assert_eq!(mode, "wal");
}

#[tokio::test]
async fn timestamps_round_trip_in_utc() {
    for backend in backends() {
        let (_guard, db) = fresh_db(&backend).await;
        let at = "2024-03-05T06:07:08Z".parse::<chrono::DateTime<Utc>>().expect("time");
        let stored = incident::ActiveModel {
            id: NotSet,
            occurred_at: Set(at),
            category: Set("smuggling".to_owned()),
            persons_apprehended: Set(1),
            villagers_involved: Set(0),
            village_id: Set(None),
            admin_unit_id: Set(None),
            source: Set("test".to_owned()),
            description: Set(None),
            created_at: Set(at),
            deleted_at: Set(None),
            lon: Set(100.1),
            lat: Set(21.7),
            border_km: Set(None),
            distance_m: Set(None),
            section: Set(None),
            side: Set(None),
            is_demo: Set(false),
        }
        .insert(&db)
        .await
        .expect("insert");
        let read = incident::Entity::find_by_id(stored.id).one(&db).await.expect("read").expect("row");
        assert_eq!(read.occurred_at, at, "{}", backend.name());
    }
}
