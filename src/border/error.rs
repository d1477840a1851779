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

    #[error("feature #{index} has the unexpected id {id:?} (expected CN-MM-XSBN, CN-LA-XSBN or CN-XSBN-INTL)")]
    UnknownFeature { index: usize, id: String },

    #[error("feature #{index} repeats the id {id:?}")]
    DuplicateFeature { index: usize, id: String },

    #[error("feature #{index} ({id}) must be a LineString, found {found}")]
    NotLineString { index: usize, id: String, found: String },

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

    #[error("the China–Myanmar section ends {gap_m:.1} m away from the start of the China–Laos section")]
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
    PillarCoordinate { line: usize, field: &'static str, value: String },

    #[error("pillar CSV line {line}: pillar number {number:?} repeats an earlier one")]
    DuplicatePillar { line: usize, number: String },

    #[error("pillar CSV line {line}: pillar {number:?} lies {distance_m:.0} m from the border line")]
    PillarFarFromLine { line: usize, number: String, distance_m: f64 },

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

    /// The Fluent message id explaining this error to a person (`locales/*/border.ftl`),
    /// derived from [`BorderError::code`]: `border.sections_do_not_join` becomes
    /// `border-sections-do-not-join`.
    pub fn message_id(&self) -> &'static str {
        match self {
            Self::InvalidGeoJson { .. } => "border-invalid-geojson",
            Self::NotFeatureCollection { .. } => "border-not-feature-collection",
            Self::FeatureWithoutId { .. } => "border-feature-without-id",
            Self::UnknownFeature { .. } => "border-unknown-feature",
            Self::DuplicateFeature { .. } => "border-duplicate-feature",
            Self::NotLineString { .. } => "border-not-line-string",
            Self::TooFewPoints { .. } => "border-too-few-points",
            Self::PositionTooShort { .. } => "border-position-too-short",
            Self::NonFiniteCoordinate { .. } => "border-non-finite-coordinate",
            Self::LongitudeOutOfRange { .. } => "border-longitude-out-of-range",
            Self::LatitudeOutOfRange { .. } => "border-latitude-out-of-range",
            Self::ZeroLength { .. } => "border-zero-length",
            Self::MissingSection { .. } => "border-missing-section",
            Self::SectionsDoNotJoin { .. } => "border-sections-do-not-join",
            Self::MergedVertexCount { .. } => "border-merged-vertex-count",
            Self::MergedMismatch { .. } => "border-merged-mismatch",
            Self::InvalidProperty { .. } => "border-invalid-property",
            Self::PillarFieldCount { .. } => "border-pillar-field-count",
            Self::PillarWithoutNumber { .. } => "border-pillar-without-number",
            Self::PillarCoordinate { .. } => "border-pillar-coordinate",
            Self::DuplicatePillar { .. } => "border-duplicate-pillar",
            Self::PillarFarFromLine { .. } => "border-pillar-far-from-line",
            Self::IntervalNotFinite { .. } => "border-interval-not-finite",
            Self::IntervalReversed { .. } => "border-interval-reversed",
        }
    }

    /// The message's arguments, as text: every field of the variant under its own name, plus
    /// the limit that was exceeded where there is one (`tolerance_m`, `max_distance_m`).
    ///
    /// Indexes are 0-based and CSV lines 1-based, as in `Display`; measured distances are in
    /// metres to 0.1 m; coordinates and km are written exactly as held.
    pub fn args(&self) -> Vec<(&'static str, String)> {
        match self {
            Self::InvalidGeoJson { message } => vec![("message", message.clone())],
            Self::NotFeatureCollection { found } => vec![("found", (*found).to_owned())],
            Self::FeatureWithoutId { index } => vec![("index", index.to_string())],
            Self::UnknownFeature { index, id } | Self::DuplicateFeature { index, id } => {
                vec![("index", index.to_string()), ("id", id.clone())]
            }
            Self::NotLineString { index, id, found } => {
                vec![("index", index.to_string()), ("id", id.clone()), ("found", found.clone())]
            }
            Self::TooFewPoints { id, count } => {
                vec![("id", id.clone()), ("count", count.to_string())]
            }
            Self::PositionTooShort { id, vertex } | Self::NonFiniteCoordinate { id, vertex } => {
                vec![("id", id.clone()), ("vertex", vertex.to_string())]
            }
            Self::LongitudeOutOfRange { id, vertex, lon } => {
                vec![("id", id.clone()), ("vertex", vertex.to_string()), ("lon", number(*lon))]
            }
            Self::LatitudeOutOfRange { id, vertex, lat } => {
                vec![("id", id.clone()), ("vertex", vertex.to_string()), ("lat", number(*lat))]
            }
            Self::ZeroLength { id } => vec![("id", id.clone())],
            Self::MissingSection { id } => vec![("id", (*id).to_owned())],
            Self::SectionsDoNotJoin { gap_m } => {
                vec![("gap_m", metres(*gap_m)), ("tolerance_m", number(super::JOIN_TOLERANCE_M))]
            }
            Self::MergedVertexCount { expected, found } => {
                vec![("expected", expected.to_string()), ("found", found.to_string())]
            }
            Self::MergedMismatch { vertex, offset_m } => vec![
                ("vertex", vertex.to_string()),
                ("offset_m", metres(*offset_m)),
                ("tolerance_m", number(super::MERGED_TOLERANCE_M)),
            ],
            Self::InvalidProperty { id, name } => {
                vec![("id", id.clone()), ("name", (*name).to_owned())]
            }
            Self::PillarFieldCount { line, found } => {
                vec![("line", line.to_string()), ("found", found.to_string())]
            }
            Self::PillarWithoutNumber { line } => vec![("line", line.to_string())],
            Self::PillarCoordinate { line, field, value } => {
                vec![("line", line.to_string()), ("field", (*field).to_owned()), ("value", value.clone())]
            }
            Self::DuplicatePillar { line, number } => {
                vec![("line", line.to_string()), ("number", number.clone())]
            }
            Self::PillarFarFromLine { line, number, distance_m } => vec![
                ("line", line.to_string()),
                ("number", number.clone()),
                ("distance_m", metres(*distance_m)),
                ("max_distance_m", self::number(super::PILLAR_MAX_DISTANCE_M)),
            ],
            Self::IntervalNotFinite { start_km, end_km } | Self::IntervalReversed { start_km, end_km } => {
                vec![("start_km", number(*start_km)), ("end_km", number(*end_km))]
            }
        }
    }
}

/// A number exactly as held (shortest text that reads back to the same value), with the
/// non-finite values written so that a person recognizes them.
fn number(value: f64) -> String {
    if value.is_nan() {
        "NaN".to_owned()
    } else if value == f64::INFINITY {
        "+∞".to_owned()
    } else if value == f64::NEG_INFINITY {
        "−∞".to_owned()
    } else {
        value.to_string()
    }
}

/// A measured distance in metres, to 0.1 m.
fn metres(value: f64) -> String {
    if value.is_finite() { format!("{value:.1}") } else { number(value) }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One realistic sample of every variant, in declaration order.
    fn samples() -> Vec<BorderError> {
        vec![
            BorderError::InvalidGeoJson { message: "expected value at line 1 column 1".into() },
            BorderError::NotFeatureCollection { found: "Feature" },
            BorderError::FeatureWithoutId { index: 2 },
            BorderError::UnknownFeature { index: 1, id: "CN-VN".into() },
            BorderError::DuplicateFeature { index: 3, id: "CN-LA-XSBN".into() },
            BorderError::NotLineString { index: 0, id: "CN-MM-XSBN".into(), found: "MultiLineString".into() },
            BorderError::TooFewPoints { id: "CN-LA-XSBN".into(), count: 1 },
            BorderError::PositionTooShort { id: "CN-MM-XSBN".into(), vertex: 12 },
            BorderError::NonFiniteCoordinate { id: "CN-MM-XSBN".into(), vertex: 40 },
            BorderError::LongitudeOutOfRange { id: "CN-LA-XSBN".into(), vertex: 5, lon: 201.25 },
            BorderError::LatitudeOutOfRange { id: "CN-LA-XSBN".into(), vertex: 7, lat: 101.5 },
            BorderError::ZeroLength { id: "CN-XSBN-INTL".into() },
            BorderError::MissingSection { id: "CN-MM-XSBN" },
            BorderError::SectionsDoNotJoin { gap_m: 37.46 },
            BorderError::MergedVertexCount { expected: 1520, found: 1519 },
            BorderError::MergedMismatch { vertex: 804, offset_m: 2.35 },
            BorderError::InvalidProperty { id: "CN-XSBN-INTL".into(), name: "official_length_km" },
            BorderError::PillarFieldCount { line: 4, found: 2 },
            BorderError::PillarWithoutNumber { line: 9 },
            BorderError::PillarCoordinate { line: 6, field: "lat", value: "21°30′".into() },
            BorderError::DuplicatePillar { line: 11, number: "231".into() },
            BorderError::PillarFarFromLine { line: 15, number: "244-1".into(), distance_m: 6_204.37 },
            BorderError::IntervalNotFinite { start_km: 12.5, end_km: f64::NAN },
            BorderError::IntervalReversed { start_km: 40.2, end_km: 38.75 },
        ]
    }

    /// Position of the variant in the declaration. The match is exhaustive, so a new variant
    /// does not compile until it is listed here, and the tests then demand a sample of it.
    fn ordinal(error: &BorderError) -> usize {
        match error {
            BorderError::InvalidGeoJson { .. } => 0,
            BorderError::NotFeatureCollection { .. } => 1,
            BorderError::FeatureWithoutId { .. } => 2,
            BorderError::UnknownFeature { .. } => 3,
            BorderError::DuplicateFeature { .. } => 4,
            BorderError::NotLineString { .. } => 5,
            BorderError::TooFewPoints { .. } => 6,
            BorderError::PositionTooShort { .. } => 7,
            BorderError::NonFiniteCoordinate { .. } => 8,
            BorderError::LongitudeOutOfRange { .. } => 9,
            BorderError::LatitudeOutOfRange { .. } => 10,
            BorderError::ZeroLength { .. } => 11,
            BorderError::MissingSection { .. } => 12,
            BorderError::SectionsDoNotJoin { .. } => 13,
            BorderError::MergedVertexCount { .. } => 14,
            BorderError::MergedMismatch { .. } => 15,
            BorderError::InvalidProperty { .. } => 16,
            BorderError::PillarFieldCount { .. } => 17,
            BorderError::PillarWithoutNumber { .. } => 18,
            BorderError::PillarCoordinate { .. } => 19,
            BorderError::DuplicatePillar { .. } => 20,
            BorderError::PillarFarFromLine { .. } => 21,
            BorderError::IntervalNotFinite { .. } => 22,
            BorderError::IntervalReversed { .. } => 23,
        }
    }

    /// The number of variants: one more than the last ordinal above.
    const VARIANT_COUNT: usize = 24;

    #[test]
    fn samples_cover_every_variant_once() {
        let ordinals: Vec<usize> = samples().iter().map(ordinal).collect();
        assert_eq!(ordinals, (0..VARIANT_COUNT).collect::<Vec<_>>());
    }

    #[test]
    fn codes_are_distinct_and_namespaced() {
        let samples = samples();
        let mut codes: Vec<&str> = samples.iter().map(BorderError::code).collect();
        assert!(codes.iter().all(|c| c.starts_with("border.")));
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), samples.len());
    }

    #[test]
    fn message_ids_are_distinct_and_derived_from_the_codes() {
        let samples = samples();
        for error in &samples {
            assert_eq!(error.message_id(), error.code().replace(['.', '_'], "-"), "{error:?}");
        }
        let mut ids: Vec<&str> = samples.iter().map(BorderError::message_id).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), samples.len());
    }

    #[test]
    fn args_are_distinct_and_nonempty() {
        for error in samples() {
            let args = error.args();
            let mut names: Vec<&str> = args.iter().map(|(name, _)| *name).collect();
            names.sort_unstable();
            names.dedup();
            assert_eq!(names.len(), args.len(), "{error:?} repeats an argument");
            assert!(args.iter().all(|(_, value)| !value.is_empty()), "{error:?} has an empty argument");
        }
    }

    #[test]
    fn every_variant_is_localized_in_chinese_and_english() {
        use crate::i18n::Localizer;
        use fluent_bundle::FluentValue;
        use unic_langid::LanguageIdentifier;

        let localizer = Localizer::load_embedded().expect("locales load without errors");
        for tag in ["zh-CN", "en"] {
            let lang: LanguageIdentifier = tag.parse().expect("valid tag");
            let defined = localizer.message_ids(&lang);
            for error in samples() {
                let id = error.message_id();
                assert!(defined.iter().any(|d| d == id), "{tag} lacks the message {id}");
                let args: Vec<(&str, FluentValue<'_>)> =
                    error.args().into_iter().map(|(name, value)| (name, FluentValue::from(value))).collect();
                let text = localizer.format(&lang, id, &args);
                assert!(!text.contains('{'), "{tag} {id} leaves a placeable: {text}");
                assert!(text != id && !text.trim().is_empty(), "{tag} {id}: {text:?}");
            }
        }
    }

    #[test]
    fn args_format_numbers_for_people() {
        let join = BorderError::SectionsDoNotJoin { gap_m: 37.46 }.args();
        assert!(join.contains(&("gap_m", "37.5".to_owned())));
        let far = BorderError::PillarFarFromLine { line: 3, number: "231".into(), distance_m: 6_204.04 }.args();
        assert!(far.contains(&("distance_m", "6204.0".to_owned())));
        assert!(far.contains(&("line", "3".to_owned())));
        let lon = BorderError::LongitudeOutOfRange { id: "CN-LA-XSBN".into(), vertex: 0, lon: 201.125 }.args();
        assert!(lon.contains(&("lon", "201.125".to_owned())));
        assert!(lon.contains(&("vertex", "0".to_owned())));
        let interval = BorderError::IntervalNotFinite { start_km: f64::NEG_INFINITY, end_km: f64::NAN }.args();
        assert_eq!(interval, vec![("start_km", "−∞".to_owned()), ("end_km", "NaN".to_owned())]);
    }

    #[test]
    fn display_names_the_feature_and_vertex() {
        let e = BorderError::LatitudeOutOfRange { id: "CN-LA-XSBN".into(), vertex: 7, lat: 95.0 };
        let text = e.to_string();
        assert!(text.contains("CN-LA-XSBN") && text.contains("vertex 7") && text.contains("95"));
    }
}
