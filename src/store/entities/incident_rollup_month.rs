//! The local calendar months of the rollup's time zone as UTC instants `[starts_at, ends_at)`:
//! the rollup's triggers look up an incident's month here, so they need no time-zone database.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "incident_rollup_months")]
pub struct Model {
    /// `year × 100 + month`.
    #[sea_orm(primary_key, auto_increment = false)]
    pub month: i32,
    pub starts_at: DateTimeUtc,
    pub ends_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
