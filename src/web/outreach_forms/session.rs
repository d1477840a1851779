//! `GET /outreach/sessions/{id}`: a session with everything known about it, its warnings (asked
//! again of the scheduling rule, so they say what holds now), links to its printable notice
//! and, while it is planned and the caller may manage sessions, the "held" and "cancel" forms
//! (`POST …/held`, `POST …/cancel`, with the CSRF token). A refused form comes back on the page
//! with the API's explanation and status; a success is a 303 back to the page.

use actix_web::http::StatusCode;
use actix_web::http::header::LOCATION;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use chrono::Utc;
use fluent_bundle::FluentValue;
use serde_json::{Value, json};

use super::{Choice, Fields, Refusal, Texts, count_value, page_lang, refusal, refusal_page};
use crate::api::auth::{Caller, site_cookie};
use crate::domain::auth::{Action, allows};
use crate::domain::outreach::{
    HeldInput, Language, Status, TOPICS, Topic, cancel_reason_from_json, language_warning, local_minute,
    require_started,
};
use crate::domain::paging::parse_id;
use crate::i18n::Localizer;
use crate::services::ServiceError;
use crate::services::auth::{self, Principal};
use crate::services::outreach::{self, SessionView};
use crate::startup::AppState;
use crate::web::html::{Layout, render};
use crate::web::login::{CSRF_COOKIE, csrf_refused, csrf_value, new_csrf};

/// The "held" form: attendance and the topics covered.
pub struct HeldForm {
    /// Whether the session has started (before that the rules refuse it; the form waits).
    pub started: bool,
    pub not_yet: String,
    pub total: String,
    pub women: String,
    pub under18: String,
    pub topics: Vec<Choice>,
    pub problem: Option<String>,
}

/// The "cancel" form.
pub struct CancelForm {
    pub reason: String,
    pub problem: Option<String>,
}

#[derive(Template)]
#[template(path = "outreach_forms/session.html")]
pub struct SessionPage {
    layout: Layout,
    t: Texts,
    csrf: String,
    id: i32,
    /// "The session is scheduled." after the new-session form.
    done: Option<String>,
    /// A refusal that no form on the page can show (the session is no longer planned).
    problem: Option<String>,
    warnings: Vec<String>,
    status: String,
    status_code: &'static str,
    team: String,
    village: String,
    village_href: String,
    county: String,
    when: String,
    language: String,
    village_languages: Vec<String>,
    topics: Vec<String>,
    presenters: Vec<String>,
    interpreter: Option<String>,
    attendance: Option<String>,
    topics_covered: Option<Vec<String>>,
    cancel_reason: Option<String>,
    created: String,
    notice_html: String,
    notice_svg: String,
    held: Option<HeldForm>,
    cancel: Option<CancelForm>,
}

/// What the forms held when they were refused.
#[derive(Default)]
struct Kept {
    problem: Option<String>,
    held: Option<(Fields, String)>,
    cancel: Option<(String, String)>,
}

/// The warnings of a scheduled session as the rule sees it now, in the page's language (the
/// API's words when it scheduled it).
fn warnings(t: &Texts, session: &SessionView) -> Vec<String> {
    let Some(language) = Language::parse(&session.language) else { return Vec::new() };
    let args = |pairs: Vec<(&'static str, String)>| -> Vec<(&'static str, FluentValue<'static>)> {
        let mut args: Vec<(&'static str, FluentValue<'static>)> =
            pairs.into_iter().map(|(name, value)| (name, FluentValue::from(value))).collect();
        args.push(("language_name", FluentValue::from(t.language_name(language.code()))));
        args
    };
    match language_warning(
        &session.village.name_zh,
        &session.village.languages,
        language,
        session.interpreter.as_deref(),
    ) {
        Ok(None) => Vec::new(),
        Ok(Some(warning)) => vec![t.format(warning.message_id(), &args(warning.args()))],
        Err(problem) => vec![t.format(problem.message_id(), &args(problem.args()))],
    }
}

fn when(session: &SessionView, tz: chrono_tz::Tz) -> String {
    let starts = local_minute(session.starts_at, tz);
    let ends = local_minute(session.ends_at, tz);
    // The end's date only when it differs from the start's.
    let ends = match (starts.split_once(' '), ends.split_once(' ')) {
        (Some((day, _)), Some((end_day, time))) if day == end_day => time.to_owned(),
        _ => ends,
    };
    format!("{starts} – {ends} ({})", tz.name())
}

fn held_form(t: &Texts, session: &SessionView, tz: chrono_tz::Tz, kept: Option<(Fields, String)>) -> HeldForm {
    let started = require_started(i64::from(session.id), session.starts_at, Utc::now(), tz).is_ok();
    let (fields, problem) = match kept {
        Some((fields, problem)) => (Some(fields), Some(problem)),
        None => (None, None),
    };
    let value = |name: &str| fields.as_ref().map(|fields| fields.one(name).to_owned()).unwrap_or_default();
    // Before a refusal the planned topics are ticked; after one, what was posted.
    let checked: Vec<String> = match &fields {
        Some(fields) => fields.all("topic"),
        None => session.topics.clone(),
    };
    HeldForm {
        started,
        not_yet: t.format(
            "outreach-form-held-not-yet",
            &[("starts_at", FluentValue::from(local_minute(session.starts_at, tz)))],
        ),
        total: value("total"),
        women: value("women"),
        under18: value("under18"),
        topics: TOPICS
            .iter()
            .filter_map(|code| Topic::parse(code))
            .map(|topic| Choice {
                value: topic.code().to_owned(),
                text: t.topic(topic.code()),
                detail: String::new(),
                selected: checked.iter().any(|code| code == topic.code()),
            })
            .collect(),
        problem,
    }
}

impl CancelForm {
    fn kept(kept: Option<(String, String)>) -> CancelForm {
        match kept {
            Some((reason, problem)) => CancelForm { reason, problem: Some(problem) },
            None => CancelForm { reason: String::new(), problem: None },
        }
    }
}

fn page(
    req: &HttpRequest,
    state: &AppState,
    principal: &Principal,
    t: Texts,
    session: &SessionView,
    done: bool,
    kept: Kept,
) -> SessionPage {
    let tz = state.settings.time_zone();
    let planned = Status::parse(&session.status) == Some(Status::Planned);
    let manages = planned && allows(Some(principal.role), Action::ManageOutreach);
    let Kept { mut problem, held, cancel } = kept;
    let (held_form, cancel_form) = if manages {
        (Some(held_form(&t, session, tz, held)), Some(CancelForm::kept(cancel)))
    } else {
        // A refused form that is no longer shown (the session moved on meanwhile): say it on top.
        problem = problem.or(held.map(|(_, refused)| refused)).or(cancel.map(|(_, refused)| refused));
        (None, None)
    };
    let village_name = t.name(&session.village.name_zh, session.village.name_en.as_deref());
    let village = match session.village.name_local.as_deref().filter(|local| !local.is_empty()) {
        Some(local) => format!("{village_name} ({local})"),
        None => village_name.clone(),
    };
    let mut layout =
        Layout::new(Localizer::global(), t.lang(), "outreach-form-session-title").for_request(req, Some(principal));
    layout.title = t.format(
        "outreach-form-session-title",
        &[("id", FluentValue::from(session.id)), ("village", FluentValue::from(village_name))],
    );
    layout.kept_query = String::new();
    SessionPage {
        csrf: csrf_value(req).unwrap_or_else(new_csrf),
        id: session.id,
        done: done.then(|| t.get("outreach-form-scheduled")),
        problem,
        warnings: warnings(&t, session),
        status: t.status(&session.status),
        status_code: Status::parse(&session.status).map_or("unknown", Status::code),
        team: format!("{} ({})", t.name(&session.team.name_zh, session.team.name_en.as_deref()), session.team.code),
        village,
        village_href: format!("/villages/{}", session.village.id),
        county: t.unit(session.county.as_ref()),
        when: when(session, tz),
        language: t.language_with_code(&session.language),
        village_languages: session.village.languages.iter().map(|tag| t.language_with_code(tag)).collect(),
        topics: session.topics.iter().map(|code| t.topic(code)).collect(),
        presenters: session.presenters.iter().map(|presenter| presenter.name.clone()).collect(),
        interpreter: session.interpreter.clone(),
        attendance: session.attendance.map(|attendance| {
            t.format(
                "outreach-form-attendance-text",
                &[
                    ("total", FluentValue::from(attendance.total)),
                    ("women", FluentValue::from(attendance.women)),
                    ("under18", FluentValue::from(attendance.under18)),
                ],
            )
        }),
        topics_covered: session.topics_covered.as_ref().map(|codes| codes.iter().map(|code| t.topic(code)).collect()),
        cancel_reason: session.cancel_reason.clone(),
        created: local_minute(session.created_at, tz),
        notice_html: format!("/api/v1/outreach/sessions/{}/notice?format=html", session.id),
        notice_svg: format!("/api/v1/outreach/sessions/{}/notice?format=svg", session.id),
        held: held_form,
        cancel: cancel_form,
        layout,
        t,
    }
}

fn respond(req: &HttpRequest, status: StatusCode, page: &SessionPage) -> HttpResponse {
    let mut response = render(status, page);
    let _ = response.add_cookie(&site_cookie(req, CSRF_COOKIE, page.csrf.clone()));
    response
}

/// `GET /outreach/sessions/{id}[?scheduled=1]`.
pub async fn show(req: HttpRequest, state: web::Data<AppState>, caller: Caller, id: web::Path<String>) -> HttpResponse {
    let t = Texts::new(&page_lang(&req, &caller));
    let principal = match auth::require(caller.principal(), Action::ReadOutreach) {
        Ok(principal) => principal,
        Err(error) => return refusal_page(&req, &t, error),
    };
    let session = match parse_id(&id) {
        Ok(id) => outreach::session(&state.db, Some(principal), id).await,
        Err(error) => Err(error.into()),
    };
    let session = match session {
        Ok(session) => session,
        Err(error) => return refusal_page(&req, &t, error),
    };
    let done = web::Query::<Vec<(String, String)>>::from_query(req.query_string())
        .is_ok_and(|query| query.iter().any(|(name, value)| name == "scheduled" && value == "1"));
    let page = page(&req, &state, principal, t, &session, done, Kept::default());
    respond(&req, StatusCode::OK, &page)
}

/// Which form was posted.
enum Move {
    Held,
    Cancel,
}

/// The posts of both forms: CSRF, role, the API's reader and service, then 303 back or the
/// page again with the refusal where the form is.
async fn post(
    req: HttpRequest,
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
    form: web::Form<Vec<(String, String)>>,
    which: Move,
) -> HttpResponse {
    let t = Texts::new(&page_lang(&req, &caller));
    let fields = Fields(form.into_inner());
    if !fields.csrf_ok(&req) {
        return csrf_refused(Localizer::global(), t.lang());
    }
    let principal = match auth::require(caller.principal(), Action::ManageOutreach) {
        Ok(principal) => principal,
        Err(error) => return refusal_page(&req, &t, error),
    };
    let id = match parse_id(&id) {
        Ok(id) => id,
        Err(error) => return refusal_page(&req, &t, error.into()),
    };
    let tz = state.settings.time_zone();
    let moved: Result<SessionView, ServiceError> = match which {
        Move::Held => {
            let body = json!({
                "attendance": {
                    "total": count_value(fields.one("total")),
                    "women": count_value(fields.one("women")),
                    "under18": count_value(fields.one("under18")),
                },
                "topics_covered": fields.all("topic"),
            });
            match HeldInput::from_json(&body) {
                Ok(held) => outreach::hold(&state.db, Some(principal), id, held, tz).await,
                Err(error) => Err(error.into()),
            }
        }
        Move::Cancel => match cancel_reason_from_json(&json!({ "reason": Value::from(fields.one("reason")) })) {
            Ok(reason) => outreach::cancel(&state.db, Some(principal), id, reason).await,
            Err(error) => Err(error.into()),
        },
    };
    let error = match moved {
        Ok(session) => {
            return HttpResponse::SeeOther()
                .insert_header((LOCATION, format!("/outreach/sessions/{}", session.id)))
                .finish();
        }
        Err(error) => error,
    };
    let Refusal { status, detail } = match refusal(&req, &t, error) {
        Ok(refused) => refused,
        Err(page) => return *page,
    };
    // The page as it is now (a session out of scope or gone is its own 404).
    let session = match outreach::session(&state.db, Some(principal), id).await {
        Ok(session) => session,
        Err(error) => return refusal_page(&req, &t, error),
    };
    let kept = match which {
        Move::Held => Kept { held: Some((fields, detail)), ..Kept::default() },
        Move::Cancel => Kept { cancel: Some((fields.one("reason").to_owned(), detail)), ..Kept::default() },
    };
    let page = page(&req, &state, principal, t, &session, false, kept);
    respond(&req, status, &page)
}

/// `POST /outreach/sessions/{id}/held`: attendance (`total`, `women`, `under18`) and the
/// topics covered (`topic`, repeated).
pub async fn held(
    req: HttpRequest,
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
    form: web::Form<Vec<(String, String)>>,
) -> HttpResponse {
    post(req, state, caller, id, form, Move::Held).await
}

/// `POST /outreach/sessions/{id}/cancel`: the `reason`.
pub async fn cancel(
    req: HttpRequest,
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
    form: web::Form<Vec<(String, String)>>,
) -> HttpResponse {
    post(req, state, caller, id, form, Move::Cancel).await
}
