//! `GET /api/v1/audit`: the audit trail, filtered and paged (admins; officials within their
//! jurisdiction).

use actix_web::{HttpResponse, web};
use serde::Deserialize;
use serde_json::json;

use super::ApiError;
use super::auth::Caller;
use crate::domain::DomainError;
use crate::domain::paging::Page;
use crate::services::audit::{self, AuditFilter};
use crate::startup::AppState;

#[derive(Debug, Deserialize)]
pub struct AuditQuery {
    action: Option<String>,
    record_type: Option<String>,
    record_id: Option<String>,
    actor: Option<String>,
    from: Option<String>,
    to: Option<String>,
    limit: Option<String>,
    offset: Option<String>,
}

fn instant(name: &'static str, value: Option<&str>) -> Result<Option<chrono::DateTime<chrono::Utc>>, DomainError> {
    value
        .map(|text| {
            chrono::DateTime::parse_from_rfc3339(text)
                .map(|time| time.to_utc())
                .map_err(|_| DomainError::InvalidTime { name, value: text.to_owned() })
        })
        .transpose()
}

pub async fn list(
    state: web::Data<AppState>,
    caller: Caller,
    query: web::Query<AuditQuery>,
) -> Result<HttpResponse, ApiError> {
    let api = &state.settings.api;
    let page = Page::parse(query.limit.as_deref(), query.offset.as_deref(), api.default_limit, api.max_limit)?;
    let filter = AuditFilter {
        action: query.action.clone(),
        record_type: query.record_type.clone(),
        record_id: query.record_id.clone(),
        actor: query.actor.clone(),
        from: instant("from", query.from.as_deref())?,
        to: instant("to", query.to.as_deref())?,
    };
    let found = audit::list(&state.db, caller.principal(), filter, page).await?;
    Ok(HttpResponse::Ok().json(json!({
        "numberMatched": found.matched,
        "numberReturned": found.items.len(),
        "items": found.items,
    })))
}
