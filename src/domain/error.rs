//! The domain's error: each variant names the Fluent message that explains it to a person.

/// A value that breaks a domain rule. The HTTP layer turns it into a 400 problem+json,
/// the CLI into a message; both localize it through [`DomainError::message_id`].
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum DomainError {
    #[error("invalid bbox {value:?}")]
    InvalidBbox { value: String },
    #[error("invalid limit {value:?} (1..={max})")]
    InvalidLimit { value: String, max: u64 },
    #[error("invalid offset {value:?}")]
    InvalidOffset { value: String },
    #[error("invalid id {value:?}")]
    InvalidId { value: String },
    #[error("missing parameter {name}")]
    MissingParameter { name: &'static str },
    #[error("invalid position {lon:?}, {lat:?}")]
    InvalidPosition { lon: String, lat: String },
    #[error("invalid position at index {index}")]
    InvalidPositionAt { index: usize },
    #[error("{count} points where at most {max} are allowed")]
    TooManyPoints { count: usize, max: usize },
    #[error("password shorter than {min} characters")]
    WeakPassword { min: usize },
    #[error("unknown role {value:?}")]
    UnknownRole { value: String },
    #[error("unknown jurisdiction {value:?}")]
    UnknownJurisdiction { value: String },
    #[error("invalid time {name}={value:?}")]
    InvalidTime { name: &'static str, value: String },
    #[error("invalid bin width {value:?} km ({min}..={max})")]
    InvalidBinKm { value: String, min: f64, max: f64 },
    #[error("base year {base} is not before {compare}")]
    YearsNotAscending { base: i32, compare: i32 },
    #[error("unknown period {value:?}")]
    UnknownPeriod { value: String },
    #[error("invalid day or month {name}={value:?}")]
    InvalidMonthOrDate { name: &'static str, value: String },
    #[error("{bins} bins × {periods} periods is more than {max} cells")]
    TooManyCells { bins: usize, periods: usize, max: usize },
    #[error("unknown grouping {value:?}")]
    UnknownGrouping { value: String },
    #[error("invalid year {value:?} ({min}..={max})")]
    InvalidYear { value: String, min: i32, max: i32 },
    #[error("invalid date {name}={value:?}")]
    InvalidDate { name: &'static str, value: String },
    #[error("unknown incident category {value:?}")]
    UnknownCategory { value: String },
    #[error("unknown border section {value:?}")]
    UnknownSection { value: String },
    #[error("invalid km {name}={value:?}")]
    InvalidKm { name: &'static str, value: String },
    #[error("{name} range from {min} to {max} is reversed")]
    ReversedRange { name: &'static str, min: String, max: String },
    #[error("invalid yes/no value {name}={value:?}")]
    InvalidFlag { name: &'static str, value: String },
    #[error("unknown visit flag filter {value:?}")]
    UnknownVisitFlag { value: String },
    #[error("invalid cell size {value:?} km ({min}..={max})")]
    InvalidCellKm { value: String, min: f64, max: f64 },
    #[error("invalid significance level {value:?}")]
    InvalidAlpha { value: String },
    #[error("unknown format {value:?} (one of {allowed})")]
    UnknownFormat { value: String, allowed: &'static str },
    #[error("an incident needs a GeoJSON Point geometry")]
    IncidentGeometry,
    #[error("invalid incident time {value:?}")]
    IncidentTime { value: String, min_year: i32 },
    #[error("incident time {value:?} is in the future")]
    IncidentInFuture { value: String, skew_minutes: i64 },
    #[error("unknown incident category {value:?}")]
    IncidentCategory { value: String },
    #[error("invalid count {name}={value:?} (0..={max})")]
    IncidentCount { name: &'static str, value: String, max: i64 },
    #[error("{name} must be text of at most {max} characters")]
    IncidentText { name: &'static str, max: usize },
    #[error("{distance_km} km from the border, more than {max_km} km")]
    FarFromBorder { distance_km: String, max_km: f64 },
    #[error("no village {value} in the caller's jurisdiction")]
    UnknownVillage { value: String },
    #[error("the record would lie outside the caller's jurisdiction")]
    OutsideJurisdiction,
    #[error(transparent)]
    Linkage(super::linkage::LinkageError),
    #[error(transparent)]
    Visit(#[from] super::visit::VisitError),
    #[error(transparent)]
    Patrol(#[from] super::patrol::PatrolError),
    #[error(transparent)]
    Outreach(super::outreach::OutreachError),
}

impl DomainError {
    /// The Fluent message id of the detail text.
    pub fn message_id(&self) -> &'static str {
        match self {
            DomainError::InvalidBbox { .. } => "problem-invalid-bbox-detail",
            DomainError::InvalidLimit { .. } => "problem-invalid-limit-detail",
            DomainError::InvalidOffset { .. } => "problem-invalid-offset-detail",
            DomainError::InvalidId { .. } => "problem-invalid-id-detail",
            DomainError::MissingParameter { .. } => "problem-missing-parameter-detail",
            DomainError::InvalidPosition { .. } => "problem-invalid-position-detail",
            DomainError::InvalidPositionAt { .. } => "problem-invalid-position-at-detail",
            DomainError::TooManyPoints { .. } => "problem-too-many-points-detail",
            DomainError::WeakPassword { .. } => "problem-weak-password-detail",
            DomainError::UnknownRole { .. } => "problem-unknown-role-detail",
            DomainError::UnknownJurisdiction { .. } => "problem-unknown-jurisdiction-detail",
            DomainError::InvalidTime { .. } => "problem-invalid-time-detail",
            DomainError::InvalidBinKm { .. } => "problem-invalid-bin-km-detail",
            DomainError::YearsNotAscending { .. } => "problem-years-not-ascending-detail",
            DomainError::UnknownPeriod { .. } => "problem-unknown-period-detail",
            DomainError::InvalidMonthOrDate { .. } => "problem-invalid-month-or-date-detail",
            DomainError::TooManyCells { .. } => "problem-too-many-cells-detail",
            DomainError::UnknownGrouping { .. } => "problem-unknown-grouping-detail",
            DomainError::InvalidDate { .. } => "page-filter-invalid-date",
            DomainError::UnknownCategory { .. } => "page-filter-unknown-category",
            DomainError::UnknownSection { .. } => "page-filter-unknown-section",
            DomainError::InvalidKm { .. } => "page-filter-invalid-km",
            DomainError::ReversedRange { .. } => "page-filter-reversed-range",
            DomainError::InvalidFlag { .. } => "page-filter-invalid-flag",
            DomainError::UnknownVisitFlag { .. } => "page-filter-unknown-visit-flag",
            DomainError::InvalidYear { .. } => "problem-invalid-year-detail",
            DomainError::InvalidCellKm { .. } => "problem-invalid-cell-km-detail",
            DomainError::InvalidAlpha { .. } => "problem-invalid-alpha-detail",
            DomainError::UnknownFormat { .. } => "problem-unknown-format-detail",
            DomainError::IncidentGeometry => "problem-incident-geometry-detail",
            DomainError::IncidentTime { .. } => "problem-incident-time-detail",
            DomainError::IncidentInFuture { .. } => "problem-incident-future-detail",
            DomainError::IncidentCategory { .. } => "problem-incident-category-detail",
            DomainError::IncidentCount { .. } => "problem-incident-count-detail",
            DomainError::IncidentText { .. } => "problem-incident-text-detail",
            DomainError::FarFromBorder { .. } => "problem-incident-far-detail",
            DomainError::UnknownVillage { .. } => "problem-unknown-village-detail",
            DomainError::OutsideJurisdiction => "problem-outside-jurisdiction-detail",
            DomainError::Linkage(error) => error.message_id(),
            DomainError::Visit(error) => error.message_id(),
            DomainError::Patrol(error) => error.message_id(),
            DomainError::Outreach(error) => error.message_id(),
        }
    }

    /// The message's arguments, as text.
    pub fn args(&self) -> Vec<(&'static str, String)> {
        match self {
            DomainError::InvalidBbox { value }
            | DomainError::InvalidOffset { value }
            | DomainError::InvalidId { value } => vec![("value", value.clone())],
            DomainError::InvalidLimit { value, max } => {
                vec![("value", value.clone()), ("max", max.to_string())]
            }
            DomainError::MissingParameter { name } => vec![("name", (*name).to_owned())],
            DomainError::InvalidPosition { lon, lat } => {
                vec![("lon", lon.clone()), ("lat", lat.clone())]
            }
            DomainError::InvalidPositionAt { index } => vec![("index", index.to_string())],
            DomainError::TooManyPoints { count, max } => {
                vec![("count", count.to_string()), ("max", max.to_string())]
            }
            DomainError::WeakPassword { min } => vec![("min", min.to_string())],
            DomainError::UnknownRole { value } | DomainError::UnknownJurisdiction { value } => {
                vec![("value", value.clone())]
            }
            DomainError::InvalidBinKm { value, min, max } => {
                vec![("value", value.clone()), ("min", min.to_string()), ("max", max.to_string())]
            }
            DomainError::YearsNotAscending { base, compare } => {
                vec![("base", base.to_string()), ("compare", compare.to_string())]
            }
            DomainError::UnknownPeriod { value } | DomainError::UnknownGrouping { value } => {
                vec![("value", value.clone())]
            }
            DomainError::InvalidMonthOrDate { name, value } => {
                vec![("name", (*name).to_owned()), ("value", value.clone())]
            }
            DomainError::TooManyCells { bins, periods, max } => vec![
                ("bins", bins.to_string()),
                ("periods", periods.to_string()),
                ("cells", bins.saturating_mul(*periods).to_string()),
                ("max", max.to_string()),
            ],
            DomainError::InvalidTime { name, value }
            | DomainError::InvalidDate { name, value }
            | DomainError::InvalidKm { name, value }
            | DomainError::InvalidFlag { name, value } => vec![("name", (*name).to_owned()), ("value", value.clone())],
            DomainError::UnknownCategory { value }
            | DomainError::UnknownSection { value }
            | DomainError::UnknownVisitFlag { value } => vec![("value", value.clone())],
            DomainError::ReversedRange { name, min, max } => {
                vec![("name", (*name).to_owned()), ("min", min.clone()), ("max", max.clone())]
            }
            DomainError::InvalidYear { value, min, max } => {
                vec![("value", value.clone()), ("min", min.to_string()), ("max", max.to_string())]
            }
            DomainError::InvalidCellKm { value, min, max } => {
                vec![("value", value.clone()), ("min", min.to_string()), ("max", max.to_string())]
            }
            DomainError::InvalidAlpha { value } => vec![("value", value.clone())],
            DomainError::UnknownFormat { value, allowed } => {
                vec![("value", value.clone()), ("allowed", (*allowed).to_owned())]
            }
            DomainError::IncidentGeometry | DomainError::OutsideJurisdiction => Vec::new(),
            DomainError::IncidentTime { value, min_year } => {
                vec![("value", value.clone()), ("min_year", min_year.to_string())]
            }
            DomainError::IncidentInFuture { value, skew_minutes } => {
                vec![("value", value.clone()), ("minutes", skew_minutes.to_string())]
            }
            DomainError::IncidentCategory { value } | DomainError::UnknownVillage { value } => {
                vec![("value", value.clone())]
            }
            DomainError::IncidentCount { name, value, max } => {
                vec![("name", (*name).to_owned()), ("value", value.clone()), ("max", max.to_string())]
            }
            DomainError::IncidentText { name, max } => vec![("name", (*name).to_owned()), ("max", max.to_string())],
            DomainError::FarFromBorder { distance_km, max_km } => {
                vec![("distance_km", distance_km.clone()), ("max_km", max_km.to_string())]
            }
            DomainError::Linkage(error) => error.args(),
            DomainError::Visit(error) => error.args(),
            DomainError::Patrol(error) => error.args(),
            DomainError::Outreach(error) => error.args(),
        }
    }
}
