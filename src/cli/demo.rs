//! `banna demo`: load the deterministic demo data, with progress bars.

use fluent_bundle::FluentValue;

use super::{Context, Failure};
use crate::services;
use crate::services::demo::{DemoOptions, DemoOutcome, Progress};
use crate::store;

pub async fn load(context: &Context, seed: u64, incidents: u64) -> Result<(), Failure> {
    let db = store::connect(&context.settings.database).await?;
    store::migrate(&db).await?;
    let border = services::border::active(&db).await?;
    let options = DemoOptions { seed, incidents };
    let outcome = services::demo::load(&db, &border, options, context.settings.time_zone(), Progress::Bars).await?;
    eprintln!("{}", describe(context, &outcome));
    db.close().await?;
    Ok(())
}

/// The outcome in words.
pub fn describe(context: &Context, outcome: &DemoOutcome) -> String {
    match outcome {
        DemoOutcome::Loaded { seed, villages, posts, departments, incidents, seconds } => context.say(
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
        DemoOutcome::AlreadyLoaded { seed, incidents } => context.say(
            "cli-demo-already",
            &[("seed", FluentValue::from(seed.clone())), ("incidents", FluentValue::from(incidents.clone()))],
        ),
        DemoOutcome::NotEmpty => context.say("cli-demo-skipped-not-empty", &[]),
    }
}
