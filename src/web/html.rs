//! What every page shares: the layout (language, title, language switcher), rendering an
//! askama template into a response, and the stylesheet.

use actix_web::HttpResponse;
use actix_web::http::StatusCode;
use actix_web::http::header::{CACHE_CONTROL, CONTENT_TYPE};
use askama::Template;
use unic_langid::LanguageIdentifier;

use crate::i18n::Localizer;

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
}

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
        }
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
table{border-collapse:collapse;width:100%;font-size:.9rem;}caption{text-align:left;margin:.5rem 0;}\
th,td{padding:.35rem .25rem;text-align:right;border-bottom:1px solid #ddd;white-space:nowrap;}\
th[scope=row]{text-align:left;white-space:normal;}.note{color:#555;font-size:.85rem;}";

pub async fn stylesheet() -> HttpResponse {
    HttpResponse::Ok()
        .insert_header((CONTENT_TYPE, "text/css; charset=utf-8"))
        .insert_header((CACHE_CONTROL, "public, max-age=3600"))
        .body(STYLESHEET)
}
