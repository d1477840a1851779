//! Handlers of legal-outreach teams and sessions: `GET/POST /api/v1/outreach/teams`, the
//! sessions (`POST` schedules: 201 with any warnings in the request's language; the scoped
//! list and one session; `…/held` and `…/cancel`), and each team's iCalendar feed: issued or
//! replaced by `POST /outreach/teams/{id}/calendar`, read with the secret address
//! `GET /outreach/calendars/{secret}.ics` (no credentials: what phone calendars send) or
//! signed in at `GET /outreach/teams/{id}/calendar.ics`.

use actix_web::http::header::{CACHE_CONTROL, CONTENT_TYPE};
use actix_web::{HttpRequest, HttpResponse, web};
use chrono::{SecondsFormat, Utc};
use fluent_bundle::FluentValue;
use serde::Deserialize;
use serde_json::{Value, json};
use unic_langid::LanguageIdentifier;

use super::ApiError;
use super::auth::Caller;
use crate::domain::auth::Action;
use crate::domain::ical::{Calendar, Event, EventStatus};
use crate::domain::outreach::{
    HeldInput, Language, SessionFilter, SessionInput, SessionWarning, Status, TeamInput, Topic, Travel,
    cancel_reason_from_json,
};
use crate::domain::paging::{Page, parse_id};
use crate::i18n::Localizer;
use crate::services::auth::{self, Principal};
use crate::services::outreach::{self, Feed, SessionView, TeamView};
use crate::startup::AppState;

fn travel(state: &AppState) -> Travel {
    Travel { speed_kmh: state.settings.outreach.road_speed_kmh, road_factor: state.settings.outreach.road_factor }
}

fn language_of(req: &HttpRequest, caller: Option<&Principal>) -> LanguageIdentifier {
    super::lang::negotiate_for(req, Localizer::global(), caller.map(|principal| principal.locale.as_str()))
}

fn team_json(team: &TeamView) -> Value {
    json!({
        "id": team.id,
        "code": team.code,
        "name_zh": team.name_zh,
        "name_en": team.name_en,
        "unit": team.unit,
        "county": team.county,
        "calendar_feed": team.calendar_feed,
        "members": team.members.iter().map(|member| json!({
            "id": member.id,
            "name": member.name,
            "user_id": member.user_id,
            "languages": member.languages.iter().map(|(language, level)| json!({ "language": language, "level": level })).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
    })
}

fn time(at: chrono::DateTime<Utc>) -> String {
    at.to_rfc3339_opts(SecondsFormat::Secs, true)
}

fn session_json(session: &SessionView) -> Value {
    json!({
        "id": session.id,
        "team": {
            "id": session.team.id,
            "code": session.team.code,
            "name_zh": session.team.name_zh,
            "name_en": session.team.name_en,
        },
        "village": {
            "id": session.village.id,
            "code": session.village.code,
            "name_zh": session.village.name_zh,
            "name_en": session.village.name_en,
            "name_local": session.village.name_local,
            "lon": session.village.lon,
            "lat": session.village.lat,
            "languages": session.village.languages,
        },
        "county": session.county,
        "starts_at": time(session.starts_at),
        "ends_at": time(session.ends_at),
        "language": session.language,
        "topics": session.topics,
        "presenter_ids": session.presenters.iter().map(|presenter| presenter.id).collect::<Vec<_>>(),
        "presenters": session.presenters.iter().map(|presenter| json!({ "id": presenter.id, "name": presenter.name })).collect::<Vec<_>>(),
        "interpreter": session.interpreter,
        "status": session.status,
        "attendance": session.attendance.map(|attendance| json!({
            "total": attendance.total,
            "women": attendance.women,
            "under18": attendance.under18,
        })),
        "topics_covered": session.topics_covered,
        "cancel_reason": session.cancel_reason,
        "created_at": time(session.created_at),
    })
}

fn fluent_args(args: Vec<(&'static str, String)>) -> Vec<(&'static str, FluentValue<'static>)> {
    args.into_iter().map(|(name, value)| (name, FluentValue::from(value))).collect()
}

/// The name of a language code in `lang` (the code itself for an unknown one).
fn language_name(localizer: &Localizer, lang: &LanguageIdentifier, code: &str) -> String {
    Language::parse(code).map_or_else(|| code.to_owned(), |language| localizer.text(lang, language.message_id()))
}

fn warning_json(localizer: &Localizer, lang: &LanguageIdentifier, warning: &SessionWarning) -> Value {
    let mut args = warning.args();
    args.push(("language_name", language_name(localizer, lang, warning.language().code())));
    json!({
        "code": warning.code(),
        "message": localizer.format(lang, warning.message_id(), &fluent_args(args)),
    })
}

/// `GET /api/v1/outreach/teams`.
pub async fn teams(caller: Caller, state: web::Data<AppState>) -> Result<HttpResponse, ApiError> {
    auth::require(caller.principal(), Action::ReadOutreach)?;
    let teams = outreach::teams(&state.db, caller.principal()).await?;
    Ok(HttpResponse::Ok().json(json!({ "teams": teams.iter().map(team_json).collect::<Vec<_>>() })))
}

/// `POST /api/v1/outreach/teams`: 201 with the team.
pub async fn create_team(
    caller: Caller,
    state: web::Data<AppState>,
    body: web::Json<Value>,
) -> Result<HttpResponse, ApiError> {
    auth::require(caller.principal(), Action::ManageOutreach)?;
    let input = TeamInput::from_json(&body)?;
    let team = outreach::create_team(&state.db, caller.principal(), input).await?;
    Ok(HttpResponse::Created().json(team_json(&team)))
}

/// `POST /api/v1/outreach/sessions`: 201 with the session and `warnings` (each with its
/// `code` and a `message` in the request's language).
pub async fn schedule(
    caller: Caller,
    req: HttpRequest,
    state: web::Data<AppState>,
    body: web::Json<Value>,
) -> Result<HttpResponse, ApiError> {
    auth::require(caller.principal(), Action::ManageOutreach)?;
    let input = SessionInput::from_json(&body)?;
    let scheduled =
        outreach::schedule(&state.db, caller.principal(), input, travel(&state), state.settings.time_zone()).await?;
    let localizer = Localizer::global();
    let lang = language_of(&req, caller.principal());
    let mut body = session_json(&scheduled.session);
    body["warnings"] =
        json!(scheduled.warnings.iter().map(|warning| warning_json(localizer, &lang, warning)).collect::<Vec<_>>());
    Ok(HttpResponse::Created()
        .insert_header(("Location", format!("/api/v1/outreach/sessions/{}", scheduled.session.id)))
        .json(body))
}

/// Query of `GET /api/v1/outreach/sessions`, read as text so each value gets its own error.
#[derive(Debug, Deserialize)]
pub struct SessionQuery {
    team: Option<String>,
    from: Option<String>,
    to: Option<String>,
    status: Option<String>,
    limit: Option<String>,
    offset: Option<String>,
}

/// `GET /api/v1/outreach/sessions[?team=&from=&to=&status=&limit=&offset=]`.
pub async fn sessions(
    caller: Caller,
    state: web::Data<AppState>,
    query: web::Query<SessionQuery>,
) -> Result<HttpResponse, ApiError> {
    auth::require(caller.principal(), Action::ReadOutreach)?;
    let api = &state.settings.api;
    let page = Page::parse(query.limit.as_deref(), query.offset.as_deref(), api.default_limit, api.max_limit)?;
    let filter = SessionFilter::parse(
        query.team.as_deref(),
        query.from.as_deref(),
        query.to.as_deref(),
        query.status.as_deref(),
    )?;
    let found = outreach::list(&state.db, caller.principal(), &filter, page, state.settings.time_zone()).await?;
    Ok(HttpResponse::Ok().json(json!({
        "numberMatched": found.matched,
        "numberReturned": found.items.len(),
        "limit": page.limit(),
        "offset": page.offset(),
        "sessions": found.items.iter().map(session_json).collect::<Vec<_>>(),
    })))
}

/// `GET /api/v1/outreach/sessions/{id}`.
pub async fn session(
    caller: Caller,
    state: web::Data<AppState>,
    id: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    auth::require(caller.principal(), Action::ReadOutreach)?;
    let id = parse_id(&id)?;
    let found = outreach::session(&state.db, caller.principal(), id).await?;
    Ok(HttpResponse::Ok().json(session_json(&found)))
}

/// `POST /api/v1/outreach/sessions/{id}/held` with `{"attendance": {"total", "women",
/// "under18"}, "topics_covered": [codes]}`.
pub async fn held(
    caller: Caller,
    state: web::Data<AppState>,
    id: web::Path<String>,
    body: web::Json<Value>,
) -> Result<HttpResponse, ApiError> {
    auth::require(caller.principal(), Action::ManageOutreach)?;
    let id = parse_id(&id)?;
    let input = HeldInput::from_json(&body)?;
    let session = outreach::hold(&state.db, caller.principal(), id, input, state.settings.time_zone()).await?;
    Ok(HttpResponse::Ok().json(session_json(&session)))
}

/// `POST /api/v1/outreach/sessions/{id}/cancel` with `{"reason": text}`.
pub async fn cancel(
    caller: Caller,
    state: web::Data<AppState>,
    id: web::Path<String>,
    body: web::Json<Value>,
) -> Result<HttpResponse, ApiError> {
    auth::require(caller.principal(), Action::ManageOutreach)?;
    let id = parse_id(&id)?;
    let reason = cancel_reason_from_json(&body)?;
    let session = outreach::cancel(&state.db, caller.principal(), id, reason).await?;
    Ok(HttpResponse::Ok().json(session_json(&session)))
}

/// `POST /api/v1/outreach/teams/{id}/calendar`: the team's secret calendar address, shown
/// once (an earlier one stops working).
pub async fn issue_calendar(
    caller: Caller,
    req: HttpRequest,
    state: web::Data<AppState>,
    id: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    auth::require(caller.principal(), Action::ManageOutreach)?;
    let id = parse_id(&id)?;
    let issued = outreach::rotate_feed(&state.db, caller.principal(), id).await?;
    let path = format!("/api/v1/outreach/calendars/{}.ics", issued.secret);
    let info = req.connection_info();
    Ok(HttpResponse::Created().insert_header((CACHE_CONTROL, "no-store")).json(json!({
        "team_id": issued.team_id,
        "path": path,
        "url": format!("{}://{}{path}", info.scheme(), info.host()),
        "webcal": format!("webcal://{}{path}", info.host()),
        "replaced": issued.replaced,
    })))
}

/// The feed as iCalendar text, its words in `lang`.
fn calendar_text(feed: &Feed, localizer: &Localizer, lang: &LanguageIdentifier) -> String {
    let text = |id: &str, args: Vec<(&'static str, String)>| localizer.format(lang, id, &fluent_args(args));
    let events = feed
        .sessions
        .iter()
        .map(|session| {
            let language = language_name(localizer, lang, &session.language);
            let topics: Vec<String> = session
                .topics
                .iter()
                .map(|code| {
                    Topic::parse(code).map_or_else(|| code.clone(), |topic| localizer.text(lang, &topic.message_id()))
                })
                .collect();
            let presenters: Vec<&str> = session.presenters.iter().map(|presenter| presenter.name.as_str()).collect();
            let mut description = vec![
                text("outreach-calendar-topics", vec![("topics", topics.join(", "))]),
                text("outreach-calendar-presenters", vec![("presenters", presenters.join(", "))]),
            ];
            if let Some(interpreter) = &session.interpreter {
                description.push(text("outreach-calendar-interpreter", vec![("interpreter", interpreter.clone())]));
            }
            let status = Status::parse(&session.status);
            match (status, session.attendance, &session.cancel_reason) {
                (Some(Status::Held), Some(attendance), _) => description.push(text(
                    "outreach-calendar-held",
                    vec![
                        ("total", attendance.total.to_string()),
                        ("women", attendance.women.to_string()),
                        ("under18", attendance.under18.to_string()),
                    ],
                )),
                (Some(Status::Cancelled), _, reason) => description
                    .push(text("outreach-calendar-cancelled", vec![("reason", reason.clone().unwrap_or_default())])),
                _ => {}
            }
            let village = match &session.village.name_local {
                Some(local) if !local.is_empty() => format!("{} ({local})", session.village.name_zh),
                _ => session.village.name_zh.clone(),
            };
            Event {
                uid: format!("outreach-session-{}@banna-border", session.id),
                sequence: if status == Some(Status::Planned) { 0 } else { 1 },
                starts_at: session.starts_at,
                ends_at: session.ends_at,
                status: if status == Some(Status::Cancelled) { EventStatus::Cancelled } else { EventStatus::Confirmed },
                summary: text(
                    "outreach-calendar-summary",
                    vec![("village", session.village.name_zh.clone()), ("language", language)],
                ),
                location: village,
                description: description.join("\n"),
                lon_lat: Some((session.village.lon, session.village.lat)),
            }
        })
        .collect();
    Calendar {
        product: "-//banna-border//legal outreach sessions//EN".to_owned(),
        name: text("outreach-calendar-name", vec![("team", feed.team.name_zh.clone())]),
        events,
    }
    .write(Utc::now())
}

fn calendar_response(text: String) -> HttpResponse {
    HttpResponse::Ok()
        .insert_header((CONTENT_TYPE, "text/calendar; charset=utf-8"))
        .insert_header((CACHE_CONTROL, "private, no-cache"))
        .body(text)
}

/// `GET /api/v1/outreach/calendars/{secret}.ics`: the feed of the team whose secret it is; no
/// credentials needed (the secret is them). Words in `?lang=`, else zh-CN.
pub async fn calendar_feed(
    caller: Caller,
    req: HttpRequest,
    state: web::Data<AppState>,
    feed: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    auth::authorize(caller.principal(), Action::ReadTeamCalendarFeed)?;
    let secret = feed.strip_suffix(".ics").unwrap_or(&feed);
    let found = outreach::feed_for_secret(&state.db, caller.principal(), secret).await?;
    let lang = super::lang::negotiate(&req, Localizer::global());
    Ok(calendar_response(calendar_text(&found, Localizer::global(), &lang)))
}

/// `GET /api/v1/outreach/teams/{id}/calendar.ics`: the same feed for a signed-in reader.
pub async fn team_calendar(
    caller: Caller,
    req: HttpRequest,
    state: web::Data<AppState>,
    id: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    auth::require(caller.principal(), Action::ReadOutreach)?;
    let id = parse_id(&id)?;
    let found = outreach::feed_for_team(&state.db, caller.principal(), id).await?;
    let lang = language_of(&req, caller.principal());
    Ok(calendar_response(calendar_text(&found, Localizer::global(), &lang)))
}
