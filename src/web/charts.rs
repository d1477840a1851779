//! Charts served as SVG images for the pages to embed: `/charts/border-strip.svg`, incidents per
//! km bin of the border, a year against another, in the reader's language.
//!
//! An image is fetched by an `<img>`, which cannot follow a redirect to the sign-in page
//! usefully: a caller without a session gets 401 and a role without the dashboard 403, each
//! with a short localized plain-text body, as the API does (not the pages' 303 to `/login`).

use actix_web::http::StatusCode;
use actix_web::http::header::{CACHE_CONTROL, CONTENT_TYPE};
use actix_web::{HttpRequest, HttpResponse, web};
use fluent_bundle::FluentValue;
use unic_langid::LanguageIdentifier;

use crate::api::auth::Caller;
use crate::api::lang::negotiate_for;
use crate::api::trends::BinsQuery;
use crate::border::{Border, SectionCode};
use crate::charts::border_strip::{self, BorderStrip, StripBin, StripLabels, StripSection};
use crate::domain::DomainError;
use crate::domain::auth::Action;
use crate::i18n::Localizer;
use crate::services::trends::{self, BinChanges};
use crate::services::{ServiceError, auth};
use crate::startup::AppState;

const SVG: &str = "image/svg+xml";

fn plain(status: StatusCode, lang: &LanguageIdentifier, text: String) -> HttpResponse {
    HttpResponse::build(status)
        .insert_header((CONTENT_TYPE, "text/plain; charset=utf-8"))
        .insert_header(("Content-Language", lang.to_string()))
        .body(text)
}

fn invalid(localizer: &Localizer, lang: &LanguageIdentifier, error: &DomainError) -> HttpResponse {
    let args: Vec<(&str, FluentValue<'_>)> =
        error.args().into_iter().map(|(name, value)| (name, FluentValue::from(value))).collect();
    plain(StatusCode::BAD_REQUEST, lang, localizer.format(lang, error.message_id(), &args))
}

/// `GET /charts/border-strip.svg?base=&compare=&bin_km=`: the border strip of the caller's
/// jurisdiction, with the defaults and the validation of `GET /api/v1/border/bins`.
pub async fn border_strip(
    req: HttpRequest,
    state: web::Data<AppState>,
    caller: Caller,
    query: web::Query<BinsQuery>,
) -> HttpResponse {
    let localizer = Localizer::global();
    let lang = negotiate_for(&req, localizer, caller.principal().map(|principal| principal.locale.as_str()));
    let principal = match auth::require(caller.principal(), Action::ReadDashboard) {
        Ok(principal) => principal,
        Err(ServiceError::Unauthenticated) => {
            return plain(StatusCode::UNAUTHORIZED, &lang, localizer.text(&lang, "problem-unauthenticated-detail"));
        }
        Err(_) => return plain(StatusCode::FORBIDDEN, &lang, localizer.text(&lang, "problem-forbidden-detail")),
    };
    let request = match query.parse() {
        Ok(request) => request,
        Err(error) => return invalid(localizer, &lang, &error),
    };
    let (scope, tz) = (&principal.jurisdiction, state.settings.time_zone());
    let counted = match trends::resolve_years(&state.db, scope, request.base, request.compare, tz).await {
        Ok(years) => {
            trends::bin_change(&state.db, scope, &state.border, request.width.km(), years.base(), years.compare(), tz)
                .await
        }
        Err(error) => Err(error),
    };
    let changes = match counted {
        Ok(changes) => changes,
        Err(ServiceError::Invalid(error)) => return invalid(localizer, &lang, &error),
        Err(error) => {
            tracing::error!(error = ?error, "border strip data failed");
            return plain(StatusCode::SERVICE_UNAVAILABLE, &lang, localizer.text(&lang, "problem-unavailable-detail"));
        }
    };
    match border_strip::render(&strip(localizer, &lang, &state.border, &changes)) {
        Ok(svg) => HttpResponse::Ok()
            .insert_header((CONTENT_TYPE, SVG))
            .insert_header((CACHE_CONTROL, "private, no-cache"))
            .insert_header(("Content-Language", lang.to_string()))
            .body(svg),
        Err(error) => {
            tracing::error!(%error, "border strip rendering failed");
            plain(StatusCode::INTERNAL_SERVER_ERROR, &lang, localizer.text(&lang, "problem-internal-title"))
        }
    }
}

fn section_label(localizer: &Localizer, lang: &LanguageIdentifier, code: SectionCode) -> String {
    match code {
        SectionCode::Mm => localizer.text(lang, "page-chart-section-mm"),
        SectionCode::La => localizer.text(lang, "page-chart-section-la"),
    }
}

/// The chart's input: the counts of both years per bin and the localized words.
fn strip(localizer: &Localizer, lang: &LanguageIdentifier, border: &Border, changes: &BinChanges) -> BorderStrip {
    let count = |value: i64| u64::try_from(value).unwrap_or(0);
    let bins: Vec<StripBin> = changes
        .bins
        .iter()
        .map(|bin| StripBin {
            start_km: bin.start_km,
            end_km: bin.end_km,
            base: count(bin.base.incidents),
            compare: count(bin.compare.incidents),
        })
        .collect();
    let sections = border
        .sections()
        .iter()
        .map(|section| StripSection {
            start_km: section.start_km,
            end_km: section.end_km,
            label: section_label(localizer, lang, section.code),
        })
        .collect();
    let year = |year: i32| localizer.format(lang, "page-chart-year", &[("year", FluentValue::from(year))]);
    let bin_km = FluentValue::from(changes.bin_km);
    let description = localizer.format(
        lang,
        "page-chart-border-strip-desc",
        &[
            ("bin_km", bin_km.clone()),
            ("length_km", FluentValue::from(format!("{:.0}", changes.length_km))),
            ("base", FluentValue::from(changes.base_year)),
            ("compare", FluentValue::from(changes.compare_year)),
            ("bins", FluentValue::from(bins.len())),
            ("base_total", FluentValue::from(bins.iter().map(|bin| bin.base).sum::<u64>())),
            ("compare_total", FluentValue::from(bins.iter().map(|bin| bin.compare).sum::<u64>())),
        ],
    );
    BorderStrip {
        length_km: changes.length_km,
        bins,
        sections,
        labels: StripLabels {
            title: localizer.format(lang, "page-chart-border-strip-title", &[("bin_km", bin_km)]),
            description,
            x_axis: localizer.text(lang, "page-chart-border-strip-x"),
            y_axis: localizer.text(lang, "page-chart-border-strip-y"),
            base: year(changes.base_year),
            compare: year(changes.compare_year),
        },
    }
}
