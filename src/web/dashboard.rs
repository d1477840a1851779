//! `/`: the dashboard of the figures officials report, year on year, for the caller's
//! jurisdiction. Every figure comes from `services::figures::dashboard`, the same call as
//! `GET /api/v1/dashboard`; this page only writes them out. Figures whose data are missing
//! say so instead of printing 0. Each value cell carries its number in `data-value` (absent
//! when missing), as the API gives it, so a browser test can compare the two. Below the
//! figures, patrol coverage today (not a year's figure: its rows have no `id`), each stretch's
//! shares and gaps in `data-value`s too, the longest gaps linked to the map.

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
use crate::services::figures::{self, Figure, FigureKey, PatrolGaps, Patrolling, StretchGaps, Unit};
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
    patrols: Option<PatrolTable>,
}

/// Patrol coverage today: a row for the caller's stretch and one per post sector.
struct PatrolTable {
    title: String,
    intro: String,
    /// Column headings after the stretch and its length.
    columns: Vec<String>,
    stretch_label: String,
    length_label: String,
    rows: Vec<PatrolRow>,
    /// Said instead of the sector rows when no post is in scope.
    no_posts: Option<String>,
    note: String,
}

struct PatrolRow {
    /// `stretch` or `post:{id}`.
    key: String,
    name: String,
    /// The post's page, for sector rows.
    href: Option<String>,
    /// The sector's km, for sector rows.
    sector: Option<String>,
    length_km: String,
    /// Per window: the share patrolled.
    shares: Vec<PatrolCell>,
    /// Per window: the gaps' count.
    gaps: Vec<PatrolCell>,
    /// The longest gaps of the longest window, each linked to the map.
    longest: Vec<GapLink>,
    /// Said when there is no gap in the longest window.
    no_gaps: String,
}

struct PatrolCell {
    days: i64,
    value: String,
    text: String,
}

struct GapLink {
    href: String,
    text: String,
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
        FigureKey::VisitsFlagged | FigureKey::VisitsFarFromTarget | FigureKey::VisitsLowAccuracy => {
            key.visit_flag().map(|flag| format!("/visits?flagged={}&from={year}-01-01&to={year}-12-31", flag.code()))
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
        FigureKey::VisitsFlagged | FigureKey::VisitsFarFromTarget | FigureKey::VisitsLowAccuracy => "flagged-visits",
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

/// Km with one decimal.
fn km(value: f64) -> String {
    format!("{value:.1}")
}

fn patrol_row(
    localizer: &Localizer,
    lang: &LanguageIdentifier,
    stretch: &StretchGaps,
    key: String,
    name: String,
) -> PatrolRow {
    let cell = |days: i64, value: String, text: String| PatrolCell { days, value, text };
    let shares = stretch
        .windows
        .iter()
        .map(|window| {
            let share = window.share_percent;
            cell(window.days, Unit::Percent.plain(share), Unit::Percent.written(share))
        })
        .collect();
    let gaps = stretch
        .windows
        .iter()
        .map(|window| {
            let text = localizer.format(
                lang,
                "page-dashboard-patrols-gaps-value",
                &[("count", FluentValue::from(window.gap_count)), ("km", FluentValue::from(km(window.gap_km)))],
            );
            cell(window.days, window.gap_count.to_string(), text)
        })
        .collect();
    let longest = stretch
        .windows
        .iter()
        .max_by_key(|window| window.days)
        .map(|window| {
            window
                .longest
                .iter()
                .map(|gap| GapLink {
                    href: gap.post_id.map(|id| format!("/map?focus=post:{id}")).unwrap_or_else(|| "/map".to_owned()),
                    text: localizer.format(
                        lang,
                        "page-dashboard-patrols-gap",
                        &[
                            ("start", FluentValue::from(km(gap.start_km))),
                            ("end", FluentValue::from(km(gap.end_km))),
                            ("length", FluentValue::from(km(gap.length_km))),
                        ],
                    ),
                })
                .collect()
        })
        .unwrap_or_default();
    let sector = stretch.post.as_ref().map(|post| {
        localizer.format(
            lang,
            "page-dashboard-patrols-sector",
            &[("start", FluentValue::from(km(post.start_km))), ("end", FluentValue::from(km(post.end_km)))],
        )
    });
    PatrolRow {
        key,
        name,
        href: stretch.post.as_ref().map(|post| format!("/posts/{}", post.id)),
        sector,
        length_km: km(stretch.length_km),
        shares,
        gaps,
        longest,
        no_gaps: localizer.text(lang, "page-dashboard-patrols-no-gaps"),
    }
}

/// The patrol table: the caller's stretch (when it has a length) and each post sector.
fn patrol_table(localizer: &Localizer, lang: &LanguageIdentifier, patrols: &PatrolGaps) -> PatrolTable {
    let days: Vec<i64> = patrols.stretch.windows.iter().map(|window| window.days).collect();
    let heading = |id: &str, days: i64| localizer.format(lang, id, &[("days", FluentValue::from(days))]);
    let mut columns: Vec<String> = days.iter().map(|days| heading("page-dashboard-patrols-share", *days)).collect();
    columns.extend(days.iter().map(|days| heading("page-dashboard-patrols-gaps", *days)));
    columns.push(heading("page-dashboard-patrols-longest", days.iter().copied().max().unwrap_or_default()));
    let mut rows = Vec::with_capacity(patrols.sectors.len() + 1);
    if patrols.stretch.length_km > 0.0 {
        let name = localizer.text(lang, "page-dashboard-patrols-whole");
        rows.push(patrol_row(localizer, lang, &patrols.stretch, "stretch".to_owned(), name));
    }
    let chinese = lang.language.as_str() == "zh";
    for sector in &patrols.sectors {
        let Some(post) = &sector.post else { continue };
        let name = match post.name_en.as_deref().filter(|name| !chinese && !name.is_empty()) {
            Some(english) => english.to_owned(),
            None => post.name_zh.clone(),
        };
        rows.push(patrol_row(localizer, lang, sector, format!("post:{}", post.id), name));
    }
    PatrolTable {
        title: localizer.text(lang, "page-dashboard-patrols-title"),
        intro: localizer.format(
            lang,
            "page-dashboard-patrols-intro",
            &[("date", FluentValue::from(patrols.date.to_string()))],
        ),
        columns,
        stretch_label: localizer.text(lang, "page-dashboard-patrols-stretch"),
        length_label: localizer.text(lang, "page-dashboard-patrols-length"),
        rows,
        no_posts: patrols.sectors.is_empty().then(|| localizer.text(lang, "page-dashboard-patrols-no-posts")),
        note: localizer.format(
            lang,
            "page-dashboard-patrols-note",
            &[("layer", FluentValue::from(localizer.text(lang, "page-map-layer-patrols")))],
        ),
    }
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
    let patrolling = Patrolling { border: &state.border, corridor_m: state.settings.patrols.corridor_m };
    let found = figures::dashboard(&state.db, patrolling, Some(principal), year, state.settings.time_zone()).await;
    let dashboard = match found {
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
            notes: vec![
                localizer.text(&lang, "page-dashboard-note-linkages"),
                localizer.format(
                    &lang,
                    "page-dashboard-note-visits",
                    &[
                        ("distance", FluentValue::from(state.settings.visits.max_distance_m)),
                        ("accuracy", FluentValue::from(state.settings.visits.max_accuracy_m)),
                    ],
                ),
                localizer.text(&lang, "page-dashboard-note-outreach"),
                localizer.text(&lang, "page-dashboard-note-cases"),
            ],
            report: localizer.format(&lang, "page-report-link", &[("year", FluentValue::from(dashboard.compare_year))]),
        },
        base_year: dashboard.base_year,
        compare_year: dashboard.compare_year,
        sections: sections(localizer, &lang, &dashboard),
        patrols: dashboard.patrols.as_ref().map(|patrols| patrol_table(localizer, &lang, patrols)),
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
