//! Trends of incidents along the border, for the caller's jurisdiction: live incidents and
//! persons apprehended per km bin of the line and local calendar period ([`trend`]), and one
//! calendar year against another, in all or per section, km bin, category or county
//! ([`change`], with [`bin_change`] for the bins). The border strip chart, the map's colouring
//! by change, the bins endpoint, the trend and change endpoints and the yearly report all read
//! these functions.
//!
//! Speed: whole local months are read from the monthly rollup (`store::incident_rollup`,
//! kept exact by database triggers) when it is complete for the request's time zone and the
//! bin width is a whole number of km; partial months and other widths are counted from the
//! incidents themselves.

use std::collections::{BTreeMap, HashMap};

use chrono::{Datelike, Months, NaiveDate};
use sea_orm::{ConnectionTrait, DatabaseConnection, TransactionTrait};

use super::ServiceError;
use super::admin::{AdminTree, UnitRef};
use super::figures::latest_incident_year;
use crate::border::{Border, SectionCode};
use crate::domain::auth::Jurisdiction;
use crate::domain::bins::{BinWidth, KmBins, YearPair};
use crate::domain::figures::Change;
use crate::domain::incident::Category;
use crate::domain::period::{YEARS, local_midnight, local_year, year_bounds_utc};
use crate::domain::trend::{DaySpan, Grouping, PeriodKind, TrendSpan, check_cells, month_key};
use crate::store::incident_bins::{self, GroupColumn, GroupCount, GroupKey, Narrowing, PeriodBinCount, Window};
use crate::store::{StoreError, incident_rollup};

/// Live incidents and the persons apprehended in them, in one bin and one year.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct BinTotals {
    pub incidents: i64,
    pub persons: i64,
}

/// One km bin of the border, the base year against the compared one.
#[derive(Clone, Debug, PartialEq)]
pub struct BinChange {
    /// 0 for the bin starting at km 0.
    pub index: usize,
    pub start_km: f64,
    /// `start_km + bin_km`, except for the last bin, which ends at the end of the line.
    pub end_km: f64,
    /// The sections the bin lies in, in km order (two for the bin across the tripoint).
    pub sections: Vec<SectionCode>,
    pub base: BinTotals,
    pub compare: BinTotals,
    /// Incidents, base year → compared year.
    pub incidents: Change,
    /// Persons apprehended, base year → compared year.
    pub persons: Change,
}

/// Every bin of the line, from km 0 to its end.
#[derive(Clone, Debug, PartialEq)]
pub struct BinChanges {
    pub base_year: i32,
    pub compare_year: i32,
    pub bin_km: f64,
    pub length_km: f64,
    pub bins: Vec<BinChange>,
}

/// The years of a comparison as a request leaves them: the compared year defaults to the
/// latest year with live incidents in `scope` (else the current local year), the base year
/// to the year before the compared one. Refused when a year is outside
/// [`crate::domain::period::YEARS`] or the base is not before the compared year.
pub async fn resolve_years(
    db: &DatabaseConnection,
    scope: &Jurisdiction,
    base_year: Option<i32>,
    compare_year: Option<i32>,
    tz: chrono_tz::Tz,
) -> Result<YearPair, ServiceError> {
    let compare_year = match compare_year {
        Some(year) => year,
        None => latest_incident_year(db, scope, tz).await?.unwrap_or_else(|| local_year(chrono::Utc::now(), &tz)),
    };
    let base_year = base_year.unwrap_or(compare_year.saturating_sub(1));
    Ok(YearPair::new(base_year, compare_year)?)
}

/// Live incidents of `scope` and their persons apprehended per bin of `bins`, in local
/// calendar year `year` (time zone `tz`), counted by the database. Incidents without border
/// fields are not counted; one past the end of the line counts in the last bin.
pub async fn bin_totals(
    db: &DatabaseConnection,
    scope: &Jurisdiction,
    bins: &KmBins,
    year: i32,
    tz: chrono_tz::Tz,
) -> Result<Vec<BinTotals>, ServiceError> {
    let rows = match whole_km(bins.width_km()) {
        Some(cells) if rollup_ready(db, tz).await? => {
            incident_rollup::count_per_bin(db, scope, cells, (year * 100 + 1, year * 100 + 12)).await?
        }
        _ => {
            let (from, to) = year_bounds_utc(year, tz)
                .ok_or_else(|| anyhow::anyhow!("year {year} is out of the calendar's range"))?;
            incident_bins::count_per_bin(db, scope, bins.width_km(), from, to).await?
        }
    };
    let mut totals = vec![BinTotals::default(); bins.count()];
    for row in rows {
        if let Some(slot) = bins.index_of_raw(row.bin).and_then(|index| totals.get_mut(index)) {
            slot.incidents += row.incidents;
            slot.persons += row.persons;
        }
    }
    Ok(totals)
}

/// Incidents and persons apprehended per `bin_km` km of `border` (bin `i` covers
/// `[i × bin_km, (i + 1) × bin_km)`, the last ends at the end of the line), local calendar year
/// `compare_year` against `base_year`, for the live incidents of `scope`.
///
/// `bin_km` must lie within [`crate::domain::bins::BIN_KM`], both years within
/// [`crate::domain::period::YEARS`] and `base_year < compare_year`, else
/// [`ServiceError::Invalid`]. A bin with no incidents in the base year and some in the
/// compared one has no percentage: its change is "new".
#[tracing::instrument(skip(db, border))]
pub async fn bin_change(
    db: &DatabaseConnection,
    scope: &Jurisdiction,
    border: &Border,
    bin_km: f64,
    base_year: i32,
    compare_year: i32,
    tz: chrono_tz::Tz,
) -> Result<BinChanges, ServiceError> {
    let width = BinWidth::new(bin_km)?;
    let years = YearPair::new(base_year, compare_year)?;
    let bins = KmBins::new(width, border.length_km());
    let base = bin_totals(db, scope, &bins, years.base(), tz).await?;
    let compare = bin_totals(db, scope, &bins, years.compare(), tz).await?;
    let changes = base
        .into_iter()
        .zip(compare)
        .enumerate()
        .map(|(index, (base, compare))| {
            let (start_km, end_km) = bins.range(index);
            BinChange {
                index,
                start_km,
                end_km,
                sections: border.sections_within(start_km, end_km),
                base,
                compare,
                incidents: Change::new(base.incidents as f64, compare.incidents as f64),
                persons: Change::new(base.persons as f64, compare.persons as f64),
            }
        })
        .collect();
    Ok(BinChanges {
        base_year: years.base(),
        compare_year: years.compare(),
        bin_km: width.km(),
        length_km: bins.length_km(),
        bins: changes,
    })
}

/// A bin width as a whole number of the rollup's 1-km cells, if it is one.
fn whole_km(width_km: f64) -> Option<i64> {
    (width_km.fract() == 0.0 && (1.0..=1e6).contains(&width_km)).then_some(width_km as i64)
}

async fn rollup_ready(db: &impl ConnectionTrait, tz: chrono_tz::Tz) -> Result<bool, ServiceError> {
    Ok(incident_rollup::ready_for(db, tz.name()).await?)
}

/// The local months of [`YEARS`] in `tz` as UTC instants, for the rollup's months table.
fn rollup_months(tz: chrono_tz::Tz) -> Result<Vec<incident_rollup::MonthBounds>, ServiceError> {
    let out_of_range = || anyhow::anyhow!("a month of the calendar has no local midnight in {}", tz.name());
    let mut months = Vec::new();
    let mut first = NaiveDate::from_ymd_opt(*YEARS.start(), 1, 1).ok_or_else(out_of_range)?;
    while first.year() <= *YEARS.end() {
        let next = first.checked_add_months(Months::new(1)).ok_or_else(out_of_range)?;
        let starts_at = local_midnight(first, &tz).ok_or_else(out_of_range)?;
        let ends_at = local_midnight(next, &tz).ok_or_else(out_of_range)?;
        months.push((month_key(first), starts_at, ends_at));
        first = next;
    }
    Ok(months)
}

/// Rebuilds the monthly rollup for time zone `tz` from the incidents table: its months table
/// is refilled with the local months of `tz` and every live incident recounted, in about 2 s
/// for a million incidents on SQLite. [`ensure_rollup`] and [`resume_rollup`] call it.
///
/// Writers of incidents need not call anything: triggers on `incidents` keep the rollup exact
/// on every insert, update (a correction, a soft delete, a border import's recomputation) and
/// delete, whoever writes. Bulk writers may wrap their work in [`suspend_rollup`] and
/// [`resume_rollup`] for speed.
#[tracing::instrument(skip(db))]
pub async fn refresh_rollup(db: &impl ConnectionTrait, tz: chrono_tz::Tz) -> Result<u64, ServiceError> {
    let months = rollup_months(tz)?;
    Ok(incident_rollup::rebuild(db, &months, tz.name()).await?)
}

/// Before a bulk write (a demo load, an import of many incidents, a border import's
/// recomputation), inside its transaction: stops the rollup's triggers from counting row by
/// row. Returns the time zone the rollup was complete for; pass it to [`resume_rollup`] at the
/// end of the same transaction, which recounts everything at once (about 2 s for a million
/// incidents on SQLite, against about 11 s of trigger updates). Skipping both is correct too,
/// only slower.
pub async fn suspend_rollup(db: &impl ConnectionTrait) -> Result<Option<chrono_tz::Tz>, ServiceError> {
    let tz = incident_rollup::time_zone(db).await?.and_then(|name| name.parse::<chrono_tz::Tz>().ok());
    incident_rollup::suspend(db).await?;
    Ok(tz)
}

/// After a bulk write begun with [`suspend_rollup`], in the same transaction: rebuilds the
/// rollup for the time zone it was complete for (nothing when it was not complete; the server
/// rebuilds it when it starts).
pub async fn resume_rollup(db: &impl ConnectionTrait, suspended: Option<chrono_tz::Tz>) -> Result<(), ServiceError> {
    if let Some(tz) = suspended {
        refresh_rollup(db, tz).await?;
    }
    Ok(())
}

/// Makes sure the rollup is complete for `tz`, rebuilding it (in one transaction) when it was
/// built for another time zone or never. Cheap when it is: one lookup. The server calls it when
/// it starts, the demo loader before it writes.
pub async fn ensure_rollup(db: &DatabaseConnection, tz: chrono_tz::Tz) -> Result<(), ServiceError> {
    if rollup_ready(db, tz).await? {
        return Ok(());
    }
    let txn = db.begin().await.map_err(StoreError::from)?;
    let rows = refresh_rollup(&txn, tz).await?;
    txn.commit().await.map_err(StoreError::from)?;
    tracing::info!(rows, time_zone = tz.name(), "incident rollup rebuilt");
    Ok(())
}

/// What a trend counts: bins of `width`, periods of `period` over `span` (local days), and
/// optionally one category and one section.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct TrendRequest {
    pub width: BinWidth,
    pub period: PeriodKind,
    pub span: TrendSpan,
    pub category: Option<Category>,
    /// A section code (`MM`, `LA`).
    pub section: Option<&'static str>,
}

/// A km bin of a trend.
#[derive(Clone, Debug, PartialEq)]
pub struct TrendBin {
    pub index: usize,
    pub start_km: f64,
    pub end_km: f64,
    /// The sections the bin lies in, in km order.
    pub sections: Vec<SectionCode>,
}

/// A period of a trend: local days `first ..= last` (clipped to the request's days).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TrendPeriod {
    pub index: usize,
    /// `2024-03`, `2024-Q1` or `2024`.
    pub label: String,
    pub first: NaiveDate,
    pub last: NaiveDate,
    /// False when the request's days cut the period.
    pub whole: bool,
}

/// Live incidents and persons apprehended per km bin and period: dense matrices
/// `incidents[bin][period]`, zeros included.
#[derive(Clone, Debug, PartialEq)]
pub struct Trend {
    pub bin_km: f64,
    pub length_km: f64,
    pub period: PeriodKind,
    /// The local days counted, `first ..= last`.
    pub first: NaiveDate,
    pub last: NaiveDate,
    pub time_zone: chrono_tz::Tz,
    pub category: Option<Category>,
    pub section: Option<&'static str>,
    pub bins: Vec<TrendBin>,
    pub periods: Vec<TrendPeriod>,
    pub incidents: Vec<Vec<i64>>,
    pub persons: Vec<Vec<i64>>,
}

/// The local day of the latest live incident of `scope`, else today.
async fn latest_day(
    db: &DatabaseConnection,
    scope: &Jurisdiction,
    tz: chrono_tz::Tz,
) -> Result<NaiveDate, ServiceError> {
    let latest = incident_bins::latest_occurred_at(db, scope).await?.unwrap_or_else(chrono::Utc::now);
    Ok(latest.with_timezone(&tz).date_naive())
}

/// Live incidents of `scope` and their persons apprehended per km bin of `border` and local
/// calendar period (time zone `tz`): the request's days default to the 24 months (8 quarters,
/// 2 years) up to the period of the latest incident. Incidents without border fields are not
/// counted; one past the end of the line counts in the last bin.
///
/// Refused ([`ServiceError::Invalid`]) when the matrix would exceed
/// [`crate::domain::trend::MAX_CELLS`] cells.
#[tracing::instrument(skip(db, border))]
pub async fn trend(
    db: &DatabaseConnection,
    scope: &Jurisdiction,
    border: &Border,
    request: &TrendRequest,
    tz: chrono_tz::Tz,
) -> Result<Trend, ServiceError> {
    let latest = match (request.span.from(), request.span.to()) {
        (_, Some(to)) => to,
        _ => latest_day(db, scope, tz).await?,
    };
    let span = request.span.resolve(request.period, latest)?;
    let bins = KmBins::new(request.width, border.length_km());
    check_cells(bins.count(), span.period_count(request.period))?;
    let periods: Vec<TrendPeriod> = span
        .periods(request.period)
        .into_iter()
        .enumerate()
        .map(|(index, period)| TrendPeriod {
            index,
            label: period.label,
            first: period.first,
            last: period.last,
            whole: period.whole,
        })
        .collect();
    let narrowing = Narrowing { category: request.category.map(Category::code), section: request.section };
    let counts = period_bin_counts(db, scope, narrowing, &bins, &span, &periods, tz).await?;
    let mut incidents = vec![vec![0_i64; periods.len()]; bins.count()];
    let mut persons = vec![vec![0_i64; periods.len()]; bins.count()];
    for (period, bin, count) in counts {
        if let (Some(row), Some(person_row)) = (incidents.get_mut(bin), persons.get_mut(bin))
            && let (Some(cell), Some(person_cell)) = (row.get_mut(period), person_row.get_mut(period))
        {
            *cell += count.incidents;
            *person_cell += count.persons;
        }
    }
    let trend_bins = (0..bins.count())
        .map(|index| {
            let (start_km, end_km) = bins.range(index);
            TrendBin { index, start_km, end_km, sections: border.sections_within(start_km, end_km) }
        })
        .collect();
    Ok(Trend {
        bin_km: bins.width_km(),
        length_km: bins.length_km(),
        period: request.period,
        first: span.first(),
        last: span.last(),
        time_zone: tz,
        category: request.category,
        section: request.section,
        bins: trend_bins,
        periods,
        incidents,
        persons,
    })
}

/// Counts as `(period index, bin index, counts)`: whole local months from the rollup when it
/// can answer, everything else (the partial months at either end, or all when it cannot) from
/// the incidents.
async fn period_bin_counts(
    db: &DatabaseConnection,
    scope: &Jurisdiction,
    narrowing: Narrowing<'_>,
    bins: &KmBins,
    span: &DaySpan,
    periods: &[TrendPeriod],
    tz: chrono_tz::Tz,
) -> Result<Vec<(usize, usize, PeriodBinCount)>, ServiceError> {
    let mut counts = Vec::new();
    let bin_of = |raw: i64| bins.index_of_raw(raw);
    let rollup = match whole_km(bins.width_km()) {
        Some(cells) if rollup_ready(db, tz).await? => whole_months(span).map(|months| (cells, months)),
        _ => None,
    };
    let raw_days: Vec<(usize, NaiveDate, NaiveDate)> = match rollup {
        Some((cells, (first_month, last_month))) => {
            let months = (month_key(first_month), month_key(last_month));
            for row in incident_rollup::count_per_month_bin(db, scope, narrowing, cells, months).await? {
                let month = i32::try_from(row.period)
                    .ok()
                    .and_then(|key| NaiveDate::from_ymd_opt(key / 100, (key % 100) as u32, 1));
                if let (Some(period), Some(bin)) = (month.and_then(|day| period_of(periods, day)), bin_of(row.bin)) {
                    counts.push((period, bin, row));
                }
            }
            let after_last = last_month.checked_add_months(Months::new(1)).and_then(|day| day.pred_opt());
            let mut edges = Vec::new();
            if span.first() < first_month
                && let Some(before) = first_month.pred_opt()
            {
                edges.push((span.first(), before));
            }
            if let Some(month_end) = after_last.filter(|end| *end < span.last())
                && let Some(after) = month_end.succ_opt()
            {
                edges.push((after, span.last()));
            }
            edges
                .into_iter()
                .filter_map(|(first, last)| period_of(periods, first).map(|period| (period, first, last)))
                .collect()
        }
        None => periods.iter().map(|period| (period.index, period.first, period.last)).collect(),
    };
    let out_of_range = || anyhow::anyhow!("a day of the trend is out of the calendar's range");
    let windows: Vec<Window> = raw_days
        .into_iter()
        .map(|(period, first, last)| {
            let start = local_midnight(first, &tz).ok_or_else(out_of_range)?;
            let end = last.succ_opt().and_then(|next| local_midnight(next, &tz)).ok_or_else(out_of_range)?;
            Ok((period as i64, start, end))
        })
        .collect::<Result<_, ServiceError>>()?;
    for row in incident_bins::count_per_window_bin(db, scope, narrowing, bins.width_km(), &windows).await? {
        if let (Ok(period), Some(bin)) = (usize::try_from(row.period), bin_of(row.bin)) {
            counts.push((period, bin, row));
        }
    }
    Ok(counts)
}

/// The first days of the first and last whole local months within `span`, if it holds one.
fn whole_months(span: &DaySpan) -> Option<(NaiveDate, NaiveDate)> {
    let month_start = |day: NaiveDate| NaiveDate::from_ymd_opt(day.year(), day.month(), 1);
    let first = match month_start(span.first())? {
        start if start == span.first() => start,
        start => start.checked_add_months(Months::new(1))?,
    };
    // The month before the one holding the day after the span: the span's own last month
    // when the span ends on its last day.
    let last = month_start(span.last().succ_opt()?)?.checked_sub_months(Months::new(1))?;
    (first <= last).then_some((first, last))
}

/// The index of the period holding `day`.
fn period_of(periods: &[TrendPeriod], day: NaiveDate) -> Option<usize> {
    let index = periods.partition_point(|period| period.last < day);
    periods.get(index).filter(|period| period.first <= day).map(|period| period.index)
}

/// What a change table is grouped by, with the bin width for [`ChangeBy::Bin`].
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum ChangeBy {
    Total,
    Section,
    Bin(BinWidth),
    Category,
    County,
}

impl ChangeBy {
    /// The grouping, with `width` used for bins.
    pub fn new(grouping: Grouping, width: BinWidth) -> ChangeBy {
        match grouping {
            Grouping::Total => ChangeBy::Total,
            Grouping::Section => ChangeBy::Section,
            Grouping::Bin => ChangeBy::Bin(width),
            Grouping::Category => ChangeBy::Category,
            Grouping::County => ChangeBy::County,
        }
    }

    pub fn grouping(self) -> Grouping {
        match self {
            ChangeBy::Total => Grouping::Total,
            ChangeBy::Section => Grouping::Section,
            ChangeBy::Bin(_) => Grouping::Bin,
            ChangeBy::Category => Grouping::Category,
            ChangeBy::County => Grouping::County,
        }
    }
}

/// A border section as a change row names it.
#[derive(Clone, Debug, PartialEq)]
pub struct SectionName {
    pub code: SectionCode,
    pub name_zh: String,
    pub name_en: String,
}

/// What one row of a change table is about.
#[derive(Clone, Debug)]
pub enum ChangeKey {
    /// Every live incident in scope.
    Total,
    /// A section; `None` for incidents without border fields.
    Section(Option<SectionName>),
    /// A km bin of the border.
    Bin { index: usize, start_km: f64, end_km: f64, sections: Vec<SectionCode> },
    /// A category code (one of [`Category::ALL`], or a code stored by something else).
    Category(String),
    /// A county; `None` for incidents recorded without one (or above county level).
    County(Option<UnitRef>),
}

/// One row of a change table: live incidents and persons apprehended in both years.
#[derive(Clone, Debug)]
pub struct ChangeRow {
    pub key: ChangeKey,
    pub base: BinTotals,
    pub compare: BinTotals,
    /// Incidents, base year → compared year.
    pub incidents: Change,
    /// Persons apprehended, base year → compared year.
    pub persons: Change,
}

impl ChangeRow {
    fn new(key: ChangeKey, base: BinTotals, compare: BinTotals) -> ChangeRow {
        ChangeRow {
            key,
            base,
            compare,
            incidents: Change::new(base.incidents as f64, compare.incidents as f64),
            persons: Change::new(base.persons as f64, compare.persons as f64),
        }
    }
}

/// Live incidents of a jurisdiction, one local calendar year against another, grouped.
#[derive(Clone, Debug)]
pub struct ChangeTable {
    pub base_year: i32,
    pub compare_year: i32,
    pub by: ChangeBy,
    pub rows: Vec<ChangeRow>,
}

/// Live incidents and persons apprehended of `scope` in local calendar year `compare_year`
/// against `base_year` (time zone `tz`), grouped `by`:
///
/// - [`ChangeBy::Total`]: one row, every live incident (with or without border fields), the
///   figures the dashboard and the yearly report publish;
/// - [`ChangeBy::Section`]: a row per section of `border` in km order, then one for incidents
///   without border fields if there are any;
/// - [`ChangeBy::Bin`]: a row per km bin, from [`bin_change`];
/// - [`ChangeBy::Category`]: a row per category of [`Category::ALL`], then any other code found;
/// - [`ChangeBy::County`]: a row per county in scope or holding incidents of the scope, by
///   code, then one for incidents without a county if there are any.
///
/// Rows are dense: a group with nothing in either year is listed with zeros (its change is
/// "none"). A zero base with incidents in the compared year has no percentage ("new").
/// Both years must lie within [`crate::domain::period::YEARS`], the base before the compared.
#[tracing::instrument(skip(db, border))]
pub async fn change(
    db: &DatabaseConnection,
    scope: &Jurisdiction,
    border: &Border,
    base_year: i32,
    compare_year: i32,
    by: ChangeBy,
    tz: chrono_tz::Tz,
) -> Result<ChangeTable, ServiceError> {
    let years = YearPair::new(base_year, compare_year)?;
    let rows = match by {
        ChangeBy::Bin(width) => {
            let bins = bin_change(db, scope, border, width.km(), years.base(), years.compare(), tz).await?;
            bins.bins
                .into_iter()
                .map(|bin| ChangeRow {
                    key: ChangeKey::Bin {
                        index: bin.index,
                        start_km: bin.start_km,
                        end_km: bin.end_km,
                        sections: bin.sections,
                    },
                    base: bin.base,
                    compare: bin.compare,
                    incidents: bin.incidents,
                    persons: bin.persons,
                })
                .collect()
        }
        ChangeBy::Total => {
            let base = grouped(db, scope, GroupColumn::Nothing, years.base(), tz).await?;
            let compare = grouped(db, scope, GroupColumn::Nothing, years.compare(), tz).await?;
            let total = |rows: &[GroupCount]| totals_where(rows, |_| true);
            vec![ChangeRow::new(ChangeKey::Total, total(&base), total(&compare))]
        }
        ChangeBy::Section => {
            let base = grouped(db, scope, GroupColumn::Section, years.base(), tz).await?;
            let compare = grouped(db, scope, GroupColumn::Section, years.compare(), tz).await?;
            let of = |rows: &[GroupCount], code: Option<&str>| {
                totals_where(rows, |key| matches!(key, GroupKey::Code(found) if found.as_deref() == code))
            };
            let mut rows: Vec<ChangeRow> = border
                .sections()
                .iter()
                .map(|section| {
                    let code = Some(section.code.as_str());
                    let name = SectionName {
                        code: section.code,
                        name_zh: section.name_zh.clone(),
                        name_en: section.name_en.clone(),
                    };
                    ChangeRow::new(ChangeKey::Section(Some(name)), of(&base, code), of(&compare, code))
                })
                .collect();
            let is_section = |code: &str| border.sections().iter().any(|section| section.code.as_str() == code);
            let known = |key: &GroupKey| matches!(key, GroupKey::Code(Some(code)) if is_section(code));
            let (base_other, compare_other) =
                (totals_where(&base, |key| !known(key)), totals_where(&compare, |key| !known(key)));
            if base_other != BinTotals::default() || compare_other != BinTotals::default() {
                rows.push(ChangeRow::new(ChangeKey::Section(None), base_other, compare_other));
            }
            rows
        }
        ChangeBy::Category => {
            let base = grouped(db, scope, GroupColumn::Category, years.base(), tz).await?;
            let compare = grouped(db, scope, GroupColumn::Category, years.compare(), tz).await?;
            let mut codes: Vec<String> = Category::ALL.iter().map(|category| category.code().to_owned()).collect();
            for row in base.iter().chain(&compare) {
                if let GroupKey::Code(Some(code)) = &row.key
                    && !codes.contains(code)
                {
                    codes.push(code.clone());
                }
            }
            codes
                .into_iter()
                .map(|code| {
                    let of = |rows: &[GroupCount]| {
                        totals_where(rows, |key| matches!(key, GroupKey::Code(Some(found)) if *found == code))
                    };
                    let (base, compare) = (of(&base), of(&compare));
                    ChangeRow::new(ChangeKey::Category(code), base, compare)
                })
                .collect()
        }
        ChangeBy::County => {
            let base = grouped(db, scope, GroupColumn::AdminUnit, years.base(), tz).await?;
            let compare = grouped(db, scope, GroupColumn::AdminUnit, years.compare(), tz).await?;
            county_rows(db, scope, &base, &compare).await?
        }
    };
    Ok(ChangeTable { base_year: years.base(), compare_year: years.compare(), by, rows })
}

/// The rows of a change by county: counts per admin unit summed up to their county.
async fn county_rows(
    db: &DatabaseConnection,
    scope: &Jurisdiction,
    base: &[GroupCount],
    compare: &[GroupCount],
) -> Result<Vec<ChangeRow>, ServiceError> {
    let tree = AdminTree::load(db).await?;
    let mut counties: BTreeMap<String, (UnitRef, [BinTotals; 2])> = tree
        .at_level("county")
        .into_iter()
        .filter(|(id, _)| scope.covers(Some(*id)))
        .map(|(_, unit)| (unit.code.clone(), (unit, [BinTotals::default(); 2])))
        .collect();
    let mut without = [BinTotals::default(); 2];
    let mut county_of: HashMap<Option<i32>, Option<UnitRef>> = HashMap::new();
    for (slot, rows) in [base, compare].into_iter().enumerate() {
        for row in rows {
            let GroupKey::Unit(unit) = row.key else { continue };
            let county =
                county_of.entry(unit).or_insert_with(|| unit.and_then(|id| tree.ancestor(id, "county"))).clone();
            let totals = match county {
                Some(county) => {
                    &mut counties.entry(county.code.clone()).or_insert((county, [BinTotals::default(); 2])).1[slot]
                }
                None => &mut without[slot],
            };
            totals.incidents += row.incidents;
            totals.persons += row.persons;
        }
    }
    let mut rows: Vec<ChangeRow> = counties
        .into_values()
        .map(|(unit, [base, compare])| ChangeRow::new(ChangeKey::County(Some(unit)), base, compare))
        .collect();
    if without != [BinTotals::default(); 2] {
        rows.push(ChangeRow::new(ChangeKey::County(None), without[0], without[1]));
    }
    Ok(rows)
}

/// Sums the groups whose key passes `keep`.
fn totals_where(rows: &[GroupCount], keep: impl Fn(&GroupKey) -> bool) -> BinTotals {
    rows.iter().filter(|row| keep(&row.key)).fold(BinTotals::default(), |sum, row| BinTotals {
        incidents: sum.incidents + row.incidents,
        persons: sum.persons + row.persons,
    })
}

/// Live incidents of `scope` in local calendar year `year`, grouped by `group`: from the
/// rollup when it is complete for `tz`, else from the incidents.
async fn grouped(
    db: &DatabaseConnection,
    scope: &Jurisdiction,
    group: GroupColumn,
    year: i32,
    tz: chrono_tz::Tz,
) -> Result<Vec<GroupCount>, ServiceError> {
    if rollup_ready(db, tz).await? {
        return Ok(incident_rollup::count_grouped(db, scope, group, (year * 100 + 1, year * 100 + 12)).await?);
    }
    let (from, to) =
        year_bounds_utc(year, tz).ok_or_else(|| anyhow::anyhow!("year {year} is out of the calendar's range"))?;
    Ok(incident_bins::count_grouped(db, scope, group, from, to).await?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bin_across_the_tripoint_lies_in_both_sections() {
        let border = Border::bundled();
        let tripoint_km = border.sections()[1].start_km;
        let before = (tripoint_km / 10.0).floor() * 10.0;
        assert_eq!(border.sections_within(before, before + 10.0), vec![SectionCode::Mm, SectionCode::La]);
        assert_eq!(border.sections_within(0.0, 10.0), vec![SectionCode::Mm]);
        assert_eq!(border.sections_within(tripoint_km, tripoint_km + 5.0), vec![SectionCode::La]);
        assert_eq!(border.sections_within(tripoint_km - 5.0, tripoint_km), vec![SectionCode::Mm]);
    }
}
