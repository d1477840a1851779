//! Which language a request wants: `?lang=`, then the `banna_lang` cookie, then the signed-in
//! user's saved preference, then `Accept-Language`, then zh-CN.

use actix_web::HttpRequest;
use actix_web::http::header::ACCEPT_LANGUAGE;
use unic_langid::LanguageIdentifier;

use crate::i18n::Localizer;

/// Cookie remembering a language chosen with `?lang=`.
pub const LANG_COOKIE: &str = "banna_lang";

/// The negotiated language of a request, without a user preference.
pub fn negotiate(req: &HttpRequest, localizer: &Localizer) -> LanguageIdentifier {
    negotiate_for(req, localizer, None)
}

/// The negotiated language, with the signed-in user's saved locale when there is one.
pub fn negotiate_for(req: &HttpRequest, localizer: &Localizer, saved: Option<&str>) -> LanguageIdentifier {
    let mut preferences: Vec<String> = Vec::new();
    preferences.extend(query_lang(req.query_string()));
    preferences.extend(req.cookie(LANG_COOKIE).map(|cookie| cookie.value().to_owned()));
    preferences.extend(saved.map(str::to_owned));
    if let Some(header) = req.headers().get(ACCEPT_LANGUAGE).and_then(|value| value.to_str().ok()) {
        preferences.extend(Localizer::parse_accept_language(header));
    }
    localizer.negotiate(preferences.iter().map(String::as_str))
}

/// The `lang` query parameter, if any.
pub fn query_lang(query: &str) -> Option<String> {
    query.split('&').find_map(|pair| {
        let (key, value) = pair.split_once('=')?;
        (key == "lang" && !value.is_empty()).then(|| value.to_owned())
    })
}

/// Middleware: a language chosen with `?lang=` (the switcher on every page) is remembered in
/// the `banna_lang` cookie, so the next page opens in it too.
pub async fn remember_language(
    req: actix_web::dev::ServiceRequest,
    next: actix_web::middleware::Next<impl actix_web::body::MessageBody>,
) -> Result<actix_web::dev::ServiceResponse<impl actix_web::body::MessageBody>, actix_web::Error> {
    let chosen = query_lang(req.query_string()).and_then(|tag| {
        let localizer = Localizer::global();
        let wanted: LanguageIdentifier = tag.parse().ok()?;
        localizer
            .available()
            .iter()
            .find(|available| available.language == wanted.language)
            .map(|_| localizer.negotiate([tag.as_str()]).to_string())
    });
    let cookie = chosen.map(|lang| crate::api::auth::site_cookie(req.request(), LANG_COOKIE, lang));
    let mut response = next.call(req).await?;
    if let Some(cookie) = cookie {
        let _ = response.response_mut().add_cookie(&cookie);
    }
    Ok(response)
}
