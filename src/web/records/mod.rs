//! The record pages: lists and single records of villages, posts, departments, linkages and
//! incidents, and the list of liaison visits, linked to one another and to the map. What they
//! share lives here: the page frame, texts for templates, links, paging, number and name
//! formatting, and the pages that answer a refusal, a missing record or a bad filter (also used
//! by the outreach pages, `web/outreach/`).

pub mod departments;
pub mod incidents;
pub mod linkages;
pub mod overdue;
pub mod posts;
pub mod villages;
pub mod visits;

use actix_web::http::StatusCode;
use actix_web::{HttpMessage, HttpRequest, HttpResponse};
use askama::Template;
use fluent_bundle::FluentValue;
use serde::de::DeserializeOwned;
use unic_langid::LanguageIdentifier;

use super::html::{Layout, MessagePage, grouped, render, to_login};
use crate::api::auth::Caller;
use crate::api::lang::negotiate_for;
use crate::domain::DomainError;
use crate::domain::paging::Page;
use crate::i18n::Localizer;
use crate::services::ServiceError;
use crate::services::admin::UnitRef;
use crate::services::auth::Principal;
use crate::services::records::Named;

/// Rows per list page unless `limit` says otherwise, and the most a page shows.
const PAGE_ROWS: u64 = 50;
const MAX_PAGE_ROWS: u64 = 500;

/// The language of a page request: `?lang=`, cookie, the user's saved locale, Accept-Language.
pub(in crate::web) fn page_lang(req: &HttpRequest, caller: &Caller) -> LanguageIdentifier {
    negotiate_for(req, Localizer::global(), caller.principal().map(|principal| principal.locale.as_str()))
}

/// Message texts in a page's language; templates call `t.get("page-…")`.
pub struct Texts {
    lang: LanguageIdentifier,
}

impl Texts {
    pub(in crate::web) fn new(lang: &LanguageIdentifier) -> Texts {
        Texts { lang: lang.clone() }
    }

    pub(in crate::web) fn lang(&self) -> &LanguageIdentifier {
        &self.lang
    }

    pub fn get(&self, id: &str) -> String {
        Localizer::global().text(&self.lang, id)
    }

    pub(in crate::web) fn format(&self, id: &str, args: &[(&str, FluentValue<'_>)]) -> String {
        Localizer::global().format(&self.lang, id, args)
    }

    /// The message `id` if the reference locale has it, else `code` itself: for codes that
    /// may be unknown, such as language tags.
    pub(in crate::web) fn term(&self, id: &str, code: &str) -> String {
        let localizer = Localizer::global();
        if localizer.message_ids(localizer.default_locale()).iter().any(|known| known == id) {
            self.get(id)
        } else {
            code.to_owned()
        }
    }

    fn is_chinese(&self) -> bool {
        self.lang.language.as_str() == "zh"
    }

    /// A record's name in the page's language: Chinese on Chinese pages, else the English
    /// name where there is one.
    pub(in crate::web) fn name(&self, name_zh: &str, name_en: Option<&str>) -> String {
        match name_en.filter(|name| !self.is_chinese() && !name.is_empty()) {
            Some(english) => english.to_owned(),
            None => name_zh.to_owned(),
        }
    }

    pub(in crate::web) fn unit(&self, unit: Option<&UnitRef>) -> String {
        unit.map(|unit| self.name(&unit.name_zh, Some(&unit.name_en))).unwrap_or_else(|| "—".to_owned())
    }

    fn category(&self, code: &str) -> String {
        self.term(&format!("page-category-{}", slug(code)), code)
    }

    fn section(&self, code: Option<&str>) -> String {
        code.map(|code| self.term(&format!("page-record-section-{}", slug(code)), code))
            .unwrap_or_else(|| "—".to_owned())
    }

    fn side(&self, code: Option<&str>) -> String {
        code.map(|code| self.term(&format!("page-record-side-{}", slug(code)), code)).unwrap_or_else(|| "—".to_owned())
    }

    /// A language by its BCP 47 tag.
    pub(in crate::web) fn language(&self, tag: &str) -> String {
        self.term(&format!("page-record-language-{}", slug(tag)), tag)
    }

    fn ethnic_group(&self, code: &str) -> String {
        self.term(&format!("page-record-ethnic-{}", slug(code)), code)
    }

    fn department_kind(&self, code: &str) -> String {
        self.term(&format!("page-department-kind-{}", slug(code)), code)
    }

    fn source(&self, code: &str) -> String {
        self.term(&format!("page-record-source-{}", slug(code)), code)
    }

    fn yes_no(&self, yes: bool) -> String {
        self.get(if yes { "page-record-yes" } else { "page-record-no" })
    }

    /// A figure that may be missing: "no data" rather than 0.
    fn figure(&self, value: Option<i64>) -> String {
        value.map(grouped).unwrap_or_else(|| self.get("page-record-no-data"))
    }
}

/// A link to a record, or its plain name when the caller may not open it.
#[derive(Template)]
#[template(
    source = "{% if let Some(href) = href %}<a href=\"{{ href }}\">{{ text }}</a>{% else %}{{ text }}{% endif %}",
    ext = "html"
)]
pub struct Link {
    pub href: Option<String>,
    pub text: String,
}

impl Link {
    fn to(kind: &str, named: &Named, t: &Texts) -> Link {
        Link {
            href: named.visible.then(|| format!("/{kind}/{}", named.id)),
            text: t.name(&named.name_zh, named.name_en.as_deref()),
        }
    }

    pub(in crate::web) fn new(href: String, text: String) -> Link {
        Link { href: Some(href), text }
    }
}

/// A code as it appears in message ids: lower case, `_` written as `-`.
fn slug(code: &str) -> String {
    code.to_ascii_lowercase().replace('_', "-")
}

/// Km along the border with one decimal, or a dash when not computed.
fn km(value: Option<f64>) -> String {
    value.map(|km| format!("{km:.1}")).unwrap_or_else(|| "—".to_owned())
}

/// Whole metres, grouped, or a dash.
fn metres(value: Option<f64>) -> String {
    value.map(|m| grouped(m.round() as i64)).unwrap_or_else(|| "—".to_owned())
}

/// Percent-encodes a query value (everything but unreserved characters).
fn encode(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for byte in value.bytes() {
        if byte.is_ascii_alphanumeric() || b"-_.~".contains(&byte) {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// `path?name=value&…`, leaving out empty values.
pub(in crate::web) fn href(path: &str, params: &[(&str, String)]) -> String {
    let query: Vec<String> = params
        .iter()
        .filter(|(_, value)| !value.is_empty())
        .map(|(name, value)| format!("{name}={}", encode(value)))
        .collect();
    if query.is_empty() { path.to_owned() } else { format!("{path}?{}", query.join("&")) }
}

/// The map, centred on a record.
fn map_href(kind: &str, id: i64) -> String {
    format!("/map?focus={kind}:{id}")
}

/// The position of a list page among the matches, and links to its neighbours.
pub struct Pager {
    pub summary: String,
    pub previous: Option<String>,
    pub next: Option<String>,
}

impl Pager {
    /// `kept` are the filter values the neighbours keep.
    pub(in crate::web) fn new(
        t: &Texts,
        path: &str,
        page: Page,
        matched: u64,
        shown: usize,
        kept: &[(&str, String)],
    ) -> Pager {
        let link = |neighbour: Page| {
            let mut params = kept.to_vec();
            params.push(("offset", neighbour.offset().to_string()));
            if neighbour.limit() != PAGE_ROWS {
                params.push(("limit", neighbour.limit().to_string()));
            }
            href(path, &params)
        };
        let summary = if shown == 0 {
            t.format("page-record-total-none", &[("total", FluentValue::from(matched))])
        } else {
            t.format(
                "page-record-total",
                &[
                    ("total", FluentValue::from(matched)),
                    ("first", FluentValue::from(page.offset() + 1)),
                    ("last", FluentValue::from(page.offset() + shown as u64)),
                ],
            )
        };
        Pager { summary, previous: page.previous().map(link), next: page.next(matched).map(link) }
    }
}

/// Parses a list's paging fields.
pub(in crate::web) fn page_of(limit: Option<&str>, offset: Option<&str>) -> Result<Page, DomainError> {
    fn given(value: Option<&str>) -> Option<&str> {
        value.filter(|text| !text.trim().is_empty())
    }
    Page::parse(given(limit), given(offset), PAGE_ROWS, MAX_PAGE_ROWS)
}

/// Reads the query string into `T`; a malformed one is answered like a bad filter.
pub(in crate::web) fn read_query<T: DeserializeOwned>(req: &HttpRequest) -> Result<T, String> {
    actix_web::web::Query::<T>::from_query(req.query_string())
        .map(actix_web::web::Query::into_inner)
        .map_err(|error| error.to_string())
}

/// Where to go back to from an error page.
#[derive(Clone, Copy)]
pub(in crate::web) enum Back {
    Villages,
    Posts,
    Departments,
    Linkages,
    Incidents,
    Visits,
    Outreach,
    OutreachSessions,
    OutreachTeams,
}

impl Back {
    fn href(self) -> &'static str {
        match self {
            Back::Villages => "/villages",
            Back::Posts => "/posts",
            Back::Departments => "/departments",
            Back::Linkages => "/linkages",
            Back::Incidents => "/incidents",
            Back::Visits => "/visits",
            Back::Outreach => "/outreach",
            Back::OutreachSessions => "/outreach/sessions",
            Back::OutreachTeams => "/outreach/teams",
        }
    }

    fn title_id(self) -> &'static str {
        match self {
            Back::Villages => "page-villages-title",
            Back::Posts => "page-posts-title",
            Back::Departments => "page-departments-title",
            Back::Linkages => "page-linkages-title",
            Back::Incidents => "page-incidents-title",
            Back::Visits => "page-visits-title",
            Back::Outreach => "page-outreach-title",
            Back::OutreachSessions => "page-outreach-sessions-title",
            Back::OutreachTeams => "page-outreach-teams-title",
        }
    }
}

pub(in crate::web) fn message(
    t: &Texts,
    status: StatusCode,
    title_id: &str,
    detail: String,
    link_href: &'static str,
    link_id: &str,
) -> HttpResponse {
    let page = MessagePage {
        layout: Layout::new(Localizer::global(), &t.lang, title_id),
        detail,
        link_href,
        link_text: t.get(link_id),
    };
    render(status, &page)
}

/// A bad filter, id or query: 400 with what is wrong, in the page's language.
pub(in crate::web) fn bad_input(t: &Texts, error: &DomainError, back: Back) -> HttpResponse {
    let args: Vec<(&str, FluentValue<'_>)> =
        error.args().into_iter().map(|(name, value)| (name, FluentValue::from(value))).collect();
    let detail = t.format(error.message_id(), &args);
    message(t, StatusCode::BAD_REQUEST, "problem-bad-request-title", detail, back.href(), back.title_id())
}

pub(in crate::web) fn bad_query(t: &Texts, reason: String, back: Back) -> HttpResponse {
    let detail = t.format("problem-invalid-query-detail", &[("reason", FluentValue::from(reason))]);
    message(t, StatusCode::BAD_REQUEST, "problem-bad-request-title", detail, back.href(), back.title_id())
}

/// The page for a service error: sign in (303), refused (403), not found (404), bad input
/// (400), or unavailable (503/500, logged).
pub(in crate::web) fn failure(req: &HttpRequest, t: &Texts, error: ServiceError, back: Back) -> HttpResponse {
    match error {
        ServiceError::Unauthenticated => to_login(req),
        ServiceError::Forbidden => message(
            t,
            StatusCode::FORBIDDEN,
            "problem-forbidden-title",
            t.get("problem-forbidden-detail"),
            "/login",
            "page-login-title",
        ),
        ServiceError::NotFound { kind, id } => {
            let detail = t.format(
                "problem-not-found-detail",
                &[("kind", FluentValue::from(t.get(kind.message_id()))), ("id", FluentValue::from(id))],
            );
            message(t, StatusCode::NOT_FOUND, "problem-not-found-title", detail, back.href(), back.title_id())
        }
        ServiceError::Invalid(domain) => bad_input(t, &domain, back),
        ServiceError::Unavailable(reason) => {
            tracing::error!(%reason, "database unavailable");
            message(
                t,
                StatusCode::SERVICE_UNAVAILABLE,
                "problem-unavailable-title",
                t.get("problem-unavailable-detail"),
                back.href(),
                back.title_id(),
            )
        }
        other => {
            tracing::error!(error = ?other, "record page failed");
            let request_id =
                req.extensions().get::<tracing_actix_web::RequestId>().map(|id| id.to_string()).unwrap_or_default();
            let detail = t.format("problem-internal-detail", &[("request_id", FluentValue::from(request_id))]);
            message(
                t,
                StatusCode::INTERNAL_SERVER_ERROR,
                "problem-internal-title",
                detail,
                back.href(),
                back.title_id(),
            )
        }
    }
}

/// Renders a record page (200). A language chosen with `?lang=` is remembered by the
/// `remember_language` middleware.
pub(in crate::web) fn page(template: &impl Template) -> HttpResponse {
    render(StatusCode::OK, template)
}

/// The frame of a record page for the signed-in caller; a record's own name as its title.
pub(in crate::web) fn layout(
    t: &Texts,
    req: &HttpRequest,
    principal: &Principal,
    title_id: &str,
    title: Option<String>,
) -> Layout {
    let mut layout = Layout::new(Localizer::global(), &t.lang, title_id).for_request(req, Some(principal));
    if let Some(title) = title {
        layout.title = title;
    }
    layout
}

/// An option of a filter's `<select>`.
pub struct Choice {
    pub value: String,
    pub text: String,
    pub selected: bool,
}

fn county_choices(t: &Texts, counties: &[UnitRef], selected: Option<&str>) -> Vec<Choice> {
    counties
        .iter()
        .map(|county| Choice {
            value: county.code.clone(),
            text: t.unit(Some(county)),
            selected: selected == Some(county.code.as_str()),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_grouped_by_thousands() {
        assert_eq!(grouped(2_329_823), "2,329,823");
        assert_eq!(grouped(999), "999");
        assert_eq!(grouped(-1000), "-1,000");
        assert_eq!(metres(Some(12_345.6)), "12,346");
        assert_eq!(km(Some(3.04)), "3.0");
        assert_eq!(km(None), "—");
    }

    #[test]
    fn links_keep_filters_and_encode_them() {
        let url = href("/villages", &[("name", "曼 & co".to_owned()), ("key", String::new()), ("offset", "50".into())]);
        assert_eq!(url, "/villages?name=%E6%9B%BC%20%26%20co&offset=50");
        assert_eq!(href("/posts", &[]), "/posts");
    }

    #[test]
    fn a_link_escapes_its_text_and_a_hidden_record_is_not_linked() {
        let link = Link::new("/villages/1".into(), "<b>".into());
        assert_eq!(link.render().expect("renders"), "<a href=\"/villages/1\">&#60;b&#62;</a>");
        let t = Texts::new(&"en".parse().expect("tag"));
        let hidden =
            Named { id: 3, code: "P3".into(), name_zh: "岗".into(), name_en: Some("Post".into()), visible: false };
        assert_eq!(Link::to("posts", &hidden, &t).render().expect("renders"), "Post");
    }

    #[test]
    fn unknown_codes_are_shown_as_they_are() {
        let t = Texts::new(&"zh-CN".parse().expect("tag"));
        assert_eq!(t.language("xx-unknown"), "xx-unknown");
        assert_ne!(t.language("khb"), "khb");
        assert_eq!(t.category("smuggling"), t.get("page-category-smuggling"));
        assert_ne!(t.category("drug_trafficking"), "drug_trafficking");
    }
}
