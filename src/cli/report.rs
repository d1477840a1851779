//! `banna report --year 2024`: the yearly report of the whole prefecture, as Markdown or as a
//! standalone HTML page. The command runs as the system (no account), over every admin unit.

use std::io::Write;
use std::path::Path;

use fluent_bundle::FluentValue;
use unic_langid::LanguageIdentifier;

use super::{Context, Failure};
use crate::domain::DomainError;
use crate::domain::auth::Jurisdiction;
use crate::domain::period::parse_year;
use crate::i18n::COMPLETE;
use crate::services;
use crate::store;

/// How the report is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Markdown.
    Md,
    /// A standalone HTML page with its stylesheet, ready to print.
    Html,
}

/// Prints a usage error (`cli.ftl`) and exits with code 2.
fn reject(context: &Context, id: &str, args: &[(&str, FluentValue<'_>)]) -> Failure {
    eprintln!("{}: {}", context.say("cli-error", &[]), context.say(id, args));
    Failure::Rejected
}

/// The year asked for, checked before any I/O.
fn year(context: &Context, year: Option<&str>) -> Result<i32, Failure> {
    let Some(text) = year.filter(|text| !text.trim().is_empty()) else {
        return Err(reject(context, "cli-report-no-year", &[]));
    };
    parse_year(text).map_err(|error| match error {
        DomainError::InvalidYear { value, min, max } => reject(
            context,
            "cli-report-bad-year",
            &[("value", FluentValue::from(value)), ("min", FluentValue::from(min)), ("max", FluentValue::from(max))],
        ),
        other => Failure::Error(other.into()),
    })
}

/// The report's language: `--lang` (zh-CN or en), else the configured default.
fn language(context: &Context, lang: Option<&str>) -> Result<LanguageIdentifier, Failure> {
    let Some(tag) = lang else {
        return Ok(context.lang.clone());
    };
    let known = COMPLETE.iter().find(|known| known.eq_ignore_ascii_case(tag.trim()));
    match known.and_then(|known| known.parse().ok()) {
        Some(lang) => Ok(lang),
        None => Err(reject(
            context,
            "cli-report-bad-lang",
            &[("value", FluentValue::from(tag.to_owned())), ("choices", FluentValue::from(COMPLETE.join(", ")))],
        )),
    }
}

pub async fn yearly(
    context: &Context,
    year_arg: Option<&str>,
    lang_arg: Option<&str>,
    format: Format,
    output: Option<&Path>,
) -> Result<(), Failure> {
    let year = year(context, year_arg)?;
    let lang = language(context, lang_arg)?;
    let db = store::connect(&context.settings.database).await?;
    store::migrate(&db).await?;
    let border = services::border::active(&db).await?;
    let report = services::report::yearly(&db, &Jurisdiction::All, &border, year, context.settings.time_zone()).await;
    db.close().await?;
    let view = crate::report::view(&report?, context.localizer, &lang);
    let text = match format {
        Format::Md => crate::report::markdown(&view),
        Format::Html => crate::report::html_document(&view)?,
    };
    match output {
        Some(path) => {
            std::fs::write(path, text)?;
            let file = FluentValue::from(path.display().to_string());
            eprintln!("{}", context.say("cli-report-written", &[("year", FluentValue::from(year)), ("file", file)]));
        }
        None => {
            let mut stdout = std::io::stdout().lock();
            stdout.write_all(text.as_bytes())?;
            stdout.flush()?;
        }
    }
    Ok(())
}
