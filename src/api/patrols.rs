//! Handlers of patrols: `POST /api/v1/patrols` (a JSON track, or a GPX 1.1 file with
//! `Content-Type: application/gpx+xml` and `?post_id=`; 201 with the stored patrol and the
//! km it covered), `GET /api/v1/patrols/coverage[?date=]` (JSON report) and
//! `GET /api/v1/patrols/coverage.geojson[?date=]` (the 30-day patrolled and unpatrolled
//! stretches as lines, for the map).

use actix_web::http::header;
use actix_web::{HttpRequest, HttpResponse, web};
use chrono::NaiveDate;
use geojson::{Feature, FeatureCollection};
use serde::Deserialize;
use serde_json::{Value, json};

use super::ApiError;
use super::auth::Caller;
use super::geojson_out::lines_geometry;
use crate::domain::DomainError;
use crate::domain::auth::Action;
use crate::domain::paging::parse_id;
use crate::domain::patrol::{Track, parse_gpx};
use crate::services::{auth, patrols};
use crate::startup::AppState;

/// Largest accepted track upload (JSON or GPX): 50,000 points fit with room to spare.
pub const MAX_TRACK_BYTES: usize = 16 * 1024 * 1024;

#[derive(Deserialize)]
pub struct PostQuery {
    post_id: Option<String>,
}

fn is_gpx(req: &HttpRequest) -> bool {
    let content_type = req.headers().get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).unwrap_or("");
    let essence = content_type.split(';').next().unwrap_or("").trim().to_ascii_lowercase();
    matches!(essence.as_str(), "application/gpx+xml" | "application/xml" | "text/xml")
}

pub async fn create(
    caller: Caller,
    state: web::Data<AppState>,
    req: HttpRequest,
    query: web::Query<PostQuery>,
    payload: web::Payload,
) -> Result<HttpResponse, ApiError> {
    auth::require(caller.principal(), Action::LogPatrols)?;
    let body = payload
        .to_bytes_limited(MAX_TRACK_BYTES)
        .await
        .map_err(|_| ApiError::payload_too_large(MAX_TRACK_BYTES))?
        .map_err(|error| ApiError::invalid_body(error.to_string()))?;
    let (post_id, raw) = if is_gpx(&req) {
        let text = std::str::from_utf8(&body).map_err(|error| ApiError::invalid_body(error.to_string()))?;
        let post_id = query.post_id.as_deref().ok_or(DomainError::MissingParameter { name: "post_id" })?;
        (parse_id(post_id)?, parse_gpx(text).map_err(DomainError::from)?)
    } else {
        let value: Value = serde_json::from_slice(&body).map_err(|error| ApiError::invalid_body(error.to_string()))?;
        Track::from_json(&value).map_err(DomainError::from)?
    };
    let corridor_m = state.settings.patrols.corridor_m;
    let view = patrols::log(&state.db, &state.border, corridor_m, caller.principal(), post_id, raw).await?;
    Ok(HttpResponse::Created().insert_header((header::LOCATION, format!("/api/v1/patrols/{}", view.id))).json(view))
}

#[derive(Deserialize)]
pub struct CoverageQuery {
    date: Option<String>,
}

fn parse_date(query: &CoverageQuery) -> Result<Option<NaiveDate>, DomainError> {
    query
        .date
        .as_deref()
        .map(|text| {
            NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d")
                .map_err(|_| DomainError::InvalidMonthOrDate { name: "date", value: text.to_owned() })
        })
        .transpose()
}

async fn report(caller: &Caller, state: &AppState, query: &CoverageQuery) -> Result<patrols::CoverageReport, ApiError> {
    auth::require(caller.principal(), Action::ReadPosts)?;
    let date = parse_date(query)?;
    let tz = state.settings.time_zone();
    let corridor_m = state.settings.patrols.corridor_m;
    Ok(patrols::coverage(&state.db, &state.border, corridor_m, caller.principal(), tz, date).await?)
}

pub async fn coverage(
    caller: Caller,
    state: web::Data<AppState>,
    query: web::Query<CoverageQuery>,
) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Ok().json(report(&caller, &state, &query).await?))
}

/// The 30-day window as lines along the border: one feature per stretch, `status`
/// `patrolled` or `unpatrolled`, with its km.
pub async fn coverage_geojson(
    caller: Caller,
    state: web::Data<AppState>,
    query: web::Query<CoverageQuery>,
) -> Result<HttpResponse, ApiError> {
    let report = report(&caller, &state, &query).await?;
    let Some(window) = report.border.windows.iter().max_by_key(|window| window.days) else {
        return Err(ApiError::internal());
    };
    let stretches = [("patrolled", &window.patrolled), ("unpatrolled", &window.gaps)];
    let features: Vec<Feature> = stretches
        .into_iter()
        .flat_map(|(status, intervals)| intervals.iter().map(move |interval| (status, *interval)))
        .map(|(status, [start_km, end_km])| Feature {
            bbox: None,
            geometry: lines_geometry(&state.border.slice(start_km, end_km)),
            id: None,
            properties: match json!({
                "status": status,
                "start_km": start_km,
                "end_km": end_km,
                "days": window.days,
                "date": report.date,
            }) {
                Value::Object(map) => Some(map),
                _ => None,
            },
            foreign_members: None,
        })
        .collect();
    let collection = FeatureCollection { bbox: None, features, foreign_members: None };
    Ok(HttpResponse::Ok().content_type("application/geo+json").body(collection.to_string()))
}
