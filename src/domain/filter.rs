//! Filters of the record lists as people fill them in a form: every field arrives as text
//! (an empty field means "no filter") and is parsed into a typed value, or into a
//! [`DomainError`] that names the field and the value so the page can say what is wrong.

use chrono::{Datelike, NaiveDate};

use super::DomainError;
use super::incident::Category;
use super::paging::parse_id;
use super::period::{YEARS, parse_year};

/// The border sections a record can lie on (ISO 3166-1 alpha-2 of the neighbour).
pub const SECTIONS: [&str; 2] = ["MM", "LA"];

/// Longest name search kept (characters); longer input is cut, not refused.
pub const MAX_SEARCH_CHARS: usize = 100;

/// A form field's value, or `None` when it was left empty.
fn given(value: Option<&str>) -> Option<&str> {
    value.map(str::trim).filter(|text| !text.is_empty())
}

/// A checkbox or yes/no field: empty, `0`, `false` or `off` is no; `1`, `true` or `on` is yes.
pub fn parse_flag(name: &'static str, value: Option<&str>) -> Result<bool, DomainError> {
    match given(value).map(str::to_ascii_lowercase).as_deref() {
        None | Some("0" | "false" | "off") => Ok(false),
        Some("1" | "true" | "on") => Ok(true),
        Some(_) => Err(DomainError::InvalidFlag { name, value: value.unwrap_or_default().to_owned() }),
    }
}

/// A GB/T 2260 code of a county (six digits); whether it exists is for the caller to check.
fn parse_county(value: Option<&str>) -> Result<Option<String>, DomainError> {
    match given(value) {
        None => Ok(None),
        Some(code) if code.len() == 6 && code.bytes().all(|byte| byte.is_ascii_digit()) => Ok(Some(code.to_owned())),
        Some(code) => Err(DomainError::UnknownJurisdiction { value: code.to_owned() }),
    }
}

/// Local calendar days `from ..= to`, either end open.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct DateSpan {
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
}

impl DateSpan {
    /// From a year and/or first and last days (`YYYY-MM-DD`). A year and days together keep
    /// the days of both; a span that ends before it starts is refused.
    pub fn parse(year: Option<&str>, from: Option<&str>, to: Option<&str>) -> Result<DateSpan, DomainError> {
        let day = |name: &'static str, value: Option<&str>| {
            given(value)
                .map(|text| {
                    NaiveDate::parse_from_str(text, "%Y-%m-%d")
                        .ok()
                        .filter(|date| YEARS.contains(&date.year()))
                        .ok_or_else(|| DomainError::InvalidDate { name, value: text.to_owned() })
                })
                .transpose()
        };
        let (mut first, mut last) = (day("from", from)?, day("to", to)?);
        if let (Some(first), Some(last)) = (first, last)
            && first > last
        {
            return Err(DomainError::ReversedRange { name: "dates", min: first.to_string(), max: last.to_string() });
        }
        if let Some(year) = given(year).map(parse_year).transpose()? {
            let (start, end) = (NaiveDate::from_ymd_opt(year, 1, 1), NaiveDate::from_ymd_opt(year, 12, 31));
            first = first.max(start);
            last = match (last, end) {
                (Some(last), Some(end)) => Some(last.min(end)),
                (last, end) => last.or(end),
            };
            if let (Some(first), Some(last)) = (first, last)
                && first > last
            {
                return Err(DomainError::ReversedRange {
                    name: "dates",
                    min: first.to_string(),
                    max: last.to_string(),
                });
            }
        }
        Ok(DateSpan { from: first, to: last })
    }

    /// The days of a calendar year, 1 January to 31 December (`None` out of the calendar).
    pub fn year(year: i32) -> Option<DateSpan> {
        let (first, last) = (NaiveDate::from_ymd_opt(year, 1, 1)?, NaiveDate::from_ymd_opt(year, 12, 31)?);
        Some(DateSpan { from: Some(first), to: Some(last) })
    }

    /// The first day, if bounded.
    pub fn from(&self) -> Option<NaiveDate> {
        self.from
    }

    /// The last day (inclusive), if bounded.
    pub fn to(&self) -> Option<NaiveDate> {
        self.to
    }
}

/// Km along the border, `min_km ..= max_km`, either end open; never negative.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct KmRange {
    min_km: Option<f64>,
    max_km: Option<f64>,
}

impl KmRange {
    pub fn parse(min_km: Option<&str>, max_km: Option<&str>) -> Result<KmRange, DomainError> {
        let km = |name: &'static str, value: Option<&str>| {
            given(value)
                .map(|text| {
                    text.parse::<f64>()
                        .ok()
                        .filter(|km| km.is_finite() && *km >= 0.0)
                        .ok_or_else(|| DomainError::InvalidKm { name, value: text.to_owned() })
                })
                .transpose()
        };
        let (min, max) = (km("min_km", min_km)?, km("max_km", max_km)?);
        if let (Some(low), Some(high)) = (min, max)
            && low > high
        {
            return Err(DomainError::ReversedRange { name: "km", min: low.to_string(), max: high.to_string() });
        }
        Ok(KmRange { min_km: min, max_km: max })
    }

    pub fn min_km(&self) -> Option<f64> {
        self.min_km
    }

    pub fn max_km(&self) -> Option<f64> {
        self.max_km
    }
}

/// The incident list's filter form, as text.
#[derive(Clone, Copy, Debug, Default)]
pub struct IncidentQuery<'a> {
    pub year: Option<&'a str>,
    pub from: Option<&'a str>,
    pub to: Option<&'a str>,
    pub category: Option<&'a str>,
    pub section: Option<&'a str>,
    pub county: Option<&'a str>,
    pub min_km: Option<&'a str>,
    pub max_km: Option<&'a str>,
}

/// Which incidents to list.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct IncidentFilter {
    pub dates: DateSpan,
    pub category: Option<Category>,
    /// One of [`SECTIONS`].
    pub section: Option<&'static str>,
    /// GB/T 2260 code of a county.
    pub county: Option<String>,
    pub km: KmRange,
}

impl IncidentFilter {
    pub fn parse(query: IncidentQuery<'_>) -> Result<IncidentFilter, DomainError> {
        let category = given(query.category)
            .map(|code| Category::parse(code).ok_or_else(|| DomainError::UnknownCategory { value: code.to_owned() }))
            .transpose()?;
        let section = given(query.section)
            .map(|code| {
                SECTIONS
                    .into_iter()
                    .find(|known| known.eq_ignore_ascii_case(code))
                    .ok_or_else(|| DomainError::UnknownSection { value: code.to_owned() })
            })
            .transpose()?;
        Ok(IncidentFilter {
            dates: DateSpan::parse(query.year, query.from, query.to)?,
            category,
            section,
            county: parse_county(query.county)?,
            km: KmRange::parse(query.min_km, query.max_km)?,
        })
    }
}

/// Which villages to list.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct VillageFilter {
    pub county: Option<String>,
    pub key_only: bool,
    /// Part of a name or code, as typed (trimmed, at most [`MAX_SEARCH_CHARS`]).
    pub name: Option<String>,
}

impl VillageFilter {
    pub fn parse(county: Option<&str>, key: Option<&str>, name: Option<&str>) -> Result<VillageFilter, DomainError> {
        Ok(VillageFilter {
            county: parse_county(county)?,
            key_only: parse_flag("key", key)?,
            name: given(name).map(|text| text.chars().take(MAX_SEARCH_CHARS).collect()),
        })
    }
}

/// Which linkages to list.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LinkageFilter {
    pub county: Option<String>,
    pub department_id: Option<i64>,
    /// Only linkages running today.
    pub active_only: bool,
}

impl LinkageFilter {
    pub fn parse(
        county: Option<&str>,
        department: Option<&str>,
        active: Option<&str>,
    ) -> Result<LinkageFilter, DomainError> {
        Ok(LinkageFilter {
            county: parse_county(county)?,
            department_id: given(department).map(parse_id).transpose()?,
            active_only: parse_flag("active", active)?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(year: i32, month: u32, date: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(year, month, date)
    }

    #[test]
    fn empty_fields_filter_nothing() {
        let filter = IncidentFilter::parse(IncidentQuery {
            year: Some(""),
            from: Some(" "),
            category: Some(""),
            ..IncidentQuery::default()
        })
        .expect("valid");
        assert_eq!(filter, IncidentFilter::default());
    }

    #[test]
    fn a_year_becomes_its_first_and_last_day_and_narrows_given_days() {
        let span = DateSpan::parse(Some("2024"), None, None).expect("valid");
        assert_eq!((span.from(), span.to()), (day(2024, 1, 1), day(2024, 12, 31)));
        let span = DateSpan::parse(Some("2024"), Some("2023-06-01"), Some("2024-03-31")).expect("valid");
        assert_eq!((span.from(), span.to()), (day(2024, 1, 1), day(2024, 3, 31)));
        assert!(matches!(
            DateSpan::parse(Some("2023"), Some("2024-02-01"), None),
            Err(DomainError::ReversedRange { name: "dates", .. })
        ));
        assert_eq!(DateSpan::year(2024), Some(DateSpan::parse(Some("2024"), None, None).expect("valid")));
    }

    #[test]
    fn bad_dates_years_and_reversed_spans_are_refused_with_their_value() {
        assert_eq!(
            DateSpan::parse(None, Some("2024-13-01"), None),
            Err(DomainError::InvalidDate { name: "from", value: "2024-13-01".to_owned() })
        );
        assert_eq!(
            DateSpan::parse(None, None, Some("yesterday")),
            Err(DomainError::InvalidDate { name: "to", value: "yesterday".to_owned() })
        );
        assert!(matches!(DateSpan::parse(Some("20x4"), None, None), Err(DomainError::InvalidYear { .. })));
        assert!(DateSpan::parse(None, Some("1066-10-14"), None).is_err(), "outside the years of reports");
        assert!(matches!(
            DateSpan::parse(None, Some("2024-05-02"), Some("2024-05-01")),
            Err(DomainError::ReversedRange { .. })
        ));
        assert!(DateSpan::parse(None, Some("2024-05-01"), Some("2024-05-01")).is_ok(), "one day is a span");
    }

    #[test]
    fn categories_sections_and_counties_are_checked() {
        let query = |category, section, county| IncidentQuery { category, section, county, ..IncidentQuery::default() };
        let filter = IncidentFilter::parse(query(Some("smuggling"), Some("la"), Some("532822"))).expect("valid");
        assert_eq!(filter.category, Some(Category::Smuggling));
        assert_eq!(filter.section, Some("LA"));
        assert_eq!(filter.county.as_deref(), Some("532822"));
        assert_eq!(
            IncidentFilter::parse(query(Some("piracy"), None, None)),
            Err(DomainError::UnknownCategory { value: "piracy".to_owned() })
        );
        assert_eq!(
            IncidentFilter::parse(query(None, Some("VN"), None)),
            Err(DomainError::UnknownSection { value: "VN".to_owned() })
        );
        assert!(IncidentFilter::parse(query(None, None, Some("Menghai"))).is_err());
    }

    #[test]
    fn km_ranges_are_non_negative_and_ordered() {
        let range = KmRange::parse(Some("10.5"), Some("20")).expect("valid");
        assert_eq!((range.min_km(), range.max_km()), (Some(10.5), Some(20.0)));
        assert!(matches!(KmRange::parse(Some("30"), Some("20")), Err(DomainError::ReversedRange { name: "km", .. })));
        for bad in ["-1", "NaN", "inf", "ten"] {
            assert!(KmRange::parse(Some(bad), None).is_err(), "{bad}");
        }
    }

    #[test]
    fn flags_accept_checkbox_values_only() {
        assert_eq!(parse_flag("key", Some("on")), Ok(true));
        assert_eq!(parse_flag("key", Some("1")), Ok(true));
        assert_eq!(parse_flag("key", None), Ok(false));
        assert_eq!(parse_flag("key", Some("0")), Ok(false));
        assert_eq!(
            parse_flag("key", Some("maybe")),
            Err(DomainError::InvalidFlag { name: "key", value: "maybe".into() })
        );
    }

    #[test]
    fn village_and_linkage_filters_parse_their_fields() {
        let villages = VillageFilter::parse(Some("532823"), Some("on"), Some("  曼  ")).expect("valid");
        assert_eq!(villages, VillageFilter { county: Some("532823".into()), key_only: true, name: Some("曼".into()) });
        let long = "名".repeat(300);
        let cut = VillageFilter::parse(None, None, Some(&long)).expect("valid");
        assert_eq!(cut.name.map(|name| name.chars().count()), Some(MAX_SEARCH_CHARS));
        let linkages = LinkageFilter::parse(None, Some("7"), Some("1")).expect("valid");
        assert_eq!(linkages, LinkageFilter { county: None, department_id: Some(7), active_only: true });
        assert!(LinkageFilter::parse(None, Some("seven"), None).is_err());
    }
}
