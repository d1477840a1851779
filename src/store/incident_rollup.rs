//! The monthly rollup of live incidents: rebuilding it for a time zone, knowing whether it is
//! complete for one, and the grouped sums the trend and change queries read from it.
//!
//! Two tables (see the `incident_rollup_cells` migration): `incident_rollup_cells` (local month
//! × 1-km cell × section × admin unit) for questions without a category, `incident_rollup`
//! (the same with the category first in its key) for questions about categories. Triggers on
//! `incidents` keep both exact on every write once the months table is filled;
//! `meta.incident_rollup_tz` names the time zone the months were filled for, and only queries
//! in that time zone read the rollup.

use chrono::{DateTime, Utc};
use sea_orm::{ActiveValue::Set, ConnectionTrait, DatabaseBackend, EntityTrait, QueryResult};

use super::StoreError;
use super::entities::{incident_rollup_month, meta};
use super::incident_bins::{
    BinCount, GroupColumn, GroupCount, GroupKey, Narrowing, PeriodBinCount, Sql, scope_condition,
};
use crate::domain::auth::Jurisdiction;

/// The `meta` key naming the time zone the rollup is complete for.
pub const TZ_KEY: &str = "incident_rollup_tz";

/// One local month as UTC instants: `(year × 100 + month, starts_at, ends_at)`.
pub type MonthBounds = (i32, DateTime<Utc>, DateTime<Utc>);

/// The table with categories, and the one without.
const BY_CATEGORY: &str = "incident_rollup";
const CELLS: &str = "incident_rollup_cells";

/// Whether the rollup is complete for time zone `tz` (its IANA name).
pub async fn ready_for(db: &impl ConnectionTrait, tz: &str) -> Result<bool, StoreError> {
    Ok(super::meta::get(db, TZ_KEY).await?.as_deref() == Some(tz))
}

/// The time zone the rollup is complete for, if any.
pub async fn time_zone(db: &impl ConnectionTrait) -> Result<Option<String>, StoreError> {
    super::meta::get(db, TZ_KEY).await
}

/// Stops the triggers from counting (they find no month for any time once the months table is
/// empty) and marks the rollup incomplete; [`rebuild`] restores both. For bulk writes, inside
/// their transaction: a rebuild costs far less than a million trigger updates.
pub async fn suspend(db: &impl ConnectionTrait) -> Result<(), StoreError> {
    meta::Entity::delete_by_id(TZ_KEY.to_owned()).exec(db).await?;
    // On PostgreSQL a DELETE leaves the dead month rows in place until the transaction ends, and
    // every trigger lookup during a bulk write would still walk them (measured: 7 s per 20,000
    // imported rows against 16 ms); TRUNCATE is transactional there and leaves nothing behind.
    let emptying = match db.get_database_backend() {
        DatabaseBackend::Postgres => "TRUNCATE incident_rollup_months",
        _ => "DELETE FROM incident_rollup_months",
    };
    db.execute_unprepared(emptying).await?;
    Ok(())
}

/// `floor(border_km)` of incident `i` as a km cell, as the triggers compute it.
fn cell_sql(backend: DatabaseBackend) -> &'static str {
    match backend {
        DatabaseBackend::Postgres => {
            "CASE WHEN i.border_km IS NULL THEN -1 WHEN i.border_km < 0 THEN 0 \
             ELSE LEAST(FLOOR(i.border_km), 1000000)::integer END"
        }
        _ => {
            "CASE WHEN i.border_km IS NULL THEN -1 WHEN i.border_km < 0 THEN 0 \
             ELSE MIN(CAST(i.border_km AS INTEGER), 1000000) END"
        }
    }
}

/// The live incidents counted per category, month, cell, section and unit, straight from the
/// incidents table (joined to the months table), as the rollup should hold them.
fn counted_from_incidents(backend: DatabaseBackend) -> String {
    format!(
        "SELECT i.category AS r_category, m.month AS r_month, {} AS r_cell, COALESCE(i.section, '') AS r_section, \
         COALESCE(i.admin_unit_id, 0) AS r_unit, CAST(COUNT(*) AS BIGINT) AS r_incidents, \
         CAST(SUM(i.persons_apprehended) AS BIGINT) AS r_persons \
         FROM incident_rollup_months m JOIN incidents i ON i.occurred_at >= m.starts_at AND i.occurred_at < m.ends_at \
         WHERE i.deleted_at IS NULL \
         GROUP BY r_category, r_month, r_cell, r_section, r_unit",
        cell_sql(backend)
    )
}

/// Refills the months table with `months` (the local months of `tz`) and recounts both rollup
/// tables from the incidents table, then records `tz` as the rollup's time zone. Run it in a
/// transaction: until it commits, readers keep the previous rollup. Returns the rows of the
/// table with categories.
pub async fn rebuild(db: &impl ConnectionTrait, months: &[MonthBounds], tz: &str) -> Result<u64, StoreError> {
    let backend = db.get_database_backend();
    meta::Entity::delete_by_id(TZ_KEY.to_owned()).exec(db).await?;
    for table in [BY_CATEGORY, CELLS, "incident_rollup_months"] {
        db.execute_unprepared(&format!("DELETE FROM {table}")).await?;
    }
    for chunk in months.chunks(500) {
        let rows = chunk.iter().map(|(month, starts_at, ends_at)| incident_rollup_month::ActiveModel {
            month: Set(*month),
            starts_at: Set(*starts_at),
            ends_at: Set(*ends_at),
        });
        incident_rollup_month::Entity::insert_many(rows).exec(db).await?;
    }
    let inserted = db
        .execute_unprepared(&format!(
            "INSERT INTO {BY_CATEGORY} (category, month, km_cell, section, admin_unit_id, incidents, persons) {}",
            counted_from_incidents(backend)
        ))
        .await?
        .rows_affected();
    db.execute_unprepared(&format!(
        "INSERT INTO {CELLS} (month, km_cell, section, admin_unit_id, incidents, persons) \
         SELECT month, km_cell, section, admin_unit_id, SUM(incidents), SUM(persons) FROM {BY_CATEGORY} \
         GROUP BY month, km_cell, section, admin_unit_id"
    ))
    .await?;
    if backend == DatabaseBackend::Postgres {
        // After a bulk write the planner's statistics are those of the table before it: without
        // them PostgreSQL scans every incident for a day's worth (measured: 0.5 s against 30 ms).
        db.execute_unprepared("ANALYZE incidents, incident_rollup, incident_rollup_cells, incident_rollup_months")
            .await?;
    }
    super::meta::insert(db, TZ_KEY, tz).await?;
    Ok(inserted)
}

/// `FROM … WHERE …` over the rollup rows of `scope` in months `first ..= last` matching
/// `narrowing`: the table with categories when a category is asked for (or `by_category`),
/// else the smaller one.
fn rows_of(
    sql: &mut Sql,
    scope: &Jurisdiction,
    narrowing: Narrowing<'_>,
    months: (i32, i32),
    by_category: bool,
) -> String {
    let table = if narrowing.category.is_some() || by_category { BY_CATEGORY } else { CELLS };
    let mut conditions = vec![format!("month BETWEEN {} AND {}", sql.bind(months.0), sql.bind(months.1))];
    if let Some(category) = narrowing.category {
        conditions.push(format!("category = {}", sql.bind(category.to_owned())));
    }
    if let Some(section) = narrowing.section {
        conditions.push(format!("section = {}", sql.bind(section.to_owned())));
    }
    conditions.extend(scope_condition("admin_unit_id", scope));
    format!("FROM {table} WHERE {}", conditions.join(" AND "))
}

/// The bin of a km cell for bins of `cells_per_bin` km, as SQL (an integer on both backends).
/// One-km bins are the cells themselves, so grouping follows the tables' key order and needs no
/// sort. The width is a whole number formatted by Rust, never text from a request.
fn bin_of_cell(cells_per_bin: i64) -> String {
    if cells_per_bin == 1 { "km_cell".to_owned() } else { format!("CAST(km_cell / {cells_per_bin} AS INTEGER)") }
}

const SUMS: &str = "CAST(SUM(incidents) AS BIGINT), CAST(SUM(persons) AS BIGINT)";

fn number(row: &QueryResult, index: usize) -> Result<i64, StoreError> {
    Ok(row.try_get_by_index::<Option<i64>>(index)?.unwrap_or(0))
}

/// Live incidents with border fields per month (as `period`, `year × 100 + month`) and per bin
/// of `cells_per_bin` km (`floor(km_cell / cells_per_bin)`), in months `first ..= last`.
/// Groups without incidents are absent (or say 0 after deletions).
pub async fn count_per_month_bin(
    db: &impl ConnectionTrait,
    scope: &Jurisdiction,
    narrowing: Narrowing<'_>,
    cells_per_bin: i64,
    months: (i32, i32),
) -> Result<Vec<PeriodBinCount>, StoreError> {
    let mut sql = Sql::new(db.get_database_backend());
    let from = rows_of(&mut sql, scope, narrowing, months, false);
    let bin = bin_of_cell(cells_per_bin);
    let text = format!("SELECT month, {bin} AS bin_index, {SUMS} {from} AND km_cell >= 0 GROUP BY month, {bin}");
    let rows = db.query_all_raw(sql.statement(text)).await?;
    rows.iter()
        .map(|row| {
            Ok(PeriodBinCount {
                period: i64::from(row.try_get_by_index::<i32>(0)?),
                bin: i64::from(row.try_get_by_index::<i32>(1)?),
                incidents: number(row, 2)?,
                persons: number(row, 3)?,
            })
        })
        .collect()
}

/// Like [`count_per_month_bin`] without a narrowing, summed over the months: per bin only.
pub async fn count_per_bin(
    db: &impl ConnectionTrait,
    scope: &Jurisdiction,
    cells_per_bin: i64,
    months: (i32, i32),
) -> Result<Vec<BinCount>, StoreError> {
    let mut sql = Sql::new(db.get_database_backend());
    let from = rows_of(&mut sql, scope, Narrowing::default(), months, false);
    let bin = bin_of_cell(cells_per_bin);
    let text = format!("SELECT {bin} AS bin_index, {SUMS} {from} AND km_cell >= 0 GROUP BY {bin}");
    let rows = db.query_all_raw(sql.statement(text)).await?;
    rows.iter()
        .map(|row| {
            let bin = i64::from(row.try_get_by_index::<i32>(0)?);
            Ok(BinCount { bin, incidents: number(row, 1)?, persons: number(row, 2)? })
        })
        .collect()
}

/// Live incidents (with or without border fields) of months `first ..= last`, grouped by
/// `group` (see [`super::incident_bins::count_grouped`], which reads the incidents instead).
pub async fn count_grouped(
    db: &impl ConnectionTrait,
    scope: &Jurisdiction,
    group: GroupColumn,
    months: (i32, i32),
) -> Result<Vec<GroupCount>, StoreError> {
    let mut sql = Sql::new(db.get_database_backend());
    let from = rows_of(&mut sql, scope, Narrowing::default(), months, group == GroupColumn::Category);
    let text = match group {
        GroupColumn::Nothing => format!("SELECT {SUMS} {from}"),
        GroupColumn::Section => format!("SELECT {SUMS}, section {from} GROUP BY section"),
        GroupColumn::Category => format!("SELECT {SUMS}, category {from} GROUP BY category"),
        GroupColumn::AdminUnit => format!("SELECT {SUMS}, admin_unit_id {from} GROUP BY admin_unit_id"),
    };
    let rows = db.query_all_raw(sql.statement(text)).await?;
    rows.iter()
        .map(|row| {
            let key = match group {
                GroupColumn::Nothing => GroupKey::All,
                GroupColumn::Section | GroupColumn::Category => {
                    GroupKey::Code(Some(row.try_get_by_index::<String>(2)?).filter(|code| !code.is_empty()))
                }
                GroupColumn::AdminUnit => GroupKey::Unit(Some(row.try_get_by_index::<i32>(2)?).filter(|id| *id != 0)),
            };
            Ok(GroupCount { key, incidents: number(row, 0)?, persons: number(row, 1)? })
        })
        .collect()
}

/// One key of the rollup and its sums (`category` empty in the table without categories).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RollupRow {
    pub category: String,
    pub month: i32,
    pub km_cell: i32,
    pub section: String,
    pub admin_unit_id: i32,
    pub incidents: i64,
    pub persons: i64,
}

/// What the rollup holds and what the incidents say it should, for each of its two tables:
/// `[(expected, actual); 2]` (with categories, then without), rows with non-zero sums in key
/// order. For checking that the triggers kept it exact.
pub async fn compare_with_incidents(
    db: &impl ConnectionTrait,
) -> Result<[(Vec<RollupRow>, Vec<RollupRow>); 2], StoreError> {
    let backend = db.get_database_backend();
    let counted = counted_from_incidents(backend);
    let queries = [
        format!(
            "SELECT r_category, r_month, r_cell, r_section, r_unit, r_incidents, r_persons FROM ({counted}) c \
             ORDER BY r_category, r_month, r_cell, r_section, r_unit"
        ),
        format!(
            "SELECT category, month, km_cell, section, admin_unit_id, CAST(incidents AS BIGINT), \
             CAST(persons AS BIGINT) FROM {BY_CATEGORY} WHERE incidents <> 0 OR persons <> 0 \
             ORDER BY category, month, km_cell, section, admin_unit_id"
        ),
        format!(
            "SELECT '' AS r_category, r_month, r_cell, r_section, r_unit, CAST(SUM(r_incidents) AS BIGINT), \
             CAST(SUM(r_persons) AS BIGINT) FROM ({counted}) c \
             GROUP BY r_month, r_cell, r_section, r_unit ORDER BY r_month, r_cell, r_section, r_unit"
        ),
        format!(
            "SELECT '' AS category, month, km_cell, section, admin_unit_id, CAST(incidents AS BIGINT), \
             CAST(persons AS BIGINT) FROM {CELLS} WHERE incidents <> 0 OR persons <> 0 \
             ORDER BY month, km_cell, section, admin_unit_id"
        ),
    ];
    let mut found = Vec::new();
    for text in queries {
        let rows = db.query_all_raw(Sql::new(backend).statement(text)).await?;
        let rows = rows
            .iter()
            .map(|row| {
                Ok(RollupRow {
                    category: row.try_get_by_index(0)?,
                    month: row.try_get_by_index(1)?,
                    km_cell: row.try_get_by_index(2)?,
                    section: row.try_get_by_index(3)?,
                    admin_unit_id: row.try_get_by_index(4)?,
                    incidents: row.try_get_by_index(5)?,
                    persons: row.try_get_by_index(6)?,
                })
            })
            .collect::<Result<Vec<_>, StoreError>>()?;
        found.push(rows);
    }
    let mut found = found.into_iter();
    let mut next = || found.next().unwrap_or_default();
    Ok([(next(), next()), (next(), next())])
}
