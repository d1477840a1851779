//! Live incidents counted per local month, 1-km cell of the border, section and admin unit, all
//! categories together: the small part of the monthly rollup that answers trend and change
//! queries without a category. Kept exact by the same triggers as [`super::incident_rollup`],
//! with the same conventions for its key.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "incident_rollup_cells")]
pub struct Model {
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
