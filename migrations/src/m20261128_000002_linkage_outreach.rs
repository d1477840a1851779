//! Double-linkage (department ↔ village + post), liaison visits, patrols and legal-outreach teams.

use sea_orm_migration::{prelude::*, schema::*};

use crate::columns::{demo_flag, drop_all, fk, fk_cascade, index, located};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table("linkages")
                    .col(pk_auto("id"))
                    .col(integer("department_id"))
                    .col(integer("village_id"))
                    .col(integer("post_id"))
                    .col(date("starts_on"))
                    .col(date_null("ends_on"))
                    .col(integer("village_visits_per_month"))
                    .col(integer("post_visits_per_month"))
                    .col(timestamp_with_time_zone("created_at"))
                    .col(demo_flag())
                    .foreign_key(&mut fk("linkages", "department_id", "departments"))
                    .foreign_key(&mut fk("linkages", "village_id", "villages"))
                    .foreign_key(&mut fk("linkages", "post_id", "posts"))
                    .take(),
            )
            .await?;
        for column in ["department_id", "village_id", "post_id"] {
            manager.create_index(index("linkages", &[column])).await?;
        }

        manager
            .create_table(
                Table::create()
                    .table("linkage_officers")
                    .col(integer("linkage_id"))
                    .col(integer("user_id"))
                    .primary_key(Index::create().col("linkage_id").col("user_id"))
                    .foreign_key(&mut fk_cascade("linkage_officers", "linkage_id", "linkages"))
                    .foreign_key(&mut fk("linkage_officers", "user_id", "users"))
                    .take(),
            )
            .await?;

        let mut visits = Table::create();
        visits
            .table("visits")
            .col(pk_auto("id"))
            .col(uuid_uniq("uuid"))
            .col(integer("linkage_id"))
            .col(integer("officer_id"))
            .col(string("target"))
            .col(timestamp_with_time_zone("visited_at"))
            .col(double("accuracy_m"))
            .col(json("findings"))
            .col(text_null("follow_ups"))
            .col(double_null("distance_to_target_m"))
            .col(json("flags"))
            .col(timestamp_with_time_zone("created_at"));
        located(&mut visits)
            .col(demo_flag())
            .foreign_key(&mut fk("visits", "linkage_id", "linkages"))
            .foreign_key(&mut fk("visits", "officer_id", "users"));
        manager.create_table(visits.take()).await?;
        manager.create_index(index("visits", &["linkage_id", "visited_at"])).await?;
        manager.create_index(index("visits", &["officer_id"])).await?;

        manager
            .create_table(
                Table::create()
                    .table("patrols")
                    .col(pk_auto("id"))
                    .col(integer("post_id"))
                    .col(timestamp_with_time_zone("started_at"))
                    .col(timestamp_with_time_zone("ended_at"))
                    .col(text("track_geojson"))
                    .col(json_null("covered_km"))
                    .col(demo_flag())
                    .foreign_key(&mut fk("patrols", "post_id", "posts"))
                    .take(),
            )
            .await?;
        manager.create_index(index("patrols", &["post_id", "started_at"])).await?;

        manager
            .create_table(
                Table::create()
                    .table("outreach_teams")
                    .col(pk_auto("id"))
                    .col(string_uniq("code"))
                    .col(string("name_zh"))
                    .col(string_null("name_en"))
                    .col(integer("admin_unit_id"))
                    .col(demo_flag())
                    .foreign_key(&mut fk("outreach_teams", "admin_unit_id", "admin_units"))
                    .take(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table("outreach_members")
                    .col(pk_auto("id"))
                    .col(integer("team_id"))
                    .col(string("name"))
                    .col(integer_null("user_id"))
                    .col(demo_flag())
                    .foreign_key(&mut fk_cascade("outreach_members", "team_id", "outreach_teams"))
                    .foreign_key(&mut fk("outreach_members", "user_id", "users"))
                    .take(),
            )
            .await?;
        manager.create_index(index("outreach_members", &["team_id"])).await?;

        manager
            .create_table(
                Table::create()
                    .table("outreach_member_languages")
                    .col(integer("member_id"))
                    .col(string("language"))
                    .primary_key(Index::create().col("member_id").col("language"))
                    .foreign_key(&mut fk_cascade("outreach_member_languages", "member_id", "outreach_members"))
                    .take(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table("outreach_sessions")
                    .col(pk_auto("id"))
                    .col(integer("team_id"))
                    .col(integer("village_id"))
                    .col(timestamp_with_time_zone("starts_at"))
                    .col(timestamp_with_time_zone("ends_at"))
                    .col(string("language"))
                    .col(json("topics"))
                    .col(string("status"))
                    .col(integer_null("attendance_total"))
                    .col(integer_null("attendance_women"))
                    .col(integer_null("attendance_under18"))
                    .col(text_null("cancel_reason"))
                    .col(timestamp_with_time_zone("created_at"))
                    .col(demo_flag())
                    .foreign_key(&mut fk("outreach_sessions", "team_id", "outreach_teams"))
                    .foreign_key(&mut fk("outreach_sessions", "village_id", "villages"))
                    .take(),
            )
            .await?;
        manager.create_index(index("outreach_sessions", &["team_id", "starts_at"])).await?;
        manager.create_index(index("outreach_sessions", &["village_id", "starts_at"])).await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        drop_all(
            manager,
            &[
                "outreach_sessions",
                "outreach_member_languages",
                "outreach_members",
                "outreach_teams",
                "patrols",
                "visits",
                "linkage_officers",
                "linkages",
            ],
        )
        .await
    }
}
