//! `GET/POST /outreach/sessions/new`: scheduling a session. Without a team the page asks for
//! one first (a GET form, `?team=` reloads the page with the team's members as presenters);
//! with one it is the whole form, posted with the CSRF token. The post becomes the API's JSON
//! body and goes through `SessionInput::from_json` and `services::outreach::schedule`; a
//! refusal comes back on the form with the API's explanation and status, a success is a 303
//! to the session's page.

use actix_web::http::StatusCode;
use actix_web::http::header::LOCATION;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use chrono::{NaiveDateTime, TimeZone};
use fluent_bundle::FluentValue;
use serde_json::{Map, Value};

use super::{Choice, Fields, Refusal, Texts, count_value, id_value, page_lang, refusal, refusal_page};
use crate::api::auth::{Caller, site_cookie};
use crate::domain::DomainError;
use crate::domain::auth::Action;
use crate::domain::outreach::{Language, OutreachError, SessionInput, TOPICS, Topic, Travel};
use crate::i18n::Localizer;
use crate::services::ServiceError;
use crate::services::auth::{self, Principal};
use crate::services::outreach::{self, TeamView, VillageChoice};
use crate::startup::AppState;
use crate::web::html::{Layout, render};
use crate::web::login::{CSRF_COOKIE, csrf_refused, csrf_value, new_csrf};

/// The chosen team and its members, offered as presenters.
pub struct ChosenTeam {
    pub id: i32,
    pub name: String,
    pub presenters: Vec<Choice>,
}

/// Villages of one township, an `<optgroup>`.
pub struct VillageGroup {
    pub label: String,
    pub villages: Vec<Choice>,
}

#[derive(Template)]
#[template(path = "outreach_forms/new.html")]
pub struct NewPage {
    layout: Layout,
    t: Texts,
    csrf: String,
    problem: Option<String>,
    /// The teams to choose from while none is chosen.
    teams: Vec<Choice>,
    team: Option<ChosenTeam>,
    /// Back to choosing the team, when there is more than one.
    change_team_href: Option<String>,
    /// A village named in the address, carried through the team step.
    village_param: String,
    villages: Vec<VillageGroup>,
    languages: Vec<Choice>,
    topics: Vec<Choice>,
    starts_at: String,
    ends_at: String,
    zone_hint: String,
    interpreter: String,
}

/// What the coordinator entered (or the address preset), kept as typed.
#[derive(Default)]
struct Values {
    team: String,
    village: String,
    starts_at: String,
    ends_at: String,
    language: String,
    topics: Vec<String>,
    presenters: Vec<String>,
    interpreter: String,
}

impl Values {
    fn from_fields(fields: &Fields) -> Values {
        Values {
            team: fields.one("team").trim().to_owned(),
            village: fields.one("village").trim().to_owned(),
            starts_at: fields.one("starts_at").trim().to_owned(),
            ends_at: fields.one("ends_at").trim().to_owned(),
            language: fields.one("language").trim().to_owned(),
            topics: fields.all("topic"),
            presenters: fields.all("presenter"),
            interpreter: fields.one("interpreter").to_owned(),
        }
    }

    /// The API's body for these values: fields left empty are left out (the rules name them).
    fn json(&self, tz: chrono_tz::Tz) -> Value {
        let mut body = Map::new();
        if let Some(team) = id_value(&self.team) {
            body.insert("team_id".to_owned(), team);
        }
        if let Some(village) = id_value(&self.village) {
            body.insert("village_id".to_owned(), village);
        }
        for (name, text) in [("starts_at", &self.starts_at), ("ends_at", &self.ends_at)] {
            if !text.is_empty() {
                body.insert(name.to_owned(), Value::from(local_time(text, tz)));
            }
        }
        if !self.language.is_empty() {
            body.insert("language".to_owned(), Value::from(self.language.clone()));
        }
        body.insert("topics".to_owned(), Value::from(self.topics.clone()));
        body.insert("presenter_ids".to_owned(), self.presenters.iter().map(|id| count_value(id)).collect());
        body.insert("interpreter".to_owned(), Value::from(self.interpreter.clone()));
        Value::Object(body)
    }
}

/// A `datetime-local` value (`2027-01-10T09:00`) in the configured zone, as RFC 3339; any
/// other text is passed on as it is, for the rules to refuse by name.
fn local_time(text: &str, tz: chrono_tz::Tz) -> String {
    ["%Y-%m-%dT%H:%M", "%Y-%m-%dT%H:%M:%S"]
        .iter()
        .find_map(|format| NaiveDateTime::parse_from_str(text, format).ok())
        .and_then(|naive| tz.from_local_datetime(&naive).earliest())
        .map_or_else(|| text.to_owned(), |at| at.to_rfc3339())
}

fn travel(state: &AppState) -> Travel {
    Travel { speed_kmh: state.settings.outreach.road_speed_kmh, road_factor: state.settings.outreach.road_factor }
}

fn team_name(t: &Texts, team: &TeamView) -> String {
    format!("{} ({})", t.name(&team.name_zh, team.name_en.as_deref()), team.code)
}

fn village_option(t: &Texts, village: &VillageChoice, selected: &str) -> Choice {
    let mut text = t.name(&village.name_zh, village.name_en.as_deref());
    if let Some(local) = village.name_local.as_deref().filter(|local| !local.is_empty()) {
        text.push_str(&format!(" · {local}"));
    }
    let languages: Vec<String> = village.languages.iter().map(|tag| t.language_name(tag)).collect();
    let languages = if languages.is_empty() { t.get("outreach-form-no-languages") } else { languages.join(", ") };
    text.push_str(&format!(" — {languages}"));
    if village.is_key {
        text.push_str(&format!(" ({})", t.get("outreach-form-key")));
    }
    Choice { value: village.id.to_string(), text, detail: String::new(), selected: village.id.to_string() == selected }
}

fn village_groups(t: &Texts, villages: &[VillageChoice], selected: &str) -> Vec<VillageGroup> {
    let mut groups: Vec<VillageGroup> = Vec::new();
    for village in villages {
        let label = format!("{} · {}", t.unit(village.county.as_ref()), t.unit(village.township.as_ref()));
        let option = village_option(t, village, selected);
        match groups.last_mut() {
            Some(group) if group.label == label => group.villages.push(option),
            _ => groups.push(VillageGroup { label, villages: vec![option] }),
        }
    }
    groups
}

fn chosen_team(t: &Texts, team: &TeamView, presenters: &[String]) -> ChosenTeam {
    ChosenTeam {
        id: team.id,
        name: team_name(t, team),
        presenters: team
            .members
            .iter()
            .map(|member| Choice {
                value: member.id.to_string(),
                text: member.name.clone(),
                detail: member
                    .languages
                    .iter()
                    .map(|(language, level)| format!("{}: {}", t.language_with_code(language), t.level(level)))
                    .collect::<Vec<_>>()
                    .join(" · "),
                selected: presenters.contains(&member.id.to_string()),
            })
            .collect(),
    }
}

/// The page for `values`, with the teams and villages the caller may schedule for.
async fn page(
    state: &AppState,
    req: &HttpRequest,
    principal: &Principal,
    t: Texts,
    values: &Values,
    problem: Option<String>,
) -> Result<NewPage, ServiceError> {
    let teams = outreach::teams(&state.db, Some(principal)).await?;
    let villages = outreach::village_choices(&state.db, Some(principal)).await?;
    let chosen = match teams.as_slice() {
        [only] if values.team.is_empty() => Some(only),
        _ => teams.iter().find(|team| team.id.to_string() == values.team),
    };
    let village_param = if chosen.is_none() { values.village.clone() } else { String::new() };
    let change_team_href = (teams.len() > 1).then(|| match id_value(&values.village) {
        Some(Value::Number(village)) => format!("/outreach/sessions/new?village={village}"),
        _ => "/outreach/sessions/new".to_owned(),
    });
    let tz = state.settings.time_zone();
    let mut layout =
        Layout::new(Localizer::global(), t.lang(), "outreach-form-new-title").for_request(req, Some(principal));
    // The language links keep the team and village, not whatever else was in the address.
    layout.kept_query = [("team", &values.team), ("village", &values.village)]
        .iter()
        .filter_map(|(name, value)| id_value(value).filter(Value::is_number).map(|id| format!("{name}={id}&")))
        .collect();
    Ok(NewPage {
        csrf: csrf_value(req).unwrap_or_else(new_csrf),
        problem,
        teams: teams
            .iter()
            .map(|team| Choice {
                value: team.id.to_string(),
                text: team_name(&t, team),
                detail: String::new(),
                selected: team.id.to_string() == values.team,
            })
            .collect(),
        team: chosen.map(|team| chosen_team(&t, team, &values.presenters)),
        change_team_href,
        village_param,
        villages: village_groups(&t, &villages, &values.village),
        languages: Language::all()
            .map(|language| Choice {
                value: language.code().to_owned(),
                text: t.language_with_code(language.code()),
                detail: String::new(),
                selected: Language::parse(&values.language) == Some(language),
            })
            .collect(),
        topics: TOPICS
            .iter()
            .filter_map(|code| Topic::parse(code))
            .map(|topic| Choice {
                value: topic.code().to_owned(),
                text: t.topic(topic.code()),
                detail: String::new(),
                selected: values.topics.iter().any(|chosen| chosen == topic.code()),
            })
            .collect(),
        starts_at: values.starts_at.clone(),
        ends_at: values.ends_at.clone(),
        zone_hint: t.format("outreach-form-time-hint", &[("zone", FluentValue::from(tz.name()))]),
        interpreter: values.interpreter.clone(),
        layout,
        t,
    })
}

/// Renders the page with the CSRF cookie set (the form repeats its value).
fn respond(req: &HttpRequest, status: StatusCode, page: &NewPage) -> HttpResponse {
    let mut response = render(status, page);
    let _ = response.add_cookie(&site_cookie(req, CSRF_COOKIE, page.csrf.clone()));
    response
}

/// An id in the address that names nothing the caller may schedule with: the API's refusal
/// for that id in a body (404 for an id out of scope, 400 for one that is not an id).
fn unknown(name: &'static str, text: &str, missing: fn(i64) -> OutreachError) -> ServiceError {
    let error = match text.parse::<i64>() {
        Ok(id) if id > 0 => missing(id),
        _ => OutreachError::InvalidId { name, value: text.to_owned() },
    };
    ServiceError::Invalid(DomainError::from(error))
}

/// `GET /outreach/sessions/new[?team=&village=]`.
pub async fn show(req: HttpRequest, state: web::Data<AppState>, caller: Caller) -> HttpResponse {
    let t = Texts::new(&page_lang(&req, &caller));
    let principal = match auth::require(caller.principal(), Action::ManageOutreach) {
        Ok(principal) => principal,
        Err(error) => return refusal_page(&req, &t, error),
    };
    let query = Fields(
        web::Query::<Vec<(String, String)>>::from_query(req.query_string())
            .map(web::Query::into_inner)
            .unwrap_or_default(),
    );
    let mut values = Values {
        team: query.one("team").trim().to_owned(),
        village: query.one("village").trim().to_owned(),
        ..Values::default()
    };
    let (teams, villages) = match (
        outreach::teams(&state.db, Some(principal)).await,
        outreach::village_choices(&state.db, Some(principal)).await,
    ) {
        (Ok(teams), Ok(villages)) => (teams, villages),
        (Err(error), _) | (_, Err(error)) => return refusal_page(&req, &t, error),
    };
    let mut refused: Option<ServiceError> = None;
    if !values.team.is_empty() && !teams.iter().any(|team| team.id.to_string() == values.team) {
        refused = Some(unknown("team", &values.team, |id| OutreachError::UnknownTeam { id }));
        values.team.clear();
    }
    match villages.iter().find(|village| village.id.to_string() == values.village) {
        // A session in the village's own language, to begin with.
        Some(village) => {
            values.language = village
                .languages
                .iter()
                .find_map(|tag| Language::parse(tag))
                .map(|language| language.code().to_owned())
                .unwrap_or_default();
        }
        None if !values.village.is_empty() => {
            refused = refused
                .or_else(|| Some(unknown("village", &values.village, |id| OutreachError::UnknownVillage { id })));
            values.village.clear();
        }
        None => {}
    }
    let refused = match refused.map(|error| refusal(&req, &t, error)) {
        None => None,
        Some(Ok(refused)) => Some(refused),
        Some(Err(page)) => return *page,
    };
    let status = refused.as_ref().map_or(StatusCode::OK, |refused| refused.status);
    match page(&state, &req, principal, t, &values, refused.map(|refused| refused.detail)).await {
        Ok(page) => respond(&req, status, &page),
        Err(error) => refusal_page(&req, &Texts::new(&page_lang(&req, &caller)), error),
    }
}

/// `POST /outreach/sessions/new`: schedules through the API's reader and service.
pub async fn submit(
    req: HttpRequest,
    state: web::Data<AppState>,
    caller: Caller,
    form: web::Form<Vec<(String, String)>>,
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
    let values = Values::from_fields(&fields);
    let tz = state.settings.time_zone();
    let scheduled = match SessionInput::from_json(&values.json(tz)) {
        Ok(input) => outreach::schedule(&state.db, Some(principal), input, travel(&state), tz).await,
        Err(error) => Err(error.into()),
    };
    let error = match scheduled {
        Ok(scheduled) => {
            let target = format!("/outreach/sessions/{}?scheduled=1", scheduled.session.id);
            return HttpResponse::SeeOther().insert_header((LOCATION, target)).finish();
        }
        Err(error) => error,
    };
    let Refusal { status, detail } = match refusal(&req, &t, error) {
        Ok(refused) => refused,
        Err(page) => return *page,
    };
    match page(&state, &req, principal, t, &values, Some(detail)).await {
        Ok(page) => respond(&req, status, &page),
        Err(error) => refusal_page(&req, &Texts::new(&page_lang(&req, &caller)), error),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_local_date_and_time_is_read_in_the_configured_zone() {
        let tz = chrono_tz::Asia::Shanghai;
        assert_eq!(local_time("2027-01-10T09:00", tz), "2027-01-10T09:00:00+08:00");
        assert_eq!(local_time("2027-01-10T09:00:30", tz), "2027-01-10T09:00:30+08:00");
        assert_eq!(local_time("tomorrow", tz), "tomorrow");
        // A time that does not exist there (the spring gap) is left for the rules to refuse.
        assert_eq!(local_time("2027-03-14T02:30", chrono_tz::America::New_York), "2027-03-14T02:30");
    }

    #[test]
    fn empty_fields_are_left_out_of_the_body_and_lists_kept_in_order() {
        let values = Values {
            team: "3".to_owned(),
            village: String::new(),
            starts_at: "2027-01-10T09:00".to_owned(),
            ends_at: String::new(),
            language: "khb".to_owned(),
            topics: vec!["anti_drug".to_owned(), "border_law".to_owned()],
            presenters: vec!["7".to_owned(), "x".to_owned()],
            interpreter: String::new(),
        };
        let body = values.json(chrono_tz::Asia::Shanghai);
        assert_eq!(body["team_id"], 3);
        assert!(body.get("village_id").is_none() && body.get("ends_at").is_none());
        assert_eq!(body["starts_at"], "2027-01-10T09:00:00+08:00");
        assert_eq!(body["topics"], serde_json::json!(["anti_drug", "border_law"]));
        assert_eq!(body["presenter_ids"], serde_json::json!([7, "x"]));
        assert_eq!(
            SessionInput::from_json(&body).map(|_| ()),
            Err(DomainError::MissingParameter { name: "village_id" })
        );
    }
}
