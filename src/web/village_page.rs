//! `/v/{code}`: a village's public page, the stable address printed as the QR code of outreach
//! notices (`crate::notice::village_url`). Anyone may open it, in the language they ask for.
//! For now it says which village this is and, honestly, that its online report form is not
//! available yet; the form will live here, so codes printed today keep working.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use fluent_bundle::FluentValue;

use super::html::{Layout, render};
use crate::api::auth::Caller;
use crate::api::lang::negotiate_for;
use crate::i18n::Localizer;
use crate::notice::Names;
use crate::services::ServiceError;
use crate::services::outreach::notice;
use crate::startup::AppState;

#[derive(Template)]
#[template(path = "village_page.html")]
struct VillagePage {
    layout: Layout,
    heading: String,
    /// The village's name in its own script and that script's language.
    local: Option<(String, String)>,
    paragraphs: Vec<String>,
}

/// A name as the page's language writes it: Chinese for Chinese, else the Latin name with the
/// Chinese one in brackets.
fn name(names: &Names, chinese: bool) -> String {
    match &names.en {
        Some(en) if !chinese && !en.trim().is_empty() && *en != names.zh => format!("{en} ({})", names.zh),
        _ => names.zh.clone(),
    }
}

pub async fn show(
    req: HttpRequest,
    state: web::Data<AppState>,
    caller: Caller,
    code: web::Path<String>,
) -> HttpResponse {
    let localizer = Localizer::global();
    let lang = negotiate_for(&req, localizer, caller.principal().map(|principal| principal.locale.as_str()));
    let chinese = lang.language.as_str() == "zh";
    let layout = |title_id: &str| Layout::new(localizer, &lang, title_id).for_request(&req, caller.principal());
    match notice::public_village(&state.db, caller.principal(), code.trim()).await {
        Ok(found) => {
            let units: Vec<String> = [found.county.as_ref(), found.township.as_ref()]
                .into_iter()
                .flatten()
                .map(|unit| if chinese { unit.zh.clone() } else { unit.en.clone().unwrap_or_else(|| unit.zh.clone()) })
                .collect();
            // Chinese writes the larger unit first and without separators; others the smaller first.
            let area = if chinese { units.concat() } else { units.into_iter().rev().collect::<Vec<_>>().join(", ") };
            let heading = name(&found.village.names, chinese);
            let mut paragraphs = Vec::new();
            if !area.is_empty() {
                paragraphs.push(localizer.format(
                    &lang,
                    "page-village-public-area",
                    &[("area", FluentValue::from(area))],
                ));
            }
            paragraphs.push(localizer.text(&lang, "page-village-public-form-pending"));
            let mut layout = layout("page-village-public-title");
            layout.title = format!("{heading} · {}", layout.title);
            render(StatusCode::OK, &VillagePage { layout, heading, local: found.village.local, paragraphs })
        }
        Err(ServiceError::NotFound { .. }) => {
            let detail = localizer.format(
                &lang,
                "page-village-not-found-detail",
                &[("code", FluentValue::from(code.trim().chars().take(64).collect::<String>()))],
            );
            let layout = layout("page-village-not-found-title");
            let heading = layout.title.clone();
            render(StatusCode::NOT_FOUND, &VillagePage { layout, heading, local: None, paragraphs: vec![detail] })
        }
        Err(error) => {
            tracing::error!(error = ?error, "village page failed");
            let layout = layout("problem-unavailable-title");
            let heading = layout.title.clone();
            let detail = localizer.text(&lang, "problem-unavailable-detail");
            render(
                StatusCode::SERVICE_UNAVAILABLE,
                &VillagePage { layout, heading, local: None, paragraphs: vec![detail] },
            )
        }
    }
}

/// `GET /static/notice.css`: the printed notice's sheet and its font stacks.
pub async fn notice_stylesheet() -> HttpResponse {
    HttpResponse::Ok()
        .insert_header((actix_web::http::header::CONTENT_TYPE, "text/css; charset=utf-8"))
        .insert_header((actix_web::http::header::CACHE_CONTROL, "public, max-age=3600"))
        .body(crate::notice::stylesheet())
}
