//! `/departments` (paging) and `/departments/{id}`: its linkages and officers.

use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use serde::Deserialize;

use super::villages::{LinkageLine, linkage_line};
use super::{
    Back, Link, Pager, Texts, bad_input, bad_query, failure, href, layout, page, page_lang, page_of, read_query,
};
use crate::api::auth::Caller;
use crate::domain::auth::Action;
use crate::domain::paging::{ListFilter, parse_id};
use crate::services::auth;
use crate::services::records::{self, DepartmentRow};
use crate::startup::AppState;
use crate::web::html::Layout;

pub struct Row {
    pub id: i64,
    pub name: Link,
    pub kind: String,
    pub unit: String,
    pub linkages: String,
}

fn row(t: &Texts, department: &DepartmentRow) -> Row {
    Row {
        id: department.id,
        name: Link::new(
            format!("/departments/{}", department.id),
            t.name(&department.name_zh, department.name_en.as_deref()),
        ),
        kind: t.department_kind(&department.kind),
        unit: t.unit(department.unit.as_ref()),
        linkages: department.linkages.to_string(),
    }
}

#[derive(Template)]
#[template(path = "records/department_list.html")]
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

/// `GET /departments`.
pub async fn list(req: HttpRequest, state: web::Data<AppState>, caller: Caller) -> HttpResponse {
    let t = Texts::new(&page_lang(&req, &caller));
    let principal = match auth::require(caller.principal(), Action::ReadDepartments) {
        Ok(principal) => principal,
        Err(error) => return failure(&req, &t, error, Back::Departments),
    };
    let query: ListQuery = match read_query(&req) {
        Ok(query) => query,
        Err(reason) => return bad_query(&t, reason, Back::Departments),
    };
    let paging = match page_of(query.limit.as_deref(), query.offset.as_deref()) {
        Ok(paging) => paging,
        Err(error) => return bad_input(&t, &error, Back::Departments),
    };
    let found = match records::departments(&state.db, Some(principal), ListFilter { bbox: None, page: paging }).await {
        Ok(found) => found,
        Err(error) => return failure(&req, &t, error, Back::Departments),
    };
    let list = ListPage {
        layout: layout(&t, &req, principal, "page-departments-title", None),
        matched: found.matched,
        pager: Pager::new(&t, "/departments", paging, found.matched, found.items.len(), &[]),
        rows: found.items.iter().map(|department| row(&t, department)).collect(),
        t,
    };
    page(&list)
}

#[derive(Template)]
#[template(path = "records/department.html")]
struct RecordPage {
    layout: Layout,
    t: Texts,
    code: String,
    other_name: Option<String>,
    kind: String,
    unit: String,
    county: String,
    linkages: Option<Vec<LinkageLine>>,
    /// The linkage list filtered to this department.
    linkages_href: String,
    officers: Vec<String>,
}

/// `GET /departments/{id}`.
pub async fn show(req: HttpRequest, state: web::Data<AppState>, caller: Caller, id: web::Path<String>) -> HttpResponse {
    let t = Texts::new(&page_lang(&req, &caller));
    let principal = match auth::require(caller.principal(), Action::ReadDepartments) {
        Ok(principal) => principal,
        Err(error) => return failure(&req, &t, error, Back::Departments),
    };
    let id = match parse_id(&id) {
        Ok(id) => id,
        Err(error) => return bad_input(&t, &error, Back::Departments),
    };
    let department = match records::department(&state.db, Some(principal), id, state.settings.time_zone()).await {
        Ok(department) => department,
        Err(error) => return failure(&req, &t, error, Back::Departments),
    };
    let listed = row(&t, &department.row);
    let name = listed.name.text.clone();
    let other_name = [Some(department.row.name_zh.as_str()), department.row.name_en.as_deref()]
        .into_iter()
        .flatten()
        .find(|other| *other != name)
        .map(str::to_owned);
    let record = RecordPage {
        layout: layout(&t, &req, principal, "page-departments-title", Some(name)),
        code: department.row.code.clone(),
        other_name,
        kind: listed.kind,
        unit: listed.unit,
        county: t.unit(department.row.place.county.as_ref()),
        linkages: department
            .linkages
            .as_ref()
            .map(|rows| rows.iter().map(|linkage| linkage_line(&t, linkage)).collect()),
        linkages_href: href("/linkages", &[("department", id.to_string())]),
        officers: department.officers.iter().map(|officer| officer.display_name.clone()).collect(),
        t,
    };
    page(&record)
}
