//! Incidents counted per grid cell (the map's heat layer) and per km bin of an already filtered
//! selection (the hotspot test), grouped by integer indexes the database computes, on SQLite
//! and PostgreSQL alike.

use sea_orm::sea_query::{Alias, Expr, Func, SimpleExpr};
use sea_orm::{ColumnTrait, ConnectionTrait, DatabaseBackend, ExprTrait, QueryFilter, QueryOrder, QuerySelect, Select};

use super::StoreError;
use super::entities::incident;
use super::incident_bins::BinCount;

/// Live incidents and persons apprehended in grid cell `(i, j)`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CellCount {
    pub i: i64,
    pub j: i64,
    pub incidents: i64,
    pub persons: i64,
}

/// `floor(value)` as a 64-bit integer, for a `value` that is never negative: PostgreSQL rounds
/// when it casts a float to an integer, SQLite truncates (the floor for `value ≥ 0`).
fn floor_index(backend: DatabaseBackend, value: SimpleExpr) -> SimpleExpr {
    match backend {
        DatabaseBackend::Postgres => Func::cast_as(Func::cust("FLOOR").arg(value), "BIGINT").into(),
        _ => Func::cast_as(value, "INTEGER").into(),
    }
}

fn persons_sum() -> SimpleExpr {
    Expr::col(incident::Column::PersonsApprehended).sum().cast_as("BIGINT")
}

/// Counts the incidents of `select` per cell `(⌊(lon − origin_lon) / dlon⌋, ⌊(lat −
/// origin_lat) / dlat⌋)`, ordered by `i` then `j`; empty cells are absent. The origin must be
/// west and south of every point (e.g. −180, −90) and the steps positive.
pub async fn count_per_cell(
    db: &impl ConnectionTrait,
    select: Select<incident::Entity>,
    origin: [f64; 2],
    dlon: f64,
    dlat: f64,
) -> Result<Vec<CellCount>, StoreError> {
    let backend = db.get_database_backend();
    let i = floor_index(backend, Expr::col(incident::Column::Lon).sub(origin[0]).div(dlon));
    let j = floor_index(backend, Expr::col(incident::Column::Lat).sub(origin[1]).div(dlat));
    let grouped = select
        .select_only()
        .column_as(i, "cell_i")
        .column_as(j, "cell_j")
        .column_as(Expr::col(incident::Column::Id).count(), "incidents")
        .column_as(persons_sum(), "persons")
        // By the output names: a repeated expression would carry bound parameters of its own,
        // which PostgreSQL does not recognise as the selected expression.
        .group_by(Expr::col(Alias::new("cell_i")))
        .group_by(Expr::col(Alias::new("cell_j")))
        .order_by_asc(Expr::col(Alias::new("cell_i")))
        .order_by_asc(Expr::col(Alias::new("cell_j")));
    let rows: Vec<(i64, i64, i64, Option<i64>)> = grouped.into_tuple().all(db).await?;
    Ok(rows
        .into_iter()
        .map(|(i, j, incidents, persons)| CellCount { i, j, incidents, persons: persons.unwrap_or(0) })
        .collect())
}

/// Counts the incidents of `select` that have border fields per `floor(border_km / bin_km)`
/// (not clamped to the line); empty bins are absent. `bin_km` must be positive.
pub async fn count_per_bin(
    db: &impl ConnectionTrait,
    select: Select<incident::Entity>,
    bin_km: f64,
) -> Result<Vec<BinCount>, StoreError> {
    let bin = floor_index(db.get_database_backend(), Expr::col(incident::Column::BorderKm).div(bin_km));
    let grouped = select
        .filter(incident::Column::BorderKm.is_not_null())
        .select_only()
        .column_as(bin, "bin_index")
        .column_as(Expr::col(incident::Column::Id).count(), "incidents")
        .column_as(persons_sum(), "persons")
        .group_by(Expr::col(Alias::new("bin_index")));
    let rows: Vec<(i64, i64, Option<i64>)> = grouped.into_tuple().all(db).await?;
    Ok(rows
        .into_iter()
        .map(|(bin, incidents, persons)| BinCount { bin, incidents, persons: persons.unwrap_or(0) })
        .collect())
}
