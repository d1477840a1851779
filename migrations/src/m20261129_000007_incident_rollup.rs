//! The monthly rollup of live incidents (local month × 1-km cell of the border × category ×
//! section × admin unit → incidents, persons apprehended), the table of local months it is
//! keyed by, and the triggers that keep it equal to `incidents` on every insert, update and
//! delete, whoever writes: the demo loader, imports, the intake API, a border import's
//! recomputation, or a test inserting rows directly.
//!
//! The months table is filled by the application for its configured time zone
//! (`services::trends::ensure_rollup`); while it is empty the triggers add nothing, and the
//! queries do not read the rollup until it has been rebuilt for their time zone.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;
use sea_orm_migration::sea_orm::DatabaseBackend;

use crate::columns::index;

#[derive(DeriveMigrationName)]
pub struct Migration;

/// `floor(border_km)` of a row as the rollup's km cell: −1 without border fields, never below
/// 0 (the first bin holds anything before km 0) nor above 1,000,000 (the last bin holds
/// anything past the end of the line).
fn cell(backend: DatabaseBackend, row: &str) -> String {
    let floor = match backend {
        DatabaseBackend::Postgres => format!("LEAST(FLOOR({row}.border_km), 1000000)::integer"),
        _ => format!("MIN(CAST({row}.border_km AS INTEGER), 1000000)"),
    };
    format!("CASE WHEN {row}.border_km IS NULL THEN -1 WHEN {row}.border_km < 0 THEN 0 ELSE {floor} END")
}

const KEY: &str = "month, km_cell, category, section, admin_unit_id";

/// SQLite: one row-level trigger per event. `sign` is `1` to add the row, `-1` to take it away.
fn sqlite_apply(row: &str, sign: i32) -> String {
    let cell = cell(DatabaseBackend::Sqlite, row);
    format!(
        "INSERT INTO incident_rollup ({KEY}, incidents, persons) \
         SELECT m.month, {cell}, {row}.category, COALESCE({row}.section, ''), COALESCE({row}.admin_unit_id, 0), \
         {sign}, {sign} * {row}.persons_apprehended \
         FROM incident_rollup_months m \
         WHERE m.month = (SELECT month FROM incident_rollup_months WHERE starts_at <= {row}.occurred_at \
                          ORDER BY starts_at DESC LIMIT 1) \
         AND {row}.occurred_at < m.ends_at AND {row}.deleted_at IS NULL \
         ON CONFLICT ({KEY}) DO UPDATE SET incidents = incident_rollup.incidents + excluded.incidents, \
         persons = incident_rollup.persons + excluded.persons;"
    )
}

fn sqlite_triggers() -> Vec<String> {
    vec![
        format!("CREATE TRIGGER incident_rollup_insert AFTER INSERT ON incidents BEGIN {} END", sqlite_apply("NEW", 1)),
        format!(
            "CREATE TRIGGER incident_rollup_update AFTER UPDATE OF occurred_at, category, persons_apprehended, \
             admin_unit_id, border_km, section, deleted_at ON incidents BEGIN {} {} END",
            sqlite_apply("OLD", -1),
            sqlite_apply("NEW", 1)
        ),
        format!(
            "CREATE TRIGGER incident_rollup_delete AFTER DELETE ON incidents BEGIN {} END",
            sqlite_apply("OLD", -1)
        ),
    ]
}

/// PostgreSQL: statement-level triggers over the transition tables, one grouped upsert per
/// statement (a batch insert of a thousand rows costs one aggregate, not a thousand).
fn postgres_apply(rows: &str, sign: &str) -> String {
    let cell = cell(DatabaseBackend::Postgres, "t");
    format!(
        "INSERT INTO incident_rollup AS r ({KEY}, incidents, persons) \
         SELECT m.month AS r_month, {cell} AS r_cell, t.category AS r_category, \
         COALESCE(t.section, '') AS r_section, COALESCE(t.admin_unit_id, 0) AS r_unit, \
         {sign}COUNT(*), {sign}SUM(t.persons_apprehended) \
         FROM {rows} t JOIN incident_rollup_months m ON t.occurred_at >= m.starts_at AND t.occurred_at < m.ends_at \
         WHERE t.deleted_at IS NULL \
         GROUP BY r_month, r_cell, r_category, r_section, r_unit \
         ON CONFLICT ({KEY}) DO UPDATE SET incidents = r.incidents + EXCLUDED.incidents, \
         persons = r.persons + EXCLUDED.persons;"
    )
}

fn postgres_triggers() -> Vec<String> {
    vec![
        format!(
            "CREATE FUNCTION incident_rollup_apply() RETURNS trigger LANGUAGE plpgsql AS $body$ \
             BEGIN \
               IF TG_OP IN ('UPDATE', 'DELETE') THEN {} END IF; \
               IF TG_OP IN ('INSERT', 'UPDATE') THEN {} END IF; \
               RETURN NULL; \
             END $body$",
            postgres_apply("old_rows", "-"),
            postgres_apply("new_rows", "")
        ),
        "CREATE TRIGGER incident_rollup_insert AFTER INSERT ON incidents REFERENCING NEW TABLE AS new_rows \
         FOR EACH STATEMENT EXECUTE FUNCTION incident_rollup_apply()"
            .to_owned(),
        "CREATE TRIGGER incident_rollup_update AFTER UPDATE ON incidents \
         REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows \
         FOR EACH STATEMENT EXECUTE FUNCTION incident_rollup_apply()"
            .to_owned(),
        "CREATE TRIGGER incident_rollup_delete AFTER DELETE ON incidents REFERENCING OLD TABLE AS old_rows \
         FOR EACH STATEMENT EXECUTE FUNCTION incident_rollup_apply()"
            .to_owned(),
    ]
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table("incident_rollup_months")
                    .col(integer("month").primary_key())
                    .col(timestamp_with_time_zone("starts_at"))
                    .col(timestamp_with_time_zone("ends_at"))
                    .take(),
            )
            .await?;
        manager.create_index(index("incident_rollup_months", &["starts_at"]).unique().take()).await?;
        manager
            .create_table(
                Table::create()
                    .table("incident_rollup")
                    .col(integer("month"))
                    .col(integer("km_cell"))
                    .col(string("category"))
                    .col(string("section"))
                    .col(integer("admin_unit_id"))
                    .col(big_integer("incidents"))
                    .col(big_integer("persons"))
                    .primary_key(
                        Index::create().col("month").col("km_cell").col("category").col("section").col("admin_unit_id"),
                    )
                    .take(),
            )
            .await?;
        let db = manager.get_connection();
        let statements = match manager.get_database_backend() {
            DatabaseBackend::Postgres => postgres_triggers(),
            _ => sqlite_triggers(),
        };
        for statement in statements {
            db.execute_unprepared(&statement).await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let db = manager.get_connection();
        let postgres = manager.get_database_backend() == DatabaseBackend::Postgres;
        for event in ["insert", "update", "delete"] {
            let on = if postgres { " ON incidents" } else { "" };
            db.execute_unprepared(&format!("DROP TRIGGER IF EXISTS incident_rollup_{event}{on}")).await?;
        }
        if postgres {
            db.execute_unprepared("DROP FUNCTION IF EXISTS incident_rollup_apply()").await?;
        }
        for table in ["incident_rollup", "incident_rollup_months"] {
            manager.drop_table(Table::drop().table(table).if_exists().take()).await?;
        }
        Ok(())
    }
}
