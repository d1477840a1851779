//! Border villages: the filtered list and one village with its indicators, languages, active
//! linkages and the posts whose sectors cover it.

use sea_orm::sea_query::{Expr, Func, LikeExpr};
use sea_orm::{
    ColumnTrait, Condition, DatabaseConnection, EntityTrait, ExprTrait, PaginatorTrait, QueryFilter, QueryOrder,
    QuerySelect,
};

use super::linkages::{LinkageRow, active_on, linkage_rows};
use super::posts::{PostRow, post_row};
use super::{PageOf, Place, db_err, in_scope, narrowed, small_id, today};
use crate::domain::auth::Action;
use crate::domain::filter::VillageFilter;
use crate::domain::geo::BorderFields;
use crate::domain::paging::ListFilter;
use crate::services::admin::AdminTree;
use crate::services::auth::{self, Principal};
use crate::services::{RecordKind, ServiceError};
use crate::store::entities::{linkage, post, village, village_indicator, village_language};

/// A village as listed.
#[derive(Clone, Debug)]
pub struct VillageRow {
    pub id: i64,
    pub code: String,
    pub name_zh: String,
    pub name_en: Option<String>,
    pub place: Place,
    pub is_key: bool,
    pub households: i32,
    pub border_km: Option<f64>,
    pub distance_m: Option<f64>,
}

/// One year's indicators of a village; a missing figure is `None`, never 0.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IndicatorRow {
    pub year: i32,
    pub collective_income_cny: Option<i64>,
    pub per_capita_income_cny: Option<i64>,
    pub villagers_in_cross_border_crime: Option<i32>,
}

/// A village's page.
#[derive(Clone, Debug)]
pub struct VillageRecord {
    pub row: VillageRow,
    pub name_local: Option<String>,
    /// BCP 47 tag of the local name's language.
    pub name_local_lang: Option<String>,
    /// `None` when no population is recorded (stored as 0).
    pub population: Option<i32>,
    /// Codes such as `dai`, `hani`.
    pub ethnic_groups: Vec<String>,
    /// BCP 47 tags, primary first.
    pub languages: Vec<String>,
    pub border: BorderFields,
    pub lon: f64,
    pub lat: f64,
    pub is_demo: bool,
    /// By year, oldest first.
    pub indicators: Vec<IndicatorRow>,
    /// Linkages running today; `None` when the caller may not read linkages.
    pub linkages: Option<Vec<LinkageRow>>,
    /// Posts in scope whose sector `[start, end]` contains the village's `border_km`.
    pub posts: Vec<PostRow>,
}

pub(super) fn village_row(row: &village::Model, tree: &AdminTree) -> VillageRow {
    VillageRow {
        id: i64::from(row.id),
        code: row.code.clone(),
        name_zh: row.name_zh.clone(),
        name_en: row.name_en.clone(),
        place: Place::of(tree, Some(row.admin_unit_id)),
        is_key: row.is_key,
        households: row.households,
        border_km: row.border_km,
        distance_m: row.distance_m,
    }
}

/// `%text%` for LIKE, lower-cased, with the wildcards typed by the user taken literally.
fn contains_pattern(text: &str) -> String {
    let mut pattern = String::from("%");
    for c in text.to_lowercase().chars() {
        if matches!(c, '%' | '_' | '\\') {
            pattern.push('\\');
        }
        pattern.push(c);
    }
    pattern.push('%');
    pattern
}

/// Villages whose name (Chinese, English, local) or code contains `text`, ignoring case.
fn name_matches(text: &str) -> Condition {
    let pattern = contains_pattern(text);
    let like = |column: village::Column| {
        Expr::expr(Func::lower(Expr::col((village::Entity, column)))).like(LikeExpr::new(pattern.clone()).escape('\\'))
    };
    Condition::any()
        .add(like(village::Column::NameZh))
        .add(like(village::Column::NameEn))
        .add(like(village::Column::NameLocal))
        .add(like(village::Column::Code))
}

/// `GET /villages`: villages in scope matching the filter, by id, a page of them.
#[tracing::instrument(skip(db))]
pub async fn villages(
    db: &DatabaseConnection,
    caller: Option<&Principal>,
    filter: &VillageFilter,
    list: ListFilter,
) -> Result<PageOf<VillageRow>, ServiceError> {
    let principal = auth::require(caller, Action::ReadVillages)?;
    let tree = AdminTree::load(db).await?;
    let scope = narrowed(&tree, &principal.jurisdiction, filter.county.as_deref())?;
    let mut select = village::Entity::find().filter(in_scope(village::Column::AdminUnitId, &scope));
    if filter.key_only {
        select = select.filter(village::Column::IsKey.eq(true));
    }
    if let Some(name) = &filter.name {
        select = select.filter(name_matches(name));
    }
    if let Some(bbox) = list.bbox {
        select = select
            .filter(village::Column::Lon.between(bbox.min_lon(), bbox.max_lon()))
            .filter(village::Column::Lat.between(bbox.min_lat(), bbox.max_lat()));
    }
    let matched = select.clone().count(db).await.map_err(db_err)?;
    let rows = select
        .order_by_asc(village::Column::Id)
        .offset(list.page.offset())
        .limit(list.page.limit())
        .all(db)
        .await
        .map_err(db_err)?;
    Ok(PageOf { items: rows.iter().map(|row| village_row(row, &tree)).collect(), matched })
}

/// `GET /villages/{id}`.
#[tracing::instrument(skip(db))]
pub async fn village(
    db: &DatabaseConnection,
    caller: Option<&Principal>,
    id: i64,
    tz: chrono_tz::Tz,
) -> Result<VillageRecord, ServiceError> {
    let principal = auth::require(caller, Action::ReadVillages)?;
    let scope = &principal.jurisdiction;
    let not_found = || ServiceError::NotFound { kind: RecordKind::Village, id: id.to_string() };
    let key = small_id(id).ok_or_else(not_found)?;
    let row = village::Entity::find_by_id(key)
        .one(db)
        .await
        .map_err(db_err)?
        .filter(|row| scope.covers(Some(row.admin_unit_id)))
        .ok_or_else(not_found)?;
    let tree = AdminTree::load(db).await?;
    let languages = village_language::Entity::find()
        .filter(village_language::Column::VillageId.eq(key))
        .order_by_asc(village_language::Column::Position)
        .all(db)
        .await
        .map_err(db_err)?
        .into_iter()
        .map(|language| language.language)
        .collect();
    let indicators = village_indicator::Entity::find()
        .filter(village_indicator::Column::VillageId.eq(key))
        .order_by_asc(village_indicator::Column::Year)
        .all(db)
        .await
        .map_err(db_err)?
        .into_iter()
        .map(|indicator| IndicatorRow {
            year: indicator.year,
            collective_income_cny: indicator.collective_income_cny,
            per_capita_income_cny: indicator.per_capita_income_cny,
            villagers_in_cross_border_crime: indicator.villagers_in_cross_border_crime,
        })
        .collect();
    let linkages = if auth::authorize(caller, Action::ReadLinkages).is_ok() {
        let today = today(tz);
        let linked = linkage::Entity::find()
            .filter(linkage::Column::VillageId.eq(key))
            .filter(active_on(today))
            .order_by_asc(linkage::Column::Id)
            .all(db)
            .await
            .map_err(db_err)?;
        Some(linkage_rows(db, &tree, scope, linked, today).await?)
    } else {
        None
    };
    let posts = match row.border_km {
        None => Vec::new(),
        Some(km) => post::Entity::find()
            .filter(post::Column::SectorStartKm.lte(km))
            .filter(post::Column::SectorEndKm.gte(km))
            .filter(in_scope(post::Column::AdminUnitId, scope))
            .order_by_asc(post::Column::SectorStartKm)
            .order_by_asc(post::Column::Id)
            .all(db)
            .await
            .map_err(db_err)?
            .iter()
            .map(|post| post_row(post, &tree))
            .collect(),
    };
    let ethnic_groups = row
        .ethnic_groups
        .as_array()
        .map(|groups| groups.iter().filter_map(|group| group.as_str().map(str::to_owned)).collect())
        .unwrap_or_default();
    Ok(VillageRecord {
        row: village_row(&row, &tree),
        name_local: row.name_local,
        name_local_lang: row.name_local_lang,
        population: (row.population > 0).then_some(row.population),
        ethnic_groups,
        languages,
        border: BorderFields {
            border_km: row.border_km,
            distance_m: row.distance_m,
            section: row.section,
            side: row.side,
        },
        lon: row.lon,
        lat: row.lat,
        is_demo: row.is_demo,
        indicators,
        linkages,
        posts,
    })
}

#[cfg(test)]
mod tests {
    use super::contains_pattern;

    #[test]
    fn typed_wildcards_are_taken_literally() {
        assert_eq!(contains_pattern("Man"), "%man%");
        assert_eq!(contains_pattern("50%_a\\b"), "%50\\%\\_a\\\\b%");
        assert_eq!(contains_pattern("曼"), "%曼%");
    }
}
