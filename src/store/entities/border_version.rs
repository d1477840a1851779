//! An imported version of the border line (GeoJSON text) with its optional pillars.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "border_versions")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub imported_at: DateTimeUtc,
    pub source_name: String,
    pub geojson: String,
    pub pillars_csv: Option<String>,
    pub measured_length_km: f64,
    pub is_active: bool,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
