//! Which language a request wants: `?lang=`, then `Accept-Language`, then zh-CN.

use actix_web::HttpRequest;
use actix_web::http::header::ACCEPT_LANGUAGE;
use unic_langid::LanguageIdentifier;

use crate::i18n::Localizer;

/// The negotiated language of a request.
pub fn negotiate(req: &HttpRequest, localizer: &Localizer) -> LanguageIdentifier {
    let mut preferences: Vec<String> = Vec::new();
    if let Some(value) = web_query_lang(req.query_string()) {
        preferences.push(value);
    }
    if let Some(header) = req.headers().get(ACCEPT_LANGUAGE).and_then(|value| value.to_str().ok()) {
        preferences.extend(Localizer::parse_accept_language(header));
    }
    localizer.negotiate(preferences.iter().map(String::as_str))
}

fn web_query_lang(query: &str) -> Option<String> {
    query.split('&').find_map(|pair| {
        let (key, value) = pair.split_once('=')?;
        (key == "lang" && !value.is_empty()).then(|| value.to_owned())
    })
}
