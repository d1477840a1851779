//! Reference data every deployment needs: the prefecture and its three county-level units
//! (GB/T 2260 codes), the roots of every user's jurisdiction.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

/// (code, name_zh, name_en, level, parent code)
const UNITS: [(&str, &str, &str, &str, Option<&str>); 4] = [
    ("532800", "西双版纳傣族自治州", "Xishuangbanna Dai Autonomous Prefecture", "prefecture", None),
    ("532801", "景洪市", "Jinghong", "county", Some("532800")),
    ("532822", "勐海县", "Menghai", "county", Some("532800")),
    ("532823", "勐腊县", "Mengla", "county", Some("532800")),
];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for (code, name_zh, name_en, level, parent) in UNITS {
            let parent_id: SimpleExpr = match parent {
                Some(parent_code) => SimpleExpr::SubQuery(
                    None,
                    Box::new(
                        Query::select()
                            .column("id")
                            .from("admin_units")
                            .and_where(Expr::col("code").eq(parent_code))
                            .take()
                            .into_sub_query_statement(),
                    ),
                ),
                None => Expr::value(Option::<i32>::None),
            };
            let insert = Query::insert()
                .into_table("admin_units")
                .columns(["code", "name_zh", "name_en", "level", "parent_id", "is_demo"])
                .values_panic([code.into(), name_zh.into(), name_en.into(), level.into(), parent_id, false.into()])
                .take();
            manager.exec_stmt(insert).await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let codes: Vec<&str> = UNITS.iter().rev().map(|unit| unit.0).collect();
        for code in codes {
            manager
                .exec_stmt(Query::delete().from_table("admin_units").and_where(Expr::col("code").eq(code)).take())
                .await?;
        }
        Ok(())
    }
}
