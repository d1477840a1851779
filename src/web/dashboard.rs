//! `/`: the dashboard of the figures officials report, year on year, for the caller's
//! jurisdiction. Figures whose data are missing say so instead of printing 0.

use actix_web::http::StatusCode;
use actix_web::http::header::LOCATION;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use fluent_bundle::FluentValue;
use serde::Deserialize;
use unic_langid::LanguageIdentifier;

use super::html::{Layout, MessagePage, render};
use crate::api::auth::Caller;
use crate::api::lang::negotiate_for;
use crate::domain::auth::Action;
use crate::domain::figures::Change;
use crate::i18n::Localizer;
use crate::services::{ServiceError, auth, figures};
use crate::startup::AppState;

struct Row {
    key: &'static str,
    label: String,
    base: String,
    compare: String,
    change: String,
}

struct Labels {
    figure: String,
    change: String,
    not_yet: String,
}

#[derive(Template)]
#[template(path = "dashboard.html")]
struct DashboardPage {
    layout: Layout,
    intro: String,
    caption: String,
    labels: Labels,
    base_year: i32,
    compare_year: i32,
    rows: Vec<Row>,
}

#[derive(Deserialize)]
pub struct DashboardQuery {
    year: Option<i32>,
}

/// A whole number with thousands separators: 2,329,823.
fn grouped(value: f64) -> String {
    let digits = format!("{:.0}", value.abs());
    let mut out = String::new();
    for (index, digit) in digits.chars().enumerate() {
        if index > 0 && (digits.len() - index) % 3 == 0 {
            out.push(',');
        }
        out.push(digit);
    }
    if value < -0.5 { format!("-{out}") } else { out }
}

/// "−31.3 %", "+11.7 %", or "new" when the base is 0.
fn change_text(localizer: &Localizer, lang: &LanguageIdentifier, change: &Change) -> String {
    match change.published_percent() {
        Some(percent) if percent < 0.0 => format!("−{:.1}\u{a0}%", -percent),
        Some(percent) if percent > 0.0 => format!("+{percent:.1}\u{a0}%"),
        Some(_) => "0.0\u{a0}%".to_owned(),
        None if change.compare > 0.0 => localizer.text(lang, "page-dashboard-new"),
        None => localizer.text(lang, "page-dashboard-no-change"),
    }
}

fn row(localizer: &Localizer, lang: &LanguageIdentifier, key: &'static str, change: Option<&Change>) -> Row {
    let label = localizer.text(lang, &format!("page-dashboard-{key}"));
    match change {
        Some(change) => Row {
            key,
            label,
            base: grouped(change.base),
            compare: grouped(change.compare),
            change: change_text(localizer, lang, change),
        },
        None => {
            let missing = localizer.text(lang, "page-dashboard-no-data");
            Row { key, label, base: missing.clone(), compare: missing.clone(), change: missing }
        }
    }
}

/// `GET /[?year=]`: `year` against the year before; by default the latest year with incidents.
pub async fn show(
    req: HttpRequest,
    state: web::Data<AppState>,
    caller: Caller,
    query: web::Query<DashboardQuery>,
) -> HttpResponse {
    let localizer = Localizer::global();
    let lang = negotiate_for(&req, localizer, caller.principal().map(|principal| principal.locale.as_str()));
    let principal = match auth::require(caller.principal(), Action::ReadDashboard) {
        Ok(principal) => principal,
        Err(ServiceError::Unauthenticated) => {
            return HttpResponse::SeeOther().insert_header((LOCATION, "/login")).finish();
        }
        Err(_) => {
            let page = MessagePage {
                layout: Layout::new(localizer, &lang, "problem-forbidden-title"),
                detail: localizer.text(&lang, "problem-forbidden-detail"),
                link_href: "/login",
                link_text: localizer.text(&lang, "page-login-title"),
            };
            return render(StatusCode::FORBIDDEN, &page);
        }
    };
    let tz = state.settings.time_zone();
    let scope = &principal.jurisdiction;
    let year = match query.year {
        Some(year) => Some(year),
        None => figures::latest_incident_year(&state.db, scope, tz).await.unwrap_or(None),
    };
    let compare_year = year.unwrap_or_else(|| chrono::Datelike::year(&chrono::Utc::now().with_timezone(&tz)));
    let base_year = compare_year - 1;
    let headline = match figures::headline(&state.db, scope, base_year, compare_year, tz).await {
        Ok(headline) => headline,
        Err(error) => {
            tracing::error!(error = ?error, "dashboard figures failed");
            return HttpResponse::ServiceUnavailable().finish();
        }
    };
    let rows = vec![
        row(localizer, &lang, "incidents", Some(&headline.incidents)),
        row(localizer, &lang, "persons", Some(&headline.persons_apprehended)),
        row(localizer, &lang, "collective-income", headline.key_collective_income_cny.as_ref()),
        row(localizer, &lang, "per-capita-income", headline.key_per_capita_income_cny.as_ref()),
        row(localizer, &lang, "villagers-in-crime", headline.key_villagers_in_cross_border_crime.as_ref()),
    ];
    let years = [("base", FluentValue::from(base_year)), ("compare", FluentValue::from(compare_year))];
    let page = DashboardPage {
        layout: Layout::new(localizer, &lang, "page-dashboard-title"),
        intro: localizer.format(
            &lang,
            "page-dashboard-intro",
            &[("username", FluentValue::from(principal.username.clone()))],
        ),
        caption: localizer.format(&lang, "page-dashboard-caption", &years),
        labels: Labels {
            figure: localizer.text(&lang, "page-dashboard-figure"),
            change: localizer.text(&lang, "page-dashboard-change"),
            not_yet: localizer.text(&lang, "page-dashboard-not-yet"),
        },
        base_year,
        compare_year,
        rows,
    };
    render(StatusCode::OK, &page)
}

#[cfg(test)]
mod tests {
    use super::grouped;

    #[test]
    fn thousands_are_grouped() {
        assert_eq!(grouped(2_329_823.0), "2,329,823");
        assert_eq!(grouped(557.0), "557");
        assert_eq!(grouped(1000.0), "1,000");
        assert_eq!(grouped(0.0), "0");
    }
}
