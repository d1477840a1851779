//! Why a border line or a pillar list was rejected, precisely enough to fix the input.

/// An error found while loading a border GeoJSON file or a pillar CSV.
///
/// `Display` is English for logs; [`BorderError::code`] is a stable key for localized messages.
/// Feature indexes and vertex indexes are 0-based positions in the input; CSV lines are 1-based.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum BorderError {
    #[error("the border file is not valid GeoJSON: {message}")]
    InvalidGeoJson { message: String },

    #[error("the border file must be a GeoJSON FeatureCollection, found a {found}")]
    NotFeatureCollection { found: &'static str },

    #[error("feature #{index} has no string id")]
    FeatureWithoutId { index: usize },

    #[error(
        "feature #{index} has the unexpected id {id:?} (expected CN-MM-XSBN, CN-LA-XSBN or CN-XSBN-INTL)"
    )]
    UnknownFeature { index: usize, id: String },

    #[error("feature #{index} repeats the id {id:?}")]
    DuplicateFeature { index: usize, id: String },

    #[error("feature #{index} ({id}) must be a LineString, found {found}")]
    NotLineString {
        index: usize,
        id: String,
        found: String,
    },

    #[error("feature {id} has {count} point(s); a line needs at least 2")]
    TooFewPoints { id: String, count: usize },

    #[error("feature {id}, vertex {vertex}: a position needs a longitude and a latitude")]
    PositionTooShort { id: String, vertex: usize },

    #[error("feature {id}, vertex {vertex}: coordinate is NaN or infinite")]
    NonFiniteCoordinate { id: String, vertex: usize },

    #[error("feature {id}, vertex {vertex}: longitude {lon} is outside -180..=180 degrees")]
    LongitudeOutOfRange { id: String, vertex: usize, lon: f64 },

    #[error("feature {id}, vertex {vertex}: latitude {lat} is outside -90..=90 degrees")]
    LatitudeOutOfRange { id: String, vertex: usize, lat: f64 },

    #[error("feature {id} has zero length")]
    ZeroLength { id: String },

    #[error("the section feature {id} is missing")]
    MissingSection { id: &'static str },

    #[error(
        "the China–Myanmar section ends {gap_m:.1} m away from the start of the China–Laos section"
    )]
    SectionsDoNotJoin { gap_m: f64 },

    #[error("the merged line has {found} vertices, the concatenated sections have {expected}")]
    MergedVertexCount { expected: usize, found: usize },

    #[error("the merged line's vertex {vertex} is {offset_m:.1} m away from the sections' vertex")]
    MergedMismatch { vertex: usize, offset_m: f64 },

    #[error("property {name} of feature {id} is not a positive number")]
    InvalidProperty { id: String, name: &'static str },

    #[error("pillar CSV line {line}: expected 3 fields (number,lon,lat), found {found}")]
    PillarFieldCount { line: usize, found: usize },

    #[error("pillar CSV line {line}: the pillar number is empty")]
    PillarWithoutNumber { line: usize },

    #[error("pillar CSV line {line}: {field} {value:?} is not a valid WGS84 coordinate in degrees")]
    PillarCoordinate {
        line: usize,
        field: &'static str,
        value: String,
    },

    #[error("pillar CSV line {line}: pillar number {number:?} repeats an earlier one")]
    DuplicatePillar { line: usize, number: String },

    #[error(
        "pillar CSV line {line}: pillar {number:?} lies {distance_m:.0} m from the border line"
    )]
    PillarFarFromLine {
        line: usize,
        number: String,
        distance_m: f64,
    },

    #[error("km interval [{start_km}, {end_km}] has a bound that is not a finite number")]
    IntervalNotFinite { start_km: f64, end_km: f64 },

    #[error("km interval [{start_km}, {end_km}] starts after it ends")]
    IntervalReversed { start_km: f64, end_km: f64 },
}

impl BorderError {
    /// A stable machine-readable key for this kind of error, e.g. `border.sections_do_not_join`,
    /// for the caller to look up a localized message. Never changes once shipped.
    pub fn code(&self) -> &'static str {
        match self {
            Self::InvalidGeoJson { .. } => "border.invalid_geojson",
            Self::NotFeatureCollection { .. } => "border.not_feature_collection",
            Self::FeatureWithoutId { .. } => "border.feature_without_id",
            Self::UnknownFeature { .. } => "border.unknown_feature",
            Self::DuplicateFeature { .. } => "border.duplicate_feature",
            Self::NotLineString { .. } => "border.not_line_string",
            Self::TooFewPoints { .. } => "border.too_few_points",
            Self::PositionTooShort { .. } => "border.position_too_short",
            Self::NonFiniteCoordinate { .. } => "border.non_finite_coordinate",
            Self::LongitudeOutOfRange { .. } => "border.longitude_out_of_range",
            Self::LatitudeOutOfRange { .. } => "border.latitude_out_of_range",
            Self::ZeroLength { .. } => "border.zero_length",
            Self::MissingSection { .. } => "border.missing_section",
            Self::SectionsDoNotJoin { .. } => "border.sections_do_not_join",
            Self::MergedVertexCount { .. } => "border.merged_vertex_count",
            Self::MergedMismatch { .. } => "border.merged_mismatch",
            Self::InvalidProperty { .. } => "border.invalid_property",
            Self::PillarFieldCount { .. } => "border.pillar_field_count",
            Self::PillarWithoutNumber { .. } => "border.pillar_without_number",
            Self::PillarCoordinate { .. } => "border.pillar_coordinate",
            Self::DuplicatePillar { .. } => "border.duplicate_pillar",
            Self::PillarFarFromLine { .. } => "border.pillar_far_from_line",
            Self::IntervalNotFinite { .. } => "border.interval_not_finite",
            Self::IntervalReversed { .. } => "border.interval_reversed",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_distinct_and_namespaced() {
        let samples = [
            BorderError::InvalidGeoJson {
                message: String::new(),
            },
            BorderError::NotFeatureCollection { found: "Feature" },
            BorderError::FeatureWithoutId { index: 0 },
            BorderError::UnknownFeature {
                index: 0,
                id: String::new(),
            },
            BorderError::DuplicateFeature {
                index: 0,
                id: String::new(),
            },
            BorderError::NotLineString {
                index: 0,
                id: String::new(),
                found: String::new(),
            },
            BorderError::TooFewPoints {
                id: String::new(),
                count: 1,
            },
            BorderError::PositionTooShort {
                id: String::new(),
                vertex: 0,
            },
            BorderError::NonFiniteCoordinate {
                id: String::new(),
                vertex: 0,
            },
            BorderError::LongitudeOutOfRange {
                id: String::new(),
                vertex: 0,
                lon: 0.0,
            },
            BorderError::LatitudeOutOfRange {
                id: String::new(),
                vertex: 0,
                lat: 0.0,
            },
            BorderError::ZeroLength { id: String::new() },
            BorderError::MissingSection { id: "CN-MM-XSBN" },
            BorderError::SectionsDoNotJoin { gap_m: 0.0 },
            BorderError::MergedVertexCount {
                expected: 0,
                found: 0,
            },
            BorderError::MergedMismatch {
                vertex: 0,
                offset_m: 0.0,
            },
            BorderError::InvalidProperty {
                id: String::new(),
                name: "official_length_km",
            },
            BorderError::PillarFieldCount { line: 1, found: 0 },
            BorderError::PillarWithoutNumber { line: 1 },
            BorderError::PillarCoordinate {
                line: 1,
                field: "lon",
                value: String::new(),
            },
            BorderError::DuplicatePillar {
                line: 1,
                number: String::new(),
            },
            BorderError::PillarFarFromLine {
                line: 1,
                number: String::new(),
                distance_m: 0.0,
            },
            BorderError::IntervalNotFinite {
                start_km: 0.0,
                end_km: f64::NAN,
            },
            BorderError::IntervalReversed {
                start_km: 1.0,
                end_km: 0.0,
            },
        ];
        let mut codes: Vec<&str> = samples.iter().map(BorderError::code).collect();
        assert!(codes.iter().all(|c| c.starts_with("border.")));
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), samples.len());
    }

    #[test]
    fn display_names_the_feature_and_vertex() {
        let e = BorderError::LatitudeOutOfRange {
            id: "CN-LA-XSBN".into(),
            vertex: 7,
            lat: 95.0,
        };
        let text = e.to_string();
        assert!(text.contains("CN-LA-XSBN") && text.contains("vertex 7") && text.contains("95"));
    }
}
