//! A joint-defense post (边境联防所) and its sector of the border as a km interval.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "posts")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    #[sea_orm(unique)]
    pub code: String,
    pub name_zh: String,
    pub name_en: Option<String>,
    pub admin_unit_id: i32,
    pub sector_start_km: f64,
    pub sector_end_km: f64,
    pub staff: i32,
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
