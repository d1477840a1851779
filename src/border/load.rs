//! Reads and validates the border GeoJSON (two sections plus an optional merged line), so that
//! the rest of the engine can assume a clean, joined, WGS84 line.

use std::str::FromStr;

use geojson::{GeoJson, GeometryValue, JsonObject, feature::Id};

use super::error::BorderError;
use super::geodesy::{distance_m, norm, sub, to_ecef};

/// Feature id of the China–Myanmar section (km 0 at its first vertex).
pub const MM_FEATURE_ID: &str = "CN-MM-XSBN";
/// Feature id of the China–Laos section (starts where the Myanmar section ends).
pub const LA_FEATURE_ID: &str = "CN-LA-XSBN";
/// Feature id of the merged line (Myanmar section followed by the Laos section).
pub const MERGED_FEATURE_ID: &str = "CN-XSBN-INTL";

/// Largest gap, in metres, tolerated between the end of the Myanmar section and the start of
/// the Laos section (the tripoint written twice).
pub const JOIN_TOLERANCE_M: f64 = 5.0;
/// Largest distance, in metres, between a vertex of the merged line and the matching vertex of
/// the concatenated sections.
pub const MERGED_TOLERANCE_M: f64 = 1.0;

/// Names and id of one section feature as read from its properties.
#[derive(Debug, Clone)]
pub(crate) struct SectionSource {
    pub id: String,
    pub name_zh: String,
    pub name_en: String,
}

/// A validated border line: WGS84 lon/lat vertices from km 0 to the eastern end.
#[derive(Debug, Clone)]
pub(crate) struct LoadedLine {
    /// Vertices of the merged line, lon/lat degrees.
    pub vertices: Vec<[f64; 2]>,
    /// Index in `vertices` of the tripoint, where the Myanmar section ends.
    pub tripoint_vertex: usize,
    pub mm: SectionSource,
    pub la: SectionSource,
    pub official_length_km: Option<f64>,
}

struct RawFeature {
    id: String,
    coords: Vec<[f64; 2]>,
    properties: Option<JsonObject>,
}

/// Parses and validates a border FeatureCollection.
pub(crate) fn parse(text: &str) -> Result<LoadedLine, BorderError> {
    let geojson = GeoJson::from_str(text).map_err(|e| BorderError::InvalidGeoJson { message: e.to_string() })?;
    let collection = match geojson {
        GeoJson::FeatureCollection(c) => c,
        GeoJson::Feature(_) => return Err(BorderError::NotFeatureCollection { found: "Feature" }),
        GeoJson::Geometry(_) => {
            return Err(BorderError::NotFeatureCollection { found: "Geometry" });
        }
    };

    let mut mm: Option<RawFeature> = None;
    let mut la: Option<RawFeature> = None;
    let mut merged: Option<RawFeature> = None;
    for (index, feature) in collection.features.into_iter().enumerate() {
        let id = match feature.id {
            Some(Id::String(id)) => id,
            _ => return Err(BorderError::FeatureWithoutId { index }),
        };
        let slot = match id.as_str() {
            MM_FEATURE_ID => &mut mm,
            LA_FEATURE_ID => &mut la,
            MERGED_FEATURE_ID => &mut merged,
            _ => return Err(BorderError::UnknownFeature { index, id }),
        };
        if slot.is_some() {
            return Err(BorderError::DuplicateFeature { index, id });
        }
        let positions = match feature.geometry.map(|g| g.value) {
            Some(GeometryValue::LineString { coordinates }) => coordinates,
            Some(other) => {
                let found = other.type_name().to_owned();
                return Err(BorderError::NotLineString { index, id, found });
            }
            None => {
                return Err(BorderError::NotLineString { index, id, found: "null".to_owned() });
            }
        };
        let coords = validate_positions(&id, positions.iter().map(|p| p.as_slice()))?;
        *slot = Some(RawFeature { id, coords, properties: feature.properties });
    }

    let mm = mm.ok_or(BorderError::MissingSection { id: MM_FEATURE_ID })?;
    let la = la.ok_or(BorderError::MissingSection { id: LA_FEATURE_ID })?;

    let (Some(mm_end), Some(la_start)) = (mm.coords.last(), la.coords.first()) else {
        // validate_positions guarantees at least two points per feature.
        return Err(BorderError::TooFewPoints { id: mm.id, count: 0 });
    };
    let gap_m = distance_m(*mm_end, *la_start);
    if gap_m > JOIN_TOLERANCE_M {
        return Err(BorderError::SectionsDoNotJoin { gap_m });
    }

    let concatenated: Vec<[f64; 2]> = mm.coords.iter().chain(la.coords.iter().skip(1)).copied().collect();
    let tripoint_vertex = mm.coords.len() - 1;

    let (vertices, official_length_km) = match merged {
        None => (concatenated, None),
        Some(merged) => {
            check_merged(&merged, &concatenated)?;
            let official = official_length_km(&merged)?;
            (merged.coords, official)
        }
    };

    Ok(LoadedLine { vertices, tripoint_vertex, mm: section_source(&mm), la: section_source(&la), official_length_km })
}

/// Checks every position of one feature and returns them as lon/lat pairs (extra ordinates,
/// such as an altitude, are ignored).
fn validate_positions<'a>(
    id: &str,
    positions: impl ExactSizeIterator<Item = &'a [f64]>,
) -> Result<Vec<[f64; 2]>, BorderError> {
    let count = positions.len();
    if count < 2 {
        return Err(BorderError::TooFewPoints { id: id.to_owned(), count });
    }
    let mut coords = Vec::with_capacity(count);
    for (vertex, position) in positions.enumerate() {
        let &[lon, lat, ..] = position else {
            return Err(BorderError::PositionTooShort { id: id.to_owned(), vertex });
        };
        if !lon.is_finite() || !lat.is_finite() {
            return Err(BorderError::NonFiniteCoordinate { id: id.to_owned(), vertex });
        }
        if !(-180.0..=180.0).contains(&lon) {
            return Err(BorderError::LongitudeOutOfRange { id: id.to_owned(), vertex, lon });
        }
        if !(-90.0..=90.0).contains(&lat) {
            return Err(BorderError::LatitudeOutOfRange { id: id.to_owned(), vertex, lat });
        }
        coords.push([lon, lat]);
    }
    if coords.windows(2).all(|w| w[0] == w[1]) {
        return Err(BorderError::ZeroLength { id: id.to_owned() });
    }
    Ok(coords)
}

fn check_merged(merged: &RawFeature, concatenated: &[[f64; 2]]) -> Result<(), BorderError> {
    if merged.coords.len() != concatenated.len() {
        return Err(BorderError::MergedVertexCount { expected: concatenated.len(), found: merged.coords.len() });
    }
    for (vertex, (m, c)) in merged.coords.iter().zip(concatenated).enumerate() {
        // The chord is shorter than the geodesic by far less than the tolerance at this scale.
        let offset_m = norm(sub(to_ecef(m[0], m[1]), to_ecef(c[0], c[1])));
        if offset_m > MERGED_TOLERANCE_M {
            return Err(BorderError::MergedMismatch { vertex, offset_m });
        }
    }
    Ok(())
}

fn official_length_km(merged: &RawFeature) -> Result<Option<f64>, BorderError> {
    const NAME: &str = "official_length_km";
    let Some(value) = merged.properties.as_ref().and_then(|p| p.get(NAME)) else {
        return Ok(None);
    };
    if value.is_null() {
        return Ok(None);
    }
    match value.as_f64() {
        Some(km) if km.is_finite() && km > 0.0 => Ok(Some(km)),
        _ => Err(BorderError::InvalidProperty { id: merged.id.clone(), name: NAME }),
    }
}

fn section_source(feature: &RawFeature) -> SectionSource {
    let text = |name: &str| {
        feature
            .properties
            .as_ref()
            .and_then(|p| p.get(name))
            .and_then(|v| v.as_str())
            .filter(|s| !s.trim().is_empty())
            .map_or_else(|| feature.id.clone(), str::to_owned)
    };
    SectionSource { id: feature.id.clone(), name_zh: text("name_zh"), name_en: text("name_en") }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// A small FeatureCollection built from the given features' JSON.
    pub(crate) fn collection(features: &[String]) -> String {
        format!(r#"{{"type":"FeatureCollection","features":[{}]}}"#, features.join(","))
    }

    /// One LineString feature with the given id, coordinates JSON and extra properties JSON.
    pub(crate) fn line(id: &str, coords: &str, props: &str) -> String {
        format!(
            r#"{{"type":"Feature","id":"{id}","properties":{{{props}}},"geometry":{{"type":"LineString","coordinates":{coords}}}}}"#
        )
    }

    pub(crate) const MM_COORDS: &str = "[[100.0,22.0],[100.5,21.8],[101.0,21.6]]";
    pub(crate) const LA_COORDS: &str = "[[101.0,21.6],[101.3,21.3],[101.6,21.9]]";
    pub(crate) const MERGED_COORDS: &str = "[[100.0,22.0],[100.5,21.8],[101.0,21.6],[101.3,21.3],[101.6,21.9]]";

    pub(crate) fn valid_fixture() -> String {
        collection(&[
            line(MM_FEATURE_ID, MM_COORDS, r#""name_zh":"中缅","name_en":"CN-MM""#),
            line(LA_FEATURE_ID, LA_COORDS, r#""name_zh":"中老","name_en":"CN-LA""#),
            line(MERGED_FEATURE_ID, MERGED_COORDS, r#""official_length_km":123.4"#),
        ])
    }

    fn err(text: &str) -> BorderError {
        match parse(text) {
            Ok(_) => panic!("expected an error for {text}"),
            Err(e) => e,
        }
    }

    #[test]
    fn valid_fixture_loads_with_names_and_official_length() {
        let line = parse(&valid_fixture()).unwrap();
        assert_eq!(line.vertices.len(), 5);
        assert_eq!(line.tripoint_vertex, 2);
        assert_eq!(line.mm.name_zh, "中缅");
        assert_eq!(line.la.name_en, "CN-LA");
        assert_eq!(line.official_length_km, Some(123.4));
    }

    #[test]
    fn missing_merged_line_is_built_from_the_sections() {
        let text = collection(&[line(MM_FEATURE_ID, MM_COORDS, ""), line(LA_FEATURE_ID, LA_COORDS, "")]);
        let loaded = parse(&text).unwrap();
        assert_eq!(loaded.vertices.len(), 5);
        assert_eq!(loaded.vertices[3], [101.3, 21.3]);
        assert_eq!(loaded.official_length_km, None);
        assert_eq!(loaded.mm.name_en, MM_FEATURE_ID, "names fall back to the id");
    }

    #[test]
    fn invalid_json_is_rejected() {
        assert_eq!(err("{not json").code(), "border.invalid_geojson");
    }

    #[test]
    fn a_single_feature_is_not_a_collection() {
        let text = line(MM_FEATURE_ID, MM_COORDS, "");
        assert_eq!(err(&text), BorderError::NotFeatureCollection { found: "Feature" });
        let geometry = r#"{"type":"LineString","coordinates":[[100.0,22.0],[100.5,21.8]]}"#;
        assert_eq!(err(geometry), BorderError::NotFeatureCollection { found: "Geometry" });
    }

    #[test]
    fn features_need_a_known_unique_string_id() {
        let no_id =
            r#"{"type":"Feature","properties":{},"geometry":{"type":"LineString","coordinates":[[0,0],[1,1]]}}"#;
        assert_eq!(err(&collection(&[no_id.to_owned()])), BorderError::FeatureWithoutId { index: 0 });
        let numeric = no_id.replace(r#""properties""#, r#""id":7,"properties""#);
        assert_eq!(err(&collection(&[numeric])), BorderError::FeatureWithoutId { index: 0 });
        let unknown = collection(&[line("CN-VN", MM_COORDS, "")]);
        assert_eq!(err(&unknown), BorderError::UnknownFeature { index: 0, id: "CN-VN".into() });
        let twice = collection(&[line(MM_FEATURE_ID, MM_COORDS, ""), line(MM_FEATURE_ID, MM_COORDS, "")]);
        assert_eq!(err(&twice), BorderError::DuplicateFeature { index: 1, id: MM_FEATURE_ID.into() });
    }

    #[test]
    fn a_feature_must_be_a_line_string() {
        let point = format!(
            r#"{{"type":"Feature","id":"{MM_FEATURE_ID}","properties":{{}},"geometry":{{"type":"Point","coordinates":[100.0,22.0]}}}}"#
        );
        let e = err(&collection(&[line(LA_FEATURE_ID, LA_COORDS, ""), point]));
        assert_eq!(e, BorderError::NotLineString { index: 1, id: MM_FEATURE_ID.into(), found: "Point".into() });
        let null = format!(r#"{{"type":"Feature","id":"{MM_FEATURE_ID}","properties":{{}},"geometry":null}}"#);
        assert_eq!(err(&collection(&[null])).code(), "border.not_line_string");
    }

    #[test]
    fn a_line_needs_two_points() {
        let e = err(&collection(&[line(MM_FEATURE_ID, "[[100.0,22.0]]", "")]));
        assert_eq!(e, BorderError::TooFewPoints { id: MM_FEATURE_ID.into(), count: 1 });
    }

    #[test]
    fn a_line_of_identical_points_has_zero_length() {
        let e = err(&collection(&[line(MM_FEATURE_ID, "[[100.0,22.0],[100.0,22.0]]", "")]));
        assert_eq!(e, BorderError::ZeroLength { id: MM_FEATURE_ID.into() });
    }

    #[test]
    fn coordinates_must_be_wgs84_degrees() {
        let e = err(&collection(&[line(LA_FEATURE_ID, "[[101.0,21.6],[181.0,21.3]]", "")]));
        assert_eq!(e, BorderError::LongitudeOutOfRange { id: LA_FEATURE_ID.into(), vertex: 1, lon: 181.0 });
        let e = err(&collection(&[line(LA_FEATURE_ID, "[[101.0,21.6],[101.0,21.3],[101.0,-91]]", "")]));
        assert_eq!(e, BorderError::LatitudeOutOfRange { id: LA_FEATURE_ID.into(), vertex: 2, lat: -91.0 });
    }

    #[test]
    fn non_finite_coordinates_are_rejected() {
        let nan = [f64::NAN, 21.0];
        let e = validate_positions("X", [&[100.0, 21.0][..], &nan[..]].into_iter()).unwrap_err();
        assert_eq!(e, BorderError::NonFiniteCoordinate { id: "X".into(), vertex: 1 });
        let inf = [100.0, f64::INFINITY];
        let e = validate_positions("X", [&inf[..], &[100.0, 21.0][..]].into_iter()).unwrap_err();
        assert_eq!(e, BorderError::NonFiniteCoordinate { id: "X".into(), vertex: 0 });
    }

    #[test]
    fn a_position_needs_two_ordinates() {
        let short = [100.0];
        let e = validate_positions("X", [&[100.0, 21.0][..], &short[..]].into_iter()).unwrap_err();
        assert_eq!(e, BorderError::PositionTooShort { id: "X".into(), vertex: 1 });
    }

    #[test]
    fn both_sections_are_required() {
        let only_la = collection(&[line(LA_FEATURE_ID, LA_COORDS, "")]);
        assert_eq!(err(&only_la), BorderError::MissingSection { id: MM_FEATURE_ID });
        let only_mm = collection(&[line(MM_FEATURE_ID, MM_COORDS, ""), line(MERGED_FEATURE_ID, MERGED_COORDS, "")]);
        assert_eq!(err(&only_mm), BorderError::MissingSection { id: LA_FEATURE_ID });
    }

    #[test]
    fn sections_must_join_within_a_few_metres() {
        // 0.0001° of latitude is about 11 m.
        let la = "[[101.0,21.6001],[101.3,21.3]]";
        let e = err(&collection(&[line(MM_FEATURE_ID, MM_COORDS, ""), line(LA_FEATURE_ID, la, "")]));
        match e {
            BorderError::SectionsDoNotJoin { gap_m } => {
                assert!((gap_m - 11.07).abs() < 0.1, "{gap_m}")
            }
            other => panic!("unexpected {other:?}"),
        }
        // 0.00002° (about 2 m) is tolerated.
        let la = "[[101.0,21.60002],[101.3,21.3]]";
        assert!(parse(&collection(&[line(MM_FEATURE_ID, MM_COORDS, ""), line(LA_FEATURE_ID, la, "")])).is_ok());
    }

    #[test]
    fn the_merged_line_must_match_the_sections() {
        let short = "[[100.0,22.0],[101.0,21.6],[101.3,21.3],[101.6,21.9]]";
        let e = err(&collection(&[
            line(MM_FEATURE_ID, MM_COORDS, ""),
            line(LA_FEATURE_ID, LA_COORDS, ""),
            line(MERGED_FEATURE_ID, short, ""),
        ]));
        assert_eq!(e, BorderError::MergedVertexCount { expected: 5, found: 4 });
        let moved = "[[100.0,22.0],[100.5,21.8],[101.0,21.6],[101.3,21.31],[101.6,21.9]]";
        let e = err(&collection(&[
            line(MM_FEATURE_ID, MM_COORDS, ""),
            line(LA_FEATURE_ID, LA_COORDS, ""),
            line(MERGED_FEATURE_ID, moved, ""),
        ]));
        match e {
            BorderError::MergedMismatch { vertex: 3, offset_m } => assert!(offset_m > 1000.0),
            other => panic!("unexpected {other:?}"),
        }
    }

    #[test]
    fn official_length_must_be_a_positive_number() {
        let e = err(&collection(&[
            line(MM_FEATURE_ID, MM_COORDS, ""),
            line(LA_FEATURE_ID, LA_COORDS, ""),
            line(MERGED_FEATURE_ID, MERGED_COORDS, r#""official_length_km":"966""#),
        ]));
        assert_eq!(e, BorderError::InvalidProperty { id: MERGED_FEATURE_ID.into(), name: "official_length_km" });
    }
}
