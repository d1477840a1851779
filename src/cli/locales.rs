//! `banna locales check`: coverage per locale against zh-CN, and every syntax error.

use std::path::Path;

use fluent_bundle::FluentValue;

use super::{Context, Failure};
use crate::i18n::{self, DEFAULT_LOCALE};

/// Locales that must define every message of the reference.
const COMPLETE: [&str; 2] = [DEFAULT_LOCALE, "en"];

pub fn check(context: &Context, dir: &Path) -> Result<(), Failure> {
    let (coverage, errors) = i18n::check_dir(dir)?;
    for locale in &coverage {
        let percent =
            if locale.reference == 0 { 100.0 } else { locale.defined as f64 * 100.0 / locale.reference as f64 };
        println!(
            "{}",
            context.say(
                "locales-coverage",
                &[
                    ("locale", FluentValue::from(locale.locale.clone())),
                    ("defined", FluentValue::from(locale.defined)),
                    ("reference", FluentValue::from(locale.reference)),
                    ("percent", FluentValue::from(format!("{percent:.0}"))),
                ]
            )
        );
        for id in &locale.missing {
            println!("    - {id}");
        }
    }
    for error in &errors {
        eprintln!("{error}");
    }
    let incomplete: Vec<&str> = coverage
        .iter()
        .filter(|locale| COMPLETE.contains(&locale.locale.as_str()) && !locale.missing.is_empty())
        .map(|locale| locale.locale.as_str())
        .collect();
    if errors.is_empty() && incomplete.is_empty() {
        println!("{}", context.say("locales-ok", &[]));
        Ok(())
    } else {
        eprintln!(
            "{}",
            context.say(
                "locales-failed",
                &[
                    ("errors", FluentValue::from(errors.len())),
                    ("incomplete", FluentValue::from(incomplete.join(", ")))
                ]
            )
        );
        Err(Failure::Rejected)
    }
}
