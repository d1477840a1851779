//! `/map`: the border map (Leaflet, served by the binary). The page carries the localized labels
//! and the operator's tile settings as JSON; the script (`assets/map.js`) draws the app's own
//! GeoJSON endpoints, which scope every layer to the caller's jurisdiction (border bins, villages,
//! posts and sectors, incidents and their density, patrol coverage, flagged liaison visits). A layer the
//! caller's role may not read (incidents for outreach staff) is left out, not faked.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use fluent_bundle::FluentValue;
use serde::{Deserialize, Serialize};
use unic_langid::LanguageIdentifier;

use super::html::{Layout, MessagePage, render, to_login};
use crate::api::auth::Caller;
use crate::api::lang::negotiate_for;
use crate::border::{Border, SectionCode, Side};
use crate::domain::auth::Action;
use crate::i18n::Localizer;
use crate::services::{ServiceError, auth};
use crate::startup::AppState;

/// Message ids handed to the script, by the key it uses.
const LABELS: &[(&str, &str)] = &[
    ("border", "page-map-layer-border"),
    ("villages", "page-map-layer-villages"),
    ("posts", "page-map-layer-posts"),
    ("sectors", "page-map-layer-sectors"),
    ("incidents", "page-map-layer-incidents"),
    ("tiles", "page-map-layer-tiles"),
    ("legend", "page-map-legend"),
    ("changeDown", "page-map-change-down"),
    ("changeSame", "page-map-change-same"),
    ("changeUp", "page-map-change-up"),
    ("changeNew", "page-map-change-new"),
    ("changeNone", "page-map-change-none"),
    ("village", "page-map-village"),
    ("keyVillage", "page-map-key-village"),
    ("post", "page-map-post"),
    ("incident", "page-map-incident"),
    ("households", "page-map-households"),
    ("borderKm", "page-map-border-km"),
    ("distanceM", "page-map-distance-m"),
    ("sector", "page-map-sector"),
    ("persons", "page-map-persons"),
    ("incidentsYears", "page-map-incidents-years"),
    ("open", "page-map-open"),
    ("allCounties", "page-map-all-counties"),
    ("loadFailed", "page-map-load-failed"),
    ("partial", "page-map-partial"),
    ("noAccess", "page-map-no-access"),
    ("change", "page-map-change"),
    ("focusMissing", "page-map-focus-missing"),
    ("density", "page-map-layer-density"),
    ("densityLegend", "page-map-density-legend"),
    ("cell", "page-map-cell"),
    ("patrols", "page-map-layer-patrols"),
    ("patrolled", "page-map-patrolled"),
    ("unpatrolled", "page-map-unpatrolled"),
    ("flaggedVisits", "page-map-layer-flagged-visits"),
    ("flaggedVisit", "page-map-flagged-visit"),
    ("flagFar", "page-map-flag-far-from-target"),
    ("flagAccuracy", "page-map-flag-low-accuracy"),
    ("visitedAt", "page-map-visited-at"),
    ("officer", "page-map-officer"),
    ("flags", "page-map-flags"),
    ("distanceToTarget", "page-map-distance-to-target"),
    ("accuracy", "page-map-accuracy"),
];

/// Placeholders the script fills in (`{year}`), passed as Fluent arguments so that the
/// translated sentence keeps them where the translator put them.
const PLACEHOLDERS: &[&str] = &["layer", "shown", "matched", "year", "km"];

#[derive(Serialize)]
struct MapConfig {
    lang: String,
    tile_url: Option<String>,
    tile_attribution: String,
    focus: Option<String>,
    bin_km: u32,
    /// The API's page size limit: the flagged-visit layer asks for one full page.
    max_limit: u64,
    /// Side of the heat layer's grid cells (`/api/v1/incidents/grid`), km.
    cell_km: f64,
    labels: serde_json::Map<String, serde_json::Value>,
    categories: serde_json::Map<String, serde_json::Value>,
    countries: Vec<CountryLabel>,
}

/// A country name written on the map beside the line, for orientation without base tiles.
#[derive(Serialize)]
struct CountryLabel {
    lon: f64,
    lat: f64,
    text: String,
}

/// How far from the line the country names are written.
const COUNTRY_LABEL_OFFSET_M: f64 = 18_000.0;

/// Where to write a country's name: the first candidate point that the border engine itself
/// places on the wanted side (and section, for a neighbour) at least 10 km from the line. A
/// point offset at one km can land on the wrong side where the line turns sharply, hence the
/// check.
fn label_point(
    border: &Border,
    candidates: &[(f64, f64)],
    side: Side,
    section: Option<SectionCode>,
) -> Option<(f64, f64)> {
    candidates.iter().copied().find(|&(lon, lat)| {
        border.locate(lon, lat).is_some_and(|found| {
            found.side == side && found.distance_m >= 10_000.0 && section.is_none_or(|code| found.section == code)
        })
    })
}

/// China once and each neighbour beside its section, on the side the engine says it lies.
fn country_labels(localizer: &Localizer, lang: &LanguageIdentifier, border: &Border) -> Vec<CountryLabel> {
    let mut labels = Vec::new();
    let offsets = |from_km: f64, to_km: f64, side: Side| -> Vec<(f64, f64)> {
        (1..8)
            .filter_map(|step| {
                let km = from_km + (to_km - from_km) * f64::from(step) / 8.0;
                border.offset(km, COUNTRY_LABEL_OFFSET_M, side)
            })
            .collect()
    };
    let vertices = border.vertices();
    let mut china = Vec::new();
    if !vertices.is_empty() {
        let count = vertices.len() as f64;
        let lon = vertices.iter().map(|vertex| vertex[0]).sum::<f64>() / count;
        let lat = vertices.iter().map(|vertex| vertex[1]).sum::<f64>() / count;
        china.push((lon, lat));
    }
    china.extend(offsets(0.0, border.length_km(), Side::Cn));
    if let Some((lon, lat)) = label_point(border, &china, Side::Cn, None) {
        labels.push(CountryLabel { lon, lat, text: localizer.text(lang, "page-map-country-cn") });
    }
    for section in border.sections() {
        let id = match section.code {
            SectionCode::Mm => "page-map-country-mm",
            SectionCode::La => "page-map-country-la",
        };
        let candidates = offsets(section.start_km, section.end_km, Side::Abroad);
        if let Some((lon, lat)) = label_point(border, &candidates, Side::Abroad, Some(section.code)) {
            labels.push(CountryLabel { lon, lat, text: localizer.text(lang, id) });
        }
    }
    labels
}

#[derive(Template)]
#[template(path = "map.html")]
struct MapPage {
    layout: Layout,
    county_label: String,
    noscript: String,
    /// JSON for a `<script type="application/json">` element; `<` is escaped so the text can
    /// never close the element.
    config_json: String,
}

#[derive(Deserialize)]
pub struct MapQuery {
    /// `village:12`, `post:3` or `incident:40`: open the map on that record.
    focus: Option<String>,
}

/// Keeps a focus parameter only when it names a record kind and a numeric id.
fn focus(value: Option<&str>) -> Option<String> {
    let (kind, id) = value?.split_once(':')?;
    let known = matches!(kind, "village" | "post" | "incident");
    (known && !id.is_empty() && id.len() <= 12 && id.bytes().all(|b| b.is_ascii_digit()))
        .then(|| format!("{kind}:{id}"))
}

fn config_json(localizer: &Localizer, lang: &LanguageIdentifier, state: &AppState, focus: Option<String>) -> String {
    let placeholders: Vec<(&str, FluentValue)> =
        PLACEHOLDERS.iter().map(|name| (*name, FluentValue::from(format!("{{{name}}}")))).collect();
    let labels = LABELS
        .iter()
        .map(|(key, id)| ((*key).to_owned(), serde_json::Value::String(localizer.format(lang, id, &placeholders))))
        .collect();
    let categories = crate::domain::incident::Category::ALL
        .iter()
        .map(|category| {
            let id = format!("page-category-{}", category.code().replace('_', "-"));
            (category.code().to_owned(), serde_json::Value::String(localizer.text(lang, &id)))
        })
        .collect();
    let map = &state.settings.map;
    let config = MapConfig {
        lang: lang.to_string(),
        tile_url: (!map.tile_url.is_empty()).then(|| map.tile_url.clone()),
        tile_attribution: map.tile_attribution.clone(),
        focus,
        bin_km: 10,
        max_limit: state.settings.api.max_limit,
        cell_km: crate::domain::grid::DEFAULT_CELL_KM,
        labels,
        categories,
        countries: country_labels(localizer, lang, &state.border),
    };
    serde_json::to_string(&config).unwrap_or_else(|_| "{}".to_owned()).replace('<', "\\u003c")
}

/// `GET /map[?focus=kind:id]`
pub async fn show(
    req: HttpRequest,
    state: web::Data<AppState>,
    caller: Caller,
    query: web::Query<MapQuery>,
) -> HttpResponse {
    let localizer = Localizer::global();
    let lang = negotiate_for(&req, localizer, caller.principal().map(|principal| principal.locale.as_str()));
    let principal = match auth::require(caller.principal(), Action::ReadBorder) {
        Ok(principal) => principal,
        Err(ServiceError::Unauthenticated) => {
            return to_login(&req);
        }
        Err(_) => {
            let page = MessagePage {
                layout: Layout::new(localizer, &lang, "problem-forbidden-title"),
                detail: localizer.text(&lang, "problem-forbidden-detail"),
                link_href: "/login",
                link_text: localizer.text(&lang, "page-login-title"),
            };
            return render(StatusCode::FORBIDDEN, &page);
        }
    };
    let page = MapPage {
        layout: Layout::new(localizer, &lang, "page-map-title").for_request(&req, Some(principal)),
        county_label: localizer.text(&lang, "page-map-county"),
        noscript: localizer.text(&lang, "page-map-noscript"),
        config_json: config_json(localizer, &lang, &state, focus(query.focus.as_deref())),
    };
    render(StatusCode::OK, &page)
}

#[cfg(test)]
mod tests {
    use super::focus;

    #[test]
    fn only_well_formed_focus_values_are_kept() {
        assert_eq!(focus(Some("village:12")).as_deref(), Some("village:12"));
        assert_eq!(focus(Some("post:3")).as_deref(), Some("post:3"));
        assert_eq!(focus(Some("village:12</script>")), None);
        assert_eq!(focus(Some("user:1")), None);
        assert_eq!(focus(Some("village:")), None);
        assert_eq!(focus(None), None);
    }

    #[test]
    fn country_names_are_written_on_their_own_side_of_the_line() {
        let localizer = crate::i18n::Localizer::global();
        let en: unic_langid::LanguageIdentifier = "en".parse().expect("en");
        let border = crate::border::Border::bundled();
        let labels = super::country_labels(localizer, &en, border);
        let texts: Vec<&str> = labels.iter().map(|label| label.text.as_str()).collect();
        assert_eq!(texts, ["China", "Myanmar", "Laos"]);
        for label in &labels {
            let found = border.locate(label.lon, label.lat).expect("near the line");
            let expected = if label.text == "China" { crate::border::Side::Cn } else { crate::border::Side::Abroad };
            assert_eq!(found.side, expected, "{}", label.text);
        }
    }
}
