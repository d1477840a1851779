//! The monthly rollup in two tables shaped for their queries (measured on 1,000,000 demo
//! incidents, SQLite): `incident_rollup_cells` (local month × 1-km cell × section × admin unit,
//! about 20,000 rows) answers the trends and changes without a category, and
//! `incident_rollup` is rebuilt with the category first in its key (category × month × cell ×
//! section × admin unit, about 90,000 rows) for those with one. On SQLite both are WITHOUT
//! ROWID tables clustered on their key, so a range of months is read in key order without
//! looking rows up. The triggers of `m20261129_000007_incident_rollup` are replaced by ones
//! keeping both tables exact; the rollup's time zone is forgotten so the application rebuilds
//! both on its next start (`services::trends::ensure_rollup`).

use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::DatabaseBackend;

#[derive(DeriveMigrationName)]
pub struct Migration;

/// A rollup table: its name and its key columns in key order.
struct Target {
    table: &'static str,
    key: &'static [&'static str],
}

/// The tables after this migration.
const TARGETS: [Target; 2] = [
    Target { table: "incident_rollup", key: &["category", "month", "km_cell", "section", "admin_unit_id"] },
    Target { table: "incident_rollup_cells", key: &["month", "km_cell", "section", "admin_unit_id"] },
];

/// The table of `m20261129_000007_incident_rollup`, restored by [`Migration::down`].
const BEFORE: [Target; 1] =
    [Target { table: "incident_rollup", key: &["month", "km_cell", "category", "section", "admin_unit_id"] }];

/// The value of key column `column` for incident row `row` (`m` is its month in the months
/// table). The km cell is `floor(border_km)`: −1 without border fields, never below 0 (the
/// first bin holds anything before km 0) nor above 1,000,000 (the last holds anything past
/// the end of the line).
fn key_value(backend: DatabaseBackend, column: &str, row: &str) -> String {
    match column {
        "category" => format!("{row}.category"),
        "month" => "m.month".to_owned(),
        "km_cell" => {
            let floor = match backend {
                DatabaseBackend::Postgres => format!("LEAST(FLOOR({row}.border_km), 1000000)::integer"),
                _ => format!("MIN(CAST({row}.border_km AS INTEGER), 1000000)"),
            };
            format!("CASE WHEN {row}.border_km IS NULL THEN -1 WHEN {row}.border_km < 0 THEN 0 ELSE {floor} END")
        }
        "section" => format!("COALESCE({row}.section, '')"),
        _ => format!("COALESCE({row}.{column}, 0)"),
    }
}

fn create_table(backend: DatabaseBackend, target: &Target, clustered: bool) -> String {
    let (big, text) = match backend {
        DatabaseBackend::Postgres => ("bigint", "varchar"),
        _ => ("integer", "text"),
    };
    let columns: Vec<String> = target
        .key
        .iter()
        .map(|column| {
            let kind = if matches!(*column, "category" | "section") { text } else { "integer" };
            format!("{column} {kind} NOT NULL")
        })
        .collect();
    let without_rowid = if clustered && backend != DatabaseBackend::Postgres { " WITHOUT ROWID" } else { "" };
    format!(
        "CREATE TABLE {} ({}, incidents {big} NOT NULL, persons {big} NOT NULL, PRIMARY KEY ({})){without_rowid}",
        target.table,
        columns.join(", "),
        target.key.join(", ")
    )
}

/// SQLite: adds (`sign` 1) or takes away (−1) the incident `row` (NEW or OLD) in `target`, in
/// the month the months table gives its time; nothing for a deleted row or a time outside the
/// months table.
fn sqlite_apply(target: &Target, row: &str, sign: i32) -> String {
    let values: Vec<String> = target.key.iter().map(|column| key_value(DatabaseBackend::Sqlite, column, row)).collect();
    let (table, key) = (target.table, target.key.join(", "));
    format!(
        "INSERT INTO {table} ({key}, incidents, persons) \
         SELECT {}, {sign}, {sign} * {row}.persons_apprehended \
         FROM incident_rollup_months m \
         WHERE m.month = (SELECT month FROM incident_rollup_months WHERE starts_at <= {row}.occurred_at \
                          ORDER BY starts_at DESC LIMIT 1) \
         AND {row}.occurred_at < m.ends_at AND {row}.deleted_at IS NULL \
         ON CONFLICT ({key}) DO UPDATE SET incidents = {table}.incidents + excluded.incidents, \
         persons = {table}.persons + excluded.persons;",
        values.join(", ")
    )
}

fn sqlite_triggers(targets: &[Target]) -> Vec<String> {
    let all = |row: &str, sign: i32| targets.iter().map(|t| sqlite_apply(t, row, sign)).collect::<Vec<_>>().join(" ");
    vec![
        format!("CREATE TRIGGER incident_rollup_insert AFTER INSERT ON incidents BEGIN {} END", all("NEW", 1)),
        format!(
            "CREATE TRIGGER incident_rollup_update AFTER UPDATE OF occurred_at, category, persons_apprehended, \
             admin_unit_id, border_km, section, deleted_at ON incidents BEGIN {} {} END",
            all("OLD", -1),
            all("NEW", 1)
        ),
        format!("CREATE TRIGGER incident_rollup_delete AFTER DELETE ON incidents BEGIN {} END", all("OLD", -1)),
    ]
}

/// PostgreSQL: one grouped upsert of a transition table (`old_rows`, `new_rows`) into `target`.
fn postgres_apply(target: &Target, rows: &str, sign: &str) -> String {
    let values: Vec<String> = target
        .key
        .iter()
        .map(|column| format!("{} AS r_{column}", key_value(DatabaseBackend::Postgres, column, "t")))
        .collect();
    let groups: Vec<String> = target.key.iter().map(|column| format!("r_{column}")).collect();
    let (table, key) = (target.table, target.key.join(", "));
    format!(
        "INSERT INTO {table} AS r ({key}, incidents, persons) \
         SELECT {}, {sign}COUNT(*), {sign}SUM(t.persons_apprehended) \
         FROM {rows} t JOIN incident_rollup_months m ON t.occurred_at >= m.starts_at AND t.occurred_at < m.ends_at \
         WHERE t.deleted_at IS NULL \
         GROUP BY {} \
         ON CONFLICT ({key}) DO UPDATE SET incidents = r.incidents + EXCLUDED.incidents, \
         persons = r.persons + EXCLUDED.persons;",
        values.join(", "),
        groups.join(", ")
    )
}

/// The function the PostgreSQL triggers (statement-level, over the transition tables) call:
/// the triggers call it by name, so replacing it changes what they do.
fn postgres_function(targets: &[Target]) -> String {
    let all =
        |rows: &str, sign: &str| targets.iter().map(|t| postgres_apply(t, rows, sign)).collect::<Vec<_>>().join(" ");
    format!(
        "CREATE OR REPLACE FUNCTION incident_rollup_apply() RETURNS trigger LANGUAGE plpgsql AS $body$ \
         BEGIN \
           IF TG_OP IN ('UPDATE', 'DELETE') THEN {} END IF; \
           IF TG_OP IN ('INSERT', 'UPDATE') THEN {} END IF; \
           RETURN NULL; \
         END $body$",
        all("old_rows", "-"),
        all("new_rows", "")
    )
}

/// Replaces the rollup tables `from` by `to` with the triggers keeping `to`, and forgets the
/// rollup's time zone so it is rebuilt.
fn replace(backend: DatabaseBackend, from: &[Target], to: &[Target], clustered: bool) -> Vec<String> {
    let mut statements = Vec::new();
    if backend != DatabaseBackend::Postgres {
        for event in ["insert", "update", "delete"] {
            statements.push(format!("DROP TRIGGER IF EXISTS incident_rollup_{event}"));
        }
    }
    statements.extend(from.iter().map(|target| format!("DROP TABLE IF EXISTS {}", target.table)));
    statements.extend(to.iter().map(|target| create_table(backend, target, clustered)));
    if backend == DatabaseBackend::Postgres {
        statements.push(postgres_function(to));
    } else {
        statements.extend(sqlite_triggers(to));
    }
    statements.push("DELETE FROM meta WHERE key = 'incident_rollup_tz'".to_owned());
    statements
}

async fn run(manager: &SchemaManager<'_>, statements: Vec<String>) -> Result<(), DbErr> {
    let db = manager.get_connection();
    for statement in statements {
        db.execute_unprepared(&statement).await?;
    }
    Ok(())
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    /// In one transaction on every backend: the tables and triggers are dropped and created
    /// again on one connection, and a failure leaves the previous rollup as it was.
    fn use_transaction(&self) -> Option<bool> {
        Some(true)
    }

    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        run(manager, replace(manager.get_database_backend(), &BEFORE, &TARGETS, true)).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        run(manager, replace(manager.get_database_backend(), &TARGETS, &BEFORE, false)).await
    }
}
