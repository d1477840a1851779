//! Joint-defense posts: the list and one post with the villages of its sector and its linkages.

use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, QuerySelect};

use super::linkages::{LinkageRow, linkage_rows};
use super::villages::{VillageRow, village_row};
use super::{PageOf, Place, db_err, in_scope, small_id, today};
use crate::domain::auth::Action;
use crate::domain::geo::BorderFields;
use crate::domain::paging::ListFilter;
use crate::services::admin::AdminTree;
use crate::services::auth::{self, Principal};
use crate::services::{RecordKind, ServiceError};
use crate::store::entities::{linkage, post, village};

/// A post as listed.
#[derive(Clone, Debug)]
pub struct PostRow {
    pub id: i64,
    pub code: String,
    pub name_zh: String,
    pub name_en: Option<String>,
    pub place: Place,
    /// The sector `[start, end]`, km along the border.
    pub sector_start_km: f64,
    pub sector_end_km: f64,
    pub staff: i32,
    pub border_km: Option<f64>,
    pub distance_m: Option<f64>,
}

impl PostRow {
    /// Length of the sector, km.
    pub fn sector_length_km(&self) -> f64 {
        self.sector_end_km - self.sector_start_km
    }
}

/// A post's page.
#[derive(Clone, Debug)]
pub struct PostRecord {
    pub row: PostRow,
    pub border: BorderFields,
    pub lon: f64,
    pub lat: f64,
    pub is_demo: bool,
    /// Villages in scope whose `border_km` lies in the sector, along the border.
    pub villages: Vec<VillageRow>,
    /// Every linkage to this post whose village is in scope, running or not; `None` when the
    /// caller may not read linkages.
    pub linkages: Option<Vec<LinkageRow>>,
}

pub(super) fn post_row(row: &post::Model, tree: &AdminTree) -> PostRow {
    PostRow {
        id: i64::from(row.id),
        code: row.code.clone(),
        name_zh: row.name_zh.clone(),
        name_en: row.name_en.clone(),
        place: Place::of(tree, Some(row.admin_unit_id)),
        sector_start_km: row.sector_start_km,
        sector_end_km: row.sector_end_km,
        staff: row.staff,
        border_km: row.border_km,
        distance_m: row.distance_m,
    }
}

/// `GET /posts`: posts in scope along the border (by sector start), a page of them.
#[tracing::instrument(skip(db))]
pub async fn posts(
    db: &DatabaseConnection,
    caller: Option<&Principal>,
    list: ListFilter,
) -> Result<PageOf<PostRow>, ServiceError> {
    let principal = auth::require(caller, Action::ReadPosts)?;
    let mut select = post::Entity::find().filter(in_scope(post::Column::AdminUnitId, &principal.jurisdiction));
    if let Some(bbox) = list.bbox {
        select = select
            .filter(post::Column::Lon.between(bbox.min_lon(), bbox.max_lon()))
            .filter(post::Column::Lat.between(bbox.min_lat(), bbox.max_lat()));
    }
    let matched = select.clone().count(db).await.map_err(db_err)?;
    let rows = select
        .order_by_asc(post::Column::SectorStartKm)
        .order_by_asc(post::Column::Id)
        .offset(list.page.offset())
        .limit(list.page.limit())
        .all(db)
        .await
        .map_err(db_err)?;
    let tree = AdminTree::load(db).await?;
    Ok(PageOf { items: rows.iter().map(|row| post_row(row, &tree)).collect(), matched })
}

/// `GET /posts/{id}`.
#[tracing::instrument(skip(db))]
pub async fn post(
    db: &DatabaseConnection,
    caller: Option<&Principal>,
    id: i64,
    tz: chrono_tz::Tz,
) -> Result<PostRecord, ServiceError> {
    let principal = auth::require(caller, Action::ReadPosts)?;
    let scope = &principal.jurisdiction;
    let not_found = || ServiceError::NotFound { kind: RecordKind::Post, id: id.to_string() };
    let key = small_id(id).ok_or_else(not_found)?;
    let row = post::Entity::find_by_id(key)
        .one(db)
        .await
        .map_err(db_err)?
        .filter(|row| scope.covers(Some(row.admin_unit_id)))
        .ok_or_else(not_found)?;
    let tree = AdminTree::load(db).await?;
    let villages = village::Entity::find()
        .filter(village::Column::BorderKm.gte(row.sector_start_km))
        .filter(village::Column::BorderKm.lte(row.sector_end_km))
        .filter(in_scope(village::Column::AdminUnitId, scope))
        .order_by_asc(village::Column::BorderKm)
        .order_by_asc(village::Column::Id)
        .all(db)
        .await
        .map_err(db_err)?
        .iter()
        .map(|village| village_row(village, &tree))
        .collect();
    let linkages = if auth::authorize(caller, Action::ReadLinkages).is_ok() {
        let linked = linkage::Entity::find()
            .filter(linkage::Column::PostId.eq(key))
            .order_by_asc(linkage::Column::Id)
            .all(db)
            .await
            .map_err(db_err)?;
        Some(linkage_rows(db, &tree, scope, linked, today(tz)).await?)
    } else {
        None
    };
    Ok(PostRecord {
        row: post_row(&row, &tree),
        border: BorderFields {
            border_km: row.border_km,
            distance_m: row.distance_m,
            section: row.section,
            side: row.side,
        },
        lon: row.lon,
        lat: row.lat,
        is_demo: row.is_demo,
        villages,
        linkages,
    })
}
