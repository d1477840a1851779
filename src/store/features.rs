//! Queries behind the GeoJSON list endpoints: paging and bbox over the `lon`/`lat` columns.

use std::collections::HashMap;

use sea_orm::{
    ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, QuerySelect, Select,
};

use super::StoreError;
use super::entities::{admin_unit, incident, post, village, village_language};
use crate::domain::auth::Jurisdiction;
use crate::domain::geo::Bbox;
use crate::domain::paging::{ListFilter, Page};

/// One page of rows and how many rows matched in all.
#[derive(Debug)]
pub struct Listed<T> {
    pub items: Vec<T>,
    pub matched: u64,
}

fn within<E: EntityTrait>(select: Select<E>, lon: E::Column, lat: E::Column, bbox: Option<Bbox>) -> Select<E>
where
    E::Column: ColumnTrait,
{
    match bbox {
        None => select,
        Some(bbox) => select
            .filter(lon.between(bbox.min_lon(), bbox.max_lon()))
            .filter(lat.between(bbox.min_lat(), bbox.max_lat())),
    }
}

async fn page_of<E, C>(db: &C, select: Select<E>, id: E::Column, page: Page) -> Result<Listed<E::Model>, StoreError>
where
    E: EntityTrait,
    E::Model: Send + Sync,
    C: ConnectionTrait,
{
    let matched = select.clone().count(db).await?;
    let items = select.order_by_asc(id).offset(page.offset()).limit(page.limit()).all(db).await?;
    Ok(Listed { items, matched })
}

/// Restricts a query to the admin units of a jurisdiction.
pub(super) fn scoped<E: EntityTrait>(select: Select<E>, unit: E::Column, scope: &Jurisdiction) -> Select<E>
where
    E::Column: ColumnTrait,
{
    match scope {
        Jurisdiction::All => select,
        Jurisdiction::Units(units) => select.filter(unit.is_in(units.iter().copied())),
    }
}

pub async fn villages(
    db: &impl ConnectionTrait,
    filter: ListFilter,
    scope: &Jurisdiction,
) -> Result<Listed<village::Model>, StoreError> {
    let select = scoped(village::Entity::find(), village::Column::AdminUnitId, scope);
    let select = within(select, village::Column::Lon, village::Column::Lat, filter.bbox);
    page_of(db, select, village::Column::Id, filter.page).await
}

/// One village, if it exists within `scope`.
pub async fn village(
    db: &impl ConnectionTrait,
    id: i64,
    scope: &Jurisdiction,
) -> Result<Option<village::Model>, StoreError> {
    let Ok(id) = i32::try_from(id) else {
        return Ok(None);
    };
    Ok(village::Entity::find_by_id(id).one(db).await?.filter(|row| scope.covers(Some(row.admin_unit_id))))
}

/// Languages of the given villages, primary first.
pub async fn village_languages(
    db: &impl ConnectionTrait,
    village_ids: &[i32],
) -> Result<HashMap<i32, Vec<String>>, StoreError> {
    let mut languages: HashMap<i32, Vec<String>> = HashMap::new();
    for chunk in village_ids.chunks(500) {
        let rows = village_language::Entity::find()
            .filter(village_language::Column::VillageId.is_in(chunk.iter().copied()))
            .order_by_asc(village_language::Column::VillageId)
            .order_by_asc(village_language::Column::Position)
            .all(db)
            .await?;
        for row in rows {
            languages.entry(row.village_id).or_default().push(row.language);
        }
    }
    Ok(languages)
}

pub async fn posts(
    db: &impl ConnectionTrait,
    filter: ListFilter,
    scope: &Jurisdiction,
) -> Result<Listed<post::Model>, StoreError> {
    let select = scoped(post::Entity::find(), post::Column::AdminUnitId, scope);
    let select = within(select, post::Column::Lon, post::Column::Lat, filter.bbox);
    page_of(db, select, post::Column::Id, filter.page).await
}

/// Every post within `scope`, in the order of their sectors along the border.
pub async fn all_posts(db: &impl ConnectionTrait, scope: &Jurisdiction) -> Result<Vec<post::Model>, StoreError> {
    let select = scoped(post::Entity::find(), post::Column::AdminUnitId, scope);
    Ok(select.order_by_asc(post::Column::SectorStartKm).order_by_asc(post::Column::Id).all(db).await?)
}

/// One post, if it exists within `scope`.
pub async fn post(db: &impl ConnectionTrait, id: i64, scope: &Jurisdiction) -> Result<Option<post::Model>, StoreError> {
    let Ok(id) = i32::try_from(id) else {
        return Ok(None);
    };
    Ok(post::Entity::find_by_id(id).one(db).await?.filter(|row| scope.covers(Some(row.admin_unit_id))))
}

/// One live incident, if it exists within `scope`.
pub async fn incident(
    db: &impl ConnectionTrait,
    id: i64,
    scope: &Jurisdiction,
) -> Result<Option<incident::Model>, StoreError> {
    let row = incident::Entity::find_by_id(id).filter(incident::Column::DeletedAt.is_null()).one(db).await?;
    Ok(row.filter(|row| scope.covers(row.admin_unit_id)))
}

/// Every admin unit (a small table), for resolving a record's county.
pub async fn admin_units(db: &impl ConnectionTrait) -> Result<Vec<admin_unit::Model>, StoreError> {
    Ok(admin_unit::Entity::find().order_by_asc(admin_unit::Column::Id).all(db).await?)
}
