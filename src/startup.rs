//! Builds the application: database, migrations, HTTP server. `banna serve` and the tests
//! start the app through the same [`Application::build`].

use std::net::TcpListener;
use std::sync::Arc;
use std::time::Duration;

use actix_web::dev::Server;
use actix_web::middleware::{DefaultHeaders, NormalizePath, TrailingSlash, from_fn};
use actix_web::{App, HttpServer, web};
use sea_orm::DatabaseConnection;
use tracing_actix_web::TracingLogger;

use crate::api;
use crate::border::Border;
use crate::config::Settings;
use crate::services;
use crate::store;

/// Shared, read-only state of every request.
pub struct AppState {
    pub db: DatabaseConnection,
    pub settings: Arc<Settings>,
    /// The border in force when the app started (`banna border import` needs a restart).
    pub border: Arc<Border>,
}

/// A built, bound, not yet running server.
pub struct Application {
    port: u16,
    server: Server,
    db: DatabaseConnection,
}

impl Application {
    /// Connects, migrates and binds (`server.bind` may use port 0).
    pub async fn build(settings: Settings) -> anyhow::Result<Application> {
        let db = store::connect(&settings.database).await?;
        store::migrate(&db).await?;
        Application::build_with(settings, db).await
    }

    /// Binds the server over an existing, migrated connection.
    pub async fn build_with(settings: Settings, db: DatabaseConnection) -> anyhow::Result<Application> {
        let border = services::border::active(&db).await?;
        services::trends::ensure_rollup(&db, settings.time_zone()).await?;
        let listener = TcpListener::bind(settings.server.bind)?;
        let port = listener.local_addr()?.port();
        let shutdown_timeout = settings.server.shutdown_timeout_s;
        let json_limit_bytes = settings.api.json_limit_bytes;
        let content_security_policy = content_security_policy(&settings.map);
        let state = web::Data::new(AppState { db: db.clone(), settings: Arc::new(settings), border });
        let server = HttpServer::new(move || {
            App::new()
                .wrap(from_fn(api::problem::localize_problems))
                .wrap(from_fn(api::lang::remember_language))
                .wrap(security_headers(&content_security_policy))
                .wrap(NormalizePath::new(TrailingSlash::Trim))
                .wrap(TracingLogger::default())
                .app_data(state.clone())
                .configure(api::configure(json_limit_bytes))
                .configure(crate::web::configure)
                .default_service(web::to(api::route_not_found))
        })
        .listen(listener)?
        .shutdown_timeout(shutdown_timeout)
        .disable_signals()
        .run();
        Ok(Application { port, server, db })
    }

    pub fn port(&self) -> u16 {
        self.port
    }

    pub fn db(&self) -> &DatabaseConnection {
        &self.db
    }

    /// Runs until the server stops; SIGINT or SIGTERM stops it gracefully (requests in flight
    /// may finish within `server.shutdown_timeout_s`). Then the database pool is closed.
    pub async fn run_until_stopped(self) -> anyhow::Result<()> {
        let handle = self.server.handle();
        let signals = tokio::spawn(async move {
            if shutdown_signal().await.is_ok() {
                tracing::info!("shutdown signal received: stopping gracefully");
                handle.stop(true).await;
            }
        });
        let served = self.server.await;
        signals.abort();
        served?;
        let closing = tokio::time::timeout(Duration::from_secs(5), self.db.close());
        if let Ok(Err(error)) = closing.await {
            tracing::warn!(%error, "closing the database pool failed");
        }
        Ok(())
    }
}

/// Resolves on SIGINT (Ctrl+C) or, on Unix, SIGTERM.
async fn shutdown_signal() -> std::io::Result<()> {
    #[cfg(unix)]
    {
        let mut terminate = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())?;
        tokio::select! {
            interrupted = tokio::signal::ctrl_c() => interrupted,
            _ = terminate.recv() => Ok(()),
        }
    }
    #[cfg(not(unix))]
    {
        tokio::signal::ctrl_c().await
    }
}

/// The Content-Security-Policy: nothing inline or foreign, except the operator's map tiles.
pub fn content_security_policy(map: &crate::config::MapSettings) -> String {
    let tiles = map.tile_origin().map(|origin| format!(" {origin}")).unwrap_or_default();
    format!(
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:{tiles}; \
         frame-ancestors 'none'; base-uri 'none'; form-action 'self'"
    )
}

/// Headers every response carries: no inline or foreign scripts, no framing, no sniffing,
/// no referrer leaking record URLs.
fn security_headers(content_security_policy: &str) -> DefaultHeaders {
    DefaultHeaders::new()
        .add(("Content-Security-Policy", content_security_policy.to_owned()))
        .add(("X-Content-Type-Options", "nosniff"))
        .add(("Referrer-Policy", "no-referrer"))
        .add(("X-Frame-Options", "DENY"))
}
