//! Yearly indicators of a village; a missing figure is NULL, never 0.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "village_indicators")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub village_id: i32,
    pub year: i32,
    pub collective_income_cny: Option<i64>,
    pub per_capita_income_cny: Option<i64>,
    pub villagers_in_cross_border_crime: Option<i32>,
    pub is_demo: bool,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
