//! `/incidents` (filters: year or dates, category, section, county, km range; paging with the
//! total) and `/incidents/{id}`. Times are shown in the reporting time zone.

use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use serde::Deserialize;

use super::{
    Back, Choice, Link, Pager, Texts, bad_input, bad_query, county_choices, failure, km, layout, map_href, metres,
    page, page_lang, page_of, read_query,
};
use crate::api::auth::Caller;
use crate::domain::auth::Action;
use crate::domain::filter::{IncidentFilter, IncidentQuery, SECTIONS};
use crate::domain::incident::Category;
use crate::domain::paging::{ListFilter, parse_id};
use crate::services::auth;
use crate::services::records::{self, IncidentRow};
use crate::startup::AppState;
use crate::web::html::Layout;

pub struct Row {
    pub id: i64,
    pub time: Link,
    pub category: String,
    pub persons: i32,
    pub villagers: i32,
    pub village: Option<Link>,
    pub county: String,
    pub section: String,
    pub border_km: String,
    pub distance_m: String,
}

fn local_time(instant: chrono::DateTime<chrono::Utc>, tz: chrono_tz::Tz) -> String {
    instant.with_timezone(&tz).format("%Y-%m-%d %H:%M").to_string()
}

fn row(t: &Texts, incident: &IncidentRow, tz: chrono_tz::Tz) -> Row {
    Row {
        id: incident.id,
        time: Link::new(format!("/incidents/{}", incident.id), local_time(incident.occurred_at, tz)),
        category: t.category(&incident.category),
        persons: incident.persons_apprehended,
        villagers: incident.villagers_involved,
        village: incident.village.as_ref().map(|village| Link::to("villages", village, t)),
        county: t.unit(incident.place.county.as_ref()),
        section: t.section(incident.border.section.as_deref()),
        border_km: km(incident.border.border_km),
        distance_m: metres(incident.border.distance_m),
    }
}

/// The filter form as typed, shown again above the results.
#[derive(Default, Deserialize)]
struct ListQuery {
    year: Option<String>,
    from: Option<String>,
    to: Option<String>,
    category: Option<String>,
    section: Option<String>,
    county: Option<String>,
    min_km: Option<String>,
    max_km: Option<String>,
    limit: Option<String>,
    offset: Option<String>,
}

impl ListQuery {
    fn parse(&self) -> Result<IncidentFilter, crate::domain::DomainError> {
        IncidentFilter::parse(IncidentQuery {
            year: self.year.as_deref(),
            from: self.from.as_deref(),
            to: self.to.as_deref(),
            category: self.category.as_deref(),
            section: self.section.as_deref(),
            county: self.county.as_deref(),
            min_km: self.min_km.as_deref(),
            max_km: self.max_km.as_deref(),
        })
    }

    /// The filter fields, for the form and the paging links.
    fn kept(&self) -> Vec<(&'static str, String)> {
        let text = |value: &Option<String>| value.as_deref().map(str::trim).unwrap_or_default().to_owned();
        vec![
            ("year", text(&self.year)),
            ("from", text(&self.from)),
            ("to", text(&self.to)),
            ("category", text(&self.category)),
            ("section", text(&self.section)),
            ("county", text(&self.county)),
            ("min_km", text(&self.min_km)),
            ("max_km", text(&self.max_km)),
        ]
    }
}

#[derive(Template)]
#[template(path = "records/incident_list.html")]
struct ListPage {
    layout: Layout,
    t: Texts,
    year: String,
    from: String,
    to: String,
    min_km: String,
    max_km: String,
    categories: Vec<Choice>,
    sections: Vec<Choice>,
    counties: Vec<Choice>,
    matched: u64,
    rows: Vec<Row>,
    pager: Pager,
}

/// `GET /incidents`.
pub async fn list(req: HttpRequest, state: web::Data<AppState>, caller: Caller) -> HttpResponse {
    let t = Texts::new(&page_lang(&req, &caller));
    let principal = match auth::require(caller.principal(), Action::ReadIncidents) {
        Ok(principal) => principal,
        Err(error) => return failure(&req, &t, error, Back::Incidents),
    };
    let query: ListQuery = match read_query(&req) {
        Ok(query) => query,
        Err(reason) => return bad_query(&t, reason, Back::Incidents),
    };
    let parsed =
        query.parse().and_then(|filter| Ok((filter, page_of(query.limit.as_deref(), query.offset.as_deref())?)));
    let (filter, paging) = match parsed {
        Ok(parsed) => parsed,
        Err(error) => return bad_input(&t, &error, Back::Incidents),
    };
    let tz = state.settings.time_zone();
    let found = records::incidents(&state.db, Some(principal), &filter, ListFilter { bbox: None, page: paging }, tz);
    let (found, counties) = match (found.await, records::counties(&state.db, &principal.jurisdiction).await) {
        (Ok(found), Ok(counties)) => (found, counties),
        (Err(error), _) | (_, Err(error)) => return failure(&req, &t, error, Back::Incidents),
    };
    let kept = query.kept();
    let field =
        |name: &str| kept.iter().find(|(key, _)| *key == name).map(|(_, value)| value.clone()).unwrap_or_default();
    let list = ListPage {
        layout: layout(&t, &req, principal, "page-incidents-title", None),
        year: field("year"),
        from: field("from"),
        to: field("to"),
        min_km: field("min_km"),
        max_km: field("max_km"),
        categories: Category::ALL
            .into_iter()
            .map(|category| Choice {
                value: category.code().to_owned(),
                text: t.category(category.code()),
                selected: filter.category == Some(category),
            })
            .collect(),
        sections: SECTIONS
            .into_iter()
            .map(|code| Choice {
                value: code.to_owned(),
                text: t.section(Some(code)),
                selected: filter.section == Some(code),
            })
            .collect(),
        counties: county_choices(&t, &counties, filter.county.as_deref()),
        matched: found.matched,
        pager: Pager::new(&t, "/incidents", paging, found.matched, found.items.len(), &kept),
        rows: found.items.iter().map(|incident| row(&t, incident, tz)).collect(),
        t,
    };
    page(&list)
}

#[derive(Template)]
#[template(path = "records/incident.html")]
struct RecordPage {
    layout: Layout,
    t: Texts,
    line: Row,
    township: String,
    source: String,
    description: Option<String>,
    side: String,
    position: String,
    is_demo: bool,
    posts: Vec<Link>,
    map: String,
}

/// `GET /incidents/{id}`.
pub async fn show(req: HttpRequest, state: web::Data<AppState>, caller: Caller, id: web::Path<String>) -> HttpResponse {
    let t = Texts::new(&page_lang(&req, &caller));
    let principal = match auth::require(caller.principal(), Action::ReadIncidents) {
        Ok(principal) => principal,
        Err(error) => return failure(&req, &t, error, Back::Incidents),
    };
    let id = match parse_id(&id) {
        Ok(id) => id,
        Err(error) => return bad_input(&t, &error, Back::Incidents),
    };
    let incident = match records::incident(&state.db, Some(principal), id).await {
        Ok(incident) => incident,
        Err(error) => return failure(&req, &t, error, Back::Incidents),
    };
    let line = row(&t, &incident.row, state.settings.time_zone());
    let title = format!("{} · {}", line.category, line.time.text);
    let record = RecordPage {
        layout: layout(&t, &req, principal, "page-incidents-title", Some(title)),
        township: t.unit(incident.row.place.township.as_ref()),
        source: t.source(&incident.source),
        description: incident.description.clone(),
        side: t.side(incident.row.border.side.as_deref()),
        position: format!("{:.5}, {:.5}", incident.lon, incident.lat),
        is_demo: incident.is_demo,
        posts: incident.posts.iter().map(|post| Link::to("posts", post, &t)).collect(),
        map: map_href("incident", id),
        line,
        t,
    };
    page(&record)
}
