//! `/outreach/sessions` (filters: team, status, from, to; paging with the total): the sessions
//! the caller may read, as `GET /api/v1/outreach/sessions` lists them (`services::outreach::list`,
//! by start then id), each with its local time, team, village, language, status, presenters, its
//! page and its printable notice.

use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use serde::Deserialize;

use super::{SessionLine, session_line, status_text};
use crate::api::auth::Caller;
use crate::domain::DomainError;
use crate::domain::auth::{Action, allows};
use crate::domain::outreach::{SessionFilter, Status};
use crate::services::auth;
use crate::services::outreach;
use crate::startup::AppState;
use crate::web::html::Layout;
use crate::web::records::{
    Back, Choice, Pager, Texts, bad_input, bad_query, failure, href, layout, page, page_lang, page_of, read_query,
};

#[derive(Default, Deserialize)]
struct ListQuery {
    team: Option<String>,
    status: Option<String>,
    from: Option<String>,
    to: Option<String>,
    limit: Option<String>,
    offset: Option<String>,
}

impl ListQuery {
    fn parse(&self) -> Result<SessionFilter, DomainError> {
        SessionFilter::parse(self.team.as_deref(), self.from.as_deref(), self.to.as_deref(), self.status.as_deref())
    }

    fn text(value: &Option<String>) -> String {
        value.as_deref().map(str::trim).unwrap_or_default().to_owned()
    }

    /// The filter fields, for the form and the paging links.
    fn kept(&self) -> Vec<(&'static str, String)> {
        vec![
            ("team", Self::text(&self.team)),
            ("status", Self::text(&self.status)),
            ("from", Self::text(&self.from)),
            ("to", Self::text(&self.to)),
        ]
    }
}

#[derive(Template)]
#[template(path = "outreach/session_list.html")]
struct ListPage {
    layout: Layout,
    t: Texts,
    /// Whether the caller may open the coverage page.
    may_plan: bool,
    /// The scheduling form (for the filtered team), for those who may schedule.
    schedule_href: Option<String>,
    teams: Vec<Choice>,
    statuses: Vec<Choice>,
    from: String,
    to: String,
    matched: u64,
    rows: Vec<SessionLine>,
    pager: Pager,
}

/// `GET /outreach/sessions`.
pub async fn list(req: HttpRequest, state: web::Data<AppState>, caller: Caller) -> HttpResponse {
    let t = Texts::new(&page_lang(&req, &caller));
    let principal = match auth::require(caller.principal(), Action::ReadOutreach) {
        Ok(principal) => principal,
        Err(error) => return failure(&req, &t, error, Back::OutreachSessions),
    };
    let query: ListQuery = match read_query(&req) {
        Ok(query) => query,
        Err(reason) => return bad_query(&t, reason, Back::OutreachSessions),
    };
    let parsed =
        query.parse().and_then(|filter| Ok((filter, page_of(query.limit.as_deref(), query.offset.as_deref())?)));
    let (filter, paging) = match parsed {
        Ok(parsed) => parsed,
        Err(error) => return bad_input(&t, &error, Back::OutreachSessions),
    };
    let tz = state.settings.time_zone();
    let found = outreach::list(&state.db, Some(principal), &filter, paging, tz).await;
    let teams = outreach::teams(&state.db, Some(principal)).await;
    let (found, teams) = match (found, teams) {
        (Ok(found), Ok(teams)) => (found, teams),
        (Err(error), _) | (_, Err(error)) => return failure(&req, &t, error, Back::OutreachSessions),
    };
    let kept = query.kept();
    let field =
        |name: &str| kept.iter().find(|(key, _)| *key == name).map(|(_, value)| value.clone()).unwrap_or_default();
    let list = ListPage {
        layout: layout(&t, &req, principal, "page-outreach-sessions-title", None),
        may_plan: allows(Some(principal.role), Action::PlanOutreach),
        schedule_href: allows(Some(principal.role), Action::ManageOutreach).then(|| {
            href("/outreach/sessions/new", &[("team", filter.team.map(|team| team.to_string()).unwrap_or_default())])
        }),
        teams: teams
            .iter()
            .map(|team| Choice {
                value: team.id.to_string(),
                text: format!("{} {}", team.code, t.name(&team.name_zh, team.name_en.as_deref())),
                selected: filter.team == Some(i64::from(team.id)),
            })
            .collect(),
        statuses: Status::ALL
            .iter()
            .map(|status| Choice {
                value: status.code().to_owned(),
                text: status_text(&t, status.code()),
                selected: filter.status == Some(*status),
            })
            .collect(),
        from: field("from"),
        to: field("to"),
        matched: found.matched,
        pager: Pager::new(&t, "/outreach/sessions", paging, found.matched, found.items.len(), &kept),
        rows: found.items.iter().map(|session| session_line(&t, session, tz)).collect(),
        t,
    };
    page(&list)
}
