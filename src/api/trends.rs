//! Trends along the border: incidents per km bin, a year against another, as GeoJSON
//! (`/border/bins`); the bins × periods matrix (`/incidents/trend`) and the year-on-year change
//! grouped by section, bin, category or county (`/incidents/change`) as JSON.

use actix_web::http::header::CONTENT_TYPE;
use actix_web::{HttpResponse, web};
use geojson::{Feature, FeatureCollection, Geometry, JsonObject};
use serde::Deserialize;
use serde_json::json;

use super::ApiError;
use super::auth::Caller;
use super::geojson_out::GEOJSON;
use crate::border::Border;
use crate::domain::DomainError;
use crate::domain::auth::Action;
use crate::domain::bins::BinWidth;
use crate::domain::figures::Change;
use crate::domain::filter::{IncidentFilter, IncidentQuery};
use crate::domain::period::parse_year;
use crate::domain::trend::{Grouping, PeriodKind, TrendSpan};
use crate::services::auth;
use crate::services::trends::{
    self, BinChange, BinChanges, BinTotals, ChangeBy, ChangeKey, ChangeRow, ChangeTable, Trend, TrendRequest,
};
use crate::startup::AppState;

/// `?bin_km=&base=&compare=`, read as text so each gets its own message; empty means absent.
#[derive(Debug, Default, Deserialize)]
pub struct BinsQuery {
    bin_km: Option<String>,
    base: Option<String>,
    compare: Option<String>,
}

/// The parsed query: the width, and the years the caller gave (the rest are defaulted).
#[derive(Clone, Copy, Debug)]
pub struct BinsRequest {
    pub width: BinWidth,
    pub base: Option<i32>,
    pub compare: Option<i32>,
}

impl BinsQuery {
    pub fn parse(&self) -> Result<BinsRequest, DomainError> {
        let given = |value: &Option<String>| value.clone().filter(|text| !text.trim().is_empty());
        Ok(BinsRequest {
            width: given(&self.bin_km).as_deref().map(BinWidth::parse).transpose()?.unwrap_or_default(),
            base: given(&self.base).as_deref().map(parse_year).transpose()?,
            compare: given(&self.compare).as_deref().map(parse_year).transpose()?,
        })
    }
}

/// `GET /api/v1/border/bins?bin_km=10&base=2023&compare=2024`: one LineString feature per km
/// bin of the border (a MultiLineString if the bin spans a gap of the line), with the live
/// incidents and persons apprehended of both years and the change. The compared year defaults
/// to the latest year with incidents, the base year to the one before it, `bin_km` to 10.
pub async fn bins(
    caller: Caller,
    state: web::Data<AppState>,
    query: web::Query<BinsQuery>,
) -> Result<HttpResponse, ApiError> {
    let principal = auth::require(caller.principal(), Action::ReadIncidents)?;
    let request = query.parse()?;
    let (scope, tz) = (&principal.jurisdiction, state.settings.time_zone());
    let years = trends::resolve_years(&state.db, scope, request.base, request.compare, tz).await?;
    let changes =
        trends::bin_change(&state.db, scope, &state.border, request.width.km(), years.base(), years.compare(), tz)
            .await?;
    let body = serde_json::to_string(&collection(&state.border, &changes)).map_err(|_| ApiError::internal())?;
    Ok(HttpResponse::Ok().insert_header((CONTENT_TYPE, GEOJSON)).body(body))
}

fn collection(border: &Border, changes: &BinChanges) -> FeatureCollection {
    let features = changes.bins.iter().map(|bin| feature(border, bin)).collect();
    let mut members = JsonObject::new();
    members.insert("base_year".into(), json!(changes.base_year));
    members.insert("compare_year".into(), json!(changes.compare_year));
    members.insert("bin_km".into(), json!(changes.bin_km));
    members.insert("length_km".into(), json!(changes.length_km));
    FeatureCollection { bbox: None, features, foreign_members: Some(members) }
}

fn feature(border: &Border, bin: &BinChange) -> Feature {
    let mut parts = border.slice(bin.start_km, bin.end_km);
    let geometry = match parts.len() {
        0 => None,
        1 => Some(Geometry::new_line_string(parts.remove(0))),
        _ => Some(Geometry::new_multi_line_string(parts)),
    };
    let sections: Vec<&str> = bin.sections.iter().map(|code| code.as_str()).collect();
    let properties = json!({
        "bin": bin.index,
        "start_km": bin.start_km,
        "end_km": bin.end_km,
        "section": sections.join("/"),
        "base_incidents": bin.base.incidents,
        "compare_incidents": bin.compare.incidents,
        "base_persons": bin.base.persons,
        "compare_persons": bin.compare.persons,
        "change_pct": bin.incidents.published_percent(),
        "change": bin.incidents.direction().as_str(),
    });
    Feature {
        bbox: None,
        geometry,
        id: Some(geojson::feature::Id::Number(bin.index.into())),
        properties: match properties {
            serde_json::Value::Object(map) => Some(map),
            _ => None,
        },
        foreign_members: None,
    }
}

/// `?bin_km=&period=&from=&to=&category=&section=`, as text; empty means absent.
#[derive(Debug, Default, Deserialize)]
pub struct TrendQuery {
    bin_km: Option<String>,
    period: Option<String>,
    from: Option<String>,
    to: Option<String>,
    category: Option<String>,
    section: Option<String>,
}

/// Text of a query parameter, `None` when absent or blank.
fn given(value: &Option<String>) -> Option<&str> {
    value.as_deref().filter(|text| !text.trim().is_empty())
}

impl TrendQuery {
    pub fn parse(&self) -> Result<TrendRequest, DomainError> {
        let filter = IncidentFilter::parse(IncidentQuery {
            category: given(&self.category),
            section: given(&self.section),
            ..IncidentQuery::default()
        })?;
        Ok(TrendRequest {
            width: given(&self.bin_km).map(BinWidth::parse).transpose()?.unwrap_or_default(),
            period: given(&self.period).map(PeriodKind::parse).transpose()?.unwrap_or_default(),
            span: TrendSpan::parse(given(&self.from), given(&self.to))?,
            category: filter.category,
            section: filter.section,
        })
    }
}

/// `GET /api/v1/incidents/trend?bin_km=10&period=month&from=2023-01&to=2024-12&category=&section=`:
/// live incidents and persons apprehended per km bin of the border (rows) and local calendar
/// period (columns), zeros included. `from`/`to` are days (`YYYY-MM-DD`) or months (`YYYY-MM`,
/// from its first day, to its last); by default the 24 months (8 quarters, 2 years) up to the
/// period of the latest incident. More than 100,000 cells is a 400.
pub async fn trend(
    caller: Caller,
    state: web::Data<AppState>,
    query: web::Query<TrendQuery>,
) -> Result<HttpResponse, ApiError> {
    let principal = auth::require(caller.principal(), Action::ReadIncidents)?;
    let request = query.parse()?;
    let found =
        trends::trend(&state.db, &principal.jurisdiction, &state.border, &request, state.settings.time_zone()).await?;
    Ok(HttpResponse::Ok().json(trend_json(&found)))
}

fn trend_json(trend: &Trend) -> serde_json::Value {
    let bins: Vec<serde_json::Value> = trend
        .bins
        .iter()
        .map(|bin| {
            json!({
                "index": bin.index,
                "start_km": bin.start_km,
                "end_km": bin.end_km,
                "sections": bin.sections.iter().map(|code| code.as_str()).collect::<Vec<_>>(),
            })
        })
        .collect();
    let periods: Vec<serde_json::Value> = trend
        .periods
        .iter()
        .map(|period| {
            json!({
                "index": period.index,
                "label": period.label,
                "from": period.first.to_string(),
                "to": period.last.to_string(),
                "whole": period.whole,
            })
        })
        .collect();
    let sum = |matrix: &[Vec<i64>]| matrix.iter().flatten().sum::<i64>();
    json!({
        "bin_km": trend.bin_km,
        "length_km": trend.length_km,
        "period": trend.period.code(),
        "from": trend.first.to_string(),
        "to": trend.last.to_string(),
        "time_zone": trend.time_zone.name(),
        "category": trend.category.map(|category| category.code()),
        "section": trend.section,
        "bins": bins,
        "periods": periods,
        "incidents": trend.incidents,
        "persons": trend.persons,
        "totals": { "incidents": sum(&trend.incidents), "persons": sum(&trend.persons) },
    })
}

/// `?base=&compare=&by=&bin_km=`, as text; empty means absent.
#[derive(Debug, Default, Deserialize)]
pub struct ChangeQuery {
    base: Option<String>,
    compare: Option<String>,
    by: Option<String>,
    bin_km: Option<String>,
}

/// `GET /api/v1/incidents/change?base=2023&compare=2024&by=total|section|bin|category|county&bin_km=10`:
/// live incidents and persons apprehended of both local calendar years per group, with the
/// percentage changes rounded to one decimal as published (`null` with `"new"` when the base
/// is 0, `"none"` when both are). The compared year defaults to the latest year with
/// incidents, the base to the year before, `by` to `total`, `bin_km` (for `by=bin`) to 10.
pub async fn change(
    caller: Caller,
    state: web::Data<AppState>,
    query: web::Query<ChangeQuery>,
) -> Result<HttpResponse, ApiError> {
    let principal = auth::require(caller.principal(), Action::ReadIncidents)?;
    let grouping = given(&query.by).map(Grouping::parse).transpose()?.unwrap_or_default();
    let width = given(&query.bin_km).map(BinWidth::parse).transpose()?.unwrap_or_default();
    let base = given(&query.base).map(parse_year).transpose()?;
    let compare = given(&query.compare).map(parse_year).transpose()?;
    let (scope, tz) = (&principal.jurisdiction, state.settings.time_zone());
    let years = trends::resolve_years(&state.db, scope, base, compare, tz).await?;
    let by = ChangeBy::new(grouping, width);
    let table = trends::change(&state.db, scope, &state.border, years.base(), years.compare(), by, tz).await?;
    Ok(HttpResponse::Ok().json(change_json(&table)))
}

fn change_json(table: &ChangeTable) -> serde_json::Value {
    let bin_km = match table.by {
        ChangeBy::Bin(width) => json!(width.km()),
        _ => serde_json::Value::Null,
    };
    json!({
        "base_year": table.base_year,
        "compare_year": table.compare_year,
        "by": table.by.grouping().code(),
        "bin_km": bin_km,
        "rows": table.rows.iter().map(change_row_json).collect::<Vec<_>>(),
    })
}

fn change_row_json(row: &ChangeRow) -> serde_json::Value {
    let (key, label) = match &row.key {
        ChangeKey::Total => (json!("total"), serde_json::Value::Null),
        ChangeKey::Section(None) | ChangeKey::County(None) => (serde_json::Value::Null, serde_json::Value::Null),
        ChangeKey::Section(Some(section)) => (
            json!(section.code.as_str()),
            json!({ "code": section.code.as_str(), "name_zh": section.name_zh, "name_en": section.name_en }),
        ),
        ChangeKey::Bin { index, start_km, end_km, sections } => (
            json!(index),
            json!({
                "start_km": start_km,
                "end_km": end_km,
                "sections": sections.iter().map(|code| code.as_str()).collect::<Vec<_>>(),
            }),
        ),
        ChangeKey::Category(code) => (json!(code), json!({ "code": code })),
        ChangeKey::County(Some(unit)) => {
            (json!(unit.code), json!({ "code": unit.code, "name_zh": unit.name_zh, "name_en": unit.name_en }))
        }
    };
    let totals = |totals: &BinTotals| json!({ "incidents": totals.incidents, "persons": totals.persons });
    let change =
        |change: &Change| json!({ "pct": change.published_percent(), "direction": change.direction().as_str() });
    json!({
        "key": key,
        "label": label,
        "base": totals(&row.base),
        "compare": totals(&row.compare),
        "incidents_change": change(&row.incidents),
        "persons_change": change(&row.persons),
    })
}
