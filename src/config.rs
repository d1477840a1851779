//! Typed settings in one place: defaults, then an optional `banna.toml`, then `BANNA_*` environment
//! variables (nested keys with `__`, e.g. `BANNA_SERVER__BIND`), then `DATABASE_URL`.

use std::net::SocketAddr;
use std::path::{Path, PathBuf};

use serde::Deserialize;

/// All settings of the application.
#[derive(Clone, Debug, Deserialize)]
pub struct Settings {
    pub server: ServerSettings,
    pub database: DatabaseSettings,
    pub locale: LocaleSettings,
    pub api: ApiSettings,
    pub map: MapSettings,
    pub visits: VisitSettings,
    pub patrols: PatrolSettings,
    pub outreach: OutreachSettings,
}

#[derive(Clone, Debug, Deserialize)]
pub struct ServerSettings {
    /// Address the HTTP server listens on; port 0 picks a free port (tests).
    pub bind: SocketAddr,
    /// Seconds to let in-flight requests finish after SIGTERM/SIGINT.
    pub shutdown_timeout_s: u64,
    /// The site's public address (`https://banna.example.org`), printed in the QR codes of
    /// outreach notices; empty (the default): the scheme and host the request came to.
    pub public_url: String,
}

impl ServerSettings {
    /// The configured public address without a trailing `/`, if one is set.
    pub fn public_url(&self) -> Option<&str> {
        Some(self.public_url.trim().trim_end_matches('/')).filter(|url| !url.is_empty())
    }
}

#[derive(Clone, Debug, Deserialize)]
pub struct DatabaseSettings {
    /// `sqlite://…` (the embedded default) or `postgres://…`.
    pub url: String,
    pub max_connections: u32,
}

#[derive(Clone, Debug, Deserialize)]
pub struct LocaleSettings {
    /// Default language (BCP 47) for the CLI and for requests that state no preference.
    pub default: String,
    /// IANA time zone in which calendar periods (years, months) are counted.
    pub time_zone: String,
}

#[derive(Clone, Debug, Deserialize)]
pub struct ApiSettings {
    /// Page size when a list request gives no `limit`.
    pub default_limit: u64,
    /// Largest `limit` a list request may ask for.
    pub max_limit: u64,
    /// Largest JSON request body accepted, in bytes (larger: 413).
    pub json_limit_bytes: usize,
}

#[derive(Clone, Debug, Deserialize)]
pub struct MapSettings {
    /// XYZ tile URL template (`https://{s}.example.org/{z}/{x}/{y}.png`) for a base layer on the
    /// border map; empty (the default) means no base tiles: border areas are often offline.
    pub tile_url: String,
    /// Attribution shown for those tiles (required by most tile licences).
    pub tile_attribution: String,
}

/// When a liaison visit is flagged for supervisors (it is accepted all the same).
#[derive(Clone, Debug, Deserialize)]
pub struct VisitSettings {
    /// Geodesic metres from the visited village or post beyond which a visit is flagged
    /// `far_from_target`.
    pub max_distance_m: f64,
    /// Geolocation accuracy (metres) beyond which a visit is flagged `low_accuracy`.
    pub max_accuracy_m: f64,
}

/// How patrol tracks are read against the border.
#[derive(Clone, Debug, Deserialize)]
pub struct PatrolSettings {
    /// Track points farther than this from the line (metres) cover no km.
    pub corridor_m: f64,
}

/// How outreach sessions are kept apart: the time to travel between two villages is the
/// geodesic distance × `road_factor` at `road_speed_kmh`.
#[derive(Clone, Debug, Deserialize)]
pub struct OutreachSettings {
    /// Average speed on the roads between villages, km/h.
    pub road_speed_kmh: f64,
    /// Road km per geodesic km (roads wind through the hills).
    pub road_factor: f64,
}

impl MapSettings {
    /// The origin the tiles come from, as a Content-Security-Policy source (`{s}` subdomains
    /// become a wildcard); `None` without tiles or for a URL that is not http(s).
    pub fn tile_origin(&self) -> Option<String> {
        let (scheme, rest) = self.tile_url.split_once("://")?;
        if scheme != "https" && scheme != "http" {
            return None;
        }
        let host = rest.split('/').next().filter(|host| !host.is_empty())?;
        let host = host.replace("{s}", "*");
        host.chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | ':' | '*'))
            .then(|| format!("{scheme}://{host}"))
    }
}

/// The embedded default database: a SQLite file under `./data/`, created if missing.
pub const DEFAULT_DATABASE_URL: &str = "sqlite://data/banna.db?mode=rwc";

#[derive(Debug, thiserror::Error)]
pub enum SettingsError {
    #[error("could not read the settings: {0}")]
    Invalid(#[from] config::ConfigError),
}

impl Settings {
    /// Reads the settings. `file` is `banna.toml` in the working directory unless given;
    /// a missing default file is fine, a missing explicitly named file is an error.
    pub fn load(file: Option<&Path>) -> Result<Settings, SettingsError> {
        let (path, required): (PathBuf, bool) = match file {
            Some(path) => (path.to_path_buf(), true),
            None => (PathBuf::from("banna.toml"), false),
        };
        let mut builder = config::Config::builder()
            .set_default("server.bind", "127.0.0.1:8080")?
            .set_default("server.shutdown_timeout_s", 30)?
            .set_default("server.public_url", "")?
            .set_default("database.url", DEFAULT_DATABASE_URL)?
            .set_default("database.max_connections", 8)?
            .set_default("locale.default", "zh-CN")?
            .set_default("locale.time_zone", "Asia/Shanghai")?
            .set_default("api.default_limit", 1000)?
            .set_default("api.max_limit", 10_000)?
            .set_default("api.json_limit_bytes", 1_048_576)?
            .set_default("map.tile_url", "")?
            .set_default("map.tile_attribution", "")?
            .set_default("visits.max_distance_m", 2000.0)?
            .set_default("visits.max_accuracy_m", 100.0)?
            .set_default("patrols.corridor_m", 2000.0)?
            .set_default("outreach.road_speed_kmh", 30.0)?
            .set_default("outreach.road_factor", 1.4)?
            .add_source(config::File::from(path).format(config::FileFormat::Toml).required(required))
            .add_source(
                config::Environment::with_prefix("BANNA").prefix_separator("_").separator("__").try_parsing(true),
            );
        if let Ok(url) = std::env::var("DATABASE_URL") {
            builder = builder.set_override("database.url", url)?;
        }
        Ok(builder.build()?.try_deserialize()?)
    }

    /// The time zone periods are counted in; falls back to Asia/Shanghai on an unknown name
    /// (checked at start-up by [`Settings::validate`]).
    pub fn time_zone(&self) -> chrono_tz::Tz {
        self.locale.time_zone.parse().unwrap_or(chrono_tz::Asia::Shanghai)
    }

    /// Checks values the types cannot: known time zone, sane paging limits.
    pub fn validate(&self) -> Result<(), String> {
        if self.locale.time_zone.parse::<chrono_tz::Tz>().is_err() {
            return Err(format!("unknown time zone {:?}", self.locale.time_zone));
        }
        if self.api.default_limit == 0 || self.api.default_limit > self.api.max_limit {
            return Err("api.default_limit must be between 1 and api.max_limit".to_owned());
        }
        for (name, value) in [
            ("visits.max_distance_m", self.visits.max_distance_m),
            ("visits.max_accuracy_m", self.visits.max_accuracy_m),
        ]
        .into_iter()
        .chain([("patrols.corridor_m", self.patrols.corridor_m)])
        {
            if !value.is_finite() || value <= 0.0 {
                return Err(format!("{name} must be a positive number of metres, not {value}"));
            }
        }
        if !self.outreach.road_speed_kmh.is_finite() || self.outreach.road_speed_kmh <= 0.0 {
            return Err(format!(
                "outreach.road_speed_kmh must be a positive speed, not {}",
                self.outreach.road_speed_kmh
            ));
        }
        if !self.outreach.road_factor.is_finite() || self.outreach.road_factor < 1.0 {
            return Err(format!("outreach.road_factor must be 1 or more, not {}", self.outreach.road_factor));
        }
        if let Some(url) = self.server.public_url() {
            let host = url.strip_prefix("https://").or_else(|| url.strip_prefix("http://"));
            if host.is_none_or(|host| host.is_empty() || host.contains(['?', '#', ' ', '"', '<', '>'])) {
                return Err(format!("server.public_url {url:?} is not an http(s) address without query"));
            }
        }
        if !self.map.tile_url.is_empty() && self.map.tile_origin().is_none() {
            return Err(format!("map.tile_url {:?} is not an http(s) URL template", self.map.tile_url));
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_settings_file_overrides_the_defaults() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("banna.toml");
        std::fs::write(&path, "[server]\nbind = \"0.0.0.0:9000\"\n[api]\nmax_limit = 50\ndefault_limit = 20\n")
            .expect("write settings");
        let settings = Settings::load(Some(&path)).expect("settings load");
        assert_eq!(settings.server.bind.port(), 9000);
        assert_eq!(settings.api.max_limit, 50);
        assert_eq!(settings.locale.default, "zh-CN");
        assert!(settings.validate().is_ok());
    }

    #[test]
    fn the_tile_origin_is_allowed_by_the_content_security_policy() {
        let map = |url: &str| MapSettings { tile_url: url.to_owned(), tile_attribution: String::new() };
        assert_eq!(map("").tile_origin(), None);
        assert_eq!(
            map("https://{s}.tiles.example.org/{z}/{x}/{y}.png").tile_origin().as_deref(),
            Some("https://*.tiles.example.org")
        );
        assert_eq!(map("http://10.0.0.5:8081/{z}/{x}/{y}.png").tile_origin().as_deref(), Some("http://10.0.0.5:8081"));
        assert_eq!(map("javascript:alert(1)").tile_origin(), None);
        assert_eq!(map("https://evil.org;script-src *").tile_origin(), None);
    }

    #[test]
    fn a_named_settings_file_that_is_missing_is_an_error() {
        let missing = Path::new("/nonexistent/banna.toml");
        assert!(Settings::load(Some(missing)).is_err());
    }

    #[test]
    fn visit_limits_default_to_two_km_and_a_hundred_metres_and_must_be_positive() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("banna.toml");
        std::fs::write(&path, "").expect("write settings");
        let settings = Settings::load(Some(&path)).expect("settings load");
        assert_eq!((settings.visits.max_distance_m, settings.visits.max_accuracy_m), (2000.0, 100.0));
        std::fs::write(&path, "[visits]\nmax_distance_m = 0\n").expect("write settings");
        assert!(Settings::load(Some(&path)).expect("settings load").validate().is_err());
        std::fs::write(&path, "[visits]\nmax_accuracy_m = 50.5\n").expect("write settings");
        let settings = Settings::load(Some(&path)).expect("settings load");
        assert_eq!(settings.visits.max_accuracy_m, 50.5);
        assert!(settings.validate().is_ok());
    }

    #[test]
    fn outreach_travel_defaults_to_30_kmh_over_1_4_times_the_distance() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("banna.toml");
        std::fs::write(&path, "").expect("write settings");
        let settings = Settings::load(Some(&path)).expect("settings load");
        assert_eq!((settings.outreach.road_speed_kmh, settings.outreach.road_factor), (30.0, 1.4));
        std::fs::write(&path, "[outreach]\nroad_speed_kmh = 0\n").expect("write settings");
        assert!(Settings::load(Some(&path)).expect("settings load").validate().is_err());
        std::fs::write(&path, "[outreach]\nroad_factor = 0.9\n").expect("write settings");
        assert!(Settings::load(Some(&path)).expect("settings load").validate().is_err());
        std::fs::write(&path, "[outreach]\nroad_speed_kmh = 45.5\n").expect("write settings");
        let settings = Settings::load(Some(&path)).expect("settings load");
        assert_eq!(settings.outreach.road_speed_kmh, 45.5);
        assert!(settings.validate().is_ok());
    }

    #[test]
    fn the_public_url_is_optional_and_must_be_http() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("banna.toml");
        std::fs::write(&path, "").expect("write settings");
        assert_eq!(Settings::load(Some(&path)).expect("settings load").server.public_url(), None);
        std::fs::write(&path, "[server]\npublic_url = \"https://banna.example.org/\"\n").expect("write settings");
        let settings = Settings::load(Some(&path)).expect("settings load");
        assert_eq!(settings.server.public_url(), Some("https://banna.example.org"));
        assert!(settings.validate().is_ok());
        std::fs::write(&path, "[server]\npublic_url = \"ftp://x?y\"\n").expect("write settings");
        assert!(Settings::load(Some(&path)).expect("settings load").validate().is_err());
    }

    #[test]
    fn an_unknown_time_zone_fails_validation() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("banna.toml");
        std::fs::write(&path, "[locale]\ntime_zone = \"Mars/Olympus\"\n").expect("write settings");
        let settings = Settings::load(Some(&path)).expect("settings load");
        assert!(settings.validate().is_err());
    }
}
