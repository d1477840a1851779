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
