//! `/villages` (filters: county, key villages only, name; paging) and `/villages/{id}`.

use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use fluent_bundle::FluentValue;
use serde::Deserialize;

use super::{
    Back, Choice, Link, Pager, Texts, bad_input, bad_query, county_choices, failure, grouped, href, km, layout,
    map_href, metres, page, page_lang, page_of, read_query,
};
use crate::api::auth::Caller;
use crate::domain::auth::Action;
use crate::domain::filter::VillageFilter;
use crate::domain::paging::{ListFilter, parse_id};
use crate::services::auth;
use crate::services::records::{self, LinkageRow, PostRow, VillageRow};
use crate::startup::AppState;
use crate::web::html::Layout;

/// A village as a table row.
pub struct Row {
    pub id: i64,
    pub name: Link,
    pub place: String,
    pub key: String,
    pub households: String,
    pub border_km: String,
    pub distance_m: String,
}

pub(super) fn row(t: &Texts, village: &VillageRow) -> Row {
    let place = match (&village.place.township, &village.place.county) {
        (Some(township), county) => format!("{} / {}", t.unit(Some(township)), t.unit(county.as_ref())),
        (None, county) => t.unit(county.as_ref()),
    };
    Row {
        id: village.id,
        name: Link::new(format!("/villages/{}", village.id), t.name(&village.name_zh, village.name_en.as_deref())),
        place,
        key: if village.is_key { t.get("page-village-key") } else { String::new() },
        households: grouped(i64::from(village.households)),
        border_km: km(village.border_km),
        distance_m: metres(village.distance_m),
    }
}

#[derive(Template)]
#[template(path = "records/village_list.html")]
struct ListPage {
    layout: Layout,
    t: Texts,
    counties: Vec<Choice>,
    name: String,
    key_only: bool,
    matched: u64,
    rows: Vec<Row>,
    pager: Pager,
}

#[derive(Deserialize)]
struct ListQuery {
    county: Option<String>,
    key: Option<String>,
    name: Option<String>,
    limit: Option<String>,
    offset: Option<String>,
}

/// `GET /villages`.
pub async fn list(req: HttpRequest, state: web::Data<AppState>, caller: Caller) -> HttpResponse {
    let t = Texts::new(&page_lang(&req, &caller));
    let principal = match auth::require(caller.principal(), Action::ReadVillages) {
        Ok(principal) => principal,
        Err(error) => return failure(&req, &t, error, Back::Villages),
    };
    let query: ListQuery = match read_query(&req) {
        Ok(query) => query,
        Err(reason) => return bad_query(&t, reason, Back::Villages),
    };
    let parsed = VillageFilter::parse(query.county.as_deref(), query.key.as_deref(), query.name.as_deref())
        .and_then(|filter| Ok((filter, page_of(query.limit.as_deref(), query.offset.as_deref())?)));
    let (filter, paging) = match parsed {
        Ok(parsed) => parsed,
        Err(error) => return bad_input(&t, &error, Back::Villages),
    };
    let found = records::villages(&state.db, Some(principal), &filter, ListFilter { bbox: None, page: paging }).await;
    let counties = records::counties(&state.db, &principal.jurisdiction).await;
    let (found, counties) = match (found, counties) {
        (Ok(found), Ok(counties)) => (found, counties),
        (Err(error), _) | (_, Err(error)) => return failure(&req, &t, error, Back::Villages),
    };
    let kept = [
        ("county", filter.county.clone().unwrap_or_default()),
        ("key", if filter.key_only { "1".to_owned() } else { String::new() }),
        ("name", filter.name.clone().unwrap_or_default()),
    ];
    let list = ListPage {
        layout: layout(&t, &req, principal, "page-villages-title", None),
        counties: county_choices(&t, &counties, filter.county.as_deref()),
        name: filter.name.clone().unwrap_or_default(),
        key_only: filter.key_only,
        matched: found.matched,
        pager: Pager::new(&t, "/villages", paging, found.matched, found.items.len(), &kept),
        rows: found.items.iter().map(|village| row(&t, village)).collect(),
        t,
    };
    page(&list)
}

/// A year of indicators: the shown text and the stored number (empty when missing).
pub struct IndicatorCell {
    pub text: String,
    pub value: String,
}

pub struct IndicatorLine {
    pub year: i32,
    pub cells: [IndicatorCell; 3],
}

/// A linkage as listed on the village and post pages.
pub struct LinkageLine {
    pub id: i64,
    pub link: Link,
    pub department: Link,
    pub village: Link,
    pub post: Link,
    pub period: String,
    pub rule: String,
    pub active: String,
}

pub(super) fn period(t: &Texts, linkage: &LinkageRow) -> String {
    let start = FluentValue::from(linkage.starts_on.to_string());
    match linkage.ends_on {
        None => t.format("page-linkage-period-open", &[("start", start)]),
        Some(end) => {
            t.format("page-linkage-period-closed", &[("start", start), ("end", FluentValue::from(end.to_string()))])
        }
    }
}

pub(super) fn rule(t: &Texts, linkage: &LinkageRow) -> String {
    t.format(
        "page-linkage-rule-text",
        &[
            ("village", FluentValue::from(linkage.village_visits_per_month)),
            ("post", FluentValue::from(linkage.post_visits_per_month)),
        ],
    )
}

pub(super) fn linkage_line(t: &Texts, linkage: &LinkageRow) -> LinkageLine {
    LinkageLine {
        id: linkage.id,
        link: Link::new(format!("/linkages/{}", linkage.id), format!("#{}", linkage.id)),
        department: Link::to("departments", &linkage.department, t),
        village: Link::to("villages", &linkage.village, t),
        post: Link::to("posts", &linkage.post, t),
        period: period(t, linkage),
        rule: rule(t, linkage),
        active: t.get(if linkage.active { "page-linkage-active" } else { "page-linkage-inactive" }),
    }
}

/// A post named on another page, with its sector.
pub struct PostLine {
    pub id: i64,
    pub link: Link,
    pub sector: String,
}

pub(super) fn post_line(t: &Texts, post: &PostRow) -> PostLine {
    PostLine {
        id: post.id,
        link: Link::new(format!("/posts/{}", post.id), t.name(&post.name_zh, post.name_en.as_deref())),
        sector: format!("{} – {}", km(Some(post.sector_start_km)), km(Some(post.sector_end_km))),
    }
}

#[derive(Template)]
#[template(path = "records/village.html")]
struct RecordPage {
    layout: Layout,
    t: Texts,
    code: String,
    other_name: Option<String>,
    local_name: Option<String>,
    county: String,
    township: String,
    is_key: bool,
    key: String,
    households: String,
    population: Option<String>,
    ethnic_groups: String,
    languages: Vec<String>,
    border_km: String,
    distance_m: String,
    section: String,
    side: String,
    position: String,
    is_demo: bool,
    indicators: Vec<IndicatorLine>,
    /// `None` for roles that may not read linkages: the section is left out.
    linkages: Option<Vec<LinkageLine>>,
    posts: Vec<PostLine>,
    map: String,
    list: String,
}

/// `GET /villages/{id}`.
pub async fn show(req: HttpRequest, state: web::Data<AppState>, caller: Caller, id: web::Path<String>) -> HttpResponse {
    let t = Texts::new(&page_lang(&req, &caller));
    let principal = match auth::require(caller.principal(), Action::ReadVillages) {
        Ok(principal) => principal,
        Err(error) => return failure(&req, &t, error, Back::Villages),
    };
    let id = match parse_id(&id) {
        Ok(id) => id,
        Err(error) => return bad_input(&t, &error, Back::Villages),
    };
    let village = match records::village(&state.db, Some(principal), id, state.settings.time_zone()).await {
        Ok(village) => village,
        Err(error) => return failure(&req, &t, error, Back::Villages),
    };
    let county_code = village.row.place.county.as_ref().map(|county| county.code.clone()).unwrap_or_default();
    let row = &village.row;
    let name = t.name(&row.name_zh, row.name_en.as_deref());
    let other_name = [Some(row.name_zh.as_str()), row.name_en.as_deref()]
        .into_iter()
        .flatten()
        .find(|other| *other != name)
        .map(str::to_owned);
    let local_name = village.name_local.as_ref().map(|local| match &village.name_local_lang {
        Some(lang) => format!("{local} ({})", t.language(lang)),
        None => local.clone(),
    });
    let indicators = village
        .indicators
        .iter()
        .map(|year| IndicatorLine {
            year: year.year,
            cells: [
                year.collective_income_cny,
                year.per_capita_income_cny,
                year.villagers_in_cross_border_crime.map(i64::from),
            ]
            .map(|value| IndicatorCell {
                text: t.figure(value),
                value: value.map(|value| value.to_string()).unwrap_or_default(),
            }),
        })
        .collect();
    let record = RecordPage {
        layout: layout(&t, &req, principal, "page-villages-title", Some(name)),
        code: row.code.clone(),
        other_name,
        local_name,
        county: t.unit(row.place.county.as_ref()),
        township: t.unit(row.place.township.as_ref()),
        is_key: row.is_key,
        key: t.yes_no(row.is_key),
        households: grouped(i64::from(row.households)),
        population: village.population.map(|people| grouped(i64::from(people))),
        ethnic_groups: village
            .ethnic_groups
            .iter()
            .map(|group| t.ethnic_group(group))
            .collect::<Vec<_>>()
            .join(t.get("page-record-list-separator").as_str()),
        languages: village.languages.iter().map(|tag| t.language(tag)).collect(),
        border_km: km(village.border.border_km),
        distance_m: metres(village.border.distance_m),
        section: t.section(village.border.section.as_deref()),
        side: t.side(village.border.side.as_deref()),
        position: format!("{:.5}, {:.5}", village.lon, village.lat),
        is_demo: village.is_demo,
        indicators,
        linkages: village.linkages.as_ref().map(|rows| rows.iter().map(|linkage| linkage_line(&t, linkage)).collect()),
        posts: village.posts.iter().map(|post| post_line(&t, post)).collect(),
        map: map_href("village", id),
        list: href("/villages", &[("county", county_code)]),
        t,
    };
    page(&record)
}
