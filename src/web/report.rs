//! `/reports/yearly?year=2024`: the yearly report of the caller's jurisdiction as a printable
//! page (A4, a page per section, no navigation on paper; readable at 360 px). The figures come
//! from `services::report::yearly` and the words from `crate::report`, as for
//! `GET /api/v1/reports/yearly` and `banna report --format html`, which share its template.

use actix_web::http::StatusCode;
use actix_web::http::header::{CACHE_CONTROL, CONTENT_TYPE};
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use fluent_bundle::FluentValue;
use serde::Deserialize;

use super::html::{Layout, MessagePage, render, to_login};
use crate::api::auth::Caller;
use crate::api::lang::negotiate_for;
use crate::domain::DomainError;
use crate::domain::auth::Action;
use crate::domain::period::parse_year;
use crate::i18n::Localizer;
use crate::report::View;
use crate::services::{ServiceError, auth, report};
use crate::startup::AppState;

#[derive(Template)]
#[template(path = "report.html")]
struct ReportPage {
    layout: Layout,
    view: View,
    print_hint: String,
    back: String,
}

#[derive(Deserialize)]
pub struct ReportQuery {
    year: Option<String>,
}

/// `GET /reports/yearly?year=`: the year is required; a missing or bad one is a 400 page.
pub async fn yearly(
    req: HttpRequest,
    state: web::Data<AppState>,
    caller: Caller,
    query: web::Query<ReportQuery>,
) -> HttpResponse {
    let localizer = Localizer::global();
    let lang = negotiate_for(&req, localizer, caller.principal().map(|principal| principal.locale.as_str()));
    let message = |title_id: &str, status: StatusCode, detail: String, link_href: &'static str, link_id: &str| {
        let layout = Layout::new(localizer, &lang, title_id).for_request(&req, caller.principal());
        render(status, &MessagePage { layout, detail, link_href, link_text: localizer.text(&lang, link_id) })
    };
    let principal = match auth::require(caller.principal(), Action::ReadReports) {
        Ok(principal) => principal,
        Err(ServiceError::Unauthenticated) => return to_login(&req),
        Err(_) => {
            let detail = localizer.text(&lang, "problem-forbidden-detail");
            return message("problem-forbidden-title", StatusCode::FORBIDDEN, detail, "/login", "page-login-title");
        }
    };
    let year = match query.year.as_deref().filter(|text| !text.trim().is_empty()) {
        Some(text) => parse_year(text),
        None => Err(DomainError::MissingParameter { name: "year" }),
    };
    let year = match year {
        Ok(year) => year,
        Err(error) => {
            let args: Vec<(&str, FluentValue<'_>)> =
                error.args().into_iter().map(|(name, value)| (name, FluentValue::from(value))).collect();
            let detail = localizer.format(&lang, error.message_id(), &args);
            return message("problem-bad-request-title", StatusCode::BAD_REQUEST, detail, "/", "page-report-back");
        }
    };
    let tz = state.settings.time_zone();
    let found = match report::yearly(&state.db, &principal.jurisdiction, &state.border, year, tz).await {
        Ok(found) => found,
        Err(error) => {
            tracing::error!(error = ?error, "yearly report failed");
            let detail = localizer.text(&lang, "problem-unavailable-detail");
            let status = StatusCode::SERVICE_UNAVAILABLE;
            return message("problem-unavailable-title", status, detail, "/", "page-report-back");
        }
    };
    let view = crate::report::view(&found, localizer, &lang);
    let mut layout = Layout::new(localizer, &lang, "page-report-title").for_request(&req, Some(principal));
    layout.title = view.title.clone();
    let page = ReportPage {
        layout,
        view,
        print_hint: localizer.text(&lang, "page-report-print-hint"),
        back: localizer.text(&lang, "page-report-back"),
    };
    render(StatusCode::OK, &page)
}

/// `GET /static/report.css`: the report's screen and print rules.
pub async fn stylesheet() -> HttpResponse {
    HttpResponse::Ok()
        .insert_header((CONTENT_TYPE, "text/css; charset=utf-8"))
        .insert_header((CACHE_CONTROL, "public, max-age=3600"))
        .body(crate::report::STYLESHEET)
}
