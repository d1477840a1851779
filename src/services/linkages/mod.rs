//! Double linkages beyond the record pages: their writes (create, edit, end; checked by
//! [`crate::domain::linkage`], audited in the write's transaction), the API's list with the
//! officers, and the accountability figures: villages and posts without a linkage, each
//! linkage's visits against its rule over a span of months, and the overdue list.
//!
//! Scoping is that of [`crate::services::records`]: a linkage belongs to the jurisdiction of
//! its village's admin unit. Every compliance figure judges months with
//! [`crate::domain::figures::judge_month`], the dashboard's rule.

mod compliance;
mod writes;

pub use compliance::{
    CountyTotal, Coverage, CoverageGap, DepartmentTotal, LinkageCompliance, Overdue, OverdueLinkage, Uncovered,
    coverage, overdue, overdue_count,
};
pub use writes::{LinkageDetail, create, end, list, update};
