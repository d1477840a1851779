//! Streaming linear referencing of a CSV file: rows with `lon`,`lat` in, the same rows out with
//! `border_km`, `distance_m`, `section`, `side` appended. One record in memory at a time.

use std::io::{Read, Write};

use crate::border::Border;

/// Why a row could not be located.
#[derive(Clone, Debug, PartialEq)]
pub enum BadRowReason {
    /// The row has another number of fields than the header.
    FieldCount { expected: usize, found: usize },
    /// `lon` or `lat` is not a number.
    NotANumber { column: &'static str, value: String },
    /// The position is outside WGS84 ranges (or NaN).
    OutOfRange { lon: f64, lat: f64 },
    /// The CSV itself could not be read at this row (e.g. invalid UTF-8).
    Unreadable { message: String },
}

impl BadRowReason {
    /// Fluent message id of the reason.
    pub fn message_id(&self) -> &'static str {
        match self {
            BadRowReason::FieldCount { .. } => "locate-reason-field-count",
            BadRowReason::NotANumber { .. } => "locate-reason-not-a-number",
            BadRowReason::OutOfRange { .. } => "locate-reason-out-of-range",
            BadRowReason::Unreadable { .. } => "locate-reason-unreadable",
        }
    }

    pub fn args(&self) -> Vec<(&'static str, String)> {
        match self {
            BadRowReason::FieldCount { expected, found } => {
                vec![("expected", expected.to_string()), ("found", found.to_string())]
            }
            BadRowReason::NotANumber { column, value } => {
                vec![("column", (*column).to_owned()), ("value", value.clone())]
            }
            BadRowReason::OutOfRange { lon, lat } => {
                vec![("lon", lon.to_string()), ("lat", lat.to_string())]
            }
            BadRowReason::Unreadable { message } => vec![("message", message.clone())],
        }
    }
}

/// A row that was skipped (or that stopped a strict run), with its 1-based line number.
#[derive(Clone, Debug, PartialEq)]
pub struct BadRow {
    pub line: u64,
    pub reason: BadRowReason,
}

/// Errors that stop the whole run.
#[derive(Debug, thiserror::Error)]
pub enum LocateCsvError {
    #[error("the header has no {0} column")]
    MissingColumn(&'static str),
    #[error("the input has no header row")]
    NoHeader,
    #[error("line {}: bad row", .0.line)]
    Strict(BadRow),
    #[error("CSV error: {0}")]
    Csv(#[from] csv::Error),
    #[error("I/O error: {0}")]
    Io(#[from] std::io::Error),
}

/// What a run did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Summary {
    pub located: u64,
    pub skipped: u64,
}

/// Reads CSV from `input`, writes the located rows to `output`. Each bad row is passed to
/// `on_bad_row` and skipped; with `strict` the first bad row ends the run with
/// [`LocateCsvError::Strict`]. Memory stays constant whatever the input size.
pub fn locate_csv<R: Read, W: Write>(
    border: &Border,
    input: R,
    output: W,
    strict: bool,
    mut on_bad_row: impl FnMut(&BadRow),
) -> Result<Summary, LocateCsvError> {
    let mut reader = csv::ReaderBuilder::new().flexible(true).has_headers(true).from_reader(input);
    let header = reader.headers()?.clone();
    if header.is_empty() {
        return Err(LocateCsvError::NoHeader);
    }
    let column = |name: &'static str| {
        header
            .iter()
            .position(|field| field.trim().eq_ignore_ascii_case(name))
            .ok_or(LocateCsvError::MissingColumn(name))
    };
    let (lon_column, lat_column) = (column("lon")?, column("lat")?);
    let mut writer = csv::WriterBuilder::new().from_writer(output);
    let mut out_header = header.clone();
    for name in ["border_km", "distance_m", "section", "side"] {
        out_header.push_field(name);
    }
    writer.write_record(&out_header)?;

    let mut record = csv::StringRecord::new();
    let mut summary = Summary::default();
    let mut line = 1_u64;
    loop {
        let read = reader.read_record(&mut record);
        line = record.position().map_or(line + 1, |position| position.line());
        let outcome = match read {
            Ok(false) => break,
            Ok(true) => check_row(&record, header.len(), lon_column, lat_column),
            Err(error) if matches!(error.kind(), csv::ErrorKind::Utf8 { .. }) => {
                Err(BadRowReason::Unreadable { message: error.to_string() })
            }
            Err(error) => return Err(error.into()),
        };
        let location =
            outcome.and_then(|(lon, lat)| border.locate(lon, lat).ok_or(BadRowReason::OutOfRange { lon, lat }));
        match location {
            Ok(location) => {
                record.push_field(&format!("{:.6}", location.border_km));
                record.push_field(&format!("{:.2}", location.distance_m));
                record.push_field(location.section.as_str());
                record.push_field(location.side.as_str());
                writer.write_record(&record)?;
                summary.located += 1;
            }
            Err(reason) => {
                let bad = BadRow { line, reason };
                if strict {
                    writer.flush()?;
                    return Err(LocateCsvError::Strict(bad));
                }
                on_bad_row(&bad);
                summary.skipped += 1;
            }
        }
    }
    writer.flush()?;
    Ok(summary)
}

fn check_row(
    record: &csv::StringRecord,
    width: usize,
    lon_column: usize,
    lat_column: usize,
) -> Result<(f64, f64), BadRowReason> {
    if record.len() != width {
        return Err(BadRowReason::FieldCount { expected: width, found: record.len() });
    }
    let number = |column: &'static str, index: usize| {
        let text = record.get(index).unwrap_or_default().trim();
        text.parse::<f64>().map_err(|_| BadRowReason::NotANumber { column, value: text.to_owned() })
    };
    let (lon, lat) = (number("lon", lon_column)?, number("lat", lat_column)?);
    let in_range =
        lon.is_finite() && lat.is_finite() && (-180.0..=180.0).contains(&lon) && (-90.0..=90.0).contains(&lat);
    if in_range { Ok((lon, lat)) } else { Err(BadRowReason::OutOfRange { lon, lat }) }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(input: &str, strict: bool) -> (Result<Summary, LocateCsvError>, String, Vec<BadRow>) {
        let mut output = Vec::new();
        let mut bad = Vec::new();
        let result = locate_csv(Border::bundled(), input.as_bytes(), &mut output, strict, |row| bad.push(row.clone()));
        (result, String::from_utf8(output).expect("utf-8 output"), bad)
    }

    #[test]
    fn rows_keep_their_columns_and_gain_the_border_fields() {
        let border = Border::bundled();
        let (lon, lat) = border.offset(100.0, 1500.0, crate::border::Side::Cn).expect("a point");
        let input = format!("name,lat,lon\n\"曼贺, 新寨\",{lat},{lon}\n");
        let (result, output, bad) = run(&input, false);
        assert_eq!(result.expect("runs"), Summary { located: 1, skipped: 0 });
        assert!(bad.is_empty());
        let mut lines = output.lines();
        assert_eq!(lines.next(), Some("name,lat,lon,border_km,distance_m,section,side"));
        let row = lines.next().expect("a row");
        let fields: Vec<&str> = row.rsplitn(5, ',').collect();
        assert_eq!(fields[0], "cn");
        assert_eq!(fields[1], "MM");
        let distance: f64 = fields[2].parse().expect("metres");
        let km: f64 = fields[3].parse().expect("km");
        assert!(distance <= 1500.01, "{distance}");
        assert_eq!(fields[3].split('.').nth(1).map(str::len), Some(6), "six decimals for km");
        assert_eq!(fields[2].split('.').nth(1).map(str::len), Some(2), "two decimals for metres");
        let expected = border.locate(lon, lat).expect("locates");
        assert!((km - expected.border_km).abs() < 1e-6);
        assert!(row.starts_with("\"曼贺, 新寨\","), "quoted fields pass through: {row}");
    }

    #[test]
    fn bad_rows_are_reported_with_their_line_and_skipped() {
        let input = "lon,lat,id\n100.2,21.9,a\nabc,21.9,b\n100.2,95,c\n100.2,21.9\n100.3,21.8,e\n";
        let (result, output, bad) = run(input, false);
        assert_eq!(result.expect("runs"), Summary { located: 2, skipped: 3 });
        let lines: Vec<u64> = bad.iter().map(|row| row.line).collect();
        assert_eq!(lines, vec![3, 4, 5]);
        assert!(matches!(bad[0].reason, BadRowReason::NotANumber { column: "lon", .. }));
        assert!(matches!(bad[1].reason, BadRowReason::OutOfRange { .. }));
        assert!(matches!(bad[2].reason, BadRowReason::FieldCount { expected: 3, found: 2 }));
        assert_eq!(output.lines().count(), 3, "header and the two good rows");
    }

    #[test]
    fn strict_mode_stops_at_the_first_bad_row() {
        let input = "lon,lat\n100.2,21.9\nNaN,21.9\n100.3,21.8\n";
        let (result, output, bad) = run(input, true);
        assert!(matches!(result, Err(LocateCsvError::Strict(BadRow { line: 3, .. }))));
        assert!(bad.is_empty(), "strict mode reports through the error, not the callback");
        assert_eq!(output.lines().count(), 2, "rows before the bad one were written");
    }

    #[test]
    fn a_header_without_lon_or_lat_is_refused() {
        let (result, _, _) = run("x,y\n1,2\n", false);
        assert!(matches!(result, Err(LocateCsvError::MissingColumn("lon"))));
    }
}
