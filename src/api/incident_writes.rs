//! Handlers of the incident writes: `POST /api/v1/incidents` (a GeoJSON Point Feature in,
//! 201 with the stored Feature and its Location), `PUT /api/v1/incidents/{id}` (the same body,
//! replacing every editable field) and `DELETE /api/v1/incidents/{id}` (soft delete, 204).

use actix_web::{HttpResponse, web};

use super::ApiError;
use super::auth::Caller;
use super::geojson_out::{created, single};
use crate::domain::auth::Action;
use crate::domain::incident::IncidentInput;
use crate::domain::paging::parse_id;
use crate::services::{auth, incidents};
use crate::startup::AppState;

pub async fn create(
    caller: Caller,
    state: web::Data<AppState>,
    body: web::Json<serde_json::Value>,
) -> Result<HttpResponse, ApiError> {
    auth::require(caller.principal(), Action::WriteIncidents)?;
    let input = IncidentInput::from_feature(&body)?;
    let record = incidents::create(&state.db, &state.border, caller.principal(), input).await?;
    let location = format!("/api/v1/incidents/{}", record.id);
    created(record, &location)
}

pub async fn replace(
    caller: Caller,
    state: web::Data<AppState>,
    id: web::Path<String>,
    body: web::Json<serde_json::Value>,
) -> Result<HttpResponse, ApiError> {
    auth::require(caller.principal(), Action::WriteIncidents)?;
    let id = parse_id(&id)?;
    let input = IncidentInput::from_feature(&body)?;
    single(incidents::replace(&state.db, &state.border, caller.principal(), id, input).await?)
}

pub async fn delete(
    caller: Caller,
    state: web::Data<AppState>,
    id: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    auth::require(caller.principal(), Action::WriteIncidents)?;
    incidents::delete(&state.db, caller.principal(), parse_id(&id)?).await?;
    Ok(HttpResponse::NoContent().finish())
}
