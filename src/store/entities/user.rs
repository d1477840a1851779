//! A person who signs in, scoped to a jurisdiction node; no password hash means no login.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "users")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    #[sea_orm(unique)]
    pub username: String,
    pub display_name: String,
    pub password_hash: Option<String>,
    pub role: String,
    pub admin_unit_id: i32,
    pub department_id: Option<i32>,
    pub languages: Json,
    pub locale: String,
    pub is_active: bool,
    pub created_at: DateTimeUtc,
    pub is_demo: bool,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
