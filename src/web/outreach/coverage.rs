//! `/outreach?from=&to=`: the coverage of a period as `GET /api/v1/outreach/coverage` gives it
//! (`services::outreach::coverage::coverage`, the same default period): the shares of key
//! villages and of all villages reached in their primary language, by language and by county,
//! and the key villages still uncovered.

use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use fluent_bundle::FluentValue;
use serde::Deserialize;

use super::TallyCells;
use crate::api::auth::Caller;
use crate::domain::auth::Action;
use crate::domain::filter::DateSpan;
use crate::services::auth;
use crate::services::outreach::coverage::{self, CoverageReport};
use crate::startup::AppState;
use crate::web::html::Layout;
use crate::web::records::{Back, Link, Texts, bad_input, bad_query, failure, layout, page, page_lang, read_query};

#[derive(Deserialize)]
struct CoverageQuery {
    from: Option<String>,
    to: Option<String>,
}

fn given(value: &Option<String>) -> Option<&str> {
    value.as_deref().filter(|text| !text.trim().is_empty())
}

/// A language's or a county's row.
pub struct GroupLine {
    /// The language tag or county code; empty for villages without one.
    pub key: String,
    pub name: String,
    pub key_villages: TallyCells,
    pub all_villages: TallyCells,
}

impl GroupLine {
    pub fn cells(&self) -> [(&'static str, &TallyCells); 2] {
        [("key", &self.key_villages), ("all", &self.all_villages)]
    }
}

/// The key villages' or all villages' row of the totals.
pub struct TotalLine {
    pub id: &'static str,
    pub label: String,
    pub cells: TallyCells,
}

/// The table by language or by county.
pub struct GroupTable {
    pub id: &'static str,
    pub heading: String,
    pub column: String,
    pub lines: Vec<GroupLine>,
}

pub struct UncoveredLine {
    pub id: i32,
    pub village: Link,
    pub language: String,
    pub county: String,
}

#[derive(Template)]
#[template(path = "outreach/coverage.html")]
struct CoveragePage {
    layout: Layout,
    t: Texts,
    from: String,
    to: String,
    first: String,
    last: String,
    sessions: u64,
    has_data: bool,
    /// The period and the sessions recorded in it, in words.
    period: String,
    totals: Vec<TotalLine>,
    groups: Vec<GroupTable>,
    uncovered: Vec<UncoveredLine>,
}

fn coverage_page(t: Texts, layout: Layout, query: &CoverageQuery, report: &CoverageReport) -> CoveragePage {
    let has_data = report.has_data;
    let by_language: Vec<GroupLine> = report
        .by_language
        .iter()
        .map(|group| GroupLine {
            key: group.key.clone().unwrap_or_default(),
            name: group.key.as_deref().map_or_else(|| t.get("page-outreach-no-language"), |tag| t.language(tag)),
            key_villages: TallyCells::new(&t, &group.tally.key, has_data),
            all_villages: TallyCells::new(&t, &group.tally.all, has_data),
        })
        .collect();
    let by_county: Vec<GroupLine> = report
        .by_county
        .iter()
        .map(|group| GroupLine {
            key: group.key.as_ref().map(|county| county.code.clone()).unwrap_or_default(),
            name: group.key.as_ref().map_or_else(|| t.get("page-outreach-no-county"), |county| t.unit(Some(county))),
            key_villages: TallyCells::new(&t, &group.tally.key, has_data),
            all_villages: TallyCells::new(&t, &group.tally.all, has_data),
        })
        .collect();
    let uncovered = report
        .uncovered_key_villages
        .iter()
        .map(|village| UncoveredLine {
            id: village.id,
            village: Link::new(
                format!("/villages/{}", village.id),
                t.name(&village.name_zh, village.name_en.as_deref()),
            ),
            language: village
                .primary_language
                .as_deref()
                .map_or_else(|| t.get("page-outreach-no-language"), |tag| t.language(tag)),
            county: t.unit(village.county.as_ref()),
        })
        .collect();
    CoveragePage {
        layout,
        from: given(&query.from).map(str::trim).unwrap_or_default().to_owned(),
        to: given(&query.to).map(str::trim).unwrap_or_default().to_owned(),
        first: report.first.to_string(),
        last: report.last.to_string(),
        sessions: report.sessions,
        has_data,
        period: t.format(
            "page-outreach-coverage-period",
            &[
                ("from", FluentValue::from(report.first.to_string())),
                ("to", FluentValue::from(report.last.to_string())),
                ("sessions", FluentValue::from(report.sessions)),
            ],
        ),
        totals: vec![
            TotalLine {
                id: "key-villages",
                label: t.get("page-outreach-key-villages"),
                cells: TallyCells::new(&t, &report.totals.key, has_data),
            },
            TotalLine {
                id: "all-villages",
                label: t.get("page-outreach-all-villages"),
                cells: TallyCells::new(&t, &report.totals.all, has_data),
            },
        ],
        groups: vec![
            GroupTable {
                id: "by-language",
                heading: t.get("page-outreach-by-language"),
                column: t.get("page-outreach-language"),
                lines: by_language,
            },
            GroupTable {
                id: "by-county",
                heading: t.get("page-outreach-by-county"),
                column: t.get("page-record-county"),
                lines: by_county,
            },
        ],
        uncovered,
        t,
    }
}

/// `GET /outreach`.
pub async fn show(req: HttpRequest, state: web::Data<AppState>, caller: Caller) -> HttpResponse {
    let t = Texts::new(&page_lang(&req, &caller));
    let principal = match auth::require(caller.principal(), Action::PlanOutreach) {
        Ok(principal) => principal,
        Err(error) => return failure(&req, &t, error, Back::Outreach),
    };
    let query: CoverageQuery = match read_query(&req) {
        Ok(query) => query,
        Err(reason) => return bad_query(&t, reason, Back::Outreach),
    };
    let days = match DateSpan::parse(None, given(&query.from), given(&query.to)) {
        Ok(days) => days,
        Err(error) => return bad_input(&t, &error, Back::Outreach),
    };
    let report = match coverage::coverage(&state.db, Some(principal), &days, state.settings.time_zone()).await {
        Ok(report) => report,
        Err(error) => return failure(&req, &t, error, Back::Outreach),
    };
    let layout = layout(&t, &req, principal, "page-outreach-title", None);
    page(&coverage_page(t, layout, &query, &report))
}
