//! What language-aware outreach scheduling needs beyond the first schema: the level at which a
//! member speaks each language (`native`, `fluent`, `basic`; rows from before are taken as
//! `fluent`), the presenters of a session (members of its team), the interpreter named when
//! the village does not list the session's language, and the topics covered once held.

use sea_orm_migration::{prelude::*, schema::*};

use crate::columns::{fk_cascade, index};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // One column per statement: SQLite alters one thing at a time.
        manager
            .alter_table(
                Table::alter().table("outreach_member_languages").add_column(string("level").default("fluent")).take(),
            )
            .await?;
        manager
            .alter_table(Table::alter().table("outreach_sessions").add_column(text_null("interpreter")).take())
            .await?;
        manager
            .alter_table(Table::alter().table("outreach_sessions").add_column(json_null("topics_covered")).take())
            .await?;
        manager
            .create_table(
                Table::create()
                    .table("outreach_session_presenters")
                    .col(integer("session_id"))
                    .col(integer("member_id"))
                    .primary_key(Index::create().col("session_id").col("member_id"))
                    .foreign_key(&mut fk_cascade("outreach_session_presenters", "session_id", "outreach_sessions"))
                    .foreign_key(&mut fk_cascade("outreach_session_presenters", "member_id", "outreach_members"))
                    .take(),
            )
            .await?;
        manager.create_index(index("outreach_session_presenters", &["member_id"])).await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table("outreach_session_presenters").take()).await?;
        manager.alter_table(Table::alter().table("outreach_sessions").drop_column("topics_covered").take()).await?;
        manager.alter_table(Table::alter().table("outreach_sessions").drop_column("interpreter").take()).await?;
        manager.alter_table(Table::alter().table("outreach_member_languages").drop_column("level").take()).await
    }
}
