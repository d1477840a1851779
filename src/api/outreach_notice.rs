//! `GET /api/v1/outreach/sessions/{id}/notice?format=html|svg`: the printable A4 notice of an
//! outreach session, in the session's language (not the reader's), with a QR code of the
//! village's public page `/v/{code}`. HTML by default (styled by `/static/notice.css`), or a
//! standalone SVG. Problems (unknown session, bad format) are problem+json as everywhere in
//! the API.

use actix_web::http::header::{CACHE_CONTROL, CONTENT_DISPOSITION, CONTENT_LANGUAGE, CONTENT_TYPE};
use actix_web::{HttpRequest, HttpResponse, web};
use serde::Deserialize;

use super::ApiError;
use super::auth::Caller;
use crate::domain::auth::Action;
use crate::domain::paging::parse_id;
use crate::i18n::Localizer;
use crate::notice::{self, Format};
use crate::services::auth;
use crate::services::outreach::notice as notice_facts;
use crate::startup::AppState;

#[derive(Debug, Deserialize)]
pub struct NoticeQuery {
    format: Option<String>,
}

/// Where the site is reached from outside: `server.public_url`, else the request's scheme and
/// host (the address the caller used, which is what a printed code should open).
pub fn public_base(state: &AppState, req: &HttpRequest) -> String {
    match state.settings.server.public_url() {
        Some(url) => url.to_owned(),
        None => {
            let info = req.connection_info();
            format!("{}://{}", info.scheme(), info.host())
        }
    }
}

pub async fn notice(
    req: HttpRequest,
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
    query: web::Query<NoticeQuery>,
) -> Result<HttpResponse, ApiError> {
    auth::require(caller.principal(), Action::ReadOutreach)?;
    let format = Format::parse(query.format.as_deref())?;
    let id = parse_id(&id)?;
    let base = public_base(&state, &req);
    let facts = notice_facts::notice(&state.db, caller.principal(), id, state.settings.time_zone(), &base).await?;
    let view = notice::view(&facts, Localizer::global());
    let body = match format {
        Format::Html => notice::html(&view).map_err(|error| {
            tracing::error!(%error, "notice template failed to render");
            ApiError::internal()
        })?,
        Format::Svg => notice::svg::document(&view),
    };
    Ok(HttpResponse::Ok()
        .insert_header((CONTENT_TYPE, format.content_type()))
        .insert_header((CONTENT_LANGUAGE, view.lang.clone()))
        .insert_header((
            CONTENT_DISPOSITION,
            format!("inline; filename=\"notice-{}.{}\"", facts.session_id, format.extension()),
        ))
        .insert_header((CACHE_CONTROL, "private, no-cache"))
        .body(body))
}
