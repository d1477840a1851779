//! A liaison visit logged in the field, identified by the client's UUID.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "visits")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    #[sea_orm(unique)]
    pub uuid: Uuid,
    pub linkage_id: i32,
    pub officer_id: i32,
    pub target: String,
    pub visited_at: DateTimeUtc,
    pub accuracy_m: f64,
    pub findings: Json,
    pub follow_ups: Option<String>,
    pub distance_to_target_m: Option<f64>,
    pub flags: Json,
    pub created_at: DateTimeUtc,
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
