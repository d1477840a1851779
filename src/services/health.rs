//! Liveness of the service and its database.

use sea_orm::DatabaseConnection;

use crate::store;

/// What `/healthz` reports.
#[derive(Clone, Debug, serde::Serialize)]
pub struct Health {
    pub database: &'static str,
    pub backend: &'static str,
}

/// `Ok` when the database answers; `Err` with the backend name when it does not.
#[tracing::instrument(skip_all)]
pub async fn check(db: &DatabaseConnection) -> Result<Health, &'static str> {
    let backend = store::backend_name(db);
    if store::ping(db).await { Ok(Health { database: "ok", backend }) } else { Err(backend) }
}
