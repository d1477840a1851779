//! Static files the binary serves itself: the npm packages embedded at build time (Leaflet and
//! its cluster plugin, pinned in `package-lock.json`, see `build.rs`) and the map's own script
//! and stylesheet (`src/web/assets/`). Nothing is fetched from a CDN at run time.

use actix_web::http::header::{CACHE_CONTROL, CONTENT_TYPE};
use actix_web::{HttpResponse, web};

/// `(path below node_modules/, bytes)` of every embedded npm file, written by `build.rs`.
const VENDOR: &[(&str, &[u8])] = include!(concat!(env!("OUT_DIR"), "/vendor_files.rs"));

const MAP_JS: &str = include_str!("assets/map.js");
const MAP_CSS: &str = include_str!("assets/map.css");

fn content_type(name: &str) -> &'static str {
    match name.rsplit_once('.').map(|(_, extension)| extension) {
        Some("js") => "text/javascript; charset=utf-8",
        Some("css") => "text/css; charset=utf-8",
        Some("png") => "image/png",
        _ => "text/plain; charset=utf-8",
    }
}

fn file(name: &str, body: &'static [u8], max_age_s: u32) -> HttpResponse {
    HttpResponse::Ok()
        .insert_header((CONTENT_TYPE, content_type(name)))
        .insert_header((CACHE_CONTROL, format!("public, max-age={max_age_s}")))
        .body(body)
}

/// `GET /static/vendor/{file}`: an embedded npm file, e.g. `leaflet/dist/leaflet.js`.
pub async fn vendor(path: web::Path<String>) -> HttpResponse {
    match VENDOR.iter().find(|(name, _)| *name == path.as_str()) {
        Some((name, body)) => file(name, body, 86_400),
        None => HttpResponse::NotFound().finish(),
    }
}

/// `GET /static/map.js`
pub async fn map_script() -> HttpResponse {
    file("map.js", MAP_JS.as_bytes(), 3_600)
}

/// `GET /static/map.css`
pub async fn map_stylesheet() -> HttpResponse {
    file("map.css", MAP_CSS.as_bytes(), 3_600)
}

#[cfg(test)]
mod tests {
    use super::VENDOR;

    #[test]
    fn leaflet_and_its_licence_are_embedded() {
        for name in ["leaflet/dist/leaflet.js", "leaflet/dist/leaflet.css", "leaflet/LICENSE"] {
            let (_, body) = VENDOR.iter().find(|(candidate, _)| *candidate == name).expect(name);
            assert!(body.len() > 100, "{name} is only {} bytes", body.len());
        }
        let (_, script) = VENDOR.iter().find(|(name, _)| *name == "leaflet/dist/leaflet.js").expect("leaflet.js");
        assert!(String::from_utf8_lossy(script).contains("1.9.4"), "the pinned Leaflet version is embedded");
    }
}
