//! Where incidents concentrate: `GET /api/v1/incidents/hotspots` (km bins of the border whose
//! rise is statistically significant) and `GET /api/v1/incidents/grid` (incidents per grid
//! cell as GeoJSON polygons, the map's heat layer).

use actix_web::http::header::CONTENT_TYPE;
use actix_web::{HttpResponse, web};
use geojson::{Feature, FeatureCollection, Geometry, JsonObject};
use serde::Deserialize;
use serde_json::{Value, json};

use super::ApiError;
use super::auth::Caller;
use super::geojson_out::GEOJSON;
use crate::domain::DomainError;
use crate::domain::auth::Action;
use crate::domain::bins::BinWidth;
use crate::domain::filter::{IncidentFilter, IncidentQuery};
use crate::domain::grid::{CellSize, DEFAULT_CELL_KM, ORIGIN};
use crate::domain::incident::Category;
use crate::domain::period::parse_year;
use crate::domain::stats::FdrLevel;
use crate::services::auth;
use crate::services::grid::{self, IncidentGrid};
use crate::services::hotspots::{self, Hotspot, HotspotQuery, Hotspots};
use crate::startup::AppState;

/// A form value, or `None` when absent or blank.
fn given(value: &Option<String>) -> Option<&str> {
    value.as_deref().map(str::trim).filter(|text| !text.is_empty())
}

/// `?bin_km=&base=&compare=&alpha=&category=`, as text so that each gets its own message.
#[derive(Debug, Default, Deserialize)]
pub struct HotspotsParams {
    bin_km: Option<String>,
    base: Option<String>,
    compare: Option<String>,
    alpha: Option<String>,
    category: Option<String>,
}

impl HotspotsParams {
    fn parse(&self) -> Result<HotspotQuery, DomainError> {
        Ok(HotspotQuery {
            width: given(&self.bin_km).map(BinWidth::parse).transpose()?.unwrap_or_default(),
            base: given(&self.base).map(parse_year).transpose()?,
            compare: given(&self.compare).map(parse_year).transpose()?,
            alpha: given(&self.alpha).map(FdrLevel::parse).transpose()?.unwrap_or_default(),
            category: given(&self.category)
                .map(|code| {
                    Category::parse(code).ok_or_else(|| DomainError::UnknownCategory { value: code.to_owned() })
                })
                .transpose()?,
        })
    }
}

/// `GET /api/v1/incidents/hotspots?bin_km=10&base=2023&compare=2024&alpha=0.05&category=`:
/// the bins of the border whose live incidents rose significantly from the base year to the
/// compared one, for the caller's jurisdiction. Each bin with an incident in either year is
/// tested by the one-sided conditional binomial test of two Poisson counts (given `n = base +
/// compare`, `compare ~ Binomial(n, p0)` with `p0 = compare_days / (base_days +
/// compare_days)`; `p_value = P(X ≥ compare)`), and the p-values are adjusted across those
/// bins by Benjamini–Hochberg (`q_value`); bins with `q_value ≤ alpha` and a higher daily rate
/// are listed by `q_value`, then by the rise in incidents. Years default as for
/// `/api/v1/border/bins`, `alpha` to 0.05.
pub async fn hotspots(
    caller: Caller,
    state: web::Data<AppState>,
    params: web::Query<HotspotsParams>,
) -> Result<HttpResponse, ApiError> {
    let principal = auth::require(caller.principal(), Action::ReadIncidents)?;
    let query = params.parse()?;
    let found = hotspots::hotspots(&state.db, principal, &state.border, query, state.settings.time_zone()).await?;
    Ok(HttpResponse::Ok().json(hotspots_body(&found)))
}

fn hotspots_body(found: &Hotspots) -> Value {
    json!({
        "test": "conditional-binomial-one-sided",
        "multiple_testing": "bh-fdr",
        "alpha": found.alpha,
        "base_year": found.base_year,
        "compare_year": found.compare_year,
        "base_days": found.base_days,
        "compare_days": found.compare_days,
        "p0": found.p0,
        "bin_km": found.bin_km,
        "length_km": found.length_km,
        "category": found.category.map(Category::code),
        "bins_total": found.bins_total,
        "bins_tested": found.bins_tested,
        "village_distance": "along-border",
        "hotspots": found.hotspots.iter().map(hotspot_json).collect::<Vec<_>>(),
    })
}

fn hotspot_json(hotspot: &Hotspot) -> Value {
    let sections: Vec<&str> = hotspot.sections.iter().map(|code| code.as_str()).collect();
    json!({
        "bin": hotspot.index,
        "start_km": hotspot.start_km,
        "end_km": hotspot.end_km,
        "section": sections.join("/"),
        "base_incidents": hotspot.base.incidents,
        "compare_incidents": hotspot.compare.incidents,
        "base_persons": hotspot.base.persons,
        "compare_persons": hotspot.compare.persons,
        "rise": hotspot.rise(),
        "new": hotspot.base.incidents == 0,
        "rate_ratio": hotspot.rate_ratio,
        "p_value": hotspot.p_value,
        "q_value": hotspot.q_value,
        "villages": hotspot.villages.iter().map(|village| json!({
            "id": village.id,
            "code": village.code,
            "name_zh": village.name_zh,
            "name_en": village.name_en,
            "border_km": village.border_km,
            "distance_km": village.distance_km,
        })).collect::<Vec<_>>(),
        "posts": hotspot.posts.iter().map(|post| json!({
            "id": post.id,
            "code": post.code,
            "name_zh": post.name_zh,
            "name_en": post.name_en,
            "sector_start_km": post.sector_start_km,
            "sector_end_km": post.sector_end_km,
        })).collect::<Vec<_>>(),
    })
}

/// `?cell_km=&year=&from=&to=&category=`, as text.
#[derive(Debug, Default, Deserialize)]
pub struct GridParams {
    cell_km: Option<String>,
    year: Option<String>,
    from: Option<String>,
    to: Option<String>,
    category: Option<String>,
}

impl GridParams {
    fn parse(&self) -> Result<(CellSize, IncidentFilter), DomainError> {
        let size = match given(&self.cell_km) {
            Some(text) => CellSize::parse(text)?,
            None => CellSize::new(DEFAULT_CELL_KM)?,
        };
        let filter = IncidentFilter::parse(IncidentQuery {
            year: self.year.as_deref(),
            from: self.from.as_deref(),
            to: self.to.as_deref(),
            category: self.category.as_deref(),
            ..IncidentQuery::default()
        })?;
        Ok((size, filter))
    }
}

/// `GET /api/v1/incidents/grid?cell_km=5[&year=|&from=&to=][&category=]`: a FeatureCollection
/// of Polygon cells with the live incidents (`count`) and persons apprehended (`persons`) of
/// the caller's jurisdiction that match the filter (as on the incident list: local calendar
/// days, all dates when none is given); only cells with incidents. The grid is in degrees,
/// cell `(i, j)` covering lon `[−180 + i·dlon_deg, …)` and lat `[−90 + j·dlat_deg, …)`, its
/// steps making a cell `cell_km` wide and high at `ref_lat` on the WGS84 ellipsoid (see
/// [`crate::domain::grid`]); each cell states its own `width_km` and `height_km`.
pub async fn grid(
    caller: Caller,
    state: web::Data<AppState>,
    params: web::Query<GridParams>,
) -> Result<HttpResponse, ApiError> {
    let principal = auth::require(caller.principal(), Action::ReadIncidents)?;
    let (size, filter) = params.parse()?;
    let cells =
        grid::incident_grid(&state.db, principal, &state.border, size, &filter, state.settings.time_zone()).await?;
    let body = serde_json::to_string(&grid_collection(&cells, &filter)).map_err(|_| ApiError::internal())?;
    Ok(HttpResponse::Ok().insert_header((CONTENT_TYPE, GEOJSON)).body(body))
}

fn grid_collection(cells: &IncidentGrid, filter: &IncidentFilter) -> FeatureCollection {
    let grid = &cells.grid;
    let features = cells
        .cells
        .iter()
        .map(|cell| {
            let properties = json!({
                "i": cell.i,
                "j": cell.j,
                "count": cell.incidents,
                "persons": cell.persons,
                "width_km": cell.width_km,
                "height_km": cell.height_km,
            });
            Feature {
                bbox: None,
                geometry: Some(Geometry::new_polygon(vec![cell.ring.clone()])),
                id: Some(geojson::feature::Id::String(format!("{}/{}", cell.i, cell.j))),
                properties: match properties {
                    Value::Object(map) => Some(map),
                    _ => None,
                },
                foreign_members: None,
            }
        })
        .collect();
    let mut members = JsonObject::new();
    members.insert("cell_km".into(), json!(grid.cell_km()));
    members.insert("ref_lat".into(), json!(grid.ref_lat()));
    members.insert("dlon_deg".into(), json!(grid.dlon()));
    members.insert("dlat_deg".into(), json!(grid.dlat()));
    members.insert("origin".into(), json!(ORIGIN));
    members.insert("grid".into(), json!("wgs84-degrees-cell-km-at-ref-lat"));
    members.insert("from".into(), json!(filter.dates.from().map(|day| day.to_string())));
    members.insert("to".into(), json!(filter.dates.to().map(|day| day.to_string())));
    members.insert("category".into(), json!(filter.category.map(Category::code)));
    members.insert("total_count".into(), json!(cells.cells.iter().map(|cell| cell.incidents).sum::<i64>()));
    members.insert("total_persons".into(), json!(cells.cells.iter().map(|cell| cell.persons).sum::<i64>()));
    FeatureCollection { bbox: None, features, foreign_members: Some(members) }
}
