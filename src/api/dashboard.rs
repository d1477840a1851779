//! `GET /api/v1/dashboard[?year=]`: the figures of the dashboard page as JSON, the same numbers
//! rounded the same way (both come from `services::figures::dashboard`); `null` where the
//! data are missing. `linkagesOverdue` counts the linkages overdue today (`date`), whatever
//! the years compared: the dashboard's row that links to `/linkages/overdue`.

use actix_web::{HttpResponse, web};
use serde::Deserialize;
use serde_json::{Value, json};

use super::ApiError;
use super::auth::Caller;
use crate::domain::period::parse_year;
use crate::services::figures::{self, Figure, Unit};
use crate::startup::AppState;

#[derive(Debug, Deserialize)]
pub struct DashboardQuery {
    year: Option<String>,
}

fn unit_name(unit: Unit) -> &'static str {
    match unit {
        Unit::Count => "count",
        Unit::Cny => "cny",
        Unit::Percent => "percent",
        Unit::Days => "days",
    }
}

/// A value as JSON: whole units as integers, the others with their one decimal.
fn number(unit: Unit, value: Option<f64>) -> Value {
    match (unit, value) {
        (_, None) => Value::Null,
        (Unit::Count | Unit::Cny, Some(value)) => json!(value as i64),
        (Unit::Percent | Unit::Days, Some(value)) => json!(value),
    }
}

/// A figure as JSON: `id`, `unit`, `base`, `compare` (`null` when missing), `change` (one
/// decimal, `null` without a percentage) and `changeUnit` (`pp` or `percent`). The yearly
/// report writes its figures the same way.
pub(super) fn figure_json(figure: &Figure) -> Value {
    let unit = figure.key.unit();
    json!({
        "id": figure.key.id(),
        "unit": unit_name(unit),
        "base": number(unit, figure.base),
        "compare": number(unit, figure.compare),
        "change": figure.change,
        "changeUnit": if unit.changes_in_points() { "pp" } else { "percent" },
    })
}

pub async fn show(
    state: web::Data<AppState>,
    caller: Caller,
    query: web::Query<DashboardQuery>,
) -> Result<HttpResponse, ApiError> {
    let year = query.year.as_deref().map(parse_year).transpose()?;
    let found = figures::dashboard(&state.db, caller.principal(), year, state.settings.time_zone()).await?;
    let items: Vec<Value> = found.figures.iter().map(figure_json).collect();
    Ok(HttpResponse::Ok().json(json!({
        "baseYear": found.base_year,
        "compareYear": found.compare_year,
        "figures": items,
        "linkagesOverdue": found.linkages_overdue.map(|overdue| json!({
            "date": overdue.date.to_string(),
            "count": overdue.count,
        })),
    })))
}
