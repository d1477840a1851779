//! Trends along the border as GeoJSON: incidents per km bin, a year against another.

use actix_web::http::header::CONTENT_TYPE;
use actix_web::{HttpResponse, web};
use geojson::{Feature, FeatureCollection, Geometry, JsonObject};
use serde::Deserialize;
use serde_json::json;

use super::ApiError;
use super::auth::Caller;
use super::geojson_out::GEOJSON;
use crate::border::Border;
use crate::domain::DomainError;
use crate::domain::auth::Action;
use crate::domain::bins::BinWidth;
use crate::domain::period::parse_year;
use crate::services::auth;
use crate::services::trends::{self, BinChange, BinChanges};
use crate::startup::AppState;

/// `?bin_km=&base=&compare=`, read as text so each gets its own message; empty means absent.
#[derive(Debug, Default, Deserialize)]
pub struct BinsQuery {
    bin_km: Option<String>,
    base: Option<String>,
    compare: Option<String>,
}

/// The parsed query: the width, and the years the caller gave (the rest are defaulted).
#[derive(Clone, Copy, Debug)]
pub struct BinsRequest {
    pub width: BinWidth,
    pub base: Option<i32>,
    pub compare: Option<i32>,
}

impl BinsQuery {
    pub fn parse(&self) -> Result<BinsRequest, DomainError> {
        let given = |value: &Option<String>| value.clone().filter(|text| !text.trim().is_empty());
        Ok(BinsRequest {
            width: given(&self.bin_km).as_deref().map(BinWidth::parse).transpose()?.unwrap_or_default(),
            base: given(&self.base).as_deref().map(parse_year).transpose()?,
            compare: given(&self.compare).as_deref().map(parse_year).transpose()?,
        })
    }
}

/// `GET /api/v1/border/bins?bin_km=10&base=2023&compare=2024`: one LineString feature per km
/// bin of the border (a MultiLineString if the bin spans a gap of the line), with the live
/// incidents and persons apprehended of both years and the change. The compared year defaults
/// to the latest year with incidents, the base year to the one before it, `bin_km` to 10.
pub async fn bins(
    caller: Caller,
    state: web::Data<AppState>,
    query: web::Query<BinsQuery>,
) -> Result<HttpResponse, ApiError> {
    let principal = auth::require(caller.principal(), Action::ReadIncidents)?;
    let request = query.parse()?;
    let (scope, tz) = (&principal.jurisdiction, state.settings.time_zone());
    let years = trends::resolve_years(&state.db, scope, request.base, request.compare, tz).await?;
    let changes =
        trends::bin_change(&state.db, scope, &state.border, request.width.km(), years.base(), years.compare(), tz)
            .await?;
    let body = serde_json::to_string(&collection(&state.border, &changes)).map_err(|_| ApiError::internal())?;
    Ok(HttpResponse::Ok().insert_header((CONTENT_TYPE, GEOJSON)).body(body))
}

fn collection(border: &Border, changes: &BinChanges) -> FeatureCollection {
    let features = changes.bins.iter().map(|bin| feature(border, bin)).collect();
    let mut members = JsonObject::new();
    members.insert("base_year".into(), json!(changes.base_year));
    members.insert("compare_year".into(), json!(changes.compare_year));
    members.insert("bin_km".into(), json!(changes.bin_km));
    members.insert("length_km".into(), json!(changes.length_km));
    FeatureCollection { bbox: None, features, foreign_members: Some(members) }
}

fn feature(border: &Border, bin: &BinChange) -> Feature {
    let mut parts = border.slice(bin.start_km, bin.end_km);
    let geometry = match parts.len() {
        0 => None,
        1 => Some(Geometry::new_line_string(parts.remove(0))),
        _ => Some(Geometry::new_multi_line_string(parts)),
    };
    let sections: Vec<&str> = bin.sections.iter().map(|code| code.as_str()).collect();
    let properties = json!({
        "bin": bin.index,
        "start_km": bin.start_km,
        "end_km": bin.end_km,
        "section": sections.join("/"),
        "base_incidents": bin.base.incidents,
        "compare_incidents": bin.compare.incidents,
        "base_persons": bin.base.persons,
        "compare_persons": bin.compare.persons,
        "change_pct": bin.incidents.published_percent(),
        "change": bin.incidents.direction().as_str(),
    });
    Feature {
        bbox: None,
        geometry,
        id: Some(geojson::feature::Id::Number(bin.index.into())),
        properties: match properties {
            serde_json::Value::Object(map) => Some(map),
            _ => None,
        },
        foreign_members: None,
    }
}
