//! Calendar periods counted in local time (Asia/Shanghai by default), as reports state them.

use chrono::{DateTime, NaiveDate, TimeZone, Utc};

/// The UTC instants `[start, end)` of local calendar year `year` in `tz`.
///
/// ```
/// use banna_border::domain::period::year_bounds_utc;
/// let (start, end) = year_bounds_utc(2024, chrono_tz::Asia::Shanghai).unwrap();
/// assert_eq!(start.to_rfc3339(), "2023-12-31T16:00:00+00:00");
/// assert_eq!(end.to_rfc3339(), "2024-12-31T16:00:00+00:00");
/// ```
pub fn year_bounds_utc<Tz: TimeZone>(year: i32, tz: Tz) -> Option<(DateTime<Utc>, DateTime<Utc>)> {
    let start = local_midnight(NaiveDate::from_ymd_opt(year, 1, 1)?, &tz)?;
    let end = local_midnight(NaiveDate::from_ymd_opt(year + 1, 1, 1)?, &tz)?;
    Some((start, end))
}

/// The local calendar year of an instant.
pub fn local_year<Tz: TimeZone>(instant: DateTime<Utc>, tz: &Tz) -> i32 {
    use chrono::Datelike;
    instant.with_timezone(tz).year()
}

/// The earliest and latest calendar years a report may ask for.
pub const YEARS: std::ops::RangeInclusive<i32> = 2000..=2100;

/// Parses a report year such as `2024` (within [`YEARS`]).
///
/// ```
/// use banna_border::domain::period::parse_year;
/// assert_eq!(parse_year(" 2024 "), Ok(2024));
/// assert!(parse_year("24").is_err() && parse_year("2024-01").is_err());
/// ```
pub fn parse_year(text: &str) -> Result<i32, crate::domain::DomainError> {
    text.trim().parse::<i32>().ok().filter(|year| YEARS.contains(year)).ok_or_else(|| {
        crate::domain::DomainError::InvalidYear { value: text.to_owned(), min: *YEARS.start(), max: *YEARS.end() }
    })
}

/// The UTC instant local day `date` starts in `tz`.
pub fn local_midnight<Tz: TimeZone>(date: NaiveDate, tz: &Tz) -> Option<DateTime<Utc>> {
    let naive = date.and_hms_opt(0, 0, 0)?;
    tz.from_local_datetime(&naive).earliest().map(|local| local.with_timezone(&Utc))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn new_year_in_shanghai_is_the_previous_evening_in_utc() {
        let tz = chrono_tz::Asia::Shanghai;
        let (start, _) = year_bounds_utc(2023, tz).expect("valid year");
        assert_eq!(local_year(start, &tz), 2023);
        assert_eq!(local_year(start - chrono::Duration::seconds(1), &tz), 2022);
    }
}
