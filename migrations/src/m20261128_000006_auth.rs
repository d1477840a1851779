//! Sign-in: session cookies and API tokens (stored as SHA-256 hashes, so a database dump
//! reveals no usable credential), and failed-login counters shared by every app instance.

use sea_orm_migration::{prelude::*, schema::*};

use crate::columns::{drop_all, fk_cascade, index};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table("auth_tokens")
                    .col(pk_auto("id"))
                    .col(string_uniq("token_hash"))
                    .col(integer("user_id"))
                    .col(string("kind"))
                    .col(string_null("name"))
                    .col(timestamp_with_time_zone("created_at"))
                    .col(timestamp_with_time_zone("expires_at"))
                    .col(timestamp_with_time_zone_null("last_used_at"))
                    .col(timestamp_with_time_zone_null("revoked_at"))
                    .foreign_key(&mut fk_cascade("auth_tokens", "user_id", "users"))
                    .take(),
            )
            .await?;
        manager.create_index(index("auth_tokens", &["user_id", "kind"])).await?;
        manager
            .create_table(
                Table::create()
                    .table("login_throttle")
                    .col(string("key").primary_key())
                    .col(integer("failures"))
                    .col(timestamp_with_time_zone("last_failure_at"))
                    .col(timestamp_with_time_zone_null("locked_until"))
                    .take(),
            )
            .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        drop_all(manager, &["login_throttle", "auth_tokens"]).await
    }
}
