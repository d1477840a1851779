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
}

impl DomainError {
    /// The Fluent message id of the detail text.
    pub fn message_id(&self) -> &'static str {
        match self {
            DomainError::InvalidBbox { .. } => "problem-invalid-bbox-detail",
            DomainError::InvalidLimit { .. } => "problem-invalid-limit-detail",
            DomainError::InvalidOffset { .. } => "problem-invalid-offset-detail",
            DomainError::InvalidId { .. } => "problem-invalid-id-detail",
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
        }
    }
}
