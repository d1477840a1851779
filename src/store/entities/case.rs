//! A matter in the seven-stage case workflow.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "cases")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    #[sea_orm(unique)]
    pub code: String,
    pub title: String,
    pub description: Option<String>,
    pub stage: String,
    pub origin: String,
    pub village_id: Option<i32>,
    /// The jurisdiction (township or county) the record belongs to, for scoping.
    pub admin_unit_id: Option<i32>,
    pub incident_id: Option<i64>,
    pub visit_id: Option<i32>,
    pub assigned_department_id: Option<i32>,
    pub reported_at: DateTimeUtc,
    pub stage_due_at: Option<DateTimeUtc>,
    pub closed_at: Option<DateTimeUtc>,
    pub satisfaction: Option<i16>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
    pub lon: Option<f64>,
    pub lat: Option<f64>,
    pub border_km: Option<f64>,
    pub distance_m: Option<f64>,
    pub section: Option<String>,
    pub side: Option<String>,
    pub is_demo: bool,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
