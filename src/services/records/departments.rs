//! Departments (member units and township stations): the list and one department with its
//! linkages and officers.

use std::collections::HashMap;

use sea_orm::{
    ColumnTrait, Condition, ConnectionTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder,
    QuerySelect, QueryTrait,
};

use super::linkages::{LinkageRow, linkage_rows};
use super::{Named, Officer, PageOf, Place, db_err, small_id, today, villages_in};
use crate::domain::auth::{Action, Jurisdiction};
use crate::domain::paging::ListFilter;
use crate::services::admin::{AdminTree, UnitRef};
use crate::services::auth::{self, Principal};
use crate::services::{RecordKind, ServiceError};
use crate::store::entities::{department, linkage, user};

/// A department as listed.
#[derive(Clone, Debug)]
pub struct DepartmentRow {
    pub id: i64,
    pub code: String,
    pub name_zh: String,
    pub name_en: Option<String>,
    /// `member_unit` or `township_station`.
    pub kind: String,
    /// The department's own admin unit (prefecture, county or township).
    pub unit: Option<UnitRef>,
    pub place: Place,
    /// Its linkages whose village is in scope.
    pub linkages: u64,
}

/// A department's page.
#[derive(Clone, Debug)]
pub struct DepartmentRecord {
    pub row: DepartmentRow,
    /// Its linkages whose village is in scope, running or not; `None` when the caller may not
    /// read linkages.
    pub linkages: Option<Vec<LinkageRow>>,
    /// Its active users.
    pub officers: Vec<Officer>,
}

/// Departments of the jurisdiction's units, or linked to one of its villages.
fn visible(scope: &Jurisdiction) -> Condition {
    match (scope, villages_in(scope)) {
        (Jurisdiction::Units(units), Some(villages)) => {
            let linked = linkage::Entity::find()
                .select_only()
                .column(linkage::Column::DepartmentId)
                .filter(linkage::Column::VillageId.in_subquery(villages))
                .into_query();
            Condition::any()
                .add(department::Column::AdminUnitId.is_in(units.iter().copied()))
                .add(department::Column::Id.in_subquery(linked))
        }
        _ => Condition::all(),
    }
}

/// How many linkages with a village in scope each department has.
async fn linkage_counts(
    db: &impl ConnectionTrait,
    scope: &Jurisdiction,
    department_ids: Vec<i32>,
) -> Result<HashMap<i32, u64>, ServiceError> {
    let mut select = linkage::Entity::find()
        .select_only()
        .column(linkage::Column::DepartmentId)
        .filter(linkage::Column::DepartmentId.is_in(department_ids));
    if let Some(villages) = villages_in(scope) {
        select = select.filter(linkage::Column::VillageId.in_subquery(villages));
    }
    let mut counts = HashMap::new();
    for department_id in select.into_tuple::<i32>().all(db).await.map_err(db_err)? {
        *counts.entry(department_id).or_insert(0) += 1;
    }
    Ok(counts)
}

fn department_row(row: &department::Model, tree: &AdminTree, linkages: u64) -> DepartmentRow {
    DepartmentRow {
        id: i64::from(row.id),
        code: row.code.clone(),
        name_zh: row.name_zh.clone(),
        name_en: row.name_en.clone(),
        kind: row.kind.clone(),
        unit: tree.unit(row.admin_unit_id),
        place: Place::of(tree, Some(row.admin_unit_id)),
        linkages,
    }
}

/// `GET /departments`: departments visible in scope, by id.
#[tracing::instrument(skip(db))]
pub async fn departments(
    db: &DatabaseConnection,
    caller: Option<&Principal>,
    list: ListFilter,
) -> Result<PageOf<DepartmentRow>, ServiceError> {
    let principal = auth::require(caller, Action::ReadDepartments)?;
    let scope = &principal.jurisdiction;
    let select = department::Entity::find().filter(visible(scope));
    let matched = select.clone().count(db).await.map_err(db_err)?;
    let rows = select
        .order_by_asc(department::Column::Id)
        .offset(list.page.offset())
        .limit(list.page.limit())
        .all(db)
        .await
        .map_err(db_err)?;
    let tree = AdminTree::load(db).await?;
    let counts = linkage_counts(db, scope, rows.iter().map(|row| row.id).collect()).await?;
    let items = rows.iter().map(|row| department_row(row, &tree, counts.get(&row.id).copied().unwrap_or(0))).collect();
    Ok(PageOf { items, matched })
}

/// Every department visible in scope, by code: the choices of the linkage filter.
pub async fn department_choices(db: &DatabaseConnection, scope: &Jurisdiction) -> Result<Vec<Named>, ServiceError> {
    Ok(department::Entity::find()
        .filter(visible(scope))
        .order_by_asc(department::Column::Code)
        .all(db)
        .await
        .map_err(db_err)?
        .into_iter()
        .map(|row| Named {
            id: i64::from(row.id),
            code: row.code,
            name_zh: row.name_zh,
            name_en: row.name_en,
            visible: true,
        })
        .collect())
}

/// `GET /departments/{id}`.
#[tracing::instrument(skip(db))]
pub async fn department(
    db: &DatabaseConnection,
    caller: Option<&Principal>,
    id: i64,
    tz: chrono_tz::Tz,
) -> Result<DepartmentRecord, ServiceError> {
    let principal = auth::require(caller, Action::ReadDepartments)?;
    let scope = &principal.jurisdiction;
    let not_found = || ServiceError::NotFound { kind: RecordKind::Department, id: id.to_string() };
    let key = small_id(id).ok_or_else(not_found)?;
    let row = department::Entity::find_by_id(key)
        .filter(visible(scope))
        .one(db)
        .await
        .map_err(db_err)?
        .ok_or_else(not_found)?;
    let tree = AdminTree::load(db).await?;
    let linked = linkage::Entity::find()
        .filter(linkage::Column::DepartmentId.eq(key))
        .order_by_asc(linkage::Column::Id)
        .all(db)
        .await
        .map_err(db_err)?;
    let linkages = linkage_rows(db, &tree, scope, linked, today(tz)).await?;
    let count = linkages.len() as u64;
    let linkages = auth::authorize(caller, Action::ReadLinkages).is_ok().then_some(linkages);
    let officers = user::Entity::find()
        .filter(user::Column::DepartmentId.eq(key))
        .filter(user::Column::IsActive.eq(true))
        .order_by_asc(user::Column::Id)
        .all(db)
        .await
        .map_err(db_err)?
        .into_iter()
        .map(|user| Officer { id: user.id, display_name: user.display_name })
        .collect();
    Ok(DepartmentRecord { row: department_row(&row, &tree, count), linkages, officers })
}
