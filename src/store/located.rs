//! Bulk rewriting of the border fields of every located table, for a new border line.

use sea_orm::sea_query::{Expr, Order, Query};
use sea_orm::{ConnectionTrait, ExprTrait};

use super::StoreError;
use crate::domain::geo::BorderFields;

/// Rows read and updated per statement.
const BATCH: u64 = 2000;

/// Tables whose rows carry a point and border fields, with whether their id is a BIGINT.
pub const LOCATED_TABLES: [(&str, bool); 5] =
    [("villages", false), ("posts", false), ("visits", false), ("incidents", true), ("cases", false)];

/// How many located rows (with a point) there are in all.
pub async fn count(db: &impl ConnectionTrait) -> Result<u64, StoreError> {
    let mut total = 0;
    for (table, _) in LOCATED_TABLES {
        let statement =
            Query::select().expr(Expr::col("id").count()).from(table).and_where(Expr::col("lon").is_not_null()).take();
        let row = db.query_one(&statement).await?;
        let count: i64 = row.map(|row| row.try_get_by_index(0)).transpose()?.unwrap_or(0);
        total += count as u64;
    }
    Ok(total)
}

/// Replaces the border fields of every located row by `compute(lon, lat)`, table by table in
/// batches (keyset paging by id); `progress` hears how many rows each batch wrote.
pub async fn rewrite(
    db: &impl ConnectionTrait,
    compute: impl Fn(f64, f64) -> BorderFields,
    mut progress: impl FnMut(u64),
) -> Result<u64, StoreError> {
    let mut records = 0;
    for (table, big_id) in LOCATED_TABLES {
        let mut last_id: i64 = 0;
        loop {
            let statement = Query::select()
                .columns(["id", "lon", "lat"])
                .from(table)
                .and_where(Expr::col("id").gt(last_id))
                .and_where(Expr::col("lon").is_not_null())
                .and_where(Expr::col("lat").is_not_null())
                .order_by("id", Order::Asc)
                .limit(BATCH)
                .take();
            let rows = db.query_all(&statement).await?;
            if rows.is_empty() {
                break;
            }
            let mut values = Vec::with_capacity(rows.len());
            for row in &rows {
                let id: i64 = if big_id { row.try_get("", "id")? } else { i64::from(row.try_get::<i32>("", "id")?) };
                let lon: f64 = row.try_get("", "lon")?;
                let lat: f64 = row.try_get("", "lat")?;
                values.push(value_row(id, &compute(lon, lat)));
                last_id = id;
            }
            // Numbers and the fixed section/side codes are formatted here, never taken from input.
            let sql = format!(
                "WITH v(id, border_km, distance_m, section, side) AS (VALUES {}) \
                 UPDATE {table} SET border_km = v.border_km, distance_m = v.distance_m, \
                 section = v.section, side = v.side FROM v WHERE {table}.id = v.id",
                values.join(", ")
            );
            db.execute_unprepared(&sql).await?;
            records += rows.len() as u64;
            progress(rows.len() as u64);
        }
    }
    Ok(records)
}

fn value_row(id: i64, fields: &BorderFields) -> String {
    let number = |value: Option<f64>| value.filter(|v| v.is_finite()).map_or("NULL".to_owned(), |v| format!("{v:?}"));
    let code = |value: &Option<String>| match value.as_deref() {
        Some(code @ ("MM" | "LA" | "cn" | "abroad")) => format!("'{code}'"),
        _ => "NULL".to_owned(),
    };
    format!(
        "({id}, CAST({} AS DOUBLE PRECISION), CAST({} AS DOUBLE PRECISION), {}, {})",
        number(fields.border_km),
        number(fields.distance_m),
        code(&fields.section),
        code(&fields.side)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_known_codes_and_finite_numbers_reach_the_sql() {
        let fields = BorderFields {
            border_km: Some(1.5),
            distance_m: Some(f64::NAN),
            section: Some("MM'; DROP TABLE villages; --".to_owned()),
            side: Some("cn".to_owned()),
        };
        assert_eq!(
            value_row(7, &fields),
            "(7, CAST(1.5 AS DOUBLE PRECISION), CAST(NULL AS DOUBLE PRECISION), NULL, 'cn')"
        );
    }
}
