//! `/linkages/overdue[?date=]`: the linkages behind their visit rule on a date (by default
//! today), most days overdue first, with totals per county and per department. The numbers
//! are those of `GET /api/v1/linkages/overdue` (`services::linkages::overdue`); the dashboard's
//! overdue row links here.

use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use chrono::Datelike;
use fluent_bundle::FluentValue;
use serde::Deserialize;

use super::villages::{LinkageLine, linkage_line};
use super::{Back, Link, Texts, bad_input, bad_query, failure, layout, page, page_lang, read_query};
use crate::api::auth::Caller;
use crate::domain::DomainError;
use crate::domain::auth::Action;
use crate::domain::linkage::parse_date;
use crate::services::records::today;
use crate::services::{auth, linkages};
use crate::startup::AppState;
use crate::web::html::{Layout, grouped};

/// An overdue linkage as listed.
pub struct Line {
    pub linkage: LinkageLine,
    pub county: String,
    /// The oldest unmet month, e.g. "2025-03".
    pub since: String,
    pub months: u32,
    pub days: i64,
    /// The latest due month: "logged / required" for the village and the post.
    pub village: String,
    pub post: String,
}

/// A line of a totals table.
pub struct Total {
    pub name: Link,
    pub running: String,
    pub overdue: String,
}

#[derive(Template)]
#[template(path = "records/linkage_overdue.html")]
struct OverduePage {
    layout: Layout,
    t: Texts,
    date: String,
    summary: String,
    overdue: usize,
    lines: Vec<Line>,
    counties: Vec<Total>,
    departments: Vec<Total>,
}

#[derive(Deserialize)]
struct OverdueQuery {
    date: Option<String>,
}

/// `GET /linkages/overdue`.
pub async fn show(req: HttpRequest, state: web::Data<AppState>, caller: Caller) -> HttpResponse {
    let t = Texts::new(&page_lang(&req, &caller));
    let principal = match auth::require(caller.principal(), Action::ReadLinkages) {
        Ok(principal) => principal,
        Err(error) => return failure(&req, &t, error, Back::Linkages),
    };
    let query: OverdueQuery = match read_query(&req) {
        Ok(query) => query,
        Err(reason) => return bad_query(&t, reason, Back::Linkages),
    };
    let tz = state.settings.time_zone();
    let date = match query.date.as_deref().filter(|text| !text.trim().is_empty()) {
        None => today(tz),
        Some(text) => match parse_date("date", text) {
            Ok(date) => date,
            Err(error) => return bad_input(&t, &DomainError::from(error), Back::Linkages),
        },
    };
    let found = match linkages::overdue(&state.db, Some(principal), date, tz).await {
        Ok(found) => found,
        Err(error) => return failure(&req, &t, error, Back::Linkages),
    };
    let count = |value: u64| grouped(i64::try_from(value).unwrap_or(i64::MAX));
    let lines = found
        .linkages
        .iter()
        .map(|late| Line {
            linkage: linkage_line(&t, &late.row),
            county: t.unit(late.row.county.as_ref()),
            since: format!("{:04}-{:02}", late.first_unmet.year(), late.first_unmet.month()),
            months: late.months_unmet,
            days: late.days_overdue,
            village: format!("{} / {}", late.latest.village_logged, late.latest.village_required),
            post: format!("{} / {}", late.latest.post_logged, late.latest.post_required),
        })
        .collect();
    let counties = found
        .by_county
        .iter()
        .map(|total| Total {
            name: Link {
                href: total.county.as_ref().map(|county| format!("/linkages?county={}&active=1", county.code)),
                text: t.unit(total.county.as_ref()),
            },
            running: count(total.running),
            overdue: count(total.overdue),
        })
        .collect();
    let departments = found
        .by_department
        .iter()
        .map(|total| Total {
            name: Link::new(
                format!("/departments/{}", total.department.id),
                t.name(&total.department.name_zh, total.department.name_en.as_deref()),
            ),
            running: count(total.running),
            overdue: count(total.overdue),
        })
        .collect();
    let summary = t.format(
        "page-overdue-summary",
        &[
            ("date", FluentValue::from(date.to_string())),
            ("overdue", FluentValue::from(found.linkages.len())),
            ("running", FluentValue::from(found.running)),
        ],
    );
    let overdue_page = OverduePage {
        layout: layout(&t, &req, principal, "page-overdue-title", None),
        date: date.to_string(),
        summary,
        overdue: found.linkages.len(),
        lines,
        counties,
        departments,
        t,
    };
    page(&overdue_page)
}
