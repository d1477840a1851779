//! RFC 7807 problem details. Errors are built without a language; the `localize_problems`
//! middleware renders them in the request's negotiated language.

use actix_web::body::{BoxBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::StatusCode;
use actix_web::http::header::{CONTENT_TYPE, HeaderValue};
use actix_web::middleware::Next;
use actix_web::{HttpMessage, HttpResponse, ResponseError};
use fluent_bundle::FluentValue;
use serde::Serialize;
use unic_langid::LanguageIdentifier;

use crate::domain::DomainError;
use crate::i18n::Localizer;
use crate::services::{RecordKind, ServiceError};

/// An API error: a status, a problem type and the Fluent messages of its title and detail.
#[derive(Debug)]
pub struct ApiError {
    status: StatusCode,
    slug: &'static str,
    title_id: &'static str,
    detail_id: &'static str,
    args: Vec<(&'static str, Arg)>,
}

/// A message argument: plain text, or another message to translate first.
#[derive(Debug, Clone)]
enum Arg {
    Text(String),
    Message(&'static str),
}

/// The JSON body of a problem.
#[derive(Serialize)]
struct ProblemBody<'a> {
    #[serde(rename = "type")]
    problem_type: String,
    title: String,
    status: u16,
    detail: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    instance: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    request_id: Option<&'a str>,
}

impl std::fmt::Display for ApiError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} {}", self.status.as_u16(), self.slug)
    }
}

impl ApiError {
    fn new(status: StatusCode, slug: &'static str, title_id: &'static str, detail_id: &'static str) -> ApiError {
        ApiError { status, slug, title_id, detail_id, args: Vec::new() }
    }

    fn arg(mut self, name: &'static str, value: impl Into<String>) -> ApiError {
        self.args.push((name, Arg::Text(value.into())));
        self
    }

    pub fn invalid_query(reason: String) -> ApiError {
        ApiError::new(
            StatusCode::BAD_REQUEST,
            "invalid-query",
            "problem-bad-request-title",
            "problem-invalid-query-detail",
        )
        .arg("reason", reason)
    }

    pub fn invalid_body(reason: String) -> ApiError {
        ApiError::new(
            StatusCode::BAD_REQUEST,
            "invalid-body",
            "problem-bad-request-title",
            "problem-invalid-body-detail",
        )
        .arg("reason", reason)
    }

    pub fn route_not_found(path: &str) -> ApiError {
        ApiError::new(
            StatusCode::NOT_FOUND,
            "not-found",
            "problem-route-not-found-title",
            "problem-route-not-found-detail",
        )
        .arg("path", path)
    }

    pub fn unavailable() -> ApiError {
        ApiError::new(
            StatusCode::SERVICE_UNAVAILABLE,
            "unavailable",
            "problem-unavailable-title",
            "problem-unavailable-detail",
        )
    }

    pub fn internal() -> ApiError {
        ApiError::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            "internal",
            "problem-internal-title",
            "problem-internal-detail",
        )
    }

    pub fn status(&self) -> StatusCode {
        self.status
    }

    /// The problem's `detail` in `lang`, as [`ApiError::render`] writes it: the pages that
    /// call the same services say the same words.
    pub fn detail(&self, localizer: &Localizer, lang: &LanguageIdentifier) -> String {
        localizer.format(lang, self.detail_id, &self.fluent_args(localizer, lang))
    }

    /// The message arguments in `lang` (arguments that are messages translated first).
    fn fluent_args(
        &self,
        localizer: &Localizer,
        lang: &LanguageIdentifier,
    ) -> Vec<(&'static str, FluentValue<'static>)> {
        self.args
            .iter()
            .map(|(name, value)| {
                let text = match value {
                    Arg::Text(text) => text.clone(),
                    Arg::Message(id) => localizer.text(lang, id),
                };
                (*name, FluentValue::from(text))
            })
            .collect()
    }

    /// Renders the problem in `lang`.
    pub fn render(
        &self,
        localizer: &Localizer,
        lang: &LanguageIdentifier,
        instance: Option<&str>,
        request_id: Option<&str>,
    ) -> HttpResponse {
        let mut args = self.fluent_args(localizer, lang);
        if let Some(id) = request_id {
            args.push(("request_id", FluentValue::from(id.to_owned())));
        }
        let body = ProblemBody {
            problem_type: format!("/problems/{}", self.slug),
            title: localizer.format(lang, self.title_id, &args),
            status: self.status.as_u16(),
            detail: localizer.format(lang, self.detail_id, &args),
            instance,
            request_id,
        };
        let json = serde_json::to_string(&body).unwrap_or_else(|_| String::from("{}"));
        let mut response = HttpResponse::build(self.status);
        if self.status == StatusCode::UNAUTHORIZED {
            response.insert_header(("WWW-Authenticate", "Bearer realm=\"banna\""));
        }
        response
            .insert_header((CONTENT_TYPE, HeaderValue::from_static("application/problem+json")))
            .insert_header(("Content-Language", lang.to_string()))
            .body(json)
    }
}

impl ResponseError for ApiError {
    fn status_code(&self) -> StatusCode {
        self.status
    }

    /// The default-locale rendering; `localize_problems` replaces it with the request's language.
    fn error_response(&self) -> HttpResponse<BoxBody> {
        let localizer = Localizer::global();
        self.render(localizer, localizer.default_locale(), None, None)
    }
}

impl From<DomainError> for ApiError {
    fn from(error: DomainError) -> ApiError {
        let (status, slug, title_id) = match error {
            DomainError::TooManyPoints { .. } => {
                (StatusCode::PAYLOAD_TOO_LARGE, "too-many-points", "problem-payload-too-large-title")
            }
            DomainError::OutsideJurisdiction => {
                (StatusCode::FORBIDDEN, "outside-jurisdiction", "problem-forbidden-title")
            }
            DomainError::Linkage(crate::domain::linkage::LinkageError::Overlap { .. }) => {
                (StatusCode::CONFLICT, "linkage-overlap", "problem-conflict-title")
            }
            DomainError::Patrol(crate::domain::patrol::PatrolError::TooManyPoints { .. }) => {
                (StatusCode::PAYLOAD_TOO_LARGE, "too-many-track-points", "problem-payload-too-large-title")
            }
            DomainError::Outreach(ref outreach) if outreach.is_not_found() => {
                (StatusCode::NOT_FOUND, "not-found", "problem-not-found-title")
            }
            DomainError::Outreach(ref outreach) if outreach.is_conflict() => {
                (StatusCode::CONFLICT, "outreach-conflict", "problem-conflict-title")
            }
            DomainError::Visit(crate::domain::visit::VisitError::TooMany { .. }) => {
                (StatusCode::PAYLOAD_TOO_LARGE, "too-many-visits", "problem-payload-too-large-title")
            }
            _ => (StatusCode::BAD_REQUEST, "invalid-parameter", "problem-bad-request-title"),
        };
        let mut problem = ApiError::new(status, slug, title_id, error.message_id());
        for (name, value) in error.args() {
            problem = problem.arg(name, value);
        }
        problem
    }
}

impl ApiError {
    pub fn payload_too_large(limit_bytes: usize) -> ApiError {
        ApiError::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            "payload-too-large",
            "problem-payload-too-large-title",
            "problem-payload-too-large-detail",
        )
        .arg("limit", limit_bytes.to_string())
    }
}

impl From<ServiceError> for ApiError {
    fn from(error: ServiceError) -> ApiError {
        match error {
            ServiceError::Invalid(domain) => domain.into(),
            ServiceError::Unauthenticated => ApiError::new(
                StatusCode::UNAUTHORIZED,
                "unauthenticated",
                "problem-unauthenticated-title",
                "problem-unauthenticated-detail",
            ),
            ServiceError::Forbidden => {
                ApiError::new(StatusCode::FORBIDDEN, "forbidden", "problem-forbidden-title", "problem-forbidden-detail")
            }
            ServiceError::LoginFailed => ApiError::new(
                StatusCode::UNAUTHORIZED,
                "login-failed",
                "problem-login-failed-title",
                "problem-login-failed-detail",
            ),
            ServiceError::Throttled { seconds } => ApiError::new(
                StatusCode::TOO_MANY_REQUESTS,
                "login-throttled",
                "problem-login-throttled-title",
                "problem-login-throttled-detail",
            )
            .arg("seconds", seconds.to_string()),
            ServiceError::Conflict => {
                ApiError::new(StatusCode::CONFLICT, "conflict", "problem-conflict-title", "problem-conflict-detail")
            }
            ServiceError::VisitConflict { uuid } => ApiError::new(
                StatusCode::CONFLICT,
                "visit-conflict",
                "problem-conflict-title",
                "problem-visit-conflict-detail",
            )
            .arg("id", uuid),
            ServiceError::InvalidBorder(border) => {
                let mut problem = ApiError::new(
                    StatusCode::UNPROCESSABLE_ENTITY,
                    "invalid-border",
                    "problem-bad-request-title",
                    border.message_id(),
                );
                for (name, value) in border.args() {
                    problem = problem.arg(name, value);
                }
                problem
            }
            ServiceError::NotFound { kind, id } => not_found(kind, id),
            ServiceError::Unavailable(reason) => {
                tracing::error!(%reason, "database unavailable");
                ApiError::unavailable()
            }
            ServiceError::Unexpected(inner) => {
                tracing::error!(error = ?inner, "unexpected error");
                ApiError::internal()
            }
        }
    }
}

fn not_found(kind: RecordKind, id: String) -> ApiError {
    let mut problem =
        ApiError::new(StatusCode::NOT_FOUND, "not-found", "problem-not-found-title", "problem-not-found-detail")
            .arg("id", id);
    problem.args.push(("kind", Arg::Message(kind.message_id())));
    problem
}

/// Middleware: re-renders any [`ApiError`] response in the request's language, with the
/// request path as `instance` and, for server errors, the request id to quote.
pub async fn localize_problems(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, actix_web::Error> {
    let localizer = Localizer::global();
    // The language is negotiated before routing: the request must not be cloned while the
    // router still needs exclusive access to it.
    let lang = super::lang::negotiate(req.request(), localizer);
    let response = next.call(req).await?;
    let Some(problem) = response.response().error().and_then(|error| error.as_error::<ApiError>()) else {
        return Ok(response.map_into_boxed_body());
    };
    let request_id = response.request().extensions().get::<tracing_actix_web::RequestId>().map(|id| id.to_string());
    let shown_id = problem.status.is_server_error().then_some(request_id.as_deref()).flatten();
    let rendered = problem.render(localizer, &lang, Some(response.request().path()), shown_id);
    let (http_req, _) = response.into_parts();
    Ok(ServiceResponse::new(http_req, rendered))
}
