//! Plain domain types with their invariants, and the arithmetic of the figures officials publish.
//! Nothing here knows about HTTP or the database.

pub mod auth;
pub mod bins;
pub mod error;
pub mod figures;
pub mod filter;
pub mod gcj02;
pub mod geo;
pub mod grid;
pub mod ical;
pub mod incident;
pub mod linkage;
pub mod myanmar;
pub mod outreach;
pub mod outreach_plan;
pub mod paging;
pub mod patrol;
pub mod period;
pub mod stats;
pub mod trend;
pub mod visit;

pub use error::DomainError;
