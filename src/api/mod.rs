//! The JSON/GeoJSON API under `/api/v1` and `/healthz`: thin handlers that extract, call a
//! service and render. Errors are RFC 7807 problem+json, localized per request.

mod audit;
pub mod auth;
mod border;
mod dashboard;
mod features;
mod geojson_out;
mod health;
mod hotspots;
mod incident_writes;
pub mod lang;
mod linkages;
mod outreach;
pub(crate) mod outreach_coverage;
mod outreach_notice;
mod patrols;
pub mod problem;
mod report;
pub mod trends;
mod visits;

use actix_web::error::JsonPayloadError;
use actix_web::{HttpRequest, web};

pub use problem::ApiError;

/// Registers the API routes; JSON bodies larger than `json_limit_bytes` are refused (413).
pub fn configure(json_limit_bytes: usize) -> impl FnOnce(&mut web::ServiceConfig) {
    move |cfg| routes(cfg, json_limit_bytes)
}

fn routes(cfg: &mut web::ServiceConfig, json_limit_bytes: usize) {
    cfg.app_data(query_config())
        .app_data(path_config())
        .app_data(json_config(json_limit_bytes))
        .route("/healthz", web::get().to(health::healthz))
        .service(
            web::scope("/api/v1")
                .route("/audit", web::get().to(audit::list))
                // First of the linkage routes: a `/linkages/{id}` route would take "mine" for an id.
                .route("/linkages/mine", web::get().to(visits::mine))
                .route("/auth/login", web::post().to(auth::login))
                .route("/auth/logout", web::post().to(auth::logout))
                .route("/auth/me", web::get().to(auth::me))
                .route("/auth/tokens", web::get().to(auth::list_tokens))
                .route("/auth/tokens", web::post().to(auth::create_token))
                .route("/auth/tokens/{id}", web::delete().to(auth::revoke_token))
                .route("/border", web::get().to(border::sections))
                .route("/border/locate", web::get().to(border::locate_one))
                .route("/border/locate", web::post().to(border::locate_many))
                .route("/border/bins", web::get().to(trends::bins))
                .route("/dashboard", web::get().to(dashboard::show))
                .route("/reports/yearly", web::get().to(report::yearly))
                .route("/linkages", web::get().to(linkages::list))
                .route("/linkages", web::post().to(linkages::create))
                .route("/linkages/coverage", web::get().to(linkages::coverage))
                .route("/linkages/overdue", web::get().to(linkages::overdue))
                .route("/linkages/{id}", web::put().to(linkages::update))
                .route("/linkages/{id}/end", web::post().to(linkages::end))
                .route("/villages", web::get().to(features::list_villages))
                .route("/villages/{id}", web::get().to(features::get_village))
                .route("/posts", web::get().to(features::list_posts))
                .route("/posts/sectors", web::get().to(features::list_post_sectors))
                .route("/posts/{id}", web::get().to(features::get_post))
                .route("/incidents", web::get().to(features::list_incidents))
                .route("/incidents/trend", web::get().to(trends::trend))
                .route("/incidents/change", web::get().to(trends::change))
                .route("/incidents/hotspots", web::get().to(hotspots::hotspots))
                .route("/incidents/grid", web::get().to(hotspots::grid))
                .route("/incidents", web::post().to(incident_writes::create))
                .route("/incidents/{id}", web::get().to(features::get_incident))
                .route("/incidents/{id}", web::put().to(incident_writes::replace))
                .route("/incidents/{id}", web::delete().to(incident_writes::delete))
                .route("/outreach/teams", web::get().to(outreach::teams))
                .route("/outreach/teams", web::post().to(outreach::create_team))
                .route("/outreach/teams/{id}/calendar", web::post().to(outreach::issue_calendar))
                .route("/outreach/teams/{id}/calendar.ics", web::get().to(outreach::team_calendar))
                .route("/outreach/calendars/{feed}", web::get().to(outreach::calendar_feed))
                .route("/outreach/sessions", web::get().to(outreach::sessions))
                .route("/outreach/sessions", web::post().to(outreach::schedule))
                .route("/outreach/sessions/{id}", web::get().to(outreach::session))
                .route("/outreach/sessions/{id}/held", web::post().to(outreach::held))
                .route("/outreach/sessions/{id}/cancel", web::post().to(outreach::cancel))
                .route("/outreach/sessions/{id}/notice", web::get().to(outreach_notice::notice))
                .route("/outreach/coverage", web::get().to(outreach_coverage::coverage))
                .route("/outreach/suggestions", web::get().to(outreach_coverage::suggestions))
                .route("/patrols", web::post().to(patrols::create))
                .route("/patrols/coverage", web::get().to(patrols::coverage))
                .route("/patrols/coverage.geojson", web::get().to(patrols::coverage_geojson))
                .route("/visits", web::get().to(visits::list))
                .route("/visits", web::post().to(visits::create))
                .route("/sync/visits", web::post().to(visits::sync)),
        );
}

fn query_config() -> web::QueryConfig {
    web::QueryConfig::default()
        .error_handler(|error, _req: &HttpRequest| ApiError::invalid_query(error.to_string()).into())
}

fn path_config() -> web::PathConfig {
    web::PathConfig::default()
        .error_handler(|error, _req: &HttpRequest| ApiError::invalid_query(error.to_string()).into())
}

fn json_config(limit_bytes: usize) -> web::JsonConfig {
    web::JsonConfig::default().limit(limit_bytes).error_handler(|error, _req: &HttpRequest| match error {
        JsonPayloadError::Overflow { limit } | JsonPayloadError::OverflowKnownLength { limit, .. } => {
            ApiError::payload_too_large(limit).into()
        }
        other => ApiError::invalid_body(other.to_string()).into(),
    })
}

/// The answer for a path no route matches.
pub async fn route_not_found(req: HttpRequest) -> Result<actix_web::HttpResponse, ApiError> {
    Err(ApiError::route_not_found(req.path()))
}
