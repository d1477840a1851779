//! `/login` and `/logout`: the sign-in form for people (the API has its own JSON login).

use actix_web::cookie::{Cookie, SameSite};
use actix_web::http::StatusCode;
use actix_web::http::header::LOCATION;
use actix_web::{HttpRequest, HttpResponse, web};
use fluent_bundle::FluentValue;
use rand::Rng;
use serde::Deserialize;
use unic_langid::LanguageIdentifier;

use super::html::{escape, page};
use crate::api::auth::{Caller, SESSION_COOKIE};
use crate::api::lang::{LANG_COOKIE, negotiate, negotiate_for, query_lang};
use crate::i18n::Localizer;
use crate::services::{ServiceError, auth};
use crate::startup::AppState;

/// Name of the CSRF cookie (its value must come back in the form's `csrf` field).
pub const CSRF_COOKIE: &str = "banna_csrf";

fn csrf_value(req: &HttpRequest) -> Option<String> {
    req.cookie(CSRF_COOKIE).map(|cookie| cookie.value().to_owned()).filter(|value| value.len() == 64)
}

fn new_csrf() -> String {
    let bytes: [u8; 32] = rand::rng().random();
    bytes.iter().map(|byte| format!("{byte:02x}")).collect()
}

fn cookie(req: &HttpRequest, name: &'static str, value: String) -> Cookie<'static> {
    Cookie::build(name, value)
        .path("/")
        .http_only(true)
        .same_site(SameSite::Strict)
        .secure(req.connection_info().scheme() == "https")
        .finish()
}

struct Form<'a> {
    lang: &'a LanguageIdentifier,
    csrf: &'a str,
    username: &'a str,
    error: Option<String>,
}

fn render_form(localizer: &Localizer, form: Form<'_>) -> String {
    let t = |id: &str| escape(&localizer.text(form.lang, id));
    let error =
        form.error.map(|text| format!("<p class=\"error\" role=\"alert\">{}</p>\n", escape(&text))).unwrap_or_default();
    format!(
        "<h1>{title}</h1>\n{error}<form method=\"post\" action=\"/login\">\n\
         <input type=\"hidden\" name=\"csrf\" value=\"{csrf}\">\n\
         <label for=\"username\">{user}</label>\n\
         <input id=\"username\" name=\"username\" autocomplete=\"username\" required value=\"{username}\">\n\
         <label for=\"password\">{password}</label>\n\
         <input id=\"password\" name=\"password\" type=\"password\" autocomplete=\"current-password\" required>\n\
         <button type=\"submit\">{submit}</button>\n</form>",
        title = t("page-login-title"),
        user = t("page-login-username"),
        password = t("page-login-password"),
        submit = t("page-login-submit"),
        csrf = escape(form.csrf),
        username = escape(form.username),
    )
}

/// `GET /login`: the form, or who is signed in with a sign-out button.
pub async fn show(req: HttpRequest, caller: Caller) -> HttpResponse {
    let localizer = Localizer::global();
    let lang = negotiate_for(&req, localizer, caller.principal().map(|principal| principal.locale.as_str()));
    let csrf = csrf_value(&req).unwrap_or_else(new_csrf);
    let title = localizer.text(&lang, "page-login-title");
    let body = match caller.principal() {
        Some(principal) => format!(
            "<h1>{title}</h1>\n<p>{signed_in}</p>\n<form method=\"post\" action=\"/logout\">\n\
             <input type=\"hidden\" name=\"csrf\" value=\"{csrf}\">\n<button type=\"submit\">{logout}</button>\n</form>",
            title = escape(&title),
            signed_in = escape(&localizer.format(
                &lang,
                "page-login-signed-in",
                &[("username", FluentValue::from(principal.username.clone()))]
            )),
            csrf = escape(&csrf),
            logout = escape(&localizer.text(&lang, "page-logout-submit")),
        ),
        None => render_form(localizer, Form { lang: &lang, csrf: &csrf, username: "", error: None }),
    };
    let body = format!("{}\n{body}", language_switcher(localizer, &lang));
    let mut response = page(StatusCode::OK, &lang.to_string(), &title, &body);
    let _ = response.add_cookie(&cookie(&req, CSRF_COOKIE, csrf));
    if query_lang(req.query_string()).is_some() {
        let _ = response.add_cookie(&cookie(&req, LANG_COOKIE, lang.to_string()));
    }
    response
}

/// Links to every available language, each named in itself; the current one is marked.
fn language_switcher(localizer: &Localizer, current: &LanguageIdentifier) -> String {
    let links: Vec<String> = localizer
        .available()
        .iter()
        .map(|locale| {
            let name = escape(&localizer.text(locale, "language-name"));
            let tag = escape(&locale.to_string());
            if locale == current {
                format!("<strong lang=\"{tag}\">{name}</strong>")
            } else {
                format!("<a href=\"?lang={tag}\" lang=\"{tag}\" hreflang=\"{tag}\">{name}</a>")
            }
        })
        .collect();
    format!("<nav class=\"languages\">{}</nav>", links.join(" · "))
}

#[derive(Deserialize)]
pub struct LoginForm {
    csrf: String,
    username: String,
    password: String,
}

fn csrf_refused(localizer: &Localizer, lang: &LanguageIdentifier) -> HttpResponse {
    let title = localizer.text(lang, "page-csrf-title");
    let body = format!(
        "<h1>{}</h1>\n<p>{}</p>\n<p><a href=\"/login\">{}</a></p>",
        escape(&title),
        escape(&localizer.text(lang, "page-csrf-detail")),
        escape(&localizer.text(lang, "page-login-title"))
    );
    page(StatusCode::FORBIDDEN, &lang.to_string(), &title, &body)
}

/// `POST /login`: checks the CSRF token, signs in, sets the session cookie.
pub async fn submit(req: HttpRequest, state: web::Data<AppState>, form: web::Form<LoginForm>) -> HttpResponse {
    let localizer = Localizer::global();
    let lang = negotiate(&req, localizer);
    let Some(csrf) = csrf_value(&req).filter(|expected| *expected == form.csrf) else {
        return csrf_refused(localizer, &lang);
    };
    let address = req.peer_addr().map(|address| address.ip().to_string()).unwrap_or_default();
    match auth::login(&state.db, &form.username, &form.password, &address).await {
        Ok(issued) => {
            let mut response = HttpResponse::SeeOther().insert_header((LOCATION, "/login")).finish();
            let _ = response.add_cookie(&cookie(&req, SESSION_COOKIE, issued.secret));
            response
        }
        Err(error) => {
            let (status, message) = match error {
                ServiceError::LoginFailed => {
                    (StatusCode::UNAUTHORIZED, localizer.text(&lang, "problem-login-failed-detail"))
                }
                ServiceError::Throttled { seconds } => (
                    StatusCode::TOO_MANY_REQUESTS,
                    localizer.format(
                        &lang,
                        "problem-login-throttled-detail",
                        &[("seconds", FluentValue::from(seconds))],
                    ),
                ),
                other => {
                    tracing::error!(error = ?other, "sign-in failed unexpectedly");
                    (StatusCode::SERVICE_UNAVAILABLE, localizer.text(&lang, "problem-unavailable-detail"))
                }
            };
            let body = render_form(
                localizer,
                Form { lang: &lang, csrf: &csrf, username: &form.username, error: Some(message) },
            );
            page(status, &lang.to_string(), &localizer.text(&lang, "page-login-title"), &body)
        }
    }
}

#[derive(Deserialize)]
pub struct LogoutForm {
    csrf: String,
}

/// `POST /logout`: ends the session of the cookie (CSRF-checked), then back to the form.
pub async fn logout(
    req: HttpRequest,
    state: web::Data<AppState>,
    caller: Caller,
    form: web::Form<LogoutForm>,
) -> HttpResponse {
    let localizer = Localizer::global();
    let lang = negotiate(&req, localizer);
    if csrf_value(&req).filter(|expected| *expected == form.csrf).is_none() {
        return csrf_refused(localizer, &lang);
    }
    if let Some(principal) = caller.principal()
        && let Err(error) = auth::logout(&state.db, principal).await
    {
        tracing::error!(error = ?error, "sign-out failed");
    }
    let mut response = HttpResponse::SeeOther().insert_header((LOCATION, "/login")).finish();
    let mut gone = cookie(&req, SESSION_COOKIE, String::new());
    gone.make_removal();
    let _ = response.add_cookie(&gone);
    response
}
