//! Jurisdictions, villages with their languages and yearly indicators, joint-defense posts,
//! departments and users.

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
                    .table("admin_units")
                    .col(pk_auto("id"))
                    .col(string_uniq("code"))
                    .col(string("name_zh"))
                    .col(string("name_en"))
                    .col(string("level"))
                    .col(integer_null("parent_id"))
                    .col(demo_flag())
                    .foreign_key(&mut fk("admin_units", "parent_id", "admin_units"))
                    .take(),
            )
            .await?;
        manager.create_index(index("admin_units", &["parent_id"])).await?;

        let mut villages = Table::create();
        villages
            .table("villages")
            .col(pk_auto("id"))
            .col(string_uniq("code"))
            .col(string("name_zh"))
            .col(string_null("name_en"))
            .col(string_null("name_local"))
            .col(string_null("name_local_lang"))
            .col(integer("admin_unit_id"))
            .col(integer("households"))
            .col(integer("population"))
            .col(json("ethnic_groups"))
            .col(boolean("is_key").default(false));
        located(&mut villages).col(demo_flag()).foreign_key(&mut fk("villages", "admin_unit_id", "admin_units"));
        manager.create_table(villages.take()).await?;
        manager.create_index(index("villages", &["lon", "lat"])).await?;
        manager.create_index(index("villages", &["admin_unit_id"])).await?;
        manager.create_index(index("villages", &["border_km"])).await?;

        manager
            .create_table(
                Table::create()
                    .table("village_languages")
                    .col(integer("village_id"))
                    .col(integer("position"))
                    .col(string("language"))
                    .primary_key(Index::create().col("village_id").col("position"))
                    .foreign_key(&mut fk_cascade("village_languages", "village_id", "villages"))
                    .take(),
            )
            .await?;
        manager.create_index(index("village_languages", &["village_id", "language"]).unique().take()).await?;
        manager.create_index(index("village_languages", &["language"])).await?;

        manager
            .create_table(
                Table::create()
                    .table("village_indicators")
                    .col(pk_auto("id"))
                    .col(integer("village_id"))
                    .col(integer("year"))
                    .col(big_integer_null("collective_income_cny"))
                    .col(big_integer_null("per_capita_income_cny"))
                    .col(integer_null("villagers_in_cross_border_crime"))
                    .col(demo_flag())
                    .foreign_key(&mut fk_cascade("village_indicators", "village_id", "villages"))
                    .take(),
            )
            .await?;
        manager.create_index(index("village_indicators", &["village_id", "year"]).unique().take()).await?;

        let mut posts = Table::create();
        posts
            .table("posts")
            .col(pk_auto("id"))
            .col(string_uniq("code"))
            .col(string("name_zh"))
            .col(string_null("name_en"))
            .col(integer("admin_unit_id"))
            .col(double("sector_start_km"))
            .col(double("sector_end_km"))
            .col(integer("staff"));
        located(&mut posts).col(demo_flag()).foreign_key(&mut fk("posts", "admin_unit_id", "admin_units"));
        manager.create_table(posts.take()).await?;
        manager.create_index(index("posts", &["lon", "lat"])).await?;
        manager.create_index(index("posts", &["admin_unit_id"])).await?;

        manager
            .create_table(
                Table::create()
                    .table("departments")
                    .col(pk_auto("id"))
                    .col(string_uniq("code"))
                    .col(string("name_zh"))
                    .col(string_null("name_en"))
                    .col(string("kind"))
                    .col(integer("admin_unit_id"))
                    .col(demo_flag())
                    .foreign_key(&mut fk("departments", "admin_unit_id", "admin_units"))
                    .take(),
            )
            .await?;
        manager.create_index(index("departments", &["admin_unit_id"])).await?;

        manager
            .create_table(
                Table::create()
                    .table("users")
                    .col(pk_auto("id"))
                    .col(string_uniq("username"))
                    .col(string("display_name"))
                    .col(text_null("password_hash"))
                    .col(string("role"))
                    .col(integer("admin_unit_id"))
                    .col(integer_null("department_id"))
                    .col(json("languages"))
                    .col(string("locale"))
                    .col(boolean("is_active").default(true))
                    .col(timestamp_with_time_zone("created_at"))
                    .col(demo_flag())
                    .foreign_key(&mut fk("users", "admin_unit_id", "admin_units"))
                    .foreign_key(&mut fk("users", "department_id", "departments"))
                    .take(),
            )
            .await?;
        manager.create_index(index("users", &["department_id"])).await?;

        manager
            .create_table(Table::create().table("meta").col(string("key").primary_key()).col(text("value")).take())
            .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        drop_all(
            manager,
            &[
                "meta",
                "users",
                "departments",
                "posts",
                "village_indicators",
                "village_languages",
                "villages",
                "admin_units",
            ],
        )
        .await
    }
}
