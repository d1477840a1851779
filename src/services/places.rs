//! Villages, posts and incidents as located records for the read API and the map.

use sea_orm::{DatabaseConnection, PaginatorTrait, QueryOrder, QuerySelect};
use serde::Serialize;

use super::admin::{AdminTree, UnitRef};
use super::auth::{self, Principal};
use super::{RecordKind, ServiceError};
use crate::border::Border;
use crate::domain::auth::Action;
use crate::domain::filter::IncidentFilter;
pub use crate::domain::geo::BorderFields;
use crate::domain::paging::ListFilter;
use crate::store::entities::{incident, post, village};
use crate::store::{StoreError, features};

/// A page of records with the number that matched in all.
#[derive(Debug)]
pub struct PageOf<T> {
    pub items: Vec<T>,
    pub matched: u64,
}

/// A located record: its id and WGS84 point, plus the properties shown to users.
#[derive(Debug)]
pub struct Located<P> {
    pub id: i64,
    pub lon: f64,
    pub lat: f64,
    pub properties: P,
}

#[derive(Debug, Serialize)]
pub struct VillageProperties {
    pub code: String,
    pub name_zh: String,
    pub name_en: Option<String>,
    pub name_local: Option<String>,
    pub name_local_lang: Option<String>,
    pub county: Option<UnitRef>,
    pub township: Option<UnitRef>,
    pub is_key: bool,
    /// BCP 47 tags, primary language first.
    pub languages: Vec<String>,
    pub ethnic_groups: serde_json::Value,
    pub households: i32,
    pub population: i32,
    #[serde(flatten)]
    pub border: BorderFields,
    pub is_demo: bool,
}

#[derive(Debug, Serialize)]
pub struct PostProperties {
    pub code: String,
    pub name_zh: String,
    pub name_en: Option<String>,
    pub county: Option<UnitRef>,
    pub township: Option<UnitRef>,
    pub sector_start_km: f64,
    pub sector_end_km: f64,
    pub staff: i32,
    #[serde(flatten)]
    pub border: BorderFields,
    pub is_demo: bool,
}

#[derive(Debug, Serialize)]
pub struct IncidentProperties {
    /// RFC 3339, UTC.
    pub occurred_at: String,
    pub category: String,
    pub persons_apprehended: i32,
    pub villagers_involved: i32,
    pub village_id: Option<i32>,
    pub source: String,
    #[serde(flatten)]
    pub border: BorderFields,
    pub is_demo: bool,
}

fn border_of(
    border_km: Option<f64>,
    distance_m: Option<f64>,
    section: Option<String>,
    side: Option<String>,
) -> BorderFields {
    BorderFields { border_km, distance_m, section, side }
}

fn village_view(row: village::Model, tree: &AdminTree, languages: Vec<String>) -> Located<VillageProperties> {
    Located {
        id: i64::from(row.id),
        lon: row.lon,
        lat: row.lat,
        properties: VillageProperties {
            county: tree.ancestor(row.admin_unit_id, "county"),
            township: tree.ancestor(row.admin_unit_id, "township"),
            code: row.code,
            name_zh: row.name_zh,
            name_en: row.name_en,
            name_local: row.name_local,
            name_local_lang: row.name_local_lang,
            is_key: row.is_key,
            languages,
            ethnic_groups: row.ethnic_groups,
            households: row.households,
            population: row.population,
            border: border_of(row.border_km, row.distance_m, row.section, row.side),
            is_demo: row.is_demo,
        },
    }
}

fn post_view(row: post::Model, tree: &AdminTree) -> Located<PostProperties> {
    Located {
        id: i64::from(row.id),
        lon: row.lon,
        lat: row.lat,
        properties: PostProperties {
            county: tree.ancestor(row.admin_unit_id, "county"),
            township: tree.ancestor(row.admin_unit_id, "township"),
            code: row.code,
            name_zh: row.name_zh,
            name_en: row.name_en,
            sector_start_km: row.sector_start_km,
            sector_end_km: row.sector_end_km,
            staff: row.staff,
            border: border_of(row.border_km, row.distance_m, row.section, row.side),
            is_demo: row.is_demo,
        },
    }
}

pub(crate) fn incident_view(row: incident::Model) -> Located<IncidentProperties> {
    Located {
        id: row.id,
        lon: row.lon,
        lat: row.lat,
        properties: IncidentProperties {
            occurred_at: row.occurred_at.to_rfc3339(),
            category: row.category,
            persons_apprehended: row.persons_apprehended,
            villagers_involved: row.villagers_involved,
            village_id: row.village_id,
            source: row.source,
            border: border_of(row.border_km, row.distance_m, row.section, row.side),
            is_demo: row.is_demo,
        },
    }
}

#[tracing::instrument(skip(db))]
pub async fn list_villages(
    db: &DatabaseConnection,
    caller: Option<&Principal>,
    filter: ListFilter,
) -> Result<PageOf<Located<VillageProperties>>, ServiceError> {
    let listed = features::villages(db, filter, &auth::require(caller, Action::ReadVillages)?.jurisdiction).await?;
    let tree = AdminTree::load(db).await?;
    let ids: Vec<i32> = listed.items.iter().map(|row| row.id).collect();
    let mut languages = features::village_languages(db, &ids).await?;
    let items = listed
        .items
        .into_iter()
        .map(|row| {
            let spoken = languages.remove(&row.id).unwrap_or_default();
            village_view(row, &tree, spoken)
        })
        .collect();
    Ok(PageOf { items, matched: listed.matched })
}

#[tracing::instrument(skip(db))]
pub async fn get_village(
    db: &DatabaseConnection,
    caller: Option<&Principal>,
    id: i64,
) -> Result<Located<VillageProperties>, ServiceError> {
    let row = features::village(db, id, &auth::require(caller, Action::ReadVillages)?.jurisdiction)
        .await?
        .ok_or(ServiceError::NotFound { kind: RecordKind::Village, id: id.to_string() })?;
    let tree = AdminTree::load(db).await?;
    let spoken = features::village_languages(db, &[row.id]).await?.remove(&row.id).unwrap_or_default();
    Ok(village_view(row, &tree, spoken))
}

#[tracing::instrument(skip(db))]
pub async fn list_posts(
    db: &DatabaseConnection,
    caller: Option<&Principal>,
    filter: ListFilter,
) -> Result<PageOf<Located<PostProperties>>, ServiceError> {
    let listed = features::posts(db, filter, &auth::require(caller, Action::ReadPosts)?.jurisdiction).await?;
    let tree = AdminTree::load(db).await?;
    let items = listed.items.into_iter().map(|row| post_view(row, &tree)).collect();
    Ok(PageOf { items, matched: listed.matched })
}

/// The stretch of border a post is responsible for, drawn along the line in force.
#[derive(Debug)]
pub struct PostSector {
    pub post_id: i32,
    pub code: String,
    pub name_zh: String,
    pub name_en: Option<String>,
    pub sector_start_km: f64,
    pub sector_end_km: f64,
    /// Polylines of `[lon, lat]` (more than one if the sector crosses a gap in the line).
    pub parts: Vec<Vec<[f64; 2]>>,
}

/// The sectors of every post in the caller's jurisdiction, cut out of `border`.
#[tracing::instrument(skip(db, border))]
pub async fn post_sectors(
    db: &DatabaseConnection,
    caller: Option<&Principal>,
    border: &Border,
) -> Result<Vec<PostSector>, ServiceError> {
    let scope = &auth::require(caller, Action::ReadPosts)?.jurisdiction;
    let rows = features::all_posts(db, scope).await?;
    Ok(rows
        .into_iter()
        .map(|row| PostSector {
            parts: border.slice(row.sector_start_km, row.sector_end_km),
            post_id: row.id,
            code: row.code,
            name_zh: row.name_zh,
            name_en: row.name_en,
            sector_start_km: row.sector_start_km,
            sector_end_km: row.sector_end_km,
        })
        .collect())
}

#[tracing::instrument(skip(db))]
pub async fn get_post(
    db: &DatabaseConnection,
    caller: Option<&Principal>,
    id: i64,
) -> Result<Located<PostProperties>, ServiceError> {
    let row = features::post(db, id, &auth::require(caller, Action::ReadPosts)?.jurisdiction)
        .await?
        .ok_or(ServiceError::NotFound { kind: RecordKind::Post, id: id.to_string() })?;
    let tree = AdminTree::load(db).await?;
    Ok(post_view(row, &tree))
}

#[tracing::instrument(skip(db))]
pub async fn list_incidents(
    db: &DatabaseConnection,
    caller: Option<&Principal>,
    filter: &IncidentFilter,
    list: ListFilter,
    tz: chrono_tz::Tz,
) -> Result<PageOf<Located<IncidentProperties>>, ServiceError> {
    let principal = auth::require(caller, Action::ReadIncidents)?;
    let (select, _) = super::records::matching_incidents(db, principal, filter, list.bbox, tz).await?;
    let matched = select.clone().count(db).await.map_err(StoreError::from)?;
    let rows = select
        .order_by_asc(incident::Column::Id)
        .offset(list.page.offset())
        .limit(list.page.limit())
        .all(db)
        .await
        .map_err(StoreError::from)?;
    Ok(PageOf { items: rows.into_iter().map(incident_view).collect(), matched })
}

#[tracing::instrument(skip(db))]
pub async fn get_incident(
    db: &DatabaseConnection,
    caller: Option<&Principal>,
    id: i64,
) -> Result<Located<IncidentProperties>, ServiceError> {
    let row = features::incident(db, id, &auth::require(caller, Action::ReadIncidents)?.jurisdiction)
        .await?
        .ok_or(ServiceError::NotFound { kind: RecordKind::Incident, id: id.to_string() })?;
    Ok(incident_view(row))
}
