//! Cross-border incidents: the filtered list with its total, and one incident with its village
//! and the posts whose sectors cover it.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder,
    QuerySelect, Select,
};

use super::{Named, PageOf, Place, db_err, in_scope, narrowed};
use crate::domain::auth::{Action, Jurisdiction};
use crate::domain::filter::IncidentFilter;
use crate::domain::geo::{Bbox, BorderFields};
use crate::domain::paging::ListFilter;
use crate::domain::period::local_midnight;
use crate::services::admin::AdminTree;
use crate::services::auth::{self, Principal};
use crate::services::{RecordKind, ServiceError};
use crate::store::entities::{incident, post, village};

/// An incident as listed.
#[derive(Clone, Debug)]
pub struct IncidentRow {
    pub id: i64,
    pub occurred_at: DateTime<Utc>,
    /// A [`crate::domain::incident::Category`] code.
    pub category: String,
    pub persons_apprehended: i32,
    pub villagers_involved: i32,
    pub village: Option<Named>,
    pub place: Place,
    pub border: BorderFields,
}

/// An incident's page.
#[derive(Clone, Debug)]
pub struct IncidentRecord {
    pub row: IncidentRow,
    pub source: String,
    pub description: Option<String>,
    pub lon: f64,
    pub lat: f64,
    pub is_demo: bool,
    /// Posts in scope whose sector contains the incident's `border_km`.
    pub posts: Vec<Named>,
}

/// Applies the filter (dates are local calendar days in `tz`) to live incidents in `scope`.
fn filtered(
    filter: &IncidentFilter,
    scope: &Jurisdiction,
    tz: chrono_tz::Tz,
) -> Result<Select<incident::Entity>, ServiceError> {
    let mut select = incident::Entity::find()
        .filter(incident::Column::DeletedAt.is_null())
        .filter(in_scope(incident::Column::AdminUnitId, scope));
    let out_of_range = || anyhow::anyhow!("a date of the filter is out of the calendar's range");
    if let Some(first) = filter.dates.from() {
        select = select.filter(incident::Column::OccurredAt.gte(local_midnight(first, &tz).ok_or_else(out_of_range)?));
    }
    if let Some(last) = filter.dates.to() {
        let after = last.succ_opt().and_then(|next| local_midnight(next, &tz)).ok_or_else(out_of_range)?;
        select = select.filter(incident::Column::OccurredAt.lt(after));
    }
    if let Some(category) = filter.category {
        select = select.filter(incident::Column::Category.eq(category.code()));
    }
    if let Some(section) = filter.section {
        select = select.filter(incident::Column::Section.eq(section));
    }
    if let Some(min_km) = filter.km.min_km() {
        select = select.filter(incident::Column::BorderKm.gte(min_km));
    }
    if let Some(max_km) = filter.km.max_km() {
        select = select.filter(incident::Column::BorderKm.lte(max_km));
    }
    Ok(select)
}

/// The villages of `rows`, named, visible when in scope.
async fn villages_of(
    db: &impl ConnectionTrait,
    scope: &Jurisdiction,
    rows: &[incident::Model],
) -> Result<HashMap<i32, Named>, ServiceError> {
    let ids: Vec<i32> = rows.iter().filter_map(|row| row.village_id).collect();
    if ids.is_empty() {
        return Ok(HashMap::new());
    }
    Ok(village::Entity::find()
        .filter(village::Column::Id.is_in(ids))
        .all(db)
        .await
        .map_err(db_err)?
        .into_iter()
        .map(|row| {
            let named = Named {
                id: i64::from(row.id),
                visible: scope.covers(Some(row.admin_unit_id)),
                code: row.code,
                name_zh: row.name_zh,
                name_en: row.name_en,
            };
            (row.id, named)
        })
        .collect())
}

fn incident_row(row: &incident::Model, tree: &AdminTree, villages: &HashMap<i32, Named>) -> IncidentRow {
    IncidentRow {
        id: row.id,
        occurred_at: row.occurred_at,
        category: row.category.clone(),
        persons_apprehended: row.persons_apprehended,
        villagers_involved: row.villagers_involved,
        village: row.village_id.and_then(|id| villages.get(&id).cloned()),
        place: Place::of(tree, row.admin_unit_id),
        border: BorderFields {
            border_km: row.border_km,
            distance_m: row.distance_m,
            section: row.section.clone(),
            side: row.side.clone(),
        },
    }
}

/// `GET /incidents`: live incidents in scope matching the filter, latest first, with the
/// number that matched in all.
#[tracing::instrument(skip(db))]
pub async fn incidents(
    db: &DatabaseConnection,
    caller: Option<&Principal>,
    filter: &IncidentFilter,
    list: ListFilter,
    tz: chrono_tz::Tz,
) -> Result<PageOf<IncidentRow>, ServiceError> {
    let principal = auth::require(caller, Action::ReadIncidents)?;
    let (select, tree) = matching(db, principal, filter, list.bbox, tz).await?;
    let matched = select.clone().count(db).await.map_err(db_err)?;
    let rows = select
        .order_by_desc(incident::Column::OccurredAt)
        .order_by_desc(incident::Column::Id)
        .offset(list.page.offset())
        .limit(list.page.limit())
        .all(db)
        .await
        .map_err(db_err)?;
    let villages = villages_of(db, &principal.jurisdiction, &rows).await?;
    Ok(PageOf { items: rows.iter().map(|row| incident_row(row, &tree, &villages)).collect(), matched })
}

/// The live incidents `principal` may read that match `filter` (its county narrows the
/// jurisdiction) and lie in `bbox`: one selection for the page list and the GeoJSON API.
pub(crate) async fn matching(
    db: &DatabaseConnection,
    principal: &Principal,
    filter: &IncidentFilter,
    bbox: Option<Bbox>,
    tz: chrono_tz::Tz,
) -> Result<(Select<incident::Entity>, AdminTree), ServiceError> {
    let tree = AdminTree::load(db).await?;
    let scope = narrowed(&tree, &principal.jurisdiction, filter.county.as_deref())?;
    let mut select = filtered(filter, &scope, tz)?;
    if let Some(bbox) = bbox {
        select = select
            .filter(incident::Column::Lon.between(bbox.min_lon(), bbox.max_lon()))
            .filter(incident::Column::Lat.between(bbox.min_lat(), bbox.max_lat()));
    }
    Ok((select, tree))
}

/// `GET /incidents/{id}`.
#[tracing::instrument(skip(db))]
pub async fn incident(
    db: &DatabaseConnection,
    caller: Option<&Principal>,
    id: i64,
) -> Result<IncidentRecord, ServiceError> {
    let principal = auth::require(caller, Action::ReadIncidents)?;
    let scope = &principal.jurisdiction;
    let row = incident::Entity::find_by_id(id)
        .filter(incident::Column::DeletedAt.is_null())
        .one(db)
        .await
        .map_err(db_err)?
        .filter(|row| scope.covers(row.admin_unit_id))
        .ok_or_else(|| ServiceError::NotFound { kind: RecordKind::Incident, id: id.to_string() })?;
    let tree = AdminTree::load(db).await?;
    let villages = villages_of(db, scope, std::slice::from_ref(&row)).await?;
    let posts = match row.border_km {
        None => Vec::new(),
        Some(km) => post::Entity::find()
            .filter(post::Column::SectorStartKm.lte(km))
            .filter(post::Column::SectorEndKm.gte(km))
            .filter(in_scope(post::Column::AdminUnitId, scope))
            .order_by_asc(post::Column::Id)
            .all(db)
            .await
            .map_err(db_err)?
            .into_iter()
            .map(|post| Named {
                id: i64::from(post.id),
                code: post.code,
                name_zh: post.name_zh,
                name_en: post.name_en,
                visible: true,
            })
            .collect(),
    };
    Ok(IncidentRecord {
        row: incident_row(&row, &tree, &villages),
        source: row.source,
        description: row.description,
        lon: row.lon,
        lat: row.lat,
        is_demo: row.is_demo,
        posts,
    })
}
