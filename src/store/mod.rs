//! The database: connection (SQLite by default, PostgreSQL by URL), migrations and queries.
//! sea-orm entities live here and in `services/`, never in `domain/`, `border/` or HTTP code.

pub mod entities;
pub mod features;
pub mod incident_bins;
pub mod incident_cells;
pub mod incident_rollup;
pub mod located;
pub mod meta;

use std::path::Path;
use std::time::Duration;

use migration::{Migrator, MigratorTrait};
use sea_orm::sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqliteSynchronous};
use sea_orm::{ConnectOptions, ConnectionTrait, Database, DatabaseBackend, DatabaseConnection, DbErr};

use crate::config::DatabaseSettings;

/// The store's error.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("database error: {0}")]
    Db(#[from] DbErr),
    #[error("cannot create the database directory {path}: {source}")]
    Directory { path: String, source: std::io::Error },
    #[error("unsupported database URL {0:?}: use sqlite://… or postgres://…")]
    UnsupportedUrl(String),
    #[error("the database cannot be reached: {0}")]
    Unreachable(String),
}

/// Connects to the database named by the settings. For SQLite the file's directory is created
/// if missing, the journal is WAL and foreign keys are enforced on every connection.
pub async fn connect(settings: &DatabaseSettings) -> Result<DatabaseConnection, StoreError> {
    let url = settings.url.as_str();
    let is_sqlite = url.starts_with("sqlite:");
    if !is_sqlite && !url.starts_with("postgres://") && !url.starts_with("postgresql://") {
        return Err(StoreError::UnsupportedUrl(url.to_owned()));
    }
    if is_sqlite {
        ensure_sqlite_directory(url)?;
    }
    let mut options = ConnectOptions::new(url.to_owned());
    options
        .max_connections(settings.max_connections)
        .min_connections(0)
        .connect_timeout(Duration::from_secs(5))
        .acquire_timeout(Duration::from_secs(5))
        .sqlx_logging(false)
        .map_sqlx_sqlite_opts(|opts: SqliteConnectOptions| {
            opts.journal_mode(SqliteJournalMode::Wal)
                .synchronous(SqliteSynchronous::Normal)
                .foreign_keys(true)
                .busy_timeout(Duration::from_secs(10))
                .create_if_missing(true)
        });
    Database::connect(options).await.map_err(|error| match error {
        DbErr::Conn(cause) => StoreError::Unreachable(cause.to_string()),
        other => StoreError::Db(other),
    })
}

/// Applies every pending migration.
pub async fn migrate(db: &DatabaseConnection) -> Result<(), StoreError> {
    Migrator::up(db, None).await?;
    Ok(())
}

/// "sqlite" or "postgres", for messages.
pub fn backend_name(db: &DatabaseConnection) -> &'static str {
    match db.get_database_backend() {
        DatabaseBackend::Sqlite => "sqlite",
        DatabaseBackend::Postgres => "postgres",
        _ => "other",
    }
}

/// True when the database answers a trivial query.
pub async fn ping(db: &DatabaseConnection) -> bool {
    db.ping().await.is_ok() && db.execute_unprepared("SELECT 1").await.is_ok()
}

fn ensure_sqlite_directory(url: &str) -> Result<(), StoreError> {
    let rest = url.trim_start_matches("sqlite:").trim_start_matches("//");
    let path = rest.split('?').next().unwrap_or_default();
    if path.is_empty() || path.starts_with(":memory:") {
        return Ok(());
    }
    if let Some(parent) = Path::new(path).parent().filter(|parent| !parent.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent)
            .map_err(|source| StoreError::Directory { path: parent.display().to_string(), source })?;
    }
    Ok(())
}
