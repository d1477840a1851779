//! Hotspots: the km bins of the border whose incidents rose from one year to the next by more
//! than chance explains, for the caller's jurisdiction, with the villages and posts there.
//!
//! Each bin with at least one live incident in either year is tested on its own: the
//! conditional binomial test of two Poisson counts ([`crate::domain::stats::rise_p_value`]),
//! one-sided for a rise, the periods weighed by their length in days (a leap year is a day
//! longer; a year still running counts only up to now). The p-values of all the bins tested
//! are adjusted together by Benjamini–Hochberg; a bin is a hotspot when its q-value is at
//! most `alpha` and its rate rose.

use std::cmp::Ordering;

use chrono::{DateTime, Utc};
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder, Select};

use super::ServiceError;
use super::auth::Principal;
use super::records::matching_incidents;
use super::trends::{self, BinTotals};
use crate::border::{Border, SectionCode};
use crate::domain::auth::Jurisdiction;
use crate::domain::bins::{BinWidth, KmBins};
use crate::domain::filter::{DateSpan, IncidentFilter};
use crate::domain::incident::Category;
use crate::domain::period::year_bounds_utc;
use crate::domain::stats::{FdrLevel, benjamini_hochberg, rise_p_value};
use crate::store::StoreError;
use crate::store::entities::{post, village};
use crate::store::incident_cells;

/// How many villages are named beside each hotspot.
pub const NEAREST_VILLAGES: usize = 3;

/// What a hotspot query asks for; the years are defaulted as [`trends::resolve_years`] does.
#[derive(Clone, Copy, Debug, Default)]
pub struct HotspotQuery {
    pub width: BinWidth,
    pub base: Option<i32>,
    pub compare: Option<i32>,
    pub alpha: FdrLevel,
    pub category: Option<Category>,
}

/// A village near a hotspot, by distance along the border.
#[derive(Clone, Debug, PartialEq)]
pub struct NearVillage {
    pub id: i32,
    pub code: String,
    pub name_zh: String,
    pub name_en: Option<String>,
    pub border_km: f64,
    /// `|border_km − the bin's middle km|`.
    pub distance_km: f64,
}

/// A post whose sector shares some length with a hotspot.
#[derive(Clone, Debug, PartialEq)]
pub struct SectorPost {
    pub id: i32,
    pub code: String,
    pub name_zh: String,
    pub name_en: Option<String>,
    pub sector_start_km: f64,
    pub sector_end_km: f64,
}

/// One bin whose rise is significant.
#[derive(Clone, Debug, PartialEq)]
pub struct Hotspot {
    /// 0 for the bin starting at km 0.
    pub index: usize,
    pub start_km: f64,
    pub end_km: f64,
    pub sections: Vec<SectionCode>,
    pub base: BinTotals,
    pub compare: BinTotals,
    /// Incidents per day in the compared year over those in the base year; `None` when the
    /// base year had none ("new").
    pub rate_ratio: Option<f64>,
    pub p_value: f64,
    /// The Benjamini–Hochberg adjusted p-value across the bins tested.
    pub q_value: f64,
    pub villages: Vec<NearVillage>,
    pub posts: Vec<SectorPost>,
}

impl Hotspot {
    pub fn middle_km(&self) -> f64 {
        (self.start_km + self.end_km) / 2.0
    }

    /// Incidents more in the compared year than in the base year.
    pub fn rise(&self) -> i64 {
        self.compare.incidents - self.base.incidents
    }
}

/// The answer: the test's parameters and the hotspots, most significant first.
#[derive(Clone, Debug, PartialEq)]
pub struct Hotspots {
    pub base_year: i32,
    pub compare_year: i32,
    /// Length of the base year in days (up to now if it is still running).
    pub base_days: f64,
    pub compare_days: f64,
    /// `compare_days / (base_days + compare_days)`: the share of a bin's incidents expected in
    /// the compared year if the rate did not change.
    pub p0: f64,
    pub bin_km: f64,
    pub length_km: f64,
    pub alpha: f64,
    pub category: Option<Category>,
    /// Bins of the line.
    pub bins_total: usize,
    /// Bins with at least one incident in either year: the hypotheses adjusted together.
    pub bins_tested: usize,
    pub hotspots: Vec<Hotspot>,
}

/// Days from `start` to `end`, or to `now` if that is earlier; never negative.
fn elapsed_days(start: DateTime<Utc>, end: DateTime<Utc>, now: DateTime<Utc>) -> f64 {
    let until = end.min(now);
    (until - start).num_seconds().max(0) as f64 / 86_400.0
}

/// The live incidents `principal` may read in local calendar `year` (of `category`), as one
/// selection shared with the incident list.
async fn year_selection(
    db: &DatabaseConnection,
    principal: &Principal,
    year: i32,
    category: Option<Category>,
    tz: chrono_tz::Tz,
) -> Result<Select<crate::store::entities::incident::Entity>, ServiceError> {
    let dates = DateSpan::parse(Some(&year.to_string()), None, None)?;
    let filter = IncidentFilter { dates, category, ..IncidentFilter::default() };
    let (select, _) = matching_incidents(db, principal, &filter, None, tz).await?;
    Ok(select)
}

/// Incidents and persons per bin of `bins` in `year`.
async fn totals(
    db: &DatabaseConnection,
    principal: &Principal,
    bins: &KmBins,
    year: i32,
    category: Option<Category>,
    tz: chrono_tz::Tz,
) -> Result<Vec<BinTotals>, ServiceError> {
    let select = year_selection(db, principal, year, category, tz).await?;
    let rows = incident_cells::count_per_bin(db, select, bins.width_km()).await?;
    let mut totals = vec![BinTotals::default(); bins.count()];
    for row in rows {
        if let Some(slot) = bins.index_of_raw(row.bin).and_then(|index| totals.get_mut(index)) {
            slot.incidents += row.incidents;
            slot.persons += row.persons;
        }
    }
    Ok(totals)
}

/// The hotspots of `principal`'s jurisdiction: see the module documentation for the test.
/// Bad widths or years are [`ServiceError::Invalid`].
#[tracing::instrument(skip(db, principal, border))]
pub async fn hotspots(
    db: &DatabaseConnection,
    principal: &Principal,
    border: &Border,
    query: HotspotQuery,
    tz: chrono_tz::Tz,
) -> Result<Hotspots, ServiceError> {
    let scope = &principal.jurisdiction;
    let years = trends::resolve_years(db, scope, query.base, query.compare, tz).await?;
    let bins = KmBins::new(query.width, border.length_km());
    let base = totals(db, principal, &bins, years.base(), query.category, tz).await?;
    let compare = totals(db, principal, &bins, years.compare(), query.category, tz).await?;

    let now = Utc::now();
    let days = |year: i32| {
        year_bounds_utc(year, tz)
            .map(|(start, end)| elapsed_days(start, end, now))
            .ok_or_else(|| anyhow::anyhow!("year {year} is out of the calendar's range"))
    };
    let (base_days, compare_days) = (days(years.base())?, days(years.compare())?);
    let total_days = base_days + compare_days;
    let p0 = if total_days > 0.0 { compare_days / total_days } else { 0.5 };

    let tested: Vec<usize> =
        (0..bins.count()).filter(|&index| base[index].incidents + compare[index].incidents > 0).collect();
    let p_values: Vec<f64> = tested
        .iter()
        .map(|&index| {
            let (b, c) = (base[index].incidents.max(0) as u64, compare[index].incidents.max(0) as u64);
            rise_p_value(b, c, base_days, compare_days)
        })
        .collect();
    let q_values = benjamini_hochberg(&p_values);
    let alpha = query.alpha.value();

    let mut found: Vec<Hotspot> = Vec::new();
    for ((&index, &p_value), &q_value) in tested.iter().zip(&p_values).zip(&q_values) {
        let (b, c) = (base[index].incidents as f64, compare[index].incidents as f64);
        let base_rate = if base_days > 0.0 { b / base_days } else { 0.0 };
        let compare_rate = if compare_days > 0.0 { c / compare_days } else { 0.0 };
        if q_value > alpha || compare_rate <= base_rate {
            continue;
        }
        let (start_km, end_km) = bins.range(index);
        found.push(Hotspot {
            index,
            start_km,
            end_km,
            sections: border.sections_within(start_km, end_km),
            base: base[index],
            compare: compare[index],
            rate_ratio: (b > 0.0).then(|| compare_rate / base_rate),
            p_value,
            q_value,
            villages: Vec::new(),
            posts: Vec::new(),
        });
    }
    found.sort_by(|a, b| {
        a.q_value
            .total_cmp(&b.q_value)
            .then_with(|| b.rise().cmp(&a.rise()))
            .then_with(|| a.start_km.partial_cmp(&b.start_km).unwrap_or(Ordering::Equal))
    });
    if !found.is_empty() {
        let villages = located_villages(db, scope).await?;
        let posts = posts_in(db, scope).await?;
        for hotspot in &mut found {
            hotspot.villages = nearest(&villages, hotspot.middle_km(), NEAREST_VILLAGES);
            hotspot.posts = posts
                .iter()
                .filter(|post| post.sector_start_km < hotspot.end_km && hotspot.start_km < post.sector_end_km)
                .cloned()
                .collect();
        }
    }
    Ok(Hotspots {
        base_year: years.base(),
        compare_year: years.compare(),
        base_days,
        compare_days,
        p0,
        bin_km: query.width.km(),
        length_km: bins.length_km(),
        alpha,
        category: query.category,
        bins_total: bins.count(),
        bins_tested: tested.len(),
        hotspots: found,
    })
}

/// The `count` villages with the smallest `|border_km − km|` (ties by id).
fn nearest(villages: &[NearVillage], km: f64, count: usize) -> Vec<NearVillage> {
    let mut near: Vec<NearVillage> = villages
        .iter()
        .map(|village| NearVillage { distance_km: (village.border_km - km).abs(), ..village.clone() })
        .collect();
    near.sort_by(|a, b| a.distance_km.total_cmp(&b.distance_km).then_with(|| a.id.cmp(&b.id)));
    near.truncate(count);
    near
}

fn db_err(error: sea_orm::DbErr) -> ServiceError {
    StoreError::from(error).into()
}

/// Villages of `scope` with border fields.
async fn located_villages(db: &DatabaseConnection, scope: &Jurisdiction) -> Result<Vec<NearVillage>, ServiceError> {
    let mut select = village::Entity::find().filter(village::Column::BorderKm.is_not_null());
    if let Jurisdiction::Units(units) = scope {
        select = select.filter(village::Column::AdminUnitId.is_in(units.iter().copied()));
    }
    let rows = select.order_by_asc(village::Column::Id).all(db).await.map_err(db_err)?;
    Ok(rows
        .into_iter()
        .filter_map(|row| {
            Some(NearVillage {
                border_km: row.border_km?,
                id: row.id,
                code: row.code,
                name_zh: row.name_zh,
                name_en: row.name_en,
                distance_km: 0.0,
            })
        })
        .collect())
}

/// Posts of `scope`, in the order of their sectors.
async fn posts_in(db: &DatabaseConnection, scope: &Jurisdiction) -> Result<Vec<SectorPost>, ServiceError> {
    let mut select = post::Entity::find();
    if let Jurisdiction::Units(units) = scope {
        select = select.filter(post::Column::AdminUnitId.is_in(units.iter().copied()));
    }
    let rows = select
        .order_by_asc(post::Column::SectorStartKm)
        .order_by_asc(post::Column::Id)
        .all(db)
        .await
        .map_err(db_err)?;
    Ok(rows
        .into_iter()
        .map(|row| SectorPost {
            id: row.id,
            code: row.code,
            name_zh: row.name_zh,
            name_en: row.name_en,
            sector_start_km: row.sector_start_km,
            sector_end_km: row.sector_end_km,
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    use super::*;

    #[test]
    fn a_running_year_counts_only_the_days_so_far() {
        let tz = chrono_tz::Asia::Shanghai;
        let (start, end) = year_bounds_utc(2024, tz).expect("a year");
        let later = Utc.with_ymd_and_hms(2030, 1, 1, 0, 0, 0).single().expect("a time");
        assert_eq!(elapsed_days(start, end, later), 366.0);
        let midyear = start + chrono::Duration::days(100);
        assert_eq!(elapsed_days(start, end, midyear), 100.0);
        assert_eq!(elapsed_days(start, end, start - chrono::Duration::days(3)), 0.0);
    }

    #[test]
    fn the_nearest_villages_are_measured_along_the_border() {
        let village = |id, border_km| NearVillage {
            id,
            code: format!("V{id}"),
            name_zh: String::new(),
            name_en: None,
            border_km,
            distance_km: 0.0,
        };
        let villages = [village(1, 3.0), village(2, 14.0), village(3, 16.0), village(4, 40.0), village(5, 6.0)];
        let near = nearest(&villages, 15.0, 3);
        let ids: Vec<i32> = near.iter().map(|v| v.id).collect();
        assert_eq!(ids, [2, 3, 5], "ties (14 and 16 km, both 1 km away) by id");
        assert_eq!(near[2].distance_km, 9.0);
    }
}
