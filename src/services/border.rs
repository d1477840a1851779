//! The border in force (the active imported version, else the shipped line), the border fields
//! of located records, and replacing the line with recomputation of every stored record.

use std::sync::Arc;

use chrono::Utc;
use indicatif::ProgressBar;
use sea_orm::ActiveValue::{NotSet, Set};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder,
    TransactionTrait,
};

use super::ServiceError;
use super::places::BorderFields;
use crate::border::Border;
use crate::store::entities::border_version;
use crate::store::{StoreError, located};

fn db_err(error: sea_orm::DbErr) -> ServiceError {
    StoreError::from(error).into()
}

/// The border fields of a point; all `None` when the point cannot be located (not WGS84).
pub fn fields(border: &Border, lon: f64, lat: f64) -> BorderFields {
    match border.locate(lon, lat) {
        Some(location) => BorderFields {
            border_km: Some(location.border_km),
            distance_m: Some(location.distance_m),
            section: Some(location.section.as_str().to_owned()),
            side: Some(location.side.as_str().to_owned()),
        },
        None => BorderFields { border_km: None, distance_m: None, section: None, side: None },
    }
}

/// The border in force: the active imported version, or the line shipped with the binary.
pub async fn active(db: &impl ConnectionTrait) -> Result<Arc<Border>, ServiceError> {
    let version = border_version::Entity::find()
        .filter(border_version::Column::IsActive.eq(true))
        .order_by_desc(border_version::Column::Id)
        .one(db)
        .await
        .map_err(db_err)?;
    let Some(version) = version else {
        return Ok(Arc::new(Border::bundled().clone()));
    };
    let border = Border::from_geojson_str(&version.geojson).map_err(ServiceError::InvalidBorder)?;
    let border = match &version.pillars_csv {
        Some(csv) => border.with_pillars_csv(csv).map_err(ServiceError::InvalidBorder)?,
        None => border,
    };
    Ok(Arc::new(border))
}

/// What an import did.
#[derive(Clone, Debug, PartialEq)]
pub struct ImportReport {
    pub version_id: i32,
    pub measured_length_km: f64,
    pub official_length_km: Option<f64>,
    pub pillars: usize,
    pub records: u64,
}

/// Validates a new line (and pillars), makes it the active version and recomputes the border
/// fields of every stored record, all in one transaction: on any error nothing changes.
#[tracing::instrument(skip(db, geojson, pillars_csv, bar))]
pub async fn import(
    db: &DatabaseConnection,
    source_name: &str,
    geojson: &str,
    pillars_csv: Option<&str>,
    bar: &ProgressBar,
) -> Result<ImportReport, ServiceError> {
    let border = Border::from_geojson_str(geojson).map_err(ServiceError::InvalidBorder)?;
    let border = match pillars_csv {
        Some(csv) => border.with_pillars_csv(csv).map_err(ServiceError::InvalidBorder)?,
        None => border,
    };
    let txn = db.begin().await.map_err(db_err)?;
    border_version::Entity::update_many()
        .col_expr(border_version::Column::IsActive, Expr::value(false))
        .filter(border_version::Column::IsActive.eq(true))
        .exec(&txn)
        .await
        .map_err(db_err)?;
    let version = border_version::ActiveModel {
        id: NotSet,
        imported_at: Set(Utc::now()),
        source_name: Set(source_name.to_owned()),
        geojson: Set(geojson.to_owned()),
        pillars_csv: Set(pillars_csv.map(str::to_owned)),
        measured_length_km: Set(border.length_km()),
        is_active: Set(true),
    }
    .insert(&txn)
    .await
    .map_err(db_err)?;
    bar.set_length(located::count(&txn).await?);
    // Every incident moves along the new line: the rollup is recounted once, not row by row.
    let rollup = super::trends::suspend_rollup(&txn).await?;
    let records = recompute_all(&txn, &border, bar).await?;
    super::trends::resume_rollup(&txn, rollup).await?;
    let after = serde_json::json!({
        "source_name": source_name,
        "measured_length_km": border.length_km(),
        "pillars": border.pillars().len(),
        "records_recomputed": records,
    });
    super::audit::record(
        &txn,
        super::audit::Event {
            actor_user_id: None,
            action: "import",
            record_type: "border_version",
            record_id: version.id.to_string(),
            before: None,
            after: Some(after),
        },
    )
    .await?;
    txn.commit().await.map_err(db_err)?;
    bar.finish();
    Ok(ImportReport {
        version_id: version.id,
        measured_length_km: border.length_km(),
        official_length_km: border.official_length_km(),
        pillars: border.pillars().len(),
        records,
    })
}

/// Recomputes the border fields of every located row of every located table.
pub async fn recompute_all(db: &impl ConnectionTrait, border: &Border, bar: &ProgressBar) -> Result<u64, ServiceError> {
    Ok(located::rewrite(db, |lon, lat| fields(border, lon, lat), |rows| bar.inc(rows)).await?)
}

/// Most points one `POST /api/v1/border/locate` may carry.
pub const MAX_POINTS: usize = 10_000;

/// A section of the line in force, with its vertices (WGS84 lon/lat).
#[derive(Debug, serde::Serialize)]
pub struct SectionView {
    pub code: &'static str,
    pub name_zh: String,
    pub name_en: String,
    pub start_km: f64,
    pub end_km: f64,
    pub length_km: f64,
    #[serde(skip)]
    pub coordinates: Vec<[f64; 2]>,
}

/// The line in force: sections, measured and official lengths.
#[derive(Debug)]
pub struct BorderView {
    pub sections: Vec<SectionView>,
    pub measured_length_km: f64,
    pub official_length_km: Option<f64>,
    pub pillars: usize,
}

impl BorderView {
    /// Measured length as a share of the official one (e.g. 0.697).
    pub fn measured_to_official_ratio(&self) -> Option<f64> {
        self.official_length_km.map(|official| self.measured_length_km / official)
    }
}

pub fn view(border: &Border) -> BorderView {
    let vertices = border.vertices();
    let km = border.vertex_km();
    let sections = border
        .sections()
        .iter()
        .map(|section| {
            let coordinates = vertices
                .iter()
                .zip(km)
                .filter(|(_, at)| **at >= section.start_km - 1e-9 && **at <= section.end_km + 1e-9)
                .map(|(vertex, _)| *vertex)
                .collect();
            SectionView {
                code: section.code.as_str(),
                name_zh: section.name_zh.clone(),
                name_en: section.name_en.clone(),
                start_km: section.start_km,
                end_km: section.end_km,
                length_km: section.length_km(),
                coordinates,
            }
        })
        .collect();
    BorderView {
        sections,
        measured_length_km: border.length_km(),
        official_length_km: border.official_length_km(),
        pillars: border.pillars().len(),
    }
}

/// A located point as the API returns it.
#[derive(Debug, serde::Serialize)]
pub struct LocatedPoint {
    pub lon: f64,
    pub lat: f64,
    pub border_km: f64,
    pub distance_m: f64,
    pub section: &'static str,
    pub side: &'static str,
    /// The closest point of the line, [lon, lat].
    pub foot: [f64; 2],
    pub nearest_pillar: Option<String>,
}

fn located_point(border: &Border, position: crate::domain::geo::LonLat) -> Option<LocatedPoint> {
    let location = border.locate(position.lon(), position.lat())?;
    Some(LocatedPoint {
        lon: position.lon(),
        lat: position.lat(),
        border_km: location.border_km,
        distance_m: location.distance_m,
        section: location.section.as_str(),
        side: location.side.as_str(),
        foot: [location.foot_lon, location.foot_lat],
        nearest_pillar: location.nearest_pillar,
    })
}

/// Locates one validated position.
pub fn locate_one(border: &Border, position: crate::domain::geo::LonLat) -> Result<LocatedPoint, ServiceError> {
    located_point(border, position).ok_or_else(|| {
        crate::domain::DomainError::InvalidPosition { lon: position.lon().to_string(), lat: position.lat().to_string() }
            .into()
    })
}

/// Locates up to [`MAX_POINTS`] raw positions; the first invalid one fails the whole request.
pub fn locate_many(border: &Border, points: &[(f64, f64)]) -> Result<Vec<LocatedPoint>, ServiceError> {
    use crate::domain::DomainError;
    if points.len() > MAX_POINTS {
        return Err(DomainError::TooManyPoints { count: points.len(), max: MAX_POINTS }.into());
    }
    points
        .iter()
        .enumerate()
        .map(|(index, (lon, lat))| {
            crate::domain::geo::LonLat::new(*lon, *lat)
                .and_then(|position| located_point(border, position))
                .ok_or(ServiceError::Invalid(DomainError::InvalidPositionAt { index }))
        })
        .collect()
}
