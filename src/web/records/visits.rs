//! `/visits` (filters: flags, dates, linkage, officer; paging with the total): the liaison
//! visits the caller may read, as `GET /api/v1/visits` lists them, with each visit's officer,
//! linkage, target, distance to it, accuracy and flags. The dashboard's flagged-visit rows link
//! here for their year.

use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use fluent_bundle::FluentValue;
use serde::Deserialize;

use super::{
    Back, Choice, Link, Pager, Texts, bad_input, bad_query, failure, layout, metres, page, page_lang, page_of,
    read_query, slug,
};
use crate::api::auth::Caller;
use crate::domain::auth::Action;
use crate::domain::visit::{FLAGS, Flagged, VisitFilter};
use crate::services::auth;
use crate::services::records::{self, VisitRow};
use crate::startup::AppState;
use crate::web::html::Layout;

pub struct Row {
    pub id: i64,
    pub time: String,
    pub officer: String,
    pub linkage: Link,
    pub target_kind: String,
    pub target: Link,
    pub distance_m: String,
    pub accuracy_m: String,
    /// Flag codes, space-separated (`data-flags`).
    pub flag_codes: String,
    /// The flags in words, or a dash.
    pub flags: String,
}

fn row(t: &Texts, visit: &VisitRow, tz: chrono_tz::Tz) -> Row {
    let heading = t.format(
        "page-linkage-heading",
        &[
            ("department", FluentValue::from(t.name(&visit.department.name_zh, visit.department.name_en.as_deref()))),
            ("village", FluentValue::from(t.name(&visit.village.name_zh, visit.village.name_en.as_deref()))),
        ],
    );
    let flags: Vec<String> = visit.flags.iter().map(|code| flag_text(t, code)).collect();
    Row {
        id: visit.id,
        time: visit.visited_at.with_timezone(&tz).format("%Y-%m-%d %H:%M").to_string(),
        officer: visit.officer.display_name.clone(),
        linkage: Link { href: visit.linkage_visible.then(|| format!("/linkages/{}", visit.linkage_id)), text: heading },
        target_kind: t.get(if visit.target_kind == "post" { "page-linkage-post" } else { "page-linkage-village" }),
        target: Link::to(if visit.target_kind == "post" { "posts" } else { "villages" }, &visit.target, t),
        distance_m: metres(visit.distance_to_target_m),
        accuracy_m: metres(Some(visit.accuracy_m)),
        flag_codes: visit.flags.join(" "),
        flags: if flags.is_empty() { "—".to_owned() } else { flags.join(&t.get("page-record-list-separator")) },
    }
}

/// A flag in words (its code when unknown).
fn flag_text(t: &Texts, code: &str) -> String {
    t.term(&format!("page-visit-flag-{}", slug(code)), code)
}

#[derive(Default, Deserialize)]
struct ListQuery {
    flagged: Option<String>,
    from: Option<String>,
    to: Option<String>,
    linkage: Option<String>,
    officer: Option<String>,
    limit: Option<String>,
    offset: Option<String>,
}

impl ListQuery {
    fn parse(&self) -> Result<VisitFilter, crate::domain::DomainError> {
        VisitFilter::parse(
            self.linkage.as_deref(),
            self.officer.as_deref(),
            self.flagged.as_deref(),
            self.from.as_deref(),
            self.to.as_deref(),
        )
    }

    /// The filter fields, for the form and the paging links.
    fn kept(&self) -> Vec<(&'static str, String)> {
        let text = |value: &Option<String>| value.as_deref().map(str::trim).unwrap_or_default().to_owned();
        vec![
            ("flagged", text(&self.flagged)),
            ("from", text(&self.from)),
            ("to", text(&self.to)),
            ("linkage", text(&self.linkage)),
            ("officer", text(&self.officer)),
        ]
    }
}

#[derive(Template)]
#[template(path = "records/visit_list.html")]
struct ListPage {
    layout: Layout,
    t: Texts,
    flags: Vec<Choice>,
    from: String,
    to: String,
    linkage: String,
    officer: String,
    matched: u64,
    rows: Vec<Row>,
    pager: Pager,
}

/// The options of the flag filter: any flag, each flag, no flag.
fn flag_choices(t: &Texts, selected: Option<Flagged>) -> Vec<Choice> {
    let options = std::iter::once((Flagged::Yes, t.get("page-visits-flagged-any")))
        .chain(FLAGS.into_iter().map(|flag| (Flagged::With(flag), flag_text(t, flag))))
        .chain(std::iter::once((Flagged::No, t.get("page-visits-flagged-none"))));
    options
        .map(|(flagged, text)| Choice { value: flagged.code().to_owned(), text, selected: selected == Some(flagged) })
        .collect()
}

/// `GET /visits`.
pub async fn list(req: HttpRequest, state: web::Data<AppState>, caller: Caller) -> HttpResponse {
    let t = Texts::new(&page_lang(&req, &caller));
    let principal = match auth::require(caller.principal(), Action::ReadLinkages) {
        Ok(principal) => principal,
        Err(error) => return failure(&req, &t, error, Back::Visits),
    };
    let query: ListQuery = match read_query(&req) {
        Ok(query) => query,
        Err(reason) => return bad_query(&t, reason, Back::Visits),
    };
    let parsed =
        query.parse().and_then(|filter| Ok((filter, page_of(query.limit.as_deref(), query.offset.as_deref())?)));
    let (filter, paging) = match parsed {
        Ok(parsed) => parsed,
        Err(error) => return bad_input(&t, &error, Back::Visits),
    };
    let tz = state.settings.time_zone();
    let found = match records::visits(&state.db, Some(principal), &filter, paging, tz).await {
        Ok(found) => found,
        Err(error) => return failure(&req, &t, error, Back::Visits),
    };
    let kept = query.kept();
    let field =
        |name: &str| kept.iter().find(|(key, _)| *key == name).map(|(_, value)| value.clone()).unwrap_or_default();
    let list = ListPage {
        layout: layout(&t, &req, principal, "page-visits-title", None),
        flags: flag_choices(&t, filter.flagged),
        from: field("from"),
        to: field("to"),
        linkage: field("linkage"),
        officer: field("officer"),
        matched: found.matched,
        pager: Pager::new(&t, "/visits", paging, found.matched, found.items.len(), &kept),
        rows: found.items.iter().map(|visit| row(&t, visit, tz)).collect(),
        t,
    };
    page(&list)
}
