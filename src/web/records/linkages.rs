//! `/linkages` (filters: county, department, active only; paging) and `/linkages/{id}`: the
//! pair it makes, its rule and officers, and its visits per month against the rule.

use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use fluent_bundle::FluentValue;
use serde::Deserialize;

use super::villages::{LinkageLine, linkage_line, period, rule};
use super::{
    Back, Choice, Pager, Texts, bad_input, bad_query, county_choices, failure, href, layout, map_href, page, page_lang,
    page_of, read_query,
};
use crate::api::auth::Caller;
use crate::domain::auth::Action;
use crate::domain::filter::LinkageFilter;
use crate::domain::paging::{ListFilter, parse_id};
use crate::domain::period::parse_year;
use crate::services::auth;
use crate::services::records::{self, MonthVisits};
use crate::startup::AppState;
use crate::web::html::Layout;

#[derive(Template)]
#[template(path = "records/linkage_list.html")]
struct ListPage {
    layout: Layout,
    t: Texts,
    counties: Vec<Choice>,
    departments: Vec<Choice>,
    active_only: bool,
    matched: u64,
    linkages: Vec<LinkageLine>,
    pager: Pager,
}

#[derive(Deserialize)]
struct ListQuery {
    county: Option<String>,
    department: Option<String>,
    active: Option<String>,
    limit: Option<String>,
    offset: Option<String>,
}

/// `GET /linkages`.
pub async fn list(req: HttpRequest, state: web::Data<AppState>, caller: Caller) -> HttpResponse {
    let t = Texts::new(&page_lang(&req, &caller));
    let principal = match auth::require(caller.principal(), Action::ReadLinkages) {
        Ok(principal) => principal,
        Err(error) => return failure(&req, &t, error, Back::Linkages),
    };
    let query: ListQuery = match read_query(&req) {
        Ok(query) => query,
        Err(reason) => return bad_query(&t, reason, Back::Linkages),
    };
    let parsed = LinkageFilter::parse(query.county.as_deref(), query.department.as_deref(), query.active.as_deref())
        .and_then(|filter| Ok((filter, page_of(query.limit.as_deref(), query.offset.as_deref())?)));
    let (filter, paging) = match parsed {
        Ok(parsed) => parsed,
        Err(error) => return bad_input(&t, &error, Back::Linkages),
    };
    let tz = state.settings.time_zone();
    let scope = &principal.jurisdiction;
    let found = records::linkages(&state.db, Some(principal), &filter, ListFilter { bbox: None, page: paging }, tz);
    let (found, counties, departments) = match (
        found.await,
        records::counties(&state.db, scope).await,
        records::department_choices(&state.db, scope).await,
    ) {
        (Ok(found), Ok(counties), Ok(departments)) => (found, counties, departments),
        (Err(error), _, _) | (_, Err(error), _) | (_, _, Err(error)) => {
            return failure(&req, &t, error, Back::Linkages);
        }
    };
    let kept = [
        ("county", filter.county.clone().unwrap_or_default()),
        ("department", filter.department_id.map(|id| id.to_string()).unwrap_or_default()),
        ("active", if filter.active_only { "1".to_owned() } else { String::new() }),
    ];
    let list = ListPage {
        layout: layout(&t, &req, principal, "page-linkages-title", None),
        counties: county_choices(&t, &counties, filter.county.as_deref()),
        departments: departments
            .iter()
            .map(|department| Choice {
                value: department.id.to_string(),
                text: t.name(&department.name_zh, department.name_en.as_deref()),
                selected: filter.department_id == Some(department.id),
            })
            .collect(),
        active_only: filter.active_only,
        matched: found.matched,
        pager: Pager::new(&t, "/linkages", paging, found.matched, found.items.len(), &kept),
        linkages: found.items.iter().map(|linkage| linkage_line(&t, linkage)).collect(),
        t,
    };
    page(&list)
}

/// A month of the visit table.
pub struct MonthLine {
    pub month: u32,
    pub name: String,
    pub village: String,
    pub post: String,
    pub status: String,
    /// `met`, `short` or `not-due`, for styling and tests.
    pub state: &'static str,
}

fn month_line(t: &Texts, month: &MonthVisits) -> MonthLine {
    let against = |logged: u32, required: u32| {
        if month.met.is_some() { format!("{logged} / {required}") } else { format!("{logged} / —") }
    };
    let (status, state) = match month.met {
        Some(true) => (t.get("page-linkage-met"), "met"),
        Some(false) => (t.get("page-linkage-not-met"), "short"),
        None => (t.get("page-linkage-not-due"), "not-due"),
    };
    MonthLine {
        month: month.month,
        name: t.format("page-linkage-month-name", &[("month", FluentValue::from(month.month))]),
        village: against(month.village_logged, month.village_required),
        post: against(month.post_logged, month.post_required),
        status,
        state,
    }
}

#[derive(Template)]
#[template(path = "records/linkage.html")]
struct RecordPage {
    layout: Layout,
    t: Texts,
    line: LinkageLine,
    rule: String,
    period: String,
    officers: Vec<String>,
    visits_caption: String,
    months: Vec<MonthLine>,
    /// Other years with visits: (year, link).
    years: Vec<(i32, String)>,
    village_map: String,
}

#[derive(Deserialize)]
struct RecordQuery {
    year: Option<String>,
}

/// `GET /linkages/{id}[?year=]`.
pub async fn show(req: HttpRequest, state: web::Data<AppState>, caller: Caller, id: web::Path<String>) -> HttpResponse {
    let t = Texts::new(&page_lang(&req, &caller));
    let principal = match auth::require(caller.principal(), Action::ReadLinkages) {
        Ok(principal) => principal,
        Err(error) => return failure(&req, &t, error, Back::Linkages),
    };
    let query: RecordQuery = match read_query(&req) {
        Ok(query) => query,
        Err(reason) => return bad_query(&t, reason, Back::Linkages),
    };
    let year = query.year.as_deref().filter(|year| !year.trim().is_empty()).map(parse_year).transpose();
    let (id, year) = match parse_id(&id).and_then(|id| Ok((id, year?))) {
        Ok(parsed) => parsed,
        Err(error) => return bad_input(&t, &error, Back::Linkages),
    };
    let linkage = match records::linkage(&state.db, Some(principal), id, year, state.settings.time_zone()).await {
        Ok(linkage) => linkage,
        Err(error) => return failure(&req, &t, error, Back::Linkages),
    };
    let line = linkage_line(&t, &linkage.row);
    let title = t.format(
        "page-linkage-heading",
        &[
            ("department", FluentValue::from(line.department.text.clone())),
            ("village", FluentValue::from(line.village.text.clone())),
        ],
    );
    let record = RecordPage {
        layout: layout(&t, &req, principal, "page-linkages-title", Some(title)),
        rule: rule(&t, &linkage.row),
        period: period(&t, &linkage.row),
        officers: linkage.officers.iter().map(|officer| officer.display_name.clone()).collect(),
        visits_caption: t.format("page-linkage-visits", &[("year", FluentValue::from(linkage.year))]),
        months: linkage.months.iter().map(|month| month_line(&t, month)).collect(),
        years: linkage
            .visit_years
            .iter()
            .filter(|year| **year != linkage.year)
            .map(|year| (*year, href(&format!("/linkages/{id}"), &[("year", year.to_string())])))
            .collect(),
        village_map: map_href("village", linkage.row.village.id),
        line,
        t,
    };
    page(&record)
}
