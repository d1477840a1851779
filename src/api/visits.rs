//! Handlers of liaison visits: `POST /api/v1/visits` (one visit: 201 created, 200 the record
//! stored before under its UUID, 409 the UUID stored with other content), `POST
//! /api/v1/sync/visits` (a phone's queue: a result per visit, in order), `GET /api/v1/visits`
//! (a GeoJSON page, scoped) and `GET /api/v1/linkages/mine` (what a phone caches offline).

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use fluent_bundle::FluentValue;
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};

use super::ApiError;
use super::auth::Caller;
use super::geojson_out::{collection, single_with_status};
use crate::domain::DomainError;
use crate::domain::auth::Action;
use crate::domain::paging::Page;
use crate::domain::visit::{VisitFilter, VisitLimits};
use crate::i18n::Localizer;
use crate::services::auth;
use crate::services::visits::{self, Received, Refusal, VisitRules};
use crate::startup::AppState;

fn rules(state: &AppState) -> VisitRules {
    let settings = &state.settings.visits;
    VisitRules {
        limits: VisitLimits { max_distance_m: settings.max_distance_m, max_accuracy_m: settings.max_accuracy_m },
        tz: state.settings.time_zone(),
    }
}

fn status_of(received: Received) -> StatusCode {
    match received {
        Received::Created => StatusCode::CREATED,
        Received::Duplicate => StatusCode::OK,
    }
}

pub async fn create(
    caller: Caller,
    state: web::Data<AppState>,
    body: web::Json<Value>,
) -> Result<HttpResponse, ApiError> {
    auth::require(caller.principal(), Action::LogVisits)?;
    let submitted = visits::submit(&state.db, &state.border, caller.principal(), rules(&state), &body).await?;
    single_with_status(submitted.visit, status_of(submitted.received))
}

/// One line of a sync answer.
#[derive(Serialize)]
struct SyncResult {
    id: Option<String>,
    /// `created`, `duplicate`, `conflict` or `invalid`.
    status: &'static str,
    /// Why a visit was refused, in the request's language.
    reason: Option<String>,
    visit_id: Option<i64>,
}

fn reason(localizer: &Localizer, lang: &unic_langid::LanguageIdentifier, refusal: &Refusal) -> String {
    match refusal {
        Refusal::Invalid(error) => {
            let args: Vec<(&str, FluentValue<'_>)> =
                error.args().into_iter().map(|(name, value)| (name, FluentValue::from(value))).collect();
            localizer.format(lang, error.message_id(), &args)
        }
        Refusal::NotFound { kind, id } => localizer.format(
            lang,
            "problem-not-found-detail",
            &[
                ("kind", FluentValue::from(localizer.text(lang, kind.message_id()))),
                ("id", FluentValue::from(id.clone())),
            ],
        ),
        Refusal::Conflict { uuid } => {
            localizer.format(lang, "problem-visit-conflict-detail", &[("id", FluentValue::from(uuid.clone()))])
        }
    }
}

pub async fn sync(
    caller: Caller,
    req: HttpRequest,
    state: web::Data<AppState>,
    body: web::Json<Value>,
) -> Result<HttpResponse, ApiError> {
    auth::require(caller.principal(), Action::LogVisits)?;
    let sent = body.get("visits").and_then(Value::as_array).ok_or(DomainError::MissingParameter { name: "visits" })?;
    let items = visits::sync(&state.db, &state.border, caller.principal(), rules(&state), sent).await?;
    let localizer = Localizer::global();
    let lang =
        super::lang::negotiate_for(&req, localizer, caller.principal().map(|principal| principal.locale.as_str()));
    let results: Vec<SyncResult> = items
        .into_iter()
        .map(|item| match item.outcome {
            Ok(submitted) => SyncResult {
                id: item.id,
                status: match submitted.received {
                    Received::Created => "created",
                    Received::Duplicate => "duplicate",
                },
                reason: None,
                visit_id: Some(submitted.visit.id),
            },
            Err(refusal) => SyncResult {
                id: item.id,
                status: if matches!(refusal, Refusal::Conflict { .. }) { "conflict" } else { "invalid" },
                reason: Some(reason(localizer, &lang, &refusal)),
                visit_id: None,
            },
        })
        .collect();
    Ok(HttpResponse::Ok().json(json!({ "results": results })))
}

/// Query of `GET /api/v1/visits`, read as text so each value gets its own precise error.
#[derive(Debug, Deserialize)]
pub struct VisitListQuery {
    limit: Option<String>,
    offset: Option<String>,
    linkage: Option<String>,
    officer: Option<String>,
    flagged: Option<String>,
    from: Option<String>,
    to: Option<String>,
}

impl VisitListQuery {
    /// The filters given, carried into `next`/`prev` links.
    fn kept(&self) -> Vec<(String, String)> {
        [
            ("linkage", &self.linkage),
            ("officer", &self.officer),
            ("flagged", &self.flagged),
            ("from", &self.from),
            ("to", &self.to),
        ]
        .into_iter()
        .filter_map(|(name, value)| value.clone().map(|value| (name.to_owned(), value)))
        .collect()
    }
}

pub async fn list(
    caller: Caller,
    req: HttpRequest,
    state: web::Data<AppState>,
    query: web::Query<VisitListQuery>,
) -> Result<HttpResponse, ApiError> {
    auth::require(caller.principal(), Action::ReadLinkages)?;
    let api = &state.settings.api;
    let page = Page::parse(query.limit.as_deref(), query.offset.as_deref(), api.default_limit, api.max_limit)?;
    let filter = VisitFilter::parse(
        query.linkage.as_deref(),
        query.officer.as_deref(),
        query.flagged.as_deref(),
        query.from.as_deref(),
        query.to.as_deref(),
    )?;
    let found = visits::list(&state.db, caller.principal(), &filter, page, state.settings.time_zone()).await?;
    collection(found, page, req.path(), &query.kept())
}

pub async fn mine(caller: Caller, state: web::Data<AppState>) -> Result<HttpResponse, ApiError> {
    auth::require(caller.principal(), Action::LogVisits)?;
    let linkages = visits::my_linkages(&state.db, caller.principal(), state.settings.time_zone()).await?;
    Ok(HttpResponse::Ok().json(json!({ "linkages": linkages })))
}
