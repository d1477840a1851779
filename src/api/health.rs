//! `GET /healthz`: 200 when the database answers, 503 problem+json when it does not.

use actix_web::{HttpResponse, web};
use serde_json::json;

use super::ApiError;
use crate::services::health;
use crate::startup::AppState;

pub async fn healthz(state: web::Data<AppState>) -> Result<HttpResponse, ApiError> {
    match health::check(&state.db).await {
        Ok(report) => {
            Ok(HttpResponse::Ok()
                .json(json!({ "status": "ok", "database": report.database, "backend": report.backend })))
        }
        Err(backend) => {
            tracing::warn!(backend, "health check: database unreachable");
            Err(ApiError::unavailable())
        }
    }
}
