//! A language spoken in a village; position 0 is the primary language.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "village_languages")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub village_id: i32,
    #[sea_orm(primary_key, auto_increment = false)]
    pub position: i32,
    pub language: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
