//! A double-linkage (双挂联): a department paired with a village and a post, with a visit rule.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "linkages")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub department_id: i32,
    pub village_id: i32,
    pub post_id: i32,
    pub starts_on: Date,
    pub ends_on: Option<Date>,
    pub village_visits_per_month: i32,
    pub post_visits_per_month: i32,
    pub created_at: DateTimeUtc,
    pub is_demo: bool,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
