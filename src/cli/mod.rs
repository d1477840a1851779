//! The `banna` command line: arguments are parsed into typed values before any I/O, then
//! each command drives the same services as the HTTP server.

mod border;
mod demo;
mod import;
mod locales;
mod locate;
mod report;
mod serve;
mod user;

use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use fluent_bundle::FluentValue;
use unic_langid::LanguageIdentifier;

use crate::config::Settings;
use crate::i18n::Localizer;
use crate::services::ServiceError;
use crate::services::demo::{DEFAULT_INCIDENTS, DEFAULT_SEED, MIN_INCIDENTS};
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
        #[arg(long, default_value_t = DEFAULT_SEED)]
        seed: u64,
        /// Number of incidents over 2023 and 2024; from 3000 up the published year-on-year
        /// changes are reproduced within 0.1 percentage point.
        #[arg(long, default_value_t = DEFAULT_INCIDENTS, value_parser = clap::value_parser!(u64).range(MIN_INCIDENTS..=50_000_000))]
        incidents: u64,
    },
    /// Locate CSV rows against the border: reads a header with `lon` and `lat` columns (WGS84
    /// degrees; other columns pass through) and writes the rows with border_km (6 decimals),
    /// distance_m (2 decimals), section (MM/LA) and side (cn/abroad) appended. Streams: memory
    /// stays constant. A bad row is reported on stderr with its line number and skipped.
    Locate {
        /// Border GeoJSON (sections CN-MM-XSBN, CN-LA-XSBN); default: the shipped line.
        #[arg(long, value_name = "FILE")]
        border: Option<PathBuf>,
        /// Input CSV, or - for standard input.
        #[arg(long, value_name = "FILE|-", default_value = "-")]
        input: PathBuf,
        /// Output CSV, or - for standard output.
        #[arg(long, value_name = "FILE|-", default_value = "-")]
        output: PathBuf,
        /// Stop at the first bad row with exit code 2.
        #[arg(long)]
        strict: bool,
    },
    /// Accounts: the password is read from the terminal, or from standard input when it is
    /// not a terminal (scripts), never from the command line; at least 12 characters.
    User {
        #[command(subcommand)]
        command: UserCommand,
    },
    /// Message catalogues (Fluent).
    Locales {
        #[command(subcommand)]
        command: LocalesCommand,
    },
    /// The border line in force.
    Border {
        #[command(subcommand)]
        command: BorderCommand,
    },
    /// Bulk imports, each in one transaction: on any invalid record nothing is stored.
    Import {
        #[command(subcommand)]
        command: ImportCommand,
    },
    /// The yearly report of the whole prefecture: incidents and persons apprehended year on
    /// year (in total, by section and by county), the key villages' indicators, linkage visit
    /// compliance, outreach coverage and case handling time. Missing data say so; a bad or
    /// missing year exits with code 2.
    Report {
        /// The year reported on, compared with the year before (e.g. 2024).
        #[arg(long)]
        year: Option<String>,
        /// Language of the report: zh-CN or en (default: locale.default).
        #[arg(long, value_name = "LANG")]
        lang: Option<String>,
        /// md (Markdown) or html (a standalone page, ready to print).
        #[arg(long, value_enum, default_value_t = report::Format::Md)]
        format: report::Format,
        /// Write the report to FILE instead of standard output.
        #[arg(long, value_name = "FILE")]
        output: Option<PathBuf>,
    },
}

#[derive(Debug, Subcommand)]
pub enum UserCommand {
    /// Create an account.
    Add {
        #[arg(long)]
        username: String,
        /// admin, official, liaison_officer, outreach_coordinator, outreach_member or post_staff.
        #[arg(long)]
        role: String,
        /// Code of the admin unit the user sees (e.g. 532800 prefecture, 532822 Menghai).
        #[arg(long, value_name = "CODE")]
        jurisdiction: String,
        /// Department id, for liaison officers.
        #[arg(long, value_name = "ID")]
        department: Option<i32>,
    },
    /// Set a user's password (ends the user's sessions).
    Passwd { username: String },
}

#[derive(Debug, Subcommand)]
pub enum LocalesCommand {
    /// Print each locale's coverage of the zh-CN reference and every syntax error; fails
    /// (exit 2) on a syntax error or a message missing from zh-CN or en.
    Check {
        /// The locales folder (one folder per BCP 47 tag).
        #[arg(long, default_value = "locales")]
        dir: std::path::PathBuf,
    },
}

#[derive(Debug, Subcommand)]
pub enum ImportCommand {
    /// Import cross-border incidents from a GeoJSON FeatureCollection of Points (properties
    /// occurred_at, category, persons_apprehended, villagers_involved, and optionally
    /// village_id, description, source) or a CSV with the header columns lon, lat,
    /// occurred_at, category, persons, villagers and optionally village_id, description,
    /// source. Every record is checked as the API checks it and gets its border fields; if any
    /// is invalid, nothing is stored, the first 20 errors are listed by feature index
    /// (from 0) or line number, and the exit code is 2.
    Incidents {
        /// The file, or - for standard input (then --format is needed).
        #[arg(value_name = "FILE|-")]
        file: PathBuf,
        /// The datum of the coordinates: wgs84, or gcj02 (Chinese web maps), converted to WGS84.
        #[arg(long, default_value = "wgs84", value_parser = parse_datum)]
        datum: crate::domain::gcj02::Datum,
        /// geojson or csv; by default from the file's extension (.geojson/.json, .csv).
        #[arg(long, value_parser = parse_format)]
        format: Option<crate::services::incidents::ImportFormat>,
    },
}

fn parse_datum(text: &str) -> Result<crate::domain::gcj02::Datum, String> {
    crate::domain::gcj02::Datum::parse(text).ok_or_else(|| format!("{text:?}: use wgs84 or gcj02"))
}

fn parse_format(text: &str) -> Result<crate::services::incidents::ImportFormat, String> {
    use crate::services::incidents::ImportFormat;
    match text.to_ascii_lowercase().as_str() {
        "geojson" | "json" => Ok(ImportFormat::GeoJson),
        "csv" => Ok(ImportFormat::Csv),
        _ => Err(format!("{text:?}: use geojson or csv")),
    }
}

#[derive(Debug, Subcommand)]
pub enum BorderCommand {
    /// Show the line in force: measured length per section against the official length.
    Info,
    /// Replace the line (GeoJSON with the sections CN-MM-XSBN and CN-LA-XSBN) and recompute
    /// every stored record's border fields, in one transaction: on any error nothing changes.
    Import {
        /// The new border GeoJSON.
        file: PathBuf,
        /// Boundary pillars, CSV `number,lon,lat`.
        #[arg(long, value_name = "FILE")]
        pillars: Option<PathBuf>,
    },
}

/// What a command reports besides success: a failure that has its own exit code.
pub enum Failure {
    /// A general error (exit 1).
    Error(anyhow::Error),
    /// Input rejected in strict mode (exit 2); the message was printed already.
    Rejected,
}

impl<E: Into<anyhow::Error>> From<E> for Failure {
    fn from(error: E) -> Self {
        Failure::Error(error.into())
    }
}

/// What every command gets: settings, messages in the configured language.
pub struct Context {
    pub settings: Settings,
    pub localizer: &'static Localizer,
    pub lang: LanguageIdentifier,
}

impl Context {
    pub fn say(&self, id: &str, args: &[(&str, FluentValue<'_>)]) -> String {
        self.localizer.format(&self.lang, id, args)
    }
}

/// Runs the parsed command; errors are printed with their cause chain.
pub async fn run(cli: Cli) -> ExitCode {
    let localizer = Localizer::global();
    let default_lang = localizer.default_locale().clone();
    let settings = match Settings::load(cli.config.as_deref()) {
        Ok(settings) => settings,
        Err(error) => return fail(localizer, &default_lang, &anyhow::Error::new(error)),
    };
    let lang = localizer.negotiate([settings.locale.default.as_str()]);
    if let Err(reason) = settings.validate() {
        return fail(localizer, &lang, &anyhow::anyhow!(reason));
    }
    let context = Context { settings, localizer, lang };
    let outcome = match cli.command {
        Command::Serve { bind, demo } => serve::serve(&context, bind, demo).await,
        Command::Migrate => serve::migrate(&context).await,
        Command::Demo { seed, incidents } => demo::load(&context, seed, incidents).await,
        Command::Locate { border, input, output, strict } => locate::locate(&context, border, input, output, strict),
        Command::User { command: UserCommand::Add { username, role, jurisdiction, department } } => {
            user::add(&context, &username, &role, &jurisdiction, department).await
        }
        Command::User { command: UserCommand::Passwd { username } } => user::passwd(&context, &username).await,
        Command::Border { command: BorderCommand::Info } => border::info(&context).await,
        Command::Locales { command: LocalesCommand::Check { dir } } => locales::check(&context, &dir),
        Command::Border { command: BorderCommand::Import { file, pillars } } => {
            border::import(&context, &file, pillars.as_deref()).await
        }
        Command::Import { command: ImportCommand::Incidents { file, datum, format } } => {
            import::incidents(&context, &file, datum, format).await
        }
        Command::Report { year, lang, format, output } => {
            report::yearly(&context, year.as_deref(), lang.as_deref(), format, output.as_deref()).await
        }
    };
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure::Rejected) => ExitCode::from(2),
        Err(Failure::Error(error)) => fail(localizer, &context.lang, &error),
    }
}

fn fail(localizer: &Localizer, lang: &LanguageIdentifier, error: &anyhow::Error) -> ExitCode {
    eprintln!("{}: {}", localizer.text(lang, "cli-error"), describe(error, localizer, lang));
    ExitCode::FAILURE
}

/// Arguments as Fluent values.
pub fn fluent_args(args: &[(&'static str, String)]) -> Vec<(&'static str, FluentValue<'static>)> {
    args.iter().map(|(name, value)| (*name, FluentValue::from(value.clone()))).collect()
}

/// A localized sentence for the errors a user can fix, the cause chain for the rest.
fn describe(error: &anyhow::Error, localizer: &Localizer, lang: &LanguageIdentifier) -> String {
    if let Some(store::StoreError::UnsupportedUrl(url)) = error.downcast_ref::<store::StoreError>() {
        return localizer.format(lang, "cli-error-database-url", &[("url", FluentValue::from(url.clone()))]);
    }
    if let Some(store::StoreError::Unreachable(cause)) = error.downcast_ref::<store::StoreError>() {
        return localizer.format(
            lang,
            "cli-error-database-unreachable",
            &[("cause", FluentValue::from(cause.clone()))],
        );
    }
    if let Some(border) = error.downcast_ref::<crate::border::BorderError>() {
        return localizer.format(lang, border.message_id(), &fluent_args(&border.args()));
    }
    if let Some(ServiceError::InvalidBorder(border)) = error.downcast_ref::<ServiceError>() {
        return localizer.format(lang, border.message_id(), &fluent_args(&border.args()));
    }
    if let Some(ServiceError::Invalid(domain)) = error.downcast_ref::<ServiceError>() {
        return localizer.format(lang, domain.message_id(), &fluent_args(&domain.args()));
    }
    if let Some(ServiceError::Conflict) = error.downcast_ref::<ServiceError>() {
        return localizer.text(lang, "problem-conflict-detail");
    }
    if let Some(ServiceError::Unavailable(cause)) = error.downcast_ref::<ServiceError>() {
        return localizer.format(
            lang,
            "cli-error-database-unreachable",
            &[("cause", FluentValue::from(cause.clone()))],
        );
    }
    format!("{error:#}")
}
