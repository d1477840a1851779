//! Incidents counted per fixed-width km bin of the border, per calendar period and per
//! section, category or admin unit, aggregated by the database from the incidents themselves:
//! the data behind the border strip, the map's colouring by change, and the trend and change
//! queries where the monthly rollup ([`super::incident_rollup`]) cannot answer.

use chrono::{DateTime, Utc};
use sea_orm::sea_query::{Alias, Expr, Func, SimpleExpr};
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseBackend, EntityTrait, ExprTrait, QueryFilter, QueryOrder, QuerySelect,
    Statement, Value,
};

use super::StoreError;
use super::entities::incident;
use super::features::scoped;
use crate::domain::auth::Jurisdiction;

/// Live incidents and persons apprehended in one km bin.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct BinCount {
    /// `floor(border_km / bin_km)` as the database computed it; not clamped to the line.
    pub bin: i64,
    pub incidents: i64,
    pub persons: i64,
}

/// Counts the live (not deleted) incidents of `scope` that occurred in `[from, to)` and have
/// border fields, grouped by `floor(border_km / bin_km)`; bins without incidents are absent.
/// `bin_km` must be positive and finite.
pub async fn count_per_bin(
    db: &impl ConnectionTrait,
    scope: &Jurisdiction,
    bin_km: f64,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> Result<Vec<BinCount>, StoreError> {
    let ratio = Expr::col(incident::Column::BorderKm).div(bin_km);
    // PostgreSQL rounds when it casts a float to an integer; SQLite truncates, which is the
    // floor for the non-negative km the border fields hold (and SQLite may lack FLOOR).
    let bin: SimpleExpr = match db.get_database_backend() {
        DatabaseBackend::Postgres => Func::cast_as(Func::cust("FLOOR").arg(ratio), "BIGINT").into(),
        _ => Func::cast_as(ratio, "INTEGER").into(),
    };
    let select = incident::Entity::find()
        .select_only()
        .column_as(bin, "bin_index")
        .column_as(Expr::col(incident::Column::Id).count(), "incidents")
        .column_as(Expr::col(incident::Column::PersonsApprehended).sum().cast_as("BIGINT"), "persons")
        .filter(incident::Column::DeletedAt.is_null())
        .filter(incident::Column::BorderKm.is_not_null())
        .filter(incident::Column::OccurredAt.gte(from))
        .filter(incident::Column::OccurredAt.lt(to))
        // By the output name: the expression repeated would carry its own bound parameter,
        // which PostgreSQL does not recognise as the selected expression.
        .group_by(Expr::col(Alias::new("bin_index")));
    let rows: Vec<(i64, i64, Option<i64>)> =
        scoped(select, incident::Column::AdminUnitId, scope).into_tuple().all(db).await?;
    Ok(rows
        .into_iter()
        .map(|(bin, incidents, persons)| BinCount { bin, incidents, persons: persons.unwrap_or(0) })
        .collect())
}

/// Which incidents to count besides scope and time: one category and/or one section.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Narrowing<'a> {
    /// A [`crate::domain::incident::Category`] code.
    pub category: Option<&'a str>,
    /// A section code (`MM`, `LA`).
    pub section: Option<&'a str>,
}

/// Live incidents and persons apprehended in one period and one km bin.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PeriodBinCount {
    /// The period's number as the caller gave it.
    pub period: i64,
    /// `floor(border_km / bin_km)`, not clamped to the line.
    pub bin: i64,
    pub incidents: i64,
    pub persons: i64,
}

/// A UTC window `[start, end)` and the number of the period it counts for.
pub type Window = (i64, DateTime<Utc>, DateTime<Utc>);

/// Counts the live incidents of `scope` with border fields that match `narrowing`, grouped by
/// window (an incident counts in every window holding its time) and by
/// `floor(border_km / bin_km)`; empty groups are absent. One statement: the windows are a
/// `VALUES` list joined on the time index. `bin_km` must be positive and finite.
pub async fn count_per_window_bin(
    db: &impl ConnectionTrait,
    scope: &Jurisdiction,
    narrowing: Narrowing<'_>,
    bin_km: f64,
    windows: &[Window],
) -> Result<Vec<PeriodBinCount>, StoreError> {
    if windows.is_empty() {
        return Ok(Vec::new());
    }
    let backend = db.get_database_backend();
    let mut sql = Sql::new(backend);
    let values: Vec<String> = windows
        .iter()
        .map(|(period, start, end)| format!("({}, {}, {})", sql.bind(*period), sql.bind(*start), sql.bind(*end)))
        .collect();
    // Only a finite number formatted by Rust reaches the text; every other value is bound.
    let bin = match backend {
        DatabaseBackend::Postgres => format!("CAST(FLOOR(i.border_km / {bin_km:?}) AS BIGINT)"),
        _ => format!("CAST(i.border_km / {bin_km:?} AS INTEGER)"),
    };
    let mut conditions = vec!["i.deleted_at IS NULL".to_owned(), "i.border_km IS NOT NULL".to_owned()];
    if let Some(category) = narrowing.category {
        conditions.push(format!("i.category = {}", sql.bind(category.to_owned())));
    }
    if let Some(section) = narrowing.section {
        conditions.push(format!("i.section = {}", sql.bind(section.to_owned())));
    }
    conditions.extend(scope_condition("i.admin_unit_id", scope));
    let text = format!(
        "SELECT p.column1 AS period, {bin} AS bin_index, COUNT(*) AS incidents, \
         CAST(SUM(i.persons_apprehended) AS BIGINT) AS persons \
         FROM (VALUES {}) AS p JOIN incidents i ON i.occurred_at >= p.column2 AND i.occurred_at < p.column3 \
         WHERE {} GROUP BY p.column1, bin_index",
        values.join(", "),
        conditions.join(" AND ")
    );
    let rows = db.query_all_raw(sql.statement(text)).await?;
    rows.iter()
        .map(|row| {
            Ok(PeriodBinCount {
                period: row.try_get_by_index(0)?,
                bin: row.try_get_by_index(1)?,
                incidents: row.try_get_by_index(2)?,
                persons: row.try_get_by_index::<Option<i64>>(3)?.unwrap_or(0),
            })
        })
        .collect()
}

/// `admin_unit_id IN (…)` for a jurisdiction of units (ids are integers, written as such);
/// nothing for `All`, and a condition no row meets for no units.
pub(super) fn scope_condition(column: &str, scope: &Jurisdiction) -> Option<String> {
    match scope {
        Jurisdiction::All => None,
        Jurisdiction::Units(units) if units.is_empty() => Some("1 = 0".to_owned()),
        Jurisdiction::Units(units) => {
            let ids: Vec<String> = units.iter().map(i32::to_string).collect();
            Some(format!("{column} IN ({})", ids.join(", ")))
        }
    }
}

/// A raw statement under construction: bound values with the backend's placeholders.
pub(super) struct Sql {
    backend: DatabaseBackend,
    values: Vec<Value>,
}

impl Sql {
    pub(super) fn new(backend: DatabaseBackend) -> Sql {
        Sql { backend, values: Vec::new() }
    }

    /// Binds a value; returns its placeholder.
    pub(super) fn bind(&mut self, value: impl Into<Value>) -> String {
        self.values.push(value.into());
        match self.backend {
            DatabaseBackend::Postgres => format!("${}", self.values.len()),
            _ => "?".to_owned(),
        }
    }

    pub(super) fn statement(self, text: String) -> Statement {
        Statement::from_sql_and_values(self.backend, text, self.values)
    }
}

/// What a change table groups incidents by, as stored in the incidents table.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GroupColumn {
    /// No grouping: one row.
    Nothing,
    Section,
    Category,
    AdminUnit,
}

/// The key of a [`GroupCount`].
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum GroupKey {
    /// Everything (no grouping).
    All,
    /// A section or category code; `None` for incidents without one.
    Code(Option<String>),
    /// An admin unit id; `None` for incidents without one.
    Unit(Option<i32>),
}

/// Live incidents and persons apprehended of one group.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GroupCount {
    pub key: GroupKey,
    pub incidents: i64,
    pub persons: i64,
}

/// Counts the live incidents of `scope` that occurred in `[from, to)` (with or without border
/// fields), grouped by `group`; groups without incidents are absent (for
/// [`GroupColumn::Nothing`], the one row may say 0).
pub async fn count_grouped(
    db: &impl ConnectionTrait,
    scope: &Jurisdiction,
    group: GroupColumn,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> Result<Vec<GroupCount>, StoreError> {
    let select = incident::Entity::find()
        .select_only()
        .filter(incident::Column::DeletedAt.is_null())
        .filter(incident::Column::OccurredAt.gte(from))
        .filter(incident::Column::OccurredAt.lt(to));
    let select = scoped(select, incident::Column::AdminUnitId, scope);
    let counted = |select: sea_orm::Select<incident::Entity>| {
        select
            .column_as(Expr::col(incident::Column::Id).count(), "incidents")
            .column_as(Expr::col(incident::Column::PersonsApprehended).sum().cast_as("BIGINT"), "persons")
    };
    let persons = |persons: Option<i64>| persons.unwrap_or(0);
    Ok(match group {
        GroupColumn::Nothing => {
            let rows: Vec<(i64, Option<i64>)> = counted(select).into_tuple().all(db).await?;
            rows.into_iter()
                .map(|(incidents, sum)| GroupCount { key: GroupKey::All, incidents, persons: persons(sum) })
                .collect()
        }
        GroupColumn::Section | GroupColumn::Category => {
            let column =
                if group == GroupColumn::Section { incident::Column::Section } else { incident::Column::Category };
            let select = counted(select.column_as(Expr::col(column), "group_key")).group_by(column);
            let rows: Vec<(Option<String>, i64, Option<i64>)> = select.into_tuple().all(db).await?;
            rows.into_iter()
                .map(|(key, incidents, sum)| GroupCount { key: GroupKey::Code(key), incidents, persons: persons(sum) })
                .collect()
        }
        GroupColumn::AdminUnit => {
            let column = incident::Column::AdminUnitId;
            let select = counted(select.column_as(Expr::col(column), "group_key")).group_by(column);
            let rows: Vec<(Option<i32>, i64, Option<i64>)> = select.into_tuple().all(db).await?;
            rows.into_iter()
                .map(|(key, incidents, sum)| GroupCount { key: GroupKey::Unit(key), incidents, persons: persons(sum) })
                .collect()
        }
    })
}

/// When the latest live incident of `scope` occurred, if there is one.
pub async fn latest_occurred_at(
    db: &impl ConnectionTrait,
    scope: &Jurisdiction,
) -> Result<Option<DateTime<Utc>>, StoreError> {
    let select = incident::Entity::find()
        .select_only()
        .column(incident::Column::OccurredAt)
        .filter(incident::Column::DeletedAt.is_null())
        .order_by_desc(incident::Column::OccurredAt)
        .limit(1);
    Ok(scoped(select, incident::Column::AdminUnitId, scope).into_tuple::<DateTime<Utc>>().one(db).await?)
}
