//! The border as GeoJSON and point location against it.

use actix_web::http::header::CONTENT_TYPE;
use actix_web::{HttpResponse, web};
use geojson::{Feature, FeatureCollection, Geometry, JsonObject};
use serde::Deserialize;
use serde_json::json;

use super::ApiError;
use super::auth::Caller;
use super::geojson_out::GEOJSON;
use crate::domain::auth::Action;
use crate::domain::geo::LonLat;
use crate::services::auth;
use crate::services::border;
use crate::startup::AppState;

/// `GET /api/v1/border`: the sections as LineString features, with measured and official
/// lengths (km) as members of the collection.
pub async fn sections(state: web::Data<AppState>, caller: Caller) -> Result<HttpResponse, ApiError> {
    auth::require(caller.principal(), Action::ReadBorder)?;
    let view = border::view(&state.border);
    let features = view
        .sections
        .iter()
        .map(|section| {
            let properties = match serde_json::to_value(section) {
                Ok(serde_json::Value::Object(map)) => map,
                _ => JsonObject::new(),
            };
            Feature {
                bbox: None,
                geometry: Some(Geometry::new_line_string(section.coordinates.iter().copied())),
                id: Some(geojson::feature::Id::String(section.code.to_owned())),
                properties: Some(properties),
                foreign_members: None,
            }
        })
        .collect();
    let mut members = JsonObject::new();
    members.insert("measured_length_km".into(), json!(view.measured_length_km));
    members.insert("official_length_km".into(), json!(view.official_length_km));
    members.insert("measured_to_official_ratio".into(), json!(view.measured_to_official_ratio()));
    members.insert("pillars".into(), json!(view.pillars));
    let collection = FeatureCollection { bbox: None, features, foreign_members: Some(members) };
    let body = serde_json::to_string(&collection).map_err(|_| ApiError::internal())?;
    Ok(HttpResponse::Ok().insert_header((CONTENT_TYPE, GEOJSON)).body(body))
}

#[derive(Debug, Deserialize)]
pub struct PointQuery {
    lon: Option<String>,
    lat: Option<String>,
}

/// `GET /api/v1/border/locate?lon=&lat=`.
pub async fn locate_one(
    caller: Caller,
    state: web::Data<AppState>,
    query: web::Query<PointQuery>,
) -> Result<HttpResponse, ApiError> {
    auth::require(caller.principal(), Action::LocatePoints)?;
    let position = LonLat::parse(query.lon.as_deref(), query.lat.as_deref())?;
    Ok(HttpResponse::Ok().json(border::locate_one(&state.border, position)?))
}

/// A point in a request body: `[lon, lat]` or `{"lon": …, "lat": …}`.
#[derive(Debug, Deserialize)]
#[serde(untagged)]
pub enum PointInput {
    Pair([f64; 2]),
    Object { lon: f64, lat: f64 },
}

/// `POST /api/v1/border/locate`: a JSON array of up to 10,000 points; the answers come in the
/// same order.
pub async fn locate_many(
    caller: Caller,
    state: web::Data<AppState>,
    body: web::Json<Vec<PointInput>>,
) -> Result<HttpResponse, ApiError> {
    auth::require(caller.principal(), Action::LocatePoints)?;
    let points: Vec<(f64, f64)> = body
        .iter()
        .map(|point| match point {
            PointInput::Pair([lon, lat]) | PointInput::Object { lon, lat } => (*lon, *lat),
        })
        .collect();
    Ok(HttpResponse::Ok().json(border::locate_many(&state.border, &points)?))
}
