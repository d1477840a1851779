//! A border village (抵边村寨) with its point and border fields.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "villages")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    #[sea_orm(unique)]
    pub code: String,
    pub name_zh: String,
    pub name_en: Option<String>,
    pub name_local: Option<String>,
    pub name_local_lang: Option<String>,
    pub admin_unit_id: i32,
    pub households: i32,
    pub population: i32,
    pub ethnic_groups: Json,
    pub is_key: bool,
    pub lon: f64,
    pub lat: f64,
    pub border_km: Option<f64>,
    pub distance_m: Option<f64>,
    pub section: Option<String>,
    pub side: Option<String>,
    pub is_demo: bool,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
