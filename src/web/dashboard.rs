//! `/`: the dashboard of the figures officials report, year on year, for the caller's
//! jurisdiction. Every figure comes from `services::figures::dashboard`, the same call as
//! `GET /api/v1/dashboard`; this page only writes them out. Figures whose data are missing
//! say so instead of printing 0. Each value cell carries its number in `data-value` (absent
//! when missing), as the API gives it, so a browser test can compare the two.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use fluent_bundle::FluentValue;
use serde::Deserialize;
use unic_langid::LanguageIdentifier;

use super::html::{Layout, MessagePage, render, to_login};
use crate::api::auth::Caller;
use crate::api::lang::negotiate_for;
use crate::domain::period::parse_year;
use crate::i18n::{Localizer, signed};
use crate::services::figures::{self, Figure, FigureKey, Unit};
use crate::services::{ServiceError, auth};
use crate::startup::AppState;

/// A value cell: what is shown, the number behind it (`None` when there is no number), and
/// whether the data are missing (the text then says so).
struct Cell {
    text: String,
    value: Option<String>,
    missing: bool,
}

struct Row {
    key: &'static str,
    label: String,
    /// The list the figure is counted from, if that page exists.
    href: Option<String>,
    /// The base year's and the compared year's value.
    values: [Cell; 2],
    change: Cell,
}

/// Rows under a heading (a `<tbody>`).
struct Section {
    id: &'static str,
    title: String,
    rows: Vec<Row>,
}

struct Labels {
    figure: String,
    change: String,
    notes: Vec<String>,
    /// The link to the printable yearly report of the compared year.
    report: String,
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
    sections: Vec<Section>,
    /// The border strip chart: its caption, also its text alternative.
    strip_caption: String,
    /// The linkages overdue today, shown at the end of the linkages' rows.
    overdue: Option<OverdueRow>,
}

/// The count of linkages overdue today: not a year's figure, so one cell across the years.
struct OverdueRow {
    label: String,
    count: u64,
    text: String,
}

#[derive(Deserialize)]
pub struct DashboardQuery {
    year: Option<String>,
}

/// The change cell: "−31.3 %" for counts, "+4.2 pp" for shares; "new" when a count grew from
/// 0, "no change" when it stayed 0, "no data" when a year is missing.
fn change_cell(localizer: &Localizer, lang: &LanguageIdentifier, figure: &Figure) -> Cell {
    let unit = figure.key.unit();
    let missing = figure.base.is_none() || figure.compare.is_none();
    let text = match (figure.change, figure.base, figure.compare) {
        (Some(change), _, _) if unit.changes_in_points() => {
            localizer.format(lang, "page-dashboard-points", &[("change", FluentValue::from(signed(change)))])
        }
        (Some(change), _, _) => format!("{}\u{a0}%", signed(change)),
        (None, Some(_), Some(compare)) if compare > 0.0 => localizer.text(lang, "page-dashboard-new"),
        (None, Some(_), Some(_)) => localizer.text(lang, "page-dashboard-no-change"),
        _ => localizer.text(lang, "page-dashboard-no-data"),
    };
    Cell { text, value: figure.change.map(|change| format!("{change:.1}")), missing }
}

fn value_cell(localizer: &Localizer, lang: &LanguageIdentifier, unit: Unit, value: Option<f64>) -> Cell {
    match value {
        Some(value) => Cell { text: unit.written(value), value: Some(unit.plain(value)), missing: false },
        None => Cell { text: localizer.text(lang, "page-dashboard-no-data"), value: None, missing: true },
    }
}

/// The list page each figure is counted from.
fn list_href(key: FigureKey, year: i32) -> Option<String> {
    match key {
        FigureKey::Incidents | FigureKey::Persons => Some(format!("/incidents?year={year}")),
        FigureKey::CollectiveIncome
        | FigureKey::PerCapitaIncome
        | FigureKey::VillagersInCrime
        | FigureKey::OutreachKeyVillages => Some("/villages?key=true".to_owned()),
        FigureKey::OutreachAllVillages => Some("/villages".to_owned()),
        FigureKey::LinkageCompliance | FigureKey::LinkageVisitsRequired | FigureKey::LinkageVisitsLogged => {
            Some("/linkages".to_owned())
        }
        // There is no `/cases` list yet: link the case rows once it exists.
        FigureKey::CaseMeanDays | FigureKey::CaseMedianDays | FigureKey::CaseOpenOverdue => None,
    }
}

/// The heading a figure is shown under.
fn section_of(key: FigureKey) -> &'static str {
    match key {
        FigureKey::Incidents | FigureKey::Persons => "incidents",
        FigureKey::CollectiveIncome | FigureKey::PerCapitaIncome | FigureKey::VillagersInCrime => "key-villages",
        FigureKey::LinkageCompliance | FigureKey::LinkageVisitsRequired | FigureKey::LinkageVisitsLogged => "linkages",
        FigureKey::OutreachKeyVillages | FigureKey::OutreachAllVillages => "outreach",
        FigureKey::CaseMeanDays | FigureKey::CaseMedianDays | FigureKey::CaseOpenOverdue => "cases",
    }
}

fn sections(localizer: &Localizer, lang: &LanguageIdentifier, dashboard: &figures::Dashboard) -> Vec<Section> {
    let mut sections: Vec<Section> = Vec::new();
    for figure in &dashboard.figures {
        let unit = figure.key.unit();
        let row = Row {
            key: figure.key.id(),
            label: localizer.text(lang, &format!("page-dashboard-{}", figure.key.id())),
            href: list_href(figure.key, dashboard.compare_year),
            values: [value_cell(localizer, lang, unit, figure.base), value_cell(localizer, lang, unit, figure.compare)],
            change: change_cell(localizer, lang, figure),
        };
        let id = section_of(figure.key);
        match sections.last_mut() {
            Some(section) if section.id == id => section.rows.push(row),
            _ => sections.push(Section {
                id,
                title: localizer.text(lang, &format!("page-dashboard-section-{id}")),
                rows: vec![row],
            }),
        }
    }
    sections
}

/// A message page with a link back to the dashboard.
fn message(layout: Layout, status: StatusCode, detail: String, link_text: String) -> HttpResponse {
    let page = MessagePage { layout, detail, link_href: "/", link_text };
    render(status, &page)
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
    let principal = match auth::require(caller.principal(), crate::domain::auth::Action::ReadDashboard) {
        Ok(principal) => principal,
        Err(ServiceError::Unauthenticated) => {
            return to_login(&req);
        }
        Err(_) => {
            let page = MessagePage {
                layout: Layout::new(localizer, &lang, "problem-forbidden-title").for_request(&req, caller.principal()),
                detail: localizer.text(&lang, "problem-forbidden-detail"),
                link_href: "/login",
                link_text: localizer.text(&lang, "page-login-title"),
            };
            return render(StatusCode::FORBIDDEN, &page);
        }
    };
    let year = match query.year.as_deref().map(parse_year).transpose() {
        Ok(year) => year,
        Err(error) => {
            let args: Vec<(&str, FluentValue<'_>)> =
                error.args().into_iter().map(|(name, value)| (name, FluentValue::from(value))).collect();
            let detail = localizer.format(&lang, error.message_id(), &args);
            let layout = Layout::new(localizer, &lang, "problem-bad-request-title").for_request(&req, Some(principal));
            return message(layout, StatusCode::BAD_REQUEST, detail, localizer.text(&lang, "page-dashboard-title"));
        }
    };
    let dashboard = match figures::dashboard(&state.db, Some(principal), year, state.settings.time_zone()).await {
        Ok(dashboard) => dashboard,
        Err(error) => {
            tracing::error!(error = ?error, "dashboard figures failed");
            let detail = localizer.text(&lang, "problem-unavailable-detail");
            let layout = Layout::new(localizer, &lang, "problem-unavailable-title").for_request(&req, Some(principal));
            let back = localizer.text(&lang, "page-dashboard-title");
            return message(layout, StatusCode::SERVICE_UNAVAILABLE, detail, back);
        }
    };
    let years =
        [("base", FluentValue::from(dashboard.base_year)), ("compare", FluentValue::from(dashboard.compare_year))];
    let page = DashboardPage {
        layout: Layout::new(localizer, &lang, "page-dashboard-title").for_request(&req, Some(principal)),
        intro: localizer.format(
            &lang,
            "page-dashboard-intro",
            &[("username", FluentValue::from(principal.username.clone()))],
        ),
        caption: localizer.format(&lang, "page-dashboard-caption", &years),
        strip_caption: localizer.format(&lang, "page-dashboard-strip-caption", &years),
        labels: Labels {
            figure: localizer.text(&lang, "page-dashboard-figure"),
            change: localizer.text(&lang, "page-dashboard-change"),
            notes: ["page-dashboard-note-linkages", "page-dashboard-note-outreach", "page-dashboard-note-cases"]
                .iter()
                .map(|id| localizer.text(&lang, id))
                .collect(),
            report: localizer.format(&lang, "page-report-link", &[("year", FluentValue::from(dashboard.compare_year))]),
        },
        base_year: dashboard.base_year,
        compare_year: dashboard.compare_year,
        sections: sections(localizer, &lang, &dashboard),
        overdue: dashboard.linkages_overdue.map(|overdue| OverdueRow {
            label: localizer.text(&lang, "page-dashboard-linkages-overdue"),
            count: overdue.count,
            text: localizer.format(
                &lang,
                "page-dashboard-linkages-overdue-value",
                &[("count", FluentValue::from(overdue.count)), ("date", FluentValue::from(overdue.date.to_string()))],
            ),
        }),
    };
    render(StatusCode::OK, &page)
}

#[cfg(test)]
mod tests {
    use super::signed;
    use crate::web::html::grouped;

    #[test]
    fn thousands_are_grouped() {
        assert_eq!(grouped(2_329_823), "2,329,823");
        assert_eq!(grouped(557), "557");
        assert_eq!(grouped(1000), "1,000");
        assert_eq!(grouped(0), "0");
    }

    #[test]
    fn changes_carry_a_sign_and_a_true_minus() {
        assert_eq!(signed(-31.3), "−31.3");
        assert_eq!(signed(4.2), "+4.2");
        assert_eq!(signed(0.0), "0.0");
    }
}
