//! Handlers of the GeoJSON read endpoints for villages, posts and incidents.

use actix_web::{HttpRequest, HttpResponse, web};
use serde::Deserialize;

use super::ApiError;
use super::auth::Caller;
use super::geojson_out::{collection, sectors_collection, single};
use crate::domain::filter::{IncidentFilter, IncidentQuery};
use crate::domain::geo::Bbox;
use crate::domain::paging::{ListFilter, Page, parse_id};
use crate::services::places;
use crate::startup::AppState;

/// Query parameters of a list; read as text so each gets its own precise error.
#[derive(Debug, Deserialize)]
pub struct ListQuery {
    limit: Option<String>,
    offset: Option<String>,
    bbox: Option<String>,
}

impl ListQuery {
    fn filter(&self, state: &AppState) -> Result<ListFilter, ApiError> {
        let api = &state.settings.api;
        let page = Page::parse(self.limit.as_deref(), self.offset.as_deref(), api.default_limit, api.max_limit)?;
        let bbox = self.bbox.as_deref().map(Bbox::parse).transpose()?;
        Ok(ListFilter { bbox, page })
    }

    /// Parameters other than paging, carried into `next`/`prev` links.
    fn kept(&self) -> Vec<(String, String)> {
        self.bbox.iter().map(|bbox| ("bbox".to_owned(), bbox.clone())).collect()
    }
}

pub async fn list_villages(
    caller: Caller,
    req: HttpRequest,
    state: web::Data<AppState>,
    query: web::Query<ListQuery>,
) -> Result<HttpResponse, ApiError> {
    let filter = query.filter(&state)?;
    let found = places::list_villages(&state.db, caller.principal(), filter).await?;
    collection(found, filter.page, req.path(), &query.kept())
}

pub async fn get_village(
    caller: Caller,
    state: web::Data<AppState>,
    id: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    single(places::get_village(&state.db, caller.principal(), parse_id(&id)?).await?)
}

pub async fn list_posts(
    caller: Caller,
    req: HttpRequest,
    state: web::Data<AppState>,
    query: web::Query<ListQuery>,
) -> Result<HttpResponse, ApiError> {
    let filter = query.filter(&state)?;
    let found = places::list_posts(&state.db, caller.principal(), filter).await?;
    collection(found, filter.page, req.path(), &query.kept())
}

pub async fn get_post(
    caller: Caller,
    state: web::Data<AppState>,
    id: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    single(places::get_post(&state.db, caller.principal(), parse_id(&id)?).await?)
}

/// Query of `GET /api/v1/incidents`: paging and bbox, and the filters of the incident list
/// page (`year` or `from`/`to` local days, `category`, `section`, `county`, `min_km`/`max_km`).
#[derive(Debug, Deserialize)]
pub struct IncidentListQuery {
    #[serde(flatten)]
    list: ListQuery,
    year: Option<String>,
    from: Option<String>,
    to: Option<String>,
    category: Option<String>,
    section: Option<String>,
    county: Option<String>,
    min_km: Option<String>,
    max_km: Option<String>,
}

impl IncidentListQuery {
    fn filter(&self) -> Result<IncidentFilter, ApiError> {
        Ok(IncidentFilter::parse(IncidentQuery {
            year: self.year.as_deref(),
            from: self.from.as_deref(),
            to: self.to.as_deref(),
            category: self.category.as_deref(),
            section: self.section.as_deref(),
            county: self.county.as_deref(),
            min_km: self.min_km.as_deref(),
            max_km: self.max_km.as_deref(),
        })?)
    }

    fn kept(&self) -> Vec<(String, String)> {
        let mut kept = self.list.kept();
        let filters = [
            ("year", &self.year),
            ("from", &self.from),
            ("to", &self.to),
            ("category", &self.category),
            ("section", &self.section),
            ("county", &self.county),
            ("min_km", &self.min_km),
            ("max_km", &self.max_km),
        ];
        kept.extend(
            filters.into_iter().filter_map(|(name, value)| value.clone().map(|value| (name.to_owned(), value))),
        );
        kept
    }
}

pub async fn list_incidents(
    caller: Caller,
    req: HttpRequest,
    state: web::Data<AppState>,
    query: web::Query<IncidentListQuery>,
) -> Result<HttpResponse, ApiError> {
    let list = query.list.filter(&state)?;
    let filter = query.filter()?;
    let found =
        places::list_incidents(&state.db, caller.principal(), &filter, list, state.settings.time_zone()).await?;
    collection(found, list.page, req.path(), &query.kept())
}

pub async fn get_incident(
    caller: Caller,
    state: web::Data<AppState>,
    id: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    single(places::get_incident(&state.db, caller.principal(), parse_id(&id)?).await?)
}

/// `GET /api/v1/posts/sectors`: each post's stretch of border as a LineString (or
/// MultiLineString) feature with `post_id`, names and `sector_start_km`/`sector_end_km`.
pub async fn list_post_sectors(caller: Caller, state: web::Data<AppState>) -> Result<HttpResponse, ApiError> {
    let sectors = places::post_sectors(&state.db, caller.principal(), &state.border).await?;
    Ok(sectors_collection(sectors))
}
