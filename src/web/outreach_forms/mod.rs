//! The scheduling forms of legal outreach, for coordinators on phones and desktops: a new
//! session (`new`), and a session's page with its "held" and "cancel" forms (`session`).
//!
//! The forms are translated into the JSON bodies the API reads and handed to the same domain
//! readers (`SessionInput::from_json`, …) and services, so there is one set of rules: a
//! refusal re-renders the form with the API's problem detail in the page's language and the
//! API's status (400, 404, 409), every value kept. Posts carry the double-submit CSRF token of
//! the sign-in form and are checked before anything else.

mod new;
mod session;

pub use new::{show as new_form, submit as new_submit};
pub use session::{cancel, held, show};

use actix_web::http::StatusCode;
use actix_web::http::header::{CACHE_CONTROL, CONTENT_TYPE};
use actix_web::{HttpMessage, HttpRequest, HttpResponse};
use fluent_bundle::FluentValue;
use serde_json::Value;

use super::html::to_login;
use super::login::csrf_value;
use super::records::{Texts, message, page_lang};
use crate::api::ApiError;
use crate::domain::outreach::{Language, Level, Status, Topic};
use crate::i18n::Localizer;
use crate::services::ServiceError;

/// Where the list of sessions lives (the read-only outreach pages).
const SESSIONS_HREF: &str = "/outreach/sessions";

/// What the forms add to the record pages' [`Texts`] (templates call `t.get("outreach-form-…")`).
impl Texts {
    /// A language's name with its code, `Tai Lü (khb)`; an unknown code as it is.
    fn language_with_code(&self, tag: &str) -> String {
        match Language::parse(tag) {
            Some(language) => format!("{} ({})", self.get(language.message_id()), language.code()),
            None => tag.to_owned(),
        }
    }

    /// A language's name alone (the code for an unknown one).
    fn language_name(&self, tag: &str) -> String {
        Language::parse(tag).map_or_else(|| tag.to_owned(), |language| self.get(language.message_id()))
    }

    fn level(&self, code: &str) -> String {
        match Level::parse(code) {
            Some(level) => self.get(&format!("outreach-form-level-{}", level.code())),
            None => code.to_owned(),
        }
    }

    fn topic(&self, code: &str) -> String {
        Topic::parse(code).map_or_else(|| code.to_owned(), |topic| self.get(&topic.message_id()))
    }

    fn status(&self, code: &str) -> String {
        match Status::parse(code) {
            Some(status) => self.get(&format!("outreach-form-status-{}", status.code())),
            None => code.to_owned(),
        }
    }
}

/// A posted form as its pairs: checkboxes repeat a name.
struct Fields(Vec<(String, String)>);

impl Fields {
    /// The first value of `name`, or "".
    fn one(&self, name: &str) -> &str {
        self.0.iter().find(|(key, _)| key == name).map_or("", |(_, value)| value.as_str())
    }

    /// Every non-empty value of `name`, in order.
    fn all(&self, name: &str) -> Vec<String> {
        self.0.iter().filter(|(key, value)| key == name && !value.trim().is_empty()).map(|(_, v)| v.clone()).collect()
    }

    /// Whether the CSRF field repeats the cookie (double submit).
    fn csrf_ok(&self, req: &HttpRequest) -> bool {
        csrf_value(req).is_some_and(|expected| expected == self.one("csrf"))
    }
}

/// A form's id field as the API's JSON would carry it: a number when it is one, else the text
/// (which the rules refuse by name); `None` when empty.
fn id_value(text: &str) -> Option<Value> {
    let text = text.trim();
    if text.is_empty() {
        return None;
    }
    Some(text.parse::<i64>().map_or_else(|_| Value::from(text), Value::from))
}

/// A count field: a number when it is one, the text otherwise, `null` when empty.
fn count_value(text: &str) -> Value {
    let text = text.trim();
    if text.is_empty() {
        return Value::Null;
    }
    text.parse::<i64>().map_or_else(|_| Value::from(text), Value::from)
}

/// A refusal shown on the form: the API's status and problem detail.
struct Refusal {
    status: StatusCode,
    detail: String,
}

/// What the API would answer for `error`: a refusal for the form, or a whole page (sign in,
/// forbidden, server trouble), boxed for its size.
fn refusal(req: &HttpRequest, t: &Texts, error: ServiceError) -> Result<Refusal, Box<HttpResponse>> {
    match error {
        ServiceError::Unauthenticated => Err(Box::new(to_login(req))),
        ServiceError::Forbidden => Err(Box::new(message(
            t,
            StatusCode::FORBIDDEN,
            "problem-forbidden-title",
            t.get("problem-forbidden-detail"),
            "/login",
            "page-login-title",
        ))),
        other => {
            let problem = ApiError::from(other);
            if problem.status().is_server_error() {
                let request_id =
                    req.extensions().get::<tracing_actix_web::RequestId>().map(|id| id.to_string()).unwrap_or_default();
                let detail = t.format("problem-internal-detail", &[("request_id", FluentValue::from(request_id))]);
                return Err(Box::new(message(
                    t,
                    problem.status(),
                    "problem-internal-title",
                    detail,
                    SESSIONS_HREF,
                    "outreach-form-all-sessions",
                )));
            }
            Ok(Refusal { status: problem.status(), detail: problem.detail(Localizer::global(), t.lang()) })
        }
    }
}

/// A refusal that leaves nothing to show a form for (a session not found): its own page.
fn refusal_page(req: &HttpRequest, t: &Texts, error: ServiceError) -> HttpResponse {
    match refusal(req, t, error) {
        Ok(refused) => {
            let title = if refused.status == StatusCode::NOT_FOUND {
                "problem-not-found-title"
            } else {
                "problem-bad-request-title"
            };
            message(t, refused.status, title, refused.detail, SESSIONS_HREF, "outreach-form-all-sessions")
        }
        Err(page) => *page,
    }
}

/// An `<option>` or a checkbox.
pub struct Choice {
    pub value: String,
    pub text: String,
    /// A second line under a checkbox's label (a member's languages).
    pub detail: String,
    pub selected: bool,
}

const STYLESHEET: &str = "main:has(form.outreach){max-width:34rem;}\
form.outreach fieldset{border:1px solid #ccc;border-radius:.3rem;margin:1rem 0 0;padding:.25rem .75rem .6rem;min-width:0;}\
form.outreach legend{padding:0 .3rem;font-weight:bold;}\
.choice{display:flex;align-items:flex-start;gap:.6rem;margin:.55rem 0;}\
.choice input{width:1.3rem;height:1.3rem;margin:.1rem 0 0;flex:none;}\
.choice label{margin:0;overflow-wrap:anywhere;}\
.choice .detail{display:block;color:#555;font-size:.85rem;}\
.hint{color:#555;font-size:.85rem;margin:.25rem 0 0;}\
.problem,.warning,.done{padding:.5rem .75rem;margin:1rem 0;border-left:4px solid;}\
.problem{border-color:#a40000;background:#fdecec;color:#5c0000;}\
.warning{border-color:#9a5b00;background:#fff5e0;}\
.done{border-color:#2e7d32;background:#edf7ee;}\
.counts{display:grid;grid-template-columns:repeat(3,minmax(0,1fr));gap:0 .6rem;}\
.counts label{font-size:.9rem;}\
form.outreach input[type=datetime-local]{min-height:2.7rem;}\
form.outreach textarea{width:100%;box-sizing:border-box;padding:.6rem;font-size:1rem;font-family:inherit;}\
form.outreach button{width:100%;}\
.links{display:flex;flex-wrap:wrap;gap:.3rem 1rem;}\
section.action{border-top:1px solid #ddd;margin-top:1.5rem;}\
@media (min-width:40rem){form.outreach button{width:auto;}}";

/// `GET /static/outreach-forms.css`: what the forms add to the site's stylesheet.
pub async fn stylesheet() -> HttpResponse {
    HttpResponse::Ok()
        .insert_header((CONTENT_TYPE, "text/css; charset=utf-8"))
        .insert_header((CACHE_CONTROL, "public, max-age=3600"))
        .body(STYLESHEET)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn form_fields_become_the_values_the_api_reads() {
        assert_eq!(id_value(" 12 "), Some(Value::from(12)));
        assert_eq!(id_value("x1"), Some(Value::from("x1")));
        assert_eq!(id_value("  "), None);
        assert_eq!(count_value(""), Value::Null);
        assert_eq!(count_value("7"), Value::from(7));
        assert_eq!(count_value("7.5"), Value::from("7.5"));
        let fields = Fields(vec![
            ("topic".to_owned(), "anti_drug".to_owned()),
            ("topic".to_owned(), String::new()),
            ("topic".to_owned(), "border_law".to_owned()),
        ]);
        assert_eq!(fields.all("topic"), ["anti_drug", "border_law"]);
        assert_eq!(fields.one("missing"), "");
    }
}
