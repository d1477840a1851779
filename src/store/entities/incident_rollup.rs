//! Live incidents counted per category, local month, 1-km cell of the border, section and
//! admin unit: the part of the monthly rollup that answers trend and change queries about a
//! category without reading every incident (the others read [`super::incident_rollup_cell`]).
//! Database triggers keep it equal to the incidents table (migrations `incident_rollup` and
//! `incident_rollup_cells`); `km_cell` is `floor(border_km)` (−1 without border fields),
//! `section` is empty and `admin_unit_id` 0 where the incident has none.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "incident_rollup")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub category: String,
    /// Local calendar month, `year × 100 + month`.
    #[sea_orm(primary_key, auto_increment = false)]
    pub month: i32,
    #[sea_orm(primary_key, auto_increment = false)]
    pub km_cell: i32,
    #[sea_orm(primary_key, auto_increment = false)]
    pub section: String,
    #[sea_orm(primary_key, auto_increment = false)]
    pub admin_unit_id: i32,
    pub incidents: i64,
    pub persons: i64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
