//! The monthly rollup of live incidents (local month × 1-km cell × category × section × admin
//! unit → incidents, persons): rebuilding it for a time zone, knowing whether it is complete
//! for one, and the grouped sums trend and change queries read from it.
//!
//! Triggers on `incidents` keep it exact on every write once its months table is filled (see
//! the `incident_rollup` migration); `meta.incident_rollup_tz` names the time zone its months
//! were filled for, and only queries in that time zone read it.

use chrono::{DateTime, Utc};
use sea_orm::sea_query::{Alias, Expr};
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseBackend, EntityTrait, ExprTrait, QueryFilter, QuerySelect,
    Select,
};

use super::StoreError;
use super::entities::{incident_rollup, incident_rollup_month, meta};
use super::features::scoped;
use super::incident_bins::{GroupColumn, GroupCount, GroupKey, Narrowing, PeriodBinCount, Sql};
use crate::domain::auth::Jurisdiction;

/// The `meta` key naming the time zone the rollup is complete for.
pub const TZ_KEY: &str = "incident_rollup_tz";

/// One local month as UTC instants: `(year × 100 + month, starts_at, ends_at)`.
pub type MonthBounds = (i32, DateTime<Utc>, DateTime<Utc>);

/// Whether the rollup is complete for time zone `tz` (its IANA name).
pub async fn ready_for(db: &impl ConnectionTrait, tz: &str) -> Result<bool, StoreError> {
    Ok(super::meta::get(db, TZ_KEY).await?.as_deref() == Some(tz))
}

/// Refills the months table with `months` (the local months of `tz`) and recounts the rollup
/// from the incidents table, then records `tz` as the rollup's time zone. Run it in a
/// transaction: until it commits, readers keep the previous rollup. Returns the rollup's rows.
pub async fn rebuild(db: &impl ConnectionTrait, months: &[MonthBounds], tz: &str) -> Result<u64, StoreError> {
    meta::Entity::delete_by_id(TZ_KEY.to_owned()).exec(db).await?;
    incident_rollup::Entity::delete_many().exec(db).await?;
    incident_rollup_month::Entity::delete_many().exec(db).await?;
    for chunk in months.chunks(500) {
        let rows = chunk.iter().map(|(month, starts_at, ends_at)| incident_rollup_month::ActiveModel {
            month: Set(*month),
            starts_at: Set(*starts_at),
            ends_at: Set(*ends_at),
        });
        incident_rollup_month::Entity::insert_many(rows).exec(db).await?;
    }
    let cell = match db.get_database_backend() {
        DatabaseBackend::Postgres => "LEAST(FLOOR(i.border_km), 1000000)::integer",
        _ => "MIN(CAST(i.border_km AS INTEGER), 1000000)",
    };
    let sql = format!(
        "INSERT INTO incident_rollup (month, km_cell, category, section, admin_unit_id, incidents, persons) \
         SELECT m.month AS r_month, \
         CASE WHEN i.border_km IS NULL THEN -1 WHEN i.border_km < 0 THEN 0 ELSE {cell} END AS r_cell, \
         i.category AS r_category, COALESCE(i.section, '') AS r_section, COALESCE(i.admin_unit_id, 0) AS r_unit, \
         COUNT(*), SUM(i.persons_apprehended) \
         FROM incident_rollup_months m JOIN incidents i ON i.occurred_at >= m.starts_at AND i.occurred_at < m.ends_at \
         WHERE i.deleted_at IS NULL \
         GROUP BY r_month, r_cell, r_category, r_section, r_unit"
    );
    let inserted = db.execute_unprepared(&sql).await?.rows_affected();
    super::meta::insert(db, TZ_KEY, tz).await?;
    Ok(inserted)
}

/// The rollup rows of `scope` in months `first ..= last` matching `narrowing`.
fn rows_of(scope: &Jurisdiction, narrowing: Narrowing<'_>, months: (i32, i32)) -> Select<incident_rollup::Entity> {
    let mut select = incident_rollup::Entity::find()
        .select_only()
        .filter(incident_rollup::Column::Month.between(months.0, months.1));
    if let Some(category) = narrowing.category {
        select = select.filter(incident_rollup::Column::Category.eq(category));
    }
    if let Some(section) = narrowing.section {
        select = select.filter(incident_rollup::Column::Section.eq(section));
    }
    scoped(select, incident_rollup::Column::AdminUnitId, scope)
}

fn summed(select: Select<incident_rollup::Entity>) -> Select<incident_rollup::Entity> {
    select
        .column_as(Expr::col(incident_rollup::Column::Incidents).sum().cast_as("BIGINT"), "incidents")
        .column_as(Expr::col(incident_rollup::Column::Persons).sum().cast_as("BIGINT"), "persons")
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
    let select = rows_of(scope, narrowing, months)
        .filter(incident_rollup::Column::KmCell.gte(0))
        .column_as(Expr::col(incident_rollup::Column::Month), "month")
        .column_as(Expr::col(incident_rollup::Column::KmCell).div(cells_per_bin), "bin_index");
    let select =
        summed(select).group_by(Expr::col(incident_rollup::Column::Month)).group_by(Expr::col(Alias::new("bin_index")));
    let rows: Vec<(i32, i64, Option<i64>, Option<i64>)> = select.into_tuple().all(db).await?;
    Ok(rows
        .into_iter()
        .map(|(month, bin, incidents, persons)| PeriodBinCount {
            period: i64::from(month),
            bin,
            incidents: incidents.unwrap_or(0),
            persons: persons.unwrap_or(0),
        })
        .collect())
}

/// Like [`count_per_month_bin`], summed over the months: per bin only.
pub async fn count_per_bin(
    db: &impl ConnectionTrait,
    scope: &Jurisdiction,
    cells_per_bin: i64,
    months: (i32, i32),
) -> Result<Vec<super::incident_bins::BinCount>, StoreError> {
    let select = rows_of(scope, Narrowing::default(), months)
        .filter(incident_rollup::Column::KmCell.gte(0))
        .column_as(Expr::col(incident_rollup::Column::KmCell).div(cells_per_bin), "bin_index");
    let select = summed(select).group_by(Expr::col(Alias::new("bin_index")));
    let rows: Vec<(i64, Option<i64>, Option<i64>)> = select.into_tuple().all(db).await?;
    Ok(rows
        .into_iter()
        .map(|(bin, incidents, persons)| super::incident_bins::BinCount {
            bin,
            incidents: incidents.unwrap_or(0),
            persons: persons.unwrap_or(0),
        })
        .collect())
}

/// Live incidents (with or without border fields) of months `first ..= last`, grouped by
/// `group` (see [`super::incident_bins::count_grouped`], which reads the incidents instead).
pub async fn count_grouped(
    db: &impl ConnectionTrait,
    scope: &Jurisdiction,
    group: GroupColumn,
    months: (i32, i32),
) -> Result<Vec<GroupCount>, StoreError> {
    let select = rows_of(scope, Narrowing::default(), months);
    let number = |value: Option<i64>| value.unwrap_or(0);
    Ok(match group {
        GroupColumn::Nothing => {
            let rows: Vec<(Option<i64>, Option<i64>)> = summed(select).into_tuple().all(db).await?;
            rows.into_iter()
                .map(|(incidents, persons)| GroupCount {
                    key: GroupKey::All,
                    incidents: number(incidents),
                    persons: number(persons),
                })
                .collect()
        }
        GroupColumn::Section | GroupColumn::Category => {
            let column = if group == GroupColumn::Section {
                incident_rollup::Column::Section
            } else {
                incident_rollup::Column::Category
            };
            let select = summed(select.column_as(Expr::col(column), "group_key")).group_by(column);
            let rows: Vec<(String, Option<i64>, Option<i64>)> = select.into_tuple().all(db).await?;
            rows.into_iter()
                .map(|(key, incidents, persons)| GroupCount {
                    key: GroupKey::Code(Some(key).filter(|code| !code.is_empty())),
                    incidents: number(incidents),
                    persons: number(persons),
                })
                .collect()
        }
        GroupColumn::AdminUnit => {
            let column = incident_rollup::Column::AdminUnitId;
            let select = summed(select.column_as(Expr::col(column), "group_key")).group_by(column);
            let rows: Vec<(i32, Option<i64>, Option<i64>)> = select.into_tuple().all(db).await?;
            rows.into_iter()
                .map(|(key, incidents, persons)| GroupCount {
                    key: GroupKey::Unit(Some(key).filter(|id| *id != 0)),
                    incidents: number(incidents),
                    persons: number(persons),
                })
                .collect()
        }
    })
}

/// Every rollup row summed per key as the incidents table gives it right now, and as the
/// rollup holds it: for checking that the two agree (tests, `banna` diagnostics).
pub async fn compare_with_incidents(db: &impl ConnectionTrait) -> Result<(Vec<RollupRow>, Vec<RollupRow>), StoreError> {
    let cell = match db.get_database_backend() {
        DatabaseBackend::Postgres => "LEAST(FLOOR(i.border_km), 1000000)::integer",
        _ => "MIN(CAST(i.border_km AS INTEGER), 1000000)",
    };
    let counted = format!(
        "SELECT m.month AS r_month, \
         CASE WHEN i.border_km IS NULL THEN -1 WHEN i.border_km < 0 THEN 0 ELSE {cell} END AS r_cell, \
         i.category AS r_category, COALESCE(i.section, '') AS r_section, COALESCE(i.admin_unit_id, 0) AS r_unit, \
         CAST(COUNT(*) AS BIGINT), CAST(SUM(i.persons_apprehended) AS BIGINT) \
         FROM incident_rollup_months m JOIN incidents i ON i.occurred_at >= m.starts_at AND i.occurred_at < m.ends_at \
         WHERE i.deleted_at IS NULL \
         GROUP BY r_month, r_cell, r_category, r_section, r_unit \
         ORDER BY r_month, r_cell, r_category, r_section, r_unit"
    );
    let stored = "SELECT month, km_cell, category, section, admin_unit_id, incidents, persons FROM incident_rollup \
                  WHERE incidents <> 0 OR persons <> 0 \
                  ORDER BY month, km_cell, category, section, admin_unit_id";
    let read = |rows: Vec<sea_orm::QueryResult>| -> Result<Vec<RollupRow>, StoreError> {
        rows.iter()
            .map(|row| {
                Ok(RollupRow {
                    month: row.try_get_by_index(0)?,
                    km_cell: row.try_get_by_index(1)?,
                    category: row.try_get_by_index(2)?,
                    section: row.try_get_by_index(3)?,
                    admin_unit_id: row.try_get_by_index(4)?,
                    incidents: row.try_get_by_index(5)?,
                    persons: row.try_get_by_index(6)?,
                })
            })
            .collect()
    };
    let backend = db.get_database_backend();
    let expected = read(db.query_all_raw(Sql::new(backend).statement(counted)).await?)?;
    let actual = read(db.query_all_raw(Sql::new(backend).statement(stored.to_owned())).await?)?;
    Ok((expected, actual))
}

/// One key of the rollup and its sums.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RollupRow {
    pub month: i32,
    pub km_cell: i32,
    pub category: String,
    pub section: String,
    pub admin_unit_id: i32,
    pub incidents: i64,
    pub persons: i64,
}
