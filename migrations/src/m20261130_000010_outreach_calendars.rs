//! The secret address of each outreach team's calendar feed: phone calendars subscribe to a
//! URL and send no credentials, so the URL itself carries a random secret. Only its SHA-256
//! is stored (like sign-in tokens); a coordinator replaces it to cut off old subscribers.

use sea_orm_migration::{prelude::*, schema::*};

use crate::columns::{fk, fk_cascade};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table("outreach_team_calendars")
                    .col(integer("team_id").primary_key())
                    .col(string_uniq("secret_hash"))
                    .col(timestamp_with_time_zone("created_at"))
                    .col(integer_null("created_by"))
                    .foreign_key(&mut fk_cascade("outreach_team_calendars", "team_id", "outreach_teams"))
                    .foreign_key(&mut fk("outreach_team_calendars", "created_by", "users"))
                    .take(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table("outreach_team_calendars").take()).await
    }
}
