//! `banna import incidents`: a GeoJSON or CSV file of incidents into the database, all or
//! nothing, with a progress bar over the bytes read.

use std::path::Path;

use fluent_bundle::FluentValue;
use indicatif::{ProgressBar, ProgressStyle};

use super::{Context, Failure, fluent_args};
use crate::domain::gcj02::Datum;
use crate::services;
use crate::services::incidents::{BadRecord, ImportFormat, ImportOptions, ImportOutcome, RecordAt};
use crate::store;

/// The format named by the file's extension.
fn format_of(file: &Path) -> Option<ImportFormat> {
    match file.extension()?.to_str()?.to_ascii_lowercase().as_str() {
        "geojson" | "json" => Some(ImportFormat::GeoJson),
        "csv" => Some(ImportFormat::Csv),
        _ => None,
    }
}

fn progress_bar(context: &Context, bytes: Option<u64>) -> ProgressBar {
    let (bar, template) = match bytes {
        Some(length) => (
            ProgressBar::new(length),
            "{msg:>12} [{bar:40}] {binary_bytes}/{binary_total_bytes} ({binary_bytes_per_sec}, {eta})",
        ),
        None => (ProgressBar::new_spinner(), "{msg:>12} {spinner} {binary_bytes} ({binary_bytes_per_sec})"),
    };
    bar.set_style(
        ProgressStyle::with_template(template).unwrap_or_else(|_| ProgressStyle::default_bar()).progress_chars("=> "),
    );
    bar.set_message(context.say("cli-progress-incidents", &[]));
    bar
}

pub async fn incidents(
    context: &Context,
    file: &Path,
    datum: Datum,
    format: Option<ImportFormat>,
) -> Result<(), Failure> {
    let stdin = file.as_os_str() == "-";
    let Some(format) = format.or_else(|| format_of(file)) else {
        eprintln!(
            "{}",
            context.say("cli-import-format-unknown", &[("file", FluentValue::from(file.display().to_string()))])
        );
        return Err(Failure::Rejected);
    };
    let (input, bytes): (Box<dyn std::io::Read + Send>, Option<u64>) = if stdin {
        (Box::new(std::io::stdin()), None)
    } else {
        let opened = std::fs::File::open(file)?;
        let length = opened.metadata().ok().map(|metadata| metadata.len());
        (Box::new(opened), length)
    };
    let db = store::connect(&context.settings.database).await?;
    store::migrate(&db).await?;
    let border = services::border::active(&db).await?;
    let bar = progress_bar(context, bytes);
    let file_name = if stdin {
        "-".to_owned()
    } else {
        file.file_name().map(|name| name.to_string_lossy().into_owned()).unwrap_or_default()
    };
    let options = ImportOptions { format, datum, file_name, actor_user_id: None, input_bytes: bytes };
    let outcome = services::incidents::import(&db, border, input, options, bar.clone()).await;
    bar.finish_and_clear();
    db.close().await?;
    match outcome? {
        ImportOutcome::Imported { records, seconds } => {
            let rate = if seconds > 0.0 { records as f64 / seconds } else { 0.0 };
            eprintln!(
                "{}",
                context.say(
                    "cli-import-done",
                    &[
                        ("records", FluentValue::from(records)),
                        ("seconds", FluentValue::from(format!("{seconds:.1}"))),
                        ("rate", FluentValue::from(format!("{rate:.0}"))),
                    ]
                )
            );
            Ok(())
        }
        ImportOutcome::Rejected { invalid, first } => {
            eprintln!(
                "{}",
                context.say(
                    "cli-import-rejected",
                    &[("invalid", FluentValue::from(invalid)), ("listed", FluentValue::from(first.len()))]
                )
            );
            for bad in &first {
                eprintln!("{}", describe(context, bad));
            }
            Err(Failure::Rejected)
        }
    }
}

/// One invalid record in words: where it is and why.
fn describe(context: &Context, bad: &BadRecord) -> String {
    let reason = context.say(bad.problem.message_id(), &fluent_args(&bad.problem.args()));
    match bad.at {
        RecordAt::Feature(index) => context.say(
            "cli-import-bad-feature",
            &[("index", FluentValue::from(index)), ("reason", FluentValue::from(reason))],
        ),
        RecordAt::Line(line) => context
            .say("cli-import-bad-line", &[("line", FluentValue::from(line)), ("reason", FluentValue::from(reason))]),
    }
}
