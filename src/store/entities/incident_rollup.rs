//! Live incidents counted per local month, 1-km cell of the border, category, section and
//! admin unit: the monthly rollup that answers trend and change queries without reading every
//! incident. Database triggers keep it equal to the incidents table (see the migration
//! `incident_rollup`); `km_cell` is `floor(border_km)` (−1 without border fields), `section`
//! is empty and `admin_unit_id` 0 where the incident has none.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "incident_rollup")]
pub struct Model {
    /// Local calendar month, `year × 100 + month`.
    #[sea_orm(primary_key, auto_increment = false)]
    pub month: i32,
    #[sea_orm(primary_key, auto_increment = false)]
    pub km_cell: i32,
    #[sea_orm(primary_key, auto_increment = false)]
    pub category: String,
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
