//! Logging with `tracing`: `RUST_LOG` filters (default `info`, sqlx quiet), output to stderr.

use tracing_subscriber::EnvFilter;

/// Installs the global subscriber once; later calls are ignored (tests call it repeatedly).
pub fn init() {
    init_with_default("info,sqlx=warn,sea_orm=warn");
}

/// Like [`init`] with another default filter when `RUST_LOG` is not set (tests use `warn`).
pub fn init_with_default(default_filter: &str) {
    let filter = EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new(default_filter));
    let _ = tracing_subscriber::fmt().with_env_filter(filter).with_writer(std::io::stderr).try_init();
}
