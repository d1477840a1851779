//! `/field`: the liaison officer's visit form, made for phones with poor signal. The page is a
//! shell whose labels are server-rendered; the script (`assets/field.js`) lists the officer's
//! running linkages (`GET /api/v1/linkages/mine`), takes a visit with the browser's position
//! and its accuracy, queues it on the device (IndexedDB) under a UUID made when it is recorded,
//! and sends the queue to `POST /api/v1/sync/visits` whenever the network is there; the server
//! stores each UUID once, so a batch whose answer is lost is simply sent again.
//!
//! The service worker (`assets/field-sw.js`, served at `/field/sw.js` with the scope `/field`)
//! keeps the page, its script and stylesheets and each officer's assignments, so the form opens
//! and works offline. Its cache name carries a fingerprint of those files, so a new build
//! replaces what phones keep.

use std::hash::{Hash, Hasher};
use std::sync::LazyLock;

use actix_web::http::StatusCode;
use actix_web::http::header::{CACHE_CONTROL, CONTENT_TYPE};
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use fluent_bundle::FluentValue;
use serde::Serialize;
use unic_langid::LanguageIdentifier;

use super::html::{Layout, MessagePage, render, to_login};
use crate::api::auth::Caller;
use crate::api::lang::negotiate_for;
use crate::domain::auth::Action;
use crate::domain::visit::{FindingKind, MAX_FINDINGS, MAX_SYNC_VISITS, MAX_TEXT_CHARS};
use crate::i18n::Localizer;
use crate::services::{ServiceError, auth};
use crate::startup::AppState;

const FIELD_JS: &str = include_str!("assets/field.js");
const FIELD_CSS: &str = include_str!("assets/field.css");
const SERVICE_WORKER: &str = include_str!("assets/field-sw.js");

/// Where the service worker is served and what it controls (the page and its query variants).
const SW_SCOPE: &str = "/field";

/// Fingerprint of everything the service worker keeps, so that a build changing any of them
/// changes the worker's bytes and the phone installs the new one.
static CACHE_VERSION: LazyLock<String> = LazyLock::new(|| {
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    (FIELD_JS, FIELD_CSS, SERVICE_WORKER, super::html::stylesheet_text(), env!("CARGO_PKG_VERSION")).hash(&mut hasher);
    format!("{:016x}", hasher.finish())
});

/// Message ids handed to the script, by the key it uses.
const LABELS: &[(&str, &str)] = &[
    ("online", "page-field-online"),
    ("offline", "page-field-offline"),
    ("noLinkages", "page-field-no-linkages"),
    ("linkagesCached", "page-field-linkages-cached"),
    ("linkagesUnavailable", "page-field-linkages-unavailable"),
    ("department", "page-field-department"),
    ("village", "page-field-target-village"),
    ("post", "page-field-target-post"),
    ("perMonth", "page-field-per-month"),
    ("locating", "page-field-locating"),
    ("located", "page-field-located"),
    ("locationFailed", "page-field-location-failed"),
    ("locationDenied", "page-field-location-denied"),
    ("poorAccuracy", "page-field-poor-accuracy"),
    ("needLinkage", "page-field-need-linkage"),
    ("needPosition", "page-field-need-position"),
    ("saved", "page-field-saved"),
    ("queued", "page-field-queued"),
    ("sending", "page-field-sending"),
    ("synced", "page-field-synced"),
    ("refused", "page-field-refused"),
    ("signInAgain", "page-field-sign-in-again"),
    ("syncFailed", "page-field-sync-failed"),
    ("remove", "page-field-remove"),
    ("noStorage", "page-field-no-storage"),
    ("findingText", "page-field-finding-text"),
    ("removeFinding", "page-field-remove-finding"),
];

/// Placeholders the script fills in, passed as Fluent arguments so that each translation keeps
/// them where the translator put them.
const PLACEHOLDERS: &[&str] = &["count", "accuracy", "max", "time", "reason", "lon", "lat", "sent"];

#[derive(Serialize)]
struct FieldConfig {
    lang: String,
    /// The signed-in officer: queued visits are kept per officer on a shared phone.
    user: String,
    scope: &'static str,
    worker: &'static str,
    max_accuracy_m: f64,
    max_findings: usize,
    max_text_chars: usize,
    max_batch: usize,
    labels: serde_json::Map<String, serde_json::Value>,
    finding_kinds: Vec<(String, String)>,
}

#[derive(Template)]
#[template(path = "field.html")]
struct FieldPage {
    layout: Layout,
    text: FieldText,
    /// JSON for a `<script type="application/json">` element, `<` escaped.
    config_json: String,
}

/// The page's fixed words.
struct FieldText {
    intro: String,
    queue: String,
    sync_now: String,
    linkages: String,
    target: String,
    position: String,
    locate: String,
    findings: String,
    add_finding: String,
    follow_ups: String,
    save: String,
    queue_list: String,
    noscript: String,
}

impl FieldText {
    fn new(localizer: &Localizer, lang: &LanguageIdentifier) -> FieldText {
        let text = |id: &str| localizer.text(lang, id);
        FieldText {
            intro: text("page-field-intro"),
            queue: text("page-field-queue"),
            sync_now: text("page-field-sync-now"),
            linkages: text("page-field-linkages"),
            target: text("page-field-target"),
            position: text("page-field-position"),
            locate: text("page-field-locate"),
            findings: text("page-field-findings"),
            add_finding: text("page-field-add-finding"),
            follow_ups: text("page-field-follow-ups"),
            save: text("page-field-save"),
            queue_list: text("page-field-queue-list"),
            noscript: text("page-field-noscript"),
        }
    }
}

fn config_json(localizer: &Localizer, lang: &LanguageIdentifier, state: &AppState, user: &str) -> String {
    let placeholders: Vec<(&str, FluentValue)> =
        PLACEHOLDERS.iter().map(|name| (*name, FluentValue::from(format!("{{{name}}}")))).collect();
    let labels = LABELS
        .iter()
        .map(|(key, id)| ((*key).to_owned(), serde_json::Value::String(localizer.format(lang, id, &placeholders))))
        .collect();
    let finding_kinds = FindingKind::ALL
        .iter()
        .map(|kind| {
            let id = format!("page-field-finding-{}", kind.code().replace('_', "-"));
            (kind.code().to_owned(), localizer.text(lang, &id))
        })
        .collect();
    let config = FieldConfig {
        lang: lang.to_string(),
        user: user.to_owned(),
        scope: SW_SCOPE,
        worker: "/field/sw.js",
        max_accuracy_m: state.settings.visits.max_accuracy_m,
        max_findings: MAX_FINDINGS,
        max_text_chars: MAX_TEXT_CHARS,
        max_batch: MAX_SYNC_VISITS,
        labels,
        finding_kinds,
    };
    serde_json::to_string(&config).unwrap_or_else(|_| "{}".to_owned()).replace('<', "\\u003c")
}

/// `GET /field`
pub async fn show(req: HttpRequest, state: web::Data<AppState>, caller: Caller) -> HttpResponse {
    let localizer = Localizer::global();
    let lang = negotiate_for(&req, localizer, caller.principal().map(|principal| principal.locale.as_str()));
    let principal = match auth::require(caller.principal(), Action::LogVisits) {
        Ok(principal) => principal,
        Err(ServiceError::Unauthenticated) => return to_login(&req),
        Err(_) => {
            let page = MessagePage {
                layout: Layout::new(localizer, &lang, "problem-forbidden-title"),
                detail: localizer.text(&lang, "problem-forbidden-detail"),
                link_href: "/login",
                link_text: localizer.text(&lang, "page-login-title"),
            };
            return render(StatusCode::FORBIDDEN, &page);
        }
    };
    let page = FieldPage {
        layout: Layout::new(localizer, &lang, "page-field-title").for_request(&req, Some(principal)),
        text: FieldText::new(localizer, &lang),
        config_json: config_json(localizer, &lang, &state, &principal.username),
    };
    let mut response = render(StatusCode::OK, &page);
    // The browser's HTTP cache never keeps a signed-in page; the service worker keeps its own
    // copy for offline use.
    response.headers_mut().insert(CACHE_CONTROL, actix_web::http::header::HeaderValue::from_static("no-store"));
    response
}

fn script(body: String, cache: &'static str) -> HttpResponse {
    HttpResponse::Ok()
        .insert_header((CONTENT_TYPE, "text/javascript; charset=utf-8"))
        .insert_header((CACHE_CONTROL, cache))
        .body(body)
}

/// `GET /field/sw.js`: the service worker, allowed to control `/field` (one level above its
/// own path) and always checked for a newer version.
pub async fn service_worker() -> HttpResponse {
    let mut response = script(SERVICE_WORKER.replace("__CACHE_VERSION__", &CACHE_VERSION), "no-cache");
    response.headers_mut().insert(
        actix_web::http::header::HeaderName::from_static("service-worker-allowed"),
        actix_web::http::header::HeaderValue::from_static(SW_SCOPE),
    );
    response
}

/// `GET /static/field.js`
pub async fn field_script() -> HttpResponse {
    script(FIELD_JS.to_owned(), "no-cache")
}

/// `GET /static/field.css`
pub async fn field_stylesheet() -> HttpResponse {
    HttpResponse::Ok()
        .insert_header((CONTENT_TYPE, "text/css; charset=utf-8"))
        .insert_header((CACHE_CONTROL, "no-cache"))
        .body(FIELD_CSS)
}

#[cfg(test)]
mod tests {
    use super::{CACHE_VERSION, LABELS, SERVICE_WORKER};

    #[test]
    fn the_worker_names_its_cache_after_the_files_it_keeps() {
        assert!(SERVICE_WORKER.contains("__CACHE_VERSION__"), "the worker has a version placeholder");
        assert_eq!(CACHE_VERSION.len(), 16);
        assert!(CACHE_VERSION.bytes().all(|b| b.is_ascii_hexdigit()));
    }

    #[test]
    fn every_label_the_script_uses_is_handed_to_it() {
        let script = super::FIELD_JS;
        for (key, _) in LABELS {
            assert!(script.contains(&format!("label('{key}'")), "field.js never uses the label {key}");
        }
    }
}
