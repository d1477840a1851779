//! `/posts` (paging) and `/posts/{id}`: the sector, the villages in it and the linkages.

use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use serde::Deserialize;

use super::villages::{LinkageLine, Row as VillageLine, linkage_line, row as village_line};
use super::{
    Back, Link, Pager, Texts, bad_input, bad_query, failure, km, layout, map_href, metres, page, page_lang, page_of,
    read_query,
};
use crate::api::auth::Caller;
use crate::domain::auth::Action;
use crate::domain::paging::{ListFilter, parse_id};
use crate::services::auth;
use crate::services::records::{self, PostRow};
use crate::startup::AppState;
use crate::web::html::Layout;

pub struct Row {
    pub id: i64,
    pub name: Link,
    pub place: String,
    pub sector_start_km: String,
    pub sector_end_km: String,
    pub sector_length_km: String,
    pub staff: String,
}

fn row(t: &Texts, post: &PostRow) -> Row {
    let place = match (&post.place.township, &post.place.county) {
        (Some(township), county) => format!("{} / {}", t.unit(Some(township)), t.unit(county.as_ref())),
        (None, county) => t.unit(county.as_ref()),
    };
    Row {
        id: post.id,
        name: Link::new(format!("/posts/{}", post.id), t.name(&post.name_zh, post.name_en.as_deref())),
        place,
        sector_start_km: km(Some(post.sector_start_km)),
        sector_end_km: km(Some(post.sector_end_km)),
        sector_length_km: km(Some(post.sector_length_km())),
        staff: post.staff.to_string(),
    }
}

#[derive(Template)]
#[template(path = "records/post_list.html")]
struct ListPage {
    layout: Layout,
    t: Texts,
    matched: u64,
    rows: Vec<Row>,
    pager: Pager,
}

#[derive(Deserialize)]
struct ListQuery {
    limit: Option<String>,
    offset: Option<String>,
}

/// `GET /posts`.
pub async fn list(req: HttpRequest, state: web::Data<AppState>, caller: Caller) -> HttpResponse {
    let t = Texts::new(&page_lang(&req, &caller));
    let principal = match auth::require(caller.principal(), Action::ReadPosts) {
        Ok(principal) => principal,
        Err(error) => return failure(&req, &t, error, Back::Posts),
    };
    let query: ListQuery = match read_query(&req) {
        Ok(query) => query,
        Err(reason) => return bad_query(&t, reason, Back::Posts),
    };
    let paging = match page_of(query.limit.as_deref(), query.offset.as_deref()) {
        Ok(paging) => paging,
        Err(error) => return bad_input(&t, &error, Back::Posts),
    };
    let found = match records::posts(&state.db, Some(principal), ListFilter { bbox: None, page: paging }).await {
        Ok(found) => found,
        Err(error) => return failure(&req, &t, error, Back::Posts),
    };
    let list = ListPage {
        layout: layout(&t, &req, principal, "page-posts-title", None),
        matched: found.matched,
        pager: Pager::new(&t, "/posts", paging, found.matched, found.items.len(), &[]),
        rows: found.items.iter().map(|post| row(&t, post)).collect(),
        t,
    };
    page(&list)
}

#[derive(Template)]
#[template(path = "records/post.html")]
struct RecordPage {
    layout: Layout,
    t: Texts,
    code: String,
    other_name: Option<String>,
    county: String,
    township: String,
    sector_start_km: String,
    sector_end_km: String,
    sector_length_km: String,
    staff: String,
    border_km: String,
    distance_m: String,
    section: String,
    side: String,
    position: String,
    is_demo: bool,
    villages: Vec<VillageLine>,
    linkages: Option<Vec<LinkageLine>>,
    map: String,
}

/// `GET /posts/{id}`.
pub async fn show(req: HttpRequest, state: web::Data<AppState>, caller: Caller, id: web::Path<String>) -> HttpResponse {
    let t = Texts::new(&page_lang(&req, &caller));
    let principal = match auth::require(caller.principal(), Action::ReadPosts) {
        Ok(principal) => principal,
        Err(error) => return failure(&req, &t, error, Back::Posts),
    };
    let id = match parse_id(&id) {
        Ok(id) => id,
        Err(error) => return bad_input(&t, &error, Back::Posts),
    };
    let post = match records::post(&state.db, Some(principal), id, state.settings.time_zone()).await {
        Ok(post) => post,
        Err(error) => return failure(&req, &t, error, Back::Posts),
    };
    let listed = row(&t, &post.row);
    let name = listed.name.text.clone();
    let other_name = [Some(post.row.name_zh.as_str()), post.row.name_en.as_deref()]
        .into_iter()
        .flatten()
        .find(|other| *other != name)
        .map(str::to_owned);
    let record = RecordPage {
        layout: layout(&t, &req, principal, "page-posts-title", Some(name)),
        code: post.row.code.clone(),
        other_name,
        county: t.unit(post.row.place.county.as_ref()),
        township: t.unit(post.row.place.township.as_ref()),
        sector_start_km: listed.sector_start_km,
        sector_end_km: listed.sector_end_km,
        sector_length_km: listed.sector_length_km,
        staff: listed.staff,
        border_km: km(post.border.border_km),
        distance_m: metres(post.border.distance_m),
        section: t.section(post.border.section.as_deref()),
        side: t.side(post.border.side.as_deref()),
        position: format!("{:.5}, {:.5}", post.lon, post.lat),
        is_demo: post.is_demo,
        villages: post.villages.iter().map(|village| village_line(&t, village)).collect(),
        linkages: post.linkages.as_ref().map(|rows| rows.iter().map(|linkage| linkage_line(&t, linkage)).collect()),
        map: map_href("post", id),
        t,
    };
    page(&record)
}
