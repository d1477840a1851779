//! `banna locate`: streaming CSV linear referencing against the border.

use std::fs::File;
use std::io::{self, BufReader, BufWriter, Read, Write};
use std::path::{Path, PathBuf};

use fluent_bundle::FluentValue;

use super::{Context, Failure, fluent_args};
use crate::border::Border;
use crate::services::locate_csv::{BadRow, LocateCsvError, locate_csv};

pub fn locate(
    context: &Context,
    border: Option<PathBuf>,
    input: PathBuf,
    output: PathBuf,
    strict: bool,
) -> Result<(), Failure> {
    let loaded;
    let border = match border {
        Some(path) => {
            let text = std::fs::read_to_string(&path)?;
            loaded = Border::from_geojson_str(&text)?;
            &loaded
        }
        None => Border::bundled(),
    };
    let reader: Box<dyn Read> =
        if is_stdio(&input) { Box::new(io::stdin().lock()) } else { Box::new(File::open(&input)?) };
    let writer: Box<dyn Write> =
        if is_stdio(&output) { Box::new(io::stdout().lock()) } else { Box::new(File::create(&output)?) };
    let report = |row: &BadRow| eprintln!("{}", bad_row(context, row));
    let result = locate_csv(
        border,
        BufReader::with_capacity(1 << 16, reader),
        BufWriter::with_capacity(1 << 16, writer),
        strict,
        report,
    );
    match result {
        Ok(summary) => {
            eprintln!(
                "{}",
                context.say(
                    "locate-summary",
                    &[("located", FluentValue::from(summary.located)), ("skipped", FluentValue::from(summary.skipped))]
                )
            );
            Ok(())
        }
        Err(LocateCsvError::Strict(row)) => {
            eprintln!("{}", bad_row(context, &row));
            Err(Failure::Rejected)
        }
        Err(LocateCsvError::MissingColumn(column)) => {
            eprintln!("{}", context.say("locate-missing-column", &[("column", FluentValue::from(column))]));
            Err(Failure::Rejected)
        }
        Err(other) => Err(other.into()),
    }
}

fn is_stdio(path: &Path) -> bool {
    path.as_os_str() == "-"
}

fn bad_row(context: &Context, row: &BadRow) -> String {
    let reason = context.say(row.reason.message_id(), &fluent_args(&row.reason.args()));
    context.say("locate-bad-row", &[("line", FluentValue::from(row.line)), ("reason", FluentValue::from(reason))])
}
