//! `banna locales check`: coverage per locale against zh-CN, and every problem the rules of
//! `i18n::check_sources` find (syntax, missing required messages, orphans, placeables).

use std::path::Path;

use fluent_bundle::FluentValue;

use super::{Context, Failure};
use crate::i18n::{self, PUBLIC_COMPLETE};

pub fn check(context: &Context, dir: &Path) -> Result<(), Failure> {
    let (coverage, errors) = i18n::check_dir(dir)?;
    for locale in &coverage {
        println!(
            "{}",
            context.say(
                "locales-coverage",
                &[
                    ("locale", FluentValue::from(locale.locale.clone())),
                    ("defined", FluentValue::from(locale.defined)),
                    ("reference", FluentValue::from(locale.reference)),
                    ("percent", FluentValue::from(format!("{:.0}", locale.percent()))),
                ]
            )
        );
        for id in &locale.missing {
            println!("    - {id}");
        }
    }
    for error in &errors {
        let (id, args) = error.message();
        eprintln!("{}", context.say(id, &args));
    }
    if errors.is_empty() {
        println!("{}", context.say("locales-ok", &[("public", FluentValue::from(PUBLIC_COMPLETE.join(", ")))]));
        Ok(())
    } else {
        eprintln!("{}", context.say("locales-failed", &[("errors", FluentValue::from(errors.len()))]));
        Err(Failure::Rejected)
    }
}
