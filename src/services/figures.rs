//! The five headline figures of a year against the one before: border incidents, persons
//! apprehended, and the key villages' collective income, per-capita income and villagers
//! involved in cross-border crime.

use std::collections::HashMap;

use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, ExprTrait, QueryFilter, QuerySelect};

use super::ServiceError;
use crate::domain::auth::Jurisdiction;
use crate::domain::figures::{Change, weighted_per_capita};
use crate::domain::period::year_bounds_utc;
use crate::store::entities::{incident, village, village_indicator};

/// Year-on-year headline figures. An indicator is `None` when the data for it is missing,
/// never 0.
#[derive(Clone, Debug)]
pub struct HeadlineFigures {
    pub base_year: i32,
    pub compare_year: i32,
    pub incidents: Change,
    pub persons_apprehended: Change,
    /// Σ collective income of key villages (CNY), over key villages reporting it in both years.
    pub key_collective_income_cny: Option<Change>,
    /// Per-capita income of key villages taken together (population-weighted mean, CNY).
    pub key_per_capita_income_cny: Option<Change>,
    /// Σ villagers of key villages involved in cross-border crime.
    pub key_villagers_in_cross_border_crime: Option<Change>,
}

/// Incidents (not deleted) and persons apprehended in local calendar year `year`.
pub async fn incident_totals(
    db: &DatabaseConnection,
    scope: &Jurisdiction,
    year: i32,
    tz: chrono_tz::Tz,
) -> Result<(i64, i64), ServiceError> {
    let (start, end) =
        year_bounds_utc(year, tz).ok_or_else(|| anyhow::anyhow!("year {year} is out of the calendar's range"))?;
    let row: Option<(i64, Option<i64>)> = incident::Entity::find()
        .select_only()
        .column_as(Expr::col(incident::Column::Id).count(), "n")
        .column_as(Expr::col(incident::Column::PersonsApprehended).sum().cast_as("BIGINT"), "persons")
        .filter(incident::Column::DeletedAt.is_null())
        .filter(in_scope(incident::Column::AdminUnitId, scope))
        .filter(incident::Column::OccurredAt.gte(start))
        .filter(incident::Column::OccurredAt.lt(end))
        .into_tuple()
        .one(db)
        .await
        .map_err(crate::store::StoreError::from)?;
    let (count, persons) = row.unwrap_or((0, None));
    Ok((count, persons.unwrap_or(0)))
}

/// Computes the headline figures of `compare_year` against `base_year`.
#[tracing::instrument(skip(db))]
pub async fn headline(
    db: &DatabaseConnection,
    scope: &Jurisdiction,
    base_year: i32,
    compare_year: i32,
    tz: chrono_tz::Tz,
) -> Result<HeadlineFigures, ServiceError> {
    let (base_count, base_persons) = incident_totals(db, scope, base_year, tz).await?;
    let (compare_count, compare_persons) = incident_totals(db, scope, compare_year, tz).await?;

    let key_villages: HashMap<i32, i32> = village::Entity::find()
        .filter(village::Column::IsKey.eq(true))
        .filter(in_scope(village::Column::AdminUnitId, scope))
        .all(db)
        .await
        .map_err(crate::store::StoreError::from)?
        .into_iter()
        .map(|row| (row.id, row.population))
        .collect();
    let indicators = village_indicator::Entity::find()
        .filter(village_indicator::Column::Year.is_in([base_year, compare_year]))
        .all(db)
        .await
        .map_err(crate::store::StoreError::from)?;
    let mut by_village: HashMap<i32, [Option<village_indicator::Model>; 2]> = HashMap::new();
    for row in indicators.into_iter().filter(|row| key_villages.contains_key(&row.village_id)) {
        let slot = usize::from(row.year == compare_year);
        let village_id = row.village_id;
        by_village.entry(village_id).or_default()[slot] = Some(row);
    }
    let pairs: Vec<(&village_indicator::Model, &village_indicator::Model, f64)> = by_village
        .iter()
        .filter_map(|(id, [base, compare])| {
            Some((base.as_ref()?, compare.as_ref()?, f64::from(*key_villages.get(id)?)))
        })
        .collect();

    let summed = |pick: &dyn Fn(&village_indicator::Model) -> Option<f64>| -> Option<Change> {
        let both: Vec<(f64, f64)> =
            pairs.iter().filter_map(|(base, compare, _)| Some((pick(base)?, pick(compare)?))).collect();
        (!both.is_empty())
            .then(|| Change::new(both.iter().map(|pair| pair.0).sum(), both.iter().map(|pair| pair.1).sum()))
    };
    let collective = summed(&|row| row.collective_income_cny.map(|value| value as f64));
    let crime = summed(&|row| row.villagers_in_cross_border_crime.map(f64::from));
    let per_capita_pairs: Vec<(f64, f64, f64)> = pairs
        .iter()
        .filter_map(|(base, compare, population)| {
            Some((base.per_capita_income_cny? as f64, compare.per_capita_income_cny? as f64, *population))
        })
        .collect();
    let per_capita = weighted_per_capita(per_capita_pairs.iter().map(|row| (row.0, row.2)))
        .zip(weighted_per_capita(per_capita_pairs.iter().map(|row| (row.1, row.2))))
        .map(|(base, compare)| Change::new(base, compare));

    Ok(HeadlineFigures {
        base_year,
        compare_year,
        incidents: Change::new(base_count as f64, compare_count as f64),
        persons_apprehended: Change::new(base_persons as f64, compare_persons as f64),
        key_collective_income_cny: collective,
        key_per_capita_income_cny: per_capita,
        key_villagers_in_cross_border_crime: crime,
    })
}

/// A condition keeping rows of the jurisdiction's admin units (everything for `All`).
fn in_scope<C: ColumnTrait>(column: C, scope: &Jurisdiction) -> sea_orm::Condition {
    match scope {
        Jurisdiction::All => sea_orm::Condition::all(),
        Jurisdiction::Units(units) => sea_orm::Condition::all().add(column.is_in(units.iter().copied())),
    }
}

/// The latest local calendar year with live incidents in the jurisdiction, if any.
pub async fn latest_incident_year(
    db: &DatabaseConnection,
    scope: &Jurisdiction,
    tz: chrono_tz::Tz,
) -> Result<Option<i32>, ServiceError> {
    use sea_orm::QueryOrder;
    let latest = incident::Entity::find()
        .filter(incident::Column::DeletedAt.is_null())
        .filter(in_scope(incident::Column::AdminUnitId, scope))
        .order_by_desc(incident::Column::OccurredAt)
        .one(db)
        .await
        .map_err(crate::store::StoreError::from)?;
    Ok(latest.map(|row| crate::domain::period::local_year(row.occurred_at, &tz)))
}
