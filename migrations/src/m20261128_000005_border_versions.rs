//! The border line in force: every imported version is kept, one is active. Without any row
//! the line shipped with the binary (geodata/border.geojson) is in force.

use sea_orm_migration::{prelude::*, schema::*};

use crate::columns::{drop_all, index};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table("border_versions")
                    .col(pk_auto("id"))
                    .col(timestamp_with_time_zone("imported_at"))
                    .col(string("source_name"))
                    .col(text("geojson"))
                    .col(text_null("pillars_csv"))
                    .col(double("measured_length_km"))
                    .col(boolean("is_active"))
                    .take(),
            )
            .await?;
        manager.create_index(index("border_versions", &["is_active"])).await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        drop_all(manager, &["border_versions"]).await
    }
}
