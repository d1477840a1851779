//! The border engine: the Xishuangbanna international border as one measured line, and every
//! computation the rest of the system makes against it (stations, offsets, `locate`).
//!
//! Pure computation: no database, no HTTP. Positions are WGS84 longitude/latitude in degrees,
//! distances along the line are kilometres from km 0 (the western end), distances to the line
//! are metres; all lengths are geodesic on the WGS84 ellipsoid (Karney's algorithms, through
//! `geo`, or a series that agrees with them to a millimetre, see `locate`).
//!
//! ```
//! use banna_border::border::{Border, SectionCode, Side};
//!
//! let border = Border::bundled();
//! assert!((border.length_km() - 673.241).abs() < 0.001); // measured on the shipped line
//! assert_eq!(border.section_at(100.0), SectionCode::Mm);
//! let station = border.point_at(100.0).unwrap(); // lon/lat degrees, bearing in degrees
//! let (lon, lat) = border.offset(100.0, 2_000.0, Side::Cn).unwrap(); // 2 km into China
//! let here = border.locate(lon, lat).unwrap();
//! assert_eq!(here.side, Side::Cn);
//! assert!(here.distance_m <= 2_000.01); // the line may bend back nearer than the station
//! # let _ = station;
//! ```

mod error;
mod geodesy;
pub mod intervals;
mod load;
mod locate;
mod pillars;
mod slice;

use std::sync::OnceLock;

use serde::Serialize;

pub use error::BorderError;
pub use intervals::{KmInterval, KmIntervals};
pub use load::{JOIN_TOLERANCE_M, LA_FEATURE_ID, MERGED_FEATURE_ID, MERGED_TOLERANCE_M, MM_FEATURE_ID};

pub use locate::{Location, MAX_PIECE_M};
pub use pillars::{PILLAR_MAX_DISTANCE_M, Pillar};

use geodesy::{azimuth_deg, destination, distance_m, normalize_deg, valid_lon_lat};
use locate::SegmentIndex;

/// The shipped border line (OpenStreetMap-derived, © OpenStreetMap contributors, ODbL).
const BUNDLED_GEOJSON: &str = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/geodata/border.geojson"));

/// Which neighbour a stretch of the border faces.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub enum SectionCode {
    /// China–Myanmar, from km 0 to the tripoint.
    #[serde(rename = "MM")]
    Mm,
    /// China–Laos, from the tripoint to the eastern end.
    #[serde(rename = "LA")]
    La,
}

impl SectionCode {
    /// The ISO 3166-1 alpha-2 code of the neighbour: `"MM"` or `"LA"`.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Mm => "MM",
            Self::La => "LA",
        }
    }

    /// Parses `"MM"` or `"LA"` (ASCII case-insensitive).
    pub fn parse(text: &str) -> Option<Self> {
        if text.eq_ignore_ascii_case("MM") {
            Some(Self::Mm)
        } else if text.eq_ignore_ascii_case("LA") {
            Some(Self::La)
        } else {
            None
        }
    }
}

impl std::fmt::Display for SectionCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Which side of the border a point is on. China lies on the left of the line walked from
/// km 0 towards its end.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Side {
    /// Inside China: left of the oriented line.
    Cn,
    /// Beyond the line (Myanmar or Laos): right of the oriented line.
    Abroad,
}

impl Side {
    /// `"cn"` or `"abroad"`.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Cn => "cn",
            Self::Abroad => "abroad",
        }
    }

    /// Parses `"cn"` or `"abroad"` (ASCII case-insensitive).
    pub fn parse(text: &str) -> Option<Self> {
        if text.eq_ignore_ascii_case("cn") {
            Some(Self::Cn)
        } else if text.eq_ignore_ascii_case("abroad") {
            Some(Self::Abroad)
        } else {
            None
        }
    }
}

impl std::fmt::Display for Side {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One section of the border (one neighbour) with its km range on the merged line.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Section {
    pub code: SectionCode,
    /// The GeoJSON feature id, e.g. `CN-MM-XSBN`.
    pub feature_id: String,
    pub name_zh: String,
    pub name_en: String,
    /// Geodesic km from km 0 where the section starts.
    pub start_km: f64,
    /// Geodesic km from km 0 where the section ends.
    pub end_km: f64,
}

impl Section {
    /// Measured geodesic length of the section, km.
    pub fn length_km(&self) -> f64 {
        self.end_km - self.start_km
    }
}

/// A point on the line: WGS84 lon/lat degrees and the line's forward azimuth there
/// (degrees clockwise from north, `[0, 360)`, pointing towards increasing km).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Station {
    pub lon: f64,
    pub lat: f64,
    pub bearing_deg: f64,
}

/// The measured border line. Build it once (it is immutable and `Sync`) and share it.
#[derive(Debug, Clone)]
pub struct Border {
    /// Vertices, WGS84 lon/lat degrees, no two consecutive ones equal.
    vertices: Vec<[f64; 2]>,
    /// Geodesic km from km 0 at each vertex.
    cum_km: Vec<f64>,
    /// Forward azimuth (degrees) at the start of each segment `i` (vertex `i` to `i + 1`).
    azimuth_deg: Vec<f64>,
    sections: Vec<Section>,
    official_length_km: Option<f64>,
    index: SegmentIndex,
    /// Boundary pillars sorted by km.
    pillars: Vec<Pillar>,
}

impl Border {
    /// Loads and validates a border FeatureCollection with the features `CN-MM-XSBN` and
    /// `CN-LA-XSBN` (LineStrings, WGS84 lon/lat) and optionally the merged `CN-XSBN-INTL`,
    /// which must equal their concatenation and may carry `official_length_km`.
    pub fn from_geojson_str(text: &str) -> Result<Border, BorderError> {
        let loaded = load::parse(text)?;
        let mut vertices: Vec<[f64; 2]> = Vec::with_capacity(loaded.vertices.len());
        let mut tripoint_vertex = 0;
        for (i, v) in loaded.vertices.iter().enumerate() {
            // Exactly repeated vertices carry no length; drop them so every segment has one.
            if vertices.last() != Some(v) {
                vertices.push(*v);
            }
            if i == loaded.tripoint_vertex {
                tripoint_vertex = vertices.len() - 1;
            }
        }

        let mut cum_km = Vec::with_capacity(vertices.len());
        let mut azimuths = Vec::with_capacity(vertices.len().saturating_sub(1));
        cum_km.push(0.0);
        let mut total_km = 0.0;
        for w in vertices.windows(2) {
            total_km += distance_m(w[0], w[1]) / 1000.0;
            cum_km.push(total_km);
            azimuths.push(azimuth_deg(w[0], w[1]));
        }
        let tripoint_km = cum_km[tripoint_vertex];

        let sections = vec![
            Section {
                code: SectionCode::Mm,
                feature_id: loaded.mm.id,
                name_zh: loaded.mm.name_zh,
                name_en: loaded.mm.name_en,
                start_km: 0.0,
                end_km: tripoint_km,
            },
            Section {
                code: SectionCode::La,
                feature_id: loaded.la.id,
                name_zh: loaded.la.name_zh,
                name_en: loaded.la.name_en,
                start_km: tripoint_km,
                end_km: total_km,
            },
        ];
        let index = SegmentIndex::build(&vertices, &cum_km, &azimuths);
        Ok(Border {
            vertices,
            cum_km,
            azimuth_deg: azimuths,
            sections,
            official_length_km: loaded.official_length_km,
            index,
            pillars: Vec::new(),
        })
    }

    /// The shipped line, `geodata/border.geojson`, loaded once per process.
    pub fn bundled() -> &'static Border {
        static BUNDLED: OnceLock<Border> = OnceLock::new();
        BUNDLED.get_or_init(|| {
            Border::from_geojson_str(BUNDLED_GEOJSON)
                .expect("the bundled geodata/border.geojson is valid (a unit test loads it)")
        })
    }

    /// Measured geodesic length of the whole line, km.
    pub fn length_km(&self) -> f64 {
        self.cum_km.last().copied().unwrap_or(0.0)
    }

    /// The official length in km (966.3 for the shipped file), when the file states one. The
    /// shipped line is generalised, so it is shorter than this.
    pub fn official_length_km(&self) -> Option<f64> {
        self.official_length_km
    }

    /// The sections in km order: China–Myanmar, then China–Laos.
    pub fn sections(&self) -> &[Section] {
        &self.sections
    }

    /// The sections sharing some length with `[start_km, end_km]`, in km order.
    pub fn sections_within(&self, start_km: f64, end_km: f64) -> Vec<SectionCode> {
        self.sections
            .iter()
            .filter(|section| section.start_km < end_km && start_km < section.end_km)
            .map(|section| section.code)
            .collect()
    }

    /// The line's vertices, WGS84 `[lon, lat]` degrees, from km 0 to the end.
    pub fn vertices(&self) -> &[[f64; 2]] {
        &self.vertices
    }

    /// Geodesic km from km 0 at each vertex of [`Border::vertices`].
    pub fn vertex_km(&self) -> &[f64] {
        &self.cum_km
    }

    /// The section containing `km`. The tripoint itself belongs to the Laos section; a km below
    /// 0 or NaN gives the first section, a km past the end the last one.
    pub fn section_at(&self, km: f64) -> SectionCode {
        match self.sections.last() {
            Some(last) if km >= last.start_km => last.code,
            _ => self.sections.first().map_or(SectionCode::Mm, |s| s.code),
        }
    }

    /// The station at `km` (geodesic km from km 0), or `None` when `km` is not within
    /// `0..=length_km()`.
    pub fn point_at(&self, km: f64) -> Option<Station> {
        if !(0.0..=self.length_km()).contains(&km) {
            return None;
        }
        let last_segment = self.azimuth_deg.len().checked_sub(1)?;
        let i = self.cum_km.partition_point(|&c| c <= km).saturating_sub(1).min(last_segment);
        let along_m = ((km - self.cum_km[i]) * 1000.0).max(0.0);
        let (start, end) = (self.vertices[i], self.vertices[i + 1]);
        let segment_m = (self.cum_km[i + 1] - self.cum_km[i]) * 1000.0;
        if along_m == 0.0 {
            return Some(Station { lon: start[0], lat: start[1], bearing_deg: self.azimuth_deg[i] });
        }
        let here = if segment_m - along_m < 1e-4 { end } else { destination(start, self.azimuth_deg[i], along_m) };
        let bearing_deg = if segment_m - along_m > 1e-3 {
            azimuth_deg(here, end)
        } else {
            // At (or within a millimetre of) the segment's end: reverse the back azimuth.
            normalize_deg(azimuth_deg(end, start) + 180.0)
        };
        Some(Station { lon: here[0], lat: here[1], bearing_deg })
    }

    /// The WGS84 `(lon, lat)` reached by walking `distance_m` metres along the geodesic that
    /// leaves the station at `km` at a right angle to the line, towards `side` (China is on the
    /// left). `None` when `km` is off the line or `distance_m` is negative or not finite.
    pub fn offset(&self, km: f64, distance_m: f64, side: Side) -> Option<(f64, f64)> {
        if !distance_m.is_finite() || distance_m < 0.0 {
            return None;
        }
        let station = self.point_at(km)?;
        let turn_deg = match side {
            Side::Cn => -90.0,
            Side::Abroad => 90.0,
        };
        let azimuth = normalize_deg(station.bearing_deg + turn_deg);
        let [lon, lat] = destination([station.lon, station.lat], azimuth, distance_m);
        valid_lon_lat(lon, lat).then_some((lon, lat))
    }
}

#[cfg(test)]
mod tests {
    use super::load::tests::{collection, line};
    use super::*;

    /// A line running due north along 100°E: Myanmar section 21.0→21.5°N, Laos 21.5→22.0°N.
    pub(crate) fn northward() -> Border {
        Border::from_geojson_str(&collection(&[
            line(MM_FEATURE_ID, "[[100.0,21.0],[100.0,21.5]]", ""),
            line(LA_FEATURE_ID, "[[100.0,21.5],[100.0,22.0]]", ""),
        ]))
        .unwrap()
    }

    fn property_km(id: &str, name: &str) -> f64 {
        let json: serde_json::Value = serde_json::from_str(BUNDLED_GEOJSON).unwrap();
        let feature = json["features"].as_array().unwrap().iter().find(|f| f["id"] == id).unwrap();
        feature["properties"][name].as_f64().unwrap()
    }

    #[test]
    fn bundled_lengths_match_the_pyproj_figures_within_a_metre() {
        let border = Border::bundled();
        let mm = &border.sections()[0];
        let la = &border.sections()[1];
        assert!((mm.length_km() - property_km(MM_FEATURE_ID, "length_km")).abs() <= 0.001);
        assert!((la.length_km() - property_km(LA_FEATURE_ID, "length_km")).abs() <= 0.001);
        assert!((border.length_km() - property_km(MERGED_FEATURE_ID, "length_km")).abs() <= 0.001);
        assert!((mm.end_km - property_km(MERGED_FEATURE_ID, "tripoint_km")).abs() <= 0.001);
    }

    #[test]
    fn bundled_sections_are_mm_then_la_and_cover_the_line() {
        let border = Border::bundled();
        let s = border.sections();
        assert_eq!(s.len(), 2);
        assert_eq!((s[0].code, s[1].code), (SectionCode::Mm, SectionCode::La));
        assert_eq!(s[0].start_km, 0.0);
        assert_eq!(s[0].end_km, s[1].start_km);
        assert_eq!(s[1].end_km, border.length_km());
        assert_eq!(s[0].name_zh, "中缅边界（西双版纳段）");
        assert_eq!(s[1].name_en, "China–Laos border, Xishuangbanna section");
        assert_eq!(s[1].feature_id, LA_FEATURE_ID);
    }

    #[test]
    fn bundled_official_length_is_966_3_km() {
        assert_eq!(Border::bundled().official_length_km(), Some(966.3));
    }

    #[test]
    fn section_at_splits_at_the_tripoint_and_clamps() {
        let border = Border::bundled();
        let tripoint_km = border.sections()[1].start_km;
        assert_eq!(border.section_at(0.0), SectionCode::Mm);
        assert_eq!(border.section_at(tripoint_km - 0.001), SectionCode::Mm);
        assert_eq!(border.section_at(tripoint_km), SectionCode::La);
        assert_eq!(border.section_at(border.length_km()), SectionCode::La);
        assert_eq!(border.section_at(-5.0), SectionCode::Mm);
        assert_eq!(border.section_at(f64::NAN), SectionCode::Mm);
        assert_eq!(border.section_at(1e9), SectionCode::La);
    }

    #[test]
    fn point_at_the_ends_and_tripoint_returns_the_vertices() {
        let border = Border::bundled();
        let first = border.point_at(0.0).unwrap();
        assert_eq!([first.lon, first.lat], [99.971852, 22.055014]);
        let last = border.point_at(border.length_km()).unwrap();
        assert_eq!([last.lon, last.lat], [101.650943, 22.331495]);
        let tripoint = border.point_at(border.sections()[1].start_km).unwrap();
        assert_eq!([tripoint.lon, tripoint.lat], [101.14746, 21.56197]);
    }

    #[test]
    fn point_at_outside_the_line_is_none() {
        let border = Border::bundled();
        assert!(border.point_at(-0.001).is_none());
        assert!(border.point_at(border.length_km() + 0.001).is_none());
        assert!(border.point_at(f64::NAN).is_none());
        assert!(border.point_at(f64::INFINITY).is_none());
    }

    #[test]
    fn point_at_walks_the_geodesic_distance_from_the_previous_vertex() {
        let border = Border::bundled();
        for km in [0.5, 123.456, 290.0, 500.0, 672.9] {
            let station = border.point_at(km).unwrap();
            let i = border.vertex_km().partition_point(|&c| c <= km) - 1;
            let from_vertex_m = distance_m(border.vertices()[i], [station.lon, station.lat]);
            assert!((from_vertex_m - (km - border.vertex_km()[i]) * 1000.0).abs() < 1e-6, "km {km}");
            let to_next = azimuth_deg([station.lon, station.lat], border.vertices()[i + 1]);
            assert!((station.bearing_deg - to_next).abs() < 1e-9);
        }
    }

    #[test]
    fn point_at_on_a_meridian_heads_north() {
        let border = northward();
        let station = border.point_at(10.0).unwrap();
        assert!((station.lon - 100.0).abs() < 1e-12);
        assert!(station.bearing_deg.abs() < 1e-9 || (station.bearing_deg - 360.0).abs() < 1e-9);
        let expected = destination([100.0, 21.0], 0.0, 10_000.0);
        assert!(distance_m([station.lon, station.lat], expected) < 1e-6);
        let end = border.point_at(border.length_km()).unwrap();
        assert!(end.bearing_deg.abs() < 1e-9 || (end.bearing_deg - 360.0).abs() < 1e-9);
    }

    #[test]
    fn offset_puts_china_on_the_left() {
        let border = northward();
        let (cn_lon, cn_lat) = border.offset(20.0, 3_000.0, Side::Cn).unwrap();
        let (ab_lon, ab_lat) = border.offset(20.0, 3_000.0, Side::Abroad).unwrap();
        assert!(cn_lon < 100.0, "heading north, the left is west");
        assert!(ab_lon > 100.0);
        let station = border.point_at(20.0).unwrap();
        let at = [station.lon, station.lat];
        assert!((distance_m(at, [cn_lon, cn_lat]) - 3_000.0).abs() < 1e-6);
        assert!((distance_m(at, [ab_lon, ab_lat]) - 3_000.0).abs() < 1e-6);
        assert!((azimuth_deg(at, [cn_lon, cn_lat]) - 270.0).abs() < 1e-6);
    }

    #[test]
    fn offset_walks_at_a_right_angle_on_the_bundled_line() {
        let border = Border::bundled();
        let station = border.point_at(400.0).unwrap();
        let (lon, lat) = border.offset(400.0, 12_000.0, Side::Abroad).unwrap();
        let at = [station.lon, station.lat];
        let turn = normalize_deg(azimuth_deg(at, [lon, lat]) - station.bearing_deg);
        assert!((turn - 90.0).abs() < 1e-6);
        assert!((distance_m(at, [lon, lat]) - 12_000.0).abs() < 1e-6);
    }

    #[test]
    fn offset_rejects_bad_distances_and_km() {
        let border = Border::bundled();
        assert!(border.offset(10.0, -1.0, Side::Cn).is_none());
        assert!(border.offset(10.0, f64::NAN, Side::Cn).is_none());
        assert!(border.offset(-1.0, 10.0, Side::Cn).is_none());
        assert_eq!(border.offset(10.0, 0.0, Side::Abroad).map(|(lon, _)| lon), border.point_at(10.0).map(|s| s.lon));
    }

    #[test]
    fn repeated_vertices_are_dropped() {
        let border = Border::from_geojson_str(&collection(&[
            line(MM_FEATURE_ID, "[[100.0,21.0],[100.0,21.0],[100.0,21.5]]", ""),
            line(LA_FEATURE_ID, "[[100.0,21.5],[100.0,22.0],[100.0,22.0]]", ""),
        ]))
        .unwrap();
        assert_eq!(border.vertices().len(), 3);
        assert!((border.sections()[0].end_km - northward().sections()[0].end_km).abs() < 1e-12);
    }

    #[test]
    fn codes_round_trip_through_text() {
        for code in [SectionCode::Mm, SectionCode::La] {
            assert_eq!(SectionCode::parse(code.as_str()), Some(code));
        }
        assert_eq!(SectionCode::parse("la"), Some(SectionCode::La));
        assert_eq!(SectionCode::parse("VN"), None);
        for side in [Side::Cn, Side::Abroad] {
            assert_eq!(Side::parse(side.as_str()), Some(side));
        }
        assert_eq!(Side::parse("inside"), None);
        assert_eq!(serde_json::to_string(&SectionCode::Mm).unwrap(), "\"MM\"");
        assert_eq!(serde_json::to_string(&Side::Abroad).unwrap(), "\"abroad\"");
    }
}
