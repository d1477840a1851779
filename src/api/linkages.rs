//! Linkages as JSON: the list (`GET /api/v1/linkages`), the writes (`POST /api/v1/linkages`,
//! `PUT /api/v1/linkages/{id}`, `POST /api/v1/linkages/{id}/end`) and the accountability
//! reads (`GET /api/v1/linkages/coverage`, `GET /api/v1/linkages/overdue`). Dates are local
//! calendar dates `YYYY-MM-DD`, months `YYYY-MM`.

use actix_web::{HttpResponse, web};
use chrono::Datelike;
use serde::Deserialize;
use serde_json::{Value, json};

use super::ApiError;
use super::auth::Caller;
use crate::domain::auth::Action;
use crate::domain::figures::{Compliance, JudgedMonth};
use crate::domain::filter::LinkageFilter;
use crate::domain::linkage::{LinkageInput, MonthSpan, ends_on_from_json, parse_date};
use crate::domain::paging::{ListFilter, Page, parse_id};
use crate::services::admin::UnitRef;
use crate::services::auth;
use crate::services::linkages::{self, CoverageGap, LinkageCompliance, LinkageDetail};
use crate::services::records::{self, LinkageRow, Named};
use crate::startup::AppState;

fn named(record: &Named) -> Value {
    json!({ "id": record.id, "code": record.code, "name_zh": record.name_zh, "name_en": record.name_en })
}

fn unit(county: Option<&UnitRef>) -> Value {
    county.map_or(Value::Null, |county| json!(county))
}

/// A linkage's fields, as a write takes them back, with the records it pairs named.
fn row_json(row: &LinkageRow) -> serde_json::Map<String, Value> {
    let value = json!({
        "id": row.id,
        "department_id": row.department.id,
        "village_id": row.village.id,
        "post_id": row.post.id,
        "starts_on": row.starts_on.to_string(),
        "ends_on": row.ends_on.map(|day| day.to_string()),
        "village_visits_per_month": row.village_visits_per_month,
        "post_visits_per_month": row.post_visits_per_month,
        "active": row.active,
        "department": named(&row.department),
        "village": named(&row.village),
        "post": named(&row.post),
        "county": unit(row.county.as_ref()),
    });
    match value {
        Value::Object(map) => map,
        _ => serde_json::Map::new(),
    }
}

fn detail_json(detail: &LinkageDetail) -> Value {
    let mut map = row_json(&detail.row);
    map.insert("officer_ids".into(), json!(detail.officers.iter().map(|officer| officer.id).collect::<Vec<_>>()));
    map.insert(
        "officers".into(),
        json!(
            detail
                .officers
                .iter()
                .map(|officer| json!({ "id": officer.id, "display_name": officer.display_name }))
                .collect::<Vec<_>>()
        ),
    );
    Value::Object(map)
}

#[derive(Debug, Deserialize)]
pub struct ListQuery {
    county: Option<String>,
    department: Option<String>,
    active: Option<String>,
    limit: Option<String>,
    offset: Option<String>,
}

/// `GET /api/v1/linkages[?county=&department=&active=&limit=&offset=]`: the linkages whose
/// village is in the caller's jurisdiction, by id, with their officers.
pub async fn list(
    caller: Caller,
    state: web::Data<AppState>,
    query: web::Query<ListQuery>,
) -> Result<HttpResponse, ApiError> {
    auth::require(caller.principal(), Action::ReadLinkages)?;
    let api = &state.settings.api;
    let page = Page::parse(query.limit.as_deref(), query.offset.as_deref(), api.default_limit, api.max_limit)?;
    let filter = LinkageFilter::parse(query.county.as_deref(), query.department.as_deref(), query.active.as_deref())?;
    let tz = state.settings.time_zone();
    let found = linkages::list(&state.db, caller.principal(), &filter, ListFilter { bbox: None, page }, tz).await?;
    Ok(HttpResponse::Ok().json(json!({
        "numberMatched": found.matched,
        "numberReturned": found.items.len(),
        "limit": page.limit(),
        "offset": page.offset(),
        "linkages": found.items.iter().map(detail_json).collect::<Vec<_>>(),
    })))
}

/// `POST /api/v1/linkages`: 201 with the linkage, its page in `Location`.
pub async fn create(
    caller: Caller,
    state: web::Data<AppState>,
    body: web::Json<Value>,
) -> Result<HttpResponse, ApiError> {
    auth::require(caller.principal(), Action::ManageLinkages)?;
    let input = LinkageInput::from_json(&body)?;
    let created = linkages::create(&state.db, caller.principal(), input, state.settings.time_zone()).await?;
    Ok(HttpResponse::Created()
        .insert_header(("Location", format!("/linkages/{}", created.row.id)))
        .json(detail_json(&created)))
}

/// `PUT /api/v1/linkages/{id}`: every field and the officers replaced.
pub async fn update(
    caller: Caller,
    state: web::Data<AppState>,
    id: web::Path<String>,
    body: web::Json<Value>,
) -> Result<HttpResponse, ApiError> {
    auth::require(caller.principal(), Action::ManageLinkages)?;
    let id = parse_id(&id)?;
    let input = LinkageInput::from_json(&body)?;
    let updated = linkages::update(&state.db, caller.principal(), id, input, state.settings.time_zone()).await?;
    Ok(HttpResponse::Ok().json(detail_json(&updated)))
}

/// `POST /api/v1/linkages/{id}/end` with `{"ends_on": "YYYY-MM-DD"}` (the last day).
pub async fn end(
    caller: Caller,
    state: web::Data<AppState>,
    id: web::Path<String>,
    body: web::Json<Value>,
) -> Result<HttpResponse, ApiError> {
    auth::require(caller.principal(), Action::ManageLinkages)?;
    let id = parse_id(&id)?;
    let ends_on = ends_on_from_json(&body)?;
    let ended = linkages::end(&state.db, caller.principal(), id, ends_on, state.settings.time_zone()).await?;
    Ok(HttpResponse::Ok().json(detail_json(&ended)))
}

#[derive(Debug, Deserialize)]
pub struct CoverageQuery {
    date: Option<String>,
    from: Option<String>,
    to: Option<String>,
}

/// `date` as given, else today in the reporting time zone.
fn date_or_today(date: Option<&str>, tz: chrono_tz::Tz) -> Result<chrono::NaiveDate, ApiError> {
    match date.filter(|text| !text.trim().is_empty()) {
        Some(text) => Ok(parse_date("date", text).map_err(crate::domain::DomainError::from)?),
        None => Ok(records::today(tz)),
    }
}

fn month_name((year, month): (i32, u32)) -> String {
    format!("{year:04}-{month:02}")
}

fn gap_json(gap: &CoverageGap) -> Value {
    json!({
        "total": gap.total,
        "covered": gap.covered,
        "uncovered": gap.uncovered.len(),
        "items": gap.uncovered.iter().map(|record| json!({
            "id": record.id,
            "code": record.code,
            "name_zh": record.name_zh,
            "name_en": record.name_en,
            "county": unit(record.county.as_ref()),
        })).collect::<Vec<_>>(),
    })
}

fn totals_json(totals: &Compliance) -> Value {
    json!({
        "months_due": totals.linkage_months,
        "months_met": totals.months_met,
        "visits_required": totals.visits_required,
        "visits_logged": totals.visits_logged,
        "share_met_percent": totals.share_percent().map(crate::domain::figures::round1),
    })
}

fn month_json(month: &JudgedMonth) -> Value {
    json!({
        "month": month_name((month.year, month.month)),
        "village": { "required": month.village_required, "logged": month.village_logged },
        "post": { "required": month.post_required, "logged": month.post_logged },
        "met": month.met,
    })
}

fn compliance_json(linkage: &LinkageCompliance) -> Value {
    let (village_required, post_required) = linkage.required();
    let (village_logged, post_logged) = linkage.logged();
    let totals = linkage.totals();
    let mut map = row_json(&linkage.row);
    map.insert("months_due".into(), json!(totals.linkage_months));
    map.insert("months_met".into(), json!(totals.months_met));
    map.insert("village_visits".into(), json!({ "required": village_required, "logged": village_logged }));
    map.insert("post_visits".into(), json!({ "required": post_required, "logged": post_logged }));
    map.insert("months".into(), json!(linkage.months.iter().map(month_json).collect::<Vec<_>>()));
    Value::Object(map)
}

/// `GET /api/v1/linkages/coverage[?date=&from=&to=]`.
pub async fn coverage(
    caller: Caller,
    state: web::Data<AppState>,
    query: web::Query<CoverageQuery>,
) -> Result<HttpResponse, ApiError> {
    auth::require(caller.principal(), Action::ReadLinkages)?;
    let tz = state.settings.time_zone();
    let date = date_or_today(query.date.as_deref(), tz)?;
    let span = MonthSpan::parse(query.from.as_deref(), query.to.as_deref(), date)?;
    let found = linkages::coverage(&state.db, caller.principal(), date, span, tz).await?;
    Ok(HttpResponse::Ok().json(json!({
        "date": found.date.to_string(),
        "villages": gap_json(&found.villages),
        "posts": gap_json(&found.posts),
        "from": month_name(found.span.from),
        "to": month_name(found.span.to),
        "totals": totals_json(&found.totals),
        "linkages": found.linkages.iter().map(compliance_json).collect::<Vec<_>>(),
    })))
}

#[derive(Debug, Deserialize)]
pub struct OverdueQuery {
    date: Option<String>,
}

/// `GET /api/v1/linkages/overdue[?date=]`.
pub async fn overdue(
    caller: Caller,
    state: web::Data<AppState>,
    query: web::Query<OverdueQuery>,
) -> Result<HttpResponse, ApiError> {
    auth::require(caller.principal(), Action::ReadLinkages)?;
    let tz = state.settings.time_zone();
    let date = date_or_today(query.date.as_deref(), tz)?;
    let found = linkages::overdue(&state.db, caller.principal(), date, tz).await?;
    let items: Vec<Value> = found
        .linkages
        .iter()
        .map(|late| {
            let mut map = row_json(&late.row);
            map.insert(
                "first_unmet_month".into(),
                json!(month_name((late.first_unmet.year(), late.first_unmet.month()))),
            );
            map.insert("months_unmet".into(), json!(late.months_unmet));
            map.insert("days_overdue".into(), json!(late.days_overdue));
            map.insert("latest_due_month".into(), month_json(&late.latest));
            Value::Object(map)
        })
        .collect();
    Ok(HttpResponse::Ok().json(json!({
        "date": found.date.to_string(),
        "running": found.running,
        "overdue": found.linkages.len(),
        "linkages": items,
        "by_department": found.by_department.iter().map(|total| json!({
            "department": named(&total.department),
            "running": total.running,
            "overdue": total.overdue,
        })).collect::<Vec<_>>(),
        "by_county": found.by_county.iter().map(|total| json!({
            "county": unit(total.county.as_ref()),
            "running": total.running,
            "overdue": total.overdue,
        })).collect::<Vec<_>>(),
    })))
}
