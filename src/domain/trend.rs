//! The calendar side of trends along the border: local months, quarters and years, the days a
//! trend request covers (given as days or whole months), the grouping of a year-on-year change
//! and the cap on the size of a bins × periods matrix.
//!
//! Everything here is local calendar dates; turning them into UTC instants is
//! [`super::period::local_midnight`]'s job.

use chrono::{Datelike, Months, NaiveDate};

use super::DomainError;
use super::period::YEARS;

/// Largest bins × periods matrix a trend request may ask for.
pub const MAX_CELLS: usize = 100_000;

/// How many months a trend covers when the request names no start.
pub const DEFAULT_MONTHS: u32 = 24;

/// The length of a trend's periods.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum PeriodKind {
    #[default]
    Month,
    Quarter,
    Year,
}

impl PeriodKind {
    /// `month`, `quarter` or `year`.
    ///
    /// ```
    /// use banna_border::domain::trend::PeriodKind;
    /// assert_eq!(PeriodKind::parse("Quarter"), Ok(PeriodKind::Quarter));
    /// assert!(PeriodKind::parse("week").is_err());
    /// ```
    pub fn parse(text: &str) -> Result<PeriodKind, DomainError> {
        match text.trim().to_ascii_lowercase().as_str() {
            "month" => Ok(PeriodKind::Month),
            "quarter" => Ok(PeriodKind::Quarter),
            "year" => Ok(PeriodKind::Year),
            _ => Err(DomainError::UnknownPeriod { value: text.to_owned() }),
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            PeriodKind::Month => "month",
            PeriodKind::Quarter => "quarter",
            PeriodKind::Year => "year",
        }
    }

    /// Months in one period.
    pub fn months(self) -> u32 {
        match self {
            PeriodKind::Month => 1,
            PeriodKind::Quarter => 3,
            PeriodKind::Year => 12,
        }
    }

    /// The first day of the period containing `day`.
    pub fn start_of(self, day: NaiveDate) -> NaiveDate {
        let month0 = day.month0() - day.month0() % self.months();
        NaiveDate::from_ymd_opt(day.year(), month0 + 1, 1).unwrap_or(day)
    }

    /// The label of the period starting on `first`: `2024-03`, `2024-Q1` or `2024`.
    pub fn label(self, first: NaiveDate) -> String {
        match self {
            PeriodKind::Month => format!("{:04}-{:02}", first.year(), first.month()),
            PeriodKind::Quarter => format!("{:04}-Q{}", first.year(), first.month0() / 3 + 1),
            PeriodKind::Year => format!("{:04}", first.year()),
        }
    }
}

/// One period of a trend, clipped to the days the request covers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CalendarPeriod {
    /// `2024-03`, `2024-Q1` or `2024`.
    pub label: String,
    /// First day counted (the period's first day, or the span's when it starts later).
    pub first: NaiveDate,
    /// Last day counted, inclusive.
    pub last: NaiveDate,
    /// Whether the whole period is counted (not cut by the span).
    pub whole: bool,
}

/// Local calendar days `first ..= last`, both within [`YEARS`], not reversed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DaySpan {
    first: NaiveDate,
    last: NaiveDate,
}

impl DaySpan {
    pub fn new(first: NaiveDate, last: NaiveDate) -> Result<DaySpan, DomainError> {
        if first > last {
            return Err(DomainError::ReversedRange { name: "dates", min: first.to_string(), max: last.to_string() });
        }
        Ok(DaySpan { first, last })
    }

    pub fn first(&self) -> NaiveDate {
        self.first
    }

    pub fn last(&self) -> NaiveDate {
        self.last
    }

    /// The periods of `kind` that share a day with the span, in order, each clipped to it.
    ///
    /// ```
    /// use banna_border::domain::trend::{DaySpan, PeriodKind};
    /// use chrono::NaiveDate;
    /// let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
    /// let span = DaySpan::new(day(2024, 2, 15), day(2024, 7, 31)).unwrap();
    /// let quarters = span.periods(PeriodKind::Quarter);
    /// let labels: Vec<&str> = quarters.iter().map(|p| p.label.as_str()).collect();
    /// assert_eq!(labels, ["2024-Q1", "2024-Q2", "2024-Q3"]);
    /// assert_eq!((quarters[0].first, quarters[0].whole), (day(2024, 2, 15), false));
    /// assert!(quarters[1].whole);
    /// ```
    pub fn periods(&self, kind: PeriodKind) -> Vec<CalendarPeriod> {
        let mut periods = Vec::new();
        let mut start = kind.start_of(self.first);
        while start <= self.last {
            let Some(next) = start.checked_add_months(Months::new(kind.months())) else { break };
            let Some(period_last) = next.pred_opt() else { break };
            let first = start.max(self.first);
            let last = period_last.min(self.last);
            periods.push(CalendarPeriod {
                label: kind.label(start),
                first,
                last,
                whole: first == start && last == period_last,
            });
            start = next;
        }
        periods
    }

    /// How many periods of `kind` [`DaySpan::periods`] gives, without listing them.
    pub fn period_count(&self, kind: PeriodKind) -> usize {
        let index = |day: NaiveDate| i64::from(day.year()) * 12 + i64::from(day.month0());
        let months = i64::from(kind.months());
        let first = index(kind.start_of(self.first)) / months;
        let last = index(kind.start_of(self.last)) / months;
        usize::try_from(last - first + 1).unwrap_or(0)
    }
}

/// A `from` or `to` of a trend request: a day (`2024-03-15`) or a whole month (`2024-03`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Bound {
    Day(NaiveDate),
    /// The first day of the month.
    Month(NaiveDate),
}

fn parse_bound(name: &'static str, text: &str) -> Result<Bound, DomainError> {
    let invalid = || DomainError::InvalidMonthOrDate { name, value: text.to_owned() };
    let trimmed = text.trim();
    let bound = match trimmed.len() {
        10 => NaiveDate::parse_from_str(trimmed, "%Y-%m-%d").ok().map(Bound::Day),
        7 => NaiveDate::parse_from_str(&format!("{trimmed}-01"), "%Y-%m-%d").ok().map(Bound::Month),
        _ => None,
    }
    .ok_or_else(invalid)?;
    let (Bound::Day(day) | Bound::Month(day)) = bound;
    if YEARS.contains(&day.year()) { Ok(bound) } else { Err(invalid()) }
}

/// The days a trend covers, as a request gives them: `from` and `to` are each a day
/// (`YYYY-MM-DD`) or a month (`YYYY-MM`: from its first day, to its last), empty for absent.
/// Absent ends are filled by [`TrendSpan::resolve`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct TrendSpan {
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
}

impl TrendSpan {
    /// ```
    /// use banna_border::domain::trend::TrendSpan;
    /// use chrono::NaiveDate;
    /// let span = TrendSpan::parse(Some("2023-02"), Some("2024-02")).unwrap();
    /// assert_eq!(span.from(), NaiveDate::from_ymd_opt(2023, 2, 1));
    /// assert_eq!(span.to(), NaiveDate::from_ymd_opt(2024, 2, 29));
    /// assert!(TrendSpan::parse(Some("2024-2"), None).is_err());
    /// ```
    pub fn parse(from: Option<&str>, to: Option<&str>) -> Result<TrendSpan, DomainError> {
        fn given(value: Option<&str>) -> Option<&str> {
            value.filter(|text| !text.trim().is_empty())
        }
        let from = given(from)
            .map(|text| {
                parse_bound("from", text).map(|bound| match bound {
                    Bound::Day(day) | Bound::Month(day) => day,
                })
            })
            .transpose()?;
        let to = given(to)
            .map(|text| {
                parse_bound("to", text).map(|bound| match bound {
                    Bound::Day(day) => day,
                    Bound::Month(first) => last_of_month(first),
                })
            })
            .transpose()?;
        if let (Some(first), Some(last)) = (from, to) {
            DaySpan::new(first, last)?;
        }
        Ok(TrendSpan { from, to })
    }

    pub fn from(&self) -> Option<NaiveDate> {
        self.from
    }

    pub fn to(&self) -> Option<NaiveDate> {
        self.to
    }

    /// The days to count. A missing `to` is the last day of the period (of `kind`) holding
    /// `latest` (the day of the latest incident, or today), or of the one holding `from` when
    /// that is later; a missing `from` starts [`DEFAULT_MONTHS`] months' worth of whole periods
    /// before the end (24 months, 8 quarters or 2 years, the last one holding `to`).
    ///
    /// ```
    /// use banna_border::domain::trend::{PeriodKind, TrendSpan};
    /// use chrono::NaiveDate;
    /// let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
    /// let span = TrendSpan::default().resolve(PeriodKind::Month, day(2024, 11, 20)).unwrap();
    /// assert_eq!((span.first(), span.last()), (day(2022, 12, 1), day(2024, 11, 30)));
    /// ```
    pub fn resolve(&self, kind: PeriodKind, latest: NaiveDate) -> Result<DaySpan, DomainError> {
        let end_of_period = |day: NaiveDate| {
            kind.start_of(day)
                .checked_add_months(Months::new(kind.months()))
                .and_then(|next| next.pred_opt())
                .unwrap_or(day)
        };
        let last = match (self.to, self.from) {
            (Some(to), _) => to,
            (None, Some(from)) => end_of_period(latest).max(end_of_period(from)),
            (None, None) => end_of_period(latest),
        };
        let first = match self.from {
            Some(from) => from,
            None => {
                let periods = (DEFAULT_MONTHS / kind.months()).max(1);
                kind.start_of(last)
                    .checked_sub_months(Months::new((periods - 1) * kind.months()))
                    .unwrap_or_else(|| kind.start_of(last))
            }
        };
        let clamp = |day: NaiveDate| {
            let (min, max) = (
                NaiveDate::from_ymd_opt(*YEARS.start(), 1, 1).unwrap_or(day),
                NaiveDate::from_ymd_opt(*YEARS.end(), 12, 31).unwrap_or(day),
            );
            day.clamp(min, max)
        };
        DaySpan::new(clamp(first), clamp(last))
    }
}

fn last_of_month(first: NaiveDate) -> NaiveDate {
    first.checked_add_months(Months::new(1)).and_then(|next| next.pred_opt()).unwrap_or(first)
}

/// Refuses a matrix of more than [`MAX_CELLS`] cells.
pub fn check_cells(bins: usize, periods: usize) -> Result<(), DomainError> {
    match bins.checked_mul(periods) {
        Some(cells) if cells <= MAX_CELLS => Ok(()),
        _ => Err(DomainError::TooManyCells { bins, periods, max: MAX_CELLS }),
    }
}

/// What a year-on-year change table is grouped by.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Grouping {
    /// One row: everything in scope.
    #[default]
    Total,
    /// One row per border section.
    Section,
    /// One row per km bin of the border.
    Bin,
    /// One row per incident category.
    Category,
    /// One row per county.
    County,
}

impl Grouping {
    /// `total`, `section`, `bin`, `category` or `county`.
    ///
    /// ```
    /// use banna_border::domain::trend::Grouping;
    /// assert_eq!(Grouping::parse("county"), Ok(Grouping::County));
    /// assert!(Grouping::parse("village").is_err());
    /// ```
    pub fn parse(text: &str) -> Result<Grouping, DomainError> {
        match text.trim().to_ascii_lowercase().as_str() {
            "total" => Ok(Grouping::Total),
            "section" => Ok(Grouping::Section),
            "bin" => Ok(Grouping::Bin),
            "category" => Ok(Grouping::Category),
            "county" => Ok(Grouping::County),
            _ => Err(DomainError::UnknownGrouping { value: text.to_owned() }),
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Grouping::Total => "total",
            Grouping::Section => "section",
            Grouping::Bin => "bin",
            Grouping::Category => "category",
            Grouping::County => "county",
        }
    }
}

/// A local month as `year × 100 + month` (`202403`), the key of the monthly rollup.
pub fn month_key(day: NaiveDate) -> i32 {
    day.year() * 100 + day.month() as i32
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(year: i32, month: u32, date: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(year, month, date).expect("a date")
    }

    fn labels(periods: &[CalendarPeriod]) -> Vec<&str> {
        periods.iter().map(|period| period.label.as_str()).collect()
    }

    #[test]
    fn months_quarters_and_years_are_labelled_as_officials_write_them() {
        assert_eq!(PeriodKind::Month.label(day(2024, 3, 1)), "2024-03");
        assert_eq!(PeriodKind::Quarter.label(day(2024, 10, 1)), "2024-Q4");
        assert_eq!(PeriodKind::Year.label(day(2024, 1, 1)), "2024");
        assert_eq!(PeriodKind::Quarter.start_of(day(2024, 6, 30)), day(2024, 4, 1));
        assert_eq!(PeriodKind::Year.start_of(day(2024, 6, 30)), day(2024, 1, 1));
        assert_eq!(PeriodKind::Month.start_of(day(2024, 2, 29)), day(2024, 2, 1));
    }

    #[test]
    fn a_span_lists_every_period_it_touches_clipped_to_its_days() {
        let span = DaySpan::new(day(2023, 11, 10), day(2024, 2, 29)).expect("valid");
        let months = span.periods(PeriodKind::Month);
        assert_eq!(labels(&months), ["2023-11", "2023-12", "2024-01", "2024-02"]);
        assert_eq!((months[0].first, months[0].last, months[0].whole), (day(2023, 11, 10), day(2023, 11, 30), false));
        assert_eq!((months[3].first, months[3].last, months[3].whole), (day(2024, 2, 1), day(2024, 2, 29), true));
        let years = span.periods(PeriodKind::Year);
        assert_eq!(labels(&years), ["2023", "2024"]);
        assert!(!years[0].whole && !years[1].whole);
        for kind in [PeriodKind::Month, PeriodKind::Quarter, PeriodKind::Year] {
            assert_eq!(span.period_count(kind), span.periods(kind).len(), "{kind:?}");
        }
        let whole = DaySpan::new(day(2000, 1, 1), day(2100, 12, 31)).expect("valid");
        assert_eq!(whole.period_count(PeriodKind::Month), 1212);
        assert_eq!(whole.periods(PeriodKind::Month).len(), 1212);
    }

    #[test]
    fn from_and_to_take_days_or_whole_months() {
        let span = TrendSpan::parse(Some("2024-03-15"), Some("2024-04")).expect("valid");
        assert_eq!((span.from(), span.to()), (Some(day(2024, 3, 15)), Some(day(2024, 4, 30))));
        let span = TrendSpan::parse(Some(" "), None).expect("empty is absent");
        assert_eq!(span, TrendSpan::default());
        for bad in ["2024-13", "2024-02-30", "1999-12", "24-01", "March", "2024-3-1"] {
            assert_eq!(
                TrendSpan::parse(Some(bad), None),
                Err(DomainError::InvalidMonthOrDate { name: "from", value: bad.to_owned() }),
                "{bad}"
            );
        }
        assert!(matches!(
            TrendSpan::parse(Some("2024-05"), Some("2024-04-30")),
            Err(DomainError::ReversedRange { name: "dates", .. })
        ));
        assert!(TrendSpan::parse(Some("2024-05"), Some("2024-05")).is_ok(), "one month is a span");
    }

    #[test]
    fn missing_ends_default_to_whole_periods_up_to_the_latest_incident() {
        let latest = day(2024, 8, 20);
        let months = TrendSpan::default().resolve(PeriodKind::Month, latest).expect("valid");
        assert_eq!((months.first(), months.last()), (day(2022, 9, 1), day(2024, 8, 31)));
        assert_eq!(months.period_count(PeriodKind::Month), 24);
        let quarters = TrendSpan::default().resolve(PeriodKind::Quarter, latest).expect("valid");
        assert_eq!((quarters.first(), quarters.last()), (day(2022, 10, 1), day(2024, 9, 30)));
        assert_eq!(quarters.period_count(PeriodKind::Quarter), 8);
        let years = TrendSpan::default().resolve(PeriodKind::Year, latest).expect("valid");
        assert_eq!((years.first(), years.last()), (day(2023, 1, 1), day(2024, 12, 31)));

        let only_to = TrendSpan::parse(None, Some("2024-03-10")).expect("valid");
        let span = only_to.resolve(PeriodKind::Month, latest).expect("valid");
        assert_eq!((span.first(), span.last()), (day(2022, 4, 1), day(2024, 3, 10)));
        let only_from = TrendSpan::parse(Some("2025-02"), None).expect("valid");
        let span = only_from.resolve(PeriodKind::Month, latest).expect("valid");
        assert_eq!((span.first(), span.last()), (day(2025, 2, 1), day(2025, 2, 28)), "never before from");
        let early = TrendSpan::default().resolve(PeriodKind::Month, day(2000, 6, 1)).expect("valid");
        assert_eq!(early.first(), day(2000, 1, 1), "clamped to the years of reports");
    }

    #[test]
    fn a_matrix_is_capped_at_a_hundred_thousand_cells() {
        assert!(check_cells(68, 24).is_ok());
        assert!(check_cells(1000, 100).is_ok());
        assert_eq!(check_cells(674, 1212), Err(DomainError::TooManyCells { bins: 674, periods: 1212, max: MAX_CELLS }));
        assert!(check_cells(usize::MAX, 2).is_err());
    }

    #[test]
    fn groupings_and_month_keys() {
        for grouping in [Grouping::Total, Grouping::Section, Grouping::Bin, Grouping::Category, Grouping::County] {
            assert_eq!(Grouping::parse(grouping.code()), Ok(grouping));
        }
        assert_eq!(Grouping::parse("VILLAGE"), Err(DomainError::UnknownGrouping { value: "VILLAGE".to_owned() }));
        assert_eq!(month_key(day(2024, 3, 31)), 202403);
    }
}
