//! Incidents counted per fixed-width km bin of the border, aggregated by the database: the data
//! behind the border strip and the map's colouring by change.

use chrono::{DateTime, Utc};
use sea_orm::sea_query::{Alias, Expr, Func, SimpleExpr};
use sea_orm::{ColumnTrait, ConnectionTrait, DatabaseBackend, EntityTrait, ExprTrait, QueryFilter, QuerySelect};

use super::StoreError;
use super::entities::incident;
use super::features::scoped;
use crate::domain::auth::Jurisdiction;

/// Live incidents and persons apprehended in one km bin.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct BinCount {
    /// `floor(border_km / bin_km)` as the database computed it; not clamped to the line.
    pub bin: i64,
    pub incidents: i64,
    pub persons: i64,
}

/// Counts the live (not deleted) incidents of `scope` that occurred in `[from, to)` and have
/// border fields, grouped by `floor(border_km / bin_km)`; bins without incidents are absent.
/// `bin_km` must be positive and finite.
pub async fn count_per_bin(
    db: &impl ConnectionTrait,
    scope: &Jurisdiction,
    bin_km: f64,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> Result<Vec<BinCount>, StoreError> {
    let ratio = Expr::col(incident::Column::BorderKm).div(bin_km);
    // PostgreSQL rounds when it casts a float to an integer; SQLite truncates, which is the
    // floor for the non-negative km the border fields hold (and SQLite may lack FLOOR).
    let bin: SimpleExpr = match db.get_database_backend() {
        DatabaseBackend::Postgres => Func::cast_as(Func::cust("FLOOR").arg(ratio), "BIGINT").into(),
        _ => Func::cast_as(ratio, "INTEGER").into(),
    };
    let select = incident::Entity::find()
        .select_only()
        .column_as(bin, "bin_index")
        .column_as(Expr::col(incident::Column::Id).count(), "incidents")
        .column_as(Expr::col(incident::Column::PersonsApprehended).sum().cast_as("BIGINT"), "persons")
        .filter(incident::Column::DeletedAt.is_null())
        .filter(incident::Column::BorderKm.is_not_null())
        .filter(incident::Column::OccurredAt.gte(from))
        .filter(incident::Column::OccurredAt.lt(to))
        // By the output name: the expression repeated would carry its own bound parameter,
        // which PostgreSQL does not recognise as the selected expression.
        .group_by(Expr::col(Alias::new("bin_index")));
    let rows: Vec<(i64, i64, Option<i64>)> =
        scoped(select, incident::Column::AdminUnitId, scope).into_tuple().all(db).await?;
    Ok(rows
        .into_iter()
        .map(|(bin, incidents, persons)| BinCount { bin, incidents, persons: persons.unwrap_or(0) })
        .collect())
}
