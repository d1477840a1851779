//! Planning outreach: `GET /api/v1/outreach/coverage?from=&to=` (the share of key villages and
//! of all villages reached by a session held in their primary language, by language and by
//! county, with the key villages still uncovered) and
//! `GET /api/v1/outreach/suggestions?team=&from=&to=` (the villages ranked for a team, each
//! with its score and the reasons in the request's language). Dates are local `YYYY-MM-DD`.

use actix_web::{HttpRequest, HttpResponse, web};
use fluent_bundle::FluentValue;
use serde::Deserialize;
use serde_json::{Value, json};
use unic_langid::LanguageIdentifier;

use super::ApiError;
use super::auth::Caller;
use super::lang::negotiate_for;
use crate::domain::DomainError;
use crate::domain::auth::Action;
use crate::domain::figures::round1;
use crate::domain::filter::DateSpan;
use crate::domain::outreach_plan::{Days, Group, Reason, TREND_BIN_KM, TREND_MONTHS, Tally};
use crate::domain::paging::parse_id;
use crate::i18n::Localizer;
use crate::services::admin::UnitRef;
use crate::services::auth;
use crate::services::outreach::coverage::{self, CoverageReport};
use crate::services::outreach::suggestions::{self, Suggestion, Suggestions};
use crate::startup::AppState;

/// `?from=&to=`, read as text so each gets its own message; empty means absent.
#[derive(Debug, Deserialize)]
pub struct CoverageQuery {
    from: Option<String>,
    to: Option<String>,
}

/// `?team=&from=&to=`.
#[derive(Debug, Deserialize)]
pub struct SuggestionsQuery {
    team: Option<String>,
    from: Option<String>,
    to: Option<String>,
}

fn given(value: &Option<String>) -> Option<&str> {
    value.as_deref().filter(|text| !text.trim().is_empty())
}

fn request_lang(req: &HttpRequest, caller: &Caller) -> LanguageIdentifier {
    negotiate_for(req, Localizer::global(), caller.principal().map(|principal| principal.locale.as_str()))
}

pub async fn coverage(
    req: HttpRequest,
    caller: Caller,
    state: web::Data<AppState>,
    query: web::Query<CoverageQuery>,
) -> Result<HttpResponse, ApiError> {
    auth::require(caller.principal(), Action::PlanOutreach)?;
    let days = DateSpan::parse(None, given(&query.from), given(&query.to))?;
    let report = coverage::coverage(&state.db, caller.principal(), &days, state.settings.time_zone()).await?;
    let lang = request_lang(&req, &caller);
    Ok(HttpResponse::Ok().insert_header(("Content-Language", lang.to_string())).json(coverage_json(
        &report,
        Localizer::global(),
        &lang,
    )))
}

pub async fn suggestions(
    req: HttpRequest,
    caller: Caller,
    state: web::Data<AppState>,
    query: web::Query<SuggestionsQuery>,
) -> Result<HttpResponse, ApiError> {
    auth::require(caller.principal(), Action::PlanOutreach)?;
    let team = given(&query.team).ok_or(DomainError::MissingParameter { name: "team" })?;
    let team = i32::try_from(parse_id(team.trim())?).map_err(|_| DomainError::InvalidId { value: team.to_owned() })?;
    let days = DateSpan::parse(None, given(&query.from), given(&query.to))?;
    let found =
        suggestions::suggestions(&state.db, &state.border, caller.principal(), team, &days, state.settings.time_zone())
            .await?;
    let lang = request_lang(&req, &caller);
    Ok(HttpResponse::Ok().insert_header(("Content-Language", lang.to_string())).json(suggestions_json(
        &found,
        Localizer::global(),
        &lang,
    )))
}

/// A language tag and its name in `lang` (the tag itself when it has no name).
fn language_json(localizer: &Localizer, lang: &LanguageIdentifier, tag: &str) -> Value {
    json!({ "code": tag, "name": language_name(localizer, lang, tag) })
}

fn language_name(localizer: &Localizer, lang: &LanguageIdentifier, tag: &str) -> String {
    let id = format!("page-record-language-{}", tag.trim().to_ascii_lowercase().replace('_', "-"));
    if localizer.message_ids(localizer.default_locale()).contains(&id) {
        localizer.text(lang, &id)
    } else {
        tag.to_owned()
    }
}

fn name_json(name_zh: &str, name_en: Option<&str>) -> Value {
    json!({ "zh": name_zh, "en": name_en })
}

fn unit_json(unit: Option<&UnitRef>) -> Value {
    unit.map_or(Value::Null, |unit| json!({ "code": unit.code, "name": name_json(&unit.name_zh, Some(&unit.name_en)) }))
}

/// Villages counted and reached; the share (percent, one decimal) is `null` when the period
/// has no data or there is nothing to count.
fn tally_json(tally: &Tally, has_data: bool) -> Value {
    json!({
        "total": tally.total,
        "covered": tally.covered,
        "uncovered": tally.uncovered(),
        "sharePercent": tally.share_percent().filter(|_| has_data).map(round1),
    })
}

fn coverage_json(report: &CoverageReport, localizer: &Localizer, lang: &LanguageIdentifier) -> Value {
    let has_data = report.has_data;
    let by_language: Vec<Value> = report
        .by_language
        .iter()
        .map(|group| {
            json!({
                "language": group.key.as_deref().map(|tag| language_json(localizer, lang, tag)),
                "keyVillages": tally_json(&group.tally.key, has_data),
                "allVillages": tally_json(&group.tally.all, has_data),
            })
        })
        .collect();
    let by_county: Vec<Value> = report
        .by_county
        .iter()
        .map(|group| {
            json!({
                "county": unit_json(group.key.as_ref()),
                "keyVillages": tally_json(&group.tally.key, has_data),
                "allVillages": tally_json(&group.tally.all, has_data),
            })
        })
        .collect();
    let uncovered: Vec<Value> = report
        .uncovered_key_villages
        .iter()
        .map(|village| {
            json!({
                "id": village.id,
                "code": village.code,
                "name": name_json(&village.name_zh, village.name_en.as_deref()),
                "primaryLanguage": village.primary_language.as_deref().map(|tag| language_json(localizer, lang, tag)),
                "county": unit_json(village.county.as_ref()),
            })
        })
        .collect();
    json!({
        "from": report.first.to_string(),
        "to": report.last.to_string(),
        "sessions": report.sessions,
        "hasData": has_data,
        "keyVillages": tally_json(&report.totals.key, has_data),
        "allVillages": tally_json(&report.totals.all, has_data),
        "byLanguage": by_language,
        "byCounty": by_county,
        "uncoveredKeyVillages": uncovered,
    })
}

fn days_json(days: &Days) -> Value {
    json!({ "from": days.first.to_string(), "to": days.last.to_string() })
}

fn suggestions_json(found: &Suggestions, localizer: &Localizer, lang: &LanguageIdentifier) -> Value {
    let team = &found.team;
    let languages: Vec<Value> = team.languages.iter().map(|tag| language_json(localizer, lang, tag)).collect();
    let villages: Vec<Value> = found
        .villages
        .iter()
        .enumerate()
        .map(|(index, village)| suggestion_json(index + 1, village, localizer, lang))
        .collect();
    json!({
        "team": {
            "id": team.id,
            "code": team.code,
            "name": name_json(&team.name_zh, team.name_en.as_deref()),
            "unit": unit_json(team.unit.as_ref()),
            "languages": languages,
        },
        "from": found.first.to_string(),
        "to": found.last.to_string(),
        "incidentWindows": found.windows.map(|(before, recent)| json!({
            "before": days_json(&before),
            "recent": days_json(&recent),
        })),
        "nearKm": found.near_km,
        "binKm": TREND_BIN_KM,
        "villages": villages,
    })
}

fn suggestion_json(rank: usize, village: &Suggestion, localizer: &Localizer, lang: &LanguageIdentifier) -> Value {
    let ranked = &village.ranked;
    let reasons: Vec<Value> = reasons_in_words(village, localizer, lang)
        .into_iter()
        .map(|(code, text)| json!({ "code": code, "text": text }))
        .collect();
    json!({
        "rank": rank,
        "id": village.id,
        "code": village.code,
        "name": name_json(&village.name_zh, village.name_en.as_deref()),
        "county": unit_json(village.county.as_ref()),
        "isKey": ranked.is_key,
        "borderKm": village.border_km,
        "primaryLanguage": village.primary_language.as_deref().map(|tag| language_json(localizer, lang, tag)),
        "score": ranked.score,
        "group": ranked.group.code(),
        "canServe": ranked.group != Group::CannotServe,
        "lastHeld": village.last_held.map(|day| day.to_string()),
        "monthsSinceLastHeld": ranked.months_waiting,
        "planned": village.planned.map(|day| day.to_string()),
        "incidents": village.incidents.map(|found| json!({
            "before": found.before,
            "recent": found.recent,
            "trend": found.direction().as_str(),
        })),
        "reasons": reasons,
    })
}

/// A suggestion's reasons, each as its code and in words (the API and the team page).
pub(crate) fn reasons_in_words(
    village: &Suggestion,
    localizer: &Localizer,
    lang: &LanguageIdentifier,
) -> Vec<(&'static str, String)> {
    let language = village
        .primary_language
        .as_deref()
        .map_or_else(|| localizer.text(lang, "outreach-plan-any-language"), |tag| language_name(localizer, lang, tag));
    village
        .ranked
        .reasons
        .iter()
        .map(|reason| (reason.code(), reason_text(localizer, lang, reason, &language)))
        .collect()
}

/// A reason in words: every message gets the village's primary language as `language`.
fn reason_text(localizer: &Localizer, lang: &LanguageIdentifier, reason: &Reason, language: &str) -> String {
    let mut args: Vec<(&str, FluentValue<'_>)> =
        vec![("language", FluentValue::from(language.to_owned())), ("months", FluentValue::from(TREND_MONTHS))];
    match reason {
        Reason::LastHeld { on, months } => {
            args.push(("date", FluentValue::from(on.to_string())));
            args.push(("since", FluentValue::from(*months)));
        }
        Reason::IncidentsRising { before, recent } | Reason::IncidentsFalling { before, recent } => {
            args.push(("before", FluentValue::from(*before)));
            args.push(("recent", FluentValue::from(*recent)));
        }
        Reason::IncidentsNew { recent } => args.push(("recent", FluentValue::from(*recent))),
        Reason::IncidentsSteady { count } => args.push(("count", FluentValue::from(*count))),
        Reason::AlreadyPlanned { on } => args.push(("date", FluentValue::from(on.to_string()))),
        Reason::KeyVillage
        | Reason::NeverHeld
        | Reason::NoIncidents
        | Reason::NotLocated
        | Reason::LanguageServed { .. }
        | Reason::LanguageNotServed { .. }
        | Reason::NoLanguageListed => {}
    }
    localizer.format(lang, reason.message_id(), &args)
}
