//! The `banna` command line: arguments are parsed into typed values before any I/O, then
//! each command drives the same services as the HTTP server.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use fluent_bundle::FluentValue;
use unic_langid::LanguageIdentifier;

use crate::config::Settings;
use crate::i18n::Localizer;
use crate::services::demo::{self, DemoOptions, DemoOutcome};
use crate::startup::Application;
use crate::store;

/// banna: border-area governance and legal-outreach toolkit for Xishuangbanna.
///
/// Settings come from defaults, then `banna.toml` (or --config), then BANNA_* environment
/// variables (e.g. BANNA_SERVER__BIND=0.0.0.0:8080); DATABASE_URL selects the database
/// (default: the SQLite file data/banna.db).
#[derive(Debug, Parser)]
#[command(name = "banna", version, about, long_about)]
pub struct Cli {
    /// Settings file (TOML). Default: banna.toml in the working directory, if present.
    #[arg(long, global = true, value_name = "FILE")]
    pub config: Option<PathBuf>,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Run the web server (migrates the database first).
    Serve {
        /// Address to listen on, e.g. 127.0.0.1:8080 (overrides server.bind).
        #[arg(long, value_name = "ADDR")]
        bind: Option<SocketAddr>,
        /// Load the demo data first if the database is empty.
        #[arg(long)]
        demo: bool,
    },
    /// Apply pending database migrations and exit.
    Migrate,
    /// Load the deterministic demo data (idempotent: a second run adds nothing).
    Demo {
        /// Seed of the generator: the same seed gives the same data.
        #[arg(long, default_value_t = demo::DEFAULT_SEED)]
        seed: u64,
        /// Number of incidents over 2023 and 2024; from 3000 up the published year-on-year
        /// changes are reproduced within 0.1 percentage point.
        #[arg(long, default_value_t = demo::DEFAULT_INCIDENTS, value_parser = clap::value_parser!(u64).range(demo::MIN_INCIDENTS..=50_000_000))]
        incidents: u64,
    },
}

/// Runs the parsed command; errors are printed with their cause chain.
pub async fn run(cli: Cli) -> ExitCode {
    let localizer = Localizer::global();
    let settings = match Settings::load(cli.config.as_deref()) {
        Ok(settings) => settings,
        Err(error) => {
            return fail(
                localizer,
                &localizer.default_locale().clone(),
                &anyhow::Error::new(error),
            );
        }
    };
    let lang = localizer.negotiate([settings.locale.default.as_str()]);
    if let Err(reason) = settings.validate() {
        return fail(localizer, &lang, &anyhow::anyhow!(reason));
    }
    let outcome = match cli.command {
        Command::Serve { bind, demo } => serve(settings, bind, demo, localizer, &lang).await,
        Command::Migrate => migrate(settings, localizer, &lang).await,
        Command::Demo { seed, incidents } => {
            load_demo(settings, DemoOptions { seed, incidents }, localizer, &lang).await
        }
    };
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => fail(localizer, &lang, &error),
    }
}

fn fail(localizer: &Localizer, lang: &LanguageIdentifier, error: &anyhow::Error) -> ExitCode {
    eprintln!(
        "{}: {}",
        localizer.text(lang, "cli-error"),
        describe(error, localizer, lang)
    );
    ExitCode::FAILURE
}

/// A localized sentence for the errors a user can fix, the cause chain for the rest.
fn describe(error: &anyhow::Error, localizer: &Localizer, lang: &LanguageIdentifier) -> String {
    match error.downcast_ref::<store::StoreError>() {
        Some(store::StoreError::UnsupportedUrl(url)) => localizer.format(
            lang,
            "cli-error-database-url",
            &[("url", FluentValue::from(url.clone()))],
        ),
        Some(store::StoreError::Unreachable(cause)) => localizer.format(
            lang,
            "cli-error-database-unreachable",
            &[("cause", FluentValue::from(cause.clone()))],
        ),
        _ => format!("{error:#}"),
    }
}

async fn migrate(
    settings: Settings,
    localizer: &Localizer,
    lang: &LanguageIdentifier,
) -> anyhow::Result<()> {
    let db = store::connect(&settings.database).await?;
    store::migrate(&db).await?;
    let backend = store::backend_name(&db);
    println!(
        "{}",
        localizer.format(
            lang,
            "cli-migrated",
            &[("database", FluentValue::from(backend))]
        )
    );
    db.close().await?;
    Ok(())
}

async fn load_demo(
    settings: Settings,
    options: DemoOptions,
    localizer: &Localizer,
    lang: &LanguageIdentifier,
) -> anyhow::Result<()> {
    let db = store::connect(&settings.database).await?;
    store::migrate(&db).await?;
    let outcome = demo::load(&db, options, settings.time_zone(), demo::Progress::Bars).await?;
    report_demo(&outcome, localizer, lang);
    db.close().await?;
    Ok(())
}

fn report_demo(outcome: &DemoOutcome, localizer: &Localizer, lang: &LanguageIdentifier) {
    let text = match outcome {
        DemoOutcome::Loaded {
            seed,
            villages,
            posts,
            departments,
            incidents,
            seconds,
        } => localizer.format(
            lang,
            "cli-demo-loaded",
            &[
                ("seed", FluentValue::from(seed.to_string())),
                ("villages", FluentValue::from(*villages)),
                ("posts", FluentValue::from(*posts)),
                ("departments", FluentValue::from(*departments)),
                ("incidents", FluentValue::from(*incidents)),
                ("seconds", FluentValue::from(format!("{seconds:.1}"))),
            ],
        ),
        DemoOutcome::AlreadyLoaded { seed, incidents } => localizer.format(
            lang,
            "cli-demo-already",
            &[
                ("seed", FluentValue::from(seed.clone())),
                ("incidents", FluentValue::from(incidents.clone())),
            ],
        ),
        DemoOutcome::NotEmpty => localizer.text(lang, "cli-demo-skipped-not-empty"),
    };
    eprintln!("{text}");
}

async fn serve(
    mut settings: Settings,
    bind: Option<SocketAddr>,
    with_demo: bool,
    localizer: &Localizer,
    lang: &LanguageIdentifier,
) -> anyhow::Result<()> {
    if let Some(address) = bind {
        settings.server.bind = address;
    }
    let db = store::connect(&settings.database).await?;
    store::migrate(&db).await?;
    if with_demo {
        let options = DemoOptions {
            seed: demo::DEFAULT_SEED,
            incidents: demo::DEFAULT_INCIDENTS,
        };
        let outcome =
            demo::load_if_empty(&db, options, settings.time_zone(), demo::Progress::Bars).await?;
        report_demo(&outcome, localizer, lang);
    }
    let app = Application::build_with(settings, db)?;
    let address = format!("127.0.0.1:{}", app.port());
    tracing::info!(port = app.port(), "listening");
    eprintln!(
        "{}",
        localizer.format(
            lang,
            "cli-serving",
            &[("address", FluentValue::from(address))]
        )
    );
    app.run_until_stopped().await?;
    eprintln!("{}", localizer.text(lang, "cli-stopped"));
    Ok(())
}
