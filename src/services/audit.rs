//! The audit trail: append-only. There is deliberately no update or delete function here.

use chrono::Utc;
use sea_orm::ActiveValue::{NotSet, Set};
use sea_orm::{ActiveModelTrait, ConnectionTrait};

use super::ServiceError;
use crate::store::StoreError;
use crate::store::entities::audit_event;

/// One audited write.
#[derive(Clone, Debug)]
pub struct Event<'a> {
    pub actor_user_id: Option<i32>,
    pub action: &'a str,
    pub record_type: &'a str,
    pub record_id: String,
    pub before: Option<serde_json::Value>,
    pub after: Option<serde_json::Value>,
}

/// Appends an event on `db` (pass the write's transaction so both commit or neither does).
pub async fn record(db: &impl ConnectionTrait, event: Event<'_>) -> Result<(), ServiceError> {
    audit_event::ActiveModel {
        id: NotSet,
        at: Set(Utc::now()),
        actor_user_id: Set(event.actor_user_id),
        action: Set(event.action.to_owned()),
        record_type: Set(event.record_type.to_owned()),
        record_id: Set(event.record_id),
        before: Set(event.before),
        after: Set(event.after),
        request_id: Set(None),
    }
    .insert(db)
    .await
    .map_err(|error| ServiceError::from(StoreError::from(error)))?;
    Ok(())
}

/// What a write by `principal` did to record `record_type` `id`: its state before (`None` for
/// a creation) and after, appended on `db` (the write's transaction).
pub async fn write_by(
    db: &impl ConnectionTrait,
    principal: &super::auth::Principal,
    action: &str,
    record_type: &str,
    id: i32,
    before: Option<serde_json::Value>,
    after: serde_json::Value,
) -> Result<(), ServiceError> {
    record(
        db,
        Event {
            actor_user_id: Some(principal.user_id),
            action,
            record_type,
            record_id: id.to_string(),
            before,
            after: Some(after),
        },
    )
    .await
}

/// Filters of the audit listing; all optional.
#[derive(Clone, Debug, Default)]
pub struct AuditFilter {
    pub action: Option<String>,
    pub record_type: Option<String>,
    pub record_id: Option<String>,
    /// User name of the actor.
    pub actor: Option<String>,
    pub from: Option<chrono::DateTime<Utc>>,
    pub to: Option<chrono::DateTime<Utc>>,
}

/// An audit event as listed.
#[derive(Debug, serde::Serialize)]
pub struct AuditView {
    pub id: i64,
    pub at: chrono::DateTime<Utc>,
    pub actor_user_id: Option<i32>,
    pub action: String,
    pub record_type: String,
    pub record_id: String,
    pub before: Option<serde_json::Value>,
    pub after: Option<serde_json::Value>,
}

/// Audit events, newest first: all for a prefecture-wide caller, otherwise those whose actor
/// belongs to the caller's jurisdiction.
pub async fn list(
    db: &sea_orm::DatabaseConnection,
    caller: Option<&super::auth::Principal>,
    filter: AuditFilter,
    page: crate::domain::paging::Page,
) -> Result<super::places::PageOf<AuditView>, ServiceError> {
    use crate::domain::auth::{Action, Jurisdiction};
    use crate::store::entities::user;
    use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, QuerySelect};
    let principal = super::auth::require(caller, Action::ReadAudit)?;
    let db_err = |error: sea_orm::DbErr| ServiceError::from(StoreError::from(error));
    let mut select = audit_event::Entity::find();
    if let Jurisdiction::Units(units) = &principal.jurisdiction {
        let actors: Vec<i32> = user::Entity::find()
            .filter(user::Column::AdminUnitId.is_in(units.iter().copied()))
            .select_only()
            .column(user::Column::Id)
            .into_tuple()
            .all(db)
            .await
            .map_err(db_err)?;
        select = select.filter(audit_event::Column::ActorUserId.is_in(actors));
    }
    if let Some(username) = &filter.actor {
        let actor =
            user::Entity::find().filter(user::Column::Username.eq(username.as_str())).one(db).await.map_err(db_err)?;
        select = select.filter(audit_event::Column::ActorUserId.eq(actor.map_or(-1, |row| row.id)));
    }
    if let Some(action) = &filter.action {
        select = select.filter(audit_event::Column::Action.eq(action.as_str()));
    }
    if let Some(record_type) = &filter.record_type {
        select = select.filter(audit_event::Column::RecordType.eq(record_type.as_str()));
    }
    if let Some(record_id) = &filter.record_id {
        select = select.filter(audit_event::Column::RecordId.eq(record_id.as_str()));
    }
    if let Some(from) = filter.from {
        select = select.filter(audit_event::Column::At.gte(from));
    }
    if let Some(to) = filter.to {
        select = select.filter(audit_event::Column::At.lt(to));
    }
    let matched = select.clone().count(db).await.map_err(db_err)?;
    let rows = select
        .order_by_desc(audit_event::Column::Id)
        .offset(page.offset())
        .limit(page.limit())
        .all(db)
        .await
        .map_err(db_err)?;
    let items = rows
        .into_iter()
        .map(|row| AuditView {
            id: row.id,
            at: row.at,
            actor_user_id: row.actor_user_id,
            action: row.action,
            record_type: row.record_type,
            record_id: row.record_id,
            before: row.before,
            after: row.after,
        })
        .collect();
    Ok(super::places::PageOf { items, matched })
}
