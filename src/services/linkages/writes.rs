//! Creating, editing and ending linkages, and the API's list of them with their officers.
//!
//! Each write runs in one transaction: it gathers the [`Facts`] the domain rules need (what
//! the caller may see of the village, post, department and officers it names, and the other
//! linkages of the same pair), lets [`NewLinkage::check`] decide, writes, and appends the
//! audit event. On PostgreSQL the department's row is locked first, so two writes of the same
//! department cannot both pass the overlap rule; SQLite runs one writer at a time.

use std::collections::HashMap;

use chrono::{NaiveDate, Utc};
use sea_orm::ActiveValue::{NotSet, Set};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, DatabaseTransaction, EntityTrait,
    PaginatorTrait, QueryFilter, QueryOrder, QuerySelect, TransactionTrait,
};
use serde_json::{Value, json};

use crate::domain::DomainError;
use crate::domain::auth::{Action, Jurisdiction};
use crate::domain::filter::LinkageFilter;
use crate::domain::linkage::{Facts, LinkageInput, NewLinkage, OfficerFacts, Period, SamePair, check_overlap};
use crate::domain::paging::ListFilter;
use crate::services::admin::AdminTree;
use crate::services::auth::{self, Principal};
use crate::services::records::{self, LinkageRow, Officer, PageOf, db_err, linkage_rows, linkages_in_scope, small_id};
use crate::services::{RecordKind, ServiceError, audit};
use crate::store::entities::{department, linkage, linkage_officer, post, user, village, visit};

/// A linkage with the officers responsible for it.
#[derive(Clone, Debug)]
pub struct LinkageDetail {
    pub row: LinkageRow,
    /// By id.
    pub officers: Vec<Officer>,
}

/// The officers of each of `linkage_ids`, by id.
async fn officers_by_linkage(
    db: &impl ConnectionTrait,
    linkage_ids: Vec<i32>,
) -> Result<HashMap<i32, Vec<Officer>>, ServiceError> {
    let pairs = linkage_officer::Entity::find()
        .filter(linkage_officer::Column::LinkageId.is_in(linkage_ids))
        .all(db)
        .await
        .map_err(db_err)?;
    let names: HashMap<i32, String> = user::Entity::find()
        .filter(user::Column::Id.is_in(pairs.iter().map(|pair| pair.user_id)))
        .all(db)
        .await
        .map_err(db_err)?
        .into_iter()
        .map(|row| (row.id, row.display_name))
        .collect();
    let mut officers: HashMap<i32, Vec<Officer>> = HashMap::new();
    for pair in pairs {
        let display_name = names.get(&pair.user_id).cloned().unwrap_or_default();
        officers.entry(pair.linkage_id).or_default().push(Officer { id: pair.user_id, display_name });
    }
    for list in officers.values_mut() {
        list.sort_by_key(|officer| officer.id);
    }
    Ok(officers)
}

async fn details(db: &impl ConnectionTrait, rows: Vec<LinkageRow>) -> Result<Vec<LinkageDetail>, ServiceError> {
    let ids = rows.iter().filter_map(|row| small_id(row.id)).collect();
    let mut officers = officers_by_linkage(db, ids).await?;
    Ok(rows
        .into_iter()
        .map(|row| {
            let officers = small_id(row.id).and_then(|id| officers.remove(&id)).unwrap_or_default();
            LinkageDetail { row, officers }
        })
        .collect())
}

/// `GET /api/v1/linkages`: the linkages of the record list (same filters, scope and order),
/// each with its officers.
#[tracing::instrument(skip(db, caller))]
pub async fn list(
    db: &DatabaseConnection,
    caller: Option<&Principal>,
    filter: &LinkageFilter,
    list: ListFilter,
    tz: chrono_tz::Tz,
) -> Result<PageOf<LinkageDetail>, ServiceError> {
    let found = records::linkages(db, caller, filter, list, tz).await?;
    Ok(PageOf { items: details(db, found.items).await?, matched: found.matched })
}

/// What the audit trail keeps of a linkage.
fn snapshot(row: &linkage::Model, officer_ids: &[i32]) -> Value {
    json!({
        "department_id": row.department_id,
        "village_id": row.village_id,
        "post_id": row.post_id,
        "starts_on": row.starts_on.to_string(),
        "ends_on": row.ends_on.map(|day| day.to_string()),
        "village_visits_per_month": row.village_visits_per_month,
        "post_visits_per_month": row.post_visits_per_month,
        "officer_ids": officer_ids,
    })
}

/// An id of the input as the `i32` of the tables; larger ids name nothing.
fn key(id: i64) -> i32 {
    small_id(id).unwrap_or(0)
}

/// The other linkages of the same department, village and post (all but `except`).
async fn same_pair(
    txn: &DatabaseTransaction,
    department_id: i32,
    village_id: i32,
    post_id: i32,
    except: Option<i32>,
) -> Result<Vec<SamePair>, ServiceError> {
    let mut select = linkage::Entity::find()
        .filter(linkage::Column::DepartmentId.eq(department_id))
        .filter(linkage::Column::VillageId.eq(village_id))
        .filter(linkage::Column::PostId.eq(post_id));
    if let Some(id) = except {
        select = select.filter(linkage::Column::Id.ne(id));
    }
    let rows = select.all(txn).await.map_err(db_err)?;
    rows.into_iter()
        .map(|row| {
            let period = Period::new(row.starts_on, row.ends_on)
                .map_err(|error| ServiceError::Unexpected(anyhow::anyhow!("stored linkage {}: {error}", row.id)))?;
            Ok(SamePair { linkage_id: i64::from(row.id), period })
        })
        .collect()
}

/// Locks the department's row until the transaction ends (PostgreSQL; SQLite has a single
/// writer and ignores the clause).
async fn lock_department(txn: &DatabaseTransaction, department_id: i32) -> Result<(), ServiceError> {
    department::Entity::find_by_id(department_id).lock_exclusive().one(txn).await.map_err(db_err)?;
    Ok(())
}

/// What the caller may see of the records `input` names. For an edit, `existing` is the
/// linkage as stored: its own department, post and officers count as known even when they lie
/// outside the caller's jurisdiction (the linkage's page shows them already).
async fn facts(
    txn: &DatabaseTransaction,
    tree: &AdminTree,
    scope: &Jurisdiction,
    input: &LinkageInput,
    existing: Option<(&linkage::Model, &[i32])>,
) -> Result<Facts, ServiceError> {
    let (department_id, village_id, post_id) = (key(input.department_id), key(input.village_id), key(input.post_id));
    let village = village::Entity::find_by_id(village_id)
        .one(txn)
        .await
        .map_err(db_err)?
        .filter(|row| scope.covers(Some(row.admin_unit_id)));
    let kept = |pick: fn(&linkage::Model) -> i32, id: i32| existing.is_some_and(|(row, _)| pick(row) == id);
    let post_known = post::Entity::find_by_id(post_id)
        .one(txn)
        .await
        .map_err(db_err)?
        .is_some_and(|row| scope.covers(Some(row.admin_unit_id)) || kept(|row| row.post_id, post_id));
    // A department is known in its own unit's jurisdiction and wherever it may work: a
    // prefecture bureau is known to a county official placing it in one of the county's
    // villages; a department elsewhere that could not work in the village is unknown.
    let department_serves_village = match (department::Entity::find_by_id(department_id).one(txn).await, &village) {
        (Err(error), _) => return Err(db_err(error)),
        (Ok(Some(row)), Some(village)) => {
            let serves = tree.jurisdiction(row.admin_unit_id).covers(Some(village.admin_unit_id));
            let known = serves || scope.covers(Some(row.admin_unit_id)) || kept(|row| row.department_id, row.id);
            known.then_some(serves)
        }
        (Ok(_), _) => None,
    };
    let current_officers: &[i32] = existing.map_or(&[], |(_, officers)| officers);
    let officers = user::Entity::find()
        .filter(user::Column::Id.is_in(input.officer_ids.iter().map(|id| key(*id))))
        .all(txn)
        .await
        .map_err(db_err)?
        .into_iter()
        .filter(|row| {
            scope.covers(Some(row.admin_unit_id))
                || row.department_id == Some(department_id)
                || current_officers.contains(&row.id)
        })
        .map(|row| OfficerFacts {
            id: i64::from(row.id),
            department_id: row.department_id.map(i64::from),
            is_liaison_officer: row.role == "liaison_officer",
            is_active: row.is_active,
        })
        .collect();
    let visits_logged = match existing {
        Some((row, _)) => {
            visit::Entity::find().filter(visit::Column::LinkageId.eq(row.id)).count(txn).await.map_err(db_err)?
        }
        None => 0,
    };
    Ok(Facts {
        village_known: village.is_some(),
        post_known,
        department_serves_village,
        officers,
        same_pair: same_pair(txn, department_id, village_id, post_id, existing.map(|(row, _)| row.id)).await?,
        fixed_pair: existing.filter(|_| visits_logged > 0).map(|(row, _)| {
            (visits_logged, [i64::from(row.department_id), i64::from(row.village_id), i64::from(row.post_id)])
        }),
    })
}

/// Writes the checked fields onto an active model.
fn assign(model: &mut linkage::ActiveModel, checked: &NewLinkage) {
    let input = checked.input();
    model.department_id = Set(key(input.department_id));
    model.village_id = Set(key(input.village_id));
    model.post_id = Set(key(input.post_id));
    model.starts_on = Set(input.period.starts_on());
    model.ends_on = Set(input.period.ends_on());
    model.village_visits_per_month = Set(i32::try_from(input.village_visits_per_month).unwrap_or(i32::MAX));
    model.post_visits_per_month = Set(i32::try_from(input.post_visits_per_month).unwrap_or(i32::MAX));
}

/// Replaces the officers of linkage `id` with `officer_ids`.
async fn set_officers(txn: &DatabaseTransaction, id: i32, officer_ids: &[i32]) -> Result<(), ServiceError> {
    linkage_officer::Entity::delete_many()
        .filter(linkage_officer::Column::LinkageId.eq(id))
        .exec(txn)
        .await
        .map_err(db_err)?;
    let rows =
        officer_ids.iter().map(|user_id| linkage_officer::ActiveModel { linkage_id: Set(id), user_id: Set(*user_id) });
    linkage_officer::Entity::insert_many(rows).exec(txn).await.map_err(db_err)?;
    Ok(())
}

/// The stored linkage `id` if its village is in scope, with its officers' ids.
async fn in_scope(
    txn: &DatabaseTransaction,
    scope: &Jurisdiction,
    id: i64,
) -> Result<(linkage::Model, Vec<i32>), ServiceError> {
    let not_found = || ServiceError::NotFound { kind: RecordKind::Linkage, id: id.to_string() };
    let key = small_id(id).ok_or_else(not_found)?;
    let row = linkage::Entity::find_by_id(key)
        .filter(linkages_in_scope(scope))
        .one(txn)
        .await
        .map_err(db_err)?
        .ok_or_else(not_found)?;
    let officers = linkage_officer::Entity::find()
        .filter(linkage_officer::Column::LinkageId.eq(key))
        .order_by_asc(linkage_officer::Column::UserId)
        .all(txn)
        .await
        .map_err(db_err)?
        .into_iter()
        .map(|pair| pair.user_id)
        .collect();
    Ok((row, officers))
}

/// The written linkage as the API shows it, read in the transaction.
async fn detail_of(
    txn: &DatabaseTransaction,
    tree: &AdminTree,
    scope: &Jurisdiction,
    row: linkage::Model,
    tz: chrono_tz::Tz,
) -> Result<LinkageDetail, ServiceError> {
    let id = row.id;
    let rows = linkage_rows(txn, tree, scope, vec![row], records::today(tz)).await?;
    let mut found = details(txn, rows).await?;
    found.pop().ok_or_else(|| ServiceError::Unexpected(anyhow::anyhow!("linkage {id} vanished while written")))
}

fn officer_keys(checked: &NewLinkage) -> Vec<i32> {
    checked.input().officer_ids.iter().map(|id| key(*id)).collect()
}

/// `POST /api/v1/linkages`: creates a linkage with its officers. Needs `ManageLinkages`;
/// the village, post and department must be known in the caller's jurisdiction.
#[tracing::instrument(skip(db, caller, input))]
pub async fn create(
    db: &DatabaseConnection,
    caller: Option<&Principal>,
    input: LinkageInput,
    tz: chrono_tz::Tz,
) -> Result<LinkageDetail, ServiceError> {
    let principal = auth::require(caller, Action::ManageLinkages)?;
    let scope = &principal.jurisdiction;
    let tree = AdminTree::load(db).await?;
    let txn = db.begin().await.map_err(db_err)?;
    lock_department(&txn, key(input.department_id)).await?;
    let facts = facts(&txn, &tree, scope, &input, None).await?;
    let checked = NewLinkage::check(input, &facts)?;
    let mut model =
        linkage::ActiveModel { id: NotSet, created_at: Set(Utc::now()), is_demo: Set(false), ..Default::default() };
    assign(&mut model, &checked);
    let row = model.insert(&txn).await.map_err(db_err)?;
    let officers = officer_keys(&checked);
    set_officers(&txn, row.id, &officers).await?;
    audit::write_by(&txn, principal, "create", "linkage", row.id, None, snapshot(&row, &officers)).await?;
    let detail = detail_of(&txn, &tree, scope, row, tz).await?;
    txn.commit().await.map_err(db_err)?;
    Ok(detail)
}

/// `PUT /api/v1/linkages/{id}`: replaces every field and the officers of a linkage in scope,
/// under the same rules as a new one. A linkage with logged visits keeps its department,
/// village and post (its visits were made to them).
#[tracing::instrument(skip(db, caller, input))]
pub async fn update(
    db: &DatabaseConnection,
    caller: Option<&Principal>,
    id: i64,
    input: LinkageInput,
    tz: chrono_tz::Tz,
) -> Result<LinkageDetail, ServiceError> {
    let principal = auth::require(caller, Action::ManageLinkages)?;
    let scope = &principal.jurisdiction;
    let tree = AdminTree::load(db).await?;
    let txn = db.begin().await.map_err(db_err)?;
    lock_department(&txn, key(input.department_id)).await?;
    let (before, before_officers) = in_scope(&txn, scope, id).await?;
    let facts = facts(&txn, &tree, scope, &input, Some((&before, &before_officers))).await?;
    let checked = NewLinkage::check(input, &facts)?;
    let mut model: linkage::ActiveModel = before.clone().into();
    assign(&mut model, &checked);
    let row = model.update(&txn).await.map_err(db_err)?;
    let officers = officer_keys(&checked);
    set_officers(&txn, row.id, &officers).await?;
    let before_snapshot = snapshot(&before, &before_officers);
    audit::write_by(&txn, principal, "update", "linkage", row.id, Some(before_snapshot), snapshot(&row, &officers))
        .await?;
    let detail = detail_of(&txn, &tree, scope, row, tz).await?;
    txn.commit().await.map_err(db_err)?;
    Ok(detail)
}

/// `POST /api/v1/linkages/{id}/end`: sets the last day of a linkage in scope. The day may not
/// come before its start, nor make it overlap another linkage of the same pair.
#[tracing::instrument(skip(db, caller))]
pub async fn end(
    db: &DatabaseConnection,
    caller: Option<&Principal>,
    id: i64,
    ends_on: NaiveDate,
    tz: chrono_tz::Tz,
) -> Result<LinkageDetail, ServiceError> {
    let principal = auth::require(caller, Action::ManageLinkages)?;
    let scope = &principal.jurisdiction;
    let tree = AdminTree::load(db).await?;
    let txn = db.begin().await.map_err(db_err)?;
    let (before, officers) = in_scope(&txn, scope, id).await?;
    lock_department(&txn, before.department_id).await?;
    let period = Period::new(before.starts_on, before.ends_on)
        .and_then(|period| period.ended(ends_on))
        .map_err(DomainError::from)?;
    let others = same_pair(&txn, before.department_id, before.village_id, before.post_id, Some(before.id)).await?;
    check_overlap(&period, &others).map_err(DomainError::from)?;
    let mut model: linkage::ActiveModel = before.clone().into();
    model.ends_on = Set(Some(ends_on));
    let row = model.update(&txn).await.map_err(db_err)?;
    audit::write_by(
        &txn,
        principal,
        "end",
        "linkage",
        row.id,
        Some(snapshot(&before, &officers)),
        snapshot(&row, &officers),
    )
    .await?;
    let detail = detail_of(&txn, &tree, scope, row, tz).await?;
    txn.commit().await.map_err(db_err)?;
    Ok(detail)
}
