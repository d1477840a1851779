//! `/outreach/teams` (the teams of the caller's jurisdiction, `GET /api/v1/outreach/teams`) and
//! `/outreach/teams/{id}`: a team's members with their languages and levels, its upcoming
//! planned sessions (`services::outreach::list` for the team from today), the villages
//! suggested for the next months with their reasons (`services::outreach::suggestions`, the
//! call of `GET /api/v1/outreach/suggestions` with its default period; left out for roles that
//! may not plan), and how to follow the team's sessions in a phone calendar.

use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use chrono::Utc;
use fluent_bundle::FluentValue;

use super::{SessionLine, level_text, period_text, session_line};
use crate::api::auth::Caller;
use crate::api::outreach_coverage::reasons_in_words;
use crate::domain::auth::{Action, allows};
use crate::domain::filter::DateSpan;
use crate::domain::outreach::{Level, SessionFilter, Status};
use crate::domain::outreach_plan::Group;
use crate::domain::paging::{Page, parse_id};
use crate::i18n::Localizer;
use crate::services::auth;
use crate::services::outreach::suggestions::{self, Suggestions};
use crate::services::outreach::{self, MemberView, TeamView};
use crate::startup::AppState;
use crate::web::html::Layout;
use crate::web::records::{Back, Link, Texts, bad_input, failure, href, layout, page, page_lang};

/// Upcoming sessions shown on a team's page; the list page has the rest.
const UPCOMING_ROWS: u64 = 20;
/// Suggested villages shown open on a team's page; the rest behind a `<details>`.
const SUGGESTIONS_SHOWN: usize = 10;

/// A language a member speaks, at a level.
pub struct Spoken {
    pub code: String,
    pub level_code: String,
    pub text: String,
    /// Fluent or native: may present in it.
    pub presents: bool,
}

pub struct MemberLine {
    pub id: i32,
    pub name: String,
    pub languages: Vec<Spoken>,
}

fn member_line(t: &Texts, member: &MemberView) -> MemberLine {
    MemberLine {
        id: member.id,
        name: member.name.clone(),
        languages: member
            .languages
            .iter()
            .map(|(code, level)| Spoken {
                code: code.clone(),
                level_code: level.clone(),
                text: t.format(
                    "page-outreach-spoken",
                    &[
                        ("language", FluentValue::from(t.language(code))),
                        ("level", FluentValue::from(level_text(t, level))),
                    ],
                ),
                presents: Level::parse(level).is_some_and(Level::can_present),
            })
            .collect(),
    }
}

/// The languages some member presents in (fluent or native), named, in the members' order.
fn presented(t: &Texts, team: &TeamView) -> String {
    let mut codes: Vec<&str> = Vec::new();
    for member in &team.members {
        for (code, level) in &member.languages {
            if Level::parse(level).is_some_and(Level::can_present) && !codes.contains(&code.as_str()) {
                codes.push(code);
            }
        }
    }
    if codes.is_empty() {
        return "—".to_owned();
    }
    codes.iter().map(|code| t.language(code)).collect::<Vec<_>>().join(&t.get("page-record-list-separator"))
}

pub struct TeamLine {
    pub id: i32,
    pub code: String,
    pub link: Link,
    pub unit: String,
    pub members: usize,
    pub languages: String,
}

#[derive(Template)]
#[template(path = "outreach/team_list.html")]
struct ListPage {
    layout: Layout,
    t: Texts,
    may_plan: bool,
    rows: Vec<TeamLine>,
}

/// `GET /outreach/teams`.
pub async fn list(req: HttpRequest, state: web::Data<AppState>, caller: Caller) -> HttpResponse {
    let t = Texts::new(&page_lang(&req, &caller));
    let principal = match auth::require(caller.principal(), Action::ReadOutreach) {
        Ok(principal) => principal,
        Err(error) => return failure(&req, &t, error, Back::OutreachTeams),
    };
    let teams = match outreach::teams(&state.db, Some(principal)).await {
        Ok(teams) => teams,
        Err(error) => return failure(&req, &t, error, Back::OutreachTeams),
    };
    let rows = teams
        .iter()
        .map(|team| TeamLine {
            id: team.id,
            code: team.code.clone(),
            link: Link::new(format!("/outreach/teams/{}", team.id), t.name(&team.name_zh, team.name_en.as_deref())),
            unit: t.unit(team.unit.as_ref()),
            members: team.members.len(),
            languages: presented(&t, team),
        })
        .collect();
    let list = ListPage {
        layout: layout(&t, &req, principal, "page-outreach-teams-title", None),
        may_plan: allows(Some(principal.role), Action::PlanOutreach),
        rows,
        t,
    };
    page(&list)
}

/// A village suggested to the team.
pub struct SuggestionLine {
    pub rank: usize,
    pub id: i32,
    pub village: Link,
    pub is_key: bool,
    pub county: String,
    pub language: String,
    pub score: u32,
    pub group: &'static str,
    pub can_serve: bool,
    pub reasons: Vec<(&'static str, String)>,
}

/// The suggestions: their period and villages, best first.
pub struct SuggestionList {
    pub period: String,
    pub first: String,
    pub last: String,
    pub lines: Vec<SuggestionLine>,
    /// How many are shown open, and the summary of the others.
    pub shown: usize,
    pub more: String,
}

fn suggestion_list(t: &Texts, found: &Suggestions) -> SuggestionList {
    let lang = t.lang();
    SuggestionList {
        period: period_text(t, found.first, found.last),
        first: found.first.to_string(),
        last: found.last.to_string(),
        shown: SUGGESTIONS_SHOWN,
        more: t.format(
            "page-outreach-suggestions-more",
            &[("count", FluentValue::from(found.villages.len().saturating_sub(SUGGESTIONS_SHOWN)))],
        ),
        lines: found
            .villages
            .iter()
            .enumerate()
            .map(|(index, village)| SuggestionLine {
                rank: index + 1,
                id: village.id,
                village: Link::new(
                    format!("/villages/{}", village.id),
                    t.name(&village.name_zh, village.name_en.as_deref()),
                ),
                is_key: village.ranked.is_key,
                county: t.unit(village.county.as_ref()),
                language: village
                    .primary_language
                    .as_deref()
                    .map_or_else(|| t.get("page-outreach-no-language"), |tag| t.language(tag)),
                score: village.ranked.score,
                group: village.ranked.group.code(),
                can_serve: village.ranked.group != Group::CannotServe,
                reasons: reasons_in_words(village, Localizer::global(), lang),
            })
            .collect(),
    }
}

#[derive(Template)]
#[template(path = "outreach/team.html")]
struct TeamPage {
    layout: Layout,
    t: Texts,
    code: String,
    other_name: Option<String>,
    unit: String,
    county: String,
    languages: String,
    members: Vec<MemberLine>,
    rows: Vec<SessionLine>,
    upcoming_total: u64,
    /// All of the team's planned sessions from today, on the list page.
    upcoming_href: String,
    sessions_href: String,
    /// `None` for roles that may not plan: the section is left out.
    suggestions: Option<SuggestionList>,
    calendar_issued: bool,
    calendar_text: String,
    /// The feed for a signed-in reader.
    calendar_download: String,
    may_plan: bool,
    /// The scheduling form for this team, for those who may schedule.
    schedule_href: Option<String>,
}

/// `GET /outreach/teams/{id}`.
pub async fn show(req: HttpRequest, state: web::Data<AppState>, caller: Caller, id: web::Path<String>) -> HttpResponse {
    let t = Texts::new(&page_lang(&req, &caller));
    let principal = match auth::require(caller.principal(), Action::ReadOutreach) {
        Ok(principal) => principal,
        Err(error) => return failure(&req, &t, error, Back::OutreachTeams),
    };
    let id = match parse_id(&id) {
        Ok(id) => id,
        Err(error) => return bad_input(&t, &error, Back::OutreachTeams),
    };
    let team = match outreach::team(&state.db, Some(principal), id).await {
        Ok(team) => team,
        Err(error) => return failure(&req, &t, error, Back::OutreachTeams),
    };
    let tz = state.settings.time_zone();
    let today = Utc::now().with_timezone(&tz).date_naive().to_string();
    let team_id = team.id.to_string();
    let upcoming = SessionFilter::parse(Some(&team_id), Some(&today), None, Some(Status::Planned.code()))
        .and_then(|filter| Ok((filter, Page::parse(None, None, UPCOMING_ROWS, UPCOMING_ROWS)?)));
    let (filter, first_page) = match upcoming {
        Ok(upcoming) => upcoming,
        Err(error) => return bad_input(&t, &error, Back::OutreachTeams),
    };
    let sessions = match outreach::list(&state.db, Some(principal), &filter, first_page, tz).await {
        Ok(sessions) => sessions,
        Err(error) => return failure(&req, &t, error, Back::OutreachTeams),
    };
    let may_plan = allows(Some(principal.role), Action::PlanOutreach);
    let suggestions = if may_plan {
        let next_months = DateSpan::default();
        match suggestions::suggestions(&state.db, &state.border, Some(principal), team.id, &next_months, tz).await {
            Ok(found) => Some(suggestion_list(&t, &found)),
            Err(error) => return failure(&req, &t, error, Back::OutreachTeams),
        }
    } else {
        None
    };
    let name = t.name(&team.name_zh, team.name_en.as_deref());
    let other_name = [Some(team.name_zh.as_str()), team.name_en.as_deref()]
        .into_iter()
        .flatten()
        .find(|other| *other != name)
        .map(str::to_owned);
    let calendar_text = t.format(
        "page-outreach-calendar-how",
        &[("issue", FluentValue::from(format!("POST /api/v1/outreach/teams/{}/calendar", team.id)))],
    );
    let record = TeamPage {
        layout: layout(&t, &req, principal, "page-outreach-teams-title", Some(name)),
        code: team.code.clone(),
        other_name,
        unit: t.unit(team.unit.as_ref()),
        county: t.unit(team.county.as_ref()),
        languages: presented(&t, &team),
        members: team.members.iter().map(|member| member_line(&t, member)).collect(),
        rows: sessions.items.iter().map(|session| session_line(&t, session, tz)).collect(),
        upcoming_total: sessions.matched,
        upcoming_href: href(
            "/outreach/sessions",
            &[("team", team_id.clone()), ("status", Status::Planned.code().to_owned()), ("from", today)],
        ),
        sessions_href: href("/outreach/sessions", &[("team", team_id)]),
        suggestions,
        calendar_issued: team.calendar_feed,
        calendar_text,
        calendar_download: format!("/api/v1/outreach/teams/{}/calendar.ics", team.id),
        may_plan,
        schedule_href: allows(Some(principal.role), Action::ManageOutreach)
            .then(|| format!("/outreach/sessions/new?team={}", team.id)),
        t,
    };
    page(&record)
}
