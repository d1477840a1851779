//! A cross-border incident with its point and border fields.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "incidents")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub occurred_at: DateTimeUtc,
    pub category: String,
    pub persons_apprehended: i32,
    pub villagers_involved: i32,
    pub village_id: Option<i32>,
    /// The jurisdiction (township or county) the record belongs to, for scoping.
    pub admin_unit_id: Option<i32>,
    pub source: String,
    pub description: Option<String>,
    pub created_at: DateTimeUtc,
    pub deleted_at: Option<DateTimeUtc>,
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
