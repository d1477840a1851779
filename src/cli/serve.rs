//! `banna serve` and `banna migrate`.

use std::net::SocketAddr;

use fluent_bundle::FluentValue;

use super::{Context, Failure};
use crate::services;
use crate::services::demo::{DEFAULT_INCIDENTS, DEFAULT_SEED, DemoOptions, Progress};
use crate::startup::Application;
use crate::store;

pub async fn migrate(context: &Context) -> Result<(), Failure> {
    let db = store::connect(&context.settings.database).await?;
    store::migrate(&db).await?;
    let backend = store::backend_name(&db);
    println!("{}", context.say("cli-migrated", &[("database", FluentValue::from(backend))]));
    db.close().await?;
    Ok(())
}

pub async fn serve(context: &Context, bind: Option<SocketAddr>, with_demo: bool) -> Result<(), Failure> {
    let mut settings = context.settings.clone();
    if let Some(address) = bind {
        settings.server.bind = address;
    }
    let db = store::connect(&settings.database).await?;
    store::migrate(&db).await?;
    if with_demo {
        let border = services::border::active(&db).await?;
        let options = DemoOptions { seed: DEFAULT_SEED, incidents: DEFAULT_INCIDENTS };
        let outcome = services::demo::load(&db, &border, options, settings.time_zone(), Progress::Bars).await?;
        eprintln!("{}", super::demo::describe(context, &outcome));
        let accounts = services::auth::ensure_demo_accounts(&db).await?;
        if !accounts.is_empty() {
            eprintln!("{}", context.say("cli-demo-accounts", &[]));
            for account in &accounts {
                eprintln!(
                    "  {:<28} {:<22} {}  {}",
                    account.username, account.role, account.jurisdiction_code, account.password
                );
            }
        }
    }
    let ip = settings.server.bind.ip();
    let app = Application::build_with(settings, db).await?;
    let address = SocketAddr::new(ip, app.port()).to_string();
    tracing::info!(%address, "listening");
    eprintln!("{}", context.say("cli-serving", &[("address", FluentValue::from(address))]));
    app.run_until_stopped().await?;
    eprintln!("{}", context.say("cli-stopped", &[]));
    Ok(())
}
