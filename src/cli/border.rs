//! `banna border info` and `banna border import`.

use std::path::Path;

use fluent_bundle::FluentValue;
use indicatif::{ProgressBar, ProgressStyle};

use super::{Context, Failure};
use crate::services;
use crate::store;

pub async fn info(context: &Context) -> Result<(), Failure> {
    let db = store::connect(&context.settings.database).await?;
    store::migrate(&db).await?;
    let border = services::border::active(&db).await?;
    for section in border.sections() {
        println!(
            "{}",
            context.say(
                "border-info-section",
                &[
                    ("code", FluentValue::from(section.code.as_str())),
                    ("name", FluentValue::from(section.name_zh.clone())),
                    ("start_km", FluentValue::from(format!("{:.3}", section.start_km))),
                    ("end_km", FluentValue::from(format!("{:.3}", section.end_km))),
                    ("length_km", FluentValue::from(format!("{:.3}", section.length_km()))),
                ]
            )
        );
    }
    let measured = border.length_km();
    let line = match border.official_length_km() {
        Some(official) => context.say(
            "border-info-total",
            &[
                ("measured_km", FluentValue::from(format!("{measured:.3}"))),
                ("official_km", FluentValue::from(format!("{official:.1}"))),
                ("ratio_pct", FluentValue::from(format!("{:.1}", measured / official * 100.0))),
            ],
        ),
        None => context
            .say("border-info-total-no-official", &[("measured_km", FluentValue::from(format!("{measured:.3}")))]),
    };
    println!("{line}");
    db.close().await?;
    Ok(())
}

pub async fn import(context: &Context, file: &Path, pillars: Option<&Path>) -> Result<(), Failure> {
    let geojson = std::fs::read_to_string(file)?;
    let pillars_csv = pillars.map(std::fs::read_to_string).transpose()?;
    let db = store::connect(&context.settings.database).await?;
    store::migrate(&db).await?;
    let bar = ProgressBar::new(0);
    bar.set_style(
        ProgressStyle::with_template("{msg:>12} [{bar:40}] {pos}/{len} ({per_sec}, {eta})")
            .unwrap_or_else(|_| ProgressStyle::default_bar())
            .progress_chars("=> "),
    );
    bar.set_message(context.say("cli-progress-recompute", &[]));
    let source = file.file_name().map(|name| name.to_string_lossy().into_owned()).unwrap_or_default();
    let report = services::border::import(&db, &source, &geojson, pillars_csv.as_deref(), &bar).await;
    bar.finish_and_clear();
    let report = report?;
    eprintln!(
        "{}",
        context.say(
            "border-imported",
            &[
                ("version", FluentValue::from(report.version_id)),
                ("measured_km", FluentValue::from(format!("{:.3}", report.measured_length_km))),
                ("pillars", FluentValue::from(report.pillars)),
                ("records", FluentValue::from(report.records)),
            ]
        )
    );
    db.close().await?;
    Ok(())
}
