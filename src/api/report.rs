//! `GET /api/v1/reports/yearly?year=2024`: the yearly report of the caller's jurisdiction as
//! numbers (the same as the printable page and `banna report`, all from
//! `services::report::yearly`; `null` where the data are missing), plus the report's
//! paragraphs in the request's language for convenience.

use actix_web::{HttpRequest, HttpResponse, web};
use serde::Deserialize;
use serde_json::{Value, json};

use super::ApiError;
use super::auth::Caller;
use super::dashboard::figure_json;
use super::lang::negotiate_for;
use crate::domain::DomainError;
use crate::domain::auth::Action;
use crate::domain::period::parse_year;
use crate::i18n::Localizer;
use crate::report::Direction;
use crate::services::auth;
use crate::services::figures::Figure;
use crate::services::report::{self, Breakdown};
use crate::startup::AppState;

#[derive(Debug, Deserialize)]
pub struct YearlyQuery {
    year: Option<String>,
}

/// The year of a report: required, within [`crate::domain::period::YEARS`].
pub fn required_year(year: Option<&str>) -> Result<i32, DomainError> {
    match year.filter(|text| !text.trim().is_empty()) {
        Some(text) => parse_year(text),
        None => Err(DomainError::MissingParameter { name: "year" }),
    }
}

/// A figure with the direction its sentence takes (`up`, `down`, `same`, `new`, `zero`,
/// `no-base`, `missing`).
fn figure(figure: &Figure) -> Value {
    let mut value = figure_json(figure);
    value["direction"] = json!(Direction::of(figure).as_str());
    value
}

fn part(part: &Breakdown) -> Value {
    json!({
        "code": part.code,
        "name": part.name_zh.as_ref().map(|zh| json!({ "zh": zh, "en": part.name_en })),
        "incidents": figure(&part.incidents),
        "persons": figure(&part.persons),
    })
}

pub async fn yearly(
    req: HttpRequest,
    state: web::Data<AppState>,
    caller: Caller,
    query: web::Query<YearlyQuery>,
) -> Result<HttpResponse, ApiError> {
    let principal = auth::require(caller.principal(), Action::ReadReports)?;
    let year = required_year(query.year.as_deref())?;
    let found =
        report::yearly(&state.db, &principal.jurisdiction, &state.border, year, state.settings.time_zone()).await?;
    let localizer = Localizer::global();
    let lang = negotiate_for(&req, localizer, Some(principal.locale.as_str()));
    let view = crate::report::view(&found, localizer, &lang);
    Ok(HttpResponse::Ok().insert_header(("Content-Language", lang.to_string())).json(json!({
        "year": found.year,
        "baseYear": found.base_year,
        "jurisdiction": found.jurisdiction.as_ref().map(|unit| json!({
            "code": unit.code,
            "name": { "zh": unit.name_zh, "en": unit.name_en },
        })),
        "incidentsRecorded": { "base": found.incidents_recorded[0], "compare": found.incidents_recorded[1] },
        "figures": found.figures.iter().map(figure).collect::<Vec<Value>>(),
        "bySection": found.by_section.iter().map(part).collect::<Vec<Value>>(),
        "byCounty": found.by_county.iter().map(part).collect::<Vec<Value>>(),
        "lang": lang.to_string(),
        "title": view.title,
        "paragraphs": view.paragraphs(),
    })))
}
