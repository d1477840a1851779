//! Rendering located records as RFC 7946 GeoJSON (`application/geo+json`), with paging members.

use actix_web::HttpResponse;
use actix_web::http::header::CONTENT_TYPE;
use geojson::{Feature, FeatureCollection, Geometry, JsonObject};
use serde::Serialize;
use serde_json::json;

use crate::domain::paging::Page;
use crate::services::places::{Located, PageOf};

use super::ApiError;

pub const GEOJSON: &str = "application/geo+json";

fn feature<P: Serialize>(record: Located<P>) -> Result<Feature, ApiError> {
    let properties = match serde_json::to_value(&record.properties) {
        Ok(serde_json::Value::Object(map)) => map,
        Ok(_) | Err(_) => {
            tracing::error!("record properties did not serialize to an object");
            return Err(ApiError::internal());
        }
    };
    Ok(Feature {
        bbox: None,
        geometry: Some(Geometry::new_point([record.lon, record.lat])),
        id: Some(geojson::feature::Id::Number(record.id.into())),
        properties: Some(properties),
        foreign_members: None,
    })
}

fn respond(body: String) -> HttpResponse {
    HttpResponse::Ok().insert_header((CONTENT_TYPE, GEOJSON)).body(body)
}

/// One record as a GeoJSON Feature.
pub fn single<P: Serialize>(record: Located<P>) -> Result<HttpResponse, ApiError> {
    let body = serde_json::to_string(&feature(record)?).map_err(|_| ApiError::internal())?;
    Ok(respond(body))
}

/// One record as a GeoJSON Feature, answered with `status` (e.g. 201 for a record just
/// created that has no page of its own to point a `Location` at).
pub fn single_with_status<P: Serialize>(
    record: Located<P>,
    status: actix_web::http::StatusCode,
) -> Result<HttpResponse, ApiError> {
    let body = serde_json::to_string(&feature(record)?).map_err(|_| ApiError::internal())?;
    Ok(HttpResponse::build(status).insert_header((CONTENT_TYPE, GEOJSON)).body(body))
}

/// A record just created: 201 with the Feature and its `Location`.
pub fn created<P: Serialize>(record: Located<P>, location: &str) -> Result<HttpResponse, ApiError> {
    let body = serde_json::to_string(&feature(record)?).map_err(|_| ApiError::internal())?;
    Ok(HttpResponse::Created()
        .insert_header((CONTENT_TYPE, GEOJSON))
        .insert_header((actix_web::http::header::LOCATION, location.to_owned()))
        .body(body))
}

/// A page of records as a FeatureCollection with `numberMatched`, `numberReturned` and
/// `links` (next/prev) as foreign members, the way OGC API – Features pages them.
pub fn collection<P: Serialize>(
    page_of: PageOf<Located<P>>,
    page: Page,
    path: &str,
    kept_query: &[(String, String)],
) -> Result<HttpResponse, ApiError> {
    let returned = page_of.items.len();
    let features = page_of.items.into_iter().map(feature).collect::<Result<Vec<_>, _>>()?;
    let link = |rel: &str, target: Page| {
        let mut query: Vec<String> = kept_query.iter().map(|(key, value)| format!("{key}={value}")).collect();
        query.push(format!("limit={}", target.limit()));
        query.push(format!("offset={}", target.offset()));
        json!({ "rel": rel, "type": GEOJSON, "href": format!("{path}?{}", query.join("&")) })
    };
    let mut links = vec![link("self", page)];
    if let Some(next) = page.next(page_of.matched) {
        links.push(link("next", next));
    }
    if let Some(previous) = page.previous() {
        links.push(link("prev", previous));
    }
    let mut members = JsonObject::new();
    members.insert("numberMatched".into(), json!(page_of.matched));
    members.insert("numberReturned".into(), json!(returned));
    members.insert("links".into(), json!(links));
    let collection = FeatureCollection { bbox: None, features, foreign_members: Some(members) };
    let body = serde_json::to_string(&collection).map_err(|_| ApiError::internal())?;
    Ok(respond(body))
}

/// Polylines of `[lon, lat]` as a LineString, or a MultiLineString when there are several;
/// `None` when there is nothing to draw.
pub fn lines_geometry(parts: &[Vec<[f64; 2]>]) -> Option<Geometry> {
    let lines: Vec<&Vec<[f64; 2]>> = parts.iter().filter(|part| part.len() >= 2).collect();
    match lines.as_slice() {
        [] => None,
        [line] => Some(Geometry::new_line_string(line.iter().copied())),
        _ => Some(Geometry::new_multi_line_string(lines.iter().map(|line| line.iter().copied()))),
    }
}

/// Post sectors as a FeatureCollection of lines (see `places::post_sectors`).
pub fn sectors_collection(sectors: Vec<crate::services::places::PostSector>) -> HttpResponse {
    let features: Vec<Feature> = sectors
        .into_iter()
        .map(|sector| Feature {
            bbox: None,
            geometry: lines_geometry(&sector.parts),
            id: Some(geojson::feature::Id::Number(sector.post_id.into())),
            properties: match json!({
                "post_id": sector.post_id,
                "code": sector.code,
                "name_zh": sector.name_zh,
                "name_en": sector.name_en,
                "sector_start_km": sector.sector_start_km,
                "sector_end_km": sector.sector_end_km,
            }) {
                serde_json::Value::Object(map) => Some(map),
                _ => None,
            },
            foreign_members: None,
        })
        .collect();
    let collection = FeatureCollection { bbox: None, features, foreign_members: None };
    respond(collection.to_string())
}
