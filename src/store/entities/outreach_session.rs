//! A legal-awareness session held (or planned, or cancelled) in a village.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "outreach_sessions")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub team_id: i32,
    pub village_id: i32,
    pub starts_at: DateTimeUtc,
    pub ends_at: DateTimeUtc,
    pub language: String,
    pub topics: Json,
    pub status: String,
    pub attendance_total: Option<i32>,
    pub attendance_women: Option<i32>,
    pub attendance_under18: Option<i32>,
    pub cancel_reason: Option<String>,
    /// The interpreter named when the village does not list the session's language.
    pub interpreter: Option<String>,
    /// Topics covered, once held.
    pub topics_covered: Option<Json>,
    pub created_at: DateTimeUtc,
    pub is_demo: bool,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
