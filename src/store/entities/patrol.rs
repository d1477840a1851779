//! A patrol of a post: its time span and GPS track (GeoJSON LineString text).

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "patrols")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub post_id: i32,
    pub started_at: DateTimeUtc,
    pub ended_at: DateTimeUtc,
    pub track_geojson: String,
    pub covered_km: Option<Json>,
    pub is_demo: bool,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
