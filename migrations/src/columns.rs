//! Column groups shared by several tables, so every located record carries the same border fields.

use sea_orm_migration::{prelude::*, schema::*};

/// Adds the WGS84 point (`lon`, `lat` in degrees) and the border fields filled by the border engine:
/// `border_km` (km along the border from km 0), `distance_m` (geodesic metres to the line),
/// `section` (`MM`/`LA`) and `side` (`cn`/`abroad`). The border fields are nullable until computed.
pub fn located(table: &mut TableCreateStatement) -> &mut TableCreateStatement {
    table
        .col(double("lon"))
        .col(double("lat"))
        .col(border_fields_null("border_km"))
        .col(border_fields_null("distance_m"))
        .col(string_null("section"))
        .col(string_null("side"))
}

/// Like [`located`] for records whose point is optional (a case need not have one).
pub fn optionally_located(table: &mut TableCreateStatement) -> &mut TableCreateStatement {
    table
        .col(double_null("lon"))
        .col(double_null("lat"))
        .col(border_fields_null("border_km"))
        .col(border_fields_null("distance_m"))
        .col(string_null("section"))
        .col(string_null("side"))
}

fn border_fields_null(name: &'static str) -> ColumnDef {
    double_null(name)
}

/// `is_demo`: true for records invented by `banna demo`, so nobody mistakes them for real data.
pub fn demo_flag() -> ColumnDef {
    boolean("is_demo").default(false).take()
}

/// A foreign key from `table.column` to `target.id`.
pub fn fk(table: &'static str, column: &'static str, target: &'static str) -> ForeignKeyCreateStatement {
    ForeignKey::create()
        .name(format!("fk_{table}_{column}"))
        .from(table, column)
        .to(target, "id")
        .on_delete(ForeignKeyAction::Restrict)
        .take()
}

/// Like [`fk`], but rows go with their parent (child lists such as languages).
pub fn fk_cascade(table: &'static str, column: &'static str, target: &'static str) -> ForeignKeyCreateStatement {
    fk(table, column, target).on_delete(ForeignKeyAction::Cascade).take()
}

/// A plain index named after its table and columns.
pub fn index(table: &'static str, columns: &[&'static str]) -> IndexCreateStatement {
    let mut stmt = Index::create();
    stmt.name(format!("ix_{table}_{}", columns.join("_"))).table(table);
    for column in columns {
        stmt.col(*column);
    }
    stmt.take()
}

/// Drops tables in the order given (children first).
pub async fn drop_all(manager: &SchemaManager<'_>, tables: &[&'static str]) -> Result<(), DbErr> {
    for table in tables {
        manager.drop_table(Table::drop().table(*table).if_exists().take()).await?;
    }
    Ok(())
}
