//! Cross-border incidents, the seven-stage case workflow with its event history, and the audit trail.

use sea_orm_migration::{prelude::*, schema::*};

use crate::columns::{demo_flag, drop_all, fk, fk_cascade, index, located, optionally_located};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let mut incidents = Table::create();
        incidents
            .table("incidents")
            .col(big_pk_auto("id"))
            .col(timestamp_with_time_zone("occurred_at"))
            .col(string("category"))
            .col(integer("persons_apprehended"))
            .col(integer("villagers_involved"))
            .col(integer_null("village_id"))
            .col(integer_null("admin_unit_id"))
            .col(string("source"))
            .col(text_null("description"))
            .col(timestamp_with_time_zone("created_at"))
            .col(timestamp_with_time_zone_null("deleted_at"));
        located(&mut incidents)
            .col(demo_flag())
            .foreign_key(&mut fk("incidents", "village_id", "villages"))
            .foreign_key(&mut fk("incidents", "admin_unit_id", "admin_units"));
        manager.create_table(incidents.take()).await?;
        manager.create_index(index("incidents", &["occurred_at"])).await?;
        manager.create_index(index("incidents", &["lon", "lat"])).await?;
        manager.create_index(index("incidents", &["border_km"])).await?;
        manager.create_index(index("incidents", &["village_id"])).await?;
        manager.create_index(index("incidents", &["admin_unit_id", "occurred_at"])).await?;

        let mut cases = Table::create();
        cases
            .table("cases")
            .col(pk_auto("id"))
            .col(string_uniq("code"))
            .col(string("title"))
            .col(text_null("description"))
            .col(string("stage"))
            .col(string("origin"))
            .col(integer_null("village_id"))
            .col(integer_null("admin_unit_id"))
            .col(big_integer_null("incident_id"))
            .col(integer_null("visit_id"))
            .col(integer_null("assigned_department_id"))
            .col(timestamp_with_time_zone("reported_at"))
            .col(timestamp_with_time_zone_null("stage_due_at"))
            .col(timestamp_with_time_zone_null("closed_at"))
            .col(small_integer_null("satisfaction"))
            .col(timestamp_with_time_zone("created_at"))
            .col(timestamp_with_time_zone("updated_at"));
        optionally_located(&mut cases)
            .col(demo_flag())
            .foreign_key(&mut fk("cases", "village_id", "villages"))
            .foreign_key(&mut fk("cases", "admin_unit_id", "admin_units"))
            .foreign_key(&mut fk("cases", "incident_id", "incidents"))
            .foreign_key(&mut fk("cases", "visit_id", "visits"))
            .foreign_key(&mut fk("cases", "assigned_department_id", "departments"));
        manager.create_table(cases.take()).await?;
        manager.create_index(index("cases", &["stage", "stage_due_at"])).await?;
        manager.create_index(index("cases", &["village_id"])).await?;
        manager.create_index(index("cases", &["admin_unit_id"])).await?;
        manager.create_index(index("cases", &["reported_at"])).await?;

        manager
            .create_table(
                Table::create()
                    .table("case_events")
                    .col(pk_auto("id"))
                    .col(integer("case_id"))
                    .col(timestamp_with_time_zone("at"))
                    .col(string_null("from_stage"))
                    .col(string("to_stage"))
                    .col(integer_null("actor_user_id"))
                    .col(text_null("note"))
                    .foreign_key(&mut fk_cascade("case_events", "case_id", "cases"))
                    .foreign_key(&mut fk("case_events", "actor_user_id", "users"))
                    .take(),
            )
            .await?;
        manager.create_index(index("case_events", &["case_id", "at"])).await?;

        manager
            .create_table(
                Table::create()
                    .table("audit_events")
                    .col(big_pk_auto("id"))
                    .col(timestamp_with_time_zone("at"))
                    .col(integer_null("actor_user_id"))
                    .col(string("action"))
                    .col(string("record_type"))
                    .col(string("record_id"))
                    .col(json_null("before"))
                    .col(json_null("after"))
                    .col(string_null("request_id"))
                    .foreign_key(&mut fk("audit_events", "actor_user_id", "users"))
                    .take(),
            )
            .await?;
        manager.create_index(index("audit_events", &["record_type", "record_id"])).await?;
        manager.create_index(index("audit_events", &["at"])).await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        drop_all(manager, &["audit_events", "case_events", "cases", "incidents"]).await
    }
}
