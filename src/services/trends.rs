//! Trends of incidents along the border: live incidents and persons apprehended per km bin of
//! the line, one calendar year against another, for the caller's jurisdiction. The border
//! strip chart, the map's colouring by change and the bins endpoint all read [`bin_change`].

use sea_orm::DatabaseConnection;

use super::ServiceError;
use super::figures::latest_incident_year;
use crate::border::{Border, SectionCode};
use crate::domain::auth::Jurisdiction;
use crate::domain::bins::{BinWidth, KmBins, YearPair};
use crate::domain::figures::Change;
use crate::domain::period::{local_year, year_bounds_utc};
use crate::store::incident_bins;

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
    let (from, to) =
        year_bounds_utc(year, tz).ok_or_else(|| anyhow::anyhow!("year {year} is out of the calendar's range"))?;
    let rows = incident_bins::count_per_bin(db, scope, bins.width_km(), from, to).await?;
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
                sections: sections_within(border, start_km, end_km),
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

/// The sections sharing some length with `[start_km, end_km]`, in km order.
fn sections_within(border: &Border, start_km: f64, end_km: f64) -> Vec<SectionCode> {
    border
        .sections()
        .iter()
        .filter(|section| section.start_km < end_km && start_km < section.end_km)
        .map(|section| section.code)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bin_across_the_tripoint_lies_in_both_sections() {
        let border = Border::bundled();
        let tripoint_km = border.sections()[1].start_km;
        let before = (tripoint_km / 10.0).floor() * 10.0;
        assert_eq!(sections_within(border, before, before + 10.0), vec![SectionCode::Mm, SectionCode::La]);
        assert_eq!(sections_within(border, 0.0, 10.0), vec![SectionCode::Mm]);
        assert_eq!(sections_within(border, tripoint_km, tripoint_km + 5.0), vec![SectionCode::La]);
        assert_eq!(sections_within(border, tripoint_km - 5.0, tripoint_km), vec![SectionCode::Mm]);
    }
}
