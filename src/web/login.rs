//! `/login` and `/logout`: the sign-in form for people (the API has its own JSON login).

use actix_web::http::StatusCode;
use actix_web::http::header::LOCATION;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use fluent_bundle::FluentValue;
use rand::Rng;
use serde::Deserialize;
use unic_langid::LanguageIdentifier;

use super::html::{Layout, MessagePage, local_path, render};
use crate::api::auth::{Caller, SESSION_COOKIE, session_cookie, site_cookie};
use crate::api::lang::{negotiate, negotiate_for};
use crate::i18n::Localizer;
use crate::services::{ServiceError, auth};
use crate::startup::AppState;

/// Name of the CSRF cookie (its value must come back in the form's `csrf` field).
pub const CSRF_COOKIE: &str = "banna_csrf";

pub(crate) fn csrf_value(req: &HttpRequest) -> Option<String> {
    req.cookie(CSRF_COOKIE).map(|cookie| cookie.value().to_owned()).filter(|value| value.len() == 64)
}

pub(crate) fn new_csrf() -> String {
    let bytes: [u8; 32] = rand::rng().random();
    bytes.iter().map(|byte| format!("{byte:02x}")).collect()
}

struct Labels {
    username: String,
    password: String,
    submit: String,
    logout: String,
}

#[derive(Template)]
#[template(path = "login.html")]
struct LoginPage {
    layout: Layout,
    labels: Labels,
    csrf: String,
    username: String,
    error: Option<String>,
    /// "Signed in as …" when a session is open.
    signed_in: Option<String>,
    /// Where to go after signing in (a local path), carried in a hidden field.
    next: String,
}

fn login_page(localizer: &Localizer, lang: &LanguageIdentifier, csrf: String) -> LoginPage {
    LoginPage {
        layout: Layout::new(localizer, lang, "page-login-title"),
        labels: Labels {
            username: localizer.text(lang, "page-login-username"),
            password: localizer.text(lang, "page-login-password"),
            submit: localizer.text(lang, "page-login-submit"),
            logout: localizer.text(lang, "page-logout-submit"),
        },
        csrf,
        username: String::new(),
        error: None,
        signed_in: None,
        next: String::new(),
    }
}

#[derive(Deserialize)]
pub struct LoginQuery {
    next: Option<String>,
}

/// `GET /login[?next=/path]`: the form, or who is signed in with a sign-out button.
pub async fn show(req: HttpRequest, caller: Caller, query: web::Query<LoginQuery>) -> HttpResponse {
    let localizer = Localizer::global();
    let lang = negotiate_for(&req, localizer, caller.principal().map(|principal| principal.locale.as_str()));
    let csrf = csrf_value(&req).unwrap_or_else(new_csrf);
    let mut page = login_page(localizer, &lang, csrf.clone());
    page.layout = page.layout.for_request(&req, caller.principal());
    page.next = query.next.as_deref().and_then(local_path).unwrap_or_default().to_owned();
    page.signed_in = caller.principal().map(|principal| {
        localizer.format(&lang, "page-login-signed-in", &[("username", FluentValue::from(principal.username.clone()))])
    });
    let mut response = render(StatusCode::OK, &page);
    let _ = response.add_cookie(&site_cookie(&req, CSRF_COOKIE, csrf));
    response
}

#[derive(Deserialize)]
pub struct LoginForm {
    csrf: String,
    username: String,
    password: String,
    #[serde(default)]
    next: String,
}

pub(crate) fn csrf_refused(localizer: &Localizer, lang: &LanguageIdentifier) -> HttpResponse {
    let page = MessagePage {
        layout: Layout::new(localizer, lang, "page-csrf-title"),
        detail: localizer.text(lang, "page-csrf-detail"),
        link_href: "/login",
        link_text: localizer.text(lang, "page-login-title"),
    };
    render(StatusCode::FORBIDDEN, &page)
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
            let target = local_path(&form.next).unwrap_or("/login");
            let mut response = HttpResponse::SeeOther().insert_header((LOCATION, target)).finish();
            let _ = response.add_cookie(&session_cookie(&req, issued.secret));
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
            let mut page = login_page(localizer, &lang, csrf);
            page.username = form.username.clone();
            page.next = local_path(&form.next).unwrap_or_default().to_owned();
            page.error = Some(message);
            render(status, &page)
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
    let mut gone = site_cookie(&req, SESSION_COOKIE, String::new());
    gone.make_removal();
    let _ = response.add_cookie(&gone);
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn user_input_is_escaped_in_the_page() {
        let localizer = Localizer::global();
        let lang: LanguageIdentifier = "en".parse().expect("tag");
        let mut page = login_page(localizer, &lang, "c".repeat(64));
        page.username = "<script>alert(1)</script>".to_owned();
        page.error = Some("\"quoted\" & <b>".to_owned());
        let html = page.render().expect("renders");
        assert!(!html.contains("<script>alert"), "{html}");
        assert!(html.contains("value=\"&#60;script&#62;") || html.contains("value=\"&lt;script&gt;"), "{html}");
        assert!(html.contains("&#38;") || html.contains("&amp;"), "{html}");
        assert!(html.contains("<strong lang=\"en\">English</strong>"), "the switcher marks the current language");
    }
}
