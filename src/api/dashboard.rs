//! `GET /api/v1/dashboard[?year=]`: the figures of the dashboard page as JSON, the same numbers
//! rounded the same way (both come from `services::figures::dashboard`); `null` where the
//! data are missing. `linkagesOverdue` counts the linkages overdue today (`date`), whatever
//! the years compared: the dashboard's row that links to `/linkages/overdue`. `patrols` is the
//! patrol coverage today of the caller's stretch of border (`stretch`) and of each post sector
//! in scope (`sectors`): per window of days the share patrolled (percent, one decimal), the
//! km patrolled, the gaps (count, km) and the longest gaps with the post the map opens on.

use actix_web::{HttpResponse, web};
use serde::Deserialize;
use serde_json::{Value, json};

use super::ApiError;
use super::auth::Caller;
use crate::domain::period::parse_year;
use crate::services::figures::{self, Figure, PatrolGaps, Patrolling, StretchGaps, Unit};
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

fn stretch_json(stretch: &StretchGaps) -> Value {
    let windows: Vec<Value> = stretch
        .windows
        .iter()
        .map(|window| {
            let longest: Vec<Value> = window
                .longest
                .iter()
                .map(|gap| {
                    json!({
                        "startKm": gap.start_km,
                        "endKm": gap.end_km,
                        "lengthKm": gap.length_km,
                        "postId": gap.post_id,
                    })
                })
                .collect();
            json!({
                "days": window.days,
                "sharePercent": window.share_percent,
                "patrolledKm": window.patrolled_km,
                "gapCount": window.gap_count,
                "gapKm": window.gap_km,
                "longestGaps": longest,
            })
        })
        .collect();
    let mut found = json!({ "lengthKm": stretch.length_km, "windows": windows });
    if let (Some(post), Value::Object(members)) = (&stretch.post, &mut found) {
        members.insert("postId".to_owned(), json!(post.id));
        members.insert("code".to_owned(), json!(post.code));
        members.insert("nameZh".to_owned(), json!(post.name_zh));
        members.insert("nameEn".to_owned(), json!(post.name_en));
        members.insert("startKm".to_owned(), json!(post.start_km));
        members.insert("endKm".to_owned(), json!(post.end_km));
    }
    found
}

/// Patrol coverage as JSON: `date`, `stretch` and `sectors` (see the module's comment).
fn patrols_json(patrols: &PatrolGaps) -> Value {
    json!({
        "date": patrols.date.to_string(),
        "stretch": stretch_json(&patrols.stretch),
        "sectors": patrols.sectors.iter().map(stretch_json).collect::<Vec<Value>>(),
    })
}

pub async fn show(
    state: web::Data<AppState>,
    caller: Caller,
    query: web::Query<DashboardQuery>,
) -> Result<HttpResponse, ApiError> {
    let year = query.year.as_deref().map(parse_year).transpose()?;
    let patrolling = Patrolling { border: &state.border, corridor_m: state.settings.patrols.corridor_m };
    let found = figures::dashboard(&state.db, patrolling, caller.principal(), year, state.settings.time_zone()).await?;
    let items: Vec<Value> = found.figures.iter().map(figure_json).collect();
    Ok(HttpResponse::Ok().json(json!({
        "baseYear": found.base_year,
        "compareYear": found.compare_year,
        "figures": items,
        "linkagesOverdue": found.linkages_overdue.map(|overdue| json!({
            "date": overdue.date.to_string(),
            "count": overdue.count,
        })),
        "patrols": found.patrols.as_ref().map(patrols_json),
    })))
}
