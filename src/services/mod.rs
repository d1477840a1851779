//! Use cases: each function validates, runs its queries (in one transaction where it writes)
//! and returns plain view types. Authorization and audit will live here too.

pub mod admin;
pub mod audit;
pub mod auth;
pub mod border;
pub mod demo;
pub mod figures;
pub mod grid;
pub mod health;
pub mod hotspots;
pub mod incidents;
pub mod linkages;
pub mod locate_csv;
pub mod outreach;
pub mod patrols;
pub mod places;
pub mod records;
pub mod report;
pub mod trends;
pub mod visits;

use crate::domain::DomainError;
use crate::store::StoreError;

/// The kind of record an error is about, for messages.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RecordKind {
    Village,
    Post,
    Incident,
    User,
    Token,
    Department,
    Linkage,
    OutreachTeam,
    OutreachSession,
    CalendarFeed,
}

impl RecordKind {
    /// Fluent message id of the record kind's name.
    pub fn message_id(self) -> &'static str {
        match self {
            RecordKind::Village => "record-village",
            RecordKind::Post => "record-post",
            RecordKind::Incident => "record-incident",
            RecordKind::User => "record-user",
            RecordKind::Token => "record-token",
            RecordKind::Department => "record-department",
            RecordKind::Linkage => "record-linkage",
            RecordKind::OutreachTeam => "record-outreach-team",
            RecordKind::OutreachSession => "record-outreach-session",
            RecordKind::CalendarFeed => "record-calendar-feed",
        }
    }
}

/// The services' error.
#[derive(Debug, thiserror::Error)]
pub enum ServiceError {
    #[error(transparent)]
    Invalid(#[from] DomainError),
    #[error("{kind:?} {id} not found")]
    NotFound { kind: RecordKind, id: String },
    #[error("no credentials")]
    Unauthenticated,
    #[error("not allowed")]
    Forbidden,
    #[error("wrong user name or password")]
    LoginFailed,
    #[error("too many failed sign-ins; wait {seconds} s")]
    Throttled { seconds: i64 },
    #[error("the record exists already")]
    Conflict,
    #[error("visit {uuid} was recorded already with other content")]
    VisitConflict { uuid: String },
    #[error("invalid border: {0}")]
    InvalidBorder(crate::border::BorderError),
    #[error("the database is unavailable: {0}")]
    Unavailable(String),
    #[error(transparent)]
    Unexpected(#[from] anyhow::Error),
}

impl From<StoreError> for ServiceError {
    fn from(error: StoreError) -> Self {
        match error {
            StoreError::Db(sea_orm::DbErr::Conn(inner)) => ServiceError::Unavailable(inner.to_string()),
            StoreError::Db(sea_orm::DbErr::ConnectionAcquire(inner)) => ServiceError::Unavailable(inner.to_string()),
            StoreError::Unreachable(cause) => ServiceError::Unavailable(cause),
            other => ServiceError::Unexpected(anyhow::Error::new(other)),
        }
    }
}
