//! What every page shares: the layout (language, title, language switcher), rendering an
//! askama template into a response, and the stylesheet.

use actix_web::http::StatusCode;
use actix_web::http::header::{CACHE_CONTROL, CONTENT_TYPE, LOCATION};
use actix_web::{HttpRequest, HttpResponse};
use askama::Template;
use unic_langid::LanguageIdentifier;

use crate::domain::auth::{Action, allows};
use crate::i18n::Localizer;
use crate::services::auth::Principal;

/// A language in the switcher, named in itself (and marked with its own `lang`).
pub struct LanguageLink {
    pub tag: String,
    pub name: String,
    pub current: bool,
}

/// The frame of every page (`base.html`).
pub struct Layout {
    pub lang: String,
    pub title: String,
    pub languages: Vec<LanguageLink>,
    /// Accessible name of the switcher, in the page's language.
    pub languages_label: String,
    /// The page's other query parameters, `&`-terminated, kept by the switcher's links.
    pub kept_query: String,
    /// The site's sections the signed-in user may open (empty for the public).
    pub nav: Vec<NavLink>,
    pub nav_label: String,
}

/// A section of the site in the navigation bar.
pub struct NavLink {
    pub href: &'static str,
    pub text: String,
    pub current: bool,
}

/// The navigation bar: where each section lives, its message and the action it needs. A
/// section listed twice under one message goes to the first address the role may open.
const SECTIONS: &[(&str, &str, Action)] = &[
    ("/", "page-nav-dashboard", Action::ReadDashboard),
    ("/field", "page-nav-field", Action::LogVisits),
    ("/map", "page-nav-map", Action::ReadBorder),
    ("/villages", "page-nav-villages", Action::ReadVillages),
    ("/posts", "page-nav-posts", Action::ReadPosts),
    ("/departments", "page-nav-departments", Action::ReadDepartments),
    ("/linkages", "page-nav-linkages", Action::ReadLinkages),
    ("/visits", "page-nav-visits", Action::ReadLinkages),
    ("/incidents", "page-nav-incidents", Action::ReadIncidents),
    // Outreach: coverage for those who plan, else the session list (one link per role).
    ("/outreach", "page-nav-outreach", Action::PlanOutreach),
    ("/outreach/sessions", "page-nav-outreach", Action::ReadOutreach),
    ("/login", "page-nav-account", Action::ReadOwnAccount),
];

impl Layout {
    pub fn new(localizer: &Localizer, lang: &LanguageIdentifier, title_id: &str) -> Layout {
        let languages = localizer
            .available()
            .iter()
            .map(|locale| LanguageLink {
                tag: locale.to_string(),
                name: localizer.text(locale, "language-name"),
                current: locale == lang,
            })
            .collect();
        Layout {
            lang: lang.to_string(),
            title: localizer.text(lang, title_id),
            languages,
            languages_label: localizer.text(lang, "page-languages-label"),
            kept_query: String::new(),
            nav: Vec::new(),
            nav_label: localizer.text(lang, "page-nav-label"),
        }
    }

    /// Adds what depends on the request: the navigation bar for the signed-in user's role
    /// (only sections the policy lets it open) and the query parameters the language links
    /// keep (`/map?focus=village:3` stays on that village when the language changes).
    pub fn for_request(mut self, req: &HttpRequest, principal: Option<&Principal>) -> Layout {
        let localizer = Localizer::global();
        let lang: LanguageIdentifier = self.lang.parse().unwrap_or_else(|_| localizer.default_locale().clone());
        let path = req.path();
        if let Some(principal) = principal {
            self.nav = SECTIONS
                .iter()
                .enumerate()
                .filter(|(index, (_, id, action))| {
                    let may = |action: Action| allows(Some(principal.role), action);
                    may(*action) && !SECTIONS[..*index].iter().any(|(_, earlier, action)| earlier == id && may(*action))
                })
                .map(|(_, section)| section)
                .map(|(href, id, _)| NavLink {
                    href,
                    text: localizer.text(&lang, id),
                    // Any address of the section: `/outreach/teams/3` is in the outreach section.
                    current: SECTIONS
                        .iter()
                        .filter(|(_, same, _)| same == id)
                        .any(|(href, _, _)| *href == path || (*href != "/" && path.starts_with(&format!("{href}/")))),
                })
                .collect();
        }
        self.kept_query = req
            .query_string()
            .split('&')
            .filter(|pair| !pair.is_empty() && pair.split('=').next() != Some("lang"))
            .map(|pair| format!("{pair}&"))
            .collect();
        self
    }
}

/// A page that only says something, with a link onwards (`message.html`).
#[derive(Template)]
#[template(path = "message.html")]
pub struct MessagePage {
    pub layout: Layout,
    pub detail: String,
    pub link_href: &'static str,
    pub link_text: String,
}

/// A path on this site to go to after signing in: it must start with one `/` (no scheme, no
/// `//host`, no backslash or control characters), so the sign-in form cannot send anyone away.
pub fn local_path(next: &str) -> Option<&str> {
    let local = next.starts_with('/')
        && !next.starts_with("//")
        && next.len() <= 1024
        && !next.chars().any(|c| c == '\\' || c.is_control());
    local.then_some(next)
}

/// The answer to an anonymous visit of a page: 303 to the sign-in form, which comes back here.
pub fn to_login(req: &HttpRequest) -> HttpResponse {
    let here = req.uri().path_and_query().map(|target| target.as_str()).unwrap_or("/");
    let mut location = String::from("/login?next=");
    for byte in here.bytes() {
        if byte.is_ascii_alphanumeric() || b"/-_.~".contains(&byte) {
            location.push(char::from(byte));
        } else {
            location.push_str(&format!("%{byte:02X}"));
        }
    }
    HttpResponse::SeeOther().insert_header((LOCATION, location)).finish()
}

/// A whole number with thousands separators, as on every page.
pub use crate::i18n::grouped;

/// Renders a page; a template that fails to render is logged and answered with a 500.
pub fn render(status: StatusCode, template: &impl Template) -> HttpResponse {
    match template.render() {
        Ok(html) => HttpResponse::build(status).insert_header((CONTENT_TYPE, "text/html; charset=utf-8")).body(html),
        Err(error) => {
            tracing::error!(%error, "page template failed to render");
            HttpResponse::InternalServerError().finish()
        }
    }
}

const STYLESHEET: &str = "body{font-family:system-ui,'Noto Sans','Noto Sans SC','Noto Sans Lao','Noto Sans Thai','Noto Sans Myanmar','Noto Sans New Tai Lue','Microsoft New Tai Lue','Myanmar Text','Leelawadee UI',sans-serif;margin:0;padding:1rem;}\
main{max-width:28rem;margin:0 auto;}label{display:block;margin:.75rem 0 .25rem;}\
input{width:100%;box-sizing:border-box;padding:.6rem;font-size:1rem;}\
button{margin-top:1rem;padding:.6rem 1.2rem;font-size:1rem;}.error{color:#a40000;}\
.languages{text-align:right;font-size:.9rem;}\
.sections{display:flex;flex-wrap:wrap;gap:.2rem 1rem;max-width:64rem;margin:.4rem auto .6rem;padding-bottom:.4rem;border-bottom:1px solid #ddd;}\
.sections a[aria-current]{font-weight:bold;text-decoration:none;color:inherit;}\
td.change{white-space:normal;min-width:4.5rem;}\
figure.chart{margin:1rem 0;}figure.chart img{width:100%;height:auto;}figure.chart figcaption{font-size:.85rem;}\
@media (max-width:30rem){table.figures{font-size:.8rem;}table.figures th,table.figures td{padding:.3rem .15rem;}}\
table{border-collapse:collapse;width:100%;font-size:.9rem;}caption{text-align:left;margin:.5rem 0;}\
th,td{padding:.35rem .25rem;text-align:right;border-bottom:1px solid #ddd;white-space:nowrap;}\
th[scope=row]{text-align:left;white-space:normal;}.note{color:#555;font-size:.85rem;}\
main:has(.table-scroll){max-width:48rem;}.table-scroll{overflow-x:auto;max-width:100%;}\
th[scope=rowgroup]{text-align:left;background:#f2f2f2;}td.no-data{color:#777;}\
main:has(table.records),main:has(form.filters){max-width:64rem;}\
h1{overflow-wrap:anywhere;}td.text{text-align:left;}td.wrap{white-space:normal;min-width:12rem;}\
.filters{display:flex;flex-wrap:wrap;gap:0 1rem;align-items:flex-end;}.filters>div{flex:1 1 9rem;min-width:0;}\
table.records thead th{white-space:normal;vertical-align:bottom;text-align:left;}table.records thead th.num{text-align:right;}\
table.records .nowrap{white-space:nowrap;}\
.filters .check,.filters .actions{flex-basis:100%;}.filters .check{display:flex;align-items:center;gap:.5rem;margin-top:.75rem;}\
.filters .check label{margin:0;}input[type=checkbox]{width:auto;}\
select{width:100%;box-sizing:border-box;padding:.55rem;font-size:1rem;}\
dl.facts{display:grid;grid-template-columns:fit-content(45%) minmax(0,1fr);gap:.3rem 1rem;}\
dl.facts dt{color:#555;}dl.facts dd{margin:0;overflow-wrap:break-word;}ul.inline,ol.inline{margin:0;padding-left:1.2rem;}\
.badge{font-size:.8rem;border:1px solid #a40000;color:#a40000;padding:0 .3rem;border-radius:.2rem;vertical-align:middle;}\
table.coverage th[scope=row]{min-width:4.5em;}ol.suggestions{padding-left:1.6rem;}ol.suggestions>li{margin:.5rem 0;}\
ul.reasons{margin:.2rem 0 0;padding-left:1.1rem;font-size:.9rem;}details.more>summary{cursor:pointer;margin:.5rem 0;}";

/// The site's stylesheet, for the field page's service worker to fingerprint what it keeps.
pub fn stylesheet_text() -> &'static str {
    STYLESHEET
}

pub async fn stylesheet() -> HttpResponse {
    HttpResponse::Ok()
        .insert_header((CONTENT_TYPE, "text/css; charset=utf-8"))
        .insert_header((CACHE_CONTROL, "public, max-age=3600"))
        .body(STYLESHEET)
}

#[cfg(test)]
mod tests {
    use super::local_path;

    #[test]
    fn only_local_paths_are_followed_after_signing_in() {
        assert_eq!(local_path("/map?focus=village:3"), Some("/map?focus=village:3"));
        assert_eq!(local_path("/"), Some("/"));
        for foreign in ["//evil.example/", "https://evil.example/", "/\\evil.example", "map", "", "/a\nb"] {
            assert_eq!(local_path(foreign), None, "{foreign:?}");
        }
    }
}
